/* The rules of published schemes beyond the basic ones: reverse (≤ target),
 * equality (= target), arrival (到位率), not-applicable indicators,
 * pro-rata and conditional deductions, roll-ups of averaged parts — each
 * through the whole pipeline, asserting the scores it gives. */
#include "support.h"

#include <stdio.h>
#include <string.h>

/* The score of a one-leaf file, weight 10, after asserting a clean check. */
static const char *scored(const char *rule, const char *extra) {
  er_diag d;
  er_eval *ev = eval_leaf("10", rule, extra, &d);
  if (d.errors)
    er_diag_print(&d, stderr);
  assert_int_equal(d.errors, 0);
  static char out[ER_DEC_BUFSIZE];
  snprintf(out, sizeof out, "%s", leaf_score(ev, 2));
  eval_done(ev, &d);
  return out;
}

/* The finding `key` of a one-leaf file, weight 10, asserting it is an
 * error at `line`:`col` and that the file gives no score. */
static void refused(const char *rule, const char *extra, const char *key, unsigned line,
                    unsigned col) {
  er_diag d;
  er_eval *ev = eval_leaf("10", rule, extra, &d);
  const er_finding *f = find_finding(&d, key);
  if (!f)
    er_diag_print(&d, stderr);
  assert_non_null(f);
  if (f->pos.line != line || f->pos.col != col)
    er_diag_print(&d, stderr);
  assert_int_equal(f->severity, ER_ERROR);
  assert_int_equal(f->pos.line, line);
  assert_int_equal(f->pos.col, col);
  assert_false(er_renderable(ev, &d));
  eval_done(ev, &d);
}

/* ---- reverse ---- */

static void reverse_scores_target_over_actual(void **state) {
  (void)state;
  assert_string_equal(scored("    rule: reverse\n    actual: 125\n    target: 100\n", NULL),
                      "8.00");
  assert_string_equal(scored("    rule: reverse\n    actual: 3%\n    target: 2%\n", NULL), "6.67");
}

static void reverse_gives_full_marks_at_or_below_the_target(void **state) {
  (void)state;
  assert_string_equal(scored("    rule: reverse\n    actual: 100\n    target: 100\n", NULL),
                      "10.00");
  assert_string_equal(scored("    rule: reverse\n    actual: 60\n    target: 100\n", NULL),
                      "10.00");
  assert_string_equal(scored("    rule: reverse\n    actual: 0\n    target: 0\n", NULL), "10.00");
}

