/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qd-store.h"

G_BEGIN_DECLS

/* Gives the demo team performance reviews: the default "Support team"
 * template and the two quarters before today's as review cycles, the
 * older one closed (ratings locked, reviews shared) and the last one in
 * calibration (some reviews calibrated, one team lead's ratings well
 * above the target distribution). Every active member with a manager
 * takes part, with self and manager ratings, KPI and overall ratings,
 * potential, strengths and areas to improve, and for some people 360
 * feedback (three or more anonymous responses for some, fewer for
 * others, plus named ones). People come from the members table, so call
 * it after _qd_demo_fill_roster() (and after the goals demo, so the
 * closed cycle keeps their goal progress). A database that already has
 * review cycles is left alone. The same database and day always give the
 * same result. The caller holds the transaction. */
gboolean _qd_demo_fill_reviews    (QdStore     *store,
                                   GError     **error);

/* The same, as of @today (YYYY-MM-DD), for tests. */
gboolean _qd_demo_fill_reviews_at (QdStore     *store,
                                   const char  *today,
                                   GError     **error);

G_END_DECLS
