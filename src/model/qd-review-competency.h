/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-store-reviews.h"

G_BEGIN_DECLS

/* One competency of a review template, or of a cycle's frozen copy of
 * it: a value object. Edit a template's competencies through QdReviews;
 * a cycle's never change. */

#define QD_TYPE_REVIEW_COMPETENCY (qd_review_competency_get_type ())

G_DECLARE_FINAL_TYPE (QdReviewCompetency, qd_review_competency, QD, REVIEW_COMPETENCY, GObject)

QdReviewCompetency *qd_review_competency_new_from_record (const QdCompetencyRecord *record);

gint64              qd_review_competency_get_id          (QdReviewCompetency *self);
/* "Technical", "Soft", "Business", … */
const char         *qd_review_competency_get_group       (QdReviewCompetency *self);
const char         *qd_review_competency_get_name        (QdReviewCompetency *self);
const char         *qd_review_competency_get_description (QdReviewCompetency *self);
/* Relative to the other competencies of the same template or cycle. */
double              qd_review_competency_get_weight      (QdReviewCompetency *self);
int                 qd_review_competency_get_position    (QdReviewCompetency *self);

G_END_DECLS