static void reverse_linear_falls_to_zero_at_twice_the_target(void **state) {
  (void)state;
  const char *rule = "    rule: reverse\n    curve: linear\n    target: 100\n    actual: %s\n";
  static const struct {
    const char *actual, *score;
  } cases[] = {{"80", "10.00"}, {"100", "10.00"}, {"125", "7.50"},
               {"199", "0.10"}, {"200", "0.00"},  {"450", "0.00"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char text[256];
    snprintf(text, sizeof text, rule, cases[i].actual);
    assert_string_equal(scored(text, NULL), cases[i].score);
  }
}

static void reverse_linear_with_a_zero_target_scores_nothing_over_it(void **state) {
  (void)state;
  assert_string_equal(
      scored("    rule: reverse\n    curve: linear\n    actual: 0.5\n    target: 0\n", NULL),
      "0.00");
  assert_string_equal(
      scored("    rule: reverse\n    curve: linear\n    actual: 0\n    target: 0\n", NULL),
      "10.00");
}

static void reverse_needs_a_target(void **state) {
  (void)state;
  refused("    rule: reverse\n    actual: 5\n", NULL, "missing-input", 7, 11);
}

/* ---- equality ---- */

static void equality_gives_full_marks_when_met(void **state) {
  (void)state;
  assert_string_equal(scored("    rule: equality\n    actual: 100%\n    target: 100%\n", NULL),
                      "10.00");
}

static void equality_loses_the_relative_deviation_either_way(void **state) {
  (void)state;
  assert_string_equal(scored("    rule: equality\n    actual: 95\n    target: 100\n", NULL),
                      "9.50");
  assert_string_equal(scored("    rule: equality\n    actual: 105\n    target: 100\n", NULL),
                      "9.50");
  assert_string_equal(scored("    rule: equality\n    actual: 250\n    target: 100\n", NULL),
                      "0.00");
}

static void equality_with_a_zero_target_is_met_or_not(void **state) {
  (void)state;
  assert_string_equal(scored("    rule: equality\n    actual: 0\n    target: 0\n", NULL), "10.00");
  assert_string_equal(scored("    rule: equality\n    actual: 1\n    target: 0\n", NULL), "0.00");
}

/* ---- arrival ---- */

#define FUNDS                                                                                      \
  "funds:\n"                                                                                       \
  "  items:\n"                                                                                     \
  "    - name: 甲\n"                                                                              \
  "      sources:\n"                                                                               \
  "        - {level: 中央, planned: 100, arrived: 80}\n"                                         \
  "        - {level: 县级, planned: 100, arrived: 20}\n"                                         \
  "      spending: [{category: 其他, amount: 85}]\n"                                             \
  "    - name: 乙\n"                                                                              \
  "      sources: [{level: 省级, planned: 50, arrived: 60}]\n"                                   \
  "      spending: [{category: 其他, amount: 60}]\n"

static void arrival_scores_arrived_over_planned(void **state) {
  (void)state;
  /* 甲 and 乙: 160 arrived of 250 planned */
  assert_string_equal(scored("    rule: arrival\n", FUNDS), "6.40");
  assert_string_equal(scored("    rule: arrival\n    fund: 甲\n", FUNDS), "5.00");
}

static void arrival_is_capped_at_the_weight(void **state) {
  (void)state;
  assert_string_equal(scored("    rule: arrival\n    fund: 乙\n", FUNDS), "10.00");
}

static void arrival_refuses_funds_with_nothing_planned(void **state) {
  (void)state;
  refused(
      "    rule: arrival\n",
      "funds:\n  items:\n    - name: 甲\n      sources: [{level: 中央, planned: 0, arrived: 0}]\n",
      "no-funds", 11, 11);
}

/* ---- deductions: pro-rata and conditional ---- */

static void pro_rata_takes_points_times_shortfall_over_base(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("10",
                          "    rule: deductions\n"
                          "    deductions:\n"
                          "      - {points: 4, shortfall: 3, base: 20, reason: 3户未核查}\n"
                          "      - {points: 2, shortfall: 10%, base: 100%, reason: 公示不全}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  /* 10 − 4 × 3 / 20 − 2 × 0.1 = 9.2 */
  assert_string_equal(leaf_score(ev, 2), "9.20");
  assert_string_equal(ev->indicators.items[0].result.note,
                      "3户未核查（扣0.6分）；公示不全（扣0.2分）");
  eval_done(ev, &d);
}

static void pro_rata_refuses_a_shortfall_beyond_the_base(void **state) {
  (void)state;
  refused("    rule: deductions\n    deductions:\n"
          "      - {points: 4, shortfall: 30, base: 20, reason: 超出}\n",
          NULL, "out-of-range", 9, 32);
  refused("    rule: deductions\n    deductions:\n"
          "      - {points: 4, shortfall: 0, base: 0, reason: 零}\n",
          NULL, "zero", 9, 41);
  refused("    rule: deductions\n    deductions:\n"
          "      - {points: 4, shortfall: 3, reason: 无基数}\n",
          NULL, "missing-input", 9, 10);
}

static const char *const conditional =
    "    rule: deductions\n"
    "    deductions:\n"
    "      - {points: 2, figure: execution, when: \"x < 90%%\", reason: 执行率低于90%%未说明原因}\n"
    "      - {points: 1, figure: local_share, when: \"x < %s\", reason: 地方配套不足}\n"
    "      - {points: 3, figure: arrival, when: \"x < 60%%\", reason: 到位率低}\n"
    "    fund: 甲\n";

static void conditional_deductions_follow_the_derived_figures(void **state) {
  (void)state;
  /* 甲: 执行率 85 / 100 = 85%, 到位率 100 / 200 = 50%, 县级 20 of 100 = 20% */
  char rule[1024];
  snprintf(rule, sizeof rule, conditional, "30%");
  er_diag d;
  er_eval *ev = eval_leaf("10", rule, FUNDS, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "4.00");
  assert_string_equal(ev->indicators.items[0].result.note,
                      "执行率低于90%未说明原因（扣2分）；地方配套不足（扣1分）；到位率低（扣3分）");
  eval_done(ev, &d);
  /* a local share of 20% is not below 15%: that deduction does not apply */
  snprintf(rule, sizeof rule, conditional, "15%");
  ev = eval_leaf("10", rule, FUNDS, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "5.00");
  assert_string_equal(ev->indicators.items[0].result.note,
                      "执行率低于90%未说明原因（扣2分）；到位率低（扣3分）");
  eval_done(ev, &d);
}

static void conditional_deductions_need_a_condition(void **state) {
  (void)state;
  refused("    rule: deductions\n    deductions:\n"
          "      - {points: 2, figure: execution, reason: 无条件}\n",
          FUNDS, "missing-input", 19, 29);
  refused("    rule: deductions\n    deductions:\n"
          "      - {points: 2, when: \"x < 90%\", reason: 无数值}\n",
          FUNDS, "missing-input", 19, 28);
}

static void every_broken_deduction_is_reported(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      eval_leaf("10",
                "    rule: deductions\n    deductions:\n"
                "      - {points: 2, figure: execution, reason: 无条件}\n"
                "      - {points: 1, figure: arrival, when: \"x 低于 60%\", reason: 写错}\n"
                "      - {points: 4, shortfall: 5, base: 0, reason: 零基数}\n",
                FUNDS, &d);
  assert_int_equal(d.errors, 3);
  assert_non_null(find_finding(&d, "missing-input"));
  assert_non_null(find_finding(&d, "band-syntax"));
  assert_non_null(find_finding(&d, "zero"));
  assert_false(er_renderable(ev, &d));
  eval_done(ev, &d);
}

/* ---- not applicable ---- */

static void not_applicable_rescales_the_siblings_to_the_parent_weight(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"
                               "  - code: A\n"
                               "    name: 过程\n"
                               "    weight: 30\n"
                               "    children:\n"
                               "      - {code: A1, name: 一, weight: 10, rule: score, score: 8}\n"
                               "      - {code: A2, name: 二, weight: 10, applicable: false}\n"
                               "      - {code: A3, name: 三, weight: 10, rule: judgement, level: "
                               "好}\n"
                               "  - {code: B, name: 产出, weight: 70, rule: score, score: 70}\n",
                          &d);
  assert_int_equal(d.errors, 0);
  const er_indicator *a = &ev->indicators.items[0];
  /* A1 and A3 fill A's 30 points: 15 each; 8 of 10 becomes 12 of 15 */
  assert_string_equal(dec_str(a->children.items[0].result.weight, 2), "15.00");
  assert_string_equal(dec_str(a->children.items[0].result.score, 2), "12.00");
  assert_false(a->children.items[1].result.applicable);
  assert_string_equal(dec_str(a->children.items[1].result.score, 2), "0.00");
  assert_string_equal(dec_str(a->children.items[2].result.score, 2), "15.00");
  assert_string_equal(dec_str(a->result.score, 2), "27.00");
  assert_string_equal(dec_str(ev->total, 2), "97.00");
  assert_string_equal(dec_str(ev->total_weight, 2), "100.00");
  assert_true(er_renderable(ev, &d));
  eval_done(ev, &d);
}

static void not_applicable_first_level_keeps_the_total_on_its_scale(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      eval_yaml(HEAD "indicators:\n"
                     "  - {code: A, name: 一, weight: 20, applicable: false}\n"
                     "  - {code: B, name: 二, weight: 40, rule: score, score: 30}\n"
                     "  - {code: C, name: 三, weight: 40, rule: score, score: 40}\n"
                     "  - {code: D, name: 加分, weight: 5, bonus: true, rule: score, score: 2}\n",
                &d);
  assert_int_equal(d.errors, 0);
  /* B and C stand for 100: 30/40 × 50 + 50 + 2 (the bonus is not rescaled) */
  assert_string_equal(dec_str(ev->total, 2), "89.50");
  assert_string_equal(dec_str(ev->indicators.items[3].result.weight, 2), "5.00");
  assert_string_equal(ev->grade, "良"); /* graded on the 100-point scale */
  eval_done(ev, &d);
}

static void a_parent_whose_children_are_all_not_applicable_is_dropped(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"
                               "  - code: A\n"
                               "    name: 一\n"
                               "    weight: 50\n"
                               "    children:\n"
                               "      - {code: A1, name: 甲, weight: 50, applicable: false}\n"
                               "  - {code: B, name: 二, weight: 50, rule: score, score: 45}\n",
                          &d);
  assert_int_equal(d.errors, 0);
  assert_false(ev->indicators.items[0].result.applicable);
  assert_string_equal(dec_str(ev->total, 2), "90.00");
  eval_done(ev, &d);
}

