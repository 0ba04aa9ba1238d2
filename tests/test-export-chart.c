/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export-chart as a user runs it: the real binary without a display, on
 * a database with known roll-ups. The files it writes are read back: the
 * pixels of the PNG (the target line where the layout puts it, one
 * colour per agent), the text of the PDF, the root of the SVG. */

#define G_LOG_DOMAIN "test-export-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-cli-export.h"
#include "qd-kpi-chart.h"
#include "qd-kpis.h"
#include "qd-roster.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

typedef struct
{
  char   *dir;
  char   *db_path;
  gint64  ana;
  gint64  bo;
  gint64  cy;
  gint64  tier1;
} Fixture;

/* Thirteen Mondays from 2 February 2026; week 4 has no value. */
#define FIRST_WEEK "2026-02-02"
#define LAST_DAY   "2026-05-03"
static const double org_csat[13] = { 88, 89, 90, 91, NAN, 92, 93, 91, 90, 92, 94, 93, 92 };
static const double ana_csat[13] = { 71, 72, 74, 73, 75, 76, 75, 77, 78, 77, 79, 80, 79 };
static const double bo_csat[13]  = { 84, 85, 86, 85, 87, 88, 86, 87, 89, 88, 90, 89, 88 };
static const double cy_csat[13]  = { 96, 97, 95, 96, 98, 97, 99, 98, 97, 96, 98, 99, 98 };
static const double tier1_csat[13] = { 80, 81, 82, 80, 83, 84, 82, 83, 85, 84, 86, 85, 84 };

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

  /* Exporting must work without any display. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
insert_value (sqlite3    *db,
              const char *metric,
              const char *scope,
              gint64      scope_id,
              const char *period,
              const char *period_start,
              double      value)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO metric_values (metric, scope, scope_id, period, "
                                       "period_start, value, sample_size) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 20)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, metric, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, scope, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, scope_id);
  sqlite3_bind_text (stmt, 4, period, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, period_start, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 6, value);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
insert_weeks (sqlite3       *db,
              const char    *metric,
              const char    *scope,
              gint64         scope_id,
              const char    *first_monday,
              const double  *values,
              guint          n)
{
  GDate date;

  g_assert_true (qd_kpi_parse_day (first_monday, &date, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *day = qd_kpi_format_day (&date);

      /* No row is how a period without data is stored. */
      if (!isnan (values[i]))
        insert_value (db, metric, scope, scope_id, "week", day, values[i]);
      g_date_add_days (&date, 7);
    }
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
  id = qd_roster_add_member (roster, member, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
query_id (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  fixture->dir = g_dir_make_tmp ("qd-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "team.db", NULL);

  /* The schema and the people, through the application's own code. */
  {
    g_autoptr(QdStore) store = qd_store_open (fixture->db_path, &error);
    g_autoptr(QdRoster) roster = NULL;

    g_assert_no_error (error);
    roster = qd_roster_new (store);
    fixture->ana = add_member (roster, "Ana Ruiz", "Tier 1");
    fixture->bo = add_member (roster, "Bo Chen", "Tier 1");
    fixture->cy = add_member (roster, "Cy Okafor", "Tier 2");
  }

  /* The roll-ups, written directly for exact control. */
  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  fixture->tier1 = query_id (db, "SELECT id FROM teams WHERE name = 'Tier 1'");
  exec_sql (db, "BEGIN");
  insert_weeks (db, "csat", "org", 0, FIRST_WEEK, org_csat, 13);
  insert_weeks (db, "csat", "member", fixture->ana, FIRST_WEEK, ana_csat, 13);
  insert_weeks (db, "csat", "member", fixture->bo, FIRST_WEEK, bo_csat, 13);
  insert_weeks (db, "csat", "member", fixture->cy, FIRST_WEEK, cy_csat, 13);
  insert_weeks (db, "csat", "team", fixture->tier1, FIRST_WEEK, tier1_csat, 13);
  exec_sql (db, "COMMIT");
  sqlite3_close (db);
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
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

/* The chart export-chart draws, built the same way in-process, so the
 * test knows where things are. */
static QdKpiChart *
expected_chart (Fixture      *fixture,
                QdScope       scope,
                const gint64 *ids,
                guint         n_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdStore) store = qd_store_open (fixture->db_path, &error);
  g_autoptr(QdKpis) kpis = NULL;
  g_autoptr(QdMetricInfo) metric = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  kpis = qd_kpis_new (store);
  metric = qd_kpis_get_metric (kpis, "csat", &error);
  g_assert_no_error (error);
  series = qd_kpis_get_series (kpis, "csat", scope, ids, n_ids, QD_PERIOD_WEEK,
                               FIRST_WEEK, LAST_DAY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < series->len; i++)
    g_ptr_array_add (labels, ((QdKpiSeries *) g_ptr_array_index (series, i))->label);
  g_ptr_array_add (labels, NULL);
  title = qd_kpi_chart_dup_title (metric, scope, (const char * const *) labels->pdata);

  return qd_kpi_chart_new (metric, title, QD_PERIOD_WEEK, series);
}

static gboolean
pixel_is (cairo_surface_t    *surface,
          int                 x,
          int                 y,
          const QdChartColor *color,
          int                 tolerance)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p;

  if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (surface)
      || y >= cairo_image_surface_get_height (surface))
    return FALSE;

  p = *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4);
  return ((p >> 24) & 0xff) == 255
         && ABS ((int) ((p >> 16) & 0xff) - (int) lround (color->red * 255)) <= tolerance
         && ABS ((int) ((p >> 8) & 0xff) - (int) lround (color->green * 255)) <= tolerance
         && ABS ((int) (p & 0xff) - (int) lround (color->blue * 255)) <= tolerance;
}

