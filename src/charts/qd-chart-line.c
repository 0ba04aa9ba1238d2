/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-chart-line"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "qd-chart-line.h"
#include "qd-chart-format.h"
#include "qd-chart-private.h"
#include "qd-chart-reduce.h"

#define MAX_LEGEND_ROWS 3
#define HIT_TOLERANCE   12.0
#define MAX_COLUMNS     100000

typedef struct
{
  gsize    n_points;
  gsize    n_finite;
  double   value_min;
  double   value_max;
  gboolean have_time;
  gint64   time_min;
  gint64   time_max;
  gint64   first_time;
} Summary;

static void
summarize (const QdChartLine *chart,
           Summary           *summary)
{
  memset (summary, 0, sizeof *summary);
  summary->value_min = NAN;
  summary->value_max = NAN;

  if (chart->series == NULL)
    return;

  for (guint s = 0; s < chart->n_series; s++)
    {
      const QdChartSeries *series = &chart->series[s];

      if (series->points == NULL)
        continue;

      for (gsize i = 0; i < series->n_points; i++)
        {
          const QdChartPoint *p = &series->points[i];

          if (!summary->have_time)
            {
              summary->have_time = TRUE;
              summary->time_min = summary->time_max = p->time;
              summary->first_time = p->time;
            }
          else
            {
              summary->time_min = MIN (summary->time_min, p->time);
              summary->time_max = MAX (summary->time_max, p->time);
            }
          summary->n_points++;

          if (isfinite (p->value))
            {
              if (summary->n_finite == 0)
                summary->value_min = summary->value_max = p->value;
              else
                {
                  summary->value_min = MIN (summary->value_min, p->value);
                  summary->value_max = MAX (summary->value_max, p->value);
                }
              summary->n_finite++;
            }
        }
    }
}

static QdChartPeriod
resolve_period (const QdChartLine *chart)
{
  if (chart->period != QD_CHART_PERIOD_AUTO)
    return chart->period;

  for (guint s = 0; chart->series != NULL && s < chart->n_series; s++)
    if (chart->series[s].points != NULL && chart->series[s].n_points >= 2)
      return qd_chart_period_guess (chart->series[s].points, chart->series[s].n_points);

  return QD_CHART_PERIOD_DAY;
}

static gboolean
has_text (const char *str)
{
  return str != NULL && *str != '\0';
}

/* Lays out the legend in rows inside @width from @x0, @y0, drawing it
 * when @cr is set. Returns the height it takes. */
static double
legend_flow (const QdChartLine    *chart,
             const QdChartPalette *palette,
             QdChartText          *text,
             const QdChartMetrics *m,
             double                x0,
             double                y0,
             double                width,
             cairo_t              *cr)
{
  double row_height = MAX (text->line_height[QD_CHART_TEXT_BODY], m->marker_radius * 2 + 2);
  double row_gap = m->gap * 0.4;
  double max_label = MIN (width - m->swatch_width - m->gap * 0.5,
                          MAX (width * 0.5, palette->font_size * 14));
  double x = x0;
  double y = y0;
  guint rows = 0;

  if (max_label < palette->font_size * 2 || chart->series == NULL)
    return 0;

  for (guint s = 0; s < chart->n_series; s++)
    {
      const QdChartSeries *series = &chart->series[s];
      g_autoptr(PangoLayout) label = NULL;
      double label_width, label_height, item_width;

      if (!has_text (series->label))
        continue;

      label = _qd_chart_text_layout (text, QD_CHART_TEXT_BODY, series->label, max_label);
      _qd_chart_layout_size (label, &label_width, &label_height);
      item_width = m->swatch_width + m->gap * 0.5 + label_width;

      if (rows == 0)
        rows = 1;
      else if (x > x0 && x + item_width > x0 + width)
        {
          if (rows == MAX_LEGEND_ROWS)
            break;
          rows++;
          x = x0;
          y += row_height + row_gap;
        }

      if (cr != NULL)
        {
          const QdChartColor *color = qd_chart_palette_get_series_color (palette, s);
          double cy = y + row_height / 2;

          cairo_save (cr);
          qd_chart_color_set_source (color, cr);
          cairo_set_line_width (cr, m->line_width);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_move_to (cr, x + 1, cy);
          cairo_line_to (cr, x + m->swatch_width - 1, cy);
          cairo_stroke (cr);
          cairo_restore (cr);

          qd_chart_draw_marker (cr, qd_chart_marker_for_series (s),
                                x + m->swatch_width / 2, cy, m->marker_radius,
                                color, &palette->background);

          _qd_chart_show_layout (cr, label, x + m->swatch_width + m->gap * 0.5,
                                 y + (row_height - label_height) / 2,
                                 &palette->foreground);
        }

      x += item_width + m->gap * 1.6;
    }

  if (rows == 0)
    return 0;

  return rows * row_height + (rows - 1) * row_gap;
}

/* Where the first and the last time go: a little inside the plot, so
 * that their markers are not cut. */
static void
set_data_edges (QdChartLayout        *layout,
                const QdChartMetrics *m)
{
  double inset = MIN (m->marker_radius + 4, layout->plot.width * 0.05);

  layout->data_left = layout->plot.x + inset;
  layout->data_right = layout->plot.x + layout->plot.width - inset;
}

/* "Target 95 %" */
static char *
target_label_text (const QdChartLine *chart)
{
  g_autofree char *value = qd_chart_format_value (chart->unit, chart->target,
                                                  QD_CHART_DECIMALS_TRIM);

  /* Translators: the label of the target line, e.g. "Target 95 %" */
  return g_strdup_printf (_("Target %s"), value);
}

/* How many stretches of line, or lone points, pass through @r. */
static guint
count_collisions (const QdChartLine    *chart,
                  const QdChartLayout  *layout,
                  const QdChartMetrics *m,
                  const QdChartRect    *r)
{
  double pad = MAX (m->line_width / 2, m->marker_radius * 1.15) + 1;
  double left = r->x - pad;
  double right = r->x + r->width + pad;
  double top = r->y - pad;
  double bottom = r->y + r->height + pad;
  guint hits = 0;

  for (guint s = 0; chart->series != NULL && s < chart->n_series; s++)
    {
      const QdChartSeries *series = &chart->series[s];
      gboolean pen_down = FALSE;
      double px = 0, py = 0;

      for (gsize i = 0; series->points != NULL && i < series->n_points; i++)
        {
          double x, y, xa, xb, ya, yb;

          if (!isfinite (series->points[i].value))
            {
              pen_down = FALSE;
              continue;
            }

          x = qd_chart_layout_x_for_time (layout, series->points[i].time);
          y = qd_chart_layout_y_for_value (layout, series->points[i].value);
          if (!pen_down)
            {
              px = x;
              py = y;
            }
          pen_down = TRUE;

          /* The part of the stretch from px, py to x, y within
           * left..right, and whether it is within top..bottom. */
          xa = MAX (MIN (px, x), left);
          xb = MIN (MAX (px, x), right);
          if (xa <= xb)
            {
              if (x == px)
                {
                  ya = py;
                  yb = y;
                }
              else
                {
                  ya = py + (xa - px) / (x - px) * (y - py);
                  yb = py + (xb - px) / (x - px) * (y - py);
                }
              if (MAX (ya, yb) >= top && MIN (ya, yb) <= bottom)
                hits++;
            }

          px = x;
          py = y;
        }
    }

  return hits;
}

