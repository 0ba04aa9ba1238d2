/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-store"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-store-private.h"
#include "qd-store-tickets.h"

/* Tickets and helpdesk agents. A bulk import writes through a
 * QdTicketWriter: the statements are looked up once, the agents' ids are
 * kept in a hash table, and text is bound without copying, so a row
 * costs two B-tree inserts and no allocation. */

#define SQL_FIND_AGENT \
  "SELECT id FROM helpdesk_agents WHERE source = ?1 AND name = ?2 AND email = ?3"

#define SQL_INSERT_AGENT \
  "INSERT INTO helpdesk_agents (source, name, email, member_id) VALUES (?1, ?2, ?3, ?4)"

#define SQL_INSERT_TICKET \
  "INSERT INTO tickets (source, external_id, agent_id, group_name, status, priority, channel, " \
  "created_at, created_day, solved_at, solved_day, first_reply_minutes, resolution_minutes, " \
  "csat, reopens, replies, imported_at) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) " \
  "ON CONFLICT (source, external_id) DO NOTHING"

#define SQL_OLD_DAYS \
  "SELECT created_day, coalesce (solved_day, '') FROM tickets WHERE source = ?1 AND external_id = ?2"

/* Only what the file provides replaces what is there (?18 is the
 * QdTicketColumns mask). A date without a time of day keeps the stored
 * instant when it falls on the same day. */
#define HAS(bit) "(?18 & " G_STRINGIFY (bit) ")"
#define SQL_UPDATE_TICKET \
  "UPDATE tickets SET " \
  "agent_id = CASE WHEN " HAS (1) " THEN ?3 ELSE agent_id END, " \
  "group_name = CASE WHEN " HAS (2) " THEN ?4 ELSE group_name END, " \
  "status = CASE WHEN " HAS (4) " THEN ?5 ELSE status END, " \
  "priority = CASE WHEN " HAS (8) " THEN ?6 ELSE priority END, " \
  "channel = CASE WHEN " HAS (16) " THEN ?7 ELSE channel END, " \
  "created_at = CASE WHEN " HAS (2048) " OR created_day <> ?9 THEN ?8 ELSE created_at END, " \
  "created_day = ?9, " \
  "solved_at = CASE WHEN NOT " HAS (32) " THEN solved_at " \
  "  WHEN " HAS (4096) " OR solved_day IS NOT ?11 THEN ?10 ELSE solved_at END, " \
  "solved_day = CASE WHEN " HAS (32) " THEN ?11 ELSE solved_day END, " \
  "first_reply_minutes = CASE WHEN " HAS (64) " THEN ?12 ELSE first_reply_minutes END, " \
  "resolution_minutes = CASE WHEN " HAS (128) " THEN ?13 ELSE resolution_minutes END, " \
  "csat = CASE WHEN " HAS (256) " THEN ?14 ELSE csat END, " \
  "reopens = CASE WHEN " HAS (512) " THEN ?15 ELSE reopens END, " \
  "replies = CASE WHEN " HAS (1024) " THEN ?16 ELSE replies END, " \
  "imported_at = ?17 " \
  "WHERE source = ?1 AND external_id = ?2"

G_STATIC_ASSERT (QD_TICKET_HAS_AGENT == 1);
G_STATIC_ASSERT (QD_TICKET_HAS_GROUP == 2);
G_STATIC_ASSERT (QD_TICKET_HAS_STATUS == 4);
G_STATIC_ASSERT (QD_TICKET_HAS_PRIORITY == 8);
G_STATIC_ASSERT (QD_TICKET_HAS_CHANNEL == 16);
G_STATIC_ASSERT (QD_TICKET_HAS_SOLVED == 32);
G_STATIC_ASSERT (QD_TICKET_HAS_FIRST_REPLY == 64);
G_STATIC_ASSERT (QD_TICKET_HAS_RESOLUTION == 128);
G_STATIC_ASSERT (QD_TICKET_HAS_CSAT == 256);
G_STATIC_ASSERT (QD_TICKET_HAS_REOPENS == 512);
G_STATIC_ASSERT (QD_TICKET_HAS_REPLIES == 1024);
G_STATIC_ASSERT (QD_TICKET_CREATED_TIME == 2048);
G_STATIC_ASSERT (QD_TICKET_SOLVED_TIME == 4096);

