/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-member"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-member.h"
#include "qd-member-list.h"
#include "qd-roster.h"
#include "qd-store.h"
#include "qd-store-members.h"

/* Each test gets a new database in its own temporary folder, a roster
 * on it, and a second, plain SQLite connection to look at what the file
 * holds, as the user would find it after closing Quarterdeck. */

typedef struct
{
  char     *dir;
  char     *path;
  QdStore  *store;
  QdRoster *roster;
  sqlite3  *db;
} Fixture;

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("qd-test-member-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "quarterdeck.db", NULL);
  f->store = qd_store_open (f->path, &error);
  g_assert_no_error (error);
  f->roster = qd_roster_new (f->store);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (sqlite3_close (f->db), ==, SQLITE_OK);
  g_assert_finalize_object (f->roster);
  g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
raw_int (Fixture    *f,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The first column of every row, one per line. */
static char *
raw_text (Fixture    *f,
          const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const unsigned char *text = sqlite3_column_text (stmt, 0);
      g_string_append_printf (out, "%s\n", text != NULL ? (const char *) text : "(null)");
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Everything the file holds about the team, to check that a refused
 * change left it exactly as it was. */
#define MEMBER_FIELDS \
  "quote (id) || '|' || quote (name) || '|' || quote (email) || '|' " \
  "|| quote (job_title) || '|' || quote (level) || '|' || quote (team_id) || '|' " \
  "|| quote (reports_to) || '|' || quote (hire_date) || '|' || quote (status) || '|' " \
  "|| quote (skills) || '|' || quote (notes) || '|' || quote (readiness)"

static char *
dump_roster (Fixture *f)
{
  g_autofree char *members =
    raw_text (f, "SELECT " MEMBER_FIELDS " || '|' || quote (created_at) || '|' || quote (updated_at) "
                 "FROM members ORDER BY id");
  g_autofree char *teams = raw_text (f, "SELECT id || '|' || name FROM teams ORDER BY id");
  g_autofree char *settings = raw_text (f, "SELECT key || '=' || value FROM settings ORDER BY key");

  return g_strconcat (members, "--\n", teams, "--\n", settings, NULL);
}

/* The same without the time stamps, which an undo renews. */
static char *
dump_roster_content (Fixture *f)
{
  g_autofree char *members = raw_text (f, "SELECT " MEMBER_FIELDS " FROM members ORDER BY id");
  g_autofree char *teams = raw_text (f, "SELECT id || '|' || name FROM teams ORDER BY id");

  return g_strconcat (members, "--\n", teams, NULL);
}

/* Whom @id reports to in the file: 0 for nobody, -1 for no such row. */
static gint64
raw_reports_to (Fixture *f,
                gint64   id)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT coalesce ((SELECT coalesce (reports_to, 0) FROM members "
                     "WHERE id = %" G_GINT64_FORMAT "), -1)", id);

  return raw_int (f, sql);
}

static gboolean
raw_exists (Fixture *f,
            gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM members WHERE id = %" G_GINT64_FORMAT, id);

  return raw_int (f, sql) == 1;
}

static QdMember *
new_member (const char    *name,
            QdMemberLevel  level,
            const char    *team,
            gint64         reports_to)
{
  QdMember *member = qd_member_new ();

  qd_member_set_name (member, name);
  qd_member_set_level (member, level);
  qd_member_set_team (member, team);
  qd_member_set_reports_to (member, reports_to);
  return member;
}

static gint64
add (Fixture    *f,
     QdMember   *member)
{
  g_autoptr(GError) error = NULL;
  gint64 id = qd_roster_add_member (f->roster, member, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_person (Fixture       *f,
            const char    *name,
            QdMemberLevel  level,
            const char    *team,
            gint64         reports_to)
{
  g_autoptr(QdMember) member = new_member (name, level, team, reports_to);

  return add (f, member);
}

static QdMember *
load (Fixture *f,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  QdMember *member = qd_roster_load_member (f->roster, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (member);
  return member;
}

static void
save (Fixture  *f,
      QdMember *member)
{
  g_autoptr(GError) error = NULL;

  qd_roster_save_member (f->roster, member, &error);
  g_assert_no_error (error);
}

static void
set_status (Fixture        *f,
            gint64          id,
            QdMemberStatus  status)
{
  g_autoptr(QdMember) member = load (f, id);

  qd_member_set_status (member, status);
  save (f, member);
}

/* Asserts that saving @member fails with @code and changes nothing. */
static void
assert_save_refused (Fixture  *f,
                     QdMember *member,
                     int       code)
{
  g_autofree char *before = dump_roster (f);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (qd_roster_save_member (f->roster, member, &error));
  g_assert_error (error, QD_ROSTER_ERROR, code);
  g_test_message ("Refused with: %s", error->message);
  after = dump_roster (f);
  g_assert_cmpstr (after, ==, before);
}

static void
assert_add_refused (Fixture  *f,
                    QdMember *member,
                    int       code)
{
  g_autofree char *before = dump_roster (f);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (qd_roster_add_member (f->roster, member, &error), ==, 0);
  g_assert_error (error, QD_ROSTER_ERROR, code);
  g_test_message ("Refused with: %s", error->message);
  after = dump_roster (f);
  g_assert_cmpstr (after, ==, before);
}

static void
assert_same_record (const QdMemberRecord *a,
                    const QdMemberRecord *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->email, ==, b->email);
  g_assert_cmpstr (a->job_title, ==, b->job_title);
  g_assert_cmpstr (a->level, ==, b->level);
  g_assert_cmpstr (a->team, ==, b->team);
  g_assert_cmpint (a->reports_to, ==, b->reports_to);
  g_assert_cmpstr (a->reports_to_name, ==, b->reports_to_name);
  g_assert_cmpstr (a->hire_date, ==, b->hire_date);
  g_assert_cmpstr (a->status, ==, b->status);
  g_assert_cmpstr (a->skills, ==, b->skills);
  g_assert_cmpstr (a->notes, ==, b->notes);
  g_assert_cmpstr (a->readiness, ==, b->readiness);
  g_assert_cmpuint (a->n_reports, ==, b->n_reports);
}

/* Counts emissions; connected swapped, so it gets the counter first. */
static void
count_cb (guint *count)
{
  (*count)++;
}

static void
load_record (Fixture        *f,
             gint64          id,
             QdMemberRecord *record)
{
  g_autoptr(GError) error = NULL;

  qd_store_load_member (f->store, id, record, &error);
  g_assert_no_error (error);
}

/* ---- add, update, delete, undo ---- */

static void
test_add_save_delete_undo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(QdMember) member = NULL;
  g_autoptr(QdMember) loaded = NULL;
  g_autoptr(QdRosterUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  QdMemberRecord before = { 0 };
  QdMemberRecord after = { 0 };
  guint changed = 0;
  gint64 boss, id;

  g_signal_connect_swapped (f->roster, "changed", G_CALLBACK (count_cb), &changed);

  boss = add_person (f, "Marta Iglesias", QD_MEMBER_LEVEL_MANAGER, "Tier 1", 0);
  g_assert_cmpuint (changed, ==, 1);

  member = new_member ("  Ana Ruiz  ", QD_MEMBER_LEVEL_AGENT, " Tier 1 ", boss);
  qd_member_set_email (member, "ana.ruiz@example.com");
  qd_member_set_job_title (member, "Support Agent");
  qd_member_set_hire_date (member, "2022-01-10");
  qd_member_set_status (member, QD_MEMBER_STATUS_ON_LEAVE);
  qd_member_set_skills (member, "Live chat, Spanish");
  qd_member_set_notes (member, "Back in May.");
  qd_member_set_readiness (member, QD_READINESS_ONE_TO_TWO_YEARS);
  id = add (f, member);
  g_assert_cmpuint (changed, ==, 2);

  /* In the file, with the spaces around the name and team trimmed. */
  text = raw_text (f, "SELECT m.name || '|' || m.email || '|' || m.job_title || '|' || m.level || '|' "
                      "|| t.name || '|' || m.reports_to || '|' || m.hire_date || '|' || m.status || '|' "
                      "|| m.skills || '|' || m.notes || '|' || m.readiness "
                      "FROM members m JOIN teams t ON t.id = m.team_id WHERE m.name LIKE '%Ana%'");
  g_assert_cmpstr (text, ==, "Ana Ruiz|ana.ruiz@example.com|Support Agent|agent|Tier 1|1|2022-01-10|"
                             "on-leave|Live chat, Spanish|Back in May.|1-2-years\n");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM teams"), ==, 1);

  /* Changed. */
  loaded = load (f, id);
  g_assert_cmpint (qd_member_get_id (loaded), ==, id);
  g_assert_cmpstr (qd_member_get_name (loaded), ==, "Ana Ruiz");
  g_assert_cmpstr (qd_member_get_reports_to_name (loaded), ==, "Marta Iglesias");
  qd_member_set_name (loaded, "Ana Ruiz Gil");
  qd_member_set_team (loaded, "Billing");
  qd_member_set_status (loaded, QD_MEMBER_STATUS_ACTIVE);
  qd_member_set_readiness (loaded, QD_READINESS_READY_NOW);
  save (f, loaded);
  g_assert_cmpuint (changed, ==, 3);
  sql = g_strdup_printf ("SELECT m.name || '|' || t.name || '|' || m.status || '|' || m.readiness "
                         "FROM members m JOIN teams t ON t.id = m.team_id WHERE m.id = %" G_GINT64_FORMAT,
                         id);
  text = raw_text (f, sql);
  g_assert_cmpstr (text, ==, "Ana Ruiz Gil|Billing|active|ready-now\n");
  g_clear_pointer (&text, g_free);

  /* Removed. */
  load_record (f, id, &before);
  undo = qd_roster_delete_member (f->roster, id, QD_REPORTS_REFUSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpstr (qd_roster_undo_get_name (undo), ==, "Ana Ruiz Gil");
  g_assert_cmpuint (changed, ==, 4);
  g_assert_false (raw_exists (f, id));
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 1);
  g_assert_null (qd_roster_load_member (f->roster, id, &error));
  g_assert_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Back, with the same identity and every field. */
  qd_roster_undo (f->roster, undo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 5);
  g_assert_true (raw_exists (f, id));
  load_record (f, id, &after);
  assert_same_record (&after, &before);

  qd_member_record_clear (&before);
  qd_member_record_clear (&after);
}

/* ---- the reporting line ---- */

/* Ids are never handed out twice, so Undo can always put a member back
 * under their own id even after someone was added in between. */
static void
test_undo_after_new_member (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(QdRosterUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, newest, later;

  first = add_person (f, "Marta Iglesias", QD_MEMBER_LEVEL_MANAGER, "Tier 1", 0);
  newest = add_person (f, "Ana Ruiz", QD_MEMBER_LEVEL_AGENT, "Tier 1", first);

  undo = qd_roster_delete_member (f->roster, newest, QD_REPORTS_REFUSE, &error);
  g_assert_no_error (error);
  later = add_person (f, "Luis Gil", QD_MEMBER_LEVEL_AGENT, "Tier 1", first);
  g_assert_cmpint (later, !=, newest);

  g_assert_true (qd_roster_undo (f->roster, undo, &error));
  g_assert_no_error (error);
  g_assert_true (raw_exists (f, newest));
  g_assert_true (raw_exists (f, later));
}

static void
test_reports_to_self (Fixture       *f,
                      gconstpointer  data)
{
  gint64 ana = add_person (f, "Ana Ruiz", QD_MEMBER_LEVEL_AGENT, "Tier 1", 0);
  g_autoptr(QdMember) member = load (f, ana);

  qd_member_set_reports_to (member, ana);
  assert_save_refused (f, member, QD_ROSTER_ERROR_REPORTING_LINE);
  g_assert_cmpint (raw_reports_to (f, ana), ==, 0);
}

static void
test_reports_to_own_line (Fixture       *f,
                          gconstpointer  data)
{
  gint64 a = add_person (f, "Ada Director", QD_MEMBER_LEVEL_DIRECTOR, "", 0);
  gint64 b = add_person (f, "Bruno Manager", QD_MEMBER_LEVEL_MANAGER, "", a);
  gint64 c = add_person (f, "Carla Lead", QD_MEMBER_LEVEL_TEAM_LEAD, "", b);
  gint64 other = add_person (f, "Olga Elsewhere", QD_MEMBER_LEVEL_MANAGER, "", 0);
  g_autoptr(QdMember) member = NULL;

  /* A manages B manages C: A cannot report to C, nor to B. */
  member = load (f, a);
  qd_member_set_reports_to (member, c);
  assert_save_refused (f, member, QD_ROSTER_ERROR_REPORTING_LINE);
  qd_member_set_reports_to (member, b);
  assert_save_refused (f, member, QD_ROSTER_ERROR_REPORTING_LINE);
  g_clear_object (&member);

  member = load (f, b);
  qd_member_set_reports_to (member, c);
  assert_save_refused (f, member, QD_ROSTER_ERROR_REPORTING_LINE);
  g_clear_object (&member);

  g_assert_cmpint (raw_reports_to (f, a), ==, 0);
  g_assert_cmpint (raw_reports_to (f, b), ==, a);
  g_assert_cmpint (raw_reports_to (f, c), ==, b);

  /* Someone outside the line is fine, and so is moving down the line
   * the other way round (C straight to A). */
  member = load (f, a);
  qd_member_set_reports_to (member, other);
  save (f, member);
  g_clear_object (&member);
  g_assert_cmpint (raw_reports_to (f, a), ==, other);

  member = load (f, c);
  qd_member_set_reports_to (member, a);
  save (f, member);
  g_assert_cmpint (raw_reports_to (f, c), ==, a);

  /* And now Olga, A's new manager, cannot report to C either. */
  g_clear_object (&member);
  member = load (f, other);
  qd_member_set_reports_to (member, c);
  assert_save_refused (f, member, QD_ROSTER_ERROR_REPORTING_LINE);
}

static void
test_reports_to_someone_who_left (Fixture       *f,
                                  gconstpointer  data)
{
  gint64 gone = add_person (f, "Nora Kowalski", QD_MEMBER_LEVEL_TEAM_LEAD, "Tier 1", 0);
  gint64 ana = add_person (f, "Ana Ruiz", QD_MEMBER_LEVEL_AGENT, "Tier 1", 0);
  g_autoptr(QdMember) member = NULL;
  g_autoptr(QdMember) newcomer = NULL;

  set_status (f, gone, QD_MEMBER_STATUS_LEFT);

  member = load (f, ana);
  qd_member_set_reports_to (member, gone);
  assert_save_refused (f, member, QD_ROSTER_ERROR_REPORTING_LINE);
  g_assert_cmpint (raw_reports_to (f, ana), ==, 0);

  newcomer = new_member ("Luis Gil", QD_MEMBER_LEVEL_AGENT, "Tier 1", gone);
  assert_add_refused (f, newcomer, QD_ROSTER_ERROR_REPORTING_LINE);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 2);

  /* On leave is still in the team. */
  set_status (f, gone, QD_MEMBER_STATUS_ON_LEAVE);
  save (f, member);
  g_assert_cmpint (raw_reports_to (f, ana), ==, gone);
}

static void
test_reports_to_missing (Fixture       *f,
                         gconstpointer  data)
{
  gint64 ana = add_person (f, "Ana Ruiz", QD_MEMBER_LEVEL_AGENT, "Tier 1", 0);
  g_autoptr(QdMember) member = load (f, ana);
  g_autoptr(QdMember) newcomer = new_member ("Luis Gil", QD_MEMBER_LEVEL_AGENT, "", 4242);

  qd_member_set_reports_to (member, 4242);
  assert_save_refused (f, member, QD_ROSTER_ERROR_REPORTING_LINE);
  assert_add_refused (f, newcomer, QD_ROSTER_ERROR_REPORTING_LINE);
  g_assert_cmpint (raw_reports_to (f, ana), ==, 0);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 1);
}

/* ---- removing someone with reports ---- */

typedef struct
{
  gint64 director;
  gint64 manager;
  gint64 lead;
  gint64 agent;
  gint64 gone;
} SmallTeam;

/* Ada directs Bruno, who manages Carla and Dario (and Nora, who left). */
static void
build_small_team (Fixture   *f,
                  SmallTeam *t)
{
  g_autoptr(QdMember) bruno = NULL;

  t->director = add_person (f, "Ada Director", QD_MEMBER_LEVEL_DIRECTOR, "", 0);
  bruno = new_member ("Bruno Manager", QD_MEMBER_LEVEL_MANAGER, "Tier 1", t->director);
  qd_member_set_email (bruno, "bruno@example.com");
  qd_member_set_hire_date (bruno, "2019-04-01");
  qd_member_set_skills (bruno, "Escalations");
  qd_member_set_notes (bruno, "Runs the weekly QA review.");
  qd_member_set_readiness (bruno, QD_READINESS_READY_NOW);
  t->manager = add (f, bruno);
  t->lead = add_person (f, "Carla Lead", QD_MEMBER_LEVEL_TEAM_LEAD, "Tier 1", t->manager);
  t->agent = add_person (f, "Dario Agent", QD_MEMBER_LEVEL_AGENT, "Tier 1", t->manager);
  t->gone = add_person (f, "Nora Gone", QD_MEMBER_LEVEL_AGENT, "Tier 1", t->manager);
  set_status (f, t->gone, QD_MEMBER_STATUS_LEFT);
}

static void
test_delete_refuse (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  QdRosterUndo *undo;
  SmallTeam t;

  build_small_team (f, &t);
  before = dump_roster (f);

  undo = qd_roster_delete_member (f->roster, t.manager, QD_REPORTS_REFUSE, &error);
  g_assert_null (undo);
  g_assert_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_HAS_REPORTS);
  /* Nora left, so Bruno manages two people, as his pane says. */
  g_assert_nonnull (strstr (error->message, "Bruno Manager manages 2 people"));
  after = dump_roster (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_delete_only_former_reports (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(QdRosterUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  QdMemberRecord lead = { 0 };
  gint64 ada, lena, nora;

  /* Lena's whole team left: nobody to move, so nothing to refuse. */
  ada = add_person (f, "Ada Director", QD_MEMBER_LEVEL_DIRECTOR, "", 0);
  lena = add_person (f, "Lena Lead", QD_MEMBER_LEVEL_TEAM_LEAD, "Tier 1", ada);
  nora = add_person (f, "Nora Gone", QD_MEMBER_LEVEL_AGENT, "Tier 1", lena);
  set_status (f, nora, QD_MEMBER_STATUS_LEFT);
  load_record (f, lena, &lead);
  g_assert_cmpuint (lead.n_reports, ==, 0);
  qd_member_record_clear (&lead);

  undo = qd_roster_delete_member (f->roster, lena, QD_REPORTS_REFUSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_false (raw_exists (f, lena));
  g_assert_cmpint (raw_reports_to (f, nora), ==, 0);

  qd_roster_undo (f->roster, undo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_reports_to (f, lena), ==, ada);
  g_assert_cmpint (raw_reports_to (f, nora), ==, lena);
}

static void
check_delete_with_reports (Fixture         *f,
                           QdReportsAction  action)
{
  g_autoptr(QdRosterUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before_dump = NULL;
  g_autofree char *undone_dump = NULL;
  QdMemberRecord before = { 0 };
  QdMemberRecord after = { 0 };
  gint64 expected;
  SmallTeam t;

  build_small_team (f, &t);
  load_record (f, t.manager, &before);
  g_assert_cmpuint (before.n_reports, ==, 2);
  before_dump = dump_roster_content (f);

  undo = qd_roster_delete_member (f->roster, t.manager, action, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);

  expected = action == QD_REPORTS_MOVE_UP ? t.director : 0;
  g_assert_false (raw_exists (f, t.manager));
  g_assert_cmpint (raw_reports_to (f, t.lead), ==, expected);
  g_assert_cmpint (raw_reports_to (f, t.agent), ==, expected);
  g_assert_cmpint (raw_reports_to (f, t.gone), ==, expected);
  g_assert_cmpint (raw_reports_to (f, t.director), ==, 0);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 4);

  qd_roster_undo (f->roster, undo, &error);
  g_assert_no_error (error);

  load_record (f, t.manager, &after);
  assert_same_record (&after, &before);
  g_assert_cmpint (raw_reports_to (f, t.lead), ==, t.manager);
  g_assert_cmpint (raw_reports_to (f, t.agent), ==, t.manager);
  g_assert_cmpint (raw_reports_to (f, t.gone), ==, t.manager);
  g_assert_cmpint (raw_reports_to (f, t.manager), ==, t.director);

  /* Apart from the time stamps of the rows touched, all as it was. */
  undone_dump = dump_roster_content (f);
  g_assert_cmpstr (undone_dump, ==, before_dump);

  qd_member_record_clear (&before);
  qd_member_record_clear (&after);
}

static void
test_delete_move_up (Fixture       *f,
                     gconstpointer  data)
{
  check_delete_with_reports (f, QD_REPORTS_MOVE_UP);
}

static void
test_delete_unassign (Fixture       *f,
                      gconstpointer  data)
{
  check_delete_with_reports (f, QD_REPORTS_UNASSIGN);
}

static void
test_undo_manager_gone (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(QdRosterUndo) undo_agent = NULL;
  g_autoptr(QdRosterUndo) undo_manager = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada, bruno, dario;

  ada = add_person (f, "Ada Director", QD_MEMBER_LEVEL_DIRECTOR, "", 0);
  bruno = add_person (f, "Bruno Manager", QD_MEMBER_LEVEL_MANAGER, "", ada);
  dario = add_person (f, "Dario Agent", QD_MEMBER_LEVEL_AGENT, "", bruno);

  /* Dario goes, then his manager: undoing Dario's removal brings him
   * back without a manager rather than failing. */
  undo_agent = qd_roster_delete_member (f->roster, dario, QD_REPORTS_REFUSE, &error);
  g_assert_no_error (error);
  undo_manager = qd_roster_delete_member (f->roster, bruno, QD_REPORTS_REFUSE, &error);
  g_assert_no_error (error);

  g_assert_true (qd_roster_undo (f->roster, undo_agent, &error));
  g_assert_no_error (error);
  g_assert_true (raw_exists (f, dario));
  g_assert_cmpint (raw_reports_to (f, dario), ==, 0);

  g_assert_true (qd_roster_undo (f->roster, undo_manager, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_reports_to (f, bruno), ==, ada);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 3);
}

static char *
leader_names (GListModel *model)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QdMember) member = g_list_model_get_item (model, i);
      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", qd_member_get_name (member));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_list_leaders (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) for_bruno = NULL;
  g_autofree char *names = NULL;
  SmallTeam t;

  /* What the "Reports to" choice offers: active leaders, highest level
   * first, and never the member or anyone in their own line. */
  build_small_team (f, &t);
  add_person (f, "Olga Elsewhere", QD_MEMBER_LEVEL_MANAGER, "", t.director);
  set_status (f, add_person (f, "Gus Gone", QD_MEMBER_LEVEL_MANAGER, "", t.director),
              QD_MEMBER_STATUS_LEFT);

  all = qd_roster_list_leaders (f->roster, 0);
  names = leader_names (all);
  g_assert_cmpstr (names, ==, "Ada Director, Bruno Manager, Olga Elsewhere, Carla Lead");
  g_clear_pointer (&names, g_free);

  for_bruno = qd_roster_list_leaders (f->roster, t.manager);
  names = leader_names (for_bruno);
  g_assert_cmpstr (names, ==, "Ada Director, Olga Elsewhere");
}

/* ---- what a member may look like ---- */

static char *
repeat (const char *text,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, text);
  return g_string_free (out, FALSE);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  static const struct
  {
    const char *field;
    const char *value;
  } bad[] = {
    { "name", "" },
    { "name", "   \t " },
    { "email", "ana" },
    { "email", "ana@" },
    { "email", "@example.com" },
    { "email", "ana@example" },
    { "email", "ana@@example.com" },
    { "email", "ana ruiz@example.com" },
    { "email", "ana@example.com." },
    { "hire-date", "2026-02-31" },
    { "hire-date", "2025-02-29" },
    { "hire-date", "2026-13-01" },
    { "hire-date", "18/03/2024" },
    { "hire-date", "2024-3-18" },
    { "hire-date", "2024-03-18T10:00" },
    { "hire-date", "2024-03- 8" },
    { "hire-date", "2024-+3-08" },
    { "hire-date", "yesterday" },
  };
  g_autofree char *long_name = NULL;
  g_autofree char *longest_name = NULL;
  g_autoptr(QdMember) member = NULL;
  g_autoptr(QdMember) ok = NULL;
  gint64 ana;

  ana = add_person (f, "Ana Ruiz", QD_MEMBER_LEVEL_AGENT, "Tier 1", 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(QdMember) newcomer = new_member ("Luis Gil", QD_MEMBER_LEVEL_AGENT, "Tier 1", 0);
      g_autoptr(QdMember) existing = load (f, ana);

      g_test_message ("%s = “%s”", bad[i].field, bad[i].value);
      g_object_set (newcomer, bad[i].field, bad[i].value, NULL);
      g_object_set (existing, bad[i].field, bad[i].value, NULL);
      assert_add_refused (f, newcomer, QD_ROSTER_ERROR_INVALID);
      assert_save_refused (f, existing, QD_ROSTER_ERROR_INVALID);
    }

  /* 201 characters is one too many, 200 (of two bytes each) is fine. */
  long_name = g_strnfill (201, 'x');
  member = new_member (long_name, QD_MEMBER_LEVEL_AGENT, "", 0);
  assert_add_refused (f, member, QD_ROSTER_ERROR_INVALID);
  g_clear_object (&member);
  member = new_member ("Ana", QD_MEMBER_LEVEL_AGENT, long_name, 0);
  assert_add_refused (f, member, QD_ROSTER_ERROR_INVALID);
  g_clear_object (&member);
  member = new_member ("Ana", QD_MEMBER_LEVEL_AGENT, "", 0);
  qd_member_set_job_title (member, long_name);
  assert_add_refused (f, member, QD_ROSTER_ERROR_INVALID);
  g_clear_object (&member);
  member = load (f, ana);
  qd_member_set_name (member, long_name);
  assert_save_refused (f, member, QD_ROSTER_ERROR_INVALID);

  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM teams"), ==, 1);

  longest_name = repeat ("Á", 200);
  ok = new_member (longest_name, QD_MEMBER_LEVEL_AGENT, "", 0);
  qd_member_set_email (ok, "a.b-c+d@mail.example.co.uk");
  qd_member_set_hire_date (ok, "2024-02-29");
  /* Limits count letters, not bytes: 200 Cyrillic letters fit. */
  g_clear_pointer (&longest_name, g_free);
  longest_name = repeat ("Я", 200);
  qd_member_set_job_title (ok, longest_name);
  qd_member_set_team (ok, longest_name);
  add (f, ok);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 2);
  g_assert_cmpint (raw_int (f, "SELECT max (length (job_title)) FROM members"), ==, 200);
}

/* ---- the team list ---- */

/* Six people with a different value for every sort key. */
typedef struct
{
  gint64 dora, mark, lena, alan, bea, zack;
} Org;

static gint64
add_full (Fixture        *f,
          const char     *name,
          const char     *title,
          QdMemberLevel   level,
          const char     *team,
          gint64          reports_to,
          const char     *hired,
          QdMemberStatus  status,
          const char     *skills)
{
  g_autoptr(QdMember) member = new_member (name, level, team, reports_to);

  qd_member_set_job_title (member, title);
  qd_member_set_hire_date (member, hired);
  qd_member_set_skills (member, skills);
  qd_member_set_status (member, status);
  return add (f, member);
}

static void
build_org (Fixture *f,
           Org     *o)
{
  o->dora = add_full (f, "Dora Director", "Head of Support", QD_MEMBER_LEVEL_DIRECTOR,
                      "Leadership", 0, "2015-01-05", QD_MEMBER_STATUS_ACTIVE, "Budgeting");
  o->mark = add_full (f, "Mark Manager", "Support Manager", QD_MEMBER_LEVEL_MANAGER,
                      "Ops", o->dora, "2018-03-01", QD_MEMBER_STATUS_ACTIVE, "Workforce planning");
  o->lena = add_full (f, "Lena Lead", "Team Lead", QD_MEMBER_LEVEL_TEAM_LEAD,
                      "Tier 1", o->mark, "2019-07-15", QD_MEMBER_STATUS_ON_LEAVE, "Coaching");
  o->alan = add_full (f, "Alan Agent", "Agent", QD_MEMBER_LEVEL_AGENT,
                      "Tier 1", o->lena, "2021-02-01", QD_MEMBER_STATUS_ACTIVE, "Zendesk, Spanish");
  o->bea = add_full (f, "Bea Billing", "Billing Specialist", QD_MEMBER_LEVEL_AGENT,
                     "Billing", o->mark, "2016-11-30", QD_MEMBER_STATUS_ACTIVE, "Stripe, Refunds");
  o->zack = add_full (f, "Zack Gone", "Agent II", QD_MEMBER_LEVEL_AGENT,
                      "Tier 2", o->lena, "2014-05-05", QD_MEMBER_STATUS_ACTIVE, "Phone support");
  set_status (f, o->zack, QD_MEMBER_STATUS_LEFT);
}

/* The names in the list, in order, joined with ", ". */
static char *
list_names (GListModel *model)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  g_assert_true (g_list_model_get_item_type (model) == QD_TYPE_MEMBER);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QdMember) member = g_list_model_get_item (model, i);

      g_assert_nonnull (member);
      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", qd_member_get_name (member));
    }
  g_assert_null (g_list_model_get_item (model, n));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_list (QdMemberList *list,
             const char   *expected)
{
  g_autofree char *names = list_names (G_LIST_MODEL (list));
  guint n_items = 0;

  g_assert_cmpstr (names, ==, expected);
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, g_list_model_get_n_items (G_LIST_MODEL (list)));
}

