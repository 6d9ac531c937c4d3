/* frst-checks.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "FrstChecks"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "frst-checks.h"
#include "frst-department.h"

/* The pre-checks of a timber logging permit (林木采伐许可证), per the
 * Forest Law (森林法): the application gives the site, forest category,
 * species, area, volume, method and regeneration (Art. 58); no permit may
 * exceed the annual logging quota (Art. 59); a public-welfare forest may
 * only be thinned or regenerated, never clear-felled (Art. 55); whoever
 * logs must regenerate (Art. 61); and the land and trees must be the
 * applicant's, shown by a land-ownership certificate. */

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

/**
 * frst_volume_exceeds_quota:
 * @form: the case's form data
 * @out_volume: (out) (optional): the volume applied for, in m³
 * @out_quota: (out) (optional): the annual quota, in m³
 *
 * Returns: %TRUE when the form gives both and the volume is above the quota
 */
gboolean
frst_volume_exceeds_quota (JsonObject *form,
                           double     *out_volume,
                           double     *out_quota)
{
  double volume, quota;

  if (!cs_form_get_number (form, FRST_FIELD_VOLUME, &volume) ||
      !cs_form_get_number (form, FRST_FIELD_QUOTA, &quota))
    return FALSE;
  if (out_volume != NULL)
    *out_volume = volume;
  if (out_quota != NULL)
    *out_quota = quota;
  return volume > quota;
}

