/* Helpers shared by the unit tests. */
#ifndef ER_TEST_SUPPORT_H
#define ER_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "model/check.h"
#include "model/load.h"
#include "model/score.h"

/* Evaluates YAML text as a data file (through a temporary file, so the
 * whole pipeline runs). Free with er_eval_free and er_diag_free. */
er_eval *eval_yaml(const char *yaml, er_diag *d);
/* The top of a data file: format version and project. */
#define HEAD "evalreport: 1\nproject: {name: 测试项目, year: 2023}\n"
/* One first-level leaf A of `weight`, scored by the rule lines `rule`
 * (already indented by four spaces); `extra` is more top-level YAML. */
er_eval *eval_leaf(const char *weight, const char *rule, const char *extra, er_diag *d);
/* The leaf's score with `places` decimals, after asserting it was scored
 * and that the total is the same score. */
const char *leaf_score(const er_eval *ev, int places);
void eval_done(er_eval *ev, er_diag *d);
/* The first finding whose message ends in "[key]", or NULL. */
const er_finding *find_finding(const er_diag *d, const char *key);
/* The value formatted with `places` decimals, in a static buffer. */
const char *dec_str(er_dec v, int places);
/* A decimal from its text; fails the test when the text is not one. */
er_dec dec(const char *text);

#endif
