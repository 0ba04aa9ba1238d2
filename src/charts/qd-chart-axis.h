/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "qd-chart-types.h"

G_BEGIN_DECLS

#define QD_CHART_MAX_TICKS 16

/**
 * QdChartTicks:
 * @min: the value at the start of the axis (the first tick)
 * @max: the value at the end of the axis (the last tick)
 * @step: the distance between ticks
 * @n_ticks: how many of @values are set
 * @values: the tick values, ascending
 *
 * Ticks on a value axis: round steps (1, 2 or 5 times a power of ten,
 * or whole minutes, hours and days for durations).
 */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n_ticks;
  double values[QD_CHART_MAX_TICKS];
} QdChartTicks;

typedef enum
{
  QD_CHART_TIME_STEP_MINUTE,
  QD_CHART_TIME_STEP_HOUR,
  QD_CHART_TIME_STEP_DAY,
  QD_CHART_TIME_STEP_WEEK,
  QD_CHART_TIME_STEP_MONTH,
  QD_CHART_TIME_STEP_YEAR,
} QdChartTimeStep;

/**
 * QdChartTimeTicks:
 * @step: the calendar unit between ticks
 * @multiple: how many of @step between ticks (e.g. 3 months)
 * @n_ticks: how many of @times are set
 * @times: tick times in seconds since 1970 UTC, ascending, on calendar
 *   boundaries (midnight, the 1st of a month, 1 January)
 */
typedef struct
{
  QdChartTimeStep step;
  guint           multiple;
  guint           n_ticks;
  gint64          times[QD_CHART_MAX_TICKS];
} QdChartTimeTicks;

gboolean  qd_chart_ticks_nice        (double            lo,
                                      double            hi,
                                      guint             max_ticks,
                                      QdChartTicks     *ticks);
gboolean  qd_chart_ticks_duration    (double            lo,
                                      double            hi,
                                      guint             max_ticks,
                                      double            seconds_per_unit,
                                      QdChartTicks     *ticks);
gboolean  qd_chart_ticks_for_unit    (QdChartUnit       unit,
                                      double            lo,
                                      double            hi,
                                      guint             max_ticks,
                                      QdChartTicks     *ticks);
char     *qd_chart_ticks_format      (const QdChartTicks *ticks,
                                      QdChartUnit       unit,
                                      guint             index);

gboolean  qd_chart_time_ticks        (gint64            from,
                                      gint64            to,
                                      guint             max_ticks,
                                      gint64            week_anchor,
                                      QdChartTimeTicks *ticks);
char     *qd_chart_time_ticks_format (const QdChartTimeTicks *ticks,
                                      guint             index);

G_END_DECLS
