/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import dialog in a real window under Xvfb: preview and detected
 * format, the import writing tickets, the summary with the agents to
 * link, linking one, and Cancel leaving the database as it was. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-import-dialog.h"
#include "qd-roster.h"

typedef struct
{
  char     *dir;
  char     *db_path;
  QdStore  *store;
  QdRoster *roster;
} Fixture;

static void
iterate_until (QdImportDialog *dialog,
               const char     *step,
               guint           max_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) max_ms * 1000;

  while (g_get_monotonic_time () < end &&
         (step == NULL || g_strcmp0 (qd_import_dialog_get_step (dialog), step) != 0))
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
      else if (ADW_IS_PREFERENCES_ROW (root))
        label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdMember) ana = qd_member_new ();

  fixture->dir = g_dir_make_tmp ("qd-import-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "team.db", NULL);
  fixture->store = qd_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->roster = qd_roster_new (fixture->store);

  /* Ana is in the team; the export's other agents are not. */
  qd_member_set_name (ana, "Ana Ruiz");
  g_assert_cmpint (qd_roster_add_member (fixture->roster, ana, &error), >, 0);
  g_assert_no_error (error);
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
  g_clear_object (&fixture->roster);
  g_clear_object (&fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static QdImportDialog *
open_dialog (Fixture    *fixture,
             const char *fixture_name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", fixture_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QdImportDialog *dialog = qd_import_dialog_new (NULL, fixture->roster, QD_IMPORT_KIND_TICKETS);

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (qd_import_dialog_get_step (dialog), ==, "choose");
  qd_import_dialog_set_file (dialog, file);
  return dialog;
}

static void
close_dialog (QdImportDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until (dialog, NULL, 50);
  g_assert_finalize_object (dialog);
}

static void
imported_cb (gpointer data)
{
  (*(guint *) data)++;
}

static void
test_import_and_link (Fixture       *fixture,
                      gconstpointer  data)
{
  QdImportDialog *dialog = open_dialog (fixture, "zendesk-tickets.csv");
  GtkWidget *row;
  AdwComboRow *agent_row;
  guint imported = 0;
  gint64 ana_id;

  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (imported_cb), &imported);

  /* The preview shows the file's columns and the detected format. */
  g_assert_cmpstr (qd_import_dialog_get_step (dialog), ==, "setup");
  row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "zendesk-tickets.csv");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Recognised as a Zendesk ticket export");
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Satisfaction Score"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Refund, not received"));

  qd_import_dialog_start (dialog);
  iterate_until (dialog, "summary", 10000);
  g_assert_cmpstr (qd_import_dialog_get_step (dialog), ==, "summary");
  g_assert_cmpuint (imported, ==, 1);

  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM tickets"), >, 0);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM tickets WHERE external_id = '1001'"), ==, 1);

  /* Ana was matched by name; Ben Okafor is offered for linking. */
  ana_id = db_int (fixture, "SELECT id FROM members WHERE name = 'Ana Ruiz'");
  g_assert_cmpint (db_int (fixture, "SELECT member_id FROM helpdesk_agents WHERE name = 'Ana Ruiz'"), ==, ana_id);
  agent_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Ben Okafor"));
  g_assert_nonnull (agent_row);

  /* Linking him to Ana (the first member offered) is saved at once. */
  adw_combo_row_set_selected (agent_row, 1);
  iterate_until (dialog, NULL, 100);
  g_assert_cmpint (db_int (fixture, "SELECT member_id FROM helpdesk_agents WHERE name = 'Ben Okafor'"), ==, ana_id);
  g_assert_cmpuint (imported, ==, 2);

  close_dialog (dialog);
}

static void
test_cancel_changes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "big.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Id,Assignee,Group,Status,Created at,Solved at,Satisfaction Score\n");
  g_autoptr(GFile) file = NULL;
  QdImportDialog *dialog;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (csv, "%u,Ana Ruiz,Tier 1,Solved,2026-03-04 09:15:00,2026-03-04 11:45:30,Good\n",
                            i + 1);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  file = g_file_new_for_path (path);

  dialog = qd_import_dialog_new (NULL, fixture->roster, QD_IMPORT_KIND_TICKETS);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  qd_import_dialog_set_file (dialog, file);
  g_assert_cmpstr (qd_import_dialog_get_step (dialog), ==, "setup");

  qd_import_dialog_start (dialog);
  g_assert_cmpstr (qd_import_dialog_get_step (dialog), ==, "progress");

  /* Closing the window while importing cancels; the dialog returns to
   * the set-up step once the import has stopped. */
  gtk_window_close (GTK_WINDOW (dialog));
  iterate_until (dialog, "setup", 20000);
  g_assert_cmpstr (qd_import_dialog_get_step (dialog), ==, "setup");
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM tickets"), ==, 0);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM helpdesk_agents"), ==, 0);

  close_dialog (dialog);
}

static void
test_unknown_file (Fixture       *fixture,
                   gconstpointer  data)
{
  QdImportDialog *dialog = open_dialog (fixture, "no-known-headers.csv");
  GtkWidget *row;

  /* An unknown export asks the user to map the columns. */
  g_assert_cmpstr (qd_import_dialog_get_step (dialog), ==, "setup");
  row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "no-known-headers.csv");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Format not recognised");

  /* Importing without a ticket ID column is refused in words. */
  qd_import_dialog_start (dialog);
  iterate_until (dialog, "summary", 10000);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM tickets"), ==, 0);

  close_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/import-dialog/import-and-link", test_import_and_link);
  ADD ("/import-dialog/cancel-changes-nothing", test_cancel_changes_nothing);
  ADD ("/import-dialog/unknown-file", test_unknown_file);

  return g_test_run ();
}
