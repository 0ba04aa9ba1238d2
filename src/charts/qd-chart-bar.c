/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-chart-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "qd-chart-bar.h"
#include "qd-chart-format.h"
#include "qd-chart-private.h"

#define MAX_LISTED_ITEMS 10

static gboolean
has_text (const char *str)
{
  return str != NULL && *str != '\0';
}

static gboolean
is_horizontal (const QdChartBarLayout *layout)
{
  return layout->orientation != QD_CHART_BAR_VERTICAL;
}

static char *
format_item_value (const QdChartBar *chart,
                   double            value)
{
  return qd_chart_format_value (chart->unit, value, QD_CHART_DECIMALS_READOUT);
}

static char *
target_label_text (const QdChartBar *chart)
{
  g_autofree char *value = qd_chart_format_value (chart->unit, chart->target,
                                                  QD_CHART_DECIMALS_TRIM);

  /* Translators: the label of the target line, e.g. "Target 300" */
  return g_strdup_printf (_("Target %s"), value);
}

static void
data_range (const QdChartBar *chart,
            double           *min,
            double           *max)
{
  *min = NAN;
  *max = NAN;

  for (guint i = 0; chart->items != NULL && i < chart->n_items; i++)
    {
      double v = chart->items[i].value;

      if (!isfinite (v))
        continue;
      *min = isnan (*min) ? v : MIN (*min, v);
      *max = isnan (*max) ? v : MAX (*max, v);
    }
}

