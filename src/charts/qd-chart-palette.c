/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-chart-palette"

#include "config.h"

#include <math.h>

#include "qd-chart-palette.h"

#define DEFAULT_FONT_FAMILY "Cantarell,sans-serif"
#define DEFAULT_FONT_SIZE   13.0

/* Series colours from the GNOME palette, picked so that neighbours differ
 * in hue and lightness and every one reads on its background. */
static const guint32 light_series[QD_CHART_N_SERIES_COLORS] = {
  0x1c71d8, /* blue */
  0xe66100, /* orange */
  0x26a269, /* green */
  0x813d9c, /* purple */
  0xc01c28, /* red */
  0x1f8a9e, /* teal */
  0x865e3c, /* brown */
  0xc4317a, /* magenta */
};

static const guint32 dark_series[QD_CHART_N_SERIES_COLORS] = {
  0x78aeed,
  0xffa348,
  0x57e389,
  0xc061cb,
  0xf66151,
  0x5bc8d6,
  0xcdab8f,
  0xf083bd,
};

static const guint32 high_contrast_light_series[QD_CHART_N_SERIES_COLORS] = {
  0x0b4fa8,
  0xa33d00,
  0x146b41,
  0x613583,
  0x9a0f1b,
  0x0e5f6e,
  0x63452c,
  0x8f1c57,
};

static const guint32 high_contrast_dark_series[QD_CHART_N_SERIES_COLORS] = {
  0x99c1f1,
  0xffbe6f,
  0x8ff0a4,
  0xdc8add,
  0xff8f85,
  0x93ddea,
  0xdec1a7,
  0xf6a6d0,
};

static void
init_from (QdChartPalette *palette,
           guint32         background,
           guint32         foreground,
           guint32         dim_foreground,
           guint32         grid,
           guint32         axis,
           guint32         target,
           const guint32  *series)
{
  qd_chart_color_parse_hex (&palette->background, background);
  qd_chart_color_parse_hex (&palette->foreground, foreground);
  qd_chart_color_parse_hex (&palette->dim_foreground, dim_foreground);
  qd_chart_color_parse_hex (&palette->grid, grid);
  qd_chart_color_parse_hex (&palette->axis, axis);
  qd_chart_color_parse_hex (&palette->target, target);
  for (guint i = 0; i < QD_CHART_N_SERIES_COLORS; i++)
    qd_chart_color_parse_hex (&palette->series[i], series[i]);
  qd_chart_palette_set_font (palette, DEFAULT_FONT_FAMILY, DEFAULT_FONT_SIZE);
}

/**
 * qd_chart_palette_init_light:
 *
 * Fills @palette with the default light look: white background, dark
 * text, light grid, a dark grey dashed target line.
 */
void
qd_chart_palette_init_light (QdChartPalette *palette)
{
  g_return_if_fail (palette != NULL);

  init_from (palette,
             0xffffff, 0x2e3436, 0x6c6b70, 0xe8e8eb, 0xb8b7bc, 0x3d3846,
             light_series);
}

/**
 * qd_chart_palette_init_dark:
 *
 * Fills @palette with the default dark look, matching the dark view
 * background of libadwaita.
 */
void
qd_chart_palette_init_dark (QdChartPalette *palette)
{
  g_return_if_fail (palette != NULL);

  init_from (palette,
             0x1e1e1e, 0xeeeeec, 0xa8a7ad, 0x36363a, 0x5e5c64, 0xdeddda,
             dark_series);
}

/**
 * qd_chart_palette_init_high_contrast:
 *
 * Fills @palette with a high-contrast look, light or @dark.
 */
void
qd_chart_palette_init_high_contrast (QdChartPalette *palette,
                                     gboolean        dark)
{
  g_return_if_fail (palette != NULL);

  if (dark)
    init_from (palette,
               0x000000, 0xffffff, 0xe0e0e0, 0x5e5c64, 0xc0bfbc, 0xffffff,
               high_contrast_dark_series);
  else
    init_from (palette,
               0xffffff, 0x000000, 0x241f31, 0xb8b7bc, 0x3d3846, 0x000000,
               high_contrast_light_series);
}

/**
 * qd_chart_palette_set_font:
 * @family: (nullable): a Pango family list; %NULL keeps the current one
 * @size: body text size in user-space units; <= 0 keeps the current one
 */
void
qd_chart_palette_set_font (QdChartPalette *palette,
                           const char     *family,
                           double          size)
{
  g_return_if_fail (palette != NULL);

  if (family != NULL && *family != '\0')
    g_strlcpy (palette->font_family, family, sizeof palette->font_family);
  if (size > 0 && isfinite (size))
    palette->font_size = size;
}

/**
 * qd_chart_palette_get_series_color:
 *
 * Returns: the colour of series @index; colours repeat after
 *   %QD_CHART_N_SERIES_COLORS series (the marker shapes then still differ).
 */
const QdChartColor *
qd_chart_palette_get_series_color (const QdChartPalette *palette,
                                   guint                 index)
{
  g_return_val_if_fail (palette != NULL, NULL);

  return &palette->series[index % QD_CHART_N_SERIES_COLORS];
}

