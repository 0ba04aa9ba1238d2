/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-review-competency"

#include "config.h"

#include "qd-review-competency.h"

struct _QdReviewCompetency
{
  GObject  parent_instance;

  gint64   id;
  char    *group;
  char    *name;
  char    *description;
  double   weight;
  int      position;
};

G_DEFINE_FINAL_TYPE (QdReviewCompetency, qd_review_competency, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GROUP,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_WEIGHT,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qd_review_competency_finalize (GObject *object)
{
  QdReviewCompetency *self = (QdReviewCompetency *) object;

  g_free (self->group);
  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (qd_review_competency_parent_class)->finalize (object);
}

static void
qd_review_competency_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QdReviewCompetency *self = QD_REVIEW_COMPETENCY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_review_competency_class_init (QdReviewCompetencyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qd_review_competency_finalize;
  object_class->get_property = qd_review_competency_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, "", flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_WEIGHT] = g_param_spec_double ("weight", NULL, NULL, 0, G_MAXDOUBLE, 1, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qd_review_competency_init (QdReviewCompetency *self)
{
  self->weight = 1;
}

QdReviewCompetency *
qd_review_competency_new_from_record (const QdCompetencyRecord *record)
{
  QdReviewCompetency *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (QD_TYPE_REVIEW_COMPETENCY, NULL);
  self->id = record->id;
  self->group = g_strdup (record->group_name != NULL ? record->group_name : "");
  self->name = g_strdup (record->name != NULL ? record->name : "");
  self->description = g_strdup (record->description != NULL ? record->description : "");
  self->weight = record->weight;
  self->position = record->position;
  return self;
}

gint64
qd_review_competency_get_id (QdReviewCompetency *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_COMPETENCY (self), 0);
  return self->id;
}

const char *
qd_review_competency_get_group (QdReviewCompetency *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_COMPETENCY (self), NULL);
  return self->group;
}

const char *
qd_review_competency_get_name (QdReviewCompetency *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_COMPETENCY (self), NULL);
  return self->name;
}

const char *
qd_review_competency_get_description (QdReviewCompetency *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_COMPETENCY (self), NULL);
  return self->description;
}

double
qd_review_competency_get_weight (QdReviewCompetency *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_COMPETENCY (self), 0);
  return self->weight;
}

int
qd_review_competency_get_position (QdReviewCompetency *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_COMPETENCY (self), 0);
  return self->position;
}
