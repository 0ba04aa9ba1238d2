/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-store"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-store-metrics.h"
#include "qd-store-private.h"

/* The roll-ups of the ticket metrics are computed in one pass over the
 * tickets, whatever the number of periods and scopes:
 *
 * 1. every ticket adds to a "cell", one person on one day (the day it was
 *    solved, or for the first reply the day it was created), and its
 *    first reply and resolution times are kept with their cell;
 * 2. each cell is added to its groups: organisation, team and member, by
 *    week and by month (an agent-day is a cell with a solve);
 * 3. the times are sorted once, then dealt out to the groups of each kind
 *    in that order, so each group's times come out sorted and its median
 *    is read off directly.
 *
 * Tiers use the same machinery with one group per member for the whole
 * range. */

#define ROWS_PER_CANCEL_CHECK 4096
#define NONE G_MAXUINT32
#define KEY_MARK (G_GUINT64_CONSTANT (1) << 63)
#define FIRST_DAY G_MININT32
#define LAST_DAY G_MAXINT32

/* ---- days ---- */

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar. */
static gint32
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint32  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  int z = days + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

static inline gboolean
parse_day (const char *s,
           gsize       len,
           gint32     *days)
{
  static const guint8 month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int y, m, d, last;

  if (s == NULL || len != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;

  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1)
    return FALSE;
  last = month_days[m - 1] + (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
  if (d > last)
    return FALSE;

  *days = days_from_civil (y, m, d);
  return TRUE;
}

static gint32
week_start (gint32 days)
{
  /* 1970-01-01 was a Thursday, three days after a Monday. */
  int weekday = ((days + 3) % 7 + 7) % 7;

  return days - weekday;
}

static int
month_index (gint32 days)
{
  int y, m, d;

  civil_from_days (days, &y, &m, &d);
  return y * 12 + m - 1;
}

static gint32
month_index_start (int index)
{
  return days_from_civil (index / 12, index % 12 + 1, 1);
}

static void
format_day (gint32  days,
            char    out[11])
{
  int y, m, d;

  civil_from_days (days, &y, &m, &d);
  g_snprintf (out, 11, "%04d-%02d-%02d", y, m, d);
}

static gboolean
check_day (const char  *text,
           gint32      *days,
           GError     **error)
{
  if (!parse_day (text, strlen (text), days))
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_FAILED,
                   _("“%s” is not a date. Write it as year-month-day, for example 2026-11-16."),
                   text);
      return FALSE;
    }
  return TRUE;
}

/* The periods a recompute rewrites, and the days whose tickets it reads. */
typedef struct
{
  gint32 first_day;        /* buckets (created or solved days) read */
  gint32 last_day;
  gint32 first_week;       /* Mondays of the weeks rewritten */
  gint32 last_week;
  int    first_month;      /* month indexes (year × 12 + month − 1) rewritten */
  int    last_month;
  gboolean everything;
  char   week_from[11];    /* the same as text, for SQL */
  char   week_to[11];
  char   month_from[11];
  char   month_to[11];
  char   day_from[11];
  char   day_to[11];
} Window;

static gboolean
window_init (Window      *w,
             const char  *from_day,
             const char  *to_day,
             GError     **error)
{
  gint32 from = 0, to = 0;

  memset (w, 0, sizeof *w);
  w->everything = from_day == NULL && to_day == NULL;

  if (from_day != NULL && !check_day (from_day, &from, error))
    return FALSE;
  if (to_day != NULL && !check_day (to_day, &to, error))
    return FALSE;
  if (from_day != NULL && to_day != NULL && from > to)
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_FAILED,
                   _("The period from %s to %s ends before it starts."), from_day, to_day);
      return FALSE;
    }

  if (from_day != NULL)
    {
      w->first_week = week_start (from);
      w->first_month = month_index (from);
      w->first_day = MIN (w->first_week, month_index_start (w->first_month));
      format_day (w->first_week, w->week_from);
      format_day (month_index_start (w->first_month), w->month_from);
      format_day (w->first_day, w->day_from);
    }
  else
    {
      w->first_week = FIRST_DAY;
      w->first_month = G_MININT;
      w->first_day = FIRST_DAY;
      strcpy (w->week_from, "0000-00-00");
      strcpy (w->month_from, "0000-00-00");
      strcpy (w->day_from, "0000-00-00");
    }

  if (to_day != NULL)
    {
      w->last_week = week_start (to);
      w->last_month = month_index (to);
      w->last_day = MAX (w->last_week + 6, month_index_start (w->last_month + 1) - 1);
      format_day (w->last_week, w->week_to);
      format_day (month_index_start (w->last_month), w->month_to);
      format_day (w->last_day, w->day_to);
    }
  else
    {
      w->last_week = LAST_DAY;
      w->last_month = G_MAXINT;
      w->last_day = LAST_DAY;
      strcpy (w->week_to, "9999-99-99");
      strcpy (w->month_to, "9999-99-99");
      strcpy (w->day_to, "9999-99-99");
    }

  return TRUE;
}

/* ---- a map from 64-bit keys to indexes (open addressing) ---- */

typedef struct
{
  guint64 *keys;          /* 0 = free; real keys carry KEY_MARK */
  guint32 *values;
  gsize    mask;
  gsize    len;
} IdMap;

static inline gsize
mix64 (guint64 x)
{
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return (gsize) x;
}

static void
id_map_init (IdMap *map)
{
  map->mask = 1023;
  map->len = 0;
  map->keys = g_new0 (guint64, map->mask + 1);
  map->values = g_new (guint32, map->mask + 1);
}

static void
id_map_clear (IdMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->values, g_free);
  map->mask = 0;
  map->len = 0;
}

static void
id_map_grow (IdMap *map)
{
  guint64 *old_keys = map->keys;
  guint32 *old_values = map->values;
  gsize old_size = map->mask + 1;

  map->mask = old_size * 2 - 1;
  map->keys = g_new0 (guint64, map->mask + 1);
  map->values = g_new (guint32, map->mask + 1);

  for (gsize i = 0; i < old_size; i++)
    if (old_keys[i] != 0)
      {
        gsize j = mix64 (old_keys[i]) & map->mask;

        while (map->keys[j] != 0)
          j = (j + 1) & map->mask;
        map->keys[j] = old_keys[i];
        map->values[j] = old_values[i];
      }
  g_free (old_keys);
  g_free (old_values);
}

