/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-review-feedback"

#include "config.h"

#include "qd-review-feedback.h"

void
qd_feedback_rating_free (QdFeedbackRating *rating)
{
  if (rating == NULL)
    return;
  g_free (rating->name);
  g_free (rating);
}

void
qd_feedback_response_free (QdFeedbackResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->respondent_name);
  g_free (response->comment);
  g_free (response->submitted_on);
  g_clear_pointer (&response->ratings, g_ptr_array_unref);
  g_free (response);
}

void
qd_feedback_average_free (QdFeedbackAverage *average)
{
  if (average == NULL)
    return;
  g_free (average->name);
  g_free (average);
}

void
qd_feedback_summary_free (QdFeedbackSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->named, g_ptr_array_unref);
  g_clear_pointer (&summary->anonymous_averages, g_ptr_array_unref);
  g_clear_pointer (&summary->anonymous_comments, g_strfreev);
  g_free (summary->anonymous_note);
  g_free (summary);
}

void
qd_feedback_import_report_free (QdFeedbackImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->errors, g_ptr_array_unref);
  g_clear_pointer (&report->ignored_columns, g_strfreev);
  g_free (report);
}
