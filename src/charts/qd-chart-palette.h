/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define QD_CHART_N_SERIES_COLORS 8
#define QD_CHART_FONT_FAMILY_MAX 128

/**
 * QdChartColor:
 *
 * A colour with components from 0 to 1. The field layout matches
 * GdkRGBA, so a view can fill one from the style directly.
 */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} QdChartColor;

/**
 * QdChartMarker:
 *
 * The shape that marks the points of a series, so that series can be
 * told apart without seeing colour.
 */
typedef enum
{
  QD_CHART_MARKER_CIRCLE,
  QD_CHART_MARKER_SQUARE,
  QD_CHART_MARKER_TRIANGLE,
  QD_CHART_MARKER_DIAMOND,
  QD_CHART_MARKER_CROSS,
  QD_CHART_MARKER_TRIANGLE_DOWN,
  QD_CHART_N_MARKERS
} QdChartMarker;

/**
 * QdChartPalette:
 * @background: filled behind the chart; alpha 0 leaves it transparent
 * @foreground: titles and legend text
 * @dim_foreground: axis labels and "No data"
 * @grid: the light horizontal grid lines
 * @axis: the baseline and tick marks
 * @target: the dashed target line and its label
 * @series: series colours, used in turn
 * @font_family: a Pango family list, e.g. "Cantarell,sans-serif"
 * @font_size: body text size in user-space units (pixels on screen,
 *   points in a PDF)
 *
 * Everything a chart needs to know about how it looks. Plain data: copy
 * it with `=`. The view fills one from the GTK style; tests and the
 * command line use qd_chart_palette_init_light() or _dark().
 */
typedef struct
{
  QdChartColor background;
  QdChartColor foreground;
  QdChartColor dim_foreground;
  QdChartColor grid;
  QdChartColor axis;
  QdChartColor target;
  QdChartColor series[QD_CHART_N_SERIES_COLORS];
  char         font_family[QD_CHART_FONT_FAMILY_MAX];
  double       font_size;
} QdChartPalette;

void                qd_chart_palette_init_light         (QdChartPalette     *palette);
void                qd_chart_palette_init_dark          (QdChartPalette     *palette);
void                qd_chart_palette_init_high_contrast (QdChartPalette     *palette,
                                                         gboolean            dark);
void                qd_chart_palette_set_font           (QdChartPalette     *palette,
                                                         const char         *family,
                                                         double              size);
const QdChartColor *qd_chart_palette_get_series_color   (const QdChartPalette *palette,
                                                         guint               index);

void                qd_chart_color_parse_hex            (QdChartColor       *color,
                                                         guint32             rgb);
double              qd_chart_color_luminance            (const QdChartColor *color);
double              qd_chart_color_contrast             (const QdChartColor *a,
                                                         const QdChartColor *b);
void                qd_chart_color_set_source           (const QdChartColor *color,
                                                         cairo_t            *cr);

QdChartMarker       qd_chart_marker_for_series          (guint               index);
void                qd_chart_draw_marker                (cairo_t            *cr,
                                                         QdChartMarker       marker,
                                                         double              x,
                                                         double              y,
                                                         double              radius,
                                                         const QdChartColor *fill,
                                                         const QdChartColor *halo);

G_END_DECLS
