/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-kpis"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-kpis.h"
#include "qd-roster.h"
#include "qd-store.h"
#include "qd-store-metrics.h"

/* Each test gets a new database in its own temporary folder, the KPI
 * service on it, and a second, plain SQLite connection that puts tickets
 * in as an import would and looks at what the file holds. */

typedef struct
{
  char     *dir;
  char     *path;
  QdStore  *store;
  QdKpis   *kpis;
  sqlite3  *db;
  guint     n_tickets;
  guint     changed;
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
    {
      g_unlink (path);
    }
}

static void
count_changed_cb (QdKpis  *kpis,
                  Fixture *f)
{
  f->changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("qd-test-kpis-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "quarterdeck.db", NULL);
  f->store = qd_store_open (f->path, &error);
  g_assert_no_error (error);
  f->kpis = qd_kpis_new (f->store);
  g_signal_connect (f->kpis, "changed", G_CALLBACK (count_changed_cb), f);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (f->db, 5000);
  g_assert_cmpint (sqlite3_exec (f->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (sqlite3_close (f->db), ==, SQLITE_OK);
  g_assert_finalize_object (f->kpis);
  g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- raw helpers ---- */

static void
raw_exec (Fixture    *f,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (f->db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
raw_int (Fixture    *f,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of a query as text, one per line. */
static char *
raw_dump (Fixture    *f,
          const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, i);
          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", text != NULL ? (const char *) text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_rollups (Fixture *f)
{
  return raw_dump (f, "SELECT metric, scope, scope_id, period, period_start, printf ('%.6f', value), "
                      "sample_size FROM metric_values ORDER BY 1, 2, 3, 4, 5");
}

static gint64
add_member_full (Fixture    *f,
                 const char *name,
                 const char *team,
                 const char *level,
                 const char *status)
{
  sqlite3_stmt *stmt = NULL;
  gint64 team_id = 0;

  if (team != NULL)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (f->db, "INSERT INTO teams (name) VALUES (?1) "
                                           "ON CONFLICT (name) DO UPDATE SET name = name RETURNING id",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, team, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      team_id = sqlite3_column_int64 (stmt, 0);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, "INSERT INTO members (name, level, status, team_id) "
                                       "VALUES (?1, ?2, ?3, ?4)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, level, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_TRANSIENT);
  if (team_id > 0)
    sqlite3_bind_int64 (stmt, 4, team_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (f->db);
}

static gint64
add_member (Fixture    *f,
            const char *name,
            const char *team)
{
  return add_member_full (f, name, team, "agent", "active");
}

static gint64
team_id (Fixture    *f,
         const char *team)
{
  char *sql = sqlite3_mprintf ("SELECT id FROM teams WHERE name = %Q", team);
  gint64 id = raw_int (f, sql);

  sqlite3_free (sql);
  return id;
}

/* A helpdesk agent, linked to @member (0: to nobody). */
static gint64
add_agent (Fixture    *f,
           const char *name,
           gint64      member)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, "INSERT INTO helpdesk_agents (source, name, member_id) "
                                       "VALUES ('zendesk', ?1, ?2)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (member > 0)
    sqlite3_bind_int64 (stmt, 2, member);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (f->db);
}

/* A ticket as an import leaves it; NAN and NULL mean "not in the export". */
static void
add_ticket (Fixture    *f,
            gint64      agent,
            const char *created_day,
            const char *solved_day,
            double      first_reply,
            double      resolution,
            const char *csat,
            int         reopens)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *external = g_strdup_printf ("T%u", ++f->n_tickets);

  g_assert_cmpint (sqlite3_prepare_v2 (f->db,
                                       "INSERT INTO tickets (source, external_id, agent_id, created_at, "
                                       "created_day, solved_at, solved_day, first_reply_minutes, "
                                       "resolution_minutes, csat, reopens, imported_at) "
                                       "VALUES ('zendesk', ?1, ?2, ?3 || 'T10:00:00Z', ?3, "
                                       "?4 || 'T12:00:00Z', ?4, ?5, ?6, ?7, ?8, '2026-12-01T00:00:00Z')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, external, -1, SQLITE_TRANSIENT);
  if (agent > 0)
    sqlite3_bind_int64 (stmt, 2, agent);
  sqlite3_bind_text (stmt, 3, created_day, -1, SQLITE_TRANSIENT);
  if (solved_day != NULL)
    sqlite3_bind_text (stmt, 4, solved_day, -1, SQLITE_TRANSIENT);
  if (!isnan (first_reply))
    sqlite3_bind_double (stmt, 5, first_reply);
  if (!isnan (resolution))
    sqlite3_bind_double (stmt, 6, resolution);
  sqlite3_bind_text (stmt, 7, csat != NULL ? csat : "not-rated", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, reopens);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* A solved ticket with nothing else to it. */
static void
add_solved (Fixture    *f,
            gint64      agent,
            const char *day)
{
  add_ticket (f, agent, day, day, NAN, NAN, NULL, 0);
}

static void
recompute (Fixture    *f,
           const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (qd_store_recompute_rollups (f->store, from, to, NULL, &error));
  g_assert_no_error (error);
}

/* The stored roll-up, NAN when there is no row. */
static double
rollup (Fixture    *f,
        const char *metric,
        const char *scope,
        gint64      scope_id,
        const char *period,
        const char *start,
        gint64     *sample)
{
  sqlite3_stmt *stmt = NULL;
  double value = NAN;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, "SELECT value, sample_size FROM metric_values "
                                       "WHERE metric = ?1 AND scope = ?2 AND scope_id = ?3 "
                                       "AND period = ?4 AND period_start = ?5", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, metric, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, scope, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, scope_id);
  sqlite3_bind_text (stmt, 4, period, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, start, -1, SQLITE_TRANSIENT);
  if (sample != NULL)
    *sample = -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      value = sqlite3_column_double (stmt, 0);
      if (sample != NULL)
        *sample = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  return value;
}

#define assert_rollup(f, metric, scope, id, period, start, expected, expected_sample) \
  G_STMT_START { \
    gint64 sample_; \
    double value_ = rollup ((f), (metric), (scope), (id), (period), (start), &sample_); \
    g_assert_false (isnan (value_)); \
    g_assert_cmpfloat_with_epsilon (value_, (expected), 1e-9); \
    g_assert_cmpint (sample_, ==, (expected_sample)); \
  } G_STMT_END

#define assert_no_rollup(f, metric, scope, id, period, start) \
  g_assert_true (isnan (rollup ((f), (metric), (scope), (id), (period), (start), NULL)))

/* ---- roll-ups ---- */

static void
test_medians (Fixture       *f,
              gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1");
  gint64 luis = add_member (f, "Luis Gil", "Tier 1");
  gint64 a = add_agent (f, "Ana", ana);
  gint64 l = add_agent (f, "Luis", luis);

  /* Ana, week of Monday 2026-03-02: first replies 10, 20, 40, 1000 (even:
   * (20 + 40) / 2 = 30) and one ticket without a first reply. */
  add_ticket (f, a, "2026-03-02", "2026-03-03", 40, 300, NULL, 0);
  add_ticket (f, a, "2026-03-03", "2026-03-04", 10, 100, NULL, 0);
  add_ticket (f, a, "2026-03-05", "2026-03-06", 1000, NAN, NULL, 0);
  add_ticket (f, a, "2026-03-08", NULL, 20, NAN, NULL, 0);
  add_ticket (f, a, "2026-03-04", "2026-03-04", NAN, 200, NULL, 0);
  /* Luis: 7, 5, 100 (odd: 7). */
  add_ticket (f, l, "2026-03-02", "2026-03-02", 7, 60, NULL, 0);
  add_ticket (f, l, "2026-03-03", "2026-03-02", 100, 50, NULL, 0);
  add_ticket (f, l, "2026-03-04", NULL, 5, NAN, NULL, 0);

  recompute (f, NULL, NULL);

  assert_rollup (f, "first-reply", "member", ana, "week", "2026-03-02", 30, 4);
  assert_rollup (f, "first-reply", "member", luis, "week", "2026-03-02", 7, 3);
  /* Resolutions by solved day: Ana 100, 200, 300 → 200; Luis 50, 60 → 55. */
  assert_rollup (f, "resolution", "member", ana, "week", "2026-03-02", 200, 3);
  assert_rollup (f, "resolution", "member", luis, "week", "2026-03-02", 55, 2);
  /* Together: 5, 7, 10, 20, 40, 100, 1000 → 20; 50, 60, 100, 200, 300 → 100. */
  assert_rollup (f, "first-reply", "team", team_id (f, "Tier 1"), "week", "2026-03-02", 20, 7);
  assert_rollup (f, "first-reply", "org", 0, "week", "2026-03-02", 20, 7);
  assert_rollup (f, "resolution", "org", 0, "month", "2026-03-01", 100, 5);
  /* Medians, not means. */
  g_assert_cmpfloat (rollup (f, "first-reply", "member", ana, "month", "2026-03-01", NULL), ==, 30);
}

static void
test_csat (Fixture       *f,
           gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", NULL);
  gint64 a = add_agent (f, "Ana", ana);

  add_ticket (f, a, "2026-03-02", "2026-03-02", NAN, NAN, "satisfied", 0);
  add_ticket (f, a, "2026-03-02", "2026-03-03", NAN, NAN, "satisfied", 0);
  add_ticket (f, a, "2026-03-02", "2026-03-04", NAN, NAN, "satisfied", 0);
  add_ticket (f, a, "2026-03-02", "2026-03-04", NAN, NAN, "neutral", 0);
  add_ticket (f, a, "2026-03-02", "2026-03-05", NAN, NAN, "unsatisfied", 0);
  add_ticket (f, a, "2026-03-02", "2026-03-05", NAN, NAN, "not-rated", 0);
  add_ticket (f, a, "2026-03-02", "2026-03-05", NAN, NAN, "not-rated", 0);
  /* Rated but not solved: not counted. */
  add_ticket (f, a, "2026-03-02", NULL, NAN, NAN, "unsatisfied", 0);
  /* Rated and solved the week after. */
  add_ticket (f, a, "2026-03-06", "2026-03-09", NAN, NAN, "unsatisfied", 0);

  recompute (f, NULL, NULL);

  assert_rollup (f, "csat", "member", ana, "week", "2026-03-02", 60, 5);
  assert_rollup (f, "csat", "member", ana, "week", "2026-03-09", 0, 1);
  assert_rollup (f, "csat", "member", ana, "month", "2026-03-01", 50, 6);
  assert_rollup (f, "csat", "org", 0, "week", "2026-03-02", 60, 5);
  /* No team, no team rows. */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM metric_values WHERE scope = 'team'"), ==, 0);
}

static void
test_reopens_and_solved (Fixture       *f,
                         gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1");
  gint64 a = add_agent (f, "Ana", ana);

  add_ticket (f, a, "2026-03-02", "2026-03-02", NAN, NAN, NULL, 2);
  add_ticket (f, a, "2026-03-02", "2026-03-03", NAN, NAN, NULL, 0);
  add_ticket (f, a, "2026-03-02", "2026-03-03", NAN, NAN, NULL, 0);
  add_ticket (f, a, "2026-03-02", "2026-03-04", NAN, NAN, NULL, 0);
  /* Open tickets are neither solved nor reopened. */
  add_ticket (f, a, "2026-03-02", NULL, NAN, NAN, NULL, 1);
  add_ticket (f, a, "2026-03-03", NULL, NAN, NAN, NULL, 0);

  recompute (f, NULL, NULL);

  assert_rollup (f, "reopen-rate", "member", ana, "week", "2026-03-02", 25, 4);
  assert_rollup (f, "tickets-solved", "member", ana, "week", "2026-03-02", 4, 4);
  assert_rollup (f, "tickets-solved", "team", team_id (f, "Tier 1"), "month", "2026-03-01", 4, 4);
  /* Periods without solved tickets have no row at all. */
  assert_no_rollup (f, "tickets-solved", "member", ana, "week", "2026-03-09");
  assert_no_rollup (f, "reopen-rate", "member", ana, "week", "2026-02-23");
}

static void
test_solved_per_agent_day (Fixture       *f,
                           gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1");
  gint64 bea = add_member (f, "Bea Sol", "Tier 1");
  gint64 a = add_agent (f, "Ana", ana);
  gint64 b1 = add_agent (f, "Bea", bea);
  gint64 b2 = add_agent (f, "Bea (chat)", bea);
  gint64 c = add_agent (f, "Contractor", 0);

  /* Ana: 3 on Monday, 1 on Tuesday → 4 / 2 days = 2. */
  add_solved (f, a, "2026-03-02");
  add_solved (f, a, "2026-03-02");
  add_solved (f, a, "2026-03-02");
  add_solved (f, a, "2026-03-03");
  /* Bea: 3 on Monday through two accounts → 3 / 1 day. */
  add_solved (f, b1, "2026-03-02");
  add_solved (f, b1, "2026-03-02");
  add_solved (f, b2, "2026-03-02");
  /* The contractor (linked to nobody): 1 on Monday → organisation only. */
  add_solved (f, c, "2026-03-02");
  /* Solved without an agent: a solved ticket, but nobody's agent-day. */
  add_solved (f, 0, "2026-03-02");
  /* Created but not solved: no agent-day. */
  add_ticket (f, a, "2026-03-04", NULL, 5, NAN, NULL, 0);

  recompute (f, NULL, NULL);

  assert_rollup (f, "solved-per-agent-day", "member", ana, "week", "2026-03-02", 2.0, 2);
  assert_rollup (f, "solved-per-agent-day", "member", bea, "week", "2026-03-02", 3.0, 1);
  assert_rollup (f, "solved-per-agent-day", "team", team_id (f, "Tier 1"), "week", "2026-03-02", 7.0 / 3, 3);
  assert_rollup (f, "solved-per-agent-day", "org", 0, "week", "2026-03-02", 8.0 / 4, 4);
  assert_rollup (f, "tickets-solved", "org", 0, "week", "2026-03-02", 9, 9);
  assert_rollup (f, "tickets-solved", "member", bea, "week", "2026-03-02", 3, 3);
}

static void
test_scopes (Fixture       *f,
             gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1");
  gint64 luis = add_member (f, "Luis Gil", "Tier 2");
  gint64 nia = add_member (f, "Nia Solo", NULL);
  gint64 a = add_agent (f, "Ana", ana);
  gint64 l = add_agent (f, "Luis", luis);
  gint64 n = add_agent (f, "Nia", nia);
  gint64 x = add_agent (f, "Unknown", 0);
  g_autofree char *members = NULL;

  add_ticket (f, a, "2026-03-02", "2026-03-02", NAN, NAN, "satisfied", 0);
  add_ticket (f, l, "2026-03-02", "2026-03-02", NAN, NAN, "unsatisfied", 0);
  add_ticket (f, n, "2026-03-02", "2026-03-02", NAN, NAN, "satisfied", 0);
  add_ticket (f, x, "2026-03-02", "2026-03-02", NAN, NAN, "unsatisfied", 0);
  add_ticket (f, x, "2026-03-02", "2026-03-02", NAN, NAN, "unsatisfied", 0);

  recompute (f, NULL, NULL);

  assert_rollup (f, "csat", "member", ana, "week", "2026-03-02", 100, 1);
  assert_rollup (f, "csat", "member", luis, "week", "2026-03-02", 0, 1);
  assert_rollup (f, "csat", "member", nia, "week", "2026-03-02", 100, 1);
  assert_rollup (f, "csat", "team", team_id (f, "Tier 1"), "week", "2026-03-02", 100, 1);
  assert_rollup (f, "csat", "team", team_id (f, "Tier 2"), "week", "2026-03-02", 0, 1);
  /* The organisation has everyone's, the unlinked agent's too: 2 of 5. */
  assert_rollup (f, "csat", "org", 0, "week", "2026-03-02", 40, 5);

  /* The unlinked agent's tickets are nobody's: only the three members
   * and the two teams have rows. */
  members = raw_dump (f, "SELECT DISTINCT scope, scope_id FROM metric_values ORDER BY 1, 2");
  {
    g_autofree char *expected = g_strdup_printf ("member|%" G_GINT64_FORMAT "\nmember|%" G_GINT64_FORMAT
                                                 "\nmember|%" G_GINT64_FORMAT "\norg|0\nteam|%" G_GINT64_FORMAT
                                                 "\nteam|%" G_GINT64_FORMAT "\n",
                                                 ana, luis, nia, team_id (f, "Tier 1"), team_id (f, "Tier 2"));
    g_assert_cmpstr (members, ==, expected);
  }
}

static void
test_week_boundary (Fixture       *f,
                    gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", NULL);
  gint64 a = add_agent (f, "Ana", ana);

  /* Sunday 2026-03-08 closes the week of Monday 2026-03-02. */
  add_ticket (f, a, "2026-03-08", "2026-03-08", 10, 60, NULL, 0);
  add_ticket (f, a, "2026-03-08", "2026-03-09", 20, 120, NULL, 0);
  add_ticket (f, a, "2026-03-09", "2026-03-09", 30, 180, NULL, 0);

  recompute (f, NULL, NULL);

  assert_rollup (f, "tickets-solved", "member", ana, "week", "2026-03-02", 1, 1);
  assert_rollup (f, "tickets-solved", "member", ana, "week", "2026-03-09", 2, 2);
  /* The first reply goes with the day the ticket came in. */
  assert_rollup (f, "first-reply", "member", ana, "week", "2026-03-02", 15, 2);
  assert_rollup (f, "first-reply", "member", ana, "week", "2026-03-09", 30, 1);
  assert_rollup (f, "resolution", "member", ana, "week", "2026-03-09", 150, 2);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM metric_values WHERE period = 'week' "
                               "AND period_start NOT IN ('2026-03-02', '2026-03-09')"), ==, 0);
  /* Every week starts on a Monday. */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM metric_values WHERE period = 'week' "
                               "AND strftime ('%w', period_start) <> '1'"), ==, 0);
}

static void
test_month_boundary (Fixture       *f,
                     gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", NULL);
  gint64 a = add_agent (f, "Ana", ana);

  /* Tuesday 31 March and Wednesday 1 April: one week, two months. */
  add_solved (f, a, "2026-03-31");
  add_solved (f, a, "2026-04-01");
  add_solved (f, a, "2026-04-01");
  /* A leap day. */
  add_solved (f, a, "2028-02-29");

  recompute (f, NULL, NULL);

  assert_rollup (f, "tickets-solved", "member", ana, "month", "2026-03-01", 1, 1);
  assert_rollup (f, "tickets-solved", "member", ana, "month", "2026-04-01", 2, 2);
  assert_rollup (f, "tickets-solved", "member", ana, "week", "2026-03-30", 3, 3);
  assert_rollup (f, "tickets-solved", "org", 0, "month", "2028-02-01", 1, 1);
  assert_rollup (f, "tickets-solved", "org", 0, "week", "2028-02-28", 1, 1);
}

static void
test_sub_range (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ana = add_member (f, "Ana Ruiz", NULL);
  gint64 a = add_agent (f, "Ana", ana);

  add_solved (f, a, "2026-01-14");
  add_solved (f, a, "2026-03-04");
  add_solved (f, a, "2026-05-20");
  recompute (f, NULL, NULL);

  /* Behind the roll-ups' back, every period gets one more ticket. */
  add_solved (f, a, "2026-01-15");
  add_solved (f, a, "2026-03-05");
  add_solved (f, a, "2026-05-21");

  /* Wednesday 4 March alone: its week (2–8 March) and its month. */
  recompute (f, "2026-03-04", "2026-03-04");
  assert_rollup (f, "tickets-solved", "member", ana, "week", "2026-03-02", 2, 2);
  assert_rollup (f, "tickets-solved", "member", ana, "month", "2026-03-01", 2, 2);
  assert_rollup (f, "tickets-solved", "org", 0, "week", "2026-03-02", 2, 2);
  /* Left alone, still showing what they had. */
  assert_rollup (f, "tickets-solved", "member", ana, "week", "2026-01-12", 1, 1);
  assert_rollup (f, "tickets-solved", "member", ana, "month", "2026-01-01", 1, 1);
  assert_rollup (f, "tickets-solved", "member", ana, "week", "2026-05-18", 1, 1);
  assert_rollup (f, "tickets-solved", "org", 0, "month", "2026-05-01", 1, 1);

  /* A week that straddles two months rewrites both months. */
  add_solved (f, a, "2026-06-30");
  add_solved (f, a, "2026-07-02");
  recompute (f, "2026-07-01", "2026-07-01");
  assert_rollup (f, "tickets-solved", "member", ana, "week", "2026-06-29", 2, 2);
  assert_rollup (f, "tickets-solved", "member", ana, "month", "2026-07-01", 1, 1);
  assert_no_rollup (f, "tickets-solved", "member", ana, "month", "2026-06-01");

  /* A period that no longer has data loses its row. */
  raw_exec (f, "DELETE FROM tickets WHERE solved_day BETWEEN '2026-05-18' AND '2026-05-24'");
  recompute (f, "2026-05-19", "2026-05-19");
  assert_no_rollup (f, "tickets-solved", "member", ana, "week", "2026-05-18");
  assert_no_rollup (f, "tickets-solved", "org", 0, "month", "2026-05-01");
  assert_rollup (f, "tickets-solved", "member", ana, "month", "2026-01-01", 1, 1);

  /* Open-ended: from a day on. */
  recompute (f, "2026-01-01", NULL);
  assert_rollup (f, "tickets-solved", "member", ana, "month", "2026-01-01", 2, 2);
  assert_rollup (f, "tickets-solved", "member", ana, "month", "2026-06-01", 1, 1);

  /* Dates that are not dates are refused. */
  g_assert_false (qd_store_recompute_rollups (f->store, "2026-02-30", NULL, NULL, &error));
  g_assert_error (error, QD_STORE_ERROR, QD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_assert_false (qd_store_recompute_rollups (f->store, "2026-03-10", "2026-03-01", NULL, &error));
  g_assert_error (error, QD_STORE_ERROR, QD_STORE_ERROR_FAILED);
}

static void
test_transaction (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 ana = add_member (f, "Ana Ruiz", NULL);
  gint64 a = add_agent (f, "Ana", ana);

  add_solved (f, a, "2026-03-04");

  /* Inside the caller's transaction, rolled back: nothing remains. */
  g_assert_true (qd_store_begin (f->store, &error));
  recompute (f, NULL, NULL);
  /* Not committed by the recompute either. */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM metric_values"), ==, 0);
  qd_store_rollback (f->store);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM metric_values"), ==, 0);

  /* Committed by the caller: there. */
  g_assert_true (qd_store_begin (f->store, &error));
  recompute (f, "2026-03-01", "2026-03-31");
  g_assert_true (qd_store_commit (f->store, &error));
  g_assert_no_error (error);
  assert_rollup (f, "tickets-solved", "org", 0, "week", "2026-03-02", 1, 1);
  before = dump_rollups (f);
  g_assert_cmpstr (before, !=, "");

  /* On its own, cancelled: no change, and no transaction left open. */
  add_solved (f, a, "2026-03-05");
  g_cancellable_cancel (cancellable);
  g_assert_false (qd_store_recompute_rollups (f->store, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = dump_rollups (f);
  g_assert_cmpstr (after, ==, before);

  /* Failing half-way inside the caller's transaction undoes its own part
   * (the rows it had deleted are back) and leaves the caller's. */
  raw_exec (f, "CREATE TRIGGER fail_rollups BEFORE INSERT ON metric_values "
               "WHEN NEW.metric = 'tickets-solved' BEGIN SELECT RAISE (ABORT, 'refused'); END");
  g_assert_true (qd_store_begin (f->store, &error));
  g_assert_true (qd_store_set_setting (f->store, "org-name", "Acme", &error));
  g_assert_false (qd_store_recompute_rollups (f->store, NULL, NULL, NULL, &error));
  g_assert_error (error, QD_STORE_ERROR, QD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (qd_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM settings WHERE key = 'org-name'"), ==, 1);
  g_clear_pointer (&after, g_free);
  after = dump_rollups (f);
  g_assert_cmpstr (after, ==, before);

  /* The same on its own. */
  g_assert_false (qd_store_recompute_rollups (f->store, "2026-03-01", "2026-03-31", NULL, &error));
  g_assert_error (error, QD_STORE_ERROR, QD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = dump_rollups (f);
  g_assert_cmpstr (after, ==, before);
  raw_exec (f, "DROP TRIGGER fail_rollups");

  /* And the store is usable afterwards. */
  recompute (f, NULL, NULL);
  assert_rollup (f, "tickets-solved", "org", 0, "week", "2026-03-02", 2, 2);
}

/* Random tickets against a plain, slow computation of every roll-up. */

typedef struct
{
  GHashTable *values;    /* "metric|scope|id|period|start" → GArray of double */
  GHashTable *counts;    /* same key → int[6]: rated, satisfied, solved, reopened, agent_solved, agent_days */
} Expected;

static void
expected_add_value (GHashTable *table,
                    const char *key,
                    double      value)
{
  GArray *values = g_hash_table_lookup (table, key);

  if (values == NULL)
    {
      values = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (table, g_strdup (key), values);
    }
  g_array_append_val (values, value);
}

static int *
expected_counts (GHashTable *table,
                 const char *key)
{
  int *counts = g_hash_table_lookup (table, key);

  if (counts == NULL)
    {
      counts = g_new0 (int, 6);
      g_hash_table_insert (table, g_strdup (key), counts);
    }
  return counts;
}

static void
week_and_month (const char *day,
                char        week[11],
                char        month[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, atoi (day + 8), atoi (day + 5), atoi (day));
  g_snprintf (month, 11, "%.8s01", day);
  g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
  g_snprintf (week, 11, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
test_random (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261116);
  g_autoptr(GHashTable) medians = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) agent_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char *csats[] = { "satisfied", "neutral", "unsatisfied", "not-rated" };
  gint64 agents[8], members[8], teams[8];
  GHashTableIter iter;
  gpointer key, value;
  guint n_rows = 0;
  guint n_checked = 0;

  /* Six members in two teams and one without; two accounts for the first
   * member; one agent linked to nobody. */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", i);
      members[i] = add_member (f, name, i < 5 ? (i % 2 == 0 ? "Even" : "Odd") : NULL);
      teams[i] = i < 5 ? team_id (f, i % 2 == 0 ? "Even" : "Odd") : 0;
      agents[i] = add_agent (f, name, members[i]);
    }
  members[6] = members[0];
  teams[6] = teams[0];
  agents[6] = add_agent (f, "Member 0 (chat)", members[0]);
  members[7] = 0;
  teams[7] = 0;
  agents[7] = add_agent (f, "Nobody's", 0);

  raw_exec (f, "BEGIN");
  for (guint t = 0; t < 3000; t++)
    {
      guint who = (guint) g_rand_int_range (rand, 0, 9);   /* 8: no agent */
      gint64 agent = who < 8 ? agents[who] : 0;
      gint64 member = who < 8 ? members[who] : 0;
      gint64 team = who < 8 ? teams[who] : 0;
      GDate created;
      char created_day[11], solved_day[11];
      gboolean solved = g_rand_int_range (rand, 0, 10) < 8;
      double first_reply = g_rand_int_range (rand, 0, 5) == 0 ? NAN : g_rand_int_range (rand, 0, 500);
      double resolution = g_rand_int_range (rand, 0, 5) == 0 ? NAN : g_rand_int_range (rand, 0, 5000) / 4.0;
      const char *csat = csats[g_rand_int_range (rand, 0, 4)];
      int reopens = g_rand_int_range (rand, 0, 6) == 0 ? g_rand_int_range (rand, 1, 3) : 0;
      const char *scopes[3] = { "org", "team", "member" };
      gint64 ids[3] = { 0, team, member };

      g_date_clear (&created, 1);
      g_date_set_dmy (&created, 1, 1, 2026);
      g_date_add_days (&created, g_rand_int_range (rand, 0, 120));
      g_snprintf (created_day, sizeof created_day, "%04d-%02d-%02d", g_date_get_year (&created),
                  g_date_get_month (&created), g_date_get_day (&created));
      g_date_add_days (&created, g_rand_int_range (rand, 0, 10));
      g_snprintf (solved_day, sizeof solved_day, "%04d-%02d-%02d", g_date_get_year (&created),
                  g_date_get_month (&created), g_date_get_day (&created));
      if (!solved)
        resolution = NAN;

      add_ticket (f, agent, created_day, solved ? solved_day : NULL, first_reply, resolution, csat, reopens);

      for (guint s = 0; s < 3; s++)
        {
          char week[11], month[11];
          const char *periods[2] = { "week", "month" };
          const char *starts[2] = { week, month };

          if (s > 0 && ids[s] == 0)
            continue;

          for (guint p = 0; p < 2; p++)
            {
              if (!isnan (first_reply))
                {
                  g_autofree char *k = NULL;

                  week_and_month (created_day, week, month);
                  k = g_strdup_printf ("first-reply|%s|%" G_GINT64_FORMAT "|%s|%s", scopes[s], ids[s],
                                       periods[p], starts[p]);
                  expected_add_value (medians, k, first_reply);
                }
              if (solved)
                {
                  g_autofree char *k = NULL;
                  g_autofree char *day_key = NULL;
                  int *c;

                  week_and_month (solved_day, week, month);
                  k = g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%s|%s", scopes[s], ids[s], periods[p], starts[p]);
                  c = expected_counts (counts, k);
                  c[0] += strcmp (csat, "not-rated") != 0;
                  c[1] += strcmp (csat, "satisfied") == 0;
                  c[2]++;
                  c[3] += reopens > 0;
                  if (agent > 0)
                    {
                      /* One person per member, however many accounts. */
                      day_key = g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT, k, solved_day,
                                                 member > 0 ? member : -agent);
                      c[4]++;
                      if (g_hash_table_add (agent_days, g_steal_pointer (&day_key)))
                        c[5]++;
                    }
                  if (!isnan (resolution))
                    {
                      g_autofree char *rk = g_strconcat ("resolution|", k, NULL);
                      expected_add_value (medians, rk, resolution);
                    }
                }
            }
        }
    }
  raw_exec (f, "COMMIT");

  recompute (f, NULL, NULL);

  g_hash_table_iter_init (&iter, medians);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *values = value;
      g_auto(GStrv) parts = g_strsplit (key, "|", -1);
      double *v = (double *) (void *) values->data;
      guint n = values->len;
      double median;

      g_array_sort (values, compare_doubles);
      median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
      assert_rollup (f, parts[0], parts[1], g_ascii_strtoll (parts[2], NULL, 10), parts[3], parts[4],
                     median, (gint64) n);
      n_checked++;
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int *c = value;
      g_auto(GStrv) parts = g_strsplit (key, "|", -1);
      gint64 id = g_ascii_strtoll (parts[1], NULL, 10);

      if (c[0] > 0)
        assert_rollup (f, "csat", parts[0], id, parts[2], parts[3], 100.0 * c[1] / c[0], c[0]);
      else
        assert_no_rollup (f, "csat", parts[0], id, parts[2], parts[3]);
      assert_rollup (f, "tickets-solved", parts[0], id, parts[2], parts[3], c[2], c[2]);
      assert_rollup (f, "reopen-rate", parts[0], id, parts[2], parts[3], 100.0 * c[3] / c[2], c[2]);
      if (c[5] > 0)
        assert_rollup (f, "solved-per-agent-day", parts[0], id, parts[2], parts[3],
                       (double) c[4] / c[5], c[5]);
      n_checked++;
    }

  /* Nothing more than expected either. */
  n_rows = (guint) raw_int (f, "SELECT count(*) FROM metric_values");
  {
    guint expected_rows = g_hash_table_size (medians);

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        int *c = value;
        expected_rows += 2 + (c[0] > 0) + (c[5] > 0);
      }
    g_assert_cmpuint (n_rows, ==, expected_rows);
  }
  g_test_message ("%u roll-ups checked, %u rows", n_checked, n_rows);
  g_assert_cmpuint (n_checked, >, 500);

  /* A short range in a long history (read through the day indexes rather
   * than a scan of every ticket) rewrites its periods the same way. */
  {
    g_autofree char *all = dump_rollups (f);
    g_autofree char *again = NULL;

    add_ticket (f, agents[7], "2019-06-05", "2019-06-05", 5, 5, "satisfied", 0);
    add_ticket (f, agents[7], "2033-06-06", "2033-06-06", 5, 5, "satisfied", 0);
    raw_exec (f, "DELETE FROM metric_values WHERE (period = 'week' AND period_start IN ('2026-02-09', '2026-02-16')) "
                 "OR (period = 'month' AND period_start = '2026-02-01')");
    g_assert_cmpuint (raw_int (f, "SELECT count(*) FROM metric_values"), <, n_rows);
    recompute (f, "2026-02-10", "2026-02-20");
    again = dump_rollups (f);
    g_assert_cmpstr (again, ==, all);
  }
}

/* ---- series and tiles ---- */

static void
test_series (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) series = NULL;
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1");
  gint64 luis = add_member (f, "Luis Gil", "Tier 1");
  gint64 a = add_agent (f, "Ana", ana);
  gint64 l = add_agent (f, "Luis", luis);
  gint64 ids[2] = { ana, luis };
  gint64 org = 0;
  gint64 tier1;
  QdKpiSeries *s;

  add_ticket (f, a, "2026-03-03", "2026-03-03", NAN, NAN, "satisfied", 0);
  add_ticket (f, a, "2026-03-17", "2026-03-17", NAN, NAN, "unsatisfied", 0);
  add_ticket (f, l, "2026-03-10", "2026-03-10", NAN, NAN, "satisfied", 0);
  recompute (f, NULL, NULL);

  /* Thursday 5 March to Monday 23 March touches four weeks. */
  series = qd_kpis_get_series (f->kpis, "csat", QD_SCOPE_MEMBER, ids, 2, QD_PERIOD_WEEK,
                               "2026-03-05", "2026-03-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 2);

  s = g_ptr_array_index (series, 0);
  g_assert_cmpstr (s->label, ==, "Ana Ruiz");
  g_assert_cmpint (s->scope, ==, QD_SCOPE_MEMBER);
  g_assert_cmpint (s->scope_id, ==, ana);
  g_assert_cmpuint (s->n_points, ==, 4);
  g_assert_cmpfloat (s->values[0], ==, 100);
  g_assert_cmpuint (s->sample_sizes[0], ==, 1);
  g_assert_true (isnan (s->values[1]));
  g_assert_cmpuint (s->sample_sizes[1], ==, 0);
  g_assert_cmpfloat (s->values[2], ==, 0);
  g_assert_true (isnan (s->values[3]));
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GDateTime) expected = g_date_time_new_local (2026, 3, 2 + 7 * (int) i, 0, 0, 0);
      g_assert_cmpint (s->period_starts[i], ==, g_date_time_to_unix (expected));
    }

  s = g_ptr_array_index (series, 1);
  g_assert_cmpstr (s->label, ==, "Luis Gil");
  g_assert_cmpuint (s->n_points, ==, 4);
  g_assert_true (isnan (s->values[0]));
  g_assert_cmpfloat (s->values[1], ==, 100);
  g_assert_true (isnan (s->values[2]));
  g_clear_pointer (&series, g_ptr_array_unref);

  /* Months, for the organisation and a team. */
  series = qd_kpis_get_series (f->kpis, "tickets-solved", QD_SCOPE_ORG, &org, 1, QD_PERIOD_MONTH,
                               "2026-01-31", "2026-04-01", &error);
  g_assert_no_error (error);
  s = g_ptr_array_index (series, 0);
  g_assert_cmpstr (s->label, ==, "Organisation");
  g_assert_cmpuint (s->n_points, ==, 4);
  g_assert_true (isnan (s->values[0]) && isnan (s->values[1]) && isnan (s->values[3]));
  g_assert_cmpfloat (s->values[2], ==, 3);
  {
    g_autoptr(GDateTime) feb = g_date_time_new_local (2026, 2, 1, 0, 0, 0);
    g_assert_cmpint (s->period_starts[1], ==, g_date_time_to_unix (feb));
  }
  g_clear_pointer (&series, g_ptr_array_unref);

  tier1 = team_id (f, "Tier 1");
  series = qd_kpis_get_series (f->kpis, "tickets-solved", QD_SCOPE_TEAM, &tier1, 1, QD_PERIOD_WEEK,
                               "2026-03-02", "2026-03-02", &error);
  g_assert_no_error (error);
  s = g_ptr_array_index (series, 0);
  g_assert_cmpstr (s->label, ==, "Tier 1");
  g_assert_cmpuint (s->n_points, ==, 1);
  g_assert_cmpfloat (s->values[0], ==, 1);
  g_clear_pointer (&series, g_ptr_array_unref);

  /* Refusals. */
  series = qd_kpis_get_series (f->kpis, "nps", QD_SCOPE_ORG, &org, 1, QD_PERIOD_WEEK,
                               "2026-03-02", "2026-03-02", &error);
  g_assert_null (series);
  g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  series = qd_kpis_get_series (f->kpis, "csat", QD_SCOPE_ORG, &org, 1, QD_PERIOD_WEEK,
                               "2026-03-09", "2026-03-02", &error);
  g_assert_null (series);
  g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
  g_clear_error (&error);
  series = qd_kpis_get_series (f->kpis, "csat", QD_SCOPE_ORG, &org, 1, QD_PERIOD_WEEK,
                               "2026-3-2", "2026-03-09", &error);
  g_assert_null (series);
  g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
  g_clear_error (&error);
  {
    gint64 nobody = 9999;
    series = qd_kpis_get_series (f->kpis, "csat", QD_SCOPE_MEMBER, &nobody, 1, QD_PERIOD_WEEK,
                                 "2026-03-02", "2026-03-09", &error);
    g_assert_null (series);
    g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND);
  }
}

static void
test_tiles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tiles = NULL;
  gint64 ana = add_member (f, "Ana Ruiz", NULL);
  gint64 a = add_agent (f, "Ana", ana);
  QdKpiTile *tile = NULL;

  /* Solved: 1 in the week of 2 March, 2 in the week of 9 March, 4 in the
   * running week of 16 March; 5 in January, 2 in February 2026. */
  add_solved (f, a, "2026-03-02");
  add_solved (f, a, "2026-03-09");
  add_solved (f, a, "2026-03-15");
  for (guint i = 0; i < 4; i++)
    add_solved (f, a, "2026-03-17");
  for (guint i = 0; i < 5; i++)
    add_solved (f, a, "2026-01-20");
  for (guint i = 0; i < 2; i++)
    add_solved (f, a, "2026-02-10");
  recompute (f, NULL, NULL);

  /* On Wednesday 18 March the last complete week is the one of 9 March. */
  tiles = qd_kpis_get_tiles (f->kpis, QD_PERIOD_WEEK, "2026-03-18", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tiles->len, ==, 7);
  for (guint i = 0; i < tiles->len; i++)
    {
      tile = g_ptr_array_index (tiles, i);
      if (g_strcmp0 (tile->metric->key, "tickets-solved") == 0)
        break;
    }
  g_assert_cmpstr (tile->metric->key, ==, "tickets-solved");
  g_assert_cmpstr (tile->period_label, ==, "Week of 9 Mar 2026");
  g_assert_cmpfloat (tile->value, ==, 2);
  g_assert_cmpfloat (tile->previous, ==, 1);
  g_assert_cmpuint (tile->recent->n_points, ==, 13);
  g_assert_cmpstr (tile->recent->label, ==, "Organisation");
  {
    g_autoptr(GDateTime) last = g_date_time_new_local (2026, 3, 9, 0, 0, 0);
    g_autoptr(GDateTime) first = g_date_time_new_local (2025, 12, 15, 0, 0, 0);
    g_assert_cmpint (tile->recent->period_starts[12], ==, g_date_time_to_unix (last));
    g_assert_cmpint (tile->recent->period_starts[0], ==, g_date_time_to_unix (first));
  }
  g_assert_cmpfloat (tile->recent->values[12], ==, 2);
  g_assert_true (isnan (tile->recent->values[0]));
  g_clear_pointer (&tiles, g_ptr_array_unref);

  /* On Monday 16 March the week of 9 March has just ended. */
  tiles = qd_kpis_get_tiles (f->kpis, QD_PERIOD_WEEK, "2026-03-16", &error);
  g_assert_no_error (error);
  tile = g_ptr_array_index (tiles, 4);
  g_assert_cmpstr (tile->metric->key, ==, "tickets-solved");
  g_assert_cmpfloat (tile->value, ==, 2);
  g_clear_pointer (&tiles, g_ptr_array_unref);

  /* On Sunday 15 March it has not. */
  tiles = qd_kpis_get_tiles (f->kpis, QD_PERIOD_WEEK, "2026-03-15", &error);
  g_assert_no_error (error);
  tile = g_ptr_array_index (tiles, 4);
  g_assert_cmpfloat (tile->value, ==, 1);
  g_assert_true (isnan (tile->previous));
  g_clear_pointer (&tiles, g_ptr_array_unref);

  /* Months: in March, February is the last complete one. */
  tiles = qd_kpis_get_tiles (f->kpis, QD_PERIOD_MONTH, "2026-03-18", &error);
  g_assert_no_error (error);
  tile = g_ptr_array_index (tiles, 4);
  g_assert_cmpstr (tile->period_label, ==, "February 2026");
  g_assert_cmpfloat (tile->value, ==, 2);
  g_assert_cmpfloat (tile->previous, ==, 5);
  g_assert_cmpuint (tile->recent->n_points, ==, 13);
  /* A metric without data: NAN, not zero. */
  tile = g_ptr_array_index (tiles, 0);
  g_assert_cmpstr (tile->metric->key, ==, "csat");
  g_assert_true (isnan (tile->value));
  g_assert_true (isnan (tile->previous));
  g_clear_pointer (&tiles, g_ptr_array_unref);

  /* Over a year end. */
  tiles = qd_kpis_get_tiles (f->kpis, QD_PERIOD_MONTH, "2026-01-05", &error);
  g_assert_no_error (error);
  tile = g_ptr_array_index (tiles, 4);
  g_assert_cmpstr (tile->period_label, ==, "December 2025");
  g_clear_pointer (&tiles, g_ptr_array_unref);

  /* Without a date, today: still 7 tiles of 13 points. */
  tiles = qd_kpis_get_tiles (f->kpis, QD_PERIOD_WEEK, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tiles->len, ==, 7);
  tile = g_ptr_array_index (tiles, 6);
  g_assert_cmpuint (tile->recent->n_points, ==, 13);
}

/* ---- tiers ---- */

static QdTierEntry *
tier_entry (GPtrArray *tiers,
            guint      index)
{
  return g_ptr_array_index (tiers, index);
}

static void
test_tiers (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tiers = NULL;
  gint64 agents[10];

  /* Ten active agents, person i with i + 1 satisfied of 10 rated. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Agent %02u", i);
      gint64 member = add_member (f, name, "Tier 1");

      agents[i] = add_agent (f, name, member);
      for (guint t = 0; t < 10; t++)
        add_ticket (f, agents[i], "2026-03-02", "2026-03-03", 10.0 * (i + 1) + t, NAN,
                    t <= i ? "satisfied" : "unsatisfied", 0);
    }
  /* Not ranked: a team lead, someone on leave, someone who left, an
   * agent linked to nobody. */
  {
    gint64 lead = add_member_full (f, "Lea Lead", "Tier 1", "team-lead", "active");
    gint64 away = add_member_full (f, "Otto Away", "Tier 1", "agent", "on-leave");
    gint64 gone = add_member_full (f, "Gina Gone", "Tier 1", "agent", "left");
    gint64 ids[4] = { add_agent (f, "Lea", lead), add_agent (f, "Otto", away),
                      add_agent (f, "Gina", gone), add_agent (f, "Nobody", 0) };

    for (guint i = 0; i < 4; i++)
      add_ticket (f, ids[i], "2026-03-02", "2026-03-03", 1, NAN, "satisfied", 0);
  }
  /* Outside the range: not counted. */
  add_ticket (f, agents[0], "2026-02-01", "2026-02-02", 1, NAN, "satisfied", 0);

  tiers = qd_kpis_get_tiers (f->kpis, "csat", "2026-03-01", "2026-03-31", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tiers->len, ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      QdTierEntry *entry = tier_entry (tiers, i);
      g_autofree char *name = g_strdup_printf ("Agent %02u", 9 - i);

      g_assert_cmpstr (entry->name, ==, name);
      g_assert_cmpstr (entry->team, ==, "Tier 1");
      g_assert_cmpfloat_with_epsilon (entry->value, 10.0 * (10 - i), 1e-9);
      g_assert_cmpuint (entry->sample_size, ==, 10);
      g_assert_cmpint (entry->tier, ==, i < 2 ? QD_TIER_TOP : i < 8 ? QD_TIER_MIDDLE : QD_TIER_BOTTOM);
    }
  g_clear_pointer (&tiers, g_ptr_array_unref);

  /* Lower is better for reply times: the fastest first. Agent 0's first
   * replies are 10–19 (median 14.5). */
  tiers = qd_kpis_get_tiers (f->kpis, "first-reply", "2026-03-01", "2026-03-31", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tiers->len, ==, 10);
  g_assert_cmpstr (tier_entry (tiers, 0)->name, ==, "Agent 00");
  g_assert_cmpfloat (tier_entry (tiers, 0)->value, ==, 14.5);
  g_assert_cmpint (tier_entry (tiers, 0)->tier, ==, QD_TIER_TOP);
  g_assert_cmpstr (tier_entry (tiers, 9)->name, ==, "Agent 09");
  g_assert_cmpint (tier_entry (tiers, 9)->tier, ==, QD_TIER_BOTTOM);
  g_clear_pointer (&tiers, g_ptr_array_unref);

  /* Nobody has 11 rated tickets in March. */
  tiers = qd_kpis_get_tiers (f->kpis, "csat", "2026-03-01", "2026-03-31", 11, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tiers->len, ==, 0);
  g_clear_pointer (&tiers, g_ptr_array_unref);

  /* Over everything, Agent 00 has 11 rated: alone, in the middle. */
  tiers = qd_kpis_get_tiers (f->kpis, "csat", NULL, NULL, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tiers->len, ==, 1);
  g_assert_cmpstr (tier_entry (tiers, 0)->name, ==, "Agent 00");
  g_assert_cmpint (tier_entry (tiers, 0)->tier, ==, QD_TIER_MIDDLE);
  g_clear_pointer (&tiers, g_ptr_array_unref);

  g_assert_null (qd_kpis_get_tiers (f->kpis, "nps", NULL, NULL, 0, &error));
  g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (qd_kpis_get_tiers (f->kpis, "csat", "2026-04-01", "2026-03-01", 0, &error));
  g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
}

static void
test_tier_sizes (Fixture       *f,
                 gconstpointer  data)
{
  /* n people → top, bottom: a fifth rounded, one each from three on. */
  static const guint sizes[][2] = {
    { 1, 0 }, { 2, 0 }, { 3, 1 }, { 4, 1 }, { 5, 1 }, { 7, 1 }, { 8, 2 }, { 12, 2 }, { 13, 3 },
  };
  guint made = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) tiers = NULL;
      guint counts[3] = { 0, 0, 0 };

      while (made < sizes[s][0])
        {
          g_autofree char *name = g_strdup_printf ("Agent %02u", made);
          gint64 agent = add_agent (f, name, add_member (f, name, NULL));

          add_solved (f, agent, "2026-03-02");
          for (guint t = 0; t < made; t++)
            add_solved (f, agent, "2026-03-03");
          made++;
        }

      tiers = qd_kpis_get_tiers (f->kpis, "tickets-solved", "2026-03-01", "2026-03-31", 1, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tiers->len, ==, sizes[s][0]);
      for (guint i = 0; i < tiers->len; i++)
        counts[tier_entry (tiers, i)->tier]++;
      g_assert_cmpuint (counts[QD_TIER_TOP], ==, sizes[s][1]);
      g_assert_cmpuint (counts[QD_TIER_BOTTOM], ==, sizes[s][1]);
      g_assert_cmpuint (counts[QD_TIER_MIDDLE], ==, sizes[s][0] - 2 * sizes[s][1]);
      /* Most solved first. */
      g_assert_cmpfloat (tier_entry (tiers, 0)->value, ==, sizes[s][0]);
    }
}

static void
test_tiers_direct (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tiers = NULL;
  gint64 ana = add_agent (f, "Ana", add_member (f, "Ana Ruiz", NULL));
  gint64 bea = add_agent (f, "Bea", add_member (f, "Bea Sol", NULL));
  gint64 cai = add_agent (f, "Cai", add_member (f, "Cai Lee", NULL));

  /* Ana: 1 of 1 in one week, 5 of 10 the next: 6 of 11 = 54.5 %, where
   * averaging her two weeks would say 75 %. */
  add_ticket (f, ana, "2026-03-02", "2026-03-02", NAN, NAN, "satisfied", 0);
  for (guint i = 0; i < 10; i++)
    add_ticket (f, ana, "2026-03-09", "2026-03-09", NAN, NAN, i < 5 ? "satisfied" : "neutral", 0);
  /* Long ago, nobody's: only there to make the range short in a long
   * history, read through the day indexes. */
  add_ticket (f, 0, "2019-01-07", "2019-01-07", 5, 5, "satisfied", 0);
  /* Bea 60 %, Cai 70 %. */
  for (guint i = 0; i < 10; i++)
    {
      add_ticket (f, bea, "2026-03-09", "2026-03-09", NAN, NAN, i < 6 ? "satisfied" : "neutral", 0);
      add_ticket (f, cai, "2026-03-09", "2026-03-09", NAN, NAN, i < 7 ? "satisfied" : "neutral", 0);
    }
  recompute (f, NULL, NULL);

  tiers = qd_kpis_get_tiers (f->kpis, "csat", "2026-03-01", "2026-03-15", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tiers->len, ==, 3);
  g_assert_cmpstr (tier_entry (tiers, 0)->name, ==, "Cai Lee");
  g_assert_cmpint (tier_entry (tiers, 0)->tier, ==, QD_TIER_TOP);
  g_assert_cmpstr (tier_entry (tiers, 1)->name, ==, "Bea Sol");
  g_assert_cmpint (tier_entry (tiers, 1)->tier, ==, QD_TIER_MIDDLE);
  g_assert_cmpstr (tier_entry (tiers, 2)->name, ==, "Ana Ruiz");
  g_assert_cmpint (tier_entry (tiers, 2)->tier, ==, QD_TIER_BOTTOM);
  g_assert_cmpfloat_with_epsilon (tier_entry (tiers, 2)->value, 600.0 / 11, 1e-9);
  g_assert_cmpuint (tier_entry (tiers, 2)->sample_size, ==, 11);
  g_clear_pointer (&tiers, g_ptr_array_unref);

  /* The range is days, not weeks: from Tuesday 3 March, Ana's Monday
   * ticket is out. */
  tiers = qd_kpis_get_tiers (f->kpis, "csat", "2026-03-03", "2026-03-15", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tier_entry (tiers, 2)->name, ==, "Ana Ruiz");
  g_assert_cmpfloat_with_epsilon (tier_entry (tiers, 2)->value, 50, 1e-9);
}

/* ---- targets and metrics ---- */

static void
test_metrics (Fixture       *f,
              gconstpointer  data)
{
  static const struct
  {
    const char   *key;
    const char   *name;
    QdMetricUnit  unit;
    gboolean      higher;
    double        target;   /* NAN: none */
    gboolean      manual;
  } expected[] = {
    { "csat", "CSAT", QD_METRIC_UNIT_PERCENT, TRUE, 95, FALSE },
    { "first-reply", "Median first reply time", QD_METRIC_UNIT_MINUTES, FALSE, 60, FALSE },
    { "resolution", "Median full resolution time", QD_METRIC_UNIT_MINUTES, FALSE, 1440, FALSE },
    { "reopen-rate", "Reopen rate", QD_METRIC_UNIT_PERCENT, FALSE, 5, FALSE },
    { "tickets-solved", "Tickets solved", QD_METRIC_UNIT_COUNT, TRUE, NAN, FALSE },
    { "solved-per-agent-day", "Tickets solved per agent-day", QD_METRIC_UNIT_NUMBER, TRUE, NAN, FALSE },
    { "qa-score", "QA score", QD_METRIC_UNIT_PERCENT, TRUE, 90, TRUE },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) metrics = NULL;
  g_autoptr(QdMetricInfo) info = NULL;

  metrics = qd_kpis_list_metrics (f->kpis, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (metrics->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < metrics->len; i++)
    {
      QdMetricInfo *m = g_ptr_array_index (metrics, i);

      g_assert_cmpstr (m->key, ==, expected[i].key);
      g_assert_cmpstr (m->name, ==, expected[i].name);
      g_assert_cmpint (m->unit, ==, expected[i].unit);
      g_assert_cmpint (m->higher_is_better, ==, expected[i].higher);
      g_assert_cmpint (m->manual, ==, expected[i].manual);
      g_assert_cmpint (m->has_target, ==, !isnan (expected[i].target));
      if (m->has_target)
        g_assert_cmpfloat (m->target, ==, expected[i].target);
    }

  /* A name the user changed is shown as they wrote it. */
  raw_exec (f, "UPDATE metrics SET name = 'Happy customers' WHERE key = 'csat'");
  info = qd_kpis_get_metric (f->kpis, "csat", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->name, ==, "Happy customers");

  g_assert_null (qd_kpis_get_metric (f->kpis, "nps", &error));
  g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND);
}

static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  static const struct
  {
    const char *key;
    double      target;
  } refused[] = {
    { "csat", 100.5 }, { "csat", -1 }, { "qa-score", 101 }, { "reopen-rate", -0.1 },
    { "first-reply", -5 }, { "first-reply", 365 * 24 * 60 + 1 }, { "resolution", 1e9 },
    { "tickets-solved", -1 }, { "solved-per-agent-day", -0.5 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(QdMetricInfo) info = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (qd_kpis_set_target (f->kpis, "csat", TRUE, 92.5, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT target * 10 FROM metrics WHERE key = 'csat'"), ==, 925);
  info = qd_kpis_get_metric (f->kpis, "csat", &error);
  g_assert_true (info->has_target);
  g_assert_cmpfloat (info->target, ==, 92.5);
  g_clear_pointer (&info, qd_metric_info_free);

  /* The limits themselves are fine. */
  g_assert_true (qd_kpis_set_target (f->kpis, "reopen-rate", TRUE, 0, &error));
  g_assert_true (qd_kpis_set_target (f->kpis, "qa-score", TRUE, 100, &error));
  g_assert_true (qd_kpis_set_target (f->kpis, "first-reply", TRUE, 365 * 24 * 60, &error));
  g_assert_true (qd_kpis_set_target (f->kpis, "tickets-solved", TRUE, 1200, &error));
  g_assert_no_error (error);

  /* No target. */
  g_assert_true (qd_kpis_set_target (f->kpis, "resolution", FALSE, 0, &error));
  g_assert_cmpint (raw_int (f, "SELECT target IS NULL FROM metrics WHERE key = 'resolution'"), ==, 1);
  info = qd_kpis_get_metric (f->kpis, "resolution", &error);
  g_assert_false (info->has_target);
  g_assert_cmpuint (f->changed, ==, 6);

  before = raw_dump (f, "SELECT * FROM metrics ORDER BY key");
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (qd_kpis_set_target (f->kpis, refused[i].key, TRUE, refused[i].target, &error));
      g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
      g_test_message ("%s %g: %s", refused[i].key, refused[i].target, error->message);
      g_clear_error (&error);
    }
  g_assert_false (qd_kpis_set_target (f->kpis, "csat", TRUE, NAN, &error));
  g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (qd_kpis_set_target (f->kpis, "first-reply", TRUE, INFINITY, &error));
  g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (qd_kpis_set_target (f->kpis, "nps", TRUE, 50, &error));
  g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = raw_dump (f, "SELECT * FROM metrics ORDER BY key");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (f->changed, ==, 6);

  /* It is kept in the file. */
  g_clear_object (&f->kpis);
  g_clear_object (&f->store);
  f->store = qd_store_open (f->path, &error);
  g_assert_no_error (error);
  f->kpis = qd_kpis_new (f->store);
  g_clear_pointer (&info, qd_metric_info_free);
  info = qd_kpis_get_metric (f->kpis, "csat", &error);
  g_assert_cmpfloat (info->target, ==, 92.5);
}

/* ---- values typed in ---- */

static void
test_manual_values (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1");
  gint64 bea = add_member (f, "Bea Sol", "Tier 1");
  gint64 cai = add_member (f, "Cai Lee", "Tier 2");
  gint64 tier1 = team_id (f, "Tier 1");
  double value;

  /* Weekly QA scores for March 2026 (Mondays 2, 9, 16, 23, 30). */
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-02", 80, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-09", 90, &error));
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", bea, QD_PERIOD_WEEK, "2026-03-02", 70, &error));
  /* The week of 30 March starts in March. */
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", bea, QD_PERIOD_WEEK, "2026-03-30", 100, &error));
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", cai, QD_PERIOD_WEEK, "2026-03-02", 60, &error));
  g_assert_no_error (error);

  assert_rollup (f, "qa-score", "member", ana, "week", "2026-03-02", 80, 1);
  assert_rollup (f, "qa-score", "team", tier1, "week", "2026-03-02", 75, 2);
  assert_rollup (f, "qa-score", "org", 0, "week", "2026-03-02", 70, 3);
  assert_rollup (f, "qa-score", "org", 0, "week", "2026-03-09", 90, 1);
  /* Months from the weekly values of the weeks starting in them. */
  assert_rollup (f, "qa-score", "member", ana, "month", "2026-03-01", 85, 2);
  assert_rollup (f, "qa-score", "member", bea, "month", "2026-03-01", 85, 2);
  assert_no_rollup (f, "qa-score", "member", bea, "month", "2026-04-01");
  assert_rollup (f, "qa-score", "team", tier1, "month", "2026-03-01", 85, 2);
  assert_rollup (f, "qa-score", "org", 0, "month", "2026-03-01", (85 + 85 + 60) / 3.0, 3);

  /* A monthly value wins over the weekly ones for the month. */
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_MONTH, "2026-03-01", 95, &error));
  g_assert_no_error (error);
  assert_rollup (f, "qa-score", "member", ana, "month", "2026-03-01", 95, 1);
  assert_rollup (f, "qa-score", "team", tier1, "month", "2026-03-01", 90, 2);
  assert_rollup (f, "qa-score", "member", ana, "week", "2026-03-09", 90, 1);

  /* Typing again replaces. */
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-02", 40, &error));
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM manual_values"), ==, 6);
  assert_rollup (f, "qa-score", "team", tier1, "week", "2026-03-02", 55, 2);
  g_assert_true (qd_kpis_get_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-02", &value, &error));
  g_assert_cmpfloat (value, ==, 40);
  g_assert_true (qd_kpis_get_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-16", &value, &error));
  g_assert_true (isnan (value));
  g_assert_no_error (error);

  /* Removing a value updates the roll-ups as well. */
  g_assert_true (qd_kpis_clear_manual_value (f->kpis, "qa-score", cai, QD_PERIOD_WEEK, "2026-03-02", &error));
  g_assert_no_error (error);
  assert_no_rollup (f, "qa-score", "member", cai, "week", "2026-03-02");
  assert_no_rollup (f, "qa-score", "member", cai, "month", "2026-03-01");
  assert_rollup (f, "qa-score", "org", 0, "week", "2026-03-02", 55, 2);

  /* A full recompute comes to the same. */
  before = dump_rollups (f);
  recompute (f, NULL, NULL);
  after = dump_rollups (f);
  g_assert_cmpstr (after, ==, before);

  /* Refusals change nothing. */
  {
    guint changed = f->changed;
    g_autofree char *values_before = raw_dump (f, "SELECT * FROM manual_values ORDER BY 1, 2, 3, 4");
    g_autofree char *values_after = NULL;

    g_assert_false (qd_kpis_set_manual_value (f->kpis, "csat", ana, QD_PERIOD_WEEK, "2026-03-02", 80, &error));
    g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "CSAT"));
    g_clear_error (&error);
    g_assert_false (qd_kpis_set_manual_value (f->kpis, "nps", ana, QD_PERIOD_WEEK, "2026-03-02", 80, &error));
    g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (qd_kpis_set_manual_value (f->kpis, "qa-score", 9999, QD_PERIOD_WEEK, "2026-03-02", 80, &error));
    g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-03", 80, &error));
    g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Monday"));
    g_clear_error (&error);
    g_assert_false (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_MONTH, "2026-03-02", 80, &error));
    g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-02-30", 80, &error));
    g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-02", 100.1, &error));
    g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-02", -3, &error));
    g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-02", NAN, &error));
    g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
    g_clear_error (&error);

    values_after = raw_dump (f, "SELECT * FROM manual_values ORDER BY 1, 2, 3, 4");
    g_assert_cmpstr (values_after, ==, values_before);
    g_clear_pointer (&after, g_free);
    after = dump_rollups (f);
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpuint (f->changed, ==, changed);
  }
}

