/* csc-demo-pki.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CSC_TYPE_DEMO_PKI (csc_demo_pki_get_type ())

G_DECLARE_FINAL_TYPE (CscDemoPki, csc_demo_pki, CSC, DEMO_PKI, GObject)

CscDemoPki *csc_demo_pki_new        (GError      **error);
char       *csc_demo_pki_dup_ca_pem (CscDemoPki   *self);
char       *csc_demo_pki_dup_ca_key_pem (CscDemoPki *self);
gboolean    csc_demo_pki_issue      (CscDemoPki   *self,
                                     const char   *common_name,
                                     const char   *organisation,
                                     const char   *organisational_unit,
                                     GDateTime    *not_before,
                                     GDateTime    *not_after,
                                     const char   *password,
                                     char        **cert_pem,
                                     GBytes      **pkcs12,
                                     GError      **error);

gboolean    csc_demo_pki_issue_server (CscDemoPki  *self,
                                       char       **cert_pem,
                                       char       **key_pem,
                                       GError     **error);

G_END_DECLS
