/* 评分表: the whole indicator tree as on a printed score sheet (seed 004,
 * 附件1). One row per leaf, upper levels as merged cells, a 小计 row for
 * every node that sums several children, and at the top the 总分 and the
 * 评价等级, all live formulas that carry the engine's values. */
#include "xlsx/book.h"

#include "model/funds.h"
#include "model/grow.h"
#include "model/score.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct srow {
  const er_indicator *node;
  bool subtotal; /* the 小计 row of node, else node is a leaf */
} srow;

typedef struct layout {
  srow *rows;
  size_t n, cap;
  int depth;                         /* level columns */
  int c_weight, c_point, c_criteria; /* columns after the levels */
  int c_score, c_rate, c_note, c_code;
  int first; /* first tree row */
  int total_row, grade_row;
  er_xstr *names; /* shown names that are not the data's own: 工作创新（加分项） */
  const er_indicator **named;
  size_t nnames;
  er_xptrmap row_of; /* node → its first row in rows */
} layout;

static const char *const level_heads[] = {"一级指标", "二级指标", "三级指标", "四级指标",
                                          "五级指标", "六级指标", "七级指标", "八级指标"};
#define MAX_DEPTH 8

static int tree_depth(const er_indicators *list) {
  int deepest = 0;
  for (size_t i = 0; i < list->count; i++) {
    int d = 1 + tree_depth(&list->items[i].children);
    if (d > deepest)
      deepest = d;
  }
  return deepest;
}

/* A node gets its own 小计 row when it sums something: a first-level node
 * always, any other when it has several children (or one that is not
 * worth the same). A node with one equal child shares that child's row,
 * as 目标内容（明确性） → 明确 does on the printed sheet. */
static bool own_row(const er_indicator *n) {
  if (n->children.count == 0)
    return false;
  return n->depth == 1 || n->children.count > 1 ||
         er_dec_cmp(n->children.items[0].weight.v, n->weight.v) != 0;
}

static void push(layout *L, const er_indicator *n, bool subtotal) {
  L->rows = er_grow(L->rows, L->n, &L->cap, sizeof *L->rows, 64);
  L->rows[L->n++] = (srow){n, subtotal};
}

static void collect(layout *L, const er_indicator *n) {
  if (n->children.count == 0) {
    push(L, n, false);
    return;
  }
  for (size_t i = 0; i < n->children.count; i++)
    collect(L, &n->children.items[i]);
  if (own_row(n))
    push(L, n, true);
}

/* Registers where every node's score stands: its own row, or for a node
 * that shares its only child's row, the child's. */
static void register_cells(er_xbook *b, const layout *L, const er_indicator *n) {
  for (size_t i = 0; i < n->children.count; i++)
    register_cells(b, L, &n->children.items[i]);
  if (n->children.count && !own_row(n)) {
    const er_xcell *c = er_xbook_find_cell(b, &n->children.items[0]);
    if (c)
      er_xbook_add_cell(b, n, c->row, c->col);
    return;
  }
  size_t r;
  if (er_xptrmap_get(&L->row_of, n, &r))
    er_xbook_add_cell(b, n, L->first + (int)r, L->c_score);
}

static const er_indicator *ancestor_at(const er_indicator *n, int depth) {
  while (n && n->depth > depth)
    n = n->parent;
  return n;
}

/* Whether a node's weight adds to its parent's: extra points are outside
 * the weights they add to, and a not-applicable one was dropped (its
 * siblings' weights were scaled up to fill the parent's). */
static bool in_weights(const er_indicator *n) { return !n->bonus.v && n->result.applicable; }

/* ---- texts -------------------------------------------------------------------------- */

/* A node's name as shown: an extra item says it is one. */
static const char *node_name(layout *L, const er_indicator *n) {
  if (!n->bonus.v)
    return n->name.s ? n->name.s : "";
  for (size_t i = 0; i < L->nnames; i++)
    if (L->named[i] == n)
      return er_xstr_get(&L->names[i]);
  er_xstr *x = realloc(L->names, (L->nnames + 1) * sizeof *x);
  const er_indicator **p =
      x ? realloc(L->named, (L->nnames + 1) * sizeof(const er_indicator *)) : NULL;
  if (!x || !p)
    abort();
  L->names = x;
  L->named = p;
  L->names[L->nnames] = (er_xstr){0};
  er_xstr_add(&L->names[L->nnames], "%s（加分项）", n->name.s ? n->name.s : "");
  L->named[L->nnames] = n;
  return er_xstr_get(&L->names[L->nnames++]);
}

