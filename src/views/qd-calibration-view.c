/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-calibration-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-calibration-view.h"
#include "qd-chart-view.h"
#include "qd-charts.h"
#include "qd-nine-box.h"

/* The calibration meeting of one review cycle: how each manager's
 * ratings spread over the top, middle and bottom bands against the
 * cycle's target (editable here), the 9-box grid where people are moved,
 * the performer tiers with the action each calls for, and the button
 * that locks the ratings. Everything comes from qd_reviews_get_calibration()
 * and every change goes through QdReviews; the view follows ::changed. */

struct _QdCalibrationView
{
  GtkWidget          parent_instance;

  QdReviews         *reviews;
  gint64             cycle_id;
  QdCalibration     *calibration;
  char              *cycle_name;
  guint              refresh_id;
  gboolean           updating;
  AdwToast          *toast;             /* weak: the one shown */

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  AdwStatusPage     *error_page;
  GtkLabel          *title_label;
  GtkLabel          *summary_label;
  GtkLabel          *move_status_label;
  GtkButton         *lock_button;
  GtkLabel          *distribution_description;
  AdwExpanderRow    *targets_row;
  GtkFlowBox        *charts_box;
  GtkImage          *targets_warning;
  GtkSpinButton     *top_spin;
  GtkSpinButton     *middle_spin;
  GtkSpinButton     *bottom_spin;
  GtkDrawingArea    *top_chart;
  GtkDrawingArea    *middle_chart;
  GtkDrawingArea    *bottom_chart;
  GtkListBox        *distribution_list;
  QdNineBox         *nine_box;
  GtkListBox        *tiers_list;
};

