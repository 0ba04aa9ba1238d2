/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-store.h"

G_BEGIN_DECLS

/* Imports a helpdesk's ticket export (or a roster export) into the
 * database in one transaction: nothing is written when it fails or is
 * cancelled. */

#define QD_IMPORT_ERROR (qd_import_error_quark ())

typedef enum
{
  QD_IMPORT_ERROR_FAILED,
  QD_IMPORT_ERROR_UNKNOWN_FORMAT,   /* no preset matches and no mapping given */
  QD_IMPORT_ERROR_MISSING_COLUMN,   /* a required column is not in the file */
  QD_IMPORT_ERROR_NOTHING_IMPORTED,
  QD_IMPORT_ERROR_BAD_TIMEZONE,
} QdImportError;

typedef enum
{
  QD_PRESET_AUTO,
  QD_PRESET_ZENDESK,
  QD_PRESET_ZENDESK_EXPLORE,
  QD_PRESET_FRESHDESK,
  QD_PRESET_CUSTOM,                 /* columns mapped by the user */
} QdPreset;

/* What a column of the file means, for the custom mapping. */
typedef enum
{
  QD_FIELD_IGNORE,
  QD_FIELD_TICKET_ID,
  QD_FIELD_AGENT_NAME,
  QD_FIELD_AGENT_EMAIL,
  QD_FIELD_GROUP,
  QD_FIELD_STATUS,
  QD_FIELD_PRIORITY,
  QD_FIELD_CHANNEL,
  QD_FIELD_CREATED_AT,
  QD_FIELD_SOLVED_AT,
  QD_FIELD_FIRST_REPLY_AT,
  QD_FIELD_FIRST_REPLY_MINUTES,
  QD_FIELD_FIRST_REPLY_HOURS,
  QD_FIELD_RESOLUTION_MINUTES,
  QD_FIELD_RESOLUTION_HOURS,
  QD_FIELD_CSAT,
  QD_FIELD_REOPENS,
  QD_FIELD_REPLIES,
  QD_FIELD_CLOSED_AT,               /* solved time when there is no solved one (Freshdesk) */
  QD_N_FIELDS
} QdField;

/* Problems kept in a summary; all of them are counted in skipped. */
#define QD_IMPORT_MAX_PROBLEMS 1000

typedef struct
{
  guint  row;                       /* 1-based record number, header = 1 */
  char  *reason;                    /* "the date “31/02/2026” does not exist" */
} QdImportProblem;

typedef struct
{
  QdPreset   preset;                /* the one used (detected when AUTO) */
  guint      imported;              /* new tickets (or members) */
  guint      updated;               /* already there, brought up to date */
  guint      skipped;               /* bad rows, see problems */
  GPtrArray *problems;              /* QdImportProblem, at most 1000 kept */
  GStrv      unmatched_agents;      /* agents not linked to a roster member */
  char      *first_day;             /* local dates covered, or NULL */
  char      *last_day;
  gboolean   roster;                /* a roster import: counts are members */
} QdImportSummary;

typedef void (*QdImportProgressFunc) (double   fraction,
                                      gpointer user_data);

GQuark           qd_import_error_quark        (void);

/* Reads the header and the first rows of @file for the mapping step. */
gboolean         qd_import_preview            (GFile                 *file,
                                               guint                  max_rows,
                                               QdPreset              *detected,
                                               GStrv                 *headers,
                                               GPtrArray            **rows,    /* GStrv each */
                                               GError               **error);
const char      *qd_preset_to_label           (QdPreset               preset);
const char      *qd_field_to_label            (QdField                field);
/* The preset's meaning of each header, for showing the mapping. */
QdField          qd_preset_field_for_header   (QdPreset               preset,
                                               const char            *header);

QdImportSummary *qd_import_tickets            (QdStore               *store,
                                               GFile                 *file,
                                               QdPreset               preset,
                                               const QdField         *mapping,     /* one per column, for CUSTOM; else NULL */
                                               guint                  n_mapping,
                                               const char            *timezone,    /* IANA name; NULL = the system's */
                                               QdImportProgressFunc   progress,
                                               gpointer               progress_data,
                                               GCancellable          *cancellable,
                                               GError               **error);

QdImportSummary *qd_import_roster             (QdStore               *store,
                                               GFile                 *file,
                                               QdImportProgressFunc   progress,
                                               gpointer               progress_data,
                                               GCancellable          *cancellable,
                                               GError               **error);

/* Links a helpdesk agent name (as in unmatched_agents) to a member. */
gboolean         qd_import_link_agent         (QdStore               *store,
                                               const char            *agent,
                                               gint64                 member_id,
                                               GError               **error);

char            *qd_import_summary_to_string  (const QdImportSummary *summary);
void             qd_import_summary_free       (QdImportSummary       *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdImportSummary, qd_import_summary_free)

G_END_DECLS
