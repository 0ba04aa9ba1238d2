/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-reviews-page"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-calibration-view.h"
#include "qd-cycle-dialog.h"
#include "qd-member-list.h"
#include "qd-review-editor.h"
#include "qd-review-list.h"
#include "qd-review-scale.h"
#include "qd-toast.h"
#include "qd-reviews-page.h"
#include "qd-template-dialog.h"

/* The Reviews page: the review cycles, newest first, on the left; the
 * chosen cycle's progress (one row per participant) or its calibration
 * on the right; a review opens in the editor, a page further on. The
 * cycle moves forward with one button whose step QdReviews checks; a
 * step that is not allowed is refused with the model's reason. */

struct _QdReviewsPage
{
  GtkWidget            parent_instance;

  QdReviews           *reviews;
  QdRoster            *roster;
  QdKpis              *kpis;
  char                *today;
  GListStore          *cycles;
  GtkSingleSelection  *cycle_selection;
  QdReviewCycle       *cycle;            /* the one shown, as loaded */
  gint64               cycle_id;
  QdReviewList        *list;             /* shown: searched and filtered */
  QdReviewList        *all;              /* every review of the cycle, for the counts */
  GtkSingleSelection  *selection;
  GArray              *reviewer_ids;     /* of the reviewer drop-down, 0 first */
  GObject             *sort_probe_a;
  GObject             *sort_probe_b;
  int                  sort_probe_hit;
  gboolean             updating;

  /* Template widgets */
  GtkStack            *content_stack;
  AdwLeaflet          *leaflet;
  GtkListView         *cycle_list;
  AdwLeaflet          *detail_leaflet;
  GtkWidget           *cycle_box;
  GtkLabel            *cycle_title;
  GtkLabel            *cycle_status_label;
  GtkLabel            *cycle_subtitle;
  GtkLabel            *deadlines_label;
  GtkButton           *cycle_step_button;
  AdwViewStack        *cycle_stack;
  GtkLabel            *counts_label;
  GtkWidget           *overdue_count_box;
  GtkLabel            *overdue_count_label;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *reviewer_dropdown;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *reviewer_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *self_column;
  GtkColumnViewColumn *manager_column;
  GtkColumnViewColumn *calibrated_column;
  GtkColumnViewColumn *score_column;
  GtkColumnViewColumn *overdue_column;
  QdCalibrationView   *calibration_view;
  QdReviewEditor      *review_editor;
};

G_DEFINE_FINAL_TYPE (QdReviewsPage, qd_reviews_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REVIEWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_NAME,
  COLUMN_REVIEWER,
  COLUMN_STATUS,
  COLUMN_SELF,
  COLUMN_MANAGER,
  COLUMN_CALIBRATED,
  COLUMN_SCORE,
  COLUMN_OVERDUE,
} Column;

static void show_cycle (QdReviewsPage *self);

/* ---- helpers ---- */

static void
show_toast (QdReviewsPage *self,
            AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

static void
show_error (QdReviewsPage *self,
            const char    *message)
{
  AdwToast *toast = qd_toast_new_text (message);

  /* Before any "done" toast still on screen: this one needs reading. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 6);
  show_toast (self, toast);
}

static char *
today_string (QdReviewsPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today != NULL)
    return g_strdup (self->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static GDateTime *
parse_day (const char *day)
{
  int year, month, mday;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &year, &month, &mday) != 3)
    return NULL;
  return g_date_time_new_utc (year, month, mday, 0, 0, 0);
}

static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) date = parse_day (day);

  if (date == NULL)
    return g_strdup (day != NULL ? day : "");
  /* Translators: a day, see the strftime manual; “%-d %b %Y” gives “3 Nov 2026” */
  return g_date_time_format (date, C_("day format", "%-d %b %Y"));
}

/* "1 Jul – 30 Sep 2026", or with both years when they differ. */
static char *
format_period (const char *start,
               const char *end)
{
  g_autoptr(GDateTime) from = parse_day (start);
  g_autoptr(GDateTime) to = parse_day (end);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (from == NULL || to == NULL)
    return g_strdup_printf ("%s – %s", start, end);
  if (g_date_time_get_year (from) == g_date_time_get_year (to))
    /* Translators: the start of a period within one year, see the strftime manual */
    first = g_date_time_format (from, C_("period start format", "%-d %b"));
  else
    first = format_day (start);
  last = format_day (end);
  return g_strdup_printf ("%s – %s", first, last);
}

static QdReview *
selected_review (QdReviewsPage *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static gboolean
can_remove_participant (QdReviewsPage *self)
{
  return selected_review (self) != NULL && self->cycle != NULL &&
         !qd_review_cycle_get_ratings_locked (self->cycle) &&
         qd_review_cycle_get_status (self->cycle) != QD_CYCLE_STATUS_CLOSED;
}

/* ---- the cycles ---- */

static void
cycle_row_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *period = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (period), 0);
  gtk_widget_add_css_class (period, "caption");
  gtk_widget_add_css_class (period, "dim-label");
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), period);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "status", status);
  g_object_set_data (G_OBJECT (box), "period", period);
  gtk_list_item_set_child (item, box);
}

static void
cycle_row_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  QdReviewCycle *cycle = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *period = format_period (qd_review_cycle_get_period_start (cycle),
                                           qd_review_cycle_get_period_end (cycle));
  g_autofree char *status = NULL;

  if (qd_review_cycle_get_status (cycle) == QD_CYCLE_STATUS_CALIBRATING && qd_review_cycle_get_ratings_locked (cycle))
    /* Translators: a cycle in calibration whose ratings are locked */
    status = g_strdup_printf (_("%s, locked"), qd_review_cycle_get_status_label (cycle));
  else
    status = g_strdup (qd_review_cycle_get_status_label (cycle));

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "name"), qd_review_cycle_get_name (cycle));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "status"), status);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "period"), period);
}

static guint
find_cycle_position (QdReviewsPage *self,
                     gint64         id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cycles));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QdReviewCycle) cycle = g_list_model_get_item (G_LIST_MODEL (self->cycles), i);
      if (qd_review_cycle_get_id (cycle) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The cycle someone most likely wants: the first open or calibrating
 * one, else the newest. */
static guint
default_cycle_position (QdReviewsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cycles));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QdReviewCycle) cycle = g_list_model_get_item (G_LIST_MODEL (self->cycles), i);
      QdCycleStatus status = qd_review_cycle_get_status (cycle);

      if (status == QD_CYCLE_STATUS_OPEN || status == QD_CYCLE_STATUS_CALIBRATING)
        return i;
    }
  return n > 0 ? 0 : GTK_INVALID_LIST_POSITION;
}

