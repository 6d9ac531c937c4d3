/* csc-demo.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "csc-database.h"

G_BEGIN_DECLS

gboolean csc_demo_seed (CscDatabase  *db,
                        const GDate  *today,
                        const char   *demo_dir,
                        const char   *cache_dir,
                        GError      **error);

G_END_DECLS
