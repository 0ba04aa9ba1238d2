/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-kpis.h"

G_BEGIN_DECLS

/* Rating scales: 2 to 10 points, 1 the lowest, one label per point.
 *
 * Every rating falls in one of three bands, which are the performer
 * tiers of a review, the columns of the calibration distribution and the
 * performance axis of the 9-box grid. With P points, a rating r sits at
 * (r − 1) ÷ (P − 1) of the way up the scale:
 *
 *   top     above two thirds of the way up
 *   bottom  below one third of the way up
 *   middle  the rest, both limits included
 *
 * which gives, for whole points:
 *
 *   points  bottom  middle  top
 *     2       1       –      2
 *     3       1       2      3
 *     4       1      2–3     4
 *     5      1–2      3     4–5
 *     6      1–2     3–4    5–6
 *     7      1–2     3–5    6–7
 *     8      1–3     4–5    6–8
 *     9      1–3     4–6    7–9
 *    10      1–3     4–7    8–10
 *
 * A fractional rating (an overall 3.5) falls in a band the same way. */

#define QD_SCALE_MIN_POINTS 2
#define QD_SCALE_MAX_POINTS 10

/* Translated default labels for @points (2–10): written-out labels for
 * 2, 3, 4, 5 and 10 points, the numbers for the others. */
GStrv        qd_review_scale_default_labels   (guint     points);

/* The band of @rating on a scale of @points. */
QdTier       qd_review_scale_tier             (guint     points,
                                               double    rating);
/* The whole points in @tier; FALSE when it holds none (the middle of a
 * 2-point scale). */
gboolean     qd_review_scale_tier_range       (guint     points,
                                               QdTier    tier,
                                               guint    *lowest,
                                               guint    *highest);
/* A progress of 0–100 % mapped onto the scale: 0 % → 1, 100 % → @points. */
double       qd_review_scale_from_percent     (guint     points,
                                               double    percent);

/* "Top", "Middle", "Bottom" */
const char  *qd_review_tier_to_label          (QdTier    tier);
/* What a performer in @tier needs: "Recognise", "Coach",
 * "Personalised training and mentoring". */
const char  *qd_review_tier_to_action         (QdTier    tier);
/* The 9-box performance axis: "High", "Medium", "Low". */
const char  *qd_review_performance_to_label   (QdTier    tier);

/* A rating for display with one decimal ("3.8"), "–" when NAN. */
char        *qd_review_format_rating          (double    rating);

G_END_DECLS
