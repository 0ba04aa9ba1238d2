/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-member-history"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "qd-assign-goal-dialog.h"
#include "qd-goal-dialog.h"
#include "qd-member-history.h"
#include "qd-member-list.h"
#include "qd-note-row.h"
#include "qd-review-scale.h"

/* One member's history in four pages: goals (with their measured
 * progress), the development plan, the 1:1 notes and feedback log, and
 * their reviews across cycles. The lists are the models' live lists, so
 * every change made anywhere through the same services shows here at
 * once. Each change is written when it is made; deletes can be undone
 * from the toast. Goals are edited in QdGoalDialog; actions and notes in
 * small message dialogs, which offer Add (or Save) only for what the
 * model accepts and say why otherwise. */

struct _QdMemberHistory
{
  AdwWindow            parent_instance;

  QdRoster            *roster;
  QdGoals             *goals;
  QdNotes             *notes;
  QdReviews           *reviews;
  QdKpis              *kpis;
  gint64               member_id;
  QdMember            *member;
  GPtrArray           *metrics;
  GListModel          *goal_list;
  GListModel          *action_list;
  GListModel          *note_list;
  GListStore          *review_list;
  guint                note_kinds;
  gboolean             can_open_reviews;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay     *toast_overlay;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *subtitle_label;
  AdwViewStack        *view_stack;
  GtkStack            *goals_stack;
  AdwPreferencesGroup *goals_group;
  GtkListBox          *goals_list;
  AdwStatusPage       *goals_empty_page;
  GtkStack            *actions_stack;
  AdwPreferencesGroup *actions_group;
  GtkListBox          *actions_list;
  AdwStatusPage       *actions_empty_page;
  GtkBox              *notes_toolbar;
  GtkBox              *filter_box;
  GtkStack            *notes_stack;
  GtkListView         *notes_view;
  AdwStatusPage       *notes_empty_page;
  GtkStack            *reviews_stack;
  AdwPreferencesGroup *reviews_group;
  GtkListBox          *reviews_list;
  AdwStatusPage       *reviews_empty_page;
};

G_DEFINE_FINAL_TYPE (QdMemberHistory, qd_member_history, ADW_TYPE_WINDOW)

/* ---- toasts ---- */

static void
show_toast (QdMemberHistory *self,
            AdwToast        *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (QdMemberHistory *self,
            const char      *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  show_toast (self, toast);
}

/* A toast saying what was deleted, with Undo. @undo_cb gets the toast;
 * the undo record is its "undo" data, freed with it. */
static void
show_undo_toast (QdMemberHistory *self,
                 const char      *title,
                 gpointer         undo,
                 GDestroyNotify   free_undo,
                 GCallback        undo_cb)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  /* Normal priority: in libadwaita 1.2 a high-priority toast that pushes
   * another aside can abort if it is clicked while that one leaves. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_NORMAL);
  g_object_set_data_full (G_OBJECT (toast), "undo", undo, free_undo);
  g_signal_connect_object (toast, "button-clicked", undo_cb, self, 0);
  show_toast (self, toast);
}

static void
goals_undo_clicked_cb (AdwToast        *toast,
                       QdMemberHistory *self)
{
  QdGoalsUndo *undo = g_object_get_data (G_OBJECT (toast), "undo");
  g_autoptr(GError) error = NULL;

  if (undo != NULL && !qd_goals_undo (self->goals, undo, &error))
    show_error (self, error->message);
  g_object_set_data (G_OBJECT (toast), "undo", NULL);
}

static void
note_undo_clicked_cb (AdwToast        *toast,
                      QdMemberHistory *self)
{
  QdNoteUndo *undo = g_object_get_data (G_OBJECT (toast), "undo");
  g_autoptr(GError) error = NULL;

  if (undo != NULL && !qd_notes_undo (self->notes, undo, &error))
    show_error (self, error->message);
  g_object_set_data (G_OBJECT (toast), "undo", NULL);
}

/* ---- helpers ---- */

static const QdMetricInfo *
find_metric (QdMemberHistory *self,
             const char      *key)
{
  for (guint i = 0; self->metrics != NULL && key != NULL && i < self->metrics->len; i++)
    {
      const QdMetricInfo *info = g_ptr_array_index (self->metrics, i);
      if (g_strcmp0 (info->key, key) == 0)
        return info;
    }
  return NULL;
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static void
join_part (GString    *text,
           const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

static GtkWidget *
make_menu_button (const char *tooltip)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}

/* An icon that only repeats what words next to it say. */
static GtkWidget *
decoration_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

/* An icon and a word side by side, for a state that must not be told by
 * colour alone ("Overdue"). */
static GtkWidget *
make_badge (GtkWidget **icon,
            GtkWidget **label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  *icon = decoration_new (NULL);
  *label = gtk_label_new (NULL);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), *icon);
  gtk_box_append (GTK_BOX (box), *label);
  return box;
}

