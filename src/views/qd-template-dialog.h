/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-reviews.h"

G_BEGIN_DECLS

#define QD_TYPE_TEMPLATE_DIALOG (qd_template_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QdTemplateDialog, qd_template_dialog, QD, TEMPLATE_DIALOG, AdwPreferencesWindow)

/* Edits review template @template_id: its name, section weights, rating
 * scale and competencies, each change saved as it is made. */
QdTemplateDialog *qd_template_dialog_new (GtkWindow *parent,
                                          QdReviews *reviews,
                                          gint64     template_id);

G_END_DECLS
