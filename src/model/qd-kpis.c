/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-kpis"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-kpis.h"
#include "qd-store-members.h"
#include "qd-store-metrics.h"

/* QdKpis is the service behind the Support KPIs page: metric definitions
 * and targets, trend series from the roll-ups, tiles, performer tiers and
 * the values typed in by hand. Changes are announced with ::changed.
 * How each metric is computed is described in qd-store-metrics.h. */

#define MINUTES_PER_YEAR (365.0 * 24 * 60)
#define MAX_COUNT 1e9
#define MAX_PERIODS 10000
#define TILE_PERIODS 13

struct _QdKpis
{
  GObject  parent_instance;

  QdStore *store;
};

G_DEFINE_FINAL_TYPE (QdKpis, qd_kpis, G_TYPE_OBJECT)

G_DEFINE_QUARK (qd-kpis-error-quark, qd_kpis_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The built-in metrics, whose names are shown translated as long as the
 * user has not renamed them. */
static const struct
{
  const char *key;
  const char *name;
} builtin_names[] = {
  { "csat", N_("CSAT") },
  { "first-reply", N_("Median first reply time") },
  { "resolution", N_("Median full resolution time") },
  { "reopen-rate", N_("Reopen rate") },
  { "tickets-solved", N_("Tickets solved") },
  { "solved-per-agent-day", N_("Tickets solved per agent-day") },
  { "qa-score", N_("QA score") },
};

static const char * const scope_nicks[] = { "org", "team", "member" };
static const char * const period_nicks[] = { "week", "month" };

/* ---- helpers ---- */

static void
emit_changed (QdKpis *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static const char *
display_name (const char *key,
              const char *stored)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_names); i++)
    if (g_strcmp0 (key, builtin_names[i].key) == 0 && g_strcmp0 (stored, builtin_names[i].name) == 0)
      return _(builtin_names[i].name);
  return stored;
}

static QdMetricUnit
unit_from_nick (const char *nick)
{
  if (g_strcmp0 (nick, "percent") == 0)
    return QD_METRIC_UNIT_PERCENT;
  if (g_strcmp0 (nick, "minutes") == 0)
    return QD_METRIC_UNIT_MINUTES;
  if (g_strcmp0 (nick, "count") == 0)
    return QD_METRIC_UNIT_COUNT;
  return QD_METRIC_UNIT_NUMBER;
}

static QdMetricInfo *
metric_info_new (const QdMetricRecord *record)
{
  QdMetricInfo *info = g_new0 (QdMetricInfo, 1);

  info->key = g_strdup (record->key);
  info->name = g_strdup (display_name (record->key, record->name));
  info->unit = unit_from_nick (record->unit);
  info->higher_is_better = g_strcmp0 (record->better, "lower") != 0;
  info->has_target = record->has_target;
  info->target = record->has_target ? record->target : NAN;
  info->manual = g_strcmp0 (record->source, "manual") == 0;
  return info;
}

/* Loads a metric, reporting a missing one in our own error domain. */
static gboolean
load_metric (QdKpis          *self,
             const char      *key,
             QdMetricRecord  *record,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (qd_store_load_metric (self->store, key, record, &local_error))
    return TRUE;

  if (g_error_matches (local_error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND))
    g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND,
                 _("There is no metric “%s”."), key);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* A plain local date, YYYY-MM-DD, and nothing else. */
static gboolean
parse_day (const char *text,
           GDate      *date)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = (int) g_ascii_strtoll (text, NULL, 10);
  m = (int) g_ascii_strtoll (text + 5, NULL, 10);
  d = (int) g_ascii_strtoll (text + 8, NULL, 10);
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gboolean
check_day (const char  *text,
           GDate       *date,
           GError     **error)
{
  if (parse_day (text, date))
    return TRUE;
  g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
               _("“%s” is not a date. Write it as year-month-day, for example 2026-11-16."),
               text != NULL ? text : "");
  return FALSE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static void
