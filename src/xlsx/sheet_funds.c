/* 资金情况: every fund item's sources (planned and arrived) and spending,
 * with its 小计 (SUM), 结转结余 = 到位 − 支出, 到位率 = 到位 ÷ 计划 and
 * 执行率 = 支出 ÷ 到位, and a 合计 row over all items. */
#include "xlsx/book.h"

#include "model/funds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  C_ITEM,
  C_KIND,
  C_NAME,
  C_LEVEL,
  C_INITIAL,
  C_PLANNED,
  C_ARRIVED,
  C_SPENT,
  C_BALANCE,
  C_ARRIVAL,
  C_EXECUTION,
  C_KEY,
  NCOLS
};

static const char *const heads[] = {"资金项目",   "收支",       "名称",   "级次",
                                    "年初预算数", "全年预算数", "到位数", "支出数",
                                    "结转结余",   "到位率",     "执行率", "编码"};

/* =IF(den=0,"",ROUND(num/den,8)): the engine's 到位率 and 执行率 are
 * percents of six places, fractions of eight. */
static void ratio(er_xsheet *s, int row, int col, int num_col, int den_col, er_dec num, er_dec den,
                  lxw_format *fmt) {
  er_xstr f = {0};
  er_xstr_add(&f, "=IF(");
  er_xstr_cell(&f, row, den_col, false);
  er_xstr_add(&f, "=0,\"\",ROUND(");
  er_xstr_cell(&f, row, num_col, false);
  er_xstr_add(&f, "/");
  er_xstr_cell(&f, row, den_col, false);
  er_xstr_add(&f, ",8))");
  if (er_dec_is_zero(den))
    er_xsheet_formula_text(s, row, col, col, er_xstr_get(&f), "", fmt);
  else
    er_xsheet_formula_percent(s, row, col, col, er_xstr_get(&f),
                              er_dec_div(er_dec_mul(num, er_dec_int(100)), den), fmt);
  er_xstr_free(&f);
}

static void sum(er_xsheet *s, int row, int col, const int *rows, size_t n, er_dec cached,
                lxw_format *fmt) {
  if (n == 0) {
    er_xsheet_number(s, row, col, col, cached, fmt);
    return;
  }
  er_xstr f = {0};
  er_xstr_add(&f, "=ROUND(");
  er_xstr_sum_rows(&f, NULL, rows, n, col);
  er_xstr_add(&f, ",6)");
  er_xsheet_formula(s, row, col, col, er_xstr_get(&f), cached, fmt);
  er_xstr_free(&f);
}

/* The row of sums: 小计 of an item over its rows, or 合计 over the items. */
static void sums_row(er_xsheet *s, int row, const int *rows, size_t n, const int *spend_rows,
                     size_t nspend, const er_fund_totals *t, bool total) {
  const er_xfmt *f = &s->book->f;
  lxw_format *amount = total ? f->tot_amount : f->sub_amount;
  lxw_format *rate = total ? f->tot_rate : f->sub_rate;
  sum(s, row, C_INITIAL, rows, n, t->initial, amount);
  sum(s, row, C_PLANNED, rows, n, t->planned, amount);
  sum(s, row, C_ARRIVED, rows, n, t->arrived, amount);
  sum(s, row, C_SPENT, spend_rows, nspend, t->spent, amount);
  er_xstr x = {0};
  er_xstr_add(&x, "=ROUND(");
  er_xstr_cell(&x, row, C_ARRIVED, false);
  er_xstr_add(&x, "-");
  er_xstr_cell(&x, row, C_SPENT, false);
  er_xstr_add(&x, ",6)");
  er_xsheet_formula(s, row, C_BALANCE, C_BALANCE, er_xstr_get(&x), t->balance, amount);
  er_xstr_free(&x);
  ratio(s, row, C_ARRIVAL, C_ARRIVED, C_PLANNED, t->arrived, t->planned, rate);
  ratio(s, row, C_EXECUTION, C_SPENT, C_ARRIVED, t->spent, t->arrived, rate);
}

