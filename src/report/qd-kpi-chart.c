/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-kpi-chart"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-kpi-chart.h"

struct _QdKpiChart
{
  QdChartLine    line;
  char          *title;
  QdPeriod       period;
  QdMetricUnit   unit;
  QdChartSeries *series;
  char         **labels;
  QdChartPoint **points;
  guint          n_series;
  /* Every period start of any series, oldest first (chart times). */
  GArray        *periods;
};

/**
 * qd_kpi_chart_unit_for_metric:
 *
 * Returns: the chart unit for a metric unit
 */
QdChartUnit
qd_kpi_chart_unit_for_metric (QdMetricUnit unit)
{
  switch (unit)
    {
    case QD_METRIC_UNIT_PERCENT:
      return QD_CHART_UNIT_PERCENT;
    case QD_METRIC_UNIT_MINUTES:
      return QD_CHART_UNIT_MINUTES;
    case QD_METRIC_UNIT_COUNT:
      return QD_CHART_UNIT_COUNT;
    case QD_METRIC_UNIT_NUMBER:
    default:
      return QD_CHART_UNIT_NUMBER;
    }
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * qd_kpi_chart_new:
 * @metric: the metric: unit, target, which way is better
 * @title: (nullable): the chart title
 * @period: weeks or months
 * @series: (element-type QdKpiSeries): the lines, copied
 *
 * Returns: (transfer full): the chart
 */
QdKpiChart *
qd_kpi_chart_new (const QdMetricInfo *metric,
                  const char         *title,
                  QdPeriod            period,
                  GPtrArray          *series)
{
  QdKpiChart *self;
  guint n = series != NULL ? series->len : 0;

  g_return_val_if_fail (metric != NULL, NULL);

  self = g_new0 (QdKpiChart, 1);
  self->title = g_strdup (title);
  self->period = period;
  self->unit = metric->unit;
  self->n_series = n;
  self->series = g_new0 (QdChartSeries, MAX (n, 1));
  self->labels = g_new0 (char *, n + 1);
  self->points = g_new0 (QdChartPoint *, MAX (n, 1));
  self->periods = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint s = 0; s < n; s++)
    {
      const QdKpiSeries *in = g_ptr_array_index (series, s);
      QdChartPoint *points = g_new0 (QdChartPoint, MAX (in->n_points, 1));

      for (guint i = 0; i < in->n_points; i++)
        {
          /* The model gives 00:00 UTC of the day, as the charts count days. */
          points[i].time = in->period_starts[i];
          points[i].value = in->values[i];
          g_array_append_val (self->periods, points[i].time);
        }

      self->labels[s] = g_strdup (in->label);
      self->points[s] = points;
      self->series[s].label = self->labels[s];
      self->series[s].points = points;
      self->series[s].n_points = in->n_points;
    }

  /* The periods of all series, once each. */
  g_array_sort (self->periods, compare_times);
  if (self->periods->len > 1)
    {
      gint64 *times = (gint64 *) (gpointer) self->periods->data;
      guint kept = 1;

      for (guint i = 1; i < self->periods->len; i++)
        if (times[i] != times[kept - 1])
          times[kept++] = times[i];
      g_array_set_size (self->periods, kept);
    }

  self->line.title = self->title;
  self->line.unit = qd_kpi_chart_unit_for_metric (metric->unit);
  self->line.better = metric->higher_is_better ? QD_CHART_BETTER_HIGHER : QD_CHART_BETTER_LOWER;
  self->line.period = period == QD_PERIOD_MONTH ? QD_CHART_PERIOD_MONTH : QD_CHART_PERIOD_WEEK;
  self->line.has_target = metric->has_target && isfinite (metric->target);
  self->line.target = self->line.has_target ? metric->target : 0;
  self->line.series = self->series;
  self->line.n_series = n;

  return self;
}

void
qd_kpi_chart_free (QdKpiChart *self)
{
  if (self == NULL)
    return;

  for (guint s = 0; s < self->n_series; s++)
    g_free (self->points[s]);
  g_free (self->points);
  g_strfreev (self->labels);
  g_free (self->series);
  g_free (self->title);
  g_array_unref (self->periods);
  g_free (self);
}

