/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UI tests of the Reviews page, under Xvfb with GTK_A11Y=test, on a real
 * database with a small team and the default template. They act as a
 * head of support would (the dialogs, the drop-downs, the text fields,
 * the step buttons) and check what ends up in the database and what the
 * page says. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-cycle-dialog.h"
#include "qd-goals.h"
#include "qd-notes.h"
#include "qd-template-dialog.h"
#include "qd-review-editor.h"
#include "qd-reviews-page.h"
#include "qd-roster.h"

/* The cycle typed into the dialog: Q4 2026 with deadlines in January;
 * on TODAY nothing is late yet, on LATER the self and manager reviews
 * are. */
#define TODAY "2026-11-18"
#define LATER "2027-01-20"

typedef struct
{
  char          *dir;
  char          *db_path;
  QdStore       *store;
  QdRoster      *roster;
  QdReviews     *reviews;
  QdKpis        *kpis;
  QdGoals       *goals;           /* only the tests that set the services */
  QdNotes       *notes;
  gint64         lead_id;
  gint64         ana_id;
  GtkWindow     *window;
  QdReviewsPage *page;
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

/* ---- the database ---- */

static gint64
db_int (Fixture    *fixture,
        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -2 : sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
db_text (Fixture    *fixture,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
add_member (Fixture       *fixture,
            const char    *name,
            QdMemberLevel  level,
            gint64         reports_to)
{
  g_autoptr(QdMember) member = qd_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  qd_member_set_name (member, name);
  qd_member_set_level (member, level);
  qd_member_set_team (member, "Tier 1");
  qd_member_set_reports_to (member, reports_to);
  id = qd_roster_add_member (fixture->roster, member, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ---- the widgets ---- */

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *label = NULL;

      if (text == NULL)
        return root;
      if (GTK_IS_LABEL (root))
        label = gtk_label_get_label (GTK_LABEL (root));
      else if (GTK_IS_BUTTON (root))
        label = gtk_button_get_label (GTK_BUTTON (root));
      else if (ADW_IS_STATUS_PAGE (root))
        label = adw_status_page_get_title (ADW_STATUS_PAGE (root));
      else if (ADW_IS_PREFERENCES_ROW (root))
        label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      else
        label = gtk_widget_get_name (root);
      if (g_strcmp0 (label, text) == 0 || g_strcmp0 (gtk_widget_get_name (root), text) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A mapped label inside @root whose text starts with @prefix. */
static GtkWidget *
find_label_prefix (GtkWidget  *root,
                   const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_prefix (child, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static GObject *
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), QD_TYPE_REVIEWS_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static GObject *
editor_child (QdReviewEditor *editor,
              const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (editor), QD_TYPE_REVIEW_EDITOR, name);

  g_assert_nonnull (child);
  return child;
}

static void
type_into_row (GtkWidget  *root,
               const char *title,
               const char *text)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  iterate (20);
}

/* Clicks a button (gtk_widget_activate() would wait for the press
 * animation). */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate (150);
}

/* Closes a window the way the user does and checks it went away. */
static void
close_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_close (window);
  iterate (100);
  g_assert_finalize_object (window);
}

/* Answers the message dialog on screen, which must go away. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWidget *button;

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);
  g_object_ref (dialog);
  click (button);
  g_assert_finalize_object (dialog);
}

/* The text of the toast on screen that starts with @prefix. */
static gboolean
toast_shown (Fixture    *fixture,
             const char *prefix)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (fixture->page), ADW_TYPE_TOAST_OVERLAY);

  return find_label_prefix (overlay, prefix) != NULL;
}

/* ---- fixture ---- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  fixture->dir = g_dir_make_tmp ("qd-reviews-page-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "team.db", NULL);
  fixture->store = qd_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->roster = qd_roster_new (fixture->store);
  fixture->reviews = qd_reviews_new (fixture->store);
  fixture->kpis = qd_kpis_new (fixture->store);

  /* Gil leads Ana, Ben and Chen. */
  fixture->lead_id = add_member (fixture, "Gil Lead", QD_MEMBER_LEVEL_TEAM_LEAD, 0);
  fixture->ana_id = add_member (fixture, "Ana Ruiz", QD_MEMBER_LEVEL_AGENT, fixture->lead_id);
  add_member (fixture, "Ben Okafor", QD_MEMBER_LEVEL_AGENT, fixture->lead_id);
  add_member (fixture, "Chen Li", QD_MEMBER_LEVEL_AGENT, fixture->lead_id);
  g_assert_cmpint (qd_reviews_ensure_default_template (fixture->reviews, &error), >, 0);
  g_assert_no_error (error);

  fixture->page = g_object_new (QD_TYPE_REVIEWS_PAGE, NULL);
  qd_reviews_page_set_today (fixture->page, TODAY);
  qd_reviews_page_set_roster (fixture->page, fixture->roster);
  qd_reviews_page_set_kpis (fixture->page, fixture->kpis);
  qd_reviews_page_set_reviews (fixture->page, fixture->reviews);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 1280, 900);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, overlay);
  gtk_window_present (fixture->window);
  iterate (300);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  iterate (50);
  g_assert_finalize_object (fixture->window);
  if (fixture->goals != NULL)
    g_assert_finalize_object (fixture->goals);
  if (fixture->notes != NULL)
    g_assert_finalize_object (fixture->notes);
  g_assert_finalize_object (fixture->reviews);
  g_assert_finalize_object (fixture->kpis);
  g_assert_finalize_object (fixture->roster);
  g_assert_finalize_object (fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* Creates "2026 Q4 reviews" through the dialog and returns its id. */
static gint64
create_cycle (Fixture *fixture)
{
  GtkWindow *dialog;
  GtkWidget *create;
  GtkWidget *problem;
  GtkWidget *empty_button;
  gint64 id;

  empty_button = find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "_Create the First Cycle");
  g_assert_nonnull (empty_button);
  g_assert_true (gtk_widget_get_mapped (empty_button));
  click (empty_button);

  dialog = find_toplevel (QD_TYPE_CYCLE_DIALOG);
  g_assert_nonnull (dialog);
  create = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate");
  g_assert_nonnull (create);

  /* The dialog proposes the quarter of today. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Starts"))),
                   ==, "2026-10-01");

  type_into_row (GTK_WIDGET (dialog), "Name", "2026 Q4 reviews");
  type_into_row (GTK_WIDGET (dialog), "Starts", "2026-10-01");
  type_into_row (GTK_WIDGET (dialog), "Ends", "2026-12-31");
  type_into_row (GTK_WIDGET (dialog), "Manager reviews due", "2027-01-15");
  type_into_row (GTK_WIDGET (dialog), "Calibration due", "2027-01-22");

  /* A day that does not exist is said at once, and Create waits. */
  type_into_row (GTK_WIDGET (dialog), "Self reviews due", "2027-02-30");
  g_assert_false (gtk_widget_get_sensitive (create));
  iterate (300);   /* the line slides in */
  problem = find_label_prefix (GTK_WIDGET (dialog), "The self review deadline “2027-02-30” is not a day");
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_has_css_class (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Self reviews due"),
                                           "error"));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM review_cycles"), ==, 0);

  /* Deadlines in the wrong order: the model's reason, and nothing stored. */
  type_into_row (GTK_WIDGET (dialog), "Self reviews due", "2027-01-16");
  g_assert_true (gtk_widget_get_sensitive (create));
  click (create);
  iterate (300);
  g_assert_true (find_toplevel (QD_TYPE_CYCLE_DIALOG) == dialog);
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (dialog), "Self reviews are due after manager reviews"));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM review_cycles"), ==, 0);

  type_into_row (GTK_WIDGET (dialog), "Self reviews due", "2027-01-08");
  g_object_ref (dialog);
  click (create);
  g_assert_finalize_object (dialog);

  id = db_int (fixture, "SELECT id FROM review_cycles WHERE name = '2026 Q4 reviews' AND period_start = '2026-10-01' "
                        "AND period_end = '2026-12-31' AND self_due = '2027-01-08' AND manager_due = '2027-01-15' "
                        "AND calibration_due = '2027-01-22' AND status = 'planned'");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (qd_reviews_page_get_cycle_id (fixture->page), ==, id);
  return id;
}