static void
test_list_sort (Fixture       *f,
                gconstpointer  data)
{
  static const struct
  {
    QdMemberSort  sort;
    gboolean      descending;
    const char   *expected;
  } cases[] = {
    { QD_MEMBER_SORT_NAME, FALSE, "Alan Agent, Bea Billing, Dora Director, Lena Lead, Mark Manager" },
    { QD_MEMBER_SORT_NAME, TRUE, "Mark Manager, Lena Lead, Dora Director, Bea Billing, Alan Agent" },
    { QD_MEMBER_SORT_JOB_TITLE, FALSE, "Alan Agent, Bea Billing, Dora Director, Mark Manager, Lena Lead" },
    { QD_MEMBER_SORT_JOB_TITLE, TRUE, "Lena Lead, Mark Manager, Dora Director, Bea Billing, Alan Agent" },
    /* Ties (the two agents) keep name order either way. */
    { QD_MEMBER_SORT_LEVEL, FALSE, "Alan Agent, Bea Billing, Lena Lead, Mark Manager, Dora Director" },
    { QD_MEMBER_SORT_LEVEL, TRUE, "Dora Director, Mark Manager, Lena Lead, Alan Agent, Bea Billing" },
    { QD_MEMBER_SORT_TEAM, FALSE, "Bea Billing, Dora Director, Mark Manager, Alan Agent, Lena Lead" },
    { QD_MEMBER_SORT_TEAM, TRUE, "Alan Agent, Lena Lead, Mark Manager, Dora Director, Bea Billing" },
    /* Dora reports to nobody. */
    { QD_MEMBER_SORT_REPORTS_TO, FALSE, "Dora Director, Mark Manager, Alan Agent, Bea Billing, Lena Lead" },
    { QD_MEMBER_SORT_REPORTS_TO, TRUE, "Bea Billing, Lena Lead, Alan Agent, Mark Manager, Dora Director" },
    { QD_MEMBER_SORT_HIRE_DATE, FALSE, "Dora Director, Bea Billing, Mark Manager, Lena Lead, Alan Agent" },
    { QD_MEMBER_SORT_HIRE_DATE, TRUE, "Alan Agent, Lena Lead, Mark Manager, Bea Billing, Dora Director" },
    { QD_MEMBER_SORT_STATUS, FALSE, "Alan Agent, Bea Billing, Dora Director, Mark Manager, Lena Lead" },
    { QD_MEMBER_SORT_STATUS, TRUE, "Lena Lead, Alan Agent, Bea Billing, Dora Director, Mark Manager" },
  };
  g_autoptr(QdMemberList) list = NULL;
  Org o;

  build_org (f, &o);
  list = qd_member_list_new (f->roster);

  /* Name, ascending, unless told otherwise. */
  assert_list (list, cases[0].expected);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean descending = !cases[i].descending;

      g_test_message ("Sort %d, %s", cases[i].sort, cases[i].descending ? "descending" : "ascending");
      qd_member_list_set_sort (list, cases[i].sort, cases[i].descending);
      g_assert_cmpint (qd_member_list_get_sort (list, &descending), ==, cases[i].sort);
      g_assert_cmpint (descending, ==, cases[i].descending);
      assert_list (list, cases[i].expected);
    }

  /* With those who left: Zack, hired first, leaves last by status. */
  qd_member_list_set_include_left (list, TRUE);
  qd_member_list_set_sort (list, QD_MEMBER_SORT_HIRE_DATE, FALSE);
  assert_list (list, "Zack Gone, Dora Director, Bea Billing, Mark Manager, Lena Lead, Alan Agent");
  qd_member_list_set_sort (list, QD_MEMBER_SORT_STATUS, FALSE);
  assert_list (list, "Alan Agent, Bea Billing, Dora Director, Mark Manager, Lena Lead, Zack Gone");
}

