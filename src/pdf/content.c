/* Content-stream operators for text runs and shapes (content.h). */
#include "pdf/content.h"

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

/* The run's characters as the face's 2-byte codes, in hex. */
static void codes(er_content *c, const er_embedded *e, const char *text, size_t len) {
  reserve(c, 4 * len + 8);
  char *o = c->buf + c->len;
  *o++ = '<';
  for (size_t i = 0; i < len;) {
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
  put(c, " Tj\n");
}

void er_content_runs(er_content *c, const er_page *page, const er_embedded *fonts,
                     const char *const *names, bool behind) {
  bool begun = false;
  int face = -1;
  /* the text state outlives BT … ET and shapes change the colours: set all anew */
  double size = 0, char_space = -1e9, stroke = -1, hscale = -1;
  for (size_t r = 0; r < page->nruns; r++) {
    const er_placed_run *run = &page->runs[r];
    if (!fonts[run->face].font || !names[run->face] || run->behind != behind)
      continue;
    if (!begun) {
      put(c, "BT\n");
      begun = true;
    }
    if (run->face != face || run->size != size) {
      put(c, "/");
      put(c, names[run->face]);
      put(c, " ");
      num(c, run->size);
      put(c, "Tf\n");
      face = run->face;
      size = run->size;
    }
    if (run->char_space != char_space) {
      num(c, run->char_space);
      put(c, "Tc\n");
      char_space = run->char_space;
    }
    if (run->hscale != hscale) {
      num(c, run->hscale * 100);
      put(c, "Tz\n");
      hscale = run->hscale;
    }
    set_fill(c, run->color);
    if (run->stroke != stroke) { /* synthetic bold: fill, then stroke the outline */
      if (run->stroke > 0)
        set_stroke(c, run->color, run->stroke);
      put(c, run->stroke > 0 ? "2 Tr\n" : "0 Tr\n");
      stroke = run->stroke;
    } else if (run->stroke > 0)
      set_stroke(c, run->color, run->stroke);
    double a = run->angle * M_PI / 180, cs = run->angle ? cos(a) : 1, sn = run->angle ? sin(a) : 0;
    num(c, cs);
    num(c, sn);
    num(c, -sn);
    num(c, cs);
    num(c, run->x);
    num(c, page->style.height - run->y);
    put(c, "Tm\n");
    codes(c, &fonts[run->face], run->text, run->len);
  }
  if (begun)
    put(c, "ET\n");
}

/* ---- shapes ---- */

static void point(er_content *c, double x, double y, const char *op) {
  num(c, x);
  num(c, y);
  put(c, op);
}

/* A point at `deg` degrees clockwise from 12 o'clock on the circle, in
 * PDF coordinates (y up). */
static void on_circle(const er_shape *s, double height, double deg, double *x, double *y) {
  double a = deg * M_PI / 180;
  *x = s->x + s->w * sin(a);
  *y = height - (s->y - s->w * cos(a));
}

/* The arc from s->a0 to s->a1 degrees, from the current point on it, in
 * Bézier curves of at most a quarter circle each (control points
 * 4/3 tan(θ/4) out along the tangents). */
static void arc(er_content *c, double height, const er_shape *s) {
  double span = s->a1 - s->a0, r = s->w;
  int parts = (int)ceil(span / 90 - 1e-9);
  if (parts < 1)
    parts = 1;
  double step = span / parts, k = 4.0 / 3.0 * tan(step * M_PI / 180 / 4);
  for (int i = 0; i < parts; i++) {
    double a = (s->a0 + step * i) * M_PI / 180, b = (s->a0 + step * (i + 1)) * M_PI / 180;
    double x0, y0, x3, y3;
    on_circle(s, height, s->a0 + step * i, &x0, &y0);
    on_circle(s, height, s->a0 + step * (i + 1), &x3, &y3);
    /* the tangent, clockwise, is (cos a, −sin a) with y up */
    num(c, x0 + k * r * cos(a));
    num(c, y0 - k * r * sin(a));
    num(c, x3 - k * r * cos(b));
    num(c, y3 + k * r * sin(b));
    point(c, x3, y3, "c\n");
  }
  put(c, "h\n");
}

/* A pie slice: centre, a line out, the arc, and back. */
static void sector(er_content *c, double height, const er_shape *s) {
  double x, y;
  point(c, s->x, height - s->y, "m\n");
  on_circle(s, height, s->a0, &x, &y);
  point(c, x, y, "l\n");
  arc(c, height, s);
}

/* A whole circle: the arc all the way round. */
static void circle(er_content *c, double height, const er_shape *s) {
  er_shape q = *s;
  q.a0 = 0;
  q.a1 = 360;
  double x, y;
  on_circle(&q, height, 0, &x, &y);
  point(c, x, y, "m\n");
  arc(c, height, &q);
}

/* Round dots along a line: each a tiny stroke with round caps. */
static void dots(er_content *c, double height, const er_shape *s) {
  double len = hypot(s->w, s->h), gap = 2.5 * s->stroke;
  if (len <= 0 || gap <= 0)
    return;
  double ux = s->w / len, uy = s->h / len;
  long count = (long)floor(len / gap + 1e-9);
  for (long i = 0; i <= count; i++) {
    double t = (double)i * gap, x = s->x + ux * t, y = height - (s->y + uy * t);
    point(c, x, y, "m ");
    point(c, x + 0.01, y, "l\n");
  }
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
      dots(c, height, s);
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
  case ER_SHAPE_SECTOR:
    if (s->a1 - s->a0 >= 360 - 1e-9)
      circle(c, height, s);
    else
      sector(c, height, s);
    break;
  }
  put(c, fill && stroke ? "B\n" : fill ? "f\n" : "S\n");
}