/* The widest value label, measured. */
static double
widest_value_label (const QdChartBar *chart,
                    QdChartText      *text)
{
  double widest = 0;

  for (guint i = 0; chart->items != NULL && i < chart->n_items; i++)
    {
      g_autofree char *str = format_item_value (chart, chart->items[i].value);
      g_autoptr(PangoLayout) label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);
      double w;

      _qd_chart_layout_size (label, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

static double
widest_category_label (const QdChartBar *chart,
                       QdChartText      *text)
{
  double widest = 0;

  for (guint i = 0; chart->items != NULL && i < chart->n_items; i++)
    {
      g_autoptr(PangoLayout) label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL,
                                                            chart->items[i].label, -1);
      double w;

      _qd_chart_layout_size (label, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

static double
widest_tick_label (const QdChartBar       *chart,
                   const QdChartBarLayout *layout,
                   QdChartText            *text)
{
  double widest = 0;

  for (guint i = 0; i < layout->value_ticks.n_ticks; i++)
    {
      g_autofree char *str = qd_chart_ticks_format (&layout->value_ticks, chart->unit, i);
      g_autoptr(PangoLayout) label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);
      double w;

      _qd_chart_layout_size (label, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

static void
choose_ticks (const QdChartBar *chart,
              QdChartBarLayout *layout,
              double            lo,
              double            hi,
              guint             max_ticks)
{
  if (qd_chart_ticks_for_unit (chart->unit, lo, hi, max_ticks, &layout->value_ticks))
    {
      layout->value_min = layout->value_ticks.min;
      layout->value_max = layout->value_ticks.max;
      _qd_chart_fit_percent_ticks (chart->unit, lo, hi, &layout->value_ticks,
                                   &layout->value_min, &layout->value_max);
    }
  else
    {
      memset (&layout->value_ticks, 0, sizeof layout->value_ticks);
      layout->value_min = lo;
      layout->value_max = hi;
    }
  if (!(layout->value_max > layout->value_min))
    layout->value_max = layout->value_min + 1;
}

static void
compute_layout (const QdChartBar     *chart,
                const QdChartPalette *palette,
                QdChartText          *text,
                double                width,
                double                height,
                QdChartBarLayout     *layout)
{
  QdChartMetrics m;
  double small_h = text->line_height[QD_CHART_TEXT_SMALL];
  double title_block, axis_block, target_block, value_block;
  double inner_x, inner_y, inner_w, inner_h;
  double data_min, data_max, lo, hi, top, bottom;
  double em = palette->font_size;
  guint n = chart->items != NULL ? chart->n_items : 0;

  memset (layout, 0, sizeof *layout);
  _qd_chart_sanitize_size (&width, &height);
  layout->width = width;
  layout->height = height;
  layout->orientation = chart->orientation;

  _qd_chart_metrics_init (&m, palette, width, height);
  data_range (chart, &data_min, &data_max);
  _qd_chart_value_range (chart->unit, data_min, data_max, chart->has_target, chart->target,
                         TRUE, &lo, &hi);

  inner_x = m.padding;
  inner_y = m.padding;
  inner_w = MAX (width - 2 * m.padding, 0);
  inner_h = MAX (height - 2 * m.padding, 0);

  title_block = text->line_height[QD_CHART_TEXT_TITLE] + m.gap * 0.6;
  axis_block = m.tick_length + m.gap * 0.4 + small_h;
  target_block = chart->has_target && isfinite (chart->target) ? small_h + m.gap * 0.4 : 0;
  value_block = small_h + m.gap * 0.3;

  layout->show_title = has_text (chart->title) && inner_h - title_block >= MAX (small_h * 4, 40);
  layout->show_axis_labels = inner_h - (layout->show_title ? title_block : 0) - axis_block
                             >= MAX (small_h * 3, 30)
                             && inner_w >= em * 8;
  layout->title_y = inner_y;

  top = inner_y + (layout->show_title ? title_block : 0);

  if (is_horizontal (layout))
    {
      double category_w, value_w, plot_right;

      bottom = inner_y + inner_h - (layout->show_axis_labels ? axis_block : 0);
      if (bottom - top - target_block < small_h * 2)
        target_block = 0;

      layout->plot.y = top;
      layout->plot.height = MAX (bottom - top, 0);
      layout->show_target_label = target_block > 0;
      layout->band_start = top + target_block;
      layout->band = n > 0 ? MAX (layout->plot.height - target_block, 0) / n : 0;
      layout->bar_size = MIN (layout->band * 0.7, em * 2.2);

      layout->show_category_labels = layout->band >= small_h * 0.9 && inner_w >= em * 10;
      layout->show_value_labels = layout->band >= small_h * 0.9 && inner_w >= em * 10;

      category_w = layout->show_category_labels
                   ? MIN (widest_category_label (chart, text), inner_w * 0.35) : 0;
      value_w = layout->show_value_labels ? widest_value_label (chart, text) + m.gap * 0.5 : 0;
      layout->category_label_size = category_w;

      layout->plot.x = inner_x + (category_w > 0 ? category_w + m.gap : 0);
      plot_right = inner_x + inner_w - value_w;
      layout->plot.width = MAX (plot_right - layout->plot.x, 0);

      choose_ticks (chart, layout, lo, hi, _qd_chart_max_ticks (layout->plot.width, em * 5.5));
      /* Fewer ticks if their labels would touch. */
      while (layout->show_axis_labels && layout->value_ticks.n_ticks > 2)
        {
          double w = widest_tick_label (chart, layout, text);
          guint before = layout->value_ticks.n_ticks;

          if (layout->plot.width / (before - 1) >= w + m.gap)
            break;
          choose_ticks (chart, layout, lo, hi, before - 1);
          if (layout->value_ticks.n_ticks >= before)
            {
              /* As few as the range allows and still too tight. */
              layout->show_axis_labels = FALSE;
              break;
            }
        }
    }
  else
    {
      double tick_w;
      double target_w = 0;
      guint max_ticks;

      bottom = inner_y + inner_h;
      layout->show_category_labels = layout->show_axis_labels;
      if (layout->show_category_labels)
        bottom -= small_h + m.gap * 0.5;
      layout->show_value_labels = bottom - top >= small_h * 4;
      if (layout->show_value_labels)
        top += value_block;

      layout->plot.y = top;
      layout->plot.height = MAX (bottom - top, 0);

      max_ticks = _qd_chart_max_ticks (layout->plot.height, small_h * 2.4);
      choose_ticks (chart, layout, lo, hi, max_ticks);

      tick_w = layout->show_axis_labels ? widest_tick_label (chart, layout, text) : 0;
      if (tick_w + m.gap > inner_w * 0.4)
        {
          layout->show_axis_labels = FALSE;
          tick_w = 0;
        }

      layout->plot.x = inner_x + (layout->show_axis_labels ? tick_w + m.gap : 0);

      /* The target's name goes right of the plot, clear of the bars. */
      if (chart->has_target && isfinite (chart->target) && layout->plot.height >= small_h * 2)
        {
          g_autofree char *str = target_label_text (chart);
          g_autoptr(PangoLayout) label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);
          double w;

          _qd_chart_layout_size (label, &w, NULL);
          target_w = w + m.gap * 0.5;
          if (target_w > inner_w * 0.25)
            target_w = 0;
        }
      layout->show_target_label = target_w > 0;

      layout->plot.width = MAX (inner_x + inner_w - target_w - layout->plot.x, 0);
      layout->band_start = layout->plot.x;
      layout->band = n > 0 ? layout->plot.width / n : 0;
      layout->bar_size = MIN (layout->band * 0.7, em * 3.5);
      layout->category_label_size = MAX (layout->band - 2, 0);

      if (layout->band < em * 1.5)
        layout->show_category_labels = FALSE;
      if (layout->band < widest_value_label (chart, text) * 0.8)
        layout->show_value_labels = FALSE;
    }
}

/**
 * qd_chart_bar_layout:
 * @layout: (out caller-allocates): where everything goes
 *
 * Computes where qd_chart_bar_draw() puts things for this size.
 */
void
qd_chart_bar_layout (const QdChartBar     *chart,
                     const QdChartPalette *palette,
                     double                width,
                     double                height,
                     QdChartBarLayout     *layout)
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
 * qd_chart_bar_layout_pos_for_value:
 *
 * Returns: where @value lies on the value axis: an x for horizontal bars,
 *   a y for vertical ones
 */
double
qd_chart_bar_layout_pos_for_value (const QdChartBarLayout *layout,
                                   double                  value)
{
  double span, f;

  g_return_val_if_fail (layout != NULL, 0.0);

  span = layout->value_max - layout->value_min;
  f = span > 0 && isfinite (span)
      ? (_qd_chart_clamp_value (value) - layout->value_min) / span
      : 0.5;

  if (is_horizontal (layout))
    return layout->plot.x + f * layout->plot.width;

  return layout->plot.y + layout->plot.height - f * layout->plot.height;
}

/**
 * qd_chart_bar_layout_bar_rect:
 * @index: the category
 * @value: its value
 * @rect: (out): the bar, from zero to @value
 *
 * Returns: %FALSE when @value is not a number (no bar is drawn)
 */
gboolean
qd_chart_bar_layout_bar_rect (const QdChartBarLayout *layout,
                              guint                   index,
                              double                  value,
                              QdChartRect            *rect)
{
  double start, zero, end;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  memset (rect, 0, sizeof *rect);
  if (!isfinite (value))
    return FALSE;

  start = layout->band_start + index * layout->band + (layout->band - layout->bar_size) / 2;
  zero = qd_chart_bar_layout_pos_for_value (layout, 0);
  end = qd_chart_bar_layout_pos_for_value (layout, value);

  if (is_horizontal (layout))
    {
      rect->x = MIN (zero, end);
      rect->width = fabs (end - zero);
      rect->y = start;
      rect->height = layout->bar_size;
    }
  else
    {
      rect->x = start;
      rect->width = layout->bar_size;
      rect->y = MIN (zero, end);
      rect->height = fabs (end - zero);
    }

  return TRUE;
}

/* Drawing */

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  if (r <= 0.5)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_grid (cairo_t                *cr,
           const QdChartBar       *chart,
           const QdChartPalette   *palette,
           QdChartText            *text,
           const QdChartMetrics   *m,
           const QdChartBarLayout *layout)
{
  const QdChartRect *plot = &layout->plot;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);

  for (guint i = 0; i < layout->value_ticks.n_ticks; i++)
    {
      double v = layout->value_ticks.values[i];
      double pos = qd_chart_bar_layout_pos_for_value (layout, v);
      g_autofree char *str = NULL;
      g_autoptr(PangoLayout) label = NULL;
      double w, h;

      qd_chart_color_set_source (v == 0 ? &palette->axis : &palette->grid, cr);
      if (is_horizontal (layout))
        {
          double x = _qd_chart_snap (cr, pos, 1.0, TRUE);

          cairo_move_to (cr, x, plot->y);
          cairo_line_to (cr, x, plot->y + plot->height);
        }
      else
        {
          double y = _qd_chart_snap (cr, pos, 1.0, FALSE);

          cairo_move_to (cr, plot->x, y);
          cairo_line_to (cr, plot->x + plot->width, y);
        }
      cairo_stroke (cr);

      if (!layout->show_axis_labels)
        continue;

      str = qd_chart_ticks_format (&layout->value_ticks, chart->unit, i);
      label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);
      _qd_chart_layout_size (label, &w, &h);

      if (is_horizontal (layout))
        _qd_chart_show_layout (cr, label,
                               CLAMP (pos - w / 2, 0, MAX (layout->width - w, 0)),
                               plot->y + plot->height + m->tick_length + m->gap * 0.4,
                               &palette->dim_foreground);
      else
        _qd_chart_show_layout (cr, label,
                               plot->x - m->gap * 0.75 - w,
                               CLAMP (pos - h / 2, 0, MAX (layout->height - h, 0)),
                               &palette->dim_foreground);
    }

  cairo_restore (cr);
}

/* Bars first, then (with @labels) the category and value labels, so
 * that the target line can go between them. */
static void
draw_bars (cairo_t                *cr,
           const QdChartBar       *chart,
           const QdChartPalette   *palette,
           QdChartText            *text,
           const QdChartMetrics   *m,
           const QdChartBarLayout *layout,
           gboolean                labels)
{
  const QdChartColor *color = qd_chart_palette_get_series_color (palette, 0);
  double zero = qd_chart_bar_layout_pos_for_value (layout, 0);

  for (guint i = 0; i < chart->n_items; i++)
    {
      const QdChartBarItem *item = &chart->items[i];
      QdChartRect r;
      double centre = layout->band_start + (i + 0.5) * layout->band;

      if (!labels && qd_chart_bar_layout_bar_rect (layout, i, item->value, &r))
        {
          cairo_save (cr);
          qd_chart_color_set_source (color, cr);
          rounded_rectangle (cr, r.x, r.y, r.width, r.height, MIN (3.0, layout->bar_size / 4));
          cairo_fill (cr);
          cairo_restore (cr);
        }

      if (labels && layout->show_category_labels)
        {
          g_autoptr(PangoLayout) label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL,
                                                                item->label,
                                                                layout->category_label_size);
          double w, h;

          _qd_chart_layout_size (label, &w, &h);
          if (is_horizontal (layout))
            _qd_chart_show_layout (cr, label, layout->plot.x - m->gap - w, centre - h / 2,
                                   &palette->foreground);
          else
            _qd_chart_show_layout (cr, label, centre - w / 2,
                                   layout->plot.y + layout->plot.height + m->gap * 0.5,
                                   &palette->foreground);
        }

      if (labels && layout->show_value_labels)
        {
          g_autofree char *str = format_item_value (chart, item->value);
          g_autoptr(PangoLayout) label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);
          double end = isfinite (item->value)
                       ? qd_chart_bar_layout_pos_for_value (layout, item->value) : zero;
          gboolean negative = isfinite (item->value) && item->value < 0;
          double w, h;

          _qd_chart_layout_size (label, &w, &h);
          if (is_horizontal (layout))
            _qd_chart_show_layout (cr, label,
                                   negative ? end - m->gap * 0.4 - w : end + m->gap * 0.4,
                                   centre - h / 2, &palette->foreground);
          else
            _qd_chart_show_layout (cr, label, centre - w / 2,
                                   negative ? end + m->gap * 0.2 : end - m->gap * 0.2 - h,
                                   &palette->foreground);
        }
    }
}

static void
draw_target (cairo_t                *cr,
             const QdChartBar       *chart,
             const QdChartPalette   *palette,
             QdChartText            *text,
             const QdChartMetrics   *m,
             const QdChartBarLayout *layout)
{
  const QdChartRect *plot = &layout->plot;
  g_autofree char *str = NULL;
  g_autoptr(PangoLayout) label = NULL;
  double pos, w, h;

  if (!chart->has_target || !isfinite (chart->target) || plot->width <= 0 || plot->height <= 0)
    return;

  str = target_label_text (chart);
  pos = qd_chart_bar_layout_pos_for_value (layout, chart->target);

  if (is_horizontal (layout))
    {
      double x = _qd_chart_snap (cr, pos, m->target_width, TRUE);

      _qd_chart_draw_target_line (cr, palette, x, plot->y, x, plot->y + plot->height,
                                  m->target_width);

      if (layout->show_target_label)
        {
          double lx;

          /* In the strip above the first bar, beside the line. */
          label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, plot->width);
          _qd_chart_layout_size (label, &w, &h);
          lx = x + m->target_width + 3;
          if (lx + w > layout->width - 1)
            lx = x - m->target_width - 3 - w;
          _qd_chart_show_layout (cr, label, MAX (lx, 0), plot->y, &palette->target);
        }
    }
  else
    {
      double y = _qd_chart_snap (cr, pos, m->target_width, FALSE);

      _qd_chart_draw_target_line (cr, palette, plot->x, y, plot->x + plot->width, y,
                                  m->target_width);

      if (layout->show_target_label)
        {
          /* In the margin right of the plot, level with the line. */
          label = _qd_chart_text_layout (text, QD_CHART_TEXT_SMALL, str, -1);
          _qd_chart_layout_size (label, &w, &h);
          _qd_chart_show_layout (cr, label, plot->x + plot->width + m->gap * 0.5,
                                 CLAMP (y - h / 2, 0, MAX (layout->height - h, 0)),
                                 &palette->target);
        }
    }
}

