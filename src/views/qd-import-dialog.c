/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-import-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "qd-toast.h"
#include "qd-import-dialog.h"
#include "qd-member-list.h"
#include "qd-ticket-importer.h"

/* Imports a helpdesk export (or a roster export) step by step: choose the
 * file, check the detected format, time zone and a preview (and map the
 * columns of an unknown export), watch the progress with Cancel, then
 * read the summary and link the agents Quarterdeck could not match.
 *
 * The import runs in a thread on its own connection to the database and
 * in one transaction, so Cancel or an error leave the data as it was. */

#define PREVIEW_ROWS 8

struct _QdImportDialog
{
  AdwWindow      parent_instance;

  QdRoster      *roster;
  QdImportKind   kind;
  GFile         *file;
  GStrv          headers;
  GPtrArray     *mapping_dropdowns;
  QdPreset       detected;
  GCancellable  *cancellable;
  GArray        *member_ids;
  GtkStringList *member_names;
  gboolean       running;

  /* Template widgets */
  GtkStack            *stack;
  GtkButton           *import_button;
  GtkButton           *close_button;
  AdwStatusPage       *choose_page;
  AdwActionRow        *file_row;
  AdwPreferencesGroup *format_group;
  AdwComboRow         *preset_row;
  AdwEntryRow         *timezone_row;
  GtkLabel            *preview_hint;
  GtkGrid             *preview_grid;
  GtkProgressBar      *progress_bar;
  GtkLabel            *progress_label;
  AdwStatusPage       *summary_page;
  GtkLabel            *problems_label;
  GtkExpander         *problems_expander;
  AdwPreferencesGroup *agents_group;
  AdwToastOverlay     *toast_overlay;
};

G_DEFINE_FINAL_TYPE (QdImportDialog, qd_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Presets in the order of the combo row. */
static const QdPreset preset_order[] = {
  QD_PRESET_AUTO, QD_PRESET_ZENDESK, QD_PRESET_ZENDESK_EXPLORE, QD_PRESET_FRESHDESK, QD_PRESET_CUSTOM,
};

typedef struct
{
  char         *db_path;
  GFile        *file;
  QdImportKind  kind;
  QdPreset      preset;
  QdField      *mapping;
  guint         n_mapping;
  char         *timezone;
  GWeakRef      dialog;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_clear_object (&job->file);
  g_free (job->mapping);
  g_free (job->timezone);
  g_weak_ref_clear (&job->dialog);
  g_free (job);
}

typedef struct
{
  GWeakRef dialog;
  double   fraction;
} ProgressUpdate;

static void
toast (QdImportDialog *self,
       const char     *message)
{
  AdwToast *t = qd_toast_new_text (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static char *
default_timezone (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);
  g_autofree char *contents = NULL;

  if (id != NULL && strchr (id, '/') != NULL && id[0] != '/' && id[0] != ':')
    return g_strdup (id);
  if (g_file_get_contents ("/etc/timezone", &contents, NULL, NULL))
    return g_strstrip (g_steal_pointer (&contents));
  return g_strdup ("UTC");
}

static void
set_step (QdImportDialog *self,
          const char     *step)
{
  gboolean setup = g_str_equal (step, "setup");
  gboolean done = g_str_equal (step, "summary");

  gtk_stack_set_visible_child_name (self->stack, step);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), setup);
  gtk_button_set_label (self->close_button, done ? _("_Close") : _("_Cancel"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), !g_str_equal (step, "progress"));
  if (setup)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
}

static QdPreset
selected_preset (QdImportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->preset_row);

  return i < G_N_ELEMENTS (preset_order) ? preset_order[i] : QD_PRESET_AUTO;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
cell_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
update_mapping_row (QdImportDialog *self)
{
  QdPreset preset = selected_preset (self);
  gboolean custom = preset == QD_PRESET_CUSTOM;
  QdPreset shown = preset == QD_PRESET_AUTO ? self->detected : preset;

  if (self->mapping_dropdowns == NULL)
    return;

  for (guint i = 0; i < self->mapping_dropdowns->len; i++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (self->mapping_dropdowns, i);

      gtk_widget_set_sensitive (GTK_WIDGET (dropdown), custom);
      if (!custom && self->headers != NULL)
        gtk_drop_down_set_selected (dropdown, qd_preset_field_for_header (shown, self->headers[i]));
    }

  if (self->kind == QD_IMPORT_KIND_ROSTER)
    gtk_label_set_label (self->preview_hint, _("The first rows of the file. Columns named Name, Email and Team (or Group) are read."));
  else if (custom)
    gtk_label_set_label (self->preview_hint, _("Choose what each column holds. A ticket ID and a creation date are needed."));
  else if (shown == QD_PRESET_AUTO || shown == QD_PRESET_CUSTOM)
    gtk_label_set_label (self->preview_hint, _("This export is not one Quarterdeck knows. Choose “Map Columns Myself” to say what each column holds."));
  else
    gtk_label_set_label (self->preview_hint, _("The first rows of the file and how Quarterdeck reads each column."));
}

