/* cs-wording.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib.h>

#include "cs-case.h"
#include "cs-matter.h"
#include "cs-outcome.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

CS_AVAILABLE_IN_ALL
char     *cs_wording_appeal_notice (void);
CS_AVAILABLE_IN_ALL
char     *cs_wording_legal_basis   (CsMatter    *matter,
                                    CsOutcome    outcome);
CS_AVAILABLE_IN_ALL
gboolean  cs_wording_standard      (CsCase      *kase,
                                    CsMatter    *matter,
                                    CsOutcome    outcome,
                                    const char  *reasons,
                                    char       **text,
                                    char       **legal_basis,
                                    GError     **error);

G_END_DECLS
