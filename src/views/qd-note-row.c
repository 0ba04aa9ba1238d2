/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-note-row"

#include "config.h"

#include <glib/gi18n.h>

#include "qd-note-row.h"

/* One note of the 1:1 and feedback log, as a card: its kind with an icon
 * and the word, the day, whether it was edited, the text, and buttons to
 * edit and delete it (the window's history.edit-note and
 * history.delete-note actions, with the note's id). */

struct _QdNoteRow
{
  GtkWidget     parent_instance;

  QdMemberNote *note;
  gulong        notify_id;

  /* Template widgets */
  GtkImage     *kind_icon;
  GtkLabel     *kind_label;
  GtkLabel     *date_label;
  GtkLabel     *edited_label;
  GtkLabel     *text_label;
  GtkButton    *edit_button;
  GtkButton    *delete_button;
};

G_DEFINE_FINAL_TYPE (QdNoteRow, qd_note_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
qd_note_row_kind_icon_name (QdNoteKind kind)
{
  switch (kind)
    {
    case QD_NOTE_KIND_ONE_ON_ONE: return "system-users-symbolic";
    case QD_NOTE_KIND_PRAISE: return "emblem-favorite-symbolic";
    case QD_NOTE_KIND_CONCERN: return "dialog-warning-symbolic";
    case QD_NOTE_KIND_NOTE:
    default: return "document-edit-symbolic";
    }
}

static void
update (QdNoteRow *self)
{
  QdMemberNote *note = self->note;
  g_autofree char *edited = NULL;
  g_autofree char *accessible = NULL;
  GVariant *target;

  if (note == NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), NULL);
      return;
    }

  gtk_image_set_from_icon_name (self->kind_icon, qd_note_row_kind_icon_name (qd_member_note_get_kind (note)));
  gtk_label_set_label (self->kind_label, qd_note_kind_to_label (qd_member_note_get_kind (note)));
  {
    g_autofree char *day = NULL;
    g_object_get (note, "noted-on-label", &day, NULL);
    gtk_label_set_label (self->date_label, day);
  }
  gtk_label_set_label (self->text_label, qd_member_note_get_text (note));

  gtk_widget_set_visible (GTK_WIDGET (self->edited_label), qd_member_note_get_edited (note));
  if (qd_member_note_get_edited (note))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (qd_member_note_get_updated_at (note), NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, _("%-d %b %Y, %H:%M")) : NULL;

      /* Translators: tooltip of "Edited" on a note; %s is a day and time */
      edited = when != NULL ? g_strdup_printf (_("Last edited on %s"), when) : NULL;
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->edited_label), edited);
    }

  target = g_variant_new_int64 (qd_member_note_get_id (note));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "history.edit-note");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "history.delete-note");

  /* Translators: what a screen reader says for a note: kind and day */
  accessible = g_strdup_printf (_("%s, %s"), gtk_label_get_label (self->kind_label),
                                gtk_label_get_label (self->date_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
note_notify_cb (QdNoteRow *self)
{
  update (self);
}

static void
qd_note_row_dispose (GObject *object)
{
  QdNoteRow *self = (QdNoteRow *) object;
  GtkWidget *child;

  if (self->note != NULL)
    g_clear_signal_handler (&self->notify_id, self->note);
  g_clear_object (&self->note);
  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_NOTE_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (qd_note_row_parent_class)->dispose (object);
}

static void
qd_note_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  QdNoteRow *self = QD_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_note_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  QdNoteRow *self = QD_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      qd_note_row_set_note (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_note_row_class_init (QdNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_note_row_dispose;
  object_class->get_property = qd_note_row_get_property;
  object_class->set_property = qd_note_row_set_property;

  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL, QD_TYPE_MEMBER_NOTE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, QdNoteRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, QdNoteRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, QdNoteRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, QdNoteRow, edited_label);
  gtk_widget_class_bind_template_child (widget_class, QdNoteRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, QdNoteRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, QdNoteRow, delete_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
qd_note_row_init (QdNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
qd_note_row_new (void)
{
  return g_object_new (QD_TYPE_NOTE_ROW, NULL);
}

QdMemberNote *
qd_note_row_get_note (QdNoteRow *self)
{
  g_return_val_if_fail (QD_IS_NOTE_ROW (self), NULL);
  return self->note;
}

void
qd_note_row_set_note (QdNoteRow    *self,
                      QdMemberNote *note)
{
  g_return_if_fail (QD_IS_NOTE_ROW (self));
  g_return_if_fail (note == NULL || QD_IS_MEMBER_NOTE (note));

  if (self->note == note)
    return;

  if (self->note != NULL)
    g_clear_signal_handler (&self->notify_id, self->note);
  g_set_object (&self->note, note);
  if (note != NULL)
    self->notify_id = g_signal_connect_swapped (note, "notify", G_CALLBACK (note_notify_cb), self);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
