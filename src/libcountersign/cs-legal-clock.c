/* cs-legal-clock.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsLegalClock"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-legal-clock.h"
#include "cs-validate.h"

/**
 * CsLegalClock:
 *
 * What the legal clocks of a case are computed from, and the computation.
 *
 * The Administrative Licensing Law (行政许可法) counts its limits in working
 * days (Art. 82) on the published calendar (#CsCalendar): weekends and
 * public holidays do not count, make-up working days (调休) do. A limit runs
 * from the day after acceptance: the due date is the limit-th counted day
 * after @accepted_on, so a limit of 0 is due on the day of acceptance.
 *
 * - The statutory limit (法定时限, Art. 42) may be extended once by at most
 *   %CS_LEGAL_CLOCK_MAX_EXTENSION_DAYS working days.
 * - The promised limit (承诺时限) is the department's shorter promise; a
 *   green-channel case (绿色通道) gets half of it, rounded up, so a
 *   promise of at least one day never becomes none.
 * - Working days inside a suspension (中止: hearing, testing, inspection,
 *   expert review; Art. 45) count for neither of the two. A suspension is an
 *   inclusive range of days; one still open lasts up to "today", so the due
 *   date it yields moves on with every further suspended working day.
 * - An instant matter (即办件) is decided on the day of acceptance: both
 *   its limits are 0, whatever the clock says.
 * - The supplement notice (补正通知, Art. 32) is due
 *   %CS_LEGAL_CLOCK_SUPPLEMENT_DAYS working days after acceptance;
 *   suspensions do not apply to it.
 *
 * The computations are pure: a #CsLegalClock and a #CsCalendar give a
 * #CsDeadline, which says when the limit runs out, how it stands on a given
 * day and why each skipped day was skipped. A count that reaches a year the
 * calendar has not published fails with
 * %CS_LEGAL_CLOCK_ERROR_UNPUBLISHED_YEAR rather than guess from weekdays.
 */

typedef struct
{
  char  *kind;
  char  *reason;
  GDate  from;
  GDate  to;      /* cleared while the suspension is open */
} Suspension;

struct _CsLegalClock
{
  GObject  parent_instance;

  GDate    accepted_on;
  GDate    supplement_requested_on;   /* cleared when there was none */
  GArray  *suspensions;               /* Suspension */
  guint    statutory_limit;
  guint    promised_limit;
  guint    extension_days;
  guint    green_channel : 1;
  guint    instant : 1;
};

G_DEFINE_FINAL_TYPE (CsLegalClock, cs_legal_clock, G_TYPE_OBJECT)

G_DEFINE_QUARK (cs-legal-clock-error-quark, cs_legal_clock_error)

