/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-trends-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "qd-chart-view.h"
#include "qd-kpi-chart.h"
#include "qd-member-list.h"
#include "qd-trends-page.h"

/* Trends: one KPI over time for the organisation, a team or a few
 * agents side by side, against its target, as a chart or as a table of
 * the same numbers. */

#define MAX_AGENTS 8

enum {
  RANGE_WEEKS,
  RANGE_MONTHS,
  RANGE_CUSTOM,
};

struct _QdTrendsPage
{
  GtkWidget            parent_instance;

  QdKpis              *kpis;
  QdRoster            *roster;
  QdMemberList        *members;
  char                *today;

  GPtrArray           *metrics;        /* (element-type QdMetricInfo) */
  GStrv                team_names;
  GArray              *team_ids;
  GArray              *agent_ids;      /* chosen, in the order chosen */
  GPtrArray           *agent_checks;   /* the check buttons now bound */
  QdKpiChart          *chart;
  gboolean             updating;

  /* Template widgets */
  GtkDropDown         *metric_dropdown;
  GtkStringList       *metric_model;
  GtkDropDown         *scope_dropdown;
  GtkStringList       *scope_model;
  GtkMenuButton       *agents_button;
  GtkPopover          *agents_popover;
  GtkSearchEntry      *agents_search;
  GtkListView         *agents_list;
  GtkLabel            *agents_hint_label;
  GtkDropDown         *range_dropdown;
  GtkWidget           *custom_box;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkDropDown         *period_dropdown;
  GtkToggleButton     *table_button;
  GtkLabel            *message_label;
  GtkStack            *content_stack;
  QdChartView         *chart_view;
  GtkLabel            *readout_label;
  GtkColumnView       *table_view;
  AdwStatusPage       *empty_page;
};

G_DEFINE_FINAL_TYPE (QdTrendsPage, qd_trends_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KPIS,
  PROP_ROSTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void table_cell_setup_cb (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 QdTrendsPage             *self);
static void table_cell_bind_cb  (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 QdTrendsPage             *self);

static void
show_message (QdTrendsPage *self,
              const char   *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static guint
agents_position (QdTrendsPage *self)
{
  return 1 + (self->team_names != NULL ? g_strv_length (self->team_names) : 0);
}

static gboolean
agents_chosen (QdTrendsPage *self)
{
  return gtk_drop_down_get_selected (self->scope_dropdown) == agents_position (self);
}

static const QdMetricInfo *
selected_metric (QdTrendsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->metric_dropdown);

  if (self->metrics == NULL || position >= self->metrics->len)
    return NULL;
  return g_ptr_array_index (self->metrics, position);
}

static QdPeriod
selected_period (QdTrendsPage *self)
{
  return gtk_drop_down_get_selected (self->period_dropdown) == 1 ? QD_PERIOD_MONTH : QD_PERIOD_WEEK;
}

static void
get_today (QdTrendsPage *self,
           GDate        *today)
{
  if (self->today == NULL || !qd_kpi_parse_day (self->today, today, NULL))
    qd_kpi_get_today (today);
}

static void
preset_range (QdTrendsPage *self,
              guint         range,
              GDate        *from,
              GDate        *to)
{
  get_today (self, to);
  qd_kpi_default_range (range == RANGE_MONTHS ? QD_PERIOD_MONTH : QD_PERIOD_WEEK, to, from);
}

static void
set_entry_invalid (GtkEntry *entry,
                   gboolean  invalid)
{
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* Reads the custom range. With @complain unset, a date still being
 * typed (shorter than YYYY-MM-DD) is not an error yet. */
static gboolean
custom_range (QdTrendsPage *self,
              gboolean      complain,
              GDate        *from,
              GDate        *to)
{
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  g_autoptr(GError) from_error = NULL;
  g_autoptr(GError) to_error = NULL;
  gboolean from_ok = qd_kpi_parse_day (from_text, from, &from_error);
  gboolean to_ok = qd_kpi_parse_day (to_text, to, &to_error);
  gboolean from_shown = !from_ok && (complain || strlen (from_text) >= 10);
  gboolean to_shown = !to_ok && (complain || strlen (to_text) >= 10);

  set_entry_invalid (self->from_entry, from_shown);
  set_entry_invalid (self->to_entry, to_shown);

  if (from_shown)
    {
      g_autofree char *message = g_strdup_printf (_("From: %s"), from_error->message);
      show_message (self, message);
    }
  else if (to_shown)
    {
      g_autofree char *message = g_strdup_printf (_("To: %s"), to_error->message);
      show_message (self, message);
    }
  else if (from_ok && to_ok && g_date_compare (from, to) > 0)
    {
      set_entry_invalid (self->from_entry, TRUE);
      show_message (self, _("The first day is after the last day."));
      return FALSE;
    }
  else
    show_message (self, NULL);

  return from_ok && to_ok;
}

static void
update_agents_button (QdTrendsPage *self)
{
  guint n = self->agent_ids->len;
  gboolean full = n >= MAX_AGENTS;
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_("Choose Agents"));
  else if (n == 1 && self->roster != NULL)
    {
      g_autoptr(QdMember) member = qd_roster_load_member (self->roster,
                                                          g_array_index (self->agent_ids, gint64, 0),
                                                          NULL);
      label = member != NULL ? g_strdup (qd_member_get_name (member)) : NULL;
    }
  if (label == NULL)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Agent", "%u Agents", n), n);
  gtk_menu_button_set_label (self->agents_button, label);

  gtk_label_set_label (self->agents_hint_label,
                       full ? _("That is 8 people, the most one chart can compare.")
                            : _("Compare up to 8 people."));

  for (guint i = 0; i < self->agent_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->agent_checks, i);

      gtk_widget_set_sensitive (GTK_WIDGET (check),
                                !full || gtk_check_button_get_active (check));
    }
}