static void
set_badge (GtkWidget  *box,
           GtkWidget  *icon,
           GtkWidget  *label,
           const char *icon_name,
           const char *text,
           const char *style)
{
  const char *styles[] = { "warning", "success", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (box, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (box, style);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_set_visible (icon, icon_name != NULL);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_visible (box, text != NULL);
}

/* ---- the member ---- */

/* Returns: FALSE when the member is gone. */
static gboolean
update_member (QdMemberHistory *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  gboolean left;

  g_clear_object (&self->member);
  self->member = qd_roster_load_member (self->roster, self->member_id, NULL);
  if (self->member == NULL)
    return FALSE;

  name = g_markup_escape_text (qd_member_get_name (self->member), -1);
  join_part (subtitle, qd_member_get_job_title (self->member));
  join_part (subtitle, qd_member_get_team (self->member));
  if (qd_member_get_status (self->member) != QD_MEMBER_STATUS_ACTIVE)
    join_part (subtitle, qd_member_status_to_label (qd_member_get_status (self->member)));

  gtk_label_set_label (self->name_label, qd_member_get_name (self->member));
  gtk_label_set_label (self->subtitle_label, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle->len > 0);
  adw_avatar_set_text (self->avatar, qd_member_get_name (self->member));
  adw_view_switcher_title_set_title (self->switcher_title, qd_member_get_name (self->member));
  adw_view_switcher_title_set_subtitle (self->switcher_title, _("History, Goals and Notes"));
  /* Translators: the title of a member's history window; %s is a name */
  title = g_strdup_printf (_("%s — History, Goals and Notes"), qd_member_get_name (self->member));
  gtk_window_set_title (GTK_WINDOW (self), title);

  {
    g_autofree char *goals = g_strdup_printf (_("Agree on SMART goals with %s, or give a whole team "
                                                "a goal from a template."), name);
    g_autofree char *actions = g_strdup_printf (_("Plan the steps that help %s grow: a course, "
                                                  "shadowing a colleague, leading a project."), name);
    g_autofree char *notes = g_strdup_printf (_("Keep 1:1 notes, praise and concerns about %s here, "
                                                "by the day they are about."), name);
    g_autofree char *reviews = g_strdup_printf (_("%s’s reviews from every cycle show here once they "
                                                  "take part in one."), name);

    adw_status_page_set_description (self->goals_empty_page, goals);
    adw_status_page_set_description (self->actions_empty_page, actions);
    adw_status_page_set_description (self->notes_empty_page, notes);
    adw_status_page_set_description (self->reviews_empty_page, reviews);
  }

  /* Someone who left keeps their history, but gets no new goals or
   * actions (the model says so too). */
  left = qd_member_get_status (self->member) == QD_MEMBER_STATUS_LEFT;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.add-goal", !left);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.add-action", !left);
  if (left)
    {
      /* Group descriptions and status pages both take markup. */
      g_autofree char *goals = g_strdup_printf (_("%s has left the team: their goals are kept, "
                                                  "and no new ones can be added."), name);
      g_autofree char *actions = g_strdup_printf (_("%s has left the team, so their development "
                                                    "plan is closed."), name);

      g_autofree char *no_goals = g_strdup_printf (_("%s has left the team, so no new goals can be "
                                                     "added."), name);

      adw_preferences_group_set_description (self->goals_group, goals);
      adw_preferences_group_set_description (self->actions_group, actions);
      adw_status_page_set_description (self->goals_empty_page, no_goals);
      adw_status_page_set_description (self->actions_empty_page, actions);
    }
  else
    {
      adw_preferences_group_set_description (self->goals_group, NULL);
      adw_preferences_group_set_description (self->actions_group,
                                             _("Steps agreed with them, with who sees each one through"));
    }
  return TRUE;
}

static void
roster_changed_cb (QdMemberHistory *self)
{
  /* Removed from the team behind our back: nothing left to show. */
  if (!update_member (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- goals ---- */

typedef struct
{
  QdMemberHistory *self;     /* not a reference: the row lives inside it */
  QdGoal          *goal;
  GtkWidget       *title;
  GtkWidget       *subtitle;
  GtkWidget       *badge;
  GtkWidget       *badge_icon;
  GtkWidget       *badge_label;
  GtkWidget       *bar;
  GtkWidget       *progress_label;
  GtkWidget       *menu_button;
} GoalRow;

static void
goal_row_free (GoalRow *goal_row)
{
  g_clear_object (&goal_row->goal);
  g_free (goal_row);
}

static GMenuItem *
make_status_item (const char *label,
                  gint64      id,
                  const char *nick)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, "history.set-goal-status",
                                           g_variant_new ("(xs)", id, nick));
  return item;
}

static void
update_goal_row (GoalRow *goal_row)
{
  QdGoal *goal = goal_row->goal;
  gint64 id = qd_goal_get_id (goal);
  QdGoalStatus status = qd_goal_get_status (goal);
  double progress = qd_goal_get_progress (goal);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit_section = g_menu_new ();
  g_autoptr(GMenu) status_section = g_menu_new ();
  g_autoptr(GMenu) delete_section = g_menu_new ();
  g_autofree char *measure = NULL;
  g_autofree char *due_label = NULL;
  g_autofree char *due = NULL;
  g_autofree char *accessible = NULL;
  struct { QdGoalStatus status; const char *label; } marks[] = {
    { QD_GOAL_STATUS_ACHIEVED, N_("Mark as _Achieved") },
    { QD_GOAL_STATUS_MISSED, N_("Mark as _Missed") },
    { QD_GOAL_STATUS_DROPPED, N_("Mark as _Dropped") },
    { QD_GOAL_STATUS_ACTIVE, N_("Mark as A_ctive Again") },
  };

  gtk_label_set_label (GTK_LABEL (goal_row->title), qd_goal_get_title (goal));

  if (qd_goal_get_measured (goal))
    {
      const QdMetricInfo *info = find_metric (goal_row->self, qd_goal_get_metric (goal));

      if (info != NULL)
        measure = qd_goal_dialog_format_measure (info, qd_goal_get_target (goal));
      else
        measure = g_strdup (qd_goal_get_metric_name (goal));
    }
  else
    measure = qd_goal_dialog_format_measure (NULL, NAN);
  join_part (subtitle, measure);
  g_object_get (goal, "due-date-label", &due_label, NULL);
  /* Translators: when a goal is due, "Due 30 Jun 2026" */
  due = g_strdup_printf (_("Due %s"), due_label);
  join_part (subtitle, due);
  gtk_label_set_label (GTK_LABEL (goal_row->subtitle), subtitle->str);

  if (qd_goal_get_overdue (goal))
    set_badge (goal_row->badge, goal_row->badge_icon, goal_row->badge_label,
               "task-past-due-symbolic", _("Overdue"), "warning");
  else if (status == QD_GOAL_STATUS_ACHIEVED)
    set_badge (goal_row->badge, goal_row->badge_icon, goal_row->badge_label,
               "emblem-ok-symbolic", qd_goal_status_to_label (status), "success");
  else
    set_badge (goal_row->badge, goal_row->badge_icon, goal_row->badge_label,
               NULL, qd_goal_status_to_label (status), "dim-label");

  /* Without data there is no bar: an empty bar would read as 0 %. */
  gtk_widget_set_visible (goal_row->bar, !isnan (progress));
  if (!isnan (progress))
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (goal_row->bar), CLAMP (progress, 0, 100) / 100.0);
  gtk_label_set_label (GTK_LABEL (goal_row->progress_label), qd_goal_get_progress_label (goal));
  /* Translators: what a screen reader says for a goal's progress bar */
  accessible = g_strdup_printf (_("Progress of “%s”"), qd_goal_get_title (goal));
  gtk_accessible_update_property (GTK_ACCESSIBLE (goal_row->bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, qd_goal_get_progress_label (goal),
                                  -1);

  {
    g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
    g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);

    g_menu_item_set_action_and_target_value (edit, "history.edit-goal", g_variant_new_int64 (id));
    g_menu_append_item (edit_section, edit);
    for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
      if (marks[i].status != status)
        {
          g_autoptr(GMenuItem) item = make_status_item (_(marks[i].label), id,
                                                        qd_goal_status_to_nick (marks[i].status));
          g_menu_append_item (status_section, item);
        }
    g_menu_item_set_action_and_target_value (delete, "history.delete-goal", g_variant_new_int64 (id));
    g_menu_append_item (delete_section, delete);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));
    g_menu_append_section (menu, NULL, G_MENU_MODEL (status_section));
    g_menu_append_section (menu, NULL, G_MENU_MODEL (delete_section));
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (goal_row->menu_button), G_MENU_MODEL (menu));
  }
}