enum {
  PROP_0,
  PROP_ACCEPTED_ON,
  PROP_STATUTORY_LIMIT,
  PROP_PROMISED_LIMIT,
  PROP_EXTENSION_DAYS,
  PROP_GREEN_CHANNEL,
  PROP_INSTANT,
  PROP_SUPPLEMENT_REQUESTED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Limits are stored as 16-bit numbers elsewhere (the cache); no real limit
 * comes near. */
#define MAX_LIMIT G_MAXUINT16

static void
suspension_clear (gpointer data)
{
  Suspension *suspension = data;

  g_clear_pointer (&suspension->kind, g_free);
  g_clear_pointer (&suspension->reason, g_free);
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

static void
set_date_or_clear (GDate       *field,
                   const GDate *value)
{
  if (value != NULL && g_date_valid (value))
    *field = *value;
  else
    g_date_clear (field, 1);
}

static void
cs_legal_clock_finalize (GObject *object)
{
  CsLegalClock *self = (CsLegalClock *)object;

  g_clear_pointer (&self->suspensions, g_array_unref);

  G_OBJECT_CLASS (cs_legal_clock_parent_class)->finalize (object);
}

static void
cs_legal_clock_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsLegalClock *self = CS_LEGAL_CLOCK (object);

  switch (prop_id)
    {
    case PROP_ACCEPTED_ON:
      g_value_set_boxed (value, cs_legal_clock_get_accepted_on (self));
      break;

    case PROP_STATUTORY_LIMIT:
      g_value_set_uint (value, self->statutory_limit);
      break;

    case PROP_PROMISED_LIMIT:
      g_value_set_uint (value, self->promised_limit);
      break;

    case PROP_EXTENSION_DAYS:
      g_value_set_uint (value, self->extension_days);
      break;

    case PROP_GREEN_CHANNEL:
      g_value_set_boolean (value, self->green_channel);
      break;

    case PROP_INSTANT:
      g_value_set_boolean (value, self->instant);
      break;

    case PROP_SUPPLEMENT_REQUESTED_ON:
      g_value_set_boxed (value, cs_legal_clock_get_supplement_requested_on (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_legal_clock_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CsLegalClock *self = CS_LEGAL_CLOCK (object);

  switch (prop_id)
    {
    case PROP_ACCEPTED_ON:
      set_date_or_clear (&self->accepted_on, g_value_get_boxed (value));
      break;

    case PROP_STATUTORY_LIMIT:
      cs_legal_clock_set_statutory_limit (self, g_value_get_uint (value));
      break;

    case PROP_PROMISED_LIMIT:
      cs_legal_clock_set_promised_limit (self, g_value_get_uint (value));
      break;

    case PROP_EXTENSION_DAYS:
      cs_legal_clock_set_extension_days (self, g_value_get_uint (value));
      break;

    case PROP_GREEN_CHANNEL:
      cs_legal_clock_set_green_channel (self, g_value_get_boolean (value));
      break;

    case PROP_INSTANT:
      cs_legal_clock_set_instant (self, g_value_get_boolean (value));
      break;

    case PROP_SUPPLEMENT_REQUESTED_ON:
      cs_legal_clock_set_supplement_requested_on (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_legal_clock_class_init (CsLegalClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_legal_clock_finalize;
  object_class->get_property = cs_legal_clock_get_property;
  object_class->set_property = cs_legal_clock_set_property;

  /**
   * CsLegalClock:accepted-on:
   *
   * The day of acceptance (受理); the clocks start the day after.
   */
  properties[PROP_ACCEPTED_ON] =
    g_param_spec_boxed ("accepted-on", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * CsLegalClock:statutory-limit:
   *
   * The working days the law allows for the decision (法定时限).
   */
  properties[PROP_STATUTORY_LIMIT] =
    g_param_spec_uint ("statutory-limit", NULL, NULL,
                       0, MAX_LIMIT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * CsLegalClock:promised-limit:
   *
   * The working days the department promises (承诺时限), before any
   * green-channel halving.
   */
  properties[PROP_PROMISED_LIMIT] =
    g_param_spec_uint ("promised-limit", NULL, NULL,
                       0, MAX_LIMIT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * CsLegalClock:extension-days:
   *
   * The working days added to the statutory limit by the one extension
   * (延期), at most %CS_LEGAL_CLOCK_MAX_EXTENSION_DAYS; 0 when there was
   * none.
   */
  properties[PROP_EXTENSION_DAYS] =
    g_param_spec_uint ("extension-days", NULL, NULL,
                       0, CS_LEGAL_CLOCK_MAX_EXTENSION_DAYS, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * CsLegalClock:green-channel:
   *
   * Whether the case is in the green channel (绿色通道), which halves the
   * promised limit.
   */
  properties[PROP_GREEN_CHANNEL] =
    g_param_spec_boolean ("green-channel", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * CsLegalClock:instant:
   *
   * Whether the matter is decided on the spot (即办件): every decision
   * limit is 0.
   */
  properties[PROP_INSTANT] =
    g_param_spec_boolean ("instant", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * CsLegalClock:supplement-requested-on:
   *
   * The day the supplement notice went out, or %NULL when there was none.
   */
  properties[PROP_SUPPLEMENT_REQUESTED_ON] =
    g_param_spec_boxed ("supplement-requested-on", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_legal_clock_init (CsLegalClock *self)
{
  g_date_clear (&self->accepted_on, 1);
  g_date_clear (&self->supplement_requested_on, 1);
  self->suspensions = g_array_new (FALSE, TRUE, sizeof (Suspension));
  g_array_set_clear_func (self->suspensions, suspension_clear);
}

/**
 * cs_legal_clock_new:
 * @accepted_on: the day of acceptance
 * @statutory_limit: the statutory limit in working days
 * @promised_limit: the promised limit in working days
 *
 * Creates a clock with no extension, no suspension, not in the green
 * channel and not for an instant matter.
 *
 * Returns: (transfer full): a new #CsLegalClock
 */
CsLegalClock *
cs_legal_clock_new (const GDate *accepted_on,
                    guint        statutory_limit,
                    guint        promised_limit)
{
  g_return_val_if_fail (accepted_on != NULL && g_date_valid (accepted_on), NULL);
  g_return_val_if_fail (statutory_limit <= MAX_LIMIT, NULL);
  g_return_val_if_fail (promised_limit <= MAX_LIMIT, NULL);

  return g_object_new (CS_TYPE_LEGAL_CLOCK,
                       "accepted-on", accepted_on,
                       "statutory-limit", statutory_limit,
                       "promised-limit", promised_limit,
                       NULL);
}

/* Reading the central API's Clock object ---------------------------------- */

static gboolean
member_missing (const char  *path,
                GError     **error)
{
  g_set_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_INVALID,
               /* Translators: %s is the name of a JSON member, such as
                * accepted_on or suspensions[0].from */
               _("The legal clock has no “%s”."),
               path);
  return FALSE;
}

static JsonNode *
get_member (JsonObject  *object,
            const char  *path,
            const char  *member,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    member_missing (path, error);
  return node;
}

static gboolean
read_limit (JsonObject  *object,
            const char  *member,
            guint       *out,
            GError     **error)
{
  JsonNode *node = get_member (object, member, member, error);
  gint64 value;

  if (node == NULL)
    return FALSE;

  if (json_node_get_value_type (node) != G_TYPE_INT64 ||
      (value = json_node_get_int (node)) < 0 || value > MAX_LIMIT)
    {
      g_set_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_INVALID,
                   /* Translators: %s is the name of a JSON member, such as
                    * statutory_limit; %u is the largest value allowed */
                   _("The legal clock’s “%s” must be a whole number of working days "
                     "from 0 to %u."),
                   member, (guint)MAX_LIMIT);
      return FALSE;
    }

  *out = (guint)value;
  return TRUE;
}

static gboolean
read_date (JsonObject  *object,
           const char  *path,
           const char  *member,
           gboolean     nullable,
           GDate       *out,
           GError     **error)
{
  JsonNode *node = get_member (object, path, member, error);

  g_date_clear (out, 1);

  if (node == NULL)
    return FALSE;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (json_node_get_value_type (node) != G_TYPE_STRING ||
      !cs_validate_date (json_node_get_string (node), out, NULL))
    {
      if (nullable)
        g_set_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_INVALID,
                     /* Translators: %s is the name of a JSON member */
                     _("The legal clock’s “%s” must be a date written YYYY-MM-DD, or null."),
                     path);
      else
        g_set_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_INVALID,
                     /* Translators: %s is the name of a JSON member */
                     _("The legal clock’s “%s” must be a date written YYYY-MM-DD."),
                     path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_text (JsonObject   *object,
           const char   *path,
           const char   *member,
           const char  **out,
           GError      **error)
{
  JsonNode *node = get_member (object, path, member, error);

  if (node == NULL)
    return FALSE;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_INVALID,
                   /* Translators: %s is the name of a JSON member */
                   _("The legal clock’s “%s” must be text."),
                   path);
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_suspension (CsLegalClock  *self,
                 JsonArray     *array,
                 guint          index,
                 GError       **error)
{
  g_autofree char *path = g_strdup_printf ("suspensions[%u]", index);
  g_autofree char *kind_path = g_strdup_printf ("%s.kind", path);
  g_autofree char *reason_path = g_strdup_printf ("%s.reason", path);
  g_autofree char *from_path = g_strdup_printf ("%s.from", path);
  g_autofree char *to_path = g_strdup_printf ("%s.to", path);
  JsonNode *node = json_array_get_element (array, index);
  JsonObject *object;
  const char *kind;
  const char *reason;
  GDate from;
  GDate to;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_INVALID,
                   /* Translators: %s is the name of a JSON member */
                   _("The legal clock’s “%s” must be an object."),
                   path);
      return FALSE;
    }

  object = json_node_get_object (node);
  if (!read_text (object, kind_path, "kind", &kind, error) ||
      !read_text (object, reason_path, "reason", &reason, error) ||
      !read_date (object, from_path, "from", FALSE, &from, error) ||
      !read_date (object, to_path, "to", TRUE, &to, error))
    return FALSE;

  if (kind[0] == '\0')
    {
      g_set_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_INVALID,
                   /* Translators: %s is the name of a JSON member */
                   _("The legal clock’s “%s” must name the kind of suspension."),
                   kind_path);
      return FALSE;
    }

  if (g_date_valid (&to) && g_date_compare (&to, &from) < 0)
    {
      char from_text[16];
      char to_text[16];

      g_date_strftime (from_text, sizeof from_text, "%Y-%m-%d", &from);
      g_date_strftime (to_text, sizeof to_text, "%Y-%m-%d", &to);
      g_set_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_INVALID,
                   /* Translators: %u counts from 1; the dates are YYYY-MM-DD */
                   _("Suspension %u of the legal clock ends on %s, before it starts on %s."),
                   index + 1, to_text, from_text);
      return FALSE;
    }

  cs_legal_clock_add_suspension (self, kind, reason, &from,
                                 g_date_valid (&to) ? &to : NULL);
  return TRUE;
}

/**
 * cs_legal_clock_new_from_json:
 * @clock: a `Clock` object of the central API's `/v1` documents
 * @green_channel: whether the case is in the green channel (the case's
 *   `green_channel`)
 * @instant: whether the matter is decided on the spot (the case's
 *   `instant`)
 * @error: return location for a #GError in %CS_LEGAL_CLOCK_ERROR
 *
 * Reads a clock such as
 * `{"accepted_on": "2026-11-18", "statutory_limit": 20, "promised_limit": 10,
 * "extension_days": 0, "suspensions": [{"kind": "testing", "reason": "…",
 * "from": "2026-11-20", "to": null}], "supplement_requested_on": null}`.
 * Every member is required; `to` and `supplement_requested_on` may be null.
 * Members this version does not know are ignored.
 *
 * Returns: (transfer full) (nullable): the clock, or %NULL with
 *   %CS_LEGAL_CLOCK_ERROR_INVALID naming the member that is missing, of the
 *   wrong type or impossible (an extension over 10 days, a suspension that
 *   ends before it starts)
 */
CsLegalClock *
cs_legal_clock_new_from_json (JsonObject  *clock,
                              gboolean     green_channel,
                              gboolean     instant,
                              GError     **error)
{
  g_autoptr(CsLegalClock) self = NULL;
  GDate accepted_on;
  GDate supplement_requested_on;
  guint statutory_limit;
  guint promised_limit;
  guint extension_days;
  JsonNode *suspensions;

  g_return_val_if_fail (clock != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_date (clock, "accepted_on", "accepted_on", FALSE, &accepted_on, error) ||
      !read_limit (clock, "statutory_limit", &statutory_limit, error) ||
      !read_limit (clock, "promised_limit", &promised_limit, error) ||
      !read_limit (clock, "extension_days", &extension_days, error))
    return NULL;

  if (extension_days > CS_LEGAL_CLOCK_MAX_EXTENSION_DAYS)
    {
      g_set_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_INVALID,
                   /* Translators: Art. 42 of the Administrative Licensing Law */
                   _("An extension adds at most %u working days (Art. 42), not %u."),
                   (guint)CS_LEGAL_CLOCK_MAX_EXTENSION_DAYS, extension_days);
      return NULL;
    }

  if ((suspensions = get_member (clock, "suspensions", "suspensions", error)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (suspensions))
    {
      g_set_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_INVALID,
                   /* Translators: %s is the name of a JSON member */
                   _("The legal clock’s “%s” must be a list."),
                   "suspensions");
      return NULL;
    }

  if (!read_date (clock, "supplement_requested_on", "supplement_requested_on", TRUE,
                  &supplement_requested_on, error))
    return NULL;

  self = cs_legal_clock_new (&accepted_on, statutory_limit, promised_limit);
  self->extension_days = extension_days;
  self->green_channel = !!green_channel;
  self->instant = !!instant;
  self->supplement_requested_on = supplement_requested_on;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (suspensions)); i++)
    if (!read_suspension (self, json_node_get_array (suspensions), i, error))
      return NULL;

  return g_steal_pointer (&self);
}

/* Accessors ----------------------------------------------------------------- */

/**
 * cs_legal_clock_get_accepted_on:
 * @self: a #CsLegalClock
 *
 * Returns: (transfer none): the day of acceptance
 */
const GDate *
cs_legal_clock_get_accepted_on (CsLegalClock *self)
{
  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), NULL);

  return &self->accepted_on;
}

/**
 * cs_legal_clock_get_statutory_limit:
 * @self: a #CsLegalClock
 *
 * Returns: the statutory limit in working days, without the extension
 */
guint
cs_legal_clock_get_statutory_limit (CsLegalClock *self)
{
  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), 0);

  return self->statutory_limit;
}

/**
 * cs_legal_clock_set_statutory_limit:
 * @self: a #CsLegalClock
 * @statutory_limit: the statutory limit in working days
 *
 * Sets the statutory limit, without the extension.
 */
void
cs_legal_clock_set_statutory_limit (CsLegalClock *self,
                                    guint         statutory_limit)
{
  g_return_if_fail (CS_IS_LEGAL_CLOCK (self));
  g_return_if_fail (statutory_limit <= MAX_LIMIT);

  if (self->statutory_limit == statutory_limit)
    return;

  self->statutory_limit = statutory_limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUTORY_LIMIT]);
}

/**
 * cs_legal_clock_get_promised_limit:
 * @self: a #CsLegalClock
 *
 * Returns: the promised limit in working days, before any green-channel
 *   halving
 */
guint
cs_legal_clock_get_promised_limit (CsLegalClock *self)
{
  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), 0);

  return self->promised_limit;
}

