/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qd-store.h"
#include "qd-store-members.h"
#include "qd-store-private.h"

/* Every test works in its own temporary folder, removed afterwards. */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("qd-test-store-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
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

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static char *
sibling (const char *path,
         const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Sorted names in @dir, for "nothing else was written here". */
static GStrv
list_dir (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv names;
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_strv_builder_add (builder, name);
  names = g_strv_builder_end (builder);
  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  return names;
}

/* What a file holds, byte for byte, and when it was last written. */
typedef struct
{
  GBytes *contents;
  gint64  size;
  gint64  mtime_ns;
  guint   mode;
} FileState;

static void
file_state_clear (FileState *state)
{
  g_clear_pointer (&state->contents, g_bytes_unref);
}

static void
file_state_take (FileState  *state,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  struct stat st;
  char *data = NULL;
  gsize len = 0;

  g_assert_cmpint (stat (path, &st), ==, 0);
  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);

  state->contents = g_bytes_new_take (data, len);
  state->size = st.st_size;
  state->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  state->mode = st.st_mode & 07777;
}

static void
assert_file_unchanged (const char      *path,
                       const FileState *before)
{
  FileState after = { 0 };

  file_state_take (&after, path);
  g_assert_cmpint (after.size, ==, before->size);
  g_assert_true (g_bytes_equal (after.contents, before->contents));
  g_assert_cmpint (after.mtime_ns, ==, before->mtime_ns);
  g_assert_cmpuint (after.mode, ==, before->mode);
  file_state_clear (&after);
}

static void
write_file (const char   *path,
            const void   *data,
            gsize         len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/* Plain SQLite, as another program (or an older Quarterdeck) sees the file. */

static sqlite3 *
raw_open (const char *path,
          gboolean    create)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc != SQLITE_OK)
    g_error ("Cannot open %s: %s", path, sqlite3_errstr (rc));
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, message);
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The first column of every row, one per line; "" for no rows. */
static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const unsigned char *text = sqlite3_column_text (stmt, 0);
      g_string_append_printf (out, "%s\n", text != NULL ? (const char *) text : "(null)");
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
raw_close (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

#define DUMP_MEMBERS \
  "SELECT quote (id) || '|' || quote (name) || '|' || quote (email) || '|' || quote (job_title) " \
  "|| '|' || quote (level) || '|' || quote (team_id) || '|' || quote (reports_to) || '|' " \
  "|| quote (hire_date) || '|' || quote (status) || '|' || quote (skills) || '|' || quote (notes) " \
  "|| '|' || quote (readiness) || '|' || quote (created_at) || '|' || quote (updated_at) " \
  "FROM members ORDER BY id"
#define DUMP_TEAMS "SELECT id || '|' || name FROM teams ORDER BY id"

static char *
fixture_sql (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "store", name, NULL);
  char *sql = NULL;

  g_file_get_contents (path, &sql, NULL, &error);
  g_assert_no_error (error);
  return sql;
}

/* Builds a schema-1 database the way Quarterdeck 0.1 left it. */
static void
build_schema1 (const char *path)
{
  g_autofree char *sql = fixture_sql ("schema1.sql");
  sqlite3 *db = raw_open (path, TRUE);

  raw_exec (db, sql);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, QD_STORE_APPLICATION_ID);
  raw_close (db);
}

static QdStore *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  QdStore *store = qd_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (QD_IS_STORE (store));
  return store;
}

static void
close_store (QdStore *store)
{
  g_assert_finalize_object (store);
}