static void
goal_notify_cb (GtkWidget *row)
{
  update_goal_row (g_object_get_data (G_OBJECT (row), "goal-row"));
}

static GtkWidget *
create_goal_row (gpointer item,
                 gpointer user_data)
{
  GoalRow *goal_row = g_new0 (GoalRow, 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *progress = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  goal_row->self = user_data;
  goal_row->goal = g_object_ref (item);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  goal_row->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (goal_row->title), 0);
  gtk_label_set_wrap (GTK_LABEL (goal_row->title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (goal_row->title), PANGO_WRAP_WORD_CHAR);
  goal_row->subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (goal_row->subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (goal_row->subtitle), TRUE);
  gtk_widget_add_css_class (goal_row->subtitle, "dim-label");
  gtk_widget_add_css_class (goal_row->subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), goal_row->title);
  gtk_box_append (GTK_BOX (texts), goal_row->subtitle);

  goal_row->badge = make_badge (&goal_row->badge_icon, &goal_row->badge_label);
  goal_row->menu_button = make_menu_button (_("Goal Actions"));
  gtk_box_append (GTK_BOX (top), texts);
  gtk_box_append (GTK_BOX (top), goal_row->badge);
  gtk_box_append (GTK_BOX (top), goal_row->menu_button);

  goal_row->bar = gtk_progress_bar_new ();
  gtk_widget_set_hexpand (goal_row->bar, TRUE);
  goal_row->progress_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (goal_row->progress_label), 0);
  gtk_label_set_wrap (GTK_LABEL (goal_row->progress_label), TRUE);
  gtk_widget_add_css_class (goal_row->progress_label, "caption");
  gtk_box_append (GTK_BOX (progress), goal_row->progress_label);
  gtk_box_append (GTK_BOX (progress), goal_row->bar);
  gtk_widget_set_margin_end (progress, 6);
  gtk_widget_set_margin_top (progress, 2);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), progress);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "goal-row", goal_row, (GDestroyNotify) goal_row_free);
  g_signal_connect_object (item, "notify", G_CALLBACK (goal_notify_cb), row, G_CONNECT_SWAPPED);
  update_goal_row (goal_row);
  return row;
}

static void
goals_list_row_activated_cb (QdMemberHistory *self,
                             GtkListBoxRow   *row)
{
  GoalRow *goal_row = g_object_get_data (G_OBJECT (row), "goal-row");

  if (goal_row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "history.edit-goal", "x", qd_goal_get_id (goal_row->goal));
}

static void
goals_changed_cb (QdMemberHistory *self)
{
  gboolean any = g_list_model_get_n_items (self->goal_list) > 0;

  gtk_stack_set_visible_child_name (self->goals_stack, any ? "list" : "empty");
}

static void
add_goal_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  QdMemberHistory *self = QD_MEMBER_HISTORY (widget);
  QdGoalDialog *dialog;

  if (self->member == NULL)
    return;
  dialog = qd_goal_dialog_new (GTK_WINDOW (self), self->goals, self->kpis, self->member, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_goal_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  QdMemberHistory *self = QD_MEMBER_HISTORY (widget);
  QdGoalDialog *dialog;

  if (self->member == NULL)
    return;
  dialog = qd_goal_dialog_new (GTK_WINDOW (self), self->goals, self->kpis, self->member,
                               g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_goal_status_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  QdMemberHistory *self = QD_MEMBER_HISTORY (widget);
  g_autoptr(GError) error = NULL;
  const char *nick = NULL;
  QdGoalStatus status;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &nick);
  if (!qd_goal_status_from_nick (nick, &status))
    return;
  if (!qd_goals_set_goal_status (self->goals, id, status, &error))
    show_error (self, error->message);
}

