/* frst-department.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

#define FRST_MATTER_TIMBER_LOGGING "forestry.timber-logging"

#define FRST_TYPE_DEPARTMENT (frst_department_get_type ())

G_DECLARE_FINAL_TYPE (FrstDepartment, frst_department, FRST, DEPARTMENT, GObject)

G_END_DECLS
