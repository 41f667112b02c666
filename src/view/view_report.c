/* The outline of the full third-party report (财预〔2020〕10号 reference
 * outline, as in seed 004): cover, 摘要, 目录, 一 to 七, 附件. A part the
 * data has nothing for is left out and the numbering closes up. */
#include "view/view_impl.h"

static const er_narrative *narr(const er_view *v) { return &v->ev->narrative; }

/* The first prose that has text, or NULL. */
static const er_prose *either(const er_prose *a, const er_prose *b) {
  return er_prose_present(a) ? a : er_prose_present(b) ? b : NULL;
}

/* A heading that holds one prose under `prose_section`, when there is one. */
static er_dict *prose_heading(er_view *v, er_dict *parent, const char *section, int level,
                              const char *prose_section, const er_prose *p) {
  if (!p || !er_prose_present(p))
    return NULL;
  er_dict *d = er_view_heading(v, parent, section, level, true);
  er_view_prose(v, d, prose_section, p, level + 2 > 4 ? 4 : level + 2);
  return d;
}

/* ---- 摘要 ---- */

static void summary(er_view *v) {
  er_dict *s = er_dict_add(v->root, "SUMMARY");
  int n = 0;
  er_dict *part = er_dict_add(s, "SUM_BASICS");
  er_dict_set(part, "NUM", er_fmt_heading_number(v->arena, 1, ++n));
  if (!er_view_prose(v, part, "BASICS", &narr(v)->summary_basics, 4)) {
    er_dict *basics = er_dict_add(part, "BASICS");
    const char *first = er_prose_first(&narr(v)->content);
    if (!first)
      first = er_prose_first(&narr(v)->background);
    if (first)
      er_view_para(v, basics, first);
    if (v->ev->funds.items.count)
      er_view_para(v, basics, er_view_funds_sentence(v));
  }
  part = er_dict_add(s, "SUM_CONCLUSION");
  er_dict_set(part, "NUM", er_fmt_heading_number(v->arena, 1, ++n));
  er_view_prose(v, part, "SUMMARY_CONCLUSION", &narr(v)->summary_conclusion, 4);
  if (v->ev->problems.count) {
    part = er_dict_add(s, "SUM_PROBLEMS");
    er_dict_set(part, "NUM", er_fmt_heading_number(v->arena, 1, ++n));
    er_view_item_summaries(v, part, &v->ev->problems);
  }
  if (v->ev->recommendations.count) {
    part = er_dict_add(s, "SUM_RECOMMENDATIONS");
    er_dict_set(part, "NUM", er_fmt_heading_number(v->arena, 1, ++n));
    er_view_item_summaries(v, part, &v->ev->recommendations);
  }
}

/* ---- 一、基本情况 ---- */

static void fund_descriptions(er_view *v, er_dict *d) {
  const er_funds *f = &v->ev->funds;
  er_dict *desc = NULL;
  for (size_t i = 0; i < f->items.count; i++) {
    const er_fund_item *item = &f->items.items[i];
    bool first = true;
    for (size_t s = 0; s < item->description.count; s++)
      for (size_t p = 0; p < item->description.items[s].paras.count; p++) {
        if (!desc)
          desc = er_dict_add(d, "FUND_DESCRIPTION");
        er_dict *para = er_view_para(v, desc, item->description.items[s].paras.items[p].s);
        if (first && f->items.count > 1)
          er_dict_set(er_dict_add(para, "LEAD"), "LEAD_TEXT",
                      er_arena_printf(v->arena, "%s%s。",
                                      er_fmt_heading_number(v->arena, 4, (int)i + 1),
                                      item->name.s ? item->name.s : ""));
        first = false;
      }
  }
}

static void chapter_basics(er_view *v) {
  const er_narrative *n = narr(v);
  const er_eval *ev = v->ev;
  er_dict *ch = er_view_heading(v, v->root, "CH_BASICS", 1, true);
  er_dict *sec = er_view_heading(v, ch, "SEC_OVERVIEW", 2, true);
  prose_heading(v, sec, "SUB_BACKGROUND", 3, "BACKGROUND", &n->background);
  prose_heading(v, sec, "SUB_CONTENT", 3, "CONTENT", &n->content);
  if (ev->funds.items.count || er_prose_present(&n->funds)) {
    er_dict *funds = er_view_heading(v, sec, "SUB_FUNDS", 3, true);
    er_view_mark(v, "funds", er_dict_lookup(funds, "ID"));
    fund_descriptions(v, funds);
    er_view_prose(v, funds, "FUNDS_TEXT", &n->funds, 4);
    er_view_funds(v, funds);
  }
  prose_heading(v, sec, "SUB_MANAGEMENT", 3, "MANAGEMENT", &n->management);

  const er_prose *goals = either(&n->goals, &ev->targets.overall);
  const er_prose *achieved = either(&n->goals_achieved, &ev->targets.overall_actual);
  if (goals || achieved || ev->targets.items.count || ev->beneficiaries.count) {
    sec = er_view_heading(v, ch, "SEC_GOALS", 2, true);
    prose_heading(v, sec, "SUB_GOALS", 3, "GOALS", goals);
    if (achieved || ev->targets.items.count || ev->beneficiaries.count) {
      er_dict *sub = er_view_heading(v, sec, "SUB_ACHIEVED", 3, true);
      er_view_mark(v, "targets", er_dict_lookup(sub, "ID"));
      if (achieved)
        er_view_prose(v, sub, "GOALS_ACHIEVED", achieved, 4);
      er_view_beneficiaries(v, sub);
      er_view_targets(v, sub);
    }
  }
}