static void
test_list_search (Fixture       *f,
                  gconstpointer  data)
{
  static const struct
  {
    const char *search;
    const char *expected;
  } cases[] = {
    { "lena", "Lena Lead" },                                 /* name */
    { "MARK", "Mark Manager" },
    { "tier 1", "Alan Agent, Lena Lead" },                   /* team */
    { "billing", "Bea Billing" },                            /* team, title */
    { "spanish", "Alan Agent" },                             /* skill */
    { "refunds", "Bea Billing" },
    { "head of support", "Dora Director" },                  /* job title */
    { "phone support", "" },                                 /* only Zack, who left */
    { "nobody at all", "" },
    { "", "Alan Agent, Bea Billing, Dora Director, Lena Lead, Mark Manager" },
    { NULL, "Alan Agent, Bea Billing, Dora Director, Lena Lead, Mark Manager" },
  };
  g_autoptr(QdMemberList) list = NULL;
  Org o;

  build_org (f, &o);
  list = qd_member_list_new (f->roster);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("Search “%s”", cases[i].search);
      qd_member_list_set_search (list, cases[i].search);
      assert_list (list, cases[i].expected);
    }

  qd_member_list_set_include_left (list, TRUE);
  qd_member_list_set_search (list, "phone support");
  g_assert_cmpstr (qd_member_list_get_search (list), ==, "phone support");
  assert_list (list, "Zack Gone");
}

