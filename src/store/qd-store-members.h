/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qd-store.h"

G_BEGIN_DECLS

/* A member as stored: plain data the model turns into a QdMember. Enum
 * values travel as their stored nicks ("team-lead", "on-leave", …). */
typedef struct
{
  gint64  id;
  char   *name;
  char   *email;
  char   *job_title;
  char   *level;
  char   *team;
  gint64  reports_to;
  char   *reports_to_name;
  char   *hire_date;
  char   *status;
  char   *skills;
  char   *notes;
  char   *readiness;
  guint   n_reports;
} QdMemberRecord;

typedef enum
{
  QD_MEMBER_SORT_NAME,
  QD_MEMBER_SORT_JOB_TITLE,
  QD_MEMBER_SORT_LEVEL,
  QD_MEMBER_SORT_TEAM,
  QD_MEMBER_SORT_REPORTS_TO,
  QD_MEMBER_SORT_HIRE_DATE,
  QD_MEMBER_SORT_STATUS,
} QdMemberSort;

typedef struct
{
  const char *search;        /* nullable: matches name, email, title, team, skills */
  gboolean    include_left;
  gboolean    leaders_only;  /* team leads, managers and directors */
  QdMemberSort sort;
  gboolean    descending;
} QdMemberQuery;

void        qd_member_record_clear          (QdMemberRecord       *record);

GArray     *qd_store_list_member_ids        (QdStore              *self,
                                             const QdMemberQuery  *query,
                                             GError              **error);
gboolean    qd_store_load_member            (QdStore              *self,
                                             gint64                id,
                                             QdMemberRecord       *record,
                                             GError              **error);
gint64      qd_store_insert_member          (QdStore              *self,
                                             const QdMemberRecord *record,
                                             GError              **error);
gboolean    qd_store_update_member          (QdStore              *self,
                                             const QdMemberRecord *record,
                                             GError              **error);
gboolean    qd_store_delete_member          (QdStore              *self,
                                             gint64                id,
                                             GError              **error);
gint64      qd_store_count_members          (QdStore              *self,
                                             gboolean              include_left,
                                             GError              **error);
GArray     *qd_store_list_direct_reports    (QdStore              *self,
                                             gint64                manager,
                                             GError              **error);
gboolean    qd_store_set_reports_to         (QdStore              *self,
                                             gint64                member,
                                             gint64                manager,
                                             GError              **error);
gboolean    qd_store_reports_up_to          (QdStore              *self,
                                             gint64                member,
                                             gint64                manager,
                                             gboolean             *result,
                                             GError              **error);
gint64      qd_store_find_member_by_name    (QdStore              *self,
                                             const char           *name,
                                             GError              **error);
GStrv       qd_store_list_team_names        (QdStore              *self,
                                             GError              **error);

/* Leadership pipeline */
typedef struct
{
  gint64  leader;
  char   *leader_name;
  char   *level;
  char   *team;
  guint   ready_now;
  char   *ready_now_names;   /* "Ana Ruiz, Luis Gil" */
} QdPipelineRecord;

void        qd_pipeline_record_free         (QdPipelineRecord     *record);
gboolean    qd_store_count_by_level         (QdStore              *self,
                                             guint                 counts[4],
                                             GError              **error);
GPtrArray  *qd_store_list_pipeline          (QdStore              *self,
                                             GError              **error);

G_END_DECLS
