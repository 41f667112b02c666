/* Reading a data file into the model. */
#ifndef ER_LOAD_H
#define ER_LOAD_H

#include "model/model.h"

/* Reads and parses `path` (YAML 1.2 or JSON). Always returns a model, as
 * complete as the file allowed; every problem found is added to `d`. Free
 * with er_eval_free(). */
er_eval *er_load(const char *path, er_diag *d);
/* The same for a file already in memory: `len` bytes at `data` (which may
 * be NULL when `len` is 0), not necessarily NUL-terminated, free to go once
 * this returns (the model holds copies). `name` is the file the findings
 * are about; it is kept, so it must outlive the model. */
er_eval *er_load_buffer(const char *name, const char *data, size_t len, er_diag *d);
/* Reads an outline file (templates/outlines/KIND.yaml, a template
 * directory's outline.yaml): only its `report` and `outline` are filled. */
er_eval *er_load_outline(const char *path, er_diag *d);
void er_eval_free(er_eval *ev);

#endif
