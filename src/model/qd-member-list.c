/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-member-list"

#include "config.h"

#include "qd-member-list.h"

/* A GListModel of team members, searched and sorted in SQL. It holds
 * only the ids of the matching rows; a member is loaded when a row asks
 * for it, and the same object is handed out while anyone holds it, so
 * widgets bound to it refresh in place when the roster changes. */

struct _QdMemberList
{
  GObject       parent_instance;

  QdRoster     *roster;
  GArray       *ids;
  GHashTable   *live;           /* id → QdMember (weak) */
  char         *search;
  QdMemberSort  sort;
  guint         descending : 1;
  guint         include_left : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QdMemberList, qd_member_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ROSTER,
  PROP_SEARCH,
  PROP_INCLUDE_LEFT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
member_finalized_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  QdMemberList *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static GType
qd_member_list_get_item_type (GListModel *model)
{
  return QD_TYPE_MEMBER;
}

static guint
qd_member_list_get_n_items (GListModel *model)
{
  QdMemberList *self = QD_MEMBER_LIST (model);

  return self->ids->len;
}

static gpointer
qd_member_list_get_item (GListModel *model,
                         guint       position)
{
  QdMemberList *self = QD_MEMBER_LIST (model);
  g_autoptr(GError) error = NULL;
  QdMember *member;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  member = g_hash_table_lookup (self->live, &id);
  if (member != NULL)
    return g_object_ref (member);

  member = qd_roster_load_member (self->roster, id, &error);
  if (member == NULL)
    {
      /* Removed behind our back; a refresh follows the change signal. */
      g_debug ("Member %" G_GINT64_FORMAT " could not be loaded: %s", id, error->message);
      member = qd_member_new ();
    }
  else
    {
      gint64 *key = g_new (gint64, 1);
      *key = id;
      g_hash_table_insert (self->live, key, member);
      g_object_weak_ref (G_OBJECT (member), member_finalized_cb, self);
    }
  return member;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = qd_member_list_get_item_type;
  iface->get_n_items = qd_member_list_get_n_items;
  iface->get_item = qd_member_list_get_item;
}

static void
reload_live_members (QdMemberList *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      QdMemberRecord record = { 0 };

      if (qd_store_load_member (qd_roster_get_store (self->roster), *(gint64 *) key, &record, NULL))
        qd_member_update_from_record (value, &record);
      qd_member_record_clear (&record);
    }
}

/**
 * qd_member_list_refresh:
 *
 * Runs the query again and announces the smallest changed range, so a
 * selection survives an edit that does not move the row.
 */
