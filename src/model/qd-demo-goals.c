/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-demo"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "qd-demo-goals.h"
#include "qd-store-goals.h"
#include "qd-store-members.h"
#include "qd-store-metrics.h"

/* Goals, development plans and 1:1 notes for the demo organisation of
 * qd-demo.c. Dates are counted from "today", so the demo always looks
 * current: this quarter's goals are half-way, one is overdue, last
 * period's are closed. The caller holds the transaction. */

#define NO_DUE G_MININT

typedef enum
{
  PERIOD_CURRENT,     /* from the first of the month two months ago, six months long */
  PERIOD_PAST,        /* the six months before that, closed */
  PERIOD_LATE,        /* began five months ago, due ten days ago, still active */
} DemoPeriod;

typedef struct
{
  const char *title;
  const char *description;
  const char *metric;
  double      target;
} DemoTemplate;

static const DemoTemplate templates[] = {
  /* 0 */ { "Lift CSAT to 95 %",
            "Customers rate most conversations as satisfied: personal closing notes, "
            "no copy-paste answers to angry customers, follow up on every “unsatisfied”.",
            "csat", 95 },
  /* 1 */ { "First reply within the hour",
            "Pick up new tickets within 60 minutes (median) during shift, using the "
            "triage view instead of the oldest-first queue.",
            "first-reply", 60 },
  /* 2 */ { "Complete the product certification",
            "All six modules of the internal product certification, including the "
            "practical exam on the sandbox account.",
            NULL, NAN },
};

typedef struct
{
  const char *member;
  int         tmpl;           /* index into templates, or -1 */
  const char *title;
  const char *description;
  const char *metric;
  double      baseline;       /* used when the member has no roll-ups */
  double      target;
  double      manual;         /* progress of a manual goal */
  DemoPeriod  period;
  const char *status;
} DemoGoal;

static const DemoGoal goals[] = {
  { "Ana Ruiz", 0, NULL, NULL, NULL, 91, 0, 0, PERIOD_CURRENT, "active" },
  { "Ana Ruiz", -1, "Run two macro-writing workshops for Tier 1",
    "Share how she writes macros that still sound personal; one workshop per shift.",
    NULL, 0, 0, 50, PERIOD_CURRENT, "active" },
  { "Oliver Hughes", 1, NULL, NULL, NULL, 95, 0, 0, PERIOD_CURRENT, "active" },
  { "Oliver Hughes", -1, "Write 10 knowledge base articles on billing questions",
    "Start from the ten most frequent billing macros.", NULL, 0, 0, 70, PERIOD_CURRENT, "active" },
  { "Fatima Zahra", -1, "Raise CSAT to 93 %",
    "Fewer escalations from customers who felt rushed.", "csat", 88, 93, 0, PERIOD_CURRENT, "active" },
  { "Fatima Zahra", 2, NULL, NULL, NULL, 0, 0, 30, PERIOD_CURRENT, "active" },
  { "Jonas Weber", -1, "Mentor Elena through her first quarter on phones",
    "Weekly call reviews and a shared notes document.", NULL, 0, 0, 80, PERIOD_CURRENT, "active" },
  { "Elena Rossi", 1, NULL, NULL, NULL, 120, 0, 0, PERIOD_CURRENT, "active" },
  { "Marcus Johnson", -1, "Cut first reply time to 45 minutes",
    "Own the morning triage for the Americas queue.", "first-reply", 70, 45, 0, PERIOD_CURRENT, "active" },
  { "Kevin Nguyen", 2, NULL, NULL, NULL, 0, 0, 20, PERIOD_LATE, "active" },
  { "Amara Diallo", 0, NULL, NULL, NULL, 90, 0, 0, PERIOD_CURRENT, "active" },
  { "Ingrid Solberg", -1, "Publish the webhook troubleshooting guide",
    "For Tier 1, so that webhook questions stop being escalated by default.",
    NULL, 0, 0, 100, PERIOD_PAST, "achieved" },
  { "Rahul Mehta", -1, "Reach a QA score of 90 %",
    "Document the steps taken in every escalated ticket.", "qa-score", 82, 90, 0, PERIOD_PAST, "missed" },
  { "Wei Chen", -1, "Launch Mandarin chat support",
    "Dropped when the APAC chat launch moved to next year.", NULL, 0, 0, 40, PERIOD_PAST, "dropped" },
};

typedef struct
{
  const char *member;
  const char *title;
  const char *owner;
  int         due;            /* days from today, or NO_DUE */
  gboolean    done;
} DemoAction;

