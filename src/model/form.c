#include "model/form.h"

#include "model/funds.h"

#include <string.h>

/* Each label's key in `form_labels` and the national form's wording
 * (财预〔2020〕10号 附件1). */
static const struct {
  const char *key, *national;
} labels[ER_FL_COUNT] = {
    [ER_FL_TITLE] = {"title", "项目支出绩效自评表"},
    [ER_FL_NAME] = {"name", "项目名称"},
    [ER_FL_DEPARTMENT] = {"department", "主管部门"},
    [ER_FL_IMPLEMENTER] = {"implementer", "实施单位"},
    [ER_FL_FUNDS] = {"funds", "项目资金"},
    [ER_FL_INITIAL] = {"initial", "年初预算数"},
    [ER_FL_PLANNED] = {"planned", "全年预算数"},
    [ER_FL_SPENT] = {"spent", "全年执行数"},
    [ER_FL_WEIGHT] = {"weight", "分值"},
    [ER_FL_RATE] = {"rate", "执行率"},
    [ER_FL_SCORE] = {"score", "得分"},
    [ER_FL_ALL] = {"all", "年度资金总额"},
    [ER_FL_CURRENT] = {"current", "其中：当年财政拨款"},
    [ER_FL_CARRYOVER] = {"carryover", "上年结转资金"},
    [ER_FL_OTHER] = {"other", "其他资金"},
    [ER_FL_OVERALL] = {"overall", "年度总体目标"},
    [ER_FL_EXPECTED] = {"expected", "预期目标"},
    [ER_FL_ACHIEVED] = {"achieved", "实际完成情况"},
    [ER_FL_INDICATORS] = {"indicators", "绩效指标"},
    [ER_FL_LEVEL1] = {"level1", "一级指标"},
    [ER_FL_LEVEL2] = {"level2", "二级指标"},
    [ER_FL_LEVEL3] = {"level3", "三级指标"},
    [ER_FL_NATURE] = {"nature", "指标性质"},
    [ER_FL_TARGET] = {"target", "年度指标值"},
    [ER_FL_UNIT] = {"unit", "度量单位"},
    [ER_FL_ACTUAL] = {"actual", "实际完成值"},
    [ER_FL_DEVIATION] = {"deviation", "偏差原因分析及改进措施"},
    [ER_FL_TOTAL] = {"total", "总分"},
    [ER_FL_CONCLUSION] = {"conclusion", "结论"},
    [ER_FL_PROBLEMS] = {"problems", "问题"},
    [ER_FL_IMPROVEMENT] = {"improvement", "改进措施"},
};

const char *er_form_label_text(const er_eval *ev, er_form_label k) {
  if (ev->form_labels.text[k].s)
    return ev->form_labels.text[k].s;
  if (k == ER_FL_PLANNED && ev->form.index == ER_FORM_SICHUAN)
    return "调整后预算数";
  return labels[k].national;
}

const char *er_form_label_key(er_form_label k) { return labels[k].key; }

int er_form_row_of(const er_source *s) {
  switch (s->level.index) {
  case ER_LEVEL_CENTRAL:
  case ER_LEVEL_PROVINCIAL:
  case ER_LEVEL_MUNICIPAL:
  case ER_LEVEL_COUNTY:
    return ER_FORM_CURRENT;
  case ER_LEVEL_CARRYOVER:
    return ER_FORM_CARRYOVER;
  default:
    return ER_FORM_OTHER;
  }
}

int er_form_places(const char *text) {
  const char *p = text ? text : "";
  while (*p && !(*p >= '0' && *p <= '9'))
    p++;
  while (*p >= '0' && *p <= '9')
    p++;
  if (*p != '.')
    return 0;
  int n = 0;
  for (p++; *p >= '0' && *p <= '9'; p++)
    n++;
  return n > 6 ? 6 : n;
}