G_DEFINE_FINAL_TYPE (QdCalibrationView, qd_calibration_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_REVIEWS,
  PROP_CYCLE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const QdTier tiers[] = { QD_TIER_TOP, QD_TIER_MIDDLE, QD_TIER_BOTTOM };

/* ---- helpers ---- */

static void
show_toast (QdCalibrationView *self,
            const char        *text)
{
  /* Toast titles are markup in libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  /* The latest move is what matters: do not queue behind the last one. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  adw_toast_set_timeout (toast, 8);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
format_percent (double value)
{
  if (isnan (value))
    return g_strdup ("–");
  /* Translators: a share in percent, e.g. "86 %" */
  return g_strdup_printf (_("%.0f %%"), value);
}

static GtkWidget *
make_icon (const char *icon_name,
           const char *css_class)
{
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (icon, css_class);
  return icon;
}

/* Every entry of the grid and the unplaced, in one array (borrowed). */
static GPtrArray *
all_entries (const QdCalibration *calibration)
{
  GPtrArray *entries = g_ptr_array_new ();

  for (guint p = 0; p < 3; p++)
    for (guint q = 0; q < 3; q++)
      for (guint i = 0; i < calibration->boxes[p][q]->len; i++)
        g_ptr_array_add (entries, g_ptr_array_index (calibration->boxes[p][q], i));
  for (guint i = 0; i < calibration->unplaced->len; i++)
    g_ptr_array_add (entries, g_ptr_array_index (calibration->unplaced, i));
  return entries;
}

static int
compare_entries_by_name (gconstpointer a,
                         gconstpointer b)
{
  const QdNineBoxEntry *ea = *(QdNineBoxEntry * const *) a;
  const QdNineBoxEntry *eb = *(QdNineBoxEntry * const *) b;

  return g_utf8_collate (ea->member_name, eb->member_name);
}

static const QdNineBoxEntry *
find_entry (const QdCalibration *calibration,
            gint64               review_id)
{
  g_autoptr(GPtrArray) entries = NULL;

  if (calibration == NULL)
    return NULL;
  entries = all_entries (calibration);
  for (guint i = 0; i < entries->len; i++)
    {
      const QdNineBoxEntry *entry = g_ptr_array_index (entries, i);
      if (entry->review_id == review_id)
        return entry;
    }
  return NULL;
}

/* ---- distribution ---- */

/* "Chloé Martin: 86 % top · 14 % middle · 0 % bottom — far from the target" */
static char *
describe_group (const QdCalibrationGroup *group)
{
  g_autofree char *top = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *bottom = NULL;
  g_autofree char *spread = NULL;

  if (group->n_rated == 0)
    /* Translators: a manager's distribution when nobody is rated yet */
    return g_strdup_printf (_("%s: no ratings yet"), group->reviewer_name);

  top = format_percent (group->percents[QD_TIER_TOP]);
  middle = format_percent (group->percents[QD_TIER_MIDDLE]);
  bottom = format_percent (group->percents[QD_TIER_BOTTOM]);
  /* Translators: "Chloé Martin: 86 % top · 14 % middle · 0 % bottom" */
  spread = g_strdup_printf (_("%s: %s top · %s middle · %s bottom"), group->reviewer_name, top, middle, bottom);

  if (group->far)
    return g_strdup_printf (_("%s — far from the target"), spread);
  if (group->n_rated < QD_CALIBRATION_MIN_REVIEWS)
    return g_strdup_printf (_("%s — too few ratings to judge"), spread);
  return g_strdup_printf (_("%s — close to the target"), spread);
}

static GtkWidget *
make_group_row (const QdCalibrationGroup *group,
                gboolean                  whole_cycle)
{
  g_autofree char *title = describe_group (group);
  g_autofree char *rated = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  const char *icon_name;
  const char *css_class;

  rated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u review rated", "%u of %u reviews rated",
                                        group->n_reviews),
                           group->n_rated, group->n_reviews);
  if (group->far)
    {
      subtitle = g_strdup_printf ("%s · %s", rated, group->note);
      icon_name = "dialog-warning-symbolic";
      css_class = "warning";
    }
  else if (group->n_rated == 0)
    {
      subtitle = g_steal_pointer (&rated);
      icon_name = "content-loading-symbolic";
      css_class = "dim-label";
    }
  else if (group->n_rated < QD_CALIBRATION_MIN_REVIEWS)
    {
      /* Translators: after "2 of 2 reviews rated" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s · at least %u rated review is needed to judge",
                                               "%s · at least %u rated reviews are needed to judge",
                                               QD_CALIBRATION_MIN_REVIEWS),
                                  rated, QD_CALIBRATION_MIN_REVIEWS);
      icon_name = "dialog-information-symbolic";
      css_class = "dim-label";
    }
  else
    {
      subtitle = g_steal_pointer (&rated);
      icon_name = "emblem-ok-symbolic";
      css_class = "success";
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), make_icon (icon_name, css_class));
  gtk_widget_set_name (row, whole_cycle ? "whole-cycle" : "manager");
  return row;
}

static const char *
chart_title (QdTier tier)
{
  switch (tier)
    {
    case QD_TIER_TOP: return _("Share of top ratings");
    case QD_TIER_MIDDLE: return _("Share of middle ratings");
    case QD_TIER_BOTTOM: return _("Share of bottom ratings");
    default: return "";
    }
}

/* Fills @chart for @tier: the whole cycle, then each manager. @items
 * must hold 1 + managers; the strings stay owned by the calibration. */
static void
fill_chart (const QdCalibration *calibration,
            QdTier               tier,
            QdChartBar          *chart,
            QdChartBarItem      *items)
{
  guint n = 0;

  items[n].label = calibration->whole_cycle->reviewer_name;
  items[n++].value = calibration->whole_cycle->percents[tier];
  for (guint i = 0; i < calibration->managers->len; i++)
    {
      const QdCalibrationGroup *group = g_ptr_array_index (calibration->managers, i);

      items[n].label = group->reviewer_name;
      items[n++].value = group->percents[tier];
    }

  memset (chart, 0, sizeof *chart);
  chart->title = chart_title (tier);
  chart->unit = QD_CHART_UNIT_PERCENT;
  chart->better = QD_CHART_BETTER_NONE;
  chart->orientation = QD_CHART_BAR_HORIZONTAL;
  chart->has_target = TRUE;
  chart->target = calibration->targets[tier];
  chart->items = items;
  chart->n_items = n;
}

static void
chart_draw_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  QdCalibrationView *self = QD_CALIBRATION_VIEW (user_data);
  QdTier tier = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "qd-tier"));
  g_autofree QdChartBarItem *items = NULL;
  QdChartPalette palette;
  QdChartBar chart;

  if (self->calibration == NULL)
    return;

  items = g_new0 (QdChartBarItem, 1 + self->calibration->managers->len);
  fill_chart (self->calibration, tier, &chart, items);
  qd_chart_palette_from_widget (&palette, GTK_WIDGET (area));
  palette.background.alpha = 0;
  qd_chart_bar_draw (cr, &chart, &palette, width, height);
}

