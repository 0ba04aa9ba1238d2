/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-assign-goal-dialog"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "qd-assign-goal-dialog.h"
#include "qd-goal-dialog.h"
#include "qd-member-list.h"

/* Assigns a goal template to a team or to chosen people in one go. The
 * template is picked from the list or made here ("New Template"); it is
 * stored when Assign is pressed, and kept (and chosen) if the assignment
 * itself is then refused, so trying again does not make a second one.
 * Afterwards the dialog says how many goals were created and lists who
 * was skipped, with the model's reason for each. */

struct _QdAssignGoalDialog
{
  AdwWindow        parent_instance;

  QdGoals         *goals;
  QdKpis          *kpis;
  QdRoster        *roster;
  GPtrArray       *metrics;       /* QdMetricInfo, after "By hand" in new_metric_row */
  GPtrArray       *templates;     /* QdGoalTemplate, before "New Template" in template_row */
  GStrv            teams;
  GListModel      *members;
  GHashTable      *chosen;        /* member ids (gint64 *) */
  gboolean         loading;

  /* Template widgets */
  GtkButton       *cancel_button;
  GtkButton       *assign_button;
  GtkButton       *done_button;
  GtkRevealer     *message_revealer;
  GtkLabel        *message_label;
  GtkStack        *stack;
  AdwComboRow     *template_row;
  AdwEntryRow     *new_title_row;
  AdwEntryRow     *new_description_row;
  AdwComboRow     *new_metric_row;
  AdwActionRow    *new_target_row;
  GtkSpinButton   *new_target_spin;
  GtkLabel        *new_target_unit;
  AdwComboRow     *who_row;
  AdwComboRow     *team_row;
  AdwPreferencesGroup *people_group;
  GtkListBox      *people_list;
  AdwEntryRow     *start_row;
  AdwEntryRow     *due_row;
  AdwPreferencesGroup *baseline_group;
  AdwComboRow     *baseline_row;
  AdwActionRow    *baseline_value_row;
  GtkSpinButton   *baseline_spin;
  GtkLabel        *baseline_unit;
  AdwStatusPage   *result_page;
  AdwPreferencesGroup *skipped_group;
  GtkListBox      *skipped_list;
};

G_DEFINE_FINAL_TYPE (QdAssignGoalDialog, qd_assign_goal_dialog, ADW_TYPE_WINDOW)

enum {
  WHO_TEAM,
  WHO_CHOSEN,
};

enum {
  BASELINE_OWN,
  BASELINE_SAME,
};

static const QdMetricInfo *
find_metric (QdAssignGoalDialog *self,
             const char         *key)
{
  for (guint i = 0; key != NULL && i < self->metrics->len; i++)
    {
      const QdMetricInfo *info = g_ptr_array_index (self->metrics, i);
      if (g_strcmp0 (info->key, key) == 0)
        return info;
    }
  return NULL;
}

/* The template picked, or NULL for "New Template". */
static const QdGoalTemplate *
selected_template (QdAssignGoalDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->templates->len)
    return NULL;
  return g_ptr_array_index (self->templates, selected);
}

static const QdMetricInfo *
new_template_metric (QdAssignGoalDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->new_metric_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->metrics->len)
    return NULL;
  return g_ptr_array_index (self->metrics, selected - 1);
}

/* The metric the goals will be measured by, NULL for by hand. */
static const QdMetricInfo *
chosen_metric (QdAssignGoalDialog *self)
{
  const QdGoalTemplate *tmpl = selected_template (self);

  if (tmpl != NULL)
    return find_metric (self, tmpl->metric);
  return new_template_metric (self);
}

