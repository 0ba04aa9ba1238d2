/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-ticket-map.h"

/*
 * From a helpdesk export's header and one row to a ticket record.
 *
 * Dates. Each helpdesk writes its own forms, and a spreadsheet that
 * re-saved the file may have changed them, so every preset reads all of:
 *
 *   2026-03-04T13:45:00Z, 2026-03-04T13:45:00+01:00, 2026-03-04 13:45:00 +0100
 *   2026-03-04 13:45[:SS], 2026/03/04 13:45           (ISO, Zendesk, Freshdesk)
 *   04-03-2026 13:45:00, 04/03/2026 13:45, 04.03.2026 (numeric, day or month first)
 *   Mar 4, 2026 13:45, March 4 2026 1:45 PM, 4 Mar 2026, 4 de marzo de 2026
 *   2026-03-04                                        (date only: Zendesk Explore)
 *
 * A time with "Z", "UTC" or an offset is an instant; any other is a local
 * time of the helpdesk account's time zone. A local time that a
 * daylight-saving change skips moves forward by the gap (02:30 becomes
 * 03:30 summer time), one that happens twice is taken as the first
 * (summer time).
 *
 * Numeric dates: whether 04/03/2026 is 4 March or 3 April depends on the
 * preset at first (Zendesk Explore writes month first, as US accounts see
 * it; the ticket exports and Freshdesk write ISO or day first), until a
 * date that can only be read one way (13/03/2026, 03/13/2026) settles it.
 * From the first date read on, the order is fixed for the file: a later
 * date that only fits the other order is a row error rather than a ticket
 * in the wrong month.
 */

#define CACHE_SLOTS   4096
#define SLOT_SECONDS  86400
#define MAX_QUOTED    40
#define MIN_YEAR      1900
#define MAX_YEAR      2199
/* A hundred years, in minutes: beyond that a duration is a mistake. */
#define MAX_MINUTES   (100.0 * 366 * 24 * 60)
#define MAX_COUNT     1000000

typedef struct
{
  const char *header;
  QdField     field;
} HeaderMeaning;

typedef struct
{
  gint64   slot;
  gint32   offset;
  gboolean valid;
} OffsetCache;

struct _QdTicketMap
{
  QdPreset        preset;
  int             columns[QD_N_FIELDS];
  QdTicketColumns provided;
  GTimeZone      *tz;
  QdDateOrder     order;
  gboolean        order_fixed;
  GString        *scratch;
  OffsetCache     to_utc[CACHE_SLOTS];
  OffsetCache     to_local[CACHE_SLOTS];
};

/* Defined here, the bottom of the import, so that the mapper links on
 * its own (the fuzz target). */
G_DEFINE_QUARK (qd-import-error-quark, qd_import_error)

/* ---- presets ---- */

static const HeaderMeaning zendesk_headers[] = {
  { "Id", QD_FIELD_TICKET_ID },
  { "Assignee", QD_FIELD_AGENT_NAME },
  { "Assignee email", QD_FIELD_AGENT_EMAIL },
  { "Group", QD_FIELD_GROUP },
  { "Status", QD_FIELD_STATUS },
  { "Priority", QD_FIELD_PRIORITY },
  { "Via", QD_FIELD_CHANNEL },
  { "Created at", QD_FIELD_CREATED_AT },
  { "Solved at", QD_FIELD_SOLVED_AT },
  { "Satisfaction Score", QD_FIELD_CSAT },
  { "Reopens", QD_FIELD_REOPENS },
  { "Replies", QD_FIELD_REPLIES },
  /* Calendar time, not business hours: what a customer waited. */
  { "First reply time in minutes", QD_FIELD_FIRST_REPLY_MINUTES },
  { "Full resolution time in minutes", QD_FIELD_RESOLUTION_MINUTES },
  { "Resolution time", QD_FIELD_RESOLUTION_HOURS },
  { "First reply time in minutes within business hours", QD_FIELD_IGNORE },
  { "Full resolution time in minutes within business hours", QD_FIELD_IGNORE },
  { "Assigned at", QD_FIELD_IGNORE },
  { "Initially assigned at", QD_FIELD_IGNORE },
  { "Assignee stations", QD_FIELD_IGNORE },
};

static const HeaderMeaning explore_headers[] = {
  { "Ticket ID", QD_FIELD_TICKET_ID },
  { "Assignee name", QD_FIELD_AGENT_NAME },
  { "Assignee email", QD_FIELD_AGENT_EMAIL },
  { "Ticket group", QD_FIELD_GROUP },
  { "Ticket status", QD_FIELD_STATUS },
  { "Ticket priority", QD_FIELD_PRIORITY },
  { "Ticket channel", QD_FIELD_CHANNEL },
  { "Ticket created - Date", QD_FIELD_CREATED_AT },
  { "Ticket solved - Date", QD_FIELD_SOLVED_AT },
  { "Ticket satisfaction rating", QD_FIELD_CSAT },
  { "First reply time (min)", QD_FIELD_FIRST_REPLY_MINUTES },
  { "Full resolution time (hrs)", QD_FIELD_RESOLUTION_HOURS },
  { "Full resolution time (min)", QD_FIELD_RESOLUTION_MINUTES },
  { "Reopens", QD_FIELD_REOPENS },
  { "Replies", QD_FIELD_REPLIES },
};

static const HeaderMeaning freshdesk_headers[] = {
  { "Ticket ID", QD_FIELD_TICKET_ID },
  { "Agent", QD_FIELD_AGENT_NAME },
  { "Agent email", QD_FIELD_AGENT_EMAIL },
  { "Group", QD_FIELD_GROUP },
  { "Status", QD_FIELD_STATUS },
  { "Priority", QD_FIELD_PRIORITY },
  { "Source", QD_FIELD_CHANNEL },
  { "Created time", QD_FIELD_CREATED_AT },
  { "Resolved time", QD_FIELD_SOLVED_AT },
  { "Closed time", QD_FIELD_CLOSED_AT },
  { "Initial response time", QD_FIELD_FIRST_REPLY_AT },
  { "First response time (in hrs)", QD_FIELD_FIRST_REPLY_HOURS },
  { "Resolution time (in hrs)", QD_FIELD_RESOLUTION_HOURS },
  { "Survey results", QD_FIELD_CSAT },
  { "Agent interactions", QD_FIELD_REPLIES },
};

/* For a custom mapping: a first guess the user corrects. */
static const HeaderMeaning generic_headers[] = {
  { "Ticket", QD_FIELD_TICKET_ID },
  { "Ticket number", QD_FIELD_TICKET_ID },
  { "ID", QD_FIELD_TICKET_ID },
  { "Agent name", QD_FIELD_AGENT_NAME },
  { "Assigned to", QD_FIELD_AGENT_NAME },
  { "Owner", QD_FIELD_AGENT_NAME },
  { "Email", QD_FIELD_AGENT_EMAIL },
  { "Team", QD_FIELD_GROUP },
  { "Channel", QD_FIELD_CHANNEL },
  { "Created", QD_FIELD_CREATED_AT },
  { "Created date", QD_FIELD_CREATED_AT },
  { "Solved", QD_FIELD_SOLVED_AT },
  { "Resolved", QD_FIELD_SOLVED_AT },
  { "Resolved at", QD_FIELD_SOLVED_AT },
  { "Closed", QD_FIELD_CLOSED_AT },
  { "Closed at", QD_FIELD_CLOSED_AT },
  { "First reply at", QD_FIELD_FIRST_REPLY_AT },
  { "First response at", QD_FIELD_FIRST_REPLY_AT },
  { "First reply (min)", QD_FIELD_FIRST_REPLY_MINUTES },
  { "First reply (minutes)", QD_FIELD_FIRST_REPLY_MINUTES },
  { "First reply (h)", QD_FIELD_FIRST_REPLY_HOURS },
  { "First reply (hours)", QD_FIELD_FIRST_REPLY_HOURS },
  { "Resolution (min)", QD_FIELD_RESOLUTION_MINUTES },
  { "Resolution (minutes)", QD_FIELD_RESOLUTION_MINUTES },
  { "Resolution (h)", QD_FIELD_RESOLUTION_HOURS },
  { "Resolution (hours)", QD_FIELD_RESOLUTION_HOURS },
  { "CSAT", QD_FIELD_CSAT },
  { "Satisfaction", QD_FIELD_CSAT },
  { "Rating", QD_FIELD_CSAT },
};

