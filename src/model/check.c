/* Consistency checks over a loaded and scored evaluation: the mistakes
 * that real, hand-typed data contains (domain.md). */
#include "model/check.h"
#include "model/limits.h"
#include "model/outline_check.h"

#include "model/expr.h"
#include "model/form.h"
#include "model/funds.h"
#include "model/grow.h"
#include "model/load.h"
#include "model/score.h"
#include "model/score_impl.h"

#include <stdlib.h>
#include <string.h>

static const er_dec ONE = {ER_DEC_SCALE};

static const char *fmt(er_dec v, char buf[ER_DEC_BUFSIZE]) { return er_dec_format_trim(v, 6, buf); }

/* ---- names given twice ---- */

typedef struct name_seen {
  const char *name;
  er_pos pos;
} name_seen;

static int by_name(const void *a, const void *b) {
  const name_seen *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  if (c)
    return c;
  return x->pos.line != y->pos.line ? (x->pos.line < y->pos.line ? -1 : 1)
                                    : (int)x->pos.col - (int)y->pos.col;
}

/* Sorts names[0..n) and reports each that repeats an earlier one: sorting,
 * not comparing every pair, so that 100,000 names take no time. */
static void report_repeats(er_diag *d, name_seen *names, size_t n, const char *what,
                           const char *key) {
  if (n > 1)
    qsort(names, n, sizeof *names, by_name);
  for (size_t i = 1; i < n; i++)
    if (strcmp(names[i].name, names[i - 1].name) == 0)
      er_error(d, names[i].pos, key, "%s“%s”重复（第 %u 行已有）", what, names[i].name,
               names[i - 1].pos.line);
}

/* ---- funds ---- */

/* Sums saturate at ER_DEC_MAX (decimal.h): ten amounts of twelve digits add
 * up to more than it holds. Such a sum is no figure to report. */
static bool saturated(er_dec v) { return v.units == ER_DEC_MAX || v.units == -ER_DEC_MAX; }

static bool totals_saturated(const er_fund_totals *t) {
  return saturated(t->initial) || saturated(t->planned) || saturated(t->arrived) ||
         saturated(t->spent) || saturated(t->balance);
}

/* Returns false when the item's sums are out of range (and reported). */
static bool check_fund_item(const er_fund_item *item, const char *unit, er_diag *d) {
  er_fund_totals t;
  er_fund_item_totals(item, &t);
  if (totals_saturated(&t)) {
    er_error(d, item->pos, "number-range", "资金项目“%s”的金额合计超出可计算的范围",
             item->name.s ? item->name.s : "");
    return false;
  }
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE], c[ER_DEC_BUFSIZE], e[ER_DEC_BUFSIZE];
  if (item->total.set && er_dec_cmp(item->total.v, t.arrived) != 0)
    er_error(d, item->total.pos, "sources-total",
             "资金项目“%s”的资金总额 %s%s 与各来源到位数之和 %s%s 不符", item->name.s,
             fmt(item->total.v, a), unit, fmt(t.arrived, b), unit);
  if (item->balance.set && er_dec_cmp(er_dec_add(t.spent, item->balance.v), t.arrived) != 0)
    er_error(d, item->balance.pos, "balance",
             "资金项目“%s”：支出 %s + 结余 %s ≠ 到位 %s%s（结余应为 %s）", item->name.s,
             fmt(t.spent, a), fmt(item->balance.v, b), fmt(t.arrived, c), unit, fmt(t.balance, e));
  else if (!item->balance.set && t.balance.units < 0)
    er_error(d, item->pos, "overspent", "资金项目“%s”：支出 %s 超过到位 %s%s", item->name.s,
             fmt(t.spent, a), fmt(t.arrived, b), unit);
  for (size_t i = 0; i < item->sources.count; i++) {
    const er_source *s = &item->sources.items[i];
    if (s->arrived.set && s->planned.set && er_dec_cmp(s->arrived.v, s->planned.v) > 0)
      er_warn(d, s->arrived.pos, "over-arrived", "资金来源“%s”的到位数 %s 超过计划数 %s",
              er_source_label(s), fmt(s->arrived.v, a), fmt(s->planned.v, b));
  }
  return true;
}

