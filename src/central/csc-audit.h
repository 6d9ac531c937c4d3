/* csc-audit.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "csc-database.h"

G_BEGIN_DECLS

#define CSC_AUDIT_ERROR (csc_audit_error_quark ())

typedef enum
{
  CSC_AUDIT_ERROR_BROKEN,
} CscAuditError;

typedef struct
{
  const char *at;          /* RFC 3339 */
  const char *case_id;     /* nullable */
  const char *actor;       /* username, or "system" */
  const char *department;  /* nullable */
  const char *action;      /* e.g. "case.claimed" */
  const char *reason;      /* nullable: why, in the actor's words */
  const char *detail;      /* nullable: a JSON object */
} CscAuditEntry;

GQuark    csc_audit_error_quark (void);
gboolean  csc_audit_append      (CscDatabase          *db,
                                 const CscAuditEntry  *entry,
                                 GError              **error);
gboolean  csc_audit_verify      (CscDatabase          *db,
                                 gint64               *n_checked,
                                 GError              **error);

G_END_DECLS
