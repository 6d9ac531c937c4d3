/* cs-cache.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Private to the desk and countersign-cli: plugins never talk SQL. The
 * header is not installed. */

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cs-calendar.h"
#include "cs-case.h"
#include "cs-matter.h"
#include "cs-user.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_CACHE (cs_cache_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsCache, cs_cache, CS, CACHE, GObject)

/**
 * CS_CACHE_SCHEMA_VERSION:
 *
 * The version of the cache's schema this library writes.
 */
#define CS_CACHE_SCHEMA_VERSION 3

/**
 * CS_CACHE_DEFAULT_MATERIAL_LIMIT:
 *
 * How many bytes of materials the cache keeps by default (1 GiB).
 */
#define CS_CACHE_DEFAULT_MATERIAL_LIMIT (G_GINT64_CONSTANT (1) << 30)

CS_AVAILABLE_IN_ALL
char       *cs_cache_account_dir          (const char   *data_dir,
                                           const char   *server_url,
                                           const char   *username);
CS_AVAILABLE_IN_ALL
CsCache    *cs_cache_new                  (const char   *directory,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
const char *cs_cache_get_directory        (CsCache      *self);
CS_AVAILABLE_IN_ALL
char       *cs_cache_dup_meta             (CsCache      *self,
                                           const char   *key);
CS_AVAILABLE_IN_ALL
gboolean    cs_cache_set_meta             (CsCache      *self,
                                           const char   *key,
                                           const char   *value,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
gboolean    cs_cache_store_user           (CsCache      *self,
                                           CsUser       *user,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
CsUser     *cs_cache_load_user            (CsCache      *self,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
gboolean    cs_cache_store_matters        (CsCache      *self,
                                           JsonNode     *matters,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
GListModel *cs_cache_load_matters         (CsCache      *self,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
gboolean    cs_cache_store_calendar       (CsCache      *self,
                                           JsonNode     *calendar,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
CsCalendar *cs_cache_load_calendar        (CsCache      *self,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
gboolean    cs_cache_store_cases          (CsCache      *self,
                                           GPtrArray    *cases,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
gboolean    cs_cache_store_case_page      (CsCache      *self,
                                           GBytes       *page,
                                           guint        *out_count,
                                           gint64       *out_newest,
                                           char        **out_next_cursor,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
gboolean    cs_cache_store_case           (CsCache      *self,
                                           CsCase       *kase,
                                           const char   *etag,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
CsCase     *cs_cache_load_case            (CsCache      *self,
                                           const char   *case_id,
                                           char        **out_etag,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
GPtrArray  *cs_cache_load_cases           (CsCache      *self,
                                           const char   *status,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
gint64      cs_cache_count_cases          (CsCache      *self);
CS_AVAILABLE_IN_ALL
void        cs_cache_set_material_limit   (CsCache      *self,
                                           gint64        bytes);
CS_AVAILABLE_IN_ALL
GFile      *cs_cache_lookup_material      (CsCache      *self,
                                           const char   *sha256);
CS_AVAILABLE_IN_ALL
GFile      *cs_cache_get_partial_file     (CsCache      *self,
                                           const char   *sha256);
CS_AVAILABLE_IN_ALL
GFile      *cs_cache_commit_material      (CsCache      *self,
                                           const char   *sha256,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
gint64      cs_cache_get_material_bytes   (CsCache      *self);

G_END_DECLS