static const char *num(er_dec v, char *buf) { return er_dec_format_trim(v, 6, buf); }

/* How the leaf's score was arrived at, under its evaluation point (the
 * printed sheet's "公式计算结果=x"). */
void er_xleaf_basis(const er_eval *ev, const er_indicator *n, er_xstr *x) {
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
  const er_scored *r = &n->result;
  switch (n->rule.index) {
  case ER_RULE_BANDS:
    if (n->value.set)
      er_xstr_add(x, "计算结果：x=%s%s%s%s%s", num(n->value.v, a), n->value.percent ? "%" : "",
                  r->label ? "（" : "", r->label ? r->label : "", r->label ? "）" : "");
    break;
  case ER_RULE_JUDGEMENT:
  case ER_RULE_QUALITATIVE:
    if (r->label)
      er_xstr_add(x, "评定：%s", r->label);
    if (r->label && n->rule.index == ER_RULE_QUALITATIVE && n->percent.set)
      er_xstr_add(x, "（%s%%）", num(n->percent.v, a));
    break;
  case ER_RULE_ROLLUP:
    for (size_t i = 0; i < n->groups.count; i++) {
      const er_rollup_group *g = &n->groups.items[i];
      er_dec sum = er_dec_zero();
      for (size_t j = 0; j < g->scores.count; j++)
        sum = er_dec_add(sum, g->scores.items[j].v);
      if (g->scores.count)
        er_xstr_add(
            x, "%s%s平均 %s", i ? "，" : "", g->name.s ? g->name.s : "",
            er_dec_format_trim(er_dec_div(sum, er_dec_int((int64_t)g->scores.count)), 2, a));
    }
    break;
  case ER_RULE_RATIO:
    if (n->actual.set && n->target.set)
      er_xstr_add(x, "实际值 %s，目标值 %s", num(n->actual.v, a), num(n->target.v, b));
    break;
  case ER_RULE_EXECUTION: {
    er_fund_totals t;
    if (er_funds_totals(&ev->funds, n->fund.s, &t) && t.execution_defined)
      er_xstr_add(x, "执行率 %s%%", er_dec_format(t.execution_rate, 2, a));
    break;
  }
  case ER_RULE_SATISFACTION:
    for (size_t i = 0; i < n->responses.count; i++)
      er_xstr_add(x, "%s%s %s 人", i ? "，" : "调查：", n->responses.items[i].level.s,
                  num(n->responses.items[i].count.v, a));
    if (r->valid)
      er_xstr_add(x, "；满意度 %s%%",
                  er_dec_format(er_dec_mul(r->fraction, er_dec_int(100)), 2, a));
    break;
  case ER_RULE_CHECKLIST: {
    size_t met = 0;
    for (size_t i = 0; i < n->items.count; i++)
      met += n->items.items[i].met.v;
    if (n->items.count)
      er_xstr_add(x, "符合 %zu/%zu 项", met, n->items.count);
    break;
  }
  default:
    break;
  }
}

