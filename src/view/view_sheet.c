/* The annexed score sheets: the full 评分表 of a third-party report, and
 * the 项目支出绩效自评表 of a self-evaluation in its national layout. */
#include "view/view_impl.h"

#include "model/form.h"
#include "model/funds.h"
#include "model/score.h"

#include <string.h>

/* ---- 绩效评价指标体系评分表 ---- */

/* CRITERION items: the criteria split at "；", one line per band or level
 * ("差：x<70%", "较差：70%≤x<80%" …), as score sheets print them. */
static void criteria_lines(er_view *v, er_dict *row, const char *criteria) {
  static const char sep[] = "；";
  const char *p = criteria ? criteria : "";
  while (*p) {
    const char *end = strstr(p, sep);
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len)
      er_dict_set(er_dict_add(row, "CRITERION"), "TEXT", er_arena_strndup(v->arena, p, len));
    p += len + (end ? strlen(sep) : 0);
  }
}

static void sheet_row(er_view *v, er_dict *row, const er_indicator *n, void *ctx) {
  (void)ctx;
  /* as scored: rescaled beside a not-applicable sibling */
  er_dict_set(row, "WEIGHT", er_fmt_weight(v->arena, n->result.weight));
  er_dict_set(row, "POINT", n->point.s);
  er_dict_set(row, "CRITERIA", n->criteria.s);
  criteria_lines(v, row, n->criteria.s);
  er_dict_set(row, "SCORE", er_view_score_text(v, n));
  er_dict_set(row, "NOTE", er_view_note(v, n));
}

void er_view_score_sheet(er_view *v, er_dict *d) {
  if (!v->ev->indicators.count)
    return;
  er_dict *sheet = er_dict_add(d, "SCORE_SHEET");
  er_view_level_heads(v, sheet, 1, v->max_depth);
  er_view_tree_rows(v, sheet, &v->ev->indicators, 1, v->max_depth,
                    ER_ROWS_WEIGHTS | ER_ROWS_ANCHORS, sheet_row, NULL);
  er_dict_set(sheet, "TOTAL_WEIGHT", er_fmt_weight(v->arena, v->ev->out_of));
  er_dict_setf(sheet, "COLS", "%d", v->max_depth + 5);
  /* column widths in percent: 分值 5, 评价得分 6, 扣分说明 12, the rest shared */
  int level = 9, rest = 77 - level * v->max_depth;
  er_dict_setf(sheet, "LEVEL_WIDTH", "%d", level);
  er_dict_setf(sheet, "POINT_WIDTH", "%d", rest / 2);
  er_dict_setf(sheet, "CRITERIA_WIDTH", "%d", rest - rest / 2);
}

/* ---- 项目支出绩效自评表 ---- */

/* A target or actual value as the form prints it: the figure rounded to
 * the places it was written with, its comparator and unit ("≥96%"), or the
 * words. With `bare`, the figure alone (Sichuan's form has columns for
 * the comparator and the unit). */
static const char *measure_text(er_view *v, const char *text, const er_measure *m, int places,
                                bool bare) {
  if (!text)
    return "—";
  if (!m->numeric)
    return text;
  char buf[ER_DEC_BUFSIZE];
  er_dec_format(m->value, places, buf);
  if (bare)
    return er_arena_printf(v->arena, "%s", buf);
  static const char *const cmps[] = {"", "=", "<", "≤", ">", "≥"};
  return er_arena_printf(v->arena, "%s%s%s%s", cmps[m->cmp], buf, m->percent ? "%" : "", m->unit);
}

static void fund_rows(er_view *v, er_dict *table, const er_form *f) {
  for (int r = 0; r < ER_FORM_ROWS; r++) {
    const er_form_funds_row *x = &f->rows[r];
    er_dict *row = er_dict_add(table, "FUND_ROW");
    er_dict_set(row, "LABEL", f->labels[ER_FL_ALL + r]);
    er_dict_set(row, "INITIAL", er_fmt_amount(v->arena, x->initial, v->yuan));
    er_dict_set(row, "PLANNED", er_fmt_amount(v->arena, x->budget, v->yuan));
    er_dict_set(row, "SPENT", er_fmt_amount(v->arena, x->spent, v->yuan));
    er_dict_set(row, "RATE", x->rate_defined ? er_fmt_percent(v->arena, x->rate) : "—");
    if (r == ER_FORM_ALL) {
      int places = f->execution ? f->execution->result.places : 2;
      er_dict_set(row, "WEIGHT", er_fmt_weight(v->arena, f->funds_weight));
      er_dict_set(row, "SCORE", er_fmt_score(v->arena, f->funds_score, places));
    } else {
      er_dict_set(row, "WEIGHT", "—");
      er_dict_set(row, "SCORE", "—");
    }
  }
  if (f->execution)
    er_view_mark(v, f->execution->code.s, "self-funds");
}

