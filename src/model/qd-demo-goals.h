/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qd-store.h"

G_BEGIN_DECLS

/* Gives the demo team goal templates, SMART goals (some measured by
 * CSAT, first reply time or QA score, some by hand), development actions
 * and a few months of 1:1 notes, praise and concerns, dated around
 * today. People are looked up by name in the members table, so call it
 * after _qd_demo_fill_roster(); people not found are left out. Metric
 * goals start from the member's own roll-ups when there are any (fill
 * the KPI demo data first for that), else from a fixed value. The same
 * database and day always give the same result. The caller holds the
 * transaction. */
gboolean _qd_demo_fill_goals    (QdStore     *store,
                                 GError     **error);

/* The same, as of @today (YYYY-MM-DD), for tests. */
gboolean _qd_demo_fill_goals_at (QdStore     *store,
                                 const char  *today,
                                 GError     **error);

G_END_DECLS