static void
open_cycle (Fixture *fixture,
            gint64   cycle_id)
{
  AdwMessageDialog *confirm;
  GtkWidget *step;

  step = GTK_WIDGET (page_child (fixture, "cycle_step_button"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (step)), ==, "_Open Cycle…");
  click (step);

  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Open 2026 Q4 reviews?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "freezes the template “Support team”"));
  respond (confirm, "confirm");
}

/* ---- tests ---- */

static void
test_create_and_open_cycle (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autofree char *status = NULL;
  GtkWidget *empty;
  gint64 id;
  gint64 n_template;

  empty = find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_STATUS_PAGE, "No Review Cycles Yet");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (empty));

  id = create_cycle (fixture);

  /* Every active member takes part, reviewed by their manager. */
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM reviews"), ==, 4);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, "Ana Ruiz"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (fixture, "cycle_status_label"))), ==, "Planned");

  /* Nothing is frozen while planned; opening freezes the template. */
  sql = g_strdup_printf ("SELECT count(*) FROM cycle_competencies WHERE cycle_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (db_int (fixture, sql), ==, 0);
  open_cycle (fixture, id);

  n_template = db_int (fixture, "SELECT count(*) FROM template_competencies");
  g_assert_cmpint (n_template, >, 0);
  g_assert_cmpint (db_int (fixture, sql), ==, n_template);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM cycle_competencies c JOIN template_competencies t "
                         "ON t.name = c.name AND t.group_name = c.group_name AND t.weight = c.weight "
                         "AND t.position = c.position WHERE c.cycle_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (db_int (fixture, sql), ==, n_template);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT status FROM review_cycles WHERE id = %" G_GINT64_FORMAT, id);
  status = db_text (fixture, sql);
  g_assert_cmpstr (status, ==, "open");
  g_clear_pointer (&status, g_free);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (fixture, "cycle_status_label"))), ==, "Open");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (page_child (fixture, "cycle_step_button"))), ==,
                   "Start _Calibration");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (fixture, "counts_label"))), ==,
                   "0 of 4 self reviews submitted · 0 of 4 manager reviews submitted");

  /* An open cycle stays on record: Delete is refused with the model's
   * reason, without asking first. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reviews.delete-cycle", NULL);
  iterate (100);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (toast_shown (fixture, "2026 Q4 reviews has already opened, so it stays on record."));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM review_cycles"), ==, 1);

  /* Starting calibration before the manager reviews: the model says why not. */
  click (GTK_WIDGET (page_child (fixture, "cycle_step_button")));
  g_assert_true (toast_shown (fixture, "Calibration can start once every manager review is submitted."));
  status = db_text (fixture, sql);
  g_assert_cmpstr (status, ==, "open");
}

