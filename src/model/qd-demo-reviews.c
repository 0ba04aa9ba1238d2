/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-demo"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "qd-demo-reviews.h"
#include "qd-reviews-private.h"
#include "qd-review-scale.h"
#include "qd-store-members.h"
#include "qd-store-reviews.h"

/* Written straight through the store, inside the caller's transaction,
 * in the order the workflow would have written it: ratings while the
 * cycle is open, then calibration, then the lock. */

#define DEMO_SEED 20260701

static const char *strengths_by_tier[] = {
  [QD_TIER_TOP] = "Customers ask for them by name. Solves hard cases end to end and shares what they learn in the team channel.",
  [QD_TIER_MIDDLE] = "Reliable and friendly; keeps the queue moving and follows the playbooks well.",
  [QD_TIER_BOTTOM] = "Cares about customers and is open to feedback.",
};

static const char *improvements_by_tier[] = {
  [QD_TIER_TOP] = "Take on mentoring a newer agent and lead one process improvement next quarter.",
  [QD_TIER_MIDDLE] = "Deepen product knowledge in one area and take more escalations.",
  [QD_TIER_BOTTOM] = "First reply times and ticket notes need work; weekly coaching with the team lead and a training plan.",
};

static const char *feedback_comments[] = {
  "Always happy to help when I am stuck on a tricky ticket.",
  "Explains things clearly, also to customers who are upset.",
  "Could share more of what they know in the knowledge base.",
  "Great at calming down angry customers.",
  "Sometimes takes a while to answer internal questions.",
  "Very thorough ticket notes; picking up their cases is easy.",
};

typedef struct
{
  QdStore  *store;
  GRand    *rand;
  gint64    template_id;
  gint64    generous_reviewer;   /* rates above the target distribution */
} Demo;

static void
review_record_free (QdReviewRecord *record)
{
  qd_review_record_clear (record);
  g_free (record);
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
day_after (const GDate *date,
           guint        days)
{
  GDate d = *date;

  g_date_add_days (&d, days);
  return format_day (&d);
}

static char *
instant_after (const GDate *date,
               guint        days)
{
  g_autofree char *day = day_after (date, days);

  return g_strconcat (day, "T10:00:00Z", NULL);
}

static guint
clamp_rating (int rating)
{
  return (guint) CLAMP (rating, 1, 5);
}

/* −1, 0 or +1, mostly 0. */
static int
noise (GRand *rand)
{
  double u = g_rand_double (rand);

  return u < 0.2 ? -1 : u > 0.8 ? 1 : 0;
}

static const char *
potential_for (Demo       *demo,
               const char *readiness)
{
  double u = g_rand_double (demo->rand);

  if (g_strcmp0 (readiness, "ready-now") == 0)
    return u < 0.8 ? "high" : "medium";
  if (g_strcmp0 (readiness, "1-2-years") == 0)
    return u < 0.7 ? "medium" : "high";
  return u < 0.6 ? "low" : "medium";
}

static gboolean
add_feedback (Demo          *demo,
              gint64         review_id,
              GArray        *competencies,
              gboolean       anonymous,
              const char    *relationship,
              const char    *respondent,
              int            level,
              const char    *submitted_on,
              GError       **error)
{
  g_auto(QdFeedbackRecord) response = { 0 };

  response.review_id = review_id;
  response.relationship = g_strdup (relationship);
  response.anonymous = anonymous;
  response.respondent_name = anonymous ? NULL : g_strdup (respondent);
  response.comment = g_strdup (feedback_comments[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (feedback_comments))]);
  response.submitted_on = g_strdup (submitted_on);
  response.ratings = g_array_new (FALSE, FALSE, sizeof (QdFeedbackRatingRecord));

  /* Peers rate the soft skills and the first technical ones. */
  for (guint c = 0; c < competencies->len && c < 8; c++)
    {
      QdFeedbackRatingRecord r = {
        g_array_index (competencies, QdCompetencyRecord, c).id,
        clamp_rating (level + noise (demo->rand)),
      };
      if (c >= 2 && c < 4)
        continue;
      g_array_append_val (response.ratings, r);
    }
  return qd_store_insert_feedback (demo->store, &response, error) > 0;
}

