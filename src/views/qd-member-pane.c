/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-member-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "qd-toast.h"
#include "qd-member-pane.h"

/* The detail pane of the Team page. Every edit is saved as it is made:
 * typing is saved after a short pause (and at once when the member
 * changes or the window closes), choices in the drop-downs at once. */

#define SAVE_DELAY_MS 400

struct _QdMemberPane
{
  GtkWidget      parent_instance;

  QdRoster      *roster;
  QdMember      *member;
  GListModel    *leaders;
  guint          save_source;
  GtkWidget     *last_edited;
  gboolean       loading;

  /* Template widgets */
  GtkStack      *stack;
  GtkLabel      *name_label;
  GtkLabel      *subtitle_label;
  AdwEntryRow   *name_row;
  AdwEntryRow   *email_row;
  AdwEntryRow   *title_row;
  AdwEntryRow   *team_row;
  AdwEntryRow   *hire_date_row;
  AdwComboRow   *level_row;
  AdwComboRow   *reports_to_row;
  AdwComboRow   *status_row;
  AdwComboRow   *readiness_row;
  AdwEntryRow   *skills_row;
  GtkTextView   *notes_view;
};

G_DEFINE_FINAL_TYPE (QdMemberPane, qd_member_pane, GTK_TYPE_WIDGET)

static void
show_error (QdMemberPane *self,
            const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }
  toast = qd_toast_new_text (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
clear_errors (QdMemberPane *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->email_row), GTK_WIDGET (self->title_row),
    GTK_WIDGET (self->team_row), GTK_WIDGET (self->hire_date_row), GTK_WIDGET (self->skills_row),
    GTK_WIDGET (self->reports_to_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (gtk_widget_has_css_class (rows[i], "error"))
        gtk_widget_set_tooltip_text (rows[i], NULL);
      gtk_widget_remove_css_class (rows[i], "error");
    }
}

static void
update_header (QdMemberPane *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (self->member == NULL)
    return;

  gtk_label_set_label (self->name_label, qd_member_get_name (self->member));
  g_string_append (subtitle, qd_member_level_to_label (qd_member_get_level (self->member)));
  if (*qd_member_get_team (self->member) != '\0')
    g_string_append_printf (subtitle, " · %s", qd_member_get_team (self->member));
  if (qd_member_get_n_reports (self->member) > 0)
    {
      guint n = qd_member_get_n_reports (self->member);
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle,
                              g_dngettext (GETTEXT_PACKAGE, "%u direct report", "%u direct reports", n),
                              n);
    }
  gtk_label_set_label (self->subtitle_label, subtitle->str);
}

/* Applies the widgets' values to a copy of the member and saves it.
 * While typing, a value that breaks a rule only marks its row (with the
 * reason as tooltip); when the user moves on it is said in a toast. */
