/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "qd-chart-line.h"
#include "qd-chart-palette.h"
#include "qd-chart-types.h"

G_BEGIN_DECLS

/**
 * QdChartSparkline:
 * @points: the points, sorted by time; NaN values are gaps
 * @n_points: how many
 * @has_target: whether @target is set
 * @target: drawn as a thin dashed line
 * @has_band: whether @band_low and @band_high are set
 * @band_low: bottom of a shaded "good" band, e.g. 90
 * @band_high: top of the band, e.g. 100
 * @color_index: which series colour of the palette to use
 *
 * A tiny trend line for a table cell or a card: no axes, no text, the
 * latest point marked.
 */
typedef struct
{
  const QdChartPoint *points;
  gsize               n_points;
  gboolean            has_target;
  double              target;
  gboolean            has_band;
  double              band_low;
  double              band_high;
  guint               color_index;
} QdChartSparkline;

void qd_chart_sparkline_layout (const QdChartSparkline *spark,
                                double                  width,
                                double                  height,
                                QdChartLayout          *layout);
void qd_chart_sparkline_draw   (cairo_t                *cr,
                                const QdChartSparkline *spark,
                                const QdChartPalette   *palette,
                                double                  width,
                                double                  height);

G_END_DECLS