static void
rebuild_table (QdTrendsPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table_view);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_column_view_set_model (self->table_view, NULL);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->table_view, column);
    }

  if (self->chart == NULL)
    return;

  for (guint i = 0; i < qd_kpi_chart_get_n_periods (self->chart); i++)
    {
      g_autofree char *period = qd_kpi_chart_format_period (self->chart, i);
      gtk_string_list_append (rows, period);
    }

  /* Column -1 is the period; the others are the series, in order. */
  for (int s = -1; s < (int) qd_kpi_chart_get_n_series (self->chart); s++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      const char *title = s < 0 ? _("Period") : qd_kpi_chart_get_label (self->chart, s);

      g_object_set_data (G_OBJECT (factory), "series", GINT_TO_POINTER (s));
      g_signal_connect_object (factory, "setup", G_CALLBACK (table_cell_setup_cb), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (table_cell_bind_cb), self, 0);
      column = gtk_column_view_column_new (title, g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, s >= 0);
      gtk_column_view_append_column (self->table_view, column);
    }

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (rows)));
  gtk_column_view_set_model (self->table_view, GTK_SELECTION_MODEL (selection));
}

static void
show_content (QdTrendsPage *self)
{
  const char *page;

  if (agents_chosen (self) && self->agent_ids->len == 0)
    page = "no-agents";
  else if (self->chart == NULL || !qd_kpi_chart_has_values (self->chart))
    {
      const QdMetricInfo *metric = selected_metric (self);

      page = "empty";
      if (metric != NULL && metric->manual)
        {
          g_autofree char *text = g_strdup_printf (_("%s values are typed in by hand, on the Overview page. "
                                                     "Choose another range, or import a helpdesk export "
                                                     "for the other KPIs."),
                                                   metric->name);
          adw_status_page_set_description (self->empty_page, text);
        }
      else
        adw_status_page_set_description (self->empty_page,
                                         _("Import a helpdesk export to see how CSAT, reply times and "
                                           "the other KPIs move over time, or choose another range."));
    }
  else if (gtk_toggle_button_get_active (self->table_button))
    page = "table";
  else
    page = "chart";

  gtk_stack_set_visible_child_name (self->content_stack, page);
  gtk_widget_set_sensitive (GTK_WIDGET (self->table_button),
                            self->chart != NULL && qd_kpi_chart_has_values (self->chart));
}

