/* Rules that compare an actual value with its target: ratio (≥ target),
 * reverse (≤ target) and equality (= target). */
#include "model/score_impl.h"

/* Both inputs, or false after reporting the one missing. */
static bool have_inputs(er_indicator *n, const char *rule, er_diag *d) {
  if (n->actual.set && n->target.set)
    return true;
  er_score_missing(d, n, rule, n->actual.set ? "target" : "actual",
                   n->actual.set ? n->target.pos : n->actual.pos);
  return false;
}

/* num / den at most `cap`; a quotient beyond the decimal range is above
 * any cap, so it is the cap. den != 0. */
static er_dec capped_quotient(er_dec num, er_dec den, er_dec cap) {
  er_dec q;
  if (!er_dec_div_ok(num, den, &q))
    return cap;
  return er_dec_min(q, cap);
}

bool er_rule_ratio(er_indicator *n, er_diag *d) {
  if (!have_inputs(n, "ratio", d))
    return false;
  bool lower = n->direction.index == 1;
  er_dec cap = n->cap.set ? er_score_fraction(&n->cap) : ER_DEC_ONE;
  er_dec num = lower ? n->target.v : n->actual.v, den = lower ? n->actual.v : n->target.v;
  if (er_dec_is_zero(den)) {
    if (lower) { /* nothing spent on a lower-is-better target: full marks */
      n->result.fraction = cap;
      return true;
    }
    er_error(d, n->target.pos, "zero-target", "指标 %s 的目标值为 0，无法计算比值", n->code.s);
    er_diag_anchor(d, n->code.s);
    return false;
  }
  n->result.fraction = capped_quotient(num, den, cap);
  return true;
}

/* ≤ target (反向指标). curve ratio: target / actual, at most 1, full marks at
 * an actual of 0. curve linear: full marks up to the target, then falling
 * in a straight line to 0 at twice the target: 2 − actual / target. */
bool er_rule_reverse(er_indicator *n, er_diag *d) {
  if (!have_inputs(n, "reverse", d))
    return false;
  er_dec target = n->target.v, actual = n->actual.v;
  if (er_dec_cmp(actual, target) <= 0) {
    n->result.fraction = ER_DEC_ONE;
    return true;
  }
  /* actual > target ≥ 0 from here: actual is not zero */
  if (n->curve.index != 1) {
    n->result.fraction = capped_quotient(target, actual, ER_DEC_ONE);
    return true;
  }
  if (er_dec_is_zero(target)) { /* twice a target of 0 is 0: any excess scores nothing */
    n->result.fraction = er_dec_zero();
    return true;
  }
  er_dec over = capped_quotient(actual, target, er_dec_int(2));
  n->result.fraction = er_dec_max(er_dec_sub(er_dec_int(2), over), er_dec_zero());
  return true;
}

/* = target (指标性质 “=”): full marks when met, else 1 − |actual − target| ÷
 * target, at least 0. A target of 0 has no relative deviation: met or not. */
bool er_rule_equality(er_indicator *n, er_diag *d) {
  if (!have_inputs(n, "equality", d))
    return false;
  er_dec target = n->target.v, actual = n->actual.v;
  if (er_dec_cmp(actual, target) == 0) {
    n->result.fraction = ER_DEC_ONE;
    return true;
  }
  if (er_dec_is_zero(target)) {
    n->result.fraction = er_dec_zero();
    return true;
  }
  er_dec gap =
      er_dec_cmp(actual, target) > 0 ? er_dec_sub(actual, target) : er_dec_sub(target, actual);
  er_dec off = capped_quotient(gap, target, ER_DEC_ONE);
  n->result.fraction = er_dec_sub(ER_DEC_ONE, off);
  return true;
}
