/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ticket import benchmark: a Zendesk ticket export of 1,000,000 rows
 * (generated, always the same) imported into a fresh database, against
 * the sqlite3 shell loading the same file into a plain table:
 *
 *   sqlite3 -csv fresh.db ".import FILE t"
 *
 * which parses the CSV and writes every field, with no time zones, no
 * validation, no indexes and no roll-ups. The goal is to stay within
 * 1.5 times its time.
 *
 *   bench-import [--rows N] [--sqlite3 PATH] [--keep DIR]
 *   bench-import --generate FILE [--rows N]
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "qd-store.h"
#include "qd-ticket-importer.h"

#define DEFAULT_ROWS 1000000
#define SEED         4242

static const char *subjects[] = {
  "Refund not received", "Cannot log in", "\"Invoice, March\" is wrong", "App crashes on start",
  "Change my plan", "Password reset email missing", "Export to CSV fails", "Charged twice",
  "How do I add a user?", "Webhook returns 500", "Cancel my subscription", "SSO, SAML setup",
  "Delivery delayed", "Wrong VAT number", "Feature request: dark mode", "Two-factor code not arriving",
};

static const char *requesters[] = {
  "María López", "Tom Baker", "Zoë Kim", "Ann Lee", "Bo Chen", "Lia Park", "Ed Ng", "Jürgen Weiß",
  "Chloé Martin", "Raj Patel", "Olga Ivanova", "Kofi Mensah",
};

static const char *groups[] = { "Tier 1", "Tier 1", "Tier 2", "Billing" };
static const char *statuses[] = { "Closed", "Closed", "Closed", "Solved", "Pending", "Open" };
static const char *priorities[] = { "Low", "Normal", "Normal", "High", "Urgent" };
static const char *vias[] = { "Email", "Web form", "Chat", "Phone call (incoming)", "API" };

static void
append_time (GString *out,
             gint64   unix_time)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (unix_time);

  g_string_append_printf (out, "%04d-%02d-%02d %02d:%02d:%02d",
                          g_date_time_get_year (t), g_date_time_get_month (t),
                          g_date_time_get_day_of_month (t), g_date_time_get_hour (t),
                          g_date_time_get_minute (t), g_date_time_get_second (t));
}

/* The Zendesk ticket export with its real header: all 41 standard
 * columns (@wide, what the export writes before any custom field), or
 * only the 21 the presets know of. Ids and times rise over two years, a
 * third of the tickets are still open, a quarter rated. */
