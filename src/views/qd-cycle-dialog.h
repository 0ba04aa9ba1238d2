/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-reviews.h"

G_BEGIN_DECLS

#define QD_TYPE_CYCLE_DIALOG (qd_cycle_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QdCycleDialog, qd_cycle_dialog, QD, CYCLE_DIALOG, AdwWindow)

/* @cycle_id 0 makes a new cycle (with a Create button), else edits that
 * cycle, saving each change as it is made. @today (nullable, YYYY-MM-DD)
 * decides the quarter a new cycle is proposed for. */
QdCycleDialog *qd_cycle_dialog_new          (GtkWindow     *parent,
                                             QdReviews     *reviews,
                                             gint64         cycle_id,
                                             const char    *today);
/* The cycle created or edited; 0 while a new one is not created yet. */
gint64         qd_cycle_dialog_get_cycle_id (QdCycleDialog *self);

G_END_DECLS