static const er_indicator *find_execution(const er_indicators *list) {
  for (size_t i = 0; i < list->count; i++) {
    const er_indicator *n = &list->items[i];
    if (n->children.count == 0 && n->rule.index == ER_RULE_EXECUTION)
      return n;
    const er_indicator *found = find_execution(&n->children);
    if (found)
      return found;
  }
  return NULL;
}

static const er_indicator *find_leaf(const er_indicators *list, const char *name) {
  for (size_t i = 0; name && i < list->count; i++) {
    const er_indicator *n = &list->items[i];
    if (n->children.count) {
      const er_indicator *found = find_leaf(&n->children, name);
      if (found)
        return found;
    } else if (n->name.s && strcmp(n->name.s, name) == 0)
      return n;
  }
  return NULL;
}

/* Leaves of the tree that are neither the execution leaf nor matched by a
 * target: when there are none, the form is the tree. */
static bool all_matched(const er_indicators *list, const er_form *f) {
  for (size_t i = 0; i < list->count; i++) {
    const er_indicator *n = &list->items[i];
    if (n->children.count) {
      if (!all_matched(&n->children, f))
        return false;
      continue;
    }
    if (n == f->execution)
      continue;
    bool found = false;
    for (size_t k = 0; k < f->ntargets && !found; k++)
      found = f->targets[k].leaf == n;
    if (!found)
      return false;
  }
  return true;
}

const char *er_form_unit(const er_form_target *x) {
  const er_measure *m = x->target.numeric ? &x->target : x->actual.numeric ? &x->actual : NULL;
  return !m ? "" : m->percent ? "%" : m->unit;
}

bool er_form_bare(const er_form_target *x, const er_measure *m) {
  return m->numeric && strcmp(m->percent ? "%" : m->unit, er_form_unit(x)) == 0;
}

/* ---- the funds block ---------------------------------------------------------------- */

static void build_funds(const er_eval *ev, er_form *f) {
  er_dec arrived[ER_FORM_ROWS] = {{0}};
  bool ungiven[ER_FORM_ROWS] = {false};
  er_fund_totals all;
  if (!er_funds_totals(&ev->funds, f->fund, &all)) {
    f->fund = NULL;
    er_funds_totals(&ev->funds, NULL, &all);
  }
  for (int r = ER_FORM_CURRENT; r < ER_FORM_ROWS; r++)
    f->rows[r].spent_given = true;
  for (size_t i = 0; i < ev->funds.items.count; i++) {
    const er_fund_item *item = &ev->funds.items.items[i];
    if (f->fund && (!item->name.s || strcmp(item->name.s, f->fund) != 0))
      continue;
    for (size_t j = 0; j < item->sources.count; j++) {
      const er_source *s = &item->sources.items[j];
      er_form_funds_row *row = &f->rows[er_form_row_of(s)];
      row->any = true;
      row->initial = er_dec_add(row->initial, s->initial.set ? s->initial.v : s->planned.v);
      row->budget = er_dec_add(row->budget, s->planned.v);
      arrived[er_form_row_of(s)] = er_dec_add(arrived[er_form_row_of(s)], s->arrived.v);
      if (s->spent.set)
        row->spent = er_dec_add(row->spent, s->spent.v);
      else
        ungiven[er_form_row_of(s)] = true;
    }
  }
  /* 全年执行数 of the rows whose sources do not give it: what the given
   * rows leave, spent first from 上年结转 (结转资金优先使用), then from
   * 当年财政拨款, each at most what arrived; the last such row takes the rest */
  static const int order[] = {ER_FORM_CARRYOVER, ER_FORM_CURRENT, ER_FORM_OTHER};
  er_dec left = all.spent;
  for (int r = ER_FORM_CURRENT; r < ER_FORM_ROWS; r++)
    if (!ungiven[r])
      left = er_dec_sub(left, f->rows[r].spent);
  int last = -1;
  for (size_t k = 0; k < 3; k++)
    if (ungiven[order[k]])
      last = order[k];
  for (size_t k = 0; k < 3; k++) {
    int r = order[k];
    if (!ungiven[r])
      continue;
    f->rows[r].spent_given = false;
    er_dec take = r == last ? left : er_dec_max(er_dec_min(arrived[r], left), er_dec_zero());
    f->rows[r].spent = take;
    left = er_dec_sub(left, take);
  }
  er_form_funds_row *total = &f->rows[ER_FORM_ALL];
  total->any = true;
  for (int r = ER_FORM_CURRENT; r < ER_FORM_ROWS; r++) {
    total->initial = er_dec_add(total->initial, f->rows[r].initial);
    total->budget = er_dec_add(total->budget, f->rows[r].budget);
    total->spent = er_dec_add(total->spent, f->rows[r].spent);
  }
  for (int r = 0; r < ER_FORM_ROWS; r++) {
    er_form_funds_row *row = &f->rows[r];
    row->rate_defined = !er_dec_is_zero(row->budget);
    if (row->rate_defined)
      row->rate = er_dec_div(er_dec_mul(row->spent, er_dec_int(100)), row->budget);
  }
  if (f->execution) {
    f->funds_weight = f->execution->weight.v;
    f->funds_score = f->execution->result.score;
  } else {
    /* 得分 = 执行率 × 分值, at most 分值 */
    f->funds_weight = er_dec_int(10);
    f->funds_score =
        total->rate_defined
            ? er_dec_mul(er_dec_min(er_dec_div(total->rate, er_dec_int(100)), er_dec_int(1)),
                         f->funds_weight)
            : er_dec_zero();
  }
}

