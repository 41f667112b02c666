/* 问卷汇总: for each respondent group, every question's options with their
 * counts and shares — count ÷ the question's total for a single choice,
 * count ÷ respondents for a multiple choice (the shares may pass 100%). */
#include "xlsx/book.h"

#include <stdio.h>
#include <stdlib.h>

enum { C_NO, C_QUESTION, C_OPTION, C_COUNT, C_SHARE, C_KEY, NCOLS };

static void option_label(size_t i, const char *name, er_xstr *x) {
  er_xstr_clear(x);
  if (i < 26)
    er_xstr_add(x, "%c.%s", (char)('A' + i), name ? name : "");
  else
    er_xstr_add(x, "%zu.%s", i + 1, name ? name : "");
}

/* Writes one question from `row`; returns the row after it. */
static int write_question(er_xsheet *s, int row, size_t g, size_t q, const er_question *qu,
                          const er_survey_group *grp, int respondents_row) {
  const er_xfmt *f = &s->book->f;
  size_t n = qu->options.count;
  int first = row, last = row + (int)(n ? n : 1) - 1;
  er_xstr text = {0}, label = {0};
  er_xstr_add(&text, "%s%s", qu->text.s ? qu->text.s : "", qu->multiple.v ? "（多选）" : "");
  /* the question's number, a number: merged down its options */
  er_xsheet_number_down(s, first, last, C_NO, er_dec_int((int64_t)q + 1), f->count);
  er_xsheet_text(s, first, C_QUESTION, last, C_QUESTION, er_xstr_get(&text), f->text, ER_X_BODY_PT);
  er_xstr_free(&text);
  if (n == 0) {
    for (int c = C_OPTION; c <= C_SHARE; c++)
      er_xsheet_text(s, row, c, row, c, NULL, f->dash, ER_X_BODY_PT);
    return row + 1;
  }
  er_dec total = er_dec_zero();
  for (size_t o = 0; o < n; o++)
    total = er_dec_add(total, qu->options.items[o].value.v);
  er_dec base = qu->multiple.v ? grp->respondents.v : total;
  bool defined =
      qu->multiple.v ? grp->respondents.set && !er_dec_is_zero(base) : !er_dec_is_zero(base);
  er_xstr x = {0}, den = {0};
  if (qu->multiple.v)
    er_xstr_cell(&den, respondents_row, C_COUNT, true);
  else {
    er_xstr_add(&den, "SUM(");
    er_xstr_cell(&den, first, C_COUNT, true);
    er_xstr_add(&den, ":");
    er_xstr_cell(&den, last, C_COUNT, true);
    er_xstr_add(&den, ")");
  }
  for (size_t o = 0; o < n; o++, row++) {
    const er_named_num *opt = &qu->options.items[o];
    char key[64];
    option_label(o, opt->name.s, &label);
    er_xsheet_text(s, row, C_OPTION, row, C_OPTION, er_xstr_get(&label), f->text, ER_X_BODY_PT);
    er_xsheet_number(s, row, C_COUNT, C_COUNT, opt->value.v, f->in_count);
    er_xstr_clear(&x);
    er_xstr_add(&x, "=IF(%s=0,\"\",ROUND(", er_xstr_get(&den));
    er_xstr_cell(&x, row, C_COUNT, false);
    er_xstr_add(&x, "/%s,6))", er_xstr_get(&den));
    if (defined)
      er_xsheet_formula(s, row, C_SHARE, C_SHARE, er_xstr_get(&x), er_dec_div(opt->value.v, base),
                        f->rate);
    else
      er_xsheet_formula_text(s, row, C_SHARE, C_SHARE, er_xstr_get(&x), "", f->rate);
    snprintf(key, sizeof key, "g%zuq%zuo%zu", g + 1, q + 1, o + 1);
    er_xsheet_text(s, row, C_KEY, row, C_KEY, key, f->text, ER_X_BODY_PT);
  }
  er_xstr_free(&x);
  er_xstr_free(&den);
  er_xstr_free(&label);
  return row;
}

void er_xsheet_survey_write(er_xbook *b) {
  const er_eval *ev = b->ev;
  const er_survey *sv = &ev->survey;
  const er_xfmt *f = &b->f;
  er_xsheet s;
  if (!er_xsheet_open(&s, b, ER_X_SHEET_SURVEY, NCOLS)) {
    er_xbook_ok(b, LXW_ERROR_NULL_PARAMETER_IGNORED, ER_X_SHEET_SURVEY);
    return;
  }
  size_t nq = 0, no = 0;
  for (size_t g = 0; g < sv->groups.count; g++)
    for (size_t q = 0; q < sv->groups.items[g].questions.count; q++) {
      nq++;
      no += sv->groups.items[g].questions.items[q].options.count;
    }
  const char **questions = calloc(nq + 1, sizeof *questions),
             **options = calloc(no + 1, sizeof *options);
  if (!questions || !options)
    abort();
  size_t kq = 0, ko = 0;
  for (size_t g = 0; g < sv->groups.count; g++)
    for (size_t q = 0; q < sv->groups.items[g].questions.count; q++) {
      const er_question *qu = &sv->groups.items[g].questions.items[q];
      questions[kq++] = qu->text.s;
      for (size_t o = 0; o < qu->options.count; o++)
        options[ko++] = qu->options.items[o].name.s;
    }
  er_xsheet_col(&s, C_NO, 6);
  er_xsheet_col(&s, C_QUESTION, er_xfit_width(questions, kq, ER_X_BODY_PT, 20, 30));
  er_xsheet_col(&s, C_OPTION, er_xfit_width(options, ko, ER_X_BODY_PT, 16, 36) + 2);
  er_xsheet_col(&s, C_COUNT, 10);
  er_xsheet_col(&s, C_SHARE, 10);
  er_xsheet_col(&s, C_KEY, 8);
  er_xsheet_hide_col(&s, C_KEY);
  free(questions);
  free(options);

  er_xsheet_text(&s, 0, 0, 0, C_SHARE, "调查问卷汇总表", f->title, ER_X_TITLE_PT);
  er_xsheet_min_height(&s, 0, 32);
  static const char *const heads[] = {"序号", "问题", "选项", "份数", "比例", "编码"};
  for (int c = 0; c < NCOLS; c++)
    er_xsheet_text(&s, 1, c, 1, c, heads[c], f->head, ER_X_BODY_PT);
  int row = 2;
  for (size_t g = 0; g < sv->groups.count; g++) {
    const er_survey_group *grp = &sv->groups.items[g];
    const char *title = grp->title.s ? grp->title.s : grp->name.s;
    er_xsheet_text(&s, row, C_NO, row, C_OPTION, title, f->sub_text, ER_X_BODY_PT);
    if (grp->respondents.set)
      er_xsheet_number(&s, row, C_COUNT, C_SHARE, grp->respondents.v, f->in_respondents);
    else
      er_xsheet_text(&s, row, C_COUNT, row, C_SHARE, NULL, f->respondents, ER_X_BODY_PT);
    char key[32];
    snprintf(key, sizeof key, "g%zu", g + 1);
    er_xsheet_text(&s, row, C_KEY, row, C_KEY, key, f->text, ER_X_BODY_PT);
    int respondents_row = row++;
    for (size_t q = 0; q < grp->questions.count; q++)
      row = write_question(&s, row, g, q, &grp->questions.items[q], grp, respondents_row);
  }

  er_xpage page = {.landscape = false, .repeat_first = 1, .repeat_last = 1, .freeze_row = 2};
  er_xsheet_finish(&s, &page);
  er_xsheet_protect(&s);
  er_xsheet_close(&s);
}