static gboolean
save (QdMemberPane *self,
      gboolean      announce)
{
  g_autoptr(QdMember) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  QdMember *manager;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->member == NULL || self->roster == NULL || qd_member_get_id (self->member) == 0)
    return TRUE;

  edited = qd_member_copy (self->member);
  qd_member_set_name (edited, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  qd_member_set_email (edited, gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  qd_member_set_job_title (edited, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  qd_member_set_team (edited, gtk_editable_get_text (GTK_EDITABLE (self->team_row)));
  qd_member_set_hire_date (edited, gtk_editable_get_text (GTK_EDITABLE (self->hire_date_row)));
  qd_member_set_skills (edited, gtk_editable_get_text (GTK_EDITABLE (self->skills_row)));
  qd_member_set_level (edited, adw_combo_row_get_selected (self->level_row));
  qd_member_set_status (edited, adw_combo_row_get_selected (self->status_row));
  qd_member_set_readiness (edited, adw_combo_row_get_selected (self->readiness_row));
  manager = adw_combo_row_get_selected_item (self->reports_to_row);
  qd_member_set_reports_to (edited, manager != NULL ? qd_member_get_id (manager) : 0);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  qd_member_set_notes (edited, notes);

  if (!qd_roster_save_member (self->roster, edited, &error))
    {
      if (self->last_edited != NULL)
        {
          gtk_widget_add_css_class (self->last_edited, "error");
          gtk_widget_set_tooltip_text (self->last_edited, error->message);
        }
      if (announce)
        {
          g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
          show_error (self, message);
        }
      return FALSE;
    }

  clear_errors (self);
  update_header (self);
  return TRUE;
}

gboolean
qd_member_pane_flush (QdMemberPane *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_PANE (self), FALSE);
  return save (self, TRUE);
}

static gboolean
save_timeout_cb (gpointer data)
{
  QdMemberPane *self = data;

  self->save_source = 0;
  save (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (QdMemberPane *self,
                  GtkWidget    *row)
{
  if (self->loading)
    return;
  self->last_edited = row;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
focus_leave_cb (QdMemberPane *self)
{
  /* Leaving the pane is moving on: save now, and say if it cannot be. */
  if (self->save_source != 0 ||
      (self->last_edited != NULL && gtk_widget_has_css_class (self->last_edited, "error")))
    save (self, TRUE);
}

static void
notes_changed_cb (QdMemberPane  *self,
                  GtkTextBuffer *buffer)
{
  entry_changed_cb (self, NULL);
}

static void
combo_selected_cb (QdMemberPane *self,
                   GParamSpec   *pspec,
                   GtkWidget    *row)
{
  if (self->loading)
    return;
  self->last_edited = row;
  save (self, TRUE);
}

static void
fill_leaders (QdMemberPane *self)
{
  g_autoptr(QdMember) nobody = qd_member_new ();
  GListStore *store;
  guint selected = 0;
  gint64 manager;

  qd_member_set_name (nobody, _("No manager"));
  store = g_list_store_new (QD_TYPE_MEMBER);
  g_list_store_append (store, nobody);

  manager = qd_member_get_reports_to (self->member);
  if (self->roster != NULL)
    {
      g_autoptr(GListModel) leaders = qd_roster_list_leaders (self->roster, qd_member_get_id (self->member));
      guint n = g_list_model_get_n_items (leaders);
      gboolean found = FALSE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QdMember) leader = g_list_model_get_item (leaders, i);
          g_list_store_append (store, leader);
          if (qd_member_get_id (leader) == manager)
            {
              selected = i + 1;
              found = TRUE;
            }
        }

      /* Keep a manager who is not a leader (or on leave) choosable. */
      if (manager > 0 && !found)
        {
          g_autoptr(QdMember) current = qd_roster_load_member (self->roster, manager, NULL);
          if (current != NULL)
            {
              g_list_store_append (store, current);
              selected = g_list_model_get_n_items (G_LIST_MODEL (store)) - 1;
            }
        }
    }

  g_clear_object (&self->leaders);
  self->leaders = G_LIST_MODEL (store);
  adw_combo_row_set_model (self->reports_to_row, self->leaders);
  adw_combo_row_set_selected (self->reports_to_row, selected);
}

static void
load_member (QdMemberPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  if (self->member == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), qd_member_get_name (self->member));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), qd_member_get_email (self->member));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), qd_member_get_job_title (self->member));
  gtk_editable_set_text (GTK_EDITABLE (self->team_row), qd_member_get_team (self->member));
  gtk_editable_set_text (GTK_EDITABLE (self->hire_date_row), qd_member_get_hire_date (self->member));
  gtk_editable_set_text (GTK_EDITABLE (self->skills_row), qd_member_get_skills (self->member));
  adw_combo_row_set_selected (self->level_row, qd_member_get_level (self->member));
  adw_combo_row_set_selected (self->status_row, qd_member_get_status (self->member));
  adw_combo_row_set_selected (self->readiness_row, qd_member_get_readiness (self->member));
  gtk_text_buffer_set_text (buffer, qd_member_get_notes (self->member), -1);
  fill_leaders (self);
  clear_errors (self);
  update_header (self);
  self->loading = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "member");
}

static void
qd_member_pane_dispose (GObject *object)
{
  QdMemberPane *self = (QdMemberPane *) object;
  GtkWidget *child;

  if (self->save_source != 0)
    qd_member_pane_flush (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_MEMBER_PANE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->member);
  g_clear_object (&self->leaders);
  g_clear_object (&self->roster);

  G_OBJECT_CLASS (qd_member_pane_parent_class)->dispose (object);
}

static void
qd_member_pane_class_init (QdMemberPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_member_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-member-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, stack);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, name_label);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, name_row);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, email_row);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, title_row);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, team_row);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, hire_date_row);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, level_row);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, reports_to_row);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, status_row);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, readiness_row);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, skills_row);
  gtk_widget_class_bind_template_child (widget_class, QdMemberPane, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qd_member_pane_init (QdMemberPane *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) readiness = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) name_expression = NULL;
  GtkEventController *focus;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = QD_MEMBER_LEVEL_AGENT; i <= QD_MEMBER_LEVEL_DIRECTOR; i++)
    gtk_string_list_append (levels, qd_member_level_to_label (i));
  for (int i = QD_MEMBER_STATUS_ACTIVE; i <= QD_MEMBER_STATUS_LEFT; i++)
    gtk_string_list_append (statuses, qd_member_status_to_label (i));
  for (int i = QD_READINESS_NOT_YET; i <= QD_READINESS_READY_NOW; i++)
    gtk_string_list_append (readiness, qd_readiness_to_label (i));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->readiness_row, G_LIST_MODEL (readiness));

  name_expression = gtk_property_expression_new (QD_TYPE_MEMBER, NULL, "name");
  adw_combo_row_set_expression (self->reports_to_row, name_expression);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
  self->loading = FALSE;
}

void
qd_member_pane_set_roster (QdMemberPane *self,
                           QdRoster     *roster)
{
  g_return_if_fail (QD_IS_MEMBER_PANE (self));

  qd_member_pane_set_member (self, NULL);
  g_set_object (&self->roster, roster);
}

QdMember *
qd_member_pane_get_member (QdMemberPane *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_PANE (self), NULL);
  return self->member;
}

void
qd_member_pane_set_member (QdMemberPane *self,
                           QdMember     *member)
{
  g_return_if_fail (QD_IS_MEMBER_PANE (self));
  g_return_if_fail (member == NULL || QD_IS_MEMBER (member));

  if (self->member == member)
    return;

  if (self->save_source != 0)
    qd_member_pane_flush (self);

  g_set_object (&self->member, member);
  load_member (self);
}

void
qd_member_pane_focus_name (QdMemberPane *self)
{
  g_return_if_fail (QD_IS_MEMBER_PANE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
