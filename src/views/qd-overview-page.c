/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-overview-page"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "qd-toast.h"
#include "qd-chart-view.h"
#include "qd-charts.h"
#include "qd-manual-values-dialog.h"
#include "qd-overview-page.h"
#include "qd-targets-dialog.h"

/* The Monday-morning glance: one tile per KPI for the latest complete
 * week or month against its target and the period before, and the
 * agents in the top, middle and bottom tiers over the last 90 days.
 * Whether a number is on target, and whether it got better or worse,
 * is said in words and with an icon, not only in colour. */

#define TIERS_DAYS 90
#define TICKET_MIN_SAMPLES 10
#define MANUAL_MIN_SAMPLES 1

struct _QdOverviewPage
{
  GtkWidget        parent_instance;

  QdKpis          *kpis;
  char            *today;             /* NULL: the real today */
  char            *refreshed_day;     /* the day the page was last filled for */
  QdPeriod         period;
  GPtrArray       *tiles;             /* QdKpiTile, what the tiles show */
  GPtrArray       *metrics;           /* QdMetricInfo, in the tiers drop-down */
  guint            refresh_idle_id;
  gboolean         dirty;
  gboolean         updating;

  /* Template widgets */
  GtkStack        *content_stack;
  GtkToggleButton *weekly_button;
  GtkToggleButton *monthly_button;
  GtkLabel        *period_label;
  GtkFlowBox      *tiles_box;
  GtkDropDown     *tiers_metric_dropdown;
  GtkLabel        *tiers_range_label;
  GtkListBox      *top_list;
  GtkListBox      *middle_list;
  GtkListBox      *bottom_list;
  GtkLabel        *tiers_note_label;
};

G_DEFINE_FINAL_TYPE (QdOverviewPage, qd_overview_page, GTK_TYPE_WIDGET)

static void
show_error (QdOverviewPage *self,
            const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = qd_toast_new_text (message);

  adw_toast_set_timeout (toast, 6);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_warning ("%s", message);
      g_object_unref (g_object_ref_sink (toast));
    }
}

static char *
dup_today (QdOverviewPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today != NULL)
    return g_strdup (self->today);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
