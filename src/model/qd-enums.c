/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "qd-enums.h"

/* The nicks are the values stored in the database. */
G_DEFINE_ENUM_TYPE (QdMemberLevel, qd_member_level,
  G_DEFINE_ENUM_VALUE (QD_MEMBER_LEVEL_AGENT, "agent"),
  G_DEFINE_ENUM_VALUE (QD_MEMBER_LEVEL_TEAM_LEAD, "team-lead"),
  G_DEFINE_ENUM_VALUE (QD_MEMBER_LEVEL_MANAGER, "manager"),
  G_DEFINE_ENUM_VALUE (QD_MEMBER_LEVEL_DIRECTOR, "director"))

G_DEFINE_ENUM_TYPE (QdMemberStatus, qd_member_status,
  G_DEFINE_ENUM_VALUE (QD_MEMBER_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (QD_MEMBER_STATUS_ON_LEAVE, "on-leave"),
  G_DEFINE_ENUM_VALUE (QD_MEMBER_STATUS_LEFT, "left"))

G_DEFINE_ENUM_TYPE (QdReadiness, qd_readiness,
  G_DEFINE_ENUM_VALUE (QD_READINESS_NOT_YET, "not-yet"),
  G_DEFINE_ENUM_VALUE (QD_READINESS_ONE_TO_TWO_YEARS, "1-2-years"),
  G_DEFINE_ENUM_VALUE (QD_READINESS_READY_NOW, "ready-now"))

/* The nick of an enum value: the text stored in the database. */
const char *
qd_enum_to_nick (GType type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : NULL;
}

gboolean
qd_enum_from_nick (GType       type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;
  *value = v->value;
  return TRUE;
}

const char *
qd_member_level_to_nick (QdMemberLevel level)
{
  return qd_enum_to_nick (QD_TYPE_MEMBER_LEVEL, level);
}

gboolean
qd_member_level_from_nick (const char    *nick,
                           QdMemberLevel *level)
{
  int value;

  if (!qd_enum_from_nick (QD_TYPE_MEMBER_LEVEL, nick, &value))
    return FALSE;
  *level = value;
  return TRUE;
}

const char *
qd_member_level_to_label (QdMemberLevel level)
{
  switch (level)
    {
    case QD_MEMBER_LEVEL_AGENT: return _("Agent");
    case QD_MEMBER_LEVEL_TEAM_LEAD: return _("Team Lead");
    case QD_MEMBER_LEVEL_MANAGER: return _("Manager");
    case QD_MEMBER_LEVEL_DIRECTOR: return _("Director");
    default: return "";
    }
}

const char *
qd_member_status_to_nick (QdMemberStatus status)
{
  return qd_enum_to_nick (QD_TYPE_MEMBER_STATUS, status);
}

gboolean
qd_member_status_from_nick (const char     *nick,
                            QdMemberStatus *status)
{
  int value;

  if (!qd_enum_from_nick (QD_TYPE_MEMBER_STATUS, nick, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

const char *
qd_member_status_to_label (QdMemberStatus status)
{
  switch (status)
    {
    case QD_MEMBER_STATUS_ACTIVE: return _("Active");
    case QD_MEMBER_STATUS_ON_LEAVE: return _("On leave");
    case QD_MEMBER_STATUS_LEFT: return _("Left");
    default: return "";
    }
}

const char *
qd_readiness_to_nick (QdReadiness readiness)
{
  return qd_enum_to_nick (QD_TYPE_READINESS, readiness);
}

gboolean
qd_readiness_from_nick (const char  *nick,
                        QdReadiness *readiness)
{
  int value;

  if (!qd_enum_from_nick (QD_TYPE_READINESS, nick, &value))
    return FALSE;
  *readiness = value;
  return TRUE;
}

const char *
qd_readiness_to_label (QdReadiness readiness)
{
  switch (readiness)
    {
    case QD_READINESS_NOT_YET: return _("Not yet");
    case QD_READINESS_ONE_TO_TWO_YEARS: return _("In 1–2 years");
    case QD_READINESS_READY_NOW: return _("Ready now");
    default: return "";
    }
}
