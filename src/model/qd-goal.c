/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-goal"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "qd-goal.h"

/* A SMART goal: a plain value object. QdGoals writes it and fills in
 * the measurement (current value, progress, its label, overdue). */

struct _QdGoal
{
  GObject       parent_instance;

  gint64        id;
  gint64        member_id;
  char         *member_name;
  gint64        template_id;
  char         *title;
  char         *description;
  char         *metric;
  double        baseline;
  double        target;
  double        manual_progress;
  char         *start_date;
  char         *due_date;
  QdGoalStatus  status;
  char         *created_at;

  char         *metric_name;
  double        current_value;
  double        progress;
  char         *progress_label;
  gboolean      overdue;
};

G_DEFINE_FINAL_TYPE (QdGoal, qd_goal, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (QdGoalStatus, qd_goal_status,
  G_DEFINE_ENUM_VALUE (QD_GOAL_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (QD_GOAL_STATUS_ACHIEVED, "achieved"),
  G_DEFINE_ENUM_VALUE (QD_GOAL_STATUS_MISSED, "missed"),
  G_DEFINE_ENUM_VALUE (QD_GOAL_STATUS_DROPPED, "dropped"))

enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_ID,
  PROP_MEMBER_NAME,
  PROP_TEMPLATE_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_METRIC,
  PROP_MEASURED,
  PROP_METRIC_NAME,
  PROP_BASELINE,
  PROP_TARGET,
  PROP_MANUAL_PROGRESS,
  PROP_START_DATE,
  PROP_START_DATE_LABEL,
  PROP_DUE_DATE,
  PROP_DUE_DATE_LABEL,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_CREATED_AT,
  PROP_CURRENT_VALUE,
  PROP_PROGRESS,
  PROP_PROGRESS_LABEL,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static char **
string_field (QdGoal *self,
              guint   prop_id)
{
  switch (prop_id)
    {
    case PROP_MEMBER_NAME: return &self->member_name;
    case PROP_TITLE: return &self->title;
    case PROP_DESCRIPTION: return &self->description;
    case PROP_METRIC: return &self->metric;
    case PROP_METRIC_NAME: return &self->metric_name;
    case PROP_START_DATE: return &self->start_date;
    case PROP_DUE_DATE: return &self->due_date;
    case PROP_CREATED_AT: return &self->created_at;
    case PROP_PROGRESS_LABEL: return &self->progress_label;
    default: return NULL;
    }
}

static void
set_string (QdGoal     *self,
            guint       prop_id,
            const char *value)
{
  char **field = string_field (self, prop_id);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (prop_id == PROP_METRIC)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURED]);
  else if (prop_id == PROP_START_DATE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE_LABEL]);
  else if (prop_id == PROP_DUE_DATE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE_LABEL]);
}

