/* fire-wording.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

gboolean fire_word_pre_opening (CsCase     *kase,
                                CsMatter   *matter,
                                CsOutcome   outcome,
                                char      **text,
                                char      **legal_basis,
                                GError    **error);

G_END_DECLS
