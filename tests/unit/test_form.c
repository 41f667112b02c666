/* The 项目支出绩效自评表 (model/form.c): the funds block's rows — 执行率 =
 * 全年执行数 ÷ 全年预算数, spending charged to 上年结转 first, a source's own
 * `spent` — its 分值 and 得分 with and without an execution leaf, and the
 * target rows' 得分 by the form's rule. */
#include "support.h"

#include "model/form.h"
#include "model/shape.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#undef HEAD
#define HEAD "evalreport: 1\nkind: self\nproject: {name: 测试项目, year: 2023}\n"

/* Funds of 100 current and 10 carried over (both arrived), 50 spent. */
#define FUNDS(carryover_extra)                                                                     \
  "funds:\n"                                                                                       \
  "  items:\n"                                                                                     \
  "    - name: 资金\n"                                                                           \
  "      sources:\n"                                                                               \
  "        - {level: 中央, planned: 100, arrived: 100}\n"                                        \
  "        - {level: 上年结转, planned: 10, arrived: 10" carryover_extra "}\n"                     \
  "      spending:\n"                                                                              \
  "        - {category: 支出, amount: 50}\n"

static er_eval *build(const char *yaml, er_form *f, er_diag *d) {
  er_eval *ev = eval_yaml(yaml, d);
  er_form_build(ev, &ev->arena, f);
  return ev;
}

static void funds_rows_spend_carryover_first(void **state) {
  (void)state;
  er_diag d = {0};
  er_form f;
  er_eval *ev =
      build(HEAD FUNDS("") "indicators:\n"
                           "  - {code: A, name: 其他, weight: 90, rule: score, score: 90}\n",
            &f, &d);
  assert_null(f.execution);
  assert_string_equal(dec_str(f.rows[ER_FORM_CARRYOVER].spent, 2), "10.00");
  assert_string_equal(dec_str(f.rows[ER_FORM_CURRENT].spent, 2), "40.00");
  assert_string_equal(dec_str(f.rows[ER_FORM_OTHER].spent, 2), "0.00");
  assert_false(f.rows[ER_FORM_OTHER].rate_defined);
  assert_string_equal(dec_str(f.rows[ER_FORM_ALL].budget, 2), "110.00");
  /* 执行率 on 全年预算数: 50 ÷ 110, not 50 ÷ arrived */
  assert_string_equal(dec_str(f.rows[ER_FORM_ALL].rate, 6), "45.454545");
  assert_string_equal(dec_str(f.rows[ER_FORM_CURRENT].rate, 2), "40.00");
  /* no execution leaf: 分值 10, 得分 = 执行率 × 10 */
  assert_string_equal(dec_str(f.funds_weight, 0), "10");
  assert_string_equal(dec_str(f.funds_score, 6), "4.545450");
  /* and check says the two sheets' totals will differ */
  assert_non_null(find_finding(&d, "self-execution"));
  er_eval_free(ev);
  er_diag_free(&d);
}

static void funds_rows_take_a_sources_spent(void **state) {
  (void)state;
  er_diag d = {0};
  er_form f;
  er_eval *ev = build(HEAD FUNDS(", spent: 2") "indicators:\n"
                                               "  - {code: A, name: 执行, weight: 10, rule: "
                                               "execution}\n"
                                               "  - {code: B, name: 其他, weight: 90, rule: "
                                               "score, score: 90}\n",
                      &f, &d);
  assert_true(f.rows[ER_FORM_CARRYOVER].spent_given);
  assert_string_equal(dec_str(f.rows[ER_FORM_CARRYOVER].spent, 2), "2.00");
  assert_string_equal(dec_str(f.rows[ER_FORM_CURRENT].spent, 2), "48.00");
  /* an execution leaf: its weight and its score (spent ÷ arrived = 50 ÷ 110) */
  assert_non_null(f.execution);
  assert_int_equal(er_dec_cmp(f.funds_score, f.execution->result.score), 0);
  assert_null(find_finding(&d, "self-execution"));
  er_eval_free(ev);
  er_diag_free(&d);
}

