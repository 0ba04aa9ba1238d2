/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * QdChartUnit:
 * @QD_CHART_UNIT_NUMBER: a plain number ("3.75")
 * @QD_CHART_UNIT_PERCENT: a percentage where 100 means 100 % ("94.1 %")
 * @QD_CHART_UNIT_COUNT: a whole count, grouped by the locale ("1,250")
 * @QD_CHART_UNIT_MINUTES: a duration given in minutes ("1 h 30 min")
 * @QD_CHART_UNIT_HOURS: a duration given in hours ("2 d 4 h")
 *
 * What a value means; it decides the axis steps and how values read.
 */
typedef enum
{
  QD_CHART_UNIT_NUMBER,
  QD_CHART_UNIT_PERCENT,
  QD_CHART_UNIT_COUNT,
  QD_CHART_UNIT_MINUTES,
  QD_CHART_UNIT_HOURS,
} QdChartUnit;

/**
 * QdChartBetter:
 *
 * Which way is good for a KPI: CSAT is better higher, first reply time
 * is better lower. Used in descriptions ("better", "worse").
 */
typedef enum
{
  QD_CHART_BETTER_NONE,
  QD_CHART_BETTER_HIGHER,
  QD_CHART_BETTER_LOWER,
} QdChartBetter;

/**
 * QdChartPeriod:
 *
 * How long one data point lasts. It decides how dates read in read-outs
 * and descriptions ("12 May 2026", "May 2026", "Q2 2026"). With
 * %QD_CHART_PERIOD_AUTO the chart guesses from the spacing of the points.
 */
typedef enum
{
  QD_CHART_PERIOD_AUTO,
  QD_CHART_PERIOD_INSTANT,
  QD_CHART_PERIOD_DAY,
  QD_CHART_PERIOD_WEEK,
  QD_CHART_PERIOD_MONTH,
  QD_CHART_PERIOD_QUARTER,
  QD_CHART_PERIOD_YEAR,
} QdChartPeriod;

/**
 * QdChartPoint:
 * @time: start of the period, in seconds since 1970-01-01 00:00 UTC
 *   (see qd_chart_time_from_date() for a calendar day)
 * @value: the value, or NAN when there is no value for that period
 *   (the line then has a gap)
 */
typedef struct
{
  gint64 time;
  double value;
} QdChartPoint;

/**
 * QdChartRect:
 *
 * A rectangle in the user space of the cairo_t the chart is drawn on.
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} QdChartRect;

G_END_DECLS