parse_day (const char *day,
           GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static gint64
chart_time (const GDate *date)
{
  return qd_chart_time_from_date (g_date_get_year (date), g_date_get_month (date),
                                  g_date_get_day (date));
}

static void
clear_tiles (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

/* Removes the rows, not the placeholder. */
static void
clear_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* ---- tiles ---- */

typedef enum
{
  JUDGEMENT_NONE,
  JUDGEMENT_BETTER,
  JUDGEMENT_WORSE,
} Judgement;

static gboolean
is_on_target (const QdMetricInfo *metric,
              double              value)
{
  return metric->higher_is_better ? value >= metric->target : value <= metric->target;
}

/* The change in the metric's unit, without a sign: "1.2 points", "12 min". */
static char *
format_change (const QdMetricInfo *metric,
               double              change)
{
  if (metric->unit == QD_METRIC_UNIT_PERCENT)
    /* Translators: a change of a percentage, in percentage points */
    return g_strdup_printf (_("%.1f points"), fabs (change));

  return qd_metric_format_value (metric->unit, fabs (change));
}

/* Whether a change shows as none at the precision values are shown in. */
static gboolean
is_no_change (const QdMetricInfo *metric,
              double              change)
{
  switch (metric->unit)
    {
    case QD_METRIC_UNIT_PERCENT:
      return fabs (change) < 0.05;
    case QD_METRIC_UNIT_MINUTES:
    case QD_METRIC_UNIT_COUNT:
      return fabs (change) < 0.5;
    case QD_METRIC_UNIT_NUMBER:
    default:
      return fabs (change) < 0.005;
    }
}

static char *
describe_change (const QdKpiTile *tile,
                 QdPeriod         period,
                 Judgement       *judgement)
{
  g_autofree char *amount = NULL;
  g_autofree char *signed_amount = NULL;
  double change;

  *judgement = JUDGEMENT_NONE;

  if (isnan (tile->previous))
    return g_strdup (period == QD_PERIOD_WEEK ? _("No data for the week before")
                                              : _("No data for the month before"));

  change = tile->value - tile->previous;
  if (is_no_change (tile->metric, change))
    return g_strdup (period == QD_PERIOD_WEEK ? _("No change since the week before")
                                              : _("No change since the month before"));

  if ((change > 0) == tile->metric->higher_is_better)
    *judgement = JUDGEMENT_BETTER;
  else
    *judgement = JUDGEMENT_WORSE;

  amount = format_change (tile->metric, change);
  signed_amount = g_strdup_printf ("%s %s", change > 0 ? "▲" : "▼", amount);

  if (period == QD_PERIOD_WEEK)
    /* Translators: %s is a change with an arrow, e.g. "▲ 1.2 points" or "▼ 12 min" */
    return g_strdup_printf (_("%s since the week before"), signed_amount);
  else
    /* Translators: %s is a change with an arrow, e.g. "▲ 1.2 points" or "▼ 12 min" */
    return g_strdup_printf (_("%s since the month before"), signed_amount);
}

static void
sparkline_draw_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  const QdKpiTile *tile = user_data;
  const QdKpiSeries *recent = tile->recent;
  g_autofree QdChartPoint *points = NULL;
  QdChartSparkline spark = { 0 };
  QdChartPalette palette;
  guint n = recent != NULL ? recent->n_points : 0;

  points = g_new0 (QdChartPoint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      points[i].time = recent->period_starts[i];
      points[i].value = recent->values[i];
    }

  qd_chart_palette_from_widget (&palette, GTK_WIDGET (area));
  palette.background.alpha = 0;

  spark.points = points;
  spark.n_points = n;
  spark.has_target = tile->metric->has_target;
  spark.target = tile->metric->target;
  spark.color_index = 0;
  qd_chart_sparkline_draw (cr, &spark, &palette, width, height);
}

static char *
describe_sparkline (const QdKpiTile *tile,
                    QdPeriod         period)
{
  const QdKpiSeries *recent = tile->recent;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint n_values = 0;
  double lo = NAN, hi = NAN, first_value = NAN, last_value = NAN;

  for (guint i = 0; recent != NULL && i < recent->n_points; i++)
    {
      double v = recent->values[i];

      if (isnan (v))
        continue;
      if (n_values++ == 0)
        first_value = v;
      last_value = v;
      lo = isnan (lo) ? v : MIN (lo, v);
      hi = isnan (hi) ? v : MAX (hi, v);
    }

  if (n_values == 0)
    return g_strdup (period == QD_PERIOD_WEEK ? _("No data in the last 13 weeks")
                                              : _("No data in the last 13 months"));

  first = qd_metric_format_value (tile->metric->unit, first_value);
  last = qd_metric_format_value (tile->metric->unit, last_value);
  if (period == QD_PERIOD_WEEK)
    /* Translators: the trend of a number over 13 weeks, e.g. "From 88.0 % to 91.2 % over the last 13 weeks" */
    return g_strdup_printf (_("From %s to %s over the last 13 weeks"), first, last);
  else
    return g_strdup_printf (_("From %s to %s over the last 13 months"), first, last);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
make_status_line (const char *icon_name,
                  const char *text,
                  const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *label = make_label (text, NULL, TRUE);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  return box;
}

static GtkWidget *
make_tile (QdOverviewPage  *self,
           const QdKpiTile *tile)
{
  const QdMetricInfo *metric = tile->metric;
  g_autofree char *value_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *change_text = NULL;
  g_autofree char *spark_text = NULL;
  g_autofree char *description = NULL;
  const char *status_text;
  const char *status_icon = NULL;
  const char *status_class = NULL;
  const char *judgement_text = NULL;
  GString *summary = g_string_new (NULL);
  Judgement judgement = JUDGEMENT_NONE;
  GtkWidget *child;
  GtkWidget *card;
  GtkWidget *content;
  GtkWidget *label;
  GtkWidget *spark;
  GtkWidget *line;

  child = gtk_flow_box_child_new ();
  gtk_widget_set_focusable (child, TRUE);
  gtk_widget_set_name (child, metric->key);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 16);
  gtk_widget_set_margin_bottom (content, 16);
  gtk_box_append (GTK_BOX (card), content);

  label = make_label (metric->name, "heading", TRUE);
  gtk_widget_set_name (label, "name");
  gtk_box_append (GTK_BOX (content), label);
  g_string_append (summary, metric->name);
  g_string_append (summary, ": ");

  if (isnan (tile->value))
    {
      value_text = g_strdup ("—");
      status_text = _("No data for this period");
      g_string_append (summary, status_text);
    }
  else
    {
      value_text = qd_metric_format_value (metric->unit, tile->value);
      g_string_append (summary, value_text);
      if (!metric->has_target)
        status_text = _("No target set");
      else if (is_on_target (metric, tile->value))
        {
          status_text = _("On target");
          status_icon = "emblem-ok-symbolic";
          status_class = "success";
        }
      else
        {
          status_text = metric->higher_is_better ? _("Below target") : _("Above target");
          status_icon = "dialog-warning-symbolic";
          status_class = "warning";
        }
      g_string_append_printf (summary, ". %s", status_text);
    }

  label = make_label (value_text, "title-1", FALSE);
  gtk_widget_set_name (label, "value");
  gtk_widget_add_css_class (label, "numeric");
  if (isnan (tile->value))
    gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (content), label);

  spark = g_object_new (GTK_TYPE_DRAWING_AREA,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                        NULL);
  gtk_widget_set_name (spark, "sparkline");
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (spark), 36);
  gtk_widget_set_hexpand (spark, TRUE);
  gtk_widget_set_margin_top (spark, 2);
  gtk_widget_set_margin_bottom (spark, 4);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (spark), sparkline_draw_cb,
                                  (gpointer) tile, NULL);
  spark_text = describe_sparkline (tile, self->period);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spark),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trend"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spark_text,
                                  -1);
  gtk_widget_set_tooltip_text (spark, spark_text);
  gtk_box_append (GTK_BOX (content), spark);

  if (status_icon != NULL)
    line = make_status_line (status_icon, status_text, status_class);
  else
    line = make_label (status_text, "dim-label", TRUE);
  gtk_widget_set_name (line, "status");
  gtk_box_append (GTK_BOX (content), line);

  if (metric->has_target)
    {
      g_autofree char *target = NULL;

      /* "95 %" rather than "95.0 %": targets are round numbers. */
      if (metric->unit == QD_METRIC_UNIT_PERCENT)
        target = qd_chart_format_value (QD_CHART_UNIT_PERCENT, metric->target, QD_CHART_DECIMALS_TRIM);
      else
        target = qd_metric_format_value (metric->unit, metric->target);

      /* Translators: e.g. "Target 95 %" or "Target 1 h" */
      target_text = g_strdup_printf (_("Target %s"), target);
      label = make_label (target_text, "dim-label", TRUE);
      gtk_widget_set_name (label, "target");
      /* under the status words, past its icon */
      if (status_icon != NULL)
        gtk_widget_set_margin_start (label, 16 + 6);
      gtk_box_append (GTK_BOX (content), label);
      g_string_append_printf (summary, " (%s)", target_text);
    }

  if (!isnan (tile->value))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      change_text = describe_change (tile, self->period, &judgement);
      gtk_widget_set_margin_top (box, 6);
      label = make_label (change_text, judgement == JUDGEMENT_NONE ? "dim-label" : NULL, TRUE);
      gtk_widget_set_name (label, "change");
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      g_string_append_printf (summary, ". %s", change_text);

      if (judgement != JUDGEMENT_NONE)
        {
          /* Translators: whether a change since the period before is good news */
          judgement_text = judgement == JUDGEMENT_BETTER ? _("Better") : _("Worse");
          label = make_label (judgement_text, "heading", FALSE);
          gtk_widget_set_name (label, "judgement");
          gtk_widget_set_valign (label, GTK_ALIGN_START);
          gtk_widget_add_css_class (label, judgement == JUDGEMENT_BETTER ? "success" : "error");
          gtk_box_append (GTK_BOX (box), label);
          g_string_append_printf (summary, ". %s", judgement_text);
        }
      gtk_box_append (GTK_BOX (content), box);
    }
  g_string_append (summary, ".");

  description = g_string_free (summary, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, metric->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return child;
}

