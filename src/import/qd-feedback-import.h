/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The pure part of importing 360 feedback from a survey tool's CSV
 * export: bytes in, responses and the reasons bad rows were refused out.
 * No database; QdReviews matches the people and writes the responses
 * (qd_reviews_import_feedback()).
 *
 * One row per response. Columns are found by their header, in any order,
 * case and accents ignored:
 *
 *   reviewee      "Reviewee", "Reviewee name", "Reviewee email",
 *                 "Employee", "Employee name", "Employee email", "Subject"
 *                 — the person reviewed, by name or email (required)
 *   relationship  "Relationship", "Relation", "Role" — peer, direct report,
 *                 manager or other (required)
 *   anonymous     "Anonymous", "Is anonymous", "Anonymous response" — yes
 *                 or no (empty is no)
 *   respondent    "Respondent", "Respondent name", "Reviewer",
 *                 "Reviewer name", "Submitted by"
 *   comments      "Comments", "Comment", "Feedback"
 *   submitted     "Submitted", "Submitted on", "Submitted at", "Date",
 *                 "Response date", "Timestamp" — YYYY-MM-DD, optionally
 *                 followed by a time
 *   competencies  one column per competency, headed with its name (a
 *                 trailing "(1–5)" is ignored); at least one is required
 *
 * Other columns (response ids, start times, …) are ignored and listed.
 * An anonymous row never keeps a respondent's name, even when the file
 * has one; such rows are counted in name_dropped. */

#define QD_FEEDBACK_IMPORT_ERROR (qd_feedback_import_error_quark ())

typedef enum
{
  QD_FEEDBACK_IMPORT_ERROR_EMPTY,
  QD_FEEDBACK_IMPORT_ERROR_MISSING_COLUMN,
  QD_FEEDBACK_IMPORT_ERROR_DUPLICATE_COLUMN,
  QD_FEEDBACK_IMPORT_ERROR_BAD_ROWS,
} QdFeedbackImportError;

typedef struct
{
  guint     row;              /* the CSV record number; the header is row 1 */
  char     *reviewee;         /* a name or an email, as written */
  char     *relationship;     /* "peer", "report", "manager", "other" */
  gboolean  anonymous;
  char     *respondent_name;  /* NULL when anonymous */
  gboolean  name_dropped;     /* anonymous, and the file had a name */
  char     *comment;
  char     *submitted_on;     /* YYYY-MM-DD, NULL when not given */
  guint    *ratings;          /* one per competency given to the parser, 0 = not rated */
} QdFeedbackRow;

typedef struct
{
  guint  row;
  char  *reason;              /* "Row 4: “Empathy” is 7, but the scale goes from 1 to 5." */
} QdFeedbackRowError;

typedef struct
{
  guint       n_competencies;
  GPtrArray  *rows;             /* QdFeedbackRow, in file order */
  GPtrArray  *errors;           /* QdFeedbackRowError, in file order */
  GStrv       ignored_columns;  /* headers that were not read */
} QdFeedbackFile;

GQuark              qd_feedback_import_error_quark (void);

/* @competencies: the names of the competencies, in the order the rows'
 * ratings will be; @scale_points: the highest rating. Returns %NULL with
 * @error set when the file cannot be read at all (not CSV, a required
 * column is missing); bad rows are listed in the result instead. */
QdFeedbackFile     *qd_feedback_file_parse         (const char          *data,
                                                    gsize                length,
                                                    const char * const  *competencies,
                                                    guint                scale_points,
                                                    GError             **error);
void                qd_feedback_file_free          (QdFeedbackFile      *file);

QdFeedbackRowError *qd_feedback_row_error_new      (guint                row,
                                                    const char          *reason);
void                qd_feedback_row_error_free     (QdFeedbackRowError  *error);
void                qd_feedback_row_free           (QdFeedbackRow       *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdFeedbackFile, qd_feedback_file_free)

G_END_DECLS