static gboolean
generate (const char  *path,
          guint        rows,
          gboolean     wide,
          GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GString) out = g_string_sized_new (1 << 20);
  FILE *file = g_fopen (path, "wb");
  gint64 start = 1704067200;    /* 2024-01-01 UTC */
  gint64 span = 2 * 365 * 86400;
  char agents[40][32];

  if (file == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path, g_strerror (errno));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (agents); i++)
    g_snprintf (agents[i], sizeof agents[i], "Agent %c%c %02u", 'A' + i % 26, 'a' + (i * 7) % 26, i);

  if (wide)
    g_string_append (out, "Summation column,Id,Requester,Requester id,Requester external id,Requester email,"
                          "Requester domain,Submitter,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,"
                          "Created at,Updated at,Assigned at,Organization,Due date,Initially assigned at,Solved at,"
                          "Resolution time,Satisfaction Score,Group stations,Assignee stations,Reopens,Replies,"
                          "First reply time in minutes,First reply time in minutes within business hours,"
                          "First resolution time in minutes,First resolution time in minutes within business hours,"
                          "Full resolution time in minutes,Full resolution time in minutes within business hours,"
                          "Agent wait time in minutes,Agent wait time in minutes within business hours,"
                          "Requester wait time in minutes,Requester wait time in minutes within business hours,"
                          "On hold time in minutes,On hold time in minutes within business hours\r\n");
  else
    g_string_append (out, "Id,Subject,Requester,Assignee,Group,Status,Priority,Via,Created at,Assigned at,"
                          "Initially assigned at,Solved at,Satisfaction Score,Reopens,Replies,Assignee stations,"
                          "First reply time in minutes,First reply time in minutes within business hours,"
                          "Full resolution time in minutes,Full resolution time in minutes within business hours,"
                          "Resolution time\r\n");

  for (guint i = 0; i < rows; i++)
    {
      gint64 created = start + (gint64) ((double) i / rows * span) + g_rand_int_range (rand, 0, 600);
      const char *subject = subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (subjects))];
      const char *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
      gboolean solved = !g_str_equal (status, "Open") && !g_str_equal (status, "Pending");
      int first_reply = 1 + g_rand_int_range (rand, 0, 240);
      int resolution = first_reply + g_rand_int_range (rand, 0, 4000);
      double r = g_rand_double (rand);
      const char *score = r < 0.25 ? "Good" : r < 0.28 ? "Bad" : r < 0.5 ? "Offered" : "Unoffered";

      const char *requester = requesters[g_rand_int_range (rand, 0, G_N_ELEMENTS (requesters))];
      const char *agent = agents[g_rand_int_range (rand, 0, G_N_ELEMENTS (agents))];
      const char *group = groups[g_rand_int_range (rand, 0, G_N_ELEMENTS (groups))];
      const char *priority = priorities[g_rand_int_range (rand, 0, G_N_ELEMENTS (priorities))];
      const char *via = vias[g_rand_int_range (rand, 0, G_N_ELEMENTS (vias))];
      int reopens = g_rand_int_range (rand, 0, 100) < 4 ? 1 : 0;
      int replies = 1 + g_rand_int_range (rand, 0, 6);
      int stations = 1 + g_rand_int_range (rand, 0, 2);
      g_autofree char *quoted = NULL;

      if (strchr (subject, ',') != NULL || strchr (subject, '"') != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (subject, "\"", -1);
          g_autofree char *doubled = g_strjoinv ("\"\"", parts);
          quoted = g_strdup_printf ("\"%s\"", doubled);
        }
      else
        quoted = g_strdup (subject);

      if (wide)
        {
          guint requester_id = 360000000 + g_rand_int_range (rand, 0, 50000);

          g_string_append_printf (out, "1,%u,%s,%u,,customer%u@example.org,example.org,%s,%s,%s,%s,"
                                       "\"billing web_widget vip_%u\",%s,%s,%s,Question,",
                                  1000 + i, requester, requester_id, requester_id, requester, agent, group,
                                  quoted, i % 7, status, priority, via);
          append_time (out, created);                       /* Created at */
          g_string_append_c (out, ',');
          append_time (out, created + (solved ? resolution * 60 : 3600));   /* Updated at */
          g_string_append_c (out, ',');
          append_time (out, created + 60);                  /* Assigned at */
          g_string_append (out, ",Example Org,,");          /* Organization, Due date */
          append_time (out, created + 60);                  /* Initially assigned at */
          g_string_append_c (out, ',');
          if (solved)
            append_time (out, created + resolution * 60);
          if (solved)
            g_string_append_printf (out, ",%d,", resolution / 60);
          else
            g_string_append (out, ",,");
          g_string_append_printf (out, "%s,%d,%d,%d,%d,%d,%d,", solved ? score : "Unoffered", stations, stations,
                                  reopens, replies, first_reply, first_reply / 2);
          if (solved)
            g_string_append_printf (out, "%d,%d,%d,%d,", resolution, resolution / 2, resolution, resolution / 2);
          else
            g_string_append (out, ",,,,");
          g_string_append_printf (out, "%d,%d,%d,%d,0,0\r\n", resolution / 3, resolution / 6,
                                  resolution / 2, resolution / 4);
        }
      else
        {
          g_string_append_printf (out, "%u,%s,%s,%s,%s,%s,%s,%s,", 1000 + i, quoted, requester, agent, group,
                                  status, priority, via);
          append_time (out, created);
          g_string_append_c (out, ',');
          append_time (out, created + 60);
          g_string_append_c (out, ',');
          append_time (out, created + 60);
          g_string_append_c (out, ',');
          if (solved)
            append_time (out, created + resolution * 60);
          g_string_append_printf (out, ",%s,%d,%d,%d,", solved ? score : "Unoffered", reopens, replies, stations);
          g_string_append_printf (out, "%d,%d,", first_reply, first_reply / 2);
          if (solved)
            g_string_append_printf (out, "%d,%d,%d\r\n", resolution, resolution / 2, resolution / 60);
          else
            g_string_append (out, ",,\r\n");
        }

      if (out->len > (1 << 20) - 1024)
        {
          fwrite (out->str, 1, out->len, file);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, file);
  return fclose (file) == 0;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Processor time (user and system) of this process, or of its children
 * that were waited for. */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* Generates the file, imports it both ways and prints the figures. */
