/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-goals.h"
#include "qd-kpis.h"
#include "qd-notes.h"
#include "qd-reviews.h"
#include "qd-roster.h"

G_BEGIN_DECLS

#define QD_TYPE_REVIEW_EDITOR (qd_review_editor_get_type ())

G_DECLARE_FINAL_TYPE (QdReviewEditor, qd_review_editor, QD, REVIEW_EDITOR, GtkWidget)

void      qd_review_editor_set_reviews   (QdReviewEditor *self,
                                          QdReviews      *reviews);
void      qd_review_editor_set_roster    (QdReviewEditor *self,
                                          QdRoster       *roster);
void      qd_review_editor_set_kpis      (QdReviewEditor *self,
                                          QdKpis         *kpis);
/* For the 1:1 notes of the cycle's period, shown as evidence, and the
 * review's development plan; with either NULL both sections are hidden. */
void      qd_review_editor_set_services  (QdReviewEditor *self,
                                          QdGoals        *goals,
                                          QdNotes        *notes);
/* @today: YYYY-MM-DD for the overdue line, NULL for the real today. */
void      qd_review_editor_set_today     (QdReviewEditor *self,
                                          const char     *today);
/* Shows review @review_id (0 for none), saving what was being typed in
 * the one shown before. */
void      qd_review_editor_set_review    (QdReviewEditor *self,
                                          gint64          review_id);
gint64    qd_review_editor_get_review_id (QdReviewEditor *self);
/* Saves what is being typed now; FALSE when the model refused it. */
gboolean  qd_review_editor_flush         (QdReviewEditor *self);
/* Imports a survey tool's 360 CSV into the shown review's cycle, asking
 * before importing around bad rows and showing the summary. */
void      qd_review_editor_import_file   (QdReviewEditor *self,
                                          GFile          *file);

G_END_DECLS
