/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-kpis.h"

G_BEGIN_DECLS

#define QD_TYPE_OVERVIEW_PAGE (qd_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (QdOverviewPage, qd_overview_page, QD, OVERVIEW_PAGE, GtkWidget)

QdKpis   *qd_overview_page_get_kpis    (QdOverviewPage *self);
void      qd_overview_page_set_kpis    (QdOverviewPage *self,
                                        QdKpis         *kpis);
void      qd_overview_page_set_today   (QdOverviewPage *self,
                                        const char     *today);
QdPeriod  qd_overview_page_get_period  (QdOverviewPage *self);
void      qd_overview_page_set_period  (QdOverviewPage *self,
                                        QdPeriod        period);
void      qd_overview_page_refresh     (QdOverviewPage *self);

G_END_DECLS
