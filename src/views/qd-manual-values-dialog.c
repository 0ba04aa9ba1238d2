/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-manual-values-dialog"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-toast.h"
#include "qd-manual-values-dialog.h"
#include "qd-member-list.h"

/* Numbers no helpdesk exports, QA scores first among them, typed in per
 * active agent and month. A field shows the score stored for that month,
 * or stays empty when there is none; every change is saved when made and
 * emptying a field removes its score. */

#define N_MONTHS 12
#define SCORE_MIN 0.0
#define SCORE_MAX 100.0

struct _QdManualValuesDialog
{
  AdwPreferencesWindow  parent_instance;

  QdKpis               *kpis;
  QdRoster             *roster;
  GPtrArray            *metric_keys;    /* char *, the manual metrics */
  GArray               *metric_units;   /* QdMetricUnit, of the same */
  GPtrArray            *month_starts;   /* char *, "YYYY-MM-01", newest first */
  GPtrArray            *rows;           /* GtkWidget *, the agents' rows */
  gboolean              updating;

  /* Template widgets */
  AdwComboRow          *metric_row;
  AdwComboRow          *month_row;
  AdwPreferencesGroup  *agents_group;
  AdwPreferencesGroup  *status_group;
  GtkLabel             *status_label;
};

G_DEFINE_FINAL_TYPE (QdManualValuesDialog, qd_manual_values_dialog, ADW_TYPE_PREFERENCES_WINDOW)

typedef struct
{
  QdManualValuesDialog *self;          /* not a reference: the row lives inside it */
  gint64                member_id;
  char                 *name;
  GtkWidget            *row;
  GtkWidget            *spin;
  GtkWidget            *unit_label;
  double                saved;         /* NAN when no score is stored */
  gboolean              empty;         /* the field shows no number */
  gboolean              refused;       /* the last entry was refused */
} ValueRow;

static void
value_row_free (ValueRow *value_row)
{
  g_free (value_row->name);
  g_free (value_row);
}

static const char *
get_metric (QdManualValuesDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->metric_row);

  if (self->metric_keys == NULL || selected >= self->metric_keys->len)
    return NULL;
  return g_ptr_array_index (self->metric_keys, selected);
}

static const char *
get_month (QdManualValuesDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->month_row);

  if (self->month_starts == NULL || selected >= self->month_starts->len)
    return NULL;
  return g_ptr_array_index (self->month_starts, selected);
}

