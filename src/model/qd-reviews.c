/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-reviews"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-reviews.h"
#include "qd-reviews-private.h"
#include "qd-store-members.h"
#include "qd-store-reviews.h"

/* QdReviews is the service through which performance reviews change; the
 * rules are described in qd-reviews.h. Every public write runs in one
 * transaction, so a refused or failed action leaves the file as it was,
 * and announces the change with ::changed. The static helpers that do the
 * work expect the caller to hold the transaction. */

#define MAX_NAME_LENGTH 80
#define MAX_DESCRIPTION_LENGTH 2000
#define MAX_TEXT_LENGTH 20000
#define MAX_SHOWN_NAMES 5
#define EPSILON 1e-6

struct _QdReviews
{
  GObject  parent_instance;

  QdStore *store;
  QdKpis  *kpis;           /* made when first needed */
};

G_DEFINE_FINAL_TYPE (QdReviews, qd_reviews, G_TYPE_OBJECT)

G_DEFINE_QUARK (qd-reviews-error-quark, qd_reviews_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The default template, created on first use. */
static const struct
{
  const char *group;
  const char *name;
  const char *description;
} default_competencies[] = {
  { NC_("competency group", "Technical"), NC_("competency", "Support tools"),
    N_("Uses the helpdesk, knowledge base and internal tools to solve problems quickly.") },
  { NC_("competency group", "Technical"), NC_("competency", "Product knowledge"),
    N_("Knows the product well enough to answer, troubleshoot and explain it.") },
  { NC_("competency group", "Technical"), NC_("competency", "Data analysis"),
    N_("Reads logs, reports and metrics to find causes and trends.") },
  { NC_("competency group", "Technical"), NC_("competency", "Process"),
    N_("Follows and improves the team's workflows, macros and escalation paths.") },
  { NC_("competency group", "Soft"), NC_("competency", "Communication"),
    N_("Writes and speaks clearly, in the customer's terms.") },
  { NC_("competency group", "Soft"), NC_("competency", "Empathy"),
    N_("Understands how customers and colleagues feel and acts on it.") },
  { NC_("competency group", "Soft"), NC_("competency", "Problem-solving"),
    N_("Gets to the root of a problem and sees it through.") },
  { NC_("competency group", "Soft"), NC_("competency", "Leadership"),
    N_("Helps others grow, takes ownership and sets an example.") },
  { NC_("competency group", "Business"), NC_("competency", "Customer success"),
    N_("Helps customers reach their goals with the product, not only close tickets.") },
  { NC_("competency group", "Business"), NC_("competency", "Revenue impact"),
    N_("Protects and grows revenue: retention, upsell signals, fewer refunds.") },
  { NC_("competency group", "Business"), NC_("competency", "Strategic thinking"),
    N_("Sees patterns across tickets and turns them into improvements.") },
  { NC_("competency group", "Business"), NC_("competency", "Change management"),
    N_("Adopts and helps others adopt new tools, processes and policies.") },
};

/* ---- small helpers ---- */

static void
emit_changed (QdReviews *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Commits when @ok, else rolls back; announces the change once it is
 * saved. */
static gboolean
finish (QdReviews  *self,
        gboolean    ok,
        GError    **error)
{
  if (ok && qd_store_commit (self->store, error))
    {
      emit_changed (self);
      return TRUE;
    }
  qd_store_rollback (self->store);
  return FALSE;
}

static gint64
finish_id (QdReviews  *self,
           gint64      id,
           GError    **error)
{
  return finish (self, id > 0, error) ? id : 0;
}

static gboolean
is_iso_date (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y) && y >= 1900 && y <= 2200;
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  int y, m, d;

  if (!is_iso_date (text) || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
today_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static char *
fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);

  return g_str_to_ascii (folded, "C");
}

/* "Ana Ruiz, Luis Gil and 3 more" */
static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (names->len, MAX_SHOWN_NAMES);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (names, i));
    }
  if (names->len > shown)
    {
      guint more = names->len - shown;
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", more),
                              more);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
check_rating_value (double       rating,
                    guint        points,
                    const char  *what,
                    GError     **error)
{
  if (isnan (rating))
    return TRUE;
  if (!isfinite (rating) || rating < 1 - EPSILON || rating > points + EPSILON)
    {
      g_autofree char *shown = qd_review_format_rating (rating);
      return set_invalid (error, _("The %s %s is off the scale, which goes from 1 to %u."), what, shown, points);
    }
  return TRUE;
}

/* ---- loading with the rules in mind ---- */

static gboolean
load_cycle_record (QdReviews      *self,
                   gint64          id,
                   QdCycleRecord  *record,
                   GError        **error)
{
  return qd_store_load_cycle (self->store, id, record, error);
}

static gboolean
load_review_record (QdReviews       *self,
                    gint64           id,
                    QdReviewRecord  *record,
                    GError         **error)
{
  return qd_store_load_review (self->store, id, record, error);
}

static QdCycleStatus
cycle_status (const char *nick)
{
  QdCycleStatus status = QD_CYCLE_STATUS_PLANNED;

  qd_cycle_status_from_nick (nick, &status);
  return status;
}

static QdReviewStatus
review_status (const QdReviewRecord *record)
{
  QdReviewStatus status = QD_REVIEW_STATUS_NOT_STARTED;

  qd_review_status_from_nick (record->status, &status);
  return status;
}

/* Refuses any change to what makes up a rating once the cycle's ratings
 * are locked. */
