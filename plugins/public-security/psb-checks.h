/* psb-checks.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

/* The lead's form of the parallel approval: the plant of an industrial
 * product production licence, as the central API names its members. */
#define PSB_FIELD_PRODUCT            "product"
#define PSB_FIELD_PRODUCTION_ADDRESS "production_address"
#define PSB_FIELD_EMPLOYEES          "employees"
#define PSB_FIELD_HAZARDOUS          "storage_of_hazardous_materials"

gboolean   psb_stores_hazardous      (JsonObject     *form);
GPtrArray *psb_check_security_review (CsCheckContext *context);

G_END_DECLS
