/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-targets-dialog"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-toast.h"
#include "qd-targets-dialog.h"

/* One row per metric: a switch for whether it has a target and the
 * target in the metric's unit, resolution time in hours. Every change is
 * saved when made; a refused one marks the row and says why in a toast. */

struct _QdTargetsDialog
{
  AdwPreferencesWindow  parent_instance;

  QdKpis               *kpis;
  gboolean              updating;

  /* Template widgets */
  AdwPreferencesGroup  *targets_group;
};

G_DEFINE_FINAL_TYPE (QdTargetsDialog, qd_targets_dialog, ADW_TYPE_PREFERENCES_WINDOW)

typedef struct
{
  QdTargetsDialog *self;              /* not a reference: the row lives inside it */
  char            *key;
  char            *unit_name;         /* "%", "min", "h" or "" */
  double           minutes_per_unit;  /* 60 for a time shown in hours, else 1 */
  double           shown;             /* the value last saved or loaded, as shown */
  GtkWidget       *row;
  GtkWidget       *spin;
  GtkWidget       *toggle;
  GtkWidget       *error_icon;
} TargetRow;

static void
target_row_free (TargetRow *target_row)
{
  g_free (target_row->key);
  g_free (target_row->unit_name);
  g_free (target_row);
}

static void
set_row_error (TargetRow  *target_row,
               const char *message)
{
  if (message != NULL)
    {
      AdwToast *toast = qd_toast_new_text (message);

      gtk_widget_add_css_class (target_row->row, "error");
      gtk_widget_add_css_class (target_row->spin, "error");
      gtk_widget_set_tooltip_text (target_row->error_icon, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (target_row->spin),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (target_row->spin),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_widget_set_visible (target_row->error_icon, TRUE);
      adw_toast_set_timeout (toast, 6);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (target_row->self), toast);
    }
  else
    {
      gtk_widget_remove_css_class (target_row->row, "error");
      gtk_widget_remove_css_class (target_row->spin, "error");
      gtk_widget_set_visible (target_row->error_icon, FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (target_row->spin),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (target_row->spin), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
save_target (TargetRow *target_row)
{
  QdTargetsDialog *self = target_row->self;
  g_autoptr(GError) error = NULL;
  gboolean has_target = gtk_switch_get_active (GTK_SWITCH (target_row->toggle));
  double shown = gtk_spin_button_get_value (GTK_SPIN_BUTTON (target_row->spin));

  if (self->updating || self->kpis == NULL)
    return;

  if (!qd_kpis_set_target (self->kpis, target_row->key, has_target,
                           shown * target_row->minutes_per_unit, &error))
    {
      set_row_error (target_row, error->message);
      return;
    }

  target_row->shown = shown;
  set_row_error (target_row, NULL);
}

static void
toggle_active_changed_cb (TargetRow *target_row)
{
  gtk_widget_set_sensitive (target_row->spin, gtk_switch_get_active (GTK_SWITCH (target_row->toggle)));
  save_target (target_row);
}

static void
spin_value_changed_cb (TargetRow *target_row)
{
  /* A refused entry puts the old value back, which is no change. */
  if (gtk_spin_button_get_value (GTK_SPIN_BUTTON (target_row->spin)) == target_row->shown)
    return;
  if (gtk_switch_get_active (GTK_SWITCH (target_row->toggle)))
    save_target (target_row);
}

/* Takes "95", "95.5", "95,5" and "95 %" (the unit may be typed too);
 * anything else, or a number out of range, is refused with a reason. */
static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               TargetRow     *target_row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autofree char *message = NULL;
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  double lower = gtk_adjustment_get_lower (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);
  char *end = NULL;
  double value;

  if (*target_row->unit_name != '\0' && g_str_has_suffix (text, target_row->unit_name))
    {
      text[strlen (text) - strlen (target_row->unit_name)] = '\0';
      g_strchomp (text);
    }
  g_strdelimit (text, ",", '.');

  value = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (value))
    {
      /* Translators: %s is what was typed into a target field */
      message = g_strdup_printf (_("“%s” is not a number"), gtk_editable_get_text (GTK_EDITABLE (spin)));
    }
  else if (value < lower || value > upper)
    {
      /* Translators: e.g. "The target must be between 0 and 100 %" */
      message = g_strdup_printf (_("The target must be between %g and %g %s"), lower, upper,
                                 target_row->unit_name);
      g_strchomp (message);
    }

  if (message != NULL)
    {
      set_row_error (target_row, message);
      return GTK_INPUT_ERROR;
    }

  *new_value = value;
  return TRUE;
}

static GtkWidget *
make_row (QdTargetsDialog    *self,
          const QdMetricInfo *metric)
{
  TargetRow *target_row = g_new0 (TargetRow, 1);
  GtkAdjustment *adjustment;
  g_autofree char *accessible = NULL;
  const char *subtitle;
  double lower = 0, upper, step, fallback;
  guint digits;
  GtkWidget *unit_label;

  target_row->self = self;
  target_row->key = g_strdup (metric->key);
  target_row->minutes_per_unit = 1;

  switch (metric->unit)
    {
    case QD_METRIC_UNIT_PERCENT:
      target_row->unit_name = g_strdup ("%");
      upper = 100, step = 0.5, digits = 1, fallback = 90;
      break;
    case QD_METRIC_UNIT_MINUTES:
      /* Resolution times run to days: hours read better than 1440 min. */
      if (g_strcmp0 (metric->key, "resolution") == 0 || (metric->has_target && metric->target >= 600))
        {
          /* Translators: the unit of a target in hours */
          target_row->unit_name = g_strdup (C_("unit", "h"));
          target_row->minutes_per_unit = 60;
          upper = 30 * 24, step = 1, digits = 1, fallback = 24;
        }
      else
        {
          /* Translators: the unit of a target in minutes */
          target_row->unit_name = g_strdup (C_("unit", "min"));
          upper = 7 * 24 * 60, step = 5, digits = 0, fallback = 60;
        }
      break;
    case QD_METRIC_UNIT_COUNT:
      target_row->unit_name = g_strdup ("");
      upper = 1000000, step = 10, digits = 0, fallback = 100;
      break;
    case QD_METRIC_UNIT_NUMBER:
    default:
      target_row->unit_name = g_strdup ("");
      upper = 100000, step = 0.1, digits = 2, fallback = 1;
      break;
    }

  target_row->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (target_row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (target_row->row), metric->name);
  gtk_widget_set_name (target_row->row, metric->key);
  if (target_row->minutes_per_unit == 60)
    subtitle = metric->higher_is_better ? _("Higher is better · in hours") : _("Lower is better · in hours");
  else if (metric->unit == QD_METRIC_UNIT_MINUTES)
    subtitle = metric->higher_is_better ? _("Higher is better · in minutes") : _("Lower is better · in minutes");
  else
    subtitle = metric->higher_is_better ? _("Higher is better") : _("Lower is better");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (target_row->row), subtitle);
  g_object_set_data_full (G_OBJECT (target_row->row), "qd-target-row", target_row,
                          (GDestroyNotify) target_row_free);

  target_row->error_icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_add_css_class (target_row->error_icon, "error");
  gtk_widget_set_visible (target_row->error_icon, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (target_row->row), target_row->error_icon);

  adjustment = gtk_adjustment_new (0, lower, upper, step, step * 10, 0);
  target_row->spin = gtk_spin_button_new (adjustment, step, digits);
  gtk_widget_set_valign (target_row->spin, GTK_ALIGN_CENTER);
  /* Refused input leaves the value as it was (the default policy would
   * take whatever the failed conversion left behind). */
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (target_row->spin), GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (target_row->spin), 6);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (target_row->spin),
                             metric->has_target && isfinite (metric->target)
                             ? metric->target / target_row->minutes_per_unit : fallback);
  target_row->shown = gtk_spin_button_get_value (GTK_SPIN_BUTTON (target_row->spin));
  gtk_widget_set_sensitive (target_row->spin, metric->has_target);
  if (*target_row->unit_name != '\0')
    /* Translators: the accessible name of a target field: "Target for CSAT, in %" */
    accessible = g_strdup_printf (_("Target for %s, in %s"), metric->name, target_row->unit_name);
  else
    accessible = g_strdup_printf (_("Target for %s"), metric->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (target_row->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (target_row->row), target_row->spin);

  unit_label = gtk_label_new (target_row->unit_name);
  gtk_widget_add_css_class (unit_label, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (unit_label), 3);
  gtk_label_set_xalign (GTK_LABEL (unit_label), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (target_row->row), unit_label);

  target_row->toggle = gtk_switch_new ();
  gtk_widget_set_valign (target_row->toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (target_row->toggle), metric->has_target);
  gtk_widget_set_tooltip_text (target_row->toggle, _("Has a target"));
  {
    /* Translators: the accessible name of the switch: "CSAT has a target" */
    g_autofree char *label = g_strdup_printf (_("%s has a target"), metric->name);

    gtk_accessible_update_property (GTK_ACCESSIBLE (target_row->toggle),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (target_row->row), target_row->toggle);

  g_signal_connect (target_row->spin, "input", G_CALLBACK (spin_input_cb), target_row);
  g_signal_connect_swapped (target_row->spin, "value-changed", G_CALLBACK (spin_value_changed_cb), target_row);
  g_signal_connect_swapped (target_row->toggle, "notify::active", G_CALLBACK (toggle_active_changed_cb), target_row);

  return target_row->row;
}

static void
fill (QdTargetsDialog *self)
{
  g_autoptr(GPtrArray) metrics = NULL;
  g_autoptr(GError) error = NULL;

  metrics = qd_kpis_list_metrics (self->kpis, &error);
  if (metrics == NULL)
    {
      AdwToast *toast = qd_toast_new_text (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      return;
    }

  self->updating = TRUE;
  for (guint i = 0; i < metrics->len; i++)
    adw_preferences_group_add (self->targets_group, make_row (self, g_ptr_array_index (metrics, i)));
  self->updating = FALSE;
}

static void
qd_targets_dialog_dispose (GObject *object)
{
  QdTargetsDialog *self = (QdTargetsDialog *) object;

  /* The rows' handlers save through the KPIs while they go. */
  self->updating = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_TARGETS_DIALOG);
  g_clear_object (&self->kpis);

  G_OBJECT_CLASS (qd_targets_dialog_parent_class)->dispose (object);
}

static void
qd_targets_dialog_class_init (QdTargetsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_targets_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-targets-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QdTargetsDialog, targets_group);
}

static void
qd_targets_dialog_init (QdTargetsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * qd_targets_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @kpis: whose targets to edit
 *
 * Returns: (transfer none): a new dialog, not yet shown; it is destroyed
 *   when closed
 */
QdTargetsDialog *
qd_targets_dialog_new (GtkWindow *parent,
                       QdKpis    *kpis)
{
  QdTargetsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QD_IS_KPIS (kpis), NULL);

  self = g_object_new (QD_TYPE_TARGETS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->kpis = g_object_ref (kpis);
  fill (self);
  return self;
}
