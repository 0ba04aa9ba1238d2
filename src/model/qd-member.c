/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-member"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "qd-member.h"

/* A team member: a plain value object. Changes reach the database
 * through QdRoster, which checks the rules of the team. */

struct _QdMember
{
  GObject         parent_instance;

  gint64          id;
  char           *name;
  char           *email;
  char           *job_title;
  QdMemberLevel   level;
  char           *team;
  gint64          reports_to;
  char           *reports_to_name;
  char           *hire_date;
  QdMemberStatus  status;
  char           *skills;
  char           *notes;
  QdReadiness     readiness;
  guint           n_reports;
};

G_DEFINE_FINAL_TYPE (QdMember, qd_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_JOB_TITLE,
  PROP_LEVEL,
  PROP_LEVEL_LABEL,
  PROP_TEAM,
  PROP_REPORTS_TO,
  PROP_REPORTS_TO_NAME,
  PROP_HIRE_DATE,
  PROP_HIRE_DATE_LABEL,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_SKILLS,
  PROP_NOTES,
  PROP_READINESS,
  PROP_READINESS_LABEL,
  PROP_N_REPORTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (QdMember *self,
              guint     prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_EMAIL: return &self->email;
    case PROP_JOB_TITLE: return &self->job_title;
    case PROP_TEAM: return &self->team;
    case PROP_REPORTS_TO_NAME: return &self->reports_to_name;
    case PROP_HIRE_DATE: return &self->hire_date;
    case PROP_SKILLS: return &self->skills;
    case PROP_NOTES: return &self->notes;
    default: return NULL;
    }
}

static void
set_string (QdMember   *self,
            guint       prop_id,
            const char *value)
{
  char **field = string_field (self, prop_id);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (prop_id == PROP_HIRE_DATE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIRE_DATE_LABEL]);
}

