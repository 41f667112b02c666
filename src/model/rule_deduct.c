/* deductions: weight − Σ deductions, floored at 0 (扣完为止). A deduction
 * is a number of points; a pro-rata one (按比例扣减) takes points ×
 * shortfall ÷ base; a conditional one applies only when a figure the
 * engine derives from the funds (执行率, 到位率, 地方配套占比) meets its
 * condition. */
#include "model/expr.h"
#include "model/score_impl.h"

#include <stdio.h>

static void deduction_error(er_diag *d, const er_indicator *n, er_pos at, const char *key,
                            const char *message) {
  er_error(d, at, key, "指标 %s 的扣分项：%s", n->code.s, message);
  er_diag_anchor(d, n->code.s);
}

/* The points a pro-rata deduction takes; false after reporting. */
static bool pro_rata(const er_indicator *n, er_deduction *x, er_diag *d) {
  if (!x->shortfall.set || !x->base.set) {
    if (!(x->shortfall.set ? x->base.pos : x->shortfall.pos).line)
      deduction_error(d, n, x->pos, "missing-input",
                      x->shortfall.set ? "按比例扣减需要 base（基数）"
                                       : "按比例扣减需要 shortfall（差额）");
    return false;
  }
  er_dec shortfall = er_score_fraction(&x->shortfall), base = er_score_fraction(&x->base);
  if (er_dec_is_zero(base)) {
    deduction_error(d, n, x->base.pos, "zero", "base（基数）不能为 0");
    return false;
  }
  if (er_dec_cmp(shortfall, base) > 0) {
    deduction_error(d, n, x->shortfall.pos, "out-of-range",
                    "shortfall（差额）不能大于 base（基数）");
    return false;
  }
  er_dec part;
  if (!er_dec_mul_ok(x->points.v, shortfall, &part) || !er_dec_div_ok(part, base, &x->deducted)) {
    er_score_overflow(d, n, x->pos);
    return false;
  }
  return true;
}

/* Whether a conditional deduction applies; false after reporting. */
static bool condition(const er_fund_index *fi, const er_indicator *n, er_deduction *x, er_diag *d) {
  if (!x->when.s) {
    deduction_error(d, n, x->figure.text.pos, "missing-input",
                    "条件扣分需要 when（条件，如 x < 90%）");
    return false;
  }
  er_interval iv;
  const char *why;
  if (!er_interval_parse(x->when.s, &iv, &why)) {
    char msg[512];
    snprintf(msg, sizeof msg, "条件“%s”无法识别：%s", x->when.s, why);
    deduction_error(d, n, x->when.pos, "band-syntax", msg);
    return false;
  }
  er_fund_totals t;
  if (!er_fund_index_totals(fi, n, &t, d))
    return false;
  bool defined = x->figure.index == ER_FIGURE_ARRIVAL ? t.arrival_defined : t.execution_defined;
  if (!defined) {
    deduction_error(d, n, x->figure.text.pos, "no-funds",
                    x->figure.index == ER_FIGURE_ARRIVAL ? "资金计划数为 0，没有到位率"
                                                         : "资金到位数为 0，无法计算这一比率");
    return false;
  }
  er_dec figure = x->figure.index == ER_FIGURE_EXECUTION ? t.execution_rate
                  : x->figure.index == ER_FIGURE_ARRIVAL ? t.arrival_rate
                                                         : t.local_share;
  /* the figures are percents: "x < 90%" and "x < 90" mean the same */
  x->applies = er_interval_contains(&iv, figure);
  return true;
}

/* The points one deduction takes; false after reporting. */
static bool deducted(const er_fund_index *fi, const er_indicator *n, er_deduction *x, er_diag *d) {
  x->applies = true;
  x->deducted = x->points.v;
  if (x->figure.index >= 0 && !condition(fi, n, x, d))
    return false;
  if (x->figure.index < 0 && x->when.s) {
    deduction_error(d, n, x->when.pos, "missing-input",
                    "条件扣分需要 figure（execution、arrival 或 local_share）");
    return false;
  }
  if ((x->shortfall.set || x->base.set || x->shortfall.pos.line || x->base.pos.line) &&
      !pro_rata(n, x, d))
    return false;
  if (!x->applies)
    x->deducted = er_dec_zero();
  return true;
}

bool er_rule_deductions(const er_fund_index *fi, er_indicator *n, er_dec *points, er_diag *d) {
  er_dec lost = er_dec_zero();
  bool ok = true, in_range = true;
  for (size_t i = 0; i < n->deductions.count; i++) {
    er_deduction *x = &n->deductions.items[i];
    /* every deduction is looked at, so that check reports all at once */
    if (!deducted(fi, n, x, d))
      ok = false;
    else if (in_range && !er_dec_add_ok(lost, x->deducted, &lost)) {
      er_score_overflow(d, n, n->deductions.pos);
      in_range = false;
    }
  }
  *points = er_dec_max(er_dec_sub(n->weight.v, lost), er_dec_zero());
  return ok && in_range;
}