/* Where the target line's name goes. Right of the plot, level with the
 * line, where it can cover no data: at either end inside the plot it
 * would sit on the first or the latest points, the ones people read.
 * A chart too narrow to spare that margin gets the name inside, just
 * above or below the line at its right or left end, wherever it meets
 * the fewest lines (none, mostly); lines drawn later go over it, so it
 * never hides data. */
static void
place_target_label (const QdChartLine    *chart,
                    QdChartText          *text,
                    const QdChartMetrics *m,
                    QdChartLayout        *layout)
{
  QdChartRect *plot = &layout->plot;
  g_autofree char *str = NULL;
  g_autoptr(PangoLayout) label = NULL;
  double w, h, y, room;

  if (!chart->has_target || !isfinite (chart->target) || !layout->show_value_labels)
    return;

  str = target_label_text (chart);
  label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);
  _qd_chart_layout_size (label, &w, &h);
  room = w + m->gap * 0.5;

  if (plot->height < h * 2)
    return;

  if (room <= plot->width / 3)
    {
      plot->width -= room;
      y = qd_chart_layout_y_for_value (layout, chart->target) - h / 2;
      layout->target_label = (QdChartRect) {
        plot->x + plot->width + m->gap * 0.5,
        CLAMP (y, plot->y, plot->y + plot->height - h),
        w, h,
      };
      layout->show_target_label = TRUE;
    }
  else if (w + m->gap <= plot->width)
    {
      double line = qd_chart_layout_y_for_value (layout, chart->target);
      double above = line - m->target_width / 2 - 2 - h;
      double below = line + m->target_width / 2 + 2;
      double xs[2] = { plot->x + plot->width - m->gap * 0.5 - w, plot->x + m->gap * 0.5 };
      guint best = G_MAXUINT;

      set_data_edges (layout, m);

      /* Right end first, above the line first. */
      for (guint i = 0; i < 4 && best > 0; i++)
        {
          QdChartRect r = { xs[i / 2], i % 2 == 0 ? above : below, w, h };
          guint hits;

          if (r.y < plot->y || r.y + h > plot->y + plot->height)
            continue;

          hits = count_collisions (chart, layout, m, &r);
          if (hits < best)
            {
              best = hits;
              layout->target_label = r;
              layout->show_target_label = TRUE;
            }
        }
    }
}

/* Whether the time tick labels fit side by side. */
static gboolean
time_labels_fit (const QdChartLayout *layout,
                 QdChartText         *text,
                 double               gap)
{
  double previous_right = -G_MAXDOUBLE;

  for (guint i = 0; i < layout->time_ticks.n_ticks; i++)
    {
      g_autofree char *str = qd_chart_time_ticks_format (&layout->time_ticks, i);
      g_autoptr(PangoLayout) label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);
      double w, x;

      _qd_chart_layout_size (label, &w, NULL);
      x = qd_chart_layout_x_for_time (layout, layout->time_ticks.times[i]) - w / 2;
      x = CLAMP (x, 0, MAX (layout->width - w, 0));
      if (x < previous_right + gap)
        return FALSE;
      previous_right = x + w;
    }

  return TRUE;
}

