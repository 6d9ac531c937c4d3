/* cs-user.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_USER (cs_user_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsUser, cs_user, CS, USER, GObject)

CS_AVAILABLE_IN_ALL
CsUser     *cs_user_new_from_json          (JsonObject  *object,
                                            GError     **error);
CS_AVAILABLE_IN_ALL
gint64      cs_user_get_id                 (CsUser      *self);
CS_AVAILABLE_IN_ALL
const char *cs_user_get_username           (CsUser      *self);
CS_AVAILABLE_IN_ALL
const char *cs_user_get_name               (CsUser      *self);
CS_AVAILABLE_IN_ALL
const char *cs_user_get_department         (CsUser      *self);
CS_AVAILABLE_IN_ALL
const char *cs_user_get_department_name    (CsUser      *self);
CS_AVAILABLE_IN_ALL
gboolean    cs_user_is_approver            (CsUser      *self);
CS_AVAILABLE_IN_ALL
gboolean    cs_user_is_chief               (CsUser      *self);
CS_AVAILABLE_IN_ALL
JsonNode   *cs_user_to_json                (CsUser      *self);

G_END_DECLS
