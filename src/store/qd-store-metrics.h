/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qd-store.h"

G_BEGIN_DECLS

/* Support KPIs as stored: metric definitions, the roll-ups in
 * metric_values, and values typed in by hand. Enum values travel as their
 * stored nicks: unit "percent", "minutes", "count", "number"; better
 * "higher", "lower"; source "tickets", "manual"; scope "org", "team",
 * "member"; period "week", "month". Days are local dates, YYYY-MM-DD.
 *
 * How each metric is computed, per organisation (scope_id 0), team and
 * member, for each week (Monday to Sunday) and month:
 *
 *  csat                  satisfied ÷ rated × 100 over the tickets solved in
 *                        the period; sample: rated tickets
 *  first-reply           median first_reply_minutes of the tickets created
 *                        in the period; sample: tickets with a first reply
 *  resolution            median resolution_minutes of the tickets solved in
 *                        the period; sample: tickets with a resolution time
 *  reopen-rate           tickets with reopens > 0 ÷ tickets solved × 100;
 *                        sample: tickets solved
 *  tickets-solved        tickets solved; sample: the same
 *  solved-per-agent-day  tickets solved by agents ÷ agent-days, an agent-day
 *                        being a person who solved at least one ticket that
 *                        day (several helpdesk accounts of one member make
 *                        one person); tickets without an agent count in
 *                        neither part; sample: agent-days
 *  any manual metric     member: the value typed in for that week or month.
 *                        A month without a monthly value takes the mean of
 *                        the member's weekly values whose week starts in
 *                        that month (sample: how many). Team and
 *                        organisation: the mean over the members with a
 *                        value (sample: how many members).
 *
 * Medians are true medians (the mean of the two middle values for an even
 * count). A ticket counts for the member linked to its helpdesk agent, for
 * that member's current team and for the organisation; tickets of agents
 * linked to nobody count for the organisation only. A period without data
 * has no row. */

typedef struct
{
  char     *key;
  char     *name;          /* as stored; the model translates built-in names */
  char     *unit;
  char     *better;
  gboolean  has_target;
  double    target;
  char     *source;
  int       position;
} QdMetricRecord;

typedef struct
{
  char    period_start[11];
  double  value;
  guint   sample_size;
} QdMetricValueRecord;

/* One active agent's value on a metric over a range of days. */
typedef struct
{
  gint64  member_id;
  char   *name;
  char   *team;              /* "" when none */
  double  value;             /* NAN when there is no data */
  guint   sample_size;
} QdMemberValueRecord;

void        qd_metric_record_clear              (QdMetricRecord       *record);
void        qd_member_value_record_free         (QdMemberValueRecord  *record);

/* (element-type QdMetricRecord), in display order, cleared on free */
GArray     *qd_store_list_metrics               (QdStore              *self,
                                                 GError              **error);
gboolean    qd_store_load_metric                (QdStore              *self,
                                                 const char           *key,
                                                 QdMetricRecord       *record,
                                                 GError              **error);
gboolean    qd_store_set_metric_target          (QdStore              *self,
                                                 const char           *key,
                                                 gboolean              has_target,
                                                 double                target,
                                                 GError              **error);

/* Recomputes metric_values for every week and month that touches
 * [from_day, to_day] (local dates YYYY-MM-DD; NULL, NULL = everything),
 * for the organisation (scope_id 0), each team and each member. It runs
 * inside the caller's transaction when one is open (check
 * sqlite3_get_autocommit), else in its own. */
gboolean    qd_store_recompute_rollups          (QdStore              *self,
                                                 const char           *from_day,
                                                 const char           *to_day,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
/* The same for the manual metrics only (after a value was typed in). */
gboolean    qd_store_recompute_manual_rollups   (QdStore              *self,
                                                 const char           *from_day,
                                                 const char           *to_day,
                                                 GError              **error);

/* The stored roll-ups of one scope, period_start in [from_start, to_start],
 * oldest first. (element-type QdMetricValueRecord) */
GArray     *qd_store_list_metric_values         (QdStore              *self,
                                                 const char           *metric,
                                                 const char           *scope,
                                                 gint64                scope_id,
                                                 const char           *period,
                                                 const char           *from_start,
                                                 const char           *to_start,
                                                 GError              **error);

/* Every active agent (level agent, status active) with their value on
 * @metric over [from_day, to_day], computed from the tickets or the
 * manual values themselves, not from the roll-ups. For a manual metric:
 * the mean of the values whose period starts in the range, where a month
 * with a monthly value ignores that month's weekly values; sample: the
 * values used. (element-type QdMemberValueRecord) */
GPtrArray  *qd_store_compute_member_values      (QdStore              *self,
                                                 const char           *metric,
                                                 const char           *from_day,
                                                 const char           *to_day,
                                                 GCancellable         *cancellable,
                                                 GError              **error);

/* Hand-entered values; no checks beyond the database's own. */
gboolean    qd_store_set_manual_value           (QdStore              *self,
                                                 const char           *metric,
                                                 gint64                member_id,
                                                 const char           *period,
                                                 const char           *period_start,
                                                 double                value,
                                                 GError              **error);
gboolean    qd_store_delete_manual_value        (QdStore              *self,
                                                 const char           *metric,
                                                 gint64                member_id,
                                                 const char           *period,
                                                 const char           *period_start,
                                                 GError              **error);
/* @value is NAN when none was entered. */
gboolean    qd_store_get_manual_value           (QdStore              *self,
                                                 const char           *metric,
                                                 gint64                member_id,
                                                 const char           *period,
                                                 const char           *period_start,
                                                 double               *value,
                                                 GError              **error);
/* Whether @member_id has hand-entered values; @metric_key (nullable)
 * receives the key of one metric they have values for. */
gboolean    qd_store_member_has_manual_values   (QdStore              *self,
                                                 gint64                member_id,
                                                 gboolean             *result,
                                                 char                **metric_key,
                                                 GError              **error);

/* Teams with at least one member, by name: names, with ids in @ids. */
GStrv       qd_store_list_teams_with_members    (QdStore              *self,
                                                 GArray              **ids,
                                                 GError              **error);
char       *qd_store_dup_team_name              (QdStore              *self,
                                                 gint64                team_id,
                                                 GError              **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QdMetricRecord, qd_metric_record_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdMemberValueRecord, qd_member_value_record_free)

G_END_DECLS
