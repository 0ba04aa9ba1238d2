/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-roster.h"

G_BEGIN_DECLS

typedef enum
{
  QD_IMPORT_KIND_TICKETS,
  QD_IMPORT_KIND_ROSTER,
} QdImportKind;

#define QD_TYPE_IMPORT_DIALOG (qd_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QdImportDialog, qd_import_dialog, QD, IMPORT_DIALOG, AdwWindow)

QdImportDialog *qd_import_dialog_new        (GtkWindow      *parent,
                                             QdRoster       *roster,
                                             QdImportKind    kind);
void            qd_import_dialog_set_file   (QdImportDialog *self,
                                             GFile          *file);
void            qd_import_dialog_start      (QdImportDialog *self);
const char     *qd_import_dialog_get_step   (QdImportDialog *self);

G_END_DECLS
