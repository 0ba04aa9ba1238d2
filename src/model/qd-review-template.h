/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-review-competency.h"
#include "qd-store-reviews.h"

G_BEGIN_DECLS

/* A review template as loaded: its competencies in groups, its rating
 * scale and the weights of the review's sections. A value object; edit a
 * template with the qd_reviews_*_template and qd_reviews_*_competency
 * functions, which check the rules and announce QdReviews::changed, then
 * load it again.
 *
 * Section weights are percentages of the final score and add up to 100.
 * Competency weights are relative to each other (any positive numbers). */

#define QD_TYPE_REVIEW_TEMPLATE (qd_review_template_get_type ())

G_DECLARE_FINAL_TYPE (QdReviewTemplate, qd_review_template, QD, REVIEW_TEMPLATE, GObject)

QdReviewTemplate *qd_review_template_new_from_record      (const QdTemplateRecord *record,
                                                          GArray                 *competencies);

gint64            qd_review_template_get_id               (QdReviewTemplate *self);
const char       *qd_review_template_get_name             (QdReviewTemplate *self);
guint             qd_review_template_get_scale_points     (QdReviewTemplate *self);
/* The label of @point (1 … scale points); "" outside the scale. */
const char       *qd_review_template_get_scale_label      (QdReviewTemplate *self,
                                                          guint             point);
/* (transfer none): scale-points labels, point 1 first */
const char * const *qd_review_template_get_scale_labels   (QdReviewTemplate *self);
double            qd_review_template_get_section_weight   (QdReviewTemplate *self,
                                                          guint             section);
/* (transfer none) (element-type QdReviewCompetency): by position */
GListModel       *qd_review_template_get_competencies     (QdReviewTemplate *self);
/* (transfer full): the group names in the order they first appear */
GStrv             qd_review_template_dup_groups           (QdReviewTemplate *self);

G_END_DECLS
