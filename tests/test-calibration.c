/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UI tests of the calibration view of a review cycle, under Xvfb with
 * GTK_A11Y=test, on a real database. The cycle's ratings are chosen so
 * that the distribution is known by hand; the tests read what a head of
 * support would read, move people the way the keyboard and the menu do,
 * lock the ratings through the confirmation dialog, and check what is
 * left in the database file. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-calibration-view.h"
#include "qd-nine-box.h"
#include "qd-reviews.h"
#include "qd-roster.h"

/* The default template: a 5-point scale, so top is 4–5, middle 3 and
 * bottom 1–2. Overall ratings and potentials:
 *
 *   Chloé Martin's team   Ana 5 H, Oliver 5 M, Fatima 4 M, Ben 4 L,
 *                         Chen 5 H, Dara 4 M, Eli 3 M
 *                         → 6 top, 1 middle: 86 % · 14 % · 0 %, far
 *                           (top 86 against 20, middle 14 against 70)
 *   Grace Mensah's team   Marcus 4 H, Camila 3 M, Ethan 3 L, Fay 3 M,
 *                         Nora 2 L
 *                         → 1 top, 3 middle, 1 bottom: 20 % · 60 % · 20 %,
 *                           close (no share more than 15 points off)
 *   Marta Iglesias        Chloé 4 H, Grace 3 (no potential: unplaced)
 *                         → 50 % · 50 % · 0 %, too few to judge
 *   Whole cycle           8 top, 5 middle, 1 bottom of 14:
 *                         57 % · 36 % · 7 %, far
 *
 * Marta heads the team and has nobody to review her here. */

typedef struct
{
  const char  *name;
  const char  *level;
  const char  *boss;
  double       overall;
  QdPotential  potential;
} Person;

static const Person people[] = {
  { "Marta Iglesias", "director", NULL, NAN, QD_POTENTIAL_UNSET },
  { "Chloé Martin", "team-lead", "Marta Iglesias", 4, QD_POTENTIAL_HIGH },
  { "Grace Mensah", "team-lead", "Marta Iglesias", 3, QD_POTENTIAL_UNSET },
  { "Ana Ruiz", "agent", "Chloé Martin", 5, QD_POTENTIAL_HIGH },
  { "Oliver Hughes", "agent", "Chloé Martin", 5, QD_POTENTIAL_MEDIUM },
  { "Fatima Zahra", "agent", "Chloé Martin", 4, QD_POTENTIAL_MEDIUM },
  { "Ben Okafor", "agent", "Chloé Martin", 4, QD_POTENTIAL_LOW },
  { "Chen Li", "agent", "Chloé Martin", 5, QD_POTENTIAL_HIGH },
  { "Dara Walsh", "agent", "Chloé Martin", 4, QD_POTENTIAL_MEDIUM },
  { "Eli Novak", "agent", "Chloé Martin", 3, QD_POTENTIAL_MEDIUM },
  { "Marcus Johnson", "agent", "Grace Mensah", 4, QD_POTENTIAL_HIGH },
  { "Camila Souza", "agent", "Grace Mensah", 3, QD_POTENTIAL_MEDIUM },
  { "Ethan Brooks", "agent", "Grace Mensah", 3, QD_POTENTIAL_LOW },
  { "Fay Moreau", "agent", "Grace Mensah", 3, QD_POTENTIAL_MEDIUM },
  { "Nora Kowalski", "agent", "Grace Mensah", 2, QD_POTENTIAL_LOW },
};

