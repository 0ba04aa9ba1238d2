/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-template-dialog"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "qd-toast.h"
#include "qd-template-dialog.h"

/* Edits a review template: its name, how much each section weighs in the
 * final score, the rating scale and its labels, and the competencies in
 * their groups. Every change is saved as it is made (typing after a short
 * pause); what QdReviews refuses is said in a toast and the widget goes
 * back to the stored value. Weights are saved once they add up to 100. */

#define SAVE_DELAY_MS 500

struct _QdTemplateDialog
{
  AdwPreferencesWindow  parent_instance;

  QdReviews            *reviews;
  gint64                template_id;
  QdReviewTemplate     *template;
  GPtrArray            *label_rows;       /* AdwEntryRow, point 1 first */
  GPtrArray            *competency_rows;  /* CompetencyRow */
  guint                 save_source;
  gboolean              name_dirty;
  gboolean              labels_dirty;
  gboolean              loading;

  /* Template widgets */
  AdwEntryRow          *name_row;
  AdwPreferencesGroup  *weights_group;
  GtkSpinButton        *competencies_spin;
  GtkSpinButton        *kpis_spin;
  GtkSpinButton        *goals_spin;
  AdwPreferencesGroup  *scale_group;
  GtkSpinButton        *points_spin;
  AdwPreferencesGroup  *competencies_group;
};

G_DEFINE_FINAL_TYPE (QdTemplateDialog, qd_template_dialog, ADW_TYPE_PREFERENCES_WINDOW)

typedef struct
{
  QdTemplateDialog *self;          /* not a reference: the row lives inside it */
  gint64            id;
  gboolean          dirty;
  AdwExpanderRow   *row;
  AdwEntryRow      *name_row;
  AdwEntryRow      *group_row;
  AdwEntryRow      *description_row;
  GtkSpinButton    *weight_spin;
} CompetencyRow;

static void load (QdTemplateDialog *self);

static void
show_error (QdTemplateDialog *self,
            const char       *message)
{
  AdwToast *toast = qd_toast_new_text (message);

  adw_toast_set_timeout (toast, 6);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static gboolean
reload_template (QdTemplateDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdReviewTemplate) template = qd_reviews_load_template (self->reviews, self->template_id, &error);

  if (template == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_set_object (&self->template, template);
  return TRUE;
}

/* ---- saving ---- */

static gboolean
save_pending (QdTemplateDialog *self)
{
  gboolean ok = TRUE;
  gboolean reload = FALSE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->reviews == NULL || self->template == NULL)
    return TRUE;

  if (self->name_dirty)
    {
      g_autoptr(GError) error = NULL;

      self->name_dirty = FALSE;
      if (!qd_reviews_rename_template (self->reviews, self->template_id,
                                       gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error))
        {
          show_error (self, error->message);
          ok = FALSE;
          reload = TRUE;
        }
    }

  if (self->labels_dirty)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      self->labels_dirty = FALSE;
      for (guint i = 0; i < self->label_rows->len; i++)
        g_ptr_array_add (labels, (gpointer) gtk_editable_get_text (g_ptr_array_index (self->label_rows, i)));
      g_ptr_array_add (labels, NULL);
      if (!qd_reviews_set_template_scale (self->reviews, self->template_id, self->label_rows->len,
                                          (const char * const *) labels->pdata, &error))
        {
          show_error (self, error->message);
          ok = FALSE;
          reload = TRUE;
        }
    }

  for (guint i = 0; i < self->competency_rows->len; i++)
    {
      CompetencyRow *row = g_ptr_array_index (self->competency_rows, i);
      g_autoptr(GError) error = NULL;

      if (!row->dirty)
        continue;
      row->dirty = FALSE;
      if (!qd_reviews_update_competency (self->reviews, row->id,
                                         gtk_editable_get_text (GTK_EDITABLE (row->group_row)),
                                         gtk_editable_get_text (GTK_EDITABLE (row->name_row)),
                                         gtk_editable_get_text (GTK_EDITABLE (row->description_row)),
                                         gtk_spin_button_get_value (row->weight_spin), &error))
        {
          show_error (self, error->message);
          ok = FALSE;
          reload = TRUE;
        }
      else
        {
          g_autofree char *subtitle = NULL;

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row),
                                         gtk_editable_get_text (GTK_EDITABLE (row->name_row)));
          /* Translators: a competency's group and its weight, e.g. “Technical · weight 2” */
          subtitle = g_strdup_printf (_("%s · weight %g"), gtk_editable_get_text (GTK_EDITABLE (row->group_row)),
                                      gtk_spin_button_get_value (row->weight_spin));
          adw_expander_row_set_subtitle (row->row, subtitle);
        }
    }

  reload_template (self);
  if (reload)
    load (self);
  return ok;
}

