/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * QD_CSV_ERROR:
 *
 * Error domain of the CSV reader. Messages name the row and the line so a
 * head of support can find the place in a spreadsheet.
 */
#define QD_CSV_ERROR (qd_csv_error_quark ())

typedef enum
{
  QD_CSV_ERROR_UNTERMINATED_QUOTE,
  QD_CSV_ERROR_FIELD_TOO_LONG,
  QD_CSV_ERROR_TOO_MANY_FIELDS,
  QD_CSV_ERROR_RECORD_TOO_LONG,
} QdCsvError;

#define QD_CSV_DEFAULT_MAX_FIELD_BYTES  (1024 * 1024)
#define QD_CSV_DEFAULT_MAX_FIELDS       4096
#define QD_CSV_DEFAULT_MAX_RECORD_BYTES (16 * 1024 * 1024)

/**
 * QdCsvRow:
 * @record: 1-based record number; the header is record 1. Empty lines are
 *   skipped and not counted.
 * @line: 1-based physical line where the record starts (a quoted field may
 *   span several lines; LF, CRLF and a lone CR each end one line).
 * @n_fields: number of fields, at least 1.
 * @fields: @n_fields NUL-terminated strings followed by %NULL, always valid
 *   UTF-8. Owned by the reader and valid only during the callback; copy
 *   with g_strdupv() to keep them.
 * @invalid_utf8: %TRUE when some field was not valid UTF-8 (or held a NUL
 *   byte); such fields were repaired with g_utf8_make_valid().
 *
 * One complete record.
 */
typedef struct
{
  guint     record;
  guint     line;
  guint     n_fields;
  char    **fields;
  gboolean  invalid_utf8;
} QdCsvRow;

/**
 * QdCsvRowFunc:
 *
 * Called once per record, in order. Return %TRUE to go on. Return %FALSE
 * with @error set to abort: the error is passed on by the feed or finish
 * call. Return %FALSE without setting @error to stop quietly: the rest of
 * the input is ignored and qd_csv_reader_is_stopped() returns %TRUE.
 */
typedef gboolean (*QdCsvRowFunc)      (const QdCsvRow  *row,
                                       gpointer         user_data,
                                       GError         **error);

/**
 * QdCsvProgressFunc:
 * @bytes_read: bytes read from the stream so far
 * @total_bytes: the total size given by the caller, or -1 when unknown
 */
typedef void     (*QdCsvProgressFunc) (goffset          bytes_read,
                                       goffset          total_bytes,
                                       gpointer         user_data);

typedef struct _QdCsvReader QdCsvReader;

GQuark       qd_csv_error_quark          (void);

QdCsvReader *qd_csv_reader_new           (char              delimiter,
                                          QdCsvRowFunc      func,
                                          gpointer          user_data);
void         qd_csv_reader_set_limits    (QdCsvReader      *self,
                                          gsize             max_field_bytes,
                                          guint             max_fields,
                                          gsize             max_record_bytes);
gboolean     qd_csv_reader_feed          (QdCsvReader      *self,
                                          const char       *data,
                                          gsize             len,
                                          GError          **error);
gboolean     qd_csv_reader_finish        (QdCsvReader      *self,
                                          GError          **error);
char         qd_csv_reader_get_delimiter (QdCsvReader      *self);
gboolean     qd_csv_reader_is_stopped    (QdCsvReader      *self);
void         qd_csv_reader_free          (QdCsvReader      *self);

gboolean     qd_csv_parse_stream         (GInputStream     *stream,
                                          goffset           total_size,
                                          char              delimiter,
                                          QdCsvRowFunc      func,
                                          gpointer          user_data,
                                          QdCsvProgressFunc progress,
                                          gpointer          progress_data,
                                          GCancellable     *cancellable,
                                          GError          **error);
gboolean     qd_csv_parse_file           (GFile            *file,
                                          char              delimiter,
                                          QdCsvRowFunc      func,
                                          gpointer          user_data,
                                          QdCsvProgressFunc progress,
                                          gpointer          progress_data,
                                          GCancellable     *cancellable,
                                          GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdCsvReader, qd_csv_reader_free)

G_END_DECLS
