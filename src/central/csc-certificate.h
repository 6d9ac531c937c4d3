/* csc-certificate.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "csc-database.h"

G_BEGIN_DECLS

gboolean csc_certificate_register (CscDatabase  *db,
                                   const char   *username,
                                   const char   *certificate_pem,
                                   GError      **error);

G_END_DECLS
