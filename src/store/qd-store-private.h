/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "qd-store.h"

G_BEGIN_DECLS

sqlite3_stmt *_qd_store_prepare        (QdStore      *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      _qd_store_step_done      (QdStore      *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
void          _qd_store_set_error      (QdStore      *self,
                                        int           rc,
                                        GError      **error);
void          _qd_store_bind_text      (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);
void          _qd_store_bind_id        (sqlite3_stmt *stmt,
                                        int           index,
                                        gint64        id);
char         *_qd_store_column_dup     (sqlite3_stmt *stmt,
                                        int           column);
void          _qd_store_bind_real      (sqlite3_stmt *stmt,
                                        int           index,
                                        double        value);
double        _qd_store_column_real    (sqlite3_stmt *stmt,
                                        int           column);
char         *_qd_store_column_dup_nullable (sqlite3_stmt *stmt,
                                             int           column);
const char   *_qd_store_nonempty       (const char   *text);
GArray       *_qd_store_collect_ids    (QdStore      *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);

sqlite3      *_qd_store_get_db         (QdStore      *self);
char         *_qd_store_fold           (const char   *text);

G_END_DECLS
