/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-store"

#include "config.h"

#include <glib/gi18n.h>

#include "qd-store-members.h"
#include "qd-store-private.h"

#define MEMBER_COLUMNS \
  "m.id, m.name, m.email, m.job_title, m.level, coalesce (t.name, ''), " \
  "m.reports_to, coalesce (r.name, ''), coalesce (m.hire_date, ''), m.status, " \
  "m.skills, m.notes, m.readiness, " \
  "(SELECT count(*) FROM members c WHERE c.reports_to = m.id AND c.status <> 'left') "

#define MEMBER_JOINS \
  "FROM members m " \
  "LEFT JOIN teams t ON t.id = m.team_id " \
  "LEFT JOIN members r ON r.id = m.reports_to "

#define LEVEL_RANK(col) \
  "CASE " col " WHEN 'agent' THEN 0 WHEN 'team-lead' THEN 1 WHEN 'manager' THEN 2 ELSE 3 END"

void
qd_member_record_clear (QdMemberRecord *record)
{
  g_clear_pointer (&record->name, g_free);
  g_clear_pointer (&record->email, g_free);
  g_clear_pointer (&record->job_title, g_free);
  g_clear_pointer (&record->level, g_free);
  g_clear_pointer (&record->team, g_free);
  g_clear_pointer (&record->reports_to_name, g_free);
  g_clear_pointer (&record->hire_date, g_free);
  g_clear_pointer (&record->status, g_free);
  g_clear_pointer (&record->skills, g_free);
  g_clear_pointer (&record->notes, g_free);
  g_clear_pointer (&record->readiness, g_free);
  record->id = 0;
  record->reports_to = 0;
  record->n_reports = 0;
}

void
qd_pipeline_record_free (QdPipelineRecord *record)
{
  g_free (record->leader_name);
  g_free (record->level);
  g_free (record->team);
  g_free (record->ready_now_names);
  g_free (record);
}

GArray *
qd_store_list_member_ids (QdStore              *self,
                          const QdMemberQuery  *query,
                          GError              **error)
{
  static const char *orders[] = {
    [QD_MEMBER_SORT_NAME] = "qd_sort_key (m.name)",
    [QD_MEMBER_SORT_JOB_TITLE] = "qd_sort_key (m.job_title)",
    [QD_MEMBER_SORT_LEVEL] = LEVEL_RANK ("m.level"),
    [QD_MEMBER_SORT_TEAM] = "qd_sort_key (t.name)",
    [QD_MEMBER_SORT_REPORTS_TO] = "qd_sort_key (r.name)",
    [QD_MEMBER_SORT_HIRE_DATE] = "m.hire_date",
    [QD_MEMBER_SORT_STATUS] = "CASE m.status WHEN 'active' THEN 0 WHEN 'on-leave' THEN 1 ELSE 2 END",
  };
  g_autofree char *sql = NULL;
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;
  guint sort;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  sort = query->sort < G_N_ELEMENTS (orders) ? query->sort : QD_MEMBER_SORT_NAME;

  /* Only fixed fragments go into the statement; the search text is bound. */
  sql = g_strconcat ("SELECT m.id ", MEMBER_JOINS,
                     "WHERE (?1 OR m.status <> 'left') AND (NOT ?3 OR m.level <> 'agent') "
                     "AND (?2 IS NULL OR instr (qd_fold (m.name || ' ' || m.email || ' ' || "
                     "m.job_title || ' ' || coalesce (t.name, '') || ' ' || m.skills), ?2) > 0) "
                     "ORDER BY ", orders[sort], query->descending ? " DESC" : " ASC",
                     ", qd_sort_key (m.name), m.id", NULL);

  stmt = _qd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (query->search != NULL && *query->search != '\0')
    folded = _qd_store_fold (query->search);

  sqlite3_bind_int (stmt, 1, query->include_left ? 1 : 0);
  sqlite3_bind_int (stmt, 3, query->leaders_only ? 1 : 0);
  if (folded != NULL && *folded != '\0')
    _qd_store_bind_text (stmt, 2, folded);

  return _qd_store_collect_ids (self, stmt, error);
}