static void
reload_cycles (QdReviewsPage *self)
{
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint position;

  if (self->reviews != NULL)
    {
      cycles = qd_reviews_list_cycles (self->reviews, &error);
      if (cycles == NULL)
        show_error (self, error->message);
    }
  for (guint i = 0; cycles != NULL && i < g_list_model_get_n_items (cycles); i++)
    g_ptr_array_add (items, g_list_model_get_item (cycles, i));

  self->updating = TRUE;
  g_list_store_splice (self->cycles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cycles)),
                       items->pdata, items->len);
  position = find_cycle_position (self, self->cycle_id);
  if (position == GTK_INVALID_LIST_POSITION)
    position = default_cycle_position (self);
  gtk_single_selection_set_selected (self->cycle_selection, position);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->content_stack, items->len > 0 ? "cycles" : "empty");
  show_cycle (self);
}

/* ---- the reviews of the cycle ---- */

static void
review_cell_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Enough to read in a narrow window, which then scrolls sideways. */
  if (column == COLUMN_NAME)
    gtk_label_set_width_chars (GTK_LABEL (label), 16);
  else if (column == COLUMN_REVIEWER)
    gtk_label_set_width_chars (GTK_LABEL (label), 12);
  else if (column == COLUMN_MANAGER)
    gtk_label_set_width_chars (GTK_LABEL (label), 13);

  if (column == COLUMN_NAME)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *team = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (team), 0);
      gtk_label_set_ellipsize (GTK_LABEL (team), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (team, "caption");
      gtk_widget_add_css_class (team, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), team);
      g_object_set_data (G_OBJECT (box), "label", label);
      g_object_set_data (G_OBJECT (box), "detail", team);
      gtk_list_item_set_child (item, box);
    }
  else if (column == COLUMN_OVERDUE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      g_object_set_data (G_OBJECT (box), "label", label);
      g_object_set_data (G_OBJECT (box), "detail", icon);
      gtk_list_item_set_child (item, box);
    }
  else
    {
      if (column == COLUMN_MANAGER || column == COLUMN_CALIBRATED || column == COLUMN_SCORE)
        gtk_widget_add_css_class (label, "numeric");
      g_object_set_data (G_OBJECT (label), "label", label);
      gtk_list_item_set_child (item, label);
    }
}

static char *
rating_text (double rating)
{
  return isnan (rating) ? g_strdup ("–") : qd_review_format_rating (rating);
}

static void
review_cell_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     QdReviewsPage            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  QdReview *review = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkLabel *label = g_object_get_data (G_OBJECT (child), "label");
  GtkWidget *detail = g_object_get_data (G_OBJECT (child), "detail");
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (qd_review_get_member_name (review));
      if (qd_review_get_member_left (review))
        gtk_label_set_label (GTK_LABEL (detail), _("Has left the team"));
      else
        gtk_label_set_label (GTK_LABEL (detail), qd_review_get_member_team (review));
      gtk_widget_set_visible (detail, *gtk_label_get_label (GTK_LABEL (detail)) != '\0');
      break;

    case COLUMN_REVIEWER:
      text = g_strdup (*qd_review_get_reviewer_name (review) != '\0' ? qd_review_get_reviewer_name (review)
                                                                       : _("No reviewer"));
      break;

    case COLUMN_STATUS:
      text = g_strdup (qd_review_get_status_label (review));
      break;

    case COLUMN_SELF:
      if (*qd_review_get_self_submitted_at (review) != '\0')
        text = g_strdup (C_("self review", "Submitted"));
      else if (qd_review_get_status (review) >= QD_REVIEW_STATUS_MANAGER_REVIEW)
        text = g_strdup (C_("self review", "Skipped"));
      else if (qd_review_get_status (review) == QD_REVIEW_STATUS_SELF_REVIEW)
        text = g_strdup (C_("self review", "In progress"));
      else
        text = g_strdup (C_("self review", "Not started"));
      break;

    case COLUMN_MANAGER:
      {
        double overall = qd_review_get_overall_rating (review);
        g_autofree char *rating = rating_text (overall);

        if (qd_review_get_manager_submitted (review))
          /* Translators: the manager's overall rating, submitted */
          text = g_strdup_printf (_("%s · submitted"), rating);
        else if (!isnan (overall))
          /* Translators: the manager's overall rating, not submitted yet */
          text = g_strdup_printf (_("%s · draft"), rating);
        else
          text = g_strdup ("–");
      }
      break;

    case COLUMN_CALIBRATED:
      text = rating_text (qd_review_get_calibrated_rating (review));
      break;

    case COLUMN_SCORE:
      {
        QdReviewScore score;

        if (self->reviews != NULL && qd_reviews_get_score (self->reviews, qd_review_get_id (review), &score, NULL))
          {
            text = rating_text (score.final);
            tooltip = qd_review_describe_score (&score);
          }
        else
          text = g_strdup ("–");
      }
      break;

    case COLUMN_OVERDUE:
      {
        g_autofree char *today = today_string (self);
        QdReviewOverdue overdue = qd_review_get_overdue (review, today);
        g_autoptr(GPtrArray) parts = g_ptr_array_new ();

        if (overdue & QD_REVIEW_OVERDUE_SELF)
          g_ptr_array_add (parts, (gpointer) C_("overdue", "self review"));
        if (overdue & QD_REVIEW_OVERDUE_MANAGER)
          g_ptr_array_add (parts, (gpointer) C_("overdue", "manager review"));
        if (overdue & QD_REVIEW_OVERDUE_CALIBRATION)
          g_ptr_array_add (parts, (gpointer) C_("overdue", "calibration"));
        g_ptr_array_add (parts, NULL);
        if (overdue != QD_REVIEW_OVERDUE_NONE)
          {
            g_autofree char *joined = g_strjoinv (", ", (char **) parts->pdata);
            /* Translators: %s lists what is late, e.g. “self review, manager review” */
            text = g_strdup_printf (_("Overdue: %s"), joined);
          }
        else
          text = g_strdup ("");
        gtk_widget_set_visible (detail, overdue != QD_REVIEW_OVERDUE_NONE);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (child, tooltip);
}

static void
set_column_factory (QdReviewsPage       *self,
                    GtkColumnViewColumn *column,
                    Column               kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (review_cell_setup_cb), GINT_TO_POINTER (kind));
  g_signal_connect_object (factory, "bind", G_CALLBACK (review_cell_bind_cb), self, 0);
  gtk_column_view_column_set_factory (column, factory);
}

/* GTK 4.8 cannot tell which column a column view is sorted by; as on the
 * Team page, each column's sorter notes when it is asked first, and the
 * rows themselves are sorted by SQL in QdReviewList. */
