/* Blocks → laid-out paragraphs → pages → PDF (typeset.h). */
#include "pdf/typeset.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/grow.h"

#define NO_POS ((er_pos){0, 0})

/* A laid-out block waiting for the one after it (keep with next). */
typedef struct pending {
  er_para para;
  er_block_style style;
  double x; /* where its measure starts, from the block's left edge */
  int tag;  /* -1 for none */
} pending;

/* Where a tagged block landed. */
typedef struct landing {
  size_t page;
  double y;
  bool placed;
} landing;

struct er_typesetter {
  er_fontset *fonts;
  er_linebreaker *lb;
  er_pages pages;
  er_block_style styles[ER_BLOCK_KIND_COUNT];
  pending *held;
  size_t nheld, held_cap;
  bool numbered; /* er_pages_number has run */
  landing *tags;
  size_t ntags;
  er_diag *d;
};

er_block_style er_block_style_gbt9704(er_block_kind kind) {
  er_block_style body = {
      .role = ER_ROLE_BODY, .size = 16, .align = ER_ALIGN_JUSTIFY, .indent = 2, .leading = 1};
  er_block_style s = body;
  switch (kind) {
  case ER_BLOCK_TITLE:
    s = (er_block_style){.role = ER_ROLE_TITLE,
                         .size = 22,
                         .align = ER_ALIGN_CENTER,
                         .leading = 1.25,
                         .space_after = 1,
                         .keep_with_next = true,
                         .balance = true};
    break;
  case ER_BLOCK_H2:
    s.role = ER_ROLE_H2;
    s.keep_with_next = true;
    break;
  case ER_BLOCK_H3:
    s.role = ER_ROLE_H3;
    s.keep_with_next = true;
    break;
  case ER_BLOCK_H4:
    s.role = ER_ROLE_H4;
    s.bold = true;
    s.keep_with_next = true;
    break;
  case ER_BLOCK_H5:
    s.keep_with_next = true; /* in the body's font */
    break;
  case ER_BLOCK_BODY:
  case ER_BLOCK_KIND_COUNT:
    break;
  }
  return s;
}

er_typesetter *er_typesetter_new(const er_page_style *page, const char *roles_yaml, er_diag *d) {
  er_fontset *fonts = er_fontset_new(roles_yaml, d);
  return fonts ? er_typesetter_with_fonts(page, fonts, d) : NULL;
}

er_typesetter *er_typesetter_with_fonts(const er_page_style *page, er_fontset *fonts, er_diag *d) {
  er_linebreaker *lb = er_linebreaker_new();
  if (!lb) {
    er_error(d, NO_POS, "icu", "ICU 没有断行数据（libicu）");
    er_fontset_free(fonts);
    return NULL;
  }
  er_typesetter *ts = calloc(1, sizeof *ts);
  if (!ts)
    abort();
  ts->fonts = fonts;
  ts->lb = lb;
  ts->d = d;
  er_page_style gbt = er_page_style_gbt9704();
  er_pages_init(&ts->pages, page ? page : &gbt);
  for (int k = 0; k < ER_BLOCK_KIND_COUNT; k++)
    ts->styles[k] = er_block_style_gbt9704((er_block_kind)k);
  return ts;
}

void er_typesetter_free(er_typesetter *ts) {
  if (!ts)
    return;
  for (size_t i = 0; i < ts->nheld; i++)
    er_para_free(&ts->held[i].para);
  free(ts->held);
  free(ts->tags);
  er_pages_free(&ts->pages);
  er_linebreaker_free(ts->lb);
  er_fontset_free(ts->fonts);
  free(ts);
}

void er_typesetter_set_style(er_typesetter *ts, er_block_kind kind, const er_block_style *style) {
  ts->styles[kind] = *style;
}

er_span er_typeset_span(const er_typesetter *ts, er_block_kind kind, const char *text, size_t len) {
  const er_block_style *s = &ts->styles[kind];
  return (er_span){.text = text, .len = len, .role = s->role, .size = s->size, .bold = s->bold};
}

/* ---- layout ---- */

er_para_style er_typesetter_para_style(const er_typesetter *ts, const er_block_style *s,
                                       double measure) {
  const er_page_style *page = &ts->pages.style;
  double pitch = er_page_pitch(page);
  return (er_para_style){
      .measure = measure,
      .wide_em = pitch / page->body_size,
      .indent = s->indent * pitch,
      .align = s->align,
      .squeeze = true,
      .phrases = s->phrases,
  };
}