static gboolean
check_not_locked (const QdReviewRecord  *record,
                  GError               **error)
{
  if (record->ratings_locked)
    {
      g_set_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_LOCKED,
                   _("The ratings of %s are locked, so %s’s review can no longer change."),
                   record->cycle_name, record->member_name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_cycle_not_locked (const QdCycleRecord  *cycle,
                        GError              **error)
{
  if (cycle->ratings_locked)
    {
      g_set_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_LOCKED,
                   _("The ratings of %s are locked, so its reviews and participants can no longer change."),
                   cycle->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_workflow (GError     **error,
              const char  *format,
              ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_workflow (GError     **error,
              const char  *format,
              ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_WORKFLOW, format, args);
  va_end (args);
  return FALSE;
}

/* Why a review cannot be worked on in its cycle's status. */
static gboolean
refuse_for_cycle (const QdReviewRecord  *record,
                  GError               **error)
{
  switch (cycle_status (record->cycle_status))
    {
    case QD_CYCLE_STATUS_PLANNED:
      return set_workflow (error, _("%s has not opened yet. Open the cycle first."), record->cycle_name);
    case QD_CYCLE_STATUS_CALIBRATING:
      return set_workflow (error, _("%s is in calibration. Reopen the cycle to change a review."), record->cycle_name);
    case QD_CYCLE_STATUS_CLOSED:
    default:
      return set_workflow (error, _("%s is closed."), record->cycle_name);
    }
}

/* ---- the object ---- */

static void
qd_reviews_dispose (GObject *object)
{
  QdReviews *self = (QdReviews *) object;

  g_clear_object (&self->kpis);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (qd_reviews_parent_class)->dispose (object);
}

static void
qd_reviews_class_init (QdReviewsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = qd_reviews_dispose;

  /**
   * QdReviews::changed:
   *
   * Emitted after templates, cycles, participants or reviews changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
qd_reviews_init (QdReviews *self)
{
}

QdReviews *
qd_reviews_new (QdStore *store)
{
  QdReviews *self;

  g_return_val_if_fail (QD_IS_STORE (store), NULL);

  self = g_object_new (QD_TYPE_REVIEWS, NULL);
  self->store = g_object_ref (store);
  return self;
}

QdStore *
qd_reviews_get_store (QdReviews *self)
{
  g_return_val_if_fail (QD_IS_REVIEWS (self), NULL);
  return self->store;
}

/* ---- templates ---- */

static gboolean
check_weights (double   competencies,
               double   kpis,
               double   goals,
               GError **error)
{
  double values[] = { competencies, kpis, goals };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (!isfinite (values[i]) || values[i] < 0 || values[i] > 100)
      return set_invalid (error, _("Each section weighs between 0 and 100 %%."));
  if (fabs (competencies + kpis + goals - 100) > 0.001)
    return set_invalid (error, _("The section weights add up to %.0f %%; they must add up to 100 %%."),
                        competencies + kpis + goals);
  return TRUE;
}

static gboolean
check_template_name (QdReviews   *self,
                     const char  *name,
                     gint64       except,
                     GError     **error)
{
  gint64 other;

  if (*name == '\0')
    return set_invalid (error, _("Every review template needs a name."));
  if (g_utf8_strlen (name, -1) > MAX_NAME_LENGTH)
    return set_invalid (error, _("A template name can be at most %d characters long."), MAX_NAME_LENGTH);
  other = qd_store_find_template_by_name (self->store, name, error);
  if (other < 0)
    return FALSE;
  if (other > 0 && other != except)
    return set_invalid (error, _("There is already a review template called “%s”."), name);
  return TRUE;
}

static GStrv
check_labels (guint                points,
              const char * const  *labels,
              GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (points < QD_SCALE_MIN_POINTS || points > QD_SCALE_MAX_POINTS)
    {
      set_invalid (error, _("A rating scale has between %d and %d points."),
                   QD_SCALE_MIN_POINTS, QD_SCALE_MAX_POINTS);
      return NULL;
    }
  if (labels == NULL)
    return qd_review_scale_default_labels (points);

  if (g_strv_length ((char **) labels) != points)
    {
      set_invalid (error, _("A scale of %u points needs %u labels, one per point."), points, points);
      return NULL;
    }
  for (guint i = 0; i < points; i++)
    {
      g_autofree char *label = trimmed (labels[i]);

      if (*label == '\0')
        {
          set_invalid (error, _("Point %u of the scale needs a label."), i + 1);
          return NULL;
        }
      if (g_utf8_strlen (label, -1) > MAX_NAME_LENGTH)
        {
          set_invalid (error, _("A scale label can be at most %d characters long."), MAX_NAME_LENGTH);
          return NULL;
        }
      if (!g_hash_table_add (seen, fold (label)))
        {
          set_invalid (error, _("Two points of the scale are labelled “%s”."), label);
          return NULL;
        }
      g_strv_builder_add (builder, label);
    }
  return g_strv_builder_end (builder);
}

static gint64
insert_default_template (QdStore  *store,
                         GError  **error)
{
  g_auto(QdTemplateRecord) record = { 0 };
  gint64 id;

  record.name = g_strdup (_("Support team"));
  record.scale_points = 5;
  record.competencies_weight = 60;
  record.kpi_weight = 20;
  record.goals_weight = 20;
  record.labels = qd_review_scale_default_labels (5);

  id = qd_store_insert_template (store, &record, error);
  if (id <= 0)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (default_competencies); i++)
    {
      QdCompetencyRecord c = {
        .owner_id = id,
        .group_name = (char *) g_dpgettext2 (GETTEXT_PACKAGE, "competency group", default_competencies[i].group),
        .name = (char *) g_dpgettext2 (GETTEXT_PACKAGE, "competency", default_competencies[i].name),
        .description = (char *) _(default_competencies[i].description),
        .weight = 1,
        .position = (int) i + 1,
      };
      if (qd_store_insert_template_competency (store, &c, error) == 0)
        return 0;
    }
  return id;
}

/* The caller holds the transaction. */
gint64
_qd_reviews_ensure_default_template (QdStore  *store,
                                     GError  **error)
{
  g_autoptr(GArray) ids = qd_store_list_template_ids (store, error);

  if (ids == NULL)
    return 0;
  if (ids->len > 0)
    return g_array_index (ids, gint64, 0);
  return insert_default_template (store, error);
}

static gint64
ensure_default_template (QdReviews  *self,
                         GError    **error)
{
  return _qd_reviews_ensure_default_template (self->store, error);
}

gint64
qd_reviews_ensure_default_template (QdReviews  *self,
                                    GError    **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 id;

  g_return_val_if_fail (QD_IS_REVIEWS (self), 0);

  ids = qd_store_list_template_ids (self->store, error);
  if (ids == NULL)
    return 0;
  if (ids->len > 0)
    return g_array_index (ids, gint64, 0);

  if (!qd_store_begin (self->store, error))
    return 0;
  id = ensure_default_template (self, error);
  return finish_id (self, id, error);
}

QdReviewTemplate *
qd_reviews_load_template (QdReviews  *self,
                          gint64      id,
                          GError    **error)
{
  g_auto(QdTemplateRecord) record = { 0 };
  g_autoptr(GArray) competencies = NULL;

  g_return_val_if_fail (QD_IS_REVIEWS (self), NULL);

  if (!qd_store_load_template (self->store, id, &record, error))
    return NULL;
  competencies = qd_store_list_template_competencies (self->store, id, error);
  if (competencies == NULL)
    return NULL;
  return qd_review_template_new_from_record (&record, competencies);
}

GListModel *
qd_reviews_list_templates (QdReviews  *self,
                           GError    **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (QD_IS_REVIEWS (self), NULL);

  if (qd_reviews_ensure_default_template (self, error) == 0)
    return NULL;
  ids = qd_store_list_template_ids (self->store, error);
  if (ids == NULL)
    return NULL;

  list = g_list_store_new (QD_TYPE_REVIEW_TEMPLATE);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(QdReviewTemplate) template = qd_reviews_load_template (self, g_array_index (ids, gint64, i), error);
      if (template == NULL)
        return NULL;
      g_list_store_append (list, template);
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

gint64
qd_reviews_add_template (QdReviews   *self,
                         const char  *name,
                         guint        scale_points,
                         GError     **error)
{
  g_auto(QdTemplateRecord) record = { 0 };
  gint64 id = 0;

  g_return_val_if_fail (QD_IS_REVIEWS (self), 0);

  record.name = trimmed (name);
  record.scale_points = scale_points;
  record.competencies_weight = 60;
  record.kpi_weight = 20;
  record.goals_weight = 20;

  if (!qd_store_begin (self->store, error))
    return 0;
  if (check_template_name (self, record.name, 0, error) &&
      (record.labels = check_labels (scale_points, NULL, error)) != NULL)
    id = qd_store_insert_template (self->store, &record, error);
  return finish_id (self, id, error);
}

gint64
qd_reviews_copy_template (QdReviews   *self,
                          gint64       id,
                          const char  *name,
                          GError     **error)
{
  g_auto(QdTemplateRecord) record = { 0 };
  g_autoptr(GArray) competencies = NULL;
  g_autofree char *new_name = trimmed (name);
  gint64 copy = 0;

  g_return_val_if_fail (QD_IS_REVIEWS (self), 0);

  if (!qd_store_begin (self->store, error))
    return 0;
  if (!qd_store_load_template (self->store, id, &record, error) ||
      !check_template_name (self, new_name, 0, error) ||
      (competencies = qd_store_list_template_competencies (self->store, id, error)) == NULL)
    return finish_id (self, 0, error);

  g_free (record.name);
  record.name = g_steal_pointer (&new_name);
  copy = qd_store_insert_template (self->store, &record, error);
  for (guint i = 0; copy > 0 && i < competencies->len; i++)
    {
      QdCompetencyRecord c = g_array_index (competencies, QdCompetencyRecord, i);

      c.id = 0;
      c.owner_id = copy;
      if (qd_store_insert_template_competency (self->store, &c, error) == 0)
        copy = 0;
    }
  return finish_id (self, copy, error);
}

gboolean
qd_reviews_rename_template (QdReviews   *self,
                            gint64       id,
                            const char  *name,
                            GError     **error)
{
  g_auto(QdTemplateRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = qd_store_load_template (self->store, id, &record, error);
  if (ok)
    {
      g_free (record.name);
      record.name = trimmed (name);
      ok = check_template_name (self, record.name, id, error) &&
           qd_store_update_template (self->store, &record, error);
    }
  return finish (self, ok, error);
}

gboolean
qd_reviews_delete_template (QdReviews  *self,
                            gint64      id,
                            GError    **error)
{
  g_auto(QdTemplateRecord) record = { 0 };
  gint64 planned;
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = qd_store_load_template (self->store, id, &record, error);
  if (ok)
    {
      planned = qd_store_count_planned_cycles_using (self->store, id, error);
      if (planned < 0)
        ok = FALSE;
      else if (planned > 0)
        {
          g_set_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_IN_USE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” is the template of %u planned review cycle. Choose another template for it first.",
                                    "“%s” is the template of %u planned review cycles. Choose another template for them first.",
                                    (gulong) planned),
                       record.name, (guint) planned);
          ok = FALSE;
        }
    }
  if (ok)
    ok = qd_store_delete_template (self->store, id, error);
  return finish (self, ok, error);
}

gboolean
qd_reviews_set_template_weights (QdReviews  *self,
                                 gint64      id,
                                 double      competencies,
                                 double      kpis,
                                 double      goals,
                                 GError    **error)
{
  g_auto(QdTemplateRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!check_weights (competencies, kpis, goals, error))
    return FALSE;

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = qd_store_load_template (self->store, id, &record, error);
  if (ok)
    {
      record.competencies_weight = competencies;
      record.kpi_weight = kpis;
      record.goals_weight = goals;
      ok = qd_store_update_template (self->store, &record, error);
    }
  return finish (self, ok, error);
}

gboolean
qd_reviews_set_template_scale (QdReviews           *self,
                               gint64               id,
                               guint                points,
                               const char * const  *labels,
                               GError             **error)
{
  g_auto(QdTemplateRecord) record = { 0 };
  g_auto(GStrv) checked = NULL;
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  checked = check_labels (points, labels, error);
  if (checked == NULL)
    return FALSE;

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = qd_store_load_template (self->store, id, &record, error);
  if (ok)
    {
      record.scale_points = points;
      g_strfreev (record.labels);
      record.labels = g_steal_pointer (&checked);
      ok = qd_store_update_template (self->store, &record, error);
    }
  return finish (self, ok, error);
}

static gboolean
check_competency (QdReviews           *self,
                  QdCompetencyRecord  *record,
                  GError             **error)
{
  g_autoptr(GArray) siblings = NULL;
  g_autofree char *folded = NULL;

  if (*record->group_name == '\0')
    return set_invalid (error, _("Every competency belongs to a group, such as “Technical”."));
  if (*record->name == '\0')
    return set_invalid (error, _("Every competency needs a name."));
  if (g_utf8_strlen (record->name, -1) > MAX_NAME_LENGTH ||
      g_utf8_strlen (record->group_name, -1) > MAX_NAME_LENGTH)
    return set_invalid (error, _("Competency and group names can be at most %d characters long."), MAX_NAME_LENGTH);
  if (g_utf8_strlen (record->description, -1) > MAX_DESCRIPTION_LENGTH)
    return set_invalid (error, _("A competency’s description can be at most %d characters long."),
                        MAX_DESCRIPTION_LENGTH);
  if (!isfinite (record->weight) || record->weight <= 0 || record->weight > 100)
    return set_invalid (error, _("A competency’s weight is above 0 and at most 100."));

  siblings = qd_store_list_template_competencies (self->store, record->owner_id, error);
  if (siblings == NULL)
    return FALSE;
  folded = fold (record->name);
  for (guint i = 0; i < siblings->len; i++)
    {
      QdCompetencyRecord *other = &g_array_index (siblings, QdCompetencyRecord, i);
      g_autofree char *other_folded = fold (other->name);

      if (other->id != record->id && strcmp (folded, other_folded) == 0)
        return set_invalid (error, _("The template already has a competency called “%s”."), other->name);
    }
  return TRUE;
}

gint64
qd_reviews_add_competency (QdReviews   *self,
                           gint64       template_id,
                           const char  *group,
                           const char  *name,
                           const char  *description,
                           double       weight,
                           GError     **error)
{
  g_auto(QdTemplateRecord) owner = { 0 };
  g_auto(QdCompetencyRecord) record = { 0 };
  gint64 id = 0;

  g_return_val_if_fail (QD_IS_REVIEWS (self), 0);

  record.owner_id = template_id;
  record.group_name = trimmed (group);
  record.name = trimmed (name);
  record.description = trimmed (description);
  record.weight = weight;
  record.position = -1;

  if (!qd_store_begin (self->store, error))
    return 0;
  if (qd_store_load_template (self->store, template_id, &owner, error) &&
      check_competency (self, &record, error))
    id = qd_store_insert_template_competency (self->store, &record, error);
  return finish_id (self, id, error);
}

gboolean
qd_reviews_update_competency (QdReviews   *self,
                              gint64       competency_id,
                              const char  *group,
                              const char  *name,
                              const char  *description,
                              double       weight,
                              GError     **error)
{
  g_auto(QdCompetencyRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = qd_store_load_template_competency (self->store, competency_id, &record, error);
  if (ok)
    {
      g_free (record.group_name);
      g_free (record.name);
      g_free (record.description);
      record.group_name = trimmed (group);
      record.name = trimmed (name);
      record.description = trimmed (description);
      record.weight = weight;
      ok = check_competency (self, &record, error) &&
           qd_store_update_template_competency (self->store, &record, error);
    }
  return finish (self, ok, error);
}

gboolean
qd_reviews_remove_competency (QdReviews  *self,
                              gint64      competency_id,
                              GError    **error)
{
  g_auto(QdCompetencyRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = qd_store_load_template_competency (self->store, competency_id, &record, error) &&
       qd_store_delete_template_competency (self->store, competency_id, error);
  return finish (self, ok, error);
}

gboolean
qd_reviews_move_competency (QdReviews  *self,
                            gint64      competency_id,
                            guint       position,
                            GError    **error)
{
  g_auto(QdCompetencyRecord) record = { 0 };
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) order = NULL;
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = qd_store_load_template_competency (self->store, competency_id, &record, error) &&
       (all = qd_store_list_template_competencies (self->store, record.owner_id, error)) != NULL;
  if (ok)
    {
      order = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < all->len; i++)
        if (g_array_index (all, QdCompetencyRecord, i).id != competency_id)
          g_array_append_val (order, i);
      for (guint i = 0; i < all->len; i++)
        if (g_array_index (all, QdCompetencyRecord, i).id == competency_id)
          g_array_insert_val (order, MIN (position, order->len), i);

      for (guint p = 0; ok && p < order->len; p++)
        {
          QdCompetencyRecord *c = &g_array_index (all, QdCompetencyRecord, g_array_index (order, guint, p));

          if (c->position == (int) p + 1)
            continue;
          c->position = (int) p + 1;
          ok = qd_store_update_template_competency (self->store, c, error);
        }
    }
  return finish (self, ok, error);
}

/* ---- cycles ---- */

static QdReviewCycle *
load_cycle (QdReviews  *self,
            gint64      id,
            GError    **error)
{
  g_auto(QdCycleRecord) record = { 0 };
  g_autoptr(GArray) competencies = NULL;

  if (!load_cycle_record (self, id, &record, error))
    return NULL;

  if (record.scale_points > 0)
    competencies = qd_store_list_cycle_competencies (self->store, id, error);
  else
    {
      /* Planned: what it would freeze now. */
      g_auto(QdTemplateRecord) template = { 0 };

      if (record.template_id > 0 && qd_store_load_template (self->store, record.template_id, &template, NULL))
        {
          record.scale_points = template.scale_points;
          record.competencies_weight = template.competencies_weight;
          record.kpi_weight = template.kpi_weight;
          record.goals_weight = template.goals_weight;
          record.labels = g_steal_pointer (&template.labels);
          competencies = qd_store_list_template_competencies (self->store, record.template_id, error);
        }
      else
        competencies = g_array_new (FALSE, TRUE, sizeof (QdCompetencyRecord));
    }
  if (competencies == NULL)
    return NULL;
  return qd_review_cycle_new_from_record (&record, competencies);
}

QdReviewCycle *
qd_reviews_load_cycle (QdReviews  *self,
                       gint64      id,
                       GError    **error)
{
  g_return_val_if_fail (QD_IS_REVIEWS (self), NULL);
  return load_cycle (self, id, error);
}

GListModel *
qd_reviews_list_cycles (QdReviews  *self,
                        GError    **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (QD_IS_REVIEWS (self), NULL);

  ids = qd_store_list_cycle_ids (self->store, error);
  if (ids == NULL)
    return NULL;
  list = g_list_store_new (QD_TYPE_REVIEW_CYCLE);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(QdReviewCycle) cycle = load_cycle (self, g_array_index (ids, gint64, i), error);
      if (cycle == NULL)
        return NULL;
      g_list_store_append (list, cycle);
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static gboolean
check_due (const char  *due,
           const char  *what,
           const char  *period_start,
           GError     **error)
{
  if (is_empty (due))
    return TRUE;
  if (!is_iso_date (due))
    return set_invalid (error, _("The %s deadline “%s” is not a date. Write it as year-month-day, for example 2026-10-09."),
                        what, due);
  if (strcmp (due, period_start) < 0)
    return set_invalid (error, _("The %s deadline %s comes before the period starts."), what, due);
  return TRUE;
}

static gboolean
check_targets (double   top,
               double   middle,
               double   bottom,
               GError **error)
{
  double values[] = { top, middle, bottom };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (!isfinite (values[i]) || values[i] < 0 || values[i] > 100)
      return set_invalid (error, _("Each band of the target distribution is between 0 and 100 %%."));
  if (fabs (top + middle + bottom - 100) > 0.001)
    return set_invalid (error, _("The target distribution adds up to %.0f %%; it must add up to 100 %%."),
                        top + middle + bottom);
  return TRUE;
}

/* Trims and checks a cycle's editable fields. */
static gboolean
check_cycle (QdReviews      *self,
             QdCycleRecord  *record,
             GError        **error)
{
  gint64 other;
  char **dues[] = { &record->self_due, &record->manager_due, &record->calibration_due };
  const char *what[] = { C_("deadline", "self review"), C_("deadline", "manager review"),
                         C_("deadline", "calibration") };

  g_strstrip (record->name);
  g_strstrip (record->period_start);
  g_strstrip (record->period_end);
  for (guint i = 0; i < G_N_ELEMENTS (dues); i++)
    {
      if (*dues[i] == NULL)
        *dues[i] = g_strdup ("");
      g_strstrip (*dues[i]);
    }

  if (*record->name == '\0')
    return set_invalid (error, _("Every review cycle needs a name, such as “2026 Q3”."));
  if (g_utf8_strlen (record->name, -1) > MAX_NAME_LENGTH)
    return set_invalid (error, _("A cycle name can be at most %d characters long."), MAX_NAME_LENGTH);
  other = qd_store_find_cycle_by_name (self->store, record->name, error);
  if (other < 0)
    return FALSE;
  if (other > 0 && other != record->id)
    return set_invalid (error, _("There is already a review cycle called “%s”."), record->name);

  if (!is_iso_date (record->period_start))
    return set_invalid (error, _("The period start “%s” is not a date. Write it as year-month-day, for example 2026-07-01."),
                        record->period_start);
  if (!is_iso_date (record->period_end))
    return set_invalid (error, _("The period end “%s” is not a date. Write it as year-month-day, for example 2026-09-30."),
                        record->period_end);
  if (strcmp (record->period_end, record->period_start) < 0)
    return set_invalid (error, _("The period ends (%s) before it starts (%s)."), record->period_end, record->period_start);

  for (guint i = 0; i < G_N_ELEMENTS (dues); i++)
    if (!check_due (*dues[i], what[i], record->period_start, error))
      return FALSE;
  if (!is_empty (record->self_due) && !is_empty (record->manager_due) &&
      strcmp (record->self_due, record->manager_due) > 0)
    return set_invalid (error, _("Self reviews are due after manager reviews; they should come first."));
  if (!is_empty (record->manager_due) && !is_empty (record->calibration_due) &&
      strcmp (record->manager_due, record->calibration_due) > 0)
    return set_invalid (error, _("Manager reviews are due after calibration; they should come first."));

  if (!check_targets (record->target_top, record->target_middle, record->target_bottom, error))
    return FALSE;

  if (record->template_id > 0)
    {
      g_auto(QdTemplateRecord) template = { 0 };
      if (!qd_store_load_template (self->store, record->template_id, &template, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
insert_cycle (QdReviews      *self,
              QdCycleRecord  *record,
              gint64          copy_from,
              GError        **error)
{
  QdParticipantsRule rule = QD_PARTICIPANTS_ALL_ACTIVE;
  gint64 id;

  record->id = 0;
  if (record->template_id <= 0)
    {
      record->template_id = ensure_default_template (self, error);
      if (record->template_id == 0)
        return 0;
    }
  if (!check_cycle (self, record, error))
    return 0;

  id = qd_store_insert_cycle (self->store, record, error);
  if (id == 0)
    return 0;

  qd_participants_rule_from_nick (record->participants_rule, &rule);
  if (rule == QD_PARTICIPANTS_ALL_ACTIVE)
    {
      if (!qd_store_add_active_participants (self->store, id, error))
        return 0;
    }
  else if (copy_from > 0 && !qd_store_copy_participants (self->store, copy_from, id, error))
    return 0;

  return id;
}

gint64
qd_reviews_add_cycle (QdReviews      *self,
                      QdReviewCycle  *cycle,
                      GError        **error)
{
  g_auto(QdCycleRecord) record = { 0 };
  gint64 id;

  g_return_val_if_fail (QD_IS_REVIEWS (self), 0);
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (cycle), 0);
  g_return_val_if_fail (qd_review_cycle_get_id (cycle) == 0, 0);

  qd_review_cycle_to_record (cycle, &record);

  if (!qd_store_begin (self->store, error))
    return 0;
  id = insert_cycle (self, &record, 0, error);
  return finish_id (self, id, error);
}

gboolean
qd_reviews_save_cycle (QdReviews      *self,
                       QdReviewCycle  *cycle,
                       GError        **error)
{
  g_auto(QdCycleRecord) stored = { 0 };
  g_auto(QdCycleRecord) record = { 0 };
  QdCycleStatus status;
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);
  g_return_val_if_fail (QD_IS_REVIEW_CYCLE (cycle), FALSE);
  g_return_val_if_fail (qd_review_cycle_get_id (cycle) > 0, FALSE);

  qd_review_cycle_to_record (cycle, &record);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_cycle_record (self, record.id, &stored, error);
  if (ok)
    {
      status = cycle_status (stored.status);
      if (record.template_id <= 0)
        record.template_id = stored.template_id;

      if (status == QD_CYCLE_STATUS_CLOSED)
        ok = set_workflow (error, _("%s is closed and can no longer change."), stored.name);
      else if (status != QD_CYCLE_STATUS_PLANNED &&
               (g_strcmp0 (record.period_start, stored.period_start) != 0 ||
                g_strcmp0 (record.period_end, stored.period_end) != 0 ||
                record.template_id != stored.template_id ||
                g_strcmp0 (record.participants_rule, stored.participants_rule) != 0))
        ok = set_workflow (error, _("%s is already open: its period, template and participants rule stay as they are."),
                           stored.name);
      else if (stored.ratings_locked &&
               (fabs (record.target_top - stored.target_top) > EPSILON ||
                fabs (record.target_middle - stored.target_middle) > EPSILON ||
                fabs (record.target_bottom - stored.target_bottom) > EPSILON))
        ok = check_cycle_not_locked (&stored, error);
    }
  if (ok)
    ok = check_cycle (self, &record, error) &&
         qd_store_update_cycle (self->store, &record, error);
  return finish (self, ok, error);
}

gboolean
qd_reviews_delete_cycle (QdReviews  *self,
                         gint64      id,
                         GError    **error)
{
  g_auto(QdCycleRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_cycle_record (self, id, &record, error);
  if (ok && cycle_status (record.status) != QD_CYCLE_STATUS_PLANNED)
    ok = set_workflow (error, _("%s has already opened, so it stays on record. Only a planned cycle can be deleted."),
                       record.name);
  if (ok)
    ok = qd_store_delete_cycle (self->store, id, error);
  return finish (self, ok, error);
}

static gboolean
is_quarter (const GDate *start,
            const GDate *end)
{
  GDate last;

  if (g_date_get_day (start) != 1 || (g_date_get_month (start) - 1) % 3 != 0)
    return FALSE;
  last = *start;
  g_date_add_months (&last, 3);
  g_date_subtract_days (&last, 1);
  return g_date_compare (&last, end) == 0;
}

/* Whole months from the first of a month to the last of a month: their
 * number, else 0. */
static int
whole_months (const GDate *start,
              const GDate *end)
{
  GDate after = *end;
  int months;

  g_date_add_days (&after, 1);
  if (g_date_get_day (start) != 1 || g_date_get_day (&after) != 1)
    return 0;
  months = (g_date_get_year (&after) - g_date_get_year (start)) * 12 +
           ((int) g_date_get_month (&after) - (int) g_date_get_month (start));
  return MAX (months, 0);
}

static char *
shift_due (const char  *due,
           const GDate *old_end,
           const GDate *new_end)
{
  GDate date;
  GDate shifted = *new_end;
  int offset;

  if (!parse_day (due, &date))
    return g_strdup ("");
  offset = g_date_days_between (old_end, &date);
  if (offset >= 0)
    g_date_add_days (&shifted, offset);
  else
    g_date_subtract_days (&shifted, -offset);
  return format_day (&shifted);
}

static char *
unique_cycle_name (QdReviews   *self,
                   const char  *base,
                   GError     **error)
{
  char *name = g_strdup (base);

  for (guint n = 2; ; n++)
    {
      gint64 other = qd_store_find_cycle_by_name (self->store, name, error);

      if (other < 0)
        {
          g_free (name);
          return NULL;
        }
      if (other == 0)
        return name;
      g_free (name);
      name = g_strdup_printf ("%s (%u)", base, n);
    }
}

gint64
qd_reviews_create_next_cycle (QdReviews  *self,
                              gint64      id,
                              GError    **error)
{
  g_auto(QdCycleRecord) record = { 0 };
  g_autofree char *base = NULL;
  GDate start, end, next_start, next_end;
  gint64 from;
  gint64 next = 0;
  int months;

  g_return_val_if_fail (QD_IS_REVIEWS (self), 0);

  if (!qd_store_begin (self->store, error))
    return 0;

  from = id > 0 ? id : qd_store_find_latest_cycle (self->store, error);
  if (from == 0)
    {
      g_set_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_NOT_FOUND,
                   _("There is no review cycle yet to continue from."));
      return finish_id (self, 0, NULL);
    }
  if (from < 0 || !load_cycle_record (self, from, &record, error) ||
      !parse_day (record.period_start, &start) || !parse_day (record.period_end, &end))
    return finish_id (self, 0, NULL);

  months = whole_months (&start, &end);
  next_start = end;
  g_date_add_days (&next_start, 1);
  next_end = next_start;
  if (months > 0)
    {
      g_date_add_months (&next_end, months);
      g_date_subtract_days (&next_end, 1);
    }
  else
    g_date_add_days (&next_end, g_date_days_between (&start, &end));

  if (is_quarter (&next_start, &next_end))
    /* Translators: the name of a quarter's review cycle: the year, then
     * the quarter's number, e.g. "2026 Q4" */
    base = g_strdup_printf (C_("cycle name", "%d Q%d"), g_date_get_year (&next_start),
                            (g_date_get_month (&next_start) - 1) / 3 + 1);
  else
    /* Translators: the name of a cycle made from another one, e.g. "Annual review (next)" */
    base = g_strdup_printf (C_("cycle name", "%s (next)"), record.name);

  g_free (record.name);
  record.name = unique_cycle_name (self, base, error);
  if (record.name == NULL)
    return finish_id (self, 0, NULL);

  {
    char *dues[] = { record.self_due, record.manager_due, record.calibration_due };

    record.self_due = shift_due (dues[0], &end, &next_end);
    record.manager_due = shift_due (dues[1], &end, &next_end);
    record.calibration_due = shift_due (dues[2], &end, &next_end);
    for (guint i = 0; i < G_N_ELEMENTS (dues); i++)
      g_free (dues[i]);
  }
  g_free (record.period_start);
  g_free (record.period_end);
  record.period_start = format_day (&next_start);
  record.period_end = format_day (&next_end);

  /* template_id is 0 when the template was deleted: the default then. */
  next = insert_cycle (self, &record, from, error);
  return finish_id (self, next, error);
}

static void
review_record_free (QdReviewRecord *record)
{
  qd_review_record_clear (record);
  g_free (record);
}

/* The reviews of a cycle, loaded. (element-type QdReviewRecord) */
static GPtrArray *
load_cycle_reviews (QdReviews  *self,
                    gint64      cycle_id,
                    GError    **error)
{
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) review_record_free);
  g_autoptr(GArray) ids = qd_store_list_review_ids (self->store, cycle_id, NULL, error);

  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      QdReviewRecord *record = g_new0 (QdReviewRecord, 1);

      g_ptr_array_add (reviews, record);
      if (!load_review_record (self, g_array_index (ids, gint64, i), record, error))
        return NULL;
    }
  return g_steal_pointer (&reviews);
}

static gboolean
open_cycle (QdReviews      *self,
            QdCycleRecord  *record,
            GError        **error)
{
  g_auto(QdTemplateRecord) template = { 0 };
  g_autoptr(GArray) competencies = NULL;

  if (cycle_status (record->status) != QD_CYCLE_STATUS_PLANNED)
    return set_workflow (error, _("%s is already open."), record->name);
  if (record->template_id <= 0)
    return set_workflow (error, _("%s has no review template. Choose one before opening it."), record->name);
  if (!qd_store_load_template (self->store, record->template_id, &template, error))
    return FALSE;
  competencies = qd_store_list_template_competencies (self->store, record->template_id, error);
  if (competencies == NULL)
    return FALSE;
  if (competencies->len == 0 && template.competencies_weight > 0)
    return set_workflow (error, _("The template “%s” has no competencies yet. Add some, or weigh competencies 0, before opening %s."),
                         template.name, record->name);
  if (g_strv_length (template.labels) != template.scale_points)
    return set_workflow (error, _("The rating scale of “%s” is missing labels."), template.name);
  if (record->n_participants == 0)
    return set_workflow (error, _("Nobody takes part in %s yet. Add participants before opening it."), record->name);

  return qd_store_freeze_cycle_template (self->store, record->id, record->template_id, error) &&
         qd_store_set_cycle_status (self->store, record->id, "open", FALSE, error);
}

gboolean
qd_reviews_open_cycle (QdReviews  *self,
                       gint64      id,
                       GError    **error)
{
  g_auto(QdCycleRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_cycle_record (self, id, &record, error) && open_cycle (self, &record, error);
  return finish (self, ok, error);
}

/* The names of the reviews that do not pass @test, leaving out members
 * who have left. */
static GPtrArray *
names_failing (GPtrArray *reviews,
               gboolean (*test) (const QdReviewRecord *record))
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < reviews->len; i++)
    {
      const QdReviewRecord *record = g_ptr_array_index (reviews, i);

      if (g_strcmp0 (record->member_status, "left") == 0)
        continue;
      if (!test (record))
        g_ptr_array_add (names, record->member_name);
    }
  return names;
}

static gboolean
manager_submitted (const QdReviewRecord *record)
{
  return !is_empty (record->manager_submitted_at);
}

static gboolean
calibrated_or_shared (const QdReviewRecord *record)
{
  return review_status (record) >= QD_REVIEW_STATUS_CALIBRATED;
}

gboolean
qd_reviews_start_calibration (QdReviews  *self,
                              gint64      id,
                              GError    **error)
{
  g_auto(QdCycleRecord) record = { 0 };
  g_autoptr(GPtrArray) reviews = NULL;
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_cycle_record (self, id, &record, error);
  if (ok && cycle_status (record.status) != QD_CYCLE_STATUS_OPEN)
    ok = set_workflow (error, cycle_status (record.status) == QD_CYCLE_STATUS_PLANNED
                              ? _("%s has not opened yet, so there is nothing to calibrate.")
                              : _("%s is already past the reviews."),
                       record.name);
  if (ok)
    ok = (reviews = load_cycle_reviews (self, id, error)) != NULL;
  if (ok)
    {
      g_autoptr(GPtrArray) missing = names_failing (reviews, manager_submitted);

      if (missing->len > 0)
        {
          g_autofree char *names = join_names (missing);
          ok = set_workflow (error, _("Calibration can start once every manager review is submitted. Still waiting for: %s."),
                             names);
        }
    }
  if (ok)
    ok = qd_store_set_cycle_status (self->store, id, "calibrating", FALSE, error);
  return finish (self, ok, error);
}

gboolean
qd_reviews_reopen_cycle (QdReviews  *self,
                         gint64      id,
                         GError    **error)
{
  g_auto(QdCycleRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_cycle_record (self, id, &record, error);
  if (ok && cycle_status (record.status) != QD_CYCLE_STATUS_CALIBRATING)
    ok = set_workflow (error, _("Only a cycle in calibration can be reopened; %s is “%s”."),
                       record.name, qd_cycle_status_to_label (cycle_status (record.status)));
  if (ok)
    ok = check_cycle_not_locked (&record, error);
  if (ok)
    ok = qd_store_set_cycle_status (self->store, id, "open", FALSE, error);
  return finish (self, ok, error);
}

static double
goals_progress (QdReviews   *self,
                gint64       member_id,
                const char  *from,
                const char  *to,
                GError     **error)
{
  double mean = NAN;

  if (!qd_store_goals_progress (self->store, member_id, from, to, &mean, NULL, error))
    return -1;
  return mean;
}

/* The caller holds the transaction. Keeps every review's goal progress,
 * then locks. */
static gboolean
lock_ratings (QdReviews      *self,
              QdCycleRecord  *record,
              GError        **error)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  if (cycle_status (record->status) != QD_CYCLE_STATUS_CALIBRATING)
    return set_workflow (error, _("Ratings are locked at the end of calibration; %s is “%s”."),
                         record->name, qd_cycle_status_to_label (cycle_status (record->status)));
  if (record->ratings_locked)
    return TRUE;

  reviews = load_cycle_reviews (self, record->id, error);
  if (reviews == NULL)
    return FALSE;
  missing = names_failing (reviews, calibrated_or_shared);
  if (missing->len > 0)
    {
      g_autofree char *names = join_names (missing);
      return set_workflow (error, _("Every review must be calibrated before the ratings are locked. Not calibrated yet: %s."),
                           names);
    }

  for (guint i = 0; i < reviews->len; i++)
    {
      QdReviewRecord *review = g_ptr_array_index (reviews, i);
      double progress = goals_progress (self, review->member_id, record->period_start, record->period_end, error);

      if (progress < 0)
        return FALSE;
      review->goals_progress = progress;
      if (!qd_store_update_review (self->store, review, error))
        return FALSE;
    }
  if (!qd_store_set_cycle_status (self->store, record->id, record->status, TRUE, error))
    return FALSE;
  record->ratings_locked = TRUE;
  return TRUE;
}

gboolean
qd_reviews_lock_ratings (QdReviews  *self,
                         gint64      id,
                         GError    **error)
{
  g_auto(QdCycleRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_cycle_record (self, id, &record, error);
  if (ok && record.ratings_locked)
    ok = set_workflow (error, _("The ratings of %s are already locked."), record.name);
  if (ok)
    ok = lock_ratings (self, &record, error);
  return finish (self, ok, error);
}

gboolean
qd_reviews_close_cycle (QdReviews  *self,
                        gint64      id,
                        GError    **error)
{
  g_auto(QdCycleRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_cycle_record (self, id, &record, error);
  if (ok && cycle_status (record.status) != QD_CYCLE_STATUS_CALIBRATING)
    ok = set_workflow (error, cycle_status (record.status) == QD_CYCLE_STATUS_CLOSED
                              ? _("%s is already closed.")
                              : _("%s closes after calibration. Start calibrating first."),
                       record.name);
  if (ok)
    ok = lock_ratings (self, &record, error) &&
         qd_store_set_cycle_status (self->store, id, "closed", TRUE, error);
  return finish (self, ok, error);
}

gboolean
qd_reviews_set_target_distribution (QdReviews  *self,
                                    gint64      id,
                                    double      top,
                                    double      middle,
                                    double      bottom,
                                    GError    **error)
{
  g_auto(QdCycleRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!check_targets (top, middle, bottom, error))
    return FALSE;

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_cycle_record (self, id, &record, error) && check_cycle_not_locked (&record, error);
  if (ok)
    {
      record.target_top = top;
      record.target_middle = middle;
      record.target_bottom = bottom;
      ok = qd_store_update_cycle (self->store, &record, error);
    }
  return finish (self, ok, error);
}

/* ---- participants ---- */

static gboolean
check_participants_change (const QdCycleRecord  *cycle,
                           GError              **error)
{
  if (cycle_status (cycle->status) == QD_CYCLE_STATUS_CLOSED)
    return set_workflow (error, _("%s is closed, so who took part stays as it is."), cycle->name);
  return check_cycle_not_locked (cycle, error);
}

gint64
qd_reviews_add_participant (QdReviews  *self,
                            gint64      cycle_id,
                            gint64      member_id,
                            GError    **error)
{
  g_auto(QdCycleRecord) cycle = { 0 };
  QdMemberRecord member = { 0 };
  gint64 id = 0;
  gint64 existing;

  g_return_val_if_fail (QD_IS_REVIEWS (self), 0);

  if (!qd_store_begin (self->store, error))
    return 0;
  if (load_cycle_record (self, cycle_id, &cycle, error) &&
      check_participants_change (&cycle, error) &&
      qd_store_load_member (self->store, member_id, &member, error))
    {
      existing = qd_store_find_review (self->store, cycle_id, member_id, error);
      if (existing > 0)
        set_invalid (error, _("%s already takes part in %s."), member.name, cycle.name);
      else if (existing == 0 && g_strcmp0 (member.status, "left") == 0)
        set_invalid (error, _("%s has left the team, so they cannot take part in %s."), member.name, cycle.name);
      else if (existing == 0)
        id = qd_store_insert_review (self->store, cycle_id, member_id, member.reports_to, error);
    }
  qd_member_record_clear (&member);
  return finish_id (self, id, error);
}

gboolean
qd_reviews_remove_participant (QdReviews  *self,
                               gint64      cycle_id,
                               gint64      member_id,
                               GError    **error)
{
  g_auto(QdCycleRecord) cycle = { 0 };
  g_auto(QdReviewRecord) review = { 0 };
  gboolean has_content = FALSE;
  gint64 review_id = 0;
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_cycle_record (self, cycle_id, &cycle, error) && check_participants_change (&cycle, error);
  if (ok)
    {
      review_id = qd_store_find_review (self->store, cycle_id, member_id, error);
      if (review_id == 0)
        {
          g_set_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_NOT_FOUND,
                       _("This person does not take part in %s."), cycle.name);
          ok = FALSE;
        }
      else
        ok = review_id > 0 && load_review_record (self, review_id, &review, error);
    }
  if (ok)
    ok = qd_store_review_has_content (self->store, review_id, &has_content, error);
  if (ok && has_content)
    {
      g_set_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_IN_USE,
                   _("%s’s review already has ratings, texts or 360 feedback, so it stays in %s. "
                     "If %s has left, set their status to “Left”."),
                   review.member_name, cycle.name, review.member_name);
      ok = FALSE;
    }
  if (ok)
    ok = qd_store_delete_review (self->store, review_id, error);
  return finish (self, ok, error);
}

gint64
qd_reviews_find_review (QdReviews  *self,
                        gint64      cycle_id,
                        gint64      member_id,
                        GError    **error)
{
  g_return_val_if_fail (QD_IS_REVIEWS (self), 0);
  return MAX (qd_store_find_review (self->store, cycle_id, member_id, error), 0);
}

/* ---- one review ---- */

QdReview *
qd_reviews_load_review (QdReviews  *self,
                        gint64      review_id,
                        GError    **error)
{
  g_auto(QdReviewRecord) record = { 0 };

  g_return_val_if_fail (QD_IS_REVIEWS (self), NULL);

  if (!load_review_record (self, review_id, &record, error))
    return NULL;
  return qd_review_new_from_record (&record);
}

gboolean
qd_reviews_set_reviewer (QdReviews  *self,
                         gint64      review_id,
                         gint64      reviewer_id,
                         GError    **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  QdMemberRecord reviewer = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_review_record (self, review_id, &record, error) && check_not_locked (&record, error);
  if (ok && cycle_status (record.cycle_status) == QD_CYCLE_STATUS_CLOSED)
    ok = refuse_for_cycle (&record, error);
  if (ok && reviewer_id > 0)
    {
      if (reviewer_id == record.member_id)
        ok = set_invalid (error, _("%s cannot review themselves; their self review is part of the review already."),
                          record.member_name);
      else if (!qd_store_load_member (self->store, reviewer_id, &reviewer, error))
        ok = FALSE;
      else if (g_strcmp0 (reviewer.status, "left") == 0)
        ok = set_invalid (error, _("%s has left the team, so they cannot review anyone."), reviewer.name);
    }
  if (ok)
    {
      record.reviewer_id = MAX (reviewer_id, 0);
      ok = qd_store_update_review (self->store, &record, error);
    }
  qd_member_record_clear (&reviewer);
  return finish (self, ok, error);
}

/* Checks the step to @to and applies it to @record (not stored). */
static gboolean
step_review (QdReviewRecord  *record,
             QdReviewStatus   to,
             GError         **error)
{
  QdReviewStatus from = review_status (record);
  QdCycleStatus cycle = cycle_status (record->cycle_status);
  const char *name = record->member_name;

  if (from == to)
    return TRUE;

  if (to < from)
    return set_workflow (error, _("%s’s review is “%s”; reviews only move forward, never back to “%s”."),
                         name, qd_review_status_to_label (from), qd_review_status_to_label (to));

  switch (to)
    {
    case QD_REVIEW_STATUS_SELF_REVIEW:
      if (cycle != QD_CYCLE_STATUS_OPEN)
        return refuse_for_cycle (record, error);
      break;

    case QD_REVIEW_STATUS_MANAGER_REVIEW:
      if (cycle != QD_CYCLE_STATUS_OPEN)
        return refuse_for_cycle (record, error);
      if (from == QD_REVIEW_STATUS_SELF_REVIEW)
        {
          g_free (record->self_submitted_at);
          record->self_submitted_at = now_utc ();
        }
      break;

    case QD_REVIEW_STATUS_CALIBRATED:
      if (from != QD_REVIEW_STATUS_MANAGER_REVIEW)
        return set_workflow (error, _("%s’s review needs a submitted manager review before it is calibrated."), name);
      if (cycle != QD_CYCLE_STATUS_CALIBRATING)
        return set_workflow (error, _("Reviews are calibrated while %s is in calibration."), record->cycle_name);
      if (!check_not_locked (record, error))
        return FALSE;
      if (is_empty (record->manager_submitted_at))
        return set_workflow (error, _("%s’s manager review has not been submitted yet."), name);
      if (isnan (record->calibrated_rating))
        record->calibrated_rating = record->overall_rating;
      break;

    case QD_REVIEW_STATUS_SHARED:
      if (from != QD_REVIEW_STATUS_CALIBRATED)
        return set_workflow (error, _("%s’s review is shared once it is calibrated."), name);
      if (!record->ratings_locked)
        return set_workflow (error, _("Lock the ratings of %s before sharing reviews, so nothing shared can change."),
                             record->cycle_name);
      g_free (record->shared_at);
      record->shared_at = now_utc ();
      break;

    case QD_REVIEW_STATUS_NOT_STARTED:
    default:
      g_assert_not_reached ();
    }

  if (record->ratings_locked && to != QD_REVIEW_STATUS_SHARED)
    return check_not_locked (record, error);

  g_free (record->status);
  record->status = g_strdup (qd_review_status_to_nick (to));
  return TRUE;
}

gboolean
qd_reviews_can_set_review_status (QdReviews       *self,
                                  gint64           review_id,
                                  QdReviewStatus   status,
                                  GError         **error)
{
  g_auto(QdReviewRecord) record = { 0 };

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);
  g_return_val_if_fail (status <= QD_REVIEW_STATUS_SHARED, FALSE);

  return load_review_record (self, review_id, &record, error) && step_review (&record, status, error);
}

gboolean
qd_reviews_set_review_status (QdReviews       *self,
                              gint64           review_id,
                              QdReviewStatus   status,
                              GError         **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);
  g_return_val_if_fail (status <= QD_REVIEW_STATUS_SHARED, FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_review_record (self, review_id, &record, error) &&
       step_review (&record, status, error) &&
       qd_store_update_review (self->store, &record, error);
  return finish (self, ok, error);
}

/* The manager's part can be written: manager review, cycle open. */
static gboolean
check_manager_part (const QdReviewRecord  *record,
                    GError               **error)
{
  QdReviewStatus status = review_status (record);

  if (!check_not_locked (record, error))
    return FALSE;
  if (cycle_status (record->cycle_status) != QD_CYCLE_STATUS_OPEN)
    return refuse_for_cycle (record, error);
  if (status < QD_REVIEW_STATUS_MANAGER_REVIEW)
    return set_workflow (error, _("%s’s self review is still under way. Submit it or skip it before the manager review."),
                         record->member_name);
  if (status > QD_REVIEW_STATUS_MANAGER_REVIEW)
    return set_workflow (error, _("%s’s review is already calibrated."), record->member_name);
  return TRUE;
}

gboolean
qd_reviews_submit_manager_review (QdReviews  *self,
                                  gint64      review_id,
                                  GError    **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_review_record (self, review_id, &record, error) && check_manager_part (&record, error);
  if (ok && isnan (record.overall_rating))
    ok = set_workflow (error, _("Give %s an overall rating before submitting the manager review."), record.member_name);
  if (ok)
    {
      g_free (record.manager_submitted_at);
      record.manager_submitted_at = now_utc ();
      ok = qd_store_update_review (self->store, &record, error);
    }
  return finish (self, ok, error);
}

static GArray *
cycle_competencies_for (QdReviews  *self,
                        gint64      cycle_id,
                        GError    **error)
{
  return qd_store_list_cycle_competencies (self->store, cycle_id, error);
}

GPtrArray *
qd_reviews_list_ratings (QdReviews  *self,
                         gint64      review_id,
                         GError    **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  g_autoptr(GArray) competencies = NULL;
  g_autoptr(GArray) ratings = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (QD_IS_REVIEWS (self), NULL);

  if (!load_review_record (self, review_id, &record, error) ||
      (competencies = cycle_competencies_for (self, record.cycle_id, error)) == NULL ||
      (ratings = qd_store_list_review_ratings (self->store, review_id, error)) == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_competency_ratings_free);
  for (guint i = 0; i < competencies->len; i++)
    {
      const QdCompetencyRecord *c = &g_array_index (competencies, QdCompetencyRecord, i);
      QdCompetencyRatings *row = g_new0 (QdCompetencyRatings, 1);

      row->competency_id = c->id;
      row->group = g_strdup (c->group_name);
      row->name = g_strdup (c->name);
      row->description = g_strdup (c->description);
      row->weight = c->weight;
      for (guint j = 0; j < ratings->len; j++)
        {
          const QdRatingRecord *r = &g_array_index (ratings, QdRatingRecord, j);

          if (r->competency_id != c->id)
            continue;
          if (g_strcmp0 (r->source, "self") == 0)
            {
              row->self_rating = r->rating;
              row->self_comment = g_strdup (r->comment);
            }
          else
            {
              row->manager_rating = r->rating;
              row->manager_comment = g_strdup (r->comment);
            }
        }
      if (row->self_comment == NULL)
        row->self_comment = g_strdup ("");
      if (row->manager_comment == NULL)
        row->manager_comment = g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

static gboolean
check_competency_in_cycle (QdReviews            *self,
                           const QdReviewRecord *record,
                           gint64                competency_id,
                           GError              **error)
{
  g_autoptr(GArray) competencies = cycle_competencies_for (self, record->cycle_id, error);

  if (competencies == NULL)
    return FALSE;
  for (guint i = 0; i < competencies->len; i++)
    if (g_array_index (competencies, QdCompetencyRecord, i).id == competency_id)
      return TRUE;
  g_set_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_NOT_FOUND,
               _("This competency is not part of %s."), record->cycle_name);
  return FALSE;
}

gboolean
qd_reviews_set_rating (QdReviews       *self,
                       gint64           review_id,
                       gint64           competency_id,
                       QdRatingSource   source,
                       guint            rating,
                       const char      *comment,
                       GError         **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  g_autofree char *text = trimmed (comment);
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);
  g_return_val_if_fail (source == QD_RATING_SOURCE_SELF || source == QD_RATING_SOURCE_MANAGER, FALSE);

  if (g_utf8_strlen (text, -1) > MAX_TEXT_LENGTH)
    return set_invalid (error, _("A comment can be at most %d characters long."), MAX_TEXT_LENGTH);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_review_record (self, review_id, &record, error);
  if (ok && source == QD_RATING_SOURCE_SELF)
    {
      ok = check_not_locked (&record, error);
      if (ok && cycle_status (record.cycle_status) != QD_CYCLE_STATUS_OPEN)
        ok = refuse_for_cycle (&record, error);
      if (ok && review_status (&record) > QD_REVIEW_STATUS_SELF_REVIEW)
        ok = set_workflow (error, _("%s’s self review was already submitted."), record.member_name);
      /* The first self rating starts the self review. */
      if (ok && review_status (&record) == QD_REVIEW_STATUS_NOT_STARTED)
        ok = step_review (&record, QD_REVIEW_STATUS_SELF_REVIEW, error) &&
             qd_store_update_review (self->store, &record, error);
    }
  else if (ok)
    ok = check_manager_part (&record, error);

  if (ok && rating > record.scale_points)
    ok = set_invalid (error, _("The rating %u is off the scale, which goes from 1 to %u."), rating, record.scale_points);
  if (ok)
    ok = check_competency_in_cycle (self, &record, competency_id, error) &&
         qd_store_set_review_rating (self->store, review_id, competency_id,
                                     qd_rating_source_to_nick (source), rating, text, error);
  return finish (self, ok, error);
}

gboolean
qd_reviews_set_kpi_rating (QdReviews  *self,
                           gint64      review_id,
                           double      rating,
                           GError    **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_review_record (self, review_id, &record, error) &&
       check_manager_part (&record, error) &&
       check_rating_value (rating, record.scale_points, C_("rating kind", "KPI rating"), error);
  if (ok)
    {
      record.kpi_rating = rating;
      ok = qd_store_update_review (self->store, &record, error);
    }
  return finish (self, ok, error);
}

gboolean
qd_reviews_set_overall_rating (QdReviews  *self,
                               gint64      review_id,
                               double      rating,
                               GError    **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_review_record (self, review_id, &record, error) &&
       check_manager_part (&record, error) &&
       check_rating_value (rating, record.scale_points, C_("rating kind", "overall rating"), error);
  if (ok)
    {
      record.overall_rating = rating;
      ok = qd_store_update_review (self->store, &record, error);
    }
  return finish (self, ok, error);
}

gboolean
qd_reviews_set_summary (QdReviews   *self,
                        gint64       review_id,
                        const char  *strengths,
                        const char  *improvements,
                        GError     **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (g_utf8_strlen (strengths != NULL ? strengths : "", -1) > MAX_TEXT_LENGTH ||
      g_utf8_strlen (improvements != NULL ? improvements : "", -1) > MAX_TEXT_LENGTH)
    return set_invalid (error, _("Strengths and areas to improve can be at most %d characters long each."),
                        MAX_TEXT_LENGTH);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_review_record (self, review_id, &record, error);
  if (ok && cycle_status (record.cycle_status) == QD_CYCLE_STATUS_PLANNED)
    ok = refuse_for_cycle (&record, error);
  if (ok && review_status (&record) == QD_REVIEW_STATUS_SHARED)
    ok = set_workflow (error, _("%s’s review was already shared with them, so it stays as they read it."),
                       record.member_name);
  if (ok)
    {
      g_free (record.strengths);
      g_free (record.improvements);
      record.strengths = g_strdup (strengths != NULL ? strengths : "");
      record.improvements = g_strdup (improvements != NULL ? improvements : "");
      ok = qd_store_update_review (self->store, &record, error);
    }
  return finish (self, ok, error);
}

gboolean
qd_reviews_set_potential (QdReviews    *self,
                          gint64        review_id,
                          QdPotential   potential,
                          GError      **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  QdCycleStatus cycle;
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);
  g_return_val_if_fail (potential <= QD_POTENTIAL_HIGH, FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_review_record (self, review_id, &record, error) && check_not_locked (&record, error);
  if (ok)
    {
      cycle = cycle_status (record.cycle_status);
      if (cycle != QD_CYCLE_STATUS_OPEN && cycle != QD_CYCLE_STATUS_CALIBRATING)
        ok = refuse_for_cycle (&record, error);
    }
  if (ok)
    {
      g_free (record.potential);
      record.potential = g_strdup (qd_potential_to_nick (potential));
      ok = qd_store_update_review (self->store, &record, error);
    }
  return finish (self, ok, error);
}

/* Calibrates @record to @rating (NAN: back to the overall rating). */
static gboolean
calibrate (QdReviewRecord  *record,
           double           rating,
           GError         **error)
{
  QdReviewStatus status = review_status (record);

  if (!check_not_locked (record, error))
    return FALSE;
  if (cycle_status (record->cycle_status) != QD_CYCLE_STATUS_CALIBRATING)
    return set_workflow (error, _("Reviews are calibrated while %s is in calibration."), record->cycle_name);
  if (status < QD_REVIEW_STATUS_MANAGER_REVIEW || is_empty (record->manager_submitted_at))
    return set_workflow (error, _("%s’s manager review has not been submitted yet."), record->member_name);
  if (!check_rating_value (rating, record->scale_points, C_("rating kind", "calibrated rating"), error))
    return FALSE;

  if (status == QD_REVIEW_STATUS_MANAGER_REVIEW && !step_review (record, QD_REVIEW_STATUS_CALIBRATED, error))
    return FALSE;
  record->calibrated_rating = isnan (rating) ? record->overall_rating : rating;
  return TRUE;
}

gboolean
qd_reviews_calibrate (QdReviews  *self,
                      gint64      review_id,
                      double      rating,
                      GError    **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_review_record (self, review_id, &record, error) &&
       calibrate (&record, rating, error) &&
       qd_store_update_review (self->store, &record, error);
  return finish (self, ok, error);
}

gboolean
qd_reviews_move_in_nine_box (QdReviews    *self,
                             gint64        review_id,
                             QdTier        performance,
                             QdPotential   potential,
                             GError      **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  double current;
  double rating;
  guint lowest = 0;
  guint highest = 0;
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);
  g_return_val_if_fail (performance <= QD_TIER_BOTTOM, FALSE);

  if (potential == QD_POTENTIAL_UNSET || potential > QD_POTENTIAL_HIGH)
    return set_invalid (error, _("Choose a potential (low, medium or high) for the box."));

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = load_review_record (self, review_id, &record, error);
  if (ok && !qd_review_scale_tier_range (record.scale_points, performance, &lowest, &highest))
    ok = set_invalid (error, _("A scale of %u points has no “%s” performance band."),
                      record.scale_points, qd_review_performance_to_label (performance));
  if (ok)
    {
      current = isnan (record.calibrated_rating) ? record.overall_rating : record.calibrated_rating;
      if (isnan (current))
        rating = floor ((lowest + highest) / 2.0);
      else if (qd_review_scale_tier (record.scale_points, current) == performance)
        rating = current;
      else if (current < lowest)
        rating = lowest;
      else
        rating = highest;

      ok = calibrate (&record, rating, error);
    }
  if (ok)
    {
      g_free (record.potential);
      record.potential = g_strdup (qd_potential_to_nick (potential));
      ok = qd_store_update_review (self->store, &record, error);
    }
  return finish (self, ok, error);
}

/* ---- scores ---- */

double
qd_reviews_goals_score (QdReviews   *self,
                        gint64       member_id,
                        const char  *from,
                        const char  *to)
{
  g_autoptr(GError) error = NULL;
  double progress;

  g_return_val_if_fail (QD_IS_REVIEWS (self), NAN);
  g_return_val_if_fail (from != NULL && to != NULL, NAN);

  progress = goals_progress (self, member_id, from, to, &error);
  if (progress < 0)
    {
      g_warning ("The goals of member %" G_GINT64_FORMAT " could not be read: %s", member_id, error->message);
      return NAN;
    }
  return progress;
}

gboolean
qd_reviews_get_score (QdReviews      *self,
                      gint64          review_id,
                      QdReviewScore  *score,
                      GError        **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  g_auto(QdCycleRecord) cycle = { 0 };
  g_autoptr(GArray) competencies = NULL;
  g_autoptr(GArray) ratings = NULL;
  double sum = 0;
  double weights = 0;
  double progress;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);
  g_return_val_if_fail (score != NULL, FALSE);

  if (!load_review_record (self, review_id, &record, error) ||
      !load_cycle_record (self, record.cycle_id, &cycle, error) ||
      (competencies = cycle_competencies_for (self, record.cycle_id, error)) == NULL ||
      (ratings = qd_store_list_review_ratings (self->store, review_id, error)) == NULL)
    return FALSE;

  qd_review_score_init (score, cycle.scale_points,
                        isnan (cycle.competencies_weight) ? 0 : cycle.competencies_weight,
                        isnan (cycle.kpi_weight) ? 0 : cycle.kpi_weight,
                        isnan (cycle.goals_weight) ? 0 : cycle.goals_weight);
  if (cycle.scale_points == 0)
    {
      /* Planned: nothing is rated yet. */
      qd_review_score_compute (score);
      return TRUE;
    }

  score->n_competencies = competencies->len;
  for (guint i = 0; i < competencies->len; i++)
    {
      const QdCompetencyRecord *c = &g_array_index (competencies, QdCompetencyRecord, i);

      for (guint j = 0; j < ratings->len; j++)
        {
          const QdRatingRecord *r = &g_array_index (ratings, QdRatingRecord, j);

          if (r->competency_id != c->id || g_strcmp0 (r->source, "manager") != 0 || r->rating == 0)
            continue;
          sum += r->rating * c->weight;
          weights += c->weight;
          score->n_manager_rated++;
        }
    }
  qd_review_score_set_section (score, QD_REVIEW_SECTION_COMPETENCIES, weights > 0 ? sum / weights : NAN);
  qd_review_score_set_section (score, QD_REVIEW_SECTION_KPIS, record.kpi_rating);

  if (record.ratings_locked)
    progress = record.goals_progress;
  else
    {
      progress = goals_progress (self, record.member_id, record.period_start, record.period_end, error);
      if (progress < 0)
        return FALSE;
    }
  score->goals_progress = progress;
  qd_review_score_set_section (score, QD_REVIEW_SECTION_GOALS,
                               qd_review_scale_from_percent (cycle.scale_points, progress));
  qd_review_score_compute (score);
  return TRUE;
}

