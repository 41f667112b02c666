/* The outline of a self-evaluation report (自评报告, seeds 000 and 002):
 * 绩效目标分解下达情况, 绩效目标完成情况分析, the conclusion, problems,
 * deviation and improvement, use and disclosure, others, and the 自评表
 * annex. Parts the data has nothing for are left out. */
#include "view/view_impl.h"

#include "model/funds.h"

static const er_narrative *narr(const er_view *v) { return &v->ev->narrative; }

static er_dict *prose_heading(er_view *v, er_dict *parent, const char *section, int level,
                              const char *prose_section, const er_prose *p) {
  if (!er_prose_present(p))
    return NULL;
  er_dict *d = er_view_heading(v, parent, section, level, true);
  er_view_prose(v, d, prose_section, p, level + 2 > 4 ? 4 : level + 2);
  return d;
}

static bool any_description(const er_funds *f) {
  for (size_t i = 0; i < f->items.count; i++)
    if (er_prose_present(&f->items.items[i].description))
      return true;
  return false;
}

static void chapter_allocation(er_view *v) {
  er_dict *ch = er_view_heading(v, v->root, "CH_ALLOCATION", 1, true);
  if (!er_view_prose(v, ch, "ALLOCATION", &narr(v)->allocation, 3) && v->ev->funds.items.count) {
    /* the formula of seed 002: …资金共计X万元，其中：… */
    er_fund_totals all;
    er_funds_totals(&v->ev->funds, NULL, &all);
    const char *sources = er_view_sources_sentence(v);
    er_view_para(v, er_dict_add(ch, "ALLOCATION"),
                 er_arena_printf(v->arena, "本项目全年预算资金共计%s万元%s%s。",
                                 er_fmt_amount(v->arena, all.planned, v->yuan),
                                 *sources ? "，其中：" : "", sources));
  }
  if (any_description(&v->ev->funds))
    er_view_fund_items(v, ch, 2);
}

static void chapter_completion(er_view *v) {
  const er_narrative *n = narr(v);
  const er_eval *ev = v->ev;
  er_dict *ch = er_view_heading(v, v->root, "CH_COMPLETION", 1, true);
  er_dict *sec = er_view_heading(v, ch, "SEC_FUND_INPUT", 2, true);
  er_view_mark(v, "funds", er_dict_lookup(sec, "ID"));
  er_view_prose(v, sec, "FUNDS_TEXT", &n->funds, 4);
  er_view_funds(v, sec);
  prose_heading(v, ch, "SEC_FUND_MANAGEMENT", 2, "FUND_MANAGEMENT", &n->fund_management);
  const er_prose *achieved =
      er_prose_present(&n->goals_achieved) ? &n->goals_achieved : &ev->targets.overall_actual;
  if (er_prose_present(achieved) || ev->beneficiaries.count) {
    sec = er_view_heading(v, ch, "SEC_OVERALL", 2, true);
    er_view_prose(v, sec, "GOALS_ACHIEVED", achieved, 4);
    er_view_beneficiaries(v, sec);
  }
  if (er_prose_present(&n->indicator_analysis) || ev->targets.items.count) {
    sec = er_view_heading(v, ch, "SEC_INDICATORS", 2, true);
    er_view_mark(v, "targets", er_dict_lookup(sec, "ID"));
    er_view_prose(v, sec, "INDICATOR_ANALYSIS", &n->indicator_analysis, 3);
    er_view_targets(v, sec);
  }
}

static void chapter_result(er_view *v) {
  er_dict *ch = er_view_heading(v, v->root, "CH_RESULT", 1, true);
  er_view_mark(v, "result", er_dict_lookup(ch, "ID"));
  er_view_score_table(v, ch);
  er_view_prose(v, ch, "CONCLUSION", &narr(v)->conclusion, 3);
}

static void later_chapters(er_view *v) {
  const er_narrative *n = narr(v);
  const er_eval *ev = v->ev;
  if (ev->problems.count)
    er_view_items(v, er_view_heading(v, v->root, "CH_PROBLEMS", 1, true), &ev->problems, 2);
  if (er_prose_present(&n->deviation) || er_prose_present(&n->improvement)) {
    er_dict *ch = er_view_heading(v, v->root, "CH_DEVIATION", 1, true);
    prose_heading(v, ch, "SEC_DEVIATION", 2, "DEVIATION", &n->deviation);
    prose_heading(v, ch, "SEC_IMPROVEMENT", 2, "IMPROVEMENT", &n->improvement);
  }
  if (ev->recommendations.count)
    er_view_items(v, er_view_heading(v, v->root, "CH_RECOMMENDATIONS", 1, true),
                  &ev->recommendations, 2);
  if (er_prose_present(&n->application) || er_prose_present(&n->disclosure)) {
    er_dict *ch = er_view_heading(v, v->root, "CH_APPLICATION", 1, true);
    prose_heading(v, ch, "SEC_APPLICATION", 2, "APPLICATION", &n->application);
    prose_heading(v, ch, "SEC_DISCLOSURE", 2, "DISCLOSURE", &n->disclosure);
  }
  er_dict *ch = er_view_heading(v, v->root, "CH_OTHER", 1, true);
  if (!er_view_prose(v, ch, "OTHER", &n->other, 3))
    er_view_para(v, er_dict_add(ch, "OTHER"), "无。");
}

static void annex(er_view *v) {
  er_dict *ch = er_view_heading(v, v->root, "CH_ANNEX", 1, true);
  er_dict *a = er_dict_add(ch, "ANNEX_SELF");
  int n = ++v->annexes;
  er_dict_setf(a, "NO", "附件%d", n);
  er_dict_setf(a, "ID", "annex-%d", n);
  er_view_mark(v, "sheet", er_dict_lookup(a, "ID"));
  er_view_self_table(v, a);
}

void er_view_selfeval(er_view *v) {
  er_view_prose(v, v->root, "FOREWORD", &narr(v)->foreword, 3);
  chapter_allocation(v);
  chapter_completion(v);
  chapter_result(v);
  later_chapters(v);
  annex(v);
}