static void
compute_layout (const QdChartLine    *chart,
                const QdChartPalette *palette,
                QdChartText          *text,
                double                width,
                double                height,
                QdChartLayout        *layout)
{
  QdChartMetrics m;
  Summary summary;
  double small_h = text->line_height[QD_CHART_TEXT_SMALL];
  double title_block, legend_block, time_block, min_plot;
  double inner_x, inner_y, inner_w, inner_h;
  double lo, hi, top, bottom, label_width = 0;
  gboolean any_label = FALSE;

  memset (layout, 0, sizeof *layout);
  _qd_chart_sanitize_size (&width, &height);
  layout->width = width;
  layout->height = height;

  _qd_chart_metrics_init (&m, palette, width, height);
  summarize (chart, &summary);
  layout->period = resolve_period (chart);

  /* Time range */
  if (summary.have_time)
    {
      layout->time_min = summary.time_min;
      layout->time_max = summary.time_max;
      if (layout->time_min == layout->time_max)
        {
          gint64 p = qd_chart_period_seconds (layout->period);

          layout->time_min = _qd_chart_time_add (layout->time_min, -p);
          layout->time_max = _qd_chart_time_add (layout->time_max, p);
        }
    }
  else
    {
      layout->time_min = 0;
      layout->time_max = 1;
    }

  /* Value range */
  _qd_chart_value_range (chart->unit, summary.value_min, summary.value_max,
                         chart->has_target, chart->target, FALSE, &lo, &hi);

  /* What fits */
  inner_x = m.padding;
  inner_y = m.padding;
  inner_w = MAX (width - 2 * m.padding, 0);
  inner_h = MAX (height - 2 * m.padding, 0);

  for (guint s = 0; chart->series != NULL && s < chart->n_series; s++)
    any_label |= has_text (chart->series[s].label);

  layout->show_title = has_text (chart->title);
  layout->show_legend = any_label;
  layout->show_time_labels = summary.have_time;
  layout->show_value_labels = inner_w >= palette->font_size * 8;

  title_block = text->line_height[QD_CHART_TEXT_TITLE] + m.gap * 0.6;
  legend_block = layout->show_legend
                 ? legend_flow (chart, palette, text, &m, 0, 0, inner_w, NULL) + m.gap
                 : 0;
  if (legend_block <= m.gap)
    layout->show_legend = FALSE;
  time_block = m.tick_length + m.gap * 0.4 + small_h;
  min_plot = MAX (small_h * 2.5, 24);

  for (;;)
    {
      double avail = inner_h
                     - (layout->show_title ? title_block : 0)
                     - (layout->show_legend ? legend_block : 0)
                     - (layout->show_time_labels ? time_block : 0);

      if (avail >= min_plot)
        break;

      if (layout->show_legend && chart->n_series <= 1)
        layout->show_legend = FALSE;
      else if (layout->show_title)
        layout->show_title = FALSE;
      else if (layout->show_legend)
        layout->show_legend = FALSE;
      else if (layout->show_time_labels)
        layout->show_time_labels = FALSE;
      else
        break;
    }

  top = inner_y
        + (layout->show_title ? title_block : 0)
        + (layout->show_legend ? legend_block : 0);
  bottom = inner_y + inner_h - (layout->show_time_labels ? time_block : 0);

  layout->title_y = inner_y;
  layout->legend.x = inner_x;
  layout->legend.y = inner_y + (layout->show_title ? title_block : 0);
  layout->legend.width = inner_w;
  layout->legend.height = layout->show_legend ? legend_block - m.gap : 0;

  layout->plot.y = top;
  layout->plot.height = MAX (bottom - top, 0);

  /* Value ticks */
  if (qd_chart_ticks_for_unit (chart->unit, lo, hi,
                               _qd_chart_max_ticks (layout->plot.height, small_h * 2.4),
                               &layout->value_ticks))
    {
      layout->value_min = layout->value_ticks.min;
      layout->value_max = layout->value_ticks.max;
      _qd_chart_fit_percent_ticks (chart->unit, lo, hi, &layout->value_ticks,
                                   &layout->value_min, &layout->value_max);
    }
  else
    {
      layout->value_min = lo;
      layout->value_max = hi;
    }
  if (!(layout->value_max > layout->value_min))
    layout->value_max = layout->value_min + 1;

  if (layout->plot.height < small_h * 1.5 || layout->value_ticks.n_ticks == 0)
    layout->show_value_labels = FALSE;

  if (layout->show_value_labels)
    {
      for (guint i = 0; i < layout->value_ticks.n_ticks; i++)
        {
          g_autofree char *str = qd_chart_ticks_format (&layout->value_ticks, chart->unit, i);
          g_autoptr(PangoLayout) label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);
          double w;

          _qd_chart_layout_size (label, &w, NULL);
          label_width = MAX (label_width, w);
        }
      if (label_width + m.gap > inner_w * 0.4)
        layout->show_value_labels = FALSE;
    }

  /* Without labels the axis need not end on round numbers: use the
   * little height there is for the data. */
  if (!layout->show_value_labels && hi > lo)
    {
      QdChartTicks *ticks = &layout->value_ticks;
      guint kept = 0;

      layout->value_min = lo;
      layout->value_max = hi;
      for (guint i = 0; i < ticks->n_ticks; i++)
        if (ticks->values[i] >= lo && ticks->values[i] <= hi)
          ticks->values[kept++] = ticks->values[i];
      ticks->n_ticks = kept;
    }

  layout->plot.x = inner_x + (layout->show_value_labels ? label_width + m.gap : 0);
  layout->plot.width = MAX (inner_x + inner_w - layout->plot.x, 0);
  place_target_label (chart, text, &m, layout);

  set_data_edges (layout, &m);

  /* Time ticks: as many as fit without labels touching. */
  if (layout->show_time_labels)
    {
      guint max_ticks = (guint) CLAMP (floor (layout->plot.width / (palette->font_size * 4.5)),
                                       0, QD_CHART_MAX_TICKS);

      while (max_ticks > 0)
        {
          if (!qd_chart_time_ticks (layout->time_min, layout->time_max, max_ticks,
                                    summary.first_time, &layout->time_ticks))
            break;
          if (time_labels_fit (layout, text, m.gap))
            break;
          max_ticks = layout->time_ticks.n_ticks - 1;
          memset (&layout->time_ticks, 0, sizeof layout->time_ticks);
        }

      if (max_ticks == 0)
        memset (&layout->time_ticks, 0, sizeof layout->time_ticks);
      if (layout->time_ticks.n_ticks == 0)
        layout->show_time_labels = FALSE;
    }
}

/**
 * qd_chart_line_layout:
 * @chart: the data
 * @palette: the look (the font sizes decide the margins)
 * @width: the size the chart will be drawn at
 * @height: the size the chart will be drawn at
 * @layout: (out caller-allocates): where everything goes
 *
 * Computes where qd_chart_line_draw() puts things for this size, without
 * drawing. Use it to map values to pixels and for hit tests.
 */
void
qd_chart_line_layout (const QdChartLine    *chart,
                      const QdChartPalette *palette,
                      double                width,
                      double                height,
                      QdChartLayout        *layout)
{
  QdChartText text;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (palette != NULL);
  g_return_if_fail (layout != NULL);

  _qd_chart_text_init (&text, palette);
  compute_layout (chart, palette, &text, width, height, layout);
  _qd_chart_text_clear (&text);
}

/**
 * qd_chart_layout_x_for_time:
 *
 * Returns: the x where @time is drawn
 */
double
qd_chart_layout_x_for_time (const QdChartLayout *layout,
                            gint64               time)
{
  double span;

  g_return_val_if_fail (layout != NULL, 0.0);

  span = (double) layout->time_max - (double) layout->time_min;
  if (!(span > 0))
    return (layout->data_left + layout->data_right) / 2;

  return layout->data_left
         + ((double) time - (double) layout->time_min) / span
           * (layout->data_right - layout->data_left);
}

/**
 * qd_chart_layout_y_for_value:
 *
 * Returns: the y where @value is drawn (values outside the axis range
 *   map outside the plot area)
 */
double
qd_chart_layout_y_for_value (const QdChartLayout *layout,
                             double               value)
{
  double span;

  g_return_val_if_fail (layout != NULL, 0.0);

  span = layout->value_max - layout->value_min;
  if (!(span > 0) || !isfinite (span))
    return layout->plot.y + layout->plot.height / 2;

  value = _qd_chart_clamp_value (value);

  return layout->plot.y + layout->plot.height
         - (value - layout->value_min) / span * layout->plot.height;
}

/**
 * qd_chart_layout_time_for_x:
 *
 * Returns: the time drawn at @x
 */
gint64
qd_chart_layout_time_for_x (const QdChartLayout *layout,
                            double               x)
{
  double width, t;

  g_return_val_if_fail (layout != NULL, 0);

  width = layout->data_right - layout->data_left;
  if (!(width > 0))
    return layout->time_min;

  t = (double) layout->time_min
      + (x - layout->data_left) / width * ((double) layout->time_max - (double) layout->time_min);

  /* The largest doubles that still convert to a gint64. */
  return (gint64) CLAMP (round (t), -9.2e18, 9.2e18);
}

/**
 * qd_chart_layout_value_for_y:
 *
 * Returns: the value drawn at @y
 */
double
qd_chart_layout_value_for_y (const QdChartLayout *layout,
                             double               y)
{
  g_return_val_if_fail (layout != NULL, 0.0);

  if (!(layout->plot.height > 0))
    return layout->value_min;

  return layout->value_min
         + (layout->plot.y + layout->plot.height - y) / layout->plot.height
           * (layout->value_max - layout->value_min);
}