struct _QdTicketWriter
{
  QdStore      *store;
  sqlite3      *db;
  char         *source;
  char         *imported_at;
  sqlite3_stmt *insert;
  sqlite3_stmt *old_days;
  sqlite3_stmt *update;
  GHashTable   *agents;      /* "name\x1femail" → id (as a pointer-sized integer) */
  GString      *key;
};

static const char *csat_strings[] = {
  [QD_CSAT_NOT_RATED] = "not-rated",
  [QD_CSAT_SATISFIED] = "satisfied",
  [QD_CSAT_NEUTRAL] = "neutral",
  [QD_CSAT_UNSATISFIED] = "unsatisfied",
};

const char *
qd_csat_to_string (QdCsat csat)
{
  if ((guint) csat >= G_N_ELEMENTS (csat_strings))
    return csat_strings[QD_CSAT_NOT_RATED];
  return csat_strings[csat];
}

void
qd_helpdesk_agent_record_free (QdHelpdeskAgentRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->source);
  g_free (record->name);
  g_free (record->email);
  g_free (record->member_name);
  g_free (record);
}

/* Text that lives until the statement is stepped: no copy. */
static inline void
bind_static (sqlite3_stmt *stmt,
             int           index,
             const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_STATIC);
}

static inline void
bind_static_or_null (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static inline void
bind_minutes (sqlite3_stmt *stmt,
              int           index,
              double        minutes)
{
  if (isnan (minutes) || minutes < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, minutes);
}

static char *
normalize_name (const char *name)
{
  return g_strstrip (g_strdup (name != NULL ? name : ""));
}

static char *
normalize_email (const char *email)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (email != NULL ? email : ""));

  return g_ascii_strdown (trimmed, -1);
}

/* Up to two ids from the statement: the one, or 0 when none or several. */
static gint64
single_id (QdStore       *self,
           sqlite3_stmt  *stmt,
           gboolean      *several,
           GError       **error)
{
  gint64 id = 0;
  guint n = 0;
  int rc;

  while (n < 2 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  if (n < 2 && rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return -1;
    }
  sqlite3_reset (stmt);
  *several = n > 1;
  return n == 1 ? id : 0;
}

gint64
qd_store_match_member (QdStore     *self,
                       const char  *name,
                       const char  *email,
                       gboolean    *ambiguous,
                       GError     **error)
{
  g_autofree char *wanted_email = normalize_email (email);
  g_autofree char *trimmed = normalize_name (name);
  gboolean several = FALSE;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (QD_IS_STORE (self), -1);

  if (ambiguous != NULL)
    *ambiguous = FALSE;

  if (*wanted_email != '\0')
    {
      stmt = _qd_store_prepare (self,
                                "SELECT id FROM members WHERE email <> '' AND lower (trim (email)) = ?1 LIMIT 2",
                                error);
      if (stmt == NULL)
        return -1;
      _qd_store_bind_text (stmt, 1, wanted_email);
      id = single_id (self, stmt, &several, error);
      if (id != 0)
        return id;
    }

  if (*trimmed != '\0')
    {
      g_autofree char *folded = _qd_store_fold (trimmed);

      stmt = _qd_store_prepare (self, "SELECT id FROM members WHERE qd_fold (trim (name)) = ?1 LIMIT 2", error);
      if (stmt == NULL)
        return -1;
      _qd_store_bind_text (stmt, 1, folded);
      id = single_id (self, stmt, &several, error);
    }

  if (ambiguous != NULL)
    *ambiguous = several;
  return id;
}

static gint64
find_agent (QdStore     *self,
            const char  *source,
            const char  *name,
            const char  *email,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _qd_store_prepare (self, SQL_FIND_AGENT, error);
  if (stmt == NULL)
    return -1;
  _qd_store_bind_text (stmt, 1, source);
  _qd_store_bind_text (stmt, 2, name);
  _qd_store_bind_text (stmt, 3, email);
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

gint64
qd_store_ensure_helpdesk_agent (QdStore     *self,
                                const char  *source,
                                const char  *name,
                                const char  *email,
                                GError     **error)
{
  g_autofree char *wanted_name = normalize_name (name);
  g_autofree char *wanted_email = normalize_email (email);
  sqlite3_stmt *stmt;
  gint64 member;
  gint64 id;

  g_return_val_if_fail (QD_IS_STORE (self), 0);
  g_return_val_if_fail (source != NULL, 0);

  if (*wanted_name == '\0' && *wanted_email == '\0')
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_FAILED,
                   _("A helpdesk agent needs a name or an email address."));
      return 0;
    }

  id = find_agent (self, source, wanted_name, wanted_email, error);
  if (id != 0)
    return id > 0 ? id : 0;

  member = qd_store_match_member (self, wanted_name, wanted_email, NULL, error);
  if (member < 0)
    return 0;

  stmt = _qd_store_prepare (self, SQL_INSERT_AGENT, error);
  if (stmt == NULL)
    return 0;
  _qd_store_bind_text (stmt, 1, source);
  _qd_store_bind_text (stmt, 2, wanted_name);
  _qd_store_bind_text (stmt, 3, wanted_email);
  _qd_store_bind_id (stmt, 4, member);
  if (!_qd_store_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_qd_store_get_db (self));
}

