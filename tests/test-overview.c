/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UI tests of the KPI overview page and its two dialogs, under Xvfb with
 * GTK_A11Y=test, on a real database filled with tickets whose numbers
 * are worked out by hand below. They check what a head of support would
 * read on the tiles and the tiers, and what the dialogs leave in the
 * database. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-kpis.h"
#include "qd-manual-values-dialog.h"
#include "qd-overview-page.h"
#include "qd-store-metrics.h"
#include "qd-targets-dialog.h"

/* A Wednesday: the latest complete week is 9–15 Nov 2026, the one before
 * 2–8 Nov; the latest complete month is October. */
#define TODAY "2026-11-18"

/* Six active agents. Each has ten rated tickets solved on Tuesday 10 Nov
 * and ten on Tuesday 3 Nov, of which this many were "satisfied" (the rest
 * "unsatisfied"):
 *
 *                 latest week   week before   90 days
 *   Ana Ruiz          10            10        20/20 = 100 %   top
 *   Ben Okafor         9            10        19/20 =  95 %   middle
 *   Chen Li            9             9        18/20 =  90 %   middle
 *   Dara Walsh         8             9        17/20 =  85 %   middle
 *   Eli Novak          8             8        16/20 =  80 %   middle
 *   Fay Moreau         6             6        12/20 =  60 %   bottom
 *
 * CSAT of the latest week: 50/60 = 83.3 %, of the week before 52/60 =
 * 86.7 %: 3.3 points down, below the 95 % target. With six people the
 * top and bottom tiers are one each ((6 + 2) / 5).
 *
 * First reply times: agent i (0–5) replies in 30 + 10 i minutes in the
 * latest week and 40 + 10 i in the week before, ten tickets each. The
 * medians of the 60 tickets are (50 + 60) / 2 = 55 min and (60 + 70) / 2
 * = 65 min: 10 min quicker, and on the 60 min target. */
static const struct
{
  const char *name;
  const char *team;
  guint       satisfied_latest;
  guint       satisfied_before;
} agents[] = {
  { "Ana Ruiz", "Tier 1", 10, 10 },
  { "Ben Okafor", "Tier 1", 9, 10 },
  { "Chen Li", "Tier 1", 9, 9 },
  { "Dara Walsh", "Tier 2", 8, 9 },
  { "Eli Novak", "Tier 2", 8, 8 },
  { "Fay Moreau", "Tier 2", 6, 6 },
};