static guint
count_color (cairo_surface_t    *surface,
             const QdChartRect  *rect,
             const QdChartColor *color)
{
  guint n = 0;

  for (int y = (int) floor (rect->y); y < (int) ceil (rect->y + rect->height); y++)
    for (int x = (int) floor (rect->x); x < (int) ceil (rect->x + rect->width); x++)
      if (pixel_is (surface, x, y, color, 1))
        n++;
  return n;
}

static char *
squash (const char *str)
{
  GString *out = g_string_new (NULL);

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00a0 && c != 0x202f)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };

  if (pdftotext == NULL)
    {
      g_test_fail_printf ("pdftotext (poppler-utils) is needed to read the PDF back");
      return NULL;
    }
  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Tests */

static void
test_png_target (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "csat.png", NULL);
  g_autoptr(QdKpiChart) chart = NULL;
  gint64 org = 0;
  QdChartPalette palette;
  QdChartLayout layout;
  cairo_surface_t *surface;
  guint on_line = 0, scanned = 0, above = 0;
  int row;
  Run run = { 0 };

  run_quarterdeck (&run, "--database", fixture->db_path, "export-chart", "csat",
                   "--output", png, "--from", FIRST_WEEK, "--to", LAST_DAY, NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* Nothing to complain about (a sanitizer build may add its own report). */
  g_assert_null (strstr (run.err, "quarterdeck:"));
  g_assert_nonnull (strstr (run.out, "(CSAT, Organisation, 13 weeks)."));
  g_assert_true (g_str_has_prefix (run.out, "Wrote "));
  run_clear (&run);

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, QD_EXPORT_DEFAULT_WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, QD_EXPORT_DEFAULT_HEIGHT);
  /* ARGB32 data as cairo reads it back. */
  if (cairo_image_surface_get_format (surface) != CAIRO_FORMAT_ARGB32)
    {
      cairo_surface_t *argb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                          QD_EXPORT_DEFAULT_WIDTH,
                                                          QD_EXPORT_DEFAULT_HEIGHT);
      cairo_t *cr = cairo_create (argb);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      surface = argb;
    }
  cairo_surface_flush (surface);

  chart = expected_chart (fixture, QD_SCOPE_ORG, &org, 1);
  qd_chart_palette_init_light (&palette);
  qd_chart_line_layout (qd_kpi_chart_get_line (chart), &palette,
                        QD_EXPORT_DEFAULT_WIDTH, QD_EXPORT_DEFAULT_HEIGHT, &layout);

  /* The 95 % target is above every value and still on the axis. */
  g_assert_cmpfloat (layout.value_max, >=, 95);
  row = (int) floor (qd_chart_layout_y_for_value (&layout, 95));
  for (int x = (int) ceil (layout.plot.x + layout.plot.width / 3);
       x < (int) floor (layout.plot.x + layout.plot.width);
       x++)
    {
      scanned++;
      if (pixel_is (surface, x, row, &palette.target, 1))
        on_line++;
      if (pixel_is (surface, x, row - 6, &palette.target, 1))
        above++;
    }
  /* Dashed: on for about 3 parts in 5, and only on that row. */
  g_assert_cmpuint (scanned, >, 300);
  g_assert_cmpfloat ((double) on_line / scanned, >, 0.4);
  g_assert_cmpfloat ((double) on_line / scanned, <, 0.8);
  g_assert_cmpuint (above, ==, 0);

  /* The line is drawn in the first series colour, one series only. */
  g_assert_cmpuint (count_color (surface, &layout.plot, &palette.series[0]), >, 300);
  g_assert_cmpuint (count_color (surface, &layout.plot, &palette.series[1]), ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_png_agents (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "agents.PNG", NULL);
  g_autoptr(QdKpiChart) chart = NULL;
  gint64 ids[] = { fixture->ana, fixture->bo, fixture->cy };
  QdChartPalette palette;
  QdChartLayout layout;
  cairo_surface_t *surface;
  Run run = { 0 };

  run_quarterdeck (&run, "--database", fixture->db_path, "export-chart", "csat",
                   "--scope", "member:Ana Ruiz", "--scope=member:bo chen", "--scope", "member:Cy Okafor",
                   "--from", FIRST_WEEK, "--to", LAST_DAY, "--width", "800", "--height", "500",
                   "--output", png, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "(CSAT, Ana Ruiz, Bo Chen, Cy Okafor, 13 weeks)."));
  run_clear (&run);

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 500);

  chart = expected_chart (fixture, QD_SCOPE_MEMBER, ids, G_N_ELEMENTS (ids));
  qd_chart_palette_init_light (&palette);
  qd_chart_line_layout (qd_kpi_chart_get_line (chart), &palette, 800, 500, &layout);

  /* One distinct colour per agent, each drawn where that agent's
   * latest value is, and no fourth colour. */
  for (guint s = 0; s < 3; s++)
    {
      const QdChartColor *color = qd_chart_palette_get_series_color (&palette, s);
      const double *values = s == 0 ? ana_csat : s == 1 ? bo_csat : cy_csat;
      const QdChartSeries *series = &qd_kpi_chart_get_line (chart)->series[s];
      double x = qd_chart_layout_x_for_time (&layout, series->points[12].time);
      double y = qd_chart_layout_y_for_value (&layout, values[12]);

      g_assert_cmpfloat (series->points[12].value, ==, values[12]);
      g_assert_cmpuint (count_color (surface, &layout.plot, color), >, 200);
      g_assert_true (pixel_is (surface, (int) floor (x), (int) floor (y), color, 1));
    }
  g_assert_cmpuint (count_color (surface, &layout.plot, qd_chart_palette_get_series_color (&palette, 3)), ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_pdf_text (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "agents.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *head = NULL;
  Run run = { 0 };

  run_quarterdeck (&run, "--database", fixture->db_path, "export-chart", "csat",
                   "--scope", "member:Ana Ruiz", "--scope", "member:Bo Chen",
                   "--from", FIRST_WEEK, "--to", LAST_DAY, "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  g_assert_true (g_file_get_contents (pdf, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  text = pdf_text (pdf);
  if (text == NULL)
    return;
  flat = squash (text);
  g_test_message ("PDF text: %s", flat);
  g_assert_nonnull (strstr (flat, "CSATbyagent"));
  g_assert_nonnull (strstr (flat, "AnaRuiz"));
  g_assert_nonnull (strstr (flat, "BoChen"));
  g_assert_null (strstr (flat, "CyOkafor"));
  g_assert_nonnull (strstr (flat, "Target95%"));
  /* Dates along the axis. */
  g_assert_nonnull (strstr (flat, "2026"));
}

static void
test_pdf_team (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "team.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  Run run = { 0 };

  run_quarterdeck (&run, "--database", fixture->db_path, "export-chart", "csat",
                   "--scope", "team:tier 1", "--from", FIRST_WEEK, "--to", LAST_DAY,
                   "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "(CSAT, Tier 1, 13 weeks)."));
  run_clear (&run);

  text = pdf_text (pdf);
  if (text == NULL)
    return;
  flat = squash (text);
  g_assert_nonnull (strstr (flat, "CSATforTier1"));
  g_assert_nonnull (strstr (flat, "Target95%"));
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *svg = g_build_filename (fixture->dir, "csat.svg", NULL);
  g_autofree char *contents = NULL;
  const char *root;
  Run run = { 0 };

  run_quarterdeck (&run, "--database", fixture->db_path, "export-chart", "csat",
                   "--from", FIRST_WEEK, "--to", LAST_DAY, "--output", svg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  root = strstr (contents, "<svg");
  g_assert_nonnull (root);
  g_assert_nonnull (strstr (root, "width=\"960"));
  g_assert_nonnull (strstr (root, "height=\"540"));
  g_assert_nonnull (strstr (contents, "</svg>"));
}

static void
test_by_month_default_range (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "monthly.png", NULL);
  Run run = { 0 };

  /* Without dates: the last 12 months, or 13 weeks, ending today. */
  run_quarterdeck (&run, "--database", fixture->db_path, "export-chart", "tickets-solved",
                   "--by", "month", "--output", png, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "(Tickets solved, Organisation, 12 months)."));
  /* Nothing was imported for that range, and it says so. */
  g_assert_nonnull (strstr (run.err, "no values"));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  run_clear (&run);

  run_quarterdeck (&run, "--database", fixture->db_path, "export-chart", "tickets-solved",
                   "--output", png, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "(Tickets solved, Organisation, 13 weeks)."));
  run_clear (&run);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "out.png", NULL);
  g_autofree char *jpg = g_build_filename (fixture->dir, "out.jpg", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "folder", "out.png", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.png", NULL);
  const char *db = fixture->db_path;
  Run run = { 0 };

  run_quarterdeck (&run, "--database", db, "export-chart", "foo", "--output", png, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "There is no metric “foo”. Metrics: csat, first-reply, "
                                     "resolution, reopen-rate, tickets-solved, solved-per-agent-day, qa-score."));
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--scope", "team:Nights",
                   "--output", png, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "There is no team “Nights”. Teams: Tier 1, Tier 2."));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--scope", "member:Nobody Here",
                   "--output", png, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "There is no team member “Nobody Here”."));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--from", "2026-02-31",
                   "--output", png, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "The date “2026-02-31” does not exist."));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--to", "31/03/2026",
                   "--output", png, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "YYYY-MM-DD"));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--from", "2026-05-01",
                   "--to", "2026-04-01", "--output", png, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "after it ends"));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--output", jpg, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "must end in .png, .svg or .pdf"));
  g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--output", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Could not write"));
  g_assert_nonnull (strstr (run.err, "its folder does not exist"));
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  /* A folder where the file should be. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--output", folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Could not write"));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  run_clear (&run);

  /* Usage errors: exit 2 with the usage. */
  run_quarterdeck (&run, "--database", db, "export-chart", "csat", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--output"));
  g_assert_nonnull (strstr (run.err, "Usage: quarterdeck"));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "--output", png, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--output", png, "--colour", "red", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--colour"));
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--output", png, "--by", "year", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--output", png, "--width", "12", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--output", png,
                   "--scope", "org", "--scope", "team:Tier 1", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_quarterdeck (&run, "--database", db, "export-chart", "csat", "--output", png, "--scope", "everyone", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  /* None of the failures left a file behind. */
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_in_process (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *svg = g_build_filename (fixture->dir, "direct.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QdStore) store = qd_store_open (fixture->db_path, &error);
  const char *args[] = { "csat", "--from", FIRST_WEEK, "--to", LAST_DAY, "--output", svg, NULL };
  QdExportFormat format;

  g_assert_no_error (error);
  g_assert_cmpint (qd_cli_export_chart (store, args), ==, 0);
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));

  g_assert_true (qd_export_format_for_path ("a.Pdf", &format));
  g_assert_cmpint (format, ==, QD_EXPORT_PDF);
  g_assert_false (qd_export_format_for_path ("a.pdf.txt", &format));
  g_assert_false (qd_export_format_for_path ("png", &format));
}