typedef struct
{
  QdPreset             preset;
  const HeaderMeaning *headers;
  guint                n_headers;
  const char          *required[3];
} PresetInfo;

static const PresetInfo presets[] = {
  { QD_PRESET_ZENDESK, zendesk_headers, G_N_ELEMENTS (zendesk_headers),
    { "Id", "Created at", NULL } },
  { QD_PRESET_ZENDESK_EXPLORE, explore_headers, G_N_ELEMENTS (explore_headers),
    { "Ticket ID", "Ticket created - Date", NULL } },
  { QD_PRESET_FRESHDESK, freshdesk_headers, G_N_ELEMENTS (freshdesk_headers),
    { "Ticket ID", "Created time", "Agent" } },
};

static const PresetInfo *
find_preset (QdPreset preset)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (presets[i].preset == preset)
      return &presets[i];
  return NULL;
}

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static void
trim_span (const char **start,
           const char **end)
{
  while (*start < *end && is_space (**start))
    (*start)++;
  while (*end > *start && is_space ((*end)[-1]))
    (*end)--;
}

/* A header as written, ignoring case and surrounding spaces. */
static gboolean
header_is (const char *header,
           const char *name)
{
  const char *end = header + strlen (header);
  gsize len = strlen (name);

  trim_span (&header, &end);
  return (gsize) (end - header) == len && g_ascii_strncasecmp (header, name, len) == 0;
}

static gboolean
lookup_meaning (const HeaderMeaning *table,
                guint                n,
                const char          *header,
                QdField             *field)
{
  for (guint i = 0; i < n; i++)
    if (header_is (header, table[i].header))
      {
        *field = table[i].field;
        return TRUE;
      }
  return FALSE;
}

static gboolean
has_header (const char * const *headers,
            guint               n_headers,
            const char         *name)
{
  for (guint i = 0; i < n_headers; i++)
    if (headers[i] != NULL && header_is (headers[i], name))
      return TRUE;
  return FALSE;
}

QdPreset
qd_ticket_map_detect (const char * const *headers,
                      guint               n_headers)
{
  for (guint p = 0; p < G_N_ELEMENTS (presets); p++)
    {
      gboolean all = TRUE;

      for (guint r = 0; r < G_N_ELEMENTS (presets[p].required) && presets[p].required[r] != NULL; r++)
        all = all && has_header (headers, n_headers, presets[p].required[r]);
      if (all)
        return presets[p].preset;
    }
  return QD_PRESET_AUTO;
}

const char *
qd_preset_to_source (QdPreset preset)
{
  switch (preset)
    {
    case QD_PRESET_ZENDESK:
    case QD_PRESET_ZENDESK_EXPLORE:
      return "zendesk";
    case QD_PRESET_FRESHDESK:
      return "freshdesk";
    case QD_PRESET_AUTO:
    case QD_PRESET_CUSTOM:
    default:
      return "csv";
    }
}

const char *
qd_preset_to_label (QdPreset preset)
{
  switch (preset)
    {
    case QD_PRESET_AUTO:
      return _("Detect automatically");
    case QD_PRESET_ZENDESK:
      return _("Zendesk ticket export");
    case QD_PRESET_ZENDESK_EXPLORE:
      return _("Zendesk Explore export");
    case QD_PRESET_FRESHDESK:
      return _("Freshdesk ticket export");
    case QD_PRESET_CUSTOM:
      return _("Columns mapped by hand");
    default:
      return "";
    }
}

const char *
qd_field_to_label (QdField field)
{
  switch (field)
    {
    case QD_FIELD_IGNORE: return _("Do not import");
    case QD_FIELD_TICKET_ID: return _("Ticket ID");
    case QD_FIELD_AGENT_NAME: return _("Agent name");
    case QD_FIELD_AGENT_EMAIL: return _("Agent email");
    case QD_FIELD_GROUP: return _("Group");
    case QD_FIELD_STATUS: return _("Status");
    case QD_FIELD_PRIORITY: return _("Priority");
    case QD_FIELD_CHANNEL: return _("Channel");
    case QD_FIELD_CREATED_AT: return _("Created at");
    case QD_FIELD_SOLVED_AT: return _("Solved at");
    case QD_FIELD_FIRST_REPLY_AT: return _("First reply at");
    case QD_FIELD_FIRST_REPLY_MINUTES: return _("First reply time (minutes)");
    case QD_FIELD_FIRST_REPLY_HOURS: return _("First reply time (hours)");
    case QD_FIELD_RESOLUTION_MINUTES: return _("Resolution time (minutes)");
    case QD_FIELD_RESOLUTION_HOURS: return _("Resolution time (hours)");
    case QD_FIELD_CSAT: return _("Satisfaction rating");
    case QD_FIELD_REOPENS: return _("Reopens");
    case QD_FIELD_REPLIES: return _("Replies");
    case QD_FIELD_CLOSED_AT: return _("Closed at");
    case QD_N_FIELDS:
    default:
      return "";
    }
}

QdField
qd_preset_field_for_header (QdPreset    preset,
                            const char *header)
{
  const PresetInfo *info = find_preset (preset);
  QdField field = QD_FIELD_IGNORE;

  g_return_val_if_fail (header != NULL, QD_FIELD_IGNORE);

  if (info != NULL)
    {
      lookup_meaning (info->headers, info->n_headers, header, &field);
      return field;
    }

  /* Automatic or custom: the best guess from every helpdesk's names. */
  for (guint p = 0; p < G_N_ELEMENTS (presets); p++)
    if (lookup_meaning (presets[p].headers, presets[p].n_headers, header, &field))
      return field;
  lookup_meaning (generic_headers, G_N_ELEMENTS (generic_headers), header, &field);
  return field;
}

/* ---- dates ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 int    *y,
                 int    *m,
                 int    *d)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yoe + era * 400 + (*m <= 2));
}

static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int
days_in_month (int y,
               int m)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return days[m - 1];
}

static inline void
put2 (char *out,
      int   v)
{
  out[0] = (char) ('0' + v / 10);
  out[1] = (char) ('0' + v % 10);
}

static void
format_date (int   y,
             int   m,
             int   d,
             char *out)
{
  put2 (out, (y / 100) % 100);
  put2 (out + 2, y % 100);
  out[4] = '-';
  put2 (out + 5, m);
  out[7] = '-';
  put2 (out + 8, d);
  out[10] = '\0';
}

static void
format_day (gint64  days,
            char   *out)
{
  int y, m, d;

  civil_from_days (days, &y, &m, &d);
  format_date (y, m, d, out);
}

static void
format_instant (gint64  utc,
                char   *out)
{
  gint64 days = floor_div (utc, 86400);
  int secs = (int) (utc - days * 86400);

  format_day (days, out);
  out[10] = 'T';
  put2 (out + 11, secs / 3600);
  out[13] = ':';
  put2 (out + 14, (secs / 60) % 60);
  out[16] = ':';
  put2 (out + 17, secs % 60);
  out[19] = 'Z';
  out[20] = '\0';
}

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

/* Reads 1 to @max digits; returns how many. */
static int
read_number (Cursor *c,
             int     max,
             int    *value)
{
  int n = 0;
  int v = 0;

  while (c->p < c->end && n < max && g_ascii_isdigit (*c->p))
    {
      v = v * 10 + (*c->p - '0');
      c->p++;
      n++;
    }
  *value = v;
  return n;
}

static void
skip_spaces (Cursor *c)
{
  while (c->p < c->end && is_space (*c->p))
    c->p++;
}