static void
delete_goal_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  QdMemberHistory *self = QD_MEMBER_HISTORY (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  QdGoalsUndo *undo;

  undo = qd_goals_delete_goal (self->goals, g_variant_get_int64 (parameter), &error);
  if (undo == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: in a toast; %s is a goal's title */
  title = g_strdup_printf (_("Goal “%s” deleted"), qd_goals_undo_get_title (undo));
  show_undo_toast (self, title, undo, (GDestroyNotify) qd_goals_undo_free, G_CALLBACK (goals_undo_clicked_cb));
}

static void
assign_goal_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  QdMemberHistory *self = QD_MEMBER_HISTORY (widget);
  QdAssignGoalDialog *dialog;

  dialog = qd_assign_goal_dialog_new (GTK_WINDOW (self), self->goals, self->kpis, self->roster,
                                      self->member_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- development plan ---- */

typedef struct
{
  QdMemberHistory     *self;
  QdDevelopmentAction *action;
  GtkWidget           *check;
  GtkWidget           *badge;
  GtkWidget           *badge_icon;
  GtkWidget           *badge_label;
  GtkWidget           *menu_button;
  gboolean             updating;
} ActionRow;

static void
action_row_free (ActionRow *action_row)
{
  g_clear_object (&action_row->action);
  g_free (action_row);
}

static void
update_action_row (GtkWidget *row)
{
  ActionRow *action_row = g_object_get_data (G_OBJECT (row), "action-row");
  QdDevelopmentAction *action = action_row->action;
  gint64 id = qd_development_action_get_id (action);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), qd_development_action_get_title (action));

  if (*qd_development_action_get_owner_name (action) != '\0')
    {
      /* Translators: who sees a development action through */
      g_autofree char *owner = g_strdup_printf (_("Owner: %s"), qd_development_action_get_owner_name (action));
      join_part (subtitle, owner);
    }
  else
    join_part (subtitle, _("No owner"));
  if (*qd_development_action_get_due_date (action) != '\0')
    {
      g_autofree char *due_label = NULL;
      g_autofree char *due = NULL;

      g_object_get (action, "due-date-label", &due_label, NULL);
      due = g_strdup_printf (_("Due %s"), due_label);
      join_part (subtitle, due);
    }
  if (qd_development_action_get_done (action))
    join_part (subtitle, C_("development action", "Done"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  action_row->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (action_row->check), qd_development_action_get_done (action));
  action_row->updating = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (action_row->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, qd_development_action_get_title (action),
                                  -1);

  if (qd_development_action_get_overdue (action))
    set_badge (action_row->badge, action_row->badge_icon, action_row->badge_label,
               "task-past-due-symbolic", _("Overdue"), "warning");
  else
    set_badge (action_row->badge, action_row->badge_icon, action_row->badge_label, NULL, NULL, NULL);

  g_menu_item_set_action_and_target_value (edit, "history.edit-action", g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (delete, "history.delete-action", g_variant_new_int64 (id));
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, delete);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (action_row->menu_button), G_MENU_MODEL (menu));
}

static void
action_done_toggled_cb (GtkWidget *row)
{
  ActionRow *action_row = g_object_get_data (G_OBJECT (row), "action-row");
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (action_row->updating)
    return;

  done = gtk_check_button_get_active (GTK_CHECK_BUTTON (action_row->check));
  if (!qd_goals_set_action_done (action_row->self->goals,
                                 qd_development_action_get_id (action_row->action), done, &error))
    {
      show_error (action_row->self, error->message);
      update_action_row (row);
    }
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  ActionRow *action_row = g_new0 (ActionRow, 1);
  GtkWidget *row = adw_action_row_new ();

  action_row->self = user_data;
  action_row->action = g_object_ref (item);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  action_row->check = gtk_check_button_new ();
  gtk_widget_set_valign (action_row->check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), action_row->check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), action_row->check);

  action_row->badge = make_badge (&action_row->badge_icon, &action_row->badge_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_row->badge);
  action_row->menu_button = make_menu_button (_("Action Menu"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_row->menu_button);

  g_object_set_data_full (G_OBJECT (row), "action-row", action_row, (GDestroyNotify) action_row_free);
  g_signal_connect_object (action_row->check, "toggled", G_CALLBACK (action_done_toggled_cb),
                           row, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify", G_CALLBACK (update_action_row), row, G_CONNECT_SWAPPED);
  update_action_row (row);
  return row;
}

static void
actions_changed_cb (QdMemberHistory *self)
{
  gboolean any = g_list_model_get_n_items (self->action_list) > 0;

  gtk_stack_set_visible_child_name (self->actions_stack, any ? "list" : "empty");
}

/* The editor of one development action, in a message dialog. */
typedef struct
{
  QdMemberHistory     *self;      /* the dialog is destroyed with it */
  QdDevelopmentAction *action;    /* our own copy */
  GListStore          *owners;
  GtkWidget           *title_row;
  GtkWidget           *owner_row;
  GtkWidget           *due_row;
  GtkWidget           *message;
} ActionEditor;

static void
action_editor_free (ActionEditor *editor)
{
  g_clear_object (&editor->action);
  g_clear_object (&editor->owners);
  g_free (editor);
}

static void
action_editor_apply (ActionEditor *editor)
{
  QdMember *owner = adw_combo_row_get_selected_item (ADW_COMBO_ROW (editor->owner_row));
  g_autofree char *due = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->due_row))));

  qd_development_action_set_title (editor->action, gtk_editable_get_text (GTK_EDITABLE (editor->title_row)));
  qd_development_action_set_owner_id (editor->action, owner != NULL ? qd_member_get_id (owner) : 0);
  qd_development_action_set_due_date (editor->action, due);
}

static void
action_editor_changed_cb (AdwMessageDialog *dialog)
{
  ActionEditor *editor = g_object_get_data (G_OBJECT (dialog), "editor");
  g_autoptr(GError) error = NULL;
  gboolean valid;

  action_editor_apply (editor);
  valid = qd_goals_validate_action (editor->self->goals, editor->action, &error);
  adw_message_dialog_set_response_enabled (dialog, "save", valid);
  gtk_label_set_label (GTK_LABEL (editor->message), valid ? "" : error->message);
  gtk_widget_set_visible (gtk_widget_get_parent (editor->message), !valid);
}