/* Drawing */

static void
draw_value_axis (cairo_t              *cr,
                 const QdChartLine    *chart,
                 const QdChartPalette *palette,
                 QdChartText          *text,
                 const QdChartMetrics *m,
                 const QdChartLayout  *layout)
{
  const QdChartRect *plot = &layout->plot;
  double bottom = plot->y + plot->height;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);

  for (guint i = 0; i < layout->value_ticks.n_ticks; i++)
    {
      double v = layout->value_ticks.values[i];
      double y = qd_chart_layout_y_for_value (layout, v);

      if (fabs (y - bottom) >= 0.5 && plot->width > 0)
        {
          double ys = _qd_chart_snap (cr, y, 1.0, FALSE);

          qd_chart_color_set_source (v == 0 ? &palette->axis : &palette->grid, cr);
          cairo_move_to (cr, plot->x, ys);
          cairo_line_to (cr, plot->x + plot->width, ys);
          cairo_stroke (cr);
        }

      if (layout->show_value_labels)
        {
          g_autofree char *str = qd_chart_ticks_format (&layout->value_ticks, chart->unit, i);
          g_autoptr(PangoLayout) label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);
          double w, h;

          _qd_chart_layout_size (label, &w, &h);
          _qd_chart_show_layout (cr, label,
                                 plot->x - m->gap - w + m->gap * 0.25,
                                 CLAMP (y - h / 2, 0, MAX (layout->height - h, 0)),
                                 &palette->dim_foreground);
        }
    }

  /* The baseline. */
  if (plot->width > 0)
    {
      double ys = _qd_chart_snap (cr, bottom, 1.0, FALSE);

      qd_chart_color_set_source (&palette->axis, cr);
      cairo_move_to (cr, plot->x, ys);
      cairo_line_to (cr, plot->x + plot->width, ys);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

static void
draw_time_axis (cairo_t              *cr,
                const QdChartPalette *palette,
                QdChartText          *text,
                const QdChartMetrics *m,
                const QdChartLayout  *layout)
{
  double bottom = layout->plot.y + layout->plot.height;

  if (!layout->show_time_labels)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  qd_chart_color_set_source (&palette->axis, cr);

  for (guint i = 0; i < layout->time_ticks.n_ticks; i++)
    {
      double x = _qd_chart_snap (cr, qd_chart_layout_x_for_time (layout, layout->time_ticks.times[i]),
                                 1.0, TRUE);

      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + m->tick_length);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < layout->time_ticks.n_ticks; i++)
    {
      g_autofree char *str = qd_chart_time_ticks_format (&layout->time_ticks, i);
      g_autoptr(PangoLayout) label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);
      double x = qd_chart_layout_x_for_time (layout, layout->time_ticks.times[i]);
      double w;

      _qd_chart_layout_size (label, &w, NULL);
      _qd_chart_show_layout (cr, label,
                             CLAMP (x - w / 2, 0, MAX (layout->width - w, 0)),
                             bottom + m->tick_length + m->gap * 0.4,
                             &palette->dim_foreground);
    }

  cairo_restore (cr);
}

static void
draw_target_line (cairo_t              *cr,
                  const QdChartLine    *chart,
                  const QdChartPalette *palette,
                  const QdChartMetrics *m,
                  const QdChartLayout  *layout)
{
  const QdChartRect *plot = &layout->plot;
  double y;

  if (!chart->has_target || !isfinite (chart->target) || plot->width <= 0)
    return;

  y = _qd_chart_snap (cr, qd_chart_layout_y_for_value (layout, chart->target),
                      m->target_width, FALSE);
  _qd_chart_draw_target_line (cr, palette, plot->x, y, plot->x + plot->width, y,
                              m->target_width);
}

