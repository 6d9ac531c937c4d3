/* cs-form.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

CS_AVAILABLE_IN_ALL
const char *cs_form_get_string  (JsonObject  *form,
                                 const char  *member);
CS_AVAILABLE_IN_ALL
gboolean    cs_form_get_number  (JsonObject  *form,
                                 const char  *member,
                                 double      *out_value);
CS_AVAILABLE_IN_ALL
gboolean    cs_form_get_boolean (JsonObject  *form,
                                 const char  *member,
                                 gboolean    *out_value);
CS_AVAILABLE_IN_ALL
GStrv       cs_form_dup_strv    (JsonObject  *form,
                                 const char  *member);
CS_AVAILABLE_IN_ALL
char       *cs_form_dup_text    (JsonObject  *form,
                                 const char  *member);

G_END_DECLS
