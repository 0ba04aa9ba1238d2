/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-store"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "qd-store-private.h"

#define MIGRATIONS_PATH RESOURCE_BASE "/store/migrations/"
#define BACKUPS_KEPT 3
#define SQLITE_HEADER_SIZE 100

struct _QdStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *backup_path;
  GHashTable *statements;
  int         schema_version;
  guint       in_transaction : 1;
};

G_DEFINE_FINAL_TYPE (QdStore, qd_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (qd-store-error-quark, qd_store_error)

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static guint
migration_count (GError **error)
{
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  if (names == NULL)
    return 0;

  return g_strv_length (names);
}

int
qd_store_get_latest_schema_version (void)
{
  return (int) migration_count (NULL);
}

void
_qd_store_set_error (QdStore  *self,
                     int       rc,
                     GError  **error)
{
  const char *detail = self != NULL && self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_A_DATABASE,
                   _("The file is not a Quarterdeck database."));
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_CORRUPT,
                   _("The database file is damaged (%s). Restore it from a backup."), detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_BUSY,
                   _("The database is in use by another program. Close it and try again."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_ACCESS,
                   _("The database file cannot be opened for writing (%s)."), detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_ACCESS,
                   _("The disk is full, so the change could not be saved."));
      break;

    case SQLITE_IOERR:
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_ACCESS,
                   _("The database file could not be read or written (%s)."), detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_CONSTRAINT,
                   _("The change breaks a rule of the data (%s)."), detail);
      break;

    default:
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_FAILED,
                   _("The database reported an error: %s."), detail);
      break;
    }
}

sqlite3_stmt *
_qd_store_prepare (QdStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_qd_store_step_done (QdStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

void
_qd_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_qd_store_bind_id (sqlite3_stmt *stmt,
                   int           index,
                   gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
_qd_store_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

sqlite3 *
_qd_store_get_db (QdStore *self)
{
  return self->db;
}

/* The form of a text that searching compares: case-folded, with accents
 * taken off, so "angela" finds "Ángela". Letters with no ASCII spelling
 * (王, И, đ) stay as they are: turning them all into "?" would make
 * "王伟" equal to "李娜" and "Иван" find "Ольга". */
char *
_qd_store_fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *ascii = NULL;
      char letter[7];
      int len;

      if (c < 0x80)
        {
          g_string_append_c (out, (char) c);
          continue;
        }
      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;

      len = g_unichar_to_utf8 (c, letter);
      letter[len] = '\0';
      ascii = g_str_to_ascii (letter, "C");
      g_string_append (out, strchr (ascii, '?') == NULL ? ascii : letter);
    }

  return g_string_free (out, FALSE);
}

static void
fold_sql_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, _qd_store_fold (text), -1, g_free);
}

/* The key that sorts text in the user's language: computed once per row
 * when sorting, instead of once per comparison as a collation would. */
static void
sort_key_sql_func (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *valid = NULL;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  valid = g_utf8_make_valid (text, -1);
  sqlite3_result_text (context, g_utf8_collate_key (valid, -1), -1, g_free);
}

static int
locale_collate (void       *data,
                int         len_a,
                const void *a,
                int         len_b,
                const void *b)
{
  g_autofree char *valid_a = g_utf8_make_valid (a, len_a);
  g_autofree char *valid_b = g_utf8_make_valid (b, len_b);
  g_autofree char *key_a = g_utf8_collate_key (valid_a, -1);
  g_autofree char *key_b = g_utf8_collate_key (valid_b, -1);
  int cmp = strcmp (key_a, key_b);

  return cmp < 0 ? -1 : cmp > 0 ? 1 : 0;
}

/* Binds a number, or NULL for NaN (no value) and infinities. */
void
_qd_store_bind_real (sqlite3_stmt *stmt,
                     int           index,
                     double        value)
{
  if (isfinite (value))
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* A number column, NaN where it is NULL. */
double
_qd_store_column_real (sqlite3_stmt *stmt,
                       int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, column);
}