/* Lays out the spans; a balanced block gets the narrowest measure that
 * keeps its number of lines, so its lines come out of even length, and
 * that measure is centred. */
static bool layout(er_typesetter *ts, pending *b, const er_span *spans, size_t n) {
  const er_block_style *s = &b->style;
  double pitch = er_page_pitch(&ts->pages.style);
  double measure = ts->pages.style.block_width - (s->left + s->right) * pitch;
  b->x = s->left * pitch;
  er_para_style ps = er_typesetter_para_style(ts, s, measure);
  if (!s->balance && s->phrases)
    return er_para_layout_phrased(&b->para, ts->fonts, ts->lb, spans, n, &ps, ts->d);
  if (!s->balance)
    return er_para_layout(&b->para, ts->fonts, ts->lb, spans, n, &ps, ts->d);
  double inset;
  bool ok = er_para_layout_balanced(&b->para, ts->fonts, ts->lb, spans, n, &ps, ts->d, &inset);
  b->x += inset;
  return ok;
}

/* ---- placement ---- */

static double block_height(const er_typesetter *ts, const pending *b) {
  double leading = er_page_leading(&ts->pages.style);
  double h =
      b->style.space_before + (double)b->para.nlines * b->style.leading + b->style.space_after;
  return b->style.off_grid ? h * leading : ceil(h - 1e-9) * leading;
}

/* The height a block needs at the foot of a page to start there: its
 * first two lines when it has four or more (no orphan), else all of them
 * (two and one would leave a widow). */
static double first_lines(const er_typesetter *ts, const pending *b) {
  double lines = b->para.nlines >= 4 ? 2 : (double)b->para.nlines;
  return (b->style.space_before + lines * b->style.leading) * er_page_leading(&ts->pages.style);
}

static void record(er_typesetter *ts, int tag, size_t page, double y) {
  if (tag < 0)
    return;
  if ((size_t)tag >= ts->ntags) {
    size_t n = (size_t)tag + 1 > 2 * ts->ntags ? (size_t)tag + 1 : 2 * ts->ntags;
    ts->tags = realloc(ts->tags, n * sizeof *ts->tags);
    if (!ts->tags)
      abort();
    memset(ts->tags + ts->ntags, 0, (n - ts->ntags) * sizeof *ts->tags);
    ts->ntags = n;
  }
  ts->tags[tag] = (landing){page, y, true};
}

/* Lines of the paragraph from `from` that go on the current page, so that
 * no page begins with its last line alone (widow) nor ends with its first
 * alone (orphan); 0 when it should start on the next page. */
static size_t lines_here(const er_pages *p, size_t from, size_t n, double line) {
  size_t fit = (size_t)floor(er_pages_room(p) / line + 1e-6), left = n - from;
  if (fit >= left)
    return left;
  bool fresh = p->need_page || p->cursor == 0;
  if (!fresh && from == 0 && fit < 2)
    return 0; /* orphan: the paragraph starts on the next page */
  if (left - fit == 1 && fit > 2)
    return fit - 1; /* widow: one more line goes over */
  if (left - fit == 1 && !fresh)
    return 0;
  return fit ? fit : 1;
}

static void place(er_typesetter *ts, pending *b) {
  er_pages *p = &ts->pages;
  double leading = er_page_leading(&p->style), line = b->style.leading * leading;
  er_pages_space(p, b->style.space_before * leading);
  if (!b->style.off_grid)
    er_pages_snap(p);
  for (size_t from = 0, n = b->para.nlines; from < n;) {
    size_t take = b->para.nlines > 1 ? lines_here(p, from, n, line) : 1;
    if (take == 0) {
      er_pages_break(p);
      take = lines_here(p, from, n, line);
    }
    er_pages_add_lines(p, &b->para, from, from + take, line, b->x);
    if (from == 0)
      record(ts, b->tag, p->npages - 1,
             p->pages[p->npages - 1].style.top + p->cursor - (double)take * line);
    from += take;
    if (from < n)
      er_pages_break(p);
  }
  er_pages_space(p, b->style.space_after * leading);
  if (!b->style.off_grid)
    er_pages_snap(p);
}

/* Places the held blocks and then `need` points of what follows (the
 * next block's first lines, a table's first row), keeping them on one
 * page when they fit on a page at all. */
static void place_held(er_typesetter *ts, double need) {
  er_pages *p = &ts->pages;
  if (ts->nheld > 0 && need > 0) {
    for (size_t i = 0; i < ts->nheld; i++)
      need += block_height(ts, &ts->held[i]);
    if (need > er_pages_room(p) && need <= p->style.block_height)
      er_pages_break(p);
  }
  for (size_t i = 0; i < ts->nheld; i++) {
    place(ts, &ts->held[i]);
    er_para_free(&ts->held[i].para);
  }
  ts->nheld = 0;
}

