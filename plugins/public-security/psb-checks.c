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

static void
add_finding (GPtrArray         *findings,
             CsFindingSeverity  severity,
             const char        *field,
             const char        *material,
             const char        *checklist_item,
             const char        *format,
             ...) G_GNUC_PRINTF (6, 7);

static void
add_finding (GPtrArray         *findings,
             CsFindingSeverity  severity,
             const char        *field,
             const char        *material,
             const char        *checklist_item,
             const char        *format,
             ...)
{
  g_autofree char *message = NULL;
  CsFinding *finding;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  finding = cs_finding_new (severity, message);
  cs_finding_set_field (finding, field);
  cs_finding_set_material (finding, material);
  cs_finding_set_checklist_item (finding, checklist_item);
  g_ptr_array_add (findings, finding);
}

/* Identity numbers (GB 11643) or credit codes (GB 32100) printed in a
 * material's text, upper-cased. */
static GPtrArray *
find_numbers (const char *text,
              gboolean    organisation)
{
  g_autoptr(GRegex) regex = g_regex_new (organisation
                                         ? "(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}"
                                           "[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"
                                         : "(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      char *number = g_match_info_fetch (match, 0);

      for (char *p = number; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);
      g_ptr_array_add (numbers, number);
      g_match_info_next (match, NULL);
    }
  return numbers;
}

/* A material that names someone else, or carries another ID number or
 * credit code than the applicant's, is not the applicant's. */
static void
check_material_identity (GPtrArray      *findings,
                         CsCheckContext *context,
                         CsMaterial     *material,
                         CsApplicant    *applicant)
{
  const char *id = cs_material_get_id (material);
  const char *item = cs_material_get_checklist_item (material);
  const char *title = cs_material_get_name (material);
  const char *text = cs_check_context_get_material_text (context, id);
  gboolean organisation = cs_applicant_get_kind (applicant) == CS_APPLICANT_ORGANISATION;
  const char *name = cs_applicant_get_name (applicant);
  const char *number = organisation ? cs_applicant_get_uscc (applicant)
                                    : cs_applicant_get_id_number (applicant);
  g_autoptr(GPtrArray) numbers = NULL;
  gboolean matches = FALSE;

  if (text == NULL)
    {
      if (organisation)
        add_finding (findings, CS_FINDING_INFO, NULL, id, item,
                     _("“%s” has no text the desk can read (a scan or a photo): check the name "
                       "and credit code on it by eye."), title);
      else
        add_finding (findings, CS_FINDING_INFO, NULL, id, item,
                     _("“%s” has no text the desk can read (a scan or a photo): check the name "
                       "and ID number on it by eye."), title);
      return;
    }

  if (name != NULL && strstr (text, name) == NULL)
    add_finding (findings, CS_FINDING_WARNING, "applicant.name", id, item,
                 _("The applicant’s name, %s, does not appear on “%s”."), name, title);

  if (number == NULL)
    return;
  numbers = find_numbers (text, organisation);
  for (guint i = 0; i < numbers->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (numbers, i), number) == 0)
      matches = TRUE;
  if (numbers->len > 0 && !matches)
    {
      if (organisation)
        add_finding (findings, CS_FINDING_ERROR, "applicant.uscc", id, item,
                     _("The credit code on “%s”, %s, is not the applicant’s (%s)."),
                     title, (const char *) g_ptr_array_index (numbers, 0), number);
      else
        add_finding (findings, CS_FINDING_ERROR, "applicant.id_number", id, item,
                     _("The ID number on “%s”, %s, is not the applicant’s (%s)."),
                     title, (const char *) g_ptr_array_index (numbers, 0), number);
    }
}