/* The 评分标准 of a leaf with no `criteria`: its rule written out. */
static void criteria(const er_eval *ev, const er_indicator *n, er_xstr *x) {
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
  switch (n->rule.index) {
  case ER_RULE_BANDS: {
    const er_bands *bands = er_indicator_bands(ev, n);
    for (size_t i = 0; bands && i < bands->count; i++) {
      const er_band *bd = &bands->items[i];
      er_xstr_add(x, "%s%s（%s）：%s", i ? "；" : "", bd->label.s ? bd->label.s : "",
                  num(bd->fraction.v, a), bd->when.s ? bd->when.s : "");
    }
    break;
  }
  case ER_RULE_JUDGEMENT: {
    const er_named_nums *levels = NULL;
    if (n->levels.set && n->levels.name.s) {
      const er_scale *s = er_find_scale(ev, n->levels.name.s);
      levels = s ? &s->levels : NULL;
    } else if (n->levels.set)
      levels = &n->levels.levels;
    if (!levels) {
      er_xstr_add(x, "好（1）；较好（0.8）；一般（0.5）；较差（0.3）；差（0）");
      break;
    }
    for (size_t i = 0; i < levels->count; i++)
      er_xstr_add(x, "%s%s（%s）", i ? "；" : "", levels->items[i].name.s,
                  num(levels->items[i].value.v, a));
    break;
  }
  case ER_RULE_RATIO:
    er_xstr_add(x,
                n->direction.index == 1 ? "得分＝目标值÷实际值×分值" : "得分＝实际值÷目标值×分值");
    er_xstr_add(x, "，比值最高 %s", n->cap.set ? num(n->cap.v, a) : "1");
    break;
  case ER_RULE_EXECUTION:
    er_xstr_add(x, "得分＝预算执行率×分值，最高为分值");
    break;
  case ER_RULE_QUALITATIVE:
    er_xstr_add(x, "达成：80%%–100%%；部分达成：60%%–80%%；未达成：0–60%%（×分值）");
    break;
  case ER_RULE_DEDUCTIONS:
    er_xstr_add(x, "按扣分项扣分，扣完为止");
    break;
  case ER_RULE_CHECKLIST:
    for (size_t i = 0; i < n->items.count; i++)
      er_xstr_add(x, "%s%s（%s分）", i ? "；" : "", n->items.items[i].name.s,
                  num(n->items.items[i].points.v, a));
    break;
  case ER_RULE_SATISFACTION:
    er_xstr_add(x, "满意度＝∑nᵢpᵢ/∑nᵢ×分值");
    for (size_t i = 0; i < n->responses.count; i++)
      er_xstr_add(x, "%s%s（%s）", i ? "，" : "；", n->responses.items[i].level.s,
                  num(n->responses.items[i].weight.v, a));
    break;
  case ER_RULE_ROLLUP:
    er_xstr_add(x, "得分＝∑（占比×平均分）÷%s×分值", n->out_of.set ? num(n->out_of.v, b) : "100");
    for (size_t i = 0; i < n->groups.count; i++)
      er_xstr_add(x, "%s%s %s%%", i ? "，" : "；", n->groups.items[i].name.s,
                  num(n->groups.items[i].share.v, a));
    break;
  default:
    break;
  }
}

/* ---- cells ---------------------------------------------------------------------------- */

/* 得分率 = the score as printed beside it (rounded to `shown` places) ÷
 * the weight, so that a reader redoing it with the printed figures gets
 * the same (41.38 ÷ 50 = 82.76%, not 82.75% from 41.375). */
static void rate_formula(er_xsheet *s, const layout *L, int row, er_dec score, er_dec weight,
                         int shown, lxw_format *fmt) {
  er_xstr f = {0};
  er_xstr_add(&f, "=IF(");
  er_xstr_cell(&f, row, L->c_weight, false);
  er_xstr_add(&f, "=0,\"\",ROUND(ROUND(");
  er_xstr_cell(&f, row, L->c_score, false);
  er_xstr_add(&f, ",%d)/", shown);
  er_xstr_cell(&f, row, L->c_weight, false);
  er_xstr_add(&f, ",8))");
  if (er_dec_is_zero(weight))
    er_xsheet_formula_text(s, row, L->c_rate, L->c_rate, er_xstr_get(&f), "", fmt);
  else {
    er_dec percent = er_dec_div(er_dec_mul(er_dec_round(score, shown), er_dec_int(100)), weight);
    er_xsheet_formula_percent(s, row, L->c_rate, L->c_rate, er_xstr_get(&f), percent, fmt);
  }
  er_xstr_free(&f);
}

/* The execution leaf's score over 资金情况: min(支出 ÷ 到位, 1) × 分值, with
 * the engine's roundings (a percent of six places, a fraction of six). */