static void check_funds(const er_eval *ev, er_diag *d) {
  const char *unit = ev->funds.unit.index == 1 ? "元" : "万元";
  name_seen *names = calloc(ev->funds.items.count + 1, sizeof *names);
  if (!names)
    abort();
  size_t n = 0;
  bool in_range = true;
  for (size_t i = 0; i < ev->funds.items.count; i++) {
    const er_fund_item *item = &ev->funds.items.items[i];
    if (item->name.s)
      names[n++] = (name_seen){item->name.s, item->name.pos};
    in_range &= check_fund_item(item, unit, d);
  }
  report_repeats(d, names, n, "资金项目", "duplicate-fund");
  free(names);
  er_fund_totals all;
  er_funds_totals(&ev->funds, NULL, &all);
  if (in_range && totals_saturated(&all))
    er_error(d, ev->funds.pos, "number-range", "各资金项目的金额合计超出可计算的范围");
}

/* ---- band tables and scales ---- */

typedef struct band_iv {
  er_interval iv;
  const er_band *band;
} band_iv;

static int by_lower_end(const void *a, const void *b) {
  const band_iv *x = a, *y = b;
  int c = er_interval_cmp_lo(&x->iv, &y->iv);
  return c ? c : (x->band > y->band) - (x->band < y->band);
}

/* True when a's upper end lies beyond b's. */
static bool upper_beyond(const er_interval *a, const er_interval *b) {
  if (!a->has_hi || !b->has_hi)
    return !a->has_hi && b->has_hi;
  int c = er_dec_cmp(a->hi, b->hi);
  return c > 0 || (c == 0 && a->hi_incl && !b->hi_incl);
}

static void check_band_table(const er_bands *bands, const char *name, er_diag *d) {
  if (bands->count == 0) {
    er_error(d, bands->pos, "empty-bands", "分档表“%s”没有分档", name);
    return;
  }
  if (bands->count > ER_MAX_BANDS) {
    er_error(d, bands->pos, "too-many-bands", "分档表“%s”有 %zu 档，最多 %d 档", name, bands->count,
             ER_MAX_BANDS);
    return;
  }
  band_iv *ivs = calloc(bands->count, sizeof *ivs);
  if (!ivs)
    abort();
  size_t n = 0;
  for (size_t i = 0; i < bands->count; i++) {
    const er_band *b = &bands->items[i];
    const char *why;
    if (b->fraction.set) {
      er_dec f = b->fraction.percent ? er_dec_div(b->fraction.v, er_dec_int(100)) : b->fraction.v;
      if (er_dec_cmp(f, ONE) > 0)
        er_error(d, b->fraction.pos, "fraction-range", "得分比值应在 0 到 1 之间");
    }
    if (!b->when.s)
      continue;
    if (!er_interval_parse(b->when.s, &ivs[n].iv, &why)) {
      er_error(d, b->when.pos, "band-syntax", "分档条件“%s”无法识别：%s", b->when.s, why);
      continue;
    }
    ivs[n++].band = b;
  }
  const band_iv *percent = NULL, *plain = NULL;
  for (size_t i = 0; i < n; i++)
    if (!ivs[i].iv.unitless)
      *(ivs[i].iv.percent ? &percent : &plain) = &ivs[i];
  if (percent && plain)
    er_error(d, plain->band->when.pos, "band-units",
             "分档“%s”不带百分号，而“%s”（第 %u 行）带百分号：同一分档表应统一",
             plain->band->when.s, percent->band->when.s, percent->band->when.pos.line);
  if (n > 1)
    qsort(ivs, n, sizeof *ivs, by_lower_end);
  /* walk up from the lowest band, comparing each with the band that has
   * reached furthest so far (not merely the previous one) */
  const band_iv *reach = n ? &ivs[0] : NULL;
  for (size_t i = 1; i < n; i++) {
    int meet = er_interval_meet(&reach->iv, &ivs[i].iv);
    const er_band *x = reach->band, *y = ivs[i].band;
    if (upper_beyond(&ivs[i].iv, &reach->iv))
      reach = &ivs[i];
    if (meet > 0)
      er_error(d, y->when.pos, "band-overlap", "分档“%s”与“%s”（第 %u 行）重叠", y->when.s,
               x->when.s, x->when.pos.line);
    else if (meet < 0)
      er_error(d, y->when.pos, "band-gap", "分档“%s”（第 %u 行）与“%s”之间有空档", x->when.s,
               x->when.pos.line, y->when.s);
  }
  free(ivs);
}

