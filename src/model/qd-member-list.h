/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qd-roster.h"

G_BEGIN_DECLS

#define QD_TYPE_MEMBER_LIST (qd_member_list_get_type ())

G_DECLARE_FINAL_TYPE (QdMemberList, qd_member_list, QD, MEMBER_LIST, GObject)

QdMemberList *qd_member_list_new              (QdRoster      *roster);
QdRoster     *qd_member_list_get_roster       (QdMemberList  *self);
const char   *qd_member_list_get_search       (QdMemberList  *self);
void          qd_member_list_set_search       (QdMemberList  *self,
                                               const char    *search);
gboolean      qd_member_list_get_include_left (QdMemberList  *self);
void          qd_member_list_set_include_left (QdMemberList  *self,
                                               gboolean       include_left);
void          qd_member_list_set_sort         (QdMemberList  *self,
                                               QdMemberSort   sort,
                                               gboolean       descending);
QdMemberSort  qd_member_list_get_sort         (QdMemberList  *self,
                                               gboolean      *descending);
guint         qd_member_list_find             (QdMemberList  *self,
                                               gint64         id);
void          qd_member_list_refresh          (QdMemberList  *self);

G_END_DECLS
