/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UI tests of a member's history window (goals, development plan, 1:1
 * notes, reviews), opened from the Team page of the real window on a real
 * database, under Xvfb with GTK_A11Y=test. They act through the window's
 * actions, dialogs and toasts and check what ends up in the file. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-application.h"
#include "qd-assign-goal-dialog.h"
#include "qd-goal-dialog.h"
#include "qd-member-history.h"
#include "qd-note-row.h"
#include "qd-team-page.h"
#include "qd-window.h"

static QdApplication *shared_app;

typedef struct
{
  char            *dir;
  char            *db_path;
  QdWindow        *window;
  QdTeamPage      *page;
  QdMemberHistory *history;
  gint64           ana;
  gint64           ben;
  gint64           cai;
  gint64           action;
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

static const char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  return NULL;
}

/* The first @type under @root (itself included) whose label, title or
 * button label is @text (any when NULL). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (text == NULL || g_strcmp0 (widget_text (root), text) == 0))
    return root;

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

static gint64
db_int (Fixture    *fixture,
        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
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
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
add_member (QdRoster   *roster,
            const char *name,
            const char *team)
{
  g_autoptr(QdMember) member = qd_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  qd_member_set_name (member, name);
  qd_member_set_team (member, team);
  qd_member_set_job_title (member, "Support Agent");
  id = qd_roster_add_member (roster, member, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdGoals) goals = NULL;
  g_autoptr(QdDevelopmentAction) action = NULL;
  QdRoster *roster;

  fixture->dir = g_dir_make_tmp ("qd-history-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "team.db", NULL);

  g_assert_true (qd_application_open_database (shared_app, fixture->db_path, &error));
  g_assert_no_error (error);
  roster = qd_application_get_roster (shared_app);

  /* A small team, and one step of Ana's development plan. */
  fixture->ana = add_member (roster, "Ana Ruiz", "Tier 1");
  fixture->ben = add_member (roster, "Ben Okafor", "Tier 1");
  fixture->cai = add_member (roster, "Cai Lin", "Tier 2");
  goals = qd_goals_new (qd_roster_get_store (roster), qd_application_get_kpis (shared_app));
  action = qd_development_action_new ();
  qd_development_action_set_member_id (action, fixture->ana);
  qd_development_action_set_title (action, "Shadow Tier 2 on API escalations");
  qd_development_action_set_owner_id (action, fixture->ben);
  fixture->action = qd_goals_add_action (goals, action, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->action, >, 0);

  fixture->window = qd_window_new (shared_app, roster, NULL);
  g_object_ref (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate (200);
  fixture->page = QD_TEAM_PAGE (find_widget (GTK_WIDGET (fixture->window), QD_TYPE_TEAM_PAGE, NULL));
  g_assert_nonnull (fixture->page);
}

