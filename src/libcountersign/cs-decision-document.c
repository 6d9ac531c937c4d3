/* cs-decision-document.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsDecisionDocument"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cs-decision-document.h"
#include "cs-error.h"

/**
 * CsDecisionDocument:
 *
 * The decision document (审批决定书) of a #CsDecisionDraft, drawn as a PDF
 * with cairo and pango: the department's header in red over a red rule,
 * the document number, the title of the outcome, the case number and the
 * applicant, the decision's text, what the outcome adds (reasons, the
 * items to supply, the days of an extension, the kind of a suspension),
 * the legal basis, the notice of the applicant's remedies, and the
 * department's name and the date under its red circular seal, drawn as
 * vectors: a ring, the department's name around the rim and a star in
 * the centre.
 *
 * The chief representative sees these bytes before signing, and the
 * signed decision carries their SHA-256: what you see is what you sign.
 */
struct _CsDecisionDocument
{
  GObject parent_instance;

  GBytes *bytes;
  char *sha256;
  char *title;
  guint n_pages;
};

G_DEFINE_FINAL_TYPE (CsDecisionDocument, cs_decision_document, G_TYPE_OBJECT)

#define PAGE_WIDTH  595.276   /* A4, in points */
#define PAGE_HEIGHT 841.890
#define MARGIN_X    72.0
#define MARGIN_TOP  64.0
#define MARGIN_BOTTOM 72.0
#define TEXT_WIDTH  (PAGE_WIDTH - 2 * MARGIN_X)
#define SEAL_RADIUS 58.0
/* One family, embedded as a subset: the document stays small. */
#define FONT        "Noto Serif CJK SC"

static void
cs_decision_document_finalize (GObject *object)
{
  CsDecisionDocument *self = (CsDecisionDocument *) object;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->sha256);
  g_free (self->title);

  G_OBJECT_CLASS (cs_decision_document_parent_class)->finalize (object);
}

static void
cs_decision_document_class_init (CsDecisionDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_decision_document_finalize;
}

static void
cs_decision_document_init (CsDecisionDocument *self)
{
}

typedef struct
{
  cairo_t *cr;
  double y;
  guint n_pages;
} Pen;

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
new_layout (cairo_t     *cr,
            double       size,
            gboolean     bold,
            double       width,
            const char  *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) width / PANGO_SCALE;
}

static void
new_page (Pen *pen)
{
  cairo_show_page (pen->cr);
  pen->n_pages++;
  pen->y = MARGIN_TOP;
}

/* A paragraph, moving to a new page when it does not fit; first-line
 * indent of two characters as in official documents. */
static void
paragraph (Pen        *pen,
           const char *text,
           double      size,
           gboolean    indent)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (text == NULL || *text == '\0')
    return;

  layout = new_layout (pen->cr, size, FALSE, TEXT_WIDTH, text);
  pango_layout_set_line_spacing (layout, 1.5);
  if (indent)
    pango_layout_set_indent (layout, (int) (2 * size * PANGO_SCALE));
  height = layout_height (layout);
  if (pen->y + height > PAGE_HEIGHT - MARGIN_BOTTOM && pen->y > MARGIN_TOP)
    new_page (pen);

  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  cairo_move_to (pen->cr, MARGIN_X, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  pen->y += height + size * 0.6;
}