static void
set_double (QdGoal *self,
            double *field,
            guint   prop_id,
            double  value)
{
  if (same_double (*field, value))
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_id (QdGoal *self,
        gint64 *field,
        guint   prop_id,
        gint64  value)
{
  value = MAX (value, 0);
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

char *
_qd_goal_format_day (const char *iso_day)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (iso_day == NULL || sscanf (iso_day, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return g_strdup ("");
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (dt == NULL)
    return g_strdup ("");
  /* Translators: a day next to a goal, an action or a note, see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

static void
qd_goal_finalize (GObject *object)
{
  QdGoal *self = (QdGoal *) object;

  g_free (self->member_name);
  g_free (self->title);
  g_free (self->description);
  g_free (self->metric);
  g_free (self->start_date);
  g_free (self->due_date);
  g_free (self->created_at);
  g_free (self->metric_name);
  g_free (self->progress_label);

  G_OBJECT_CLASS (qd_goal_parent_class)->finalize (object);
}

static void
qd_goal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  QdGoal *self = QD_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case PROP_TEMPLATE_ID:
      g_value_set_int64 (value, self->template_id);
      break;
    case PROP_MEMBER_NAME:
    case PROP_TITLE:
    case PROP_DESCRIPTION:
    case PROP_METRIC:
    case PROP_METRIC_NAME:
    case PROP_START_DATE:
    case PROP_DUE_DATE:
    case PROP_CREATED_AT:
    case PROP_PROGRESS_LABEL:
      g_value_set_string (value, *string_field (self, prop_id));
      break;
    case PROP_MEASURED:
      g_value_set_boolean (value, qd_goal_get_measured (self));
      break;
    case PROP_BASELINE:
      g_value_set_double (value, self->baseline);
      break;
    case PROP_TARGET:
      g_value_set_double (value, self->target);
      break;
    case PROP_MANUAL_PROGRESS:
      g_value_set_double (value, self->manual_progress);
      break;
    case PROP_START_DATE_LABEL:
      g_value_take_string (value, _qd_goal_format_day (self->start_date));
      break;
    case PROP_DUE_DATE_LABEL:
      g_value_take_string (value, _qd_goal_format_day (self->due_date));
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, qd_goal_status_to_label (self->status));
      break;
    case PROP_CURRENT_VALUE:
      g_value_set_double (value, self->current_value);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_goal_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  QdGoal *self = QD_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_MEMBER_ID:
      qd_goal_set_member_id (self, g_value_get_int64 (value));
      break;
    case PROP_TEMPLATE_ID:
      qd_goal_set_template_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
    case PROP_DESCRIPTION:
    case PROP_METRIC:
    case PROP_START_DATE:
    case PROP_DUE_DATE:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_BASELINE:
      qd_goal_set_baseline (self, g_value_get_double (value));
      break;
    case PROP_TARGET:
      qd_goal_set_target (self, g_value_get_double (value));
      break;
    case PROP_MANUAL_PROGRESS:
      qd_goal_set_manual_progress (self, g_value_get_double (value));
      break;
    case PROP_STATUS:
      qd_goal_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_goal_class_init (QdGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qd_goal_finalize;
  object_class->get_property = qd_goal_get_property;
  object_class->set_property = qd_goal_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBER_ID] = g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MEMBER_NAME] = g_param_spec_string ("member-name", NULL, NULL, "", ro);
  properties[PROP_TEMPLATE_ID] = g_param_spec_int64 ("template-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", rw);
  properties[PROP_METRIC] = g_param_spec_string ("metric", NULL, NULL, "", rw);
  properties[PROP_MEASURED] = g_param_spec_boolean ("measured", NULL, NULL, FALSE, ro);
  properties[PROP_METRIC_NAME] = g_param_spec_string ("metric-name", NULL, NULL, "", ro);
  /* NAN (not set) is a valid value of these, though not their default. */
  properties[PROP_BASELINE] =
    g_param_spec_double ("baseline", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_TARGET] =
    g_param_spec_double ("target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_MANUAL_PROGRESS] =
    g_param_spec_double ("manual-progress", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, "", rw);
  properties[PROP_START_DATE_LABEL] = g_param_spec_string ("start-date-label", NULL, NULL, "", ro);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, "", rw);
  properties[PROP_DUE_DATE_LABEL] = g_param_spec_string ("due-date-label", NULL, NULL, "", ro);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, QD_TYPE_GOAL_STATUS, QD_GOAL_STATUS_ACTIVE, rw);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, "", ro);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, "", ro);
  properties[PROP_CURRENT_VALUE] =
    g_param_spec_double ("current-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 100, 0, ro);
  properties[PROP_PROGRESS_LABEL] = g_param_spec_string ("progress-label", NULL, NULL, "", ro);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qd_goal_init (QdGoal *self)
{
  self->member_name = g_strdup ("");
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->metric = g_strdup ("");
  self->start_date = g_strdup ("");
  self->due_date = g_strdup ("");
  self->created_at = g_strdup ("");
  self->metric_name = g_strdup ("");
  self->progress_label = g_strdup ("");
  self->baseline = NAN;
  self->target = NAN;
  self->manual_progress = 0;
  self->current_value = NAN;
  self->progress = NAN;
}

QdGoal *
qd_goal_new (void)
{
  return g_object_new (QD_TYPE_GOAL, NULL);
}

QdGoal *
qd_goal_new_from_record (const QdGoalRecord *record)
{
  QdGoal *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (QD_TYPE_GOAL, "id", record->id, NULL);
  qd_goal_update_from_record (self, record);
  return self;
}

/**
 * qd_goal_update_from_record:
 *
 * Brings the goal up to date with what the database holds, notifying
 * only the properties that changed, so bound widgets refresh in place.
 * The measurement is left as it was.
 */
void
qd_goal_update_from_record (QdGoal             *self,
                            const QdGoalRecord *record)
{
  QdGoalStatus status = QD_GOAL_STATUS_ACTIVE;

  g_return_if_fail (QD_IS_GOAL (self));
  g_return_if_fail (record != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  self->id = record->id;
  set_id (self, &self->member_id, PROP_MEMBER_ID, record->member_id);
  set_string (self, PROP_MEMBER_NAME, record->member_name);
  set_id (self, &self->template_id, PROP_TEMPLATE_ID, record->template_id);
  set_string (self, PROP_TITLE, record->title);
  set_string (self, PROP_DESCRIPTION, record->description);
  set_string (self, PROP_METRIC, record->metric);
  set_double (self, &self->baseline, PROP_BASELINE, record->baseline);
  set_double (self, &self->target, PROP_TARGET, record->target);
  set_double (self, &self->manual_progress, PROP_MANUAL_PROGRESS, record->manual_progress);
  set_string (self, PROP_START_DATE, record->start_date);
  set_string (self, PROP_DUE_DATE, record->due_date);
  qd_goal_status_from_nick (record->status, &status);
  qd_goal_set_status (self, status);
  set_string (self, PROP_CREATED_AT, record->created_at);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * qd_goal_to_record:
 * @record: (out caller-allocates): cleared with qd_goal_record_clear()
 *
 * Copies the goal into a record as it would be stored: a manual goal
 * keeps no baseline or target, a metric goal no manual progress.
 */
void
qd_goal_to_record (QdGoal       *self,
                   QdGoalRecord *record)
{
  gboolean measured;

  g_return_if_fail (QD_IS_GOAL (self));
  g_return_if_fail (record != NULL);

  measured = qd_goal_get_measured (self);
  record->id = self->id;
  record->member_id = self->member_id;
  record->member_name = g_strdup (self->member_name);
  record->template_id = self->template_id;
  record->title = g_strdup (self->title);
  record->description = g_strdup (self->description);
  record->metric = measured ? g_strdup (self->metric) : NULL;
  record->baseline = measured ? self->baseline : NAN;
  record->target = measured ? self->target : NAN;
  record->manual_progress = measured ? NAN : self->manual_progress;
  record->start_date = g_strdup (self->start_date);
  record->due_date = g_strdup (self->due_date);
  record->status = g_strdup (qd_goal_status_to_nick (self->status));
  record->created_at = *self->created_at != '\0' ? g_strdup (self->created_at) : NULL;
}

gint64
qd_goal_get_id (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), 0);
  return self->id;
}

gint64
qd_goal_get_member_id (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), 0);
  return self->member_id;
}