static void place_group(er_typesetter *ts, pending *next) {
  place_held(ts, next ? first_lines(ts, next) : 0);
  if (next) {
    place(ts, next);
    er_para_free(&next->para);
  }
}

static bool add_block(er_typesetter *ts, const er_block_style *style, const er_span *spans,
                      size_t n, int tag) {
  pending b = {.style = *style, .tag = tag};
  bool ok = layout(ts, &b, spans, n);
  if (!b.style.keep_with_next) {
    place_group(ts, &b);
    return ok;
  }
  ts->held = er_grow(ts->held, ts->nheld, &ts->held_cap, sizeof *ts->held, 4);
  ts->held[ts->nheld++] = b;
  return ok;
}

bool er_typeset_block(er_typesetter *ts, const er_block_style *style, const er_span *spans,
                      size_t n, int tag) {
  return add_block(ts, style, spans, n, tag);
}

bool er_typesetter_tag(const er_typesetter *ts, int tag, size_t *page, double *y) {
  if (tag < 0 || (size_t)tag >= ts->ntags || !ts->tags[tag].placed)
    return false;
  *page = ts->tags[tag].page;
  *y = ts->tags[tag].y;
  return true;
}

void er_typeset_keep(er_typesetter *ts, double need) { place_held(ts, need); }

void er_typeset_page_style(er_typesetter *ts, const er_page_style *page) {
  er_pages *p = &ts->pages;
  er_pages_break(p);
  er_pages_set_style(p, page);
  er_page *last = p->npages ? &p->pages[p->npages - 1] : NULL;
  if (last && !p->need_page && p->cursor == 0 && !last->nruns && !last->nshapes)
    last->style = *page; /* a page begun but still blank turns too */
}

er_pages *er_typesetter_page_set(er_typesetter *ts) { return &ts->pages; }
er_fontset *er_typesetter_fonts(er_typesetter *ts) { return ts->fonts; }
er_linebreaker *er_typesetter_linebreaker(er_typesetter *ts) { return ts->lb; }

bool er_typeset_spans(er_typesetter *ts, er_block_kind kind, const er_span *spans, size_t n) {
  return add_block(ts, &ts->styles[kind], spans, n, -1);
}

bool er_typeset_text(er_typesetter *ts, er_block_kind kind, const char *text, long len) {
  er_span span = er_typeset_span(ts, kind, text, len < 0 ? strlen(text) : (size_t)len);
  return er_typeset_spans(ts, kind, &span, 1);
}

void er_typeset_page_break(er_typesetter *ts) {
  place_group(ts, NULL);
  er_pages_break(&ts->pages);
}

bool er_typeset_holding(const er_typesetter *ts) { return ts->nheld > 0; }

void er_typeset_numbering(er_typesetter *ts, bool on) {
  place_group(ts, NULL);
  ts->pages.numbering = on;
}

void er_typeset_folios(er_typesetter *ts, bool roman, int next) {
  place_group(ts, NULL);
  ts->pages.roman = roman;
  ts->pages.next_folio = next;
}

const er_pages *er_typesetter_pages(er_typesetter *ts) {
  place_group(ts, NULL);
  return &ts->pages;
}

bool er_typesetter_emit(er_typesetter *ts, const er_pdf_info *info, const char *path,
                        er_pages_emit emit) {
  place_group(ts, NULL);
  bool ok = true;
  if (!ts->numbered)
    ok = er_pages_number(&ts->pages, ts->fonts, ts->lb, ts->d);
  ts->numbered = true;
  return emit(&ts->pages, ts->fonts, info, path, ts->d) && ok;
}

bool er_typesetter_write(er_typesetter *ts, const er_pdf_info *info, const char *path) {
  return er_typesetter_emit(ts, info, path, er_pdf_write_pages);
}

bool er_pdf_typeset(const er_block *blocks, size_t n, const er_pdf_info *info, const char *path,
                    er_diag *d) {
  er_typesetter *ts = er_typesetter_new(NULL, NULL, d);
  if (!ts)
    return false;
  bool ok = true;
  for (size_t i = 0; i < n; i++)
    ok = er_typeset_text(ts, blocks[i].kind, blocks[i].text, -1) && ok;
  ok = er_typesetter_write(ts, info, path) && ok;
  er_typesetter_free(ts);
  return ok;
}
