/* 自评表: the 项目支出绩效自评表 as the form defines it (national, or
 * Sichuan's variant) — header, funds block (年初预算数 / 全年预算数 /
 * 全年执行数 / 分值 / 执行率 / 得分 on 年度资金总额 and its 其中 rows),
 * 年度总体目标, the indicator block from the performance targets, 总分.
 * Every figure is a formula over the input cells it comes from: amounts
 * over 资金情况, scores and weights of indicators over the 评分表, a
 * target's score over its own 年度指标值, 实际完成值 and 分值. */
#include "xlsx/book.h"

#include "model/form.h"
#include "model/funds.h"
#include "model/score.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Columns: a label column, 一级 二级 三级, then per profile
 * national: 年度指标值 实际完成值 分值 得分 偏差 (9 columns)
 * sichuan:  指标性质 年度指标值 度量单位 实际完成值 分值 得分 偏差 (11) */
typedef struct cols {
  int label, l1, l2, l3, nature, target, unit, actual, weight, score, deviation, key, n;
  int funds; /* first of the funds block's six value columns */
} cols;

static cols layout(bool sichuan) {
  cols c = {.label = 0, .l1 = 1, .l2 = 2, .l3 = 3, .nature = -1, .unit = -1};
  int k = 4;
  if (sichuan)
    c.nature = k++;
  c.target = k++;
  if (sichuan)
    c.unit = k++;
  c.actual = k++;
  c.weight = k++;
  c.score = k++;
  c.deviation = k++;
  c.key = k++;
  c.n = k;
  c.funds = c.deviation - 5;
  return c;
}

static void ref(er_xstr *x, const char *sheet, int row, int col) {
  if (sheet)
    er_xstr_add(x, "'%s'!", sheet);
  er_xstr_cell(x, row, col, false);
}

static void dash(er_xsheet *s, int row, int col) {
  er_xsheet_text(s, row, col, row, col, "—", s->book->f.dash, ER_X_BODY_PT);
}

/* ---- the funds block ---------------------------------------------------------------- */

/* SUM over 资金情况 of one column of the sources of a form row. */
static bool source_sum(er_xbook *b, const er_form *form, int which, int col, er_xstr *x) {
  const er_eval *ev = b->ev;
  size_t k = 0, n = 0;
  int *rows = malloc((b->nsources + 1) * sizeof *rows);
  if (!rows)
    abort();
  for (size_t i = 0; i < ev->funds.items.count; i++) {
    const er_fund_item *item = &ev->funds.items.items[i];
    bool in = !form->fund || (item->name.s && strcmp(item->name.s, form->fund) == 0);
    for (size_t j = 0; j < item->sources.count; j++, k++)
      if (in && er_form_row_of(&item->sources.items[j]) == which && k < b->nsources)
        rows[n++] = b->source_rows[k];
  }
  if (n) {
    /* sorted already: sources are written in order */
    er_xstr_add(x, "ROUND(");
    er_xstr_sum_rows(x, ER_X_SHEET_FUNDS, rows, n, col);
    er_xstr_add(x, ",6)");
  }
  free(rows);
  return n > 0;
}

/* The 资金情况 row of the block's spending: the fund item's 小计 or 合计. */
static int spent_row(const er_xbook *b, const er_form *form) {
  const er_eval *ev = b->ev;
  for (size_t i = 0; form->fund && i < ev->funds.items.count; i++)
    if (ev->funds.items.items[i].name.s && strcmp(ev->funds.items.items[i].name.s, form->fund) == 0)
      return b->fund_rows[i];
  return b->funds_total_row;
}

typedef struct block {
  int rows[ER_FORM_ROWS];
  int weight_col, score_col;
} block;

static void amount_cell(er_xsheet *s, int row, int col, const char *formula, er_dec v) {
  if (formula)
    er_xsheet_formula(s, row, col, col, formula, v, s->book->f.amount);
  else
    er_xsheet_number(s, row, col, col, v, s->book->f.amount);
}