/* Keeps a copy of the list's ids up to date from ::items-changed alone,
 * as a GtkListView would, and records each signal. */
typedef struct
{
  GArray  *mirror;
  GString *log;
} Watcher;

static void
list_items_changed_cb (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       Watcher    *w)
{
  g_assert_cmpuint (position + removed, <=, w->mirror->len);
  g_array_remove_range (w->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(QdMember) member = g_list_model_get_item (model, position + i);
      gint64 id = qd_member_get_id (member);

      g_array_insert_val (w->mirror, position + i, id);
    }
  g_string_append_printf (w->log, "(%u,%u,%u)", position, removed, added);
}

static void
watcher_check (Watcher    *w,
               GListModel *model,
               const char *expected_log)
{
  g_assert_cmpuint (w->mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < w->mirror->len; i++)
    {
      g_autoptr(QdMember) member = g_list_model_get_item (model, i);
      g_assert_cmpint (g_array_index (w->mirror, gint64, i), ==, qd_member_get_id (member));
    }
  g_assert_cmpstr (w->log->str, ==, expected_log);
  g_string_truncate (w->log, 0);
}

static void
rename_member (Fixture    *f,
               gint64      id,
               const char *name)
{
  g_autoptr(QdMember) member = load (f, id);

  qd_member_set_name (member, name);
  save (f, member);
}