static gint64
insert_member (QdStore    *store,
               const char *name,
               const char *team,
               gint64      reports_to)
{
  g_autoptr(GError) error = NULL;
  QdMemberRecord record = {
    .name = (char *) name,
    .email = (char *) "someone@example.com",
    .job_title = (char *) "Support Agent",
    .level = (char *) "agent",
    .team = (char *) team,
    .reports_to = reports_to,
    .hire_date = (char *) "2022-05-16",
    .status = (char *) "active",
    .skills = (char *) "Live chat",
    .notes = (char *) "",
    .readiness = (char *) "not-yet",
  };
  gint64 id = qd_store_insert_member (store, &record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ---- creating and reopening ---- */

static void
test_create_new_folder (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *top = g_build_filename (tmp, "data", NULL);
  g_autofree char *folder = g_build_filename (top, "quarterdeck", NULL);
  g_autofree char *path = g_build_filename (folder, "quarterdeck.db", NULL);
  g_autofree char *wal = sibling (path, "-wal");
  g_autofree char *shm = sibling (path, "-shm");
  g_autofree char *journal = NULL;
  g_autofree char *goal = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  QdMemberRecord orphan = { .name = (char *) "Nobody's Report", .reports_to = 424242 };
  const char *expected_names[] = { "quarterdeck.db", "quarterdeck.db-shm", "quarterdeck.db-wal", NULL };
  QdStore *store;
  sqlite3 *db;
  int latest = qd_store_get_latest_schema_version ();

  g_assert_false (g_file_test (top, G_FILE_TEST_EXISTS));
  g_assert_cmpint (latest, >=, 2);

  store = open_ok (path);
  g_assert_cmpstr (qd_store_get_path (store), ==, path);
  g_assert_cmpint (qd_store_get_schema_version (store), ==, latest);
  g_assert_null (qd_store_get_backup_path (store));

  /* Only the owner can enter the folders or read the file. */
  g_assert_cmpuint (file_mode (top), ==, 0700);
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (wal), ==, 0600);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (shm), ==, 0600);

  /* The connection's own safety settings. */
  db = _qd_store_get_db (store);
  g_assert_cmpint (raw_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (raw_int (db, "PRAGMA secure_delete"), ==, 1);
  g_assert_cmpint (raw_int (db, "PRAGMA synchronous"), ==, 2);   /* FULL */

  /* Foreign keys are enforced, not only declared. */
  g_assert_cmpint (qd_store_insert_member (store, &orphan, &error), ==, 0);
  g_assert_error (error, QD_STORE_ERROR, QD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  goal = qd_store_dup_setting (store, "successor-goal");
  g_assert_cmpstr (goal, ==, "3");

  /* What another program sees in the file while it is open. */
  db = raw_open (path, FALSE);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, latest);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, QD_STORE_APPLICATION_ID);
  journal = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal\n");
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM members"), ==, 0);
  raw_close (db);

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  names = list_dir (folder);
  g_assert_cmpstrv (names, expected_names);

  close_store (store);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  remove_tree (tmp);
}

static void
test_create_empty_file (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "empty.db", NULL);
  QdStore *store;
  sqlite3 *db;

  /* A 0-byte file is what "touch team.db" or a file manager leaves:
   * it is taken as a new database. */
  write_file (path, "", 0);
  g_chmod (path, 0644);

  store = open_ok (path);
  g_assert_cmpint (qd_store_get_schema_version (store), ==, qd_store_get_latest_schema_version ());
  g_assert_null (qd_store_get_backup_path (store));
  insert_member (store, "Ana Ruiz", "Tier 1", 0);
  close_store (store);

  g_assert_cmpuint (file_mode (path), ==, 0600);
  db = raw_open (path, FALSE);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, QD_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, qd_store_get_latest_schema_version ());
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM members WHERE name = 'Ana Ruiz'"), ==, 1);
  raw_close (db);

  remove_tree (tmp);
}

