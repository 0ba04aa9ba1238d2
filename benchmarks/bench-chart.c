/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Chart rendering benchmark: 100,000 points (50 agents × 2,000 weekly
 * roll-ups) stored in the database, read and drawn to PNG and to PDF by
 * the same code as `quarterdeck export-chart`, against gnuplot drawing
 * the same points from a data file with its pngcairo and pdfcairo
 * terminals. Goal: ours takes at most a fifth of gnuplot's time.
 *
 * Needs gnuplot (Debian: gnuplot-nox) for the comparison; without it
 * only our figures are printed. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <sys/resource.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-cli-export.h"
#include "qd-kpi-chart.h"
#include "qd-kpis.h"
#include "qd-store-members.h"

#define N_SERIES 50
#define N_POINTS 2000
#define WIDTH    960
#define HEIGHT   540
#define FIRST    "1988-01-04"   /* a Monday; 2,000 weeks end in April 2026 */

static guint n_runs = 5;

/* Where the processor time of the last run_ours() went, in ms. */
static double phase_read;
static double phase_build;
static double phase_draw;

typedef struct
{
  double wall;   /* ms */
  double cpu;    /* ms of processor time, user + system */
} Timing;

static double
own_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    {
      g_printerr ("bench-chart: %s: %s\n", what, error != NULL ? error->message : "failed");
      exit (1);
    }
}

/* 50 agents and their weekly CSAT, a random walk per agent; the same
 * numbers go to @data_path for gnuplot, one row per week. */
static void
fill (const char *db_path,
      const char *data_path,
      gint64     *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) data = g_string_new (NULL);
  double values[N_SERIES][N_POINTS];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GRand *rand = g_rand_new_with_seed (2026);
  GDate date;

  {
    g_autoptr(QdStore) store = qd_store_open (db_path, &error);

    check (store != NULL, error, "open");
    for (guint s = 0; s < N_SERIES; s++)
      {
        g_autofree char *name = g_strdup_printf ("Agent %02u", s + 1);
        QdMemberRecord record = {
          .name = name,
          .email = (char *) "",
          .job_title = (char *) "Support agent",
          .level = (char *) "agent",
          .team = (char *) (s % 2 ? "Tier 1" : "Tier 2"),
          .hire_date = (char *) "",
          .status = (char *) "active",
          .skills = (char *) "",
          .notes = (char *) "",
          .readiness = (char *) "not-yet",
        };

        ids[s] = qd_store_insert_member (store, &record, &error);
        check (ids[s] > 0, error, "insert member");
      }
  }

  for (guint s = 0; s < N_SERIES; s++)
    {
      double v = g_rand_double_range (rand, 80, 95);

      for (guint i = 0; i < N_POINTS; i++)
        {
          double step = g_rand_double_range (rand, -1.5, 1.5);

          /* CLAMP evaluates its argument more than once: step first. */
          v = CLAMP (v + step, 60, 100);
          values[s][i] = v;
        }
    }

  if (sqlite3_open (db_path, &db) != SQLITE_OK)
    check (FALSE, NULL, "sqlite3_open");
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO metric_values (metric, scope, scope_id, period, period_start, "
                      "value, sample_size) VALUES ('csat', 'member', ?1, 'week', ?2, ?3, 20)",
                      -1, &stmt, NULL);

  g_assert_true (qd_kpi_parse_day (FIRST, &date, NULL));
  for (guint i = 0; i < N_POINTS; i++)
    {
      g_autofree char *day = qd_kpi_format_day (&date);
      g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                                     g_date_get_day (&date), 0, 0, 0);

      g_string_append_printf (data, "%" G_GINT64_FORMAT, g_date_time_to_unix (dt));
      for (guint s = 0; s < N_SERIES; s++)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          sqlite3_bind_int64 (stmt, 1, ids[s]);
          sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
          sqlite3_bind_double (stmt, 3, values[s][i]);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            check (FALSE, NULL, sqlite3_errmsg (db));
          sqlite3_reset (stmt);
          g_string_append_c (data, ' ');
          g_string_append (data, g_ascii_formatd (buf, sizeof buf, "%.3f", values[s][i]));
        }
      g_string_append_c (data, '\n');
      g_date_add_days (&date, 7);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  g_rand_free (rand);

  check (g_file_set_contents (data_path, data->str, data->len, &error), error, "data file");
}

