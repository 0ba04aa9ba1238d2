/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-review-editor"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-member-list.h"
#include "qd-note-row.h"
#include "qd-review-editor.h"
#include "qd-review-scale.h"
#include "qd-toast.h"

/* One member's review in one cycle, as the head of support fills it in:
 * the competencies with self and manager ratings and comments, the 360
 * feedback, the KPIs and goals of the period, the overall rating and the
 * written summary, and the final score with its formula.
 *
 * Every edit is saved when made: choices at once, typing after a short
 * pause (and at once when the review changes, the editor loses focus or
 * goes away). What the review's step allows is QdReviews' business: a
 * refused edit is said in a toast and the widget goes back to the stored
 * value. The widgets follow QdReviews::changed, so the calibration view
 * or the cycle's actions changing the review show here too.
 *
 * With the goals and notes services set, it also shows the member's 1:1
 * notes and feedback log of the cycle's period as evidence (read-only)
 * and the review's development plan, whose actions are added, ticked
 * done and deleted (with undo) here, each written at once. */

#define SAVE_DELAY_MS 400

struct _QdReviewEditor
{
  GtkWidget            parent_instance;

  QdReviews           *reviews;
  QdRoster            *roster;
  QdKpis              *kpis;
  QdGoals             *goals;
  QdNotes             *notes;
  GListModel          *note_list;
  GListModel          *action_list;
  char                *plan_key;         /* what the two lists were made for */
  char                *today;
  gint64               review_id;
  QdReview            *review;
  QdReviewCycle       *cycle;
  GtkStringList       *scale_model;      /* "Not rated", "1 — …", … */
  GPtrArray           *competency_rows;  /* CompetencyRow */
  GPtrArray           *feedback_rows;
  GPtrArray           *kpi_rows;
  char                *feedback_key;
  GListModel          *reviewers;
  GtkFileChooserNative *chooser;
  guint                save_source;
  gboolean             summary_dirty;
  gboolean             loading;
  gboolean             saving;
  gboolean             disposing;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkBox              *overdue_box;
  GtkLabel            *overdue_label;
  GtkMenuButton       *more_button;
  GtkButton           *step_button;
  GtkLabel            *step_hint;
  GtkInfoBar          *locked_bar;
  GtkLabel            *locked_label;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *score_value_label;
  GtkLabel            *score_tier_label;
  GtkLabel            *score_formula_label;
  GtkBox              *competencies_box;
  AdwPreferencesGroup *feedback_group;
  GtkButton           *add_feedback_button;
  GtkButton           *import_feedback_button;
  AdwPreferencesGroup *kpi_group;
  AdwActionRow        *kpi_rating_row;
  GtkDropDown         *kpi_rating_dropdown;
  AdwActionRow        *goals_row;
  GtkLabel            *goals_value_label;
  AdwActionRow        *overall_row;
  GtkDropDown         *overall_dropdown;
  AdwActionRow        *calibrated_row;
  GtkDropDown         *calibrated_dropdown;
  AdwActionRow        *potential_row;
  GtkDropDown         *potential_dropdown;
  AdwComboRow         *reviewer_row;
  GtkTextView         *strengths_view;
  GtkTextView         *improvements_view;
  AdwPreferencesGroup *evidence_group;
  GtkListBox          *evidence_list;
  AdwPreferencesGroup *plan_group;
  GtkButton           *add_action_button;
  GtkListBox          *plan_list;
};

G_DEFINE_FINAL_TYPE (QdReviewEditor, qd_review_editor, GTK_TYPE_WIDGET)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The widgets of one competency. */
typedef struct
{
  QdReviewEditor *self;          /* not a reference: the rows live inside it */
  gint64          competency_id;
  char           *name;
  guint           self_rating;   /* as stored */
  guint           manager_rating;
  char           *self_comment;
  char           *manager_comment;
  gboolean        self_dirty;    /* a comment typed but not saved yet */
  gboolean        manager_dirty;
  AdwExpanderRow *row;
  GtkLabel       *self_summary;
  GtkDropDown    *self_dropdown;
  GtkDropDown    *manager_dropdown;
  AdwEntryRow    *self_comment_row;
  AdwEntryRow    *manager_comment_row;
} CompetencyRow;

static void refresh (QdReviewEditor *self);

static void
competency_row_free (CompetencyRow *row)
{
  g_free (row->name);
  g_free (row->self_comment);
  g_free (row->manager_comment);
  g_free (row);
}

/* ---- helpers ---- */

static void
show_toast (QdReviewEditor *self,
            AdwToast       *toast)
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
show_error (QdReviewEditor *self,
            const char     *message)
{
  AdwToast *toast = qd_toast_new_text (message);

  /* Before any "done" toast still on screen: this one needs reading. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 6);
  show_toast (self, toast);
}

/* After a call into QdReviews: says why it was refused, and puts every
 * widget back to what is stored either way. */
static gboolean
finish_edit (QdReviewEditor *self,
             gboolean        ok,
             GError         *error)
{
  if (!ok && error != NULL)
    show_error (self, error->message);
  refresh (self);
  return ok;
}

static char *
today_string (QdReviewEditor *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today != NULL)
    return g_strdup (self->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, mday;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &year, &month, &mday) != 3)
    return g_strdup (day != NULL ? day : "");
  date = g_date_time_new_utc (year, month, mday, 0, 0, 0);
  if (date == NULL)
    return g_strdup (day);
  /* Translators: a day, see the strftime manual; “%-d %b %Y” gives “3 Nov 2026” */
  return g_date_time_format (date, C_("day format", "%-d %b %Y"));
}

static guint
scale_points (QdReviewEditor *self)
{
  return self->review != NULL ? qd_review_get_scale_points (self->review) : 0;
}

static gboolean
is_whole (double rating)
{
  return !isnan (rating) && fabs (rating - round (rating)) < 0.001;
}

/* A rating drop-down: "Not rated" (or @none_label) then the points of the
 * scale; a stored rating between two points gets an item of its own at
 * the end, so it is shown as it is. */
static gboolean
same_strings (GListModel    *model,
              GtkStringList *wanted)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (wanted));

  if (model == NULL || !GTK_IS_STRING_LIST (model) || g_list_model_get_n_items (model) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                   gtk_string_list_get_string (wanted, i)) != 0)
      return FALSE;
  return TRUE;
}

static void
set_rating_dropdown (QdReviewEditor *self,
                     GtkDropDown    *dropdown,
                     const char     *none_label,
                     double          rating)
{
  guint points = scale_points (self);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (model, none_label);
  for (guint p = 1; p <= points; p++)
    gtk_string_list_append (model, gtk_string_list_get_string (self->scale_model, p));

  if (!isnan (rating) && is_whole (rating) && rating >= 1 && rating <= points)
    selected = (guint) round (rating);
  else if (!isnan (rating))
    {
      g_autofree char *shown = qd_review_format_rating (rating);
      gtk_string_list_append (model, shown);
      selected = points + 1;
    }

  g_object_set_data_full (G_OBJECT (dropdown), "qd-stored-value", g_memdup2 (&rating, sizeof rating), g_free);
  /* Only a different list replaces the model: a new model resets the
   * selection, which a drop-down announces more than once. */
  if (!same_strings (gtk_drop_down_get_model (dropdown), model))
    gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  if (gtk_drop_down_get_selected (dropdown) != selected)
    gtk_drop_down_set_selected (dropdown, selected);
}

/* The rating picked in a drop-down set up by set_rating_dropdown(); NAN
 * for none. */
static double
dropdown_rating (QdReviewEditor *self,
                 GtkDropDown    *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  double *stored = g_object_get_data (G_OBJECT (dropdown), "qd-stored-value");

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NAN;
  if (selected > scale_points (self))
    return stored != NULL ? *stored : NAN;
  return selected;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *current = buffer_text (view);

  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (buffer, text, -1);
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* ---- saving typed text ---- */

static gboolean
save_pending (QdReviewEditor *self)
{
  gboolean ok = TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->reviews == NULL || self->review_id == 0)
    return TRUE;

  self->saving = TRUE;
  for (guint i = 0; self->competency_rows != NULL && i < self->competency_rows->len; i++)
    {
      CompetencyRow *row = g_ptr_array_index (self->competency_rows, i);
      g_autoptr(GError) error = NULL;

      if (row->self_dirty)
        {
          row->self_dirty = FALSE;
          if (!qd_reviews_set_rating (self->reviews, self->review_id, row->competency_id,
                                      QD_RATING_SOURCE_SELF, row->self_rating,
                                      gtk_editable_get_text (GTK_EDITABLE (row->self_comment_row)), &error))
            {
              show_error (self, error->message);
              ok = FALSE;
              g_clear_error (&error);
            }
        }
      if (row->manager_dirty)
        {
          row->manager_dirty = FALSE;
          if (!qd_reviews_set_rating (self->reviews, self->review_id, row->competency_id,
                                      QD_RATING_SOURCE_MANAGER, row->manager_rating,
                                      gtk_editable_get_text (GTK_EDITABLE (row->manager_comment_row)), &error))
            {
              show_error (self, error->message);
              ok = FALSE;
            }
        }
    }

  if (self->summary_dirty)
    {
      g_autofree char *strengths = buffer_text (self->strengths_view);
      g_autofree char *improvements = buffer_text (self->improvements_view);
      g_autoptr(GError) error = NULL;

      self->summary_dirty = FALSE;
      if (!qd_reviews_set_summary (self->reviews, self->review_id, strengths, improvements, &error))
        {
          show_error (self, error->message);
          ok = FALSE;
        }
    }
  self->saving = FALSE;

  refresh (self);
  return ok;
}