typedef struct
{
  char           *dir;
  char           *db_path;
  QdStore        *store;
  QdKpis         *kpis;
  GtkWindow      *window;
  QdOverviewPage *page;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* ---- the database ---- */

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
db_int (Fixture    *fixture,
        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -2 : sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static double
db_double (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double value = NAN;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
insert_ticket (sqlite3    *db,
               gint64      agent_id,
               guint       serial,
               const char *day,
               double      first_reply,
               const char *csat)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT INTO tickets (source, external_id, agent_id, status, created_at, "
                         "created_day, solved_at, solved_day, first_reply_minutes, "
                         "resolution_minutes, csat, imported_at) VALUES ('csv', 'T%u', %" G_GINT64_FORMAT
                         ", 'solved', '%sT09:00:00Z', '%s', '%sT15:00:00Z', '%s', %g, 360, '%s', "
                         "'2026-11-17T08:00:00Z')",
                         serial, agent_id, day, day, day, day, first_reply, csat);
  exec_sql (db, sql);
}

static void
fill_tickets (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  guint serial = 0;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  exec_sql (db, "PRAGMA foreign_keys = ON; BEGIN");
  exec_sql (db, "INSERT INTO teams (id, name) VALUES (1, 'Tier 1'), (2, 'Tier 2')");
  exec_sql (db, "INSERT INTO members (id, name, level, team_id) VALUES (100, 'Gil Lead', 'team-lead', 1)");
  for (guint i = 0; i < G_N_ELEMENTS (agents); i++)
    {
      g_autofree char *sql = NULL;
      gint64 member_id = i + 1;
      gint64 agent_id = i + 1;

      sql = g_strdup_printf ("INSERT INTO members (id, name, level, team_id, reports_to) "
                             "VALUES (%" G_GINT64_FORMAT ", '%s', 'agent', %d, 100);"
                             "INSERT INTO helpdesk_agents (id, source, name, member_id) "
                             "VALUES (%" G_GINT64_FORMAT ", 'csv', '%s', %" G_GINT64_FORMAT ")",
                             member_id, agents[i].name, g_str_equal (agents[i].team, "Tier 1") ? 1 : 2,
                             agent_id, agents[i].name, member_id);
      exec_sql (db, sql);

      for (guint t = 0; t < 10; t++)
        {
          insert_ticket (db, agent_id, ++serial, "2026-11-10", 30 + 10 * i,
                         t < agents[i].satisfied_latest ? "satisfied" : "unsatisfied");
          insert_ticket (db, agent_id, ++serial, "2026-11-03", 40 + 10 * i,
                         t < agents[i].satisfied_before ? "satisfied" : "unsatisfied");
        }
    }
  exec_sql (db, "COMMIT");
  sqlite3_close (db);

  g_assert_true (qd_kpis_recompute (fixture->kpis, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* ---- the widgets ---- */

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text of the widget called @name inside @root (a label, or the
 * first label inside it). */
static const char *
text_of (GtkWidget  *root,
         const char *name)
{
  GtkWidget *widget = find_widget (root, GTK_TYPE_WIDGET, name);

  g_assert_nonnull (widget);
  if (!GTK_IS_LABEL (widget))
    widget = find_widget (widget, GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget));
  return gtk_label_get_label (GTK_LABEL (widget));
}

static GtkWidget *
find_tile (Fixture    *fixture,
           const char *key)
{
  GtkWidget *tile = find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_FLOW_BOX_CHILD, key);

  g_assert_nonnull (tile);
  g_assert_true (gtk_widget_get_mapped (tile));
  return tile;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The names in a tier list, joined with ", ". */
static char *
tier_names (Fixture    *fixture,
            const char *list_name)
{
  GObject *list = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), QD_TYPE_OVERVIEW_PAGE, list_name);
  GString *names = g_string_new (NULL);

  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!ADW_IS_ACTION_ROW (row))
        {
          /* the placeholder */
          if (GTK_IS_LABEL (row) && gtk_widget_get_mapped (row))
            g_string_append_printf (names, "%s(%s)", names->len > 0 ? ", " : "",
                                    gtk_label_get_label (GTK_LABEL (row)));
          continue;
        }
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
  return g_string_free (names, FALSE);
}

/* Types @text into a spin button and leaves it, as a user would. */
static void
type_into (GtkWidget  *spin,
           const char *text)
{
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  gtk_widget_grab_focus (spin);
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  /* Enter, in the spin button's text field */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate");
  iterate (50);
}

/* ---- fixture ---- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("qd-overview-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "team.db", NULL);
  fixture->store = qd_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->kpis = qd_kpis_new (fixture->store);
}

static void
open_page (Fixture *fixture)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->page = g_object_new (QD_TYPE_OVERVIEW_PAGE, NULL);
  qd_overview_page_set_today (fixture->page, TODAY);
  qd_overview_page_set_kpis (fixture->page, fixture->kpis);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 1100, 900);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, overlay);
  gtk_window_present (fixture->window);
  iterate (300);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (fixture->window);
      iterate (50);
      g_assert_finalize_object (fixture->window);
    }
  g_assert_finalize_object (fixture->kpis);
  g_assert_finalize_object (fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
close_dialog (GtkWindow *dialog)
{
  g_object_ref (dialog);
  gtk_window_close (dialog);
  iterate (100);
  g_assert_finalize_object (dialog);
}

/* ---- tests ---- */

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *status;
  GtkWidget *button;

  open_page (fixture);

  status = find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Support Numbers Yet");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                            "Zendesk, Freshdesk or Help Scout"));

  button = find_widget (status, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Import Helpdesk Export…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.import-tickets");
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));

  /* No tile is on screen. */
  {
    GtkWidget *tile = find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_FLOW_BOX_CHILD, "csat");

    g_assert_true (tile == NULL || !gtk_widget_get_mapped (tile));
  }
}