static void
test_fill_review (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  QdReviewEditor *editor;
  GtkColumnView *view;
  GListModel *model;
  GtkWidget *competency;
  GtkWidget *dropdown;
  GtkWidget *step;
  GtkTextBuffer *buffer;
  QdReviewScore score;
  g_autofree char *formula = NULL;
  gint64 cycle_id;
  gint64 review_id;
  gint64 competency_id;
  guint position = G_MAXUINT;

  cycle_id = create_cycle (fixture);
  open_cycle (fixture, cycle_id);
  sql = g_strdup_printf ("SELECT id FROM reviews WHERE member_id = %" G_GINT64_FORMAT, fixture->ana_id);
  review_id = db_int (fixture, sql);
  g_clear_pointer (&sql, g_free);
  competency_id = db_int (fixture, "SELECT id FROM cycle_competencies ORDER BY position LIMIT 1");

  /* Activating Ana's row opens her review. */
  view = GTK_COLUMN_VIEW (page_child (fixture, "column_view"));
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QdReview) review = g_list_model_get_item (model, i);
      if (qd_review_get_id (review) == review_id)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_signal_emit_by_name (view, "activate", position);
  iterate (200);

  editor = QD_REVIEW_EDITOR (page_child (fixture, "review_editor"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_cmpint (qd_review_editor_get_review_id (editor), ==, review_id);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (editor_child (editor, "title_label"))), ==, "Ana Ruiz");
  step = GTK_WIDGET (editor_child (editor, "step_button"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (step)), ==, "_Start Self Review");

  /* Gil reviews Ana; a review can be handed to nobody and back. */
  {
    AdwComboRow *reviewer = ADW_COMBO_ROW (editor_child (editor, "reviewer_row"));
    QdMember *chosen = adw_combo_row_get_selected_item (reviewer);

    g_assert_cmpstr (qd_member_get_name (chosen), ==, "Gil Lead");
    adw_combo_row_set_selected (reviewer, 0);
    iterate (100);
    sql = g_strdup_printf ("SELECT reviewer_id FROM reviews WHERE id = %" G_GINT64_FORMAT, review_id);
    g_assert_cmpint (db_int (fixture, sql), ==, -2);   /* NULL */
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (editor_child (editor, "subtitle_label"))),
                              "No reviewer"));
    adw_combo_row_set_selected (reviewer, 1);
    iterate (100);
    g_assert_cmpint (db_int (fixture, sql), ==, fixture->lead_id);
    g_clear_pointer (&sql, g_free);
  }

  /* Ana's own rating of the first competency starts her self review. */
  competency = find_widget (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, "competency");
  g_assert_nonnull (competency);
  dropdown = find_widget (competency, GTK_TYPE_DROP_DOWN, "self-rating");
  g_assert_true (gtk_widget_get_sensitive (dropdown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 4);
  iterate (100);
  sql = g_strdup_printf ("SELECT status FROM reviews WHERE id = %" G_GINT64_FORMAT, review_id);
  text = db_text (fixture, sql);
  g_assert_cmpstr (text, ==, "self-review");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (step)), ==, "Submit _Self Review");

  /* A manager rating before the self review is submitted: refused, and
   * the drop-down goes back to "Not rated". */
  dropdown = find_widget (competency, GTK_TYPE_DROP_DOWN, "manager-rating");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  iterate (100);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  g_assert_true (toast_shown (fixture, "Ana Ruiz’s self review is still under way"));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM review_ratings WHERE source = 'manager'"), ==, 0);

  click (step);
  text = db_text (fixture, sql);
  g_assert_cmpstr (text, ==, "manager-review");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&sql, g_free);
  /* The self part is closed now. */
  g_assert_false (gtk_widget_get_sensitive (find_widget (competency, GTK_TYPE_DROP_DOWN, "self-rating")));

  /* The manager rates the first competency "3 — Meets expectations". */
  dropdown = find_widget (competency, GTK_TYPE_DROP_DOWN, "manager-rating");
  g_assert_true (gtk_widget_get_sensitive (dropdown));
  {
    GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 0), ==, "Not rated");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 3), ==, "3 — Meets expectations");
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 3);
  iterate (100);

  /* Strengths, saved as typed after a short pause. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor_child (editor, "strengths_view")));
  gtk_text_buffer_set_text (buffer, "Calm with angry customers", -1);
  iterate (700);

  /* The overall rating, then the manager submits. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor_child (editor, "overall_dropdown")), 3);
  iterate (100);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (step)), ==, "Submit _Manager Review");
  click (step);

  sql = g_strdup_printf ("SELECT count(*) FROM review_ratings WHERE review_id = %" G_GINT64_FORMAT
                         " AND rating IS NOT NULL", review_id);
  g_assert_cmpint (db_int (fixture, sql), ==, 2);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT rating FROM review_ratings WHERE review_id = %" G_GINT64_FORMAT
                         " AND competency_id = %" G_GINT64_FORMAT " AND source = 'manager'", review_id, competency_id);
  g_assert_cmpint (db_int (fixture, sql), ==, 3);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT rating FROM review_ratings WHERE review_id = %" G_GINT64_FORMAT
                         " AND competency_id = %" G_GINT64_FORMAT " AND source = 'self'", review_id, competency_id);
  g_assert_cmpint (db_int (fixture, sql), ==, 4);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT strengths FROM reviews WHERE id = %" G_GINT64_FORMAT, review_id);
  text = db_text (fixture, sql);
  g_assert_cmpstr (text, ==, "Calm with angry customers");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT overall_rating = 3 AND manager_submitted_at IS NOT NULL AND kpi_rating IS NULL "
                         "FROM reviews WHERE id = %" G_GINT64_FORMAT, review_id);
  g_assert_cmpint (db_int (fixture, sql), ==, 1);
  g_clear_pointer (&sql, g_free);

  /* The score summary shows the model's formula: competencies only, the
   * other sections left out rather than counted as zero. */
  g_assert_true (qd_reviews_get_score (fixture->reviews, review_id, &score, &error));
  g_assert_no_error (error);
  formula = qd_review_describe_score (&score);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (editor_child (editor, "score_formula_label"))), ==, formula);
  g_assert_nonnull (strstr (formula, "Competencies 3.0"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (editor_child (editor, "score_value_label"))), ==, "3.0 of 5");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (editor_child (editor, "goals_value_label"))), ==,
                   "No goals in this period");

  /* Escape goes back to the cycle, whose counts moved on. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL);
  iterate (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page_child (fixture, "column_view"))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (fixture, "counts_label"))), ==,
                   "1 of 4 self reviews submitted · 1 of 4 manager reviews submitted");
}

static void
test_anonymous_feedback (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *sql = NULL;
  AdwMessageDialog *dialog;
  QdReviewEditor *editor;
  GtkWidget *name_row;
  GtkWidget *anonymous;
  GtkWidget *rating_row;
  GtkWidget *hidden;
  g_autofree char *first_name = NULL;
  gint64 cycle_id;
  gint64 review_id;

  cycle_id = create_cycle (fixture);
  open_cycle (fixture, cycle_id);
  sql = g_strdup_printf ("SELECT id FROM reviews WHERE member_id = %" G_GINT64_FORMAT, fixture->ana_id);
  review_id = db_int (fixture, sql);
  g_clear_pointer (&sql, g_free);
  g_assert_true (qd_reviews_page_open_review (fixture->page, review_id));
  iterate (200);
  editor = QD_REVIEW_EDITOR (page_child (fixture, "review_editor"));
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "No 360 feedback yet"));

  click (GTK_WIDGET (editor_child (editor, "add_feedback_button")));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add 360 Feedback");

  /* A name typed, then the response made anonymous: the name goes. */
  name_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Dana Peer");
  anonymous = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL);
  gtk_switch_set_active (GTK_SWITCH (anonymous), TRUE);
  iterate (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  g_assert_false (gtk_widget_get_sensitive (name_row));

  first_name = db_text (fixture, "SELECT name FROM cycle_competencies ORDER BY position LIMIT 1");
  rating_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, first_name);
  g_assert_nonnull (rating_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (rating_row), 4);
  type_into_row (GTK_WIDGET (dialog), "Comment", "Always helps the new hires");
  respond (dialog, "add");

  sql = g_strdup_printf ("SELECT count(*) FROM feedback_responses WHERE review_id = %" G_GINT64_FORMAT
                         " AND anonymous = 1 AND respondent_name IS NULL AND comment = 'Always helps the new hires'",
                         review_id);
  g_assert_cmpint (db_int (fixture, sql), ==, 1);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM feedback_responses"), ==, 1);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM feedback_responses WHERE respondent_name = 'Dana Peer'"), ==, 0);

  /* One anonymous response is not shown: only the model's note is. */
  hidden = find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "anonymous-hidden");
  g_assert_nonnull (hidden);
  g_assert_true (gtk_widget_get_mapped (hidden));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (hidden)), ==,
                   "Hidden: fewer than three anonymous responses");
  g_assert_null (find_label_prefix (GTK_WIDGET (editor), "Always helps"));
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *view;
  GtkWidget *cell;
  gint64 cycle_id;

  cycle_id = create_cycle (fixture);
  open_cycle (fixture, cycle_id);
  view = GTK_WIDGET (page_child (fixture, "column_view"));

  /* On TODAY nothing is late. */
  g_assert_null (find_label_prefix (view, "Overdue"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page_child (fixture, "overdue_count_box"))));

  /* Past the self (8 Jan) and manager (15 Jan) deadlines, nobody started. */
  qd_reviews_page_set_today (fixture->page, LATER);
  iterate (200);
  cell = find_label_prefix (view, "Overdue: ");
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (cell)), ==, "Overdue: self review, manager review");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page_child (fixture, "overdue_count_box"))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (fixture, "overdue_count_label"))), ==, "4 overdue");
}

