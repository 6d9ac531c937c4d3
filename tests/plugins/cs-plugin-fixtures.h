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

G_END_DECLS
