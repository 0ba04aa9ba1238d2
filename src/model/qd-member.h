/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-enums.h"
#include "qd-store-members.h"

G_BEGIN_DECLS

#define QD_TYPE_MEMBER (qd_member_get_type ())

G_DECLARE_FINAL_TYPE (QdMember, qd_member, QD, MEMBER, GObject)

QdMember       *qd_member_new                 (void);
QdMember       *qd_member_new_from_record     (const QdMemberRecord *record);
QdMember       *qd_member_copy                (QdMember             *self);
void            qd_member_update_from_record  (QdMember             *self,
                                               const QdMemberRecord *record);
void            qd_member_to_record           (QdMember             *self,
                                               QdMemberRecord       *record);

gint64          qd_member_get_id              (QdMember             *self);
const char     *qd_member_get_name            (QdMember             *self);
void            qd_member_set_name            (QdMember             *self,
                                               const char           *name);
const char     *qd_member_get_email           (QdMember             *self);
void            qd_member_set_email           (QdMember             *self,
                                               const char           *email);
const char     *qd_member_get_job_title       (QdMember             *self);
void            qd_member_set_job_title       (QdMember             *self,
                                               const char           *job_title);
QdMemberLevel   qd_member_get_level           (QdMember             *self);
void            qd_member_set_level           (QdMember             *self,
                                               QdMemberLevel         level);
const char     *qd_member_get_team            (QdMember             *self);
void            qd_member_set_team            (QdMember             *self,
                                               const char           *team);
gint64          qd_member_get_reports_to      (QdMember             *self);
void            qd_member_set_reports_to      (QdMember             *self,
                                               gint64                manager);
const char     *qd_member_get_reports_to_name (QdMember             *self);
const char     *qd_member_get_hire_date       (QdMember             *self);
void            qd_member_set_hire_date       (QdMember             *self,
                                               const char           *hire_date);
QdMemberStatus  qd_member_get_status          (QdMember             *self);
void            qd_member_set_status          (QdMember             *self,
                                               QdMemberStatus        status);
const char     *qd_member_get_skills          (QdMember             *self);
void            qd_member_set_skills          (QdMember             *self,
                                               const char           *skills);
const char     *qd_member_get_notes           (QdMember             *self);
void            qd_member_set_notes           (QdMember             *self,
                                               const char           *notes);
QdReadiness     qd_member_get_readiness       (QdMember             *self);
void            qd_member_set_readiness       (QdMember             *self,
                                               QdReadiness           readiness);
guint           qd_member_get_n_reports       (QdMember             *self);

G_END_DECLS