/* One export-chart run: read the roll-ups, build the chart, draw, write. */
static Timing
run_ours (const char     *db_path,
          const gint64   *ids,
          QdExportFormat  format,
          const char     *out_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdStore) store = NULL;
  g_autoptr(QdKpis) kpis = NULL;
  g_autoptr(QdMetricInfo) metric = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(QdKpiChart) chart = NULL;
  g_autofree char *last = NULL;
  GDate to;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = own_cpu_ms ();
  Timing timing;
  guint n = 0;

  g_assert_true (qd_kpi_parse_day (FIRST, &to, NULL));
  g_date_add_days (&to, 7 * N_POINTS - 1);
  last = qd_kpi_format_day (&to);

  store = qd_store_open (db_path, &error);
  check (store != NULL, error, "open");
  kpis = qd_kpis_new (store);
  metric = qd_kpis_get_metric (kpis, "csat", &error);
  check (metric != NULL, error, "metric");
  series = qd_kpis_get_series (kpis, "csat", QD_SCOPE_MEMBER, ids, N_SERIES, QD_PERIOD_WEEK,
                               FIRST, last, &error);
  check (series != NULL, error, "series");
  phase_read = own_cpu_ms () - cpu_start;
  chart = qd_kpi_chart_new (metric, "CSAT by agent", QD_PERIOD_WEEK, series);
  phase_build = own_cpu_ms () - cpu_start - phase_read;
  check (qd_export_chart_write (qd_kpi_chart_get_line (chart), format, out_path, WIDTH, HEIGHT, &error),
         error, "write");
  phase_draw = own_cpu_ms () - cpu_start - phase_read - phase_build;

  /* Make sure all the points were there. */
  for (guint s = 0; s < series->len; s++)
    for (guint i = 0; i < ((QdKpiSeries *) g_ptr_array_index (series, s))->n_points; i++)
      n += isfinite (((QdKpiSeries *) g_ptr_array_index (series, s))->values[i]);
  if (n != N_SERIES * N_POINTS)
    {
      g_printerr ("bench-chart: read %u points, expected %u\n", n, N_SERIES * N_POINTS);
      exit (1);
    }

  timing.wall = (g_get_monotonic_time () - start) / 1000.0;
  timing.cpu = own_cpu_ms () - cpu_start;
  return timing;
}

static Timing
run_gnuplot (const char *gnuplot,
             const char *script_path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { gnuplot, script_path, NULL };
  gint64 start = g_get_monotonic_time ();
  double cpu_start = children_cpu_ms ();
  Timing timing;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    check (FALSE, error, "gnuplot");

  timing.wall = (g_get_monotonic_time () - start) / 1000.0;
  timing.cpu = children_cpu_ms () - cpu_start;
  return timing;
}

static Timing
median_timing (const Timing *runs,
               guint         n)
{
  g_autofree double *wall = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);
  Timing result;

  for (guint i = 0; i < n; i++)
    {
      wall[i] = runs[i].wall;
      cpu[i] = runs[i].cpu;
    }
  result.wall = median (wall, n);
  result.cpu = median (cpu, n);
  return result;
}