static void
test_reopen (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "quarterdeck.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *org = NULL;
  g_auto(GStrv) teams = NULL;
  QdMemberRecord record = { 0 };
  const char *expected_teams[] = { "Billing", "Tier 1", NULL };
  gint64 boss, ana, luis;
  QdStore *store;

  store = open_ok (path);
  boss = insert_member (store, "Marta Iglesias", "Tier 1", 0);
  ana = insert_member (store, "Ana Ruiz", "Tier 1", boss);
  luis = insert_member (store, "Luis Gil", "Billing", boss);
  qd_store_set_setting (store, "organisation", "Acme Support", &error);
  g_assert_no_error (error);
  close_store (store);

  store = open_ok (path);
  g_assert_null (qd_store_get_backup_path (store));
  g_assert_cmpint (qd_store_count_members (store, TRUE, &error), ==, 3);
  g_assert_no_error (error);

  qd_store_load_member (store, ana, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (record.id, ==, ana);
  g_assert_cmpstr (record.name, ==, "Ana Ruiz");
  g_assert_cmpstr (record.email, ==, "someone@example.com");
  g_assert_cmpstr (record.job_title, ==, "Support Agent");
  g_assert_cmpstr (record.level, ==, "agent");
  g_assert_cmpstr (record.team, ==, "Tier 1");
  g_assert_cmpint (record.reports_to, ==, boss);
  g_assert_cmpstr (record.reports_to_name, ==, "Marta Iglesias");
  g_assert_cmpstr (record.hire_date, ==, "2022-05-16");
  g_assert_cmpstr (record.status, ==, "active");
  g_assert_cmpstr (record.skills, ==, "Live chat");
  g_assert_cmpstr (record.readiness, ==, "not-yet");

  qd_store_load_member (store, boss, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_reports, ==, 2);
  qd_member_record_clear (&record);

  qd_store_load_member (store, luis, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record.team, ==, "Billing");
  qd_member_record_clear (&record);

  org = qd_store_dup_setting (store, "organisation");
  g_assert_cmpstr (org, ==, "Acme Support");
  teams = qd_store_list_team_names (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (teams, expected_teams);
  close_store (store);

  remove_tree (tmp);
}

/* ---- updating an older file ---- */

static void
test_migrate_schema1 (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "quarterdeck.db", NULL);
  g_autofree char *members_before = NULL;
  g_autofree char *teams_before = NULL;
  g_autofree char *text = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *backup_name = NULL;
  g_autoptr(GError) error = NULL;
  QdMemberRecord record = { 0 };
  g_autoptr(GArray) ids = NULL;
  QdMemberQuery query = { .search = "munoz", .include_left = TRUE };
  QdStore *store;
  sqlite3 *db;
  int latest = qd_store_get_latest_schema_version ();

  build_schema1 (path);
  db = raw_open (path, FALSE);
  members_before = raw_text (db, DUMP_MEMBERS);
  teams_before = raw_text (db, DUMP_TEAMS);
  raw_close (db);
  g_assert_nonnull (strstr (members_before, "'Ángela Muñoz'"));

  store = open_ok (path);
  g_assert_cmpint (qd_store_get_schema_version (store), ==, latest);

  /* A backup of the old file sits next to it. */
  g_assert_nonnull (qd_store_get_backup_path (store));
  backup = g_strdup (qd_store_get_backup_path (store));
  backup_dir = g_path_get_dirname (backup);
  backup_name = g_path_get_basename (backup);
  g_assert_cmpstr (backup_dir, ==, tmp);
  g_assert_true (g_pattern_match_simple ("quarterdeck.db.backup-*-schema1.db", backup_name));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (backup), ==, 0600);

  /* The members, their managers and teams came through, through the
   * store's own eyes … */
  qd_store_load_member (store, 3, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record.name, ==, "Ángela Muñoz");
  g_assert_cmpstr (record.email, ==, "angela.munoz@example.com");
  g_assert_cmpstr (record.team, ==, "Tier 1");
  g_assert_cmpint (record.reports_to, ==, 2);
  g_assert_cmpstr (record.reports_to_name, ==, "Tomás Herrera");
  g_assert_cmpstr (record.status, ==, "on-leave");
  g_assert_cmpstr (record.readiness, ==, "1-2-years");
  qd_store_load_member (store, 2, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record.notes, ==, "Wants to run the EMEA queue.");
  g_assert_cmpint (record.reports_to, ==, 1);
  g_assert_cmpuint (record.n_reports, ==, 1);
  qd_member_record_clear (&record);
  ids = qd_store_list_member_ids (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 3);
  text = qd_store_dup_setting (store, "successor-goal");
  g_assert_cmpstr (text, ==, "3");
  g_clear_pointer (&text, g_free);
  close_store (store);

  /* … and byte for byte in the file. */
  db = raw_open (path, FALSE);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, latest);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, QD_STORE_APPLICATION_ID);
  text = raw_text (db, DUMP_MEMBERS);
  g_assert_cmpstr (text, ==, members_before);
  g_clear_pointer (&text, g_free);
  text = raw_text (db, DUMP_TEAMS);
  g_assert_cmpstr (text, ==, teams_before);
  g_clear_pointer (&text, g_free);
  text = raw_text (db, "SELECT value FROM settings WHERE key = 'successor-goal'");
  g_assert_cmpstr (text, ==, "3\n");
  g_clear_pointer (&text, g_free);
  text = raw_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (text, ==, "ok\n");
  g_clear_pointer (&text, g_free);
  raw_close (db);

  /* The backup is the old database as it was: schema 1, same people,
   * no settings table. */
  db = raw_open (backup, FALSE);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, QD_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'settings'"), ==, 0);
  text = raw_text (db, DUMP_MEMBERS);
  g_assert_cmpstr (text, ==, members_before);
  g_clear_pointer (&text, g_free);
  text = raw_text (db, DUMP_TEAMS);
  g_assert_cmpstr (text, ==, teams_before);
  g_clear_pointer (&text, g_free);
  text = raw_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (text, ==, "ok\n");
  g_clear_pointer (&text, g_free);
  raw_close (db);

  /* Opening the updated file again needs no new backup. */
  store = open_ok (path);
  g_assert_null (qd_store_get_backup_path (store));
  close_store (store);

  remove_tree (tmp);
}

