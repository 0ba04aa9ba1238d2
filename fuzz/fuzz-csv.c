/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qd-csv.h"

/*
 * Feeds the input to the CSV reader whole, byte by byte and in uneven
 * chunks, in a few reader set-ups, and checks that every chunking reports
 * exactly the same rows and error, and that every row keeps the reader's
 * promises (numbering, field count, valid UTF-8, limits).
 */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

typedef struct
{
  char   delimiter;
  gsize  max_field_bytes;
  guint  max_fields;
  gsize  max_record_bytes;
  guint  stop_after;
} Setup;

typedef struct
{
  const Setup *setup;
  GString     *dump;
  guint        n_rows;
  guint        last_line;
  gsize        input_size;
} Run;

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

static gboolean
row_cb (const QdCsvRow  *row,
        gpointer         user_data,
        GError         **error)
{
  Run *run = user_data;
  gsize total = 0;

  CHECK (row->record == run->n_rows + 1);
  CHECK (row->line >= row->record);
  CHECK (run->n_rows == 0 || row->line > run->last_line);
  CHECK (row->n_fields >= 1);
  CHECK (row->n_fields <= run->setup->max_fields);
  CHECK (row->fields != NULL);
  CHECK (row->fields[row->n_fields] == NULL);

  g_string_append_printf (run->dump, "row %u line %u fields %u%s\n",
                          row->record, row->line, row->n_fields,
                          row->invalid_utf8 ? " invalid" : "");

  for (guint i = 0; i < row->n_fields; i++)
    {
      const char *field = row->fields[i];
      gsize len;

      CHECK (field != NULL);
      len = strlen (field);
      CHECK (g_utf8_validate (field, len, NULL));
      /* A repaired byte becomes U+FFFD, three bytes long. */
      CHECK (len <= 3 * run->setup->max_field_bytes);
      if (!row->invalid_utf8)
        CHECK (len <= run->setup->max_field_bytes);

      total += len;
      g_string_append_printf (run->dump, "%" G_GSIZE_FORMAT ":", len);
      g_string_append_len (run->dump, field, len);
      g_string_append_c (run->dump, '\n');
    }

  /* Fields never hold more than the input had (or three times it once
   * repaired). */
  CHECK (total <= 3 * run->input_size);
  if (!row->invalid_utf8)
    CHECK (total <= run->input_size);

  run->n_rows++;
  run->last_line = row->line;

  if (run->setup->stop_after != 0 && run->n_rows >= run->setup->stop_after)
    return FALSE;

  return TRUE;
}

/* Chunk sizes: 0 = whole, otherwise a fixed size, or -1 for sizes taken
 * from the data itself. */
static char *
parse (const Setup   *setup,
       const uint8_t *data,
       size_t         size,
       int            chunking)
{
  g_autoptr(QdCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0, };
  gboolean ok = TRUE;
  size_t pos = 0;
  guint step = 0;

  run.setup = setup;
  run.dump = g_string_new (NULL);
  run.input_size = size;

  reader = qd_csv_reader_new (setup->delimiter, row_cb, &run);
  qd_csv_reader_set_limits (reader, setup->max_field_bytes, setup->max_fields,
                            setup->max_record_bytes);

  while (ok && pos < size)
    {
      size_t n;

      if (chunking == 0)
        n = size;
      else if (chunking > 0)
        n = chunking;
      else
        n = 1 + (data[(pos + step++) % size] % 17);

      n = MIN (n, size - pos);
      ok = qd_csv_reader_feed (reader, (const char *) data + pos, n, &error);
      pos += n;
    }

  if (ok)
    ok = qd_csv_reader_finish (reader, &error);

  CHECK (ok == (error == NULL));
  if (error != NULL)
    {
      CHECK (error->domain == QD_CSV_ERROR);
      CHECK (g_str_has_prefix (error->message, "Row "));
      g_string_append_printf (run.dump, "error %d: %s\n", error->code, error->message);
    }

  if (setup->stop_after != 0)
    CHECK (run.n_rows <= setup->stop_after);
  if (setup->delimiter != 0)
    CHECK (qd_csv_reader_get_delimiter (reader) == setup->delimiter);
  else if (ok && !qd_csv_reader_is_stopped (reader))
    CHECK (strchr (",;\t", qd_csv_reader_get_delimiter (reader)) != NULL);

  return g_string_free (run.dump, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const Setup setups[] = {
    /* What the importer uses */
    { 0, QD_CSV_DEFAULT_MAX_FIELD_BYTES, QD_CSV_DEFAULT_MAX_FIELDS, QD_CSV_DEFAULT_MAX_RECORD_BYTES, 0 },
    /* Tiny limits, so the limit errors are reached */
    { ';', 24, 6, 64, 0 },
    /* A row function that stops early */
    { ',', 1024, 64, 4096, 3 },
  };
  static const int chunkings[] = { 1, 2, 7, -1 };

  for (guint s = 0; s < G_N_ELEMENTS (setups); s++)
    {
      g_autofree char *whole = parse (&setups[s], data, size, 0);

      for (guint c = 0; c < G_N_ELEMENTS (chunkings); c++)
        {
          g_autofree char *chunked = parse (&setups[s], data, size, chunkings[c]);

          if (strcmp (whole, chunked) != 0)
            {
              fprintf (stderr, "setup %u, chunking %d differs\n--- whole\n%s\n--- chunked\n%s\n",
                       s, chunkings[c], whole, chunked);
              abort ();
            }
        }
    }

  return 0;
}
