/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-feedback-import"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-csv.h"
#include "qd-feedback-import.h"

G_DEFINE_QUARK (qd-feedback-import-error-quark, qd_feedback_import_error)

typedef enum
{
  COLUMN_IGNORED = -1,
  COLUMN_REVIEWEE = 0,
  COLUMN_RELATIONSHIP,
  COLUMN_ANONYMOUS,
  COLUMN_RESPONDENT,
  COLUMN_COMMENT,
  COLUMN_SUBMITTED,
  N_FIXED_COLUMNS
} FixedColumn;

static const struct
{
  FixedColumn  column;
  const char  *header;        /* folded */
} known_headers[] = {
  { COLUMN_REVIEWEE, "reviewee" },
  { COLUMN_REVIEWEE, "reviewee name" },
  { COLUMN_REVIEWEE, "reviewee email" },
  { COLUMN_REVIEWEE, "employee" },
  { COLUMN_REVIEWEE, "employee name" },
  { COLUMN_REVIEWEE, "employee email" },
  { COLUMN_REVIEWEE, "subject" },
  { COLUMN_RELATIONSHIP, "relationship" },
  { COLUMN_RELATIONSHIP, "relation" },
  { COLUMN_RELATIONSHIP, "role" },
  { COLUMN_ANONYMOUS, "anonymous" },
  { COLUMN_ANONYMOUS, "is anonymous" },
  { COLUMN_ANONYMOUS, "anonymous response" },
  { COLUMN_RESPONDENT, "respondent" },
  { COLUMN_RESPONDENT, "respondent name" },
  { COLUMN_RESPONDENT, "reviewer" },
  { COLUMN_RESPONDENT, "reviewer name" },
  { COLUMN_RESPONDENT, "submitted by" },
  { COLUMN_COMMENT, "comments" },
  { COLUMN_COMMENT, "comment" },
  { COLUMN_COMMENT, "feedback" },
  { COLUMN_SUBMITTED, "submitted" },
  { COLUMN_SUBMITTED, "submitted on" },
  { COLUMN_SUBMITTED, "submitted at" },
  { COLUMN_SUBMITTED, "date" },
  { COLUMN_SUBMITTED, "response date" },
  { COLUMN_SUBMITTED, "timestamp" },
};

typedef struct
{
  const char * const *competencies;
  guint               n_competencies;
  guint               scale_points;
  gboolean            have_header;
  int                 fixed[N_FIXED_COLUMNS];    /* field index, -1 when absent */
  int                *competency_field;          /* per competency, field index or -1 */
  QdFeedbackFile     *file;
} Parser;

void
qd_feedback_row_free (QdFeedbackRow *row)
{
  if (row == NULL)
    return;
  g_free (row->reviewee);
  g_free (row->relationship);
  g_free (row->respondent_name);
  g_free (row->comment);
  g_free (row->submitted_on);
  g_free (row->ratings);
  g_free (row);
}

QdFeedbackRowError *
qd_feedback_row_error_new (guint       row,
                           const char *reason)
{
  QdFeedbackRowError *error = g_new0 (QdFeedbackRowError, 1);

  error->row = row;
  error->reason = g_strdup (reason);
  return error;
}

void
qd_feedback_row_error_free (QdFeedbackRowError *error)
{
  if (error == NULL)
    return;
  g_free (error->reason);
  g_free (error);
}

void
qd_feedback_file_free (QdFeedbackFile *file)
{
  if (file == NULL)
    return;
  g_clear_pointer (&file->rows, g_ptr_array_unref);
  g_clear_pointer (&file->errors, g_ptr_array_unref);
  g_clear_pointer (&file->ignored_columns, g_strfreev);
  g_free (file);
}

/* Case, accents and surrounding spaces do not matter; inner runs of
 * spaces, underscores and hyphens count as one space. */