/* The applicant's ID number (GB 11643) or credit code (GB 32100). */
static void
check_applicant (GPtrArray   *findings,
                 CsApplicant *applicant,
                 const char  *checklist_item)
{
  g_autoptr(GError) error = NULL;

  if (cs_applicant_get_kind (applicant) == CS_APPLICANT_ORGANISATION)
    {
      if (!cs_validate_uscc (cs_applicant_get_uscc (applicant), &error))
        add_finding (findings, CS_FINDING_ERROR, "applicant.uscc", NULL, checklist_item,
                     _("The applicant’s unified social credit code is not valid: %s"),
                     error->message);
    }
  else if (!cs_validate_resident_id (cs_applicant_get_id_number (applicant), &error))
    add_finding (findings, CS_FINDING_ERROR, "applicant.id_number", NULL, checklist_item,
                 _("The applicant’s ID number is not valid: %s"), error->message);
}

/* Materials of @matter_code only: a parallel case carries every
 * department's materials, and "application" is an item of each. */
static gboolean
has_material_for (GListModel *materials,
                  const char *matter_code,
                  const char *item)
{
  for (guint i = 0; materials != NULL && i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (g_strcmp0 (cs_material_get_matter_code (material), matter_code) == 0 &&
          g_strcmp0 (cs_material_get_checklist_item (material), item) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
check_required_materials (GPtrArray  *findings,
                          CsMatter   *matter,
                          GListModel *materials)
{
  GListModel *checklist = cs_matter_get_checklist (matter);

  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(CsChecklistItem) item = g_list_model_get_item (checklist, i);

      if (cs_checklist_item_get_required (item) &&
          !has_material_for (materials, cs_matter_get_code (matter),
                             cs_checklist_item_get_code (item)))
        add_finding (findings, CS_FINDING_ERROR, NULL, NULL, cs_checklist_item_get_code (item),
                     _("No material was handed in for “%s”."), cs_checklist_item_get_name (item));
    }
}

/* Every material of the matter the applicant's own. */
static void
check_materials_identity (GPtrArray      *findings,
                          CsCheckContext *context,
                          CsApplicant    *applicant)
{
  CsCase *kase = cs_check_context_get_case (context);
  const char *matter_code = cs_matter_get_code (cs_check_context_get_matter (context));
  GListModel *materials = cs_case_get_materials (kase);

  for (guint i = 0; applicant != NULL && materials != NULL &&
                    i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (g_strcmp0 (cs_material_get_matter_code (material), matter_code) == 0)
        check_material_identity (findings, context, material, applicant);
    }
}

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
    add_finding (findings, CS_FINDING_WARNING, PSB_FIELD_HAZARDOUS, id,
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
    add_finding (findings, CS_FINDING_ERROR, "applicant.name", NULL, NULL,
                 _("The internal security review is of an enterprise, but the applicant is "
                   "not an organisation."));
  else
    check_applicant (findings, applicant, "application");

  if (form == NULL)
    add_finding (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                 _("The case carries no application form data."));
  else
    {
      if (cs_form_get_string (form, PSB_FIELD_PRODUCTION_ADDRESS) == NULL)
        add_finding (findings, CS_FINDING_ERROR, PSB_FIELD_PRODUCTION_ADDRESS, NULL, "site-plan",
                     _("The form gives no address of the plant to be reviewed."));
      if (!cs_form_get_number (form, PSB_FIELD_EMPLOYEES, &employees) || employees < 1)
        add_finding (findings, CS_FINDING_ERROR, PSB_FIELD_EMPLOYEES, NULL, "guard-roster",
                     _("The form gives no employees."));
    }

  check_required_materials (findings, matter, materials);
  for (guint i = 0; materials != NULL && i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (g_strcmp0 (cs_material_get_matter_code (material), cs_matter_get_code (matter)) == 0 &&
          g_strcmp0 (cs_material_get_checklist_item (material), "security-plan") == 0)
        check_security_plan (findings, context, material, form);
    }
  if (applicant != NULL && cs_applicant_get_kind (applicant) == CS_APPLICANT_ORGANISATION)
    check_materials_identity (findings, context, applicant);
  return g_steal_pointer (&findings);
}
