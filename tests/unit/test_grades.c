/* Grades: the default scheme and a custom one, graded on the total as
 * displayed (two decimals), and the stated total and grade checked. */
#include "support.h"

#include <stdio.h>
#include <string.h>

#define SEED_004_GRADES                                                                            \
  "grades:\n"                                                                                      \
  "  - {name: 优秀, min: 90}\n"                                                                  \
  "  - {name: 良好, min: 75}\n"                                                                  \
  "  - {name: 一般, min: 60}\n"                                                                  \
  "  - {name: 较差, min: 0}\n"

/* An evaluation whose total is `score` (one leaf of weight 100), with
 * `extra` top-level YAML. */
static er_eval *with_total(const char *score, const char *extra, er_diag *d) {
  static char yaml[4096];
  int n = snprintf(yaml, sizeof yaml,
                   HEAD "indicators:\n"
                        "  - {code: A, name: 总体, weight: 100, rule: score, score: %s}\n"
                        "%s",
                   score, extra ? extra : "");
  assert_true(n > 0 && (size_t)n < sizeof yaml);
  er_eval *ev = eval_yaml(yaml, d);
  assert_true(ev->scored);
  assert_int_equal(er_dec_cmp(ev->total, dec(score)), 0);
  return ev;
}

static void done(er_eval *ev, er_diag *d) {
  er_eval_free(ev);
  er_diag_free(d);
}

/* ---- the default scheme ---- */

static void default_scheme_is_90_80_60(void **state) {
  (void)state;
  size_t count;
  er_eval ev;
  memset(&ev, 0, sizeof ev);
  const er_grade *g = er_grade_scheme(&ev, &count);
  assert_int_equal(count, 4);
  static const char *const names[] = {"优", "良", "中", "差"};
  static const char *const mins[] = {"90.00", "80.00", "60.00", "0.00"};
  for (size_t i = 0; i < 4; i++) {
    assert_string_equal(g[i].name.s, names[i]);
    assert_true(g[i].min.set);
    assert_string_equal(dec_str(g[i].min.v, 2), mins[i]);
  }
}

