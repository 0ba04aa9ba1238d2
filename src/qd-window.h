/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-application.h"

G_BEGIN_DECLS

#define QD_TYPE_WINDOW (qd_window_get_type ())

G_DECLARE_FINAL_TYPE (QdWindow, qd_window, QD, WINDOW, AdwApplicationWindow)

QdWindow *qd_window_new        (QdApplication *application,
                                QdRoster      *roster,
                                const char    *open_error);
void      qd_window_add_toast     (QdWindow      *self,
                                   AdwToast      *toast);
void      qd_window_data_changed  (QdWindow      *self);

G_END_DECLS
