/* The flow of paragraphs over pages: no first line alone at the foot of a
 * page (orphan), no last line alone at the top of the next (widow), a
 * heading kept with two lines of its paragraph, and tags that say where a
 * block landed. */
#include "pdf_support.h"

#include <math.h>

/* n characters of plain Chinese text: every line of the grid full. */
static char *plain_text(size_t n) {
  static const char *const chars[] = {"绩", "效", "评", "价", "资", "金", "管", "理"};
  char *s = malloc(3 * n + 1);
  assert_non_null(s);
  for (size_t i = 0; i < n; i++)
    memcpy(s + 3 * i, chars[i % 8], 3);
  s[3 * n] = '\0';
  return s;
}

/* Lines (distinct baselines) on a page. */
static size_t lines_on(const er_page *page) {
  size_t n = 0;
  double last = -1;
  for (size_t r = 0; r < page->nruns; r++)
    if (fabs(page->runs[r].y - last) > 0.01) {
      n++;
      last = page->runs[r].y;
    }
  return n;
}

/* A page set after `full` full lines of body text and a paragraph of
 * `lines` lines (the first indented two characters). */
static er_typesetter *after(size_t full, size_t lines, er_diag *d) {
  er_typesetter *ts = er_typesetter_new(NULL, NULL, d);
  if (!ts)
    test_skip();
  char *fill = plain_text(full * 28 - 2), *para = plain_text(lines * 28 - 2);
  assert_true(er_typeset_text(ts, ER_BLOCK_BODY, fill, -1));
  assert_true(er_typeset_text(ts, ER_BLOCK_BODY, para, -1));
  free(fill);
  free(para);
  return ts;
}

static void no_orphan(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "orphan");
  er_typesetter *ts = after(21, 2, &d); /* one line left for two */
  const er_pages *p = er_typesetter_pages(ts);
  assert_int_equal(p->npages, 2);
  assert_int_equal(lines_on(&p->pages[0]), 21);
  assert_int_equal(lines_on(&p->pages[1]), 2);
  er_typesetter_free(ts);
  er_diag_free(&d);
}

static void no_widow(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "widow");
  er_typesetter *ts = after(18, 5, &d); /* four lines left for five: three and two */
  const er_pages *p = er_typesetter_pages(ts);
  assert_int_equal(p->npages, 2);
  assert_int_equal(lines_on(&p->pages[0]), 18 + 3);
  assert_int_equal(lines_on(&p->pages[1]), 2);
  er_typesetter_free(ts);
  er_diag_free(&d);
}

static void three_lines_in_two_go_over(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "three");
  er_typesetter *ts = after(20, 3, &d); /* 2 + 1 leaves a widow, 1 + 2 an orphan */
  const er_pages *p = er_typesetter_pages(ts);
  assert_int_equal(p->npages, 2);
  assert_int_equal(lines_on(&p->pages[0]), 20);
  assert_int_equal(lines_on(&p->pages[1]), 3);
  er_typesetter_free(ts);
  er_diag_free(&d);
}

static void heading_keeps_two_lines_and_tags_say_where(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "keep");
  er_typesetter *ts = er_typesetter_new(NULL, NULL, &d);
  if (!ts)
    test_skip();
  char *fill = plain_text(19 * 28 - 2), *para = plain_text(3 * 28 - 2);
  er_typeset_text(ts, ER_BLOCK_BODY, fill, -1);
  /* a heading and two lines would fit the three left, but its three-line
   * paragraph would leave a widow there: the heading goes over with it */
  er_block_style h2 = er_block_style_gbt9704(ER_BLOCK_H2);
  er_span span = er_typeset_span(ts, ER_BLOCK_H2, "二、标题", strlen("二、标题"));
  er_typeset_block(ts, &h2, &span, 1, 7);
  er_typeset_text(ts, ER_BLOCK_BODY, para, -1);
  const er_pages *p = er_typesetter_pages(ts);
  size_t page;
  double y;
  assert_true(er_typesetter_tag(ts, 7, &page, &y));
  assert_false(er_typesetter_tag(ts, 8, &page, &y));
  assert_int_equal(p->npages, 2);
  assert_int_equal(page, 1);
  assert_true(fabs(y - p->style.top) < 1e-6);
  assert_int_equal(lines_on(&p->pages[0]), 19);
  free(fill);
  free(para);
  er_typesetter_free(ts);
  er_diag_free(&d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(no_orphan),
      cmocka_unit_test(no_widow),
      cmocka_unit_test(three_lines_in_two_go_over),
      cmocka_unit_test(heading_keeps_two_lines_and_tags_say_where),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