/* Reads a word of letters, lower-cased, into @word. Returns its length,
 * 0 when there is no letter or the word is too long. Letters with the
 * accents of Spanish month names count (only "é" occurs: "setiembre"
 * has none, but people write "Séptiembre"; be lenient). */
static gsize
read_word (Cursor *c,
           char   *word,
           gsize   size)
{
  gsize n = 0;

  while (c->p < c->end)
    {
      guchar ch = (guchar) *c->p;

      if (g_ascii_isalpha (ch))
        {
          if (n + 1 >= size)
            return 0;
          word[n++] = g_ascii_tolower (ch);
          c->p++;
        }
      else if (ch == 0xC3 && c->p + 1 < c->end &&
               ((guchar) c->p[1] == 0xA9 || (guchar) c->p[1] == 0x89))
        {
          if (n + 1 >= size)
            return 0;
          word[n++] = 'e';
          c->p += 2;
        }
      else
        break;
    }
  word[n] = '\0';
  return n;
}

static int
month_from_word (const char *word)
{
  static const struct { const char *word; int month; } months[] = {
    { "jan", 1 }, { "january", 1 }, { "ene", 1 }, { "enero", 1 },
    { "feb", 2 }, { "february", 2 }, { "febrero", 2 },
    { "mar", 3 }, { "march", 3 }, { "marzo", 3 },
    { "apr", 4 }, { "april", 4 }, { "abr", 4 }, { "abril", 4 },
    { "may", 5 }, { "mayo", 5 },
    { "jun", 6 }, { "june", 6 }, { "junio", 6 },
    { "jul", 7 }, { "july", 7 }, { "julio", 7 },
    { "aug", 8 }, { "august", 8 }, { "ago", 8 }, { "agosto", 8 },
    { "sep", 9 }, { "sept", 9 }, { "september", 9 }, { "set", 9 },
    { "septiembre", 9 }, { "setiembre", 9 },
    { "oct", 10 }, { "october", 10 }, { "octubre", 10 },
    { "nov", 11 }, { "november", 11 }, { "noviembre", 11 },
    { "dec", 12 }, { "december", 12 }, { "dic", 12 }, { "diciembre", 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (strcmp (word, months[i].word) == 0)
      return months[i].month;
  return 0;
}

/* Skips the Spanish "de" in "4 de marzo de 2026". */
static void
skip_de (Cursor *c)
{
  if (c->end - c->p >= 3 && g_ascii_strncasecmp (c->p, "de", 2) == 0 && is_space (c->p[2]))
    {
      c->p += 3;
      skip_spaces (c);
    }
}

static gboolean
read_month_name (Cursor *c,
                 int    *month)
{
  char word[16];

  if (read_word (c, word, sizeof word) == 0)
    return FALSE;
  *month = month_from_word (word);
  if (*month == 0)
    return FALSE;
  if (c->p < c->end && *c->p == '.')
    c->p++;
  return TRUE;
}

/* "th", "st", "nd", "rd" after a day. */
static void
skip_ordinal (Cursor *c)
{
  if (c->end - c->p >= 2 && g_ascii_isalpha (c->p[0]) && g_ascii_isalpha (c->p[1]) &&
      (c->end - c->p == 2 || !g_ascii_isalpha (c->p[2])))
    {
      char a = g_ascii_tolower (c->p[0]), b = g_ascii_tolower (c->p[1]);
      if ((a == 't' && b == 'h') || (a == 's' && b == 't') ||
          (a == 'n' && b == 'd') || (a == 'r' && b == 'd'))
        c->p += 2;
    }
}

static QdParseResult
settle_order (int          a,
              int          b,
              QdDateOrder *order,
              gboolean    *order_fixed,
              int         *day,
              int         *month)
{
  QdDateOrder evidence;

  if (a > 12 && b > 12)
    return QD_PARSE_IMPOSSIBLE;

  if (a > 12)
    evidence = QD_DATE_ORDER_DAY_FIRST;
  else if (b > 12)
    evidence = QD_DATE_ORDER_MONTH_FIRST;
  else
    evidence = *order;

  if (evidence != *order)
    {
      if (*order_fixed)
        return QD_PARSE_ORDER_CONFLICT;
      *order = evidence;
    }
  *order_fixed = TRUE;

  if (evidence == QD_DATE_ORDER_DAY_FIRST)
    {
      *day = a;
      *month = b;
    }
  else
    {
      *month = a;
      *day = b;
    }
  return QD_PARSE_OK;
}

static QdParseResult
parse_date_part (Cursor       *c,
                 QdDateOrder  *order,
                 gboolean     *order_fixed,
                 QdParsedTime *out)
{
  Cursor start = *c;
  int a, b, y;
  int n;

  if (c->p < c->end && g_ascii_isalpha (*c->p))
    {
      /* Mar 4, 2026 */
      if (!read_month_name (c, &out->month))
        return QD_PARSE_BAD;
      skip_spaces (c);
      if (read_number (c, 2, &out->day) == 0)
        return QD_PARSE_BAD;
      skip_ordinal (c);
      if (c->p < c->end && *c->p == ',')
        c->p++;
      skip_spaces (c);
      if (read_number (c, 4, &out->year) != 4)
        return QD_PARSE_BAD;
      return QD_PARSE_OK;
    }

  n = read_number (c, 4, &a);
  if (n == 0)
    return QD_PARSE_BAD;

  if (n == 4)
    {
      char sep;

      /* 2026-03-04, 2026/03/04, 2026.03.04 */
      if (c->p >= c->end || (*c->p != '-' && *c->p != '/' && *c->p != '.'))
        return QD_PARSE_BAD;
      sep = *c->p++;
      if (read_number (c, 2, &out->month) == 0 || c->p >= c->end || *c->p != sep)
        return QD_PARSE_BAD;
      c->p++;
      if (read_number (c, 2, &out->day) == 0)
        return QD_PARSE_BAD;
      out->year = a;
      return QD_PARSE_OK;
    }

  if (n > 2)
    return QD_PARSE_BAD;

  if (c->p < c->end && (*c->p == '-' || *c->p == '/' || *c->p == '.'))
    {
      char sep = *c->p++;

      /* 04/03/2026 */
      if (read_number (c, 2, &b) == 0 || c->p >= c->end || *c->p != sep)
        return QD_PARSE_BAD;
      c->p++;
      if (read_number (c, 4, &y) != 4)
        return QD_PARSE_BAD;
      /* Only an otherwise well-formed value may settle the order. */
      {
        Cursor rest = *c;
        if (rest.p < rest.end && g_ascii_isdigit (*rest.p))
          return QD_PARSE_BAD;
      }
      out->year = y;
      return settle_order (a, b, order, order_fixed, &out->day, &out->month);
    }

  /* 4 Mar 2026, 4 de marzo de 2026 */
  *c = start;
  read_number (c, 2, &out->day);
  skip_ordinal (c);
  skip_spaces (c);
  skip_de (c);
  if (!read_month_name (c, &out->month))
    return QD_PARSE_BAD;
  if (c->p < c->end && *c->p == ',')
    c->p++;
  skip_spaces (c);
  skip_de (c);
  if (read_number (c, 4, &out->year) != 4)
    return QD_PARSE_BAD;
  return QD_PARSE_OK;
}

static QdParseResult
parse_time_part (Cursor       *c,
                 QdParsedTime *out)
{
  int n;

  n = read_number (c, 2, &out->hour);
  if (n == 0 || c->p >= c->end || *c->p != ':')
    return QD_PARSE_BAD;
  c->p++;
  if (read_number (c, 2, &out->minute) != 2)
    return QD_PARSE_BAD;
  if (c->p < c->end && *c->p == ':')
    {
      c->p++;
      if (read_number (c, 2, &out->second) != 2)
        return QD_PARSE_BAD;
      if (c->p < c->end && (*c->p == '.' || *c->p == ','))
        {
          c->p++;
          if (c->p >= c->end || !g_ascii_isdigit (*c->p))
            return QD_PARSE_BAD;
          while (c->p < c->end && g_ascii_isdigit (*c->p))
            c->p++;
        }
    }
  out->has_time = TRUE;

  /* 1:45 PM, 1:45 p.m. */
  {
    Cursor look = *c;
    char ampm = 0;

    skip_spaces (&look);
    if (look.end - look.p >= 2 && (g_ascii_tolower (look.p[0]) == 'a' || g_ascii_tolower (look.p[0]) == 'p'))
      {
        char first = g_ascii_tolower (look.p[0]);

        if (g_ascii_tolower (look.p[1]) == 'm' &&
            (look.end - look.p == 2 || !g_ascii_isalpha (look.p[2])))
          {
            ampm = first;
            look.p += 2;
          }
        else if (look.end - look.p >= 4 && look.p[1] == '.' &&
                 g_ascii_tolower (look.p[2]) == 'm' && look.p[3] == '.')
          {
            ampm = first;
            look.p += 4;
          }
      }
    if (ampm != 0)
      {
        if (out->hour < 1 || out->hour > 12)
          return QD_PARSE_IMPOSSIBLE;
        out->hour = out->hour % 12 + (ampm == 'p' ? 12 : 0);
        *c = look;
      }
  }

  return QD_PARSE_OK;
}

static QdParseResult
parse_zone (Cursor       *c,
            QdParsedTime *out)
{
  Cursor look = *c;
  int sign, hh, mm = 0;
  int n;

  skip_spaces (&look);
  if (look.p >= look.end)
    return QD_PARSE_OK;

  if (*look.p == 'Z' || *look.p == 'z')
    {
      look.p++;
      out->has_offset = TRUE;
      out->offset_seconds = 0;
      *c = look;
      return QD_PARSE_OK;
    }

  if (look.end - look.p >= 3 &&
      (g_ascii_strncasecmp (look.p, "UTC", 3) == 0 || g_ascii_strncasecmp (look.p, "GMT", 3) == 0))
    {
      look.p += 3;
      out->has_offset = TRUE;
      out->offset_seconds = 0;
      *c = look;
      if (look.p >= look.end || (*look.p != '+' && *look.p != '-'))
        return QD_PARSE_OK;
    }

  if (*look.p != '+' && *look.p != '-')
    return QD_PARSE_BAD;
  sign = *look.p == '-' ? -1 : 1;
  look.p++;
  n = read_number (&look, 2, &hh);
  if (n == 0)
    return QD_PARSE_BAD;
  if (look.p < look.end && *look.p == ':')
    {
      look.p++;
      if (read_number (&look, 2, &mm) != 2)
        return QD_PARSE_BAD;
    }
  else if (n == 2 && look.p < look.end && g_ascii_isdigit (*look.p))
    {
      if (read_number (&look, 2, &mm) != 2)
        return QD_PARSE_BAD;
    }
  if (hh > 14 || mm > 59 || hh * 60 + mm > 14 * 60)
    return QD_PARSE_BAD;

  out->has_offset = TRUE;
  out->offset_seconds = sign * (hh * 3600 + mm * 60);
  *c = look;
  return QD_PARSE_OK;
}

static QdParseResult
parse_time_span (const char   *text,
                 const char   *end,
                 QdDateOrder  *order,
                 gboolean     *order_fixed,
                 QdParsedTime *out)
{
  QdDateOrder try_order = *order;
  gboolean try_fixed = *order_fixed;
  QdParseResult result;
  Cursor c = { text, end };

  memset (out, 0, sizeof *out);
  trim_span (&c.p, &c.end);
  if (c.p == c.end)
    return QD_PARSE_EMPTY;

  result = parse_date_part (&c, &try_order, &try_fixed, out);
  if (result == QD_PARSE_ORDER_CONFLICT)
    return result;

  if (result == QD_PARSE_OK && c.p < c.end)
    {
      Cursor look = c;

      /* 2026-03-04T13:45, "2026-03-04 13:45", "Mar 4, 2026, 1:45 PM",
       * "4 de marzo de 2026 a las 13:45" is too much. */
      if (*look.p == 'T' || *look.p == 't')
        look.p++;
      else
        {
          if (*look.p == ',')
            look.p++;
          skip_spaces (&look);
        }
      /* Something must part the date from the time: "2026-03-0410:00"
       * is not a date. */
      if (look.p > c.p && look.p < look.end && g_ascii_isdigit (*look.p))
        {
          QdParseResult time_result = parse_time_part (&look, out);
          if (time_result != QD_PARSE_OK)
            result = time_result;
          c = look;
        }
      if (result == QD_PARSE_OK && parse_zone (&c, out) != QD_PARSE_OK)
        result = QD_PARSE_BAD;
      if (result == QD_PARSE_OK && c.p != c.end)
        result = QD_PARSE_BAD;
    }

  if (result == QD_PARSE_BAD)
    return result;

  if (out->year < MIN_YEAR || out->year > MAX_YEAR)
    return QD_PARSE_BAD;

  /* A malformed value never settles the order; an impossible one that
   * was plainly written day first (31/02/2026) does. */
  *order = try_order;
  *order_fixed = try_fixed;

  if (result != QD_PARSE_OK)
    return result;

  if (out->month < 1 || out->month > 12 || out->day < 1 ||
      out->day > days_in_month (out->year, out->month) ||
      out->hour > 23 || out->minute > 59 || out->second > 60)
    return QD_PARSE_IMPOSSIBLE;
  /* A leap second is the last second of its minute here. */
  if (out->second == 60)
    out->second = 59;

  return QD_PARSE_OK;
}

QdParseResult
qd_ticket_parse_time (const char   *text,
                      QdDateOrder  *order,
                      gboolean     *order_fixed,
                      QdParsedTime *out)
{
  g_return_val_if_fail (order != NULL && order_fixed != NULL && out != NULL, QD_PARSE_BAD);

  if (text == NULL)
    text = "";
  return parse_time_span (text, text + strlen (text), order, order_fixed, out);
}

/* ---- time zones ---- */

/* The UTC instant of a local time, worked out in full. A time the
 * clocks skip is read with the offset before the change, so 02:30 on
 * the morning summer time starts is 03:30 summer time. */
static gint64
local_to_utc_exact (GTimeZone *tz,
                    gint64     local)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_DAYLIGHT, local);
  gint64 adjusted = local;

  if (interval >= 0)
    return local - g_time_zone_get_offset (tz, interval);

  interval = g_time_zone_adjust_time (tz, G_TIME_TYPE_DAYLIGHT, &adjusted);
  return local - g_time_zone_get_offset (tz, interval > 0 ? interval - 1 : interval);
}