static int
column_sort_cb (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  QdReviewsPage *self = g_object_get_data (G_OBJECT (a), "qd-reviews-page");

  if (self != NULL && self->sort_probe_hit < 0)
    self->sort_probe_hit = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
view_sorter_changed_cb (QdReviewsPage   *self,
                        GtkSorterChange  change,
                        GtkSorter       *sorter)
{
  GtkOrdering order;

  if (self->list == NULL)
    return;

  self->sort_probe_hit = -1;
  order = gtk_sorter_compare (sorter, self->sort_probe_a, self->sort_probe_b);
  if (self->sort_probe_hit < 0)
    qd_review_list_set_sort (self->list, QD_REVIEW_SORT_NAME, FALSE);
  else
    qd_review_list_set_sort (self->list, self->sort_probe_hit, order == GTK_ORDERING_LARGER);
}

static void
set_column_sorter (GtkColumnViewColumn *column,
                   QdReviewSort         sort)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (column_sort_cb, GINT_TO_POINTER (sort), NULL);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

/* ---- the cycle's header, counts and filters ---- */

static void
update_step_button (QdReviewsPage *self)
{
  const char *label = NULL;
  const char *action = NULL;

  if (self->cycle != NULL)
    switch (qd_review_cycle_get_status (self->cycle))
      {
      case QD_CYCLE_STATUS_PLANNED:
        label = _("_Open Cycle…");
        action = "reviews.open-cycle";
        break;
      case QD_CYCLE_STATUS_OPEN:
        label = _("Start _Calibration");
        action = "reviews.start-calibration";
        break;
      case QD_CYCLE_STATUS_CALIBRATING:
        if (!qd_review_cycle_get_ratings_locked (self->cycle))
          {
            label = _("_Lock Ratings…");
            action = "reviews.lock-ratings";
          }
        else
          {
            label = _("_Close Cycle…");
            action = "reviews.close-cycle";
          }
        break;
      case QD_CYCLE_STATUS_CLOSED:
      default:
        break;
      }

  gtk_widget_set_visible (GTK_WIDGET (self->cycle_step_button), label != NULL);
  if (label != NULL)
    {
      gtk_button_set_label (self->cycle_step_button, label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cycle_step_button), action);
    }
}

static void
update_header (QdReviewsPage *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) deadlines = g_string_new (NULL);
  g_autofree char *period = NULL;
  g_autofree char *status = NULL;
  const char *dues[3];
  guint n;

  if (self->cycle == NULL)
    return;

  gtk_label_set_label (self->cycle_title, qd_review_cycle_get_name (self->cycle));
  if (qd_review_cycle_get_status (self->cycle) == QD_CYCLE_STATUS_CALIBRATING &&
      qd_review_cycle_get_ratings_locked (self->cycle))
    status = g_strdup_printf (_("%s, locked"), qd_review_cycle_get_status_label (self->cycle));
  else
    status = g_strdup (qd_review_cycle_get_status_label (self->cycle));
  gtk_label_set_label (self->cycle_status_label, status);

  period = format_period (qd_review_cycle_get_period_start (self->cycle), qd_review_cycle_get_period_end (self->cycle));
  g_string_append (subtitle, period);
  n = qd_review_cycle_get_n_participants (self->cycle);
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);
  if (*qd_review_cycle_get_template_name (self->cycle) != '\0')
    {
      g_string_append (subtitle, " · ");
      /* Translators: %s is the name of a review template */
      g_string_append_printf (subtitle, qd_review_cycle_get_is_frozen (self->cycle) ? _("Template “%s”, frozen")
                                                                                   : _("Template “%s”"),
                              qd_review_cycle_get_template_name (self->cycle));
    }
  gtk_label_set_label (self->cycle_subtitle, subtitle->str);

  dues[0] = qd_review_cycle_get_self_due (self->cycle);
  dues[1] = qd_review_cycle_get_manager_due (self->cycle);
  dues[2] = qd_review_cycle_get_calibration_due (self->cycle);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *day = NULL;

      if (dues[i] == NULL || *dues[i] == '\0')
        continue;
      day = format_day (dues[i]);
      if (deadlines->len > 0)
        g_string_append (deadlines, " · ");
      /* Translators: %s is a day */
      if (i == 0)
        g_string_append_printf (deadlines, _("Self reviews due %s"), day);
      else if (i == 1)
        g_string_append_printf (deadlines, _("Manager reviews due %s"), day);
      else
        g_string_append_printf (deadlines, _("Calibration due %s"), day);
    }
  if (deadlines->len == 0)
    g_string_append (deadlines, _("No deadlines"));
  gtk_label_set_label (self->deadlines_label, deadlines->str);

  update_step_button (self);
}

static void
update_counts (QdReviewsPage *self)
{
  g_autofree char *today = today_string (self);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0, n_left = 0, self_done = 0, manager_done = 0, calibrated = 0, shared = 0, overdue = 0;
  guint total;
  QdCycleStatus status;

  if (self->cycle == NULL || self->all == NULL)
    return;

  total = g_list_model_get_n_items (G_LIST_MODEL (self->all));
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(QdReview) review = g_list_model_get_item (G_LIST_MODEL (self->all), i);

      if (qd_review_get_member_left (review))
        {
          n_left++;
          continue;
        }
      n++;
      if (*qd_review_get_self_submitted_at (review) != '\0')
        self_done++;
      if (qd_review_get_manager_submitted (review))
        manager_done++;
      if (qd_review_get_status (review) >= QD_REVIEW_STATUS_CALIBRATED)
        calibrated++;
      if (qd_review_get_status (review) == QD_REVIEW_STATUS_SHARED)
        shared++;
      if (qd_review_get_overdue (review, today) != QD_REVIEW_OVERDUE_NONE)
        overdue++;
    }

  status = qd_review_cycle_get_status (self->cycle);
  switch (status)
    {
    case QD_CYCLE_STATUS_PLANNED:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u person will take part",
                                                 "%u people will take part", n),
                              n);
      g_string_append (text, " · ");
      g_string_append (text, _("Reviews start when the cycle opens"));
      break;
    case QD_CYCLE_STATUS_OPEN:
      /* Translators: progress of a cycle, e.g. “20 of 33 self reviews submitted” */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u self review submitted",
                                                 "%u of %u self reviews submitted", n),
                              self_done, n);
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u manager review submitted",
                                                 "%u of %u manager reviews submitted", n),
                              manager_done, n);
      break;
    case QD_CYCLE_STATUS_CALIBRATING:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u manager review submitted",
                                                 "%u of %u manager reviews submitted", n),
                              manager_done, n);
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u calibrated", "%u of %u calibrated", n),
                              calibrated, n);
      if (shared > 0)
        {
          g_string_append (text, " · ");
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u shared", "%u shared", shared), shared);
        }
      break;
    case QD_CYCLE_STATUS_CLOSED:
    default:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u review shared",
                                                 "%u of %u reviews shared", n),
                              shared, n);
      break;
    }
  if (n_left > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u who left is not counted",
                                                 "%u who left are not counted", n_left),
                              n_left);
    }
  gtk_label_set_label (self->counts_label, text->str);

  if (overdue > 0)
    {
      g_autofree char *overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                                                    overdue),
                                                       overdue);
      gtk_label_set_label (self->overdue_count_label, overdue_text);
    }
  gtk_widget_set_visible (self->overdue_count_box, overdue > 0);
}

