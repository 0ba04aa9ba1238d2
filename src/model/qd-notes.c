/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-notes"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-notes.h"
#include "qd-store-goals.h"
#include "qd-store-members.h"

/* QdNotes is the service through which the 1:1 notes and feedback log
 * change: it checks the rules, writes each user action in one
 * transaction and keeps the lists it handed out up to date. */

#define MAX_TEXT_LENGTH 20000

typedef struct
{
  QdNotes    *owner;
  GListStore *model;          /* weak */
  gint64      member_id;
  guint       kinds;
  char       *from_day;
  char       *to_day;
} LiveList;

struct _QdNoteUndo
{
  QdMemberNoteRecord  record;
  char               *member_name;
};

struct _QdNotes
{
  GObject    parent_instance;

  QdStore   *store;
  GPtrArray *live;            /* LiveList */
};

G_DEFINE_FINAL_TYPE (QdNotes, qd_notes, G_TYPE_OBJECT)

G_DEFINE_QUARK (qd-notes-error-quark, qd_notes_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- helpers ---- */

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
check_day (const char  *text,
           GError     **error)
{
  int y, m, d;
  char tail;
  gboolean shaped = strlen (text) == 10 && text[4] == '-' && text[7] == '-';

  for (guint i = 0; shaped && i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      shaped = FALSE;
  if (!shaped || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    {
      g_set_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_INVALID,
                   _("“%s” is not a date. Write it as year-month-day, for example 2026-03-18."), text);
      return FALSE;
    }
  if (!g_date_valid_dmy (d, m, y) || y < 1900 || y > 2200)
    {
      g_set_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_INVALID,
                   _("The date “%s” does not exist."), text);
      return FALSE;
    }
  return TRUE;
}

static void
propagate (GError  *local_error,
           GError **error)
{
  if (g_error_matches (local_error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND))
    {
      g_set_error_literal (error, QD_NOTES_ERROR, QD_NOTES_ERROR_NOT_FOUND, local_error->message);
      g_error_free (local_error);
    }
  else
    g_propagate_error (error, local_error);
}

/* ---- live lists ---- */

static void
live_model_finalized_cb (gpointer  data,
                         GObject  *where_the_object_was)
{
  LiveList *live = data;

  live->model = NULL;
  g_ptr_array_remove (live->owner->live, live);
}

static void
live_list_free (LiveList *live)
{
  if (live->model != NULL)
    g_object_weak_unref (G_OBJECT (live->model), live_model_finalized_cb, live);
  g_free (live->from_day);
  g_free (live->to_day);
  g_free (live);
}

/* Makes @model hold @items, announcing only the range that changed. */
static void
sync_model (GListStore *model,
            GPtrArray  *items)
{
  guint old_len = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint new_len = items->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_len && prefix < new_len)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), prefix);
      if (item != g_ptr_array_index (items, prefix))
        break;
      prefix++;
    }
  while (suffix < old_len - prefix && suffix < new_len - prefix)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), old_len - 1 - suffix);
      if (item != g_ptr_array_index (items, new_len - 1 - suffix))
        break;
      suffix++;
    }
  if (prefix == old_len && prefix == new_len)
    return;

  g_list_store_splice (model, prefix, old_len - prefix - suffix,
                       items->pdata + prefix, new_len - prefix - suffix);
}

static void
refresh_live_list (QdNotes  *self,
                   LiveList *live)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) old = NULL;
  guint n;

  if (live->model == NULL)
    return;

  records = qd_store_list_member_notes (self->store, live->member_id, live->kinds,
                                        live->from_day, live->to_day, &error);
  if (records == NULL)
    {
      g_warning ("The notes could not be read: %s", error->message);
      return;
    }

  old = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (live->model));
  for (guint i = 0; i < n; i++)
    {
      QdMemberNote *note = g_list_model_get_item (G_LIST_MODEL (live->model), i);
      gint64 *key = g_new (gint64, 1);

      *key = qd_member_note_get_id (note);
      g_hash_table_replace (old, key, note);
    }

  for (guint i = 0; i < records->len; i++)
    {
      QdMemberNoteRecord *record = g_ptr_array_index (records, i);
      QdMemberNote *note = g_hash_table_lookup (old, &record->id);

      if (note != NULL)
        {
          g_object_ref (note);
          qd_member_note_update_from_record (note, record);
        }
      else
        note = qd_member_note_new_from_record (record);
      g_ptr_array_add (items, note);
    }

  sync_model (live->model, items);
}