/* The UTC instant of a local time. Offsets are cached per local day
 * where the zone does not change within it; a day with a change (two a
 * year, where there is summer time) is worked out in full each time. */
static gint64
local_to_utc (QdTicketMap *self,
              gint64       local)
{
  gint64 slot = floor_div (local, SLOT_SECONDS);
  OffsetCache *entry = &self->to_utc[(guint64) slot % CACHE_SLOTS];
  int first, last;

  if (entry->valid && entry->slot == slot)
    return local - entry->offset;

  first = g_time_zone_find_interval (self->tz, G_TIME_TYPE_DAYLIGHT, slot * SLOT_SECONDS);
  last = g_time_zone_find_interval (self->tz, G_TIME_TYPE_DAYLIGHT, slot * SLOT_SECONDS + SLOT_SECONDS - 1);
  if (first >= 0 && first == last)
    {
      entry->slot = slot;
      entry->offset = g_time_zone_get_offset (self->tz, first);
      entry->valid = TRUE;
      return local - entry->offset;
    }

  /* A change of offset on this day: work it out each time. */
  return local_to_utc_exact (self->tz, local);
}

static gint64
utc_to_local (QdTicketMap *self,
              gint64       utc)
{
  gint64 slot = floor_div (utc, SLOT_SECONDS);
  OffsetCache *entry = &self->to_local[(guint64) slot % CACHE_SLOTS];
  int first, last;

  if (entry->valid && entry->slot == slot)
    return utc + entry->offset;

  first = g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, slot * SLOT_SECONDS);
  last = g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, slot * SLOT_SECONDS + SLOT_SECONDS - 1);
  if (first == last)
    {
      entry->slot = slot;
      entry->offset = g_time_zone_get_offset (self->tz, first);
      entry->valid = TRUE;
      return utc + entry->offset;
    }

  return utc + g_time_zone_get_offset (self->tz,
                                       g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, utc));
}

