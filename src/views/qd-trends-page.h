/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-kpis.h"
#include "qd-roster.h"

G_BEGIN_DECLS

#define QD_TYPE_TRENDS_PAGE (qd_trends_page_get_type ())

G_DECLARE_FINAL_TYPE (QdTrendsPage, qd_trends_page, QD, TRENDS_PAGE, GtkWidget)

QdKpis    *qd_trends_page_get_kpis    (QdTrendsPage *self);
void       qd_trends_page_set_kpis    (QdTrendsPage *self,
                                       QdKpis       *kpis);
QdRoster  *qd_trends_page_get_roster  (QdTrendsPage *self);
void       qd_trends_page_set_roster  (QdTrendsPage *self,
                                       QdRoster     *roster);
void       qd_trends_page_set_today   (QdTrendsPage *self,
                                       const char   *today);
gboolean   qd_trends_page_set_agents  (QdTrendsPage *self,
                                       const gint64 *member_ids,
                                       guint         n_member_ids);
void       qd_trends_page_refresh     (QdTrendsPage *self);

G_END_DECLS