static gboolean
save_timeout_cb (gpointer data)
{
  QdTemplateDialog *self = data;

  self->save_source = 0;
  save_pending (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (QdTemplateDialog *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
name_changed_cb (QdTemplateDialog *self)
{
  if (self->loading)
    return;
  self->name_dirty = TRUE;
  schedule_save (self);
}

static void
label_changed_cb (QdTemplateDialog *self)
{
  if (self->loading)
    return;
  self->labels_dirty = TRUE;
  schedule_save (self);
}

static void
competency_changed_cb (CompetencyRow *row)
{
  if (row->self->loading)
    return;
  row->dirty = TRUE;
  schedule_save (row->self);
}

static void
weights_changed_cb (QdTemplateDialog *self)
{
  double competencies = gtk_spin_button_get_value (self->competencies_spin);
  double kpis = gtk_spin_button_get_value (self->kpis_spin);
  double goals = gtk_spin_button_get_value (self->goals_spin);
  g_autoptr(GError) error = NULL;
  double sum = competencies + kpis + goals;

  if (self->loading)
    return;

  if (fabs (sum - 100) > 0.001)
    {
      /* Translators: the section weights of a template add up to a wrong total */
      g_autofree char *description = g_strdup_printf (_("Percent of the final score. They add up to %.0f %% now; "
                                                        "they are saved once they add up to 100 %%."),
                                                      sum);
      adw_preferences_group_set_description (self->weights_group, description);
      return;
    }

  adw_preferences_group_set_description (self->weights_group,
                                         _("Percent of the final score, adding up to 100. A section that is not "
                                           "scored is left out and the others count for the whole."));
  if (!qd_reviews_set_template_weights (self->reviews, self->template_id, competencies, kpis, goals, &error))
    {
      show_error (self, error->message);
      load (self);
      return;
    }
  reload_template (self);
}

static void
points_changed_cb (QdTemplateDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  save_pending (self);
  self->labels_dirty = FALSE;
  if (!qd_reviews_set_template_scale (self->reviews, self->template_id,
                                      (guint) gtk_spin_button_get_value_as_int (self->points_spin), NULL, &error))
    show_error (self, error->message);
  reload_template (self);
  load (self);
}

/* ---- competencies ---- */

static void
remove_competency_clicked_cb (CompetencyRow *row)
{
  QdTemplateDialog *self = row->self;
  g_autoptr(GError) error = NULL;
  gint64 id = row->id;

  save_pending (self);   /* may rebuild the rows: @row is gone after it */
  if (!qd_reviews_remove_competency (self->reviews, id, &error))
    show_error (self, error->message);
  reload_template (self);
  load (self);
}

static void
move_competency (CompetencyRow *row,
                 int            delta)
{
  QdTemplateDialog *self = row->self;
  g_autoptr(GError) error = NULL;
  int position = -1;

  for (guint i = 0; i < self->competency_rows->len; i++)
    if (g_ptr_array_index (self->competency_rows, i) == row)
      position = (int) i;
  if (position < 0 || position + delta < 0 || position + delta >= (int) self->competency_rows->len)
    return;

  {
    gint64 id = row->id;

    save_pending (self);
    if (!qd_reviews_move_competency (self->reviews, id, (guint) (position + delta), &error))
      show_error (self, error->message);
  }
  reload_template (self);
  load (self);
}

static void
move_up_clicked_cb (CompetencyRow *row)
{
  move_competency (row, -1);
}

static void
move_down_clicked_cb (CompetencyRow *row)
{
  move_competency (row, +1);
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static AdwEntryRow *
new_entry_row (const char *title,
               const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  return row;
}

static CompetencyRow *
add_competency_row (QdTemplateDialog   *self,
                    QdReviewCompetency *competency,
                    guint               position,
                    guint               n)
{
  CompetencyRow *row = g_new0 (CompetencyRow, 1);
  g_autofree char *subtitle = NULL;
  GtkWidget *weight_row;
  GtkWidget *button;
  GtkAdjustment *adjustment;

  row->self = self;
  row->id = qd_review_competency_get_id (competency);
  row->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), qd_review_competency_get_name (competency));
  subtitle = g_strdup_printf (_("%s · weight %g"), qd_review_competency_get_group (competency),
                              qd_review_competency_get_weight (competency));
  adw_expander_row_set_subtitle (row->row, subtitle);

  button = new_icon_button ("go-up-symbolic", _("Move Up"));
  gtk_widget_set_sensitive (button, position > 0);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (move_up_clicked_cb), row);
  adw_expander_row_add_action (row->row, button);
  button = new_icon_button ("go-down-symbolic", _("Move Down"));
  gtk_widget_set_sensitive (button, position + 1 < n);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (move_down_clicked_cb), row);
  adw_expander_row_add_action (row->row, button);
  button = new_icon_button ("user-trash-symbolic", _("Remove"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (remove_competency_clicked_cb), row);
  adw_expander_row_add_action (row->row, button);

  row->name_row = new_entry_row (_("Name"), qd_review_competency_get_name (competency));
  row->group_row = new_entry_row (_("Group"), qd_review_competency_get_group (competency));
  row->description_row = new_entry_row (_("Description"), qd_review_competency_get_description (competency));
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->name_row));
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->group_row));
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->description_row));

  weight_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (weight_row), _("Weight"));
  adjustment = gtk_adjustment_new (qd_review_competency_get_weight (competency), 0.5, 100, 0.5, 1, 0);
  row->weight_spin = GTK_SPIN_BUTTON (gtk_spin_button_new (adjustment, 0.5, 1));
  gtk_widget_set_valign (GTK_WIDGET (row->weight_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->weight_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weight"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (weight_row), GTK_WIDGET (row->weight_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (weight_row), GTK_WIDGET (row->weight_spin));
  adw_expander_row_add_row (row->row, weight_row);

  g_signal_connect_swapped (row->name_row, "changed", G_CALLBACK (competency_changed_cb), row);
  g_signal_connect_swapped (row->group_row, "changed", G_CALLBACK (competency_changed_cb), row);
  g_signal_connect_swapped (row->description_row, "changed", G_CALLBACK (competency_changed_cb), row);
  g_signal_connect_swapped (row->weight_spin, "value-changed", G_CALLBACK (competency_changed_cb), row);

  adw_preferences_group_add (self->competencies_group, GTK_WIDGET (row->row));
  g_ptr_array_add (self->competency_rows, row);
  return row;
}

static void
add_competency_clicked_cb (QdTemplateDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GListModel *competencies;
  const char *group = C_("competency group", "Technical");
  gint64 id = 0;

  save_pending (self);
  if (self->template == NULL)
    return;

  competencies = qd_review_template_get_competencies (self->template);
  if (g_list_model_get_n_items (competencies) > 0)
    {
      g_autoptr(QdReviewCompetency) last = g_list_model_get_item (competencies,
                                                                  g_list_model_get_n_items (competencies) - 1);
      group = qd_review_competency_get_group (last);
    }

  /* A name not taken yet, to be typed over. */
  for (guint i = 1; i < 100 && id == 0; i++)
    {
      g_clear_pointer (&name, g_free);
      g_clear_error (&error);
      name = i == 1 ? g_strdup (_("New competency")) : g_strdup_printf (_("New competency %u"), i);
      id = qd_reviews_add_competency (self->reviews, self->template_id, group, name, "", 1, &error);
      if (id == 0 && !g_error_matches (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID))
        break;
    }
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  reload_template (self);
  load (self);
  for (guint i = 0; i < self->competency_rows->len; i++)
    {
      CompetencyRow *row = g_ptr_array_index (self->competency_rows, i);

      if (row->id == id)
        {
          adw_expander_row_set_expanded (row->row, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (row->name_row));
        }
    }
}

/* ---- loading ---- */

static void
load (QdTemplateDialog *self)
{
  GListModel *competencies;
  guint points;
  guint n;

  if (self->template == NULL)
    return;

  self->loading = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), qd_review_template_get_name (self->template));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), qd_review_template_get_name (self->template));
  gtk_spin_button_set_value (self->competencies_spin,
                             qd_review_template_get_section_weight (self->template, QD_REVIEW_SECTION_COMPETENCIES));
  gtk_spin_button_set_value (self->kpis_spin, qd_review_template_get_section_weight (self->template, QD_REVIEW_SECTION_KPIS));
  gtk_spin_button_set_value (self->goals_spin, qd_review_template_get_section_weight (self->template, QD_REVIEW_SECTION_GOALS));
  adw_preferences_group_set_description (self->weights_group,
                                         _("Percent of the final score, adding up to 100. A section that is not "
                                           "scored is left out and the others count for the whole."));

  points = qd_review_template_get_scale_points (self->template);
  gtk_spin_button_set_value (self->points_spin, points);
  for (guint i = 0; i < self->label_rows->len; i++)
    adw_preferences_group_remove (self->scale_group, g_ptr_array_index (self->label_rows, i));
  g_ptr_array_set_size (self->label_rows, 0);
  for (guint p = 1; p <= points; p++)
    {
      /* Translators: the title of the row with the label of a rating scale's point */
      g_autofree char *title = g_strdup_printf (_("Label of %u"), p);
      AdwEntryRow *row = new_entry_row (title, qd_review_template_get_scale_label (self->template, p));

      g_signal_connect_object (row, "changed", G_CALLBACK (label_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->scale_group, GTK_WIDGET (row));
      g_ptr_array_add (self->label_rows, row);
    }

  for (guint i = 0; i < self->competency_rows->len; i++)
    {
      CompetencyRow *row = g_ptr_array_index (self->competency_rows, i);
      adw_preferences_group_remove (self->competencies_group, GTK_WIDGET (row->row));
    }
  g_ptr_array_set_size (self->competency_rows, 0);
  competencies = qd_review_template_get_competencies (self->template);
  n = g_list_model_get_n_items (competencies);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QdReviewCompetency) competency = g_list_model_get_item (competencies, i);
      add_competency_row (self, competency, i, n);
    }
  self->loading = FALSE;
}

