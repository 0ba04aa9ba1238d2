/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-kpis.h"
#include "qd-review-enums.h"
#include "qd-store-reviews.h"

G_BEGIN_DECLS

/* One member's review in one cycle, as loaded: a value object. Changes go
 * through QdReviews, which checks the workflow and the lock; load the
 * review again after QdReviews::changed.
 *
 * Ratings are on the cycle's scale (1 … scale points). A missing rating
 * is NAN. The "result" rating is the calibrated rating when there is one,
 * else the manager's overall rating. */

#define QD_TYPE_REVIEW (qd_review_get_type ())

G_DECLARE_FINAL_TYPE (QdReview, qd_review, QD, REVIEW, GObject)

QdReview        *qd_review_new_from_record         (const QdReviewRecord *record);

gint64           qd_review_get_id                  (QdReview    *self);
gint64           qd_review_get_cycle_id            (QdReview    *self);
const char      *qd_review_get_cycle_name          (QdReview    *self);
QdCycleStatus    qd_review_get_cycle_status        (QdReview    *self);
gint64           qd_review_get_member_id           (QdReview    *self);
const char      *qd_review_get_member_name         (QdReview    *self);
const char      *qd_review_get_member_team         (QdReview    *self);
/* Whether the member has left the team since (their review then does not
 * hold up the cycle). */
gboolean         qd_review_get_member_left         (QdReview    *self);
/* 0 and "" when nobody reviews them. */
gint64           qd_review_get_reviewer_id         (QdReview    *self);
const char      *qd_review_get_reviewer_name       (QdReview    *self);
QdReviewStatus   qd_review_get_status              (QdReview    *self);
const char      *qd_review_get_status_label        (QdReview    *self);
guint            qd_review_get_scale_points        (QdReview    *self);
gboolean         qd_review_get_ratings_locked      (QdReview    *self);
double           qd_review_get_kpi_rating          (QdReview    *self);
double           qd_review_get_overall_rating      (QdReview    *self);
double           qd_review_get_calibrated_rating   (QdReview    *self);
double           qd_review_get_result_rating       (QdReview    *self);
QdPotential      qd_review_get_potential           (QdReview    *self);
const char      *qd_review_get_strengths           (QdReview    *self);
const char      *qd_review_get_improvements        (QdReview    *self);
/* UTC instants (ISO 8601), "" when not yet. */
const char      *qd_review_get_self_submitted_at   (QdReview    *self);
const char      *qd_review_get_manager_submitted_at (QdReview   *self);
const char      *qd_review_get_shared_at           (QdReview    *self);
gboolean         qd_review_get_manager_submitted   (QdReview    *self);

/* The performer tier of the result rating (see qd-review-scale.h for the
 * bands) and the action it calls for with qd_review_tier_to_action().
 * FALSE when there is no result rating yet. */
gboolean         qd_review_get_tier                (QdReview    *self,
                                                    QdTier      *tier);

/* Which deadlines the review has missed as of @today (YYYY-MM-DD):
 *
 *   self         the cycle is open, the self review is due before today
 *                and the review is still not started or in self review;
 *   manager      the cycle is open or calibrating, the manager review is
 *                due before today and the manager has not submitted;
 *   calibration  the cycle is not closed, calibration is due before
 *                today and the review is not calibrated or shared.
 *
 * A deadline is missed the day after it. */
QdReviewOverdue  qd_review_get_overdue             (QdReview    *self,
                                                    const char  *today);

/* ---- the final score ----
 *
 * A review has three sections, each scored on the cycle's scale:
 *
 *   Competencies  the weighted mean (by competency weight) of the
 *                 manager's ratings, over the competencies the manager
 *                 rated; those left out do not count. Without any manager
 *                 rating the section is not scored: self ratings and 360
 *                 feedback are shown beside it, never scored.
 *   KPIs          the KPI rating the manager gave, when given.
 *   Goals         the mean progress of the member's goals over the
 *                 cycle's period (qd_reviews_goals_score()) mapped onto
 *                 the scale, 0 % → 1 and 100 % → the top point, when the
 *                 member had goals with a progress.
 *
 * The final score is the mean of the scored sections weighted by the
 * cycle's section weights. A section that is not scored, or weighs 0, is
 * left out and the other weights count for the whole: it is never
 * counted as a zero. With no section scored there is no final score. */

typedef struct
{
  gboolean  scored;
  double    score;        /* on the scale; NAN when not scored */
  double    weight;       /* the cycle's weight for the section, in percent */
} QdSectionScore;

typedef struct
{
  guint           scale_points;
  QdSectionScore  sections[QD_REVIEW_N_SECTIONS];   /* indexed by QdReviewSection */
  double          final;             /* NAN when nothing is scored */
  double          weight_used;       /* the weights of the sections counted */
  /* Details for display */
  guint           n_competencies;    /* in the cycle */
  guint           n_manager_rated;   /* of which the manager rated */
  double          goals_progress;    /* percent; NAN without goals */
} QdReviewScore;

/* Starts a score with no section scored. */
void             qd_review_score_init              (QdReviewScore       *score,
                                                    guint                scale_points,
                                                    double               competencies_weight,
                                                    double               kpi_weight,
                                                    double               goals_weight);
/* @value NAN leaves the section not scored. */
void             qd_review_score_set_section       (QdReviewScore       *score,
                                                    QdReviewSection      section,
                                                    double               value);
/* Fills final and weight_used from the sections. */
void             qd_review_score_compute           (QdReviewScore       *score);
/* The formula in words with its numbers, for instance
 * "Final 3.8 of 5 = (Competencies 3.9 × 60 + Goals 3.5 × 20) ÷ 80; KPIs
 * not scored, left out." Scores show one decimal, as computed from the
 * unrounded parts. */
char            *qd_review_describe_score          (const QdReviewScore *score);

/* ---- competency ratings of one review ---- */

typedef struct
{
  gint64   competency_id;
  char    *group;
  char    *name;
  char    *description;
  double   weight;
  guint    self_rating;          /* 0 = not rated / left out */
  char    *self_comment;
  guint    manager_rating;       /* 0 = not rated / left out */
  char    *manager_comment;
} QdCompetencyRatings;

void             qd_competency_ratings_free        (QdCompetencyRatings *ratings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdCompetencyRatings, qd_competency_ratings_free)

G_END_DECLS
