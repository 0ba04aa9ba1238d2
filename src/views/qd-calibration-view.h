/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-reviews.h"

G_BEGIN_DECLS

#define QD_TYPE_CALIBRATION_VIEW (qd_calibration_view_get_type ())

G_DECLARE_FINAL_TYPE (QdCalibrationView, qd_calibration_view, QD, CALIBRATION_VIEW, GtkWidget)

GtkWidget         *qd_calibration_view_new         (void);
void               qd_calibration_view_set_reviews (QdCalibrationView *self,
                                                    QdReviews         *reviews);
QdReviews         *qd_calibration_view_get_reviews (QdCalibrationView *self);
void               qd_calibration_view_set_cycle   (QdCalibrationView *self,
                                                    gint64             cycle_id);
gint64             qd_calibration_view_get_cycle   (QdCalibrationView *self);

void               qd_calibration_view_set_lock_visible (QdCalibrationView *self,
                                                         gboolean           visible);

G_END_DECLS
