/* cs-validate.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CS_VALIDATE_ERROR:
 *
 * The error domain of the shared validators.
 */
#define CS_VALIDATE_ERROR (cs_validate_error_quark ())

/**
 * CsValidateError:
 * @CS_VALIDATE_ERROR_EMPTY: no value was given.
 * @CS_VALIDATE_ERROR_LENGTH: the value has the wrong number of characters.
 * @CS_VALIDATE_ERROR_CHARSET: the value has a character the standard does not allow.
 * @CS_VALIDATE_ERROR_REGION: the administrative region code is not a valid one.
 * @CS_VALIDATE_ERROR_DATE: the embedded date does not exist or lies in the future.
 * @CS_VALIDATE_ERROR_CHECK_DIGIT: the check character does not match.
 * @CS_VALIDATE_ERROR_FORMAT: the value is not written in the expected form
 *   (a date not written YYYY-MM-DD).
 * @CS_VALIDATE_ERROR_PREFIX: the value does not start as it must (a mobile
 *   number outside mainland China, or not starting with 13 to 19).
 *
 * Why a value was refused. The error message says it in words a person
 * understands.
 */
typedef enum
{
  CS_VALIDATE_ERROR_EMPTY,
  CS_VALIDATE_ERROR_LENGTH,
  CS_VALIDATE_ERROR_CHARSET,
  CS_VALIDATE_ERROR_REGION,
  CS_VALIDATE_ERROR_DATE,
  CS_VALIDATE_ERROR_CHECK_DIGIT,
  CS_VALIDATE_ERROR_FORMAT,
  CS_VALIDATE_ERROR_PREFIX,
} CsValidateError;

CS_AVAILABLE_IN_ALL
GQuark   cs_validate_error_quark        (void);
CS_AVAILABLE_IN_ALL
char     cs_resident_id_check_digit     (const char  *first17);
CS_AVAILABLE_IN_ALL
gboolean cs_validate_resident_id        (const char  *value,
                                         GError     **error);
CS_AVAILABLE_IN_ALL
char     cs_uscc_check_character        (const char  *first17);
CS_AVAILABLE_IN_ALL
gboolean cs_validate_uscc               (const char  *value,
                                         GError     **error);
CS_AVAILABLE_IN_ALL
char    *cs_mobile_normalize            (const char  *value);
CS_AVAILABLE_IN_ALL
gboolean cs_validate_mobile             (const char  *value,
                                         GError     **error);
CS_AVAILABLE_IN_ALL
gboolean cs_validate_date               (const char  *value,
                                         GDate       *out_date,
                                         GError     **error);

G_END_DECLS
