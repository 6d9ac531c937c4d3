/* cs-sync.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Private to the desk and countersign-cli; not installed. */

#include <gio/gio.h>

#include "cs-cache.h"
#include "cs-client.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CsSyncFlags:
 * @CS_SYNC_NONE: cases changed since the last sync, plus catalogue and
 *   calendar.
 * @CS_SYNC_FULL: every case, as for a new cache.
 * @CS_SYNC_CASES_ONLY: the cases alone.
 *
 * What a sync fetches.
 */
typedef enum
{
  CS_SYNC_NONE = 0,
  CS_SYNC_FULL = 1 << 0,
  CS_SYNC_CASES_ONLY = 1 << 1,
} CsSyncFlags;

CS_AVAILABLE_IN_ALL
void      cs_sync_async   (CsClient             *client,
                           CsCache              *cache,
                           CsSyncFlags           flags,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data);
CS_AVAILABLE_IN_ALL
gboolean  cs_sync_finish  (GAsyncResult         *result,
                           guint                *out_fetched,
                           GError              **error);

/* For the tests: pages of @size cases for the syncs started after (0: the
 * default, 500), so that a demo centre's cases take many pages. */
void      _cs_sync_set_page_size (guint size);

G_END_DECLS
