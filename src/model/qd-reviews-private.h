/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qd-store.h"

G_BEGIN_DECLS

/* The default "Support team" template's id, creating it when there is no
 * template yet. The caller holds the transaction. */
gint64 _qd_reviews_ensure_default_template (QdStore  *store,
                                            GError  **error);

G_END_DECLS
