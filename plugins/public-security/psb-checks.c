/* psb-checks.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "PsbChecks"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "psb-checks.h"

/* The pre-checks of an enterprise's internal security review (企业内部治安
 * 保卫审查), per the Regulations on the Internal Security of Enterprises
 * and Institutions (企业事业单位内部治安保卫条例): the enterprise has
 * security rules and measures (Art. 6), names its key parts (重要部位)
 * and guards them (Art. 13, 14); what stores hazardous materials is such a
 * part. */

gboolean
psb_stores_hazardous (JsonObject *form)
{
  gboolean hazardous = FALSE;

  return cs_form_get_boolean (form, PSB_FIELD_HAZARDOUS, &hazardous) && hazardous;
}

/* The plan must say how the hazardous materials are kept. */
static void
check_security_plan (GPtrArray      *findings,
                     CsCheckContext *context,
                     CsMaterial     *material,
                     JsonObject     *form)
{
  const char *id = cs_material_get_id (material);
  const char *text = cs_check_context_get_material_text (context, id);

  if (text != NULL && psb_stores_hazardous (form) && strstr (text, "危险物品") == NULL &&
      strstr (text, "危险化学品") == NULL)
    cs_findings_add (findings, CS_FINDING_WARNING, PSB_FIELD_HAZARDOUS, id,
                     cs_material_get_checklist_item (material),
                     _("The plant stores hazardous materials, but “%s” does not say how they are "
                       "kept and guarded."), cs_material_get_name (material));
}

GPtrArray *
psb_check_security_review (CsCheckContext *context)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CsCase *kase = cs_check_context_get_case (context);
  CsMatter *matter = cs_check_context_get_matter (context);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);
  GListModel *materials = cs_case_get_materials (kase);
  double employees = 0;

  if (applicant == NULL || cs_applicant_get_kind (applicant) != CS_APPLICANT_ORGANISATION)
    cs_findings_add (findings, CS_FINDING_ERROR, "applicant.name", NULL, NULL,
                     _("The internal security review is of an enterprise, but the applicant is "
                       "not an organisation."));
  else
    cs_check_applicant_number (findings, applicant, "application");

  if (form == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                     _("The case carries no application form data."));
  else
    {
      if (cs_form_get_string (form, PSB_FIELD_PRODUCTION_ADDRESS) == NULL)
        cs_findings_add (findings, CS_FINDING_ERROR, PSB_FIELD_PRODUCTION_ADDRESS, NULL,
                         "site-plan",
                         _("The form gives no address of the plant to be reviewed."));
      if (!cs_form_get_number (form, PSB_FIELD_EMPLOYEES, &employees) || employees < 1)
        cs_findings_add (findings, CS_FINDING_ERROR, PSB_FIELD_EMPLOYEES, NULL, "guard-roster",
                         _("The form gives no employees."));
    }

  cs_check_required_materials (findings, matter, materials);
  for (guint i = 0; materials != NULL && i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (g_strcmp0 (cs_material_get_matter_code (material), cs_matter_get_code (matter)) == 0 &&
          g_strcmp0 (cs_material_get_checklist_item (material), "security-plan") == 0)
        check_security_plan (findings, context, material, form);
    }
  if (applicant != NULL && cs_applicant_get_kind (applicant) == CS_APPLICANT_ORGANISATION)
    cs_check_materials_identity (findings, context, applicant);
  return g_steal_pointer (&findings);
}
