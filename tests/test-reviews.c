/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-reviews"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-calibration.h"
#include "qd-demo-reviews.h"
#include "qd-feedback-import.h"
#include "qd-member.h"
#include "qd-review-list.h"
#include "qd-reviews.h"
#include "qd-roster.h"
#include "qd-store.h"

/* Each test gets a new database in its own temporary folder, a roster
 * and the reviews service on it, and a second, plain SQLite connection to
 * look at what the file holds, as the user would find it after closing
 * Quarterdeck. Numbers in the score tests are worked out by hand in the
 * comments next to them. */

typedef struct
{
  char      *dir;
  char      *path;
  QdStore   *store;
  QdRoster  *roster;
  QdReviews *reviews;
  sqlite3   *db;
  guint      n_changed;
  /* The small team most tests use */
  gint64     marta;      /* head of support */
  gint64     tomas;      /* team lead, reports to Marta */
  gint64     grace;      /* team lead, reports to Marta */
  gint64     ana;        /* agents of Tomás */
  gint64     oliver;
  gint64     fatima;
  gint64     marcus;     /* agents of Grace */
  gint64     camila;
  gint64     ethan;
  gint64     nora;       /* on leave, Tomás */
  gint64     diego;      /* left, Grace */
} Fixture;

/* ---- fixture ---- */

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
add_member (Fixture        *f,
            const char     *name,
            const char     *level,
            gint64          boss,
            QdMemberStatus  status)
{
  g_autoptr(QdMember) member = qd_member_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *local = g_strdelimit (g_ascii_strdown (ascii, -1), " ", '.');
  g_autofree char *email = g_strconcat (local, "@example.com", NULL);
  QdMemberLevel member_level = QD_MEMBER_LEVEL_AGENT;
  gint64 id;

  qd_member_level_from_nick (level, &member_level);
  qd_member_set_name (member, name);
  qd_member_set_email (member, email);
  qd_member_set_level (member, member_level);
  qd_member_set_reports_to (member, boss);
  qd_member_set_team (member, "Tier 1");
  id = qd_roster_add_member (f->roster, member, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  if (status != QD_MEMBER_STATUS_ACTIVE)
    {
      g_autoptr(QdMember) stored = qd_roster_load_member (f->roster, id, &error);
      g_assert_no_error (error);
      qd_member_set_status (stored, status);
      qd_roster_save_member (f->roster, stored, &error);
      g_assert_no_error (error);
    }
  return id;
}

static void
changed_cb (QdReviews *reviews,
            Fixture   *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("qd-test-reviews-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "quarterdeck.db", NULL);
  f->store = qd_store_open (f->path, &error);
  g_assert_no_error (error);
  f->roster = qd_roster_new (f->store);
  f->reviews = qd_reviews_new (f->store);
  g_signal_connect (f->reviews, "changed", G_CALLBACK (changed_cb), f);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_exec (f->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

  if (data == NULL)
    {
      f->marta = add_member (f, "Marta Iglesias", "director", 0, QD_MEMBER_STATUS_ACTIVE);
      f->tomas = add_member (f, "Tomás Herrera", "team-lead", f->marta, QD_MEMBER_STATUS_ACTIVE);
      f->grace = add_member (f, "Grace Mensah", "team-lead", f->marta, QD_MEMBER_STATUS_ACTIVE);
      f->ana = add_member (f, "Ana Ruiz", "agent", f->tomas, QD_MEMBER_STATUS_ACTIVE);
      f->oliver = add_member (f, "Oliver Hughes", "agent", f->tomas, QD_MEMBER_STATUS_ACTIVE);
      f->fatima = add_member (f, "Fatima Zahra", "agent", f->tomas, QD_MEMBER_STATUS_ACTIVE);
      f->marcus = add_member (f, "Marcus Johnson", "agent", f->grace, QD_MEMBER_STATUS_ACTIVE);
      f->camila = add_member (f, "Camila Souza", "agent", f->grace, QD_MEMBER_STATUS_ACTIVE);
      f->ethan = add_member (f, "Ethan Brooks", "agent", f->grace, QD_MEMBER_STATUS_ACTIVE);
      f->nora = add_member (f, "Nora Kowalski", "agent", f->tomas, QD_MEMBER_STATUS_ON_LEAVE);
      f->diego = add_member (f, "Diego Castillo", "agent", f->grace, QD_MEMBER_STATUS_LEFT);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (sqlite3_close (f->db), ==, SQLITE_OK);
  g_assert_finalize_object (f->reviews);
  g_assert_finalize_object (f->roster);
  g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- raw looks at the file ---- */

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of @sql as text, to compare the file before and after. */
static char *
raw_dump (sqlite3    *db,
          const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, c);
          g_string_append_printf (out, "%s|", text != NULL ? (const char *) text : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static char *
dump_reviews (Fixture *f)
{
  g_autofree char *a = raw_dump (f->db, "SELECT * FROM review_cycles ORDER BY id");
  g_autofree char *b = raw_dump (f->db, "SELECT * FROM reviews ORDER BY id");
  g_autofree char *c = raw_dump (f->db, "SELECT * FROM review_ratings ORDER BY review_id, competency_id, source");
  g_autofree char *d = raw_dump (f->db, "SELECT * FROM feedback_responses ORDER BY id");
  g_autofree char *e = raw_dump (f->db, "SELECT * FROM feedback_ratings ORDER BY response_id, competency_id");

  return g_strconcat (a, b, c, d, e, NULL);
}

static int
raw_exec (sqlite3    *db,
          const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL);
}

/* ---- helpers through the API ---- */

static gint64
add_cycle_full (Fixture            *f,
                const char         *name,
                const char         *start,
                const char         *end,
                gint64              template_id,
                QdParticipantsRule  rule)
{
  g_autoptr(QdReviewCycle) cycle = qd_review_cycle_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  qd_review_cycle_set_name (cycle, name);
  qd_review_cycle_set_period_start (cycle, start);
  qd_review_cycle_set_period_end (cycle, end);
  qd_review_cycle_set_self_due (cycle, "2026-10-07");
  qd_review_cycle_set_manager_due (cycle, "2026-10-14");
  qd_review_cycle_set_calibration_due (cycle, "2026-10-21");
  qd_review_cycle_set_template_id (cycle, template_id);
  qd_review_cycle_set_participants_rule (cycle, rule);
  id = qd_reviews_add_cycle (f->reviews, cycle, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_q3 (Fixture *f,
        gint64   template_id)
{
  return add_cycle_full (f, "2026 Q3", "2026-07-01", "2026-09-30", template_id, QD_PARTICIPANTS_ALL_ACTIVE);
}

static void
open_cycle (Fixture *f,
            gint64   cycle)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (qd_reviews_open_cycle (f->reviews, cycle, &error));
  g_assert_no_error (error);
}

static gint64
review_of (Fixture *f,
           gint64   cycle,
           gint64   member)
{
  g_autoptr(GError) error = NULL;
  gint64 id = qd_reviews_find_review (f->reviews, cycle, member, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
competency_id (Fixture    *f,
               gint64      cycle_id,
               const char *name)
{
  g_autoptr(QdReviewCycle) cycle = qd_reviews_load_cycle (f->reviews, cycle_id, NULL);
  GListModel *competencies = qd_review_cycle_get_competencies (cycle);

  for (guint i = 0; i < g_list_model_get_n_items (competencies); i++)
    {
      g_autoptr(QdReviewCompetency) c = g_list_model_get_item (competencies, i);
      if (g_strcmp0 (qd_review_competency_get_name (c), name) == 0)
        return qd_review_competency_get_id (c);
    }
  g_assert_not_reached ();
  return 0;
}

static void
to_manager_review (Fixture *f,
                   gint64   review)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (qd_reviews_set_review_status (f->reviews, review, QD_REVIEW_STATUS_MANAGER_REVIEW, &error));
  g_assert_no_error (error);
}

static void
set_manager_rating (Fixture    *f,
                    gint64      review,
                    gint64      competency,
                    guint       rating)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (qd_reviews_set_rating (f->reviews, review, competency, QD_RATING_SOURCE_MANAGER, rating, "", &error));
  g_assert_no_error (error);
}

/* Manager review with an overall rating, submitted. */
static void
rate_and_submit (Fixture *f,
                 gint64   review,
                 double   overall)
{
  g_autoptr(GError) error = NULL;

  to_manager_review (f, review);
  g_assert_true (qd_reviews_set_overall_rating (f->reviews, review, overall, &error));
  g_assert_no_error (error);
  g_assert_true (qd_reviews_submit_manager_review (f->reviews, review, &error));
  g_assert_no_error (error);
}

static void
assert_score_text (Fixture    *f,
                   gint64      review,
                   double      final,
                   const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  QdReviewScore score;

  g_assert_true (qd_reviews_get_score (f->reviews, review, &score, &error));
  g_assert_no_error (error);
  if (isnan (final))
    g_assert_true (isnan (score.final));
  else
    g_assert_cmpfloat_with_epsilon (score.final, final, 1e-9);
  described = qd_review_describe_score (&score);
  g_assert_cmpstr (described, ==, text);
}

static gint64
make_template (Fixture    *f,
               const char *name,
               guint       points,
               double      competencies,
               double      kpis,
               double      goals)
{
  g_autoptr(GError) error = NULL;
  gint64 id = qd_reviews_add_template (f->reviews, name, points, &error);

  g_assert_no_error (error);
  g_assert_true (qd_reviews_set_template_weights (f->reviews, id, competencies, kpis, goals, &error));
  g_assert_no_error (error);
  return id;
}

static void
add_competency (Fixture    *f,
                gint64      template_id,
                const char *group,
                const char *name,
                double      weight)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (qd_reviews_add_competency (f->reviews, template_id, group, name, "", weight, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_manual_goal (Fixture    *f,
                 gint64      member,
                 double      progress,
                 const char *start,
                 const char *due,
                 const char *status)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO goals (member_id, title, manual_progress, start_date, "
                                          "due_date, status) VALUES (%" G_GINT64_FORMAT ", 'A goal', %g, '%s', '%s', '%s')",
                                          member, progress, start, due, status);
  g_assert_cmpint (raw_exec (f->db, sql), ==, SQLITE_OK);
}

/* ---- the score formula ---- */

static void
test_score_pure (void)
{
  QdReviewScore score;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  /* (3.9 × 60 + 3.5 × 20) ÷ 80 = 304 ÷ 80 = 3.8; KPIs missing are left
   * out, not counted as 0 (which would give 304 ÷ 100 = 3.04). */
  qd_review_score_init (&score, 5, 60, 20, 20);
  qd_review_score_set_section (&score, QD_REVIEW_SECTION_COMPETENCIES, 3.9);
  qd_review_score_set_section (&score, QD_REVIEW_SECTION_GOALS, 3.5);
  qd_review_score_compute (&score);
  g_assert_cmpfloat_with_epsilon (score.final, 3.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.weight_used, 80, 1e-9);
  a = qd_review_describe_score (&score);
  g_assert_cmpstr (a, ==, "Final 3.8 of 5 = (Competencies 3.9 × 60 + Goals 3.5 × 20) ÷ 80; KPIs not scored, left out.");

  /* All three: (4 × 60 + 3 × 20 + 2 × 20) ÷ 100 = 340 ÷ 100 = 3.4 */
  qd_review_score_set_section (&score, QD_REVIEW_SECTION_COMPETENCIES, 4);
  qd_review_score_set_section (&score, QD_REVIEW_SECTION_KPIS, 3);
  qd_review_score_set_section (&score, QD_REVIEW_SECTION_GOALS, 2);
  qd_review_score_compute (&score);
  g_assert_cmpfloat_with_epsilon (score.final, 3.4, 1e-9);
  b = qd_review_describe_score (&score);
  g_assert_cmpstr (b, ==, "Final 3.4 of 5 = (Competencies 4.0 × 60 + KPIs 3.0 × 20 + Goals 2.0 × 20) ÷ 100.");

  /* A section weighing 0 does not count even when scored:
   * (4 × 100) ÷ 100 = 4. */
  qd_review_score_init (&score, 5, 100, 0, 0);
  qd_review_score_set_section (&score, QD_REVIEW_SECTION_COMPETENCIES, 4);
  qd_review_score_set_section (&score, QD_REVIEW_SECTION_KPIS, 1);
  qd_review_score_compute (&score);
  g_assert_cmpfloat_with_epsilon (score.final, 4, 1e-9);
  c = qd_review_describe_score (&score);
  g_assert_cmpstr (c, ==, "Final 4.0 of 5 = (Competencies 4.0 × 100) ÷ 100; KPIs weigh 0, left out; Goals weigh 0, left out.");

  /* Nothing scored: no final score at all, not 0. */
  qd_review_score_init (&score, 5, 60, 20, 20);
  qd_review_score_compute (&score);
  g_assert_true (isnan (score.final));
  d = qd_review_describe_score (&score);
  g_assert_cmpstr (d, ==, "No final score yet: no section is scored.");
}

/* A 3-point scale, weights 50/25/25. Competencies A (weight 2) rated 3,
 * B (1) rated 2, C (1) left out: (3 × 2 + 2 × 1) ÷ 3 = 8/3 = 2.667.
 * KPI rating 2. One goal at 75 %: 1 + 0.75 × (3 − 1) = 2.5.
 * Final (8/3 × 50 + 2 × 25 + 2.5 × 25) ÷ 100 = (133.33 + 50 + 62.5) ÷ 100
 * = 2.4583. */
static void
test_score_three_points (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 template = make_template (f, "Three", 3, 50, 25, 25);
  gint64 cycle, review;

  add_competency (f, template, "Core", "A", 2);
  add_competency (f, template, "Core", "B", 1);
  add_competency (f, template, "Core", "C", 1);
  cycle = add_q3 (f, template);
  open_cycle (f, cycle);
  review = review_of (f, cycle, f->ana);
  to_manager_review (f, review);
  set_manager_rating (f, review, competency_id (f, cycle, "A"), 3);
  set_manager_rating (f, review, competency_id (f, cycle, "B"), 2);
  set_manager_rating (f, review, competency_id (f, cycle, "C"), 0);
  g_assert_true (qd_reviews_set_kpi_rating (f->reviews, review, 2, &error));
  g_assert_no_error (error);
  add_manual_goal (f, f->ana, 75, "2026-07-01", "2026-09-30", "active");

  assert_score_text (f, review, (8.0 / 3 * 50 + 2 * 25 + 2.5 * 25) / 100,
                     "Final 2.5 of 3 = (Competencies 2.7 × 50 + KPIs 2.0 × 25 + Goals 2.5 × 25) ÷ 100.");

  /* A rating off the 3-point scale is refused. */
  g_assert_false (qd_reviews_set_rating (f->reviews, review, competency_id (f, cycle, "A"),
                                         QD_RATING_SOURCE_MANAGER, 4, "", &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
}

/* A 4-point scale, weights 70/30/0: competencies 4, 3, 3 of equal weight
 * = 10/3 = 3.333; no KPI rating; goals weigh 0 so their 100 % does not
 * count. Final 3.333. */
static void
test_score_four_points (Fixture       *f,
                        gconstpointer  data)
{
  gint64 template = make_template (f, "Four", 4, 70, 30, 0);
  gint64 cycle, review;

  add_competency (f, template, "Core", "A", 1);
  add_competency (f, template, "Core", "B", 1);
  add_competency (f, template, "Core", "C", 1);
  cycle = add_q3 (f, template);
  open_cycle (f, cycle);
  review = review_of (f, cycle, f->ana);
  to_manager_review (f, review);
  set_manager_rating (f, review, competency_id (f, cycle, "A"), 4);
  set_manager_rating (f, review, competency_id (f, cycle, "B"), 3);
  set_manager_rating (f, review, competency_id (f, cycle, "C"), 3);
  add_manual_goal (f, f->ana, 100, "2026-07-01", "2026-09-30", "achieved");

  assert_score_text (f, review, 10.0 / 3,
                     "Final 3.3 of 4 = (Competencies 3.3 × 70) ÷ 70; KPIs not scored, left out; Goals weigh 0, left out.");
}

/* The default 5-point template, 60/20/20. Self ratings only: the
 * competencies section is not scored (self ratings are shown, never
 * scored). KPI rating 4. No goals. Final = 4 × 20 ÷ 20 = 4. Then one
 * manager rating of 2 (all competencies weigh 1): (2 × 60 + 4 × 20) ÷ 80
 * = 200 ÷ 80 = 2.5. */
static void
test_score_five_points (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 cycle = add_q3 (f, 0);
  gint64 review, empathy;

  open_cycle (f, cycle);
  review = review_of (f, cycle, f->ana);
  empathy = competency_id (f, cycle, "Empathy");

  g_assert_true (qd_reviews_set_rating (f->reviews, review, empathy, QD_RATING_SOURCE_SELF, 5, "I listen.", &error));
  g_assert_no_error (error);
  assert_score_text (f, review, NAN, "No final score yet: no section is scored.");

  to_manager_review (f, review);
  g_assert_true (qd_reviews_set_kpi_rating (f->reviews, review, 4, &error));
  g_assert_no_error (error);
  assert_score_text (f, review, 4,
                     "Final 4.0 of 5 = (KPIs 4.0 × 20) ÷ 20; Competencies not scored, left out; Goals not scored, left out.");

  set_manager_rating (f, review, empathy, 2);
  assert_score_text (f, review, 2.5,
                     "Final 2.5 of 5 = (Competencies 2.0 × 60 + KPIs 4.0 × 20) ÷ 80; Goals not scored, left out.");
}

/* A 10-point scale, 60/20/20. Ratings 8 (weight 1) and 6 (weight 3):
 * (8 + 18) ÷ 4 = 6.5. KPI 7. Goals at 40 % and 80 %, mean 60 %:
 * 1 + 0.6 × 9 = 6.4. A dropped goal and one outside the period do not
 * count. Final (6.5 × 60 + 7 × 20 + 6.4 × 20) ÷ 100 = 658 ÷ 100 = 6.58. */
static void
test_score_ten_points (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 template = make_template (f, "Ten", 10, 60, 20, 20);
  gint64 cycle, review;

  add_competency (f, template, "Core", "A", 1);
  add_competency (f, template, "Core", "B", 3);
  cycle = add_q3 (f, template);
  open_cycle (f, cycle);
  review = review_of (f, cycle, f->ana);
  to_manager_review (f, review);
  set_manager_rating (f, review, competency_id (f, cycle, "A"), 8);
  set_manager_rating (f, review, competency_id (f, cycle, "B"), 6);
  g_assert_true (qd_reviews_set_kpi_rating (f->reviews, review, 7, &error));
  g_assert_no_error (error);
  add_manual_goal (f, f->ana, 40, "2026-06-01", "2026-08-31", "active");
  add_manual_goal (f, f->ana, 80, "2026-09-01", "2026-12-31", "active");
  add_manual_goal (f, f->ana, 0, "2026-07-01", "2026-09-30", "dropped");
  add_manual_goal (f, f->ana, 0, "2026-01-01", "2026-03-31", "missed");

  assert_score_text (f, review, 6.58,
                     "Final 6.6 of 10 = (Competencies 6.5 × 60 + KPIs 7.0 × 20 + Goals 6.4 × 20) ÷ 100.");
}

/* Goal progress: manual 40 %, and a CSAT goal from 80 to 100 whose latest
 * weekly roll-up in the period is 90: 50 %. Mean 45 %. Without goals: NAN. */
static void
test_goals_score (Fixture       *f,
                  gconstpointer  data)
{
  add_manual_goal (f, f->ana, 40, "2026-07-01", "2026-09-30", "active");
  g_assert_cmpint (raw_exec (f->db, "INSERT INTO goals (member_id, title, metric, baseline_value, target_value, "
                                    "start_date, due_date) SELECT id, 'CSAT up', 'csat', 80, 100, '2026-07-01', "
                                    "'2026-09-30' FROM members WHERE name = 'Ana Ruiz'"), ==, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->db, "INSERT INTO metric_values (metric, scope, scope_id, period, period_start, value) "
                                    "SELECT 'csat', 'member', id, 'week', '2026-08-03', 70 FROM members WHERE name = 'Ana Ruiz';"
                                    "INSERT INTO metric_values (metric, scope, scope_id, period, period_start, value) "
                                    "SELECT 'csat', 'member', id, 'week', '2026-09-07', 90 FROM members WHERE name = 'Ana Ruiz';"
                                    "INSERT INTO metric_values (metric, scope, scope_id, period, period_start, value) "
                                    "SELECT 'csat', 'member', id, 'week', '2026-10-05', 100 FROM members WHERE name = 'Ana Ruiz'"),
                   ==, SQLITE_OK);

  g_assert_cmpfloat_with_epsilon (qd_reviews_goals_score (f->reviews, f->ana, "2026-07-01", "2026-09-30"), 45, 1e-9);
  /* Measured up to the end of August, the CSAT goal stands at 70: 0 %. */
  g_assert_cmpfloat_with_epsilon (qd_reviews_goals_score (f->reviews, f->ana, "2026-07-01", "2026-08-31"), 20, 1e-9);
  g_assert_true (isnan (qd_reviews_goals_score (f->reviews, f->oliver, "2026-07-01", "2026-09-30")));
  g_assert_true (isnan (qd_reviews_goals_score (f->reviews, f->ana, "2025-01-01", "2025-03-31")));
  g_assert_cmpfloat_with_epsilon (qd_review_scale_from_percent (5, 45), 2.8, 1e-9);
}

/* ---- bands and tiers ---- */

static void
test_bands (void)
{
  /* points → the bottom band's top point and the top band's lowest */
  static const struct { guint points; guint bottom_to; guint top_from; } bands[] = {
    { 2, 1, 2 }, { 3, 1, 3 }, { 4, 1, 4 }, { 5, 2, 4 }, { 6, 2, 5 },
    { 7, 2, 6 }, { 8, 3, 6 }, { 9, 3, 7 }, { 10, 3, 8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      guint lo, hi;

      g_assert_true (qd_review_scale_tier_range (bands[i].points, QD_TIER_BOTTOM, &lo, &hi));
      g_assert_cmpuint (lo, ==, 1);
      g_assert_cmpuint (hi, ==, bands[i].bottom_to);
      g_assert_true (qd_review_scale_tier_range (bands[i].points, QD_TIER_TOP, &lo, &hi));
      g_assert_cmpuint (lo, ==, bands[i].top_from);
      g_assert_cmpuint (hi, ==, bands[i].points);
      g_assert_cmpint (qd_review_scale_tier_range (bands[i].points, QD_TIER_MIDDLE, &lo, &hi), ==,
                       bands[i].points > 2);
    }

  g_assert_cmpint (qd_review_scale_tier (5, 3.5), ==, QD_TIER_MIDDLE);
  g_assert_cmpint (qd_review_scale_tier (5, 3.9), ==, QD_TIER_TOP);
  g_assert_cmpstr (qd_review_tier_to_action (QD_TIER_TOP), ==, "Recognise");
  g_assert_cmpstr (qd_review_tier_to_action (QD_TIER_MIDDLE), ==, "Coach");
  g_assert_cmpstr (qd_review_tier_to_action (QD_TIER_BOTTOM), ==, "Personalised training and mentoring");
}

/* ---- templates ---- */

static void
test_template_default (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) templates = qd_reviews_list_templates (f->reviews, &error);
  g_autoptr(GListModel) again = NULL;
  g_autoptr(QdReviewTemplate) template = NULL;
  g_auto(GStrv) groups = NULL;
  const char *groups_wanted[] = { "Technical", "Soft", "Business", NULL };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 1);
  template = g_list_model_get_item (templates, 0);
  g_assert_cmpstr (qd_review_template_get_name (template), ==, "Support team");
  g_assert_cmpuint (qd_review_template_get_scale_points (template), ==, 5);
  g_assert_cmpstr (qd_review_template_get_scale_label (template, 1), ==, "Needs improvement");
  g_assert_cmpstr (qd_review_template_get_scale_label (template, 3), ==, "Meets expectations");
  g_assert_cmpstr (qd_review_template_get_scale_label (template, 5), ==, "Outstanding");
  g_assert_cmpfloat (qd_review_template_get_section_weight (template, QD_REVIEW_SECTION_COMPETENCIES), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (qd_review_template_get_competencies (template)), ==, 12);
  groups = qd_review_template_dup_groups (template);
  g_assert_cmpstrv (groups, groups_wanted);

  /* On disk, and made only once. */
  again = qd_reviews_list_templates (f->reviews, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM review_templates"), ==, 1);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM template_competencies WHERE group_name = 'Soft' "
                                   "AND name IN ('Communication', 'Empathy', 'Problem-solving', 'Leadership')"), ==, 4);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM template_scale_labels"), ==, 5);

  /* Defaults for 3, 4 and 10 points */
  {
    g_auto(GStrv) three = qd_review_scale_default_labels (3);
    g_auto(GStrv) four = qd_review_scale_default_labels (4);
    g_auto(GStrv) ten = qd_review_scale_default_labels (10);

    g_assert_cmpuint (g_strv_length (three), ==, 3);
    g_assert_cmpuint (g_strv_length (four), ==, 4);
    g_assert_cmpuint (g_strv_length (ten), ==, 10);
    g_assert_cmpstr (three[1], ==, "Meets expectations");
    g_assert_cmpstr (ten[9], ==, "Exceptional");
  }
}

static void
test_template_edit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdReviewTemplate) template = NULL;
  g_autoptr(QdReviewCompetency) first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *three[] = { "Low", "Mid", "High", NULL };
  const char *twice[] = { "Low", "low", "High", NULL };
  gint64 id, a, b, c;

  id = make_template (f, "Tier 2", 5, 50, 30, 20);
  a = qd_reviews_add_competency (f->reviews, id, " Technical ", " Debugging ", "", 2, &error);
  g_assert_no_error (error);
  b = qd_reviews_add_competency (f->reviews, id, "Technical", "APIs", "", 1, &error);
  g_assert_no_error (error);
  c = qd_reviews_add_competency (f->reviews, id, "Soft", "Writing", "", 1, &error);
  g_assert_no_error (error);

  before = raw_dump (f->db, "SELECT * FROM review_templates, template_competencies, template_scale_labels");

  /* Refused, and nothing changes on disk. */
  g_assert_cmpint (qd_reviews_add_competency (f->reviews, id, "Soft", "debugging", "", 1, &error), ==, 0);
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (qd_reviews_add_competency (f->reviews, id, "Soft", "Zero", "", 0, &error), ==, 0);
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (qd_reviews_add_competency (f->reviews, id, "", "No group", "", 1, &error), ==, 0);
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (qd_reviews_update_competency (f->reviews, c, "Soft", "APIs", "", 1, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (qd_reviews_set_template_weights (f->reviews, id, 50, 30, 30, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "110"));
  g_clear_error (&error);
  g_assert_false (qd_reviews_set_template_weights (f->reviews, id, 120, -10, -10, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (qd_reviews_set_template_scale (f->reviews, id, 11, NULL, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (qd_reviews_set_template_scale (f->reviews, id, 1, NULL, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (qd_reviews_set_template_scale (f->reviews, id, 4, three, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (qd_reviews_set_template_scale (f->reviews, id, 3, twice, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (qd_reviews_add_template (f->reviews, "tier 2", 5, &error), ==, 0);
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);

  after = raw_dump (f->db, "SELECT * FROM review_templates, template_competencies, template_scale_labels");
  g_assert_cmpstr (before, ==, after);

  /* Accepted: rename, reweight, rescale, move, remove. */
  g_assert_true (qd_reviews_update_competency (f->reviews, a, "Technical", "Debugging and logs", "Reads logs.", 3, &error));
  g_assert_no_error (error);
  g_assert_true (qd_reviews_set_template_scale (f->reviews, id, 3, three, &error));
  g_assert_no_error (error);
  g_assert_true (qd_reviews_set_template_weights (f->reviews, id, 40, 40, 20, &error));
  g_assert_no_error (error);
  g_assert_true (qd_reviews_move_competency (f->reviews, c, 0, &error));
  g_assert_no_error (error);
  g_assert_true (qd_reviews_remove_competency (f->reviews, b, &error));
  g_assert_no_error (error);
  g_assert_true (qd_reviews_rename_template (f->reviews, id, "Tier 2 engineers", &error));
  g_assert_no_error (error);

  template = qd_reviews_load_template (f->reviews, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qd_review_template_get_name (template), ==, "Tier 2 engineers");
  g_assert_cmpuint (qd_review_template_get_scale_points (template), ==, 3);
  g_assert_cmpstr (qd_review_template_get_scale_label (template, 2), ==, "Mid");
  g_assert_cmpfloat (qd_review_template_get_section_weight (template, QD_REVIEW_SECTION_KPIS), ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (qd_review_template_get_competencies (template)), ==, 2);
  first = g_list_model_get_item (qd_review_template_get_competencies (template), 0);
  g_assert_cmpstr (qd_review_competency_get_name (first), ==, "Writing");
  g_assert_cmpint (raw_int (f->db, "SELECT weight FROM template_competencies WHERE name = 'Debugging and logs'"), ==, 3);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM template_scale_labels"), ==, 3);
}

static char *
dump_frozen (Fixture *f)
{
  g_autofree char *cycle = raw_dump (f->db, "SELECT c.scale_points, c.competencies_weight, c.kpi_weight, "
                                            "c.goals_weight, cc.id, cc.group_name, cc.name, cc.weight, cc.position "
                                            "FROM review_cycles c JOIN cycle_competencies cc ON cc.cycle_id = c.id "
                                            "ORDER BY cc.id");
  g_autofree char *labels = raw_dump (f->db, "SELECT * FROM cycle_scale_labels ORDER BY point");

  return g_strconcat (cycle, labels, NULL);
}

/* Opening a cycle freezes its template; editing the template afterwards
 * changes neither the cycle nor its scores. */
static void
test_template_freeze (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdReviewCycle) planned = NULL;
  g_autoptr(QdReviewCycle) frozen = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(QdReviewCompetency) first = NULL;
  gint64 template, cycle, review, competency;
  QdReviewScore score_before, score_after;

  template = qd_reviews_ensure_default_template (f->reviews, &error);
  g_assert_no_error (error);
  cycle = add_q3 (f, template);

  /* Planned: shows what it would freeze, but holds no copy yet. */
  planned = qd_reviews_load_cycle (f->reviews, cycle, &error);
  g_assert_no_error (error);
  g_assert_false (qd_review_cycle_get_is_frozen (planned));
  g_assert_cmpuint (qd_review_cycle_get_scale_points (planned), ==, 5);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM cycle_competencies"), ==, 0);

  open_cycle (f, cycle);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM cycle_competencies"), ==, 12);
  g_assert_cmpint (raw_int (f->db, "SELECT scale_points FROM review_cycles"), ==, 5);

  review = review_of (f, cycle, f->ana);
  to_manager_review (f, review);
  set_manager_rating (f, review, competency_id (f, cycle, "Empathy"), 4);
  set_manager_rating (f, review, competency_id (f, cycle, "Process"), 2);
  g_assert_true (qd_reviews_get_score (f->reviews, review, &score_before, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (score_before.final, 3, 1e-9);

  before = dump_frozen (f);

  /* Edit the template every way there is. */
  {
    g_autoptr(QdReviewTemplate) t = qd_reviews_load_template (f->reviews, template, &error);
    g_autoptr(QdReviewCompetency) empathy = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < 12; i++)
      {
        g_autoptr(QdReviewCompetency) c = g_list_model_get_item (qd_review_template_get_competencies (t), i);
        if (g_strcmp0 (qd_review_competency_get_name (c), "Empathy") == 0)
          empathy = g_object_ref (c);
      }
    competency = qd_review_competency_get_id (empathy);
  }
  g_assert_true (qd_reviews_update_competency (f->reviews, competency, "Soft", "Care", "", 10, &error));
  g_assert_no_error (error);
  g_assert_true (qd_reviews_set_template_scale (f->reviews, template, 4, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (qd_reviews_set_template_weights (f->reviews, template, 100, 0, 0, &error));
  g_assert_no_error (error);
  g_assert_true (qd_reviews_move_competency (f->reviews, competency, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (qd_reviews_add_competency (f->reviews, template, "Soft", "Humour", "", 1, &error), >, 0);
  g_assert_no_error (error);

  after = dump_frozen (f);
  g_assert_cmpstr (before, ==, after);

  frozen = qd_reviews_load_cycle (f->reviews, cycle, &error);
  g_assert_no_error (error);
  g_assert_true (qd_review_cycle_get_is_frozen (frozen));
  g_assert_cmpuint (qd_review_cycle_get_scale_points (frozen), ==, 5);
  g_assert_cmpstr (qd_review_cycle_get_scale_label (frozen, 5), ==, "Outstanding");
  g_assert_cmpfloat (qd_review_cycle_get_section_weight (frozen, QD_REVIEW_SECTION_COMPETENCIES), ==, 60);
  first = g_list_model_get_item (qd_review_cycle_get_competencies (frozen), 0);
  g_assert_cmpstr (qd_review_competency_get_name (first), ==, "Support tools");

  g_assert_true (qd_reviews_get_score (f->reviews, review, &score_after, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (score_after.final, ==, score_before.final);
  g_assert_cmpuint (score_after.scale_points, ==, 5);

  /* The file refuses to change the frozen copy too. */
  g_assert_cmpint (raw_exec (f->db, "UPDATE cycle_competencies SET weight = 5"), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->db, "UPDATE review_cycles SET scale_points = 4"), !=, SQLITE_OK);

  /* A template still used by a planned cycle stays; one only used by
   * opened cycles can go, and the cycle keeps its copy. */
  {
    gint64 q4 = add_cycle_full (f, "2026 Q4", "2026-10-01", "2026-12-31", template, QD_PARTICIPANTS_ALL_ACTIVE);

    g_assert_false (qd_reviews_delete_template (f->reviews, template, &error));
    g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_IN_USE);
    g_clear_error (&error);
    g_assert_true (qd_reviews_delete_cycle (f->reviews, q4, &error));
    g_assert_no_error (error);
    g_assert_true (qd_reviews_delete_template (f->reviews, template, &error));
    g_assert_no_error (error);
    g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM cycle_competencies"), ==, 12);
  }
}

/* ---- 360 feedback ---- */

static gint64
add_anonymous (Fixture    *f,
               gint64      review,
               gint64     *competencies,
               guint      *ratings,
               guint       n,
               const char *comment)
{
  g_autoptr(GError) error = NULL;
  QdFeedbackInput input = {
    .relationship = QD_RELATIONSHIP_PEER,
    .anonymous = TRUE,
    .comment = comment,
    .submitted_on = "2026-10-02",
    .n_ratings = n,
    .competency_ids = competencies,
    .ratings = ratings,
  };
  gint64 id = qd_reviews_add_feedback (f->reviews, review, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_feedback_anonymity (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdFeedbackSummary) two = NULL;
  g_autoptr(QdFeedbackSummary) three = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 cycle, review, ids[2];
  guint r1[] = { 4, 5 }, r2[] = { 2, 3 }, r3[] = { 3 };
  gint64 first;

  cycle = add_q3 (f, 0);
  open_cycle (f, cycle);
  review = review_of (f, cycle, f->ana);
  ids[0] = competency_id (f, cycle, "Empathy");
  ids[1] = competency_id (f, cycle, "Leadership");

  /* An anonymous response with a name is refused, and nothing is kept. */
  before = dump_reviews (f);
  {
    QdFeedbackInput input = {
      .relationship = QD_RELATIONSHIP_PEER, .anonymous = TRUE, .respondent_name = "Oliver Hughes",
      .n_ratings = 2, .competency_ids = ids, .ratings = r1,
    };
    g_assert_cmpint (qd_reviews_add_feedback (f->reviews, review, &input, &error), ==, 0);
    g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    QdFeedbackInput input = {
      .relationship = QD_RELATIONSHIP_PEER, .anonymous = FALSE, .respondent_name = "  ",
      .n_ratings = 2, .competency_ids = ids, .ratings = r1,
    };
    g_assert_cmpint (qd_reviews_add_feedback (f->reviews, review, &input, &error), ==, 0);
    g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
    g_clear_error (&error);
  }
  after = dump_reviews (f);
  g_assert_cmpstr (before, ==, after);

  /* The database refuses a name on an anonymous response too. */
  g_assert_cmpint (raw_exec (f->db, "INSERT INTO feedback_responses (review_id, relationship, anonymous, "
                                    "respondent_name, submitted_on) SELECT id, 'peer', 1, 'Oliver', '2026-10-01' "
                                    "FROM reviews LIMIT 1"), ==, SQLITE_CONSTRAINT);

  first = add_anonymous (f, review, ids, r1, 2, "Listens well.");
  add_anonymous (f, review, ids, r2, 2, "Could lead more.");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT respondent_name IS NULL AND anonymous = 1 FROM feedback_responses "
                                            "WHERE id = %" G_GINT64_FORMAT, first);
    g_assert_cmpint (raw_int (f->db, sql), ==, 1);
  }
  {
    QdFeedbackInput named = {
      .relationship = QD_RELATIONSHIP_MANAGER, .anonymous = FALSE, .respondent_name = "Tomás Herrera",
      .comment = "Steady.", .n_ratings = 1, .competency_ids = ids, .ratings = r3,
    };
    g_assert_cmpint (qd_reviews_add_feedback (f->reviews, review, &named, &error), >, 0);
    g_assert_no_error (error);
  }

  /* Two anonymous responses: hidden, no numbers, no comments. */
  two = qd_reviews_get_feedback (f->reviews, review, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->n_anonymous, ==, 2);
  g_assert_false (two->anonymous_shown);
  g_assert_cmpstr (two->anonymous_note, ==, "Hidden: fewer than three anonymous responses");
  g_assert_cmpuint (two->anonymous_averages->len, ==, 0);
  g_assert_cmpuint (g_strv_length (two->anonymous_comments), ==, 0);
  g_assert_cmpuint (two->named->len, ==, 1);
  {
    QdFeedbackResponse *response = g_ptr_array_index (two->named, 0);
    QdFeedbackRating *rating = g_ptr_array_index (response->ratings, 0);

    g_assert_cmpstr (response->respondent_name, ==, "Tomás Herrera");
    g_assert_cmpint (response->relationship, ==, QD_RELATIONSHIP_MANAGER);
    g_assert_cmpstr (rating->name, ==, "Empathy");
    g_assert_cmpuint (rating->rating, ==, 3);
  }

  /* The third: shown as averages. Empathy (4 + 2 + 3) ÷ 3 = 3; Leadership
   * was rated by two of them only, so it stays hidden. */
  add_anonymous (f, review, ids, r3, 1, "Kind to new starters.");
  three = qd_reviews_get_feedback (f->reviews, review, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (three->n_anonymous, ==, 3);
  g_assert_true (three->anonymous_shown);
  g_assert_cmpstr (three->anonymous_note, ==, "");
  g_assert_cmpuint (g_strv_length (three->anonymous_comments), ==, 3);
  g_assert_cmpstr (three->anonymous_comments[0], ==, "Could lead more.");
  for (guint i = 0; i < three->anonymous_averages->len; i++)
    {
      QdFeedbackAverage *average = g_ptr_array_index (three->anonymous_averages, i);

      if (average->competency_id == ids[0])
        {
          g_assert_true (average->shown);
          g_assert_cmpuint (average->n, ==, 3);
          g_assert_cmpfloat_with_epsilon (average->mean, 3, 1e-9);
        }
      else
        {
          g_assert_false (average->shown);
          g_assert_true (isnan (average->mean));
        }
    }
  g_assert_cmpuint (three->anonymous_averages->len, ==, 12);

  /* Anonymous responses cannot be picked out one by one. */
  g_assert_false (qd_reviews_delete_feedback (f->reviews, first, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
}

static const char good_csv[] =
  "Response ID,Reviewee,Relationship,Anonymous,Respondent name,Empathy (1-5),Communication,Leadership,Comments\n"
  "r1,Ana Ruiz,Peer,yes,,4,5,,Great with customers\n"
  "r2,ana.ruiz@example.com,Direct report,Yes,Oliver Hughes,3,,2,\n"
  "r3,ANA RUIZ,manager,no,Tomás Herrera,5,4,4,\"Leads by example, \"\"always\"\"\"\n"
  ",,,,,,,,\n"
  "r4,Marcus Johnson,peer,no,Camila Souza,2,3,,\n";

static const char bad_csv[] =
  "Reviewee,Relationship,Anonymous,Respondent,Empathy,Communication,Comments\n"
  "Ana Ruiz,peer,yes,,4,5,Fine\n"                      /* 2: good */
  "Jon Smith,peer,yes,,4,5,\n"                          /* 3: unknown */
  "Ana Ruiz,peer,yes,,7,5,\n"                           /* 4: off the scale */
  "Ana Ruiz,cousin,yes,,4,5,\n"                         /* 5: relationship */
  "Ana Ruiz,peer,no,,4,5,\n"                            /* 6: named without a name */
  "Marcus Johnson,report,no,Ethan Brooks,3,3,Good\n"    /* 7: good */
  "Ana Ruiz,peer,maybe,,4,5,\n"                         /* 8: anonymous? */
  "Ana Ruiz,peer,yes,,,,\n";                            /* 9: empty response */

static void
test_feedback_import (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdFeedbackImportReport) report = NULL;
  g_autoptr(QdFeedbackImportReport) bad = NULL;
  g_autoptr(QdFeedbackImportReport) skipped = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 cycle;
  guint changes;

  cycle = add_q3 (f, 0);
  open_cycle (f, cycle);

  g_assert_true (qd_reviews_import_feedback (f->reviews, cycle, good_csv, strlen (good_csv), 0, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 4);
  g_assert_cmpuint (report->n_imported, ==, 4);
  g_assert_cmpuint (report->n_anonymous, ==, 2);
  g_assert_cmpuint (report->n_named, ==, 2);
  g_assert_cmpuint (report->n_names_dropped, ==, 1);
  g_assert_cmpuint (report->n_reviews, ==, 2);
  g_assert_cmpuint (report->errors->len, ==, 0);
  g_assert_cmpstr (report->ignored_columns[0], ==, "Response ID");

  /* The name given on an anonymous row was not kept anywhere. */
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM feedback_responses"), ==, 4);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM feedback_responses WHERE anonymous = 1 "
                                   "AND respondent_name IS NULL"), ==, 2);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM feedback_responses WHERE respondent_name LIKE '%Oliver%' "
                                   "OR comment LIKE '%Oliver%'"), ==, 0);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM feedback_ratings"), ==, 9);
  {
    g_autofree char *comment = raw_text (f->db, "SELECT comment FROM feedback_responses WHERE respondent_name = 'Tomás Herrera'");
    g_autofree char *relationship = raw_text (f->db, "SELECT relationship FROM feedback_responses WHERE id = 2");
    g_assert_cmpstr (comment, ==, "Leads by example, \"always\"");
    g_assert_cmpstr (relationship, ==, "report");
  }

  /* Bad rows: nothing is imported, each bad row is named. */
  before = dump_reviews (f);
  changes = f->n_changed;
  g_assert_false (qd_reviews_import_feedback (f->reviews, cycle, bad_csv, strlen (bad_csv), 0, &bad, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "6 rows cannot be imported"));
  g_clear_error (&error);
  after = dump_reviews (f);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (f->n_changed, ==, changes);
  g_assert_nonnull (bad);
  g_assert_cmpuint (bad->n_imported, ==, 0);
  g_assert_cmpuint (bad->n_rows, ==, 8);
  g_assert_cmpuint (bad->errors->len, ==, 6);
  {
    static const guint rows[] = { 3, 4, 5, 6, 8, 9 };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        QdFeedbackRowError *e = g_ptr_array_index (bad->errors, i);
        g_autofree char *prefix = g_strdup_printf ("Row %u: ", rows[i]);

        g_assert_cmpuint (e->row, ==, rows[i]);
        g_assert_true (g_str_has_prefix (e->reason, prefix));
      }
    g_assert_cmpstr (((QdFeedbackRowError *) g_ptr_array_index (bad->errors, 0))->reason, ==,
                     "Row 3: “Jon Smith” does not take part in 2026 Q3.");
    g_assert_cmpstr (((QdFeedbackRowError *) g_ptr_array_index (bad->errors, 1))->reason, ==,
                     "Row 4: “Empathy” is 7, but the scale goes from 1 to 5.");
  }

  /* Told to skip them, the two good rows go in. */
  g_assert_true (qd_reviews_import_feedback (f->reviews, cycle, bad_csv, strlen (bad_csv),
                                             QD_FEEDBACK_IMPORT_SKIP_BAD_ROWS, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->n_imported, ==, 2);
  g_assert_cmpuint (skipped->errors->len, ==, 6);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM feedback_responses"), ==, 6);

  /* A file without the needed columns is refused as a whole. */
  {
    static const char no_reviewee[] = "Name,Relationship,Empathy\nAna Ruiz,peer,4\n";
    static const char no_competency[] = "Reviewee,Relationship,Charm\nAna Ruiz,peer,4\n";

    g_assert_false (qd_reviews_import_feedback (f->reviews, cycle, no_reviewee, strlen (no_reviewee), 0, NULL, &error));
    g_assert_error (error, QD_FEEDBACK_IMPORT_ERROR, QD_FEEDBACK_IMPORT_ERROR_MISSING_COLUMN);
    g_clear_error (&error);
    g_assert_false (qd_reviews_import_feedback (f->reviews, cycle, no_competency, strlen (no_competency), 0, NULL, &error));
    g_assert_error (error, QD_FEEDBACK_IMPORT_ERROR, QD_FEEDBACK_IMPORT_ERROR_MISSING_COLUMN);
    g_clear_error (&error);
    g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM feedback_responses"), ==, 6);
  }
}

/* ---- calibration ---- */

/* Every participant rated and submitted, each manager with their own
 * spread; the cycle in calibration. */
static gint64
calibration_cycle (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 cycle = add_q3 (f, 0);
  const struct { gint64 member; double overall; } ratings[] = {
    /* Tomás: 5, 5, 4, 3 → top 3 of 4 = 75 % against 20 %: far */
    { f->ana, 5 }, { f->oliver, 5 }, { f->fatima, 4 }, { f->nora, 3 },
    /* Grace: 4, 3, 3 → 33 % / 67 % / 0 %: within 15 points */
    { f->marcus, 4 }, { f->camila, 3 }, { f->ethan, 3 },
    /* Marta: 5, 5 → all top, but two reviews say too little */
    { f->tomas, 5 }, { f->grace, 5 },
  };

  g_assert_cmpint (qd_reviews_add_participant (f->reviews, cycle, f->nora, &error), >, 0);
  g_assert_no_error (error);
  /* The head of support has nobody to review her here. */
  g_assert_true (qd_reviews_remove_participant (f->reviews, cycle, f->marta, &error));
  g_assert_no_error (error);
  open_cycle (f, cycle);
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      gint64 review = review_of (f, cycle, ratings[i].member);

      to_manager_review (f, review);
      set_manager_rating (f, review, competency_id (f, cycle, "Empathy"), (guint) ratings[i].overall);
      rate_and_submit (f, review, ratings[i].overall);
    }
  g_assert_true (qd_reviews_start_calibration (f->reviews, cycle, &error));
  g_assert_no_error (error);
  return cycle;
}

static QdCalibrationGroup *
group_of (QdCalibration *calibration,
          gint64         reviewer)
{
  for (guint i = 0; i < calibration->managers->len; i++)
    {
      QdCalibrationGroup *group = g_ptr_array_index (calibration->managers, i);
      if (group->reviewer_id == reviewer)
        return group;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_calibration_distribution (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdCalibration) calibration = NULL;
  g_autoptr(QdCalibration) retargeted = NULL;
  QdCalibrationGroup *tomas, *grace, *marta;
  gint64 cycle = calibration_cycle (f);

  calibration = qd_reviews_get_calibration (f->reviews, cycle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calibration->managers->len, ==, 3);
  g_assert_cmpfloat (calibration->targets[QD_TIER_TOP], ==, 20);

  tomas = group_of (calibration, f->tomas);
  g_assert_cmpuint (tomas->n_rated, ==, 4);
  g_assert_cmpuint (tomas->counts[QD_TIER_TOP], ==, 3);
  g_assert_cmpuint (tomas->counts[QD_TIER_MIDDLE], ==, 1);
  g_assert_cmpfloat_with_epsilon (tomas->percents[QD_TIER_TOP], 75, 1e-9);
  g_assert_true (tomas->far);
  g_assert_cmpstr (tomas->note, ==, "Top 75 % against a target of 20 %; Middle 25 % against a target of 70 %");

  grace = group_of (calibration, f->grace);
  g_assert_cmpuint (grace->counts[QD_TIER_TOP], ==, 1);
  g_assert_cmpuint (grace->counts[QD_TIER_MIDDLE], ==, 2);
  g_assert_false (grace->far);
  g_assert_cmpstr (grace->note, ==, "");

  marta = group_of (calibration, f->marta);
  g_assert_cmpfloat_with_epsilon (marta->percents[QD_TIER_TOP], 100, 1e-9);
  g_assert_false (marta->far);

  g_assert_cmpuint (calibration->whole_cycle->n_rated, ==, 9);
  g_assert_cmpuint (calibration->whole_cycle->counts[QD_TIER_TOP], ==, 6);

  /* The target is editable, and must add up to 100. */
  g_assert_false (qd_reviews_set_target_distribution (f->reviews, cycle, 50, 50, 10, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (qd_reviews_set_target_distribution (f->reviews, cycle, 70, 30, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->db, "SELECT target_top_percent FROM review_cycles"), ==, 70);
  retargeted = qd_reviews_get_calibration (f->reviews, cycle, &error);
  g_assert_no_error (error);
  g_assert_false (group_of (retargeted, f->tomas)->far);
  g_assert_true (group_of (retargeted, f->grace)->far);

  /* Far means more than 15 points off, with at least three reviews. */
  {
    QdCalibrationGroup group = { .n_rated = 3, .counts = { 0 } };
    double targets[3] = { 20, 70, 10 };

    group.counts[QD_TIER_MIDDLE] = 2;
    group.counts[QD_TIER_BOTTOM] = 1;    /* 33 % bottom: 23 points over */
    qd_calibration_group_judge (&group, targets);
    g_assert_true (group.far);
    g_clear_pointer (&group.note, g_free);

    group.n_rated = 2;
    group.counts[QD_TIER_MIDDLE] = 1;
    qd_calibration_group_judge (&group, targets);
    g_assert_false (group.far);
    g_clear_pointer (&group.note, g_free);

    group.n_rated = 20;                  /* 5 % top, 80 % middle, 15 % bottom */
    group.counts[QD_TIER_TOP] = 1;
    group.counts[QD_TIER_MIDDLE] = 16;
    group.counts[QD_TIER_BOTTOM] = 3;
    qd_calibration_group_judge (&group, targets);
    g_assert_false (group.far);
    g_clear_pointer (&group.note, g_free);
  }
}

static void
test_calibration_nine_box (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdCalibration) calibration = NULL;
  g_autoptr(QdReview) camila = NULL;
  g_autoptr(QdReview) ana = NULL;
  gint64 cycle = calibration_cycle (f);
  gint64 camila_review = review_of (f, cycle, f->camila);
  gint64 ana_review = review_of (f, cycle, f->ana);
  GPtrArray *box;
  QdTier tier;

  /* Camila: overall 3 (middle). Up to high performance, high potential:
   * the calibrated rating becomes 4, the lowest point of the top band. */
  g_assert_true (qd_reviews_move_in_nine_box (f->reviews, camila_review, QD_TIER_TOP, QD_POTENTIAL_HIGH, &error));
  g_assert_no_error (error);
  camila = qd_reviews_load_review (f->reviews, camila_review, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (qd_review_get_calibrated_rating (camila), ==, 4);
  g_assert_cmpfloat (qd_review_get_overall_rating (camila), ==, 3);
  g_assert_cmpint (qd_review_get_potential (camila), ==, QD_POTENTIAL_HIGH);
  g_assert_cmpint (qd_review_get_status (camila), ==, QD_REVIEW_STATUS_CALIBRATED);
  g_assert_true (qd_review_get_tier (camila, &tier));
  g_assert_cmpint (tier, ==, QD_TIER_TOP);

  /* Ana: overall 5. Down to low performance, medium potential: 2, the
   * highest point of the bottom band. */
  g_assert_true (qd_reviews_move_in_nine_box (f->reviews, ana_review, QD_TIER_BOTTOM, QD_POTENTIAL_MEDIUM, &error));
  g_assert_no_error (error);
  ana = qd_reviews_load_review (f->reviews, ana_review, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (qd_review_get_calibrated_rating (ana), ==, 2);
  g_assert_true (qd_review_get_tier (ana, &tier));
  g_assert_cmpint (tier, ==, QD_TIER_BOTTOM);
  g_assert_cmpstr (qd_review_tier_to_action (tier), ==, "Personalised training and mentoring");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT calibrated_rating || potential || status FROM reviews WHERE id = %"
                                            G_GINT64_FORMAT, ana_review);
    g_autofree char *row = raw_text (f->db, sql);
    g_assert_cmpstr (row, ==, "2.0mediumcalibrated");
  }

  calibration = qd_reviews_get_calibration (f->reviews, cycle, &error);
  g_assert_no_error (error);
  box = qd_calibration_get_box (calibration, QD_TIER_TOP, QD_POTENTIAL_HIGH);
  g_assert_cmpuint (box->len, ==, 1);
  g_assert_cmpstr (((QdNineBoxEntry *) g_ptr_array_index (box, 0))->member_name, ==, "Camila Souza");
  box = qd_calibration_get_box (calibration, QD_TIER_BOTTOM, QD_POTENTIAL_MEDIUM);
  g_assert_cmpuint (box->len, ==, 1);
  g_assert_cmpstr (((QdNineBoxEntry *) g_ptr_array_index (box, 0))->member_name, ==, "Ana Ruiz");
  /* The others have no potential yet. */
  g_assert_cmpuint (calibration->unplaced->len, ==, 7);
  /* Tomás' group now has Ana in the bottom band. */
  g_assert_cmpuint (group_of (calibration, f->tomas)->counts[QD_TIER_BOTTOM], ==, 1);

  /* Moving within the band keeps the rating. */
  g_assert_true (qd_reviews_move_in_nine_box (f->reviews, camila_review, QD_TIER_TOP, QD_POTENTIAL_LOW, &error));
  g_assert_no_error (error);
  g_clear_object (&camila);
  camila = qd_reviews_load_review (f->reviews, camila_review, &error);
  g_assert_cmpfloat (qd_review_get_calibrated_rating (camila), ==, 4);
  g_assert_cmpint (qd_review_get_potential (camila), ==, QD_POTENTIAL_LOW);
}

static void
test_calibration_lock (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 cycle = calibration_cycle (f);
  gint64 ana = review_of (f, cycle, f->ana);
  gint64 empathy = competency_id (f, cycle, "Empathy");
  guint three = 3;
  QdFeedbackInput feedback = {
    .relationship = QD_RELATIONSHIP_PEER, .anonymous = TRUE,
    .n_ratings = 1, .competency_ids = &empathy, .ratings = &three,
  };
  static const char csv[] = "Reviewee,Relationship,Anonymous,Empathy\nAna Ruiz,peer,yes,4\n";
  g_autoptr(GArray) ids = NULL;
  QdReviewQuery query = { 0 };

  /* Not before every review is calibrated. */
  g_assert_false (qd_reviews_lock_ratings (f->reviews, cycle, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "Ana Ruiz"));
  g_clear_error (&error);

  ids = qd_store_list_review_ids (f->store, cycle, &query, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_true (qd_reviews_set_review_status (f->reviews, g_array_index (ids, gint64, i),
                                                   QD_REVIEW_STATUS_CALIBRATED, &error));
      g_assert_no_error (error);
    }
  g_assert_true (qd_reviews_calibrate (f->reviews, ana, 4, &error));
  g_assert_no_error (error);
  feedback.anonymous = FALSE;
  feedback.respondent_name = "Oliver Hughes";
  g_assert_cmpint (qd_reviews_add_feedback (f->reviews, ana, &feedback, &error), >, 0);
  g_assert_no_error (error);
  feedback.anonymous = TRUE;
  feedback.respondent_name = NULL;
  g_assert_true (qd_reviews_lock_ratings (f->reviews, cycle, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->db, "SELECT ratings_locked FROM review_cycles"), ==, 1);

  before = dump_reviews (f);

#define REFUSED(call, code)                                   \
  G_STMT_START {                                              \
    g_assert_false (call);                                    \
    g_assert_error (error, QD_REVIEWS_ERROR, code);           \
    g_clear_error (&error);                                   \
  } G_STMT_END

  REFUSED (qd_reviews_set_rating (f->reviews, ana, empathy, QD_RATING_SOURCE_MANAGER, 2, "", &error),
           QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_set_rating (f->reviews, ana, empathy, QD_RATING_SOURCE_SELF, 2, "", &error),
           QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_set_kpi_rating (f->reviews, ana, 2, &error), QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_set_overall_rating (f->reviews, ana, 2, &error), QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_calibrate (f->reviews, ana, 1, &error), QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_set_potential (f->reviews, ana, QD_POTENTIAL_HIGH, &error), QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_move_in_nine_box (f->reviews, ana, QD_TIER_TOP, QD_POTENTIAL_HIGH, &error),
           QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_add_feedback (f->reviews, ana, &feedback, &error), QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_import_feedback (f->reviews, cycle, csv, strlen (csv), 0, NULL, &error),
           QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_add_participant (f->reviews, cycle, f->marta, &error), QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_remove_participant (f->reviews, cycle, f->ethan, &error), QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_set_target_distribution (f->reviews, cycle, 10, 80, 10, &error), QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_set_reviewer (f->reviews, ana, f->grace, &error), QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_reopen_cycle (f->reviews, cycle, &error), QD_REVIEWS_ERROR_LOCKED);
  REFUSED (qd_reviews_set_review_status (f->reviews, ana, QD_REVIEW_STATUS_MANAGER_REVIEW, &error),
           QD_REVIEWS_ERROR_WORKFLOW);

#undef REFUSED

  after = dump_reviews (f);
  g_assert_cmpstr (before, ==, after);

  /* Nor behind Quarterdeck's back. */
  g_assert_cmpint (raw_exec (f->db, "UPDATE reviews SET calibrated_rating = 1"), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->db, "UPDATE review_ratings SET rating = 1"), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->db, "DELETE FROM feedback_responses"), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->db, "DELETE FROM reviews"), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->db, "UPDATE review_cycles SET ratings_locked = 0"), !=, SQLITE_OK);
  g_free (after);
  after = dump_reviews (f);
  g_assert_cmpstr (before, ==, after);

  /* What is still allowed: sharing, and closing. */
  g_assert_true (qd_reviews_set_review_status (f->reviews, ana, QD_REVIEW_STATUS_SHARED, &error));
  g_assert_no_error (error);
  g_assert_true (qd_reviews_close_cycle (f->reviews, cycle, &error));
  g_assert_no_error (error);
  {
    g_autofree char *status = raw_text (f->db, "SELECT status || ratings_locked FROM review_cycles");
    g_assert_cmpstr (status, ==, "closed1");
  }
}

/* ---- workflow ---- */

static void
test_workflow_review (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdReview) review_object = NULL;
  gint64 cycle = add_q3 (f, 0);
  gint64 ana = review_of (f, cycle, f->ana);
  gint64 oliver = review_of (f, cycle, f->oliver);
  gint64 empathy;

  /* Planned: nothing moves. */
  g_assert_false (qd_reviews_set_review_status (f->reviews, ana, QD_REVIEW_STATUS_SELF_REVIEW, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);

  open_cycle (f, cycle);
  empathy = competency_id (f, cycle, "Empathy");

  /* No skipping to calibrated or shared. */
  g_assert_false (qd_reviews_set_review_status (f->reviews, ana, QD_REVIEW_STATUS_CALIBRATED, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (qd_reviews_can_set_review_status (f->reviews, ana, QD_REVIEW_STATUS_SHARED, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* The manager waits for the self review. */
  g_assert_false (qd_reviews_set_rating (f->reviews, ana, empathy, QD_RATING_SOURCE_MANAGER, 3, "", &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* A self rating starts the self review. */
  g_assert_true (qd_reviews_set_rating (f->reviews, ana, empathy, QD_RATING_SOURCE_SELF, 4, "", &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT status FROM reviews WHERE id = %" G_GINT64_FORMAT, ana);
    g_autofree char *status = raw_text (f->db, sql);
    g_assert_cmpstr (status, ==, "self-review");
  }

  /* Submitting it moves on and stamps the time. */
  to_manager_review (f, ana);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT self_submitted_at IS NOT NULL FROM reviews WHERE id = %"
                                            G_GINT64_FORMAT, ana);
    g_assert_cmpint (raw_int (f->db, sql), ==, 1);
  }
  /* Never back. */
  g_assert_false (qd_reviews_set_review_status (f->reviews, ana, QD_REVIEW_STATUS_SELF_REVIEW, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (qd_reviews_set_rating (f->reviews, ana, empathy, QD_RATING_SOURCE_SELF, 5, "", &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* Submitting needs an overall rating. */
  g_assert_false (qd_reviews_submit_manager_review (f->reviews, ana, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (qd_reviews_set_overall_rating (f->reviews, ana, 6, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);

  /* Calibration waits for every manager review (people who left aside). */
  rate_and_submit (f, ana, 4);
  g_assert_false (qd_reviews_start_calibration (f->reviews, cycle, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "Still waiting for: Camila Souza, Ethan Brooks, Fatima Zahra, "
                                           "Grace Mensah, Marcus Johnson and 3 more."));
  g_assert_null (strstr (error->message, "Ana Ruiz"));
  g_clear_error (&error);

  /* Skipping the self review is allowed. */
  g_assert_true (qd_reviews_set_review_status (f->reviews, oliver, QD_REVIEW_STATUS_MANAGER_REVIEW, &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT self_submitted_at IS NULL FROM reviews WHERE id = %"
                                            G_GINT64_FORMAT, oliver);
    g_assert_cmpint (raw_int (f->db, sql), ==, 1);
  }

  {
    g_autoptr(GArray) ids = qd_store_list_review_ids (f->store, cycle, NULL, NULL);

    for (guint i = 0; i < ids->len; i++)
      {
        gint64 id = g_array_index (ids, gint64, i);
        g_autoptr(QdReview) r = qd_reviews_load_review (f->reviews, id, NULL);

        if (!qd_review_get_manager_submitted (r))
          rate_and_submit (f, id, 3);
      }
  }
  /* Marking calibrated before calibration starts is refused. */
  g_assert_false (qd_reviews_set_review_status (f->reviews, ana, QD_REVIEW_STATUS_CALIBRATED, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);

  g_assert_true (qd_reviews_start_calibration (f->reviews, cycle, &error));
  g_assert_no_error (error);
  /* Manager ratings are closed while calibrating… */
  g_assert_false (qd_reviews_set_overall_rating (f->reviews, ana, 3, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_true (qd_reviews_set_review_status (f->reviews, ana, QD_REVIEW_STATUS_CALIBRATED, &error));
  g_assert_no_error (error);
  review_object = qd_reviews_load_review (f->reviews, ana, &error);
  g_assert_cmpfloat (qd_review_get_calibrated_rating (review_object), ==, 4);

  /* …and shared only after the lock. */
  g_assert_false (qd_reviews_set_review_status (f->reviews, ana, QD_REVIEW_STATUS_SHARED, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* Reopening is allowed before the lock; calibrated reviews stay so. */
  g_assert_true (qd_reviews_reopen_cycle (f->reviews, cycle, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->db, "SELECT status = 'open' FROM review_cycles"), ==, 1);
  g_assert_false (qd_reviews_set_overall_rating (f->reviews, ana, 3, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_true (qd_reviews_set_overall_rating (f->reviews, oliver, 2, &error));
  g_assert_no_error (error);
}

static void
test_workflow_cycle (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 empty = add_cycle_full (f, "Pilot", "2026-07-01", "2026-09-30", 0, QD_PARTICIPANTS_CHOSEN);
  gint64 cycle = add_q3 (f, 0);
  g_autoptr(QdReviewCycle) edited = NULL;

  /* Opening needs participants. */
  g_assert_false (qd_reviews_open_cycle (f->reviews, empty, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* Only forward, one step at a time. */
  g_assert_false (qd_reviews_start_calibration (f->reviews, cycle, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (qd_reviews_close_cycle (f->reviews, cycle, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (qd_reviews_reopen_cycle (f->reviews, cycle, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);

  open_cycle (f, cycle);
  g_assert_false (qd_reviews_open_cycle (f->reviews, cycle, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (qd_reviews_close_cycle (f->reviews, cycle, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (qd_reviews_delete_cycle (f->reviews, cycle, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* An open cycle keeps its period; its name and deadlines can change. */
  edited = qd_reviews_load_cycle (f->reviews, cycle, &error);
  g_assert_no_error (error);
  qd_review_cycle_set_period_end (edited, "2026-10-31");
  g_assert_false (qd_reviews_save_cycle (f->reviews, edited, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW);
  g_clear_error (&error);
  qd_review_cycle_set_period_end (edited, "2026-09-30");
  qd_review_cycle_set_name (edited, "Q3 2026");
  qd_review_cycle_set_self_due (edited, "2026-10-08");
  g_assert_true (qd_reviews_save_cycle (f->reviews, edited, &error));
  g_assert_no_error (error);
  {
    g_autofree char *row = raw_text (f->db, "SELECT name || ' ' || self_due FROM review_cycles WHERE name LIKE 'Q3%'");
    g_assert_cmpstr (row, ==, "Q3 2026 2026-10-08");
  }

  /* Bad cycles are refused. */
  {
    g_autoptr(QdReviewCycle) bad = qd_review_cycle_new ();

    qd_review_cycle_set_name (bad, "Q3 2026");
    qd_review_cycle_set_period_start (bad, "2026-07-01");
    qd_review_cycle_set_period_end (bad, "2026-09-30");
    g_assert_cmpint (qd_reviews_add_cycle (f->reviews, bad, &error), ==, 0);
    g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
    g_clear_error (&error);
    qd_review_cycle_set_name (bad, "Odd");
    qd_review_cycle_set_period_end (bad, "2026-02-30");
    g_assert_cmpint (qd_reviews_add_cycle (f->reviews, bad, &error), ==, 0);
    g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
    g_clear_error (&error);
    qd_review_cycle_set_period_end (bad, "2026-09-30");
    qd_review_cycle_set_self_due (bad, "2026-10-20");
    qd_review_cycle_set_manager_due (bad, "2026-10-10");
    g_assert_cmpint (qd_reviews_add_cycle (f->reviews, bad, &error), ==, 0);
    g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
    g_clear_error (&error);
    qd_review_cycle_set_manager_due (bad, "");
    qd_review_cycle_set_targets (bad, 30, 60, 20);
    g_assert_cmpint (qd_reviews_add_cycle (f->reviews, bad, &error), ==, 0);
    g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM review_cycles"), ==, 2);

  /* A planned cycle can be deleted. */
  g_assert_true (qd_reviews_delete_cycle (f->reviews, empty, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM review_cycles"), ==, 1);
}

static QdReviewOverdue
overdue_on (Fixture    *f,
            gint64      review,
            const char *today)
{
  g_autoptr(QdReview) r = qd_reviews_load_review (f->reviews, review, NULL);

  return qd_review_get_overdue (r, today);
}

/* Deadlines: self 2026-10-07, manager 2026-10-14, calibration 2026-10-21. */
static void
test_workflow_overdue (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 cycle = add_q3 (f, 0);
  gint64 ana = review_of (f, cycle, f->ana);

  /* Nothing is overdue while the cycle is planned. */
  g_assert_cmpint (overdue_on (f, ana, "2026-12-01"), ==, QD_REVIEW_OVERDUE_NONE);

  open_cycle (f, cycle);
  g_assert_cmpint (overdue_on (f, ana, "2026-10-07"), ==, QD_REVIEW_OVERDUE_NONE);
  g_assert_cmpint (overdue_on (f, ana, "2026-10-08"), ==, QD_REVIEW_OVERDUE_SELF);
  g_assert_cmpint (overdue_on (f, ana, "2026-10-15"), ==, QD_REVIEW_OVERDUE_SELF | QD_REVIEW_OVERDUE_MANAGER);
  g_assert_cmpint (overdue_on (f, ana, "2026-10-22"), ==,
                   QD_REVIEW_OVERDUE_SELF | QD_REVIEW_OVERDUE_MANAGER | QD_REVIEW_OVERDUE_CALIBRATION);

  /* Self review submitted: only the manager's part is late. */
  to_manager_review (f, ana);
  g_assert_cmpint (overdue_on (f, ana, "2026-10-08"), ==, QD_REVIEW_OVERDUE_NONE);
  g_assert_cmpint (overdue_on (f, ana, "2026-10-15"), ==, QD_REVIEW_OVERDUE_MANAGER);

  /* Manager review submitted: calibration is all that can be late. */
  g_assert_true (qd_reviews_set_overall_rating (f->reviews, ana, 3, &error));
  g_assert_true (qd_reviews_submit_manager_review (f->reviews, ana, &error));
  g_assert_no_error (error);
  g_assert_cmpint (overdue_on (f, ana, "2026-10-15"), ==, QD_REVIEW_OVERDUE_NONE);
  g_assert_cmpint (overdue_on (f, ana, "2026-10-22"), ==, QD_REVIEW_OVERDUE_CALIBRATION);
}

/* ---- cycles ---- */

static void
test_cycle_participants (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdReview) ana = NULL;
  g_autoptr(QdReviewList) list = NULL;
  gint64 cycle = add_q3 (f, 0);
  gint64 chosen;

  /* Everyone active: not the one on leave, not the one who left. */
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM reviews"), ==, 9);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM reviews r JOIN members m ON m.id = r.member_id "
                                   "WHERE m.status <> 'active'"), ==, 0);
  ana = qd_reviews_load_review (f->reviews, review_of (f, cycle, f->ana), &error);
  g_assert_no_error (error);
  g_assert_cmpint (qd_review_get_reviewer_id (ana), ==, f->tomas);
  g_assert_cmpstr (qd_review_get_reviewer_name (ana), ==, "Tomás Herrera");
  g_assert_cmpint (qd_review_get_status (ana), ==, QD_REVIEW_STATUS_NOT_STARTED);

  /* The list model, in SQL order, filtered by reviewer. */
  list = qd_review_list_new (f->reviews, cycle);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 9);
  qd_review_list_set_reviewer_id (list, f->grace);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  {
    g_autoptr(QdReview) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (qd_review_get_member_name (first), ==, "Camila Souza");
  }

  /* Chosen: nobody until added. Someone who left cannot be. */
  chosen = add_cycle_full (f, "Leads", "2026-07-01", "2026-09-30", 0, QD_PARTICIPANTS_CHOSEN);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM reviews"), ==, 9);
  g_assert_cmpint (qd_reviews_add_participant (f->reviews, chosen, f->tomas, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (qd_reviews_add_participant (f->reviews, chosen, f->tomas, &error), ==, 0);
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (qd_reviews_add_participant (f->reviews, chosen, f->diego, &error), ==, 0);
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID);
  g_clear_error (&error);

  /* A review with content stays; an empty one can be removed. */
  open_cycle (f, cycle);
  g_assert_true (qd_reviews_set_summary (f->reviews, review_of (f, cycle, f->oliver), "Calm", "", &error));
  g_assert_no_error (error);
  g_assert_false (qd_reviews_remove_participant (f->reviews, cycle, f->oliver, &error));
  g_assert_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (qd_reviews_remove_participant (f->reviews, cycle, f->fatima, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  qd_review_list_set_reviewer_id (list, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
}

static void
test_cycle_next_quarter (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdReviewCycle) q3 = NULL;
  g_autoptr(QdReviewCycle) q4 = NULL;
  g_autoptr(QdReviewCycle) next_chosen = NULL;
  gint64 template = make_template (f, "Lean", 4, 80, 20, 0);
  gint64 q3_id, q4_id, chosen_id, next_id, newcomer;

  add_competency (f, template, "Core", "Quality", 1);
  q3_id = add_q3 (f, template);
  g_assert_true (qd_reviews_set_target_distribution (f->reviews, q3_id, 25, 60, 15, &error));
  g_assert_no_error (error);
  open_cycle (f, q3_id);

  /* Since Q3 started, someone joined and someone left. */
  newcomer = add_member (f, "Kevin Nguyen", "agent", f->grace, QD_MEMBER_STATUS_ACTIVE);
  {
    g_autoptr(QdMember) camila = qd_roster_load_member (f->roster, f->camila, &error);
    qd_member_set_status (camila, QD_MEMBER_STATUS_LEFT);
    g_assert_true (qd_roster_save_member (f->roster, camila, &error));
    g_assert_no_error (error);
  }

  q4_id = qd_reviews_create_next_cycle (f->reviews, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (q4_id, >, 0);
  q4 = qd_reviews_load_cycle (f->reviews, q4_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qd_review_cycle_get_name (q4), ==, "2026 Q4");
  g_assert_cmpstr (qd_review_cycle_get_period_start (q4), ==, "2026-10-01");
  g_assert_cmpstr (qd_review_cycle_get_period_end (q4), ==, "2026-12-31");
  /* Q3's deadlines were 7, 14 and 21 days after the period. */
  g_assert_cmpstr (qd_review_cycle_get_self_due (q4), ==, "2027-01-07");
  g_assert_cmpstr (qd_review_cycle_get_manager_due (q4), ==, "2027-01-14");
  g_assert_cmpstr (qd_review_cycle_get_calibration_due (q4), ==, "2027-01-21");
  g_assert_cmpint (qd_review_cycle_get_template_id (q4), ==, template);
  g_assert_cmpint (qd_review_cycle_get_status (q4), ==, QD_CYCLE_STATUS_PLANNED);
  g_assert_cmpint (qd_review_cycle_get_participants_rule (q4), ==, QD_PARTICIPANTS_ALL_ACTIVE);
  {
    double top, middle, bottom;
    qd_review_cycle_get_targets (q4, &top, &middle, &bottom);
    g_assert_cmpfloat (top, ==, 25);
    g_assert_cmpfloat (bottom, ==, 15);
  }
  /* Everyone active now: the newcomer in, the leaver out. */
  g_assert_cmpint (qd_reviews_find_review (f->reviews, q4_id, newcomer, NULL), >, 0);
  g_assert_cmpint (qd_reviews_find_review (f->reviews, q4_id, f->camila, NULL), ==, 0);
  g_assert_cmpuint (qd_review_cycle_get_n_participants (q4), ==, 9);

  /* And on from Q4 (the latest): 2027 Q1. */
  next_id = qd_reviews_create_next_cycle (f->reviews, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(QdReviewCycle) q1 = qd_reviews_load_cycle (f->reviews, next_id, &error);
    g_assert_cmpstr (qd_review_cycle_get_name (q1), ==, "2027 Q1");
    g_assert_cmpstr (qd_review_cycle_get_period_end (q1), ==, "2027-03-31");
  }

  /* A chosen group carries over its people who have not left. */
  chosen_id = add_cycle_full (f, "Leads review", "2026-01-01", "2026-12-31", template, QD_PARTICIPANTS_CHOSEN);
  g_assert_cmpint (qd_reviews_add_participant (f->reviews, chosen_id, f->tomas, &error), >, 0);
  g_assert_cmpint (qd_reviews_add_participant (f->reviews, chosen_id, f->camila, &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (qd_reviews_add_participant (f->reviews, chosen_id, f->grace, &error), >, 0);
  g_assert_no_error (error);
  next_id = qd_reviews_create_next_cycle (f->reviews, chosen_id, &error);
  g_assert_no_error (error);
  next_chosen = qd_reviews_load_cycle (f->reviews, next_id, &error);
  g_assert_cmpstr (qd_review_cycle_get_name (next_chosen), ==, "Leads review (next)");
  g_assert_cmpstr (qd_review_cycle_get_period_start (next_chosen), ==, "2027-01-01");
  g_assert_cmpstr (qd_review_cycle_get_period_end (next_chosen), ==, "2027-12-31");
  g_assert_cmpuint (qd_review_cycle_get_n_participants (next_chosen), ==, 2);
  g_assert_cmpint (qd_review_cycle_get_participants_rule (next_chosen), ==, QD_PARTICIPANTS_CHOSEN);

  /* A period of days moves on by its length. */
  {
    gint64 sprint = add_cycle_full (f, "Sprint", "2026-03-10", "2026-03-23", 0, QD_PARTICIPANTS_CHOSEN);
    g_autoptr(QdReviewCycle) after = NULL;

    next_id = qd_reviews_create_next_cycle (f->reviews, sprint, &error);
    g_assert_no_error (error);
    after = qd_reviews_load_cycle (f->reviews, next_id, &error);
    g_assert_cmpstr (qd_review_cycle_get_period_start (after), ==, "2026-03-24");
    g_assert_cmpstr (qd_review_cycle_get_period_end (after), ==, "2026-04-06");
  }

  q3 = qd_reviews_load_cycle (f->reviews, q3_id, &error);
  g_assert_cmpint (qd_review_cycle_get_status (q3), ==, QD_CYCLE_STATUS_OPEN);
}

/* ---- the roster ---- */

static void
test_roster_delete_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdRosterUndo) undo = NULL;
  gint64 lone = add_member (f, "Lone Wolf", "agent", f->tomas, QD_MEMBER_STATUS_LEFT);

  add_q3 (f, 0);

  undo = qd_roster_delete_member (f->roster, f->ana, QD_REPORTS_REFUSE, &error);
  g_assert_null (undo);
  g_assert_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_HAS_HISTORY);
  g_assert_cmpstr (error->message, ==, "Ana Ruiz has reviews on record. Set their status to “Left” to keep their history.");
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM members WHERE name = 'Ana Ruiz'"), ==, 1);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM reviews"), ==, 9);

  /* Someone without reviews can still be removed. */
  undo = qd_roster_delete_member (f->roster, lone, QD_REPORTS_REFUSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM members WHERE name = 'Lone Wolf'"), ==, 0);
}

/* ---- KPIs ---- */

static void
test_kpi_results (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autofree char *sql = NULL;
  gint64 cycle = add_q3 (f, 0);
  gboolean seen_csat = FALSE, seen_solved = FALSE;

  /* July CSAT 96 % of 10 rated, August 90 % of 30, nothing in September:
   * (96 × 10 + 90 × 30) ÷ 40 = 91.5, under the 95 target. Tickets solved
   * add up: 10 + 30 = 40. June is outside the period. */
  sql = g_strdup_printf ("INSERT INTO metric_values VALUES "
                         "('csat', 'member', %1$" G_GINT64_FORMAT ", 'month', '2026-06-01', 10, 99),"
                         "('csat', 'member', %1$" G_GINT64_FORMAT ", 'month', '2026-07-01', 96, 10),"
                         "('csat', 'member', %1$" G_GINT64_FORMAT ", 'month', '2026-08-01', 90, 30),"
                         "('tickets-solved', 'member', %1$" G_GINT64_FORMAT ", 'month', '2026-07-01', 10, 10),"
                         "('tickets-solved', 'member', %1$" G_GINT64_FORMAT ", 'month', '2026-08-01', 30, 30),"
                         "('first-reply', 'member', %1$" G_GINT64_FORMAT ", 'month', '2026-08-01', 42, 30)",
                         f->ana);
  g_assert_cmpint (raw_exec (f->db, sql), ==, SQLITE_OK);

  kpis = qd_reviews_get_kpi_results (f->reviews, review_of (f, cycle, f->ana), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kpis->len; i++)
    {
      QdReviewKpi *kpi = g_ptr_array_index (kpis, i);

      if (g_strcmp0 (kpi->metric, "csat") == 0)
        {
          seen_csat = TRUE;
          g_assert_cmpfloat_with_epsilon (kpi->value, 91.5, 1e-9);
          g_assert_cmpuint (kpi->sample_size, ==, 40);
          g_assert_true (kpi->has_target);
          g_assert_false (kpi->met);
        }
      else if (g_strcmp0 (kpi->metric, "tickets-solved") == 0)
        {
          seen_solved = TRUE;
          g_assert_cmpfloat_with_epsilon (kpi->value, 40, 1e-9);
          g_assert_false (kpi->met);
        }
      else if (g_strcmp0 (kpi->metric, "first-reply") == 0)
        {
          g_assert_cmpfloat_with_epsilon (kpi->value, 42, 1e-9);
          g_assert_true (kpi->met);       /* lower is better, target 60 */
        }
      else if (g_strcmp0 (kpi->metric, "qa-score") == 0)
        {
          g_assert_true (isnan (kpi->value));
          g_assert_false (kpi->met);
        }
    }
  g_assert_true (seen_csat);
  g_assert_true (seen_solved);
}

/* ---- demo ---- */

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(QdReviewCycle) closed = NULL;
  g_autoptr(QdReviewCycle) calibrating = NULL;
  g_autoptr(QdCalibration) calibration = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean any_far = FALSE;
  guint shown = 0, hidden = 0;

  g_assert_true (qd_roster_fill_demo (f->roster, &error));
  g_assert_no_error (error);
  g_assert_true (qd_store_begin (f->store, &error));
  g_assert_true (_qd_demo_fill_reviews_at (f->store, "2026-11-23", &error));
  g_assert_no_error (error);
  g_assert_true (qd_store_commit (f->store, &error));

  cycles = qd_reviews_list_cycles (f->reviews, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 2);
  calibrating = g_list_model_get_item (cycles, 0);
  closed = g_list_model_get_item (cycles, 1);
  g_assert_cmpstr (qd_review_cycle_get_name (calibrating), ==, "2026 Q3");
  g_assert_cmpint (qd_review_cycle_get_status (calibrating), ==, QD_CYCLE_STATUS_CALIBRATING);
  g_assert_false (qd_review_cycle_get_ratings_locked (calibrating));
  g_assert_cmpstr (qd_review_cycle_get_name (closed), ==, "2026 Q2");
  g_assert_cmpstr (qd_review_cycle_get_period_start (closed), ==, "2026-04-01");
  g_assert_cmpint (qd_review_cycle_get_status (closed), ==, QD_CYCLE_STATUS_CLOSED);
  g_assert_true (qd_review_cycle_get_ratings_locked (closed));
  g_assert_cmpuint (qd_review_cycle_get_n_participants (closed), >, 20);

  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id "
                                   "WHERE c.name = '2026 Q2' AND (r.status <> 'shared' OR r.calibrated_rating IS NULL "
                                   "OR r.potential IS NULL OR r.overall_rating IS NULL)"), ==, 0);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM review_ratings WHERE source = 'self'"), >, 0);
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM feedback_responses WHERE anonymous = 1 "
                                   "AND respondent_name IS NOT NULL"), ==, 0);

  /* Some people have enough anonymous feedback to show, some not. */
  ids = qd_store_list_review_ids (f->store, qd_review_cycle_get_id (calibrating), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(QdFeedbackSummary) summary = qd_reviews_get_feedback (f->reviews, g_array_index (ids, gint64, i), &error);
      QdReviewScore score;

      g_assert_no_error (error);
      if (summary->anonymous_shown)
        shown++;
      else if (summary->n_anonymous > 0)
        hidden++;
      g_assert_true (qd_reviews_get_score (f->reviews, g_array_index (ids, gint64, i), &score, &error));
      g_assert_no_error (error);
      g_assert_false (isnan (score.final));
    }
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (hidden, >, 0);

  /* One team lead rates well above the target. */
  calibration = qd_reviews_get_calibration (f->reviews, qd_review_cycle_get_id (calibrating), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < calibration->managers->len; i++)
    any_far |= ((QdCalibrationGroup *) g_ptr_array_index (calibration->managers, i))->far;
  g_assert_true (any_far);

  /* It can be finished through the normal workflow. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_true (qd_reviews_set_review_status (f->reviews, g_array_index (ids, gint64, i),
                                                   QD_REVIEW_STATUS_CALIBRATED, &error));
      g_assert_no_error (error);
    }
  g_assert_true (qd_reviews_close_cycle (f->reviews, qd_review_cycle_get_id (calibrating), &error));
  g_assert_no_error (error);

  /* Filled once only. */
  g_assert_true (qd_store_begin (f->store, &error));
  g_assert_true (_qd_demo_fill_reviews_at (f->store, "2026-11-23", &error));
  g_assert_true (qd_store_commit (f->store, &error));
  g_assert_cmpint (raw_int (f->db, "SELECT count(*) FROM review_cycles"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/reviews/score/formula", test_score_pure);
  ADD ("/reviews/score/three-points", test_score_three_points, NULL);
  ADD ("/reviews/score/four-points", test_score_four_points, NULL);
  ADD ("/reviews/score/five-points", test_score_five_points, NULL);
  ADD ("/reviews/score/ten-points", test_score_ten_points, NULL);
  ADD ("/reviews/score/goals", test_goals_score, NULL);
  g_test_add_func ("/reviews/scale/bands", test_bands);
  ADD ("/reviews/template/default", test_template_default, NULL);
  ADD ("/reviews/template/edit", test_template_edit, NULL);
  ADD ("/reviews/template/freeze", test_template_freeze, NULL);
  ADD ("/reviews/feedback/anonymity", test_feedback_anonymity, NULL);
  ADD ("/reviews/feedback/import", test_feedback_import, NULL);
  ADD ("/reviews/calibration/distribution", test_calibration_distribution, NULL);
  ADD ("/reviews/calibration/nine-box", test_calibration_nine_box, NULL);
  ADD ("/reviews/calibration/lock", test_calibration_lock, NULL);
  ADD ("/reviews/workflow/review", test_workflow_review, NULL);
  ADD ("/reviews/workflow/cycle", test_workflow_cycle, NULL);
  ADD ("/reviews/workflow/overdue", test_workflow_overdue, NULL);
  ADD ("/reviews/cycle/participants", test_cycle_participants, NULL);
  ADD ("/reviews/cycle/next-quarter", test_cycle_next_quarter, NULL);
  ADD ("/reviews/roster/delete-refused", test_roster_delete_refused, NULL);
  ADD ("/reviews/kpis", test_kpi_results, NULL);
  ADD ("/reviews/demo", test_demo, "empty");

#undef ADD

  return g_test_run ();
}
