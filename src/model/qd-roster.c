/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-roster"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qd-demo.h"
#include "qd-roster.h"
#include "qd-store-goals.h"
#include "qd-store-metrics.h"
#include "qd-store-reviews.h"

/* QdRoster is the service through which the team changes: it checks the
 * rules of the reporting line, writes each user action in one
 * transaction and announces the change with ::changed. */

#define MAX_NAME_LENGTH 200
#define MAX_TEXT_LENGTH 20000

struct _QdRoster
{
  GObject  parent_instance;

  QdStore *store;
};

struct _QdRosterUndo
{
  QdMemberRecord  record;
  GArray         *moved_reports;   /* ids whose manager was the removed member */
};

G_DEFINE_FINAL_TYPE (QdRoster, qd_roster, G_TYPE_OBJECT)

G_DEFINE_QUARK (qd-roster-error-quark, qd_roster_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (QdRoster *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (strchr (at + 1, '.') == NULL || g_str_has_suffix (text, "."))
    return FALSE;
  for (const char *p = text; *p; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;
  return TRUE;
}

static gboolean
is_iso_date (const char *text)
{
  int y, m, d;
  char tail;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  /* sscanf would also take " 8" or "+8" for a day, which the database
   * then refuses with a message nobody understands. */
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y) && y >= 1900 && y <= 2200;
}

static void
qd_roster_dispose (GObject *object)
{
  QdRoster *self = (QdRoster *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (qd_roster_parent_class)->dispose (object);
}

static void
qd_roster_class_init (QdRosterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = qd_roster_dispose;

  /**
   * QdRoster::changed:
   *
   * Emitted after members were added, changed or removed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
qd_roster_init (QdRoster *self)
{
}

QdRoster *
qd_roster_new (QdStore *store)
{
  QdRoster *self;

  g_return_val_if_fail (QD_IS_STORE (store), NULL);

  self = g_object_new (QD_TYPE_ROSTER, NULL);
  self->store = g_object_ref (store);
  return self;
}

QdStore *
qd_roster_get_store (QdRoster *self)
{
  g_return_val_if_fail (QD_IS_ROSTER (self), NULL);
  return self->store;
}

/**
 * qd_roster_validate_member:
 *
 * Checks @member against the rules of the team: a name, a plausible
 * email, a real hire date, and a manager who exists, is still with the
 * team and is not the member or one of the member's own reports.
 */
gboolean
qd_roster_validate_member (QdRoster  *self,
                           QdMember  *member,
                           GError   **error)
{
  g_autofree char *name = NULL;
  const char *email;
  const char *hire_date;
  gint64 manager;

  g_return_val_if_fail (QD_IS_ROSTER (self), FALSE);
  g_return_val_if_fail (QD_IS_MEMBER (member), FALSE);

  name = g_strstrip (g_strdup (qd_member_get_name (member)));
  if (*name == '\0')
    {
      g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_INVALID,
                   _("Every team member needs a name."));
      return FALSE;
    }
  /* Counted in characters, as the message says: a Cyrillic or Greek
   * job title takes two bytes a letter. */
  if (g_utf8_strlen (name, -1) > MAX_NAME_LENGTH ||
      g_utf8_strlen (qd_member_get_job_title (member), -1) > MAX_NAME_LENGTH ||
      g_utf8_strlen (qd_member_get_team (member), -1) > MAX_NAME_LENGTH)
    {
      g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_INVALID,
                   _("Names, job titles and teams can be at most %d characters long."),
                   MAX_NAME_LENGTH);
      return FALSE;
    }
  if (g_utf8_strlen (qd_member_get_notes (member), -1) > MAX_TEXT_LENGTH ||
      g_utf8_strlen (qd_member_get_skills (member), -1) > MAX_TEXT_LENGTH)
    {
      g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_INVALID,
                   _("Notes and skills can be at most %d characters long."), MAX_TEXT_LENGTH);
      return FALSE;
    }

  email = qd_member_get_email (member);
  if (*email != '\0' && !looks_like_email (email))
    {
      g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_INVALID,
                   _("“%s” is not an email address."), email);
      return FALSE;
    }

  hire_date = qd_member_get_hire_date (member);
  if (*hire_date != '\0' && !is_iso_date (hire_date))
    {
      g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_INVALID,
                   _("The hire date “%s” is not a date. Write it as year-month-day, for example 2024-03-18."),
                   hire_date);
      return FALSE;
    }

  manager = qd_member_get_reports_to (member);
  if (manager > 0)
    {
      QdMemberRecord boss = { 0 };
      gboolean in_line = FALSE;

      if (manager == qd_member_get_id (member))
        {
          g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_REPORTING_LINE,
                       _("%s cannot report to themselves."), name);
          return FALSE;
        }
      if (!qd_store_load_member (self->store, manager, &boss, NULL))
        {
          g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_REPORTING_LINE,
                       _("The chosen manager is no longer in the team."));
          return FALSE;
        }
      if (g_strcmp0 (boss.status, "left") == 0)
        {
          g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_REPORTING_LINE,
                       _("%s has left the team, so nobody can report to them."), boss.name);
          qd_member_record_clear (&boss);
          return FALSE;
        }
      if (qd_member_get_id (member) > 0 &&
          (!qd_store_reports_up_to (self->store, manager, qd_member_get_id (member), &in_line, error) ||
           in_line))
        {
          if (in_line)
            g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_REPORTING_LINE,
                         _("%s cannot report to %s, who is in their own reporting line."),
                         name, boss.name);
          qd_member_record_clear (&boss);
          return FALSE;
        }
      qd_member_record_clear (&boss);
    }

  return TRUE;
}

