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
static gboolean read_string_span (CsJsonReader *reader, GString *scratch,
                                  const char **out_str, gsize *out_length);

/* Reads `,"key":` or the object's end. Tracks whether a member came
 * before, so that `{,}` and `{"a":1,}` are refused. The key is left in
 * the text when it has no escapes, else decoded into @scratch. */
gboolean
_cs_json_reader_next_member_span (CsJsonReader  *reader,
                                  GString       *scratch,
                                  const char   **out_key,
                                  gsize         *out_length,
                                  gboolean      *out_done)
{
  const char *before;
  const char *q;

  skip_space (reader);
  if (reader->failed || reader->p >= reader->end)
    return fail (reader);
  before = reader->p;

  /* What came before: '{' (no member yet), or the end of a value. */
  q = before - 1;
  while (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t')
    q--;

  *out_done = FALSE;
  if (*reader->p == '}')
    {
      /* Only right after '{' or after a value (never after ','). */
      if (*q == ',')
        return fail (reader);
      reader->p++;
      reader->depth--;
      *out_done = TRUE;
      return TRUE;
    }

  if (*q != '{')
    {
      if (*reader->p != ',')
        return fail (reader);
      reader->p++;
      skip_space (reader);
    }

  if (reader->p >= reader->end || *reader->p != '"')
    return fail (reader);
  if (!read_string_span (reader, scratch, out_key, out_length))
    return FALSE;
  return expect (reader, ':');
}

gboolean
_cs_json_reader_next_member (CsJsonReader *reader,
                             GString      *key,
                             gboolean     *out_done)
{
  const char *text;
  gsize length;

  if (!_cs_json_reader_next_member_span (reader, key, &text, &length, out_done))
    return FALSE;
  if (!*out_done && text != key->str)
    {
      g_string_truncate (key, 0);
      g_string_append_len (key, text, length);
    }
  return TRUE;
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

/* Bytes that stand for themselves inside a string: printable ASCII but
 * the quote and the backslash. */
static const guint8 plain_byte[256] = {
#define R8(v) v, v, v, v, v, v, v, v
#define R16(v) R8 (v), R8 (v)
  R16 (0), R16 (0),                                         /* 0x00-0x1f */
  1, 1, 0, 1, 1, 1, 1, 1, R8 (1), R16 (1),                  /* 0x20-0x3f: '"' */
  R16 (1), R8 (1), 1, 1, 1, 1, 0, 1, 1, 1,                  /* 0x40-0x5f: '\\' */
  R16 (1), R16 (1),                                         /* 0x60-0x7f */
  R16 (0), R16 (0), R16 (0), R16 (0), R16 (0), R16 (0), R16 (0), R16 (0),
#undef R16
#undef R8
};

/* The end of the UTF-8 sequence at @p (its first byte 0x80 or above), or
 * NULL when it is not well-formed (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), as g_utf8_validate() judges. */
static const char *
skip_utf8_sequence (const char *p,
                    const char *end)
{
  const guchar *s = (const guchar *) p;
  gsize avail = end - p;

  if (s[0] >= 0xC2 && s[0] <= 0xDF)
    return avail >= 2 && (s[1] & 0xC0) == 0x80 ? p + 2 : NULL;
  if (s[0] >= 0xE0 && s[0] <= 0xEF)
    {
      if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
          (s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F))
        return NULL;
      return p + 3;
    }
  if (s[0] >= 0xF0 && s[0] <= 0xF4)
    {
      if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
          (s[3] & 0xC0) != 0x80 || (s[0] == 0xF0 && s[1] < 0x90) ||
          (s[0] == 0xF4 && s[1] > 0x8F))
        return NULL;
      return p + 4;
    }
  return NULL;
}

/* Moves @p over bytes that need no decoding; stops at the closing quote,
 * a backslash, the end, or a byte that is wrong (then *@bad is set). The
 * text goes to SQLite and the screen as it is: it must be UTF-8. */
