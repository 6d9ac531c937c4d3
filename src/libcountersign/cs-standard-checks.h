/* cs-standard-checks.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cs-applicant.h"
#include "cs-check-context.h"
#include "cs-finding.h"
#include "cs-matter.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

CS_AVAILABLE_IN_ALL
void     cs_findings_add             (GPtrArray         *findings,
                                      CsFindingSeverity  severity,
                                      const char        *field,
                                      const char        *material,
                                      const char        *checklist_item,
                                      const char        *format,
                                      ...) G_GNUC_PRINTF (6, 7);
CS_AVAILABLE_IN_ALL
void     cs_check_applicant_number   (GPtrArray         *findings,
                                      CsApplicant       *applicant,
                                      const char        *checklist_item);
CS_AVAILABLE_IN_ALL
gboolean cs_materials_have_item      (GListModel        *materials,
                                      const char        *matter_code,
                                      const char        *item);
CS_AVAILABLE_IN_ALL
void     cs_check_required_materials (GPtrArray         *findings,
                                      CsMatter          *matter,
                                      GListModel        *materials);
CS_AVAILABLE_IN_ALL
void     cs_check_materials_identity (GPtrArray         *findings,
                                      CsCheckContext    *context,
                                      CsApplicant       *applicant);

G_END_DECLS
