/* Page layout on the GB/T 9704 grid, punctuation squeeze, headings kept
 * with their text, page numbers, font fallback warnings, the role map and
 * the ToUnicode CMap. */
#include "pdf_support.h"

#include <math.h>

#include "pdf/tounicode.h"
#include "pdf/typeset.h"

#define CLOSE(a, b, tol) (fabs((a) - (b)) <= (tol))

/* n characters of plain Chinese text, without marks: every line full. */
static char *plain_text(size_t n) {
  static const char *const chars[] = {"绩", "效", "评", "价", "资", "金", "管", "理",
                                      "项", "目", "保", "障", "城", "乡", "低", "标"};
  char *s = malloc(3 * n + 1);
  assert_non_null(s);
  for (size_t i = 0; i < n; i++)
    memcpy(s + 3 * i, chars[(i * 7 + i / 16) % 16], 3);
  s[3 * n] = '\0';
  return s;
}

static size_t code_points(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

/* Runs of a page grouped by baseline: the count of lines, and per line the
 * characters, the left and the right edge. */
typedef struct page_line {
  double y, left, right;
  size_t chars;
} page_line;

static size_t page_lines(const er_page *page, page_line *out, size_t max, double folio_y) {
  size_t n = 0;
  for (size_t r = 0; r < page->nruns; r++) {
    const er_placed_run *run = &page->runs[r];
    if (CLOSE(run->y, folio_y, 0.01))
      continue; /* the page number */
    size_t chars = code_points(run->text, run->len);
    /* the right edge of full-width glyphs: an em each, plus the spacing */
    double right = run->x + (double)chars * (run->size + run->char_space);
    if (n == 0 || !CLOSE(out[n - 1].y, run->y, 0.01)) {
      assert_true(n < max);
      out[n++] = (page_line){run->y, run->x, right, 0};
    }
    out[n - 1].chars += chars;
    out[n - 1].right = right;
  }
  return n;
}

static void body_text_sits_on_the_22_by_28_grid(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "grid");
  er_typesetter *ts = er_typesetter_new(NULL, NULL, &d);
  if (!ts)
    test_skip();
  char *text = plain_text(700); /* more than a page */
  assert_true(er_typeset_text(ts, ER_BLOCK_BODY, text, -1));
  const er_pages *pages = er_typesetter_pages(ts);
  const er_page_style *st = &pages->style;
  assert_int_equal(pages->npages, 2);
  double pitch = er_page_pitch(st), leading = er_page_leading(st);
  assert_true(CLOSE(pitch, 156 * ER_MM / 28, 1e-9));
  assert_true(CLOSE(leading, 225 * ER_MM / 22, 1e-9));
  page_line lines[40];
  size_t n = page_lines(&pages->pages[0], lines, 40, -1);
  assert_int_equal(n, 22);
  for (size_t l = 0; l < n; l++) {
    /* a CJK em box centred in each line of the grid */
    double top = st->top + (double)l * leading;
    assert_true(CLOSE(lines[l].y, top + (leading - 16) / 2 + 0.88 * 16, 1e-6));
    assert_int_equal(lines[l].chars, l == 0 ? 26 : 28);
    assert_true(CLOSE(lines[l].left, st->left + (l == 0 ? 2 * pitch : 0), 1e-6));
    assert_true(CLOSE(lines[l].right, st->left + st->block_width, 1e-6));
  }
  /* every glyph advances one pitch: 28 of them fill the 156 mm */
  for (size_t r = 0; r < pages->pages[0].nruns; r++) {
    const er_placed_run *run = &pages->pages[0].runs[r];
    if (code_points(run->text, run->len) > 1)
      assert_true(CLOSE(run->size + run->char_space, pitch, 1e-6));
  }
  /* 700 characters + 2 of indent: 22 lines of 28, then 4 more */
  assert_int_equal(page_lines(&pages->pages[1], lines, 40, -1), 4);
  free(text);
  er_typesetter_free(ts);
  assert_int_equal(d.count, 0);
  er_diag_free(&d);
}

