/* Placing lines on pages (pages.h). */
#include "pdf/pages.h"
#include "pdf/pagestore.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/grow.h"

#define EPS 1e-6
/* A CJK em box reaches 0.88 em above the baseline and 0.12 em below. */
#define EMBOX_ASCENT 0.88
/* The middle of that box, where an em dash sits, above the baseline. */
#define EMBOX_MIDDLE 0.38

er_page_style er_page_style_gbt9704(void) {
  return (er_page_style){
      .width = 210 * ER_MM,
      .height = 297 * ER_MM,
      .top = 37 * ER_MM,
      .left = 28 * ER_MM,
      .block_width = 156 * ER_MM,
      .block_height = 225 * ER_MM,
      .lines = 22,
      .chars = 28,
      .body_size = 16,
      .folio_size = 14,
      .folio_drop = 7 * ER_MM,
  };
}

double er_page_pitch(const er_page_style *st) { return st->block_width / st->chars; }
double er_page_leading(const er_page_style *st) { return st->block_height / st->lines; }

void er_pages_init(er_pages *p, const er_page_style *style) {
  memset(p, 0, sizeof *p);
  p->style = *style;
  p->need_page = true;
  p->numbering = true;
  p->next_folio = 1;
}

void er_pages_free(er_pages *p) {
  for (size_t i = 0; i < p->npages; i++) {
    free(p->pages[i].runs);
    free(p->pages[i].shapes);
  }
  free(p->pages);
  free(p->outlines);
  free(p->links);
  er_arena_free(&p->text);
  er_arena_free(&p->open_text);
  er_page_store_close(p->store);
  memset(p, 0, sizeof *p);
}

void er_pages_keep_mode(er_pages *p, er_pages_keep keep) {
  if (keep == ER_PAGES_STORE && !p->store)
    p->store = er_page_store_open();
  p->keep = keep == ER_PAGES_STORE && !p->store ? ER_PAGES_KEEP : keep;
}

/* Gives back what a page's arrays grew beyond its runs and shapes, and a
 * few more (its page number, a watermark), once the flow has left it, when
 * the document keeps every page in memory until it is written. */
static void fit_page(er_page *pg) {
  enum { ROOM = 8 };
  if (pg->cap > pg->nruns + ROOM) {
    er_placed_run *runs = realloc(pg->runs, (pg->nruns + ROOM) * sizeof *runs);
    if (runs) {
      pg->runs = runs;
      pg->cap = pg->nruns + ROOM;
    }
  }
  if (pg->shapes_cap > pg->nshapes + ROOM) {
    er_shape *shapes = realloc(pg->shapes, (pg->nshapes + ROOM) * sizeof *shapes);
    if (shapes) {
      pg->shapes = shapes;
      pg->shapes_cap = pg->nshapes + ROOM;
    }
  }
}

/* Whether the runs placed on page `i` now have their text in open_text:
 * the page the flow is on, when it is to be stored or dropped. */
static bool open_page(const er_pages *p, size_t i) {
  return p->keep != ER_PAGES_KEEP && i + 1 == p->npages && !p->pages[i].stored;
}

/* The flow leaves the last page: what is on it so far is stored, dropped
 * or kept; what is placed on it later (page numbers, footnotes, the
 * contents' numbers) stays in memory. */
static void leave_page(er_pages *p) {
  er_page *pg = &p->pages[p->npages - 1];
  if (p->keep == ER_PAGES_STORE && !er_page_store_put(p->store, pg))
    p->keep = ER_PAGES_KEEP; /* the file is full: this page and the rest stay here */
  if (p->keep == ER_PAGES_DROP) {
    free(pg->runs);
    free(pg->shapes);
    pg->runs = NULL;
    pg->shapes = NULL;
    pg->nruns = pg->cap = pg->nshapes = pg->shapes_cap = 0;
    pg->stored = true; /* (nothing to read back: a layout pass emits nothing) */
  }
  if (p->keep == ER_PAGES_KEEP)
    fit_page(pg);
  else
    er_arena_free(&p->open_text);
}

