/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-review-cycle"

#include "config.h"

#include <math.h>

#include "qd-review-cycle.h"

struct _QdReviewCycle
{
  GObject             parent_instance;

  gint64              id;
  char               *name;
  char               *period_start;
  char               *period_end;
  char               *self_due;
  char               *manager_due;
  char               *calibration_due;
  gint64              template_id;
  char               *template_name;
  QdParticipantsRule  rule;
  double              targets[3];      /* top, middle, bottom */
  QdCycleStatus       status;
  gboolean            ratings_locked;
  guint               n_participants;
  guint               scale_points;
  double              weights[QD_REVIEW_N_SECTIONS];
  GStrv               labels;
  GListStore         *competencies;
};

G_DEFINE_FINAL_TYPE (QdReviewCycle, qd_review_cycle, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  PROP_SELF_DUE,
  PROP_MANAGER_DUE,
  PROP_CALIBRATION_DUE,
  PROP_TEMPLATE_ID,
  PROP_TEMPLATE_NAME,
  PROP_PARTICIPANTS_RULE,
  PROP_TARGET_TOP,
  PROP_TARGET_MIDDLE,
  PROP_TARGET_BOTTOM,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_RATINGS_LOCKED,
  PROP_IS_FROZEN,
  PROP_N_PARTICIPANTS,
  PROP_SCALE_POINTS,
  PROP_COMPETENCIES_WEIGHT,
  PROP_KPI_WEIGHT,
  PROP_GOALS_WEIGHT,
  PROP_COMPETENCIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (QdReviewCycle *self,
              guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_PERIOD_START: return &self->period_start;
    case PROP_PERIOD_END: return &self->period_end;
    case PROP_SELF_DUE: return &self->self_due;
    case PROP_MANAGER_DUE: return &self->manager_due;
    case PROP_CALIBRATION_DUE: return &self->calibration_due;
    case PROP_TEMPLATE_NAME: return &self->template_name;
    default: return NULL;
    }
}

static void
set_string (QdReviewCycle *self,
            guint          prop_id,
            const char    *value)
{
  char **field = string_field (self, prop_id);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_target (QdReviewCycle *self,
            guint          index,
            double         value)
{
  if (self->targets[index] == value)
    return;
  self->targets[index] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_TOP + index]);
}

static void
qd_review_cycle_dispose (GObject *object)
{
  QdReviewCycle *self = (QdReviewCycle *) object;

  g_clear_object (&self->competencies);

  G_OBJECT_CLASS (qd_review_cycle_parent_class)->dispose (object);
}

static void
qd_review_cycle_finalize (GObject *object)
{
  QdReviewCycle *self = (QdReviewCycle *) object;

  g_free (self->name);
  g_free (self->period_start);
  g_free (self->period_end);
  g_free (self->self_due);
  g_free (self->manager_due);
  g_free (self->calibration_due);
  g_free (self->template_name);
  g_strfreev (self->labels);

  G_OBJECT_CLASS (qd_review_cycle_parent_class)->finalize (object);
}

