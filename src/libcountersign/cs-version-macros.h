/* cs-version-macros.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib.h>

#ifndef _CS_EXTERN
# define _CS_EXTERN __attribute__((visibility("default"))) extern
#endif

/**
 * CS_AVAILABLE_IN_ALL:
 *
 * Marks a symbol that is part of the public API of every version of
 * libcountersign.
 */
#define CS_AVAILABLE_IN_ALL _CS_EXTERN