static guint
count_backups (const char *dir)
{
  g_auto(GStrv) names = list_dir (dir);
  guint n = 0;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_pattern_match_simple ("quarterdeck.db.backup-*-schema1.db", names[i]))
      n++;
  return n;
}

static void
test_migrate_keeps_three_backups (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "quarterdeck.db", NULL);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_free);
  const guint n_updates = 5;

  build_schema1 (path);

  for (guint i = 0; i < n_updates; i++)
    {
      QdStore *store;

      if (i > 0)
        {
          /* Back to schema 1, as if an older version had written it
           * again (a fresh copy, so that every later migration, not
           * only the settings table, has to run once more). */
          g_assert_cmpint (g_unlink (path), ==, 0);
          build_schema1 (path);
        }

      store = open_ok (path);
      g_assert_cmpint (qd_store_get_schema_version (store), ==, qd_store_get_latest_schema_version ());
      g_assert_nonnull (qd_store_get_backup_path (store));
      g_ptr_array_add (backups, g_strdup (qd_store_get_backup_path (store)));
      close_store (store);

      g_assert_cmpuint (count_backups (tmp), ==, MIN (i + 1, 3));
    }

  /* Every update wrote its own backup, and the newest three are kept. */
  for (guint i = 0; i < n_updates; i++)
    {
      const char *backup = g_ptr_array_index (backups, i);

      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (backup, !=, g_ptr_array_index (backups, j));
      g_assert_cmpint (g_file_test (backup, G_FILE_TEST_EXISTS), ==, i + 3 >= n_updates);
    }

  remove_tree (tmp);
}

/* ---- files that are refused, and left exactly as they were ---- */

