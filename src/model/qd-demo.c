/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-demo"

#include "config.h"

#include <math.h>

#include "qd-demo.h"
#include "qd-demo-goals.h"
#include "qd-demo-reviews.h"
#include "qd-store-members.h"
#include "qd-store-metrics.h"
#include "qd-store-tickets.h"

/* The demo organisation: a support department of 41 people, run by a
 * director with three managers, five team leads and their agents, with a
 * year of their helpdesk tickets and monthly QA scores. The caller holds
 * the transaction. */

typedef struct
{
  const char *name;
  const char *title;
  const char *level;
  const char *team;
  int         boss;        /* index into the same table, -1 for none */
  const char *hired;
  const char *status;
  const char *readiness;
  const char *skills;
} DemoPerson;

static const DemoPerson people[] = {
  /* 0 */ { "Marta Iglesias", "Head of Customer Support", "director", "", -1, "2017-02-06", "active", "not-yet", "Strategy, Budgeting, Hiring" },
  /* 1 */ { "Daniel Okafor", "Support Operations Manager", "manager", "Tier 1", 0, "2018-09-17", "active", "ready-now", "Workforce planning, Zendesk admin, Reporting" },
  /* 2 */ { "Sofia Lindqvist", "Technical Support Manager", "manager", "Tier 2", 0, "2019-01-14", "active", "1-2-years", "APIs, Escalations, Incident management" },
  /* 3 */ { "Priya Raman", "Billing & Accounts Manager", "manager", "Billing", 0, "2019-06-03", "active", "not-yet", "Billing systems, Refund policy, Stripe" },
  /* 4 */ { "Tomás Herrera", "Team Lead, Tier 1 (EMEA)", "team-lead", "Tier 1", 1, "2020-03-02", "active", "ready-now", "Coaching, QA reviews, Macros" },
  /* 5 */ { "Grace Mensah", "Team Lead, Tier 1 (Americas)", "team-lead", "Tier 1", 1, "2020-08-24", "active", "1-2-years", "Coaching, Live chat, Scheduling" },
  /* 6 */ { "Lukas Becker", "Team Lead, Tier 2", "team-lead", "Tier 2", 2, "2020-11-09", "active", "ready-now", "Debugging, SQL, Bug triage" },
  /* 7 */ { "Aiko Tanaka", "Team Lead, Tier 2 (APAC)", "team-lead", "Tier 2", 2, "2021-04-12", "on-leave", "not-yet", "Debugging, Japanese, Integrations" },
  /* 8 */ { "Chloé Martin", "Team Lead, Billing", "team-lead", "Billing", 3, "2021-02-01", "active", "1-2-years", "Invoicing, Chargebacks, French" },
  /* Tier 1 EMEA, reporting to Tomás */
  { "Ana Ruiz", "Support Agent", "agent", "Tier 1", 4, "2022-01-10", "active", "ready-now", "Live chat, Spanish, Macros" },
  { "Oliver Hughes", "Support Agent", "agent", "Tier 1", 4, "2022-05-16", "active", "ready-now", "Email support, Knowledge base" },
  { "Fatima Zahra", "Support Agent", "agent", "Tier 1", 4, "2023-02-06", "active", "not-yet", "Arabic, French, Live chat" },
  { "Jonas Weber", "Senior Support Agent", "agent", "Tier 1", 4, "2021-07-19", "active", "ready-now", "Coaching, Macros, German" },
  { "Elena Rossi", "Support Agent", "agent", "Tier 1", 4, "2023-09-04", "active", "not-yet", "Italian, Phone support" },
  { "Mateo Fernández", "Support Agent", "agent", "Tier 1", 4, "2024-01-15", "on-leave", "not-yet", "Spanish, Email support" },
  { "Nora Kowalski", "Support Agent", "agent", "Tier 1", 4, "2022-10-03", "left", "not-yet", "Polish, Live chat" },
  /* Tier 1 Americas, reporting to Grace */
  { "Marcus Johnson", "Senior Support Agent", "agent", "Tier 1", 5, "2021-03-22", "active", "ready-now", "Phone support, De-escalation" },
  { "Camila Souza", "Support Agent", "agent", "Tier 1", 5, "2022-08-08", "active", "1-2-years", "Portuguese, Live chat" },
  { "Ethan Brooks", "Support Agent", "agent", "Tier 1", 5, "2023-04-17", "active", "not-yet", "Email support, Social media" },
  { "Lucía Morales", "Support Agent", "agent", "Tier 1", 5, "2023-06-26", "active", "not-yet", "Spanish, Phone support" },
  { "Kevin Nguyen", "Support Agent", "agent", "Tier 1", 5, "2024-02-12", "active", "not-yet", "Vietnamese, Live chat" },
  { "Hannah Clarke", "Support Agent", "agent", "Tier 1", 5, "2022-11-14", "active", "1-2-years", "Knowledge base, Onboarding calls" },
  { "Diego Castillo", "Support Agent", "agent", "Tier 1", 5, "2023-01-09", "left", "not-yet", "Spanish, Email support" },
  /* Tier 2, reporting to Lukas */
  { "Ingrid Solberg", "Technical Support Engineer", "agent", "Tier 2", 6, "2021-09-13", "active", "ready-now", "APIs, SQL, Webhooks" },
  { "Rahul Mehta", "Technical Support Engineer", "agent", "Tier 2", 6, "2022-03-07", "active", "ready-now", "Python, Logs, Integrations" },
  { "Julia Novak", "Technical Support Engineer", "agent", "Tier 2", 6, "2022-07-25", "active", "not-yet", "SSO, SAML, Networking" },
  { "Samuel Adeyemi", "Senior Technical Support Engineer", "agent", "Tier 2", 6, "2020-12-01", "active", "ready-now", "Incident management, Bug triage" },
  { "Laura Schmidt", "Technical Support Engineer", "agent", "Tier 2", 6, "2023-08-21", "active", "not-yet", "Mobile apps, German" },
  /* Tier 2 APAC, reporting to Aiko */
  { "Wei Chen", "Technical Support Engineer", "agent", "Tier 2", 7, "2022-04-18", "active", "1-2-years", "Mandarin, APIs" },
  { "Isabel Reyes", "Technical Support Engineer", "agent", "Tier 2", 7, "2023-03-13", "active", "not-yet", "Data exports, SQL" },
  { "Haruto Sato", "Technical Support Engineer", "agent", "Tier 2", 7, "2023-10-02", "active", "not-yet", "Japanese, Integrations" },
  { "Zoe Taylor", "Technical Support Engineer", "agent", "Tier 2", 7, "2022-06-06", "on-leave", "1-2-years", "Webhooks, Zapier" },
  /* Billing, reporting to Chloé */
  { "Amara Diallo", "Billing Specialist", "agent", "Billing", 8, "2022-02-14", "active", "ready-now", "Refunds, French, Stripe" },
  { "Pablo Navarro", "Billing Specialist", "agent", "Billing", 8, "2022-09-19", "active", "1-2-years", "Invoicing, Spanish" },
  { "Emily Walsh", "Billing Specialist", "agent", "Billing", 8, "2023-05-08", "active", "not-yet", "Chargebacks, Tax questions" },
  { "Yusuf Demir", "Billing Specialist", "agent", "Billing", 8, "2023-11-20", "active", "not-yet", "Turkish, Subscriptions" },
  { "Clara Dubois", "Billing Specialist", "agent", "Billing", 8, "2024-03-04", "active", "not-yet", "French, Refunds" },
  { "Ravi Iyer", "Billing Specialist", "agent", "Billing", 8, "2021-10-11", "left", "not-yet", "Dunning, Collections" },
  { "Lena Fischer", "Billing Specialist", "agent", "Billing", 8, "2024-06-10", "active", "not-yet", "German, Subscriptions" },
  { "Noah Williams", "Support Agent", "agent", "Billing", 8, "2024-08-19", "active", "not-yet", "Email support, Refunds" },
};

