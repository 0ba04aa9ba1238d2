/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-ticket-map"

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qd-csv.h"
#include "qd-ticket-map.h"

/*
 * Feeds the input through the CSV reader and maps every row with each
 * preset (and a custom mapping taken from the input's first bytes), in a
 * time zone also chosen by the input. Checks what a mapped row promises:
 * well-formed UTC instants that read back to the same seconds, local days
 * that are real dates and agree with the instant in the account's zone,
 * durations that are unknown or non-negative, and row errors that are
 * short, valid UTF-8 sentences. The date, duration and rating parsers are
 * also run on every field.
 *
 * By hand, as fuzz/README.md shows for fuzz-csv:
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
 *     -Ibuild -Isrc -Isrc/import -Isrc/store fuzz/fuzz-ticket-map.c \
 *     src/import/qd-ticket-map.c src/import/qd-csv.c \
 *     $(pkg-config --cflags --libs gio-2.0) -lm -o /tmp/fuzz-ticket-map
 *   /tmp/fuzz-ticket-map -max_total_time=180 -max_len=4096 /tmp/work fuzz/corpus/fuzz-ticket-map
 */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define CHECK(cond) \
  G_STMT_START \
  { \
    if (G_UNLIKELY (!(cond))) \
      { \
        fprintf (stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        abort (); \
      } \
  } \
  G_STMT_END

static const char *zones[] = {
  "UTC", "Europe/Madrid", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
  "America/Santiago",
};

static const QdPreset presets[] = {
  QD_PRESET_AUTO, QD_PRESET_ZENDESK, QD_PRESET_ZENDESK_EXPLORE, QD_PRESET_FRESHDESK, QD_PRESET_CUSTOM,
};

#define N_MAPS G_N_ELEMENTS (presets)

typedef struct
{
  GTimeZone   *tz;
  QdField      mapping[64];
  QdTicketMap *maps[N_MAPS];
  gboolean     header_seen;
  guint        rows;
} Run;

static GTimeZone *
zone (guint i)
{
  static GTimeZone *cache[G_N_ELEMENTS (zones)];

  i %= G_N_ELEMENTS (zones);
  if (cache[i] == NULL)
    {
      cache[i] = g_time_zone_new_identifier (zones[i]);
      if (cache[i] == NULL)
        cache[i] = g_time_zone_new_utc ();
    }
  return cache[i];
}

static gboolean
is_day (const char *day)
{
  int y, m, d;

  if (strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (day[i]))
      return FALSE;
  y = atoi (day);
  m = atoi (day + 5);
  d = atoi (day + 8);
  return g_date_valid_dmy (d, m, y);
}

/* "2026-03-04T12:45:00Z" for @unix, and its day in @tz within one day of
 * @day (the same day unless the local time was one the clocks skip). */
static void
check_instant (const char *instant,
               const char *day,
               gint64      unix_time,
               GTimeZone  *tz)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *local_day = NULL;
  int y, m, d;
  GDate a, b;

  CHECK (strlen (instant) == 20);
  CHECK (instant[10] == 'T' && instant[19] == 'Z');
  CHECK (is_day (day));
  parsed = g_date_time_new_from_iso8601 (instant, NULL);
  CHECK (parsed != NULL);
  CHECK (g_date_time_to_unix (parsed) == unix_time);

  local = g_date_time_to_timezone (parsed, tz);
  CHECK (local != NULL);
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, d, m, y);
  g_date_set_dmy (&b, atoi (day + 8), atoi (day + 5), atoi (day));
  CHECK (ABS (g_date_days_between (&a, &b)) <= 1);
}

static void
check_text (const char *text)
{
  gsize len;

  CHECK (text != NULL);
  len = strlen (text);
  CHECK (g_utf8_validate (text, len, NULL));
  if (len > 0)
    {
      CHECK (!g_ascii_isspace (text[0]));
      CHECK (!g_ascii_isspace (text[len - 1]));
    }
}

static void
check_minutes (double minutes)
{
  CHECK (isnan (minutes) || (isfinite (minutes) && minutes >= 0 && minutes <= 100.0 * 366 * 24 * 60));
}

static void
check_mapped (QdTicketMap          *map,
              const QdMappedTicket *mapped,
              GTimeZone            *tz)
{
  const QdTicketRecord *t = &mapped->ticket;

  check_text (t->external_id);
  CHECK (*t->external_id != '\0');
  check_text (t->group_name);
  check_text (t->status);
  check_text (t->priority);
  check_text (t->channel);
  check_text (mapped->agent_name);
  check_text (mapped->agent_email);
  CHECK (t->agent_id == 0);

  check_instant (t->created_at, t->created_day, mapped->created_unix, tz);
  if (t->solved_at[0] != '\0')
    check_instant (t->solved_at, t->solved_day, mapped->solved_unix, tz);
  else
    CHECK (t->solved_day[0] == '\0' && mapped->solved_unix == 0);

  check_minutes (t->first_reply_minutes);
  check_minutes (t->resolution_minutes);
  CHECK ((guint) t->csat <= QD_CSAT_UNSATISFIED);
  CHECK (t->reopens <= 1000000);
  CHECK (t->replies >= -1 && t->replies <= 1000000);

  /* A file without a column provides nothing from it. */
  if (qd_ticket_map_get_column (map, QD_FIELD_SOLVED_AT) < 0 &&
      qd_ticket_map_get_column (map, QD_FIELD_CLOSED_AT) < 0)
    {
      CHECK (t->solved_at[0] == '\0');
      CHECK (!(t->columns & QD_TICKET_HAS_SOLVED));
    }
  if (qd_ticket_map_get_column (map, QD_FIELD_CSAT) < 0)
    CHECK (t->csat == QD_CSAT_NOT_RATED && !(t->columns & QD_TICKET_HAS_CSAT));
}

