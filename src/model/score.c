/* The scoring engine: every leaf from its rule and inputs, every subtotal,
 * rate, the total and the grade, in exact decimals. */
#include "model/score.h"

#include "model/expr.h"
#include "model/funds.h"
#include "model/score_impl.h"
#include "model/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

er_dec er_score_fraction(const er_num *n) {
  return n->percent ? er_dec_div(n->v, ER_DEC_HUNDRED) : n->v;
}

/* A percent-like input: 70 or 70% both mean 70%. */
static er_dec as_percent(const er_num *n) { return n->v; }

static const char *const default_level_names[] = {"好", "较好", "一般", "较差", "差"};
static const int64_t default_level_fractions[] = {1000000, 800000, 500000, 300000, 0};

static int scale_has_name(const void *name, const void *scale) {
  return strcmp(name, ((const er_scale *)scale)->name.s);
}

const er_scale *er_find_scale(const er_eval *ev, const char *name) {
  /* the loader sorts scales by name */
  return ev->scales.count ? bsearch(name, ev->scales.items, ev->scales.count,
                                    sizeof *ev->scales.items, scale_has_name)
                          : NULL;
}

/* `given` is where the key stands when it was written with a value the
 * loader already rejected: then nothing more is said. */
void er_score_missing(er_diag *d, const er_indicator *n, const char *rule, const char *key,
                      er_pos given) {
  if (given.line)
    return;
  er_error(d, n->rule.text.pos, "missing-input", "指标 %s 的评分规则 %s 需要“%s”", n->code.s, rule,
           key);
  er_diag_anchor(d, n->code.s);
}

void er_score_overflow(er_diag *d, const er_indicator *n, er_pos at) {
  er_error(d, at.line ? at : n->pos, "number-range",
           "指标 %s 的计算结果超出可计算的范围（绝对值须小于 9.2×10¹²）：请检查这里的数值是否写错",
           n->code.s);
  er_diag_anchor(d, n->code.s);
}

/* Reports a `levels` or `bands` name that names no scale of that kind. */
static void unknown_scale(const er_eval *ev, er_diag *d, const er_indicator *n, const er_text *name,
                          bool want_bands) {
  const char *kind = want_bands ? "分档表" : "等级";
  const er_scale *s = er_find_scale(ev, name->s);
  if (s)
    er_error(d, name->pos, "scale-kind", "scales 中的“%s”是%s，这里需要%s", name->s,
             want_bands ? "等级" : "分档表", kind);
  else {
    const char *names[64];
    size_t k = 0;
    for (size_t i = 0; i < ev->scales.count && k < 63; i++)
      if ((ev->scales.items[i].bands.items != NULL) == want_bands)
        names[k++] = ev->scales.items[i].name.s;
    names[k] = NULL;
    const char *near = er_nearest(name->s, names);
    if (near)
      er_error(d, name->pos, "unknown-scale", "scales 中没有名为“%s”的%s，是否为“%s”？", name->s,
               kind, near);
    else
      er_error(d, name->pos, "unknown-scale", "scales 中没有名为“%s”的%s", name->s, kind);
  }
  er_diag_anchor(d, n->code.s);
}

/* Resolves `levels` to the named or inline scale; *out stays NULL for the
 * default scale. Reports an unknown name. */
static bool resolve_levels(const er_eval *ev, const er_indicator *n, er_diag *d,
                           const er_named_nums **out) {
  const er_scale_ref *ref = &n->levels;
  *out = NULL;
  if (!ref->set)
    return true;
  if (!ref->name.s) {
    *out = &ref->levels;
    return true;
  }
  const er_scale *s = er_find_scale(ev, ref->name.s);
  if (!s || !s->levels.items) {
    unknown_scale(ev, d, n, &ref->name, false);
    return false;
  }
  *out = &s->levels;
  return true;
}

