/* Consistency checks and the whole read → score → check pipeline. */
#ifndef ER_CHECK_H
#define ER_CHECK_H

#include "model/model.h"

/* Adds to `d` every inconsistency of a loaded and scored evaluation. */
void er_check(const er_eval *ev, er_diag *d);

/* Whether the evaluation gives a report and a score: no errors, and every
 * leaf scored. The one test that check, score, render and batch share. */
bool er_renderable(const er_eval *ev, const er_diag *d);

/* Loads `path`, scores and checks it; findings end up sorted in `d`.
 * Always returns a model (free with er_eval_free). */
er_eval *er_evaluate(const char *path, er_diag *d);

#endif
