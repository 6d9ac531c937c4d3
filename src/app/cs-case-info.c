/* cs-case-info.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsCaseInfo"

#include "config.h"

#include <string.h>

#include "cs-case-info.h"
#include "cs-case-list.h"

typedef struct
{
  CsCaseInfo info;
  gint64 key_version;        /* of the search key */
  gint64 key_updated_at;
  gint64 version;            /* of the clocks */
  gint64 updated_at;
  CsCalendar *calendar;      /* compared, never dereferenced */
  guint32 today;
} Cached;

/* Asked for by the threads of cs_case_info_prepare() at once. */
static GQuark
info_quark (void)
{
  static gsize quark = 0;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("cs-case-info"));
  return (GQuark) quark;
}

static void
cached_free (Cached *cached)
{
  g_free (cached->info.search_key);
  g_free (cached);
}

/* Characters that NFKC and case folding leave alone beyond ASCII: the CJK
 * unified ideographs (with extension A), most of what applicants' names and
 * matters are written in. */
static gboolean
folds_to_itself (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* ASCII and ideographs only, the common case, without the two passes over
 * the Unicode tables: the same result in a tenth of the time. NULL for
 * any other text. */
static char *
fold_simple (const char *text)
{
  gsize len = strlen (text);
  char *folded = g_malloc (len + 1);
  const char *p = text;

  while (*p != '\0')
    {
      gsize offset = p - text;
      const char *next;
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          folded[offset] = g_ascii_tolower (*p++);
          continue;
        }
      c = g_utf8_get_char_validated (p, len - offset);
      if (c == (gunichar) -1 || c == (gunichar) -2 || !folds_to_itself (c))
        {
          g_free (folded);
          return NULL;
        }
      next = g_utf8_next_char (p);
      memcpy (folded + offset, p, next - p);
      p = next;
    }
  folded[len] = '\0';
  return folded;
}

/* Folds case and width so that a search matches what a person types:
 * "ab" finds "AB", and full-width digits find half-width ones. */
