/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-cli.h"
#include "qd-cli-export.h"
#include "qd-roster.h"
#include "qd-store.h"
#include "qd-store-tickets.h"
#include "qd-ticket-importer.h"

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
  {
    guint n_people = (guint) n;
    guint n_teams = g_strv_length (teams);
    guint n_tickets = (guint) MAX (qd_store_count_tickets (store, NULL, NULL), 0);
    g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                                            n_people), n_people);
    g_autofree char *team_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team", "%u teams",
                                                                n_teams), n_teams);
    g_autofree char *ticket_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u helpdesk ticket",
                                                                  "%u helpdesk tickets", n_tickets),
                                                     n_tickets);

    /* Translators: "Loaded the demo team: 40 people in 3 teams." */
    g_print (_("Loaded the demo team: %s in %s.\n"), people, team_count);
    /* Translators: the %s is "57254 helpdesk tickets" */
    g_print (_("Added a year of their work: %s, monthly QA scores, two review cycles, goals and 1:1 notes.\n"),
             ticket_count);
  }
  return 0;
}

#define IMPORT_TICKETS_USAGE \
  "quarterdeck [--database FILE] import-tickets FILE.csv " \
  "[--preset auto|zendesk|zendesk-explore|freshdesk] [--timezone ZONE]"
#define IMPORT_ROSTER_USAGE \
  "quarterdeck [--database FILE] import-roster FILE.csv"
#define PROBLEMS_SHOWN 20

static int
usage_error (const char *usage)
{
  g_printerr (_("Usage: %s\n"), usage);
  return 2;
}

/* "--name VALUE" or "--name=VALUE": TRUE when @args[*i] is the option,
 * with *value set (NULL when the value is missing). */
static gboolean
take_option (const char * const  *args,
             guint               *i,
             const char          *name,
             const char         **value)
{
  gsize len = strlen (name);

  if (strncmp (args[*i], name, len) != 0)
    return FALSE;
  if (args[*i][len] == '=')
    {
      *value = args[*i] + len + 1;
      return TRUE;
    }
  if (args[*i][len] != '\0')
    return FALSE;
  *value = args[*i + 1];
  if (*value != NULL)
    (*i)++;
  return TRUE;
}

static void
print_summary (const QdImportSummary *summary)
{
  g_autofree char *text = qd_import_summary_to_string (summary);
  guint shown = MIN (summary->problems->len, PROBLEMS_SHOWN);

  g_print ("%s\n", text);
  if (!summary->roster)
    g_print (_("Format: %s\n"), qd_preset_to_label (summary->preset));
  if (summary->first_day != NULL && *summary->first_day != '\0')
    g_print (_("Days covered: %s to %s\n"), summary->first_day, summary->last_day);

  if (shown > 0)
    {
      g_print (_("Rows skipped:\n"));
      for (guint i = 0; i < shown; i++)
        {
          const QdImportProblem *problem = g_ptr_array_index (summary->problems, i);
          g_print ("  ");
          g_print (_("Row %u: %s"), problem->row, problem->reason);
          g_print ("\n");
        }
      if (summary->skipped > shown)
        g_print (g_dngettext (GETTEXT_PACKAGE, "  … and %u more\n", "  … and %u more\n",
                              summary->skipped - shown),
                 summary->skipped - shown);
    }

  if (summary->unmatched_agents != NULL && summary->unmatched_agents[0] != NULL)
    {
      g_print (_("Helpdesk agents not linked to a team member (add them to the team, or link them "
                 "in the window’s import dialog):\n"));
      for (guint i = 0; summary->unmatched_agents[i] != NULL; i++)
        g_print ("  %s\n", summary->unmatched_agents[i]);
    }
}

static int
import_tickets_command (QdStore            *store,
                        const char * const *args)
{
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  const char *path = NULL;
  const char *preset_name = "auto";
  const char *timezone = NULL;
  gboolean options_done = FALSE;
  QdPreset preset;

  for (guint i = 0; args[i] != NULL; i++)
    {
      const char *value = NULL;

      if (!options_done && g_str_equal (args[i], "--"))
        options_done = TRUE;
      else if (!options_done && take_option (args, &i, "--preset", &value))
        {
          if (value == NULL)
            return usage_error (IMPORT_TICKETS_USAGE);
          preset_name = value;
        }
      else if (!options_done && take_option (args, &i, "--timezone", &value))
        {
          if (value == NULL)
            return usage_error (IMPORT_TICKETS_USAGE);
          timezone = value;
        }
      else if (!options_done && args[i][0] == '-' && args[i][1] != '\0')
        {
          g_printerr (_("quarterdeck: “import-tickets” has no option “%s”.\n"), args[i]);
          return usage_error (IMPORT_TICKETS_USAGE);
        }
      else if (path == NULL)
        path = args[i];
      else
        {
          g_printerr (_("quarterdeck: “import-tickets” takes one file.\n"));
          return usage_error (IMPORT_TICKETS_USAGE);
        }
    }

  if (path == NULL)
    return usage_error (IMPORT_TICKETS_USAGE);

  if (g_str_equal (preset_name, "auto"))
    preset = QD_PRESET_AUTO;
  else if (g_str_equal (preset_name, "zendesk"))
    preset = QD_PRESET_ZENDESK;
  else if (g_str_equal (preset_name, "zendesk-explore"))
    preset = QD_PRESET_ZENDESK_EXPLORE;
  else if (g_str_equal (preset_name, "freshdesk"))
    preset = QD_PRESET_FRESHDESK;
  else
    {
      g_printerr (_("quarterdeck: there is no preset “%s”. Use auto, zendesk, zendesk-explore or freshdesk.\n"),
                  preset_name);
      return 2;
    }

  file = g_file_new_for_commandline_arg (path);
  summary = qd_import_tickets (store, file, preset, NULL, 0, timezone, NULL, NULL, NULL, &error);
  if (summary == NULL)
    {
      g_printerr ("quarterdeck: %s\n", error->message);
      return 1;
    }

  print_summary (summary);
  return 0;
}

static int
import_roster_command (QdStore            *store,
                       const char * const *args)
{
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (IMPORT_ROSTER_USAGE);
  if (args[0][0] == '-' && args[0][1] != '\0')
    {
      g_printerr (_("quarterdeck: “import-roster” has no option “%s”.\n"), args[0]);
      return usage_error (IMPORT_ROSTER_USAGE);
    }

  file = g_file_new_for_commandline_arg (args[0]);
  summary = qd_import_roster (store, file, NULL, NULL, NULL, &error);
  if (summary == NULL)
    {
      g_printerr ("quarterdeck: %s\n", error->message);
      return 1;
    }

  print_summary (summary);
  return 0;
}

static const Command commands[] = {
  { "demo", N_("Fill an empty database with a demo support organisation and a year of its tickets"), demo_command },
  { "import-tickets", N_("Import a helpdesk ticket export (FILE.csv [--preset auto|zendesk|zendesk-explore|freshdesk] [--timezone ZONE])"), import_tickets_command },
  { "import-roster", N_("Add or update team members from a CSV file with Name, Email and Team (FILE.csv)"), import_roster_command },
  { "export-chart", N_("Draw a KPI trend to a PNG, SVG or PDF file (METRIC --output FILE …)"), qd_cli_export_chart },
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
        g_printerr ("  %-14s %s\n", commands[i].name, _(commands[i].usage));
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
