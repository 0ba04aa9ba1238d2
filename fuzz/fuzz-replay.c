/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-replay"

#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

/*
 * Runs a libFuzzer target on saved inputs without libFuzzer, so the corpus
 * is replayed by `meson test` with any compiler. Each argument is a file or
 * a folder of files. A failing input aborts the program; the TAP lines say
 * which input was running.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gboolean
run_file (const char *path,
          guint      *n_run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      printf ("not ok %u - %s: %s\n", ++*n_run, path, error->message);
      return FALSE;
    }

  printf ("# %s\n", path);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
  printf ("ok %u - %s\n", ++*n_run, path);

  return TRUE;
}

/* g_ptr_array_sort passes pointers to the elements */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
run_path (const char *path,
          guint      *n_run)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  gboolean ok = TRUE;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return run_file (path, n_run);

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      printf ("not ok %u - %s: %s\n", ++*n_run, path, error->message);
      return FALSE;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);

  for (guint i = 0; i < names->len; i++)
    ok &= run_file (g_ptr_array_index (names, i), n_run);

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  gboolean ok = TRUE;
  guint n_run = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s CORPUS-FOLDER-OR-FILE…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    ok &= run_path (argv[i], &n_run);

  printf ("1..%u\n", n_run);

  if (n_run == 0)
    {
      fprintf (stderr, "No inputs found in the corpus\n");
      return 1;
    }

  return ok ? 0 : 1;
}