static gboolean
save_timeout_cb (gpointer data)
{
  QdReviewEditor *self = data;

  self->save_source = 0;
  save_pending (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (QdReviewEditor *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
summary_changed_cb (QdReviewEditor *self)
{
  if (self->loading)
    return;
  self->summary_dirty = TRUE;
  schedule_save (self);
}

static void
focus_leave_cb (QdReviewEditor *self)
{
  if (self->save_source != 0)
    save_pending (self);
}

/* ---- competencies ---- */

static void
self_comment_changed_cb (CompetencyRow *row)
{
  if (row->self->loading)
    return;
  row->self_dirty = TRUE;
  schedule_save (row->self);
}

static void
manager_comment_changed_cb (CompetencyRow *row)
{
  if (row->self->loading)
    return;
  row->manager_dirty = TRUE;
  schedule_save (row->self);
}

static void
self_rating_selected_cb (CompetencyRow *row)
{
  QdReviewEditor *self = row->self;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  guint rating;

  if (self->loading || self->saving)
    return;

  rating = gtk_drop_down_get_selected (row->self_dropdown);
  if (rating > scale_points (self))
    return;
  self->saving = TRUE;
  row->self_dirty = FALSE;
  ok = qd_reviews_set_rating (self->reviews, self->review_id, row->competency_id, QD_RATING_SOURCE_SELF,
                              rating, gtk_editable_get_text (GTK_EDITABLE (row->self_comment_row)), &error);
  self->saving = FALSE;
  finish_edit (self, ok, error);
}

static void
manager_rating_selected_cb (CompetencyRow *row)
{
  QdReviewEditor *self = row->self;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  guint rating;

  if (self->loading || self->saving)
    return;

  rating = gtk_drop_down_get_selected (row->manager_dropdown);
  if (rating > scale_points (self))
    return;
  self->saving = TRUE;
  row->manager_dirty = FALSE;
  ok = qd_reviews_set_rating (self->reviews, self->review_id, row->competency_id, QD_RATING_SOURCE_MANAGER,
                              rating, gtk_editable_get_text (GTK_EDITABLE (row->manager_comment_row)), &error);
  self->saving = FALSE;
  finish_edit (self, ok, error);
}

static GtkDropDown *
new_rating_dropdown (QdReviewEditor *self,
                     const char     *accessible_label)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->scale_model)), NULL));

  gtk_widget_set_valign (GTK_WIDGET (dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return dropdown;
}

static void
clear_competencies (QdReviewEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->competencies_box))) != NULL)
    gtk_box_remove (self->competencies_box, child);
  g_ptr_array_set_size (self->competency_rows, 0);
}

/* Groups (Technical, Soft, Business …) in the order they first come,
 * one expander row per competency. */
static void
build_competencies (QdReviewEditor *self,
                    GPtrArray      *ratings)
{
  AdwPreferencesGroup *group = NULL;
  const char *group_name = NULL;

  clear_competencies (self);

  for (guint i = 0; i < ratings->len; i++)
    {
      QdCompetencyRatings *ratings_i = g_ptr_array_index (ratings, i);
      CompetencyRow *row = g_new0 (CompetencyRow, 1);
      g_autofree char *self_label = NULL;
      g_autofree char *manager_label = NULL;
      GtkWidget *self_rating_row;

      if (group == NULL || g_strcmp0 (group_name, ratings_i->group) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, ratings_i->group);
          if (gtk_widget_get_first_child (GTK_WIDGET (self->competencies_box)) == NULL)
            adw_preferences_group_set_description (group,
                                                   _("The manager’s ratings make the competencies score; "
                                                     "self ratings are shown beside them and never scored."));
          gtk_box_append (self->competencies_box, GTK_WIDGET (group));
          group_name = ratings_i->group;
        }

      row->self = self;
      row->competency_id = ratings_i->competency_id;
      row->name = g_strdup (ratings_i->name);

      row->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), ratings_i->name);
      adw_expander_row_set_subtitle (row->row, ratings_i->description);
      gtk_widget_set_name (GTK_WIDGET (row->row), "competency");


      /* Translators: the accessible name of a drop-down; %s is a competency */
      manager_label = g_strdup_printf (_("Manager rating for %s"), ratings_i->name);
      row->manager_dropdown = new_rating_dropdown (self, manager_label);
      gtk_widget_set_name (GTK_WIDGET (row->manager_dropdown), "manager-rating");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row->manager_dropdown), _("Manager rating"));
      gtk_widget_set_size_request (GTK_WIDGET (row->manager_dropdown), 250, -1);
      /* AdwExpanderRow 1.2 puts each action before the ones added earlier. */
      adw_expander_row_add_action (row->row, GTK_WIDGET (row->manager_dropdown));

      row->self_summary = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_set_valign (GTK_WIDGET (row->self_summary), GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (GTK_WIDGET (row->self_summary), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (row->self_summary), "numeric");
      gtk_widget_set_margin_end (GTK_WIDGET (row->self_summary), 6);
      adw_expander_row_add_action (row->row, GTK_WIDGET (row->self_summary));

      self_rating_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self_rating_row), _("Self rating"));
      /* Translators: the accessible name of a drop-down; %s is a competency */
      self_label = g_strdup_printf (_("Self rating for %s"), ratings_i->name);
      row->self_dropdown = new_rating_dropdown (self, self_label);
      gtk_widget_set_name (GTK_WIDGET (row->self_dropdown), "self-rating");
      adw_action_row_add_suffix (ADW_ACTION_ROW (self_rating_row), GTK_WIDGET (row->self_dropdown));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self_rating_row), GTK_WIDGET (row->self_dropdown));
      adw_expander_row_add_row (row->row, self_rating_row);

      row->self_comment_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->self_comment_row), _("Self comment"));
      gtk_widget_set_name (GTK_WIDGET (row->self_comment_row), "self-comment");
      adw_expander_row_add_row (row->row, GTK_WIDGET (row->self_comment_row));

      row->manager_comment_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->manager_comment_row), _("Manager comment"));
      gtk_widget_set_name (GTK_WIDGET (row->manager_comment_row), "manager-comment");
      adw_expander_row_add_row (row->row, GTK_WIDGET (row->manager_comment_row));

      g_signal_connect_swapped (row->self_dropdown, "notify::selected", G_CALLBACK (self_rating_selected_cb), row);
      g_signal_connect_swapped (row->manager_dropdown, "notify::selected",
                                G_CALLBACK (manager_rating_selected_cb), row);
      g_signal_connect_swapped (row->self_comment_row, "changed", G_CALLBACK (self_comment_changed_cb), row);
      g_signal_connect_swapped (row->manager_comment_row, "changed", G_CALLBACK (manager_comment_changed_cb), row);

      adw_preferences_group_add (group, GTK_WIDGET (row->row));
      g_ptr_array_add (self->competency_rows, row);
    }
}

static gboolean
same_competencies (QdReviewEditor *self,
                   GPtrArray      *ratings)
{
  if (self->competency_rows->len != ratings->len)
    return FALSE;
  for (guint i = 0; i < ratings->len; i++)
    {
      CompetencyRow *row = g_ptr_array_index (self->competency_rows, i);
      QdCompetencyRatings *r = g_ptr_array_index (ratings, i);

      if (row->competency_id != r->competency_id)
        return FALSE;
    }
  return TRUE;
}

static void
load_competencies (QdReviewEditor *self,
                   gboolean        self_editable,
                   gboolean        manager_editable)
{
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GError) error = NULL;

  ratings = qd_reviews_list_ratings (self->reviews, self->review_id, &error);
  if (ratings == NULL)
    {
      show_error (self, error->message);
      clear_competencies (self);
      return;
    }

  if (!same_competencies (self, ratings))
    build_competencies (self, ratings);

  for (guint i = 0; i < ratings->len; i++)
    {
      CompetencyRow *row = g_ptr_array_index (self->competency_rows, i);
      QdCompetencyRatings *r = g_ptr_array_index (ratings, i);
      g_autofree char *summary = NULL;

      row->self_rating = MIN (r->self_rating, scale_points (self));
      row->manager_rating = MIN (r->manager_rating, scale_points (self));
      g_free (row->self_comment);
      row->self_comment = g_strdup (r->self_comment != NULL ? r->self_comment : "");
      g_free (row->manager_comment);
      row->manager_comment = g_strdup (r->manager_comment != NULL ? r->manager_comment : "");

      if (gtk_drop_down_get_selected (row->self_dropdown) != row->self_rating)
        gtk_drop_down_set_selected (row->self_dropdown, row->self_rating);
      if (gtk_drop_down_get_selected (row->manager_dropdown) != row->manager_rating)
        gtk_drop_down_set_selected (row->manager_dropdown, row->manager_rating);
      if (!row->self_dirty)
        set_entry_text (row->self_comment_row, row->self_comment);
      if (!row->manager_dirty)
        set_entry_text (row->manager_comment_row, row->manager_comment);

      if (row->self_rating > 0)
        /* Translators: the member's own rating of a competency, beside the manager's */
        summary = g_strdup_printf (_("Self: %u"), row->self_rating);
      else
        summary = g_strdup (_("Self: –"));
      gtk_label_set_label (row->self_summary, summary);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row->self_summary),
                                   row->self_rating > 0
                                     ? gtk_string_list_get_string (self->scale_model, row->self_rating)
                                     : _("Not rated by the member"));

      gtk_widget_set_sensitive (GTK_WIDGET (row->self_dropdown), self_editable);
      gtk_widget_set_sensitive (GTK_WIDGET (row->self_comment_row), self_editable);
      gtk_widget_set_sensitive (GTK_WIDGET (row->manager_dropdown), manager_editable);
      gtk_widget_set_sensitive (GTK_WIDGET (row->manager_comment_row), manager_editable);
    }
}

/* ---- 360 feedback ---- */

static void
delete_feedback_clicked_cb (QdReviewEditor *self,
                            GtkButton      *button)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "response-id"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->saving = TRUE;
  ok = qd_reviews_delete_feedback (self->reviews, id, &error);
  self->saving = FALSE;
  if (ok)
    show_toast (self, qd_toast_new_text (_("The response was removed")));
  finish_edit (self, ok, error);
}

