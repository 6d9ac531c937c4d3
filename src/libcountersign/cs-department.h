/* cs-department.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <gtk/gtk.h>

#include "cs-case.h"
#include "cs-check-context.h"
#include "cs-matter.h"
#include "cs-outcome.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CS_DEPARTMENT_ERROR:
 *
 * The error domain of the #CsDepartment wrappers: what the desk reports
 * when a plugin breaks the interface's contract.
 */
#define CS_DEPARTMENT_ERROR (cs_department_error_quark ())

/**
 * CsDepartmentError:
 * @CS_DEPARTMENT_ERROR_FAILED: the plugin failed without saying why.
 * @CS_DEPARTMENT_ERROR_NOT_SUPPORTED: the plugin does not handle this matter
 *   or outcome.
 * @CS_DEPARTMENT_ERROR_INVALID_RESULT: the plugin returned something the
 *   interface does not allow (no panel, a widget already in use, an object
 *   that is not a finding, no wording).
 *
 * How a department plugin failed.
 */
typedef enum
{
  CS_DEPARTMENT_ERROR_FAILED,
  CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
  CS_DEPARTMENT_ERROR_INVALID_RESULT,
} CsDepartmentError;

#define CS_TYPE_DEPARTMENT (cs_department_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (CsDepartment, cs_department, CS, DEPARTMENT, GObject)

/**
 * CsDepartmentInterface:
 * @parent_iface: the parent interface.
 * @load: called once when the plugin's extension is created, before any
 *   other call; prepare what the other calls need. Optional.
 * @unload: called once before the extension is dropped, when the plugin is
 *   disabled or the desk quits; release what @load took. Optional.
 * @get_code: the department's code as the central API spells it
 *   (`"health"`). Required; the string must live as long as the object.
 * @get_matter_codes: the codes of the matters the plugin handles, a
 *   %NULL-terminated array that lives as long as the object. Required.
 * @create_case_panel: a new widget (floating, without a parent) showing
 *   the case's form data laid out for the matter, its fields marked with
 *   cs_department_mark_field(). Return %NULL to let the desk show its
 *   generic panel. Optional.
 * @check_case: the pre-checks: a new array of #CsFinding (transfer full,
 *   possibly empty), or %NULL with @error set when the checks themselves
 *   could not run. Optional: a plugin without it finds nothing.
 * @get_wording: the decision wording for @outcome and its legal basis, both
 *   newly allocated and translated; %FALSE with @error set when it cannot
 *   be written. Required.
 *
 * The extension point a department's plugin implements.
 *
 * Every call happens on the main thread, with the desk's GTK main loop
 * running; a plugin must not block in any of them (the desk has already
 * read the materials' text into the #CsCheckContext). Objects passed in are
 * borrowed for the call; keep a reference to keep them.
 */
struct _CsDepartmentInterface
{
  GTypeInterface parent_iface;

  void                (*load)              (CsDepartment    *self);
  void                (*unload)            (CsDepartment    *self);
  const char         *(*get_code)          (CsDepartment    *self);
  const char * const *(*get_matter_codes)  (CsDepartment    *self);
  GtkWidget          *(*create_case_panel) (CsDepartment    *self,
                                            CsCase          *kase,
                                            CsMatter        *matter);
  GPtrArray          *(*check_case)        (CsDepartment    *self,
                                            CsCheckContext  *context,
                                            GError         **error);
  gboolean            (*get_wording)       (CsDepartment    *self,
                                            CsCase          *kase,
                                            CsMatter        *matter,
                                            CsOutcome        outcome,
                                            char           **text,
                                            char           **legal_basis,
                                            GError         **error);

  /*< private >*/
  gpointer _reserved[8];
};

CS_AVAILABLE_IN_ALL
GQuark              cs_department_error_quark       (void);
CS_AVAILABLE_IN_ALL
void                cs_department_load              (CsDepartment    *self);
CS_AVAILABLE_IN_ALL
void                cs_department_unload            (CsDepartment    *self);
CS_AVAILABLE_IN_ALL
const char         *cs_department_get_code          (CsDepartment    *self);
CS_AVAILABLE_IN_ALL
const char * const *cs_department_get_matter_codes  (CsDepartment    *self);
CS_AVAILABLE_IN_ALL
gboolean            cs_department_handles_matter    (CsDepartment    *self,
                                                     const char      *matter_code);
CS_AVAILABLE_IN_ALL
GtkWidget          *cs_department_create_case_panel (CsDepartment    *self,
                                                     CsCase          *kase,
                                                     CsMatter        *matter,
                                                     GError         **error);
CS_AVAILABLE_IN_ALL
GPtrArray          *cs_department_check_case        (CsDepartment    *self,
                                                     CsCheckContext  *context,
                                                     GError         **error);
CS_AVAILABLE_IN_ALL
gboolean            cs_department_get_wording       (CsDepartment    *self,
                                                     CsCase          *kase,
                                                     CsMatter        *matter,
                                                     CsOutcome        outcome,
                                                     char           **text,
                                                     char           **legal_basis,
                                                     GError         **error);

CS_AVAILABLE_IN_ALL
void                cs_department_mark_field        (GtkWidget       *widget,
                                                     const char      *field);
CS_AVAILABLE_IN_ALL
const char         *cs_department_get_marked_field  (GtkWidget       *widget);
CS_AVAILABLE_IN_ALL
GtkWidget          *cs_department_find_field        (GtkWidget       *panel,
                                                     const char      *field);

G_END_DECLS
