/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-development-action.h"
#include "qd-goal.h"
#include "qd-kpis.h"
#include "qd-store.h"

G_BEGIN_DECLS

/* QdGoals is the service through which SMART goals, goal templates and
 * development plans change. Each call that changes something checks the
 * rules, writes in one transaction and then emits ::changed; a refused
 * change leaves the database as it was and says why in a
 * QD_GOALS_ERROR (or a QD_STORE_ERROR when the file itself failed).
 *
 * Days are YYYY-MM-DD. Wherever a @today parameter appears, NULL means
 * the real local date; pass a day to see things as of that day (a
 * review's last day, a test).
 *
 * Progress of a goal, 0–100 %:
 *   - measured by a metric: (current − baseline) ÷ (target − baseline)
 *     × 100, clamped to 0–100, where current is the member's latest
 *     roll-up of the metric (weekly if any, else monthly) whose period
 *     starts within [start date, min (due date, today)]. A target below
 *     the baseline (first reply time) works the same way. Without such a
 *     roll-up the progress is NAN — not 0 — so a view can say "No CSAT
 *     data since …" instead of showing an empty bar as a result.
 *   - measured by hand: manual-progress.
 *   The status (achieved, missed, dropped) is the manager's call and does
 *   not change the measured progress.
 * A goal is overdue when it is active and its due date is before today;
 * a development action when it is not done and its due date (if any) is
 * before today. */

#define QD_GOALS_ERROR (qd_goals_error_quark ())

typedef enum
{
  QD_GOALS_ERROR_INVALID,     /* a rule is broken; the message says which */
  QD_GOALS_ERROR_NOT_FOUND,   /* the goal, template, action or member is gone */
} QdGoalsError;

/* A goal to assign to many people at once. Editing a template changes
 * only the goals assigned from it afterwards. */
typedef struct
{
  gint64  id;                 /* 0 for a new one */
  char   *title;
  char   *description;
  char   *metric;             /* NULL or "" for a goal measured by hand */
  double  target;             /* in the metric's unit; NAN for a manual goal */
} QdGoalTemplate;

/* Why someone was left out of a bulk assignment. */
typedef enum
{
  QD_GOAL_SKIP_ALREADY_ASSIGNED,  /* has an active goal from this template */
  QD_GOAL_SKIP_ON_LEAVE,          /* team assignment only */
  QD_GOAL_SKIP_LEFT,              /* has left the team */
  QD_GOAL_SKIP_NO_BASELINE,       /* no value of the metric to start from */
  QD_GOAL_SKIP_AT_TARGET,         /* already at or beyond the target */
} QdGoalSkipReason;

typedef struct
{
  gint64            member_id;
  char             *name;
  QdGoalSkipReason  reason;
  char             *message;      /* "Ana Ruiz already has this goal." */
} QdGoalSkip;

typedef struct _QdGoalsUndo QdGoalsUndo;

#define QD_TYPE_GOALS (qd_goals_get_type ())

G_DECLARE_FINAL_TYPE (QdGoals, qd_goals, QD, GOALS, GObject)

GQuark          qd_goals_error_quark            (void);

/* @kpis: (nullable): the application's KPI service, whose ::changed
 * (new roll-ups after an import) refreshes the progress in the lists;
 * NULL makes a private one. */
QdGoals        *qd_goals_new                    (QdStore           *store,
                                                 QdKpis            *kpis);
QdStore        *qd_goals_get_store              (QdGoals           *self);

/* ---- goals ---- */

/* Rules: a member who exists (and, for a new goal, has not left); a
 * title; real start and due dates, due after start; for a metric goal a
 * metric that exists, a baseline and a target that differ, the target on
 * the better side of the baseline (above it when higher is better); for a
 * manual goal progress 0–100. */
gboolean        qd_goals_validate_goal          (QdGoals           *self,
                                                 QdGoal            *goal,
                                                 GError           **error);
/* Returns: the new goal's id, or 0 on error. */
gint64          qd_goals_add_goal               (QdGoals           *self,
                                                 QdGoal            *goal,
                                                 GError           **error);
gboolean        qd_goals_save_goal              (QdGoals           *self,
                                                 QdGoal            *goal,
                                                 GError           **error);
/* Returns: (transfer full): the goal with its measurement as of @today. */
QdGoal         *qd_goals_load_goal              (QdGoals           *self,
                                                 gint64             id,
                                                 const char        *today,
                                                 GError           **error);
gboolean        qd_goals_set_goal_status        (QdGoals           *self,
                                                 gint64             id,
                                                 QdGoalStatus       status,
                                                 GError           **error);
/* For a goal measured by hand only. */
gboolean        qd_goals_set_manual_progress    (QdGoals           *self,
                                                 gint64             id,
                                                 double             progress,
                                                 GError           **error);
/* Returns: (transfer full): what qd_goals_undo() needs, or NULL on error. */
QdGoalsUndo    *qd_goals_delete_goal            (QdGoals           *self,
                                                 gint64             id,
                                                 GError           **error);

/* Returns: the progress in percent as of @today, or NAN when it cannot
 * be measured yet (no data) — then @error is not set. On error (no such
 * goal) NAN with @error set. */
double          qd_goals_get_progress           (QdGoals           *self,
                                                 gint64             goal_id,
                                                 const char        *today,
                                                 GError           **error);