void
qd_goal_set_member_id (QdGoal *self,
                       gint64  member_id)
{
  g_return_if_fail (QD_IS_GOAL (self));
  set_id (self, &self->member_id, PROP_MEMBER_ID, member_id);
}

const char *
qd_goal_get_member_name (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NULL);
  return self->member_name;
}

gint64
qd_goal_get_template_id (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), 0);
  return self->template_id;
}

void
qd_goal_set_template_id (QdGoal *self,
                         gint64  template_id)
{
  g_return_if_fail (QD_IS_GOAL (self));
  set_id (self, &self->template_id, PROP_TEMPLATE_ID, template_id);
}

const char *
qd_goal_get_title (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NULL);
  return self->title;
}

void
qd_goal_set_title (QdGoal     *self,
                   const char *title)
{
  g_return_if_fail (QD_IS_GOAL (self));
  set_string (self, PROP_TITLE, title);
}

const char *
qd_goal_get_description (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NULL);
  return self->description;
}

void
qd_goal_set_description (QdGoal     *self,
                         const char *description)
{
  g_return_if_fail (QD_IS_GOAL (self));
  set_string (self, PROP_DESCRIPTION, description);
}

const char *
qd_goal_get_metric (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NULL);
  return self->metric;
}

void
qd_goal_set_metric (QdGoal     *self,
                    const char *metric)
{
  g_return_if_fail (QD_IS_GOAL (self));
  set_string (self, PROP_METRIC, metric);
}

gboolean
qd_goal_get_measured (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), FALSE);
  return *self->metric != '\0';
}

double
qd_goal_get_baseline (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NAN);
  return self->baseline;
}

