/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qd-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "qd-csv.h"

/*
 * A streaming CSV reader (RFC 4180 plus what helpdesk exports do).
 *
 * Bytes go through three stages, each of which only depends on the bytes
 * seen so far and never on where one chunk ends and the next begins:
 *
 *  1. the byte-order mark check, which holds back at most three bytes;
 *  2. delimiter detection (only when the caller gave none), which holds
 *     back the first record, counts the candidate delimiters outside quotes
 *     and then replays the held bytes;
 *  3. the record parser, a small state machine that copies runs of plain
 *     bytes into one growing record buffer (fields separated by NULs) and
 *     calls the row callback at the end of every record.
 */

#define STREAM_CHUNK_SIZE (64 * 1024)

/* How much of the first record delimiter detection looks at. */
#define DETECT_WINDOW (64 * 1024)

static const guint8 bom[3] = { 0xEF, 0xBB, 0xBF };

typedef enum
{
  STATE_RECORD_START,
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_SEEN,
} State;

typedef enum
{
  DETECT_FIELD_START,
  DETECT_UNQUOTED,
  DETECT_QUOTED,
  DETECT_QUOTE_SEEN,
} DetectState;

struct _QdCsvReader
{
  QdCsvRowFunc  func;
  gpointer      user_data;

  char          delimiter;
  State         state;
  /* Bytes that end a run of plain bytes outside quotes, and inside quotes. */
  guint8        unquoted_special[256];
  guint8        quoted_special[256];

  /* Stage 1: byte-order mark */
  guint8        head[3];
  guint         head_len;
  gboolean      bom_checked;

  /* Stage 2: delimiter detection */
  GByteArray   *detect_buf;
  DetectState   detect_state;
  gboolean      detect_seen_content;
  guint         detect_counts[3];

  /* Stage 3: the record being read */
  char         *buf;
  gsize         buf_len;
  gsize         buf_alloc;
  gsize        *starts;
  guint         n_fields;
  guint         starts_alloc;
  char        **fields;
  guint         fields_alloc;
  GPtrArray    *repaired;

  guint         n_records;
  guint         line;
  guint         record_line;
  guint64       offset;
  guint64       last_cr_end;

  gsize         max_field_bytes;
  guint         max_fields;
  gsize         max_record_bytes;

  GError       *error;
  gboolean      fed;
  gboolean      stopped;
  gboolean      finished;
};

G_DEFINE_QUARK (qd-csv-error-quark, qd_csv_error)

static const char detect_candidates[3] = { ',', ';', '\t' };

static void
set_delimiter (QdCsvReader *self,
               char         delimiter)
{
  self->delimiter = delimiter;

  memset (self->unquoted_special, 0, sizeof self->unquoted_special);
  self->unquoted_special[(guchar) delimiter] = 1;
  self->unquoted_special['\r'] = 1;
  self->unquoted_special['\n'] = 1;
}

/* Remembers the first error so that later calls report it again. */
static gboolean
fail (QdCsvReader  *self,
      GError      **error,
      GError       *local_error)
{
  g_assert (self->error == NULL);

  self->error = local_error;
  if (error != NULL)
    *error = g_error_copy (local_error);

  return FALSE;
}

static gboolean
fail_field_too_long (QdCsvReader  *self,
                     GError      **error)
{
  g_autofree char *size = g_format_size (self->max_field_bytes);
  GError *local_error;

  if (self->state == STATE_QUOTED)
    local_error = g_error_new (QD_CSV_ERROR, QD_CSV_ERROR_FIELD_TOO_LONG,
                               _("Row %u (line %u): a quoted field runs on for more than %s — a closing quote may be missing"),
                               self->n_records + 1, self->record_line, size);
  else
    local_error = g_error_new (QD_CSV_ERROR, QD_CSV_ERROR_FIELD_TOO_LONG,
                               _("Row %u (line %u): a field is longer than %s — the file may not be a CSV export"),
                               self->n_records + 1, self->record_line, size);

  return fail (self, error, local_error);
}

static gboolean
fail_record_too_long (QdCsvReader  *self,
                      GError      **error)
{
  g_autofree char *size = g_format_size (self->max_record_bytes);

  return fail (self, error,
               g_error_new (QD_CSV_ERROR, QD_CSV_ERROR_RECORD_TOO_LONG,
                            _("Row %u (line %u): the row is longer than %s — the file may not be a CSV export"),
                            self->n_records + 1, self->record_line, size));
}

static void
grow_buffer (QdCsvReader *self,
             gsize        needed)
{
  gsize alloc = MAX (self->buf_alloc, 256);

  while (alloc < needed)
    alloc *= 2;

  self->buf = g_realloc (self->buf, alloc);
  self->buf_alloc = alloc;
}

