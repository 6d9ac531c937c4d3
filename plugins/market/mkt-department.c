/* mkt-department.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "MktDepartment"

#include "config.h"

#include "mkt-checks.h"
#include "mkt-department.h"
#include "mkt-food-panel.h"
#include "mkt-product-panel.h"
#include "mkt-wording.h"

/* The market regulation administration (市场监督管理局): food business
 * licences (食品经营许可), and industrial product production licences
 * (工业产品生产许可证核发), which it leads as a parallel approval with the
 * fire brigade and the public security bureau. */
struct _MktDepartment
{
  GObject parent_instance;
};

static void department_iface_init (CsDepartmentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MktDepartment, mkt_department, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_DEPARTMENT, department_iface_init))

static const char * const matter_codes[] = {
  MKT_MATTER_FOOD_BUSINESS,
  MKT_MATTER_INDUSTRIAL_PRODUCT,
  NULL
};

static const char *
mkt_department_get_code (CsDepartment *department)
{
  return "market";
}

static const char * const *
mkt_department_get_matter_codes (CsDepartment *department)
{
  return matter_codes;
}

static GtkWidget *
mkt_department_create_case_panel (CsDepartment *department,
                                  CsCase       *kase,
                                  CsMatter     *matter)
{
  const char *code = cs_matter_get_code (matter);

  if (g_str_equal (code, MKT_MATTER_FOOD_BUSINESS))
    return mkt_food_panel_new (kase);
  if (g_str_equal (code, MKT_MATTER_INDUSTRIAL_PRODUCT))
    return mkt_product_panel_new (kase);
  return NULL;
}

static GPtrArray *
mkt_department_check_case (CsDepartment    *department,
                           CsCheckContext  *context,
                           GError         **error)
{
  const char *code = cs_matter_get_code (cs_check_context_get_matter (context));

  if (g_str_equal (code, MKT_MATTER_FOOD_BUSINESS))
    return mkt_check_food_business (context);
  if (g_str_equal (code, MKT_MATTER_INDUSTRIAL_PRODUCT))
    return mkt_check_industrial_product (context);
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
mkt_department_get_wording (CsDepartment  *department,
                            CsCase        *kase,
                            CsMatter      *matter,
                            CsOutcome      outcome,
                            char         **text,
                            char         **legal_basis,
                            GError       **error)
{
  const char *code = cs_matter_get_code (matter);

  if (g_str_equal (code, MKT_MATTER_FOOD_BUSINESS))
    return mkt_word_food_business (kase, matter, outcome, text, legal_basis, error);
  if (g_str_equal (code, MKT_MATTER_INDUSTRIAL_PRODUCT))
    return mkt_word_industrial_product (kase, matter, outcome, text, legal_basis, error);
  return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);
}

static void
department_iface_init (CsDepartmentInterface *iface)
{
  iface->get_code = mkt_department_get_code;
  iface->get_matter_codes = mkt_department_get_matter_codes;
  iface->create_case_panel = mkt_department_create_case_panel;
  iface->check_case = mkt_department_check_case;
  iface->get_wording = mkt_department_get_wording;
}

static void
mkt_department_class_init (MktDepartmentClass *klass)
{
}

static void
mkt_department_init (MktDepartment *self)
{
}