/* A teammate of @review's member to sign a named 360 response. */
static char *
teammate_of (QdStore              *store,
             const QdReviewRecord *review,
             guint                 nth)
{
  QdMemberQuery query = { .search = NULL, .sort = QD_MEMBER_SORT_NAME };
  g_autoptr(GArray) ids = qd_store_list_member_ids (store, &query, NULL);
  guint seen = 0;

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      QdMemberRecord member = { 0 };
      char *name = NULL;

      if (g_array_index (ids, gint64, i) == review->member_id ||
          !qd_store_load_member (store, g_array_index (ids, gint64, i), &member, NULL))
        continue;
      if (g_strcmp0 (member.team, review->member_team) == 0 && g_strcmp0 (member.level, "agent") == 0 &&
          seen++ == nth)
        name = g_strdup (member.name);
      qd_member_record_clear (&member);
      if (name != NULL)
        return name;
    }
  return g_strdup (review->reviewer_name);
}

/* @fair is the rating calibration settles on; the generous reviewer
 * rates a point above it. */
static gboolean
fill_review (Demo            *demo,
             QdReviewRecord  *review,
             GArray          *competencies,
             const GDate     *end,
             guint            index,
             int              fair,
             GError         **error)
{
  QdMemberRecord member = { 0 };
  g_autofree char *feedback_day = day_after (end, 4);
  int overall = review->reviewer_id == demo->generous_reviewer ? MIN (fair + 1, 5) : fair;
  QdTier tier = qd_review_scale_tier (5, overall);

  if (!qd_store_load_member (demo->store, review->member_id, &member, error))
    return FALSE;

  for (guint c = 0; c < competencies->len; c++)
    {
      gint64 competency = g_array_index (competencies, QdCompetencyRecord, c).id;
      guint manager = clamp_rating (overall + noise (demo->rand));
      guint self = clamp_rating ((int) manager + (g_rand_double (demo->rand) < 0.4 ? 1 : 0));

      /* Now and then a competency does not apply and is left out. */
      if (g_rand_double (demo->rand) < 0.08)
        manager = 0;
      if (!qd_store_set_review_rating (demo->store, review->id, competency, "self", self, "", error) ||
          !qd_store_set_review_rating (demo->store, review->id, competency, "manager", manager,
                                       c == 0 && manager > 0 ? "Seen in the QA reviews this quarter." : "", error))
        {
          qd_member_record_clear (&member);
          return FALSE;
        }
    }

  review->kpi_rating = g_rand_double (demo->rand) < 0.15 ? NAN : clamp_rating (overall + noise (demo->rand));
  review->overall_rating = overall;
  g_free (review->potential);
  review->potential = g_strdup (potential_for (demo, member.readiness));
  g_free (review->strengths);
  g_free (review->improvements);
  review->strengths = g_strdup (strengths_by_tier[tier]);
  review->improvements = g_strdup (improvements_by_tier[tier]);
  g_free (review->self_submitted_at);
  g_free (review->manager_submitted_at);
  review->self_submitted_at = instant_after (end, 5 + index % 4);
  review->manager_submitted_at = instant_after (end, 11 + index % 3);
  g_free (review->status);
  review->status = g_strdup ("manager-review");

  /* 360 feedback: three or four anonymous responses for every third
   * person (shown), two for some others (hidden), and a named one. */
  if (g_strcmp0 (member.level, "agent") == 0 && index % 3 != 2)
    {
      guint n_anonymous = index % 3 == 0 ? 3 + index % 2 : 2;
      g_autofree char *peer = teammate_of (demo->store, review, index % 2);

      for (guint i = 0; i < n_anonymous; i++)
        if (!add_feedback (demo, review->id, competencies, TRUE, "peer", NULL, overall, feedback_day, error))
          {
            qd_member_record_clear (&member);
            return FALSE;
          }
      if (!add_feedback (demo, review->id, competencies, FALSE, "peer", peer, overall, feedback_day, error))
        {
          qd_member_record_clear (&member);
          return FALSE;
        }
    }

  qd_member_record_clear (&member);
  return qd_store_update_review (demo->store, review, error);
}

