/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-store-goals.h"

G_BEGIN_DECLS

/* What a note in the 1:1 and feedback log is. */
typedef enum
{
  QD_NOTE_KIND_ONE_ON_ONE,
  QD_NOTE_KIND_PRAISE,
  QD_NOTE_KIND_CONCERN,
  QD_NOTE_KIND_NOTE,
} QdNoteKind;

/* A set of kinds for filtering: QD_NOTE_KIND_MASK (QD_NOTE_KIND_PRAISE) |
 * QD_NOTE_KIND_MASK (QD_NOTE_KIND_CONCERN); QD_NOTE_KINDS_ALL (0) is
 * every kind. */
#define QD_NOTE_KIND_MASK(kind) (1u << (kind))
#define QD_NOTE_KINDS_ALL 0u

#define QD_TYPE_NOTE_KIND (qd_note_kind_get_type ())

GType         qd_note_kind_get_type       (void) G_GNUC_CONST;
const char   *qd_note_kind_to_nick        (QdNoteKind  kind);
const char   *qd_note_kind_to_label       (QdNoteKind  kind);
gboolean      qd_note_kind_from_nick      (const char *nick,
                                           QdNoteKind *kind);

/* A dated private note about one member: a plain value object. Changes
 * reach the database through QdNotes.
 *
 * Editable: member-id, kind, noted-on (the day it is about, YYYY-MM-DD),
 * text.
 * Read-only: kind-label ("1:1", "Praise", …), noted-on-label, created-at,
 * updated-at ("" until edited), edited (changed after it was written). */

#define QD_TYPE_MEMBER_NOTE (qd_member_note_get_type ())

G_DECLARE_FINAL_TYPE (QdMemberNote, qd_member_note, QD, MEMBER_NOTE, GObject)

QdMemberNote *qd_member_note_new                (void);
QdMemberNote *qd_member_note_new_from_record    (const QdMemberNoteRecord *record);
void          qd_member_note_update_from_record (QdMemberNote             *self,
                                                 const QdMemberNoteRecord *record);
void          qd_member_note_to_record          (QdMemberNote             *self,
                                                 QdMemberNoteRecord       *record);

gint64        qd_member_note_get_id             (QdMemberNote             *self);
gint64        qd_member_note_get_member_id      (QdMemberNote             *self);
void          qd_member_note_set_member_id      (QdMemberNote             *self,
                                                 gint64                    member_id);
QdNoteKind    qd_member_note_get_kind           (QdMemberNote             *self);
void          qd_member_note_set_kind           (QdMemberNote             *self,
                                                 QdNoteKind                kind);
const char   *qd_member_note_get_noted_on       (QdMemberNote             *self);
void          qd_member_note_set_noted_on       (QdMemberNote             *self,
                                                 const char               *noted_on);
const char   *qd_member_note_get_text           (QdMemberNote             *self);
void          qd_member_note_set_text           (QdMemberNote             *self,
                                                 const char               *text);
const char   *qd_member_note_get_created_at     (QdMemberNote             *self);
const char   *qd_member_note_get_updated_at     (QdMemberNote             *self);
gboolean      qd_member_note_get_edited         (QdMemberNote             *self);

G_END_DECLS
