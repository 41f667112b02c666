/* Data that once gave a wrong score: check refuses it at the offending
 * value (or, where the data is legal, warns), and check, score, render and
 * batch agree through er_renderable. Also the scale of the total and a
 * scheme without grades. */
#include "support.h"

#include <string.h>

/* Asserts that `key` is reported with `severity` at line:col. */
static void reported(const er_diag *d, const char *key, er_severity severity, unsigned line,
                     unsigned col) {
  const er_finding *f = find_finding(d, key);
  if (!f || f->pos.line != line || f->pos.col != col)
    er_diag_print(d, stderr);
  assert_non_null(f);
  assert_int_equal(f->severity, severity);
  assert_int_equal(f->pos.line, line);
  assert_int_equal(f->pos.col, col);
}

static void rollup_unit_score_above_out_of_is_refused(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("100",
                          "    rule: rollup\n"
                          "    groups:\n"
                          "      - {name: 乡镇, share: 100%, scores: [80, 500]}\n",
                          NULL, &d);
  reported(&d, "rollup-score", ER_ERROR, 9, 46);
  assert_false(ev->scored);
  assert_false(er_renderable(ev, &d));
  eval_done(ev, &d);
  /* on a 150-point unit scale, 120 is a score */
  ev = eval_leaf("100",
                 "    rule: rollup\n"
                 "    out_of: 150\n"
                 "    groups:\n"
                 "      - {name: 乡镇, share: 100%, scores: [120, 150]}\n",
                 NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "90.00");
  eval_done(ev, &d);
}

static void rollup_without_groups_is_refused(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("100", "    rule: rollup\n    groups: []\n", NULL, &d);
  reported(&d, "missing-input", ER_ERROR, 8, 5);
  assert_false(er_renderable(ev, &d));
  eval_done(ev, &d);
}

static void bonus_score_above_its_weight_is_refused(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      eval_yaml(HEAD "indicators:\n"
                     "  - {code: A, name: 绩效, weight: 100, rule: score, score: 90}\n"
                     "  - {code: B, name: 创新, weight: 3, bonus: true, rule: score, score: 500}\n",
                &d);
  reported(&d, "score-range", ER_ERROR, 5, 69);
  assert_false(er_renderable(ev, &d));
  eval_done(ev, &d);
}

static void deductions_beyond_the_weight_are_named(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("10",
                          "    rule: deductions\n"
                          "    deductions:\n"
                          "      - {points: 6, reason: 未公示}\n"
                          "      - {points: 6.5, reason: 未建档}\n",
                          NULL, &d);
  /* 扣完为止: legal, scored 0, and said */
  reported(&d, "deductions-over-weight", ER_WARNING, 8, 5);
  assert_non_null(strstr(find_finding(&d, "deductions-over-weight")->message,
                         "指标 A 的 2 项扣分合计 12.5 超过分值 10"));
  assert_string_equal(leaf_score(ev, 2), "0.00");
  assert_true(er_renderable(ev, &d));
  eval_done(ev, &d);
}

static void stated_score_of_a_parent_is_checked_against_its_subtotal(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      eval_yaml(HEAD "indicators:\n"
                     "  - code: A\n"
                     "    name: 决策\n"
                     "    weight: 100\n"
                     "    stated_score: 95\n"
                     "    children:\n"
                     "      - {code: A1, name: 一, weight: 100, rule: score, score: 90}\n",
                &d);
  reported(&d, "stated-score", ER_WARNING, 7, 19);
  assert_non_null(
      strstr(find_finding(&d, "stated-score")->message, "指标 A 填报小计 95，按规则计算为 90"));
  eval_done(ev, &d);
}

static void satisfaction_counts_that_overflow_are_refused(void **state) {
  (void)state;
  /* ten counts of 10¹² − 1 add up beyond the decimal range: the share was
   * once scored 100% where it is 50% */
  char rule[2048] = "    rule: satisfaction\n    responses:\n";
  for (int i = 0; i < 10; i++)
    strcat(rule, i < 5 ? "      - {level: 满意, weight: 1, count: 999999999999}\n"
                       : "      - {level: 不满意, weight: 0, count: 999999999999}\n");
  er_diag d;
  er_eval *ev = eval_leaf("10", rule, NULL, &d);
  reported(&d, "number-range", ER_ERROR, 8, 5);
  assert_false(er_renderable(ev, &d));
  eval_done(ev, &d);
  /* five of each: within range, and exactly half */
  strcpy(rule, "    rule: satisfaction\n    responses:\n"
               "      - {level: 满意, weight: 1, count: 999999999999}\n"
               "      - {level: 不满意, weight: 0, count: 999999999999}\n");
  ev = eval_leaf("10", rule, NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "5.00");
  eval_done(ev, &d);
}

static void a_ratio_whose_score_overflows_is_refused(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("999999999999",
                          "    bonus: true\n    rule: ratio\n    actual: 999999999999\n"
                          "    target: 0.000001\n    cap: 999999999999\n",
                          NULL, &d);
  reported(&d, "number-range", ER_ERROR, 8, 11);
  assert_false(er_renderable(ev, &d));
  eval_done(ev, &d);
}

static void a_rate_that_overflows_is_refused(void **state) {
  (void)state;
  /* the score fits, its 得分率 (× 100) does not */
  er_diag d;
  er_eval *ev = eval_leaf("1",
                          "    bonus: true\n    rule: ratio\n    actual: 999999999999\n"
                          "    target: 0.000001\n    cap: 999999999999\n",
                          NULL, &d);
  reported(&d, "number-range", ER_ERROR, 6, 13);
  assert_false(er_renderable(ev, &d));
  eval_done(ev, &d);
}

