/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-kpis.h"
#include "qd-review.h"
#include "qd-review-cycle.h"
#include "qd-review-enums.h"
#include "qd-review-feedback.h"
#include "qd-review-scale.h"
#include "qd-review-template.h"
#include "qd-store.h"

G_BEGIN_DECLS

/* QdReviews is the service through which performance reviews change:
 * templates, cycles, participants, ratings, 360 feedback, calibration.
 * Like QdRoster it checks the rules, writes each user action in one
 * transaction (nothing is written when it fails) and announces the
 * change with ::changed. Errors are QD_REVIEWS_ERROR with a message a
 * head of support understands, or QD_STORE_ERROR when the database
 * itself fails.
 *
 * THE CYCLE
 *
 *   planned ──open──▶ open ──start calibration──▶ calibrating ──close──▶ closed
 *                        ◀──────── reopen ────────
 *
 *   open               needs a template with at least one competency and
 *                      at least one participant. Freezes a copy of the
 *                      template (scale, labels, section weights,
 *                      competencies): later template edits never change
 *                      the cycle.
 *   start calibration  needs every participant's manager review submitted
 *                      (members who have left since do not hold it up).
 *   reopen             back to open, allowed while the ratings are not
 *                      locked (a manager needs to change a review).
 *   lock ratings       while calibrating: from then on no rating,
 *                      calibrated rating, potential, 360 response or
 *                      participant changes, and the cycle cannot reopen.
 *                      Locking keeps each review's goal progress, so later
 *                      goal edits do not change the score. It cannot be
 *                      undone.
 *   close              needs every review calibrated or shared (except
 *                      those of members who have left); locks the ratings
 *                      if they were not locked yet.
 *
 * Participants can be added and removed until the ratings are locked; a
 * review that already has ratings, texts, 360 responses or development
 * actions is not removed (set the member's status to "Left" instead).
 * The participants rule only decides who is added when a cycle is
 * created (and what the next cycle follows); changing it later adds or
 * removes nobody.
 *
 * ONE REVIEW
 *
 *   not started ─▶ self review ─▶ manager review ─▶ calibrated ─▶ shared
 *        └──────── (self review skipped) ─▶┘
 *
 *   self review     the cycle is open. Writing the first self rating
 *                   starts it on its own.
 *   manager review  the cycle is open; from self review this submits the
 *                   self review, from not started it skips it.
 *   calibrated      the cycle is calibrating, the ratings are not locked,
 *                   and the manager review was submitted
 *                   (qd_reviews_submit_manager_review()). The calibrated
 *                   rating starts as the overall rating.
 *   shared          the review is calibrated and the cycle's ratings are
 *                   locked (calibrating and locked, or closed): nothing
 *                   shared with a member can change afterwards.
 *
 * Only these steps forward exist. Self ratings are written while the
 * review is not started or in self review and the cycle is open. Manager
 * ratings, the KPI rating and the overall rating are written in manager
 * review while the cycle is open. The calibrated rating is written while
 * calibrating; potential while open or calibrating; nothing of that once
 * the ratings are locked. Strengths and areas to improve can be edited
 * until the review is shared.
 *
 * Days are YYYY-MM-DD. A rating is on the cycle's scale, 1 … points. */

#define QD_REVIEWS_ERROR (qd_reviews_error_quark ())

typedef enum
{
  QD_REVIEWS_ERROR_INVALID,     /* a value breaks a rule (name, date, weight, rating …) */
  QD_REVIEWS_ERROR_NOT_FOUND,
  QD_REVIEWS_ERROR_WORKFLOW,    /* not allowed in the cycle's or review's status */
  QD_REVIEWS_ERROR_LOCKED,      /* the cycle's ratings are locked */
  QD_REVIEWS_ERROR_IN_USE,      /* still needed (a template of a planned cycle, a review with content) */
  QD_REVIEWS_ERROR_IMPORT,      /* bad rows in a 360 file; see the report */
} QdReviewsError;

/* The KPI section of a review: one metric over the cycle's period. */
typedef struct
{
  char         *metric;          /* "csat", "first-reply", … */
  char         *name;
  QdMetricUnit  unit;
  gboolean      higher_is_better;
  double        value;           /* NAN when the member has no data */
  char         *value_label;     /* "96 %", "42 min", "–" */
  guint         sample_size;
  gboolean      has_target;
  double        target;
  gboolean      met;             /* FALSE without a value or a target */
} QdReviewKpi;

#define QD_TYPE_REVIEWS (qd_reviews_get_type ())

G_DECLARE_FINAL_TYPE (QdReviews, qd_reviews, QD, REVIEWS, GObject)

