/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-pipeline-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "qd-pipeline-panel.h"

/* The leadership pipeline: how many people there are at each level,
 * and for every leader how many in their line are ready now to take
 * their place, against the goal (three by default). A shortfall is said
 * in words, not only in colour. */

struct _QdPipelinePanel
{
  GtkWidget       parent_instance;

  QdRoster       *roster;
  gboolean        updating;

  /* Template widgets */
  GtkLabel       *agents_label;
  GtkLabel       *leads_label;
  GtkLabel       *managers_label;
  GtkLabel       *directors_label;
  GtkLabel       *summary_label;
  GtkSpinButton  *goal_spin;
  GtkListBox     *roles_list;
};

G_DEFINE_FINAL_TYPE (QdPipelinePanel, qd_pipeline_panel, GTK_TYPE_WIDGET)

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static GtkWidget *
make_role_row (const QdPipelineRecord *role,
               guint                   goal)
{
  QdMemberLevel level = QD_MEMBER_LEVEL_TEAM_LEAD;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *bar;

  qd_member_level_from_nick (role->level, &level);

  row = adw_action_row_new ();
  if (*role->team != '\0')
    title = g_strdup_printf ("%s — %s, %s", role->leader_name, qd_member_level_to_label (level), role->team);
  else
    title = g_strdup_printf ("%s — %s", role->leader_name, qd_member_level_to_label (level));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (role->ready_now > 0)
    subtitle = g_strdup_printf (_("Ready now: %s"), role->ready_now_names);
  else
    subtitle = g_strdup (_("Nobody is ready now"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  if (role->ready_now >= goal)
    status = g_strdup_printf (_("%u of %u · goal met"), role->ready_now, goal);
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u · %u short", "%u of %u · %u short",
                                           goal - role->ready_now),
                              role->ready_now, goal, goal - role->ready_now);
  label = gtk_label_new (status);
  gtk_widget_add_css_class (label, role->ready_now >= goal ? "pipeline-met" : "pipeline-short");
  gtk_box_append (GTK_BOX (box), label);

  bar = gtk_level_bar_new_for_interval (0, goal);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), MIN (role->ready_now, goal));
  gtk_widget_set_size_request (bar, 96, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status,
                                  -1);
  gtk_box_append (GTK_BOX (box), bar);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

void
qd_pipeline_panel_refresh (QdPipelinePanel *self)
{
  g_autoptr(QdPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint short_roles = 0;

  g_return_if_fail (QD_IS_PIPELINE_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->roles_list))) != NULL)
    gtk_list_box_remove (self->roles_list, child);

  if (self->roster == NULL)
    return;

  pipeline = qd_roster_get_pipeline (self->roster, &error);
  if (pipeline == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }

  set_count (self->agents_label, pipeline->per_level[QD_MEMBER_LEVEL_AGENT]);
  set_count (self->leads_label, pipeline->per_level[QD_MEMBER_LEVEL_TEAM_LEAD]);
  set_count (self->managers_label, pipeline->per_level[QD_MEMBER_LEVEL_MANAGER]);
  set_count (self->directors_label, pipeline->per_level[QD_MEMBER_LEVEL_DIRECTOR]);

  self->updating = TRUE;
  gtk_spin_button_set_value (self->goal_spin, pipeline->goal);
  self->updating = FALSE;

  for (guint i = 0; i < pipeline->roles->len; i++)
    {
      const QdPipelineRecord *role = g_ptr_array_index (pipeline->roles, i);

      if (role->ready_now < pipeline->goal)
        short_roles++;
      gtk_list_box_append (self->roles_list, make_role_row (role, pipeline->goal));
    }

  if (pipeline->roles->len == 0)
    summary = g_strdup (_("Nobody leads others yet. Set someone’s level to team lead, manager or director."));
  else if (short_roles == 0)
    summary = g_strdup (_("Every leadership role has enough successors ready now."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u leadership roles is short of ready successors.",
                                            "%u of %u leadership roles are short of ready successors.",
                                            short_roles),
                               short_roles, pipeline->roles->len);
  gtk_label_set_label (self->summary_label, summary);
}

static void
goal_spin_value_changed_cb (QdPipelinePanel *self,
                            GtkSpinButton   *spin)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->roster == NULL)
    return;

  if (!qd_roster_set_successor_goal (self->roster, (guint) gtk_spin_button_get_value_as_int (spin), &error))
    g_warning ("%s", error->message);
}

static void
roster_changed_cb (QdPipelinePanel *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    qd_pipeline_panel_refresh (self);
}

static void
qd_pipeline_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (qd_pipeline_panel_parent_class)->map (widget);
  qd_pipeline_panel_refresh (QD_PIPELINE_PANEL (widget));
}

static void
qd_pipeline_panel_dispose (GObject *object)
{
  QdPipelinePanel *self = (QdPipelinePanel *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_PIPELINE_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->roster);

  G_OBJECT_CLASS (qd_pipeline_panel_parent_class)->dispose (object);
}

static void
qd_pipeline_panel_class_init (QdPipelinePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_pipeline_panel_dispose;
  widget_class->map = qd_pipeline_panel_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-pipeline-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, QdPipelinePanel, agents_label);
  gtk_widget_class_bind_template_child (widget_class, QdPipelinePanel, leads_label);
  gtk_widget_class_bind_template_child (widget_class, QdPipelinePanel, managers_label);
  gtk_widget_class_bind_template_child (widget_class, QdPipelinePanel, directors_label);
  gtk_widget_class_bind_template_child (widget_class, QdPipelinePanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QdPipelinePanel, goal_spin);
  gtk_widget_class_bind_template_child (widget_class, QdPipelinePanel, roles_list);
  gtk_widget_class_bind_template_callback (widget_class, goal_spin_value_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qd_pipeline_panel_init (QdPipelinePanel *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;
}

void
qd_pipeline_panel_set_roster (QdPipelinePanel *self,
                              QdRoster        *roster)
{
  g_return_if_fail (QD_IS_PIPELINE_PANEL (self));

  if (self->roster == roster)
    return;

  if (self->roster != NULL)
    g_signal_handlers_disconnect_by_data (self->roster, self);
  g_set_object (&self->roster, roster);
  if (roster != NULL)
    g_signal_connect_object (roster, "changed", G_CALLBACK (roster_changed_cb), self, G_CONNECT_SWAPPED);

  /* Filled when shown: a hidden panel costs nothing at startup. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    qd_pipeline_panel_refresh (self);
}
