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

/* The built-in template directory: $EVALREPORT_TEMPLATES, else the
 * source tree's templates/, else one beside the executable. */
const char *er_template_dir(void);

#endif
