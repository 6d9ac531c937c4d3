/* countersign.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COUNTERSIGN_INSIDE
# include "cs-version.h"
# include "cs-version-macros.h"
# include "cs-applicant.h"
# include "cs-calendar.h"
# include "cs-case.h"
# include "cs-case-part.h"
# include "cs-case-status.h"
# include "cs-check-context.h"
# include "cs-checklist-item.h"
# include "cs-decision.h"
# include "cs-department.h"
# include "cs-enum-types.h"
# include "cs-error.h"
# include "cs-event.h"
# include "cs-finding.h"
# include "cs-form.h"
# include "cs-standard-checks.h"
# include "cs-legal-clock.h"
# include "cs-material.h"
# include "cs-matter.h"
# include "cs-outcome.h"
# include "cs-review.h"
# include "cs-user.h"
# include "cs-verdict.h"
# include "cs-validate.h"
# include "cs-wording.h"
#undef COUNTERSIGN_INSIDE

G_END_DECLS
