/* The survey summary (调查问卷汇总表): per respondent group, each question
 * with its options, counts and shares. A single-choice share is count /
 * Σ counts; a multiple-choice share is count / respondents, so those may
 * add up to more than 100%. */
#include "view/view_impl.h"

static er_dec share(er_dec count, er_dec base) {
  return er_dec_div(er_dec_mul(count, er_dec_int(100)), base);
}

static void question(er_view *v, er_dict *group, const er_survey_group *g, const er_question *q,
                     size_t number, bool *multiple) {
  er_dict *d = er_dict_add(group, "Q");
  er_dict_setf(d, "NO", "%zu", number);
  er_dict_set(d, "TEXT", q->text.s);
  er_dict_setf(d, "ROWSPAN", "%zu", q->options.count ? q->options.count : 1);
  bool multi = q->multiple.set && q->multiple.v;
  er_dict_show_if(d, "MULTI", multi);
  *multiple |= multi;
  er_dec base = er_dec_zero();
  if (multi)
    base = g->respondents.v;
  else
    for (size_t i = 0; i < q->options.count; i++)
      base = er_dec_add(base, q->options.items[i].value.v);
  for (size_t i = 0; i < q->options.count; i++) {
    const er_named_num *o = &q->options.items[i];
    er_dict *opt = er_dict_add(d, "OPT");
    er_dict_set(
        opt, "LABEL",
        er_arena_printf(v->arena, "%s.%s", er_fmt_letter(v->arena, i), o->name.s ? o->name.s : ""));
    er_dict_set(opt, "COUNT", er_fmt_number(v->arena, o->value.v));
    er_dict_set(opt, "SHARE",
                base.units > 0 ? er_fmt_percent(v->arena, share(o->value.v, base)) : "—");
  }
}

void er_view_survey(er_view *v, er_dict *d) {
  const er_survey *s = &v->ev->survey;
  if (!s->groups.count)
    return;
  er_dict *survey = er_dict_add(d, "SURVEY");
  er_view_prose(v, survey, "INTRO", &s->intro, 4);
  bool multiple = false;
  for (size_t i = 0; i < s->groups.count; i++) {
    const er_survey_group *g = &s->groups.items[i];
    er_dict *group = er_dict_add(survey, "GROUP");
    er_dict_set(group, "NAME", g->name.s);
    er_dict_set(group, "TITLE", g->title.s ? g->title.s : g->name.s);
    er_dict_set(group, "RESPONDENTS",
                g->respondents.set ? er_fmt_number(v->arena, g->respondents.v) : "");
    for (size_t j = 0; j < g->questions.count; j++)
      question(v, group, g, &g->questions.items[j], j + 1, &multiple);
  }
  er_dict_show_if(survey, "HAS_MULTIPLE", multiple);
}