static block write_funds(er_xsheet *s, const cols *c, int row, const er_form *form) {
  er_xbook *b = s->book;
  const er_xfmt *f = &b->f;
  int C_INI = c->funds, C_BUD = c->funds + 1, C_SPENT = c->funds + 2, C_W = c->funds + 3,
      C_RATE = c->funds + 4, C_SC = c->funds + 5;
  block k = {.weight_col = C_W, .score_col = C_SC};
  char unit[64];
  snprintf(unit, sizeof unit, "%s\n（%s）", form->labels[ER_FL_FUNDS],
           b->ev->funds.unit.index == 1 ? "元" : "万元");
  er_xsheet_text(s, row, c->label, row + 4, c->label, unit, f->center, ER_X_BODY_PT);
  er_xsheet_text(s, row, c->l1, row, C_INI - 1, NULL, f->head, ER_X_BODY_PT);
  static const er_form_label heads[] = {ER_FL_INITIAL, ER_FL_PLANNED, ER_FL_SPENT,
                                        ER_FL_WEIGHT,  ER_FL_RATE,    ER_FL_SCORE};
  for (int i = 0; i < 6; i++)
    er_xsheet_text(s, row, C_INI + i, row, C_INI + i, form->labels[heads[i]], f->head,
                   ER_X_BODY_PT);
  for (int r = 0; r < ER_FORM_ROWS; r++)
    k.rows[r] = row + 1 + r;

  bool linked = b->has_funds_sheet;
  er_xstr x = {0};
  /* 其中 rows: 年初预算数 and 全年预算数 over 资金情况's sources */
  for (int r = ER_FORM_CURRENT; r < ER_FORM_ROWS; r++) {
    int y = k.rows[r];
    er_xsheet_text(s, y, c->l1, y, C_INI - 1, form->labels[ER_FL_ALL + r], f->center, ER_X_BODY_PT);
    int srccol[2] = {b->funds_col_initial, b->funds_col_planned};
    er_dec v[2] = {form->rows[r].initial, form->rows[r].budget};
    for (int i = 0; i < 2; i++) {
      er_xstr_clear(&x);
      er_xstr_add(&x, "=");
      bool any = linked && source_sum(b, form, r, srccol[i], &x);
      amount_cell(s, y, C_INI + i, any ? er_xstr_get(&x) : NULL, v[i]);
    }
  }
  /* 全年执行数 of the 其中 rows: given per source (inputs here), else what
   * the others leave of 资金情况's spending, 上年结转 first */
  static const int order[] = {ER_FORM_CARRYOVER, ER_FORM_CURRENT, ER_FORM_OTHER};
  int last = -1;
  for (size_t i = 0; i < 3; i++)
    if (!form->rows[order[i]].spent_given)
      last = order[i];
  er_xstr left = {0};
  if (linked) {
    er_xstr_add(&left, "%s", "");
    ref(&left, ER_X_SHEET_FUNDS, spent_row(b, form), b->funds_col_spent);
    for (int r = ER_FORM_CURRENT; r < ER_FORM_ROWS; r++)
      if (form->rows[r].spent_given) {
        er_xstr_add(&left, "-");
        er_xstr_cell(&left, k.rows[r], C_SPENT, false);
      }
  }
  for (size_t i = 0; i < 3; i++) {
    int r = order[i], y = k.rows[r];
    const er_form_funds_row *fr = &form->rows[r];
    if (fr->spent_given || !linked) {
      er_xsheet_number(s, y, C_SPENT, C_SPENT, fr->spent, f->in_amount);
      continue;
    }
    er_xstr_clear(&x);
    if (r == last)
      er_xstr_add(&x, "=ROUND(%s,6)", er_xstr_get(&left));
    else {
      er_xstr_add(&x, "=ROUND(MAX(MIN(");
      if (!source_sum(b, form, r, b->funds_col_arrived, &x))
        er_xstr_add(&x, "0");
      er_xstr_add(&x, ",%s),0),6)", er_xstr_get(&left));
    }
    amount_cell(s, y, C_SPENT, er_xstr_get(&x), fr->spent);
    er_xstr_add(&left, "-");
    er_xstr_cell(&left, y, C_SPENT, false);
  }
  er_xstr_free(&left);

  /* 年度资金总额: the sums of the 其中 rows */
  int t = k.rows[ER_FORM_ALL];
  er_xsheet_text(s, t, c->l1, t, C_INI - 1, form->labels[ER_FL_ALL], f->center, ER_X_BODY_PT);
  const er_form_funds_row *all = &form->rows[ER_FORM_ALL];
  er_dec totals[3] = {all->initial, all->budget, all->spent};
  for (int i = 0; i < 3; i++) {
    er_xstr_clear(&x);
    er_xstr_add(&x, "=ROUND(");
    er_xstr_sum_rows(&x, NULL, &k.rows[ER_FORM_CURRENT], 3, C_INI + i);
    er_xstr_add(&x, ",6)");
    amount_cell(s, t, C_INI + i, er_xstr_get(&x), totals[i]);
  }
  /* 执行率 = 全年执行数 ÷ 全年预算数 on every row */
  for (int r = 0; r < ER_FORM_ROWS; r++) {
    int y = k.rows[r];
    er_xstr_clear(&x);
    er_xstr_add(&x, "=IF(");
    er_xstr_cell(&x, y, C_BUD, false);
    er_xstr_add(&x, "=0,\"—\",ROUND(");
    er_xstr_cell(&x, y, C_SPENT, false);
    er_xstr_add(&x, "/");
    er_xstr_cell(&x, y, C_BUD, false);
    er_xstr_add(&x, ",8))");
    if (form->rows[r].rate_defined)
      er_xsheet_formula_percent(s, y, C_RATE, C_RATE, er_xstr_get(&x), form->rows[r].rate, f->rate);
    else
      er_xsheet_formula_text(s, y, C_RATE, C_RATE, er_xstr_get(&x), "—", f->dash);
    if (r != ER_FORM_ALL) {
      dash(s, y, C_W);
      dash(s, y, C_SC);
    }
  }
  /* 分值 and 得分: the execution leaf's on the 评分表, else 执行率 × 分值 */
  const er_xcell *leaf = form->execution ? er_xbook_find_cell(b, form->execution) : NULL;
  lxw_format *sfmt = form->execution && form->execution->result.places == 3 ? f->score3 : f->score2;
  if (leaf) {
    er_xstr_clear(&x);
    er_xstr_add(&x, "=");
    ref(&x, ER_X_SHEET_SCORE, leaf->row, b->score_col_weight);
    er_xsheet_formula(s, t, C_W, C_W, er_xstr_get(&x), form->funds_weight, f->weight);
    er_xstr_clear(&x);
    er_xstr_add(&x, "=");
    ref(&x, ER_X_SHEET_SCORE, leaf->row, leaf->col);
    er_xsheet_formula(s, t, C_SC, C_SC, er_xstr_get(&x), form->funds_score, sfmt);
  } else {
    er_xsheet_number(s, t, C_W, C_W, form->funds_weight, f->in_weight);
    er_xstr_clear(&x);
    er_xstr_add(&x, "=IF(ISNUMBER(");
    er_xstr_cell(&x, t, C_RATE, false);
    er_xstr_add(&x, "),ROUND(MIN(ROUND(");
    er_xstr_cell(&x, t, C_RATE, false);
    er_xstr_add(&x, ",6),1)*");
    er_xstr_cell(&x, t, C_W, false);
    er_xstr_add(&x, ",6),0)");
    er_xsheet_formula(s, t, C_SC, C_SC, er_xstr_get(&x), form->funds_score, sfmt);
  }
  static const char *const keys[] = {"funds:all", "funds:current", "funds:carryover",
                                     "funds:other"};
  for (int r = 0; r < ER_FORM_ROWS; r++)
    er_xsheet_text(s, k.rows[r], c->key, k.rows[r], c->key, keys[r], f->text, ER_X_BODY_PT);
  er_xsheet_text(s, row, c->key, row, c->key, NULL, f->text, ER_X_BODY_PT);
  er_xstr_free(&x);
  return k;
}

