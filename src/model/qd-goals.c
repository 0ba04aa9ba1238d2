/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-goals"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-goals.h"
#include "qd-store-goals.h"
#include "qd-store-members.h"

/* QdGoals is the service through which goals, goal templates and
 * development actions change: it checks the rules, writes each user
 * action in one transaction, measures progress from the KPI roll-ups and
 * keeps the lists it handed out up to date. */

#define MAX_TITLE_LENGTH 200
#define MAX_ACTION_LENGTH 2000
#define MAX_TEXT_LENGTH 20000

typedef enum
{
  LIVE_GOALS,
  LIVE_ACTIONS,
} LiveKind;

typedef struct
{
  QdGoals    *owner;
  LiveKind    kind;
  GListStore *model;          /* weak */
  gint64      member_id;
  gint64      review_id;
  char       *today;          /* NULL: the real today at each refresh */
} LiveList;

typedef enum
{
  UNDO_GOAL,
  UNDO_TEMPLATE,
  UNDO_ACTION,
} UndoKind;

struct _QdGoalsUndo
{
  UndoKind                   kind;
  QdGoalRecord               goal;
  QdGoalTemplateRecord       tmpl;
  GArray                    *linked_goals;   /* goals that came from the template */
  QdDevelopmentActionRecord  action;
};

struct _QdGoals
{
  GObject    parent_instance;

  QdStore   *store;
  QdKpis    *kpis;
  GPtrArray *live;            /* LiveList */
};

G_DEFINE_FINAL_TYPE (QdGoals, qd_goals, G_TYPE_OBJECT)

G_DEFINE_QUARK (qd-goals-error-quark, qd_goals_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- helpers ---- */

static char *
dup_today (const char *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (today != NULL)
    return g_strdup (today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Checks a YYYY-MM-DD day, telling a date that does not exist ("2026-02-31")
 * from text that is not a date at all. */
static gboolean
check_day (const char  *text,
           GError     **error)
{
  int y, m, d;
  char tail;
  gboolean shaped = strlen (text) == 10 && text[4] == '-' && text[7] == '-';

  for (guint i = 0; shaped && i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      shaped = FALSE;
  if (!shaped || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("“%s” is not a date. Write it as year-month-day, for example 2026-03-18."), text);
      return FALSE;
    }
  if (!g_date_valid_dmy (d, m, y) || y < 1900 || y > 2200)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("The date “%s” does not exist."), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static char *
dup_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* Turns the store's "no longer exists" into ours, keeping its message. */
static void
propagate (GError  *local_error,
           GError **error)
{
  if (g_error_matches (local_error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND))
    {
      g_set_error_literal (error, QD_GOALS_ERROR, QD_GOALS_ERROR_NOT_FOUND, local_error->message);
      g_error_free (local_error);
    }
  else
    g_propagate_error (error, local_error);
}

static QdMetricInfo *
get_metric (QdGoals     *self,
            const char  *key,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  QdMetricInfo *info = qd_kpis_get_metric (self->kpis, key, &local_error);

  if (info != NULL)
    return info;
  if (g_error_matches (local_error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND))
    g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                 _("There is no metric “%s”."), key);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* Loads a member for a rule check; "gone" is QD_GOALS_ERROR_NOT_FOUND. */
static gboolean
load_member (QdGoals         *self,
             gint64           id,
             QdMemberRecord  *record,
             const char      *missing,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (qd_store_load_member (self->store, id, record, &local_error))
    return TRUE;
  if (g_error_matches (local_error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND))
    g_set_error_literal (error, QD_GOALS_ERROR, QD_GOALS_ERROR_NOT_FOUND, missing);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The rules a baseline and a target must follow for @info. */
static gboolean
check_measure (QdMetricInfo  *info,
               double         baseline,
               double         target,
               GError       **error)
{
  g_autofree char *base_text = NULL;

  if (!isfinite (baseline))
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("Enter the %s value the goal starts from (its baseline)."), info->name);
      return FALSE;
    }
  if (!isfinite (target))
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("Enter the %s value to reach (the target)."), info->name);
      return FALSE;
    }
  if (info->unit == QD_METRIC_UNIT_PERCENT &&
      (baseline < 0 || baseline > 100 || target < 0 || target > 100))
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("%s is a percentage: the baseline and the target must be between 0 and 100."),
                   info->name);
      return FALSE;
    }
  if (baseline < 0 || target < 0)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("The baseline and the target of %s cannot be negative."), info->name);
      return FALSE;
    }
  if (target == baseline)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("The target must differ from the baseline, or there is nothing to achieve."));
      return FALSE;
    }

  base_text = qd_metric_format_value (info->unit, baseline);
  if (info->higher_is_better && target < baseline)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("For %s higher is better, so the target must be above the baseline (%s)."),
                   info->name, base_text);
      return FALSE;
    }
  if (!info->higher_is_better && target > baseline)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("For %s lower is better, so the target must be below the baseline (%s)."),
                   info->name, base_text);
      return FALSE;
    }
  return TRUE;
}

static double
compute_progress (double baseline,
                  double target,
                  double current)
{
  double progress;

  if (!isfinite (baseline) || !isfinite (target) || !isfinite (current) || target == baseline)
    return NAN;
  progress = (current - baseline) / (target - baseline) * 100.0;
  return CLAMP (progress, 0.0, 100.0);
}

typedef struct
{
  char     *metric_name;
  double    current;
  double    progress;
  char     *label;
  gboolean  overdue;
} Measurement;

