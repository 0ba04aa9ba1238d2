/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-review"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-review.h"
#include "qd-review-scale.h"

struct _QdReview
{
  GObject         parent_instance;

  gint64          id;
  gint64          cycle_id;
  char           *cycle_name;
  QdCycleStatus   cycle_status;
  gint64          member_id;
  char           *member_name;
  char           *member_team;
  gboolean        member_left;
  gint64          reviewer_id;
  char           *reviewer_name;
  QdReviewStatus  status;
  guint           scale_points;
  gboolean        ratings_locked;
  double          kpi_rating;
  double          overall_rating;
  double          calibrated_rating;
  QdPotential     potential;
  char           *strengths;
  char           *improvements;
  char           *self_submitted_at;
  char           *manager_submitted_at;
  char           *shared_at;
  char           *self_due;
  char           *manager_due;
  char           *calibration_due;
};

G_DEFINE_FINAL_TYPE (QdReview, qd_review, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CYCLE_ID,
  PROP_CYCLE_NAME,
  PROP_MEMBER_ID,
  PROP_MEMBER_NAME,
  PROP_MEMBER_TEAM,
  PROP_REVIEWER_ID,
  PROP_REVIEWER_NAME,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_SCALE_POINTS,
  PROP_RATINGS_LOCKED,
  PROP_KPI_RATING,
  PROP_OVERALL_RATING,
  PROP_CALIBRATED_RATING,
  PROP_RESULT_RATING,
  PROP_POTENTIAL,
  PROP_POTENTIAL_LABEL,
  PROP_STRENGTHS,
  PROP_IMPROVEMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qd_review_finalize (GObject *object)
{
  QdReview *self = (QdReview *) object;

  g_free (self->cycle_name);
  g_free (self->member_name);
  g_free (self->member_team);
  g_free (self->reviewer_name);
  g_free (self->strengths);
  g_free (self->improvements);
  g_free (self->self_submitted_at);
  g_free (self->manager_submitted_at);
  g_free (self->shared_at);
  g_free (self->self_due);
  g_free (self->manager_due);
  g_free (self->calibration_due);

  G_OBJECT_CLASS (qd_review_parent_class)->finalize (object);
}

static void
qd_review_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  QdReview *self = QD_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CYCLE_ID:
      g_value_set_int64 (value, self->cycle_id);
      break;
    case PROP_CYCLE_NAME:
      g_value_set_string (value, self->cycle_name);
      break;
    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case PROP_MEMBER_NAME:
      g_value_set_string (value, self->member_name);
      break;
    case PROP_MEMBER_TEAM:
      g_value_set_string (value, self->member_team);
      break;
    case PROP_REVIEWER_ID:
      g_value_set_int64 (value, self->reviewer_id);
      break;
    case PROP_REVIEWER_NAME:
      g_value_set_string (value, self->reviewer_name);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, qd_review_status_to_label (self->status));
      break;
    case PROP_SCALE_POINTS:
      g_value_set_uint (value, self->scale_points);
      break;
    case PROP_RATINGS_LOCKED:
      g_value_set_boolean (value, self->ratings_locked);
      break;
    case PROP_KPI_RATING:
      g_value_set_double (value, self->kpi_rating);
      break;
    case PROP_OVERALL_RATING:
      g_value_set_double (value, self->overall_rating);
      break;
    case PROP_CALIBRATED_RATING:
      g_value_set_double (value, self->calibrated_rating);
      break;
    case PROP_RESULT_RATING:
      g_value_set_double (value, qd_review_get_result_rating (self));
      break;
    case PROP_POTENTIAL:
      g_value_set_enum (value, self->potential);
      break;
    case PROP_POTENTIAL_LABEL:
      g_value_set_string (value, qd_potential_to_label (self->potential));
      break;
    case PROP_STRENGTHS:
      g_value_set_string (value, self->strengths);
      break;
    case PROP_IMPROVEMENTS:
      g_value_set_string (value, self->improvements);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_review_class_init (QdReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qd_review_finalize;
  object_class->get_property = qd_review_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CYCLE_ID] = g_param_spec_int64 ("cycle-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CYCLE_NAME] = g_param_spec_string ("cycle-name", NULL, NULL, "", ro);
  properties[PROP_MEMBER_ID] = g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_MEMBER_NAME] = g_param_spec_string ("member-name", NULL, NULL, "", ro);
  properties[PROP_MEMBER_TEAM] = g_param_spec_string ("member-team", NULL, NULL, "", ro);
  properties[PROP_REVIEWER_ID] = g_param_spec_int64 ("reviewer-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_REVIEWER_NAME] = g_param_spec_string ("reviewer-name", NULL, NULL, "", ro);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, QD_TYPE_REVIEW_STATUS, QD_REVIEW_STATUS_NOT_STARTED, ro);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, "", ro);
  properties[PROP_SCALE_POINTS] = g_param_spec_uint ("scale-points", NULL, NULL, 0, 10, 0, ro);
  properties[PROP_RATINGS_LOCKED] = g_param_spec_boolean ("ratings-locked", NULL, NULL, FALSE, ro);
  properties[PROP_KPI_RATING] = g_param_spec_double ("kpi-rating", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_OVERALL_RATING] = g_param_spec_double ("overall-rating", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_CALIBRATED_RATING] = g_param_spec_double ("calibrated-rating", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_RESULT_RATING] = g_param_spec_double ("result-rating", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_POTENTIAL] =
    g_param_spec_enum ("potential", NULL, NULL, QD_TYPE_POTENTIAL, QD_POTENTIAL_UNSET, ro);
  properties[PROP_POTENTIAL_LABEL] = g_param_spec_string ("potential-label", NULL, NULL, "", ro);
  properties[PROP_STRENGTHS] = g_param_spec_string ("strengths", NULL, NULL, "", ro);
  properties[PROP_IMPROVEMENTS] = g_param_spec_string ("improvements", NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qd_review_init (QdReview *self)
{
  self->kpi_rating = NAN;
  self->overall_rating = NAN;
  self->calibrated_rating = NAN;
}

static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

QdReview *
qd_review_new_from_record (const QdReviewRecord *record)
{
  QdReview *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (QD_TYPE_REVIEW, NULL);
  self->id = record->id;
  self->cycle_id = record->cycle_id;
  self->cycle_name = dup_or_empty (record->cycle_name);
  if (!qd_cycle_status_from_nick (record->cycle_status, &self->cycle_status))
    self->cycle_status = QD_CYCLE_STATUS_PLANNED;
  self->member_id = record->member_id;
  self->member_name = dup_or_empty (record->member_name);
  self->member_team = dup_or_empty (record->member_team);
  self->member_left = g_strcmp0 (record->member_status, "left") == 0;
  self->reviewer_id = record->reviewer_id;
  self->reviewer_name = dup_or_empty (record->reviewer_name);
  if (!qd_review_status_from_nick (record->status, &self->status))
    self->status = QD_REVIEW_STATUS_NOT_STARTED;
  self->scale_points = record->scale_points;
  self->ratings_locked = record->ratings_locked;
  self->kpi_rating = record->kpi_rating;
  self->overall_rating = record->overall_rating;
  self->calibrated_rating = record->calibrated_rating;
  if (!qd_potential_from_nick (record->potential, &self->potential))
    self->potential = QD_POTENTIAL_UNSET;
  self->strengths = dup_or_empty (record->strengths);
  self->improvements = dup_or_empty (record->improvements);
  self->self_submitted_at = dup_or_empty (record->self_submitted_at);
  self->manager_submitted_at = dup_or_empty (record->manager_submitted_at);
  self->shared_at = dup_or_empty (record->shared_at);
  self->self_due = dup_or_empty (record->self_due);
  self->manager_due = dup_or_empty (record->manager_due);
  self->calibration_due = dup_or_empty (record->calibration_due);
  return self;
}

gint64
qd_review_get_id (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), 0);
  return self->id;
}