static bool execution_formula(er_xbook *b, const layout *L, int row, const er_indicator *n,
                              er_xstr *x) {
  const er_eval *ev = b->ev;
  if (!b->has_funds_sheet)
    return false;
  int frow = b->funds_total_row;
  if (n->fund.s) {
    frow = -1;
    for (size_t i = 0; i < ev->funds.items.count; i++)
      if (ev->funds.items.items[i].name.s &&
          strcmp(ev->funds.items.items[i].name.s, n->fund.s) == 0)
        frow = b->fund_rows[i];
  }
  if (frow < 0)
    return false;
  er_xstr spent = {0}, arrived = {0};
  er_xstr_add(&spent, "'%s'!", ER_X_SHEET_FUNDS);
  er_xstr_cell(&spent, frow, b->funds_col_spent, false);
  er_xstr_add(&arrived, "'%s'!", ER_X_SHEET_FUNDS);
  er_xstr_cell(&arrived, frow, b->funds_col_arrived, false);
  er_xstr_add(x, "=IF(%s=0,0,ROUND(MIN(ROUND(ROUND(%s/%s,8),6),1)*", er_xstr_get(&arrived),
              er_xstr_get(&spent), er_xstr_get(&arrived));
  er_xstr_cell(x, row, L->c_weight, false);
  er_xstr_add(x, ",6))");
  er_xstr_free(&spent);
  er_xstr_free(&arrived);
  return true;
}

/* An editable leaf score: validated to 0..weight, marked when below it. */
static void leaf_score(er_xsheet *s, const layout *L, int row, const er_indicator *n) {
  const er_xfmt *f = &s->book->f;
  lxw_format *fmt = n->result.places == 3 ? f->in_score3 : f->in_score2;
  er_xstr x = {0};
  if (n->rule.index == ER_RULE_EXECUTION && n->result.valid &&
      execution_formula(s->book, L, row, n, &x)) {
    /* computed from the funds: a formula, not an input */
    er_xsheet_formula(s, row, L->c_score, L->c_score, er_xstr_get(&x), n->result.score,
                      n->result.places == 3 ? f->score3 : f->score2);
    er_xstr_free(&x);
    return;
  }
  er_xstr_free(&x);
  if (n->result.valid)
    er_xsheet_number(s, row, L->c_score, L->c_score, n->result.score, fmt);
  else
    er_xsheet_text(s, row, L->c_score, row, L->c_score, NULL, fmt, ER_X_BODY_PT);

  /* 0 to the weight in its cell, so that an edited weight moves the bound */
  er_xstr max = {0};
  er_xstr_add(&max, "=");
  er_xstr_cell(&max, row, L->c_weight, true);
  lxw_data_validation dv = {
      .validate = LXW_VALIDATION_TYPE_DECIMAL_FORMULA,
      .criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
      .minimum_formula = "=0",
      .maximum_formula = max.s,
      .input_title = "评价得分",
      .input_message = "请输入 0 到本指标分值之间的得分。",
      .error_title = "得分超出范围",
      .error_message = "得分应在 0 到本指标分值（本行“分值”）之间。",
      .error_type = LXW_VALIDATION_ERROR_TYPE_STOP,
  };
  er_xbook_ok(s->book,
              worksheet_data_validation_cell(s->ws, (lxw_row_t)row, (lxw_col_t)L->c_score, &dv),
              s->name);
  er_xstr_free(&max);

  er_xstr ref = {0};
  er_xstr_cell(&ref, row, L->c_weight, true);
  lxw_conditional_format cf = {
      .type = LXW_CONDITIONAL_TYPE_CELL,
      .criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN,
      .value_string = ref.s,
      .format = f->deducted,
  };
  er_xbook_ok(s->book,
              worksheet_conditional_format_cell(s->ws, (lxw_row_t)row, (lxw_col_t)L->c_score, &cf),
              s->name);
  er_xstr_free(&ref);
}

static void write_leaf(er_xsheet *s, const layout *L, int row, const er_indicator *n) {
  const er_eval *ev = s->book->ev;
  const er_xfmt *f = &s->book->f;
  /* the weight the scheme gives it after not-applicable siblings were
   * dropped (the data's otherwise) */
  er_xsheet_number(s, row, L->c_weight, L->c_weight, n->result.weight, f->in_weight);

  er_xstr point = {0}, how = {0}, crit = {0};
  er_xleaf_basis(ev, n, &how);
  er_xstr_add(&point, "%s%s%s", n->point.s ? n->point.s : "", n->point.s && how.len ? "\n" : "",
              er_xstr_get(&how));
  if (n->criteria.s)
    er_xstr_add(&crit, "%s", n->criteria.s);
  else
    criteria(ev, n, &crit);
  er_xsheet_text(s, row, L->c_point, row, L->c_point, er_xstr_get(&point), f->text, ER_X_BODY_PT);
  er_xsheet_text(s, row, L->c_criteria, row, L->c_criteria, er_xstr_get(&crit), f->text,
                 ER_X_BODY_PT);
  er_xstr_free(&point);
  er_xstr_free(&how);
  er_xstr_free(&crit);

  leaf_score(s, L, row, n);
  rate_formula(s, L, row, n->result.score, n->result.weight, n->result.places, f->rate);
  /* the data's note, the engine's (deductions, 未扣分), else what was lost */
  const char *note = n->result.valid ? n->result.note : "无法评分，请检查数据";
  char lost[64];
  bool bonus = false;
  for (const er_indicator *a = n; a; a = a->parent)
    bonus |= a->bonus.v;
  if (!note && !bonus && er_dec_cmp(n->result.score, n->result.weight) < 0) {
    char pts[ER_DEC_BUFSIZE];
    snprintf(
        lost, sizeof lost, "扣%s分",
        er_dec_format_trim(er_dec_sub(n->result.weight, n->result.score), n->result.places, pts));
    note = lost;
  }
  er_xsheet_text(s, row, L->c_note, row, L->c_note, note, f->text, ER_X_BODY_PT);
}

