/* What the scoring engine's files share: input helpers, the fund index
 * and the rules that live outside score.c. Each rule sets
 * n->result.fraction (the fraction of the weight earned), or, for rules
 * that count points, returns the points; false after reporting why the
 * leaf cannot be scored. */
#ifndef ER_SCORE_IMPL_H
#define ER_SCORE_IMPL_H

#include "model/score.h"

#define ER_DEC_ONE ((er_dec){ER_DEC_SCALE})
#define ER_DEC_HUNDRED ((er_dec){100 * ER_DEC_SCALE})

/* A fraction-like input: 0.8 as written, or 80% meaning 0.8. */
er_dec er_score_fraction(const er_num *n);

/* Reports a rule input that is missing, unless `given` says the key was
 * written with a value the loader already rejected. */
void er_score_missing(er_diag *d, const er_indicator *n, const char *rule, const char *key,
                      er_pos given);
/* Reports arithmetic on the leaf's inputs that left the decimal range. */
void er_score_overflow(er_diag *d, const er_indicator *n, er_pos at);

/* Fund items by name: the execution, arrival and conditional-deduction
 * leaves look their item up instead of summing all items again. */
typedef struct er_fund_entry {
  const char *name;
  const er_fund_item *item;
} er_fund_entry;

typedef struct er_fund_index {
  er_fund_entry *by_name; /* items with a name, sorted by it */
  size_t count;
  er_fund_totals all;
} er_fund_index;

void er_fund_index_build(const er_funds *funds, er_fund_index *fi);
void er_fund_index_free(er_fund_index *fi);
/* The totals of the leaf's `fund` (all items when it has none); false after
 * reporting a name that no item has. */
bool er_fund_index_totals(const er_fund_index *fi, const er_indicator *n, er_fund_totals *t,
                          er_diag *d);

bool er_rule_ratio(er_indicator *n, er_diag *d);
bool er_rule_reverse(er_indicator *n, er_diag *d);
bool er_rule_equality(er_indicator *n, er_diag *d);
bool er_rule_execution(const er_fund_index *fi, er_indicator *n, er_diag *d);
bool er_rule_arrival(const er_fund_index *fi, er_indicator *n, er_diag *d);
bool er_rule_rollup(er_indicator *n, er_diag *d);
/* weight − Σ deductions applied, floored at 0. */
bool er_rule_deductions(const er_fund_index *fi, er_indicator *n, er_dec *points, er_diag *d);

#endif