static void
check_error (const GError *error)
{
  gsize len;

  CHECK (error != NULL);
  CHECK (error->domain == QD_IMPORT_ERROR);
  len = strlen (error->message);
  CHECK (len > 0 && len < 400);
  CHECK (g_utf8_validate (error->message, len, NULL));
  CHECK (!g_str_has_prefix (error->message, "Row "));
}

static void
check_parsers (const char *field)
{
  QdDateOrder order = field[0] % 2 ? QD_DATE_ORDER_DAY_FIRST : QD_DATE_ORDER_MONTH_FIRST;
  gboolean fixed = FALSE;
  QdParsedTime t;
  QdParseResult result;
  double minutes;
  QdCsat csat;

  result = qd_ticket_parse_time (field, &order, &fixed, &t);
  CHECK (result <= QD_PARSE_ORDER_CONFLICT);
  CHECK (result != QD_PARSE_ORDER_CONFLICT);      /* nothing was fixed before */
  if (result == QD_PARSE_OK)
    {
      CHECK (g_date_valid_dmy (t.day, t.month, t.year));
      CHECK (t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59);
      CHECK (t.second >= 0 && t.second <= 59);
      CHECK (t.has_time || (t.hour == 0 && t.minute == 0 && t.second == 0));
      CHECK (ABS (t.offset_seconds) <= 14 * 3600);
    }

  for (int hours = 0; hours < 2; hours++)
    {
      result = qd_ticket_parse_duration (field, hours, &minutes);
      CHECK (result <= QD_PARSE_IMPOSSIBLE);
      if (result == QD_PARSE_OK)
        CHECK (isfinite (minutes) && minutes >= 0);
      else
        CHECK (isnan (minutes));
    }

  result = qd_ticket_parse_csat (field, &csat);
  CHECK (result == QD_PARSE_OK || result == QD_PARSE_EMPTY || result == QD_PARSE_BAD);
  CHECK ((guint) csat <= QD_CSAT_UNSATISFIED);
}

static gboolean
row_cb (const QdCsvRow  *row,
        gpointer         user_data,
        GError         **error)
{
  Run *run = user_data;
  const char * const *fields = (const char * const *) row->fields;

  if (!run->header_seen)
    {
      run->header_seen = TRUE;
      for (guint p = 0; p < N_MAPS; p++)
        {
          g_autoptr(GError) local_error = NULL;

          run->maps[p] = qd_ticket_map_new (presets[p], fields, row->n_fields, run->mapping,
                                            MIN (row->n_fields, G_N_ELEMENTS (run->mapping)),
                                            run->tz, &local_error);
          CHECK ((run->maps[p] == NULL) == (local_error != NULL));
          if (run->maps[p] == NULL)
            {
              CHECK (local_error->domain == QD_IMPORT_ERROR);
              CHECK (g_utf8_validate (local_error->message, -1, NULL));
            }
          else
            {
              CHECK (qd_ticket_map_get_preset (run->maps[p]) != QD_PRESET_AUTO);
              CHECK (qd_ticket_map_get_column (run->maps[p], QD_FIELD_TICKET_ID) >= 0);
              CHECK (qd_ticket_map_get_column (run->maps[p], QD_FIELD_CREATED_AT) >= 0);
            }
        }
      return TRUE;
    }

  for (guint i = 0; i < row->n_fields && i < 8; i++)
    check_parsers (fields[i]);

  for (guint p = 0; p < N_MAPS; p++)
    {
      g_autoptr(GError) local_error = NULL;
      QdMappedTicket mapped;

      if (run->maps[p] == NULL)
        continue;
      if (qd_ticket_map_row (run->maps[p], fields, row->n_fields, &mapped, &local_error))
        {
          CHECK (local_error == NULL);
          check_mapped (run->maps[p], &mapped, run->tz);
        }
      else
        check_error (local_error);
    }

  /* Enough rows for an input of a few kilobytes. */
  return ++run->rows < 200;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(QdCsvReader) reader = NULL;
  Run run = { 0 };

  /* The first bytes choose the time zone and the custom mapping; the
   * reader sees them too, so a corpus file is an ordinary CSV file. */
  run.tz = zone (size > 0 ? data[0] : 0);
  for (guint i = 0; i < G_N_ELEMENTS (run.mapping); i++)
    run.mapping[i] = i + 1 < size ? (QdField) (data[i + 1] % QD_N_FIELDS) : QD_FIELD_IGNORE;
  /* Often a usable one: ticket ID and creation date in the first two. */
  if (size > 0 && data[0] & 0x80)
    {
      run.mapping[0] = QD_FIELD_TICKET_ID;
      run.mapping[1] = QD_FIELD_CREATED_AT;
    }

  reader = qd_csv_reader_new (0, row_cb, &run);
  qd_csv_reader_set_limits (reader, 64 * 1024, 256, 256 * 1024);
  if (qd_csv_reader_feed (reader, (const char *) data, size, NULL))
    qd_csv_reader_finish (reader, NULL);

  for (guint p = 0; p < N_MAPS; p++)
    g_clear_pointer (&run.maps[p], qd_ticket_map_free);

  return 0;
}
