/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-kpis.h"

G_BEGIN_DECLS

#define QD_TYPE_MANUAL_VALUES_DIALOG (qd_manual_values_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QdManualValuesDialog, qd_manual_values_dialog, QD, MANUAL_VALUES_DIALOG, AdwPreferencesWindow)

QdManualValuesDialog *qd_manual_values_dialog_new  (GtkWindow  *parent,
                                                    QdKpis     *kpis,
                                                    const char *today);

G_END_DECLS