static const DemoAction actions[] = {
  { "Ana Ruiz", "Shadow Tier 2 on API escalations for two weeks", "Lukas Becker", -40, TRUE },
  { "Ana Ruiz", "Lead the review of the Spanish macros", "Ana Ruiz", 20, FALSE },
  { "Fatima Zahra", "Take the de-escalation course (online, 6 hours)", "Tomás Herrera", -5, FALSE },
  { "Kevin Nguyen", "Pair with Marcus on the phone queue on Tuesdays", "Marcus Johnson", 30, FALSE },
  { "Kevin Nguyen", "Block one hour a week for the certification modules", "Grace Mensah", NO_DUE, FALSE },
  { "Oliver Hughes", "Present the knowledge base numbers at the team meeting", "Oliver Hughes", -20, TRUE },
  { "Rahul Mehta", "Take the SQL for support engineers course", "Rahul Mehta", NO_DUE, FALSE },
  { "Elena Rossi", "Weekly call review with Jonas", "Jonas Weber", 45, FALSE },
};

typedef struct
{
  const char *member;
  const char *kind;
  int         days_ago;
  const char *text;
} DemoNote;

static const DemoNote notes[] = {
  { "Ana Ruiz", "one-on-one", 70,
    "Talked about growth: she would like to move towards a team lead role within two years. "
    "Agreed on the macro workshops as a first step." },
  { "Ana Ruiz", "praise", 40,
    "A customer from Acme wrote in to thank Ana by name for sorting out their invoice mix-up "
    "on a Friday evening." },
  { "Ana Ruiz", "one-on-one", 12,
    "First workshop done, good turnout. Wants help planning the second one for the late shift." },
  { "Fatima Zahra", "concern", 35,
    "Two escalations this week where the customer felt rushed. Talked about taking a minute "
    "longer on the first reply." },
  { "Fatima Zahra", "one-on-one", 21,
    "Followed up on the escalations; she signed up for the de-escalation course herself." },
  { "Kevin Nguyen", "note", 50,
    "Asked to move to the early shift from next month for family reasons. Approved." },
  { "Kevin Nguyen", "concern", 18,
    "Certification modules are behind; agreed to block an hour a week for them." },
  { "Oliver Hughes", "praise", 25,
    "His refund-policy article cut the related tickets noticeably. Shared it at the all-hands." },
  { "Marcus Johnson", "praise", 60,
    "Calm on the outage call queue and covered an extra hour without being asked." },
  { "Jonas Weber", "one-on-one", 30,
    "Mentoring Elena is going well. He would like mentoring to count in his next review." },
  { "Ingrid Solberg", "praise", 90,
    "Webhook guide is out; Tier 1 escalations about webhooks dropped in the first two weeks." },
  { "Rahul Mehta", "concern", 80,
    "QA scores slipped on documenting the steps taken. Went through three tickets together." },
  { "Rahul Mehta", "one-on-one", 9,
    "Better documentation lately. Interested in the SQL course; no date yet." },
};

static char *
format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static char *
offset_days (const GDate *today,
             int          days)
{
  GDate date = *today;

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return format_date (&date);
}

/* The first day of the month @months away from today's month. */
static GDate
month_start (const GDate *today,
             int          months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, g_date_get_month (today), g_date_get_year (today));
  if (months >= 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  return date;
}

static void
period_dates (const GDate  *today,
              DemoPeriod    period,
              char        **start,
              char        **due)
{
  GDate from, to;

  switch (period)
    {
    case PERIOD_PAST:
      from = month_start (today, -8);
      to = month_start (today, -2);
      g_date_subtract_days (&to, 1);
      break;

    case PERIOD_LATE:
      from = month_start (today, -5);
      to = *today;
      g_date_subtract_days (&to, 10);
      break;

    case PERIOD_CURRENT:
    default:
      from = month_start (today, -2);
      to = month_start (today, 4);
      g_date_subtract_days (&to, 1);
      break;
    }
  *start = format_date (&from);
  *due = format_date (&to);
}

/* Returns: the member's id, 0 when there is nobody of that name, -1 on
 * error. */
