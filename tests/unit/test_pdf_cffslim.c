/* Lighter CFF outlines (pdf/cffslim.h) on FandolFang: the subset of a few
 * dozen characters loses at least a third of its CFF bytes at 4/1000 em,
 * every glyph keeps its advance, and its outline stays within the
 * tolerance of the font's (every point of either, drawn finely, lies that
 * near the other); with no tolerance the outlines are the font's, point
 * for point. Skipped (77) without FandolFang. */
#include "support.h"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "pdf/cffslim.h"

/* ---- outlines as points ---- */

typedef struct outline {
  double *xy; /* pairs; a NAN pair starts a contour */
  size_t n, cap;
  double x, y;
} outline;

static void add(outline *o, double x, double y) {
  if (o->n + 2 > o->cap) {
    o->cap = o->cap ? 2 * o->cap : 256;
    o->xy = realloc(o->xy, o->cap * sizeof *o->xy);
    assert_non_null(o->xy);
  }
  o->xy[o->n++] = x;
  o->xy[o->n++] = y;
}

static void move_to(hb_draw_funcs_t *f, void *data, hb_draw_state_t *st, float x, float y,
                    void *u) {
  (void)f, (void)st, (void)u;
  outline *o = data;
  add(o, NAN, NAN);
  add(o, x, y);
  o->x = x;
  o->y = y;
}

static void line_to(hb_draw_funcs_t *f, void *data, hb_draw_state_t *st, float x, float y,
                    void *u) {
  (void)f, (void)st, (void)u;
  outline *o = data;
  add(o, x, y);
  o->x = x;
  o->y = y;
}

/* A cubic drawn as 8 straight pieces. */
static void cubic_to(hb_draw_funcs_t *f, void *data, hb_draw_state_t *st, float x1, float y1,
                     float x2, float y2, float x3, float y3, void *u) {
  (void)f, (void)st, (void)u;
  outline *o = data;
  for (int k = 1; k <= 8; k++) {
    double t = k / 8.0, s = 1 - t;
    add(o, s * s * s * o->x + 3 * s * s * t * x1 + 3 * s * t * t * x2 + t * t * t * x3,
        s * s * s * o->y + 3 * s * s * t * y1 + 3 * s * t * t * y2 + t * t * t * y3);
  }
  o->x = x3;
  o->y = y3;
}

static hb_draw_funcs_t *draw_funcs(void) {
  hb_draw_funcs_t *f = hb_draw_funcs_create();
  hb_draw_funcs_set_move_to_func(f, move_to, NULL, NULL);
  hb_draw_funcs_set_line_to_func(f, line_to, NULL, NULL);
  hb_draw_funcs_set_cubic_to_func(f, cubic_to, NULL, NULL);
  return f;
}

static double to_segment(double px, double py, double ax, double ay, double bx, double by) {
  double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
  double t = l2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/* The farthest any point of a lies from the outline b (closed contours). */
static double farthest(const outline *a, const outline *b) {
  double worst = 0;
  for (size_t i = 0; i < a->n; i += 2) {
    if (isnan(a->xy[i]))
      continue;
    double best = INFINITY;
    size_t start = 0;
    for (size_t j = 0; j < b->n; j += 2) {
      if (isnan(b->xy[j])) {
        start = j + 2;
        continue;
      }
      bool last = j + 2 >= b->n || isnan(b->xy[j + 2]);
      size_t k = last ? start : j + 2; /* the closing edge */
      double d = to_segment(a->xy[i], a->xy[i + 1], b->xy[j], b->xy[j + 1], b->xy[k], b->xy[k + 1]);
      if (d < best)
        best = d;
    }
    if (best > worst)
      worst = best;
  }
  return worst;
}

/* ---- the faces ---- */

static hb_face_t *fandol(void) {
  FcInit();
  FcPattern *p = FcNameParse((const FcChar8 *)"FandolFang");
  FcConfigSubstitute(NULL, p, FcMatchPattern);
  FcDefaultSubstitute(p);
  FcResult r;
  FcPattern *m = FcFontMatch(NULL, p, &r);
  FcPatternDestroy(p);
  FcChar8 *family = NULL, *file = NULL;
  hb_face_t *face = NULL;
  if (m && FcPatternGetString(m, FC_FAMILY, 0, &family) == FcResultMatch &&
      strcmp((const char *)family, "FandolFang") == 0 &&
      FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
    hb_blob_t *blob = hb_blob_create_from_file((const char *)file);
    face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
  }
  if (m)
    FcPatternDestroy(m);
  return face;
}

/* The face `font` with its CFF table replaced by `cff`. */
static hb_face_t *with_cff(hb_face_t *font, const uint8_t *cff, size_t len) {
  hb_face_t *b = hb_face_builder_create();
  hb_tag_t tags[32];
  unsigned n = 32;
  hb_face_get_table_tags(font, 0, &n, tags);
  for (unsigned i = 0; i < n; i++) {
    hb_blob_t *t =
        tags[i] == HB_TAG('C', 'F', 'F', ' ')
            ? hb_blob_create((const char *)cff, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL)
            : hb_face_reference_table(font, tags[i]);
    hb_face_builder_add_table(b, tags[i], t);
    hb_blob_destroy(t);
  }
  hb_blob_t *whole = hb_face_reference_blob(b);
  hb_face_destroy(b);
  hb_face_t *face = hb_face_create(whole, 0);
  hb_blob_destroy(whole);
  return face;
}

typedef struct fixture {
  hb_face_t *subset;
  hb_blob_t *cff;
} fixture;

static int setup(void **state) {
  hb_face_t *face = fandol();
  if (!face)
    return 0; /* each test skips */
  static const char text[] = "绩效评价报告南充市城乡低保补助资金"
                             "（一）、，。；：“”1290Aa%";
  hb_set_t *u = hb_set_create();
  for (const char *p = text; *p;) {
    UChar32 c;
    int32_t i = 0;
    U8_NEXT(p, i, -1, c);
    hb_set_add(u, (hb_codepoint_t)c);
    p += i;
  }
  fixture *f = calloc(1, sizeof *f);
  /* as cff.c subsets: no hints, no subroutines */
  hb_subset_input_t *in = hb_subset_input_create_or_fail();
  hb_set_union(hb_subset_input_unicode_set(in), u);
  hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);
  hb_face_t *built = hb_subset_or_fail(face, in);
  hb_subset_input_destroy(in);
  assert_non_null(built);
  hb_blob_t *blob = hb_face_reference_blob(built); /* a face read from its bytes */
  f->subset = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  hb_face_destroy(built);
  f->cff = hb_face_reference_table(f->subset, HB_TAG('C', 'F', 'F', ' '));
  hb_set_destroy(u);
  hb_face_destroy(face);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  if (f) {
    hb_blob_destroy(f->cff);
    hb_face_destroy(f->subset);
    free(f);
  }
  FcFini();
  return 0;
}

