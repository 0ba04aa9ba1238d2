/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-team-page"

#include "config.h"

#include <glib/gi18n.h>

#include "qd-toast.h"
#include "qd-member-history.h"
#include "qd-member-pane.h"
#include "qd-pipeline-panel.h"
#include "qd-team-page.h"

struct _QdTeamPage
{
  GtkWidget            parent_instance;

  QdRoster            *roster;
  QdGoals             *goals;
  QdNotes             *notes;
  QdReviews           *reviews;
  QdKpis              *kpis;
  QdMemberList        *list;
  GtkSingleSelection  *selection;
  GObject             *sort_probe_a;
  GObject             *sort_probe_b;
  int                  sort_probe_hit;
  gboolean             show_former_members;

  /* Template widgets */
  GtkStack            *content_stack;
  AdwFlap             *flap;
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *level_column;
  GtkColumnViewColumn *team_column;
  GtkColumnViewColumn *reports_to_column;
  GtkColumnViewColumn *hire_date_column;
  GtkColumnViewColumn *status_column;
  GtkLabel            *count_label;
  QdMemberPane        *member_pane;
  QdPipelinePanel     *pipeline_panel;
};

G_DEFINE_FINAL_TYPE (QdTeamPage, qd_team_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ROSTER,
  PROP_SHOW_FORMER_MEMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (QdTeamPage *self,
            AdwToast   *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (QdTeamPage *self,
            const char *message)
{
  AdwToast *toast = qd_toast_new_text (message);

  adw_toast_set_timeout (toast, 6);
  show_toast (self, toast);
}

static void
update_state (QdTeamPage *self)
{
  guint n_shown = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  gint64 n_all = self->roster != NULL ? qd_roster_count_members (self->roster, TRUE) : 0;
  gint64 n_current = self->roster != NULL ? qd_roster_count_members (self->roster, FALSE) : 0;
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->content_stack, n_all > 0 ? "roster" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, n_shown > 0 ? "list" : "no-results");

  {
    g_autofree char *shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shown", "%u shown", n_shown),
                                              n_shown);
    g_autofree char *current = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in the team",
                                                             "%u in the team", (gulong) n_current),
                                                (guint) n_current);
    guint n_left = (guint) (n_all - n_current);

    if (n_left > 0 && !self->show_former_members)
      {
        g_autofree char *hidden = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u who left is hidden",
                                                                "%u who left are hidden", n_left),
                                                   n_left);
        count = g_strjoin (" · ", shown, current, hidden, NULL);
      }
    else
      count = g_strjoin (" · ", shown, current, NULL);
  }
  gtk_label_set_label (self->count_label, count);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.delete-member",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.show-history",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
selection_changed_cb (QdTeamPage *self)
{
  QdMember *member = gtk_single_selection_get_selected_item (self->selection);

  qd_member_pane_set_member (self->member_pane, member);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.delete-member", member != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.show-history", member != NULL);
}

static void
list_items_changed_cb (QdTeamPage *self)
{
  update_state (self);
}

static void
roster_changed_cb (QdTeamPage *self)
{
  update_state (self);
}

static void
search_entry_search_changed_cb (QdTeamPage     *self,
                                GtkSearchEntry *entry)
{
  if (self->list != NULL)
    qd_member_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_entry_stop_search_cb (QdTeamPage     *self,
                             GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* GTK 4.8 has no public way to ask a column view which column it is
 * sorted by. Every column carries a sorter that notes when it is asked
 * first; comparing two probe objects through the view's sorter then
 * tells the primary column and, by the sign, the direction. The rows
 * themselves are sorted by SQL in QdMemberList. */
static int
column_sort_cb (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  QdTeamPage *self = g_object_get_data (G_OBJECT (a), "qd-team-page");

  if (self != NULL && self->sort_probe_hit < 0)
    self->sort_probe_hit = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
view_sorter_changed_cb (QdTeamPage *self,
                        GtkSorterChange change,
                        GtkSorter  *sorter)
{
  GtkOrdering order;

  if (self->list == NULL)
    return;

  self->sort_probe_hit = -1;
  order = gtk_sorter_compare (sorter, self->sort_probe_a, self->sort_probe_b);
  if (self->sort_probe_hit < 0)
    qd_member_list_set_sort (self->list, QD_MEMBER_SORT_NAME, FALSE);
  else
    qd_member_list_set_sort (self->list, self->sort_probe_hit, order == GTK_ORDERING_LARGER);
}

static void
set_column_sorter (QdTeamPage          *self,
                   GtkColumnViewColumn *column,
                   QdMemberSort         sort)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (column_sort_cb, GINT_TO_POINTER (sort), NULL);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

static void
add_dialog_name_changed_cb (AdwMessageDialog *dialog,
                            GtkEditable      *name_row)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (name_row)));

  adw_message_dialog_set_response_enabled (dialog, "add", *name != '\0');
}