static void
calibrate (QdReviewRecord *review,
           int             fair)
{
  review->calibrated_rating = fair;
  g_free (review->status);
  review->status = g_strdup ("calibrated");
}

typedef struct
{
  QdReviewRecord *review;
  double          key;      /* higher: nearer the top of the team */
  int             fair;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->review->reviewer_id != rb->review->reviewer_id)
    return ra->review->reviewer_id < rb->review->reviewer_id ? -1 : 1;
  return ra->key > rb->key ? -1 : ra->key < rb->key ? 1 : 0;
}

/* Each reviewer's people get fair ratings close to the 20/70/10 target:
 * a fifth on top (at least one in a team of three or more, now and then
 * a 5), one at the bottom in a team of seven or more, the rest in the
 * middle. Who is on top leans on their readiness, with some chance. */
static void
assign_fair_ratings (Demo   *demo,
                     GArray *ranked)
{
  guint start = 0;

  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);
      QdMemberRecord member = { 0 };

      r->key = g_rand_double (demo->rand);
      if (qd_store_load_member (demo->store, r->review->member_id, &member, NULL))
        r->key += g_strcmp0 (member.readiness, "ready-now") == 0 ? 0.6 :
                  g_strcmp0 (member.readiness, "1-2-years") == 0 ? 0.3 : 0;
      qd_member_record_clear (&member);
    }
  g_array_sort (ranked, compare_ranked);

  while (start < ranked->len)
    {
      gint64 reviewer = g_array_index (ranked, Ranked, start).review->reviewer_id;
      guint end = start;
      guint n, n_top, n_bottom;

      while (end < ranked->len && g_array_index (ranked, Ranked, end).review->reviewer_id == reviewer)
        end++;
      n = end - start;
      n_top = n >= 3 ? MAX (1, (n + 2) / 5) : 0;
      n_bottom = n >= 7 ? 1 : 0;

      for (guint k = 0; k < n; k++)
        {
          Ranked *r = &g_array_index (ranked, Ranked, start + k);

          if (k < n_top)
            r->fair = g_rand_double (demo->rand) < 0.3 ? 5 : 4;
          else if (k >= n - n_bottom)
            r->fair = 2;
          else
            r->fair = 3;
        }
      start = end;
    }
}