static void
action_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           QdMemberHistory  *self)
{
  ActionEditor *editor = g_object_get_data (G_OBJECT (dialog), "editor");
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (g_strcmp0 (response, "save") != 0)
    return;

  action_editor_apply (editor);
  if (qd_development_action_get_id (editor->action) == 0)
    saved = qd_goals_add_action (self->goals, editor->action, &error) > 0;
  else
    saved = qd_goals_save_action (self->goals, editor->action, &error);
  if (!saved)
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      show_error (self, message);
    }
}

/* A box with a warning icon and a label, hidden until there is something
 * to say; returns the label. */
static GtkWidget *
make_message (GtkWidget **box)
{
  GtkWidget *icon = decoration_new ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (*box), icon);
  gtk_box_append (GTK_BOX (*box), label);
  gtk_widget_set_visible (*box, FALSE);
  return label;
}

static void
open_action_dialog (QdMemberHistory *self,
                    gint64           action_id)
{
  ActionEditor *editor = g_new0 (ActionEditor, 1);
  g_autoptr(QdMember) nobody = qd_member_new ();
  g_autoptr(QdMemberList) members = NULL;
  g_autoptr(GtkExpression) name = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *group;
  GtkWidget *message_box;
  guint selected = 0;
  guint n;

  editor->self = self;
  if (action_id > 0)
    {
      editor->action = qd_goals_load_action (self->goals, action_id, NULL, &error);
      if (editor->action == NULL)
        {
          show_error (self, error->message);
          action_editor_free (editor);
          return;
        }
    }
  else
    {
      editor->action = qd_development_action_new ();
      qd_development_action_set_member_id (editor->action, self->member_id);
      /* Their own plan: they see it through unless said otherwise. */
      qd_development_action_set_owner_id (editor->action, self->member_id);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   action_id > 0 ? _("Edit Development Action")
                                                 : _("Add a Development Action"),
                                   NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", action_id > 0 ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The editor points at this window: it must not outlive it. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  group = adw_preferences_group_new ();
  editor->title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->title_row), _("What is to be done"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (editor->title_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (editor->title_row), qd_development_action_get_title (editor->action));

  editor->owners = g_list_store_new (QD_TYPE_MEMBER);
  qd_member_set_name (nobody, _("Nobody"));
  g_list_store_append (editor->owners, nobody);
  members = qd_member_list_new (self->roster);
  n = g_list_model_get_n_items (G_LIST_MODEL (members));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QdMember) member = g_list_model_get_item (G_LIST_MODEL (members), i);
      g_list_store_append (editor->owners, member);
      if (qd_member_get_id (member) == qd_development_action_get_owner_id (editor->action))
        selected = i + 1;
    }
  /* An owner who has left stays shown, so the model can say why not. */
  if (selected == 0 && qd_development_action_get_owner_id (editor->action) > 0)
    {
      g_autoptr(QdMember) owner = qd_roster_load_member (self->roster,
                                                         qd_development_action_get_owner_id (editor->action),
                                                         NULL);
      if (owner != NULL)
        {
          g_list_store_append (editor->owners, owner);
          selected = g_list_model_get_n_items (G_LIST_MODEL (editor->owners)) - 1;
        }
    }
  editor->owner_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->owner_row), _("Owner"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (editor->owner_row), _("Who sees it through"));
  name = gtk_property_expression_new (QD_TYPE_MEMBER, NULL, "name");
  adw_combo_row_set_expression (ADW_COMBO_ROW (editor->owner_row), name);
  adw_combo_row_set_model (ADW_COMBO_ROW (editor->owner_row), G_LIST_MODEL (editor->owners));
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor->owner_row), selected);

  editor->due_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->due_row), _("Due date (year-month-day, optional)"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (editor->due_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (editor->due_row), qd_development_action_get_due_date (editor->action));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), editor->title_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), editor->owner_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), editor->due_row);
  editor->message = make_message (&message_box);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), message_box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data_full (G_OBJECT (dialog), "editor", editor, (GDestroyNotify) action_editor_free);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           qd_goals_validate_action (self->goals, editor->action, NULL));
  g_signal_connect_object (editor->title_row, "changed", G_CALLBACK (action_editor_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor->due_row, "changed", G_CALLBACK (action_editor_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor->owner_row, "notify::selected", G_CALLBACK (action_editor_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (action_dialog_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (editor->title_row);
}

static void
add_action_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_action_dialog (QD_MEMBER_HISTORY (widget), 0);
}

static void
edit_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_action_dialog (QD_MEMBER_HISTORY (widget), g_variant_get_int64 (parameter));
}

static void
delete_action_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  QdMemberHistory *self = QD_MEMBER_HISTORY (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  QdGoalsUndo *undo;

  undo = qd_goals_delete_action (self->goals, g_variant_get_int64 (parameter), &error);
  if (undo == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: in a toast; %s is what a development action says */
  title = g_strdup_printf (_("Action “%s” deleted"), qd_goals_undo_get_title (undo));
  show_undo_toast (self, title, undo, (GDestroyNotify) qd_goals_undo_free, G_CALLBACK (goals_undo_clicked_cb));
}

/* ---- notes ---- */

static void
update_notes_state (QdMemberHistory *self)
{
  guint n = self->note_list != NULL ? g_list_model_get_n_items (self->note_list) : 0;

  /* With no notes at all, the empty page offers the one thing to do. */
  gtk_widget_set_visible (GTK_WIDGET (self->notes_toolbar), n > 0 || self->note_kinds != QD_NOTE_KINDS_ALL);
  if (n > 0)
    gtk_stack_set_visible_child_name (self->notes_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->notes_stack,
                                      self->note_kinds == QD_NOTE_KINDS_ALL ? "empty" : "no-results");
}

static void
load_notes (QdMemberHistory *self)
{
  GtkNoSelection *selection;

  if (self->note_list != NULL)
    g_signal_handlers_disconnect_by_data (self->note_list, self);
  g_clear_object (&self->note_list);

  self->note_list = qd_notes_list (self->notes, self->member_id, self->note_kinds, NULL, NULL);
  g_signal_connect_object (self->note_list, "items-changed", G_CALLBACK (update_notes_state),
                           self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (self->note_list));
  gtk_list_view_set_model (self->notes_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  update_notes_state (self);
}

static void
filter_toggled_cb (GtkToggleButton *button,
                   QdMemberHistory *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->note_kinds = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kinds"));
  load_notes (self);
}

static void
note_factory_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, qd_note_row_new ());
}

static void
note_factory_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  qd_note_row_set_note (QD_NOTE_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
note_factory_unbind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item)
{
  qd_note_row_set_note (QD_NOTE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* The editor of one note, in a message dialog. */
typedef struct
{
  QdMemberHistory *self;
  QdMemberNote    *note;       /* our own copy */
  GtkWidget       *kind_row;
  GtkWidget       *day_row;
  GtkWidget       *text_view;
  GtkWidget       *message;
} NoteEditor;

static void
note_editor_free (NoteEditor *editor)
{
  g_clear_object (&editor->note);
  g_free (editor);
}

static void
note_editor_apply (NoteEditor *editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor->text_view));
  g_autofree char *text = NULL;
  g_autofree char *day = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->day_row))));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  qd_member_note_set_kind (editor->note, adw_combo_row_get_selected (ADW_COMBO_ROW (editor->kind_row)));
  qd_member_note_set_noted_on (editor->note, day);
  qd_member_note_set_text (editor->note, text);
}

