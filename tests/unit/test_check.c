/* Consistency checks: each finding by its key, at the line and column of
 * the value to fix; and the three samples, which must check clean and
 * score to their published figures. */
#include "support.h"

#include "model/funds.h"

#include <stdio.h>
#include <string.h>

#define ONE_LEAF                                                                                   \
  "indicators:\n"                                                                                  \
  "  - {code: A, name: 总体, weight: 100, rule: score, score: 100}\n"

static void done(er_eval *ev, er_diag *d) {
  er_eval_free(ev);
  er_diag_free(d);
}

/* The finding `key`, asserted to be at line:col with the given severity. */
static const er_finding *expect_at(const er_diag *d, const char *key, er_severity sev,
                                   unsigned line, unsigned col) {
  const er_finding *f = find_finding(d, key);
  if (!f)
    fail_msg("no finding [%s]", key);
  if (f->pos.line != line || f->pos.col != col)
    fail_msg("[%s] at %u:%u, expected %u:%u: %s", key, f->pos.line, f->pos.col, line, col,
             f->message);
  assert_int_equal(f->severity, sev);
  return f;
}

static int count_findings(const er_diag *d, const char *key) {
  char tag[64];
  snprintf(tag, sizeof tag, "[%s]", key);
  int n = 0;
  for (size_t i = 0; i < d->count; i++)
    if (strstr(d->items[i].message, tag))
      n++;
  return n;
}

/* ---- the indicator tree ---- */

static void children_weights_must_add_up_to_the_parent(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"    /* 3 */
                               "  - code: A\n"    /* 4 */
                               "    name: 决策\n" /* 5 */
                               "    weight: 20\n" /* 6 */
                               "    children:\n"  /* 7 */
                               "      - {code: A1, name: 目标, weight: 10, rule: score, score: 5}\n"
                               "      - {code: A2, name: 依据, weight: 8, rule: score, score: 5}\n"
                               "  - {code: B, name: 管理, weight: 80, rule: score, score: 70}\n",
                          &d);
  const er_finding *f = expect_at(&d, "weights", ER_ERROR, 6, 13);
  assert_non_null(strstr(f->message, "A"));
  assert_non_null(strstr(f->message, "20"));
  assert_non_null(strstr(f->message, "18"));
  assert_int_equal(count_findings(&d, "weights"), 1);
  done(ev, &d);
}

static void matching_weights_are_clean(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      eval_yaml(HEAD "indicators:\n"
                     "  - code: A\n"
                     "    name: 决策\n"
                     "    weight: 20\n"
                     "    children:\n"
                     "      - {code: A1, name: 目标, weight: 12.5, rule: score, score: 5}\n"
                     "      - {code: A2, name: 依据, weight: 7.5, rule: score, score: 5}\n"
                     "  - {code: B, name: 管理, weight: 80, rule: score, score: 70}\n",
                &d);
  assert_int_equal(d.errors, 0);
  assert_int_equal(d.warnings, 0);
  done(ev, &d);
}

static void duplicate_code_points_at_the_second_occurrence(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n" /* 3 */
                               "  - {code: A, name: 决策, weight: 50, rule: score, score: 40}\n"
                               "  - {code: B, name: 管理, weight: 30, rule: score, score: 20}\n"
                               "  - {code: A, name: 绩效, weight: 20, rule: score, score: 10}\n",
                          &d);
  const er_finding *f = expect_at(&d, "duplicate-code", ER_ERROR, 6, 12);
  assert_non_null(strstr(f->message, "第 4 行"));
  assert_int_equal(count_findings(&d, "duplicate-code"), 1);
  done(ev, &d);
}

static void duplicate_code_across_levels(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      eval_yaml(HEAD "indicators:\n"    /* 3 */
                     "  - code: A\n"    /* 4 */
                     "    name: 决策\n" /* 5 */
                     "    weight: 50\n" /* 6 */
                     "    children:\n"  /* 7 */
                     "      - {code: A1, name: 目标, weight: 50, rule: score, score: 5}\n"
                     "  - code: B\n"    /* 9 */
                     "    name: 管理\n" /* 10 */
                     "    weight: 50\n" /* 11 */
                     "    children:\n"  /* 12 */
                     "      - {code: A1, name: 资金, weight: 50, rule: score, score: 5}\n",
                &d);
  const er_finding *f = expect_at(&d, "duplicate-code", ER_ERROR, 13, 16);
  assert_non_null(strstr(f->message, "第 8 行"));
  done(ev, &d);
}

/* ---- band tables ---- */