/* Appends bytes to the current field. */
static inline gboolean
append (QdCsvReader  *self,
        const char   *data,
        gsize         len,
        GError      **error)
{
  gsize field_len = self->buf_len - self->starts[self->n_fields];
  gsize field_room = self->max_field_bytes - field_len;
  gsize record_room = 0;

  /* Keep room for the NUL that ends the field. */
  if (self->buf_len < self->max_record_bytes)
    record_room = self->max_record_bytes - self->buf_len - 1;

  /* Report the limit that the first byte too many breaks, as if the bytes
   * came one at a time, so the error does not depend on the chunking. */
  if (G_UNLIKELY (len > field_room || len > record_room))
    {
      if (field_room <= record_room)
        return fail_field_too_long (self, error);
      else
        return fail_record_too_long (self, error);
    }

  if (self->buf_len + len + 1 > self->buf_alloc)
    grow_buffer (self, self->buf_len + len + 1);

  memcpy (self->buf + self->buf_len, data, len);
  self->buf_len += len;

  return TRUE;
}

/* Ends the current field and opens the next one. */
static gboolean
end_field (QdCsvReader  *self,
           GError      **error)
{
  if (self->n_fields >= self->max_fields)
    return fail (self, error,
                 g_error_new (QD_CSV_ERROR, QD_CSV_ERROR_TOO_MANY_FIELDS,
                              _("Row %u (line %u): the row has more than %u columns"),
                              self->n_records + 1, self->record_line,
                              self->max_fields));

  if (self->buf_len >= self->max_record_bytes)
    return fail_record_too_long (self, error);

  if (self->buf_len + 1 > self->buf_alloc)
    grow_buffer (self, self->buf_len + 1);
  self->buf[self->buf_len++] = '\0';

  self->n_fields++;
  if (self->n_fields >= self->starts_alloc)
    {
      self->starts_alloc = MAX (16, self->starts_alloc * 2);
      self->starts = g_renew (gsize, self->starts, self->starts_alloc);
    }
  self->starts[self->n_fields] = self->buf_len;

  return TRUE;
}

/* Delivers the record whose fields have all been ended. */
static gboolean
end_record (QdCsvReader  *self,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  QdCsvRow row;
  gboolean ok;

  if (self->n_fields + 1 > self->fields_alloc)
    {
      self->fields_alloc = MAX (16, self->n_fields + 1);
      self->fields = g_renew (char *, self->fields, self->fields_alloc);
    }

  row.invalid_utf8 = FALSE;
  for (guint i = 0; i < self->n_fields; i++)
    {
      char *field = self->buf + self->starts[i];
      gsize len = self->starts[i + 1] - self->starts[i] - 1;

      if (G_UNLIKELY (!g_utf8_validate_len (field, len, NULL)))
        {
          field = g_utf8_make_valid (field, len);
          g_ptr_array_add (self->repaired, field);
          row.invalid_utf8 = TRUE;
        }

      self->fields[i] = field;
    }
  self->fields[self->n_fields] = NULL;

  row.record = ++self->n_records;
  row.line = self->record_line;
  row.n_fields = self->n_fields;
  row.fields = self->fields;

  ok = self->func (&row, self->user_data, &local_error);

  if (self->repaired->len > 0)
    g_ptr_array_set_size (self->repaired, 0);
  self->buf_len = 0;
  self->n_fields = 0;
  self->state = STATE_RECORD_START;

  if (!ok)
    {
      if (local_error != NULL)
        return fail (self, error, g_steal_pointer (&local_error));

      self->stopped = TRUE;
    }

  return TRUE;
}

/* Counts physical lines: LF, CRLF and a lone CR each end one. @pos is the
 * position of @c among the bytes given to the record parser. */
static inline void
count_newline (QdCsvReader *self,
               char         c,
               guint64      pos)
{
  if (c == '\r')
    {
      self->line++;
      self->last_cr_end = pos + 1;
    }
  else if (pos != self->last_cr_end)
    {
      self->line++;
    }
}

#define CHECK(expr) G_STMT_START { if (!(expr)) return FALSE; } G_STMT_END