const er_bands *er_indicator_bands(const er_eval *ev, const er_indicator *n) {
  const er_scale_ref *ref = &n->bands;
  if (!ref->set)
    return NULL;
  if (!ref->name.s)
    return &ref->bands;
  const er_scale *s = er_find_scale(ev, ref->name.s);
  return s && s->bands.items ? &s->bands : NULL;
}

static bool score_judgement(const er_eval *ev, er_indicator *n, er_diag *d) {
  if (!n->level.s) {
    er_score_missing(d, n, "judgement", "level", n->level.pos);
    return false;
  }
  const er_named_nums *levels;
  if (!resolve_levels(ev, n, d, &levels))
    return false;
  const char *names[64];
  size_t count = levels ? levels->count : 5;
  for (size_t i = 0; i < count && i < 63; i++) {
    names[i] = levels ? levels->items[i].name.s : default_level_names[i];
    if (strcmp(names[i], n->level.s) == 0) {
      n->result.fraction = levels ? er_score_fraction(&levels->items[i].value)
                                  : (er_dec){default_level_fractions[i]};
      n->result.label = names[i];
      return true;
    }
  }
  names[count < 63 ? count : 63] = NULL;
  char list[512] = "";
  for (size_t i = 0; names[i]; i++)
    snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? "、" : "", names[i]);
  const char *near = er_nearest(n->level.s, names);
  if (near)
    er_error(d, n->level.pos, "unknown-level", "等级“%s”不在评分等级中，是否为“%s”？可选：%s",
             n->level.s, near, list);
  else
    er_error(d, n->level.pos, "unknown-level", "等级“%s”不在评分等级中，可选：%s", n->level.s,
             list);
  er_diag_anchor(d, n->code.s);
  return false;
}

static bool score_bands(const er_eval *ev, er_indicator *n, er_diag *d) {
  if (!n->value.set) {
    er_score_missing(d, n, "bands", "value", n->value.pos);
    return false;
  }
  if (!n->bands.set) {
    er_score_missing(d, n, "bands", "bands", n->bands.pos);
    return false;
  }
  const er_bands *bands = er_indicator_bands(ev, n);
  if (!bands) {
    unknown_scale(ev, d, n, &n->bands.name, true);
    return false;
  }
  if (bands->count == 0 || bands->count > ER_MAX_BANDS)
    return false; /* check reports the empty or oversized table */
  for (size_t i = 0; i < bands->count; i++) {
    er_interval iv;
    const char *why;
    if (!bands->items[i].when.s || !er_interval_parse(bands->items[i].when.s, &iv, &why))
      return false; /* check reports the broken band table */
    if (er_interval_contains(&iv, n->value.v)) {
      n->result.fraction = er_score_fraction(&bands->items[i].fraction);
      n->result.label = bands->items[i].label.s;
      return true;
    }
  }
  char buf[ER_DEC_BUFSIZE];
  er_error(d, n->value.pos, "no-band", "指标 %s 的实测值 %s%s 不在任何分档中", n->code.s,
           er_dec_format_trim(n->value.v, 6, buf), n->value.percent ? "%" : "");
  er_diag_anchor(d, n->code.s);
  return false;
}

/* 达成 80–100%, 部分达成 60–80%, 未达成 0–60% (财预〔2020〕10号). */
static bool score_qualitative(er_indicator *n, er_diag *d) {
  static const struct {
    const char *name;
    int lo, hi, fallback;
  } levels[] = {{"达成", 80, 100, 100}, {"部分达成", 60, 80, 60}, {"未达成", 0, 60, 0}};
  if (!n->level.s) {
    er_score_missing(d, n, "qualitative", "level", n->level.pos);
    return false;
  }
  for (size_t i = 0; i < 3; i++) {
    if (strcmp(n->level.s, levels[i].name) != 0)
      continue;
    er_dec p = n->percent.set ? as_percent(&n->percent) : er_dec_int(levels[i].fallback);
    if (er_dec_cmp(p, er_dec_int(levels[i].lo)) < 0 ||
        er_dec_cmp(p, er_dec_int(levels[i].hi)) > 0) {
      er_error(d, n->percent.pos, "out-of-range", "“%s”的达成程度应在 %d%%–%d%% 之间",
               levels[i].name, levels[i].lo, levels[i].hi);
      er_diag_anchor(d, n->code.s);
      return false;
    }
    n->result.fraction = er_dec_div(p, ER_DEC_HUNDRED);
    n->result.label = levels[i].name;
    return true;
  }
  static const char *const names[] = {"达成", "部分达成", "未达成", NULL};
  const char *near = er_nearest(n->level.s, names);
  er_error(d, n->level.pos, "unknown-level", "等级“%s”无效，%s%s%s应为 达成、部分达成 或 未达成",
           n->level.s, near ? "是否为“" : "", near ? near : "", near ? "”？" : "");
  er_diag_anchor(d, n->code.s);
  return false;
}