static void
measurement_clear (Measurement *m)
{
  g_clear_pointer (&m->metric_name, g_free);
  g_clear_pointer (&m->label, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Measurement, measurement_clear)

/* Measures @goal as of @today (a day). With @with_label, also the words
 * shown under the progress bar. */
static gboolean
measure_goal (QdGoals             *self,
              const QdGoalRecord  *goal,
              const char          *today,
              gboolean             with_label,
              Measurement         *out,
              GError             **error)
{
  g_autoptr(QdMetricInfo) info = NULL;
  const char *to;

  out->metric_name = NULL;
  out->label = NULL;
  out->current = NAN;
  out->progress = NAN;
  out->overdue = g_strcmp0 (goal->status, "active") == 0 && g_strcmp0 (goal->due_date, today) < 0;

  if (goal->metric == NULL)
    {
      out->progress = isfinite (goal->manual_progress) ? CLAMP (goal->manual_progress, 0, 100) : NAN;
      if (with_label)
        out->label = isnan (out->progress)
                     ? g_strdup (_("Not measured"))
                     /* Translators: a goal's progress in percent, "40 %" */
                     : g_strdup_printf (_("%.0f %%"), out->progress);
      return TRUE;
    }

  to = g_strcmp0 (goal->due_date, today) < 0 ? goal->due_date : today;
  if (g_strcmp0 (to, goal->start_date) >= 0 &&
      !qd_store_find_member_value (self->store, goal->metric, goal->member_id,
                                   goal->start_date, to, &out->current, NULL, error))
    return FALSE;
  out->progress = compute_progress (goal->baseline, goal->target, out->current);

  if (!with_label)
    return TRUE;

  info = qd_kpis_get_metric (self->kpis, goal->metric, NULL);
  out->metric_name = g_strdup (info != NULL ? info->name : goal->metric);

  if (isnan (out->progress))
    {
      g_autofree char *start = _qd_goal_format_day (goal->start_date);

      if (g_strcmp0 (today, goal->start_date) < 0)
        /* Translators: under a goal that has not begun; %s is a day */
        out->label = g_strdup_printf (_("Starts on %s"), start);
      else
        /* Translators: under a goal; "No CSAT data since 2 Mar 2026" */
        out->label = g_strdup_printf (_("No %s data since %s"), out->metric_name, start);
    }
  else
    {
      QdMetricUnit unit = info != NULL ? info->unit : QD_METRIC_UNIT_NUMBER;
      g_autofree char *current = qd_metric_format_value (unit, out->current);
      g_autofree char *target = qd_metric_format_value (unit, goal->target);

      /* Translators: under a goal: progress, metric, where it stands, the
       * target; "60 % — CSAT 93.0 % of 95.0 %" */
      out->label = g_strdup_printf (_("%.0f %% — %s %s of %s"),
                                    out->progress, out->metric_name, current, target);
    }
  return TRUE;
}

static void
apply_goal_measurement (QdGoals            *self,
                        QdGoal             *goal,
                        const QdGoalRecord *record,
                        const char         *today)
{
  g_auto(Measurement) m = { 0 };
  g_autoptr(GError) error = NULL;

  if (!measure_goal (self, record, today, TRUE, &m, &error))
    g_debug ("Goal %" G_GINT64_FORMAT " could not be measured: %s", record->id, error->message);
  _qd_goal_set_measurement (goal, m.metric_name, m.current, m.progress, m.label, m.overdue);
}

static gboolean
action_overdue (const QdDevelopmentActionRecord *record,
                const char                      *today)
{
  return !record->done && record->due_date != NULL && *record->due_date != '\0' &&
         g_strcmp0 (record->due_date, today) < 0;
}

/* ---- live lists ---- */

static void
live_model_finalized_cb (gpointer  data,
                         GObject  *where_the_object_was)
{
  LiveList *live = data;

  live->model = NULL;
  g_ptr_array_remove (live->owner->live, live);
}

static void
live_list_free (LiveList *live)
{
  if (live->model != NULL)
    g_object_weak_unref (G_OBJECT (live->model), live_model_finalized_cb, live);
  g_free (live->today);
  g_free (live);
}

/* Makes @model hold @items, announcing only the range that changed, so
 * a selection survives an edit that does not move the row. */
static void
sync_model (GListStore *model,
            GPtrArray  *items)
{
  guint old_len = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint new_len = items->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_len && prefix < new_len)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), prefix);
      if (item != g_ptr_array_index (items, prefix))
        break;
      prefix++;
    }
  while (suffix < old_len - prefix && suffix < new_len - prefix)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), old_len - 1 - suffix);
      if (item != g_ptr_array_index (items, new_len - 1 - suffix))
        break;
      suffix++;
    }
  if (prefix == old_len && prefix == new_len)
    return;

  g_list_store_splice (model, prefix, old_len - prefix - suffix,
                       items->pdata + prefix, new_len - prefix - suffix);
}

/* The objects the model holds now, by id, so they are handed out again. */
static GHashTable *
index_model (GListStore *model,
             gint64    (*get_id) (gpointer))
{
  GHashTable *by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (G_LIST_MODEL (model), i);
      gint64 *key = g_new (gint64, 1);

      *key = get_id (item);
      g_hash_table_replace (by_id, key, item);
    }
  return by_id;
}

static gint64
goal_id_of (gpointer item)
{
  return qd_goal_get_id (item);
}

static gint64
action_id_of (gpointer item)
{
  return qd_development_action_get_id (item);
}

static void
refresh_live_list (QdGoals  *self,
                   LiveList *live)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) old = NULL;
  g_autofree char *today = dup_today (live->today);

  if (live->model == NULL)
    return;

  if (live->kind == LIVE_GOALS)
    {
      records = qd_store_list_goals (self->store, live->member_id, &error);
      if (records == NULL)
        {
          g_warning ("The goals could not be read: %s", error->message);
          return;
        }
      old = index_model (live->model, goal_id_of);
      for (guint i = 0; i < records->len; i++)
        {
          QdGoalRecord *record = g_ptr_array_index (records, i);
          QdGoal *goal = g_hash_table_lookup (old, &record->id);

          if (goal != NULL)
            {
              g_object_ref (goal);
              qd_goal_update_from_record (goal, record);
            }
          else
            goal = qd_goal_new_from_record (record);
          apply_goal_measurement (self, goal, record, today);
          g_ptr_array_add (items, goal);
        }
    }
  else
    {
      records = qd_store_list_development_actions (self->store, live->member_id, live->review_id, &error);
      if (records == NULL)
        {
          g_warning ("The development plan could not be read: %s", error->message);
          return;
        }
      old = index_model (live->model, action_id_of);
      for (guint i = 0; i < records->len; i++)
        {
          QdDevelopmentActionRecord *record = g_ptr_array_index (records, i);
          QdDevelopmentAction *action = g_hash_table_lookup (old, &record->id);

          if (action != NULL)
            {
              g_object_ref (action);
              qd_development_action_update_from_record (action, record);
            }
          else
            action = qd_development_action_new_from_record (record);
          _qd_development_action_set_overdue (action, action_overdue (record, today));
          g_ptr_array_add (items, action);
        }
    }

  sync_model (live->model, items);
}

