/* cs-matter.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cs-checklist-item.h"
#include "cs-outcome.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_MATTER (cs_matter_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsMatter, cs_matter, CS, MATTER, GObject)

CS_AVAILABLE_IN_ALL
CsMatter        *cs_matter_new_from_json         (JsonObject  *object,
                                                  GError     **error);
CS_AVAILABLE_IN_ALL
const char      *cs_matter_get_code              (CsMatter    *self);
CS_AVAILABLE_IN_ALL
const char      *cs_matter_get_name              (CsMatter    *self);
CS_AVAILABLE_IN_ALL
const char      *cs_matter_get_department        (CsMatter    *self);
CS_AVAILABLE_IN_ALL
const char      *cs_matter_get_department_name   (CsMatter    *self);
CS_AVAILABLE_IN_ALL
guint            cs_matter_get_statutory_limit   (CsMatter    *self);
CS_AVAILABLE_IN_ALL
guint            cs_matter_get_promised_limit    (CsMatter    *self);
CS_AVAILABLE_IN_ALL
gboolean         cs_matter_get_instant           (CsMatter    *self);
CS_AVAILABLE_IN_ALL
const char      *cs_matter_get_legal_basis       (CsMatter    *self);
CS_AVAILABLE_IN_ALL
gboolean         cs_matter_allows_outcome        (CsMatter    *self,
                                                  CsOutcome    outcome);
CS_AVAILABLE_IN_ALL
const char * const *cs_matter_get_co_matters     (CsMatter    *self);
CS_AVAILABLE_IN_ALL
GListModel      *cs_matter_get_checklist         (CsMatter    *self);
CS_AVAILABLE_IN_ALL
CsChecklistItem *cs_matter_lookup_checklist_item (CsMatter    *self,
                                                  const char  *code);

G_END_DECLS