/* On its own patch of background, over the grid; before the lines. */
static void
draw_target_label (cairo_t              *cr,
                   const QdChartLine    *chart,
                   const QdChartPalette *palette,
                   QdChartText          *text,
                   const QdChartLayout  *layout)
{
  const QdChartRect *r = &layout->target_label;
  g_autofree char *str = NULL;
  g_autoptr(PangoLayout) label = NULL;

  if (!layout->show_target_label)
    return;

  str = target_label_text (chart);
  label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);

  if (palette->background.alpha > 0)
    {
      cairo_save (cr);
      qd_chart_color_set_source (&palette->background, cr);
      cairo_rectangle (cr, r->x - 2, r->y, r->width + 4, r->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  _qd_chart_show_layout (cr, label, r->x, r->y, &palette->target);
}

static guint
device_columns (cairo_t *cr,
                double   width)
{
  double dx = width;
  double dy = 0;
  double n;

  cairo_user_to_device_distance (cr, &dx, &dy);
  n = ceil (hypot (dx, dy));

  return (guint) CLAMP (n, 1, MAX_COLUMNS);
}

/* Dense series on an image surface */

typedef struct
{
  double   lo;      /* where the centre of the line is in this column: */
  double   hi;      /* its top and bottom, in pixels */
  gboolean turns;   /* whether the line changes direction here */
} Span;

typedef struct
{
  double  pixel_x;     /* pixel x of the left edge of column 0 */
  gsize   n_columns;
  Span   *spans;
} PixelColumns;

/* Whether @cr draws straight onto the pixels of an image without
 * rotation or shear, and if so how user space maps to them. */
static gboolean
pixel_grid (cairo_t        *cr,
            cairo_matrix_t *to_pixels)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t device;
  double sx = 1, sy = 1, ox = 0, oy = 0;

  if (target == NULL || cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;

  cairo_get_matrix (cr, to_pixels);
  if (to_pixels->xy != 0 || to_pixels->yx != 0 || !(to_pixels->xx > 0) || to_pixels->yy == 0)
    return FALSE;

  /* Cairo applies the surface's own scale and offset after the matrix. */
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_matrix_init (&device, sx, 0, 0, sy, ox, oy);
  cairo_matrix_multiply (to_pixels, to_pixels, &device);

  return isfinite (to_pixels->xx) && isfinite (to_pixels->yy)
         && isfinite (to_pixels->x0) && isfinite (to_pixels->y0);
}

static gsize
column_at (const PixelColumns *columns,
           double              x)
{
  return (gsize) CLAMP (floor (x - columns->pixel_x), 0, (double) columns->n_columns - 1);
}

static void
span_extend (Span   *span,
             double  y0,
             double  y1)
{
  span->lo = MIN (span->lo, MIN (y0, y1));
  span->hi = MAX (span->hi, MAX (y0, y1));
}

/* Adds the part of the segment from @x0, @y0 to @x1, @y1 (pixels,
 * @x0 <= @x1) that crosses each column to that column's span. */
static void
columns_add_segment (PixelColumns *columns,
                     double        x0,
                     double        y0,
                     double        x1,
                     double        y1)
{
  gsize c0 = column_at (columns, x0);
  gsize c1 = column_at (columns, x1);
  double slope;

  if (c0 == c1)
    {
      span_extend (&columns->spans[c0], y0, y1);
      return;
    }

  slope = (y1 - y0) / (x1 - x0);
  for (gsize c = c0; c <= c1; c++)
    {
      double xa = MAX (columns->pixel_x + c, x0);
      double xb = MIN (columns->pixel_x + c + 1, x1);

      span_extend (&columns->spans[c], y0 + (xa - x0) * slope, y0 + (xb - x0) * slope);
    }
}

/* Draws a series that has more points than the plot has pixel columns
 * straight onto the pixel grid: in every column, a bar from the highest
 * to the lowest place the line passes through there, as thick as the
 * line. That is what stroking the whole line paints, at a fraction of
 * the cost. Needs the points sorted by time; returns %FALSE, drawing
 * nothing, when they are not. */
static gboolean
draw_series_on_pixels (cairo_t              *cr,
                       const cairo_matrix_t *to_pixels,
                       const QdChartPoint   *points,
                       gsize                 n,
                       const QdChartColor   *color,
                       const QdChartMetrics *m,
                       const QdChartLayout  *layout)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  g_autofree Span *spans = NULL;
  PixelColumns columns;
  cairo_matrix_t from_pixels;
  double left, right, half, sx = 1, sy = 1, ox = 0, oy = 0;
  double y_before = 0, x_last = 0, y_last = 0;
  guint pen = 0;   /* points drawn since the last gap, up to 2 */
  gssize extra, before, after, last_bar, start = G_MINSSIZE;
  double start_top = 0, start_bottom = 0;

  for (gsize i = 1; i < n; i++)
    if (points[i].time < points[i - 1].time)
      return FALSE;

  left = floor (to_pixels->xx * layout->data_left + to_pixels->x0);
  right = ceil (to_pixels->xx * layout->data_right + to_pixels->x0);
  if (!(right - left >= 1) || right - left > MAX_COLUMNS)
    return FALSE;

  columns.pixel_x = left;
  columns.n_columns = (gsize) (right - left) + 1;
  spans = g_new (Span, columns.n_columns);
  for (gsize c = 0; c < columns.n_columns; c++)
    spans[c] = (Span) { INFINITY, -INFINITY, FALSE };
  columns.spans = spans;

  for (gsize i = 0; i < n; i++)
    {
      double x, y;

      if (!isfinite (points[i].value))
        {
          pen = 0;
          continue;
        }

      x = qd_chart_layout_x_for_time (layout, points[i].time);
      y = qd_chart_layout_y_for_value (layout, points[i].value);
      cairo_matrix_transform_point (to_pixels, &x, &y);
      /* Far outside the image is as good as just outside it. */
      y = CLAMP (y, -1e6, 1e6);

      if (pen == 0)
        columns_add_segment (&columns, x, y, x, y);
      else
        columns_add_segment (&columns, x_last, y_last, x, y);

      if (pen == 2 && (y_last - y_before) * (y - y_last) < 0)
        spans[column_at (&columns, x_last)].turns = TRUE;

      y_before = y_last;
      x_last = x;
      y_last = y;
      pen = MIN (pen + 1, 2);
    }

  /* A line is as wide as it is thick: where it climbs straight up it
   * covers line-width columns, not one. So a column's bar reaches as
   * far as the line in the columns that close: @before to its left,
   * @after to its right. */
  half = fabs (m->line_width * to_pixels->yy) / 2;
  extra = (gssize) CLAMP (round (m->line_width * to_pixels->xx) - 1, 0, 16);
  before = (extra + 1) / 2;
  after = extra - before;
  last_bar = (gssize) columns.n_columns - 1 + before;

  /* Drawn in pixels: undo the surface's scale and offset. */
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_matrix_init (&from_pixels, 1 / sx, 0, 0, 1 / sy, -ox / sx, -oy / sy);

  cairo_save (cr);
  cairo_set_matrix (cr, &from_pixels);
  qd_chart_color_set_source (color, cr);

  /* One more pass than there are bars, to draw the last. */
  for (gssize c = -after; c <= last_bar + 1; c++)
    {
      double top = INFINITY, bottom = -INFINITY;
      gboolean turns = FALSE;

      for (gssize k = MAX (c - before, 0);
           c <= last_bar && k <= MIN (c + after, (gssize) columns.n_columns - 1);
           k++)
        {
          top = MIN (top, spans[k].lo);
          bottom = MAX (bottom, spans[k].hi);
          turns |= spans[k].turns;
        }

      if (top <= bottom)
        {
          /* Where a line zigzags by pixels within a column, the blurred
           * ends of the bars are noise nobody sees: put them on whole
           * pixels, which also makes the image far quicker to compress.
           * Smooth stretches keep their anti-aliased edges. */
          gboolean snap = turns && bottom - top >= 2;

          top -= half;
          bottom += half;
          if (snap)
            {
              top = round (top);
              bottom = MAX (round (bottom), top + 1);
            }
        }

      /* Neighbouring columns alike become one rectangle; each is
       * filled on its own, as cairo would otherwise work out how
       * hundreds of them overlap. */
      if (start != G_MINSSIZE && (top > bottom || top != start_top || bottom != start_bottom))
        {
          cairo_rectangle (cr, left + start, start_top, c - start, start_bottom - start_top);
          cairo_fill (cr);
          start = G_MINSSIZE;
        }
      if (top <= bottom && start == G_MINSSIZE)
        {
          start = c;
          start_top = top;
          start_bottom = bottom;
        }
    }

  cairo_restore (cr);

  return TRUE;
}

