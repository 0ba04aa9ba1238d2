/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-demo"

#include "config.h"

#include "qd-demo.h"
#include "qd-store-members.h"

/* The demo organisation: a support department of 41 people, run by a
 * director with three managers, five team leads and their agents. The
 * caller holds the transaction. */

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

  return TRUE;
}
