/* Content-stream operators for text runs and shapes (content.h). */
#include "pdf/content.h"

#include "pdf/shapepath.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#define UNSET_COLOR 0xFFFFFFFEu

static void reserve(er_content *c, size_t more) {
  if (c->len + more <= c->cap)
    return;
  c->cap = 2 * (c->len + more) + 4096;
  c->buf = realloc(c->buf, c->cap);
  if (!c->buf)
    abort();
}

static void put(er_content *c, const char *s) {
  size_t n = strlen(s);
  reserve(c, n);
  memcpy(c->buf + c->len, s, n);
  c->len += n;
}

/* A number in thousandths, without trailing zeros, and a space. */
static void num(er_content *c, double v) {
  reserve(c, 32);
  long long k = llround(v * 1000);
  char *o = c->buf + c->len;
  if (k < 0) {
    *o++ = '-';
    k = -k;
  }
  long long whole = k / 1000, frac = k % 1000;
  char digits[24];
  int n = 0;
  do {
    digits[n++] = (char)('0' + whole % 10);
    whole /= 10;
  } while (whole);
  while (n)
    *o++ = digits[--n];
  if (frac) {
    *o++ = '.';
    *o++ = (char)('0' + frac / 100);
    if (frac % 100) {
      *o++ = (char)('0' + frac / 10 % 10);
      if (frac % 10)
        *o++ = (char)('0' + frac % 10);
    }
  }
  *o++ = ' ';
  c->len = (size_t)(o - c->buf);
}

static void color(er_content *c, uint32_t rgb, const char *op) {
  num(c, (double)((rgb >> 16) & 0xFF) / 255);
  num(c, (double)((rgb >> 8) & 0xFF) / 255);
  num(c, (double)(rgb & 0xFF) / 255);
  put(c, op);
}

static void set_fill(er_content *c, uint32_t rgb) {
  if (c->fill != rgb)
    color(c, rgb, "rg\n");
  c->fill = rgb;
}

static void set_stroke(er_content *c, uint32_t rgb, double width) {
  if (c->stroke_color != rgb)
    color(c, rgb, "RG\n");
  c->stroke_color = rgb;
  if (c->line_width != width) {
    num(c, width);
    put(c, "w\n");
  }
  c->line_width = width;
}

static void set_cap(er_content *c, int style) {
  if (c->cap_style != style) {
    num(c, style);
    put(c, "J\n");
  }
  c->cap_style = style;
}

void er_content_reset(er_content *c) {
  c->len = 0;
  c->fill = c->stroke_color = UNSET_COLOR;
  c->line_width = -1;
  c->cap_style = -1;
}

void er_content_free(er_content *c) {
  free(c->buf);
  memset(c, 0, sizeof *c);
}

/* ---- text ---- */

static const char hex[] = "0123456789ABCDEF";

/* The run's characters as the face's 2-byte codes, in hex, inside a
 * string; the number of characters. */
static size_t codes(er_content *c, const er_embedded *e, const char *text, size_t len) {
  reserve(c, 4 * len + 8);
  char *o = c->buf + c->len;
  *o++ = '<';
  size_t n = 0;
  for (size_t i = 0; i < len; n++) {
    UChar32 ch;
    U8_NEXT_OR_FFFD(text, i, len, ch);
    hb_codepoint_t code = hb_map_get(e->code, (hb_codepoint_t)ch);
    if (code == HB_MAP_VALUE_INVALID)
      code = e->notdef;
    *o++ = hex[(code >> 12) & 0xF];
    *o++ = hex[(code >> 8) & 0xF];
    *o++ = hex[(code >> 4) & 0xF];
    *o++ = hex[code & 0xF];
  }
  *o++ = '>';
  c->len = (size_t)(o - c->buf);
  return n;
}

/* A value as num() writes it. */
static double rounded(double v) { return (double)llround(v * 1000) / 1000; }

/* The text state as last set inside the current BT … ET. */
typedef struct text_state {
  int face;
  double size, char_space, stroke, hscale, rise;
  /* where the text position is after the last run (a line's runs follow
   * on from one another), valid when `flowing` */
  bool flowing;
  double x, y;
} text_state;

static void set_text_state(er_content *c, text_state *ts, const er_placed_run *run,
                           const char *name) {
  if (run->face != ts->face || run->size != ts->size) {
    put(c, "/");
    put(c, name);
    put(c, " ");
    num(c, run->size);
    put(c, "Tf\n");
    ts->face = run->face;
    ts->size = run->size;
  }
  if (rounded(run->char_space) != rounded(ts->char_space)) {
    num(c, run->char_space);
    put(c, "Tc\n");
    ts->char_space = run->char_space;
  }
  if (run->hscale != ts->hscale) {
    num(c, run->hscale * 100);
    put(c, "Tz\n");
    ts->hscale = run->hscale;
  }
  if (run->rise != ts->rise) {
    num(c, run->rise);
    put(c, "Ts\n");
    ts->rise = run->rise;
  }
  set_fill(c, run->color);
  if (run->stroke != ts->stroke) { /* synthetic bold: fill, then stroke the outline */
    if (run->stroke > 0)
      set_stroke(c, run->color, run->stroke);
    put(c, run->stroke > 0 ? "2 Tr\n" : "0 Tr\n");
    ts->stroke = run->stroke;
  } else if (run->stroke > 0)
    set_stroke(c, run->color, run->stroke);
}