static gboolean
fill_cycle (Demo         *demo,
            const GDate  *start,
            gboolean      closed,
            GError      **error)
{
  g_auto(QdCycleRecord) cycle = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) competencies = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GArray) ranked = NULL;
  GDate end = *start;
  gint64 id;

  g_date_add_months (&end, 3);
  g_date_subtract_days (&end, 1);

  cycle.name = g_strdup_printf (C_("cycle name", "%d Q%d"), g_date_get_year (start),
                                (g_date_get_month (start) - 1) / 3 + 1);
  cycle.period_start = format_day (start);
  cycle.period_end = format_day (&end);
  cycle.self_due = day_after (&end, 7);
  cycle.manager_due = day_after (&end, 14);
  cycle.calibration_due = day_after (&end, 21);
  cycle.template_id = demo->template_id;
  cycle.participants_rule = g_strdup ("all-active");
  cycle.target_top = 20;
  cycle.target_middle = 70;
  cycle.target_bottom = 10;

  id = qd_store_insert_cycle (demo->store, &cycle, error);
  if (id == 0 ||
      !qd_store_add_active_participants (demo->store, id, error) ||
      !qd_store_freeze_cycle_template (demo->store, id, demo->template_id, error) ||
      !qd_store_set_cycle_status (demo->store, id, "open", FALSE, error))
    return FALSE;

  ids = qd_store_list_review_ids (demo->store, id, NULL, error);
  competencies = qd_store_list_cycle_competencies (demo->store, id, error);
  if (ids == NULL || competencies == NULL)
    return FALSE;

  reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) review_record_free);
  ranked = g_array_new (FALSE, TRUE, sizeof (Ranked));
  for (guint i = 0; i < ids->len; i++)
    {
      QdReviewRecord *review = g_new0 (QdReviewRecord, 1);
      Ranked r = { review, 0, 3 };

      g_ptr_array_add (reviews, review);
      if (!qd_store_load_review (demo->store, g_array_index (ids, gint64, i), review, error))
        return FALSE;

      /* The head of support is reviewed by nobody here. */
      if (review->reviewer_id == 0)
        {
          if (!qd_store_delete_review (demo->store, review->id, error))
            return FALSE;
          continue;
        }
      g_array_append_val (ranked, r);
    }
  assign_fair_ratings (demo, ranked);

  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);
      QdReviewRecord *review = r->review;
      double progress = NAN;

      if (!fill_review (demo, review, competencies, &end, i, r->fair, error))
        return FALSE;

      if (closed)
        {
          calibrate (review, r->fair);
          g_free (review->status);
          review->status = g_strdup ("shared");
          review->shared_at = instant_after (&end, 26);
          if (!qd_store_goals_progress (demo->store, review->member_id, cycle.period_start,
                                        cycle.period_end, &progress, NULL, error))
            return FALSE;
          review->goals_progress = progress;
        }
      else if (review->reviewer_id != demo->generous_reviewer && i % 5 != 4)
        calibrate (review, r->fair);

      if (!qd_store_update_review (demo->store, review, error))
        return FALSE;
    }

  return qd_store_set_cycle_status (demo->store, id, closed ? "closed" : "calibrating", closed, error);
}

/* The team lead with the most reports: the one whose ratings run high. */
static gint64
find_generous_reviewer (QdStore *store)
{
  QdMemberQuery query = { .leaders_only = TRUE, .sort = QD_MEMBER_SORT_NAME };
  g_autoptr(GArray) ids = qd_store_list_member_ids (store, &query, NULL);
  gint64 best = 0;
  guint most = 0;

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      QdMemberRecord member = { 0 };

      if (qd_store_load_member (store, g_array_index (ids, gint64, i), &member, NULL) &&
          g_strcmp0 (member.level, "team-lead") == 0 && g_strcmp0 (member.status, "active") == 0 &&
          member.n_reports > most)
        {
          most = member.n_reports;
          best = member.id;
        }
      qd_member_record_clear (&member);
    }
  return best;
}

gboolean
_qd_demo_fill_reviews_at (QdStore     *store,
                          const char  *today,
                          GError     **error)
{
  g_autoptr(GArray) cycles = NULL;
  Demo demo = { 0 };
  GDate quarter;
  int y, m, d;
  gboolean ok;

  g_return_val_if_fail (QD_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (sscanf (today, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_FAILED, "“%s” is not a day", today);
      return FALSE;
    }

  cycles = qd_store_list_cycle_ids (store, error);
  if (cycles == NULL)
    return FALSE;
  if (cycles->len > 0)
    return TRUE;

  demo.store = store;
  demo.template_id = _qd_reviews_ensure_default_template (store, error);
  if (demo.template_id == 0)
    return FALSE;
  demo.generous_reviewer = find_generous_reviewer (store);
  demo.rand = g_rand_new_with_seed (DEMO_SEED);

  /* The first day of today's quarter, then two quarters back. */
  g_date_clear (&quarter, 1);
  g_date_set_dmy (&quarter, 1, ((m - 1) / 3) * 3 + 1, y);
  g_date_subtract_months (&quarter, 6);

  ok = fill_cycle (&demo, &quarter, TRUE, error);
  if (ok)
    {
      g_date_add_months (&quarter, 3);
      ok = fill_cycle (&demo, &quarter, FALSE, error);
    }

  g_rand_free (demo.rand);
  return ok;
}

gboolean
_qd_demo_fill_reviews (QdStore  *store,
                       GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return _qd_demo_fill_reviews_at (store, today, error);
}
