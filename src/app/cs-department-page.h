/* cs-department-page.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-session.h"

G_BEGIN_DECLS

#define CS_TYPE_DEPARTMENT_PAGE (cs_department_page_get_type ())

G_DECLARE_FINAL_TYPE (CsDepartmentPage, cs_department_page, CS, DEPARTMENT_PAGE, AdwBin)

CsDepartmentPage *cs_department_page_new     (CsSession        *session);
void              cs_department_page_reload  (CsDepartmentPage *self);

G_END_DECLS