static void
test_manual_tiers (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tiers = NULL;
  gint64 ana = add_member (f, "Ana Ruiz", NULL);
  gint64 bea = add_member (f, "Bea Sol", NULL);
  gint64 cai = add_member (f, "Cai Lee", NULL);

  /* Ana: weekly 80 and 90 in March; Bea: weekly 50 but a monthly 95 for
   * March, which wins; Cai: one weekly 70. */
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-02", 80, &error));
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-09", 90, &error));
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", bea, QD_PERIOD_WEEK, "2026-03-02", 50, &error));
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", bea, QD_PERIOD_MONTH, "2026-03-01", 95, &error));
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", cai, QD_PERIOD_WEEK, "2026-03-16", 70, &error));
  g_assert_no_error (error);
  /* Not ranked: someone who left, someone on leave, a team lead. */
  {
    gint64 others[3] = { add_member_full (f, "Gina Gone", NULL, "agent", "left"),
                         add_member_full (f, "Otto Away", NULL, "agent", "on-leave"),
                         add_member_full (f, "Lea Lead", NULL, "team-lead", "active") };

    for (guint i = 0; i < 3; i++)
      g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", others[i], QD_PERIOD_WEEK,
                                               "2026-03-02", 99, &error));
    g_assert_no_error (error);
  }

  tiers = qd_kpis_get_tiers (f->kpis, "qa-score", "2026-03-01", "2026-03-31", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tiers->len, ==, 3);
  g_assert_cmpstr (tier_entry (tiers, 0)->name, ==, "Bea Sol");
  g_assert_cmpfloat (tier_entry (tiers, 0)->value, ==, 95);
  g_assert_cmpuint (tier_entry (tiers, 0)->sample_size, ==, 1);
  g_assert_cmpstr (tier_entry (tiers, 1)->name, ==, "Ana Ruiz");
  g_assert_cmpfloat (tier_entry (tiers, 1)->value, ==, 85);
  g_assert_cmpuint (tier_entry (tiers, 1)->sample_size, ==, 2);
  g_assert_cmpstr (tier_entry (tiers, 2)->name, ==, "Cai Lee");
  g_clear_pointer (&tiers, g_ptr_array_unref);

  /* Two values needed: only Ana. */
  tiers = qd_kpis_get_tiers (f->kpis, "qa-score", "2026-03-01", "2026-03-31", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tiers->len, ==, 1);
  g_assert_cmpstr (tier_entry (tiers, 0)->name, ==, "Ana Ruiz");
}