/**
 * qd_kpi_chart_get_line:
 *
 * Returns: (transfer none): the chart data, valid as long as @self
 */
const QdChartLine *
qd_kpi_chart_get_line (QdKpiChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->line;
}

QdPeriod
qd_kpi_chart_get_period (QdKpiChart *self)
{
  g_return_val_if_fail (self != NULL, QD_PERIOD_WEEK);
  return self->period;
}

QdMetricUnit
qd_kpi_chart_get_unit (QdKpiChart *self)
{
  g_return_val_if_fail (self != NULL, QD_METRIC_UNIT_NUMBER);
  return self->unit;
}

guint
qd_kpi_chart_get_n_series (QdKpiChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_series;
}

const char *
qd_kpi_chart_get_label (QdKpiChart *self,
                        guint       series)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (series < self->n_series, NULL);
  return self->labels[series];
}

/**
 * qd_kpi_chart_get_n_periods:
 *
 * Returns: how many periods the series cover together (the rows of a
 *   data table)
 */
guint
qd_kpi_chart_get_n_periods (QdKpiChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->periods->len;
}

/**
 * qd_kpi_chart_get_value:
 *
 * Returns: the value of @series in the @period-th period, NAN for none
 */
double
qd_kpi_chart_get_value (QdKpiChart *self,
                        guint       series,
                        guint       period)
{
  const QdChartSeries *s;
  gint64 time;
  gsize lo = 0, hi;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (series < self->n_series, NAN);
  g_return_val_if_fail (period < self->periods->len, NAN);

  s = &self->series[series];
  time = g_array_index (self->periods, gint64, period);
  hi = s->n_points;

  /* Points are sorted by time. */
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (s->points[mid].time < time)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo < s->n_points && s->points[lo].time == time)
    return s->points[lo].value;

  return NAN;
}

/**
 * qd_kpi_chart_format_period:
 *
 * Returns: (transfer full): the period as a row heading: "Week of 4 May
 *   2026", "May 2026"
 */
char *
qd_kpi_chart_format_period (QdKpiChart *self,
                            guint       period)
{
  g_autofree char *date = NULL;
  gint64 time;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (period < self->periods->len, NULL);

  time = g_array_index (self->periods, gint64, period);
  if (self->period == QD_PERIOD_MONTH)
    return qd_chart_format_date (time, QD_CHART_PERIOD_MONTH);

  date = qd_chart_format_date (time, QD_CHART_PERIOD_WEEK);
  /* Translators: a row of a weekly data table, e.g. "Week of 4 May 2026" */
  return g_strdup_printf (_("Week of %s"), date);
}

/**
 * qd_kpi_chart_format_value:
 *
 * Returns: (transfer full): the value as qd_metric_format_value() writes
 *   it, or "—" when there is none
 */
char *
qd_kpi_chart_format_value (QdKpiChart *self,
                           guint       series,
                           guint       period)
{
  double value = qd_kpi_chart_get_value (self, series, period);

  if (!isfinite (value))
    /* Translators: a cell of a data table without a value */
    return g_strdup (C_("no value", "—"));

  return qd_metric_format_value (self->unit, value);
}

/**
 * qd_kpi_chart_has_values:
 *
 * Returns: whether any series has any value
 */
gboolean
qd_kpi_chart_has_values (QdKpiChart *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint s = 0; s < self->n_series; s++)
    for (gsize i = 0; i < self->series[s].n_points; i++)
      if (isfinite (self->series[s].points[i].value))
        return TRUE;

  return FALSE;
}

/**
 * qd_kpi_chart_dup_title:
 * @labels: (array zero-terminated=1) (nullable): the team name, or the
 *   members' names
 *
 * Returns: (transfer full): "CSAT for the organisation", "CSAT for Tier
 *   1", "CSAT for Ana Ruiz", "CSAT by agent"
 */