/* Sets the UTC instant and the local day of a parsed time. */
static void
resolve_time (QdTicketMap        *self,
              const QdParsedTime *t,
              gint64             *utc,
              char               *instant,
              char               *day)
{
  gint64 days = days_from_civil (t->year, t->month, t->day);
  gint64 local = days * 86400 + t->hour * 3600 + t->minute * 60 + t->second;

  if (t->has_offset)
    {
      *utc = local - t->offset_seconds;
      format_day (floor_div (utc_to_local (self, *utc), 86400), day);
    }
  else
    {
      *utc = local_to_utc (self, local);
      format_date (t->year, t->month, t->day, day);
    }
  format_instant (*utc, instant);
}

/* ---- durations, ratings, counts ---- */

static QdParseResult
parse_duration_span (const char *text,
                     const char *end,
                     gboolean    in_hours,
                     double     *minutes)
{
  Cursor c = { text, end };
  gboolean negative = FALSE;
  double value = 0;
  int digits = 0;

  trim_span (&c.p, &c.end);
  *minutes = NAN;
  if (c.p == c.end)
    return QD_PARSE_EMPTY;

  if (*c.p == '-' || *c.p == '+')
    {
      negative = *c.p == '-';
      c.p++;
    }

  if (memchr (c.p, ':', c.end - c.p) != NULL)
    {
      /* 36:15:00 or 1:30: hours and minutes, whatever the column's unit. */
      int mm, ss = 0;

      while (c.p < c.end && g_ascii_isdigit (*c.p) && digits < 7)
        {
          value = value * 10 + (*c.p++ - '0');
          digits++;
        }
      if (digits == 0 || c.p >= c.end || *c.p != ':')
        return QD_PARSE_BAD;
      c.p++;
      if (read_number (&c, 2, &mm) != 2 || mm > 59)
        return QD_PARSE_BAD;
      if (c.p < c.end && *c.p == ':')
        {
          c.p++;
          if (read_number (&c, 2, &ss) != 2 || ss > 59)
            return QD_PARSE_BAD;
        }
      if (c.p != c.end)
        return QD_PARSE_BAD;
      value = value * 60 + mm + ss / 60.0;
    }
  else
    {
      double scale = 1;
      int frac = 0;

      while (c.p < c.end && g_ascii_isdigit (*c.p) && digits < 12)
        {
          value = value * 10 + (*c.p++ - '0');
          digits++;
        }
      /* A decimal point, or a comma as Spanish spreadsheets write it. */
      if (c.p < c.end && (*c.p == '.' || *c.p == ','))
        {
          c.p++;
          while (c.p < c.end && g_ascii_isdigit (*c.p) && frac < 9)
            {
              scale /= 10;
              value += (*c.p++ - '0') * scale;
              frac++;
            }
          while (c.p < c.end && g_ascii_isdigit (*c.p))
            c.p++;
        }
      if (digits + frac == 0 || c.p != c.end)
        return QD_PARSE_BAD;
      if (in_hours)
        value *= 60;
    }

  if (value > MAX_MINUTES)
    return QD_PARSE_BAD;
  if (negative && value > 0)
    return QD_PARSE_IMPOSSIBLE;

  *minutes = value;
  return QD_PARSE_OK;
}

QdParseResult
qd_ticket_parse_duration (const char *text,
                          gboolean    in_hours,
                          double     *minutes)
{
  g_return_val_if_fail (minutes != NULL, QD_PARSE_BAD);

  if (text == NULL)
    text = "";
  return parse_duration_span (text, text + strlen (text), in_hours, minutes);
}

/* Lower case, accents of Spanish taken off, runs of spaces, "-" and "_"
 * made one space. FALSE when it does not fit. */
static gboolean
fold_label (const char *p,
            const char *end,
            char       *out,
            gsize       size)
{
  gsize n = 0;
  gboolean space = FALSE;

  for (; p < end; p++)
    {
      guchar ch = (guchar) *p;
      char plain;

      if (is_space (ch) || ch == '-' || ch == '_')
        {
          space = n > 0;
          continue;
        }
      if (ch < 0x80)
        plain = g_ascii_tolower (ch);
      else if (ch == 0xC3 && p + 1 < end)
        {
          switch ((guchar) p[1])
            {
            case 0xA1: case 0x81: plain = 'a'; break;
            case 0xA9: case 0x89: plain = 'e'; break;
            case 0xAD: case 0x8D: plain = 'i'; break;
            case 0xB3: case 0x93: plain = 'o'; break;
            case 0xBA: case 0x9A: case 0xBC: case 0x9C: plain = 'u'; break;
            case 0xB1: case 0x91: plain = 'n'; break;
            default: return FALSE;
            }
          p++;
        }
      else
        return FALSE;

      if (n + (space ? 2 : 1) >= size)
        return FALSE;
      if (space)
        out[n++] = ' ';
      space = FALSE;
      out[n++] = plain;
    }
  out[n] = '\0';
  return TRUE;
}

