/* mkt-checks.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

/* Form members of market.food-business, as the central API names them. */
#define MKT_FIELD_BUSINESS_NAME "business_name"
#define MKT_FIELD_PREMISES      "premises"
#define MKT_FIELD_OPERATOR_TYPE "operator_type"
#define MKT_FIELD_ITEMS         "items"
#define MKT_FIELD_AREA          "area_m2"
#define MKT_FIELD_SAFETY_MANAGER "food_safety_manager"

/* Form members of market.industrial-product. */
#define MKT_FIELD_PRODUCT            "product"
#define MKT_FIELD_PRODUCTION_ADDRESS "production_address"
#define MKT_FIELD_EMPLOYEES          "employees"
#define MKT_FIELD_PLANT_AREA         "plant_area_m2"
#define MKT_FIELD_CAPACITY           "annual_capacity"
#define MKT_FIELD_HAZARDOUS          "storage_of_hazardous_materials"

/* A food seller (食品销售经营者) sells; making food (…制售) is catering. */
#define MKT_OPERATOR_SELLER "食品销售经营者"

CsCasePart *mkt_find_part               (CsCase         *kase,
                                         const char     *matter_code);
char       *mkt_parts_refused           (CsCase         *kase,
                                         CsMatter       *matter);
GPtrArray  *mkt_check_food_business     (CsCheckContext *context);
GPtrArray  *mkt_check_industrial_product (CsCheckContext *context);

G_END_DECLS
