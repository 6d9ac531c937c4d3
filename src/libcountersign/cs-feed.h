/* cs-feed.h
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

#define CS_TYPE_FEED (cs_feed_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsFeed, cs_feed, CS, FEED, GObject)

CS_AVAILABLE_IN_ALL
CsFeed   *cs_feed_new         (CsClient *client,
                               CsCache  *cache);
CS_AVAILABLE_IN_ALL
void      cs_feed_start       (CsFeed   *self);
CS_AVAILABLE_IN_ALL
void      cs_feed_stop        (CsFeed   *self);
CS_AVAILABLE_IN_ALL
gboolean  cs_feed_get_online  (CsFeed   *self);
CS_AVAILABLE_IN_ALL
const GError *cs_feed_get_last_error (CsFeed *self);

G_END_DECLS