/* ---- the object ---- */

static gboolean
qd_template_dialog_close_request (GtkWindow *window)
{
  save_pending (QD_TEMPLATE_DIALOG (window));
  return GTK_WINDOW_CLASS (qd_template_dialog_parent_class)->close_request (window);
}

static void
qd_template_dialog_dispose (GObject *object)
{
  QdTemplateDialog *self = (QdTemplateDialog *) object;

  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_TEMPLATE_DIALOG);
  g_clear_object (&self->template);
  g_clear_object (&self->reviews);

  G_OBJECT_CLASS (qd_template_dialog_parent_class)->dispose (object);
}

static void
qd_template_dialog_finalize (GObject *object)
{
  QdTemplateDialog *self = (QdTemplateDialog *) object;

  g_clear_pointer (&self->label_rows, g_ptr_array_unref);
  g_clear_pointer (&self->competency_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (qd_template_dialog_parent_class)->finalize (object);
}

static void
qd_template_dialog_class_init (QdTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = qd_template_dialog_dispose;
  object_class->finalize = qd_template_dialog_finalize;
  window_class->close_request = qd_template_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QdTemplateDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, QdTemplateDialog, weights_group);
  gtk_widget_class_bind_template_child (widget_class, QdTemplateDialog, competencies_spin);
  gtk_widget_class_bind_template_child (widget_class, QdTemplateDialog, kpis_spin);
  gtk_widget_class_bind_template_child (widget_class, QdTemplateDialog, goals_spin);
  gtk_widget_class_bind_template_child (widget_class, QdTemplateDialog, scale_group);
  gtk_widget_class_bind_template_child (widget_class, QdTemplateDialog, points_spin);
  gtk_widget_class_bind_template_child (widget_class, QdTemplateDialog, competencies_group);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, weights_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, points_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_competency_clicked_cb);
}

static void
qd_template_dialog_init (QdTemplateDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->label_rows = g_ptr_array_new ();
  self->competency_rows = g_ptr_array_new_with_free_func (g_free);
  self->loading = FALSE;
}

QdTemplateDialog *
qd_template_dialog_new (GtkWindow *parent,
                        QdReviews *reviews,
                        gint64     template_id)
{
  QdTemplateDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QD_IS_REVIEWS (reviews), NULL);

  self = g_object_new (QD_TYPE_TEMPLATE_DIALOG, "transient-for", parent, NULL);
  self->reviews = g_object_ref (reviews);
  self->template_id = template_id;
  if (reload_template (self))
    load (self);
  return self;
}