static void
assert_open_refused (const char *path,
                     GQuark      domain,
                     int         code)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = sibling (path, "-wal");
  g_autofree char *shm = sibling (path, "-shm");
  g_auto(GStrv) names_before = list_dir (dir);
  g_auto(GStrv) names_after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  gboolean had_shm = g_file_test (shm, G_FILE_TEST_EXISTS);
  FileState before = { 0 };
  QdStore *store;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    file_state_take (&before, path);

  store = qd_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, domain, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("Refused with: %s", error->message);

  if (before.contents != NULL)
    assert_file_unchanged (path, &before);

  /* No journal, backup or other file appeared next to it. */
  g_assert_cmpint (g_file_test (wal, G_FILE_TEST_EXISTS), ==, had_wal);
  g_assert_cmpint (g_file_test (shm, G_FILE_TEST_EXISTS), ==, had_shm);
  names_after = list_dir (dir);
  g_assert_cmpstrv (names_after, names_before);

  file_state_clear (&before);
}

/* A Quarterdeck database with enough people in it to span many pages. */
static void
build_full_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  QdStore *store = open_ok (path);
  gint64 boss;

  qd_store_begin (store, &error);
  g_assert_no_error (error);
  boss = insert_member (store, "Marta Iglesias", "Leadership", 0);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Agent Number %u", i);
      insert_member (store, name, i % 2 ? "Tier 1" : "Tier 2", boss);
    }
  qd_store_commit (store, &error);
  g_assert_no_error (error);
  close_store (store);
}

static void
test_refuse_too_new (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "quarterdeck.db", NULL);
  g_autofree char *pragma = NULL;
  QdStore *store;
  sqlite3 *db;

  store = open_ok (path);
  insert_member (store, "Ana Ruiz", "Tier 1", 0);
  close_store (store);

  /* A newer Quarterdeck wrote it, in WAL mode as we do. */
  pragma = g_strdup_printf ("PRAGMA user_version = %d", qd_store_get_latest_schema_version () + 1);
  db = raw_open (path, FALSE);
  raw_exec (db, pragma);
  raw_close (db);

  assert_open_refused (path, QD_STORE_ERROR, QD_STORE_ERROR_TOO_NEW);
  /* Twice, in case the first attempt left something for the second. */
  assert_open_refused (path, QD_STORE_ERROR, QD_STORE_ERROR_TOO_NEW);

  db = raw_open (path, FALSE);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, qd_store_get_latest_schema_version () + 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM members WHERE name = 'Ana Ruiz'"), ==, 1);
  raw_close (db);

  remove_tree (tmp);
}

static void
test_reject_random_bytes (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "team.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240318);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  write_file (path, bytes, sizeof bytes);
  g_chmod (path, 0644);

  assert_open_refused (path, QD_STORE_ERROR, QD_STORE_ERROR_NOT_A_DATABASE);

  remove_tree (tmp);
}

static void
test_reject_truncated (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *full = g_build_filename (tmp, "full.db", NULL);
  g_autofree char *path = g_build_filename (tmp, "quarterdeck.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  gsize cuts[3];

  build_full_database (full);
  g_file_get_contents (full, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >=, 16 * 4096);

  /* Half of it on a page boundary, half of it in the middle of a page,
   * and only the header page left. */
  cuts[0] = len / 2 - (len / 2) % 4096;
  cuts[1] = len / 2 + 1234;
  cuts[2] = 4096;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_test_message ("Cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", cuts[i], len);
      write_file (path, data, cuts[i]);
      g_chmod (path, 0600);
      assert_open_refused (path, QD_STORE_ERROR, QD_STORE_ERROR_CORRUPT);
      g_unlink (path);
    }

  remove_tree (tmp);
}

static void
test_reject_text_file (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "agents.db", NULL);
  const char *text = "Name,Email,Team\nAna Ruiz,ana@example.com,Tier 1\n";

  write_file (path, text, strlen (text));
  g_chmod (path, 0644);

  assert_open_refused (path, QD_STORE_ERROR, QD_STORE_ERROR_NOT_A_DATABASE);

  remove_tree (tmp);
}