char *
qd_kpi_chart_dup_title (const QdMetricInfo *metric,
                        QdScope             scope,
                        const char * const *labels)
{
  guint n = labels != NULL ? g_strv_length ((char **) labels) : 0;

  g_return_val_if_fail (metric != NULL, NULL);

  if (scope == QD_SCOPE_ORG || n == 0)
    /* Translators: a chart title, e.g. "CSAT for the organisation" */
    return g_strdup_printf (_("%s for the organisation"), metric->name);
  if (n == 1)
    /* Translators: a chart title, e.g. "CSAT for Tier 1" or "CSAT for Ana Ruiz" */
    return g_strdup_printf (_("%s for %s"), metric->name, labels[0]);

  /* Translators: a chart title comparing agents, e.g. "CSAT by agent" */
  return g_strdup_printf (_("%s by agent"), metric->name);
}

/**
 * qd_kpi_chart_dup_scope_label:
 *
 * Returns: (transfer full): "Organisation", "Tier 1", "Ana Ruiz, Bo Chen"
 */
char *
qd_kpi_chart_dup_scope_label (QdScope             scope,
                              const char * const *labels)
{
  if (scope == QD_SCOPE_ORG || labels == NULL || labels[0] == NULL)
    return g_strdup (_("Organisation"));

  return g_strjoinv (", ", (char **) labels);
}

/**
 * qd_kpi_chart_dup_extent:
 *
 * Returns: (transfer full): "13 weeks", "12 months"
 */
char *
qd_kpi_chart_dup_extent (QdPeriod period,
                         guint    n_periods)
{
  if (period == QD_PERIOD_MONTH)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", n_periods), n_periods);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks", n_periods), n_periods);
}

/**
 * qd_kpi_parse_day:
 * @text: a date as typed, YYYY-MM-DD
 * @date: (out caller-allocates): the date
 *
 * Returns: %TRUE if @text is a date that exists; else sets
 *   %QD_KPIS_ERROR_INVALID with a message that says what is wrong
 */
gboolean
qd_kpi_parse_day (const char  *text,
                  GDate       *date,
                  GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (*copy == '\0')
    {
      g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                   _("Enter a date as YYYY-MM-DD, e.g. 2026-03-31."));
      return FALSE;
    }

  if (strlen (copy) != 10 || copy[4] != '-' || copy[7] != '-'
      || !g_ascii_isdigit (copy[0]) || !g_ascii_isdigit (copy[1])
      || !g_ascii_isdigit (copy[2]) || !g_ascii_isdigit (copy[3])
      || !g_ascii_isdigit (copy[5]) || !g_ascii_isdigit (copy[6])
      || !g_ascii_isdigit (copy[8]) || !g_ascii_isdigit (copy[9]))
    {
      g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31."), copy);
      return FALSE;
    }

  year = atoi (copy);
  month = atoi (copy + 5);
  day = atoi (copy + 8);

  if (year < 1 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID,
                   _("The date “%s” does not exist."), copy);
      return FALSE;
    }

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * qd_kpi_format_day:
 *
 * Returns: (transfer full): @date as YYYY-MM-DD
 */
char *
qd_kpi_format_day (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * qd_kpi_get_today:
 * @today: (out caller-allocates): today, in local time
 */
void
qd_kpi_get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * qd_kpi_default_range:
 * @to: the last day
 * @from: (out caller-allocates): the first day: the Monday 12 weeks
 *   before @to's week (13 weeks), or the first of the month 11 months
 *   before @to's month (12 months)
 */
void
qd_kpi_default_range (QdPeriod     period,
                      const GDate *to,
                      GDate       *from)
{
  g_return_if_fail (to != NULL && g_date_valid (to));
  g_return_if_fail (from != NULL);

  *from = *to;
  if (period == QD_PERIOD_MONTH)
    {
      g_date_set_day (from, 1);
      g_date_subtract_months (from, 11);
    }
  else
    {
      g_date_subtract_days (from, g_date_get_weekday (from) - G_DATE_MONDAY);
      g_date_subtract_days (from, 12 * 7);
    }
}