static const struct
{
  const char *label;
  QdCsat      csat;
} csat_labels[] = {
  /* Zendesk */
  { "good", QD_CSAT_SATISFIED },
  { "bad", QD_CSAT_UNSATISFIED },
  { "offered", QD_CSAT_NOT_RATED },
  { "not offered", QD_CSAT_NOT_RATED },
  { "unoffered", QD_CSAT_NOT_RATED },
  /* Labels of 3- and 5-point surveys (Freshdesk, Help Scout, forms) */
  { "great", QD_CSAT_SATISFIED },
  { "awesome", QD_CSAT_SATISFIED },
  { "excellent", QD_CSAT_SATISFIED },
  { "very good", QD_CSAT_SATISFIED },
  { "satisfied", QD_CSAT_SATISFIED },
  { "very satisfied", QD_CSAT_SATISFIED },
  { "extremely satisfied", QD_CSAT_SATISFIED },
  { "happy", QD_CSAT_SATISFIED },
  { "very happy", QD_CSAT_SATISFIED },
  { "extremely happy", QD_CSAT_SATISFIED },
  { "positive", QD_CSAT_SATISFIED },
  { "okay", QD_CSAT_NEUTRAL },
  { "ok", QD_CSAT_NEUTRAL },
  { "just okay", QD_CSAT_NEUTRAL },
  { "neutral", QD_CSAT_NEUTRAL },
  { "average", QD_CSAT_NEUTRAL },
  { "neither satisfied nor dissatisfied", QD_CSAT_NEUTRAL },
  { "not good", QD_CSAT_UNSATISFIED },
  { "poor", QD_CSAT_UNSATISFIED },
  { "very bad", QD_CSAT_UNSATISFIED },
  { "terrible", QD_CSAT_UNSATISFIED },
  { "unsatisfied", QD_CSAT_UNSATISFIED },
  { "dissatisfied", QD_CSAT_UNSATISFIED },
  { "very unsatisfied", QD_CSAT_UNSATISFIED },
  { "very dissatisfied", QD_CSAT_UNSATISFIED },
  { "extremely unsatisfied", QD_CSAT_UNSATISFIED },
  { "extremely dissatisfied", QD_CSAT_UNSATISFIED },
  { "unhappy", QD_CSAT_UNSATISFIED },
  { "very unhappy", QD_CSAT_UNSATISFIED },
  { "extremely unhappy", QD_CSAT_UNSATISFIED },
  { "negative", QD_CSAT_UNSATISFIED },
  { "not rated", QD_CSAT_NOT_RATED },
  { "no rating", QD_CSAT_NOT_RATED },
  { "none", QD_CSAT_NOT_RATED },
  { "n/a", QD_CSAT_NOT_RATED },
  /* Spanish */
  { "bueno", QD_CSAT_SATISFIED },
  { "buena", QD_CSAT_SATISFIED },
  { "muy bueno", QD_CSAT_SATISFIED },
  { "muy buena", QD_CSAT_SATISFIED },
  { "excelente", QD_CSAT_SATISFIED },
  { "genial", QD_CSAT_SATISFIED },
  { "satisfecho", QD_CSAT_SATISFIED },
  { "satisfecha", QD_CSAT_SATISFIED },
  { "muy satisfecho", QD_CSAT_SATISFIED },
  { "muy satisfecha", QD_CSAT_SATISFIED },
  { "extremadamente satisfecho", QD_CSAT_SATISFIED },
  { "extremadamente satisfecha", QD_CSAT_SATISFIED },
  { "positivo", QD_CSAT_SATISFIED },
  { "regular", QD_CSAT_NEUTRAL },
  { "aceptable", QD_CSAT_NEUTRAL },
  { "normal", QD_CSAT_NEUTRAL },
  { "neutro", QD_CSAT_NEUTRAL },
  { "neutra", QD_CSAT_NEUTRAL },
  { "ni satisfecho ni insatisfecho", QD_CSAT_NEUTRAL },
  { "malo", QD_CSAT_UNSATISFIED },
  { "mala", QD_CSAT_UNSATISFIED },
  { "muy malo", QD_CSAT_UNSATISFIED },
  { "muy mala", QD_CSAT_UNSATISFIED },
  { "no bueno", QD_CSAT_UNSATISFIED },
  { "pesimo", QD_CSAT_UNSATISFIED },
  { "insatisfecho", QD_CSAT_UNSATISFIED },
  { "insatisfecha", QD_CSAT_UNSATISFIED },
  { "muy insatisfecho", QD_CSAT_UNSATISFIED },
  { "muy insatisfecha", QD_CSAT_UNSATISFIED },
  { "extremadamente insatisfecho", QD_CSAT_UNSATISFIED },
  { "extremadamente insatisfecha", QD_CSAT_UNSATISFIED },
  { "nada satisfecho", QD_CSAT_UNSATISFIED },
  { "nada satisfecha", QD_CSAT_UNSATISFIED },
  { "negativo", QD_CSAT_UNSATISFIED },
  { "ofrecida", QD_CSAT_NOT_RATED },
  { "ofrecido", QD_CSAT_NOT_RATED },
  { "no ofrecida", QD_CSAT_NOT_RATED },
  { "no ofrecido", QD_CSAT_NOT_RATED },
  { "sin calificar", QD_CSAT_NOT_RATED },
  { "sin valorar", QD_CSAT_NOT_RATED },
  { "sin calificacion", QD_CSAT_NOT_RATED },
};

static QdParseResult
parse_csat_span (const char *text,
                 const char *end,
                 QdCsat     *csat)
{
  char label[48];
  gsize len;

  trim_span (&text, &end);
  *csat = QD_CSAT_NOT_RATED;
  if (text == end)
    return QD_PARSE_EMPTY;

  /* 1 to 5, also as "4.0" or "4/5" */
  if (g_ascii_isdigit (*text))
    {
      Cursor c = { text, end };
      int score;

      if (read_number (&c, 2, &score) == 0)
        return QD_PARSE_BAD;
      if (c.end - c.p >= 2 && (*c.p == '.' || *c.p == ',') && c.p[1] == '0')
        {
          c.p++;
          while (c.p < c.end && *c.p == '0')
            c.p++;
        }
      else if (c.p < c.end && *c.p == '/')
        {
          int of;
          c.p++;
          if (read_number (&c, 2, &of) == 0 || of != 5)
            return QD_PARSE_BAD;
        }
      if (c.p != c.end || score < 1 || score > 5)
        return QD_PARSE_BAD;
      *csat = score >= 4 ? QD_CSAT_SATISFIED : score == 3 ? QD_CSAT_NEUTRAL : QD_CSAT_UNSATISFIED;
      return QD_PARSE_OK;
    }

  if (!fold_label (text, end, label, sizeof label))
    return QD_PARSE_BAD;
  /* "-", "—" as a blank */
  if (label[0] == '\0')
    return QD_PARSE_EMPTY;

  /* "Good with comment", "Bad with comment" */
  len = strlen (label);
  if (len > 13 && strcmp (label + len - 13, " with comment") == 0)
    label[len - 13] = '\0';
  else if (len > 15 && strcmp (label + len - 15, " con comentario") == 0)
    label[len - 15] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (csat_labels); i++)
    if (strcmp (label, csat_labels[i].label) == 0)
      {
        *csat = csat_labels[i].csat;
        return QD_PARSE_OK;
      }
  return QD_PARSE_BAD;
}

QdParseResult
qd_ticket_parse_csat (const char *text,
                      QdCsat     *csat)
{
  g_return_val_if_fail (csat != NULL, QD_PARSE_BAD);

  if (text == NULL)
    text = "";
  return parse_csat_span (text, text + strlen (text), csat);
}

/* A whole number from 0, also "3.0" as spreadsheets write it. */
static QdParseResult
parse_count_span (const char *text,
                  const char *end,
                  gint       *count)
{
  Cursor c = { text, end };
  gint64 value = 0;
  int digits = 0;

  trim_span (&c.p, &c.end);
  if (c.p == c.end)
    return QD_PARSE_EMPTY;
  while (c.p < c.end && g_ascii_isdigit (*c.p) && digits < 10)
    {
      value = value * 10 + (*c.p++ - '0');
      digits++;
    }
  if (c.end - c.p >= 2 && *c.p == '.' && c.p[1] == '0')
    {
      c.p++;
      while (c.p < c.end && *c.p == '0')
        c.p++;
    }
  if (digits == 0 || c.p != c.end || value > MAX_COUNT)
    return QD_PARSE_BAD;
  *count = (gint) value;
  return QD_PARSE_OK;
}

/* ---- the map ---- */

static void
set_provided (QdTicketMap *self)
{
  static const struct { QdField field; QdTicketColumns bit; } bits[] = {
    { QD_FIELD_AGENT_NAME, QD_TICKET_HAS_AGENT },
    { QD_FIELD_AGENT_EMAIL, QD_TICKET_HAS_AGENT },
    { QD_FIELD_GROUP, QD_TICKET_HAS_GROUP },
    { QD_FIELD_STATUS, QD_TICKET_HAS_STATUS },
    { QD_FIELD_PRIORITY, QD_TICKET_HAS_PRIORITY },
    { QD_FIELD_CHANNEL, QD_TICKET_HAS_CHANNEL },
    { QD_FIELD_SOLVED_AT, QD_TICKET_HAS_SOLVED | QD_TICKET_HAS_RESOLUTION },
    { QD_FIELD_CLOSED_AT, QD_TICKET_HAS_SOLVED | QD_TICKET_HAS_RESOLUTION },
    { QD_FIELD_FIRST_REPLY_AT, QD_TICKET_HAS_FIRST_REPLY },
    { QD_FIELD_FIRST_REPLY_MINUTES, QD_TICKET_HAS_FIRST_REPLY },
    { QD_FIELD_FIRST_REPLY_HOURS, QD_TICKET_HAS_FIRST_REPLY },
    { QD_FIELD_RESOLUTION_MINUTES, QD_TICKET_HAS_RESOLUTION },
    { QD_FIELD_RESOLUTION_HOURS, QD_TICKET_HAS_RESOLUTION },
    { QD_FIELD_CSAT, QD_TICKET_HAS_CSAT },
    { QD_FIELD_REOPENS, QD_TICKET_HAS_REOPENS },
    { QD_FIELD_REPLIES, QD_TICKET_HAS_REPLIES },
  };

  self->provided = 0;
  for (guint i = 0; i < G_N_ELEMENTS (bits); i++)
    if (self->columns[bits[i].field] >= 0)
      self->provided |= bits[i].bit;
}

