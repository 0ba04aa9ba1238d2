/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-goals.h"
#include "qd-kpis.h"
#include "qd-notes.h"
#include "qd-reviews.h"
#include "qd-roster.h"

G_BEGIN_DECLS

#define QD_TYPE_MEMBER_HISTORY (qd_member_history_get_type ())

G_DECLARE_FINAL_TYPE (QdMemberHistory, qd_member_history, QD, MEMBER_HISTORY, AdwWindow)

/* One member's goals, development plan, 1:1 notes and feedback log, and
 * reviews across cycles, in a window of its own beside @parent. Pass the
 * application's services, so that what changes here shows everywhere at
 * once. A review is opened on the Reviews page through @parent's
 * "win.open-review" action (an int64 review id) when it has one. */
QdMemberHistory *qd_member_history_new           (GtkWindow       *parent,
                                                  QdRoster        *roster,
                                                  QdGoals         *goals,
                                                  QdNotes         *notes,
                                                  QdReviews       *reviews,
                                                  QdKpis          *kpis,
                                                  gint64           member_id);
gint64           qd_member_history_get_member_id (QdMemberHistory *self);
/* The history window already open for @member_id beside @parent, if any. */
QdMemberHistory *qd_member_history_find          (GtkWindow       *parent,
                                                  gint64           member_id);
/* Shows "goals", "development", "notes" or "reviews". */
void             qd_member_history_show_page     (QdMemberHistory *self,
                                                  const char      *name);

G_END_DECLS
