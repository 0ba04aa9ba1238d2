/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-roster.h"

G_BEGIN_DECLS

#define QD_TYPE_MEMBER_PANE (qd_member_pane_get_type ())

G_DECLARE_FINAL_TYPE (QdMemberPane, qd_member_pane, QD, MEMBER_PANE, GtkWidget)

void      qd_member_pane_set_roster   (QdMemberPane *self,
                                       QdRoster     *roster);
QdMember *qd_member_pane_get_member   (QdMemberPane *self);
void      qd_member_pane_set_member   (QdMemberPane *self,
                                       QdMember     *member);
void      qd_member_pane_focus_name   (QdMemberPane *self);
gboolean  qd_member_pane_flush        (QdMemberPane *self);

G_END_DECLS