static void
reload_chart (QdTrendsPage *self)
{
  const QdMetricInfo *metric = selected_metric (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *from_day = NULL;
  g_autofree char *to_day = NULL;
  g_autofree char *title = NULL;
  guint scope_position = gtk_drop_down_get_selected (self->scope_dropdown);
  QdPeriod period = selected_period (self);
  QdScope scope;
  GDate from, to;

  if (self->updating)
    return;

  if (self->kpis == NULL || metric == NULL)
    {
      g_clear_pointer (&self->chart, qd_kpi_chart_free);
      qd_chart_view_set_chart (self->chart_view, NULL);
      rebuild_table (self);
      show_content (self);
      return;
    }

  if (gtk_drop_down_get_selected (self->range_dropdown) == RANGE_CUSTOM)
    {
      /* Keep the last good chart while the range is being fixed. */
      if (!custom_range (self, FALSE, &from, &to))
        return;
    }
  else
    {
      preset_range (self, gtk_drop_down_get_selected (self->range_dropdown), &from, &to);
      show_message (self, NULL);
    }

  if (scope_position == 0 || scope_position == GTK_INVALID_LIST_POSITION)
    {
      gint64 zero = 0;

      scope = QD_SCOPE_ORG;
      g_array_append_val (ids, zero);
    }
  else if (scope_position < agents_position (self))
    {
      scope = QD_SCOPE_TEAM;
      g_array_append_val (ids, g_array_index (self->team_ids, gint64, scope_position - 1));
    }
  else
    {
      scope = QD_SCOPE_MEMBER;
      g_array_append_vals (ids, self->agent_ids->data, self->agent_ids->len);
    }

  g_clear_pointer (&self->chart, qd_kpi_chart_free);

  if (ids->len > 0)
    {
      from_day = qd_kpi_format_day (&from);
      to_day = qd_kpi_format_day (&to);
      series = qd_kpis_get_series (self->kpis, metric->key, scope,
                                   (const gint64 *) (gpointer) ids->data, ids->len,
                                   period, from_day, to_day, &error);
      if (series == NULL)
        show_message (self, error->message);
    }

  if (series != NULL)
    {
      for (guint i = 0; i < series->len; i++)
        g_ptr_array_add (labels, ((QdKpiSeries *) g_ptr_array_index (series, i))->label);
      g_ptr_array_add (labels, NULL);

      title = qd_kpi_chart_dup_title (metric, scope, (const char * const *) labels->pdata);
      self->chart = qd_kpi_chart_new (metric, title, period, series);
    }

  qd_chart_view_set_chart (self->chart_view,
                           self->chart != NULL ? qd_kpi_chart_get_line (self->chart) : NULL);
  rebuild_table (self);
  show_content (self);
}

/* Fills the metric and scope choices from the model, keeping what was
 * chosen when it still exists. */
static void
reload_choices (QdTrendsPage *self)
{
  g_autoptr(GPtrArray) metrics = NULL;
  g_autoptr(GArray) team_ids = NULL;
  g_auto(GStrv) team_names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *metric_key = NULL;
  const QdMetricInfo *metric = selected_metric (self);
  guint scope_position = gtk_drop_down_get_selected (self->scope_dropdown);
  gint64 team_id = -1;
  gboolean was_agents = agents_chosen (self);
  guint new_metric = 0;
  guint new_scope = 0;

  if (metric != NULL)
    metric_key = g_strdup (metric->key);
  if (scope_position != GTK_INVALID_LIST_POSITION && scope_position > 0
      && scope_position < agents_position (self) && self->team_ids != NULL)
    team_id = g_array_index (self->team_ids, gint64, scope_position - 1);

  if (self->kpis != NULL)
    {
      metrics = qd_kpis_list_metrics (self->kpis, &error);
      if (metrics == NULL)
        {
          show_message (self, error->message);
          g_clear_error (&error);
        }
      team_names = qd_kpis_list_teams (self->kpis, &team_ids, &error);
      if (team_names == NULL)
        show_message (self, error->message);
    }

  self->updating = TRUE;

  /* Metrics */
  {
    g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
    g_auto(GStrv) strv = NULL;
    guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->metric_model));

    for (guint i = 0; metrics != NULL && i < metrics->len; i++)
      {
        const QdMetricInfo *info = g_ptr_array_index (metrics, i);

        g_strv_builder_add (names, info->name);
        if (g_strcmp0 (info->key, metric_key) == 0)
          new_metric = i;
      }
    strv = g_strv_builder_end (names);
    gtk_string_list_splice (self->metric_model, 0, n_old, (const char * const *) strv);
    g_clear_pointer (&self->metrics, g_ptr_array_unref);
    self->metrics = g_steal_pointer (&metrics);
    gtk_drop_down_set_selected (self->metric_dropdown,
                                self->metrics != NULL && self->metrics->len > 0
                                ? new_metric : GTK_INVALID_LIST_POSITION);
  }

  /* Scope: the organisation, each team, agents. */
  {
    g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
    g_auto(GStrv) strv = NULL;
    guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->scope_model));
    guint n_teams = team_names != NULL ? g_strv_length (team_names) : 0;

    g_strv_builder_add (names, _("Organisation"));
    for (guint i = 0; i < n_teams; i++)
      {
        g_strv_builder_add (names, team_names[i]);
        if (g_array_index (team_ids, gint64, i) == team_id)
          new_scope = i + 1;
      }
    g_strv_builder_add (names, _("Agents"));
    if (was_agents)
      new_scope = n_teams + 1;
    strv = g_strv_builder_end (names);

    g_strfreev (self->team_names);
    self->team_names = team_names != NULL ? g_steal_pointer (&team_names) : g_new0 (char *, 1);
    g_clear_pointer (&self->team_ids, g_array_unref);
    self->team_ids = team_ids != NULL ? g_steal_pointer (&team_ids) : g_array_new (FALSE, FALSE, sizeof (gint64));

    gtk_string_list_splice (self->scope_model, 0, n_old, (const char * const *) strv);
    gtk_drop_down_set_selected (self->scope_dropdown, new_scope);
    gtk_widget_set_visible (GTK_WIDGET (self->agents_button), new_scope == n_teams + 1);
  }

  self->updating = FALSE;
  update_agents_button (self);
}