static void
set_message (QdAssignGoalDialog *self,
             const char         *message)
{
  if (message != NULL)
    gtk_label_set_label (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
update_state (QdAssignGoalDialog *self)
{
  const QdGoalTemplate *tmpl = selected_template (self);
  const QdMetricInfo *metric = chosen_metric (self);
  gboolean by_team = adw_combo_row_get_selected (self->who_row) == WHO_TEAM;
  gboolean ready;
  g_autofree char *title = NULL;

  if (self->loading)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->new_title_row), tmpl == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->new_description_row), tmpl == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->new_metric_row), tmpl == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->new_target_row), tmpl == NULL && metric != NULL);
  if (tmpl != NULL)
    {
      g_autofree char *measure = qd_goal_dialog_format_measure (metric, tmpl->target);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->template_row), measure);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->template_row),
                                 _("A new template, kept for next time"));

  gtk_widget_set_visible (GTK_WIDGET (self->team_row), by_team);
  gtk_widget_set_visible (GTK_WIDGET (self->people_group), !by_team);

  gtk_widget_set_visible (GTK_WIDGET (self->baseline_group), metric != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->baseline_value_row),
                          adw_combo_row_get_selected (self->baseline_row) == BASELINE_SAME);
  if (metric != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->baseline_row),
                                   adw_combo_row_get_selected (self->baseline_row) == BASELINE_OWN
                                   ? _("Their latest value in the 90 days before the start; "
                                       "people without one, or already at the target, are skipped")
                                   : NULL);
      /* Translators: %s is a metric, "Baseline for everyone (CSAT)" */
      title = g_strdup_printf (_("Baseline for everyone (%s)"), metric->name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->baseline_value_row), title);
    }

  ready = (tmpl != NULL || *gtk_editable_get_text (GTK_EDITABLE (self->new_title_row)) != '\0') &&
          (by_team ? adw_combo_row_get_selected (self->team_row) != GTK_INVALID_LIST_POSITION &&
                     g_strv_length (self->teams) > 0
                   : g_hash_table_size (self->chosen) > 0) &&
          *gtk_editable_get_text (GTK_EDITABLE (self->start_row)) != '\0' &&
          *gtk_editable_get_text (GTK_EDITABLE (self->due_row)) != '\0';
  gtk_widget_set_sensitive (GTK_WIDGET (self->assign_button), ready);

  {
    guint n = g_hash_table_size (self->chosen);
    g_autofree char *people = NULL;

    /* Translators: the description of the list of people to choose from */
    people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", n), n);
    adw_preferences_group_set_description (self->people_group, people);
  }
}

static void
field_changed_cb (QdAssignGoalDialog *self)
{
  if (self->loading)
    return;
  set_message (self, NULL);
  update_state (self);
}

static void
template_row_selected_cb (QdAssignGoalDialog *self)
{
  const QdMetricInfo *metric;

  if (self->loading)
    return;

  metric = chosen_metric (self);
  if (metric != NULL)
    qd_goal_dialog_configure_spin (self->baseline_spin, self->baseline_unit, metric);
  field_changed_cb (self);
}

static void
new_metric_row_selected_cb (QdAssignGoalDialog *self)
{
  const QdMetricInfo *metric;

  if (self->loading)
    return;

  metric = new_template_metric (self);
  if (metric != NULL)
    {
      self->loading = TRUE;
      qd_goal_dialog_configure_spin (self->new_target_spin, self->new_target_unit, metric);
      qd_goal_dialog_configure_spin (self->baseline_spin, self->baseline_unit, metric);
      if (metric->has_target)
        gtk_spin_button_set_value (self->new_target_spin, metric->target);
      self->loading = FALSE;
    }
  field_changed_cb (self);
}

static void
who_row_selected_cb (QdAssignGoalDialog *self)
{
  field_changed_cb (self);
}

static void
baseline_row_selected_cb (QdAssignGoalDialog *self)
{
  field_changed_cb (self);
}

static void
person_toggled_cb (GtkCheckButton     *check,
                   QdAssignGoalDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "member-id"));

  if (gtk_check_button_get_active (check))
    {
      gint64 *key = g_new (gint64, 1);
      *key = id;
      g_hash_table_add (self->chosen, key);
    }
  else
    g_hash_table_remove (self->chosen, &id);
  field_changed_cb (self);
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  QdAssignGoalDialog *self = user_data;
  QdMember *member = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  gint64 id = qd_member_get_id (member);
  g_autoptr(GString) subtitle = g_string_new (qd_member_get_job_title (member));

  if (*qd_member_get_team (member) != '\0')
    g_string_append_printf (subtitle, subtitle->len > 0 ? " · %s" : "%s", qd_member_get_team (member));
  if (qd_member_get_status (member) == QD_MEMBER_STATUS_ON_LEAVE)
    g_string_append_printf (subtitle, subtitle->len > 0 ? " · %s" : "%s",
                            qd_member_status_to_label (QD_MEMBER_STATUS_ON_LEAVE));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), qd_member_get_name (member));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->chosen, &id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, qd_member_get_name (member),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (check), "member-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (check, "toggled", G_CALLBACK (person_toggled_cb), self, 0);
  return row;
}

