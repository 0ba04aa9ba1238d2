/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-import"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-csv.h"
#include "qd-store-members.h"
#include "qd-store-metrics.h"
#include "qd-store-tickets.h"
#include "qd-ticket-importer.h"
#include "qd-ticket-map.h"

/*
 * The ticket and roster imports: the file is read in chunks through the
 * CSV reader, each row is mapped (qd-ticket-map.c) and written at once,
 * all inside one transaction that is rolled back on any error or on
 * cancellation, so the database is either as before or fully updated.
 * Rows that cannot be read are skipped and reported with their number.
 */

#define DAY_LEN 10

typedef struct
{
  QdStore              *store;
  QdPreset              preset;
  const QdField        *mapping;
  guint                 n_mapping;
  GTimeZone            *tz;
  QdTicketMap          *map;
  QdTicketWriter       *writer;
  QdImportSummary      *summary;
  guint                 last_record;
  char                  imported_at[QD_TICKET_INSTANT_SIZE];
  /* What the summary reports, and the wider range of days whose
   * roll-ups change (it includes the days updated tickets left). */
  char                  first_day[QD_TICKET_DAY_SIZE];
  char                  last_day[QD_TICKET_DAY_SIZE];
  char                  touched_from[QD_TICKET_DAY_SIZE];
  char                  touched_to[QD_TICKET_DAY_SIZE];
  QdImportProgressFunc  progress;
  gpointer              progress_data;
} TicketImport;

static void
problem_free (QdImportProblem *problem)
{
  g_free (problem->reason);
  g_free (problem);
}

static QdImportSummary *
summary_new (void)
{
  QdImportSummary *summary = g_new0 (QdImportSummary, 1);

  summary->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  return summary;
}

void
qd_import_summary_free (QdImportSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->problems, g_ptr_array_unref);
  g_clear_pointer (&summary->unmatched_agents, g_strfreev);
  g_free (summary->first_day);
  g_free (summary->last_day);
  g_free (summary);
}

static void
add_problem (QdImportSummary *summary,
             guint            row,
             const char      *reason)
{
  summary->skipped++;
  if (summary->problems->len < QD_IMPORT_MAX_PROBLEMS)
    {
      QdImportProblem *problem = g_new0 (QdImportProblem, 1);
      problem->row = row;
      problem->reason = g_strdup (reason);
      g_ptr_array_add (summary->problems, problem);
    }
}

static inline void
widen (char       *from,
       char       *to,
       const char *day)
{
  if (day == NULL || day[0] == '\0')
    return;
  if (from[0] == '\0' || memcmp (day, from, DAY_LEN) < 0)
    memcpy (from, day, DAY_LEN + 1);
  if (to[0] == '\0' || memcmp (day, to, DAY_LEN) > 0)
    memcpy (to, day, DAY_LEN + 1);
}

static GTimeZone *
resolve_timezone (const char  *name,
                  GError     **error)
{
  GTimeZone *tz;

  if (name == NULL || *name == '\0')
    return g_time_zone_new_local ();

  tz = g_time_zone_new_identifier (name);
  if (tz == NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (name, -1);
      g_set_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_BAD_TIMEZONE,
                   _("“%s” is not a time zone. Use a name like Europe/Madrid."), valid);
    }
  return tz;
}

static void
csv_progress_cb (goffset  bytes_read,
                 goffset  total_bytes,
                 gpointer user_data)
{
  TicketImport *self = user_data;

  if (self->progress != NULL && total_bytes > 0)
    self->progress (CLAMP ((double) bytes_read / (double) total_bytes, 0.0, 1.0), self->progress_data);
}