static void
add_feedback_row (QdReviewEditor *self,
                  GtkWidget      *row)
{
  adw_preferences_group_add (self->feedback_group, row);
  g_ptr_array_add (self->feedback_rows, row);
}

static GtkWidget *
new_text_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static char *
feedback_key (QdFeedbackSummary *summary)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < summary->named->len; i++)
    g_string_append_printf (key, "%" G_GINT64_FORMAT ",", ((QdFeedbackResponse *) g_ptr_array_index (summary->named, i))->id);
  g_string_append_printf (key, "|%u|%d", summary->n_anonymous, summary->anonymous_shown);
  return g_string_free (key, FALSE);
}

static void
load_feedback (QdReviewEditor *self,
               gboolean        editable)
{
  g_autoptr(QdFeedbackSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_feedback_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_feedback_button), editable);

  summary = qd_reviews_get_feedback (self->reviews, self->review_id, &error);
  if (summary == NULL)
    {
      show_error (self, error->message);
      return;
    }

  key = feedback_key (summary);
  if (g_strcmp0 (key, self->feedback_key) == 0)
    {
      for (guint i = 0; i < self->feedback_rows->len; i++)
        {
          GtkWidget *button = g_object_get_data (g_ptr_array_index (self->feedback_rows, i), "delete-button");
          if (button != NULL)
            gtk_widget_set_sensitive (button, editable);
        }
      return;
    }
  g_free (self->feedback_key);
  self->feedback_key = g_steal_pointer (&key);

  for (guint i = 0; i < self->feedback_rows->len; i++)
    adw_preferences_group_remove (self->feedback_group, g_ptr_array_index (self->feedback_rows, i));
  g_ptr_array_set_size (self->feedback_rows, 0);

  if (summary->named->len == 0 && summary->n_anonymous == 0)
    {
      add_feedback_row (self, new_text_row (_("No 360 feedback yet"),
                                            _("Add responses one by one, or import a survey tool’s CSV export.")));
      return;
    }

  for (guint i = 0; i < summary->named->len; i++)
    {
      QdFeedbackResponse *response = g_ptr_array_index (summary->named, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *when = format_day (response->submitted_on);
      g_autofree char *subtitle = NULL;
      g_autofree char *delete_label = NULL;
      GtkWidget *button;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), response->respondent_name);
      subtitle = g_strdup_printf ("%s · %s", qd_relationship_to_label (response->relationship), when);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: %s is the name of the person who gave the feedback */
      delete_label = g_strdup_printf (_("Remove the response of %s"), response->respondent_name);
      gtk_widget_set_tooltip_text (button, delete_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
      g_object_set_data (G_OBJECT (button), "response-id", GSIZE_TO_POINTER (response->id));
      g_signal_connect_object (button, "clicked", G_CALLBACK (delete_feedback_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_set_sensitive (button, editable);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
      g_object_set_data (G_OBJECT (row), "delete-button", button);

      for (guint j = 0; response->ratings != NULL && j < response->ratings->len; j++)
        {
          QdFeedbackRating *rating = g_ptr_array_index (response->ratings, j);
          GtkWidget *rating_row = new_text_row (rating->name, NULL);
          GtkWidget *value = gtk_label_new (rating->rating <= g_list_model_get_n_items (G_LIST_MODEL (self->scale_model)) - 1
                                              ? gtk_string_list_get_string (self->scale_model, rating->rating)
                                              : "");
          gtk_widget_add_css_class (value, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (rating_row), value);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), rating_row);
        }
      if (response->comment != NULL && *response->comment != '\0')
        {
          GtkWidget *comment_row = new_text_row (_("Comment"), response->comment);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), comment_row);
        }
      add_feedback_row (self, row);
    }

  if (summary->n_anonymous > 0 && !summary->anonymous_shown)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u anonymous response",
                                                             "%u anonymous responses", summary->n_anonymous),
                                                summary->n_anonymous);
      GtkWidget *row = new_text_row (title, summary->anonymous_note);
      GtkWidget *icon = gtk_image_new_from_icon_name ("view-conceal-symbolic");

      gtk_widget_set_tooltip_text (icon, summary->anonymous_note);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_name (row, "anonymous-hidden");
      add_feedback_row (self, row);
    }
  else if (summary->anonymous_shown)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u anonymous response, together",
                                                             "%u anonymous responses, together", summary->n_anonymous),
                                                summary->n_anonymous);
      GtkWidget *row = adw_expander_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                     _("Means per competency, shown where at least three people rated it"));
      for (guint j = 0; j < summary->anonymous_averages->len; j++)
        {
          QdFeedbackAverage *average = g_ptr_array_index (summary->anonymous_averages, j);
          g_autofree char *value = NULL;
          GtkWidget *average_row = new_text_row (average->name, NULL);
          GtkWidget *label;

          if (average->shown)
            {
              g_autofree char *mean = qd_review_format_rating (average->mean);
              /* Translators: a mean rating and how many anonymous responses it comes from */
              value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %u response",
                                                    "%s from %u responses", average->n),
                                       mean, average->n);
            }
          else
            value = g_strdup (_("Hidden: fewer than three rated it"));
          label = gtk_label_new (value);
          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (average_row), label);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), average_row);
        }
      for (guint j = 0; summary->anonymous_comments != NULL && summary->anonymous_comments[j] != NULL; j++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  new_text_row (_("Comment"), summary->anonymous_comments[j]));
      gtk_widget_set_name (row, "anonymous-shown");
      add_feedback_row (self, row);
    }
}

/* ---- KPIs and goals ---- */

static void
load_kpis (QdReviewEditor *self)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->kpi_rows->len; i++)
    adw_preferences_group_remove (self->kpi_group, g_ptr_array_index (self->kpi_rows, i));
  g_ptr_array_set_size (self->kpi_rows, 0);

  if (self->cycle != NULL)
    {
      g_autofree char *from = format_day (qd_review_cycle_get_period_start (self->cycle));
      g_autofree char *to = format_day (qd_review_cycle_get_period_end (self->cycle));
      /* Translators: the period of a review cycle, e.g. “The member’s numbers from 1 Jul 2026 to 30 Sep 2026, against their targets” */
      g_autofree char *description = g_strdup_printf (_("The member’s numbers from %s to %s, against their targets"),
                                                      from, to);
      adw_preferences_group_set_description (self->kpi_group, description);
    }

  results = qd_reviews_get_kpi_results (self->reviews, self->review_id, &error);
  if (results == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < results->len; i++)
    {
      QdReviewKpi *kpi = g_ptr_array_index (results, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *box;
      GtkWidget *value;
      GtkWidget *icon;
      GtkWidget *verdict;
      const char *verdict_text;
      const char *icon_name;

      if (kpi->has_target)
        {
          g_autofree char *target = qd_metric_format_value (kpi->unit, kpi->target);
          /* Translators: %s is a KPI target such as “90 %” or “60 min” */
          subtitle = g_strdup_printf (kpi->higher_is_better ? _("Target: %s or more") : _("Target: %s or less"),
                                      target);
        }
      else
        subtitle = g_strdup (_("No target"));
      if (kpi->sample_size > 0)
        {
          g_autofree char *with_samples = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u sample",
                                                                        "%s · %u samples", kpi->sample_size),
                                                           subtitle, kpi->sample_size);
          g_free (subtitle);
          subtitle = g_steal_pointer (&with_samples);
        }

      row = new_text_row (kpi->name, subtitle);
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      value = gtk_label_new (kpi->value_label);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "heading");

      if (isnan (kpi->value))
        {
          verdict_text = C_("kpi", "No data");
          icon_name = NULL;
        }
      else if (!kpi->has_target)
        {
          verdict_text = "";
          icon_name = NULL;
        }
      else if (kpi->met)
        {
          verdict_text = C_("kpi", "Met");
          icon_name = "emblem-ok-symbolic";
        }
      else
        {
          verdict_text = C_("kpi", "Below target");
          icon_name = "dialog-warning-symbolic";
        }

      gtk_box_append (GTK_BOX (box), value);
      if (icon_name != NULL)
        {
          icon = gtk_image_new_from_icon_name (icon_name);
          if (kpi->met)
            gtk_widget_add_css_class (icon, "success");
          else if (!isnan (kpi->value))
            gtk_widget_add_css_class (icon, "warning");
          gtk_box_append (GTK_BOX (box), icon);
        }
      verdict = gtk_label_new (verdict_text);
      gtk_label_set_width_chars (GTK_LABEL (verdict), 10);
      gtk_label_set_xalign (GTK_LABEL (verdict), 0);
      gtk_widget_add_css_class (verdict, "dim-label");
      gtk_box_append (GTK_BOX (box), verdict);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

      adw_preferences_group_add (self->kpi_group, row);
      g_ptr_array_add (self->kpi_rows, row);
    }
}