static const char *
skip_icon_name (QdGoalSkipReason reason)
{
  switch (reason)
    {
    case QD_GOAL_SKIP_ALREADY_ASSIGNED: return "emblem-ok-symbolic";
    case QD_GOAL_SKIP_ON_LEAVE: return "x-office-calendar-symbolic";
    case QD_GOAL_SKIP_LEFT: return "system-log-out-symbolic";
    case QD_GOAL_SKIP_AT_TARGET: return "starred-symbolic";
    case QD_GOAL_SKIP_NO_BASELINE:
    default: return "dialog-information-symbolic";
    }
}

static void
show_result (QdAssignGoalDialog *self,
             gint                created,
             GPtrArray          *skipped)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  guint n_skipped = skipped != NULL ? skipped->len : 0;

  if (created > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d Goal Created", "%d Goals Created", created),
                             created);
  else
    title = g_strdup (_("No Goals Created"));

  if (n_skipped == 0)
    description = g_strdup (_("Everyone got the goal."));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u person was skipped:",
                                                "%u people were skipped:", n_skipped),
                                   n_skipped);

  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, description);
  adw_status_page_set_icon_name (self->result_page,
                                 created > 0 ? "emblem-ok-symbolic" : "dialog-information-symbolic");

  for (guint i = 0; i < n_skipped; i++)
    {
      QdGoalSkip *skip = g_ptr_array_index (skipped, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", skip_icon_name (skip->reason),
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), skip->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), skip->message);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->skipped_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), n_skipped > 0);

  set_message (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->assign_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->done_button));
  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

static void
fill_templates (QdAssignGoalDialog *self,
                gint64              select_id)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = qd_goals_list_templates (self->goals, &error);
  if (self->templates == NULL)
    {
      g_warning ("The goal templates could not be read: %s", error->message);
      self->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_goal_template_free);
    }

  for (guint i = 0; i < self->templates->len; i++)
    {
      const QdGoalTemplate *tmpl = g_ptr_array_index (self->templates, i);
      gtk_string_list_append (titles, tmpl->title);
      if (tmpl->id == select_id)
        selected = i;
    }
  gtk_string_list_append (titles, _("New Template"));

  self->loading = TRUE;
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->template_row, selected);
  self->loading = FALSE;
  template_row_selected_cb (self);
}