static void
show_error (QdManualValuesDialog *self,
            const char           *message)
{
  AdwToast *toast = qd_toast_new_text (message);

  adw_toast_set_timeout (toast, 6);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
set_row_state (ValueRow   *value_row,
               const char *error_message)
{
  if (error_message != NULL)
    {
      gtk_widget_add_css_class (value_row->spin, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (value_row->spin),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      show_error (value_row->self, error_message);
      return;
    }

  gtk_widget_remove_css_class (value_row->spin, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (value_row->spin), GTK_ACCESSIBLE_STATE_INVALID);
  if (isnan (value_row->saved))
    gtk_accessible_update_property (GTK_ACCESSIBLE (value_row->spin),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No score entered"),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (value_row->spin),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
save_value (ValueRow *value_row,
            double    value)
{
  QdManualValuesDialog *self = value_row->self;
  g_autoptr(GError) error = NULL;
  const char *metric = get_metric (self);
  const char *month = get_month (self);
  gboolean saved;

  if (self->updating || metric == NULL || month == NULL)
    return;

  if (isnan (value))
    saved = qd_kpis_clear_manual_value (self->kpis, metric, value_row->member_id,
                                        QD_PERIOD_MONTH, month, &error);
  else
    saved = qd_kpis_set_manual_value (self->kpis, metric, value_row->member_id,
                                      QD_PERIOD_MONTH, month, value, &error);
  if (!saved)
    {
      set_row_state (value_row, error->message);
      return;
    }

  value_row->saved = value;
  set_row_state (value_row, NULL);
}

static void
spin_value_changed_cb (GtkSpinButton *spin,
                       ValueRow      *value_row)
{
  double value = gtk_spin_button_get_value (spin);

  /* A refused entry puts the old value back, which is no change. */
  if (value_row->refused)
    {
      value_row->refused = FALSE;
      return;
    }
  if (value_row->self->updating)
    return;
  if (value_row->empty)
    {
      /* The arrows were used on an empty field, which was shown empty
       * once more before the value changed. */
      g_autofree char *text = g_strdup_printf ("%0.*f", gtk_spin_button_get_digits (spin), value);

      value_row->empty = FALSE;
      gtk_editable_set_text (GTK_EDITABLE (spin), text);
    }
  if (value != value_row->saved)
    save_value (value_row, value);
}

/* Takes "85", "85.5", "85,5" and "85 %"; an empty field removes the
 * score. Anything else is refused with a reason. */
static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               ValueRow      *value_row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autofree char *message = NULL;
  char *end = NULL;
  double value;

  *new_value = gtk_spin_button_get_value (spin);
  value_row->refused = FALSE;

  if (*text == '\0')
    {
      value_row->empty = TRUE;
      if (!isnan (value_row->saved))
        save_value (value_row, NAN);
      return TRUE;
    }

  if (g_str_has_suffix (text, "%"))
    {
      text[strlen (text) - 1] = '\0';
      g_strchomp (text);
    }
  g_strdelimit (text, ",", '.');
  value = g_ascii_strtod (text, &end);

  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (value))
    /* Translators: %s is what was typed into a score field */
    message = g_strdup_printf (_("“%s” is not a number"), gtk_editable_get_text (GTK_EDITABLE (spin)));
  else if (value < SCORE_MIN || value > SCORE_MAX)
    /* Translators: %s is a person's name */
    message = g_strdup_printf (_("%s’s score must be between 0 and 100"), value_row->name);

  if (message != NULL)
    {
      set_row_state (value_row, message);
      value_row->refused = TRUE;
      return GTK_INPUT_ERROR;
    }

  /* Typing the value the field already holds changes nothing for the
   * spin button, so an empty field that gets the same number is saved
   * here. */
  value_row->empty = FALSE;
  if (value == *new_value && value != value_row->saved)
    save_value (value_row, value);
  *new_value = value;
  return TRUE;
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                ValueRow      *value_row)
{
  if (!value_row->empty)
    return FALSE;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

static GtkWidget *
make_row (QdManualValuesDialog *self,
          QdMember             *member)
{
  ValueRow *value_row = g_new0 (ValueRow, 1);
  GtkAdjustment *adjustment;
  GtkEditable *text;
  const char *team = qd_member_get_team (member);
  g_autofree char *accessible = NULL;

  value_row->self = self;
  value_row->member_id = qd_member_get_id (member);
  value_row->name = g_strdup (qd_member_get_name (member));
  value_row->saved = NAN;
  value_row->empty = TRUE;

  value_row->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (value_row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (value_row->row), value_row->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (value_row->row),
                               team != NULL && *team != '\0' ? team : _("No team"));
  g_object_set_data_full (G_OBJECT (value_row->row), "qd-value-row", value_row,
                          (GDestroyNotify) value_row_free);

  adjustment = gtk_adjustment_new (0, SCORE_MIN, SCORE_MAX, 1, 5, 0);
  value_row->spin = gtk_spin_button_new (adjustment, 1, 1);
  gtk_widget_set_valign (value_row->spin, GTK_ALIGN_CENTER);
  /* Refused input leaves the value as it was (the default policy would
   * take whatever the failed conversion left behind). */
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (value_row->spin), GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (value_row->spin), 5);
  text = gtk_editable_get_delegate (GTK_EDITABLE (value_row->spin));
  if (GTK_IS_TEXT (text))
    gtk_text_set_placeholder_text (GTK_TEXT (text), "—");
  /* Translators: the accessible name of a score field: "Score of Ana Ruiz" */
  accessible = g_strdup_printf (_("Score of %s"), value_row->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_row->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (value_row->row), value_row->spin);

  value_row->unit_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (value_row->unit_label, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (value_row->unit_label), 2);
  gtk_label_set_xalign (GTK_LABEL (value_row->unit_label), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (value_row->row), value_row->unit_label);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (value_row->row), value_row->spin);

  g_signal_connect (value_row->spin, "input", G_CALLBACK (spin_input_cb), value_row);
  g_signal_connect (value_row->spin, "output", G_CALLBACK (spin_output_cb), value_row);
  g_signal_connect (value_row->spin, "value-changed", G_CALLBACK (spin_value_changed_cb), value_row);

  return value_row->row;
}

/* Shows what is stored for the chosen metric and month. */
static void
load_values (QdManualValuesDialog *self)
{
  const char *metric = get_metric (self);
  const char *month = get_month (self);
  const char *unit;

  if (metric == NULL || month == NULL)
    return;

  unit = g_array_index (self->metric_units, QdMetricUnit,
                        adw_combo_row_get_selected (self->metric_row)) == QD_METRIC_UNIT_PERCENT ? "%" : "";

  self->updating = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      ValueRow *value_row = g_object_get_data (G_OBJECT (row), "qd-value-row");
      g_autoptr(GError) error = NULL;
      double value = NAN;

      if (!qd_kpis_get_manual_value (self->kpis, metric, value_row->member_id,
                                     QD_PERIOD_MONTH, month, &value, &error))
        {
          show_error (self, error->message);
          value = NAN;
        }

      gtk_label_set_label (GTK_LABEL (value_row->unit_label), unit);
      value_row->saved = value;
      value_row->empty = isnan (value);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (value_row->spin), isnan (value) ? 0 : value);
      if (isnan (value))
        gtk_editable_set_text (GTK_EDITABLE (value_row->spin), "");
      set_row_state (value_row, NULL);
    }
  self->updating = FALSE;
}