static void check_levels(const er_named_nums *levels, er_diag *d) {
  for (size_t i = 0; i < levels->count; i++) {
    const er_num *v = &levels->items[i].value;
    er_dec f = v->percent ? er_dec_div(v->v, er_dec_int(100)) : v->v;
    if (er_dec_cmp(f, ONE) > 0)
      er_error(d, v->pos, "fraction-range", "等级“%s”的得分比值应在 0 到 1 之间",
               levels->items[i].name.s);
  }
}

static void check_scales(const er_eval *ev, er_diag *d) {
  for (size_t i = 0; i < ev->scales.count; i++) {
    const er_scale *s = &ev->scales.items[i];
    if (s->bands.items)
      check_band_table(&s->bands, s->name.s, d);
    else
      check_levels(&s->levels, d);
  }
}

/* ---- the indicator tree ---- */

typedef struct tree_state {
  const er_eval *ev;
  er_diag *d;
  name_seen *codes;
  size_t ncodes, cap;
} tree_state;

static void remember_code(tree_state *st, const er_indicator *n) {
  if (!n->code.s)
    return;
  st->codes = er_grow(st->codes, st->ncodes, &st->cap, sizeof *st->codes, 64);
  st->codes[st->ncodes++] = (name_seen){n->code.s, n->code.pos};
}

