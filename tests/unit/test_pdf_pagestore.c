/* Pages written out as the flow leaves them (ER_PAGES_STORE) read back
 * exactly: every run and shape of every page as a set kept in memory has
 * it, in the same order, with what was placed on a page after the flow
 * left it (a page number, a late mark) after the rest; the same characters
 * for the fonts' subsets; and the same PDF, byte for byte. A layout pass
 * that drops the pages (ER_PAGES_DROP) still numbers them and knows where
 * every tagged block landed. */
#include "pdf_support.h"

#include <unistd.h>

#include "pdf/usedchars.h"

/* Enough text for a few hundred pages: the store writes a batch of a
 * megabyte at a time, so both written batches and the pages still in the
 * buffer when the pages are read back are exercised. */
#define PARAGRAPHS 2400

static er_typesetter *typeset(er_pages_keep keep, er_diag *d) {
  er_typesetter *ts = er_typesetter_new(NULL, NULL, d);
  if (!ts)
    test_skip();
  er_pages_keep_mode(er_typesetter_page_set(ts), keep);
  uint64_t seed = 17;
  for (size_t i = 0; i < PARAGRAPHS; i++) {
    const er_block *b = &test_report[test_pick(&seed, TEST_REPORT_BLOCKS)];
    er_block_style style = er_block_style_gbt9704(b->kind);
    er_span span = er_typeset_span(ts, b->kind, b->text, strlen(b->text));
    assert_true(er_typeset_block(ts, &style, &span, 1, (int)i));
  }
  er_typeset_keep(ts, 0);
  /* placed after the flow left the first pages: drawn after what is on them */
  er_pages *p = er_typesetter_page_set(ts);
  er_span mark = {.text = "补记", .len = strlen("补记"), .role = ER_ROLE_BODY, .size = 16};
  er_para_style ps = {.measure = 1e6, .align = ER_ALIGN_START};
  er_para para;
  assert_true(er_para_layout(&para, er_typesetter_fonts(ts), er_typesetter_linebreaker(ts), &mark,
                             1, &ps, d));
  er_pages_place_line(p, 0, &para, 0, 100, 100);
  er_pages_shape(
      p, 1,
      &(er_shape){
          .kind = ER_SHAPE_LINE, .fill = ER_NO_FILL, .x = 10, .y = 20, .w = 30, .stroke = 0.5});
  er_para_free(&para);
  return ts;
}

static void same_run(const er_placed_run *a, const er_placed_run *b) {
  assert_int_equal(a->face, b->face);
  assert_int_equal(a->color, b->color);
  assert_true(a->size == b->size && a->stroke == b->stroke && a->char_space == b->char_space);
  assert_true(a->hscale == b->hscale && a->x == b->x && a->y == b->y && a->rise == b->rise);
  assert_true(a->flow == b->flow && a->angle == b->angle);
  assert_true(a->behind == b->behind && a->sheet == b->sheet);
  assert_int_equal(a->len, b->len);
  assert_memory_equal(a->text, b->text, a->len);
  assert_int_equal(b->text[b->len], '\0');
}

static void same_shape(const er_shape *a, const er_shape *b) {
  assert_int_equal(a->kind, b->kind);
  assert_int_equal(a->color, b->color);
  assert_int_equal(a->fill, b->fill);
  assert_int_equal(a->dotted, b->dotted);
  assert_true(a->x == b->x && a->y == b->y && a->w == b->w && a->h == b->h);
  assert_true(a->a0 == b->a0 && a->a1 == b->a1 && a->stroke == b->stroke);
}

static void stored_pages_read_back_exactly(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "pagestore");
  er_typesetter *kept = typeset(ER_PAGES_KEEP, &d), *stored = typeset(ER_PAGES_STORE, &d);
  const er_pages *a = er_typesetter_pages(kept), *b = er_typesetter_pages(stored);
  assert_true(a->npages > 300);
  assert_int_equal(a->npages, b->npages);
  assert_true(b->pages[0].stored && b->pages[a->npages - 2].stored);
  assert_false(b->pages[a->npages - 1].stored); /* the flow is still on the last */
  assert_int_equal(b->pages[0].nruns, 1);       /* only the late mark is in memory */
  er_page_view view = {0};
  for (size_t i = 0; i < a->npages; i++) {
    const er_page *pa = &a->pages[i], *pb = er_pages_view(b, i, &view);
    assert_non_null(pb);
    assert_int_equal(pa->nruns, pb->nruns);
    assert_int_equal(pa->nshapes, pb->nshapes);
    assert_int_equal(pa->folio, pb->folio);
    for (size_t r = 0; r < pa->nruns; r++)
      same_run(&pa->runs[r], &pb->runs[r]);
    for (size_t s = 0; s < pa->nshapes; s++)
      same_shape(&pa->shapes[s], &pb->shapes[s]);
  }
  er_page_view_free(&view);
  size_t nfaces = er_fontset_face_count(er_typesetter_fonts(kept));
  hb_set_t **ua = er_used_characters(a, nfaces), **ub = er_used_characters(b, nfaces);
  for (size_t f = 0; f < nfaces; f++)
    assert_true(hb_set_is_equal(ua[f], ub[f]));
  er_used_characters_free(ua, nfaces);
  er_used_characters_free(ub, nfaces);

  /* the same PDF from either */
  char pa[] = "/tmp/evalreport-kept-XXXXXX", pb[] = "/tmp/evalreport-stored-XXXXXX";
  int fa = mkstemp(pa), fb = mkstemp(pb);
  assert_true(fa >= 0 && fb >= 0);
  close(fa);
  close(fb);
  er_pdf_info info = {.title = "暂存", .created = 1700000000};
  assert_true(er_typesetter_write(kept, &info, pa));
  assert_true(er_typesetter_write(stored, &info, pb));
  size_t la, lb;
  char *bytes_a = test_slurp(pa, &la), *bytes_b = test_slurp(pb, &lb);
  unlink(pa);
  unlink(pb);
  assert_non_null(bytes_a);
  assert_non_null(bytes_b);
  assert_int_equal(la, lb);
  assert_memory_equal(bytes_a, bytes_b, la);
  free(bytes_a);
  free(bytes_b);
  er_typesetter_free(kept);
  er_typesetter_free(stored);
  er_diag_free(&d);
}

static void dropped_pages_keep_their_numbers_and_landings(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "pagestore");
  er_typesetter *kept = typeset(ER_PAGES_KEEP, &d), *dropped = typeset(ER_PAGES_DROP, &d);
  const er_pages *a = er_typesetter_pages(kept), *b = er_typesetter_pages(dropped);
  assert_int_equal(a->npages, b->npages);
  for (size_t i = 0; i < a->npages; i++)
    assert_int_equal(a->pages[i].folio, b->pages[i].folio);
  assert_int_equal(b->pages[2].nruns, 0);
  for (int tag = 0; tag < PARAGRAPHS; tag++) {
    size_t page_a, page_b;
    double ya, yb;
    assert_true(er_typesetter_tag(kept, tag, &page_a, &ya));
    assert_true(er_typesetter_tag(dropped, tag, &page_b, &yb));
    assert_int_equal(page_a, page_b);
    assert_true(ya == yb);
  }
  er_typesetter_free(kept);
  er_typesetter_free(dropped);
  er_diag_free(&d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(stored_pages_read_back_exactly),
      cmocka_unit_test(dropped_pages_keep_their_numbers_and_landings),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