gint
qd_store_match_helpdesk_agents (QdStore  *self,
                                GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) emails = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gint linked = 0;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), -1);

  stmt = _qd_store_prepare (self, "SELECT id, name, email FROM helpdesk_agents WHERE member_id IS NULL", error);
  if (stmt == NULL)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (names, _qd_store_column_dup (stmt, 1));
      g_ptr_array_add (emails, _qd_store_column_dup (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return -1;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 member = qd_store_match_member (self, g_ptr_array_index (names, i),
                                             g_ptr_array_index (emails, i), NULL, error);
      if (member < 0)
        return -1;
      if (member == 0)
        continue;
      if (!qd_store_link_helpdesk_agent (self, g_array_index (ids, gint64, i), member, error))
        return -1;
      linked++;
    }

  return linked;
}

gboolean
qd_store_link_helpdesk_agent (QdStore  *self,
                              gint64    agent_id,
                              gint64    member_id,
                              GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  if (member_id > 0)
    {
      stmt = _qd_store_prepare (self, "SELECT 1 FROM members WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND,
                       _("This team member no longer exists."));
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          _qd_store_set_error (self, rc, error);
          return FALSE;
        }
    }

  stmt = _qd_store_prepare (self, "UPDATE helpdesk_agents SET member_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agent_id);
  _qd_store_bind_id (stmt, 2, member_id);
  if (!_qd_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_qd_store_get_db (self)) == 0)
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND,
                   _("This helpdesk agent no longer exists."));
      return FALSE;
    }
  return TRUE;
}

