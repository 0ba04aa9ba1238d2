/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-goals.h"
#include "qd-kpis.h"
#include "qd-notes.h"
#include "qd-reviews.h"
#include "qd-roster.h"

G_BEGIN_DECLS

#define QD_TYPE_REVIEWS_PAGE (qd_reviews_page_get_type ())

G_DECLARE_FINAL_TYPE (QdReviewsPage, qd_reviews_page, QD, REVIEWS_PAGE, GtkWidget)

void       qd_reviews_page_set_reviews     (QdReviewsPage *self,
                                            QdReviews     *reviews);
QdReviews *qd_reviews_page_get_reviews     (QdReviewsPage *self);
/* For adding participants and choosing reviewers. */
void       qd_reviews_page_set_roster      (QdReviewsPage *self,
                                            QdRoster      *roster);
/* The review editor's KPI section follows its changes. */
void       qd_reviews_page_set_kpis        (QdReviewsPage *self,
                                            QdKpis        *kpis);
/* The review editor shows the member's 1:1 notes of the cycle's period
 * and the review's development plan through these; NULL hides them. */
void       qd_reviews_page_set_services    (QdReviewsPage *self,
                                            QdGoals       *goals,
                                            QdNotes       *notes);
/* @today: YYYY-MM-DD for what is overdue and for proposing a new
 * cycle's quarter; NULL for the real today. */
void       qd_reviews_page_set_today       (QdReviewsPage *self,
                                            const char    *today);
/* Shows cycle @cycle_id; FALSE when there is no such cycle. */
gboolean   qd_reviews_page_select_cycle    (QdReviewsPage *self,
                                            gint64         cycle_id);
/* The cycle shown, 0 for none. */
gint64     qd_reviews_page_get_cycle_id    (QdReviewsPage *self);
/* Shows the cycle of review @review_id and opens the review in the
 * editor; FALSE when there is no such review. */
gboolean   qd_reviews_page_open_review     (QdReviewsPage *self,
                                            gint64         review_id);
/* Saves what is being typed in the review editor now. */
void       qd_reviews_page_flush           (QdReviewsPage *self);

G_END_DECLS
