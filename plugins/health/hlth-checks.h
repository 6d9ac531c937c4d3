/* hlth-checks.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

/* Form members of health.radiation-worker, as the central API names them;
 * the panel marks its rows with the same names, and the applicant's
 * details with "applicant.<member>". */
#define HLTH_FIELD_APPLICANT_NAME      "applicant.name"
#define HLTH_FIELD_APPLICANT_ID_NUMBER "applicant.id_number"
#define HLTH_FIELD_EMPLOYER            "employer"
#define HLTH_FIELD_EMPLOYER_LICENCE_NO "employer_licence_no"
#define HLTH_FIELD_POST                "post"
#define HLTH_FIELD_WORK_SINCE          "radiation_work_since"
#define HLTH_FIELD_TRAINING_NO         "training_certificate_no"
#define HLTH_FIELD_EXAM_CONCLUSION     "health_exam_conclusion"
#define HLTH_FIELD_DOSIMETER_NO        "dosimeter_no"

/* The conclusion of an occupational health examination (GBZ 98) that lets
 * a person do radiation work without conditions. */
#define HLTH_EXAM_FIT "可从事放射工作"

const char *hlth_form_get_string          (JsonObject     *form,
                                           const char     *member);
gboolean    hlth_exam_conclusion_is_unfit (const char     *conclusion);
gboolean    hlth_id_number_birth_date     (const char     *id_number,
                                           GDate          *birth);
guint       hlth_age_on                   (const GDate    *birth,
                                           const GDate    *day);
GPtrArray  *hlth_check_radiation_worker   (CsCheckContext *context);

G_END_DECLS