move_to_period_start (QdPeriod  period,
                      GDate    *date)
{
  if (period == QD_PERIOD_WEEK)
    g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
  else
    g_date_set_day (date, 1);
}

static void
period_step (QdPeriod  period,
             GDate    *date,
             int       n)
{
  if (period == QD_PERIOD_WEEK)
    {
      if (n >= 0)
        g_date_add_days (date, 7 * n);
      else
        g_date_subtract_days (date, 7 * -n);
    }
  else
    {
      if (n >= 0)
        g_date_add_months (date, n);
      else
        g_date_subtract_months (date, -n);
    }
}

/* The number of periods from the one starting at @a to the one at @b. */
static gint64
periods_between (QdPeriod     period,
                 const GDate *a,
                 const GDate *b)
{
  if (period == QD_PERIOD_WEEK)
    return ((gint64) g_date_get_julian (b) - g_date_get_julian (a)) / 7;
  return ((gint64) g_date_get_year (b) * 12 + g_date_get_month (b)) -
         ((gint64) g_date_get_year (a) * 12 + g_date_get_month (a));
}

/* A period is a calendar date, not an instant: it travels as 00:00 UTC
 * of that date, which is how the charts layer reads and labels days,
 * whatever the user's time zone. */
static gint64
day_start_utc (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                 g_date_get_day (date), 0, 0, 0);

  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

static gboolean
check_value (QdMetricUnit   unit,
             double         value,
             gboolean       target,
             GError       **error)
{
  if (!isfinite (value))
    {
      g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                   target ? _("The target must be a number.") : _("The value must be a number."));
      return FALSE;
    }

  switch (unit)
    {
    case QD_METRIC_UNIT_PERCENT:
      if (value < 0 || value > 100)
        {
          g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                       target ? _("A percentage target must be between 0 and 100 %%.")
                              : _("A percentage must be between 0 and 100 %%."));
          return FALSE;
        }
      break;

    case QD_METRIC_UNIT_MINUTES:
      if (value < 0 || value > MINUTES_PER_YEAR)
        {
          g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                       target ? _("A time target must be between 0 minutes and one year.")
                              : _("A time must be between 0 minutes and one year."));
          return FALSE;
        }
      break;

    case QD_METRIC_UNIT_COUNT:
    case QD_METRIC_UNIT_NUMBER:
    default:
      if (value < 0 || value > MAX_COUNT)
        {
          g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                       target ? _("A target must be between 0 and one billion.")
                              : _("A value must be between 0 and one billion."));
          return FALSE;
        }
      break;
    }

  return TRUE;
}