static void
load_score (QdReviewEditor *self)
{
  QdReviewScore score;
  g_autoptr(GError) error = NULL;
  g_autofree char *formula = NULL;
  QdSectionScore *goals;
  QdTier tier;

  if (!qd_reviews_get_score (self->reviews, self->review_id, &score, &error))
    {
      gtk_label_set_label (self->score_value_label, "–");
      gtk_label_set_label (self->score_formula_label, error->message);
      return;
    }

  formula = qd_review_describe_score (&score);
  gtk_label_set_label (self->score_formula_label, formula);
  if (isnan (score.final))
    {
      gtk_label_set_label (self->score_value_label, _("No score yet"));
      gtk_label_set_label (self->score_tier_label, "");
    }
  else
    {
      g_autofree char *value = qd_review_format_rating (score.final);
      /* Translators: a final score on a scale, e.g. “3.8 of 5” */
      g_autofree char *text = g_strdup_printf (_("%s of %u"), value, score.scale_points);

      gtk_label_set_label (self->score_value_label, text);
      tier = qd_review_scale_tier (score.scale_points, score.final);
      {
        /* Translators: a performer tier and what it calls for, e.g. “Top tier · Recognise” */
        g_autofree char *tier_text = g_strdup_printf (_("%s tier · %s"), qd_review_tier_to_label (tier),
                                                      qd_review_tier_to_action (tier));
        gtk_label_set_label (self->score_tier_label, tier_text);
      }
    }

  goals = &score.sections[QD_REVIEW_SECTION_GOALS];
  if (!goals->scored || isnan (score.goals_progress))
    {
      gtk_label_set_label (self->goals_value_label, _("No goals in this period"));
      adw_action_row_set_subtitle (self->goals_row, _("Left out of the score; it is not counted as zero."));
    }
  else
    {
      g_autofree char *value = qd_review_format_rating (goals->score);
      g_autofree char *text = g_strdup_printf (_("%s of %u"), value, score.scale_points);
      /* Translators: the mean progress of the member's goals, in percent */
      g_autofree char *subtitle = g_strdup_printf (_("Mean progress of the goals in the period: %.0f %%"),
                                                   score.goals_progress);
      gtk_label_set_label (self->goals_value_label, text);
      adw_action_row_set_subtitle (self->goals_row, subtitle);
    }
}

/* ---- evidence from 1:1s and the development plan ---- */

static void
update_note_row (GtkWidget *row)
{
  QdMemberNote *note = g_object_get_data (G_OBJECT (row), "note");
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "kind-icon");
  QdNoteKind kind = qd_member_note_get_kind (note);
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;

  g_object_get (note, "noted-on-label", &day, NULL);
  /* Translators: a note's kind and day, e.g. “1:1 · 3 Nov 2026” */
  title = g_strdup_printf (_("%s · %s"), qd_note_kind_to_label (kind), day);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), qd_member_note_get_text (note));
  gtk_image_set_from_icon_name (icon, qd_note_row_kind_icon_name (kind));
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, "evidence-note");
  /* The word says the kind; the icon only repeats it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "note", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "kind-icon", icon);
  g_signal_connect_object (item, "notify", G_CALLBACK (update_note_row), row, G_CONNECT_SWAPPED);
  update_note_row (row);
  return row;
}

typedef struct
{
  QdReviewEditor      *self;      /* not a reference: the rows live inside it */
  QdDevelopmentAction *action;
  GtkWidget           *check;
  gboolean             updating;
} ActionRow;

static void
action_row_free (ActionRow *action_row)
{
  g_clear_object (&action_row->action);
  g_free (action_row);
}

static void
update_action_row (GtkWidget *row)
{
  ActionRow *action_row = g_object_get_data (G_OBJECT (row), "action-row");
  QdDevelopmentAction *action = action_row->action;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), qd_development_action_get_title (action));
  if (*qd_development_action_get_owner_name (action) != '\0')
    /* Translators: who sees a development action through */
    g_string_append_printf (subtitle, _("Owner: %s"), qd_development_action_get_owner_name (action));
  else
    g_string_append (subtitle, _("No owner"));
  if (*qd_development_action_get_due_date (action) != '\0')
    {
      g_autofree char *due_label = NULL;

      g_object_get (action, "due-date-label", &due_label, NULL);
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("Due %s"), due_label);
    }
  if (qd_development_action_get_done (action))
    g_string_append_printf (subtitle, " · %s", C_("development action", "Done"));
  else if (qd_development_action_get_overdue (action))
    g_string_append_printf (subtitle, " · %s", _("Overdue"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  action_row->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (action_row->check), qd_development_action_get_done (action));
  action_row->updating = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (action_row->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, qd_development_action_get_title (action),
                                  -1);
}

static void
action_done_toggled_cb (GtkWidget *row)
{
  ActionRow *action_row = g_object_get_data (G_OBJECT (row), "action-row");
  QdReviewEditor *self = action_row->self;
  g_autoptr(GError) error = NULL;

  if (action_row->updating || self->goals == NULL)
    return;
  if (!qd_goals_set_action_done (self->goals, qd_development_action_get_id (action_row->action),
                                 gtk_check_button_get_active (GTK_CHECK_BUTTON (action_row->check)), &error))
    {
      show_error (self, error->message);
      update_action_row (row);
    }
}

static void
action_undo_clicked_cb (AdwToast       *toast,
                        QdReviewEditor *self)
{
  QdGoalsUndo *undo = g_object_get_data (G_OBJECT (toast), "undo");
  g_autoptr(GError) error = NULL;

  if (undo != NULL && self->goals != NULL && !qd_goals_undo (self->goals, undo, &error))
    show_error (self, error->message);
  g_object_set_data (G_OBJECT (toast), "undo", NULL);
}

static void
delete_action_clicked_cb (GtkWidget *row)
{
  ActionRow *action_row = g_object_get_data (G_OBJECT (row), "action-row");
  QdReviewEditor *self = action_row->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  QdGoalsUndo *undo;
  AdwToast *toast;

  if (self->goals == NULL)
    return;
  undo = qd_goals_delete_action (self->goals, qd_development_action_get_id (action_row->action), &error);
  if (undo == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: in a toast; %s is what a development action says */
  title = g_strdup_printf (_("Action “%s” deleted"), qd_goals_undo_get_title (undo));
  toast = qd_toast_new_text (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "undo", undo, (GDestroyNotify) qd_goals_undo_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (action_undo_clicked_cb), self, 0);
  show_toast (self, toast);
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  ActionRow *action_row = g_new0 (ActionRow, 1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete_button;

  action_row->self = user_data;
  action_row->action = g_object_ref (item);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, "development-action");

  action_row->check = gtk_check_button_new ();
  gtk_widget_set_valign (action_row->check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), action_row->check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), action_row->check);

  delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Delete Action"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Action"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);

  g_object_set_data_full (G_OBJECT (row), "action-row", action_row, (GDestroyNotify) action_row_free);
  g_signal_connect_object (action_row->check, "toggled", G_CALLBACK (action_done_toggled_cb),
                           row, G_CONNECT_SWAPPED);
  g_signal_connect_object (delete_button, "clicked", G_CALLBACK (delete_action_clicked_cb),
                           row, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify", G_CALLBACK (update_action_row), row, G_CONNECT_SWAPPED);
  update_action_row (row);
  return row;
}

static void
unbind_plan (QdReviewEditor *self)
{
  if (self->evidence_list != NULL)
    gtk_list_box_bind_model (self->evidence_list, NULL, NULL, NULL, NULL);
  if (self->plan_list != NULL)
    gtk_list_box_bind_model (self->plan_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->note_list);
  g_clear_object (&self->action_list);
  g_clear_pointer (&self->plan_key, g_free);
}

/* The notes of the member in the cycle's period and the actions tied to
 * this review: live lists, made again only when what they are for
 * changes. */
static void
load_evidence_and_plan (QdReviewEditor *self)
{
  gboolean shown = self->goals != NULL && self->notes != NULL && self->review != NULL && self->cycle != NULL;
  g_autofree char *today = NULL;
  g_autofree char *key = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *description = NULL;
  const char *period_start;
  const char *period_end;
  gint64 member_id;

  gtk_widget_set_visible (GTK_WIDGET (self->evidence_group), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_group), shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-action", shown);
  if (!shown)
    {
      unbind_plan (self);
      return;
    }

  today = today_string (self);
  member_id = qd_review_get_member_id (self->review);
  period_start = qd_review_cycle_get_period_start (self->cycle);
  period_end = qd_review_cycle_get_period_end (self->cycle);
  key = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s|%s|%s|%p|%p", self->review_id, member_id,
                         period_start, period_end, today, (gpointer) self->goals, (gpointer) self->notes);
  if (g_strcmp0 (key, self->plan_key) == 0)
    return;

  unbind_plan (self);
  self->plan_key = g_steal_pointer (&key);

  from = format_day (period_start);
  to = format_day (period_end);
  /* Translators: above the notes shown in a review; the days are the cycle's period */
  description = g_strdup_printf (_("The member’s 1:1 notes and feedback log from %s to %s, newest first"), from, to);
  adw_preferences_group_set_description (self->evidence_group, description);

  self->note_list = qd_notes_list_for_period (self->notes, member_id, period_start, period_end);
  gtk_list_box_bind_model (self->evidence_list, self->note_list, create_note_row, self, NULL);
  self->action_list = qd_goals_list_actions (self->goals, member_id, self->review_id, today);
  gtk_list_box_bind_model (self->plan_list, self->action_list, create_action_row, self, NULL);
}

/* The editor of a new development action, in a message dialog that
 * offers Add only for what the model accepts and says why otherwise in
 * its body. */
typedef struct
{
  QdReviewEditor      *self;      /* a reference */
  QdDevelopmentAction *action;
  GListStore          *owners;
  GtkWidget           *title_row;
  GtkWidget           *owner_row;
  GtkWidget           *due_row;
} ActionEditor;

static void
action_editor_free (ActionEditor *editor)
{
  g_clear_object (&editor->self);
  g_clear_object (&editor->action);
  g_clear_object (&editor->owners);
  g_free (editor);
}

static void
action_editor_apply (ActionEditor *editor)
{
  g_autofree char *due = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->due_row))));

  qd_development_action_set_title (editor->action, gtk_editable_get_text (GTK_EDITABLE (editor->title_row)));
  if (gtk_widget_get_visible (editor->owner_row))
    {
      QdMember *owner = adw_combo_row_get_selected_item (ADW_COMBO_ROW (editor->owner_row));
      qd_development_action_set_owner_id (editor->action, owner != NULL ? qd_member_get_id (owner) : 0);
    }
  qd_development_action_set_due_date (editor->action, due);
}

