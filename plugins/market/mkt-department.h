/* mkt-department.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

#define MKT_MATTER_FOOD_BUSINESS "market.food-business"
#define MKT_MATTER_INDUSTRIAL_PRODUCT "market.industrial-product"

#define MKT_TYPE_DEPARTMENT (mkt_department_get_type ())

G_DECLARE_FINAL_TYPE (MktDepartment, mkt_department, MKT, DEPARTMENT, GObject)

G_END_DECLS
