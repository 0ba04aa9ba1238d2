/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-application"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "qd-application.h"
#include "qd-cli.h"
#include "qd-window.h"

struct _QdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  QdStore        *store;
  QdRoster       *roster;
  QdKpis         *kpis;
  QdGoals        *goals;
  QdNotes        *notes;
  QdReviews      *reviews;
  char           *database;
  char           *open_error;
};

G_DEFINE_FINAL_TYPE (QdApplication, qd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use this database file instead of the default one"), N_("FILE") },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL,
    N_("[COMMAND [ARGUMENTS…]]") },
  { NULL }
};

static void
apply_color_scheme (QdApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    value = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

static void
settings_color_scheme_changed_cb (QdApplication *self,
                                  const char    *key,
                                  GSettings     *settings)
{
  apply_color_scheme (self);
}

static int
qd_application_handle_local_options (GApplication *app,
                                     GVariantDict *dict)
{
  QdApplication *self = QD_APPLICATION (app);
  g_autofree char *database = NULL;
  g_autofree const char **args = NULL;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("quarterdeck %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (dict, "database", "^ay", &database);
  g_variant_dict_lookup (dict, G_OPTION_REMAINING, "^a&ay", &args);

  if (args != NULL && args[0] != NULL)
    return qd_cli_run (database, args);

  if (database != NULL)
    {
      /* A window on another file runs as its own instance. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
      g_free (self->database);
      self->database = g_canonicalize_filename (database, NULL);
    }

  return -1;
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing the windows first lets them save what is being typed. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  g_application_quit (app);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Quarterdeck developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Quarterdeck",
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Quarterdeck developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Lead your support team: roster, reviews, KPIs and plans, on your own desktop."),
                        "website", "https://github.com/quarterdeck/quarterdeck",
                        "issue-url", "https://github.com/quarterdeck/quarterdeck/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Quarterdeck developers",
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "about", about_activated_cb },
};

static void
qd_application_startup (GApplication *app)
{
  QdApplication *self = QD_APPLICATION (app);
  g_autoptr(GAction) scheme_action = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };

  G_APPLICATION_CLASS (qd_application_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (settings_color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  scheme_action = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (app), scheme_action);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import-tickets", import_accels);
}

static void
qd_application_activate (GApplication *app)
{
  QdApplication *self = QD_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      if (self->roster == NULL && self->open_error == NULL)
        {
          g_autofree char *path = self->database != NULL ? g_strdup (self->database)
                                                         : qd_store_dup_default_path ();
          if (!qd_application_open_database (self, path, &error))
            self->open_error = g_strdup (error->message);
        }
      window = GTK_WINDOW (qd_window_new (self, self->roster, self->open_error));
    }

  gtk_window_present (window);
}

static void
qd_application_dispose (GObject *object)
{
  QdApplication *self = (QdApplication *) object;

  g_clear_object (&self->reviews);
  g_clear_object (&self->notes);
  g_clear_object (&self->goals);
  g_clear_object (&self->kpis);
  g_clear_object (&self->roster);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (qd_application_parent_class)->dispose (object);
}

static void
qd_application_finalize (GObject *object)
{
  QdApplication *self = (QdApplication *) object;

  g_free (self->database);
  g_free (self->open_error);

  G_OBJECT_CLASS (qd_application_parent_class)->finalize (object);
}

/* Everything after a command's name belongs to the command, its own
 * options included (import-tickets FILE --preset zendesk): a "--" put
 * before the name keeps them from the application's option parser. */
static gboolean
qd_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  char **argv = *arguments;

  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (argv[i][0] == '-')
        {
          if ((g_str_equal (argv[i], "--database") || g_str_equal (argv[i], "-d")) && argv[i + 1] != NULL)
            i++;
          continue;
        }
      if (qd_cli_is_command (argv[i]))
        {
          guint n = g_strv_length (argv);
          char **with = g_new0 (char *, n + 2);

          memcpy (with, argv, i * sizeof (char *));
          with[i] = g_strdup ("--");
          memcpy (with + i + 1, argv + i, (n - i) * sizeof (char *));
          g_free (argv);
          *arguments = with;
        }
      break;
    }

  return G_APPLICATION_CLASS (qd_application_parent_class)->local_command_line (app, arguments, exit_status);
}

static void
qd_application_class_init (QdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = qd_application_dispose;
  object_class->finalize = qd_application_finalize;

  app_class->local_command_line = qd_application_local_command_line;
  app_class->handle_local_options = qd_application_handle_local_options;
  app_class->startup = qd_application_startup;
  app_class->activate = qd_application_activate;
}

static void
qd_application_init (QdApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Commands (they need no display):\n"
      "  demo    Fill an empty database with a demo support organisation\n"
      "          and a year of its helpdesk tickets\n"
      "  import-tickets FILE.csv [--preset auto|zendesk|zendesk-explore|freshdesk]\n"
      "          [--timezone ZONE]\n"
      "          Import a helpdesk ticket export; times without a zone are read in\n"
      "          ZONE (an IANA name like Europe/Madrid; the default is this computer’s)\n"
      "  import-roster FILE.csv\n"
      "          Add or update team members from a CSV file (Name, Email, Team)\n"
      "  export-chart METRIC --output FILE.png|svg|pdf [--scope org|team:NAME|member:NAME]\n"
      "          [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by week|month] [--width PX] [--height PX]\n"
      "          Draw a KPI trend to a file; the default range is the last 13 weeks\n"
      "          or 12 months. Give --scope member:NAME up to 8 times to compare agents.\n\n"
      "Without a command, the window opens."));
}

