/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-development-action"

#include "config.h"

#include "qd-development-action.h"
#include "qd-goal.h"

/* A step of a development plan: a plain value object written by QdGoals. */

struct _QdDevelopmentAction
{
  GObject   parent_instance;

  gint64    id;
  gint64    member_id;
  char     *member_name;
  gint64    review_id;
  char     *title;
  gint64    owner_id;
  char     *owner_name;
  char     *due_date;
  gboolean  done;
  char     *created_at;
  gboolean  overdue;
};

G_DEFINE_FINAL_TYPE (QdDevelopmentAction, qd_development_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_ID,
  PROP_MEMBER_NAME,
  PROP_REVIEW_ID,
  PROP_TITLE,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_DUE_DATE,
  PROP_DUE_DATE_LABEL,
  PROP_DONE,
  PROP_CREATED_AT,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (QdDevelopmentAction *self,
              guint                prop_id)
{
  switch (prop_id)
    {
    case PROP_MEMBER_NAME: return &self->member_name;
    case PROP_TITLE: return &self->title;
    case PROP_OWNER_NAME: return &self->owner_name;
    case PROP_DUE_DATE: return &self->due_date;
    case PROP_CREATED_AT: return &self->created_at;
    default: return NULL;
    }
}

static void
set_string (QdDevelopmentAction *self,
            guint                prop_id,
            const char          *value)
{
  char **field = string_field (self, prop_id);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (prop_id == PROP_DUE_DATE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE_LABEL]);
}

static void
set_id (QdDevelopmentAction *self,
        gint64              *field,
        guint                prop_id,
        gint64               value)
{
  value = MAX (value, 0);
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
qd_development_action_finalize (GObject *object)
{
  QdDevelopmentAction *self = (QdDevelopmentAction *) object;

  g_free (self->member_name);
  g_free (self->title);
  g_free (self->owner_name);
  g_free (self->due_date);
  g_free (self->created_at);

  G_OBJECT_CLASS (qd_development_action_parent_class)->finalize (object);
}

static void
qd_development_action_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  QdDevelopmentAction *self = QD_DEVELOPMENT_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case PROP_REVIEW_ID:
      g_value_set_int64 (value, self->review_id);
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;
    case PROP_MEMBER_NAME:
    case PROP_TITLE:
    case PROP_OWNER_NAME:
    case PROP_DUE_DATE:
    case PROP_CREATED_AT:
      g_value_set_string (value, *string_field (self, prop_id));
      break;
    case PROP_DUE_DATE_LABEL:
      g_value_take_string (value, _qd_goal_format_day (self->due_date));
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_development_action_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  QdDevelopmentAction *self = QD_DEVELOPMENT_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_MEMBER_ID:
      qd_development_action_set_member_id (self, g_value_get_int64 (value));
      break;
    case PROP_REVIEW_ID:
      qd_development_action_set_review_id (self, g_value_get_int64 (value));
      break;
    case PROP_OWNER_ID:
      qd_development_action_set_owner_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
    case PROP_DUE_DATE:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_DONE:
      qd_development_action_set_done (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_development_action_class_init (QdDevelopmentActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qd_development_action_finalize;
  object_class->get_property = qd_development_action_get_property;
  object_class->set_property = qd_development_action_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBER_ID] = g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MEMBER_NAME] = g_param_spec_string ("member-name", NULL, NULL, "", ro);
  properties[PROP_REVIEW_ID] = g_param_spec_int64 ("review-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, "", ro);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, "", rw);
  properties[PROP_DUE_DATE_LABEL] = g_param_spec_string ("due-date-label", NULL, NULL, "", ro);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, rw);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, "", ro);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qd_development_action_init (QdDevelopmentAction *self)
{
  self->member_name = g_strdup ("");
  self->title = g_strdup ("");
  self->owner_name = g_strdup ("");
  self->due_date = g_strdup ("");
  self->created_at = g_strdup ("");
}

QdDevelopmentAction *
qd_development_action_new (void)
{
  return g_object_new (QD_TYPE_DEVELOPMENT_ACTION, NULL);
}

QdDevelopmentAction *
qd_development_action_new_from_record (const QdDevelopmentActionRecord *record)
{
  QdDevelopmentAction *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (QD_TYPE_DEVELOPMENT_ACTION, "id", record->id, NULL);
  qd_development_action_update_from_record (self, record);
  return self;
}

