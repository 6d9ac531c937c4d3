/* cs-checklist-row.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

G_BEGIN_DECLS

#define CS_TYPE_CHECKLIST_ROW (cs_checklist_row_get_type ())

G_DECLARE_FINAL_TYPE (CsChecklistRow, cs_checklist_row, CS, CHECKLIST_ROW, GtkListBoxRow)

CsChecklistRow  *cs_checklist_row_new             (CsChecklistItem *item,
                                                   GPtrArray       *materials);
CsChecklistItem *cs_checklist_row_get_item        (CsChecklistRow  *self);
CsVerdict       *cs_checklist_row_dup_verdict     (CsChecklistRow  *self);
void             cs_checklist_row_set_verdict     (CsChecklistRow  *self,
                                                   CsVerdict       *verdict);
void             cs_checklist_row_set_editable    (CsChecklistRow  *self,
                                                   gboolean         editable);
gboolean         cs_checklist_row_has_material    (CsChecklistRow  *self,
                                                   const char      *material_id);
void             cs_checklist_row_reveal          (CsChecklistRow  *self);
void             cs_checklist_row_mark            (CsChecklistRow  *self,
                                                   CsVerdictKind    kind,
                                                   const char      *reason);
void             cs_checklist_row_cite            (CsChecklistRow  *self,
                                                   CsMaterial      *material,
                                                   guint            page);
guint            cs_checklist_row_get_cited_page  (CsChecklistRow  *self);

G_END_DECLS