static void
qd_review_cycle_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QdReviewCycle *self = QD_REVIEW_CYCLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
    case PROP_PERIOD_START:
    case PROP_PERIOD_END:
    case PROP_SELF_DUE:
    case PROP_MANAGER_DUE:
    case PROP_CALIBRATION_DUE:
    case PROP_TEMPLATE_NAME:
      g_value_set_string (value, *string_field (self, prop_id));
      break;
    case PROP_TEMPLATE_ID:
      g_value_set_int64 (value, self->template_id);
      break;
    case PROP_PARTICIPANTS_RULE:
      g_value_set_enum (value, self->rule);
      break;
    case PROP_TARGET_TOP:
    case PROP_TARGET_MIDDLE:
    case PROP_TARGET_BOTTOM:
      g_value_set_double (value, self->targets[prop_id - PROP_TARGET_TOP]);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, qd_cycle_status_to_label (self->status));
      break;
    case PROP_RATINGS_LOCKED:
      g_value_set_boolean (value, self->ratings_locked);
      break;
    case PROP_IS_FROZEN:
      g_value_set_boolean (value, qd_review_cycle_get_is_frozen (self));
      break;
    case PROP_N_PARTICIPANTS:
      g_value_set_uint (value, self->n_participants);
      break;
    case PROP_SCALE_POINTS:
      g_value_set_uint (value, self->scale_points);
      break;
    case PROP_COMPETENCIES_WEIGHT:
    case PROP_KPI_WEIGHT:
    case PROP_GOALS_WEIGHT:
      g_value_set_double (value, self->weights[prop_id - PROP_COMPETENCIES_WEIGHT]);
      break;
    case PROP_COMPETENCIES:
      g_value_set_object (value, self->competencies);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_review_cycle_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QdReviewCycle *self = QD_REVIEW_CYCLE (object);

  switch (prop_id)
    {
    case PROP_NAME:
    case PROP_PERIOD_START:
    case PROP_PERIOD_END:
    case PROP_SELF_DUE:
    case PROP_MANAGER_DUE:
    case PROP_CALIBRATION_DUE:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_TEMPLATE_ID:
      qd_review_cycle_set_template_id (self, g_value_get_int64 (value));
      break;
    case PROP_PARTICIPANTS_RULE:
      qd_review_cycle_set_participants_rule (self, g_value_get_enum (value));
      break;
    case PROP_TARGET_TOP:
    case PROP_TARGET_MIDDLE:
    case PROP_TARGET_BOTTOM:
      set_target (self, prop_id - PROP_TARGET_TOP, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_review_cycle_class_init (QdReviewCycleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = qd_review_cycle_dispose;
  object_class->finalize = qd_review_cycle_finalize;
  object_class->get_property = qd_review_cycle_get_property;
  object_class->set_property = qd_review_cycle_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_PERIOD_START] = g_param_spec_string ("period-start", NULL, NULL, "", rw);
  properties[PROP_PERIOD_END] = g_param_spec_string ("period-end", NULL, NULL, "", rw);
  properties[PROP_SELF_DUE] = g_param_spec_string ("self-due", NULL, NULL, "", rw);
  properties[PROP_MANAGER_DUE] = g_param_spec_string ("manager-due", NULL, NULL, "", rw);
  properties[PROP_CALIBRATION_DUE] = g_param_spec_string ("calibration-due", NULL, NULL, "", rw);
  properties[PROP_TEMPLATE_ID] = g_param_spec_int64 ("template-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TEMPLATE_NAME] = g_param_spec_string ("template-name", NULL, NULL, "", ro);
  properties[PROP_PARTICIPANTS_RULE] =
    g_param_spec_enum ("participants-rule", NULL, NULL, QD_TYPE_PARTICIPANTS_RULE,
                       QD_PARTICIPANTS_ALL_ACTIVE, rw);
  properties[PROP_TARGET_TOP] = g_param_spec_double ("target-top", NULL, NULL, 0, 100, 20, rw);
  properties[PROP_TARGET_MIDDLE] = g_param_spec_double ("target-middle", NULL, NULL, 0, 100, 70, rw);
  properties[PROP_TARGET_BOTTOM] = g_param_spec_double ("target-bottom", NULL, NULL, 0, 100, 10, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, QD_TYPE_CYCLE_STATUS, QD_CYCLE_STATUS_PLANNED, ro);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, "", ro);
  properties[PROP_RATINGS_LOCKED] = g_param_spec_boolean ("ratings-locked", NULL, NULL, FALSE, ro);
  properties[PROP_IS_FROZEN] = g_param_spec_boolean ("is-frozen", NULL, NULL, FALSE, ro);
  properties[PROP_N_PARTICIPANTS] = g_param_spec_uint ("n-participants", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SCALE_POINTS] = g_param_spec_uint ("scale-points", NULL, NULL, 0, 10, 0, ro);
  properties[PROP_COMPETENCIES_WEIGHT] = g_param_spec_double ("competencies-weight", NULL, NULL, 0, 100, 0, ro);
  properties[PROP_KPI_WEIGHT] = g_param_spec_double ("kpi-weight", NULL, NULL, 0, 100, 0, ro);
  properties[PROP_GOALS_WEIGHT] = g_param_spec_double ("goals-weight", NULL, NULL, 0, 100, 0, ro);
  properties[PROP_COMPETENCIES] = g_param_spec_object ("competencies", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qd_review_cycle_init (QdReviewCycle *self)
{
  self->name = g_strdup ("");
  self->period_start = g_strdup ("");
  self->period_end = g_strdup ("");
  self->self_due = g_strdup ("");
  self->manager_due = g_strdup ("");
  self->calibration_due = g_strdup ("");
  self->template_name = g_strdup ("");
  self->targets[0] = 20;
  self->targets[1] = 70;
  self->targets[2] = 10;
  self->labels = g_new0 (char *, 1);
  self->competencies = g_list_store_new (QD_TYPE_REVIEW_COMPETENCY);
}

QdReviewCycle *
qd_review_cycle_new (void)
{
  return g_object_new (QD_TYPE_REVIEW_CYCLE, NULL);
}

/**
 * qd_review_cycle_new_from_record:
 * @competencies: (element-type QdCompetencyRecord) (nullable): the
 *   frozen competencies, or the template's while the cycle is planned
 */
QdReviewCycle *
qd_review_cycle_new_from_record (const QdCycleRecord *record,
                                 GArray              *competencies)
{
  QdReviewCycle *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = qd_review_cycle_new ();
  self->id = record->id;
  set_string (self, PROP_NAME, record->name);
  set_string (self, PROP_PERIOD_START, record->period_start);
  set_string (self, PROP_PERIOD_END, record->period_end);
  set_string (self, PROP_SELF_DUE, record->self_due);
  set_string (self, PROP_MANAGER_DUE, record->manager_due);
  set_string (self, PROP_CALIBRATION_DUE, record->calibration_due);
  set_string (self, PROP_TEMPLATE_NAME, record->template_name);
  self->template_id = record->template_id;
  if (!qd_participants_rule_from_nick (record->participants_rule, &self->rule))
    self->rule = QD_PARTICIPANTS_ALL_ACTIVE;
  self->targets[0] = record->target_top;
  self->targets[1] = record->target_middle;
  self->targets[2] = record->target_bottom;
  if (!qd_cycle_status_from_nick (record->status, &self->status))
    self->status = QD_CYCLE_STATUS_PLANNED;
  self->ratings_locked = record->ratings_locked;
  self->n_participants = record->n_participants;
  self->scale_points = record->scale_points;
  self->weights[QD_REVIEW_SECTION_COMPETENCIES] = isnan (record->competencies_weight) ? 0 : record->competencies_weight;
  self->weights[QD_REVIEW_SECTION_KPIS] = isnan (record->kpi_weight) ? 0 : record->kpi_weight;
  self->weights[QD_REVIEW_SECTION_GOALS] = isnan (record->goals_weight) ? 0 : record->goals_weight;
  if (record->labels != NULL)
    {
      g_strfreev (self->labels);
      self->labels = g_strdupv (record->labels);
    }
  for (guint i = 0; competencies != NULL && i < competencies->len; i++)
    {
      g_autoptr(QdReviewCompetency) c =
        qd_review_competency_new_from_record (&g_array_index (competencies, QdCompetencyRecord, i));
      g_list_store_append (self->competencies, c);
    }
  return self;
}

/**
 * qd_review_cycle_to_record:
 *
 * Fills @record with the fields a user edits, for QdReviews to store.
 * The record's strings are copies; clear it with qd_cycle_record_clear().
 */
void
qd_review_cycle_to_record (QdReviewCycle *self,
                           QdCycleRecord *record)
{
  g_return_if_fail (QD_IS_REVIEW_CYCLE (self));
  g_return_if_fail (record != NULL);

  qd_cycle_record_clear (record);
  record->id = self->id;
  record->name = g_strdup (self->name);
  record->period_start = g_strdup (self->period_start);
  record->period_end = g_strdup (self->period_end);
  record->self_due = g_strdup (self->self_due);
  record->manager_due = g_strdup (self->manager_due);
  record->calibration_due = g_strdup (self->calibration_due);
  record->status = g_strdup (qd_cycle_status_to_nick (self->status));
  record->template_id = self->template_id;
  record->template_name = g_strdup (self->template_name);
  record->participants_rule = g_strdup (qd_participants_rule_to_nick (self->rule));
  record->target_top = self->targets[0];
  record->target_middle = self->targets[1];
  record->target_bottom = self->targets[2];
  record->ratings_locked = self->ratings_locked;
  record->scale_points = self->scale_points;
  record->competencies_weight = self->weights[QD_REVIEW_SECTION_COMPETENCIES];
  record->kpi_weight = self->weights[QD_REVIEW_SECTION_KPIS];
  record->goals_weight = self->weights[QD_REVIEW_SECTION_GOALS];
}

gint64
qd_review_cycle_get_id (QdReviewCycle *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), 0);
  return self->id;
}

#define STRING_ACCESSORS(field, PROP)                                   \
  const char *                                                          \
  qd_review_cycle_get_##field (QdReviewCycle *self)                     \
  {                                                                     \
    g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), NULL);             \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  qd_review_cycle_set_##field (QdReviewCycle *self,                     \
                               const char    *value)                    \
  {                                                                     \
    g_return_if_fail (QD_IS_REVIEW_CYCLE (self));                       \
    set_string (self, PROP, value);                                     \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (period_start, PROP_PERIOD_START)
STRING_ACCESSORS (period_end, PROP_PERIOD_END)
STRING_ACCESSORS (self_due, PROP_SELF_DUE)
STRING_ACCESSORS (manager_due, PROP_MANAGER_DUE)
STRING_ACCESSORS (calibration_due, PROP_CALIBRATION_DUE)

#undef STRING_ACCESSORS

gint64
qd_review_cycle_get_template_id (QdReviewCycle *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), 0);
  return self->template_id;
}