static void
note_editor_changed_cb (AdwMessageDialog *dialog)
{
  NoteEditor *editor = g_object_get_data (G_OBJECT (dialog), "editor");
  g_autoptr(GError) error = NULL;
  gboolean valid;

  note_editor_apply (editor);
  valid = qd_notes_validate_note (editor->self->notes, editor->note, &error);
  adw_message_dialog_set_response_enabled (dialog, "save", valid);
  gtk_label_set_label (GTK_LABEL (editor->message), valid ? "" : error->message);
  gtk_widget_set_visible (gtk_widget_get_parent (editor->message), !valid);
}

static void
note_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         QdMemberHistory  *self)
{
  NoteEditor *editor = g_object_get_data (G_OBJECT (dialog), "editor");
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (g_strcmp0 (response, "save") != 0)
    return;

  note_editor_apply (editor);
  if (qd_member_note_get_id (editor->note) == 0)
    saved = qd_notes_add_note (self->notes, editor->note, &error) > 0;
  else
    saved = qd_notes_save_note (self->notes, editor->note, &error);
  if (!saved)
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      show_error (self, message);
    }
}

static void
open_note_dialog (QdMemberHistory *self,
                  gint64           note_id)
{
  NoteEditor *editor = g_new0 (NoteEditor, 1);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *group;
  GtkWidget *frame;
  GtkWidget *text_group;
  GtkWidget *message_box;

  editor->self = self;
  if (note_id > 0)
    {
      editor->note = qd_notes_load_note (self->notes, note_id, &error);
      if (editor->note == NULL)
        {
          show_error (self, error->message);
          note_editor_free (editor);
          return;
        }
    }
  else
    {
      g_autofree char *today = dup_today ();
      QdNoteKind kind = QD_NOTE_KIND_ONE_ON_ONE;

      /* While one kind is shown, a new note is most likely of that kind. */
      for (QdNoteKind k = QD_NOTE_KIND_ONE_ON_ONE; k <= QD_NOTE_KIND_NOTE; k++)
        if (self->note_kinds == QD_NOTE_KIND_MASK (k))
          kind = k;
      editor->note = qd_member_note_new ();
      qd_member_note_set_member_id (editor->note, self->member_id);
      qd_member_note_set_kind (editor->note, kind);
      qd_member_note_set_noted_on (editor->note, today);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), note_id > 0 ? _("Edit Note") : _("Add a Note"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", note_id > 0 ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The editor points at this window: it must not outlive it. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  group = adw_preferences_group_new ();
  for (QdNoteKind k = QD_NOTE_KIND_ONE_ON_ONE; k <= QD_NOTE_KIND_NOTE; k++)
    gtk_string_list_append (kinds, qd_note_kind_to_label (k));
  editor->kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->kind_row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (editor->kind_row), G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor->kind_row), qd_member_note_get_kind (editor->note));
  editor->day_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->day_row), _("Day (year-month-day)"));
  gtk_editable_set_text (GTK_EDITABLE (editor->day_row), qd_member_note_get_noted_on (editor->note));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), editor->kind_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), editor->day_row);

  editor->text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (editor->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (editor->text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (editor->text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (editor->text_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (editor->text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (editor->text_view), 8);
  gtk_widget_set_size_request (editor->text_view, 380, 140);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"),
                                  -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor->text_view)),
                            qd_member_note_get_text (editor->note), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), editor->text_view);
  text_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (text_group), _("Note"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (text_group), frame);

  editor->message = make_message (&message_box);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), text_group);
  gtk_box_append (GTK_BOX (box), message_box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data_full (G_OBJECT (dialog), "editor", editor, (GDestroyNotify) note_editor_free);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           qd_notes_validate_note (self->notes, editor->note, NULL));
  g_signal_connect_object (editor->kind_row, "notify::selected", G_CALLBACK (note_editor_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor->day_row, "changed", G_CALLBACK (note_editor_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor->text_view)), "changed",
                           G_CALLBACK (note_editor_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (note_dialog_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (editor->text_view);
}

static void
add_note_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_note_dialog (QD_MEMBER_HISTORY (widget), 0);
}

static void
edit_note_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_note_dialog (QD_MEMBER_HISTORY (widget), g_variant_get_int64 (parameter));
}

