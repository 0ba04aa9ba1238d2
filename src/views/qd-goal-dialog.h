/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-goals.h"
#include "qd-kpis.h"
#include "qd-member.h"

G_BEGIN_DECLS

#define QD_TYPE_GOAL_DIALOG (qd_goal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QdGoalDialog, qd_goal_dialog, QD, GOAL_DIALOG, AdwWindow)

/* Adds a SMART goal for @member (@goal_id 0) or edits goal @goal_id.
 * The goal is written when the user presses Add or Save, and the dialog
 * then closes; it stays open while the model refuses the goal, saying
 * why. */
QdGoalDialog *qd_goal_dialog_new        (GtkWindow    *parent,
                                         QdGoals      *goals,
                                         QdKpis       *kpis,
                                         QdMember     *member,
                                         gint64        goal_id);
/* The goal being edited, 0 while adding one. */
gint64        qd_goal_dialog_get_goal_id (QdGoalDialog *self);

/* How a goal or template is measured, in words: "CSAT ≥ 95.0 %",
 * "Median first reply time ≤ 1 h", or "Measured by hand" when @metric
 * is NULL. */
char         *qd_goal_dialog_format_measure (const QdMetricInfo *metric,
                                             double              target);
/* Sets @spin's range, steps and decimals and @unit_label's text for
 * values of @metric. */
void          qd_goal_dialog_configure_spin (GtkSpinButton      *spin,
                                             GtkLabel           *unit_label,
                                             const QdMetricInfo *metric);

G_END_DECLS
