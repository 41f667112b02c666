/* rollup: a composite of sub-unit averages, Σ shareⱼ × valueⱼ ÷ out_of,
 * where a group's value is the average of its units' scores, or, for a
 * group of parts (自查 and 抽查), the shares — or the plain mean — of the
 * parts' averages. */
#include "model/score_impl.h"

#include <stdio.h>

/* The average of `scores`, each at most out_of; false after reporting. */
static bool average(const er_indicator *n, const char *group, const er_num *scores, size_t count,
                    er_dec out_of, er_pos at, er_dec *avg, er_diag *d) {
  if (count == 0) {
    er_error(d, at, "no-scores", "单位组“%s”没有得分", group);
    er_diag_anchor(d, n->code.s);
    return false;
  }
  er_dec sum = er_dec_zero();
  for (size_t j = 0; j < count; j++) {
    const er_num *s = &scores[j];
    if (er_dec_cmp(s->v, out_of) > 0) {
      char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
      er_error(d, s->pos, "rollup-score",
               "单位组“%s”的得分 %s 超过单位得分的满分 %s：请改正得分，或用 out_of 写明满分", group,
               er_dec_format_trim(s->v, 6, a), er_dec_format_trim(out_of, 6, b));
      er_diag_anchor(d, n->code.s);
      return false;
    }
    if (!er_dec_add_ok(sum, s->v, &sum)) {
      er_score_overflow(d, n, s->pos);
      return false;
    }
  }
  *avg = er_dec_div(sum, er_dec_int((int64_t)count));
  return true;
}

/* A group's value: the average of its scores or the combination of its
 * parts' averages. */
static bool group_value(const er_indicator *n, const er_rollup_group *g, er_dec out_of,
                        er_dec *value, er_diag *d) {
  const char *name = g->name.s ? g->name.s : "";
  if (g->parts.count && g->scores.count) {
    er_error(d, g->parts.pos, "rollup-parts",
             "单位组“%s”同时写了 scores 和 parts：只保留一种（parts 用于按平均值合成的组）", name);
    er_diag_anchor(d, n->code.s);
    return false;
  }
  if (!g->parts.count)
    return average(n, name, g->scores.items, g->scores.count, out_of, g->pos, value, d);
  size_t shared = 0;
  er_dec sum = er_dec_zero(), shares = er_dec_zero();
  for (size_t i = 0; i < g->parts.count; i++) {
    const er_rollup_part *p = &g->parts.items[i];
    er_dec avg;
    char label[256];
    snprintf(label, sizeof label, "%s·%s", name, p->name.s ? p->name.s : "");
    if (!average(n, label, p->scores.items, p->scores.count, out_of, p->pos, &avg, d))
      return false;
    bool in_range = true;
    if (p->share.set) {
      shared++;
      er_dec f = er_score_fraction(&p->share);
      in_range = er_dec_add_ok(shares, f, &shares) && er_dec_mul_ok(f, avg, &avg);
    }
    if (!in_range || !er_dec_add_ok(sum, avg, &sum)) {
      er_score_overflow(d, n, p->pos);
      return false;
    }
  }
  if (shared == 0) { /* (自查平均 + 抽查平均) ÷ 2 */
    *value = er_dec_div(sum, er_dec_int((int64_t)g->parts.count));
    return true;
  }
  if (shared < g->parts.count || er_dec_cmp(shares, ER_DEC_ONE) != 0) {
    er_error(d, g->parts.pos, "rollup-shares",
             "单位组“%s”的各部分比重应都写明且合计 100%%，或都不写（取平均）", name);
    er_diag_anchor(d, n->code.s);
    return false;
  }
  *value = sum;
  return true;
}

bool er_rule_rollup(er_indicator *n, er_diag *d) {
  if (n->groups.count == 0) {
    if (n->groups.pos.line) /* groups: [] */
      er_error(d, n->groups.pos, "missing-input",
               "指标 %s 的 groups 为空：rollup 至少需要一个单位组（name、share、scores）",
               n->code.s);
    else
      er_score_missing(d, n, "rollup", "groups", n->groups.pos);
    er_diag_anchor(d, n->code.s);
    return false;
  }
  er_dec out_of = n->out_of.set ? n->out_of.v : ER_DEC_HUNDRED, composite = er_dec_zero();
  if (er_dec_is_zero(out_of)) {
    er_error(d, n->out_of.pos, "zero", "out_of 不能为 0");
    return false;
  }
  for (size_t i = 0; i < n->groups.count; i++) {
    const er_rollup_group *g = &n->groups.items[i];
    er_dec value, part;
    if (!group_value(n, g, out_of, &value, d))
      return false;
    if (!er_dec_mul_ok(er_score_fraction(&g->share), value, &part) ||
        !er_dec_add_ok(composite, part, &composite)) {
      er_score_overflow(d, n, g->pos);
      return false;
    }
  }
  n->result.fraction = er_dec_div(composite, out_of);
  return true;
}
