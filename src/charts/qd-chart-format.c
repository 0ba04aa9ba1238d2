/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-chart-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "qd-chart-format.h"

#define SECONDS_PER_DAY 86400

/* GDateTime covers years 1 to 9999. */
#define MIN_DATE_TIME G_GINT64_CONSTANT (-62135596800)
#define MAX_DATE_TIME G_GINT64_CONSTANT (253402300799)

static const char *
decimal_point (void)
{
  const struct lconv *lc = localeconv ();

  return (lc != NULL && lc->decimal_point != NULL && *lc->decimal_point != '\0')
         ? lc->decimal_point : ".";
}

/* A number with the locale's digit grouping and decimal point. With @trim
 * trailing zeros after the decimal point are dropped. */
static char *
format_number (double   value,
               int      decimals,
               gboolean trim)
{
  char *str;

  if (isnan (value))
    return g_strdup ("–");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");

  decimals = CLAMP (decimals, 0, 9);

  if (fabs (value) >= 1e15)
    return g_strdup_printf ("%.3g", value);

  /* Never print "-0" or "-0.0". */
  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0.0;

  str = g_strdup_printf ("%'.*f", decimals, value);

  if (trim && decimals > 0)
    {
      const char *dp = decimal_point ();
      char *point = strstr (str, dp);

      if (point != NULL)
        {
          char *end = str + strlen (str);

          while (end > point + strlen (dp) && end[-1] == '0')
            *--end = '\0';
          if (end == point + strlen (dp))
            *point = '\0';
        }
    }

  return str;
}

/**
 * qd_chart_unit_seconds:
 *
 * Returns: how many seconds one unit of a duration is (60 for minutes,
 *   3600 for hours), or 0 when @unit is not a duration.
 */
double
qd_chart_unit_seconds (QdChartUnit unit)
{
  switch (unit)
    {
    case QD_CHART_UNIT_MINUTES:
      return 60.0;
    case QD_CHART_UNIT_HOURS:
      return 3600.0;
    case QD_CHART_UNIT_NUMBER:
    case QD_CHART_UNIT_PERCENT:
    case QD_CHART_UNIT_COUNT:
    default:
      return 0.0;
    }
}

typedef enum
{
  PART_DAYS,
  PART_HOURS,
  PART_MINUTES,
  PART_SECONDS,
} DurationPart;

static char *
format_part (DurationPart part,
             double       amount)
{
  g_autofree char *n = format_number (amount, 0, FALSE);

  switch (part)
    {
    case PART_DAYS:
      return g_strdup_printf (C_("duration in days", "%s d"), n);
    case PART_HOURS:
      return g_strdup_printf (C_("duration in hours", "%s h"), n);
    case PART_MINUTES:
      return g_strdup_printf (C_("duration in minutes", "%s min"), n);
    case PART_SECONDS:
    default:
      return g_strdup_printf (C_("duration in seconds", "%s s"), n);
    }
}

/* "1 h 30 min"; the second part is left out when it is zero. */
static char *
join_parts (DurationPart first,
            double       first_amount,
            DurationPart second,
            double       second_amount)
{
  g_autofree char *a = format_part (first, first_amount);
  g_autofree char *b = NULL;

  if (first == second || second_amount < 1)
    return g_steal_pointer (&a);

  b = format_part (second, second_amount);

  return g_strconcat (a, " ", b, NULL);
}

/**
 * qd_chart_format_duration:
 * @seconds: a duration in seconds
 *
 * Formats a duration with its two largest parts: "2 d 4 h",
 * "1 h 30 min", "4 min 30 s", "45 s".
 *
 * Returns: (transfer full): the text
 */