static char *
fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);
  g_autofree char *ascii = g_str_to_ascii (folded, "C");
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = ascii; *p; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '-' || *p == '\t')
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* A header without a trailing "(1–5)" or "[1-5]" and a trailing "?". */
static char *
fold_header (const char *header)
{
  g_autofree char *copy = g_strstrip (g_strdup (header));
  gsize len = strlen (copy);

  if (len > 0 && copy[len - 1] == '?')
    copy[--len] = '\0';
  if (len > 0 && (copy[len - 1] == ')' || copy[len - 1] == ']'))
    {
      char *open = strrchr (copy, copy[len - 1] == ')' ? '(' : '[');
      if (open != NULL && open != copy)
        *open = '\0';
    }
  return fold (copy);
}

static const char *
field (const QdCsvRow *row,
       int             index)
{
  if (index < 0 || (guint) index >= row->n_fields)
    return "";
  return row->fields[index];
}

static void
add_row_error (Parser     *self,
               guint       row,
               const char *format,
               ...) G_GNUC_PRINTF (3, 4);

static void
add_row_error (Parser     *self,
               guint       row,
               const char *format,
               ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a refused row of a 360 feedback file, e.g. "Row 4: the
   * person reviewed is missing." */
  message = g_strdup_printf (_("Row %u: %s."), row, reason);
  g_ptr_array_add (self->file->errors, qd_feedback_row_error_new (row, message));
}

static gboolean
read_header (Parser          *self,
             const QdCsvRow  *row,
             GError         **error)
{
  g_autoptr(GStrvBuilder) ignored = g_strv_builder_new ();
  gboolean any_competency = FALSE;

  for (guint f = 0; f < row->n_fields; f++)
    {
      g_autofree char *header = fold_header (row->fields[f]);
      FixedColumn fixed = COLUMN_IGNORED;
      int competency = -1;

      if (*header == '\0')
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (known_headers); k++)
        if (strcmp (header, known_headers[k].header) == 0)
          {
            fixed = known_headers[k].column;
            break;
          }

      if (fixed == COLUMN_IGNORED)
        for (guint c = 0; c < self->n_competencies; c++)
          {
            g_autofree char *name = fold_header (self->competencies[c]);
            if (strcmp (header, name) == 0)
              {
                competency = (int) c;
                break;
              }
          }

      if (fixed != COLUMN_IGNORED)
        {
          if (self->fixed[fixed] >= 0)
            {
              g_set_error (error, QD_FEEDBACK_IMPORT_ERROR, QD_FEEDBACK_IMPORT_ERROR_DUPLICATE_COLUMN,
                           _("The columns “%s” and “%s” mean the same thing. Remove one of them."),
                           row->fields[self->fixed[fixed]], row->fields[f]);
              return FALSE;
            }
          self->fixed[fixed] = (int) f;
        }
      else if (competency >= 0)
        {
          if (self->competency_field[competency] >= 0)
            {
              g_set_error (error, QD_FEEDBACK_IMPORT_ERROR, QD_FEEDBACK_IMPORT_ERROR_DUPLICATE_COLUMN,
                           _("The competency “%s” has two columns. Remove one of them."),
                           self->competencies[competency]);
              return FALSE;
            }
          self->competency_field[competency] = (int) f;
          any_competency = TRUE;
        }
      else
        g_strv_builder_add (ignored, row->fields[f]);
    }

  if (self->fixed[COLUMN_REVIEWEE] < 0)
    {
      g_set_error (error, QD_FEEDBACK_IMPORT_ERROR, QD_FEEDBACK_IMPORT_ERROR_MISSING_COLUMN,
                   _("The file has no column saying who is reviewed. Name it “Reviewee”."));
      return FALSE;
    }
  if (self->fixed[COLUMN_RELATIONSHIP] < 0)
    {
      g_set_error (error, QD_FEEDBACK_IMPORT_ERROR, QD_FEEDBACK_IMPORT_ERROR_MISSING_COLUMN,
                   _("The file has no “Relationship” column (peer, direct report, manager or other)."));
      return FALSE;
    }
  if (!any_competency)
    {
      g_set_error (error, QD_FEEDBACK_IMPORT_ERROR, QD_FEEDBACK_IMPORT_ERROR_MISSING_COLUMN,
                   _("No column is named after a competency of this cycle, so there are no ratings to import."));
      return FALSE;
    }

  self->file->ignored_columns = g_strv_builder_end (ignored);
  return TRUE;
}