static void
refresh_live_lists (QdGoals  *self,
                    gboolean  goals_only)
{
  for (guint i = 0; i < self->live->len; i++)
    {
      LiveList *live = g_ptr_array_index (self->live, i);

      if (!goals_only || live->kind == LIVE_GOALS)
        refresh_live_list (self, live);
    }
}

static GListModel *
add_live_list (QdGoals    *self,
               LiveKind    kind,
               GType       item_type,
               gint64      member_id,
               gint64      review_id,
               const char *today)
{
  LiveList *live = g_new0 (LiveList, 1);
  GListStore *model = g_list_store_new (item_type);

  live->owner = self;
  live->kind = kind;
  live->model = model;
  live->member_id = MAX (member_id, 0);
  live->review_id = MAX (review_id, 0);
  live->today = g_strdup (today);
  g_object_weak_ref (G_OBJECT (model), live_model_finalized_cb, live);
  g_ptr_array_add (self->live, live);

  refresh_live_list (self, live);
  return G_LIST_MODEL (model);
}

static void
emit_changed (QdGoals *self)
{
  refresh_live_lists (self, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- callbacks ---- */

static void
kpis_changed_cb (QdGoals *self,
                 QdKpis  *kpis)
{
  refresh_live_lists (self, TRUE);
}

/* ---- object ---- */

static void
qd_goals_dispose (GObject *object)
{
  QdGoals *self = (QdGoals *) object;

  if (self->live != NULL)
    g_ptr_array_set_size (self->live, 0);
  g_clear_object (&self->kpis);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (qd_goals_parent_class)->dispose (object);
}

static void
qd_goals_finalize (GObject *object)
{
  QdGoals *self = (QdGoals *) object;

  g_clear_pointer (&self->live, g_ptr_array_unref);

  G_OBJECT_CLASS (qd_goals_parent_class)->finalize (object);
}

static void
qd_goals_class_init (QdGoalsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = qd_goals_dispose;
  object_class->finalize = qd_goals_finalize;

  /**
   * QdGoals::changed:
   *
   * Emitted after goals, templates or development actions were added,
   * changed or removed through this service, once the lists it handed
   * out are up to date.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
qd_goals_init (QdGoals *self)
{
  self->live = g_ptr_array_new_with_free_func ((GDestroyNotify) live_list_free);
}

QdGoals *
qd_goals_new (QdStore *store,
              QdKpis  *kpis)
{
  QdGoals *self;

  g_return_val_if_fail (QD_IS_STORE (store), NULL);
  g_return_val_if_fail (kpis == NULL || QD_IS_KPIS (kpis), NULL);

  self = g_object_new (QD_TYPE_GOALS, NULL);
  self->store = g_object_ref (store);
  self->kpis = kpis != NULL ? g_object_ref (kpis) : qd_kpis_new (store);
  g_signal_connect_object (self->kpis, "changed", G_CALLBACK (kpis_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return self;
}

QdStore *
qd_goals_get_store (QdGoals *self)
{
  g_return_val_if_fail (QD_IS_GOALS (self), NULL);
  return self->store;
}

/* ---- goals ---- */

static gboolean
check_period (const char  *start_date,
              const char  *due_date,
              GError     **error)
{
  if (is_blank (start_date))
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("Every goal needs a start date."));
      return FALSE;
    }
  if (!check_day (start_date, error))
    return FALSE;
  if (is_blank (due_date))
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("Every goal needs a due date."));
      return FALSE;
    }
  if (!check_day (due_date, error))
    return FALSE;
  if (strcmp (due_date, start_date) <= 0)
    {
      g_autofree char *due = _qd_goal_format_day (due_date);
      g_autofree char *start = _qd_goal_format_day (start_date);

      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("The due date (%s) must be after the start date (%s)."), due, start);
      return FALSE;
    }
  return TRUE;
}

gboolean
qd_goals_validate_goal (QdGoals  *self,
                        QdGoal   *goal,
                        GError  **error)
{
  QdMemberRecord member = { 0 };
  g_autofree char *title = NULL;
  gboolean left;

  g_return_val_if_fail (QD_IS_GOALS (self), FALSE);
  g_return_val_if_fail (QD_IS_GOAL (goal), FALSE);

  if (qd_goal_get_member_id (goal) <= 0)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("Choose whose goal this is."));
      return FALSE;
    }
  if (!load_member (self, qd_goal_get_member_id (goal), &member,
                    _("This team member no longer exists."), error))
    return FALSE;
  left = g_strcmp0 (member.status, "left") == 0;
  if (left && qd_goal_get_id (goal) == 0)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("%s has left the team, so they cannot get new goals."), member.name);
      qd_member_record_clear (&member);
      return FALSE;
    }
  qd_member_record_clear (&member);

  title = dup_trimmed (qd_goal_get_title (goal));
  if (*title == '\0')
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("Every goal needs a title that says what is to be achieved."));
      return FALSE;
    }
  if (g_utf8_strlen (title, -1) > MAX_TITLE_LENGTH)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("A goal’s title can be at most %d characters long."), MAX_TITLE_LENGTH);
      return FALSE;
    }
  if (strlen (qd_goal_get_description (goal)) > MAX_TEXT_LENGTH)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("A goal’s description can be at most %d characters long."), MAX_TEXT_LENGTH);
      return FALSE;
    }

  if (!check_period (qd_goal_get_start_date (goal), qd_goal_get_due_date (goal), error))
    return FALSE;

  if (qd_goal_status_to_nick (qd_goal_get_status (goal)) == NULL)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("A goal is active, achieved, missed or dropped."));
      return FALSE;
    }

  if (qd_goal_get_measured (goal))
    {
      g_autoptr(QdMetricInfo) info = get_metric (self, qd_goal_get_metric (goal), error);

      if (info == NULL)
        return FALSE;
      if (!check_measure (info, qd_goal_get_baseline (goal), qd_goal_get_target (goal), error))
        return FALSE;
    }
  else
    {
      double progress = qd_goal_get_manual_progress (goal);

      if (!isfinite (progress) || progress < 0 || progress > 100)
        {
          g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                       _("Progress is a percentage between 0 and 100."));
          return FALSE;
        }
    }

  return TRUE;
}