static gboolean
tiles_have_data (GPtrArray *tiles)
{
  for (guint i = 0; tiles != NULL && i < tiles->len; i++)
    {
      const QdKpiTile *tile = g_ptr_array_index (tiles, i);

      if (!isnan (tile->value) || !isnan (tile->previous))
        return TRUE;
      for (guint j = 0; tile->recent != NULL && j < tile->recent->n_points; j++)
        if (!isnan (tile->recent->values[j]))
          return TRUE;
    }
  return FALSE;
}

static gboolean
fill_tiles (QdOverviewPage *self,
            const char     *today,
            gboolean       *has_data)
{
  g_autoptr(GPtrArray) tiles = NULL;
  g_autoptr(GError) error = NULL;

  *has_data = FALSE;
  clear_tiles (self->tiles_box);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);

  tiles = qd_kpis_get_tiles (self->kpis, self->period, today, &error);
  if (tiles == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  *has_data = tiles_have_data (tiles);
  if (!*has_data)
    {
      /* Nothing this way round; the other period kind reaches further back. */
      g_autoptr(GPtrArray) other = NULL;

      other = qd_kpis_get_tiles (self->kpis,
                                 self->period == QD_PERIOD_WEEK ? QD_PERIOD_MONTH : QD_PERIOD_WEEK,
                                 today, NULL);
      *has_data = tiles_have_data (other);
    }

  self->tiles = g_steal_pointer (&tiles);
  for (guint i = 0; i < self->tiles->len; i++)
    gtk_flow_box_append (self->tiles_box, make_tile (self, g_ptr_array_index (self->tiles, i)));

  if (self->tiles->len > 0)
    {
      const QdKpiTile *tile = g_ptr_array_index (self->tiles, 0);

      gtk_label_set_label (self->period_label, tile->period_label);
    }
  else
    gtk_label_set_label (self->period_label, "");

  return TRUE;
}