void
qd_goal_set_baseline (QdGoal *self,
                      double  baseline)
{
  g_return_if_fail (QD_IS_GOAL (self));
  set_double (self, &self->baseline, PROP_BASELINE, baseline);
}

double
qd_goal_get_target (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NAN);
  return self->target;
}

void
qd_goal_set_target (QdGoal *self,
                    double  target)
{
  g_return_if_fail (QD_IS_GOAL (self));
  set_double (self, &self->target, PROP_TARGET, target);
}

double
qd_goal_get_manual_progress (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NAN);
  return self->manual_progress;
}

void
qd_goal_set_manual_progress (QdGoal *self,
                             double  progress)
{
  g_return_if_fail (QD_IS_GOAL (self));
  set_double (self, &self->manual_progress, PROP_MANUAL_PROGRESS, progress);
}

const char *
qd_goal_get_start_date (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NULL);
  return self->start_date;
}

void
qd_goal_set_start_date (QdGoal     *self,
                        const char *start_date)
{
  g_return_if_fail (QD_IS_GOAL (self));
  set_string (self, PROP_START_DATE, start_date);
}

const char *
qd_goal_get_due_date (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NULL);
  return self->due_date;
}

void
qd_goal_set_due_date (QdGoal     *self,
                      const char *due_date)
{
  g_return_if_fail (QD_IS_GOAL (self));
  set_string (self, PROP_DUE_DATE, due_date);
}

QdGoalStatus
qd_goal_get_status (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), QD_GOAL_STATUS_ACTIVE);
  return self->status;
}

void
qd_goal_set_status (QdGoal       *self,
                    QdGoalStatus  status)
{
  g_return_if_fail (QD_IS_GOAL (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}

const char *
qd_goal_get_created_at (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NULL);
  return self->created_at;
}

const char *
qd_goal_get_metric_name (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NULL);
  return self->metric_name;
}

double
qd_goal_get_current_value (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NAN);
  return self->current_value;
}

double
qd_goal_get_progress (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NAN);
  return self->progress;
}

const char *
qd_goal_get_progress_label (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), NULL);
  return self->progress_label;
}

gboolean
qd_goal_get_overdue (QdGoal *self)
{
  g_return_val_if_fail (QD_IS_GOAL (self), FALSE);
  return self->overdue;
}

void
_qd_goal_set_measurement (QdGoal     *self,
                          const char *metric_name,
                          double      current_value,
                          double      progress,
                          const char *progress_label,
                          gboolean    overdue)
{
  g_return_if_fail (QD_IS_GOAL (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, PROP_METRIC_NAME, metric_name);
  set_double (self, &self->current_value, PROP_CURRENT_VALUE, current_value);
  set_double (self, &self->progress, PROP_PROGRESS, progress);
  set_string (self, PROP_PROGRESS_LABEL, progress_label);
  overdue = !!overdue;
  if (self->overdue != overdue)
    {
      self->overdue = overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
qd_goal_status_to_nick (QdGoalStatus status)
{
  switch (status)
    {
    case QD_GOAL_STATUS_ACTIVE: return "active";
    case QD_GOAL_STATUS_ACHIEVED: return "achieved";
    case QD_GOAL_STATUS_MISSED: return "missed";
    case QD_GOAL_STATUS_DROPPED: return "dropped";
    default: return NULL;
    }
}

gboolean
qd_goal_status_from_nick (const char   *nick,
                          QdGoalStatus *status)
{
  for (int s = QD_GOAL_STATUS_ACTIVE; s <= QD_GOAL_STATUS_DROPPED; s++)
    if (g_strcmp0 (nick, qd_goal_status_to_nick (s)) == 0)
      {
        *status = s;
        return TRUE;
      }
  return FALSE;
}

const char *
qd_goal_status_to_label (QdGoalStatus status)
{
  switch (status)
    {
    /* Translators: the status of a goal */
    case QD_GOAL_STATUS_ACTIVE: return C_("goal", "Active");
    case QD_GOAL_STATUS_ACHIEVED: return C_("goal", "Achieved");
    case QD_GOAL_STATUS_MISSED: return C_("goal", "Missed");
    case QD_GOAL_STATUS_DROPPED: return C_("goal", "Dropped");
    default: return "";
    }
}