/* Slims the fixture's CFF at `tol` units and compares every glyph. */
static size_t compare(fixture *f, double tol, double *worst) {
  unsigned len;
  const uint8_t *cff = (const uint8_t *)hb_blob_get_data(f->cff, &len);
  size_t slim_len = 0;
  uint8_t *slim = er_cff_slim(cff, len, tol, &slim_len);
  if (!slim) /* nothing gained: the outlines are the font's */
    return len;
  hb_face_t *face = with_cff(f->subset, slim, slim_len);
  hb_font_t *a = hb_font_create(f->subset), *b = hb_font_create(face);
  unsigned glyphs = hb_face_get_glyph_count(f->subset);
  assert_int_equal(hb_face_get_glyph_count(face), glyphs);
  hb_draw_funcs_t *funcs = draw_funcs();
  *worst = 0;
  for (unsigned g = 0; g < glyphs; g++) {
    assert_int_equal(hb_font_get_glyph_h_advance(a, g), hb_font_get_glyph_h_advance(b, g));
    outline oa = {0}, ob = {0};
    hb_font_get_glyph_shape(a, g, funcs, &oa);
    hb_font_get_glyph_shape(b, g, funcs, &ob);
    assert_true((oa.n == 0) == (ob.n == 0));
    double d = fmax(farthest(&oa, &ob), farthest(&ob, &oa));
    if (d > *worst)
      *worst = d;
    free(oa.xy);
    free(ob.xy);
  }
  hb_draw_funcs_destroy(funcs);
  hb_font_destroy(a);
  hb_font_destroy(b);
  hb_face_destroy(face);
  free(slim);
  return slim_len;
}

static void lighter_within_tolerance(void **state) {
  fixture *f = *state;
  if (!f)
    skip();
  double worst = 0;
  size_t len = compare(f, 4, &worst);
  unsigned before = hb_blob_get_length(f->cff);
  print_message("CFF %u → %zu bytes, farthest point %.2f units\n", before, len, worst);
  assert_true(len * 3 <= before * 2); /* at least a third lighter */
  /* 4 units, and the 1/8 steps the outlines are drawn in */
  assert_true(worst <= 4.5);
}

static void no_tolerance_same_outlines(void **state) {
  fixture *f = *state;
  if (!f)
    skip();
  double worst = 0;
  compare(f, 0, &worst);
  assert_true(worst < 0.01);
}

static void not_a_cff(void **state) {
  (void)state;
  static const uint8_t junk[] = {1, 0, 4, 1, 0, 1, 1, 1, 65, 0, 1, 1, 1, 2, 28};
  size_t len = 0;
  assert_null(er_cff_slim(junk, sizeof junk, 4, &len));
  assert_null(er_cff_slim(junk, 3, 4, &len));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(lighter_within_tolerance),
      cmocka_unit_test(no_tolerance_same_outlines),
      cmocka_unit_test(not_a_cff),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
