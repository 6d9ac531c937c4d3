/* cs-case-private.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-case.h"

G_BEGIN_DECLS

typedef struct _CsCaseDetail CsCaseDetail;

/* The summary lives in the object itself, kept small: an inbox holds
 * 100,000 of them. Strings that repeat across cases (department, matter,
 * assignee, ID type) are interned and never freed; the nested members that
 * are rarely non-empty (suspensions, the parallel parts) stay JSON text,
 * parsed when first asked for. */
struct _CsCase
{
  GObject parent_instance;

  char *id;
  char *number;
  char *applicant_name;
  char *applicant_id_number;    /* resident ID or USCC */
  char *suspensions_json;       /* NULL when there are none */
  char *parallel_json;          /* NULL unless approved in parallel */
  const char *department;       /* interned */
  const char *matter_code;      /* interned */
  const char *matter_name;      /* interned */
  const char *assignee_username; /* interned */
  const char *assignee_name;    /* interned */
  gint64 version;
  gint64 received_at;
  gint64 updated_at;
  GDate accepted_on;
  GDate clock_accepted_on;
  GDate decided_on;
  GDate supplement_requested_on;
  guint16 statutory_limit;
  guint16 promised_limit;
  guint16 extension_days;
  guint8 status;                /* CsCaseStatus */
  guint8 outcome;               /* CsOutcome */
  guint lead : 1;
  guint instant : 1;
  guint green_channel : 1;
  guint urgent : 1;
  guint organisation : 1;

  JsonArray *suspensions;       /* parsed on demand */
  GListStore *parts;            /* parsed on demand */
  CsCaseDetail *detail;         /* the full case only */
};

CsCase      *_cs_case_new                (void);
void         _cs_case_update_from        (CsCase      *self,
                                          CsCase      *newer);
JsonObject  *_cs_case_get_detail_json    (CsCase      *self);

G_END_DECLS