/**
 * qd_chart_bar_draw:
 *
 * Draws the bar chart: title, value grid and axis labels, one bar per
 * category from zero with its value written at the end, category labels
 * (ellipsized when long), and the dashed, labelled target line. Any size
 * is safe; what does not fit is left out.
 */
void
qd_chart_bar_draw (cairo_t              *cr,
                   const QdChartBar     *chart,
                   const QdChartPalette *palette,
                   double                width,
                   double                height)
{
  QdChartText text;
  QdChartMetrics m;
  QdChartBarLayout layout;

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

  draw_grid (cr, chart, palette, &text, &m, &layout);
  if (chart->items != NULL)
    draw_bars (cr, chart, palette, &text, &m, &layout, FALSE);
  draw_target (cr, chart, palette, &text, &m, &layout);
  if (chart->items != NULL)
    draw_bars (cr, chart, palette, &text, &m, &layout, TRUE);

  if ((chart->items == NULL || chart->n_items == 0)
      && layout.plot.height >= text.line_height[QD_CHART_TEXT_BODY] * 1.5)
    {
      g_autoptr(PangoLayout) label = _qd_chart_text_layout (&text, QD_CHART_TEXT_BODY,
                                                            _("No data"), layout.plot.width);
      double w, h;

      _qd_chart_layout_size (label, &w, &h);
      _qd_chart_show_layout (cr, label,
                             layout.plot.x + (layout.plot.width - w) / 2,
                             layout.plot.y + (layout.plot.height - h) / 2,
                             &palette->dim_foreground);
    }

  cairo_restore (cr);
  _qd_chart_text_clear (&text);
}

