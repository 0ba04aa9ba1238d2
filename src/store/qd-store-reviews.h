/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qd-store.h"

G_BEGIN_DECLS

/* Performance reviews as stored (schema 0004): templates, cycles with
 * their frozen copy of a template, reviews, competency ratings and 360
 * feedback. Plain data; the rules of the workflow are QdReviews'. Enum
 * values travel as their stored nicks: cycle status "planned", "open",
 * "calibrating", "closed"; review status "not-started", "self-review",
 * "manager-review", "calibrated", "shared"; potential "low", "medium",
 * "high" (NULL for none); source "self", "manager"; relationship "peer",
 * "report", "manager", "other"; participants rule "all-active",
 * "chosen". Days are YYYY-MM-DD. A missing number is NAN. */

typedef struct
{
  gint64   id;
  char    *name;
  guint    scale_points;
  double   competencies_weight;
  double   kpi_weight;
  double   goals_weight;
  GStrv    labels;                 /* scale_points labels, point 1 first */
} QdTemplateRecord;

/* A competency of a template, or of a cycle's frozen copy. */
typedef struct
{
  gint64   id;
  gint64   owner_id;               /* the template or the cycle */
  char    *group_name;
  char    *name;
  char    *description;
  double   weight;
  int      position;
} QdCompetencyRecord;

typedef struct
{
  gint64    id;
  char     *name;
  char     *period_start;
  char     *period_end;
  char     *self_due;              /* NULL when none */
  char     *manager_due;
  char     *calibration_due;
  char     *status;
  gint64    template_id;           /* 0 when the template was deleted */
  char     *template_name;         /* "" when none */
  char     *participants_rule;
  guint     scale_points;          /* 0 until frozen */
  double    competencies_weight;   /* NAN until frozen */
  double    kpi_weight;
  double    goals_weight;
  double    target_top;
  double    target_middle;
  double    target_bottom;
  gboolean  ratings_locked;
  guint     n_participants;
  GStrv     labels;                /* the frozen labels; NULL until frozen */
} QdCycleRecord;

typedef struct
{
  gint64   id;
  gint64   cycle_id;
  gint64   member_id;
  char    *member_name;
  char    *member_email;
  char    *member_status;          /* "active", "on-leave", "left" */
  char    *member_team;            /* "" when none */
  gint64   reviewer_id;            /* 0 when none */
  char    *reviewer_name;          /* "" when none */
  char    *status;
  double   kpi_rating;
  double   overall_rating;
  double   calibrated_rating;
  char    *potential;              /* NULL when not set */
  double   goals_progress;         /* kept at lock; NAN before or without goals */
  char    *strengths;
  char    *improvements;
  char    *self_submitted_at;      /* UTC instants, NULL when not yet */
  char    *manager_submitted_at;
  char    *shared_at;
  /* From the cycle, read only: */
  char    *cycle_name;
  char    *cycle_status;
  char    *period_start;
  char    *period_end;
  char    *self_due;
  char    *manager_due;
  char    *calibration_due;
  guint    scale_points;           /* 0 while the cycle is planned */
  gboolean ratings_locked;
} QdReviewRecord;

typedef struct
{
  gint64  competency_id;
  char   *source;
  guint   rating;                  /* 0 = left out */
  char   *comment;
} QdRatingRecord;

typedef struct
{
  gint64  competency_id;
  guint   rating;
} QdFeedbackRatingRecord;

typedef struct
{
  gint64    id;
  gint64    review_id;
  char     *relationship;
  gboolean  anonymous;
  char     *respondent_name;       /* NULL when anonymous */
  char     *comment;
  char     *submitted_on;
  GArray   *ratings;               /* QdFeedbackRatingRecord */
} QdFeedbackRecord;

/* Per competency: the mean of the anonymous responses that rated it. */
typedef struct
{
  gint64  competency_id;
  double  mean;
  guint   n;
} QdFeedbackMeanRecord;

typedef enum
{
  QD_REVIEW_SORT_NAME,
  QD_REVIEW_SORT_REVIEWER,
  QD_REVIEW_SORT_STATUS,
  QD_REVIEW_SORT_RATING,           /* calibrated, else overall; unrated last */
  QD_REVIEW_SORT_TEAM,
} QdReviewSort;

typedef struct
{
  gint64        reviewer_id;       /* 0 for everyone's */
  const char   *search;            /* nullable: matches name, email, team, reviewer */
  const char   *status;            /* nullable: only reviews in that status */
  QdReviewSort  sort;
  gboolean      descending;
} QdReviewQuery;