static void check_rule_inputs(tree_state *st, const er_indicator *n) {
  er_diag *d = st->d;
  if (n->rule.index == ER_RULE_BANDS) {
    const er_bands *bands = er_indicator_bands(st->ev, n);
    if (bands && !n->bands.name.s)
      check_band_table(bands, n->code.s, d);
    if (bands && bands->count <= ER_MAX_BANDS && n->value.set && !er_dec_is_zero(n->value.v))
      for (size_t i = 0; i < bands->count; i++) {
        er_interval iv;
        const char *why;
        if (!bands->items[i].when.s || !er_interval_parse(bands->items[i].when.s, &iv, &why) ||
            iv.unitless)
          continue;
        if (iv.percent != n->value.percent)
          er_warn(d, n->value.pos, "percent-mismatch",
                  "指标 %s 的实测值%s百分号，而分档条件%s百分号", n->code.s,
                  n->value.percent ? "带" : "不带", iv.percent ? "带" : "不带");
        break;
      }
  }
  if (n->rule.index == ER_RULE_JUDGEMENT && n->levels.set && !n->levels.name.s)
    check_levels(&n->levels.levels, d);
  if (n->rule.index == ER_RULE_CHECKLIST) {
    er_dec sum = er_dec_zero();
    for (size_t i = 0; i < n->items.count; i++)
      sum = er_dec_add(sum, n->items.items[i].points.v);
    char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
    if (er_dec_cmp(sum, n->weight.v) != 0)
      er_error(d, n->items.count ? n->items.pos : n->rule.text.pos, "checklist-points",
               "指标 %s 的评分要点分值之和 %s 不等于指标分值 %s", n->code.s, fmt(sum, a),
               fmt(n->weight.v, b));
  }
  if (n->rule.index == ER_RULE_ROLLUP && n->groups.count) {
    er_dec sum = er_dec_zero();
    for (size_t i = 0; i < n->groups.count; i++) {
      const er_num *s = &n->groups.items[i].share;
      sum = er_dec_add(sum, s->percent ? er_dec_div(s->v, er_dec_int(100)) : s->v);
    }
    if (er_dec_cmp(sum, ONE) != 0)
      er_error(d, n->groups.pos, "rollup-shares", "指标 %s 各单位组的比重之和应为 100%%",
               n->code.s);
  }
  if (n->rule.index == ER_RULE_DEDUCTIONS && n->result.valid) {
    /* 扣完为止 is a real rule, so more deductions than the weight are
     * legal; but the floor hides points, so they are named */
    er_dec lost = er_dec_zero();
    size_t applied = 0;
    for (size_t i = 0; i < n->deductions.count; i++)
      if (n->deductions.items[i].applies) {
        lost = er_dec_add(lost, n->deductions.items[i].deducted);
        applied++;
      }
    char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
    if (er_dec_cmp(lost, n->weight.v) > 0) {
      er_warn(d, n->deductions.pos, "deductions-over-weight",
              "指标 %s 的 %zu 项扣分合计 %s 超过分值 %s，按“扣完为止”计 0 分：请核对各项扣分",
              n->code.s, applied, fmt(lost, a), fmt(n->weight.v, b));
      er_diag_anchor(d, n->code.s);
    }
  }
  if (n->rule.index == ER_RULE_SATISFACTION)
    for (size_t i = 0; i < n->responses.count; i++) {
      const er_num *w = &n->responses.items[i].weight;
      er_dec f = w->percent ? er_dec_div(w->v, er_dec_int(100)) : w->v;
      if (er_dec_cmp(f, ONE) > 0)
        er_error(d, w->pos, "fraction-range", "满意度权重应在 0 到 1 之间");
    }
}

/* A typed-in score (a leaf's or a subtotal's) against the computed one. */
static void check_stated_score(er_diag *d, const er_indicator *n) {
  const er_scored *r = &n->result;
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
  if (!r->valid || !n->stated_score.set || !r->applicable)
    return;
  if (er_dec_cmp(er_dec_round(r->score, r->places), er_dec_round(n->stated_score.v, r->places))) {
    er_warn(d, n->stated_score.pos, "stated-score", "指标 %s 填报%s %s，按规则计算为 %s", n->code.s,
            n->children.count ? "小计" : "得分", fmt(n->stated_score.v, a),
            er_dec_format_trim(r->score, r->places, b));
    er_diag_anchor(d, n->code.s);
  }
}

static void check_node(tree_state *st, const er_indicator *n) {
  er_diag *d = st->d;
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
  remember_code(st, n);
  check_stated_score(d, n);
  if (n->children.count) {
    if (n->rule.text.s) {
      er_error(d, n->rule.text.pos, "rule-on-parent",
               "指标 %s 有下级指标，得分为下级之和，不能再有评分规则", n->code.s);
      er_diag_anchor(d, n->code.s);
    }
    er_dec sum = er_dec_zero();
    for (size_t i = 0; i < n->children.count; i++) {
      const er_indicator *c = &n->children.items[i];
      if (!c->bonus.v)
        sum = er_dec_add(sum, c->weight.v);
      check_node(st, c);
    }
    if (n->weight.set && er_dec_cmp(sum, n->weight.v) != 0) {
      er_error(d, n->weight.pos, "weights", "指标 %s 的分值 %s 不等于下级指标分值之和 %s",
               n->code.s, fmt(n->weight.v, a), fmt(sum, b));
      er_diag_anchor(d, n->code.s);
    }
    return;
  }
  check_rule_inputs(st, n);
  const er_scored *r = &n->result;
  /* fraction rules cannot leave [0, weight] once fractions are in [0, 1],
   * which is checked above; typed scores and capped ratios can */
  bool open_ended = n->rule.index == ER_RULE_SCORE || n->rule.index == ER_RULE_CHECKLIST ||
                    n->rule.index == ER_RULE_RATIO;
  /* a bonus item is held to its weight too (加分项 up to 5 gives at most 5),
   * unless its ratio's cap lets it go beyond */
  er_dec most = r->weight;
  if (n->bonus.v && n->rule.index == ER_RULE_RATIO && n->cap.set)
    most = er_dec_max(most, er_dec_mul(r->weight, er_score_fraction(&n->cap)));
  if (r->valid && r->applicable && open_ended &&
      (r->score.units < 0 || er_dec_cmp(r->score, most) > 0)) {
    er_error(d, n->rule.index == ER_RULE_SCORE ? n->score.pos : n->rule.text.pos, "score-range",
             "指标 %s 的得分 %s 超出 0 到分值 %s 的范围：请改正得分，或改正分值 weight", n->code.s,
             fmt(r->score, a), fmt(most, b));
    er_diag_anchor(d, n->code.s);
  }
}