QdApplication *
qd_application_new (void)
{
  return g_object_new (QD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * qd_application_open_database:
 *
 * Opens @path as the application's database (tests and --database use
 * this; the default file otherwise).
 */
gboolean
qd_application_open_database (QdApplication  *self,
                              const char     *path,
                              GError        **error)
{
  g_autoptr(QdStore) store = NULL;

  g_return_val_if_fail (QD_IS_APPLICATION (self), FALSE);

  store = qd_store_open (path, error);
  if (store == NULL)
    return FALSE;

  g_clear_object (&self->reviews);
  g_clear_object (&self->notes);
  g_clear_object (&self->goals);
  g_clear_object (&self->roster);
  g_clear_object (&self->kpis);
  g_set_object (&self->store, store);
  self->roster = qd_roster_new (store);
  self->kpis = qd_kpis_new (store);
  self->goals = qd_goals_new (store, self->kpis);
  self->notes = qd_notes_new (store);
  self->reviews = qd_reviews_new (store);
  g_clear_pointer (&self->open_error, g_free);
  return TRUE;
}

QdRoster *
qd_application_get_roster (QdApplication *self)
{
  g_return_val_if_fail (QD_IS_APPLICATION (self), NULL);
  return self->roster;
}

QdKpis *
qd_application_get_kpis (QdApplication *self)
{
  g_return_val_if_fail (QD_IS_APPLICATION (self), NULL);
  return self->kpis;
}

QdGoals *
qd_application_get_goals (QdApplication *self)
{
  g_return_val_if_fail (QD_IS_APPLICATION (self), NULL);
  return self->goals;
}

QdNotes *
qd_application_get_notes (QdApplication *self)
{
  g_return_val_if_fail (QD_IS_APPLICATION (self), NULL);
  return self->notes;
}

QdReviews *
qd_application_get_reviews (QdApplication *self)
{
  g_return_val_if_fail (QD_IS_APPLICATION (self), NULL);
  return self->reviews;
}

GSettings *
qd_application_get_settings (QdApplication *self)
{
  g_return_val_if_fail (QD_IS_APPLICATION (self), NULL);
  return self->settings;
}