static gboolean
ticket_row_cb (const QdCsvRow  *row,
               gpointer         user_data,
               GError         **error)
{
  TicketImport *self = user_data;
  g_autoptr(GError) row_error = NULL;
  const char * const *fields = (const char * const *) row->fields;
  QdTicketOldDays old_days;
  QdMappedTicket mapped;
  gboolean inserted;

  self->last_record = row->record;

  if (self->map == NULL)
    {
      self->map = qd_ticket_map_new (self->preset, fields, row->n_fields,
                                     self->mapping, self->n_mapping, self->tz, error);
      if (self->map == NULL)
        return FALSE;
      self->summary->preset = qd_ticket_map_get_preset (self->map);
      self->writer = qd_ticket_writer_new (self->store, qd_ticket_map_get_source (self->map),
                                           self->imported_at, error);
      return self->writer != NULL;
    }

  if (!qd_ticket_map_row (self->map, fields, row->n_fields, &mapped, &row_error))
    {
      add_problem (self->summary, row->record, row_error->message);
      return TRUE;
    }

  if (*mapped.agent_name != '\0' || *mapped.agent_email != '\0')
    {
      mapped.ticket.agent_id = qd_ticket_writer_ensure_agent (self->writer, mapped.agent_name,
                                                              mapped.agent_email, error);
      if (mapped.ticket.agent_id == 0)
        return FALSE;
    }

  old_days.created_day[0] = old_days.solved_day[0] = '\0';
  if (!qd_ticket_writer_upsert (self->writer, &mapped.ticket, &inserted, &old_days, error))
    return FALSE;

  if (inserted)
    self->summary->imported++;
  else
    self->summary->updated++;

  widen (self->first_day, self->last_day, mapped.ticket.created_day);
  widen (self->first_day, self->last_day, mapped.ticket.solved_day);
  widen (self->touched_from, self->touched_to, mapped.ticket.created_day);
  widen (self->touched_from, self->touched_to, mapped.ticket.solved_day);
  widen (self->touched_from, self->touched_to, old_days.created_day);
  widen (self->touched_from, self->touched_to, old_days.solved_day);
  return TRUE;
}

/* The agents of this import who are nobody on the team: their name, or
 * their email when they have no name. */
static GStrv
list_unmatched (QdStore         *store,
                QdTicketWriter  *writer,
                GError         **error)
{
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) mine = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  agents = qd_store_list_helpdesk_agents (store, TRUE, error);
  if (agents == NULL)
    return NULL;

  ids = qd_ticket_writer_dup_agent_ids (writer);
  mine = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (mine, &g_array_index (ids, gint64, i));

  for (guint i = 0; i < agents->len; i++)
    {
      QdHelpdeskAgentRecord *agent = g_ptr_array_index (agents, i);
      const char *shown = *agent->name != '\0' ? agent->name : agent->email;

      if (!g_hash_table_contains (mine, &agent->id) || g_hash_table_contains (seen, shown))
        continue;
      g_hash_table_add (seen, (gpointer) shown);
      g_strv_builder_add (names, shown);
    }

  return g_strv_builder_end (names);
}

static char *
describe_first_problems (const QdImportSummary *summary)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < summary->problems->len && i < 3; i++)
    {
      const QdImportProblem *problem = g_ptr_array_index (summary->problems, i);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Row %u: %s."), problem->row, problem->reason);
    }
  return g_string_free (out, FALSE);
}

static void
set_nothing_imported (const QdImportSummary  *summary,
                      gboolean                roster,
                      GError                **error)
{
  g_autofree char *first = NULL;

  if (summary->skipped == 0)
    {
      g_set_error_literal (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_NOTHING_IMPORTED,
                           roster ? _("The file has column names but no team members.")
                                  : _("The file has column names but no tickets."));
      return;
    }

  first = describe_first_problems (summary);
  if (summary->skipped == 1)
    g_set_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_NOTHING_IMPORTED,
                 roster ? _("No team member could be imported: the only row has a problem.%s")
                        : _("No ticket could be imported: the only row has a problem.%s"),
                 first);
  else if (roster)
    g_set_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_NOTHING_IMPORTED,
                 g_dngettext (GETTEXT_PACKAGE,
                              "No team member could be imported: all %u row has problems.%s",
                              "No team member could be imported: all %u rows have problems.%s",
                              summary->skipped),
                 summary->skipped, first);
  else
    g_set_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_NOTHING_IMPORTED,
                 g_dngettext (GETTEXT_PACKAGE,
                              "No ticket could be imported: all %u row has problems.%s",
                              "No ticket could be imported: all %u rows have problems.%s",
                              summary->skipped),
                 summary->skipped, first);
}

