/* 绩效目标: the performance targets against what was achieved, with
 * 是否达成 (computed where target and actual are comparable numbers) and a
 * count of the targets met. */
#include "xlsx/book.h"

#include "model/expr.h"
#include "model/form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_L1, C_L2, C_NAME, C_TARGET, C_ACTUAL, C_MET, C_WEIGHT, C_DEVIATION, C_KEY, NCOLS };

/* 1 met, 0 not met, -1 unknown. */
static int target_met(const er_target *t) {
  if (t->target.s && t->actual.s) {
    er_measure target, actual;
    er_measure_parse(t->target.s, &target);
    er_measure_parse(t->actual.s, &actual);
    if (target.numeric && actual.numeric && target.percent == actual.percent &&
        strcmp(target.unit, actual.unit) == 0)
      return er_measure_met(&target, &actual);
  }
  return t->met.set ? t->met.v : -1;
}

static bool same(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

void er_xsheet_targets_write(er_xbook *b) {
  const er_eval *ev = b->ev;
  const er_targets *T = &ev->targets;
  const er_xfmt *f = &b->f;
  er_xsheet s;
  if (!er_xsheet_open(&s, b, ER_X_SHEET_TARGETS, NCOLS)) {
    er_xbook_ok(b, LXW_ERROR_NULL_PARAMETER_IGNORED, ER_X_SHEET_TARGETS);
    return;
  }
  size_t n = T->items.count;
  bool weights = false;
  const char **names = calloc(n + 1, sizeof *names), **values = calloc(2 * n + 1, sizeof *values),
             **notes = calloc(n + 1, sizeof *notes);
  if (!names || !values || !notes)
    abort();
  size_t nv = 0, nn = 0;
  for (size_t i = 0; i < n; i++) {
    const er_target *t = &T->items.items[i];
    weights |= t->weight.set;
    names[i] = t->name.s;
    values[nv++] = t->target.s;
    values[nv++] = t->actual.s;
    if (t->deviation.s)
      notes[nn++] = t->deviation.s;
  }
  er_xsheet_col(&s, C_L1, 10);
  er_xsheet_col(&s, C_L2, 12);
  er_xsheet_col(&s, C_NAME, er_xfit_width(names, n, ER_X_BODY_PT, 14, 30));
  double vw = er_xfit_width(values, nv, ER_X_BODY_PT, 12, 26);
  er_xsheet_col(&s, C_TARGET, vw);
  er_xsheet_col(&s, C_ACTUAL, vw);
  er_xsheet_col(&s, C_MET, 9);
  er_xsheet_col(&s, C_WEIGHT, weights ? 7 : 0.5);
  if (!weights)
    er_xsheet_hide_col(&s, C_WEIGHT);
  er_xsheet_col(&s, C_DEVIATION, er_xfit_width(notes, nn, ER_X_BODY_PT, 16, 28));
  er_xsheet_col(&s, C_KEY, 8);
  er_xsheet_hide_col(&s, C_KEY);
  free(values);
  free(notes);

  er_xstr title = {0};
  er_xstr_add(&title, "%s绩效目标完成情况表", ev->project.name.s ? ev->project.name.s : "");
  er_xsheet_text(&s, 0, 0, 0, C_DEVIATION, er_xstr_get(&title), f->title, ER_X_TITLE_PT);
  er_xstr_free(&title);
  er_xsheet_min_height(&s, 0, 32);
  er_xsheet_text(&s, 1, 0, 1, C_DEVIATION, ev->project.department.s, f->info, ER_X_BODY_PT);
  int row = 2;
  const er_prose *prose[] = {&T->overall, &T->overall_actual};
  static const char *const labels[] = {"年度总体目标", "实际完成情况"};
  for (int i = 0; i < 2; i++) {
    if (!prose[i]->count)
      continue;
    char *text = er_xprose(prose[i]);
    er_xsheet_text(&s, row, C_L1, row, C_L2, labels[i], f->head, ER_X_BODY_PT);
    er_xsheet_text(&s, row, C_NAME, row, C_DEVIATION, text, f->text, ER_X_BODY_PT);
    free(text);
    row++;
  }

  int head = row, first = row + 1;
  static const char *const heads[] = {
      "一级指标",   "二级指标", "三级指标", "年度指标值",
      "实际完成值", "是否达成", "分值",     "偏差原因分析及改进措施",
      "编码"};
  for (int c = 0; c < NCOLS; c++)
    er_xsheet_text(&s, head, c, head, c, heads[c], f->head, ER_X_BODY_PT);

  /* first and second level merged down their runs of equal names */
  er_xowner *grid = calloc(2 * n + 1, sizeof *grid);
  if (!grid)
    abort();
  const void *key1 = NULL, *key2 = NULL;
  size_t met = 0;
  for (size_t i = 0; i < n; i++) {
    const er_target *t = &T->items.items[i];
    const er_target *prev = i ? &T->items.items[i - 1] : NULL;
    if (!prev || !same(prev->level1.s, t->level1.s))
      key1 = t, key2 = &t->level2;
    else if (!same(prev->level2.s, t->level2.s))
      key2 = &t->level2;
    grid[2 * i] = (er_xowner){t->level1.s ? key1 : NULL, t->level1.s, NULL};
    grid[2 * i + 1] = (er_xowner){t->level2.s ? key2 : NULL, t->level2.s, NULL};

    int r = first + (int)i;
    er_xsheet_text(&s, r, C_NAME, r, C_NAME, t->name.s, f->text, ER_X_BODY_PT);
    er_measure mt = {0}, ma = {0};
    if (t->target.s)
      er_measure_parse(t->target.s, &mt);
    if (t->actual.s)
      er_measure_parse(t->actual.s, &ma);
    er_xsheet_measure(&s, r, C_TARGET, t->target.s, &mt, er_form_places(t->target.s), false);
    er_xsheet_measure(&s, r, C_ACTUAL, t->actual.s, &ma, er_form_places(t->actual.s), false);
    int m = target_met(t);
    met += m == 1;
    const char *shown = m == 1 ? "是" : m == 0 ? "否" : "—";
    if (mt.numeric && ma.numeric && mt.percent == ma.percent && strcmp(mt.unit, ma.unit) == 0) {
      /* comparable figures: 是否达成 follows them, as check computes it */
      static const char *const ops[] = {">=", "=", "<", "<=", ">", ">="};
      er_xstr x = {0};
      er_xstr_add(&x, "=IF(");
      er_xstr_cell(&x, r, C_ACTUAL, false);
      er_xstr_add(&x, "%s", ops[mt.cmp]);
      er_xstr_cell(&x, r, C_TARGET, false);
      er_xstr_add(&x, ",\"是\",\"否\")");
      er_xsheet_formula_text(&s, r, C_MET, C_MET, er_xstr_get(&x), shown, f->center);
      er_xstr_free(&x);
    } else
      er_xsheet_text(&s, r, C_MET, r, C_MET, shown, f->in_center, ER_X_BODY_PT);
    if (t->weight.set)
      er_xsheet_number(&s, r, C_WEIGHT, C_WEIGHT, t->weight.v, f->in_weight);
    else
      er_xsheet_text(&s, r, C_WEIGHT, r, C_WEIGHT, NULL, f->weight, ER_X_BODY_PT);
    er_xsheet_text(&s, r, C_DEVIATION, r, C_DEVIATION, t->deviation.s, f->text, ER_X_BODY_PT);
    char key[32];
    snprintf(key, sizeof key, "target:%zu", i + 1);
    er_xsheet_text(&s, r, C_KEY, r, C_KEY, key, f->text, ER_X_BODY_PT);
  }
  er_xsheet_grid(&s, first, C_L1, (int)n, 2, grid, f->center);
  free(grid);
  free(names);

  /* 达成情况: how many of the targets were met, counted live */
  int tr = first + (int)n;
  er_xsheet_text(&s, tr, C_L1, tr, C_ACTUAL, "达成指标数／指标总数", f->tot_text, ER_X_BODY_PT);
  er_xstr x = {0};
  er_xstr_add(&x, "=COUNTIF(");
  er_xstr_cell(&x, first, C_MET, false);
  er_xstr_add(&x, ":");
  er_xstr_cell(&x, tr - 1, C_MET, false);
  er_xstr_add(&x, ",\"是\")&\"／\"&%zu", n);
  char cached[64];
  snprintf(cached, sizeof cached, "%zu／%zu", met, n);
  er_xsheet_formula_text(&s, tr, C_MET, C_MET, er_xstr_get(&x), cached, f->tot_text);
  er_xstr_free(&x);
  er_xsheet_text(&s, tr, C_WEIGHT, tr, C_DEVIATION, NULL, f->tot_text, ER_X_BODY_PT);
  er_xsheet_text(&s, tr, C_KEY, tr, C_KEY, "met", f->text, ER_X_BODY_PT);

  er_xpage page = {
      .landscape = true, .repeat_first = head, .repeat_last = head, .freeze_row = head + 1};
  er_xsheet_finish(&s, &page);
  er_xsheet_protect(&s);
  er_xsheet_close(&s);
}