static char *
email_for (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  GString *local = g_string_new (NULL);

  for (const char *p = lower; *p; p++)
    {
      if (*p == ' ')
        g_string_append_c (local, '.');
      else if (g_ascii_isalnum (*p))
        g_string_append_c (local, *p);
    }
  g_string_append (local, "@example.com");
  return g_string_free (local, FALSE);
}

/* ---- a year of tickets ---- */

#define DEMO_SEED   20240611
#define DEMO_DAYS   365
#define FIRST_ID    100000

/* How each agent works: a factor on their times (below 1 is faster),
 * how often customers are happy with them, how often tickets come back. */
typedef struct
{
  const char *name;
  double      speed;
  double      satisfied;
  double      reopen;
  int         last_day_ago;    /* left or on leave since that many days ago; 0 = working */
} DemoAgent;

static const DemoAgent standouts[] = {
  /* Clearly better */
  { "Jonas Weber", 0.55, 0.985, 0.5, 0 },
  { "Ingrid Solberg", 0.6, 0.98, 0.5, 0 },
  { "Amara Diallo", 0.75, 0.975, 0.7, 0 },
  /* Clearly worse */
  { "Ethan Brooks", 1.8, 0.84, 2.5, 0 },
  { "Laura Schmidt", 1.5, 0.87, 1.8, 0 },
  /* Gone or away */
  { "Nora Kowalski", 1.0, 0.94, 1.0, 150 },
  { "Diego Castillo", 1.1, 0.93, 1.0, 230 },
  { "Ravi Iyer", 1.0, 0.94, 1.0, 90 },
  { "Mateo Fernández", 1.0, 0.94, 1.0, 50 },
  { "Zoe Taylor", 1.0, 0.95, 1.0, 35 },
};