/* A 扣分说明 that says nothing was lost on a leaf that lost points. */
static void check_notes(const er_indicators *nodes, er_diag *d) {
  for (size_t i = 0; i < nodes->count; i++) {
    const er_indicator *n = &nodes->items[i];
    check_notes(&n->children, d);
    if (!n->children.count && n->note.s && strcmp(n->note.s, "未扣分") == 0 && n->result.valid &&
        er_dec_cmp(n->result.score, n->weight.v) < 0) {
      char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
      er_warn(d, n->note.pos, "note-contradicts",
              "指标 %s 的扣分说明是“未扣分”，但得分 %s 低于分值 %s：请写明扣分原因",
              n->code.s ? n->code.s : "", er_dec_format_trim(n->result.score, 2, a),
              er_dec_format_trim(n->weight.v, 2, b));
    }
  }
}

/* A subtotal is the exact sum of its parts, rounded once; the parts as
 * printed may then add to something else by a cent or so. Says so, naming
 * the parts, so the report can explain it (issue: figures check by hand). */
static void check_printed_sum(er_diag *d, er_pos pos, const char *what, er_dec whole,
                              const er_indicators *parts) {
  er_dec printed = er_dec_zero();
  for (size_t i = 0; i < parts->count; i++)
    if (parts->items[i].result.valid)
      printed = er_dec_add(
          printed, er_dec_round(parts->items[i].result.score, parts->items[i].result.places));
  er_dec shown = er_dec_round(whole, 2);
  if (er_dec_cmp(er_dec_round(printed, 2), shown) == 0)
    return;
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE], codes[256] = "";
  size_t len = 0;
  for (size_t i = 0; i < parts->count && len < sizeof codes - 16; i++)
    len += (size_t)snprintf(codes + len, sizeof codes - len, "%s%s", i ? "、" : "",
                            parts->items[i].code.s ? parts->items[i].code.s : "?");
  er_warn(d, pos, "printed-sum",
          "%s显示为 %s，而 %s 显示的得分相加为 %s：合计按未舍入的得分计算，四舍五入后相差，"
          "请在报告中说明",
          what, er_dec_format_trim(shown, 2, a), codes, er_dec_format_trim(printed, 3, b));
}

static void check_printed_sums(const er_indicators *nodes, er_diag *d) {
  for (size_t i = 0; i < nodes->count; i++) {
    const er_indicator *n = &nodes->items[i];
    if (!n->children.count || !n->result.valid)
      continue;
    char what[128];
    snprintf(what, sizeof what, "指标 %s 的得分", n->code.s ? n->code.s : "");
    check_printed_sum(d, n->code.pos, what, n->result.score, &n->children);
    check_printed_sums(&n->children, d);
  }
}

