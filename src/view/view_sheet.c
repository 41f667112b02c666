/* The annexed score sheets: the full 评分表 of a third-party report, and
 * the 项目支出绩效自评表 of a self-evaluation in its national layout. */
#include "view/view_impl.h"

#include "model/funds.h"

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

static const er_target *target_named(const er_eval *ev, const char *name) {
  for (size_t i = 0; name && i < ev->targets.items.count; i++)
    if (ev->targets.items.items[i].name.s && strcmp(ev->targets.items.items[i].name.s, name) == 0)
      return &ev->targets.items.items[i];
  return NULL;
}

static bool any_leaf_has_target(const er_eval *ev, const er_indicators *nodes) {
  for (size_t i = 0; i < nodes->count; i++) {
    const er_indicator *n = &nodes->items[i];
    if (n->children.count ? any_leaf_has_target(ev, &n->children)
                          : target_named(ev, n->name.s) != NULL)
      return true;
  }
  return false;
}

static const er_indicator *execution_node(const er_eval *ev) {
  for (size_t i = 0; i < ev->indicators.count; i++) {
    const er_indicator *n = &ev->indicators.items[i];
    if (!n->children.count && n->rule.index == ER_RULE_EXECUTION)
      return n;
  }
  return NULL;
}

static void self_row(er_view *v, er_dict *row, const er_indicator *n, void *ctx) {
  (void)ctx;
  const er_target *t = target_named(v->ev, n->name.s);
  er_dict_set(row, "TARGET", t && t->target.s ? t->target.s : "—");
  er_dict_set(row, "ACTUAL", t && t->actual.s ? t->actual.s : "—");
  er_dict_set(row, "DEVIATION", t && t->deviation.s ? t->deviation.s : "");
  er_dict_set(row, "POINT", n->point.s);
  er_dict_set(row, "CRITERIA", n->criteria.s);
  er_dict_set(row, "WEIGHT", er_fmt_weight(v->arena, n->weight.v));
  er_dict_set(row, "SCORE", er_view_score_text(v, n));
  er_dict_set(row, "NOTE", n->note.s);
}

/* Planned and initial sums of the sources whose level is in `levels`. */
static void level_sums(const er_funds *f, const int *levels, size_t nlevels, er_dec *initial,
                       er_dec *planned, bool *any) {
  *initial = *planned = er_dec_zero();
  *any = false;
  for (size_t i = 0; i < f->items.count; i++)
    for (size_t j = 0; j < f->items.items[i].sources.count; j++) {
      const er_source *s = &f->items.items[i].sources.items[j];
      for (size_t k = 0; k < nlevels; k++)
        if (s->level.index == levels[k]) {
          *initial = er_dec_add(*initial, s->initial.set ? s->initial.v : s->planned.v);
          *planned = er_dec_add(*planned, s->planned.v);
          *any = true;
        }
    }
}

static void fund_rows(er_view *v, er_dict *table) {
  static const int current[] = {ER_LEVEL_CENTRAL, ER_LEVEL_PROVINCIAL, ER_LEVEL_MUNICIPAL,
                                ER_LEVEL_COUNTY};
  static const int carryover[] = {ER_LEVEL_CARRYOVER};
  static const int other[] = {ER_LEVEL_OTHER};
  static const struct {
    const char *label;
    const int *levels;
    size_t n;
  } parts[] = {
      {"其中：当年财政拨款", current, 4}, {"上年结转资金", carryover, 1}, {"其他资金", other, 1}};
  er_fund_totals all;
  er_funds_totals(&v->ev->funds, NULL, &all);
  const er_indicator *exec = execution_node(v->ev);
  er_dict *row = er_dict_add(table, "FUND_ROW");
  er_dict_set(row, "LABEL", "年度资金总额");
  er_dict_set(row, "INITIAL", er_fmt_amount(v->arena, all.initial, v->yuan));
  er_dict_set(row, "PLANNED", er_fmt_amount(v->arena, all.planned, v->yuan));
  er_dict_set(row, "SPENT", er_fmt_amount(v->arena, all.spent, v->yuan));
  er_dict_set(row, "WEIGHT", exec ? er_fmt_weight(v->arena, exec->weight.v) : "—");
  er_dict_set(row, "RATE",
              all.execution_defined ? er_fmt_percent(v->arena, all.execution_rate) : "—");
  er_dict_set(row, "SCORE", exec ? er_view_score_text(v, exec) : "—");
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    er_dec initial, planned;
    bool any;
    level_sums(&v->ev->funds, parts[i].levels, parts[i].n, &initial, &planned, &any);
    row = er_dict_add(table, "FUND_ROW");
    er_dict_set(row, "LABEL", parts[i].label);
    er_dict_set(row, "INITIAL", any ? er_fmt_amount(v->arena, initial, v->yuan) : "—");
    er_dict_set(row, "PLANNED", any ? er_fmt_amount(v->arena, planned, v->yuan) : "—");
    static const char *const dash[] = {"SPENT", "WEIGHT", "RATE", "SCORE"};
    for (size_t k = 0; k < sizeof dash / sizeof dash[0]; k++)
      er_dict_set(row, dash[k], "—");
  }
  if (exec)
    er_view_mark(v, exec->code.s, "self-funds");
}