/* Whether the run goes on from where the text position is: the same
 * baseline, upright, starting within a fraction of an em of it. */
static bool continues(const text_state *ts, const er_placed_run *run) {
  return ts->flowing && run->angle == 0 && fabs(run->y + run->rise - ts->y) < 1e-6 &&
         fabs(run->x - ts->x) < 0.25 * run->size;
}

/* Which runs a pass draws. */
typedef enum pass { BEHIND, FRONT, SHEET } pass;

static bool drawn(const er_placed_run *run, const er_embedded *fonts, const char *const *names,
                  pass which) {
  bool chosen = which == SHEET ? run->sheet : !run->sheet && run->behind == (which == BEHIND);
  return fonts[run->face].font && names[run->face] && chosen;
}

/* Whether `next` goes on from `run` on its line (as continues() will find). */
static bool follows(const er_placed_run *run, const er_placed_run *next) {
  return run->angle == 0 && next->angle == 0 &&
         fabs(next->y + next->rise - run->y - run->rise) < 1e-6 &&
         fabs(next->x - run->x - run->flow) < 0.25 * next->size;
}

/* Text extraction (poppler's, and others') gives each glyph a box as wide
 * as its width in the font, without Tc: a mark squeezed to half its width
 * overlaps its neighbour, which starts a new line in the extracted text,
 * and a gap of a tenth of an em between boxes becomes a space. A line with
 * such spacing is marked with its text as /ActualText, which extraction
 * spreads evenly over the line. Spacing that leaves no gap or overlap is
 * left alone. */
static bool needs_actual_text(const er_placed_run *runs, size_t from, size_t to) {
  for (size_t r = from; r < to; r++) {
    const er_placed_run *run = &runs[r];
    bool inner = r + 1 < to;
    for (size_t i = 0; !inner && i < run->len; i++) /* the last run: more than one glyph */
      inner = i > 0 && ((unsigned char)run->text[i] & 0xC0) != 0x80;
    double em = run->char_space / run->size;
    if (inner && (em < -0.15 || em > 0.08))
      return true;
  }
  return false;
}

/* The runs `from` … `to` − 1 as a UTF-16BE string for /ActualText. */
static void actual_text(er_content *c, const er_placed_run *runs, size_t from, size_t to) {
  put(c, "/Span <</ActualText <FEFF");
  for (size_t r = from; r < to; r++) {
    const er_placed_run *run = &runs[r];
    reserve(c, 4 * run->len);
    char *o = c->buf + c->len;
    for (size_t i = 0; i < run->len;) {
      UChar32 ch;
      U8_NEXT_OR_FFFD(run->text, i, run->len, ch);
      if (ch > 0xFFFF)
        ch = 0xFFFD;
      for (int k = 12; k >= 0; k -= 4)
        *o++ = hex[(ch >> k) & 0xF];
    }
    c->len = (size_t)(o - c->buf);
  }
  put(c, ">>> BDC\n");
}

/* The runs of one pass, on a page `height` points high. */
static void runs(er_content *c, const er_page *page, const er_embedded *fonts,
                 const char *const *names, pass behind, double height) {
  bool begun = false;
  /* the text state outlives BT … ET and shapes change the colours: set all anew */
  text_state ts = {.face = -1, .char_space = -1e9, .stroke = -1, .hscale = -1, .rise = -1e9};
  size_t marked_end = 0; /* the end of the line marked with /ActualText */
  for (size_t r = 0; r < page->nruns; r++) {
    const er_placed_run *run = &page->runs[r];
    if (!drawn(run, fonts, names, behind))
      continue;
    if (!begun) {
      put(c, "BT\n");
      begun = true;
    }
    if (r >= marked_end) { /* a line begins: its runs, and whether they need marking */
      size_t end = r + 1;
      while (end < page->nruns && drawn(&page->runs[end], fonts, names, behind) &&
             follows(&page->runs[end - 1], &page->runs[end]))
        end++;
      if (needs_actual_text(page->runs, r, end)) {
        actual_text(c, page->runs, r, end);
        marked_end = end;
      }
    }
    bool flow = continues(&ts, run);
    set_text_state(c, &ts, run, names[run->face]);
    double base = run->y + run->rise;
    if (!flow) {
      double a = run->angle * M_PI / 180, cs = run->angle ? cos(a) : 1,
             sn = run->angle ? sin(a) : 0;
      num(c, cs);
      num(c, sn);
      num(c, -sn);
      num(c, cs);
      num(c, run->x);
      num(c, height - base);
      put(c, "Tm\n");
      ts.x = rounded(run->x);
    }
    /* a line's next run: where the text position already is, or moved
     * there by the string's adjustment (thousandths of an em, scaled by Tz) */
    double gap = run->x - ts.x;
    long adjust = flow ? lround(-gap * 1000 / (run->size * run->hscale)) : 0;
    if (adjust) {
      put(c, "[");
      num(c, (double)adjust);
    }
    size_t n = codes(c, &fonts[run->face], run->text, run->len);
    put(c, adjust ? "] TJ\n" : " Tj\n");
    /* where the viewer puts the text position: the widths and Tc as written */
    ts.x += -(double)adjust / 1000 * run->size * run->hscale + run->flow +
            (double)n * (rounded(run->char_space) - run->char_space) * run->hscale;
    ts.y = base;
    ts.flowing = run->angle == 0;
    if (r + 1 == marked_end)
      put(c, "EMC\n");
  }
  if (begun)
    put(c, "ET\n");
}

