/* cs-outbox-item-private.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-outbox-item.h"

G_BEGIN_DECLS

struct _CsOutboxItem
{
  GObject parent_instance;

  gint64 id;
  char *kind;
  char *case_id;
  char *idempotency_key;
  char *method;
  char *path;
  char *body;
  char *content_type;   /* (nullable) for body_bytes */
  GBytes *body_bytes;   /* (nullable) a body that is not JSON text */
  char *if_match;
  char *last_error;
  gint64 created_at;
  gint64 next_attempt_at;
  guint attempts;
  CsOutboxState state;
};

G_END_DECLS