void er_view_self_table(er_view *v, er_dict *d) {
  const er_eval *ev = v->ev;
  if (!ev->indicators.count)
    return;
  er_dict *table = er_dict_add(d, "SELF_TABLE");
  int to = v->max_depth < 3 ? 3 : v->max_depth;
  int cols = to + 5;
  er_dict_setf(table, "COLS", "%d", cols);
  er_dict_setf(table, "SPAN_VALUE", "%d", cols - 2);
  int a = (cols - 4 + 1) / 2;
  er_dict_setf(table, "SPAN_DEPT", "%d", a);
  er_dict_setf(table, "SPAN_IMPL", "%d", cols - 4 - a);
  er_dict_setf(table, "SPAN_FUND_LABEL", "%d", cols - 7);
  int x = (cols - 1) / 2;
  er_dict_setf(table, "SPAN_EXPECTED", "%d", x);
  er_dict_setf(table, "SPAN_ACHIEVED", "%d", cols - 1 - x);
  er_dict_setf(table, "SPAN_TOTAL", "%d", to + 2);
  bool by_target = any_leaf_has_target(ev, &ev->indicators);
  /* column widths in percent: two narrow level columns, the deeper levels
   * sharing what the five value columns of the layout leave */
  static const int target_tail[] = {12, 14, 6, 7, 15}, criteria_tail[] = {22, 24, 5, 6, 8};
  const int *tail = by_target ? target_tail : criteria_tail;
  int rest = 100 - 18 - tail[0] - tail[1] - tail[2] - tail[3] - tail[4];
  for (int k = 0; k < to; k++)
    er_dict_setf(er_dict_add(table, "SELF_COL"), "WIDTH", "%d", k < 2 ? 9 : rest / (to - 2));
  for (int k = 0; k < 5; k++)
    er_dict_setf(er_dict_add(table, "SELF_COL"), "WIDTH", "%d", tail[k]);
  fund_rows(v, table);
  if (!er_view_prose(v, table, "OVERALL", &ev->targets.overall, 4))
    er_view_para(v, er_dict_add(table, "OVERALL"), "—");
  if (!er_view_prose(v, table, "OVERALL_ACTUAL", &ev->targets.overall_actual, 4))
    er_view_para(v, er_dict_add(table, "OVERALL_ACTUAL"), "—");

  er_dict_show(table, by_target ? "BY_TARGET" : "BY_CRITERIA");
  er_view_level_heads(v, table, 1, to);
  /* in the national layout the execution rate is scored in the funds block */
  const er_indicator *exec = by_target ? execution_node(ev) : NULL;
  er_indicators rows = ev->indicators;
  if (exec) {
    er_indicator *kept = er_arena_alloc(v->arena, ev->indicators.count * sizeof *kept);
    size_t n = 0;
    for (size_t i = 0; i < ev->indicators.count; i++)
      if (&ev->indicators.items[i] != exec)
        kept[n++] = ev->indicators.items[i];
    rows.items = kept;
    rows.count = n;
  }
  er_view_tree_rows(v, table, &rows, 1, to, ER_ROWS_ANCHORS, self_row, NULL);
  er_dict_set(table, "TOTAL_WEIGHT", er_fmt_weight(v->arena, ev->total_weight));
}