static void band_gap_is_reported_at_the_later_band(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"                              /* 3 */
                               "  - code: A\n"                              /* 4 */
                               "    name: 完成率\n"                         /* 5 */
                               "    weight: 100\n"                          /* 6 */
                               "    rule: bands\n"                          /* 7 */
                               "    value: 95%\n"                           /* 8 */
                               "    bands:\n"                               /* 9 */
                               "      - {when: \"x < 70%\", fraction: 0}\n" /* 10 */
                               "      - {when: \"80% ≤ x < 100%\", fraction: 0.8}\n"
                               "      - {when: \"x = 100%\", fraction: 1}\n",
                          &d);
  const er_finding *f = expect_at(&d, "band-gap", ER_ERROR, 11, 17);
  assert_non_null(strstr(f->message, "x < 70%"));
  assert_non_null(strstr(f->message, "第 10 行"));
  assert_int_equal(count_findings(&d, "band-gap"), 1);
  assert_null(find_finding(&d, "band-overlap"));
  /* the value itself is in a band, so the leaf still scores */
  assert_string_equal(dec_str(ev->total, 2), "80.00");
  done(ev, &d);
}

static void two_open_edges_at_one_point_leave_a_gap(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"
                               "  - code: A\n"
                               "    name: 完成率\n"
                               "    weight: 100\n"
                               "    rule: bands\n"
                               "    value: 95%\n"
                               "    bands:\n"
                               "      - {when: \"x < 90%\", fraction: 0}\n"  /* 10 */
                               "      - {when: \"x > 90%\", fraction: 1}\n", /* 11 */
                          &d);
  expect_at(&d, "band-gap", ER_ERROR, 11, 17);
  done(ev, &d);
}

static void band_overlap_is_reported(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"
                               "  - code: A\n"
                               "    name: 完成率\n"
                               "    weight: 100\n"
                               "    rule: bands\n"
                               "    value: 95%\n"
                               "    bands:\n"
                               "      - {when: \"x ≤ 90%\", fraction: 0}\n"         /* 10 */
                               "      - {when: \"90% ≤ x ≤ 100%\", fraction: 1}\n", /* 11 */
                          &d);
  const er_finding *f = expect_at(&d, "band-overlap", ER_ERROR, 11, 17);
  assert_non_null(strstr(f->message, "第 10 行"));
  assert_null(find_finding(&d, "band-gap"));
  done(ev, &d);
}

/* Each band is compared with the band that reached furthest so far, not
 * merely the previous one: 20%..50% lies in 0% ≤ x ≤ 100%, so there is an
 * overlap but no gap. */
static void band_after_an_overlap_is_not_a_false_gap(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"
                               "  - code: A\n"
                               "    name: 完成率\n"
                               "    weight: 100\n"
                               "    rule: bands\n"
                               "    value: 95%\n"
                               "    bands:\n"
                               "      - {when: \"0% ≤ x ≤ 100%\", fraction: 1}\n"
                               "      - {when: \"10% ≤ x ≤ 20%\", fraction: 0.5}\n"
                               "      - {when: \"50% < x ≤ 60%\", fraction: 0.5}\n",
                          &d);
  bool overlap = find_finding(&d, "band-overlap") != NULL;
  const er_finding *gap = find_finding(&d, "band-gap");
  char message[512] = "";
  if (gap)
    snprintf(message, sizeof message, "%s", gap->message);
  done(ev, &d);
  assert_true(overlap);
  if (*message)
    fail_msg("false gap after an overlap: %s", message);
}

static void bands_are_compared_in_value_order_not_file_order(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"
                               "  - code: A\n"
                               "    name: 完成率\n"
                               "    weight: 100\n"
                               "    rule: bands\n"
                               "    value: 95%\n"
                               "    bands:\n"
                               "      - {when: \"x = 100%\", fraction: 1}\n"
                               "      - {when: \"80% ≤ x < 100%\", fraction: 0.8}\n"
                               "      - {when: \"x < 70%\", fraction: 0}\n"
                               "      - {when: \"70% ≤ x < 80%\", fraction: 0.3}\n",
                          &d);
  assert_int_equal(d.errors, 0);
  done(ev, &d);
}

