/* The rendering pipeline: one data file into a directory, as `render`, `batch`
 * and `serve` share. Writers are taken from er_formats only. */
#ifndef ER_PIPELINE_H
#define ER_PIPELINE_H

#include "model/writer.h"

#include <stdbool.h>
#include <stddef.h>

/* The formats this build can write, terminated by a NULL name. */
extern const er_format er_formats[];

/* The format of er_formats called `name`, or NULL. */
const er_format *er_format_find(const char *name);

/* The output base name of a data file: its name without directory and
 * extension ("samples/a.yaml" → "a"). */
void er_render_base(const char *file, char *out, size_t size);

/* Writes one format of a scored evaluation to DIR/BASE<suffix>, through a
 * temporary file renamed into place; never over `input`, the data file.
 * On success copies the final path into `written` when it is not NULL. */
bool er_render_write(const er_format *f, const er_eval *ev, const er_render_opts *opts,
                     const char *dir, const char *base, const char *input, er_diag *d,
                     char *written, size_t written_size);

typedef struct er_render_request {
  const char *file;                /* the data file */
  const char *dir;                 /* where the outputs go */
  const er_format *const *formats; /* what to write, in order */
  size_t nformats;
  er_render_opts opts; /* template and draft; findings are filled in */
  bool verbose;        /* as `render`: findings and problems on stderr, paths on stdout */
} er_render_request;

typedef struct er_render_result {
  er_eval *ev;      /* loaded, scored and checked; never NULL after er_render_file */
  er_diag findings; /* what check found */
  er_diag problems; /* what went wrong while writing */
  bool refused;     /* not rendered: errors in the data (and not a draft), or no indicators */
  bool ok;          /* every format written */
} er_render_result;

/* Loads, scores and checks rq->file and, when it is fit to render (no
 * errors, or a draft), writes each format into rq->dir. Returns res->ok.
 * Free the result with er_render_result_free(). */
bool er_render_file(const er_render_request *rq, er_render_result *res);
void er_render_result_free(er_render_result *res);

/* The first error of a result as one line, "FILE:LINE:COL: error: …"
 * without the newline (malloc'd), or NULL when nothing was recorded. */
char *er_render_first_error(const er_render_result *res);

#endif