GQuark             qd_reviews_error_quark            (void);

QdReviews         *qd_reviews_new                    (QdStore                *store);
QdStore           *qd_reviews_get_store              (QdReviews              *self);

/* ---- templates ---- */

/* The template new cycles use when none is chosen: the oldest one,
 * created as "Support team" (Technical, Soft and Business competencies,
 * a 5-point scale, weights 60/20/20) when there is none yet. */
gint64             qd_reviews_ensure_default_template (QdReviews             *self,
                                                      GError               **error);
/* (transfer full) (element-type QdReviewTemplate): oldest first; makes
 * the default template on first use. */
GListModel        *qd_reviews_list_templates         (QdReviews              *self,
                                                      GError               **error);
QdReviewTemplate  *qd_reviews_load_template          (QdReviews              *self,
                                                      gint64                  id,
                                                      GError               **error);
/* A new template with the default labels for @scale_points, weights
 * 60/20/20 and no competencies yet. */
gint64             qd_reviews_add_template           (QdReviews              *self,
                                                      const char             *name,
                                                      guint                   scale_points,
                                                      GError               **error);
/* A copy of template @id, competencies included, named @name. */
gint64             qd_reviews_copy_template          (QdReviews              *self,
                                                      gint64                  id,
                                                      const char             *name,
                                                      GError               **error);
gboolean           qd_reviews_rename_template        (QdReviews              *self,
                                                      gint64                  id,
                                                      const char             *name,
                                                      GError               **error);
/* Refused while a planned cycle uses it (cycles that opened keep their
 * frozen copy). */
gboolean           qd_reviews_delete_template        (QdReviews              *self,
                                                      gint64                  id,
                                                      GError               **error);
/* Each 0–100, adding up to 100. */
gboolean           qd_reviews_set_template_weights   (QdReviews              *self,
                                                      gint64                  id,
                                                      double                  competencies,
                                                      double                  kpis,
                                                      double                  goals,
                                                      GError               **error);
/* @points 2–10; @labels (nullable): @points labels, lowest first, each
 * non-empty, at most 80 characters and different; NULL for the defaults. */
gboolean           qd_reviews_set_template_scale     (QdReviews              *self,
                                                      gint64                  id,
                                                      guint                   points,
                                                      const char * const     *labels,
                                                      GError               **error);
/* Competencies: a group and a name (unique in the template, case
 * ignored), at most 80 characters each; a weight above 0 and at most
 * 100; a description of at most 2000 characters. */
gint64             qd_reviews_add_competency         (QdReviews              *self,
                                                      gint64                  template_id,
                                                      const char             *group,
                                                      const char             *name,
                                                      const char             *description,
                                                      double                  weight,
                                                      GError               **error);
gboolean           qd_reviews_update_competency      (QdReviews              *self,
                                                      gint64                  competency_id,
                                                      const char             *group,
                                                      const char             *name,
                                                      const char             *description,
                                                      double                  weight,
                                                      GError               **error);
gboolean           qd_reviews_remove_competency      (QdReviews              *self,
                                                      gint64                  competency_id,
                                                      GError               **error);
/* Moves it to @position (0-based) among the template's competencies. */
gboolean           qd_reviews_move_competency        (QdReviews              *self,
                                                      gint64                  competency_id,
                                                      guint                   position,
                                                      GError               **error);

/* ---- cycles ---- */

/* (transfer full) (element-type QdReviewCycle): latest period first */
GListModel        *qd_reviews_list_cycles            (QdReviews              *self,
                                                      GError               **error);
QdReviewCycle     *qd_reviews_load_cycle             (QdReviews              *self,
                                                      gint64                  id,
                                                      GError               **error);
/* Checks and stores a new planned cycle (a unique name, real days, the
 * period ending after it starts, deadlines on or after the period's
 * start in the order self ≤ manager ≤ calibration, a target
 * distribution adding up to 100) and adds its participants: with the
 * "all active" rule every active member, reviewed by their manager;
 * with "chosen" nobody yet. Template 0 means the default template.
 * Returns the new cycle's id, 0 on error. */
gint64             qd_reviews_add_cycle              (QdReviews              *self,
                                                      QdReviewCycle          *cycle,
                                                      GError               **error);
/* Stores an edited cycle. Name, deadlines and target distribution can
 * change until the cycle closes (the targets until the ratings are
 * locked); period, template and participants rule only while planned. */
gboolean           qd_reviews_save_cycle             (QdReviews              *self,
                                                      QdReviewCycle          *cycle,
                                                      GError               **error);
/* Only a planned cycle can be deleted. */
gboolean           qd_reviews_delete_cycle           (QdReviews              *self,
                                                      gint64                  id,
                                                      GError               **error);
