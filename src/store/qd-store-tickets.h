/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qd-store.h"

G_BEGIN_DECLS

/* Helpdesk tickets and the helpdesk's agents, as imported from exports.
 * Instants are UTC ("2026-03-04T12:45:00Z"), days are local dates in the
 * helpdesk account's time zone ("2026-03-04"), durations are minutes. */

typedef enum
{
  QD_CSAT_NOT_RATED,
  QD_CSAT_SATISFIED,
  QD_CSAT_NEUTRAL,
  QD_CSAT_UNSATISFIED,
} QdCsat;

/* Which columns of a ticket an import provides, so that a re-import from
 * a leaner export (Zendesk Explore after the full Zendesk export) does
 * not blank what the richer one had. */
typedef enum
{
  QD_TICKET_HAS_AGENT       = 1 << 0,
  QD_TICKET_HAS_GROUP       = 1 << 1,
  QD_TICKET_HAS_STATUS      = 1 << 2,
  QD_TICKET_HAS_PRIORITY    = 1 << 3,
  QD_TICKET_HAS_CHANNEL     = 1 << 4,
  QD_TICKET_HAS_SOLVED      = 1 << 5,
  QD_TICKET_HAS_FIRST_REPLY = 1 << 6,
  QD_TICKET_HAS_RESOLUTION  = 1 << 7,
  QD_TICKET_HAS_CSAT        = 1 << 8,
  QD_TICKET_HAS_REOPENS     = 1 << 9,
  QD_TICKET_HAS_REPLIES     = 1 << 10,
  /* created_at carries a time of day, not just the date */
  QD_TICKET_CREATED_TIME    = 1 << 11,
  QD_TICKET_SOLVED_TIME     = 1 << 12,
} QdTicketColumns;

#define QD_TICKET_INSTANT_SIZE sizeof "2026-03-04T12:45:00Z"
#define QD_TICKET_DAY_SIZE     sizeof "2026-03-04"

/* A ticket as stored. The strings are borrowed: they only need to live
 * until the call that takes the record returns. */
typedef struct
{
  const char      *external_id;                          /* the helpdesk's ticket id */
  gint64           agent_id;                             /* a helpdesk agent, 0 for none */
  const char      *group_name;
  const char      *status;
  const char      *priority;
  const char      *channel;
  char             created_at[QD_TICKET_INSTANT_SIZE];   /* UTC */
  char             created_day[QD_TICKET_DAY_SIZE];      /* local */
  char             solved_at[QD_TICKET_INSTANT_SIZE];    /* "" when not solved */
  char             solved_day[QD_TICKET_DAY_SIZE];       /* "" when not solved */
  double           first_reply_minutes;                  /* NAN when not known */
  double           resolution_minutes;                   /* NAN when not known */
  QdCsat           csat;
  guint            reopens;
  gint             replies;                              /* -1 when not known */
  QdTicketColumns  columns;                              /* what the import provides */
} QdTicketRecord;

/* The days an update moved a ticket away from, so that their roll-ups
 * are recomputed as well. */
typedef struct
{
  char created_day[QD_TICKET_DAY_SIZE];
  char solved_day[QD_TICKET_DAY_SIZE];                   /* "" when it was not solved */
} QdTicketOldDays;

typedef struct
{
  gint64  id;
  char   *source;
  char   *name;
  char   *email;
  gint64  member_id;                                     /* 0 when not linked */
  char   *member_name;                                   /* "" when not linked */
  guint   n_tickets;
} QdHelpdeskAgentRecord;

const char *qd_csat_to_string                     (QdCsat                  csat);

void        qd_helpdesk_agent_record_free         (QdHelpdeskAgentRecord  *record);

/* Finds the agent by source, name and email, or adds them, linking a new
 * agent to the roster member with the same email or, failing that, the
 * same name (ignoring case and accents) when exactly one matches.
 * Returns the agent's id, or 0 with @error set. */
gint64      qd_store_ensure_helpdesk_agent        (QdStore                *self,
                                                   const char             *source,
                                                   const char             *name,
                                                   const char             *email,
                                                   GError                **error);
/* The roster member a helpdesk agent is, by email then by name; 0 for
 * none or more than one (then *ambiguous is set), -1 on error. */
gint64      qd_store_match_member                 (QdStore                *self,
                                                   const char             *name,
                                                   const char             *email,
                                                   gboolean               *ambiguous,
                                                   GError                **error);
/* Links every agent not yet linked to the member it matches. Returns the
 * number linked, or -1 with @error set. */
gint        qd_store_match_helpdesk_agents        (QdStore                *self,
                                                   GError                **error);
/* Links (member_id > 0) or unlinks (0) one agent. */
gboolean    qd_store_link_helpdesk_agent          (QdStore                *self,
                                                   gint64                  agent_id,
                                                   gint64                  member_id,
                                                   GError                **error);
/* Agents whose name (or, when they have none, email) is @agent. (element-type gint64) */
GArray     *qd_store_find_helpdesk_agents         (QdStore                *self,
                                                   const char             *agent,
                                                   GError                **error);
/* (element-type QdHelpdeskAgentRecord) all agents, or only those not linked */
GPtrArray  *qd_store_list_helpdesk_agents         (QdStore                *self,
                                                   gboolean                unmatched_only,
                                                   GError                **error);

/* Adds the ticket or, when (source, external_id) is already there,
 * brings it up to date; *inserted says which. @old_days, when not NULL,
 * receives the days an updated ticket had before. For one ticket; a
 * bulk import uses a QdTicketWriter. */
gboolean    qd_store_upsert_ticket                (QdStore                *self,
                                                   const char             *source,
                                                   const QdTicketRecord   *record,
                                                   const char             *imported_at,
                                                   gboolean               *inserted,
                                                   QdTicketOldDays        *old_days,
                                                   GError                **error);

/* Writes many tickets of one source, inside the caller's transaction,
 * with its statements prepared once and the agents' ids kept at hand. */
typedef struct _QdTicketWriter QdTicketWriter;

QdTicketWriter *qd_ticket_writer_new              (QdStore                *store,
                                                   const char             *source,
                                                   const char             *imported_at,
                                                   GError                **error);
/* As qd_store_ensure_helpdesk_agent(), remembered: 0 with @error set on
 * error. An agent with neither name nor email is no agent: 0, no error. */
gint64      qd_ticket_writer_ensure_agent         (QdTicketWriter         *self,
                                                   const char             *name,
                                                   const char             *email,
                                                   GError                **error);
gboolean    qd_ticket_writer_upsert               (QdTicketWriter         *self,
                                                   const QdTicketRecord   *record,
                                                   gboolean               *inserted,
                                                   QdTicketOldDays        *old_days,
                                                   GError                **error);
/* The ids of the agents this writer handed out. (element-type gint64) */
GArray     *qd_ticket_writer_dup_agent_ids        (QdTicketWriter         *self);
void        qd_ticket_writer_free                 (QdTicketWriter         *self);
/* Counts tickets, of one source or (NULL) all; -1 on error. */
gint64      qd_store_count_tickets                (QdStore                *self,
                                                   const char             *source,
                                                   GError                **error);
/* The first and last local day of an agent's tickets (0: of all tickets),
 * created or solved; both NULL when there are none. */
gboolean    qd_store_get_ticket_days              (QdStore                *self,
                                                   gint64                  agent_id,
                                                   char                  **first_day,
                                                   char                  **last_day,
                                                   GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdHelpdeskAgentRecord, qd_helpdesk_agent_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdTicketWriter, qd_ticket_writer_free)

G_END_DECLS
