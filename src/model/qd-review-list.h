/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-reviews.h"
#include "qd-store-reviews.h"

G_BEGIN_DECLS

/* The reviews of one cycle as a GListModel of QdReview, searched,
 * filtered and sorted in SQL. It follows QdReviews::changed on its own.
 * Items are loaded when asked for; hold on to one only as long as you
 * show it. */

#define QD_TYPE_REVIEW_LIST (qd_review_list_get_type ())

G_DECLARE_FINAL_TYPE (QdReviewList, qd_review_list, QD, REVIEW_LIST, GObject)

QdReviewList *qd_review_list_new              (QdReviews     *reviews,
                                               gint64         cycle_id);
QdReviews    *qd_review_list_get_reviews      (QdReviewList  *self);
gint64        qd_review_list_get_cycle_id     (QdReviewList  *self);
void          qd_review_list_set_cycle_id     (QdReviewList  *self,
                                               gint64         cycle_id);
const char   *qd_review_list_get_search       (QdReviewList  *self);
/* Matches member name, email, team and reviewer, case and accents ignored. */
void          qd_review_list_set_search       (QdReviewList  *self,
                                               const char    *search);
/* Only the reviews @reviewer_id does (0 for everyone's). */
gint64        qd_review_list_get_reviewer_id  (QdReviewList  *self);
void          qd_review_list_set_reviewer_id  (QdReviewList  *self,
                                               gint64         reviewer_id);
void          qd_review_list_set_sort         (QdReviewList  *self,
                                               QdReviewSort   sort,
                                               gboolean       descending);
/* The position of review @review_id, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint         qd_review_list_find             (QdReviewList  *self,
                                               gint64         review_id);
void          qd_review_list_refresh          (QdReviewList  *self);

G_END_DECLS