/* The next quarter's cycle from @id (0: the one with the latest period),
 * in one call: the next period of the same length ("2026 Q3" = July to
 * September gives "2026 Q4" = October to December; other periods move on
 * by their own length in months, or in days), deadlines the same number
 * of days after the period's end, the same template (or, if it was
 * deleted, the default), target distribution and participants rule
 * (everyone active now, or the chosen people who have not left). Named
 * "YYYY QN" when the period is a calendar quarter, else after the
 * original with " (next)". Returns the new cycle's id. */
gint64             qd_reviews_create_next_cycle      (QdReviews              *self,
                                                      gint64                  id,
                                                      GError               **error);
gboolean           qd_reviews_open_cycle             (QdReviews              *self,
                                                      gint64                  id,
                                                      GError               **error);
gboolean           qd_reviews_start_calibration      (QdReviews              *self,
                                                      gint64                  id,
                                                      GError               **error);
gboolean           qd_reviews_reopen_cycle           (QdReviews              *self,
                                                      gint64                  id,
                                                      GError               **error);
gboolean           qd_reviews_lock_ratings           (QdReviews              *self,
                                                      gint64                  id,
                                                      GError               **error);
gboolean           qd_reviews_close_cycle            (QdReviews              *self,
                                                      gint64                  id,
                                                      GError               **error);
/* In percent, each 0–100, adding up to 100; refused once locked. */
gboolean           qd_reviews_set_target_distribution (QdReviews             *self,
                                                      gint64                  id,
                                                      double                  top,
                                                      double                  middle,
                                                      double                  bottom,
                                                      GError               **error);

/* ---- participants ---- */

/* Adds @member_id (not someone who has left), reviewed by their manager.
 * Returns the review's id. */
gint64             qd_reviews_add_participant        (QdReviews              *self,
                                                      gint64                  cycle_id,
                                                      gint64                  member_id,
                                                      GError               **error);
gboolean           qd_reviews_remove_participant     (QdReviews              *self,
                                                      gint64                  cycle_id,
                                                      gint64                  member_id,
                                                      GError               **error);
/* The review of @member_id in @cycle_id; 0 when they do not take part. */
gint64             qd_reviews_find_review            (QdReviews              *self,
                                                      gint64                  cycle_id,
                                                      gint64                  member_id,
                                                      GError               **error);

/* ---- one review ---- */

QdReview          *qd_reviews_load_review            (QdReviews              *self,
                                                      gint64                  review_id,
                                                      GError               **error);
/* @reviewer_id: an active member other than the reviewed one, or 0. */
gboolean           qd_reviews_set_reviewer           (QdReviews              *self,
                                                      gint64                  review_id,
                                                      gint64                  reviewer_id,
                                                      GError               **error);
/* One step of the review's workflow (see above). */
gboolean           qd_reviews_set_review_status      (QdReviews              *self,
                                                      gint64                  review_id,
                                                      QdReviewStatus          status,
                                                      GError               **error);
/* Whether qd_reviews_set_review_status() would take the step; @error
 * says why not. Changes nothing. */
gboolean           qd_reviews_can_set_review_status  (QdReviews              *self,
                                                      gint64                  review_id,
                                                      QdReviewStatus          status,
                                                      GError               **error);
/* The manager is done: needs the review in manager review, the cycle open
 * and an overall rating. Marks the time; the status stays until
 * calibration. */
gboolean           qd_reviews_submit_manager_review  (QdReviews              *self,
                                                      gint64                  review_id,
                                                      GError               **error);
/* (transfer full) (element-type QdCompetencyRatings): every competency
 * of the cycle, in order, with its self and manager ratings */
GPtrArray         *qd_reviews_list_ratings           (QdReviews              *self,
                                                      gint64                  review_id,
                                                      GError               **error);
/* @rating 1 … scale points, or 0 to leave the competency out. */
gboolean           qd_reviews_set_rating             (QdReviews              *self,
                                                      gint64                  review_id,
                                                      gint64                  competency_id,
                                                      QdRatingSource          source,
                                                      guint                   rating,
                                                      const char             *comment,
                                                      GError               **error);
/* On the scale, 1 … points; NAN clears it. */
gboolean           qd_reviews_set_kpi_rating         (QdReviews              *self,
                                                      gint64                  review_id,
                                                      double                  rating,
                                                      GError               **error);
gboolean           qd_reviews_set_overall_rating     (QdReviews              *self,
                                                      gint64                  review_id,
                                                      double                  rating,
                                                      GError               **error);
