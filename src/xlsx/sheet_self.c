/* 自评表: the national 项目支出绩效自评表 layout — header, funds block
 * (年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分), 年度总体目标,
 * the indicator block and 总分. Scores refer to the 评分表, amounts to
 * 资金情况, so an edit there shows here. */
#include "xlsx/book.h"

#include "model/expr.h"
#include "model/funds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  C_LABEL,
  C_L1,
  C_L2,
  C_L3,
  C_TARGET,
  C_ACTUAL,
  C_WEIGHT,
  C_SCORE,
  C_DEVIATION,
  C_KEY,
  NCOLS
};

/* The funds block's columns, on the same grid. */
enum {
  F_INITIAL = C_L3,
  F_PLANNED = C_TARGET,
  F_SPENT = C_ACTUAL,
  F_WEIGHT = C_WEIGHT,
  F_RATE = C_SCORE,
  F_SCORE = C_DEVIATION
};

static const char *const classes[] = {"其中：当年财政拨款", "上年结转资金", "其他资金"};

static int source_class(const er_source *s) {
  if (s->level.index == ER_LEVEL_CARRYOVER)
    return 1;
  if (s->level.index == ER_LEVEL_OTHER)
    return 2;
  return 0;
}

static bool in_bonus(const er_indicator *n) {
  for (; n; n = n->parent)
    if (n->bonus.v)
      return true;
  return false;
}

/* The leaf scored by the budget execution rate: shown in the funds block. */
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

typedef struct leaves {
  const er_indicator **items;
  size_t n, cap;
} leaves;

static void collect(leaves *L, const er_indicators *list, const er_indicator *skip) {
  for (size_t i = 0; i < list->count; i++) {
    const er_indicator *n = &list->items[i];
    if (n->children.count) {
      collect(L, &n->children, skip);
      continue;
    }
    if (n == skip)
      continue;
    if (L->n == L->cap) {
      L->cap = L->cap ? 2 * L->cap : 32;
      const er_indicator **p = realloc(L->items, L->cap * sizeof *p);
      if (!p)
        abort();
      L->items = p;
    }
    L->items[L->n++] = n;
  }
}

static const er_target *match_target(const er_eval *ev, const er_indicator *leaf) {
  for (size_t i = 0; i < ev->targets.items.count; i++) {
    const er_target *t = &ev->targets.items.items[i];
    if (t->name.s && leaf->name.s && strcmp(t->name.s, leaf->name.s) == 0)
      return t;
  }
  return NULL;
}

static const er_indicator *ancestor_at(const er_indicator *n, int depth) {
  while (n && n->depth > depth)
    n = n->parent;
  return n;
}

/* ---- the funds block ---------------------------------------------------------------- */

typedef struct block {
  int first;    /* the header row */
  int total;    /* 年度资金总额 */
  bool counted; /* the execution leaf's score counts in 总分 */
  er_dec score, weight;
} block;

static void ref_funds(er_xstr *x, int row, int col) {
  er_xstr_add(x, "'%s'!", ER_X_SHEET_FUNDS);
  er_xstr_cell(x, row, col, false);
}

static void dash(er_xsheet *s, int row, int col) {
  er_xsheet_text(s, row, col, row, col, "—", s->book->f.dash, ER_X_BODY_PT);
}

