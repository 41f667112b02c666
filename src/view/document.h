/* The template stage of the pipeline: evaluation → view → template →
 * document, and the style profile the document asks for. The HTML and
 * PDF writers both start from what this returns. */
#ifndef ER_VIEW_DOCUMENT_H
#define ER_VIEW_DOCUMENT_H

#include "doc/doc.h"
#include "doc/style.h"
#include "model/model.h"

typedef struct er_document_opts {
  const char *template_name; /* --template NAME|DIR, or NULL for the kind's default */
  bool draft;                /* findings panel */
  const er_diag *findings;   /* what check found */
} er_document_opts;

/* Builds the document of an evaluation and loads its style profile into
 * *style. Template, document and style problems are printed to stderr as
 * FILE:LINE: messages (template lint warnings too); on failure returns
 * NULL and adds a summary error to `d`. */
er_doc *er_document_build(const er_eval *ev, const er_document_opts *opts, er_style **style,
                          er_diag *d);

/* The outline file for `ev` among the template directories `dirs`
 * (DIR/outline.yaml, else DIR/outlines/KIND.yaml), loaded and checked; its
 * findings are printed. NULL, with an error in `d`, when there is none or it
 * has errors. Free with er_document_outline_free. */
er_eval *er_document_outline(const char *const *dirs, size_t ndirs, const er_eval *ev,
                             er_diag *d);
void er_document_outline_free(er_eval *outline);

/* The built-in template directory: $EVALREPORT_TEMPLATES, else the
 * source tree's templates/, else one beside the executable. */
const char *er_template_dir(void);

#endif