/* ---- the roster ---- */

static void
test_delete_member_with_scores (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdRoster) roster = qd_roster_new (f->store);
  g_autoptr(QdRosterUndo) undo = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1");
  gint64 luis = add_member (f, "Luis Gil", "Tier 1");

  add_agent (f, "Ana", ana);
  g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-02", 88, &error));
  g_assert_no_error (error);

#define DUMP_ALL \
  "SELECT 'member', id, name, team_id, status FROM members " \
  "UNION ALL SELECT 'agent', id, name, member_id, source FROM helpdesk_agents " \
  "UNION ALL SELECT 'value', member_id, metric, period_start, value FROM manual_values " \
  "UNION ALL SELECT 'rollup', scope_id, metric || scope || period, period_start, value FROM metric_values " \
  "ORDER BY 1, 2, 3, 4"

  before = raw_dump (f, DUMP_ALL);
  undo = qd_roster_delete_member (roster, ana, QD_REPORTS_REFUSE, &error);
  g_assert_null (undo);
  g_assert_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_HAS_HISTORY);
  g_assert_cmpstr (error->message, ==,
                   "Ana Ruiz has QA scores on record. Set their status to “Left” to keep their history.");
  g_clear_error (&error);
  after = raw_dump (f, DUMP_ALL);
  g_assert_cmpstr (after, ==, before);

  /* Without scores, deleting works as before. */
  undo = qd_roster_delete_member (roster, luis, QD_REPORTS_REFUSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 1);

  /* Once the scores are gone, Ana can go too. */
  g_assert_true (qd_kpis_clear_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-02", &error));
  g_clear_pointer (&undo, qd_roster_undo_free);
  undo = qd_roster_delete_member (roster, ana, QD_REPORTS_REFUSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 0);

#undef DUMP_ALL
}

