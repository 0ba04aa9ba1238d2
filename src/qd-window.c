/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qd-team-page.h"
#include "qd-window.h"

struct _QdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  QdTeamPage           *team_page;
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

static gboolean
qd_window_close_request (GtkWindow *window)
{
  QdWindow *self = QD_WINDOW (window);

  qd_team_page_flush (self->team_page);
  save_window_state (self);

  return GTK_WINDOW_CLASS (qd_window_parent_class)->close_request (window);
}

static void
qd_window_dispose (GObject *object)
{
  QdWindow *self = (QdWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_WINDOW);
  g_clear_object (&self->settings);

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, QdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, QdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, QdWindow, team_page);
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
      qd_team_page_set_roster (self->team_page, roster);
      gtk_stack_set_visible_child_name (self->main_stack, "views");
    }
  else
    {
      adw_status_page_set_description (self->error_page, open_error);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
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