gboolean
qd_store_load_member (QdStore         *self,
                      gint64           id,
                      QdMemberRecord  *record,
                      GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  stmt = _qd_store_prepare (self, "SELECT " MEMBER_COLUMNS MEMBER_JOINS "WHERE m.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND,
                     _("This team member no longer exists."));
      else
        _qd_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  qd_member_record_clear (record);
  record->id = sqlite3_column_int64 (stmt, 0);
  record->name = _qd_store_column_dup (stmt, 1);
  record->email = _qd_store_column_dup (stmt, 2);
  record->job_title = _qd_store_column_dup (stmt, 3);
  record->level = _qd_store_column_dup (stmt, 4);
  record->team = _qd_store_column_dup (stmt, 5);
  record->reports_to = sqlite3_column_int64 (stmt, 6);
  record->reports_to_name = _qd_store_column_dup (stmt, 7);
  record->hire_date = _qd_store_column_dup (stmt, 8);
  record->status = _qd_store_column_dup (stmt, 9);
  record->skills = _qd_store_column_dup (stmt, 10);
  record->notes = _qd_store_column_dup (stmt, 11);
  record->readiness = _qd_store_column_dup (stmt, 12);
  record->n_reports = (guint) sqlite3_column_int (stmt, 13);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Returns the team's id, creating the team on first use; 0 for no team. */
static gint64
ensure_team (QdStore     *self,
             const char  *name,
             GError     **error)
{
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (name == NULL)
    return 0;
  trimmed = g_strstrip (g_strdup (name));
  if (*trimmed == '\0')
    return 0;

  stmt = _qd_store_prepare (self, "INSERT INTO teams (name) VALUES (?1) ON CONFLICT (name) DO NOTHING", error);
  if (stmt == NULL)
    return -1;
  _qd_store_bind_text (stmt, 1, trimmed);
  if (!_qd_store_step_done (self, stmt, error))
    return -1;

  stmt = _qd_store_prepare (self, "SELECT id FROM teams WHERE name = ?1", error);
  if (stmt == NULL)
    return -1;
  _qd_store_bind_text (stmt, 1, trimmed);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    {
      _qd_store_set_error (self, rc == SQLITE_DONE ? SQLITE_INTERNAL : rc, error);
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

static void
bind_member (sqlite3_stmt         *stmt,
             const QdMemberRecord *record,
             gint64                team_id)
{
  _qd_store_bind_id (stmt, 1, record->id);
  _qd_store_bind_text (stmt, 2, record->name);
  _qd_store_bind_text (stmt, 3, record->email != NULL ? record->email : "");
  _qd_store_bind_text (stmt, 4, record->job_title != NULL ? record->job_title : "");
  _qd_store_bind_text (stmt, 5, record->level != NULL ? record->level : "agent");
  _qd_store_bind_id (stmt, 6, team_id);
  _qd_store_bind_id (stmt, 7, record->reports_to);
  _qd_store_bind_text (stmt, 8, record->hire_date != NULL && *record->hire_date != '\0' ? record->hire_date : NULL);
  _qd_store_bind_text (stmt, 9, record->status != NULL ? record->status : "active");
  _qd_store_bind_text (stmt, 10, record->skills != NULL ? record->skills : "");
  _qd_store_bind_text (stmt, 11, record->notes != NULL ? record->notes : "");
  _qd_store_bind_text (stmt, 12, record->readiness != NULL ? record->readiness : "not-yet");
}

gint64
qd_store_insert_member (QdStore               *self,
                        const QdMemberRecord  *record,
                        GError               **error)
{
  sqlite3_stmt *stmt;
  gint64 team_id;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  team_id = ensure_team (self, record->team, error);
  if (team_id < 0)
    return 0;

  stmt = _qd_store_prepare (self,
                            "INSERT INTO members (id, name, email, job_title, level, team_id, "
                            "reports_to, hire_date, status, skills, notes, readiness) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
                            error);
  if (stmt == NULL)
    return 0;
  bind_member (stmt, record, team_id);

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

gboolean
qd_store_update_member (QdStore               *self,
                        const QdMemberRecord  *record,
                        GError               **error)
{
  sqlite3_stmt *stmt;
  gint64 team_id;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->id > 0, FALSE);

  team_id = ensure_team (self, record->team, error);
  if (team_id < 0)
    return FALSE;

  stmt = _qd_store_prepare (self,
                            "UPDATE members SET name = ?2, email = ?3, job_title = ?4, level = ?5, "
                            "team_id = ?6, reports_to = ?7, hire_date = ?8, status = ?9, skills = ?10, "
                            "notes = ?11, readiness = ?12, "
                            "updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_member (stmt, record, team_id);
  if (!_qd_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_qd_store_get_db (self)) == 0)
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND,
                   _("This team member no longer exists."));
      return FALSE;
    }
  return TRUE;
}

gboolean
qd_store_delete_member (QdStore  *self,
                        gint64    id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self, "DELETE FROM members WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _qd_store_step_done (self, stmt, error);
}

gint64
qd_store_count_members (QdStore   *self,
                        gboolean   include_left,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), -1);

  stmt = _qd_store_prepare (self, "SELECT count(*) FROM members WHERE ?1 OR status <> 'left'", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, include_left ? 1 : 0);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}