static gboolean
parse_into (GFile          *file,
            QdCsvRowFunc    func,
            gpointer        data,
            guint          *last_record,
            QdCsvProgressFunc progress,
            gpointer        progress_data,
            QdImportSummary *summary,
            gboolean         header_read,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (qd_csv_parse_file (file, 0, func, data, progress, progress_data, cancellable, &local_error))
    return TRUE;

  /* A file cut short in the middle of its last row: that row is lost,
   * the others are kept. */
  if (header_read && g_error_matches (local_error, QD_CSV_ERROR, QD_CSV_ERROR_UNTERMINATED_QUOTE) &&
      !g_cancellable_is_cancelled (cancellable))
    {
      add_problem (summary, *last_record + 1,
                   _("the row is cut short (a quoted value is not closed): the file may be incomplete"));
      return TRUE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
check_file (GFile   *file,
            GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);

  return stream != NULL;
}

QdImportSummary *
qd_import_tickets (QdStore               *store,
                   GFile                 *file,
                   QdPreset               preset,
                   const QdField         *mapping,
                   guint                  n_mapping,
                   const char            *timezone,
                   QdImportProgressFunc   progress,
                   gpointer               progress_data,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  TicketImport self = { 0 };
  gint64 started;
  gboolean ok;

  g_return_val_if_fail (QD_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tz = resolve_timezone (timezone, error);
  if (tz == NULL || !check_file (file, error))
    return NULL;

  summary = summary_new ();
  summary->preset = preset;

  now = g_date_time_new_now_utc ();
  stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  self.store = store;
  self.preset = preset;
  self.mapping = preset == QD_PRESET_CUSTOM ? mapping : NULL;
  self.n_mapping = preset == QD_PRESET_CUSTOM ? n_mapping : 0;
  self.tz = tz;
  self.summary = summary;
  self.progress = progress;
  self.progress_data = progress_data;
  g_strlcpy (self.imported_at, stamp, sizeof self.imported_at);

  if (!qd_store_begin (store, error))
    return NULL;

  started = g_get_monotonic_time ();
  ok = parse_into (file, ticket_row_cb, &self, &self.last_record, csv_progress_cb, &self,
                   summary, TRUE, cancellable, error);
  g_debug ("Read and wrote %u rows in %.2f s", self.last_record,
           (g_get_monotonic_time () - started) / 1e6);
  /* An error in the header row is the file's, not a row's. */
  if (ok && self.map == NULL)
    {
      g_set_error_literal (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_NOTHING_IMPORTED,
                           _("The file is empty: there is nothing to import."));
      ok = FALSE;
    }
  if (ok && summary->imported + summary->updated == 0)
    {
      set_nothing_imported (summary, FALSE, error);
      ok = FALSE;
    }
  if (ok && qd_store_match_helpdesk_agents (store, error) < 0)
    ok = FALSE;
  if (ok)
    {
      summary->unmatched_agents = list_unmatched (store, self.writer, error);
      ok = summary->unmatched_agents != NULL;
    }
  if (ok)
    {
      started = g_get_monotonic_time ();
      ok = qd_store_recompute_rollups (store, self.touched_from, self.touched_to, cancellable, error);
      g_debug ("Recomputed the roll-ups from %s to %s in %.2f s", self.touched_from, self.touched_to,
               (g_get_monotonic_time () - started) / 1e6);
    }
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;

  g_clear_pointer (&self.writer, qd_ticket_writer_free);
  g_clear_pointer (&self.map, qd_ticket_map_free);

  started = g_get_monotonic_time ();
  if (!ok || !qd_store_commit (store, error))
    {
      qd_store_rollback (store);
      return NULL;
    }
  g_debug ("Committed in %.2f s", (g_get_monotonic_time () - started) / 1e6);

  summary->first_day = g_strdup (self.first_day);
  summary->last_day = g_strdup (self.last_day);
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&summary);
}

/* ---- preview ---- */

typedef struct
{
  guint      max_rows;
  GStrv      headers;
  GPtrArray *rows;
} Preview;

static gboolean
preview_row_cb (const QdCsvRow  *row,
                gpointer         user_data,
                GError         **error)
{
  Preview *self = user_data;

  if (self->headers == NULL)
    {
      self->headers = g_strdupv (row->fields);
      return self->max_rows > 0;
    }
  g_ptr_array_add (self->rows, g_strdupv (row->fields));
  return self->rows->len < self->max_rows;
}

gboolean
qd_import_preview (GFile       *file,
                   guint        max_rows,
                   QdPreset    *detected,
                   GStrv       *headers,
                   GPtrArray  **rows,
                   GError     **error)
{
  Preview self = { 0 };
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) local_error = NULL;
  QdPreset found;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self.max_rows = max_rows;
  self.rows = kept;

  if (!qd_csv_parse_file (file, 0, preview_row_cb, &self, NULL, NULL, NULL, &local_error))
    {
      /* A preview shows what it could read of a file cut short. */
      if (self.headers == NULL || !g_error_matches (local_error, QD_CSV_ERROR, QD_CSV_ERROR_UNTERMINATED_QUOTE))
        {
          g_strfreev (self.headers);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (self.headers == NULL)
    {
      g_set_error_literal (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_NOTHING_IMPORTED,
                           _("The file is empty: there is nothing to import."));
      return FALSE;
    }

  found = qd_ticket_map_detect ((const char * const *) self.headers, g_strv_length (self.headers));
  if (detected != NULL)
    *detected = found == QD_PRESET_AUTO ? QD_PRESET_CUSTOM : found;
  if (headers != NULL)
    *headers = g_steal_pointer (&self.headers);
  else
    g_strfreev (self.headers);
  if (rows != NULL)
    *rows = g_steal_pointer (&kept);
  return TRUE;
}

/* ---- linking agents ---- */

gboolean
qd_import_link_agent (QdStore     *store,
                      const char  *agent,
                      gint64       member_id,
                      GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  char from[QD_TICKET_DAY_SIZE] = "";
  char to[QD_TICKET_DAY_SIZE] = "";

  g_return_val_if_fail (QD_IS_STORE (store), FALSE);
  g_return_val_if_fail (agent != NULL, FALSE);
  g_return_val_if_fail (member_id > 0, FALSE);

  if (!qd_store_begin (store, error))
    return FALSE;

  ids = qd_store_find_helpdesk_agents (store, agent, error);
  if (ids == NULL)
    goto failed;
  if (ids->len == 0)
    {
      g_autofree char *valid = g_utf8_make_valid (agent, -1);
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND,
                   _("No helpdesk agent is called “%s”."), valid);
      goto failed;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      if (!qd_store_link_helpdesk_agent (store, id, member_id, error) ||
          !qd_store_get_ticket_days (store, id, &first, &last, error))
        goto failed;
      widen (from, to, first);
      widen (from, to, last);
    }

  /* Their tickets now count for the member and the member's team. */
  if (from[0] != '\0' && !qd_store_recompute_rollups (store, from, to, NULL, error))
    goto failed;

  return qd_store_commit (store, error);

failed:
  qd_store_rollback (store);
  return FALSE;
}

/* ---- roster ---- */

typedef enum
{
  ROSTER_NAME,
  ROSTER_EMAIL,
  ROSTER_TEAM,
  ROSTER_GROUP,
  ROSTER_DEFAULT_GROUP,
  ROSTER_GROUPS,
  ROSTER_ROLE,
  ROSTER_TITLE,
  ROSTER_N_COLUMNS
} RosterColumn;

static const struct
{
  const char   *header;
  RosterColumn  column;
} roster_headers[] = {
  { "Name", ROSTER_NAME },
  { "Full name", ROSTER_NAME },
  { "Agent", ROSTER_NAME },
  { "Agent name", ROSTER_NAME },
  { "Nombre", ROSTER_NAME },
  { "Email", ROSTER_EMAIL },
  { "E-mail", ROSTER_EMAIL },
  { "Email address", ROSTER_EMAIL },
  { "Correo", ROSTER_EMAIL },
  { "Correo electrónico", ROSTER_EMAIL },
  { "Team", ROSTER_TEAM },
  { "Equipo", ROSTER_TEAM },
  { "Group", ROSTER_GROUP },
  { "Grupo", ROSTER_GROUP },
  { "Default group", ROSTER_DEFAULT_GROUP },
  { "Groups", ROSTER_GROUPS },
  { "Role", ROSTER_ROLE },
  { "Level", ROSTER_ROLE },
  { "Rol", ROSTER_ROLE },
  { "Job title", ROSTER_TITLE },
  { "Title", ROSTER_TITLE },
};

typedef struct
{
  QdStore              *store;
  QdImportSummary      *summary;
  int                   columns[ROSTER_N_COLUMNS];
  gboolean              header_read;
  guint                 last_record;
  QdImportProgressFunc  progress;
  gpointer              progress_data;
} RosterImport;

static char *
roster_cell (RosterImport   *self,
             const QdCsvRow *row,
             RosterColumn    column)
{
  int col = self->columns[column];

  if (col < 0 || (guint) col >= row->n_fields)
    return g_strdup ("");
  return g_strstrip (g_strdup (row->fields[col]));
}

/* The member's team: Team, else Group, else Zendesk's default group,
 * else the first of the groups. */
static char *
roster_team (RosterImport   *self,
             const QdCsvRow *row)
{
  static const RosterColumn order[] = { ROSTER_TEAM, ROSTER_GROUP, ROSTER_DEFAULT_GROUP };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *team = roster_cell (self, row, order[i]);
      if (*team != '\0')
        return g_steal_pointer (&team);
    }

  {
    g_autofree char *groups = roster_cell (self, row, ROSTER_GROUPS);
    g_auto(GStrv) parts = g_strsplit_set (groups, ",;|", 2);
    return g_strstrip (g_strdup (parts[0] != NULL ? parts[0] : ""));
  }
}