void
qd_review_kpi_free (QdReviewKpi *kpi)
{
  if (kpi == NULL)
    return;
  g_free (kpi->metric);
  g_free (kpi->name);
  g_free (kpi->value_label);
  g_free (kpi);
}

GPtrArray *
qd_reviews_get_kpi_results (QdReviews  *self,
                            gint64      review_id,
                            GError    **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  g_autoptr(GPtrArray) metrics = NULL;
  g_autoptr(GPtrArray) results = NULL;

  g_return_val_if_fail (QD_IS_REVIEWS (self), NULL);

  if (!load_review_record (self, review_id, &record, error))
    return NULL;
  if (self->kpis == NULL)
    self->kpis = qd_kpis_new (self->store);

  metrics = qd_kpis_list_metrics (self->kpis, error);
  if (metrics == NULL)
    return NULL;

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_review_kpi_free);
  for (guint i = 0; i < metrics->len; i++)
    {
      QdMetricInfo *info = g_ptr_array_index (metrics, i);
      g_autoptr(GPtrArray) series = NULL;
      QdReviewKpi *kpi;
      double sum = 0;
      double weights = 0;
      guint samples = 0;
      guint n_values = 0;

      series = qd_kpis_get_series (self->kpis, info->key, QD_SCOPE_MEMBER, &record.member_id, 1,
                                   QD_PERIOD_MONTH, record.period_start, record.period_end, error);
      if (series == NULL)
        return NULL;

      if (series->len > 0)
        {
          QdKpiSeries *s = g_ptr_array_index (series, 0);

          for (guint p = 0; p < s->n_points; p++)
            {
              double w;

              if (isnan (s->values[p]))
                continue;
              n_values++;
              samples += s->sample_sizes != NULL ? s->sample_sizes[p] : 0;
              if (info->unit == QD_METRIC_UNIT_COUNT)
                {
                  sum += s->values[p];
                  weights = 1;
                  continue;
                }
              w = s->sample_sizes != NULL && s->sample_sizes[p] > 0 ? s->sample_sizes[p] : 1;
              sum += s->values[p] * w;
              weights += w;
            }
        }

      kpi = g_new0 (QdReviewKpi, 1);
      kpi->metric = g_strdup (info->key);
      kpi->name = g_strdup (info->name);
      kpi->unit = info->unit;
      kpi->higher_is_better = info->higher_is_better;
      kpi->value = n_values > 0 && weights > 0 ? sum / weights : NAN;
      kpi->value_label = qd_metric_format_value (info->unit, kpi->value);
      kpi->sample_size = samples;
      kpi->has_target = info->has_target;
      kpi->target = info->has_target ? info->target : NAN;
      kpi->met = info->has_target && !isnan (kpi->value) &&
                 (info->higher_is_better ? kpi->value >= info->target : kpi->value <= info->target);
      g_ptr_array_add (results, kpi);
    }
  return g_steal_pointer (&results);
}