static char *
format_day (const char *iso_day)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (iso_day == NULL || sscanf (iso_day, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return g_strdup ("");
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (dt == NULL)
    return g_strdup ("");
  /* Translators: a day as shown in the team list, see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

static void
qd_member_finalize (GObject *object)
{
  QdMember *self = (QdMember *) object;

  g_free (self->name);
  g_free (self->email);
  g_free (self->job_title);
  g_free (self->team);
  g_free (self->reports_to_name);
  g_free (self->hire_date);
  g_free (self->skills);
  g_free (self->notes);

  G_OBJECT_CLASS (qd_member_parent_class)->finalize (object);
}

static void
qd_member_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  QdMember *self = QD_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
    case PROP_EMAIL:
    case PROP_JOB_TITLE:
    case PROP_TEAM:
    case PROP_REPORTS_TO_NAME:
    case PROP_HIRE_DATE:
    case PROP_SKILLS:
    case PROP_NOTES:
      g_value_set_string (value, *string_field (self, prop_id));
      break;
    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;
    case PROP_LEVEL_LABEL:
      g_value_set_string (value, qd_member_level_to_label (self->level));
      break;
    case PROP_REPORTS_TO:
      g_value_set_int64 (value, self->reports_to);
      break;
    case PROP_HIRE_DATE_LABEL:
      g_value_take_string (value, format_day (self->hire_date));
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, qd_member_status_to_label (self->status));
      break;
    case PROP_READINESS:
      g_value_set_enum (value, self->readiness);
      break;
    case PROP_READINESS_LABEL:
      g_value_set_string (value, qd_readiness_to_label (self->readiness));
      break;
    case PROP_N_REPORTS:
      g_value_set_uint (value, self->n_reports);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_member_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  QdMember *self = QD_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
    case PROP_EMAIL:
    case PROP_JOB_TITLE:
    case PROP_TEAM:
    case PROP_HIRE_DATE:
    case PROP_SKILLS:
    case PROP_NOTES:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_LEVEL:
      qd_member_set_level (self, g_value_get_enum (value));
      break;
    case PROP_REPORTS_TO:
      qd_member_set_reports_to (self, g_value_get_int64 (value));
      break;
    case PROP_STATUS:
      qd_member_set_status (self, g_value_get_enum (value));
      break;
    case PROP_READINESS:
      qd_member_set_readiness (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_member_class_init (QdMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qd_member_finalize;
  object_class->get_property = qd_member_get_property;
  object_class->set_property = qd_member_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, "", rw);
  properties[PROP_JOB_TITLE] = g_param_spec_string ("job-title", NULL, NULL, "", rw);
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL, QD_TYPE_MEMBER_LEVEL, QD_MEMBER_LEVEL_AGENT, rw);
  properties[PROP_LEVEL_LABEL] = g_param_spec_string ("level-label", NULL, NULL, "", ro);
  properties[PROP_TEAM] = g_param_spec_string ("team", NULL, NULL, "", rw);
  properties[PROP_REPORTS_TO] = g_param_spec_int64 ("reports-to", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_REPORTS_TO_NAME] = g_param_spec_string ("reports-to-name", NULL, NULL, "", ro);
  properties[PROP_HIRE_DATE] = g_param_spec_string ("hire-date", NULL, NULL, "", rw);
  properties[PROP_HIRE_DATE_LABEL] = g_param_spec_string ("hire-date-label", NULL, NULL, "", ro);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, QD_TYPE_MEMBER_STATUS, QD_MEMBER_STATUS_ACTIVE, rw);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, "", ro);
  properties[PROP_SKILLS] = g_param_spec_string ("skills", NULL, NULL, "", rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_READINESS] =
    g_param_spec_enum ("readiness", NULL, NULL, QD_TYPE_READINESS, QD_READINESS_NOT_YET, rw);
  properties[PROP_READINESS_LABEL] = g_param_spec_string ("readiness-label", NULL, NULL, "", ro);
  properties[PROP_N_REPORTS] = g_param_spec_uint ("n-reports", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qd_member_init (QdMember *self)
{
  self->name = g_strdup ("");
  self->email = g_strdup ("");
  self->job_title = g_strdup ("");
  self->team = g_strdup ("");
  self->reports_to_name = g_strdup ("");
  self->hire_date = g_strdup ("");
  self->skills = g_strdup ("");
  self->notes = g_strdup ("");
}

QdMember *
qd_member_new (void)
{
  return g_object_new (QD_TYPE_MEMBER, NULL);
}

QdMember *
qd_member_new_from_record (const QdMemberRecord *record)
{
  QdMember *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (QD_TYPE_MEMBER, "id", record->id, NULL);
  qd_member_update_from_record (self, record);
  return self;
}

QdMember *
qd_member_copy (QdMember *self)
{
  QdMemberRecord record = { 0 };
  QdMember *copy;

  g_return_val_if_fail (QD_IS_MEMBER (self), NULL);

  qd_member_to_record (self, &record);
  copy = qd_member_new_from_record (&record);
  qd_member_record_clear (&record);
  return copy;
}

/**
 * qd_member_update_from_record:
 *
 * Brings the member up to date with what the database holds, notifying
 * only the properties that changed, so bound widgets refresh in place.
 */
void
qd_member_update_from_record (QdMember             *self,
                              const QdMemberRecord *record)
{
  QdMemberLevel level = QD_MEMBER_LEVEL_AGENT;
  QdMemberStatus status = QD_MEMBER_STATUS_ACTIVE;
  QdReadiness readiness = QD_READINESS_NOT_YET;

  g_return_if_fail (QD_IS_MEMBER (self));
  g_return_if_fail (record != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  self->id = record->id;
  set_string (self, PROP_NAME, record->name);
  set_string (self, PROP_EMAIL, record->email);
  set_string (self, PROP_JOB_TITLE, record->job_title);
  set_string (self, PROP_TEAM, record->team);
  set_string (self, PROP_REPORTS_TO_NAME, record->reports_to_name);
  set_string (self, PROP_HIRE_DATE, record->hire_date);
  set_string (self, PROP_SKILLS, record->skills);
  set_string (self, PROP_NOTES, record->notes);
  qd_member_level_from_nick (record->level, &level);
  qd_member_status_from_nick (record->status, &status);
  qd_readiness_from_nick (record->readiness, &readiness);
  qd_member_set_level (self, level);
  qd_member_set_status (self, status);
  qd_member_set_readiness (self, readiness);
  qd_member_set_reports_to (self, record->reports_to);
  if (self->n_reports != record->n_reports)
    {
      self->n_reports = record->n_reports;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REPORTS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
qd_member_to_record (QdMember       *self,
                     QdMemberRecord *record)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  g_return_if_fail (record != NULL);

  qd_member_record_clear (record);
  record->id = self->id;
  record->name = g_strdup (self->name);
  record->email = g_strdup (self->email);
  record->job_title = g_strdup (self->job_title);
  record->level = g_strdup (qd_member_level_to_nick (self->level));
  record->team = g_strdup (self->team);
  record->reports_to = self->reports_to;
  record->reports_to_name = g_strdup (self->reports_to_name);
  record->hire_date = g_strdup (self->hire_date);
  record->status = g_strdup (qd_member_status_to_nick (self->status));
  record->skills = g_strdup (self->skills);
  record->notes = g_strdup (self->notes);
  record->readiness = g_strdup (qd_readiness_to_nick (self->readiness));
  record->n_reports = self->n_reports;
}

gint64
qd_member_get_id (QdMember *self)
{
  g_return_val_if_fail (QD_IS_MEMBER (self), 0);
  return self->id;
}

#define STRING_ACCESSORS(field) \
  const char * \
  qd_member_get_##field (QdMember *self) \
  { \
    g_return_val_if_fail (QD_IS_MEMBER (self), NULL); \
    return self->field; \
  }

STRING_ACCESSORS (name)
STRING_ACCESSORS (email)
STRING_ACCESSORS (job_title)
STRING_ACCESSORS (team)
STRING_ACCESSORS (reports_to_name)
STRING_ACCESSORS (hire_date)
STRING_ACCESSORS (skills)
STRING_ACCESSORS (notes)

void
qd_member_set_name (QdMember   *self,
                    const char *name)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  set_string (self, PROP_NAME, name);
}

void
qd_member_set_email (QdMember   *self,
                     const char *email)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  set_string (self, PROP_EMAIL, email);
}

void
qd_member_set_job_title (QdMember   *self,
                         const char *job_title)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  set_string (self, PROP_JOB_TITLE, job_title);
}

void
qd_member_set_team (QdMember   *self,
                    const char *team)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  set_string (self, PROP_TEAM, team);
}