static void
test_reject_foreign (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *plain = g_build_filename (tmp, "notes.db", NULL);
  g_autofree char *other = g_build_filename (tmp, "other-app.db", NULL);
  g_autofree char *other_wal = g_build_filename (tmp, "other-wal.db", NULL);
  sqlite3 *db;

  /* No application id at all, but tables of its own. */
  db = raw_open (plain, TRUE);
  raw_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                "INSERT INTO notes (body) VALUES ('Buy milk');");
  raw_close (db);
  assert_open_refused (plain, QD_STORE_ERROR, QD_STORE_ERROR_FOREIGN);

  /* Another application's id, otherwise looking just like ours. */
  db = raw_open (other, TRUE);
  raw_exec (db, "PRAGMA application_id = 252006673;"
                "CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT);"
                "INSERT INTO members (name) VALUES ('Ana Ruiz');"
                "PRAGMA user_version = 1;");
  raw_close (db);
  assert_open_refused (other, QD_STORE_ERROR, QD_STORE_ERROR_FOREIGN);

  /* The same in WAL mode and without tables. */
  db = raw_open (other_wal, TRUE);
  raw_exec (db, "PRAGMA journal_mode = WAL; PRAGMA application_id = 42; PRAGMA user_version = 1;");
  raw_close (db);
  assert_open_refused (other_wal, QD_STORE_ERROR, QD_STORE_ERROR_FOREIGN);

  db = raw_open (plain, FALSE);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM notes"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  raw_close (db);

  remove_tree (tmp);
}

static void
test_reject_directory (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "quarterdeck.db", NULL);
  g_auto(GStrv) inside = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  assert_open_refused (path, QD_STORE_ERROR, QD_STORE_ERROR_NOT_A_DATABASE);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  inside = list_dir (path);
  g_assert_cmpuint (g_strv_length (inside), ==, 0);

  remove_tree (tmp);
}

/* Opens @path as a user who may read but not write it; returns 0 when
 * the store refused with QD_STORE_ERROR_ACCESS. When running as root,
 * which ignores file modes, this is done in a child process that drops
 * to an unprivileged user; 77 means that could not be arranged. */
static int
open_read_only_as_user (const char *path)
{
  pid_t pid;
  int status = 0;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      QdStore *store;

      if (getuid () == 0 &&
          (setgid (65534) != 0 || setuid (65534) != 0 || getuid () == 0))
        _exit (77);
      /* The folder must be reachable, or the test would only prove that. */
      if (g_access (path, R_OK) != 0)
        _exit (77);
      store = qd_store_open (path, &error);
      if (store != NULL)
        _exit (1);
      if (!g_error_matches (error, QD_STORE_ERROR, QD_STORE_ERROR_ACCESS))
        _exit (2);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_reject_read_only (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "quarterdeck.db", NULL);
  g_auto(GStrv) names_before = NULL;
  g_auto(GStrv) names_after = NULL;
  FileState before = { 0 };
  QdStore *store;
  int result;

  store = open_ok (path);
  insert_member (store, "Ana Ruiz", "Tier 1", 0);
  close_store (store);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  if (getuid () != 0)
    {
      assert_open_refused (path, QD_STORE_ERROR, QD_STORE_ERROR_ACCESS);
      remove_tree (tmp);
      return;
    }

  /* Root can write any file, whatever its mode: try as nobody. */
  g_chmod (tmp, 0755);
  names_before = list_dir (tmp);
  file_state_take (&before, path);
  result = open_read_only_as_user (path);
  if (result == 77)
    {
      g_test_skip ("Running as root, which ignores file modes, and no unprivileged user to try as");
    }
  else
    {
      g_assert_cmpint (result, ==, 0);
      assert_file_unchanged (path, &before);
      names_after = list_dir (tmp);
      g_assert_cmpstrv (names_after, names_before);
    }
  file_state_clear (&before);

  remove_tree (tmp);
}

/* ---- what goes in comes out ---- */

