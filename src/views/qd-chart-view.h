/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-charts.h"

G_BEGIN_DECLS

#define QD_TYPE_CHART_VIEW (qd_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (QdChartView, qd_chart_view, QD, CHART_VIEW, GtkWidget)

GtkWidget  *qd_chart_view_new              (void);
void        qd_chart_view_set_chart        (QdChartView       *self,
                                            const QdChartLine *chart);
const char *qd_chart_view_get_readout      (QdChartView       *self);
const char *qd_chart_view_get_description  (QdChartView       *self);
void        qd_chart_view_get_palette      (QdChartView       *self,
                                            QdChartPalette    *palette);

void        qd_chart_palette_from_widget   (QdChartPalette    *palette,
                                            GtkWidget         *widget);

G_END_DECLS