/* The reviewer drop-down: everyone's, then each reviewer of the cycle by
 * name; keeps the one chosen when it is still there. */
static void
update_reviewers (QdReviewsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GList) ids = NULL;
  gint64 chosen = self->list != NULL ? qd_review_list_get_reviewer_id (self->list) : 0;
  guint selected = 0;
  guint total;

  g_array_set_size (self->reviewer_ids, 0);
  {
    gint64 everyone = 0;
    g_array_append_val (self->reviewer_ids, everyone);
    gtk_string_list_append (names, _("All reviewers"));
  }

  total = self->all != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->all)) : 0;
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(QdReview) review = g_list_model_get_item (G_LIST_MODEL (self->all), i);
      gint64 id = qd_review_get_reviewer_id (review);

      if (id > 0 && !g_hash_table_contains (seen, &id))
        g_hash_table_insert (seen, g_memdup2 (&id, sizeof id), g_strdup (qd_review_get_reviewer_name (review)));
    }

  {
    GHashTableIter iter;
    gpointer key, value;
    g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_ptr_array_add (sorted, key);
    /* by name */
    for (guint i = 1; i < sorted->len; i++)
      for (guint j = i; j > 0; j--)
        {
          const char *a = g_hash_table_lookup (seen, g_ptr_array_index (sorted, j - 1));
          const char *b = g_hash_table_lookup (seen, g_ptr_array_index (sorted, j));
          if (g_utf8_collate (a, b) <= 0)
            break;
          {
            gpointer tmp = sorted->pdata[j - 1];
            sorted->pdata[j - 1] = sorted->pdata[j];
            sorted->pdata[j] = tmp;
          }
        }
    for (guint i = 0; i < sorted->len; i++)
      {
        gint64 id = *(gint64 *) g_ptr_array_index (sorted, i);
        g_array_append_val (self->reviewer_ids, id);
        gtk_string_list_append (names, g_hash_table_lookup (seen, &id));
        if (id == chosen)
          selected = self->reviewer_ids->len - 1;
      }
  }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->reviewer_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->reviewer_dropdown, selected);
  self->updating = FALSE;
  if (selected == 0 && chosen != 0 && self->list != NULL)
    qd_review_list_set_reviewer_id (self->list, 0);
}

static void
update_list_state (QdReviewsPage *self)
{
  guint shown = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint all = self->all != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->all)) : 0;

  if (all == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-participants");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.remove-participant", can_remove_participant (self));
}

static void
update_actions (QdReviewsPage *self)
{
  gboolean has_cycle = self->cycle != NULL;
  const char *cycle_actions[] = {
    "reviews.edit-cycle", "reviews.edit-template", "reviews.add-participants", "reviews.open-cycle",
    "reviews.start-calibration", "reviews.reopen-cycle", "reviews.lock-ratings", "reviews.close-cycle",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cycle_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), cycle_actions[i], has_cycle);
  /* Who takes part is settled once the ratings are locked. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.add-participants",
                                 has_cycle && !qd_review_cycle_get_ratings_locked (self->cycle) &&
                                 qd_review_cycle_get_status (self->cycle) != QD_CYCLE_STATUS_CLOSED);
  /* Enabled for any cycle: for one that opened, QdReviews says why it stays. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.delete-cycle", has_cycle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.new-cycle", self->reviews != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.create-next-quarter",
                                 self->reviews != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->cycles)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.edit-default-template", self->reviews != NULL);
}

/* Shows the selected cycle (or keeps showing it, fresh from the model). */
static void
show_cycle (QdReviewsPage *self)
{
  QdReviewCycle *selected = gtk_single_selection_get_selected_item (self->cycle_selection);
  gint64 id = selected != NULL ? qd_review_cycle_get_id (selected) : 0;
  gboolean other = id != self->cycle_id;

  if (other)
    qd_review_editor_flush (self->review_editor);

  self->cycle_id = id;
  g_clear_object (&self->cycle);
  if (id > 0 && self->reviews != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->cycle = qd_reviews_load_cycle (self->reviews, id, &error);
      if (self->cycle == NULL)
        show_error (self, error->message);
    }

  if (other)
    {
      if (self->list != NULL)
        qd_review_list_set_cycle_id (self->list, id);
      if (self->all != NULL)
        qd_review_list_set_cycle_id (self->all, id);
      qd_calibration_view_set_cycle (self->calibration_view, id);
      if (qd_review_editor_get_review_id (self->review_editor) != 0)
        {
          adw_leaflet_set_visible_child_name (self->detail_leaflet, "cycle");
          qd_review_editor_set_review (self->review_editor, 0);
        }
    }

  update_header (self);
  update_reviewers (self);
  update_counts (self);
  update_list_state (self);
  update_actions (self);
}

static void
cycle_selection_changed_cb (QdReviewsPage *self)
{
  if (self->updating)
    return;
  show_cycle (self);
  /* Narrow: choosing a cycle goes to it, as in a GNOME sidebar. */
  if (adw_leaflet_get_folded (self->leaflet) && self->cycle != NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_leaflet));
}

static void
cycle_list_activate_cb (QdReviewsPage *self,
                        guint          position)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_leaflet));
}

static void
reviews_changed_cb (QdReviewsPage *self)
{
  reload_cycles (self);
}

static void
roster_changed_cb (QdReviewsPage *self)
{
  if (self->list != NULL)
    qd_review_list_refresh (self->list);
  if (self->all != NULL)
    qd_review_list_refresh (self->all);
  show_cycle (self);
}

static void
list_items_changed_cb (QdReviewsPage *self)
{
  update_list_state (self);
}

static void
all_items_changed_cb (QdReviewsPage *self)
{
  update_counts (self);
  update_list_state (self);
}

static void
selection_changed_cb (QdReviewsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.remove-participant", can_remove_participant (self));
}

static void
search_entry_search_changed_cb (QdReviewsPage  *self,
                                GtkSearchEntry *entry)
{
  if (self->list != NULL)
    qd_review_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_entry_stop_search_cb (QdReviewsPage  *self,
                             GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
reviewer_dropdown_selected_cb (QdReviewsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->reviewer_dropdown);

  if (self->updating || self->list == NULL || selected >= self->reviewer_ids->len)
    return;
  qd_review_list_set_reviewer_id (self->list, g_array_index (self->reviewer_ids, gint64, selected));
}

/* ---- the review editor ---- */

static void
open_review_at (QdReviewsPage *self,
                gint64         review_id)
{
  qd_review_editor_set_review (self->review_editor, review_id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_leaflet));
  adw_leaflet_set_visible_child_name (self->detail_leaflet, "review");
  gtk_widget_grab_focus (GTK_WIDGET (self->review_editor));
}

