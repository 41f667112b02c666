/* Every scoring rule of docs/data-format.md through the whole pipeline:
 * YAML text → load → score → check, then the computed scores. */
#include "support.h"

#include <stdio.h>
#include <string.h>

/* ---- judgement ---- */

static void judgement_uses_the_default_scale(void **state) {
  (void)state;
  static const struct {
    const char *level, *score;
  } cases[] = {
      {"好", "5.00"}, {"较好", "4.00"}, {"一般", "2.50"}, {"较差", "1.50"}, {"差", "0.00"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char rule[128];
    snprintf(rule, sizeof rule, "    rule: judgement\n    level: %s\n", cases[i].level);
    er_diag d;
    er_eval *ev = eval_leaf("5", rule, NULL, &d);
    assert_int_equal(d.errors, 0);
    assert_string_equal(leaf_score(ev, 2), cases[i].score);
    assert_string_equal(ev->indicators.items[0].result.label, cases[i].level);
    assert_string_equal(dec_str(ev->total, 2), cases[i].score);
    eval_done(ev, &d);
  }
}

static void judgement_uses_an_inline_scale(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("5",
                          "    rule: judgement\n"
                          "    level: 基本符合\n"
                          "    levels: {符合: 1, 基本符合: 0.6, 不符合: 0}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "3.00");
  assert_string_equal(ev->indicators.items[0].result.label, "基本符合");
  eval_done(ev, &d);
}

static void judgement_levels_may_be_written_in_percent(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("4",
                          "    rule: judgement\n"
                          "    level: 中\n"
                          "    levels: {高: 100%, 中: 75%, 低: 0%}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "3.00");
  eval_done(ev, &d);
}

static void judgement_uses_a_named_scale(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("5",
                          "    rule: judgement\n"
                          "    level: 执行不到位\n"
                          "    levels: execution\n",
                          "scales:\n  execution: {未执行: 0, 执行不到位: 0.6, 执行: 1}\n", &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "3.00");
  eval_done(ev, &d);
}

static void judgement_reports_an_unknown_level_with_a_suggestion(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("5", "    rule: judgement\n    level: 较好好\n", NULL, &d);
  const er_finding *f = find_finding(&d, "unknown-level");
  assert_non_null(f);
  assert_non_null(strstr(f->message, "较好"));
  assert_int_equal(f->pos.line, 8);
  assert_false(ev->indicators.items[0].result.valid);
  assert_false(ev->scored);
  eval_done(ev, &d);
}

static void judgement_reports_an_unknown_scale_name(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      eval_leaf("5", "    rule: judgement\n    level: 好\n    levels: nowhere\n", NULL, &d);
  assert_non_null(find_finding(&d, "unknown-scale"));
  assert_false(ev->scored);
  eval_done(ev, &d);
}

/* ---- bands ---- */

#define RATE_BANDS                                                                                 \
  "    bands:\n"                                                                                   \
  "      - {when: \"x < 70%\",          fraction: 0,   label: 差}\n"                              \
  "      - {when: \"70% ≤ x < 80%\",    fraction: 0.3, label: 较差}\n"                         \
  "      - {when: \"80% ≤ x < 90%\",    fraction: 0.5, label: 一般}\n"                         \
  "      - {when: \"90% ≤ x < 100%\",   fraction: 0.8, label: 较好}\n"                         \
  "      - {when: \"x = 100%\",         fraction: 1,   label: 好}\n"

static void bands_put_a_value_on_an_edge_in_the_right_band(void **state) {
  (void)state;
  static const struct {
    const char *value, *score, *label;
  } cases[] = {
      {"100%", "10.00", "好"},    /* x = 100% */
      {"99.99%", "8.00", "较好"}, /* just under the open upper edge of 90% ≤ x < 100% */
      {"90%", "8.00", "较好"},    /* the closed lower edge of 90% ≤ x < 100% */
      {"89.999999%", "5.00", "一般"}, {"80%", "5.00", "一般"},
      {"70%", "3.00", "较差"},        {"69.99%", "0.00", "差"},  /* x < 70% */
      {"0%", "0.00", "差"},           {"96.5%", "8.00", "较好"}, /* the example of the docs */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char rule[1024];
    snprintf(rule, sizeof rule, "    rule: bands\n    value: %s\n%s", cases[i].value, RATE_BANDS);
    er_diag d;
    er_eval *ev = eval_leaf("10", rule, NULL, &d);
    assert_int_equal(d.errors, 0);
    assert_string_equal(leaf_score(ev, 2), cases[i].score);
    assert_string_equal(ev->indicators.items[0].result.label, cases[i].label);
    eval_done(ev, &d);
  }
}

#define REVERSED_BANDS                                                                             \
  "    bands:\n"                                                                                   \
  "      - {when: \"x ≤ 10%\",        fraction: 0,   label: 低}\n"                              \
  "      - {when: \"15% ≥ x > 10%\",  fraction: 0.5, label: 中}\n"                              \
  "      - {when: \"x > 15%\",        fraction: 1,   label: 高}\n"

static void bands_accept_the_reversed_form(void **state) {
  (void)state;
  static const struct {
    const char *value, *score;
  } cases[] = {
      {"10%", "0.00"},    /* x ≤ 10% includes 10; 15% ≥ x > 10% excludes it */
      {"10.01%", "2.00"}, /* just above the open lower edge */
      {"15%", "2.00"},    /* the closed upper edge of 15% ≥ x > 10% */
      {"15.01%", "4.00"}, {"5%", "0.00"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char rule[1024];
    snprintf(rule, sizeof rule, "    rule: bands\n    value: %s\n%s", cases[i].value,
             REVERSED_BANDS);
    er_diag d;
    er_eval *ev = eval_leaf("4", rule, NULL, &d);
    assert_int_equal(d.errors, 0);
    assert_null(find_finding(&d, "band-gap"));
    assert_null(find_finding(&d, "band-overlap"));
    assert_string_equal(leaf_score(ev, 2), cases[i].score);
    eval_done(ev, &d);
  }
}

static void bands_accept_ascii_comparators(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("10",
                          "    rule: bands\n"
                          "    value: 80\n"
                          "    bands:\n"
                          "      - {when: \"x < 80\", fraction: 0}\n"
                          "      - {when: \"80 <= x <= 90\", fraction: 0.5}\n"
                          "      - {when: \"x > 90\", fraction: 1}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "5.00");
  eval_done(ev, &d);
}

static void bands_report_a_value_in_no_band(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("10",
                          "    rule: bands\n"
                          "    value: 50%\n"
                          "    bands:\n"
                          "      - {when: \"90% ≤ x < 100%\", fraction: 0.8}\n"
                          "      - {when: \"x = 100%\", fraction: 1}\n",
                          NULL, &d);
  const er_finding *f = find_finding(&d, "no-band");
  assert_non_null(f);
  assert_int_equal(f->severity, ER_ERROR);
  assert_int_equal(f->pos.line, 8); /* the value */
  assert_int_equal(f->pos.col, 12);
  assert_non_null(strstr(f->message, "50%"));
  assert_false(ev->indicators.items[0].result.valid);
  assert_false(ev->scored);
  eval_done(ev, &d);
}

static void bands_use_a_named_table(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("5",
                          "    rule: bands\n"
                          "    value: 85%\n"
                          "    bands: rate_100\n",
                          "scales:\n"
                          "  rate_100:\n"
                          "    - {when: \"x < 70%\", fraction: 0, label: 差}\n"
                          "    - {when: \"70% ≤ x < 80%\", fraction: 0.3, label: 较差}\n"
                          "    - {when: \"80% ≤ x < 90%\", fraction: 0.5, label: 一般}\n"
                          "    - {when: \"90% ≤ x < 100%\", fraction: 0.8, label: 较好}\n"
                          "    - {when: \"x = 100%\", fraction: 1, label: 好}\n",
                          &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "2.50");
  assert_string_equal(ev->indicators.items[0].result.label, "一般");
  eval_done(ev, &d);
}

/* ---- ratio ---- */

static void ratio_scores_actual_over_target(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("5", "    rule: ratio\n    actual: 27900\n    target: 31000\n", NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "4.50"); /* 0.9 × 5 */
  eval_done(ev, &d);
}

static void ratio_gives_full_marks_above_target(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("5", "    rule: ratio\n    actual: 31625\n    target: 31000\n", NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "5.00");
  eval_done(ev, &d);
}

static void ratio_lower_is_better_uses_target_over_actual(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf(
      "5", "    rule: ratio\n    actual: 12.5\n    target: 10\n    direction: lower\n", NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "4.00"); /* 10 / 12.5 = 0.8 */
  eval_done(ev, &d);
  ev = eval_leaf("5", "    rule: ratio\n    actual: 8\n    target: 10\n    direction: lower\n",
                 NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "5.00"); /* under the ceiling: full marks */
  eval_done(ev, &d);
}

static void ratio_cap_lets_the_ratio_count_up_to_it(void **state) {
  (void)state;
  er_diag d;
  /* 110 / 100 = 1.1, under the cap 1.2 */
  er_eval *ev = eval_leaf("5",
                          "    bonus: true\n    rule: ratio\n    actual: 110\n    target: 100\n"
                          "    cap: 1.2\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "5.50");
  eval_done(ev, &d);
  /* 150 / 100 = 1.5, held at the cap 1.2 (written in percent) */
  ev = eval_leaf("5",
                 "    bonus: true\n    rule: ratio\n    actual: 150\n    target: 100\n"
                 "    cap: 120%\n",
                 NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "6.00");
  eval_done(ev, &d);
}

static void ratio_refuses_a_zero_target(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("5", "    rule: ratio\n    actual: 3\n    target: 0\n", NULL, &d);
  assert_non_null(find_finding(&d, "zero-target"));
  assert_false(ev->scored);
  eval_done(ev, &d);
}

/* ---- execution ---- */

#define TWO_FUNDS                                                                                  \
  "funds:\n"                                                                                       \
  "  items:\n"                                                                                     \
  "    - name: 城市低保\n"                                                                     \
  "      sources:\n"                                                                               \
  "        - {level: 中央, planned: 100, arrived: 100}\n"                                        \
  "      spending:\n"                                                                              \
  "        - {category: 城市低保, amount: 90}\n"                                               \
  "    - name: 农村低保\n"                                                                     \
  "      sources:\n"                                                                               \
  "        - {level: 省级, planned: 300, arrived: 300}\n"                                        \
  "      spending:\n"                                                                              \
  "        - {category: 农村低保, amount: 294}\n"

static void execution_scores_the_rate_of_all_funds(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("10", "    rule: execution\n", TWO_FUNDS, &d);
  assert_int_equal(d.errors, 0);
  /* (90 + 294) / (100 + 300) = 96% */
  assert_string_equal(leaf_score(ev, 2), "9.60");
  eval_done(ev, &d);
}

static void execution_scores_one_named_fund(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("10", "    rule: execution\n    fund: 城市低保\n", TWO_FUNDS, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "9.00"); /* 90 / 100 */
  eval_done(ev, &d);
  ev = eval_leaf("10", "    rule: execution\n    fund: 农村低保\n", TWO_FUNDS, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "9.80"); /* 294 / 300 */
  eval_done(ev, &d);
}

static void execution_is_capped_at_the_weight(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("10", "    rule: execution\n",
                          "funds:\n"
                          "  items:\n"
                          "    - name: 临时救助\n"
                          "      sources:\n"
                          "        - {level: 县级, planned: 100, arrived: 100}\n"
                          "      spending:\n"
                          "        - {category: 临时救助, amount: 120}\n",
                          &d);
  /* spending beyond the money arrived is an error of the data … */
  assert_non_null(find_finding(&d, "overspent"));
  /* … but the score never exceeds the weight */
  assert_string_equal(leaf_score(ev, 2), "10.00");
  assert_null(find_finding(&d, "score-range"));
  eval_done(ev, &d);
}

static void execution_reports_an_unknown_fund(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("10", "    rule: execution\n    fund: 城市低报\n", TWO_FUNDS, &d);
  assert_non_null(find_finding(&d, "unknown-fund"));
  assert_false(ev->scored);
  eval_done(ev, &d);
}

/* ---- qualitative ---- */

static void qualitative_defaults_per_level(void **state) {
  (void)state;
  static const struct {
    const char *level, *score;
  } cases[] = {{"达成", "5.00"}, {"部分达成", "3.00"}, {"未达成", "0.00"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char rule[128];
    snprintf(rule, sizeof rule, "    rule: qualitative\n    level: %s\n", cases[i].level);
    er_diag d;
    er_eval *ev = eval_leaf("5", rule, NULL, &d);
    assert_int_equal(d.errors, 0);
    assert_string_equal(leaf_score(ev, 2), cases[i].score);
    eval_done(ev, &d);
  }
}

static void qualitative_takes_an_explicit_percent(void **state) {
  (void)state;
  static const struct {
    const char *level, *percent, *score;
  } cases[] = {
      {"部分达成", "70%", "3.50"}, {"部分达成", "70", "3.50"}, /* 70 and 70% are the same */
      {"部分达成", "80%", "4.00"}, {"达成", "80%", "4.00"},    /* the shared edge */
      {"达成", "95%", "4.75"},     {"未达成", "60%", "3.00"},  {"未达成", "25%", "1.25"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char rule[160];
    snprintf(rule, sizeof rule, "    rule: qualitative\n    level: %s\n    percent: %s\n",
             cases[i].level, cases[i].percent);
    er_diag d;
    er_eval *ev = eval_leaf("5", rule, NULL, &d);
    assert_int_equal(d.errors, 0);
    assert_string_equal(leaf_score(ev, 2), cases[i].score);
    eval_done(ev, &d);
  }
}

static void qualitative_refuses_a_percent_outside_the_level(void **state) {
  (void)state;
  static const struct {
    const char *level, *percent;
  } cases[] = {{"部分达成", "85%"}, {"部分达成", "59.99%"}, {"达成", "79%"}, {"未达成", "61%"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char rule[160];
    snprintf(rule, sizeof rule, "    rule: qualitative\n    level: %s\n    percent: %s\n",
             cases[i].level, cases[i].percent);
    er_diag d;
    er_eval *ev = eval_leaf("5", rule, NULL, &d);
    const er_finding *f = find_finding(&d, "out-of-range");
    assert_non_null(f);
    assert_int_equal(f->pos.line, 9); /* the percent */
    assert_false(ev->scored);
    eval_done(ev, &d);
  }
}

static void qualitative_reports_an_unknown_level(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("5", "    rule: qualitative\n    level: 基本达成\n", NULL, &d);
  assert_non_null(find_finding(&d, "unknown-level"));
  assert_false(ev->scored);
  eval_done(ev, &d);
}

/* ---- deductions ---- */

static void deductions_subtract_from_the_weight(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("3",
                          "    rule: deductions\n"
                          "    deductions:\n"
                          "      - {points: 0.5, reason: 个别街道未按月公示}\n"
                          "      - {points: 1, reason: 档案不全}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "1.50");
  const er_indicator *a = &ev->indicators.items[0];
  assert_int_equal(a->deductions.count, 2);
  assert_string_equal(a->deductions.items[0].reason.s, "个别街道未按月公示");
  assert_string_equal(a->deductions.items[1].reason.s, "档案不全");
  eval_done(ev, &d);
}

static void deductions_are_floored_at_zero(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("3",
                          "    rule: deductions\n"
                          "    deductions:\n"
                          "      - {points: 2, reason: 未公示}\n"
                          "      - {points: 2.5, reason: 未建档}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "0.00");
  eval_done(ev, &d);
}

static void deductions_without_any_give_full_marks(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("3", "    rule: deductions\n", NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "3.00");
  eval_done(ev, &d);
}

static void deductions_need_a_reason(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      eval_leaf("3", "    rule: deductions\n    deductions:\n      - {points: 1}\n", NULL, &d);
  const er_finding *f = find_finding(&d, "missing-key");
  assert_non_null(f);
  assert_non_null(strstr(f->message, "reason"));
  eval_done(ev, &d);
}

/* ---- checklist ---- */

static void checklist_adds_the_points_met(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("3",
                          "    rule: checklist\n"
                          "    items:\n"
                          "      - {name: 设有目标, points: 1, met: true}\n"
                          "      - {name: 目标明确, points: 1.5, met: false}\n"
                          "      - {name: 目标细化, points: 0.5, met: true}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "1.50");
  eval_done(ev, &d);
}

static void checklist_points_must_add_up_to_the_weight(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("3",
                          "    rule: checklist\n"
                          "    items:\n"
                          "      - {name: 设有目标, points: 1, met: true}\n"
                          "      - {name: 目标明确, points: 1, met: true}\n",
                          NULL, &d);
  assert_non_null(find_finding(&d, "checklist-points"));
  eval_done(ev, &d);
}

static void checklist_item_needs_met(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf(
      "1", "    rule: checklist\n    items:\n      - {name: 设有目标, points: 1}\n", NULL, &d);
  assert_non_null(find_finding(&d, "missing-input"));
  assert_false(ev->scored);
  eval_done(ev, &d);
}

/* ---- satisfaction ---- */

static void satisfaction_is_the_weighted_share_times_weight(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("3",
                          "    rule: satisfaction\n"
                          "    responses:\n"
                          "      - {level: 满意, weight: 1, count: 27}\n"
                          "      - {level: 不满意, weight: 0, count: 13}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  /* (27×1 + 13×0) / 40 × 3 = 2.025, shown with three decimals */
  const er_indicator *a = &ev->indicators.items[0];
  assert_string_equal(leaf_score(ev, 6), "2.025000");
  assert_int_equal(a->result.places, 3);
  assert_string_equal(dec_str(a->result.score, a->result.places), "2.025");
  eval_done(ev, &d);
}

static void satisfaction_keeps_two_decimals_when_enough(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("3",
                          "    rule: satisfaction\n"
                          "    responses:\n"
                          "      - {level: 满意, weight: 1, count: 13}\n"
                          "      - {level: 基本满意, weight: 0.5, count: 0}\n"
                          "      - {level: 不满意, weight: 0, count: 7}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  const er_indicator *a = &ev->indicators.items[0];
  assert_string_equal(leaf_score(ev, 2), "1.95"); /* 13/20 × 3 */
  assert_int_equal(a->result.places, 2);
  eval_done(ev, &d);
}

static void satisfaction_with_partial_weights(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("4",
                          "    rule: satisfaction\n"
                          "    responses:\n"
                          "      - {level: 满意, weight: 1, count: 60}\n"
                          "      - {level: 基本满意, weight: 80%, count: 30}\n"
                          "      - {level: 不满意, weight: 0, count: 10}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "3.36"); /* (60 + 24) / 100 × 4 */
  eval_done(ev, &d);
}

static void satisfaction_needs_responses(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("3",
                          "    rule: satisfaction\n"
                          "    responses:\n"
                          "      - {level: 满意, weight: 1, count: 0}\n",
                          NULL, &d);
  assert_non_null(find_finding(&d, "no-responses"));
  assert_false(ev->scored);
  eval_done(ev, &d);
}

/* ---- rollup ---- */

static void rollup_averages_each_group_by_its_share(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("10",
                          "    rule: rollup\n"
                          "    groups:\n"
                          "      - {name: 乡镇, share: 50%, scores: [88.5, 91, 79.25]}\n"
                          "      - {name: 县级, share: 50%, scores: [92]}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  /* avg(88.5, 91, 79.25) = 86.25; 86.25×50% + 92×50% = 89.125; /100 × 10 */
  assert_string_equal(leaf_score(ev, 4), "8.9125");
  assert_string_equal(leaf_score(ev, 2), "8.91");
  eval_done(ev, &d);
}

static void rollup_uses_out_of(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("6",
                          "    rule: rollup\n"
                          "    out_of: 10\n"
                          "    groups:\n"
                          "      - {name: 乡镇, share: 40%, scores: [8, 9]}\n"
                          "      - {name: 县级, share: 60%, scores: [7]}\n",
                          NULL, &d);
  assert_int_equal(d.errors, 0);
  /* 8.5×0.4 + 7×0.6 = 7.6; / 10 × 6 = 4.56 */
  assert_string_equal(leaf_score(ev, 2), "4.56");
  eval_done(ev, &d);
}

static void rollup_shares_must_add_up_to_100_percent(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("10",
                          "    rule: rollup\n"
                          "    groups:\n"
                          "      - {name: 乡镇, share: 50%, scores: [80]}\n"
                          "      - {name: 县级, share: 40%, scores: [90]}\n",
                          NULL, &d);
  assert_non_null(find_finding(&d, "rollup-shares"));
  eval_done(ev, &d);
}

/* ---- score ---- */

static void score_is_taken_as_typed(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("3", "    rule: score\n    score: 2.4\n", NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(leaf_score(ev, 2), "2.40");
  eval_done(ev, &d);
}

static void score_above_the_weight_is_an_error(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("3", "    rule: score\n    score: 3.5\n", NULL, &d);
  const er_finding *f = find_finding(&d, "score-range");
  assert_non_null(f);
  assert_int_equal(f->severity, ER_ERROR);
  eval_done(ev, &d);
}

static void a_leaf_without_a_rule_is_an_error(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_leaf("3", "", NULL, &d);
  assert_non_null(find_finding(&d, "missing-rule"));
  assert_false(ev->scored);
  eval_done(ev, &d);
}

/* ---- subtotals, total, bonus ---- */

static void parents_sum_their_children(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      eval_yaml(HEAD "indicators:\n"
                     "  - code: A\n"
                     "    name: 决策\n"
                     "    weight: 20\n"
                     "    children:\n"
                     "      - {code: A1, name: 目标, weight: 10, rule: score, score: 7.5}\n"
                     "      - {code: A2, name: 依据, weight: 10, rule: judgement, level: 较好}\n"
                     "  - code: B\n"
                     "    name: 管理\n"
                     "    weight: 80\n"
                     "    children:\n"
                     "      - code: B1\n"
                     "        name: 资金\n"
                     "        weight: 80\n"
                     "        children:\n"
                     "          - {code: B11, name: 到位, weight: 40, rule: score, "
                     "score: 40}\n"
                     "          - {code: B12, name: 使用, weight: 40, rule: ratio, "
                     "actual: 45, target: 50}\n",
                &d);
  assert_int_equal(d.errors, 0);
  assert_int_equal(d.warnings, 0);
  const er_indicator *a = &ev->indicators.items[0], *b = &ev->indicators.items[1];
  assert_string_equal(dec_str(a->result.score, 2), "15.50");
  assert_string_equal(dec_str(a->result.rate, 2), "77.50");
  assert_string_equal(dec_str(b->children.items[0].result.score, 2), "76.00");
  assert_string_equal(dec_str(b->result.score, 2), "76.00");
  assert_string_equal(dec_str(b->result.rate, 2), "95.00");
  assert_int_equal(b->children.items[0].children.items[1].depth, 3);
  assert_ptr_equal(b->children.items[0].children.items[1].parent, &b->children.items[0]);
  assert_string_equal(dec_str(ev->total, 2), "91.50");
  assert_string_equal(dec_str(ev->total_weight, 2), "100.00");
  assert_string_equal(ev->grade, "优");
  eval_done(ev, &d);
}

static void bonus_items_add_beyond_100(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"
                               "  - {code: A, name: 决策, weight: 40, rule: score, score: 40}\n"
                               "  - {code: B, name: 绩效, weight: 60, rule: judgement, level: 好}\n"
                               "  - {code: C, name: 加分项, weight: 5, bonus: true, rule: score, "
                               "score: 3}\n",
                          &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(dec_str(ev->total, 2), "103.00");
  assert_string_equal(dec_str(ev->total_weight, 2), "100.00");
  assert_string_equal(dec_str(ev->bonus, 2), "3.00");
  assert_string_equal(dec_str(er_total_rate(ev), 2), "103.00");
  assert_null(find_finding(&d, "total-weight"));
  eval_done(ev, &d);
}

static void bonus_child_is_not_part_of_the_parent_weight(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      eval_yaml(HEAD "indicators:\n"
                     "  - code: A\n"
                     "    name: 绩效\n"
                     "    weight: 100\n"
                     "    children:\n"
                     "      - {code: A1, name: 产出, weight: 100, rule: score, score: 90}\n"
                     "      - {code: A2, name: 加分, weight: 2, bonus: true, rule: score, "
                     "score: 2}\n",
                &d);
  assert_int_equal(d.errors, 0);
  assert_null(find_finding(&d, "weights"));
  assert_string_equal(dec_str(ev->total, 2), "92.00");
  eval_done(ev, &d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(judgement_uses_the_default_scale),
      cmocka_unit_test(judgement_uses_an_inline_scale),
      cmocka_unit_test(judgement_levels_may_be_written_in_percent),
      cmocka_unit_test(judgement_uses_a_named_scale),
      cmocka_unit_test(judgement_reports_an_unknown_level_with_a_suggestion),
      cmocka_unit_test(judgement_reports_an_unknown_scale_name),
      cmocka_unit_test(bands_put_a_value_on_an_edge_in_the_right_band),
      cmocka_unit_test(bands_accept_the_reversed_form),
      cmocka_unit_test(bands_accept_ascii_comparators),
      cmocka_unit_test(bands_report_a_value_in_no_band),
      cmocka_unit_test(bands_use_a_named_table),
      cmocka_unit_test(ratio_scores_actual_over_target),
      cmocka_unit_test(ratio_gives_full_marks_above_target),
      cmocka_unit_test(ratio_lower_is_better_uses_target_over_actual),
      cmocka_unit_test(ratio_cap_lets_the_ratio_count_up_to_it),
      cmocka_unit_test(ratio_refuses_a_zero_target),
      cmocka_unit_test(execution_scores_the_rate_of_all_funds),
      cmocka_unit_test(execution_scores_one_named_fund),
      cmocka_unit_test(execution_is_capped_at_the_weight),
      cmocka_unit_test(execution_reports_an_unknown_fund),
      cmocka_unit_test(qualitative_defaults_per_level),
      cmocka_unit_test(qualitative_takes_an_explicit_percent),
      cmocka_unit_test(qualitative_refuses_a_percent_outside_the_level),
      cmocka_unit_test(qualitative_reports_an_unknown_level),
      cmocka_unit_test(deductions_subtract_from_the_weight),
      cmocka_unit_test(deductions_are_floored_at_zero),
      cmocka_unit_test(deductions_without_any_give_full_marks),
      cmocka_unit_test(deductions_need_a_reason),
      cmocka_unit_test(checklist_adds_the_points_met),
      cmocka_unit_test(checklist_points_must_add_up_to_the_weight),
      cmocka_unit_test(checklist_item_needs_met),
      cmocka_unit_test(satisfaction_is_the_weighted_share_times_weight),
      cmocka_unit_test(satisfaction_keeps_two_decimals_when_enough),
      cmocka_unit_test(satisfaction_with_partial_weights),
      cmocka_unit_test(satisfaction_needs_responses),
      cmocka_unit_test(rollup_averages_each_group_by_its_share),
      cmocka_unit_test(rollup_uses_out_of),
      cmocka_unit_test(rollup_shares_must_add_up_to_100_percent),
      cmocka_unit_test(score_is_taken_as_typed),
      cmocka_unit_test(score_above_the_weight_is_an_error),
      cmocka_unit_test(a_leaf_without_a_rule_is_an_error),
      cmocka_unit_test(parents_sum_their_children),
      cmocka_unit_test(bonus_items_add_beyond_100),
      cmocka_unit_test(bonus_child_is_not_part_of_the_parent_weight),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
