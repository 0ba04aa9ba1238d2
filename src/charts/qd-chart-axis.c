/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-chart-axis"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "qd-chart-axis.h"
#include "qd-chart-format.h"

#define SECONDS_PER_DAY 86400
#define MIN_DATE_TIME G_GINT64_CONSTANT (-62135596800)
#define MAX_DATE_TIME G_GINT64_CONSTANT (253402300799)

/* Widens an empty or hopelessly thin range so that steps stay above
 * the precision of a double. */
static void
widen_range (double *lo,
             double *hi)
{
  double span = *hi - *lo;
  double magnitude = MAX (fabs (*lo), fabs (*hi));

  if (span > magnitude * 1e-9 && span > 0)
    return;

  if (magnitude == 0)
    {
      *lo = 0;
      *hi = 1;
    }
  else
    {
      double d = magnitude * 0.1;

      *lo -= d;
      *hi += d;
    }
}

static guint
fill_ticks (double        lo,
            double        hi,
            double        step,
            guint         max_ticks,
            QdChartTicks *ticks)
{
  double first = floor (lo / step + 1e-9);
  double last = ceil (hi / step - 1e-9);
  double count = last - first + 1;

  if (!isfinite (count) || count > max_ticks || count < 2)
    return count < 2 ? 0 : G_MAXUINT;

  ticks->step = step;
  ticks->n_ticks = (guint) count;
  for (guint i = 0; i < ticks->n_ticks; i++)
    {
      double v = (first + i) * step;

      if (fabs (v) < step * 1e-9)
        v = 0.0;
      ticks->values[i] = v;
    }
  ticks->min = ticks->values[0];
  ticks->max = ticks->values[ticks->n_ticks - 1];

  return ticks->n_ticks;
}

static gboolean
ticks_nice_with_min_step (double        lo,
                          double        hi,
                          guint         max_ticks,
                          double        min_step,
                          QdChartTicks *ticks)
{
  static const double multipliers[] = { 1, 2, 5 };
  double raw, magnitude;

  memset (ticks, 0, sizeof *ticks);

  if (!isfinite (lo) || !isfinite (hi))
    return FALSE;

  if (lo > hi)
    {
      double tmp = lo;

      lo = hi;
      hi = tmp;
    }

  widen_range (&lo, &hi);
  if (!isfinite (hi - lo))
    return FALSE;

  max_ticks = CLAMP (max_ticks, 2, QD_CHART_MAX_TICKS);
  raw = (hi - lo) / (max_ticks - 1);
  magnitude = pow (10, floor (log10 (raw)));
  if (!(magnitude > 0) || !isfinite (magnitude))
    return FALSE;

  /* The smallest 1-2-5 step at least as big as the raw step whose
   * rounded-out range still fits max_ticks. A range across zero needs
   * at least three ticks, so allow one more when two do not fit. */
  for (guint limit = max_ticks; limit <= MAX (max_ticks, 3); limit++)
    {
      for (int exponent = 0; exponent < 4; exponent++)
        {
          for (guint m = 0; m < G_N_ELEMENTS (multipliers); m++)
            {
              double step = multipliers[m] * magnitude * pow (10, exponent);
              guint n;

              if (step < min_step || step < raw * (1 - 1e-9))
                continue;

              n = fill_ticks (lo, hi, step, limit, ticks);
              if (n >= 2 && n <= limit)
                return TRUE;
            }
        }
    }

  return FALSE;
}

/**
 * qd_chart_ticks_nice:
 * @lo: the smallest value to show
 * @hi: the largest value to show
 * @max_ticks: at most this many ticks (2 to %QD_CHART_MAX_TICKS); a
 *   range across zero always gets at least 3
 *
 * Chooses round ticks covering @lo to @hi: the step is 1, 2 or 5 times a
 * power of ten, and the axis runs from a multiple of the step below @lo
 * to one above @hi. An empty range is widened around its value.
 *
 * Returns: %FALSE if the range is not finite (@ticks is then zeroed)
 */
gboolean
qd_chart_ticks_nice (double        lo,
                     double        hi,
                     guint         max_ticks,
                     QdChartTicks *ticks)
{
  g_return_val_if_fail (ticks != NULL, FALSE);

  return ticks_nice_with_min_step (lo, hi, max_ticks, 0.0, ticks);
}

