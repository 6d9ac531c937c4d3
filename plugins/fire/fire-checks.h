/* fire-checks.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

/* Form members of fire.pre-opening for a venue of its own, as the central
 * API names them. */
#define FIRE_FIELD_VENUE_NAME "venue_name"
#define FIRE_FIELD_VENUE_TYPE "venue_type"
#define FIRE_FIELD_ADDRESS    "address"
#define FIRE_FIELD_AREA       "building_area_m2"
#define FIRE_FIELD_FLOORS     "floors"
#define FIRE_FIELD_OCCUPANCY  "max_occupancy"

/* For a part of a parallel approval, the lead's form: the plant of an
 * industrial product production licence. */
#define FIRE_FIELD_PRODUCT            "product"
#define FIRE_FIELD_PRODUCTION_ADDRESS "production_address"
#define FIRE_FIELD_PLANT_AREA         "plant_area_m2"
#define FIRE_FIELD_HAZARDOUS          "storage_of_hazardous_materials"

gboolean   fire_form_is_plant     (JsonObject     *form);
gboolean   fire_stores_hazardous  (JsonObject     *form);
GPtrArray *fire_check_pre_opening (CsCheckContext *context);

G_END_DECLS