static void band_gap_in_a_shared_scale(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "scales:\n"                                /* 3 */
                               "  rate:\n"                                /* 4 */
                               "    - {when: \"x < 60%\", fraction: 0}\n" /* 5 */
                               "    - {when: \"60% < x\", fraction: 1}\n" /* 6 */
                               "indicators:\n"
                               "  - {code: A, name: 完成率, weight: 100, rule: bands, value: 95%, "
                               "bands: rate}\n",
                          &d);
  expect_at(&d, "band-gap", ER_ERROR, 6, 15);
  assert_int_equal(count_findings(&d, "band-gap"), 1); /* once, not once per leaf */
  done(ev, &d);
}

/* ---- funds ---- */

#define FUND(total, balance)                                                                       \
  "funds:\n"                                                      /* 3 */                          \
  "  items:\n"                                                    /* 4 */                          \
  "    - name: 城市低保\n"                                        /* 5 */                          \
  "      sources:\n"                                              /* 6 */                          \
  "        - {level: 中央, planned: 76, arrived: 76}\n"           /* 7 */                          \
  "        - {level: 省级, planned: 53.8585, arrived: 53.8585}\n" /* 8 */                          \
  "      total: " total "\n"                                      /* 9 */                          \
  "      spending:\n"                                             /* 10 */                         \
  "        - {category: 城市低保, amount: 118.0785}\n"            /* 11 */                         \
  "      balance: " balance "\n"                                  /* 12 */

static void consistent_funds_are_clean(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD FUND("129.8585", "11.78") ONE_LEAF, &d);
  assert_int_equal(d.errors, 0);
  assert_int_equal(d.warnings, 0);
  done(ev, &d);
}

static void sources_total_must_match_the_arrived_sum(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD FUND("130", "11.78") ONE_LEAF, &d);
  const er_finding *f = expect_at(&d, "sources-total", ER_ERROR, 9, 14);
  assert_non_null(strstr(f->message, "129.8585"));
  assert_null(find_finding(&d, "balance"));
  done(ev, &d);
}

static void balance_must_close_the_books(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD FUND("129.8585", "11") ONE_LEAF, &d);
  const er_finding *f = expect_at(&d, "balance", ER_ERROR, 12, 16);
  assert_non_null(strstr(f->message, "支出 118.0785"));
  assert_non_null(strstr(f->message, "结余 11 "));
  assert_non_null(strstr(f->message, "到位 129.8585万元"));
  assert_null(find_finding(&d, "sources-total"));
  done(ev, &d);
}

/* The [balance] message names the balance that would add up
 * (arrived 129.8585 − spent 118.0785 = 11.78). */
static void balance_message_gives_the_expected_balance(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD FUND("129.8585", "11") ONE_LEAF, &d);
  const er_finding *f = find_finding(&d, "balance");
  assert_non_null(f);
  char message[512];
  snprintf(message, sizeof message, "%s", f->message);
  done(ev, &d);
  if (!strstr(message, "结余应为 11.78"))
    fail_msg("wrong expected balance in message: %s", message);
}

/* ---- targets ---- */

static void a_target_needs_an_actual(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "targets:\n"                         /* 3 */
                               "  items:\n"                         /* 4 */
                               "    - level1: 产出指标\n"           /* 5 */
                               "      name: 城乡低保对象人数\n"     /* 6 */
                               "      target: ≥31000人\n" ONE_LEAF, /* 7 */
                          &d);
  const er_finding *f = expect_at(&d, "missing-actual", ER_ERROR, 5, 7);
  assert_non_null(strstr(f->message, "城乡低保对象人数"));
  done(ev, &d);
}

static void met_contradicting_the_numbers_is_reported(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "targets:\n"                  /* 3 */
                               "  items:\n"                  /* 4 */
                               "    - level1: 产出指标\n"    /* 5 */
                               "      name: 资金到位率\n"    /* 6 */
                               "      target: ≥90%\n"        /* 7 */
                               "      actual: 85%\n"         /* 8 */
                               "      met: true\n" ONE_LEAF, /* 9 */
                          &d);
  const er_finding *f = expect_at(&d, "target-met", ER_ERROR, 9, 12);
  assert_non_null(strstr(f->message, "met: false"));
  done(ev, &d);
}

static void met_agreeing_with_the_numbers_is_clean(void **state) {
  (void)state;
  static const char *const rows[] = {
      "      target: ≥31000人\n      actual: 31625人\n      met: true\n",
      "      target: ≥31000人\n      actual: 31625人\n", /* computed, not required */
      "      target: ≤15天\n      actual: 16天\n      met: false\n",
      "      target: 31000人\n      actual: 30000人\n      met: false\n", /* a plain figure is a
                                                                             floor */
      "      target: 每月10日前\n      actual: 每月8日\n      met: true\n",
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    char yaml[1024];
    snprintf(yaml, sizeof yaml,
             HEAD "targets:\n  items:\n    - level1: 产出指标\n      name: 指标\n%s" ONE_LEAF,
             rows[i]);
    er_diag d;
    er_eval *ev = eval_yaml(yaml, &d);
    if (d.errors)
      fail_msg("row %zu: %s", i, d.items[0].message);
    done(ev, &d);
  }
}