/**
 * cs_legal_clock_set_promised_limit:
 * @self: a #CsLegalClock
 * @promised_limit: the promised limit in working days
 *
 * Sets the department's promised limit, before any green-channel halving.
 */
void
cs_legal_clock_set_promised_limit (CsLegalClock *self,
                                   guint         promised_limit)
{
  g_return_if_fail (CS_IS_LEGAL_CLOCK (self));
  g_return_if_fail (promised_limit <= MAX_LIMIT);

  if (self->promised_limit == promised_limit)
    return;

  self->promised_limit = promised_limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMISED_LIMIT]);
}

/**
 * cs_legal_clock_get_extension_days:
 * @self: a #CsLegalClock
 *
 * Returns: the working days added by the extension, 0 when there was none
 */
guint
cs_legal_clock_get_extension_days (CsLegalClock *self)
{
  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), 0);

  return self->extension_days;
}

/**
 * cs_legal_clock_set_extension_days:
 * @self: a #CsLegalClock
 * @extension_days: the working days the one extension adds, at most
 *   %CS_LEGAL_CLOCK_MAX_EXTENSION_DAYS
 *
 * Records the extension (延期) of the statutory limit. The promised limit
 * does not move.
 */
void
cs_legal_clock_set_extension_days (CsLegalClock *self,
                                   guint         extension_days)
{
  g_return_if_fail (CS_IS_LEGAL_CLOCK (self));
  g_return_if_fail (extension_days <= CS_LEGAL_CLOCK_MAX_EXTENSION_DAYS);

  if (self->extension_days == extension_days)
    return;

  self->extension_days = extension_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTENSION_DAYS]);
}