static void
test_participants (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sql = NULL;
  AdwMessageDialog *dialog;
  GtkColumnView *view;
  GListModel *model;
  GtkWidget *undo;
  GtkWidget *check;
  gint64 cycle_id;
  gint64 zoe_id;
  guint position = G_MAXUINT;

  cycle_id = create_cycle (fixture);
  view = GTK_COLUMN_VIEW (page_child (fixture, "column_view"));
  model = G_LIST_MODEL (gtk_column_view_get_model (view));

  /* Filter by reviewer, then search. */
  {
    GtkDropDown *reviewers = GTK_DROP_DOWN (page_child (fixture, "reviewer_dropdown"));
    GListModel *names = gtk_drop_down_get_model (reviewers);

    g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "Gil Lead");
    gtk_drop_down_set_selected (reviewers, 1);
    iterate (50);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
    gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "search_entry")), "ben");
    iterate (400);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "search_entry")), "");
    gtk_drop_down_set_selected (reviewers, 0);
    iterate (400);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  }

  /* Ben leaves the cycle; Undo brings him back, reviewed by Gil. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QdReview) review = g_list_model_get_item (model, i);
      if (g_str_equal (qd_review_get_member_name (review), "Ben Okafor"))
        position = i;
    }
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (view), "reviews.remove-participant", NULL);
  iterate (100);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM reviews"), ==, 3);
  g_assert_true (toast_shown (fixture, "Ben Okafor was removed from 2026 Q4 reviews"));
  undo = find_widget (gtk_widget_get_ancestor (GTK_WIDGET (fixture->page), ADW_TYPE_TOAST_OVERLAY),
                      GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  click (undo);
  sql = g_strdup_printf ("SELECT count(*) FROM reviews r JOIN members m ON m.id = r.member_id "
                         "WHERE m.name = 'Ben Okafor' AND r.reviewer_id = %" G_GINT64_FORMAT, fixture->lead_id);
  g_assert_cmpint (db_int (fixture, sql), ==, 1);
  g_clear_pointer (&sql, g_free);

  /* Someone who joined after the cycle was made is added through the dialog. */
  zoe_id = add_member (fixture, "Zoe Taylor", QD_MEMBER_LEVEL_AGENT, fixture->lead_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reviews.add-participants", NULL);
  iterate (200);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  /* Only those not taking part yet are offered. */
  g_assert_null (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Ana Ruiz"));
  check = find_widget (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Zoe Taylor"), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  respond (dialog, "add");
  sql = g_strdup_printf ("SELECT count(*) FROM reviews WHERE cycle_id = %" G_GINT64_FORMAT
                         " AND member_id = %" G_GINT64_FORMAT, cycle_id, zoe_id);
  g_assert_cmpint (db_int (fixture, sql), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
}

static void
test_next_quarter_and_delete (Fixture       *fixture,
                              gconstpointer  data)
{
  AdwMessageDialog *dialog;
  gint64 first;
  gint64 next;

  first = create_cycle (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reviews.create-next-quarter", NULL);
  iterate (100);
  next = db_int (fixture, "SELECT id FROM review_cycles WHERE name = '2027 Q1' AND period_start = '2027-01-01' "
                          "AND period_end = '2027-03-31' AND status = 'planned'");
  g_assert_cmpint (next, >, 0);
  g_assert_cmpint (qd_reviews_page_get_cycle_id (fixture->page), ==, next);
  g_assert_true (toast_shown (fixture, "2027 Q1 was created"));

  /* Delete asks first (the model has no undo for it); Cancel keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reviews.delete-cycle", NULL);
  iterate (100);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete 2027 Q1?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  respond (dialog, "cancel");
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM review_cycles"), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reviews.delete-cycle", NULL);
  iterate (100);
  respond (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "delete");
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM review_cycles"), ==, 1);
  g_assert_cmpint (qd_reviews_page_get_cycle_id (fixture->page), ==, first);
}

static void
test_edit_cycle (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWindow *dialog;
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  id = create_cycle (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reviews.edit-cycle", NULL);
  iterate (200);
  dialog = find_toplevel (QD_TYPE_CYCLE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate")));

  /* Saved as typed, after a short pause. */
  type_into_row (GTK_WIDGET (dialog), "Name", "Q4 2026");
  iterate (600);
  sql = g_strdup_printf ("SELECT name FROM review_cycles WHERE id = %" G_GINT64_FORMAT, id);
  name = db_text (fixture, sql);
  g_assert_cmpstr (name, ==, "Q4 2026");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (fixture, "cycle_title"))), ==, "Q4 2026");
  close_window (dialog);
}

static void
test_import_survey (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  QdReviewEditor *editor;
  gint64 cycle_id;
  gint64 review_id;

  cycle_id = create_cycle (fixture);
  open_cycle (fixture, cycle_id);
  sql = g_strdup_printf ("SELECT id FROM reviews WHERE member_id = %" G_GINT64_FORMAT, fixture->ana_id);
  review_id = db_int (fixture, sql);
  g_clear_pointer (&sql, g_free);
  g_assert_true (qd_reviews_page_open_review (fixture->page, review_id));
  iterate (200);
  editor = QD_REVIEW_EDITOR (page_child (fixture, "review_editor"));

  /* Two good rows about Ana (one anonymous that still names someone) and
   * one about a person who does not take part. */
  first = db_text (fixture, "SELECT name FROM cycle_competencies ORDER BY position LIMIT 1");
  csv_path = g_build_filename (fixture->dir, "survey.csv", NULL);
  {
    g_autofree char *contents = g_strdup_printf ("Reviewee,Relationship,Anonymous,Respondent,Comments,%s\n"
                                                 "Ana Ruiz,peer,no,Dana Peer,Patient,4\n"
                                                 "Ana Ruiz,peer,yes,Eve Secret,Clear writer,3\n"
                                                 "Nobody Here,peer,no,Finn,Hm,2\n",
                                                 first);
    g_assert_true (g_file_set_contents (csv_path, contents, -1, &error));
    g_assert_no_error (error);
  }
  file = g_file_new_for_path (csv_path);
  qd_review_editor_import_file (editor, file);
  iterate (200);

  /* Nothing is imported before the user agrees to leave the bad row out. */
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Some Rows Cannot Be Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Row 4"));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM feedback_responses"), ==, 0);
  respond (dialog, "import");

  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Survey Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 responses were imported for 1 person"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "was not kept"));
  respond (dialog, "close");

  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM feedback_responses"), ==, 2);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM feedback_responses WHERE anonymous = 1 "
                                    "AND respondent_name IS NULL"), ==, 1);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM feedback_responses WHERE respondent_name = 'Eve Secret'"), ==, 0);
  /* The named response is listed by name. */
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, "Dana Peer"));
}

