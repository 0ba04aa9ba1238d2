/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-review-scale"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "qd-review-scale.h"

#define EPSILON 1e-9

GStrv
qd_review_scale_default_labels (guint points)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (points >= QD_SCALE_MIN_POINTS && points <= QD_SCALE_MAX_POINTS, NULL);

  switch (points)
    {
    case 2:
      g_strv_builder_add (builder, C_("rating", "Below expectations"));
      g_strv_builder_add (builder, C_("rating", "Meets expectations"));
      break;

    case 3:
      g_strv_builder_add (builder, C_("rating", "Below expectations"));
      g_strv_builder_add (builder, C_("rating", "Meets expectations"));
      g_strv_builder_add (builder, C_("rating", "Exceeds expectations"));
      break;

    case 4:
      g_strv_builder_add (builder, C_("rating", "Needs improvement"));
      g_strv_builder_add (builder, C_("rating", "Partially meets expectations"));
      g_strv_builder_add (builder, C_("rating", "Meets expectations"));
      g_strv_builder_add (builder, C_("rating", "Exceeds expectations"));
      break;

    case 5:
      g_strv_builder_add (builder, C_("rating", "Needs improvement"));
      g_strv_builder_add (builder, C_("rating", "Developing"));
      g_strv_builder_add (builder, C_("rating", "Meets expectations"));
      g_strv_builder_add (builder, C_("rating", "Exceeds expectations"));
      g_strv_builder_add (builder, C_("rating", "Outstanding"));
      break;

    case 10:
      g_strv_builder_add (builder, C_("rating", "Unsatisfactory"));
      g_strv_builder_add (builder, C_("rating", "Poor"));
      g_strv_builder_add (builder, C_("rating", "Needs improvement"));
      g_strv_builder_add (builder, C_("rating", "Developing"));
      g_strv_builder_add (builder, C_("rating", "Approaching expectations"));
      g_strv_builder_add (builder, C_("rating", "Meets expectations"));
      g_strv_builder_add (builder, C_("rating", "Solid"));
      g_strv_builder_add (builder, C_("rating", "Exceeds expectations"));
      g_strv_builder_add (builder, C_("rating", "Excellent"));
      g_strv_builder_add (builder, C_("rating", "Exceptional"));
      break;

    default:
      for (guint i = 1; i <= points; i++)
        {
          g_autofree char *number = g_strdup_printf ("%u", i);
          g_strv_builder_add (builder, number);
        }
      break;
    }

  return g_strv_builder_end (builder);
}

QdTier
qd_review_scale_tier (guint  points,
                      double rating)
{
  double span;
  double up;

  g_return_val_if_fail (points >= QD_SCALE_MIN_POINTS, QD_TIER_MIDDLE);

  span = points - 1;
  up = rating - 1;
  /* Compared as 3 (r − 1) against (P − 1) and 2 (P − 1), so the limits
   * of the 4- and 7-point scales land exactly in the middle band. */
  if (3 * up > 2 * span + EPSILON)
    return QD_TIER_TOP;
  if (3 * up < span - EPSILON)
    return QD_TIER_BOTTOM;
  return QD_TIER_MIDDLE;
}

gboolean
qd_review_scale_tier_range (guint   points,
                            QdTier  tier,
                            guint  *lowest,
                            guint  *highest)
{
  guint lo = 0;
  guint hi = 0;

  g_return_val_if_fail (points >= QD_SCALE_MIN_POINTS && points <= QD_SCALE_MAX_POINTS, FALSE);

  for (guint p = 1; p <= points; p++)
    if (qd_review_scale_tier (points, p) == tier)
      {
        if (lo == 0)
          lo = p;
        hi = p;
      }

  if (lowest != NULL)
    *lowest = lo;
  if (highest != NULL)
    *highest = hi;
  return lo > 0;
}

double
qd_review_scale_from_percent (guint  points,
                              double percent)
{
  if (isnan (percent))
    return NAN;
  percent = CLAMP (percent, 0.0, 100.0);
  return 1.0 + percent / 100.0 * (points - 1);
}

const char *
qd_review_tier_to_label (QdTier tier)
{
  switch (tier)
    {
    case QD_TIER_TOP: return C_("performer tier", "Top");
    case QD_TIER_MIDDLE: return C_("performer tier", "Middle");
    case QD_TIER_BOTTOM: return C_("performer tier", "Bottom");
    default: return "";
    }
}

const char *
qd_review_tier_to_action (QdTier tier)
{
  switch (tier)
    {
    case QD_TIER_TOP: return _("Recognise");
    case QD_TIER_MIDDLE: return _("Coach");
    case QD_TIER_BOTTOM: return _("Personalised training and mentoring");
    default: return "";
    }
}

const char *
qd_review_performance_to_label (QdTier tier)
{
  switch (tier)
    {
    case QD_TIER_TOP: return C_("performance", "High");
    case QD_TIER_MIDDLE: return C_("performance", "Medium");
    case QD_TIER_BOTTOM: return C_("performance", "Low");
    default: return "";
    }
}

char *
qd_review_format_rating (double rating)
{
  if (isnan (rating))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f", rating);
}
