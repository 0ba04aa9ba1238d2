/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-charts"

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <float.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "qd-charts.h"

#define WIDTH  640
#define HEIGHT 400
#define NARROW 140   /* too narrow to spare a margin for the target's name */

/* Helpers */

static gint64
day (int year,
     int month,
     int d)
{
  gint64 t = qd_chart_time_from_date (year, month, d);

  g_assert_cmpint (t, !=, 0);
  return t;
}

/* Weekly points from Monday 3 August 2026. */
static QdChartPoint *
weekly_points (const double *values,
               gsize         n)
{
  QdChartPoint *points = g_new (QdChartPoint, n);

  for (gsize i = 0; i < n; i++)
    {
      points[i].time = day (2026, 8, 3) + (gint64) i * 7 * 86400;
      points[i].value = values[i];
    }

  return points;
}

static cairo_surface_t *
render_line (const QdChartLine    *chart,
             const QdChartPalette *palette,
             int                   width,
             int                   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  qd_chart_line_draw (cr, chart, palette, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  return *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4);
}

/* Whether the (opaque) pixel has @color, within @tolerance per channel
 * of 255. */
static gboolean
pixel_is (cairo_surface_t    *surface,
          int                 x,
          int                 y,
          const QdChartColor *color,
          int                 tolerance)
{
  guint32 p = pixel_at (surface, x, y);
  int a = (p >> 24) & 0xff;
  int r = (p >> 16) & 0xff;
  int g = (p >> 8) & 0xff;
  int b = p & 0xff;

  return a == 255
         && ABS (r - (int) lround (color->red * 255)) <= tolerance
         && ABS (g - (int) lround (color->green * 255)) <= tolerance
         && ABS (b - (int) lround (color->blue * 255)) <= tolerance;
}

static guint
count_color_within (cairo_surface_t    *surface,
                    double              x0,
                    double              y0,
                    double              x1,
                    double              y1,
                    const QdChartColor *color,
                    int                 tolerance)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = MAX (0, (int) floor (y0)); y < MIN (h, (int) ceil (y1)); y++)
    for (int x = MAX (0, (int) floor (x0)); x < MIN (w, (int) ceil (x1)); x++)
      if (pixel_is (surface, x, y, color, tolerance))
        n++;

  return n;
}

static guint
count_color (cairo_surface_t    *surface,
             double              x0,
             double              y0,
             double              x1,
             double              y1,
             const QdChartColor *color)
{
  return count_color_within (surface, x0, y0, x1, y1, color, 1);
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
pdf_to_text (const char *path)
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
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

typedef struct
{
  guint    depth;
  char    *root;
  gboolean saw_text;
} SvgCheck;

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element_name,
                   const char          **attribute_names,
                   const char          **attribute_values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgCheck *check = user_data;

  if (check->depth == 0 && check->root == NULL)
    check->root = g_strdup (element_name);
  check->depth++;
}

static void
svg_end_element (GMarkupParseContext  *context,
                 const char           *element_name,
                 gpointer              user_data,
                 GError              **error)
{
  SvgCheck *check = user_data;

  check->depth--;
}

/* Fixtures */

typedef struct
{
  QdChartPalette light;
  QdChartPalette dark;
  char          *tmpdir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  qd_chart_palette_init_light (&fixture->light);
  qd_chart_palette_init_dark (&fixture->dark);
  fixture->tmpdir = g_dir_make_tmp ("qd-charts-XXXXXX", &error);
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
  remove_dir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* A weekly CSAT chart with three agents, as a head of support sees it. */
typedef struct
{
  QdChartPoint *points[3];
  QdChartSeries series[3];
  QdChartLine   chart;
} Sample;

static void
sample_init (Sample *sample)
{
  static const double ana[] = { 91.2, 91.9, 92.2, 92.0, 91.7, 91.8, 92.5, 93.3, 93.7, 93.6, 93.3, 93.2, 94.0 };
  static const double bo[] = { 88.0, 87.5, 86.9, 87.2, 86.0, 85.5, 85.9, 86.8, 87.1, 87.9, 88.3, 88.6, 88.0 };
  static const double cy[] = { 80.1, 80.9, 81.5, 82.2, 82.0, 82.9, 83.5, 83.0, 83.8, 84.2, 84.9, 85.1, 85.6 };

  memset (sample, 0, sizeof *sample);
  sample->points[0] = weekly_points (ana, G_N_ELEMENTS (ana));
  sample->points[1] = weekly_points (bo, G_N_ELEMENTS (bo));
  sample->points[2] = weekly_points (cy, G_N_ELEMENTS (cy));
  sample->series[0] = (QdChartSeries) { "Ana Ruiz", sample->points[0], G_N_ELEMENTS (ana) };
  sample->series[1] = (QdChartSeries) { "Bo Chen", sample->points[1], G_N_ELEMENTS (bo) };
  sample->series[2] = (QdChartSeries) { "Cy Okafor", sample->points[2], G_N_ELEMENTS (cy) };
  sample->chart = (QdChartLine) {
    .title = "CSAT for Tier 1",
    .unit = QD_CHART_UNIT_PERCENT,
    .better = QD_CHART_BETTER_HIGHER,
    .period = QD_CHART_PERIOD_AUTO,
    .has_target = TRUE,
    .target = 95,
    .series = sample->series,
    .n_series = 3,
  };
}

static void
sample_clear (Sample *sample)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample->points); i++)
    g_free (sample->points[i]);
}

/* Palette */

static void
test_palette_defaults (void)
{
  QdChartPalette palettes[4];

  qd_chart_palette_init_light (&palettes[0]);
  qd_chart_palette_init_dark (&palettes[1]);
  qd_chart_palette_init_high_contrast (&palettes[2], FALSE);
  qd_chart_palette_init_high_contrast (&palettes[3], TRUE);

  for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
    {
      const QdChartPalette *palette = &palettes[p];

      /* Text reads on the background (WCAG AA), lines and the target
       * stand out (3:1 for graphics). */
      g_assert_cmpfloat (qd_chart_color_contrast (&palette->foreground, &palette->background), >=, 7.0);
      g_assert_cmpfloat (qd_chart_color_contrast (&palette->dim_foreground, &palette->background), >=, 4.5);
      g_assert_cmpfloat (qd_chart_color_contrast (&palette->target, &palette->background), >=, 4.5);

      for (guint i = 0; i < QD_CHART_N_SERIES_COLORS; i++)
        {
          const QdChartColor *a = qd_chart_palette_get_series_color (palette, i);

          g_assert_cmpfloat (qd_chart_color_contrast (a, &palette->background), >=, 3.0);
          for (guint j = 0; j < i; j++)
            {
              const QdChartColor *b = qd_chart_palette_get_series_color (palette, j);

              g_assert_false (a->red == b->red && a->green == b->green && a->blue == b->blue);
            }
          g_assert_false (memcmp (a, &palette->target, sizeof *a) == 0);
        }

      g_assert_cmpfloat (palette->font_size, >, 0);
      g_assert_cmpstr (palette->font_family, !=, "");
    }

  g_assert_cmpfloat (qd_chart_color_luminance (&palettes[0].background), >, 0.9);
  g_assert_cmpfloat (qd_chart_color_luminance (&palettes[1].background), <, 0.05);

  /* Series cycle, and markers tell the first six apart without colour. */
  g_assert_true (qd_chart_palette_get_series_color (&palettes[0], QD_CHART_N_SERIES_COLORS)
                 == qd_chart_palette_get_series_color (&palettes[0], 0));
  for (guint i = 0; i < QD_CHART_N_MARKERS; i++)
    for (guint j = 0; j < i; j++)
      g_assert_cmpint (qd_chart_marker_for_series (i), !=, qd_chart_marker_for_series (j));

  qd_chart_palette_set_font (&palettes[0], "DejaVu Sans", 11);
  g_assert_cmpstr (palettes[0].font_family, ==, "DejaVu Sans");
  g_assert_cmpfloat (palettes[0].font_size, ==, 11);
  qd_chart_palette_set_font (&palettes[0], NULL, -3);
  g_assert_cmpstr (palettes[0].font_family, ==, "DejaVu Sans");
  g_assert_cmpfloat (palettes[0].font_size, ==, 11);
}

/* Ticks */

static void
assert_ticks (double       lo,
              double       hi,
              guint        max_ticks,
              double       step,
              double       min,
              double       max)
{
  QdChartTicks ticks;

  g_assert_true (qd_chart_ticks_nice (lo, hi, max_ticks, &ticks));
  g_assert_cmpfloat_with_epsilon (ticks.step, step, step * 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks.min, min, step * 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks.max, max, step * 1e-9);
  g_assert_cmpuint (ticks.n_ticks, <=, max_ticks);
}

static gboolean
is_one_two_five (double step)
{
  double mantissa = step / pow (10, floor (log10 (step)));

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

static void
test_ticks_nice (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  QdChartTicks ticks;

  assert_ticks (0, 100, 6, 20, 0, 100);
  assert_ticks (91.2, 94.8, 5, 1, 91, 95);
  assert_ticks (0, 1250, 6, 500, 0, 1500);
  assert_ticks (-37, 12, 6, 20, -40, 20);
  assert_ticks (0.001, 0.0042, 6, 0.001, 0.001, 0.005);
  assert_ticks (1e9, 5e9, 5, 1e9, 1e9, 5e9);
  assert_ticks (0, 0.35, 8, 0.05, 0, 0.35);

  /* Properties over many ranges. */
  for (guint i = 0; i < 2000; i++)
    {
      double magnitude = pow (10, g_rand_double_range (rand, -6, 12));
      double lo = g_rand_double_range (rand, -1, 1) * magnitude;
      double hi = lo + g_rand_double_range (rand, 0.001, 3) * magnitude;
      guint max_ticks = g_rand_int_range (rand, 2, QD_CHART_MAX_TICKS + 1);

      g_assert_true (qd_chart_ticks_nice (lo, hi, max_ticks, &ticks));
      g_assert_cmpuint (ticks.n_ticks, >=, 2);
      /* Across zero two ticks cannot cover the range. */
      g_assert_cmpuint (ticks.n_ticks, <=, lo < 0 && hi > 0 ? MAX (max_ticks, 3) : max_ticks);
      g_assert_cmpfloat (ticks.min, <=, lo + ticks.step * 1e-6);
      g_assert_cmpfloat (ticks.max, >=, hi - ticks.step * 1e-6);
      g_assert_true (is_one_two_five (ticks.step));
      for (guint k = 0; k < ticks.n_ticks; k++)
        {
          double q = ticks.values[k] / ticks.step;

          g_assert_cmpfloat (fabs (q - round (q)), <, 1e-6);
          if (k > 0)
            g_assert_cmpfloat_with_epsilon (ticks.values[k] - ticks.values[k - 1], ticks.step,
                                            ticks.step * 1e-6);
        }
    }

  /* An empty range is widened around its value. */
  g_assert_true (qd_chart_ticks_nice (5, 5, 6, &ticks));
  g_assert_cmpfloat (ticks.min, <, 5);
  g_assert_cmpfloat (ticks.max, >, 5);
  g_assert_true (qd_chart_ticks_nice (0, 0, 6, &ticks));
  g_assert_cmpfloat (ticks.max, >, ticks.min);

  /* Reversed bounds work, non-finite ones do not. */
  assert_ticks (100, 0, 6, 20, 0, 100);
  g_assert_false (qd_chart_ticks_nice (NAN, 1, 6, &ticks));
  g_assert_cmpuint (ticks.n_ticks, ==, 0);
  g_assert_false (qd_chart_ticks_nice (0, INFINITY, 6, &ticks));

  /* Counts never get fractional steps. */
  g_assert_true (qd_chart_ticks_for_unit (QD_CHART_UNIT_COUNT, 0, 3, 8, &ticks));
  g_assert_cmpfloat (ticks.step, ==, 1);
  g_assert_true (qd_chart_ticks_for_unit (QD_CHART_UNIT_NUMBER, 0, 3, 8, &ticks));
  g_assert_cmpfloat (ticks.step, ==, 0.5);
}

static void
test_ticks_duration (void)
{
  static const char *expected[] = { "0", "30 min", "1 h", "1 h 30 min", "2 h" };
  QdChartTicks ticks;

  /* First reply time in minutes: half hours, not 1-2-5 minutes. */
  g_assert_true (qd_chart_ticks_for_unit (QD_CHART_UNIT_MINUTES, 0, 95, 6, &ticks));
  g_assert_cmpfloat (ticks.step, ==, 30);
  g_assert_cmpuint (ticks.n_ticks, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < ticks.n_ticks; i++)
    {
      g_autofree char *label = qd_chart_ticks_format (&ticks, QD_CHART_UNIT_MINUTES, i);

      g_assert_cmpstr (label, ==, expected[i]);
    }

  /* Resolution time in hours over weeks: whole days. */
  g_assert_true (qd_chart_ticks_for_unit (QD_CHART_UNIT_HOURS, 0, 100, 6, &ticks));
  g_assert_cmpfloat (fmod (ticks.step, 24), ==, 0);
  g_assert_cmpfloat (ticks.max, >=, 100);

  /* Months of resolution time: round numbers of days. */
  g_assert_true (qd_chart_ticks_for_unit (QD_CHART_UNIT_HOURS, 0, 24 * 95, 6, &ticks));
  g_assert_cmpfloat (fmod (ticks.step, 24), ==, 0);
  g_assert_true (is_one_two_five (ticks.step / 24));
  g_assert_cmpuint (ticks.n_ticks, <=, 6);

  /* Seconds-scale ranges in minutes. */
  g_assert_true (qd_chart_ticks_for_unit (QD_CHART_UNIT_MINUTES, 0, 2, 5, &ticks));
  g_assert_cmpfloat (ticks.step, ==, 0.5);
}

static void
test_ticks_time (void)
{
  QdChartTimeTicks ticks;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* 30 months, room for 12 labels: every quarter, on the 1st. */
  g_assert_true (qd_chart_time_ticks (day (2024, 1, 1), day (2026, 6, 1), 12, 0, &ticks));
  g_assert_cmpint (ticks.step, ==, QD_CHART_TIME_STEP_MONTH);
  g_assert_cmpuint (ticks.multiple, ==, 3);
  g_assert_cmpuint (ticks.n_ticks, ==, 10);
  for (guint i = 0; i < ticks.n_ticks; i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ticks.times[i]);

      g_assert_cmpint (g_date_time_get_day_of_month (dt), ==, 1);
      g_assert_cmpint ((g_date_time_get_month (dt) - 1) % 3, ==, 0);
    }
  first = qd_chart_time_ticks_format (&ticks, 0);
  second = qd_chart_time_ticks_format (&ticks, 1);
  g_assert_cmpstr (first, ==, "Jan 2024");
  g_assert_cmpstr (second, ==, "Apr");

  /* Weekly data: ticks fall on the data's weekday (Monday 3 Aug). */
  g_assert_true (qd_chart_time_ticks (day (2026, 8, 3), day (2026, 10, 26), 13, day (2026, 8, 3), &ticks));
  g_assert_cmpint (ticks.step, ==, QD_CHART_TIME_STEP_WEEK);
  g_assert_cmpint (ticks.times[0], ==, day (2026, 8, 3));
  {
    g_autofree char *label = qd_chart_time_ticks_format (&ticks, 1);

    g_assert_cmpstr (label, ==, "10 Aug");
  }

  /* Never more than asked for; nothing for impossible times. */
  for (guint max = 1; max < 10; max++)
    {
      if (qd_chart_time_ticks (day (2000, 1, 1), day (2026, 1, 1), max, 0, &ticks))
        g_assert_cmpuint (ticks.n_ticks, <=, max);
    }
  g_assert_false (qd_chart_time_ticks (0, G_MAXINT64, 8, 0, &ticks));
  g_assert_cmpuint (ticks.n_ticks, ==, 0);
  g_assert_false (qd_chart_time_ticks (0, 100, 0, 0, &ticks));
}