static void
delete_note_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  QdMemberHistory *self = QD_MEMBER_HISTORY (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  QdNoteUndo *undo;

  undo = qd_notes_delete_note (self->notes, g_variant_get_int64 (parameter), &error);
  if (undo == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: in a toast; %s is the name of the person the note is about */
  title = g_strdup_printf (_("Note about %s deleted"), qd_note_undo_get_member_name (undo));
  show_undo_toast (self, title, undo, (GDestroyNotify) qd_note_undo_free, G_CALLBACK (note_undo_clicked_cb));
}

/* ---- reviews ---- */

static GtkWidget *
create_review_row (gpointer item,
                   gpointer user_data)
{
  QdMemberHistory *self = user_data;
  QdReview *review = item;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  QdReviewScore score;
  QdTier tier;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), qd_review_get_cycle_name (review));

  join_part (subtitle, qd_review_get_status_label (review));
  if (qd_reviews_get_score (self->reviews, qd_review_get_id (review), &score, NULL) && !isnan (score.final))
    {
      g_autofree char *value = qd_review_format_rating (score.final);
      /* Translators: a review's final score on its scale, "Final score 3.8 of 5" */
      g_autofree char *text = g_strdup_printf (_("Final score %s of %u"), value, score.scale_points);
      join_part (subtitle, text);
    }
  else
    join_part (subtitle, _("No final score yet"));
  if (qd_review_get_tier (review, &tier))
    {
      /* Translators: the performer tier of a review's result, "Top tier" */
      g_autofree char *text = g_strdup_printf (_("%s tier"), qd_review_tier_to_label (tier));
      join_part (subtitle, text);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  if (self->can_open_reviews)
    {
      GtkWidget *arrow = decoration_new ("go-next-symbolic");

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open on the Reviews page"));
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "review-id", GSIZE_TO_POINTER (qd_review_get_id (review)));
  return row;
}

static void
load_reviews (QdMemberHistory *self)
{
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n;

  /* QdReviews has no list of one member's reviews across cycles: look
   * in every cycle, latest first. */
  cycles = qd_reviews_list_cycles (self->reviews, &error);
  if (cycles == NULL)
    {
      g_warning ("The review cycles could not be read: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (cycles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QdReviewCycle) cycle = g_list_model_get_item (cycles, i);
      gint64 id = qd_reviews_find_review (self->reviews, qd_review_cycle_get_id (cycle), self->member_id, NULL);
      QdReview *review;

      if (id <= 0)
        continue;
      review = qd_reviews_load_review (self->reviews, id, NULL);
      if (review != NULL)
        g_ptr_array_add (found, review);
    }

  g_list_store_splice (self->review_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->review_list)),
                       found->pdata, found->len);
  gtk_stack_set_visible_child_name (self->reviews_stack, found->len > 0 ? "list" : "empty");
  adw_preferences_group_set_description (self->reviews_group,
                                         self->can_open_reviews
                                         ? _("Every cycle they took part in, latest first. Open one to see it on the Reviews page.")
                                         : _("Every cycle they took part in, latest first"));
}

static void
reviews_changed_cb (QdMemberHistory *self)
{
  load_reviews (self);
}

static void
reviews_list_row_activated_cb (QdMemberHistory *self,
                               GtkListBoxRow   *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "review-id"));

  gtk_widget_activate_action (GTK_WIDGET (self), "history.open-review", "x", id);
}

static void
open_review_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  /* The Reviews page lives in the main window. */
  if (parent != NULL &&
      gtk_widget_activate_action_variant (GTK_WIDGET (parent), "win.open-review", parameter))
    gtk_window_present (parent);
}

/* Whether @window has a "win.open-review" action, installed on its class
 * or added to its action map. */
static gboolean
window_can_open_reviews (GtkWindow *window)
{
  GtkWidgetClass *klass;
  const GVariantType *type = NULL;
  const char *name = NULL;
  const char *property = NULL;
  GType owner;
  GAction *action;

  if (window == NULL)
    return FALSE;

  klass = GTK_WIDGET_GET_CLASS (window);
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
    if (g_strcmp0 (name, "win.open-review") == 0)
      return type != NULL && g_variant_type_equal (type, G_VARIANT_TYPE_INT64);

  if (!G_IS_ACTION_MAP (window))
    return FALSE;
  action = g_action_map_lookup_action (G_ACTION_MAP (window), "open-review");
  return action != NULL && g_action_get_parameter_type (action) != NULL &&
         g_variant_type_equal (g_action_get_parameter_type (action), G_VARIANT_TYPE_INT64);
}

/* ---- the window ---- */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  QdMemberHistory *self = QD_MEMBER_HISTORY (widget);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "goals") == 0)
    gtk_widget_activate_action (widget, "history.add-goal", NULL);
  else if (g_strcmp0 (page, "development") == 0)
    gtk_widget_activate_action (widget, "history.add-action", NULL);
  else if (g_strcmp0 (page, "notes") == 0)
    gtk_widget_activate_action (widget, "history.add-note", NULL);
}

static void
make_filter_buttons (QdMemberHistory *self)
{
  GtkToggleButton *first = NULL;

  for (int k = -1; k <= QD_NOTE_KIND_NOTE; k++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      guint kinds = k < 0 ? QD_NOTE_KINDS_ALL : QD_NOTE_KIND_MASK (k);

      if (k < 0)
        /* Translators: shows notes of every kind */
        gtk_button_set_label (GTK_BUTTON (button), C_("notes", "All"));
      else
        {
          GtkWidget *content = adw_button_content_new ();

          adw_button_content_set_label (ADW_BUTTON_CONTENT (content), qd_note_kind_to_label (k));
          adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), qd_note_row_kind_icon_name (k));
          gtk_button_set_child (GTK_BUTTON (button), content);
        }
      g_object_set_data (G_OBJECT (button), "kinds", GUINT_TO_POINTER (kinds));
      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), k < 0);
      g_signal_connect_object (button, "toggled", G_CALLBACK (filter_toggled_cb), self, 0);
      gtk_box_append (self->filter_box, button);
    }
}