/**
 * qd_chart_bar_hit_test:
 * @layout: the layout the chart was drawn with
 *
 * Returns: the category whose slot is under @x, @y, or -1
 */
int
qd_chart_bar_hit_test (const QdChartBar       *chart,
                       const QdChartBarLayout *layout,
                       double                  x,
                       double                  y)
{
  double along, across_min, across_max, across;
  double index;

  g_return_val_if_fail (chart != NULL, -1);
  g_return_val_if_fail (layout != NULL, -1);

  if (chart->items == NULL || chart->n_items == 0 || !(layout->band > 0)
      || !isfinite (x) || !isfinite (y))
    return -1;

  if (is_horizontal (layout))
    {
      along = y;
      across = x;
      across_min = 0;
      across_max = layout->width;
    }
  else
    {
      along = x;
      across = y;
      across_min = layout->plot.y;
      across_max = layout->height;
    }

  if (across < across_min || across > across_max)
    return -1;

  index = floor ((along - layout->band_start) / layout->band);
  if (index < 0 || index >= chart->n_items)
    return -1;

  return (int) index;
}

/**
 * qd_chart_bar_format_readout:
 *
 * Returns: (transfer full) (nullable): e.g. "Ana Ruiz · 412"
 */
char *
qd_chart_bar_format_readout (const QdChartBar *chart,
                             guint             index)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (chart != NULL, NULL);

  if (chart->items == NULL || index >= chart->n_items)
    return NULL;

  value = format_item_value (chart, chart->items[index].value);

  return g_strdup_printf (_("%s · %s"),
                          has_text (chart->items[index].label) ? chart->items[index].label : "",
                          value);
}