static void
test_list_items_changed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(QdMemberList) list = NULL;
  Watcher w = { g_array_new (FALSE, FALSE, sizeof (gint64)), g_string_new (NULL) };
  gint64 ana, dan;

  ana = add_person (f, "Ana", QD_MEMBER_LEVEL_AGENT, "", 0);
  add_person (f, "Bea", QD_MEMBER_LEVEL_AGENT, "", 0);
  dan = add_person (f, "Dan", QD_MEMBER_LEVEL_AGENT, "", 0);

  list = qd_member_list_new (f->roster);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(QdMember) member = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = qd_member_get_id (member);
      g_array_append_val (w.mirror, id);
    }
  g_signal_connect (list, "items-changed", G_CALLBACK (list_items_changed_cb), &w);

  /* Added between Bea and Dan. */
  add_person (f, "Carla", QD_MEMBER_LEVEL_AGENT, "", 0);
  watcher_check (&w, G_LIST_MODEL (list), "(2,0,1)");
  assert_list (list, "Ana, Bea, Carla, Dan");

  /* Renamed without moving: no rows change. */
  rename_member (f, ana, "Alba");
  watcher_check (&w, G_LIST_MODEL (list), "");
  assert_list (list, "Alba, Bea, Carla, Dan");

  /* Renamed into another place: only the rows in between change. */
  rename_member (f, dan, "Bob");
  watcher_check (&w, G_LIST_MODEL (list), "(2,2,2)");
  assert_list (list, "Alba, Bea, Bob, Carla");

  /* Removed, then back. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(QdRosterUndo) undo = qd_roster_delete_member (f->roster, ana, QD_REPORTS_REFUSE, &error);

    g_assert_no_error (error);
    watcher_check (&w, G_LIST_MODEL (list), "(0,1,0)");
    qd_roster_undo (f->roster, undo, &error);
    g_assert_no_error (error);
    watcher_check (&w, G_LIST_MODEL (list), "(0,0,1)");
  }

  /* Filtered down and back. */
  qd_member_list_set_search (list, "carla");
  watcher_check (&w, G_LIST_MODEL (list), "(0,3,0)");
  qd_member_list_set_search (list, NULL);
  watcher_check (&w, G_LIST_MODEL (list), "(0,0,3)");

  g_array_unref (w.mirror);
  g_string_free (w.log, TRUE);
}