/* Formatting */

static void
assert_format (QdChartUnit  unit,
               double       value,
               int          decimals,
               const char  *expected)
{
  g_autofree char *str = qd_chart_format_value (unit, value, decimals);

  g_assert_cmpstr (str, ==, expected);
}

static void
test_format_values (void)
{
  assert_format (QD_CHART_UNIT_PERCENT, 94.1, QD_CHART_DECIMALS_READOUT, "94.1 %");
  assert_format (QD_CHART_UNIT_PERCENT, 94, QD_CHART_DECIMALS_READOUT, "94.0 %");
  assert_format (QD_CHART_UNIT_PERCENT, 95, QD_CHART_DECIMALS_TRIM, "95 %");
  assert_format (QD_CHART_UNIT_PERCENT, 92.5, QD_CHART_DECIMALS_TRIM, "92.5 %");
  assert_format (QD_CHART_UNIT_PERCENT, 92.5, 0, "92 %");
  assert_format (QD_CHART_UNIT_MINUTES, 90, QD_CHART_DECIMALS_READOUT, "1 h 30 min");
  assert_format (QD_CHART_UNIT_MINUTES, 89.99, QD_CHART_DECIMALS_READOUT, "1 h 30 min");
  assert_format (QD_CHART_UNIT_MINUTES, 60, QD_CHART_DECIMALS_READOUT, "1 h");
  assert_format (QD_CHART_UNIT_MINUTES, 45, QD_CHART_DECIMALS_READOUT, "45 min");
  assert_format (QD_CHART_UNIT_MINUTES, 4.5, QD_CHART_DECIMALS_READOUT, "4 min 30 s");
  assert_format (QD_CHART_UNIT_MINUTES, 0.75, QD_CHART_DECIMALS_READOUT, "45 s");
  assert_format (QD_CHART_UNIT_MINUTES, 0, QD_CHART_DECIMALS_READOUT, "0");
  assert_format (QD_CHART_UNIT_HOURS, 52, QD_CHART_DECIMALS_READOUT, "2 d 4 h");
  assert_format (QD_CHART_UNIT_HOURS, -2, QD_CHART_DECIMALS_READOUT, "-2 h");
  assert_format (QD_CHART_UNIT_COUNT, 412, QD_CHART_DECIMALS_READOUT, "412");
  assert_format (QD_CHART_UNIT_COUNT, 12.5, QD_CHART_DECIMALS_READOUT, "12.5");
  assert_format (QD_CHART_UNIT_NUMBER, 3.75, QD_CHART_DECIMALS_READOUT, "3.75");
  assert_format (QD_CHART_UNIT_NUMBER, 3.5, QD_CHART_DECIMALS_READOUT, "3.5");
  assert_format (QD_CHART_UNIT_NUMBER, -0.0001, QD_CHART_DECIMALS_READOUT, "0");
  assert_format (QD_CHART_UNIT_NUMBER, NAN, QD_CHART_DECIMALS_READOUT, "–");
  assert_format (QD_CHART_UNIT_PERCENT, NAN, QD_CHART_DECIMALS_READOUT, "–");
  assert_format (QD_CHART_UNIT_NUMBER, 1e300, QD_CHART_DECIMALS_READOUT, "1e+300");

  g_assert_cmpint (qd_chart_decimals_for_step (20), ==, 0);
  g_assert_cmpint (qd_chart_decimals_for_step (0.5), ==, 1);
  g_assert_cmpint (qd_chart_decimals_for_step (0.25), ==, 2);
  g_assert_cmpint (qd_chart_decimals_for_step (0.01), ==, 2);
}

static void
test_format_grouping (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));

  /* The test runs in C.UTF-8, which does not group digits. */
  assert_format (QD_CHART_UNIT_COUNT, 1250, QD_CHART_DECIMALS_READOUT, "1250");

  if (setlocale (LC_NUMERIC, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      return;
    }

  assert_format (QD_CHART_UNIT_COUNT, 1250, QD_CHART_DECIMALS_READOUT, "1,250");
  assert_format (QD_CHART_UNIT_PERCENT, 1234.5, QD_CHART_DECIMALS_READOUT, "1,234.5 %");

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") != NULL)
    assert_format (QD_CHART_UNIT_PERCENT, 94.1, QD_CHART_DECIMALS_READOUT, "94,1 %");

  setlocale (LC_NUMERIC, old);
}

static void
test_format_dates (void)
{
  g_autofree char *d = qd_chart_format_date (day (2026, 5, 12), QD_CHART_PERIOD_DAY);
  g_autofree char *w = qd_chart_format_date (day (2026, 5, 4), QD_CHART_PERIOD_WEEK);
  g_autofree char *m = qd_chart_format_date (day (2026, 5, 1), QD_CHART_PERIOD_MONTH);
  g_autofree char *q = qd_chart_format_date (day (2026, 4, 1), QD_CHART_PERIOD_QUARTER);
  g_autofree char *y = qd_chart_format_date (day (2026, 1, 1), QD_CHART_PERIOD_YEAR);
  g_autofree char *r1 = qd_chart_format_date_range (day (2026, 8, 3), day (2026, 10, 26), QD_CHART_PERIOD_WEEK);
  g_autofree char *r2 = qd_chart_format_date_range (day (2025, 12, 28), day (2026, 1, 4), QD_CHART_PERIOD_DAY);
  g_autofree char *r3 = qd_chart_format_date_range (day (2026, 1, 1), day (2026, 6, 1), QD_CHART_PERIOD_MONTH);
  g_autofree char *r4 = qd_chart_format_date_range (day (2026, 3, 1), day (2026, 3, 1), QD_CHART_PERIOD_MONTH);
  g_autofree char *bad = qd_chart_format_date (G_MAXINT64, QD_CHART_PERIOD_DAY);

  g_assert_cmpstr (d, ==, "12 May 2026");
  g_assert_cmpstr (w, ==, "4 May 2026");
  g_assert_cmpstr (m, ==, "May 2026");
  g_assert_cmpstr (q, ==, "Q2 2026");
  g_assert_cmpstr (y, ==, "2026");
  g_assert_cmpstr (r1, ==, "3 Aug – 26 Oct 2026");
  g_assert_cmpstr (r2, ==, "28 Dec 2025 – 4 Jan 2026");
  g_assert_cmpstr (r3, ==, "Jan – Jun 2026");
  g_assert_cmpstr (r4, ==, "Mar 2026");
  g_assert_cmpstr (bad, ==, "–");

  g_assert_cmpint (qd_chart_time_from_date (2026, 2, 30), ==, 0);
  g_assert_cmpint (qd_chart_time_from_date (1970, 1, 2), ==, 86400);
}

static void
test_format_period (void)
{
  g_autofree char *w = qd_chart_format_period (day (2026, 10, 5), QD_CHART_PERIOD_WEEK);
  g_autofree char *m = qd_chart_format_period (day (2026, 10, 1), QD_CHART_PERIOD_MONTH);
  g_autofree char *d = qd_chart_format_period (day (2026, 5, 12), QD_CHART_PERIOD_DAY);
  g_autofree char *q = qd_chart_format_period (day (2026, 4, 1), QD_CHART_PERIOD_QUARTER);
  g_autofree char *y = qd_chart_format_period (day (2026, 1, 1), QD_CHART_PERIOD_YEAR);
  g_autofree char *bad = qd_chart_format_period (G_MAXINT64, QD_CHART_PERIOD_WEEK);
  g_autofree char *plain = qd_chart_format_date (day (2026, 10, 5), QD_CHART_PERIOD_WEEK);

  /* A weekly point is a week, not a day; a month is spelled out. */
  g_assert_cmpstr (w, ==, "Week of 5 Oct 2026");
  g_assert_cmpstr (m, ==, "October 2026");
  g_assert_cmpstr (d, ==, "12 May 2026");
  g_assert_cmpstr (q, ==, "Q2 2026");
  g_assert_cmpstr (y, ==, "2026");
  g_assert_cmpstr (bad, ==, "–");

  /* The plain date stays a date (data tables add "Week of" themselves). */
  g_assert_cmpstr (plain, ==, "5 Oct 2026");
}

static void
test_format_period_guess (void)
{
  QdChartPoint points[6];

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    points[i] = (QdChartPoint) { day (2026, 8, 3) + (gint64) i * 7 * 86400, 1 };
  g_assert_cmpint (qd_chart_period_guess (points, 6), ==, QD_CHART_PERIOD_WEEK);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    points[i] = (QdChartPoint) { day (2026, 1 + i, 1), 1 };
  g_assert_cmpint (qd_chart_period_guess (points, 6), ==, QD_CHART_PERIOD_MONTH);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    points[i] = (QdChartPoint) { day (2025 + i / 4, 1 + (i % 4) * 3, 1), 1 };
  g_assert_cmpint (qd_chart_period_guess (points, 6), ==, QD_CHART_PERIOD_QUARTER);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    points[i] = (QdChartPoint) { day (2026, 3, 1) + (gint64) i * 86400, 1 };
  g_assert_cmpint (qd_chart_period_guess (points, 6), ==, QD_CHART_PERIOD_DAY);

  g_assert_cmpint (qd_chart_period_guess (points, 1), ==, QD_CHART_PERIOD_DAY);
  g_assert_cmpint (qd_chart_period_guess (NULL, 0), ==, QD_CHART_PERIOD_DAY);
  g_assert_cmpstr (qd_chart_period_adjective (QD_CHART_PERIOD_WEEK), ==, "weekly");
}

/* Reduction */

