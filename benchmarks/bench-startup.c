/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Startup benchmark: time from process start to the first frame the
 * window draws, on an empty database and on one with 10,000 members.
 * Startup must not grow with the size of the data.
 *
 * Each measurement is a fresh child process (this program in --child
 * mode) so caches, types and fonts are loaded as in a real start. */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "qd-application.h"
#include "qd-store-members.h"
#include "qd-window.h"

#define RUNS 5
#define BIG 10000

static gint64 started_at;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_real_time ();

  printf ("%.1f\n", (now - started_at) / 1000.0);
  fflush (stdout);
  exit (0);
}

static void
window_realized_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static int
run_child (const char *db_path)
{
  g_autoptr(QdApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  QdWindow *window;

  started_at = g_ascii_strtoll (g_getenv ("QD_BENCH_STARTED_AT"), NULL, 10);

  gtk_init ();
  adw_init ();
  app = qd_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error) ||
      !qd_application_open_database (app, db_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = qd_window_new (app, qd_application_get_roster (app), NULL);
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static void
fill (const char *path,
      guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdStore) store = qd_store_open (path, &error);
  static const char *teams[] = { "Tier 1", "Tier 2", "Billing", "Onboarding", "Enterprise" };
  static const char *levels[] = { "agent", "team-lead", "manager", "director" };

  g_assert_no_error (error);
  g_assert_true (qd_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %05u", (i * 7919) % n);
      g_autofree char *email = g_strdup_printf ("member%u@example.com", i);
      QdMemberRecord record = {
        .name = name,
        .email = email,
        .job_title = (char *) "Support Agent",
        .level = (char *) levels[i % 40 == 0 ? 1 : 0],
        .team = (char *) teams[i % G_N_ELEMENTS (teams)],
        .hire_date = (char *) "2023-05-01",
        .status = (char *) (i % 17 == 0 ? "left" : "active"),
        .skills = (char *) "Email support",
        .notes = (char *) "",
        .readiness = (char *) "not-yet",
      };
      g_assert_cmpint (qd_store_insert_member (store, &record, &error), >, 0);
    }
  g_assert_true (qd_store_commit (store, &error));
}

static double
measure (const char *self_path,
         const char *db_path)
{
  double times[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      g_autofree char *stamp = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());
      const char *argv[] = { self_path, "--child", db_path, NULL };
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "QD_BENCH_STARTED_AT", stamp, TRUE);
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("The window did not start: %s", error->message);
      times[r] = g_ascii_strtod (out, NULL);
    }

  /* Median */
  for (guint i = 0; i < RUNS; i++)
    for (guint j = i + 1; j < RUNS; j++)
      if (times[j] < times[i])
        {
          double t = times[i];
          times[i] = times[j];
          times[j] = t;
        }
  return times[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *big = NULL;
  g_autofree char *medium = NULL;
  g_autofree char *self_path = NULL;
  double t_empty, t_medium, t_big;

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  self_path = g_canonicalize_filename (argv[0], NULL);
  dir = g_dir_make_tmp ("qd-bench-XXXXXX", NULL);
  empty = g_build_filename (dir, "empty.db", NULL);
  medium = g_build_filename (dir, "medium.db", NULL);
  big = g_build_filename (dir, "big.db", NULL);

  fill (empty, 0);
  fill (medium, BIG / 10);
  fill (big, BIG);

  t_empty = measure (self_path, empty);
  t_medium = measure (self_path, medium);
  t_big = measure (self_path, big);

  printf ("startup to first frame, median of %d runs\n", RUNS);
  printf ("  empty database:       %8.1f ms\n", t_empty);
  printf ("  %5d members:        %8.1f ms\n", BIG / 10, t_medium);
  printf ("  %5d members:        %8.1f ms\n", BIG, t_big);
  printf ("  ratio %d / empty:    %8.2f   (an empty list draws no rows at all)\n", BIG, t_big / t_empty);
  printf ("  ratio %d / %d:      %8.2f   (goal: about 1, startup does not grow with the data)\n",
          BIG, BIG / 10, t_big / t_medium);

  if (g_getenv ("QD_BENCH_KEEP") != NULL)
    printf ("  databases kept in %s\n", dir);
  else
  {
    const char *suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *a = g_strconcat (empty, suffixes[i], NULL);
        g_autofree char *b = g_strconcat (big, suffixes[i], NULL);
        g_autofree char *c = g_strconcat (medium, suffixes[i], NULL);
        g_remove (c);
        g_remove (a);
        g_remove (b);
      }
    g_rmdir (dir);
  }
  return 0;
}