static GtkDrawingArea *
chart_for_tier (QdCalibrationView *self,
                QdTier             tier)
{
  switch (tier)
    {
    case QD_TIER_TOP: return self->top_chart;
    case QD_TIER_MIDDLE: return self->middle_chart;
    default: return self->bottom_chart;
    }
}

static void
update_charts (QdCalibrationView *self)
{
  guint n = 1 + self->calibration->managers->len;
  g_autofree QdChartBarItem *items = g_new0 (QdChartBarItem, n);

  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      GtkDrawingArea *area = chart_for_tier (self, tiers[i]);
      g_autofree char *description = NULL;
      QdChartBar chart;

      fill_chart (self->calibration, tiers[i], &chart, items);
      description = qd_chart_bar_describe (&chart);
      /* A title line, a target label and a row per name. */
      gtk_drawing_area_set_content_height (area, 72 + 30 * n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, chart.title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      gtk_widget_queue_draw (GTK_WIDGET (area));
    }
}

static void
update_distribution (QdCalibrationView *self)
{
  g_autofree char *description = NULL;

  /* Translators: the rule for flagging a manager, with its numbers */
  description = g_strdup_printf (_("The share of top, middle and bottom result ratings, for the whole cycle and "
                                   "for each manager, against the target. A manager with at least %u rated "
                                   "reviews is flagged when a share is more than %.0f points away from its target."),
                                 QD_CALIBRATION_MIN_REVIEWS, QD_CALIBRATION_FAR_POINTS);
  gtk_label_set_label (self->distribution_description, description);

  clear_list (self->distribution_list);
  gtk_list_box_append (self->distribution_list, make_group_row (self->calibration->whole_cycle, TRUE));
  for (guint i = 0; i < self->calibration->managers->len; i++)
    gtk_list_box_append (self->distribution_list,
                         make_group_row (g_ptr_array_index (self->calibration->managers, i), FALSE));

  update_charts (self);
}

/* ---- targets ---- */

static int
targets_sum (QdCalibrationView *self)
{
  return gtk_spin_button_get_value_as_int (self->top_spin) +
         gtk_spin_button_get_value_as_int (self->middle_spin) +
         gtk_spin_button_get_value_as_int (self->bottom_spin);
}

static void
update_targets_hint (QdCalibrationView *self)
{
  int sum = targets_sum (self);
  g_autofree char *hint = NULL;

  if (sum == 100)
    /* Translators: the target distribution, "20 % top · 70 % middle · 10 % bottom" */
    hint = g_strdup_printf (_("%d %% top · %d %% middle · %d %% bottom"),
                            gtk_spin_button_get_value_as_int (self->top_spin),
                            gtk_spin_button_get_value_as_int (self->middle_spin),
                            gtk_spin_button_get_value_as_int (self->bottom_spin));
  else
    /* Translators: the target distribution being edited does not add up */
    hint = g_strdup_printf (_("Top, middle and bottom add up to %d %%: the target is saved once they add up to 100 %%."),
                            sum);
  adw_expander_row_set_subtitle (self->targets_row, hint);
  if (sum != 100)
    adw_expander_row_set_expanded (self->targets_row, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->targets_warning), sum != 100);
}