static void
test_reduce_bounded (void)
{
  const gsize n = 100000;
  const guint columns = 300;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree QdChartPoint *points = g_new (QdChartPoint, n);
  g_autofree QdChartPoint *out = NULL;
  g_autofree double *col_min = g_new (double, columns);
  g_autofree double *col_max = g_new (double, columns);
  g_autofree gboolean *min_found = g_new0 (gboolean, columns);
  g_autofree gboolean *max_found = g_new0 (gboolean, columns);
  double v = 50;
  gsize n_out = 0;
  gint64 t0 = day (2020, 1, 1);
  gint64 t1 = t0 + (gint64) (n - 1) * 60;

  for (gsize i = 0; i < n; i++)
    {
      v += g_rand_double_range (rand, -1, 1);
      points[i] = (QdChartPoint) { t0 + (gint64) i * 60, v };
    }
  /* A one-sample spike must survive. */
  points[n / 2].value = 1000;

  for (guint c = 0; c < columns; c++)
    {
      col_min[c] = INFINITY;
      col_max[c] = -INFINITY;
    }
  for (gsize i = 0; i < n; i++)
    {
      gsize c = qd_chart_reduce_column (points[i].time, t0, t1, columns);

      col_min[c] = MIN (col_min[c], points[i].value);
      col_max[c] = MAX (col_max[c], points[i].value);
    }

  out = qd_chart_reduce_minmax (points, n, t0, t1, columns, &n_out);
  g_assert_nonnull (out);
  g_assert_cmpuint (n_out, <=, 2 * columns);
  g_assert_cmpuint (n_out, >=, columns);

  for (gsize i = 0; i < n_out; i++)
    {
      gsize c = qd_chart_reduce_column (out[i].time, t0, t1, columns);

      g_assert_true (isfinite (out[i].value));
      if (i > 0)
        g_assert_cmpint (out[i].time, >=, out[i - 1].time);
      if (out[i].value == col_min[c])
        min_found[c] = TRUE;
      if (out[i].value == col_max[c])
        max_found[c] = TRUE;
      g_assert_cmpfloat (out[i].value, >=, col_min[c]);
      g_assert_cmpfloat (out[i].value, <=, col_max[c]);
    }

  for (guint c = 0; c < columns; c++)
    {
      g_assert_true (min_found[c]);
      g_assert_true (max_found[c]);
    }
}

static void
test_reduce_gaps (void)
{
  const gsize n = 10000;
  const guint columns = 100;
  g_autofree QdChartPoint *points = g_new (QdChartPoint, n);
  g_autofree QdChartPoint *out = NULL;
  gsize n_out = 0;
  gboolean gap_seen[100] = { FALSE };

  for (gsize i = 0; i < n; i++)
    points[i] = (QdChartPoint) { (gint64) i, (i >= 5000 && i < 5250) ? NAN : sin (i * 0.01) };

  out = qd_chart_reduce_minmax (points, n, 0, n - 1, columns, &n_out);
  g_assert_cmpuint (n_out, <=, QD_CHART_REDUCE_MAX_PER_COLUMN * columns);

  for (gsize i = 0; i < n_out; i++)
    if (isnan (out[i].value))
      gap_seen[qd_chart_reduce_column (out[i].time, 0, n - 1, columns)] = TRUE;

  for (guint c = 0; c < columns; c++)
    {
      /* Columns 50 to 52 hold the gap (samples 5000 to 5249). */
      if (c >= 50 && c <= 52)
        g_assert_true (gap_seen[c]);
      else
        g_assert_false (gap_seen[c]);
    }
}

static void
test_reduce_small (void)
{
  QdChartPoint points[5] = { { 0, 1 }, { 10, 3 }, { 20, 2 }, { 30, NAN }, { 40, 5 } };
  g_autofree QdChartPoint *out = NULL;
  g_autofree QdChartPoint *one = NULL;
  QdChartPoint *none;
  gsize n_out = 0;

  /* Fewer points than columns: nothing is lost. */
  out = qd_chart_reduce_minmax (points, 5, 0, 40, 100, &n_out);
  g_assert_cmpuint (n_out, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpint (out[i].time, ==, points[i].time);
      g_assert_true (out[i].value == points[i].value || (isnan (out[i].value) && isnan (points[i].value)));
    }

  /* One column: min, max and the gap. */
  one = qd_chart_reduce_minmax (points, 5, 0, 40, 1, &n_out);
  g_assert_cmpuint (n_out, ==, 3);
  g_assert_cmpfloat (one[0].value, ==, 1);
  g_assert_true (isnan (one[1].value));
  g_assert_cmpfloat (one[2].value, ==, 5);

  none = qd_chart_reduce_minmax (points, 0, 0, 40, 10, &n_out);
  g_assert_null (none);
  g_assert_cmpuint (n_out, ==, 0);
  none = qd_chart_reduce_minmax (points, 5, 0, 40, 0, &n_out);
  g_assert_null (none);
  g_assert_cmpuint (n_out, ==, 0);

  /* An empty time range puts everything in the first column. */
  g_clear_pointer (&out, g_free);
  out = qd_chart_reduce_minmax (points, 5, 7, 7, 50, &n_out);
  g_assert_cmpuint (n_out, <=, 3);
  g_assert_cmpuint (qd_chart_reduce_column (1000, 0, 10, 5), ==, 4);
  g_assert_cmpuint (qd_chart_reduce_column (-1000, 0, 10, 5), ==, 0);
}

/* Line chart pixels */

static void
test_line_target_pixels (Fixture       *fixture,
                         gconstpointer  data)
{
  static const double values[] = { 70, 72, 75, 74, 78, 80, 79, 81, 83, 82, 84, 85, 84 };
  g_autofree QdChartPoint *points = weekly_points (values, G_N_ELEMENTS (values));
  QdChartSeries series = { "Tier 1", points, G_N_ELEMENTS (values) };
  QdChartLine chart = {
    .title = "CSAT for Tier 1",
    .unit = QD_CHART_UNIT_PERCENT,
    .has_target = TRUE,
    .target = 95,
    .series = &series,
    .n_series = 1,
  };
  QdChartLayout layout;
  cairo_surface_t *surface;
  double y, left, right, middle;
  guint on_line = 0, scanned = 0;
  int row;

  qd_chart_line_layout (&chart, &fixture->light, WIDTH, HEIGHT, &layout);

  /* The target is outside the data, and still on the axis. */
  g_assert_cmpfloat (layout.value_max, >=, 95);
  g_assert_cmpfloat (layout.value_min, <=, 70);

  y = qd_chart_layout_y_for_value (&layout, 95);
  g_assert_cmpfloat (y, >, layout.plot.y + 6);
  g_assert_cmpfloat (y, <, qd_chart_layout_y_for_value (&layout, 85) - 6);
  row = (int) floor (y);

  surface = render_line (&chart, &fixture->light, WIDTH, HEIGHT);

  left = layout.plot.x;
  right = layout.plot.x + layout.plot.width;
  middle = (left + right) / 2;
  for (int x = (int) ceil (left); x < (int) floor (right); x++)
    {
      scanned++;
      if (pixel_is (surface, x, row, &fixture->light.target, 1))
        on_line++;
    }

  /* A dashed line: on for 3 parts in 5. */
  g_assert_cmpuint (scanned, >, 200);
  g_assert_cmpfloat ((double) on_line / scanned, >, 0.4);
  g_assert_cmpfloat ((double) on_line / scanned, <, 0.8);

  /* And not a few pixels above or below it, away from the label and the data. */
  g_assert_cmpuint (count_color (surface, middle, row - 6, right, row - 5, &fixture->light.target), ==, 0);
  g_assert_cmpuint (count_color (surface, middle, row + 5, right, row + 6, &fixture->light.target), ==, 0);
  g_assert_cmpuint (count_color (surface, left, row + 5, right, row + 6, &fixture->light.target), ==, 0);

  cairo_surface_destroy (surface);
}

static gboolean
rects_overlap (const QdChartRect *a,
               double             x0,
               double             y0,
               double             x1,
               double             y1)
{
  return a->x < x1 && x0 < a->x + a->width && a->y < y1 && y0 < a->y + a->height;
}

/* The target's name, where the layout says, in the target colour and
 * with no line over it. */