static void
goal_to_trimmed_record (QdGoal       *goal,
                        QdGoalRecord *record)
{
  qd_goal_to_record (goal, record);
  g_strstrip (record->title);
  g_strstrip (record->start_date);
  g_strstrip (record->due_date);
}

gint64
qd_goals_add_goal (QdGoals  *self,
                   QdGoal   *goal,
                   GError  **error)
{
  g_auto(QdGoalRecord) record = { 0 };
  gint64 id;

  g_return_val_if_fail (QD_IS_GOALS (self), 0);
  g_return_val_if_fail (QD_IS_GOAL (goal), 0);
  g_return_val_if_fail (qd_goal_get_id (goal) == 0, 0);

  if (!qd_goals_validate_goal (self, goal, error))
    return 0;

  goal_to_trimmed_record (goal, &record);
  g_clear_pointer (&record.created_at, g_free);

  if (!qd_store_begin (self->store, error))
    return 0;
  id = qd_store_insert_goal (self->store, &record, error);
  if (id == 0 || !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return 0;
    }

  emit_changed (self);
  return id;
}

static gboolean
update_goal_record (QdGoals             *self,
                    const QdGoalRecord  *record,
                    GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!qd_store_begin (self->store, error))
    return FALSE;
  if (!qd_store_update_goal (self->store, record, &local_error) ||
      !qd_store_commit (self->store, &local_error))
    {
      qd_store_rollback (self->store);
      propagate (g_steal_pointer (&local_error), error);
      return FALSE;
    }
  emit_changed (self);
  return TRUE;
}

gboolean
qd_goals_save_goal (QdGoals  *self,
                    QdGoal   *goal,
                    GError  **error)
{
  g_auto(QdGoalRecord) record = { 0 };

  g_return_val_if_fail (QD_IS_GOALS (self), FALSE);
  g_return_val_if_fail (QD_IS_GOAL (goal), FALSE);
  g_return_val_if_fail (qd_goal_get_id (goal) > 0, FALSE);

  if (!qd_goals_validate_goal (self, goal, error))
    return FALSE;

  goal_to_trimmed_record (goal, &record);
  return update_goal_record (self, &record, error);
}

static gboolean
load_goal_record (QdGoals       *self,
                  gint64         id,
                  QdGoalRecord  *record,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (qd_store_load_goal (self->store, id, record, &local_error))
    return TRUE;
  propagate (g_steal_pointer (&local_error), error);
  return FALSE;
}

QdGoal *
qd_goals_load_goal (QdGoals     *self,
                    gint64       id,
                    const char  *today,
                    GError     **error)
{
  g_auto(QdGoalRecord) record = { 0 };
  g_autofree char *day = dup_today (today);
  QdGoal *goal;

  g_return_val_if_fail (QD_IS_GOALS (self), NULL);

  if (!load_goal_record (self, id, &record, error))
    return NULL;
  goal = qd_goal_new_from_record (&record);
  apply_goal_measurement (self, goal, &record, day);
  return goal;
}

gboolean
qd_goals_set_goal_status (QdGoals       *self,
                          gint64         id,
                          QdGoalStatus   status,
                          GError       **error)
{
  g_auto(QdGoalRecord) record = { 0 };
  const char *nick = qd_goal_status_to_nick (status);

  g_return_val_if_fail (QD_IS_GOALS (self), FALSE);

  if (nick == NULL)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("A goal is active, achieved, missed or dropped."));
      return FALSE;
    }
  if (!load_goal_record (self, id, &record, error))
    return FALSE;
  if (g_strcmp0 (record.status, nick) == 0)
    return TRUE;
  g_free (record.status);
  record.status = g_strdup (nick);
  return update_goal_record (self, &record, error);
}

gboolean
qd_goals_set_manual_progress (QdGoals  *self,
                              gint64    id,
                              double    progress,
                              GError  **error)
{
  g_auto(QdGoalRecord) record = { 0 };

  g_return_val_if_fail (QD_IS_GOALS (self), FALSE);

  if (!load_goal_record (self, id, &record, error))
    return FALSE;
  if (record.metric != NULL)
    {
      g_autoptr(QdMetricInfo) info = qd_kpis_get_metric (self->kpis, record.metric, NULL);

      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("“%s” is measured by %s, not by hand."),
                   record.title, info != NULL ? info->name : record.metric);
      return FALSE;
    }
  if (!isfinite (progress) || progress < 0 || progress > 100)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("Progress is a percentage between 0 and 100."));
      return FALSE;
    }
  if (record.manual_progress == progress)
    return TRUE;
  record.manual_progress = progress;
  return update_goal_record (self, &record, error);
}

QdGoalsUndo *
qd_goals_delete_goal (QdGoals  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(QdGoalsUndo) undo = g_new0 (QdGoalsUndo, 1);

  g_return_val_if_fail (QD_IS_GOALS (self), NULL);

  undo->kind = UNDO_GOAL;
  if (!load_goal_record (self, id, &undo->goal, error))
    return NULL;

  if (!qd_store_begin (self->store, error))
    return NULL;
  if (!qd_store_delete_goal (self->store, id, error) || !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return NULL;
    }

  emit_changed (self);
  return g_steal_pointer (&undo);
}

double
qd_goals_get_progress (QdGoals     *self,
                       gint64       goal_id,
                       const char  *today,
                       GError     **error)
{
  g_auto(QdGoalRecord) record = { 0 };
  g_auto(Measurement) m = { 0 };
  g_autofree char *day = dup_today (today);

  g_return_val_if_fail (QD_IS_GOALS (self), NAN);

  if (!load_goal_record (self, goal_id, &record, error))
    return NAN;
  if (!measure_goal (self, &record, day, FALSE, &m, error))
    return NAN;
  return m.progress;
}

