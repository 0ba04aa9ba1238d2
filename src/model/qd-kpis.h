/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-store.h"

G_BEGIN_DECLS

/* Support KPIs: metric definitions and targets, roll-ups per
 * organisation, team and member by week or month, values typed in by
 * hand, and performer tiers. */

#define QD_KPIS_ERROR (qd_kpis_error_quark ())

typedef enum
{
  QD_KPIS_ERROR_INVALID,
  QD_KPIS_ERROR_NOT_FOUND,
} QdKpisError;

typedef enum
{
  QD_METRIC_UNIT_PERCENT,
  QD_METRIC_UNIT_MINUTES,
  QD_METRIC_UNIT_COUNT,
  QD_METRIC_UNIT_NUMBER,
} QdMetricUnit;

typedef enum
{
  QD_SCOPE_ORG,
  QD_SCOPE_TEAM,
  QD_SCOPE_MEMBER,
} QdScope;

typedef enum
{
  QD_PERIOD_WEEK,
  QD_PERIOD_MONTH,
} QdPeriod;

typedef enum
{
  QD_TIER_TOP,
  QD_TIER_MIDDLE,
  QD_TIER_BOTTOM,
} QdTier;

/* A metric as the user sees it. */
typedef struct
{
  char         *key;              /* "csat", "first-reply", … */
  char         *name;             /* translated for the built-in ones */
  QdMetricUnit  unit;
  gboolean      higher_is_better;
  gboolean      has_target;
  double        target;
  gboolean      manual;           /* typed in by hand, no helpdesk source */
} QdMetricInfo;

/* One line of a trend: a value per period; NAN where there is none. */
typedef struct
{
  char    *label;                 /* "Organisation", a team or a member name */
  QdScope  scope;
  gint64   scope_id;
  guint    n_points;
  gint64  *period_starts;         /* unix seconds, 00:00 UTC of the period's first day (a date) */
  double  *values;
  guint   *sample_sizes;
} QdKpiSeries;

/* A tile: the latest complete period against the one before. */
typedef struct
{
  QdMetricInfo *metric;           /* owned */
  char         *period_label;     /* "Week of 16 Nov 2026" */
  double        value;            /* NAN when no data */
  double        previous;         /* NAN when no data */
  QdKpiSeries  *recent;           /* the last 13 periods, for a sparkline */
} QdKpiTile;

typedef struct
{
  gint64  member_id;
  char   *name;
  char   *team;
  double  value;
  guint   sample_size;
  QdTier  tier;
} QdTierEntry;

#define QD_TYPE_KPIS (qd_kpis_get_type ())

G_DECLARE_FINAL_TYPE (QdKpis, qd_kpis, QD, KPIS, GObject)

GQuark         qd_kpis_error_quark        (void);

QdKpis        *qd_kpis_new                (QdStore       *store);
QdStore       *qd_kpis_get_store          (QdKpis        *self);

/* Metrics, in display order. (element-type QdMetricInfo) */
GPtrArray     *qd_kpis_list_metrics       (QdKpis        *self,
                                           GError       **error);
QdMetricInfo  *qd_kpis_get_metric         (QdKpis        *self,
                                           const char    *key,
                                           GError       **error);
gboolean       qd_kpis_set_target         (QdKpis        *self,
                                           const char    *key,
                                           gboolean       has_target,
                                           double         target,
                                           GError       **error);

/* Trend series between two local dates (YYYY-MM-DD, inclusive), one per
 * requested scope id. For QD_SCOPE_ORG pass one id, 0. */
GPtrArray     *qd_kpis_get_series         (QdKpis        *self,
                                           const char    *metric,
                                           QdScope        scope,
                                           const gint64  *scope_ids,
                                           guint          n_scope_ids,
                                           QdPeriod       period,
                                           const char    *from_day,
                                           const char    *to_day,
                                           GError       **error);

/* Tiles for every metric, organisation-wide, for the given period kind,
 * as of @today (YYYY-MM-DD; NULL for the real today). */
GPtrArray     *qd_kpis_get_tiles          (QdKpis        *self,
                                           QdPeriod       period,
                                           const char    *today,
                                           GError       **error);

/* Active agents ranked on a metric over [from_day, to_day]: the top 20 %,
 * middle 60 % and bottom 20 %, best first; members with fewer than
 * @min_samples samples are left out. (element-type QdTierEntry) */
GPtrArray     *qd_kpis_get_tiers          (QdKpis        *self,
                                           const char    *metric,
                                           const char    *from_day,
                                           const char    *to_day,
                                           guint          min_samples,
                                           GError       **error);

/* Hand-entered values (QA score, …), then the roll-ups are updated. */
gboolean       qd_kpis_set_manual_value   (QdKpis        *self,
                                           const char    *metric,
                                           gint64         member_id,
                                           QdPeriod       period,
                                           const char    *period_start,
                                           double         value,
                                           GError       **error);
gboolean       qd_kpis_clear_manual_value (QdKpis        *self,
                                           const char    *metric,
                                           gint64         member_id,
                                           QdPeriod       period,
                                           const char    *period_start,
                                           GError       **error);
/* @value is NAN when nothing was typed in for that period. */
gboolean       qd_kpis_get_manual_value   (QdKpis        *self,
                                           const char    *metric,
                                           gint64         member_id,
                                           QdPeriod       period,
                                           const char    *period_start,
                                           double        *value,
                                           GError       **error);

/* Recomputes the roll-ups of the weeks and months touching the range
 * (NULL, NULL = all), e.g. after a helpdesk agent was linked to a member
 * or a member changed team, then emits ::changed. */
gboolean       qd_kpis_recompute          (QdKpis        *self,
                                           const char    *from_day,
                                           const char    *to_day,
                                           GCancellable  *cancellable,
                                           GError       **error);

void           qd_kpis_notify_changed     (QdKpis        *self);

/* Teams that have members, for the scope picker: (element-type utf8) names
 * with their ids in @ids. */
GStrv          qd_kpis_list_teams         (QdKpis        *self,
                                           GArray       **ids,
                                           GError       **error);

char          *qd_metric_format_value     (QdMetricUnit   unit,
                                           double         value);
/* The Monday of the week, or the first of the month, containing @day
 * (YYYY-MM-DD); NULL when @day is not a date. */
char          *qd_period_start_for_day    (QdPeriod       period,
                                           const char    *day);

void           qd_metric_info_free        (QdMetricInfo  *info);
void           qd_kpi_series_free         (QdKpiSeries   *series);
void           qd_kpi_tile_free           (QdKpiTile     *tile);
void           qd_tier_entry_free         (QdTierEntry   *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdMetricInfo, qd_metric_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdKpiSeries, qd_kpi_series_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdKpiTile, qd_kpi_tile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdTierEntry, qd_tier_entry_free)

G_END_DECLS
