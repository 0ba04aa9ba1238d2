/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-goals.h"
#include "qd-kpis.h"
#include "qd-roster.h"

G_BEGIN_DECLS

#define QD_TYPE_ASSIGN_GOAL_DIALOG (qd_assign_goal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QdAssignGoalDialog, qd_assign_goal_dialog, QD, ASSIGN_GOAL_DIALOG, AdwWindow)

/* Gives a goal from a template (picked, or made here) to a whole team or
 * to chosen people, then shows how many goals were created and who was
 * skipped and why. @member_id (0: nobody) is the person the dialog was
 * opened for: their team is offered first and they are chosen already. */
QdAssignGoalDialog *qd_assign_goal_dialog_new (GtkWindow *parent,
                                               QdGoals   *goals,
                                               QdKpis    *kpis,
                                               QdRoster  *roster,
                                               gint64     member_id);

G_END_DECLS
