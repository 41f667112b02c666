/* The interface of an output writer (PDF, HTML, XLSX). Each writer turns a loaded,
 * scored and checked evaluation into one file at `path` (a temporary file
 * that the caller renames into place) and returns true on success, adding
 * anything that went wrong to `d`. */
#ifndef ER_MODEL_WRITER_H
#define ER_MODEL_WRITER_H

#include "model/model.h"

typedef struct er_render_opts {
  const char *template_name;     /* --template NAME|DIR, or NULL for the kind's default */
  bool draft;                    /* --draft: watermark and findings panel */
  const er_diag *findings;       /* what check found, for the draft panel */
  struct er_font_preload *fonts; /* fonts being loaded ahead (pdf/pdf.h), or NULL */
} er_render_opts;

typedef struct er_format {
  const char *name;   /* html, pdf, xlsx */
  const char *suffix; /* appended to the data file's name: ".html", "-annex.xlsx" */
  bool (*write)(const er_eval *ev, const er_render_opts *opts, const char *path, er_diag *d);
  bool on_request; /* written only when asked for (--format), not by default */
  bool pages;      /* laid out as pages: needs the fonts */
} er_format;

#endif
