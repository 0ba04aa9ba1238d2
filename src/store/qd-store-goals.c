/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-store"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "qd-store-goals.h"
#include "qd-store-private.h"

#define NOW_UTC "strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"

#define GOAL_COLUMNS \
  "g.id, g.member_id, coalesce (m.name, ''), coalesce (g.template_id, 0), g.title, " \
  "g.description, g.metric, g.baseline_value, g.target_value, g.manual_progress, " \
  "g.start_date, g.due_date, g.status, g.created_at "

#define GOAL_JOINS \
  "FROM goals g LEFT JOIN members m ON m.id = g.member_id "

#define TEMPLATE_COLUMNS \
  "SELECT id, title, description, metric, target_value, created_at FROM goal_templates "

#define ACTION_COLUMNS \
  "a.id, a.member_id, coalesce (m.name, ''), coalesce (a.review_id, 0), a.action, " \
  "coalesce (a.owner_id, 0), coalesce (o.name, ''), a.due_date, a.done, a.created_at "

#define ACTION_JOINS \
  "FROM development_actions a " \
  "LEFT JOIN members m ON m.id = a.member_id " \
  "LEFT JOIN members o ON o.id = a.owner_id "

#define NOTE_COLUMNS \
  "SELECT id, member_id, kind, noted_on, text, created_at, updated_at FROM member_notes "

/* ---- helpers ---- */

/* Steps an INSERT … RETURNING id. */
static gint64
step_returning_id (QdStore       *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  gint64 id = 0;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      id = 0;
    }
  sqlite3_reset (stmt);
  return id;
}

/* Steps an UPDATE or DELETE of one row; a row that is gone is reported
 * with @missing. */
static gboolean
step_one_row (QdStore       *self,
              sqlite3_stmt  *stmt,
              const char    *missing,
              GError       **error)
{
  if (!_qd_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_qd_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND, missing);
      return FALSE;
    }
  return TRUE;
}

typedef void (*ReadRow) (sqlite3_stmt *stmt,
                         gpointer      record);

