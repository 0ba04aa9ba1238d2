/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-cli-export"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "qd-cli-export.h"
#include "qd-kpi-chart.h"
#include "qd-kpis.h"
#include "qd-store-members.h"

/* export-chart: draws a KPI trend to a PNG, SVG or PDF file with the
 * charts layer on a plain Cairo surface, so it needs no display. */

#define MAX_MEMBERS 8
#define MIN_SIZE    200
#define MAX_SIZE    10000

static const char usage_text[] =
  N_("Usage: quarterdeck [--database FILE] export-chart METRIC --output FILE.png|svg|pdf\n"
     "         [--scope org|team:NAME|member:NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
     "         [--by week|month] [--width PX] [--height PX]\n"
     "Give --scope member:NAME up to 8 times to compare agents.\n");

typedef struct
{
  const char *metric;
  const char *output;
  GPtrArray  *scopes;   /* (element-type utf8) as given */
  const char *from;
  const char *to;
  const char *by;
  int         width;
  int         height;
} Options;

static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("quarterdeck: %s\n", message);
  g_printerr ("%s", _(usage_text));
  return 2;
}

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("quarterdeck: %s\n", message);
  return 1;
}

static gboolean
parse_size (const char *text,
            int        *size)
{
  char *end = NULL;
  gint64 value;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  value = g_ascii_strtoll (text, &end, 10);
  if (end == NULL || *end != '\0' || value < MIN_SIZE || value > MAX_SIZE)
    return FALSE;
  *size = (int) value;
  return TRUE;
}

/* Returns 0, or the exit code of a usage error. */
static int
parse_options (const char * const *args,
               Options            *options)
{
  for (guint i = 0; args[i] != NULL; i++)
    {
      const char *arg = args[i];
      g_autofree char *name = NULL;
      const char *value = NULL;
      const char *eq;

      if (arg[0] != '-' || arg[1] == '\0')
        {
          if (options->metric != NULL)
            return usage_error (_("“export-chart” takes one metric; “%s” is one too many."), arg);
          options->metric = arg;
          continue;
        }

      if (g_str_equal (arg, "--"))
        continue;

      eq = strchr (arg, '=');
      if (eq != NULL && g_str_has_prefix (arg, "--"))
        {
          name = g_strndup (arg, eq - arg);
          value = eq + 1;
        }
      else
        name = g_strdup (arg);

      if (g_str_equal (name, "-o"))
        {
          g_free (name);
          name = g_strdup ("--output");
        }

      if (!g_str_equal (name, "--output") && !g_str_equal (name, "--scope")
          && !g_str_equal (name, "--from") && !g_str_equal (name, "--to")
          && !g_str_equal (name, "--by") && !g_str_equal (name, "--width")
          && !g_str_equal (name, "--height"))
        return usage_error (_("“export-chart” has no option “%s”."), name);

      if (value == NULL)
        {
          value = args[i + 1];
          if (value == NULL)
            return usage_error (_("The option “%s” needs a value."), name);
          i++;
        }

      if (g_str_equal (name, "--output"))
        options->output = value;
      else if (g_str_equal (name, "--scope"))
        g_ptr_array_add (options->scopes, (char *) value);
      else if (g_str_equal (name, "--from"))
        options->from = value;
      else if (g_str_equal (name, "--to"))
        options->to = value;
      else if (g_str_equal (name, "--by"))
        {
          if (!g_str_equal (value, "week") && !g_str_equal (value, "month"))
            return usage_error (_("“--by” takes “week” or “month”, not “%s”."), value);
          options->by = value;
        }
      else if (g_str_equal (name, "--width") || g_str_equal (name, "--height"))
        {
          if (!parse_size (value, g_str_equal (name, "--width") ? &options->width : &options->height))
            return usage_error (_("“%s” takes a whole number of pixels from %d to %d, not “%s”."),
                                name, MIN_SIZE, MAX_SIZE, value);
        }
    }

  if (options->metric == NULL)
    return usage_error (_("Say which metric to draw, e.g. “export-chart csat”."));
  if (options->output == NULL || *options->output == '\0')
    return usage_error (_("Say where to write the chart with “--output FILE.png”, “.svg” or “.pdf”."));

  return 0;
}

/**
 * qd_export_format_for_path:
 * @format: (out): the format the file name asks for
 *
 * Returns: whether @path ends in .png, .svg or .pdf (any case)
 */