static void
centred (Pen        *pen,
         const char *text,
         double      size,
         gboolean    bold)
{
  g_autoptr(PangoLayout) layout = new_layout (pen->cr, size, bold, -1, text);

  cairo_move_to (pen->cr, (PAGE_WIDTH - layout_width (layout)) / 2, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  pen->y += layout_height (layout) + size * 0.5;
}

/* The seal: a ring, a five-pointed star, and the name set around the upper
 * rim, each character upright towards the centre. */
static void
draw_seal (cairo_t    *cr,
           double      cx,
           double      cy,
           const char *name)
{
  glong n_chars = g_utf8_strlen (name, -1);
  double glyph_size = n_chars > 16 ? SEAL_RADIUS * 0.19 : SEAL_RADIUS * 0.24;
  /* From lower left over the top to lower right, at most 250°. */
  double span = MIN (G_PI * 250 / 180, (n_chars - 1) * glyph_size * 1.05 / (SEAL_RADIUS * 0.76));
  const char *p = name;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.86, 0.05, 0.08, 0.9);

  cairo_new_path (cr);
  cairo_set_line_width (cr, SEAL_RADIUS * 0.055);
  cairo_arc (cr, cx, cy, SEAL_RADIUS, 0, 2 * G_PI);
  cairo_stroke (cr);

  cairo_new_path (cr);
  for (int i = 0; i < 10; i++)
    {
      double r = i % 2 == 0 ? SEAL_RADIUS * 0.32 : SEAL_RADIUS * 0.128;
      double angle = -G_PI / 2 + i * G_PI / 5;

      if (i == 0)
        cairo_move_to (cr, cx + r * cos (angle), cy + r * sin (angle));
      else
        cairo_line_to (cr, cx + r * cos (angle), cy + r * sin (angle));
    }
  cairo_close_path (cr);
  cairo_fill (cr);

  for (glong i = 0; i < n_chars; i++, p = g_utf8_next_char (p))
    {
      char glyph[8] = { 0 };
      double angle = -G_PI / 2 - span / 2 + (n_chars > 1 ? span * i / (n_chars - 1) : span / 2);
      g_autoptr(PangoLayout) layout = NULL;

      memcpy (glyph, p, g_utf8_next_char (p) - p);
      layout = new_layout (cr, glyph_size, TRUE, -1, glyph);

      cairo_save (cr);
      cairo_translate (cr, cx + SEAL_RADIUS * 0.76 * cos (angle),
                       cy + SEAL_RADIUS * 0.76 * sin (angle));
      cairo_rotate (cr, angle + G_PI / 2);
      cairo_move_to (cr, -layout_width (layout) / 2, -layout_height (layout) / 2);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  cairo_restore (cr);
}

static const char *
outcome_title (CsOutcome outcome)
{
  switch (outcome)
    {
    case CS_OUTCOME_GRANT:
      return _("Decision to Grant an Administrative Licence");
    case CS_OUTCOME_DENY:
      return _("Decision Not to Grant an Administrative Licence");
    case CS_OUTCOME_SUPPLEMENT:
      return _("Notice to Supplement the Application Materials");
    case CS_OUTCOME_NOT_ACCEPTED:
      return _("Decision Not to Accept the Application");
    case CS_OUTCOME_EXTENSION:
      return _("Notice of Extension of the Time Limit");
    case CS_OUTCOME_SUSPENSION:
      return _("Notice of Suspension of the Examination");
    case CS_OUTCOME_NONE:
    default:
      return _("Decision");
    }
}

static const char *
suspension_label (const char *kind)
{
  if (g_strcmp0 (kind, "expert_review") == 0)
    return _("expert review");
  if (g_strcmp0 (kind, "testing") == 0)
    return _("testing");
  if (g_strcmp0 (kind, "inspection") == 0)
    return _("inspection");
  if (g_strcmp0 (kind, "hearing") == 0)
    return _("hearing");
  return kind;
}

static void
draw_body (Pen             *pen,
           CsDecisionDraft *draft)
{
  cairo_t *cr = pen->cr;
  g_autofree char *case_line = NULL;
  g_autofree char *applicant_line = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *signer = NULL;
  char date[64];
  double seal_y;

  /* The red header and rule. */
  cairo_set_source_rgb (cr, 0.80, 0.0, 0.0);
  centred (pen, cs_decision_draft_get_department_name (draft), 24, TRUE);
  pen->y += 2;
  cairo_set_line_width (cr, 2.0);
  cairo_move_to (cr, MARGIN_X - 10, pen->y);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN_X + 10, pen->y);
  cairo_stroke (cr);
  pen->y += 12;

  cairo_set_source_rgb (cr, 0, 0, 0);
  centred (pen, cs_decision_draft_get_document_number (draft), 11, FALSE);
  pen->y += 10;
  centred (pen, outcome_title (cs_decision_draft_get_outcome (draft)), 20, TRUE);
  pen->y += 10;

  case_line = g_strdup_printf (_("Case number: %s"), cs_decision_draft_get_case_number (draft));
  applicant_line = g_strdup_printf (_("Applicant: %s"), cs_decision_draft_get_applicant (draft));
  paragraph (pen, case_line, 12, FALSE);
  paragraph (pen, applicant_line, 12, FALSE);
  pen->y += 4;

  paragraph (pen, cs_decision_draft_get_text (draft), 13, TRUE);

  switch (cs_decision_draft_get_outcome (draft))
    {
    case CS_OUTCOME_DENY:
      {
        g_autofree char *reasons = g_strdup_printf (_("Reasons: %s"),
                                                    cs_decision_draft_get_reasons (draft));
        paragraph (pen, reasons, 13, TRUE);
      }
      break;

    case CS_OUTCOME_SUPPLEMENT:
      for (guint i = 0; i < cs_decision_draft_get_n_supplement_items (draft); i++)
        {
          const char *name, *reason;
          g_autofree char *line = NULL;

          cs_decision_draft_get_supplement_item (draft, i, NULL, &name, &reason);
          /* Translators: one item of a supplement notice: number, name, what is wrong */
          line = g_strdup_printf (_("%u. %s: %s"), i + 1, name, reason);
          paragraph (pen, line, 13, TRUE);
        }
      break;

    case CS_OUTCOME_EXTENSION:
      {
        g_autofree char *days = g_strdup_printf (_("The limit is extended by %u working days."),
                                                 cs_decision_draft_get_extension_days (draft));
        paragraph (pen, days, 13, TRUE);
      }
      break;

    case CS_OUTCOME_SUSPENSION:
      {
        g_autofree char *why = g_strdup_printf (_("Suspended for %s: %s"),
                                                suspension_label (
                                                  cs_decision_draft_get_suspension_kind (draft)),
                                                cs_decision_draft_get_suspension_reason (draft));
        paragraph (pen, why, 13, TRUE);
      }
      break;

    case CS_OUTCOME_GRANT:
    case CS_OUTCOME_NOT_ACCEPTED:
    case CS_OUTCOME_NONE:
    default:
      break;
    }

  if (cs_decision_draft_get_legal_basis (draft) != NULL &&
      *cs_decision_draft_get_legal_basis (draft) != '\0')
    {
      basis = g_strdup_printf (_("Legal basis: %s"), cs_decision_draft_get_legal_basis (draft));
      paragraph (pen, basis, 13, TRUE);
    }
  paragraph (pen, cs_decision_draft_get_remedy_notice (draft), 13, TRUE);

  if (cs_decision_draft_get_signer_name (draft) != NULL)
    {
      signer = g_strdup_printf (_("Chief representative: %s"),
                                cs_decision_draft_get_signer_name (draft));
      paragraph (pen, signer, 12, FALSE);
    }

  /* The signature block: the department and the date, right-aligned,
   * under the seal. */
  if (pen->y + 2 * SEAL_RADIUS + 20 > PAGE_HEIGHT - MARGIN_BOTTOM)
    new_page (pen);
  seal_y = pen->y + SEAL_RADIUS + 16;

  {
    g_autoptr(PangoLayout) department = NULL;
    g_autoptr(PangoLayout) day = NULL;
    double right = PAGE_WIDTH - MARGIN_X;

    /* Translators: the date under a decision; strftime() format */
    g_date_strftime (date, sizeof date, _("%e %B %Y"), cs_decision_draft_get_date (draft));
    department = new_layout (cr, 13, FALSE, -1, cs_decision_draft_get_department_name (draft));
    day = new_layout (cr, 13, FALSE, -1, g_strstrip (date));
    cairo_set_source_rgb (cr, 0, 0, 0);
    cairo_move_to (cr, right - layout_width (department), seal_y - 10);
    pango_cairo_show_layout (cr, department);
    cairo_move_to (cr, right - layout_width (day), seal_y + 14);
    pango_cairo_show_layout (cr, day);
    draw_seal (cr, right - MAX (layout_width (department), SEAL_RADIUS * 2) / 2, seal_y,
               cs_decision_draft_get_department_name (draft));
  }
}

