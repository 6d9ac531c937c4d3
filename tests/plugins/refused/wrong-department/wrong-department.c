/* wrong-department.c — a test plugin whose .plugin file names another
 * department than the one it implements: the desk must refuse it.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpeas/peas.h>
#include <countersign.h>

#define WRONG_TYPE_DEPARTMENT (wrong_department_get_type ())
G_DECLARE_FINAL_TYPE (WrongDepartment, wrong_department, WRONG, DEPARTMENT, GObject)

struct _WrongDepartment
{
  GObject parent_instance;
};

static void wrong_department_iface_init (CsDepartmentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WrongDepartment, wrong_department, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_DEPARTMENT,
                                                      wrong_department_iface_init))

static const char * const matters[] = { "health.test-wrong-department", NULL };

static const char *
wrong_get_code (CsDepartment *department)
{
  return "health";
}

static const char * const *
wrong_get_matter_codes (CsDepartment *department)
{
  return matters;
}

static gboolean
wrong_get_wording (CsDepartment  *department,
                   CsCase        *kase,
                   CsMatter      *matter,
                   CsOutcome      outcome,
                   char         **text,
                   char         **legal_basis,
                   GError       **error)
{
  return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);
}

static void
wrong_department_iface_init (CsDepartmentInterface *iface)
{
  iface->get_code = wrong_get_code;
  iface->get_matter_codes = wrong_get_matter_codes;
  iface->get_wording = wrong_get_wording;
}

static void
wrong_department_class_init (WrongDepartmentClass *klass)
{
}

static void
wrong_department_init (WrongDepartment *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  peas_object_module_register_extension_type (module, CS_TYPE_DEPARTMENT, WRONG_TYPE_DEPARTMENT);
}