static void
open_history (Fixture *fixture,
              gint64   member_id)
{
  GtkWidget *button;

  /* Through the button in the Team page's detail pane, as a user would. */
  g_assert_true (qd_team_page_select_member (fixture->page, member_id));
  iterate (100);
  button = find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "_History, Goals and Notes");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate (200);

  fixture->history = qd_member_history_find (GTK_WINDOW (fixture->window), member_id);
  g_assert_nonnull (fixture->history);
  g_object_ref (fixture->history);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->history)));
  g_assert_cmpint (qd_member_history_get_member_id (fixture->history), ==, member_id);

  /* Asking again shows the same window instead of a second one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "team.show-history", NULL));
  iterate (50);
  g_assert_true (qd_member_history_find (GTK_WINDOW (fixture->window), member_id) == fixture->history);
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
  if (fixture->history != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->history));
      iterate (50);
      g_assert_finalize_object (fixture->history);
    }
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate (50);
  g_assert_finalize_object (fixture->window);
  remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_row_spin (GtkWidget  *root,
              const char *title,
              double      value)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_ACTION_ROW, title);
  GtkWidget *spin;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
}

static void
choose_in_combo (GtkWidget  *root,
                 const char *title,
                 const char *item)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_COMBO_ROW, title);
  GListModel *model;
  guint n;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);
      if (g_strcmp0 (gtk_string_object_get_string (string), item) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          return;
        }
    }
  g_error ("“%s” is not offered in “%s”", item, title);
}

static void
test_add_goal (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *add;
  GtkWidget *revealer;
  GtkWidget *message;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -120);
  g_autoptr(GDateTime) due = g_date_time_add_days (now, -10);
  g_autoptr(GDateTime) too_early = g_date_time_add_days (now, -200);
  g_autofree char *start_day = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *due_day = g_date_time_format (due, "%Y-%m-%d");
  g_autofree char *too_early_day = g_date_time_format (too_early, "%Y-%m-%d");
  g_autofree char *due_label = g_date_time_format (due, "%-d %b %Y");
  g_autofree char *measure = g_strdup_printf ("CSAT ≥ 95.0 %% · Due %s", due_label);
  g_autofree char *sql = NULL;

  open_history (fixture, fixture->ana);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->history), ADW_TYPE_STATUS_PAGE, "No Goals Yet"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->history), "history.add-goal", NULL));
  iterate (100);
  dialog = find_toplevel (QD_TYPE_GOAL_DIALOG);
  g_assert_nonnull (dialog);
  add = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Add");
  g_assert_nonnull (add);
  /* Nothing to add before there is a title. */
  g_assert_false (gtk_widget_get_sensitive (add));

  set_row_text (GTK_WIDGET (dialog), "Title", "Lift CSAT to 95 %");
  choose_in_combo (GTK_WIDGET (dialog), "Measured by", "CSAT");
  set_row_spin (GTK_WIDGET (dialog), "Baseline", 90);
  set_row_spin (GTK_WIDGET (dialog), "Target", 95);
  set_row_text (GTK_WIDGET (dialog), "Start date (year-month-day)", start_day);

  /* A due date before the start is refused, in the model's words. */
  set_row_text (GTK_WIDGET (dialog), "Due date (year-month-day)", too_early_day);
  iterate (50);
  g_assert_false (gtk_widget_get_sensitive (add));
  revealer = find_widget (GTK_WIDGET (dialog), GTK_TYPE_REVEALER, NULL);
  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  message = find_widget (revealer, GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "must be after the start date"));

  set_row_text (GTK_WIDGET (dialog), "Due date (year-month-day)", due_day);
  iterate (50);
  g_assert_true (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  iterate (200);
  g_assert_null (find_toplevel (QD_TYPE_GOAL_DIALOG));

  /* The row holds exactly what was entered. */
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM goals"), ==, 1);
  sql = g_strdup_printf ("SELECT count(*) FROM goals WHERE member_id = %" G_GINT64_FORMAT
                         " AND title = 'Lift CSAT to 95 %%' AND description = ''"
                         " AND metric = 'csat' AND baseline_value = 90.0 AND target_value = 95.0"
                         " AND manual_progress IS NULL AND template_id IS NULL"
                         " AND start_date = '%s' AND due_date = '%s'"
                         " AND status = 'active'", fixture->ana, start_day, due_day);
  g_assert_cmpint (db_int (fixture, sql), ==, 1);

  /* And it is listed, with how it is measured, and overdue in words. */
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->history), GTK_TYPE_LABEL, "Lift CSAT to 95 %"));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->history), GTK_TYPE_LABEL, measure));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->history), GTK_TYPE_LABEL, "Overdue"));
}

