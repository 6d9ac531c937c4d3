/* frst-wording.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "FrstWording"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "frst-checks.h"
#include "frst-wording.h"

/* The decisions on a timber logging permit. A grant states what may be
 * logged, where and how, and the duty to regenerate (森林法 Art. 61); a
 * denial gives the reasons the form itself shows. The other outcomes say
 * what the Administrative Licensing Law makes them say (cs_wording_standard). */

static char *
deny_reasons (JsonObject *form)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  double volume, quota;

  if (frst_volume_exceeds_quota (form, &volume, &quota))
    g_ptr_array_add (reasons,
                     g_strdup_printf (_("the volume applied for, %.1f m³, exceeds the annual "
                                        "logging quota of %.1f m³, and under Article 59 of the "
                                        "Forest Law no permit may be issued beyond the quota"),
                                      volume, quota));
  if (frst_clear_felling_public_welfare (form))
    g_ptr_array_add (reasons, g_strdup (_("the forest is public-welfare forest, which under "
                                          "Article 55 of the Forest Law may not be "
                                          "clear-felled")));
  if (cs_form_get_string (form, FRST_FIELD_CERTIFICATE) == NULL)
    g_ptr_array_add (reasons, g_strdup (_("the application shows no certificate of the "
                                          "ownership of the forest land and trees")));
  if (reasons->len == 0)
    return NULL;

  g_ptr_array_add (reasons, NULL);
  /* Translators: separates the reasons of a denial */
  return g_strjoinv (_("; "), (char **) reasons->pdata);
}

gboolean
frst_word_timber_logging (CsCase     *kase,
                          CsMatter   *matter,
                          CsOutcome   outcome,
                          char      **text,
                          char      **legal_basis,
                          GError    **error)
{
  JsonObject *form = cs_case_get_form (kase);
  g_autofree char *reasons = NULL;
  g_autofree char *volume = NULL;
  g_autofree char *species = NULL;
  g_autofree char *area = NULL;
  const char *name = cs_case_get_applicant_name (kase);
  const char *site = cs_form_get_string (form, FRST_FIELD_SITE);
  const char *method = cs_form_get_string (form, FRST_FIELD_METHOD);

  if (outcome == CS_OUTCOME_DENY)
    {
      reasons = deny_reasons (form);
      return cs_wording_standard (kase, matter, outcome, reasons, text, legal_basis, error);
    }
  if (outcome != CS_OUTCOME_GRANT)
    return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);

  volume = cs_form_dup_text (form, FRST_FIELD_VOLUME);
  species = cs_form_dup_text (form, FRST_FIELD_SPECIES);
  area = cs_form_dup_text (form, FRST_FIELD_AREA);
  if (name == NULL || *name == '\0')
    name = _("the applicant");
  if (volume == NULL || species == NULL || area == NULL || site == NULL || method == NULL)
    return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);

  /* Translators: the permit's terms: volume (m³), species, method, site, area (mu) */
  *text = g_strdup_printf (_("Having examined the application of %s for a timber logging "
                             "permit, we find the materials complete, in the statutory form and "
                             "meeting the statutory conditions. Under Article 38(1) of the "
                             "Administrative Licensing Law of the People’s Republic of China and "
                             "Articles 56 to 59 of the Forest Law of the People’s Republic of "
                             "China, the application is granted and a Timber Logging Permit is "
                             "issued for %s m³ of %s, by %s, at %s, over %s mu. The holder shall "
                             "log only within the approved site, area, species, volume and "
                             "method, and shall complete the regeneration of the forest no later "
                             "than the year after logging (Article 61 of the Forest Law)."),
                           name, volume, species, method, site, area);
  if (legal_basis != NULL)
    *legal_basis = cs_wording_legal_basis (matter, outcome);
  return TRUE;
}