static void
show_targets (QdCalibrationView *self,
              gboolean           editable)
{
  self->updating = TRUE;
  gtk_spin_button_set_value (self->top_spin, round (self->calibration->targets[QD_TIER_TOP]));
  gtk_spin_button_set_value (self->middle_spin, round (self->calibration->targets[QD_TIER_MIDDLE]));
  gtk_spin_button_set_value (self->bottom_spin, round (self->calibration->targets[QD_TIER_BOTTOM]));
  self->updating = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->top_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->middle_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bottom_spin), editable);
  update_targets_hint (self);
}

static void
target_spin_value_changed_cb (QdCalibrationView *self,
                              GtkSpinButton     *spin)
{
  g_autoptr(GError) error = NULL;
  double top, middle, bottom;

  if (self->updating || self->calibration == NULL)
    return;

  update_targets_hint (self);
  if (targets_sum (self) != 100)
    return;

  top = gtk_spin_button_get_value_as_int (self->top_spin);
  middle = gtk_spin_button_get_value_as_int (self->middle_spin);
  bottom = gtk_spin_button_get_value_as_int (self->bottom_spin);
  if (top == self->calibration->targets[QD_TIER_TOP] &&
      middle == self->calibration->targets[QD_TIER_MIDDLE] &&
      bottom == self->calibration->targets[QD_TIER_BOTTOM])
    return;

  if (!qd_reviews_set_target_distribution (self->reviews, self->cycle_id, top, middle, bottom, &error))
    {
      show_toast (self, error->message);
      show_targets (self, gtk_widget_get_sensitive (GTK_WIDGET (self->top_spin)));
    }
}

/* ---- tiers ---- */

static void
update_tiers (QdCalibrationView *self)
{
  g_autoptr(GPtrArray) entries = all_entries (self->calibration);
  g_autoptr(GPtrArray) unrated = g_ptr_array_new ();

  g_ptr_array_sort (entries, compare_entries_by_name);
  clear_list (self->tiers_list);

  for (guint t = 0; t < G_N_ELEMENTS (tiers); t++)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *title = NULL;
      g_autofree char *count = NULL;
      g_autofree char *share = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label;
      guint n = 0;

      for (guint i = 0; i < entries->len; i++)
        {
          const QdNineBoxEntry *entry = g_ptr_array_index (entries, i);

          if (isnan (entry->rating))
            {
              if (t == 0)
                g_ptr_array_add (unrated, (gpointer) entry);
              continue;
            }
          if (entry->performance != tiers[t])
            continue;
          if (n++ > 0)
            g_string_append (names, ", ");
          g_string_append (names, entry->member_name);
        }

      /* Translators: a performer tier and the action it calls for, "Top · Recognise" */
      title = g_strdup_printf (_("%s · %s"), qd_review_tier_to_label (tiers[t]), qd_review_tier_to_action (tiers[t]));
      share = format_percent (self->calibration->whole_cycle->percents[tiers[t]]);
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person · %s", "%u people · %s", n), n, share);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), n > 0 ? names->str : _("Nobody"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      label = gtk_label_new (count);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_widget_set_name (row, qd_review_tier_to_label (tiers[t]));
      gtk_list_box_append (self->tiers_list, row);
    }

  if (unrated->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      for (guint i = 0; i < unrated->len; i++)
        {
          const QdNineBoxEntry *entry = g_ptr_array_index (unrated, i);
          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, entry->member_name);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No rating yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), names->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->tiers_list, row);
    }
}

/* ---- the whole view ---- */

/* Reviews whose rating has not been calibrated yet (members who have
 * left do not hold up the lock, so they are not counted). */
