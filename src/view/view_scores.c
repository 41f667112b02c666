/* Scores: the table and chart by first-level dimension (评价结论), one
 * analysis per dimension (绩效指标分析) and the indicator system table. */
#include "view/view_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *er_view_conclusion_sentence(er_view *v) {
  const char *total = er_fmt_score(v->arena, v->ev->total, 2);
  if (!v->ev->grade) /* grades: [] — a scheme without grades */
    return er_arena_printf(v->arena, "综合得分%s分。", total);
  return er_arena_printf(v->arena, "综合得分%s分，评价等级为%s。", total, v->ev->grade);
}

static const char *dim_name(er_view *v, const er_indicator *n) {
  const char *name = n->name.s ? n->name.s : "";
  return n->bonus.v ? er_arena_printf(v->arena, "%s（加分项）", name) : name;
}

void er_view_score_table(er_view *v, er_dict *d) {
  const er_eval *ev = v->ev;
  er_dict *table = er_dict_add(d, "SCORE_TABLE");
  const char *no = er_view_table_no(v, "score_table");
  er_dict_set(table, "NO", no);
  er_dict_set(d, "SCORE_TABLE_NO", no);
  er_dict *chart = er_dict_add(d, "SCORE_CHART");
  no = er_view_figure_no(v, "score_chart");
  er_dict_set(chart, "NO", no);
  er_dict_set(d, "SCORE_CHART_NO", no);
  for (size_t i = 0; i < ev->indicators.count; i++) {
    const er_indicator *n = &ev->indicators.items[i];
    er_dict *row = er_dict_add(table, "DIM");
    er_dict_set(row, "CODE", n->code.s);
    er_dict_set(row, "NAME", dim_name(v, n));
    /* the weight scored against: rescaled where a sibling is not applicable */
    er_dict_set(row, "WEIGHT", er_fmt_weight(v->arena, n->result.weight));
    er_dict_set(row, "SCORE", er_view_score_text(v, n));
    er_dict_set(row, "RATE",
                n->result.valid && n->result.applicable ? er_fmt_percent(v->arena, n->result.rate)
                                                        : "—");
    er_dict *datum = er_dict_add(chart, "DATUM");
    er_dict_set(datum, "LABEL", n->name.s);
    er_dict_set(datum, "VALUE", er_fmt_rate(v->arena, n->result.rate));
  }
}

/* ---- 绩效指标分析: one section per first-level dimension ---- */

static int count_at(const er_indicator *n, int depth) {
  if (n->depth == depth)
    return 1;
  int c = 0;
  for (size_t i = 0; i < n->children.count; i++)
    c += count_at(&n->children.items[i], depth);
  return c;
}

static const char *structure_sentence(er_view *v, const er_indicator *n, const char *table_no) {
  static const char *const names[] = {"", "一级", "二级", "三级", "四级", "五级"};
  const char *parts = "";
  int levels = 0, deepest = er_view_tree_depth(&n->children) + 1;
  for (int k = 2; k <= deepest && k < 6; k++) {
    int c = count_at(n, k);
    if (!c)
      continue;
    const char *sep = levels == 0 ? "" : (k == deepest ? "和" : "、");
    parts = er_arena_printf(v->arena, "%s%s%d个%s指标", parts, sep, c, names[k]);
    levels++;
  }
  return er_arena_printf(v->arena, "%s一级指标下设%s，得分情况见下%s。", n->name.s ? n->name.s : "",
                         parts, table_no);
}

typedef struct deductions {
  char *text; /* malloc'd: appended to once per leaf, not reprinted */
  size_t len, cap;
  int count;
  er_dec printed; /* the sum of the parts as printed */
  int places;     /* the most decimals a part shows */
} deductions;