static bool score_satisfaction(er_indicator *n, er_diag *d) {
  er_dec weighted = er_dec_zero(), respondents = er_dec_zero();
  bool in_range = true;
  for (size_t i = 0; i < n->responses.count; i++) {
    const er_response *r = &n->responses.items[i];
    er_dec part;
    in_range = in_range && er_dec_mul_ok(r->count.v, er_score_fraction(&r->weight), &part) &&
               er_dec_add_ok(weighted, part, &weighted) &&
               er_dec_add_ok(respondents, r->count.v, &respondents);
  }
  if (!in_range) {
    er_score_overflow(d, n, n->responses.pos);
    return false;
  }
  if (er_dec_is_zero(respondents)) {
    er_error(d, n->responses.count ? n->responses.pos : n->rule.text.pos, "no-responses",
             "指标 %s 的满意度调查没有回答（Σnᵢ = 0）", n->code.s);
    er_diag_anchor(d, n->code.s);
    return false;
  }
  n->result.fraction = er_dec_div(weighted, respondents);
  return true;
}

/* Rules that yield points directly rather than a fraction of the weight. */
static bool score_points(const er_fund_index *fi, er_indicator *n, er_dec *points, er_diag *d) {
  switch (n->rule.index) {
  case ER_RULE_DEDUCTIONS:
    return er_rule_deductions(fi, n, points, d);
  case ER_RULE_CHECKLIST:
    *points = er_dec_zero();
    for (size_t i = 0; i < n->items.count; i++) {
      const er_check_item *c = &n->items.items[i];
      if (!c->met.set) {
        er_error(d, c->pos, "missing-input", "评分要点“%s”需要 met: true 或 false", c->name.s);
        er_diag_anchor(d, n->code.s);
        return false;
      }
      if (c->met.v && !er_dec_add_ok(*points, c->points.v, points)) {
        er_score_overflow(d, n, c->points.pos);
        return false;
      }
    }
    return true;
  case ER_RULE_SCORE:
    if (!n->score.set) {
      er_score_missing(d, n, "score", "score", n->score.pos);
      return false;
    }
    *points = n->score.v;
    return true;
  default:
    return false;
  }
}

/* Scores a leaf against `weight`: its own, or rescaled where siblings are
 * not applicable. */
