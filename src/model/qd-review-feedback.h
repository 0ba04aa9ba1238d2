/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-feedback-import.h"
#include "qd-review-enums.h"

G_BEGIN_DECLS

/* 360 feedback on a review.
 *
 * A response is named or anonymous. An anonymous response stores no name
 * at all (QdReviews refuses one, and so does the database). Named
 * responses are shown one by one. Anonymous responses are only ever shown
 * together, and only when there are at least QD_FEEDBACK_MIN_ANONYMOUS
 * of them, so nobody can be singled out: below that the summary says
 * "Hidden: fewer than three anonymous responses" and gives no ratings
 * and no comments. Above it, each competency's mean is shown only when
 * at least three anonymous responses rated that competency, and the
 * comments come sorted by their text, not by who or when. */

#define QD_FEEDBACK_MIN_ANONYMOUS 3

/* What to record; see qd_reviews_add_feedback(). */
typedef struct
{
  QdRelationship  relationship;
  gboolean        anonymous;
  const char     *respondent_name;  /* required when named; NULL or "" when anonymous */
  const char     *comment;          /* nullable */
  const char     *submitted_on;     /* YYYY-MM-DD, NULL for today */
  guint           n_ratings;
  const gint64   *competency_ids;   /* of the review's cycle */
  const guint    *ratings;          /* 1 … scale points each */
} QdFeedbackInput;

typedef struct
{
  gint64  competency_id;
  char   *name;
  guint   rating;
} QdFeedbackRating;

/* A named response. */
typedef struct
{
  gint64          id;
  QdRelationship  relationship;
  char           *respondent_name;
  char           *comment;
  char           *submitted_on;
  GPtrArray      *ratings;          /* QdFeedbackRating, in competency order */
} QdFeedbackResponse;

/* The anonymous responses on one competency. */
typedef struct
{
  gint64    competency_id;
  char     *name;
  gboolean  shown;                  /* FALSE: fewer than three rated it */
  double    mean;                   /* NAN when hidden */
  guint     n;                      /* 0 when hidden */
} QdFeedbackAverage;

typedef struct
{
  GPtrArray  *named;                /* QdFeedbackResponse, oldest first */
  guint       n_anonymous;
  gboolean    anonymous_shown;      /* n_anonymous >= QD_FEEDBACK_MIN_ANONYMOUS */
  char       *anonymous_note;       /* why they are hidden; "" when shown or none */
  GPtrArray  *anonymous_averages;   /* QdFeedbackAverage per competency; empty when hidden */
  GStrv       anonymous_comments;   /* sorted by text; empty when hidden */
} QdFeedbackSummary;

typedef enum /*< flags >*/
{
  QD_FEEDBACK_IMPORT_NONE          = 0,
  /* Import the good rows and list the bad ones. Without it, one bad row
   * means nothing is imported. */
  QD_FEEDBACK_IMPORT_SKIP_BAD_ROWS = 1 << 0,
} QdFeedbackImportFlags;

typedef struct
{
  guint       n_rows;               /* responses read (empty rows not counted) */
  guint       n_imported;
  guint       n_named;
  guint       n_anonymous;
  guint       n_names_dropped;      /* anonymous rows whose name was not kept */
  guint       n_reviews;            /* reviews that received responses */
  GPtrArray  *errors;               /* QdFeedbackRowError, by row */
  GStrv       ignored_columns;
} QdFeedbackImportReport;

void  qd_feedback_rating_free         (QdFeedbackRating       *rating);
void  qd_feedback_response_free       (QdFeedbackResponse     *response);
void  qd_feedback_average_free        (QdFeedbackAverage      *average);
void  qd_feedback_summary_free        (QdFeedbackSummary      *summary);
void  qd_feedback_import_report_free  (QdFeedbackImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdFeedbackSummary, qd_feedback_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdFeedbackImportReport, qd_feedback_import_report_free)

G_END_DECLS
