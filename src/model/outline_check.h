/* Checks of the report's structure: block names and their options, ids,
 * and every reference in the prose ({score:A1}, {table:funds}), each
 * reported at its file:line:col with a did-you-mean. */
#ifndef ER_OUTLINE_CHECK_H
#define ER_OUTLINE_CHECK_H

#include "model/model.h"

/* Checks the outline and front matter of `layout` (the data file itself,
 * or an outline file) against the evaluation `ev`, and the references in
 * ev's own prose. Findings about the outline go to `d`, whose file should
 * be layout->file. Table and figure references are checked against the
 * blocks of layout's outline; with no outline (a data file rendered with
 * the built-in one) against every block's tables. */
void er_outline_check(const er_eval *layout, const er_eval *ev, er_diag *d);

/* The node with `code` anywhere in the tree, or NULL. */
const er_indicator *er_indicator_find(const er_indicators *nodes, const char *code, size_t len);

/* A narrative text by its key ("background", "targets.overall"), or NULL
 * when the key is unknown. */
const er_prose *er_narrative_prose(const er_eval *ev, const char *key);

#endif
