/* cs-outcome.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CsOutcome:
 * @CS_OUTCOME_NONE: no outcome (yet).
 * @CS_OUTCOME_GRANT: 准予 — the licence is granted.
 * @CS_OUTCOME_DENY: 不予许可 — denied, with reasons, legal basis and the
 *   notice of the right to reconsideration or litigation.
 * @CS_OUTCOME_SUPPLEMENT: 补正通知 — a supplement notice naming every
 *   missing or faulty checklist item at once.
 * @CS_OUTCOME_NOT_ACCEPTED: 不予受理 — the application is not accepted.
 * @CS_OUTCOME_EXTENSION: 延期 — the statutory limit is extended once.
 * @CS_OUTCOME_SUSPENSION: 中止 — the clock stops for testing, inspection,
 *   expert review or a hearing.
 *
 * What a review proposes and a decision decides.
 */
typedef enum
{
  CS_OUTCOME_NONE,
  CS_OUTCOME_GRANT,
  CS_OUTCOME_DENY,
  CS_OUTCOME_SUPPLEMENT,
  CS_OUTCOME_NOT_ACCEPTED,
  CS_OUTCOME_EXTENSION,
  CS_OUTCOME_SUSPENSION,
} CsOutcome;

CS_AVAILABLE_IN_ALL
CsOutcome    cs_outcome_from_string (const char *text);
CS_AVAILABLE_IN_ALL
const char  *cs_outcome_to_string   (CsOutcome   outcome);
CS_AVAILABLE_IN_ALL
const char  *cs_outcome_get_label   (CsOutcome   outcome);

G_END_DECLS