/* ---- tiers ---- */

static const QdMetricInfo *
get_tiers_metric (QdOverviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->tiers_metric_dropdown);

  if (self->metrics == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->metrics->len)
    return NULL;
  return g_ptr_array_index (self->metrics, selected);
}

static GtkWidget *
make_tier_row (const QdMetricInfo *metric,
               const QdTierEntry  *entry,
               guint               rank)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *value = qd_metric_format_value (metric->unit, entry->value);
  g_autofree char *description = NULL;
  GtkWidget *label;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->name);
  if (entry->team != NULL && *entry->team != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->team);
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No team"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  label = gtk_label_new (value);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  /* Translators: a performer in a tier: "1. Ana Ruiz, Tier 1, 98.2 %" */
  description = g_strdup_printf (_("%u. %s, %s, %s"), rank, entry->name,
                                 adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  return row;
}

static void
fill_tiers (QdOverviewPage *self,
            const char     *today)
{
  const QdMetricInfo *metric = get_tiers_metric (self);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_day = NULL;
  g_autofree char *range = NULL;
  g_autofree char *range_text = NULL;
  g_autofree char *note = NULL;
  GtkListBox *lists[] = { self->top_list, self->middle_list, self->bottom_list };
  guint ranks[G_N_ELEMENTS (lists)] = { 0 };
  guint min_samples;
  GDate from, to;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    clear_rows (lists[i]);

  if (metric == NULL || !parse_day (today, &to))
    return;

  from = to;
  g_date_subtract_days (&from, TIERS_DAYS - 1);
  from_day = format_day (&from);

  range = qd_chart_format_date_range (chart_time (&from), chart_time (&to), QD_CHART_PERIOD_DAY);
  /* Translators: %s is a range of days, e.g. "20 Aug – 17 Nov 2026" */
  range_text = g_strdup_printf (_("over the last 90 days, %s"), range);
  gtk_label_set_label (self->tiers_range_label, range_text);

  min_samples = metric->manual ? MANUAL_MIN_SAMPLES : TICKET_MIN_SAMPLES;
  if (metric->manual)
    note = g_strdup (_("Active agents, ranked on the average of the scores entered for them. "
                       "The top and the bottom tier are a fifth of them each."));
  else
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Active agents, ranked on their own tickets; anyone with fewer "
                                         "than %u ticket that counts is left out. The top and the bottom "
                                         "tier are a fifth of them each.",
                                         "Active agents, ranked on their own tickets; anyone with fewer "
                                         "than %u tickets that count is left out. The top and the bottom "
                                         "tier are a fifth of them each.",
                                         min_samples),
                            min_samples);
  gtk_label_set_label (self->tiers_note_label, note);

  entries = qd_kpis_get_tiers (self->kpis, metric->key, from_day, today, min_samples, &error);
  if (entries == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const QdTierEntry *entry = g_ptr_array_index (entries, i);
      guint tier = CLAMP ((guint) entry->tier, QD_TIER_TOP, QD_TIER_BOTTOM);

      gtk_list_box_append (lists[tier], make_tier_row (metric, entry, ++ranks[tier]));
    }
}