static void
test_kpi_chart (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 ids[] = { fixture->ana, fixture->cy };
  g_autoptr(QdKpiChart) chart = expected_chart (fixture, QD_SCOPE_MEMBER, ids, 2);
  const QdChartLine *line = qd_kpi_chart_get_line (chart);
  g_autofree char *first = NULL;
  g_autofree char *value = NULL;
  g_autofree char *none = NULL;
  GDate date;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (line->title, ==, "CSAT by agent");
  g_assert_cmpint (line->unit, ==, QD_CHART_UNIT_PERCENT);
  g_assert_cmpint (line->better, ==, QD_CHART_BETTER_HIGHER);
  g_assert_cmpint (line->period, ==, QD_CHART_PERIOD_WEEK);
  g_assert_true (line->has_target);
  g_assert_cmpfloat (line->target, ==, 95);
  g_assert_cmpuint (line->n_series, ==, 2);
  g_assert_cmpstr (line->series[0].label, ==, "Ana Ruiz");
  g_assert_cmpstr (line->series[1].label, ==, "Cy Okafor");
  g_assert_cmpuint (line->series[0].n_points, ==, 13);
  /* Chart times are the period's day at 00:00 UTC. */
  g_assert_cmpint (line->series[0].points[0].time, ==, qd_chart_time_from_date (2026, 2, 2));
  g_assert_cmpint (line->series[0].points[12].time, ==, qd_chart_time_from_date (2026, 4, 27));

  g_assert_cmpuint (qd_kpi_chart_get_n_periods (chart), ==, 13);
  first = qd_kpi_chart_format_period (chart, 0);
  g_assert_cmpstr (first, ==, "Week of 2 Feb 2026");
  value = qd_kpi_chart_format_value (chart, 1, 6);
  g_assert_cmpstr (value, ==, "99.0 %");
  g_assert_true (qd_kpi_chart_has_values (chart));

  /* Gaps stay gaps. */
  {
    gint64 org = 0;
    g_autoptr(QdKpiChart) org_chart = expected_chart (fixture, QD_SCOPE_ORG, &org, 1);

    g_assert_true (isnan (qd_kpi_chart_get_value (org_chart, 0, 4)));
    none = qd_kpi_chart_format_value (org_chart, 0, 4);
    g_assert_cmpstr (none, ==, "—");
    g_assert_cmpfloat (qd_kpi_chart_get_value (org_chart, 0, 5), ==, 92);
    g_assert_cmpstr (qd_kpi_chart_get_line (org_chart)->title, ==, "CSAT for the organisation");
  }

  /* Days */
  g_assert_true (qd_kpi_parse_day ("2024-02-29", &date, &error));
  g_assert_no_error (error);
  g_assert_false (qd_kpi_parse_day ("2026-02-29", &date, &error));
  g_assert_error (error, QD_KPIS_ERROR, QD_KPIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (qd_kpi_parse_day ("2026-2-3", &date, &error));
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_clear_error (&error);

  /* Default ranges: 13 weeks from a Monday, 12 months from the 1st. */
  {
    GDate to, from;
    g_autofree char *weeks = NULL;
    g_autofree char *months = NULL;

    g_assert_true (qd_kpi_parse_day ("2026-05-20", &to, NULL));
    qd_kpi_default_range (QD_PERIOD_WEEK, &to, &from);
    weeks = qd_kpi_format_day (&from);
    /* Wednesday 20 May: 13 Mondays from 23 February to 18 May. */
    g_assert_cmpstr (weeks, ==, "2026-02-23");
    qd_kpi_default_range (QD_PERIOD_MONTH, &to, &from);
    months = qd_kpi_format_day (&from);
    g_assert_cmpstr (months, ==, "2025-06-01");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/export-chart/png-target", test_png_target);
  ADD ("/export-chart/png-agents", test_png_agents);
  ADD ("/export-chart/pdf-text", test_pdf_text);
  ADD ("/export-chart/pdf-team", test_pdf_team);
  ADD ("/export-chart/svg", test_svg);
  ADD ("/export-chart/default-range", test_by_month_default_range);
  ADD ("/export-chart/errors", test_errors);
  ADD ("/export-chart/in-process", test_in_process);
  ADD ("/export-chart/kpi-chart", test_kpi_chart);

  return g_test_run ();
}
