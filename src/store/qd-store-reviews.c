/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-store"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "qd-store-reviews.h"
#include "qd-store-private.h"

/* ---- records ---- */

void
qd_template_record_clear (QdTemplateRecord *record)
{
  g_clear_pointer (&record->name, g_free);
  g_clear_pointer (&record->labels, g_strfreev);
  record->id = 0;
  record->scale_points = 0;
}

void
qd_competency_record_clear (QdCompetencyRecord *record)
{
  g_clear_pointer (&record->group_name, g_free);
  g_clear_pointer (&record->name, g_free);
  g_clear_pointer (&record->description, g_free);
  record->id = 0;
  record->owner_id = 0;
}

void
qd_cycle_record_clear (QdCycleRecord *record)
{
  g_clear_pointer (&record->name, g_free);
  g_clear_pointer (&record->period_start, g_free);
  g_clear_pointer (&record->period_end, g_free);
  g_clear_pointer (&record->self_due, g_free);
  g_clear_pointer (&record->manager_due, g_free);
  g_clear_pointer (&record->calibration_due, g_free);
  g_clear_pointer (&record->status, g_free);
  g_clear_pointer (&record->template_name, g_free);
  g_clear_pointer (&record->participants_rule, g_free);
  g_clear_pointer (&record->labels, g_strfreev);
  record->id = 0;
  record->template_id = 0;
  record->scale_points = 0;
  record->n_participants = 0;
}

void
qd_review_record_clear (QdReviewRecord *record)
{
  g_clear_pointer (&record->member_name, g_free);
  g_clear_pointer (&record->member_email, g_free);
  g_clear_pointer (&record->member_status, g_free);
  g_clear_pointer (&record->member_team, g_free);
  g_clear_pointer (&record->reviewer_name, g_free);
  g_clear_pointer (&record->status, g_free);
  g_clear_pointer (&record->potential, g_free);
  g_clear_pointer (&record->strengths, g_free);
  g_clear_pointer (&record->improvements, g_free);
  g_clear_pointer (&record->self_submitted_at, g_free);
  g_clear_pointer (&record->manager_submitted_at, g_free);
  g_clear_pointer (&record->shared_at, g_free);
  g_clear_pointer (&record->cycle_name, g_free);
  g_clear_pointer (&record->cycle_status, g_free);
  g_clear_pointer (&record->period_start, g_free);
  g_clear_pointer (&record->period_end, g_free);
  g_clear_pointer (&record->self_due, g_free);
  g_clear_pointer (&record->manager_due, g_free);
  g_clear_pointer (&record->calibration_due, g_free);
  record->id = 0;
  record->cycle_id = 0;
  record->member_id = 0;
  record->reviewer_id = 0;
}

void
qd_rating_record_clear (QdRatingRecord *record)
{
  g_clear_pointer (&record->source, g_free);
  g_clear_pointer (&record->comment, g_free);
}

void
qd_feedback_record_clear (QdFeedbackRecord *record)
{
  g_clear_pointer (&record->relationship, g_free);
  g_clear_pointer (&record->respondent_name, g_free);
  g_clear_pointer (&record->comment, g_free);
  g_clear_pointer (&record->submitted_on, g_free);
  g_clear_pointer (&record->ratings, g_array_unref);
  record->id = 0;
  record->review_id = 0;
}

/* ---- helpers ---- */

/* Steps a statement that returns one id (RETURNING or a lookup); 0 when
 * there is no row, -1 on error. */
static gint64
step_id (QdStore       *self,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  gint64 id = 0;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
    }
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

