/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The states and kinds of performance reviews. The nicks are the values
 * stored in the database; the labels are what a head of support reads. */

/* A review cycle moves forward only: planned → open → calibrating →
 * closed. The one step back is calibrating → open, allowed while the
 * ratings are not locked. */
typedef enum
{
  QD_CYCLE_STATUS_PLANNED,
  QD_CYCLE_STATUS_OPEN,
  QD_CYCLE_STATUS_CALIBRATING,
  QD_CYCLE_STATUS_CLOSED,
} QdCycleStatus;

/* Where one review stands; see qd_reviews_set_review_status(). */
typedef enum
{
  QD_REVIEW_STATUS_NOT_STARTED,
  QD_REVIEW_STATUS_SELF_REVIEW,
  QD_REVIEW_STATUS_MANAGER_REVIEW,
  QD_REVIEW_STATUS_CALIBRATED,
  QD_REVIEW_STATUS_SHARED,
} QdReviewStatus;

/* Potential, the second axis of the 9-box grid. UNSET is stored as NULL. */
typedef enum
{
  QD_POTENTIAL_UNSET,
  QD_POTENTIAL_LOW,
  QD_POTENTIAL_MEDIUM,
  QD_POTENTIAL_HIGH,
} QdPotential;

/* How a 360 respondent works with the person reviewed. */
typedef enum
{
  QD_RELATIONSHIP_PEER,
  QD_RELATIONSHIP_REPORT,
  QD_RELATIONSHIP_MANAGER,
  QD_RELATIONSHIP_OTHER,
} QdRelationship;

/* Who gave a competency rating. */
typedef enum
{
  QD_RATING_SOURCE_SELF,
  QD_RATING_SOURCE_MANAGER,
} QdRatingSource;

/* Who takes part in a new cycle: everyone active at the time, or the
 * people chosen by hand (a cycle made from a "chosen" one takes over its
 * participants who have not left). */
typedef enum
{
  QD_PARTICIPANTS_ALL_ACTIVE,
  QD_PARTICIPANTS_CHOSEN,
} QdParticipantsRule;

/* The parts of a review that make up the final score. */
typedef enum
{
  QD_REVIEW_SECTION_COMPETENCIES,
  QD_REVIEW_SECTION_KPIS,
  QD_REVIEW_SECTION_GOALS,
} QdReviewSection;

#define QD_REVIEW_N_SECTIONS 3

/* Which deadlines a review has missed as of a given day. */
typedef enum /*< flags >*/
{
  QD_REVIEW_OVERDUE_NONE        = 0,
  QD_REVIEW_OVERDUE_SELF        = 1 << 0,
  QD_REVIEW_OVERDUE_MANAGER     = 1 << 1,
  QD_REVIEW_OVERDUE_CALIBRATION = 1 << 2,
} QdReviewOverdue;

#define QD_TYPE_CYCLE_STATUS (qd_cycle_status_get_type ())
#define QD_TYPE_REVIEW_STATUS (qd_review_status_get_type ())
#define QD_TYPE_POTENTIAL (qd_potential_get_type ())
#define QD_TYPE_RELATIONSHIP (qd_relationship_get_type ())
#define QD_TYPE_RATING_SOURCE (qd_rating_source_get_type ())
#define QD_TYPE_PARTICIPANTS_RULE (qd_participants_rule_get_type ())
#define QD_TYPE_REVIEW_SECTION (qd_review_section_get_type ())
#define QD_TYPE_REVIEW_OVERDUE (qd_review_overdue_get_type ())

GType        qd_cycle_status_get_type          (void) G_GNUC_CONST;
GType        qd_review_status_get_type         (void) G_GNUC_CONST;
GType        qd_potential_get_type             (void) G_GNUC_CONST;
GType        qd_relationship_get_type          (void) G_GNUC_CONST;
GType        qd_rating_source_get_type         (void) G_GNUC_CONST;
GType        qd_participants_rule_get_type     (void) G_GNUC_CONST;
GType        qd_review_section_get_type        (void) G_GNUC_CONST;
GType        qd_review_overdue_get_type        (void) G_GNUC_CONST;

const char  *qd_cycle_status_to_nick           (QdCycleStatus        status);
const char  *qd_cycle_status_to_label          (QdCycleStatus        status);
gboolean     qd_cycle_status_from_nick         (const char          *nick,
                                                QdCycleStatus       *status);

const char  *qd_review_status_to_nick          (QdReviewStatus       status);
const char  *qd_review_status_to_label         (QdReviewStatus       status);
gboolean     qd_review_status_from_nick        (const char          *nick,
                                                QdReviewStatus      *status);

/* UNSET has no nick (NULL); from_nick takes NULL or "" as UNSET. */
const char  *qd_potential_to_nick              (QdPotential          potential);
const char  *qd_potential_to_label             (QdPotential          potential);
gboolean     qd_potential_from_nick            (const char          *nick,
                                                QdPotential         *potential);

const char  *qd_relationship_to_nick           (QdRelationship       relationship);
const char  *qd_relationship_to_label          (QdRelationship       relationship);
gboolean     qd_relationship_from_nick         (const char          *nick,
                                                QdRelationship      *relationship);

const char  *qd_rating_source_to_nick          (QdRatingSource       source);

const char  *qd_participants_rule_to_nick      (QdParticipantsRule   rule);
const char  *qd_participants_rule_to_label     (QdParticipantsRule   rule);
gboolean     qd_participants_rule_from_nick    (const char          *nick,
                                                QdParticipantsRule  *rule);

/* "Competencies", "KPIs", "Goals" */
const char  *qd_review_section_to_label        (QdReviewSection      section);

G_END_DECLS