/* Stage 3. Returns FALSE on error; returns TRUE early when stopped. */
static gboolean
parse (QdCsvReader  *self,
       const char   *data,
       gsize         len,
       GError      **error)
{
  const char delimiter = self->delimiter;
  const guint8 *unquoted_special = self->unquoted_special;
  const guint8 *quoted_special = self->quoted_special;
  const char *p;
  const char *end;

  /* An empty detection buffer has no data pointer at all. */
  if (len == 0)
    return TRUE;

  p = data;
  end = data + len;

  while (p < end && !self->stopped)
    {
      const char *run;
      char c;

      switch (self->state)
        {
        case STATE_RECORD_START:
          c = *p;
          if (c == '\r' || c == '\n')
            {
              /* An empty line, or the LF of a CRLF. */
              count_newline (self, c, self->offset + (p - data));
              p++;
              break;
            }
          self->record_line = self->line;
          self->state = STATE_FIELD_START;
          G_GNUC_FALLTHROUGH;

        case STATE_FIELD_START:
          c = *p;
          if (c == '"')
            {
              self->state = STATE_QUOTED;
              p++;
              break;
            }
          if (c == delimiter)
            {
              CHECK (end_field (self, error));
              p++;
              break;
            }
          if (c == '\r' || c == '\n')
            {
              count_newline (self, c, self->offset + (p - data));
              p++;
              CHECK (end_field (self, error));
              CHECK (end_record (self, error));
              break;
            }
          self->state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case STATE_UNQUOTED:
          run = p;
          while (p < end && !unquoted_special[(guchar) *p])
            p++;
          if (p > run)
            CHECK (append (self, run, p - run, error));
          if (p == end)
            break;

          c = *p;
          if (c == delimiter)
            {
              p++;
              CHECK (end_field (self, error));
              self->state = STATE_FIELD_START;
            }
          else
            {
              count_newline (self, c, self->offset + (p - data));
              p++;
              CHECK (end_field (self, error));
              CHECK (end_record (self, error));
            }
          break;

        case STATE_QUOTED:
          run = p;
          while (p < end && !quoted_special[(guchar) *p])
            p++;
          if (p > run)
            CHECK (append (self, run, p - run, error));
          if (p == end)
            break;

          c = *p;
          if (c == '"')
            {
              self->state = STATE_QUOTE_SEEN;
            }
          else
            {
              /* A line break inside quotes is part of the field. */
              CHECK (append (self, p, 1, error));
              count_newline (self, c, self->offset + (p - data));
            }
          p++;
          break;

        case STATE_QUOTE_SEEN:
          c = *p;
          if (c == '"')
            {
              /* A doubled quote stands for one quote. */
              self->state = STATE_QUOTED;
              CHECK (append (self, p, 1, error));
              p++;
            }
          else if (c == delimiter)
            {
              p++;
              CHECK (end_field (self, error));
              self->state = STATE_FIELD_START;
            }
          else if (c == '\r' || c == '\n')
            {
              count_newline (self, c, self->offset + (p - data));
              p++;
              CHECK (end_field (self, error));
              CHECK (end_record (self, error));
            }
          else
            {
              /* Text after a closing quote, as in "abc"def: keep it, as
               * spreadsheet programs do. */
              self->state = STATE_UNQUOTED;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  self->offset += p - data;

  return TRUE;
}

#undef CHECK

static void
decide_delimiter (QdCsvReader *self)
{
  guint best = 0;

  for (guint i = 1; i < G_N_ELEMENTS (detect_candidates); i++)
    if (self->detect_counts[i] > self->detect_counts[best])
      best = i;

  set_delimiter (self, detect_candidates[best]);
}

/* Looks at bytes of the first record until its end (outside quotes) or
 * until DETECT_WINDOW bytes. Returns how many bytes of @data it used and
 * sets *decided once the delimiter is known. The quote rules mirror the
 * parser's, with any candidate treated as a delimiter. */
static gsize
detect_scan (QdCsvReader *self,
             const char  *data,
             gsize        len,
             gboolean    *decided)
{
  gsize i;

  *decided = FALSE;

  for (i = 0; i < len; i++)
    {
      char c = data[i];

      if (self->detect_buf->len + i >= DETECT_WINDOW)
        {
          *decided = TRUE;
          return i;
        }

      switch (self->detect_state)
        {
        case DETECT_QUOTED:
          if (c == '"')
            self->detect_state = DETECT_QUOTE_SEEN;
          continue;

        case DETECT_QUOTE_SEEN:
          if (c == '"')
            {
              self->detect_state = DETECT_QUOTED;
              continue;
            }
          self->detect_state = DETECT_UNQUOTED;
          break;

        case DETECT_FIELD_START:
          if (c == '"')
            {
              self->detect_state = DETECT_QUOTED;
              self->detect_seen_content = TRUE;
              continue;
            }
          break;

        case DETECT_UNQUOTED:
        default:
          break;
        }

      if (c == '\r' || c == '\n')
        {
          if (self->detect_seen_content)
            {
              *decided = TRUE;
              return i + 1;
            }
          continue;
        }

      self->detect_seen_content = TRUE;
      self->detect_state = DETECT_UNQUOTED;

      for (guint k = 0; k < G_N_ELEMENTS (detect_candidates); k++)
        {
          if (c == detect_candidates[k])
            {
              self->detect_counts[k]++;
              self->detect_state = DETECT_FIELD_START;
            }
        }
    }

  return i;
}

/* Stage 2. */
static gboolean
feed_after_bom (QdCsvReader  *self,
                const char   *data,
                gsize         len,
                GError      **error)
{
  if (self->delimiter == 0)
    {
      gboolean decided;
      gsize used = detect_scan (self, data, len, &decided);

      g_byte_array_append (self->detect_buf, (const guint8 *) data, used);
      data += used;
      len -= used;

      if (!decided)
        return TRUE;

      decide_delimiter (self);
      if (!parse (self, (const char *) self->detect_buf->data,
                  self->detect_buf->len, error))
        return FALSE;
      g_clear_pointer (&self->detect_buf, g_byte_array_unref);
    }

  if (len == 0 || self->stopped)
    return TRUE;

  return parse (self, data, len, error);
}

/**
 * qd_csv_reader_new:
 * @delimiter: the field delimiter, or 0 to detect comma, semicolon or tab
 *   from the first record
 * @func: called for every record
 * @user_data: passed to @func
 *
 * Returns: (transfer full): a new reader; free with qd_csv_reader_free()
 */
QdCsvReader *
qd_csv_reader_new (char         delimiter,
                   QdCsvRowFunc func,
                   gpointer     user_data)
{
  QdCsvReader *self;

  g_return_val_if_fail (delimiter != '"' && delimiter != '\r' && delimiter != '\n', NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (QdCsvReader, 1);
  self->func = func;
  self->user_data = user_data;
  self->state = STATE_RECORD_START;
  self->quoted_special['"'] = 1;
  self->quoted_special['\r'] = 1;
  self->quoted_special['\n'] = 1;
  self->line = 1;
  self->last_cr_end = G_MAXUINT64;
  self->max_field_bytes = QD_CSV_DEFAULT_MAX_FIELD_BYTES;
  self->max_fields = QD_CSV_DEFAULT_MAX_FIELDS;
  self->max_record_bytes = QD_CSV_DEFAULT_MAX_RECORD_BYTES;
  self->repaired = g_ptr_array_new_with_free_func (g_free);
  self->starts_alloc = 16;
  self->starts = g_new0 (gsize, self->starts_alloc);

  if (delimiter != 0)
    set_delimiter (self, delimiter);
  else
    self->detect_buf = g_byte_array_new ();

  return self;
}

/**
 * qd_csv_reader_set_limits:
 * @max_field_bytes: the longest field, in bytes
 * @max_fields: the most fields in one record
 * @max_record_bytes: the longest record, in bytes
 *
 * Changes the guards against hostile or broken input (by default 1 MiB,
 * 4096 fields and 16 MiB). Call before the first qd_csv_reader_feed().
 */
void
qd_csv_reader_set_limits (QdCsvReader *self,
                          gsize        max_field_bytes,
                          guint        max_fields,
                          gsize        max_record_bytes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->fed);
  g_return_if_fail (max_field_bytes > 0);
  g_return_if_fail (max_fields > 0);
  g_return_if_fail (max_record_bytes > 0);

  self->max_field_bytes = max_field_bytes;
  self->max_fields = max_fields;
  self->max_record_bytes = max_record_bytes;
}

/**
 * qd_csv_reader_feed:
 * @data: the next bytes of the file
 * @len: the number of bytes in @data
 *
 * Parses the next chunk, of any size, and calls the row function for each
 * record it completes. The result never depends on how the file is cut
 * into chunks.
 *
 * Returns: %FALSE with @error set if the file cannot be read further (the
 *   same error is reported again by later calls)
 */
gboolean
qd_csv_reader_feed (QdCsvReader  *self,
                    const char   *data,
                    gsize         len,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  if (len > 0)
    self->fed = TRUE;

  /* Stage 1: skip a UTF-8 byte-order mark, even if cut across chunks. */
  while (!self->bom_checked && len > 0 && !self->stopped)
    {
      self->head[self->head_len++] = (guint8) *data;
      data++;
      len--;

      if (memcmp (self->head, bom, self->head_len) != 0)
        {
          self->bom_checked = TRUE;
          if (!feed_after_bom (self, (const char *) self->head, self->head_len, error))
            return FALSE;
        }
      else if (self->head_len == sizeof bom)
        {
          self->bom_checked = TRUE;
        }
    }

  if (len == 0 || self->stopped)
    return TRUE;

  return feed_after_bom (self, data, len, error);
}

/**
 * qd_csv_reader_finish:
 *
 * Tells the reader that the file ended: delivers a last record that has no
 * line break after it, or reports a quoted field that was never closed.
 *
 * Returns: %FALSE with @error set on error
 */
gboolean
qd_csv_reader_finish (QdCsvReader  *self,
                      GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->finished = TRUE;

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  if (self->stopped)
    return TRUE;

  if (!self->bom_checked)
    {
      self->bom_checked = TRUE;
      if (self->head_len > 0 &&
          !feed_after_bom (self, (const char *) self->head, self->head_len, error))
        return FALSE;
    }

  if (self->delimiter == 0)
    {
      decide_delimiter (self);
      if (!parse (self, (const char *) self->detect_buf->data,
                  self->detect_buf->len, error))
        return FALSE;
      g_clear_pointer (&self->detect_buf, g_byte_array_unref);
    }

  if (self->stopped)
    return TRUE;

  switch (self->state)
    {
    case STATE_RECORD_START:
      return TRUE;

    case STATE_QUOTED:
      return fail (self, error,
                   g_error_new (QD_CSV_ERROR, QD_CSV_ERROR_UNTERMINATED_QUOTE,
                                _("Row %u (line %u): a quoted field is not closed — the file may be cut short"),
                                self->n_records + 1, self->record_line));

    case STATE_FIELD_START:
    case STATE_UNQUOTED:
    case STATE_QUOTE_SEEN:
      return end_field (self, error) && end_record (self, error);

    default:
      g_assert_not_reached ();
    }
}

/**
 * qd_csv_reader_get_delimiter:
 *
 * Returns: the delimiter in use, or 0 while it is still being detected
 */
char
qd_csv_reader_get_delimiter (QdCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->delimiter;
}

/**
 * qd_csv_reader_is_stopped:
 *
 * Returns: %TRUE if the row function asked to stop without an error
 */
gboolean
qd_csv_reader_is_stopped (QdCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->stopped;
}

void
qd_csv_reader_free (QdCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->detect_buf, g_byte_array_unref);
  g_clear_pointer (&self->repaired, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_free (self->buf);
  g_free (self->starts);
  g_free (self->fields);
  g_free (self);
}

/**
 * qd_csv_parse_stream:
 * @stream: the CSV file
 * @total_size: its size in bytes for progress reports, or -1
 * @delimiter: the delimiter, or 0 to detect it
 * @func: called for every record
 * @progress: (nullable): called after every chunk of 64 KiB
 * @cancellable: (nullable): stops the parse with %G_IO_ERROR_CANCELLED
 *
 * Reads and parses @stream chunk by chunk, so the file never sits whole in
 * memory. The stream is not closed.
 *
 * Returns: %FALSE with @error set on error or cancellation
 */
gboolean
qd_csv_parse_stream (GInputStream       *stream,
                     goffset             total_size,
                     char                delimiter,
                     QdCsvRowFunc        func,
                     gpointer            user_data,
                     QdCsvProgressFunc   progress,
                     gpointer            progress_data,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(QdCsvReader) reader = NULL;
  g_autofree char *chunk = NULL;
  goffset bytes_read = 0;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = qd_csv_reader_new (delimiter, func, user_data);
  chunk = g_malloc (STREAM_CHUNK_SIZE);

  if (total_size <= 0)
    total_size = -1;

  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      n = g_input_stream_read (stream, chunk, STREAM_CHUNK_SIZE, cancellable, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;

      bytes_read += n;

      if (!qd_csv_reader_feed (reader, chunk, n, error))
        return FALSE;
      if (qd_csv_reader_is_stopped (reader))
        return TRUE;

      if (progress != NULL)
        progress (bytes_read, total_size, progress_data);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return qd_csv_reader_finish (reader, error);
}

/**
 * qd_csv_parse_file:
 *
 * Like qd_csv_parse_stream() for a file, with its size for progress.
 */
gboolean
qd_csv_parse_file (GFile              *file,
                   char                delimiter,
                   QdCsvRowFunc        func,
                   gpointer            user_data,
                   QdCsvProgressFunc   progress,
                   gpointer            progress_data,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  goffset total_size = -1;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    total_size = g_file_info_get_size (info);

  return qd_csv_parse_stream (G_INPUT_STREAM (stream), total_size, delimiter,
                              func, user_data, progress, progress_data,
                              cancellable, error);
}