static void
test_list_include_left (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(QdMemberList) list = NULL;
  Watcher w = { g_array_new (FALSE, FALSE, sizeof (gint64)), g_string_new (NULL) };
  guint notified = 0;
  Org o;

  build_org (f, &o);
  list = qd_member_list_new (f->roster);
  g_assert_false (qd_member_list_get_include_left (list));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(QdMember) member = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = qd_member_get_id (member);
      g_array_append_val (w.mirror, id);
    }
  g_signal_connect (list, "items-changed", G_CALLBACK (list_items_changed_cb), &w);
  g_signal_connect_swapped (list, "notify::include-left", G_CALLBACK (count_cb), &notified);

  g_assert_cmpuint (qd_member_list_find (list, o.zack), ==, G_MAXUINT);

  qd_member_list_set_include_left (list, TRUE);
  g_assert_cmpuint (notified, ==, 1);
  watcher_check (&w, G_LIST_MODEL (list), "(5,0,1)");
  assert_list (list, "Alan Agent, Bea Billing, Dora Director, Lena Lead, Mark Manager, Zack Gone");
  g_assert_cmpuint (qd_member_list_find (list, o.zack), ==, 5);

  /* Setting the same value again does nothing. */
  qd_member_list_set_include_left (list, TRUE);
  g_assert_cmpuint (notified, ==, 1);
  watcher_check (&w, G_LIST_MODEL (list), "");

  qd_member_list_set_include_left (list, FALSE);
  watcher_check (&w, G_LIST_MODEL (list), "(5,1,0)");
  assert_list (list, "Alan Agent, Bea Billing, Dora Director, Lena Lead, Mark Manager");

  /* Someone leaving drops out of the list. */
  set_status (f, o.alan, QD_MEMBER_STATUS_LEFT);
  watcher_check (&w, G_LIST_MODEL (list), "(0,1,0)");

  g_array_unref (w.mirror);
  g_string_free (w.log, TRUE);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_list_same_object (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(QdMemberList) list = NULL;
  g_autoptr(GString) notified = g_string_new (NULL);
  QdMember *held;
  QdMember *again;
  QdMember *edited;
  gint64 ana;
  guint pos;

  ana = add_person (f, "Ana Ruiz", QD_MEMBER_LEVEL_AGENT, "Tier 1", 0);
  add_person (f, "Luis Gil", QD_MEMBER_LEVEL_AGENT, "Tier 1", 0);
  list = qd_member_list_new (f->roster);

  pos = qd_member_list_find (list, ana);
  g_assert_cmpuint (pos, ==, 0);
  held = g_list_model_get_item (G_LIST_MODEL (list), pos);
  again = g_list_model_get_item (G_LIST_MODEL (list), pos);
  g_assert_true (held == again);
  g_object_unref (again);

  g_signal_connect (held, "notify", G_CALLBACK (count_notify_cb), notified);

  /* Edited through another object, as the detail pane does. */
  edited = load (f, ana);
  g_assert_true (edited != held);
  qd_member_set_name (edited, "Ana Ruiz Gil");
  qd_member_set_team (edited, "Billing");
  save (f, edited);
  g_object_unref (edited);

  g_assert_cmpstr (qd_member_get_name (held), ==, "Ana Ruiz Gil");
  g_assert_cmpstr (qd_member_get_team (held), ==, "Billing");
  /* Each once, in whatever order the notifications were thawed. */
  g_assert_cmpuint (notified->len, ==, strlen ("name;team;"));
  g_assert_nonnull (strstr (notified->str, "name;"));
  g_assert_nonnull (strstr (notified->str, "team;"));
  g_string_truncate (notified, 0);

  /* Still the same object in the same row. */
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (held == again);
  g_object_unref (again);

  /* A save that changes nothing notifies nothing. */
  edited = load (f, ana);
  save (f, edited);
  g_object_unref (edited);
  g_assert_cmpstr (notified->str, ==, "");

  /* Once let go, it is not handed out again, nor touched by a refresh. */
  g_signal_handlers_disconnect_by_func (held, count_notify_cb, notified);
  g_assert_finalize_object (held);
  rename_member (f, ana, "Ana R. Gil");
  held = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (qd_member_get_name (held), ==, "Ana R. Gil");
  g_assert_cmpint (qd_member_get_id (held), ==, ana);
  g_object_unref (held);

  /* The list can go before the members it handed out. */
  held = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_finalize_object (g_steal_pointer (&list));
  g_assert_cmpstr (qd_member_get_name (held), ==, "Luis Gil");
  g_assert_finalize_object (held);
}

