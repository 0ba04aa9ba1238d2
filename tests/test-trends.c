/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UI tests of the Trends page, under Xvfb with GTK_A11Y=test: the page in
 * a window on a real database whose roll-ups are written directly, so
 * every number on screen is known. They work the controls as a user
 * would and check what the chart says (its accessible description), the
 * numbers in the data table and the error a wrong date gets. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-chart-view.h"
#include "qd-kpi-chart.h"
#include "qd-kpis.h"
#include "qd-roster.h"
#include "qd-trends-page.h"

/* A Sunday: "Last 13 weeks" is Monday 2 February to Sunday 3 May 2026,
 * "Last 12 months" June 2025 to May 2026. */
#define TODAY "2026-05-03"
#define FIRST_WEEK "2026-02-02"

/* Organisation CSAT per week; the fifth week (2 March) has no value. */
static const double org_csat[13] = { 88, 89, 90, 91, NAN, 92, 93, 91, 90, 92, 94, 93, 92 };
static const double tier1_csat[13] = { 80, 81, 82, 80, 83, 84, 82, 83, 85, 84, 86, 85, 84 };
static const double ana_csat[13] = { 71, 72, 74, 73, 75, 76, 75, 77, 78, 77, 79, 80, 79 };
static const double bo_csat[13] = { 84, 85, 86, 85, 87, 88, 86, 87, 89, 88, 90, 89, 88 };
/* Median first reply, minutes. */
static const double org_first_reply[13] = { 75, 70, 68, 66, 64, 62, 60, 58, 57, 55, 52, 50, 45 };
/* Organisation CSAT per month, February to May 2026. */
static const double org_csat_months[4] = { 90, 91, 92, 93 };

static const char *extra_people[] = {
  "Dee Park", "Eli Novak", "Fay Moreau", "Gus Lind", "Hana Sato", "Ivo Petrov", "Jo Marsh",
};