static void heading_is_never_last_on_a_page(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "keep");
  er_typesetter *ts = er_typesetter_new(NULL, NULL, &d);
  if (!ts)
    test_skip();
  char *text = plain_text(21 * 28 - 2); /* exactly 21 full lines */
  er_typeset_text(ts, ER_BLOCK_BODY, text, -1);
  er_typeset_text(ts, ER_BLOCK_H2, "二、绩效评价工作开展情况", -1);
  er_typeset_text(ts, ER_BLOCK_BODY, "评价目的是全面了解资金使用情况。", -1);
  const er_pages *pages = er_typesetter_pages(ts);
  assert_int_equal(pages->npages, 2);
  const er_placed_run *first = &pages->pages[1].runs[0];
  assert_true(strncmp(first->text, "二、", strlen("二、")) == 0);
  assert_true(CLOSE(
      first->y, pages->style.top + (er_page_leading(&pages->style) - 16) / 2 + 0.88 * 16, 1e-6));
  free(text);
  er_typesetter_free(ts);
  er_diag_free(&d);
}

static void page_numbers_alternate_sides(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "folio");
  er_typesetter *ts = er_typesetter_new(NULL, NULL, &d);
  if (!ts)
    test_skip();
  char *text = plain_text(1300); /* three pages */
  er_typeset_text(ts, ER_BLOCK_BODY, text, -1);
  er_pages *pages = (er_pages *)er_typesetter_pages(ts);
  assert_int_equal(pages->npages, 3);
  er_fontset *fs = test_fonts(&d);
  er_linebreaker *lb = er_linebreaker_new();
  assert_true(er_pages_number(pages, fs, lb, &d));
  const er_page_style *st = &pages->style;
  double y = st->top + st->block_height + 7 * ER_MM + 0.38 * 14;
  for (size_t p = 0; p < 3; p++) {
    const er_page *page = &pages->pages[p];
    const er_placed_run *first = NULL, *last = NULL;
    char folio[64] = "";
    for (size_t r = 0; r < page->nruns; r++)
      if (CLOSE(page->runs[r].y, y, 1e-6)) {
        first = first ? first : &page->runs[r];
        last = &page->runs[r];
        strncat(folio, page->runs[r].text, sizeof folio - strlen(folio) - 1);
        assert_true(page->runs[r].size == 14);
      }
    if (!first || !last) {
      fail_msg("no page number on page %zu", p + 1);
      return;
    }
    char want[32];
    snprintf(want, sizeof want, "— %zu —", p + 1);
    assert_string_equal(folio, want);
    const er_face *face = er_fontset_face(fs, last->face);
    size_t n = code_points(last->text, last->len);
    double right = last->x + (double)(n - 1) * last->char_space;
    for (size_t i = 0, k = 0; k < n; k++) { /* advances of the last run's glyphs */
      UChar32 c;
      U8_NEXT_UNSAFE(last->text, i, c);
      hb_codepoint_t gid = 0;
      hb_font_get_nominal_glyph(face->hb_font, (hb_codepoint_t)c, &gid);
      right += er_face_advance(face, gid, 14);
    }
    if (p % 2 == 0) /* pages 1 and 3: one character in from the right edge */
      assert_true(CLOSE(right, st->left + st->block_width - 14, 0.01));
    else
      assert_true(CLOSE(first->x, st->left + 14, 0.01));
  }
  free(text);
  er_linebreaker_free(lb);
  er_fontset_free(fs);
  er_typesetter_free(ts);
  er_diag_free(&d);
}

static void adjacent_marks_are_squeezed(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "squeeze");
  er_fontset *fs = test_fonts(&d);
  er_linebreaker *lb = er_linebreaker_new();
  er_para_style st = test_body_style();
  st.indent = 0;
  st.align = ER_ALIGN_START;
  double pitch = st.wide_em * 16;
  /* ） then （: whichever the font leaves blank, one half em goes */
  const char *text = "好）（好";
  er_span span = {.text = text, .len = strlen(text), .role = ER_ROLE_BODY, .size = 16};
  er_para para;
  assert_true(er_para_layout(&para, fs, lb, &span, 1, &st, &d));
  er_glyph_pick close = er_fontset_pick(fs, ER_ROLE_BODY, 0xFF09, &d);
  double left, right;
  assert_true(er_face_ink(er_fontset_face(fs, close.face), close.glyph, &left, &right));
  if (right <= 0.55)
    assert_true(CLOSE(para.lines[0].width, 3.5 * pitch, 1e-6));
  else
    assert_true(CLOSE(para.lines[0].width, 4 * pitch, 1e-6));
  er_para_free(&para);
  /* without squeeze, four full cells */
  st.squeeze = false;
  assert_true(er_para_layout(&para, fs, lb, &span, 1, &st, &d));
  assert_true(CLOSE(para.lines[0].width, 4 * pitch, 1e-6));
  er_para_free(&para);
  er_linebreaker_free(lb);
  er_fontset_free(fs);
  er_diag_free(&d);
}