/* Checks that @text is the first day of a week (a Monday) or of a month. */
static gboolean
check_period_start (QdPeriod     period,
                    const char  *text,
                    GDate       *date,
                    GError     **error)
{
  if (!check_day (text, date, error))
    return FALSE;

  if (period == QD_PERIOD_WEEK && g_date_get_weekday (date) != G_DATE_MONDAY)
    {
      g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                   _("A weekly value belongs to the week starting on a Monday, and %s is not a Monday."),
                   text);
      return FALSE;
    }
  if (period == QD_PERIOD_MONTH && g_date_get_day (date) != 1)
    {
      g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                   _("A monthly value belongs to the month starting on its first day, and %s is not one."),
                   text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_manual_metric (QdKpis      *self,
                     const char  *metric,
                     GError     **error)
{
  g_auto(QdMetricRecord) record = { 0 };

  if (!load_metric (self, metric, &record, error))
    return FALSE;
  if (g_strcmp0 (record.source, "manual") != 0)
    {
      g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                   _("“%s” comes from the helpdesk tickets, so it cannot be typed in."),
                   display_name (record.key, record.name));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_member (QdKpis   *self,
              gint64    member_id,
              GError  **error)
{
  QdMemberRecord record = { 0 };

  if (member_id <= 0 || !qd_store_load_member (self->store, member_id, &record, NULL))
    {
      g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND,
                   _("This team member no longer exists."));
      return FALSE;
    }
  qd_member_record_clear (&record);
  return TRUE;
}

/* Writes or removes a hand-entered value and brings the roll-ups of its
 * period up to date, in one transaction. */
static gboolean
change_manual_value (QdKpis      *self,
                     const char  *metric,
                     gint64       member_id,
                     QdPeriod     period,
                     const char  *start,
                     gboolean     remove,
                     double       value,
                     GError     **error)
{
  g_autofree char *end = NULL;
  GDate date;
  gboolean ok;

  g_date_clear (&date, 1);
  if (!check_manual_metric (self, metric, error) ||
      !check_member (self, member_id, error) ||
      !check_period_start (period, start, &date, error))
    return FALSE;

  if (!remove)
    {
      g_auto(QdMetricRecord) record = { 0 };

      if (!load_metric (self, metric, &record, error) ||
          !check_value (unit_from_nick (record.unit), value, FALSE, error))
        return FALSE;
    }

  period_step (period, &date, 1);
  g_date_subtract_days (&date, 1);
  end = format_date (&date);

  if (!qd_store_begin (self->store, error))
    return FALSE;

  ok = remove
       ? qd_store_delete_manual_value (self->store, metric, member_id, period_nicks[period], start, error)
       : qd_store_set_manual_value (self->store, metric, member_id, period_nicks[period], start, value, error);
  if (ok)
    ok = qd_store_recompute_manual_rollups (self->store, start, end, error);
  if (ok)
    ok = qd_store_commit (self->store, error);
  else
    qd_store_rollback (self->store);

  if (ok)
    emit_changed (self);
  return ok;
}

static char *
scope_label (QdKpis   *self,
             QdScope   scope,
             gint64    scope_id,
             GError  **error)
{
  switch (scope)
    {
    case QD_SCOPE_ORG:
      return g_strdup (_("Organisation"));

    case QD_SCOPE_TEAM:
      {
        char *name = qd_store_dup_team_name (self->store, scope_id, NULL);

        if (name == NULL)
          g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND,
                       _("This team no longer exists."));
        return name;
      }

    case QD_SCOPE_MEMBER:
    default:
      {
        QdMemberRecord record = { 0 };
        char *name;

        if (!qd_store_load_member (self->store, scope_id, &record, NULL))
          {
            g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND,
                         _("This team member no longer exists."));
            return NULL;
          }
        name = g_steal_pointer (&record.name);
        qd_member_record_clear (&record);
        return name;
      }
    }
}

/* One series over the periods starting at @first, @n_points of them. */
static QdKpiSeries *
load_series (QdKpis       *self,
             const char   *metric,
             QdScope       scope,
             gint64        scope_id,
             QdPeriod      period,
             const GDate  *first,
             guint         n_points,
             GError      **error)
{
  g_autoptr(QdKpiSeries) series = g_new0 (QdKpiSeries, 1);
  g_autoptr(GArray) rows = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate date = *first;

  series->scope = scope;
  series->scope_id = scope == QD_SCOPE_ORG ? 0 : scope_id;
  series->label = scope_label (self, scope, series->scope_id, error);
  if (series->label == NULL)
    return NULL;

  series->n_points = n_points;
  series->period_starts = g_new (gint64, n_points);
  series->values = g_new (double, n_points);
  series->sample_sizes = g_new0 (guint, n_points);

  for (guint i = 0; i < n_points; i++)
    {
      if (i > 0)
        period_step (period, &date, 1);
      series->period_starts[i] = day_start_utc (&date);
      series->values[i] = NAN;
    }

  from = format_date (first);
  to = format_date (&date);
  rows = qd_store_list_metric_values (self->store, metric, scope_nicks[scope], series->scope_id,
                                      period_nicks[period], from, to, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const QdMetricValueRecord *row = &g_array_index (rows, QdMetricValueRecord, i);
      GDate start;
      GDate check;
      gint64 index;

      if (!parse_day (row->period_start, &start))
        continue;
      check = start;
      move_to_period_start (period, &check);
      if (g_date_compare (&check, &start) != 0)
        continue;   /* not the start of a period: ignore */
      index = periods_between (period, first, &start);
      if (index < 0 || index >= n_points)
        continue;
      series->values[index] = row->value;
      series->sample_sizes[index] = row->sample_size;
    }

  return g_steal_pointer (&series);
}