static void blanks(er_xsheet *s, int row, int c0, int c1) {
  for (int c = c0; c <= c1; c++)
    er_xsheet_text(s, row, c, row, c, NULL, s->book->f.dash, ER_X_BODY_PT);
}

/* Writes one item's block from `row`; returns the row after it. */
static int write_item(er_xsheet *s, int row, size_t index, const er_fund_item *item) {
  const er_xfmt *f = &s->book->f;
  int first = row;
  size_t ns = item->sources.count, nx = item->spending.count;
  int *rows = malloc((ns + 1) * sizeof *rows), *srows = malloc((nx + 1) * sizeof *srows);
  if (!rows || !srows)
    abort();
  for (size_t i = 0; i < ns; i++, row++) {
    const er_source *src = &item->sources.items[i];
    rows[i] = row;
    s->book->source_rows[s->book->nsources++] = row;
    er_xsheet_text(s, row, C_NAME, row, C_NAME, er_source_label(src), f->text, ER_X_BODY_PT);
    const char *level =
        src->level.index >= 0 ? er_fund_level_names[src->level.index] : src->level.text.s;
    er_xsheet_text(s, row, C_LEVEL, row, C_LEVEL, level, f->center, ER_X_BODY_PT);
    er_xsheet_number(s, row, C_INITIAL, C_INITIAL,
                     src->initial.set ? src->initial.v : src->planned.v, f->in_amount);
    er_xsheet_number(s, row, C_PLANNED, C_PLANNED, src->planned.v, f->in_amount);
    er_xsheet_number(s, row, C_ARRIVED, C_ARRIVED, src->arrived.v, f->in_amount);
    blanks(s, row, C_SPENT, C_BALANCE);
    ratio(s, row, C_ARRIVAL, C_ARRIVED, C_PLANNED, src->arrived.v, src->planned.v, f->rate);
    blanks(s, row, C_EXECUTION, C_EXECUTION);
  }
  if (ns)
    er_xsheet_text(s, first, C_KIND, row - 1, C_KIND, "资金来源", f->center, ER_X_BODY_PT);
  int spend_first = row;
  for (size_t i = 0; i < nx; i++, row++) {
    const er_spending *sp = &item->spending.items[i];
    srows[i] = row;
    er_xsheet_text(s, row, C_NAME, row, C_LEVEL, sp->category.s, f->text, ER_X_BODY_PT);
    blanks(s, row, C_INITIAL, C_ARRIVED);
    er_xsheet_number(s, row, C_SPENT, C_SPENT, sp->amount.v, f->in_amount);
    blanks(s, row, C_BALANCE, C_EXECUTION);
  }
  if (nx)
    er_xsheet_text(s, spend_first, C_KIND, row - 1, C_KIND, "资金支出", f->center, ER_X_BODY_PT);

  er_fund_totals t;
  er_fund_item_totals(item, &t);
  er_xsheet_text(s, row, C_KIND, row, C_LEVEL, "小计", f->sub_text, ER_X_BODY_PT);
  sums_row(s, row, rows, ns, srows, nx, &t, false);
  char key[32];
  snprintf(key, sizeof key, "item:%zu", index + 1);
  er_xsheet_text(s, row, C_KEY, row, C_KEY, key, f->text, ER_X_BODY_PT);
  s->book->fund_rows[index] = row;
  er_xsheet_text(s, first, C_ITEM, row, C_ITEM, item->name.s, f->center, ER_X_BODY_PT);
  free(rows);
  free(srows);
  return row + 1;
}