static void
refresh (QdTrendsPage *self)
{
  reload_choices (self);
  reload_chart (self);
}

/* Callbacks */

static char *
readout_text_cb (QdTrendsPage *self,
                 const char   *readout)
{
  if (readout == NULL || *readout == '\0')
    return g_strdup (_("Point at the chart to read exact values"));

  return g_strdup (readout);
}

static void
chart_view_readout_changed_cb (QdTrendsPage *self)
{
  const char *readout = qd_chart_view_get_readout (self->chart_view);

  /* The hint is dimmed; a value reads at full contrast. */
  if (readout == NULL || *readout == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->readout_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->readout_label), "dim-label");
}

static void
metric_dropdown_selected_changed_cb (QdTrendsPage *self)
{
  reload_chart (self);
}

static void
scope_dropdown_selected_changed_cb (QdTrendsPage *self)
{
  gboolean agents;

  if (self->updating)
    return;

  agents = agents_chosen (self);
  gtk_widget_set_visible (GTK_WIDGET (self->agents_button), agents);
  reload_chart (self);

  if (agents && self->agent_ids->len == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_menu_button_popup (self->agents_button);
}

static void
range_dropdown_selected_changed_cb (QdTrendsPage *self)
{
  guint range = gtk_drop_down_get_selected (self->range_dropdown);

  if (self->updating)
    return;

  gtk_widget_set_visible (self->custom_box, range == RANGE_CUSTOM);

  if (range == RANGE_CUSTOM)
    {
      const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
      const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));

      /* Start from the range that was shown. */
      if (*from_text == '\0' && *to_text == '\0')
        {
          g_autofree char *from_day = NULL;
          g_autofree char *to_day = NULL;
          GDate from, to;

          preset_range (self, selected_period (self) == QD_PERIOD_MONTH ? RANGE_MONTHS : RANGE_WEEKS,
                        &from, &to);
          from_day = qd_kpi_format_day (&from);
          to_day = qd_kpi_format_day (&to);
          self->updating = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from_day);
          gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to_day);
          self->updating = FALSE;
        }
      gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
    }
  else
    {
      /* A preset brings the granularity that fits it; it can be
       * changed afterwards. */
      self->updating = TRUE;
      gtk_drop_down_set_selected (self->period_dropdown, range == RANGE_MONTHS ? 1 : 0);
      self->updating = FALSE;
      set_entry_invalid (self->from_entry, FALSE);
      set_entry_invalid (self->to_entry, FALSE);
    }

  reload_chart (self);
}