static void targets_scored_by_the_forms_rule(void **state) {
  (void)state;
  er_diag d = {0};
  er_form f;
  er_eval *ev = build(
      HEAD FUNDS(
          "") "targets:\n"
              "  items:\n"
              "    - {level1: 产出指标, level2: 数量指标, name: 人数, target: ≥100人, actual: "
              "120人, weight: 20}\n"
              "    - {level1: 产出指标, level2: 数量指标, name: 覆盖率, target: ≥90%, actual: "
              "72%, weight: 20}\n"
              "    - {level1: 产出指标, level2: 时效指标, name: 天数, target: ≤10天, actual: "
              "12.5天, weight: 10}\n"
              "    - {level1: 效益指标, level2: 社会效益指标, name: 保障, target: 有效保障, "
              "actual: 有效, met: true, weight: 20}\n"
              "    - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意, target: 满意, "
              "actual: 基本满意, met: false, weight: 10, score: 7}\n"
              "    - {level1: 满意度指标, level2: 服务对象满意度指标, name: 其他, target: 有, "
              "actual: 无, met: false, weight: 10}\n"
              "indicators:\n"
              "  - {code: A, name: 总体, weight: 100, rule: score, score: 90}\n",
      &f, &d);
  assert_int_equal(f.ntargets, 6);
  static const struct {
    er_form_basis basis;
    const char *score;
  } want[] = {{ER_FORM_BY_RATIO, "20.00"}, {ER_FORM_BY_RATIO, "16.00"}, {ER_FORM_BY_RATIO, "8.00"},
              {ER_FORM_BY_MET, "20.00"},   {ER_FORM_BY_SCORE, "7.00"},  {ER_FORM_UNSCORED, "0.00"}};
  for (size_t i = 0; i < 6; i++) {
    assert_int_equal(f.targets[i].basis, want[i].basis);
    assert_string_equal(dec_str(f.targets[i].score, 2), want[i].score);
  }
  /* 总分: 执行率 45.45% × 10 + 71 */
  assert_string_equal(dec_str(f.total, 6), "75.545450");
  assert_string_equal(dec_str(f.weight, 0), "100");
  assert_false(f.is_tree);
  assert_non_null(find_finding(&d, "target-score"));
  /* Sichuan's 度量单位 */
  assert_string_equal(er_form_unit(&f.targets[0]), "人");
  assert_string_equal(er_form_unit(&f.targets[1]), "%");
  assert_string_equal(er_form_unit(&f.targets[3]), "");
  er_eval_free(ev);
  er_diag_free(&d);
}

static void the_tree_as_the_form(void **state) {
  (void)state;
  er_diag d = {0};
  er_form f;
  er_eval *ev =
      build(HEAD FUNDS("") "targets:\n"
                           "  items:\n"
                           "    - {level1: 产出指标, level2: 数量指标, name: 人数, target: ≥100人, "
                           "actual: 90人, weight: 90}\n"
                           "indicators:\n"
                           "  - {code: A, name: 执行, weight: 10, rule: execution}\n"
                           "  - {code: B, name: 人数, weight: 90, rule: ratio, actual: 90, target: "
                           "100}\n",
            &f, &d);
  assert_true(f.is_tree);
  assert_int_equal(f.targets[0].basis, ER_FORM_BY_LEAF);
  /* one total: the form's is the evaluation's */
  assert_int_equal(er_dec_cmp(f.total, ev->total), 0);
  er_eval_free(ev);
  er_diag_free(&d);
}

/* The form's wording: the national form's, Sichuan's 调整后预算数, and
 * the data's own `form_labels` over either. */
static void labels_by_profile_and_data(void **state) {
  (void)state;
  er_diag d = {0};
  er_form f;
#define TREE "indicators:\n  - {code: A, name: 执行, weight: 100, rule: execution}\n"
  er_eval *ev =
      build(HEAD FUNDS("") TREE "form: sichuan\nform_labels: {actual: 全年实际值}\n", &f, &d);
  assert_string_equal(f.labels[ER_FL_PLANNED], "调整后预算数");
  assert_string_equal(f.labels[ER_FL_ACTUAL], "全年实际值");
  assert_string_equal(f.labels[ER_FL_CURRENT], "其中：当年财政拨款");
  assert_string_equal(er_form_label_text(ev, ER_FL_TITLE), "项目支出绩效自评表");
  er_eval_free(ev);
  er_diag_free(&d);
  er_diag d2 = {0};
  ev = build(HEAD FUNDS("") TREE "form_labels: {planned: 全年预算数(A), title: 绩效目标自评表}\n",
             &f, &d2);
#undef TREE
  assert_string_equal(f.labels[ER_FL_PLANNED], "全年预算数(A)");
  assert_string_equal(er_form_label_text(ev, ER_FL_TITLE), "绩效目标自评表");
  er_eval_free(ev);
  er_diag_free(&d2);
}

/* Every key of `form_labels` names the label the form prints under it. */
static void label_keys_agree(void **state) {
  (void)state;
  const er_field *f = er_shape_field(&er_eval_shape, "form_labels", strlen("form_labels"));
  assert_non_null(f);
  size_t n = 0;
  for (const er_field *k = f->shape->fields; k->key; k++, n++) {
    size_t label = (k->offset - offsetof(er_form_labels, text)) / sizeof(er_text);
    assert_true(label < ER_FL_COUNT);
    assert_string_equal(k->key, er_form_label_key((er_form_label)label));
  }
  assert_int_equal(n, ER_FL_COUNT);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(funds_rows_spend_carryover_first),
      cmocka_unit_test(funds_rows_take_a_sources_spent),
      cmocka_unit_test(targets_scored_by_the_forms_rule),
      cmocka_unit_test(the_tree_as_the_form),
      cmocka_unit_test(labels_by_profile_and_data),
      cmocka_unit_test(label_keys_agree),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
