/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import commands and the demo's tickets as a user runs them: the
 * real binary, with no display, checking exit codes, what it says and
 * what it leaves in the file. */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_quarterdeck (Run *run,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("QD_EXE"));
  g_assert_nonnull (argv->pdata[0]);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Commands must work without any display. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
query (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text != NULL ? text : g_strdup ("");
}

static gint64
query_int (const char *path,
           const char *sql)
{
  g_autofree char *text = query (path, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("qd-cli-import-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static void
test_import_tickets (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "team.db", NULL);
  g_autofree char *zendesk = fixture ("zendesk-tickets.csv");
  g_autofree char *overlap = fixture ("zendesk-overlap.csv");
  g_autofree char *created = NULL;
  Run run = { 0 };

  /* The command's options may come after the file. */
  run_quarterdeck (&run, "--database", db, "import-tickets", zendesk,
                   "--timezone", "Europe/Madrid", "--preset", "zendesk", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported 5 tickets, updated 1, skipped 1."));
  g_assert_nonnull (strstr (run.out, "Format: Zendesk ticket export\n"));
  g_assert_nonnull (strstr (run.out, "Days covered: 2026-03-04 to 2026-04-01\n"));
  g_assert_nonnull (strstr (run.out, "  Row 5: the date “2026-02-31 10:00:00” does not exist\n"));
  /* Nobody is on the team yet: every agent is listed. */
  g_assert_nonnull (strstr (run.out, "  Ben Okafor\n"));
  g_assert_nonnull (strstr (run.out, "  Ana Ruiz\n"));
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tickets"), ==, 5);
  created = query (db, "SELECT created_at || ' ' || created_day FROM tickets WHERE external_id = '1003'");
  g_assert_cmpstr (created, ==, "2026-03-31T23:30:00Z 2026-04-01");
  run_clear (&run);

  /* An overlapping export: updated, not doubled; --option=value works. */
  run_quarterdeck (&run, "--database", db, "import-tickets", "--timezone=Europe/Madrid", overlap, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported 1 ticket, updated 1, skipped 0."));
  g_assert_null (strstr (run.out, "Rows skipped"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tickets"), ==, 6);
  run_clear (&run);

  remove_tree (dir);
}

static void
test_import_failures (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "team.db", NULL);
  g_autofree char *zendesk = fixture ("zendesk-tickets.csv");
  g_autofree char *all_bad = fixture ("all-bad.csv");
  g_autofree char *unknown = fixture ("no-known-headers.csv");
  Run run = { 0 };

  run_quarterdeck (&run, "--database", db, "import-tickets", zendesk, "--timezone", "Europe/Madrid", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* Nothing could be imported: a failure, with the reasons. */
  run_quarterdeck (&run, "--database", db, "import-tickets", all_bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "No ticket could be imported: all 3 rows have problems."));
  g_assert_nonnull (strstr (run.err, "Row 3: the date “31/02/2026 10:00” does not exist."));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "import-tickets", zendesk, "--timezone", "Mars/Olympus", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "quarterdeck: “Mars/Olympus” is not a time zone. Use a name like Europe/Madrid.\n");
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "import-tickets", unknown, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not a ticket export Quarterdeck recognises"));
  g_assert_nonnull (strstr (run.err, "“Foo”"));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "import-tickets", "no-such-file.csv", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such-file.csv"));
  run_clear (&run);

  /* Usage errors: exit 2 and say what is wrong. */
  run_quarterdeck (&run, "--database", db, "import-tickets", zendesk, "--bogus", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“import-tickets” has no option “--bogus”"));
  g_assert_nonnull (strstr (run.err, "Usage: quarterdeck [--database FILE] import-tickets FILE.csv"));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "import-tickets", zendesk, "--preset", "helpscout", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "there is no preset “helpscout”"));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "import-tickets", zendesk, "--timezone", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Usage:"));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "import-tickets", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "import-tickets", zendesk, zendesk, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "takes one file"));
  run_clear (&run);

  /* None of it touched the tickets. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tickets"), ==, 5);

  /* The application's own options still are the application's. */
  run_quarterdeck (&run, "--no-such-option", "import-tickets", zendesk, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "no-such-option"));
  run_clear (&run);

  remove_tree (dir);
}

static void
test_import_roster (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "team.db", NULL);
  g_autofree char *zendesk = fixture ("zendesk-tickets.csv");
  g_autofree char *roster = fixture ("roster.csv");
  Run run = { 0 };

  run_quarterdeck (&run, "--database", db, "import-tickets", zendesk, "--timezone", "UTC", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "3 helpdesk agents are not linked"));
  run_clear (&run);

  /* Ben and Ana join the team and their helpdesk accounts find them;
   * "jose munoz" is still nobody. */
  run_quarterdeck (&run, "--database", db, "import-roster", roster, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added 3 team members, updated 0, skipped 1."));
  g_assert_nonnull (strstr (run.out, "  Row 5: the row has no name\n"));
  g_assert_nonnull (strstr (run.out, "  jose munoz\n"));
  g_assert_null (strstr (run.out, "  Ben Okafor\n"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM members"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM helpdesk_agents WHERE member_id IS NULL"), ==, 1);
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "import-roster", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Usage: quarterdeck [--database FILE] import-roster FILE.csv"));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "import-roster", "--team", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "has no option “--team”"));
  run_clear (&run);

  remove_tree (dir);
}

static void
test_demo_tickets (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *again = g_build_filename (dir, "again.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = g_date_time_add_days (now, -365);
  g_autoptr(GDateTime) last = g_date_time_add_days (now, -1);
  g_autofree char *first_day = g_date_time_format (first, "%Y-%m-%d");
  g_autofree char *last_day = g_date_time_format (last, "%Y-%m-%d");
  g_autofree char *range = NULL;
  g_autofree char *tickets = NULL;
  g_autofree char *tickets_again = NULL;
  gint64 n, started;
  double seconds;
  Run run = { 0 };

  started = g_get_monotonic_time ();
  run_quarterdeck (&run, "--database", db, "demo", NULL);
  seconds = (g_get_monotonic_time () - started) / 1e6;
  g_test_message ("demo took %.2f s", seconds);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Loaded the demo team: 40 people in 3 teams.\n"));
  g_assert_nonnull (strstr (run.out, "helpdesk tickets, monthly QA scores, two review cycles, goals and 1:1 notes."));
  /* About 0.7 s in a release build; the bound only catches a demo that
   * went badly wrong, on a busy machine or under the sanitizers too. */
  g_assert_cmpfloat (seconds, <, 15.0);
  run_clear (&run);

  /* A year, up to yesterday, every ticket an agent of the team's. */
  n = query_int (db, "SELECT count(*) FROM tickets");
  g_assert_cmpint (n, >, 30000);
  g_assert_cmpint (n, <, 120000);
  range = query (db, "SELECT min (created_day) || ' ' || max (created_day) FROM tickets");
  {
    g_autofree char *expected = g_strconcat (first_day, " ", last_day, NULL);
    g_assert_cmpstr (range, ==, expected);
  }
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tickets t JOIN helpdesk_agents a ON a.id = t.agent_id "
                                  "JOIN members m ON m.id = a.member_id WHERE m.level = 'agent'"), ==, n);

  /* Mondays are busier than Sundays. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tickets WHERE strftime ('%w', created_day) = '1'"),
                   >, 3 * query_int (db, "SELECT count(*) FROM tickets WHERE strftime ('%w', created_day) = '0'"));
  /* Tier 2 is slower than Tier 1. */
  g_assert_cmpint (query_int (db, "SELECT avg (resolution_minutes) FROM tickets WHERE group_name = 'Tier 2'"),
                   >, 2 * query_int (db, "SELECT avg (resolution_minutes) FROM tickets WHERE group_name = 'Tier 1'"));
  /* CSAT mostly in the 90s, a few reopens. */
  g_assert_cmpint (query_int (db, "SELECT 100 * sum (csat = 'satisfied') / sum (csat <> 'not-rated') FROM tickets"),
                   >=, 90);
  g_assert_cmpint (query_int (db, "SELECT 100 * sum (csat = 'satisfied') / sum (csat <> 'not-rated') FROM tickets"),
                   <=, 97);
  g_assert_cmpint (query_int (db, "SELECT min (value) FROM metric_values WHERE metric = 'csat' "
                                  "AND scope = 'org' AND period = 'week'"), <, 90);
  g_assert_cmpint (query_int (db, "SELECT 1000 * sum (reopens > 0) / count(*) FROM tickets"), >, 10);
  g_assert_cmpint (query_int (db, "SELECT 1000 * sum (reopens > 0) / count(*) FROM tickets"), <, 80);
  /* One clearly better and one clearly worse agent. */
  g_assert_cmpint (query_int (db, "SELECT avg (first_reply_minutes) FROM tickets t JOIN helpdesk_agents a "
                                  "ON a.id = t.agent_id WHERE a.name = 'Ethan Brooks'"),
                   >, 2 * query_int (db, "SELECT avg (first_reply_minutes) FROM tickets t JOIN helpdesk_agents a "
                                         "ON a.id = t.agent_id WHERE a.name = 'Jonas Weber'"));

  /* Monthly QA scores and the roll-ups. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM manual_values WHERE metric = 'qa-score' "
                                  "AND period = 'month'"), >, 200);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM metric_values WHERE metric = 'tickets-solved' "
                                  "AND scope = 'member'"), >, 500);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM metric_values WHERE metric = 'qa-score' "
                                  "AND scope = 'org' AND period = 'month'"), >=, 11);

  /* The same demo every time (on the same day). */
  run_quarterdeck (&run, "--database", again, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  tickets = query (db, "SELECT count(*) || ':' || sum (length (created_at || coalesce (solved_at, '') || "
                       "coalesce (first_reply_minutes, '') || coalesce (resolution_minutes, '') || csat)) "
                       "|| ':' || sum (reopens) FROM tickets");
  tickets_again = query (again, "SELECT count(*) || ':' || sum (length (created_at || coalesce (solved_at, '') || "
                                "coalesce (first_reply_minutes, '') || coalesce (resolution_minutes, '') || csat)) "
                                "|| ':' || sum (reopens) FROM tickets");
  g_assert_cmpstr (tickets, ==, tickets_again);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-import/import-tickets", test_import_tickets);
  g_test_add_func ("/cli-import/failures", test_import_failures);
  g_test_add_func ("/cli-import/import-roster", test_import_roster);
  g_test_add_func ("/cli-import/demo-tickets", test_demo_tickets);

  return g_test_run ();
}
