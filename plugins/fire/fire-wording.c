/* fire-wording.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "FireWording"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fire-checks.h"
#include "fire-wording.h"

/* The decisions of a fire safety inspection before opening. A grant says
 * which venue (or, for a part of a parallel approval, which plant) passed
 * and on what terms; a denial gives the reasons the case itself shows.
 * The other outcomes say what the Administrative Licensing Law makes them
 * say (cs_wording_standard). */

static gboolean
has_material (CsCase     *kase,
              const char *matter_code,
              const char *item)
{
  GListModel *materials = cs_case_get_materials (kase);

  for (guint i = 0; materials != NULL && i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (g_strcmp0 (cs_material_get_matter_code (material), matter_code) == 0 &&
          g_strcmp0 (cs_material_get_checklist_item (material), item) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
deny_reasons (CsCase   *kase,
              CsMatter *matter)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);

  if (!has_material (kase, cs_matter_get_code (matter), "fire-acceptance"))
    g_ptr_array_add (reasons, g_strdup (_("the building has passed no fire protection "
                                          "acceptance and has no record of one, which Article "
                                          "13 of the Fire Protection Law requires before it is "
                                          "used")));
  if (!has_material (kase, cs_matter_get_code (matter), "facility-report"))
    g_ptr_array_add (reasons, g_strdup (_("no test report shows that the fire facilities "
                                          "work")));
  if (reasons->len == 0)
    return NULL;
  g_ptr_array_add (reasons, NULL);
  /* Translators: separates the reasons of a denial */
  return g_strjoinv (_("; "), (char **) reasons->pdata);
}

gboolean
fire_word_pre_opening (CsCase     *kase,
                       CsMatter   *matter,
                       CsOutcome   outcome,
                       char      **text,
                       char      **legal_basis,
                       GError    **error)
{
  JsonObject *form = cs_case_get_form (kase);
  g_autofree char *reasons = NULL;
  g_autofree char *area = NULL;
  g_autofree char *floors = NULL;
  g_autofree char *occupancy = NULL;
  const char *name = cs_case_get_applicant_name (kase);

  if (outcome == CS_OUTCOME_DENY)
    {
      reasons = deny_reasons (kase, matter);
      return cs_wording_standard (kase, matter, outcome, reasons, text, legal_basis, error);
    }
  if (outcome != CS_OUTCOME_GRANT)
    return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);

  if (fire_form_is_plant (form))
    {
      const char *address = cs_form_get_string (form, FIRE_FIELD_PRODUCTION_ADDRESS);

      if (address == NULL)
        return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);
      /* Translators: the enterprise, the plant's address */
      *text = g_strdup_printf (_("Having inspected the plant of %s at %s for its part of the "
                                 "parallel approval, we find its fire protection meeting the "
                                 "statutory conditions. Under Article 38(1) of the "
                                 "Administrative Licensing Law of the People’s Republic of China "
                                 "and Article 15 of the Fire Protection Law of the People’s "
                                 "Republic of China, the plant passes the fire safety inspection, "
                                 "and this part is reported to the lead department. The "
                                 "enterprise shall keep its fire facilities in working order and "
                                 "its exits clear."), name, address);
    }
  else
    {
      const char *venue = cs_form_get_string (form, FIRE_FIELD_VENUE_NAME);
      const char *address = cs_form_get_string (form, FIRE_FIELD_ADDRESS);

      area = cs_form_dup_text (form, FIRE_FIELD_AREA);
      floors = cs_form_dup_text (form, FIRE_FIELD_FLOORS);
      occupancy = cs_form_dup_text (form, FIRE_FIELD_OCCUPANCY);
      if (venue == NULL || address == NULL || area == NULL || floors == NULL ||
          occupancy == NULL)
        return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);
      /* Translators: the venue, its address, its area (m²), floors, maximum occupancy */
      *text = g_strdup_printf (_("Having inspected %s at %s, a building of %s m² on %s floors, "
                                 "before it is put into use, we find its fire protection meeting "
                                 "the statutory conditions. Under Article 38(1) of the "
                                 "Administrative Licensing Law of the People’s Republic of China "
                                 "and Article 15 of the Fire Protection Law of the People’s "
                                 "Republic of China, the venue passes the fire safety inspection "
                                 "and may be put into use and open, for at most %s people at a "
                                 "time. It shall keep its fire facilities in working order, its "
                                 "exits clear, and have them tested in full every year."),
                               venue, address, area, floors, occupancy);
    }
  if (legal_basis != NULL)
    *legal_basis = cs_wording_legal_basis (matter, outcome);
  return TRUE;
}