static void
action_editor_changed_cb (AdwMessageDialog *dialog)
{
  ActionEditor *editor = g_object_get_data (G_OBJECT (dialog), "editor");
  g_autoptr(GError) error = NULL;
  gboolean valid = FALSE;

  action_editor_apply (editor);
  if (editor->self->goals != NULL)
    valid = qd_goals_validate_action (editor->self->goals, editor->action, &error);
  adw_message_dialog_set_response_enabled (dialog, "add", valid);
  /* The body says what the model refuses, in its own words. */
  adw_message_dialog_set_body (dialog, error != NULL ? error->message : "");
}

static void
action_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response)
{
  ActionEditor *editor = g_object_get_data (G_OBJECT (dialog), "editor");
  QdReviewEditor *self = editor->self;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->goals == NULL)
    return;
  action_editor_apply (editor);
  if (qd_goals_add_action (self->goals, editor->action, &error) <= 0)
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      show_error (self, message);
    }
}

static void
add_action_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QdReviewEditor *self = QD_REVIEW_EDITOR (widget);
  g_autoptr(QdMember) nobody = NULL;
  g_autoptr(GtkExpression) name = NULL;
  ActionEditor *editor;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *group;
  gint64 member_id;
  guint selected = 0;

  if (self->review == NULL || self->goals == NULL)
    return;
  save_pending (self);
  member_id = qd_review_get_member_id (self->review);

  editor = g_new0 (ActionEditor, 1);
  editor->self = g_object_ref (self);
  editor->action = qd_development_action_new ();
  qd_development_action_set_member_id (editor->action, member_id);
  qd_development_action_set_review_id (editor->action, self->review_id);
  /* Their own plan: they see it through unless said otherwise. */
  qd_development_action_set_owner_id (editor->action, member_id);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Add a Development Action"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  group = adw_preferences_group_new ();
  editor->title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->title_row), _("What is to be done"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (editor->title_row), TRUE);

  editor->owners = g_list_store_new (QD_TYPE_MEMBER);
  nobody = qd_member_new ();
  qd_member_set_name (nobody, _("Nobody"));
  g_list_store_append (editor->owners, nobody);
  if (self->roster != NULL)
    {
      g_autoptr(QdMemberList) members = qd_member_list_new (self->roster);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QdMember) member = g_list_model_get_item (G_LIST_MODEL (members), i);

          g_list_store_append (editor->owners, member);
          if (qd_member_get_id (member) == member_id)
            selected = i + 1;
        }
    }
  editor->owner_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->owner_row), _("Owner"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (editor->owner_row), _("Who sees it through"));
  name = gtk_property_expression_new (QD_TYPE_MEMBER, NULL, "name");
  adw_combo_row_set_expression (ADW_COMBO_ROW (editor->owner_row), name);
  adw_combo_row_set_model (ADW_COMBO_ROW (editor->owner_row), G_LIST_MODEL (editor->owners));
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor->owner_row), selected);
  /* Without the roster there is nobody to choose from: the member owns it. */
  gtk_widget_set_visible (editor->owner_row, self->roster != NULL && selected > 0);

  editor->due_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->due_row), _("Due date (year-month-day, optional)"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (editor->due_row), TRUE);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), editor->title_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), editor->owner_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), editor->due_row);
  gtk_box_append (GTK_BOX (box), group);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data_full (G_OBJECT (dialog), "editor", editor, (GDestroyNotify) action_editor_free);
  /* Nothing typed yet: Add waits for what is to be done, without a
   * complaint before the first key. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add",
                                           qd_goals_validate_action (self->goals, editor->action, NULL));
  g_signal_connect_object (editor->title_row, "changed", G_CALLBACK (action_editor_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor->due_row, "changed", G_CALLBACK (action_editor_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor->owner_row, "notify::selected", G_CALLBACK (action_editor_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (action_dialog_response_cb), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (editor->title_row);
}

/* ---- header and the next step ---- */

typedef enum
{
  STEP_NONE,
  STEP_START_SELF,
  STEP_SUBMIT_SELF,
  STEP_SUBMIT_MANAGER,
  STEP_CALIBRATE,
  STEP_SHARE,
} Step;

static Step
next_step (QdReviewEditor *self)
{
  switch (qd_review_get_status (self->review))
    {
    case QD_REVIEW_STATUS_NOT_STARTED:
      return STEP_START_SELF;
    case QD_REVIEW_STATUS_SELF_REVIEW:
      return STEP_SUBMIT_SELF;
    case QD_REVIEW_STATUS_MANAGER_REVIEW:
      return qd_review_get_manager_submitted (self->review) ? STEP_CALIBRATE : STEP_SUBMIT_MANAGER;
    case QD_REVIEW_STATUS_CALIBRATED:
      return STEP_SHARE;
    case QD_REVIEW_STATUS_SHARED:
    default:
      return STEP_NONE;
    }
}

static QdReviewStatus
step_status (Step step)
{
  switch (step)
    {
    case STEP_START_SELF: return QD_REVIEW_STATUS_SELF_REVIEW;
    case STEP_SUBMIT_SELF: return QD_REVIEW_STATUS_MANAGER_REVIEW;
    case STEP_CALIBRATE: return QD_REVIEW_STATUS_CALIBRATED;
    case STEP_SHARE: return QD_REVIEW_STATUS_SHARED;
    case STEP_NONE:
    case STEP_SUBMIT_MANAGER:
    default:
      return QD_REVIEW_STATUS_NOT_STARTED;
    }
}

static char *
first_name (const char *name)
{
  const char *space = strchr (name, ' ');

  return space != NULL ? g_strndup (name, space - name) : g_strdup (name);
}

static void
load_header (QdReviewEditor *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *today = today_string (self);
  QdReviewOverdue overdue;
  Step step = next_step (self);
  const char *reviewer = qd_review_get_reviewer_name (self->review);

  gtk_label_set_label (self->title_label, qd_review_get_member_name (self->review));

  g_string_append (subtitle, qd_review_get_cycle_name (self->review));
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, qd_review_status_to_label (qd_review_get_status (self->review)));
  if (qd_review_get_manager_submitted (self->review) &&
      qd_review_get_status (self->review) == QD_REVIEW_STATUS_MANAGER_REVIEW)
    g_string_append_printf (subtitle, " (%s)", _("submitted"));
  g_string_append (subtitle, " · ");
  if (*reviewer != '\0')
    /* Translators: %s is the name of the manager who reviews the member */
    g_string_append_printf (subtitle, _("Reviewed by %s"), reviewer);
  else
    g_string_append (subtitle, _("No reviewer"));
  if (qd_review_get_member_left (self->review))
    g_string_append_printf (subtitle, " · %s", _("Has left the team"));
  gtk_label_set_label (self->subtitle_label, subtitle->str);

  overdue = qd_review_get_overdue (self->review, today);
  if (overdue != QD_REVIEW_OVERDUE_NONE)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *joined = NULL;
      g_autofree char *text = NULL;

      if (overdue & QD_REVIEW_OVERDUE_SELF)
        g_ptr_array_add (parts, (gpointer) C_("overdue", "self review"));
      if (overdue & QD_REVIEW_OVERDUE_MANAGER)
        g_ptr_array_add (parts, (gpointer) C_("overdue", "manager review"));
      if (overdue & QD_REVIEW_OVERDUE_CALIBRATION)
        g_ptr_array_add (parts, (gpointer) C_("overdue", "calibration"));
      g_ptr_array_add (parts, NULL);
      joined = g_strjoinv (", ", (char **) parts->pdata);
      /* Translators: %s lists what is late, e.g. “self review, manager review” */
      text = g_strdup_printf (_("Overdue: %s"), joined);
      gtk_label_set_label (self->overdue_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_box), overdue != QD_REVIEW_OVERDUE_NONE);

  /* The next step, enabled when the model would take it; else why not. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *label = NULL;
    gboolean can = TRUE;

    switch (step)
      {
      case STEP_START_SELF:
        label = g_strdup (_("_Start Self Review"));
        break;
      case STEP_SUBMIT_SELF:
        label = g_strdup (_("Submit _Self Review"));
        break;
      case STEP_SUBMIT_MANAGER:
        label = g_strdup (_("Submit _Manager Review"));
        break;
      case STEP_CALIBRATE:
        label = g_strdup (_("_Mark Calibrated"));
        break;
      case STEP_SHARE:
        {
          g_autofree char *name = first_name (qd_review_get_member_name (self->review));
          /* Translators: %s is the first name of the member whose review is shared with them */
          label = g_strdup_printf (_("_Share with %s"), name);
        }
        break;
      case STEP_NONE:
      default:
        break;
      }

    if (step != STEP_NONE && step != STEP_SUBMIT_MANAGER)
      can = qd_reviews_can_set_review_status (self->reviews, self->review_id, step_status (step), &error);
    else if (step == STEP_SUBMIT_MANAGER)
      {
        if (qd_review_get_cycle_status (self->review) != QD_CYCLE_STATUS_OPEN || qd_review_get_ratings_locked (self->review))
          {
            can = FALSE;
            g_set_error_literal (&error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW,
                                 _("Manager reviews are submitted while the cycle is open."));
          }
        else if (isnan (qd_review_get_overall_rating (self->review)))
          {
            /* Still pressable: the model says what is missing. */
            g_set_error_literal (&error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID,
                                 _("Give an overall rating to submit."));
          }
      }

    gtk_widget_set_visible (GTK_WIDGET (self->step_button), step != STEP_NONE);
    if (label != NULL)
      gtk_button_set_label (self->step_button, label);
    gtk_widget_set_sensitive (GTK_WIDGET (self->step_button), can);
    g_object_set_data (G_OBJECT (self->step_button), "qd-step", GINT_TO_POINTER (step));

    if (step == STEP_NONE)
      {
        g_autofree char *when = NULL;
        const char *shared_at = qd_review_get_shared_at (self->review);

        if (*shared_at != '\0')
          {
            g_autofree char *day = g_strndup (shared_at, 10);
            when = format_day (day);
            /* Translators: %s is a day */
            g_autofree char *text = g_strdup_printf (_("Shared on %s"), when);
            gtk_label_set_label (self->step_hint, text);
          }
        else
          gtk_label_set_label (self->step_hint, _("Shared"));
        gtk_widget_set_visible (GTK_WIDGET (self->step_hint), TRUE);
      }
    else if (error != NULL)
      {
        gtk_label_set_label (self->step_hint, error->message);
        gtk_widget_set_visible (GTK_WIDGET (self->step_hint), TRUE);
      }
    else
      gtk_widget_set_visible (GTK_WIDGET (self->step_hint), FALSE);
  }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.skip-self-review",
                                 qd_review_get_status (self->review) == QD_REVIEW_STATUS_NOT_STARTED);
  /* Its one item only makes sense before the self review. */
  gtk_widget_set_visible (GTK_WIDGET (self->more_button),
                          qd_review_get_status (self->review) == QD_REVIEW_STATUS_NOT_STARTED);
}