static void no_indicators_is_refused_with_a_message(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators: []\n", &d);
  reported(&d, "no-indicators", ER_ERROR, 3, 1);
  assert_false(er_renderable(ev, &d));
  eval_done(ev, &d);
}

static void a_self_evaluation_without_an_execution_score_is_warned(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml("evalreport: 1\nkind: self\nproject: {name: 测试项目, year: 2023}\n"
                          "indicators:\n"
                          "  - {code: A, name: 产出, weight: 100, rule: score, score: 90}\n",
                          &d);
  /* the form's check says so, with the rate the 自评表 will use */
  reported(&d, "self-execution", ER_WARNING, 4, 1);
  eval_done(ev, &d);
  ev = eval_yaml("evalreport: 1\nkind: self\nproject: {name: 测试项目, year: 2023}\n"
                 "funds: {items: [{name: 甲, sources: [{level: 中央, planned: 10, arrived: 10}], "
                 "spending: [{category: 其他, amount: 9}]}]}\n"
                 "indicators:\n"
                 "  - {code: A, name: 预算执行率, weight: 10, rule: execution}\n"
                 "  - {code: B, name: 产出, weight: 90, rule: score, score: 90}\n",
                 &d);
  assert_null(find_finding(&d, "self-execution"));
  assert_string_equal(dec_str(ev->total, 2), "99.00");
  eval_done(ev, &d);
}

/* ---- the scale of the total, and no grade ---- */

static void the_total_is_shown_against_the_scheme_scale(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      eval_yaml(HEAD "indicators:\n"
                     "  - {code: A, name: 绩效, weight: 100, rule: score, score: 96.18}\n"
                     "  - {code: B, name: 加分, weight: 5, bonus: true, rule: score, score: 3}\n"
                     "scoring: {out_of: 105, rate_base: 105}\n",
                &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(dec_str(ev->total, 2), "99.18");
  assert_string_equal(dec_str(ev->out_of, 2), "105.00");
  /* 99.18 / 105 */
  assert_string_equal(dec_str(er_total_rate(ev), 2), "94.46");
  eval_done(ev, &d);
  /* the same scale, 得分率 on the 100 base points */
  ev = eval_yaml(HEAD "indicators:\n"
                      "  - {code: A, name: 绩效, weight: 100, rule: score, score: 96.18}\n"
                      "  - {code: B, name: 加分, weight: 5, bonus: true, rule: score, score: 3}\n"
                      "scoring: {out_of: 105, rate_base: 100}\n",
                 &d);
  assert_string_equal(dec_str(er_total_rate(ev), 2), "99.18");
  eval_done(ev, &d);
  /* without scoring: the non-bonus weights, as before */
  ev = eval_yaml(HEAD "indicators:\n"
                      "  - {code: A, name: 绩效, weight: 100, rule: score, score: 96.18}\n",
                 &d);
  assert_string_equal(dec_str(ev->out_of, 2), "100.00");
  assert_string_equal(dec_str(ev->rate_base, 2), "100.00");
  eval_done(ev, &d);
}

static void a_zero_scale_is_refused(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"
                               "  - {code: A, name: 绩效, weight: 100, rule: score, score: 90}\n"
                               "scoring: {rate_base: 0}\n",
                          &d);
  reported(&d, "zero", ER_ERROR, 5, 22);
  eval_done(ev, &d);
}

static void empty_grades_mean_no_grade(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"
                               "  - {code: A, name: 绩效, weight: 100, rule: score, score: 95}\n"
                               "grades: []\n",
                          &d);
  assert_int_equal(d.errors, 0);
  assert_int_equal(d.warnings, 0);
  assert_null(ev->grade);
  size_t count = 99;
  er_grade_scheme(ev, &count);
  assert_int_equal(count, 0);
  assert_true(er_renderable(ev, &d));
  eval_done(ev, &d);
  /* absent grades: the national default */
  ev = eval_yaml(HEAD "indicators:\n"
                      "  - {code: A, name: 绩效, weight: 100, rule: score, score: 95}\n",
                 &d);
  assert_string_equal(ev->grade, "优");
  eval_done(ev, &d);
}

static void a_stated_grade_without_grades_is_refused(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"
                               "  - {code: A, name: 绩效, weight: 100, rule: score, score: 95}\n"
                               "grades: []\n"
                               "stated: {grade: 优秀}\n",
                          &d);
  reported(&d, "stated-grade", ER_ERROR, 6, 17);
  eval_done(ev, &d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(rollup_unit_score_above_out_of_is_refused),
      cmocka_unit_test(rollup_without_groups_is_refused),
      cmocka_unit_test(bonus_score_above_its_weight_is_refused),
      cmocka_unit_test(deductions_beyond_the_weight_are_named),
      cmocka_unit_test(stated_score_of_a_parent_is_checked_against_its_subtotal),
      cmocka_unit_test(satisfaction_counts_that_overflow_are_refused),
      cmocka_unit_test(a_ratio_whose_score_overflows_is_refused),
      cmocka_unit_test(a_rate_that_overflows_is_refused),
      cmocka_unit_test(no_indicators_is_refused_with_a_message),
      cmocka_unit_test(a_self_evaluation_without_an_execution_score_is_warned),
      cmocka_unit_test(the_total_is_shown_against_the_scheme_scale),
      cmocka_unit_test(a_zero_scale_is_refused),
      cmocka_unit_test(empty_grades_mean_no_grade),
      cmocka_unit_test(a_stated_grade_without_grades_is_refused),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