static void
trim_record (QdMemberRecord *record)
{
  g_strstrip (record->name);
  g_strstrip (record->email);
  g_strstrip (record->job_title);
  g_strstrip (record->team);
  g_strstrip (record->hire_date);
}

gint64
qd_roster_add_member (QdRoster  *self,
                      QdMember  *member,
                      GError   **error)
{
  QdMemberRecord record = { 0 };
  gint64 id;

  g_return_val_if_fail (QD_IS_ROSTER (self), 0);
  g_return_val_if_fail (QD_IS_MEMBER (member), 0);
  g_return_val_if_fail (qd_member_get_id (member) == 0, 0);

  if (!qd_roster_validate_member (self, member, error))
    return 0;

  qd_member_to_record (member, &record);
  trim_record (&record);

  if (!qd_store_begin (self->store, error))
    {
      qd_member_record_clear (&record);
      return 0;
    }
  id = qd_store_insert_member (self->store, &record, error);
  qd_member_record_clear (&record);
  if (id == 0 || !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return 0;
    }

  emit_changed (self);
  return id;
}

gboolean
qd_roster_save_member (QdRoster  *self,
                       QdMember  *member,
                       GError   **error)
{
  QdMemberRecord record = { 0 };
  gboolean ok;

  g_return_val_if_fail (QD_IS_ROSTER (self), FALSE);
  g_return_val_if_fail (QD_IS_MEMBER (member), FALSE);
  g_return_val_if_fail (qd_member_get_id (member) > 0, FALSE);

  if (!qd_roster_validate_member (self, member, error))
    return FALSE;

  qd_member_to_record (member, &record);
  trim_record (&record);

  ok = qd_store_begin (self->store, error);
  if (ok)
    ok = qd_store_update_member (self->store, &record, error);
  if (ok)
    ok = qd_store_commit (self->store, error);
  else
    qd_store_rollback (self->store);
  qd_member_record_clear (&record);

  if (ok)
    emit_changed (self);
  return ok;
}

QdMember *
qd_roster_load_member (QdRoster  *self,
                       gint64     id,
                       GError   **error)
{
  QdMemberRecord record = { 0 };
  QdMember *member;

  g_return_val_if_fail (QD_IS_ROSTER (self), NULL);

  if (!qd_store_load_member (self->store, id, &record, error))
    return NULL;
  member = qd_member_new_from_record (&record);
  qd_member_record_clear (&record);
  return member;
}

/**
 * qd_roster_delete_member:
 * @reports: what to do with the people who report to the member
 *
 * Removes a member in one transaction. Returns: (transfer full): what
 * qd_roster_undo() needs to put everything back, or %NULL on error.
 */