void
qd_member_set_hire_date (QdMember   *self,
                         const char *hire_date)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  set_string (self, PROP_HIRE_DATE, hire_date);
}

void
qd_member_set_skills (QdMember   *self,
                      const char *skills)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  set_string (self, PROP_SKILLS, skills);
}

void
qd_member_set_notes (QdMember   *self,
                     const char *notes)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  set_string (self, PROP_NOTES, notes);
}

QdMemberLevel
qd_member_get_level (QdMember *self)
{
  g_return_val_if_fail (QD_IS_MEMBER (self), 0);
  return self->level;
}

void
qd_member_set_level (QdMember      *self,
                     QdMemberLevel  level)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  if (self->level == level)
    return;
  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL_LABEL]);
}

gint64
qd_member_get_reports_to (QdMember *self)
{
  g_return_val_if_fail (QD_IS_MEMBER (self), 0);
  return self->reports_to;
}

void
qd_member_set_reports_to (QdMember *self,
                          gint64    manager)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  if (self->reports_to == manager)
    return;
  self->reports_to = manager;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORTS_TO]);
}

QdMemberStatus
qd_member_get_status (QdMember *self)
{
  g_return_val_if_fail (QD_IS_MEMBER (self), 0);
  return self->status;
}

void
qd_member_set_status (QdMember       *self,
                      QdMemberStatus  status)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}

QdReadiness
qd_member_get_readiness (QdMember *self)
{
  g_return_val_if_fail (QD_IS_MEMBER (self), 0);
  return self->readiness;
}

void
qd_member_set_readiness (QdMember    *self,
                         QdReadiness  readiness)
{
  g_return_if_fail (QD_IS_MEMBER (self));
  if (self->readiness == readiness)
    return;
  self->readiness = readiness;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READINESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READINESS_LABEL]);
}

guint
qd_member_get_n_reports (QdMember *self)
{
  g_return_val_if_fail (QD_IS_MEMBER (self), 0);
  return self->n_reports;
}