static void
test_template (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *spins[3];
  GtkWidget *row;
  gint64 n_before;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reviews.edit-default-template", NULL);
  iterate (200);
  dialog = find_toplevel (QD_TYPE_TEMPLATE_DIALOG);
  g_assert_nonnull (dialog);

  spins[0] = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), QD_TYPE_TEMPLATE_DIALOG, "competencies_spin"));
  spins[1] = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), QD_TYPE_TEMPLATE_DIALOG, "kpis_spin"));
  spins[2] = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), QD_TYPE_TEMPLATE_DIALOG, "goals_spin"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spins[0])), ==, 60);

  /* 70 + 20 + 20 is not saved; 70 + 10 + 20 is. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins[0]), 70);
  iterate (50);
  g_assert_cmpint (db_int (fixture, "SELECT competencies_weight FROM review_templates"), ==, 60);
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (dialog), "Percent of the final score. They add up to 110 %"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins[1]), 10);
  iterate (50);
  g_assert_cmpint (db_int (fixture, "SELECT competencies_weight = 70 AND kpi_weight = 10 AND goals_weight = 20 "
                                    "FROM review_templates"), ==, 1);

  n_before = db_int (fixture, "SELECT count(*) FROM template_competencies");
  click (gtk_widget_get_ancestor (find_label_prefix (GTK_WIDGET (dialog), "_Add Competency"), GTK_TYPE_BUTTON));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM template_competencies"), ==, n_before + 1);
  row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "New competency");
  g_assert_nonnull (row);
  g_assert_cmpint (db_int (fixture, "SELECT position = (SELECT max (position) FROM template_competencies) "
                                    "FROM template_competencies WHERE name = 'New competency'"), ==, 1);

  /* Up one place, then removed again. */
  click (find_button_with_tooltip (row, "Move Up"));
  g_assert_cmpint (db_int (fixture, "SELECT position = (SELECT max (position) FROM template_competencies) "
                                    "FROM template_competencies WHERE name = 'New competency'"), ==, 0);
  row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "New competency");
  click (find_button_with_tooltip (row, "Remove"));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM template_competencies"), ==, n_before);
  g_assert_null (find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "New competency"));
  close_window (dialog);
}