static void
fill_metrics (QdOverviewPage *self)
{
  g_autoptr(GPtrArray) metrics = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected_key = NULL;
  const QdMetricInfo *selected = get_tiers_metric (self);
  guint position = 0;
  gboolean has_manual = FALSE;

  selected_key = selected != NULL ? g_strdup (selected->key) : g_strdup ("csat");

  metrics = qd_kpis_list_metrics (self->kpis, &error);
  if (metrics == NULL)
    {
      show_error (self, error->message);
      metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_metric_info_free);
    }

  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < metrics->len; i++)
    {
      const QdMetricInfo *metric = g_ptr_array_index (metrics, i);

      gtk_string_list_append (names, metric->name);
      if (g_strcmp0 (metric->key, selected_key) == 0)
        position = i;
      has_manual |= metric->manual;
    }

  self->updating = TRUE;
  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  self->metrics = g_steal_pointer (&metrics);
  gtk_drop_down_set_model (self->tiers_metric_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->tiers_metric_dropdown, position);
  self->updating = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.enter-manual-values", has_manual);
}

/* ---- callbacks ---- */

static void
period_button_toggled_cb (QdOverviewPage  *self,
                          GtkToggleButton *button)
{
  QdPeriod period = gtk_toggle_button_get_active (self->monthly_button) ? QD_PERIOD_MONTH : QD_PERIOD_WEEK;

  if (!gtk_toggle_button_get_active (button))
    return;
  qd_overview_page_set_period (self, period);
}

static void
tiers_metric_dropdown_selected_cb (QdOverviewPage *self)
{
  g_autofree char *today = NULL;

  if (self->updating || self->kpis == NULL)
    return;

  today = dup_today (self);
  fill_tiers (self, today);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  QdOverviewPage *self = user_data;

  self->refresh_idle_id = 0;
  qd_overview_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
kpis_changed_cb (QdOverviewPage *self)
{
  /* Several changes in a row (a spin button held down) make one refresh;
   * a hidden page waits until it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->refresh_idle_id == 0)
    self->refresh_idle_id = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
}

static void
edit_targets_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  QdOverviewPage *self = QD_OVERVIEW_PAGE (widget);
  QdTargetsDialog *dialog;

  if (self->kpis == NULL)
    return;

  dialog = qd_targets_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->kpis);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
enter_manual_values_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  QdOverviewPage *self = QD_OVERVIEW_PAGE (widget);
  QdManualValuesDialog *dialog;
  g_autofree char *today = NULL;

  if (self->kpis == NULL)
    return;

  today = dup_today (self);
  dialog = qd_manual_values_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->kpis, today);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
qd_overview_page_map (GtkWidget *widget)
{
  QdOverviewPage *self = QD_OVERVIEW_PAGE (widget);
  g_autofree char *today = NULL;

  GTK_WIDGET_CLASS (qd_overview_page_parent_class)->map (widget);

  /* Filled when shown, and again when the day changed since. */
  today = dup_today (self);
  if (self->dirty || g_strcmp0 (today, self->refreshed_day) != 0)
    qd_overview_page_refresh (self);
}

static void
qd_overview_page_dispose (GObject *object)
{
  QdOverviewPage *self = (QdOverviewPage *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_idle_id, g_source_remove);

  /* The sparklines' draw functions point into the tiles. */
  if (self->tiles_box != NULL)
    clear_tiles (self->tiles_box);

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_OVERVIEW_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->kpis != NULL)
    g_signal_handlers_disconnect_by_data (self->kpis, self);
  g_clear_object (&self->kpis);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);

  G_OBJECT_CLASS (qd_overview_page_parent_class)->dispose (object);
}

static void
qd_overview_page_finalize (GObject *object)
{
  QdOverviewPage *self = (QdOverviewPage *) object;

  g_free (self->today);
  g_free (self->refreshed_day);

  G_OBJECT_CLASS (qd_overview_page_parent_class)->finalize (object);
}

