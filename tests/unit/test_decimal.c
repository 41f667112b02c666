/* Decimal fixed-point: parsing, arithmetic and half-up rounding. */
#include "support.h"

#include <string.h>

static void rounds_half_up_where_binary_floats_fail(void **state) {
  (void)state;
  assert_string_equal(dec_str(dec("2.675"), 2), "2.68"); /* 2.67499999… as a double */
  assert_string_equal(dec_str(dec("41.375"), 2), "41.38");
  assert_string_equal(dec_str(dec("88.375"), 2), "88.38");
  assert_string_equal(dec_str(dec("1.005"), 2), "1.01");
  assert_string_equal(dec_str(dec("2.025"), 3), "2.025");
  assert_string_equal(dec_str(dec("2.025"), 2), "2.03");
  assert_string_equal(dec_str(dec("0.125"), 2), "0.13");
  assert_string_equal(dec_str(dec("2.674999"), 2), "2.67");
}

static void rounds_negatives_away_from_zero(void **state) {
  (void)state;
  assert_string_equal(dec_str(dec("-2.675"), 2), "-2.68");
  assert_string_equal(dec_str(dec("-0.004"), 2), "0.00");
  assert_string_equal(dec_str(dec("-0.005"), 2), "-0.01");
  assert_string_equal(dec_str(dec("-1.5"), 0), "-2");
}

static void sums_many_amounts_without_drift(void **state) {
  (void)state;
  /* 0.1 万元 ten thousand times is exactly 1000; in doubles it is not */
  er_dec sum = er_dec_zero();
  for (int i = 0; i < 10000; i++)
    sum = er_dec_add(sum, dec("0.1"));
  assert_int_equal(er_dec_cmp(sum, er_dec_int(1000)), 0);
  /* the seven items of a real report, four decimals each */
  const char *amounts[] = {"118.0785", "30.0", "30.8341", "9.585", "2.6286", "1.482", "0"};
  sum = er_dec_zero();
  for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++)
    sum = er_dec_add(sum, dec(amounts[i]));
  assert_string_equal(dec_str(sum, 4), "192.6082");
  double d = 0;
  for (int i = 0; i < 10000; i++)
    d += 0.1;
  assert_true(d != 1000.0); /* the reason this type exists */
}

static void divides_and_multiplies_exactly(void **state) {
  (void)state;
  er_dec rate = er_dec_div(er_dec_mul(dec("13356.23"), er_dec_int(100)), dec("13571.19"));
  assert_string_equal(dec_str(rate, 2), "98.42");
  assert_string_equal(dec_str(er_dec_mul(dec("0.675"), er_dec_int(3)), 3), "2.025");
  assert_string_equal(dec_str(er_dec_div(er_dec_int(2), er_dec_int(3)), 6), "0.666667");
  assert_string_equal(dec_str(er_dec_div(er_dec_int(-2), er_dec_int(3)), 6), "-0.666667");
  assert_true(er_dec_is_zero(er_dec_div(er_dec_int(1), er_dec_zero())));
}

static void parses_only_plain_decimals(void **state) {
  (void)state;
  er_dec v;
  assert_int_equal(er_dec_parse("36038.93", 8, &v), ER_DEC_OK);
  assert_string_equal(dec_str(v, 2), "36038.93");
  assert_int_equal(er_dec_parse("-1.5", 4, &v), ER_DEC_OK);
  assert_int_equal(er_dec_parse("+7", 2, &v), ER_DEC_OK);
  assert_int_equal(er_dec_parse("1.2500000", 9, &v), ER_DEC_OK); /* trailing zeros are fine */
  const char *bad[] = {"", "-", ".5", "5.", "1e30", "0x10", "1,5", "12a", " 1", "1..2"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    assert_int_equal(er_dec_parse(bad[i], strlen(bad[i]), &v), ER_DEC_SYNTAX);
  assert_int_equal(er_dec_parse("1234567890123", 13, &v), ER_DEC_TOO_LARGE);
  assert_int_equal(er_dec_parse("000000000000001", 15, &v), ER_DEC_OK); /* leading zeros */
  assert_int_equal(er_dec_parse("1.0000001", 9, &v), ER_DEC_TOO_PRECISE);
}

static void saturates_instead_of_wrapping(void **state) {
  (void)state;
  er_dec big = {ER_DEC_MAX - 1};
  assert_true(er_dec_add(big, big).units == ER_DEC_MAX);
  assert_true(er_dec_mul(big, big).units == ER_DEC_MAX);
  assert_true(er_dec_sub((er_dec){-ER_DEC_MAX}, big).units == -ER_DEC_MAX);
}

static void checked_operations_say_when_they_overflow(void **state) {
  (void)state;
  er_dec big = {ER_DEC_MAX - 1}, r;
  assert_true(er_dec_add_ok(dec("1.5"), dec("2.25"), &r));
  assert_string_equal(dec_str(r, 2), "3.75");
  assert_false(er_dec_add_ok(big, big, &r));
  assert_true(r.units == ER_DEC_MAX);
  assert_false(er_dec_sub_ok((er_dec){-ER_DEC_MAX}, big, &r));
  /* 10¹² × 10 is beyond the range (9.2 × 10¹²); 10¹² × 9 is within */
  assert_false(er_dec_mul_ok(er_dec_int(INT64_C(1000000000000)), er_dec_int(10), &r));
  assert_true(er_dec_mul_ok(er_dec_int(INT64_C(1000000000000)), er_dec_int(9), &r));
  assert_string_equal(dec_str(r, 0), "9000000000000");
  assert_false(er_dec_div_ok(dec("999999999999"), dec("0.01"), &r));
  assert_false(er_dec_div_ok(er_dec_int(1), er_dec_zero(), &r));
  assert_true(er_dec_is_zero(r));
  assert_true(er_dec_div_ok(er_dec_int(1), er_dec_int(3), &r));
  assert_string_equal(dec_str(r, 6), "0.333333");
}

static void trims_for_score_sheets(void **state) {
  (void)state;
  char buf[ER_DEC_BUFSIZE];
  assert_string_equal(er_dec_format_trim(dec("2.40"), 2, buf), "2.4");
  assert_string_equal(er_dec_format_trim(dec("15"), 2, buf), "15");
  assert_string_equal(er_dec_format_trim(dec("-0.001"), 2, buf), "0");
  assert_string_equal(er_dec_format(dec("100"), 2, buf), "100.00");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(rounds_half_up_where_binary_floats_fail),
      cmocka_unit_test(rounds_negatives_away_from_zero),
      cmocka_unit_test(sums_many_amounts_without_drift),
      cmocka_unit_test(divides_and_multiplies_exactly),
      cmocka_unit_test(parses_only_plain_decimals),
      cmocka_unit_test(saturates_instead_of_wrapping),
      cmocka_unit_test(checked_operations_say_when_they_overflow),
      cmocka_unit_test(trims_for_score_sheets),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
