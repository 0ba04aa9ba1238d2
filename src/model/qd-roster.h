/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-member.h"
#include "qd-store.h"
#include "qd-store-members.h"

G_BEGIN_DECLS

#define QD_ROSTER_ERROR (qd_roster_error_quark ())

typedef enum
{
  QD_ROSTER_ERROR_INVALID,
  QD_ROSTER_ERROR_REPORTING_LINE,
  QD_ROSTER_ERROR_HAS_REPORTS,
  QD_ROSTER_ERROR_NOT_EMPTY,
  QD_ROSTER_ERROR_HAS_HISTORY,   /* hand-entered KPI values (QA scores, …) */
} QdRosterError;

/* What happens to the people who report to someone who is removed. */
typedef enum
{
  QD_REPORTS_REFUSE,          /* refuse with QD_ROSTER_ERROR_HAS_REPORTS */
  QD_REPORTS_MOVE_UP,         /* they report to the removed person's manager */
  QD_REPORTS_UNASSIGN,        /* they report to nobody */
} QdReportsAction;

typedef struct _QdRosterUndo QdRosterUndo;

typedef struct
{
  guint      per_level[4];     /* indexed by QdMemberLevel; active and on leave */
  guint      goal;             /* ready-now successors wanted per role */
  GPtrArray *roles;            /* QdPipelineRecord, highest level first */
} QdPipeline;

#define QD_TYPE_ROSTER (qd_roster_get_type ())

G_DECLARE_FINAL_TYPE (QdRoster, qd_roster, QD, ROSTER, GObject)

GQuark         qd_roster_error_quark        (void);

QdRoster      *qd_roster_new                (QdStore          *store);
QdStore       *qd_roster_get_store          (QdRoster         *self);

gboolean       qd_roster_validate_member    (QdRoster         *self,
                                             QdMember         *member,
                                             GError          **error);
gint64         qd_roster_add_member         (QdRoster         *self,
                                             QdMember         *member,
                                             GError          **error);
gboolean       qd_roster_save_member        (QdRoster         *self,
                                             QdMember         *member,
                                             GError          **error);
QdMember      *qd_roster_load_member        (QdRoster         *self,
                                             gint64            id,
                                             GError          **error);
QdRosterUndo  *qd_roster_delete_member      (QdRoster         *self,
                                             gint64            id,
                                             QdReportsAction   reports,
                                             GError          **error);
gboolean       qd_roster_undo               (QdRoster         *self,
                                             QdRosterUndo     *undo,
                                             GError          **error);
const char    *qd_roster_undo_get_name      (QdRosterUndo     *undo);
void           qd_roster_undo_free          (QdRosterUndo     *undo);

gint64         qd_roster_count_members      (QdRoster         *self,
                                             gboolean          include_left);
GStrv          qd_roster_list_teams         (QdRoster         *self);
GListModel    *qd_roster_list_leaders       (QdRoster         *self,
                                             gint64            except);

QdPipeline    *qd_roster_get_pipeline       (QdRoster         *self,
                                             GError          **error);
void           qd_pipeline_free             (QdPipeline       *pipeline);
guint          qd_roster_get_successor_goal (QdRoster         *self);
gboolean       qd_roster_set_successor_goal (QdRoster         *self,
                                             guint             goal,
                                             GError          **error);

gboolean       qd_roster_fill_demo          (QdRoster         *self,
                                             GError          **error);
void           qd_roster_notify_changed     (QdRoster         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdRosterUndo, qd_roster_undo_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdPipeline, qd_pipeline_free)

G_END_DECLS