gint64
qd_review_get_cycle_id (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), 0);
  return self->cycle_id;
}

const char *
qd_review_get_cycle_name (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NULL);
  return self->cycle_name;
}

QdCycleStatus
qd_review_get_cycle_status (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), QD_CYCLE_STATUS_PLANNED);
  return self->cycle_status;
}

gint64
qd_review_get_member_id (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), 0);
  return self->member_id;
}

const char *
qd_review_get_member_name (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NULL);
  return self->member_name;
}

const char *
qd_review_get_member_team (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NULL);
  return self->member_team;
}

gboolean
qd_review_get_member_left (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), FALSE);
  return self->member_left;
}

gint64
qd_review_get_reviewer_id (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), 0);
  return self->reviewer_id;
}

const char *
qd_review_get_reviewer_name (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NULL);
  return self->reviewer_name;
}

QdReviewStatus
qd_review_get_status (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), QD_REVIEW_STATUS_NOT_STARTED);
  return self->status;
}

const char *
qd_review_get_status_label (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NULL);
  return qd_review_status_to_label (self->status);
}

guint
qd_review_get_scale_points (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), 0);
  return self->scale_points;
}

gboolean
qd_review_get_ratings_locked (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), FALSE);
  return self->ratings_locked;
}

double
qd_review_get_kpi_rating (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NAN);
  return self->kpi_rating;
}

