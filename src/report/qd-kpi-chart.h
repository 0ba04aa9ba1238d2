/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "qd-charts.h"
#include "qd-kpis.h"

G_BEGIN_DECLS

/* A KPI trend as a chart: QdKpiSeries and a metric turned into a
 * QdChartLine that owns its data. Shared by the Trends page, the
 * export-chart command and printing. It neither queries the database nor
 * touches GTK. */

typedef struct _QdKpiChart QdKpiChart;

QdKpiChart        *qd_kpi_chart_new               (const QdMetricInfo  *metric,
                                                   const char          *title,
                                                   QdPeriod             period,
                                                   GPtrArray           *series);
void               qd_kpi_chart_free              (QdKpiChart          *self);

const QdChartLine *qd_kpi_chart_get_line          (QdKpiChart          *self);
QdPeriod           qd_kpi_chart_get_period        (QdKpiChart          *self);
QdMetricUnit       qd_kpi_chart_get_unit          (QdKpiChart          *self);
guint              qd_kpi_chart_get_n_series      (QdKpiChart          *self);
const char        *qd_kpi_chart_get_label         (QdKpiChart          *self,
                                                   guint                series);
guint              qd_kpi_chart_get_n_periods     (QdKpiChart          *self);
double             qd_kpi_chart_get_value         (QdKpiChart          *self,
                                                   guint                series,
                                                   guint                period);
char              *qd_kpi_chart_format_period     (QdKpiChart          *self,
                                                   guint                period);
char              *qd_kpi_chart_format_value      (QdKpiChart          *self,
                                                   guint                series,
                                                   guint                period);
gboolean           qd_kpi_chart_has_values        (QdKpiChart          *self);

QdChartUnit        qd_kpi_chart_unit_for_metric   (QdMetricUnit         unit);
char              *qd_kpi_chart_dup_title         (const QdMetricInfo  *metric,
                                                   QdScope              scope,
                                                   const char * const  *labels);
char              *qd_kpi_chart_dup_scope_label   (QdScope              scope,
                                                   const char * const  *labels);
char              *qd_kpi_chart_dup_extent        (QdPeriod             period,
                                                   guint                n_periods);

/* Days as the user types them: YYYY-MM-DD, local dates. */
gboolean           qd_kpi_parse_day               (const char          *text,
                                                   GDate               *date,
                                                   GError             **error);
char              *qd_kpi_format_day              (const GDate         *date);
void               qd_kpi_get_today               (GDate               *today);
void               qd_kpi_default_range           (QdPeriod             period,
                                                   const GDate         *to,
                                                   GDate               *from);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdKpiChart, qd_kpi_chart_free)

G_END_DECLS