static void write_subtotal(er_xsheet *s, const layout *L, int row, const er_indicator *n) {
  const er_xfmt *f = &s->book->f;
  er_xsheet_text(s, row, L->c_point, row, L->c_criteria, NULL, f->sub_text, ER_X_BODY_PT);
  int *rows = malloc((n->children.count ? n->children.count : 1) * sizeof *rows),
      *wrows = malloc((n->children.count ? n->children.count : 1) * sizeof *wrows);
  if (!rows || !wrows)
    abort();
  size_t k = 0, kw = 0;
  for (size_t i = 0; i < n->children.count; i++) {
    const er_xcell *c = er_xbook_find_cell(s->book, &n->children.items[i]);
    if (c) {
      rows[k++] = c->row;
      if (in_weights(&n->children.items[i]))
        wrows[kw++] = c->row;
    }
  }
  er_xstr sum = {0};
  /* the weight: the sum of the children's, so an edited weight flows up */
  if (kw) {
    er_xstr_add(&sum, "=ROUND(");
    er_xstr_sum_rows(&sum, NULL, wrows, kw, L->c_weight);
    er_xstr_add(&sum, ",6)");
    er_xsheet_formula(s, row, L->c_weight, L->c_weight, er_xstr_get(&sum), n->result.weight,
                      f->sub_weight);
    er_xstr_clear(&sum);
  } else
    er_xsheet_number(s, row, L->c_weight, L->c_weight, n->result.weight, f->sub_weight);
  free(wrows);
  er_xstr_add(&sum, "=ROUND(");
  er_xstr_sum_rows(&sum, NULL, rows, k, L->c_score);
  er_xstr_add(&sum, ",6)");
  er_xsheet_formula(s, row, L->c_score, L->c_score, er_xstr_get(&sum), n->result.score,
                    n->result.places == 3 ? f->sub_score3 : f->sub_score);
  er_xstr_free(&sum);
  free(rows);
  rate_formula(s, L, row, n->result.score, n->result.weight, n->result.places, f->sub_rate);
  er_xsheet_text(s, row, L->c_note, row, L->c_note, NULL, f->sub_text, ER_X_BODY_PT);
}

/* The level columns of the tree rows: ancestors merged down their rows, a
 * leaf across the levels it does not use, 小计 across the levels below. */
static void write_levels(er_xsheet *s, layout *L) {
  size_t D = (size_t)L->depth;
  er_xowner *grid = calloc(L->n * D + 1, sizeof *grid);
  if (!grid)
    abort();
  for (size_t r = 0; r < L->n; r++) {
    const srow *row = &L->rows[r];
    int d = row->node->depth;
    for (int k = 1; k <= d; k++) {
      const er_indicator *a = ancestor_at(row->node, k);
      size_t i = r * D + (size_t)(k - 1);
      grid[i].key = a;
      grid[i].text = node_name(L, a);
    }
    for (int c = d; c < L->depth; c++) {
      size_t i = r * D + (size_t)c;
      /* a leaf fills the levels it lacks; a 小计 spans the levels below its node */
      grid[i].key = row->subtotal ? (const void *)&row->node->result : (const void *)row->node;
      grid[i].text = row->subtotal ? "小计" : grid[r * D + (size_t)(d - 1)].text;
      grid[i].fmt = row->subtotal ? s->book->f.sub_text : NULL;
    }
  }
  er_xsheet_grid(s, L->first, 0, (int)L->n, L->depth, grid, s->book->f.center);
  free(grid);
}