static void check_tree(const er_eval *ev, er_diag *d) {
  tree_state st = {ev, d, NULL, 0, 0};
  er_dec weight = er_dec_zero();
  for (size_t i = 0; i < ev->indicators.count; i++) {
    check_node(&st, &ev->indicators.items[i]);
    if (!ev->indicators.items[i].bonus.v)
      weight = er_dec_add(weight, ev->indicators.items[i].weight.v);
  }
  report_repeats(d, st.codes, st.ncodes, "指标编码", "duplicate-code");
  free(st.codes);
  char a[ER_DEC_BUFSIZE];
  bool weights_known = ev->indicators.count > 0;
  for (size_t i = 0; i < ev->indicators.count; i++)
    weights_known &= ev->indicators.items[i].weight.set;
  if (saturated(weight))
    er_error(d, ev->indicators.pos, "number-range", "一级指标分值之和超出可计算的范围");
  else if (weights_known && er_dec_cmp(weight, er_dec_int(100)) != 0)
    er_warn(d, ev->indicators.pos, "total-weight", "一级指标分值之和为 %s，通常应为 100",
            fmt(weight, a));
}

/* ---- a self-evaluation's execution score, the scale of the total ---- */

static void check_scoring(const er_eval *ev, er_diag *d) {
  const er_scoring *s = &ev->scoring;
  if (s->out_of.set && er_dec_is_zero(s->out_of.v))
    er_error(d, s->out_of.pos, "zero", "scoring.out_of（总分的满分）不能为 0");
  if (s->rate_base.set && er_dec_is_zero(s->rate_base.v))
    er_error(d, s->rate_base.pos, "zero", "scoring.rate_base（得分率的基数）不能为 0");
}

/* ---- grades, stated results, targets, survey ---- */

static void check_grades(const er_eval *ev, er_diag *d) {
  for (size_t i = 1; i < ev->grades.count; i++)
    if (er_dec_cmp(ev->grades.items[i].min.v, ev->grades.items[i - 1].min.v) >= 0)
      er_error(d, ev->grades.items[i].min.pos, "grade-order",
               "评价等级应从高到低排列，“%s”的下限不低于上一等级", ev->grades.items[i].name.s);
  if (ev->grades.count && !er_dec_is_zero(ev->grades.items[ev->grades.count - 1].min.v))
    er_warn(d, ev->grades.items[ev->grades.count - 1].min.pos, "grade-floor",
            "最低等级的下限不是 0，更低的总分将没有等级");
}

static void check_stated(const er_eval *ev, er_diag *d) {
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
  if (!ev->scored)
    return;
  if (ev->stated.total.set &&
      er_dec_cmp(er_dec_round(ev->stated.total.v, 2), er_dec_round(ev->total, 2)) != 0)
    er_error(d, ev->stated.total.pos, "stated-total", "填报总分 %s 与计算总分 %s 不符",
             fmt(ev->stated.total.v, a), er_dec_format(ev->total, 2, b));
  if (ev->stated.grade.s && (!ev->grade || strcmp(ev->stated.grade.s, ev->grade) != 0))
    er_error(d, ev->stated.grade.pos, "stated-grade", "填报等级“%s”与按总分 %s 评定的“%s”不符",
             ev->stated.grade.s, er_dec_format(ev->total, 2, a), ev->grade ? ev->grade : "（无）");
}

static void check_targets(const er_eval *ev, er_diag *d) {
  for (size_t i = 0; i < ev->targets.items.count; i++) {
    const er_target *t = &ev->targets.items.items[i];
    if (!t->target.s)
      continue; /* the loader reported the missing target */
    if (!t->actual.s) {
      er_error(d, t->pos, "missing-actual", "绩效指标“%s”没有实际完成值（actual）", t->name.s);
      continue;
    }
    er_measure target, actual;
    er_measure_parse(t->target.s, &target);
    er_measure_parse(t->actual.s, &actual);
    bool comparable = target.numeric && actual.numeric && target.percent == actual.percent &&
                      strcmp(target.unit, actual.unit) == 0;
    if (comparable) {
      bool met = er_measure_met(&target, &actual);
      if (t->met.set && t->met.v != met)
        er_error(d, t->met.pos, "target-met", "绩效指标“%s”：实际 %s 对目标 %s 应为 met: %s",
                 t->name.s, t->actual.s, t->target.s, met ? "true" : "false");
    } else if (!t->met.set)
      er_error(d, t->actual.pos, "missing-met",
               "绩效指标“%s”的目标或实际值不是可比较的数字，请写明 met: true 或 false", t->name.s);
  }
}

