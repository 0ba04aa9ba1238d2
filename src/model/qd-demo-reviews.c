/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-demo"

#include "config.h"

#include "qd-demo-reviews.h"

gboolean
_qd_demo_fill_reviews_for_day (QdStore     *store,
                               const char  *today,
                               GError     **error)
{
  return TRUE;
}

gboolean
_qd_demo_fill_reviews (QdStore  *store,
                       GError  **error)
{
  return TRUE;
}