void
qd_development_action_update_from_record (QdDevelopmentAction             *self,
                                          const QdDevelopmentActionRecord *record)
{
  g_return_if_fail (QD_IS_DEVELOPMENT_ACTION (self));
  g_return_if_fail (record != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  self->id = record->id;
  set_id (self, &self->member_id, PROP_MEMBER_ID, record->member_id);
  set_string (self, PROP_MEMBER_NAME, record->member_name);
  set_id (self, &self->review_id, PROP_REVIEW_ID, record->review_id);
  set_string (self, PROP_TITLE, record->title);
  set_id (self, &self->owner_id, PROP_OWNER_ID, record->owner_id);
  set_string (self, PROP_OWNER_NAME, record->owner_name);
  set_string (self, PROP_DUE_DATE, record->due_date);
  qd_development_action_set_done (self, record->done);
  set_string (self, PROP_CREATED_AT, record->created_at);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * qd_development_action_to_record:
 * @record: (out caller-allocates): cleared with
 *   qd_development_action_record_clear()
 */
void
qd_development_action_to_record (QdDevelopmentAction       *self,
                                 QdDevelopmentActionRecord *record)
{
  g_return_if_fail (QD_IS_DEVELOPMENT_ACTION (self));
  g_return_if_fail (record != NULL);

  record->id = self->id;
  record->member_id = self->member_id;
  record->member_name = g_strdup (self->member_name);
  record->review_id = self->review_id;
  record->title = g_strdup (self->title);
  record->owner_id = self->owner_id;
  record->owner_name = g_strdup (self->owner_name);
  record->due_date = *self->due_date != '\0' ? g_strdup (self->due_date) : NULL;
  record->done = self->done;
  record->created_at = *self->created_at != '\0' ? g_strdup (self->created_at) : NULL;
}

gint64
qd_development_action_get_id (QdDevelopmentAction *self)
{
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (self), 0);
  return self->id;
}

gint64
qd_development_action_get_member_id (QdDevelopmentAction *self)
{
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (self), 0);
  return self->member_id;
}

void
qd_development_action_set_member_id (QdDevelopmentAction *self,
                                     gint64               member_id)
{
  g_return_if_fail (QD_IS_DEVELOPMENT_ACTION (self));
  set_id (self, &self->member_id, PROP_MEMBER_ID, member_id);
}

const char *
qd_development_action_get_member_name (QdDevelopmentAction *self)
{
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (self), NULL);
  return self->member_name;
}

gint64
qd_development_action_get_review_id (QdDevelopmentAction *self)
{
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (self), 0);
  return self->review_id;
}

void
qd_development_action_set_review_id (QdDevelopmentAction *self,
                                     gint64               review_id)
{
  g_return_if_fail (QD_IS_DEVELOPMENT_ACTION (self));
  set_id (self, &self->review_id, PROP_REVIEW_ID, review_id);
}

const char *
qd_development_action_get_title (QdDevelopmentAction *self)
{
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (self), NULL);
  return self->title;
}

void
qd_development_action_set_title (QdDevelopmentAction *self,
                                 const char          *title)
{
  g_return_if_fail (QD_IS_DEVELOPMENT_ACTION (self));
  set_string (self, PROP_TITLE, title);
}

gint64
qd_development_action_get_owner_id (QdDevelopmentAction *self)
{
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (self), 0);
  return self->owner_id;
}

void
qd_development_action_set_owner_id (QdDevelopmentAction *self,
                                    gint64               owner_id)
{
  g_return_if_fail (QD_IS_DEVELOPMENT_ACTION (self));
  set_id (self, &self->owner_id, PROP_OWNER_ID, owner_id);
}

const char *
qd_development_action_get_owner_name (QdDevelopmentAction *self)
{
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (self), NULL);
  return self->owner_name;
}

const char *
qd_development_action_get_due_date (QdDevelopmentAction *self)
{
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (self), NULL);
  return self->due_date;
}

void
qd_development_action_set_due_date (QdDevelopmentAction *self,
                                    const char          *due_date)
{
  g_return_if_fail (QD_IS_DEVELOPMENT_ACTION (self));
  set_string (self, PROP_DUE_DATE, due_date);
}

gboolean
qd_development_action_get_done (QdDevelopmentAction *self)
{
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (self), FALSE);
  return self->done;
}

void
qd_development_action_set_done (QdDevelopmentAction *self,
                                gboolean             done)
{
  g_return_if_fail (QD_IS_DEVELOPMENT_ACTION (self));

  done = !!done;
  if (self->done == done)
    return;
  self->done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

const char *
qd_development_action_get_created_at (QdDevelopmentAction *self)
{
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (self), NULL);
  return self->created_at;
}

gboolean
qd_development_action_get_overdue (QdDevelopmentAction *self)
{
  g_return_val_if_fail (QD_IS_DEVELOPMENT_ACTION (self), FALSE);
  return self->overdue;
}

void
_qd_development_action_set_overdue (QdDevelopmentAction *self,
                                    gboolean             overdue)
{
  g_return_if_fail (QD_IS_DEVELOPMENT_ACTION (self));

  overdue = !!overdue;
  if (self->overdue == overdue)
    return;
  self->overdue = overdue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}