static void
preset_selected_cb (QdImportDialog *self)
{
  update_mapping_row (self);
}

static void
fill_preview (QdImportDialog *self,
              GPtrArray      *rows)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  guint n_columns;

  clear_grid (self->preview_grid);
  g_clear_pointer (&self->mapping_dropdowns, g_ptr_array_unref);
  self->mapping_dropdowns = g_ptr_array_new ();

  for (int f = 0; f < QD_N_FIELDS; f++)
    gtk_string_list_append (fields, qd_field_to_label (f));

  n_columns = self->headers != NULL ? g_strv_length (self->headers) : 0;
  for (guint c = 0; c < n_columns; c++)
    {
      gtk_grid_attach (self->preview_grid, cell_label (self->headers[c], TRUE), c, 0, 1, 1);

      if (self->kind == QD_IMPORT_KIND_TICKETS)
        {
          GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (fields)), NULL);
          g_autofree char *label = g_strdup_printf (_("Meaning of the column “%s”"), self->headers[c]);

          gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_widget_set_margin_start (dropdown, 2);
          gtk_widget_set_margin_end (dropdown, 2);
          gtk_grid_attach (self->preview_grid, dropdown, c, 1, 1, 1);
          g_ptr_array_add (self->mapping_dropdowns, dropdown);
        }
    }

  for (guint r = 0; rows != NULL && r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns && row[c] != NULL; c++)
        {
          GtkWidget *label = cell_label (row[c], FALSE);
          gtk_widget_add_css_class (label, "monospace");
          gtk_grid_attach (self->preview_grid, label, c, r + 2, 1, 1);
        }
    }

  update_mapping_row (self);
}

/**
 * qd_import_dialog_set_file:
 *
 * Reads the header and the first rows of @file, detects the export's
 * format and shows the set-up step.
 */
void
qd_import_dialog_set_file (QdImportDialog *self,
                           GFile          *file)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) headers = NULL;
  QdPreset detected = QD_PRESET_AUTO;

  g_return_if_fail (QD_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!qd_import_preview (file, PREVIEW_ROWS, &detected, &headers, &rows, &error))
    {
      toast (self, error->message);
      set_step (self, "choose");
      return;
    }

  g_set_object (&self->file, file);
  g_strfreev (self->headers);
  self->headers = g_steal_pointer (&headers);
  self->detected = detected;

  name = g_file_get_basename (file);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  if (self->kind == QD_IMPORT_KIND_TICKETS)
    {
      g_autofree char *subtitle = NULL;

      if (detected == QD_PRESET_AUTO || detected == QD_PRESET_CUSTOM)
        subtitle = g_strdup (_("Format not recognised"));
      else
        subtitle = g_strdup_printf (_("Recognised as a %s"), qd_preset_to_label (detected));
      adw_action_row_set_subtitle (self->file_row, subtitle);
      adw_combo_row_set_selected (self->preset_row,
                                  detected == QD_PRESET_AUTO || detected == QD_PRESET_CUSTOM ? 4 : 0);
    }

  fill_preview (self, rows);
  set_step (self, "setup");
}

static void
file_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          QdImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        qd_import_dialog_set_file (self, file);
    }
  g_object_unref (chooser);
}