static void
test_note_delete_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  GtkWidget *text_view;
  GtkWidget *day_row;
  GtkWidget *overlay;
  GtkWidget *undo;
  g_autofree char *today = dup_today ();
  g_autofree char *sql = NULL;
  g_autofree char *created = NULL;
  g_autofree char *created_again = NULL;
  gint64 id;

  open_history (fixture, fixture->ana);
  qd_member_history_show_page (fixture->history, "notes");
  iterate (50);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->history), ADW_TYPE_STATUS_PAGE, "No Notes Yet"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->history), "history.add-note", NULL));
  iterate (100);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));

  /* The day starts as today. */
  day_row = find_widget (extra, ADW_TYPE_ENTRY_ROW, "Day (year-month-day)");
  g_assert_nonnull (day_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (day_row)), ==, today);
  choose_in_combo (extra, "Kind", "Praise");
  text_view = find_widget (extra, GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "Covered the Spanish queue alone for a week & kept every SLA.", -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  iterate (200);

  sql = g_strdup_printf ("SELECT id FROM member_notes WHERE member_id = %" G_GINT64_FORMAT
                         " AND kind = 'praise' AND noted_on = '%s'"
                         " AND text = 'Covered the Spanish queue alone for a week & kept every SLA.'"
                         " AND updated_at IS NULL", fixture->ana, today);
  id = db_int (fixture, sql);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM member_notes"), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT created_at FROM member_notes WHERE id = %" G_GINT64_FORMAT, id);
  created = db_text (fixture, sql);
  g_assert_nonnull (created);

  /* It is shown in the log, with its kind in words. */
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->history), QD_TYPE_NOTE_ROW, NULL));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->history), GTK_TYPE_LABEL,
                                 "Covered the Spanish queue alone for a week & kept every SLA."));

  /* Deleted from its row's button, then put back from the toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->history), "history.delete-note", "x", id));
  iterate (200);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM member_notes"), ==, 0);

  overlay = find_widget (GTK_WIDGET (fixture->history), ADW_TYPE_TOAST_OVERLAY, NULL);
  g_assert_nonnull (overlay);
  undo = find_widget (overlay, GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  iterate (200);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM member_notes WHERE id = %" G_GINT64_FORMAT
                         " AND member_id = %" G_GINT64_FORMAT " AND kind = 'praise' AND noted_on = '%s'"
                         " AND text = 'Covered the Spanish queue alone for a week & kept every SLA.'",
                         id, fixture->ana, today);
  g_assert_cmpint (db_int (fixture, sql), ==, 1);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM member_notes"), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT created_at FROM member_notes WHERE id = %" G_GINT64_FORMAT, id);
  created_again = db_text (fixture, sql);
  g_assert_cmpstr (created_again, ==, created);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->history), QD_TYPE_NOTE_ROW, NULL));
}

static void
test_action_done (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *row;
  GtkWidget *check;
  g_autofree char *sql = g_strdup_printf ("SELECT done FROM development_actions WHERE id = %" G_GINT64_FORMAT,
                                          fixture->action);

  open_history (fixture, fixture->ana);
  qd_member_history_show_page (fixture->history, "development");
  iterate (50);
  g_assert_cmpint (db_int (fixture, sql), ==, 0);

  row = find_widget (GTK_WIDGET (fixture->history), ADW_TYPE_ACTION_ROW, "Shadow Tier 2 on API escalations");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Owner: Ben Okafor");
  check = find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* Activating the row ticks it, as a click or Enter would. */
  g_assert_true (gtk_widget_activate (row));
  iterate (100);
  g_assert_cmpint (db_int (fixture, sql), ==, 1);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Owner: Ben Okafor · Done");

  /* And back. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  iterate (100);
  g_assert_cmpint (db_int (fixture, sql), ==, 0);
}

static void
test_assign_to_team (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *assign;
  GtkWidget *result;
  g_autofree char *sql = NULL;

  open_history (fixture, fixture->ana);

  /* A new template, measured by hand, for everyone in Ana's team. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->history), "history.assign-goal", NULL));
  iterate (100);
  dialog = find_toplevel (QD_TYPE_ASSIGN_GOAL_DIALOG);
  g_assert_nonnull (dialog);
  choose_in_combo (GTK_WIDGET (dialog), "Template", "New Template");
  choose_in_combo (GTK_WIDGET (dialog), "Assign to", "A whole team");
  choose_in_combo (GTK_WIDGET (dialog), "Team", "Tier 1");
  set_row_text (GTK_WIDGET (dialog), "Title", "Complete the product certification");
  set_row_text (GTK_WIDGET (dialog), "Start date (year-month-day)", "2026-01-05");
  set_row_text (GTK_WIDGET (dialog), "Due date (year-month-day)", "2026-06-30");
  assign = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Assign");
  g_assert_true (gtk_widget_get_sensitive (assign));
  g_signal_emit_by_name (assign, "clicked");
  iterate (200);

  result = find_widget (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "2 Goals Created");
  g_assert_nonnull (result);
  g_assert_true (gtk_widget_get_mapped (result));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM goal_templates"
                                    " WHERE title = 'Complete the product certification' AND metric IS NULL"), ==, 1);
  sql = g_strdup_printf ("SELECT count(*) FROM goals g JOIN goal_templates t ON t.id = g.template_id"
                         " WHERE g.member_id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")"
                         " AND g.manual_progress = 0 AND g.start_date = '2026-01-05'"
                         " AND g.due_date = '2026-06-30'", fixture->ana, fixture->ben);
  g_assert_cmpint (db_int (fixture, sql), ==, 2);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM goals"), ==, 2);
  gtk_window_destroy (dialog);
  iterate (50);

  /* Again, to chosen people: Ana already has it and is skipped, with the
   * model's reason; Cai gets it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->history), "history.assign-goal", NULL));
  iterate (100);
  dialog = find_toplevel (QD_TYPE_ASSIGN_GOAL_DIALOG);
  g_assert_nonnull (dialog);
  choose_in_combo (GTK_WIDGET (dialog), "Template", "Complete the product certification");
  choose_in_combo (GTK_WIDGET (dialog), "Assign to", "Chosen people");
  {
    GtkWidget *row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Cai Lin");
    GtkWidget *ana_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Ana Ruiz");

    g_assert_nonnull (row);
    g_assert_nonnull (ana_row);
    /* The person the history is about is chosen already. */
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_widget (ana_row, GTK_TYPE_CHECK_BUTTON, NULL))));
    g_assert_true (gtk_widget_activate (row));
  }
  assign = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Assign");
  g_signal_emit_by_name (assign, "clicked");
  iterate (200);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "1 Goal Created"));
  {
    GtkWidget *skipped = find_widget (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL);
    GtkWidget *row;

    skipped = gtk_stack_get_visible_child (GTK_STACK (skipped));
    row = find_widget (skipped, ADW_TYPE_ACTION_ROW, "Ana Ruiz");
    g_assert_nonnull (row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Ana Ruiz already has this goal.");
  }
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM goals"), ==, 3);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM goal_templates"), ==, 1);
  gtk_window_destroy (dialog);
  iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  shared_app = qd_application_new ();
  g_application_set_flags (G_APPLICATION (shared_app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (shared_app), NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/member-history/add-goal", test_add_goal);
  ADD ("/member-history/note-delete-undo", test_note_delete_undo);
  ADD ("/member-history/action-done", test_action_done);
  ADD ("/member-history/assign-to-team", test_assign_to_team);

  status = g_test_run ();
  g_clear_object (&shared_app);
  return status;
}
