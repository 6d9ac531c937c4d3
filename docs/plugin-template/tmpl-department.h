/* tmpl-department.h
 *
 * Copyright 2026 Your agency
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

/* The matter of the central platform's catalogue this plugin handles. */
#define TMPL_MATTER "template.example"

#define TMPL_TYPE_DEPARTMENT (tmpl_department_get_type ())

G_DECLARE_FINAL_TYPE (TmplDepartment, tmpl_department, TMPL, DEPARTMENT, GObject)

G_END_DECLS