static gboolean
run (const char  *dir,
     guint        rows,
     gboolean     wide,
     const char  *sqlite3,
     gboolean     keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdStore) store = NULL;
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *csv = g_build_filename (dir, wide ? "zendesk-41-columns.csv" : "zendesk-21-columns.csv", NULL);
  g_autofree char *ours = g_build_filename (dir, "quarterdeck.db", NULL);
  g_autofree char *theirs = g_build_filename (dir, "sqlite3-import.db", NULL);
  g_autofree char *command_out = NULL;
  g_autofree char *command_err = NULL;
  double t_generate, t_ours, t_sqlite = -1;
  double cpu_ours, cpu_sqlite = -1;
  GStatBuf st;
  gint64 start;
  int status;

  remove_database (ours);
  remove_database (theirs);

  start = g_get_monotonic_time ();
  if (!generate (csv, rows, wide, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  t_generate = seconds_since (start);
  g_stat (csv, &st);
  printf ("\n%s: %u tickets, %d columns, %.1f MB (generated in %.2f s)\n",
          wide ? "Zendesk export, all standard columns" : "Zendesk export, only the columns Quarterdeck reads",
          rows, wide ? 41 : 21, st.st_size / 1e6, t_generate);
  fflush (stdout);

  /* Warm the page cache for both, so neither pays for the first read. */
  {
    g_autofree char *contents = NULL;
    g_file_get_contents (csv, &contents, NULL, NULL);
  }

  store = qd_store_open (ours, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  file = g_file_new_for_path (csv);
  cpu_ours = cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  summary = qd_import_tickets (store, file, QD_PRESET_ZENDESK, NULL, 0, "Europe/Madrid",
                               NULL, NULL, NULL, &error);
  t_ours = seconds_since (start);
  cpu_ours = cpu_seconds (RUSAGE_SELF) - cpu_ours;
  if (summary == NULL)
    {
      g_printerr ("Import failed: %s\n", error->message);
      return FALSE;
    }
  printf ("  quarterdeck import-tickets (time zones, checks, 4 indexes, roll-ups): %.2f s, "
          "processor %.2f s (%u imported, %u skipped; %.0f rows/s)\n",
          t_ours, cpu_ours, summary->imported, summary->skipped, rows / t_ours);
  fflush (stdout);
  g_clear_object (&store);

  {
    g_autofree char *dot = g_strdup_printf (".import '%s' t", csv);
    const char *command[] = { sqlite3, "-csv", theirs, dot, NULL };

    cpu_sqlite = cpu_seconds (RUSAGE_CHILDREN);
    start = g_get_monotonic_time ();
    if (!g_spawn_sync (NULL, (char **) command, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                       &command_out, &command_err, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      printf ("  sqlite3 -csv fresh.db \".import FILE t\": not run (%s)\n", error->message);
    else
      {
        t_sqlite = seconds_since (start);
        cpu_sqlite = cpu_seconds (RUSAGE_CHILDREN) - cpu_sqlite;
        printf ("  sqlite3 -csv fresh.db \".import FILE t\": %.2f s, processor %.2f s\n", t_sqlite, cpu_sqlite);
      }
  }

  if (t_sqlite > 0)
    printf ("  ratio: %.2f wall, %.2f processor (goal: at most 1.5)\n",
            t_ours / t_sqlite, cpu_sqlite > 0 ? cpu_ours / cpu_sqlite : 0.0);
  fflush (stdout);

  if (!keep)
    {
      g_unlink (csv);
      remove_database (ours);
      remove_database (theirs);
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *sqlite3 = "sqlite3";
  const char *keep = NULL;
  const char *generate_only = NULL;
  gboolean narrow = TRUE;
  gboolean wide = TRUE;
  guint rows = DEFAULT_ROWS;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--rows") && i + 1 < argc)
        rows = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--sqlite3") && i + 1 < argc)
        sqlite3 = argv[++i];
      else if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
        keep = argv[++i];
      else if (g_str_equal (argv[i], "--generate") && i + 1 < argc)
        generate_only = argv[++i];
      else if (g_str_equal (argv[i], "--wide-only"))
        narrow = FALSE;
      else if (g_str_equal (argv[i], "--narrow-only"))
        wide = FALSE;
      else
        {
          g_printerr ("Usage: %s [--rows N] [--sqlite3 PATH] [--keep DIR] [--wide-only|--narrow-only]\n"
                      "       %s --generate FILE [--rows N] [--narrow-only]\n", argv[0], argv[0]);
          return 2;
        }
    }

  if (generate_only != NULL)
    {
      if (!generate (generate_only, rows, wide, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }

  if (keep != NULL)
    {
      g_mkdir_with_parents (keep, 0700);
      dir = g_strdup (keep);
    }
  else
    {
      dir = g_dir_make_tmp ("qd-bench-import-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  printf ("Ticket import into a fresh database, against the sqlite3 shell loading the same file\n");
  if ((wide && !run (dir, rows, TRUE, sqlite3, keep != NULL)) ||
      (narrow && !run (dir, rows, FALSE, sqlite3, keep != NULL)))
    return 1;

  if (keep == NULL)
    g_rmdir (dir);
  return 0;
}
