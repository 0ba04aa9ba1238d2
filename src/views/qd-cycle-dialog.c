/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-cycle-dialog"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-cycle-dialog.h"

/* Creates a review cycle, or edits one. A new cycle is proposed for the
 * quarter of today with deadlines one, two and three weeks after it
 * ends, and is stored when the user presses Create. An existing cycle
 * is saved as it is edited, like the rest of Quarterdeck. Days are typed
 * as YYYY-MM-DD: a day that is not one marks its row and says so at the
 * top at once; the other rules (order of the deadlines, a unique name …)
 * are QdReviews', whose message is shown in the same place. */

#define SAVE_DELAY_MS 400

struct _QdCycleDialog
{
  AdwWindow       parent_instance;

  QdReviews      *reviews;
  QdReviewCycle  *cycle;          /* the one edited; NULL for a new one */
  gint64          cycle_id;
  GArray         *template_ids;
  guint           save_source;
  gboolean        loading;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *create_button;
  GtkButton      *done_button;
  GtkButton      *cancel_button;
  GtkRevealer    *problem_revealer;
  GtkLabel       *problem_label;
  AdwEntryRow    *name_row;
  AdwComboRow    *template_row;
  AdwComboRow    *participants_row;
  AdwPreferencesGroup *period_group;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  AdwEntryRow    *self_due_row;
  AdwEntryRow    *manager_due_row;
  AdwEntryRow    *calibration_due_row;
  AdwPreferencesGroup *targets_group;
  GtkSpinButton  *top_spin;
  GtkSpinButton  *middle_spin;
  GtkSpinButton  *bottom_spin;
};

