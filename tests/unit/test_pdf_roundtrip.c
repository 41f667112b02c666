/* A PDF round trip through poppler and qpdf: the exact text comes back,
 * page by page, with nothing on stderr (no ToUnicode complaint); every
 * font is an embedded subset with a ToUnicode map; qpdf --check is clean.
 * Exits 77 (skipped) when poppler-utils or qpdf is not installed. */
#include "pdf_support.h"

#include <unistd.h>

/* Typesets the test report into report.pdf; returns its page texts
 * (white space removed, page numbers included) joined by '\f'. */
static char *write_report(void) {
  er_diag d;
  er_diag_init(&d, "roundtrip");
  er_typesetter *ts = er_typesetter_new(NULL, NULL, &d);
  if (!ts)
    test_skip();
  for (size_t i = 0; i < TEST_REPORT_BLOCKS; i++)
    assert_true(er_typeset_text(ts, test_report[i].kind, test_report[i].text, -1));
  er_pdf_info info = {
      .title = "南充市城乡低保资金绩效评价报告", .author = "评价机构", .created = -1};
  assert_true(er_typesetter_write(ts, &info, scratch_path("report.pdf")));
  const er_pages *pages = er_typesetter_pages(ts);
  assert_true(pages->npages >= 2);
  size_t cap = 1;
  for (size_t p = 0; p < pages->npages; p++)
    for (size_t r = 0; r < pages->pages[p].nruns; r++)
      cap += pages->pages[p].runs[r].len + 1;
  char *out = calloc(cap, 1);
  if (!out)
    abort();
  for (size_t p = 0; p < pages->npages; p++) {
    if (p)
      strcat(out, "\f");
    for (size_t r = 0; r < pages->pages[p].nruns; r++)
      strcat(out, pages->pages[p].runs[r].text);
  }
  er_typesetter_free(ts);
  if (d.count)
    er_diag_print(&d, stderr);
  assert_int_equal(d.count, 0);
  er_diag_free(&d);
  return out;
}

/* OpenType CFF faces: FandolFang (CID-keyed, its CIDs the codes) for
 * every role, Latin Modern Roman (name-keyed, the subset's glyph ids the
 * codes) for Latin letters and digits. The text comes back exactly, both
 * are embedded as CID Type 0C subsets, and qpdf finds nothing wrong. */
static void cff_fonts_round_trip(void **state) {
  (void)state;
  if (!test_run("fc-list : family | grep -q '^FandolFang' && "
                "fc-list : family | grep -q '^Latin Modern Roman,'")) {
    print_message("skipped: FandolFang or Latin Modern Roman not installed\n");
    return;
  }
  static const char roles[] =
      "body: [FandolFang]\ntitle: [FandolFang]\nh2: [FandolFang]\nh3: [FandolFang]\n"
      "h4: [FandolFang]\ntable: [FandolFang]\ncaption: [FandolFang]\nnote: [FandolFang]\n"
      "page_number: [FandolFang]\n"
      "latin: {families: [Latin Modern Roman], roles: [body, title, h2, h3, h4, page_number]}\n";
  const char *text = "2023年度预算资金执行率98.42%（Budget），“三保”落实到位。";
  er_diag d;
  er_diag_init(&d, "cff");
  er_typesetter *ts = er_typesetter_new(NULL, roles, &d);
  assert_non_null(ts);
  assert_true(er_typeset_text(ts, ER_BLOCK_BODY, text, -1));
  er_pdf_info info = {.title = "CFF", .created = -1};
  assert_true(er_typesetter_write(ts, &info, scratch_path("cff.pdf")));
  er_typesetter_free(ts);
  if (d.count)
    er_diag_print(&d, stderr);
  assert_int_equal(d.count, 0);
  er_diag_free(&d);
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "pdftotext -enc UTF-8 '%s' - 2>&1 | grep -v '^ *—' | tr -d ' \\n\\f' | "
           "grep -qxF '%s' && pdffonts '%s' | grep -q 'FandolFang-Regular *CID Type 0C' && "
           "pdffonts '%s' | grep -q 'LMRoman.*CID Type 0C' && qpdf --check '%s' >/dev/null",
           scratch_path("cff.pdf"), text, scratch_path("cff.pdf"), scratch_path("cff.pdf"),
           scratch_path("cff.pdf"));
  if (!test_run(cmd)) {
    snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' - >&2; pdffonts '%s' >&2",
             scratch_path("cff.pdf"), scratch_path("cff.pdf"));
    test_run(cmd);
    fail_msg("the CFF fonts' text, fonts or structure are wrong");
  }
}

