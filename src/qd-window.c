/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qd-import-dialog.h"
#include "qd-overview-page.h"
#include "qd-reviews-page.h"
#include "qd-trends-page.h"
#include "qd-team-page.h"
#include "qd-window.h"

struct _QdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  QdRoster             *roster;
  QdKpis               *kpis;
  QdGoals              *goals;
  QdNotes              *notes;
  QdReviews            *reviews;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  QdTeamPage           *team_page;
  QdOverviewPage       *overview_page;
  QdTrendsPage         *trends_page;
  QdReviewsPage        *reviews_page;
};

G_DEFINE_FINAL_TYPE (QdWindow, qd_window, ADW_TYPE_APPLICATION_WINDOW)

static void
save_window_state (QdWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
import_dialog_imported_cb (QdWindow       *self,
                           QdImportDialog *dialog)
{
  qd_window_data_changed (self);
}

static void
open_import_dialog (QdWindow     *self,
                    QdImportKind  kind)
{
  QdImportDialog *dialog;

  if (self->roster == NULL)
    return;

  dialog = qd_import_dialog_new (GTK_WINDOW (self), self->roster, kind);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_dialog_imported_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_tickets_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  open_import_dialog (QD_WINDOW (widget), QD_IMPORT_KIND_TICKETS);
}

static void
import_roster_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_import_dialog (QD_WINDOW (widget), QD_IMPORT_KIND_ROSTER);
}

static void
open_review_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  QdWindow *self = QD_WINDOW (widget);

  if (self->reviews == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "reviews");
  qd_reviews_page_open_review (self->reviews_page, g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
qd_window_close_request (GtkWindow *window)
{
  QdWindow *self = QD_WINDOW (window);

  qd_team_page_flush (self->team_page);
  qd_reviews_page_flush (self->reviews_page);
  save_window_state (self);

  return GTK_WINDOW_CLASS (qd_window_parent_class)->close_request (window);
}

static void
qd_window_dispose (GObject *object)
{
  QdWindow *self = (QdWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->roster);
  g_clear_object (&self->kpis);
  g_clear_object (&self->goals);
  g_clear_object (&self->notes);
  g_clear_object (&self->reviews);

  G_OBJECT_CLASS (qd_window_parent_class)->dispose (object);
}

static void
qd_window_class_init (QdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = qd_window_dispose;
  window_class->close_request = qd_window_close_request;

  g_type_ensure (QD_TYPE_TEAM_PAGE);
  g_type_ensure (QD_TYPE_OVERVIEW_PAGE);
  g_type_ensure (QD_TYPE_TRENDS_PAGE);
  g_type_ensure (QD_TYPE_REVIEWS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, QdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, QdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, QdWindow, team_page);
  gtk_widget_class_bind_template_child (widget_class, QdWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, QdWindow, trends_page);
  gtk_widget_class_bind_template_child (widget_class, QdWindow, reviews_page);

  gtk_widget_class_install_action (widget_class, "win.import-tickets", NULL, import_tickets_activated);
  gtk_widget_class_install_action (widget_class, "win.import-roster", NULL, import_roster_activated);
  gtk_widget_class_install_action (widget_class, "win.open-review", "x", open_review_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-tickets", NULL);
}

static void
qd_window_init (QdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

QdWindow *
qd_window_new (QdApplication *application,
               QdRoster      *roster,
               const char    *open_error)
{
  QdWindow *self;
  GSettings *settings;

  g_return_val_if_fail (QD_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (roster == NULL || QD_IS_ROSTER (roster), NULL);

  self = g_object_new (QD_TYPE_WINDOW, "application", application, NULL);

  settings = qd_application_get_settings (application);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_settings_bind (settings, "show-former-members", self->team_page, "show-former-members",
                       G_SETTINGS_BIND_DEFAULT);
    }

  if (roster != NULL)
    {
      self->roster = g_object_ref (roster);
      /* One instance of each service, shared by every page, so a change
       * made on one page shows on the others. */
      if (qd_application_get_roster (application) == roster)
        {
          self->kpis = g_object_ref (qd_application_get_kpis (application));
          self->goals = g_object_ref (qd_application_get_goals (application));
          self->notes = g_object_ref (qd_application_get_notes (application));
          self->reviews = g_object_ref (qd_application_get_reviews (application));
        }
      else
        {
          QdStore *store = qd_roster_get_store (roster);

          self->kpis = qd_kpis_new (store);
          self->goals = qd_goals_new (store, self->kpis);
          self->notes = qd_notes_new (store);
          self->reviews = qd_reviews_new (store);
        }
      qd_team_page_set_roster (self->team_page, roster);
      qd_team_page_set_services (self->team_page, self->goals, self->notes, self->reviews, self->kpis);
      qd_overview_page_set_kpis (self->overview_page, self->kpis);
      qd_trends_page_set_kpis (self->trends_page, self->kpis);
      qd_trends_page_set_roster (self->trends_page, roster);
      qd_reviews_page_set_roster (self->reviews_page, roster);
      qd_reviews_page_set_kpis (self->reviews_page, self->kpis);
      qd_reviews_page_set_reviews (self->reviews_page, self->reviews);
      qd_reviews_page_set_services (self->reviews_page, self->goals, self->notes);

      /* A new database starts where the first step is: the team. */
      if (qd_roster_count_members (roster, TRUE) == 0)
        adw_view_stack_set_visible_child_name (self->view_stack, "team");
      gtk_stack_set_visible_child_name (self->main_stack, "views");
    }
  else
    {
      adw_status_page_set_description (self->error_page, open_error);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-tickets", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-roster", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-review", FALSE);
    }

  return self;
}

void
qd_window_add_toast (QdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (QD_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * qd_window_data_changed:
 *
 * Tells the pages that data changed behind their back (an import).
 */
void
qd_window_data_changed (QdWindow *self)
{
  g_return_if_fail (QD_IS_WINDOW (self));

  if (self->roster != NULL)
    qd_roster_notify_changed (self->roster);
  if (self->kpis != NULL)
    qd_kpis_notify_changed (self->kpis);
}
