/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-store-tickets.h"
#include "qd-ticket-importer.h"

G_BEGIN_DECLS

/* The pure part of the ticket import: what a helpdesk export's header
 * means, and one row turned into a ticket record or the reason it cannot
 * be. No I/O and, for a good row, no allocation. */

typedef struct _QdTicketMap QdTicketMap;

/* One mapped row. The strings point into the map's scratch space and
 * stay valid until the next row is mapped. */
typedef struct
{
  QdTicketRecord  ticket;          /* agent_id is 0: the importer finds the agent */
  const char     *agent_name;      /* "" for none */
  const char     *agent_email;     /* "" for none */
  gint64          created_unix;    /* the same instants, as seconds since 1970 UTC */
  gint64          solved_unix;     /* 0 when not solved */
} QdMappedTicket;

/* What a date and time in a file say, before any time zone. */
typedef struct
{
  int       year, month, day;
  int       hour, minute, second;
  gboolean  has_time;
  gboolean  has_offset;            /* "Z", "+02:00", "UTC": an instant, not a local time */
  int       offset_seconds;        /* east of UTC */
} QdParsedTime;

typedef enum
{
  QD_PARSE_OK,
  QD_PARSE_EMPTY,
  QD_PARSE_BAD,                    /* not a form we read */
  QD_PARSE_IMPOSSIBLE,             /* 31/02/2026, 25:10 */
  QD_PARSE_ORDER_CONFLICT,         /* month first after day-first dates, or the reverse */
} QdParseResult;

/* How numeric dates with slashes are read: 04/03/2026. */
typedef enum
{
  QD_DATE_ORDER_DAY_FIRST,
  QD_DATE_ORDER_MONTH_FIRST,
} QdDateOrder;

/* The preset whose required headers are all there, or QD_PRESET_AUTO
 * when none is. */
QdPreset       qd_ticket_map_detect             (const char * const  *headers,
                                                 guint                n_headers);
/* 'zendesk' (also for Explore: the same ticket ids), 'freshdesk', 'csv' */
const char    *qd_preset_to_source              (QdPreset             preset);

QdTicketMap   *qd_ticket_map_new                (QdPreset             preset,
                                                 const char * const  *headers,
                                                 guint                n_headers,
                                                 const QdField       *mapping,
                                                 guint                n_mapping,
                                                 GTimeZone           *timezone,
                                                 GError             **error);
QdPreset       qd_ticket_map_get_preset         (QdTicketMap         *self);
const char    *qd_ticket_map_get_source         (QdTicketMap         *self);
/* The column of @field, or -1 when the file has none. */
int            qd_ticket_map_get_column         (QdTicketMap         *self,
                                                 QdField              field);
/* Maps one row. On failure @error holds the reason a head of support
 * reads after "Row 412: ", e.g. "the date “31/02/2026” does not exist". */
gboolean       qd_ticket_map_row                (QdTicketMap         *self,
                                                 const char * const  *fields,
                                                 guint                n_fields,
                                                 QdMappedTicket      *out,
                                                 GError             **error);
void           qd_ticket_map_free               (QdTicketMap         *self);

/* The pieces, for tests. @order is updated when an unambiguous date
 * settles it; @order_fixed says whether earlier dates already relied on
 * it. */
QdParseResult  qd_ticket_parse_time             (const char          *text,
                                                 QdDateOrder         *order,
                                                 gboolean            *order_fixed,
                                                 QdParsedTime        *out);
/* Minutes from "90", "1.5" (hours when @in_hours), "1:30:00" or "1:30"
 * (hours and minutes, whatever the unit). */
QdParseResult  qd_ticket_parse_duration         (const char          *text,
                                                 gboolean             in_hours,
                                                 double              *minutes);
QdParseResult  qd_ticket_parse_csat             (const char          *text,
                                                 QdCsat              *csat);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdTicketMap, qd_ticket_map_free)

G_END_DECLS