G_DEFINE_FINAL_TYPE (QdCycleDialog, qd_cycle_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* YYYY-MM-DD and a day that exists. */
static gboolean
is_day (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy (day, month, year);
}

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
mark_row (GtkWidget  *row,
          const char *problem)
{
  if (problem != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, problem);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
show_problem (QdCycleDialog *self,
              const char    *problem)
{
  if (problem != NULL)
    gtk_label_set_label (self->problem_label, problem);
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);
}

/* Marks the rows whose text is not what it must be; returns the first
 * problem, or NULL when every field can be handed to QdReviews. */
static char *
check_fields (QdCycleDialog *self)
{
  struct {
    AdwEntryRow *row;
    gboolean     required;
    const char  *what;
  } days[] = {
    { self->start_row, TRUE, C_("field", "The period start") },
    { self->end_row, TRUE, C_("field", "The period end") },
    { self->self_due_row, FALSE, C_("field", "The self review deadline") },
    { self->manager_due_row, FALSE, C_("field", "The manager review deadline") },
    { self->calibration_due_row, FALSE, C_("field", "The calibration deadline") },
  };
  g_autofree char *name = stripped_text (self->name_row);
  char *first = NULL;

  if (*name == '\0')
    {
      first = g_strdup (_("Every review cycle needs a name, such as “2026 Q3”."));
      mark_row (GTK_WIDGET (self->name_row), first);
    }
  else
    mark_row (GTK_WIDGET (self->name_row), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *text = stripped_text (days[i].row);
      g_autofree char *problem = NULL;

      if (*text == '\0' && days[i].required)
        /* Translators: %s is a field, such as “The period start” */
        problem = g_strdup_printf (_("%s is missing. Write it as year-month-day, for example 2026-07-01."),
                                   days[i].what);
      else if (*text != '\0' && !is_day (text))
        /* Translators: the first %s is a field, such as “The period start”, the second what was typed */
        problem = g_strdup_printf (_("%s “%s” is not a day. Write it as year-month-day, for example 2026-07-01."),
                                   days[i].what, text);

      mark_row (GTK_WIDGET (days[i].row), problem);
      if (problem != NULL && first == NULL)
        first = g_steal_pointer (&problem);
    }
  return first;
}

/* The fields into @cycle. */
static void
apply_fields (QdCycleDialog *self,
              QdReviewCycle *cycle)
{
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *start = stripped_text (self->start_row);
  g_autofree char *end = stripped_text (self->end_row);
  g_autofree char *self_due = stripped_text (self->self_due_row);
  g_autofree char *manager_due = stripped_text (self->manager_due_row);
  g_autofree char *calibration_due = stripped_text (self->calibration_due_row);
  guint template = adw_combo_row_get_selected (self->template_row);

  qd_review_cycle_set_name (cycle, name);
  if (qd_review_cycle_get_status (cycle) == QD_CYCLE_STATUS_PLANNED)
    {
      qd_review_cycle_set_period_start (cycle, start);
      qd_review_cycle_set_period_end (cycle, end);
      if (template < self->template_ids->len)
        qd_review_cycle_set_template_id (cycle, g_array_index (self->template_ids, gint64, template));
      qd_review_cycle_set_participants_rule (cycle, adw_combo_row_get_selected (self->participants_row) == 1
                                                      ? QD_PARTICIPANTS_CHOSEN : QD_PARTICIPANTS_ALL_ACTIVE);
    }
  qd_review_cycle_set_self_due (cycle, self_due);
  qd_review_cycle_set_manager_due (cycle, manager_due);
  qd_review_cycle_set_calibration_due (cycle, calibration_due);
  if (!qd_review_cycle_get_ratings_locked (cycle))
    qd_review_cycle_set_targets (cycle,
                                 gtk_spin_button_get_value (self->top_spin),
                                 gtk_spin_button_get_value (self->middle_spin),
                                 gtk_spin_button_get_value (self->bottom_spin));
}

/* Edit mode: stores the fields when they are all well formed. */
static gboolean
save (QdCycleDialog *self)
{
  g_autoptr(QdReviewCycle) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->cycle == NULL || self->reviews == NULL)
    return TRUE;

  problem = check_fields (self);
  if (problem != NULL)
    {
      show_problem (self, problem);
      return FALSE;
    }

  /* A fresh copy, so a refused edit leaves nothing half-applied. */
  edited = qd_reviews_load_cycle (self->reviews, self->cycle_id, &error);
  if (edited != NULL)
    {
      apply_fields (self, edited);
      if (qd_reviews_save_cycle (self->reviews, edited, &error))
        {
          g_set_object (&self->cycle, edited);
          show_problem (self, NULL);
          g_signal_emit (self, signals[SAVED], 0, self->cycle_id);
          return TRUE;
        }
    }
  {
    g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
    show_problem (self, message);
  }
  return FALSE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  QdCycleDialog *self = data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
field_changed_cb (QdCycleDialog *self)
{
  g_autofree char *problem = NULL;

  if (self->loading)
    return;

  problem = check_fields (self);
  if (self->cycle == NULL)
    {
      /* A new cycle: say what is wrong at once; Create stays off until
       * every day is a day. */
      show_problem (self, problem);
      gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), problem == NULL);
      return;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (problem != NULL)
    show_problem (self, problem);
  else
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
choice_changed_cb (QdCycleDialog *self)
{
  if (self->loading)
    return;
  if (self->cycle != NULL)
    save (self);
}

static void
create_button_clicked_cb (QdCycleDialog *self)
{
  g_autoptr(QdReviewCycle) cycle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  gint64 id;

  if (self->cycle != NULL || self->reviews == NULL)
    return;

  problem = check_fields (self);
  if (problem != NULL)
    {
      show_problem (self, problem);
      return;
    }

  cycle = qd_review_cycle_new ();
  apply_fields (self, cycle);
  id = qd_reviews_add_cycle (self->reviews, cycle, &error);
  if (id == 0)
    {
      show_problem (self, error->message);
      return;
    }

  self->cycle_id = id;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
qd_cycle_dialog_close_request (GtkWindow *window)
{
  QdCycleDialog *self = QD_CYCLE_DIALOG (window);

  if (self->save_source != 0)
    save (self);
  return GTK_WINDOW_CLASS (qd_cycle_dialog_parent_class)->close_request (window);
}

/* ---- filling the fields ---- */

static void
fill_templates (QdCycleDialog *self,
                gint64         selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_array_set_size (self->template_ids, 0);
  templates = qd_reviews_list_templates (self->reviews, &error);
  if (templates == NULL)
    {
      show_problem (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(QdReviewTemplate) template = g_list_model_get_item (templates, i);
      gint64 id = qd_review_template_get_id (template);

      gtk_string_list_append (names, qd_review_template_get_name (template));
      g_array_append_val (self->template_ids, id);
      if (id == selected_id)
        selected = i;
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->template_row, selected);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
propose_new_cycle (QdCycleDialog *self,
                   const char    *today)
{
  g_autoptr(GListModel) cycles = qd_reviews_list_cycles (self->reviews, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate start, end, due;
  guint year = g_date_time_get_year (now);
  guint month = g_date_time_get_month (now);
  g_autofree char *name = NULL;

  if (today != NULL && is_day (today))
    {
      year = (guint) g_ascii_strtoull (today, NULL, 10);
      month = (guint) g_ascii_strtoull (today + 5, NULL, 10);
    }

  /* The quarter of today, or the first after it without a cycle of that name. */
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, ((month - 1) / 3) * 3 + 1, year);
  for (guint tries = 0; tries < 40; tries++)
    {
      gboolean taken = FALSE;

      g_clear_pointer (&name, g_free);
      /* Translators: the proposed name of a quarter's review cycle, e.g. “2026 Q3” */
      name = g_strdup_printf (C_("review cycle name", "%u Q%u"), g_date_get_year (&start),
                              (g_date_get_month (&start) - 1) / 3 + 1);
      for (guint i = 0; cycles != NULL && i < g_list_model_get_n_items (cycles); i++)
        {
          g_autoptr(QdReviewCycle) cycle = g_list_model_get_item (cycles, i);
          if (g_utf8_collate (qd_review_cycle_get_name (cycle), name) == 0)
            taken = TRUE;
        }
      if (!taken)
        break;
      g_date_add_months (&start, 3);
    }

  end = start;
  g_date_add_months (&end, 3);
  g_date_subtract_days (&end, 1);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  {
    g_autofree char *text = format_date (&start);
    gtk_editable_set_text (GTK_EDITABLE (self->start_row), text);
  }
  {
    g_autofree char *text = format_date (&end);
    gtk_editable_set_text (GTK_EDITABLE (self->end_row), text);
  }
  for (guint i = 0; i < 3; i++)
    {
      AdwEntryRow *rows[] = { self->self_due_row, self->manager_due_row, self->calibration_due_row };
      g_autofree char *text = NULL;

      due = end;
      g_date_add_days (&due, 7 * (i + 1));
      text = format_date (&due);
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), text);
    }
  {
    g_autoptr(QdReviewCycle) defaults = qd_review_cycle_new ();
    double top, middle, bottom;

    qd_review_cycle_get_targets (defaults, &top, &middle, &bottom);
    gtk_spin_button_set_value (self->top_spin, top);
    gtk_spin_button_set_value (self->middle_spin, middle);
    gtk_spin_button_set_value (self->bottom_spin, bottom);
  }
  fill_templates (self, 0);
  self->loading = FALSE;
}

static void
load_cycle (QdCycleDialog *self)
{
  gboolean planned = qd_review_cycle_get_status (self->cycle) == QD_CYCLE_STATUS_PLANNED;
  gboolean locked = qd_review_cycle_get_ratings_locked (self->cycle);
  double top, middle, bottom;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), qd_review_cycle_get_name (self->cycle));
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), qd_review_cycle_get_period_start (self->cycle));
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), qd_review_cycle_get_period_end (self->cycle));
  gtk_editable_set_text (GTK_EDITABLE (self->self_due_row), qd_review_cycle_get_self_due (self->cycle));
  gtk_editable_set_text (GTK_EDITABLE (self->manager_due_row), qd_review_cycle_get_manager_due (self->cycle));
  gtk_editable_set_text (GTK_EDITABLE (self->calibration_due_row),
                         qd_review_cycle_get_calibration_due (self->cycle));
  adw_combo_row_set_selected (self->participants_row,
                              qd_review_cycle_get_participants_rule (self->cycle) == QD_PARTICIPANTS_CHOSEN ? 1 : 0);
  qd_review_cycle_get_targets (self->cycle, &top, &middle, &bottom);
  gtk_spin_button_set_value (self->top_spin, top);
  gtk_spin_button_set_value (self->middle_spin, middle);
  gtk_spin_button_set_value (self->bottom_spin, bottom);
  fill_templates (self, qd_review_cycle_get_template_id (self->cycle));
  if (!planned)
    {
      /* A frozen cycle keeps its own copy; show which one it was. */
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      const char *template = qd_review_cycle_get_template_name (self->cycle);

      gtk_string_list_append (names, *template != '\0' ? template : _("Deleted template"));
      adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
      adw_combo_row_set_selected (self->template_row, 0);
    }
  self->loading = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->start_row), planned);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_row), planned);
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_row), planned);
  gtk_widget_set_sensitive (GTK_WIDGET (self->participants_row), planned);
  gtk_widget_set_sensitive (GTK_WIDGET (self->targets_group), !locked);
  if (!planned)
    adw_preferences_group_set_description (self->period_group,
                                           _("The period, the template and who takes part are fixed once a cycle opens."));
  if (qd_review_cycle_get_status (self->cycle) == QD_CYCLE_STATUS_CLOSED)
    gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);
}