/**
 * cs_legal_clock_get_green_channel:
 * @self: a #CsLegalClock
 *
 * Returns: whether the case is in the green channel
 */
gboolean
cs_legal_clock_get_green_channel (CsLegalClock *self)
{
  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), FALSE);

  return self->green_channel;
}

/**
 * cs_legal_clock_set_green_channel:
 * @self: a #CsLegalClock
 * @green_channel: whether the case is in the green channel
 *
 * A green-channel case must be decided within half the promised limit,
 * rounded up.
 */
void
cs_legal_clock_set_green_channel (CsLegalClock *self,
                                  gboolean      green_channel)
{
  g_return_if_fail (CS_IS_LEGAL_CLOCK (self));

  green_channel = !!green_channel;
  if (self->green_channel == (guint)green_channel)
    return;

  self->green_channel = green_channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GREEN_CHANNEL]);
}

/**
 * cs_legal_clock_get_instant:
 * @self: a #CsLegalClock
 *
 * Returns: whether the matter is decided on the spot
 */
gboolean
cs_legal_clock_get_instant (CsLegalClock *self)
{
  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), FALSE);

  return self->instant;
}

/**
 * cs_legal_clock_set_instant:
 * @self: a #CsLegalClock
 * @instant: whether the matter is decided on the spot (即办件)
 *
 * An instant matter's statutory and promised deadlines are the day of
 * acceptance, whatever the limits say.
 */
void
cs_legal_clock_set_instant (CsLegalClock *self,
                            gboolean      instant)
{
  g_return_if_fail (CS_IS_LEGAL_CLOCK (self));

  instant = !!instant;
  if (self->instant == (guint)instant)
    return;

  self->instant = instant;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTANT]);
}

/**
 * cs_legal_clock_get_supplement_requested_on:
 * @self: a #CsLegalClock
 *
 * Returns: (transfer none) (nullable): the day the supplement notice went
 *   out, or %NULL when there was none
 */
const GDate *
cs_legal_clock_get_supplement_requested_on (CsLegalClock *self)
{
  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), NULL);

  return g_date_valid (&self->supplement_requested_on) ? &self->supplement_requested_on : NULL;
}

/**
 * cs_legal_clock_set_supplement_requested_on:
 * @self: a #CsLegalClock
 * @date: (nullable): the day the supplement notice went out, or %NULL
 *
 * Records when the supplement notice went out; it does not move any
 * deadline.
 */
void
cs_legal_clock_set_supplement_requested_on (CsLegalClock *self,
                                            const GDate  *date)
{
  GDate old;

  g_return_if_fail (CS_IS_LEGAL_CLOCK (self));

  old = self->supplement_requested_on;
  set_date_or_clear (&self->supplement_requested_on, date);

  if (g_date_valid (&old) == g_date_valid (&self->supplement_requested_on) &&
      (!g_date_valid (&old) || g_date_compare (&old, &self->supplement_requested_on) == 0))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPPLEMENT_REQUESTED_ON]);
}

/**
 * cs_legal_clock_add_suspension:
 * @self: a #CsLegalClock
 * @kind: the kind of suspension: "expert_review", "testing", "inspection",
 *   "hearing" or one a later API adds
 * @reason: (nullable): why, as the department recorded it
 * @from: the first suspended day
 * @to: (nullable): the last suspended day (inclusive), or %NULL while the
 *   suspension lasts
 *
 * Adds a period that does not count for the statutory and promised
 * deadlines (Art. 45). Suspensions may overlap; a day covered twice is
 * skipped once.
 */
void
cs_legal_clock_add_suspension (CsLegalClock *self,
                               const char   *kind,
                               const char   *reason,
                               const GDate  *from,
                               const GDate  *to)
{
  Suspension suspension;

  g_return_if_fail (CS_IS_LEGAL_CLOCK (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to == NULL || (g_date_valid (to) && g_date_compare (to, from) >= 0));

  suspension.kind = g_strdup (kind);
  suspension.reason = g_strdup (reason != NULL ? reason : "");
  suspension.from = *from;
  set_date_or_clear (&suspension.to, to);

  g_array_append_val (self->suspensions, suspension);
}

/**
 * cs_legal_clock_get_n_suspensions:
 * @self: a #CsLegalClock
 *
 * Returns: the number of suspensions, closed or open
 */
guint
cs_legal_clock_get_n_suspensions (CsLegalClock *self)
{
  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), 0);

  return self->suspensions->len;
}

/**
 * cs_legal_clock_get_suspension:
 * @self: a #CsLegalClock
 * @index: which suspension, in the order they were added
 * @kind: (out) (optional) (transfer none): the kind of suspension
 * @reason: (out) (optional) (transfer none): the reason, possibly empty
 * @from: (out caller-allocates) (optional): the first suspended day
 * @to: (out caller-allocates) (optional): the last suspended day, or a
 *   cleared (invalid) date while the suspension is open
 *
 * Reads one suspension.
 */
void
cs_legal_clock_get_suspension (CsLegalClock  *self,
                               guint          index,
                               const char   **kind,
                               const char   **reason,
                               GDate         *from,
                               GDate         *to)
{
  const Suspension *suspension;

  g_return_if_fail (CS_IS_LEGAL_CLOCK (self));
  g_return_if_fail (index < self->suspensions->len);

  suspension = &g_array_index (self->suspensions, Suspension, index);
  if (kind != NULL)
    *kind = suspension->kind;
  if (reason != NULL)
    *reason = suspension->reason;
  if (from != NULL)
    *from = suspension->from;
  if (to != NULL)
    *to = suspension->to;
}

/**
 * cs_legal_clock_is_suspended_on:
 * @self: a #CsLegalClock
 * @day: a valid day
 *
 * Whether a suspension covers @day. An open suspension covers every day
 * from its first on.
 *
 * Returns: %TRUE when @day lies inside a suspension
 */
gboolean
cs_legal_clock_is_suspended_on (CsLegalClock *self,
                                const GDate  *day)
{
  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  for (guint i = 0; i < self->suspensions->len; i++)
    {
      const Suspension *suspension = &g_array_index (self->suspensions, Suspension, i);

      if (g_date_compare (day, &suspension->from) >= 0 &&
          (!g_date_valid (&suspension->to) || g_date_compare (day, &suspension->to) <= 0))
        return TRUE;
    }

  return FALSE;
}