/* ---- demo data ---- */

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 n;

  g_assert_true (qd_roster_fill_demo (f->roster, &error));
  g_assert_no_error (error);

  n = raw_int (f, "SELECT count(*) FROM members WHERE level = 'director'");
  g_assert_cmpint (n, ==, 1);
  n = raw_int (f, "SELECT count(*) FROM members WHERE level = 'manager'");
  g_assert_cmpint (n, >=, 2);
  g_assert_cmpint (n, <=, 3);
  n = raw_int (f, "SELECT count(*) FROM members WHERE level = 'team-lead'");
  g_assert_cmpint (n, >=, 4);
  g_assert_cmpint (n, <=, 6);
  n = raw_int (f, "SELECT count(*) FROM members WHERE level = 'agent'");
  g_assert_cmpint (n, >=, 25);
  g_assert_cmpint (n, <=, 40);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members WHERE status = 'on-leave'"), >, 0);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members WHERE status = 'left'"), >, 0);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM teams"), >=, 2);

  /* A believable organisation: only the director reports to nobody,
   * everyone else to someone one level or more above them. */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members WHERE reports_to IS NULL"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members m JOIN members b ON b.id = m.reports_to "
                               "WHERE (CASE b.level WHEN 'agent' THEN 0 WHEN 'team-lead' THEN 1 "
                               "WHEN 'manager' THEN 2 ELSE 3 END) <= "
                               "(CASE m.level WHEN 'agent' THEN 0 WHEN 'team-lead' THEN 1 "
                               "WHEN 'manager' THEN 2 ELSE 3 END)"), ==, 0);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members WHERE email NOT LIKE '%_@_%._%'"), ==, 0);
  g_assert_cmpint (qd_roster_count_members (f->roster, TRUE),
                   ==, raw_int (f, "SELECT count(*) FROM members"));

  before = dump_roster (f);
  g_assert_false (qd_roster_fill_demo (f->roster, &error));
  g_assert_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_NOT_EMPTY);
  after = dump_roster (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_demo_not_empty (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 gone;

  /* Even one person who left makes the database not empty. */
  gone = add_person (f, "Nora Gone", QD_MEMBER_LEVEL_AGENT, "", 0);
  set_status (f, gone, QD_MEMBER_STATUS_LEFT);

  g_assert_false (qd_roster_fill_demo (f->roster, &error));
  g_assert_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_NOT_EMPTY);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM members"), ==, 1);
}

/* ---- the leadership pipeline ---- */