static gboolean
step_count (QdStore       *self,
            sqlite3_stmt  *stmt,
            gint64        *count,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int64 (stmt, 0);
  else
    _qd_store_set_error (self, rc == SQLITE_DONE ? SQLITE_INTERNAL : rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static void
set_not_found (GError     **error,
               const char  *message)
{
  g_set_error_literal (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND, message);
}

static gboolean
check_changed (QdStore     *self,
               const char  *message,
               GError     **error)
{
  if (sqlite3_changes (_qd_store_get_db (self)) == 0)
    {
      set_not_found (error, message);
      return FALSE;
    }
  return TRUE;
}

static GStrv
load_labels (QdStore     *self,
             const char  *sql,
             gint64       owner,
             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, owner);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static GArray *
collect_competencies (QdStore       *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (QdCompetencyRecord));
  int rc;

  g_array_set_clear_func (rows, (GDestroyNotify) qd_competency_record_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QdCompetencyRecord record = {
        .id = sqlite3_column_int64 (stmt, 0),
        .owner_id = sqlite3_column_int64 (stmt, 1),
        .group_name = _qd_store_column_dup (stmt, 2),
        .name = _qd_store_column_dup (stmt, 3),
        .description = _qd_store_column_dup (stmt, 4),
        .weight = sqlite3_column_double (stmt, 5),
        .position = sqlite3_column_int (stmt, 6),
      };
      g_array_append_val (rows, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* ---- templates ---- */

GArray *
qd_store_list_template_ids (QdStore  *self,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self, "SELECT id FROM review_templates ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  return _qd_store_collect_ids (self, stmt, error);
}

gboolean
qd_store_load_template (QdStore           *self,
                        gint64             id,
                        QdTemplateRecord  *record,
                        GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  stmt = _qd_store_prepare (self,
                            "SELECT id, name, scale_points, competencies_weight, kpi_weight, goals_weight "
                            "FROM review_templates WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_not_found (error, _("This review template no longer exists."));
      else
        _qd_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  qd_template_record_clear (record);
  record->id = sqlite3_column_int64 (stmt, 0);
  record->name = _qd_store_column_dup (stmt, 1);
  record->scale_points = (guint) sqlite3_column_int (stmt, 2);
  record->competencies_weight = sqlite3_column_double (stmt, 3);
  record->kpi_weight = sqlite3_column_double (stmt, 4);
  record->goals_weight = sqlite3_column_double (stmt, 5);
  sqlite3_reset (stmt);

  record->labels = load_labels (self,
                                "SELECT label FROM template_scale_labels WHERE template_id = ?1 ORDER BY point",
                                id, error);
  return record->labels != NULL;
}

gint64
qd_store_find_template_by_name (QdStore     *self,
                                const char  *name,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), -1);

  stmt = _qd_store_prepare (self,
                            "SELECT id FROM review_templates WHERE qd_fold (name) = qd_fold (?1) LIMIT 1",
                            error);
  if (stmt == NULL)
    return -1;
  _qd_store_bind_text (stmt, 1, name);
  return step_id (self, stmt, error);
}

static gboolean
write_template_labels (QdStore                *self,
                       gint64                  id,
                       const QdTemplateRecord *record,
                       GError                **error)
{
  sqlite3_stmt *stmt;

  stmt = _qd_store_prepare (self, "DELETE FROM template_scale_labels WHERE template_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_qd_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; record->labels != NULL && record->labels[i] != NULL; i++)
    {
      stmt = _qd_store_prepare (self,
                                "INSERT INTO template_scale_labels (template_id, point, label) "
                                "VALUES (?1, ?2, ?3)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      _qd_store_bind_text (stmt, 3, record->labels[i]);
      if (!_qd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gint64
qd_store_insert_template (QdStore                 *self,
                          const QdTemplateRecord  *record,
                          GError                 **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (QD_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO review_templates (name, scale_points, competencies_weight, "
                            "kpi_weight, goals_weight) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                            error);
  if (stmt == NULL)
    return 0;
  _qd_store_bind_text (stmt, 1, record->name);
  sqlite3_bind_int (stmt, 2, (int) record->scale_points);
  sqlite3_bind_double (stmt, 3, record->competencies_weight);
  sqlite3_bind_double (stmt, 4, record->kpi_weight);
  sqlite3_bind_double (stmt, 5, record->goals_weight);
  id = step_id (self, stmt, error);
  if (id <= 0)
    return 0;

  if (!write_template_labels (self, id, record, error))
    return 0;
  return id;
}

gboolean
qd_store_update_template (QdStore                 *self,
                          const QdTemplateRecord  *record,
                          GError                 **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->id > 0, FALSE);

  stmt = _qd_store_prepare (self,
                            "UPDATE review_templates SET name = ?2, scale_points = ?3, "
                            "competencies_weight = ?4, kpi_weight = ?5, goals_weight = ?6 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);
  _qd_store_bind_text (stmt, 2, record->name);
  sqlite3_bind_int (stmt, 3, (int) record->scale_points);
  sqlite3_bind_double (stmt, 4, record->competencies_weight);
  sqlite3_bind_double (stmt, 5, record->kpi_weight);
  sqlite3_bind_double (stmt, 6, record->goals_weight);
  if (!_qd_store_step_done (self, stmt, error) ||
      !check_changed (self, _("This review template no longer exists."), error))
    return FALSE;

  return write_template_labels (self, record->id, record, error);
}

gboolean
qd_store_delete_template (QdStore  *self,
                          gint64    id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self, "DELETE FROM review_templates WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _qd_store_step_done (self, stmt, error);
}

GArray *
qd_store_list_template_competencies (QdStore  *self,
                                     gint64    template_id,
                                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT id, template_id, group_name, name, description, weight, position "
                            "FROM template_competencies WHERE template_id = ?1 ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, template_id);
  return collect_competencies (self, stmt, error);
}

gboolean
qd_store_load_template_competency (QdStore             *self,
                                   gint64               id,
                                   QdCompetencyRecord  *record,
                                   GError             **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  stmt = _qd_store_prepare (self,
                            "SELECT id, template_id, group_name, name, description, weight, position "
                            "FROM template_competencies WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = collect_competencies (self, stmt, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      set_not_found (error, _("This competency is no longer in the template."));
      return FALSE;
    }

  qd_competency_record_clear (record);
  *record = g_array_index (rows, QdCompetencyRecord, 0);
  /* The strings now belong to @record. */
  g_array_set_clear_func (rows, NULL);
  return TRUE;
}

gint64
qd_store_insert_template_competency (QdStore                   *self,
                                     const QdCompetencyRecord  *record,
                                     GError                   **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (QD_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO template_competencies (template_id, group_name, name, description, "
                            "weight, position) VALUES (?1, ?2, ?3, ?4, ?5, "
                            "CASE WHEN ?6 >= 0 THEN ?6 ELSE (SELECT coalesce (max (position), 0) + 1 "
                            "  FROM template_competencies WHERE template_id = ?1) END) RETURNING id",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, record->owner_id);
  _qd_store_bind_text (stmt, 2, record->group_name);
  _qd_store_bind_text (stmt, 3, record->name);
  _qd_store_bind_text (stmt, 4, record->description != NULL ? record->description : "");
  sqlite3_bind_double (stmt, 5, record->weight);
  sqlite3_bind_int (stmt, 6, record->position);
  id = step_id (self, stmt, error);
  return MAX (id, 0);
}

gboolean
qd_store_update_template_competency (QdStore                   *self,
                                     const QdCompetencyRecord  *record,
                                     GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->id > 0, FALSE);

  stmt = _qd_store_prepare (self,
                            "UPDATE template_competencies SET group_name = ?2, name = ?3, description = ?4, "
                            "weight = ?5, position = ?6 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);
  _qd_store_bind_text (stmt, 2, record->group_name);
  _qd_store_bind_text (stmt, 3, record->name);
  _qd_store_bind_text (stmt, 4, record->description != NULL ? record->description : "");
  sqlite3_bind_double (stmt, 5, record->weight);
  sqlite3_bind_int (stmt, 6, record->position);
  if (!_qd_store_step_done (self, stmt, error))
    return FALSE;
  return check_changed (self, _("This competency is no longer in the template."), error);
}

gboolean
qd_store_delete_template_competency (QdStore  *self,
                                     gint64    id,
                                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self, "DELETE FROM template_competencies WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _qd_store_step_done (self, stmt, error);
}

gint64
qd_store_count_planned_cycles_using (QdStore  *self,
                                     gint64    template_id,
                                     GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (QD_IS_STORE (self), -1);

  stmt = _qd_store_prepare (self,
                            "SELECT count(*) FROM review_cycles WHERE template_id = ?1 AND status = 'planned'",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, template_id);
  if (!step_count (self, stmt, &count, error))
    return -1;
  return count;
}

/* ---- cycles ---- */

GArray *
qd_store_list_cycle_ids (QdStore  *self,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT id FROM review_cycles ORDER BY period_start DESC, period_end DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  return _qd_store_collect_ids (self, stmt, error);
}

gboolean
qd_store_load_cycle (QdStore        *self,
                     gint64          id,
                     QdCycleRecord  *record,
                     GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  stmt = _qd_store_prepare (self,
                            "SELECT c.id, c.name, c.period_start, c.period_end, c.self_due, c.manager_due, "
                            "c.calibration_due, c.status, coalesce (c.template_id, 0), coalesce (t.name, ''), "
                            "c.participants_rule, coalesce (c.scale_points, 0), c.competencies_weight, "
                            "c.kpi_weight, c.goals_weight, c.target_top_percent, c.target_middle_percent, "
                            "c.target_bottom_percent, c.ratings_locked, "
                            "(SELECT count(*) FROM reviews r WHERE r.cycle_id = c.id) "
                            "FROM review_cycles c LEFT JOIN review_templates t ON t.id = c.template_id "
                            "WHERE c.id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_not_found (error, _("This review cycle no longer exists."));
      else
        _qd_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  qd_cycle_record_clear (record);
  record->id = sqlite3_column_int64 (stmt, 0);
  record->name = _qd_store_column_dup (stmt, 1);
  record->period_start = _qd_store_column_dup (stmt, 2);
  record->period_end = _qd_store_column_dup (stmt, 3);
  record->self_due = _qd_store_column_dup_nullable (stmt, 4);
  record->manager_due = _qd_store_column_dup_nullable (stmt, 5);
  record->calibration_due = _qd_store_column_dup_nullable (stmt, 6);
  record->status = _qd_store_column_dup (stmt, 7);
  record->template_id = sqlite3_column_int64 (stmt, 8);
  record->template_name = _qd_store_column_dup (stmt, 9);
  record->participants_rule = _qd_store_column_dup (stmt, 10);
  record->scale_points = (guint) sqlite3_column_int (stmt, 11);
  record->competencies_weight = _qd_store_column_real (stmt, 12);
  record->kpi_weight = _qd_store_column_real (stmt, 13);
  record->goals_weight = _qd_store_column_real (stmt, 14);
  record->target_top = sqlite3_column_double (stmt, 15);
  record->target_middle = sqlite3_column_double (stmt, 16);
  record->target_bottom = sqlite3_column_double (stmt, 17);
  record->ratings_locked = sqlite3_column_int (stmt, 18) != 0;
  record->n_participants = (guint) sqlite3_column_int (stmt, 19);
  sqlite3_reset (stmt);

  if (record->scale_points > 0)
    {
      record->labels = load_labels (self,
                                    "SELECT label FROM cycle_scale_labels WHERE cycle_id = ?1 ORDER BY point",
                                    id, error);
      if (record->labels == NULL)
        return FALSE;
    }
  return TRUE;
}

gint64
qd_store_find_cycle_by_name (QdStore     *self,
                             const char  *name,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), -1);

  stmt = _qd_store_prepare (self,
                            "SELECT id FROM review_cycles WHERE qd_fold (name) = qd_fold (?1) LIMIT 1",
                            error);
  if (stmt == NULL)
    return -1;
  _qd_store_bind_text (stmt, 1, name);
  return step_id (self, stmt, error);
}

gint64
qd_store_find_latest_cycle (QdStore  *self,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), -1);

  stmt = _qd_store_prepare (self,
                            "SELECT id FROM review_cycles "
                            "ORDER BY period_start DESC, period_end DESC, id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return -1;
  return step_id (self, stmt, error);
}

static void
bind_cycle (sqlite3_stmt        *stmt,
            const QdCycleRecord *record)
{
  _qd_store_bind_id (stmt, 1, record->id);
  _qd_store_bind_text (stmt, 2, record->name);
  _qd_store_bind_text (stmt, 3, record->period_start);
  _qd_store_bind_text (stmt, 4, record->period_end);
  _qd_store_bind_text (stmt, 5, _qd_store_nonempty (record->self_due));
  _qd_store_bind_text (stmt, 6, _qd_store_nonempty (record->manager_due));
  _qd_store_bind_text (stmt, 7, _qd_store_nonempty (record->calibration_due));
  _qd_store_bind_id (stmt, 8, record->template_id);
  _qd_store_bind_text (stmt, 9, record->participants_rule != NULL ? record->participants_rule : "all-active");
  sqlite3_bind_double (stmt, 10, record->target_top);
  sqlite3_bind_double (stmt, 11, record->target_middle);
  sqlite3_bind_double (stmt, 12, record->target_bottom);
}

gint64
qd_store_insert_cycle (QdStore              *self,
                       const QdCycleRecord  *record,
                       GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (QD_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO review_cycles (id, name, period_start, period_end, self_due, "
                            "manager_due, calibration_due, template_id, participants_rule, "
                            "target_top_percent, target_middle_percent, target_bottom_percent) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
                            error);
  if (stmt == NULL)
    return 0;
  bind_cycle (stmt, record);
  id = step_id (self, stmt, error);
  return MAX (id, 0);
}

gboolean
qd_store_update_cycle (QdStore              *self,
                       const QdCycleRecord  *record,
                       GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->id > 0, FALSE);

  stmt = _qd_store_prepare (self,
                            "UPDATE review_cycles SET name = ?2, period_start = ?3, period_end = ?4, "
                            "self_due = ?5, manager_due = ?6, calibration_due = ?7, template_id = ?8, "
                            "participants_rule = ?9, target_top_percent = ?10, target_middle_percent = ?11, "
                            "target_bottom_percent = ?12 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_cycle (stmt, record);
  if (!_qd_store_step_done (self, stmt, error))
    return FALSE;
  return check_changed (self, _("This review cycle no longer exists."), error);
}

gboolean
qd_store_set_cycle_status (QdStore     *self,
                           gint64       id,
                           const char  *status,
                           gboolean     ratings_locked,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self,
                            "UPDATE review_cycles SET status = ?2, ratings_locked = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _qd_store_bind_text (stmt, 2, status);
  sqlite3_bind_int (stmt, 3, ratings_locked ? 1 : 0);
  if (!_qd_store_step_done (self, stmt, error))
    return FALSE;
  return check_changed (self, _("This review cycle no longer exists."), error);
}

gboolean
qd_store_delete_cycle (QdStore  *self,
                       gint64    id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self, "DELETE FROM review_cycles WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _qd_store_step_done (self, stmt, error);
}

gboolean
qd_store_freeze_cycle_template (QdStore  *self,
                                gint64    cycle_id,
                                gint64    template_id,
                                GError  **error)
{
  static const char *steps[] = {
    "UPDATE review_cycles SET scale_points = t.scale_points, "
    "competencies_weight = t.competencies_weight, kpi_weight = t.kpi_weight, "
    "goals_weight = t.goals_weight "
    "FROM review_templates t WHERE t.id = ?2 AND review_cycles.id = ?1",
    "DELETE FROM cycle_scale_labels WHERE cycle_id = ?1",
    "INSERT INTO cycle_scale_labels (cycle_id, point, label) "
    "SELECT ?1, point, label FROM template_scale_labels WHERE template_id = ?2",
    "DELETE FROM cycle_competencies WHERE cycle_id = ?1",
    "INSERT INTO cycle_competencies (cycle_id, group_name, name, description, weight, position) "
    "SELECT ?1, group_name, name, description, weight, "
    "  row_number () OVER (ORDER BY position, id) "
    "FROM template_competencies WHERE template_id = ?2 ORDER BY position, id",
  };

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = _qd_store_prepare (self, steps[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, cycle_id);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        sqlite3_bind_int64 (stmt, 2, template_id);
      if (!_qd_store_step_done (self, stmt, error))
        return FALSE;
      if (i == 0 && !check_changed (self, _("The review template of this cycle no longer exists."), error))
        return FALSE;
    }
  return TRUE;
}

GArray *
qd_store_list_cycle_competencies (QdStore  *self,
                                  gint64    cycle_id,
                                  GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT id, cycle_id, group_name, name, description, weight, position "
                            "FROM cycle_competencies WHERE cycle_id = ?1 ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  return collect_competencies (self, stmt, error);
}

/* ---- participants and reviews ---- */

gboolean
qd_store_add_active_participants (QdStore  *self,
                                  gint64    cycle_id,
                                  GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO reviews (cycle_id, member_id, reviewer_id) "
                            "SELECT ?1, id, reports_to FROM members WHERE status = 'active' ORDER BY id "
                            "ON CONFLICT (cycle_id, member_id) DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  return _qd_store_step_done (self, stmt, error);
}

gboolean
qd_store_copy_participants (QdStore  *self,
                            gint64    from_cycle,
                            gint64    to_cycle,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO reviews (cycle_id, member_id, reviewer_id) "
                            "SELECT ?2, m.id, m.reports_to FROM reviews r JOIN members m ON m.id = r.member_id "
                            "WHERE r.cycle_id = ?1 AND m.status <> 'left' ORDER BY m.id "
                            "ON CONFLICT (cycle_id, member_id) DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_cycle);
  sqlite3_bind_int64 (stmt, 2, to_cycle);
  return _qd_store_step_done (self, stmt, error);
}

gint64
qd_store_insert_review (QdStore  *self,
                        gint64    cycle_id,
                        gint64    member_id,
                        gint64    reviewer_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (QD_IS_STORE (self), 0);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO reviews (cycle_id, member_id, reviewer_id) VALUES (?1, ?2, ?3) "
                            "RETURNING id",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _qd_store_bind_id (stmt, 3, reviewer_id);
  id = step_id (self, stmt, error);
  return MAX (id, 0);
}

gboolean
qd_store_delete_review (QdStore  *self,
                        gint64    id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self, "DELETE FROM reviews WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _qd_store_step_done (self, stmt, error);
}

gint64
qd_store_find_review (QdStore  *self,
                      gint64    cycle_id,
                      gint64    member_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), -1);

  stmt = _qd_store_prepare (self, "SELECT id FROM reviews WHERE cycle_id = ?1 AND member_id = ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  return step_id (self, stmt, error);
}

#define REVIEW_JOINS \
  "FROM reviews r " \
  "JOIN review_cycles c ON c.id = r.cycle_id " \
  "JOIN members m ON m.id = r.member_id " \
  "LEFT JOIN teams t ON t.id = m.team_id " \
  "LEFT JOIN members v ON v.id = r.reviewer_id "

GArray *
qd_store_list_review_ids (QdStore              *self,
                          gint64                cycle_id,
                          const QdReviewQuery  *query,
                          GError              **error)
{
  static const char *orders[] = {
    [QD_REVIEW_SORT_NAME] = "qd_sort_key (m.name)",
    [QD_REVIEW_SORT_REVIEWER] = "v.name IS NULL, qd_sort_key (v.name)",
    [QD_REVIEW_SORT_STATUS] = "CASE r.status WHEN 'not-started' THEN 0 WHEN 'self-review' THEN 1 "
                              "WHEN 'manager-review' THEN 2 WHEN 'calibrated' THEN 3 ELSE 4 END",
    [QD_REVIEW_SORT_RATING] = "coalesce (r.calibrated_rating, r.overall_rating) IS NULL, "
                              "coalesce (r.calibrated_rating, r.overall_rating)",
    [QD_REVIEW_SORT_TEAM] = "t.name IS NULL, qd_sort_key (t.name)",
  };
  QdReviewQuery none = { 0 };
  g_autofree char *sql = NULL;
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;
  guint sort;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  if (query == NULL)
    query = &none;
  sort = query->sort < G_N_ELEMENTS (orders) ? query->sort : QD_REVIEW_SORT_NAME;

  /* Only fixed fragments go into the statement; the values are bound. */
  sql = g_strconcat ("SELECT r.id ", REVIEW_JOINS,
                     "WHERE r.cycle_id = ?1 AND (?2 IS NULL OR r.reviewer_id = ?2) "
                     "AND (?3 IS NULL OR r.status = ?3) "
                     "AND (?4 IS NULL OR instr (qd_fold (m.name || ' ' || m.email || ' ' || "
                     "coalesce (t.name, '') || ' ' || coalesce (v.name, '')), ?4) > 0) "
                     "ORDER BY ", orders[sort], query->descending ? " DESC" : " ASC",
                     ", qd_sort_key (m.name), r.id", NULL);
  stmt = _qd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (query->search != NULL && *query->search != '\0')
    folded = _qd_store_fold (query->search);

  sqlite3_bind_int64 (stmt, 1, cycle_id);
  _qd_store_bind_id (stmt, 2, query->reviewer_id);
  _qd_store_bind_text (stmt, 3, _qd_store_nonempty (query->status));
  _qd_store_bind_text (stmt, 4, _qd_store_nonempty (folded));
  return _qd_store_collect_ids (self, stmt, error);
}

gboolean
qd_store_load_review (QdStore         *self,
                      gint64           id,
                      QdReviewRecord  *record,
                      GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  stmt = _qd_store_prepare (self,
                            "SELECT r.id, r.cycle_id, r.member_id, m.name, m.email, m.status, "
                            "coalesce (t.name, ''), coalesce (r.reviewer_id, 0), coalesce (v.name, ''), "
                            "r.status, r.kpi_rating, r.overall_rating, r.calibrated_rating, r.potential, "
                            "r.goals_progress, r.strengths, r.improvements, r.self_submitted_at, "
                            "r.manager_submitted_at, r.shared_at, c.name, c.status, c.period_start, "
                            "c.period_end, c.self_due, c.manager_due, c.calibration_due, "
                            "coalesce (c.scale_points, 0), c.ratings_locked "
                            REVIEW_JOINS "WHERE r.id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_not_found (error, _("This review no longer exists."));
      else
        _qd_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  qd_review_record_clear (record);
  record->id = sqlite3_column_int64 (stmt, 0);
  record->cycle_id = sqlite3_column_int64 (stmt, 1);
  record->member_id = sqlite3_column_int64 (stmt, 2);
  record->member_name = _qd_store_column_dup (stmt, 3);
  record->member_email = _qd_store_column_dup (stmt, 4);
  record->member_status = _qd_store_column_dup (stmt, 5);
  record->member_team = _qd_store_column_dup (stmt, 6);
  record->reviewer_id = sqlite3_column_int64 (stmt, 7);
  record->reviewer_name = _qd_store_column_dup (stmt, 8);
  record->status = _qd_store_column_dup (stmt, 9);
  record->kpi_rating = _qd_store_column_real (stmt, 10);
  record->overall_rating = _qd_store_column_real (stmt, 11);
  record->calibrated_rating = _qd_store_column_real (stmt, 12);
  record->potential = _qd_store_column_dup_nullable (stmt, 13);
  record->goals_progress = _qd_store_column_real (stmt, 14);
  record->strengths = _qd_store_column_dup (stmt, 15);
  record->improvements = _qd_store_column_dup (stmt, 16);
  record->self_submitted_at = _qd_store_column_dup_nullable (stmt, 17);
  record->manager_submitted_at = _qd_store_column_dup_nullable (stmt, 18);
  record->shared_at = _qd_store_column_dup_nullable (stmt, 19);
  record->cycle_name = _qd_store_column_dup (stmt, 20);
  record->cycle_status = _qd_store_column_dup (stmt, 21);
  record->period_start = _qd_store_column_dup (stmt, 22);
  record->period_end = _qd_store_column_dup (stmt, 23);
  record->self_due = _qd_store_column_dup_nullable (stmt, 24);
  record->manager_due = _qd_store_column_dup_nullable (stmt, 25);
  record->calibration_due = _qd_store_column_dup_nullable (stmt, 26);
  record->scale_points = (guint) sqlite3_column_int (stmt, 27);
  record->ratings_locked = sqlite3_column_int (stmt, 28) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
qd_store_update_review (QdStore               *self,
                        const QdReviewRecord  *record,
                        GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->id > 0, FALSE);

  stmt = _qd_store_prepare (self,
                            "UPDATE reviews SET reviewer_id = ?2, status = ?3, kpi_rating = ?4, "
                            "overall_rating = ?5, calibrated_rating = ?6, potential = ?7, "
                            "goals_progress = ?8, strengths = ?9, improvements = ?10, "
                            "self_submitted_at = ?11, manager_submitted_at = ?12, shared_at = ?13 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);
  _qd_store_bind_id (stmt, 2, record->reviewer_id);
  _qd_store_bind_text (stmt, 3, record->status);
  _qd_store_bind_real (stmt, 4, record->kpi_rating);
  _qd_store_bind_real (stmt, 5, record->overall_rating);
  _qd_store_bind_real (stmt, 6, record->calibrated_rating);
  _qd_store_bind_text (stmt, 7, _qd_store_nonempty (record->potential));
  _qd_store_bind_real (stmt, 8, record->goals_progress);
  _qd_store_bind_text (stmt, 9, record->strengths != NULL ? record->strengths : "");
  _qd_store_bind_text (stmt, 10, record->improvements != NULL ? record->improvements : "");
  _qd_store_bind_text (stmt, 11, _qd_store_nonempty (record->self_submitted_at));
  _qd_store_bind_text (stmt, 12, _qd_store_nonempty (record->manager_submitted_at));
  _qd_store_bind_text (stmt, 13, _qd_store_nonempty (record->shared_at));
  if (!_qd_store_step_done (self, stmt, error))
    return FALSE;
  return check_changed (self, _("This review no longer exists."), error);
}

gboolean
qd_store_review_has_content (QdStore   *self,
                             gint64     id,
                             gboolean  *result,
                             GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  stmt = _qd_store_prepare (self,
                            "SELECT EXISTS (SELECT 1 FROM review_ratings WHERE review_id = ?1 "
                            "  AND (rating IS NOT NULL OR comment <> '')) "
                            "OR EXISTS (SELECT 1 FROM feedback_responses WHERE review_id = ?1) "
                            "OR EXISTS (SELECT 1 FROM development_actions WHERE review_id = ?1) "
                            "OR EXISTS (SELECT 1 FROM reviews WHERE id = ?1 AND (kpi_rating IS NOT NULL "
                            "  OR overall_rating IS NOT NULL OR calibrated_rating IS NOT NULL "
                            "  OR potential IS NOT NULL OR strengths <> '' OR improvements <> ''))",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_count (self, stmt, &found, error))
    return FALSE;
  *result = found != 0;
  return TRUE;
}

gboolean
qd_store_member_has_reviews (QdStore   *self,
                             gint64     member_id,
                             gboolean  *result,
                             GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  stmt = _qd_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM reviews WHERE member_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (!step_count (self, stmt, &found, error))
    return FALSE;
  *result = found != 0;
  return TRUE;
}

/* ---- ratings ---- */

gboolean
qd_store_set_review_rating (QdStore     *self,
                            gint64       review_id,
                            gint64       competency_id,
                            const char  *source,
                            guint        rating,
                            const char  *comment,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO review_ratings (review_id, competency_id, source, rating, comment) "
                            "VALUES (?1, ?2, ?3, ?4, ?5) "
                            "ON CONFLICT (review_id, competency_id, source) DO UPDATE "
                            "SET rating = excluded.rating, comment = excluded.comment",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_int64 (stmt, 2, competency_id);
  _qd_store_bind_text (stmt, 3, source);
  if (rating > 0)
    sqlite3_bind_int (stmt, 4, (int) rating);
  else
    sqlite3_bind_null (stmt, 4);
  _qd_store_bind_text (stmt, 5, comment != NULL ? comment : "");
  return _qd_store_step_done (self, stmt, error);
}

GArray *
qd_store_list_review_ratings (QdStore  *self,
                              gint64    review_id,
                              GError  **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (QdRatingRecord));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  g_array_set_clear_func (rows, (GDestroyNotify) qd_rating_record_clear);
  stmt = _qd_store_prepare (self,
                            "SELECT rr.competency_id, rr.source, coalesce (rr.rating, 0), rr.comment "
                            "FROM review_ratings rr JOIN cycle_competencies cc ON cc.id = rr.competency_id "
                            "WHERE rr.review_id = ?1 ORDER BY cc.position, rr.source",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QdRatingRecord record = {
        .competency_id = sqlite3_column_int64 (stmt, 0),
        .source = _qd_store_column_dup (stmt, 1),
        .rating = (guint) sqlite3_column_int (stmt, 2),
        .comment = _qd_store_column_dup (stmt, 3),
      };
      g_array_append_val (rows, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* ---- 360 feedback ---- */

gint64
qd_store_insert_feedback (QdStore                 *self,
                          const QdFeedbackRecord  *record,
                          GError                 **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (QD_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO feedback_responses (review_id, relationship, anonymous, "
                            "respondent_name, comment, submitted_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                            "RETURNING id",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, record->review_id);
  _qd_store_bind_text (stmt, 2, record->relationship);
  sqlite3_bind_int (stmt, 3, record->anonymous ? 1 : 0);
  /* An anonymous response never carries a name, whatever the caller
   * passed; the table refuses one too. */
  _qd_store_bind_text (stmt, 4, record->anonymous ? NULL : record->respondent_name);
  _qd_store_bind_text (stmt, 5, record->comment != NULL ? record->comment : "");
  _qd_store_bind_text (stmt, 6, record->submitted_on);
  id = step_id (self, stmt, error);
  if (id <= 0)
    return 0;

  for (guint i = 0; record->ratings != NULL && i < record->ratings->len; i++)
    {
      const QdFeedbackRatingRecord *r = &g_array_index (record->ratings, QdFeedbackRatingRecord, i);

      stmt = _qd_store_prepare (self,
                                "INSERT INTO feedback_ratings (response_id, competency_id, rating) "
                                "VALUES (?1, ?2, ?3)",
                                error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, r->competency_id);
      sqlite3_bind_int (stmt, 3, (int) r->rating);
      if (!_qd_store_step_done (self, stmt, error))
        return 0;
    }
  return id;
}

static GArray *
load_feedback_ratings (QdStore  *self,
                       gint64    response_id,
                       GError  **error)
{
  g_autoptr(GArray) ratings = g_array_new (FALSE, TRUE, sizeof (QdFeedbackRatingRecord));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qd_store_prepare (self,
                            "SELECT fr.competency_id, fr.rating FROM feedback_ratings fr "
                            "JOIN cycle_competencies cc ON cc.id = fr.competency_id "
                            "WHERE fr.response_id = ?1 ORDER BY cc.position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, response_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QdFeedbackRatingRecord r = {
        .competency_id = sqlite3_column_int64 (stmt, 0),
        .rating = (guint) sqlite3_column_int (stmt, 1),
      };
      g_array_append_val (ratings, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ratings);
}

static GArray *
collect_feedback (QdStore       *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (QdFeedbackRecord));
  int rc;

  g_array_set_clear_func (rows, (GDestroyNotify) qd_feedback_record_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QdFeedbackRecord record = {
        .id = sqlite3_column_int64 (stmt, 0),
        .review_id = sqlite3_column_int64 (stmt, 1),
        .relationship = _qd_store_column_dup (stmt, 2),
        .anonymous = sqlite3_column_int (stmt, 3) != 0,
        .respondent_name = _qd_store_column_dup_nullable (stmt, 4),
        .comment = _qd_store_column_dup (stmt, 5),
        .submitted_on = _qd_store_column_dup (stmt, 6),
      };
      g_array_append_val (rows, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }

  /* The statement above is finished, so the cached one for the ratings
   * can run. */
  for (guint i = 0; i < rows->len; i++)
    {
      QdFeedbackRecord *record = &g_array_index (rows, QdFeedbackRecord, i);

      record->ratings = load_feedback_ratings (self, record->id, error);
      if (record->ratings == NULL)
        return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
qd_store_load_feedback (QdStore           *self,
                        gint64             id,
                        QdFeedbackRecord  *record,
                        GError           **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  stmt = _qd_store_prepare (self,
                            "SELECT id, review_id, relationship, anonymous, respondent_name, comment, "
                            "submitted_on FROM feedback_responses WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = collect_feedback (self, stmt, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      set_not_found (error, _("This 360 response no longer exists."));
      return FALSE;
    }
  qd_feedback_record_clear (record);
  *record = g_array_index (rows, QdFeedbackRecord, 0);
  g_array_set_clear_func (rows, NULL);
  return TRUE;
}

gboolean
qd_store_delete_feedback (QdStore  *self,
                          gint64    id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self, "DELETE FROM feedback_responses WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _qd_store_step_done (self, stmt, error);
}

GArray *
qd_store_list_named_feedback (QdStore  *self,
                              gint64    review_id,
                              GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT id, review_id, relationship, anonymous, respondent_name, comment, "
                            "submitted_on FROM feedback_responses WHERE review_id = ?1 AND anonymous = 0 "
                            "ORDER BY submitted_on, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  return collect_feedback (self, stmt, error);
}

guint
qd_store_count_anonymous_feedback (QdStore  *self,
                                   gint64    review_id,
                                   GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (QD_IS_STORE (self), 0);

  stmt = _qd_store_prepare (self,
                            "SELECT count(*) FROM feedback_responses WHERE review_id = ?1 AND anonymous = 1",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  if (!step_count (self, stmt, &count, error))
    return 0;
  return (guint) count;
}

GArray *
qd_store_list_anonymous_feedback_means (QdStore  *self,
                                        gint64    review_id,
                                        guint     min_n,
                                        GError  **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (QdFeedbackMeanRecord));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT fr.competency_id, avg (fr.rating), count(*) "
                            "FROM feedback_ratings fr JOIN feedback_responses f ON f.id = fr.response_id "
                            "JOIN cycle_competencies cc ON cc.id = fr.competency_id "
                            "WHERE f.review_id = ?1 AND f.anonymous = 1 "
                            "GROUP BY fr.competency_id HAVING count(*) >= ?2 ORDER BY min (cc.position)",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_int (stmt, 2, (int) MAX (min_n, 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QdFeedbackMeanRecord r = {
        .competency_id = sqlite3_column_int64 (stmt, 0),
        .mean = sqlite3_column_double (stmt, 1),
        .n = (guint) sqlite3_column_int (stmt, 2),
      };
      g_array_append_val (rows, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GStrv
qd_store_list_anonymous_comments (QdStore  *self,
                                  gint64    review_id,
                                  GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT comment FROM feedback_responses WHERE review_id = ?1 AND anonymous = 1 "
                            "AND trim (comment) <> '' ORDER BY comment COLLATE qd_locale",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* ---- goals ---- */

gboolean
qd_store_goals_progress (QdStore     *self,
                         gint64       member_id,
                         const char  *from,
                         const char  *to,
                         double      *mean,
                         guint       *n_goals,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (mean != NULL, FALSE);

  *mean = NAN;
  if (n_goals != NULL)
    *n_goals = 0;

  /* One goal's progress, as QdGoals measures it (qd-store-goals.h): the
   * manual progress when typed in; else, for a goal tied to a metric,
   * where the member's latest roll-up of that metric whose period starts
   * in [start_date, min (due_date, @to)] — a weekly one if there is any,
   * else a monthly one — stands between baseline and target; else the
   * progress is unknown and the goal is left out. */
  stmt = _qd_store_prepare (self,
                            "WITH g AS ("
                            "  SELECT goals.*, coalesce ("
                            "    (SELECT v.value FROM metric_values v"
                            "     WHERE v.metric = goals.metric AND v.scope = 'member'"
                            "       AND v.scope_id = goals.member_id AND v.period = 'week'"
                            "       AND v.value IS NOT NULL"
                            "       AND v.period_start BETWEEN goals.start_date AND min (goals.due_date, ?3)"
                            "     ORDER BY v.period_start DESC LIMIT 1),"
                            "    (SELECT v.value FROM metric_values v"
                            "     WHERE v.metric = goals.metric AND v.scope = 'member'"
                            "       AND v.scope_id = goals.member_id AND v.period = 'month'"
                            "       AND v.value IS NOT NULL"
                            "       AND v.period_start BETWEEN goals.start_date AND min (goals.due_date, ?3)"
                            "     ORDER BY v.period_start DESC LIMIT 1)) AS latest"
                            "  FROM goals"
                            "  WHERE member_id = ?1 AND status <> 'dropped'"
                            "    AND start_date <= ?3 AND due_date >= ?2), "
                            "p AS ("
                            "  SELECT CASE"
                            "    WHEN manual_progress IS NOT NULL THEN manual_progress"
                            "    WHEN metric IS NOT NULL AND baseline_value IS NOT NULL"
                            "      AND target_value IS NOT NULL AND target_value <> baseline_value"
                            "      AND latest IS NOT NULL"
                            "      THEN max (0.0, min (100.0, 100.0 * (latest - baseline_value)"
                            "                                   / (target_value - baseline_value)))"
                            "    END AS progress"
                            "  FROM g) "
                            "SELECT avg (progress), count (progress) FROM p",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  _qd_store_bind_text (stmt, 2, from);
  _qd_store_bind_text (stmt, 3, to);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *mean = _qd_store_column_real (stmt, 0);
      if (n_goals != NULL)
        *n_goals = (guint) sqlite3_column_int (stmt, 1);
    }
  else
    _qd_store_set_error (self, rc == SQLITE_DONE ? SQLITE_INTERNAL : rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}
