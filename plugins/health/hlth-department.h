/* hlth-department.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

#define HLTH_MATTER_RADIATION_WORKER "health.radiation-worker"
#define HLTH_MATTER_MARRIAGE_CHILDBEARING "health.marriage-childbearing"

#define HLTH_TYPE_DEPARTMENT (hlth_department_get_type ())

G_DECLARE_FINAL_TYPE (HlthDepartment, hlth_department, HLTH, DEPARTMENT, GObject)

G_END_DECLS