void
qd_review_cycle_set_template_id (QdReviewCycle *self,
                                 gint64         template_id)
{
  g_return_if_fail (QD_IS_REVIEW_CYCLE (self));

  if (self->template_id == template_id)
    return;
  self->template_id = template_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_ID]);
}

const char *
qd_review_cycle_get_template_name (QdReviewCycle *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), NULL);
  return self->template_name;
}

QdParticipantsRule
qd_review_cycle_get_participants_rule (QdReviewCycle *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), QD_PARTICIPANTS_ALL_ACTIVE);
  return self->rule;
}

void
qd_review_cycle_set_participants_rule (QdReviewCycle      *self,
                                       QdParticipantsRule  rule)
{
  g_return_if_fail (QD_IS_REVIEW_CYCLE (self));

  if (self->rule == rule)
    return;
  self->rule = rule;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS_RULE]);
}

void
qd_review_cycle_get_targets (QdReviewCycle *self,
                             double        *top,
                             double        *middle,
                             double        *bottom)
{
  g_return_if_fail (QD_IS_REVIEW_CYCLE (self));

  if (top != NULL)
    *top = self->targets[0];
  if (middle != NULL)
    *middle = self->targets[1];
  if (bottom != NULL)
    *bottom = self->targets[2];
}

void
qd_review_cycle_set_targets (QdReviewCycle *self,
                             double         top,
                             double         middle,
                             double         bottom)
{
  g_return_if_fail (QD_IS_REVIEW_CYCLE (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_target (self, 0, top);
  set_target (self, 1, middle);
  set_target (self, 2, bottom);
  g_object_thaw_notify (G_OBJECT (self));
}

QdCycleStatus
qd_review_cycle_get_status (QdReviewCycle *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), QD_CYCLE_STATUS_PLANNED);
  return self->status;
}

