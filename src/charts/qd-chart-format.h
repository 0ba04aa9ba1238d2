/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "qd-chart-types.h"

G_BEGIN_DECLS

/* Decimals for qd_chart_format_value(): a count >= 0 is fixed. */
#define QD_CHART_DECIMALS_READOUT (-1) /* the unit's read-out precision: "94.1 %" */
#define QD_CHART_DECIMALS_TRIM    (-2) /* as few as needed, up to 2: "95 %", "92.5 %" */

char          *qd_chart_format_value        (QdChartUnit         unit,
                                             double              value,
                                             int                 decimals);
char          *qd_chart_format_duration     (double              seconds);
int            qd_chart_decimals_for_step   (double              step);
double         qd_chart_unit_seconds        (QdChartUnit         unit);

gint64         qd_chart_time_from_date      (int                 year,
                                             int                 month,
                                             int                 day);
char          *qd_chart_format_date         (gint64              time,
                                             QdChartPeriod       period);
char          *qd_chart_format_period       (gint64              time,
                                             QdChartPeriod       period);
char          *qd_chart_format_date_range   (gint64              from,
                                             gint64              to,
                                             QdChartPeriod       period);
const char    *qd_chart_period_adjective    (QdChartPeriod       period);
gint64         qd_chart_period_seconds      (QdChartPeriod       period);
QdChartPeriod  qd_chart_period_guess        (const QdChartPoint *points,
                                             gsize               n_points);

G_END_DECLS