static void
choose_file (QdImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (self->kind == QD_IMPORT_KIND_TICKETS
                                           ? _("Choose a Helpdesk Export")
                                           : _("Choose a Roster Export"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_button_clicked_cb (QdImportDialog *self)
{
  choose_file (self);
}

static gboolean
apply_progress (gpointer data)
{
  ProgressUpdate *update = data;
  g_autoptr(QdImportDialog) self = g_weak_ref_get (&update->dialog);

  if (self != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%.0f %% read"), update->fraction * 100);
      gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (update->fraction, 0, 1));
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_weak_ref_clear (&update->dialog);
  g_free (update);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  ImportJob *job = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);
  g_autoptr(GObject) dialog = g_weak_ref_get (&job->dialog);

  g_weak_ref_init (&update->dialog, dialog);
  update->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, apply_progress, update, progress_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(QdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  QdImportSummary *summary;

  /* Its own connection: the window's stays free for reading. */
  store = qd_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->kind == QD_IMPORT_KIND_ROSTER)
    summary = qd_import_roster (store, job->file, import_progress_cb, job, cancellable, &error);
  else
    summary = qd_import_tickets (store, job->file, job->preset, job->mapping, job->n_mapping,
                                 job->timezone, import_progress_cb, job, cancellable, &error);

  if (summary == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) qd_import_summary_free);
}

static void
link_agent (QdImportDialog *self,
            const char     *agent,
            gint64          member_id,
            GtkWidget      *row)
{
  g_autoptr(GError) error = NULL;
  QdStore *store = qd_roster_get_store (self->roster);

  if (!qd_import_link_agent (store, agent, member_id, &error))
    {
      toast (self, error->message);
      return;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Linked: their tickets now count for this member"));
  g_signal_emit (self, signals[IMPORTED], 0);
}

static void
agent_member_selected_cb (AdwComboRow    *row,
                          GParamSpec     *pspec,
                          QdImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *agent = g_object_get_data (G_OBJECT (row), "agent");

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->member_ids->len)
    return;
  link_agent (self, agent, g_array_index (self->member_ids, gint64, selected - 1), GTK_WIDGET (row));
}

static void
add_agent_clicked_cb (GtkButton      *button,
                      QdImportDialog *self)
{
  AdwActionRow *row = g_object_get_data (G_OBJECT (button), "row");
  const char *agent = g_object_get_data (G_OBJECT (row), "agent");
  g_autoptr(QdMember) member = qd_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  qd_member_set_name (member, agent);
  qd_member_set_job_title (member, _("Support Agent"));
  id = qd_roster_add_member (self->roster, member, &error);
  if (id == 0)
    {
      toast (self, error->message);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  link_agent (self, agent, id, GTK_WIDGET (row));
}

static void
fill_member_choices (QdImportDialog *self)
{
  g_autoptr(QdMemberList) list = qd_member_list_new (self->roster);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_clear_pointer (&self->member_ids, g_array_unref);
  g_clear_object (&self->member_names);
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->member_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->member_names, _("Not linked"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QdMember) member = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = qd_member_get_id (member);

      g_array_append_val (self->member_ids, id);
      gtk_string_list_append (self->member_names, qd_member_get_name (member));
    }
}

static void
show_summary (QdImportDialog        *self,
              const QdImportSummary *summary)
{
  g_autofree char *text = qd_import_summary_to_string (summary);
  g_autoptr(GString) problems = g_string_new (NULL);

  adw_status_page_set_icon_name (self->summary_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->summary_page, _("Import Finished"));
  adw_status_page_set_description (self->summary_page, text);

  for (guint i = 0; summary->problems != NULL && i < summary->problems->len; i++)
    {
      const QdImportProblem *problem = g_ptr_array_index (summary->problems, i);
      g_string_append_printf (problems, _("Row %u: %s"), problem->row, problem->reason);
      g_string_append_c (problems, '\n');
    }
  gtk_label_set_label (self->problems_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_expander), problems->len > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->agents_group),
                          summary->unmatched_agents != NULL && summary->unmatched_agents[0] != NULL);
  if (summary->unmatched_agents != NULL && summary->unmatched_agents[0] != NULL)
    {
      fill_member_choices (self);
      for (guint i = 0; summary->unmatched_agents[i] != NULL; i++)
        {
          GtkWidget *row = adw_combo_row_new ();
          GtkWidget *add = gtk_button_new_with_label (_("Add to Team"));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary->unmatched_agents[i]);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->member_names));
          adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), FALSE);
          g_object_set_data_full (G_OBJECT (row), "agent", g_strdup (summary->unmatched_agents[i]), g_free);
          g_signal_connect_object (row, "notify::selected", G_CALLBACK (agent_member_selected_cb), self, 0);

          gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (add), "row", row);
          g_signal_connect_object (add, "clicked", G_CALLBACK (add_agent_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);

          adw_preferences_group_add (self->agents_group, row);
        }
    }

  set_step (self, "summary");
}

static void
import_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(QdImportDialog) self = user_data;
  g_autoptr(QdImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  g_clear_object (&self->cancellable);
  summary = g_task_propagate_pointer (G_TASK (result), &error);

  if (summary == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_step (self, "setup");
          toast (self, _("The import was cancelled. Nothing was changed."));
          return;
        }
      adw_status_page_set_icon_name (self->summary_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->summary_page, _("Nothing Was Imported"));
      adw_status_page_set_description (self->summary_page, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_expander), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->agents_group), FALSE);
      set_step (self, "summary");
      return;
    }

  /* Members may have been added by a roster import. */
  qd_roster_notify_changed (self->roster);
  show_summary (self, summary);
  g_signal_emit (self, signals[IMPORTED], 0);
}