char *
qd_chart_format_duration (double seconds)
{
  g_autofree char *body = NULL;
  gboolean negative;
  double s;
  double days, hours, minutes, secs;

  if (!isfinite (seconds))
    return format_number (seconds, 0, FALSE);

  negative = seconds < 0;
  s = fabs (seconds);

  if (s >= 1e9)
    body = format_part (PART_DAYS, s / SECONDS_PER_DAY);
  else
    {
      /* Round to the smaller of the two parts shown, so that
       * 1 h 29 min 50 s reads "1 h 30 min". */
      if (s >= SECONDS_PER_DAY)
        s = round (s / 3600) * 3600;
      else if (s >= 3600)
        s = round (s / 60) * 60;
      else
        s = round (s);

      days = floor (s / SECONDS_PER_DAY);
      hours = floor (fmod (s, SECONDS_PER_DAY) / 3600);
      minutes = floor (fmod (s, 3600) / 60);
      secs = fmod (s, 60);

      if (days >= 1)
        body = join_parts (PART_DAYS, days, PART_HOURS, hours);
      else if (hours >= 1)
        body = join_parts (PART_HOURS, hours, PART_MINUTES, minutes);
      else if (minutes >= 1)
        body = join_parts (PART_MINUTES, minutes, PART_SECONDS, secs);
      else if (secs >= 1)
        body = join_parts (PART_SECONDS, secs, PART_SECONDS, 0);
      else
        return g_strdup ("0");
    }

  if (negative)
    return g_strconcat ("-", body, NULL);

  return g_steal_pointer (&body);
}

/**
 * qd_chart_format_value:
 * @decimals: digits after the decimal point, or %QD_CHART_DECIMALS_READOUT,
 *   or %QD_CHART_DECIMALS_TRIM; durations ignore it
 *
 * Formats a value the way a head of support reads it, with the locale's
 * grouping and decimal point: "94.1 %", "1 h 30 min", "1,250". NaN reads
 * "–" (no value).
 *
 * Returns: (transfer full): the text
 */
char *
qd_chart_format_value (QdChartUnit unit,
                       double      value,
                       int         decimals)
{
  g_autofree char *number = NULL;
  gboolean trim = FALSE;

  if (isnan (value))
    return g_strdup ("–");

  if (unit == QD_CHART_UNIT_MINUTES || unit == QD_CHART_UNIT_HOURS)
    return qd_chart_format_duration (value * qd_chart_unit_seconds (unit));

  if (decimals == QD_CHART_DECIMALS_TRIM)
    {
      decimals = unit == QD_CHART_UNIT_PERCENT ? 1 : 2;
      trim = TRUE;
    }
  else if (decimals < 0)
    {
      switch (unit)
        {
        case QD_CHART_UNIT_PERCENT:
          decimals = 1;
          break;
        case QD_CHART_UNIT_COUNT:
          /* Averages of counts can be fractional. */
          decimals = fabs (value - round (value)) < 0.005 ? 0 : 1;
          break;
        case QD_CHART_UNIT_NUMBER:
        case QD_CHART_UNIT_MINUTES:
        case QD_CHART_UNIT_HOURS:
        default:
          decimals = fabs (value) >= 100 ? 0 : fabs (value) >= 10 ? 1 : 2;
          trim = TRUE;
          break;
        }
    }

  number = format_number (value, decimals, trim);

  if (unit == QD_CHART_UNIT_PERCENT)
    /* Translators: a percentage; use your language's spacing, e.g. "%s %%" */
    return g_strdup_printf (_("%s %%"), number);

  return g_steal_pointer (&number);
}

/**
 * qd_chart_decimals_for_step:
 *
 * Returns: how many decimals tell axis labels @step apart.
 */
int
qd_chart_decimals_for_step (double step)
{
  double d;

  if (!(step > 0) || !isfinite (step) || step >= 1)
    return 0;

  d = ceil (-log10 (step) - 1e-9);
  /* A step of 0.25 or 0.5 needs one more digit than its order. */
  if (fabs (step * pow (10, d) - round (step * pow (10, d))) > 1e-6)
    d += 1;

  return (int) CLAMP (d, 0, 9);
}

/**
 * qd_chart_time_from_date:
 * @month: 1 to 12
 * @day: 1 to 31
 *
 * Returns: the time of 00:00 UTC on that day, as charts take it, or 0
 *   when the date does not exist
 */