static void missing_characters_are_warned_once(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "missing");
  er_fontset *fs = test_fonts(&d);
  er_linebreaker *lb = er_linebreaker_new();
  er_para_style st = test_body_style();
  /* U+0378 is unassigned; U+20BB7 (𠮷) is beyond the BMP */
  const char *text = "甲\xCD\xB8乙\xCD\xB8丙\xF0\xA0\xAE\xB7丁\xF0\xA0\xAE\xB7";
  er_span span = {.text = text, .len = strlen(text), .role = ER_ROLE_BODY, .size = 16};
  er_para para;
  for (int twice = 0; twice < 2; twice++) {
    assert_true(er_para_layout(&para, fs, lb, &span, 1, &st, &d));
    assert_non_null(strstr(para.text, "丙\xEF\xBF\xBD丁")); /* U+FFFD in its place */
    er_para_free(&para);
  }
  assert_int_equal(d.count, 2);
  assert_non_null(find_finding(&d, "missing-glyph"));
  assert_non_null(find_finding(&d, "unsupported-char"));
  assert_non_null(strstr(d.items[0].message, "U+0378"));
  er_linebreaker_free(lb);
  er_fontset_free(fs);
  er_diag_free(&d);
}

static void role_map_must_name_every_role(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "roles.yaml");
  er_role_map map;
  const char *yaml = "title: [AR PL UMing CN]\nbody: [{family: X, embolden: 2}]\n";
  assert_false(er_role_map_parse(&map, yaml, strlen(yaml), &d));
  er_role_map_free(&map);
  assert_non_null(find_finding(&d, "font-roles"));
  er_diag_free(&d);
  /* the compiled-in map is complete */
  er_diag_init(&d, "roles.yaml");
  assert_true(er_role_map_parse(&map, er_default_roles_yaml, strlen(er_default_roles_yaml), &d));
  assert_string_equal(map.roles[ER_ROLE_BODY].items[0].name, "仿宋_GB2312");
  assert_true(map.fallback.count > 0);
  er_role_map_free(&map);
  assert_int_equal(d.count, 0);
  er_diag_free(&d);
}

static void tounicode_ranges_stay_within_a_high_byte(void **state) {
  (void)state;
  hb_set_t *set = hb_set_create();
  hb_set_add_range(set, 0x4EFE, 0x4F02); /* crosses from 4E.. to 4F.. */
  hb_set_add(set, 0x3002);
  for (hb_codepoint_t c = 0x5000; c < 0x5000 + 2 * 150; c += 2)
    hb_set_add(set, c); /* 150 singles: two bfchar blocks */
  size_t len;
  char *cmap = er_tounicode_cmap(set, &len);
  assert_int_equal(strlen(cmap), len);
  assert_non_null(strstr(cmap, "<4EFE> <4EFF> <4EFE>\n"));
  assert_non_null(strstr(cmap, "<4F00> <4F02> <4F00>\n"));
  assert_non_null(strstr(cmap, "100 beginbfchar\n"));
  assert_non_null(strstr(cmap, "51 beginbfchar\n")); /* 150 + U+3002 */
  assert_non_null(strstr(cmap, "<3002> <3002>\n"));
  assert_null(strstr(cmap, "cidrange"));
  free(cmap);
  hb_set_destroy(set);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(body_text_sits_on_the_22_by_28_grid),
      cmocka_unit_test(heading_is_never_last_on_a_page),
      cmocka_unit_test(page_numbers_alternate_sides),
      cmocka_unit_test(adjacent_marks_are_squeezed),
      cmocka_unit_test(missing_characters_are_warned_once),
      cmocka_unit_test(role_map_must_name_every_role),
      cmocka_unit_test(tounicode_ranges_stay_within_a_high_byte),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
