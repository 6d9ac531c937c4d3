/* hrss-checks.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

/* Form members of hrss.social-insurance, as the central API names them. */
#define HRSS_FIELD_EMPLOYER_NAME "employer_name"
#define HRSS_FIELD_BANK          "bank"
#define HRSS_FIELD_BANK_ACCOUNT  "bank_account"
#define HRSS_FIELD_EMPLOYEES     "employees"
#define HRSS_FIELD_INSURANCES    "insurance_types"

GStrv      hrss_missing_insurances     (JsonObject     *form);
gboolean   hrss_bank_account_is_valid  (const char     *account);
GPtrArray *hrss_check_social_insurance (CsCheckContext *context);

G_END_DECLS