static char *
quote_list (const char * const *names,
            guint               n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n && names[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "“%s”", names[i]);
    }
  return g_string_free (out, FALSE);
}

static void
set_unknown_format_error (const char * const  *headers,
                          guint                n_headers,
                          GError             **error)
{
  g_autoptr(GString) found = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < n_headers && shown < 6; i++)
    {
      g_autofree char *valid = NULL;
      const char *h = headers[i] != NULL ? headers[i] : "";

      if (*h == '\0')
        continue;
      valid = g_utf8_make_valid (h, MIN (strlen (h), 60));
      if (shown++ > 0)
        g_string_append (found, ", ");
      g_string_append_printf (found, "“%s”", valid);
    }

  g_set_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_UNKNOWN_FORMAT,
               _("This file is not a ticket export Quarterdeck recognises. "
                 "It expected the columns of a Zendesk ticket export (“Id”, “Created at”), "
                 "a Zendesk Explore export (“Ticket ID”, “Ticket created - Date”) "
                 "or a Freshdesk ticket export (“Ticket ID”, “Created time”, “Agent”), "
                 "but the first row has %s. Map the columns by hand to import it."),
               shown > 0 ? found->str : _("no column names"));
}

QdTicketMap *
qd_ticket_map_new (QdPreset             preset,
                   const char * const  *headers,
                   guint                n_headers,
                   const QdField       *mapping,
                   guint                n_mapping,
                   GTimeZone           *timezone,
                   GError             **error)
{
  g_autoptr(QdTicketMap) self = NULL;
  const PresetInfo *info;

  g_return_val_if_fail (headers != NULL || n_headers == 0, NULL);
  g_return_val_if_fail (timezone != NULL, NULL);

  self = g_new0 (QdTicketMap, 1);
  self->tz = g_time_zone_ref (timezone);
  self->scratch = g_string_sized_new (256);
  for (guint f = 0; f < QD_N_FIELDS; f++)
    self->columns[f] = -1;

  if (preset == QD_PRESET_AUTO)
    {
      preset = qd_ticket_map_detect (headers, n_headers);
      if (preset == QD_PRESET_AUTO)
        {
          set_unknown_format_error (headers, n_headers, error);
          return NULL;
        }
    }
  self->preset = preset;
  self->order = preset == QD_PRESET_ZENDESK_EXPLORE ? QD_DATE_ORDER_MONTH_FIRST : QD_DATE_ORDER_DAY_FIRST;

  if (preset == QD_PRESET_CUSTOM)
    {
      if (mapping == NULL)
        {
          g_set_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_MISSING_COLUMN,
                       _("Say what each column holds to import this file."));
          return NULL;
        }
      for (guint i = 0; i < MIN (n_mapping, n_headers); i++)
        if (mapping[i] > QD_FIELD_IGNORE && mapping[i] < QD_N_FIELDS && self->columns[mapping[i]] < 0)
          self->columns[mapping[i]] = (int) i;

      if (self->columns[QD_FIELD_TICKET_ID] < 0)
        {
          g_set_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_MISSING_COLUMN,
                       _("Choose the column that holds the ticket ID."));
          return NULL;
        }
      if (self->columns[QD_FIELD_CREATED_AT] < 0)
        {
          g_set_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_MISSING_COLUMN,
                       _("Choose the column that holds the date each ticket was created."));
          return NULL;
        }
      set_provided (self);
      return g_steal_pointer (&self);
    }

  info = find_preset (preset);
  g_return_val_if_fail (info != NULL, NULL);

  for (guint r = 0; r < G_N_ELEMENTS (info->required) && info->required[r] != NULL; r++)
    if (!has_header (headers, n_headers, info->required[r]))
      {
        g_autofree char *all = quote_list (info->required, G_N_ELEMENTS (info->required));
        g_set_error (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_MISSING_COLUMN,
                     _("This is not a %s: it has no “%s” column. That export has the columns %s."),
                     qd_preset_to_label (preset), info->required[r], all);
        return NULL;
      }

  for (guint i = 0; i < n_headers; i++)
    {
      QdField field;

      if (headers[i] == NULL || !lookup_meaning (info->headers, info->n_headers, headers[i], &field))
        continue;
      if (field != QD_FIELD_IGNORE && self->columns[field] < 0)
        self->columns[field] = (int) i;
    }

  set_provided (self);
  return g_steal_pointer (&self);
}

QdPreset
qd_ticket_map_get_preset (QdTicketMap *self)
{
  g_return_val_if_fail (self != NULL, QD_PRESET_AUTO);
  return self->preset;
}

const char *
qd_ticket_map_get_source (QdTicketMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return qd_preset_to_source (self->preset);
}

int
qd_ticket_map_get_column (QdTicketMap *self,
                          QdField      field)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (field < QD_N_FIELDS, -1);
  return self->columns[field];
}

void
qd_ticket_map_free (QdTicketMap *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->tz, g_time_zone_unref);
  if (self->scratch != NULL)
    g_string_free (self->scratch, TRUE);
  g_free (self);
}

/* The cell of @field, trimmed; an empty span when the file has none or
 * the row is short. */
static void
cell (QdTicketMap        *self,
      const char * const *fields,
      guint               n_fields,
      QdField             field,
      const char        **start,
      const char        **end)
{
  int col = self->columns[field];

  if (col < 0 || (guint) col >= n_fields || fields[col] == NULL)
    {
      *start = *end = "";
      return;
    }
  *start = fields[col];
  *end = *start + strlen (*start);
  trim_span (start, end);
}

/* A value for a message: at most MAX_QUOTED characters. */
static char *
quoted (const char *start,
        const char *end)
{
  g_autofree char *valid = g_utf8_make_valid (start, end - start);
  g_autofree char *head = NULL;
  glong len = g_utf8_strlen (valid, -1);

  if (len <= MAX_QUOTED)
    return g_steal_pointer (&valid);
  head = g_utf8_substring (valid, 0, MAX_QUOTED - 1);
  return g_strconcat (head, "…", NULL);
}

static gboolean
fail_row (GError     **error,
          const char  *format,
          const char  *start,
          const char  *end)
{
  g_autofree char *value = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *message = NULL;

  if (error == NULL)
    return FALSE;
  /* @format is a translated message with one "%s" for the value. */
  value = quoted (start, end);
  parts = g_strsplit (format, "%s", 2);
  message = g_strconcat (parts[0], parts[0] != NULL && parts[1] != NULL ? value : "",
                         parts[0] != NULL ? parts[1] : NULL, NULL);
  g_set_error_literal (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_FAILED, message);
  return FALSE;
}

static gboolean
fail_date (QdTicketMap    *self,
           QdParseResult   result,
           const char     *start,
           const char     *end,
           GError        **error)
{
  switch (result)
    {
    case QD_PARSE_IMPOSSIBLE:
      return fail_row (error, _("the date “%s” does not exist"), start, end);
    case QD_PARSE_ORDER_CONFLICT:
      if (self->order == QD_DATE_ORDER_DAY_FIRST)
        return fail_row (error, _("the date “%s” is written month first, but the dates before it "
                                  "were day first"), start, end);
      return fail_row (error, _("the date “%s” is written day first, but the dates before it "
                                "were month first"), start, end);
    case QD_PARSE_OK:
    case QD_PARSE_EMPTY:
    case QD_PARSE_BAD:
    default:
      return fail_row (error, _("the date “%s” is not in a form Quarterdeck understands"), start, end);
    }
}

/* Reads an optional date column; FALSE with @error set when it is bad. */
static gboolean
read_time (QdTicketMap         *self,
           const char * const  *fields,
           guint                n_fields,
           QdField              field,
           QdParsedTime        *t,
           gboolean            *present,
           GError             **error)
{
  const char *start, *end;
  QdParseResult result;

  cell (self, fields, n_fields, field, &start, &end);
  result = parse_time_span (start, end, &self->order, &self->order_fixed, t);
  *present = result == QD_PARSE_OK;
  if (result == QD_PARSE_OK || result == QD_PARSE_EMPTY)
    return TRUE;
  return fail_date (self, result, start, end, error);
}