static void
period_dropdown_selected_changed_cb (QdTrendsPage *self)
{
  reload_chart (self);
}

static void
date_entry_changed_cb (QdTrendsPage *self)
{
  if (self->updating || gtk_drop_down_get_selected (self->range_dropdown) != RANGE_CUSTOM)
    return;
  reload_chart (self);
}

static void
date_entry_activate_cb (QdTrendsPage *self)
{
  GDate from, to;

  if (gtk_drop_down_get_selected (self->range_dropdown) != RANGE_CUSTOM)
    return;
  if (custom_range (self, TRUE, &from, &to))
    reload_chart (self);
}

static void
date_entry_focus_leave_cb (QdTrendsPage *self)
{
  GDate from, to;

  if (gtk_drop_down_get_selected (self->range_dropdown) == RANGE_CUSTOM)
    custom_range (self, TRUE, &from, &to);
}

static void
add_focus_leave (QdTrendsPage *self,
                 GtkEntry     *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (date_entry_focus_leave_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
table_button_active_changed_cb (QdTrendsPage *self)
{
  show_content (self);
}

static void
choose_agents_button_clicked_cb (QdTrendsPage *self)
{
  gtk_menu_button_popup (self->agents_button);
}

static void
agents_search_search_changed_cb (QdTrendsPage   *self,
                                 GtkSearchEntry *entry)
{
  if (self->members != NULL)
    qd_member_list_set_search (self->members, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
kpis_changed_cb (QdTrendsPage *self)
{
  /* When hidden, mapping the page refreshes it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
table_cell_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     QdTrendsPage             *self)
{
  int series = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "series"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), series < 0 ? 0.0 : 1.0);
  if (series >= 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
table_cell_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    QdTrendsPage             *self)
{
  int series = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "series"));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  guint position = gtk_list_item_get_position (item);
  g_autofree char *text = NULL;

  if (self->chart == NULL || position >= qd_kpi_chart_get_n_periods (self->chart))
    return;

  if (series < 0)
    text = qd_kpi_chart_format_period (self->chart, position);
  else if ((guint) series < qd_kpi_chart_get_n_series (self->chart))
    text = qd_kpi_chart_format_value (self->chart, series, position);
  gtk_label_set_label (label, text != NULL ? text : "");
}

static gboolean
agent_is_chosen (QdTrendsPage *self,
                 gint64        id,
                 guint        *index)
{
  for (guint i = 0; i < self->agent_ids->len; i++)
    if (g_array_index (self->agent_ids, gint64, i) == id)
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}

static void
agent_check_toggled_cb (GtkCheckButton *check,
                        QdTrendsPage   *self)
{
  QdMember *member = g_object_get_data (G_OBJECT (check), "member");
  gboolean active = gtk_check_button_get_active (check);
  gint64 id;
  guint index;

  if (member == NULL || g_object_get_data (G_OBJECT (check), "binding") != NULL)
    return;

  id = qd_member_get_id (member);
  if (active && !agent_is_chosen (self, id, NULL))
    {
      if (self->agent_ids->len >= MAX_AGENTS)
        {
          gtk_check_button_set_active (check, FALSE);
          return;
        }
      g_array_append_val (self->agent_ids, id);
    }
  else if (!active && agent_is_chosen (self, id, &index))
    g_array_remove_index (self->agent_ids, index);
  else
    return;

  update_agents_button (self);
  reload_chart (self);
}

static void
agent_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                QdTrendsPage             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *team = gtk_label_new (NULL);

  gtk_widget_set_hexpand (check, TRUE);
  gtk_label_set_xalign (GTK_LABEL (team), 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (team), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (team, "dim-label");
  gtk_widget_add_css_class (team, "caption");
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), team);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);

  g_signal_connect_object (check, "toggled", G_CALLBACK (agent_check_toggled_cb), self, 0);
}

static void
agent_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               QdTrendsPage             *self)
{
  QdMember *member = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GtkWidget *team = gtk_widget_get_last_child (box);
  gboolean chosen = agent_is_chosen (self, qd_member_get_id (member), NULL);

  g_object_set_data (G_OBJECT (check), "binding", GINT_TO_POINTER (TRUE));
  g_object_set_data_full (G_OBJECT (check), "member", g_object_ref (member), g_object_unref);
  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), qd_member_get_name (member));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
  gtk_label_set_label (GTK_LABEL (team), qd_member_get_team (member) != NULL ? qd_member_get_team (member) : "");
  gtk_widget_set_sensitive (check, chosen || self->agent_ids->len < MAX_AGENTS);
  g_object_set_data (G_OBJECT (check), "binding", NULL);

  g_ptr_array_add (self->agent_checks, check);
}

static void
agent_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 QdTrendsPage             *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);

  g_ptr_array_remove (self->agent_checks, check);
  g_object_set_data (G_OBJECT (check), "member", NULL);
}

static void
qd_trends_page_map (GtkWidget *widget)
{
  QdTrendsPage *self = QD_TRENDS_PAGE (widget);

  GTK_WIDGET_CLASS (qd_trends_page_parent_class)->map (widget);

  /* The data may have changed while another page was shown. */
  refresh (self);
}

static void
qd_trends_page_dispose (GObject *object)
{
  QdTrendsPage *self = (QdTrendsPage *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_TRENDS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->members);
  g_clear_object (&self->kpis);
  g_clear_object (&self->roster);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  g_clear_pointer (&self->chart, qd_kpi_chart_free);

  G_OBJECT_CLASS (qd_trends_page_parent_class)->dispose (object);
}

static void
qd_trends_page_finalize (GObject *object)
{
  QdTrendsPage *self = (QdTrendsPage *) object;

  g_free (self->today);
  g_strfreev (self->team_names);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_array_unref (self->agent_ids);
  g_ptr_array_unref (self->agent_checks);

  G_OBJECT_CLASS (qd_trends_page_parent_class)->finalize (object);
}

static void
qd_trends_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QdTrendsPage *self = QD_TRENDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KPIS:
      g_value_set_object (value, self->kpis);
      break;
    case PROP_ROSTER:
      g_value_set_object (value, self->roster);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_trends_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QdTrendsPage *self = QD_TRENDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KPIS:
      qd_trends_page_set_kpis (self, g_value_get_object (value));
      break;
    case PROP_ROSTER:
      qd_trends_page_set_roster (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_trends_page_class_init (QdTrendsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_trends_page_dispose;
  object_class->finalize = qd_trends_page_finalize;
  object_class->get_property = qd_trends_page_get_property;
  object_class->set_property = qd_trends_page_set_property;
  widget_class->map = qd_trends_page_map;

  properties[PROP_KPIS] =
    g_param_spec_object ("kpis", NULL, NULL, QD_TYPE_KPIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROSTER] =
    g_param_spec_object ("roster", NULL, NULL, QD_TYPE_ROSTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QD_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-trends-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, metric_model);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, scope_model);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, agents_button);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, agents_popover);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, agents_search);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, agents_list);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, agents_hint_label);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, table_button);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, readout_label);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, table_view);
  gtk_widget_class_bind_template_child (widget_class, QdTrendsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, readout_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, metric_dropdown_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_dropdown_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_dropdown_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_dropdown_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_button_active_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_agents_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, agents_search_search_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qd_trends_page_init (QdTrendsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->agent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->agent_checks = g_ptr_array_new ();
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->team_names = g_new0 (char *, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (factory, "setup", G_CALLBACK (agent_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (agent_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (agent_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->agents_list, factory);

  add_focus_leave (self, self->from_entry);
  add_focus_leave (self, self->to_entry);

  g_signal_connect_object (self->chart_view, "notify::readout",
                           G_CALLBACK (chart_view_readout_changed_cb), self, G_CONNECT_SWAPPED);
  chart_view_readout_changed_cb (self);

  reload_choices (self);
  show_content (self);
}

QdKpis *
qd_trends_page_get_kpis (QdTrendsPage *self)
{
  g_return_val_if_fail (QD_IS_TRENDS_PAGE (self), NULL);
  return self->kpis;
}

/**
 * qd_trends_page_set_kpis:
 * @kpis: (nullable): where the trends come from
 */
void
qd_trends_page_set_kpis (QdTrendsPage *self,
                         QdKpis       *kpis)
{
  g_return_if_fail (QD_IS_TRENDS_PAGE (self));
  g_return_if_fail (kpis == NULL || QD_IS_KPIS (kpis));

  if (self->kpis == kpis)
    return;

  if (self->kpis != NULL)
    g_signal_handlers_disconnect_by_data (self->kpis, self);
  g_set_object (&self->kpis, kpis);
  if (kpis != NULL && g_signal_lookup ("changed", QD_TYPE_KPIS) != 0)
    g_signal_connect_object (kpis, "changed", G_CALLBACK (kpis_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPIS]);
}

QdRoster *
qd_trends_page_get_roster (QdTrendsPage *self)
{
  g_return_val_if_fail (QD_IS_TRENDS_PAGE (self), NULL);
  return self->roster;
}

/**
 * qd_trends_page_set_roster:
 * @roster: (nullable): the people who can be compared
 */
void
qd_trends_page_set_roster (QdTrendsPage *self,
                           QdRoster     *roster)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (QD_IS_TRENDS_PAGE (self));
  g_return_if_fail (roster == NULL || QD_IS_ROSTER (roster));

  if (self->roster == roster)
    return;

  gtk_list_view_set_model (self->agents_list, NULL);
  g_clear_object (&self->members);
  g_set_object (&self->roster, roster);
  g_array_set_size (self->agent_ids, 0);

  if (roster != NULL)
    {
      self->members = qd_member_list_new (roster);
      qd_member_list_set_search (self->members,
                                 gtk_editable_get_text (GTK_EDITABLE (self->agents_search)));
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->members)));
      gtk_list_view_set_model (self->agents_list, GTK_SELECTION_MODEL (selection));
    }

  update_agents_button (self);
  reload_chart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROSTER]);
}

