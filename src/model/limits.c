#include "model/limits.h"

#include "model/text.h"

#include <string.h>

/* A text longer than a spreadsheet cell holds: the annex cuts it. */
static void long_text(const er_text *t, const char *what, er_diag *d) {
  if (t->s && strlen(t->s) > ER_CELL_MAX_BYTES)
    er_warn(d, t->pos, "too-long",
            "%s有 %zu 字节，超过 XLSX 单元格的 %d 字节上限：附件中只写入前 %d 字节，请缩短", what,
            strlen(t->s), ER_CELL_MAX_BYTES, ER_CELL_MAX_BYTES);
}

/* Returns the leaves under n, checking n and what is below it. */
static size_t check_indicator(const er_indicator *n, er_diag *d) {
  long_text(&n->name, "指标名称", d);
  if (!n->children.count)
    return 1;
  size_t rows = 0;
  for (size_t i = 0; i < n->children.count; i++)
    rows += check_indicator(&n->children.items[i], d);
  if (rows > ER_MAX_ROWSPAN)
    er_error(d, n->code.pos.line ? n->code.pos : n->pos, "too-many-rows",
             "指标 %s 下有 %zu 个末级指标，评分表中它的单元格最多跨 %d 行：请拆分为几个指标",
             n->code.s ? n->code.s : "", rows, ER_MAX_ROWSPAN);
  return rows;
}

static void check_funds(const er_funds *f, er_diag *d) {
  for (size_t i = 0; i < f->items.count; i++) {
    const er_fund_item *it = &f->items.items[i];
    long_text(&it->name, "资金项目名称", d);
    if (it->sources.count > ER_MAX_ROWSPAN)
      er_error(d, it->sources.items[ER_MAX_ROWSPAN].pos, "too-many-rows",
               "资金项目有 %zu 个来源，资金表中项目的单元格最多跨 %d 行：请合并来源",
               it->sources.count, ER_MAX_ROWSPAN);
    if (it->spending.count > ER_MAX_ROWSPAN)
      er_error(d, it->spending.items[ER_MAX_ROWSPAN].pos, "too-many-rows",
               "资金项目有 %zu 条支出，支出表中项目的单元格最多跨 %d 行：请合并支出类别",
               it->spending.count, ER_MAX_ROWSPAN);
  }
}

static void check_survey(const er_survey *s, er_diag *d) {
  for (size_t g = 0; g < s->groups.count; g++)
    for (size_t q = 0; q < s->groups.items[g].questions.count; q++) {
      const er_question *qu = &s->groups.items[g].questions.items[q];
      long_text(&qu->text, "问题", d);
      if (qu->options.count > ER_MAX_ROWSPAN)
        er_error(d, qu->options.items[ER_MAX_ROWSPAN].name.pos, "too-many-rows",
                 "问题有 %zu 个选项，问卷表中问题的单元格最多跨 %d 行：请减少选项",
                 qu->options.count, ER_MAX_ROWSPAN);
    }
}

static int date_cmp(const er_date *a, const er_date *b) {
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  /* a month alone covers all its days */
  if (a->day && b->day && a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return 0;
}

static void check_dates(const er_project *p, er_diag *d) {
  if (p->year.set && er_dec_is_integer(p->year.v) &&
      (p->year.v.units < 1900 * ER_DEC_SCALE || p->year.v.units > 2999 * ER_DEC_SCALE))
    er_error(d, p->year.pos, "year", "评价年度应在 1900 至 2999 年之间");
  const er_period *pe = &p->period;
  if (pe->from.set && pe->to.set && date_cmp(&pe->from, &pe->to) > 0)
    er_error(d, pe->to.pos, "period", "评价期间的结束（to）早于开始（from）：请检查是否写反");
}

void er_check_limits(const er_eval *ev, er_diag *d) {
  check_dates(&ev->project, d);
  long_text(&ev->project.name, "项目名称", d);
  long_text(&ev->project.title, "报告标题", d);
  for (size_t i = 0; i < ev->indicators.count; i++)
    check_indicator(&ev->indicators.items[i], d);
  check_funds(&ev->funds, d);
  check_survey(&ev->survey, d);
}
