/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-calibration.h"

G_BEGIN_DECLS

/* The interactive 9-box grid of a calibration: performance (the band of
 * the rating) across, low to high, and potential up, low to high. Each
 * box lists its people as buttons; people without a rating or a
 * potential are listed under the grid. A person is moved by dragging
 * them to another box, with Alt+arrow keys while their button has the
 * focus, or from the menu their button opens ("Move to …").
 *
 * The grid changes nothing itself: every move becomes ::move-requested
 * (review id, QdTier performance, QdPotential potential), which the
 * owner passes to qd_reviews_move_in_nine_box(). When it is read-only
 * (ratings locked, cycle not in calibration) nothing can be dragged,
 * dropped or moved, and the reason is shown above the grid. */

#define QD_TYPE_NINE_BOX (qd_nine_box_get_type ())

G_DECLARE_FINAL_TYPE (QdNineBox, qd_nine_box, QD, NINE_BOX, GtkWidget)

GtkWidget   *qd_nine_box_new              (void);
/* Shows the boxes and the unplaced people of @calibration (copied; may
 * be NULL). @unconfirmed (nullable): review ids (gint64 *) whose rating
 * is not calibrated yet; they are marked. */
void         qd_nine_box_set_calibration  (QdNineBox            *self,
                                           const QdCalibration  *calibration,
                                           GHashTable           *unconfirmed);
/* @reason (nullable): why, shown above the grid when read-only. */
void         qd_nine_box_set_read_only    (QdNineBox            *self,
                                           gboolean              read_only,
                                           const char           *reason);
gboolean     qd_nine_box_get_read_only    (QdNineBox            *self);
/* What a drop or a keyboard move does: emits ::move-requested and
 * returns TRUE, or returns FALSE when the grid is read-only, the
 * person is not in the grid, or already in that box. */
gboolean     qd_nine_box_move             (QdNineBox            *self,
                                           gint64                review_id,
                                           QdTier                performance,
                                           QdPotential           potential);
/* Gives the keyboard focus to the button of @review_id, if shown. */
gboolean     qd_nine_box_focus_member     (QdNineBox            *self,
                                           gint64                review_id);

/* The conventional name of a box, e.g. "Future leaders". */
const char  *qd_nine_box_get_box_name     (QdTier                performance,
                                           QdPotential           potential);
/* "High performance · High potential" */
const char  *qd_nine_box_get_box_axes     (QdTier                performance,
                                           QdPotential           potential);
/* "High performance · High potential — Future leaders" (newly allocated) */
char        *qd_nine_box_describe_box     (QdTier                performance,
                                           QdPotential           potential);

G_END_DECLS
