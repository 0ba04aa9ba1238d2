/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-store-goals.h"

G_BEGIN_DECLS

/* One step of a member's development plan ("Shadow Tier 2 on API
 * escalations"): a plain value object. Changes reach the database
 * through QdGoals.
 *
 * Editable: member-id, review-id (0: not tied to a review), title,
 * owner-id (the member who sees it through; 0: nobody), due-date
 * (YYYY-MM-DD or "" for none), done.
 * Read-only, filled in on loading: member-name, owner-name ("" for
 * nobody), due-date-label, created-at, overdue (not done and due before
 * today). */

#define QD_TYPE_DEVELOPMENT_ACTION (qd_development_action_get_type ())

G_DECLARE_FINAL_TYPE (QdDevelopmentAction, qd_development_action, QD, DEVELOPMENT_ACTION, GObject)

QdDevelopmentAction *qd_development_action_new                 (void);
QdDevelopmentAction *qd_development_action_new_from_record     (const QdDevelopmentActionRecord *record);
void                 qd_development_action_update_from_record  (QdDevelopmentAction             *self,
                                                                const QdDevelopmentActionRecord *record);
void                 qd_development_action_to_record           (QdDevelopmentAction             *self,
                                                                QdDevelopmentActionRecord       *record);

gint64               qd_development_action_get_id              (QdDevelopmentAction             *self);
gint64               qd_development_action_get_member_id       (QdDevelopmentAction             *self);
void                 qd_development_action_set_member_id       (QdDevelopmentAction             *self,
                                                                gint64                           member_id);
const char          *qd_development_action_get_member_name     (QdDevelopmentAction             *self);
gint64               qd_development_action_get_review_id       (QdDevelopmentAction             *self);
void                 qd_development_action_set_review_id       (QdDevelopmentAction             *self,
                                                                gint64                           review_id);
const char          *qd_development_action_get_title           (QdDevelopmentAction             *self);
void                 qd_development_action_set_title           (QdDevelopmentAction             *self,
                                                                const char                      *title);
gint64               qd_development_action_get_owner_id        (QdDevelopmentAction             *self);
void                 qd_development_action_set_owner_id        (QdDevelopmentAction             *self,
                                                                gint64                           owner_id);
const char          *qd_development_action_get_owner_name      (QdDevelopmentAction             *self);
const char          *qd_development_action_get_due_date        (QdDevelopmentAction             *self);
void                 qd_development_action_set_due_date        (QdDevelopmentAction             *self,
                                                                const char                      *due_date);
gboolean             qd_development_action_get_done            (QdDevelopmentAction             *self);
void                 qd_development_action_set_done            (QdDevelopmentAction             *self,
                                                                gboolean                         done);
const char          *qd_development_action_get_created_at      (QdDevelopmentAction             *self);
gboolean             qd_development_action_get_overdue         (QdDevelopmentAction             *self);

/* For QdGoals. */
void                 _qd_development_action_set_overdue        (QdDevelopmentAction             *self,
                                                                gboolean                         overdue);

G_END_DECLS