/**
 * qd_chart_ticks_duration:
 * @seconds_per_unit: what one unit of @lo and @hi is (60 for minutes)
 *
 * Like qd_chart_ticks_nice(), with steps a person counts time in:
 * 1, 2, 5, 10, 15, 30 seconds or minutes, 1, 2, 3, 6, 12 hours, 1, 2, 7
 * days, and round numbers of days beyond.
 */
gboolean
qd_chart_ticks_duration (double        lo,
                         double        hi,
                         guint         max_ticks,
                         double        seconds_per_unit,
                         QdChartTicks *ticks)
{
  static const double steps[] = {
    1, 2, 5, 10, 15, 30,
    60, 2 * 60, 5 * 60, 10 * 60, 15 * 60, 30 * 60,
    3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600,
    SECONDS_PER_DAY, 2 * SECONDS_PER_DAY, 7 * SECONDS_PER_DAY,
  };
  double span_seconds;

  g_return_val_if_fail (ticks != NULL, FALSE);

  memset (ticks, 0, sizeof *ticks);

  if (!(seconds_per_unit > 0) || !isfinite (lo) || !isfinite (hi))
    return qd_chart_ticks_nice (lo, hi, max_ticks, ticks);

  if (lo > hi)
    {
      double tmp = lo;

      lo = hi;
      hi = tmp;
    }
  widen_range (&lo, &hi);
  max_ticks = CLAMP (max_ticks, 2, QD_CHART_MAX_TICKS);
  span_seconds = (hi - lo) * seconds_per_unit;

  if (!isfinite (span_seconds) || span_seconds < 2)
    return qd_chart_ticks_nice (lo, hi, max_ticks, ticks);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double step = steps[i] / seconds_per_unit;
      guint n;

      if (steps[i] * (max_ticks - 1) < span_seconds * (1 - 1e-9))
        continue;

      n = fill_ticks (lo, hi, step, max_ticks, ticks);
      if (n >= 2 && n <= max_ticks)
        return TRUE;
    }

  /* Longer than weeks: round numbers of days. */
  {
    double unit_per_day = SECONDS_PER_DAY / seconds_per_unit;

    if (!ticks_nice_with_min_step (lo / unit_per_day, hi / unit_per_day,
                                   max_ticks, 1.0, ticks))
      return FALSE;

    ticks->min *= unit_per_day;
    ticks->max *= unit_per_day;
    ticks->step *= unit_per_day;
    for (guint i = 0; i < ticks->n_ticks; i++)
      ticks->values[i] *= unit_per_day;

    return TRUE;
  }
}

/**
 * qd_chart_ticks_for_unit:
 *
 * Ticks suited to @unit: duration steps for minutes and hours, whole
 * numbers for counts, 1-2-5 steps otherwise.
 */
gboolean
qd_chart_ticks_for_unit (QdChartUnit   unit,
                         double        lo,
                         double        hi,
                         guint         max_ticks,
                         QdChartTicks *ticks)
{
  g_return_val_if_fail (ticks != NULL, FALSE);

  switch (unit)
    {
    case QD_CHART_UNIT_MINUTES:
    case QD_CHART_UNIT_HOURS:
      return qd_chart_ticks_duration (lo, hi, max_ticks,
                                      qd_chart_unit_seconds (unit), ticks);

    case QD_CHART_UNIT_COUNT:
      if (ticks_nice_with_min_step (lo, hi, max_ticks, 1.0, ticks))
        return TRUE;
      return qd_chart_ticks_nice (lo, hi, max_ticks, ticks);

    case QD_CHART_UNIT_NUMBER:
    case QD_CHART_UNIT_PERCENT:
    default:
      return qd_chart_ticks_nice (lo, hi, max_ticks, ticks);
    }
}

/**
 * qd_chart_ticks_format:
 *
 * Returns: (transfer full): the label of tick @index: "95 %",
 *   "1 h 30 min", "1,250", with as many decimals as the step needs
 */
char *
qd_chart_ticks_format (const QdChartTicks *ticks,
                       QdChartUnit         unit,
                       guint               index)
{
  g_return_val_if_fail (ticks != NULL, NULL);
  g_return_val_if_fail (index < ticks->n_ticks, NULL);

  return qd_chart_format_value (unit, ticks->values[index],
                                qd_chart_decimals_for_step (ticks->step));
}

/* Time ticks */

typedef struct
{
  QdChartTimeStep step;
  guint           multiple;
  double          approx_seconds;
} TimeCandidate;