/* ---- teams, periods and formatting ---- */

static void
test_teams (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) names = NULL;

  add_member (f, "Ana Ruiz", "Tier 2");
  add_member (f, "Luis Gil", "Billing");
  add_member (f, "Nia Solo", NULL);
  raw_exec (f, "INSERT INTO teams (name) VALUES ('Empty')");

  names = qd_kpis_list_teams (f->kpis, &ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Billing");
  g_assert_cmpstr (names[1], ==, "Tier 2");
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, team_id (f, "Billing"));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, team_id (f, "Tier 2"));
}

static void
test_period_start (void)
{
  static const struct
  {
    QdPeriod    period;
    const char *day;
    const char *start;
  } cases[] = {
    { QD_PERIOD_WEEK, "2026-03-08", "2026-03-02" },   /* Sunday */
    { QD_PERIOD_WEEK, "2026-03-09", "2026-03-09" },   /* Monday */
    { QD_PERIOD_WEEK, "2026-01-01", "2025-12-29" },
    { QD_PERIOD_MONTH, "2026-03-31", "2026-03-01" },
    { QD_PERIOD_MONTH, "2028-02-29", "2028-02-01" },
    { QD_PERIOD_WEEK, "2026-13-01", NULL },
    { QD_PERIOD_MONTH, "yesterday", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *start = qd_period_start_for_day (cases[i].period, cases[i].day);
      g_assert_cmpstr (start, ==, cases[i].start);
    }
}

static void
test_format (void)
{
  static const struct
  {
    QdMetricUnit  unit;
    double        value;
    const char   *text;
  } cases[] = {
    { QD_METRIC_UNIT_PERCENT, 94.06, "94.1 %" },
    { QD_METRIC_UNIT_PERCENT, 100, "100.0 %" },
    { QD_METRIC_UNIT_PERCENT, -0.01, "0.0 %" },
    { QD_METRIC_UNIT_MINUTES, 45, "45 min" },
    { QD_METRIC_UNIT_MINUTES, 44.6, "45 min" },
    { QD_METRIC_UNIT_MINUTES, 0, "0 min" },
    { QD_METRIC_UNIT_MINUTES, 0.3, "< 1 min" },
    { QD_METRIC_UNIT_MINUTES, 59.6, "1 h 00 min" },
    { QD_METRIC_UNIT_MINUTES, 65, "1 h 05 min" },
    { QD_METRIC_UNIT_MINUTES, 23 * 60 + 59, "23 h 59 min" },
    { QD_METRIC_UNIT_MINUTES, 24 * 60, "1 d 0 h" },
    { QD_METRIC_UNIT_MINUTES, 2 * 1440 + 3 * 60 + 10, "2 d 3 h" },
    { QD_METRIC_UNIT_MINUTES, 2 * 1440 + 3 * 60 + 40, "2 d 4 h" },
    { QD_METRIC_UNIT_COUNT, 1250, "1250" },            /* C locale: no grouping */
    { QD_METRIC_UNIT_COUNT, 7.4, "7" },
    { QD_METRIC_UNIT_NUMBER, 3.46, "3.5" },
    { QD_METRIC_UNIT_NUMBER, 2, "2.0" },
    { QD_METRIC_UNIT_PERCENT, NAN, "—" },
    { QD_METRIC_UNIT_MINUTES, NAN, "—" },
    { QD_METRIC_UNIT_COUNT, NAN, "—" },
    { QD_METRIC_UNIT_NUMBER, NAN, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = qd_metric_format_value (cases[i].unit, cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* ---- speed (with -m perf) ---- */

static void
test_perf_recompute (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  static const char *csats[] = { "satisfied", "satisfied", "satisfied", "neutral", "unsatisfied", "not-rated" };
  sqlite3_stmt *stmt = NULL;
  gint64 agents[201];
  guint n = 1000000;
  gint64 start;
  double seconds;

  if (!g_test_perf ())
    {
      g_test_skip ("Run with -m perf");
      return;
    }

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Agent %03u", i);
      g_autofree char *team = g_strdup_printf ("Team %u", i / 20);
      agents[i] = add_agent (f, name, add_member (f, name, team));
    }
  agents[200] = add_agent (f, "Unlinked", 0);

  raw_exec (f, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (f->db,
                                       "INSERT INTO tickets (source, external_id, agent_id, created_at, "
                                       "created_day, solved_at, solved_day, first_reply_minutes, "
                                       "resolution_minutes, csat, reopens, imported_at) "
                                       "VALUES ('zendesk', ?1, ?2, ?3, ?3, ?4, ?4, ?5, ?6, ?7, ?8, '')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < n; t++)
    {
      char external[16], created[11], solved[11];
      GDate date;

      g_snprintf (external, sizeof external, "%u", t);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2024);
      g_date_add_days (&date, g_rand_int_range (rand, 0, 730));
      g_snprintf (created, sizeof created, "%04d-%02d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      g_date_add_days (&date, g_rand_int_range (rand, 0, 5));
      g_snprintf (solved, sizeof solved, "%04d-%02d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, external, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, agents[g_rand_int_range (rand, 0, 201)]);
      sqlite3_bind_text (stmt, 3, created, -1, SQLITE_TRANSIENT);
      if (g_rand_int_range (rand, 0, 10) < 9)
        sqlite3_bind_text (stmt, 4, solved, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_double (stmt, 5, g_rand_double_range (rand, 0, 600));
      sqlite3_bind_double (stmt, 6, g_rand_double_range (rand, 0, 6000));
      sqlite3_bind_text (stmt, 7, csats[g_rand_int_range (rand, 0, 6)], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 8, g_rand_int_range (rand, 0, 20) == 0);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  sqlite3_finalize (stmt);
  raw_exec (f, "COMMIT");

  start = g_get_monotonic_time ();
  recompute (f, NULL, NULL);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_minimized_result (seconds, "full recompute of %u tickets: %.2f s (%" G_GINT64_FORMAT " rows)",
                           n, seconds, raw_int (f, "SELECT count(*) FROM metric_values"));

  start = g_get_monotonic_time ();
  recompute (f, "2025-06-01", "2025-06-30");
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_minimized_result (seconds, "recompute of one month: %.2f s", seconds);

  start = g_get_monotonic_time ();
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) tiers = qd_kpis_get_tiers (f->kpis, "first-reply", "2025-01-01", "2025-12-31", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tiers->len, ==, 200);
  }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_minimized_result (seconds, "tiers over a year: %.2f s", seconds);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/kpis/rollups/medians", test_medians);
  ADD ("/kpis/rollups/csat", test_csat);
  ADD ("/kpis/rollups/reopens-and-solved", test_reopens_and_solved);
  ADD ("/kpis/rollups/solved-per-agent-day", test_solved_per_agent_day);
  ADD ("/kpis/rollups/scopes", test_scopes);
  ADD ("/kpis/rollups/week-boundary", test_week_boundary);
  ADD ("/kpis/rollups/month-boundary", test_month_boundary);
  ADD ("/kpis/rollups/sub-range", test_sub_range);
  ADD ("/kpis/rollups/transaction", test_transaction);
  ADD ("/kpis/rollups/random", test_random);
  ADD ("/kpis/series", test_series);
  ADD ("/kpis/tiles", test_tiles);
  ADD ("/kpis/tiers/ranking", test_tiers);
  ADD ("/kpis/tiers/sizes", test_tier_sizes);
  ADD ("/kpis/tiers/direct", test_tiers_direct);
  ADD ("/kpis/tiers/manual", test_manual_tiers);
  ADD ("/kpis/metrics", test_metrics);
  ADD ("/kpis/targets", test_targets);
  ADD ("/kpis/manual-values", test_manual_values);
  ADD ("/kpis/roster/delete-with-scores", test_delete_member_with_scores);
  ADD ("/kpis/teams", test_teams);
  g_test_add_func ("/kpis/period-start", test_period_start);
  g_test_add_func ("/kpis/format", test_format);
  ADD ("/kpis/perf/recompute", test_perf_recompute);

  return g_test_run ();
}