gboolean
qd_goals_measure_baseline (QdGoals     *self,
                           gint64       member_id,
                           const char  *metric,
                           const char  *start_date,
                           double      *value,
                           GError     **error)
{
  g_autoptr(QdMetricInfo) info = NULL;

  g_return_val_if_fail (QD_IS_GOALS (self), FALSE);
  g_return_val_if_fail (metric != NULL && start_date != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NAN;
  if (!check_day (start_date, error))
    return FALSE;
  info = get_metric (self, metric, error);
  if (info == NULL)
    return FALSE;
  return qd_store_find_member_value_before (self->store, metric, member_id, start_date, value, error);
}

GListModel *
qd_goals_list_goals (QdGoals    *self,
                     gint64      member_id,
                     const char *today)
{
  g_return_val_if_fail (QD_IS_GOALS (self), NULL);

  return add_live_list (self, LIVE_GOALS, QD_TYPE_GOAL, member_id, 0, today);
}

/* ---- templates ---- */

QdGoalTemplate *
qd_goal_template_copy (const QdGoalTemplate *tmpl)
{
  QdGoalTemplate *copy;

  g_return_val_if_fail (tmpl != NULL, NULL);

  copy = g_new0 (QdGoalTemplate, 1);
  copy->id = tmpl->id;
  copy->title = g_strdup (tmpl->title);
  copy->description = g_strdup (tmpl->description);
  copy->metric = g_strdup (tmpl->metric);
  copy->target = tmpl->target;
  return copy;
}

void
qd_goal_template_free (QdGoalTemplate *tmpl)
{
  if (tmpl == NULL)
    return;
  g_free (tmpl->title);
  g_free (tmpl->description);
  g_free (tmpl->metric);
  g_free (tmpl);
}

static QdGoalTemplate *
template_from_record (const QdGoalTemplateRecord *record)
{
  QdGoalTemplate *tmpl = g_new0 (QdGoalTemplate, 1);

  tmpl->id = record->id;
  tmpl->title = g_strdup (record->title);
  tmpl->description = g_strdup (record->description);
  tmpl->metric = g_strdup (record->metric);
  tmpl->target = record->target;
  return tmpl;
}

/* Checks @tmpl and fills @record with what is to be stored. */
static gboolean
template_to_record (QdGoals               *self,
                    const QdGoalTemplate  *tmpl,
                    QdGoalTemplateRecord  *record,
                    GError               **error)
{
  g_autofree char *title = dup_trimmed (tmpl->title);
  gboolean measured = tmpl->metric != NULL && *tmpl->metric != '\0';

  if (*title == '\0')
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("Every goal template needs a title that says what is to be achieved."));
      return FALSE;
    }
  if (g_utf8_strlen (title, -1) > MAX_TITLE_LENGTH)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("A goal’s title can be at most %d characters long."), MAX_TITLE_LENGTH);
      return FALSE;
    }
  if (tmpl->description != NULL && strlen (tmpl->description) > MAX_TEXT_LENGTH)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("A goal’s description can be at most %d characters long."), MAX_TEXT_LENGTH);
      return FALSE;
    }
  if (measured)
    {
      g_autoptr(QdMetricInfo) info = get_metric (self, tmpl->metric, error);

      if (info == NULL)
        return FALSE;
      if (!isfinite (tmpl->target))
        {
          g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                       _("Enter the %s value to reach (the target)."), info->name);
          return FALSE;
        }
      if ((info->unit == QD_METRIC_UNIT_PERCENT && (tmpl->target < 0 || tmpl->target > 100)) ||
          tmpl->target < 0)
        {
          g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                       info->unit == QD_METRIC_UNIT_PERCENT
                       ? _("%s is a percentage: the baseline and the target must be between 0 and 100.")
                       : _("The baseline and the target of %s cannot be negative."),
                       info->name);
          return FALSE;
        }
    }

  record->id = tmpl->id;
  record->title = g_steal_pointer (&title);
  record->description = g_strdup (tmpl->description != NULL ? tmpl->description : "");
  record->metric = measured ? g_strdup (tmpl->metric) : NULL;
  record->target = measured ? tmpl->target : NAN;
  record->created_at = NULL;
  return TRUE;
}

gint64
qd_goals_add_template (QdGoals               *self,
                       const QdGoalTemplate  *tmpl,
                       GError               **error)
{
  g_auto(QdGoalTemplateRecord) record = { 0 };
  gint64 id;

  g_return_val_if_fail (QD_IS_GOALS (self), 0);
  g_return_val_if_fail (tmpl != NULL, 0);

  if (!template_to_record (self, tmpl, &record, error))
    return 0;
  record.id = 0;

  if (!qd_store_begin (self->store, error))
    return 0;
  id = qd_store_insert_goal_template (self->store, &record, error);
  if (id == 0 || !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return 0;
    }

  emit_changed (self);
  return id;
}

gboolean
qd_goals_save_template (QdGoals               *self,
                        const QdGoalTemplate  *tmpl,
                        GError               **error)
{
  g_auto(QdGoalTemplateRecord) record = { 0 };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (QD_IS_GOALS (self), FALSE);
  g_return_val_if_fail (tmpl != NULL && tmpl->id > 0, FALSE);

  if (!template_to_record (self, tmpl, &record, error))
    return FALSE;

  if (!qd_store_begin (self->store, error))
    return FALSE;
  if (!qd_store_update_goal_template (self->store, &record, &local_error) ||
      !qd_store_commit (self->store, &local_error))
    {
      qd_store_rollback (self->store);
      propagate (g_steal_pointer (&local_error), error);
      return FALSE;
    }

  emit_changed (self);
  return TRUE;
}

QdGoalTemplate *
qd_goals_load_template (QdGoals  *self,
                        gint64    id,
                        GError  **error)
{
  g_auto(QdGoalTemplateRecord) record = { 0 };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (QD_IS_GOALS (self), NULL);

  if (!qd_store_load_goal_template (self->store, id, &record, &local_error))
    {
      propagate (g_steal_pointer (&local_error), error);
      return NULL;
    }
  return template_from_record (&record);
}

