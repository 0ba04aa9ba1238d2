/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qd-chart-private.h"

#define VALUE_LIMIT 1e300

/* What arithmetic leaves on a value that is really 100 %. */
#define PERCENT_SLACK 1e-6

static const double style_scale[QD_CHART_N_TEXT_STYLES] = {
  [QD_CHART_TEXT_BODY] = 1.0,
  [QD_CHART_TEXT_SMALL] = 0.88,
  [QD_CHART_TEXT_TITLE] = 1.2,
};

void
_qd_chart_text_init (QdChartText          *text,
                     const QdChartPalette *palette)
{
  cairo_font_options_t *options;
  double size;

  memset (text, 0, sizeof *text);

  text->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (text->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (text->context, FALSE);

  size = palette->font_size > 0 && isfinite (palette->font_size) ? palette->font_size : 13.0;

  for (guint i = 0; i < QD_CHART_N_TEXT_STYLES; i++)
    {
      PangoFontDescription *font = pango_font_description_from_string (
          palette->font_family[0] != '\0' ? palette->font_family : "sans-serif");
      PangoFontMetrics *metrics;

      pango_font_description_set_absolute_size (font, size * style_scale[i] * PANGO_SCALE);
      if (i == QD_CHART_TEXT_TITLE)
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      text->fonts[i] = font;

      metrics = pango_context_get_metrics (text->context, font, NULL);
      text->line_height[i] = (double) (pango_font_metrics_get_ascent (metrics)
                                       + pango_font_metrics_get_descent (metrics)) / PANGO_SCALE;
      pango_font_metrics_unref (metrics);
      if (!(text->line_height[i] > 0))
        text->line_height[i] = size * style_scale[i] * 1.2;
    }
}

void
_qd_chart_text_clear (QdChartText *text)
{
  for (guint i = 0; i < QD_CHART_N_TEXT_STYLES; i++)
    g_clear_pointer (&text->fonts[i], pango_font_description_free);
  g_clear_object (&text->context);
}

/* A one-line layout; with @max_width > 0 it is ellipsized at the end to
 * fit. */
PangoLayout *
_qd_chart_text_layout (QdChartText      *text,
                       QdChartTextStyle  style,
                       const char       *str,
                       double            max_width)
{
  PangoLayout *layout = pango_layout_new (text->context);

  pango_layout_set_font_description (layout, text->fonts[style]);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, str != NULL ? str : "", -1);

  if (max_width > 0 && isfinite (max_width))
    {
      pango_layout_set_width (layout, (int) MIN (max_width * PANGO_SCALE, G_MAXINT / 2));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

void
_qd_chart_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* Draws @layout with its logical top-left corner at @x, @y. */
void
_qd_chart_show_layout (cairo_t            *cr,
                       PangoLayout        *layout,
                       double              x,
                       double              y,
                       const QdChartColor *color)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  cairo_save (cr);
  qd_chart_color_set_source (color, cr);
  cairo_move_to (cr, x - (double) logical.x / PANGO_SCALE, y - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
_qd_chart_metrics_init (QdChartMetrics       *metrics,
                        const QdChartPalette *palette,
                        double                width,
                        double                height)
{
  double em = palette->font_size > 0 && isfinite (palette->font_size) ? palette->font_size : 13.0;
  double smallest = MIN (width, height);

  metrics->padding = CLAMP (smallest * 0.05, 1.0, em);
  metrics->gap = em * 0.6;
  metrics->tick_length = MAX (2.0, em * 0.3);
  metrics->marker_radius = MAX (2.5, em * 0.3);
  metrics->line_width = MAX (1.5, em * 0.16);
  metrics->target_width = 2.0;
  metrics->swatch_width = em * 1.8;

  /* Very small charts get thinner strokes. */
  if (smallest < 60)
    {
      metrics->marker_radius = MAX (1.5, smallest * 0.06);
      metrics->line_width = MAX (1.0, MIN (metrics->line_width, smallest * 0.05));
      metrics->target_width = MAX (1.0, MIN (2.0, smallest * 0.05));
    }
}

/* Moves @position so that a line of @line_width along it covers whole
 * device pixels; @vertical for a vertical line (position is an x). */
double
_qd_chart_snap (cairo_t  *cr,
                double    position,
                double    line_width,
                gboolean  vertical)
{
  double x = vertical ? position : 0;
  double y = vertical ? 0 : position;
  double dw = line_width;
  double dh = line_width;
  double device_width;
  double snapped;

  if (!isfinite (position))
    return position;

  cairo_user_to_device (cr, &x, &y);
  cairo_user_to_device_distance (cr, &dw, &dh);
  device_width = fabs (vertical ? dw : dh);
  if (!(device_width > 0))
    return position;

  if (((long) round (device_width)) % 2 == 1)
    snapped = floor (vertical ? x : y) + 0.5;
  else
    snapped = round (vertical ? x : y);

  if (vertical)
    x = snapped;
  else
    y = snapped;

  cairo_device_to_user (cr, &x, &y);

  return vertical ? x : y;
}

void
_qd_chart_fill_background (cairo_t              *cr,
                           const QdChartPalette *palette,
                           double                width,
                           double                height)
{
  if (palette->background.alpha <= 0)
    return;

  cairo_save (cr);
  qd_chart_color_set_source (&palette->background, cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
_qd_chart_sanitize_size (double *width,
                         double *height)
{
  if (!isfinite (*width) || *width < 0)
    *width = 0;
  if (!isfinite (*height) || *height < 0)
    *height = 0;
  *width = MIN (*width, 1e6);
  *height = MIN (*height, 1e6);
}

double
_qd_chart_clamp_value (double value)
{
  if (isnan (value))
    return value;

  return CLAMP (value, -VALUE_LIMIT, VALUE_LIMIT);
}

/* @time + @seconds, saturating instead of overflowing. */
gint64
_qd_chart_time_add (gint64 time,
                    gint64 seconds)
{
  if (seconds > 0 && time > G_MAXINT64 - seconds)
    return G_MAXINT64;
  if (seconds < 0 && time < G_MININT64 - seconds)
    return G_MININT64;

  return time + seconds;
}

/* The value range an axis must show: the data and the target, zero for
 * counts and durations (so the height of the line is honest) or when
 * @include_zero, and a little room above and below. */
void
_qd_chart_value_range (QdChartUnit  unit,
                       double       data_min,
                       double       data_max,
                       gboolean     has_target,
                       double       target,
                       gboolean     include_zero,
                       double      *lo,
                       double      *hi)
{
  gboolean have = isfinite (data_min) && isfinite (data_max);
  gboolean from_zero;
  double min, max, span;

  if (have)
    {
      min = _qd_chart_clamp_value (data_min);
      max = _qd_chart_clamp_value (data_max);
    }
  else
    {
      min = G_MAXDOUBLE;
      max = -G_MAXDOUBLE;
    }

  if (has_target && isfinite (target))
    {
      target = _qd_chart_clamp_value (target);
      min = MIN (min, target);
      max = MAX (max, target);
      have = TRUE;
    }

  /* 100.0000001 % is 100 % give or take a rounding error: it must not
   * stretch the axis past 100 %. Likewise just below 0 %. */
  if (unit == QD_CHART_UNIT_PERCENT && have)
    {
      if (max > 100 && max < 100 + PERCENT_SLACK)
        max = 100;
      if (min < 0 && min > -PERCENT_SLACK)
        min = 0;
      min = MIN (min, max);
    }

  if (!have)
    {
      *lo = 0;
      *hi = unit == QD_CHART_UNIT_PERCENT ? 100 : unit == QD_CHART_UNIT_MINUTES ? 60 : 1;
      return;
    }

  from_zero = include_zero
              || (min >= 0 && (unit == QD_CHART_UNIT_COUNT
                               || unit == QD_CHART_UNIT_MINUTES
                               || unit == QD_CHART_UNIT_HOURS));
  if (from_zero)
    {
      min = MIN (min, 0);
      max = MAX (max, 0);
    }

  span = max - min;
  if (span <= MAX (fabs (min), fabs (max)) * 1e-9)
    {
      /* All values equal: centre them. */
      double d = max == 0 ? 1 : fabs (max) * 0.1;

      if (unit == QD_CHART_UNIT_PERCENT)
        d = MAX (MIN (d, 5), 1);
      if (from_zero && max == 0)
        {
          min = 0;
          max = 1;
        }
      else if (from_zero)
        max += d;
      else
        {
          double value = max;

          min -= d;
          max += d;
          if (unit == QD_CHART_UNIT_PERCENT && value <= 100 && max > 100)
            {
              max = 100;
              min = 100 - 2 * d;
            }
          if (unit == QD_CHART_UNIT_PERCENT && value >= 0 && min < 0)
            {
              min = 0;
              max = 2 * d;
            }
        }
    }
  else
    {
      double pad = span * 0.06;
      double new_min = from_zero && min >= 0 ? min : min - pad;
      double new_max = from_zero && max <= 0 ? max : max + pad;

      if (unit == QD_CHART_UNIT_PERCENT)
        {
          if (min >= 0)
            new_min = MAX (new_min, 0);
          if (max <= 100)
            new_max = MIN (new_max, 100);
        }
      min = new_min;
      max = new_max;
    }

  *lo = _qd_chart_clamp_value (min);
  *hi = _qd_chart_clamp_value (max);
}

/* A percent axis ends at 100 % and starts at 0 %: when the values go
 * past one of them by less than a step (a score of 101 %), the ticks
 * stop at the round number and the axis goes just far enough for the
 * values, instead of adding a "110 %" or "−10 %" tick. Values far past
 * 100 % (a percentage of plan can be 150 %) keep their ticks. Call it
 * after choosing @ticks for @lo to @hi; @value_min and @value_max are
 * the ends of the axis. */
void
_qd_chart_fit_percent_ticks (QdChartUnit   unit,
                             double        lo,
                             double        hi,
                             QdChartTicks *ticks,
                             double       *value_min,
                             double       *value_max)
{
  guint n = ticks->n_ticks;
  double eps = ticks->step * 1e-6;

  if (unit != QD_CHART_UNIT_PERCENT || !(ticks->step > 0))
    return;

  if (n >= 3 && ticks->values[n - 1] > 100 + eps && fabs (ticks->values[n - 2] - 100) <= eps)
    {
      n--;
      ticks->values[n - 1] = 100;
      ticks->max = 100;
      *value_max = MAX (hi, 100);
    }

  if (n >= 3 && ticks->values[0] < -eps && fabs (ticks->values[1]) <= eps)
    {
      memmove (ticks->values, ticks->values + 1, (n - 1) * sizeof ticks->values[0]);
      n--;
      ticks->values[0] = 0;
      ticks->min = 0;
      *value_min = MIN (lo, 0);
    }

  ticks->n_ticks = n;
}

/* How many ticks fit along @length when each needs @spacing. */
guint
_qd_chart_max_ticks (double length,
                     double spacing)
{
  double n;

  if (!(spacing > 0) || !(length > 0))
    return 2;

  n = floor (length / spacing) + 1;

  return (guint) CLAMP (n, 2, 8);
}

void
_qd_chart_draw_target_line (cairo_t              *cr,
                            const QdChartPalette *palette,
                            double                x0,
                            double                y0,
                            double                x1,
                            double                y1,
                            double                line_width)
{
  double dashes[] = { 3 * line_width, 2 * line_width };

  cairo_save (cr);
  qd_chart_color_set_source (&palette->target, cr);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}
