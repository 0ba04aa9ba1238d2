/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-reviews.h"

G_BEGIN_DECLS

/* Calibration of a review cycle: how each manager's ratings spread over
 * the top, middle and bottom bands against the cycle's target
 * distribution, and the 9-box grid of performance against potential.
 *
 * A review counts with its result rating: the calibrated rating when
 * there is one, else the manager's overall rating; reviews without either
 * are counted as unrated and left out of the percentages. Bands are those
 * of qd-review-scale.h.
 *
 * A manager's distribution is "far" from the target when at least
 * QD_CALIBRATION_MIN_REVIEWS of their reviews are rated and any band's
 * share differs from the target by more than QD_CALIBRATION_FAR_POINTS
 * percentage points. With fewer reviews the shares say too little to
 * flag anyone.
 *
 * Moving someone in the grid is qd_reviews_move_in_nine_box(); locking
 * is qd_reviews_lock_ratings(). */

#define QD_CALIBRATION_FAR_POINTS  15.0
#define QD_CALIBRATION_MIN_REVIEWS 3

typedef struct
{
  gint64    reviewer_id;      /* 0: reviews without a reviewer, or the whole cycle */
  char     *reviewer_name;    /* "No reviewer" / "Whole cycle" when 0 */
  guint     n_reviews;
  guint     n_rated;          /* counted in the bands */
  guint     counts[3];        /* indexed by QdTier */
  double    percents[3];      /* of n_rated, indexed by QdTier; NAN when none rated */
  gboolean  far;              /* far from the target distribution */
  char     *note;             /* why it is far, e.g. "Top 60 % against a target of 20 %"; "" */
} QdCalibrationGroup;

typedef struct
{
  gint64       review_id;
  gint64       member_id;
  char        *member_name;
  char        *reviewer_name;
  double       rating;        /* the result rating, NAN when unrated */
  QdTier       performance;   /* the band of the rating */
  QdPotential  potential;
} QdNineBoxEntry;

typedef struct
{
  gint64               cycle_id;
  guint                scale_points;
  double               targets[3];      /* indexed by QdTier, in percent */
  gboolean             ratings_locked;
  QdCalibrationGroup  *whole_cycle;
  GPtrArray           *managers;        /* QdCalibrationGroup, by reviewer name; no reviewer last */
  GPtrArray           *boxes[3][3];     /* QdNineBoxEntry, [QdTier performance][potential − 1] */
  GPtrArray           *unplaced;        /* QdNineBoxEntry without a rating or a potential */
} QdCalibration;

/* For a cycle that has opened. */
QdCalibration      *qd_reviews_get_calibration    (QdReviews            *reviews,
                                                   gint64                cycle_id,
                                                   GError              **error);
/* (transfer none) (element-type QdNineBoxEntry), by name */
GPtrArray          *qd_calibration_get_box        (QdCalibration        *calibration,
                                                   QdTier                performance,
                                                   QdPotential           potential);
/* Sets percents, far and note of @group from its counts. */
void                qd_calibration_group_judge    (QdCalibrationGroup   *group,
                                                   const double          targets[3]);
void                qd_calibration_group_free     (QdCalibrationGroup   *group);
void                qd_calibration_free           (QdCalibration        *calibration);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdCalibration, qd_calibration_free)

G_END_DECLS