/**
 * cs_legal_clock_get_limit:
 * @self: a #CsLegalClock
 * @kind: which deadline
 *
 * The number of working days a deadline allows, as cs_legal_clock_compute()
 * counts them: for %CS_DEADLINE_STATUTORY the statutory limit plus the
 * extension; for %CS_DEADLINE_PROMISED the promised limit, or half of it
 * rounded up in the green channel (a promise of 5 days becomes 3, never
 * less than 1 day); 0 for both of an instant matter; and
 * %CS_LEGAL_CLOCK_SUPPLEMENT_DAYS for %CS_DEADLINE_SUPPLEMENT_NOTICE.
 *
 * Returns: the limit in working days
 */
guint
cs_legal_clock_get_limit (CsLegalClock   *self,
                          CsDeadlineKind  kind)
{
  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), 0);

  switch (kind)
    {
    case CS_DEADLINE_STATUTORY:
      return self->instant ? 0 : self->statutory_limit + self->extension_days;

    case CS_DEADLINE_PROMISED:
      if (self->instant)
        return 0;
      /* Rounding up keeps a one-day promise at one day. */
      return self->green_channel ? (self->promised_limit + 1) / 2 : self->promised_limit;

    case CS_DEADLINE_SUPPLEMENT_NOTICE:
      return CS_LEGAL_CLOCK_SUPPLEMENT_DAYS;

    default:
      g_return_val_if_reached (0);
    }
}

/* The deadline ----------------------------------------------------------- */

typedef struct
{
  GDate       first;
  GDate       last;      /* an open suspension ends on the deadline's as_of */
  gboolean    open;
  const char *kind;      /* in the deadline's string chunk */
  const char *reason;
} Span;

struct _CsDeadline
{
  CsDeadlineKind  kind;
  CsCalendar     *calendar;
  GDate           accepted_on;
  GDate           due;
  GDate           as_of;
  guint           limit;
  guint           base_limit;         /* before the extension or halving */
  guint           extension_days;
  guint           green_channel : 1;
  guint           instant : 1;
  guint           open_suspension : 1;
  GArray         *spans;              /* Span */
  GArray         *days;               /* CsDeadlineDay */
  GStringChunk   *strings;
};

G_DEFINE_BOXED_TYPE (CsDeadline, cs_deadline, cs_deadline_ref, cs_deadline_unref)

static void
cs_deadline_clear (gpointer data)
{
  CsDeadline *self = data;

  g_clear_object (&self->calendar);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
}

/**
 * cs_deadline_ref:
 * @self: a #CsDeadline
 *
 * Returns: (transfer full): @self, with one more reference
 */
CsDeadline *
cs_deadline_ref (CsDeadline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * cs_deadline_unref:
 * @self: (transfer full): a #CsDeadline
 *
 * Drops a reference; the last one frees the deadline.
 */
void
cs_deadline_unref (CsDeadline *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, cs_deadline_clear);
}

static const char *
intern (CsDeadline *self,
        const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

static const Span *
find_span (CsDeadline  *self,
           const GDate *day)
{
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if (g_date_compare (day, &span->first) >= 0 && g_date_compare (day, &span->last) <= 0)
        return span;
    }

  return NULL;
}

static gboolean
is_counted (CsDeadline  *self,
            const GDate *day)
{
  return cs_calendar_is_workday (self->calendar, day) && find_span (self, day) == NULL;
}

static void
add_day (CsDeadline        *self,
         const GDate       *date,
         CsDeadlineDayKind  kind,
         const char        *name,
         const char        *reason)
{
  CsDeadlineDay day = { *date, kind, intern (self, name), intern (self, reason) };

  g_array_append_val (self->days, day);
}

static gboolean
check_published (CsCalendar   *calendar,
                 const GDate  *day,
                 GError      **error)
{
  if (cs_calendar_has_year (calendar, g_date_get_year (day)))
    return TRUE;

  g_set_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_UNPUBLISHED_YEAR,
               /* Translators: %u is a year such as 2027 */
               _("The working-day calendar of %u has not been published yet, "
                 "so no deadline can be counted into that year."),
               (guint)g_date_get_year (day));
  return FALSE;
}

/**
 * cs_legal_clock_compute:
 * @self: a #CsLegalClock
 * @kind: which deadline
 * @calendar: the published working-day calendar
 * @today: (nullable): the current day, up to which an open suspension
 *   lasts; %NULL for the system's local date
 * @error: return location for a #GError in %CS_LEGAL_CLOCK_ERROR
 *
 * Counts cs_legal_clock_get_limit() working days from the day after
 * acceptance. A day counts when the calendar makes it a working day
 * (make-up working days included) and, for the statutory and promised
 * deadlines, no suspension covers it. The due date is the last day counted,
 * or the day of acceptance for a limit of 0.
 *
 * While a suspension is open the result holds only for @today: compute
 * again when the day changes.
 *
 * Returns: (transfer full) (nullable): the deadline, or %NULL with
 *   %CS_LEGAL_CLOCK_ERROR_UNPUBLISHED_YEAR when the day of acceptance or a
 *   day counted lies in a year @calendar has not published
 */
