/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "qd-chart-axis.h"
#include "qd-chart-palette.h"
#include "qd-chart-types.h"

G_BEGIN_DECLS

/**
 * QdChartSeries:
 * @label: (nullable): shown in the legend and read-outs, e.g. "Ana Ruiz"
 * @points: the points, sorted by time; a NaN value is a gap
 * @n_points: how many
 *
 * One line. The chart borrows the strings and the array.
 */
typedef struct
{
  const char         *label;
  const QdChartPoint *points;
  gsize               n_points;
} QdChartSeries;

/**
 * QdChartLine:
 * @title: (nullable): e.g. "CSAT for Tier 1"
 * @unit: what the values are
 * @better: which way is good
 * @period: how long one point lasts, or %QD_CHART_PERIOD_AUTO
 * @has_target: whether @target is set
 * @target: the target value, drawn as a dashed line and always inside
 *   the axis range
 * @series: the lines
 * @n_series: how many
 *
 * A KPI over time, one line per team or agent, against a target. Plain
 * data: fill it on the stack; the chart borrows everything it points to.
 */
typedef struct
{
  const char          *title;
  QdChartUnit          unit;
  QdChartBetter        better;
  QdChartPeriod        period;
  gboolean             has_target;
  double               target;
  const QdChartSeries *series;
  guint                n_series;
} QdChartLine;

/**
 * QdChartLayout:
 * @width: the size the chart was laid out for
 * @height: the size the chart was laid out for
 * @plot: the plot area (grid, lines); axis labels are outside it
 * @data_left: x of @time_min, a little inside @plot
 * @data_right: x of @time_max
 * @value_min: the value at the bottom of @plot
 * @value_max: the value at the top of @plot
 * @time_min: the earliest time shown
 * @time_max: the latest time shown
 * @period: the period of the points, never %QD_CHART_PERIOD_AUTO
 * @value_ticks: the value axis ticks (the horizontal grid lines)
 * @time_ticks: the time axis ticks
 * @title_y: top of the title, when @show_title
 * @legend: where the legend goes, when @show_legend
 * @show_title: whether there was room for the title
 * @show_legend: whether there was room for the legend
 * @show_value_labels: whether there was room for value axis labels
 * @show_time_labels: whether there was room for time axis labels
 * @show_target_label: whether there was room to name the target line
 * @target_label: where its name goes ("Target 95 %"): right of the plot
 *   level with the line, or in a narrow chart inside the plot at its
 *   right end, just above or below the line
 *
 * Where everything goes, computed by qd_chart_line_layout() for a size.
 * qd_chart_line_draw() uses the same computation, so hit tests and
 * tests can map values to the pixels that were drawn.
 */
typedef struct
{
  double           width;
  double           height;
  QdChartRect      plot;
  double           data_left;
  double           data_right;
  double           value_min;
  double           value_max;
  gint64           time_min;
  gint64           time_max;
  QdChartPeriod    period;
  QdChartTicks     value_ticks;
  QdChartTimeTicks time_ticks;
  double           title_y;
  QdChartRect      legend;
  gboolean         show_title;
  gboolean         show_legend;
  gboolean         show_value_labels;
  gboolean         show_time_labels;
  gboolean         show_target_label;
  QdChartRect      target_label;
} QdChartLayout;

/**
 * QdChartHit:
 * @series: index of the series
 * @index: index of the point in the series
 * @time: the point's time
 * @value: the point's value
 * @x: where the point is drawn
 * @y: where the point is drawn
 */
typedef struct
{
  guint  series;
  gsize  index;
  gint64 time;
  double value;
  double x;
  double y;
} QdChartHit;

void      qd_chart_line_layout          (const QdChartLine    *chart,
                                         const QdChartPalette *palette,
                                         double                width,
                                         double                height,
                                         QdChartLayout        *layout);
double    qd_chart_layout_x_for_time    (const QdChartLayout  *layout,
                                         gint64                time);
double    qd_chart_layout_y_for_value   (const QdChartLayout  *layout,
                                         double                value);
gint64    qd_chart_layout_time_for_x    (const QdChartLayout  *layout,
                                         double                x);
double    qd_chart_layout_value_for_y   (const QdChartLayout  *layout,
                                         double                y);

void      qd_chart_line_draw            (cairo_t              *cr,
                                         const QdChartLine    *chart,
                                         const QdChartPalette *palette,
                                         double                width,
                                         double                height);
void      qd_chart_line_draw_highlight  (cairo_t              *cr,
                                         const QdChartLine    *chart,
                                         const QdChartPalette *palette,
                                         const QdChartLayout  *layout,
                                         const QdChartHit     *hit);

gboolean  qd_chart_line_hit_test        (const QdChartLine    *chart,
                                         const QdChartLayout  *layout,
                                         double                x,
                                         double                y,
                                         QdChartHit           *hit);
char     *qd_chart_line_format_readout  (const QdChartLine    *chart,
                                         guint                 series,
                                         gsize                 index);
char     *qd_chart_line_describe        (const QdChartLine    *chart);

G_END_DECLS