/* ---- the indicator block --------------------------------------------------------------- */

/* 得分 of a target row, as a formula over its own cells where the form
 * computes it. */
static void target_score(er_xsheet *s, const cols *c, int row, const er_form_target *x) {
  er_xbook *b = s->book;
  const er_xfmt *f = &b->f;
  er_xstr e = {0};
  lxw_format *fmt = x->leaf && x->leaf->result.places == 3 ? f->score3 : f->score2;
  const er_xcell *leaf = x->leaf ? er_xbook_find_cell(b, x->leaf) : NULL;
  switch (x->basis) {
  case ER_FORM_BY_LEAF:
    if (leaf) {
      er_xstr_add(&e, "=");
      ref(&e, ER_X_SHEET_SCORE, leaf->row, leaf->col);
      er_xsheet_formula(s, row, c->score, c->score, er_xstr_get(&e), x->score, fmt);
    } else
      er_xsheet_number(s, row, c->score, c->score, x->score, fmt);
    break;
  case ER_FORM_BY_SCORE:
    er_xsheet_number(s, row, c->score, c->score, x->score, f->in_score2);
    break;
  case ER_FORM_BY_RATIO: {
    char a[16], g[16], w[16];
    er_xstr cell = {0};
    er_xstr_cell(&cell, row, c->actual, false);
    snprintf(a, sizeof a, "%s", er_xstr_get(&cell));
    er_xstr_clear(&cell);
    er_xstr_cell(&cell, row, c->target, false);
    snprintf(g, sizeof g, "%s", er_xstr_get(&cell));
    er_xstr_clear(&cell);
    er_xstr_cell(&cell, row, c->weight, false);
    snprintf(w, sizeof w, "%s", er_xstr_get(&cell));
    er_xstr_free(&cell);
    /* the engine: the quotient to six places, capped at 1, times 分值 */
    if (x->target.cmp == ER_CMP_LE || x->target.cmp == ER_CMP_LT)
      er_xstr_add(&e, "=IF(%s=0,%s,ROUND(MIN(ROUND(%s/%s,6),1)*%s,6))", a, w, g, a, w);
    else if (x->target.cmp == ER_CMP_EQ)
      er_xstr_add(&e, "=IF(%s=%s,%s,ROUND(MIN(ROUND(MIN(%s,%s)/MAX(%s,%s),6),1)*%s,6))", a, g, w, a,
                  g, a, g, w);
    else
      er_xstr_add(&e, "=IF(%s=0,%s,ROUND(MIN(ROUND(%s/%s,6),1)*%s,6))", g, w, a, g, w);
    er_xsheet_formula(s, row, c->score, c->score, er_xstr_get(&e), x->score, fmt);
    break;
  }
  case ER_FORM_BY_MET:
    er_xstr_add(&e, "=");
    er_xstr_cell(&e, row, c->weight, false);
    er_xsheet_formula(s, row, c->score, c->score, er_xstr_get(&e), x->score, fmt);
    break;
  default:
    dash(s, row, c->score);
    break;
  }
  er_xstr_free(&e);
}

