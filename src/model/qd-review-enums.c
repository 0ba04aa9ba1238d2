/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-review-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "qd-enums.h"
#include "qd-review-enums.h"

/* The nicks are the values stored in the database. */
G_DEFINE_ENUM_TYPE (QdCycleStatus, qd_cycle_status,
  G_DEFINE_ENUM_VALUE (QD_CYCLE_STATUS_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (QD_CYCLE_STATUS_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (QD_CYCLE_STATUS_CALIBRATING, "calibrating"),
  G_DEFINE_ENUM_VALUE (QD_CYCLE_STATUS_CLOSED, "closed"))

G_DEFINE_ENUM_TYPE (QdReviewStatus, qd_review_status,
  G_DEFINE_ENUM_VALUE (QD_REVIEW_STATUS_NOT_STARTED, "not-started"),
  G_DEFINE_ENUM_VALUE (QD_REVIEW_STATUS_SELF_REVIEW, "self-review"),
  G_DEFINE_ENUM_VALUE (QD_REVIEW_STATUS_MANAGER_REVIEW, "manager-review"),
  G_DEFINE_ENUM_VALUE (QD_REVIEW_STATUS_CALIBRATED, "calibrated"),
  G_DEFINE_ENUM_VALUE (QD_REVIEW_STATUS_SHARED, "shared"))

G_DEFINE_ENUM_TYPE (QdPotential, qd_potential,
  G_DEFINE_ENUM_VALUE (QD_POTENTIAL_UNSET, "unset"),
  G_DEFINE_ENUM_VALUE (QD_POTENTIAL_LOW, "low"),
  G_DEFINE_ENUM_VALUE (QD_POTENTIAL_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (QD_POTENTIAL_HIGH, "high"))

G_DEFINE_ENUM_TYPE (QdRelationship, qd_relationship,
  G_DEFINE_ENUM_VALUE (QD_RELATIONSHIP_PEER, "peer"),
  G_DEFINE_ENUM_VALUE (QD_RELATIONSHIP_REPORT, "report"),
  G_DEFINE_ENUM_VALUE (QD_RELATIONSHIP_MANAGER, "manager"),
  G_DEFINE_ENUM_VALUE (QD_RELATIONSHIP_OTHER, "other"))

G_DEFINE_ENUM_TYPE (QdRatingSource, qd_rating_source,
  G_DEFINE_ENUM_VALUE (QD_RATING_SOURCE_SELF, "self"),
  G_DEFINE_ENUM_VALUE (QD_RATING_SOURCE_MANAGER, "manager"))

G_DEFINE_ENUM_TYPE (QdParticipantsRule, qd_participants_rule,
  G_DEFINE_ENUM_VALUE (QD_PARTICIPANTS_ALL_ACTIVE, "all-active"),
  G_DEFINE_ENUM_VALUE (QD_PARTICIPANTS_CHOSEN, "chosen"))

G_DEFINE_ENUM_TYPE (QdReviewSection, qd_review_section,
  G_DEFINE_ENUM_VALUE (QD_REVIEW_SECTION_COMPETENCIES, "competencies"),
  G_DEFINE_ENUM_VALUE (QD_REVIEW_SECTION_KPIS, "kpis"),
  G_DEFINE_ENUM_VALUE (QD_REVIEW_SECTION_GOALS, "goals"))

G_DEFINE_FLAGS_TYPE (QdReviewOverdue, qd_review_overdue,
  G_DEFINE_ENUM_VALUE (QD_REVIEW_OVERDUE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (QD_REVIEW_OVERDUE_SELF, "self"),
  G_DEFINE_ENUM_VALUE (QD_REVIEW_OVERDUE_MANAGER, "manager"),
  G_DEFINE_ENUM_VALUE (QD_REVIEW_OVERDUE_CALIBRATION, "calibration"))


const char *
qd_cycle_status_to_nick (QdCycleStatus status)
{
  return qd_enum_to_nick (QD_TYPE_CYCLE_STATUS, status);
}

gboolean
qd_cycle_status_from_nick (const char    *nick,
                           QdCycleStatus *status)
{
  int value;

  if (!qd_enum_from_nick (QD_TYPE_CYCLE_STATUS, nick, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

const char *
qd_cycle_status_to_label (QdCycleStatus status)
{
  switch (status)
    {
    case QD_CYCLE_STATUS_PLANNED: return C_("review cycle", "Planned");
    case QD_CYCLE_STATUS_OPEN: return C_("review cycle", "Open");
    case QD_CYCLE_STATUS_CALIBRATING: return C_("review cycle", "Calibrating");
    case QD_CYCLE_STATUS_CLOSED: return C_("review cycle", "Closed");
    default: return "";
    }
}

const char *
qd_review_status_to_nick (QdReviewStatus status)
{
  return qd_enum_to_nick (QD_TYPE_REVIEW_STATUS, status);
}

gboolean
qd_review_status_from_nick (const char     *nick,
                            QdReviewStatus *status)
{
  int value;

  if (!qd_enum_from_nick (QD_TYPE_REVIEW_STATUS, nick, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

const char *
qd_review_status_to_label (QdReviewStatus status)
{
  switch (status)
    {
    case QD_REVIEW_STATUS_NOT_STARTED: return C_("review", "Not started");
    case QD_REVIEW_STATUS_SELF_REVIEW: return C_("review", "Self review");
    case QD_REVIEW_STATUS_MANAGER_REVIEW: return C_("review", "Manager review");
    case QD_REVIEW_STATUS_CALIBRATED: return C_("review", "Calibrated");
    case QD_REVIEW_STATUS_SHARED: return C_("review", "Shared");
    default: return "";
    }
}

const char *
qd_potential_to_nick (QdPotential potential)
{
  if (potential == QD_POTENTIAL_UNSET)
    return NULL;
  return qd_enum_to_nick (QD_TYPE_POTENTIAL, potential);
}

gboolean
qd_potential_from_nick (const char  *nick,
                        QdPotential *potential)
{
  int value;

  if (nick == NULL || *nick == '\0')
    {
      *potential = QD_POTENTIAL_UNSET;
      return TRUE;
    }
  if (!qd_enum_from_nick (QD_TYPE_POTENTIAL, nick, &value) || value == QD_POTENTIAL_UNSET)
    return FALSE;
  *potential = value;
  return TRUE;
}

const char *
qd_potential_to_label (QdPotential potential)
{
  switch (potential)
    {
    case QD_POTENTIAL_UNSET: return C_("potential", "Not set");
    case QD_POTENTIAL_LOW: return C_("potential", "Low");
    case QD_POTENTIAL_MEDIUM: return C_("potential", "Medium");
    case QD_POTENTIAL_HIGH: return C_("potential", "High");
    default: return "";
    }
}

const char *
qd_relationship_to_nick (QdRelationship relationship)
{
  return qd_enum_to_nick (QD_TYPE_RELATIONSHIP, relationship);
}

gboolean
qd_relationship_from_nick (const char     *nick,
                           QdRelationship *relationship)
{
  int value;

  if (!qd_enum_from_nick (QD_TYPE_RELATIONSHIP, nick, &value))
    return FALSE;
  *relationship = value;
  return TRUE;
}

const char *
qd_relationship_to_label (QdRelationship relationship)
{
  switch (relationship)
    {
    case QD_RELATIONSHIP_PEER: return C_("360 relationship", "Peer");
    case QD_RELATIONSHIP_REPORT: return C_("360 relationship", "Direct report");
    case QD_RELATIONSHIP_MANAGER: return C_("360 relationship", "Manager");
    case QD_RELATIONSHIP_OTHER: return C_("360 relationship", "Other");
    default: return "";
    }
}

const char *
qd_rating_source_to_nick (QdRatingSource source)
{
  return qd_enum_to_nick (QD_TYPE_RATING_SOURCE, source);
}

const char *
qd_participants_rule_to_nick (QdParticipantsRule rule)
{
  return qd_enum_to_nick (QD_TYPE_PARTICIPANTS_RULE, rule);
}

gboolean
qd_participants_rule_from_nick (const char         *nick,
                                QdParticipantsRule *rule)
{
  int value;

  if (!qd_enum_from_nick (QD_TYPE_PARTICIPANTS_RULE, nick, &value))
    return FALSE;
  *rule = value;
  return TRUE;
}

const char *
qd_participants_rule_to_label (QdParticipantsRule rule)
{
  switch (rule)
    {
    case QD_PARTICIPANTS_ALL_ACTIVE: return _("Everyone active");
    case QD_PARTICIPANTS_CHOSEN: return _("Chosen people");
    default: return "";
    }
}

const char *
qd_review_section_to_label (QdReviewSection section)
{
  switch (section)
    {
    case QD_REVIEW_SECTION_COMPETENCIES: return C_("review section", "Competencies");
    case QD_REVIEW_SECTION_KPIS: return C_("review section", "KPIs");
    case QD_REVIEW_SECTION_GOALS: return C_("review section", "Goals");
    default: return "";
    }
}