gboolean
qd_export_format_for_path (const char     *path,
                           QdExportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = QD_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = QD_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = QD_EXPORT_PDF;
  else
    return FALSE;

  return TRUE;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_bytes (const char  *path,
             GByteArray  *bytes,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local = NULL;
  const char *reason;

  if (g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                               G_FILE_CREATE_NONE, NULL, NULL, &local))
    return TRUE;

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("its folder does not exist");
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = _("you are not allowed to write there");
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    reason = _("it is a folder");
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    reason = _("the disk is full");
  else
    reason = local->message;

  g_set_error (error, G_IO_ERROR, local->code,
               _("Could not write “%s”: %s."), path, reason);
  return FALSE;
}

/**
 * qd_export_chart_write:
 * @chart: the chart
 * @format: PNG, SVG or PDF
 * @path: the file to write; replaced whole or left as it was
 * @width: the size: pixels for PNG and SVG, points for a PDF page
 * @height: the size
 *
 * Draws @chart with the light palette on a Cairo surface of @format and
 * writes it to @path.
 *
 * Returns: %TRUE on success
 */
gboolean
qd_export_chart_write (const QdChartLine  *chart,
                       QdExportFormat      format,
                       const char         *path,
                       int                 width,
                       int                 height,
                       GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  QdChartPalette palette;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  qd_chart_palette_init_light (&palette);

  switch (format)
    {
    case QD_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    case QD_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_cb, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case QD_EXPORT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Quarterdeck");
      if (chart->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, chart->title);
      break;
    }

  cr = cairo_create (surface);
  qd_chart_line_draw (cr, chart, &palette, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (format == QD_EXPORT_PNG)
        status = cairo_surface_write_to_png_stream (surface, append_cb, bytes);
      else
        {
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the chart: %s."), cairo_status_to_string (status));
      return FALSE;
    }

  return write_bytes (path, bytes, error);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autofree char *stripped = g_strstrip (g_strdup (normal != NULL ? normal : text));

  return g_utf8_casefold (stripped, -1);
}

static const QdMetricInfo *
find_metric (GPtrArray  *metrics,
             const char *key)
{
  g_autofree char *wanted = fold (key);

  for (guint i = 0; i < metrics->len; i++)
    {
      const QdMetricInfo *info = g_ptr_array_index (metrics, i);
      g_autofree char *folded = fold (info->key);

      if (g_str_equal (folded, wanted))
        return info;
    }
  return NULL;
}

/* Resolves one --scope; returns 0 or an exit code. */
static int
resolve_scope (QdStore    *store,
               QdKpis     *kpis,
               const char *text,
               QdScope    *scope,
               gint64     *id)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (text, "org") || g_str_equal (text, "organisation")
      || g_str_equal (text, "organization"))
    {
      *scope = QD_SCOPE_ORG;
      *id = 0;
      return 0;
    }

  if (g_str_has_prefix (text, "team:"))
    {
      g_autoptr(GArray) ids = NULL;
      g_auto(GStrv) names = qd_kpis_list_teams (kpis, &ids, &error);
      g_autofree char *wanted = fold (text + strlen ("team:"));

      if (names == NULL)
        return fail ("%s", error->message);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *folded = fold (names[i]);

          if (g_str_equal (folded, wanted))
            {
              *scope = QD_SCOPE_TEAM;
              *id = g_array_index (ids, gint64, i);
              return 0;
            }
        }

      if (names[0] == NULL)
        return fail (_("There is no team “%s”: no team has members yet."), text + strlen ("team:"));

      {
        g_autofree char *list = g_strjoinv (", ", names);
        return fail (_("There is no team “%s”. Teams: %s."), text + strlen ("team:"), list);
      }
    }

  if (g_str_has_prefix (text, "member:"))
    {
      const char *name = text + strlen ("member:");
      gint64 member = qd_store_find_member_by_name (store, name, &error);

      if (member < 0)
        return fail ("%s", error->message);
      if (member == 0)
        return fail (_("There is no team member “%s”."), name);

      *scope = QD_SCOPE_MEMBER;
      *id = member;
      return 0;
    }

  return usage_error (_("“--scope” takes “org”, “team:NAME” or “member:NAME”, not “%s”."), text);
}

/**
 * qd_cli_export_chart:
 * @args: what follows "export-chart" on the command line
 *
 * Returns: the exit code: 0, 1 when something is wrong with the data or
 *   the file, 2 for a usage error
 */