static void
assign_button_clicked_cb (QdAssignGoalDialog *self)
{
  const QdGoalTemplate *tmpl = selected_template (self);
  const QdMetricInfo *metric = chosen_metric (self);
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  const char *start = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  const char *due = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  double baseline = NAN;
  gint64 template_id;
  gint created;

  if (tmpl != NULL)
    template_id = tmpl->id;
  else
    {
      QdGoalTemplate new_template = { 0 };

      new_template.title = (char *) gtk_editable_get_text (GTK_EDITABLE (self->new_title_row));
      new_template.description = (char *) gtk_editable_get_text (GTK_EDITABLE (self->new_description_row));
      new_template.metric = metric != NULL ? metric->key : NULL;
      new_template.target = metric != NULL ? gtk_spin_button_get_value (self->new_target_spin) : NAN;
      template_id = qd_goals_add_template (self->goals, &new_template, &error);
      if (template_id <= 0)
        {
          set_message (self, error->message);
          return;
        }
      /* From now on it is one of the templates: trying again uses it. */
      fill_templates (self, template_id);
    }

  if (metric != NULL && adw_combo_row_get_selected (self->baseline_row) == BASELINE_SAME)
    baseline = gtk_spin_button_get_value (self->baseline_spin);

  if (adw_combo_row_get_selected (self->who_row) == WHO_TEAM)
    {
      guint team = adw_combo_row_get_selected (self->team_row);

      created = qd_goals_assign_template_to_team (self->goals, template_id, self->teams[team],
                                                  start, due, baseline, &skipped, &error);
    }
  else
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint n = g_list_model_get_n_items (self->members);

      /* In the order shown. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QdMember) member = g_list_model_get_item (self->members, i);
          gint64 id = qd_member_get_id (member);

          if (g_hash_table_contains (self->chosen, &id))
            g_array_append_val (ids, id);
        }
      created = qd_goals_assign_template (self->goals, template_id, (const gint64 *) ids->data, ids->len,
                                          start, due, baseline, &skipped, &error);
    }

  if (created < 0)
    {
      set_message (self, error->message);
      return;
    }

  show_result (self, created, skipped);
}

static void
qd_assign_goal_dialog_dispose (GObject *object)
{
  QdAssignGoalDialog *self = (QdAssignGoalDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_ASSIGN_GOAL_DIALOG);
  g_clear_object (&self->goals);
  g_clear_object (&self->kpis);
  g_clear_object (&self->roster);
  g_clear_object (&self->members);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->teams, g_strfreev);
  g_clear_pointer (&self->chosen, g_hash_table_unref);

  G_OBJECT_CLASS (qd_assign_goal_dialog_parent_class)->dispose (object);
}

static void
qd_assign_goal_dialog_class_init (QdAssignGoalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_assign_goal_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-assign-goal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, assign_button);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, new_title_row);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, new_description_row);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, new_metric_row);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, new_target_row);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, new_target_spin);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, new_target_unit);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, who_row);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, team_row);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, people_group);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, baseline_group);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, baseline_value_row);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, baseline_spin);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, baseline_unit);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, QdAssignGoalDialog, skipped_list);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_metric_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, who_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, baseline_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, assign_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qd_assign_goal_dialog_init (QdAssignGoalDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->assign_button));
}

QdAssignGoalDialog *
qd_assign_goal_dialog_new (GtkWindow *parent,
                           QdGoals   *goals,
                           QdKpis    *kpis,
                           QdRoster  *roster,
                           gint64     member_id)
{
  g_autoptr(GtkStringList) measures = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) teams = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) due = g_date_time_add_months (today, 3);
  g_autoptr(QdMember) member = NULL;
  g_autofree char *start_day = NULL;
  g_autofree char *due_day = NULL;
  g_autoptr(GError) error = NULL;
  QdAssignGoalDialog *self;
  guint team = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QD_IS_GOALS (goals), NULL);
  g_return_val_if_fail (QD_IS_KPIS (kpis), NULL);
  g_return_val_if_fail (QD_IS_ROSTER (roster), NULL);

  self = g_object_new (QD_TYPE_ASSIGN_GOAL_DIALOG, "transient-for", parent, NULL);
  self->goals = g_object_ref (goals);
  self->kpis = g_object_ref (kpis);
  self->roster = g_object_ref (roster);

  self->metrics = qd_kpis_list_metrics (kpis, &error);
  if (self->metrics == NULL)
    {
      g_warning ("The metrics could not be read: %s", error->message);
      g_clear_error (&error);
      self->metrics = g_ptr_array_new ();
    }
  gtk_string_list_append (measures, _("By hand"));
  for (guint i = 0; i < self->metrics->len; i++)
    gtk_string_list_append (measures, ((QdMetricInfo *) g_ptr_array_index (self->metrics, i))->name);
  adw_combo_row_set_model (self->new_metric_row, G_LIST_MODEL (measures));

  if (member_id > 0)
    member = qd_roster_load_member (roster, member_id, NULL);

  self->teams = qd_roster_list_teams (roster);
  teams = gtk_string_list_new ((const char * const *) self->teams);
  for (guint i = 0; member != NULL && self->teams[i] != NULL; i++)
    if (g_strcmp0 (self->teams[i], qd_member_get_team (member)) == 0)
      team = i;
  adw_combo_row_set_model (self->team_row, G_LIST_MODEL (teams));
  adw_combo_row_set_selected (self->team_row, team);

  if (member != NULL)
    {
      gint64 *key = g_new (gint64, 1);
      *key = member_id;
      g_hash_table_add (self->chosen, key);
    }
  /* Without teams, choosing people is the only way. */
  if (self->teams[0] == NULL)
    adw_combo_row_set_selected (self->who_row, WHO_CHOSEN);
  self->members = G_LIST_MODEL (qd_member_list_new (roster));
  gtk_list_box_bind_model (self->people_list, self->members, create_person_row, self, NULL);

  start_day = g_date_time_format (today, "%Y-%m-%d");
  due_day = g_date_time_format (due, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start_day);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due_day);

  self->loading = FALSE;
  fill_templates (self, 0);
  new_metric_row_selected_cb (self);
  update_state (self);

  return self;
}