/* The member's own value to start a metric goal from: their latest weekly
 * roll-up in the 90 days before @start_date, else the latest monthly one;
 * NAN in @value when there is none. For pre-filling the goal editor. */
gboolean        qd_goals_measure_baseline       (QdGoals           *self,
                                                 gint64             member_id,
                                                 const char        *metric,
                                                 const char        *start_date,
                                                 double            *value,
                                                 GError           **error);

/* Returns: (transfer full): a live list of QdGoal — active goals first by
 * due date, then the others latest due first — measured as of @today.
 * member_id 0 lists everyone's. It updates itself after every change made
 * through this service and after the KPI service's ::changed, handing out
 * the same objects for the same goals. Read it; do not change it. */
GListModel     *qd_goals_list_goals             (QdGoals           *self,
                                                 gint64             member_id,
                                                 const char        *today);

/* ---- templates ---- */

/* Rules: a title; a metric that exists and a target for a metric
 * template. */
gint64          qd_goals_add_template           (QdGoals           *self,
                                                 const QdGoalTemplate *tmpl,
                                                 GError           **error);
gboolean        qd_goals_save_template          (QdGoals           *self,
                                                 const QdGoalTemplate *tmpl,
                                                 GError           **error);
QdGoalTemplate *qd_goals_load_template          (QdGoals           *self,
                                                 gint64             id,
                                                 GError           **error);
/* Returns: (transfer full) (element-type QdGoalTemplate): by title. */
GPtrArray      *qd_goals_list_templates         (QdGoals           *self,
                                                 GError           **error);
/* Goals assigned from it stay, unlinked; undo links them again. */
QdGoalsUndo    *qd_goals_delete_template        (QdGoals           *self,
                                                 gint64             id,
                                                 GError           **error);

/* Gives each member a goal copied from the template, from @start_date to
 * @due_date, all in one transaction: on error nothing is written.
 *
 * @baseline: for a metric template, the baseline for everyone; or NAN to
 *   start each member from their own value (see
 *   qd_goals_measure_baseline()). Ignored for manual templates.
 * @skipped: (out) (optional) (element-type QdGoalSkip): who was left out
 *   and why: those with an active goal from this template already, those
 *   who left, and with a measured baseline those without one or already
 *   at or beyond the target. Empty when nobody was; NULL on error.
 *
 * Returns: how many goals were created (0 when everybody was skipped),
 * or -1 on error. */
gint            qd_goals_assign_template        (QdGoals           *self,
                                                 gint64             template_id,
                                                 const gint64      *member_ids,
                                                 guint              n_members,
                                                 const char        *start_date,
                                                 const char        *due_date,
                                                 double             baseline,
                                                 GPtrArray        **skipped,
                                                 GError           **error);
/* The same for everyone in @team (a team name) who has not left; those on
 * leave are skipped (QD_GOAL_SKIP_ON_LEAVE). */
gint            qd_goals_assign_template_to_team (QdGoals          *self,
                                                 gint64             template_id,
                                                 const char        *team,
                                                 const char        *start_date,
                                                 const char        *due_date,
                                                 double             baseline,
                                                 GPtrArray        **skipped,
                                                 GError           **error);

/* ---- development plans ---- */

/* Rules: a member who exists (and, for a new action, has not left); what
 * is to be done; an owner, if any, who exists and has not left; a real
 * due date if any; a review, if any, that exists. */
gboolean        qd_goals_validate_action        (QdGoals           *self,
                                                 QdDevelopmentAction *action,
                                                 GError           **error);
gint64          qd_goals_add_action             (QdGoals           *self,
                                                 QdDevelopmentAction *action,
                                                 GError           **error);
gboolean        qd_goals_save_action            (QdGoals           *self,
                                                 QdDevelopmentAction *action,
                                                 GError           **error);
QdDevelopmentAction *qd_goals_load_action       (QdGoals           *self,
                                                 gint64             id,
                                                 const char        *today,
                                                 GError           **error);
gboolean        qd_goals_set_action_done        (QdGoals           *self,
                                                 gint64             id,
                                                 gboolean           done,
                                                 GError           **error);
QdGoalsUndo    *qd_goals_delete_action          (QdGoals           *self,
                                                 gint64             id,
                                                 GError           **error);
/* Returns: (transfer full): a live list of QdDevelopmentAction, open ones
 * first by due date (none last), then the done ones; 0 for @member_id or
 * @review_id means any. */
GListModel     *qd_goals_list_actions           (QdGoals           *self,
                                                 gint64             member_id,
                                                 gint64             review_id,
                                                 const char        *today);

/* ---- undo ---- */

/* Puts back what a qd_goals_delete_*() removed: the same row, same id. A
 * template or owner deleted in the meantime is left out. */
gboolean        qd_goals_undo                   (QdGoals           *self,
                                                 QdGoalsUndo       *undo,
                                                 GError           **error);
/* What was deleted, for the toast: the goal's, template's or action's
 * title. */
const char     *qd_goals_undo_get_title         (QdGoalsUndo       *undo);
void            qd_goals_undo_free              (QdGoalsUndo       *undo);

QdGoalTemplate *qd_goal_template_copy           (const QdGoalTemplate *tmpl);
void            qd_goal_template_free           (QdGoalTemplate    *tmpl);
void            qd_goal_skip_free               (QdGoalSkip        *skip);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdGoalsUndo, qd_goals_undo_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdGoalTemplate, qd_goal_template_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdGoalSkip, qd_goal_skip_free)

G_END_DECLS
