/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-review-competency.h"
#include "qd-review-enums.h"
#include "qd-store-reviews.h"

G_BEGIN_DECLS

/* A review cycle: a name ("2026 Q3"), the period it reviews, deadlines
 * for self reviews, manager reviews and calibration, a template, who takes
 * part, and the target distribution of ratings for calibration.
 *
 * To create one, make a new cycle, set its properties and pass it to
 * qd_reviews_add_cycle(); to edit one, change a loaded cycle and pass it
 * to qd_reviews_save_cycle(). Status, the frozen template and the lock
 * change only through QdReviews.
 *
 * While a cycle is planned, its scale, weights, labels and competencies
 * are those its template has now (is-frozen is FALSE); once it opens they
 * are its own frozen copy and never change again. */

#define QD_TYPE_REVIEW_CYCLE (qd_review_cycle_get_type ())

G_DECLARE_FINAL_TYPE (QdReviewCycle, qd_review_cycle, QD, REVIEW_CYCLE, GObject)

QdReviewCycle      *qd_review_cycle_new                   (void);
QdReviewCycle      *qd_review_cycle_new_from_record       (const QdCycleRecord *record,
                                                           GArray              *competencies);
void                qd_review_cycle_to_record             (QdReviewCycle       *self,
                                                           QdCycleRecord       *record);

gint64              qd_review_cycle_get_id                (QdReviewCycle       *self);
const char         *qd_review_cycle_get_name              (QdReviewCycle       *self);
void                qd_review_cycle_set_name              (QdReviewCycle       *self,
                                                           const char          *name);
/* Days, YYYY-MM-DD. A deadline is "" when there is none. */
const char         *qd_review_cycle_get_period_start      (QdReviewCycle       *self);
void                qd_review_cycle_set_period_start      (QdReviewCycle       *self,
                                                           const char          *day);
const char         *qd_review_cycle_get_period_end        (QdReviewCycle       *self);
void                qd_review_cycle_set_period_end        (QdReviewCycle       *self,
                                                           const char          *day);
const char         *qd_review_cycle_get_self_due          (QdReviewCycle       *self);
void                qd_review_cycle_set_self_due          (QdReviewCycle       *self,
                                                           const char          *day);
const char         *qd_review_cycle_get_manager_due       (QdReviewCycle       *self);
void                qd_review_cycle_set_manager_due       (QdReviewCycle       *self,
                                                           const char          *day);
const char         *qd_review_cycle_get_calibration_due   (QdReviewCycle       *self);
void                qd_review_cycle_set_calibration_due   (QdReviewCycle       *self,
                                                           const char          *day);
/* 0 for the default template (created on first use). */
gint64              qd_review_cycle_get_template_id       (QdReviewCycle       *self);
void                qd_review_cycle_set_template_id       (QdReviewCycle       *self,
                                                           gint64               template_id);
const char         *qd_review_cycle_get_template_name     (QdReviewCycle       *self);
QdParticipantsRule  qd_review_cycle_get_participants_rule (QdReviewCycle       *self);
void                qd_review_cycle_set_participants_rule (QdReviewCycle       *self,
                                                           QdParticipantsRule   rule);
/* The target distribution, in percent; see qd-calibration.h. */
void                qd_review_cycle_get_targets           (QdReviewCycle       *self,
                                                           double              *top,
                                                           double              *middle,
                                                           double              *bottom);
void                qd_review_cycle_set_targets           (QdReviewCycle       *self,
                                                           double               top,
                                                           double               middle,
                                                           double               bottom);

QdCycleStatus       qd_review_cycle_get_status            (QdReviewCycle       *self);
const char         *qd_review_cycle_get_status_label      (QdReviewCycle       *self);
gboolean            qd_review_cycle_get_ratings_locked    (QdReviewCycle       *self);
gboolean            qd_review_cycle_get_is_frozen         (QdReviewCycle       *self);
guint               qd_review_cycle_get_n_participants    (QdReviewCycle       *self);
/* 0 for a planned cycle whose template was deleted. */
guint               qd_review_cycle_get_scale_points      (QdReviewCycle       *self);
const char         *qd_review_cycle_get_scale_label       (QdReviewCycle       *self,
                                                           guint                point);
/* @section: a #QdReviewSection. In percent of the final score. */
double              qd_review_cycle_get_section_weight    (QdReviewCycle       *self,
                                                           guint                section);
/* (transfer none) (element-type QdReviewCompetency) */
GListModel         *qd_review_cycle_get_competencies      (QdReviewCycle       *self);

G_END_DECLS
