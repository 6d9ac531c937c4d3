/* fire-department.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

#define FIRE_MATTER_PRE_OPENING "fire.pre-opening"

#define FIRE_TYPE_DEPARTMENT (fire_department_get_type ())

G_DECLARE_FINAL_TYPE (FireDepartment, fire_department, FIRE, DEPARTMENT, GObject)

G_END_DECLS
