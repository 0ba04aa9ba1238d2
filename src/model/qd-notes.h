/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-member-note.h"
#include "qd-store.h"

G_BEGIN_DECLS

/* QdNotes keeps the private 1:1 notes and feedback log of each member
 * (kinds: 1:1, praise, concern, note). Each change checks the rules,
 * is written in one transaction and then emits ::changed; a refused
 * change leaves the database as it was and says why in a QD_NOTES_ERROR.
 * Deleting returns an undo record that puts back the very same note
 * (same id, same creation and edit times). The store runs with
 * secure_delete, so a deleted note's text does not linger in the file. */

#define QD_NOTES_ERROR (qd_notes_error_quark ())

typedef enum
{
  QD_NOTES_ERROR_INVALID,     /* a rule is broken; the message says which */
  QD_NOTES_ERROR_NOT_FOUND,   /* the note or the member is gone */
} QdNotesError;

typedef struct _QdNoteUndo QdNoteUndo;

#define QD_TYPE_NOTES (qd_notes_get_type ())

G_DECLARE_FINAL_TYPE (QdNotes, qd_notes, QD, NOTES, GObject)

GQuark         qd_notes_error_quark         (void);

QdNotes       *qd_notes_new                 (QdStore       *store);
QdStore       *qd_notes_get_store           (QdNotes       *self);

/* Rules: a member who exists (also one who has left: an exit 1:1 is
 * worth keeping); a kind; a real day, not after today; some text, at most
 * 20 000 characters. */
gboolean       qd_notes_validate_note       (QdNotes       *self,
                                             QdMemberNote  *note,
                                             GError       **error);
/* Returns: the new note's id, or 0 on error. */
gint64         qd_notes_add_note            (QdNotes       *self,
                                             QdMemberNote  *note,
                                             GError       **error);
/* Also marks the note as edited (updated-at). */
gboolean       qd_notes_save_note           (QdNotes       *self,
                                             QdMemberNote  *note,
                                             GError       **error);
QdMemberNote  *qd_notes_load_note           (QdNotes       *self,
                                             gint64         id,
                                             GError       **error);
/* Returns: (transfer full): what qd_notes_undo() needs, or NULL on error. */
QdNoteUndo    *qd_notes_delete_note         (QdNotes       *self,
                                             gint64         id,
                                             GError       **error);
gboolean       qd_notes_undo                (QdNotes       *self,
                                             QdNoteUndo    *undo,
                                             GError       **error);
/* For the toast: "Note about %s deleted". */
const char    *qd_note_undo_get_member_name (QdNoteUndo    *undo);
void           qd_note_undo_free            (QdNoteUndo    *undo);

/* Returns: (transfer full): a live list of QdMemberNote, newest first
 * (by the day noted, then the latest written). @member_id 0 means
 * everyone; @kinds a mask of QD_NOTE_KIND_MASK() bits, QD_NOTE_KINDS_ALL
 * for all; @from_day and @to_day (YYYY-MM-DD, inclusive, nullable) bound
 * the day noted. It updates itself after every change made through this
 * service, handing out the same objects for the same notes. Read it; do
 * not change it. */
GListModel    *qd_notes_list                (QdNotes       *self,
                                             gint64         member_id,
                                             guint          kinds,
                                             const char    *from_day,
                                             const char    *to_day);
/* Every kind of note about @member_id dated within [from_day, to_day]:
 * the evidence a review of that period shows. */
GListModel    *qd_notes_list_for_period     (QdNotes       *self,
                                             gint64         member_id,
                                             const char    *from_day,
                                             const char    *to_day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdNoteUndo, qd_note_undo_free)

G_END_DECLS