typedef struct
{
  char         *dir;
  char         *db_path;
  QdStore      *store;
  QdKpis       *kpis;
  QdRoster     *roster;
  GtkWindow    *window;
  QdTrendsPage *page;
  gint64        ana;
  gint64        bo;
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

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                   QD_TYPE_TRENDS_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static GtkWidget *
find_label (GtkWidget  *root,
            GType       type,
            const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *label = NULL;

      if (GTK_IS_LABEL (root))
        label = gtk_label_get_label (GTK_LABEL (root));
      else if (GTK_IS_CHECK_BUTTON (root))
        label = gtk_check_button_get_label (GTK_CHECK_BUTTON (root));
      if (g_strcmp0 (label, text) == 0)
        return root;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, type, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_action (GtkWidget  *root,
             const char *action)
{
  if (GTK_IS_ACTIONABLE (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_action (c, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The texts of the labels under @root, in the order they are laid out. */
static void
collect_labels (GtkWidget *root,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_ptr_array_add (texts, (char *) gtk_label_get_label (GTK_LABEL (root)));

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, texts);
}

static const char *
description (Fixture *fixture)
{
  const char *text = qd_chart_view_get_description (child (fixture, "chart_view"));

  g_test_message ("chart: %s", text);
  return text;
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (child (fixture, "content_stack"));
}

static void
insert_value (sqlite3    *db,
              const char *metric,
              const char *scope,
              gint64      scope_id,
              const char *period,
              const char *period_start,
              double      value)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT OR REPLACE INTO metric_values (metric, scope, scope_id, "
                                       "period, period_start, value, sample_size) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 20)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, metric, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, scope, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, scope_id);
  sqlite3_bind_text (stmt, 4, period, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, period_start, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 6, value);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
insert_weeks (sqlite3      *db,
              const char   *metric,
              const char   *scope,
              gint64        scope_id,
              const double *values)
{
  GDate date;

  g_assert_true (qd_kpi_parse_day (FIRST_WEEK, &date, NULL));
  for (guint i = 0; i < 13; i++)
    {
      g_autofree char *day = qd_kpi_format_day (&date);

      if (!isnan (values[i]))
        insert_value (db, metric, scope, scope_id, "week", day, values[i]);
      g_date_add_days (&date, 7);
    }
}

static gint64
add_member (QdRoster   *roster,
            const char *name,
            const char *team)
{
  g_autoptr(QdMember) member = qd_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  qd_member_set_name (member, name);
  qd_member_set_team (member, team);
  id = qd_roster_add_member (roster, member, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 tier1 = 0;
  GtkWidget *overlay;

  fixture->dir = g_dir_make_tmp ("qd-trends-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "team.db", NULL);
  fixture->store = qd_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->roster = qd_roster_new (fixture->store);
  fixture->kpis = qd_kpis_new (fixture->store);

  fixture->ana = add_member (fixture->roster, "Ana Ruiz", "Tier 1");
  fixture->bo = add_member (fixture->roster, "Bo Chen", "Tier 1");
  for (guint i = 0; i < G_N_ELEMENTS (extra_people); i++)
    add_member (fixture->roster, extra_people[i], i % 2 ? "Tier 1" : "Tier 2");

  /* The roll-ups, written directly through a second connection. */
  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM teams WHERE name = 'Tier 1'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  tier1 = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  insert_weeks (db, "csat", "org", 0, org_csat);
  insert_weeks (db, "csat", "team", tier1, tier1_csat);
  insert_weeks (db, "csat", "member", fixture->ana, ana_csat);
  insert_weeks (db, "csat", "member", fixture->bo, bo_csat);
  insert_weeks (db, "first-reply", "org", 0, org_first_reply);
  for (guint i = 0; i < G_N_ELEMENTS (org_csat_months); i++)
    {
      g_autofree char *month = g_strdup_printf ("2026-%02u-01", i + 2);
      insert_value (db, "csat", "org", 0, "month", month, org_csat_months[i]);
    }
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  fixture->page = g_object_new (QD_TYPE_TRENDS_PAGE, NULL);
  qd_trends_page_set_today (fixture->page, TODAY);
  qd_trends_page_set_roster (fixture->page, fixture->roster);
  qd_trends_page_set_kpis (fixture->page, fixture->kpis);

  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 1200, 900);
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
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_remove (file);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  iterate (50);
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->kpis);
  g_assert_finalize_object (fixture->roster);
  g_assert_finalize_object (fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* ---- tests ---- */

static void
test_organisation (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkLabel *readout = child (fixture, "readout_label");
  GtkDropDown *metric = child (fixture, "metric_dropdown");

  /* The first metric, the organisation, the last 13 weeks. */
  g_assert_cmpuint (gtk_drop_down_get_selected (metric), ==, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "chart");
  g_assert_nonnull (strstr (description (fixture), "CSAT for the organisation, weekly, 2 Feb"));
  g_assert_nonnull (strstr (description (fixture), "rose from 88.0 % to 92.0 %"));
  g_assert_nonnull (strstr (description (fixture), "target 95 %"));
  g_assert_cmpstr (gtk_label_get_label (readout), ==, "Point at the chart to read exact values");

  /* Another metric. */
  gtk_drop_down_set_selected (metric, 1);
  iterate (50);
  g_assert_nonnull (strstr (description (fixture), "Median first reply time for the organisation"));
  g_assert_nonnull (strstr (description (fixture), "fell from 1 h 15 min to 45 min (better)"));
  g_assert_nonnull (strstr (description (fixture), "target 1 h"));
}

static void
test_team_and_month (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkDropDown *scope = child (fixture, "scope_dropdown");
  GtkDropDown *period = child (fixture, "period_dropdown");
  GtkStringList *scopes = child (fixture, "scope_model");

  /* Organisation, the two teams, Agents. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scopes)), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (scopes, 1), ==, "Tier 1");
  gtk_drop_down_set_selected (scope, 1);
  iterate (50);
  g_assert_nonnull (strstr (description (fixture), "CSAT for Tier 1"));
  g_assert_nonnull (strstr (description (fixture), "rose from 80.0 % to 84.0 %"));

  gtk_drop_down_set_selected (scope, 0);
  gtk_drop_down_set_selected (period, 1);
  iterate (50);
  g_assert_nonnull (strstr (description (fixture), "monthly, Feb – May 2026"));
  g_assert_nonnull (strstr (description (fixture), "rose from 90.0 % to 93.0 %"));
}

static void
test_agents (Fixture       *fixture,
             gconstpointer  data)
{
  GtkDropDown *scope = child (fixture, "scope_dropdown");
  GtkMenuButton *button = child (fixture, "agents_button");
  GtkPopover *popover = child (fixture, "agents_popover");
  GtkWidget *check;
  guint n_checked = 0;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
  gtk_drop_down_set_selected (scope, 3);
  iterate (300);

  /* Nobody chosen yet: the page asks, and the list pops up. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpstr (visible_page (fixture), ==, "no-agents");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  check = find_label (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, "Ana Ruiz");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  iterate (50);
  g_assert_cmpstr (visible_page (fixture), ==, "chart");
  g_assert_nonnull (strstr (description (fixture), "CSAT for Ana Ruiz"));
  g_assert_nonnull (strstr (description (fixture), "rose from 71.0 % to 79.0 %"));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Ana Ruiz");

  check = find_label (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, "Bo Chen");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  iterate (50);
  g_assert_nonnull (strstr (description (fixture), "CSAT by agent"));
  g_assert_nonnull (strstr (description (fixture), "Ana Ruiz rose from 71.0 % to 79.0 %"));
  g_assert_nonnull (strstr (description (fixture), "Bo Chen rose from 84.0 % to 88.0 %"));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "2 Agents");

  /* At most 8: once 8 are chosen, the others cannot be. */
  for (guint i = 0; i < G_N_ELEMENTS (extra_people); i++)
    {
      check = find_label (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, extra_people[i]);
      g_assert_nonnull (check);
      if (i < 6)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          iterate (20);
        }
    }
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "8 Agents");
  check = find_label (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, extra_people[6]);
  g_assert_false (gtk_widget_get_sensitive (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_nonnull (find_label (GTK_WIDGET (popover), GTK_TYPE_LABEL,
                                "That is 8 people, the most one chart can compare."));
  n_checked = 0;
  for (guint i = 0; i < G_N_ELEMENTS (extra_people); i++)
    n_checked += gtk_check_button_get_active (GTK_CHECK_BUTTON (find_label (GTK_WIDGET (popover),
                                                                           GTK_TYPE_CHECK_BUTTON,
                                                                           extra_people[i])));
  g_assert_cmpuint (n_checked, ==, 6);

  /* Unticking one frees a place. */
  check = find_label (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, "Bo Chen");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  iterate (20);
  check = find_label (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, extra_people[6]);
  g_assert_true (gtk_widget_get_sensitive (check));
  g_assert_null (strstr (description (fixture), "Bo Chen"));

  gtk_popover_popdown (popover);
  iterate (50);

  /* Choosing from elsewhere (e.g. the Team page) shows the same. */
  {
    gint64 ids[] = { fixture->bo, fixture->ana };

    g_assert_true (qd_trends_page_set_agents (fixture->page, ids, 2));
    iterate (50);
    g_assert_nonnull (strstr (description (fixture), "Bo Chen rose from 84.0 % to 88.0 % (better), last value below target; Ana Ruiz"));
  }
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  GtkToggleButton *toggle = child (fixture, "table_button");
  GtkColumnView *table = child (fixture, "table_view");
  GListModel *columns = gtk_column_view_get_columns (table);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GtkColumnViewColumn) value_column = NULL;
  GDate week;
  guint at = 0;

  gtk_toggle_button_set_active (toggle, TRUE);
  iterate (200);
  g_assert_cmpstr (visible_page (fixture), ==, "table");
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 2);
  value_column = g_list_model_get_item (columns, 1);
  g_assert_cmpstr (gtk_column_view_column_get_title (value_column), ==, "Organisation");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, 13);

  /* Row by row, the period and the value, as the roll-ups have them. */
  collect_labels (GTK_WIDGET (table), texts);
  g_assert_true (qd_kpi_parse_day (FIRST_WEEK, &week, NULL));
  for (guint i = 0; i < 13; i++)
    {
      g_autofree char *value = qd_metric_format_value (QD_METRIC_UNIT_PERCENT, org_csat[i]);
      g_autofree char *period = g_strdup_printf ("Week of %u %s 2026", g_date_get_day (&week),
                                                 g_date_get_month (&week) == 2 ? "Feb"
                                                 : g_date_get_month (&week) == 3 ? "Mar"
                                                 : g_date_get_month (&week) == 4 ? "Apr" : "May");
      gboolean found = FALSE;

      if (isnan (org_csat[i]))
        g_assert_cmpstr (value, ==, "—");

      for (; at + 1 < texts->len && !found; at++)
        found = g_strcmp0 (g_ptr_array_index (texts, at), period) == 0
                && g_strcmp0 (g_ptr_array_index (texts, at + 1), value) == 0;
      if (!found)
        g_error ("row %u: “%s” then “%s” not found in the table", i, period, value);
      g_date_add_days (&week, 7);
    }

  /* Two agents: one column each. */
  {
    gint64 ids[] = { fixture->ana, fixture->bo };

    qd_trends_page_set_agents (fixture->page, ids, 2);
    iterate (200);
    g_assert_cmpstr (visible_page (fixture), ==, "table");
    g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 3);
    g_ptr_array_set_size (texts, 0);
    collect_labels (GTK_WIDGET (table), texts);
    for (guint i = 0; i + 2 < texts->len; i++)
      if (g_strcmp0 (g_ptr_array_index (texts, i), "Week of 27 Apr 2026") == 0)
        {
          g_assert_cmpstr (g_ptr_array_index (texts, i + 1), ==, "79.0 %");
          g_assert_cmpstr (g_ptr_array_index (texts, i + 2), ==, "88.0 %");
          at = G_MAXUINT;
        }
    g_assert_cmpuint (at, ==, G_MAXUINT);
  }

  gtk_toggle_button_set_active (toggle, FALSE);
  iterate (50);
  g_assert_cmpstr (visible_page (fixture), ==, "chart");
}

static void
test_custom_range (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkDropDown *range = child (fixture, "range_dropdown");
  GtkEditable *from = child (fixture, "from_entry");
  GtkEditable *to = child (fixture, "to_entry");
  GtkLabel *message = child (fixture, "message_label");
  g_autofree char *before = NULL;

  gtk_drop_down_set_selected (range, 2);
  iterate (50);
  g_assert_true (gtk_widget_get_visible (child (fixture, "custom_box")));
  /* It starts from the range that was shown. */
  g_assert_cmpstr (gtk_editable_get_text (from), ==, "2026-02-02");
  g_assert_cmpstr (gtk_editable_get_text (to), ==, "2026-05-03");
  before = g_strdup (description (fixture));

  /* A date that does not exist is refused, with the reason, and the
   * chart stays as it was. */
  gtk_editable_set_text (from, "2026-02-31");
  iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_label (message), ==, "From: The date “2026-02-31” does not exist.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_cmpstr (description (fixture), ==, before);

  /* Half-typed is not an error yet; leaving it there is. */
  gtk_editable_set_text (from, "2026-03");
  iterate (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  /* Enter, as a user presses it. */
  g_signal_emit_by_name (from, "activate");
  iterate (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_label (message), "YYYY-MM-DD"));

  /* A good range: from the week without a value. */
  gtk_editable_set_text (from, "2026-03-02");
  iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_nonnull (strstr (description (fixture), "2 Mar – 27 Apr 2026: stayed at 92.0 %"));

  /* Backwards. */
  gtk_editable_set_text (to, "2026-01-01");
  iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_label (message), ==, "The first day is after the last day.");

  /* A range without data: the empty state, with the import action. */
  gtk_editable_set_text (from, "2025-01-01");
  gtk_editable_set_text (to, "2025-03-31");
  iterate (50);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  {
    GtkWidget *import = find_action (GTK_WIDGET (fixture->page), "win.import-tickets");

    g_assert_nonnull (import);
    g_assert_true (gtk_widget_get_mapped (import));
    g_assert_false (gtk_widget_get_sensitive (child (fixture, "table_button")));
  }

  /* Back to a preset. */
  gtk_drop_down_set_selected (range, 1);
  iterate (50);
  g_assert_false (gtk_widget_get_visible (child (fixture, "custom_box")));
  g_assert_cmpuint (gtk_drop_down_get_selected (child (fixture, "period_dropdown")), ==, 1);
  g_assert_nonnull (strstr (description (fixture), "monthly"));
}

static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_nonnull (strstr (description (fixture), "rose from 88.0 % to 92.0 %"));

  /* New roll-ups arrive (an import) and the model says so. */
  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  insert_value (db, "csat", "org", 0, "week", "2026-04-27", 96);
  sqlite3_close (db);
  g_signal_emit_by_name (fixture->kpis, "changed");
  iterate (50);
  g_assert_nonnull (strstr (description (fixture), "rose from 88.0 % to 96.0 %"));
  g_assert_nonnull (strstr (description (fixture), "last value above target"));

  /* A target changed elsewhere shows too. */
  g_assert_true (qd_kpis_set_target (fixture->kpis, "csat", TRUE, 97, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (fixture->kpis, "changed");
  iterate (50);
  g_assert_nonnull (strstr (description (fixture), "target 97 %"));

  /* Hidden, then shown again: it reads the data afresh. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  insert_value (db, "csat", "org", 0, "week", "2026-04-27", 97.5);
  sqlite3_close (db);
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);
  iterate (100);
  g_assert_nonnull (strstr (description (fixture), "to 97.5 %"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/trends/organisation", test_organisation);
  ADD ("/trends/team-and-month", test_team_and_month);
  ADD ("/trends/agents", test_agents);
  ADD ("/trends/table", test_table);
  ADD ("/trends/custom-range", test_custom_range);
  ADD ("/trends/refresh", test_refresh);

  return g_test_run ();
}