typedef struct
{
  double tickets_per_day;      /* a Wednesday */
  double first_reply;          /* median minutes */
  double resolution;           /* median minutes */
} DemoTeam;

static const DemoTeam *
team_profile (const char *team)
{
  static const DemoTeam tier1 = { 9.0, 35, 300 };
  static const DemoTeam tier2 = { 3.5, 95, 1800 };
  static const DemoTeam billing = { 6.0, 50, 720 };

  if (g_str_equal (team, "Tier 2"))
    return &tier2;
  if (g_str_equal (team, "Billing"))
    return &billing;
  return &tier1;
}

static double
gauss (GRand *rand)
{
  double u = 1.0 - g_rand_double (rand);
  double v = g_rand_double (rand);

  return sqrt (-2.0 * log (u)) * cos (2 * G_PI * v);
}

/* A duration around @median with the long tail support times have. */
static double
lognormal (GRand  *rand,
           double  median,
           double  sigma)
{
  return median * exp (sigma * gauss (rand));
}

static int
count_for (GRand  *rand,
           double  mean)
{
  double n = mean * (0.75 + 0.5 * g_rand_double (rand));
  int whole = (int) n;

  return whole + (g_rand_double (rand) < n - whole ? 1 : 0);
}

static void
format_utc (GDateTime *time,
            char      *instant,
            char      *day)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  g_snprintf (instant, QD_TICKET_INSTANT_SIZE, "%04d-%02d-%02dT%02d:%02d:%02dZ",
              g_date_time_get_year (utc), g_date_time_get_month (utc),
              g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
              g_date_time_get_minute (utc), g_date_time_get_second (utc));
  g_snprintf (day, QD_TICKET_DAY_SIZE, "%04d-%02d-%02d",
              g_date_time_get_year (time), g_date_time_get_month (time),
              g_date_time_get_day_of_month (time));
}

static const DemoAgent *
find_standout (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (standouts); i++)
    if (g_str_equal (standouts[i].name, name))
      return &standouts[i];
  return NULL;
}

