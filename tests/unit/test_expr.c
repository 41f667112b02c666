/* The little languages inside values: band conditions ("90% ≤ x < 100%")
 * and target measures ("≥31000人"). */
#include "support.h"

#include "model/expr.h"

#include <string.h>

static er_interval parse_ok(const char *s) {
  er_interval iv;
  const char *why = NULL;
  if (!er_interval_parse(s, &iv, &why))
    fail_msg("“%s” refused: %s", s, why ? why : "(no reason)");
  return iv;
}

/* Asserts that `s` is refused, with a reason containing `reason`. */
static void parse_fails(const char *s, const char *reason) {
  er_interval iv;
  const char *why = NULL;
  if (er_interval_parse(s, &iv, &why))
    fail_msg("“%s” accepted", s);
  assert_non_null(why);
  if (!strstr(why, reason))
    fail_msg("“%s” refused with “%s”, expected “%s”", s, why, reason);
}

static bool contains(const er_interval *iv, const char *x) {
  return er_interval_contains(iv, dec(x));
}

/* ---- parsing ---- */

static void parses_one_sided_conditions(void **state) {
  (void)state;
  er_interval iv = parse_ok("x < 70%");
  assert_false(iv.has_lo);
  assert_true(iv.has_hi);
  assert_false(iv.hi_incl);
  assert_string_equal(dec_str(iv.hi, 2), "70.00");
  assert_true(iv.percent);
  assert_false(iv.unitless);

  iv = parse_ok("x ≤ 70%");
  assert_true(iv.has_hi && iv.hi_incl && !iv.has_lo);

  iv = parse_ok("x > 15");
  assert_true(iv.has_lo && !iv.lo_incl && !iv.has_hi);
  assert_string_equal(dec_str(iv.lo, 2), "15.00");
  assert_false(iv.percent);

  iv = parse_ok("x ≥ 100%");
  assert_true(iv.has_lo && iv.lo_incl && !iv.has_hi);
}

static void parses_equality_as_a_closed_point(void **state) {
  (void)state;
  er_interval iv = parse_ok("x = 100%");
  assert_true(iv.has_lo && iv.has_hi && iv.lo_incl && iv.hi_incl);
  assert_string_equal(dec_str(iv.lo, 2), "100.00");
  assert_string_equal(dec_str(iv.hi, 2), "100.00");
  assert_true(contains(&iv, "100"));
  assert_false(contains(&iv, "99.999999"));
  assert_false(contains(&iv, "100.000001"));
}

static void parses_two_sided_conditions(void **state) {
  (void)state;
  er_interval iv = parse_ok("90% ≤ x < 100%");
  assert_true(iv.has_lo && iv.lo_incl && iv.has_hi && !iv.hi_incl);
  assert_string_equal(dec_str(iv.lo, 2), "90.00");
  assert_string_equal(dec_str(iv.hi, 2), "100.00");
  assert_true(contains(&iv, "90"));
  assert_true(contains(&iv, "99.99"));
  assert_false(contains(&iv, "100"));
  assert_false(contains(&iv, "89.999999"));

  iv = parse_ok("70 < x <= 80");
  assert_true(iv.has_lo && !iv.lo_incl && iv.has_hi && iv.hi_incl);
  assert_false(contains(&iv, "70"));
  assert_true(contains(&iv, "80"));
}

static void parses_the_reversed_form(void **state) {
  (void)state;
  /* 15% ≥ x > 10%  is  10% < x ≤ 15% */
  er_interval iv = parse_ok("15% ≥ x > 10%");
  assert_true(iv.has_lo && !iv.lo_incl && iv.has_hi && iv.hi_incl);
  assert_string_equal(dec_str(iv.lo, 2), "10.00");
  assert_string_equal(dec_str(iv.hi, 2), "15.00");
  assert_false(contains(&iv, "10"));
  assert_true(contains(&iv, "15"));

  iv = parse_ok("70% ≤ x"); /* the number first, one side */
  assert_true(iv.has_lo && iv.lo_incl && !iv.has_hi);
  iv = parse_ok("100 > x");
  assert_true(iv.has_hi && !iv.hi_incl && !iv.has_lo);
}