static const TimeCandidate time_candidates[] = {
  { QD_CHART_TIME_STEP_MINUTE, 1, 60 },
  { QD_CHART_TIME_STEP_MINUTE, 5, 300 },
  { QD_CHART_TIME_STEP_MINUTE, 15, 900 },
  { QD_CHART_TIME_STEP_MINUTE, 30, 1800 },
  { QD_CHART_TIME_STEP_HOUR, 1, 3600 },
  { QD_CHART_TIME_STEP_HOUR, 3, 3 * 3600 },
  { QD_CHART_TIME_STEP_HOUR, 6, 6 * 3600 },
  { QD_CHART_TIME_STEP_HOUR, 12, 12 * 3600 },
  { QD_CHART_TIME_STEP_DAY, 1, SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_DAY, 2, 2 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_WEEK, 1, 7 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_WEEK, 2, 14 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_MONTH, 1, 30.4 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_MONTH, 2, 60.9 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_MONTH, 3, 91.3 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_MONTH, 6, 182.6 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_YEAR, 1, 365.25 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_YEAR, 2, 2 * 365.25 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_YEAR, 5, 5 * 365.25 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_YEAR, 10, 10 * 365.25 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_YEAR, 20, 20 * 365.25 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_YEAR, 50, 50 * 365.25 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_YEAR, 100, 100 * 365.25 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_YEAR, 250, 250 * 365.25 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_YEAR, 500, 500 * 365.25 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_YEAR, 1000, 1000 * 365.25 * SECONDS_PER_DAY },
  { QD_CHART_TIME_STEP_YEAR, 2500, 2500 * 365.25 * SECONDS_PER_DAY },
};

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;

  return q;
}

static gint64
ceil_div (gint64 a,
          gint64 b)
{
  return -floor_div (-a, b);
}

/* Fills @ticks for one candidate; returns the tick count, or
 * G_MAXUINT when there would be more than @max_ticks. */