static void
emit_changed (QdNotes *self)
{
  for (guint i = 0; i < self->live->len; i++)
    refresh_live_list (self, g_ptr_array_index (self->live, i));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- object ---- */

static void
qd_notes_dispose (GObject *object)
{
  QdNotes *self = (QdNotes *) object;

  if (self->live != NULL)
    g_ptr_array_set_size (self->live, 0);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (qd_notes_parent_class)->dispose (object);
}

static void
qd_notes_finalize (GObject *object)
{
  QdNotes *self = (QdNotes *) object;

  g_clear_pointer (&self->live, g_ptr_array_unref);

  G_OBJECT_CLASS (qd_notes_parent_class)->finalize (object);
}

static void
qd_notes_class_init (QdNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = qd_notes_dispose;
  object_class->finalize = qd_notes_finalize;

  /**
   * QdNotes::changed:
   *
   * Emitted after notes were added, changed or removed, once the lists
   * handed out are up to date.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
qd_notes_init (QdNotes *self)
{
  self->live = g_ptr_array_new_with_free_func ((GDestroyNotify) live_list_free);
}

QdNotes *
qd_notes_new (QdStore *store)
{
  QdNotes *self;

  g_return_val_if_fail (QD_IS_STORE (store), NULL);

  self = g_object_new (QD_TYPE_NOTES, NULL);
  self->store = g_object_ref (store);
  return self;
}

QdStore *
qd_notes_get_store (QdNotes *self)
{
  g_return_val_if_fail (QD_IS_NOTES (self), NULL);
  return self->store;
}

gboolean
qd_notes_validate_note (QdNotes       *self,
                        QdMemberNote  *note,
                        GError       **error)
{
  QdMemberRecord member = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *today = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (QD_IS_NOTES (self), FALSE);
  g_return_val_if_fail (QD_IS_MEMBER_NOTE (note), FALSE);

  if (qd_member_note_get_member_id (note) <= 0)
    {
      g_set_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_INVALID,
                   _("Choose who this note is about."));
      return FALSE;
    }
  if (!qd_store_load_member (self->store, qd_member_note_get_member_id (note), &member, &local_error))
    {
      if (g_error_matches (local_error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND))
        g_set_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_NOT_FOUND,
                     _("This team member no longer exists."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  qd_member_record_clear (&member);

  if (qd_note_kind_to_nick (qd_member_note_get_kind (note)) == NULL)
    {
      g_set_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_INVALID,
                   _("A note is a 1:1, praise, a concern or a plain note."));
      return FALSE;
    }

  day = g_strstrip (g_strdup (qd_member_note_get_noted_on (note)));
  if (*day == '\0')
    {
      g_set_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_INVALID,
                   _("Every note needs the day it is about."));
      return FALSE;
    }
  if (!check_day (day, error))
    return FALSE;
  today = dup_today ();
  if (strcmp (day, today) > 0)
    {
      g_set_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_INVALID,
                   _("The day “%s” is still to come: a note is about something that happened."), day);
      return FALSE;
    }

  text = g_strstrip (g_strdup (qd_member_note_get_text (note)));
  if (*text == '\0')
    {
      g_set_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_INVALID,
                   _("A note cannot be empty."));
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > MAX_TEXT_LENGTH)
    {
      g_set_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_INVALID,
                   _("A note can be at most %d characters long."), MAX_TEXT_LENGTH);
      return FALSE;
    }

  return TRUE;
}

static void
note_to_trimmed_record (QdMemberNote       *note,
                        QdMemberNoteRecord *record)
{
  qd_member_note_to_record (note, record);
  g_strstrip (record->noted_on);
  g_strstrip (record->text);
}

gint64
qd_notes_add_note (QdNotes       *self,
                   QdMemberNote  *note,
                   GError       **error)
{
  g_auto(QdMemberNoteRecord) record = { 0 };
  gint64 id;

  g_return_val_if_fail (QD_IS_NOTES (self), 0);
  g_return_val_if_fail (QD_IS_MEMBER_NOTE (note), 0);
  g_return_val_if_fail (qd_member_note_get_id (note) == 0, 0);

  if (!qd_notes_validate_note (self, note, error))
    return 0;

  note_to_trimmed_record (note, &record);
  g_clear_pointer (&record.created_at, g_free);
  g_clear_pointer (&record.updated_at, g_free);

  if (!qd_store_begin (self->store, error))
    return 0;
  id = qd_store_insert_member_note (self->store, &record, error);
  if (id == 0 || !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return 0;
    }

  emit_changed (self);
  return id;
}

gboolean
qd_notes_save_note (QdNotes       *self,
                    QdMemberNote  *note,
                    GError       **error)
{
  g_auto(QdMemberNoteRecord) record = { 0 };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (QD_IS_NOTES (self), FALSE);
  g_return_val_if_fail (QD_IS_MEMBER_NOTE (note), FALSE);
  g_return_val_if_fail (qd_member_note_get_id (note) > 0, FALSE);

  if (!qd_notes_validate_note (self, note, error))
    return FALSE;

  note_to_trimmed_record (note, &record);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  if (!qd_store_update_member_note (self->store, &record, &local_error) ||
      !qd_store_commit (self->store, &local_error))
    {
      qd_store_rollback (self->store);
      propagate (g_steal_pointer (&local_error), error);
      return FALSE;
    }

  emit_changed (self);
  return TRUE;
}

QdMemberNote *
qd_notes_load_note (QdNotes  *self,
                    gint64    id,
                    GError  **error)
{
  g_auto(QdMemberNoteRecord) record = { 0 };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (QD_IS_NOTES (self), NULL);

  if (!qd_store_load_member_note (self->store, id, &record, &local_error))
    {
      propagate (g_steal_pointer (&local_error), error);
      return NULL;
    }
  return qd_member_note_new_from_record (&record);
}

QdNoteUndo *
qd_notes_delete_note (QdNotes  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(QdNoteUndo) undo = g_new0 (QdNoteUndo, 1);
  g_autoptr(GError) local_error = NULL;
  QdMemberRecord member = { 0 };

  g_return_val_if_fail (QD_IS_NOTES (self), NULL);

  if (!qd_store_load_member_note (self->store, id, &undo->record, &local_error))
    {
      propagate (g_steal_pointer (&local_error), error);
      return NULL;
    }
  if (qd_store_load_member (self->store, undo->record.member_id, &member, NULL))
    undo->member_name = g_steal_pointer (&member.name);
  else
    undo->member_name = g_strdup ("");
  qd_member_record_clear (&member);

  if (!qd_store_begin (self->store, error))
    return NULL;
  if (!qd_store_delete_member_note (self->store, id, error) || !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return NULL;
    }

  emit_changed (self);
  return g_steal_pointer (&undo);
}

/**
 * qd_notes_undo:
 *
 * Puts back a note removed by qd_notes_delete_note(): the same row, with
 * its id, its day, its text and its creation and edit times.
 */
gboolean
qd_notes_undo (QdNotes     *self,
               QdNoteUndo  *undo,
               GError     **error)
{
  g_auto(QdMemberNoteRecord) existing = { 0 };

  g_return_val_if_fail (QD_IS_NOTES (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  if (qd_store_load_member_note (self->store, undo->record.id, &existing, NULL))
    {
      qd_store_rollback (self->store);
      g_set_error (error, QD_NOTES_ERROR, QD_NOTES_ERROR_INVALID,
                   _("The note has already been put back."));
      return FALSE;
    }
  if (qd_store_insert_member_note (self->store, &undo->record, error) == 0 ||
      !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return FALSE;
    }

  emit_changed (self);
  return TRUE;
}

const char *
qd_note_undo_get_member_name (QdNoteUndo *undo)
{
  g_return_val_if_fail (undo != NULL, NULL);
  return undo->member_name;
}

void
qd_note_undo_free (QdNoteUndo *undo)
{
  if (undo == NULL)
    return;
  qd_member_note_record_clear (&undo->record);
  g_free (undo->member_name);
  g_free (undo);
}

GListModel *
qd_notes_list (QdNotes    *self,
               gint64      member_id,
               guint       kinds,
               const char *from_day,
               const char *to_day)
{
  LiveList *live;
  GListStore *model;

  g_return_val_if_fail (QD_IS_NOTES (self), NULL);

  model = g_list_store_new (QD_TYPE_MEMBER_NOTE);
  live = g_new0 (LiveList, 1);
  live->owner = self;
  live->model = model;
  live->member_id = MAX (member_id, 0);
  live->kinds = kinds;
  live->from_day = g_strdup (from_day);
  live->to_day = g_strdup (to_day);
  g_object_weak_ref (G_OBJECT (model), live_model_finalized_cb, live);
  g_ptr_array_add (self->live, live);

  refresh_live_list (self, live);
  return G_LIST_MODEL (model);
}

GListModel *
qd_notes_list_for_period (QdNotes    *self,
                          gint64      member_id,
                          const char *from_day,
                          const char *to_day)
{
  g_return_val_if_fail (QD_IS_NOTES (self), NULL);

  return qd_notes_list (self, member_id, QD_NOTE_KINDS_ALL, from_day, to_day);
}
