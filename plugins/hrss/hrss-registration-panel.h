/* hrss-registration-panel.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

G_BEGIN_DECLS

#define HRSS_TYPE_REGISTRATION_PANEL (hrss_registration_panel_get_type ())

G_DECLARE_FINAL_TYPE (HrssRegistrationPanel, hrss_registration_panel, HRSS, REGISTRATION_PANEL, AdwBin)

GtkWidget *hrss_registration_panel_new (CsCase *kase);

G_END_DECLS
