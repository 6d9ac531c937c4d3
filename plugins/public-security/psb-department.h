/* psb-department.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

#define PSB_MATTER_SECURITY_REVIEW "public-security.security-review"

#define PSB_TYPE_DEPARTMENT (psb_department_get_type ())

G_DECLARE_FINAL_TYPE (PsbDepartment, psb_department, PSB, DEPARTMENT, GObject)

G_END_DECLS