/* ---- the object ---- */

static void
qd_cycle_dialog_dispose (GObject *object)
{
  QdCycleDialog *self = (QdCycleDialog *) object;

  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_CYCLE_DIALOG);
  g_clear_object (&self->cycle);
  g_clear_object (&self->reviews);

  G_OBJECT_CLASS (qd_cycle_dialog_parent_class)->dispose (object);
}

static void
qd_cycle_dialog_finalize (GObject *object)
{
  QdCycleDialog *self = (QdCycleDialog *) object;

  g_clear_pointer (&self->template_ids, g_array_unref);

  G_OBJECT_CLASS (qd_cycle_dialog_parent_class)->finalize (object);
}

static void
qd_cycle_dialog_class_init (QdCycleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = qd_cycle_dialog_dispose;
  object_class->finalize = qd_cycle_dialog_finalize;
  window_class->close_request = qd_cycle_dialog_close_request;

  /**
   * QdCycleDialog::saved:
   * @cycle_id: the cycle created or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-cycle-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, participants_row);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, period_group);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, self_due_row);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, manager_due_row);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, calibration_due_row);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, targets_group);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, top_spin);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, middle_spin);
  gtk_widget_class_bind_template_child (widget_class, QdCycleDialog, bottom_spin);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_button_clicked_cb);
}

static void
qd_cycle_dialog_init (QdCycleDialog *self)
{
  g_autoptr(GtkStringList) rules = gtk_string_list_new (NULL);

  self->loading = TRUE;
  self->template_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (rules, qd_participants_rule_to_label (QD_PARTICIPANTS_ALL_ACTIVE));
  gtk_string_list_append (rules, qd_participants_rule_to_label (QD_PARTICIPANTS_CHOSEN));
  adw_combo_row_set_model (self->participants_row, G_LIST_MODEL (rules));
  self->loading = FALSE;
}

QdCycleDialog *
qd_cycle_dialog_new (GtkWindow  *parent,
                     QdReviews  *reviews,
                     gint64      cycle_id,
                     const char *today)
{
  QdCycleDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QD_IS_REVIEWS (reviews), NULL);

  self = g_object_new (QD_TYPE_CYCLE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->reviews = g_object_ref (reviews);
  self->cycle_id = cycle_id;

  if (cycle_id > 0)
    {
      g_autoptr(GError) error = NULL;

      self->cycle = qd_reviews_load_cycle (reviews, cycle_id, &error);
      if (self->cycle == NULL)
        {
          show_problem (self, error->message);
          gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), FALSE);
          return self;
        }
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Review Cycle"));
      adw_window_title_set_title (self->window_title, _("Edit Review Cycle"));
      adw_window_title_set_subtitle (self->window_title, _("Changes are saved as you make them"));
      gtk_widget_set_visible (GTK_WIDGET (self->create_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->done_button), TRUE);
      gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->done_button));
      load_cycle (self);
    }
  else
    {
      propose_new_cycle (self, today);
      gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->create_button));
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
    }
  return self;
}

gint64
qd_cycle_dialog_get_cycle_id (QdCycleDialog *self)
{
  g_return_val_if_fail (QD_IS_CYCLE_DIALOG (self), 0);
  return self->cycle_id;
}