/* ---- 360 feedback ---- */

static gboolean
check_feedback_open (const QdReviewRecord  *record,
                     GError               **error)
{
  QdCycleStatus cycle = cycle_status (record->cycle_status);

  if (!check_not_locked (record, error))
    return FALSE;
  if (cycle != QD_CYCLE_STATUS_OPEN && cycle != QD_CYCLE_STATUS_CALIBRATING)
    return refuse_for_cycle (record, error);
  return TRUE;
}

static gint64
add_feedback (QdReviews              *self,
              const QdReviewRecord   *record,
              GArray                 *competencies,
              const QdFeedbackInput  *input,
              GError                **error)
{
  g_auto(QdFeedbackRecord) feedback = { 0 };
  g_autofree char *name = trimmed (input->respondent_name);
  g_autofree char *comment = trimmed (input->comment);

  if (input->relationship > QD_RELATIONSHIP_OTHER)
    return set_invalid (error, _("Say how the respondent works with %s: peer, direct report, manager or other."),
                        record->member_name);
  if (input->anonymous && *name != '\0')
    return set_invalid (error, _("An anonymous response cannot carry the respondent’s name. Leave the name out, or make the response named."));
  if (!input->anonymous && *name == '\0')
    return set_invalid (error, _("A named response needs the respondent’s name. Give it, or make the response anonymous."));
  if (g_utf8_strlen (name, -1) > 200 || g_utf8_strlen (comment, -1) > MAX_TEXT_LENGTH)
    return set_invalid (error, _("The name or comment of the response is too long."));
  if (input->submitted_on != NULL && !is_iso_date (input->submitted_on))
    return set_invalid (error, _("The date “%s” is not a date. Write it as year-month-day, for example 2026-09-30."),
                        input->submitted_on);
  if (input->n_ratings == 0 && *comment == '\0')
    return set_invalid (error, _("The response has no ratings and no comment."));

  feedback.review_id = record->id;
  feedback.relationship = g_strdup (qd_relationship_to_nick (input->relationship));
  feedback.anonymous = input->anonymous;
  feedback.respondent_name = input->anonymous ? NULL : g_steal_pointer (&name);
  feedback.comment = g_steal_pointer (&comment);
  feedback.submitted_on = input->submitted_on != NULL ? g_strdup (input->submitted_on) : today_local ();
  feedback.ratings = g_array_new (FALSE, FALSE, sizeof (QdFeedbackRatingRecord));

  for (guint i = 0; i < input->n_ratings; i++)
    {
      QdFeedbackRatingRecord r = { input->competency_ids[i], input->ratings[i] };
      gboolean known = FALSE;

      for (guint c = 0; c < competencies->len; c++)
        if (g_array_index (competencies, QdCompetencyRecord, c).id == r.competency_id)
          known = TRUE;
      if (!known)
        {
          g_set_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_NOT_FOUND,
                       _("A rated competency is not part of %s."), record->cycle_name);
          return 0;
        }
      if (r.rating < 1 || r.rating > record->scale_points)
        return set_invalid (error, _("The rating %u is off the scale, which goes from 1 to %u."),
                            r.rating, record->scale_points);
      for (guint j = 0; j < i; j++)
        if (input->competency_ids[j] == r.competency_id)
          return set_invalid (error, _("The response rates the same competency twice."));
      g_array_append_val (feedback.ratings, r);
    }

  return qd_store_insert_feedback (self->store, &feedback, error);
}

