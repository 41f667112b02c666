/* What hostile text, environment values and files meet before any writer:
 * XML-safe text, terminal-safe messages, SOURCE_DATE_EPOCH's range, files
 * that are not regular files, dates that are dates, the limits render has
 * as findings of check. */
#include "support.h"

#include "model/diag.h"
#include "model/filekind.h"
#include "model/srcdate.h"
#include "model/text.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void xml_text_leaves_out_what_xml_cannot_carry(void **state) {
  (void)state;
  assert_null(er_xml_text("绩效评价 tab\there\nline", false)); /* nothing to change */
  char *t = er_xml_text("a\x01"
                        "b\x1f"
                        "c\xEF\xBF\xBE"
                        "d\xEF\xBF\xBF"
                        "e",
                        false);
  assert_string_equal(t, "abcde");
  free(t);
  t = er_xml_text("bad \xC3 byte", false);
  assert_string_equal(t, "bad \xEF\xBF\xBD byte");
  free(t);
  /* every plane's characters but U+FFFE and U+FFFF pass: U+FFFD, U+10000, U+10FFFF */
  assert_null(er_xml_text("\xEF\xBF\xBD\xF0\x90\x80\x80\xF4\x8F\xBF\xBF", false));
}

static void xlsx_text_escapes_excels_own_escapes(void **state) {
  (void)state;
  char *t = er_xml_text("名称_x0041_后", true);
  assert_string_equal(t, "名称_x005F_x0041_后");
  free(t);
  assert_null(er_xml_text("_x0041_", false)); /* only the spreadsheet reads it */
  assert_null(er_xml_text("_x004_ _xZZZZ_", true));
  /* a control left out must not make an escape of its neighbours */
  t = er_xml_text("_x\x01" "0041_", true);
  assert_string_equal(t, "_x005F_x0041_");
  free(t);
}

static void terminal_text_shows_escapes(void **state) {
  (void)state;
  assert_null(er_term_text("普通的文字 plain"));
  char *t = er_term_text("x\x1b]0;title\x07\x1b[2J\xC2\x9B"
                         "1m");
  assert_string_equal(t, "x\\x1B]0;title\\x07\\x1B[2J\\x9B1m");
  free(t);
  t = er_term_text("abc\xE2\x80\xAE"
                   "def"); /* U+202E, right-to-left override */
  assert_string_equal(t, "abc<U+202E>def");
  free(t);
}

static void diagnostics_never_carry_escapes(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "x.yaml");
  er_error(&d, ((er_pos){1, 1}), "unknown-key", "未知字段“%s”", "ti\x1b[31mtle");
  assert_string_equal(d.items[0].message, "未知字段“ti\\x1B[31mtle” [unknown-key]");
  er_diag_free(&d);
}

static void source_date_epoch_is_range_checked(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "env");
  static const char *const bad[] = {"67768036191676800", "253402300800", "-1", "1e9", "", "x"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    setenv("SOURCE_DATE_EPOCH", bad[i], 1);
    assert_true(er_source_date(&d) < 0);
  }
  assert_int_equal(d.warnings, 5); /* the empty value is "unset" */
  setenv("SOURCE_DATE_EPOCH", "253402300799", 1);
  assert_true(er_source_date(NULL) == 253402300799LL);
  setenv("SOURCE_DATE_EPOCH", "0", 1);
  assert_true(er_source_date(NULL) == 0);
  assert_true(er_source_date_xlsx(NULL, 5) == 1); /* 0 is "now" to libxlsxwriter */
  setenv("SOURCE_DATE_EPOCH", "99999999999999", 1);
  assert_true(er_source_date_xlsx(NULL, 86400) == 86400);
  unsetenv("SOURCE_DATE_EPOCH");
  assert_true(er_source_date_xlsx(NULL, -5) == 946684800);
  er_diag_free(&d);
}

