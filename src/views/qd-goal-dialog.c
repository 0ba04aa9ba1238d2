/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-goal-dialog"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "qd-goal-dialog.h"

/* Adds or edits one SMART goal: title, description, how it is measured
 * (a metric with a baseline and a target, or progress typed in by hand)
 * and its start and due dates. The goal is checked by QdGoals as it is
 * typed: Add (or Save) is offered only for a goal the model accepts, and
 * after the first change the model's reason for refusing it is shown. A
 * metric's baseline is filled in from the member's own data before the
 * start date until the user types one. */

struct _QdGoalDialog
{
  AdwWindow       parent_instance;

  QdGoals        *goals;
  QdKpis         *kpis;
  QdMember       *member;
  QdGoal         *goal;           /* our own copy: new, or loaded for editing */
  GPtrArray      *metrics;        /* QdMetricInfo, in the order of metric_row after "By hand" */
  gboolean        loading;
  gboolean        touched;
  gboolean        baseline_typed;
  gboolean        target_typed;
  GtkWidget      *last_edited;
  GtkWidget      *marked;         /* the row marked as refused */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkRevealer    *message_revealer;
  GtkLabel       *message_label;
  AdwEntryRow    *title_row;
  GtkTextView    *description_view;
  AdwComboRow    *metric_row;
  AdwActionRow   *baseline_row;
  GtkSpinButton  *baseline_spin;
  GtkLabel       *baseline_unit;
  AdwActionRow   *target_row;
  GtkSpinButton  *target_spin;
  GtkLabel       *target_unit;
  AdwActionRow   *progress_row;
  GtkSpinButton  *progress_spin;
  AdwEntryRow    *start_row;
  AdwEntryRow    *due_row;
};

G_DEFINE_FINAL_TYPE (QdGoalDialog, qd_goal_dialog, ADW_TYPE_WINDOW)

static char *
format_day (GDateTime *day)
{
  return g_date_time_format (day, "%Y-%m-%d");
}

/* The metric chosen, or NULL for a goal measured by hand. */
static const QdMetricInfo *
selected_metric (QdGoalDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->metric_row);

  if (self->metrics == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->metrics->len)
    return NULL;
  return g_ptr_array_index (self->metrics, selected - 1);
}

