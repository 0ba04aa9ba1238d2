/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-csv.h"
#include "qd-store.h"
#include "qd-store-members.h"
#include "qd-store-tickets.h"
#include "qd-ticket-importer.h"
#include "qd-ticket-map.h"

/* The ticket and roster imports, checked on what the database holds
 * afterwards: each ticket's UTC instants, local days and minutes, worked
 * out by hand from the fixtures in tests/fixtures/import/, and that a
 * failed or cancelled import leaves the file exactly as it was. */

typedef struct
{
  char    *dir;
  char    *path;
  QdStore *store;
  sqlite3 *db;
  gint64   ana;
  gint64   jose;
  gint64   carla;
} Fixture;

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static gint64
add_member (Fixture    *f,
            const char *name,
            const char *email,
            const char *team)
{
  g_autoptr(GError) error = NULL;
  QdMemberRecord record = {
    .name = (char *) name,
    .email = (char *) email,
    .team = (char *) team,
  };
  gint64 id = qd_store_insert_member (f->store, &record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("qd-test-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "quarterdeck.db", NULL);
  f->store = qd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  f->ana = add_member (f, "Ana Ruiz", "ana.ruiz@example.com", "Billing");
  f->jose = add_member (f, "José Muñoz", "jose.munoz@example.com", "Tier 1");
  f->carla = add_member (f, "Carla Díaz", "", "Tier 2");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (sqlite3_close (f->db), ==, SQLITE_OK);
  g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);

  return g_file_new_for_path (path);
}

static QdImportSummary *
import (Fixture     *f,
        const char  *name,
        QdPreset     preset,
        const char  *timezone,
        GError     **error)
{
  g_autoptr(GFile) file = fixture_file (name);

  return qd_import_tickets (f->store, file, preset, NULL, 0, timezone, NULL, NULL, NULL, error);
}

static gint64
raw_int (Fixture    *f,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of every table a ticket import writes, to compare before
 * and after an import that must change nothing. */
static char *
dump (Fixture *f)
{
  static const char *queries[] = {
    "SELECT * FROM tickets ORDER BY id",
    "SELECT * FROM helpdesk_agents ORDER BY id",
    "SELECT * FROM metric_values ORDER BY metric, scope, scope_id, period, period_start",
    "SELECT * FROM members ORDER BY id",
    "SELECT * FROM teams ORDER BY id",
  };
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (f->db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const unsigned char *text = sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s|", text != NULL ? (const char *) text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (out, "--\n");
    }
  return g_string_free (out, FALSE);
}

/* One ticket as "created_at created_day | solved_at solved_day |
 * first reply, resolution | csat reopens replies | agent → member |
 * status group priority channel". */
static char *
ticket (Fixture    *f,
        const char *source,
        const char *external_id)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db,
    "SELECT t.created_at || ' ' || t.created_day || ' | ' || "
    "coalesce (t.solved_at || ' ' || t.solved_day, '-') || ' | ' || "
    "iif (t.first_reply_minutes IS NULL, '-', printf ('%g', t.first_reply_minutes)) || ', ' || "
    "iif (t.resolution_minutes IS NULL, '-', printf ('%g', t.resolution_minutes)) || ' | ' || "
    "t.csat || ' ' || t.reopens || ' ' || coalesce (t.replies, '-') || ' | ' || "
    "coalesce (a.name, '-') || ' → ' || coalesce (m.name, '-') || ' | ' || "
    "t.status || ' ' || t.group_name || ' ' || t.priority || ' ' || t.channel "
    "FROM tickets t LEFT JOIN helpdesk_agents a ON a.id = t.agent_id "
    "LEFT JOIN members m ON m.id = a.member_id "
    "WHERE t.source = ?1 AND t.external_id = ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, external_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_nonnull (result);
  return result;
}

#define assert_ticket(f, source, id, expected) \
  G_STMT_START { \
    g_autofree char *got_ = ticket ((f), (source), (id)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static const QdImportProblem *
problem (const QdImportSummary *summary,
         guint                  i)
{
  g_assert_cmpuint (i, <, summary->problems->len);
  return g_ptr_array_index (summary->problems, i);
}

/* ---- the pure parts ---- */

static void
test_parse_dates (void)
{
  static const struct
  {
    const char    *text;
    QdDateOrder    order;
    QdParseResult  result;
    const char    *expected;     /* "Y-M-D h:m:s" and " +offset" */
  } cases[] = {
    { "2026-03-04", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04" },
    { "2026-03-04T13:45:00Z", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 13:45:00 +0" },
    { "2026-03-04t13:45:00z", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 13:45:00 +0" },
    { "2026-03-04T13:45:00+01:00", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 13:45:00 +3600" },
    { "2026-03-04 13:45:00 -0500", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 13:45:00 +-18000" },
    { "2026-03-04T13:45:00.123Z", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 13:45:00 +0" },
    { "2026-03-04 13:45:00 UTC", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 13:45:00 +0" },
    { "2026-03-04 13:45", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 13:45:00" },
    { "2026/3/4 7:05:09", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 07:05:09" },
    { "  2026-03-04  ", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04" },
    { "04-03-2026 13:45:00", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 13:45:00" },
    { "04/03/2026 13:45", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 13:45:00" },
    { "04.03.2026", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04" },
    { "04/03/2026", QD_DATE_ORDER_MONTH_FIRST, QD_PARSE_OK, "2026-04-03" },
    { "13/03/2026", QD_DATE_ORDER_MONTH_FIRST, QD_PARSE_OK, "2026-03-13" },
    { "03/13/2026", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-13" },
    { "Mar 4, 2026 13:45", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 13:45:00" },
    { "March 4 2026 1:45 PM", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 13:45:00" },
    { "Mar 4, 2026, 12:05 am", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 00:05:00" },
    { "Sept. 30, 2026 12:00 p.m.", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-09-30 12:00:00" },
    { "4 Mar 2026", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04" },
    { "4th March 2026 09:00", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 09:00:00" },
    { "4 de marzo de 2026 08:00", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 08:00:00" },
    { "15 dic 2026", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-12-15" },
    { "2024-02-29", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2024-02-29" },
    { "2026-03-04 23:59:60", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_OK, "2026-03-04 23:59:59" },
    /* Dates that do not exist */
    { "31/02/2026", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_IMPOSSIBLE, NULL },
    { "2026-02-29", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_IMPOSSIBLE, NULL },
    { "2026-13-01", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_IMPOSSIBLE, NULL },
    { "2026-04-31 10:00", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_IMPOSSIBLE, NULL },
    { "2026-03-04 25:00", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_IMPOSSIBLE, NULL },
    { "2026-03-04 10:61", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_IMPOSSIBLE, NULL },
    { "13/13/2026", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_IMPOSSIBLE, NULL },
    { "Mar 4, 2026 13:45 PM", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_IMPOSSIBLE, NULL },
    { "Feb 30, 2026", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_IMPOSSIBLE, NULL },
    /* Not dates we read */
    { "yesterday", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_BAD, NULL },
    { "2026-03", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_BAD, NULL },
    { "4/3/26", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_BAD, NULL },
    { "2026-03-04 13", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_BAD, NULL },
    { "2026-03-04T13:45:00+25:00", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_BAD, NULL },
    { "2026-03-04 13:45 tomorrow", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_BAD, NULL },
    { "2026-03-0410:00", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_BAD, NULL },
    { "04/03/202610:00", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_BAD, NULL },
    { "20260304", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_BAD, NULL },
    { "1776-07-04", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_BAD, NULL },
    { "Smarch 4, 2026", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_BAD, NULL },
    { "", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_EMPTY, NULL },
    { " \t ", QD_DATE_ORDER_DAY_FIRST, QD_PARSE_EMPTY, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      QdDateOrder order = cases[i].order;
      gboolean fixed = FALSE;
      QdParsedTime t;
      QdParseResult result;

      g_test_message ("“%s”", cases[i].text);
      result = qd_ticket_parse_time (cases[i].text, &order, &fixed, &t);
      g_assert_cmpint (result, ==, cases[i].result);
      if (cases[i].expected != NULL)
        {
          g_autofree char *got = NULL;

          if (t.has_time)
            got = g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d", t.year, t.month, t.day,
                                   t.hour, t.minute, t.second);
          else
            got = g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);
          if (t.has_offset)
            {
              g_autofree char *with = g_strdup_printf ("%s +%d", got, t.offset_seconds);
              g_free (got);
              got = g_steal_pointer (&with);
            }
          g_assert_cmpstr (got, ==, cases[i].expected);
        }
    }
}

static void
test_parse_date_order (void)
{
  QdDateOrder order = QD_DATE_ORDER_DAY_FIRST;
  gboolean fixed = FALSE;
  QdParsedTime t;

  /* An ISO date says nothing about the order. */
  g_assert_cmpint (qd_ticket_parse_time ("2026-03-04", &order, &fixed, &t), ==, QD_PARSE_OK);
  g_assert_false (fixed);

  /* A malformed value settles nothing either. */
  g_assert_cmpint (qd_ticket_parse_time ("03/13/2026 junk", &order, &fixed, &t), ==, QD_PARSE_BAD);
  g_assert_false (fixed);
  g_assert_cmpint (order, ==, QD_DATE_ORDER_DAY_FIRST);

  /* The first unambiguous date settles it, for the rest of the file. */
  g_assert_cmpint (qd_ticket_parse_time ("03/13/2026", &order, &fixed, &t), ==, QD_PARSE_OK);
  g_assert_true (fixed);
  g_assert_cmpint (order, ==, QD_DATE_ORDER_MONTH_FIRST);
  g_assert_cmpint (qd_ticket_parse_time ("03/04/2026", &order, &fixed, &t), ==, QD_PARSE_OK);
  g_assert_cmpint (t.month, ==, 3);
  g_assert_cmpint (t.day, ==, 4);
  g_assert_cmpint (qd_ticket_parse_time ("13/03/2026", &order, &fixed, &t), ==, QD_PARSE_ORDER_CONFLICT);

  /* An ambiguous first date fixes the preset's order. */
  order = QD_DATE_ORDER_DAY_FIRST;
  fixed = FALSE;
  g_assert_cmpint (qd_ticket_parse_time ("04/03/2026", &order, &fixed, &t), ==, QD_PARSE_OK);
  g_assert_true (fixed);
  g_assert_cmpint (qd_ticket_parse_time ("03/13/2026", &order, &fixed, &t), ==, QD_PARSE_ORDER_CONFLICT);
}

static void
test_parse_durations (void)
{
  static const struct
  {
    const char    *text;
    gboolean       in_hours;
    QdParseResult  result;
    double         minutes;
  } cases[] = {
    { "90", FALSE, QD_PARSE_OK, 90 },
    { "  12  ", FALSE, QD_PARSE_OK, 12 },
    { "0", FALSE, QD_PARSE_OK, 0 },
    { "2.5", FALSE, QD_PARSE_OK, 2.5 },
    { "1.5", TRUE, QD_PARSE_OK, 90 },
    { "1,5", TRUE, QD_PARSE_OK, 90 },
    { "3", TRUE, QD_PARSE_OK, 180 },
    { ".25", TRUE, QD_PARSE_OK, 15 },
    { "01:30:00", TRUE, QD_PARSE_OK, 90 },
    { "01:30:00", FALSE, QD_PARSE_OK, 90 },
    { "1:30", TRUE, QD_PARSE_OK, 90 },
    { "36:15:30", TRUE, QD_PARSE_OK, 2175.5 },
    { "00:00:00", TRUE, QD_PARSE_OK, 0 },
    { "", FALSE, QD_PARSE_EMPTY, NAN },
    { "   ", TRUE, QD_PARSE_EMPTY, NAN },
    { "-5", FALSE, QD_PARSE_IMPOSSIBLE, NAN },
    { "-01:00:00", TRUE, QD_PARSE_IMPOSSIBLE, NAN },
    { "abc", FALSE, QD_PARSE_BAD, NAN },
    { "1:75", TRUE, QD_PARSE_BAD, NAN },
    { "1:30:5", TRUE, QD_PARSE_BAD, NAN },
    { "1e5", FALSE, QD_PARSE_BAD, NAN },
    { "5 min", FALSE, QD_PARSE_BAD, NAN },
    { ".", FALSE, QD_PARSE_BAD, NAN },
    { "99999999999", TRUE, QD_PARSE_BAD, NAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double minutes = -1;

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (qd_ticket_parse_duration (cases[i].text, cases[i].in_hours, &minutes),
                       ==, cases[i].result);
      if (cases[i].result == QD_PARSE_OK)
        g_assert_cmpfloat_with_epsilon (minutes, cases[i].minutes, 1e-9);
      else
        g_assert_true (isnan (minutes));
    }
}

static void
test_parse_csat (void)
{
  static const struct
  {
    const char    *text;
    QdParseResult  result;
    QdCsat         csat;
  } cases[] = {
    { "Good", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "good", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "Bad", QD_PARSE_OK, QD_CSAT_UNSATISFIED },
    { "Good with comment", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "Bad with comment", QD_PARSE_OK, QD_CSAT_UNSATISFIED },
    { "Offered", QD_PARSE_OK, QD_CSAT_NOT_RATED },
    { "Not Offered", QD_PARSE_OK, QD_CSAT_NOT_RATED },
    { "Unoffered", QD_PARSE_OK, QD_CSAT_NOT_RATED },
    { "", QD_PARSE_EMPTY, QD_CSAT_NOT_RATED },
    { "-", QD_PARSE_EMPTY, QD_CSAT_NOT_RATED },
    { "5", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "4", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "4.0", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "4/5", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "3", QD_PARSE_OK, QD_CSAT_NEUTRAL },
    { "2", QD_PARSE_OK, QD_CSAT_UNSATISFIED },
    { "1", QD_PARSE_OK, QD_CSAT_UNSATISFIED },
    { "0", QD_PARSE_BAD, QD_CSAT_NOT_RATED },
    { "6", QD_PARSE_BAD, QD_CSAT_NOT_RATED },
    { "4/10", QD_PARSE_BAD, QD_CSAT_NOT_RATED },
    { "Great", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "Okay", QD_PARSE_OK, QD_CSAT_NEUTRAL },
    { "Not Good", QD_PARSE_OK, QD_CSAT_UNSATISFIED },
    { "Satisfied", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "Neutral", QD_PARSE_OK, QD_CSAT_NEUTRAL },
    { "Unsatisfied", QD_PARSE_OK, QD_CSAT_UNSATISFIED },
    { "Dissatisfied", QD_PARSE_OK, QD_CSAT_UNSATISFIED },
    { "Extremely satisfied", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "EXTREMELY  DISSATISFIED", QD_PARSE_OK, QD_CSAT_UNSATISFIED },
    { "Just okay", QD_PARSE_OK, QD_CSAT_NEUTRAL },
    { "Awesome", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "Muy satisfecho", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "Satisfecha", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "Insatisfecho", QD_PARSE_OK, QD_CSAT_UNSATISFIED },
    { "Bueno", QD_PARSE_OK, QD_CSAT_SATISFIED },
    { "Malo", QD_PARSE_OK, QD_CSAT_UNSATISFIED },
    { "Regular", QD_PARSE_OK, QD_CSAT_NEUTRAL },
    { "Pésimo", QD_PARSE_OK, QD_CSAT_UNSATISFIED },
    { "No ofrecida", QD_PARSE_OK, QD_CSAT_NOT_RATED },
    { "Sin calificación", QD_PARSE_OK, QD_CSAT_NOT_RATED },
    { "Meh", QD_PARSE_BAD, QD_CSAT_NOT_RATED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      QdCsat csat = QD_CSAT_SATISFIED;

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (qd_ticket_parse_csat (cases[i].text, &csat), ==, cases[i].result);
      g_assert_cmpint (csat, ==, cases[i].csat);
    }
}

static void
test_detect (void)
{
  const char *zendesk[] = { "Id", "Subject", " created AT ", "Assignee" };
  const char *explore[] = { "Ticket ID", "Ticket created - Date", "Assignee name" };
  const char *freshdesk[] = { "Ticket ID", "Agent", "Created time" };
  const char *neither[] = { "Ticket ID", "Created time" };

  g_assert_cmpint (qd_ticket_map_detect (zendesk, G_N_ELEMENTS (zendesk)), ==, QD_PRESET_ZENDESK);
  g_assert_cmpint (qd_ticket_map_detect (explore, G_N_ELEMENTS (explore)), ==, QD_PRESET_ZENDESK_EXPLORE);
  g_assert_cmpint (qd_ticket_map_detect (freshdesk, G_N_ELEMENTS (freshdesk)), ==, QD_PRESET_FRESHDESK);
  g_assert_cmpint (qd_ticket_map_detect (neither, G_N_ELEMENTS (neither)), ==, QD_PRESET_AUTO);

  g_assert_cmpint (qd_preset_field_for_header (QD_PRESET_ZENDESK, "first reply time in minutes"),
                   ==, QD_FIELD_FIRST_REPLY_MINUTES);
  g_assert_cmpint (qd_preset_field_for_header (QD_PRESET_ZENDESK, "First reply time in minutes within business hours"),
                   ==, QD_FIELD_IGNORE);
  g_assert_cmpint (qd_preset_field_for_header (QD_PRESET_FRESHDESK, "Closed time"), ==, QD_FIELD_CLOSED_AT);
  g_assert_cmpint (qd_preset_field_for_header (QD_PRESET_FRESHDESK, "Created at"), ==, QD_FIELD_IGNORE);
  g_assert_cmpint (qd_preset_field_for_header (QD_PRESET_CUSTOM, "Created at"), ==, QD_FIELD_CREATED_AT);
  g_assert_cmpint (qd_preset_field_for_header (QD_PRESET_CUSTOM, "CSAT"), ==, QD_FIELD_CSAT);

  for (int i = 0; i < QD_N_FIELDS; i++)
    g_assert_cmpstr (qd_field_to_label (i), !=, "");
}

/* A mapped row's own promises, whatever the time zone does. */
static void
test_map_timezones (void)
{
  const char *headers[] = { "Id", "Created at", "Solved at" };
  static const struct
  {
    const char *zone;
    const char *created;
    const char *created_at;
    const char *created_day;
  } cases[] = {
    /* Madrid springs forward at 02:00 on 29 March 2026: 02:30 does not
     * exist and moves on to 03:30 summer time (01:30 UTC). */
    { "Europe/Madrid", "2026-03-29 02:30:00", "2026-03-29T01:30:00Z", "2026-03-29" },
    { "Europe/Madrid", "2026-03-29 01:59:00", "2026-03-29T00:59:00Z", "2026-03-29" },
    { "Europe/Madrid", "2026-03-29 03:00:00", "2026-03-29T01:00:00Z", "2026-03-29" },
    /* and falls back at 03:00 on 25 October: 02:30 happens twice, the
     * first time (summer time) is taken. */
    { "Europe/Madrid", "2026-10-25 02:30:00", "2026-10-25T00:30:00Z", "2026-10-25" },
    { "Europe/Madrid", "2026-10-25 03:30:00", "2026-10-25T02:30:00Z", "2026-10-25" },
    { "Europe/Madrid", "2026-01-01 00:10:00", "2025-12-31T23:10:00Z", "2026-01-01" },
    /* An instant keeps its time; the day is the account's. */
    { "Europe/Madrid", "2026-06-30T22:30:00Z", "2026-06-30T22:30:00Z", "2026-07-01" },
    { "America/Los_Angeles", "2026-07-01T03:00:00+00:00", "2026-07-01T03:00:00Z", "2026-06-30" },
    { "Asia/Kolkata", "2026-03-04 00:00", "2026-03-03T18:30:00Z", "2026-03-04" },
    { "Australia/Lord_Howe", "2026-01-15 12:00", "2026-01-15T01:00:00Z", "2026-01-15" },
    { "UTC", "29 Feb 2028 23:59:59", "2028-02-29T23:59:59Z", "2028-02-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (cases[i].zone);
      g_autoptr(QdTicketMap) map = NULL;
      g_autoptr(GError) error = NULL;
      const char *row[] = { "1", cases[i].created, "" };
      QdMappedTicket mapped;

      g_test_message ("%s in %s", cases[i].created, cases[i].zone);
      g_assert_nonnull (tz);
      map = qd_ticket_map_new (QD_PRESET_ZENDESK, headers, 3, NULL, 0, tz, &error);
      g_assert_no_error (error);
      /* Twice: the second time from the offset cache. */
      for (guint round = 0; round < 2; round++)
        {
          g_assert_true (qd_ticket_map_row (map, row, 3, &mapped, &error));
          g_assert_no_error (error);
          g_assert_cmpstr (mapped.ticket.created_at, ==, cases[i].created_at);
          g_assert_cmpstr (mapped.ticket.created_day, ==, cases[i].created_day);
          g_assert_cmpstr (mapped.ticket.solved_at, ==, "");
          g_assert_cmpstr (mapped.ticket.external_id, ==, "1");
        }
    }
}

/* ---- imports ---- */

static void
test_zendesk (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  summary = import (f, "zendesk-tickets.csv", QD_PRESET_AUTO, "Europe/Madrid", &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);

  g_assert_cmpint (summary->preset, ==, QD_PRESET_ZENDESK);
  g_assert_false (summary->roster);
  g_assert_cmpuint (summary->imported, ==, 5);
  g_assert_cmpuint (summary->updated, ==, 1);       /* 1001 twice in the file */
  g_assert_cmpuint (summary->skipped, ==, 1);
  g_assert_cmpuint (summary->problems->len, ==, 1);
  g_assert_cmpuint (problem (summary, 0)->row, ==, 5);
  g_assert_cmpstr (problem (summary, 0)->reason, ==, "the date “2026-02-31 10:00:00” does not exist");
  g_assert_cmpstr (summary->first_day, ==, "2026-03-04");
  g_assert_cmpstr (summary->last_day, ==, "2026-04-01");
  g_assert_nonnull (summary->unmatched_agents);
  g_assert_cmpstr (summary->unmatched_agents[0], ==, "Ben Okafor");
  g_assert_null (summary->unmatched_agents[1]);

  text = qd_import_summary_to_string (summary);
  g_assert_cmpstr (text, ==, "Imported 5 tickets, updated 1, skipped 1. "
                             "1 helpdesk agent is not linked to anyone on the team yet.");

  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM tickets"), ==, 5);

  /* 09:15 in Madrid in March is 08:15 UTC; the minutes come from the
   * calendar-time columns, not the business-hours ones; the second row
   * of 1001 is the one kept. */
  assert_ticket (f, "zendesk", "1001",
                 "2026-03-04T08:15:00Z 2026-03-04 | 2026-03-04T10:45:30Z 2026-03-04 | 25, 150 | "
                 "satisfied 1 4 | Ana Ruiz → Ana Ruiz | Closed Billing Normal Email");
  /* No minutes in the file: the resolution is worked out across the
   * change to summer time (23:30 CET to 03:10 CEST is 2 h 40 min). */
  assert_ticket (f, "zendesk", "1002",
                 "2026-03-28T22:30:00Z 2026-03-28 | 2026-03-29T01:10:00Z 2026-03-29 | -, 160 | "
                 "unsatisfied 1 5 | Ben Okafor → - | Solved Tier 2 High Web form");
  /* An instant in UTC, on 1 April in Madrid. */
  assert_ticket (f, "zendesk", "1003",
                 "2026-03-31T23:30:00Z 2026-04-01 | - | 42, - | "
                 "not-rated 0 1 | Ana Ruiz → Ana Ruiz | Pending Billing Low Chat");
  assert_ticket (f, "zendesk", "1005",
                 "2026-03-05T07:00:00Z 2026-03-05 | - | -, - | "
                 "not-rated 0 0 | - → - | New Tier 1 Normal Email");
  /* "jose munoz" is José Muñoz. */
  assert_ticket (f, "zendesk", "1006",
                 "2026-03-06T09:00:00Z 2026-03-06 | 2026-03-06T09:30:00Z 2026-03-06 | 4, 30 | "
                 "satisfied 0 2 | jose munoz → José Muñoz | Solved Tier 1 Normal Chat");

  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM helpdesk_agents"), ==, 3);

  /* The roll-ups were brought up to date in the same transaction. */
  g_assert_cmpint (raw_int (f, "SELECT value FROM metric_values WHERE metric = 'tickets-solved' "
                               "AND scope = 'org' AND period = 'month' AND period_start = '2026-03-01'"), ==, 3);
  g_assert_cmpint (raw_int (f, "SELECT value FROM metric_values WHERE metric = 'tickets-solved' "
                               "AND scope = 'org' AND period = 'week' AND period_start = '2026-03-23'"), ==, 1);
}

static void
test_reimport_overlap (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(QdImportSummary) first = NULL;
  g_autoptr(QdImportSummary) second = NULL;
  g_autoptr(QdImportSummary) again = NULL;
  g_autoptr(GError) error = NULL;

  first = import (f, "zendesk-tickets.csv", QD_PRESET_ZENDESK, "Europe/Madrid", &error);
  g_assert_no_error (error);

  second = import (f, "zendesk-overlap.csv", QD_PRESET_ZENDESK, "Europe/Madrid", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->imported, ==, 1);
  g_assert_cmpuint (second->updated, ==, 1);
  g_assert_cmpuint (second->skipped, ==, 0);
  g_assert_cmpstr (second->first_day, ==, "2026-03-28");
  g_assert_cmpstr (second->last_day, ==, "2026-04-02");
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM tickets"), ==, 6);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM helpdesk_agents"), ==, 3);

  /* Solved on 2 April now: 22:30 UTC on 28 March to 10:00 UTC on 2 April. */
  assert_ticket (f, "zendesk", "1002",
                 "2026-03-28T22:30:00Z 2026-03-28 | 2026-04-02T10:00:00Z 2026-04-02 | -, 6450 | "
                 "unsatisfied 2 6 | Ben Okafor → - | Closed Tier 2 High Web form");

  /* The week it was solved in before lost it: its roll-up was redone. */
  g_assert_cmpint (raw_int (f, "SELECT coalesce (max (value), 0) FROM metric_values "
                               "WHERE metric = 'tickets-solved' AND scope = 'org' "
                               "AND period = 'week' AND period_start = '2026-03-23'"), ==, 0);
  g_assert_cmpint (raw_int (f, "SELECT value FROM metric_values WHERE metric = 'tickets-solved' "
                               "AND scope = 'org' AND period = 'month' AND period_start = '2026-04-01'"), ==, 2);

  /* The same file again: all updated, nothing doubled. */
  again = import (f, "zendesk-tickets.csv", QD_PRESET_ZENDESK, "Europe/Madrid", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->imported, ==, 0);
  g_assert_cmpuint (again->updated, ==, 6);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM tickets"), ==, 6);
}

static void
test_explore_semicolon (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(QdImportSummary) zendesk = NULL;
  g_autoptr(GError) error = NULL;

  summary = import (f, "explore-semicolon.csv", QD_PRESET_AUTO, "Europe/Madrid", &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->preset, ==, QD_PRESET_ZENDESK_EXPLORE);
  g_assert_cmpuint (summary->imported, ==, 3);
  g_assert_cmpuint (summary->skipped, ==, 0);

  /* Dates only: local midnight, 23:00 UTC the day before in winter. */
  assert_ticket (f, "zendesk", "5001",
                 "2026-03-01T23:00:00Z 2026-03-02 | 2026-03-02T23:00:00Z 2026-03-03 | 12, 1590 | "
                 "satisfied 0 - | Ana Ruiz → Ana Ruiz |    ");
  /* Explore writes month first; 1:30 in an hours column is 90 minutes. */
  assert_ticket (f, "zendesk", "5002",
                 "2026-03-03T23:00:00Z 2026-03-04 | 2026-03-12T23:00:00Z 2026-03-13 | -, 90 | "
                 "not-rated 0 - | Ben Okafor → - |    ");
  assert_ticket (f, "zendesk", "5003",
                 "2026-03-04T23:00:00Z 2026-03-05 | - | -, - | not-rated 0 - | - → - |    ");

  /* A Zendesk export of the same account later brings the times of day
   * and what Explore does not have, without doubling. */
  {
    g_autoptr(GFile) file = NULL;
    g_autofree char *path = g_build_filename (f->dir, "zendesk-5001.csv", NULL);

    g_assert_true (g_file_set_contents (path,
      "Id,Assignee,Group,Status,Created at,Solved at,Satisfaction Score\n"
      "5001,Ana Ruiz,Billing,Solved,2026-03-02 09:00:00,,Good\n", -1, NULL));
    file = g_file_new_for_path (path);
    zendesk = qd_import_tickets (f->store, file, QD_PRESET_AUTO, NULL, 0, "Europe/Madrid",
                                 NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (zendesk->updated, ==, 1);
  }
  /* The first reply time stays (the Zendesk file has no such column);
   * the empty Solved at says it is not solved any more. */
  assert_ticket (f, "zendesk", "5001",
                 "2026-03-02T08:00:00Z 2026-03-02 | - | 12, - | "
                 "satisfied 0 - | Ana Ruiz → Ana Ruiz | Solved Billing  ");
}

static void
test_freshdesk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = import (f, "freshdesk-tickets.csv", QD_PRESET_AUTO, "America/New_York", &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->preset, ==, QD_PRESET_FRESHDESK);
  g_assert_cmpuint (summary->imported, ==, 4);
  g_assert_cmpuint (summary->skipped, ==, 0);
  g_assert_cmpstr (summary->first_day, ==, "2026-03-02");
  g_assert_cmpstr (summary->last_day, ==, "2026-03-20");

  /* Day first; EST is UTC−5. Both durations are empty, so worked out:
   * first response 10:00 → 10:45, resolution 10:00 → 14:30. */
  assert_ticket (f, "freshdesk", "7001",
                 "2026-03-02T15:00:00Z 2026-03-02 | 2026-03-02T19:30:00Z 2026-03-02 | 45, 270 | "
                 "satisfied 0 2 | Ana Ruiz → Ana Ruiz | Closed Billing Medium Email");
  /* No resolved time: the closed time is when it was solved; HH:MM:SS
   * durations in hours columns. */
  assert_ticket (f, "freshdesk", "7002",
                 "2026-03-05T14:00:00Z 2026-03-05 | 2026-03-05T23:00:00Z 2026-03-05 | 30, 540 | "
                 "neutral 0 4 | Ben Okafor → - | Closed Tier 2 High Portal");
  /* After 8 March New York is on EDT, UTC−4; decimal hours. */
  assert_ticket (f, "freshdesk", "7003",
                 "2026-03-13T12:00:00Z 2026-03-13 | 2026-03-13T13:30:00Z 2026-03-13 | 15, 90 | "
                 "unsatisfied 0 1 | Ana Ruiz → Ana Ruiz | Resolved Tier 1 Low Chat");
  assert_ticket (f, "freshdesk", "7004",
                 "2026-03-20T14:00:00Z 2026-03-20 | - | -, - | "
                 "satisfied 0 0 | Ana Ruiz → Ana Ruiz | Open Billing Low Email");
}

static void
test_custom_mapping (Fixture       *f,
                     gconstpointer  data)
{
  static const QdField mapping[] = {
    QD_FIELD_TICKET_ID, QD_FIELD_AGENT_NAME, QD_FIELD_AGENT_EMAIL, QD_FIELD_CREATED_AT,
    QD_FIELD_SOLVED_AT, QD_FIELD_CSAT, QD_FIELD_IGNORE,
  };
  static const QdField no_date[] = { QD_FIELD_TICKET_ID, QD_FIELD_AGENT_NAME };
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GFile) file = fixture_file ("custom.csv");
  g_autoptr(GError) error = NULL;

  summary = qd_import_tickets (f->store, file, QD_PRESET_CUSTOM, mapping, G_N_ELEMENTS (mapping),
                               "UTC", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->preset, ==, QD_PRESET_CUSTOM);
  g_assert_cmpuint (summary->imported, ==, 3);
  g_assert_cmpstr (summary->unmatched_agents[0], ==, "Someone");
  g_assert_null (summary->unmatched_agents[1]);

  /* "Ana R." is Ana Ruiz by her email, whatever its case. */
  assert_ticket (f, "csv", "C-1",
                 "2026-03-04T13:45:00Z 2026-03-04 | 2026-03-04T15:15:00Z 2026-03-04 | -, 90 | "
                 "satisfied 0 - | Ana R. → Ana Ruiz |    ");
  assert_ticket (f, "csv", "C-2",
                 "2026-03-04T13:45:00Z 2026-03-04 | - | -, - | unsatisfied 0 - | Ana R. → Ana Ruiz |    ");
  assert_ticket (f, "csv", "C-3",
                 "2026-03-04T08:00:00Z 2026-03-04 | 2026-03-05T08:00:00Z 2026-03-05 | -, 1440 | "
                 "neutral 0 - | Someone → - |    ");
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM helpdesk_agents WHERE source = 'csv'"), ==, 2);

  g_clear_pointer (&summary, qd_import_summary_free);
  summary = qd_import_tickets (f->store, file, QD_PRESET_CUSTOM, no_date, G_N_ELEMENTS (no_date),
                               "UTC", NULL, NULL, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "date each ticket was created"));
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = import (f, "zendesk-truncated.csv", QD_PRESET_AUTO, "UTC", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 1);
  g_assert_cmpuint (summary->skipped, ==, 1);
  g_assert_cmpuint (problem (summary, 0)->row, ==, 3);
  g_assert_nonnull (strstr (problem (summary, 0)->reason, "cut short"));
  assert_ticket (f, "zendesk", "2001",
                 "2026-03-10T10:00:00Z 2026-03-10 | 2026-03-10T12:00:00Z 2026-03-10 | 5, 120 | "
                 "satisfied 0 1 | Ana Ruiz → Ana Ruiz | Solved Billing Normal Email");
}

static void
test_unmatched_and_link (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  summary = import (f, "zendesk-tickets.csv", QD_PRESET_ZENDESK, "Europe/Madrid", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->unmatched_agents[0], ==, "Ben Okafor");

  sql = g_strdup_printf ("SELECT count(*) FROM metric_values WHERE scope = 'member' AND scope_id = %"
                         G_GINT64_FORMAT, f->carla);
  g_assert_cmpint (raw_int (f, sql), ==, 0);

  /* Ben Okafor's helpdesk account is Carla's. */
  g_assert_true (qd_import_link_agent (f->store, "Ben Okafor", f->carla, &error));
  g_assert_no_error (error);
  assert_ticket (f, "zendesk", "1002",
                 "2026-03-28T22:30:00Z 2026-03-28 | 2026-03-29T01:10:00Z 2026-03-29 | -, 160 | "
                 "unsatisfied 1 5 | Ben Okafor → Carla Díaz | Solved Tier 2 High Web form");
  /* Her roll-ups now hold the ticket. */
  g_assert_cmpint (raw_int (f, sql), >, 0);
  {
    g_autofree char *solved = g_strdup_printf ("SELECT value FROM metric_values WHERE metric = 'tickets-solved' "
                                               "AND scope = 'member' AND scope_id = %" G_GINT64_FORMAT
                                               " AND period = 'week' AND period_start = '2026-03-23'", f->carla);
    g_assert_cmpint (raw_int (f, solved), ==, 1);
  }

  /* A later import knows him. */
  g_clear_pointer (&summary, qd_import_summary_free);
  summary = import (f, "zendesk-overlap.csv", QD_PRESET_ZENDESK, "Europe/Madrid", &error);
  g_assert_no_error (error);
  g_assert_null (summary->unmatched_agents[0]);

  g_assert_false (qd_import_link_agent (f->store, "Nobody Known", f->carla, &error));
  g_assert_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nobody Known"));
}

/* ---- what fails changes nothing ---- */

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(QdImportSummary) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  QdImportSummary *summary;

  first = import (f, "zendesk-tickets.csv", QD_PRESET_ZENDESK, "Europe/Madrid", &error);
  g_assert_no_error (error);
  before = dump (f);

  summary = import (f, "zendesk-overlap.csv", QD_PRESET_ZENDESK, "Mars/Olympus", &error);
  g_assert_null (summary);
  g_assert_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_BAD_TIMEZONE);
  g_assert_cmpstr (error->message, ==, "“Mars/Olympus” is not a time zone. Use a name like Europe/Madrid.");
  g_clear_error (&error);

  summary = import (f, "no-known-headers.csv", QD_PRESET_AUTO, "UTC", &error);
  g_assert_null (summary);
  g_assert_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "“Id”, “Created at”"));
  g_assert_nonnull (strstr (error->message, "“Foo”, “Bar”, “Baz”"));
  g_clear_error (&error);

  summary = import (f, "zendesk-overlap.csv", QD_PRESET_FRESHDESK, "UTC", &error);
  g_assert_null (summary);
  g_assert_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "“Ticket ID”"));
  g_clear_error (&error);

  summary = import (f, "all-bad.csv", QD_PRESET_AUTO, "UTC", &error);
  g_assert_null (summary);
  g_assert_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_NOTHING_IMPORTED);
  g_assert_nonnull (strstr (error->message, "all 3 rows have problems"));
  g_assert_nonnull (strstr (error->message, "Row 2: the date “yesterday” is not in a form Quarterdeck understands."));
  g_assert_nonnull (strstr (error->message, "Row 3: the date “31/02/2026 10:00” does not exist."));
  g_assert_nonnull (strstr (error->message, "Row 4: the ticket has no creation date."));
  g_clear_error (&error);

  summary = import (f, "no-such-file.csv", QD_PRESET_AUTO, "UTC", &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autofree char *after = dump (f);
    g_assert_cmpstr (after, ==, before);
  }
}

/* A Zendesk file of @n tickets, the Nth a day apart in 2025. */
static char *
write_big_file (Fixture *f,
                guint    n,
                gboolean with_huge_field)
{
  g_autofree char *path = g_build_filename (f->dir, "big.csv", NULL);
  GString *out = g_string_new ("Id,Subject,Assignee,Created at,Solved at,Satisfaction Score,"
                               "First reply time in minutes,Full resolution time in minutes\n");

  for (guint i = 0; i < n; i++)
    {
      guint day = i % 365;
      g_autoptr(GDateTime) start = g_date_time_new_utc (2025, 1, 1, 9, 0, 0);
      g_autoptr(GDateTime) created = g_date_time_add_days (start, day);
      g_autofree char *stamp = g_date_time_format (created, "%Y-%m-%d %H:%M:%S");

      g_string_append_printf (out, "%u,Question number %u,Agent %u,%s,%s,%s,%u,%u\n",
                              90000 + i, i, i % 7, stamp, stamp, i % 3 == 0 ? "Good" : "Offered",
                              i % 50, i % 500);
      if (with_huge_field && i == n / 2)
        {
          g_string_append (out, "1,");
          for (guint k = 0; k < QD_CSV_DEFAULT_MAX_FIELD_BYTES / 8 + 1; k++)
            g_string_append (out, "xxxxxxxx");
          g_string_append (out, ",A,2025-01-01,,,,\n");
        }
    }
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
  g_string_free (out, TRUE);
  return g_steal_pointer (&path);
}

typedef struct
{
  GCancellable *cancellable;
  GArray       *fractions;
  guint         cancel_at;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  g_array_append_val (p->fractions, fraction);
  if (p->cancel_at > 0 && p->fractions->len == p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(QdImportSummary) first = NULL;
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress p = { cancellable, g_array_new (FALSE, FALSE, sizeof (double)), 2 };

  first = import (f, "zendesk-tickets.csv", QD_PRESET_ZENDESK, "Europe/Madrid", &error);
  g_assert_no_error (error);
  before = dump (f);

  /* 20,000 rows: many chunks of the reader, so the cancel comes with
   * thousands of tickets written and then rolled back. */
  path = write_big_file (f, 20000, FALSE);
  file = g_file_new_for_path (path);
  summary = qd_import_tickets (f->store, file, QD_PRESET_AUTO, NULL, 0, "UTC",
                               progress_cb, &p, cancellable, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (p.fractions->len, ==, 2);
  g_assert_cmpfloat (g_array_index (p.fractions, double, 1), <, 0.5);
  g_clear_error (&error);
  after = dump (f);
  g_assert_cmpstr (after, ==, before);

  /* Without the cancel it goes through, with the progress rising to 1. */
  g_array_set_size (p.fractions, 0);
  p.cancel_at = 0;
  g_cancellable_reset (cancellable);
  summary = qd_import_tickets (f->store, file, QD_PRESET_AUTO, NULL, 0, "UTC",
                               progress_cb, &p, cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 20000);
  g_assert_cmpuint (p.fractions->len, >, 5);
  for (guint i = 1; i < p.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (p.fractions, double, i), >=, g_array_index (p.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (p.fractions, double, p.fractions->len - 1), ==, 1.0);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM tickets"), ==, 20005);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM helpdesk_agents"), ==, 3 + 7);
  assert_ticket (f, "zendesk", "90364",
                 "2025-12-31T09:00:00Z 2025-12-31 | 2025-12-31T09:00:00Z 2025-12-31 | 14, 364 | "
                 "not-rated 0 - | Agent 0 → - |    ");

  g_array_unref (p.fractions);
}

static void
test_fatal_error_midway (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(QdImportSummary) first = NULL;
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  first = import (f, "zendesk-tickets.csv", QD_PRESET_ZENDESK, "Europe/Madrid", &error);
  g_assert_no_error (error);
  before = dump (f);

  /* A field over the reader's limit half-way: the first half was
   * written, and must go. */
  path = write_big_file (f, 2000, TRUE);
  file = g_file_new_for_path (path);
  summary = qd_import_tickets (f->store, file, QD_PRESET_AUTO, NULL, 0, "UTC",
                               NULL, NULL, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, QD_CSV_ERROR, QD_CSV_ERROR_FIELD_TOO_LONG);
  g_assert_true (g_str_has_prefix (error->message, "Row 1003 "));
  after = dump (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_many_problems (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "problems.csv", NULL);
  g_autoptr(GFile) file = NULL;
  GString *out = g_string_new ("Id,Created at\n");

  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (out, "%u,not a date\n", i);
  g_string_append (out, "9999,2026-03-04 10:00\n");
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
  g_string_free (out, TRUE);

  file = g_file_new_for_path (path);
  summary = qd_import_tickets (f->store, file, QD_PRESET_AUTO, NULL, 0, "UTC", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 1);
  g_assert_cmpuint (summary->skipped, ==, 1500);
  g_assert_cmpuint (summary->problems->len, ==, QD_IMPORT_MAX_PROBLEMS);
  g_assert_cmpuint (problem (summary, 999)->row, ==, 1001);
  g_assert_cmpstr (problem (summary, 0)->reason, ==, "the date “not a date” is not in a form Quarterdeck understands");
}

static void
test_preview (void)
{
  g_autoptr(GFile) file = fixture_file ("zendesk-tickets.csv");
  g_autoptr(GFile) unknown = fixture_file ("no-known-headers.csv");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) headers = NULL;
  QdPreset detected = QD_PRESET_AUTO;

  g_assert_true (qd_import_preview (file, 2, &detected, &headers, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (detected, ==, QD_PRESET_ZENDESK);
  g_assert_cmpstr (headers[0], ==, "Id");              /* no byte-order mark */
  g_assert_cmpuint (g_strv_length (headers), ==, 21);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, 1))[1], ==, "Login loop\r\nafter a password reset");

  g_clear_pointer (&headers, g_strfreev);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (qd_import_preview (unknown, 10, &detected, &headers, &rows, &error));
  g_assert_cmpint (detected, ==, QD_PRESET_CUSTOM);
  g_assert_cmpuint (rows->len, ==, 1);
}

static void
test_summary_text (void)
{
  QdImportSummary summary = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *one = NULL;
  g_autofree char *roster = NULL;
  const char *agents[] = { "Ben", "Zoe", NULL };

  summary.imported = 1204;
  summary.updated = 37;
  summary.skipped = 3;
  text = qd_import_summary_to_string (&summary);
  g_assert_cmpstr (text, ==, "Imported 1,204 tickets, updated 37, skipped 3.");

  summary.imported = 1;
  summary.updated = 1234567;
  summary.skipped = 0;
  summary.unmatched_agents = (GStrv) agents;
  one = qd_import_summary_to_string (&summary);
  g_assert_cmpstr (one, ==, "Imported 1 ticket, updated 1,234,567, skipped 0. "
                            "2 helpdesk agents are not linked to anyone on the team yet.");

  summary.roster = TRUE;
  summary.unmatched_agents = NULL;
  summary.imported = 2;
  roster = qd_import_summary_to_string (&summary);
  g_assert_cmpstr (roster, ==, "Added 2 team members, updated 1,234,567, skipped 0.");
}

/* ---- roster ---- */

static void
test_roster (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(QdImportSummary) tickets = NULL;
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(QdImportSummary) zendesk = NULL;
  g_autoptr(GFile) file = fixture_file ("roster.csv");
  g_autoptr(GFile) team_members = fixture_file ("zendesk-team-members.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  tickets = import (f, "zendesk-tickets.csv", QD_PRESET_ZENDESK, "Europe/Madrid", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tickets->unmatched_agents[0], ==, "Ben Okafor");

  summary = qd_import_roster (f->store, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (summary->roster);
  /* Ben is new; "ANA RUIZ" is Ana, now in Tier 1; Carla moves to
   * Billing and gains her email; the last row has no name. */
  g_assert_cmpuint (summary->imported, ==, 1);
  g_assert_cmpuint (summary->updated, ==, 2);
  g_assert_cmpuint (summary->skipped, ==, 1);
  g_assert_cmpuint (problem (summary, 0)->row, ==, 5);
  g_assert_cmpstr (problem (summary, 0)->reason, ==, "the row has no name");
  /* Ben's helpdesk account found its member. */
  g_assert_null (summary->unmatched_agents[0]);
  text = qd_import_summary_to_string (summary);
  g_assert_cmpstr (text, ==, "Added 1 team member, updated 2, skipped 1.");

  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 4);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members m JOIN teams t ON t.id = m.team_id "
                               "WHERE m.name = 'Ana Ruiz' AND t.name = 'Tier 1' "
                               "AND m.email = 'ana.ruiz@example.com'"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members m JOIN teams t ON t.id = m.team_id "
                               "WHERE m.name = 'Ben Okafor' AND t.name = 'Tier 2' "
                               "AND m.email = 'ben.okafor@example.com' AND m.level = 'agent'"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members WHERE name = 'Carla Díaz' "
                               "AND email = 'carla.diaz@example.com'"), ==, 1);
  assert_ticket (f, "zendesk", "1002",
                 "2026-03-28T22:30:00Z 2026-03-28 | 2026-03-29T01:10:00Z 2026-03-29 | -, 160 | "
                 "unsatisfied 1 5 | Ben Okafor → Ben Okafor | Solved Tier 2 High Web form");
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM metric_values m JOIN members b ON b.id = m.scope_id "
                               "WHERE m.scope = 'member' AND b.name = 'Ben Okafor'"), >, 0);

  /* Zendesk's team-member export: a lead, a default group, a list of
   * groups; Ana by email, already in order. */
  zendesk = qd_import_roster (f->store, team_members, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zendesk->imported, ==, 2);
  g_assert_cmpuint (zendesk->updated, ==, 1);       /* Ana back to Billing */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members m JOIN teams t ON t.id = m.team_id "
                               "WHERE m.name = 'Dana Scott' AND m.level = 'team-lead' AND t.name = 'Tier 1'"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members m JOIN teams t ON t.id = m.team_id "
                               "WHERE m.name = 'Eli Brown' AND m.level = 'agent' AND t.name = 'Billing'"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 6);
}

static void
test_roster_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("no-known-headers.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;
  QdImportSummary *summary;

  summary = qd_import_roster (f->store, file, NULL, NULL, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "“Name”"));
  after = dump (f);
  g_assert_cmpstr (after, ==, before);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ticket-map/dates", test_parse_dates);
  g_test_add_func ("/ticket-map/date-order", test_parse_date_order);
  g_test_add_func ("/ticket-map/durations", test_parse_durations);
  g_test_add_func ("/ticket-map/csat", test_parse_csat);
  g_test_add_func ("/ticket-map/detect", test_detect);
  g_test_add_func ("/ticket-map/timezones", test_map_timezones);
  g_test_add_func ("/import/preview", test_preview);
  g_test_add_func ("/import/summary-text", test_summary_text);
  ADD ("/import/zendesk", test_zendesk);
  ADD ("/import/reimport-overlap", test_reimport_overlap);
  ADD ("/import/explore-semicolon", test_explore_semicolon);
  ADD ("/import/freshdesk", test_freshdesk);
  ADD ("/import/custom-mapping", test_custom_mapping);
  ADD ("/import/truncated", test_truncated);
  ADD ("/import/unmatched-and-link", test_unmatched_and_link);
  ADD ("/import/errors", test_errors);
  ADD ("/import/cancel", test_cancel);
  ADD ("/import/fatal-error-midway", test_fatal_error_midway);
  ADD ("/import/many-problems", test_many_problems);
  ADD ("/import/roster", test_roster);
  ADD ("/import/roster-errors", test_roster_errors);

  return g_test_run ();
}
