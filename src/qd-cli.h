/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean qd_cli_is_command (const char          *name);
int      qd_cli_run        (const char          *database,
                            const char * const  *args);

G_END_DECLS