static void
test_hostile_text (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "quarterdeck.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  const char *bobby = "Robert'); DROP TABLE members;--";
  const char *team = "Tier 1\"; DELETE FROM teams; --";
  const char *notes = "50% of tickets_closed; \\'quoted\\' \"double\" \t tab\nsecond line";
  QdMemberRecord record = {
    .name = (char *) bobby,
    .email = (char *) "robert@example.com",
    .job_title = (char *) "' OR '1'='1",
    .level = (char *) "agent",
    .team = (char *) team,
    .notes = (char *) notes,
    .skills = (char *) "%_*?[]",
  };
  QdMemberRecord loaded = { 0 };
  QdMemberQuery query = { 0 };
  gint64 id, other;
  QdStore *store;
  sqlite3 *db;

  store = open_ok (path);
  other = insert_member (store, "Ana Ruiz", "Billing", 0);
  id = qd_store_insert_member (store, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  qd_store_load_member (store, id, &loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded.name, ==, bobby);
  g_assert_cmpstr (loaded.job_title, ==, "' OR '1'='1");
  g_assert_cmpstr (loaded.team, ==, team);
  g_assert_cmpstr (loaded.notes, ==, notes);
  g_assert_cmpstr (loaded.skills, ==, "%_*?[]");

  /* Found by its exact text, and the search is not a pattern. */
  g_assert_cmpint (qd_store_find_member_by_name (store, bobby, &error), ==, id);
  g_assert_no_error (error);
  query.search = "'); DROP TABLE";
  ids = qd_store_list_member_ids (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
  g_clear_pointer (&ids, g_array_unref);
  query.search = "%";
  ids = qd_store_list_member_ids (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
  g_clear_pointer (&ids, g_array_unref);

  /* Written back unchanged by an update, too. */
  qd_store_update_member (store, &loaded, &error);
  g_assert_no_error (error);
  qd_member_record_clear (&loaded);
  close_store (store);

  db = raw_open (path, FALSE);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM members"), ==, 2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM teams"), ==, 2);
  raw_close (db);

  store = open_ok (path);
  qd_store_load_member (store, id, &loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded.name, ==, bobby);
  g_assert_cmpstr (loaded.notes, ==, notes);
  qd_store_load_member (store, other, &loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded.name, ==, "Ana Ruiz");
  qd_member_record_clear (&loaded);
  close_store (store);

  remove_tree (tmp);
}

static GArray *
search (QdStore    *store,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  QdMemberQuery query = { .search = text, .include_left = TRUE };
  GArray *ids = qd_store_list_member_ids (store, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static void
assert_search (QdStore    *store,
               const char *text,
               gint64      expected)
{
  g_autoptr(GArray) ids = search (store, text);

  g_test_message ("Searching “%s”", text);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, expected);
}

static void
test_search_folding (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "quarterdeck.db", NULL);
  g_autoptr(GArray) ids = NULL;
  gint64 angela, munoz;
  QdStore *store;

  store = open_ok (path);
  angela = insert_member (store, "Ángela Ruiz", "Tier 1", 0);
  munoz = insert_member (store, "Diego Muñoz", "Tier 2", 0);
  insert_member (store, "Angelo Berti", "Billing", 0);
  insert_member (store, "Lena Fischer", "Billing", 0);

  assert_search (store, "angela", angela);
  assert_search (store, "ÁNGELA", angela);
  assert_search (store, "Ángela", angela);
  assert_search (store, "MUÑOZ", munoz);
  assert_search (store, "munoz", munoz);
  assert_search (store, "Muñoz", munoz);

  ids = search (store, "angel");
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);
  ids = search (store, "nobody here");
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  g_assert_cmpint (qd_store_find_member_by_name (store, "ANGELA RUIZ", NULL), ==, angela);
  g_assert_cmpint (qd_store_find_member_by_name (store, "diego munoz", NULL), ==, munoz);
  close_store (store);

  remove_tree (tmp);
}