static void
step_button_clicked_cb (QdReviewEditor *self)
{
  Step step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self->step_button), "qd-step"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->review == NULL)
    return;

  save_pending (self);
  self->saving = TRUE;
  if (step == STEP_SUBMIT_MANAGER)
    ok = qd_reviews_submit_manager_review (self->reviews, self->review_id, &error);
  else if (step != STEP_NONE)
    ok = qd_reviews_set_review_status (self->reviews, self->review_id, step_status (step), &error);
  else
    ok = TRUE;
  self->saving = FALSE;

  if (ok && step == STEP_SUBMIT_MANAGER)
    show_toast (self, qd_toast_new_text (_("The manager review was submitted")));
  else if (ok && step == STEP_SHARE)
    show_toast (self, qd_toast_new_text (_("The review was shared")));
  finish_edit (self, ok, error);
}

/* ---- the summary rows ---- */

static void
overall_selected_cb (QdReviewEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->loading || self->saving)
    return;
  self->saving = TRUE;
  ok = qd_reviews_set_overall_rating (self->reviews, self->review_id,
                                      dropdown_rating (self, self->overall_dropdown), &error);
  self->saving = FALSE;
  finish_edit (self, ok, error);
}

static void
kpi_rating_selected_cb (QdReviewEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->loading || self->saving)
    return;
  self->saving = TRUE;
  ok = qd_reviews_set_kpi_rating (self->reviews, self->review_id,
                                  dropdown_rating (self, self->kpi_rating_dropdown), &error);
  self->saving = FALSE;
  finish_edit (self, ok, error);
}

static void
calibrated_selected_cb (QdReviewEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->loading || self->saving)
    return;
  self->saving = TRUE;
  ok = qd_reviews_calibrate (self->reviews, self->review_id,
                             dropdown_rating (self, self->calibrated_dropdown), &error);
  self->saving = FALSE;
  finish_edit (self, ok, error);
}

static void
potential_selected_cb (QdReviewEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->loading || self->saving)
    return;
  self->saving = TRUE;
  ok = qd_reviews_set_potential (self->reviews, self->review_id,
                                 gtk_drop_down_get_selected (self->potential_dropdown), &error);
  self->saving = FALSE;
  finish_edit (self, ok, error);
}

static void
reviewer_selected_cb (QdReviewEditor *self)
{
  g_autoptr(GError) error = NULL;
  QdMember *member;
  gboolean ok;

  if (self->loading)
    return;
  member = adw_combo_row_get_selected_item (self->reviewer_row);
  self->saving = TRUE;
  ok = qd_reviews_set_reviewer (self->reviews, self->review_id, member != NULL ? qd_member_get_id (member) : 0,
                                &error);
  self->saving = FALSE;
  finish_edit (self, ok, error);
}

static void
load_reviewers (QdReviewEditor *self)
{
  g_autoptr(QdMember) nobody = NULL;
  g_autoptr(GListStore) store = NULL;
  gint64 reviewer = qd_review_get_reviewer_id (self->review);
  guint selected = 0;
  gboolean found = FALSE;
  gboolean same;
  guint n;

  gtk_widget_set_visible (GTK_WIDGET (self->reviewer_row), self->roster != NULL);
  if (self->roster == NULL)
    return;

  nobody = qd_member_new ();
  qd_member_set_name (nobody, _("No reviewer"));
  store = g_list_store_new (QD_TYPE_MEMBER);
  g_list_store_append (store, nobody);
  {
    g_autoptr(GListModel) leaders = qd_roster_list_leaders (self->roster, qd_review_get_member_id (self->review));

    for (guint i = 0; i < g_list_model_get_n_items (leaders); i++)
      {
        g_autoptr(QdMember) leader = g_list_model_get_item (leaders, i);

        g_list_store_append (store, leader);
        if (qd_member_get_id (leader) == reviewer)
          {
            selected = i + 1;
            found = TRUE;
          }
      }
  }
  if (reviewer > 0 && !found)
    {
      g_autoptr(QdMember) current = qd_roster_load_member (self->roster, reviewer, NULL);
      if (current != NULL)
        {
          g_list_store_append (store, current);
          selected = g_list_model_get_n_items (G_LIST_MODEL (store)) - 1;
        }
    }

  /* A new model only when the people differ: replacing it resets the
   * selection, which the combo row announces. */
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  same = self->reviewers != NULL && g_list_model_get_n_items (self->reviewers) == n;
  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(QdMember) a = g_list_model_get_item (self->reviewers, i);
      g_autoptr(QdMember) b = g_list_model_get_item (G_LIST_MODEL (store), i);

      same = qd_member_get_id (a) == qd_member_get_id (b) &&
             g_strcmp0 (qd_member_get_name (a), qd_member_get_name (b)) == 0;
    }
  if (!same)
    {
      g_clear_object (&self->reviewers);
      self->reviewers = G_LIST_MODEL (g_steal_pointer (&store));
      adw_combo_row_set_model (self->reviewer_row, self->reviewers);
    }
  if (adw_combo_row_get_selected (self->reviewer_row) != selected)
    adw_combo_row_set_selected (self->reviewer_row, selected);
}

/* ---- loading ---- */

static void
build_scale (QdReviewEditor *self)
{
  guint points = scale_points (self);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("Not rated"));
  for (guint p = 1; p <= points; p++)
    {
      const char *label = self->cycle != NULL ? qd_review_cycle_get_scale_label (self->cycle, p) : "";
      g_autofree char *item = label != NULL && *label != '\0'
                                /* Translators: a point of a rating scale and its label, e.g. “3 — Meets expectations” */
                                ? g_strdup_printf (_("%u — %s"), p, label)
                                : g_strdup_printf ("%u", p);
      gtk_string_list_append (model, item);
    }
  g_set_object (&self->scale_model, model);
}

static gboolean
same_scale (QdReviewEditor *self)
{
  return self->scale_model != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (self->scale_model)) == scale_points (self) + 1;
}

/* Reads the review again and puts every widget to what is stored, except
 * the text being typed and not saved yet. */
static void
refresh (QdReviewEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdReview) review = NULL;
  QdCycleStatus cycle_status;
  QdReviewStatus status;
  gboolean locked, open, calibrating, self_editable, manager_editable;

  if (self->reviews == NULL || self->review_id == 0 || self->saving || self->disposing)
    return;

  review = qd_reviews_load_review (self->reviews, self->review_id, &error);
  if (review == NULL)
    {
      /* Removed: nothing left to show. */
      self->review_id = 0;
      g_clear_object (&self->review);
      g_signal_emit (self, signals[BACK], 0);
      return;
    }
  g_set_object (&self->review, review);
  {
    g_autoptr(QdReviewCycle) cycle = qd_reviews_load_cycle (self->reviews, qd_review_get_cycle_id (review), NULL);
    g_set_object (&self->cycle, cycle);
  }

  cycle_status = qd_review_get_cycle_status (review);
  status = qd_review_get_status (review);
  locked = qd_review_get_ratings_locked (review);
  open = cycle_status == QD_CYCLE_STATUS_OPEN && !locked;
  calibrating = cycle_status == QD_CYCLE_STATUS_CALIBRATING && !locked;
  self_editable = open && status <= QD_REVIEW_STATUS_SELF_REVIEW;
  /* Sensitive before the manager review too: the model then says what
   * to do first, which teaches more than a greyed-out drop-down. */
  manager_editable = open && status <= QD_REVIEW_STATUS_MANAGER_REVIEW;

  self->loading = TRUE;

  if (!same_scale (self))
    {
      build_scale (self);
      clear_competencies (self);
      g_clear_pointer (&self->feedback_key, g_free);
    }

  load_header (self);
  gtk_info_bar_set_revealed (self->locked_bar, locked || cycle_status == QD_CYCLE_STATUS_PLANNED);
  if (cycle_status == QD_CYCLE_STATUS_PLANNED)
    gtk_label_set_label (self->locked_label, _("The cycle has not opened yet: nothing can be rated"));
  else
    gtk_label_set_label (self->locked_label, _("Ratings are locked after calibration"));

  load_competencies (self, self_editable, manager_editable);
  load_feedback (self, (cycle_status == QD_CYCLE_STATUS_OPEN || cycle_status == QD_CYCLE_STATUS_CALIBRATING) && !locked);
  load_score (self);

  set_rating_dropdown (self, self->overall_dropdown, _("Not rated"), qd_review_get_overall_rating (review));
  set_rating_dropdown (self, self->kpi_rating_dropdown, _("Not rated"), qd_review_get_kpi_rating (review));
  set_rating_dropdown (self, self->calibrated_dropdown, _("Same as the overall rating"),
                       qd_review_get_calibrated_rating (review));
  if (gtk_drop_down_get_selected (self->potential_dropdown) != (guint) qd_review_get_potential (review))
    gtk_drop_down_set_selected (self->potential_dropdown, qd_review_get_potential (review));
  gtk_widget_set_sensitive (GTK_WIDGET (self->overall_dropdown), manager_editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kpi_rating_dropdown), manager_editable);
  gtk_widget_set_visible (GTK_WIDGET (self->calibrated_row), cycle_status >= QD_CYCLE_STATUS_CALIBRATING);
  gtk_widget_set_sensitive (GTK_WIDGET (self->calibrated_dropdown), calibrating);
  gtk_widget_set_sensitive (GTK_WIDGET (self->potential_dropdown), open || calibrating);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reviewer_row), !locked && cycle_status != QD_CYCLE_STATUS_CLOSED);
  load_reviewers (self);

  if (!self->summary_dirty)
    {
      set_buffer_text (self->strengths_view, qd_review_get_strengths (review));
      set_buffer_text (self->improvements_view, qd_review_get_improvements (review));
    }
  gtk_text_view_set_editable (self->strengths_view, status != QD_REVIEW_STATUS_SHARED);
  gtk_text_view_set_editable (self->improvements_view, status != QD_REVIEW_STATUS_SHARED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->strengths_view), status != QD_REVIEW_STATUS_SHARED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->improvements_view), status != QD_REVIEW_STATUS_SHARED);
  load_evidence_and_plan (self);

  self->loading = FALSE;
}