CsDeadline *
cs_legal_clock_compute (CsLegalClock    *self,
                        CsDeadlineKind   kind,
                        CsCalendar      *calendar,
                        const GDate     *today,
                        GError         **error)
{
  g_autoptr(CsDeadline) deadline = NULL;
  GDate day;
  guint remaining;

  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), NULL);
  g_return_val_if_fail (g_date_valid (&self->accepted_on), NULL);
  g_return_val_if_fail (kind <= CS_DEADLINE_SUPPLEMENT_NOTICE, NULL);
  g_return_val_if_fail (CS_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  deadline = g_atomic_rc_box_new0 (CsDeadline);
  deadline->kind = kind;
  deadline->calendar = g_object_ref (calendar);
  deadline->accepted_on = self->accepted_on;
  deadline->limit = cs_legal_clock_get_limit (self, kind);
  deadline->extension_days = kind == CS_DEADLINE_STATUTORY ? self->extension_days : 0;
  deadline->green_channel = kind == CS_DEADLINE_PROMISED && self->green_channel;
  deadline->instant = kind != CS_DEADLINE_SUPPLEMENT_NOTICE && self->instant;
  deadline->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  deadline->days = g_array_new (FALSE, FALSE, sizeof (CsDeadlineDay));
  deadline->strings = g_string_chunk_new (64);

  switch (kind)
    {
    case CS_DEADLINE_STATUTORY:
      deadline->base_limit = self->statutory_limit;
      break;
    case CS_DEADLINE_PROMISED:
      deadline->base_limit = self->promised_limit;
      break;
    case CS_DEADLINE_SUPPLEMENT_NOTICE:
    default:
      deadline->base_limit = deadline->limit;
      break;
    }

  if (today != NULL)
    deadline->as_of = *today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&deadline->as_of, 1);
      g_date_set_dmy (&deadline->as_of,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  if (kind != CS_DEADLINE_SUPPLEMENT_NOTICE)
    {
      for (guint i = 0; i < self->suspensions->len; i++)
        {
          const Suspension *suspension = &g_array_index (self->suspensions, Suspension, i);
          Span span;

          span.first = suspension->from;
          span.open = !g_date_valid (&suspension->to);
          span.last = span.open ? deadline->as_of : suspension->to;
          span.kind = intern (deadline, suspension->kind);
          span.reason = intern (deadline, suspension->reason);

          if (span.open && g_date_compare (&span.first, &deadline->as_of) <= 0)
            deadline->open_suspension = TRUE;

          /* An open suspension that starts after today has skipped nothing
           * yet, but still pauses the clock once its day comes. */
          g_array_append_val (deadline->spans, span);
        }
    }

  if (!check_published (calendar, &self->accepted_on, error))
    return NULL;

  day = self->accepted_on;
  for (remaining = deadline->limit; remaining > 0;)
    {
      const char *name;
      const Span *span;
      gboolean workday;

      g_date_add_days (&day, 1);
      if (!check_published (calendar, &day, error))
        return NULL;

      workday = cs_calendar_is_workday (calendar, &day);
      name = cs_calendar_get_day_name (calendar, &day);

      /* A weekend or holiday inside a suspension is explained by the
       * calendar: it would not have counted anyway. */
      if (!workday)
        {
          if (name != NULL || !is_weekend (&day))
            add_day (deadline, &day, CS_DEADLINE_DAY_SKIPPED_HOLIDAY, name, NULL);
          else
            add_day (deadline, &day, CS_DEADLINE_DAY_SKIPPED_WEEKEND, NULL, NULL);
        }
      else if ((span = find_span (deadline, &day)) != NULL)
        add_day (deadline, &day, CS_DEADLINE_DAY_SKIPPED_SUSPENSION, span->kind, span->reason);
      else
        {
          if (is_weekend (&day))
            add_day (deadline, &day, CS_DEADLINE_DAY_COUNTED_MAKEUP, name, NULL);
          remaining--;
        }
    }

  deadline->due = day;

  return g_steal_pointer (&deadline);
}

/**
 * cs_legal_clock_compute_statutory:
 * @self: a #CsLegalClock
 * @calendar: the published working-day calendar
 * @today: (nullable): the current day, for open suspensions; %NULL for the
 *   system's local date
 * @error: return location for a #GError in %CS_LEGAL_CLOCK_ERROR
 *
 * The deadline of the decision by law: the statutory limit plus any
 * extension, not counting suspended days. See cs_legal_clock_compute().
 *
 * Returns: (transfer full) (nullable): the deadline, or %NULL with @error set
 */
CsDeadline *
cs_legal_clock_compute_statutory (CsLegalClock  *self,
                                  CsCalendar    *calendar,
                                  const GDate   *today,
                                  GError       **error)
{
  return cs_legal_clock_compute (self, CS_DEADLINE_STATUTORY, calendar, today, error);
}

/**
 * cs_legal_clock_compute_promised:
 * @self: a #CsLegalClock
 * @calendar: the published working-day calendar
 * @today: (nullable): the current day, for open suspensions; %NULL for the
 *   system's local date
 * @error: return location for a #GError in %CS_LEGAL_CLOCK_ERROR
 *
 * The deadline the department promised: the promised limit, halved and
 * rounded up for a green-channel case, not counting suspended days. The
 * extension does not move it. See cs_legal_clock_compute().
 *
 * Returns: (transfer full) (nullable): the deadline, or %NULL with @error set
 */
CsDeadline *
cs_legal_clock_compute_promised (CsLegalClock  *self,
                                 CsCalendar    *calendar,
                                 const GDate   *today,
                                 GError       **error)
{
  return cs_legal_clock_compute (self, CS_DEADLINE_PROMISED, calendar, today, error);
}

/**
 * cs_legal_clock_compute_supplement_notice:
 * @self: a #CsLegalClock
 * @calendar: the published working-day calendar
 * @error: return location for a #GError in %CS_LEGAL_CLOCK_ERROR
 *
 * The last day on which an incomplete application may be answered with its
 * one supplement notice: %CS_LEGAL_CLOCK_SUPPLEMENT_DAYS working days after
 * acceptance (Art. 32). Suspensions do not apply, nor does the instant or
 * green-channel flag.
 *
 * Returns: (transfer full) (nullable): the deadline, or %NULL with @error set
 */
CsDeadline *
cs_legal_clock_compute_supplement_notice (CsLegalClock  *self,
                                          CsCalendar    *calendar,
                                          GError       **error)
{
  g_return_val_if_fail (CS_IS_LEGAL_CLOCK (self), NULL);

  /* No suspension applies, so "today" plays no part. */
  return cs_legal_clock_compute (self, CS_DEADLINE_SUPPLEMENT_NOTICE, calendar,
                                 &self->accepted_on, error);
}

/**
 * cs_clock_state_get_label:
 * @state: a #CsClockState
 *
 * Returns: the state in a word or two, translated: "on track", "due soon",
 *   "overdue" or "suspended"
 */
const char *
cs_clock_state_get_label (CsClockState state)
{
  switch (state)
    {
    case CS_CLOCK_STATE_YELLOW:
      return _("due soon");
    case CS_CLOCK_STATE_RED:
      return _("overdue");
    case CS_CLOCK_STATE_PAUSED:
      return _("suspended");
    case CS_CLOCK_STATE_ON_TRACK:
    default:
      return _("on track");
    }
}

/**
 * cs_suspension_kind_get_label:
 * @kind: a suspension's kind, such as "testing"
 *
 * Returns: (transfer none): the translated name of @kind, or @kind itself
 *   for a kind this version does not know
 */
const char *
cs_suspension_kind_get_label (const char *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  /* Translators: the kinds of suspension (Art. 45), as in
   * "suspended for testing" */
  if (g_str_equal (kind, "expert_review"))
    return C_("suspension", "expert review");
  if (g_str_equal (kind, "testing"))
    return C_("suspension", "testing");
  if (g_str_equal (kind, "inspection"))
    return C_("suspension", "on-site inspection");
  if (g_str_equal (kind, "hearing"))
    return C_("suspension", "hearing");

  return kind;
}

/**
 * cs_deadline_get_kind:
 * @self: a #CsDeadline
 *
 * Returns: which limit @self counts
 */
CsDeadlineKind
cs_deadline_get_kind (CsDeadline *self)
{
  g_return_val_if_fail (self != NULL, CS_DEADLINE_STATUTORY);

  return self->kind;
}