static gint64
add_pipeline_person (Fixture        *f,
                     const char     *name,
                     QdMemberLevel   level,
                     gint64          reports_to,
                     QdMemberStatus  status,
                     QdReadiness     readiness)
{
  g_autoptr(QdMember) member = new_member (name, level, "", reports_to);

  qd_member_set_readiness (member, readiness);
  qd_member_set_status (member, status);
  return add (f, member);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* "Luis Gil, Ana Ruiz" → "Ana Ruiz, Luis Gil": the order is not part
 * of what the pipeline promises. */
static char *
sorted_names (const char *names)
{
  g_auto(GStrv) parts = g_strsplit (names, ", ", -1);

  qsort (parts, g_strv_length (parts), sizeof (char *), compare_strings);
  return g_strjoinv (", ", parts);
}

static void
test_pipeline (Fixture       *f,
               gconstpointer  data)
{
  static const struct
  {
    const char *leader;
    const char *level;
    guint       ready_now;
    const char *names;
  } expected[] = {
    { "Dina Director", "director", 1, "Mia Manager" },
    { "Max Manager", "manager", 1, "Tara Lead" },
    { "Mia Manager", "manager", 2, "Lara Lead, Lola Lead" },
    { "Mona Manager", "manager", 0, "" },
    { "Sol Manager", "manager", 0, "" },
    { "Lara Lead", "team-lead", 2, "Abe Agent, Amy Agent" },
    { "Lia Lead", "team-lead", 0, "" },
    { "Lola Lead", "team-lead", 0, "" },
    { "Tara Lead", "team-lead", 0, "" },
    { "Ted Lead", "team-lead", 1, "Ava Agent" },
  };
  g_autoptr(QdPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  gint64 dina, mia, max, lara, ted, abe, gone_lead;

  /* Dina directs Mia (ready now), Max (ready now, but on leave), Mona
   * (in 1–2 years); Ted, a team lead ready now, also reports straight
   * to Dina, two levels below her. */
  dina = add_pipeline_person (f, "Dina Director", QD_MEMBER_LEVEL_DIRECTOR, 0,
                              QD_MEMBER_STATUS_ACTIVE, QD_READINESS_NOT_YET);
  mia = add_pipeline_person (f, "Mia Manager", QD_MEMBER_LEVEL_MANAGER, dina,
                             QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW);
  max = add_pipeline_person (f, "Max Manager", QD_MEMBER_LEVEL_MANAGER, dina,
                             QD_MEMBER_STATUS_ON_LEAVE, QD_READINESS_READY_NOW);
  add_pipeline_person (f, "Mona Manager", QD_MEMBER_LEVEL_MANAGER, dina,
                              QD_MEMBER_STATUS_ACTIVE, QD_READINESS_ONE_TO_TWO_YEARS);
  ted = add_pipeline_person (f, "Ted Lead", QD_MEMBER_LEVEL_TEAM_LEAD, dina,
                             QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW);
  /* Mia manages Lara and Lola, both ready now, and Lia, who is not. */
  lara = add_pipeline_person (f, "Lara Lead", QD_MEMBER_LEVEL_TEAM_LEAD, mia,
                              QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW);
  add_pipeline_person (f, "Lola Lead", QD_MEMBER_LEVEL_TEAM_LEAD, mia,
                              QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW);
  add_pipeline_person (f, "Lia Lead", QD_MEMBER_LEVEL_TEAM_LEAD, mia,
                       QD_MEMBER_STATUS_ACTIVE, QD_READINESS_NOT_YET);
  gone_lead = add_pipeline_person (f, "Gus Lead", QD_MEMBER_LEVEL_TEAM_LEAD, mia,
                                   QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW);
  /* Max manages Tara (ready now). */
  add_pipeline_person (f, "Tara Lead", QD_MEMBER_LEVEL_TEAM_LEAD, max,
                              QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW);
  /* Lara leads Abe (ready now), Amy (ready now, through Abe, a senior
   * agent), Ann (ready now, but left) and Ari (not yet). */
  abe = add_pipeline_person (f, "Abe Agent", QD_MEMBER_LEVEL_AGENT, lara,
                             QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW);
  add_pipeline_person (f, "Amy Agent", QD_MEMBER_LEVEL_AGENT, abe,
                       QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW);
  set_status (f, add_pipeline_person (f, "Ann Agent", QD_MEMBER_LEVEL_AGENT, lara,
                                      QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW),
              QD_MEMBER_STATUS_LEFT);
  add_pipeline_person (f, "Ari Agent", QD_MEMBER_LEVEL_AGENT, lara,
                       QD_MEMBER_STATUS_ACTIVE, QD_READINESS_ONE_TO_TWO_YEARS);
  /* Ted leads Ava (ready now) and Bo (ready now, on leave). */
  add_pipeline_person (f, "Ava Agent", QD_MEMBER_LEVEL_AGENT, ted,
                       QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW);
  add_pipeline_person (f, "Bo Agent", QD_MEMBER_LEVEL_AGENT, ted,
                       QD_MEMBER_STATUS_ON_LEAVE, QD_READINESS_READY_NOW);
  /* Somebody ready now in nobody's line. */
  add_pipeline_person (f, "Sol Manager", QD_MEMBER_LEVEL_MANAGER, 0,
                       QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW);
  /* Gus, a team lead, left: he is no successor and no role to fill. */
  add_pipeline_person (f, "Gil Agent", QD_MEMBER_LEVEL_AGENT, gone_lead,
                       QD_MEMBER_STATUS_ACTIVE, QD_READINESS_READY_NOW);
  {
    g_autoptr(QdMember) gus = load (f, gone_lead);
    qd_member_set_status (gus, QD_MEMBER_STATUS_LEFT);
    save (f, gus);
  }

  pipeline = qd_roster_get_pipeline (f->roster, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pipeline);

  /* Those still with us, by level. */
  g_assert_cmpuint (pipeline->per_level[QD_MEMBER_LEVEL_DIRECTOR], ==, 1);
  g_assert_cmpuint (pipeline->per_level[QD_MEMBER_LEVEL_MANAGER], ==, 4);
  g_assert_cmpuint (pipeline->per_level[QD_MEMBER_LEVEL_TEAM_LEAD], ==, 5);
  g_assert_cmpuint (pipeline->per_level[QD_MEMBER_LEVEL_AGENT], ==, 6);
  g_assert_cmpuint (pipeline->goal, ==, 3);

  /* Every leader still with us, highest level first, then by name. */
  for (guint i = 0; i < pipeline->roles->len; i++)
    {
      QdPipelineRecord *role = g_ptr_array_index (pipeline->roles, i);
      g_autofree char *names = sorted_names (role->ready_now_names);

      g_test_message ("%s: %u (%s)", role->leader_name, role->ready_now, role->ready_now_names);
      g_assert_cmpuint (i, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (role->leader_name, ==, expected[i].leader);
      g_assert_cmpstr (role->level, ==, expected[i].level);
      g_assert_cmpuint (role->ready_now, ==, expected[i].ready_now);
      g_assert_cmpstr (names, ==, expected[i].names);
    }
  g_assert_cmpuint (pipeline->roles->len, ==, G_N_ELEMENTS (expected));
}

static void
test_successor_goal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QdPipeline) pipeline = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint changed = 0;

  g_assert_cmpuint (qd_roster_get_successor_goal (f->roster), ==, 3);
  g_signal_connect_swapped (f->roster, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_true (qd_roster_set_successor_goal (f->roster, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (qd_roster_get_successor_goal (f->roster), ==, 5);
  g_assert_cmpint (raw_int (f, "SELECT value FROM settings WHERE key = 'successor-goal'"), ==, 5);
  pipeline = qd_roster_get_pipeline (f->roster, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pipeline->goal, ==, 5);

  before = dump_roster (f);
  g_assert_false (qd_roster_set_successor_goal (f->roster, 0, &error));
  g_assert_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (qd_roster_set_successor_goal (f->roster, 21, &error));
  g_assert_error (error, QD_ROSTER_ERROR, QD_ROSTER_ERROR_INVALID);
  g_clear_error (&error);
  after = dump_roster (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (qd_roster_get_successor_goal (f->roster), ==, 5);

  /* The limits themselves are fine. */
  g_assert_true (qd_roster_set_successor_goal (f->roster, 1, NULL));
  g_assert_cmpuint (qd_roster_get_successor_goal (f->roster), ==, 1);
  g_assert_true (qd_roster_set_successor_goal (f->roster, 20, NULL));
  g_assert_cmpuint (qd_roster_get_successor_goal (f->roster), ==, 20);

  /* It travels with the file. */
  g_assert_cmpint (raw_int (f, "SELECT value FROM settings WHERE key = 'successor-goal'"), ==, 20);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/roster/add-save-delete-undo", test_add_save_delete_undo);
  ADD ("/roster/undo-after-new-member", test_undo_after_new_member);
  ADD ("/roster/reports-to/self", test_reports_to_self);
  ADD ("/roster/reports-to/own-line", test_reports_to_own_line);
  ADD ("/roster/reports-to/someone-who-left", test_reports_to_someone_who_left);
  ADD ("/roster/reports-to/missing", test_reports_to_missing);
  ADD ("/roster/delete/refuse", test_delete_refuse);
  ADD ("/roster/delete/only-former-reports", test_delete_only_former_reports);
  ADD ("/roster/delete/move-up", test_delete_move_up);
  ADD ("/roster/delete/unassign", test_delete_unassign);
  ADD ("/roster/undo/manager-gone", test_undo_manager_gone);
  ADD ("/roster/validation", test_validation);
  ADD ("/roster/list-leaders", test_list_leaders);
  ADD ("/roster/demo", test_demo);
  ADD ("/roster/demo-not-empty", test_demo_not_empty);
  ADD ("/roster/pipeline", test_pipeline);
  ADD ("/roster/successor-goal", test_successor_goal);
  ADD ("/member-list/sort", test_list_sort);
  ADD ("/member-list/search", test_list_search);
  ADD ("/member-list/include-left", test_list_include_left);
  ADD ("/member-list/items-changed", test_list_items_changed);
  ADD ("/member-list/same-object", test_list_same_object);

  return g_test_run ();
}