static void nothing_applicable_is_refused(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"
                               "  - {code: A, name: 一, weight: 100, applicable: false}\n",
                          &d);
  const er_finding *f = find_finding(&d, "no-indicators");
  assert_non_null(f);
  assert_int_equal(f->pos.line, 3);
  assert_false(er_renderable(ev, &d));
  eval_done(ev, &d);
}

/* ---- roll-ups of averaged parts ---- */

static void rollup_group_of_parts_averages_their_averages(void **state) {
  (void)state;
  /* 县级 = (avg(90, 80) + avg(70)) ÷ 2 = 77.5; 0.5 × 77.5 + 0.5 × 90 = 83.75 */
  assert_string_equal(scored("    rule: rollup\n"
                             "    groups:\n"
                             "      - name: 县级\n"
                             "        share: 50%\n"
                             "        parts:\n"
                             "          - {name: 自查, scores: [90, 80]}\n"
                             "          - {name: 抽查, scores: [70]}\n"
                             "      - {name: 市级, share: 50%, scores: [90]}\n",
                             NULL),
                      "8.38");
}

static void rollup_parts_may_carry_shares(void **state) {
  (void)state;
  /* 0.4 × 85 + 0.6 × 70 = 76 */
  assert_string_equal(scored("    rule: rollup\n"
                             "    groups:\n"
                             "      - name: 县级\n"
                             "        share: 100%\n"
                             "        parts:\n"
                             "          - {name: 自查, share: 40%, scores: [90, 80]}\n"
                             "          - {name: 抽查, share: 60%, scores: [70]}\n",
                             NULL),
                      "7.60");
  refused("    rule: rollup\n"
          "    groups:\n"
          "      - name: 县级\n"
          "        share: 100%\n"
          "        parts:\n"
          "          - {name: 自查, share: 40%, scores: [90, 80]}\n"
          "          - {name: 抽查, scores: [70]}\n",
          NULL, "rollup-shares", 11, 9);
}

