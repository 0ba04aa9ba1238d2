/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-goals"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-demo.h"
#include "qd-demo-goals.h"
#include "qd-goals.h"
#include "qd-kpis.h"
#include "qd-member.h"
#include "qd-notes.h"
#include "qd-roster.h"
#include "qd-store.h"

/* Each test gets a new database in its own temporary folder, the goal
 * and note services on it, and a second, plain SQLite connection to put
 * KPI roll-ups in with exact values and to look at what the file holds,
 * as the user would find it after closing Quarterdeck. */

#define TODAY "2026-03-15"

typedef struct
{
  char     *dir;
  char     *path;
  QdStore  *store;
  QdRoster *roster;
  QdKpis   *kpis;
  QdGoals  *goals;
  QdNotes  *notes;
  sqlite3  *db;
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
changed_cb (gpointer  sender,
            Fixture  *f)
{
  f->changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("qd-test-goals-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "quarterdeck.db", NULL);
  f->store = qd_store_open (f->path, &error);
  g_assert_no_error (error);
  f->roster = qd_roster_new (f->store);
  f->kpis = qd_kpis_new (f->store);
  f->goals = qd_goals_new (f->store, f->kpis);
  f->notes = qd_notes_new (f->store);
  g_signal_connect (f->goals, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->notes, "changed", G_CALLBACK (changed_cb), f);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (f->db, 5000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (sqlite3_close (f->db), ==, SQLITE_OK);
  g_assert_finalize_object (f->notes);
  g_assert_finalize_object (f->goals);
  g_assert_finalize_object (f->kpis);
  g_assert_finalize_object (f->roster);
  g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

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

/* The first column of every row, one per line. */
static char *
raw_text (Fixture    *f,
          const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const unsigned char *text = sqlite3_column_text (stmt, 0);
      g_string_append_printf (out, "%s\n", text != NULL ? (const char *) text : "(null)");
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define GOAL_ROW \
  "quote (id) || '|' || quote (member_id) || '|' || quote (template_id) || '|' || quote (title) " \
  "|| '|' || quote (description) || '|' || quote (metric) || '|' || quote (baseline_value) " \
  "|| '|' || quote (target_value) || '|' || quote (manual_progress) || '|' || quote (start_date) " \
  "|| '|' || quote (due_date) || '|' || quote (status) || '|' || quote (created_at)"

#define ACTION_ROW \
  "quote (id) || '|' || quote (member_id) || '|' || quote (review_id) || '|' || quote (action) " \
  "|| '|' || quote (owner_id) || '|' || quote (due_date) || '|' || quote (done) || '|' || quote (created_at)"

#define NOTE_ROW \
  "quote (id) || '|' || quote (member_id) || '|' || quote (kind) || '|' || quote (noted_on) " \
  "|| '|' || quote (text) || '|' || quote (created_at) || '|' || quote (updated_at)"

#define TEMPLATE_ROW \
  "quote (id) || '|' || quote (title) || '|' || quote (description) || '|' || quote (metric) " \
  "|| '|' || quote (target_value) || '|' || quote (created_at)"

/* Everything this area keeps, and the members, to check that a refused
 * change left the file exactly as it was. */
static char *
dump_all (Fixture *f)
{
  g_autofree char *members = raw_text (f, "SELECT id || '|' || name || '|' || status || '|' || "
                                          "quote (team_id) || '|' || updated_at FROM members ORDER BY id");
  g_autofree char *templates = raw_text (f, "SELECT " TEMPLATE_ROW " FROM goal_templates ORDER BY id");
  g_autofree char *goals = raw_text (f, "SELECT " GOAL_ROW " FROM goals ORDER BY id");
  g_autofree char *actions = raw_text (f, "SELECT " ACTION_ROW " FROM development_actions ORDER BY id");
  g_autofree char *notes = raw_text (f, "SELECT " NOTE_ROW " FROM member_notes ORDER BY id");

  return g_strjoin ("--\n", members, templates, goals, actions, notes, NULL);
}

static gint64
add_member (Fixture        *f,
            const char     *name,
            const char     *team,
            QdMemberStatus  status)
{
  g_autoptr(QdMember) member = qd_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  qd_member_set_name (member, name);
  qd_member_set_team (member, team);
  qd_member_set_status (member, status);
  id = qd_roster_add_member (f->roster, member, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
put_value (Fixture    *f,
           const char *metric,
           const char *scope,
           gint64      scope_id,
           const char *period,
           const char *period_start,
           double      value)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO metric_values (metric, scope, scope_id, period, period_start, value, "
                     "sample_size) VALUES ('%s', '%s', %" G_GINT64_FORMAT ", '%s', '%s', %.17g, 10)",
                     metric, scope, scope_id, period, period_start, value);
  raw_exec (f, sql);
}

static QdGoal *
metric_goal (gint64      member,
             const char *metric,
             double      baseline,
             double      target,
             const char *start,
             const char *due)
{
  QdGoal *goal = qd_goal_new ();

  qd_goal_set_member_id (goal, member);
  qd_goal_set_title (goal, "Delight customers");
  qd_goal_set_metric (goal, metric);
  qd_goal_set_baseline (goal, baseline);
  qd_goal_set_target (goal, target);
  qd_goal_set_start_date (goal, start);
  qd_goal_set_due_date (goal, due);
  return goal;
}

static QdGoal *
manual_goal (gint64      member,
             const char *title,
             double      progress,
             const char *start,
             const char *due)
{
  QdGoal *goal = qd_goal_new ();

  qd_goal_set_member_id (goal, member);
  qd_goal_set_title (goal, title);
  qd_goal_set_manual_progress (goal, progress);
  qd_goal_set_start_date (goal, start);
  qd_goal_set_due_date (goal, due);
  return goal;
}

static gint64
add_goal (Fixture *f,
          QdGoal  *goal)
{
  g_autoptr(GError) error = NULL;
  gint64 id = qd_goals_add_goal (f->goals, goal, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_note (Fixture    *f,
          gint64      member,
          QdNoteKind  kind,
          const char *day,
          const char *text)
{
  g_autoptr(QdMemberNote) note = qd_member_note_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  qd_member_note_set_member_id (note, member);
  qd_member_note_set_kind (note, kind);
  qd_member_note_set_noted_on (note, day);
  qd_member_note_set_text (note, text);
  id = qd_notes_add_note (f->notes, note, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Tries to add @goal, expecting a refusal with @code whose message
 * contains @fragment, and nothing written. */
static void
assert_goal_refused (Fixture    *f,
                     QdGoal     *goal,
                     int         code,
                     const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_all (f);
  g_autofree char *after = NULL;
  guint changed = f->changed;

  g_assert_cmpint (qd_goals_add_goal (f->goals, goal, &error), ==, 0);
  g_assert_error (error, QD_GOALS_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (f->changed, ==, changed);
}

/* ---- goals: validation ---- */

static void
test_goal_validation (Fixture       *f,
                      gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 nora = add_member (f, "Nora Kowalski", "Tier 1", QD_MEMBER_STATUS_LEFT);
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  QdGoal *goal;

  goal = manual_goal (0, "Write ten articles", 0, "2026-01-01", "2026-06-30");
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "Choose whose goal");
  qd_goal_set_member_id (goal, 99999);
  assert_goal_refused (f, goal, QD_GOALS_ERROR_NOT_FOUND, "no longer exists");
  qd_goal_set_member_id (goal, nora);
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID,
                       "Nora Kowalski has left the team, so they cannot get new goals.");
  qd_goal_set_member_id (goal, ana);

  qd_goal_set_title (goal, "   ");
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "needs a title");
  qd_goal_set_title (goal, "Write ten articles");

  qd_goal_set_start_date (goal, "2026-02-31");
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "The date “2026-02-31” does not exist.");
  qd_goal_set_start_date (goal, "31/01/2026");
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "“31/01/2026” is not a date.");
  qd_goal_set_start_date (goal, "");
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "needs a start date");
  qd_goal_set_start_date (goal, "2026-01-01");
  qd_goal_set_due_date (goal, "2025-12-31");
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID,
                       "The due date (31 Dec 2025) must be after the start date (1 Jan 2026).");
  qd_goal_set_due_date (goal, "2026-01-01");
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "must be after the start date");
  qd_goal_set_due_date (goal, "2026-06-30");

  qd_goal_set_manual_progress (goal, 120);
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "between 0 and 100");
  qd_goal_set_manual_progress (goal, -1);
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "between 0 and 100");
  qd_goal_set_manual_progress (goal, NAN);
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "between 0 and 100");
  g_object_unref (goal);

  goal = metric_goal (ana, "nps", 30, 50, "2026-01-01", "2026-06-30");
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "There is no metric “nps”.");
  qd_goal_set_metric (goal, "csat");
  qd_goal_set_target (goal, 90);
  qd_goal_set_baseline (goal, 90);
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "The target must differ from the baseline");
  qd_goal_set_baseline (goal, 95);
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID,
                       "For CSAT higher is better, so the target must be above the baseline (95.0 %).");
  qd_goal_set_baseline (goal, 90);
  qd_goal_set_target (goal, 120);
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "CSAT is a percentage");
  qd_goal_set_target (goal, 95);
  qd_goal_set_baseline (goal, NAN);
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "baseline");
  qd_goal_set_baseline (goal, 90);
  qd_goal_set_target (goal, NAN);
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "target");
  qd_goal_set_metric (goal, "first-reply");
  qd_goal_set_baseline (goal, 60);
  qd_goal_set_target (goal, 120);
  assert_goal_refused (f, goal, QD_GOALS_ERROR_INVALID, "lower is better, so the target must be below");
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals"), ==, 0);

  /* The same goal, made right, is kept as typed in, trimmed. A metric
   * goal keeps no manual progress. */
  qd_goal_set_baseline (goal, 120);
  qd_goal_set_target (goal, 60);
  qd_goal_set_title (goal, "  Answer faster  ");
  qd_goal_set_manual_progress (goal, 35);
  add_goal (f, goal);
  row = raw_text (f, "SELECT member_id || '|' || title || '|' || metric || '|' || baseline_value || '|' "
                     "|| target_value || '|' || quote (manual_progress) || '|' || start_date || '|' "
                     "|| due_date || '|' || status FROM goals");
  g_assert_cmpstr (row, ==,
                   "1|Answer faster|first-reply|120.0|60.0|NULL|2026-01-01|2026-06-30|active\n");
  g_object_unref (goal);

  /* A manual goal keeps no baseline or target, even if some were set. */
  goal = manual_goal (ana, "Run two workshops", 25, "2026-01-01", "2026-06-30");
  qd_goal_set_baseline (goal, 3);
  qd_goal_set_target (goal, 4);
  add_goal (f, goal);
  g_clear_pointer (&row, g_free);
  row = raw_text (f, "SELECT quote (metric) || '|' || quote (baseline_value) || '|' || "
                     "quote (target_value) || '|' || manual_progress FROM goals WHERE title = 'Run two workshops'");
  g_assert_cmpstr (row, ==, "NULL|NULL|NULL|25.0\n");
  g_object_unref (goal);

  /* The database itself refuses what the rules refuse. */
  g_assert_cmpint (sqlite3_exec (f->db,
                                 "INSERT INTO goals (member_id, title, start_date, due_date, manual_progress) "
                                 "VALUES (1, 'x', '2026-01-01', '2026-01-01', 0)", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (f->db,
                                 "INSERT INTO goals (member_id, title, start_date, due_date, metric, "
                                 "baseline_value, target_value) "
                                 "VALUES (1, 'x', '2026-01-01', '2026-02-01', 'csat', 90, 90)", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals"), ==, 2);

  /* Saving checks the same rules. */
  goal = qd_goals_load_goal (f->goals, 1, TODAY, &error);
  g_assert_no_error (error);
  qd_goal_set_due_date (goal, "2026-04-31");
  g_assert_false (qd_goals_save_goal (f->goals, goal, &error));
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The date “2026-04-31” does not exist.");
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals WHERE due_date = '2026-06-30'"), ==, 2);
  g_object_unref (goal);
}

/* ---- goals: progress ---- */

static void
assert_progress (Fixture    *f,
                 gint64      goal,
                 const char *today,
                 double      expected)
{
  g_autoptr(GError) error = NULL;
  double progress = qd_goals_get_progress (f->goals, goal, today, &error);

  g_assert_no_error (error);
  if (isnan (expected))
    {
      if (!isnan (progress))
        g_error ("goal %" G_GINT64_FORMAT " on %s: expected no progress, got %g", goal, today, progress);
    }
  else
    g_assert_cmpfloat_with_epsilon (progress, expected, 1e-9);
}

static void
test_progress_metric (Fixture       *f,
                      gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 luis = add_member (f, "Luis Gil", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  g_autoptr(QdGoal) csat = metric_goal (ana, "csat", 90, 95, "2026-01-01", "2026-06-30");
  g_autoptr(QdGoal) reply = metric_goal (ana, "first-reply", 120, 60, "2026-01-01", "2026-06-30");
  g_autoptr(QdGoal) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 csat_id = add_goal (f, csat);
  gint64 reply_id = add_goal (f, reply);
  double progress;

  /* No roll-up yet: progress unknown, not 0, and no error. */
  assert_progress (f, csat_id, TODAY, NAN);
  loaded = qd_goals_load_goal (f->goals, csat_id, TODAY, &error);
  g_assert_no_error (error);
  g_assert_true (isnan (qd_goal_get_progress (loaded)));
  g_assert_true (isnan (qd_goal_get_current_value (loaded)));
  g_assert_cmpstr (qd_goal_get_progress_label (loaded), ==, "No CSAT data since 1 Jan 2026");
  g_clear_object (&loaded);
  loaded = qd_goals_load_goal (f->goals, csat_id, "2025-12-20", &error);
  g_assert_cmpstr (qd_goal_get_progress_label (loaded), ==, "Starts on 1 Jan 2026");
  g_clear_object (&loaded);

  /* Values that must not count: before the start, after today, another
   * member's, the team's under the same id. */
  put_value (f, "csat", "member", ana, "week", "2025-12-29", 50);
  put_value (f, "csat", "member", ana, "week", "2026-03-16", 99);
  put_value (f, "csat", "member", luis, "week", "2026-03-09", 10);
  put_value (f, "csat", "team", ana, "week", "2026-03-09", 10);
  assert_progress (f, csat_id, TODAY, NAN);

  /* A monthly value is used when there is no weekly one… */
  put_value (f, "csat", "member", ana, "month", "2026-02-01", 91);
  assert_progress (f, csat_id, TODAY, 20);

  /* … and a weekly one wins over it: the latest in the window. */
  put_value (f, "csat", "member", ana, "week", "2026-01-05", 92);
  put_value (f, "csat", "member", ana, "week", "2026-03-02", 93);
  put_value (f, "csat", "member", ana, "month", "2026-03-01", 80);
  assert_progress (f, csat_id, TODAY, 60);
  assert_progress (f, csat_id, "2026-01-10", 40);

  loaded = qd_goals_load_goal (f->goals, csat_id, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (qd_goal_get_progress (loaded), 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (qd_goal_get_current_value (loaded), 93, 1e-9);
  g_assert_cmpstr (qd_goal_get_metric_name (loaded), ==, "CSAT");
  g_assert_cmpstr (qd_goal_get_progress_label (loaded), ==, "60 % — CSAT 93.0 % of 95.0 %");
  g_assert_false (qd_goal_get_overdue (loaded));
  g_clear_object (&loaded);

  /* Clamped: beyond the target is 100 %, worse than the baseline 0 %. */
  put_value (f, "csat", "member", ana, "week", "2026-03-09", 97.5);
  assert_progress (f, csat_id, TODAY, 100);
  put_value (f, "csat", "member", ana, "week", "2026-03-10", 85);
  assert_progress (f, csat_id, TODAY, 0);

  /* Lower is better: 120 → 60 minutes, now 90. */
  put_value (f, "first-reply", "member", ana, "week", "2026-03-09", 90);
  assert_progress (f, reply_id, TODAY, 50);
  loaded = qd_goals_load_goal (f->goals, reply_id, TODAY, &error);
  g_assert_cmpstr (qd_goal_get_progress_label (loaded), ==,
                   "50 % — Median first reply time 1 h 30 min of 1 h 00 min");
  g_clear_object (&loaded);
  put_value (f, "first-reply", "member", ana, "week", "2026-03-10", 45);
  assert_progress (f, reply_id, TODAY, 100);
  put_value (f, "first-reply", "member", ana, "week", "2026-03-11", 150);
  assert_progress (f, reply_id, TODAY, 0);

  /* After the due date the goal is measured as of its due date. */
  {
    g_autoptr(QdGoal) short_goal = metric_goal (ana, "csat", 90, 95, "2026-01-01", "2026-02-28");
    gint64 short_id = add_goal (f, short_goal);

    assert_progress (f, short_id, TODAY, 40);    /* the January week, not the March weeks */
    loaded = qd_goals_load_goal (f->goals, short_id, TODAY, &error);
    g_assert_true (qd_goal_get_overdue (loaded));
    g_clear_object (&loaded);
  }

  /* New roll-ups reach a list handed out before, through the KPI
   * service's ::changed: a QA score typed in for Ana. */
  {
    g_autoptr(QdGoal) qa = metric_goal (ana, "qa-score", 80, 90, "2026-01-01", "2026-06-30");
    g_autoptr(GListModel) list = NULL;
    g_autoptr(QdGoal) item = NULL;

    qd_goal_set_title (qa, "QA score of 90 %");
    add_goal (f, qa);
    list = qd_goals_list_goals (f->goals, ana, TODAY);
    for (guint i = 0; item == NULL && i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(QdGoal) candidate = g_list_model_get_item (list, i);
        if (g_strcmp0 (qd_goal_get_metric (candidate), "qa-score") == 0)
          item = g_steal_pointer (&candidate);
      }
    g_assert_nonnull (item);
    g_assert_true (isnan (qd_goal_get_progress (item)));
    g_assert_true (qd_kpis_set_manual_value (f->kpis, "qa-score", ana, QD_PERIOD_WEEK, "2026-03-02", 85, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (qd_goal_get_progress (item), 50, 1e-9);
    g_assert_cmpstr (qd_goal_get_progress_label (item), ==, "50 % — QA score 85.0 % of 90.0 %");
  }

  /* A goal that is gone. */
  progress = qd_goals_get_progress (f->goals, 999, TODAY, &error);
  g_assert_true (isnan (progress));
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_NOT_FOUND);
}

static void
test_progress_manual (Fixture       *f,
                      gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  g_autoptr(QdGoal) manual = manual_goal (ana, "Write ten articles", 40, "2026-01-01", "2026-06-30");
  g_autoptr(QdGoal) csat = metric_goal (ana, "csat", 90, 95, "2026-01-01", "2026-06-30");
  g_autoptr(QdGoal) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 manual_id = add_goal (f, manual);
  gint64 csat_id = add_goal (f, csat);

  assert_progress (f, manual_id, TODAY, 40);
  loaded = qd_goals_load_goal (f->goals, manual_id, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qd_goal_get_progress_label (loaded), ==, "40 %");
  g_assert_false (qd_goal_get_measured (loaded));
  g_clear_object (&loaded);

  g_assert_true (qd_goals_set_manual_progress (f->goals, manual_id, 75, &error));
  g_assert_no_error (error);
  assert_progress (f, manual_id, TODAY, 75);
  g_assert_cmpint (raw_int (f, "SELECT manual_progress FROM goals WHERE title = 'Write ten articles'"), ==, 75);

  g_assert_false (qd_goals_set_manual_progress (f->goals, manual_id, 101, &error));
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (qd_goals_set_manual_progress (f->goals, csat_id, 50, &error));
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Delight customers” is measured by CSAT, not by hand.");
  g_clear_error (&error);
  assert_progress (f, manual_id, TODAY, 75);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals WHERE manual_progress IS NULL"), ==, 1);
}

static void
test_goal_overdue_and_status (Fixture       *f,
                              gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  g_autoptr(QdGoal) late = manual_goal (ana, "Late", 10, "2026-01-01", "2026-03-14");
  g_autoptr(QdGoal) due_today = manual_goal (ana, "Due today", 10, "2026-01-01", TODAY);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 late_id = add_goal (f, late);
  QdGoal *item;

  add_goal (f, due_today);
  list = qd_goals_list_goals (f->goals, ana, TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* Active goals by due date: the late one first. */
  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (qd_goal_get_title (item), ==, "Late");
  g_assert_true (qd_goal_get_overdue (item));
  g_assert_cmpstr (qd_goal_get_due_date (item), ==, "2026-03-14");
  g_object_unref (item);
  item = g_list_model_get_item (list, 1);
  g_assert_false (qd_goal_get_overdue (item));
  g_object_unref (item);

  /* Achieved: no longer overdue, and listed after the active ones; the
   * list hands out the same object. */
  item = g_list_model_get_item (list, 0);
  g_assert_true (qd_goals_set_goal_status (f->goals, late_id, QD_GOAL_STATUS_ACHIEVED, &error));
  g_assert_no_error (error);
  g_assert_false (qd_goal_get_overdue (item));
  g_assert_cmpint (qd_goal_get_status (item), ==, QD_GOAL_STATUS_ACHIEVED);
  g_assert_cmpstr (qd_goal_status_to_label (qd_goal_get_status (item)), ==, "Achieved");
  {
    g_autoptr(QdGoal) last = g_list_model_get_item (list, 1);
    g_assert_true (last == item);
  }
  g_object_unref (item);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals WHERE status = 'achieved'"), ==, 1);
}

static void
test_goal_list_and_undo (Fixture       *f,
                         gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 luis = add_member (f, "Luis Gil", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  g_autoptr(QdGoal) first = manual_goal (ana, "First", 10, "2026-01-01", "2026-04-30");
  g_autoptr(QdGoal) second = manual_goal (ana, "Second", 20, "2026-01-01", "2026-05-31");
  g_autoptr(QdGoal) other = manual_goal (luis, "Not Ana's", 20, "2026-01-01", "2026-05-31");
  g_autoptr(GListModel) list = qd_goals_list_goals (f->goals, ana, TODAY);
  g_autoptr(QdGoalsUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  QdGoal *held;
  gint64 first_id;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  first_id = add_goal (f, first);
  add_goal (f, second);
  add_goal (f, other);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* An edit reaches the object already handed out. */
  held = g_list_model_get_item (list, 0);
  g_assert_cmpint (qd_goal_get_id (held), ==, first_id);
  g_object_unref (first);
  first = qd_goals_load_goal (f->goals, first_id, TODAY, &error);
  g_assert_no_error (error);
  qd_goal_set_title (first, "First, renamed");
  g_assert_true (qd_goals_save_goal (f->goals, first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (qd_goal_get_title (held), ==, "First, renamed");

  /* Delete and undo: the same row comes back, written time and all. */
  raw_exec (f, "UPDATE goals SET created_at = '2025-12-01T08:30:00Z'");
  before = dump_all (f);
  undo = qd_goals_delete_goal (f->goals, first_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpstr (qd_goals_undo_get_title (undo), ==, "First, renamed");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals"), ==, 2);
  g_assert_true (qd_goals_undo (f->goals, undo, &error));
  g_assert_no_error (error);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* Twice is refused, and changes nothing. */
  g_assert_false (qd_goals_undo (f->goals, undo, &error));
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID);
  g_clear_pointer (&after, g_free);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);

  g_object_unref (held);
}

/* ---- templates ---- */

static gint64
add_template (Fixture    *f,
              const char *title,
              const char *metric,
              double      target)
{
  QdGoalTemplate tmpl = { 0, (char *) title, (char *) "", (char *) metric, target };
  g_autoptr(GError) error = NULL;
  gint64 id = qd_goals_add_template (f->goals, &tmpl, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
count_skips (GPtrArray        *skipped,
             QdGoalSkipReason  reason,
             gint64            member)
{
  guint n = 0;

  for (guint i = 0; i < skipped->len; i++)
    {
      QdGoalSkip *skip = g_ptr_array_index (skipped, i);
      if (skip->reason == reason && skip->member_id == member)
        n++;
    }
  return n;
}

static void
test_templates_crud (Fixture       *f,
                     gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  QdGoalTemplate bad = { 0, (char *) " ", NULL, NULL, NAN };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(QdGoalTemplate) loaded = NULL;
  g_autoptr(QdGoalsUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 csat, cert;
  gint n;

  g_assert_cmpint (qd_goals_add_template (f->goals, &bad, &error), ==, 0);
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID);
  g_clear_error (&error);
  bad.title = (char *) "Lift CSAT";
  bad.metric = (char *) "csat";
  g_assert_cmpint (qd_goals_add_template (f->goals, &bad, &error), ==, 0);
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Enter the CSAT value to reach (the target).");
  g_clear_error (&error);
  bad.metric = (char *) "nps";
  bad.target = 50;
  g_assert_cmpint (qd_goals_add_template (f->goals, &bad, &error), ==, 0);
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goal_templates"), ==, 0);

  csat = add_template (f, "Lift CSAT to 95 %", "csat", 95);
  cert = add_template (f, "Complete the certification", NULL, NAN);

  list = qd_goals_list_templates (f->goals, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((QdGoalTemplate *) list->pdata[0])->title, ==, "Complete the certification");
  g_assert_null (((QdGoalTemplate *) list->pdata[0])->metric);
  g_assert_cmpstr (((QdGoalTemplate *) list->pdata[1])->metric, ==, "csat");

  /* Editing a template changes later goals, not the ones given out. */
  n = qd_goals_assign_template (f->goals, cert, &ana, 1, "2026-01-01", "2026-06-30", NAN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  loaded = qd_goals_load_template (f->goals, cert, &error);
  g_assert_no_error (error);
  g_free (loaded->title);
  loaded->title = g_strdup ("Complete the advanced certification");
  g_assert_true (qd_goals_save_template (f->goals, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goal_templates WHERE title = "
                               "'Complete the advanced certification'"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals WHERE title = 'Complete the certification'"), ==, 1);

  /* Deleting unlinks its goals; undo links them again. */
  before = dump_all (f);
  undo = qd_goals_delete_template (f->goals, cert, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals WHERE template_id IS NULL"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goal_templates"), ==, 1);
  g_assert_true (qd_goals_undo (f->goals, undo, &error));
  g_assert_no_error (error);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);
  (void) csat;
}

static void
test_assign_team (Fixture       *f,
                  gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 bea = add_member (f, "Bea Roca", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 carl = add_member (f, "Carl Dunn", "Tier 1", QD_MEMBER_STATUS_ON_LEAVE);
  gint64 dora = add_member (f, "Dora Lee", "Tier 1", QD_MEMBER_STATUS_LEFT);
  gint64 emil = add_member (f, "Emil Berg", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 gus = add_member (f, "Gus Moreau", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 ivo = add_member (f, "Ivo Petrov", "Billing", QD_MEMBER_STATUS_ACTIVE);
  gint64 csat = add_template (f, "Lift CSAT to 95 %", "csat", 95);
  gint64 cert = add_template (f, "Complete the certification", NULL, NAN);
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint n;

  /* Own values before the start: Ana 90; Bea 88; Gus already at 96;
   * Emil none in the 90 days before (one too old). */
  put_value (f, "csat", "member", ana, "week", "2025-12-22", 90);
  put_value (f, "csat", "member", ana, "week", "2025-11-03", 70);
  put_value (f, "csat", "member", ana, "week", "2026-01-05", 99);     /* after the start */
  put_value (f, "csat", "member", bea, "month", "2025-12-01", 88);
  put_value (f, "csat", "member", gus, "week", "2025-12-29", 96);
  put_value (f, "csat", "member", emil, "week", "2025-09-29", 80);

  /* Bea already has an active goal from the template. */
  n = qd_goals_assign_template (f->goals, csat, &bea, 1, "2025-10-01", "2026-03-31", 85, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  f->changed = 0;

  n = qd_goals_assign_template_to_team (f->goals, csat, "tier 1", "2026-01-01", "2026-06-30", NAN,
                                        &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpuint (skipped->len, ==, 4);
  g_assert_cmpuint (count_skips (skipped, QD_GOAL_SKIP_ALREADY_ASSIGNED, bea), ==, 1);
  g_assert_cmpuint (count_skips (skipped, QD_GOAL_SKIP_ON_LEAVE, carl), ==, 1);
  g_assert_cmpuint (count_skips (skipped, QD_GOAL_SKIP_NO_BASELINE, emil), ==, 1);
  g_assert_cmpuint (count_skips (skipped, QD_GOAL_SKIP_AT_TARGET, gus), ==, 1);
  for (guint i = 0; i < skipped->len; i++)
    {
      QdGoalSkip *skip = g_ptr_array_index (skipped, i);
      if (skip->reason == QD_GOAL_SKIP_ALREADY_ASSIGNED)
        g_assert_cmpstr (skip->message, ==, "Bea Roca already has this goal.");
      if (skip->reason == QD_GOAL_SKIP_NO_BASELINE)
        g_assert_cmpstr (skip->message, ==, "Emil Berg has no CSAT data from before 1 Jan 2026 to start from.");
      if (skip->reason == QD_GOAL_SKIP_AT_TARGET)
        g_assert_cmpstr (skip->message, ==, "Gus Moreau already meets the target (CSAT 96.0 %).");
    }
  row = raw_text (f, "SELECT member_id || '|' || template_id || '|' || title || '|' || metric || '|' "
                     "|| baseline_value || '|' || target_value || '|' || start_date || '|' || due_date "
                     "|| '|' || status FROM goals WHERE start_date = '2026-01-01'");
  g_assert_cmpstr (row, ==, "1|1|Lift CSAT to 95 %|csat|90.0|95.0|2026-01-01|2026-06-30|active\n");
  g_clear_pointer (&skipped, g_ptr_array_unref);
  (void) dora;
  (void) ivo;

  /* Again: Ana is now skipped too, nothing is written, no signal. */
  n = qd_goals_assign_template_to_team (f->goals, csat, "Tier 1", "2026-01-01", "2026-06-30", NAN,
                                        &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpuint (count_skips (skipped, QD_GOAL_SKIP_ALREADY_ASSIGNED, ana), ==, 1);
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals"), ==, 2);
  g_clear_pointer (&skipped, g_ptr_array_unref);

  /* A baseline for everyone: Emil and Gus get it too. */
  n = qd_goals_assign_template_to_team (f->goals, csat, "Tier 1", "2026-01-01", "2026-06-30", 91,
                                        &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 2);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals WHERE baseline_value = 91"), ==, 2);
  g_clear_pointer (&skipped, g_ptr_array_unref);

  /* A baseline on the wrong side of the target is refused outright. */
  before = dump_all (f);
  n = qd_goals_assign_template (f->goals, csat, &ivo, 1, "2026-01-01", "2026-06-30", 97, &skipped, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID);
  g_assert_null (skipped);
  g_clear_error (&error);
  n = qd_goals_assign_template_to_team (f->goals, csat, "Tier 9", "2026-01-01", "2026-06-30", NAN,
                                        NULL, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no team “Tier 9”.");
  g_clear_error (&error);
  n = qd_goals_assign_template (f->goals, csat, &ivo, 1, "2026-01-01", "2026-02-30", NAN, NULL, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_INVALID);
  g_clear_error (&error);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);

  /* A manual template to a selection, with a name twice and someone who
   * left. */
  {
    gint64 chosen[] = { ivo, emil, ivo, dora };

    n = qd_goals_assign_template (f->goals, cert, chosen, G_N_ELEMENTS (chosen), "2026-02-01", "2026-04-30",
                                  NAN, &skipped, &error);
    g_assert_no_error (error);
    g_assert_cmpint (n, ==, 2);
    g_assert_cmpuint (skipped->len, ==, 1);
    g_assert_cmpuint (count_skips (skipped, QD_GOAL_SKIP_LEFT, dora), ==, 1);
    g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals WHERE template_id = 2 "
                                 "AND manual_progress = 0 AND metric IS NULL"), ==, 2);
  }
}

static void
test_assign_atomic (Fixture       *f,
                    gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 bea = add_member (f, "Bea Roca", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 carl = add_member (f, "Carl Dunn", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 cert = add_template (f, "Complete the certification", NULL, NAN);
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_all (f);
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  gint n;

  /* Someone who is gone, after two who were already written. */
  {
    gint64 chosen[] = { ana, bea, 99999 };

    n = qd_goals_assign_template (f->goals, cert, chosen, 3, "2026-01-01", "2026-06-30", NAN, &skipped, &error);
    g_assert_cmpint (n, ==, -1);
    g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_NOT_FOUND);
    g_assert_null (skipped);
    g_clear_error (&error);
    after = dump_all (f);
    g_assert_cmpstr (after, ==, before);
  }

  /* The database failing on the second insert. */
  sql = g_strdup_printf ("CREATE TRIGGER fail_goal BEFORE INSERT ON goals WHEN NEW.member_id = %"
                         G_GINT64_FORMAT " BEGIN SELECT RAISE (ABORT, 'disk on fire'); END", bea);
  raw_exec (f, sql);
  g_clear_pointer (&before, g_free);
  before = dump_all (f);
  f->changed = 0;
  n = qd_goals_assign_template_to_team (f->goals, cert, "Tier 1", "2026-01-01", "2026-06-30", NAN,
                                        &skipped, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, QD_STORE_ERROR, QD_STORE_ERROR_CONSTRAINT);
  g_assert_null (skipped);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (f->changed, ==, 0);

  /* Without the fault it goes through for all three. */
  raw_exec (f, "DROP TRIGGER fail_goal");
  n = qd_goals_assign_template_to_team (f->goals, cert, "Tier 1", "2026-01-01", "2026-06-30", NAN,
                                        &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 3);
  g_assert_cmpuint (skipped->len, ==, 0);
  g_assert_cmpint (raw_int (f, "SELECT count(DISTINCT member_id) FROM goals"), ==, 3);
  (void) carl;
}

/* ---- development plans ---- */

static QdDevelopmentAction *
new_action (gint64      member,
            const char *title,
            gint64      owner,
            const char *due)
{
  QdDevelopmentAction *action = qd_development_action_new ();

  qd_development_action_set_member_id (action, member);
  qd_development_action_set_title (action, title);
  qd_development_action_set_owner_id (action, owner);
  qd_development_action_set_due_date (action, due);
  return action;
}

static void
assert_action_refused (Fixture             *f,
                       QdDevelopmentAction *action,
                       int                  code,
                       const char          *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_all (f);
  g_autofree char *after = NULL;

  g_assert_cmpint (qd_goals_add_action (f->goals, action, &error), ==, 0);
  g_assert_error (error, QD_GOALS_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 lukas = add_member (f, "Lukas Becker", "Tier 2", QD_MEMBER_STATUS_ACTIVE);
  gint64 nora = add_member (f, "Nora Kowalski", "Tier 1", QD_MEMBER_STATUS_LEFT);
  g_autoptr(GListModel) list = qd_goals_list_actions (f->goals, ana, 0, TODAY);
  g_autoptr(GListModel) by_review = NULL;
  g_autoptr(QdDevelopmentAction) action = NULL;
  g_autoptr(QdGoalsUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 shadow, course, someday, review;
  QdDevelopmentAction *item;

  action = new_action (ana, "  ", lukas, "2026-04-01");
  assert_action_refused (f, action, QD_GOALS_ERROR_INVALID,
                         "Say what is to be done: a development action cannot be empty.");
  qd_development_action_set_title (action, "Shadow Tier 2 on escalations");
  qd_development_action_set_owner_id (action, nora);
  assert_action_refused (f, action, QD_GOALS_ERROR_INVALID,
                         "Nora Kowalski has left the team, so they cannot own an action.");
  qd_development_action_set_owner_id (action, lukas);
  qd_development_action_set_due_date (action, "2026-13-01");
  assert_action_refused (f, action, QD_GOALS_ERROR_INVALID, "The date “2026-13-01” does not exist.");
  qd_development_action_set_due_date (action, "2026-03-01");
  qd_development_action_set_review_id (action, 42);
  assert_action_refused (f, action, QD_GOALS_ERROR_NOT_FOUND, "This review no longer exists.");
  qd_development_action_set_review_id (action, 0);
  qd_development_action_set_member_id (action, nora);
  assert_action_refused (f, action, QD_GOALS_ERROR_INVALID,
                         "Nora Kowalski has left the team, so their development plan is closed.");
  qd_development_action_set_member_id (action, ana);

  shadow = qd_goals_add_action (f->goals, action, &error);
  g_assert_no_error (error);
  g_clear_object (&action);
  action = new_action (ana, "Take the de-escalation course", 0, "2026-04-15");
  course = qd_goals_add_action (f->goals, action, &error);
  g_assert_no_error (error);
  g_clear_object (&action);
  action = new_action (ana, "Read the support handbook", ana, "");
  someday = qd_goals_add_action (f->goals, action, &error);
  g_assert_no_error (error);
  g_clear_object (&action);

  /* Open ones by due date, none last; the first is overdue. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpint (qd_development_action_get_id (item), ==, shadow);
  g_assert_true (qd_development_action_get_overdue (item));
  g_assert_cmpstr (qd_development_action_get_owner_name (item), ==, "Lukas Becker");
  g_assert_cmpstr (qd_development_action_get_member_name (item), ==, "Ana Ruiz");
  g_object_unref (item);
  item = g_list_model_get_item (list, 1);
  g_assert_cmpint (qd_development_action_get_id (item), ==, course);
  g_assert_false (qd_development_action_get_overdue (item));
  g_assert_cmpstr (qd_development_action_get_owner_name (item), ==, "");
  g_object_unref (item);
  item = g_list_model_get_item (list, 2);
  g_assert_cmpint (qd_development_action_get_id (item), ==, someday);
  g_assert_false (qd_development_action_get_overdue (item));
  g_object_unref (item);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM development_actions WHERE due_date IS NULL"), ==, 1);

  /* Done: no longer overdue, listed last, the same object. */
  item = g_list_model_get_item (list, 0);
  g_assert_true (qd_goals_set_action_done (f->goals, shadow, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (qd_development_action_get_done (item));
  g_assert_false (qd_development_action_get_overdue (item));
  {
    g_autoptr(QdDevelopmentAction) last = g_list_model_get_item (list, 2);
    g_assert_true (last == item);
  }
  g_object_unref (item);
  g_assert_cmpint (raw_int (f, "SELECT done FROM development_actions WHERE action = "
                               "'Shadow Tier 2 on escalations'"), ==, 1);

  /* Edit. */
  action = qd_goals_load_action (f->goals, course, TODAY, &error);
  g_assert_no_error (error);
  qd_development_action_set_due_date (action, "2026-03-10");
  g_assert_true (qd_goals_save_action (f->goals, action, &error));
  g_assert_no_error (error);
  g_clear_object (&action);
  action = qd_goals_load_action (f->goals, course, TODAY, &error);
  g_assert_true (qd_development_action_get_overdue (action));
  g_clear_object (&action);

  /* Tied to a review. */
  raw_exec (f, "INSERT INTO review_cycles (name, period_start, period_end) "
               "VALUES ('H1 2026', '2026-01-01', '2026-06-30')");
  review = raw_int (f, "SELECT last_insert_rowid ()");
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO reviews (cycle_id, member_id) VALUES (%" G_GINT64_FORMAT
                                            ", %" G_GINT64_FORMAT ")", review, ana);
    raw_exec (f, sql);
  }
  review = raw_int (f, "SELECT id FROM reviews");
  action = new_action (ana, "Lead the macro review", ana, "2026-05-01");
  qd_development_action_set_review_id (action, review);
  qd_goals_add_action (f->goals, action, &error);
  g_assert_no_error (error);
  g_clear_object (&action);
  by_review = qd_goals_list_actions (f->goals, 0, review, TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (by_review), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);

  /* Delete and undo: the same row. */
  raw_exec (f, "UPDATE development_actions SET created_at = '2025-12-01T08:30:00Z'");
  before = dump_all (f);
  undo = qd_goals_delete_action (f->goals, course, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qd_goals_undo_get_title (undo), ==, "Take the de-escalation course");
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM development_actions"), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_true (qd_goals_undo (f->goals, undo, &error));
  g_assert_no_error (error);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);

  g_assert_null (qd_goals_delete_action (f->goals, 999, &error));
  g_assert_error (error, QD_GOALS_ERROR, QD_GOALS_ERROR_NOT_FOUND);
}

/* ---- notes ---- */

static void
assert_note_refused (Fixture      *f,
                     QdMemberNote *note,
                     int           code,
                     const char   *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_all (f);
  g_autofree char *after = NULL;

  g_assert_cmpint (qd_notes_add_note (f->notes, note, &error), ==, 0);
  g_assert_error (error, QD_NOTES_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);
}

static char *
titles_of (GListModel *list)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QdMemberNote) note = g_list_model_get_item (list, i);
      g_string_append_printf (out, "%s %s|", qd_member_note_get_noted_on (note), qd_member_note_get_text (note));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 luis = add_member (f, "Luis Gil", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  g_autoptr(QdMemberNote) note = qd_member_note_new ();
  g_autoptr(GListModel) all = qd_notes_list (f->notes, ana, QD_NOTE_KINDS_ALL, NULL, NULL);
  g_autoptr(GListModel) feedback = NULL;
  g_autoptr(GListModel) period = NULL;
  g_autoptr(QdMemberNote) loaded = NULL;
  g_autoptr(QdNoteUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *future = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  gint64 praise, newest;
  QdMemberNote *held;

  assert_note_refused (f, note, QD_NOTES_ERROR_INVALID, "Choose who this note is about.");
  qd_member_note_set_member_id (note, 99999);
  assert_note_refused (f, note, QD_NOTES_ERROR_NOT_FOUND, "This team member no longer exists.");
  qd_member_note_set_member_id (note, ana);
  assert_note_refused (f, note, QD_NOTES_ERROR_INVALID, "Every note needs the day it is about.");
  qd_member_note_set_noted_on (note, "2025-02-29");
  assert_note_refused (f, note, QD_NOTES_ERROR_INVALID, "The date “2025-02-29” does not exist.");
  qd_member_note_set_noted_on (note, future);
  {
    g_autofree char *message =
      g_strdup_printf ("The day “%s” is still to come: a note is about something that happened.", future);
    assert_note_refused (f, note, QD_NOTES_ERROR_INVALID, message);
  }
  qd_member_note_set_noted_on (note, "2025-03-03");
  qd_member_note_set_text (note, " \n ");
  assert_note_refused (f, note, QD_NOTES_ERROR_INVALID, "A note cannot be empty.");
  g_clear_object (&note);

  add_note (f, ana, QD_NOTE_KIND_ONE_ON_ONE, "2025-01-15", "Talked about growth");
  praise = add_note (f, ana, QD_NOTE_KIND_PRAISE, "2025-02-03", "Thanked by a customer");
  add_note (f, ana, QD_NOTE_KIND_CONCERN, "2025-02-20", "Two rushed escalations");
  add_note (f, ana, QD_NOTE_KIND_NOTE, "2025-03-31", "Early shift from April");
  add_note (f, ana, QD_NOTE_KIND_PRAISE, "2025-03-31", "Covered the outage");
  add_note (f, luis, QD_NOTE_KIND_PRAISE, "2025-02-10", "Not about Ana");

  /* Newest first; the same day, the latest written first. */
  text = titles_of (all);
  g_assert_cmpstr (text, ==,
                   "2025-03-31 Covered the outage|2025-03-31 Early shift from April|"
                   "2025-02-20 Two rushed escalations|2025-02-03 Thanked by a customer|"
                   "2025-01-15 Talked about growth|");
  g_clear_pointer (&text, g_free);

  feedback = qd_notes_list (f->notes, ana,
                            QD_NOTE_KIND_MASK (QD_NOTE_KIND_PRAISE) | QD_NOTE_KIND_MASK (QD_NOTE_KIND_CONCERN),
                            NULL, NULL);
  text = titles_of (feedback);
  g_assert_cmpstr (text, ==,
                   "2025-03-31 Covered the outage|2025-02-20 Two rushed escalations|"
                   "2025-02-03 Thanked by a customer|");
  g_clear_pointer (&text, g_free);

  /* A review's period: both ends count. */
  period = qd_notes_list_for_period (f->notes, ana, "2025-02-03", "2025-03-30");
  text = titles_of (period);
  g_assert_cmpstr (text, ==, "2025-02-20 Two rushed escalations|2025-02-03 Thanked by a customer|");
  g_clear_pointer (&text, g_free);

  /* Edit: marked as edited, written time kept; the list's object follows. */
  held = g_list_model_get_item (period, 1);
  g_assert_false (qd_member_note_get_edited (held));
  loaded = qd_notes_load_note (f->notes, praise, &error);
  g_assert_no_error (error);
  qd_member_note_set_text (loaded, "Thanked by Acme by name");
  g_assert_true (qd_notes_save_note (f->notes, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (qd_member_note_get_text (held), ==, "Thanked by Acme by name");
  g_assert_true (qd_member_note_get_edited (held));
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM member_notes WHERE updated_at IS NOT NULL"), ==, 1);
  g_object_unref (held);

  /* Moving it out of the period takes it off that list. */
  qd_member_note_set_noted_on (loaded, "2025-04-01");
  g_assert_true (qd_notes_save_note (f->notes, loaded, &error));
  g_assert_cmpuint (g_list_model_get_n_items (period), ==, 1);
  qd_member_note_set_noted_on (loaded, "2025-02-03");
  g_assert_true (qd_notes_save_note (f->notes, loaded, &error));
  g_assert_cmpuint (g_list_model_get_n_items (period), ==, 2);

  /* Delete and undo: the very same row, written and edit times and all. */
  raw_exec (f, "UPDATE member_notes SET created_at = '2025-02-03T17:02:11Z', "
               "updated_at = '2025-02-04T09:00:00Z' WHERE text = 'Thanked by Acme by name'");
  before = dump_all (f);
  undo = qd_notes_delete_note (f->notes, praise, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qd_note_undo_get_member_name (undo), ==, "Ana Ruiz");
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM member_notes"), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (period), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);
  g_assert_true (qd_notes_undo (f->notes, undo, &error));
  g_assert_no_error (error);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (period), ==, 2);

  g_assert_false (qd_notes_undo (f->notes, undo, &error));
  g_assert_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);

  /* A new note never takes a deleted note's id, not even the newest's. */
  newest = add_note (f, ana, QD_NOTE_KIND_NOTE, "2025-04-02", "Newest");
  g_clear_pointer (&undo, qd_note_undo_free);
  undo = qd_notes_delete_note (f->notes, newest, &error);
  g_assert_no_error (error);
  g_assert_cmpint (add_note (f, ana, QD_NOTE_KIND_NOTE, "2025-04-03", "Newer still"), ==, newest + 1);
  g_assert_true (qd_notes_undo (f->notes, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM member_notes"), ==, 8);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM member_notes WHERE text = 'Newest'"), ==, 1);

  g_assert_null (qd_notes_delete_note (f->notes, 999, &error));
  g_assert_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_NOT_FOUND);
}

/* ---- the roster keeps people with history ---- */

static void
assert_delete_refused (Fixture    *f,
                       gint64      member,
                       const char *name,
                       const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_all (f);
  g_autofree char *after = NULL;
  QdRosterUndo *undo;

  undo = qd_roster_delete_member (f->roster, member, QD_REPORTS_UNASSIGN, &error);
  g_assert_null (undo);
  g_assert_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_HAS_HISTORY);
  /* The exact words are the roster's: the name, what is on record, and
   * the way out. */
  if (!g_str_has_prefix (error->message, name) ||
      strstr (error->message, what) == NULL ||
      !g_str_has_suffix (error->message, " on record. Set their status to “Left” to keep their history."))
    g_error ("“%s” does not tell about %s’s %s", error->message, name, what);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_roster_delete_refused (Fixture       *f,
                            gconstpointer  data)
{
  gint64 ana = add_member (f, "Ana Ruiz", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 lukas = add_member (f, "Lukas Becker", "Tier 2", QD_MEMBER_STATUS_ACTIVE);
  gint64 luis = add_member (f, "Luis Gil", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 bea = add_member (f, "Bea Roca", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  gint64 newbie = add_member (f, "New Person", "Tier 1", QD_MEMBER_STATUS_ACTIVE);
  g_autoptr(QdGoal) goal = manual_goal (ana, "Write ten articles", 0, "2026-01-01", "2026-06-30");
  g_autoptr(QdDevelopmentAction) action = new_action (luis, "Shadow Tier 2", lukas, "");
  g_autoptr(GError) error = NULL;
  QdRosterUndo *undo;

  add_goal (f, goal);
  assert_delete_refused (f, ana, "Ana Ruiz", "goals");
  add_note (f, ana, QD_NOTE_KIND_ONE_ON_ONE, "2025-01-15", "Talked about growth");
  assert_delete_refused (f, ana, "Ana Ruiz", "notes");

  /* Notes alone are enough. */
  add_note (f, bea, QD_NOTE_KIND_PRAISE, "2025-02-03", "Thanked by a customer");
  assert_delete_refused (f, bea, "Bea Roca", "notes");

  /* Owning someone else's action counts too. */
  qd_goals_add_action (f->goals, action, &error);
  g_assert_no_error (error);
  assert_delete_refused (f, lukas, "Lukas Becker", "development actions");
  assert_delete_refused (f, luis, "Luis Gil", "development actions");

  /* Someone without any is removed as before. */
  undo = qd_roster_delete_member (f->roster, newbie, QD_REPORTS_UNASSIGN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  qd_roster_undo_free (undo);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 4);
}

/* ---- demo ---- */

static char *
fill_demo (const char *dir_name,
           const char *today,
           char      **counts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (dir_name, &error);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(QdStore) store = qd_store_open (path, &error);
  g_autoptr(QdGoals) goals = NULL;
  g_autoptr(GListModel) all = NULL;
  Fixture f = { 0 };
  char *dump;
  guint overdue = 0, measured = 0, unmeasured = 0;

  g_assert_no_error (error);
  g_assert_true (qd_store_begin (store, &error));
  g_assert_true (_qd_demo_fill_roster (store, &error));
  g_assert_no_error (error);
  g_assert_true (qd_store_commit (store, &error));

  /* The roster demo's KPI data is dated around the real today: replace
   * it with one roll-up of our own, so the result depends on @today only.
   * Ana's own CSAT before her goal starts becomes her baseline. */
  g_assert_cmpint (sqlite3_open_v2 (path, &f.db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  raw_exec (&f, "DELETE FROM metric_values");
  /* The roster demo also brings goals, plans, notes and reviews dated
   * around the real today: start the goals part again from @today. */
  raw_exec (&f, "DELETE FROM development_actions");
  raw_exec (&f, "DELETE FROM member_notes");
  raw_exec (&f, "DELETE FROM goals");
  raw_exec (&f, "DELETE FROM goal_templates");
  raw_exec (&f, "DELETE FROM sqlite_sequence WHERE name IN "
                "('goal_templates', 'goals', 'development_actions', 'member_notes')");
  raw_exec (&f, "INSERT INTO metric_values (metric, scope, scope_id, period, period_start, value) "
                "SELECT 'csat', 'member', id, 'week', '2025-08-25', 89.54 FROM members WHERE name = 'Ana Ruiz'");

  g_assert_true (qd_store_begin (store, &error));
  g_assert_true (_qd_demo_fill_goals_at (store, today, &error));
  g_assert_no_error (error);
  g_assert_true (qd_store_commit (store, &error));

  goals = qd_goals_new (store, NULL);
  all = qd_goals_list_goals (goals, 0, today);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(QdGoal) goal = g_list_model_get_item (all, i);

      g_assert_cmpstr (qd_goal_get_progress_label (goal), !=, "");
      if (qd_goal_get_overdue (goal))
        overdue++;
      if (qd_goal_get_measured (goal))
        {
          g_assert_true (isfinite (qd_goal_get_baseline (goal)));
          measured++;
        }
      if (isnan (qd_goal_get_progress (goal)))
        unmeasured++;
    }

  *counts = g_strdup_printf ("%" G_GINT64_FORMAT " templates, %u goals (%u measured, %u overdue, %u without data), "
                             "%" G_GINT64_FORMAT " actions, %" G_GINT64_FORMAT " notes, %" G_GINT64_FORMAT " in the future",
                             raw_int (&f, "SELECT count(*) FROM goal_templates"),
                             g_list_model_get_n_items (all), measured, overdue, unmeasured,
                             raw_int (&f, "SELECT count(*) FROM development_actions"),
                             raw_int (&f, "SELECT count(*) FROM member_notes"),
                             raw_int (&f, "SELECT count(*) FROM member_notes WHERE noted_on > date ('now')"));
  {
    g_autofree char *g = raw_text (&f, "SELECT m.name || '|' || g.title || '|' || quote (g.template_id) || '|' || "
                                       "quote (g.baseline_value) || '|' || quote (g.manual_progress) || '|' || "
                                       "g.start_date || '|' || g.due_date || '|' || g.status "
                                       "FROM goals g JOIN members m ON m.id = g.member_id ORDER BY g.id");
    g_autofree char *a = raw_text (&f, "SELECT member_id || '|' || action || '|' || quote (owner_id) || '|' || "
                                       "quote (due_date) || '|' || done FROM development_actions ORDER BY id");
    g_autofree char *n = raw_text (&f, "SELECT member_id || '|' || kind || '|' || noted_on || '|' || text "
                                       "FROM member_notes ORDER BY id");
    dump = g_strjoin ("--\n", g, a, n, NULL);
  }
  sqlite3_close (f.db);

  g_clear_object (&all);
  g_clear_object (&goals);
  g_clear_object (&store);
  remove_tree (dir);
  return dump;
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *counts = NULL;
  g_autofree char *again_counts = NULL;
  g_autofree char *first = fill_demo ("qd-test-demo-a-XXXXXX", "2025-11-20", &counts);
  g_autofree char *again = fill_demo ("qd-test-demo-b-XXXXXX", "2025-11-20", &again_counts);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (counts, ==,
                   "3 templates, 14 goals (7 measured, 1 overdue, 7 without data), "
                   "8 actions, 13 notes, 0 in the future");
  g_assert_cmpstr (again, ==, first);
  g_assert_nonnull (strstr (first, "Ana Ruiz|Lift CSAT to 95 %|1|89.5|NULL|2025-09-01|2026-02-28|active\n"));
  g_assert_nonnull (strstr (first, "Amara Diallo|Lift CSAT to 95 %|1|90.0|NULL|2025-09-01|2026-02-28|active\n"));
  g_assert_nonnull (strstr (first, "Kevin Nguyen|Complete the product certification|3|NULL|20.0|2025-06-01|2025-11-10|active\n"));

  /* Without the demo team, nothing to give goals to. */
  g_assert_true (qd_store_begin (f->store, &error));
  g_assert_true (_qd_demo_fill_goals_at (f->store, "2025-11-20", &error));
  g_assert_no_error (error);
  g_assert_true (qd_store_commit (f->store, &error));
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM goals"), ==, 0);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM member_notes"), ==, 0);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/goals/validation", test_goal_validation);
  ADD ("/goals/progress/metric", test_progress_metric);
  ADD ("/goals/progress/manual", test_progress_manual);
  ADD ("/goals/overdue-and-status", test_goal_overdue_and_status);
  ADD ("/goals/list-and-undo", test_goal_list_and_undo);
  ADD ("/goals/templates/crud", test_templates_crud);
  ADD ("/goals/templates/assign-team", test_assign_team);
  ADD ("/goals/templates/assign-atomic", test_assign_atomic);
  ADD ("/goals/development-actions", test_actions);
  ADD ("/notes/crud-undo-filter", test_notes);
  ADD ("/roster/delete-refused-with-goal-history", test_roster_delete_refused);
  ADD ("/goals/demo", test_demo);

  return g_test_run ();
}