void        qd_template_record_clear              (QdTemplateRecord      *record);
void        qd_competency_record_clear            (QdCompetencyRecord    *record);
void        qd_cycle_record_clear                 (QdCycleRecord         *record);
void        qd_review_record_clear                (QdReviewRecord        *record);
void        qd_rating_record_clear                (QdRatingRecord        *record);
void        qd_feedback_record_clear              (QdFeedbackRecord      *record);

/* Templates */
GArray     *qd_store_list_template_ids            (QdStore               *self,
                                                   GError               **error);
gboolean    qd_store_load_template                (QdStore               *self,
                                                   gint64                 id,
                                                   QdTemplateRecord      *record,
                                                   GError               **error);
gint64      qd_store_find_template_by_name        (QdStore               *self,
                                                   const char            *name,
                                                   GError               **error);
/* Writes the template and its labels. */
gint64      qd_store_insert_template              (QdStore               *self,
                                                   const QdTemplateRecord *record,
                                                   GError               **error);
gboolean    qd_store_update_template              (QdStore               *self,
                                                   const QdTemplateRecord *record,
                                                   GError               **error);
gboolean    qd_store_delete_template              (QdStore               *self,
                                                   gint64                 id,
                                                   GError               **error);
/* (element-type QdCompetencyRecord), by position, cleared on free */
GArray     *qd_store_list_template_competencies   (QdStore               *self,
                                                   gint64                 template_id,
                                                   GError               **error);
gboolean    qd_store_load_template_competency     (QdStore               *self,
                                                   gint64                 id,
                                                   QdCompetencyRecord    *record,
                                                   GError               **error);
/* Appends at the end when record->position is negative. */
gint64      qd_store_insert_template_competency   (QdStore               *self,
                                                   const QdCompetencyRecord *record,
                                                   GError               **error);
gboolean    qd_store_update_template_competency   (QdStore               *self,
                                                   const QdCompetencyRecord *record,
                                                   GError               **error);
gboolean    qd_store_delete_template_competency   (QdStore               *self,
                                                   gint64                 id,
                                                   GError               **error);
/* How many cycles still planned (not frozen yet) use the template. */
gint64      qd_store_count_planned_cycles_using   (QdStore               *self,
                                                   gint64                 template_id,
                                                   GError               **error);

/* Cycles */
GArray     *qd_store_list_cycle_ids               (QdStore               *self,
                                                   GError               **error);
gboolean    qd_store_load_cycle                   (QdStore               *self,
                                                   gint64                 id,
                                                   QdCycleRecord         *record,
                                                   GError               **error);
gint64      qd_store_find_cycle_by_name           (QdStore               *self,
                                                   const char            *name,
                                                   GError               **error);
/* The cycle with the latest period; 0 when there is none. */
gint64      qd_store_find_latest_cycle            (QdStore               *self,
                                                   GError               **error);
/* Writes the fields a user edits: name, period, deadlines, template,
 * participants rule and target distribution. */
gint64      qd_store_insert_cycle                 (QdStore               *self,
                                                   const QdCycleRecord   *record,
                                                   GError               **error);
gboolean    qd_store_update_cycle                 (QdStore               *self,
                                                   const QdCycleRecord   *record,
                                                   GError               **error);
gboolean    qd_store_set_cycle_status             (QdStore               *self,
                                                   gint64                 id,
                                                   const char            *status,
                                                   gboolean               ratings_locked,
                                                   GError               **error);
gboolean    qd_store_delete_cycle                 (QdStore               *self,
                                                   gint64                 id,
                                                   GError               **error);
/* Copies the template's scale, labels, section weights and competencies
 * into the cycle. */
gboolean    qd_store_freeze_cycle_template        (QdStore               *self,
                                                   gint64                 cycle_id,
                                                   gint64                 template_id,
                                                   GError               **error);
GArray     *qd_store_list_cycle_competencies      (QdStore               *self,
                                                   gint64                 cycle_id,
                                                   GError               **error);

/* Participants and reviews */
/* Adds every active member not yet in the cycle, reviewed by their
 * manager. */
gboolean    qd_store_add_active_participants      (QdStore               *self,
                                                   gint64                 cycle_id,
                                                   GError               **error);
