/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "qd-chart-axis.h"
#include "qd-chart-palette.h"
#include "qd-chart-types.h"

G_BEGIN_DECLS

/**
 * QdChartBarItem:
 * @label: the category, e.g. "Ana Ruiz" or "Level 2"
 * @value: its value; NaN reads "–" and draws no bar
 */
typedef struct
{
  const char *label;
  double      value;
} QdChartBarItem;

/**
 * QdChartBarOrientation:
 * @QD_CHART_BAR_HORIZONTAL: categories down the left, bars to the right;
 *   best for names (tickets solved per agent)
 * @QD_CHART_BAR_VERTICAL: categories along the bottom, bars upwards;
 *   for a few short categories (members per level)
 */
typedef enum
{
  QD_CHART_BAR_HORIZONTAL,
  QD_CHART_BAR_VERTICAL,
} QdChartBarOrientation;

/**
 * QdChartBar:
 * @title: (nullable): e.g. "Tickets solved per agent, May 2026"
 * @unit: what the values are
 * @better: which way is good (used in the description)
 * @orientation: which way the bars go
 * @has_target: whether @target is set
 * @target: drawn as a dashed, labelled line across the bars
 * @items: the categories, drawn in this order
 * @n_items: how many
 *
 * One value per category. Bars always start at zero. Plain data: the
 * chart borrows the strings and the array.
 */
typedef struct
{
  const char           *title;
  QdChartUnit           unit;
  QdChartBetter         better;
  QdChartBarOrientation orientation;
  gboolean              has_target;
  double                target;
  const QdChartBarItem *items;
  guint                 n_items;
} QdChartBar;

/**
 * QdChartBarLayout:
 * @plot: the area bars and grid lines are drawn in
 * @band_start: where the first category's slot starts along the
 *   category axis (y for horizontal bars, x for vertical)
 * @band: the length of one category's slot
 * @bar_size: the thickness of a bar, centred in its slot
 * @value_min: the value at the start of the value axis
 * @value_max: the value at the end of the value axis
 * @show_target_label: whether there was room to name the target line
 *   (above the bars when horizontal, right of the plot when vertical)
 *
 * Where everything goes, computed by qd_chart_bar_layout().
 */
typedef struct
{
  double                width;
  double                height;
  QdChartBarOrientation orientation;
  QdChartRect           plot;
  double                band_start;
  double                band;
  double                bar_size;
  double                value_min;
  double                value_max;
  QdChartTicks          value_ticks;
  double                title_y;
  double                category_label_size;
  gboolean              show_title;
  gboolean              show_category_labels;
  gboolean              show_value_labels;
  gboolean              show_axis_labels;
  gboolean              show_target_label;
} QdChartBarLayout;

void      qd_chart_bar_layout               (const QdChartBar       *chart,
                                             const QdChartPalette   *palette,
                                             double                  width,
                                             double                  height,
                                             QdChartBarLayout       *layout);
double    qd_chart_bar_layout_pos_for_value (const QdChartBarLayout *layout,
                                             double                  value);
gboolean  qd_chart_bar_layout_bar_rect      (const QdChartBarLayout *layout,
                                             guint                   index,
                                             double                  value,
                                             QdChartRect            *rect);

void      qd_chart_bar_draw                 (cairo_t                *cr,
                                             const QdChartBar       *chart,
                                             const QdChartPalette   *palette,
                                             double                  width,
                                             double                  height);

int       qd_chart_bar_hit_test             (const QdChartBar       *chart,
                                             const QdChartBarLayout *layout,
                                             double                  x,
                                             double                  y);
char     *qd_chart_bar_format_readout       (const QdChartBar       *chart,
                                             guint                   index);
char     *qd_chart_bar_describe             (const QdChartBar       *chart);

G_END_DECLS