/* A target without a comparator is a floor; `=` asks for exactly the
 * value (docs/data-format.md, targets). */
static void equals_target_must_be_met_exactly(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "targets:\n"
                               "  items:\n"
                               "    - level1: 产出指标\n"
                               "      name: 资金拨付\n"
                               "      target: =720万元\n"
                               "      actual: 750万元\n"
                               "      met: true\n"
                               "    - level1: 产出指标\n"
                               "      name: 保障人数\n"
                               "      target: 720人\n"
                               "      actual: 750人\n"
                               "      met: true\n" ONE_LEAF,
                          &d);
  const er_finding *f = find_finding(&d, "target-met");
  assert_non_null(f);
  assert_non_null(strstr(f->message, "资金拨付"));
  assert_int_equal(d.errors, 1); /* the floor target 720人 is met by 750人 */
  done(ev, &d);
}

static void words_need_an_explicit_met(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "targets:\n"
                               "  items:\n"
                               "    - level1: 产出指标\n"
                               "      name: 资金发放及时\n"
                               "      target: 每月10日前\n"           /* 7 */
                               "      actual: 已按月发放\n" ONE_LEAF, /* 8 */
                          &d);
  expect_at(&d, "missing-met", ER_ERROR, 8, 15);
  done(ev, &d);
}

/* ---- survey ---- */

static void survey_counts_beyond_the_respondents(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "survey:\n"                                   /* 3 */
                               "  groups:\n"                                 /* 4 */
                               "    - name: 群众\n"                          /* 5 */
                               "      respondents: 100\n"                    /* 6 */
                               "      questions:\n"                          /* 7 */
                               "        - text: 您对低保制度实施是否满意\n"  /* 8 */
                               "          options: {满意: 87, 不满意: 20}\n" /* 9 */
                               "        - text: 您从哪些渠道了解低保政策\n"  /* 10 */
                               "          multiple: true\n"                  /* 11 */
                               "          options:\n"                        /* 12 */
                               "            tv: 60\n"                        /* 13 */
                               "            village: 101\n" ONE_LEAF,        /* 14 */
                          &d);
  assert_int_equal(count_findings(&d, "survey-count"), 2);
  /* sorted by position: the single-choice sum first, then the option */
  const er_finding *single = expect_at(&d, "survey-count", ER_ERROR, 8, 17);
  assert_non_null(strstr(single->message, "107"));
  const er_finding *option = NULL;
  for (size_t i = 0; i < d.count; i++)
    if (strstr(d.items[i].message, "[survey-count]") && d.items[i].pos.line == 14)
      option = &d.items[i];
  assert_non_null(option);
  assert_int_equal(option->pos.col, 22);
  assert_int_equal(option->severity, ER_ERROR);
  assert_non_null(strstr(option->message, "village"));
  done(ev, &d);
}

static void survey_counts_short_of_the_respondents_warn(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "survey:\n"
                               "  groups:\n"
                               "    - name: 群众\n"
                               "      respondents: 100\n"
                               "      questions:\n"
                               "        - text: 您对低保制度实施是否满意\n" /* 8 */
                               "          options: {满意: 87, 不满意: 10}\n"
                               "        - text: 您从哪些渠道了解低保政策\n"
                               "          multiple: true\n"
                               "          options: {tv: 60, village: 80}\n" ONE_LEAF,
                          &d);
  assert_int_equal(d.errors, 0);
  expect_at(&d, "survey-count", ER_WARNING, 8, 17);
  assert_int_equal(count_findings(&d, "survey-count"), 1);
  done(ev, &d);
}

/* ---- unknown keys ---- */

static void unknown_key_suggests_the_nearest(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "indicators:\n"     /* 3 */
                               "  - code: A\n"     /* 4 */
                               "    name: 总体\n"  /* 5 */
                               "    wieght: 100\n" /* 6 */
                               "    rule: score\n"
                               "    score: 100\n",
                          &d);
  const er_finding *f = expect_at(&d, "unknown-key", ER_ERROR, 6, 5);
  assert_non_null(strstr(f->message, "wieght"));
  assert_non_null(strstr(f->message, "是否为“weight”"));
  done(ev, &d);
}