static void
add_note (Fixture    *fixture,
          gint64      member_id,
          QdNoteKind  kind,
          const char *day,
          const char *text)
{
  g_autoptr(QdMemberNote) note = qd_member_note_new ();
  g_autoptr(GError) error = NULL;

  qd_member_note_set_member_id (note, member_id);
  qd_member_note_set_kind (note, kind);
  qd_member_note_set_noted_on (note, day);
  qd_member_note_set_text (note, text);
  g_assert_cmpint (qd_notes_add_note (fixture->notes, note, &error), >, 0);
  g_assert_no_error (error);
}

/* The subtitles (the texts) of the notes the editor shows, in order. */
static char *
shown_notes (QdReviewEditor *editor)
{
  GtkWidget *list = GTK_WIDGET (editor_child (editor, "evidence_list"));
  g_autoptr(GString) texts = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child) && gtk_widget_get_mapped (child))
      g_string_append_printf (texts, "%s|", adw_action_row_get_subtitle (ADW_ACTION_ROW (child)));
  return g_string_free (g_steal_pointer (&texts), FALSE);
}

static gint64
review_of (Fixture *fixture,
           gint64   member_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM reviews WHERE member_id = %" G_GINT64_FORMAT, member_id);

  return db_int (fixture, sql);
}

static void
test_evidence_and_plan (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autofree char *texts = NULL;
  AdwMessageDialog *dialog;
  QdReviewEditor *editor;
  GtkWidget *due_row;
  GtkWidget *owner_row;
  GtkWidget *row;
  GtkWidget *check;
  GtkWidget *undo;
  QdMember *owner;
  gint64 ben_id;
  gint64 review_id;

  fixture->goals = qd_goals_new (fixture->store, fixture->kpis);
  fixture->notes = qd_notes_new (fixture->store);
  ben_id = db_int (fixture, "SELECT id FROM members WHERE name = 'Ben Okafor'");

  /* The cycle's period is 2026-10-01 to 2026-12-31; TODAY is within. */
  add_note (fixture, fixture->ana_id, QD_NOTE_KIND_CONCERN, "2026-09-30", "Missed the handover, the day before");
  add_note (fixture, fixture->ana_id, QD_NOTE_KIND_ONE_ON_ONE, "2026-10-01", "First 1:1 of the quarter");
  add_note (fixture, fixture->ana_id, QD_NOTE_KIND_PRAISE, "2026-11-10", "Great CSAT week");
  add_note (fixture, ben_id, QD_NOTE_KIND_NOTE, "2026-10-20", "Ben's own note");

  /* Left planned: opening it would leave a toast on screen, which the
   * delete toast below would push aside. */
  create_cycle (fixture);
  review_id = review_of (fixture, fixture->ana_id);
  g_assert_true (qd_reviews_page_open_review (fixture->page, review_id));
  iterate (200);
  editor = QD_REVIEW_EDITOR (page_child (fixture, "review_editor"));

  /* Without the services the two sections are not there. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor_child (editor, "evidence_group"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor_child (editor, "plan_group"))));

  qd_reviews_page_set_services (fixture->page, fixture->goals, fixture->notes);
  iterate (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor_child (editor, "evidence_group"))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor_child (editor, "plan_group"))));

  /* Exactly Ana's notes of the period, newest first, with kind and day. */
  texts = shown_notes (editor);
  g_assert_cmpstr (texts, ==, "Great CSAT week|First 1:1 of the quarter|");
  g_clear_pointer (&texts, g_free);
  row = find_widget (GTK_WIDGET (editor_child (editor, "evidence_list")), ADW_TYPE_ACTION_ROW, NULL);
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Praise · "));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "2026"));
  g_assert_null (find_label_prefix (GTK_WIDGET (editor), "No notes in this period"));

  /* A note written now shows at once. */
  add_note (fixture, fixture->ana_id, QD_NOTE_KIND_NOTE, "2026-11-16", "Asked for the API course");
  iterate (50);
  texts = shown_notes (editor);
  g_assert_cmpstr (texts, ==, "Asked for the API course|Great CSAT week|First 1:1 of the quarter|");
  g_clear_pointer (&texts, g_free);

  /* An action added through the dialog, owned by Ana unless changed. */
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (editor), "No development actions yet"));
  click (GTK_WIDGET (editor_child (editor, "add_action_button")));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add a Development Action");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  owner_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Owner");
  g_assert_nonnull (owner_row);
  owner = adw_combo_row_get_selected_item (ADW_COMBO_ROW (owner_row));
  g_assert_cmpstr (qd_member_get_name (owner), ==, "Ana Ruiz");
  type_into_row (GTK_WIDGET (dialog), "What is to be done", "Shadow Tier 2 on API escalations");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  due_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Due date (year-month-day, optional)");
  g_assert_nonnull (due_row);
  /* A day that does not exist: the model's reason, and no Add. */
  type_into_row (GTK_WIDGET (dialog), "Due date (year-month-day, optional)", "2026-02-30");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2026-02-30"));
  type_into_row (GTK_WIDGET (dialog), "Due date (year-month-day, optional)", "2026-12-15");
  respond (dialog, "add");

  sql = g_strdup_printf ("SELECT count(*) FROM development_actions WHERE review_id = %" G_GINT64_FORMAT
                         " AND member_id = %" G_GINT64_FORMAT " AND owner_id = %" G_GINT64_FORMAT
                         " AND action = 'Shadow Tier 2 on API escalations' AND due_date = '2026-12-15' AND done = 0",
                         review_id, fixture->ana_id, fixture->ana_id);
  g_assert_cmpint (db_int (fixture, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM development_actions"), ==, 1);

  /* Ticked done: written at once. */
  row = find_widget (GTK_WIDGET (editor_child (editor, "plan_list")), ADW_TYPE_ACTION_ROW,
                     "Shadow Tier 2 on API escalations");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Owner: Ana Ruiz"));
  check = find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  iterate (50);
  sql = g_strdup_printf ("SELECT done FROM development_actions WHERE review_id = %" G_GINT64_FORMAT, review_id);
  g_assert_cmpint (db_int (fixture, sql), ==, 1);
  g_clear_pointer (&sql, g_free);

  /* Deleted, then put back from the toast. */
  click (find_button_with_tooltip (row, "Delete Action"));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM development_actions"), ==, 0);
  g_assert_true (toast_shown (fixture, "Action “Shadow Tier 2 on API escalations” deleted"));
  g_assert_null (find_widget (GTK_WIDGET (editor_child (editor, "plan_list")), ADW_TYPE_ACTION_ROW,
                              "Shadow Tier 2 on API escalations"));
  undo = find_widget (gtk_widget_get_ancestor (GTK_WIDGET (fixture->page), ADW_TYPE_TOAST_OVERLAY),
                      GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  click (undo);
  sql = g_strdup_printf ("SELECT count(*) FROM development_actions WHERE review_id = %" G_GINT64_FORMAT
                         " AND done = 1", review_id);
  g_assert_cmpint (db_int (fixture, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  g_assert_nonnull (find_widget (GTK_WIDGET (editor_child (editor, "plan_list")), ADW_TYPE_ACTION_ROW,
                                 "Shadow Tier 2 on API escalations"));

  /* Chen has no notes in the period, and no plan. */
  g_assert_true (qd_reviews_page_open_review (fixture->page, review_of (fixture, db_int (fixture,
                   "SELECT id FROM members WHERE name = 'Chen Li'"))));
  iterate (200);
  texts = shown_notes (editor);
  g_assert_cmpstr (texts, ==, "");
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (editor), "No notes in this period"));
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (editor), "No development actions yet"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/reviews-page/create-and-open-cycle", Fixture, NULL,
              fixture_set_up, test_create_and_open_cycle, fixture_tear_down);
  g_test_add ("/reviews-page/fill-review", Fixture, NULL,
              fixture_set_up, test_fill_review, fixture_tear_down);
  g_test_add ("/reviews-page/anonymous-feedback", Fixture, NULL,
              fixture_set_up, test_anonymous_feedback, fixture_tear_down);
  g_test_add ("/reviews-page/overdue", Fixture, NULL,
              fixture_set_up, test_overdue, fixture_tear_down);
  g_test_add ("/reviews-page/participants", Fixture, NULL,
              fixture_set_up, test_participants, fixture_tear_down);
  g_test_add ("/reviews-page/next-quarter-and-delete", Fixture, NULL,
              fixture_set_up, test_next_quarter_and_delete, fixture_tear_down);
  g_test_add ("/reviews-page/edit-cycle", Fixture, NULL,
              fixture_set_up, test_edit_cycle, fixture_tear_down);

  g_test_add ("/reviews-page/import-survey", Fixture, NULL,
              fixture_set_up, test_import_survey, fixture_tear_down);
  g_test_add ("/reviews-page/template", Fixture, NULL,
              fixture_set_up, test_template, fixture_tear_down);
  g_test_add ("/reviews-page/evidence-and-plan", Fixture, NULL,
              fixture_set_up, test_evidence_and_plan, fixture_tear_down);

  return g_test_run ();
}
