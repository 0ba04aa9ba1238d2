/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UI tests: the real window on a real database, under Xvfb with
 * GTK_A11Y=test. They act through the window's actions and dialogs and
 * check what ends up in the database file and on screen. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-application.h"
#include "qd-member-pane.h"
#include "qd-team-page.h"
#include "qd-window.h"

static QdApplication *shared_app;

typedef struct
{
  char          *dir;
  char          *db_path;
  QdApplication *app;
  QdWindow      *window;
  QdTeamPage    *page;
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
      if (g_strcmp0 (label, text) == 0)
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

static gint64
db_count (Fixture    *fixture,
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

static void
open_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (qd_application_open_database (fixture->app, fixture->db_path, &error));
  g_assert_no_error (error);

  fixture->window = qd_window_new (fixture->app, qd_application_get_roster (fixture->app), NULL);
  g_object_ref (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate (300);

  fixture->page = QD_TEAM_PAGE (find_widget (GTK_WIDGET (fixture->window), QD_TYPE_TEAM_PAGE, NULL));
  g_assert_nonnull (fixture->page);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("qd-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "team.db", NULL);

  fixture->app = shared_app;
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
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      iterate (50);
      g_assert_finalize_object (fixture->window);
    }
  remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *empty;

  open_window (fixture);

  empty = find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_STATUS_PAGE, "No Team Members Yet");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_nonnull (find_widget (empty, GTK_TYPE_BUTTON, "_Add a Team Member"));
  g_assert_nonnull (find_widget (empty, GTK_TYPE_BUTTON, "Load _Demo Team"));
  g_assert_cmpint (db_count (fixture, "SELECT count(*) FROM members"), ==, 0);
}

static void
add_through_dialog (Fixture    *fixture,
                    const char *name,
                    const char *team)
{
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "team.add-member", NULL));
  iterate (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));

  extra = adw_message_dialog_get_extra_child (dialog);
  row = find_widget (extra, ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* The third entry row is the team. */
  row = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (row));
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), team);

  adw_message_dialog_response (dialog, "add");
  iterate (100);
}

static void
test_add_member (Fixture       *fixture,
                 gconstpointer  data)
{
  QdMember *selected;
  GtkWidget *cell;

  open_window (fixture);
  add_through_dialog (fixture, "Zoë Example", "Night Shift");

  g_assert_cmpint (db_count (fixture, "SELECT count(*) FROM members WHERE name = 'Zoë Example'"), ==, 1);
  g_assert_cmpint (db_count (fixture,
                             "SELECT count(*) FROM members m JOIN teams t ON t.id = m.team_id "
                             "WHERE t.name = 'Night Shift'"), ==, 1);

  /* The new member is shown and selected, with the detail pane open. */
  selected = qd_team_page_get_selected (fixture->page);
  g_assert_nonnull (selected);
  g_assert_cmpstr (qd_member_get_name (selected), ==, "Zoë Example");
  cell = find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, "Zoë Example");
  g_assert_nonnull (cell);
}

static void
test_edit_saves (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *pane;
  GtkWidget *row;

  open_window (fixture);
  add_through_dialog (fixture, "Pat Doe", "Tier 1");

  pane = find_widget (GTK_WIDGET (fixture->page), QD_TYPE_MEMBER_PANE, NULL);
  g_assert_nonnull (pane);
  row = find_widget (pane, ADW_TYPE_ENTRY_ROW, NULL);   /* the name row */
  gtk_editable_set_text (GTK_EDITABLE (row), "Pat Doe-Smith");

  /* Closing the window saves what was being typed. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  iterate (50);
  g_assert_cmpint (db_count (fixture, "SELECT count(*) FROM members WHERE name = 'Pat Doe-Smith'"), ==, 1);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *overlay;
  GtkWidget *undo;
  gint64 id;

  open_window (fixture);
  add_through_dialog (fixture, "Sam Temp", "");
  id = db_count (fixture, "SELECT id FROM members WHERE name = 'Sam Temp'");
  g_assert_cmpint (id, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "team.delete-member", NULL));
  iterate (200);
  g_assert_cmpint (db_count (fixture, "SELECT count(*) FROM members"), ==, 0);

  overlay = find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY, NULL);
  undo = find_widget (overlay, GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  iterate (200);

  g_assert_cmpint (db_count (fixture, "SELECT count(*) FROM members WHERE name = 'Sam Temp'"), ==, 1);
  g_assert_cmpint (db_count (fixture, "SELECT id FROM members WHERE name = 'Sam Temp'"), ==, id);
}

static void
test_demo_command_then_window (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *argv[] = { g_getenv ("QD_EXE"), "--database", fixture->db_path, "demo", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  QdMemberList *list;
  g_autoptr(QdMember) first = NULL;
  int status;

  /* The real command, as a user would run it, without a display. */
  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Loaded the demo team: 40 people"));

  open_window (fixture);

  list = qd_team_page_get_member_list (fixture->page);
  /* 40 people, 3 of whom left and are hidden by default. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 37);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (qd_member_get_name (first), ==, "Aiko Tanaka");

  /* The rows are drawn in the column view. */
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, "Aiko Tanaka"));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, "Tomás Herrera"));
  g_assert_null (find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_STATUS_PAGE, "No Team Members Yet") != NULL &&
                 gtk_widget_get_mapped (find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_STATUS_PAGE,
                                                     "No Team Members Yet")) ? "mapped" : NULL);

  /* Showing the people who left brings them back. */
  g_object_set (fixture->page, "show-former-members", TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 40);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* One registered application, as in a real run; each test opens its
   * own database and window. */
  shared_app = qd_application_new ();
  g_application_set_flags (G_APPLICATION (shared_app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (shared_app), NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/empty-state", test_empty_state);
  ADD ("/window/add-member", test_add_member);
  ADD ("/window/edit-saves", test_edit_saves);
  ADD ("/window/delete-and-undo", test_delete_and_undo);
  ADD ("/window/demo-command-then-window", test_demo_command_then_window);

  status = g_test_run ();
  g_clear_object (&shared_app);
  return status;
}
