/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-goals.h"
#include "qd-kpis.h"
#include "qd-member-list.h"
#include "qd-notes.h"
#include "qd-reviews.h"
#include "qd-roster.h"

G_BEGIN_DECLS

#define QD_TYPE_TEAM_PAGE (qd_team_page_get_type ())

G_DECLARE_FINAL_TYPE (QdTeamPage, qd_team_page, QD, TEAM_PAGE, GtkWidget)

QdRoster     *qd_team_page_get_roster       (QdTeamPage *self);
void          qd_team_page_set_roster       (QdTeamPage *self,
                                             QdRoster   *roster);
QdMemberList *qd_team_page_get_member_list  (QdTeamPage *self);
QdMember     *qd_team_page_get_selected     (QdTeamPage *self);
gboolean      qd_team_page_select_member    (QdTeamPage *self,
                                             gint64      id);
void          qd_team_page_flush            (QdTeamPage *self);
void          qd_team_page_set_services     (QdTeamPage *self,
                                             QdGoals    *goals,
                                             QdNotes    *notes,
                                             QdReviews  *reviews,
                                             QdKpis     *kpis);

G_END_DECLS
