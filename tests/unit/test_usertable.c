/* Tables typed in the data (model/usertable.c, outline block `table`):
 * rows and cells split at '|' or tabs, a Markdown rule skipped; which
 * cells are figures; a column's exact sum and how the total row prints
 * it; and check's findings — a row of the wrong width at its line and
 * column, and a typed 合计 that is not the sum of the rows above it. */
#include "support.h"

#include "model/usertable.h"

#include <stdio.h>
#include <string.h>

static void rows_and_cells(void **state) {
  (void)state;
  er_arena a = {0};
  er_utable t;
  er_utable_parse("| 乡镇 | 人数 |\n|---|---|\n\n|　甲镇　| 1,030 |\n乙镇|27\n", &a, &t);
  assert_int_equal(t.nrows, 3);
  assert_int_equal(t.rows[0].ncells, 2);
  assert_string_equal(t.rows[0].cells[0].text, "乡镇");
  assert_string_equal(t.rows[1].cells[0].text, "甲镇"); /* ideographic spaces trimmed */
  assert_string_equal(t.rows[1].cells[1].text, "1,030");
  assert_string_equal(t.rows[2].cells[1].text, "27");
  /* a bar written \\| stays in its cell */
  er_utable_parse("条件 | 分值\n90≤x\\|100 | 5\n", &a, &t);
  assert_int_equal(t.rows[1].ncells, 2);
  assert_string_equal(t.rows[1].cells[0].text, "90≤x|100");
  /* offsets point into the text, for positions */
  const char *text = "a\tb\nc\td";
  er_utable_parse(text, &a, &t);
  assert_int_equal(t.nrows, 2);
  assert_int_equal(t.rows[1].cells[1].offset, 6);
  er_arena_free(&a);
}

static void figures_and_sums(void **state) {
  (void)state;
  assert_int_equal(er_ucell_read("1,234.50").kind, ER_UCELL_NUMBER);
  assert_int_equal(er_ucell_read("1,234.50").places, 2);
  assert_true(er_ucell_read("1,234.50").separators);
  assert_int_equal(er_ucell_read("98.42%").kind, ER_UCELL_PERCENT);
  assert_int_equal(er_ucell_read("—").kind, ER_UCELL_BLANK);
  assert_int_equal(er_ucell_read("").kind, ER_UCELL_BLANK);
  assert_int_equal(er_ucell_read("-3").kind, ER_UCELL_NUMBER);
  assert_int_equal(er_ucell_read("3-5").kind, ER_UCELL_TEXT);
  assert_int_equal(er_ucell_read("约30").kind, ER_UCELL_TEXT);
  assert_int_equal(er_ucell_read(",5").kind, ER_UCELL_TEXT);
  assert_int_equal(er_ucell_read("1,2").kind, ER_UCELL_TEXT); /* not thousands */
  assert_int_equal(er_ucell_read("1,23,456").kind, ER_UCELL_TEXT);
  assert_int_equal(er_ucell_read("12,345,678.9").kind, ER_UCELL_NUMBER);

  const char *money[] = {"0.1", "0.2", "—", "1,000.05"};
  er_ucolumn_sum s = er_ucolumn_sum_of(money, 4);
  assert_true(s.summed);
  char buf[48];
  assert_string_equal(er_ucell_format(s.sum, s.places, s.separators, buf), "1,000.35");
  assert_string_equal(er_ucell_format(dec("-1234567.5"), 1, true, buf), "-1,234,567.5");
  const char *rates[] = {"10%", "20%"};
  assert_false(er_ucolumn_sum_of(rates, 2).summed); /* percentages are not added */
  const char *words[] = {"1", "若干"};
  assert_false(er_ucolumn_sum_of(words, 2).summed);
}

static er_eval *with_table(const char *options, er_diag *d) {
  char yaml[2048];
  snprintf(yaml, sizeof yaml,
           HEAD "indicators:\n  - {code: A, name: 甲, weight: 100, rule: score, score: 90}\n"
                "outline:\n"
                "  - title: 表\n"
                "    body:\n"
                "      - block: table\n"
                "%s",
           options);
  return eval_yaml(yaml, d);
}

static void a_short_row_at_its_line(void **state) {
  (void)state;
  er_diag d = {0};
  /* lines 1-4 the head and the tree, 9 "rows: |", 10 the header, 12 the short row */
  er_eval *ev = with_table("        rows: |\n"
                           "          项目 | 金额\n"
                           "          甲 | 1\n"
                           "          乙\n",
                           &d);
  const er_finding *f = find_finding(&d, "table-rows");
  assert_non_null(f);
  assert_int_equal(f->pos.line, 12);
  assert_int_equal(f->pos.col, 11);
  assert_non_null(strstr(f->message, "第 3 行有 1 格，表头有 2 格"));
  er_eval_free(ev);
  er_diag_free(&d);
}