static void
assert_target_label_drawn (Fixture             *fixture,
                           const QdChartLine   *chart,
                           int                  width,
                           int                  height,
                           const QdChartLayout *layout)
{
  const QdChartRect *r = &layout->target_label;
  cairo_surface_t *surface = render_line (chart, &fixture->light, width, height);

  g_assert_cmpuint (count_color_within (surface, r->x, r->y, r->x + r->width, r->y + r->height,
                                        &fixture->light.target, 60), >, 10);
  for (guint s = 0; s < chart->n_series; s++)
    g_assert_cmpuint (count_color_within (surface, r->x, r->y, r->x + r->width, r->y + r->height,
                                          qd_chart_palette_get_series_color (&fixture->light, s), 40),
                      ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_line_target_label (Fixture       *fixture,
                        gconstpointer  data)
{
  /* CSAT hovering at its 95 % target: the first and the latest points
   * sit on the line, at both ends of the plot. */
  static const double values[] = { 95, 94.2, 93.5, 94.6, 95.8, 96.4, 95.3, 94.1, 95.6, 96.2, 95.4, 94.8, 95 };
  /* A QA score falling through its target of 3, far from it at both ends. */
  static const double falling[] = { 4.8, 4.7, 4.5, 4.6, 4.1, 3.6, 3.1, 2.4, 1.9, 1.5, 1.4, 1.3, 1.2 };
  g_autofree QdChartPoint *points = weekly_points (values, G_N_ELEMENTS (values));
  g_autofree QdChartPoint *falling_points = weekly_points (falling, G_N_ELEMENTS (falling));
  QdChartSeries series = { "Tier 1", points, G_N_ELEMENTS (values) };
  QdChartLine chart = {
    .title = "CSAT for Tier 1",
    .unit = QD_CHART_UNIT_PERCENT,
    .has_target = TRUE,
    .target = 95,
    .series = &series,
    .n_series = 1,
  };
  QdChartLayout layout;
  const QdChartRect *r = &layout.target_label;
  double line_y, first_x, first_y, last_x, last_y;
  const double reach = 9; /* a marker and its halo, with room to spare */

  qd_chart_line_layout (&chart, &fixture->light, WIDTH, HEIGHT, &layout);
  g_assert_true (layout.show_target_label);

  line_y = qd_chart_layout_y_for_value (&layout, 95);
  first_x = qd_chart_layout_x_for_time (&layout, points[0].time);
  first_y = qd_chart_layout_y_for_value (&layout, points[0].value);
  last_x = qd_chart_layout_x_for_time (&layout, points[12].time);
  last_y = qd_chart_layout_y_for_value (&layout, points[12].value);

  /* Clear of the first and the latest point... */
  g_assert_false (rects_overlap (r, first_x - reach, first_y - reach, first_x + reach, first_y + reach));
  g_assert_false (rects_overlap (r, last_x - reach, last_y - reach, last_x + reach, last_y + reach));
  /* ...because it is right of the plot, inside the chart, level with
   * the line it names. */
  g_assert_cmpfloat (r->x, >=, layout.plot.x + layout.plot.width);
  g_assert_cmpfloat (r->x + r->width, <=, WIDTH);
  g_assert_cmpfloat (fabs (r->y + r->height / 2 - line_y), <, 1);
  g_assert_cmpfloat (r->width, >, 20);
  assert_target_label_drawn (fixture, &chart, WIDTH, HEIGHT, &layout);

  /* Too narrow to spare a margin: inside the plot, above the line at the
   * right end, where the values (far below the target) leave room. */
  series.points = falling_points;
  chart.unit = QD_CHART_UNIT_NUMBER;
  chart.target = 3;
  qd_chart_line_layout (&chart, &fixture->light, NARROW, 200, &layout);
  g_assert_true (layout.show_target_label);
  line_y = qd_chart_layout_y_for_value (&layout, 3);
  g_assert_cmpfloat (r->x + r->width, <=, layout.plot.x + layout.plot.width);
  g_assert_cmpfloat (r->x, >, layout.plot.x + layout.plot.width / 2);
  g_assert_cmpfloat (r->y + r->height, <, line_y);
  g_assert_cmpfloat (r->y, >=, layout.plot.y);
  for (guint i = 0; i < G_N_ELEMENTS (falling); i++)
    {
      double x = qd_chart_layout_x_for_time (&layout, falling_points[i].time);
      double y = qd_chart_layout_y_for_value (&layout, falling[i]);

      g_assert_false (rects_overlap (r, x - 6, y - 6, x + 6, y + 6));
    }
  assert_target_label_drawn (fixture, &chart, NARROW, 200, &layout);

  /* A target at the top of the axis is named below its line: first
   * contact resolution falling from 60 %, against 100 %. */
  for (guint i = 0; i < G_N_ELEMENTS (falling); i++)
    falling_points[i].value = falling[i] * 12.5;
  chart.unit = QD_CHART_UNIT_PERCENT;
  chart.target = 100;
  qd_chart_line_layout (&chart, &fixture->light, NARROW, 200, &layout);
  g_assert_true (layout.show_target_label);
  g_assert_cmpfloat (layout.value_max, ==, 100);
  g_assert_cmpfloat (r->y, >, qd_chart_layout_y_for_value (&layout, 100));
  g_assert_cmpfloat (r->y + r->height, <=, layout.plot.y + layout.plot.height);
  assert_target_label_drawn (fixture, &chart, NARROW, 200, &layout);

  /* Where the line runs along the target everywhere, the inside spot
   * with the fewest crossings is taken, and the lines stay on top. */
  series.points = points;
  chart.unit = QD_CHART_UNIT_PERCENT;
  chart.target = 95;
  qd_chart_line_layout (&chart, &fixture->light, NARROW, 200, &layout);
  g_assert_true (layout.show_target_label);
  {
    cairo_surface_t *surface = render_line (&chart, &fixture->light, NARROW, 200);

    g_assert_true (pixel_is (surface,
                             (int) floor (qd_chart_layout_x_for_time (&layout, points[12].time)),
                             (int) floor (qd_chart_layout_y_for_value (&layout, points[12].value)),
                             qd_chart_palette_get_series_color (&fixture->light, 0), 1));
    cairo_surface_destroy (surface);
  }

  /* No target, no name. */
  chart.has_target = FALSE;
  qd_chart_line_layout (&chart, &fixture->light, WIDTH, HEIGHT, &layout);
  g_assert_false (layout.show_target_label);
}

static void
assert_percent_axis (const double *values,
                     gsize         n,
                     double        top_tick,
                     double        at_least)
{
  g_autofree QdChartPoint *points = weekly_points (values, n);
  QdChartSeries series = { "Tier 1", points, n };
  QdChartLine chart = { .title = "CSAT", .unit = QD_CHART_UNIT_PERCENT, .series = &series, .n_series = 1 };
  QdChartPalette palette;
  QdChartLayout layout;
  double highest = -INFINITY;

  qd_chart_palette_init_light (&palette);
  qd_chart_line_layout (&chart, &palette, WIDTH, HEIGHT, &layout);

  g_assert_true (layout.show_value_labels);
  g_assert_cmpuint (layout.value_ticks.n_ticks, >=, 2);
  for (guint i = 0; i < layout.value_ticks.n_ticks; i++)
    highest = MAX (highest, layout.value_ticks.values[i]);
  g_assert_cmpfloat_with_epsilon (highest, top_tick, 1e-9);

  /* Every value is on the axis. */
  g_assert_cmpfloat (layout.value_max, >=, at_least);
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpfloat (qd_chart_layout_y_for_value (&layout, values[i]), >=, layout.plot.y - 1e-3);
      g_assert_cmpfloat (qd_chart_layout_y_for_value (&layout, values[i]), <=,
                         layout.plot.y + layout.plot.height + 1e-3);
    }
}

static void
test_line_percent_axis (void)
{
  static const double touching[] = { 97, 98.5, 100, 99, 99.5 };
  static const double noise[] = { 97, 98.5, 100.00000001, 99, 99.5 };
  static const double rounding[] = { 97, 98.5, 100.00000001, 99, 100.04 };
  static const double wide[] = { 62, 80, 100, 91, 75 };
  static const double over[] = { 60, 80, 101.5, 91, 75 };
  static const double plan[] = { 80, 120, 160, 140 };
  static const double from_zero[] = { -0.01, 2, 5, 3 };
  static const QdChartBarItem shares[] = { { "Email", 100.00000001 }, { "Chat", 62 } };
  QdChartBar bar = { .title = "Share", .unit = QD_CHART_UNIT_PERCENT, .items = shares, .n_items = 2 };
  QdChartBarLayout bar_layout;
  QdChartPalette palette;

  /* Values that reach 100 % stop the axis there: no "110 %". */
  assert_percent_axis (touching, G_N_ELEMENTS (touching), 100, 100);
  assert_percent_axis (noise, G_N_ELEMENTS (noise), 100, 100);
  assert_percent_axis (wide, G_N_ELEMENTS (wide), 100, 100);
  {
    g_autofree QdChartPoint *points = weekly_points (noise, G_N_ELEMENTS (noise));
    QdChartSeries series = { "Tier 1", points, G_N_ELEMENTS (noise) };
    QdChartLine chart = { .unit = QD_CHART_UNIT_PERCENT, .series = &series, .n_series = 1 };
    QdChartLayout layout;

    qd_chart_palette_init_light (&palette);
    qd_chart_line_layout (&chart, &palette, WIDTH, HEIGHT, &layout);
    g_assert_cmpfloat (layout.value_max, ==, 100);
  }

  /* A little over 100 % (a rounding upstream): the ticks still stop at
   * 100 %, and the axis reaches just far enough for the value. */
  assert_percent_axis (rounding, G_N_ELEMENTS (rounding), 100, 100.04);
  assert_percent_axis (over, G_N_ELEMENTS (over), 100, 101.5);

  /* Far over it (a percentage of plan), the ticks go on. */
  assert_percent_axis (plan, G_N_ELEMENTS (plan), 180, 160);

  /* And the ticks start at 0 %, not −1 %; a value a hair below zero
   * is zero. */
  {
    g_autofree QdChartPoint *points = weekly_points (from_zero, G_N_ELEMENTS (from_zero));
    QdChartSeries series = { "Tier 1", points, G_N_ELEMENTS (from_zero) };
    QdChartLine chart = { .unit = QD_CHART_UNIT_PERCENT, .series = &series, .n_series = 1 };
    QdChartLayout layout;

    qd_chart_line_layout (&chart, &palette, WIDTH, HEIGHT, &layout);
    g_assert_cmpfloat (layout.value_ticks.values[0], ==, 0);
    g_assert_cmpfloat (layout.value_min, <=, -0.01);
    g_assert_cmpfloat (layout.value_min, >, -1);

    points[0].value = -1e-9;
    qd_chart_line_layout (&chart, &palette, WIDTH, HEIGHT, &layout);
    g_assert_cmpfloat (layout.value_ticks.values[0], ==, 0);
    g_assert_cmpfloat (layout.value_min, ==, 0);
  }

  /* Bars too. */
  qd_chart_bar_layout (&bar, &palette, WIDTH, HEIGHT, &bar_layout);
  g_assert_cmpfloat (bar_layout.value_max, ==, 100);
  g_assert_cmpfloat (bar_layout.value_ticks.values[bar_layout.value_ticks.n_ticks - 1], ==, 100);
}

static void
test_line_series_colors (Fixture       *fixture,
                         gconstpointer  data)
{
  Sample sample;
  QdChartLayout layout;
  cairo_surface_t *surface;
  const QdChartRect *plot;

  sample_init (&sample);
  qd_chart_line_layout (&sample.chart, &fixture->light, WIDTH, HEIGHT, &layout);
  surface = render_line (&sample.chart, &fixture->light, WIDTH, HEIGHT);
  plot = &layout.plot;

  for (guint s = 0; s < 3; s++)
    {
      const QdChartColor *color = qd_chart_palette_get_series_color (&fixture->light, s);
      const QdChartPoint *last = &sample.points[s][12];

      g_assert_cmpuint (count_color (surface, plot->x, plot->y, plot->x + plot->width,
                                     plot->y + plot->height, color), >, 200);

      /* The latest point is marked exactly where the layout says. */
      g_assert_true (pixel_is (surface,
                               (int) floor (qd_chart_layout_x_for_time (&layout, last->time)),
                               (int) floor (qd_chart_layout_y_for_value (&layout, last->value)),
                               color, 1));
    }

  /* A fourth colour is not used anywhere. */
  g_assert_cmpuint (count_color (surface, 0, 0, WIDTH, HEIGHT,
                                 qd_chart_palette_get_series_color (&fixture->light, 3)), ==, 0);

  /* Higher values are drawn higher. */
  g_assert_cmpfloat (qd_chart_layout_y_for_value (&layout, 94), <, qd_chart_layout_y_for_value (&layout, 80));
  g_assert_cmpfloat (qd_chart_layout_x_for_time (&layout, day (2026, 8, 3)), <,
                     qd_chart_layout_x_for_time (&layout, day (2026, 10, 26)));
  g_assert_cmpfloat_with_epsilon (qd_chart_layout_value_for_y (&layout, qd_chart_layout_y_for_value (&layout, 87.5)),
                                  87.5, 1e-9);
  g_assert_cmpint (qd_chart_layout_time_for_x (&layout, qd_chart_layout_x_for_time (&layout, day (2026, 9, 7))),
                   ==, day (2026, 9, 7));

  cairo_surface_destroy (surface);
  sample_clear (&sample);
}

static void
test_line_nan_gap (Fixture       *fixture,
                   gconstpointer  data)
{
  double values[13];
  g_autofree QdChartPoint *points = NULL;
  QdChartSeries series = { "Tier 2", NULL, 13 };
  QdChartLine chart = { .title = "CSAT", .unit = QD_CHART_UNIT_PERCENT, .series = &series, .n_series = 1 };
  const QdChartColor *color = qd_chart_palette_get_series_color (&fixture->light, 0);
  QdChartLayout layout;
  cairo_surface_t *surface;
  double y, x_gap, x_line;

  for (guint i = 0; i < 13; i++)
    values[i] = 50;
  values[6] = NAN;
  points = weekly_points (values, 13);
  series.points = points;

  qd_chart_line_layout (&chart, &fixture->light, WIDTH, HEIGHT, &layout);
  surface = render_line (&chart, &fixture->light, WIDTH, HEIGHT);
  y = qd_chart_layout_y_for_value (&layout, 50);

  /* Between weeks 2 and 3 the line is drawn... */
  x_line = (qd_chart_layout_x_for_time (&layout, points[2].time)
            + qd_chart_layout_x_for_time (&layout, points[3].time)) / 2;
  g_assert_cmpuint (count_color (surface, x_line, y - 2, x_line + 1, y + 2, color), >, 0);

  /* ...where week 6 has no value it is not. */
  x_gap = qd_chart_layout_x_for_time (&layout, points[6].time);
  g_assert_cmpuint (count_color (surface, x_gap - 8, y - 4, x_gap + 8, y + 4, color), ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_line_background (Fixture       *fixture,
                      gconstpointer  data)
{
  Sample sample;
  cairo_surface_t *light;
  cairo_surface_t *dark;

  sample_init (&sample);
  light = render_line (&sample.chart, &fixture->light, WIDTH, HEIGHT);
  dark = render_line (&sample.chart, &fixture->dark, WIDTH, HEIGHT);

  g_assert_true (pixel_is (light, 0, 0, &fixture->light.background, 0));
  g_assert_true (pixel_is (light, WIDTH - 1, HEIGHT - 1, &fixture->light.background, 0));
  g_assert_true (pixel_is (dark, 0, 0, &fixture->dark.background, 0));
  g_assert_true (pixel_is (dark, WIDTH - 1, HEIGHT - 1, &fixture->dark.background, 0));
  g_assert_false (pixel_is (dark, 0, 0, &fixture->light.background, 40));

  /* Dark really is dark: the corner pixel's channels are all low. */
  g_assert_cmpuint ((pixel_at (dark, 0, 0) >> 16) & 0xff, <, 0x40);
  g_assert_cmpuint ((pixel_at (dark, 0, 0) >> 8) & 0xff, <, 0x40);
  g_assert_cmpuint (pixel_at (dark, 0, 0) & 0xff, <, 0x40);

  /* And the dark palette's own series colours are used. */
  g_assert_cmpuint (count_color (dark, 0, 0, WIDTH, HEIGHT, &fixture->dark.series[0]), >, 100);
  g_assert_cmpuint (count_color (dark, 0, 0, WIDTH, HEIGHT, &fixture->light.series[0]), ==, 0);

  /* A transparent background is left alone. */
  {
    QdChartPalette clear = fixture->light;
    cairo_surface_t *surface;

    clear.background.alpha = 0;
    surface = render_line (&sample.chart, &clear, WIDTH, HEIGHT);
    g_assert_cmpuint (pixel_at (surface, 0, 0), ==, 0);
    cairo_surface_destroy (surface);
  }

  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
  sample_clear (&sample);
}

static void
test_line_large (Fixture       *fixture,
                 gconstpointer  data)
{
  const gsize n = 100000;
  g_autofree QdChartPoint *points = g_new (QdChartPoint, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  QdChartSeries series = { "All tickets", points, n };
  QdChartLine chart = { .title = "Reply time", .unit = QD_CHART_UNIT_MINUTES, .series = &series, .n_series = 1 };
  QdChartLayout layout;
  cairo_surface_t *surface;
  double x, y;
  gint64 t0 = day (2026, 1, 1);

  for (gsize i = 0; i < n; i++)
    points[i] = (QdChartPoint) { t0 + (gint64) i * 300, g_rand_double_range (rand, 40, 60) };
  points[n / 3].value = 240;

  g_test_timer_start ();
  qd_chart_line_layout (&chart, &fixture->light, WIDTH, HEIGHT, &layout);
  surface = render_line (&chart, &fixture->light, WIDTH, HEIGHT);
  g_test_message ("100,000 points laid out and drawn in %.3f s", g_test_timer_elapsed ());

  /* The single spike is still visible after reduction. */
  x = qd_chart_layout_x_for_time (&layout, points[n / 3].time);
  y = qd_chart_layout_y_for_value (&layout, 240);
  g_assert_cmpuint (count_color (surface, x - 2, y - 2, x + 3, y + 3,
                                 qd_chart_palette_get_series_color (&fixture->light, 0)), >, 0);
  /* Nothing is drawn far above it. */
  g_assert_cmpuint (count_color (surface, layout.plot.x, layout.plot.y, layout.plot.x + layout.plot.width, y - 8,
                                 qd_chart_palette_get_series_color (&fixture->light, 0)), ==, 0);

  cairo_surface_destroy (surface);
}

/* A random walk of @n daily points with big steps and a gap of 200
 * days from @gap (none when @gap is 0). */
static QdChartPoint *
dense_points (gsize  n,
              gsize  gap,
              guint  seed)
{
  QdChartPoint *points = g_new (QdChartPoint, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  double v = 50;

  for (gsize i = 0; i < n; i++)
    {
      /* Not inside CLAMP, which would draw several numbers. */
      double step = g_rand_double_range (rand, -4, 4);

      v = CLAMP (v + step, 5, 95);
      points[i] = (QdChartPoint) { day (2018, 1, 1) + (gint64) i * 86400,
                                   gap > 0 && i >= gap && i < gap + 200 ? NAN : v };
    }

  return points;
}

/* Where the centre of the line through @points is, per pixel column of
 * a chart drawn at @scale pixels per unit: sampled finely along every
 * stretch between two values. */
static void
centre_line_extents (const QdChartLayout *layout,
                     const QdChartPoint  *points,
                     gsize                n,
                     double               scale,
                     double              *lo,
                     double              *hi,
                     int                  n_columns)
{
  for (int c = 0; c < n_columns; c++)
    {
      lo[c] = INFINITY;
      hi[c] = -INFINITY;
    }

  for (gsize i = 1; i < n; i++)
    {
      double x0, y0, x1, y1;

      if (!isfinite (points[i - 1].value) || !isfinite (points[i].value))
        continue;

      x0 = qd_chart_layout_x_for_time (layout, points[i - 1].time) * scale;
      y0 = qd_chart_layout_y_for_value (layout, points[i - 1].value) * scale;
      x1 = qd_chart_layout_x_for_time (layout, points[i].time) * scale;
      y1 = qd_chart_layout_y_for_value (layout, points[i].value) * scale;
      for (int k = 0; k <= 64; k++)
        {
          double x = x0 + (x1 - x0) * k / 64;
          double y = y0 + (y1 - y0) * k / 64;
          int c = (int) floor (x);

          if (c >= 0 && c < n_columns)
            {
              lo[c] = MIN (lo[c], y);
              hi[c] = MAX (hi[c], y);
            }
        }
    }
}

/* More points than pixel columns: the chart covers, in every column,
 * exactly where the line goes, as thick as a line, and leaves the gap. */
static void
assert_dense_pixels (Fixture *fixture,
                     double   scale)
{
  const gsize n = 3000;
  const gsize gap = 1400;
  g_autofree QdChartPoint *points = dense_points (n, gap, 11);
  QdChartSeries series = { "All tickets", points, n };
  QdChartLine chart = { .title = "Tickets in the queue", .unit = QD_CHART_UNIT_NUMBER,
                        .series = &series, .n_series = 1 };
  const QdChartColor *color = qd_chart_palette_get_series_color (&fixture->light, 0);
  int width = (int) (WIDTH * scale), height = (int) (HEIGHT * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autofree double *lo = g_new (double, width);
  g_autofree double *hi = g_new (double, width);
  QdChartLayout layout;
  cairo_t *cr;
  int first, last, top_row, bottom_row;
  double gap_left, gap_right;
  guint checked = 0;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  qd_chart_line_draw (cr, &chart, &fixture->light, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  qd_chart_line_layout (&chart, &fixture->light, WIDTH, HEIGHT, &layout);
  g_assert_cmpfloat ((layout.data_right - layout.data_left) * scale, <, n / 2.0);
  centre_line_extents (&layout, points, n, scale, lo, hi, width);

  /* Away from the ends (round line ends, the marker on the latest point). */
  first = (int) ceil (layout.data_left * scale + 4 * scale);
  last = (int) floor (layout.data_right * scale - 12 * scale);
  top_row = (int) floor ((layout.plot.y - 10) * scale);
  bottom_row = (int) ceil ((layout.plot.y + layout.plot.height + 10) * scale);
  gap_left = qd_chart_layout_x_for_time (&layout, points[gap - 1].time) * scale;
  gap_right = qd_chart_layout_x_for_time (&layout, points[gap + 200].time) * scale;

  for (int c = first; c <= last; c++)
    {
      double near_lo = INFINITY, near_hi = -INFINITY;
      int top = -1, bottom = -1;

      for (int y = MAX (top_row, 0); y < MIN (bottom_row, height); y++)
        if (pixel_is (surface, c, y, color, 1))
          {
            if (top < 0)
              top = y;
            bottom = y;
          }

      if (c > gap_left + 4 * scale && c < gap_right - 4 * scale)
        {
          /* The gap. */
          g_assert_cmpint (top, ==, -1);
          continue;
        }
      if (c > gap_left - 4 * scale && c < gap_right + 4 * scale)
        continue;

      for (int k = MAX (c - 2, 0); k <= MIN (c + 2, width - 1); k++)
        {
          near_lo = MIN (near_lo, lo[k]);
          near_hi = MAX (near_hi, hi[k]);
        }

      /* The centre of the line is covered... */
      g_assert_cmpint (top, >=, 0);
      g_assert_cmpfloat (top, <=, lo[c] + 1);
      g_assert_cmpfloat (bottom, >=, hi[c] - 1);
      /* ...and not much more than a line's thickness around it. */
      g_assert_cmpfloat (top, >=, near_lo - 2 * scale - 1);
      g_assert_cmpfloat (bottom, <=, near_hi + 2 * scale + 1);
      checked++;
    }

  g_assert_cmpuint (checked, >, (last - first) * 0.6);
  cairo_surface_destroy (surface);
}

static void
test_line_dense_pixels (Fixture       *fixture,
                        gconstpointer  data)
{
  const gsize n = 3000;
  g_autofree QdChartPoint *points = g_new (QdChartPoint, n);
  QdChartSeries series = { "All tickets", points, n };
  QdChartLine chart = { .title = "Tickets in the queue", .unit = QD_CHART_UNIT_NUMBER,
                        .series = &series, .n_series = 1 };
  const QdChartColor *color = qd_chart_palette_get_series_color (&fixture->light, 0);
  QdChartLayout layout;
  cairo_surface_t *surface;
  guint columns = 0, blended = 0;

  assert_dense_pixels (fixture, 1);
  /* A HiDPI image: the surface's own scale. */
  assert_dense_pixels (fixture, 2);

  /* A smooth dense line keeps soft (anti-aliased) edges: above its
   * topmost pixel in full colour there is one in between. */
  for (gsize i = 0; i < n; i++)
    points[i] = (QdChartPoint) { day (2018, 1, 1) + (gint64) i * 86400, 50 + 30 * sin (i / 300.0) };
  qd_chart_line_layout (&chart, &fixture->light, WIDTH, HEIGHT, &layout);
  surface = render_line (&chart, &fixture->light, WIDTH, HEIGHT);
  for (int x = (int) layout.data_left + 4; x < (int) layout.data_right - 12; x++)
    for (int y = (int) layout.plot.y + 2; y < (int) (layout.plot.y + layout.plot.height); y++)
      if (pixel_is (surface, x, y, color, 1))
        {
          columns++;
          if (!pixel_is (surface, x, y - 1, &fixture->light.background, 2)
              && !pixel_is (surface, x, y - 1, &fixture->light.grid, 2))
            blended++;
          break;
        }
  g_assert_cmpuint (columns, >, 400);
  g_assert_cmpuint (blended, >, columns * 0.6);
  cairo_surface_destroy (surface);
}

/* What a dense line becomes in a vector file: a path through the lowest
 * and highest point of every stretch as wide as the line is thick, on
 * quarter units, with bevel joins. */
static void
test_line_dense_vector (Fixture       *fixture,
                        gconstpointer  data)
{
  const gsize n = 2000;
  g_autofree QdChartPoint *a = dense_points (n, 0, 1);
  g_autofree QdChartPoint *b = dense_points (n, 0, 2);
  g_autofree QdChartPoint *c = dense_points (n, 0, 3);
  QdChartSeries series[] = { { "Ana Ruiz", a, n }, { "Bo Chen", b, n }, { "Cy Okafor", c, n } };
  QdChartLine chart = { .title = "Tickets in the queue", .unit = QD_CHART_UNIT_NUMBER,
                        .series = series, .n_series = 3 };
  g_autofree char *path = g_build_filename (fixture->tmpdir, "dense.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  QdChartLayout layout;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint lines = 0;

  qd_chart_line_layout (&chart, &fixture->light, WIDTH, HEIGHT, &layout);
  surface = cairo_svg_surface_create (path, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  qd_chart_line_draw (cr, &chart, &fixture->light, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  for (const char *p = strstr (contents, "<path"); p != NULL; p = strstr (p + 1, "<path"))
    {
      const char *end = strchr (p, '>');
      g_autofree char *element = g_strndup (p, end - p);
      const char *d = strstr (element, " d=\"");
      g_auto(GStrv) words = NULL;
      guint points = 0;

      /* Stroked paths only (glyphs are filled). */
      if (d == NULL || strstr (element, "stroke-width") == NULL)
        continue;
      words = g_strsplit_set (d + 4, " \"", -1);
      for (guint i = 0; words[i] != NULL; i++)
        points += g_str_equal (words[i], "L");
      if (points < 100)
        continue;

      lines++;
      /* Fewer points than the plot has columns, but not a sketch. */
      g_assert_cmpuint (points, <, layout.plot.width);
      g_assert_cmpuint (points, >, layout.plot.width / 4);
      g_assert_nonnull (strstr (element, "stroke-linejoin:bevel"));
      for (guint i = 0; words[i] != NULL; i++)
        {
          char *rest = NULL;
          double v = g_ascii_strtod (words[i], &rest);

          if (rest != words[i] && *rest == '\0')
            g_assert_cmpfloat (fabs (v * 4 - round (v * 4)), <, 1e-6);
        }
    }

  g_assert_cmpuint (lines, ==, 3);
}

/* Line chart text: PDF and SVG */

static void
test_line_pdf_text (Fixture       *fixture,
                    gconstpointer  data)
{
  Sample sample;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "chart.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  sample_init (&sample);

  /* A landscape chart on an A4 page, as a meeting pack has it. */
  surface = cairo_pdf_surface_create (path, 842, 595);
  cr = cairo_create (surface);
  cairo_translate (cr, 36, 36);
  qd_chart_line_draw (cr, &sample.chart, &fixture->light, 770, 420);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  text = pdf_to_text (path);
  if (text == NULL)
    return;
  flat = squash (text);
  g_test_message ("PDF text: %s", flat);

  g_assert_nonnull (strstr (flat, "CSATforTier1"));
  g_assert_nonnull (strstr (flat, "AnaRuiz"));
  g_assert_nonnull (strstr (flat, "BoChen"));
  g_assert_nonnull (strstr (flat, "CyOkafor"));
  g_assert_nonnull (strstr (flat, "Target95%"));
  /* Axis labels with units and dates. */
  g_assert_nonnull (strstr (flat, "90%"));
  g_assert_nonnull (strstr (flat, "3Aug2026"));
  g_assert_nonnull (strstr (flat, "Sep"));

  sample_clear (&sample);
}

static void
test_line_svg (Fixture       *fixture,
               gconstpointer  data)
{
  static const GMarkupParser parser = { svg_start_element, svg_end_element, NULL, NULL, NULL };
  Sample sample;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "chart.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SvgCheck check = { 0 };
  gsize length = 0;
  cairo_surface_t *surface;
  cairo_t *cr;

  sample_init (&sample);

  surface = cairo_svg_surface_create (path, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  qd_chart_line_draw (cr, &sample.chart, &fixture->light, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);

  context = g_markup_parse_context_new (&parser, 0, &check, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (check.root, ==, "svg");
  g_assert_cmpuint (check.depth, ==, 0);
  g_free (check.root);

  sample_clear (&sample);
}

/* Hit test and read-outs */

static void
test_line_hit_test (Fixture       *fixture,
                    gconstpointer  data)
{
  QdChartPoint ana[10], bo[10];
  QdChartSeries series[2] = { { "Ana Ruiz", ana, 10 }, { "Bo Chen", bo, 10 } };
  QdChartLine chart = { .title = "CSAT", .unit = QD_CHART_UNIT_PERCENT, .series = series, .n_series = 2 };
  QdChartLayout layout;
  QdChartHit hit;
  g_autofree char *readout = NULL;
  g_autofree char *readout_bo = NULL;
  double x, y;

  for (guint i = 0; i < 10; i++)
    {
      ana[i] = (QdChartPoint) { day (2026, 5, 8) + (gint64) i * 86400, 90 + i * 0.5 };
      bo[i] = (QdChartPoint) { day (2026, 5, 8) + (gint64) i * 86400, 70 + i };
    }
  ana[4].value = 94.1;
  bo[5].value = NAN;

  qd_chart_line_layout (&chart, &fixture->light, WIDTH, HEIGHT, &layout);

  /* Just right of and above Ana's point on 12 May. */
  x = qd_chart_layout_x_for_time (&layout, ana[4].time);
  y = qd_chart_layout_y_for_value (&layout, 94.1);
  g_assert_true (qd_chart_line_hit_test (&chart, &layout, x + 3, y - 4, &hit));
  g_assert_cmpuint (hit.series, ==, 0);
  g_assert_cmpuint (hit.index, ==, 4);
  g_assert_cmpint (hit.time, ==, day (2026, 5, 12));
  g_assert_cmpfloat (hit.value, ==, 94.1);
  g_assert_cmpfloat_with_epsilon (hit.x, x, 1e-9);

  readout = qd_chart_line_format_readout (&chart, hit.series, hit.index);
  g_assert_cmpstr (readout, ==, "Ana Ruiz · 12 May 2026 · 94.1 %");

  /* Hovering is about "when": straight below the point still finds it,
   * not a later point whose value matches the pointer's height. */
  g_assert_true (qd_chart_line_hit_test (&chart, &layout, x, qd_chart_layout_y_for_value (&layout, 93), &hit));
  g_assert_cmpuint (hit.series, ==, 0);
  g_assert_cmpuint (hit.index, ==, 4);

  /* Near Bo's line, the nearest of Bo's points with a value. */
  x = qd_chart_layout_x_for_time (&layout, bo[5].time);
  y = qd_chart_layout_y_for_value (&layout, 75);
  g_assert_true (qd_chart_line_hit_test (&chart, &layout, x + 1, y, &hit));
  g_assert_cmpuint (hit.series, ==, 1);
  g_assert_true (hit.index == 4 || hit.index == 6);
  readout_bo = qd_chart_line_format_readout (&chart, 1, 6);
  g_assert_cmpstr (readout_bo, ==, "Bo Chen · 14 May 2026 · 76.0 %");

  /* Outside the plot there is nothing. */
  g_assert_false (qd_chart_line_hit_test (&chart, &layout, 0, 0, &hit));
  g_assert_false (qd_chart_line_hit_test (&chart, &layout, WIDTH - 1, layout.plot.y - 40, &hit));
  g_assert_false (qd_chart_line_hit_test (&chart, &layout, NAN, 100, &hit));
  g_assert_null (qd_chart_line_format_readout (&chart, 2, 0));
  g_assert_null (qd_chart_line_format_readout (&chart, 0, 10));

  /* The highlight draws the series colour at the point. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
    cairo_t *cr = cairo_create (surface);

    g_assert_true (qd_chart_line_hit_test (&chart, &layout, x, y, &hit));
    qd_chart_line_draw_highlight (cr, &chart, &fixture->light, &layout, &hit);
    cairo_destroy (cr);
    cairo_surface_flush (surface);
    g_assert_true (pixel_is (surface, (int) floor (hit.x), (int) floor (hit.y),
                             &fixture->light.series[1], 1));
    cairo_surface_destroy (surface);
  }
}

static void
test_line_readout_periods (void)
{
  QdChartPoint weekly[3], monthly[3], daily[3];
  QdChartSeries ana = { "Ana Ruiz", weekly, 3 };
  QdChartSeries unnamed = { NULL, monthly, 3 };
  QdChartSeries days = { "Bo Chen", daily, 3 };
  QdChartLine by_week = { .title = "CSAT", .unit = QD_CHART_UNIT_PERCENT, .series = &ana, .n_series = 1 };
  QdChartLine by_month = {
    .title = "CSAT", .unit = QD_CHART_UNIT_PERCENT, .period = QD_CHART_PERIOD_MONTH,
    .series = &unnamed, .n_series = 1,
  };
  QdChartLine by_day = { .title = "CSAT", .unit = QD_CHART_UNIT_PERCENT, .series = &days, .n_series = 1 };
  g_autofree char *week = NULL;
  g_autofree char *month = NULL;
  g_autofree char *today = NULL;
  g_autofree char *week_alone = NULL;
  g_autofree char *month_alone = NULL;

  for (guint i = 0; i < 3; i++)
    {
      weekly[i] = (QdChartPoint) { day (2026, 9, 21) + (gint64) i * 7 * 86400, 93 + i * 0.55 };
      monthly[i] = (QdChartPoint) { day (2026, 8 + i, 1), 93 + i * 0.55 };
      daily[i] = (QdChartPoint) { day (2026, 5, 10 + i), 93 + i * 0.55 };
    }

  /* The period is guessed from weekly points, or given. */
  week = qd_chart_line_format_readout (&by_week, 0, 2);
  month = qd_chart_line_format_readout (&by_month, 0, 2);
  today = qd_chart_line_format_readout (&by_day, 0, 2);
  g_assert_cmpstr (week, ==, "Ana Ruiz · Week of 5 Oct 2026 · 94.1 %");
  g_assert_cmpstr (month, ==, "October 2026 · 94.1 %");
  g_assert_cmpstr (today, ==, "Bo Chen · 12 May 2026 · 94.1 %");

  /* The description of a single value says it the same way. */
  weekly[0].value = weekly[1].value = NAN;
  monthly[0].value = monthly[1].value = NAN;
  week_alone = qd_chart_line_describe (&by_week);
  month_alone = qd_chart_line_describe (&by_month);
  g_assert_cmpstr (week_alone, ==, "CSAT, weekly, 21 Sep – 5 Oct 2026: 94.1 % in the week of 5 Oct 2026.");
  g_assert_cmpstr (month_alone, ==, "CSAT, monthly, Aug – Oct 2026: 94.1 % in October 2026.");
}

/* Descriptions */

static char *
describe_values (const double  *values,
                 gsize          n,
                 QdChartBetter  better,
                 gboolean       has_target,
                 double         target)
{
  g_autofree QdChartPoint *points = weekly_points (values, n);
  QdChartSeries series = { "Tier 1", points, n };
  QdChartLine chart = {
    .title = "CSAT for Tier 1",
    .unit = QD_CHART_UNIT_PERCENT,
    .better = better,
    .has_target = has_target,
    .target = target,
    .series = &series,
    .n_series = 1,
  };

  return qd_chart_line_describe (&chart);
}

static void
test_line_describe (void)
{
  static const double rising[] = { 91.2, 92.0, 92.5, 92.1, 93.0, 93.4, 93.1, 93.5, 93.7, 93.6, 93.8, 93.9, 94.0 };
  static const double falling[] = { 96.0, 95.5, 95.8, 95.1 };
  static const double flat[] = { 92.0, 93.1, 91.0, 92.0 };
  static const double at[] = { 90.0, 95.0 };
  static const double gaps[] = { NAN, 90.0, NAN, 92.5, NAN };
  static const double one[] = { NAN, 94.1, NAN };
  static const double none[] = { NAN, NAN };
  g_autofree char *a = describe_values (rising, G_N_ELEMENTS (rising), QD_CHART_BETTER_NONE, TRUE, 95);
  g_autofree char *b = describe_values (rising, G_N_ELEMENTS (rising), QD_CHART_BETTER_HIGHER, TRUE, 95);
  g_autofree char *c = describe_values (falling, G_N_ELEMENTS (falling), QD_CHART_BETTER_HIGHER, TRUE, 95);
  g_autofree char *d = describe_values (flat, G_N_ELEMENTS (flat), QD_CHART_BETTER_NONE, FALSE, 0);
  g_autofree char *e = describe_values (at, G_N_ELEMENTS (at), QD_CHART_BETTER_NONE, TRUE, 95);
  g_autofree char *f = describe_values (gaps, G_N_ELEMENTS (gaps), QD_CHART_BETTER_LOWER, FALSE, 0);
  g_autofree char *g = describe_values (one, G_N_ELEMENTS (one), QD_CHART_BETTER_NONE, FALSE, 0);
  g_autofree char *h = describe_values (none, G_N_ELEMENTS (none), QD_CHART_BETTER_NONE, TRUE, 95);

  g_assert_cmpstr (a, ==, "CSAT for Tier 1, weekly, 3 Aug – 26 Oct 2026: rose from 91.2 % to 94.0 %; "
                          "target 95 %, last value below target.");
  g_assert_cmpstr (b, ==, "CSAT for Tier 1, weekly, 3 Aug – 26 Oct 2026: rose from 91.2 % to 94.0 % (better); "
                          "target 95 %, last value below target.");
  g_assert_cmpstr (c, ==, "CSAT for Tier 1, weekly, 3 Aug – 24 Aug 2026: fell from 96.0 % to 95.1 % (worse); "
                          "target 95 %, last value above target.");
  g_assert_cmpstr (d, ==, "CSAT for Tier 1, weekly, 3 Aug – 24 Aug 2026: stayed at 92.0 %.");
  g_assert_cmpstr (e, ==, "CSAT for Tier 1, weekly, 3 Aug – 10 Aug 2026: rose from 90.0 % to 95.0 %; "
                          "target 95 %, last value at target.");
  g_assert_cmpstr (f, ==, "CSAT for Tier 1, weekly, 3 Aug – 31 Aug 2026: rose from 90.0 % to 92.5 % (worse).");
  g_assert_cmpstr (g, ==, "CSAT for Tier 1, weekly, 3 Aug – 17 Aug 2026: 94.1 % in the week of 10 Aug 2026.");
  g_assert_cmpstr (h, ==, "CSAT for Tier 1, weekly, 3 Aug – 10 Aug 2026: no data; target 95 %.");
}

static void
test_line_describe_series (void)
{
  Sample sample;
  g_autofree char *all = NULL;
  g_autofree char *empty = NULL;
  QdChartLine nothing = { .title = "Reopen rate", .unit = QD_CHART_UNIT_PERCENT };
  QdChartLine untitled = { 0 };
  g_autofree char *blank = NULL;

  sample_init (&sample);
  all = qd_chart_line_describe (&sample.chart);
  g_assert_cmpstr (all, ==,
                   "CSAT for Tier 1, weekly, 3 Aug – 26 Oct 2026: target 95 %. "
                   "Ana Ruiz rose from 91.2 % to 94.0 % (better), last value below target; "
                   "Bo Chen stayed at 88.0 %, last value below target; "
                   "Cy Okafor rose from 80.1 % to 85.6 % (better), last value below target.");

  empty = qd_chart_line_describe (&nothing);
  g_assert_cmpstr (empty, ==, "Reopen rate: no data.");
  blank = qd_chart_line_describe (&untitled);
  g_assert_cmpstr (blank, ==, "Chart: no data.");

  sample_clear (&sample);
}

/* Sparkline */

static void
test_sparkline (Fixture       *fixture,
                gconstpointer  data)
{
  static const double values[] = { 91, 92, NAN, 93, 92.5, 94, 93.5, 95.5 };
  g_autofree QdChartPoint *points = weekly_points (values, G_N_ELEMENTS (values));
  QdChartSparkline spark = {
    .points = points,
    .n_points = G_N_ELEMENTS (values),
    .has_target = TRUE,
    .target = 95,
    .has_band = TRUE,
    .band_low = 95,
    .band_high = 100,
    .color_index = 2,
  };
  QdChartLayout layout;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 32);
  cairo_t *cr = cairo_create (surface);
  const QdChartColor *color = qd_chart_palette_get_series_color (&fixture->light, 2);
  double target_y;
  guint on_line = 0;

  qd_chart_sparkline_layout (&spark, 120, 32, &layout);
  qd_chart_sparkline_draw (cr, &spark, &fixture->light, 120, 32);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The band is in range, the latest value is marked. */
  g_assert_cmpfloat (layout.value_max, >=, 100);
  g_assert_cmpfloat (layout.value_min, <=, 91);
  g_assert_true (pixel_is (surface,
                           (int) floor (qd_chart_layout_x_for_time (&layout, points[7].time)),
                           (int) floor (qd_chart_layout_y_for_value (&layout, 95.5)),
                           color, 1));

  /* The target line is where the layout puts it. */
  target_y = qd_chart_layout_y_for_value (&layout, 95);
  for (int x = 0; x < 60; x++)
    if (pixel_is (surface, x, (int) floor (target_y), &fixture->light.target, 2))
      on_line++;
  g_assert_cmpuint (on_line, >, 20);

  /* The missing week is a gap. */
  {
    double x = qd_chart_layout_x_for_time (&layout, points[2].time);

    g_assert_cmpuint (count_color (surface, x - 1, 0, x + 2, 32, color), ==, 0);
  }

  cairo_surface_destroy (surface);
}

/* Bar chart */

static const QdChartBarItem agents[] = {
  { "Ana Ruiz", 412 },
  { "Bo Chen", 120 },
  { "Carmen Delgado-Fitzgerald of the Customer Experience Escalations Team", 301 },
  { "Dev Patel", 1250 },
  { "Eve Adams", NAN },
};

static void
test_bar_pixels (Fixture       *fixture,
                 gconstpointer  data)
{
  QdChartBar chart = {
    .title = "Tickets solved per agent",
    .unit = QD_CHART_UNIT_COUNT,
    .better = QD_CHART_BETTER_HIGHER,
    .has_target = TRUE,
    .target = 300,
    .items = agents,
    .n_items = G_N_ELEMENTS (agents),
  };
  const QdChartColor *color = qd_chart_palette_get_series_color (&fixture->light, 0);

  for (int o = QD_CHART_BAR_HORIZONTAL; o <= QD_CHART_BAR_VERTICAL; o++)
    {
      QdChartBarLayout layout;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      QdChartRect r;

      chart.orientation = o;
      qd_chart_bar_layout (&chart, &fixture->light, WIDTH, HEIGHT, &layout);
      qd_chart_bar_draw (cr, &chart, &fixture->light, WIDTH, HEIGHT);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      g_assert_cmpfloat (layout.value_min, <=, 0);
      g_assert_cmpfloat (layout.value_max, >=, 1250);

      for (guint i = 0; i < 4; i++)
        {
          int cx, cy;

          g_assert_true (qd_chart_bar_layout_bar_rect (&layout, i, agents[i].value, &r));
          g_assert_cmpfloat (r.width, >, 2);
          g_assert_cmpfloat (r.height, >, 2);
          cx = (int) floor (r.x + r.width / 2);
          cy = (int) floor (r.y + r.height / 2);
          /* Away from the dashed target line. */
          if (o == QD_CHART_BAR_HORIZONTAL)
            cx = (int) floor (r.x + MIN (r.width / 4, 10));
          else
            cy = (int) floor (r.y + r.height - MIN (r.height / 4, 10));
          g_assert_true (pixel_is (surface, cx, cy, color, 1));
          g_assert_cmpint (qd_chart_bar_hit_test (&chart, &layout, cx, cy), ==, (int) i);
        }

      /* Bigger values, longer bars. */
      {
        QdChartRect small, big;

        qd_chart_bar_layout_bar_rect (&layout, 1, 120, &small);
        qd_chart_bar_layout_bar_rect (&layout, 3, 1250, &big);
        if (o == QD_CHART_BAR_HORIZONTAL)
          g_assert_cmpfloat (big.width, >, small.width * 5);
        else
          g_assert_cmpfloat (big.height, >, small.height * 5);
      }

      /* No value, no bar. */
      g_assert_false (qd_chart_bar_layout_bar_rect (&layout, 4, NAN, &r));
      g_assert_cmpint (qd_chart_bar_hit_test (&chart, &layout, -5, -5), ==, -1);

      /* The target line crosses the plot where the layout puts 300. */
      {
        double pos = qd_chart_bar_layout_pos_for_value (&layout, 300);
        guint on_line;

        if (o == QD_CHART_BAR_HORIZONTAL)
          on_line = count_color (surface, floor (pos), layout.plot.y, floor (pos) + 1,
                                 layout.plot.y + layout.plot.height, &fixture->light.target);
        else
          on_line = count_color (surface, layout.plot.x, floor (pos), layout.plot.x + layout.plot.width,
                                 floor (pos) + 1, &fixture->light.target);
        g_assert_cmpuint (on_line, >, 40);
      }

      /* The target is named clear of the bars: above them, or right of
       * the plot. */
      g_assert_true (layout.show_target_label);
      if (o == QD_CHART_BAR_HORIZONTAL)
        g_assert_cmpuint (count_color_within (surface, layout.plot.x, layout.plot.y,
                                              layout.plot.x + layout.plot.width, layout.band_start,
                                              &fixture->light.target, 60), >, 20);
      else
        g_assert_cmpuint (count_color_within (surface, layout.plot.x + layout.plot.width + 2, 0,
                                              WIDTH, HEIGHT, &fixture->light.target, 60), >, 20);

      cairo_surface_destroy (surface);
    }
}

static void
test_bar_from_zero (Fixture       *fixture,
                    gconstpointer  data)
{
  static const QdChartBarItem scores[] = { { "Ana Ruiz", 52 }, { "Bo Chen", 57.5 }, { "Cy Okafor", 60 } };
  QdChartBar chart = { .title = "QA score", .unit = QD_CHART_UNIT_NUMBER, .items = scores, .n_items = 3 };
  QdChartBarLayout layout;
  QdChartRect a, c;

  /* Bars always start at zero, or their lengths would lie. */
  for (int o = QD_CHART_BAR_HORIZONTAL; o <= QD_CHART_BAR_VERTICAL; o++)
    {
      chart.orientation = o;
      qd_chart_bar_layout (&chart, &fixture->light, WIDTH, HEIGHT, &layout);
      g_assert_cmpfloat (layout.value_min, ==, 0);
      g_assert_cmpfloat (layout.value_max, >=, 60);
      qd_chart_bar_layout_bar_rect (&layout, 0, 52, &a);
      qd_chart_bar_layout_bar_rect (&layout, 2, 60, &c);
      if (o == QD_CHART_BAR_HORIZONTAL)
        g_assert_cmpfloat_with_epsilon (a.width / c.width, 52.0 / 60.0, 1e-9);
      else
        g_assert_cmpfloat_with_epsilon (a.height / c.height, 52.0 / 60.0, 1e-9);
    }
}

static void
test_bar_pdf_text (Fixture       *fixture,
                   gconstpointer  data)
{
  QdChartBar chart = {
    .title = "Tickets solved per agent",
    .unit = QD_CHART_UNIT_COUNT,
    .has_target = TRUE,
    .target = 300,
    .items = agents,
    .n_items = G_N_ELEMENTS (agents),
  };
  g_autofree char *path = g_build_filename (fixture->tmpdir, "bars.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 500, 300);
  cairo_t *cr = cairo_create (surface);

  qd_chart_bar_draw (cr, &chart, &fixture->light, 500, 300);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  text = pdf_to_text (path);
  if (text == NULL)
    return;
  flat = squash (text);
  g_test_message ("PDF text: %s", flat);

  g_assert_nonnull (strstr (flat, "Ticketssolvedperagent"));
  g_assert_nonnull (strstr (flat, "AnaRuiz"));
  g_assert_nonnull (strstr (flat, "412"));
  g_assert_nonnull (strstr (flat, "1250"));
  g_assert_nonnull (strstr (flat, "Target300"));
  /* The long name is there (ellipsized on the page, but Cairo keeps the
   * whole name as the text behind the "…", so it can still be searched). */
  g_assert_nonnull (strstr (flat, "Carmen"));
}

static void
test_bar_long_labels (Fixture       *fixture,
                      gconstpointer  data)
{
  QdChartBar chart = {
    .title = "Tickets solved per agent",
    .unit = QD_CHART_UNIT_COUNT,
    .items = agents,
    .n_items = G_N_ELEMENTS (agents),
  };
  QdChartBar short_chart = chart;
  QdChartBarLayout layout, short_layout;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, 300);
  cairo_t *cr = cairo_create (surface);
  guint ink = 0;

  short_chart.n_items = 2;
  qd_chart_bar_layout (&chart, &fixture->light, 500, 300, &layout);
  qd_chart_bar_layout (&short_chart, &fixture->light, 500, 300, &short_layout);
  qd_chart_bar_draw (cr, &chart, &fixture->light, 500, 300);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The long name takes at most about a third of the width... */
  g_assert_true (layout.show_category_labels);
  g_assert_cmpfloat (layout.plot.x, <, 500 * 0.45);
  g_assert_cmpfloat (layout.plot.x, >, short_layout.plot.x);
  g_assert_cmpfloat (layout.plot.width, >, 250);

  /* ...and its text is cut short before the bars, not drawn over them:
   * the strip left of the plot on its row holds text, the margin does not. */
  {
    double row = layout.band_start + 2.5 * layout.band;

    for (int x = 0; x < (int) layout.plot.x; x++)
      for (int y = (int) (row - 4); y < (int) (row + 4); y++)
        if (!pixel_is (surface, x, y, &fixture->light.background, 8))
          ink++;
    g_assert_cmpuint (ink, >, 50);

    /* One line, cut with "…", not wrapped onto more lines. */
    ink = 0;
    for (int x = 0; x < (int) layout.plot.x; x++)
      for (int y = (int) (row - layout.band / 2); y < (int) (row + layout.band / 2); y++)
        if (fabs (y - row) > 9 && !pixel_is (surface, x, y, &fixture->light.background, 8))
          ink++;
    g_assert_cmpuint (ink, ==, 0);
    for (int x = 0; x < 4; x++)
      for (int y = 0; y < 300; y++)
        g_assert_true (pixel_is (surface, x, y, &fixture->light.background, 0));
  }

  cairo_surface_destroy (surface);
}

static void
test_bar_describe (void)
{
  QdChartBar chart = {
    .title = "Tickets solved per agent",
    .unit = QD_CHART_UNIT_COUNT,
    .better = QD_CHART_BETTER_HIGHER,
    .has_target = TRUE,
    .target = 300,
    .items = agents,
    .n_items = 2,
  };
  QdChartBarItem many[12];
  g_autofree char *two = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *readout = NULL;
  g_autofree char *empty = NULL;
  char *names[12] = { NULL };

  two = qd_chart_bar_describe (&chart);
  g_assert_cmpstr (two, ==, "Tickets solved per agent: Ana Ruiz 412, Bo Chen 120; "
                            "target 300, 1 of 2 at or above target.");

  chart.better = QD_CHART_BETTER_LOWER;
  lower = qd_chart_bar_describe (&chart);
  g_assert_nonnull (strstr (lower, "1 of 2 at or below target"));

  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    {
      names[i] = g_strdup_printf ("Agent %u", i + 1);
      many[i] = (QdChartBarItem) { names[i], 100 + i * 10 };
    }
  chart = (QdChartBar) { .title = "Solved", .unit = QD_CHART_UNIT_COUNT, .items = many, .n_items = 12 };
  summary = qd_chart_bar_describe (&chart);
  g_assert_cmpstr (summary, ==, "Solved: 12 values from 100 (Agent 1) to 210 (Agent 12).");

  readout = qd_chart_bar_format_readout (&chart, 3);
  g_assert_cmpstr (readout, ==, "Agent 4 · 130");
  g_assert_null (qd_chart_bar_format_readout (&chart, 12));

  chart.n_items = 0;
  empty = qd_chart_bar_describe (&chart);
  g_assert_cmpstr (empty, ==, "Solved: no data.");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (names[i]);
}

/* Degenerate input */

static void
check_line_layout_sane (const QdChartLayout *layout,
                        double               width,
                        double               height)
{
  g_assert_true (isfinite (layout->value_min));
  g_assert_true (isfinite (layout->value_max));
  g_assert_cmpfloat (layout->value_max, >, layout->value_min);
  g_assert_cmpfloat (layout->plot.width, >=, 0);
  g_assert_cmpfloat (layout->plot.height, >=, 0);
  if (width > 0 && height > 0)
    {
      g_assert_cmpfloat (layout->plot.x, >=, 0);
      g_assert_cmpfloat (layout->plot.y, >=, 0);
      g_assert_cmpfloat (layout->plot.x + layout->plot.width, <=, width + 1e-6);
      g_assert_cmpfloat (layout->plot.y + layout->plot.height, <=, height + 1e-6);
    }
  g_assert_cmpuint (layout->value_ticks.n_ticks, <=, QD_CHART_MAX_TICKS);
  g_assert_cmpuint (layout->time_ticks.n_ticks, <=, QD_CHART_MAX_TICKS);
}

static void
test_degenerate (Fixture       *fixture,
                 gconstpointer  data)
{
  static const double sizes[][2] = {
    { 0, 0 }, { 1, 1 }, { 40, 20 }, { 20, 40 }, { 100, 60 }, { 200, 120 }, { WIDTH, HEIGHT },
    { 3000, 30 }, { 30, 3000 }, { -5, 10 }, { NAN, INFINITY },
  };
  g_autofree char *long_label = NULL;
  QdChartPoint one[1] = { { 1785715200, 93.3 } };
  QdChartPoint all_nan[3] = { { 0, NAN }, { 86400, NAN }, { 172800, NAN } };
  QdChartPoint equal[4] = { { 0, 7 }, { 86400, 7 }, { 172800, 7 }, { 259200, 7 } };
  QdChartPoint zeros[3] = { { 0, 0 }, { 86400, 0 }, { 172800, 0 } };
  QdChartPoint negative[3] = { { 0, -50 }, { 86400, -10 }, { 172800, -30 } };
  QdChartPoint mixed[3] = { { 0, -5 }, { 86400, 10 }, { 172800, -3 } };
  QdChartPoint huge[4] = { { 0, 1e300 }, { 86400, -1e300 }, { 172800, 1e15 }, { 259200, DBL_MAX } };
  QdChartPoint infinite[3] = { { 0, INFINITY }, { 86400, 5 }, { 172800, -INFINITY } };
  QdChartPoint far_times[3] = { { G_MININT64, 1 }, { 0, 2 }, { G_MAXINT64, 3 } };
  QdChartPoint same_time[3] = { { 1000, 1 }, { 1000, 2 }, { 1000, 3 } };
  QdChartPoint unsorted[4] = { { 300000, 1 }, { 0, 2 }, { 86400 * 9, 3 }, { 86400, 4 } };
  QdChartSeries many[12];
  QdChartSeries empty_series = { "Empty", NULL, 0 };
  typedef struct
  {
    const char    *name;
    QdChartSeries  series;
    guint          n_series;
    gboolean       has_target;
    double         target;
    QdChartUnit    unit;
  } Case;
  Case cases[] = {
    { "no series", { NULL, NULL, 0 }, 0, FALSE, 0, QD_CHART_UNIT_PERCENT },
    { "no series, target", { NULL, NULL, 0 }, 0, TRUE, 95, QD_CHART_UNIT_PERCENT },
    { "empty series", empty_series, 1, TRUE, 95, QD_CHART_UNIT_PERCENT },
    { "one point", { "One", one, 1 }, 1, TRUE, 95, QD_CHART_UNIT_PERCENT },
    { "all NaN", { "NaN", all_nan, 3 }, 1, FALSE, 0, QD_CHART_UNIT_MINUTES },
    { "all equal", { "Equal", equal, 4 }, 1, FALSE, 0, QD_CHART_UNIT_COUNT },
    { "all zero", { "Zero", zeros, 3 }, 1, FALSE, 0, QD_CHART_UNIT_HOURS },
    { "all zero percent", { "Zero", zeros, 3 }, 1, FALSE, 0, QD_CHART_UNIT_PERCENT },
    { "negative", { "Negative", negative, 3 }, 1, TRUE, -20, QD_CHART_UNIT_NUMBER },
    { "negative minutes", { "Negative", negative, 3 }, 1, FALSE, 0, QD_CHART_UNIT_MINUTES },
    { "mixed", { "Mixed", mixed, 3 }, 1, TRUE, 0, QD_CHART_UNIT_COUNT },
    { "huge", { "Huge", huge, 4 }, 1, TRUE, 1e200, QD_CHART_UNIT_COUNT },
    { "huge duration", { "Huge", huge, 4 }, 1, FALSE, 0, QD_CHART_UNIT_HOURS },
    { "infinite", { "Inf", infinite, 3 }, 1, TRUE, INFINITY, QD_CHART_UNIT_PERCENT },
    { "target far away", { "Far", equal, 4 }, 1, TRUE, 1e6, QD_CHART_UNIT_PERCENT },
    { "target NaN", { "NaN target", equal, 4 }, 1, TRUE, NAN, QD_CHART_UNIT_PERCENT },
    { "far times", { "Far", far_times, 3 }, 1, FALSE, 0, QD_CHART_UNIT_NUMBER },
    { "same time", { "Same", same_time, 3 }, 1, FALSE, 0, QD_CHART_UNIT_NUMBER },
    { "unsorted", { "Unsorted", unsorted, 4 }, 1, FALSE, 0, QD_CHART_UNIT_NUMBER },
    { "many long labels", { NULL, NULL, 0 }, G_N_ELEMENTS (many), TRUE, 3, QD_CHART_UNIT_NUMBER },
  };

  long_label = g_strnfill (400, 'W');
  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    many[i] = (QdChartSeries) { i % 2 ? long_label : "", mixed, 3 };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      QdChartLine chart = {
        .title = c % 2 ? long_label : "Degenerate",
        .unit = cases[c].unit,
        .better = QD_CHART_BETTER_HIGHER,
        .has_target = cases[c].has_target,
        .target = cases[c].target,
        .series = cases[c].n_series == G_N_ELEMENTS (many) ? many : (cases[c].n_series ? &cases[c].series : NULL),
        .n_series = cases[c].n_series,
      };
      QdChartBarItem items[4];
      QdChartBar bar = {
        .title = chart.title,
        .unit = cases[c].unit,
        .has_target = cases[c].has_target,
        .target = cases[c].target,
        .items = items,
        .n_items = MIN (G_N_ELEMENTS (items), cases[c].series.n_points),
      };
      QdChartSparkline spark = {
        .points = cases[c].series.points,
        .n_points = cases[c].series.n_points,
        .has_target = cases[c].has_target,
        .target = cases[c].target,
        .has_band = TRUE,
        .band_low = cases[c].target,
        .band_high = 1e308,
      };
      g_autofree char *description = NULL;

      g_test_message ("case: %s", cases[c].name);

      for (guint i = 0; i < bar.n_items; i++)
        items[i] = (QdChartBarItem) { i % 2 ? long_label : "Short", cases[c].series.points[i].value };

      description = qd_chart_line_describe (&chart);
      g_assert_nonnull (description);
      g_assert_true (g_utf8_validate (description, -1, NULL));
      g_clear_pointer (&description, g_free);
      description = qd_chart_bar_describe (&bar);
      g_assert_nonnull (description);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          double w = sizes[s][0];
          double h = sizes[s][1];
          int sw = isfinite (w) && w > 0 ? (int) w : 1;
          int sh = isfinite (h) && h > 0 ? (int) h : 1;
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sw, sh);
          cairo_t *cr = cairo_create (surface);
          QdChartLayout layout;
          QdChartBarLayout bar_layout;
          QdChartHit hit;

          qd_chart_line_layout (&chart, &fixture->light, w, h, &layout);
          check_line_layout_sane (&layout, isfinite (w) ? w : 0, isfinite (h) ? h : 0);
          qd_chart_line_draw (cr, &chart, &fixture->light, w, h);
          if (qd_chart_line_hit_test (&chart, &layout, sw / 2.0, sh / 2.0, &hit))
            {
              g_autofree char *readout = qd_chart_line_format_readout (&chart, hit.series, hit.index);

              g_assert_nonnull (readout);
              qd_chart_line_draw_highlight (cr, &chart, &fixture->light, &layout, &hit);
            }

          qd_chart_bar_layout (&bar, &fixture->light, w, h, &bar_layout);
          g_assert_cmpfloat (bar_layout.value_max, >, bar_layout.value_min);
          bar.orientation = s % 2 ? QD_CHART_BAR_VERTICAL : QD_CHART_BAR_HORIZONTAL;
          qd_chart_bar_draw (cr, &bar, &fixture->dark, w, h);
          qd_chart_bar_hit_test (&bar, &bar_layout, sw / 2.0, sh / 2.0);

          qd_chart_sparkline_draw (cr, &spark, &fixture->light, w, h);

          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
    }
}

static void
test_tiny_shows_data (Fixture       *fixture,
                      gconstpointer  data)
{
  Sample sample;
  QdChartLayout layout;
  cairo_surface_t *surface;
  guint n = 0;

  /* At 40×20 text is dropped but the lines are still drawn. */
  sample_init (&sample);
  qd_chart_line_layout (&sample.chart, &fixture->light, 40, 20, &layout);
  g_assert_false (layout.show_title);
  g_assert_false (layout.show_legend);
  g_assert_false (layout.show_value_labels);
  g_assert_cmpfloat (layout.plot.width, >, 20);
  g_assert_cmpfloat (layout.plot.height, >, 10);

  surface = render_line (&sample.chart, &fixture->light, 40, 20);
  for (guint s = 0; s < 3; s++)
    {
      const QdChartColor *color = qd_chart_palette_get_series_color (&fixture->light, s);
      const QdChartPoint *last = &sample.points[s][12];

      /* Thin anti-aliased lines come close to the colour... */
      n = count_color_within (surface, 0, 0, 40, 20, color, 60);
      g_assert_cmpuint (n, >, 8);
      /* ...and the latest point is marked in it exactly (the last series
       * drawn, as the others' markers may be overlapped at this size). */
      if (s == 2)
        g_assert_true (pixel_is (surface,
                                 (int) floor (qd_chart_layout_x_for_time (&layout, last->time)),
                                 (int) floor (qd_chart_layout_y_for_value (&layout, last->value)),
                                 color, 1));
    }
  /* The axis is not rounded out when it has no labels. */
  g_assert_cmpfloat (layout.value_min, >, 70);
  cairo_surface_destroy (surface);

  /* With room, everything is shown. */
  qd_chart_line_layout (&sample.chart, &fixture->light, WIDTH, HEIGHT, &layout);
  g_assert_true (layout.show_title);
  g_assert_true (layout.show_legend);
  g_assert_true (layout.show_value_labels);
  g_assert_true (layout.show_time_labels);
  g_assert_cmpuint (layout.time_ticks.n_ticks, >=, 3);
  g_assert_cmpint (layout.period, ==, QD_CHART_PERIOD_WEEK);

  sample_clear (&sample);
}

static void
test_scaled_context (Fixture       *fixture,
                     gconstpointer  data)
{
  Sample sample;
  QdChartLayout layout;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * 2, HEIGHT * 2);
  cairo_t *cr = cairo_create (surface);
  double y;
  guint on_line = 0;

  /* A HiDPI screen or a printer: the same chart in a scaled context. */
  sample_init (&sample);
  cairo_scale (cr, 2, 2);
  qd_chart_line_draw (cr, &sample.chart, &fixture->light, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  qd_chart_line_layout (&sample.chart, &fixture->light, WIDTH, HEIGHT, &layout);
  y = qd_chart_layout_y_for_value (&layout, 95) * 2;
  for (int x = (int) (layout.plot.x * 2); x < (int) ((layout.plot.x + layout.plot.width) * 2); x++)
    if (pixel_is (surface, x, (int) floor (y), &fixture->light.target, 1))
      on_line++;
  g_assert_cmpuint (on_line, >, layout.plot.width * 2 * 0.4);
  g_assert_true (pixel_is (surface, WIDTH * 2 - 1, 0, &fixture->light.background, 0));

  cairo_surface_destroy (surface);
  sample_clear (&sample);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/palette/defaults", test_palette_defaults);
  g_test_add_func ("/charts/ticks/nice", test_ticks_nice);
  g_test_add_func ("/charts/ticks/duration", test_ticks_duration);
  g_test_add_func ("/charts/ticks/time", test_ticks_time);
  g_test_add_func ("/charts/format/values", test_format_values);
  g_test_add_func ("/charts/format/grouping", test_format_grouping);
  g_test_add_func ("/charts/format/dates", test_format_dates);
  g_test_add_func ("/charts/format/period", test_format_period);
  g_test_add_func ("/charts/format/period-guess", test_format_period_guess);
  g_test_add_func ("/charts/reduce/bounded", test_reduce_bounded);
  g_test_add_func ("/charts/reduce/gaps", test_reduce_gaps);
  g_test_add_func ("/charts/reduce/small", test_reduce_small);
  g_test_add ("/charts/line/target-pixels", Fixture, NULL, fixture_set_up, test_line_target_pixels, fixture_tear_down);
  g_test_add ("/charts/line/target-label", Fixture, NULL, fixture_set_up, test_line_target_label, fixture_tear_down);
  g_test_add_func ("/charts/line/percent-axis", test_line_percent_axis);
  g_test_add ("/charts/line/series-colors", Fixture, NULL, fixture_set_up, test_line_series_colors, fixture_tear_down);
  g_test_add ("/charts/line/nan-gap", Fixture, NULL, fixture_set_up, test_line_nan_gap, fixture_tear_down);
  g_test_add ("/charts/line/background", Fixture, NULL, fixture_set_up, test_line_background, fixture_tear_down);
  g_test_add ("/charts/line/large", Fixture, NULL, fixture_set_up, test_line_large, fixture_tear_down);
  g_test_add ("/charts/line/dense-pixels", Fixture, NULL, fixture_set_up, test_line_dense_pixels, fixture_tear_down);
  g_test_add ("/charts/line/dense-vector", Fixture, NULL, fixture_set_up, test_line_dense_vector, fixture_tear_down);
  g_test_add ("/charts/line/pdf-text", Fixture, NULL, fixture_set_up, test_line_pdf_text, fixture_tear_down);
  g_test_add ("/charts/line/svg", Fixture, NULL, fixture_set_up, test_line_svg, fixture_tear_down);
  g_test_add ("/charts/line/hit-test", Fixture, NULL, fixture_set_up, test_line_hit_test, fixture_tear_down);
  g_test_add ("/charts/line/scaled", Fixture, NULL, fixture_set_up, test_scaled_context, fixture_tear_down);
  g_test_add_func ("/charts/line/readout-periods", test_line_readout_periods);
  g_test_add_func ("/charts/line/describe", test_line_describe);
  g_test_add_func ("/charts/line/describe-series", test_line_describe_series);
  g_test_add ("/charts/sparkline/draw", Fixture, NULL, fixture_set_up, test_sparkline, fixture_tear_down);
  g_test_add ("/charts/bar/pixels", Fixture, NULL, fixture_set_up, test_bar_pixels, fixture_tear_down);
  g_test_add ("/charts/bar/from-zero", Fixture, NULL, fixture_set_up, test_bar_from_zero, fixture_tear_down);
  g_test_add ("/charts/bar/pdf-text", Fixture, NULL, fixture_set_up, test_bar_pdf_text, fixture_tear_down);
  g_test_add ("/charts/bar/long-labels", Fixture, NULL, fixture_set_up, test_bar_long_labels, fixture_tear_down);
  g_test_add_func ("/charts/bar/describe", test_bar_describe);
  g_test_add ("/charts/degenerate/all", Fixture, NULL, fixture_set_up, test_degenerate, fixture_tear_down);
  g_test_add ("/charts/degenerate/tiny", Fixture, NULL, fixture_set_up, test_tiny_shows_data, fixture_tear_down);

  return g_test_run ();
}
