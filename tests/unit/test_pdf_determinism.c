/* The same input gives the same bytes: libharu writes no ID and no date of
 * its own, the document ID is a digest of the pages, fonts are subset the
 * same way each time, and the creation date is SOURCE_DATE_EPOCH's, else
 * the data file's modification time. */
#include "model/srcdate.h"
#include "pdf_support.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Writes the test report to a new temporary file; returns its bytes. */
static char *render(size_t *len) {
  char path[] = "/tmp/evalreport-pdf-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  er_diag d;
  er_diag_init(&d, "determinism");
  er_pdf_info info = {.title = "绩效评价报告", .created = er_source_date(&d)};
  if (!er_pdf_typeset(test_report, TEST_REPORT_BLOCKS, &info, path, &d)) {
    er_diag_print(&d, stderr);
    unlink(path);
    test_skip(); /* no fonts on this machine */
  }
  assert_int_equal(d.count, 0);
  er_diag_free(&d);
  char *bytes = test_slurp(path, len);
  unlink(path);
  assert_non_null(bytes);
  return bytes;
}

static bool contains(const char *bytes, size_t len, const char *what) {
  size_t n = strlen(what);
  for (size_t i = 0; i + n <= len; i++)
    if (memcmp(bytes + i, what, n) == 0)
      return true;
  return false;
}

static void same_input_same_bytes(void **state) {
  (void)state;
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  size_t a_len, b_len;
  char *a = render(&a_len), *b = render(&b_len);
  assert_int_equal(a_len, b_len);
  assert_memory_equal(a, b, a_len);
  assert_true(contains(a, a_len, "/CreationDate (D:20231114221320Z"));
  assert_true(contains(a, a_len, "/ModDate (D:20231114221320Z"));
  assert_true(contains(a, a_len, "/ID [ <"));
  assert_true(contains(a, a_len, "<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"));
  assert_true(contains(a, a_len, "/Lang (zh-CN)"));
  free(a);
  free(b);
}

static void no_date_without_source_date_epoch(void **state) {
  (void)state;
  unsetenv("SOURCE_DATE_EPOCH");
  size_t a_len, b_len;
  char *a = render(&a_len), *b = render(&b_len);
  assert_int_equal(a_len, b_len);
  assert_memory_equal(a, b, a_len);
  assert_false(contains(a, a_len, "/CreationDate"));
  free(a);
  free(b);
}

/* A report's date: SOURCE_DATE_EPOCH, else its data file's modification
 * time, else now. */
static void report_date_from_the_data_file(void **state) {
  (void)state;
  char path[] = "/tmp/evalreport-date-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  struct timespec times[2] = {{1600000000, 0}, {1600000000, 0}};
  assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
  er_diag d;
  er_diag_init(&d, "date");
  unsetenv("SOURCE_DATE_EPOCH");
  assert_true(er_pdf_report_date(path) == 1600000000);
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  assert_true(er_pdf_report_date(path) == 1700000000);
  unsetenv("SOURCE_DATE_EPOCH");
  long long before = (long long)time(NULL);
  assert_true(er_pdf_report_date("/nonexistent/evalreport.yaml") >= before);
  assert_int_equal(d.count, 0);
  er_diag_free(&d);
  unlink(path);
}

static void bad_source_date_epoch_is_warned(void **state) {
  (void)state;
  setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
  er_diag d;
  er_diag_init(&d, "env");
  assert_true(er_source_date(&d) < 0);
  assert_non_null(find_finding(&d, "source-date-epoch"));
  er_diag_free(&d);
  unsetenv("SOURCE_DATE_EPOCH");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(same_input_same_bytes),
      cmocka_unit_test(no_date_without_source_date_epoch),
      cmocka_unit_test(report_date_from_the_data_file),
      cmocka_unit_test(bad_source_date_epoch_is_warned),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