static void parses_every_spelling_of_the_comparators(void **state) {
  (void)state;
  static const struct {
    const char *text;
    bool lo_incl, hi_incl;
  } cases[] = {
      {"1 <= x <= 2", true, true},   {"1 ≤ x ≤ 2", true, true},     {"1 ≦ x ≦ 2", true, true},
      {"1 < x < 2", false, false},   {"1 ＜ x ＜ 2", false, false}, {"2 >= x >= 1", true, true},
      {"2 ≥ x ≥ 1", true, true},     {"2 ≧ x ≧ 1", true, true},     {"2 > x > 1", false, false},
      {"2 ＞ x ＞ 1", false, false}, {"1≤x<2", true, false},        {"１ ≤ x < 2", true, false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    er_interval iv;
    const char *why;
    bool ok = er_interval_parse(cases[i].text, &iv, &why);
    if (i == sizeof cases / sizeof cases[0] - 1) { /* a fullwidth digit is not a number */
      assert_false(ok);
      continue;
    }
    if (!ok)
      fail_msg("“%s” refused: %s", cases[i].text, why);
    assert_true(iv.has_lo && iv.has_hi);
    assert_string_equal(dec_str(iv.lo, 0), "1");
    assert_string_equal(dec_str(iv.hi, 0), "2");
    assert_int_equal(iv.lo_incl, cases[i].lo_incl);
    assert_int_equal(iv.hi_incl, cases[i].hi_incl);
  }
  er_interval iv = parse_ok("x == 5");
  assert_true(iv.lo_incl && iv.hi_incl);
  iv = parse_ok("x ＝ 5");
  assert_true(iv.lo_incl && iv.hi_incl);
  iv = parse_ok("X　<　5％"); /* an upper-case x, ideographic spaces and a fullwidth % */
  assert_true(iv.has_hi && iv.percent);
}

static void zero_needs_no_percent_sign(void **state) {
  (void)state;
  er_interval iv = parse_ok("0 < x < 10%");
  assert_true(iv.percent);
  assert_false(iv.unitless);
  iv = parse_ok("x = 0");
  assert_true(iv.unitless);
  iv = parse_ok("x = 0%");
  assert_true(iv.unitless);
}

static void refuses_malformed_conditions(void **state) {
  (void)state;
  parse_fails("", "应写作");
  parse_fails("x", "应写作");
  parse_fails("x <", "应写作");
  parse_fails("< 70%", "应写作");
  parse_fails("70%", "应写作");
  parse_fails("x 70%", "应写作");
  parse_fails("x < 70% < 80%", "应写作");
  parse_fails("x < y", "无法识别");
  parse_fails("x < 70% 以下", "无法识别");
  parse_fails("x < 1e3", "无法识别");
  parse_fails("5 = x = 6", "应写作"); /* = only alone */
  parse_fails("5 ≤ x = 6", "应写作");
  parse_fails("x < 5 < 6 < 7", "过长");
  parse_fails("70% ≤ x < 80", "%"); /* mixed percent and plain */
  parse_fails("80% ≤ x < 70%", "区间为空");
  parse_fails("70% < x < 70%", "区间为空");
  parse_fails("5 > x > 6", "区间为空");
}

static void accepts_a_closed_point_written_as_a_range(void **state) {
  (void)state;
  er_interval iv = parse_ok("70% ≤ x ≤ 70%");
  assert_true(contains(&iv, "70"));
  assert_false(contains(&iv, "70.000001"));
}

/* ---- how intervals meet ---- */

static int meet(const char *a, const char *b) {
  er_interval x = parse_ok(a), y = parse_ok(b);
  int m = er_interval_meet(&x, &y);
  return m > 0 ? 1 : m < 0 ? -1 : 0;
}

static void meet_is_exact_when_one_edge_is_closed(void **state) {
  (void)state;
  assert_int_equal(meet("x < 70%", "70% ≤ x < 80%"), 0);
  assert_int_equal(meet("x ≤ 70%", "70% < x < 80%"), 0);
  assert_int_equal(meet("90% ≤ x < 100%", "x = 100%"), 0);
  assert_int_equal(meet("x ≤ 10%", "15% ≥ x > 10%"), 0);
  assert_int_equal(meet("15% ≥ x > 10%", "x > 15%"), 0);
}

static void meet_finds_gaps(void **state) {
  (void)state;
  assert_int_equal(meet("x < 70%", "70% < x"), -1);       /* 70 itself is in neither */
  assert_int_equal(meet("x < 70%", "80% ≤ x < 90%"), -1); /* 70..80 */
  assert_int_equal(meet("x = 0", "0.5 ≤ x"), -1);
}

static void meet_finds_overlaps(void **state) {
  (void)state;
  assert_int_equal(meet("x ≤ 70%", "70% ≤ x"), 1); /* 70 is in both */
  assert_int_equal(meet("x < 80%", "70% ≤ x < 90%"), 1);
  assert_int_equal(meet("x ≥ 90%", "x = 100%"), 1); /* the first runs to +∞ */
  assert_int_equal(meet("x < 70%", "x < 80%"), 1);  /* both from −∞ */
}

static void orders_intervals_by_lower_end(void **state) {
  (void)state;
  er_interval below = parse_ok("x < 70%"), closed = parse_ok("70% ≤ x < 80%"),
              open = parse_ok("70% < x < 80%"), high = parse_ok("x = 100%");
  assert_true(er_interval_cmp_lo(&below, &closed) < 0);
  assert_true(er_interval_cmp_lo(&closed, &below) > 0);
  assert_true(er_interval_cmp_lo(&closed, &open) < 0); /* [70 before (70 */
  assert_true(er_interval_cmp_lo(&open, &high) < 0);
  assert_int_equal(er_interval_cmp_lo(&closed, &closed), 0);
}

/* ---- measures ---- */

static void measure_with_comparator_and_unit(void **state) {
  (void)state;
  er_measure m;
  er_measure_parse("≥31000人", &m);
  assert_true(m.numeric);
  assert_int_equal(m.cmp, ER_CMP_GE);
  assert_string_equal(dec_str(m.value, 0), "31000");
  assert_false(m.percent);
  assert_string_equal(m.unit, "人");

  er_measure_parse("≤15天", &m);
  assert_true(m.numeric);
  assert_int_equal(m.cmp, ER_CMP_LE);
  assert_string_equal(m.unit, "天");

  er_measure_parse(">= 740元/月", &m);
  assert_true(m.numeric);
  assert_int_equal(m.cmp, ER_CMP_GE);
  assert_string_equal(dec_str(m.value, 0), "740");
  assert_string_equal(m.unit, "元/月");
}

static void measure_in_percent(void **state) {
  (void)state;
  er_measure m;
  er_measure_parse("≥90%", &m);
  assert_true(m.numeric);
  assert_int_equal(m.cmp, ER_CMP_GE);
  assert_string_equal(dec_str(m.value, 0), "90");
  assert_true(m.percent);
  assert_string_equal(m.unit, "");

  er_measure_parse("100%", &m);
  assert_true(m.numeric);
  assert_int_equal(m.cmp, ER_CMP_NONE);
  assert_string_equal(dec_str(m.value, 0), "100");
  assert_true(m.percent);
  assert_string_equal(m.unit, "");

  er_measure_parse("98.42%", &m);
  assert_true(m.numeric);
  assert_string_equal(dec_str(m.value, 2), "98.42");
}

static void measure_of_plain_words(void **state) {
  (void)state;
  static const char *const words[] = {"每月10日前", "准确",    "应保尽保", "",
                                      "3月10日前",  "第3季度", "≥"};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    er_measure m;
    er_measure_parse(words[i], &m);
    if (m.numeric)
      fail_msg("“%s” read as a number", words[i]);
  }
}