/* A text column, NULL where it is NULL (unlike _qd_store_column_dup()). */
char *
_qd_store_column_dup_nullable (sqlite3_stmt *stmt,
                               int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/* Empty texts are stored as NULL where the column means "none". */
const char *
_qd_store_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* Steps @stmt to the end, collecting the first column of every row. */
GArray *
_qd_store_collect_ids (QdStore       *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _qd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
exec_sql (QdStore     *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _qd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (QdStore     *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    _qd_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

/* Looks at the file's first bytes before SQLite touches it, so a file
 * that is not ours is refused without being changed in any way. */
static gboolean
check_file_header (const char   *path,
                   const GStatBuf *st,
                   GError      **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  g_autofree char *display = g_filename_display_name (path);
  guint32 page_size;
  guint32 page_count;
  guint32 app_id;
  gssize n_read;
  int fd;

  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a file."), display);
      return FALSE;
    }

  if (st->st_size == 0)
    return TRUE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_ACCESS,
                   _("“%s” cannot be opened: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = read (fd, header, sizeof header);
  close (fd);

  if (n_read < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Quarterdeck database."), display);
      return FALSE;
    }

  if (n_read < SQLITE_HEADER_SIZE)
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_CORRUPT,
                   _("“%s” is cut short: the database file is incomplete. Restore it from a backup."),
                   display);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged. Restore it from a backup."), display);
      return FALSE;
    }

  page_count = read_be32 (header + 28);
  if (st->st_size % page_size != 0 ||
      (read_be32 (header + 24) == read_be32 (header + 92) &&
       (guint64) page_count * page_size > (guint64) st->st_size))
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_CORRUPT,
                   _("“%s” is cut short: the database file is incomplete. Restore it from a backup."),
                   display);
      return FALSE;
    }

  app_id = read_be32 (header + 68);
  if (app_id != 0 && app_id != QD_STORE_APPLICATION_ID)
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another application, not of Quarterdeck."), display);
      return FALSE;
    }

  return TRUE;
}

static void
prune_backups (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".backup-", NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = NULL;
  const char *name;

  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (found, g_strdup (name));

  /* Names carry a sortable time stamp: oldest first. */
  g_ptr_array_sort (found, compare_names);

  for (guint i = 0; i + BACKUPS_KEPT < found->len; i++)
    {
      g_autofree char *victim = g_build_filename (dir, g_ptr_array_index (found, i), NULL);
      g_unlink (victim);
    }
}

static gboolean
write_backup (QdStore     *self,
              GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* Down to the microsecond, so that two updates within one second
   * (a retry after a failed migration) still get a backup each; the
   * fixed width keeps the names sorting oldest first. */
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S.%f");
  g_autofree char *target = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;
  int fd;

  target = g_strdup_printf ("%s.backup-%s-schema%d.db", self->path, stamp, self->schema_version);

  fd = g_open (target, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_ACCESS,
                   _("A backup could not be written before updating the database: %s."),
                   g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (target, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (copy);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
    }
  sqlite3_close (copy);

  if (rc != SQLITE_OK)
    {
      g_unlink (target);
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_ACCESS,
                   _("A backup could not be written before updating the database: %s."),
                   sqlite3_errstr (rc));
      return FALSE;
    }

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&target);
  prune_backups (self->path);
  return TRUE;
}

static gboolean
run_migrations (QdStore     *self,
                GError     **error)
{
  g_auto(GStrv) names = NULL;
  guint n;

  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  if (names == NULL)
    return FALSE;

  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_names);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *resource = NULL;
      g_autofree char *pragma = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      int number = (int) g_ascii_strtoll (names[i], NULL, 10);

      if (number != (int) i + 1)
        {
          g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_FAILED,
                       "Migration %s is out of sequence", names[i]);
          return FALSE;
        }
      if (number <= self->schema_version)
        continue;

      resource = g_strconcat (MIGRATIONS_PATH, names[i], NULL);
      bytes = g_resources_lookup_data (resource, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %d", number);

      if (!qd_store_begin (self, error))
        return FALSE;
      if (!exec_sql (self, sql, error) || !exec_sql (self, pragma, error))
        {
          qd_store_rollback (self);
          return FALSE;
        }
      if (!qd_store_commit (self, error))
        return FALSE;

      self->schema_version = number;
      g_debug ("Database updated to schema %d", number);
    }

  return TRUE;
}

static void
restrict_modes (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      if (g_file_test (file, G_FILE_TEST_EXISTS))
        g_chmod (file, 0600);
    }
}