static GHashTable *
find_unconfirmed (QdCalibrationView *self,
                  guint             *n_counted)
{
  g_autoptr(GPtrArray) entries = all_entries (self->calibration);
  GHashTable *unconfirmed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  *n_counted = 0;
  for (guint i = 0; i < entries->len; i++)
    {
      const QdNineBoxEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(QdReview) review = qd_reviews_load_review (self->reviews, entry->review_id, NULL);

      if (review == NULL || qd_review_get_member_left (review))
        continue;
      (*n_counted)++;
      if (qd_review_get_status (review) < QD_REVIEW_STATUS_CALIBRATED)
        g_hash_table_add (unconfirmed, g_memdup2 (&entry->review_id, sizeof entry->review_id));
    }
  return unconfirmed;
}

static void
show_error (QdCalibrationView *self,
            const char        *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  qd_nine_box_set_calibration (self->nine_box, NULL, NULL);
}

static void
refresh (QdCalibrationView *self)
{
  g_autoptr(QdReviewCycle) cycle = NULL;
  g_autoptr(GHashTable) unconfirmed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *reason = NULL;
  QdCycleStatus status;
  gboolean locked;
  guint n_counted = 0;
  guint n_confirmed;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->calibration, qd_calibration_free);
  g_clear_pointer (&self->cycle_name, g_free);

  if (self->reviews == NULL || self->cycle_id <= 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      qd_nine_box_set_calibration (self->nine_box, NULL, NULL);
      return;
    }

  cycle = qd_reviews_load_cycle (self->reviews, self->cycle_id, &error);
  if (cycle != NULL)
    self->calibration = qd_reviews_get_calibration (self->reviews, self->cycle_id, &error);
  if (self->calibration == NULL)
    {
      show_error (self, error->message);
      return;
    }

  self->cycle_name = g_strdup (qd_review_cycle_get_name (cycle));
  status = qd_review_cycle_get_status (cycle);
  locked = self->calibration->ratings_locked;
  unconfirmed = find_unconfirmed (self, &n_counted);
  n_confirmed = n_counted - g_hash_table_size (unconfirmed);

  /* Translators: the heading of the calibration view, "Calibration of 2026 Q2" */
  title = g_strdup_printf (_("Calibration of %s"), self->cycle_name);
  gtk_label_set_label (self->title_label, title);

  if (locked)
    /* Translators: "Closed · ratings locked" */
    summary = g_strdup_printf (_("%s · ratings locked"), qd_review_cycle_get_status_label (cycle));
  else if (status == QD_CYCLE_STATUS_CALIBRATING && n_confirmed < n_counted)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s · %u of %u review calibrated. Move or confirm the others (marked with a clock) before locking the ratings.",
                                            "%s · %u of %u reviews calibrated. Move or confirm the others (marked with a clock) before locking the ratings.",
                                            n_counted),
                               qd_review_cycle_get_status_label (cycle), n_confirmed, n_counted);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u of %u review calibrated",
                                            "%s · %u of %u reviews calibrated", n_counted),
                               qd_review_cycle_get_status_label (cycle), n_confirmed, n_counted);
  gtk_label_set_label (self->summary_label, summary);

  gtk_widget_set_sensitive (GTK_WIDGET (self->lock_button), status == QD_CYCLE_STATUS_CALIBRATING && !locked);

  if (locked)
    reason = g_strdup (_("The ratings are locked: they are final, so nobody can be moved in the grid any more."));
  else if (status != QD_CYCLE_STATUS_CALIBRATING)
    reason = g_strdup_printf (_("%s is not in calibration yet: people can be moved once calibration starts."),
                              self->cycle_name);
  qd_nine_box_set_read_only (self->nine_box, reason != NULL, reason);
  qd_nine_box_set_calibration (self->nine_box, self->calibration, unconfirmed);

  show_targets (self, !locked && status != QD_CYCLE_STATUS_CLOSED);
  update_distribution (self);
  update_tiers (self);

  gtk_stack_set_visible_child_name (self->stack, "calibration");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  QdCalibrationView *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