/* ---- the indicator block --------------------------------------------------------------- */

static void score_target(er_form_target *x) {
  const er_target *t = x->t;
  if (x->leaf) {
    x->basis = ER_FORM_BY_LEAF;
    x->score = x->leaf->result.score;
  } else if (t->score.set) {
    x->basis = ER_FORM_BY_SCORE;
    x->score = t->score.v;
  } else if (x->numeric && x->weighted) {
    /* 定量指标: met, the full 分值; else in proportion to the target */
    x->basis = ER_FORM_BY_RATIO;
    er_dec a = x->actual.value, g = x->target.value, q;
    bool lower = x->target.cmp == ER_CMP_LE || x->target.cmp == ER_CMP_LT;
    if (er_measure_met(&x->target, &x->actual))
      q = er_dec_int(1);
    else if (lower)
      q = er_dec_is_zero(a) ? er_dec_int(1) : er_dec_div(g, a);
    else if (x->target.cmp == ER_CMP_EQ)
      q = er_dec_cmp(a, g) < 0 ? (er_dec_is_zero(g) ? er_dec_zero() : er_dec_div(a, g))
                               : (er_dec_is_zero(a) ? er_dec_zero() : er_dec_div(g, a));
    else
      q = er_dec_is_zero(g) ? er_dec_int(1) : er_dec_div(a, g);
    q = er_dec_max(er_dec_min(q, er_dec_int(1)), er_dec_zero());
    x->score = er_dec_mul(q, x->weight);
  } else if (t->met.set && t->met.v && x->weighted) {
    x->basis = ER_FORM_BY_MET;
    x->score = x->weight;
  } else {
    x->basis = ER_FORM_UNSCORED;
    x->score = er_dec_zero();
  }
}