QdRosterUndo *
qd_roster_delete_member (QdRoster         *self,
                         gint64            id,
                         QdReportsAction   reports,
                         GError          **error)
{
  g_autoptr(QdRosterUndo) undo = NULL;
  g_autoptr(GArray) direct = NULL;
  g_autofree char *scored = NULL;
  gboolean has_scores = FALSE;
  guint n_goals = 0, n_actions = 0, n_notes = 0;
  gboolean has_reviews = FALSE;

  g_return_val_if_fail (QD_IS_ROSTER (self), NULL);

  undo = g_new0 (QdRosterUndo, 1);
  if (!qd_store_load_member (self->store, id, &undo->record, error))
    return NULL;

  /* Hand-entered scores, goals, development actions, notes and
   * performance reviews are history that deleting would destroy. */
  if (!qd_store_member_has_manual_values (self->store, id, &has_scores, &scored, error) ||
      !qd_store_count_goal_history (self->store, id, &n_goals, &n_actions, &n_notes, error) ||
      !qd_store_member_has_reviews (self->store, id, &has_reviews, error))
    return NULL;
  if (has_reviews)
    {
      g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_HAS_HISTORY,
                   _("%s has reviews on record. Set their status to “Left” to keep their history."),
                   undo->record.name);
      return NULL;
    }
  if (has_scores)
    {
      g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_HAS_HISTORY,
                   g_strcmp0 (scored, "qa-score") == 0
                   ? _("%s has QA scores on record. Set their status to “Left” to keep their history.")
                   : _("%s has KPI values on record. Set their status to “Left” to keep their history."),
                   undo->record.name);
      return NULL;
    }
  if (n_goals + n_actions + n_notes > 0)
    {
      g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_HAS_HISTORY,
                   _("%s has goals, development actions or notes on record. "
                     "Set their status to “Left” to keep their history."),
                   undo->record.name);
      return NULL;
    }

  direct = qd_store_list_direct_reports (self->store, id, error);
  if (direct == NULL)
    return NULL;

  /* Only people still in the team count, as in qd_member_get_n_reports():
   * someone whose former reports all left can be removed, and those
   * former reports are left without a manager (undo restores them). */
  if (direct->len > 0 && reports == QD_REPORTS_REFUSE)
    {
      guint n_staying = 0;

      for (guint i = 0; i < direct->len; i++)
        {
          QdMemberRecord report = { 0 };

          if (!qd_store_load_member (self->store, g_array_index (direct, gint64, i), &report, error))
            return NULL;
          if (g_strcmp0 (report.status, "left") != 0)
            n_staying++;
          qd_member_record_clear (&report);
        }

      if (n_staying > 0)
        {
          g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_HAS_REPORTS,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s manages %u person. Choose who they report to before removing %s.",
                                    "%s manages %u people. Choose who they report to before removing %s.",
                                    n_staying),
                       undo->record.name, n_staying, undo->record.name);
          return NULL;
        }
    }

  if (!qd_store_begin (self->store, error))
    return NULL;

  for (guint i = 0; i < direct->len; i++)
    {
      gint64 report = g_array_index (direct, gint64, i);
      gint64 new_manager = reports == QD_REPORTS_MOVE_UP ? undo->record.reports_to : 0;

      if (!qd_store_set_reports_to (self->store, report, new_manager, error))
        {
          qd_store_rollback (self->store);
          return NULL;
        }
    }

  if (!qd_store_delete_member (self->store, id, error) ||
      !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return NULL;
    }

  undo->moved_reports = g_steal_pointer (&direct);
  emit_changed (self);
  return g_steal_pointer (&undo);
}

/**
 * qd_roster_undo:
 *
 * Puts back a member removed by qd_roster_delete_member(), with the same
 * identity, and returns their reports to them.
 */