static void
reviews_changed_cb (QdReviewEditor *self)
{
  refresh (self);
}

static void
kpis_changed_cb (QdReviewEditor *self)
{
  if (self->review_id > 0 && self->reviews != NULL)
    load_kpis (self);
  refresh (self);
}

/* ---- adding 360 feedback ---- */

static void
feedback_anonymous_cb (GtkSwitch   *anonymous,
                       GParamSpec  *pspec,
                       AdwEntryRow *name_row)
{
  gboolean on = gtk_switch_get_active (anonymous);

  if (on)
    gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  gtk_widget_set_sensitive (GTK_WIDGET (name_row), !on);
}

static void
feedback_dialog_check_cb (AdwMessageDialog *dialog)
{
  GtkSwitch *anonymous = g_object_get_data (G_OBJECT (dialog), "anonymous");
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "add", gtk_switch_get_active (anonymous) || *text != '\0');
}

static void
feedback_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             QdReviewEditor   *self)
{
  GtkSwitch *anonymous = g_object_get_data (G_OBJECT (dialog), "anonymous");
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *comment = g_object_get_data (G_OBJECT (dialog), "comment");
  AdwComboRow *relationship = g_object_get_data (G_OBJECT (dialog), "relationship");
  GPtrArray *rating_rows = g_object_get_data (G_OBJECT (dialog), "ratings");
  gint64 review_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "review-id"));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ratings = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  QdFeedbackInput input = { 0 };
  gint64 id;

  if (g_strcmp0 (response, "add") != 0 || self->reviews == NULL)
    return;

  for (guint i = 0; i < rating_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (rating_rows, i);
      gint64 competency_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "competency-id"));
      guint rating = adw_combo_row_get_selected (row);

      if (rating == 0 || rating == GTK_INVALID_LIST_POSITION)
        continue;
      g_array_append_val (ids, competency_id);
      g_array_append_val (ratings, rating);
    }

  input.relationship = adw_combo_row_get_selected (relationship);
  input.anonymous = gtk_switch_get_active (anonymous);
  input.respondent_name = input.anonymous ? NULL : gtk_editable_get_text (name);
  input.comment = gtk_editable_get_text (comment);
  input.n_ratings = ids->len;
  input.competency_ids = (const gint64 *) ids->data;
  input.ratings = (const guint *) ratings->data;

  self->saving = TRUE;
  id = qd_reviews_add_feedback (self->reviews, review_id, &input, &error);
  self->saving = FALSE;
  if (id > 0)
    show_toast (self, qd_toast_new_text (input.anonymous ? _("The anonymous response was added")
                                                     : _("The response was added")));
  finish_edit (self, id > 0, error);
}

static void
add_feedback_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  QdReviewEditor *self = QD_REVIEW_EDITOR (widget);
  g_autoptr(GtkStringList) relationships = gtk_string_list_new (NULL);
  GPtrArray *rating_rows = g_ptr_array_new ();
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *group;
  GtkWidget *ratings_group;
  GtkWidget *scrolled;
  GtkWidget *relationship_row;
  GtkWidget *anonymous_row;
  GtkWidget *anonymous_switch;
  GtkWidget *name_row;
  GtkWidget *comment_row;

  if (self->review == NULL || self->reviews == NULL)
    {
      g_ptr_array_unref (rating_rows);
      return;
    }
  save_pending (self);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Add 360 Feedback"), NULL);
  /* Translators: %s is the name of the member the feedback is about */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("One person’s response about %s. Anonymous responses keep no name and are only "
                                    "shown together, once there are at least three."),
                                  qd_review_get_member_name (self->review));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  group = adw_preferences_group_new ();

  for (int r = QD_RELATIONSHIP_PEER; r <= QD_RELATIONSHIP_OTHER; r++)
    gtk_string_list_append (relationships, qd_relationship_to_label (r));
  relationship_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (relationship_row), _("Relationship"));
  adw_combo_row_set_model (ADW_COMBO_ROW (relationship_row), G_LIST_MODEL (relationships));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), relationship_row);

  anonymous_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (anonymous_row), _("Anonymous"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (anonymous_row), _("No name is kept"));
  anonymous_switch = gtk_switch_new ();
  gtk_widget_set_valign (anonymous_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (anonymous_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Anonymous"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (anonymous_row), anonymous_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (anonymous_row), anonymous_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), anonymous_row);

  name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), name_row);

  comment_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment_row), _("Comment"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), comment_row);
  gtk_box_append (GTK_BOX (box), group);

  ratings_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (ratings_group), _("Ratings"));
  for (guint i = 0; i < self->competency_rows->len; i++)
    {
      CompetencyRow *competency = g_ptr_array_index (self->competency_rows, i);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), competency->name);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->scale_model));
      g_object_set_data (G_OBJECT (row), "competency-id", GSIZE_TO_POINTER (competency->competency_id));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (ratings_group), row);
      g_ptr_array_add (rating_rows, row);
    }
  gtk_box_append (GTK_BOX (box), ratings_group);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_widget_set_size_request (scrolled, 440, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  g_object_set_data (G_OBJECT (dialog), "anonymous", anonymous_switch);
  g_object_set_data (G_OBJECT (dialog), "name", name_row);
  g_object_set_data (G_OBJECT (dialog), "comment", comment_row);
  g_object_set_data (G_OBJECT (dialog), "relationship", relationship_row);
  g_object_set_data_full (G_OBJECT (dialog), "ratings", rating_rows, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "review-id", GSIZE_TO_POINTER (self->review_id));

  g_signal_connect_object (anonymous_switch, "notify::active", G_CALLBACK (feedback_anonymous_cb), name_row, 0);
  g_signal_connect_object (anonymous_switch, "notify::active", G_CALLBACK (feedback_dialog_check_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (name_row, "changed", G_CALLBACK (feedback_dialog_check_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (feedback_dialog_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (relationship_row);
}

/* ---- importing a survey ---- */

static void import_with_flags (QdReviewEditor        *self,
                               GFile                 *file,
                               QdFeedbackImportFlags  flags);

static void
import_bad_rows_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             QdReviewEditor   *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_strcmp0 (response, "import") == 0)
    import_with_flags (self, file, QD_FEEDBACK_IMPORT_SKIP_BAD_ROWS);
}

static void
import_with_flags (QdReviewEditor        *self,
                   GFile                 *file,
                   QdFeedbackImportFlags  flags)
{
  g_autoptr(QdFeedbackImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *dialog;
  gboolean ok;

  if (self->review == NULL || self->reviews == NULL)
    return;

  self->saving = TRUE;
  ok = qd_reviews_import_feedback_file (self->reviews, qd_review_get_cycle_id (self->review), file, flags,
                                        &report, NULL, &error);
  self->saving = FALSE;

  if (!ok && g_error_matches (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_IMPORT) && report != NULL &&
      report->errors->len > 0 && !(flags & QD_FEEDBACK_IMPORT_SKIP_BAD_ROWS))
    {
      g_autoptr(GString) body = g_string_new (NULL);
      guint n_good = report->n_rows > report->errors->len ? report->n_rows - report->errors->len : 0;

      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u row cannot be imported, so nothing was imported yet:",
                                                 "%u rows cannot be imported, so nothing was imported yet:",
                                                 report->errors->len),
                              report->errors->len);
      for (guint i = 0; i < MIN (report->errors->len, 8); i++)
        {
          QdFeedbackRowError *row_error = g_ptr_array_index (report->errors, i);
          g_string_append_printf (body, "\n• %s", row_error->reason);
        }
      if (report->errors->len > 8)
        {
          g_string_append_c (body, '\n');
          g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more",
                                                     report->errors->len - 8),
                                  report->errors->len - 8);
        }

      dialog = adw_message_dialog_new (parent, _("Some Rows Cannot Be Imported"), body->str);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
      if (n_good > 0)
        {
          g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import the Other Row",
                                                                 "_Import the Other %u Rows", n_good),
                                                    n_good);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "import", label);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
        }
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (dialog, "response", G_CALLBACK (import_bad_rows_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      refresh (self);
      return;
    }

  if (!ok)
    {
      finish_edit (self, FALSE, error);
      return;
    }

  {
    g_autoptr(GString) body = g_string_new (NULL);

    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u response was imported",
                                               "%u responses were imported", report->n_imported),
                            report->n_imported);
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, " for %u person", " for %u people",
                                               report->n_reviews),
                            report->n_reviews);
    g_string_append (body, ": ");
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u named", "%u named", report->n_named),
                            report->n_named);
    g_string_append (body, ", ");
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u anonymous", "%u anonymous", report->n_anonymous),
                            report->n_anonymous);
    g_string_append (body, ".");
    if (report->n_names_dropped > 0)
      {
        g_string_append (body, "\n");
        g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                   "The name on %u anonymous response was not kept.",
                                                   "The names on %u anonymous responses were not kept.",
                                                   report->n_names_dropped),
                                report->n_names_dropped);
      }
    if (report->errors->len > 0)
      {
        g_string_append (body, "\n");
        g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u row was left out.",
                                                   "%u rows were left out.", report->errors->len),
                                report->errors->len);
      }
    if (report->ignored_columns != NULL && report->ignored_columns[0] != NULL)
      {
        g_autofree char *columns = g_strjoinv (", ", report->ignored_columns);
        g_string_append (body, "\n");
        /* Translators: %s lists the columns of the file that were not read */
        g_string_append_printf (body, _("Columns not read: %s."), columns);
      }

    dialog = adw_message_dialog_new (parent, _("Survey Imported"), body->str);
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
  refresh (self);
}