/* Adds the participants of @from_cycle who have not left. */
gboolean    qd_store_copy_participants            (QdStore               *self,
                                                   gint64                 from_cycle,
                                                   gint64                 to_cycle,
                                                   GError               **error);
gint64      qd_store_insert_review                (QdStore               *self,
                                                   gint64                 cycle_id,
                                                   gint64                 member_id,
                                                   gint64                 reviewer_id,
                                                   GError               **error);
gboolean    qd_store_delete_review                (QdStore               *self,
                                                   gint64                 id,
                                                   GError               **error);
gint64      qd_store_find_review                  (QdStore               *self,
                                                   gint64                 cycle_id,
                                                   gint64                 member_id,
                                                   GError               **error);
GArray     *qd_store_list_review_ids              (QdStore               *self,
                                                   gint64                 cycle_id,
                                                   const QdReviewQuery   *query,
                                                   GError               **error);
gboolean    qd_store_load_review                  (QdStore               *self,
                                                   gint64                 id,
                                                   QdReviewRecord        *record,
                                                   GError               **error);
/* Writes reviewer, status, ratings, potential, goal progress, texts and
 * the submission times. */
gboolean    qd_store_update_review                (QdStore               *self,
                                                   const QdReviewRecord  *record,
                                                   GError               **error);
/* Whether the review has any rating, comment, text, potential, 360
 * response or development action (schema 0005) tied to it. */
gboolean    qd_store_review_has_content           (QdStore               *self,
                                                   gint64                 id,
                                                   gboolean              *result,
                                                   GError               **error);
/* Whether any review of @member_id (as the one reviewed) is on record. */
gboolean    qd_store_member_has_reviews           (QdStore               *self,
                                                   gint64                 member_id,
                                                   gboolean              *result,
                                                   GError               **error);

/* Ratings: @rating 0 stores a competency left out. */
gboolean    qd_store_set_review_rating            (QdStore               *self,
                                                   gint64                 review_id,
                                                   gint64                 competency_id,
                                                   const char            *source,
                                                   guint                  rating,
                                                   const char            *comment,
                                                   GError               **error);
/* (element-type QdRatingRecord), cleared on free */
GArray     *qd_store_list_review_ratings          (QdStore               *self,
                                                   gint64                 review_id,
                                                   GError               **error);

/* 360 feedback */
gint64      qd_store_insert_feedback              (QdStore               *self,
                                                   const QdFeedbackRecord *record,
                                                   GError               **error);
gboolean    qd_store_load_feedback                (QdStore               *self,
                                                   gint64                 id,
                                                   QdFeedbackRecord      *record,
                                                   GError               **error);
gboolean    qd_store_delete_feedback              (QdStore               *self,
                                                   gint64                 id,
                                                   GError               **error);
/* The named responses, oldest first. (element-type QdFeedbackRecord) */
GArray     *qd_store_list_named_feedback          (QdStore               *self,
                                                   gint64                 review_id,
                                                   GError               **error);
guint       qd_store_count_anonymous_feedback     (QdStore               *self,
                                                   gint64                 review_id,
                                                   GError               **error);
/* Means of the anonymous ratings per competency, only for competencies
 * rated by at least @min_n anonymous responses; the individual ratings
 * never leave the database. (element-type QdFeedbackMeanRecord) */
GArray     *qd_store_list_anonymous_feedback_means (QdStore              *self,
                                                   gint64                 review_id,
                                                   guint                  min_n,
                                                   GError               **error);
/* The non-empty comments of anonymous responses, sorted by text so their
 * order says nothing about who wrote them or when. */
GStrv       qd_store_list_anonymous_comments      (QdStore               *self,
                                                   gint64                 review_id,
                                                   GError               **error);

/* Goals (schema 0005): the mean progress in percent of @member_id's goals
 * that overlap [from, to] and are not dropped; @n_goals receives how many
 * goals had a progress. @mean is NAN when none had. See
 * qd_reviews_goals_score() for how one goal's progress is found. */
gboolean    qd_store_goals_progress               (QdStore               *self,
                                                   gint64                 member_id,
                                                   const char            *from,
                                                   const char            *to,
                                                   double                *mean,
                                                   guint                 *n_goals,
                                                   GError               **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QdTemplateRecord, qd_template_record_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QdCompetencyRecord, qd_competency_record_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QdCycleRecord, qd_cycle_record_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QdReviewRecord, qd_review_record_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QdFeedbackRecord, qd_feedback_record_clear)

G_END_DECLS
