/* broken-check.c — a department plugin that loads and then fails: its
 * checks return an error, its panel is a widget it keeps, its wording is
 * empty. The desk must disable it and go on.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libpeas/peas.h>
#include <countersign.h>

#define BROKEN_TYPE_DEPARTMENT (broken_department_get_type ())
G_DECLARE_FINAL_TYPE (BrokenDepartment, broken_department, BROKEN, DEPARTMENT, GObject)

struct _BrokenDepartment
{
  GObject parent_instance;
  GtkWidget *kept;
};

static void broken_department_iface_init (CsDepartmentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BrokenDepartment, broken_department, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_DEPARTMENT,
                                                      broken_department_iface_init))

static const char * const matters[] = { "health.test-only", NULL };

static const char *
broken_get_code (CsDepartment *department)
{
  return "health";
}

static const char * const *
broken_get_matter_codes (CsDepartment *department)
{
  return matters;
}

static GtkWidget *
broken_create_case_panel (CsDepartment *department,
                          CsCase       *kase,
                          CsMatter     *matter)
{
  BrokenDepartment *self = BROKEN_DEPARTMENT (department);

  if (self->kept == NULL)
    self->kept = g_object_ref_sink (gtk_label_new ("mine"));
  return self->kept;
}

static GPtrArray *
broken_check_case (CsDepartment    *department,
                   CsCheckContext  *context,
                   GError         **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "The rules table is missing.");
  return NULL;
}

static gboolean
broken_get_wording (CsDepartment  *department,
                    CsCase        *kase,
                    CsMatter      *matter,
                    CsOutcome      outcome,
                    char         **text,
                    char         **legal_basis,
                    GError       **error)
{
  *text = g_strdup ("");
  return TRUE;
}

static void
broken_department_iface_init (CsDepartmentInterface *iface)
{
  iface->get_code = broken_get_code;
  iface->get_matter_codes = broken_get_matter_codes;
  iface->create_case_panel = broken_create_case_panel;
  iface->check_case = broken_check_case;
  iface->get_wording = broken_get_wording;
}

static void
broken_department_dispose (GObject *object)
{
  g_clear_object (&BROKEN_DEPARTMENT (object)->kept);
  G_OBJECT_CLASS (broken_department_parent_class)->dispose (object);
}

static void
broken_department_class_init (BrokenDepartmentClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = broken_department_dispose;
}

static void
broken_department_init (BrokenDepartment *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  peas_object_module_register_extension_type (module, CS_TYPE_DEPARTMENT,
                                              BROKEN_TYPE_DEPARTMENT);
}