static void default_lower_bounds_are_inclusive(void **state) {
  (void)state;
  er_eval ev;
  memset(&ev, 0, sizeof ev);
  static const struct {
    const char *total, *grade;
  } cases[] = {
      {"100", "优"},    {"90", "优"},        {"89.99", "良"}, {"80", "良"},     {"79.99", "中"},
      {"60", "中"},     {"59.99", "差"},     {"0", "差"},     {"89.995", "优"}, /* shown as 90.00 */
      {"89.994", "良"},                                                         /* shown as 89.99 */
      {"79.995", "良"}, {"59.994999", "差"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *grade = er_grade_for(&ev, dec(cases[i].total));
    if (strcmp(grade, cases[i].grade) != 0)
      fail_msg("total %s graded %s, expected %s", cases[i].total, grade, cases[i].grade);
  }
}

static void exactly_90_is_the_top_grade(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = with_total("90", NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(ev->grade, "优");
  done(ev, &d);
}

static void total_shown_as_90_is_graded_as_90(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = with_total("89.995", NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(dec_str(ev->total, 2), "90.00");
  assert_string_equal(ev->grade, "优");
  done(ev, &d);
}

static void total_shown_below_90_is_not(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = with_total("89.994", NULL, &d);
  assert_string_equal(dec_str(ev->total, 2), "89.99");
  assert_string_equal(ev->grade, "良");
  done(ev, &d);
}

static void default_middle_and_bottom_grades(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = with_total("79.99", NULL, &d);
  assert_string_equal(ev->grade, "中");
  done(ev, &d);
  ev = with_total("0", NULL, &d);
  assert_string_equal(ev->grade, "差");
  done(ev, &d);
}

/* ---- a custom scheme (seed 004: 优秀 ≥90, 良好 ≥75, 一般 ≥60, 较差 ≥0) ---- */

static void custom_scheme_is_used_in_order(void **state) {
  (void)state;
  static const struct {
    const char *total, *grade;
  } cases[] = {
      {"95", "优秀"}, {"90", "优秀"},    {"89.99", "良好"},  {"80", "良好"}, /* 良 under the default
                                                                              */
      {"75", "良好"}, {"74.99", "一般"}, {"74.995", "良好"}, {"60", "一般"}, {"59.99", "较差"},
      {"0", "较差"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    er_diag d;
    er_eval *ev = with_total(cases[i].total, SEED_004_GRADES, &d);
    assert_int_equal(d.errors, 0);
    size_t count;
    er_grade_scheme(ev, &count);
    assert_int_equal(count, 4);
    if (strcmp(ev->grade, cases[i].grade) != 0)
      fail_msg("total %s graded %s, expected %s", cases[i].total, ev->grade, cases[i].grade);
    done(ev, &d);
  }
}

static void custom_scheme_must_be_highest_first(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = with_total("80",
                           "grades:\n"
                           "  - {name: 良好, min: 75}\n"
                           "  - {name: 优秀, min: 90}\n"
                           "  - {name: 较差, min: 0}\n",
                           &d);
  const er_finding *f = find_finding(&d, "grade-order");
  assert_non_null(f);
  assert_int_equal(f->pos.line, 7); /* the min of 优秀 */
  done(ev, &d);
}

static void custom_scheme_without_a_zero_floor_is_warned(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      with_total("80", "grades:\n  - {name: 合格, min: 60}\n  - {name: 不合格, min: 30}\n", &d);
  const er_finding *f = find_finding(&d, "grade-floor");
  assert_non_null(f);
  assert_int_equal(f->severity, ER_WARNING);
  done(ev, &d);
}

/* The lower bound counts (≥), and a total below every bound has no grade
 * (check's [grade-floor] warning says so). */
static void total_below_every_bound_gets_no_grade(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev =
      with_total("20", "grades:\n  - {name: 合格, min: 60}\n  - {name: 不合格, min: 30}\n", &d);
  char grade[64];
  snprintf(grade, sizeof grade, "%s", ev->grade ? ev->grade : "");
  done(ev, &d);
  if (strcmp(grade, "不合格") == 0 || strcmp(grade, "合格") == 0)
    fail_msg("total 20 below every lower bound graded “%s”", grade);
}

/* ---- stated figures ---- */

static void stated_total_and_grade_that_agree_are_clean(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = with_total("88.375", SEED_004_GRADES "stated: {total: 88.38, grade: 良好}\n", &d);
  assert_int_equal(d.errors, 0);
  assert_null(find_finding(&d, "stated-total"));
  assert_null(find_finding(&d, "stated-grade"));
  done(ev, &d);
}

static void stated_total_mismatch_is_reported(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = with_total("88.375", SEED_004_GRADES "stated: {total: 88.37, grade: 良好}\n", &d);
  const er_finding *f = find_finding(&d, "stated-total");
  assert_non_null(f);
  assert_int_equal(f->severity, ER_ERROR);
  assert_int_equal(f->pos.line, 10);
  assert_int_equal(f->pos.col, 17); /* the 88.37 */
  assert_non_null(strstr(f->message, "88.37"));
  assert_non_null(strstr(f->message, "88.38"));
  assert_null(find_finding(&d, "stated-grade"));
  done(ev, &d);
}

static void stated_grade_mismatch_is_reported(void **state) {
  (void)state;
  er_diag d;
  er_eval *ev = with_total("89.995", "stated: {total: 90, grade: 良}\n", &d);
  const er_finding *f = find_finding(&d, "stated-grade");
  assert_non_null(f);
  assert_int_equal(f->severity, ER_ERROR);
  assert_int_equal(f->pos.line, 5);
  assert_int_equal(f->pos.col, 28); /* the 良 */
  assert_non_null(strstr(f->message, "“优”"));
  assert_null(find_finding(&d, "stated-total"));
  done(ev, &d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(default_scheme_is_90_80_60),
      cmocka_unit_test(default_lower_bounds_are_inclusive),
      cmocka_unit_test(exactly_90_is_the_top_grade),
      cmocka_unit_test(total_shown_as_90_is_graded_as_90),
      cmocka_unit_test(total_shown_below_90_is_not),
      cmocka_unit_test(default_middle_and_bottom_grades),
      cmocka_unit_test(custom_scheme_is_used_in_order),
      cmocka_unit_test(custom_scheme_must_be_highest_first),
      cmocka_unit_test(custom_scheme_without_a_zero_floor_is_warned),
      cmocka_unit_test(total_below_every_bound_gets_no_grade),
      cmocka_unit_test(stated_total_and_grade_that_agree_are_clean),
      cmocka_unit_test(stated_total_mismatch_is_reported),
      cmocka_unit_test(stated_grade_mismatch_is_reported),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