gboolean
qd_roster_undo (QdRoster      *self,
                QdRosterUndo  *undo,
                GError       **error)
{
  g_return_val_if_fail (QD_IS_ROSTER (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!qd_store_begin (self->store, error))
    return FALSE;

  /* The manager may have been removed in the meantime. */
  if (undo->record.reports_to > 0)
    {
      QdMemberRecord boss = { 0 };
      if (!qd_store_load_member (self->store, undo->record.reports_to, &boss, NULL))
        undo->record.reports_to = 0;
      qd_member_record_clear (&boss);
    }

  if (qd_store_insert_member (self->store, &undo->record, error) == 0)
    {
      qd_store_rollback (self->store);
      return FALSE;
    }

  for (guint i = 0; undo->moved_reports != NULL && i < undo->moved_reports->len; i++)
    {
      gint64 report = g_array_index (undo->moved_reports, gint64, i);
      QdMemberRecord still_here = { 0 };

      if (!qd_store_load_member (self->store, report, &still_here, NULL))
        continue;
      qd_member_record_clear (&still_here);
      if (!qd_store_set_reports_to (self->store, report, undo->record.id, error))
        {
          qd_store_rollback (self->store);
          return FALSE;
        }
    }

  if (!qd_store_commit (self->store, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

const char *
qd_roster_undo_get_name (QdRosterUndo *undo)
{
  g_return_val_if_fail (undo != NULL, NULL);
  return undo->record.name;
}

void
qd_roster_undo_free (QdRosterUndo *undo)
{
  if (undo == NULL)
    return;
  qd_member_record_clear (&undo->record);
  g_clear_pointer (&undo->moved_reports, g_array_unref);
  g_free (undo);
}

gint64
qd_roster_count_members (QdRoster *self,
                         gboolean  include_left)
{
  g_return_val_if_fail (QD_IS_ROSTER (self), 0);
  return MAX (qd_store_count_members (self->store, include_left, NULL), 0);
}

GStrv
qd_roster_list_teams (QdRoster *self)
{
  GStrv teams;

  g_return_val_if_fail (QD_IS_ROSTER (self), NULL);

  teams = qd_store_list_team_names (self->store, NULL);
  return teams != NULL ? teams : g_new0 (char *, 1);
}

/**
 * qd_roster_list_leaders:
 * @except: a member to leave out with everyone in their reporting line,
 *   or 0
 *
 * Returns: (transfer full): the team leads, managers and directors
 * someone can report to, highest level first.
 */
GListModel *
qd_roster_list_leaders (QdRoster *self,
                        gint64    except)
{
  QdMemberQuery query = { NULL, FALSE, TRUE, QD_MEMBER_SORT_LEVEL, TRUE };
  g_autoptr(GArray) ids = NULL;
  GListStore *store;

  g_return_val_if_fail (QD_IS_ROSTER (self), NULL);

  store = g_list_store_new (QD_TYPE_MEMBER);
  ids = qd_store_list_member_ids (self->store, &query, NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean in_line = FALSE;
      g_autoptr(QdMember) leader = NULL;

      if (except > 0 &&
          (!qd_store_reports_up_to (self->store, id, except, &in_line, NULL) || in_line))
        continue;
      leader = qd_roster_load_member (self, id, NULL);
      if (leader != NULL && qd_member_get_status (leader) == QD_MEMBER_STATUS_ACTIVE)
        g_list_store_append (store, leader);
    }
  return G_LIST_MODEL (store);
}

void
qd_pipeline_free (QdPipeline *pipeline)
{
  if (pipeline == NULL)
    return;
  g_clear_pointer (&pipeline->roles, g_ptr_array_unref);
  g_free (pipeline);
}

QdPipeline *
qd_roster_get_pipeline (QdRoster  *self,
                        GError   **error)
{
  g_autoptr(QdPipeline) pipeline = g_new0 (QdPipeline, 1);

  g_return_val_if_fail (QD_IS_ROSTER (self), NULL);

  if (!qd_store_count_by_level (self->store, pipeline->per_level, error))
    return NULL;
  pipeline->roles = qd_store_list_pipeline (self->store, error);
  if (pipeline->roles == NULL)
    return NULL;
  pipeline->goal = qd_roster_get_successor_goal (self);
  return g_steal_pointer (&pipeline);
}

guint
qd_roster_get_successor_goal (QdRoster *self)
{
  g_autofree char *value = NULL;
  guint64 goal;

  g_return_val_if_fail (QD_IS_ROSTER (self), 3);

  value = qd_store_dup_setting (self->store, "successor-goal");
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 20, &goal, NULL))
    return 3;
  return (guint) goal;
}

gboolean
qd_roster_set_successor_goal (QdRoster  *self,
                              guint      goal,
                              GError   **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (QD_IS_ROSTER (self), FALSE);

  if (goal < 1 || goal > 20)
    {
      g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_INVALID,
                   _("The successor goal must be between 1 and 20."));
      return FALSE;
    }
  value = g_strdup_printf ("%u", goal);
  if (!qd_store_set_setting (self->store, "successor-goal", value, error))
    return FALSE;
  emit_changed (self);
  return TRUE;
}

/**
 * qd_roster_fill_demo:
 *
 * Fills an empty database with a realistic demo organisation. A database
 * that already has people in it is left alone.
 */
gboolean
qd_roster_fill_demo (QdRoster  *self,
                     GError   **error)
{
  gint64 count;

  g_return_val_if_fail (QD_IS_ROSTER (self), FALSE);

  count = qd_store_count_members (self->store, TRUE, error);
  if (count < 0)
    return FALSE;
  if (count > 0)
    {
      g_set_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_NOT_EMPTY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The database already has %u person in it. "
                                "The demo team is only loaded into an empty database.",
                                "The database already has %u people in it. "
                                "The demo team is only loaded into an empty database.",
                                (gulong) count),
                   (guint) count);
      return FALSE;
    }

  if (!qd_store_begin (self->store, error))
    return FALSE;
  if (!_qd_demo_fill_roster (self->store, error) || !qd_store_commit (self->store, error))
    {
      qd_store_rollback (self->store);
      return FALSE;
    }

  emit_changed (self);
  return TRUE;
}

/**
 * qd_roster_notify_changed:
 *
 * Announces that members were changed by someone else than this roster,
 * such as an import on its own connection, so lists refresh.
 */
void
qd_roster_notify_changed (QdRoster *self)
{
  g_return_if_fail (QD_IS_ROSTER (self));
  emit_changed (self);
}