static char *
format_period_label (QdPeriod     period,
                     const GDate *start)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (start), g_date_get_month (start),
                                                 g_date_get_day (start), 0, 0, 0);
  char *label;

  if (dt == NULL)
    return g_strdup ("—");

  if (period == QD_PERIOD_WEEK)
    /* Translators: a week, named after its Monday; see g_date_time_format() */
    label = g_date_time_format (dt, _("Week of %-d %b %Y"));
  else
    /* Translators: a month and its year; see g_date_time_format() */
    label = g_date_time_format (dt, C_("month and year", "%OB %Y"));

  return label != NULL ? label : g_strdup ("—");
}

static int
compare_best_higher (gconstpointer a,
                     gconstpointer b)
{
  const QdMemberValueRecord *x = *(QdMemberValueRecord * const *) a;
  const QdMemberValueRecord *y = *(QdMemberValueRecord * const *) b;
  int cmp = (x->value < y->value) - (x->value > y->value);

  if (cmp == 0)
    cmp = g_utf8_collate (x->name, y->name);
  if (cmp == 0)
    cmp = (x->member_id > y->member_id) - (x->member_id < y->member_id);
  return cmp;
}

static int
compare_best_lower (gconstpointer a,
                    gconstpointer b)
{
  const QdMemberValueRecord *x = *(QdMemberValueRecord * const *) a;
  const QdMemberValueRecord *y = *(QdMemberValueRecord * const *) b;
  int cmp = (x->value > y->value) - (x->value < y->value);

  if (cmp == 0)
    cmp = g_utf8_collate (x->name, y->name);
  if (cmp == 0)
    cmp = (x->member_id > y->member_id) - (x->member_id < y->member_id);
  return cmp;
}

/* ---- formatting ---- */

/* A number with the locale's grouping and decimal point, never "-0.0". */
static char *
format_number (double value,
               int    decimals)
{
  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0.0;
  if (fabs (value) >= 1e15)
    return g_strdup_printf ("%.3g", value);
  return g_strdup_printf ("%'.*f", decimals, value);
}

static char *
format_minutes (double minutes)
{
  double rounded;

  if (minutes < 0)
    {
      g_autofree char *positive = format_minutes (-minutes);
      return g_strconcat ("−", positive, NULL);
    }

  rounded = round (minutes);
  if (rounded < 1)
    return g_strdup (minutes > 0 ? _("< 1 min") : _("0 min"));

  if (rounded < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), (int) rounded);

  if (rounded < 24 * 60)
    /* Translators: a duration in hours and minutes, "1 h 05 min" */
    return g_strdup_printf (_("%d h %02d min"), (int) (rounded / 60), (int) fmod (rounded, 60));

  {
    double hours = round (minutes / 60);
    g_autofree char *days = format_number (floor (hours / 24), 0);

    /* Translators: a duration in days and hours, "2 d 3 h" */
    return g_strdup_printf (_("%s d %d h"), days, (int) fmod (hours, 24));
  }
}

/* ---- object ---- */

