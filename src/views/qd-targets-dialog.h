/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-kpis.h"

G_BEGIN_DECLS

#define QD_TYPE_TARGETS_DIALOG (qd_targets_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QdTargetsDialog, qd_targets_dialog, QD, TARGETS_DIALOG, AdwPreferencesWindow)

QdTargetsDialog *qd_targets_dialog_new  (GtkWindow *parent,
                                         QdKpis    *kpis);

G_END_DECLS