static const char *
parse_relationship (const char *text)
{
  static const struct { const char *folded; const char *nick; } names[] = {
    { "peer", "peer" }, { "peers", "peer" }, { "colleague", "peer" }, { "coworker", "peer" },
    { "co worker", "peer" },
    { "report", "report" }, { "direct report", "report" }, { "reports", "report" },
    { "direct reports", "report" }, { "subordinate", "report" },
    { "manager", "manager" }, { "line manager", "manager" }, { "supervisor", "manager" },
    { "other", "other" }, { "others", "other" }, { "stakeholder", "other" },
    { "customer", "other" }, { "external", "other" },
  };
  g_autofree char *folded = fold (text);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (folded, names[i].folded) == 0)
      return names[i].nick;
  return NULL;
}

/* 1 yes, 0 no, -1 neither. */
static int
parse_yes_no (const char *text)
{
  static const char *yes[] = { "yes", "y", "true", "1", "x", "anonymous", "si" };
  static const char *no[] = { "", "no", "n", "false", "0", "named" };
  g_autofree char *folded = fold (text);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (strcmp (folded, yes[i]) == 0)
      return 1;
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (strcmp (folded, no[i]) == 0)
      return 0;
  return -1;
}

/* YYYY-MM-DD, optionally followed by a time; NULL when not a real day. */
static char *
parse_day (const char *text)
{
  int y, m, d;

  if (strlen (text) < 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;
  if (text[10] != '\0' && text[10] != 'T' && text[10] != ' ')
    return NULL;
  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strndup (text, 10);
}

static void
read_response (Parser         *self,
               const QdCsvRow *row)
{
  g_autofree char *reviewee = g_strstrip (g_strdup (field (row, self->fixed[COLUMN_REVIEWEE])));
  g_autofree char *respondent = g_strstrip (g_strdup (field (row, self->fixed[COLUMN_RESPONDENT])));
  g_autofree char *comment = g_strstrip (g_strdup (field (row, self->fixed[COLUMN_COMMENT])));
  g_autofree char *submitted = g_strstrip (g_strdup (field (row, self->fixed[COLUMN_SUBMITTED])));
  g_autofree guint *ratings = g_new0 (guint, MAX (self->n_competencies, 1));
  g_autofree char *day = NULL;
  const char *relationship_text = field (row, self->fixed[COLUMN_RELATIONSHIP]);
  const char *anonymous_text = field (row, self->fixed[COLUMN_ANONYMOUS]);
  const char *relationship;
  gboolean all_empty = TRUE;
  gboolean any_rating = FALSE;
  QdFeedbackRow *response;
  int anonymous;

  for (guint f = 0; f < row->n_fields; f++)
    {
      g_autofree char *value = g_strstrip (g_strdup (row->fields[f]));
      if (*value != '\0')
        all_empty = FALSE;
    }
  if (all_empty)
    return;

  if (*reviewee == '\0')
    {
      add_row_error (self, row->record, _("the person reviewed is missing"));
      return;
    }

  relationship = parse_relationship (relationship_text);
  if (relationship == NULL)
    {
      g_autofree char *shown = g_strstrip (g_strdup (relationship_text));
      if (*shown == '\0')
        add_row_error (self, row->record, _("the relationship is missing (peer, direct report, manager or other)"));
      else
        add_row_error (self, row->record,
                       _("“%s” is not a relationship Quarterdeck knows: use peer, direct report, manager or other"),
                       shown);
      return;
    }

  anonymous = parse_yes_no (anonymous_text);
  if (anonymous < 0)
    {
      g_autofree char *shown = g_strstrip (g_strdup (anonymous_text));
      add_row_error (self, row->record, _("“%s” does not say whether the response is anonymous: use yes or no"), shown);
      return;
    }
  if (!anonymous && *respondent == '\0')
    {
      add_row_error (self, row->record,
                     _("the response is not anonymous but has no respondent name; add the name or mark it anonymous"));
      return;
    }

  if (*submitted != '\0')
    {
      day = parse_day (submitted);
      if (day == NULL)
        {
          add_row_error (self, row->record, _("the date “%s” is not a date; write it as year-month-day, for example 2026-09-30"),
                         submitted);
          return;
        }
    }

  for (guint c = 0; c < self->n_competencies; c++)
    {
      g_autofree char *value = NULL;
      guint64 rating;

      if (self->competency_field[c] < 0)
        continue;
      value = g_strstrip (g_strdup (field (row, self->competency_field[c])));
      if (*value == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &rating, NULL))
        {
          add_row_error (self, row->record, _("“%s” is “%s”, not a whole number from 1 to %u"),
                         self->competencies[c], value, self->scale_points);
          return;
        }
      if (rating < 1 || rating > self->scale_points)
        {
          add_row_error (self, row->record, _("“%s” is %s, but the scale goes from 1 to %u"),
                         self->competencies[c], value, self->scale_points);
          return;
        }
      ratings[c] = (guint) rating;
      any_rating = TRUE;
    }

  if (!any_rating && *comment == '\0')
    {
      add_row_error (self, row->record, _("the response has no ratings and no comment"));
      return;
    }

  response = g_new0 (QdFeedbackRow, 1);
  response->row = row->record;
  response->reviewee = g_steal_pointer (&reviewee);
  response->relationship = g_strdup (relationship);
  response->anonymous = anonymous == 1;
  /* An anonymous response keeps no name, whatever the file says. */
  response->respondent_name = anonymous ? NULL : g_steal_pointer (&respondent);
  response->name_dropped = anonymous && respondent != NULL && *respondent != '\0';
  response->comment = g_steal_pointer (&comment);
  response->submitted_on = g_steal_pointer (&day);
  response->ratings = g_steal_pointer (&ratings);
  g_ptr_array_add (self->file->rows, response);
}

