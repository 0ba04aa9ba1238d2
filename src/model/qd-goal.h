/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-store-goals.h"

G_BEGIN_DECLS

typedef enum
{
  QD_GOAL_STATUS_ACTIVE,
  QD_GOAL_STATUS_ACHIEVED,
  QD_GOAL_STATUS_MISSED,
  QD_GOAL_STATUS_DROPPED,
} QdGoalStatus;

#define QD_TYPE_GOAL_STATUS (qd_goal_status_get_type ())

GType         qd_goal_status_get_type      (void) G_GNUC_CONST;
const char   *qd_goal_status_to_nick       (QdGoalStatus  status);
const char   *qd_goal_status_to_label      (QdGoalStatus  status);
gboolean      qd_goal_status_from_nick     (const char   *nick,
                                            QdGoalStatus *status);

/* A SMART goal of one team member: a plain value object. Changes reach
 * the database through QdGoals, which checks the rules and measures it.
 *
 * Editable properties (set them, then qd_goals_add_goal() or
 * qd_goals_save_goal()):
 *   member-id, template-id (0: none), title, description,
 *   metric            a metric key ("csat", "first-reply", …), or "" for a
 *                     goal measured by hand
 *   baseline, target  in the metric's unit; NAN when not set (manual goals
 *                     keep neither)
 *   manual-progress   0–100 %, for a goal measured by hand (default 0)
 *   start-date, due-date  YYYY-MM-DD
 *   status            QdGoalStatus
 *
 * Read-only, filled in by QdGoals when it loads the goal:
 *   member-name, status-label, start-date-label, due-date-label, created-at,
 *   measured          TRUE for a metric goal
 *   metric-name       "CSAT" (translated), "" for a manual goal
 *   current-value     the measurement progress is computed from, NAN when
 *                     none (always NAN for a manual goal)
 *   progress          0–100, NAN when it cannot be measured yet
 *   progress-label    "60 % — CSAT 93.0 % of 95.0 %", "40 %",
 *                     "No CSAT data since 2 Mar 2026"
 *   overdue           active and due before today */

#define QD_TYPE_GOAL (qd_goal_get_type ())

G_DECLARE_FINAL_TYPE (QdGoal, qd_goal, QD, GOAL, GObject)

QdGoal       *qd_goal_new                  (void);
QdGoal       *qd_goal_new_from_record      (const QdGoalRecord *record);
void          qd_goal_update_from_record   (QdGoal             *self,
                                            const QdGoalRecord *record);
void          qd_goal_to_record            (QdGoal             *self,
                                            QdGoalRecord       *record);

gint64        qd_goal_get_id               (QdGoal             *self);
gint64        qd_goal_get_member_id        (QdGoal             *self);
void          qd_goal_set_member_id        (QdGoal             *self,
                                            gint64              member_id);
const char   *qd_goal_get_member_name      (QdGoal             *self);
gint64        qd_goal_get_template_id      (QdGoal             *self);
void          qd_goal_set_template_id      (QdGoal             *self,
                                            gint64              template_id);
const char   *qd_goal_get_title            (QdGoal             *self);
void          qd_goal_set_title            (QdGoal             *self,
                                            const char         *title);
const char   *qd_goal_get_description      (QdGoal             *self);
void          qd_goal_set_description      (QdGoal             *self,
                                            const char         *description);
const char   *qd_goal_get_metric           (QdGoal             *self);
void          qd_goal_set_metric           (QdGoal             *self,
                                            const char         *metric);
gboolean      qd_goal_get_measured         (QdGoal             *self);
double        qd_goal_get_baseline         (QdGoal             *self);
void          qd_goal_set_baseline         (QdGoal             *self,
                                            double              baseline);
double        qd_goal_get_target           (QdGoal             *self);
void          qd_goal_set_target           (QdGoal             *self,
                                            double              target);
double        qd_goal_get_manual_progress  (QdGoal             *self);
void          qd_goal_set_manual_progress  (QdGoal             *self,
                                            double              progress);
const char   *qd_goal_get_start_date       (QdGoal             *self);
void          qd_goal_set_start_date       (QdGoal             *self,
                                            const char         *start_date);
const char   *qd_goal_get_due_date         (QdGoal             *self);
void          qd_goal_set_due_date         (QdGoal             *self,
                                            const char         *due_date);
QdGoalStatus  qd_goal_get_status           (QdGoal             *self);
void          qd_goal_set_status           (QdGoal             *self,
                                            QdGoalStatus        status);
const char   *qd_goal_get_created_at       (QdGoal             *self);

const char   *qd_goal_get_metric_name      (QdGoal             *self);
double        qd_goal_get_current_value    (QdGoal             *self);
double        qd_goal_get_progress         (QdGoal             *self);
const char   *qd_goal_get_progress_label   (QdGoal             *self);
gboolean      qd_goal_get_overdue          (QdGoal             *self);

/* For QdGoals: sets the read-only measurement, notifying what changed. */
void          _qd_goal_set_measurement     (QdGoal             *self,
                                            const char         *metric_name,
                                            double              current_value,
                                            double              progress,
                                            const char         *progress_label,
                                            gboolean            overdue);

/* A day as shown next to goals, actions and notes: "2 Mar 2026"; "" when
 * @iso_day is not a date. */
char         *_qd_goal_format_day          (const char         *iso_day);

G_END_DECLS