static void
column_view_activate_cb (QdReviewsPage *self,
                         guint          position)
{
  g_autoptr(QdReview) review = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (review != NULL && qd_review_get_id (review) > 0)
    open_review_at (self, qd_review_get_id (review));
}

static void
review_editor_back_cb (QdReviewsPage *self)
{
  gint64 review_id = qd_review_editor_get_review_id (self->review_editor);
  guint position = self->list != NULL && review_id > 0 ? qd_review_list_find (self->list, review_id) : G_MAXUINT;

  adw_leaflet_set_visible_child_name (self->detail_leaflet, "cycle");
  /* Back on the row of the review just left. */
  if (position != G_MAXUINT)
    {
      gtk_single_selection_set_selected (self->selection, position);
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_VIEW (child))
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
detail_leaflet_visible_child_cb (QdReviewsPage *self)
{
  /* Swiped or went back with Alt+Left: keep what was typed. */
  if (adw_leaflet_get_visible_child (self->detail_leaflet) != GTK_WIDGET (self->review_editor))
    qd_review_editor_flush (self->review_editor);
}

static void
cycles_back_clicked_cb (QdReviewsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- cycle actions ---- */

static void
cycle_dialog_saved_cb (QdReviewsPage *self,
                       gint64         cycle_id)
{
  qd_reviews_page_select_cycle (self, cycle_id);
}

static void
new_cycle_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);
  QdCycleDialog *dialog;

  if (self->reviews == NULL)
    return;
  qd_review_editor_flush (self->review_editor);
  dialog = qd_cycle_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->reviews, 0, self->today);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (cycle_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_cycle_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);
  QdCycleDialog *dialog;

  if (self->reviews == NULL || self->cycle_id == 0)
    return;
  dialog = qd_cycle_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->reviews, self->cycle_id,
                                self->today);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_template_dialog (QdReviewsPage *self,
                      gint64         template_id)
{
  QdTemplateDialog *dialog;

  dialog = qd_template_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->reviews, template_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_template_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);
  gint64 template_id;

  if (self->reviews == NULL || self->cycle == NULL)
    return;

  if (qd_review_cycle_get_is_frozen (self->cycle))
    {
      /* Translators: %s is a cycle's name */
      g_autofree char *message = g_strdup_printf (_("%s keeps the frozen copy it made when it opened; "
                                                    "template changes apply to cycles that open later."),
                                                  qd_review_cycle_get_name (self->cycle));
      show_error (self, message);
    }

  template_id = qd_review_cycle_get_template_id (self->cycle);
  if (template_id == 0)
    {
      g_autoptr(GError) error = NULL;

      template_id = qd_reviews_ensure_default_template (self->reviews, &error);
      if (template_id == 0)
        {
          show_error (self, error->message);
          return;
        }
    }
  open_template_dialog (self, template_id);
}

static void
edit_default_template_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 template_id;

  if (self->reviews == NULL)
    return;
  template_id = qd_reviews_ensure_default_template (self->reviews, &error);
  if (template_id == 0)
    show_error (self, error->message);
  else
    open_template_dialog (self, template_id);
}

static void
create_next_quarter_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->reviews == NULL)
    return;

  id = qd_reviews_create_next_cycle (self->reviews, 0, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }
  qd_reviews_page_select_cycle (self, id);
  if (self->cycle != NULL)
    {
      /* Translators: %s is the name of the new cycle, e.g. “2027 Q1” */
      g_autofree char *message = g_strdup_printf (_("%s was created"), qd_review_cycle_get_name (self->cycle));
      show_toast (self, qd_toast_new_text (message));
    }
}

typedef enum
{
  CYCLE_STEP_OPEN,
  CYCLE_STEP_START_CALIBRATION,
  CYCLE_STEP_REOPEN,
  CYCLE_STEP_LOCK,
  CYCLE_STEP_CLOSE,
  CYCLE_STEP_DELETE,
} CycleStep;

/* Runs one step of the cycle; the model's refusal goes to a toast. */
static gboolean
run_cycle_step (QdReviewsPage *self,
                CycleStep      step)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean ok = FALSE;

  if (self->reviews == NULL || self->cycle == NULL)
    return FALSE;

  qd_review_editor_flush (self->review_editor);
  name = g_strdup (qd_review_cycle_get_name (self->cycle));
  switch (step)
    {
    case CYCLE_STEP_OPEN:
      ok = qd_reviews_open_cycle (self->reviews, self->cycle_id, &error);
      /* Translators: %s is a cycle's name */
      message = g_strdup_printf (_("%s is open"), name);
      break;
    case CYCLE_STEP_START_CALIBRATION:
      ok = qd_reviews_start_calibration (self->reviews, self->cycle_id, &error);
      message = g_strdup_printf (_("%s is in calibration"), name);
      break;
    case CYCLE_STEP_REOPEN:
      ok = qd_reviews_reopen_cycle (self->reviews, self->cycle_id, &error);
      message = g_strdup_printf (_("%s is open again"), name);
      break;
    case CYCLE_STEP_LOCK:
      ok = qd_reviews_lock_ratings (self->reviews, self->cycle_id, &error);
      message = g_strdup_printf (_("The ratings of %s are locked"), name);
      break;
    case CYCLE_STEP_CLOSE:
      ok = qd_reviews_close_cycle (self->reviews, self->cycle_id, &error);
      message = g_strdup_printf (_("%s is closed"), name);
      break;
    case CYCLE_STEP_DELETE:
      ok = qd_reviews_delete_cycle (self->reviews, self->cycle_id, &error);
      /* Translators: %s is the name of the deleted cycle */
      message = g_strdup_printf (_("%s was deleted"), name);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    show_error (self, error->message);
  else
    show_toast (self, qd_toast_new_text (message));
  return ok;
}

static void
confirm_step_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          QdReviewsPage    *self)
{
  CycleStep step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "step"));
  gint64 cycle_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cycle-id"));

  if (g_strcmp0 (response, "confirm") != 0 || cycle_id != self->cycle_id)
    return;
  run_cycle_step (self, step);
}

static void
confirm_step (QdReviewsPage         *self,
              const char            *heading,
              const char            *body,
              const char            *confirm_label,
              AdwResponseAppearance  appearance,
              CycleStep              step)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "step", GINT_TO_POINTER (step));
  g_object_set_data (G_OBJECT (dialog), "cycle-id", GSIZE_TO_POINTER (self->cycle_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_step_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_cycle_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *template;

  if (self->cycle == NULL)
    return;
  if (qd_review_cycle_get_status (self->cycle) != QD_CYCLE_STATUS_PLANNED)
    {
      run_cycle_step (self, CYCLE_STEP_OPEN);
      return;
    }

  template = qd_review_cycle_get_template_name (self->cycle);
  /* Translators: %s is a cycle's name */
  heading = g_strdup_printf (_("Open %s?"), qd_review_cycle_get_name (self->cycle));
  /* Translators: %s is the name of a review template */
  body = g_strdup_printf (_("Opening freezes the template “%s”: the cycle keeps its own copy of the competencies, "
                            "weights and rating scale, so later template edits do not change it. "
                            "Self and manager reviews can then start. The period and participants rule "
                            "cannot change afterwards."),
                          *template != '\0' ? template : _("Support team"));
  confirm_step (self, heading, body, _("_Open Cycle"), ADW_RESPONSE_SUGGESTED, CYCLE_STEP_OPEN);
}

static void
start_calibration_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);

  if (run_cycle_step (self, CYCLE_STEP_START_CALIBRATION))
    adw_view_stack_set_visible_child_name (self->cycle_stack, "calibration");
}