static void
set_message (QdGoalDialog *self,
             const char   *message)
{
  if (self->marked != NULL)
    {
      gtk_widget_remove_css_class (self->marked, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->marked), GTK_ACCESSIBLE_STATE_INVALID);
      self->marked = NULL;
    }

  if (message != NULL)
    {
      gtk_label_set_label (self->message_label, message);
      if (self->last_edited != NULL)
        {
          self->marked = self->last_edited;
          gtk_widget_add_css_class (self->marked, "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (self->marked),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
        }
    }
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

/* Copies what the widgets say into self->goal. */
static void
apply_fields (QdGoalDialog *self)
{
  const QdMetricInfo *info = selected_metric (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  g_autofree char *description = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  qd_goal_set_title (self->goal, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  qd_goal_set_description (self->goal, description);
  qd_goal_set_start_date (self->goal, gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  qd_goal_set_due_date (self->goal, gtk_editable_get_text (GTK_EDITABLE (self->due_row)));
  if (info != NULL)
    {
      qd_goal_set_metric (self->goal, info->key);
      qd_goal_set_baseline (self->goal, gtk_spin_button_get_value (self->baseline_spin));
      qd_goal_set_target (self->goal, gtk_spin_button_get_value (self->target_spin));
    }
  else
    {
      qd_goal_set_metric (self->goal, "");
      qd_goal_set_manual_progress (self->goal, gtk_spin_button_get_value (self->progress_spin));
    }
}

static gboolean
validate (QdGoalDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean valid;

  if (self->loading)
    return FALSE;

  apply_fields (self);
  valid = qd_goals_validate_goal (self->goals, self->goal, &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid);
  set_message (self, valid || !self->touched ? NULL : error->message);
  return valid;
}

/* Fills the baseline in from the member's own data before the start
 * date, unless the user typed one; says where it came from. */
static void
update_baseline (QdGoalDialog *self)
{
  const QdMetricInfo *info = selected_metric (self);
  const char *start = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  double value = NAN;

  if (info == NULL)
    return;

  if (!qd_goals_measure_baseline (self->goals, qd_member_get_id (self->member), info->key,
                                  start, &value, &error))
    g_debug ("No baseline measured: %s", error->message);

  if (isfinite (value))
    {
      g_autofree char *shown = qd_metric_format_value (info->unit, value);

      if (!self->baseline_typed)
        {
          gboolean was_loading = self->loading;

          self->loading = TRUE;
          gtk_spin_button_set_value (self->baseline_spin, value);
          self->loading = was_loading;
        }
      /* Translators: under the baseline of a goal; %s is a value, "91.2 %" */
      subtitle = g_strdup_printf (_("Their value before the start date: %s"), shown);
    }
  else
    {
      subtitle = g_strdup (_("No data from the 90 days before the start date: enter where they stand"));
    }
  adw_action_row_set_subtitle (self->baseline_row, subtitle);
}

static void
update_measure_rows (QdGoalDialog *self)
{
  const QdMetricInfo *info = selected_metric (self);

  gtk_widget_set_visible (GTK_WIDGET (self->baseline_row), info != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->target_row), info != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), info == NULL);

  if (info == NULL)
    return;

  qd_goal_dialog_configure_spin (self->baseline_spin, self->baseline_unit, info);
  qd_goal_dialog_configure_spin (self->target_spin, self->target_unit, info);
  adw_action_row_set_subtitle (self->target_row,
                               info->higher_is_better
                               ? _("Higher is better: aim above the baseline")
                               : _("Lower is better: aim below the baseline"));
}

static void
field_changed_cb (QdGoalDialog *self,
                  GtkWidget    *widget)
{
  if (self->loading)
    return;
  self->touched = TRUE;
  /* The rows' entries and spin buttons report; mark the row. */
  self->last_edited = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
  validate (self);
}

static void
description_changed_cb (QdGoalDialog *self)
{
  if (self->loading)
    return;
  self->touched = TRUE;
  self->last_edited = NULL;
  validate (self);
}

static void
start_changed_cb (QdGoalDialog *self,
                  GtkWidget    *row)
{
  if (self->loading)
    return;
  update_baseline (self);
  field_changed_cb (self, row);
}

static void
baseline_changed_cb (QdGoalDialog *self,
                     GtkWidget    *spin)
{
  if (self->loading)
    return;
  self->baseline_typed = TRUE;
  field_changed_cb (self, spin);
}

static void
target_changed_cb (QdGoalDialog *self,
                   GtkWidget    *spin)
{
  if (self->loading)
    return;
  self->target_typed = TRUE;
  field_changed_cb (self, spin);
}

static void
metric_row_selected_cb (QdGoalDialog *self)
{
  const QdMetricInfo *info;
  gboolean was_loading = self->loading;

  if (self->metrics == NULL)
    return;

  info = selected_metric (self);
  self->loading = TRUE;
  update_measure_rows (self);
  /* A new metric has another unit: start again from its own values. */
  if (info != NULL && !was_loading)
    {
      self->baseline_typed = FALSE;
      if (info->has_target)
        gtk_spin_button_set_value (self->target_spin, info->target);
      self->target_typed = FALSE;
    }
  self->loading = was_loading;
  if (info != NULL && !was_loading)
    update_baseline (self);

  if (!was_loading)
    field_changed_cb (self, GTK_WIDGET (self->metric_row));
}

static void
save_button_clicked_cb (QdGoalDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  self->touched = TRUE;
  if (!validate (self))
    return;

  if (qd_goal_get_id (self->goal) == 0)
    saved = qd_goals_add_goal (self->goals, self->goal, &error) > 0;
  else
    saved = qd_goals_save_goal (self->goals, self->goal, &error);

  if (!saved)
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      set_message (self, message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
load (QdGoalDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  const char *metric = qd_goal_get_metric (self->goal);
  guint selected = 0;

  self->loading = TRUE;

  for (guint i = 0; self->metrics != NULL && i < self->metrics->len; i++)
    {
      const QdMetricInfo *info = g_ptr_array_index (self->metrics, i);
      if (g_strcmp0 (info->key, metric) == 0)
        selected = i + 1;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), qd_goal_get_title (self->goal));
  gtk_text_buffer_set_text (buffer, qd_goal_get_description (self->goal), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), qd_goal_get_start_date (self->goal));
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), qd_goal_get_due_date (self->goal));
  adw_combo_row_set_selected (self->metric_row, selected);
  update_measure_rows (self);
  if (selected > 0)
    {
      gtk_spin_button_set_value (self->baseline_spin, qd_goal_get_baseline (self->goal));
      gtk_spin_button_set_value (self->target_spin, qd_goal_get_target (self->goal));
      self->baseline_typed = TRUE;
      self->target_typed = TRUE;
      update_baseline (self);
    }
  else
    {
      double progress = qd_goal_get_manual_progress (self->goal);
      gtk_spin_button_set_value (self->progress_spin, isfinite (progress) ? progress : 0);
    }

  self->loading = FALSE;
  validate (self);
}

static void
qd_goal_dialog_dispose (GObject *object)
{
  QdGoalDialog *self = (QdGoalDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_GOAL_DIALOG);
  g_clear_object (&self->goals);
  g_clear_object (&self->kpis);
  g_clear_object (&self->member);
  g_clear_object (&self->goal);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);

  G_OBJECT_CLASS (qd_goal_dialog_parent_class)->dispose (object);
}

