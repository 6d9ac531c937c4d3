/* cs-form-view.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

G_BEGIN_DECLS

#define CS_TYPE_FORM_VIEW (cs_form_view_get_type ())

G_DECLARE_FINAL_TYPE (CsFormView, cs_form_view, CS, FORM_VIEW, AdwBin)

GtkWidget *cs_form_view_new          (JsonObject *form);
char      *cs_form_view_format_value (JsonNode   *node);
char      *cs_form_view_format_label (const char *member);

G_END_DECLS