static void
draw_series (cairo_t              *cr,
             const QdChartLine    *chart,
             const QdChartPalette *palette,
             const QdChartMetrics *m,
             const QdChartLayout  *layout,
             guint                 index)
{
  const QdChartSeries *series = &chart->series[index];
  const QdChartColor *color = qd_chart_palette_get_series_color (palette, index);
  QdChartMarker marker = qd_chart_marker_for_series (index);
  g_autofree QdChartPoint *reduced = NULL;
  const QdChartPoint *points = series->points;
  gsize n = series->n_points;
  cairo_matrix_t to_pixels;
  guint columns;
  gboolean dense;
  gboolean all_markers;
  gsize last_finite = G_MAXSIZE;
  gboolean pen_down = FALSE;

  if (points == NULL || n == 0)
    return;

  /* More points than the plot is wide: no marker can be told apart, and
   * most points fall on a pixel column another point already covers. */
  columns = device_columns (cr, layout->data_right - layout->data_left);
  dense = n > columns;

  if (dense && pixel_grid (cr, &to_pixels)
      && draw_series_on_pixels (cr, &to_pixels, points, n, color, m, layout))
    {
      /* Drawn on the pixels. */
    }
  else
    {
      cairo_matrix_t to_device, to_user;

      cairo_get_matrix (cr, &to_device);
      to_user = to_device;
      if (cairo_matrix_invert (&to_user) != CAIRO_STATUS_SUCCESS)
        return;

      if (dense)
        {
          double thickness = m->line_width;
          double zero = 0;
          gsize n_reduced = 0;

          /* Keep the lowest and the highest point of every stretch as
           * wide as the line is thick: drawn, that looks the same as
           * the whole series, with a fraction of the points a PDF or
           * the screen has to take. */
          cairo_user_to_device_distance (cr, &thickness, &zero);
          thickness = MAX (hypot (thickness, zero), 1.0);
          reduced = qd_chart_reduce_minmax (points, n, layout->time_min, layout->time_max,
                                            (guint) MAX (floor (columns / thickness), 1),
                                            &n_reduced);
          if (reduced == NULL)
            return;
          points = reduced;
          n = n_reduced;
        }

      cairo_save (cr);
      cairo_new_path (cr);
      qd_chart_color_set_source (color, cr);
      cairo_set_line_width (cr, m->line_width);
      /* Round joins cost a lot on thousands of zigzags, and are not
       * seen there. */
      cairo_set_line_join (cr, dense ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

      for (gsize i = 0; i < n; i++)
        {
          double x, y;

          if (!isfinite (points[i].value))
            {
              pen_down = FALSE;
              continue;
            }

          x = qd_chart_layout_x_for_time (layout, points[i].time);
          y = qd_chart_layout_y_for_value (layout, points[i].value);

          /* A dense line's points on quarters of a device unit (0.09 mm
           * in a PDF): nobody sees the difference, but numbers that
           * short make the PDF a third smaller and quicker to write. */
          if (dense)
            {
              cairo_matrix_transform_point (&to_device, &x, &y);
              x = round (x * 4) / 4;
              y = round (y * 4) / 4;
              cairo_matrix_transform_point (&to_user, &x, &y);
            }

          if (pen_down)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          pen_down = TRUE;
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  all_markers = !dense
                && (n < 2 || (layout->data_right - layout->data_left) / (n - 1)
                             >= m->marker_radius * 4.5);

  for (gsize i = 0; i < n; i++)
    if (isfinite (points[i].value))
      last_finite = i;

  /* Markers: on every point when they have room, otherwise on points
   * standing alone between gaps (a line cannot show them) and on the
   * latest point. */
  for (gsize i = 0; i < n; i++)
    {
      gboolean alone;

      if (!isfinite (points[i].value))
        continue;

      alone = (i == 0 || !isfinite (points[i - 1].value))
              && (i + 1 == n || !isfinite (points[i + 1].value));

      if (all_markers || alone || i == last_finite)
        qd_chart_draw_marker (cr, marker,
                              qd_chart_layout_x_for_time (layout, points[i].time),
                              qd_chart_layout_y_for_value (layout, points[i].value),
                              i == last_finite ? m->marker_radius * 1.15 : m->marker_radius,
                              color, &palette->background);
    }
}

static void
draw_no_data (cairo_t              *cr,
              const QdChartPalette *palette,
              QdChartText          *text,
              const QdChartLayout  *layout)
{
  g_autoptr(PangoLayout) label = NULL;
  double w, h, x, y;

  if (layout->plot.height < text->line_height[QD_CHART_TEXT_BODY] * 1.5)
    return;

  label = _qd_chart_text_layout (text, QD_CHART_TEXT_BODY, _("No data"), layout->plot.width);
  _qd_chart_layout_size (label, &w, &h);
  x = layout->plot.x + (layout->plot.width - w) / 2;
  y = layout->plot.y + (layout->plot.height - h) / 2;

  /* Over the grid and the target line, which cross the middle. */
  if (palette->background.alpha > 0)
    {
      cairo_save (cr);
      qd_chart_color_set_source (&palette->background, cr);
      cairo_rectangle (cr, x - 6, y, w + 12, h);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  _qd_chart_show_layout (cr, label, x, y, &palette->dim_foreground);
}

/**
 * qd_chart_line_draw:
 * @cr: where to draw: a widget snapshot, an image, a PDF or SVG page,
 *   a print context
 * @chart: the data
 * @palette: the look
 * @width: the size of the chart in @cr's user space, from 0,0
 * @height: the size of the chart in @cr's user space, from 0,0
 *
 * Draws the line chart: background, title, legend (marker and label per
 * series), round value ticks with a light grid, dates along the time
 * axis, the dashed and labelled target line, and one line per series
 * with a gap wherever a value is missing. A series with more points than
 * the plot has columns is drawn without markers: on an image, column by
 * column (the stretch of each pixel column the line passes through);
 * elsewhere (PDF, SVG, the screen) through the lowest and the highest
 * point of every stretch as wide as the line is thick. Both look the
 * same as the whole series, for far less work. Whatever does not fit at
 * this size is left out; any size is safe.
 */
void
qd_chart_line_draw (cairo_t              *cr,
                    const QdChartLine    *chart,
                    const QdChartPalette *palette,
                    double                width,
                    double                height)
{
  QdChartText text;
  QdChartMetrics m;
  QdChartLayout layout;
  gsize n_finite = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL);
  g_return_if_fail (palette != NULL);

  _qd_chart_text_init (&text, palette);
  compute_layout (chart, palette, &text, width, height, &layout);
  _qd_chart_metrics_init (&m, palette, layout.width, layout.height);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout.width, layout.height);
  cairo_clip (cr);

  _qd_chart_fill_background (cr, palette, layout.width, layout.height);

  if (layout.show_title)
    {
      g_autoptr(PangoLayout) title = _qd_chart_text_layout (&text, QD_CHART_TEXT_TITLE,
                                                            chart->title,
                                                            layout.width - 2 * m.padding);

      _qd_chart_show_layout (cr, title, m.padding, layout.title_y, &palette->foreground);
    }

  if (layout.show_legend)
    legend_flow (chart, palette, &text, &m, layout.legend.x, layout.legend.y,
                 layout.legend.width, cr);

  draw_value_axis (cr, chart, palette, &text, &m, &layout);
  draw_time_axis (cr, palette, &text, &m, &layout);
  draw_target_line (cr, chart, palette, &m, &layout);
  draw_target_label (cr, chart, palette, &text, &layout);

  if (layout.plot.width > 0 && layout.plot.height > 0 && chart->series != NULL)
    {
      double margin = m.marker_radius * 1.5 + 2;

      cairo_save (cr);
      cairo_rectangle (cr, layout.plot.x - margin, layout.plot.y - margin,
                       layout.plot.width + 2 * margin, layout.plot.height + 2 * margin);
      cairo_clip (cr);

      for (guint s = 0; s < chart->n_series; s++)
        draw_series (cr, chart, palette, &m, &layout, s);

      cairo_restore (cr);
    }

  for (guint s = 0; chart->series != NULL && s < chart->n_series; s++)
    for (gsize i = 0; chart->series[s].points != NULL && i < chart->series[s].n_points && n_finite == 0; i++)
      if (isfinite (chart->series[s].points[i].value))
        n_finite++;

  if (n_finite == 0)
    draw_no_data (cr, palette, &text, &layout);

  cairo_restore (cr);
  _qd_chart_text_clear (&text);
}

/**
 * qd_chart_line_draw_highlight:
 * @layout: the layout the chart was drawn with
 * @hit: the point from qd_chart_line_hit_test()
 *
 * Draws the hover emphasis over a drawn chart: a thin vertical guide
 * through the point and a larger marker on it.
 */
void
qd_chart_line_draw_highlight (cairo_t              *cr,
                              const QdChartLine    *chart,
                              const QdChartPalette *palette,
                              const QdChartLayout  *layout,
                              const QdChartHit     *hit)
{
  QdChartMetrics m;
  double x;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL);
  g_return_if_fail (palette != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (hit != NULL);

  if (hit->series >= chart->n_series)
    return;

  _qd_chart_metrics_init (&m, palette, layout->width, layout->height);

  cairo_save (cr);
  x = _qd_chart_snap (cr, hit->x, 1.0, TRUE);
  qd_chart_color_set_source (&palette->dim_foreground, cr);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, x, layout->plot.y);
  cairo_line_to (cr, x, layout->plot.y + layout->plot.height);
  cairo_stroke (cr);
  cairo_restore (cr);

  qd_chart_draw_marker (cr, qd_chart_marker_for_series (hit->series), hit->x, hit->y,
                        m.marker_radius * 1.7,
                        qd_chart_palette_get_series_color (palette, hit->series),
                        &palette->background);
}

/* Hit testing */

static void
consider_point (const QdChartLayout *layout,
                const QdChartPoint  *point,
                guint                series,
                gsize                index,
                double               x,
                double               y,
                double              *best,
                QdChartHit          *hit)
{
  double px, py, dx, dy, score;

  if (!isfinite (point->value))
    return;

  px = qd_chart_layout_x_for_time (layout, point->time);
  py = qd_chart_layout_y_for_value (layout, point->value);
  dx = px - x;
  dy = py - y;
  /* Hovering is mostly about "when": x counts more than y. */
  score = dx * dx + dy * dy * 0.25;

  if (score < *best)
    {
      *best = score;
      hit->series = series;
      hit->index = index;
      hit->time = point->time;
      hit->value = point->value;
      hit->x = px;
      hit->y = py;
    }
}

/**
 * qd_chart_line_hit_test:
 * @layout: the layout the chart was drawn with
 * @x: the pointer
 * @y: the pointer
 * @hit: (out caller-allocates): the nearest point
 *
 * Finds the point nearest the pointer, mostly by time and then by value,
 * among all series. Points without a value are never hit.
 *
 * Returns: %TRUE if the pointer is over the plot and a point was found
 */
gboolean
qd_chart_line_hit_test (const QdChartLine   *chart,
                        const QdChartLayout *layout,
                        double               x,
                        double               y,
                        QdChartHit          *hit)
{
  const QdChartRect *plot;
  double best = INFINITY;
  gint64 t;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  plot = &layout->plot;

  if (!isfinite (x) || !isfinite (y)
      || x < plot->x - HIT_TOLERANCE || x > plot->x + plot->width + HIT_TOLERANCE
      || y < plot->y - HIT_TOLERANCE || y > plot->y + plot->height + HIT_TOLERANCE)
    return FALSE;

  t = qd_chart_layout_time_for_x (layout, x);

  for (guint s = 0; chart->series != NULL && s < chart->n_series; s++)
    {
      const QdChartPoint *points = chart->series[s].points;
      gsize n = chart->series[s].n_points;
      gsize lo = 0, hi = n;

      if (points == NULL || n == 0)
        continue;

      /* The first point at or after t. */
      while (lo < hi)
        {
          gsize mid = lo + (hi - lo) / 2;

          if (points[mid].time < t)
            lo = mid + 1;
          else
            hi = mid;
        }

      for (gsize i = lo; i < n; i++)
        {
          double dx = qd_chart_layout_x_for_time (layout, points[i].time) - x;

          if (dx * dx > best)
            break;
          consider_point (layout, &points[i], s, i, x, y, &best, hit);
        }

      for (gsize i = lo; i-- > 0;)
        {
          double dx = qd_chart_layout_x_for_time (layout, points[i].time) - x;

          if (dx * dx > best)
            break;
          consider_point (layout, &points[i], s, i, x, y, &best, hit);
        }
    }

  return isfinite (best);
}

/**
 * qd_chart_line_format_readout:
 * @series: index of the series
 * @index: index of the point
 *
 * Returns: (transfer full) (nullable): what a hover read-out says, e.g.
 *   "Ana Ruiz · 12 May 2026 · 94.1 %", "Ana Ruiz · Week of 5 Oct 2026 ·
 *   94.1 %", "October 2026 · 94.1 %", or %NULL for a point that does
 *   not exist
 */
char *
qd_chart_line_format_readout (const QdChartLine *chart,
                              guint              series,
                              gsize              index)
{
  const QdChartSeries *s;
  g_autofree char *date = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (chart != NULL, NULL);

  if (chart->series == NULL || series >= chart->n_series)
    return NULL;

  s = &chart->series[series];
  if (s->points == NULL || index >= s->n_points)
    return NULL;

  date = qd_chart_format_period (s->points[index].time, resolve_period (chart));
  value = qd_chart_format_value (chart->unit, s->points[index].value, QD_CHART_DECIMALS_READOUT);

  if (has_text (s->label))
    /* Translators: a hover read-out: series, date, value */
    return g_strdup_printf (_("%s · %s · %s"), s->label, date, value);

  /* Translators: a hover read-out: date, value */
  return g_strdup_printf (_("%s · %s"), date, value);
}

/* Description */

static gboolean
series_first_last (const QdChartSeries *series,
                   gsize               *first,
                   gsize               *last)
{
  gboolean found = FALSE;

  if (series->points == NULL)
    return FALSE;

  for (gsize i = 0; i < series->n_points; i++)
    {
      if (!isfinite (series->points[i].value))
        continue;
      if (!found)
        *first = i;
      *last = i;
      found = TRUE;
    }

  return found;
}

/* "rose from 91.2 % to 94.0 % (better)", "stayed at 92.0 %", "no data" */
static char *
describe_trend (const QdChartLine   *chart,
                const QdChartSeries *series,
                QdChartPeriod        period,
                gsize               *last_index)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gsize first = 0, last = 0;
  double a, b;
  const char *judgement = NULL;

  if (!series_first_last (series, &first, &last))
    return g_strdup (_("no data"));

  *last_index = last;
  a = series->points[first].value;
  b = series->points[last].value;
  from = qd_chart_format_value (chart->unit, a, QD_CHART_DECIMALS_READOUT);
  to = qd_chart_format_value (chart->unit, b, QD_CHART_DECIMALS_READOUT);

  if (first == last)
    {
      gint64 time = series->points[last].time;
      g_autofree char *date = NULL;

      switch (period)
        {
        case QD_CHART_PERIOD_WEEK:
          date = qd_chart_format_date (time, period);
          /* Translators: a single weekly value, e.g. "94.1 % in the week of 5 Oct 2026" */
          return g_strdup_printf (_("%s in the week of %s"), to, date);

        case QD_CHART_PERIOD_MONTH:
        case QD_CHART_PERIOD_QUARTER:
        case QD_CHART_PERIOD_YEAR:
          date = qd_chart_format_period (time, period);
          /* Translators: a single value and its period, e.g. "94.1 % in October 2026" */
          return g_strdup_printf (_("%s in %s"), to, date);

        case QD_CHART_PERIOD_AUTO:
        case QD_CHART_PERIOD_INSTANT:
        case QD_CHART_PERIOD_DAY:
        default:
          date = qd_chart_format_period (time, period);
          /* Translators: a single value and when, e.g. "94.1 % on 12 May 2026" */
          return g_strdup_printf (_("%s on %s"), to, date);
        }
    }

  if (g_strcmp0 (from, to) == 0)
    /* Translators: a flat trend, e.g. "stayed at 92.0 %" */
    return g_strdup_printf (_("stayed at %s"), to);

  if ((b > a && chart->better == QD_CHART_BETTER_HIGHER)
      || (b < a && chart->better == QD_CHART_BETTER_LOWER))
    judgement = _("better");
  else if (chart->better != QD_CHART_BETTER_NONE)
    judgement = _("worse");

  if (judgement != NULL)
    return g_strdup_printf (b > a
                            /* Translators: e.g. "rose from 91.2 % to 94.0 % (better)" */
                            ? _("rose from %s to %s (%s)")
                            /* Translators: e.g. "fell from 2 h to 1 h 30 min (better)" */
                            : _("fell from %s to %s (%s)"),
                            from, to, judgement);

  return g_strdup_printf (b > a ? _("rose from %s to %s") : _("fell from %s to %s"), from, to);
}