static void special_files_are_named(void **state) {
  (void)state;
  char dir[] = "/tmp/evalreport-kind-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char fifo[64], file[64];
  snprintf(fifo, sizeof fifo, "%s/fifo", dir);
  snprintf(file, sizeof file, "%s/file", dir);
  assert_int_equal(mkfifo(fifo, 0600), 0);
  int fd = open(file, O_WRONLY | O_CREAT, 0600);
  assert_true(fd >= 0);
  close(fd);
  assert_string_equal(er_path_kind(dir), "目录");
  assert_string_equal(er_path_kind(fifo), "命名管道（FIFO）");
  assert_string_equal(er_path_kind("/dev/null"), "设备文件");
  assert_null(er_path_kind(file));
  /* the loader refuses a FIFO at once instead of waiting for a writer */
  er_diag d;
  er_eval *ev = eval_yaml("evalreport: 1\n", &d);
  er_eval_free(ev);
  er_diag_free(&d);
  er_diag_init(&d, fifo);
  ev = er_evaluate(fifo, &d);
  assert_non_null(find_finding(&d, "not-a-file"));
  er_eval_free(ev);
  er_diag_free(&d);
  unlink(fifo);
  unlink(file);
  rmdir(dir);
}

#undef HEAD
#define HEAD "evalreport: 1\nproject:\n  name: 测试项目\n  year: 2024\n"
#define LEAF "indicators:\n  - {code: A, name: 决策, weight: 100, rule: score, score: 90}\n"

static void expect_error(const char *yaml, const char *key, unsigned line, unsigned col) {
  er_diag d;
  er_eval *ev = eval_yaml(yaml, &d);
  const er_finding *f = find_finding(&d, key);
  if (!f)
    er_diag_print(&d, stderr);
  assert_non_null(f);
  assert_int_equal(f->severity, ER_ERROR);
  assert_int_equal(f->pos.line, line);
  assert_int_equal(f->pos.col, col);
  er_eval_free(ev);
  er_diag_free(&d);
}

static void dates_are_dates(void **state) {
  (void)state;
  expect_error(HEAD "  report_date: 2023-02-29\n" LEAF, "date", 5, 16);
  expect_error(HEAD "  report_date: ' 2023- 2- 1'\n" LEAF, "date", 5, 17);
  expect_error(HEAD "  report_date: 0000-01-01\n" LEAF, "date", 5, 16);
  expect_error(HEAD "  period: {from: 2023-12, to: 2023-01}\n" LEAF, "period", 5, 31);
  expect_error("evalreport: 1\nproject:\n  name: 测试项目\n  year: 0\n" LEAF, "year", 4, 9);
  er_diag d;
  er_eval *ev = eval_yaml(HEAD "  report_date: 2024-02-29\n" LEAF, &d); /* a leap year */
  assert_null(find_finding(&d, "date"));
  er_eval_free(ev);
  er_diag_free(&d);
}

static void tags_are_refused(void **state) {
  (void)state;
  expect_error(HEAD "  title: !!str 报告\n" LEAF, "tag", 5, 10);
  expect_error(HEAD "  title: !custom 报告\n" LEAF, "tag", 5, 10);
}

static void render_limits_are_check_findings(void **state) {
  (void)state;
  /* 1,001 leaves under one indicator: more rows than a merged cell spans */
  size_t cap = 1 << 17, len = 0;
  char *yaml = malloc(cap);
  assert_non_null(yaml);
  len += (size_t)snprintf(yaml + len, cap - len,
                          HEAD "indicators:\n  - code: A\n    name: 决策\n    weight: 100.1\n"
                               "    children:\n");
  for (int i = 0; i < 1001; i++)
    len += (size_t)snprintf(
        yaml + len, cap - len,
        "      - {code: A%d, name: 指标, weight: 0.1, rule: score, score: 0.1}\n", i);
  expect_error(yaml, "too-many-rows", 6, 11);
  free(yaml);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(xml_text_leaves_out_what_xml_cannot_carry),
      cmocka_unit_test(xlsx_text_escapes_excels_own_escapes),
      cmocka_unit_test(terminal_text_shows_escapes),
      cmocka_unit_test(diagnostics_never_carry_escapes),
      cmocka_unit_test(source_date_epoch_is_range_checked),
      cmocka_unit_test(special_files_are_named),
      cmocka_unit_test(dates_are_dates),
      cmocka_unit_test(tags_are_refused),
      cmocka_unit_test(render_limits_are_check_findings),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
