/* cs-material.h
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

#define CS_TYPE_MATERIAL (cs_material_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsMaterial, cs_material, CS, MATERIAL, GObject)

CS_AVAILABLE_IN_ALL
CsMaterial *cs_material_new_from_json       (JsonObject  *object,
                                             GError     **error);
CS_AVAILABLE_IN_ALL
const char *cs_material_get_id              (CsMaterial  *self);
CS_AVAILABLE_IN_ALL
const char *cs_material_get_matter_code     (CsMaterial  *self);
CS_AVAILABLE_IN_ALL
const char *cs_material_get_checklist_item  (CsMaterial  *self);
CS_AVAILABLE_IN_ALL
const char *cs_material_get_name            (CsMaterial  *self);
CS_AVAILABLE_IN_ALL
const char *cs_material_get_media_type      (CsMaterial  *self);
CS_AVAILABLE_IN_ALL
guint64     cs_material_get_size            (CsMaterial  *self);
CS_AVAILABLE_IN_ALL
const char *cs_material_get_sha256          (CsMaterial  *self);
CS_AVAILABLE_IN_ALL
guint       cs_material_get_pages           (CsMaterial  *self);
CS_AVAILABLE_IN_ALL
gint64      cs_material_get_received_at     (CsMaterial  *self);

G_END_DECLS