GArray *
qd_store_list_direct_reports (QdStore  *self,
                              gint64    manager,
                              GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT id FROM members WHERE reports_to = ?1 ORDER BY name COLLATE qd_locale",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, manager);
  return _qd_store_collect_ids (self, stmt, error);
}

gboolean
qd_store_set_reports_to (QdStore  *self,
                         gint64    member,
                         gint64    manager,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self,
                            "UPDATE members SET reports_to = ?2, "
                            "updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member);
  _qd_store_bind_id (stmt, 2, manager);
  return _qd_store_step_done (self, stmt, error);
}

/* Sets @result to whether @member is @manager or reports to @manager,
 * directly or through others. */
gboolean
qd_store_reports_up_to (QdStore   *self,
                        gint64     member,
                        gint64     manager,
                        gboolean  *result,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self,
                            "WITH RECURSIVE line (id) AS ("
                            "  SELECT ?1 UNION SELECT m.reports_to FROM members m JOIN line ON m.id = line.id"
                            "  WHERE m.reports_to IS NOT NULL) "
                            "SELECT EXISTS (SELECT 1 FROM line WHERE id = ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member);
  sqlite3_bind_int64 (stmt, 2, manager);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *result = sqlite3_column_int (stmt, 0) != 0;
  else
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gint64
qd_store_find_member_by_name (QdStore     *self,
                              const char  *name,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), -1);

  stmt = _qd_store_prepare (self,
                            "SELECT id FROM members WHERE qd_fold (name) = qd_fold (?1) "
                            "ORDER BY status = 'left', id LIMIT 1",
                            error);
  if (stmt == NULL)
    return -1;
  _qd_store_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

GStrv
qd_store_list_team_names (QdStore  *self,
                          GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self, "SELECT name FROM teams ORDER BY name COLLATE qd_locale", error);
  if (stmt == NULL)
    return NULL;
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

gboolean
qd_store_count_by_level (QdStore  *self,
                         guint     counts[4],
                         GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self,
                            "SELECT " LEVEL_RANK ("level") ", count(*) FROM members "
                            "WHERE status <> 'left' GROUP BY 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    counts[i] = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int rank = sqlite3_column_int (stmt, 0);
      if (rank >= 0 && rank < 4)
        counts[rank] = (guint) sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* For every leader (team lead, manager, director) still with us: the
 * active people in their reporting line one level below them who are
 * marked "ready now" to step into their role. */
GPtrArray *
qd_store_list_pipeline (QdStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_pipeline_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "WITH RECURSIVE tree (leader, member) AS ("
                            "  SELECT reports_to, id FROM members WHERE reports_to IS NOT NULL"
                            "  UNION"
                            "  SELECT tree.leader, m.id FROM tree JOIN members m ON m.reports_to = tree.member) "
                            "SELECT l.id, l.name, l.level, coalesce (t.name, ''), count (s.id), "
                            "       coalesce (group_concat (s.name, ', '), '') "
                            "FROM members l "
                            "LEFT JOIN teams t ON t.id = l.team_id "
                            "LEFT JOIN tree ON tree.leader = l.id "
                            "LEFT JOIN members s ON s.id = tree.member AND s.readiness = 'ready-now' "
                            "  AND s.status = 'active' "
                            "  AND " LEVEL_RANK ("s.level") " = " LEVEL_RANK ("l.level") " - 1 "
                            "WHERE l.level <> 'agent' AND l.status <> 'left' "
                            "GROUP BY l.id "
                            "ORDER BY " LEVEL_RANK ("l.level") " DESC, l.name COLLATE qd_locale",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QdPipelineRecord *record = g_new0 (QdPipelineRecord, 1);

      record->leader = sqlite3_column_int64 (stmt, 0);
      record->leader_name = _qd_store_column_dup (stmt, 1);
      record->level = _qd_store_column_dup (stmt, 2);
      record->team = _qd_store_column_dup (stmt, 3);
      record->ready_now = (guint) sqlite3_column_int (stmt, 4);
      record->ready_now_names = _qd_store_column_dup (stmt, 5);
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