GPtrArray *
qd_goals_list_templates (QdGoals  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *templates;

  g_return_val_if_fail (QD_IS_GOALS (self), NULL);

  records = qd_store_list_goal_templates (self->store, error);
  if (records == NULL)
    return NULL;
  templates = g_ptr_array_new_full (records->len, (GDestroyNotify) qd_goal_template_free);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (templates, template_from_record (g_ptr_array_index (records, i)));
  return templates;
}

QdGoalsUndo *
qd_goals_delete_template (QdGoals  *self,
                          gint64    id,
                          GError  **error)
{
  g_autoptr(QdGoalsUndo) undo = g_new0 (QdGoalsUndo, 1);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (QD_IS_GOALS (self), NULL);

  undo->kind = UNDO_TEMPLATE;
  if (!qd_store_load_goal_template (self->store, id, &undo->tmpl, &local_error))
    {
      propagate (g_steal_pointer (&local_error), error);
      return NULL;
    }

  if (!qd_store_begin (self->store, error))
    return NULL;
  undo->linked_goals = qd_store_list_goals_from_template (self->store, id, error);
  if (undo->linked_goals == NULL ||
      !qd_store_delete_goal_template (self->store, id, error) ||
      !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return NULL;
    }

  emit_changed (self);
  return g_steal_pointer (&undo);
}

void
qd_goal_skip_free (QdGoalSkip *skip)
{
  if (skip == NULL)
    return;
  g_free (skip->name);
  g_free (skip->message);
  g_free (skip);
}

static void
add_skip (GPtrArray        *skips,
          gint64            member_id,
          const char       *name,
          QdGoalSkipReason  reason,
          char             *message)
{
  QdGoalSkip *skip = g_new0 (QdGoalSkip, 1);

  skip->member_id = member_id;
  skip->name = g_strdup (name);
  skip->reason = reason;
  skip->message = message;
  g_ptr_array_add (skips, skip);
}

static gint
assign_template (QdGoals       *self,
                 gint64         template_id,
                 GArray        *member_ids,
                 gboolean       skip_on_leave,
                 const char    *start_date,
                 const char    *due_date,
                 double         baseline,
                 GPtrArray    **skipped,
                 GError       **error)
{
  g_auto(QdGoalTemplateRecord) tmpl = { 0 };
  g_autoptr(QdMetricInfo) info = NULL;
  g_autoptr(GPtrArray) skips = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_goal_skip_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *start_label = NULL;
  gint created = 0;

  if (!check_period (start_date, due_date, error))
    return -1;
  if (!qd_store_load_goal_template (self->store, template_id, &tmpl, &local_error))
    {
      propagate (g_steal_pointer (&local_error), error);
      return -1;
    }
  if (tmpl.metric != NULL)
    {
      info = get_metric (self, tmpl.metric, error);
      if (info == NULL)
        return -1;
      if (isfinite (baseline) && !check_measure (info, baseline, tmpl.target, error))
        return -1;
    }
  start_label = _qd_goal_format_day (start_date);

  if (!qd_store_begin (self->store, error))
    return -1;

  for (guint i = 0; i < member_ids->len; i++)
    {
      gint64 *member_id = &g_array_index (member_ids, gint64, i);
      QdMemberRecord member = { 0 };
      g_auto(QdGoalRecord) goal = { 0 };
      gboolean has_goal = FALSE;
      double start_value = NAN;

      if (g_hash_table_contains (seen, member_id))
        continue;
      g_hash_table_add (seen, member_id);

      if (!load_member (self, *member_id, &member,
                        _("One of the chosen people is no longer in the team. Nobody got the goal."),
                        error))
        goto failed;

      if (g_strcmp0 (member.status, "left") == 0)
        {
          add_skip (skips, member.id, member.name, QD_GOAL_SKIP_LEFT,
                    g_strdup_printf (_("%s has left the team."), member.name));
          qd_member_record_clear (&member);
          continue;
        }
      if (skip_on_leave && g_strcmp0 (member.status, "on-leave") == 0)
        {
          add_skip (skips, member.id, member.name, QD_GOAL_SKIP_ON_LEAVE,
                    g_strdup_printf (_("%s is on leave."), member.name));
          qd_member_record_clear (&member);
          continue;
        }
      if (!qd_store_member_has_active_goal_from (self->store, member.id, template_id, &has_goal, error))
        {
          qd_member_record_clear (&member);
          goto failed;
        }
      if (has_goal)
        {
          add_skip (skips, member.id, member.name, QD_GOAL_SKIP_ALREADY_ASSIGNED,
                    g_strdup_printf (_("%s already has this goal."), member.name));
          qd_member_record_clear (&member);
          continue;
        }

      if (info != NULL)
        {
          start_value = baseline;
          if (!isfinite (start_value) &&
              !qd_store_find_member_value_before (self->store, tmpl.metric, member.id,
                                                  start_date, &start_value, error))
            {
              qd_member_record_clear (&member);
              goto failed;
            }
          if (!isfinite (start_value))
            {
              add_skip (skips, member.id, member.name, QD_GOAL_SKIP_NO_BASELINE,
                        /* Translators: "Kevin Nguyen has no CSAT data from before 2 Mar 2026 to start from." */
                        g_strdup_printf (_("%s has no %s data from before %s to start from."),
                                         member.name, info->name, start_label));
              qd_member_record_clear (&member);
              continue;
            }
          if (!check_measure (info, start_value, tmpl.target, NULL))
            {
              g_autofree char *value = qd_metric_format_value (info->unit, start_value);

              add_skip (skips, member.id, member.name, QD_GOAL_SKIP_AT_TARGET,
                        /* Translators: "Oliver Hughes already meets the target (CSAT 96.0 %)." */
                        g_strdup_printf (_("%s already meets the target (%s %s)."),
                                         member.name, info->name, value));
              qd_member_record_clear (&member);
              continue;
            }
        }

      goal.member_id = member.id;
      goal.template_id = template_id;
      goal.title = g_strdup (tmpl.title);
      goal.description = g_strdup (tmpl.description);
      goal.metric = g_strdup (tmpl.metric);
      goal.baseline = info != NULL ? start_value : NAN;
      goal.target = info != NULL ? tmpl.target : NAN;
      goal.manual_progress = info != NULL ? NAN : 0;
      goal.start_date = g_strdup (start_date);
      goal.due_date = g_strdup (due_date);
      goal.status = g_strdup ("active");
      qd_member_record_clear (&member);

      if (qd_store_insert_goal (self->store, &goal, error) == 0)
        goto failed;
      created++;
    }

  if (!qd_store_commit (self->store, error))
    goto failed;

  if (created > 0)
    emit_changed (self);
  if (skipped != NULL)
    *skipped = g_steal_pointer (&skips);
  return created;

failed:
  qd_store_rollback (self->store);
  return -1;
}

