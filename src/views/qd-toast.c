/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-toast"

#include "config.h"

#include "qd-toast.h"

/**
 * qd_toast_new_text:
 * @text: plain text, such as an error message naming a member
 *
 * A toast title is Pango markup in libadwaita 1.2, so a name like
 * "Smith & Co" would break it; this escapes the text first.
 *
 * Returns: (transfer floating): a new toast
 */
AdwToast *
qd_toast_new_text (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  return adw_toast_new (escaped);
}