void
qd_member_list_refresh (QdMemberList *self)
{
  QdMemberQuery query = { 0 };
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;
  guint prefix = 0, suffix = 0;
  guint old_len, new_len;

  g_return_if_fail (QD_IS_MEMBER_LIST (self));

  query.search = self->search;
  query.include_left = self->include_left;
  query.sort = self->sort;
  query.descending = self->descending;

  ids = qd_store_list_member_ids (qd_roster_get_store (self->roster), &query, &error);
  if (ids == NULL)
    {
      g_warning ("The team list could not be read: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  old_ids = self->ids;
  self->ids = ids;
  old_len = old_ids->len;
  new_len = ids->len;

  reload_live_members (self);

  while (prefix < old_len && prefix < new_len &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (old_ids, gint64, old_len - 1 - suffix) ==
         g_array_index (ids, gint64, new_len - 1 - suffix))
    suffix++;

  if (prefix == old_len && prefix == new_len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_len - prefix - suffix, new_len - prefix - suffix);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
roster_changed_cb (QdMemberList *self,
                   QdRoster     *roster)
{
  qd_member_list_refresh (self);
}

static void
qd_member_list_dispose (GObject *object)
{
  QdMemberList *self = (QdMemberList *) object;
  GHashTableIter iter;
  gpointer value;

  if (self->live != NULL)
    {
      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, member_finalized_cb, self);
      g_hash_table_remove_all (self->live);
    }
  g_clear_object (&self->roster);

  G_OBJECT_CLASS (qd_member_list_parent_class)->dispose (object);
}

static void
qd_member_list_finalize (GObject *object)
{
  QdMemberList *self = (QdMemberList *) object;

  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (qd_member_list_parent_class)->finalize (object);
}

static void
qd_member_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QdMemberList *self = QD_MEMBER_LIST (object);

  switch (prop_id)
    {
    case PROP_ROSTER:
      g_value_set_object (value, self->roster);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_INCLUDE_LEFT:
      g_value_set_boolean (value, self->include_left);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_member_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QdMemberList *self = QD_MEMBER_LIST (object);

  switch (prop_id)
    {
    case PROP_ROSTER:
      self->roster = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      qd_member_list_set_search (self, g_value_get_string (value));
      break;
    case PROP_INCLUDE_LEFT:
      qd_member_list_set_include_left (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_member_list_constructed (GObject *object)
{
  QdMemberList *self = (QdMemberList *) object;

  G_OBJECT_CLASS (qd_member_list_parent_class)->constructed (object);

  g_signal_connect_object (self->roster, "changed", G_CALLBACK (roster_changed_cb),
                           self, G_CONNECT_SWAPPED);
  qd_member_list_refresh (self);
}

static void
qd_member_list_class_init (QdMemberListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = qd_member_list_constructed;
  object_class->dispose = qd_member_list_dispose;
  object_class->finalize = qd_member_list_finalize;
  object_class->get_property = qd_member_list_get_property;
  object_class->set_property = qd_member_list_set_property;

  properties[PROP_ROSTER] =
    g_param_spec_object ("roster", NULL, NULL, QD_TYPE_ROSTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDE_LEFT] =
    g_param_spec_boolean ("include-left", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qd_member_list_init (QdMemberList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

QdMemberList *
qd_member_list_new (QdRoster *roster)
{
  g_return_val_if_fail (QD_IS_ROSTER (roster), NULL);

  return g_object_new (QD_TYPE_MEMBER_LIST, "roster", roster, NULL);
}

QdRoster *
qd_member_list_get_roster (QdMemberList *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_LIST (self), NULL);
  return self->roster;
}

const char *
qd_member_list_get_search (QdMemberList *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_LIST (self), NULL);
  return self->search;
}

void
qd_member_list_set_search (QdMemberList *self,
                           const char   *search)
{
  g_return_if_fail (QD_IS_MEMBER_LIST (self));

  if (search != NULL && *search == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  if (self->roster != NULL)
    qd_member_list_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

gboolean
qd_member_list_get_include_left (QdMemberList *self)
{
  g_return_val_if_fail (QD_IS_MEMBER_LIST (self), FALSE);
  return self->include_left;
}

void
qd_member_list_set_include_left (QdMemberList *self,
                                 gboolean      include_left)
{
  g_return_if_fail (QD_IS_MEMBER_LIST (self));

  include_left = !!include_left;
  if (self->include_left == include_left)
    return;
  self->include_left = include_left;
  if (self->roster != NULL)
    qd_member_list_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_LEFT]);
}

void
qd_member_list_set_sort (QdMemberList *self,
                         QdMemberSort  sort,
                         gboolean      descending)
{
  g_return_if_fail (QD_IS_MEMBER_LIST (self));

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  qd_member_list_refresh (self);
}

QdMemberSort
qd_member_list_get_sort (QdMemberList *self,
                         gboolean     *descending)
{
  g_return_val_if_fail (QD_IS_MEMBER_LIST (self), QD_MEMBER_SORT_NAME);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

/* Returns: the position of the member with @id, or G_MAXUINT. */
guint
qd_member_list_find (QdMemberList *self,
                     gint64        id)
{
  g_return_val_if_fail (QD_IS_MEMBER_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}
