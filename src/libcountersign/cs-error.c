/* cs-error.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-error.h"

G_DEFINE_QUARK (cs-error-quark, cs_error)

/**
 * cs_error_is_transient:
 * @error: (nullable): an error
 *
 * Tells whether the failure may go away by itself, so that the same
 * request is worth sending again later: the server could not be reached or
 * failed with a 5xx status. Refusals (4xx), TLS failures and local errors
 * are not transient: retrying them blindly would only repeat the refusal.
 *
 * Returns: %TRUE when retrying later makes sense
 */
gboolean
cs_error_is_transient (const GError *error)
{
  return error != NULL &&
         (g_error_matches (error, CS_ERROR, CS_ERROR_NETWORK) ||
          g_error_matches (error, CS_ERROR, CS_ERROR_SERVER));
}
