/* frst-checks.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

/* Form members of forestry.timber-logging, as the central API names them;
 * the panel's rows carry the same names. */
#define FRST_FIELD_SITE         "site"
#define FRST_FIELD_CERTIFICATE  "land_ownership_certificate"
#define FRST_FIELD_CATEGORY     "forest_category"
#define FRST_FIELD_SPECIES      "species"
#define FRST_FIELD_AREA         "area_mu"
#define FRST_FIELD_VOLUME       "volume_m3"
#define FRST_FIELD_QUOTA        "annual_quota_m3"
#define FRST_FIELD_METHOD       "method"
#define FRST_FIELD_REGENERATION "regeneration_commitment"

/* 公益林 (public-welfare forest) and 皆伐 (clear felling), as forms write them. */
#define FRST_CATEGORY_PUBLIC_WELFARE "公益林"
#define FRST_METHOD_CLEAR_FELLING    "皆伐"

gboolean   frst_volume_exceeds_quota          (JsonObject     *form,
                                               double         *out_volume,
                                               double         *out_quota);
gboolean   frst_clear_felling_public_welfare  (JsonObject     *form);
GPtrArray *frst_check_timber_logging          (CsCheckContext *context);

G_END_DECLS