static void write_target(er_xsheet *s, const cols *c, int row, size_t i, const er_form_target *x,
                         bool sichuan) {
  er_xbook *b = s->book;
  const er_xfmt *f = &b->f;
  const er_target *t = x->t;
  er_xsheet_text(s, row, c->l3, row, c->l3, t->name.s, f->center, ER_X_BODY_PT);
  if (sichuan) {
    er_xsheet_text(s, row, c->nature, row, c->nature, er_form_nature(x), f->center, ER_X_BODY_PT);
    er_xsheet_text(s, row, c->unit, row, c->unit, er_form_unit(x), f->center, ER_X_BODY_PT);
  }
  er_xsheet_measure(s, row, c->target, t->target.s, &x->target, x->target_places,
                    sichuan && er_form_bare(x, &x->target));
  er_xsheet_measure(s, row, c->actual, t->actual.s, &x->actual, x->actual_places,
                    sichuan && er_form_bare(x, &x->actual));
  const er_xcell *leaf = x->leaf ? er_xbook_find_cell(b, x->leaf) : NULL;
  if (leaf) {
    er_xstr e = {0};
    er_xstr_add(&e, "=");
    ref(&e, ER_X_SHEET_SCORE, leaf->row, b->score_col_weight);
    er_xsheet_formula(s, row, c->weight, c->weight, er_xstr_get(&e), x->weight, f->weight);
    er_xstr_free(&e);
  } else if (x->weighted)
    er_xsheet_number(s, row, c->weight, c->weight, x->weight, f->in_weight);
  else
    dash(s, row, c->weight);
  target_score(s, c, row, x);
  er_xsheet_text(s, row, c->deviation, row, c->deviation, t->deviation.s, f->in_text, ER_X_BODY_PT);
  char key[32];
  if (x->leaf && x->leaf->code.s)
    snprintf(key, sizeof key, "%s", x->leaf->code.s);
  else
    snprintf(key, sizeof key, "target:%zu", i + 1);
  er_xsheet_text(s, row, c->key, row, c->key, key, f->text, ER_X_BODY_PT);
}