static void
reopen_cycle_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  run_cycle_step (QD_REVIEWS_PAGE (widget), CYCLE_STEP_REOPEN);
}

static void
lock_ratings_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);
  g_autofree char *heading = NULL;

  if (self->cycle == NULL)
    return;
  if (qd_review_cycle_get_status (self->cycle) != QD_CYCLE_STATUS_CALIBRATING ||
      qd_review_cycle_get_ratings_locked (self->cycle))
    {
      run_cycle_step (self, CYCLE_STEP_LOCK);
      return;
    }

  heading = g_strdup_printf (_("Lock the Ratings of %s?"), qd_review_cycle_get_name (self->cycle));
  confirm_step (self, heading,
                _("No rating, calibrated rating, potential, 360 response or participant can change afterwards, "
                  "and the cycle cannot reopen. Each review keeps its goal progress as it is now. "
                  "Calibrated reviews can then be shared. This cannot be undone."),
                _("_Lock Ratings"), ADW_RESPONSE_DESTRUCTIVE, CYCLE_STEP_LOCK);
}

static void
close_cycle_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);
  g_autofree char *heading = NULL;

  if (self->cycle == NULL)
    return;
  if (qd_review_cycle_get_status (self->cycle) != QD_CYCLE_STATUS_CALIBRATING)
    {
      run_cycle_step (self, CYCLE_STEP_CLOSE);
      return;
    }

  heading = g_strdup_printf (_("Close %s?"), qd_review_cycle_get_name (self->cycle));
  confirm_step (self, heading,
                _("A closed cycle stays on record as it is. Closing needs every review calibrated or shared, "
                  "and locks the ratings if they are not locked yet. This cannot be undone."),
                _("_Close Cycle"), ADW_RESPONSE_DESTRUCTIVE, CYCLE_STEP_CLOSE);
}

static void
delete_cycle_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          QdReviewsPage    *self)
{
  gint64 cycle_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cycle-id"));
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->reviews == NULL)
    return;
  if (!qd_reviews_delete_cycle (self->reviews, cycle_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  {
    /* Translators: %s is the name of the deleted cycle */
    g_autofree char *message = g_strdup_printf (_("%s was deleted"), name);
    show_toast (self, qd_toast_new_text (message));
  }
}

static void
delete_cycle_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);
  GtkWidget *dialog;

  if (self->cycle == NULL || self->reviews == NULL)
    return;
  if (qd_review_cycle_get_status (self->cycle) != QD_CYCLE_STATUS_PLANNED)
    {
      /* The model says why it stays. */
      run_cycle_step (self, CYCLE_STEP_DELETE);
      return;
    }

  /* QdReviews has no undo for a deleted cycle, so ask first. */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete %s?"),
                                     qd_review_cycle_get_name (self->cycle));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The planned cycle and its participant list (%u person) are removed. "
                                               "This cannot be undone.",
                                               "The planned cycle and its participant list (%u people) are removed. "
                                               "This cannot be undone.",
                                               qd_review_cycle_get_n_participants (self->cycle)),
                                  qd_review_cycle_get_n_participants (self->cycle));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cycle-id", GSIZE_TO_POINTER (self->cycle_id));
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (qd_review_cycle_get_name (self->cycle)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_cycle_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- participants ---- */

static void
participants_dialog_toggled_cb (AdwMessageDialog *dialog)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");
  gboolean any = FALSE;

  for (guint i = 0; i < checks->len; i++)
    any |= gtk_check_button_get_active (g_ptr_array_index (checks, i));
  adw_message_dialog_set_response_enabled (dialog, "add", any);
}

static void
participants_dialog_response_cb (AdwMessageDialog *dialog,
                                 const char       *response,
                                 QdReviewsPage    *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");
  gint64 cycle_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cycle-id"));
  guint added = 0;

  if (g_strcmp0 (response, "add") != 0 || self->reviews == NULL)
    return;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      gint64 member_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "member-id"));
      g_autoptr(GError) error = NULL;

      if (!gtk_check_button_get_active (check))
        continue;
      if (qd_reviews_add_participant (self->reviews, cycle_id, member_id, &error) == 0)
        {
          show_error (self, error->message);
          break;
        }
      added++;
    }

  if (added > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person was added",
                                                               "%u people were added", added),
                                                  added);
      show_toast (self, qd_toast_new_text (message));
    }
}

