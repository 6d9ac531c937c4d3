/* cs-outbox.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Private to the desk and countersign-cli; not installed. */

#include <gio/gio.h>

#include "cs-cache.h"
#include "cs-client.h"
#include "cs-outbox-item.h"
#include "cs-outcome.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CsOutboxDrainFlags:
 * @CS_OUTBOX_DRAIN_NONE: send the items whose next attempt is due.
 * @CS_OUTBOX_DRAIN_NOW: send every pending item now, whatever its backoff
 *   says (the person asked for it).
 *
 * How to drain the outbox.
 */
typedef enum
{
  CS_OUTBOX_DRAIN_NONE = 0,
  CS_OUTBOX_DRAIN_NOW = 1 << 0,
} CsOutboxDrainFlags;

#define CS_TYPE_OUTBOX (cs_outbox_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsOutbox, cs_outbox, CS, OUTBOX, GObject)

CS_AVAILABLE_IN_ALL
CsOutbox     *cs_outbox_new                (CsCache             *cache);
CS_AVAILABLE_IN_ALL
CsOutboxItem *cs_outbox_enqueue            (CsOutbox            *self,
                                            const char          *kind,
                                            const char          *case_id,
                                            const char          *method,
                                            const char          *path,
                                            const char          *body,
                                            const char          *if_match,
                                            GError             **error);
CS_AVAILABLE_IN_ALL
CsOutboxItem *cs_outbox_enqueue_claim      (CsOutbox            *self,
                                            const char          *case_id,
                                            const char          *reason,
                                            GError             **error);
CS_AVAILABLE_IN_ALL
CsOutboxItem *cs_outbox_enqueue_release    (CsOutbox            *self,
                                            const char          *case_id,
                                            const char          *reason,
                                            GError             **error);
CS_AVAILABLE_IN_ALL
CsOutboxItem *cs_outbox_enqueue_assignment (CsOutbox            *self,
                                            const char          *department,
                                            const char * const  *case_ids,
                                            const char          *assignee,
                                            const char          *reason,
                                            GError             **error);
CS_AVAILABLE_IN_ALL
CsOutboxItem *cs_outbox_enqueue_substitution (CsOutbox          *self,
                                            const char          *department,
                                            const char          *absent,
                                            const char          *substitute,
                                            const GDate         *from,
                                            const GDate         *to,
                                            const char          *reason,
                                            GError             **error);
CS_AVAILABLE_IN_ALL
CsOutboxItem *cs_outbox_enqueue_review     (CsOutbox            *self,
                                            const char          *case_id,
                                            const char          *opinion,
                                            CsOutcome            proposed_outcome,
                                            gboolean             final,
                                            GPtrArray           *verdicts,
                                            GError             **error);
CS_AVAILABLE_IN_ALL
CsOutboxItem *cs_outbox_enqueue_decision   (CsOutbox            *self,
                                            const char          *case_id,
                                            const char          *if_match,
                                            GBytes              *payload,
                                            GBytes              *signature,
                                            GBytes              *document,
                                            GError             **error);
CS_AVAILABLE_IN_ALL
GPtrArray    *cs_outbox_list               (CsOutbox            *self,
                                            gboolean             include_sent,
                                            GError             **error);
CS_AVAILABLE_IN_ALL
guint         cs_outbox_count_pending      (CsOutbox            *self);
CS_AVAILABLE_IN_ALL
gint64        cs_outbox_get_next_attempt_at (CsOutbox           *self);
CS_AVAILABLE_IN_ALL
gboolean      cs_outbox_retry              (CsOutbox            *self,
                                            gint64               id,
                                            GError             **error);
CS_AVAILABLE_IN_ALL
gboolean      cs_outbox_discard            (CsOutbox            *self,
                                            gint64               id,
                                            GError             **error);
CS_AVAILABLE_IN_ALL
gint64        cs_outbox_backoff            (guint                attempts);
CS_AVAILABLE_IN_ALL
void          cs_outbox_drain_async        (CsOutbox            *self,
                                            CsClient            *client,
                                            CsOutboxDrainFlags   flags,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
CS_AVAILABLE_IN_ALL
gboolean      cs_outbox_drain_finish       (CsOutbox            *self,
                                            GAsyncResult        *result,
                                            guint               *out_sent,
                                            guint               *out_failed,
                                            GError             **error);

G_END_DECLS
