/* cs-json-reader.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-json-reader-private.h"

#define MAX_DEPTH 64

void
_cs_json_reader_init (CsJsonReader *reader,
                      const char   *data,
                      gsize         length)
{
  reader->p = data;
  reader->end = data + length;
  reader->depth = 0;
  reader->failed = FALSE;
  reader->utf8_checked = FALSE;
}

static gboolean
fail (CsJsonReader *reader)
{
  reader->failed = TRUE;
  return FALSE;
}

static void
skip_space (CsJsonReader *reader)
{
  while (reader->p < reader->end &&
         (*reader->p == ' ' || *reader->p == '\n' || *reader->p == '\r' || *reader->p == '\t'))
    reader->p++;
}

static gboolean
expect (CsJsonReader *reader,
        char          c)
{
  skip_space (reader);
  if (reader->p >= reader->end || *reader->p != c)
    return fail (reader);
  reader->p++;
  return TRUE;
}

static gboolean
expect_word (CsJsonReader *reader,
             const char   *word,
             gsize         length)
{
  if ((gsize) (reader->end - reader->p) < length || memcmp (reader->p, word, length) != 0)
    return fail (reader);
  reader->p += length;
  return TRUE;
}

CsJsonToken
_cs_json_reader_peek (CsJsonReader *reader)
{
  if (reader->failed)
    return CS_JSON_TOKEN_ERROR;
  skip_space (reader);
  if (reader->p >= reader->end)
    return CS_JSON_TOKEN_ERROR;

  switch (*reader->p)
    {
    case 'n': return CS_JSON_TOKEN_NULL;
    case 't': case 'f': return CS_JSON_TOKEN_BOOLEAN;
    case '"': return CS_JSON_TOKEN_STRING;
    case '{': return CS_JSON_TOKEN_OBJECT;
    case '[': return CS_JSON_TOKEN_ARRAY;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return CS_JSON_TOKEN_NUMBER;
    default:
      return CS_JSON_TOKEN_ERROR;
    }
}

gboolean
_cs_json_reader_begin_object (CsJsonReader *reader)
{
  if (reader->failed || ++reader->depth > MAX_DEPTH)
    return fail (reader);
  return expect (reader, '{');
}

gboolean
_cs_json_reader_begin_array (CsJsonReader *reader)
{
  if (reader->failed || ++reader->depth > MAX_DEPTH)
    return fail (reader);
  return expect (reader, '[');
}

static gboolean read_string_into (CsJsonReader *reader, GString *out);

/* Reads `,"key":` or the object's end. Tracks whether a member came
 * before, so that `{,}` and `{"a":1,}` are refused. */
gboolean
_cs_json_reader_next_member (CsJsonReader *reader,
                             GString      *key,
                             gboolean     *out_done)
{
  const char *before;

  skip_space (reader);
  if (reader->failed || reader->p >= reader->end)
    return fail (reader);
  before = reader->p;

  *out_done = FALSE;
  if (*reader->p == '}')
    {
      /* Only right after '{' or after a value (never after ','). */
      const char *q = before - 1;

      while (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t')
        q--;
      if (*q == ',')
        return fail (reader);
      reader->p++;
      reader->depth--;
      *out_done = TRUE;
      return TRUE;
    }

  {
    const char *q = before - 1;

    while (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t')
      q--;
    if (*q != '{')
      {
        if (*reader->p != ',')
          return fail (reader);
        reader->p++;
        skip_space (reader);
      }
  }

  if (reader->p >= reader->end || *reader->p != '"')
    return fail (reader);
  g_string_truncate (key, 0);
  if (!read_string_into (reader, key))
    return FALSE;
  return expect (reader, ':');
}

gboolean
_cs_json_reader_next_element (CsJsonReader *reader,
                              gboolean     *out_done)
{
  const char *q;

  skip_space (reader);
  if (reader->failed || reader->p >= reader->end)
    return fail (reader);

  q = reader->p - 1;
  while (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t')
    q--;

  *out_done = FALSE;
  if (*reader->p == ']')
    {
      if (*q == ',')
        return fail (reader);
      reader->p++;
      reader->depth--;
      *out_done = TRUE;
      return TRUE;
    }
  if (*q != '[')
    {
      if (*reader->p != ',')
        return fail (reader);
      reader->p++;
    }
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (CsJsonReader *reader,
           gunichar     *out)
{
  gunichar value = 0;

  if (reader->end - reader->p < 4)
    return fail (reader);
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (reader->p[i]);

      if (h < 0)
        return fail (reader);
      value = (value << 4) | h;
    }
  reader->p += 4;
  *out = value;
  return TRUE;
}

/* Appends the decoded string at the reader's position to @out. */
static gboolean
read_string_into (CsJsonReader *reader,
                  GString      *out)
{
  const char *run;

  if (reader->p >= reader->end || *reader->p != '"')
    return fail (reader);
  reader->p++;
  run = reader->p;

  for (;;)
    {
      unsigned char c;

      if (reader->p >= reader->end)
        return fail (reader);
      c = (unsigned char) *reader->p;

      if (c == '"')
        {
          g_string_append_len (out, run, reader->p - run);
          reader->p++;
          return TRUE;
        }
      if (c < 0x20)
        return fail (reader);
      if (c != '\\')
        {
          reader->p++;
          continue;
        }

      g_string_append_len (out, run, reader->p - run);
      reader->p++;
      if (reader->p >= reader->end)
        return fail (reader);
      switch (*reader->p++)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar unit, low;

            if (!read_hex4 (reader, &unit))
              return FALSE;
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                if (!expect_word (reader, "\\u", 2) || !read_hex4 (reader, &low) ||
                    low < 0xDC00 || low > 0xDFFF)
                  return fail (reader);
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (unit >= 0xDC00 && unit <= 0xDFFF)
              return fail (reader);
            g_string_append_unichar (out, unit);
            break;
          }
        default:
          return fail (reader);
        }
      run = reader->p;
    }
}

gboolean
_cs_json_reader_read_string (CsJsonReader *reader,
                             GString      *out)
{
  gsize start = out->len;

  if (_cs_json_reader_peek (reader) != CS_JSON_TOKEN_STRING)
    return fail (reader);
  if (!read_string_into (reader, out))
    return FALSE;
  /* The text must be UTF-8: it goes to SQLite and the screen as it is. */
  if (!reader->utf8_checked && !g_utf8_validate_len (out->str + start, out->len - start, NULL))
    return fail (reader);
  return TRUE;
}

/* Checks the number grammar and returns its span. */
static gboolean
scan_number (CsJsonReader  *reader,
             gboolean      *out_integer)
{
  const char *p = reader->p;
  gboolean integer = TRUE;

  if (p < reader->end && *p == '-')
    p++;
  if (p >= reader->end || !g_ascii_isdigit (*p))
    return fail (reader);
  if (*p == '0')
    p++;
  else
    while (p < reader->end && g_ascii_isdigit (*p))
      p++;
  if (p < reader->end && *p == '.')
    {
      integer = FALSE;
      p++;
      if (p >= reader->end || !g_ascii_isdigit (*p))
        return fail (reader);
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < reader->end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < reader->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= reader->end || !g_ascii_isdigit (*p))
        return fail (reader);
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
    }
  reader->p = p;
  *out_integer = integer;
  return TRUE;
}