void er_xsheet_funds_write(er_xbook *b) {
  const er_eval *ev = b->ev;
  const er_funds *funds = &ev->funds;
  er_xsheet s;
  if (!er_xsheet_open(&s, b, ER_X_SHEET_FUNDS, NCOLS)) {
    er_xbook_ok(b, LXW_ERROR_NULL_PARAMETER_IGNORED, ER_X_SHEET_FUNDS);
    return;
  }
  b->fund_rows = calloc(funds->items.count + 1, sizeof *b->fund_rows);
  size_t nsources = 0;
  for (size_t i = 0; i < funds->items.count; i++)
    nsources += funds->items.items[i].sources.count;
  b->source_rows = calloc(nsources + 1, sizeof *b->source_rows);
  if (!b->fund_rows || !b->source_rows)
    abort();
  const er_xfmt *f = &b->f;

  const char **names = calloc(funds->items.count + 1, sizeof *names);
  size_t nlabels = 0;
  for (size_t i = 0; i < funds->items.count; i++)
    nlabels += funds->items.items[i].sources.count + funds->items.items[i].spending.count;
  const char **labels = calloc(nlabels + 1, sizeof *labels);
  if (!names || !labels)
    abort();
  size_t k = 0;
  for (size_t i = 0; i < funds->items.count; i++) {
    const er_fund_item *item = &funds->items.items[i];
    names[i] = item->name.s;
    for (size_t j = 0; j < item->sources.count; j++)
      labels[k++] = er_source_label(&item->sources.items[j]);
    for (size_t j = 0; j < item->spending.count; j++)
      labels[k++] = item->spending.items[j].category.s;
  }
  er_xsheet_col(&s, C_ITEM, er_xfit_width(names, funds->items.count, ER_X_BODY_PT, 10, 18));
  er_xsheet_col(&s, C_KIND, 10);
  er_xsheet_col(&s, C_NAME, er_xfit_width(labels, k, ER_X_BODY_PT, 12, 22));
  er_xsheet_col(&s, C_LEVEL, 8);
  for (int c = C_INITIAL; c <= C_BALANCE; c++)
    er_xsheet_col(&s, c, 12);
  er_xsheet_col(&s, C_ARRIVAL, 10);
  er_xsheet_col(&s, C_EXECUTION, 10);
  er_xsheet_col(&s, C_KEY, 8);
  er_xsheet_hide_col(&s, C_KEY);
  free(names);
  free(labels);

  char unit[64];
  /* "…补助资金" + "来源及使用情况表", not "…资金资金…" */
  const char *name = ev->project.name.s ? ev->project.name.s : "";
  size_t len = strlen(name), tail = strlen("资金");
  bool ends = len >= tail && strcmp(name + len - tail, "资金") == 0;
  er_xstr title = {0};
  er_xstr_add(&title, "%s%s来源及使用情况表", name, ends ? "" : "资金");
  er_xsheet_text(&s, 0, 0, 0, C_EXECUTION, er_xstr_get(&title), f->title, ER_X_TITLE_PT);
  er_xstr_free(&title);
  er_xsheet_min_height(&s, 0, 32);
  snprintf(unit, sizeof unit, "单位：%s", funds->unit.index == 1 ? "元" : "万元");
  er_xsheet_text(&s, 1, C_ITEM, 1, C_LEVEL,
                 ev->project.department.s ? ev->project.department.s : "", f->info, ER_X_BODY_PT);
  er_xsheet_text(&s, 1, C_ARRIVED, 1, C_EXECUTION, unit, f->info_right, ER_X_BODY_PT);
  for (int c = 0; c < NCOLS; c++)
    er_xsheet_text(&s, 2, c, 2, c, heads[c], f->head, ER_X_BODY_PT);

  int row = 3;
  for (size_t i = 0; i < funds->items.count; i++)
    row = write_item(&s, row, i, &funds->items.items[i]);

  er_fund_totals t;
  er_funds_totals(funds, NULL, &t);
  er_xsheet_text(&s, row, C_ITEM, row, C_LEVEL, "合计", f->tot_text, ER_X_BODY_PT);
  sums_row(&s, row, b->fund_rows, funds->items.count, b->fund_rows, funds->items.count, &t, true);
  er_xsheet_text(&s, row, C_KEY, row, C_KEY, "total", f->text, ER_X_BODY_PT);
  b->funds_total_row = row;
  b->funds_col_initial = C_INITIAL;
  b->funds_col_planned = C_PLANNED;
  b->funds_col_arrived = C_ARRIVED;
  b->funds_col_spent = C_SPENT;
  b->has_funds_sheet = true;

  er_xpage page = {.landscape = true, .repeat_first = 2, .repeat_last = 2, .freeze_row = 3};
  er_xsheet_finish(&s, &page);
  er_xsheet_protect(&s);
  er_xsheet_close(&s);
}
