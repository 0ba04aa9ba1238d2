/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-goals.h"
#include "qd-kpis.h"
#include "qd-notes.h"
#include "qd-reviews.h"
#include "qd-roster.h"

G_BEGIN_DECLS

#define QD_TYPE_APPLICATION (qd_application_get_type ())

G_DECLARE_FINAL_TYPE (QdApplication, qd_application, QD, APPLICATION, AdwApplication)

QdApplication *qd_application_new               (void);
gboolean       qd_application_open_database     (QdApplication  *self,
                                                 const char     *path,
                                                 GError        **error);
QdRoster      *qd_application_get_roster        (QdApplication  *self);
QdKpis        *qd_application_get_kpis          (QdApplication  *self);
QdGoals       *qd_application_get_goals         (QdApplication  *self);
QdNotes       *qd_application_get_notes         (QdApplication  *self);
QdReviews     *qd_application_get_reviews       (QdApplication  *self);
GSettings     *qd_application_get_settings      (QdApplication  *self);

G_END_DECLS