static inline guint32
id_map_lookup (const IdMap *map,
               guint64      key)
{
  gsize i;

  key |= KEY_MARK;
  for (i = mix64 (key) & map->mask; map->keys[i] != 0; i = (i + 1) & map->mask)
    if (map->keys[i] == key)
      return map->values[i];
  return NONE;
}

/* Returns the value of @key, first storing @value for it when it has none;
 * @added says which happened. */
static inline guint32
id_map_insert (IdMap    *map,
               guint64   key,
               guint32   value,
               gboolean *added)
{
  gsize i;

  key |= KEY_MARK;
  for (i = mix64 (key) & map->mask; map->keys[i] != 0; i = (i + 1) & map->mask)
    if (map->keys[i] == key)
      {
        *added = FALSE;
        return map->values[i];
      }

  map->keys[i] = key;
  map->values[i] = value;
  map->len++;
  *added = TRUE;
  if (map->len * 2 > map->mask)
    id_map_grow (map);
  return value;
}

/* ---- the tally of tickets ---- */

typedef enum
{
  SCOPE_ORG,
  SCOPE_TEAM,
  SCOPE_MEMBER,
} Scope;

typedef enum
{
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_RANGE,            /* the whole range read, for tiers */
} Period;

static const char * const scope_nicks[] = { "org", "team", "member" };
static const char * const period_nicks[] = { "week", "month", "range" };

typedef struct
{
  Scope  scope;
  Period period;
} Combo;

typedef enum
{
  METRIC_CSAT,
  METRIC_FIRST_REPLY,
  METRIC_RESOLUTION,
  METRIC_REOPEN_RATE,
  METRIC_TICKETS_SOLVED,
  METRIC_SOLVED_PER_AGENT_DAY,
  N_TICKET_METRICS
} TicketMetric;

static const char * const ticket_metric_keys[N_TICKET_METRICS] = {
  "csat", "first-reply", "resolution", "reopen-rate", "tickets-solved", "solved-per-agent-day",
};

/* Somebody who solves tickets: a member (with all their helpdesk
 * accounts), or a helpdesk agent linked to nobody. Person 0 is nobody,
 * for tickets without an agent. */
typedef struct
{
  gint64  member_id;       /* 0 for an agent linked to nobody */
  gint64  team_id;         /* 0 for none */
  guint32 team;            /* dense index of the team, NONE for none */
} Person;

typedef struct
{
  gint32  day;
  guint32 person;
  guint32 solved;
  guint32 reopened;
  guint32 rated;
  guint32 satisfied;
} Cell;

typedef struct
{
  double  value;
  guint32 cell;
} Sample;

typedef struct
{
  gint64  scope_id;
  gint32  period_day;      /* first day of the period; 0 for a range */
  guint8  scope;
  guint8  period;
  guint32 solved;
  guint32 reopened;
  guint32 rated;
  guint32 satisfied;
  guint32 agent_solved;
  guint32 agent_days;
  guint32 n_first_reply;
  guint32 n_resolution;
  double  first_reply;
  double  resolution;
} Group;

typedef struct
{
  GArray *persons;         /* Person */
  IdMap   agents;          /* helpdesk agent id → person */
  IdMap   members;         /* member id → person */
  IdMap   teams;           /* team id → dense index */
  guint32 n_teams;
  gboolean known_agents_only;

  IdMap   cells_map;       /* person × day → cell */
  GArray *cells;           /* Cell */
  GArray *first_replies;   /* Sample */
  GArray *resolutions;     /* Sample */

  IdMap   groups_map;
  GArray *groups;          /* Group */
  guint32 *cell_groups;    /* n_cells × n_combos */
} Tally;

static void
tally_init (Tally *t)
{
  memset (t, 0, sizeof *t);
  t->persons = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_size (t->persons, 1);
  g_array_index (t->persons, Person, 0).team = NONE;
  id_map_init (&t->agents);
  id_map_init (&t->members);
  id_map_init (&t->teams);
  id_map_init (&t->cells_map);
  id_map_init (&t->groups_map);
  t->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  t->first_replies = g_array_new (FALSE, FALSE, sizeof (Sample));
  t->resolutions = g_array_new (FALSE, FALSE, sizeof (Sample));
  t->groups = g_array_new (FALSE, FALSE, sizeof (Group));
}