gint
qd_goals_assign_template (QdGoals       *self,
                          gint64         template_id,
                          const gint64  *member_ids,
                          guint          n_members,
                          const char    *start_date,
                          const char    *due_date,
                          double         baseline,
                          GPtrArray    **skipped,
                          GError       **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_members);

  g_return_val_if_fail (QD_IS_GOALS (self), -1);
  g_return_val_if_fail (member_ids != NULL || n_members == 0, -1);
  g_return_val_if_fail (start_date != NULL && due_date != NULL, -1);

  if (skipped != NULL)
    *skipped = NULL;
  if (n_members > 0)
    g_array_append_vals (ids, member_ids, n_members);
  return assign_template (self, template_id, ids, FALSE, start_date, due_date, baseline, skipped, error);
}

gint
qd_goals_assign_template_to_team (QdGoals     *self,
                                  gint64       template_id,
                                  const char  *team,
                                  const char  *start_date,
                                  const char  *due_date,
                                  double       baseline,
                                  GPtrArray  **skipped,
                                  GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (QD_IS_GOALS (self), -1);
  g_return_val_if_fail (team != NULL, -1);
  g_return_val_if_fail (start_date != NULL && due_date != NULL, -1);

  if (skipped != NULL)
    *skipped = NULL;
  ids = qd_store_list_team_member_ids (self->store, team, &local_error);
  if (ids == NULL)
    {
      propagate (g_steal_pointer (&local_error), error);
      return -1;
    }
  if (ids->len == 0)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("Nobody in %s is still with the team."), team);
      return -1;
    }
  return assign_template (self, template_id, ids, TRUE, start_date, due_date, baseline, skipped, error);
}

/* ---- development plans ---- */

gboolean
qd_goals_validate_action (QdGoals              *self,
                          QdDevelopmentAction  *action,
                          GError              **error)
{
  QdMemberRecord member = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  gint64 owner;
  gint64 review;

  g_return_val_if_fail (QD_IS_GOALS (self), FALSE);
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (action), FALSE);

  if (qd_development_action_get_member_id (action) <= 0)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("Choose whose development plan this action belongs to."));
      return FALSE;
    }
  if (!load_member (self, qd_development_action_get_member_id (action), &member,
                    _("This team member no longer exists."), error))
    return FALSE;
  if (g_strcmp0 (member.status, "left") == 0 && qd_development_action_get_id (action) == 0)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("%s has left the team, so their development plan is closed."), member.name);
      qd_member_record_clear (&member);
      return FALSE;
    }
  qd_member_record_clear (&member);

  title = dup_trimmed (qd_development_action_get_title (action));
  if (*title == '\0')
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("Say what is to be done: a development action cannot be empty."));
      return FALSE;
    }
  if (g_utf8_strlen (title, -1) > MAX_ACTION_LENGTH)
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("A development action can be at most %d characters long."), MAX_ACTION_LENGTH);
      return FALSE;
    }

  owner = qd_development_action_get_owner_id (action);
  if (owner > 0)
    {
      if (!load_member (self, owner, &member, _("The chosen owner is no longer in the team."), error))
        return FALSE;
      if (g_strcmp0 (member.status, "left") == 0)
        {
          g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                       _("%s has left the team, so they cannot own an action."), member.name);
          qd_member_record_clear (&member);
          return FALSE;
        }
      qd_member_record_clear (&member);
    }

  due = dup_trimmed (qd_development_action_get_due_date (action));
  if (*due != '\0' && !check_day (due, error))
    return FALSE;

  review = qd_development_action_get_review_id (action);
  if (review > 0)
    {
      gboolean exists = FALSE;

      if (!qd_store_review_exists (self->store, review, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_NOT_FOUND,
                       _("This review no longer exists."));
          return FALSE;
        }
    }

  return TRUE;
}

static void
action_to_trimmed_record (QdDevelopmentAction       *action,
                          QdDevelopmentActionRecord *record)
{
  qd_development_action_to_record (action, record);
  g_strstrip (record->title);
  if (record->due_date != NULL)
    g_strstrip (record->due_date);
}

gint64
qd_goals_add_action (QdGoals              *self,
                     QdDevelopmentAction  *action,
                     GError              **error)
{
  g_auto(QdDevelopmentActionRecord) record = { 0 };
  gint64 id;

  g_return_val_if_fail (QD_IS_GOALS (self), 0);
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (action), 0);
  g_return_val_if_fail (qd_development_action_get_id (action) == 0, 0);

  if (!qd_goals_validate_action (self, action, error))
    return 0;

  action_to_trimmed_record (action, &record);
  g_clear_pointer (&record.created_at, g_free);

  if (!qd_store_begin (self->store, error))
    return 0;
  id = qd_store_insert_development_action (self->store, &record, error);
  if (id == 0 || !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return 0;
    }

  emit_changed (self);
  return id;
}

static gboolean
update_action_record (QdGoals                          *self,
                      const QdDevelopmentActionRecord  *record,
                      GError                          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!qd_store_begin (self->store, error))
    return FALSE;
  if (!qd_store_update_development_action (self->store, record, &local_error) ||
      !qd_store_commit (self->store, &local_error))
    {
      qd_store_rollback (self->store);
      propagate (g_steal_pointer (&local_error), error);
      return FALSE;
    }
  emit_changed (self);
  return TRUE;
}

gboolean
qd_goals_save_action (QdGoals              *self,
                      QdDevelopmentAction  *action,
                      GError              **error)
{
  g_auto(QdDevelopmentActionRecord) record = { 0 };

  g_return_val_if_fail (QD_IS_GOALS (self), FALSE);
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (action), FALSE);
  g_return_val_if_fail (qd_development_action_get_id (action) > 0, FALSE);

  if (!qd_goals_validate_action (self, action, error))
    return FALSE;

  action_to_trimmed_record (action, &record);
  return update_action_record (self, &record, error);
}