static gboolean
row_cb (const QdCsvRow  *row,
        gpointer         user_data,
        GError         **error)
{
  Parser *self = user_data;

  if (!self->have_header)
    {
      self->have_header = TRUE;
      return read_header (self, row, error);
    }
  read_response (self, row);
  return TRUE;
}

QdFeedbackFile *
qd_feedback_file_parse (const char          *data,
                        gsize                length,
                        const char * const  *competencies,
                        guint                scale_points,
                        GError             **error)
{
  g_autoptr(QdCsvReader) reader = NULL;
  g_autoptr(QdFeedbackFile) file = NULL;
  g_autofree int *competency_field = NULL;
  Parser parser = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (competencies != NULL, NULL);
  g_return_val_if_fail (scale_points >= 2 && scale_points <= 10, NULL);

  file = g_new0 (QdFeedbackFile, 1);
  file->n_competencies = g_strv_length ((char **) competencies);
  file->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_feedback_row_free);
  file->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) qd_feedback_row_error_free);

  competency_field = g_new (int, MAX (file->n_competencies, 1));
  for (guint c = 0; c < file->n_competencies; c++)
    competency_field[c] = -1;
  for (guint f = 0; f < N_FIXED_COLUMNS; f++)
    parser.fixed[f] = -1;
  parser.competencies = competencies;
  parser.n_competencies = file->n_competencies;
  parser.scale_points = scale_points;
  parser.competency_field = competency_field;
  parser.file = file;

  reader = qd_csv_reader_new (0, row_cb, &parser);
  if (!qd_csv_reader_feed (reader, data, length, error) ||
      !qd_csv_reader_finish (reader, error))
    return NULL;

  if (!parser.have_header)
    {
      g_set_error (error, QD_FEEDBACK_IMPORT_ERROR, QD_FEEDBACK_IMPORT_ERROR_EMPTY,
                   _("The file is empty."));
      return NULL;
    }
  if (file->ignored_columns == NULL)
    file->ignored_columns = g_new0 (char *, 1);

  return g_steal_pointer (&file);
}
