/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qd-store.h"

G_BEGIN_DECLS

/* Goals, goal templates, development actions and 1:1 notes as stored
 * (schema 5). Plain data the model turns into QdGoal,
 * QdDevelopmentAction and QdMemberNote. Days are local dates,
 * YYYY-MM-DD; a missing number is NAN, a missing id 0, a missing text
 * NULL. Enum values travel as their stored nicks: goal status "active",
 * "achieved", "missed", "dropped"; note kind "one-on-one", "praise",
 * "concern", "note".
 *
 * No checks beyond the database's own happen here: the rules a head of
 * support is told about live in QdGoals and QdNotes.
 *
 * How a goal is measured (what qd_store_find_member_value() looks up):
 *
 *   metric goal   current = the member's latest roll-up of the metric
 *                 (metric_values, scope 'member', scope_id = member id,
 *                 value not NULL) whose period_start lies in
 *                 [start_date, min (due_date, today)]: a weekly one if
 *                 there is any, else a monthly one.
 *                 progress = (current − baseline) ÷ (target − baseline)
 *                 × 100, clamped to 0–100. A target below the baseline
 *                 (first reply time, reopen rate) works the same way.
 *                 No roll-up in the window: progress unknown (NAN).
 *   manual goal   progress = manual_progress (NAN when NULL, which only
 *                 happens to a goal whose metric was deleted).
 *
 * A measured baseline (qd_store_find_member_value_before()) is the
 * member's latest weekly roll-up whose week starts in the 90 days before
 * the goal's start, else the latest monthly one in those 90 days. */

typedef struct
{
  gint64  id;
  gint64  member_id;
  char   *member_name;       /* loaded only */
  gint64  template_id;       /* 0: none */
  char   *title;
  char   *description;
  char   *metric;            /* NULL for a goal measured by hand */
  double  baseline;          /* NAN when none */
  double  target;            /* NAN when none */
  double  manual_progress;   /* percent; NAN when none */
  char   *start_date;
  char   *due_date;
  char   *status;
  char   *created_at;        /* NULL on insert: now */
} QdGoalRecord;

typedef struct
{
  gint64  id;
  char   *title;
  char   *description;
  char   *metric;            /* NULL for a goal measured by hand */
  double  target;            /* NAN when none */
  char   *created_at;        /* NULL on insert: now */
} QdGoalTemplateRecord;

typedef struct
{
  gint64    id;
  gint64    member_id;
  char     *member_name;     /* loaded only */
  gint64    review_id;       /* 0: none */
  char     *title;           /* the column "action" */
  gint64    owner_id;        /* 0: nobody */
  char     *owner_name;      /* loaded only; "" when nobody */
  char     *due_date;        /* NULL when none */
  gboolean  done;
  char     *created_at;      /* NULL on insert: now */
} QdDevelopmentActionRecord;

typedef struct
{
  gint64  id;
  gint64  member_id;
  char   *kind;
  char   *noted_on;
  char   *text;
  char   *created_at;        /* NULL on insert: now */
  char   *updated_at;        /* NULL until edited */
} QdMemberNoteRecord;

/* Bits of the @kinds mask of qd_store_list_member_notes(); 0 = all. */
#define QD_STORE_NOTE_ONE_ON_ONE  (1u << 0)
#define QD_STORE_NOTE_PRAISE      (1u << 1)
#define QD_STORE_NOTE_CONCERN     (1u << 2)
#define QD_STORE_NOTE_NOTE        (1u << 3)

void        qd_goal_record_clear                 (QdGoalRecord               *record);
void        qd_goal_record_free                  (QdGoalRecord               *record);
void        qd_goal_template_record_clear        (QdGoalTemplateRecord       *record);
void        qd_goal_template_record_free         (QdGoalTemplateRecord       *record);
void        qd_development_action_record_clear   (QdDevelopmentActionRecord  *record);
void        qd_development_action_record_free    (QdDevelopmentActionRecord  *record);
void        qd_member_note_record_clear          (QdMemberNoteRecord         *record);
void        qd_member_note_record_free           (QdMemberNoteRecord         *record);

/* Goals. An insert with record->id > 0 (or created_at set) puts back
 * that very row, for undo. Lists: active goals first, by due date; then
 * the others, latest due first. member_id 0 lists everyone's.
 * (element-type QdGoalRecord) */
GPtrArray  *qd_store_list_goals                  (QdStore                    *self,
                                                  gint64                      member_id,
                                                  GError                    **error);
gboolean    qd_store_load_goal                   (QdStore                    *self,
                                                  gint64                      id,
                                                  QdGoalRecord               *record,
                                                  GError                    **error);
gint64      qd_store_insert_goal                 (QdStore                    *self,
                                                  const QdGoalRecord         *record,
                                                  GError                    **error);
gboolean    qd_store_update_goal                 (QdStore                    *self,
                                                  const QdGoalRecord         *record,
                                                  GError                    **error);
gboolean    qd_store_delete_goal                 (QdStore                    *self,
                                                  gint64                      id,
                                                  GError                    **error);
gboolean    qd_store_member_has_active_goal_from (QdStore                    *self,
                                                  gint64                      member_id,
                                                  gint64                      template_id,
                                                  gboolean                   *result,
                                                  GError                    **error);