static gboolean
load_action_record (QdGoals                    *self,
                    gint64                      id,
                    QdDevelopmentActionRecord  *record,
                    GError                    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (qd_store_load_development_action (self->store, id, record, &local_error))
    return TRUE;
  propagate (g_steal_pointer (&local_error), error);
  return FALSE;
}

QdDevelopmentAction *
qd_goals_load_action (QdGoals     *self,
                      gint64       id,
                      const char  *today,
                      GError     **error)
{
  g_auto(QdDevelopmentActionRecord) record = { 0 };
  g_autofree char *day = dup_today (today);
  QdDevelopmentAction *action;

  g_return_val_if_fail (QD_IS_GOALS (self), NULL);

  if (!load_action_record (self, id, &record, error))
    return NULL;
  action = qd_development_action_new_from_record (&record);
  _qd_development_action_set_overdue (action, action_overdue (&record, day));
  return action;
}

gboolean
qd_goals_set_action_done (QdGoals   *self,
                          gint64     id,
                          gboolean   done,
                          GError   **error)
{
  g_auto(QdDevelopmentActionRecord) record = { 0 };

  g_return_val_if_fail (QD_IS_GOALS (self), FALSE);

  if (!load_action_record (self, id, &record, error))
    return FALSE;
  if (record.done == !!done)
    return TRUE;
  record.done = !!done;
  return update_action_record (self, &record, error);
}

QdGoalsUndo *
qd_goals_delete_action (QdGoals  *self,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(QdGoalsUndo) undo = g_new0 (QdGoalsUndo, 1);

  g_return_val_if_fail (QD_IS_GOALS (self), NULL);

  undo->kind = UNDO_ACTION;
  if (!load_action_record (self, id, &undo->action, error))
    return NULL;

  if (!qd_store_begin (self->store, error))
    return NULL;
  if (!qd_store_delete_development_action (self->store, id, error) ||
      !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return NULL;
    }

  emit_changed (self);
  return g_steal_pointer (&undo);
}

GListModel *
qd_goals_list_actions (QdGoals    *self,
                       gint64      member_id,
                       gint64      review_id,
                       const char *today)
{
  g_return_val_if_fail (QD_IS_GOALS (self), NULL);

  return add_live_list (self, LIVE_ACTIONS, QD_TYPE_DEVELOPMENT_ACTION, member_id, review_id, today);
}

/* ---- undo ---- */

static gboolean
member_exists (QdGoals *self,
               gint64   id)
{
  QdMemberRecord member = { 0 };
  gboolean found;

  if (id <= 0)
    return FALSE;
  found = qd_store_load_member (self->store, id, &member, NULL);
  qd_member_record_clear (&member);
  return found;
}

static gboolean
already_back (QdGoals      *self,
              QdGoalsUndo  *undo)
{
  g_auto(QdGoalRecord) goal = { 0 };
  g_auto(QdGoalTemplateRecord) tmpl = { 0 };
  g_auto(QdDevelopmentActionRecord) action = { 0 };

  switch (undo->kind)
    {
    case UNDO_GOAL:
      return qd_store_load_goal (self->store, undo->goal.id, &goal, NULL);
    case UNDO_TEMPLATE:
      return qd_store_load_goal_template (self->store, undo->tmpl.id, &tmpl, NULL);
    case UNDO_ACTION:
      return qd_store_load_development_action (self->store, undo->action.id, &action, NULL);
    default:
      g_assert_not_reached ();
    }
}

/* Inserts the deleted row again, leaving out links to what was deleted
 * in the meantime. */
static gboolean
put_back (QdGoals      *self,
          QdGoalsUndo  *undo,
          GError      **error)
{
  g_auto(QdGoalTemplateRecord) tmpl = { 0 };
  gboolean found = FALSE;

  if (already_back (self, undo))
    {
      g_set_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID,
                   _("“%s” has already been put back."), qd_goals_undo_get_title (undo));
      return FALSE;
    }

  switch (undo->kind)
    {
    case UNDO_GOAL:
      if (undo->goal.template_id > 0 &&
          !qd_store_load_goal_template (self->store, undo->goal.template_id, &tmpl, NULL))
        undo->goal.template_id = 0;
      return qd_store_insert_goal (self->store, &undo->goal, error) != 0;

    case UNDO_TEMPLATE:
      return qd_store_insert_goal_template (self->store, &undo->tmpl, error) != 0 &&
             qd_store_relink_goals (self->store, undo->tmpl.id, undo->linked_goals, error);

    case UNDO_ACTION:
      if (undo->action.owner_id > 0 && !member_exists (self, undo->action.owner_id))
        undo->action.owner_id = 0;
      if (undo->action.review_id > 0)
        {
          if (!qd_store_review_exists (self->store, undo->action.review_id, &found, error))
            return FALSE;
          if (!found)
            undo->action.review_id = 0;
        }
      return qd_store_insert_development_action (self->store, &undo->action, error) != 0;

    default:
      g_assert_not_reached ();
    }
}

gboolean
qd_goals_undo (QdGoals      *self,
               QdGoalsUndo  *undo,
               GError      **error)
{
  g_return_val_if_fail (QD_IS_GOALS (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  if (!put_back (self, undo, error) || !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return FALSE;
    }

  emit_changed (self);
  return TRUE;
}

const char *
qd_goals_undo_get_title (QdGoalsUndo *undo)
{
  g_return_val_if_fail (undo != NULL, NULL);

  switch (undo->kind)
    {
    case UNDO_GOAL: return undo->goal.title;
    case UNDO_TEMPLATE: return undo->tmpl.title;
    case UNDO_ACTION: return undo->action.title;
    default: return NULL;
    }
}

void
qd_goals_undo_free (QdGoalsUndo *undo)
{
  if (undo == NULL)
    return;
  qd_goal_record_clear (&undo->goal);
  qd_goal_template_record_clear (&undo->tmpl);
  qd_development_action_record_clear (&undo->action);
  g_clear_pointer (&undo->linked_goals, g_array_unref);
  g_free (undo);
}
