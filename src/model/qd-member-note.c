/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-member-note"

#include "config.h"

#include <glib/gi18n.h>

#include "qd-goal.h"
#include "qd-member-note.h"

/* A note of the 1:1 and feedback log: a plain value object written by
 * QdNotes. */

struct _QdMemberNote
{
  GObject     parent_instance;

  gint64      id;
  gint64      member_id;
  QdNoteKind  kind;
  char       *noted_on;
  char       *text;
  char       *created_at;
  char       *updated_at;
};

G_DEFINE_FINAL_TYPE (QdMemberNote, qd_member_note, G_TYPE_OBJECT)

/* The nicks are the values stored in the database. */
G_DEFINE_ENUM_TYPE (QdNoteKind, qd_note_kind,
  G_DEFINE_ENUM_VALUE (QD_NOTE_KIND_ONE_ON_ONE, "one-on-one"),
  G_DEFINE_ENUM_VALUE (QD_NOTE_KIND_PRAISE, "praise"),
  G_DEFINE_ENUM_VALUE (QD_NOTE_KIND_CONCERN, "concern"),
  G_DEFINE_ENUM_VALUE (QD_NOTE_KIND_NOTE, "note"))

/* The store's mask bits follow the enum. */
G_STATIC_ASSERT (QD_STORE_NOTE_ONE_ON_ONE == QD_NOTE_KIND_MASK (QD_NOTE_KIND_ONE_ON_ONE));
G_STATIC_ASSERT (QD_STORE_NOTE_PRAISE == QD_NOTE_KIND_MASK (QD_NOTE_KIND_PRAISE));
G_STATIC_ASSERT (QD_STORE_NOTE_CONCERN == QD_NOTE_KIND_MASK (QD_NOTE_KIND_CONCERN));
G_STATIC_ASSERT (QD_STORE_NOTE_NOTE == QD_NOTE_KIND_MASK (QD_NOTE_KIND_NOTE));

enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_ID,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_NOTED_ON,
  PROP_NOTED_ON_LABEL,
  PROP_TEXT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_EDITED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (QdMemberNote *self,
              guint         prop_id)
{
  switch (prop_id)
    {
    case PROP_NOTED_ON: return &self->noted_on;
    case PROP_TEXT: return &self->text;
    case PROP_CREATED_AT: return &self->created_at;
    case PROP_UPDATED_AT: return &self->updated_at;
    default: return NULL;
    }
}

static void
set_string (QdMemberNote *self,
            guint         prop_id,
            const char   *value)
{
  char **field = string_field (self, prop_id);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (prop_id == PROP_NOTED_ON)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTED_ON_LABEL]);
  else if (prop_id == PROP_UPDATED_AT)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
}

static void
qd_member_note_finalize (GObject *object)
{
  QdMemberNote *self = (QdMemberNote *) object;

  g_free (self->noted_on);
  g_free (self->text);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (qd_member_note_parent_class)->finalize (object);
}