static bool same_text(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The indicator rows: 一级 and 二级 merged down their runs. */
static void target_rows(er_view *v, er_dict *table, const er_form *f, bool sichuan) {
  for (size_t i = 0; i < f->ntargets; i++) {
    const er_form_target *x = &f->targets[i];
    const er_target *t = x->t;
    er_dict *row = er_dict_add(table, "ROW");
    er_dict_setf(row, "ID", "self-target-%zu", i + 1);
    if (x->leaf)
      er_view_mark(v, x->leaf->code.s, er_dict_lookup(row, "ID"));
    bool new1 = i == 0 || !same_text(f->targets[i - 1].t->level1.s, t->level1.s);
    bool new2 = new1 || !same_text(f->targets[i - 1].t->level2.s, t->level2.s);
    size_t run1 = 1, run2 = 1;
    while (i + run1 < f->ntargets && same_text(f->targets[i + run1].t->level1.s, t->level1.s))
      run1++;
    while (i + run2 < f->ntargets && same_text(f->targets[i + run2].t->level1.s, t->level1.s) &&
           same_text(f->targets[i + run2].t->level2.s, t->level2.s))
      run2++;
    if (new1) {
      er_dict *c = er_dict_add(row, "CELL");
      er_dict_set(c, "TEXT", t->level1.s ? t->level1.s : "");
      er_dict_setf(c, "ROWSPAN", "%zu", run1);
    }
    if (new2) {
      er_dict *c = er_dict_add(row, "CELL");
      er_dict_set(c, "TEXT", t->level2.s ? t->level2.s : "");
      er_dict_setf(c, "ROWSPAN", "%zu", run2);
    }
    er_dict_show(row, sichuan ? "SICHUAN" : "NATIONAL");
    er_dict_set(row, "NAME", t->name.s);
    er_dict_set(row, "TARGET",
                measure_text(v, t->target.s, &x->target, x->target_places,
                             sichuan && er_form_bare(x, &x->target)));
    er_dict_set(row, "ACTUAL",
                measure_text(v, t->actual.s, &x->actual, x->actual_places,
                             sichuan && er_form_bare(x, &x->actual)));
    if (sichuan) {
      er_dict_set(row, "NATURE", er_form_nature(x));
      er_dict_set(row, "UNIT", er_form_unit(x));
    }
    int places = x->leaf ? x->leaf->result.places : 2;
    er_dict_set(row, "WEIGHT", x->weighted ? er_fmt_weight(v->arena, x->weight) : "—");
    er_dict_set(row, "SCORE",
                x->basis == ER_FORM_UNSCORED ? "—" : er_fmt_score(v->arena, x->score, places));
    er_dict_set(row, "DEVIATION", t->deviation.s ? t->deviation.s : "");
  }
}

/* Sichuan's form ends with 结论, 问题 and 改进措施. */
static void closing_rows(er_view *v, er_dict *table, const er_form *f) {
  const er_eval *ev = v->ev;
  er_dict *c = er_dict_add(table, "CLOSING");
  er_dict_set(c, "LABEL", f->labels[ER_FL_CONCLUSION]);
  if (!er_view_prose(v, c, "TEXT", &ev->narrative.conclusion, 4))
    er_view_para(v, er_dict_add(c, "TEXT"),
                 er_arena_printf(
                     v->arena, "综合得分%s分，评价等级为%s。", er_fmt_score(v->arena, f->total, 2),
                     er_grade_for(v->ev, f->total) ? er_grade_for(v->ev, f->total) : ""));
  c = er_dict_add(table, "CLOSING");
  er_dict_set(c, "LABEL", f->labels[ER_FL_PROBLEMS]);
  er_dict *text = er_dict_add(c, "TEXT");
  for (size_t i = 0; i < ev->problems.count; i++) {
    const er_finding_item *p = &ev->problems.items[i];
    const char *first = p->title.s ? p->title.s : er_prose_first(&p->text);
    er_view_para(v, text, er_arena_printf(v->arena, "%zu.%s", i + 1, first ? first : ""));
  }
  if (!ev->problems.count)
    er_view_para(v, text, "无。");
  c = er_dict_add(table, "CLOSING");
  er_dict_set(c, "LABEL", f->labels[ER_FL_IMPROVEMENT]);
  if (!er_view_prose(v, c, "TEXT", &ev->narrative.improvement, 4)) {
    text = er_dict_add(c, "TEXT");
    for (size_t i = 0; i < ev->recommendations.count; i++) {
      const er_finding_item *p = &ev->recommendations.items[i];
      const char *first = p->title.s ? p->title.s : er_prose_first(&p->text);
      er_view_para(v, text, er_arena_printf(v->arena, "%zu.%s", i + 1, first ? first : ""));
    }
    if (!ev->recommendations.count)
      er_view_para(v, text, "无。");
  }
}

void er_view_self_table(er_view *v, er_dict *d) {
  const er_eval *ev = v->ev;
  er_form f;
  er_form_build(ev, v->arena, &f);
  bool sichuan = f.profile == ER_FORM_SICHUAN;
  er_dict *table = er_dict_add(d, "SELF_TABLE");
  /* a label column, then 一级 二级 三级 [指标性质] 年度指标值 [度量单位]
   * 实际完成值 分值 得分 偏差原因 */
  int cols = sichuan ? 11 : 9;
  er_dict_setf(table, "COLS", "%d", cols);
  er_dict_setf(table, "SPAN_VALUE", "%d", cols - 1);
  int a = (cols - 3) / 2;
  er_dict_setf(table, "SPAN_DEPT", "%d", a);
  er_dict_setf(table, "SPAN_IMPL", "%d", cols - 3 - a);
  er_dict_setf(table, "SPAN_FUND_LABEL", "%d", cols - 7);
  int x = (cols - 1) / 2;
  er_dict_setf(table, "SPAN_EXPECTED", "%d", x);
  er_dict_setf(table, "SPAN_ACHIEVED", "%d", cols - 1 - x);
  er_dict_setf(table, "SPAN_TOTAL", "%d", cols - 3);
  er_dict_setf(table, "SPAN_INDICATORS", "%zu", f.ntargets + 1);
  er_dict_setf(table, "SPAN_CLOSING", "%d", cols - 1);
  static const int national[] = {8, 8, 10, 17, 12, 12, 6, 7, 20},
                   provincial[] = {7, 7, 9, 15, 5, 9, 6, 9, 6, 7, 20};
  const int *w = sichuan ? provincial : national;
  for (int k = 0; k < cols; k++)
    er_dict_setf(er_dict_add(table, "SELF_COL"), "WIDTH", "%d", w[k]);
  /* the form's wording, L_ACTUAL for form_labels' `actual` … */
  for (int k = 0; k < ER_FL_COUNT; k++) {
    char var[32];
    er_dict_set(table,
                er_view_marker_name(var, sizeof var, "L_", er_form_label_key((er_form_label)k)),
                f.labels[k]);
  }
  er_dict_set(table, "UNIT", v->yuan ? "元" : "万元");
  fund_rows(v, table, &f);
  if (!er_view_prose(v, table, "OVERALL", &ev->targets.overall, 4))
    er_view_para(v, er_dict_add(table, "OVERALL"), "—");
  if (!er_view_prose(v, table, "OVERALL_ACTUAL", &ev->targets.overall_actual, 4))
    er_view_para(v, er_dict_add(table, "OVERALL_ACTUAL"), "—");
  er_dict_show(table, sichuan ? "SICHUAN" : "NATIONAL");
  target_rows(v, table, &f, sichuan);
  er_dict_set(table, "TOTAL_WEIGHT", er_fmt_weight(v->arena, f.weight));
  er_dict_set(table, "FORM_TOTAL", er_fmt_score(v->arena, f.total, 2));
  const char *grade = er_grade_for(ev, f.total);
  er_dict_set(table, "FORM_GRADE", grade ? grade : "");
  if (sichuan)
    closing_rows(v, table, &f);
  /* the data's own scoring scheme, when the form is not it (a 评分表
   * such as 附件4-1 项目支出绩效自评指标评分表) */
  if (!f.is_tree)
    er_view_score_sheet(v, d);
}