void er_form_build(const er_eval *ev, er_arena *arena, er_form *f) {
  memset(f, 0, sizeof *f);
  f->profile = ev->form.index == ER_FORM_SICHUAN ? ER_FORM_SICHUAN : ER_FORM_NATIONAL;
  for (int k = 0; k < ER_FL_COUNT; k++)
    f->labels[k] = er_form_label_text(ev, (er_form_label)k);
  f->execution = find_execution(&ev->indicators);
  f->fund = f->execution ? f->execution->fund.s : NULL;
  build_funds(ev, f);

  size_t n = ev->targets.items.count;
  f->targets = er_arena_alloc(arena, (n ? n : 1) * sizeof *f->targets);
  f->ntargets = n;
  f->weight = f->funds_weight;
  f->total = f->funds_score;
  for (size_t i = 0; i < n; i++) {
    er_form_target *x = &f->targets[i];
    const er_target *t = &ev->targets.items.items[i];
    x->t = t;
    x->leaf = find_leaf(&ev->indicators, t->name.s);
    if (x->leaf == f->execution)
      x->leaf = NULL;
    if (t->target.s)
      er_measure_parse(t->target.s, &x->target);
    if (t->actual.s)
      er_measure_parse(t->actual.s, &x->actual);
    x->target_places = er_form_places(t->target.s);
    x->actual_places = er_form_places(t->actual.s);
    x->numeric = x->target.numeric && x->actual.numeric && x->target.percent == x->actual.percent &&
                 strcmp(x->target.unit, x->actual.unit) == 0;
    x->weighted = t->weight.set || x->leaf;
    x->weight = x->leaf ? x->leaf->weight.v : t->weight.set ? t->weight.v : er_dec_zero();
    score_target(x);
    f->weight = er_dec_add(f->weight, x->weight);
    f->total = er_dec_add(f->total, x->score);
  }
  f->is_tree = f->execution && n && all_matched(&ev->indicators, f);
}

/* ---- what the form needs of the data ---------------------------------------------------- */

void er_form_check(const er_eval *ev, er_diag *d) {
  if (ev->kind.index != ER_KIND_SELF)
    return;
  er_arena arena = {0};
  er_form f;
  er_form_build(ev, &arena, &f);
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
  if (!f.execution)
    er_warn(d, ev->indicators.pos, "self-execution",
            "自评表的资金得分按执行率%s%s × 10 计算，但指标体系中没有按执行率评分的末级指标"
            "（rule: execution），评分表与自评表的总分将不同",
            f.rows[ER_FORM_ALL].rate_defined ? er_dec_format(f.rows[ER_FORM_ALL].rate, 2, a)
                                             : "（无资金数据）",
            f.rows[ER_FORM_ALL].rate_defined ? "%" : "");
  bool negative = false;
  for (int r = ER_FORM_CURRENT; r < ER_FORM_ROWS; r++)
    negative |= f.rows[r].spent.units < 0;
  if (negative)
    er_error(d, ev->funds.pos, "form-spent",
             "资金来源的全年执行数（spent）之和超过了资金支出合计，请核对 spent");
  for (size_t i = 0; i < f.ntargets; i++) {
    const er_form_target *x = &f.targets[i];
    const er_target *t = x->t;
    if (!x->weighted)
      er_warn(d, t->pos, "target-weight", "绩效指标“%s”没有分值（weight），自评表中该行不计分",
              t->name.s);
    else if (x->basis == ER_FORM_UNSCORED)
      er_error(d, t->met.set ? t->met.pos : t->pos, "target-score",
               "绩效指标“%s”未完成且目标为文字，请写明自评表得分 score", t->name.s);
    if (t->score.set && x->weighted && er_dec_cmp(t->score.v, x->weight) > 0)
      er_error(d, t->score.pos, "target-score", "绩效指标“%s”的得分 %s 超过其分值 %s", t->name.s,
               er_dec_format_trim(t->score.v, 6, a), er_dec_format_trim(x->weight, 6, b));
  }
  er_arena_free(&arena);
}

const char *er_form_nature(const er_form_target *x) {
  if (!x->target.numeric)
    return "定性";
  switch (x->target.cmp) {
  case ER_CMP_EQ:
    return "=";
  case ER_CMP_LE:
  case ER_CMP_LT:
    return "≤";
  default:
    return "≥";
  }
}