/**
 * qd_chart_bar_describe:
 *
 * Describes the chart in words, e.g. "Tickets solved per agent: Ana Ruiz
 * 412, Bo Chen 120; target 300, 1 of 2 at or above target." Long charts
 * are summarised by their range.
 *
 * Returns: (transfer full): the description
 */
char *
qd_chart_bar_describe (const QdChartBar *chart)
{
  g_autoptr(GString) str = g_string_new (NULL);
  guint n = chart != NULL && chart->items != NULL ? chart->n_items : 0;
  guint n_values = 0;
  int lowest = -1, highest = -1;

  g_return_val_if_fail (chart != NULL, NULL);

  g_string_append (str, has_text (chart->title) ? chart->title : _("Chart"));
  g_string_append (str, ": ");

  for (guint i = 0; i < n; i++)
    {
      double v = chart->items[i].value;

      if (!isfinite (v))
        continue;
      n_values++;
      if (lowest < 0 || v < chart->items[lowest].value)
        lowest = (int) i;
      if (highest < 0 || v > chart->items[highest].value)
        highest = (int) i;
    }

  if (n_values == 0)
    {
      g_string_append (str, _("no data"));
    }
  else if (n <= MAX_LISTED_ITEMS)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *value = format_item_value (chart, chart->items[i].value);

          if (i > 0)
            g_string_append (str, ", ");
          g_string_append_printf (str, "%s %s",
                                  has_text (chart->items[i].label) ? chart->items[i].label : "?",
                                  value);
        }
    }
  else
    {
      g_autofree char *low = format_item_value (chart, chart->items[lowest].value);
      g_autofree char *high = format_item_value (chart, chart->items[highest].value);

      g_string_append_printf (str,
                              /* Translators: e.g. "25 values from 120 (Bo Chen) to 412 (Ana Ruiz)" */
                              _("%u values from %s (%s) to %s (%s)"),
                              n_values,
                              low, chart->items[lowest].label ? chart->items[lowest].label : "?",
                              high, chart->items[highest].label ? chart->items[highest].label : "?");
    }

  if (chart->has_target && isfinite (chart->target))
    {
      g_autofree char *target = qd_chart_format_value (chart->unit, chart->target,
                                                       QD_CHART_DECIMALS_TRIM);
      gboolean lower = chart->better == QD_CHART_BETTER_LOWER;
      guint meeting = 0;

      for (guint i = 0; i < n; i++)
        {
          double v = chart->items[i].value;

          if (isfinite (v) && (lower ? v <= chart->target : v >= chart->target))
            meeting++;
        }

      g_string_append_printf (str, _("; target %s"), target);
      if (n_values > 0)
        {
          g_string_append (str, ", ");
          if (lower)
            /* Translators: e.g. "3 of 5 at or below target" */
            g_string_append_printf (str, _("%u of %u at or below target"), meeting, n_values);
          else
            /* Translators: e.g. "3 of 5 at or above target" */
            g_string_append_printf (str, _("%u of %u at or above target"), meeting, n_values);
        }
    }

  g_string_append (str, ".");

  return g_string_free (g_steal_pointer (&str), FALSE);
}
