/* The scoring engine: every leaf from its rule and inputs, every subtotal,
 * rate, the total and the grade, in exact decimals. */
#include "model/score.h"

#include "model/expr.h"
#include "model/funds.h"
#include "model/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const er_dec ONE = {ER_DEC_SCALE};
static const er_dec HUNDRED = {100 * ER_DEC_SCALE};

/* A fraction-like input: 0.8 as written, or 80% meaning 0.8. */
static er_dec as_fraction(const er_num *n) { return n->percent ? er_dec_div(n->v, HUNDRED) : n->v; }

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

/* Reports a rule input that is missing. `given` is where the key stands
 * when it was written with a value the loader already rejected: then
 * nothing more is said. */
static void missing_input(er_diag *d, const er_indicator *n, const char *rule, const char *key,
                          er_pos given) {
  if (given.line)
    return;
  er_error(d, n->rule.text.pos, "missing-input", "指标 %s 的评分规则 %s 需要“%s”", n->code.s, rule,
           key);
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
    missing_input(d, n, "judgement", "level", n->level.pos);
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
      n->result.fraction =
          levels ? as_fraction(&levels->items[i].value) : (er_dec){default_level_fractions[i]};
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
    missing_input(d, n, "bands", "value", n->value.pos);
    return false;
  }
  if (!n->bands.set) {
    missing_input(d, n, "bands", "bands", n->bands.pos);
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
      n->result.fraction = as_fraction(&bands->items[i].fraction);
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

static bool score_ratio(er_indicator *n, er_diag *d) {
  if (!n->actual.set || !n->target.set) {
    missing_input(d, n, "ratio", n->actual.set ? "target" : "actual",
                  n->actual.set ? n->target.pos : n->actual.pos);
    return false;
  }
  bool lower = n->direction.index == 1;
  er_dec cap = n->cap.set ? as_fraction(&n->cap) : ONE;
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
  n->result.fraction = er_dec_min(er_dec_div(num, den), cap);
  return true;
}

/* Fund items by name, for the execution leaves: each looks its item up
 * instead of summing all items (er_funds_totals) again. */
typedef struct fund_entry {
  const char *name;
  const er_fund_item *item;
} fund_entry;

typedef struct fund_index {
  fund_entry *by_name; /* items with a name, sorted by it */
  size_t count;
  er_fund_totals all;
} fund_index;

static int by_fund_name(const void *a, const void *b) {
  return strcmp(((const fund_entry *)a)->name, ((const fund_entry *)b)->name);
}

static void index_funds(const er_funds *funds, fund_index *fi) {
  fi->by_name = malloc((funds->items.count + 1) * sizeof *fi->by_name);
  if (!fi->by_name)
    abort();
  fi->count = 0;
  for (size_t i = 0; i < funds->items.count; i++)
    if (funds->items.items[i].name.s)
      fi->by_name[fi->count++] = (fund_entry){funds->items.items[i].name.s, &funds->items.items[i]};
  if (fi->count > 1)
    qsort(fi->by_name, fi->count, sizeof *fi->by_name, by_fund_name);
  er_funds_totals(funds, NULL, &fi->all);
}

/* The totals of the items named `name` (all items when NULL), as
 * er_funds_totals gives them. */
static bool fund_totals(const fund_index *fi, const char *name, er_fund_totals *t) {
  if (!name) {
    *t = fi->all;
    return true;
  }
  size_t lo = 0, hi = fi->count; /* the first item not before name */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(fi->by_name[mid].name, name) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  memset(t, 0, sizeof *t);
  size_t end = lo;
  for (; end < fi->count && strcmp(fi->by_name[end].name, name) == 0; end++)
    er_fund_totals_add(t, fi->by_name[end].item);
  er_fund_totals_derive(t);
  return end > lo;
}

static bool score_execution(const fund_index *fi, er_indicator *n, er_diag *d) {
  er_fund_totals t;
  if (!fund_totals(fi, n->fund.s, &t)) {
    er_error(d, n->fund.pos, "unknown-fund", "funds 中没有名为“%s”的资金项目", n->fund.s);
    er_diag_anchor(d, n->code.s);
    return false;
  }
  if (!t.execution_defined) {
    er_error(d, n->rule.text.pos, "no-funds", "指标 %s 按执行率评分，但资金到位数为 0", n->code.s);
    er_diag_anchor(d, n->code.s);
    return false;
  }
  n->result.fraction = er_dec_min(er_dec_div(t.execution_rate, HUNDRED), ONE);
  return true;
}

/* 达成 80–100%, 部分达成 60–80%, 未达成 0–60% (财预〔2020〕10号). */
static bool score_qualitative(er_indicator *n, er_diag *d) {
  static const struct {
    const char *name;
    int lo, hi, fallback;
  } levels[] = {{"达成", 80, 100, 100}, {"部分达成", 60, 80, 60}, {"未达成", 0, 60, 0}};
  if (!n->level.s) {
    missing_input(d, n, "qualitative", "level", n->level.pos);
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
    n->result.fraction = er_dec_div(p, HUNDRED);
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
  for (size_t i = 0; i < n->responses.count; i++) {
    const er_response *r = &n->responses.items[i];
    weighted = er_dec_add(weighted, er_dec_mul(r->count.v, as_fraction(&r->weight)));
    respondents = er_dec_add(respondents, r->count.v);
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

static bool score_rollup(er_indicator *n, er_diag *d) {
  if (n->groups.count == 0) {
    missing_input(d, n, "rollup", "groups", n->groups.pos);
    return false;
  }
  er_dec out_of = n->out_of.set ? n->out_of.v : HUNDRED, composite = er_dec_zero();
  for (size_t i = 0; i < n->groups.count; i++) {
    const er_rollup_group *g = &n->groups.items[i];
    if (g->scores.count == 0) {
      er_error(d, g->pos, "no-scores", "单位组“%s”没有得分", g->name.s);
      er_diag_anchor(d, n->code.s);
      return false;
    }
    er_dec sum = er_dec_zero();
    for (size_t j = 0; j < g->scores.count; j++)
      sum = er_dec_add(sum, g->scores.items[j].v);
    er_dec average = er_dec_div(sum, er_dec_int((int64_t)g->scores.count));
    composite = er_dec_add(composite, er_dec_mul(as_fraction(&g->share), average));
  }
  if (er_dec_is_zero(out_of)) {
    er_error(d, n->out_of.pos, "zero", "out_of 不能为 0");
    return false;
  }
  n->result.fraction = er_dec_div(composite, out_of);
  return true;
}

/* Rules that yield points directly rather than a fraction of the weight. */
static bool score_points(er_indicator *n, er_dec *points, er_diag *d) {
  switch (n->rule.index) {
  case ER_RULE_DEDUCTIONS: {
    er_dec lost = er_dec_zero();
    for (size_t i = 0; i < n->deductions.count; i++)
      lost = er_dec_add(lost, n->deductions.items[i].points.v);
    *points = er_dec_max(er_dec_sub(n->weight.v, lost), er_dec_zero());
    return true;
  }
  case ER_RULE_CHECKLIST:
    *points = er_dec_zero();
    for (size_t i = 0; i < n->items.count; i++) {
      const er_check_item *c = &n->items.items[i];
      if (!c->met.set) {
        er_error(d, c->pos, "missing-input", "评分要点“%s”需要 met: true 或 false", c->name.s);
        er_diag_anchor(d, n->code.s);
        return false;
      }
      if (c->met.v)
        *points = er_dec_add(*points, c->points.v);
    }
    return true;
  case ER_RULE_SCORE:
    if (!n->score.set) {
      missing_input(d, n, "score", "score", n->score.pos);
      return false;
    }
    *points = n->score.v;
    return true;
  default:
    return false;
  }
}

static void score_leaf(const er_eval *ev, const fund_index *fi, er_indicator *n, er_diag *d) {
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
    ok = score_ratio(n, d);
    break;
  case ER_RULE_EXECUTION:
    ok = score_execution(fi, n, d);
    break;
  case ER_RULE_QUALITATIVE:
    ok = score_qualitative(n, d);
    break;
  case ER_RULE_SATISFACTION:
    ok = score_satisfaction(n, d);
    break;
  case ER_RULE_ROLLUP:
    ok = score_rollup(n, d);
    break;
  case ER_RULE_DEDUCTIONS:
  case ER_RULE_CHECKLIST:
  case ER_RULE_SCORE:
    fractional = false;
    ok = score_points(n, &points, d);
    break;
  default:
    /* an invalid rule name was reported by the loader; children dropped
     * at the depth limit leave a node that is no leaf */
    if (n->rule.text.s == NULL && n->children.pos.line == 0 && n->code.s) {
      er_error(d, n->pos, "missing-rule",
               "末级指标 %s 需要评分规则 rule（judgement、bands、ratio、execution、qualitative、"
               "deductions、checklist、satisfaction、rollup 或 score）",
               n->code.s);
      er_diag_anchor(d, n->code.s);
    }
    break;
  }
  n->result.valid = ok;
  if (!ok)
    return;
  if (fractional)
    n->result.score = er_dec_mul(n->result.fraction, n->weight.v);
  else {
    n->result.score = points;
    n->result.fraction =
        er_dec_is_zero(n->weight.v) ? er_dec_zero() : er_dec_div(points, n->weight.v);
  }
}

/* The 扣分说明 a leaf shows: the data's note; else the deductions with
 * their reasons; else 未扣分 at full marks. */
static const char *leaf_note(const er_indicator *n, er_arena *arena) {
  if (n->note.s)
    return n->note.s;
  if (n->rule.index == ER_RULE_DEDUCTIONS && n->deductions.count) {
    size_t cap = 64;
    for (size_t i = 0; i < n->deductions.count; i++)
      cap += strlen(n->deductions.items[i].reason.s ? n->deductions.items[i].reason.s : "") + 40;
    char *note = er_arena_alloc(arena, cap), *p = note;
    for (size_t i = 0; i < n->deductions.count; i++) {
      const er_deduction *x = &n->deductions.items[i];
      char pts[ER_DEC_BUFSIZE];
      p += snprintf(p, cap - (size_t)(p - note), "%s%s（扣%s分）", i ? "；" : "",
                    x->reason.s ? x->reason.s : "", er_dec_format_trim(x->points.v, 3, pts));
    }
    return note;
  }
  if (n->result.valid && er_dec_cmp(n->result.score, n->weight.v) >= 0)
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

static bool score_node(er_eval *ev, const fund_index *fi, er_indicator *n, er_indicator *parent,
                       int depth, er_diag *d) {
  n->parent = parent;
  n->depth = depth;
  if (n->children.count == 0) {
    score_leaf(ev, fi, n, d);
    n->result.note = leaf_note(n, &ev->arena);
  } else {
    bool all = true;
    er_dec sum = er_dec_zero();
    for (size_t i = 0; i < n->children.count; i++) {
      er_indicator *c = &n->children.items[i];
      all &= score_node(ev, fi, c, n, depth + 1, d);
      sum = er_dec_add(sum, c->result.score);
    }
    n->result.score = sum;
    n->result.valid = all;
    n->result.fraction = er_dec_is_zero(n->weight.v) ? er_dec_zero() : er_dec_div(sum, n->weight.v);
  }
  n->result.places = display_places(n);
  /* 得分率 as a reader redoes it: the printed score ÷ the weight (41.38 /
   * 50 = 82.76%, where 41.375 / 50 would give 82.75%) */
  er_dec printed = er_dec_round(n->result.score, n->result.places);
  n->result.rate = er_dec_is_zero(n->weight.v)
                       ? er_dec_mul(n->result.fraction, HUNDRED)
                       : er_dec_div(er_dec_mul(printed, HUNDRED), n->weight.v);
  return n->result.valid;
}

static const er_grade default_grades[] = {
    {{"优", {0, 0}}, {{90 * ER_DEC_SCALE}, {0, 0}, true, false}, {0, 0}},
    {{"良", {0, 0}}, {{80 * ER_DEC_SCALE}, {0, 0}, true, false}, {0, 0}},
    {{"中", {0, 0}}, {{60 * ER_DEC_SCALE}, {0, 0}, true, false}, {0, 0}},
    {{"差", {0, 0}}, {{0}, {0, 0}, true, false}, {0, 0}},
};

const er_grade *er_grade_scheme(const er_eval *ev, size_t *count) {
  if (ev->grades.count) {
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
  fund_index fi;
  index_funds(&ev->funds, &fi);
  bool all = true;
  for (size_t i = 0; i < ev->indicators.count; i++) {
    er_indicator *n = &ev->indicators.items[i];
    all &= score_node(ev, &fi, n, NULL, 1, d);
    ev->total = er_dec_add(ev->total, n->result.score);
    if (n->bonus.v)
      ev->bonus = er_dec_add(ev->bonus, n->result.score);
    else
      ev->total_weight = er_dec_add(ev->total_weight, n->weight.v);
  }
  free(fi.by_name);
  ev->scored = all && ev->indicators.count > 0;
  ev->grade = er_grade_for(ev, ev->total);
}

er_dec er_total_rate(const er_eval *ev) {
  /* from the total as printed, like every 得分率 */
  return er_dec_is_zero(ev->total_weight)
             ? er_dec_zero()
             : er_dec_div(er_dec_mul(er_dec_round(ev->total, 2), HUNDRED), ev->total_weight);
}
