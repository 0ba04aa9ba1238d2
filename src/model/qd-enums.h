/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  QD_MEMBER_LEVEL_AGENT,
  QD_MEMBER_LEVEL_TEAM_LEAD,
  QD_MEMBER_LEVEL_MANAGER,
  QD_MEMBER_LEVEL_DIRECTOR,
} QdMemberLevel;

typedef enum
{
  QD_MEMBER_STATUS_ACTIVE,
  QD_MEMBER_STATUS_ON_LEAVE,
  QD_MEMBER_STATUS_LEFT,
} QdMemberStatus;

typedef enum
{
  QD_READINESS_NOT_YET,
  QD_READINESS_ONE_TO_TWO_YEARS,
  QD_READINESS_READY_NOW,
} QdReadiness;

#define QD_TYPE_MEMBER_LEVEL (qd_member_level_get_type ())
#define QD_TYPE_MEMBER_STATUS (qd_member_status_get_type ())
#define QD_TYPE_READINESS (qd_readiness_get_type ())

GType        qd_member_level_get_type      (void) G_GNUC_CONST;
GType        qd_member_status_get_type     (void) G_GNUC_CONST;
GType        qd_readiness_get_type         (void) G_GNUC_CONST;

const char  *qd_enum_to_nick               (GType           type,
                                            int             value);
gboolean     qd_enum_from_nick             (GType           type,
                                            const char     *nick,
                                            int            *value);

const char  *qd_member_level_to_nick       (QdMemberLevel   level);
const char  *qd_member_level_to_label      (QdMemberLevel   level);
gboolean     qd_member_level_from_nick     (const char     *nick,
                                            QdMemberLevel  *level);
const char  *qd_member_status_to_nick      (QdMemberStatus  status);
const char  *qd_member_status_to_label     (QdMemberStatus  status);
gboolean     qd_member_status_from_nick    (const char     *nick,
                                            QdMemberStatus *status);
const char  *qd_readiness_to_nick          (QdReadiness     readiness);
const char  *qd_readiness_to_label         (QdReadiness     readiness);
gboolean     qd_readiness_from_nick        (const char     *nick,
                                            QdReadiness    *readiness);

G_END_DECLS