static gboolean
open_database (QdStore     *self,
               gboolean     created,
               GError     **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  gint64 app_id = 0;
  gint64 user_version = 0;
  gint64 n_objects = 0;
  gboolean fresh;
  int latest;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      _qd_store_set_error (self, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_create_function (self->db, "qd_fold", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, fold_sql_func, NULL, NULL);
  sqlite3_create_function (self->db, "qd_sort_key", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sort_key_sql_func, NULL, NULL);
  sqlite3_create_collation (self->db, "qd_locale", SQLITE_UTF8, NULL, locale_collate);

  if (!exec_sql (self, "PRAGMA trusted_schema = OFF", error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &user_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  fresh = app_id == 0 && user_version == 0 && n_objects == 0;
  latest = qd_store_get_latest_schema_version ();

  if (!fresh && app_id != QD_STORE_APPLICATION_ID)
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another application, not of Quarterdeck."), display);
      return FALSE;
    }

  if (user_version > latest)
    {
      g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Quarterdeck. Update Quarterdeck to open it."),
                   display);
      return FALSE;
    }

  self->schema_version = (int) user_version;

  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error) ||
      !exec_sql (self, "PRAGMA secure_delete = ON", error) ||
      !exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
      !exec_sql (self, "PRAGMA synchronous = FULL", error))
    return FALSE;

  if (fresh)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d", QD_STORE_APPLICATION_ID);
      if (!exec_sql (self, pragma, error))
        return FALSE;
    }
  else if (self->schema_version < latest && !write_backup (self, error))
    return FALSE;

  if (!run_migrations (self, error))
    return FALSE;

  (void) created;
  return TRUE;
}

static void
qd_store_finalize (GObject *object)
{
  QdStore *self = (QdStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (qd_store_parent_class)->finalize (object);
}

static void
qd_store_class_init (QdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qd_store_finalize;
}

static void
qd_store_init (QdStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}

char *
qd_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "quarterdeck", "quarterdeck.db", NULL);
}

/**
 * qd_store_open:
 * @path: the database file; created when it does not exist
 * @error: return location for a #GError
 *
 * Opens or creates a Quarterdeck database, updating its schema (after a
 * backup) when it was written by an older version. A file that is not
 * a Quarterdeck database, is damaged or comes from a newer version is
 * refused and left as it was.
 */
QdStore *
qd_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(QdStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean created = FALSE;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (QD_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  dir = g_path_get_dirname (self->path);

  if (g_stat (self->path, &st) == 0)
    {
      if (!check_file_header (self->path, &st, error))
        return NULL;
      if (g_access (self->path, W_OK) != 0)
        {
          g_autofree char *display = g_filename_display_name (self->path);
          g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_ACCESS,
                       _("You do not have permission to change “%s”."), display);
          return NULL;
        }
    }
  else
    {
      int fd;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (dir);
          g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_ACCESS,
                       _("The folder “%s” cannot be created: %s."), display, g_strerror (saved_errno));
          return NULL;
        }

      fd = g_open (self->path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (self->path);
          g_set_error (error, QD_STORE_ERROR, QD_STORE_ERROR_ACCESS,
                       _("“%s” cannot be created: %s."), display, g_strerror (saved_errno));
          return NULL;
        }
      close (fd);
      created = TRUE;
    }

  if (!open_database (self, created, error))
    {
      if (self->db != NULL)
        {
          g_hash_table_remove_all (self->statements);
          sqlite3_close_v2 (self->db);
          self->db = NULL;
        }
      if (created)
        {
          g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
          g_unlink (self->path);
          g_unlink (wal);
          g_unlink (shm);
        }
      return NULL;
    }

  restrict_modes (self->path);
  return g_steal_pointer (&self);
}

const char *
qd_store_get_path (QdStore *self)
{
  g_return_val_if_fail (QD_IS_STORE (self), NULL);
  return self->path;
}

int
qd_store_get_schema_version (QdStore *self)
{
  g_return_val_if_fail (QD_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * qd_store_get_backup_path:
 *
 * Returns: (nullable): the backup written before the schema was updated
 * when the file was opened, or %NULL when none was needed.
 */
const char *
qd_store_get_backup_path (QdStore *self)
{
  g_return_val_if_fail (QD_IS_STORE (self), NULL);
  return self->backup_path;
}

gboolean
qd_store_begin (QdStore  *self,
                GError  **error)
{
  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
qd_store_commit (QdStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (QD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!exec_sql (self, "COMMIT", error))
    {
      qd_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

void
qd_store_rollback (QdStore *self)
{
  g_return_if_fail (QD_IS_STORE (self));

  if (!self->in_transaction)
    return;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

char *
qd_store_dup_setting (QdStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (QD_IS_STORE (self), NULL);

  stmt = _qd_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  _qd_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = _qd_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
qd_store_set_setting (QdStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QD_IS_STORE (self), FALSE);

  stmt = _qd_store_prepare (self,
                            "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    return FALSE;
  _qd_store_bind_text (stmt, 1, key);
  _qd_store_bind_text (stmt, 2, value);
  return _qd_store_step_done (self, stmt, error);
}