/* Strengths and areas to improve, each at most 20000 characters. */
gboolean           qd_reviews_set_summary            (QdReviews              *self,
                                                      gint64                  review_id,
                                                      const char             *strengths,
                                                      const char             *improvements,
                                                      GError               **error);
gboolean           qd_reviews_set_potential          (QdReviews              *self,
                                                      gint64                  review_id,
                                                      QdPotential             potential,
                                                      GError               **error);
/* Sets the calibrated rating (1 … points; NAN goes back to the overall
 * rating) and marks the review calibrated. */
gboolean           qd_reviews_calibrate              (QdReviews              *self,
                                                      gint64                  review_id,
                                                      double                  rating,
                                                      GError               **error);
/* Moves a member to a box of the 9-box grid: sets the potential and, when
 * the result rating is not in the @performance band, the calibrated
 * rating to the nearest whole point of that band (the band's lowest
 * point when moving up, its highest when moving down; its middle point
 * when there was no rating). Marks the review calibrated. Same rules as
 * qd_reviews_calibrate(). */
gboolean           qd_reviews_move_in_nine_box       (QdReviews              *self,
                                                      gint64                  review_id,
                                                      QdTier                  performance,
                                                      QdPotential             potential,
                                                      GError               **error);

/* ---- scores ---- */

/* The review's final score; see qd-review.h for the rule. */
gboolean           qd_reviews_get_score              (QdReviews              *self,
                                                      gint64                  review_id,
                                                      QdReviewScore          *score,
                                                      GError               **error);
/* The mean progress, in percent (0–100), of @member_id's goals that
 * overlap [@from, @to] and are not dropped. A goal's progress is the one
 * QdGoals shows (see qd-store-goals.h), measured up to @to: its manual
 * progress when set; else, for a goal tied to a metric,
 * (value − baseline) ÷ (target − baseline) × 100 clamped to 0–100, the
 * value being the member's latest weekly roll-up of that metric whose
 * week starts between the goal's start and min (its due date, @to), else
 * the latest monthly one; a goal without a value is left out. NAN when no
 * goal has a progress (or on a database error). The review's goals
 * section is this mapped onto the scale with
 * qd_review_scale_from_percent(). */
double             qd_reviews_goals_score            (QdReviews              *self,
                                                      gint64                  member_id,
                                                      const char             *from,
                                                      const char             *to);
/* The KPI section: for every metric, the member's value over the cycle's
 * period against its target, from QdKpis' monthly series. The months are
 * combined by adding them up for counts, else by their mean weighted by
 * sample size (for medians this is close, not exact).
 * (transfer full) (element-type QdReviewKpi) */
GPtrArray         *qd_reviews_get_kpi_results        (QdReviews              *self,
                                                      gint64                  review_id,
                                                      GError               **error);

/* ---- 360 feedback ---- */

/* Records a response on a review whose cycle is open or calibrating and
 * not locked. A named response needs a name; an anonymous one must not
 * have one. Ratings must be for the cycle's competencies, 1 … points. */
gint64             qd_reviews_add_feedback           (QdReviews              *self,
                                                      gint64                  review_id,
                                                      const QdFeedbackInput  *input,
                                                      GError               **error);
/* Removes a named response. */
gboolean           qd_reviews_delete_feedback        (QdReviews              *self,
                                                      gint64                  response_id,
                                                      GError               **error);
QdFeedbackSummary *qd_reviews_get_feedback           (QdReviews              *self,
                                                      gint64                  review_id,
                                                      GError               **error);
/* Imports a survey tool's CSV export (see qd-feedback-import.h) into
 * @cycle_id's reviews in one transaction. A reviewee is matched with the
 * cycle's participants by email or by name (case and accents ignored).
 * With a bad row and without QD_FEEDBACK_IMPORT_SKIP_BAD_ROWS nothing is
 * imported and QD_REVIEWS_ERROR_IMPORT is returned; @report (nullable)
 * then lists the rows and their reasons. */
gboolean           qd_reviews_import_feedback        (QdReviews              *self,
                                                      gint64                  cycle_id,
                                                      const char             *data,
                                                      gsize                   length,
                                                      QdFeedbackImportFlags   flags,
                                                      QdFeedbackImportReport **report,
                                                      GError               **error);
gboolean           qd_reviews_import_feedback_file   (QdReviews              *self,
                                                      gint64                  cycle_id,
                                                      GFile                  *file,
                                                      QdFeedbackImportFlags   flags,
                                                      QdFeedbackImportReport **report,
                                                      GCancellable           *cancellable,
                                                      GError               **error);

void               qd_review_kpi_free                (QdReviewKpi            *kpi);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdReviewKpi, qd_review_kpi_free)

G_END_DECLS