/* Measuring. @value is NAN when nothing was found; @period_start
 * (nullable out) receives the start of the period the value is for. */
gboolean    qd_store_find_member_value           (QdStore                    *self,
                                                  const char                 *metric,
                                                  gint64                      member_id,
                                                  const char                 *from_day,
                                                  const char                 *to_day,
                                                  double                     *value,
                                                  char                      **period_start,
                                                  GError                    **error);
gboolean    qd_store_find_member_value_before    (QdStore                    *self,
                                                  const char                 *metric,
                                                  gint64                      member_id,
                                                  const char                 *day,
                                                  double                     *value,
                                                  GError                    **error);

/* Templates, by title. (element-type QdGoalTemplateRecord) */
GPtrArray  *qd_store_list_goal_templates         (QdStore                    *self,
                                                  GError                    **error);
gboolean    qd_store_load_goal_template          (QdStore                    *self,
                                                  gint64                      id,
                                                  QdGoalTemplateRecord       *record,
                                                  GError                    **error);
gint64      qd_store_insert_goal_template        (QdStore                    *self,
                                                  const QdGoalTemplateRecord *record,
                                                  GError                    **error);
gboolean    qd_store_update_goal_template        (QdStore                    *self,
                                                  const QdGoalTemplateRecord *record,
                                                  GError                    **error);
gboolean    qd_store_delete_goal_template        (QdStore                    *self,
                                                  gint64                      id,
                                                  GError                    **error);
/* The goals assigned from a template, and linking them back to it (for
 * undoing the template's deletion; goals already linked elsewhere stay). */
GArray     *qd_store_list_goals_from_template    (QdStore                    *self,
                                                  gint64                      template_id,
                                                  GError                    **error);
gboolean    qd_store_relink_goals                (QdStore                    *self,
                                                  gint64                      template_id,
                                                  GArray                     *goal_ids,
                                                  GError                    **error);
/* The members of a team (by name, any case) who have not left, by name.
 * NULL with QD_STORE_ERROR_NOT_FOUND when there is no such team. */
GArray     *qd_store_list_team_member_ids        (QdStore                    *self,
                                                  const char                 *team,
                                                  GError                    **error);

/* Development actions. Lists: open ones first by due date (none last),
 * then the done ones; 0 for member_id or review_id means any.
 * (element-type QdDevelopmentActionRecord) */
GPtrArray  *qd_store_list_development_actions    (QdStore                    *self,
                                                  gint64                      member_id,
                                                  gint64                      review_id,
                                                  GError                    **error);
gboolean    qd_store_load_development_action     (QdStore                    *self,
                                                  gint64                      id,
                                                  QdDevelopmentActionRecord  *record,
                                                  GError                    **error);
gint64      qd_store_insert_development_action   (QdStore                    *self,
                                                  const QdDevelopmentActionRecord *record,
                                                  GError                    **error);
gboolean    qd_store_update_development_action   (QdStore                    *self,
                                                  const QdDevelopmentActionRecord *record,
                                                  GError                    **error);
gboolean    qd_store_delete_development_action   (QdStore                    *self,
                                                  gint64                      id,
                                                  GError                    **error);
gboolean    qd_store_review_exists               (QdStore                    *self,
                                                  gint64                      review_id,
                                                  gboolean                   *result,
                                                  GError                    **error);

/* 1:1 notes and feedback. Lists: newest first (noted_on, then id);
 * @kinds is a mask of QD_STORE_NOTE_* (0 = all); @from_day and @to_day
 * (inclusive, nullable) bound noted_on. (element-type QdMemberNoteRecord) */
GPtrArray  *qd_store_list_member_notes           (QdStore                    *self,
                                                  gint64                      member_id,
                                                  guint                       kinds,
                                                  const char                 *from_day,
                                                  const char                 *to_day,
                                                  GError                    **error);
gboolean    qd_store_load_member_note            (QdStore                    *self,
                                                  gint64                      id,
                                                  QdMemberNoteRecord         *record,
                                                  GError                    **error);
gint64      qd_store_insert_member_note          (QdStore                    *self,
                                                  const QdMemberNoteRecord   *record,
                                                  GError                    **error);
/* Also sets updated_at to now. */
gboolean    qd_store_update_member_note          (QdStore                    *self,
                                                  const QdMemberNoteRecord   *record,
                                                  GError                    **error);
gboolean    qd_store_delete_member_note          (QdStore                    *self,
                                                  gint64                      id,
                                                  GError                    **error);

/* What deleting a member would destroy: their goals, the development
 * actions they have or own, and the notes about them. */
gboolean    qd_store_count_goal_history          (QdStore                    *self,
                                                  gint64                      member_id,
                                                  guint                      *n_goals,
                                                  guint                      *n_actions,
                                                  guint                      *n_notes,
                                                  GError                    **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QdGoalRecord, qd_goal_record_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QdGoalTemplateRecord, qd_goal_template_record_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QdDevelopmentActionRecord, qd_development_action_record_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QdMemberNoteRecord, qd_member_note_record_clear)

G_END_DECLS