reviews_changed_cb (QdCalibrationView *self)
{
  /* After the current event: a drop or a menu item must not see its
   * own widget go away under it. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/* ---- moving people ---- */

static void
set_move_status (QdCalibrationView *self,
                 const char        *text)
{
  /* Always shown (empty at first), so the page does not jump when the
   * first move is reported. */
  gtk_label_set_label (self->move_status_label, text != NULL ? text : "");
}

static void
nine_box_move_requested_cb (QdCalibrationView *self,
                            gint64             review_id,
                            guint              performance,
                            guint              potential,
                            QdNineBox         *nine_box)
{
  const QdNineBoxEntry *entry = find_entry (self->calibration, review_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (entry != NULL ? entry->member_name : "");
  g_autofree char *box = qd_nine_box_describe_box (performance, potential);
  g_autofree char *text = NULL;
  gboolean same = entry != NULL && !isnan (entry->rating) &&
                  entry->performance == performance && entry->potential == potential;

  if (self->reviews == NULL)
    return;

  if (!qd_reviews_move_in_nine_box (self->reviews, review_id, performance, potential, &error))
    {
      /* Translators: "Could not move Ana Ruiz: <reason>" */
      text = g_strdup_printf (_("Could not move %s: %s"), name, error->message);
      set_move_status (self, text);
      show_toast (self, error->message);
      return;
    }

  if (same)
    /* Translators: "Ana Ruiz: rating confirmed in High performance · High potential — Future leaders." */
    text = g_strdup_printf (_("%s: rating confirmed in %s."), name, box);
  else
    /* Translators: "Ana Ruiz moved to High performance · High potential — Future leaders." */
    text = g_strdup_printf (_("%s moved to %s."), name, box);
  /* GTK 4.8 cannot announce to screen readers; the line under the
   * heading says it, the toast shows it, and the focus stays on the
   * person, whose description names their new box. */
  set_move_status (self, text);
  show_toast (self, text);
}

/* ---- locking ---- */

static void
lock_dialog_response_cb (QdCalibrationView *self,
                         const char        *response,
                         AdwMessageDialog  *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "lock") != 0 || self->reviews == NULL)
    return;

  if (!qd_reviews_lock_ratings (self->reviews, self->cycle_id, &error))
    {
      set_move_status (self, error->message);
      show_toast (self, error->message);
      return;
    }
  /* Translators: "Ratings of 2026 Q2 locked" */
  text = g_strdup_printf (_("Ratings of %s locked"), self->cycle_name != NULL ? self->cycle_name : "");
  set_move_status (self, text);
  show_toast (self, text);
}