static block write_funds(er_xsheet *s, int row, const er_indicator *exec) {
  er_xbook *b = s->book;
  const er_eval *ev = b->ev;
  const er_xfmt *f = &b->f;
  block k = {.first = row, .total = row + 1};
  /* the items the block is about: the execution leaf's fund, else all */
  const char *only = exec ? exec->fund.s : NULL;
  er_dec initial[3] = {{0}}, planned[3] = {{0}};
  bool used[3] = {false};
  int funds_row = b->funds_total_row;
  for (size_t i = 0; i < ev->funds.items.count; i++) {
    const er_fund_item *item = &ev->funds.items.items[i];
    if (only && (!item->name.s || strcmp(item->name.s, only) != 0))
      continue;
    if (only && b->fund_rows)
      funds_row = b->fund_rows[i];
    for (size_t j = 0; j < item->sources.count; j++) {
      const er_source *src = &item->sources.items[j];
      int c = source_class(src);
      used[c] = true;
      initial[c] = er_dec_add(initial[c], src->initial.set ? src->initial.v : src->planned.v);
      planned[c] = er_dec_add(planned[c], src->planned.v);
    }
  }
  er_fund_totals t;
  if (!er_funds_totals(&ev->funds, only, &t))
    er_funds_totals(&ev->funds, NULL, &t);
  int nused = used[0] + used[1] + used[2];

  char unit[64];
  snprintf(unit, sizeof unit, "项目资金\n（%s）", ev->funds.unit.index == 1 ? "元" : "万元");
  er_xsheet_text(s, row, C_LABEL, row + 4, C_LABEL, unit, f->center, ER_X_BODY_PT);
  er_xsheet_text(s, row, C_L1, row, C_L2, NULL, f->head, ER_X_BODY_PT);
  static const char *const heads[] = {"年初预算数", "全年预算数", "全年执行数",
                                      "分值",       "执行率",     "得分"};
  for (int c = 0; c < 6; c++)
    er_xsheet_text(s, row, F_INITIAL + c, row, F_INITIAL + c, heads[c], f->head, ER_X_BODY_PT);

  int tr = row + 1;
  er_xsheet_text(s, tr, C_L1, tr, C_L2, "年度资金总额", f->center, ER_X_BODY_PT);
  int class_rows[3] = {tr + 1, tr + 2, tr + 3};
  er_dec all_initial = er_dec_add(er_dec_add(initial[0], initial[1]), initial[2]);
  er_dec all_planned = er_dec_add(er_dec_add(planned[0], planned[1]), planned[2]);
  er_xstr x = {0};
  er_xstr_add(&x, "=ROUND(");
  er_xstr_sum_rows(&x, NULL, class_rows, 3, F_INITIAL);
  er_xstr_add(&x, ",6)");
  er_xsheet_formula(s, tr, F_INITIAL, F_INITIAL, er_xstr_get(&x), all_initial, f->amount);
  er_xstr_clear(&x);
  er_xstr_add(&x, "=ROUND(");
  er_xstr_sum_rows(&x, NULL, class_rows, 3, F_PLANNED);
  er_xstr_add(&x, ",6)");
  er_xsheet_formula(s, tr, F_PLANNED, F_PLANNED, er_xstr_get(&x), all_planned, f->amount);
  bool linked = b->has_funds_sheet && funds_row >= 0;
  if (linked) {
    er_xstr_clear(&x);
    er_xstr_add(&x, "=");
    ref_funds(&x, funds_row, b->funds_col_spent);
    er_xsheet_formula(s, tr, F_SPENT, F_SPENT, er_xstr_get(&x), t.spent, f->amount);
  } else
    dash(s, tr, F_SPENT);

  if (linked && t.execution_defined) {
    /* 执行率 = 全年执行数 ÷ 到位数 (资金情况), as the engine computes it:
     * a percent of six places */
    er_xstr_clear(&x);
    er_xstr_add(&x, "=IF(");
    ref_funds(&x, funds_row, b->funds_col_arrived);
    er_xstr_add(&x, "=0,\"\",ROUND(");
    er_xstr_cell(&x, tr, F_SPENT, false);
    er_xstr_add(&x, "/");
    ref_funds(&x, funds_row, b->funds_col_arrived);
    er_xstr_add(&x, ",8))");
    er_xsheet_formula_percent(s, tr, F_RATE, F_RATE, er_xstr_get(&x), t.execution_rate, f->rate);
  } else
    dash(s, tr, F_RATE);

  if (exec && linked && t.execution_defined) {
    k.counted = true;
    k.weight = exec->weight.v;
    k.score = exec->result.score;
    er_xsheet_number(s, tr, F_WEIGHT, F_WEIGHT, exec->weight.v, f->weight);
    er_xstr_clear(&x);
    /* the engine: min(执行率 to six places, 1) × weight, to six places */
    er_xstr_add(&x, "=ROUND(MIN(ROUND(");
    er_xstr_cell(&x, tr, F_RATE, false);
    er_xstr_add(&x, ",6),1)*");
    er_xstr_cell(&x, tr, F_WEIGHT, false);
    er_xstr_add(&x, ",6)");
    er_xsheet_formula(s, tr, F_SCORE, F_SCORE, er_xstr_get(&x), exec->result.score,
                      exec->result.places == 3 ? f->score3 : f->score2);
  } else {
    dash(s, tr, F_WEIGHT);
    dash(s, tr, F_SCORE);
  }

  for (int c = 0; c < 3; c++) {
    int r = class_rows[c];
    er_xsheet_text(s, r, C_L1, r, C_L2, classes[c], f->center, ER_X_BODY_PT);
    er_xsheet_number(s, r, F_INITIAL, F_INITIAL, initial[c], f->amount);
    er_xsheet_number(s, r, F_PLANNED, F_PLANNED, planned[c], f->amount);
    if (!used[c])
      er_xsheet_number(s, r, F_SPENT, F_SPENT, er_dec_zero(), f->amount);
    else if (nused == 1 && linked) {
      /* all the money came from this class, so all that was spent */
      er_xstr_clear(&x);
      er_xstr_add(&x, "=");
      er_xstr_cell(&x, tr, F_SPENT, false);
      er_xsheet_formula(s, r, F_SPENT, F_SPENT, er_xstr_get(&x), t.spent, f->amount);
    } else
      dash(s, r, F_SPENT);
    dash(s, r, F_WEIGHT);
    dash(s, r, F_RATE);
    dash(s, r, F_SCORE);
  }
  er_xstr_free(&x);
  return k;
}