gint64
qd_chart_time_from_date (int year,
                         int month,
                         int day)
{
  g_autoptr(GDateTime) dt = NULL;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return 0;
  if (day > g_date_get_days_in_month (month, year))
    return 0;

  dt = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

static GDateTime *
date_time_new (gint64 time)
{
  if (time < MIN_DATE_TIME || time > MAX_DATE_TIME)
    return NULL;

  return g_date_time_new_from_unix_utc (time);
}

static char *
format_with (GDateTime  *dt,
             const char *format)
{
  char *str = g_date_time_format (dt, format);

  return str != NULL ? g_strstrip (str) : g_strdup ("–");
}

static char *
format_quarter (GDateTime *dt,
                gboolean   with_year)
{
  int quarter = (g_date_time_get_month (dt) - 1) / 3 + 1;

  if (with_year)
    /* Translators: a quarter of a year, e.g. "Q2 2026" */
    return g_strdup_printf (_("Q%d %d"), quarter, g_date_time_get_year (dt));

  /* Translators: a quarter of a year without the year, e.g. "Q2" */
  return g_strdup_printf (_("Q%d"), quarter);
}

static char *
format_date_time (GDateTime     *dt,
                  QdChartPeriod  period,
                  gboolean       with_year)
{
  switch (period)
    {
    case QD_CHART_PERIOD_INSTANT:
      return format_with (dt, with_year
                          ? C_("date and time, see g_date_time_format", "%-d %b %Y %H:%M")
                          : C_("date and time without year, see g_date_time_format", "%-d %b %H:%M"));

    case QD_CHART_PERIOD_MONTH:
      return format_with (dt, with_year
                          ? C_("month, see g_date_time_format", "%b %Y")
                          : C_("month without year, see g_date_time_format", "%b"));

    case QD_CHART_PERIOD_QUARTER:
      return format_quarter (dt, with_year);

    case QD_CHART_PERIOD_YEAR:
      return format_with (dt, C_("year, see g_date_time_format", "%Y"));

    case QD_CHART_PERIOD_AUTO:
    case QD_CHART_PERIOD_DAY:
    case QD_CHART_PERIOD_WEEK:
    default:
      return format_with (dt, with_year
                          ? C_("day, see g_date_time_format", "%-d %b %Y")
                          : C_("day without year, see g_date_time_format", "%-d %b"));
    }
}

/**
 * qd_chart_format_date:
 * @time: seconds since 1970 UTC
 *
 * Formats the period starting at @time: "12 May 2026" for days and
 * weeks, "May 2026", "Q2 2026", "2026".
 *
 * Returns: (transfer full): the text, "–" for a time out of range
 */
char *
qd_chart_format_date (gint64        time,
                      QdChartPeriod period)
{
  g_autoptr(GDateTime) dt = date_time_new (time);

  if (dt == NULL)
    return g_strdup ("–");

  return format_date_time (dt, period, TRUE);
}

/**
 * qd_chart_format_period:
 * @time: start of the period, seconds since 1970 UTC
 *
 * Names the period starting at @time the way a read-out says it:
 * "12 May 2026" for a day, "Week of 5 Oct 2026", "October 2026",
 * "Q2 2026", "2026". Unlike qd_chart_format_date() it says which
 * week a weekly point stands for, and spells the month out.
 *
 * Returns: (transfer full): the text, "–" for a time out of range
 */
char *
qd_chart_format_period (gint64        time,
                        QdChartPeriod period)
{
  g_autoptr(GDateTime) dt = date_time_new (time);
  g_autofree char *day = NULL;

  if (dt == NULL)
    return g_strdup ("–");

  switch (period)
    {
    case QD_CHART_PERIOD_WEEK:
      day = format_date_time (dt, QD_CHART_PERIOD_DAY, TRUE);
      /* Translators: a weekly data point in a read-out, e.g. "Week of 5 Oct 2026" */
      return g_strdup_printf (_("Week of %s"), day);

    case QD_CHART_PERIOD_MONTH:
      /* %OB is the month's name on its own, not as part of a date
       * (the nominative in languages that decline month names) */
      return format_with (dt, C_("month spelled out with year, see g_date_time_format", "%OB %Y"));

    case QD_CHART_PERIOD_AUTO:
    case QD_CHART_PERIOD_INSTANT:
    case QD_CHART_PERIOD_DAY:
    case QD_CHART_PERIOD_QUARTER:
    case QD_CHART_PERIOD_YEAR:
    default:
      return format_date_time (dt, period, TRUE);
    }
}

/**
 * qd_chart_format_date_range:
 *
 * Formats the periods from @from to @to: "3 Aug – 26 Oct 2026",
 * "28 Dec 2025 – 4 Jan 2026", "Jan – Jun 2026".
 *
 * Returns: (transfer full): the text
 */
char *
qd_chart_format_date_range (gint64        from,
                            gint64        to,
                            QdChartPeriod period)
{
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *full_first = NULL;
  gboolean same_year;

  if (from > to)
    {
      gint64 tmp = from;

      from = to;
      to = tmp;
    }

  a = date_time_new (from);
  b = date_time_new (to);
  if (a == NULL || b == NULL)
    return g_strdup ("–");

  last = format_date_time (b, period, TRUE);
  same_year = g_date_time_get_year (a) == g_date_time_get_year (b);
  first = format_date_time (a, period, !same_year || period == QD_CHART_PERIOD_INSTANT);

  full_first = format_date_time (a, period, TRUE);
  if (g_strcmp0 (full_first, last) == 0)
    return g_steal_pointer (&last);

  /* Translators: a range of dates, e.g. "3 Aug – 26 Oct 2026" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

/**
 * qd_chart_period_adjective:
 *
 * Returns: "daily", "weekly", "monthly", "quarterly", "yearly", or %NULL
 *   for points that are instants
 */
const char *
qd_chart_period_adjective (QdChartPeriod period)
{
  switch (period)
    {
    case QD_CHART_PERIOD_DAY:
      return _("daily");
    case QD_CHART_PERIOD_WEEK:
      return _("weekly");
    case QD_CHART_PERIOD_MONTH:
      return _("monthly");
    case QD_CHART_PERIOD_QUARTER:
      return _("quarterly");
    case QD_CHART_PERIOD_YEAR:
      return _("yearly");
    case QD_CHART_PERIOD_AUTO:
    case QD_CHART_PERIOD_INSTANT:
    default:
      return NULL;
    }
}

/**
 * qd_chart_period_seconds:
 *
 * Returns: the usual length of one period in seconds (a month is 31 days)
 */
gint64
qd_chart_period_seconds (QdChartPeriod period)
{
  switch (period)
    {
    case QD_CHART_PERIOD_INSTANT:
      return 3600;
    case QD_CHART_PERIOD_WEEK:
      return 7 * SECONDS_PER_DAY;
    case QD_CHART_PERIOD_MONTH:
      return 31 * SECONDS_PER_DAY;
    case QD_CHART_PERIOD_QUARTER:
      return 92 * SECONDS_PER_DAY;
    case QD_CHART_PERIOD_YEAR:
      return 366 * SECONDS_PER_DAY;
    case QD_CHART_PERIOD_AUTO:
    case QD_CHART_PERIOD_DAY:
    default:
      return SECONDS_PER_DAY;
    }
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * qd_chart_period_guess:
 * @points: points sorted by time
 *
 * Guesses the period of @points from the median gap between them.
 *
 * Returns: the period; %QD_CHART_PERIOD_DAY when there is nothing to go by
 */
QdChartPeriod
qd_chart_period_guess (const QdChartPoint *points,
                       gsize               n_points)
{
  g_autofree gint64 *gaps = NULL;
  gsize n_gaps = 0;
  gsize limit;
  gint64 median;

  if (points == NULL || n_points < 2)
    return QD_CHART_PERIOD_DAY;

  limit = MIN (n_points - 1, 1000);
  gaps = g_new (gint64, limit);
  for (gsize i = 0; i < limit; i++)
    {
      gint64 a = points[i].time;
      gint64 b = points[i + 1].time;

      /* Unsigned, so that times far apart do not overflow. */
      if (b > a)
        gaps[n_gaps++] = (gint64) MIN ((guint64) b - (guint64) a, (guint64) G_MAXINT64);
    }

  if (n_gaps == 0)
    return QD_CHART_PERIOD_DAY;

  qsort (gaps, n_gaps, sizeof *gaps, compare_gint64);
  median = gaps[n_gaps / 2];

  if (median < 20 * 3600)
    return QD_CHART_PERIOD_INSTANT;
  if (median < 84 * 3600)
    return QD_CHART_PERIOD_DAY;
  if (median < 14 * SECONDS_PER_DAY)
    return QD_CHART_PERIOD_WEEK;
  if (median < 45 * SECONDS_PER_DAY)
    return QD_CHART_PERIOD_MONTH;
  if (median < 150 * SECONDS_PER_DAY)
    return QD_CHART_PERIOD_QUARTER;

  return QD_CHART_PERIOD_YEAR;
}