typedef struct
{
  char              *dir;
  char              *db_path;
  QdStore           *store;
  QdRoster          *roster;
  QdReviews         *reviews;
  gint64             member_ids[G_N_ELEMENTS (people)];
  gint64             cycle_id;
  GtkWindow         *window;
  QdCalibrationView *view;
  QdNineBox         *nine_box;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* ---- the database, read from the file ---- */

static gboolean
db_query (Fixture       *f,
          const char    *sql,
          sqlite3_stmt **stmt_out,
          sqlite3      **db_out)
{
  g_assert_cmpint (sqlite3_open_v2 (f->db_path, db_out, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (*db_out, sql, -1, stmt_out, NULL), ==, SQLITE_OK);
  return sqlite3_step (*stmt_out) == SQLITE_ROW;
}

static gint64
db_int (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (db_query (f, sql, &stmt, &db))
    value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -2 : sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static double
db_double (Fixture    *f,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double value = NAN;

  if (db_query (f, sql, &stmt, &db) && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
db_text (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (db_query (f, sql, &stmt, &db) && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* One review's row: "potential|calibrated_rating|status", NULLs as "-". */
static char *
review_row (Fixture *f,
            gint64   review_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (potential, '-') || '|' || "
                                          "CASE WHEN calibrated_rating IS NULL THEN '-' ELSE printf ('%%.1f', calibrated_rating) END "
                                          "|| '|' || status "
                                          "FROM reviews WHERE id = %" G_GINT64_FORMAT, review_id);

  return db_text (f, sql);
}

static gint64
ratings_locked (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ratings_locked FROM review_cycles WHERE id = %" G_GINT64_FORMAT,
                                          f->cycle_id);
  return db_int (f, sql);
}

/* ---- the cycle, through the API ---- */

static guint
person (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (g_strcmp0 (people[i].name, name) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

static gint64
review_of (Fixture    *f,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = qd_reviews_find_review (f->reviews, f->cycle_id, f->member_ids[person (name)], &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
first_competency (Fixture *f)
{
  g_autoptr(QdReviewCycle) cycle = qd_reviews_load_cycle (f->reviews, f->cycle_id, NULL);
  GListModel *competencies = qd_review_cycle_get_competencies (cycle);
  g_autoptr(QdReviewCompetency) competency = g_list_model_get_item (competencies, 0);

  g_assert_nonnull (competency);
  return qd_review_competency_get_id (competency);
}

static void
make_cycle (Fixture *f)
{
  g_autoptr(QdReviewCycle) cycle = qd_review_cycle_new ();
  g_autoptr(GError) error = NULL;
  gint64 competency;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(QdMember) member = qd_member_new ();
      g_autofree char *ascii = g_str_to_ascii (people[i].name, "C");
      g_autofree char *local = g_strdelimit (g_ascii_strdown (ascii, -1), " ", '.');
      g_autofree char *email = g_strconcat (local, "@example.com", NULL);
      QdMemberLevel level = QD_MEMBER_LEVEL_AGENT;

      qd_member_level_from_nick (people[i].level, &level);
      qd_member_set_name (member, people[i].name);
      qd_member_set_email (member, email);
      qd_member_set_level (member, level);
      qd_member_set_team (member, "Tier 1");
      if (people[i].boss != NULL)
        qd_member_set_reports_to (member, f->member_ids[person (people[i].boss)]);
      f->member_ids[i] = qd_roster_add_member (f->roster, member, &error);
      g_assert_no_error (error);
    }

  qd_review_cycle_set_name (cycle, "2026 Q3");
  qd_review_cycle_set_period_start (cycle, "2026-07-01");
  qd_review_cycle_set_period_end (cycle, "2026-09-30");
  qd_review_cycle_set_participants_rule (cycle, QD_PARTICIPANTS_ALL_ACTIVE);
  f->cycle_id = qd_reviews_add_cycle (f->reviews, cycle, &error);
  g_assert_no_error (error);
  g_assert_true (qd_reviews_remove_participant (f->reviews, f->cycle_id, f->member_ids[person ("Marta Iglesias")], &error));
  g_assert_no_error (error);
  g_assert_true (qd_reviews_open_cycle (f->reviews, f->cycle_id, &error));
  g_assert_no_error (error);

  competency = first_competency (f);
  for (guint i = 1; i < G_N_ELEMENTS (people); i++)
    {
      gint64 review = review_of (f, people[i].name);

      g_assert_true (qd_reviews_set_review_status (f->reviews, review, QD_REVIEW_STATUS_MANAGER_REVIEW, &error));
      g_assert_no_error (error);
      g_assert_true (qd_reviews_set_rating (f->reviews, review, competency, QD_RATING_SOURCE_MANAGER,
                                            (guint) people[i].overall, "", &error));
      g_assert_no_error (error);
      g_assert_true (qd_reviews_set_overall_rating (f->reviews, review, people[i].overall, &error));
      g_assert_no_error (error);
      if (people[i].potential != QD_POTENTIAL_UNSET)
        {
          g_assert_true (qd_reviews_set_potential (f->reviews, review, people[i].potential, &error));
          g_assert_no_error (error);
        }
      g_assert_true (qd_reviews_submit_manager_review (f->reviews, review, &error));
      g_assert_no_error (error);
    }
  g_assert_true (qd_reviews_start_calibration (f->reviews, f->cycle_id, &error));
  g_assert_no_error (error);
}

/* ---- widgets ---- */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ACTION_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
member_button (Fixture    *f,
               const char *name)
{
  g_autofree char *widget_name = g_strdup_printf ("member-%" G_GINT64_FORMAT, review_of (f, name));
  GtkWidget *button = find_named (GTK_WIDGET (f->nine_box), widget_name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_ancestor (button, GTK_WIDGET (f->nine_box)));
  return button;
}

static void
assert_row (Fixture    *f,
            const char *title)
{
  if (find_row (GTK_WIDGET (f->view), title) == NULL)
    g_error ("No row “%s”", title);
}

static const char *
move_status (Fixture *f)
{
  GtkWidget *label = find_named (GTK_WIDGET (f->view), "move-status");

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Clicks Lock Ratings… and answers the dialog with @response. */
static void
lock_through_dialog (Fixture    *f,
                     const char *response)
{
  GtkWidget *button = find_named (GTK_WIDGET (f->view), "lock-button");
  AdwMessageDialog *dialog;
  GtkWidget *answer;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "can no longer change") != NULL);
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "lock"), ==, "_Lock Ratings");
  g_object_ref (dialog);
  /* Click the dialog's own button, as a user would */
  answer = find_button (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (answer);
  g_signal_emit_by_name (answer, "clicked");
  iterate (200);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* ---- fixture ---- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("qd-calibration-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "team.db", NULL);
  f->store = qd_store_open (f->db_path, &error);
  g_assert_no_error (error);
  f->roster = qd_roster_new (f->store);
  f->reviews = qd_reviews_new (f->store);
  make_cycle (f);

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (f->window);
  gtk_window_set_default_size (f->window, 1200, 900);
  f->view = QD_CALIBRATION_VIEW (qd_calibration_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  qd_calibration_view_set_reviews (f->view, f->reviews);
  qd_calibration_view_set_cycle (f->view, f->cycle_id);
  gtk_window_present (f->window);
  iterate (300);

  f->nine_box = QD_NINE_BOX (find_named (GTK_WIDGET (f->view), "nine-box"));
  g_assert_nonnull (f->nine_box);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate (50);
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->reviews);
  g_assert_finalize_object (f->roster);
  g_assert_finalize_object (f->store);
  remove_dir (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

/* ---- tests ---- */

static void
test_distribution (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *cell;
  GtkWidget *chart;
  AdwActionRow *row;

  g_assert_true (find_named (GTK_WIDGET (f->view), "title") != NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (GTK_WIDGET (f->view), "title"))), ==,
                   "Calibration of 2026 Q3");

  /* In words, with the verdict, not only in colour */
  assert_row (f, "Whole cycle: 57 % top · 36 % middle · 7 % bottom — far from the target");
  assert_row (f, "Chloé Martin: 86 % top · 14 % middle · 0 % bottom — far from the target");
  assert_row (f, "Grace Mensah: 20 % top · 60 % middle · 20 % bottom — close to the target");
  assert_row (f, "Marta Iglesias: 50 % top · 50 % middle · 0 % bottom — too few ratings to judge");
  row = find_row (GTK_WIDGET (f->view), "Chloé Martin: 86 % top · 14 % middle · 0 % bottom — far from the target");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "7 of 7 reviews rated · Top 86 % against a target of 20 %; Middle 14 % against a target of 70 %");

  /* The charts are drawn by the chart code and described in words */
  chart = find_named (GTK_WIDGET (f->view), "top-chart");
  g_assert_nonnull (chart);
  g_assert_cmpint (gtk_widget_get_height (chart), >, 100);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, "Share of top ratings");

  /* The grid: cells say who is there, in words */
  cell = find_named (GTK_WIDGET (f->nine_box), "cell-high-high");
  g_assert_nonnull (cell);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "High performance, high potential (Future leaders): 4 people: "
                                       "Ana Ruiz, Chen Li, Chloé Martin, Marcus Johnson");
  cell = find_named (GTK_WIDGET (f->nine_box), "cell-low-low");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Low performance, low potential (Talent risks): 1 person: Nora Kowalski");
  cell = find_named (GTK_WIDGET (f->nine_box), "cell-medium-medium");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Medium performance, medium potential (Core players): 3 people: "
                                       "Camila Souza, Eli Novak, Fay Moreau");
  /* Grace has no potential yet */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_named (GTK_WIDGET (f->nine_box), "unplaced")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Not placed yet: 1 person: Grace Mensah");
  g_assert_true (gtk_widget_is_ancestor (member_button (f, "Grace Mensah"),
                                         find_named (GTK_WIDGET (f->nine_box), "unplaced")));

  /* Tiers with the action each calls for */
  row = find_row (GTK_WIDGET (f->view), "Top · Recognise");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Ana Ruiz, Ben Okafor, Chen Li, Chloé Martin, Dara Walsh, Fatima Zahra, Marcus Johnson, Oliver Hughes");
  row = find_row (GTK_WIDGET (f->view), "Bottom · Personalised training and mentoring");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Nora Kowalski");
  assert_row (f, "Middle · Coach");
}

static void
test_keyboard_move (Fixture       *f,
                    gconstpointer  data)
{
  gint64 oliver = review_of (f, "Oliver Hughes");
  gint64 grace = review_of (f, "Grace Mensah");
  gint64 chen = review_of (f, "Chen Li");
  g_autofree char *row = NULL;
  GtkWidget *focus;

  g_assert_false (qd_nine_box_get_read_only (f->nine_box));
  row = review_row (f, oliver);
  g_assert_cmpstr (row, ==, "medium|-|manager-review");
  g_clear_pointer (&row, g_free);

  /* Alt+Up on Oliver: same performance, high potential. The rating
   * stays 5 and becomes the calibrated one. */
  g_assert_true (gtk_widget_grab_focus (member_button (f, "Oliver Hughes")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (member_button (f, "Oliver Hughes")), "nine-box.move-up", NULL));
  iterate (100);
  row = review_row (f, oliver);
  g_assert_cmpstr (row, ==, "high|5.0|calibrated");
  g_clear_pointer (&row, g_free);
  g_assert_cmpstr (move_status (f), ==,
                   "Oliver Hughes moved to High performance · High potential — Future leaders.");
  /* The focus follows him to his new box */
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == member_button (f, "Oliver Hughes"));
  g_assert_true (gtk_widget_is_ancestor (focus, find_named (GTK_WIDGET (f->nine_box), "cell-high-high")));

  /* Alt+Left: down to medium performance, so the calibrated rating
   * becomes 3, the highest point of the middle band. */
  g_assert_true (gtk_widget_activate_action (focus, "nine-box.move-left", NULL));
  iterate (100);
  row = review_row (f, oliver);
  g_assert_cmpstr (row, ==, "high|3.0|calibrated");
  g_clear_pointer (&row, g_free);
  g_assert_true (gtk_widget_is_ancestor (member_button (f, "Oliver Hughes"),
                                         find_named (GTK_WIDGET (f->nine_box), "cell-medium-high")));
  /* and Chloé's spread follows: 5 top of 7 */
  assert_row (f, "Chloé Martin: 71 % top · 29 % middle · 0 % bottom — far from the target");

  /* Nowhere to go above the top row: nothing changes */
  g_assert_true (gtk_widget_grab_focus (member_button (f, "Chen Li")));
  gtk_widget_activate_action (member_button (f, "Chen Li"), "nine-box.move-up", NULL);
  iterate (100);
  row = review_row (f, chen);
  g_assert_cmpstr (row, ==, "high|-|manager-review");
  g_clear_pointer (&row, g_free);

  /* The menu's "Move to …" places Grace, who had no potential */
  g_assert_true (gtk_widget_activate_action (member_button (f, "Grace Mensah"), "nine-box.move-to", "(xii)",
                                             grace, (gint32) QD_TIER_MIDDLE, (gint32) QD_POTENTIAL_MEDIUM));
  iterate (100);
  row = review_row (f, grace);
  g_assert_cmpstr (row, ==, "medium|3.0|calibrated");
  g_clear_pointer (&row, g_free);
  g_assert_true (gtk_widget_is_ancestor (member_button (f, "Grace Mensah"),
                                         find_named (GTK_WIDGET (f->nine_box), "cell-medium-medium")));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_named (GTK_WIDGET (f->nine_box), "unplaced")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Not placed yet: nobody");

  /* What a drop does: Chen to low performance, low potential; the
   * rating falls to 2, the highest point of the bottom band. */
  g_assert_true (qd_nine_box_move (f->nine_box, chen, QD_TIER_BOTTOM, QD_POTENTIAL_LOW));
  iterate (100);
  row = review_row (f, chen);
  g_assert_cmpstr (row, ==, "low|2.0|calibrated");
}

static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  GtkSpinButton *top = GTK_SPIN_BUTTON (find_named (GTK_WIDGET (f->view), "top-spin"));
  GtkSpinButton *middle = GTK_SPIN_BUTTON (find_named (GTK_WIDGET (f->view), "middle-spin"));
  g_autofree char *sql = g_strdup_printf ("SELECT target_top_percent FROM review_cycles WHERE id = %" G_GINT64_FORMAT,
                                          f->cycle_id);
  g_autofree char *sql_middle = g_strdup_printf ("SELECT target_middle_percent FROM review_cycles WHERE id = %" G_GINT64_FORMAT,
                                                 f->cycle_id);
  AdwExpanderRow *targets;
  AdwActionRow *row;

  targets = ADW_EXPANDER_ROW (find_named (GTK_WIDGET (f->view), "targets-row"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (targets), ==, "20 % top · 70 % middle · 10 % bottom");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (top), ==, 20);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (middle), ==, 70);

  /* 25 + 70 + 10 = 105: said, not saved */
  gtk_spin_button_set_value (top, 25);
  iterate (100);
  g_assert_cmpfloat (db_double (f, sql), ==, 20);
  targets = ADW_EXPANDER_ROW (find_named (GTK_WIDGET (f->view), "targets-row"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (targets), ==,
                   "Top, middle and bottom add up to 105 %: the target is saved once they add up to 100 %.");

  /* 25 + 65 + 10 = 100: saved */
  gtk_spin_button_set_value (middle, 65);
  iterate (100);
  g_assert_cmpfloat (db_double (f, sql), ==, 25);
  g_assert_cmpfloat (db_double (f, sql_middle), ==, 65);
  g_assert_cmpstr (adw_expander_row_get_subtitle (targets), ==, "25 % top · 65 % middle · 10 % bottom");
  /* and the verdicts are against the new target */
  assert_row (f, "Grace Mensah: 20 % top · 60 % middle · 20 % bottom — close to the target");
  row = find_row (GTK_WIDGET (f->view), "Chloé Martin: 86 % top · 14 % middle · 0 % bottom — far from the target");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "7 of 7 reviews rated · Top 86 % against a target of 25 %; Middle 14 % against a target of 65 %");
}