static const char *
level_for_role (const char *role)
{
  g_autofree char *lower = g_utf8_strdown (role, -1);

  if (strstr (lower, "director") != NULL || strstr (lower, "head of") != NULL)
    return "director";
  if (strstr (lower, "manager") != NULL)
    return "manager";
  if (strstr (lower, "lead") != NULL || strstr (lower, "supervisor") != NULL)
    return "team-lead";
  return "agent";
}

static gboolean
looks_like_email (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && strchr (at + 1, '.') != NULL &&
         strchr (email, ' ') == NULL && strchr (at + 1, '@') == NULL;
}

static gboolean
roster_header (RosterImport    *self,
               const QdCsvRow  *row,
               GError         **error)
{
  for (guint c = 0; c < ROSTER_N_COLUMNS; c++)
    self->columns[c] = -1;

  for (guint i = 0; i < row->n_fields; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (row->fields[i]));
      g_autofree char *header = g_utf8_casefold (trimmed, -1);

      for (guint h = 0; h < G_N_ELEMENTS (roster_headers); h++)
        {
          g_autofree char *known = g_utf8_casefold (roster_headers[h].header, -1);

          if (!g_str_equal (header, known))
            continue;
          if (self->columns[roster_headers[h].column] < 0)
            self->columns[roster_headers[h].column] = (int) i;
          break;
        }
    }

  if (self->columns[ROSTER_NAME] < 0)
    {
      g_set_error_literal (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_MISSING_COLUMN,
                           _("This is not a roster file: it has no “Name” column. "
                             "Quarterdeck reads the columns Name, Email and Team (or Group)."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
roster_row_cb (const QdCsvRow  *row,
               gpointer         user_data,
               GError         **error)
{
  RosterImport *self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *team = NULL;
  g_autofree char *role = NULL;
  g_autofree char *title = NULL;
  gboolean ambiguous = FALSE;
  gint64 id;

  self->last_record = row->record;

  if (!self->header_read)
    {
      self->header_read = TRUE;
      return roster_header (self, row, error);
    }

  name = roster_cell (self, row, ROSTER_NAME);
  email = roster_cell (self, row, ROSTER_EMAIL);
  team = roster_team (self, row);
  role = roster_cell (self, row, ROSTER_ROLE);
  title = roster_cell (self, row, ROSTER_TITLE);

  if (*name == '\0')
    {
      add_problem (self->summary, row->record, _("the row has no name"));
      return TRUE;
    }
  if (*email != '\0' && !looks_like_email (email))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an email address"), email);
      add_problem (self->summary, row->record, message);
      return TRUE;
    }

  id = qd_store_match_member (self->store, name, email, &ambiguous, error);
  if (id < 0)
    return FALSE;
  if (id == 0 && ambiguous)
    {
      g_autofree char *message =
        g_strdup_printf (_("more than one team member is called “%s”: add their email to tell them apart"), name);
      add_problem (self->summary, row->record, message);
      return TRUE;
    }

  if (id > 0)
    {
      QdMemberRecord record = { 0 };
      gboolean changed = FALSE;
      gboolean ok = TRUE;

      if (!qd_store_load_member (self->store, id, &record, error))
        return FALSE;
      if (*team != '\0' && g_strcmp0 (record.team, team) != 0)
        {
          g_free (record.team);
          record.team = g_steal_pointer (&team);
          changed = TRUE;
        }
      if (*email != '\0' && g_ascii_strcasecmp (record.email, email) != 0)
        {
          g_free (record.email);
          record.email = g_steal_pointer (&email);
          changed = TRUE;
        }
      if (changed)
        {
          ok = qd_store_update_member (self->store, &record, error);
          if (ok)
            self->summary->updated++;
        }
      qd_member_record_clear (&record);
      return ok;
    }

  {
    QdMemberRecord record = {
      .name = name,
      .email = email,
      .job_title = title,
      .level = (char *) level_for_role (role),
      .team = team,
      .status = (char *) "active",
      .readiness = (char *) "not-yet",
    };

    if (qd_store_insert_member (self->store, &record, error) == 0)
      return FALSE;
    self->summary->imported++;
  }
  return TRUE;
}

static void
roster_progress_cb (goffset  bytes_read,
                    goffset  total_bytes,
                    gpointer user_data)
{
  RosterImport *self = user_data;

  if (self->progress != NULL && total_bytes > 0)
    self->progress (CLAMP ((double) bytes_read / (double) total_bytes, 0.0, 1.0), self->progress_data);
}

QdImportSummary *
qd_import_roster (QdStore               *store,
                  GFile                 *file,
                  QdImportProgressFunc   progress,
                  gpointer               progress_data,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GPtrArray) unmatched = NULL;
  RosterImport self = { 0 };
  gboolean ok;
  gint linked = 0;

  g_return_val_if_fail (QD_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_file (file, error))
    return NULL;

  summary = summary_new ();
  summary->preset = QD_PRESET_CUSTOM;
  summary->roster = TRUE;

  self.store = store;
  self.summary = summary;
  self.progress = progress;
  self.progress_data = progress_data;

  if (!qd_store_begin (store, error))
    return NULL;

  ok = parse_into (file, roster_row_cb, &self, &self.last_record, roster_progress_cb, &self,
                   summary, TRUE, cancellable, error);
  if (ok && !self.header_read)
    {
      g_set_error_literal (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_NOTHING_IMPORTED,
                           _("The file is empty: there is nothing to import."));
      ok = FALSE;
    }
  if (ok && summary->imported + summary->updated == 0 && summary->skipped > 0)
    {
      set_nothing_imported (summary, TRUE, error);
      ok = FALSE;
    }

  /* New members may be the helpdesk agents nobody was linked to yet. */
  if (ok)
    {
      linked = qd_store_match_helpdesk_agents (store, error);
      ok = linked >= 0;
    }
  if (ok && linked > 0)
    ok = qd_store_recompute_rollups (store, NULL, NULL, cancellable, error);
  if (ok)
    {
      unmatched = qd_store_list_helpdesk_agents (store, TRUE, error);
      ok = unmatched != NULL;
    }
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;

  if (!ok || !qd_store_commit (store, error))
    {
      qd_store_rollback (store);
      return NULL;
    }

  {
    g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < unmatched->len; i++)
      {
        QdHelpdeskAgentRecord *agent = g_ptr_array_index (unmatched, i);
        const char *shown = *agent->name != '\0' ? agent->name : agent->email;

        if (g_hash_table_contains (seen, shown))
          continue;
        g_hash_table_add (seen, (gpointer) shown);
        g_strv_builder_add (names, shown);
      }
    summary->unmatched_agents = g_strv_builder_end (names);
  }

  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&summary);
}

