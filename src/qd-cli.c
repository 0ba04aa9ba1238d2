/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "qd-cli.h"
#include "qd-roster.h"
#include "qd-store.h"

/* Headless commands: they open the database, do their work and print
 * what they did, without a display. Errors go to stderr in plain words
 * with a non-zero exit code. */

typedef int (*CommandFunc) (QdStore            *store,
                            const char * const *args);

typedef struct
{
  const char  *name;
  const char  *usage;
  CommandFunc  func;
} Command;

static int
demo_command (QdStore            *store,
              const char * const *args)
{
  g_autoptr(QdRoster) roster = qd_roster_new (store);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) teams = NULL;
  gint64 n;

  if (args[0] != NULL)
    {
      g_printerr (_("quarterdeck: “demo” takes no arguments.\n"));
      return 2;
    }

  if (!qd_roster_fill_demo (roster, &error))
    {
      g_printerr ("quarterdeck: %s\n", error->message);
      return 1;
    }

  n = qd_roster_count_members (roster, TRUE);
  teams = qd_roster_list_teams (roster);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Loaded the demo team: %" G_GINT64_FORMAT " person in %u teams.\n",
                        "Loaded the demo team: %" G_GINT64_FORMAT " people in %u teams.\n",
                        (gulong) n),
           n, g_strv_length (teams));
  return 0;
}

static const Command commands[] = {
  { "demo", N_("Fill an empty database with a demo support organisation"), demo_command },
};

gboolean
qd_cli_is_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

/**
 * qd_cli_run:
 * @database: (nullable): the database file, or %NULL for the default one
 * @args: the command name followed by its arguments
 *
 * Returns: the process exit code.
 */
int
qd_cli_run (const char         *database,
            const char * const *args)
{
  g_autoptr(QdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  const Command *command = NULL;

  g_return_val_if_fail (args != NULL && args[0] != NULL, 2);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, args[0]) == 0)
      command = &commands[i];

  if (command == NULL)
    {
      g_printerr (_("quarterdeck: there is no command “%s”.\n"), args[0]);
      g_printerr (_("Commands:\n"));
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        g_printerr ("  %-12s %s\n", commands[i].name, _(commands[i].usage));
      return 2;
    }

  if (database == NULL)
    database = default_path = qd_store_dup_default_path ();

  store = qd_store_open (database, &error);
  if (store == NULL)
    {
      g_printerr ("quarterdeck: %s\n", error->message);
      return 1;
    }

  return command->func (store, args + 1);
}