gint64
qd_reviews_add_feedback (QdReviews              *self,
                         gint64                  review_id,
                         const QdFeedbackInput  *input,
                         GError                **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  g_autoptr(GArray) competencies = NULL;
  gint64 id = 0;

  g_return_val_if_fail (QD_IS_REVIEWS (self), 0);
  g_return_val_if_fail (input != NULL, 0);
  g_return_val_if_fail (input->n_ratings == 0 || (input->competency_ids != NULL && input->ratings != NULL), 0);

  if (!qd_store_begin (self->store, error))
    return 0;
  if (load_review_record (self, review_id, &record, error) &&
      check_feedback_open (&record, error) &&
      (competencies = cycle_competencies_for (self, record.cycle_id, error)) != NULL)
    id = add_feedback (self, &record, competencies, input, error);
  return finish_id (self, id, error);
}

gboolean
qd_reviews_delete_feedback (QdReviews  *self,
                            gint64      response_id,
                            GError    **error)
{
  g_auto(QdFeedbackRecord) feedback = { 0 };
  g_auto(QdReviewRecord) record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;
  ok = qd_store_load_feedback (self->store, response_id, &feedback, error) &&
       load_review_record (self, feedback.review_id, &record, error) &&
       check_feedback_open (&record, error);
  if (ok && feedback.anonymous)
    ok = set_invalid (error, _("Anonymous responses are only handled together, never one by one."));
  if (ok)
    ok = qd_store_delete_feedback (self->store, response_id, error);
  return finish (self, ok, error);
}