double
qd_review_get_overall_rating (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NAN);
  return self->overall_rating;
}

double
qd_review_get_calibrated_rating (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NAN);
  return self->calibrated_rating;
}

double
qd_review_get_result_rating (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NAN);
  return isnan (self->calibrated_rating) ? self->overall_rating : self->calibrated_rating;
}

QdPotential
qd_review_get_potential (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), QD_POTENTIAL_UNSET);
  return self->potential;
}

const char *
qd_review_get_strengths (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NULL);
  return self->strengths;
}

const char *
qd_review_get_improvements (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NULL);
  return self->improvements;
}

const char *
qd_review_get_self_submitted_at (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NULL);
  return self->self_submitted_at;
}

const char *
qd_review_get_manager_submitted_at (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NULL);
  return self->manager_submitted_at;
}

const char *
qd_review_get_shared_at (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), NULL);
  return self->shared_at;
}

gboolean
qd_review_get_manager_submitted (QdReview *self)
{
  g_return_val_if_fail (QD_IS_REVIEW (self), FALSE);
  return *self->manager_submitted_at != '\0';
}

gboolean
qd_review_get_tier (QdReview *self,
                    QdTier   *tier)
{
  double rating;

  g_return_val_if_fail (QD_IS_REVIEW (self), FALSE);

  rating = qd_review_get_result_rating (self);
  if (isnan (rating) || self->scale_points < QD_SCALE_MIN_POINTS)
    return FALSE;
  if (tier != NULL)
    *tier = qd_review_scale_tier (self->scale_points, rating);
  return TRUE;
}

static gboolean
missed (const char *due,
        const char *today)
{
  /* ISO days compare as text. */
  return due != NULL && *due != '\0' && strcmp (due, today) < 0;
}

QdReviewOverdue
qd_review_get_overdue (QdReview   *self,
                       const char *today)
{
  QdReviewOverdue overdue = QD_REVIEW_OVERDUE_NONE;

  g_return_val_if_fail (QD_IS_REVIEW (self), QD_REVIEW_OVERDUE_NONE);
  g_return_val_if_fail (today != NULL, QD_REVIEW_OVERDUE_NONE);

  if (self->cycle_status == QD_CYCLE_STATUS_OPEN &&
      self->status <= QD_REVIEW_STATUS_SELF_REVIEW &&
      missed (self->self_due, today))
    overdue |= QD_REVIEW_OVERDUE_SELF;

  if ((self->cycle_status == QD_CYCLE_STATUS_OPEN || self->cycle_status == QD_CYCLE_STATUS_CALIBRATING) &&
      *self->manager_submitted_at == '\0' &&
      missed (self->manager_due, today))
    overdue |= QD_REVIEW_OVERDUE_MANAGER;

  if (self->cycle_status != QD_CYCLE_STATUS_CLOSED &&
      self->cycle_status != QD_CYCLE_STATUS_PLANNED &&
      self->status < QD_REVIEW_STATUS_CALIBRATED &&
      missed (self->calibration_due, today))
    overdue |= QD_REVIEW_OVERDUE_CALIBRATION;

  return overdue;
}

/* ---- the final score ---- */

