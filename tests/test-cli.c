/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line as a user runs it: the real binary, with no display,
 * checking exit codes, what it says and what it leaves in the file. */

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

static gint64
count_members (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM members", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("qd-cli-XXXXXX", &error);

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

static void
test_version (void)
{
  Run run = { 0 };

  run_quarterdeck (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "quarterdeck " PACKAGE_VERSION "\n");
  run_clear (&run);
}

static void
test_demo (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "new", "folder", "team.db", NULL);
  Run run = { 0 };

  run_quarterdeck (&run, "--database", path, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Loaded the demo team: 40 people in 3 teams."));
  g_assert_cmpint (count_members (path), ==, 40);
  run_clear (&run);

  /* A second time it refuses and says why, changing nothing. */
  run_quarterdeck (&run, "--database", path, "demo", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already has 40 people"));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (count_members (path), ==, 40);
  run_clear (&run);

  remove_tree (dir);
}

static void
test_bad_database (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "random.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  guint8 noise[4096];
  Run run = { 0 };

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_random_int ();
  g_assert_true (g_file_set_contents (path, (const char *) noise, sizeof noise, NULL));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  run_quarterdeck (&run, "--database", path, "demo", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is not a Quarterdeck database"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  run_clear (&run);

  remove_tree (dir);
}

static void
test_usage_errors (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "team.db", NULL);
  Run run = { 0 };

  run_quarterdeck (&run, "--database", path, "fly-to-the-moon", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "there is no command “fly-to-the-moon”"));
  g_assert_nonnull (strstr (run.err, "demo"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run_quarterdeck (&run, "--database", path, "demo", "extra", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "takes no arguments"));
  run_clear (&run);

  run_quarterdeck (&run, "--no-such-option", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "no-such-option"));
  run_clear (&run);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/demo", test_demo);
  g_test_add_func ("/cli/bad-database", test_bad_database);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);

  return g_test_run ();
}