static GPtrArray *
collect_records (QdStore        *self,
                 sqlite3_stmt   *stmt,
                 gsize           record_size,
                 ReadRow         read_row,
                 GDestroyNotify  free_func,
                 GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer record = g_malloc0 (record_size);

      read_row (stmt, record);
      g_ptr_array_add (rows, record);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
load_one (QdStore       *self,
          sqlite3_stmt  *stmt,
          gpointer       record,
          ReadRow        read_row,
          const char    *missing,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    read_row (stmt, record);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND, missing);
  else
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/* ---- records ---- */

void
qd_goal_record_clear (QdGoalRecord *record)
{
  g_clear_pointer (&record->member_name, g_free);
  g_clear_pointer (&record->title, g_free);
  g_clear_pointer (&record->description, g_free);
  g_clear_pointer (&record->metric, g_free);
  g_clear_pointer (&record->start_date, g_free);
  g_clear_pointer (&record->due_date, g_free);
  g_clear_pointer (&record->status, g_free);
  g_clear_pointer (&record->created_at, g_free);
  record->id = 0;
  record->member_id = 0;
  record->template_id = 0;
  record->baseline = NAN;
  record->target = NAN;
  record->manual_progress = NAN;
}

void
qd_goal_record_free (QdGoalRecord *record)
{
  if (record == NULL)
    return;
  qd_goal_record_clear (record);
  g_free (record);
}

void
qd_goal_template_record_clear (QdGoalTemplateRecord *record)
{
  g_clear_pointer (&record->title, g_free);
  g_clear_pointer (&record->description, g_free);
  g_clear_pointer (&record->metric, g_free);
  g_clear_pointer (&record->created_at, g_free);
  record->id = 0;
  record->target = NAN;
}

void
qd_goal_template_record_free (QdGoalTemplateRecord *record)
{
  if (record == NULL)
    return;
  qd_goal_template_record_clear (record);
  g_free (record);
}

void
qd_development_action_record_clear (QdDevelopmentActionRecord *record)
{
  g_clear_pointer (&record->member_name, g_free);
  g_clear_pointer (&record->title, g_free);
  g_clear_pointer (&record->owner_name, g_free);
  g_clear_pointer (&record->due_date, g_free);
  g_clear_pointer (&record->created_at, g_free);
  record->id = 0;
  record->member_id = 0;
  record->review_id = 0;
  record->owner_id = 0;
  record->done = FALSE;
}

void
qd_development_action_record_free (QdDevelopmentActionRecord *record)
{
  if (record == NULL)
    return;
  qd_development_action_record_clear (record);
  g_free (record);
}

void
qd_member_note_record_clear (QdMemberNoteRecord *record)
{
  g_clear_pointer (&record->kind, g_free);
  g_clear_pointer (&record->noted_on, g_free);
  g_clear_pointer (&record->text, g_free);
  g_clear_pointer (&record->created_at, g_free);
  g_clear_pointer (&record->updated_at, g_free);
  record->id = 0;
  record->member_id = 0;
}

void
qd_member_note_record_free (QdMemberNoteRecord *record)
{
  if (record == NULL)
    return;
  qd_member_note_record_clear (record);
  g_free (record);
}

/* ---- goals ---- */

static void
read_goal (sqlite3_stmt *stmt,
           gpointer      data)
{
  QdGoalRecord *record = data;

  qd_goal_record_clear (record);
  record->id = sqlite3_column_int64 (stmt, 0);
  record->member_id = sqlite3_column_int64 (stmt, 1);
  record->member_name = _qd_store_column_dup (stmt, 2);
  record->template_id = sqlite3_column_int64 (stmt, 3);
  record->title = _qd_store_column_dup (stmt, 4);
  record->description = _qd_store_column_dup (stmt, 5);
  record->metric = _qd_store_column_dup_nullable (stmt, 6);
  record->baseline = _qd_store_column_real (stmt, 7);
  record->target = _qd_store_column_real (stmt, 8);
  record->manual_progress = _qd_store_column_real (stmt, 9);
  record->start_date = _qd_store_column_dup (stmt, 10);
  record->due_date = _qd_store_column_dup (stmt, 11);
  record->status = _qd_store_column_dup (stmt, 12);
  record->created_at = _qd_store_column_dup (stmt, 13);
}

GPtrArray *
qd_store_list_goals (QdStore  *self,
                     gint64    member_id,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT " GOAL_COLUMNS GOAL_JOINS
                            "WHERE ?1 = 0 OR g.member_id = ?1 "
                            "ORDER BY g.status <> 'active', "
                            "  CASE WHEN g.status = 'active' THEN g.due_date END ASC, "
                            "  g.due_date DESC, g.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (member_id, 0));
  return collect_records (self, stmt, sizeof (QdGoalRecord), read_goal,
                          (GDestroyNotify) qd_goal_record_free, error);
}

gboolean
qd_store_load_goal (QdStore       *self,
                    gint64         id,
                    QdGoalRecord  *record,
                    GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  stmt = _qd_store_prepare (self, "SELECT " GOAL_COLUMNS GOAL_JOINS "WHERE g.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return load_one (self, stmt, record, read_goal, _("This goal no longer exists."), error);
}

static void
bind_goal (sqlite3_stmt       *stmt,
           const QdGoalRecord *record)
{
  _qd_store_bind_id (stmt, 1, record->id);
  sqlite3_bind_int64 (stmt, 2, record->member_id);
  _qd_store_bind_id (stmt, 3, record->template_id);
  _qd_store_bind_text (stmt, 4, record->title);
  _qd_store_bind_text (stmt, 5, record->description != NULL ? record->description : "");
  _qd_store_bind_text (stmt, 6, _qd_store_nonempty (record->metric));
  _qd_store_bind_real (stmt, 7, record->baseline);
  _qd_store_bind_real (stmt, 8, record->target);
  _qd_store_bind_real (stmt, 9, record->manual_progress);
  _qd_store_bind_text (stmt, 10, record->start_date);
  _qd_store_bind_text (stmt, 11, record->due_date);
  _qd_store_bind_text (stmt, 12, record->status != NULL ? record->status : "active");
}

gint64
qd_store_insert_goal (QdStore             *self,
                      const QdGoalRecord  *record,
                      GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO goals (id, member_id, template_id, title, description, metric, "
                            "baseline_value, target_value, manual_progress, start_date, due_date, status, "
                            "created_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                            "coalesce (?13, " NOW_UTC ")) RETURNING id",
                            error);
  if (stmt == NULL)
    return 0;
  bind_goal (stmt, record);
  _qd_store_bind_text (stmt, 13, record->created_at);
  return step_returning_id (self, stmt, error);
}

gboolean
qd_store_update_goal (QdStore             *self,
                      const QdGoalRecord  *record,
                      GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->id > 0, FALSE);

  stmt = _qd_store_prepare (self,
                            "UPDATE goals SET member_id = ?2, template_id = ?3, title = ?4, "
                            "description = ?5, metric = ?6, baseline_value = ?7, target_value = ?8, "
                            "manual_progress = ?9, start_date = ?10, due_date = ?11, status = ?12 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_goal (stmt, record);
  return step_one_row (self, stmt, _("This goal no longer exists."), error);
}

gboolean
qd_store_delete_goal (QdStore  *self,
                      gint64    id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self, "DELETE FROM goals WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_one_row (self, stmt, _("This goal no longer exists."), error);
}

gboolean
qd_store_member_has_active_goal_from (QdStore   *self,
                                      gint64     member_id,
                                      gint64     template_id,
                                      gboolean  *result,
                                      GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  stmt = _qd_store_prepare (self,
                            "SELECT EXISTS (SELECT 1 FROM goals WHERE member_id = ?1 "
                            "AND template_id = ?2 AND status = 'active')",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, template_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *result = sqlite3_column_int (stmt, 0) != 0;
  else
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/* ---- measuring ---- */

static gboolean
step_value (QdStore       *self,
            sqlite3_stmt  *stmt,
            double        *value,
            char         **period_start,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  *value = NAN;
  if (period_start != NULL)
    *period_start = NULL;
  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_double (stmt, 0);
      if (period_start != NULL)
        *period_start = _qd_store_column_dup (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

gboolean
qd_store_find_member_value (QdStore     *self,
                            const char  *metric,
                            gint64       member_id,
                            const char  *from_day,
                            const char  *to_day,
                            double      *value,
                            char       **period_start,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (metric != NULL && from_day != NULL && to_day != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  stmt = _qd_store_prepare (self,
                            "SELECT value, period_start FROM metric_values "
                            "WHERE metric = ?1 AND scope = 'member' AND scope_id = ?2 "
                            "AND value IS NOT NULL AND period_start BETWEEN ?3 AND ?4 "
                            "ORDER BY period = 'week' DESC, period_start DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, metric);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _qd_store_bind_text (stmt, 3, from_day);
  _qd_store_bind_text (stmt, 4, to_day);
  return step_value (self, stmt, value, period_start, error);
}

gboolean
qd_store_find_member_value_before (QdStore     *self,
                                   const char  *metric,
                                   gint64       member_id,
                                   const char  *day,
                                   double      *value,
                                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (metric != NULL && day != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  stmt = _qd_store_prepare (self,
                            "SELECT value, period_start FROM metric_values "
                            "WHERE metric = ?1 AND scope = 'member' AND scope_id = ?2 "
                            "AND value IS NOT NULL AND period_start < ?3 "
                            "AND period_start >= date (?3, '-90 days') "
                            "ORDER BY period = 'week' DESC, period_start DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, metric);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _qd_store_bind_text (stmt, 3, day);
  return step_value (self, stmt, value, NULL, error);
}

/* ---- templates ---- */

static void
read_template (sqlite3_stmt *stmt,
               gpointer      data)
{
  QdGoalTemplateRecord *record = data;

  qd_goal_template_record_clear (record);
  record->id = sqlite3_column_int64 (stmt, 0);
  record->title = _qd_store_column_dup (stmt, 1);
  record->description = _qd_store_column_dup (stmt, 2);
  record->metric = _qd_store_column_dup_nullable (stmt, 3);
  record->target = _qd_store_column_real (stmt, 4);
  record->created_at = _qd_store_column_dup (stmt, 5);
}

GPtrArray *
qd_store_list_goal_templates (QdStore  *self,
                              GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self, TEMPLATE_COLUMNS "ORDER BY title COLLATE qd_locale, id", error);
  if (stmt == NULL)
    return NULL;
  return collect_records (self, stmt, sizeof (QdGoalTemplateRecord), read_template,
                          (GDestroyNotify) qd_goal_template_record_free, error);
}

gboolean
qd_store_load_goal_template (QdStore               *self,
                             gint64                 id,
                             QdGoalTemplateRecord  *record,
                             GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  stmt = _qd_store_prepare (self, TEMPLATE_COLUMNS "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return load_one (self, stmt, record, read_template, _("This goal template no longer exists."), error);
}

static void
bind_template (sqlite3_stmt               *stmt,
               const QdGoalTemplateRecord *record)
{
  _qd_store_bind_id (stmt, 1, record->id);
  _qd_store_bind_text (stmt, 2, record->title);
  _qd_store_bind_text (stmt, 3, record->description != NULL ? record->description : "");
  _qd_store_bind_text (stmt, 4, _qd_store_nonempty (record->metric));
  _qd_store_bind_real (stmt, 5, record->target);
}

gint64
qd_store_insert_goal_template (QdStore                     *self,
                               const QdGoalTemplateRecord  *record,
                               GError                     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO goal_templates (id, title, description, metric, target_value, "
                            "created_at) VALUES (?1, ?2, ?3, ?4, ?5, coalesce (?6, " NOW_UTC ")) "
                            "RETURNING id",
                            error);
  if (stmt == NULL)
    return 0;
  bind_template (stmt, record);
  _qd_store_bind_text (stmt, 6, record->created_at);
  return step_returning_id (self, stmt, error);
}

gboolean
qd_store_update_goal_template (QdStore                     *self,
                               const QdGoalTemplateRecord  *record,
                               GError                     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->id > 0, FALSE);

  stmt = _qd_store_prepare (self,
                            "UPDATE goal_templates SET title = ?2, description = ?3, metric = ?4, "
                            "target_value = ?5 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_template (stmt, record);
  return step_one_row (self, stmt, _("This goal template no longer exists."), error);
}

gboolean
qd_store_delete_goal_template (QdStore  *self,
                               gint64    id,
                               GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self, "DELETE FROM goal_templates WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_one_row (self, stmt, _("This goal template no longer exists."), error);
}

GArray *
qd_store_list_goals_from_template (QdStore  *self,
                                   gint64    template_id,
                                   GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self, "SELECT id FROM goals WHERE template_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, template_id);
  return _qd_store_collect_ids (self, stmt, error);
}

gboolean
qd_store_relink_goals (QdStore  *self,
                       gint64    template_id,
                       GArray   *goal_ids,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  for (guint i = 0; goal_ids != NULL && i < goal_ids->len; i++)
    {
      stmt = _qd_store_prepare (self,
                                "UPDATE goals SET template_id = ?1 WHERE id = ?2 AND template_id IS NULL",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, template_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (goal_ids, gint64, i));
      if (!_qd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

GArray *
qd_store_list_team_member_ids (QdStore     *self,
                               const char  *team,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);
  g_return_val_if_fail (team != NULL, NULL);

  stmt = _qd_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM teams WHERE name = trim (?1))", error);
  if (stmt == NULL)
    return NULL;
  _qd_store_bind_text (stmt, 1, team);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    exists = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  if (!exists)
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND,
                   _("There is no team “%s”."), team);
      return NULL;
    }

  stmt = _qd_store_prepare (self,
                            "SELECT m.id FROM members m JOIN teams t ON t.id = m.team_id "
                            "WHERE t.name = trim (?1) AND m.status <> 'left' "
                            "ORDER BY m.name COLLATE qd_locale, m.id",
                            error);
  if (stmt == NULL)
    return NULL;
  _qd_store_bind_text (stmt, 1, team);
  return _qd_store_collect_ids (self, stmt, error);
}

/* ---- development actions ---- */

static void
read_action (sqlite3_stmt *stmt,
             gpointer      data)
{
  QdDevelopmentActionRecord *record = data;

  qd_development_action_record_clear (record);
  record->id = sqlite3_column_int64 (stmt, 0);
  record->member_id = sqlite3_column_int64 (stmt, 1);
  record->member_name = _qd_store_column_dup (stmt, 2);
  record->review_id = sqlite3_column_int64 (stmt, 3);
  record->title = _qd_store_column_dup (stmt, 4);
  record->owner_id = sqlite3_column_int64 (stmt, 5);
  record->owner_name = _qd_store_column_dup (stmt, 6);
  record->due_date = _qd_store_column_dup_nullable (stmt, 7);
  record->done = sqlite3_column_int (stmt, 8) != 0;
  record->created_at = _qd_store_column_dup (stmt, 9);
}

GPtrArray *
qd_store_list_development_actions (QdStore  *self,
                                   gint64    member_id,
                                   gint64    review_id,
                                   GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT " ACTION_COLUMNS ACTION_JOINS
                            "WHERE (?1 = 0 OR a.member_id = ?1) AND (?2 = 0 OR a.review_id = ?2) "
                            "ORDER BY a.done, a.due_date IS NULL, a.due_date, a.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (member_id, 0));
  sqlite3_bind_int64 (stmt, 2, MAX (review_id, 0));
  return collect_records (self, stmt, sizeof (QdDevelopmentActionRecord), read_action,
                          (GDestroyNotify) qd_development_action_record_free, error);
}

gboolean
qd_store_load_development_action (QdStore                    *self,
                                  gint64                      id,
                                  QdDevelopmentActionRecord  *record,
                                  GError                    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  stmt = _qd_store_prepare (self, "SELECT " ACTION_COLUMNS ACTION_JOINS "WHERE a.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return load_one (self, stmt, record, read_action,
                   _("This development action no longer exists."), error);
}

static void
bind_action (sqlite3_stmt                    *stmt,
             const QdDevelopmentActionRecord *record)
{
  _qd_store_bind_id (stmt, 1, record->id);
  sqlite3_bind_int64 (stmt, 2, record->member_id);
  _qd_store_bind_id (stmt, 3, record->review_id);
  _qd_store_bind_text (stmt, 4, record->title);
  _qd_store_bind_id (stmt, 5, record->owner_id);
  _qd_store_bind_text (stmt, 6, _qd_store_nonempty (record->due_date));
  sqlite3_bind_int (stmt, 7, record->done ? 1 : 0);
}

gint64
qd_store_insert_development_action (QdStore                          *self,
                                    const QdDevelopmentActionRecord  *record,
                                    GError                          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO development_actions (id, member_id, review_id, action, owner_id, "
                            "due_date, done, created_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce (?8, " NOW_UTC ")) RETURNING id",
                            error);
  if (stmt == NULL)
    return 0;
  bind_action (stmt, record);
  _qd_store_bind_text (stmt, 8, record->created_at);
  return step_returning_id (self, stmt, error);
}

gboolean
qd_store_update_development_action (QdStore                          *self,
                                    const QdDevelopmentActionRecord  *record,
                                    GError                          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->id > 0, FALSE);

  stmt = _qd_store_prepare (self,
                            "UPDATE development_actions SET member_id = ?2, review_id = ?3, action = ?4, "
                            "owner_id = ?5, due_date = ?6, done = ?7 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_action (stmt, record);
  return step_one_row (self, stmt, _("This development action no longer exists."), error);
}

gboolean
qd_store_delete_development_action (QdStore  *self,
                                    gint64    id,
                                    GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self, "DELETE FROM development_actions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_one_row (self, stmt, _("This development action no longer exists."), error);
}

gboolean
qd_store_review_exists (QdStore   *self,
                        gint64     review_id,
                        gboolean  *result,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  stmt = _qd_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM reviews WHERE id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *result = sqlite3_column_int (stmt, 0) != 0;
  else
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/* ---- notes ---- */

static void
read_note (sqlite3_stmt *stmt,
           gpointer      data)
{
  QdMemberNoteRecord *record = data;

  qd_member_note_record_clear (record);
  record->id = sqlite3_column_int64 (stmt, 0);
  record->member_id = sqlite3_column_int64 (stmt, 1);
  record->kind = _qd_store_column_dup (stmt, 2);
  record->noted_on = _qd_store_column_dup (stmt, 3);
  record->text = _qd_store_column_dup (stmt, 4);
  record->created_at = _qd_store_column_dup (stmt, 5);
  record->updated_at = _qd_store_column_dup_nullable (stmt, 6);
}

GPtrArray *
qd_store_list_member_notes (QdStore     *self,
                            gint64       member_id,
                            guint        kinds,
                            const char  *from_day,
                            const char  *to_day,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            NOTE_COLUMNS
                            "WHERE (?1 = 0 OR member_id = ?1) "
                            "AND (?2 = 0 OR (?2 >> CASE kind WHEN 'one-on-one' THEN 0 WHEN 'praise' THEN 1 "
                            "                 WHEN 'concern' THEN 2 ELSE 3 END) & 1) "
                            "AND (?3 IS NULL OR noted_on >= ?3) AND (?4 IS NULL OR noted_on <= ?4) "
                            "ORDER BY noted_on DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (member_id, 0));
  sqlite3_bind_int (stmt, 2, (int) (kinds & 0xf));
  _qd_store_bind_text (stmt, 3, _qd_store_nonempty (from_day));
  _qd_store_bind_text (stmt, 4, _qd_store_nonempty (to_day));
  return collect_records (self, stmt, sizeof (QdMemberNoteRecord), read_note,
                          (GDestroyNotify) qd_member_note_record_free, error);
}

gboolean
qd_store_load_member_note (QdStore             *self,
                           gint64               id,
                           QdMemberNoteRecord  *record,
                           GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  stmt = _qd_store_prepare (self, NOTE_COLUMNS "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return load_one (self, stmt, record, read_note, _("This note no longer exists."), error);
}

gint64
qd_store_insert_member_note (QdStore                   *self,
                             const QdMemberNoteRecord  *record,
                             GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO member_notes (id, member_id, kind, noted_on, text, created_at, "
                            "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, coalesce (?6, " NOW_UTC "), ?7) "
                            "RETURNING id",
                            error);
  if (stmt == NULL)
    return 0;
  _qd_store_bind_id (stmt, 1, record->id);
  sqlite3_bind_int64 (stmt, 2, record->member_id);
  _qd_store_bind_text (stmt, 3, record->kind);
  _qd_store_bind_text (stmt, 4, record->noted_on);
  _qd_store_bind_text (stmt, 5, record->text);
  _qd_store_bind_text (stmt, 6, record->created_at);
  _qd_store_bind_text (stmt, 7, record->updated_at);
  return step_returning_id (self, stmt, error);
}

gboolean
qd_store_update_member_note (QdStore                   *self,
                             const QdMemberNoteRecord  *record,
                             GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->id > 0, FALSE);

  stmt = _qd_store_prepare (self,
                            "UPDATE member_notes SET member_id = ?2, kind = ?3, noted_on = ?4, text = ?5, "
                            "updated_at = " NOW_UTC " WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);
  sqlite3_bind_int64 (stmt, 2, record->member_id);
  _qd_store_bind_text (stmt, 3, record->kind);
  _qd_store_bind_text (stmt, 4, record->noted_on);
  _qd_store_bind_text (stmt, 5, record->text);
  return step_one_row (self, stmt, _("This note no longer exists."), error);
}

gboolean
qd_store_delete_member_note (QdStore  *self,
                             gint64    id,
                             GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self, "DELETE FROM member_notes WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_one_row (self, stmt, _("This note no longer exists."), error);
}

/* ---- history ---- */

gboolean
qd_store_count_goal_history (QdStore  *self,
                             gint64    member_id,
                             guint    *n_goals,
                             guint    *n_actions,
                             guint    *n_notes,
                             GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self,
                            "SELECT (SELECT count(*) FROM goals WHERE member_id = ?1), "
                            "       (SELECT count(*) FROM development_actions "
                            "        WHERE member_id = ?1 OR owner_id = ?1), "
                            "       (SELECT count(*) FROM member_notes WHERE member_id = ?1)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (n_goals != NULL)
        *n_goals = (guint) sqlite3_column_int64 (stmt, 0);
      if (n_actions != NULL)
        *n_actions = (guint) sqlite3_column_int64 (stmt, 1);
      if (n_notes != NULL)
        *n_notes = (guint) sqlite3_column_int64 (stmt, 2);
    }
  else
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}