static void
test_tiles (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *tile;
  GtkWidget *status;
  GObject *stack;
  GObject *monthly;

  fill_tickets (fixture);
  open_page (fixture);

  stack = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), QD_TYPE_OVERVIEW_PAGE, "content_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "overview");

  tile = find_tile (fixture, "csat");
  g_assert_cmpstr (text_of (tile, "name"), ==, "CSAT");
  g_assert_cmpstr (text_of (tile, "value"), ==, "83.3 %");
  g_assert_cmpstr (text_of (tile, "status"), ==, "Below target");
  g_assert_cmpstr (text_of (tile, "target"), ==, "Target 95 %");
  g_assert_cmpstr (text_of (tile, "change"), ==, "▼ 3.3 points since the week before");
  g_assert_cmpstr (text_of (tile, "judgement"), ==, "Worse");
  /* Not by colour alone: an icon goes with the words. */
  status = find_widget (tile, GTK_TYPE_WIDGET, "status");
  g_assert_nonnull (find_widget (status, GTK_TYPE_IMAGE, NULL));
  g_assert_nonnull (find_widget (tile, GTK_TYPE_DRAWING_AREA, "sparkline"));

  tile = find_tile (fixture, "first-reply");
  g_assert_cmpstr (text_of (tile, "value"), ==, "55 min");
  g_assert_cmpstr (text_of (tile, "status"), ==, "On target");
  g_assert_cmpstr (text_of (tile, "change"), ==, "▼ 10 min since the week before");
  g_assert_cmpstr (text_of (tile, "judgement"), ==, "Better");

  /* Nobody typed in QA scores. */
  tile = find_tile (fixture, "qa-score");
  g_assert_cmpstr (text_of (tile, "status"), ==, "No data for this period");

  /* October has no tickets. */
  monthly = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), QD_TYPE_OVERVIEW_PAGE, "monthly_button");
  g_assert_true (gtk_widget_activate (GTK_WIDGET (monthly)));   /* like Space on it */
  iterate (400);
  g_assert_cmpint (qd_overview_page_get_period (fixture->page), ==, QD_PERIOD_MONTH);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                                  QD_TYPE_OVERVIEW_PAGE,
                                                                                  "period_label"))),
                   ==, "October 2026");
  tile = find_tile (fixture, "csat");
  g_assert_cmpstr (text_of (tile, "value"), ==, "—");
  g_assert_cmpstr (text_of (tile, "status"), ==, "No data for this period");
}

static void
test_tiers (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *top = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *bottom = NULL;
  GObject *dropdown;

  fill_tickets (fixture);
  open_page (fixture);

  dropdown = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), QD_TYPE_OVERVIEW_PAGE,
                                            "tiers_metric_dropdown");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown))),
                   ==, "CSAT");

  top = tier_names (fixture, "top_list");
  middle = tier_names (fixture, "middle_list");
  bottom = tier_names (fixture, "bottom_list");
  g_assert_cmpstr (top, ==, "Ana Ruiz");
  g_assert_cmpstr (middle, ==, "Ben Okafor, Chen Li, Dara Walsh, Eli Novak");
  g_assert_cmpstr (bottom, ==, "Fay Moreau");

  /* The value and team show with the name. */
  {
    GObject *list = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), QD_TYPE_OVERVIEW_PAGE, "bottom_list");
    GtkWidget *row = find_row (GTK_WIDGET (list), "Fay Moreau");

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Tier 2");
    g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, NULL));
    g_assert_nonnull (find_row (row, "Fay Moreau"));
  }

  /* Nobody has QA scores: every tier says "Nobody". */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)), i);

      if (g_str_equal (gtk_string_object_get_string (item), "QA score"))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
    }
  iterate (50);
  g_clear_pointer (&top, g_free);
  top = tier_names (fixture, "top_list");
  g_assert_cmpstr (top, ==, "(Nobody)");
}

static void
test_targets_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *row;
  GtkWidget *spin;
  GtkWidget *toggle;

  fill_tickets (fixture);
  open_page (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "overview.edit-targets", NULL));
  iterate (100);
  dialog = find_toplevel (QD_TYPE_TARGETS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == fixture->window);

  /* CSAT: 95 % → 80 %, saved as typed, and the tile follows. */
  row = find_row (GTK_WIDGET (dialog), "CSAT");
  g_assert_nonnull (row);
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 95);
  type_into (spin, "80");
  g_assert_cmpfloat (db_double (fixture, "SELECT target FROM metrics WHERE key = 'csat'"), ==, 80);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  iterate (100);
  g_assert_cmpstr (text_of (find_tile (fixture, "csat"), "status"), ==, "On target");

  /* Resolution time is shown in hours and stored in minutes. */
  row = find_row (GTK_WIDGET (dialog), "Median full resolution time");
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 24);
  type_into (spin, "8,5");
  g_assert_cmpfloat (db_double (fixture, "SELECT target FROM metrics WHERE key = 'resolution'"), ==, 510);

  /* What is not a number is refused, said on the row, and not saved. */
  type_into (spin, "soon");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpfloat (db_double (fixture, "SELECT target FROM metrics WHERE key = 'resolution'"), ==, 510);
  type_into (spin, "9");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpfloat (db_double (fixture, "SELECT target FROM metrics WHERE key = 'resolution'"), ==, 540);

  /* Switching a target off clears it; the tile then has none. */
  row = find_row (GTK_WIDGET (dialog), "Reopen rate");
  toggle = find_widget (row, GTK_TYPE_SWITCH, NULL);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_cmpint (db_int (fixture, "SELECT target FROM metrics WHERE key = 'reopen-rate'"), ==, -2);
  g_assert_false (gtk_widget_get_sensitive (find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL)));

  /* Tickets solved has no target; switching one on saves the field's value. */
  row = find_row (GTK_WIDGET (dialog), "Tickets solved");
  toggle = find_widget (row, GTK_TYPE_SWITCH, NULL);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  type_into (find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL), "150");
  g_assert_cmpint (db_int (fixture, "SELECT target FROM metrics WHERE key = 'tickets-solved'"), ==, 150);

  close_dialog (dialog);
}

