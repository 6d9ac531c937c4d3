/* psb-wording.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "PsbWording"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "psb-checks.h"
#include "psb-wording.h"

/* The decisions of an internal security review. A grant says which plant
 * passed, that this part goes to the lead department, and what the
 * enterprise must keep up; a denial gives the reasons the case shows. The
 * other outcomes say what the Administrative Licensing Law makes them say
 * (cs_wording_standard). */

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

gboolean
psb_word_security_review (CsCase     *kase,
                          CsMatter   *matter,
                          CsOutcome   outcome,
                          char      **text,
                          char      **legal_basis,
                          GError    **error)
{
  JsonObject *form = cs_case_get_form (kase);
  const char *address = cs_form_get_string (form, PSB_FIELD_PRODUCTION_ADDRESS);

  if (outcome == CS_OUTCOME_DENY)
    {
      const char *reason = NULL;

      if (!has_material (kase, cs_matter_get_code (matter), "security-plan"))
        reason = _("the enterprise has no internal security rules and measures, which Article "
                   "6 of the Regulations on the Internal Security of Enterprises and "
                   "Institutions requires");
      else if (!has_material (kase, cs_matter_get_code (matter), "guard-roster"))
        reason = _("the enterprise has named no security staff to guard its key parts");
      return cs_wording_standard (kase, matter, outcome, reason, text, legal_basis, error);
    }
  if (outcome != CS_OUTCOME_GRANT || address == NULL)
    return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);

  if (psb_stores_hazardous (form))
    /* Translators: the enterprise, the plant's address */
    *text = g_strdup_printf (_("Having reviewed the internal security of %s at %s for its part "
                               "of the parallel approval, we find its security rules, measures "
                               "and staff meeting the statutory conditions. Under Article 38(1) "
                               "of the Administrative Licensing Law of the People’s Republic of "
                               "China and Articles 6 and 7 of the Regulations on the Internal "
                               "Security of Enterprises and Institutions, the enterprise passes "
                               "the internal security review, and this part is reported to the "
                               "lead department. The store of hazardous materials is a key part "
                               "of the plant: it shall be guarded, its stock recorded, and any "
                               "loss reported to the public security organ at once."),
                             cs_case_get_applicant_name (kase), address);
  else
    /* Translators: the enterprise, the plant's address */
    *text = g_strdup_printf (_("Having reviewed the internal security of %s at %s for its part "
                               "of the parallel approval, we find its security rules, measures "
                               "and staff meeting the statutory conditions. Under Article 38(1) "
                               "of the Administrative Licensing Law of the People’s Republic of "
                               "China and Articles 6 and 7 of the Regulations on the Internal "
                               "Security of Enterprises and Institutions, the enterprise passes "
                               "the internal security review, and this part is reported to the "
                               "lead department. The enterprise shall keep its security rules "
                               "and guard its key parts."),
                             cs_case_get_applicant_name (kase), address);
  if (legal_basis != NULL)
    *legal_basis = cs_wording_legal_basis (matter, outcome);
  return TRUE;
}