/**
 * cs_decision_document_new_render:
 * @draft: the decision to draw
 * @error: return location for a %CS_ERROR_INVALID or %CS_ERROR_DOCUMENT
 *
 * Draws the decision document of @draft, after checking the draft with
 * cs_decision_draft_check(). Blocking but quick (a few milliseconds);
 * several threads may render at once.
 *
 * Returns: (transfer full) (nullable): the document
 */
CsDecisionDocument *
cs_decision_document_new_render (CsDecisionDraft  *draft,
                                 GError          **error)
{
  g_autoptr(CsDecisionDocument) self = NULL;
  g_autoptr(GByteArray) pdf = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { 0 };

  g_return_val_if_fail (CS_IS_DECISION_DRAFT (draft), NULL);

  if (!cs_decision_draft_check (draft, error))
    return NULL;

  self = g_object_new (CS_TYPE_DECISION_DOCUMENT, NULL);
  self->title = g_strdup (outcome_title (cs_decision_draft_get_outcome (draft)));

  pdf = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  cs_decision_draft_get_department_name (draft));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Countersign");

  pen.cr = cairo_create (surface);
  pen.y = MARGIN_TOP;
  pen.n_pages = 1;
  draw_body (&pen, draft);
  cairo_show_page (pen.cr);

  status = cairo_status (pen.cr);
  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_DOCUMENT,
                   _("The decision document could not be drawn: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  self->n_pages = pen.n_pages;
  self->bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->bytes);
  return g_steal_pointer (&self);
}

/**
 * cs_decision_document_get_bytes:
 * @self: a #CsDecisionDocument
 *
 * Returns: (transfer none): the PDF
 */
GBytes *
cs_decision_document_get_bytes (CsDecisionDocument *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DOCUMENT (self), NULL);
  return self->bytes;
}

/**
 * cs_decision_document_get_sha256:
 * @self: a #CsDecisionDocument
 *
 * Returns: the SHA-256 of the PDF, lower-case hex, as the signed decision
 *   carries it
 */
const char *
cs_decision_document_get_sha256 (CsDecisionDocument *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DOCUMENT (self), NULL);
  return self->sha256;
}

guint
cs_decision_document_get_n_pages (CsDecisionDocument *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DOCUMENT (self), 0);
  return self->n_pages;
}

/**
 * cs_decision_document_get_title:
 * @self: a #CsDecisionDocument
 *
 * Returns: the document's title, such as “Decision to Grant an
 *   Administrative Licence”
 */
const char *
cs_decision_document_get_title (CsDecisionDocument *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DOCUMENT (self), NULL);
  return self->title;
}
