/* cs-cache-private.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cs-cache.h"

G_BEGIN_DECLS

/* The outbox shares the cache's database, so that a write and the case it
 * changes are stored under one lock. */
sqlite3    *_cs_cache_get_db          (CsCache      *self);
void        _cs_cache_lock            (CsCache      *self);
void        _cs_cache_unlock          (CsCache      *self);
gboolean    _cs_cache_exec            (CsCache      *self,
                                       const char   *sql,
                                       GError      **error);
void        _cs_cache_set_error       (CsCache      *self,
                                       GError      **error,
                                       const char   *doing);
/* A synced page, checked and read but not stored yet: reading runs
 * beside the storing of the page before (see cs-sync.c). */
typedef struct _CsParsedPage CsParsedPage;

CsParsedPage *_cs_parsed_page_new             (GBytes        *page,
                                               GError       **error);
void          _cs_parsed_page_free            (CsParsedPage  *parsed);
guint         _cs_parsed_page_get_count       (CsParsedPage  *parsed);
gint64        _cs_parsed_page_get_newest      (CsParsedPage  *parsed);
const char   *_cs_parsed_page_get_next_cursor (CsParsedPage  *parsed);
gboolean      _cs_cache_insert_parsed_pages   (CsCache              *self,
                                               CsParsedPage * const *pages,
                                               guint                 n_pages,
                                               const char           *meta_key,
                                               const char           *meta_value,
                                               GError              **error);

CsCache    *_cs_cache_new_at_version  (const char   *directory,
                                       int           version,
                                       GError      **error);

G_END_DECLS
