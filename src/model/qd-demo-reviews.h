/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qd-store.h"

G_BEGIN_DECLS

/* Demo performance reviews for the demo team (see qd-demo.c): the
 * default template and the two quarters before today's, the older one
 * closed and shared, the last one in calibration. The caller holds the
 * transaction, as for _qd_demo_fill_roster(), and calls this after the
 * roster is filled. A database that already has review cycles is left
 * alone. */
gboolean _qd_demo_fill_reviews         (QdStore     *store,
                                        GError     **error);
/* The same as of @today (YYYY-MM-DD), for tests. */
gboolean _qd_demo_fill_reviews_for_day (QdStore     *store,
                                        const char  *today,
                                        GError     **error);

G_END_DECLS
