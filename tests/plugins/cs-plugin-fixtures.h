/* cs-plugin-fixtures.h — what the plugin tests read from tests/plugins/data
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

JsonObject *cs_fixture_read_json   (const char *path);
CsMatter   *cs_fixture_load_matter (const char *code);

/* A plugin's own sample cases (plugins/<code>/<code>-cases.json). */
typedef struct
{
  JsonObject *samples;
  JsonObject *object;           /* the case, a copy a test may change */
  JsonObject *texts;            /* material id → text, a copy too */
  CsMatter *matter;
  GDate today;
} CsSample;

void        cs_sample_init         (CsSample          *sample,
                                    const char        *plugin,
                                    const char        *case_id);
void        cs_sample_clear        (CsSample          *sample);
JsonObject *cs_sample_form         (CsSample          *sample);
JsonObject *cs_sample_applicant    (CsSample          *sample);
void        cs_sample_remove_material (CsSample       *sample,
                                    const char        *matter_code,
                                    const char        *item);
CsCase     *cs_sample_make_case    (CsSample          *sample);
GPtrArray  *cs_sample_check        (CsSample          *sample,
                                    CsDepartment      *department);
char       *cs_sample_word         (CsSample          *sample,
                                    CsDepartment      *department,
                                    CsOutcome          outcome,
                                    char             **legal_basis);
CsFinding  *cs_fixture_find        (GPtrArray         *findings,
                                    CsFindingSeverity  severity,
                                    const char        *field,
                                    const char        *material,
                                    const char        *item);
guint       cs_fixture_count       (GPtrArray         *findings,
                                    CsFindingSeverity  severity);
gboolean    cs_fixture_use_chinese (void);
void        cs_fixture_use_english (void);

G_END_DECLS