__attribute__((format(printf, 2, 3))) static void append(deductions *acc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  if (acc->len + (size_t)n + 1 > acc->cap) {
    size_t cap = acc->cap ? acc->cap : 256;
    while (acc->len + (size_t)n + 1 > cap)
      cap *= 2;
    char *text = realloc(acc->text, cap);
    if (!text)
      abort();
    acc->text = text;
    acc->cap = cap;
  }
  va_start(ap, fmt);
  vsnprintf(acc->text + acc->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  acc->len += (size_t)n;
}

static void collect_deductions(er_view *v, const er_indicator *n, deductions *acc) {
  if (n->children.count) {
    for (size_t i = 0; i < n->children.count; i++)
      collect_deductions(v, &n->children.items[i], acc);
    return;
  }
  if (!n->result.valid || !n->result.applicable ||
      er_dec_cmp(n->result.score, n->result.weight) >= 0)
    return;
  /* what the leaf lost as its printed score shows it, so that the parts
   * and their sum agree as printed */
  er_dec lost = er_dec_sub(n->result.weight, er_dec_round(n->result.score, n->result.places));
  acc->printed = er_dec_add(acc->printed, lost);
  if (n->result.places > acc->places)
    acc->places = n->result.places;
  const char *note = n->note.s && *n->note.s ? n->note.s : NULL;
  for (size_t i = 0; !n->note.s && i < n->deductions.count; i++)
    if (n->deductions.items[i].reason.s) /* the reasons of a deductions rule */
      note = er_arena_printf(v->arena, "%s%s%s", note ? note : "", note ? "；" : "",
                             n->deductions.items[i].reason.s);
  if (note && strcmp(note, "未扣分") == 0)
    note = NULL;
  append(acc, "%s%s扣%s分%s%s%s", acc->count ? "；" : "", n->name.s ? n->name.s : "",
         er_fmt_score(v->arena, lost, n->result.places), note ? "（" : "", note ? note : "",
         note ? "）" : "");
  acc->count++;
}

static const char *deduction_sentence(er_view *v, const er_indicator *n) {
  deductions acc = {NULL, 0, 0, 0, er_dec_zero(), n->result.places};
  collect_deductions(v, n, &acc);
  const char *sentence =
      acc.count ? er_arena_printf(v->arena, "该项指标共扣%s分，其中：%s。",
                                  er_fmt_score(v->arena, acc.printed, acc.places), acc.text)
                : "该项指标未扣分。";
  free(acc.text);
  return sentence;
}

static void dim_row(er_view *v, er_dict *row, const er_indicator *n, void *ctx) {
  (void)ctx;
  er_dict_set(row, "WEIGHT", er_fmt_weight(v->arena, n->result.weight));
  er_dict_set(row, "SCORE", er_view_score_text(v, n));
  er_dict_set(row, "NOTE", er_view_note(v, n));
}

void er_view_dimension(er_view *v, er_dict *parent, const er_indicator *n, int level,
                       bool heading) {
  er_dict *d = heading ? er_view_heading(v, parent, "DIMENSION", level, true)
                       : er_dict_add(parent, "DIMENSION");
  er_dict_set(d, "CODE", n->code.s);
  er_dict_set(d, "NAME", dim_name(v, n));
  if (heading)
    er_dict_show(d, "DIM_HEADING");
  er_dict_set(d, "WEIGHT", er_fmt_weight(v->arena, n->result.weight));
  er_dict_set(d, "SCORE", er_view_score_text(v, n));
  er_dict_set(d, "RATE", er_fmt_percent(v->arena, n->result.rate));
  const char *result =
      !n->result.applicable
          ? er_arena_printf(v->arena, "赋分%s分，该项指标不适用，不评分。",
                            er_fmt_weight(v->arena, n->weight.v))
          : er_arena_printf(v->arena, "赋分%s分，得分%s分，得分率%s。",
                            er_fmt_weight(v->arena, n->result.weight), er_view_score_text(v, n),
                            er_fmt_percent(v->arena, n->result.rate));
  er_dict_set(d, "RESULT_SENTENCE", result);
  if (n->children.count) {
    er_dict *table = er_dict_add(d, "DIM_TABLE");
    const char *no = er_view_table_no(v, n->code.s);
    er_dict_set(table, "NO", no);
    er_dict_set(d, "STRUCTURE_SENTENCE", structure_sentence(v, n, no));
    int deepest = n->depth + er_view_tree_depth(&n->children);
    er_view_level_heads(v, table, 2, deepest);
    er_view_tree_rows(v, table, &n->children, 2, deepest, 0, dim_row, NULL);
    er_dict_set(table, "TOTAL_WEIGHT", er_fmt_weight(v->arena, n->result.weight));
    er_dict_set(table, "TOTAL_SCORE", er_view_score_text(v, n));
  } else
    er_dict_set(d, "STRUCTURE_SENTENCE", "");
  er_view_prose(v, d, "ANALYSIS", &n->analysis, level + 1 > 4 ? 4 : level + 1);
  er_dict_set(d, "DEDUCTION_SENTENCE", deduction_sentence(v, n));
}

void er_view_dimensions(er_view *v, er_dict *parent, int level) {
  for (size_t i = 0; i < v->ev->indicators.count; i++)
    er_view_dimension(v, parent, &v->ev->indicators.items[i], level, true);
}

/* ---- 评价指标体系: names and weights down to the third level ---- */

static void system_row(er_view *v, er_dict *row, const er_indicator *n, void *ctx) {
  (void)ctx;
  er_dict_set(row, "WEIGHT", er_fmt_weight(v->arena, n->weight.v));
  er_dict_set(row, "POINT", n->point.s);
}

void er_view_system_table(er_view *v, er_dict *d) {
  if (!v->ev->indicators.count)
    return;
  int to = v->max_depth < 3 ? v->max_depth : 3;
  er_dict *table = er_dict_add(d, "SYSTEM_TABLE");
  er_dict_set(table, "NO", er_view_table_no(v, "system_table"));
  er_view_level_heads(v, table, 1, to);
  er_view_tree_rows(v, table, &v->ev->indicators, 1, to, ER_ROWS_WEIGHTS | ER_ROWS_CODES,
                    system_row, NULL);
  er_dict_set(table, "TOTAL_WEIGHT", er_fmt_weight(v->arena, v->ev->total_weight));
}