static const char *
describe_against_target (const QdChartLine   *chart,
                         const QdChartSeries *series,
                         gsize                last)
{
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;
  double v = series->points[last].value;

  value = qd_chart_format_value (chart->unit, v, QD_CHART_DECIMALS_READOUT);
  target = qd_chart_format_value (chart->unit, chart->target, QD_CHART_DECIMALS_READOUT);

  if (g_strcmp0 (value, target) == 0)
    return _("last value at target");
  if (v > chart->target)
    return _("last value above target");

  return _("last value below target");
}

/**
 * qd_chart_line_describe:
 *
 * Describes the chart in words for screen readers and alt text, e.g.
 * "CSAT for Tier 1, weekly, 3 Aug – 26 Oct 2026: rose from 91.2 % to
 * 94.0 %; target 95 %, last value below target."
 *
 * Returns: (transfer full): the description
 */
char *
qd_chart_line_describe (const QdChartLine *chart)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autofree char *target = NULL;
  QdChartPeriod period;
  const char *adjective;
  Summary summary;
  gboolean target_known;
  guint n_series = 0;

  g_return_val_if_fail (chart != NULL, NULL);

  summarize (chart, &summary);
  period = resolve_period (chart);
  adjective = qd_chart_period_adjective (period);
  target_known = chart->has_target && isfinite (chart->target);
  if (target_known)
    target = qd_chart_format_value (chart->unit, chart->target, QD_CHART_DECIMALS_TRIM);

  g_string_append (str, has_text (chart->title) ? chart->title : _("Chart"));
  if (summary.have_time)
    {
      g_autofree char *range = qd_chart_format_date_range (summary.time_min, summary.time_max, period);

      if (adjective != NULL)
        g_string_append_printf (str, ", %s", adjective);
      g_string_append_printf (str, ", %s", range);
    }
  g_string_append (str, ": ");

  for (guint s = 0; chart->series != NULL && s < chart->n_series; s++)
    if (chart->series[s].n_points > 0 && chart->series[s].points != NULL)
      n_series++;

  if (summary.n_finite == 0)
    {
      g_string_append (str, _("no data"));
      if (target_known)
        /* Translators: appended to a chart description, e.g. "; target 95 %" */
        g_string_append_printf (str, _("; target %s"), target);
      g_string_append (str, ".");
      return g_string_free (g_steal_pointer (&str), FALSE);
    }

  if (n_series == 1)
    {
      const QdChartSeries *series = NULL;
      g_autofree char *trend = NULL;
      gsize last = 0;

      for (guint s = 0; s < chart->n_series && series == NULL; s++)
        if (chart->series[s].n_points > 0 && chart->series[s].points != NULL)
          series = &chart->series[s];

      trend = describe_trend (chart, series, period, &last);
      g_string_append (str, trend);
      if (target_known)
        /* Translators: e.g. "; target 95 %, last value below target" */
        g_string_append_printf (str, _("; target %s, %s"), target,
                                describe_against_target (chart, series, last));
    }
  else
    {
      gboolean first = TRUE;

      if (target_known)
        /* Translators: starts the per-series part of a description */
        g_string_append_printf (str, _("target %s. "), target);

      for (guint s = 0; s < chart->n_series; s++)
        {
          const QdChartSeries *series = &chart->series[s];
          g_autofree char *trend = NULL;
          gsize last = 0;
          gsize unused = 0;

          if (series->n_points == 0 || series->points == NULL)
            continue;

          if (!first)
            g_string_append (str, "; ");
          first = FALSE;

          trend = describe_trend (chart, series, period, &last);
          if (has_text (series->label))
            g_string_append_printf (str, "%s %s", series->label, trend);
          else
            /* Translators: an unnamed line in a chart, numbered from 1 */
            g_string_append_printf (str, _("Series %u %s"), s + 1, trend);

          if (target_known && series_first_last (series, &unused, &last))
            g_string_append_printf (str, ", %s", describe_against_target (chart, series, last));
        }
    }

  g_string_append (str, ".");

  return g_string_free (g_steal_pointer (&str), FALSE);
}
