/* fire-checks.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "FireChecks"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fire-checks.h"

/* The pre-checks of a fire safety inspection before opening (投入使用、
 * 营业前消防安全检查), per the Fire Protection Law (消防法): the building
 * passed the fire protection acceptance or was recorded (Art. 13), its fire
 * facilities were tested in full within the year (Art. 16), and the venue's
 * size, floors and occupancy are known (Art. 15). For the plant of a
 * parallel approval, hazardous materials call for their own inspection
 * (Art. 19, 23). */

/* More people per square metre than this and the evacuation capacity must
 * be looked at; even shops count at most 0.6 (GB 50016). */
#define MAX_OCCUPANCY_DENSITY 1.0
#define FACILITY_TEST_INTERVAL_YEARS 1

gboolean
fire_form_is_plant (JsonObject *form)
{
  return form != NULL && json_object_has_member (form, FIRE_FIELD_PRODUCT) &&
         !json_object_has_member (form, FIRE_FIELD_VENUE_NAME);
}

gboolean
fire_stores_hazardous (JsonObject *form)
{
  gboolean hazardous = FALSE;

  return cs_form_get_boolean (form, FIRE_FIELD_HAZARDOUS, &hazardous) && hazardous;
}

/* The latest valid date printed as 2025年3月7日, or FALSE. */
static gboolean
find_latest_date (const char *text,
                  GDate      *latest)
{
  g_autoptr(GRegex) regex = g_regex_new ("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gboolean found = FALSE;

  g_date_clear (latest, 1);
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *d = g_match_info_fetch (match, 3);
      int year = atoi (y), month = atoi (m), day = atoi (d);

      if (g_date_valid_dmy (day, month, year))
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, day, month, year);
          if (!found || g_date_compare (&date, latest) > 0)
            *latest = date;
          found = TRUE;
        }
      g_match_info_next (match, NULL);
    }
  return found;
}

static void
check_facility_report (GPtrArray      *findings,
                       CsCheckContext *context,
                       CsMaterial     *material)
{
  const char *id = cs_material_get_id (material);
  const char *text = cs_check_context_get_material_text (context, id);
  const GDate *today = cs_check_context_get_today (context);
  GDate latest, limit;
  char date[16];

  if (text == NULL || !find_latest_date (text, &latest))
    return;
  g_snprintf (date, sizeof date, "%04u-%02u-%02u", g_date_get_year (&latest),
              g_date_get_month (&latest), g_date_get_day (&latest));
  limit = *today;
  g_date_subtract_years (&limit, FACILITY_TEST_INTERVAL_YEARS);
  if (g_date_compare (&latest, today) > 0)
    cs_findings_add (findings, CS_FINDING_ERROR, NULL, id,
                     cs_material_get_checklist_item (material),
                     _("“%s” is dated %s, after today."), cs_material_get_name (material), date);
  else if (g_date_compare (&latest, &limit) < 0)
    cs_findings_add (findings, CS_FINDING_WARNING, NULL, id,
                     cs_material_get_checklist_item (material),
                     _("“%s” is dated %s, more than a year ago: fire facilities must be tested in "
                       "full at least once a year, so ask for this year’s report."),
                     cs_material_get_name (material), date);
}

static void
check_venue (GPtrArray  *findings,
             JsonObject *form,
             CsCase     *kase)
{
  const char *venue = cs_form_get_string (form, FIRE_FIELD_VENUE_NAME);
  double area = 0, floors = 0, occupancy = 0;

  if (venue == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, FIRE_FIELD_VENUE_NAME, NULL, "application",
                     _("The form does not name the venue."));
  else if (g_strcmp0 (venue, cs_case_get_applicant_name (kase)) != 0)
    cs_findings_add (findings, CS_FINDING_WARNING, FIRE_FIELD_VENUE_NAME, NULL, "business-licence",
                     _("The venue, %s, is not the applicant, %s: check who runs it."),
                     venue, cs_case_get_applicant_name (kase));
  if (cs_form_get_string (form, FIRE_FIELD_VENUE_TYPE) == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, FIRE_FIELD_VENUE_TYPE, NULL, "application",
                     _("The form does not say what kind of venue it is."));
  if (cs_form_get_string (form, FIRE_FIELD_ADDRESS) == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, FIRE_FIELD_ADDRESS, NULL, "application",
                     _("The form gives no address of the venue."));
  if (!cs_form_get_number (form, FIRE_FIELD_AREA, &area) || area <= 0)
    cs_findings_add (findings, CS_FINDING_ERROR, FIRE_FIELD_AREA, NULL, "application",
                     _("The form gives no building area."));
  if (!cs_form_get_number (form, FIRE_FIELD_FLOORS, &floors) || floors < 1)
    cs_findings_add (findings, CS_FINDING_ERROR, FIRE_FIELD_FLOORS, NULL, "application",
                     _("The form gives no number of floors."));
  if (!cs_form_get_number (form, FIRE_FIELD_OCCUPANCY, &occupancy) || occupancy < 1)
    cs_findings_add (findings, CS_FINDING_ERROR, FIRE_FIELD_OCCUPANCY, NULL, "application",
                     _("The form gives no maximum occupancy."));
  else if (area > 0 && occupancy / area > MAX_OCCUPANCY_DENSITY)
    cs_findings_add (findings, CS_FINDING_WARNING, FIRE_FIELD_OCCUPANCY, NULL, "facility-report",
                     _("A maximum of %.0f people in %.0f m² is more than one person a square "
                       "metre: check the exits and the evacuation capacity."), occupancy, area);
}

static void
check_plant (GPtrArray  *findings,
             JsonObject *form)
{
  double area = 0;

  if (cs_form_get_string (form, FIRE_FIELD_PRODUCTION_ADDRESS) == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, FIRE_FIELD_PRODUCTION_ADDRESS, NULL, "application",
                     _("The form gives no address of the plant to be inspected."));
  if (!cs_form_get_number (form, FIRE_FIELD_PLANT_AREA, &area) || area <= 0)
    cs_findings_add (findings, CS_FINDING_ERROR, FIRE_FIELD_PLANT_AREA, NULL, "application",
                     _("The form gives no plant area."));
  if (fire_stores_hazardous (form))
    cs_findings_add (findings, CS_FINDING_WARNING, FIRE_FIELD_HAZARDOUS, NULL, "facility-report",
                     _("The plant stores hazardous materials: the inspection must cover their "
                       "storage, its separation from production and its fire facilities."));
}

GPtrArray *
fire_check_pre_opening (CsCheckContext *context)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CsCase *kase = cs_check_context_get_case (context);
  CsMatter *matter = cs_check_context_get_matter (context);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);
  GListModel *materials = cs_case_get_materials (kase);

  if (applicant != NULL)
    cs_check_applicant_number (findings, applicant, "business-licence");
  if (form == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                     _("The case carries no application form data."));
  else if (fire_form_is_plant (form))
    check_plant (findings, form);
  else
    check_venue (findings, form, kase);

  cs_check_required_materials (findings, matter, materials);
  for (guint i = 0; materials != NULL && i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (g_strcmp0 (cs_material_get_matter_code (material), cs_matter_get_code (matter)) == 0 &&
          g_strcmp0 (cs_material_get_checklist_item (material), "facility-report") == 0)
        check_facility_report (findings, context, material);
    }
  cs_check_materials_identity (findings, context, applicant);
  return g_steal_pointer (&findings);
}