/* ---- the summary in words ---- */

/* 1204 → "1,204", with the locale's grouping where it has one. */
static char *
format_count (guint n)
{
  const char *sep = localeconv ()->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  if (sep == NULL || *sep == '\0')
    sep = ",";
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
qd_import_summary_to_string (const QdImportSummary *summary)
{
  g_autofree char *imported = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *skipped = NULL;
  GString *out;
  guint n_unmatched;

  g_return_val_if_fail (summary != NULL, NULL);

  imported = format_count (summary->imported);
  updated = format_count (summary->updated);
  skipped = format_count (summary->skipped);

  out = g_string_new (NULL);
  if (summary->roster)
    /* Translators: "Added 12 team members, updated 3, skipped 1." */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "Added %s team member, updated %s, skipped %s.",
                                              "Added %s team members, updated %s, skipped %s.",
                                              summary->imported),
                            imported, updated, skipped);
  else
    /* Translators: "Imported 1,204 tickets, updated 37, skipped 3." */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "Imported %s ticket, updated %s, skipped %s.",
                                              "Imported %s tickets, updated %s, skipped %s.",
                                              summary->imported),
                            imported, updated, skipped);

  n_unmatched = summary->unmatched_agents != NULL ? g_strv_length (summary->unmatched_agents) : 0;
  if (n_unmatched > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u helpdesk agent is not linked to anyone on the team yet.",
                                                "%u helpdesk agents are not linked to anyone on the team yet.",
                                                n_unmatched),
                              n_unmatched);
    }

  return g_string_free (out, FALSE);
}