/* ---- 二、绩效评价工作开展情况 ---- */

static void chapter_work(er_view *v) {
  const er_narrative *n = narr(v);
  er_dict *ch = er_view_heading(v, v->root, "CH_WORK", 1, true);
  prose_heading(v, ch, "SEC_PURPOSE", 2, "PURPOSE", &n->purpose);
  prose_heading(v, ch, "SEC_SCOPE", 2, "SCOPE", &n->scope);
  prose_heading(v, ch, "SEC_APPROACH", 2, "APPROACH", &n->approach);
  prose_heading(v, ch, "SEC_METHODS", 2, "METHODS", &n->methods);
  er_dict *sys = er_view_heading(v, ch, "SEC_SYSTEM", 2, true);
  er_view_prose(v, sys, "INDICATOR_SYSTEM", &n->indicator_system, 4);
  er_view_system_table(v, sys);
  prose_heading(v, ch, "SEC_SAMPLING", 2, "SAMPLING", either(&n->sampling, &v->ev->survey.intro));
  prose_heading(v, ch, "SEC_PROCESS", 2, "PROCESS", &n->process);
}

/* ---- 三、综合评价情况及评价结论 ---- */

static void chapter_result(er_view *v) {
  er_dict *ch = er_view_heading(v, v->root, "CH_RESULT", 1, true);
  er_view_mark(v, "result", er_dict_lookup(ch, "ID"));
  er_view_score_table(v, ch);
  er_view_prose(v, ch, "CONCLUSION", &narr(v)->conclusion, 3);
}

/* ---- 五、主要经验及做法、存在的问题及原因分析 ---- */

static void chapter_findings(er_view *v) {
  const er_eval *ev = v->ev;
  er_dict *ch = er_view_heading(v, v->root, "CH_FINDINGS", 1, true);
  if (ev->experience.count)
    er_view_items(v, er_view_heading(v, ch, "SEC_EXPERIENCE", 2, true), &ev->experience, 3);
  er_dict *sec = er_view_heading(v, ch, "SEC_PROBLEMS", 2, true);
  er_view_prose(v, sec, "PROBLEMS_INTRO", &narr(v)->problems_intro, 4);
  if (!er_view_items(v, sec, &ev->problems, 3))
    er_dict_show(sec, "NO_ITEMS");
}

/* ---- 六、七 ---- */

static void chapter_recommendations(er_view *v) {
  er_dict *ch = er_view_heading(v, v->root, "CH_RECOMMENDATIONS", 1, true);
  if (!er_view_items(v, ch, &v->ev->recommendations, 2))
    er_dict_show(ch, "NO_ITEMS");
}

static void chapter_other(er_view *v) {
  er_dict *ch = er_view_heading(v, v->root, "CH_OTHER", 1, true);
  if (!er_view_prose(v, ch, "OTHER", &narr(v)->other, 3))
    er_view_para(v, er_dict_add(ch, "OTHER"), "无。");
}

/* ---- 附件 ---- */

static er_dict *annex(er_view *v, er_dict *ch, const char *section) {
  er_dict *a = er_dict_add(ch, section);
  int n = ++v->annexes;
  er_dict_setf(a, "NO", "附件%d", n);
  er_dict_setf(a, "ID", "annex-%d", n);
  return a;
}

static void annexes(er_view *v) {
  er_dict *ch = er_view_heading(v, v->root, "CH_ANNEX", 1, false);
  er_view_mark(v, "sheet", "annex-1");
  er_view_score_sheet(v, annex(v, ch, "ANNEX_SHEET"));
  if (v->ev->survey.groups.count) {
    er_dict *a = annex(v, ch, "ANNEX_SURVEY");
    er_view_mark(v, "survey", er_dict_lookup(a, "ID"));
    er_view_survey(v, a);
  }
}

void er_view_report(er_view *v) {
  summary(v);
  er_view_prose(v, v->root, "FOREWORD", &narr(v)->foreword, 3);
  chapter_basics(v);
  chapter_work(v);
  chapter_result(v);
  er_view_dimensions(v, er_view_heading(v, v->root, "CH_ANALYSIS", 1, true), 2);
  chapter_findings(v);
  chapter_recommendations(v);
  chapter_other(v);
  annexes(v);
}