static gint64
find_member (QdStore     *store,
             GHashTable  *cache,
             const char  *name,
             GError     **error)
{
  gpointer found;
  gint64 id;

  if (g_hash_table_lookup_extended (cache, name, NULL, &found))
    return GPOINTER_TO_SIZE (found) == 0 ? 0 : *(gint64 *) found;

  id = qd_store_find_member_by_name (store, name, error);
  if (id < 0)
    return -1;
  if (id == 0)
    g_hash_table_insert (cache, (gpointer) name, NULL);
  else
    g_hash_table_insert (cache, (gpointer) name, g_memdup2 (&id, sizeof id));
  return id;
}

/* The member's own value before the goal starts when it is on the right
 * side of the target, else @fallback. */
static gboolean
choose_baseline (QdStore     *store,
                 const char  *metric,
                 gint64       member_id,
                 const char  *start,
                 double       target,
                 double       fallback,
                 double      *baseline,
                 GError     **error)
{
  g_auto(QdMetricRecord) info = { 0 };
  double measured = NAN;

  *baseline = fallback;
  if (!qd_store_load_metric (store, metric, &info, error))
    return FALSE;
  if (!qd_store_find_member_value_before (store, metric, member_id, start, &measured, error))
    return FALSE;
  if (isfinite (measured) &&
      (g_strcmp0 (info.better, "lower") == 0 ? measured > target : measured < target))
    *baseline = round (measured * 10) / 10;
  return TRUE;
}

gboolean
_qd_demo_fill_goals_at (QdStore     *store,
                        const char  *today,
                        GError     **error)
{
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gint64 template_ids[G_N_ELEMENTS (templates)] = { 0 };
  GDate day;
  int y, m, d;

  g_return_val_if_fail (QD_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (sscanf (today, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y), FALSE);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      QdGoalTemplateRecord record = {
        .title = (char *) templates[i].title,
        .description = (char *) templates[i].description,
        .metric = (char *) templates[i].metric,
        .target = templates[i].target,
      };

      template_ids[i] = qd_store_insert_goal_template (store, &record, error);
      if (template_ids[i] == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (goals); i++)
    {
      const DemoGoal *g = &goals[i];
      const DemoTemplate *t = g->tmpl >= 0 ? &templates[g->tmpl] : NULL;
      g_autofree char *start = NULL;
      g_autofree char *due = NULL;
      const char *metric = t != NULL ? t->metric : g->metric;
      double target = t != NULL ? t->target : g->target;
      double baseline = NAN;
      gint64 member = find_member (store, cache, g->member, error);
      QdGoalRecord record = { 0 };

      if (member < 0)
        return FALSE;
      if (member == 0)
        continue;

      period_dates (&day, g->period, &start, &due);
      if (metric != NULL &&
          !choose_baseline (store, metric, member, start, target, g->baseline, &baseline, error))
        return FALSE;

      record.member_id = member;
      record.template_id = t != NULL ? template_ids[g->tmpl] : 0;
      record.title = (char *) (t != NULL ? t->title : g->title);
      record.description = (char *) (t != NULL ? t->description : g->description);
      record.metric = (char *) metric;
      record.baseline = metric != NULL ? baseline : NAN;
      record.target = metric != NULL ? target : NAN;
      record.manual_progress = metric != NULL ? NAN : g->manual;
      record.start_date = start;
      record.due_date = due;
      record.status = (char *) g->status;
      if (qd_store_insert_goal (store, &record, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      const DemoAction *a = &actions[i];
      g_autofree char *due = a->due != NO_DUE ? offset_days (&day, a->due) : NULL;
      gint64 member = find_member (store, cache, a->member, error);
      gint64 owner;
      QdDevelopmentActionRecord record = { 0 };

      if (member < 0)
        return FALSE;
      if (member == 0)
        continue;
      owner = find_member (store, cache, a->owner, error);
      if (owner < 0)
        return FALSE;

      record.member_id = member;
      record.title = (char *) a->title;
      record.owner_id = owner;
      record.due_date = due;
      record.done = a->done;
      if (qd_store_insert_development_action (store, &record, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      const DemoNote *n = &notes[i];
      g_autofree char *noted_on = offset_days (&day, -n->days_ago);
      gint64 member = find_member (store, cache, n->member, error);
      QdMemberNoteRecord record = { 0 };

      if (member < 0)
        return FALSE;
      if (member == 0)
        continue;

      record.member_id = member;
      record.kind = (char *) n->kind;
      record.noted_on = noted_on;
      record.text = (char *) n->text;
      if (qd_store_insert_member_note (store, &record, error) == 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
_qd_demo_fill_goals (QdStore  *store,
                     GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return _qd_demo_fill_goals_at (store, today, error);
}
