/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qd-store.h"

G_BEGIN_DECLS

gboolean _qd_demo_fill_roster (QdStore  *store,
                               GError  **error);

G_END_DECLS