gboolean
_cs_json_reader_read_int (CsJsonReader *reader,
                          gint64       *out)
{
  const char *start;
  gboolean integer;
  gboolean negative;
  guint64 value = 0;

  if (_cs_json_reader_peek (reader) != CS_JSON_TOKEN_NUMBER)
    return fail (reader);
  start = reader->p;
  if (!scan_number (reader, &integer) || !integer)
    return fail (reader);

  negative = *start == '-';
  for (const char *p = start + negative; p < reader->p; p++)
    {
      if (value > (G_MAXINT64 - 9) / 10)
        return fail (reader);
      value = value * 10 + (*p - '0');
    }
  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

gboolean
_cs_json_reader_read_boolean (CsJsonReader *reader,
                              gboolean     *out)
{
  if (_cs_json_reader_peek (reader) != CS_JSON_TOKEN_BOOLEAN)
    return fail (reader);
  if (*reader->p == 't')
    {
      *out = TRUE;
      return expect_word (reader, "true", 4);
    }
  *out = FALSE;
  return expect_word (reader, "false", 5);
}

gboolean
_cs_json_reader_read_null (CsJsonReader *reader)
{
  if (_cs_json_reader_peek (reader) != CS_JSON_TOKEN_NULL)
    return fail (reader);
  return expect_word (reader, "null", 4);
}

static gboolean
skip_value (CsJsonReader *reader)
{
  g_autoptr(GString) scratch = NULL;
  gboolean done, flag, integer;

  switch (_cs_json_reader_peek (reader))
    {
    case CS_JSON_TOKEN_NULL:
      return _cs_json_reader_read_null (reader);
    case CS_JSON_TOKEN_BOOLEAN:
      return _cs_json_reader_read_boolean (reader, &flag);
    case CS_JSON_TOKEN_NUMBER:
      return scan_number (reader, &integer);
    case CS_JSON_TOKEN_STRING:
      scratch = g_string_new (NULL);
      return _cs_json_reader_read_string (reader, scratch);
    case CS_JSON_TOKEN_OBJECT:
      scratch = g_string_new (NULL);
      if (!_cs_json_reader_begin_object (reader))
        return FALSE;
      while (_cs_json_reader_next_member (reader, scratch, &done) && !done)
        if (!skip_value (reader))
          return FALSE;
      return !reader->failed;
    case CS_JSON_TOKEN_ARRAY:
      if (!_cs_json_reader_begin_array (reader))
        return FALSE;
      while (_cs_json_reader_next_element (reader, &done) && !done)
        if (!skip_value (reader))
          return FALSE;
      return !reader->failed;
    case CS_JSON_TOKEN_ERROR:
    default:
      return fail (reader);
    }
}

/* Checks the next value and gives its raw text (valid JSON). */
gboolean
_cs_json_reader_skip (CsJsonReader  *reader,
                      const char   **out_start,
                      gsize         *out_length)
{
  const char *start;

  skip_space (reader);
  start = reader->p;
  if (!skip_value (reader))
    return FALSE;
  if (out_start != NULL)
    *out_start = start;
  if (out_length != NULL)
    *out_length = reader->p - start;
  return TRUE;
}

gboolean
_cs_json_reader_at_end (CsJsonReader *reader)
{
  skip_space (reader);
  return !reader->failed && reader->p == reader->end;
}