static void
fill_agents (QdManualValuesDialog *self)
{
  g_autoptr(QdMemberList) members = qd_member_list_new (self->roster);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QdMember) member = g_list_model_get_item (G_LIST_MODEL (members), i);
      GtkWidget *row;

      if (qd_member_get_level (member) != QD_MEMBER_LEVEL_AGENT ||
          qd_member_get_status (member) != QD_MEMBER_STATUS_ACTIVE)
        continue;

      row = make_row (self, member);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->agents_group, row);
    }
}

static void
fill_metrics (QdManualValuesDialog *self)
{
  g_autoptr(GPtrArray) metrics = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  metrics = qd_kpis_list_metrics (self->kpis, &error);
  if (metrics == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < metrics->len; i++)
    {
      const QdMetricInfo *metric = g_ptr_array_index (metrics, i);

      if (!metric->manual)
        continue;
      g_ptr_array_add (self->metric_keys, g_strdup (metric->key));
      g_array_append_val (self->metric_units, metric->unit);
      gtk_string_list_append (names, metric->name);
    }
  adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (names));
}

static void
fill_months (QdManualValuesDialog *self,
             const char           *today)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) month = NULL;
  int y = 0, m = 0, d = 0;

  if (today == NULL || sscanf (today, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      y = g_date_time_get_year (now);
      m = g_date_time_get_month (now);
    }
  month = g_date_time_new_local (y, m, 1, 12, 0, 0);

  for (guint i = 0; i < N_MONTHS; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_months (month, -(int) i);
      /* Translators: a month and its year in a list of months, e.g.
       * "November 2026"; see g_date_time_format() (%OB is the month's
       * name on its own, not in a date). */
      g_autofree char *label = g_date_time_format (start, C_("month and year", "%OB %Y"));

      g_ptr_array_add (self->month_starts, g_date_time_format (start, "%Y-%m-01"));
      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->month_row, G_LIST_MODEL (labels));

  /* The month just finished is the one usually filled in. */
  adw_combo_row_set_selected (self->month_row, 1);
}

static void
update_status (QdManualValuesDialog *self)
{
  const char *status = NULL;

  if (self->metric_keys->len == 0)
    status = _("Every number has a helpdesk source: there is nothing to type in.");
  else if (self->rows->len == 0)
    status = _("Nobody is an active agent yet. Add the agents on the Team page, or set their level to “Agent”.");

  gtk_widget_set_visible (GTK_WIDGET (self->agents_group), status == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), status != NULL);
  gtk_label_set_label (self->status_label, status != NULL ? status : "");
}

static void
selection_changed_cb (QdManualValuesDialog *self)
{
  if (self->updating || self->kpis == NULL)
    return;
  load_values (self);
}

static void
qd_manual_values_dialog_dispose (GObject *object)
{
  QdManualValuesDialog *self = (QdManualValuesDialog *) object;

  /* The spin buttons' handlers would save while they go. */
  self->updating = TRUE;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_MANUAL_VALUES_DIALOG);
  g_clear_object (&self->kpis);
  g_clear_object (&self->roster);
  g_clear_pointer (&self->metric_keys, g_ptr_array_unref);
  g_clear_pointer (&self->metric_units, g_array_unref);
  g_clear_pointer (&self->month_starts, g_ptr_array_unref);

  G_OBJECT_CLASS (qd_manual_values_dialog_parent_class)->dispose (object);
}

static void
qd_manual_values_dialog_class_init (QdManualValuesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_manual_values_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-manual-values-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QdManualValuesDialog, metric_row);
  gtk_widget_class_bind_template_child (widget_class, QdManualValuesDialog, month_row);
  gtk_widget_class_bind_template_child (widget_class, QdManualValuesDialog, agents_group);
  gtk_widget_class_bind_template_child (widget_class, QdManualValuesDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, QdManualValuesDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
}

static void
qd_manual_values_dialog_init (QdManualValuesDialog *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  self->metric_keys = g_ptr_array_new_with_free_func (g_free);
  self->metric_units = g_array_new (FALSE, FALSE, sizeof (QdMetricUnit));
  self->month_starts = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new ();
}

/**
 * qd_manual_values_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @kpis: where the values go
 * @today: (nullable): YYYY-MM-DD, the day the last 12 months end at;
 *   %NULL for the real today
 *
 * Returns: (transfer none): a new dialog, not yet shown; it is destroyed
 *   when closed
 */
QdManualValuesDialog *
qd_manual_values_dialog_new (GtkWindow  *parent,
                             QdKpis     *kpis,
                             const char *today)
{
  QdManualValuesDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QD_IS_KPIS (kpis), NULL);

  self = g_object_new (QD_TYPE_MANUAL_VALUES_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->kpis = g_object_ref (kpis);
  self->roster = qd_roster_new (qd_kpis_get_store (kpis));

  self->updating = TRUE;
  fill_metrics (self);
  fill_months (self, today);
  fill_agents (self);
  self->updating = FALSE;

  update_status (self);
  load_values (self);
  return self;
}