static const char *
scan_plain (const char *p,
            const char *end,
            gboolean   *bad)
{
  for (;;)
    {
      /* Eight bytes at a time while none needs a look: each test leaves
       * the high bit set in a byte that is a quote, a backslash, below
       * 0x20 or above 0x7f, and the lowest such byte is one. */
      while (end - p >= 8)
        {
          const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
          const guint64 highs = ones << 7;
          guint64 x, quote, backslash, special;

          memcpy (&x, p, 8);
          quote = x ^ (ones * '"');
          backslash = x ^ (ones * '\\');
          special = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
                    ((x - ones * 0x20) & ~x) | x;
          special &= highs;
          if (special != 0)
            {
              p += __builtin_ctzll (special) / 8;
              goto look;
            }
          p += 8;
        }
      while (p < end && plain_byte[(guchar) *p])
        p++;
      if (p >= end)
        return p;

    look:
      if (*p == '"' || *p == '\\')
        return p;
      /* A run of multi-byte characters (Chinese text) is checked here. */
      while ((guchar) *p >= 0x80)
        {
          if ((p = skip_utf8_sequence (p, end)) == NULL)
            {
              *bad = TRUE;
              return end;
            }
          if (p >= end)
            return p;
        }
      if ((guchar) *p < 0x20)
        {
          *bad = TRUE;
          return end;
        }
    }
}

/* Appends the decoded string at the reader's position to @out. */
static gboolean
read_string_into (CsJsonReader *reader,
                  GString      *out)
{
  if (reader->p >= reader->end || *reader->p != '"')
    return fail (reader);
  reader->p++;

  for (;;)
    {
      gboolean bad = FALSE;
      const char *run = reader->p;

      reader->p = scan_plain (reader->p, reader->end, &bad);
      if (bad || reader->p >= reader->end)
        return fail (reader);
      g_string_append_len (out, run, reader->p - run);

      if (*reader->p++ == '"')
        return TRUE;

      /* A backslash. */
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
    }
}

/* Reads the string at the reader's position: *@out_str points into the
 * text itself when the string has no escapes (the common case, nothing
 * copied), else into @scratch, decoded (NULL @scratch: checked, not
 * kept). */
static gboolean
read_string_span (CsJsonReader  *reader,
                  GString       *scratch,
                  const char   **out_str,
                  gsize         *out_length)
{
  const char *start;
  gboolean bad = FALSE;

  if (reader->p >= reader->end || *reader->p != '"')
    return fail (reader);
  start = reader->p + 1;
  reader->p = scan_plain (start, reader->end, &bad);
  if (bad || reader->p >= reader->end)
    return fail (reader);
  if (*reader->p == '"')
    {
      *out_str = start;
      *out_length = reader->p - start;
      reader->p++;
      return TRUE;
    }

  /* Escapes: decode from the start. */
  reader->p = start - 1;
  if (scratch == NULL)
    {
      g_autoptr(GString) checked = g_string_new (NULL);

      *out_str = NULL;
      *out_length = 0;
      return read_string_into (reader, checked);
    }
  g_string_truncate (scratch, 0);
  if (!read_string_into (reader, scratch))
    return FALSE;
  *out_str = scratch->str;
  *out_length = scratch->len;
  return TRUE;
}

gboolean
_cs_json_reader_read_string_span (CsJsonReader  *reader,
                                  GString       *scratch,
                                  const char   **out_str,
                                  gsize         *out_length)
{
  if (_cs_json_reader_peek (reader) != CS_JSON_TOKEN_STRING)
    return fail (reader);
  return read_string_span (reader, scratch, out_str, out_length);
}

gboolean
_cs_json_reader_read_string (CsJsonReader *reader,
                             GString      *out)
{
  if (_cs_json_reader_peek (reader) != CS_JSON_TOKEN_STRING)
    return fail (reader);
  return read_string_into (reader, out);
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
  const char *text;
  gsize length;
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
      return read_string_span (reader, NULL, &text, &length);
    case CS_JSON_TOKEN_OBJECT:
      if (!_cs_json_reader_begin_object (reader))
        return FALSE;
      while (_cs_json_reader_next_member_span (reader, NULL, &text, &length, &done) && !done)
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