/* ---- the indicator block --------------------------------------------------------------- */

/* 年度指标值 and 实际完成值 of a leaf: its target's, when a target of the
 * same name exists; else what the indicator tree says. */
static const er_target *leaf_values(const er_eval *ev, const er_indicator *n, er_xstr *target,
                                    er_xstr *actual) {
  const er_target *t = match_target(ev, n);
  char a[ER_DEC_BUFSIZE];
  if (t) {
    er_xstr_add(target, "%s", t->target.s ? t->target.s : "");
    er_xstr_add(actual, "%s", t->actual.s ? t->actual.s : "");
  } else if (n->rule.index == ER_RULE_RATIO && n->target.set && n->actual.set) {
    er_xstr_add(target, "%s", er_dec_format_trim(n->target.v, 6, a));
    er_xstr_add(actual, "%s", er_dec_format_trim(n->actual.v, 6, a));
  } else {
    er_xstr_add(target, "%s", n->point.s ? n->point.s : "");
    if (n->rule.index == ER_RULE_DEDUCTIONS) {
      er_dec lost = er_dec_zero();
      for (size_t i = 0; i < n->deductions.count; i++)
        lost = er_dec_add(lost, n->deductions.items[i].points.v);
      if (er_dec_is_zero(lost))
        er_xstr_add(actual, "无扣分事项");
      else
        er_xstr_add(actual, "扣 %s 分", er_dec_format_trim(lost, 6, a));
    } else
      er_xleaf_basis(ev, n, actual);
  }
  return t;
}

