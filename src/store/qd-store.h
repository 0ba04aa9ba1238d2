/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QD_STORE_ERROR (qd_store_error_quark ())

typedef enum
{
  QD_STORE_ERROR_FAILED,
  QD_STORE_ERROR_NOT_A_DATABASE,
  QD_STORE_ERROR_CORRUPT,
  QD_STORE_ERROR_FOREIGN,
  QD_STORE_ERROR_TOO_NEW,
  QD_STORE_ERROR_ACCESS,
  QD_STORE_ERROR_BUSY,
  QD_STORE_ERROR_CONSTRAINT,
  QD_STORE_ERROR_NOT_FOUND,
} QdStoreError;

/* "QDCK": marks a SQLite file as a Quarterdeck database. */
#define QD_STORE_APPLICATION_ID 0x5144434B

#define QD_TYPE_STORE (qd_store_get_type ())

G_DECLARE_FINAL_TYPE (QdStore, qd_store, QD, STORE, GObject)

GQuark      qd_store_error_quark                (void);

char       *qd_store_dup_default_path           (void);
QdStore    *qd_store_open                       (const char  *path,
                                                 GError     **error);
const char *qd_store_get_path                   (QdStore     *self);
int         qd_store_get_schema_version         (QdStore     *self);
int         qd_store_get_latest_schema_version  (void);
const char *qd_store_get_backup_path            (QdStore     *self);

gboolean    qd_store_begin                      (QdStore     *self,
                                                 GError     **error);
gboolean    qd_store_commit                     (QdStore     *self,
                                                 GError     **error);
void        qd_store_rollback                   (QdStore     *self);

char       *qd_store_dup_setting                (QdStore     *self,
                                                 const char  *key);
gboolean    qd_store_set_setting                (QdStore     *self,
                                                 const char  *key,
                                                 const char  *value,
                                                 GError     **error);

G_END_DECLS