gboolean
frst_clear_felling_public_welfare (JsonObject *form)
{
  return g_strcmp0 (cs_form_get_string (form, FRST_FIELD_CATEGORY),
                    FRST_CATEGORY_PUBLIC_WELFARE) == 0 &&
         g_strcmp0 (cs_form_get_string (form, FRST_FIELD_METHOD), FRST_METHOD_CLEAR_FELLING) == 0;
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

/* A material that names someone else, or another ID number or credit code,
 * than the applicant is not the applicant's. */
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

static void
check_applicant (GPtrArray   *findings,
                 CsApplicant *applicant)
{
  g_autoptr(GError) error = NULL;

  if (cs_applicant_get_kind (applicant) == CS_APPLICANT_ORGANISATION)
    {
      if (!cs_validate_uscc (cs_applicant_get_uscc (applicant), &error))
        add_finding (findings, CS_FINDING_ERROR, "applicant.uscc", NULL, "identity",
                     _("The applicant’s unified social credit code is not valid: %s"),
                     error->message);
    }
  else if (!cs_validate_resident_id (cs_applicant_get_id_number (applicant), &error))
    add_finding (findings, CS_FINDING_ERROR, "applicant.id_number", NULL, "identity",
                 _("The applicant’s ID number is not valid: %s"), error->message);
}

static void
check_form (GPtrArray  *findings,
            JsonObject *form)
{
  g_auto(GStrv) species = cs_form_dup_strv (form, FRST_FIELD_SPECIES);
  gboolean regeneration = FALSE;
  double volume = 0, quota = 0, area = 0;

  if (cs_form_get_string (form, FRST_FIELD_SITE) == NULL)
    add_finding (findings, CS_FINDING_ERROR, FRST_FIELD_SITE, NULL, "design",
                 _("The form does not say where the trees are to be logged."));
  if (species[0] == NULL)
    add_finding (findings, CS_FINDING_ERROR, FRST_FIELD_SPECIES, NULL, "design",
                 _("The form names no tree species to be logged."));
  if (cs_form_get_string (form, FRST_FIELD_CATEGORY) == NULL)
    add_finding (findings, CS_FINDING_ERROR, FRST_FIELD_CATEGORY, NULL, NULL,
                 _("The form does not say whether the forest is commercial or public-welfare "
                   "forest."));
  if (cs_form_get_string (form, FRST_FIELD_CERTIFICATE) == NULL)
    add_finding (findings, CS_FINDING_ERROR, FRST_FIELD_CERTIFICATE, NULL, "ownership",
                 _("The form gives no land-ownership certificate for the forest."));
  if (!cs_form_get_number (form, FRST_FIELD_AREA, &area) || area <= 0)
    add_finding (findings, CS_FINDING_ERROR, FRST_FIELD_AREA, NULL, "design",
                 _("The form gives no logging area."));

  if (!cs_form_get_number (form, FRST_FIELD_VOLUME, &volume) || volume <= 0)
    add_finding (findings, CS_FINDING_ERROR, FRST_FIELD_VOLUME, NULL, "design",
                 _("The form gives no volume to be logged."));
  else if (!cs_form_get_number (form, FRST_FIELD_QUOTA, &quota) || quota <= 0)
    add_finding (findings, CS_FINDING_ERROR, FRST_FIELD_QUOTA, NULL, NULL,
                 _("The form gives no annual logging quota to check the volume against."));
  else if (frst_volume_exceeds_quota (form, NULL, NULL))
    add_finding (findings, CS_FINDING_ERROR, FRST_FIELD_VOLUME, NULL, NULL,
                 _("The volume applied for, %.1f m³, exceeds the annual logging quota of "
                   "%.1f m³: no permit may be issued beyond the quota."), volume, quota);
  else if (volume > quota * 0.9)
    add_finding (findings, CS_FINDING_WARNING, FRST_FIELD_VOLUME, NULL, NULL,
                 _("The volume applied for, %.1f m³, uses %.0f%% of the annual logging quota "
                   "of %.1f m³: check what the other permits of this year have used."),
                 volume, volume * 100 / quota, quota);

  if (frst_clear_felling_public_welfare (form))
    add_finding (findings, CS_FINDING_ERROR, FRST_FIELD_METHOD, NULL, NULL,
                 _("A public-welfare forest may only be thinned, regenerated or improved, "
                   "never clear-felled."));

  if (!cs_form_get_boolean (form, FRST_FIELD_REGENERATION, &regeneration) || !regeneration)
    add_finding (findings,
                 g_strcmp0 (cs_form_get_string (form, FRST_FIELD_METHOD),
                            FRST_METHOD_CLEAR_FELLING) == 0 ? CS_FINDING_ERROR
                                                            : CS_FINDING_WARNING,
                 FRST_FIELD_REGENERATION, NULL, "regeneration",
                 _("The applicant does not commit to regenerate the forest after logging."));
}

static gboolean
has_material_for (GListModel *materials,
                  const char *matter_code,
                  const char *item)
{
  for (guint i = 0; i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (g_strcmp0 (cs_material_get_matter_code (material), matter_code) == 0 &&
          g_strcmp0 (cs_material_get_checklist_item (material), item) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
check_checklist (GPtrArray  *findings,
                 CsMatter   *matter,
                 GListModel *materials,
                 JsonObject *form)
{
  GListModel *checklist = cs_matter_get_checklist (matter);
  gboolean regeneration = FALSE;

  cs_form_get_boolean (form, FRST_FIELD_REGENERATION, &regeneration);
  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(CsChecklistItem) item = g_list_model_get_item (checklist, i);
      const char *code = cs_checklist_item_get_code (item);

      if (has_material_for (materials, cs_matter_get_code (matter), code))
        continue;
      if (cs_checklist_item_get_required (item))
        add_finding (findings, CS_FINDING_ERROR, NULL, NULL, code,
                     _("No material was handed in for “%s”."), cs_checklist_item_get_name (item));
      else if (g_str_equal (code, "regeneration") && regeneration)
        add_finding (findings, CS_FINDING_WARNING, FRST_FIELD_REGENERATION, NULL, code,
                     _("The form commits to regenerate the forest, but “%s” was not handed in."),
                     cs_checklist_item_get_name (item));
    }
}

/* The application form and the logging design must give the same
 * certificate and site as the form data. */
static void
check_form_in_material (GPtrArray      *findings,
                        CsCheckContext *context,
                        CsMaterial     *material,
                        JsonObject     *form)
{
  const char *id = cs_material_get_id (material);
  const char *text = cs_check_context_get_material_text (context, id);
  const char *certificate = cs_form_get_string (form, FRST_FIELD_CERTIFICATE);
  const char *site = cs_form_get_string (form, FRST_FIELD_SITE);

  if (text == NULL)
    return;
  if (certificate != NULL && strstr (text, certificate) == NULL)
    add_finding (findings, CS_FINDING_WARNING, FRST_FIELD_CERTIFICATE, id,
                 cs_material_get_checklist_item (material),
                 _("The land-ownership certificate in the form, %s, does not appear on “%s”."),
                 certificate, cs_material_get_name (material));
  if (site != NULL && strstr (text, site) == NULL)
    add_finding (findings, CS_FINDING_WARNING, FRST_FIELD_SITE, id,
                 cs_material_get_checklist_item (material),
                 _("The logging site in the form, %s, does not appear on “%s”."),
                 site, cs_material_get_name (material));
}

GPtrArray *
frst_check_timber_logging (CsCheckContext *context)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CsCase *kase = cs_check_context_get_case (context);
  CsMatter *matter = cs_check_context_get_matter (context);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);
  GListModel *materials = cs_case_get_materials (kase);

  if (applicant != NULL)
    check_applicant (findings, applicant);
  if (form == NULL)
    add_finding (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                 _("The case carries no application form data."));
  else
    check_form (findings, form);

  if (materials == NULL)
    return g_steal_pointer (&findings);
  check_checklist (findings, matter, materials, form);

  for (guint i = 0; i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);
      const char *item = cs_material_get_checklist_item (material);

      if (g_strcmp0 (cs_material_get_matter_code (material), cs_matter_get_code (matter)) != 0)
        continue;
      if (applicant != NULL)
        check_material_identity (findings, context, material, applicant);
      if (g_strcmp0 (item, "application") == 0)
        check_form_in_material (findings, context, material, form);
    }

  return g_steal_pointer (&findings);
}