static void write_leaf_cells(er_xsheet *s, int row, const er_indicator *n) {
  er_xbook *b = s->book;
  const er_eval *ev = b->ev;
  const er_xfmt *f = &b->f;
  er_xstr target = {0}, actual = {0};
  const er_target *t = leaf_values(ev, n, &target, &actual);
  er_xsheet_text(s, row, C_TARGET, row, C_TARGET, er_xstr_get(&target), f->text, ER_X_BODY_PT);
  er_xsheet_text(s, row, C_ACTUAL, row, C_ACTUAL, er_xstr_get(&actual), f->text, ER_X_BODY_PT);
  er_xstr_free(&target);
  er_xstr_free(&actual);

  er_xsheet_number(s, row, C_WEIGHT, C_WEIGHT, n->weight.v, f->weight);
  lxw_format *fmt = n->result.places == 3 ? f->score3 : f->score2;
  const er_xcell *c = er_xbook_find_cell(b, n);
  if (c) {
    er_xstr x = {0};
    er_xstr_add(&x, "='%s'!", ER_X_SHEET_SCORE);
    er_xstr_cell(&x, c->row, c->col, false);
    er_xsheet_formula(s, row, C_SCORE, C_SCORE, er_xstr_get(&x), n->result.score, fmt);
    er_xstr_free(&x);
  } else
    er_xsheet_number(s, row, C_SCORE, C_SCORE, n->result.score, fmt);

  const char *why = t && t->deviation.s ? t->deviation.s : NULL;
  if (!why && n->result.valid && er_dec_cmp(n->result.score, n->weight.v) < 0)
    why = n->result.note;
  er_xsheet_text(s, row, C_DEVIATION, row, C_DEVIATION, why, f->text, ER_X_BODY_PT);
  er_xsheet_text(s, row, C_KEY, row, C_KEY, n->code.s, f->text, ER_X_BODY_PT);
}

/* The level cells of the indicator rows: first and second level merged
 * down their runs, the leaf as 三级指标 (deeper levels joined to it). */
static void write_levels(er_xsheet *s, int first, const leaves *L) {
  er_xowner *grid = calloc(L->n * 3 + 1, sizeof *grid);
  er_xstr *joined = calloc(L->n + 1, sizeof *joined);
  if (!grid || !joined)
    abort();
  for (size_t r = 0; r < L->n; r++) {
    const er_indicator *n = L->items[r];
    er_xowner *g = &grid[r * 3];
    for (int k = 1; k <= 2; k++) {
      const er_indicator *a = ancestor_at(n, k);
      g[k - 1] = (er_xowner){a, a->name.s, NULL};
    }
    const char *name = n->name.s ? n->name.s : "";
    if (n->depth > 3) {
      for (int k = 3; k < n->depth; k++) {
        const er_indicator *a = ancestor_at(n, k);
        er_xstr_add(&joined[r], "%s／", a->name.s ? a->name.s : "");
      }
      er_xstr_add(&joined[r], "%s", name);
      name = er_xstr_get(&joined[r]);
    }
    g[2] = (er_xowner){n, name, NULL};
  }
  er_xsheet_grid(s, first, C_L1, (int)L->n, 3, grid, s->book->f.center);
  for (size_t r = 0; r < L->n; r++)
    er_xstr_free(&joined[r]);
  free(joined);
  free(grid);
}

static void set_widths(er_xsheet *s, const leaves *L) {
  const er_eval *ev = s->book->ev;
  const char **names = calloc(L->n + 1, sizeof *names),
             **targets = calloc(L->n + 1, sizeof *targets),
             **actuals = calloc(L->n + 1, sizeof *actuals),
             **notes = calloc(L->n + 1, sizeof *notes);
  er_xstr *texts = calloc(2 * L->n + 1, sizeof *texts);
  if (!names || !targets || !actuals || !notes || !texts)
    abort();
  size_t nn = 0;
  for (size_t i = 0; i < L->n; i++) {
    names[i] = L->items[i]->name.s;
    const er_target *t = leaf_values(ev, L->items[i], &texts[2 * i], &texts[2 * i + 1]);
    targets[i] = er_xstr_get(&texts[2 * i]);
    actuals[i] = er_xstr_get(&texts[2 * i + 1]);
    if (t && t->deviation.s)
      notes[nn++] = t->deviation.s;
  }
  er_xsheet_col(s, C_LABEL, 10);
  er_xsheet_col(s, C_L1, 9);
  er_xsheet_col(s, C_L2, 11);
  er_xsheet_col(s, C_WEIGHT, 6);
  er_xsheet_col(s, C_SCORE, 8);
  /* the text columns share what is left of about 100 units */
  double want[4] = {er_xfit_width(names, L->n, ER_X_BODY_PT, 11, 60),
                    er_xfit_width(targets, L->n, ER_X_BODY_PT, 11, 60),
                    er_xfit_width(actuals, L->n, ER_X_BODY_PT, 11, 60),
                    er_xfit_width(notes, nn, ER_X_BODY_PT, 12, 60)},
         got[4];
  er_xshare_widths(want, 4, 58, 11, got);
  er_xsheet_col(s, C_L3, got[0]);
  er_xsheet_col(s, C_TARGET, got[1]);
  er_xsheet_col(s, C_ACTUAL, got[2]);
  er_xsheet_col(s, C_DEVIATION, got[3]);
  er_xsheet_col(s, C_KEY, 8);
  er_xsheet_hide_col(s, C_KEY);
  for (size_t i = 0; i < 2 * L->n; i++)
    er_xstr_free(&texts[i]);
  free(texts);
  free(names);
  free(targets);
  free(actuals);
  free(notes);
}

