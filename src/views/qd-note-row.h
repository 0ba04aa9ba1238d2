/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-member-note.h"

G_BEGIN_DECLS

#define QD_TYPE_NOTE_ROW (qd_note_row_get_type ())

G_DECLARE_FINAL_TYPE (QdNoteRow, qd_note_row, QD, NOTE_ROW, GtkWidget)

GtkWidget    *qd_note_row_new          (void);
QdMemberNote *qd_note_row_get_note     (QdNoteRow    *self);
void          qd_note_row_set_note     (QdNoteRow    *self,
                                        QdMemberNote *note);

/* The symbolic icon that goes with the word for @kind. */
const char   *qd_note_row_kind_icon_name (QdNoteKind  kind);

G_END_DECLS