void er_xgrade_formula(const er_eval *ev, int total_row, int score_col, er_xstr *f) {
  size_t count;
  const er_grade *g = er_grade_scheme(ev, &count);
  er_xstr total = {0};
  er_xstr_add(&total, "ROUND(");
  er_xstr_cell(&total, total_row, score_col, false);
  er_xstr_add(&total, ",2)");
  size_t open = 0;
  er_xstr_add(f, "=");
  for (size_t i = 0; i + 1 < count; i++) {
    if (!g[i].min.set)
      continue;
    char m[ER_DEC_BUFSIZE];
    er_xstr_add(f, "IF(%s>=%s,", er_xstr_get(&total), er_dec_format_trim(g[i].min.v, 6, m));
    er_xstr_quoted(f, g[i].name.s);
    er_xstr_add(f, ",");
    open++;
  }
  er_xstr_quoted(f, count ? g[count - 1].name.s : "");
  for (size_t i = 0; i < open; i++)
    er_xstr_add(f, ")");
  er_xstr_free(&total);
}

void er_xgrade_scheme_text(const er_eval *ev, er_xstr *x) {
  size_t count;
  const er_grade *g = er_grade_scheme(ev, &count);
  char m[ER_DEC_BUFSIZE];
  const er_grade *prev = NULL;
  for (size_t i = 0; i < count; i++) {
    const char *sep = prev ? "；" : "";
    if (i + 1 < count && g[i].min.set) {
      er_xstr_add(x, "%s%s≥%s", sep, g[i].name.s, er_dec_format_trim(g[i].min.v, 6, m));
      prev = &g[i];
    } else if (i + 1 == count)
      er_xstr_add(x, "%s%s%s%s", sep, g[i].name.s, prev ? "<" : "",
                  prev ? er_dec_format_trim(prev->min.v, 6, m) : "");
  }
}

static void write_totals(er_xsheet *s, const layout *L) {
  er_xbook *b = s->book;
  const er_eval *ev = b->ev;
  const er_xfmt *f = &b->f;
  int tr = L->total_row, gr = L->grade_row;
  size_t n1 = ev->indicators.count;
  int *wrows = malloc((n1 ? n1 : 1) * sizeof *wrows),
      *srows = malloc((n1 ? n1 : 1) * sizeof *srows);
  if (!wrows || !srows)
    abort();
  size_t nw = 0, ns = 0;
  for (size_t i = 0; i < n1; i++) {
    const er_indicator *n = &ev->indicators.items[i];
    const er_xcell *c = er_xbook_find_cell(b, n);
    if (!c)
      continue;
    srows[ns++] = c->row;
    if (in_weights(n))
      wrows[nw++] = c->row;
  }
  er_xsheet_text(s, tr, 0, tr, L->depth - 1, "总分", f->tot_text, ER_X_BODY_PT);
  er_xstr x = {0};
  er_xstr_add(&x, "=ROUND(");
  er_xstr_sum_rows(&x, NULL, wrows, nw, L->c_weight);
  er_xstr_add(&x, ",6)");
  er_xsheet_formula(s, tr, L->c_weight, L->c_weight, er_xstr_get(&x), ev->total_weight,
                    f->tot_weight);
  er_xsheet_text(s, tr, L->c_point, tr, L->c_criteria, NULL, f->tot_text, ER_X_BODY_PT);
  er_xstr_clear(&x);
  er_xstr_add(&x, "=ROUND(");
  er_xstr_sum_rows(&x, NULL, srows, ns, L->c_score);
  er_xstr_add(&x, ",6)");
  er_xsheet_formula(s, tr, L->c_score, L->c_score, er_xstr_get(&x), ev->total, f->tot_score);
  rate_formula(s, L, tr, ev->total, ev->total_weight, 2, f->tot_rate);
  er_xsheet_text(s, tr, L->c_note, tr, L->c_note, NULL, f->tot_text, ER_X_BODY_PT);
  er_xsheet_text(s, tr, L->c_code, tr, L->c_code, "TOTAL", f->text, ER_X_BODY_PT);

  er_xsheet_text(s, gr, 0, gr, L->depth - 1, "评价等级", f->tot_text, ER_X_BODY_PT);
  er_xstr_clear(&x);
  er_xgrade_scheme_text(ev, &x);
  er_xsheet_text(s, gr, L->c_weight, gr, L->c_criteria, er_xstr_get(&x), f->center, ER_X_BODY_PT);
  er_xstr_clear(&x);
  er_xgrade_formula(ev, tr, L->c_score, &x);
  er_xsheet_formula_text(s, gr, L->c_score, L->c_rate, er_xstr_get(&x), ev->grade, f->tot_text);
  er_xsheet_text(s, gr, L->c_note, gr, L->c_note, NULL, f->tot_text, ER_X_BODY_PT);
  er_xsheet_text(s, gr, L->c_code, gr, L->c_code, "GRADE", f->text, ER_X_BODY_PT);

  /* names a formula elsewhere can use: =总分, =评价等级 */
  er_xstr_clear(&x);
  er_xstr_add(&x, "='%s'!", ER_X_SHEET_SCORE);
  er_xstr_cell(&x, tr, L->c_score, true);
  er_xbook_ok(b, workbook_define_name(b->wb, "总分", er_xstr_get(&x)), "defined names");
  er_xstr_clear(&x);
  er_xstr_add(&x, "='%s'!", ER_X_SHEET_SCORE);
  er_xstr_cell(&x, gr, L->c_score, true);
  er_xbook_ok(b, workbook_define_name(b->wb, "评价等级", er_xstr_get(&x)), "defined names");
  er_xstr_free(&x);
  free(wrows);
  free(srows);
}