static void measure_plain_figure(void **state) {
  (void)state;
  er_measure m;
  er_measure_parse("31625人", &m);
  assert_true(m.numeric);
  assert_int_equal(m.cmp, ER_CMP_NONE);
  assert_string_equal(m.unit, "人");
  er_measure_parse("720万元 ", &m); /* trailing space is not part of the unit */
  assert_true(m.numeric);
  assert_string_equal(m.unit, "万元");
}

static bool met(const char *target, const char *actual) {
  er_measure t, a;
  er_measure_parse(target, &t);
  er_measure_parse(actual, &a);
  assert_true(t.numeric && a.numeric);
  return er_measure_met(&t, &a);
}

static void measure_met_by_comparator(void **state) {
  (void)state;
  assert_true(met("≥31000人", "31625人"));
  assert_true(met("≥31000人", "31000人"));
  assert_false(met("≥31000人", "30999人"));
  assert_true(met("≥90%", "95%"));
  assert_false(met("≥90%", "85%"));
  assert_true(met("≤15天", "15天"));
  assert_false(met("≤15天", "16天"));
  assert_true(met("<15天", "14天"));
  assert_false(met("<15天", "15天"));
  assert_true(met(">0", "1"));
  assert_false(met(">0", "0"));
  assert_true(met("=100%", "100%"));
  assert_true(met("31000人", "31625人")); /* no comparator: at least the target */
  assert_false(met("31000人", "30000人"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(parses_one_sided_conditions),
      cmocka_unit_test(parses_equality_as_a_closed_point),
      cmocka_unit_test(parses_two_sided_conditions),
      cmocka_unit_test(parses_the_reversed_form),
      cmocka_unit_test(parses_every_spelling_of_the_comparators),
      cmocka_unit_test(zero_needs_no_percent_sign),
      cmocka_unit_test(refuses_malformed_conditions),
      cmocka_unit_test(accepts_a_closed_point_written_as_a_range),
      cmocka_unit_test(meet_is_exact_when_one_edge_is_closed),
      cmocka_unit_test(meet_finds_gaps),
      cmocka_unit_test(meet_finds_overlaps),
      cmocka_unit_test(orders_intervals_by_lower_end),
      cmocka_unit_test(measure_with_comparator_and_unit),
      cmocka_unit_test(measure_in_percent),
      cmocka_unit_test(measure_of_plain_words),
      cmocka_unit_test(measure_plain_figure),
      cmocka_unit_test(measure_met_by_comparator),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