static void check_survey(const er_eval *ev, er_diag *d) {
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
  for (size_t g = 0; g < ev->survey.groups.count; g++) {
    const er_survey_group *grp = &ev->survey.groups.items[g];
    for (size_t q = 0; q < grp->questions.count; q++) {
      const er_question *qu = &grp->questions.items[q];
      er_dec sum = er_dec_zero();
      for (size_t o = 0; o < qu->options.count; o++) {
        const er_named_num *opt = &qu->options.items[o];
        sum = er_dec_add(sum, opt->value.v);
        if (qu->multiple.v && er_dec_cmp(opt->value.v, grp->respondents.v) > 0)
          er_error(d, opt->value.pos, "survey-count", "选项“%s”的人数 %s 超过答卷人数 %s",
                   opt->name.s, fmt(opt->value.v, a), fmt(grp->respondents.v, b));
      }
      if (qu->multiple.v || !grp->respondents.set)
        continue;
      if (er_dec_cmp(sum, grp->respondents.v) > 0)
        er_error(d, qu->text.pos, "survey-count",
                 "单选题“%s”各选项人数之和 %s 超过答卷人数 %s；若为多选题请写 multiple: true",
                 qu->text.s, fmt(sum, a), fmt(grp->respondents.v, b));
      else if (er_dec_cmp(sum, grp->respondents.v) < 0)
        er_warn(d, qu->text.pos, "survey-count", "单选题“%s”各选项人数之和 %s 少于答卷人数 %s",
                qu->text.s, fmt(sum, a), fmt(grp->respondents.v, b));
    }
  }
}

void er_check(const er_eval *ev, er_diag *d) {
  check_funds(ev, d);
  check_scales(ev, d);
  check_tree(ev, d);
  check_grades(ev, d);
  check_scoring(ev, d);
  check_stated(ev, d);
  check_targets(ev, d);
  check_survey(ev, d);
  check_notes(&ev->indicators, d);
  check_printed_sums(&ev->indicators, d);
  if (ev->scored)
    check_printed_sum(d, ev->indicators.pos, "总分", ev->total, &ev->indicators);
  er_outline_check(ev, ev, d);
  er_check_limits(ev, d); /* what the writers can hold (limits.h) */
  er_form_check(ev, d);
}

/* The first leaf left without a score, for the error that says so. */
static const er_indicator *unscored(const er_indicators *list) {
  for (size_t i = 0; i < list->count; i++) {
    const er_indicator *n = &list->items[i], *u;
    if (n->children.count && (u = unscored(&n->children)))
      return u;
    if (!n->children.count && !n->result.valid)
      return n;
  }
  return NULL;
}

bool er_renderable(const er_eval *ev, const er_diag *d) { return d->errors == 0 && ev->scored; }

er_eval *er_evaluate(const char *path, er_diag *d) {
  er_eval *ev = er_load(path, d);
  er_score(ev, d);
  er_check(ev, d);
  /* every reason a score is missing is reported where it arises; should one
   * be missed, the data is still refused, never scored as 0 */
  const er_indicator *n = unscored(&ev->indicators);
  if (!ev->scored && d->errors == 0)
    er_error(d, n ? n->pos : ev->indicators.pos, "unscored",
             "指标 %s 无法评分：请检查它的评分规则和输入", n && n->code.s ? n->code.s : "");
  er_diag_sort(d);
  return ev;
}
