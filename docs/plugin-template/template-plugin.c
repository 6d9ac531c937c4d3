/* template-plugin.c
 *
 * Copyright 2026 Your agency
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpeas/peas.h>
#include <countersign.h>

#include "tmpl-department.h"

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

/* The one symbol the desk looks for: which type implements CsDepartment. */
G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  peas_object_module_register_extension_type (module, CS_TYPE_DEPARTMENT, TMPL_TYPE_DEPARTMENT);
}
