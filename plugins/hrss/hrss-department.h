/* hrss-department.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

#define HRSS_MATTER_SOCIAL_INSURANCE "hrss.social-insurance"

#define HRSS_TYPE_DEPARTMENT (hrss_department_get_type ())

G_DECLARE_FINAL_TYPE (HrssDepartment, hrss_department, HRSS, DEPARTMENT, GObject)

G_END_DECLS