/**
 * qd_import_dialog_start:
 *
 * Starts the import with the chosen settings (the Import button).
 */
void
qd_import_dialog_start (QdImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;
  const char *timezone;

  g_return_if_fail (QD_IS_IMPORT_DIALOG (self));

  if (self->file == NULL || self->running)
    return;

  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (qd_store_get_path (qd_roster_get_store (self->roster)));
  job->file = g_object_ref (self->file);
  job->kind = self->kind;
  job->preset = selected_preset (self);
  g_weak_ref_init (&job->dialog, self);

  timezone = gtk_editable_get_text (GTK_EDITABLE (self->timezone_row));
  job->timezone = *timezone != '\0' ? g_strstrip (g_strdup (timezone)) : NULL;

  if (job->preset == QD_PRESET_CUSTOM && self->mapping_dropdowns != NULL)
    {
      job->n_mapping = self->mapping_dropdowns->len;
      job->mapping = g_new0 (QdField, job->n_mapping);
      for (guint i = 0; i < job->n_mapping; i++)
        job->mapping[i] = gtk_drop_down_get_selected (g_ptr_array_index (self->mapping_dropdowns, i));
    }

  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  set_step (self, "progress");

  task = g_task_new (NULL, self->cancellable, import_finished_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
import_button_clicked_cb (QdImportDialog *self)
{
  qd_import_dialog_start (self);
}

static void
cancel_import_clicked_cb (QdImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_label_set_label (self->progress_label, _("Cancelling…"));
}

static void
close_button_clicked_cb (QdImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
qd_import_dialog_close_request (GtkWindow *window)
{
  QdImportDialog *self = QD_IMPORT_DIALOG (window);

  /* Closing during an import cancels it; the window goes when it stopped. */
  if (self->running)
    {
      cancel_import_clicked_cb (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (qd_import_dialog_parent_class)->close_request (window);
}

static void
qd_import_dialog_dispose (GObject *object)
{
  QdImportDialog *self = (QdImportDialog *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->roster);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->member_names);
  g_clear_pointer (&self->member_ids, g_array_unref);
  g_clear_pointer (&self->mapping_dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->headers, g_strfreev);

  G_OBJECT_CLASS (qd_import_dialog_parent_class)->dispose (object);
}

static void
qd_import_dialog_class_init (QdImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = qd_import_dialog_dispose;
  window_class->close_request = qd_import_dialog_close_request;

  /**
   * QdImportDialog::imported:
   *
   * Emitted when data was written: an import finished or an agent was
   * linked to a member.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, choose_page);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, format_group);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, preview_hint);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, summary_page);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, problems_expander);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, agents_group);
  gtk_widget_class_bind_template_child (widget_class, QdImportDialog, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qd_import_dialog_init (QdImportDialog *self)
{
  g_autoptr(GtkStringList) presets = gtk_string_list_new (NULL);
  g_autofree char *timezone = default_timezone ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (presets, _("Detect automatically"));
  gtk_string_list_append (presets, qd_preset_to_label (QD_PRESET_ZENDESK));
  gtk_string_list_append (presets, qd_preset_to_label (QD_PRESET_ZENDESK_EXPLORE));
  gtk_string_list_append (presets, qd_preset_to_label (QD_PRESET_FRESHDESK));
  gtk_string_list_append (presets, _("Map Columns Myself (Help Scout and others)"));
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (presets));

  gtk_editable_set_text (GTK_EDITABLE (self->timezone_row), timezone);
  set_step (self, "choose");
}

QdImportDialog *
qd_import_dialog_new (GtkWindow    *parent,
                      QdRoster     *roster,
                      QdImportKind  kind)
{
  QdImportDialog *self;

  g_return_val_if_fail (QD_IS_ROSTER (roster), NULL);

  self = g_object_new (QD_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->roster = g_object_ref (roster);
  self->kind = kind;

  if (kind == QD_IMPORT_KIND_ROSTER)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Import Roster"));
      adw_status_page_set_title (self->choose_page, _("Import a Roster"));
      adw_status_page_set_description (self->choose_page,
                                       _("Choose a CSV file with the columns Name, Email and Team, "
                                         "such as a helpdesk’s list of agents. People already in "
                                         "the team are matched by email or name and updated."));
      gtk_widget_set_visible (GTK_WIDGET (self->format_group), FALSE);
    }

  return self;
}

const char *
qd_import_dialog_get_step (QdImportDialog *self)
{
  g_return_val_if_fail (QD_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