void
qd_review_editor_import_file (QdReviewEditor *self,
                              GFile          *file)
{
  g_return_if_fail (QD_IS_REVIEW_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  import_with_flags (self, file, QD_FEEDBACK_IMPORT_NONE);
}

static void
chooser_response_cb (QdReviewEditor       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        qd_review_editor_import_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
import_feedback_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  QdReviewEditor *self = QD_REVIEW_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->review == NULL)
    return;

  save_pending (self);
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import a 360 Survey"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
skip_self_review_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  QdReviewEditor *self = QD_REVIEW_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->review == NULL)
    return;
  self->saving = TRUE;
  ok = qd_reviews_set_review_status (self->reviews, self->review_id, QD_REVIEW_STATUS_MANAGER_REVIEW, &error);
  self->saving = FALSE;
  finish_edit (self, ok, error);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  QdReviewEditor *self = QD_REVIEW_EDITOR (widget);

  save_pending (self);
  g_signal_emit (self, signals[BACK], 0);
}

/* ---- the object ---- */

static void
qd_review_editor_dispose (GObject *object)
{
  QdReviewEditor *self = (QdReviewEditor *) object;
  GtkWidget *child;

  self->disposing = TRUE;
  if (self->save_source != 0)
    save_pending (self);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->competency_rows != NULL)
    clear_competencies (self);
  unbind_plan (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_REVIEW_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->review);
  g_clear_object (&self->cycle);
  g_clear_object (&self->scale_model);
  g_clear_object (&self->reviewers);
  g_clear_object (&self->reviews);
  g_clear_object (&self->roster);
  g_clear_object (&self->kpis);
  g_clear_object (&self->goals);
  g_clear_object (&self->notes);

  G_OBJECT_CLASS (qd_review_editor_parent_class)->dispose (object);
}

static void
qd_review_editor_finalize (GObject *object)
{
  QdReviewEditor *self = (QdReviewEditor *) object;

  g_clear_pointer (&self->competency_rows, g_ptr_array_unref);
  g_clear_pointer (&self->feedback_rows, g_ptr_array_unref);
  g_clear_pointer (&self->kpi_rows, g_ptr_array_unref);
  g_free (self->feedback_key);
  g_free (self->today);

  G_OBJECT_CLASS (qd_review_editor_parent_class)->finalize (object);
}

static void
qd_review_editor_class_init (QdReviewEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_review_editor_dispose;
  object_class->finalize = qd_review_editor_finalize;

  /**
   * QdReviewEditor::back:
   *
   * The user is done with the review (the back button, Escape), or it
   * was removed.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-review-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, overdue_box);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, more_button);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, step_button);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, step_hint);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, locked_bar);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, locked_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, score_value_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, score_tier_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, score_formula_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, competencies_box);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, feedback_group);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, add_feedback_button);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, import_feedback_button);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, kpi_group);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, kpi_rating_row);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, kpi_rating_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, goals_row);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, goals_value_label);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, overall_row);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, overall_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, calibrated_row);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, calibrated_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, potential_row);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, potential_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, strengths_view);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, improvements_view);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, plan_group);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, add_action_button);
  gtk_widget_class_bind_template_child (widget_class, QdReviewEditor, plan_list);
  gtk_widget_class_bind_template_callback (widget_class, step_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-feedback", NULL, add_feedback_activated);
  gtk_widget_class_install_action (widget_class, "editor.import-feedback", NULL, import_feedback_activated);
  gtk_widget_class_install_action (widget_class, "editor.skip-self-review", NULL, skip_self_review_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-action", NULL, add_action_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qd_review_editor_init (QdReviewEditor *self)
{
  g_autoptr(GtkStringList) potentials = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) name_expression = NULL;
  GtkEventController *focus;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->competency_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) competency_row_free);
  self->feedback_rows = g_ptr_array_new ();
  self->kpi_rows = g_ptr_array_new ();
  self->scale_model = gtk_string_list_new (NULL);

  for (int p = QD_POTENTIAL_UNSET; p <= QD_POTENTIAL_HIGH; p++)
    gtk_string_list_append (potentials, qd_potential_to_label (p));
  gtk_drop_down_set_model (self->potential_dropdown, G_LIST_MODEL (potentials));

  name_expression = gtk_property_expression_new (QD_TYPE_MEMBER, NULL, "name");
  adw_combo_row_set_expression (self->reviewer_row, name_expression);

  g_signal_connect_object (self->overall_dropdown, "notify::selected", G_CALLBACK (overall_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kpi_rating_dropdown, "notify::selected", G_CALLBACK (kpi_rating_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calibrated_dropdown, "notify::selected", G_CALLBACK (calibrated_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->potential_dropdown, "notify::selected", G_CALLBACK (potential_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reviewer_row, "notify::selected", G_CALLBACK (reviewer_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->strengths_view), "changed",
                           G_CALLBACK (summary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->improvements_view), "changed",
                           G_CALLBACK (summary_changed_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-action", FALSE);

  self->loading = FALSE;
}

void
qd_review_editor_set_reviews (QdReviewEditor *self,
                              QdReviews      *reviews)
{
  g_return_if_fail (QD_IS_REVIEW_EDITOR (self));
  g_return_if_fail (reviews == NULL || QD_IS_REVIEWS (reviews));

  if (self->reviews == reviews)
    return;

  qd_review_editor_set_review (self, 0);
  if (self->reviews != NULL)
    g_signal_handlers_disconnect_by_data (self->reviews, self);
  g_set_object (&self->reviews, reviews);
  if (reviews != NULL)
    g_signal_connect_object (reviews, "changed", G_CALLBACK (reviews_changed_cb), self, G_CONNECT_SWAPPED);
}

void
qd_review_editor_set_roster (QdReviewEditor *self,
                             QdRoster       *roster)
{
  g_return_if_fail (QD_IS_REVIEW_EDITOR (self));
  g_return_if_fail (roster == NULL || QD_IS_ROSTER (roster));

  if (self->roster != NULL)
    g_signal_handlers_disconnect_by_data (self->roster, self);
  g_set_object (&self->roster, roster);
  if (roster != NULL)
    g_signal_connect_object (roster, "changed", G_CALLBACK (reviews_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

void
qd_review_editor_set_kpis (QdReviewEditor *self,
                           QdKpis         *kpis)
{
  g_return_if_fail (QD_IS_REVIEW_EDITOR (self));
  g_return_if_fail (kpis == NULL || QD_IS_KPIS (kpis));

  if (self->kpis != NULL)
    g_signal_handlers_disconnect_by_data (self->kpis, self);
  g_set_object (&self->kpis, kpis);
  if (kpis != NULL)
    g_signal_connect_object (kpis, "changed", G_CALLBACK (kpis_changed_cb), self, G_CONNECT_SWAPPED);
}

void
qd_review_editor_set_services (QdReviewEditor *self,
                               QdGoals        *goals,
                               QdNotes        *notes)
{
  g_return_if_fail (QD_IS_REVIEW_EDITOR (self));
  g_return_if_fail (goals == NULL || QD_IS_GOALS (goals));
  g_return_if_fail (notes == NULL || QD_IS_NOTES (notes));

  g_set_object (&self->goals, goals);
  g_set_object (&self->notes, notes);
  if (self->review == NULL)
    load_evidence_and_plan (self);
  else
    refresh (self);
}

void
qd_review_editor_set_today (QdReviewEditor *self,
                            const char     *today)
{
  g_return_if_fail (QD_IS_REVIEW_EDITOR (self));

  g_free (self->today);
  self->today = g_strdup (today);
  refresh (self);
}

void
qd_review_editor_set_review (QdReviewEditor *self,
                             gint64          review_id)
{
  g_return_if_fail (QD_IS_REVIEW_EDITOR (self));

  if (self->review_id == review_id)
    {
      refresh (self);
      return;
    }

  save_pending (self);
  self->review_id = review_id;
  g_clear_object (&self->review);
  g_clear_pointer (&self->feedback_key, g_free);
  self->summary_dirty = FALSE;
  clear_competencies (self);
  g_set_object (&self->scale_model, NULL);
  load_evidence_and_plan (self);

  if (review_id == 0 || self->reviews == NULL)
    return;

  refresh (self);
  if (self->review_id > 0)
    load_kpis (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

gint64
qd_review_editor_get_review_id (QdReviewEditor *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_EDITOR (self), 0);
  return self->review_id;
}

gboolean
qd_review_editor_flush (QdReviewEditor *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_EDITOR (self), FALSE);
  return save_pending (self);
}