/**
 * qd_chart_color_parse_hex:
 * @rgb: a colour as 0xRRGGBB
 *
 * Sets @color to an opaque colour.
 */
void
qd_chart_color_parse_hex (QdChartColor *color,
                          guint32       rgb)
{
  g_return_if_fail (color != NULL);

  color->red = ((rgb >> 16) & 0xff) / 255.f;
  color->green = ((rgb >> 8) & 0xff) / 255.f;
  color->blue = (rgb & 0xff) / 255.f;
  color->alpha = 1.f;
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/**
 * qd_chart_color_luminance:
 *
 * Returns: the relative luminance of @color (0 black, 1 white), as WCAG
 *   defines it; alpha is ignored.
 */
double
qd_chart_color_luminance (const QdChartColor *color)
{
  g_return_val_if_fail (color != NULL, 0.0);

  return 0.2126 * linear_channel (color->red)
         + 0.7152 * linear_channel (color->green)
         + 0.0722 * linear_channel (color->blue);
}

/**
 * qd_chart_color_contrast:
 *
 * Returns: the WCAG contrast ratio between @a and @b, from 1 to 21.
 */
double
qd_chart_color_contrast (const QdChartColor *a,
                         const QdChartColor *b)
{
  double la = qd_chart_color_luminance (a);
  double lb = qd_chart_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

void
qd_chart_color_set_source (const QdChartColor *color,
                           cairo_t            *cr)
{
  g_return_if_fail (color != NULL);
  g_return_if_fail (cr != NULL);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/**
 * qd_chart_marker_for_series:
 *
 * Returns: the marker shape of series @index.
 */
QdChartMarker
qd_chart_marker_for_series (guint index)
{
  return (QdChartMarker) (index % QD_CHART_N_MARKERS);
}

static void
marker_path (cairo_t       *cr,
             QdChartMarker  marker,
             double         x,
             double         y,
             double         r)
{
  double s;

  switch (marker)
    {
    case QD_CHART_MARKER_SQUARE:
      s = r * 0.9;
      cairo_rectangle (cr, x - s, y - s, 2 * s, 2 * s);
      break;

    case QD_CHART_MARKER_TRIANGLE:
      s = r * 1.25;
      cairo_move_to (cr, x, y - s);
      cairo_line_to (cr, x + s * 0.95, y + s * 0.7);
      cairo_line_to (cr, x - s * 0.95, y + s * 0.7);
      cairo_close_path (cr);
      break;

    case QD_CHART_MARKER_TRIANGLE_DOWN:
      s = r * 1.25;
      cairo_move_to (cr, x, y + s);
      cairo_line_to (cr, x + s * 0.95, y - s * 0.7);
      cairo_line_to (cr, x - s * 0.95, y - s * 0.7);
      cairo_close_path (cr);
      break;

    case QD_CHART_MARKER_DIAMOND:
      s = r * 1.3;
      cairo_move_to (cr, x, y - s);
      cairo_line_to (cr, x + s, y);
      cairo_line_to (cr, x, y + s);
      cairo_line_to (cr, x - s, y);
      cairo_close_path (cr);
      break;

    case QD_CHART_MARKER_CROSS:
      s = r * 1.05;
      cairo_move_to (cr, x - s, y - s);
      cairo_line_to (cr, x + s, y + s);
      cairo_move_to (cr, x + s, y - s);
      cairo_line_to (cr, x - s, y + s);
      break;

    case QD_CHART_MARKER_CIRCLE:
    case QD_CHART_N_MARKERS:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    }
}

/**
 * qd_chart_draw_marker:
 * @radius: about half the marker's width, in user-space units
 * @fill: the series colour
 * @halo: (nullable): a ring drawn first, usually the background, that
 *   separates the marker from lines under it
 *
 * Draws one marker centred on @x, @y. The cross is stroked, the other
 * shapes are filled.
 */
void
qd_chart_draw_marker (cairo_t            *cr,
                      QdChartMarker       marker,
                      double              x,
                      double              y,
                      double              radius,
                      const QdChartColor *fill,
                      const QdChartColor *halo)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (fill != NULL);

  if (!(radius > 0) || !isfinite (x) || !isfinite (y))
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);

  if (marker == QD_CHART_MARKER_CROSS)
    {
      double w = MAX (1.5, radius * 0.55);

      marker_path (cr, marker, x, y, radius);
      if (halo != NULL && halo->alpha > 0)
        {
          qd_chart_color_set_source (halo, cr);
          cairo_set_line_width (cr, w + 3);
          cairo_stroke_preserve (cr);
        }
      qd_chart_color_set_source (fill, cr);
      cairo_set_line_width (cr, w);
      cairo_stroke (cr);
    }
  else
    {
      marker_path (cr, marker, x, y, radius);
      if (halo != NULL && halo->alpha > 0)
        {
          qd_chart_color_set_source (halo, cr);
          cairo_set_line_width (cr, 3);
          cairo_stroke_preserve (cr);
        }
      qd_chart_color_set_source (fill, cr);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}