static void score_leaf(const er_eval *ev, const er_fund_index *fi, er_indicator *n, er_diag *d) {
  bool ok = false;
  bool fractional = true;
  er_dec points = er_dec_zero();
  switch (n->rule.index) {
  case ER_RULE_JUDGEMENT:
    ok = score_judgement(ev, n, d);
    break;
  case ER_RULE_BANDS:
    ok = score_bands(ev, n, d);
    break;
  case ER_RULE_RATIO:
    ok = er_rule_ratio(n, d);
    break;
  case ER_RULE_REVERSE:
    ok = er_rule_reverse(n, d);
    break;
  case ER_RULE_EQUALITY:
    ok = er_rule_equality(n, d);
    break;
  case ER_RULE_EXECUTION:
    ok = er_rule_execution(fi, n, d);
    break;
  case ER_RULE_ARRIVAL:
    ok = er_rule_arrival(fi, n, d);
    break;
  case ER_RULE_QUALITATIVE:
    ok = score_qualitative(n, d);
    break;
  case ER_RULE_SATISFACTION:
    ok = score_satisfaction(n, d);
    break;
  case ER_RULE_ROLLUP:
    ok = er_rule_rollup(n, d);
    break;
  case ER_RULE_DEDUCTIONS:
  case ER_RULE_CHECKLIST:
  case ER_RULE_SCORE:
    fractional = false;
    ok = score_points(fi, n, &points, d);
    break;
  default:
    /* an invalid rule name was reported by the loader; children dropped
     * at the depth limit leave a node that is no leaf */
    if (n->rule.text.s == NULL && n->children.pos.line == 0 && n->code.s) {
      er_error(d, n->pos, "missing-rule",
               "末级指标 %s 需要评分规则 rule（judgement、bands、ratio、reverse、equality、"
               "execution、arrival、qualitative、deductions、checklist、satisfaction、rollup 或 "
               "score）；不适用的指标写 applicable: false",
               n->code.s);
      er_diag_anchor(d, n->code.s);
    }
    break;
  }
  n->result.valid = ok;
  if (!ok)
    return;
  er_dec weight = n->result.weight, scaled;
  bool in_range = true;
  if (fractional)
    in_range = er_dec_mul_ok(n->result.fraction, weight, &n->result.score);
  else {
    /* points on the data's weight; where it is rescaled, in proportion */
    n->result.fraction =
        er_dec_is_zero(n->weight.v) ? er_dec_zero() : er_dec_div(points, n->weight.v);
    n->result.score = points;
    if (er_dec_cmp(weight, n->weight.v) != 0)
      in_range = er_dec_mul_ok(points, weight, &scaled) &&
                 er_dec_div_ok(scaled, n->weight.v, &n->result.score);
  }
  if (!in_range)
    er_score_overflow(d, n, n->rule.text.pos);
  n->result.valid = in_range;
}

/* The 扣分说明 a leaf shows: the data's note; else the deductions with
 * their reasons; else 未扣分 at full marks. */
static const char *leaf_note(const er_indicator *n, er_arena *arena) {
  if (n->note.s)
    return n->note.s;
  if (!n->result.applicable)
    return "不适用";
  if (n->rule.index == ER_RULE_DEDUCTIONS && n->deductions.count) {
    size_t cap = 64;
    for (size_t i = 0; i < n->deductions.count; i++)
      cap += strlen(n->deductions.items[i].reason.s ? n->deductions.items[i].reason.s : "") + 40;
    char *note = er_arena_alloc(arena, cap), *p = note;
    size_t shown = 0;
    for (size_t i = 0; i < n->deductions.count; i++) {
      const er_deduction *x = &n->deductions.items[i];
      if (n->result.valid && !x->applies)
        continue; /* a condition not met takes nothing off */
      char pts[ER_DEC_BUFSIZE];
      p += snprintf(p, cap - (size_t)(p - note), "%s%s（扣%s分）", shown++ ? "；" : "",
                    x->reason.s ? x->reason.s : "",
                    er_dec_format_trim(n->result.valid ? x->deducted : x->points.v, 3, pts));
    }
    if (shown)
      return note;
  }
  if (n->result.valid && er_dec_cmp(n->result.score, n->result.weight) >= 0)
    return "未扣分";
  return NULL;
}

/* Scores show two decimals; a satisfaction leaf shows a third where it
 * has one (2.025), as score sheets do. Subtotals keep two. */
static int display_places(const er_indicator *n) {
  er_dec s = n->result.score;
  bool third = er_dec_cmp(er_dec_round(s, 2), er_dec_round(s, 3)) != 0;
  return n->children.count == 0 && n->rule.index == ER_RULE_SATISFACTION && third ? 3 : 2;
}

/* ---- not applicable: dropped, the siblings rescaled ---- */

/* False for a node marked applicable: false, or whose every child that
 * counts towards its weight is not applicable. */