static void
qd_kpis_dispose (GObject *object)
{
  QdKpis *self = (QdKpis *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (qd_kpis_parent_class)->dispose (object);
}

static void
qd_kpis_class_init (QdKpisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = qd_kpis_dispose;

  /**
   * QdKpis::changed:
   *
   * Emitted after a target, a hand-entered value or the roll-ups changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
qd_kpis_init (QdKpis *self)
{
}

/* ---- public API ---- */

QdKpis *
qd_kpis_new (QdStore *store)
{
  QdKpis *self;

  g_return_val_if_fail (QD_IS_STORE (store), NULL);

  self = g_object_new (QD_TYPE_KPIS, NULL);
  self->store = g_object_ref (store);
  return self;
}

QdStore *
qd_kpis_get_store (QdKpis *self)
{
  g_return_val_if_fail (QD_IS_KPIS (self), NULL);
  return self->store;
}

/**
 * qd_kpis_list_metrics:
 *
 * Returns: (transfer full) (element-type QdMetricInfo): the metrics in
 *   display order, or %NULL on error
 */
GPtrArray *
qd_kpis_list_metrics (QdKpis  *self,
                      GError **error)
{
  g_autoptr(GArray) records = NULL;
  GPtrArray *metrics;

  g_return_val_if_fail (QD_IS_KPIS (self), NULL);

  records = qd_store_list_metrics (self->store, error);
  if (records == NULL)
    return NULL;

  metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_metric_info_free);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (metrics, metric_info_new (&g_array_index (records, QdMetricRecord, i)));
  return metrics;
}

QdMetricInfo *
qd_kpis_get_metric (QdKpis      *self,
                    const char  *key,
                    GError     **error)
{
  g_auto(QdMetricRecord) record = { 0 };

  g_return_val_if_fail (QD_IS_KPIS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!load_metric (self, key, &record, error))
    return NULL;
  return metric_info_new (&record);
}

/**
 * qd_kpis_set_target:
 * @has_target: %FALSE to remove the target
 * @target: in the metric's unit: 0–100 for a percentage, 0 to one year
 *   for a time in minutes, 0 or more for counts and numbers
 */
gboolean
qd_kpis_set_target (QdKpis      *self,
                    const char  *key,
                    gboolean     has_target,
                    double       target,
                    GError     **error)
{
  g_auto(QdMetricRecord) record = { 0 };

  g_return_val_if_fail (QD_IS_KPIS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!load_metric (self, key, &record, error))
    return FALSE;
  if (has_target && !check_value (unit_from_nick (record.unit), target, TRUE, error))
    return FALSE;
  if (!qd_store_set_metric_target (self->store, key, has_target, target, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

/**
 * qd_kpis_get_series:
 *
 * One series per scope id, each with one point per week or month that
 * touches [@from_day, @to_day]; NAN where there is no value.
 *
 * Returns: (transfer full) (element-type QdKpiSeries): the series, or
 *   %NULL on error
 */
GPtrArray *
qd_kpis_get_series (QdKpis        *self,
                    const char    *metric,
                    QdScope        scope,
                    const gint64  *scope_ids,
                    guint          n_scope_ids,
                    QdPeriod       period,
                    const char    *from_day,
                    const char    *to_day,
                    GError       **error)
{
  g_auto(QdMetricRecord) record = { 0 };
  g_autoptr(GPtrArray) all = NULL;
  GDate first, last;
  gint64 n_points;

  g_return_val_if_fail (QD_IS_KPIS (self), NULL);
  g_return_val_if_fail (metric != NULL, NULL);
  g_return_val_if_fail (scope_ids != NULL || n_scope_ids == 0, NULL);
  g_return_val_if_fail (period == QD_PERIOD_WEEK || period == QD_PERIOD_MONTH, NULL);
  g_return_val_if_fail (scope <= QD_SCOPE_MEMBER, NULL);

  if (!load_metric (self, metric, &record, error) ||
      !check_day (from_day, &first, error) ||
      !check_day (to_day, &last, error))
    return NULL;
  if (g_date_compare (&first, &last) > 0)
    {
      g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                   _("The period from %s to %s ends before it starts."), from_day, to_day);
      return NULL;
    }

  move_to_period_start (period, &first);
  move_to_period_start (period, &last);
  n_points = periods_between (period, &first, &last) + 1;
  if (n_points > MAX_PERIODS)
    {
      g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                   _("The period from %s to %s is too long to show. Choose a shorter one."),
                   from_day, to_day);
      return NULL;
    }

  all = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_kpi_series_free);
  for (guint i = 0; i < n_scope_ids; i++)
    {
      QdKpiSeries *series = load_series (self, metric, scope, scope_ids[i], period,
                                         &first, (guint) n_points, error);
      if (series == NULL)
        return NULL;
      g_ptr_array_add (all, series);
    }
  return g_steal_pointer (&all);
}

/**
 * qd_kpis_get_tiles:
 * @today: (nullable): YYYY-MM-DD, or %NULL for today
 *
 * For every metric, organisation-wide: the last complete week or month
 * before @today (the one containing @today is still running), the one
 * before it, and the 13 periods up to it for a sparkline.
 *
 * Returns: (transfer full) (element-type QdKpiTile): the tiles, or %NULL
 */
GPtrArray *
qd_kpis_get_tiles (QdKpis      *self,
                   QdPeriod     period,
                   const char  *today,
                   GError     **error)
{
  g_autoptr(GPtrArray) metrics = NULL;
  g_autoptr(GPtrArray) tiles = NULL;
  GDate last, first;
  gint64 org = 0;

  g_return_val_if_fail (QD_IS_KPIS (self), NULL);
  g_return_val_if_fail (period == QD_PERIOD_WEEK || period == QD_PERIOD_MONTH, NULL);

  if (today != NULL)
    {
      if (!check_day (today, &last, error))
        return NULL;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&last, 1);
      g_date_set_dmy (&last, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  move_to_period_start (period, &last);
  period_step (period, &last, -1);
  first = last;
  period_step (period, &first, -(TILE_PERIODS - 1));

  metrics = qd_kpis_list_metrics (self, error);
  if (metrics == NULL)
    return NULL;

  tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_kpi_tile_free);
  for (guint i = 0; i < metrics->len; i++)
    {
      QdMetricInfo *info = g_ptr_array_index (metrics, i);
      QdKpiTile *tile;
      QdKpiSeries *recent;

      recent = load_series (self, info->key, QD_SCOPE_ORG, org, period, &first, TILE_PERIODS, error);
      if (recent == NULL)
        return NULL;

      tile = g_new0 (QdKpiTile, 1);
      tile->metric = g_ptr_array_steal_index (metrics, i);
      g_ptr_array_insert (metrics, i, NULL);
      tile->period_label = format_period_label (period, &last);
      tile->value = recent->values[TILE_PERIODS - 1];
      tile->previous = recent->values[TILE_PERIODS - 2];
      tile->recent = recent;
      g_ptr_array_add (tiles, tile);
    }

  return g_steal_pointer (&tiles);
}

/**
 * qd_kpis_get_tiers:
 * @from_day: (nullable): first local day, or %NULL for no limit
 * @to_day: (nullable): last local day, or %NULL for no limit
 * @min_samples: people with fewer samples (rated tickets for CSAT, first
 *   replies, resolutions, solved tickets, agent-days, values typed in)
 *   are left out
 *
 * Ranks the active agents on @metric over the range, best first. The top
 * and bottom tiers are a fifth each, rounded (so one each from three
 * people on; nobody with fewer than three), the middle tier the rest.
 * People with equal values are ordered by name, so a tie can fall on both
 * sides of a tier boundary.
 *
 * Returns: (transfer full) (element-type QdTierEntry): the ranking
 */
GPtrArray *
qd_kpis_get_tiers (QdKpis      *self,
                   const char  *metric,
                   const char  *from_day,
                   const char  *to_day,
                   guint        min_samples,
                   GError     **error)
{
  g_auto(QdMetricRecord) record = { 0 };
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  GPtrArray *entries;
  GDate from, to;
  guint n, edge;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);

  g_return_val_if_fail (QD_IS_KPIS (self), NULL);
  g_return_val_if_fail (metric != NULL, NULL);

  if (!load_metric (self, metric, &record, error))
    return NULL;
  if ((from_day != NULL && !check_day (from_day, &from, error)) ||
      (to_day != NULL && !check_day (to_day, &to, error)))
    return NULL;
  if (from_day != NULL && to_day != NULL && g_date_compare (&from, &to) > 0)
    {
      g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                   _("The period from %s to %s ends before it starts."), from_day, to_day);
      return NULL;
    }

  values = qd_store_compute_member_values (self->store, metric, from_day, to_day, NULL, error);
  if (values == NULL)
    return NULL;

  ranked = g_ptr_array_new ();
  for (guint i = 0; i < values->len; i++)
    {
      QdMemberValueRecord *value = g_ptr_array_index (values, i);

      if (!isnan (value->value) && value->sample_size > 0 && value->sample_size >= min_samples)
        g_ptr_array_add (ranked, value);
    }
  g_ptr_array_sort (ranked, g_strcmp0 (record.better, "lower") == 0 ? compare_best_lower
                                                                     : compare_best_higher);

  n = ranked->len;
  edge = (n + 2) / 5;   /* a fifth, rounded half up: 3 → 1, 7 → 1, 8 → 2 */

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_tier_entry_free);
  for (guint i = 0; i < n; i++)
    {
      QdMemberValueRecord *value = g_ptr_array_index (ranked, i);
      QdTierEntry *entry = g_new0 (QdTierEntry, 1);

      entry->member_id = value->member_id;
      entry->name = g_strdup (value->name);
      entry->team = g_strdup (value->team);
      entry->value = value->value;
      entry->sample_size = value->sample_size;
      entry->tier = i < edge ? QD_TIER_TOP : i >= n - edge ? QD_TIER_BOTTOM : QD_TIER_MIDDLE;
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

/**
 * qd_kpis_set_manual_value:
 * @period_start: the Monday of the week, or the first day of the month
 *
 * Stores a value typed in by hand for a member (replacing the one there
 * was for that period), then brings the roll-ups of the period up to
 * date, all in one transaction. A monthly value is what the month's
 * roll-up uses; a month without one takes the mean of the member's weekly
 * values of the weeks starting in it.
 */
gboolean
qd_kpis_set_manual_value (QdKpis      *self,
                          const char  *metric,
                          gint64       member_id,
                          QdPeriod     period,
                          const char  *period_start,
                          double       value,
                          GError     **error)
{
  g_return_val_if_fail (QD_IS_KPIS (self), FALSE);
  g_return_val_if_fail (metric != NULL, FALSE);
  g_return_val_if_fail (period == QD_PERIOD_WEEK || period == QD_PERIOD_MONTH, FALSE);

  return change_manual_value (self, metric, member_id, period, period_start, FALSE, value, error);
}

gboolean
qd_kpis_clear_manual_value (QdKpis      *self,
                            const char  *metric,
                            gint64       member_id,
                            QdPeriod     period,
                            const char  *period_start,
                            GError     **error)
{
  g_return_val_if_fail (QD_IS_KPIS (self), FALSE);
  g_return_val_if_fail (metric != NULL, FALSE);
  g_return_val_if_fail (period == QD_PERIOD_WEEK || period == QD_PERIOD_MONTH, FALSE);

  return change_manual_value (self, metric, member_id, period, period_start, TRUE, 0, error);
}

/**
 * qd_kpis_get_manual_value:
 * @value: (out): the value, NAN when none was typed in
 */
gboolean
qd_kpis_get_manual_value (QdKpis      *self,
                          const char  *metric,
                          gint64       member_id,
                          QdPeriod     period,
                          const char  *period_start,
                          double      *value,
                          GError     **error)
{
  GDate date;

  g_return_val_if_fail (QD_IS_KPIS (self), FALSE);
  g_return_val_if_fail (metric != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (period == QD_PERIOD_WEEK || period == QD_PERIOD_MONTH, FALSE);

  *value = NAN;
  if (!check_period_start (period, period_start, &date, error))
    return FALSE;
  return qd_store_get_manual_value (self->store, metric, member_id, period_nicks[period],
                                    period_start, value, error);
}

/**
 * qd_kpis_recompute:
 *
 * Recomputes the roll-ups of the weeks and months touching [@from_day,
 * @to_day] (%NULL, %NULL for all), for instance after a helpdesk agent
 * was linked to a member, and emits ::changed.
 */
gboolean
qd_kpis_recompute (QdKpis        *self,
                   const char    *from_day,
                   const char    *to_day,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (QD_IS_KPIS (self), FALSE);

  if (!qd_store_recompute_rollups (self->store, from_day, to_day, cancellable, error))
    return FALSE;
  emit_changed (self);
  return TRUE;
}

/**
 * qd_kpis_list_teams:
 * @ids: (out) (optional): the teams' ids, in the same order
 *
 * Returns: (transfer full): the names of the teams that have members
 */
GStrv
qd_kpis_list_teams (QdKpis   *self,
                    GArray  **ids,
                    GError  **error)
{
  g_return_val_if_fail (QD_IS_KPIS (self), NULL);

  return qd_store_list_teams_with_members (self->store, ids, error);
}

/**
 * qd_period_start_for_day:
 *
 * Returns: (transfer full) (nullable): the Monday of the week or the first
 *   day of the month containing @day, or %NULL when @day is not a date
 */
char *
qd_period_start_for_day (QdPeriod    period,
                         const char *day)
{
  GDate date;

  if (!parse_day (day, &date))
    return NULL;
  move_to_period_start (period, &date);
  return format_date (&date);
}

/**
 * qd_metric_format_value:
 *
 * Formats a value the way a head of support reads it, with the locale's
 * grouping and decimal point: "94.1 %", "45 min", "1 h 05 min",
 * "2 d 3 h", "1,250", "3.4". NAN reads "—".
 */
char *
qd_metric_format_value (QdMetricUnit unit,
                        double       value)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup ("—");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");

  switch (unit)
    {
    case QD_METRIC_UNIT_PERCENT:
      number = format_number (value, 1);
      /* Translators: a percentage; use your language's spacing, e.g. "%s %%" */
      return g_strdup_printf (_("%s %%"), number);

    case QD_METRIC_UNIT_MINUTES:
      return format_minutes (value);

    case QD_METRIC_UNIT_COUNT:
      return format_number (round (value), 0);

    case QD_METRIC_UNIT_NUMBER:
    default:
      return format_number (value, 1);
    }
}

void
qd_metric_info_free (QdMetricInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->key);
  g_free (info->name);
  g_free (info);
}

void
qd_kpi_series_free (QdKpiSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->label);
  g_free (series->period_starts);
  g_free (series->values);
  g_free (series->sample_sizes);
  g_free (series);
}

void
qd_kpi_tile_free (QdKpiTile *tile)
{
  if (tile == NULL)
    return;
  qd_metric_info_free (tile->metric);
  g_free (tile->period_label);
  qd_kpi_series_free (tile->recent);
  g_free (tile);
}

void
qd_tier_entry_free (QdTierEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->team);
  g_free (entry);
}

/**
 * qd_kpis_notify_changed:
 *
 * Announces that tickets or roll-ups were changed elsewhere (an import
 * on its own connection), so the KPI views refresh.
 */
void
qd_kpis_notify_changed (QdKpis *self)
{
  g_return_if_fail (QD_IS_KPIS (self));
  g_signal_emit (self, signals[CHANGED], 0);
}