void er_xsheet_self_write(er_xbook *b) {
  const er_eval *ev = b->ev;
  const er_xfmt *f = &b->f;
  er_xsheet s;
  if (!er_xsheet_open(&s, b, ER_X_SHEET_SELF, NCOLS)) {
    er_xbook_ok(b, LXW_ERROR_NULL_PARAMETER_IGNORED, ER_X_SHEET_SELF);
    return;
  }
  const er_indicator *exec = find_execution(&ev->indicators);
  leaves L = {0};
  collect(&L, &ev->indicators, exec);
  set_widths(&s, &L);

  er_xsheet_text(&s, 0, 0, 0, C_DEVIATION, "项目支出绩效自评表", f->title, ER_X_TITLE_PT);
  er_xsheet_min_height(&s, 0, 32);
  char year[64] = "";
  if (ev->project.year.set)
    snprintf(year, sizeof year, "（%lld年度）",
             (long long)(ev->project.year.v.units / ER_DEC_SCALE));
  er_xsheet_text(&s, 1, 0, 1, C_DEVIATION, year, f->info_center, ER_X_BODY_PT);

  er_xsheet_text(&s, 2, C_LABEL, 2, C_LABEL, "项目名称", f->center, ER_X_BODY_PT);
  er_xsheet_text(&s, 2, C_L1, 2, C_DEVIATION, ev->project.name.s, f->text, ER_X_BODY_PT);
  er_xsheet_text(&s, 3, C_LABEL, 3, C_LABEL, "主管部门", f->center, ER_X_BODY_PT);
  er_xsheet_text(&s, 3, C_L1, 3, C_L3, ev->project.department.s, f->text, ER_X_BODY_PT);
  er_xsheet_text(&s, 3, C_TARGET, 3, C_TARGET, "实施单位", f->center, ER_X_BODY_PT);
  er_xsheet_text(&s, 3, C_ACTUAL, 3, C_DEVIATION,
                 ev->project.implementer.s ? ev->project.implementer.s : ev->project.department.s,
                 f->text, ER_X_BODY_PT);

  block k = write_funds(&s, 4, exec);

  int row = 9;
  char *overall = er_xprose(&ev->targets.overall), *actual = er_xprose(&ev->targets.overall_actual);
  er_xsheet_text(&s, row, C_LABEL, row + 1, C_LABEL, "年度总体目标", f->center, ER_X_BODY_PT);
  er_xsheet_text(&s, row, C_L1, row, C_ACTUAL - 1, "预期目标", f->head, ER_X_BODY_PT);
  er_xsheet_text(&s, row, C_ACTUAL, row, C_DEVIATION, "实际完成情况", f->head, ER_X_BODY_PT);
  er_xsheet_text(&s, row + 1, C_L1, row + 1, C_ACTUAL - 1, overall, f->text, ER_X_BODY_PT);
  er_xsheet_text(&s, row + 1, C_ACTUAL, row + 1, C_DEVIATION, actual, f->text, ER_X_BODY_PT);
  free(overall);
  free(actual);

  int head = row + 2, first = head + 1;
  static const char *const heads[] = {
      "一级指标",   "二级指标", "三级指标", "年度指标值",
      "实际完成值", "分值",     "得分",     "偏差原因分析及改进措施",
      "编码"};
  for (int c = 0; c < 9; c++)
    er_xsheet_text(&s, head, C_L1 + c, head, C_L1 + c, heads[c], f->head, ER_X_BODY_PT);
  write_levels(&s, first, &L);
  int *rows = malloc((L.n + 1) * sizeof *rows), *wrows = malloc((L.n + 1) * sizeof *wrows);
  if (!rows || !wrows)
    abort();
  size_t nw = 0;
  er_dec weights = k.counted ? k.weight : er_dec_zero(),
         scores = k.counted ? k.score : er_dec_zero();
  for (size_t i = 0; i < L.n; i++) {
    int r = first + (int)i;
    rows[i] = r;
    write_leaf_cells(&s, r, L.items[i]);
    scores = er_dec_add(scores, L.items[i]->result.score);
    if (!in_bonus(L.items[i])) {
      wrows[nw++] = r;
      weights = er_dec_add(weights, L.items[i]->weight.v);
    }
  }
  int last = first + (int)L.n - 1;
  er_xsheet_text(&s, head, C_LABEL, last > head ? last : head, C_LABEL, "绩效指标", f->center,
                 ER_X_BODY_PT);

  int tr = last + 1, gr = tr + 1;
  er_xsheet_keep_with_previous(&s, tr);
  er_xsheet_keep_with_previous(&s, gr);
  er_xsheet_text(&s, tr, C_LABEL, tr, C_ACTUAL, "总分", f->tot_text, ER_X_BODY_PT);
  er_xstr x = {0};
  er_xstr_add(&x, "=ROUND(");
  er_xstr_sum_rows(&x, NULL, wrows, nw, C_WEIGHT);
  if (k.counted) {
    er_xstr_add(&x, "+");
    er_xstr_cell(&x, k.total, F_WEIGHT, false);
  }
  er_xstr_add(&x, ",6)");
  er_xsheet_formula(&s, tr, C_WEIGHT, C_WEIGHT, er_xstr_get(&x), weights, f->tot_weight);
  er_xstr_clear(&x);
  er_xstr_add(&x, "=ROUND(");
  er_xstr_sum_rows(&x, NULL, rows, L.n, C_SCORE);
  if (k.counted) {
    er_xstr_add(&x, "+");
    er_xstr_cell(&x, k.total, F_SCORE, false);
  }
  er_xstr_add(&x, ",6)");
  er_xsheet_formula(&s, tr, C_SCORE, C_SCORE, er_xstr_get(&x), scores, f->tot_score);
  er_xsheet_text(&s, tr, C_DEVIATION, tr, C_DEVIATION, NULL, f->tot_text, ER_X_BODY_PT);
  er_xsheet_text(&s, tr, C_KEY, tr, C_KEY, "TOTAL", f->text, ER_X_BODY_PT);

  er_xstr_clear(&x);
  er_xstr_add(&x, "评价等级（");
  er_xgrade_scheme_text(ev, &x);
  er_xstr_add(&x, "）");
  er_xsheet_text(&s, gr, C_LABEL, gr, C_ACTUAL, er_xstr_get(&x), f->tot_text, ER_X_BODY_PT);
  er_xstr_clear(&x);
  er_xgrade_formula(ev, tr, C_SCORE, &x);
  er_xsheet_formula_text(&s, gr, C_WEIGHT, C_SCORE, er_xstr_get(&x), ev->grade, f->tot_text);
  er_xsheet_text(&s, gr, C_DEVIATION, gr, C_DEVIATION, NULL, f->tot_text, ER_X_BODY_PT);
  er_xsheet_text(&s, gr, C_KEY, gr, C_KEY, "GRADE", f->text, ER_X_BODY_PT);
  er_xstr_free(&x);

  er_xpage page = {.landscape = false, .repeat_first = head, .repeat_last = head, .freeze_row = 0};
  er_xsheet_finish(&s, &page);
  er_xsheet_close(&s);
  free(rows);
  free(wrows);
  free(L.items);
}