static const char *
competency_name (GArray *competencies,
                 gint64  id)
{
  for (guint i = 0; i < competencies->len; i++)
    if (g_array_index (competencies, QdCompetencyRecord, i).id == id)
      return g_array_index (competencies, QdCompetencyRecord, i).name;
  return "";
}

QdFeedbackSummary *
qd_reviews_get_feedback (QdReviews  *self,
                         gint64      review_id,
                         GError    **error)
{
  g_auto(QdReviewRecord) record = { 0 };
  g_autoptr(QdFeedbackSummary) summary = NULL;
  g_autoptr(GArray) competencies = NULL;
  g_autoptr(GArray) named = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (QD_IS_REVIEWS (self), NULL);

  if (!load_review_record (self, review_id, &record, error) ||
      (competencies = cycle_competencies_for (self, record.cycle_id, error)) == NULL ||
      (named = qd_store_list_named_feedback (self->store, review_id, error)) == NULL)
    return NULL;

  summary = g_new0 (QdFeedbackSummary, 1);
  summary->named = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_feedback_response_free);
  summary->anonymous_averages = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_feedback_average_free);

  for (guint i = 0; i < named->len; i++)
    {
      QdFeedbackRecord *f = &g_array_index (named, QdFeedbackRecord, i);
      QdFeedbackResponse *response = g_new0 (QdFeedbackResponse, 1);

      response->id = f->id;
      if (!qd_relationship_from_nick (f->relationship, &response->relationship))
        response->relationship = QD_RELATIONSHIP_OTHER;
      response->respondent_name = g_strdup (f->respondent_name);
      response->comment = g_strdup (f->comment);
      response->submitted_on = g_strdup (f->submitted_on);
      response->ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_feedback_rating_free);
      for (guint j = 0; j < f->ratings->len; j++)
        {
          QdFeedbackRatingRecord *r = &g_array_index (f->ratings, QdFeedbackRatingRecord, j);
          QdFeedbackRating *rating = g_new0 (QdFeedbackRating, 1);

          rating->competency_id = r->competency_id;
          rating->name = g_strdup (competency_name (competencies, r->competency_id));
          rating->rating = r->rating;
          g_ptr_array_add (response->ratings, rating);
        }
      g_ptr_array_add (summary->named, response);
    }

  summary->n_anonymous = qd_store_count_anonymous_feedback (self->store, review_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  summary->anonymous_shown = summary->n_anonymous >= QD_FEEDBACK_MIN_ANONYMOUS;

  if (!summary->anonymous_shown)
    {
      summary->anonymous_note = g_strdup (summary->n_anonymous > 0
                                          ? _("Hidden: fewer than three anonymous responses")
                                          : "");
      summary->anonymous_comments = g_new0 (char *, 1);
      return g_steal_pointer (&summary);
    }

  {
    g_autoptr(GArray) means = qd_store_list_anonymous_feedback_means (self->store, review_id,
                                                                      QD_FEEDBACK_MIN_ANONYMOUS, error);
    if (means == NULL)
      return NULL;
    summary->anonymous_comments = qd_store_list_anonymous_comments (self->store, review_id, error);
    if (summary->anonymous_comments == NULL)
      return NULL;
    summary->anonymous_note = g_strdup ("");

    for (guint c = 0; c < competencies->len; c++)
      {
        const QdCompetencyRecord *comp = &g_array_index (competencies, QdCompetencyRecord, c);
        QdFeedbackAverage *average = g_new0 (QdFeedbackAverage, 1);

        average->competency_id = comp->id;
        average->name = g_strdup (comp->name);
        average->mean = NAN;
        for (guint m = 0; m < means->len; m++)
          {
            const QdFeedbackMeanRecord *mean = &g_array_index (means, QdFeedbackMeanRecord, m);
            if (mean->competency_id == comp->id)
              {
                average->shown = TRUE;
                average->mean = mean->mean;
                average->n = mean->n;
              }
          }
        g_ptr_array_add (summary->anonymous_averages, average);
      }
  }
  return g_steal_pointer (&summary);
}

