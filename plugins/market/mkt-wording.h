/* mkt-wording.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

gboolean mkt_word_food_business      (CsCase     *kase,
                                      CsMatter   *matter,
                                      CsOutcome   outcome,
                                      char      **text,
                                      char      **legal_basis,
                                      GError    **error);
gboolean mkt_word_industrial_product (CsCase     *kase,
                                      CsMatter   *matter,
                                      CsOutcome   outcome,
                                      char      **text,
                                      char      **legal_basis,
                                      GError    **error);

G_END_DECLS