const char *
qd_review_cycle_get_status_label (QdReviewCycle *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), NULL);
  return qd_cycle_status_to_label (self->status);
}

gboolean
qd_review_cycle_get_ratings_locked (QdReviewCycle *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), FALSE);
  return self->ratings_locked;
}

gboolean
qd_review_cycle_get_is_frozen (QdReviewCycle *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), FALSE);
  return self->id > 0 && self->status != QD_CYCLE_STATUS_PLANNED;
}

guint
qd_review_cycle_get_n_participants (QdReviewCycle *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), 0);
  return self->n_participants;
}

guint
qd_review_cycle_get_scale_points (QdReviewCycle *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), 0);
  return self->scale_points;
}

const char *
qd_review_cycle_get_scale_label (QdReviewCycle *self,
                                 guint          point)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), NULL);

  if (point < 1 || point > g_strv_length (self->labels))
    return "";
  return self->labels[point - 1];
}

double
qd_review_cycle_get_section_weight (QdReviewCycle *self,
                                    guint          section)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), 0);
  g_return_val_if_fail (section < QD_REVIEW_N_SECTIONS, 0);
  return self->weights[section];
}

GListModel *
qd_review_cycle_get_competencies (QdReviewCycle *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (self), NULL);
  return G_LIST_MODEL (self->competencies);
}