static bool applicable(const er_indicator *n) {
  if (n->applicable.set && !n->applicable.v)
    return false;
  if (n->children.count == 0)
    return true;
  bool any = false, counted = false;
  for (size_t i = 0; i < n->children.count && !any; i++) {
    const er_indicator *c = &n->children.items[i];
    if (c->bonus.v)
      continue;
    counted = true;
    any = applicable(c);
  }
  return any || !counted;
}

/* Gives each of `list`'s nodes the weight it is scored against: `whole` ×
 * its weight ÷ the weights of the applicable ones, so that they fill the
 * weight of the dropped ones; bonus items keep theirs. */
static void share_weight(er_indicators *list, er_dec whole, er_diag *d) {
  er_dec live = er_dec_zero(), all = er_dec_zero();
  for (size_t i = 0; i < list->count; i++) {
    er_indicator *c = &list->items[i];
    c->result.applicable = applicable(c);
    if (c->bonus.v)
      continue;
    all = er_dec_add(all, c->weight.v);
    if (c->result.applicable)
      live = er_dec_add(live, c->weight.v);
  }
  bool rescale = er_dec_cmp(live, all) != 0 && !er_dec_is_zero(live);
  for (size_t i = 0; i < list->count; i++) {
    er_indicator *c = &list->items[i];
    c->result.weight = c->weight.v;
    er_dec part;
    if (rescale && !c->bonus.v && c->result.applicable &&
        !(er_dec_mul_ok(c->weight.v, whole, &part) && er_dec_div_ok(part, live, &c->result.weight)))
      er_score_overflow(d, c, c->weight.pos);
  }
}

static bool score_node(er_eval *ev, const er_fund_index *fi, er_indicator *n, er_indicator *parent,
                       int depth, er_diag *d) {
  n->parent = parent;
  n->depth = depth;
  if (!n->result.applicable) {
    /* dropped: no score, and nothing below it is scored */
    n->result.valid = true;
    n->result.note = n->children.count ? NULL : leaf_note(n, &ev->arena);
    for (size_t i = 0; i < n->children.count; i++) {
      n->children.items[i].result.applicable = false;
      score_node(ev, fi, &n->children.items[i], n, depth + 1, d);
    }
    n->result.places = 2;
    return true;
  }
  if (n->children.count == 0) {
    score_leaf(ev, fi, n, d);
    n->result.note = leaf_note(n, &ev->arena);
  } else {
    bool all = true;
    er_dec sum = er_dec_zero();
    share_weight(&n->children, n->result.weight, d);
    for (size_t i = 0; i < n->children.count; i++) {
      er_indicator *c = &n->children.items[i];
      all &= score_node(ev, fi, c, n, depth + 1, d);
      if (all && !er_dec_add_ok(sum, c->result.score, &sum)) {
        er_score_overflow(d, n, n->weight.pos);
        all = false;
      }
    }
    n->result.score = sum;
    n->result.valid = all;
    n->result.fraction =
        er_dec_is_zero(n->result.weight) ? er_dec_zero() : er_dec_div(sum, n->result.weight);
  }
  if (!er_dec_mul_ok(n->result.fraction, ER_DEC_HUNDRED, &n->result.rate) && n->result.valid) {
    er_score_overflow(d, n, n->weight.pos); /* a 得分率 beyond the range */
    n->result.valid = false;
  }
  n->result.places = display_places(n);
  /* 得分率 as a reader redoes it: the printed score ÷ the weight (41.38 /
   * 50 = 82.76%, where 41.375 / 50 would give 82.75%) */
  er_dec printed = er_dec_round(n->result.score, n->result.places), pct;
  if (n->result.valid && !er_dec_is_zero(n->result.weight) &&
      er_dec_mul_ok(printed, ER_DEC_HUNDRED, &pct))
    er_dec_div_ok(pct, n->result.weight, &n->result.rate);
  return n->result.valid;
}