static void a_typed_total_is_checked(void **state) {
  (void)state;
  er_diag d = {0};
  er_eval *ev = with_table("        title: 分配\n"
                           "        rows: |\n"
                           "          项目 | 金额 | 占比\n"
                           "          甲 | 1.25 | 40%\n"
                           "          乙 | 2 | 60%\n"
                           "          合计 | 3.35 | 100%\n",
                           &d);
  const er_finding *f = find_finding(&d, "table-total");
  assert_non_null(f);
  assert_int_equal(f->pos.line, 14);
  assert_int_equal(f->pos.col, 16);
  assert_non_null(strstr(f->message, "第 2 列为 3.35，上面各行之和为 3.25"));
  er_eval_free(ev);
  er_diag_free(&d);

  /* right, or summed by the engine: nothing to say */
  er_diag d2 = {0};
  ev = with_table("        rows: |\n"
                  "          项目 | 金额\n"
                  "          甲 | 1.25\n"
                  "          乙 | 2\n"
                  "          合计 | 3.25\n",
                  &d2);
  assert_null(find_finding(&d2, "table-total"));
  er_eval_free(ev);
  er_diag_free(&d2);
}

static void options_belong_to_table(void **state) {
  (void)state;
  er_diag d = {0};
  char yaml[1024];
  snprintf(yaml, sizeof yaml,
           HEAD "indicators:\n  - {code: A, name: 甲, weight: 100, rule: score, score: 90}\n"
                "outline:\n"
                "  - title: 表\n"
                "    body:\n"
                "      - {block: score_table, total: 合计}\n"
                "      - {block: table}\n");
  er_eval *ev = eval_yaml(yaml, &d);
  const er_finding *f = find_finding(&d, "block-option");
  assert_non_null(f);
  assert_non_null(strstr(f->message, "只有 table 用"));
  size_t errors = 0;
  for (size_t i = 0; i < d.count; i++)
    errors += strstr(d.items[i].message, "[block-option]") != NULL;
  assert_int_equal(errors, 2); /* and the table without rows */
  er_eval_free(ev);
  er_diag_free(&d);
}

/* "^" and "<" merge a cell into the one above or on its left; a block
 * stays within the header or the body, and must be a rectangle. */
static void merged_cells(void **state) {
  (void)state;
  er_arena a = {0};
  er_utable t;
  er_utable_parse("项目 | 来源 | < | 支出\n"
                  "^ | 中央 | 省级 | ^\n"
                  "甲 | 1 | 2 | 3\n"
                  "^ | 4 | 5 | 6\n",
                  &a, &t);
  er_uspan **s = er_utable_spans(&t, 2, &a, NULL, NULL);
  assert_int_equal(s[0][0].rows, 2); /* 项目 over both header rows */
  assert_int_equal(s[0][1].cols, 2); /* 来源 over 中央 and 省级 */
  assert_int_equal(s[0][2].rows, 0); /* covered */
  assert_int_equal(s[0][3].rows, 2);
  assert_int_equal(s[1][1].rows, 1);
  assert_int_equal(s[2][0].rows, 2); /* 甲 over its two body rows */
  assert_int_equal(s[3][0].rows, 0);

  /* a "^" under the header's last row starts the body: nothing to merge */
  er_diag d = {0};
  er_text text = {"项目 | 金额\n^ | 1\n", {5, 7}};
  er_utable_parse(text.s, &a, &t);
  er_utable_spans(&t, 1, &a, &d, &text);
  const er_finding *f = find_finding(&d, "table-merge");
  assert_non_null(f);
  assert_int_equal(f->pos.line, 6);
  assert_int_equal(f->pos.col, 7);
  er_diag_free(&d);

  /* a block that is not a rectangle: 乙 stands inside 甲's */
  er_diag d2 = {0};
  text.s = "a | b | c\n甲 | < | 1\n^ | 乙 | 2\n";
  er_utable_parse(text.s, &a, &t);
  er_utable_spans(&t, 1, &a, &d2, &text);
  f = find_finding(&d2, "table-merge");
  assert_non_null(f);
  assert_non_null(strstr(f->message, "第 3 行第 2 格"));
  er_diag_free(&d2);
  er_arena_free(&a);
}

/* A chart draws at most ER_UCHART_MAX_ROWS values: one more is refused
 * at the row that does not fit. */
static void a_chart_too_long(void **state) {
  (void)state;
  char rows[4096] = "名称 | 值\n";
  for (int i = 0; i <= ER_UCHART_MAX_ROWS; i++)
    snprintf(rows + strlen(rows), sizeof rows - strlen(rows), "项%d | %d\n", i, i);
  er_body_item b = {.block = {"chart", {0, 0}}, .rows = {rows, {1, 1}}};
  er_diag d = {0};
  er_uchart_check(&b, &d);
  const er_finding *f = find_finding(&d, "table-rows");
  assert_non_null(f);
  assert_int_equal(f->pos.line, 1 + ER_UCHART_MAX_ROWS + 1);
  assert_non_null(strstr(f->message, "最多 64 项"));
  er_diag_free(&d);
  /* exactly as many: drawn whole */
  *strrchr(rows, '\n') = '\0';
  *(strrchr(rows, '\n') + 1) = '\0';
  er_diag d2 = {0};
  er_uchart_check(&b, &d2);
  assert_null(find_finding(&d2, "table-rows"));
  er_diag_free(&d2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(rows_and_cells),          cmocka_unit_test(figures_and_sums),
      cmocka_unit_test(a_short_row_at_its_line), cmocka_unit_test(a_typed_total_is_checked),
      cmocka_unit_test(options_belong_to_table), cmocka_unit_test(merged_cells),
      cmocka_unit_test(a_chart_too_long),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