/* Column widths from the texts they hold. */
static void size_columns(er_xsheet *s, layout *L) {
  const char **texts = calloc(L->n + 1, sizeof *texts);
  if (!texts)
    abort();
  for (int c = 0; c < L->depth; c++) {
    size_t k = 0;
    for (size_t r = 0; r < L->n; r++) {
      const er_indicator *n = L->rows[r].node;
      /* a name in this column alone: an ancestor, or a leaf of the deepest level */
      const er_indicator *a = ancestor_at(n, c + 1);
      if (n->depth > c + 1 || (n->depth == c + 1 && c + 1 == L->depth))
        texts[k++] = node_name(L, a);
    }
    er_xsheet_col(s, c, er_xfit_width(texts, k, ER_X_BODY_PT, 10, 20));
  }
  size_t kp = 0, kc = 0, kn = 0;
  const char **points = calloc(L->n + 1, sizeof *points), **crits = calloc(L->n + 1, sizeof *crits);
  if (!points || !crits)
    abort();
  for (size_t r = 0; r < L->n; r++) {
    const er_indicator *n = L->rows[r].node;
    if (L->rows[r].subtotal)
      continue;
    if (n->point.s)
      points[kp++] = n->point.s;
    if (n->criteria.s)
      crits[kc++] = n->criteria.s;
    if (n->result.note)
      texts[kn++] = n->result.note;
  }
  er_xsheet_col(s, L->c_weight, 6);
  er_xsheet_col(s, L->c_point, er_xfit_width(points, kp, ER_X_BODY_PT, 24, 28));
  er_xsheet_col(s, L->c_criteria, er_xfit_width(crits, kc, ER_X_BODY_PT, 24, 30));
  er_xsheet_col(s, L->c_score, 10);
  er_xsheet_col(s, L->c_rate, 10);
  er_xsheet_col(s, L->c_note, er_xfit_width(texts, kn, ER_X_BODY_PT, 12, 18));
  er_xsheet_col(s, L->c_code, 8);
  er_xsheet_hide_col(s, L->c_code);
  free(points);
  free(crits);
  free(texts);
}