GArray *
qd_store_find_helpdesk_agents (QdStore     *self,
                               const char  *agent,
                               GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *trimmed = normalize_name (agent);
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  folded = _qd_store_fold (trimmed);
  stmt = _qd_store_prepare (self,
                            "SELECT id FROM helpdesk_agents "
                            "WHERE CASE WHEN name <> '' THEN qd_fold (name) ELSE qd_fold (email) END = ?1 "
                            "ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  _qd_store_bind_text (stmt, 1, folded);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
qd_store_list_helpdesk_agents (QdStore   *self,
                               gboolean   unmatched_only,
                               GError   **error)
{
  g_autoptr(GPtrArray) agents = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_helpdesk_agent_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT a.id, a.source, a.name, a.email, coalesce (a.member_id, 0), "
                            "coalesce (m.name, ''), "
                            "(SELECT count(*) FROM tickets t WHERE t.agent_id = a.id) "
                            "FROM helpdesk_agents a LEFT JOIN members m ON m.id = a.member_id "
                            "WHERE NOT ?1 OR a.member_id IS NULL "
                            "ORDER BY qd_sort_key (CASE WHEN a.name <> '' THEN a.name ELSE a.email END), "
                            "a.source, a.email, a.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, unmatched_only ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QdHelpdeskAgentRecord *record = g_new0 (QdHelpdeskAgentRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->source = _qd_store_column_dup (stmt, 1);
      record->name = _qd_store_column_dup (stmt, 2);
      record->email = _qd_store_column_dup (stmt, 3);
      record->member_id = sqlite3_column_int64 (stmt, 4);
      record->member_name = _qd_store_column_dup (stmt, 5);
      record->n_tickets = (guint) sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (agents, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&agents);
}

/* ---- tickets ---- */

static void
bind_ticket (sqlite3_stmt         *stmt,
             const char           *source,
             const char           *imported_at,
             const QdTicketRecord *record)
{
  bind_static (stmt, 1, source);
  bind_static (stmt, 2, record->external_id);
  _qd_store_bind_id (stmt, 3, record->agent_id);
  bind_static (stmt, 4, record->group_name);
  bind_static (stmt, 5, record->status);
  bind_static (stmt, 6, record->priority);
  bind_static (stmt, 7, record->channel);
  bind_static (stmt, 8, record->created_at);
  bind_static (stmt, 9, record->created_day);
  bind_static_or_null (stmt, 10, record->solved_at);
  bind_static_or_null (stmt, 11, record->solved_day);
  bind_minutes (stmt, 12, record->first_reply_minutes);
  bind_minutes (stmt, 13, record->resolution_minutes);
  bind_static (stmt, 14, qd_csat_to_string (record->csat));
  sqlite3_bind_int (stmt, 15, (int) MIN (record->reopens, (guint) G_MAXINT));
  if (record->replies < 0)
    sqlite3_bind_null (stmt, 16);
  else
    sqlite3_bind_int (stmt, 16, record->replies);
  bind_static (stmt, 17, imported_at);
}

static gboolean
step_done (QdStore       *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
is_valid_day (const char *day)
{
  return day != NULL && strlen (day) == 10 && day[4] == '-' && day[7] == '-';
}

gboolean
qd_ticket_writer_upsert (QdTicketWriter        *self,
                         const QdTicketRecord  *record,
                         gboolean              *inserted,
                         QdTicketOldDays       *old_days,
                         GError               **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (record->external_id != NULL && *record->external_id != '\0', FALSE);
  g_return_val_if_fail (is_valid_day (record->created_day), FALSE);

  bind_ticket (self->insert, self->source, self->imported_at, record);
  if (!step_done (self->store, self->insert, error))
    return FALSE;

  if (sqlite3_changes (self->db) > 0)
    {
      if (inserted != NULL)
        *inserted = TRUE;
      return TRUE;
    }

  /* Already there: note the days it had, then bring it up to date. */
  if (old_days != NULL)
    {
      bind_static (self->old_days, 1, self->source);
      bind_static (self->old_days, 2, record->external_id);
      rc = sqlite3_step (self->old_days);
      if (rc == SQLITE_ROW)
        {
          g_strlcpy (old_days->created_day, (const char *) sqlite3_column_text (self->old_days, 0),
                     sizeof old_days->created_day);
          g_strlcpy (old_days->solved_day, (const char *) sqlite3_column_text (self->old_days, 1),
                     sizeof old_days->solved_day);
        }
      sqlite3_reset (self->old_days);
      if (rc != SQLITE_ROW)
        {
          _qd_store_set_error (self->store, rc == SQLITE_DONE ? SQLITE_INTERNAL : rc, error);
          return FALSE;
        }
    }

  bind_ticket (self->update, self->source, self->imported_at, record);
  sqlite3_bind_int (self->update, 18, record->columns);
  if (!step_done (self->store, self->update, error))
    return FALSE;

  if (inserted != NULL)
    *inserted = FALSE;
  return TRUE;
}

QdTicketWriter *
qd_ticket_writer_new (QdStore     *store,
                      const char  *source,
                      const char  *imported_at,
                      GError     **error)
{
  QdTicketWriter *self;

  g_return_val_if_fail (QD_IS_STORE (store), NULL);
  g_return_val_if_fail (source != NULL && imported_at != NULL, NULL);

  self = g_new0 (QdTicketWriter, 1);
  self->store = g_object_ref (store);
  self->db = _qd_store_get_db (store);
  self->source = g_strdup (source);
  self->imported_at = g_strdup (imported_at);
  self->agents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->key = g_string_new (NULL);

  /* The store keeps these prepared for as long as it lives; holding the
   * pointers saves hashing the SQL text for every row. */
  if ((self->insert = _qd_store_prepare (store, SQL_INSERT_TICKET, error)) == NULL ||
      (self->old_days = _qd_store_prepare (store, SQL_OLD_DAYS, error)) == NULL ||
      (self->update = _qd_store_prepare (store, SQL_UPDATE_TICKET, error)) == NULL)
    {
      qd_ticket_writer_free (self);
      return NULL;
    }

  return self;
}

gint64
qd_ticket_writer_ensure_agent (QdTicketWriter  *self,
                               const char      *name,
                               const char      *email,
                               GError         **error)
{
  gpointer value;
  gint64 id;

  g_return_val_if_fail (self != NULL, 0);

  if ((name == NULL || *name == '\0') && (email == NULL || *email == '\0'))
    return 0;

  g_string_assign (self->key, name != NULL ? name : "");
  g_string_append_c (self->key, '\x1f');
  g_string_append (self->key, email != NULL ? email : "");

  if (g_hash_table_lookup_extended (self->agents, self->key->str, NULL, &value))
    return (gint64) GPOINTER_TO_SIZE (value);

  id = qd_store_ensure_helpdesk_agent (self->store, self->source, name, email, error);
  if (id <= 0)
    return 0;

  g_hash_table_insert (self->agents, g_strdup (self->key->str), GSIZE_TO_POINTER ((gsize) id));
  return id;
}

GArray *
qd_ticket_writer_dup_agent_ids (QdTicketWriter *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, ids);

  g_hash_table_iter_init (&iter, self->agents);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gint64 id = (gint64) GPOINTER_TO_SIZE (value);
      g_array_append_val (ids, id);
    }
  /* Several spellings may lead to one agent. */
  for (guint i = 0; i < ids->len;)
    {
      gint64 *id = &g_array_index (ids, gint64, i);
      if (g_hash_table_contains (seen, id))
        g_array_remove_index_fast (ids, i);
      else
        {
          g_hash_table_add (seen, id);
          i++;
        }
    }
  return ids;
}

void
qd_ticket_writer_free (QdTicketWriter *self)
{
  if (self == NULL)
    return;

  /* The statements belong to the store; leave them reset. */
  if (self->insert != NULL)
    sqlite3_reset (self->insert);
  if (self->old_days != NULL)
    sqlite3_reset (self->old_days);
  if (self->update != NULL)
    sqlite3_reset (self->update);
  g_clear_pointer (&self->agents, g_hash_table_unref);
  if (self->key != NULL)
    g_string_free (self->key, TRUE);
  g_free (self->source);
  g_free (self->imported_at);
  g_clear_object (&self->store);
  g_free (self);
}

gboolean
qd_store_upsert_ticket (QdStore               *self,
                        const char            *source,
                        const QdTicketRecord  *record,
                        const char            *imported_at,
                        gboolean              *inserted,
                        QdTicketOldDays       *old_days,
                        GError               **error)
{
  g_autoptr(QdTicketWriter) writer = NULL;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  writer = qd_ticket_writer_new (self, source, imported_at, error);
  if (writer == NULL)
    return FALSE;
  return qd_ticket_writer_upsert (writer, record, inserted, old_days, error);
}

gint64
qd_store_count_tickets (QdStore     *self,
                        const char  *source,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), -1);

  stmt = _qd_store_prepare (self, "SELECT count(*) FROM tickets WHERE ?1 IS NULL OR source = ?1", error);
  if (stmt == NULL)
    return -1;
  _qd_store_bind_text (stmt, 1, source);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}

gboolean
qd_store_get_ticket_days (QdStore     *self,
                          gint64       agent_id,
                          char       **first_day,
                          char       **last_day,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (first_day != NULL && last_day != NULL, FALSE);

  *first_day = NULL;
  *last_day = NULL;

  stmt = _qd_store_prepare (self,
                            "SELECT min (min (created_day, coalesce (solved_day, created_day))), "
                            "max (max (created_day, coalesce (solved_day, created_day))) "
                            "FROM tickets WHERE ?1 = 0 OR agent_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agent_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          *first_day = _qd_store_column_dup (stmt, 0);
          *last_day = _qd_store_column_dup (stmt, 1);
        }
    }
  else
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}