void er_content_runs(er_content *c, const er_page *page, const er_embedded *fonts,
                     const char *const *names, bool behind) {
  runs(c, page, fonts, names, behind ? BEHIND : FRONT, page->style.height);
}

void er_content_sheet_runs(er_content *c, const er_page *page, const er_embedded *fonts,
                           const char *const *names) {
  runs(c, page, fonts, names, SHEET, page->style.width); /* the sheet's height */
}

void er_content_unturn(er_content *c) {
  put(c, "Q\n");
  /* the graphics state is the sheet's again: colours and widths unknown */
  c->fill = c->stroke_color = UNSET_COLOR;
  c->line_width = -1;
  c->cap_style = -1;
}

void er_content_turn(er_content *c, const er_page *page) {
  /* landscape (X, Y) to the sheet: x = W − Y, y = X, W the sheet's width */
  put(c, "q 0 1 -1 0 ");
  num(c, page->style.height);
  put(c, "0 cm\n");
}

/* ---- shapes ---- */

static void point(er_content *c, double x, double y, const char *op) {
  num(c, x);
  num(c, y);
  put(c, op);
}

/* The paths of shapes (shapepath.h) in PDF coordinates: y up from the
 * foot of a page `height` points high. */
typedef struct flipped {
  er_content *c;
  double height;
} flipped;

static void path_move(void *ctx, double x, double y) {
  flipped *f = ctx;
  point(f->c, x, f->height - y, "m\n");
}

static void path_line(void *ctx, double x, double y) {
  flipped *f = ctx;
  point(f->c, x, f->height - y, "l\n");
}

static void path_curve(void *ctx, double x1, double y1, double x2, double y2, double x3,
                       double y3) {
  flipped *f = ctx;
  num(f->c, x1);
  num(f->c, f->height - y1);
  num(f->c, x2);
  num(f->c, f->height - y2);
  point(f->c, x3, f->height - y3, "c\n");
}

static void path_close(void *ctx) { put(((flipped *)ctx)->c, "h\n"); }

/* A round dot: a tiny stroke with round caps. */
static void path_dot(void *ctx, double x, double y) {
  flipped *f = ctx;
  point(f->c, x, f->height - y, "m ");
  point(f->c, x + 0.01, f->height - y, "l\n");
}

void er_content_shape(er_content *c, double height, const er_shape *s) {
  bool fill = s->fill != ER_NO_FILL && s->kind != ER_SHAPE_LINE, stroke = s->stroke > 0;
  if (!fill && !stroke)
    return;
  if (fill)
    set_fill(c, s->fill);
  if (stroke)
    set_stroke(c, s->color, s->stroke);
  switch (s->kind) {
  case ER_SHAPE_LINE:
    set_cap(c, s->dotted ? 1 : 0);
    if (s->dotted)
      er_shape_dots(s, path_dot, &(flipped){c, height});
    else {
      point(c, s->x, height - s->y, "m ");
      point(c, s->x + s->w, height - s->y - s->h, "l\n");
    }
    put(c, "S\n");
    return;
  case ER_SHAPE_RECT:
    num(c, s->x);
    num(c, height - s->y - s->h);
    num(c, s->w);
    num(c, s->h);
    put(c, "re\n");
    break;
  case ER_SHAPE_SECTOR: {
    flipped f = {c, height};
    er_path_sink sink = {path_move, path_line, path_curve, path_close, &f};
    er_shape_sector_path(s, &sink);
    break;
  }
  }
  put(c, fill && stroke ? "B\n" : fill ? "f\n" : "S\n");
}
