/* csc-password.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscPassword"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>

#include "csc-password.h"

/* Passwords are stored as PBKDF2-HMAC-SHA256 with a random 16-byte salt;
 * tokens are 32 random bytes, handed out once and stored only as their
 * SHA-256, so a copy of the database lets nobody sign in. */

#define SALT_LEN 16
#define HASH_LEN 32
#define TOKEN_LEN 32

static gboolean
derive (const char  *password,
        guint        iterations,
        const void  *salt,
        gsize        salt_len,
        guint8      *out,
        GError     **error)
{
  gnutls_datum_t key = { (unsigned char *)password, (unsigned int)strlen (password) };
  gnutls_datum_t salt_datum = { (unsigned char *)salt, (unsigned int)salt_len };
  int rc;

  rc = gnutls_pbkdf2 (GNUTLS_MAC_SHA256, &key, &salt_datum, iterations, out, HASH_LEN);
  if (rc < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "deriving the password hash: %s", gnutls_strerror (rc));
      return FALSE;
    }

  return TRUE;
}

gboolean
csc_password_hash (const char  *password,
                   guint        iterations,
                   GBytes     **salt,
                   GBytes     **hash,
                   GError     **error)
{
  guint8 salt_bytes[SALT_LEN];
  guint8 hash_bytes[HASH_LEN];
  int rc;

  g_return_val_if_fail (password != NULL, FALSE);

  rc = gnutls_rnd (GNUTLS_RND_NONCE, salt_bytes, sizeof salt_bytes);
  if (rc < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "generating a salt: %s", gnutls_strerror (rc));
      return FALSE;
    }

  if (!derive (password, iterations, salt_bytes, sizeof salt_bytes, hash_bytes, error))
    return FALSE;

  *salt = g_bytes_new (salt_bytes, sizeof salt_bytes);
  *hash = g_bytes_new (hash_bytes, sizeof hash_bytes);
  return TRUE;
}

gboolean
csc_password_verify (const char *password,
                     guint       iterations,
                     GBytes     *salt,
                     GBytes     *hash)
{
  guint8 computed[HASH_LEN];
  const guint8 *expected;
  gsize expected_len;
  gsize salt_len;
  const void *salt_data;
  guint8 diff = 0;

  if (password == NULL || salt == NULL || hash == NULL || iterations == 0)
    return FALSE;

  salt_data = g_bytes_get_data (salt, &salt_len);
  if (!derive (password, iterations, salt_data, salt_len, computed, NULL))
    return FALSE;

  expected = g_bytes_get_data (hash, &expected_len);
  if (expected_len != HASH_LEN)
    return FALSE;

  /* Compare in constant time. */
  for (guint i = 0; i < HASH_LEN; i++)
    diff |= computed[i] ^ expected[i];

  return diff == 0;
}

char *
csc_token_new (GError **error)
{
  guint8 bytes[TOKEN_LEN];
  g_autofree char *encoded = NULL;
  int rc;

  rc = gnutls_rnd (GNUTLS_RND_KEY, bytes, sizeof bytes);
  if (rc < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "generating a token: %s", gnutls_strerror (rc));
      return NULL;
    }

  /* URL-safe Base64 without padding: the token travels in headers. */
  encoded = g_base64_encode (bytes, sizeof bytes);
  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  g_strdelimit (encoded, "=", '\0');

  return g_strdup (encoded);
}

char *
csc_token_digest (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}