static guint
generate_time_ticks (const TimeCandidate *candidate,
                     gint64               from,
                     gint64               to,
                     guint                max_ticks,
                     gint64               week_anchor,
                     QdChartTimeTicks    *ticks)
{
  guint n = 0;

  ticks->step = candidate->step;
  ticks->multiple = candidate->multiple;
  ticks->n_ticks = 0;

  switch (candidate->step)
    {
    case QD_CHART_TIME_STEP_MINUTE:
    case QD_CHART_TIME_STEP_HOUR:
    case QD_CHART_TIME_STEP_DAY:
    case QD_CHART_TIME_STEP_WEEK:
      {
        gint64 unit = candidate->step == QD_CHART_TIME_STEP_MINUTE ? 60
                      : candidate->step == QD_CHART_TIME_STEP_HOUR ? 3600
                      : candidate->step == QD_CHART_TIME_STEP_DAY ? SECONDS_PER_DAY
                      : 7 * SECONDS_PER_DAY;
        gint64 interval = unit * candidate->multiple;
        gint64 anchor = 0;
        gint64 t;

        if (candidate->step == QD_CHART_TIME_STEP_WEEK)
          anchor = floor_div (CLAMP (week_anchor, MIN_DATE_TIME, MAX_DATE_TIME),
                              SECONDS_PER_DAY) * SECONDS_PER_DAY;

        for (t = anchor + ceil_div (from - anchor, interval) * interval;
             t <= to;
             t += interval)
          {
            if (n >= max_ticks)
              return G_MAXUINT;
            ticks->times[n++] = t;
          }
      }
      break;

    case QD_CHART_TIME_STEP_MONTH:
    case QD_CHART_TIME_STEP_YEAR:
      {
        g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (from);
        int months_per_tick = candidate->step == QD_CHART_TIME_STEP_YEAR
                              ? 12 * (int) candidate->multiple
                              : (int) candidate->multiple;
        gint64 index;

        if (start == NULL)
          return 0;

        index = (gint64) g_date_time_get_year (start) * 12 + g_date_time_get_month (start) - 1;
        /* The first month start at or after @from, on a multiple. */
        if (g_date_time_get_day_of_month (start) != 1
            || g_date_time_get_hour (start) != 0
            || g_date_time_get_minute (start) != 0
            || g_date_time_get_seconds (start) != 0)
          index++;
        index = ceil_div (index, months_per_tick) * months_per_tick;

        for (;; index += months_per_tick)
          {
            int year = (int) (index / 12);
            int month = (int) (index % 12) + 1;
            g_autoptr(GDateTime) dt = NULL;
            gint64 t;

            if (year < 1 || year > 9999)
              break;
            dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);
            if (dt == NULL)
              break;
            t = g_date_time_to_unix (dt);
            if (t > to)
              break;
            if (n >= max_ticks)
              return G_MAXUINT;
            ticks->times[n++] = t;
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  ticks->n_ticks = n;

  return n;
}

/**
 * qd_chart_time_ticks:
 * @from: start of the axis, seconds since 1970 UTC
 * @to: end of the axis
 * @max_ticks: at most this many ticks
 * @week_anchor: a time on the weekday weekly ticks fall on (e.g. the
 *   first data point)
 *
 * Chooses the finest calendar step (minutes to centuries) that gives
 * between 1 and @max_ticks ticks from @from to @to.
 *
 * Returns: %FALSE if no step fits or the times are outside the years
 *   1 to 9999; @ticks then has no ticks
 */
gboolean
qd_chart_time_ticks (gint64            from,
                     gint64            to,
                     guint             max_ticks,
                     gint64            week_anchor,
                     QdChartTimeTicks *ticks)
{
  double span;

  g_return_val_if_fail (ticks != NULL, FALSE);

  memset (ticks, 0, sizeof *ticks);
  ticks->multiple = 1;

  if (from > to)
    {
      gint64 tmp = from;

      from = to;
      to = tmp;
    }

  max_ticks = MIN (max_ticks, QD_CHART_MAX_TICKS);
  if (max_ticks == 0 || from < MIN_DATE_TIME || to > MAX_DATE_TIME)
    return FALSE;

  span = (double) to - (double) from;

  for (guint i = 0; i < G_N_ELEMENTS (time_candidates); i++)
    {
      const TimeCandidate *candidate = &time_candidates[i];
      guint n;

      /* Skip candidates that would obviously give too many ticks. */
      if (span / candidate->approx_seconds > max_ticks + 1)
        continue;

      n = generate_time_ticks (candidate, from, to, max_ticks, week_anchor, ticks);
      if (n >= 1 && n <= max_ticks)
        return TRUE;
    }

  memset (ticks, 0, sizeof *ticks);
  ticks->multiple = 1;

  return FALSE;
}

/**
 * qd_chart_time_ticks_format:
 *
 * Returns: (transfer full): the label of tick @index, in the user's
 *   locale: "3 Aug" for days and weeks, "Sep" for months, "2026" for
 *   years; the first tick and ticks where the year changes also carry
 *   the year ("Jan 2027"), hours read "14:00"
 */
char *
qd_chart_time_ticks_format (const QdChartTimeTicks *ticks,
                            guint                   index)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) previous = NULL;
  gboolean new_year;
  gboolean new_day;
  const char *format;
  char *str;

  g_return_val_if_fail (ticks != NULL, NULL);
  g_return_val_if_fail (index < ticks->n_ticks, NULL);

  dt = g_date_time_new_from_unix_utc (ticks->times[index]);
  if (dt == NULL)
    return g_strdup ("–");
  if (index > 0)
    previous = g_date_time_new_from_unix_utc (ticks->times[index - 1]);

  new_year = previous == NULL
             || g_date_time_get_year (previous) != g_date_time_get_year (dt);
  new_day = previous == NULL
            || g_date_time_get_day_of_year (previous) != g_date_time_get_day_of_year (dt)
            || new_year;

  switch (ticks->step)
    {
    case QD_CHART_TIME_STEP_MINUTE:
    case QD_CHART_TIME_STEP_HOUR:
      format = new_day
               ? C_("axis day and time, see g_date_time_format", "%-d %b %H:%M")
               : C_("axis time, see g_date_time_format", "%H:%M");
      break;

    case QD_CHART_TIME_STEP_DAY:
    case QD_CHART_TIME_STEP_WEEK:
      format = new_year
               ? C_("axis day with year, see g_date_time_format", "%-d %b %Y")
               : C_("axis day, see g_date_time_format", "%-d %b");
      break;

    case QD_CHART_TIME_STEP_MONTH:
      format = new_year
               ? C_("axis month with year, see g_date_time_format", "%b %Y")
               : C_("axis month, see g_date_time_format", "%b");
      break;

    case QD_CHART_TIME_STEP_YEAR:
    default:
      format = C_("axis year, see g_date_time_format", "%Y");
      break;
    }

  str = g_date_time_format (dt, format);

  return str != NULL ? g_strstrip (str) : g_strdup ("–");
}
