/* Scoring: leaves from their rules, subtotals, rates, total and grade. */
#ifndef ER_SCORE_H
#define ER_SCORE_H

#include "model/model.h"

/* Scores the whole tree into each node's `result` and sets ev->total,
 * ev->total_weight, ev->bonus and ev->grade. Inputs that cannot be scored
 * are reported to `d` and leave that node's result invalid. */
void er_score(er_eval *ev, er_diag *d);

/* The grade of a total under the data's scheme (or the national default),
 * or NULL when the total is below every lower bound or the data has no
 * grades (grades: []). The total is graded
 * as displayed, rounded to two decimals. */
const char *er_grade_for(const er_eval *ev, er_dec total);
/* The grade scheme in force, highest first; none (count 0) for grades: []. */
const er_grade *er_grade_scheme(const er_eval *ev, size_t *count);
/* The total's 得分率: total / rate_base (scoring.rate_base, else the
 * scale the total is shown against), in percent. */
er_dec er_total_rate(const er_eval *ev);

/* Bands in one table: real ones have three to six. Every leaf looks its
 * value up in its table, so a larger one is refused (check reports it). */
#define ER_MAX_BANDS 100

const er_scale *er_find_scale(const er_eval *ev, const char *name);
/* The band table a `bands` leaf uses, or NULL when it names no table. */
const er_bands *er_indicator_bands(const er_eval *ev, const er_indicator *n);

#endif
