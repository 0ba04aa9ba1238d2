/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "qd-chart-types.h"

G_BEGIN_DECLS

#define QD_CHART_REDUCE_MAX_PER_COLUMN 3

gsize         qd_chart_reduce_column    (gint64              time,
                                         gint64              time_min,
                                         gint64              time_max,
                                         guint               n_columns);
QdChartPoint *qd_chart_reduce_minmax    (const QdChartPoint *points,
                                         gsize               n_points,
                                         gint64              time_min,
                                         gint64              time_max,
                                         guint               n_columns,
                                         gsize              *n_out);

G_END_DECLS