static void text_comes_back_exactly(void **state) {
  (void)state;
  char *pages = write_report();
  char cmd[512];
  snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' '%s' 2>'%s'", scratch_path("report.pdf"),
           scratch_path("report.txt"), scratch_path("stderr.txt"));
  assert_true(test_run(cmd));
  size_t err_len = 0;
  char *err = test_slurp(scratch_path("stderr.txt"), &err_len);
  assert_non_null(err);
  if (err_len)
    fail_msg("pdftotext complained: %s", err);
  char *text = test_slurp(scratch_path("report.txt"), NULL);
  assert_non_null(text);
  /* page by page: pdftotext separates pages with form feeds */
  char *want = pages, *got = text;
  for (int page = 1;; page++) {
    char *want_end = strchr(want, '\f'), *got_end = strchr(got, '\f');
    if (want_end)
      *want_end = '\0';
    if (got_end)
      *got_end = '\0';
    test_squeeze_space(want);
    test_squeeze_space(got);
    if (strcmp(want, got) != 0)
      fail_msg("page %d\nwant: %s\ngot:  %s", page, want, got);
    if (!want_end)
      break;
    if (!got_end)
      test_fail("pdftotext gave fewer pages than were typeset", scratch_path("report.txt"));
    want = want_end + 1;
    got = got_end + 1;
  }
  /* and the pages hold the whole report */
  char *report = test_report_text();
  char *all = test_slurp(scratch_path("report.txt"), NULL);
  test_squeeze_space(all);
  char *found = all;
  for (int folio = 1; folio < 10; folio++) { /* drop the page numbers */
    char mark[32];
    snprintf(mark, sizeof mark, "—%d—", folio);
    char *at = strstr(found, mark);
    if (at) {
      memmove(at, at + strlen(mark), strlen(at + strlen(mark)) + 1);
      found = at;
    }
  }
  assert_string_equal(all, report);
  free(all);
  free(report);
  free(text);
  free(err);
  free(pages);
}

static void fonts_are_embedded_subsets(void **state) {
  (void)state;
  free(write_report());
  char cmd[512];
  snprintf(cmd, sizeof cmd, "pdffonts '%s' >'%s' 2>&1", scratch_path("report.pdf"),
           scratch_path("fonts.txt"));
  assert_true(test_run(cmd));
  char *fonts = test_slurp(scratch_path("fonts.txt"), NULL);
  assert_non_null(fonts);
  int count = 0;
  char *save = NULL;
  for (char *line = strtok_r(fonts, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (strncmp(line, "name ", 5) == 0 || strncmp(line, "----", 4) == 0)
      continue;
    /* name type… encoding emb sub uni object ID: the last six fields */
    char *fields[16] = {0};
    int n = 0;
    char *save2 = NULL;
    for (char *f = strtok_r(line, " ", &save2); f && n < 16; f = strtok_r(NULL, " ", &save2))
      fields[n++] = f;
    if (n < 8) {
      fail_msg("pdffonts line: %s", line);
      continue;
    }
    assert_true(strlen(fields[0]) > 7 && fields[0][6] == '+'); /* ABCDEF+Name: a subset */
    assert_string_equal(fields[n - 5], "yes");                 /* embedded */
    assert_string_equal(fields[n - 4], "yes");                 /* subset */
    assert_string_equal(fields[n - 3], "yes");                 /* ToUnicode */
    count++;
  }
  assert_true(count >= 3); /* 小标宋, 黑体, 楷体, 仿宋 roles, or their stand-ins */
  free(fonts);
  /* a few kilobytes a font, not megabytes */
  size_t size = 0;
  char *pdf = test_slurp(scratch_path("report.pdf"), &size);
  assert_non_null(pdf);
  print_message("report.pdf: %zu bytes, %d fonts\n", size, count);
  assert_true(size < (size_t)400 * 1024);
  free(pdf);
}

static void qpdf_finds_nothing_wrong(void **state) {
  (void)state;
  free(write_report());
  char cmd[512];
  snprintf(cmd, sizeof cmd, "qpdf --check '%s' >'%s' 2>&1", scratch_path("report.pdf"),
           scratch_path("qpdf.txt"));
  bool clean = test_run(cmd);
  char *out = test_slurp(scratch_path("qpdf.txt"), NULL);
  assert_non_null(out);
  if (!clean || !strstr(out, "No syntax or stream encoding errors") || strstr(out, "WARNING"))
    fail_msg("qpdf --check: %s", out);
  free(out);
}

int main(void) {
  if (!test_run("command -v pdftotext >/dev/null && command -v pdffonts >/dev/null && "
                "command -v qpdf >/dev/null")) {
    fprintf(stderr, "skipped: install poppler-utils and qpdf\n");
    return 77;
  }
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(text_comes_back_exactly),
      cmocka_unit_test(fonts_are_embedded_subsets),
      cmocka_unit_test(qpdf_finds_nothing_wrong),
      cmocka_unit_test(cff_fonts_round_trip),
  };
  return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