/**
 * qd_trends_page_set_today:
 * @today: (nullable): the day ranges end on, YYYY-MM-DD; %NULL for the
 *   real today
 */
void
qd_trends_page_set_today (QdTrendsPage *self,
                          const char   *today)
{
  g_return_if_fail (QD_IS_TRENDS_PAGE (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;

  g_free (self->today);
  self->today = g_strdup (today);
  reload_chart (self);
}

/**
 * qd_trends_page_set_agents:
 * @member_ids: (array length=n_member_ids): up to 8 members
 *
 * Shows the chosen members side by side, as if picked by hand.
 *
 * Returns: %FALSE if there are too many
 */
gboolean
qd_trends_page_set_agents (QdTrendsPage *self,
                           const gint64 *member_ids,
                           guint         n_member_ids)
{
  g_return_val_if_fail (QD_IS_TRENDS_PAGE (self), FALSE);
  g_return_val_if_fail (member_ids != NULL || n_member_ids == 0, FALSE);

  if (n_member_ids > MAX_AGENTS)
    return FALSE;

  g_array_set_size (self->agent_ids, 0);
  for (guint i = 0; i < n_member_ids; i++)
    if (!agent_is_chosen (self, member_ids[i], NULL))
      g_array_append_val (self->agent_ids, member_ids[i]);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->scope_dropdown, agents_position (self));
  gtk_widget_set_visible (GTK_WIDGET (self->agents_button), TRUE);
  self->updating = FALSE;

  /* Bound rows show the new choice. */
  for (guint i = 0; i < self->agent_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->agent_checks, i);
      QdMember *member = g_object_get_data (G_OBJECT (check), "member");

      g_object_set_data (G_OBJECT (check), "binding", GINT_TO_POINTER (TRUE));
      gtk_check_button_set_active (check, member != NULL
                                          && agent_is_chosen (self, qd_member_get_id (member), NULL));
      g_object_set_data (G_OBJECT (check), "binding", NULL);
    }

  update_agents_button (self);
  reload_chart (self);
  return TRUE;
}

/**
 * qd_trends_page_refresh:
 *
 * Reads the metrics, teams and values again.
 */
void
qd_trends_page_refresh (QdTrendsPage *self)
{
  g_return_if_fail (QD_IS_TRENDS_PAGE (self));
  refresh (self);
}