char *
cs_case_info_fold (const char *text)
{
  g_autofree char *normalized = NULL;
  char *folded;

  if (text == NULL)
    return g_strdup ("");
  if ((folded = fold_simple (text)) != NULL)
    return folded;
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

static int
state_rank (CsClockState state)
{
  switch (state)
    {
    case CS_CLOCK_STATE_RED:
      return 3;
    case CS_CLOCK_STATE_YELLOW:
      return 2;
    case CS_CLOCK_STATE_PAUSED:
      return 1;
    case CS_CLOCK_STATE_ON_TRACK:
    default:
      return 0;
    }
}

typedef struct
{
  CsCaseClockKey key;        /* suspensions owned */
  guint32 day;               /* the day the clocks are read on */
  CsCaseInfo clocks;         /* the clock members only */
} Memo;

static guint
memo_hash (gconstpointer data)
{
  const Memo *memo = data;
  const CsCaseClockKey *key = &memo->key;
  guint hash = key->accepted_on;

  hash = hash * 31 + key->supplement_requested_on;
  hash = hash * 31 + key->statutory_limit;
  hash = hash * 31 + key->promised_limit;
  hash = hash * 31 + key->extension_days;
  hash = hash * 31 + (key->green_channel << 1 | key->instant);
  hash = hash * 31 + memo->day;
  return key->suspensions != NULL ? hash ^ g_str_hash (key->suspensions) : hash;
}

static gboolean
memo_equal (gconstpointer a_data,
            gconstpointer b_data)
{
  const Memo *a = a_data, *b = b_data;

  return a->day == b->day && a->key.accepted_on == b->key.accepted_on &&
         a->key.supplement_requested_on == b->key.supplement_requested_on &&
         a->key.statutory_limit == b->key.statutory_limit &&
         a->key.promised_limit == b->key.promised_limit &&
         a->key.extension_days == b->key.extension_days &&
         a->key.green_channel == b->key.green_channel && a->key.instant == b->key.instant &&
         g_strcmp0 (a->key.suspensions, b->key.suspensions) == 0;
}

static void
memo_free (Memo *memo)
{
  g_free ((char *) memo->key.suspensions);
  g_free (memo);
}

/* Deadlines depend on the clock's inputs, the calendar and the day only,
 * and an inbox of 100,000 cases holds far fewer different clocks (cases
 * accepted on the same day under the same matter): each is worked out
 * once. */
static GHashTable *
memo_table_new (void)
{
  return g_hash_table_new_full (memo_hash, memo_equal, (GDestroyNotify) memo_free, NULL);
}

/* The main thread's memo, kept for one calendar and one today. */
static GHashTable *
memo_table (CsCalendar  *calendar,
            const GDate *today)
{
  static GHashTable *table;
  static CsCalendar *table_calendar;
  static guint32 table_today;
  guint32 julian = g_date_get_julian (today);

  if (table == NULL)
    table = memo_table_new ();
  if (table_calendar != calendar || table_today != julian)
    {
      g_hash_table_remove_all (table);
      g_set_object (&table_calendar, calendar);
      table_today = julian;
    }
  return table;
}

static void
compute_clocks_uncached (CsCaseInfo  *info,
                         CsCase      *kase,
                         CsCalendar  *calendar,
                         const GDate *day)
{
  g_autoptr(CsLegalClock) clock = NULL;
  g_autoptr(CsDeadline) promised = NULL;
  g_autoptr(CsDeadline) statutory = NULL;

  info->has_clock = FALSE;
  if (calendar == NULL || (clock = cs_case_dup_legal_clock (kase, NULL)) == NULL)
    return;
  promised = cs_legal_clock_compute_promised (clock, calendar, day, NULL);
  statutory = cs_legal_clock_compute_statutory (clock, calendar, day, NULL);
  if (promised == NULL || statutory == NULL)
    return;

  info->has_clock = TRUE;
  info->promised_remaining = cs_deadline_get_remaining (promised, day);
  info->statutory_remaining = cs_deadline_get_remaining (statutory, day);
  info->promised_due = *cs_deadline_get_due (promised);
  info->statutory_due = *cs_deadline_get_due (statutory);
  info->promised_state = cs_deadline_get_state (promised, day);
  info->statutory_state = cs_deadline_get_state (statutory, day);
  info->worst_state = state_rank (info->statutory_state) > state_rank (info->promised_state)
                      ? info->statutory_state : info->promised_state;
}

static void
copy_clocks (CsCaseInfo       *to,
             const CsCaseInfo *from)
{
  to->has_clock = from->has_clock;
  to->promised_remaining = from->promised_remaining;
  to->statutory_remaining = from->statutory_remaining;
  to->promised_due = from->promised_due;
  to->statutory_due = from->statutory_due;
  to->promised_state = from->promised_state;
  to->statutory_state = from->statutory_state;
  to->worst_state = from->worst_state;
}

static void
compute_clocks (CsCaseInfo  *info,
                CsCase      *kase,
                CsCalendar  *calendar,
                const GDate *today,
                GHashTable  *table)
{
  const GDate *decided_on = cs_case_get_decided_on (kase);
  const GDate *day = today;
  Memo probe;
  Memo *memo;

  /* A decided case is measured on the day of its decision: in time or
   * late, but no longer running. */
  info->closed = !cs_case_status_is_open (cs_case_get_status (kase));
  if (info->closed && decided_on != NULL && g_date_valid (decided_on))
    day = decided_on;

  cs_case_list_get_clock_key (kase, &probe.key);
  probe.day = g_date_get_julian (day);
  memo = g_hash_table_lookup (table, &probe);
  if (memo == NULL)
    {
      memo = g_new0 (Memo, 1);
      memo->key = probe.key;
      memo->key.suspensions = g_strdup (probe.key.suspensions);
      memo->day = probe.day;
      compute_clocks_uncached (&memo->clocks, kase, calendar, day);
      g_hash_table_add (table, memo);
    }
  copy_clocks (info, &memo->clocks);
}

/* Whether the search key is folded for this version of the case. */
static gboolean
key_is_current (const Cached *cached,
                CsCase       *kase)
{
  return cached->info.search_key != NULL &&
         cached->key_version == cs_case_get_version (kase) &&
         cached->key_updated_at == cs_case_get_updated_at (kase);
}

static Cached *
get_cached (CsCase *kase)
{
  Cached *cached = g_object_get_qdata (G_OBJECT (kase), info_quark ());
  gint64 version = cs_case_get_version (kase);
  gint64 updated_at = cs_case_get_updated_at (kase);

  if (cached == NULL)
    {
      cached = g_new0 (Cached, 1);
      g_object_set_qdata_full (G_OBJECT (kase), info_quark (), cached,
                               (GDestroyNotify) cached_free);
    }
  /* key_is_current(), with the version read once: this is the search's
   * path, once per case and keystroke. */
  if (cached->info.search_key == NULL || cached->key_version != version ||
      cached->key_updated_at != updated_at)
    {
      g_autofree char *joined = g_strjoin ("\n",
                                           cs_case_get_number (kase),
                                           cs_case_get_applicant_name (kase),
                                           cs_case_get_applicant_id_number (kase) != NULL
                                           ? cs_case_get_applicant_id_number (kase) : "",
                                           cs_case_get_matter_name (kase),
                                           cs_case_get_matter_code (kase),
                                           NULL);

      g_free (cached->info.search_key);
      cached->info.search_key = cs_case_info_fold (joined);
      cached->key_version = version;
      cached->key_updated_at = updated_at;
    }
  return cached;
}

/**
 * cs_case_info_get_search_key:
 * @kase: a case
 *
 * The search key alone, without the deadlines (which a search does not
 * need, and which are checked against the calendar and the day).
 *
 * Returns: (transfer none): number, applicant, ID number and matter,
 *   folded; valid until the next call for the same case
 */
const char *
cs_case_info_get_search_key (CsCase *kase)
{
  return get_cached (kase)->info.search_key;
}

/**
 * cs_case_info_peek_search_key:
 * @kase: a case
 *
 * The search key if it is folded already and up to date, without folding
 * it: whether cs_case_info_prepare() or an earlier call did the work.
 *
 * Returns: (transfer none) (nullable): the key, or NULL
 */
const char *
cs_case_info_peek_search_key (CsCase *kase)
{
  Cached *cached = g_object_get_qdata (G_OBJECT (kase), info_quark ());

  return cached != NULL && key_is_current (cached, kase) ? cached->info.search_key : NULL;
}

/* Whether the clocks were worked out for the key's version of the case,
 * with @calendar, on the day @julian. */
static gboolean
clocks_are_current (const Cached *cached,
                    CsCalendar   *calendar,
                    guint32       julian)
{
  return cached->version == cached->key_version && cached->updated_at == cached->key_updated_at &&
         cached->calendar == calendar && cached->today == julian && cached->today != 0;
}

static const CsCaseInfo *
get_info (CsCase      *kase,
          CsCalendar  *calendar,
          const GDate *today,
          GHashTable  *memo)
{
  Cached *cached = get_cached (kase);
  guint32 julian = g_date_get_julian (today);

  if (clocks_are_current (cached, calendar, julian))
    return &cached->info;

  compute_clocks (&cached->info, kase, calendar, today,
                  memo != NULL ? memo : memo_table (calendar, today));
  cached->version = cached->key_version;
  cached->updated_at = cached->key_updated_at;
  cached->calendar = calendar;
  cached->today = julian;
  return &cached->info;
}

/**
 * cs_case_info_is_ready:
 * @kase: a case
 * @calendar: (nullable): the working-day calendar
 * @today: the day deadlines count from
 *
 * Whether cs_case_info_get() with the same @calendar and @today would
 * find its answer worked out already (by cs_case_info_prepare() or an
 * earlier call), without working anything out.
 *
 * Returns: %TRUE when it is ready
 */
gboolean
cs_case_info_is_ready (CsCase      *kase,
                       CsCalendar  *calendar,
                       const GDate *today)
{
  Cached *cached = g_object_get_qdata (G_OBJECT (kase), info_quark ());

  return cached != NULL && key_is_current (cached, kase) &&
         clocks_are_current (cached, calendar, g_date_get_julian (today));
}

/**
 * cs_case_info_get:
 * @kase: a case
 * @calendar: (nullable): the working-day calendar
 * @today: the day deadlines count from
 *
 * Returns: (transfer none): what the inbox shows of @kase; valid until
 *   the next call for the same case
 */
const CsCaseInfo *
cs_case_info_get (CsCase      *kase,
                  CsCalendar  *calendar,
                  const GDate *today)
{
  return get_info (kase, calendar, today, NULL);
}

/* Inboxes from this size up are prepared on every core (two at most). */
#define PREPARE_IN_PARTS_FROM 2048
#define PREPARE_PARTS_MAX 2

typedef struct
{
  GPtrArray *cases;
  guint from;
  guint to;
  CsCalendar *calendar;
  const GDate *today;
} PreparePart;

static gpointer
prepare_part (gpointer data)
{
  PreparePart *part = data;
  g_autoptr(GHashTable) memo = memo_table_new ();

  for (guint i = part->from; i < part->to; i++)
    get_info (g_ptr_array_index (part->cases, i), part->calendar, part->today, memo);
  return NULL;
}

/**
 * cs_case_info_prepare:
 * @cases: (element-type CsCase): cases that no other thread uses yet
 * @calendar: (nullable): the working-day calendar the inbox will use
 * @today: the day deadlines count from
 *
 * Works out, in a worker thread, what cs_case_info_get() will return for
 * each of @cases with the same @calendar and @today: the inbox then finds
 * it ready, and its first frame waits for no case. @calendar is only read.
 * A large inbox is split between this thread and one more, when there is
 * a core for it.
 */
void
cs_case_info_prepare (GPtrArray   *cases,
                      CsCalendar  *calendar,
                      const GDate *today)
{
  PreparePart parts[PREPARE_PARTS_MAX];
  GThread *threads[PREPARE_PARTS_MAX] = { NULL, };
  guint n_parts = cases->len < PREPARE_IN_PARTS_FROM
                  ? 1 : CLAMP (g_get_num_processors (), 1, PREPARE_PARTS_MAX);

  for (guint i = 0; i < n_parts; i++)
    {
      parts[i] = (PreparePart) {
        .cases = cases,
        .from = (guint) ((guint64) cases->len * i / n_parts),
        .to = (guint) ((guint64) cases->len * (i + 1) / n_parts),
        .calendar = calendar,
        .today = today,
      };
      if (i > 0)
        threads[i] = g_thread_new ("countersign-prepare", prepare_part, &parts[i]);
    }
  prepare_part (&parts[0]);
  for (guint i = 1; i < n_parts; i++)
    g_thread_join (threads[i]);
}
