/* hlth-marriage.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

/* Form members of health.marriage-childbearing, as the central API names
 * them. */
#define HLTH_FIELD_MARITAL_STATUS     "marital_status"
#define HLTH_FIELD_CHILDREN           "children"
#define HLTH_FIELD_HOUSEHOLD_REGISTER "household_register"
#define HLTH_FIELD_CURRENT_ADDRESS    "current_address"
#define HLTH_FIELD_PURPOSE            "purpose"

/* As the forms write them. */
#define HLTH_MARRIED "已婚"

guint      hlth_legal_marriage_age         (const char     *id_number);
GPtrArray *hlth_check_marriage_childbearing (CsCheckContext *context);
gboolean   hlth_word_marriage_childbearing  (CsCase         *kase,
                                             CsMatter       *matter,
                                             CsOutcome       outcome,
                                             char          **text,
                                             char          **legal_basis,
                                             GError        **error);

G_END_DECLS