static void
add_dialog_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        QdTeamPage       *self)
{
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "name-row");
  GtkEditable *title_row = g_object_get_data (G_OBJECT (dialog), "title-row");
  GtkEditable *team_row = g_object_get_data (G_OBJECT (dialog), "team-row");
  g_autoptr(QdMember) member = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (g_strcmp0 (response, "add") != 0 || self->roster == NULL)
    return;

  member = qd_member_new ();
  qd_member_set_name (member, gtk_editable_get_text (name_row));
  qd_member_set_job_title (member, gtk_editable_get_text (title_row));
  qd_member_set_team (member, gtk_editable_get_text (team_row));

  id = qd_roster_add_member (self->roster, member, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  qd_team_page_select_member (self, id);
  qd_member_pane_focus_name (self->member_pane);
}

static void
add_member_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QdTeamPage *self = QD_TEAM_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *group;
  GtkWidget *name_row;
  GtkWidget *title_row;
  GtkWidget *team_row;

  if (self->roster == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Add a Team Member"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  group = adw_preferences_group_new ();
  name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title_row), _("Job title"));
  team_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (team_row), _("Team"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (name_row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (title_row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (team_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), name_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), title_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), team_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);

  g_object_set_data (G_OBJECT (dialog), "name-row", name_row);
  g_object_set_data (G_OBJECT (dialog), "title-row", title_row);
  g_object_set_data (G_OBJECT (dialog), "team-row", team_row);
  g_signal_connect_object (name_row, "changed", G_CALLBACK (add_dialog_name_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_dialog_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_row);
}

static void
undo_clicked_cb (AdwToast   *toast,
                 QdTeamPage *self)
{
  QdRosterUndo *undo = g_object_get_data (G_OBJECT (toast), "undo");
  g_autoptr(GError) error = NULL;

  if (undo == NULL || self->roster == NULL)
    return;

  if (!qd_roster_undo (self->roster, undo, &error))
    show_error (self, error->message);
  g_object_set_data (G_OBJECT (toast), "undo", NULL);
}

static void
delete_member (QdTeamPage      *self,
               gint64           id,
               QdReportsAction  reports)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  QdRosterUndo *undo;
  AdwToast *toast;

  undo = qd_roster_delete_member (self->roster, id, reports, &error);
  if (undo == NULL)
    {
      show_error (self, error->message);
      return;
    }

  title = g_strdup_printf (_("%s was removed"), qd_roster_undo_get_name (undo));
  toast = qd_toast_new_text (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Normal priority: in libadwaita 1.2 a high-priority toast that pushes
   * another aside can abort if it is clicked while that one leaves. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_NORMAL);
  g_object_set_data_full (G_OBJECT (toast), "undo", undo, (GDestroyNotify) qd_roster_undo_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  show_toast (self, toast);
}

static void
delete_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           QdTeamPage       *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "member-id"));

  if (g_strcmp0 (response, "move-up") == 0)
    delete_member (self, id, QD_REPORTS_MOVE_UP);
  else if (g_strcmp0 (response, "unassign") == 0)
    delete_member (self, id, QD_REPORTS_UNASSIGN);
}