static void
test_manual_values_dialog (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *row;
  GtkWidget *spin;
  GtkWidget *month_row = NULL;
  GListModel *months;
  g_autoptr(GtkStringObject) month = NULL;

  fill_tickets (fixture);
  open_page (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "overview.enter-manual-values", NULL));
  iterate (100);
  dialog = find_toplevel (QD_TYPE_MANUAL_VALUES_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));

  /* Twelve months, newest first, the month just finished chosen. */
  month_row = find_row (GTK_WIDGET (dialog), "_Month");
  g_assert_nonnull (month_row);
  months = adw_combo_row_get_model (ADW_COMBO_ROW (month_row));
  g_assert_cmpuint (g_list_model_get_n_items (months), ==, 12);
  month = g_list_model_get_item (months, 0);
  g_assert_cmpstr (gtk_string_object_get_string (month), ==, "November 2026");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (month_row)), ==, 1);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (month_row))),
                   ==, "October 2026");

  /* One row per active agent; the team lead has none. */
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "Fay Moreau"));
  g_assert_null (find_row (GTK_WIDGET (dialog), "Gil Lead"));

  /* An empty field, then a score typed in with a decimal comma. */
  row = find_row (GTK_WIDGET (dialog), "Ana Ruiz");
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  type_into (spin, "87,5");
  g_assert_cmpfloat (db_double (fixture,
                                "SELECT value FROM manual_values WHERE metric = 'qa-score' AND member_id = 1 "
                                "AND period = 'month' AND period_start = '2026-10-01'"), ==, 87.5);

  /* 0 in an empty field is a score too, not nothing. */
  row = find_row (GTK_WIDGET (dialog), "Fay Moreau");
  type_into (find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL), "0");
  g_assert_cmpfloat (db_double (fixture,
                                "SELECT value FROM manual_values WHERE member_id = 6 "
                                "AND period_start = '2026-10-01'"), ==, 0);

  /* The up arrow on an empty field: 1, shown and stored. */
  row = find_row (GTK_WIDGET (dialog), "Chen Li");
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_spin_button_spin (GTK_SPIN_BUTTON (spin), GTK_SPIN_STEP_FORWARD, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "1.0");
  g_assert_cmpfloat (db_double (fixture, "SELECT value FROM manual_values WHERE member_id = 3"), ==, 1);
  type_into (spin, "");
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM manual_values WHERE member_id = 3"), ==, 0);

  /* Out of range: refused, nothing stored. */
  row = find_row (GTK_WIDGET (dialog), "Ben Okafor");
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  type_into (spin, "120");
  g_assert_true (gtk_widget_has_css_class (spin, "error"));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM manual_values WHERE member_id = 2"), ==, 0);

  /* Another month shows its own (no) scores, and back again. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (month_row), 2);
  iterate (50);
  row = find_row (GTK_WIDGET (dialog), "Ana Ruiz");
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (month_row), 1);
  iterate (50);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 87.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "87.5");

  /* Emptying a field removes the score. */
  type_into (spin, "");
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM manual_values WHERE member_id = 1"), ==, 0);
  type_into (spin, "92");

  close_dialog (dialog);

  /* The monthly QA tile shows October's mean: (92 + 0) / 2. */
  qd_overview_page_set_period (fixture->page, QD_PERIOD_MONTH);
  iterate (100);
  g_assert_cmpstr (text_of (find_tile (fixture, "qa-score"), "value"), ==, "46.0 %");
  g_assert_cmpstr (text_of (find_tile (fixture, "qa-score"), "status"), ==, "Below target");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/overview/empty-state", test_empty_state);
  ADD ("/overview/tiles", test_tiles);
  ADD ("/overview/tiers", test_tiers);
  ADD ("/overview/targets-dialog", test_targets_dialog);
  ADD ("/overview/manual-values-dialog", test_manual_values_dialog);

  return g_test_run ();
}
