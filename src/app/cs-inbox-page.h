/* cs-inbox-page.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-session.h"

G_BEGIN_DECLS

#define CS_TYPE_INBOX_PAGE (cs_inbox_page_get_type ())

G_DECLARE_FINAL_TYPE (CsInboxPage, cs_inbox_page, CS, INBOX_PAGE, AdwBin)

/**
 * CsInboxScope:
 * @CS_INBOX_SCOPE_MINE: cases assigned to the signed-in user
 * @CS_INBOX_SCOPE_UNCLAIMED: cases nobody has claimed
 * @CS_INBOX_SCOPE_ALL: every case of the department
 *
 * Whose cases the inbox lists (the `inbox-scope` setting).
 */
typedef enum
{
  CS_INBOX_SCOPE_MINE,
  CS_INBOX_SCOPE_UNCLAIMED,
  CS_INBOX_SCOPE_ALL,
} CsInboxScope;

CsInboxPage *cs_inbox_page_new          (void);
void         cs_inbox_page_set_session  (CsInboxPage *self,
                                         CsSession   *session);
void         cs_inbox_page_focus_search (CsInboxPage *self);
CsInboxScope cs_inbox_page_get_scope    (CsInboxPage *self);
void         cs_inbox_page_set_scope    (CsInboxPage *self,
                                         CsInboxScope scope);

G_END_DECLS