static void
lock_button_clicked_cb (QdCalibrationView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->calibration == NULL)
    return;

  heading = g_strdup_printf (_("Lock the Ratings of %s?"), self->cycle_name);
  body = g_strdup_printf (_("Once locked, the ratings, calibrated ratings and potential of %s can no longer change, "
                            "nobody can be moved in the 9-box grid, and the cycle cannot be reopened. "
                            "Each review keeps its goal progress as it is now. This cannot be undone."),
                          self->cycle_name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "lock", _("_Lock Ratings"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "lock", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (lock_dialog_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ---- */

static void
qd_calibration_view_dispose (GObject *object)
{
  QdCalibrationView *self = (QdCalibrationView *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_weak_pointer (&self->toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_CALIBRATION_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->reviews != NULL)
    g_signal_handlers_disconnect_by_data (self->reviews, self);
  g_clear_object (&self->reviews);

  G_OBJECT_CLASS (qd_calibration_view_parent_class)->dispose (object);
}

static void
qd_calibration_view_finalize (GObject *object)
{
  QdCalibrationView *self = (QdCalibrationView *) object;

  g_clear_pointer (&self->calibration, qd_calibration_free);
  g_clear_pointer (&self->cycle_name, g_free);

  G_OBJECT_CLASS (qd_calibration_view_parent_class)->finalize (object);
}

static void
qd_calibration_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  QdCalibrationView *self = QD_CALIBRATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_REVIEWS:
      g_value_set_object (value, self->reviews);
      break;
    case PROP_CYCLE_ID:
      g_value_set_int64 (value, self->cycle_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_calibration_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  QdCalibrationView *self = QD_CALIBRATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_REVIEWS:
      qd_calibration_view_set_reviews (self, g_value_get_object (value));
      break;
    case PROP_CYCLE_ID:
      qd_calibration_view_set_cycle (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_calibration_view_class_init (QdCalibrationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_calibration_view_dispose;
  object_class->finalize = qd_calibration_view_finalize;
  object_class->get_property = qd_calibration_view_get_property;
  object_class->set_property = qd_calibration_view_set_property;

  properties[PROP_REVIEWS] =
    g_param_spec_object ("reviews", NULL, NULL, QD_TYPE_REVIEWS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CYCLE_ID] =
    g_param_spec_int64 ("cycle-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QD_TYPE_NINE_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-calibration-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, stack);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, error_page);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, title_label);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, move_status_label);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, lock_button);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, distribution_description);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, targets_row);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, targets_warning);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, charts_box);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, top_spin);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, middle_spin);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, bottom_spin);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, top_chart);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, middle_chart);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, bottom_chart);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, distribution_list);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, nine_box);
  gtk_widget_class_bind_template_child (widget_class, QdCalibrationView, tiers_list);
  gtk_widget_class_bind_template_callback (widget_class, target_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lock_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, nine_box_move_requested_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qd_calibration_view_init (QdCalibrationView *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      GtkDrawingArea *area = chart_for_tier (self, tiers[i]);

      g_object_set_data (G_OBJECT (area), "qd-tier", GUINT_TO_POINTER (tiers[i]));
      gtk_drawing_area_set_draw_func (area, chart_draw_cb, self, NULL);
      gtk_widget_set_size_request (GTK_WIDGET (area), 260, -1);
      /* The flow box only wraps the charts on narrow windows; its
       * children are not stops of their own for the keyboard. */
      gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (area)), FALSE);
    }
}

/* ---- public API ---- */

GtkWidget *
qd_calibration_view_new (void)
{
  return g_object_new (QD_TYPE_CALIBRATION_VIEW, NULL);
}

void
qd_calibration_view_set_reviews (QdCalibrationView *self,
                                 QdReviews         *reviews)
{
  g_return_if_fail (QD_IS_CALIBRATION_VIEW (self));
  g_return_if_fail (reviews == NULL || QD_IS_REVIEWS (reviews));

  if (self->reviews == reviews)
    return;

  if (self->reviews != NULL)
    g_signal_handlers_disconnect_by_data (self->reviews, self);
  g_set_object (&self->reviews, reviews);
  if (reviews != NULL)
    g_signal_connect_object (reviews, "changed", G_CALLBACK (reviews_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWS]);
}

QdReviews *
qd_calibration_view_get_reviews (QdCalibrationView *self)
{
  g_return_val_if_fail (QD_IS_CALIBRATION_VIEW (self), NULL);

  return self->reviews;
}

void
qd_calibration_view_set_cycle (QdCalibrationView *self,
                               gint64             cycle_id)
{
  g_return_if_fail (QD_IS_CALIBRATION_VIEW (self));

  if (self->cycle_id == cycle_id)
    return;

  self->cycle_id = cycle_id;
  set_move_status (self, NULL);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE_ID]);
}

gint64
qd_calibration_view_get_cycle (QdCalibrationView *self)
{
  g_return_val_if_fail (QD_IS_CALIBRATION_VIEW (self), 0);

  return self->cycle_id;
}

/**
 * qd_calibration_view_set_lock_visible:
 *
 * Hides the view's own "Lock Ratings…" button, for a page that offers
 * the same step in its header.
 */
void
qd_calibration_view_set_lock_visible (QdCalibrationView *self,
                                      gboolean           visible)
{
  g_return_if_fail (QD_IS_CALIBRATION_VIEW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->lock_button), visible);
}