static bool same(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* 一级 and 二级 merged down their runs of equal names. */
static void write_levels(er_xsheet *s, const cols *c, int first, const er_form *form) {
  size_t n = form->ntargets;
  er_xowner *grid = calloc(2 * n + 1, sizeof *grid);
  if (!grid)
    abort();
  const void *key1 = NULL, *key2 = NULL;
  for (size_t i = 0; i < n; i++) {
    const er_target *t = form->targets[i].t;
    const er_target *prev = i ? form->targets[i - 1].t : NULL;
    if (!prev || !same(prev->level1.s, t->level1.s))
      key1 = t, key2 = &t->level2;
    else if (!same(prev->level2.s, t->level2.s))
      key2 = &t->level2;
    grid[2 * i] = (er_xowner){t->level1.s ? key1 : NULL, t->level1.s, NULL};
    grid[2 * i + 1] = (er_xowner){t->level2.s ? key2 : NULL, t->level2.s, NULL};
  }
  er_xsheet_grid(s, first, c->l1, (int)n, 2, grid, s->book->f.center);
  free(grid);
}

static void set_widths(er_xsheet *s, const cols *c, const er_form *form, bool sichuan) {
  size_t n = form->ntargets;
  const char **names = calloc(n + 1, sizeof *names), **values = calloc(2 * n + 1, sizeof *values),
             **notes = calloc(n + 1, sizeof *notes);
  if (!names || !values || !notes)
    abort();
  size_t nv = 0, nn = 0;
  for (size_t i = 0; i < n; i++) {
    const er_target *t = form->targets[i].t;
    names[i] = t->name.s;
    values[nv++] = t->target.s;
    values[nv++] = t->actual.s;
    if (t->deviation.s)
      notes[nn++] = t->deviation.s;
  }
  er_xsheet_col(s, c->label, 10);
  er_xsheet_col(s, c->l1, 9);
  er_xsheet_col(s, c->l2, 11);
  er_xsheet_col(s, c->weight, 7);
  er_xsheet_col(s, c->score, 9);
  if (sichuan) {
    er_xsheet_col(s, c->nature, 6);
    er_xsheet_col(s, c->unit, 7);
  }
  double want[3] = {er_xfit_width(names, n, ER_X_BODY_PT, 12, 60),
                    er_xfit_width(values, nv, ER_X_BODY_PT, 12, 60),
                    er_xfit_width(notes, nn, ER_X_BODY_PT, 12, 60)},
         got[3];
  er_xshare_widths(want, 3, sichuan ? 44 : 58, 12, got);
  er_xsheet_col(s, c->l3, got[0]);
  er_xsheet_col(s, c->target, got[1]);
  er_xsheet_col(s, c->actual, got[1]);
  er_xsheet_col(s, c->deviation, got[2]);
  er_xsheet_col(s, c->key, 8);
  er_xsheet_hide_col(s, c->key);
  free(names);
  free(values);
  free(notes);
}

/* Paragraphs joined, or NULL when there are none. */
static char *prose_or_null(const er_prose *p) {
  char *text = er_xprose(p);
  if (text && !*text) {
    free(text);
    text = NULL;
  }
  return text;
}

/* Sichuan's form ends with 结论, 问题 and 改进措施; 结论 without the data's
 * own is the form's total and grade, live. */
static int write_closing(er_xsheet *s, const cols *c, int row, int total_row, int grade_row,
                         const er_form *form) {
  const er_eval *ev = s->book->ev;
  const er_xfmt *f = &s->book->f;
  char *conclusion = prose_or_null(&ev->narrative.conclusion);
  er_xstr problems = {0}, measures = {0};
  for (size_t i = 0; i < ev->problems.count; i++) {
    const er_finding_item *p = &ev->problems.items[i];
    const char *first = p->title.s ? p->title.s
                                   : (p->text.count && p->text.items[0].paras.count
                                          ? p->text.items[0].paras.items[0].s
                                          : "");
    er_xstr_add(&problems, "%s%zu.%s", i ? "\n" : "", i + 1, first ? first : "");
  }
  char *improvement = prose_or_null(&ev->narrative.improvement);
  if (improvement)
    er_xstr_add(&measures, "%s", improvement);
  else
    for (size_t i = 0; i < ev->recommendations.count; i++) {
      const er_finding_item *p = &ev->recommendations.items[i];
      const char *first = p->title.s ? p->title.s
                                     : (p->text.count && p->text.items[0].paras.count
                                            ? p->text.items[0].paras.items[0].s
                                            : "");
      er_xstr_add(&measures, "%s%zu.%s", i ? "\n" : "", i + 1, first ? first : "");
    }
  const char *labels[] = {form->labels[ER_FL_CONCLUSION], form->labels[ER_FL_PROBLEMS],
                          form->labels[ER_FL_IMPROVEMENT]};
  const char *texts[] = {conclusion, problems.len ? problems.s : "无。",
                         measures.len ? measures.s : "无。"};
  for (int i = 0; i < 3; i++, row++) {
    er_xsheet_text(s, row, c->label, row, c->label, labels[i], f->center, ER_X_BODY_PT);
    if (texts[i]) {
      er_xsheet_text(s, row, c->l1, row, c->deviation, texts[i], f->in_text, ER_X_BODY_PT);
      continue;
    }
    /* "综合得分99.84分，评价等级为优。", the score as the report writes it */
    er_xstr x = {0}, t = {0};
    er_xstr_cell(&t, total_row, c->score, false);
    const char *tc = er_xstr_get(&t);
    er_xstr_add(&x,
                "=\"综合得分\"&IF(ROUND(%s,2)=INT(ROUND(%s,2)),TEXT(%s,\"0\"),TEXT(%s,\"0.00\"))"
                "&\"分，评价等级为\"&",
                tc, tc, tc, tc);
    er_xstr_cell(&x, grade_row, c->weight, false);
    er_xstr_add(&x, "&\"。\"");
    char score[ER_DEC_BUFSIZE], cached[160];
    er_dec shown = er_dec_round(form->total, 2);
    er_dec_format(shown, er_dec_is_integer(shown) ? 0 : 2, score);
    const char *grade = er_grade_for(ev, form->total);
    snprintf(cached, sizeof cached, "综合得分%s分，评价等级为%s。", score, grade ? grade : "");
    er_xsheet_formula_text(s, row, c->l1, c->deviation, er_xstr_get(&x), cached, f->text);
    er_xsheet_min_height(s, row, 24);
    er_xstr_free(&x);
    er_xstr_free(&t);
  }
  free(conclusion);
  free(improvement);
  er_xstr_free(&problems);
  er_xstr_free(&measures);
  return row;
}

void er_xsheet_self_write(er_xbook *b) {
  const er_eval *ev = b->ev;
  const er_xfmt *f = &b->f;
  er_arena arena = {0};
  er_form form;
  er_form_build(ev, &arena, &form);
  bool sichuan = form.profile == ER_FORM_SICHUAN;
  cols c = layout(sichuan);
  er_xsheet s;
  if (!er_xsheet_open(&s, b, ER_X_SHEET_SELF, c.n)) {
    er_xbook_ok(b, LXW_ERROR_NULL_PARAMETER_IGNORED, ER_X_SHEET_SELF);
    er_arena_free(&arena);
    return;
  }
  set_widths(&s, &c, &form, sichuan);

  er_xsheet_text(&s, 0, 0, 0, c.deviation, form.labels[ER_FL_TITLE], f->title, ER_X_TITLE_PT);
  er_xsheet_min_height(&s, 0, 32);
  char year[64] = "";
  if (ev->project.year.set)
    snprintf(year, sizeof year, "（%lld年度）",
             (long long)(ev->project.year.v.units / ER_DEC_SCALE));
  er_xsheet_text(&s, 1, 0, 1, c.deviation, year, f->info_center, ER_X_BODY_PT);
  er_xsheet_text(&s, 2, c.label, 2, c.label, form.labels[ER_FL_NAME], f->center, ER_X_BODY_PT);
  er_xsheet_text(&s, 2, c.l1, 2, c.deviation, ev->project.name.s, f->text, ER_X_BODY_PT);
  er_xsheet_text(&s, 3, c.label, 3, c.label, form.labels[ER_FL_DEPARTMENT], f->center,
                 ER_X_BODY_PT);
  er_xsheet_text(&s, 3, c.l1, 3, c.l3, ev->project.department.s, f->text, ER_X_BODY_PT);
  er_xsheet_text(&s, 3, c.l3 + 1, 3, c.target, form.labels[ER_FL_IMPLEMENTER], f->center,
                 ER_X_BODY_PT);
  er_xsheet_text(&s, 3, c.target + 1, 3, c.deviation,
                 ev->project.implementer.s ? ev->project.implementer.s : ev->project.department.s,
                 f->text, ER_X_BODY_PT);

  block k = write_funds(&s, &c, 4, &form);

  int row = 9;
  char *overall = prose_or_null(&ev->targets.overall),
       *actual = prose_or_null(&ev->targets.overall_actual);
  int mid = c.actual;
  er_xsheet_text(&s, row, c.label, row + 1, c.label, form.labels[ER_FL_OVERALL], f->center,
                 ER_X_BODY_PT);
  er_xsheet_text(&s, row, c.l1, row, mid - 1, form.labels[ER_FL_EXPECTED], f->head, ER_X_BODY_PT);
  er_xsheet_text(&s, row, mid, row, c.deviation, form.labels[ER_FL_ACHIEVED], f->head,
                 ER_X_BODY_PT);
  er_xsheet_text(&s, row + 1, c.l1, row + 1, mid - 1, overall ? overall : "—", f->in_text,
                 ER_X_BODY_PT);
  er_xsheet_text(&s, row + 1, mid, row + 1, c.deviation, actual ? actual : "—", f->in_text,
                 ER_X_BODY_PT);
  free(overall);
  free(actual);

  int head = row + 2, first = head + 1;
  static const er_form_label national[] = {ER_FL_LEVEL1, ER_FL_LEVEL2,   ER_FL_LEVEL3,
                                           ER_FL_TARGET, ER_FL_ACTUAL,   ER_FL_WEIGHT,
                                           ER_FL_SCORE,  ER_FL_DEVIATION};
  static const er_form_label provincial[] = {
      ER_FL_LEVEL1, ER_FL_LEVEL2, ER_FL_LEVEL3, ER_FL_NATURE, ER_FL_TARGET,
      ER_FL_UNIT,   ER_FL_ACTUAL, ER_FL_WEIGHT, ER_FL_SCORE,  ER_FL_DEVIATION};
  const er_form_label *heads = sichuan ? provincial : national;
  for (int i = 0; i < c.n - 2; i++)
    er_xsheet_text(&s, head, c.l1 + i, head, c.l1 + i, form.labels[heads[i]], f->head,
                   ER_X_BODY_PT);
  er_xsheet_text(&s, head, c.key, head, c.key, "编码", f->head, ER_X_BODY_PT);
  size_t n = form.ntargets;
  write_levels(&s, &c, first, &form);
  int *rows = malloc((n + 1) * sizeof *rows);
  if (!rows)
    abort();
  for (size_t i = 0; i < n; i++) {
    rows[i] = first + (int)i;
    write_target(&s, &c, rows[i], i, &form.targets[i], sichuan);
  }
  int last = first + (int)n - 1;
  er_xsheet_text(&s, head, c.label, last > head ? last : head, c.label,
                 form.labels[ER_FL_INDICATORS], f->center, ER_X_BODY_PT);

  /* 总分 = the funds block's 得分 + the indicators' */
  int tr = last + 1, gr = tr + 1;
  er_xsheet_text(&s, tr, c.label, tr, c.actual, form.labels[ER_FL_TOTAL], f->tot_text,
                 ER_X_BODY_PT);
  er_xstr x = {0};
  int cols2[2] = {c.weight, c.score}, fcols[2] = {k.weight_col, k.score_col};
  er_dec cached[2] = {form.weight, form.total};
  lxw_format *fmts[2] = {f->tot_weight, f->tot_score};
  for (int i = 0; i < 2; i++) {
    er_xstr_clear(&x);
    er_xstr_add(&x, "=ROUND(");
    er_xstr_cell(&x, k.rows[ER_FORM_ALL], fcols[i], false);
    if (n) {
      er_xstr_add(&x, "+");
      er_xstr_sum_rows(&x, NULL, rows, n, cols2[i]);
    }
    er_xstr_add(&x, ",6)");
    er_xsheet_formula(&s, tr, cols2[i], cols2[i], er_xstr_get(&x), cached[i], fmts[i]);
  }
  er_xsheet_text(&s, tr, c.deviation, tr, c.deviation, NULL, f->tot_text, ER_X_BODY_PT);
  er_xsheet_text(&s, tr, c.key, tr, c.key, "TOTAL", f->text, ER_X_BODY_PT);

  er_xstr_clear(&x);
  er_xstr_add(&x, "评价等级（");
  er_xgrade_scheme_text(ev, &x);
  er_xstr_add(&x, "）");
  er_xsheet_text(&s, gr, c.label, gr, c.actual, er_xstr_get(&x), f->tot_text, ER_X_BODY_PT);
  er_xstr_clear(&x);
  er_xgrade_formula(ev, tr, c.score, &x);
  const char *grade = er_grade_for(ev, form.total);
  er_xsheet_formula_text(&s, gr, c.weight, c.score, er_xstr_get(&x), grade ? grade : "",
                         f->tot_text);
  er_xsheet_text(&s, gr, c.deviation, gr, c.deviation, NULL, f->tot_text, ER_X_BODY_PT);
  er_xsheet_text(&s, gr, c.key, gr, c.key, "GRADE", f->text, ER_X_BODY_PT);
  er_xstr_free(&x);
  if (sichuan)
    write_closing(&s, &c, gr + 1, tr, gr, &form);

  er_xpage page = {
      .landscape = sichuan, .repeat_first = head, .repeat_last = head, .freeze_row = 0};
  er_xsheet_finish(&s, &page);
  er_xsheet_protect(&s);
  er_xsheet_close(&s);
  free(rows);
  er_arena_free(&arena);
}