/**
 * cs_deadline_get_accepted_on:
 * @self: a #CsDeadline
 *
 * Returns: (transfer none): the day of acceptance the count started after
 */
const GDate *
cs_deadline_get_accepted_on (CsDeadline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->accepted_on;
}

/**
 * cs_deadline_get_due:
 * @self: a #CsDeadline
 *
 * Returns: (transfer none): the last day of the limit: on time up to and
 *   including it
 */
const GDate *
cs_deadline_get_due (CsDeadline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->due;
}

/**
 * cs_deadline_get_limit:
 * @self: a #CsDeadline
 *
 * Returns: the working days counted, extension and green-channel halving
 *   included; see cs_legal_clock_get_limit()
 */
guint
cs_deadline_get_limit (CsDeadline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->limit;
}

/**
 * cs_deadline_get_as_of:
 * @self: a #CsDeadline
 *
 * Returns: (transfer none): the day the deadline was computed for: open
 *   suspensions were counted up to it
 */
const GDate *
cs_deadline_get_as_of (CsDeadline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->as_of;
}

/**
 * cs_deadline_get_has_open_suspension:
 * @self: a #CsDeadline
 *
 * Returns: whether a suspension that had started by cs_deadline_get_as_of()
 *   was still open, so the due date will move on while it lasts
 */
gboolean
cs_deadline_get_has_open_suspension (CsDeadline *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->open_suspension;
}

/**
 * cs_deadline_get_warning_days:
 * @self: a #CsDeadline
 *
 * The yellow threshold: the last fifth of the limit, rounded up, and at
 * least 1 working day, so max(1, ⌈limit / 5⌉). A 20-day limit warns with 4
 * working days left, a 10-day one with 2, a 5-day one (the supplement
 * notice) and an instant matter with 1.
 *
 * Returns: the number of remaining working days at or below which
 *   cs_deadline_get_state() says %CS_CLOCK_STATE_YELLOW
 */
guint
cs_deadline_get_warning_days (CsDeadline *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return MAX (1, (self->limit + 4) / 5);
}

/**
 * cs_deadline_get_remaining:
 * @self: a #CsDeadline
 * @today: a valid day
 *
 * Counts the working days left after @today up to and including the due
 * date, leaving out suspended days: 0 on the due date itself, and when the
 * deadline is overdue, minus the working days since the due date up to and
 * including @today. Before acceptance the whole limit is left.
 *
 * The count uses the suspensions as they stood on cs_deadline_get_as_of();
 * an overdue count that reaches into a year the calendar has not published
 * counts that year's weekdays.
 *
 * Returns: the working days left, negative when overdue
 */
int
cs_deadline_get_remaining (CsDeadline  *self,
                           const GDate *today)
{
  GDate day;
  int count = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  if (g_date_compare (today, &self->due) <= 0)
    {
      day = g_date_compare (today, &self->accepted_on) < 0 ? self->accepted_on : *today;
      while (g_date_compare (&day, &self->due) < 0)
        {
          g_date_add_days (&day, 1);
          if (is_counted (self, &day))
            count++;
        }
      return count;
    }

  day = self->due;
  while (g_date_compare (&day, today) < 0)
    {
      g_date_add_days (&day, 1);
      if (is_counted (self, &day))
        count--;
    }

  return count;
}

static gboolean
is_paused (CsDeadline  *self,
           const GDate *today)
{
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if (g_date_compare (today, &span->first) >= 0 &&
          (span->open || g_date_compare (today, &span->last) <= 0))
        return TRUE;
    }

  return FALSE;
}

/**
 * cs_deadline_get_state:
 * @self: a #CsDeadline
 * @today: a valid day
 *
 * How the deadline stands on @today, the first rule that applies:
 *
 * 1. %CS_CLOCK_STATE_RED when @today is after the due date;
 * 2. %CS_CLOCK_STATE_PAUSED when a suspension covers @today (never for the
 *    supplement notice, which suspensions do not stop);
 * 3. %CS_CLOCK_STATE_YELLOW when cs_deadline_get_remaining() is at most
 *    cs_deadline_get_warning_days(): the last fifth of the limit, so the
 *    due day itself is always yellow, and an instant matter is yellow on
 *    the day of acceptance;
 * 4. %CS_CLOCK_STATE_ON_TRACK otherwise.
 *
 * Returns: the state on @today
 */
CsClockState
cs_deadline_get_state (CsDeadline  *self,
                       const GDate *today)
{
  g_return_val_if_fail (self != NULL, CS_CLOCK_STATE_ON_TRACK);
  g_return_val_if_fail (today != NULL && g_date_valid (today), CS_CLOCK_STATE_ON_TRACK);

  if (g_date_compare (today, &self->due) > 0)
    return CS_CLOCK_STATE_RED;

  if (is_paused (self, today))
    return CS_CLOCK_STATE_PAUSED;

  if (cs_deadline_get_remaining (self, today) <= (int)cs_deadline_get_warning_days (self))
    return CS_CLOCK_STATE_YELLOW;

  return CS_CLOCK_STATE_ON_TRACK;
}

/**
 * cs_deadline_get_days:
 * @self: a #CsDeadline
 * @n_days: (out): return location for the number of days
 *
 * The days after acceptance up to the due date that need explaining, in
 * order: every day skipped (a weekend, a holiday, a suspended working day)
 * and every make-up working day counted. Ordinary working days are not
 * listed.
 *
 * Returns: (array length=n_days) (transfer none): the days
 */
const CsDeadlineDay *
cs_deadline_get_days (CsDeadline *self,
                      guint      *n_days)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_days != NULL, NULL);

  *n_days = self->days->len;
  return (const CsDeadlineDay *)(gpointer)self->days->data;
}

static void
append_date (GString     *text,
             const GDate *date)
{
  char buffer[16];

  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  g_string_append (text, buffer);
}

static char *
format_date (const GDate *date)
{
  GString *text = g_string_new (NULL);

  append_date (text, date);
  return g_string_free (text, FALSE);
}

static gboolean
same_group (const CsDeadlineDay *a,
            const CsDeadlineDay *b)
{
  /* Interned strings compare by address. */
  return a->kind == b->kind && a->name == b->name && a->reason == b->reason &&
         g_date_get_julian (&b->date) == g_date_get_julian (&a->date) + 1;
}