static void
write_script (const char *path,
              const char *terminal,
              const char *data_path,
              const char *out_path,
              gboolean    empty)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  g_autofree char *plot = NULL;

  if (empty)
    plot = g_strdup ("plot 95 title 'Target' dashtype 2");
  else
    plot = g_strdup_printf ("plot for [i=2:%d] '%s' using 1:i with lines "
                            "title sprintf('Agent %%02d', i - 1), "
                            "95 title 'Target' dashtype 2",
                            N_SERIES + 1, data_path);

  /* As close to our chart as gnuplot gets: size, title, key, dated
   * axis, dashed target at 95, one line per agent. */
  script = g_strdup_printf ("set terminal %s size %s font 'Cantarell,10'\n"
                            "set output '%s'\n"
                            "set title 'CSAT by agent'\n"
                            "set xdata time\n"
                            "set timefmt '%%s'\n"
                            "set format x '%%Y'\n"
                            "set grid ytics\n"
                            "set key outside right\n"
                            "%s\n",
                            terminal,
                            g_str_equal (terminal, "pdfcairo") ? "13.333in,7.5in" : "960,540",
                            out_path, plot);
  check (g_file_set_contents (path, script, -1, &error), error, "script");
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_remove (file);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qd-bench-chart-XXXXXX", &error);
  g_autofree char *db_path = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *gnuplot = g_find_program_in_path ("gnuplot");
  const char *keep = g_getenv ("QD_BENCH_KEEP");
  gint64 ids[N_SERIES];
  gint64 start;
  static const struct
  {
    const char     *name;
    QdExportFormat  format;
    const char     *terminal;
  } formats[] = {
    { "png", QD_EXPORT_PNG, "pngcairo" },
    { "pdf", QD_EXPORT_PDF, "pdfcairo" },
  };
  gboolean met = TRUE;

  if (g_getenv ("QD_BENCH_RUNS") != NULL)
    n_runs = CLAMP (atoi (g_getenv ("QD_BENCH_RUNS")), 1, 50);

  check (dir != NULL, error, "temporary folder");
  db_path = g_build_filename (dir, "bench.db", NULL);
  data_path = g_build_filename (dir, "points.dat", NULL);

  start = g_get_monotonic_time ();
  fill (db_path, data_path, ids);
  printf ("# %u series × %u points = %u points in the database (filled in %.0f ms)\n",
          N_SERIES, N_POINTS, N_SERIES * N_POINTS, (g_get_monotonic_time () - start) / 1000.0);
  printf ("# median of %u runs, %d×%d%s\n", n_runs, WIDTH, HEIGHT,
          keep != NULL ? "" : " (set QD_BENCH_KEEP=1 to keep the files)");

  if (gnuplot == NULL)
    printf ("# gnuplot not found (Debian: apt install gnuplot-nox): printing our figures only\n");

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *out = g_strdup_printf ("%s/ours.%s", dir, formats[f].name);
      g_autofree Timing *runs = g_new (Timing, n_runs);
      Timing ours;

      run_ours (db_path, ids, formats[f].format, out);   /* warm-up */
      for (guint i = 0; i < n_runs; i++)
        runs[i] = run_ours (db_path, ids, formats[f].format, out);
      ours = median_timing (runs, n_runs);
      printf ("%s: ours, last run, CPU: %.1f ms to read the roll-ups, %.1f ms to build the chart, "
              "%.1f ms to draw, encode and write\n",
              formats[f].name, phase_read, phase_build, phase_draw);

      if (gnuplot != NULL)
        {
          g_autofree char *script = g_strdup_printf ("%s/plot-%s.gp", dir, formats[f].name);
          g_autofree char *empty_script = g_strdup_printf ("%s/empty-%s.gp", dir, formats[f].name);
          g_autofree char *theirs_out = g_strdup_printf ("%s/gnuplot.%s", dir, formats[f].name);
          g_autofree char *empty_out = g_strdup_printf ("%s/gnuplot-empty.%s", dir, formats[f].name);
          g_autofree Timing *theirs_runs = g_new (Timing, n_runs);
          g_autofree Timing *empty_runs = g_new (Timing, n_runs);
          Timing theirs, empty;
          double ratio, cpu_ratio;

          write_script (script, formats[f].terminal, data_path, theirs_out, FALSE);
          write_script (empty_script, formats[f].terminal, data_path, empty_out, TRUE);
          run_gnuplot (gnuplot, script);
          for (guint i = 0; i < n_runs; i++)
            {
              theirs_runs[i] = run_gnuplot (gnuplot, script);
              empty_runs[i] = run_gnuplot (gnuplot, empty_script);
            }
          theirs = median_timing (theirs_runs, n_runs);
          empty = median_timing (empty_runs, n_runs);
          ratio = ours.wall / theirs.wall;
          cpu_ratio = ours.cpu / theirs.cpu;
          met &= ratio <= 0.2;

          printf ("%s: ours %.1f ms (%.1f ms CPU), gnuplot %.1f ms (%.1f ms CPU; %.1f ms to start "
                  "and draw an empty plot)\n",
                  formats[f].name, ours.wall, ours.cpu, theirs.wall, theirs.cpu, empty.wall);
          printf ("%s: ours/gnuplot = %.2f (CPU %.2f); goal ≤ 0.20: %s\n",
                  formats[f].name, ratio, cpu_ratio, ratio <= 0.2 ? "met" : "NOT met");
        }
      else
        printf ("%s: ours %.1f ms (%.1f ms CPU)\n", formats[f].name, ours.wall, ours.cpu);
    }

  if (keep != NULL)
    printf ("# files kept in %s\n", dir);
  else
    remove_dir (dir);

  /* A benchmark reports; it fails only when it could not run. */
  if (!met)
    printf ("# the goal was not met\n");
  return 0;
}
