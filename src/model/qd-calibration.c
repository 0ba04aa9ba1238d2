/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-calibration"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "qd-calibration.h"
#include "qd-store-reviews.h"

static void
nine_box_entry_free (QdNineBoxEntry *entry)
{
  g_free (entry->member_name);
  g_free (entry->reviewer_name);
  g_free (entry);
}

void
qd_calibration_group_free (QdCalibrationGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->reviewer_name);
  g_free (group->note);
  g_free (group);
}

void
qd_calibration_free (QdCalibration *calibration)
{
  if (calibration == NULL)
    return;
  g_clear_pointer (&calibration->whole_cycle, qd_calibration_group_free);
  g_clear_pointer (&calibration->managers, g_ptr_array_unref);
  for (guint p = 0; p < 3; p++)
    for (guint q = 0; q < 3; q++)
      g_clear_pointer (&calibration->boxes[p][q], g_ptr_array_unref);
  g_clear_pointer (&calibration->unplaced, g_ptr_array_unref);
  g_free (calibration);
}

void
qd_calibration_group_judge (QdCalibrationGroup *group,
                            const double        targets[3])
{
  g_autoptr(GString) note = g_string_new (NULL);
  static const QdTier order[] = { QD_TIER_TOP, QD_TIER_MIDDLE, QD_TIER_BOTTOM };

  g_return_if_fail (group != NULL);

  group->far = FALSE;
  for (guint i = 0; i < 3; i++)
    {
      QdTier tier = order[i];

      group->percents[tier] = group->n_rated > 0 ? 100.0 * group->counts[tier] / group->n_rated : NAN;
      if (group->n_rated < QD_CALIBRATION_MIN_REVIEWS ||
          fabs (group->percents[tier] - targets[tier]) <= QD_CALIBRATION_FAR_POINTS)
        continue;

      group->far = TRUE;
      if (note->len > 0)
        g_string_append (note, "; ");
      /* Translators: why a manager's ratings are far from the target
       * distribution, e.g. "Top 60 % against a target of 20 %" */
      g_string_append_printf (note, _("%s %.0f %% against a target of %.0f %%"),
                              qd_review_tier_to_label (tier), group->percents[tier], targets[tier]);
    }

  g_free (group->note);
  group->note = g_string_free (g_steal_pointer (&note), FALSE);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const QdCalibrationGroup *ga = *(QdCalibrationGroup * const *) a;
  const QdCalibrationGroup *gb = *(QdCalibrationGroup * const *) b;

  if ((ga->reviewer_id == 0) != (gb->reviewer_id == 0))
    return ga->reviewer_id == 0 ? 1 : -1;
  return g_utf8_collate (ga->reviewer_name, gb->reviewer_name);
}

static QdCalibrationGroup *
group_for (GHashTable  *groups,
           GPtrArray   *list,
           gint64       reviewer_id,
           const char  *reviewer_name)
{
  QdCalibrationGroup *group = g_hash_table_lookup (groups, &reviewer_id);

  if (group == NULL)
    {
      group = g_new0 (QdCalibrationGroup, 1);
      group->reviewer_id = reviewer_id;
      group->reviewer_name = g_strdup (reviewer_id > 0 ? reviewer_name : _("No reviewer"));
      group->note = g_strdup ("");
      g_hash_table_insert (groups, g_memdup2 (&reviewer_id, sizeof reviewer_id), group);
      g_ptr_array_add (list, group);
    }
  return group;
}