static void
add_participants_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);
  g_autoptr(QdMemberList) members = NULL;
  GPtrArray *checks;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *scrolled;
  guint n;

  if (self->reviews == NULL || self->cycle == NULL)
    return;
  if (self->roster == NULL)
    {
      show_error (self, _("The team is not loaded, so nobody can be added."));
      return;
    }

  checks = g_ptr_array_new ();
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Team members"), -1);

  members = qd_member_list_new (self->roster);
  qd_member_list_set_include_left (members, FALSE);
  n = g_list_model_get_n_items (G_LIST_MODEL (members));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QdMember) member = g_list_model_get_item (G_LIST_MODEL (members), i);
      gint64 member_id = qd_member_get_id (member);
      GtkWidget *row;
      GtkWidget *check;
      g_autoptr(GString) subtitle = g_string_new (NULL);

      if (qd_member_get_status (member) == QD_MEMBER_STATUS_LEFT ||
          qd_reviews_find_review (self->reviews, self->cycle_id, member_id, NULL) != 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), qd_member_get_name (member));
      g_string_append (subtitle, qd_member_get_job_title (member));
      if (*qd_member_get_reports_to_name (member) != '\0')
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          /* Translators: %s is the manager who will review the member */
          g_string_append_printf (subtitle, _("Reviewed by %s"), qd_member_get_reports_to_name (member));
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      qd_member_get_name (member), -1);
      g_object_set_data (G_OBJECT (check), "member-id", GSIZE_TO_POINTER (member_id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (checks, check);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Add Participants to %s"),
                                     qd_review_cycle_get_name (self->cycle));
  if (checks->len == 0)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("Everyone on the team already takes part in this cycle."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      g_object_unref (g_object_ref_sink (list));
      g_ptr_array_unref (checks);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Each person is reviewed by their manager; you can choose another reviewer in "
                                 "their review."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MIN (checks->len, 5) * 56);
  gtk_widget_set_size_request (scrolled, 440, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  for (guint i = 0; i < checks->len; i++)
    g_signal_connect_object (g_ptr_array_index (checks, i), "toggled",
                             G_CALLBACK (participants_dialog_toggled_cb), dialog, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (dialog), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "cycle-id", GSIZE_TO_POINTER (self->cycle_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (participants_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  gint64 cycle_id;
  gint64 member_id;
  gint64 reviewer_id;
} RemovedParticipant;

static void
undo_remove_clicked_cb (AdwToast      *toast,
                        QdReviewsPage *self)
{
  RemovedParticipant *removed = g_object_get_data (G_OBJECT (toast), "removed");
  g_autoptr(GError) error = NULL;
  gint64 review_id;

  if (removed == NULL || self->reviews == NULL)
    return;
  review_id = qd_reviews_add_participant (self->reviews, removed->cycle_id, removed->member_id, &error);
  if (review_id == 0)
    {
      show_error (self, error->message);
      return;
    }
  /* Added back reviewed by their manager; put back who reviewed them. */
  if (!qd_reviews_set_reviewer (self->reviews, review_id, removed->reviewer_id, &error))
    show_error (self, error->message);
}

static void
remove_participant_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);
  QdReview *review = selected_review (self);
  g_autoptr(GError) error = NULL;
  RemovedParticipant *removed;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (review == NULL || self->reviews == NULL)
    return;

  removed = g_new0 (RemovedParticipant, 1);
  removed->cycle_id = qd_review_get_cycle_id (review);
  removed->member_id = qd_review_get_member_id (review);
  removed->reviewer_id = qd_review_get_reviewer_id (review);
  /* Translators: the first %s is a person, the second a cycle */
  title = g_strdup_printf (_("%s was removed from %s"), qd_review_get_member_name (review),
                           qd_review_get_cycle_name (review));

  if (!qd_reviews_remove_participant (self->reviews, removed->cycle_id, removed->member_id, &error))
    {
      g_free (removed);
      show_error (self, error->message);
      return;
    }

  toast = qd_toast_new_text (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "removed", removed, g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_clicked_cb), self, 0);
  show_toast (self, toast);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (widget);

  if (self->cycle == NULL)
    return;
  adw_leaflet_set_visible_child_name (self->detail_leaflet, "cycle");
  adw_view_stack_set_visible_child_name (self->cycle_stack, "progress");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- the object ---- */

static void
qd_reviews_page_dispose (GObject *object)
{
  QdReviewsPage *self = (QdReviewsPage *) object;
  GtkWidget *child;

  if (self->review_editor != NULL)
    qd_review_editor_flush (self->review_editor);

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_REVIEWS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->cycle_selection);
  g_clear_object (&self->cycles);
  g_clear_object (&self->list);
  g_clear_object (&self->all);
  g_clear_object (&self->cycle);
  g_clear_object (&self->reviews);
  g_clear_object (&self->roster);
  g_clear_object (&self->kpis);
  g_clear_object (&self->sort_probe_a);
  g_clear_object (&self->sort_probe_b);

  G_OBJECT_CLASS (qd_reviews_page_parent_class)->dispose (object);
}

static void
qd_reviews_page_finalize (GObject *object)
{
  QdReviewsPage *self = (QdReviewsPage *) object;

  g_clear_pointer (&self->reviewer_ids, g_array_unref);
  g_free (self->today);

  G_OBJECT_CLASS (qd_reviews_page_parent_class)->finalize (object);
}

static void
qd_reviews_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (object);

  switch (prop_id)
    {
    case PROP_REVIEWS:
      g_value_set_object (value, self->reviews);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_reviews_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QdReviewsPage *self = QD_REVIEWS_PAGE (object);

  switch (prop_id)
    {
    case PROP_REVIEWS:
      qd_reviews_page_set_reviews (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_reviews_page_class_init (QdReviewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_reviews_page_dispose;
  object_class->finalize = qd_reviews_page_finalize;
  object_class->get_property = qd_reviews_page_get_property;
  object_class->set_property = qd_reviews_page_set_property;

  properties[PROP_REVIEWS] =
    g_param_spec_object ("reviews", NULL, NULL, QD_TYPE_REVIEWS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QD_TYPE_CALIBRATION_VIEW);
  g_type_ensure (QD_TYPE_REVIEW_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-reviews-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, cycle_list);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, detail_leaflet);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, cycle_box);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, cycle_title);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, cycle_status_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, cycle_subtitle);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, deadlines_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, cycle_step_button);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, cycle_stack);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, overdue_count_box);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, overdue_count_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, reviewer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, reviewer_column);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, self_column);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, manager_column);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, calibrated_column);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, score_column);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, overdue_column);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, calibration_view);
  gtk_widget_class_bind_template_child (widget_class, QdReviewsPage, review_editor);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_editor_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, cycles_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "reviews.new-cycle", NULL, new_cycle_activated);
  gtk_widget_class_install_action (widget_class, "reviews.create-next-quarter", NULL, create_next_quarter_activated);
  gtk_widget_class_install_action (widget_class, "reviews.edit-cycle", NULL, edit_cycle_activated);
  gtk_widget_class_install_action (widget_class, "reviews.edit-template", NULL, edit_template_activated);
  gtk_widget_class_install_action (widget_class, "reviews.edit-default-template", NULL, edit_default_template_activated);
  gtk_widget_class_install_action (widget_class, "reviews.delete-cycle", NULL, delete_cycle_activated);
  gtk_widget_class_install_action (widget_class, "reviews.open-cycle", NULL, open_cycle_activated);
  gtk_widget_class_install_action (widget_class, "reviews.start-calibration", NULL, start_calibration_activated);
  gtk_widget_class_install_action (widget_class, "reviews.reopen-cycle", NULL, reopen_cycle_activated);
  gtk_widget_class_install_action (widget_class, "reviews.lock-ratings", NULL, lock_ratings_activated);
  gtk_widget_class_install_action (widget_class, "reviews.close-cycle", NULL, close_cycle_activated);
  gtk_widget_class_install_action (widget_class, "reviews.add-participants", NULL, add_participants_activated);
  gtk_widget_class_install_action (widget_class, "reviews.remove-participant", NULL, remove_participant_activated);
  gtk_widget_class_install_action (widget_class, "reviews.search", NULL, search_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "reviews.new-cycle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "reviews.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qd_reviews_page_init (QdReviewsPage *self)
{
  g_autoptr(GtkListItemFactory) cycle_factory = gtk_signal_list_item_factory_new ();
  GtkSorter *view_sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The header's step button locks the ratings; the calibration tab
   * need not offer it a second time. */
  qd_calibration_view_set_lock_visible (self->calibration_view, FALSE);

  self->reviewer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cycles = g_list_store_new (QD_TYPE_REVIEW_CYCLE);
  self->cycle_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->cycles)));
  gtk_single_selection_set_autoselect (self->cycle_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->cycle_selection, FALSE);
  g_signal_connect (cycle_factory, "setup", G_CALLBACK (cycle_row_setup_cb), NULL);
  g_signal_connect (cycle_factory, "bind", G_CALLBACK (cycle_row_bind_cb), NULL);
  gtk_list_view_set_factory (self->cycle_list, cycle_factory);
  gtk_list_view_set_model (self->cycle_list, GTK_SELECTION_MODEL (self->cycle_selection));
  g_signal_connect_object (self->cycle_selection, "notify::selected-item",
                           G_CALLBACK (cycle_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cycle_list, "activate", G_CALLBACK (cycle_list_activate_cb),
                           self, G_CONNECT_SWAPPED);

  set_column_factory (self, self->name_column, COLUMN_NAME);
  set_column_factory (self, self->reviewer_column, COLUMN_REVIEWER);
  set_column_factory (self, self->status_column, COLUMN_STATUS);
  set_column_factory (self, self->self_column, COLUMN_SELF);
  set_column_factory (self, self->manager_column, COLUMN_MANAGER);
  set_column_factory (self, self->calibrated_column, COLUMN_CALIBRATED);
  set_column_factory (self, self->score_column, COLUMN_SCORE);
  set_column_factory (self, self->overdue_column, COLUMN_OVERDUE);

  self->sort_probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->sort_probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (self->sort_probe_a, "qd-reviews-page", self);
  set_column_sorter (self->name_column, QD_REVIEW_SORT_NAME);
  set_column_sorter (self->reviewer_column, QD_REVIEW_SORT_REVIEWER);
  set_column_sorter (self->status_column, QD_REVIEW_SORT_STATUS);
  set_column_sorter (self->calibrated_column, QD_REVIEW_SORT_RATING);
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (view_sorter, "changed", G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (column_view_activate_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->reviewer_dropdown, "notify::selected",
                           G_CALLBACK (reviewer_dropdown_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail_leaflet, "notify::visible-child",
                           G_CALLBACK (detail_leaflet_visible_child_cb), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.remove-participant", FALSE);
}

void
qd_reviews_page_set_reviews (QdReviewsPage *self,
                             QdReviews     *reviews)
{
  g_return_if_fail (QD_IS_REVIEWS_PAGE (self));
  g_return_if_fail (reviews == NULL || QD_IS_REVIEWS (reviews));

  if (self->reviews == reviews)
    return;

  qd_review_editor_set_reviews (self->review_editor, NULL);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->all);
  if (self->reviews != NULL)
    g_signal_handlers_disconnect_by_data (self->reviews, self);
  g_set_object (&self->reviews, reviews);
  self->cycle_id = 0;

  qd_review_editor_set_reviews (self->review_editor, reviews);
  qd_calibration_view_set_reviews (self->calibration_view, reviews);

  if (reviews != NULL)
    {
      self->list = qd_review_list_new (reviews, 0);
      self->all = qd_review_list_new (reviews, 0);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->all, "items-changed", G_CALLBACK (all_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      /* After the lists, which follow the same signal, so the counts
       * are made from fresh rows. */
      g_signal_connect_object (reviews, "changed", G_CALLBACK (reviews_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
    }

  reload_cycles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWS]);
}

QdReviews *
qd_reviews_page_get_reviews (QdReviewsPage *self)
{
  g_return_val_if_fail (QD_IS_REVIEWS_PAGE (self), NULL);
  return self->reviews;
}

void
qd_reviews_page_set_roster (QdReviewsPage *self,
                            QdRoster      *roster)
{
  g_return_if_fail (QD_IS_REVIEWS_PAGE (self));
  g_return_if_fail (roster == NULL || QD_IS_ROSTER (roster));

  if (self->roster == roster)
    return;
  if (self->roster != NULL)
    g_signal_handlers_disconnect_by_data (self->roster, self);
  g_set_object (&self->roster, roster);
  if (roster != NULL)
    g_signal_connect_object (roster, "changed", G_CALLBACK (roster_changed_cb), self, G_CONNECT_SWAPPED);
  qd_review_editor_set_roster (self->review_editor, roster);
}

void
qd_reviews_page_set_kpis (QdReviewsPage *self,
                          QdKpis        *kpis)
{
  g_return_if_fail (QD_IS_REVIEWS_PAGE (self));
  g_return_if_fail (kpis == NULL || QD_IS_KPIS (kpis));

  g_set_object (&self->kpis, kpis);
  qd_review_editor_set_kpis (self->review_editor, kpis);
}

void
qd_reviews_page_set_services (QdReviewsPage *self,
                              QdGoals       *goals,
                              QdNotes       *notes)
{
  g_return_if_fail (QD_IS_REVIEWS_PAGE (self));
  g_return_if_fail (goals == NULL || QD_IS_GOALS (goals));
  g_return_if_fail (notes == NULL || QD_IS_NOTES (notes));

  qd_review_editor_set_services (self->review_editor, goals, notes);
}

void
qd_reviews_page_set_today (QdReviewsPage *self,
                           const char    *today)
{
  g_return_if_fail (QD_IS_REVIEWS_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today);
  qd_review_editor_set_today (self->review_editor, today);
  update_counts (self);
  /* Rebind the rows, whose overdue column depends on the day. */
  if (self->list != NULL)
    qd_review_list_refresh (self->list);
}

gboolean
qd_reviews_page_select_cycle (QdReviewsPage *self,
                              gint64         cycle_id)
{
  guint position;

  g_return_val_if_fail (QD_IS_REVIEWS_PAGE (self), FALSE);

  position = find_cycle_position (self, cycle_id);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Maybe just created: read the cycles again. */
      reload_cycles (self);
      position = find_cycle_position (self, cycle_id);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->cycle_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->cycle_list), "list.scroll-to-item", "u", position);
  return TRUE;
}

gint64
qd_reviews_page_get_cycle_id (QdReviewsPage *self)
{
  g_return_val_if_fail (QD_IS_REVIEWS_PAGE (self), 0);
  return self->cycle_id;
}

gboolean
qd_reviews_page_open_review (QdReviewsPage *self,
                             gint64         review_id)
{
  g_autoptr(QdReview) review = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (QD_IS_REVIEWS_PAGE (self), FALSE);

  if (self->reviews == NULL)
    return FALSE;
  review = qd_reviews_load_review (self->reviews, review_id, &error);
  if (review == NULL)
    return FALSE;
  if (!qd_reviews_page_select_cycle (self, qd_review_get_cycle_id (review)))
    return FALSE;
  open_review_at (self, review_id);
  return TRUE;
}

void
qd_reviews_page_flush (QdReviewsPage *self)
{
  g_return_if_fail (QD_IS_REVIEWS_PAGE (self));
  qd_review_editor_flush (self->review_editor);
}