static void unknown_top_level_key_suggests_the_nearest(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "recomendations: []\n" ONE_LEAF, &d);
  const er_finding *f = expect_at(&d, "unknown-key", ER_ERROR, 3, 1);
  assert_non_null(strstr(f->message, "是否为“recommendations”"));
  done(ev, &d);
}

static void unknown_key_far_from_any_has_no_suggestion(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "zzzzzzzzzzzz: 1\n" ONE_LEAF, &d);
  const er_finding *f = expect_at(&d, "unknown-key", ER_ERROR, 3, 1);
  assert_null(strstr(f->message, "是否为"));
  done(ev, &d);
}

/* ---- the samples ---- */

static er_eval *sample(const char *path, er_diag *d) {
  er_diag_init(d, path);
  er_eval *ev = er_evaluate(path, d);
  if (d->errors) {
    er_diag_print(d, stderr);
    fail_msg("%s: %zu errors", path, d->errors);
  }
  assert_true(ev->scored);
  return ev;
}

static void nanchong_2018_scores_88_38(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = sample(ER_SOURCE_DIR "/samples/nanchong-2018.yaml", &d);
  assert_string_equal(dec_str(ev->total, 2), "88.38");
  assert_string_equal(ev->grade, "良好");
  assert_int_equal(ev->indicators.count, 3);
  static const char *const codes[] = {"A", "B", "C"};
  static const char *const scores[] = {"15.00", "32.00", "41.38"};
  for (size_t i = 0; i < 3; i++) {
    assert_string_equal(ev->indicators.items[i].code.s, codes[i]);
    assert_string_equal(dec_str(ev->indicators.items[i].result.score, 2), scores[i]);
  }
  assert_string_equal(dec_str(ev->total_weight, 2), "100.00");
  done(ev, &d);
}

static void chenggong_2023_scores_100(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = sample(ER_SOURCE_DIR "/samples/chenggong-2023.yaml", &d);
  assert_string_equal(dec_str(ev->total, 2), "100.00");
  assert_string_equal(ev->grade, "优秀");
  done(ev, &d);
}

static void jialing_2023_executes_98_42_percent(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = sample(ER_SOURCE_DIR "/samples/jialing-2023.yaml", &d);
  er_fund_totals t;
  assert_true(er_funds_totals(&ev->funds, NULL, &t));
  assert_true(t.execution_defined);
  assert_string_equal(dec_str(t.execution_rate, 2), "98.42");
  assert_string_equal(dec_str(t.arrived, 2), "13571.19");
  assert_string_equal(dec_str(t.spent, 2), "13356.23");
  done(ev, &d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(children_weights_must_add_up_to_the_parent),
      cmocka_unit_test(matching_weights_are_clean),
      cmocka_unit_test(duplicate_code_points_at_the_second_occurrence),
      cmocka_unit_test(duplicate_code_across_levels),
      cmocka_unit_test(band_gap_is_reported_at_the_later_band),
      cmocka_unit_test(two_open_edges_at_one_point_leave_a_gap),
      cmocka_unit_test(band_overlap_is_reported),
      cmocka_unit_test(band_after_an_overlap_is_not_a_false_gap),
      cmocka_unit_test(bands_are_compared_in_value_order_not_file_order),
      cmocka_unit_test(band_gap_in_a_shared_scale),
      cmocka_unit_test(consistent_funds_are_clean),
      cmocka_unit_test(sources_total_must_match_the_arrived_sum),
      cmocka_unit_test(balance_must_close_the_books),
      cmocka_unit_test(balance_message_gives_the_expected_balance),
      cmocka_unit_test(a_target_needs_an_actual),
      cmocka_unit_test(met_contradicting_the_numbers_is_reported),
      cmocka_unit_test(met_agreeing_with_the_numbers_is_clean),
      cmocka_unit_test(equals_target_must_be_met_exactly),
      cmocka_unit_test(words_need_an_explicit_met),
      cmocka_unit_test(survey_counts_beyond_the_respondents),
      cmocka_unit_test(survey_counts_short_of_the_respondents_warn),
      cmocka_unit_test(unknown_key_suggests_the_nearest),
      cmocka_unit_test(unknown_top_level_key_suggests_the_nearest),
      cmocka_unit_test(unknown_key_far_from_any_has_no_suggestion),
      cmocka_unit_test(nanchong_2018_scores_88_38),
      cmocka_unit_test(chenggong_2023_scores_100),
      cmocka_unit_test(jialing_2023_executes_98_42_percent),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