static void
test_lock (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ana = review_of (f, "Ana Ruiz");
  gint64 grace = review_of (f, "Grace Mensah");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *reason;

  /* Cancel changes nothing */
  lock_through_dialog (f, "cancel");
  g_assert_cmpint (ratings_locked (f), ==, 0);

  /* Not everyone is calibrated yet: the model says who, nothing locks */
  lock_through_dialog (f, "lock");
  g_assert_cmpint (ratings_locked (f), ==, 0);
  g_assert_true (g_str_has_prefix (move_status (f), "Every review must be calibrated before the ratings are locked."));
  g_assert_false (qd_nine_box_get_read_only (f->nine_box));

  /* "Keep in Future leaders" confirms Ana's rating where she is */
  g_assert_true (gtk_widget_activate_action (member_button (f, "Ana Ruiz"), "nine-box.move-to", "(xii)",
                                             ana, (gint32) QD_TIER_TOP, (gint32) QD_POTENTIAL_HIGH));
  iterate (100);
  after = review_row (f, ana);
  g_assert_cmpstr (after, ==, "high|5.0|calibrated");
  g_clear_pointer (&after, g_free);
  g_assert_cmpstr (move_status (f), ==,
                   "Ana Ruiz: rating confirmed in High performance · High potential — Future leaders.");

  /* The others as rated, through the model */
  for (guint i = 1; i < G_N_ELEMENTS (people); i++)
    {
      gint64 review = review_of (f, people[i].name);

      if (review == ana)
        continue;
      g_assert_true (qd_reviews_calibrate (f->reviews, review, NAN, &error));
      g_assert_no_error (error);
    }
  iterate (100);

  lock_through_dialog (f, "lock");
  g_assert_cmpint (ratings_locked (f), ==, 1);
  g_assert_cmpstr (move_status (f), ==, "Ratings of 2026 Q3 locked");

  /* Read-only, and it says why */
  g_assert_true (qd_nine_box_get_read_only (f->nine_box));
  reason = find_named (GTK_WIDGET (f->nine_box), "read-only-reason");
  g_assert_true (gtk_widget_is_visible (reason));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (reason)), ==,
                   "The ratings are locked: they are final, so nobody can be moved in the grid any more.");
  g_assert_false (gtk_widget_is_sensitive (find_named (GTK_WIDGET (f->view), "lock-button")));
  g_assert_false (gtk_widget_is_sensitive (find_named (GTK_WIDGET (f->view), "top-spin")));

  /* No move gets through: not a drop, not the keyboard, not the menu */
  before = review_row (f, ana);
  g_assert_cmpstr (before, ==, "high|5.0|calibrated");
  g_assert_false (qd_nine_box_move (f->nine_box, ana, QD_TIER_BOTTOM, QD_POTENTIAL_LOW));
  gtk_widget_grab_focus (member_button (f, "Ana Ruiz"));
  gtk_widget_activate_action (member_button (f, "Ana Ruiz"), "nine-box.move-left", NULL);
  gtk_widget_activate_action (member_button (f, "Ana Ruiz"), "nine-box.move-to", "(xii)",
                              ana, (gint32) QD_TIER_BOTTOM, (gint32) QD_POTENTIAL_LOW);
  iterate (100);
  after = review_row (f, ana);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  after = review_row (f, grace);
  g_assert_cmpstr (after, ==, "-|3.0|calibrated");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/calibration/distribution", test_distribution);
  ADD ("/calibration/keyboard-move", test_keyboard_move);
  ADD ("/calibration/targets", test_targets);
  ADD ("/calibration/lock", test_lock);

  return g_test_run ();
}