static void
tally_clear (Tally *t)
{
  g_clear_pointer (&t->persons, g_array_unref);
  id_map_clear (&t->agents);
  id_map_clear (&t->members);
  id_map_clear (&t->teams);
  id_map_clear (&t->cells_map);
  id_map_clear (&t->groups_map);
  g_clear_pointer (&t->cells, g_array_unref);
  g_clear_pointer (&t->first_replies, g_array_unref);
  g_clear_pointer (&t->resolutions, g_array_unref);
  g_clear_pointer (&t->groups, g_array_unref);
  g_clear_pointer (&t->cell_groups, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tally, tally_clear)

/* Who is who: helpdesk agents, the members they are linked to and the
 * members' teams. With @active_agents_only, only agents linked to an
 * active member at agent level, and the tickets of others are skipped. */
static gboolean
tally_load_people (QdStore   *self,
                   Tally     *t,
                   gboolean   active_agents_only,
                   GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qd_store_prepare (self, active_agents_only
                            ? "SELECT a.id, a.member_id, m.team_id FROM helpdesk_agents a "
                              "JOIN members m ON m.id = a.member_id "
                              "WHERE m.level = 'agent' AND m.status = 'active'"
                            : "SELECT a.id, a.member_id, m.team_id FROM helpdesk_agents a "
                              "LEFT JOIN members m ON m.id = a.member_id",
                            error);
  if (stmt == NULL)
    return FALSE;

  t->known_agents_only = active_agents_only;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 agent = sqlite3_column_int64 (stmt, 0);
      gint64 member = sqlite3_column_int64 (stmt, 1);
      gint64 team = sqlite3_column_int64 (stmt, 2);
      guint32 person = t->persons->len;
      gboolean added = TRUE;

      if (member > 0)
        person = id_map_insert (&t->members, (guint64) member, person, &added);
      if (added)
        {
          Person p = { member, team, NONE };

          if (team > 0)
            p.team = id_map_insert (&t->teams, (guint64) team, t->n_teams, &added);
          if (team > 0 && added)
            t->n_teams++;
          g_array_append_val (t->persons, p);
        }
      id_map_insert (&t->agents, (guint64) agent, person, &added);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static inline guint32
tally_cell (Tally   *t,
            guint32  person,
            gint32   day)
{
  guint64 key = ((guint64) person << 32) | (guint32) day;
  gboolean added;
  guint32 cell;

  cell = id_map_insert (&t->cells_map, key, t->cells->len, &added);
  if (added)
    {
      Cell c = { day, person, 0, 0, 0, 0 };
      g_array_append_val (t->cells, c);
    }
  return cell;
}

/* Adds the rows of @stmt: their first reply (by created day) when
 * @created, the rest (by solved day) when @solved; only the days in
 * [first_day, last_day] count. */
static gboolean
tally_add_rows (QdStore       *self,
                Tally         *t,
                const Window  *w,
                sqlite3_stmt  *stmt,
                gboolean       created,
                gboolean       solved,
                GCancellable  *cancellable,
                GError       **error)
{
  gint64 last_agent = -1;
  guint32 last_person = 0;
  guint64 rows = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 person = 0;
      gint32 day;

      if (++rows % ROWS_PER_CANCEL_CHECK == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          gint64 agent = sqlite3_column_int64 (stmt, 0);

          if (agent != last_agent)
            {
              last_person = id_map_lookup (&t->agents, (guint64) agent);
              last_agent = agent;
            }
          person = last_person;
        }
      if (t->known_agents_only && (person == NONE || person == 0))
        continue;
      if (person == NONE)
        person = 0;

      /* The first reply counts on the day the ticket came in. */
      if (created && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 1);

          if (parse_day (text, (gsize) sqlite3_column_bytes (stmt, 1), &day) &&
              day >= w->first_day && day <= w->last_day)
            {
              Sample s = { sqlite3_column_double (stmt, 3), tally_cell (t, person, day) };
              g_array_append_val (t->first_replies, s);
            }
        }

      /* Everything else on the day it was solved. */
      if (solved && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 2);
          const char *csat;
          Cell *cell;
          guint32 index;

          if (!parse_day (text, (gsize) sqlite3_column_bytes (stmt, 2), &day) ||
              day < w->first_day || day > w->last_day)
            continue;

          index = tally_cell (t, person, day);
          cell = &g_array_index (t->cells, Cell, index);
          cell->solved++;
          if (sqlite3_column_int64 (stmt, 6) > 0)
            cell->reopened++;

          csat = (const char *) sqlite3_column_text (stmt, 5);
          if (csat != NULL)
            {
              if (strcmp (csat, "satisfied") == 0)
                {
                  cell->rated++;
                  cell->satisfied++;
                }
              else if (strcmp (csat, "neutral") == 0 || strcmp (csat, "unsatisfied") == 0)
                cell->rated++;
            }

          if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
            {
              Sample s = { sqlite3_column_double (stmt, 4), index };
              g_array_append_val (t->resolutions, s);
            }
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Whether reading every ticket is quicker than looking up the ones in the
 * window through the day indexes: an index lookup costs about ten times
 * a row of a scan, so it is when the window covers over an eighth of the
 * days there are tickets for. */
static gboolean
prefer_full_scan (QdStore       *self,
                  const Window  *w,
                  gboolean      *full,
                  GError       **error)
{
  sqlite3_stmt *stmt;
  gint32 first = 0, last = 0, solved_last = 0;
  int rc;

  *full = TRUE;
  if (w->everything)
    return TRUE;

  /* Three subqueries, so that each is answered from its index alone. */
  stmt = _qd_store_prepare (self,
                            "SELECT (SELECT min (created_day) FROM tickets), "
                            "(SELECT max (created_day) FROM tickets), "
                            "(SELECT max (solved_day) FROM tickets)",
                            error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gboolean known =
        parse_day ((const char *) sqlite3_column_text (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0), &first) &&
        parse_day ((const char *) sqlite3_column_text (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1), &last);

      if (parse_day ((const char *) sqlite3_column_text (stmt, 2), (gsize) sqlite3_column_bytes (stmt, 2),
                     &solved_last))
        last = MAX (last, solved_last);
      if (known && last >= first)
        {
          gint64 from = MAX ((gint64) w->first_day, first);
          gint64 to = MIN ((gint64) w->last_day, last);
          gint64 span = (gint64) last - first + 1;

          *full = (to - from + 1) * 8 > span;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      _qd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads the tickets with a created or solved day in [first_day, last_day]
 * (all of them when @everything). */
static gboolean
tally_read_tickets (QdStore       *self,
                    Tally         *t,
                    const Window  *w,
                    GCancellable  *cancellable,
                    GError       **error)
{
#define TICKET_COLUMNS \
  "SELECT agent_id, created_day, solved_day, first_reply_minutes, resolution_minutes, csat, reopens " \
  "FROM tickets "

  sqlite3_stmt *stmt;
  gboolean full;

  if (!prefer_full_scan (self, w, &full, error))
    return FALSE;

  if (full)
    {
      stmt = _qd_store_prepare (self, TICKET_COLUMNS, error);
      return stmt != NULL && tally_add_rows (self, t, w, stmt, TRUE, TRUE, cancellable, error);
    }

  /* Two range scans rather than one with OR, which SQLite answers by
   * collecting and de-duplicating the row ids of both. */
  stmt = _qd_store_prepare (self, TICKET_COLUMNS "WHERE solved_day BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, w->day_from);
  _qd_store_bind_text (stmt, 2, w->day_to);
  if (!tally_add_rows (self, t, w, stmt, FALSE, TRUE, cancellable, error))
    return FALSE;

  stmt = _qd_store_prepare (self, TICKET_COLUMNS "WHERE created_day BETWEEN ?1 AND ?2 "
                            "AND first_reply_minutes IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, w->day_from);
  _qd_store_bind_text (stmt, 2, w->day_to);
  return tally_add_rows (self, t, w, stmt, TRUE, FALSE, cancellable, error);

#undef TICKET_COLUMNS
}

/* scope (2 bits) | period (2 bits) | scope index (32 bits) | day (27 bits) */
static inline guint64
group_key (Scope    scope,
           Period   period,
           guint32  scope_index,
           gint32   period_day)
{
  return ((guint64) scope << 61) | ((guint64) period << 59) |
         ((guint64) scope_index << 27) | ((guint32) (period_day + (1 << 26)) & 0x7ffffff);
}

static guint32
tally_group (Tally   *t,
             Scope    scope,
             Period   period,
             guint32  scope_index,
             gint64   scope_id,
             gint32   period_day)
{
  guint64 key = group_key (scope, period, scope_index, period_day);
  gboolean added;
  guint32 group;

  group = id_map_insert (&t->groups_map, key, t->groups->len, &added);
  if (added)
    {
      Group g = { 0 };

      g.scope_id = scope_id;
      g.period_day = period_day;
      g.scope = scope;
      g.period = period;
      g.first_reply = NAN;
      g.resolution = NAN;
      g_array_append_val (t->groups, g);
    }
  return group;
}

/* Adds each cell to its group of each combination that the window
 * rewrites. */
static void
tally_assign_groups (Tally        *t,
                     const Window *w,
                     const Combo  *combos,
                     guint         n_combos)
{
  t->cell_groups = g_new (guint32, (gsize) t->cells->len * n_combos);

  for (guint32 i = 0; i < t->cells->len; i++)
    {
      const Cell *cell = &g_array_index (t->cells, Cell, i);
      const Person *person = &g_array_index (t->persons, Person, cell->person);
      gint32 monday = week_start (cell->day);
      int month = month_index (cell->day);

      for (guint c = 0; c < n_combos; c++)
        {
          guint32 scope_index = 0;
          gint64 scope_id = 0;
          gint32 period_day = 0;
          guint32 index;
          Group *g;

          t->cell_groups[(gsize) i * n_combos + c] = NONE;

          switch (combos[c].scope)
            {
            case SCOPE_ORG:
              break;
            case SCOPE_TEAM:
              if (person->team == NONE)
                continue;
              scope_index = person->team;
              scope_id = person->team_id;
              break;
            case SCOPE_MEMBER:
            default:
              if (person->member_id <= 0)
                continue;
              scope_index = cell->person;
              scope_id = person->member_id;
              break;
            }

          switch (combos[c].period)
            {
            case PERIOD_WEEK:
              if (monday < w->first_week || monday > w->last_week)
                continue;
              period_day = monday;
              break;
            case PERIOD_MONTH:
              if (month < w->first_month || month > w->last_month)
                continue;
              period_day = month_index_start (month);
              break;
            case PERIOD_RANGE:
            default:
              break;
            }

          index = tally_group (t, combos[c].scope, combos[c].period, scope_index, scope_id, period_day);
          t->cell_groups[(gsize) i * n_combos + c] = index;

          g = &g_array_index (t->groups, Group, index);
          g->solved += cell->solved;
          g->reopened += cell->reopened;
          g->rated += cell->rated;
          g->satisfied += cell->satisfied;
          if (cell->person != 0 && cell->solved > 0)
            {
              g->agent_solved += cell->solved;
              g->agent_days++;
            }
        }
    }
}

/* The bits of a double as an integer that sorts the same way. */
static inline guint64
sort_key (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return (bits & KEY_MARK) != 0 ? ~bits : bits | KEY_MARK;
}

/* Sorts samples by value: a radix sort, 16 bits a pass, skipping the
 * passes where every key has the same digit (most of the high ones). */
static void
sort_samples (GArray *samples)
{
  gsize n = samples->len;
  g_autofree Sample *scratch = NULL;
  g_autofree guint32 *counts = NULL;
  Sample *from = (Sample *) (void *) samples->data;
  Sample *to;

  if (n < 2)
    return;

  scratch = g_new (Sample, n);
  counts = g_new (guint32, 65536);
  to = scratch;

  for (guint shift = 0; shift < 64; shift += 16)
    {
      guint32 offset = 0;
      guint first_digit = (guint) ((sort_key (from[0].value) >> shift) & 0xffff);

      memset (counts, 0, sizeof (guint32) * 65536);
      for (gsize i = 0; i < n; i++)
        counts[(sort_key (from[i].value) >> shift) & 0xffff]++;
      if (counts[first_digit] == n)
        continue;

      for (guint d = 0; d < 65536; d++)
        {
          guint32 c = counts[d];
          counts[d] = offset;
          offset += c;
        }
      for (gsize i = 0; i < n; i++)
        to[counts[(sort_key (from[i].value) >> shift) & 0xffff]++] = from[i];

      {
        Sample *swap = from;
        from = to;
        to = swap;
      }
    }

  if (from != (Sample *) (void *) samples->data)
    memcpy (samples->data, from, n * sizeof (Sample));
}

/* Sorts the samples once, then for each combination deals them out to
 * their groups in that order: each group's slice comes out sorted. */
static void
tally_medians (Tally    *t,
               GArray   *samples,
               guint     n_combos,
               gboolean  first_reply)
{
  guint32 n_groups = t->groups->len;
  g_autofree guint32 *counts = NULL;
  g_autofree guint32 *fill = NULL;
  g_autofree double *dealt = NULL;

  if (samples->len == 0 || n_groups == 0)
    return;

  sort_samples (samples);
  counts = g_new (guint32, n_groups);
  fill = g_new (guint32, n_groups);
  dealt = g_new (double, samples->len);

  for (guint c = 0; c < n_combos; c++)
    {
      guint32 offset = 0;

      memset (counts, 0, sizeof (guint32) * n_groups);
      for (guint32 i = 0; i < samples->len; i++)
        {
          guint32 g = t->cell_groups[(gsize) g_array_index (samples, Sample, i).cell * n_combos + c];

          if (g != NONE)
            counts[g]++;
        }

      for (guint32 g = 0; g < n_groups; g++)
        {
          fill[g] = offset;
          offset += counts[g];
        }

      for (guint32 i = 0; i < samples->len; i++)
        {
          const Sample *s = &g_array_index (samples, Sample, i);
          guint32 g = t->cell_groups[(gsize) s->cell * n_combos + c];

          if (g != NONE)
            dealt[fill[g]++] = s->value;
        }

      for (guint32 g = 0; g < n_groups; g++)
        {
          Group *group;
          const double *slice;
          guint32 n = counts[g];
          double median;

          if (n == 0)
            continue;

          /* fill[g] now points just past the group's slice. */
          slice = dealt + fill[g] - n;
          median = n % 2 == 1 ? slice[n / 2] : (slice[n / 2 - 1] + slice[n / 2]) / 2.0;
          group = &g_array_index (t->groups, Group, g);
          if (first_reply)
            {
              group->n_first_reply = n;
              group->first_reply = median;
            }
          else
            {
              group->n_resolution = n;
              group->resolution = median;
            }
        }
    }
}

static gboolean
tally_run (QdStore       *self,
           Tally         *t,
           const Window  *w,
           gboolean       active_agents_only,
           const Combo   *combos,
           guint          n_combos,
           GCancellable  *cancellable,
           GError       **error)
{
  if (!tally_load_people (self, t, active_agents_only, error) ||
      !tally_read_tickets (self, t, w, cancellable, error))
    return FALSE;

  tally_assign_groups (t, w, combos, n_combos);
  tally_medians (t, t->first_replies, n_combos, TRUE);
  tally_medians (t, t->resolutions, n_combos, FALSE);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* The value of a metric for a group; FALSE when there is no data. */
static gboolean
group_value (const Group  *g,
             TicketMetric  metric,
             double       *value,
             guint        *sample)
{
  switch (metric)
    {
    case METRIC_CSAT:
      if (g->rated == 0)
        return FALSE;
      *value = 100.0 * g->satisfied / g->rated;
      *sample = g->rated;
      return TRUE;

    case METRIC_FIRST_REPLY:
      if (g->n_first_reply == 0)
        return FALSE;
      *value = g->first_reply;
      *sample = g->n_first_reply;
      return TRUE;

    case METRIC_RESOLUTION:
      if (g->n_resolution == 0)
        return FALSE;
      *value = g->resolution;
      *sample = g->n_resolution;
      return TRUE;

    case METRIC_REOPEN_RATE:
      if (g->solved == 0)
        return FALSE;
      *value = 100.0 * g->reopened / g->solved;
      *sample = g->solved;
      return TRUE;

    case METRIC_TICKETS_SOLVED:
      if (g->solved == 0)
        return FALSE;
      *value = g->solved;
      *sample = g->solved;
      return TRUE;

    case METRIC_SOLVED_PER_AGENT_DAY:
      if (g->agent_days == 0)
        return FALSE;
      *value = (double) g->agent_solved / g->agent_days;
      *sample = g->agent_days;
      return TRUE;

    case N_TICKET_METRICS:
    default:
      return FALSE;
    }
}

static int
ticket_metric_from_key (const char *key)
{
  for (guint i = 0; i < N_TICKET_METRICS; i++)
    if (g_strcmp0 (key, ticket_metric_keys[i]) == 0)
      return (int) i;
  return -1;
}

/* ---- roll-ups ---- */

enum
{
  RECOMPUTE_TICKETS = 1 << 0,
  RECOMPUTE_MANUAL  = 1 << 1,
};

static gboolean
delete_rollups (QdStore       *self,
                const Window  *w,
                guint          what,
                GError       **error)
{
  sqlite3_stmt *stmt;

  if (w->everything && what == (RECOMPUTE_TICKETS | RECOMPUTE_MANUAL))
    {
      stmt = _qd_store_prepare (self, "DELETE FROM metric_values", error);
      if (stmt == NULL)
        return FALSE;
      return _qd_store_step_done (self, stmt, error);
    }

  stmt = _qd_store_prepare (self,
                            "DELETE FROM metric_values "
                            "WHERE metric IN (SELECT key FROM metrics WHERE ?5 IS NULL OR source = ?5) "
                            "AND ((period = 'week' AND period_start BETWEEN ?1 AND ?2) "
                            "OR (period = 'month' AND period_start BETWEEN ?3 AND ?4))",
                            error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, w->week_from);
  _qd_store_bind_text (stmt, 2, w->week_to);
  _qd_store_bind_text (stmt, 3, w->month_from);
  _qd_store_bind_text (stmt, 4, w->month_to);
  _qd_store_bind_text (stmt, 5, what == RECOMPUTE_TICKETS ? "tickets"
                                : what == RECOMPUTE_MANUAL ? "manual" : NULL);
  return _qd_store_step_done (self, stmt, error);
}

/* Which of the ticket metrics the database defines (a metric row the
 * user removed is not written). */
static gboolean
present_ticket_metrics (QdStore   *self,
                        gboolean   present[N_TICKET_METRICS],
                        GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qd_store_prepare (self, "SELECT key FROM metrics WHERE source = 'tickets'", error);
  if (stmt == NULL)
    return FALSE;

  memset (present, 0, sizeof (gboolean) * N_TICKET_METRICS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int metric = ticket_metric_from_key ((const char *) sqlite3_column_text (stmt, 0));
      if (metric >= 0)
        present[metric] = TRUE;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The metrics in the order of their keys, and groups in the order of
 * (scope, scope_id, period, period_start) as text: metric_values' key. */
static const TicketMetric metrics_in_key_order[N_TICKET_METRICS] = {
  METRIC_CSAT, METRIC_FIRST_REPLY, METRIC_REOPEN_RATE, METRIC_RESOLUTION,
  METRIC_SOLVED_PER_AGENT_DAY, METRIC_TICKETS_SOLVED,
};

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  /* "member" < "org" < "team"; "month" < "week" */
  static const int scope_rank[] = { [SCOPE_ORG] = 1, [SCOPE_TEAM] = 2, [SCOPE_MEMBER] = 0 };
  static const int period_rank[] = { [PERIOD_WEEK] = 1, [PERIOD_MONTH] = 0, [PERIOD_RANGE] = 2 };
  GArray *groups = data;
  const Group *x = &g_array_index (groups, Group, *(const guint32 *) a);
  const Group *y = &g_array_index (groups, Group, *(const guint32 *) b);

  if (x->scope != y->scope)
    return scope_rank[x->scope] - scope_rank[y->scope];
  if (x->scope_id != y->scope_id)
    return x->scope_id < y->scope_id ? -1 : 1;
  if (x->period != y->period)
    return period_rank[x->period] - period_rank[y->period];
  return (x->period_day > y->period_day) - (x->period_day < y->period_day);
}

static gboolean
recompute_ticket_rollups (QdStore       *self,
                          const Window  *w,
                          GCancellable  *cancellable,
                          GError       **error)
{
  static const Combo combos[] = {
    { SCOPE_ORG, PERIOD_WEEK }, { SCOPE_ORG, PERIOD_MONTH },
    { SCOPE_TEAM, PERIOD_WEEK }, { SCOPE_TEAM, PERIOD_MONTH },
    { SCOPE_MEMBER, PERIOD_WEEK }, { SCOPE_MEMBER, PERIOD_MONTH },
  };
  g_auto(Tally) t = { 0 };
  g_autofree guint32 *order = NULL;
  gboolean present[N_TICKET_METRICS];
  sqlite3_stmt *stmt;

  tally_init (&t);

  if (!present_ticket_metrics (self, present, error) ||
      !tally_run (self, &t, w, FALSE, combos, G_N_ELEMENTS (combos), cancellable, error))
    return FALSE;

  stmt = _qd_store_prepare (self,
                            "INSERT INTO metric_values "
                            "(metric, scope, scope_id, period, period_start, value, sample_size) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;

  /* In the table's key order, so the rows are appended to the B-tree
   * rather than scattered over it. */
  order = g_new (guint32, t.groups->len);
  for (guint32 i = 0; i < t.groups->len; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) t.groups->len, sizeof (guint32), compare_groups, t.groups);

  for (guint k = 0; k < N_TICKET_METRICS; k++)
    {
      TicketMetric m = metrics_in_key_order[k];

      if (!present[m])
        continue;

      for (guint32 i = 0; i < t.groups->len; i++)
        {
          const Group *g = &g_array_index (t.groups, Group, order[i]);
          char period_start[11];
          double value;
          guint sample;

          if (i % ROWS_PER_CANCEL_CHECK == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (!group_value (g, m, &value, &sample))
            continue;

          format_day (g->period_day, period_start);
          sqlite3_bind_text (stmt, 1, ticket_metric_keys[m], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, scope_nicks[g->scope], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, g->scope_id);
          sqlite3_bind_text (stmt, 4, period_nicks[g->period], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, period_start, -1, SQLITE_TRANSIENT);
          sqlite3_bind_double (stmt, 6, value);
          sqlite3_bind_int64 (stmt, 7, sample);
          if (!_qd_store_step_done (self, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
run_window_statement (QdStore       *self,
                      const char    *sql,
                      const Window  *w,
                      GError       **error)
{
  sqlite3_stmt *stmt = _qd_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, w->week_from);
  _qd_store_bind_text (stmt, 2, w->week_to);
  _qd_store_bind_text (stmt, 3, w->month_from);
  _qd_store_bind_text (stmt, 4, w->month_to);
  return _qd_store_step_done (self, stmt, error);
}

/* Manual metrics: the member's own values first (a month without a
 * monthly value takes the mean of the weekly values of the weeks that
 * start in it), then teams and the organisation as the mean over the
 * members with a value. */
static gboolean
recompute_manual_rollups (QdStore       *self,
                          const Window  *w,
                          GError       **error)
{
#define INSERT_VALUES \
  "INSERT INTO metric_values (metric, scope, scope_id, period, period_start, value, sample_size) "
#define MANUAL_METRIC(alias) \
  "JOIN metrics k ON k.key = " alias ".metric AND k.source = 'manual' "
#define MONTH_OF(column) "(substr (" column ", 1, 8) || '01')"
#define IN_WINDOW(alias) \
  "((" alias ".period = 'week' AND " alias ".period_start BETWEEN ?1 AND ?2) " \
  "OR (" alias ".period = 'month' AND " alias ".period_start BETWEEN ?3 AND ?4))"

  static const char * const statements[] = {
    INSERT_VALUES
    "SELECT v.metric, 'member', v.member_id, 'week', v.period_start, v.value, 1 "
    "FROM manual_values v " MANUAL_METRIC ("v")
    "WHERE v.period = 'week' AND v.period_start BETWEEN ?1 AND ?2",

    INSERT_VALUES
    "SELECT v.metric, 'member', v.member_id, 'month', v.period_start, v.value, 1 "
    "FROM manual_values v " MANUAL_METRIC ("v")
    "WHERE v.period = 'month' AND v.period_start BETWEEN ?3 AND ?4 "
    "UNION ALL "
    "SELECT v.metric, 'member', v.member_id, 'month', " MONTH_OF ("v.period_start") ", "
    "avg (v.value), count(*) "
    "FROM manual_values v " MANUAL_METRIC ("v")
    "WHERE v.period = 'week' AND " MONTH_OF ("v.period_start") " BETWEEN ?3 AND ?4 "
    "AND NOT EXISTS (SELECT 1 FROM manual_values o WHERE o.metric = v.metric "
    "AND o.member_id = v.member_id AND o.period = 'month' "
    "AND o.period_start = " MONTH_OF ("v.period_start") ") "
    "GROUP BY v.metric, v.member_id, " MONTH_OF ("v.period_start"),

    INSERT_VALUES
    "SELECT v.metric, 'team', m.team_id, v.period, v.period_start, avg (v.value), count(*) "
    "FROM metric_values v " MANUAL_METRIC ("v")
    "JOIN members m ON m.id = v.scope_id "
    "WHERE v.scope = 'member' AND m.team_id IS NOT NULL AND " IN_WINDOW ("v") " "
    "GROUP BY v.metric, m.team_id, v.period, v.period_start",

    INSERT_VALUES
    "SELECT v.metric, 'org', 0, v.period, v.period_start, avg (v.value), count(*) "
    "FROM metric_values v " MANUAL_METRIC ("v")
    "WHERE v.scope = 'member' AND " IN_WINDOW ("v") " "
    "GROUP BY v.metric, v.period, v.period_start",
  };

#undef INSERT_VALUES
#undef MANUAL_METRIC
#undef MONTH_OF
#undef IN_WINDOW

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if (!run_window_statement (self, statements[i], w, error))
      return FALSE;
  return TRUE;
}

static gboolean
exec_fixed (QdStore     *self,
            const char  *sql,
            GError     **error)
{
  int rc = sqlite3_exec (_qd_store_get_db (self), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _qd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
recompute (QdStore       *self,
           const char    *from_day,
           const char    *to_day,
           guint          what,
           GCancellable  *cancellable,
           GError       **error)
{
  Window w;
  gboolean own;
  gboolean ok;

  if (!window_init (&w, from_day, to_day, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Inside the caller's transaction, a savepoint undoes our part on
   * failure and leaves the caller's own work to the caller. */
  own = sqlite3_get_autocommit (_qd_store_get_db (self)) != 0;
  if (own ? !qd_store_begin (self, error) : !exec_fixed (self, "SAVEPOINT qd_rollups", error))
    return FALSE;

  ok = delete_rollups (self, &w, what, error);
  if (ok && (what & RECOMPUTE_TICKETS) != 0)
    ok = recompute_ticket_rollups (self, &w, cancellable, error);
  if (ok && (what & RECOMPUTE_MANUAL) != 0)
    ok = recompute_manual_rollups (self, &w, error);

  if (own)
    {
      if (ok)
        return qd_store_commit (self, error);
      qd_store_rollback (self);
      return FALSE;
    }

  if (ok)
    return exec_fixed (self, "RELEASE qd_rollups", error);
  sqlite3_exec (_qd_store_get_db (self), "ROLLBACK TO qd_rollups; RELEASE qd_rollups", NULL, NULL, NULL);
  return FALSE;
}

/**
 * qd_store_recompute_rollups:
 * @from_day: (nullable): first local day, YYYY-MM-DD, or %NULL for no limit
 * @to_day: (nullable): last local day, or %NULL for no limit
 *
 * Recomputes metric_values for every week and month that touches
 * [@from_day, @to_day], for the organisation, each team and each member:
 * the rows of those periods are deleted, then the ones with data written
 * again. Runs inside the caller's transaction when one is open, else in
 * its own; on failure or cancellation nothing of it remains.
 */
gboolean
qd_store_recompute_rollups (QdStore       *self,
                            const char    *from_day,
                            const char    *to_day,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return recompute (self, from_day, to_day, RECOMPUTE_TICKETS | RECOMPUTE_MANUAL, cancellable, error);
}

gboolean
qd_store_recompute_manual_rollups (QdStore     *self,
                                   const char  *from_day,
                                   const char  *to_day,
                                   GError     **error)
{
  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return recompute (self, from_day, to_day, RECOMPUTE_MANUAL, NULL, error);
}

/* ---- metrics ---- */

void
qd_metric_record_clear (QdMetricRecord *record)
{
  g_clear_pointer (&record->key, g_free);
  g_clear_pointer (&record->name, g_free);
  g_clear_pointer (&record->unit, g_free);
  g_clear_pointer (&record->better, g_free);
  g_clear_pointer (&record->source, g_free);
  record->has_target = FALSE;
  record->target = 0;
  record->position = 0;
}

#define METRIC_COLUMNS "SELECT key, name, unit, better, target, source, position FROM metrics "

static void
read_metric (sqlite3_stmt   *stmt,
             QdMetricRecord *record)
{
  record->key = _qd_store_column_dup (stmt, 0);
  record->name = _qd_store_column_dup (stmt, 1);
  record->unit = _qd_store_column_dup (stmt, 2);
  record->better = _qd_store_column_dup (stmt, 3);
  record->has_target = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
  record->target = record->has_target ? sqlite3_column_double (stmt, 4) : 0;
  record->source = _qd_store_column_dup (stmt, 5);
  record->position = sqlite3_column_int (stmt, 6);
}

GArray *
qd_store_list_metrics (QdStore  *self,
                       GError  **error)
{
  g_autoptr(GArray) metrics = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self, METRIC_COLUMNS "ORDER BY position, key", error);
  if (stmt == NULL)
    return NULL;

  metrics = g_array_new (FALSE, TRUE, sizeof (QdMetricRecord));
  g_array_set_clear_func (metrics, (GDestroyNotify) qd_metric_record_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QdMetricRecord record = { 0 };
      read_metric (stmt, &record);
      g_array_append_val (metrics, record);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&metrics);
}

gboolean
qd_store_load_metric (QdStore         *self,
                      const char      *key,
                      QdMetricRecord  *record,
                      GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  stmt = _qd_store_prepare (self, METRIC_COLUMNS "WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      qd_metric_record_clear (record);
      read_metric (stmt, record);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND,
                 _("There is no metric “%s”."), key);
  else
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
qd_store_set_metric_target (QdStore     *self,
                            const char  *key,
                            gboolean     has_target,
                            double       target,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = _qd_store_prepare (self, "UPDATE metrics SET target = ?2 WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, key);
  if (has_target)
    sqlite3_bind_double (stmt, 2, target);
  else
    sqlite3_bind_null (stmt, 2);
  if (!_qd_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_qd_store_get_db (self)) == 0)
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND,
                   _("There is no metric “%s”."), key);
      return FALSE;
    }
  return TRUE;
}

GArray *
qd_store_list_metric_values (QdStore     *self,
                             const char  *metric,
                             const char  *scope,
                             gint64       scope_id,
                             const char  *period,
                             const char  *from_start,
                             const char  *to_start,
                             GError     **error)
{
  g_autoptr(GArray) values = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);
  g_return_val_if_fail (metric != NULL && scope != NULL && period != NULL, NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT period_start, value, sample_size FROM metric_values "
                            "WHERE metric = ?1 AND scope = ?2 AND scope_id = ?3 AND period = ?4 "
                            "AND period_start BETWEEN ?5 AND ?6 ORDER BY period_start",
                            error);
  if (stmt == NULL)
    return NULL;
  _qd_store_bind_text (stmt, 1, metric);
  _qd_store_bind_text (stmt, 2, scope);
  sqlite3_bind_int64 (stmt, 3, scope_id);
  _qd_store_bind_text (stmt, 4, period);
  _qd_store_bind_text (stmt, 5, from_start != NULL ? from_start : "0000-00-00");
  _qd_store_bind_text (stmt, 6, to_start != NULL ? to_start : "9999-99-99");

  values = g_array_new (FALSE, TRUE, sizeof (QdMetricValueRecord));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QdMetricValueRecord record = { { 0 }, 0, 0 };
      const char *start = (const char *) sqlite3_column_text (stmt, 0);

      g_strlcpy (record.period_start, start != NULL ? start : "", sizeof record.period_start);
      record.value = sqlite3_column_type (stmt, 1) != SQLITE_NULL ? sqlite3_column_double (stmt, 1) : NAN;
      record.sample_size = (guint) MAX (sqlite3_column_int64 (stmt, 2), 0);
      g_array_append_val (values, record);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

/* ---- values per member, for tiers ---- */

void
qd_member_value_record_free (QdMemberValueRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->name);
  g_free (record->team);
  g_free (record);
}

static GPtrArray *
list_active_agents (QdStore  *self,
                    GError  **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qd_store_prepare (self,
                            "SELECT m.id, m.name, coalesce (t.name, '') FROM members m "
                            "LEFT JOIN teams t ON t.id = m.team_id "
                            "WHERE m.level = 'agent' AND m.status = 'active' ORDER BY m.id",
                            error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_member_value_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QdMemberValueRecord *record = g_new0 (QdMemberValueRecord, 1);

      record->member_id = sqlite3_column_int64 (stmt, 0);
      record->name = _qd_store_column_dup (stmt, 1);
      record->team = _qd_store_column_dup (stmt, 2);
      record->value = NAN;
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

static gboolean
compute_manual_member_values (QdStore     *self,
                              const char  *metric,
                              const char  *from_day,
                              const char  *to_day,
                              GPtrArray   *records,
                              GError     **error)
{
  g_autoptr(GHashTable) by_member = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < records->len; i++)
    {
      QdMemberValueRecord *record = g_ptr_array_index (records, i);
      g_hash_table_insert (by_member, &record->member_id, record);
    }

  stmt = _qd_store_prepare (self,
                            "SELECT v.member_id, avg (v.value), count(*) FROM manual_values v "
                            "WHERE v.metric = ?1 AND v.period_start BETWEEN ?2 AND ?3 "
                            "AND (v.period = 'month' OR NOT EXISTS (SELECT 1 FROM manual_values o "
                            "WHERE o.metric = v.metric AND o.member_id = v.member_id "
                            "AND o.period = 'month' AND o.period_start BETWEEN ?2 AND ?3 "
                            "AND o.period_start = substr (v.period_start, 1, 8) || '01')) "
                            "GROUP BY v.member_id",
                            error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, metric);
  _qd_store_bind_text (stmt, 2, from_day != NULL ? from_day : "0000-00-00");
  _qd_store_bind_text (stmt, 3, to_day != NULL ? to_day : "9999-99-99");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 member = sqlite3_column_int64 (stmt, 0);
      QdMemberValueRecord *record = g_hash_table_lookup (by_member, &member);

      if (record == NULL)
        continue;
      record->value = sqlite3_column_double (stmt, 1);
      record->sample_size = (guint) sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
qd_store_compute_member_values (QdStore       *self,
                                const char    *metric,
                                const char    *from_day,
                                const char    *to_day,
                                GCancellable  *cancellable,
                                GError       **error)
{
  static const Combo combos[] = { { SCOPE_MEMBER, PERIOD_RANGE } };
  g_auto(QdMetricRecord) info = { 0 };
  g_autoptr(GPtrArray) records = NULL;
  g_auto(Tally) t = { 0 };
  Window w;
  int ticket_metric;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);
  g_return_val_if_fail (metric != NULL, NULL);

  if (!qd_store_load_metric (self, metric, &info, error))
    return NULL;

  /* The range itself, not the weeks and months around it. */
  if (!window_init (&w, from_day, to_day, error))
    return NULL;
  if (from_day != NULL)
    parse_day (from_day, strlen (from_day), &w.first_day);
  if (to_day != NULL)
    parse_day (to_day, strlen (to_day), &w.last_day);
  g_strlcpy (w.day_from, from_day != NULL ? from_day : "0000-00-00", sizeof w.day_from);
  g_strlcpy (w.day_to, to_day != NULL ? to_day : "9999-99-99", sizeof w.day_to);

  records = list_active_agents (self, error);
  if (records == NULL)
    return NULL;

  if (g_strcmp0 (info.source, "manual") == 0)
    {
      if (!compute_manual_member_values (self, metric, from_day, to_day, records, error))
        return NULL;
      return g_steal_pointer (&records);
    }

  ticket_metric = ticket_metric_from_key (metric);
  if (ticket_metric < 0)
    return g_steal_pointer (&records);   /* nothing computes it: no values */

  tally_init (&t);
  if (!tally_run (self, &t, &w, TRUE, combos, G_N_ELEMENTS (combos), cancellable, error))
    return NULL;

  for (guint i = 0; i < records->len; i++)
    {
      QdMemberValueRecord *record = g_ptr_array_index (records, i);
      guint32 person = id_map_lookup (&t.members, (guint64) record->member_id);
      guint32 group;

      if (person == NONE)
        continue;
      group = id_map_lookup (&t.groups_map, group_key (SCOPE_MEMBER, PERIOD_RANGE, person, 0));
      if (group == NONE)
        continue;
      if (!group_value (&g_array_index (t.groups, Group, group), ticket_metric,
                        &record->value, &record->sample_size))
        {
          record->value = NAN;
          record->sample_size = 0;
        }
    }

  return g_steal_pointer (&records);
}

/* ---- hand-entered values ---- */

gboolean
qd_store_set_manual_value (QdStore     *self,
                           const char  *metric,
                           gint64       member_id,
                           const char  *period,
                           const char  *period_start,
                           double       value,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO manual_values (metric, member_id, period, period_start, value) "
                            "VALUES (?1, ?2, ?3, ?4, ?5) "
                            "ON CONFLICT (metric, member_id, period, period_start) "
                            "DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, metric);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _qd_store_bind_text (stmt, 3, period);
  _qd_store_bind_text (stmt, 4, period_start);
  sqlite3_bind_double (stmt, 5, value);
  return _qd_store_step_done (self, stmt, error);
}

gboolean
qd_store_delete_manual_value (QdStore     *self,
                              const char  *metric,
                              gint64       member_id,
                              const char  *period,
                              const char  *period_start,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self,
                            "DELETE FROM manual_values WHERE metric = ?1 AND member_id = ?2 "
                            "AND period = ?3 AND period_start = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, metric);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _qd_store_bind_text (stmt, 3, period);
  _qd_store_bind_text (stmt, 4, period_start);
  return _qd_store_step_done (self, stmt, error);
}

gboolean
qd_store_get_manual_value (QdStore     *self,
                           const char  *metric,
                           gint64       member_id,
                           const char  *period,
                           const char  *period_start,
                           double      *value,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NAN;
  stmt = _qd_store_prepare (self,
                            "SELECT value FROM manual_values WHERE metric = ?1 AND member_id = ?2 "
                            "AND period = ?3 AND period_start = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, metric);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _qd_store_bind_text (stmt, 3, period);
  _qd_store_bind_text (stmt, 4, period_start);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_double (stmt, 0);
  else if (rc != SQLITE_DONE)
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

gboolean
qd_store_member_has_manual_values (QdStore   *self,
                                   gint64     member_id,
                                   gboolean  *result,
                                   char     **metric_key,
                                   GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  *result = FALSE;
  stmt = _qd_store_prepare (self,
                            "SELECT metric FROM manual_values WHERE member_id = ?1 "
                            "ORDER BY metric <> 'qa-score', metric LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *result = TRUE;
      if (metric_key != NULL)
        *metric_key = _qd_store_column_dup (stmt, 0);
    }
  else if (rc != SQLITE_DONE)
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* ---- teams ---- */

GStrv
qd_store_list_teams_with_members (QdStore  *self,
                                  GArray  **ids,
                                  GError  **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GArray) team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self,
                            "SELECT t.id, t.name FROM teams t "
                            "WHERE EXISTS (SELECT 1 FROM members m WHERE m.team_id = t.id) "
                            "ORDER BY qd_sort_key (t.name), t.id",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (team_ids, id);
      g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  if (ids != NULL)
    *ids = g_steal_pointer (&team_ids);
  return g_strv_builder_end (names);
}

char *
qd_store_dup_team_name (QdStore  *self,
                        gint64    team_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  char *name = NULL;
  int rc;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self, "SELECT name FROM teams WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, team_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = _qd_store_column_dup (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND,
                 _("This team no longer exists."));
  else
    _qd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return name;
}