static void
qd_member_note_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QdMemberNote *self = QD_MEMBER_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, qd_note_kind_to_label (self->kind));
      break;
    case PROP_NOTED_ON:
    case PROP_TEXT:
    case PROP_CREATED_AT:
    case PROP_UPDATED_AT:
      g_value_set_string (value, *string_field (self, prop_id));
      break;
    case PROP_NOTED_ON_LABEL:
      g_value_take_string (value, _qd_goal_format_day (self->noted_on));
      break;
    case PROP_EDITED:
      g_value_set_boolean (value, qd_member_note_get_edited (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_member_note_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QdMemberNote *self = QD_MEMBER_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_MEMBER_ID:
      qd_member_note_set_member_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      qd_member_note_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_NOTED_ON:
    case PROP_TEXT:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_member_note_class_init (QdMemberNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qd_member_note_finalize;
  object_class->get_property = qd_member_note_get_property;
  object_class->set_property = qd_member_note_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBER_ID] = g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, QD_TYPE_NOTE_KIND, QD_NOTE_KIND_ONE_ON_ONE, rw);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, "", ro);
  properties[PROP_NOTED_ON] = g_param_spec_string ("noted-on", NULL, NULL, "", rw);
  properties[PROP_NOTED_ON_LABEL] = g_param_spec_string ("noted-on-label", NULL, NULL, "", ro);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", rw);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, "", ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, "", ro);
  properties[PROP_EDITED] = g_param_spec_boolean ("edited", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qd_member_note_init (QdMemberNote *self)
{
  self->noted_on = g_strdup ("");
  self->text = g_strdup ("");
  self->created_at = g_strdup ("");
  self->updated_at = g_strdup ("");
}

QdMemberNote *
qd_member_note_new (void)
{
  return g_object_new (QD_TYPE_MEMBER_NOTE, NULL);
}

QdMemberNote *
qd_member_note_new_from_record (const QdMemberNoteRecord *record)
{
  QdMemberNote *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (QD_TYPE_MEMBER_NOTE, "id", record->id, NULL);
  qd_member_note_update_from_record (self, record);
  return self;
}

void
qd_member_note_update_from_record (QdMemberNote             *self,
                                   const QdMemberNoteRecord *record)
{
  QdNoteKind kind = QD_NOTE_KIND_NOTE;

  g_return_if_fail (QD_IS_MEMBER_NOTE (self));
  g_return_if_fail (record != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  self->id = record->id;
  qd_member_note_set_member_id (self, record->member_id);
  qd_note_kind_from_nick (record->kind, &kind);
  qd_member_note_set_kind (self, kind);
  set_string (self, PROP_NOTED_ON, record->noted_on);
  set_string (self, PROP_TEXT, record->text);
  set_string (self, PROP_CREATED_AT, record->created_at);
  set_string (self, PROP_UPDATED_AT, record->updated_at);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * qd_member_note_to_record:
 * @record: (out caller-allocates): cleared with qd_member_note_record_clear()
 */
void
qd_member_note_to_record (QdMemberNote       *self,
                          QdMemberNoteRecord *record)
{
  g_return_if_fail (QD_IS_MEMBER_NOTE (self));
  g_return_if_fail (record != NULL);

  record->id = self->id;
  record->member_id = self->member_id;
  record->kind = g_strdup (qd_note_kind_to_nick (self->kind));
  record->noted_on = g_strdup (self->noted_on);
  record->text = g_strdup (self->text);
  record->created_at = *self->created_at != '\0' ? g_strdup (self->created_at) : NULL;
  record->updated_at = *self->updated_at != '\0' ? g_strdup (self->updated_at) : NULL;
}

gint64
qd_member_note_get_id (QdMemberNote *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_NOTE (self), 0);
  return self->id;
}

gint64
qd_member_note_get_member_id (QdMemberNote *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_NOTE (self), 0);
  return self->member_id;
}

void
qd_member_note_set_member_id (QdMemberNote *self,
                              gint64        member_id)
{
  g_return_if_fail (QD_IS_MEMBER_NOTE (self));

  member_id = MAX (member_id, 0);
  if (self->member_id == member_id)
    return;
  self->member_id = member_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_ID]);
}

QdNoteKind
qd_member_note_get_kind (QdMemberNote *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_NOTE (self), QD_NOTE_KIND_NOTE);
  return self->kind;
}

void
qd_member_note_set_kind (QdMemberNote *self,
                         QdNoteKind    kind)
{
  g_return_if_fail (QD_IS_MEMBER_NOTE (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_LABEL]);
}

const char *
qd_member_note_get_noted_on (QdMemberNote *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_NOTE (self), NULL);
  return self->noted_on;
}

void
qd_member_note_set_noted_on (QdMemberNote *self,
                             const char   *noted_on)
{
  g_return_if_fail (QD_IS_MEMBER_NOTE (self));
  set_string (self, PROP_NOTED_ON, noted_on);
}

const char *
qd_member_note_get_text (QdMemberNote *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_NOTE (self), NULL);
  return self->text;
}

void
qd_member_note_set_text (QdMemberNote *self,
                         const char   *text)
{
  g_return_if_fail (QD_IS_MEMBER_NOTE (self));
  set_string (self, PROP_TEXT, text);
}

const char *
qd_member_note_get_created_at (QdMemberNote *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_NOTE (self), NULL);
  return self->created_at;
}

const char *
qd_member_note_get_updated_at (QdMemberNote *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_NOTE (self), NULL);
  return self->updated_at;
}

gboolean
qd_member_note_get_edited (QdMemberNote *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_NOTE (self), FALSE);
  return *self->updated_at != '\0';
}

const char *
qd_note_kind_to_nick (QdNoteKind kind)
{
  switch (kind)
    {
    case QD_NOTE_KIND_ONE_ON_ONE: return "one-on-one";
    case QD_NOTE_KIND_PRAISE: return "praise";
    case QD_NOTE_KIND_CONCERN: return "concern";
    case QD_NOTE_KIND_NOTE: return "note";
    default: return NULL;
    }
}

gboolean
qd_note_kind_from_nick (const char *nick,
                        QdNoteKind *kind)
{
  for (int k = QD_NOTE_KIND_ONE_ON_ONE; k <= QD_NOTE_KIND_NOTE; k++)
    if (g_strcmp0 (nick, qd_note_kind_to_nick (k)) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

const char *
qd_note_kind_to_label (QdNoteKind kind)
{
  switch (kind)
    {
    /* Translators: a one-to-one meeting between a manager and a team member */
    case QD_NOTE_KIND_ONE_ON_ONE: return _("1:1");
    case QD_NOTE_KIND_PRAISE: return _("Praise");
    case QD_NOTE_KIND_CONCERN: return _("Concern");
    case QD_NOTE_KIND_NOTE: return C_("kind of note", "Note");
    default: return "";
    }
}