void er_xsheet_score_write(er_xbook *b) {
  const er_eval *ev = b->ev;
  layout L = {0};
  L.depth = tree_depth(&ev->indicators);
  if (L.depth < 1)
    L.depth = 1;
  if (L.depth > MAX_DEPTH)
    L.depth = MAX_DEPTH;
  L.c_weight = L.depth;
  L.c_point = L.depth + 1;
  L.c_criteria = L.depth + 2;
  L.c_score = L.depth + 3;
  L.c_rate = L.depth + 4;
  L.c_note = L.depth + 5;
  L.c_code = L.depth + 6;
  L.total_row = 3;
  L.grade_row = 4;
  L.first = 5;
  b->score_col_weight = L.c_weight;
  for (size_t i = 0; i < ev->indicators.count; i++)
    collect(&L, &ev->indicators.items[i]);
  for (size_t r = L.n; r-- > 0;) /* a node's first row */
    er_xptrmap_put(&L.row_of, L.rows[r].node, r);
  for (size_t i = 0; i < ev->indicators.count; i++)
    register_cells(b, &L, &ev->indicators.items[i]);
  er_xptrmap_free(&L.row_of);

  er_xsheet s;
  if (!er_xsheet_open(&s, b, ER_X_SHEET_SCORE, L.c_code + 1)) {
    er_xbook_ok(b, LXW_ERROR_NULL_PARAMETER_IGNORED, ER_X_SHEET_SCORE);
    free(L.rows);
    return;
  }
  size_columns(&s, &L);
  const er_xfmt *f = &b->f;
  bool self = ev->kind.index == ER_KIND_SELF;
  er_xstr title = {0}, left = {0}, right = {0};
  er_xstr_add(&title, "%s%s", ev->project.name.s ? ev->project.name.s : "",
              self ? "绩效自评指标评分表" : "绩效评价指标体系评分表");
  er_xsheet_text(&s, 0, 0, 0, L.c_note, er_xstr_get(&title), f->title, ER_X_TITLE_PT);
  er_xsheet_min_height(&s, 0, 32);
  const char *unit = ev->project.department.s ? ev->project.department.s : "";
  er_xstr_add(&left, "%s%s", *unit ? (self ? "填报单位：" : "项目单位：") : "", unit);
  const char *evaluator = self ? NULL : ev->project.evaluator.s;
  er_xstr_add(&right, "%s%s%s单位：分", evaluator ? "评价机构：" : "", evaluator ? evaluator : "",
              evaluator ? "　　" : "");
  er_xsheet_text(&s, 1, 0, 1, L.c_point, er_xstr_get(&left), f->info, ER_X_BODY_PT);
  er_xsheet_text(&s, 1, L.c_criteria, 1, L.c_note, er_xstr_get(&right), f->info_right,
                 ER_X_BODY_PT);
  er_xstr_free(&title);
  er_xstr_free(&left);
  er_xstr_free(&right);

  for (int c = 0; c < L.depth; c++)
    er_xsheet_text(&s, 2, c, 2, c, level_heads[c], f->head, ER_X_BODY_PT);
  er_xsheet_text(&s, 2, L.c_weight, 2, L.c_weight, "分值", f->head, ER_X_BODY_PT);
  er_xsheet_text(&s, 2, L.c_point, 2, L.c_point, "指标评价内容", f->head, ER_X_BODY_PT);
  er_xsheet_text(&s, 2, L.c_criteria, 2, L.c_criteria, "评分标准", f->head, ER_X_BODY_PT);
  er_xsheet_text(&s, 2, L.c_score, 2, L.c_score, self ? "自评得分" : "评价得分", f->head,
                 ER_X_BODY_PT);
  er_xsheet_text(&s, 2, L.c_rate, 2, L.c_rate, "得分率", f->head, ER_X_BODY_PT);
  er_xsheet_text(&s, 2, L.c_note, 2, L.c_note, "扣分说明", f->head, ER_X_BODY_PT);
  er_xsheet_text(&s, 2, L.c_code, 2, L.c_code, "编码", f->head, ER_X_BODY_PT);

  write_levels(&s, &L);
  for (size_t r = 0; r < L.n; r++) {
    int row = L.first + (int)r;
    const srow *sr = &L.rows[r];
    if (sr->subtotal) {
      write_subtotal(&s, &L, row, sr->node);
    } else
      write_leaf(&s, &L, row, sr->node);
    er_xsheet_text(&s, row, L.c_code, row, L.c_code, sr->node->code.s, f->text, ER_X_BODY_PT);
  }
  write_totals(&s, &L);

  er_xpage page = {.landscape = true, .repeat_first = 2, .repeat_last = 2, .freeze_row = L.first};
  er_xsheet_finish(&s, &page);
  er_xsheet_protect(&s);
  er_xsheet_close(&s);
  for (size_t i = 0; i < L.nnames; i++)
    er_xstr_free(&L.names[i]);
  free(L.names);
  free(L.named);
  free(L.rows);
}