static void
delete_member_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  QdTeamPage *self = QD_TEAM_PAGE (widget);
  QdMember *member = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *dialog;
  guint n_reports;

  if (member == NULL || self->roster == NULL)
    return;

  n_reports = qd_member_get_n_reports (member);
  if (n_reports == 0)
    {
      delete_member (self, qd_member_get_id (member), QD_REPORTS_REFUSE);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove %s?"),
                                     qd_member_get_name (member));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s manages %u person. Who should they report to? "
                                               "To keep %s’s history instead, set their status to “Left”.",
                                               "%s manages %u people. Who should they report to? "
                                               "To keep %s’s history instead, set their status to “Left”.",
                                               n_reports),
                                  qd_member_get_name (member), n_reports, qd_member_get_name (member));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (qd_member_get_reports_to (member) > 0)
    {
      g_autofree char *label = g_strdup_printf (_("Move to %s"), qd_member_get_reports_to_name (member));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "move-up", label);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "unassign", _("_No Manager"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unassign",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "member-id", GSIZE_TO_POINTER (qd_member_get_id (member)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_demo_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  QdTeamPage *self = QD_TEAM_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->roster == NULL)
    return;

  if (!qd_roster_fill_demo (self->roster, &error))
    show_error (self, error->message);
  else
    show_toast (self, adw_toast_new (_("The demo team was loaded")));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  QdTeamPage *self = QD_TEAM_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_pipeline_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  QdTeamPage *self = QD_TEAM_PAGE (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* The window's services when it passed them (qd_team_page_set_services()),
 * else our own on the roster's database, made when first needed. */
static gboolean
ensure_services (QdTeamPage *self)
{
  QdStore *store;

  if (self->roster == NULL)
    return FALSE;
  store = qd_roster_get_store (self->roster);
  /* After another database was opened, those of the old one are stale. */
  if (self->kpis != NULL && qd_kpis_get_store (self->kpis) != store)
    g_clear_object (&self->kpis);
  if (self->goals != NULL && qd_goals_get_store (self->goals) != store)
    g_clear_object (&self->goals);
  if (self->notes != NULL && qd_notes_get_store (self->notes) != store)
    g_clear_object (&self->notes);
  if (self->reviews != NULL && qd_reviews_get_store (self->reviews) != store)
    g_clear_object (&self->reviews);

  if (self->kpis == NULL)
    self->kpis = qd_kpis_new (store);
  if (self->goals == NULL)
    self->goals = qd_goals_new (store, self->kpis);
  if (self->notes == NULL)
    self->notes = qd_notes_new (store);
  if (self->reviews == NULL)
    self->reviews = qd_reviews_new (store);
  return TRUE;
}

static void
show_history_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  QdTeamPage *self = QD_TEAM_PAGE (widget);
  QdMember *member = gtk_single_selection_get_selected_item (self->selection);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  QdMemberHistory *history;

  if (member == NULL || !ensure_services (self))
    return;

  qd_member_pane_flush (self->member_pane);
  history = qd_member_history_find (parent, qd_member_get_id (member));
  if (history == NULL)
    history = qd_member_history_new (parent, self->roster, self->goals, self->notes,
                                     self->reviews, self->kpis, qd_member_get_id (member));
  gtk_window_present (GTK_WINDOW (history));
}

static void
column_view_activate_cb (QdTeamPage    *self,
                         guint          position,
                         GtkColumnView *view)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
qd_team_page_dispose (GObject *object)
{
  QdTeamPage *self = (QdTeamPage *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_TEAM_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->roster);
  g_clear_object (&self->goals);
  g_clear_object (&self->notes);
  g_clear_object (&self->reviews);
  g_clear_object (&self->kpis);
  g_clear_object (&self->sort_probe_a);
  g_clear_object (&self->sort_probe_b);

  G_OBJECT_CLASS (qd_team_page_parent_class)->dispose (object);
}

static void
qd_team_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QdTeamPage *self = QD_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_ROSTER:
      g_value_set_object (value, self->roster);
      break;
    case PROP_SHOW_FORMER_MEMBERS:
      g_value_set_boolean (value, self->show_former_members);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_team_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  QdTeamPage *self = QD_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_ROSTER:
      qd_team_page_set_roster (self, g_value_get_object (value));
      break;
    case PROP_SHOW_FORMER_MEMBERS:
      if (self->show_former_members != g_value_get_boolean (value))
        {
          self->show_former_members = g_value_get_boolean (value);
          if (self->list != NULL)
            qd_member_list_set_include_left (self->list, self->show_former_members);
          update_state (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_team_page_class_init (QdTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_team_page_dispose;
  object_class->get_property = qd_team_page_get_property;
  object_class->set_property = qd_team_page_set_property;

  properties[PROP_ROSTER] =
    g_param_spec_object ("roster", NULL, NULL, QD_TYPE_ROSTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_FORMER_MEMBERS] =
    g_param_spec_boolean ("show-former-members", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QD_TYPE_MEMBER);
  g_type_ensure (QD_TYPE_MEMBER_PANE);
  g_type_ensure (QD_TYPE_PIPELINE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-team-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, flap);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, level_column);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, team_column);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, reports_to_column);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, hire_date_column);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, member_pane);
  gtk_widget_class_bind_template_child (widget_class, QdTeamPage, pipeline_panel);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "team.add-member", NULL, add_member_activated);
  gtk_widget_class_install_action (widget_class, "team.delete-member", NULL, delete_member_activated);
  gtk_widget_class_install_action (widget_class, "team.show-history", NULL, show_history_activated);
  gtk_widget_class_install_action (widget_class, "team.load-demo", NULL, load_demo_activated);
  gtk_widget_class_install_action (widget_class, "team.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "team.toggle-pipeline", NULL, toggle_pipeline_activated);
  gtk_widget_class_install_property_action (widget_class, "team.show-former", "show-former-members");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "team.add-member", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "team.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "team.toggle-pipeline", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qd_team_page_init (QdTeamPage *self)
{
  GtkSorter *view_sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sort_probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->sort_probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (self->sort_probe_a, "qd-team-page", self);

  set_column_sorter (self, self->name_column, QD_MEMBER_SORT_NAME);
  set_column_sorter (self, self->title_column, QD_MEMBER_SORT_JOB_TITLE);
  set_column_sorter (self, self->level_column, QD_MEMBER_SORT_LEVEL);
  set_column_sorter (self, self->team_column, QD_MEMBER_SORT_TEAM);
  set_column_sorter (self, self->reports_to_column, QD_MEMBER_SORT_REPORTS_TO);
  set_column_sorter (self, self->hire_date_column, QD_MEMBER_SORT_HIRE_DATE);
  set_column_sorter (self, self->status_column, QD_MEMBER_SORT_STATUS);

  view_sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (view_sorter, "changed", G_CALLBACK (view_sorter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (column_view_activate_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.delete-member", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.show-history", FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

QdRoster *
qd_team_page_get_roster (QdTeamPage *self)
{
  g_return_val_if_fail (QD_IS_TEAM_PAGE (self), NULL);
  return self->roster;
}

void
qd_team_page_set_roster (QdTeamPage *self,
                         QdRoster   *roster)
{
  g_return_if_fail (QD_IS_TEAM_PAGE (self));
  g_return_if_fail (roster == NULL || QD_IS_ROSTER (roster));

  if (self->roster == roster)
    return;

  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_set_object (&self->roster, roster);

  qd_member_pane_set_roster (self->member_pane, roster);
  qd_pipeline_panel_set_roster (self->pipeline_panel, roster);

  if (roster != NULL)
    {
      self->list = qd_member_list_new (roster);
      qd_member_list_set_include_left (self->list, self->show_former_members);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "items-changed",
                               G_CALLBACK (list_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (roster, "changed",
                               G_CALLBACK (roster_changed_cb), self, G_CONNECT_SWAPPED);

      gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
    }

  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROSTER]);
}

QdMemberList *
qd_team_page_get_member_list (QdTeamPage *self)
{
  g_return_val_if_fail (QD_IS_TEAM_PAGE (self), NULL);
  return self->list;
}

QdMember *
qd_team_page_get_selected (QdTeamPage *self)
{
  g_return_val_if_fail (QD_IS_TEAM_PAGE (self), NULL);
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

gboolean
qd_team_page_select_member (QdTeamPage *self,
                            gint64      id)
{
  guint position;

  g_return_val_if_fail (QD_IS_TEAM_PAGE (self), FALSE);

  if (self->list == NULL)
    return FALSE;

  position = qd_member_list_find (self->list, id);
  if (position == G_MAXUINT && !self->show_former_members)
    {
      g_object_set (self, "show-former-members", TRUE, NULL);
      position = qd_member_list_find (self->list, id);
    }
  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);

  /* The column view keeps its rows in a list view, which has the
   * scroll action (GTK 4.8 has no column view call for scrolling). */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
  return TRUE;
}

/* Saves what is being typed in the detail pane now. */
void
qd_team_page_flush (QdTeamPage *self)
{
  g_return_if_fail (QD_IS_TEAM_PAGE (self));
  qd_member_pane_flush (self->member_pane);
}

/* The application's services, for the history window; without them the
 * page makes its own on the roster's database. */
void
qd_team_page_set_services (QdTeamPage *self,
                           QdGoals    *goals,
                           QdNotes    *notes,
                           QdReviews  *reviews,
                           QdKpis     *kpis)
{
  g_return_if_fail (QD_IS_TEAM_PAGE (self));
  g_return_if_fail (goals == NULL || QD_IS_GOALS (goals));
  g_return_if_fail (notes == NULL || QD_IS_NOTES (notes));
  g_return_if_fail (reviews == NULL || QD_IS_REVIEWS (reviews));
  g_return_if_fail (kpis == NULL || QD_IS_KPIS (kpis));

  g_set_object (&self->goals, goals);
  g_set_object (&self->notes, notes);
  g_set_object (&self->reviews, reviews);
  g_set_object (&self->kpis, kpis);
}