void
qd_review_score_init (QdReviewScore *score,
                      guint          scale_points,
                      double         competencies_weight,
                      double         kpi_weight,
                      double         goals_weight)
{
  g_return_if_fail (score != NULL);

  memset (score, 0, sizeof *score);
  score->scale_points = scale_points;
  score->sections[QD_REVIEW_SECTION_COMPETENCIES].weight = competencies_weight;
  score->sections[QD_REVIEW_SECTION_KPIS].weight = kpi_weight;
  score->sections[QD_REVIEW_SECTION_GOALS].weight = goals_weight;
  for (guint i = 0; i < QD_REVIEW_N_SECTIONS; i++)
    score->sections[i].score = NAN;
  score->final = NAN;
  score->goals_progress = NAN;
}

void
qd_review_score_set_section (QdReviewScore   *score,
                             QdReviewSection  section,
                             double           value)
{
  g_return_if_fail (score != NULL);
  g_return_if_fail (section < QD_REVIEW_N_SECTIONS);

  score->sections[section].scored = !isnan (value);
  score->sections[section].score = value;
}

static gboolean
section_counts (const QdSectionScore *section)
{
  return section->scored && section->weight > 0;
}

void
qd_review_score_compute (QdReviewScore *score)
{
  double sum = 0;
  double weights = 0;

  g_return_if_fail (score != NULL);

  for (guint i = 0; i < QD_REVIEW_N_SECTIONS; i++)
    {
      const QdSectionScore *section = &score->sections[i];

      if (!section_counts (section))
        continue;
      sum += section->score * section->weight;
      weights += section->weight;
    }

  score->weight_used = weights;
  score->final = weights > 0 ? sum / weights : NAN;
}

/* A weight as people write it: "60", "12.5". */
static char *
format_weight (double weight)
{
  if (fabs (weight - round (weight)) < 0.005)
    return g_strdup_printf ("%.0f", weight);
  return g_strdup_printf ("%.1f", weight);
}

char *
qd_review_describe_score (const QdReviewScore *score)
{
  g_autoptr(GString) parts = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *final = NULL;
  g_autofree char *total = NULL;
  QdReviewScore computed;

  g_return_val_if_fail (score != NULL, NULL);

  computed = *score;
  qd_review_score_compute (&computed);

  for (guint i = 0; i < QD_REVIEW_N_SECTIONS; i++)
    {
      const QdSectionScore *section = &computed.sections[i];
      g_autofree char *value = NULL;
      g_autofree char *weight = NULL;

      if (!section_counts (section))
        continue;
      value = qd_review_format_rating (section->score);
      weight = format_weight (section->weight);
      if (parts->len > 0)
        g_string_append (parts, " + ");
      /* Translators: one part of the final score formula: a section,
       * its score and its weight, e.g. "Competencies 3.9 × 60" */
      g_string_append_printf (parts, C_("score formula", "%s %s × %s"),
                              qd_review_section_to_label (i), value, weight);
    }

  if (isnan (computed.final))
    return g_strdup (_("No final score yet: no section is scored."));

  final = qd_review_format_rating (computed.final);
  total = format_weight (computed.weight_used);
  /* Translators: the final score formula, e.g. "Final 3.8 of 5 =
   * (Competencies 3.9 × 60 + Goals 3.5 × 20) ÷ 80" */
  g_string_append_printf (text, _("Final %s of %u = (%s) ÷ %s"),
                          final, computed.scale_points, parts->str, total);

  for (guint i = 0; i < QD_REVIEW_N_SECTIONS; i++)
    {
      const QdSectionScore *section = &computed.sections[i];

      if (section_counts (section))
        continue;
      g_string_append (text, "; ");
      if (section->weight <= 0)
        /* Translators: a section of the score formula weighted 0, e.g. "KPIs weigh 0, left out" */
        g_string_append_printf (text, C_("score formula", "%s weigh 0, left out"),
                                qd_review_section_to_label (i));
      else
        /* Translators: a section of the score formula without a score, e.g. "KPIs not scored, left out" */
        g_string_append_printf (text, C_("score formula", "%s not scored, left out"),
                                qd_review_section_to_label (i));
    }
  g_string_append_c (text, '.');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
qd_competency_ratings_free (QdCompetencyRatings *ratings)
{
  if (ratings == NULL)
    return;
  g_free (ratings->group);
  g_free (ratings->name);
  g_free (ratings->description);
  g_free (ratings->self_comment);
  g_free (ratings->manager_comment);
  g_free (ratings);
}