static void
test_search_other_scripts (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "quarterdeck.db", NULL);
  g_autoptr(GArray) ids = NULL;
  gint64 wang, li, ivan, olga, dorde;
  QdStore *store;

  /* Letters without an ASCII spelling must not all look alike. */
  store = open_ok (path);
  wang = insert_member (store, "王伟", "Tier 2", 0);
  li = insert_member (store, "李娜", "Tier 2", 0);
  ivan = insert_member (store, "Иван Петров", "Tier 1", 0);
  olga = insert_member (store, "Ольга Смирнова", "Tier 1", 0);
  dorde = insert_member (store, "Đorđe Jović", "Billing", 0);

  assert_search (store, "王伟", wang);
  assert_search (store, "李", li);
  assert_search (store, "иван", ivan);
  assert_search (store, "ОЛЬГА", olga);
  assert_search (store, "đorđe", dorde);
  assert_search (store, "jovic", dorde);
  ids = search (store, "Анна");
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = search (store, "?");
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* An import matching agents by name finds the right one, or nobody. */
  g_assert_cmpint (qd_store_find_member_by_name (store, "王伟", NULL), ==, wang);
  g_assert_cmpint (qd_store_find_member_by_name (store, "李娜", NULL), ==, li);
  g_assert_cmpint (qd_store_find_member_by_name (store, "张伟", NULL), ==, 0);
  g_assert_cmpint (qd_store_find_member_by_name (store, "ИВАН ПЕТРОВ", NULL), ==, ivan);
  g_assert_cmpint (qd_store_find_member_by_name (store, "Петр Иванов", NULL), ==, 0);
  close_store (store);

  remove_tree (tmp);
}

/* ---- confidentiality ---- */

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i + strlen (needle) <= len; i++)
    if (memcmp (data + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

static void
test_secure_delete (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "quarterdeck.db", NULL);
  g_autofree char *wal = sibling (path, "-wal");
  g_autoptr(GError) error = NULL;
  const char *secret = "Performance plan: Zebulon-7731";
  QdMemberRecord record = {
    .name = (char *) "Zebulon Quist",
    .notes = (char *) secret,
  };
  QdStore *store;
  gint64 id;

  store = open_ok (path);
  insert_member (store, "Ana Ruiz", "Tier 1", 0);
  id = qd_store_insert_member (store, &record, &error);
  g_assert_no_error (error);
  close_store (store);

  /* The note is in the file, so its absence below means something. */
  g_assert_true (file_contains (path, secret));

  store = open_ok (path);
  qd_store_delete_member (store, id, &error);
  g_assert_no_error (error);
  close_store (store);

  g_assert_false (file_contains (path, secret));
  g_assert_false (file_contains (path, "Zebulon Quist"));
  g_assert_false (file_contains (wal, secret));

  remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create/new-folder", test_create_new_folder);
  g_test_add_func ("/store/create/empty-file", test_create_empty_file);
  g_test_add_func ("/store/reopen", test_reopen);
  g_test_add_func ("/store/migrate/schema1", test_migrate_schema1);
  g_test_add_func ("/store/migrate/keeps-three-backups", test_migrate_keeps_three_backups);
  g_test_add_func ("/store/refuse/too-new", test_refuse_too_new);
  g_test_add_func ("/store/refuse/random-bytes", test_reject_random_bytes);
  g_test_add_func ("/store/refuse/truncated", test_reject_truncated);
  g_test_add_func ("/store/refuse/text-file", test_reject_text_file);
  g_test_add_func ("/store/refuse/foreign", test_reject_foreign);
  g_test_add_func ("/store/refuse/directory", test_reject_directory);
  g_test_add_func ("/store/refuse/read-only", test_reject_read_only);
  g_test_add_func ("/store/members/hostile-text", test_hostile_text);
  g_test_add_func ("/store/members/search-folding", test_search_folding);
  g_test_add_func ("/store/members/search-other-scripts", test_search_other_scripts);
  g_test_add_func ("/store/secure-delete", test_secure_delete);

  return g_test_run ();
}