static int
compare_row_errors (gconstpointer a,
                    gconstpointer b)
{
  const QdFeedbackRowError *ea = *(QdFeedbackRowError * const *) a;
  const QdFeedbackRowError *eb = *(QdFeedbackRowError * const *) b;

  return ea->row < eb->row ? -1 : ea->row > eb->row ? 1 : 0;
}

static void
add_row_error (QdFeedbackImportReport *report,
               guint                   row,
               const char             *reason)
{
  g_autofree char *message = g_strdup_printf (_("Row %u: %s."), row, reason);

  g_ptr_array_add (report->errors, qd_feedback_row_error_new (row, message));
}

/* The participant a row is about: by email, else by name. NULL with
 * @reason set when there is none or more than one. */
static const QdReviewRecord *
match_reviewee (GPtrArray   *reviews,
                const char  *cycle_name,
                const char  *reviewee,
                char       **reason)
{
  g_autofree char *folded = fold (reviewee);
  const QdReviewRecord *found = NULL;
  guint n_found = 0;

  if (strchr (reviewee, '@') != NULL)
    {
      for (guint i = 0; i < reviews->len; i++)
        {
          const QdReviewRecord *record = g_ptr_array_index (reviews, i);

          if (record->member_email != NULL && g_ascii_strcasecmp (record->member_email, reviewee) == 0)
            return record;
        }
    }

  for (guint i = 0; i < reviews->len; i++)
    {
      const QdReviewRecord *record = g_ptr_array_index (reviews, i);
      g_autofree char *name = fold (record->member_name);

      if (strcmp (name, folded) == 0)
        {
          found = record;
          n_found++;
        }
    }

  if (n_found == 1)
    return found;
  if (n_found > 1)
    *reason = g_strdup_printf (_("two people in %s are called “%s”; write their email instead"), cycle_name, reviewee);
  else
    *reason = g_strdup_printf (_("“%s” does not take part in %s"), reviewee, cycle_name);
  return NULL;
}

