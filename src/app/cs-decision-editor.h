/* cs-decision-editor.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-plugin-host.h"
#include "cs-session.h"

G_BEGIN_DECLS

#define CS_TYPE_DECISION_EDITOR (cs_decision_editor_get_type ())

G_DECLARE_FINAL_TYPE (CsDecisionEditor, cs_decision_editor, CS, DECISION_EDITOR, GtkBox)

void      cs_decision_editor_set_context (CsDecisionEditor *self,
                                          CsSession        *session,
                                          CsPluginHost     *host);
void      cs_decision_editor_set_case    (CsDecisionEditor *self,
                                          CsCase           *kase,
                                          CsMatter         *matter);
gboolean  cs_decision_editor_get_shown   (CsDecisionEditor *self);

G_END_DECLS
