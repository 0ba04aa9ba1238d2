/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-review-template"

#include "config.h"

#include "qd-review-enums.h"
#include "qd-review-template.h"

struct _QdReviewTemplate
{
  GObject     parent_instance;

  gint64      id;
  char       *name;
  guint       scale_points;
  double      weights[QD_REVIEW_N_SECTIONS];
  GStrv       labels;
  GListStore *competencies;
};

G_DEFINE_FINAL_TYPE (QdReviewTemplate, qd_review_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SCALE_POINTS,
  PROP_COMPETENCIES_WEIGHT,
  PROP_KPI_WEIGHT,
  PROP_GOALS_WEIGHT,
  PROP_COMPETENCIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qd_review_template_dispose (GObject *object)
{
  QdReviewTemplate *self = (QdReviewTemplate *) object;

  g_clear_object (&self->competencies);

  G_OBJECT_CLASS (qd_review_template_parent_class)->dispose (object);
}

static void
qd_review_template_finalize (GObject *object)
{
  QdReviewTemplate *self = (QdReviewTemplate *) object;

  g_free (self->name);
  g_strfreev (self->labels);

  G_OBJECT_CLASS (qd_review_template_parent_class)->finalize (object);
}

static void
qd_review_template_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QdReviewTemplate *self = QD_REVIEW_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SCALE_POINTS:
      g_value_set_uint (value, self->scale_points);
      break;
    case PROP_COMPETENCIES_WEIGHT:
      g_value_set_double (value, self->weights[QD_REVIEW_SECTION_COMPETENCIES]);
      break;
    case PROP_KPI_WEIGHT:
      g_value_set_double (value, self->weights[QD_REVIEW_SECTION_KPIS]);
      break;
    case PROP_GOALS_WEIGHT:
      g_value_set_double (value, self->weights[QD_REVIEW_SECTION_GOALS]);
      break;
    case PROP_COMPETENCIES:
      g_value_set_object (value, self->competencies);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_review_template_class_init (QdReviewTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = qd_review_template_dispose;
  object_class->finalize = qd_review_template_finalize;
  object_class->get_property = qd_review_template_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_SCALE_POINTS] = g_param_spec_uint ("scale-points", NULL, NULL, 0, 10, 5, flags);
  properties[PROP_COMPETENCIES_WEIGHT] = g_param_spec_double ("competencies-weight", NULL, NULL, 0, 100, 60, flags);
  properties[PROP_KPI_WEIGHT] = g_param_spec_double ("kpi-weight", NULL, NULL, 0, 100, 20, flags);
  properties[PROP_GOALS_WEIGHT] = g_param_spec_double ("goals-weight", NULL, NULL, 0, 100, 20, flags);
  properties[PROP_COMPETENCIES] = g_param_spec_object ("competencies", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qd_review_template_init (QdReviewTemplate *self)
{
  self->competencies = g_list_store_new (QD_TYPE_REVIEW_COMPETENCY);
}

/**
 * qd_review_template_new_from_record:
 * @competencies: (element-type QdCompetencyRecord) (nullable): the
 *   template's competencies, by position
 */
QdReviewTemplate *
qd_review_template_new_from_record (const QdTemplateRecord *record,
                                    GArray                 *competencies)
{
  QdReviewTemplate *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (QD_TYPE_REVIEW_TEMPLATE, NULL);
  self->id = record->id;
  self->name = g_strdup (record->name != NULL ? record->name : "");
  self->scale_points = record->scale_points;
  self->weights[QD_REVIEW_SECTION_COMPETENCIES] = record->competencies_weight;
  self->weights[QD_REVIEW_SECTION_KPIS] = record->kpi_weight;
  self->weights[QD_REVIEW_SECTION_GOALS] = record->goals_weight;
  self->labels = record->labels != NULL ? g_strdupv (record->labels) : g_new0 (char *, 1);

  for (guint i = 0; competencies != NULL && i < competencies->len; i++)
    {
      g_autoptr(QdReviewCompetency) c =
        qd_review_competency_new_from_record (&g_array_index (competencies, QdCompetencyRecord, i));
      g_list_store_append (self->competencies, c);
    }
  return self;
}

gint64
qd_review_template_get_id (QdReviewTemplate *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_TEMPLATE (self), 0);
  return self->id;
}

const char *
qd_review_template_get_name (QdReviewTemplate *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_TEMPLATE (self), NULL);
  return self->name;
}

guint
qd_review_template_get_scale_points (QdReviewTemplate *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_TEMPLATE (self), 0);
  return self->scale_points;
}

const char *
qd_review_template_get_scale_label (QdReviewTemplate *self,
                                    guint             point)
{
  g_return_val_if_fail (QD_IS_REVIEW_TEMPLATE (self), NULL);

  if (point < 1 || point > g_strv_length (self->labels))
    return "";
  return self->labels[point - 1];
}

const char * const *
qd_review_template_get_scale_labels (QdReviewTemplate *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_TEMPLATE (self), NULL);
  return (const char * const *) self->labels;
}

/**
 * qd_review_template_get_section_weight:
 * @section: a #QdReviewSection
 *
 * Returns: the section's share of the final score, in percent
 */
double
qd_review_template_get_section_weight (QdReviewTemplate *self,
                                       guint             section)
{
  g_return_val_if_fail (QD_IS_REVIEW_TEMPLATE (self), 0);
  g_return_val_if_fail (section < QD_REVIEW_N_SECTIONS, 0);
  return self->weights[section];
}

GListModel *
qd_review_template_get_competencies (QdReviewTemplate *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_TEMPLATE (self), NULL);
  return G_LIST_MODEL (self->competencies);
}

GStrv
qd_review_template_dup_groups (QdReviewTemplate *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_return_val_if_fail (QD_IS_REVIEW_TEMPLATE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->competencies));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QdReviewCompetency) c = g_list_model_get_item (G_LIST_MODEL (self->competencies), i);
      const char *group = qd_review_competency_get_group (c);

      if (g_hash_table_add (seen, (gpointer) group))
        g_strv_builder_add (builder, group);
    }
  return g_strv_builder_end (builder);
}
