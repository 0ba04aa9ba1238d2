/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-review-list"

#include "config.h"

#include "qd-review-list.h"

struct _QdReviewList
{
  GObject       parent_instance;

  QdReviews    *reviews;
  gint64        cycle_id;
  gint64        reviewer_id;
  char         *search;
  QdReviewSort  sort;
  gboolean      descending;
  GArray       *ids;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QdReviewList, qd_review_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_REVIEWS,
  PROP_CYCLE_ID,
  PROP_SEARCH,
  PROP_REVIEWER_ID,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
qd_review_list_get_item_type (GListModel *model)
{
  return QD_TYPE_REVIEW;
}

static guint
qd_review_list_get_n_items (GListModel *model)
{
  return QD_REVIEW_LIST (model)->ids->len;
}

static gpointer
qd_review_list_get_item (GListModel *model,
                         guint       position)
{
  QdReviewList *self = QD_REVIEW_LIST (model);
  g_autoptr(GError) error = NULL;
  QdReview *review;

  if (position >= self->ids->len)
    return NULL;

  review = qd_reviews_load_review (self->reviews, g_array_index (self->ids, gint64, position), &error);
  if (review == NULL)
    {
      /* Removed behind our back; a refresh follows the change signal. */
      QdReviewRecord empty = { 0 };

      g_debug ("A review could not be loaded: %s", error->message);
      review = qd_review_new_from_record (&empty);
    }
  return review;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = qd_review_list_get_item_type;
  iface->get_n_items = qd_review_list_get_n_items;
  iface->get_item = qd_review_list_get_item;
}

static void
reviews_changed_cb (QdReviewList *self,
                    QdReviews    *reviews)
{
  qd_review_list_refresh (self);
}

static void
qd_review_list_dispose (GObject *object)
{
  QdReviewList *self = (QdReviewList *) object;

  g_clear_object (&self->reviews);

  G_OBJECT_CLASS (qd_review_list_parent_class)->dispose (object);
}

static void
qd_review_list_finalize (GObject *object)
{
  QdReviewList *self = (QdReviewList *) object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->search);

  G_OBJECT_CLASS (qd_review_list_parent_class)->finalize (object);
}

static void
qd_review_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QdReviewList *self = QD_REVIEW_LIST (object);

  switch (prop_id)
    {
    case PROP_REVIEWS:
      g_value_set_object (value, self->reviews);
      break;
    case PROP_CYCLE_ID:
      g_value_set_int64 (value, self->cycle_id);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_REVIEWER_ID:
      g_value_set_int64 (value, self->reviewer_id);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_review_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QdReviewList *self = QD_REVIEW_LIST (object);

  switch (prop_id)
    {
    case PROP_CYCLE_ID:
      qd_review_list_set_cycle_id (self, g_value_get_int64 (value));
      break;
    case PROP_SEARCH:
      qd_review_list_set_search (self, g_value_get_string (value));
      break;
    case PROP_REVIEWER_ID:
      qd_review_list_set_reviewer_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_review_list_class_init (QdReviewListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = qd_review_list_dispose;
  object_class->finalize = qd_review_list_finalize;
  object_class->get_property = qd_review_list_get_property;
  object_class->set_property = qd_review_list_set_property;

  properties[PROP_REVIEWS] = g_param_spec_object ("reviews", NULL, NULL, QD_TYPE_REVIEWS,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CYCLE_ID] = g_param_spec_int64 ("cycle-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, "", rw);
  properties[PROP_REVIEWER_ID] = g_param_spec_int64 ("reviewer-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qd_review_list_init (QdReviewList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->search = g_strdup ("");
}

QdReviewList *
qd_review_list_new (QdReviews *reviews,
                    gint64     cycle_id)
{
  QdReviewList *self;

  g_return_val_if_fail (QD_IS_REVIEWS (reviews), NULL);

  self = g_object_new (QD_TYPE_REVIEW_LIST, NULL);
  self->reviews = g_object_ref (reviews);
  self->cycle_id = cycle_id;
  g_signal_connect_object (reviews, "changed", G_CALLBACK (reviews_changed_cb), self, G_CONNECT_SWAPPED);
  qd_review_list_refresh (self);
  return self;
}

QdReviews *
qd_review_list_get_reviews (QdReviewList *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_LIST (self), NULL);
  return self->reviews;
}

gint64
qd_review_list_get_cycle_id (QdReviewList *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_LIST (self), 0);
  return self->cycle_id;
}

void
qd_review_list_set_cycle_id (QdReviewList *self,
                             gint64        cycle_id)
{
  g_return_if_fail (QD_IS_REVIEW_LIST (self));

  if (self->cycle_id == cycle_id)
    return;
  self->cycle_id = cycle_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE_ID]);
  qd_review_list_refresh (self);
}

const char *
qd_review_list_get_search (QdReviewList *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_LIST (self), NULL);
  return self->search;
}

void
qd_review_list_set_search (QdReviewList *self,
                           const char   *search)
{
  g_return_if_fail (QD_IS_REVIEW_LIST (self));

  if (search == NULL)
    search = "";
  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  qd_review_list_refresh (self);
}

gint64
qd_review_list_get_reviewer_id (QdReviewList *self)
{
  g_return_val_if_fail (QD_IS_REVIEW_LIST (self), 0);
  return self->reviewer_id;
}

void
qd_review_list_set_reviewer_id (QdReviewList *self,
                                gint64        reviewer_id)
{
  g_return_if_fail (QD_IS_REVIEW_LIST (self));

  if (self->reviewer_id == reviewer_id)
    return;
  self->reviewer_id = reviewer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER_ID]);
  qd_review_list_refresh (self);
}

void
qd_review_list_set_sort (QdReviewList *self,
                         QdReviewSort  sort,
                         gboolean      descending)
{
  g_return_if_fail (QD_IS_REVIEW_LIST (self));

  if (self->sort == sort && self->descending == !!descending)
    return;
  self->sort = sort;
  self->descending = !!descending;
  qd_review_list_refresh (self);
}

guint
qd_review_list_find (QdReviewList *self,
                     gint64        review_id)
{
  g_return_val_if_fail (QD_IS_REVIEW_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == review_id)
      return i;
  return G_MAXUINT;
}

/**
 * qd_review_list_refresh:
 *
 * Runs the query again and announces the change. Loaded items are not
 * updated in place: a view takes the new items from ::items-changed.
 */
void
qd_review_list_refresh (QdReviewList *self)
{
  QdReviewQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  guint removed;

  g_return_if_fail (QD_IS_REVIEW_LIST (self));

  query.reviewer_id = self->reviewer_id;
  query.search = self->search;
  query.sort = self->sort;
  query.descending = self->descending;

  ids = qd_store_list_review_ids (qd_reviews_get_store (self->reviews), self->cycle_id, &query, &error);
  if (ids == NULL)
    {
      g_warning ("The reviews could not be listed: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  removed = self->ids->len;
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = g_steal_pointer (&ids);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
  if (removed != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