static void
qd_goal_dialog_class_init (QdGoalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_goal_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-goal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, metric_row);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, baseline_spin);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, baseline_unit);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, target_spin);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, target_unit);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, progress_row);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, progress_spin);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, QdGoalDialog, due_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, baseline_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, metric_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qd_goal_dialog_init (QdGoalDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;

  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (description_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  adw_entry_row_set_activates_default (self->title_row, TRUE);
  adw_entry_row_set_activates_default (self->start_row, TRUE);
  adw_entry_row_set_activates_default (self->due_row, TRUE);
}

QdGoalDialog *
qd_goal_dialog_new (GtkWindow *parent,
                    QdGoals   *goals,
                    QdKpis    *kpis,
                    QdMember  *member,
                    gint64     goal_id)
{
  g_autoptr(GtkStringList) measures = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  QdGoalDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QD_IS_GOALS (goals), NULL);
  g_return_val_if_fail (QD_IS_KPIS (kpis), NULL);
  g_return_val_if_fail (QD_IS_MEMBER (member), NULL);

  self = g_object_new (QD_TYPE_GOAL_DIALOG, "transient-for", parent, NULL);
  self->goals = g_object_ref (goals);
  self->kpis = g_object_ref (kpis);
  self->member = g_object_ref (member);

  self->metrics = qd_kpis_list_metrics (kpis, &error);
  if (self->metrics == NULL)
    {
      g_warning ("The metrics could not be read: %s", error->message);
      self->metrics = g_ptr_array_new ();
    }
  gtk_string_list_append (measures, _("By hand"));
  for (guint i = 0; i < self->metrics->len; i++)
    gtk_string_list_append (measures, ((QdMetricInfo *) g_ptr_array_index (self->metrics, i))->name);
  self->loading = TRUE;
  adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (measures));
  self->loading = FALSE;

  if (goal_id > 0)
    {
      self->goal = qd_goals_load_goal (goals, goal_id, NULL, &error);
      if (self->goal == NULL)
        {
          g_warning ("Goal %" G_GINT64_FORMAT " could not be loaded: %s", goal_id, error->message);
          g_clear_error (&error);
        }
    }

  if (self->goal != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Goal"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }
  else
    {
      g_autoptr(GDateTime) today = g_date_time_new_now_local ();
      g_autoptr(GDateTime) due = g_date_time_add_months (today, 3);
      g_autofree char *start_day = format_day (today);
      g_autofree char *due_day = format_day (due);

      self->goal = qd_goal_new ();
      qd_goal_set_member_id (self->goal, qd_member_get_id (member));
      qd_goal_set_status (self->goal, QD_GOAL_STATUS_ACTIVE);
      qd_goal_set_start_date (self->goal, start_day);
      qd_goal_set_due_date (self->goal, due_day);
      gtk_window_set_title (GTK_WINDOW (self), _("New Goal"));
      gtk_button_set_label (self->save_button, _("_Add"));
    }

  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  adw_window_title_set_subtitle (self->window_title, qd_member_get_name (member));
  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}

char *
qd_goal_dialog_format_measure (const QdMetricInfo *metric,
                               double              target)
{
  g_autofree char *value = NULL;

  if (metric == NULL)
    return g_strdup (_("Measured by hand"));

  value = qd_metric_format_value (metric->unit, target);
  if (metric->higher_is_better)
    /* Translators: how a goal is measured: a metric and the value to reach or beat, "CSAT ≥ 95.0 %" */
    return g_strdup_printf (_("%s ≥ %s"), metric->name, value);
  /* Translators: how a goal is measured: a metric and the value to get under, "First reply time ≤ 45 min" */
  return g_strdup_printf (_("%s ≤ %s"), metric->name, value);
}

gint64
qd_goal_dialog_get_goal_id (QdGoalDialog *self)
{
  g_return_val_if_fail (QD_IS_GOAL_DIALOG (self), 0);
  return self->goal != NULL ? qd_goal_get_id (self->goal) : 0;
}

void
qd_goal_dialog_configure_spin (GtkSpinButton      *spin,
                               GtkLabel           *unit_label,
                               const QdMetricInfo *info)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  double value = gtk_spin_button_get_value (spin);
  double upper, step, page;
  guint digits;
  const char *unit;

  switch (info->unit)
    {
    case QD_METRIC_UNIT_PERCENT:
      upper = 100, step = 0.5, page = 5, digits = 1;
      /* Translators: the unit after a percentage field */
      unit = C_("unit", "%");
      break;
    case QD_METRIC_UNIT_MINUTES:
      upper = 60 * 24 * 365, step = 1, page = 10, digits = 0;
      /* Translators: the unit after a field in minutes */
      unit = C_("unit", "min");
      break;
    case QD_METRIC_UNIT_COUNT:
      upper = 1e7, step = 1, page = 10, digits = 0;
      unit = "";
      break;
    case QD_METRIC_UNIT_NUMBER:
    default:
      upper = 1e6, step = 0.1, page = 1, digits = 1;
      unit = "";
      break;
    }

  gtk_adjustment_configure (adjustment, CLAMP (value, 0, upper), 0, upper, step, page, 0);
  gtk_spin_button_set_digits (spin, digits);
  gtk_label_set_label (unit_label, unit);
}

/* Shows why the goal is refused (NULL: it is not), marking the row
 * edited last, where the user is looking. */
