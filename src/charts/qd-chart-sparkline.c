/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-chart-sparkline"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qd-chart-sparkline.h"
#include "qd-chart-private.h"
#include "qd-chart-reduce.h"

static double
inset_for (double width,
           double height)
{
  /* Room for the latest-point dot. */
  return CLAMP (MIN (width, height) * 0.12, 0.5, 3.5);
}

static double
dot_radius_for (double width,
                double height)
{
  return CLAMP (MIN (width, height) * 0.09, 1.0, 2.75);
}

/**
 * qd_chart_sparkline_layout:
 * @layout: (out caller-allocates): the mapping used to draw; only the
 *   plot, data and value/time ranges are set
 *
 * Computes how qd_chart_sparkline_draw() maps values to this size.
 */
void
qd_chart_sparkline_layout (const QdChartSparkline *spark,
                           double                  width,
                           double                  height,
                           QdChartLayout          *layout)
{
  double lo = NAN, hi = NAN, inset, pad;
  gboolean have_time = FALSE;

  g_return_if_fail (spark != NULL);
  g_return_if_fail (layout != NULL);

  memset (layout, 0, sizeof *layout);
  _qd_chart_sanitize_size (&width, &height);
  layout->width = width;
  layout->height = height;
  layout->period = QD_CHART_PERIOD_DAY;

  for (gsize i = 0; spark->points != NULL && i < spark->n_points; i++)
    {
      const QdChartPoint *p = &spark->points[i];

      if (!have_time)
        {
          layout->time_min = layout->time_max = p->time;
          have_time = TRUE;
        }
      layout->time_min = MIN (layout->time_min, p->time);
      layout->time_max = MAX (layout->time_max, p->time);

      if (isfinite (p->value))
        {
          double v = _qd_chart_clamp_value (p->value);

          lo = isnan (lo) ? v : MIN (lo, v);
          hi = isnan (hi) ? v : MAX (hi, v);
        }
    }

  if (spark->has_target && isfinite (spark->target))
    {
      double t = _qd_chart_clamp_value (spark->target);

      lo = isnan (lo) ? t : MIN (lo, t);
      hi = isnan (hi) ? t : MAX (hi, t);
    }
  if (spark->has_band && isfinite (spark->band_low) && isfinite (spark->band_high))
    {
      double a = _qd_chart_clamp_value (MIN (spark->band_low, spark->band_high));
      double b = _qd_chart_clamp_value (MAX (spark->band_low, spark->band_high));

      lo = isnan (lo) ? a : MIN (lo, a);
      hi = isnan (hi) ? b : MAX (hi, b);
    }

  if (isnan (lo))
    {
      lo = 0;
      hi = 1;
    }
  pad = (hi - lo) * 0.08;
  if (!(pad > 0) || !isfinite (pad))
    pad = lo == 0 ? 1 : fabs (lo) * 0.1;
  layout->value_min = _qd_chart_clamp_value (lo - pad);
  layout->value_max = _qd_chart_clamp_value (hi + pad);
  if (!(layout->value_max > layout->value_min))
    layout->value_max = layout->value_min + 1;

  if (!have_time || layout->time_min == layout->time_max)
    {
      layout->time_min = have_time ? _qd_chart_time_add (layout->time_min, -1) : 0;
      layout->time_max = have_time ? _qd_chart_time_add (layout->time_max, 1) : 1;
    }

  inset = inset_for (width, height);
  layout->plot.x = 0;
  layout->plot.y = MIN (inset, height / 2);
  layout->plot.width = width;
  layout->plot.height = MAX (height - 2 * inset, 0);
  layout->data_left = MIN (inset, width / 2);
  layout->data_right = MAX (width - inset, layout->data_left);
}

/**
 * qd_chart_sparkline_draw:
 *
 * Draws a sparkline filling @width × @height: the band, the dashed
 * target line, the line with gaps, and a dot on the latest value. The
 * background is filled only when the palette's background is opaque
 * enough to want it (alpha > 0); set alpha to 0 inside list rows.
 */
void
qd_chart_sparkline_draw (cairo_t                *cr,
                         const QdChartSparkline *spark,
                         const QdChartPalette   *palette,
                         double                  width,
                         double                  height)
{
  QdChartLayout layout;
  const QdChartColor *color;
  g_autofree QdChartPoint *reduced = NULL;
  const QdChartPoint *points;
  gsize n;
  gsize last = G_MAXSIZE;
  gboolean pen_down = FALSE;
  double line_width;
  double columns_x = 1, columns_y = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (spark != NULL);
  g_return_if_fail (palette != NULL);

  qd_chart_sparkline_layout (spark, width, height, &layout);
  if (layout.width <= 0 || layout.height <= 0)
    return;

  color = qd_chart_palette_get_series_color (palette, spark->color_index);
  line_width = CLAMP (MIN (layout.width, layout.height) * 0.06, 1.0, 1.75);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout.width, layout.height);
  cairo_clip (cr);

  _qd_chart_fill_background (cr, palette, layout.width, layout.height);

  if (spark->has_band && isfinite (spark->band_low) && isfinite (spark->band_high))
    {
      double y0 = qd_chart_layout_y_for_value (&layout, MAX (spark->band_low, spark->band_high));
      double y1 = qd_chart_layout_y_for_value (&layout, MIN (spark->band_low, spark->band_high));

      cairo_save (cr);
      cairo_set_source_rgba (cr, palette->target.red, palette->target.green,
                             palette->target.blue, palette->target.alpha * 0.12);
      cairo_rectangle (cr, 0, y0, layout.width, y1 - y0);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  if (spark->has_target && isfinite (spark->target))
    {
      double y = _qd_chart_snap (cr, qd_chart_layout_y_for_value (&layout, spark->target), 1.0, FALSE);

      _qd_chart_draw_target_line (cr, palette, 0, y, layout.width, y, 1.0);
    }

  points = spark->points;
  n = points != NULL ? spark->n_points : 0;

  columns_x = layout.width;
  cairo_user_to_device_distance (cr, &columns_x, &columns_y);
  columns_x = CLAMP (ceil (fabs (columns_x)), 1, 100000);
  if (n > (gsize) columns_x * 2)
    {
      gsize n_reduced = 0;

      reduced = qd_chart_reduce_minmax (points, n, layout.time_min, layout.time_max,
                                        (guint) columns_x, &n_reduced);
      points = reduced;
      n = n_reduced;
    }

  cairo_save (cr);
  qd_chart_color_set_source (color, cr);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (gsize i = 0; i < n; i++)
    {
      double x, y;

      if (!isfinite (points[i].value))
        {
          pen_down = FALSE;
          continue;
        }
      x = qd_chart_layout_x_for_time (&layout, points[i].time);
      y = qd_chart_layout_y_for_value (&layout, points[i].value);
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
      last = i;
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Points alone between gaps, and the latest value. */
  for (gsize i = 0; i < n; i++)
    {
      gboolean alone;

      if (!isfinite (points[i].value))
        continue;
      alone = (i == 0 || !isfinite (points[i - 1].value))
              && (i + 1 == n || !isfinite (points[i + 1].value));
      if (alone || i == last)
        qd_chart_draw_marker (cr, QD_CHART_MARKER_CIRCLE,
                              qd_chart_layout_x_for_time (&layout, points[i].time),
                              qd_chart_layout_y_for_value (&layout, points[i].value),
                              i == last ? dot_radius_for (layout.width, layout.height)
                                        : line_width,
                              color, NULL);
    }

  cairo_restore (cr);
}