static gboolean
fill_tickets (QdStore  *store,
              gint64   *ids,
              GError  **error)
{
  static const double weekday_load[8] = { 0, 1.25, 1.1, 1.0, 0.95, 0.85, 0.3, 0.25 };
  static const char *priorities[] = { "Low", "Normal", "Normal", "Normal", "High", "Urgent" };
  static const char *channels[] = { "Email", "Email", "Web form", "Chat", "Phone" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) today = g_date_time_new (tz, g_date_time_get_year (now),
                                                g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(QdTicketWriter) writer = NULL;
  g_autofree char *stamp = NULL;
  DemoAgent agents[G_N_ELEMENTS (people)] = { { 0 } };
  gint64 helpdesk[G_N_ELEMENTS (people)] = { 0 };
  guint next_id = FIRST_ID;

  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
    stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  }
  /* A source of its own: the demo never touches tickets imported before. */
  writer = qd_ticket_writer_new (store, "demo", stamp, error);
  if (writer == NULL)
    return FALSE;

  /* The agents, each a helpdesk account linked to its member by email. */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const DemoAgent *standout = find_standout (people[i].name);
      g_autofree char *email = NULL;

      if (!g_str_equal (people[i].level, "agent"))
        continue;
      if (standout != NULL)
        agents[i] = *standout;
      else
        agents[i] = (DemoAgent) { people[i].name, 0.85 + 0.35 * g_rand_double (rand),
                                  0.93 + 0.035 * g_rand_double (rand), 1.0, 0 };
      email = email_for (people[i].name);
      helpdesk[i] = qd_ticket_writer_ensure_agent (writer, people[i].name, email, error);
      if (helpdesk[i] == 0)
        return FALSE;
    }

  for (int ago = DEMO_DAYS; ago >= 1; ago--)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (today, -ago);
      int weekday = g_date_time_get_day_of_week (date);
      gboolean weekend = weekday >= 6;
      /* Two incidents: slower replies and unhappier customers. */
      gboolean incident = (ago >= 200 && ago <= 206) || (ago >= 58 && ago <= 61);
      /* The January billing rush and the quieter August. */
      int month = g_date_time_get_month (date);
      double season = month == 1 ? 1.2 : month == 8 ? 0.8 : 1.0;

      for (guint a = 0; a < G_N_ELEMENTS (people); a++)
        {
          const DemoPerson *p = &people[a];
          const DemoAgent *agent = &agents[a];
          const DemoTeam *team;
          int n;

          if (helpdesk[a] == 0 || (agent->last_day_ago > 0 && ago < agent->last_day_ago))
            continue;
          team = team_profile (p->team);
          n = count_for (rand, team->tickets_per_day * weekday_load[weekday] *
                               (g_str_equal (p->team, "Billing") ? season : 1.0));

          for (int t = 0; t < n; t++)
            {
              g_autoptr(GDateTime) created = NULL;
              g_autoptr(GDateTime) solved = NULL;
              char id[16];
              QdTicketRecord record = { 0 };
              double first_reply, resolution;
              double happy = agent->satisfied - (incident ? 0.12 : 0.0);
              int hour = weekend ? 9 + g_rand_int_range (rand, 0, 8) : 8 + g_rand_int_range (rand, 0, 11);
              /* As of midnight, so that the demo is the same all day. */
              gint64 now_unix = g_date_time_to_unix (today);
              gint64 created_unix;

              created = g_date_time_add_full (date, 0, 0, 0, hour, g_rand_int_range (rand, 0, 60),
                                              g_rand_int_range (rand, 0, 60));
              created_unix = g_date_time_to_unix (created);

              first_reply = lognormal (rand, team->first_reply * agent->speed * (weekend ? 1.6 : 1.0) *
                                             (incident ? 1.7 : 1.0), 0.7);
              resolution = first_reply + lognormal (rand, team->resolution * agent->speed, 0.9);

              g_snprintf (id, sizeof id, "%u", next_id++);
              record.external_id = id;
              record.agent_id = helpdesk[a];
              record.group_name = p->team;
              record.priority = priorities[g_rand_int_range (rand, 0, G_N_ELEMENTS (priorities))];
              record.channel = channels[g_rand_int_range (rand, 0, G_N_ELEMENTS (channels))];
              record.first_reply_minutes = NAN;
              record.resolution_minutes = NAN;
              record.replies = 1 + g_rand_int_range (rand, 0, 3) + (resolution > 1440 ? 2 : 0);
              record.columns = ~0;
              format_utc (created, record.created_at, record.created_day);

              if (created_unix + (gint64) (first_reply * 60) < now_unix)
                record.first_reply_minutes = round (first_reply);

              if (created_unix + (gint64) (resolution * 60) < now_unix)
                {
                  solved = g_date_time_add_seconds (created, round (resolution) * 60);
                  format_utc (solved, record.solved_at, record.solved_day);
                  record.resolution_minutes = round (resolution);
                  record.status = now_unix - g_date_time_to_unix (solved) > 4 * 86400 ? "Closed" : "Solved";

                  /* About a third of customers answer the survey. */
                  if (g_rand_double (rand) < 0.3)
                    {
                      double r = g_rand_double (rand);
                      record.csat = r < happy ? QD_CSAT_SATISFIED
                                  : r < happy + (1 - happy) * 0.3 ? QD_CSAT_NEUTRAL
                                  : QD_CSAT_UNSATISFIED;
                    }
                  {
                    double r = g_rand_double (rand);
                    record.reopens = r < 0.004 * agent->reopen ? 2 : r < 0.035 * agent->reopen ? 1 : 0;
                  }
                }
              else
                record.status = g_rand_boolean (rand) ? "Open" : "Pending";

              if (!qd_ticket_writer_upsert (writer, &record, NULL, NULL, error))
                return FALSE;
            }
        }
    }

  /* QA scores for every complete month, for those who worked in it. */
  {
    g_autoptr(GDateTime) first = g_date_time_add_days (today, -DEMO_DAYS);
    g_autoptr(GDateTime) month = g_date_time_new (tz, g_date_time_get_year (first),
                                                  g_date_time_get_month (first), 1, 0, 0, 0);

    while (g_date_time_compare (month, today) <= 0)
      {
        g_autoptr(GDateTime) next = g_date_time_add_months (month, 1);
        g_autofree char *start = g_date_time_format (month, "%Y-%m-%d");
        int month_ago = (int) (g_date_time_difference (today, next) / G_TIME_SPAN_DAY);

        if (g_date_time_compare (next, today) > 0)
          break;

        for (guint a = 0; a < G_N_ELEMENTS (people); a++)
          {
            const DemoAgent *agent = &agents[a];
            double score;

            if (helpdesk[a] == 0 || (agent->last_day_ago > 0 && month_ago < agent->last_day_ago))
              continue;
            score = 90 + (agent->satisfied - 0.94) * 120 + 2.5 * gauss (rand);
            score = round (CLAMP (score, 60, 100) * 2) / 2;
            if (!qd_store_set_manual_value (store, "qa-score", ids[a], "month", start, score, error))
              return FALSE;
          }

        g_date_time_unref (month);
        month = g_steal_pointer (&next);
      }
  }

  return TRUE;
}

gboolean
_qd_demo_fill_roster (QdStore  *store,
                      GError  **error)
{
  gint64 ids[G_N_ELEMENTS (people)] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const DemoPerson *p = &people[i];
      g_autofree char *email = email_for (p->name);
      QdMemberRecord record = {
        .name = (char *) p->name,
        .email = email,
        .job_title = (char *) p->title,
        .level = (char *) p->level,
        .team = (char *) p->team,
        .reports_to = p->boss >= 0 ? ids[p->boss] : 0,
        .hire_date = (char *) p->hired,
        .status = (char *) p->status,
        .skills = (char *) p->skills,
        .notes = (char *) "",
        .readiness = (char *) p->readiness,
      };

      g_assert (p->boss < (int) i);
      ids[i] = qd_store_insert_member (store, &record, error);
      if (ids[i] == 0)
        return FALSE;
    }

  /* Goals measure the roll-ups, and the closed review cycle keeps the
   * goals' progress: tickets first, then goals, then reviews. */
  return fill_tickets (store, ids, error) &&
         qd_store_recompute_rollups (store, NULL, NULL, NULL, error) &&
         _qd_demo_fill_goals (store, error) &&
         _qd_demo_fill_reviews (store, error);
}