static gboolean
import_rows (QdReviews               *self,
             QdCycleRecord           *cycle,
             GArray                  *competencies,
             QdFeedbackFile          *file,
             QdFeedbackImportReport  *report,
             GError                 **error)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree gint64 *ids = g_new0 (gint64, MAX (competencies->len, 1));
  g_autofree guint *ratings = g_new0 (guint, MAX (competencies->len, 1));

  reviews = load_cycle_reviews (self, cycle->id, error);
  if (reviews == NULL)
    return FALSE;

  for (guint i = 0; i < file->rows->len; i++)
    {
      const QdFeedbackRow *row = g_ptr_array_index (file->rows, i);
      g_autofree char *reason = NULL;
      g_autoptr(GError) local_error = NULL;
      const QdReviewRecord *review;
      QdFeedbackInput input = { 0 };
      guint n = 0;
      gint64 id;

      review = match_reviewee (reviews, cycle->name, row->reviewee, &reason);
      if (review == NULL)
        {
          add_row_error (report, row->row, reason);
          continue;
        }

      for (guint c = 0; c < competencies->len; c++)
        if (row->ratings[c] > 0)
          {
            ids[n] = g_array_index (competencies, QdCompetencyRecord, c).id;
            ratings[n] = row->ratings[c];
            n++;
          }

      qd_relationship_from_nick (row->relationship, &input.relationship);
      input.anonymous = row->anonymous;
      input.respondent_name = row->anonymous ? NULL : row->respondent_name;
      input.comment = row->comment;
      input.submitted_on = row->submitted_on;
      input.n_ratings = n;
      input.competency_ids = ids;
      input.ratings = ratings;

      id = add_feedback (self, review, competencies, &input, &local_error);
      if (id == 0)
        {
          if (local_error == NULL || local_error->domain != QD_REVIEWS_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_ptr_array_add (report->errors,
                           qd_feedback_row_error_new (row->row, local_error->message));
          {
            QdFeedbackRowError *last = g_ptr_array_index (report->errors, report->errors->len - 1);
            g_autofree char *message = g_strdup_printf (_("Row %u: %s"), row->row, local_error->message);
            g_free (last->reason);
            last->reason = g_steal_pointer (&message);
          }
          continue;
        }

      report->n_imported++;
      if (row->anonymous)
        report->n_anonymous++;
      else
        report->n_named++;
      if (row->name_dropped)
        report->n_names_dropped++;
      if (!g_hash_table_contains (touched, &review->id))
        g_hash_table_add (touched, g_memdup2 (&review->id, sizeof (gint64)));
    }

  report->n_reviews = g_hash_table_size (touched);
  return TRUE;
}

gboolean
qd_reviews_import_feedback (QdReviews                *self,
                            gint64                    cycle_id,
                            const char               *data,
                            gsize                     length,
                            QdFeedbackImportFlags     flags,
                            QdFeedbackImportReport  **report_out,
                            GError                  **error)
{
  g_autoptr(QdFeedbackImportReport) report = NULL;
  g_autoptr(QdFeedbackFile) file = NULL;
  g_autoptr(GArray) competencies = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) competency_names = NULL;
  g_auto(QdCycleRecord) cycle = { 0 };
  QdCycleStatus status;
  gboolean ok;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (report_out != NULL)
    *report_out = NULL;

  if (!qd_store_begin (self->store, error))
    return FALSE;

  ok = load_cycle_record (self, cycle_id, &cycle, error) && check_cycle_not_locked (&cycle, error);
  if (ok)
    {
      status = cycle_status (cycle.status);
      if (status != QD_CYCLE_STATUS_OPEN && status != QD_CYCLE_STATUS_CALIBRATING)
        ok = set_workflow (error, status == QD_CYCLE_STATUS_PLANNED
                                  ? _("%s has not opened yet, so it cannot take 360 feedback.")
                                  : _("%s is closed, so it takes no more 360 feedback."),
                           cycle.name);
    }
  if (ok)
    ok = (competencies = cycle_competencies_for (self, cycle_id, error)) != NULL;
  if (ok)
    {
      for (guint c = 0; c < competencies->len; c++)
        g_strv_builder_add (names, g_array_index (competencies, QdCompetencyRecord, c).name);
      competency_names = g_strv_builder_end (names);
      file = qd_feedback_file_parse (data, length, (const char * const *) competency_names,
                                     cycle.scale_points, error);
      ok = file != NULL;
    }
  if (!ok)
    return finish (self, FALSE, NULL);

  report = g_new0 (QdFeedbackImportReport, 1);
  report->errors = g_steal_pointer (&file->errors);
  report->ignored_columns = g_steal_pointer (&file->ignored_columns);
  report->n_rows = file->rows->len + report->errors->len;

  ok = import_rows (self, &cycle, competencies, file, report, error);
  g_ptr_array_sort (report->errors, compare_row_errors);

  if (ok && report->errors->len > 0 && !(flags & QD_FEEDBACK_IMPORT_SKIP_BAD_ROWS))
    {
      g_autoptr(GString) reasons = g_string_new (NULL);

      for (guint i = 0; i < MIN (report->errors->len, MAX_SHOWN_NAMES); i++)
        {
          const QdFeedbackRowError *e = g_ptr_array_index (report->errors, i);
          g_string_append_printf (reasons, "\n%s", e->reason);
        }
      g_set_error (error, QD_REVIEWS_ERROR, QD_REVIEWS_ERROR_IMPORT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row cannot be imported, so nothing was imported. Correct it and import the file again.%s",
                                "%u rows cannot be imported, so nothing was imported. Correct them and import the file again.%s",
                                report->errors->len),
                   report->errors->len, reasons->str);
      report->n_imported = report->n_named = report->n_anonymous = 0;
      report->n_names_dropped = report->n_reviews = 0;
      ok = FALSE;
    }

  if (!ok)
    {
      qd_store_rollback (self->store);
      if (report_out != NULL)
        *report_out = g_steal_pointer (&report);
      return FALSE;
    }

  ok = finish (self, TRUE, error);
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  return ok;
}

gboolean
qd_reviews_import_feedback_file (QdReviews                *self,
                                 gint64                    cycle_id,
                                 GFile                    *file,
                                 QdFeedbackImportFlags     flags,
                                 QdFeedbackImportReport  **report,
                                 GCancellable             *cancellable,
                                 GError                  **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (QD_IS_REVIEWS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (report != NULL)
    *report = NULL;
  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return FALSE;
  return qd_reviews_import_feedback (self, cycle_id, data, length, flags, report, error);
}