int
qd_cli_export_chart (QdStore            *store,
                     const char * const *args)
{
  g_autoptr(GPtrArray) scope_args = g_ptr_array_new ();
  g_autoptr(QdKpis) kpis = NULL;
  g_autoptr(GPtrArray) metrics = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(QdKpiChart) chart = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *from_day = NULL;
  g_autofree char *to_day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *scope_label = NULL;
  g_autofree char *extent = NULL;
  const QdMetricInfo *metric;
  Options options = { 0 };
  QdExportFormat format;
  QdScope scope = QD_SCOPE_ORG;
  QdPeriod period;
  GDate from, to;
  int status;

  g_return_val_if_fail (QD_IS_STORE (store), 1);
  g_return_val_if_fail (args != NULL, 2);

  options.scopes = scope_args;
  options.width = QD_EXPORT_DEFAULT_WIDTH;
  options.height = QD_EXPORT_DEFAULT_HEIGHT;
  status = parse_options (args, &options);
  if (status != 0)
    return status;

  if (!qd_export_format_for_path (options.output, &format))
    return fail (_("Cannot write a chart to “%s”: the file name must end in .png, .svg or .pdf."),
                 options.output);

  kpis = qd_kpis_new (store);
  metrics = qd_kpis_list_metrics (kpis, &error);
  if (metrics == NULL)
    return fail ("%s", error->message);

  metric = find_metric (metrics, options.metric);
  if (metric == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) keys = NULL;
      g_autofree char *list = NULL;

      for (guint i = 0; i < metrics->len; i++)
        g_strv_builder_add (builder, ((QdMetricInfo *) g_ptr_array_index (metrics, i))->key);
      keys = g_strv_builder_end (builder);
      list = g_strjoinv (", ", keys);
      return fail (_("There is no metric “%s”. Metrics: %s."), options.metric, list);
    }

  /* Scope: the organisation, one team, or up to 8 members. */
  if (scope_args->len == 0)
    {
      gint64 zero = 0;
      g_array_append_val (ids, zero);
    }
  for (guint i = 0; i < scope_args->len; i++)
    {
      QdScope this_scope;
      gint64 id;

      status = resolve_scope (store, kpis, g_ptr_array_index (scope_args, i), &this_scope, &id);
      if (status != 0)
        return status;

      if (i > 0 && (this_scope != QD_SCOPE_MEMBER || scope != QD_SCOPE_MEMBER))
        return usage_error (_("Only “--scope member:NAME” can be given more than once, to compare agents."));

      scope = this_scope;
      for (guint j = 0; j < ids->len; j++)
        if (g_array_index (ids, gint64, j) == id)
          return usage_error (_("“%s” is given twice."), (const char *) g_ptr_array_index (scope_args, i));
      g_array_append_val (ids, id);
    }
  if (ids->len > MAX_MEMBERS)
    return usage_error (_("A chart compares at most %d agents."), MAX_MEMBERS);

  /* Range: the last 13 weeks or 12 months ending today, unless given. */
  period = g_strcmp0 (options.by, "month") == 0 ? QD_PERIOD_MONTH : QD_PERIOD_WEEK;
  if (options.to != NULL)
    {
      if (!qd_kpi_parse_day (options.to, &to, &error))
        return fail (_("--to: %s"), error->message);
    }
  else
    qd_kpi_get_today (&to);

  if (options.from != NULL)
    {
      if (!qd_kpi_parse_day (options.from, &from, &error))
        return fail (_("--from: %s"), error->message);
    }
  else
    qd_kpi_default_range (period, &to, &from);

  from_day = qd_kpi_format_day (&from);
  to_day = qd_kpi_format_day (&to);
  if (g_date_compare (&from, &to) > 0)
    return fail (_("The range starts on %s, after it ends on %s."), from_day, to_day);

  series = qd_kpis_get_series (kpis, metric->key, scope,
                               (const gint64 *) (gpointer) ids->data, ids->len,
                               period, from_day, to_day, &error);
  if (series == NULL)
    return fail ("%s", error->message);

  for (guint i = 0; i < series->len; i++)
    g_ptr_array_add (labels, ((QdKpiSeries *) g_ptr_array_index (series, i))->label);
  g_ptr_array_add (labels, NULL);

  title = qd_kpi_chart_dup_title (metric, scope, (const char * const *) labels->pdata);
  chart = qd_kpi_chart_new (metric, title, period, series);

  if (!qd_export_chart_write (qd_kpi_chart_get_line (chart), format, options.output,
                              options.width, options.height, &error))
    return fail ("%s", error->message);

  scope_label = qd_kpi_chart_dup_scope_label (scope, (const char * const *) labels->pdata);
  extent = qd_kpi_chart_dup_extent (period, qd_kpi_chart_get_n_periods (chart));
  /* Translators: e.g. "Wrote csat.png (CSAT, Organisation, 13 weeks)." */
  g_print (_("Wrote %s (%s, %s, %s).\n"), options.output, metric->name, scope_label, extent);

  if (!qd_kpi_chart_has_values (chart))
    g_printerr (_("quarterdeck: there are no values from %s to %s, so the chart is empty. "
                  "Import tickets first, or choose another range.\n"),
                from_day, to_day);

  return 0;
}
