/* A page's Content.xml (ofdw.h): one layer holding, in the PDF's order,
 * the runs drawn behind (a watermark), the shapes, the runs, and on a
 * turned page the runs of its upright sheet (its number). A run is a
 * TextObject whose TextCode gives the baseline's start and, in DeltaX,
 * the advance after each glyph — the font's width as the PDF states it,
 * plus the letter spacing, times the horizontal scale — so every glyph
 * lands where the layout put it; its CGTransform names the glyphs of the
 * embedded subset. A shape is a PathObject. */
#include "ofd/ofdw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "pdf/shapepath.h"

typedef struct page_writer {
  er_xml *x;
  const er_page *page;
  const er_ofd_font *fonts;
  size_t nfonts;
  unsigned *next_id;
  er_numbers a, b; /* scratch lists */
  char *text;      /* scratch: a run's text, NUL-terminated */
  size_t text_cap;
} page_writer;

static void color(er_xml *x, const char *name, uint32_t rgb) {
  char v[16];
  snprintf(v, sizeof v, "%u %u %u", (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
  er_xml_open(x, name);
  er_xml_attr(x, "Value", v);
  er_xml_close(x);
}

static void numbers_attr(page_writer *w, const char *name, const double *v, size_t n) {
  er_numbers_clear(&w->b);
  for (size_t i = 0; i < n; i++)
    er_numbers_add(&w->b, v[i]);
  er_xml_attr(w->x, name, w->b.s);
}

/* ---- text ---- */

/* A run as a TextObject. `ctm` (a b c d e f, the translation in mm) turns
 * it about its origin; NULL for an upright run. */
static void text_object(page_writer *w, const er_placed_run *run, const double *ctm) {
  const er_ofd_font *f = &w->fonts[run->face];
  double size = er_ofd_mm(run->size);
  if (!w->text || w->text_cap < run->len + 1) {
    w->text_cap = 2 * run->len + 64;
    w->text = realloc(w->text, w->text_cap);
    if (!w->text)
      abort();
  }
  memcpy(w->text, run->text, run->len);
  w->text[run->len] = '\0';
  /* the glyphs and the advances between them */
  er_numbers_clear(&w->a);
  double width = 0, pending = 0;
  size_t n = 0;
  er_numbers glyphs = {0};
  for (size_t i = 0; i < run->len; n++) {
    UChar32 ch;
    U8_NEXT_OR_FFFD(run->text, i, run->len, ch);
    hb_codepoint_t g = hb_map_get(f->glyph, (hb_codepoint_t)ch);
    hb_codepoint_t adv = hb_map_get(f->advance, (hb_codepoint_t)ch);
    er_numbers_add(&glyphs, g == HB_MAP_VALUE_INVALID ? 0 : g);
    if (n)
      er_numbers_add(&w->a, er_ofd_mm(pending));
    pending = ((adv == HB_MAP_VALUE_INVALID ? 0 : adv) * run->size / 1000 + run->char_space) *
              run->hscale;
    width += pending;
  }
  double margin = size / 2;
  er_xml *x = w->x;
  er_xml_open(x, "ofd:TextObject");
  er_ox_attr_id(x, "ID", (*w->next_id)++);
  double box[4];
  if (ctm) { /* the whole page: the transformed run stays inside it */
    box[0] = box[1] = 0;
    box[2] = er_ofd_mm(w->page->style.width);
    box[3] = er_ofd_mm(w->page->style.height);
    numbers_attr(w, "CTM", ctm, 6);
  } else {
    box[0] = er_ofd_mm(run->x) - margin;
    box[1] = er_ofd_mm(run->y) - 1.5 * size;
    box[2] = er_ofd_mm(width) + 2 * margin;
    box[3] = 2 * size;
  }
  numbers_attr(w, "Boundary", box, 4);
  er_ox_attr_id(x, "Font", f->id);
  er_ox_attr_mm(x, "Size", size);
  if (run->hscale != 1)
    er_ox_attr_mm(x, "HScale", run->hscale);
  /* the face's weight, or bold for a synthetic bold: a reader that draws
   * with installed fonts picks the face by it */
  unsigned weight = run->stroke > 0 && f->weight < 700 ? 700 : f->weight;
  if (weight && weight != 400)
    er_ox_attr_id(x, "Weight", weight);
  if (run->stroke > 0) { /* synthetic bold: filled, and the outline stroked */
    er_xml_attr(x, "Stroke", "true");
    er_ox_attr_mm(x, "LineWidth", er_ofd_mm(run->stroke));
  }
  if (run->color)
    color(x, "ofd:FillColor", run->color);
  if (run->stroke > 0)
    color(x, "ofd:StrokeColor", run->color);
  er_xml_open(x, "ofd:CGTransform");
  er_xml_attr(x, "CodePosition", "0");
  er_ox_attr_id(x, "CodeCount", (unsigned)n);
  er_ox_attr_id(x, "GlyphCount", (unsigned)n);
  er_ox_element(x, "ofd:Glyphs", glyphs.s ? glyphs.s : "");
  er_xml_close(x);
  er_numbers_free(&glyphs);
  er_xml_open(x, "ofd:TextCode");
  er_ox_attr_mm(x, "X", ctm ? 0 : margin);
  er_ox_attr_mm(x, "Y", ctm ? 0 : 1.5 * size);
  if (w->a.len)
    er_xml_attr(x, "DeltaX", w->a.s);
  er_xml_chars(x, w->text);
  er_xml_close(x);
  er_xml_close(x);
}

/* Which runs a pass writes, as the PDF's content does. */
typedef enum pass { BEHIND, FRONT, SHEET } pass;

static void runs(page_writer *w, pass which) {
  const er_page *page = w->page;
  for (size_t r = 0; r < page->nruns; r++) {
    const er_placed_run *run = &page->runs[r];
    bool chosen = which == SHEET ? run->sheet : !run->sheet && run->behind == (which == BEHIND);
    if (!chosen || run->face < 0 || (size_t)run->face >= w->nfonts || !w->fonts[run->face].id)
      continue;
    if (which == SHEET) {
      /* the upright sheet (the page's height wide, its width high) seen
       * turned a quarter clockwise, as the PDF shows it: the sheet's
       * (x, y) is the page's (W − y, x), its text reads down the page */
      double ctm[6] = {0, 1, -1, 0, er_ofd_mm(page->style.width - run->y), er_ofd_mm(run->x)};
      text_object(w, run, ctm);
    } else if (run->angle != 0) { /* turned anticlockwise about its origin */
      double a = run->angle * M_PI / 180;
      double ctm[6] = {cos(a), -sin(a), sin(a), cos(a), er_ofd_mm(run->x), er_ofd_mm(run->y)};
      text_object(w, run, ctm);
    } else
      text_object(w, run, NULL);
  }
}

/* ---- shapes ---- */

/* Path data relative to the object's boundary, in mm. */
typedef struct path_data {
  er_numbers *n;
  double left, top; /* the boundary's corner, pt */
} path_data;

static void pt(path_data *p, const char *op, double x, double y) {
  er_numbers_word(p->n, op);
  er_numbers_add(p->n, er_ofd_mm(x - p->left));
  er_numbers_add(p->n, er_ofd_mm(y - p->top));
}

static void on_move(void *ctx, double x, double y) { pt(ctx, "M", x, y); }
static void on_line(void *ctx, double x, double y) { pt(ctx, "L", x, y); }
static void on_curve(void *ctx, double x1, double y1, double x2, double y2, double x3, double y3) {
  path_data *p = ctx;
  pt(p, "B", x1, y1);
  er_numbers_add(p->n, er_ofd_mm(x2 - p->left));
  er_numbers_add(p->n, er_ofd_mm(y2 - p->top));
  er_numbers_add(p->n, er_ofd_mm(x3 - p->left));
  er_numbers_add(p->n, er_ofd_mm(y3 - p->top));
}
static void on_close(void *ctx) { er_numbers_word(((path_data *)ctx)->n, "C"); }
static void on_dot(void *ctx, double x, double y) {
  pt(ctx, "M", x, y);
  pt(ctx, "L", x + 0.01, y);
}

static void path_object(page_writer *w, const er_shape *s) {
  bool fill = s->fill != ER_NO_FILL && s->kind != ER_SHAPE_LINE, stroke = s->stroke > 0;
  if (!fill && !stroke)
    return;
  /* the boundary: the shape's box, out by the line's width */
  double x0 = s->x, y0 = s->y, x1 = s->x + s->w, y1 = s->y + s->h;
  if (s->kind == ER_SHAPE_SECTOR) {
    x0 = s->x - s->w;
    y0 = s->y - s->w;
    x1 = s->x + s->w;
    y1 = s->y + s->w;
  }
  double lo_x = fmin(x0, x1) - s->stroke, lo_y = fmin(y0, y1) - s->stroke;
  double box[4] = {er_ofd_mm(lo_x), er_ofd_mm(lo_y), er_ofd_mm(fabs(x1 - x0) + 2 * s->stroke),
                   er_ofd_mm(fabs(y1 - y0) + 2 * s->stroke)};
  er_numbers_clear(&w->a);
  path_data p = {&w->a, lo_x, lo_y};
  switch (s->kind) {
  case ER_SHAPE_LINE:
    if (s->dotted)
      er_shape_dots(s, on_dot, &p);
    else {
      pt(&p, "M", s->x, s->y);
      pt(&p, "L", s->x + s->w, s->y + s->h);
    }
    break;
  case ER_SHAPE_RECT:
    pt(&p, "M", s->x, s->y);
    pt(&p, "L", s->x + s->w, s->y);
    pt(&p, "L", s->x + s->w, s->y + s->h);
    pt(&p, "L", s->x, s->y + s->h);
    on_close(&p);
    break;
  case ER_SHAPE_SECTOR: {
    er_path_sink sink = {on_move, on_line, on_curve, on_close, &p};
    er_shape_sector_path(s, &sink);
    break;
  }
  }
  er_xml *x = w->x;
  er_xml_open(x, "ofd:PathObject");
  er_ox_attr_id(x, "ID", (*w->next_id)++);
  numbers_attr(w, "Boundary", box, 4);
  if (stroke)
    er_ox_attr_mm(x, "LineWidth", er_ofd_mm(s->stroke));
  else
    er_xml_attr(x, "Stroke", "false");
  if (fill)
    er_xml_attr(x, "Fill", "true");
  if (s->kind == ER_SHAPE_LINE && s->dotted)
    er_xml_attr(x, "Cap", "Round");
  if (stroke)
    color(x, "ofd:StrokeColor", s->color);
  if (fill)
    color(x, "ofd:FillColor", s->fill);
  er_ox_element(x, "ofd:AbbreviatedData", w->a.s ? w->a.s : "");
  er_xml_close(x);
}

void er_ofd_page(er_xml *x, const er_page *page, const er_ofd_font *fonts, size_t nfonts,
                 unsigned *next_id) {
  page_writer w = {x, page, fonts, nfonts, next_id, {0}, {0}, NULL, 0};
  er_ox_begin(x, "ofd:Page");
  if (er_page_turned(page)) { /* landscape: a page area of its own */
    double box[4] = {0, 0, er_ofd_mm(page->style.width), er_ofd_mm(page->style.height)};
    er_xml_open(x, "ofd:Area");
    er_numbers_clear(&w.b);
    for (size_t i = 0; i < 4; i++)
      er_numbers_add(&w.b, box[i]);
    er_ox_element(x, "ofd:PhysicalBox", w.b.s);
    er_xml_close(x);
  }
  er_xml_open(x, "ofd:Content");
  er_xml_open(x, "ofd:Layer");
  er_ox_attr_id(x, "ID", (*next_id)++);
  er_xml_attr(x, "Type", "Body");
  runs(&w, BEHIND);
  for (size_t i = 0; i < page->nshapes; i++)
    path_object(&w, &page->shapes[i]);
  runs(&w, FRONT);
  if (er_page_turned(page))
    runs(&w, SHEET);
  er_xml_close(x);
  er_xml_close(x);
  er_xml_close(x);
  er_numbers_free(&w.a);
  er_numbers_free(&w.b);
  free(w.text);
}