static void rollup_group_takes_scores_or_parts_not_both(void **state) {
  (void)state;
  refused("    rule: rollup\n"
          "    groups:\n"
          "      - name: 县级\n"
          "        share: 100%\n"
          "        scores: [80]\n"
          "        parts:\n"
          "          - {name: 自查, scores: [90]}\n",
          NULL, "rollup-parts", 12, 9);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(reverse_scores_target_over_actual),
      cmocka_unit_test(reverse_gives_full_marks_at_or_below_the_target),
      cmocka_unit_test(reverse_linear_falls_to_zero_at_twice_the_target),
      cmocka_unit_test(reverse_linear_with_a_zero_target_scores_nothing_over_it),
      cmocka_unit_test(reverse_needs_a_target),
      cmocka_unit_test(equality_gives_full_marks_when_met),
      cmocka_unit_test(equality_loses_the_relative_deviation_either_way),
      cmocka_unit_test(equality_with_a_zero_target_is_met_or_not),
      cmocka_unit_test(arrival_scores_arrived_over_planned),
      cmocka_unit_test(arrival_is_capped_at_the_weight),
      cmocka_unit_test(arrival_refuses_funds_with_nothing_planned),
      cmocka_unit_test(pro_rata_takes_points_times_shortfall_over_base),
      cmocka_unit_test(pro_rata_refuses_a_shortfall_beyond_the_base),
      cmocka_unit_test(conditional_deductions_follow_the_derived_figures),
      cmocka_unit_test(conditional_deductions_need_a_condition),
      cmocka_unit_test(every_broken_deduction_is_reported),
      cmocka_unit_test(not_applicable_rescales_the_siblings_to_the_parent_weight),
      cmocka_unit_test(not_applicable_first_level_keeps_the_total_on_its_scale),
      cmocka_unit_test(a_parent_whose_children_are_all_not_applicable_is_dropped),
      cmocka_unit_test(nothing_applicable_is_refused),
      cmocka_unit_test(rollup_group_of_parts_averages_their_averages),
      cmocka_unit_test(rollup_parts_may_carry_shares),
      cmocka_unit_test(rollup_group_takes_scores_or_parts_not_both),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
