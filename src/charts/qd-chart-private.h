/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "qd-chart-axis.h"
#include "qd-chart-palette.h"
#include "qd-chart-types.h"

G_BEGIN_DECLS

typedef enum
{
  QD_CHART_TEXT_BODY,
  QD_CHART_TEXT_SMALL,
  QD_CHART_TEXT_TITLE,
  QD_CHART_N_TEXT_STYLES
} QdChartTextStyle;

/* Text measured and drawn the same way whatever the cairo_t: a private
 * Pango context with unhinted metrics, so that a layout computed without
 * a cairo_t (for hit tests) matches what is drawn on screen, in a PDF or
 * on paper. */
typedef struct
{
  PangoContext         *context;
  PangoFontDescription *fonts[QD_CHART_N_TEXT_STYLES];
  double                line_height[QD_CHART_N_TEXT_STYLES];
} QdChartText;

/* Sizes in user-space units that scale with the body font. */
typedef struct
{
  double padding;
  double gap;
  double tick_length;
  double marker_radius;
  double line_width;
  double target_width;
  double swatch_width;
} QdChartMetrics;

void         _qd_chart_text_init        (QdChartText          *text,
                                         const QdChartPalette *palette);
void         _qd_chart_text_clear       (QdChartText          *text);
PangoLayout *_qd_chart_text_layout      (QdChartText          *text,
                                         QdChartTextStyle      style,
                                         const char           *str,
                                         double                max_width);
void         _qd_chart_layout_size      (PangoLayout          *layout,
                                         double               *width,
                                         double               *height);
void         _qd_chart_show_layout      (cairo_t              *cr,
                                         PangoLayout          *layout,
                                         double                x,
                                         double                y,
                                         const QdChartColor   *color);

void         _qd_chart_metrics_init     (QdChartMetrics       *metrics,
                                         const QdChartPalette *palette,
                                         double                width,
                                         double                height);

double       _qd_chart_snap             (cairo_t              *cr,
                                         double                position,
                                         double                line_width,
                                         gboolean              vertical);
void         _qd_chart_fill_background  (cairo_t              *cr,
                                         const QdChartPalette *palette,
                                         double                width,
                                         double                height);
void         _qd_chart_sanitize_size    (double               *width,
                                         double               *height);

void         _qd_chart_value_range      (QdChartUnit           unit,
                                         double                data_min,
                                         double                data_max,
                                         gboolean              has_target,
                                         double                target,
                                         gboolean              include_zero,
                                         double               *lo,
                                         double               *hi);
void         _qd_chart_fit_percent_ticks (QdChartUnit           unit,
                                          double                lo,
                                          double                hi,
                                          QdChartTicks         *ticks,
                                          double               *value_min,
                                          double               *value_max);
double       _qd_chart_clamp_value      (double                value);
gint64       _qd_chart_time_add         (gint64                time,
                                         gint64                seconds);
guint        _qd_chart_max_ticks        (double                length,
                                         double                spacing);

void         _qd_chart_draw_target_line (cairo_t              *cr,
                                         const QdChartPalette *palette,
                                         double                x0,
                                         double                y0,
                                         double                x1,
                                         double                y1,
                                         double                line_width);

G_END_DECLS