static void
append_group (GString             *text,
              const CsDeadlineDay *first,
              const CsDeadlineDay *last)
{
  g_autofree char *from = format_date (&first->date);
  g_autofree char *to = format_date (&last->date);
  g_autofree char *range = NULL;

  if (first == last)
    range = g_strdup (from);
  else
    /* Translators: a range of days, such as "2026-10-01 to 2026-10-07" */
    range = g_strdup_printf (_("%s to %s"), from, to);

  g_string_append (text, "  ");
  switch (first->kind)
    {
    case CS_DEADLINE_DAY_SKIPPED_WEEKEND:
      /* Translators: %s is a day or a range of days */
      g_string_append_printf (text, _("%s: weekend"), range);
      break;

    case CS_DEADLINE_DAY_SKIPPED_HOLIDAY:
      if (first->name != NULL)
        /* Translators: the first %s is a day or a range of days, the
         * second the holiday's name as published, such as 国庆节 */
        g_string_append_printf (text, _("%s: public holiday (%s)"), range, first->name);
      else
        /* Translators: %s is a day or a range of days */
        g_string_append_printf (text, _("%s: public holiday"), range);
      break;

    case CS_DEADLINE_DAY_SKIPPED_SUSPENSION:
      if (first->reason != NULL && first->reason[0] != '\0')
        /* Translators: the first %s is a day or a range of days, the
         * second the kind of suspension (such as "testing"), the third
         * the reason the department recorded */
        g_string_append_printf (text, _("%s: suspended for %s: %s"), range,
                                cs_suspension_kind_get_label (first->name), first->reason);
      else
        /* Translators: the first %s is a day or a range of days, the
         * second the kind of suspension (such as "testing") */
        g_string_append_printf (text, _("%s: suspended for %s"), range,
                                cs_suspension_kind_get_label (first->name));
      break;

    case CS_DEADLINE_DAY_COUNTED_MAKEUP:
      if (first->name != NULL)
        /* Translators: the first %s is a day, the second its name as
         * published, such as 国庆节调休 */
        g_string_append_printf (text, _("%s: make-up working day (%s)"), range, first->name);
      else
        /* Translators: %s is a day or a range of days */
        g_string_append_printf (text, _("%s: make-up working day"), range);
      break;

    default:
      g_assert_not_reached ();
    }
  g_string_append_c (text, '\n');
}

static void
append_days (GString       *text,
             CsDeadline    *self,
             gboolean       counted)
{
  guint i = 0;

  while (i < self->days->len)
    {
      const CsDeadlineDay *first = &g_array_index (self->days, CsDeadlineDay, i);
      const CsDeadlineDay *last = first;

      i++;
      if ((first->kind == CS_DEADLINE_DAY_COUNTED_MAKEUP) != counted)
        continue;

      while (i < self->days->len &&
             same_group (last, &g_array_index (self->days, CsDeadlineDay, i)))
        last = &g_array_index (self->days, CsDeadlineDay, i++);

      append_group (text, first, last);
    }
}

/**
 * cs_deadline_explain:
 * @self: a #CsDeadline
 *
 * Explains the due date to a person: which limit was counted from which
 * day, the extension or green-channel halving, an open suspension, then the
 * days not counted (weekends, holidays by their published names,
 * suspensions with their kind and reason) and the make-up working days that
 * were counted. Consecutive days skipped for the same reason share a line.
 *
 * Returns: (transfer full): a translated text of several lines, each ending
 *   in a newline
 */
char *
cs_deadline_explain (CsDeadline *self)
{
  g_autofree char *accepted = NULL;
  g_autofree char *due = NULL;
  gboolean any_skipped = FALSE;
  gboolean any_counted = FALSE;
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  accepted = format_date (&self->accepted_on);
  due = format_date (&self->due);
  text = g_string_new (NULL);

  switch (self->kind)
    {
    case CS_DEADLINE_STATUTORY:
      /* Translators: %s is a date, YYYY-MM-DD */
      g_string_append_printf (text, _("Statutory deadline: %s"), due);
      break;
    case CS_DEADLINE_PROMISED:
      /* Translators: %s is a date, YYYY-MM-DD */
      g_string_append_printf (text, _("Promised deadline: %s"), due);
      break;
    case CS_DEADLINE_SUPPLEMENT_NOTICE:
    default:
      /* Translators: %s is a date, YYYY-MM-DD */
      g_string_append_printf (text, _("Supplement notice deadline: %s"), due);
      break;
    }
  g_string_append_c (text, '\n');

  if (self->instant)
    /* Translators: %s is a date, YYYY-MM-DD */
    g_string_append_printf (text, _("An instant matter is decided on the day of acceptance, %s."),
                            accepted);
  else if (self->limit == 0)
    /* Translators: %s is a date, YYYY-MM-DD */
    g_string_append_printf (text, _("A limit of 0 working days is due on the day of acceptance, "
                                    "%s."),
                            accepted);
  else
    /* Translators: %u is a number of working days, %s the date of acceptance */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u working day, counted from the day after "
                                               "acceptance on %s.",
                                               "%u working days, counted from the day after "
                                               "acceptance on %s.",
                                               self->limit),
                            self->limit, accepted);
  g_string_append_c (text, '\n');

  if (self->extension_days > 0 && !self->instant)
    {
      /* Translators: the statutory limit and the days one extension adds */
      g_string_append_printf (text, _("The statutory limit of %u plus an extension of %u "
                                      "(Art. 42)."),
                              self->base_limit, self->extension_days);
      g_string_append_c (text, '\n');
    }

  if (self->green_channel && !self->instant)
    {
      /* Translators: %u is the promised limit before halving */
      g_string_append_printf (text, _("Green channel: half the promised limit of %u, "
                                      "rounded up."),
                              self->base_limit);
      g_string_append_c (text, '\n');
    }

  if (self->kind == CS_DEADLINE_SUPPLEMENT_NOTICE)
    {
      g_string_append (text, _("Suspensions do not stop this clock (Art. 32)."));
      g_string_append_c (text, '\n');
    }

  if (self->open_suspension && !self->instant && self->limit > 0)
    {
      g_autofree char *as_of = format_date (&self->as_of);

      /* Translators: %s is a date, YYYY-MM-DD */
      g_string_append_printf (text, _("A suspension is still open: counted up to %s; the due "
                                      "date moves on with every further suspended working day."),
                              as_of);
      g_string_append_c (text, '\n');
    }

  for (guint i = 0; i < self->days->len; i++)
    {
      if (g_array_index (self->days, CsDeadlineDay, i).kind == CS_DEADLINE_DAY_COUNTED_MAKEUP)
        any_counted = TRUE;
      else
        any_skipped = TRUE;
    }

  if (any_skipped)
    {
      g_string_append (text, _("Not counted:"));
      g_string_append_c (text, '\n');
      append_days (text, self, FALSE);
    }

  if (any_counted)
    {
      g_string_append (text, _("Counted although on a weekend:"));
      g_string_append_c (text, '\n');
      append_days (text, self, TRUE);
    }

  return g_string_free (text, FALSE);
}
