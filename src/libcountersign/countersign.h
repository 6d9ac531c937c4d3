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
# include "cs-calendar.h"
# include "cs-validate.h"
#undef COUNTERSIGN_INSIDE

G_END_DECLS
