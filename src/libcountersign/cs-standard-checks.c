/* cs-standard-checks.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsStandardChecks"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cs-applicant.h"
#include "cs-case.h"
#include "cs-check-context.h"
#include "cs-checklist-item.h"
#include "cs-finding.h"
#include "cs-material.h"
#include "cs-matter.h"
#include "cs-standard-checks.h"
#include "cs-validate.h"

/* The pre-checks every department's plugin makes the same way: the
 * applicant's number, the materials handed in for the checklist, and the
 * materials being the applicant's. Plugins call these and add their own. */

/**
 * cs_findings_add:
 * @findings: (element-type CsFinding): where a pre-check collects its findings
 * @severity: how serious it is
 * @field: (nullable): the form field it concerns, as the panel names it
 * @material: (nullable): the ID of the material it concerns
 * @checklist_item: (nullable): the code of the checklist item it concerns
 * @format: the message, a printf() format, in words the approver acts on
 * @...: its arguments
 *
 * Adds a finding, linked to what it concerns.
 */
void
cs_findings_add (GPtrArray         *findings,
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
        cs_findings_add (findings, CS_FINDING_INFO, NULL, id, item,
                         _("“%s” has no text the desk can read (a scan or a photo): check the name "
                           "and credit code on it by eye."), title);
      else
        cs_findings_add (findings, CS_FINDING_INFO, NULL, id, item,
                         _("“%s” has no text the desk can read (a scan or a photo): check the name "
                           "and ID number on it by eye."), title);
      return;
    }

  if (name != NULL && strstr (text, name) == NULL)
    cs_findings_add (findings, CS_FINDING_WARNING, "applicant.name", id, item,
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
        cs_findings_add (findings, CS_FINDING_ERROR, "applicant.uscc", id, item,
                         _("The credit code on “%s”, %s, is not the applicant’s (%s)."),
                         title, (const char *) g_ptr_array_index (numbers, 0), number);
      else
        cs_findings_add (findings, CS_FINDING_ERROR, "applicant.id_number", id, item,
                         _("The ID number on “%s”, %s, is not the applicant’s (%s)."),
                         title, (const char *) g_ptr_array_index (numbers, 0), number);
    }
}

/**
 * cs_check_applicant_number:
 * @findings: (element-type CsFinding): the findings
 * @applicant: the case's applicant
 * @checklist_item: (nullable): the checklist item the number is proved by
 *
 * Checks the applicant's resident ID number (GB 11643) or, for an
 * organisation, its unified social credit code (GB 32100).
 */
void
cs_check_applicant_number (GPtrArray   *findings,
                           CsApplicant *applicant,
                           const char  *checklist_item)
{
  g_autoptr(GError) error = NULL;

  if (cs_applicant_get_kind (applicant) == CS_APPLICANT_ORGANISATION)
    {
      if (!cs_validate_uscc (cs_applicant_get_uscc (applicant), &error))
        cs_findings_add (findings, CS_FINDING_ERROR, "applicant.uscc", NULL, checklist_item,
                         _("The applicant’s unified social credit code is not valid: %s"),
                         error->message);
    }
  else if (!cs_validate_resident_id (cs_applicant_get_id_number (applicant), &error))
    cs_findings_add (findings, CS_FINDING_ERROR, "applicant.id_number", NULL, checklist_item,
                     _("The applicant’s ID number is not valid: %s"), error->message);
}

/**
 * cs_materials_have_item:
 * @materials: (nullable) (element-type CsMaterial): a case's materials
 * @matter_code: the matter the material must be for
 * @item: a checklist item's code
 *
 * Only materials of @matter_code count: a parallel case carries every
 * department's materials, and "application" is an item of each.
 *
 * Returns: whether a material was handed in for @item
 */
gboolean
cs_materials_have_item (GListModel *materials,
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

/**
 * cs_check_required_materials:
 * @findings: (element-type CsFinding): the findings
 * @matter: the matter
 * @materials: (nullable) (element-type CsMaterial): the case's materials
 *
 * An error for each required checklist item without a material.
 */
void
cs_check_required_materials (GPtrArray  *findings,
                             CsMatter   *matter,
                             GListModel *materials)
{
  GListModel *checklist = cs_matter_get_checklist (matter);

  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(CsChecklistItem) item = g_list_model_get_item (checklist, i);

      if (cs_checklist_item_get_required (item) &&
          !cs_materials_have_item (materials, cs_matter_get_code (matter),
                                   cs_checklist_item_get_code (item)))
        cs_findings_add (findings, CS_FINDING_ERROR, NULL, NULL, cs_checklist_item_get_code (item),
                         _("No material was handed in for "
                           "“%s”."), cs_checklist_item_get_name (item));
    }
}

/**
 * cs_check_materials_identity:
 * @findings: (element-type CsFinding): the findings
 * @context: the pre-check's context, with the materials' text
 * @applicant: (nullable): the case's applicant
 *
 * Checks that every material of the matter is the applicant's: their name
 * and ID number or credit code, where the material has text. A scan
 * without text gets an info finding to check it by eye.
 */
void
cs_check_materials_identity (GPtrArray      *findings,
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