QdCalibration *
qd_reviews_get_calibration (QdReviews  *reviews,
                            gint64      cycle_id,
                            GError    **error)
{
  g_autoptr(QdCalibration) calibration = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(QdReviewCycle) cycle = NULL;
  QdStore *store;

  g_return_val_if_fail (QD_IS_REVIEWS (reviews), NULL);

  store = qd_reviews_get_store (reviews);
  cycle = qd_reviews_load_cycle (reviews, cycle_id, error);
  if (cycle == NULL)
    return NULL;
  if (!qd_review_cycle_get_is_frozen (cycle))
    {
      g_set_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW,
                   _("%s has not opened yet, so there is nothing to calibrate."),
                   qd_review_cycle_get_name (cycle));
      return NULL;
    }

  ids = qd_store_list_review_ids (store, cycle_id, NULL, error);
  if (ids == NULL)
    return NULL;

  calibration = g_new0 (QdCalibration, 1);
  calibration->cycle_id = cycle_id;
  calibration->scale_points = qd_review_cycle_get_scale_points (cycle);
  qd_review_cycle_get_targets (cycle, &calibration->targets[QD_TIER_TOP],
                               &calibration->targets[QD_TIER_MIDDLE], &calibration->targets[QD_TIER_BOTTOM]);
  calibration->ratings_locked = qd_review_cycle_get_ratings_locked (cycle);
  calibration->whole_cycle = g_new0 (QdCalibrationGroup, 1);
  calibration->whole_cycle->reviewer_name = g_strdup (_("Whole cycle"));
  calibration->whole_cycle->note = g_strdup ("");
  calibration->managers = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_calibration_group_free);
  for (guint p = 0; p < 3; p++)
    for (guint q = 0; q < 3; q++)
      calibration->boxes[p][q] = g_ptr_array_new_with_free_func ((GDestroyNotify) nine_box_entry_free);
  calibration->unplaced = g_ptr_array_new_with_free_func ((GDestroyNotify) nine_box_entry_free);

  groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(QdReviewRecord) record = { 0 };
      QdCalibrationGroup *group;
      QdNineBoxEntry *entry;
      QdPotential potential = QD_POTENTIAL_UNSET;
      double rating;

      if (!qd_store_load_review (store, g_array_index (ids, gint64, i), &record, error))
        return NULL;

      rating = isnan (record.calibrated_rating) ? record.overall_rating : record.calibrated_rating;
      qd_potential_from_nick (record.potential, &potential);
      group = group_for (groups, calibration->managers, record.reviewer_id, record.reviewer_name);

      group->n_reviews++;
      calibration->whole_cycle->n_reviews++;

      entry = g_new0 (QdNineBoxEntry, 1);
      entry->review_id = record.id;
      entry->member_id = record.member_id;
      entry->member_name = g_strdup (record.member_name);
      entry->reviewer_name = g_strdup (record.reviewer_name);
      entry->rating = rating;
      entry->potential = potential;
      entry->performance = QD_TIER_MIDDLE;

      if (!isnan (rating))
        {
          QdTier tier = qd_review_scale_tier (calibration->scale_points, rating);

          entry->performance = tier;
          group->n_rated++;
          group->counts[tier]++;
          calibration->whole_cycle->n_rated++;
          calibration->whole_cycle->counts[tier]++;
        }

      if (!isnan (rating) && potential != QD_POTENTIAL_UNSET)
        g_ptr_array_add (calibration->boxes[entry->performance][potential - 1], entry);
      else
        g_ptr_array_add (calibration->unplaced, entry);
    }

  for (guint i = 0; i < calibration->managers->len; i++)
    qd_calibration_group_judge (g_ptr_array_index (calibration->managers, i), calibration->targets);
  qd_calibration_group_judge (calibration->whole_cycle, calibration->targets);
  g_ptr_array_sort (calibration->managers, compare_groups);

  return g_steal_pointer (&calibration);
}

GPtrArray *
qd_calibration_get_box (QdCalibration *calibration,
                        QdTier         performance,
                        QdPotential    potential)
{
  g_return_val_if_fail (calibration != NULL, NULL);
  g_return_val_if_fail (performance <= QD_TIER_BOTTOM, NULL);
  g_return_val_if_fail (potential >= QD_POTENTIAL_LOW && potential <= QD_POTENTIAL_HIGH, NULL);

  return calibration->boxes[performance][potential - 1];
}