static void
qd_member_history_dispose (GObject *object)
{
  QdMemberHistory *self = (QdMemberHistory *) object;

  if (self->note_list != NULL)
    g_signal_handlers_disconnect_by_data (self->note_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_MEMBER_HISTORY);
  g_clear_object (&self->goal_list);
  g_clear_object (&self->action_list);
  g_clear_object (&self->note_list);
  g_clear_object (&self->review_list);
  g_clear_object (&self->member);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  g_clear_object (&self->roster);
  g_clear_object (&self->goals);
  g_clear_object (&self->notes);
  g_clear_object (&self->reviews);
  g_clear_object (&self->kpis);

  G_OBJECT_CLASS (qd_member_history_parent_class)->dispose (object);
}

static void
qd_member_history_class_init (QdMemberHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_member_history_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-member-history.ui");
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, avatar);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, name_label);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, view_stack);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, goals_stack);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, goals_group);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, goals_list);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, goals_empty_page);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, actions_stack);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, actions_group);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, actions_list);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, actions_empty_page);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, notes_toolbar);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, filter_box);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, notes_stack);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, notes_view);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, notes_empty_page);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, reviews_stack);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, QdMemberHistory, reviews_empty_page);
  gtk_widget_class_bind_template_callback (widget_class, goals_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reviews_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "history.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "history.add-goal", NULL, add_goal_activated);
  gtk_widget_class_install_action (widget_class, "history.edit-goal", "x", edit_goal_activated);
  gtk_widget_class_install_action (widget_class, "history.set-goal-status", "(xs)", set_goal_status_activated);
  gtk_widget_class_install_action (widget_class, "history.delete-goal", "x", delete_goal_activated);
  gtk_widget_class_install_action (widget_class, "history.assign-goal", NULL, assign_goal_activated);
  gtk_widget_class_install_action (widget_class, "history.add-action", NULL, add_action_activated);
  gtk_widget_class_install_action (widget_class, "history.edit-action", "x", edit_action_activated);
  gtk_widget_class_install_action (widget_class, "history.delete-action", "x", delete_action_activated);
  gtk_widget_class_install_action (widget_class, "history.add-note", NULL, add_note_activated);
  gtk_widget_class_install_action (widget_class, "history.edit-note", "x", edit_note_activated);
  gtk_widget_class_install_action (widget_class, "history.delete-note", "x", delete_note_activated);
  gtk_widget_class_install_action (widget_class, "history.open-review", "x", open_review_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "history.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
qd_member_history_init (QdMemberHistory *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (note_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (note_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (note_factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->notes_view, factory);

  self->review_list = g_list_store_new (QD_TYPE_REVIEW);
  self->note_kinds = QD_NOTE_KINDS_ALL;
  make_filter_buttons (self);
}

QdMemberHistory *
qd_member_history_new (GtkWindow *parent,
                       QdRoster  *roster,
                       QdGoals   *goals,
                       QdNotes   *notes,
                       QdReviews *reviews,
                       QdKpis    *kpis,
                       gint64     member_id)
{
  QdMemberHistory *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QD_IS_ROSTER (roster), NULL);
  g_return_val_if_fail (QD_IS_GOALS (goals), NULL);
  g_return_val_if_fail (QD_IS_NOTES (notes), NULL);
  g_return_val_if_fail (QD_IS_REVIEWS (reviews), NULL);
  g_return_val_if_fail (QD_IS_KPIS (kpis), NULL);
  g_return_val_if_fail (member_id > 0, NULL);

  self = g_object_new (QD_TYPE_MEMBER_HISTORY, "transient-for", parent, NULL);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  self->roster = g_object_ref (roster);
  self->goals = g_object_ref (goals);
  self->notes = g_object_ref (notes);
  self->reviews = g_object_ref (reviews);
  self->kpis = g_object_ref (kpis);
  self->member_id = member_id;
  self->can_open_reviews = window_can_open_reviews (parent);

  self->metrics = qd_kpis_list_metrics (kpis, &error);
  if (self->metrics == NULL)
    g_warning ("The metrics could not be read: %s", error->message);

  if (!update_member (self))
    g_warning ("Team member %" G_GINT64_FORMAT " does not exist", member_id);
  g_signal_connect_object (roster, "changed", G_CALLBACK (roster_changed_cb), self, G_CONNECT_SWAPPED);

  self->goal_list = qd_goals_list_goals (goals, member_id, NULL);
  gtk_list_box_bind_model (self->goals_list, self->goal_list, create_goal_row, self, NULL);
  g_signal_connect_object (self->goal_list, "items-changed", G_CALLBACK (goals_changed_cb),
                           self, G_CONNECT_SWAPPED);
  goals_changed_cb (self);

  self->action_list = qd_goals_list_actions (goals, member_id, 0, NULL);
  gtk_list_box_bind_model (self->actions_list, self->action_list, create_action_row, self, NULL);
  g_signal_connect_object (self->action_list, "items-changed", G_CALLBACK (actions_changed_cb),
                           self, G_CONNECT_SWAPPED);
  actions_changed_cb (self);

  load_notes (self);

  gtk_list_box_bind_model (self->reviews_list, G_LIST_MODEL (self->review_list), create_review_row, self, NULL);
  load_reviews (self);
  g_signal_connect_object (reviews, "changed", G_CALLBACK (reviews_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

gint64
qd_member_history_get_member_id (QdMemberHistory *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_HISTORY (self), 0);
  return self->member_id;
}

QdMemberHistory *
qd_member_history_find (GtkWindow *parent,
                        gint64     member_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (QD_IS_MEMBER_HISTORY (window) &&
          QD_MEMBER_HISTORY (window)->member_id == member_id &&
          gtk_window_get_transient_for (GTK_WINDOW (window)) == parent)
        return QD_MEMBER_HISTORY (window);
    }
  return NULL;
}

void
qd_member_history_show_page (QdMemberHistory *self,
                             const char      *name)
{
  g_return_if_fail (QD_IS_MEMBER_HISTORY (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