static const er_grade default_grades[] = {
    {{"优", {0, 0}}, {{90 * ER_DEC_SCALE}, {0, 0}, true, false}, {0, 0}},
    {{"良", {0, 0}}, {{80 * ER_DEC_SCALE}, {0, 0}, true, false}, {0, 0}},
    {{"中", {0, 0}}, {{60 * ER_DEC_SCALE}, {0, 0}, true, false}, {0, 0}},
    {{"差", {0, 0}}, {{0}, {0, 0}, true, false}, {0, 0}},
};

const er_grade *er_grade_scheme(const er_eval *ev, size_t *count) {
  if (ev->grades.count || ev->grades.pos.line) { /* grades: [] — no grade at all */
    *count = ev->grades.count;
    return ev->grades.items;
  }
  *count = sizeof default_grades / sizeof default_grades[0];
  return default_grades;
}

const char *er_grade_for(const er_eval *ev, er_dec total) {
  size_t count;
  const er_grade *g = er_grade_scheme(ev, &count);
  /* grade the total as the report shows it, so that "90.00分" is never 良 */
  er_dec shown = er_dec_round(total, 2);
  for (size_t i = 0; i < count; i++)
    if (g[i].min.set && er_dec_cmp(shown, g[i].min.v) >= 0)
      return g[i].name.s;
  return NULL; /* below every lower bound: check warns of the scheme's floor */
}

void er_score(er_eval *ev, er_diag *d) {
  ev->total = ev->total_weight = ev->bonus = er_dec_zero();
  er_fund_index fi;
  er_fund_index_build(&ev->funds, &fi);
  for (size_t i = 0; i < ev->indicators.count; i++)
    if (!ev->indicators.items[i].bonus.v)
      ev->total_weight = er_dec_add(ev->total_weight, ev->indicators.items[i].weight.v);
  share_weight(&ev->indicators, ev->total_weight, d);
  bool all = true, in_range = true;
  for (size_t i = 0; i < ev->indicators.count; i++) {
    er_indicator *n = &ev->indicators.items[i];
    all &= score_node(ev, &fi, n, NULL, 1, d);
    if (all && in_range && !er_dec_add_ok(ev->total, n->result.score, &ev->total)) {
      er_error(d, ev->indicators.pos, "number-range", "各指标得分之和超出可计算的范围");
      in_range = false;
    }
    if (n->bonus.v)
      ev->bonus = er_dec_add(ev->bonus, n->result.score);
  }
  er_fund_index_free(&fi);
  bool any = false;
  for (size_t i = 0; i < ev->indicators.count; i++)
    any |= ev->indicators.items[i].result.applicable;
  /* a file without the key, or that did not load, is reported by the loader */
  if (ev->indicators.count == 0) {
    if (ev->indicators.pos.line)
      er_error(d, ev->indicators.pos, "no-indicators",
               "indicators 为空：至少需要一个指标（code、name、weight 和评分规则 rule），"
               "见 docs/data-format.md 的 indicators 一节");
  } else if (!any)
    er_error(d, ev->indicators.pos, "no-indicators",
             "所有一级指标都不适用（applicable: false），没有可评分的指标");
  ev->scored = all && in_range && any;
  ev->out_of = ev->scoring.out_of.set ? ev->scoring.out_of.v : ev->total_weight;
  ev->rate_base = ev->scoring.rate_base.set ? ev->scoring.rate_base.v : ev->out_of;
  ev->grade = er_grade_for(ev, ev->total);
  er_dec rate;
  if (ev->scored && !er_dec_mul_ok(ev->total, ER_DEC_HUNDRED, &rate)) {
    er_error(d, ev->indicators.pos, "number-range", "总分超出可计算的范围，无法计算得分率");
    ev->scored = false;
  }
}

er_dec er_total_rate(const er_eval *ev) {
  /* from the total as printed, like every 得分率 */
  return er_dec_is_zero(ev->rate_base)
             ? er_dec_zero()
             : er_dec_div(er_dec_mul(er_dec_round(ev->total, 2), ER_DEC_HUNDRED), ev->rate_base);
}