static void
qd_overview_page_class_init (QdOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_overview_page_dispose;
  object_class->finalize = qd_overview_page_finalize;
  widget_class->map = qd_overview_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QdOverviewPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QdOverviewPage, weekly_button);
  gtk_widget_class_bind_template_child (widget_class, QdOverviewPage, monthly_button);
  gtk_widget_class_bind_template_child (widget_class, QdOverviewPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, QdOverviewPage, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, QdOverviewPage, tiers_metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QdOverviewPage, tiers_range_label);
  gtk_widget_class_bind_template_child (widget_class, QdOverviewPage, top_list);
  gtk_widget_class_bind_template_child (widget_class, QdOverviewPage, middle_list);
  gtk_widget_class_bind_template_child (widget_class, QdOverviewPage, bottom_list);
  gtk_widget_class_bind_template_child (widget_class, QdOverviewPage, tiers_note_label);
  gtk_widget_class_bind_template_callback (widget_class, period_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, tiers_metric_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "overview.edit-targets", NULL, edit_targets_activated);
  gtk_widget_class_install_action (widget_class, "overview.enter-manual-values", NULL,
                                   enter_manual_values_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
make_nobody_label (void)
{
  GtkWidget *label = gtk_label_new (_("Nobody"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

static void
qd_overview_page_init (QdOverviewPage *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  self->period = QD_PERIOD_WEEK;
  gtk_list_box_set_placeholder (self->top_list, make_nobody_label ());
  gtk_list_box_set_placeholder (self->middle_list, make_nobody_label ());
  gtk_list_box_set_placeholder (self->bottom_list, make_nobody_label ());

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.edit-targets", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.enter-manual-values", FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

/**
 * qd_overview_page_get_kpis:
 *
 * Returns: (transfer none) (nullable): the KPIs shown
 */
QdKpis *
qd_overview_page_get_kpis (QdOverviewPage *self)
{
  g_return_val_if_fail (QD_IS_OVERVIEW_PAGE (self), NULL);
  return self->kpis;
}

/**
 * qd_overview_page_set_kpis:
 * @kpis: (nullable): the KPIs to show
 *
 * Shows @kpis, and follows their "changed" signal.
 */
void
qd_overview_page_set_kpis (QdOverviewPage *self,
                           QdKpis         *kpis)
{
  g_return_if_fail (QD_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (kpis == NULL || QD_IS_KPIS (kpis));

  if (self->kpis == kpis)
    return;

  if (self->kpis != NULL)
    g_signal_handlers_disconnect_by_data (self->kpis, self);
  g_set_object (&self->kpis, kpis);
  if (kpis != NULL)
    g_signal_connect_object (kpis, "changed", G_CALLBACK (kpis_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.edit-targets", kpis != NULL);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    qd_overview_page_refresh (self);
}

/**
 * qd_overview_page_set_today:
 * @today: (nullable): a day as YYYY-MM-DD, or %NULL for the real today
 *
 * Sets the day the page is as of; tests use a fixed one.
 */
void
qd_overview_page_set_today (QdOverviewPage *self,
                            const char     *today)
{
  g_return_if_fail (QD_IS_OVERVIEW_PAGE (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;

  g_free (self->today);
  self->today = g_strdup (today);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    qd_overview_page_refresh (self);
}

QdPeriod
qd_overview_page_get_period (QdOverviewPage *self)
{
  g_return_val_if_fail (QD_IS_OVERVIEW_PAGE (self), QD_PERIOD_WEEK);
  return self->period;
}

/**
 * qd_overview_page_set_period:
 *
 * Shows the tiles for the latest complete week or month.
 */
void
qd_overview_page_set_period (QdOverviewPage *self,
                             QdPeriod        period)
{
  g_return_if_fail (QD_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (period == QD_PERIOD_WEEK || period == QD_PERIOD_MONTH);

  if (self->period == period)
    return;

  self->period = period;
  gtk_toggle_button_set_active (period == QD_PERIOD_WEEK ? self->weekly_button : self->monthly_button, TRUE);

  if (self->kpis != NULL)
    {
      g_autofree char *today = dup_today (self);
      gboolean has_data;

      fill_tiles (self, today, &has_data);
    }
}

/**
 * qd_overview_page_refresh:
 *
 * Reads the tiles and the tiers again.
 */
void
qd_overview_page_refresh (QdOverviewPage *self)
{
  g_autofree char *today = NULL;
  gboolean has_data = FALSE;

  g_return_if_fail (QD_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->refresh_idle_id, g_source_remove);
  self->dirty = FALSE;
  today = dup_today (self);
  g_free (self->refreshed_day);
  self->refreshed_day = g_strdup (today);

  if (self->kpis == NULL)
    {
      clear_tiles (self->tiles_box);
      g_clear_pointer (&self->tiles, g_ptr_array_unref);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  fill_metrics (self);
  if (!fill_tiles (self, today, &has_data))
    has_data = TRUE;   /* an error is no reason to say there is no data */
  fill_tiers (self, today);

  gtk_stack_set_visible_child_name (self->content_stack, has_data ? "overview" : "empty");
}