static void begin_page(er_pages *p) {
  if (p->npages)
    leave_page(p);
  p->pages = er_grow(p->pages, p->npages, &p->cap, sizeof *p->pages, 8);
  p->pages[p->npages++] = (er_page){.style = p->style,
                                    .folio = p->numbering ? p->next_folio++ : 0,
                                    .roman = p->numbering && p->roman};
  p->cursor = 0;
  p->foot = 0;
  p->need_page = false;
}

/* The text block the cursor is in: the last page's, or the next one's. */
static const er_page_style *block(const er_pages *p) {
  return p->need_page || p->npages == 0 ? &p->style : &p->pages[p->npages - 1].style;
}

double er_pages_room(const er_pages *p) {
  return p->need_page ? p->style.block_height : block(p)->block_height - p->cursor - p->foot;
}

void er_pages_break(er_pages *p) {
  if (!p->need_page && p->cursor > 0)
    p->need_page = true;
}

static void check_full(er_pages *p) {
  if (p->cursor >= block(p)->block_height - p->foot - EPS)
    p->need_page = true;
}

void er_pages_space(er_pages *p, double pt) {
  if (p->need_page || p->cursor == 0)
    return;
  p->cursor += pt;
  check_full(p);
}

void er_pages_snap(er_pages *p) {
  if (p->need_page)
    return;
  double leading = er_page_leading(block(p));
  p->cursor = ceil(p->cursor / leading - EPS) * leading;
  check_full(p);
}

size_t er_pages_current(er_pages *p) {
  if (p->need_page)
    begin_page(p);
  return p->npages - 1;
}

void er_pages_advance(er_pages *p, double pt) {
  er_pages_current(p);
  p->cursor += pt;
  check_full(p);
}

void er_pages_set_style(er_pages *p, const er_page_style *style) { p->style = *style; }

static void place_run(er_pages *p, er_page *page, const er_para *para, const er_run *run, double x,
                      double y) {
  page->runs = er_grow(page->runs, page->nruns, &page->cap, sizeof *page->runs,
                       page->stored ? 4 : 64); /* a page left by the flow gets a few more */
  size_t i = (size_t)(page - p->pages);
  er_arena *text = open_page(p, i) ? &p->open_text : &p->text;
  page->runs[page->nruns++] = (er_placed_run){
      .face = run->face,
      .size = run->size,
      .stroke = run->stroke,
      .char_space = run->char_space,
      .hscale = run->hscale,
      .x = x + run->x,
      .y = y - run->rise,
      .rise = run->rise,
      .flow = run->flow,
      .text = er_arena_strndup(text, para->text + run->start, run->len),
      .len = run->len,
      .color = run->color,
  };
}

double er_pages_baseline(double top, double leading, double size) {
  return top + (leading - size) / 2 + EMBOX_ASCENT * size;
}

void er_pages_add_lines(er_pages *p, const er_para *para, size_t from, size_t to, double leading,
                        double x) {
  for (size_t l = from; l < to && l < para->nlines; l++) {
    const er_line *line = &para->lines[l];
    if (p->need_page || p->cursor + leading > block(p)->block_height - p->foot + EPS)
      begin_page(p);
    const er_page_style *st = block(p);
    double baseline = er_pages_baseline(p->cursor, leading, line->size);
    for (size_t r = 0; r < line->nruns; r++)
      place_run(p, &p->pages[p->npages - 1], para, &para->runs[line->first_run + r], st->left + x,
                st->top + baseline);
    p->cursor += leading;
  }
}

void er_pages_add(er_pages *p, const er_para *para, double leading, double x) {
  er_pages_add_lines(p, para, 0, para->nlines, leading, x);
}

void er_pages_place_line(er_pages *p, size_t page, const er_para *para, size_t l, double x,
                         double y) {
  const er_line *line = &para->lines[l];
  for (size_t r = 0; r < line->nruns; r++)
    place_run(p, &p->pages[page], para, &para->runs[line->first_run + r], x, y);
}