static gboolean
read_duration (QdTicketMap         *self,
               const char * const  *fields,
               guint                n_fields,
               QdField              minutes_field,
               QdField              hours_field,
               const char          *what_minutes,     /* untranslated: only a failure pays for gettext */
               const char          *what_hours,
               const char          *what_negative,
               double              *minutes,
               GError             **error)
{
  const QdField candidates[2] = { minutes_field, hours_field };

  *minutes = NAN;
  for (guint i = 0; i < 2; i++)
    {
      const char *start, *end;
      QdParseResult result;

      cell (self, fields, n_fields, candidates[i], &start, &end);
      result = parse_duration_span (start, end, i == 1, minutes);
      if (result == QD_PARSE_OK)
        return TRUE;
      if (result == QD_PARSE_IMPOSSIBLE)
        return fail_row (error, _(what_negative), start, end);
      if (result == QD_PARSE_BAD)
        return fail_row (error, _(i == 0 ? what_minutes : what_hours), start, end);
    }
  return TRUE;
}

/* Copies a trimmed cell into the scratch space; returns its offset. */
static gsize
keep_text (QdTicketMap         *self,
           const char * const  *fields,
           guint                n_fields,
           QdField              field)
{
  const char *start, *end;
  gsize offset = self->scratch->len;

  cell (self, fields, n_fields, field, &start, &end);
  g_string_append_len (self->scratch, start, end - start);
  g_string_append_c (self->scratch, '\0');
  return offset;
}

gboolean
qd_ticket_map_row (QdTicketMap         *self,
                   const char * const  *fields,
                   guint                n_fields,
                   QdMappedTicket      *out,
                   GError             **error)
{
  enum { TEXT_ID, TEXT_AGENT, TEXT_EMAIL, TEXT_GROUP, TEXT_STATUS, TEXT_PRIORITY, TEXT_CHANNEL, N_TEXT };
  static const QdField text_fields[N_TEXT] = {
    QD_FIELD_TICKET_ID, QD_FIELD_AGENT_NAME, QD_FIELD_AGENT_EMAIL, QD_FIELD_GROUP,
    QD_FIELD_STATUS, QD_FIELD_PRIORITY, QD_FIELD_CHANNEL,
  };
  QdTicketRecord *ticket;
  QdParsedTime created, solved, first_reply;
  gboolean has_created, has_solved, has_first_reply;
  gsize offsets[N_TEXT];
  const char *start, *end;
  gint64 first_reply_unix = 0;
  QdParseResult result;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields != NULL || n_fields == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  ticket = &out->ticket;
  ticket->first_reply_minutes = NAN;
  ticket->resolution_minutes = NAN;
  ticket->replies = -1;
  ticket->columns = self->provided;

  cell (self, fields, n_fields, QD_FIELD_TICKET_ID, &start, &end);
  if (start == end)
    {
      g_set_error_literal (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_FAILED,
                           _("the ticket has no ID"));
      return FALSE;
    }

  /* Created: required. */
  cell (self, fields, n_fields, QD_FIELD_CREATED_AT, &start, &end);
  result = parse_time_span (start, end, &self->order, &self->order_fixed, &created);
  if (result == QD_PARSE_EMPTY)
    {
      g_set_error_literal (error, QD_IMPORT_ERROR, QD_IMPORT_ERROR_FAILED,
                           _("the ticket has no creation date"));
      return FALSE;
    }
  if (result != QD_PARSE_OK)
    return fail_date (self, result, start, end, error);
  has_created = TRUE;

  /* Solved: the solved time, else the closed time. */
  if (!read_time (self, fields, n_fields, QD_FIELD_SOLVED_AT, &solved, &has_solved, error))
    return FALSE;
  if (!has_solved &&
      !read_time (self, fields, n_fields, QD_FIELD_CLOSED_AT, &solved, &has_solved, error))
    return FALSE;
  if (!read_time (self, fields, n_fields, QD_FIELD_FIRST_REPLY_AT, &first_reply, &has_first_reply, error))
    return FALSE;

  if (!read_duration (self, fields, n_fields,
                      QD_FIELD_FIRST_REPLY_MINUTES, QD_FIELD_FIRST_REPLY_HOURS,
                      N_("the first reply time “%s” is not a number of minutes"),
                      N_("the first reply time “%s” is not a number of hours"),
                      N_("the first reply time “%s” is negative"),
                      &ticket->first_reply_minutes, error) ||
      !read_duration (self, fields, n_fields,
                      QD_FIELD_RESOLUTION_MINUTES, QD_FIELD_RESOLUTION_HOURS,
                      N_("the resolution time “%s” is not a number of minutes"),
                      N_("the resolution time “%s” is not a number of hours"),
                      N_("the resolution time “%s” is negative"),
                      &ticket->resolution_minutes, error))
    return FALSE;

  cell (self, fields, n_fields, QD_FIELD_CSAT, &start, &end);
  if (parse_csat_span (start, end, &ticket->csat) == QD_PARSE_BAD)
    return fail_row (error, _("the satisfaction rating “%s” is not one Quarterdeck understands"), start, end);

  cell (self, fields, n_fields, QD_FIELD_REOPENS, &start, &end);
  {
    gint reopens = 0;
    if (parse_count_span (start, end, &reopens) == QD_PARSE_BAD)
      return fail_row (error, _("the number of reopens “%s” is not a whole number"), start, end);
    ticket->reopens = (guint) reopens;
  }
  cell (self, fields, n_fields, QD_FIELD_REPLIES, &start, &end);
  if (parse_count_span (start, end, &ticket->replies) == QD_PARSE_BAD)
    return fail_row (error, _("the number of replies “%s” is not a whole number"), start, end);

  /* All good: the instants, the days and what is worked out from them. */
  if (has_created)
    {
      resolve_time (self, &created, &out->created_unix, ticket->created_at, ticket->created_day);
      if (created.has_time)
        ticket->columns |= QD_TICKET_CREATED_TIME;
    }
  if (has_solved)
    {
      resolve_time (self, &solved, &out->solved_unix, ticket->solved_at, ticket->solved_day);
      if (solved.has_time)
        ticket->columns |= QD_TICKET_SOLVED_TIME;
    }
  if (has_first_reply)
    {
      char instant[QD_TICKET_INSTANT_SIZE], day[QD_TICKET_DAY_SIZE];
      resolve_time (self, &first_reply, &first_reply_unix, instant, day);
      if (isnan (ticket->first_reply_minutes) && created.has_time && first_reply.has_time &&
          first_reply_unix >= out->created_unix &&
          (first_reply_unix - out->created_unix) / 60.0 <= MAX_MINUTES)
        ticket->first_reply_minutes = (first_reply_unix - out->created_unix) / 60.0;
    }
  if (isnan (ticket->resolution_minutes) && has_solved && created.has_time && solved.has_time &&
      out->solved_unix >= out->created_unix && (out->solved_unix - out->created_unix) / 60.0 <= MAX_MINUTES)
    ticket->resolution_minutes = (out->solved_unix - out->created_unix) / 60.0;

  g_string_truncate (self->scratch, 0);
  for (guint i = 0; i < N_TEXT; i++)
    offsets[i] = keep_text (self, fields, n_fields, text_fields[i]);

  ticket->external_id = self->scratch->str + offsets[TEXT_ID];
  out->agent_name = self->scratch->str + offsets[TEXT_AGENT];
  out->agent_email = self->scratch->str + offsets[TEXT_EMAIL];
  ticket->group_name = self->scratch->str + offsets[TEXT_GROUP];
  ticket->status = self->scratch->str + offsets[TEXT_STATUS];
  ticket->priority = self->scratch->str + offsets[TEXT_PRIORITY];
  ticket->channel = self->scratch->str + offsets[TEXT_CHANNEL];

  return TRUE;
}