void er_pages_place_behind(er_pages *p, size_t page, const er_para *para, size_t l, double x,
                           double y, double angle, uint32_t color) {
  er_page *pg = &p->pages[page];
  size_t first = pg->nruns;
  er_pages_place_line(p, page, para, l, x, y);
  double a = angle * M_PI / 180, c = cos(a), s = sin(a);
  for (size_t r = first; r < pg->nruns; r++) {
    er_placed_run *run = &pg->runs[r];
    double dx = run->x - x, dy = run->y - y; /* turn about (x, y); y grows down */
    run->x = x + dx * c + dy * s;
    run->y = y - dx * s + dy * c;
    run->angle = angle;
    run->color = color;
    run->behind = true;
  }
}

void er_pages_shape(er_pages *p, size_t page, const er_shape *shape) {
  er_page *pg = &p->pages[page];
  pg->shapes =
      er_grow(pg->shapes, pg->nshapes, &pg->shapes_cap, sizeof *pg->shapes, pg->stored ? 4 : 32);
  pg->shapes[pg->nshapes++] = *shape;
}

void er_pages_outline(er_pages *p, int level, const char *title, size_t page, double y) {
  p->outlines = er_grow(p->outlines, p->noutlines, &p->outlines_cap, sizeof *p->outlines, 16);
  p->outlines[p->noutlines++] =
      (er_outline){level, er_arena_strndup(&p->text, title, strlen(title)), page, y};
}

void er_pages_link(er_pages *p, const er_link *link) {
  p->links = er_grow(p->links, p->nlinks, &p->links_cap, sizeof *p->links, 16);
  p->links[p->nlinks++] = *link;
}

/* The upright sheet of a turned page: its text block where the turned
 * one's is (its head, the turned page's top, at the sheet's left). */
static er_page_style upright(const er_page_style *t) {
  er_page_style s = *t;
  s.width = t->height;
  s.height = t->width;
  s.left = t->top;
  s.top = t->width - t->left - t->block_width; /* the turned page's right margin */
  s.block_width = t->block_height;
  s.block_height = t->block_width;
  return s;
}

void er_roman(int folio, char *out, size_t size) {
  static const struct {
    int value;
    const char *letters;
  } steps[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
               {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  size_t n = 0;
  out[0] = '\0';
  for (size_t k = 0; k < sizeof steps / sizeof steps[0] && folio > 0 && folio < 4000; k++)
    while (folio >= steps[k].value && n + strlen(steps[k].letters) < size) {
      strcpy(out + n, steps[k].letters);
      n += strlen(steps[k].letters);
      folio -= steps[k].value;
    }
}

bool er_pages_number(er_pages *p, er_fontset *fonts, er_linebreaker *lb, er_diag *d) {
  bool ok = true;
  for (size_t i = 0; i < p->npages; i++) {
    bool turned = er_page_turned(&p->pages[i]);
    er_page_style sheet = upright(&p->pages[i].style);
    const er_page_style *st = turned ? &sheet : &p->pages[i].style;
    int folio = p->pages[i].folio;
    if (folio <= 0)
      continue;
    char text[48], number[32];
    if (p->pages[i].roman)
      er_roman(folio, number, sizeof number);
    else
      snprintf(number, sizeof number, "%d", folio);
    snprintf(text, sizeof text, "— %s —", number);
    er_span span = {
        .text = text, .len = strlen(text), .role = ER_ROLE_PAGE_NUMBER, .size = st->folio_size};
    er_para_style ps = {.measure = st->block_width, .align = ER_ALIGN_START};
    er_para para;
    ok = er_para_layout(&para, fonts, lb, &span, 1, &ps, d) && ok;
    double width = para.lines[0].width, em = st->folio_size;
    /* odd numbers one character in from the right edge, even ones from the left */
    double x = folio % 2 ? st->left + st->block_width - em - width : st->left + em;
    double y = st->top + st->block_height + st->folio_drop + EMBOX_MIDDLE * st->folio_size;
    size_t first = p->pages[i].nruns;
    er_pages_place_line(p, i, &para, 0, x, y);
    for (size_t r = first; r < p->pages[i].nruns; r++)
      p->pages[i].runs[r].sheet = turned;
    er_para_free(&para);
  }
  return ok;
}
