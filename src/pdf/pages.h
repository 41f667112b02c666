/* Pages: laid-out lines placed in the text block of each page, on the
 * line grid, with page numbers. Independent of libharu: a page is a list
 * of runs at absolute positions, which pdfout.c draws. */
#ifndef ER_PDF_PAGES_H
#define ER_PDF_PAGES_H

#include "model/arena.h"

#include "pdf/paragraph.h"
#include <stdbool.h>
#include <stdint.h>

#define ER_MM (72.0 / 25.4) /* points in a millimetre */

/* Where the text block sits and how its grid is cut. */
typedef struct er_page_style {
  double width, height;             /* the paper, pt */
  double top, left;                 /* the text block's top-left corner on the paper, pt */
  double block_width, block_height; /* pt */
  int lines;                        /* lines a page on the grid */
  int chars;                        /* full-width characters a line at the body size */
  double body_size;                 /* pt */
  double folio_size;                /* page numbers, pt */
  double folio_drop; /* from the block's bottom edge down to the numbers' dashes, pt */
} er_page_style;

/* GB/T 9704-2012: A4, block 156 × 225 mm at 37 mm from the top and 28 mm
 * from the left, 22 lines of 28 三号 characters, 四号 page numbers "— 1 —"
 * with their dashes 7 mm below the block, odd ones at the right and even
 * ones at the left, one character in from the block's edge. */
er_page_style er_page_style_gbt9704(void);

/* The grid: the advance of a full-width body character and the distance
 * between lines, pt. */
double er_page_pitch(const er_page_style *st);
double er_page_leading(const er_page_style *st);

typedef struct er_placed_run {
  int face;
  uint32_t color;                          /* 0xRRGGBB; 0 for black */
  double size, stroke, char_space, hscale; /* as in er_run */
  double x, y;      /* the first glyph's origin on the baseline, from the paper's
                       top-left corner, pt (y grows down) */
  double rise;      /* y is this far above the line's baseline (a superscript), pt */
  double flow;      /* the run's advance in the PDF (er_run.flow), pt */
  const char *text; /* UTF-8, NUL-terminated, owned by the page set */
  size_t len;
  double angle; /* the baseline turned this many degrees anticlockwise about (x, y) */
  bool behind;  /* drawn before the page's shapes (a watermark) */
  bool sheet;   /* on a turned (landscape) page: placed on the upright sheet, not the
                   turned page (its page number, GB/T 9704 §10.1) */
} er_placed_run;

/* Vector graphics of a page: table rules, chart bars and sectors, leaders. */
typedef enum er_shape_kind {
  ER_SHAPE_LINE,   /* from (x, y) to (x + w, y + h) */
  ER_SHAPE_RECT,   /* corner (x, y), size w × h */
  ER_SHAPE_SECTOR, /* a pie slice: centre (x, y), radius w, from angle a0 to a1 */
} er_shape_kind;

#define ER_NO_FILL 0xFFFFFFFFu

typedef struct er_shape {
  er_shape_kind kind;
  uint32_t color;    /* of the outline, 0xRRGGBB */
  uint32_t fill;     /* 0xRRGGBB, or ER_NO_FILL */
  bool dotted;       /* LINE: round dots `stroke` wide, 2.5 × stroke apart (a leader) */
  double x, y, w, h; /* pt, from the paper's top-left corner, y down */
  double a0, a1;     /* SECTOR: degrees clockwise from 12 o'clock, a0 < a1 */
  double stroke;     /* line width, pt; 0 for no outline */
} er_shape;

typedef struct er_page {
  er_placed_run *runs;
  size_t nruns, cap;
  er_shape *shapes;
  size_t nshapes, shapes_cap;
  er_page_style style; /* its paper and text block (a landscape page has its own) */
  int folio;           /* the number printed on it, 0 for none */
  bool roman;          /* printed in Roman numerals (front matter) */
  /* Set when the flow left the page and its runs and shapes so far went to
   * the page store (pagestore.c): `runs` and `shapes` then hold only what
   * was placed on it afterwards (its page number, a footnote), drawn after
   * the stored ones. er_pages_view gives the whole page. */
  bool stored;
  size_t stored_runs, stored_shapes, stored_size;
  unsigned long long stored_at;
} er_page;

/* What becomes of a page's runs and shapes once the flow has left it. */
typedef enum er_pages_keep {
  ER_PAGES_KEEP,  /* they stay in memory until the set is freed */
  ER_PAGES_STORE, /* written to a temporary file, read back one page at a time to be emitted */
  ER_PAGES_DROP,  /* dropped: a layout pass that wants only where things land */
} er_pages_keep;

typedef struct er_page_store er_page_store;

/* A bookmark (PDF outline entry): a heading and where it is. */
typedef struct er_outline {
  int level;         /* 1 for the top */
  const char *title; /* UTF-8, owned by the page set */
  size_t page;
  double y; /* the top of its first line, from the paper's top, pt */
} er_outline;

/* A clickable area of a page that goes to a place in the document. */
typedef struct er_link {
  size_t page;
  double x, y, w, h; /* the area, from the paper's top-left corner, pt */
  size_t target_page;
  double target_y;
} er_link;

typedef struct er_pages {
  er_page_style style; /* of pages begun from now on */
  er_page *pages;
  size_t npages, cap;
  double cursor;  /* on the last page: the next line's top, from the block's top, pt */
  double foot;    /* on the last page: height kept free at the block's foot (footnotes), pt */
  bool need_page; /* the next line begins a new page */
  bool numbering; /* whether pages begun from now on get numbers */
  int next_folio;
  bool roman; /* pages begun from now on are numbered in Roman numerals */
  er_outline *outlines;
  size_t noutlines, outlines_cap;
  er_link *links;
  size_t nlinks, links_cap;
  er_arena text;      /* of outlines and of runs that stay in memory */
  er_pages_keep keep; /* ER_PAGES_KEEP unless er_pages_keep_mode says otherwise */
  er_page_store *store;
  er_arena open_text; /* of the runs on the page the flow is on, when it is to be stored */
} er_pages;

/* A page as emitted: stored runs and shapes read back, followed by the ones
 * in memory. The buffers are reused from page to page. */
typedef struct er_page_view {
  er_page page;
  size_t runs_cap, shapes_cap;
  char *text;
  size_t text_cap;
  unsigned char *raw;
  size_t raw_cap;
} er_page_view;

/* `folio` in Roman numerals (I, II, … MMMCMXCIX) into `out`. */
void er_roman(int folio, char *out, size_t size);

/* An empty set (no page yet: the first line begins one), numbering on. */
void er_pages_init(er_pages *p, const er_page_style *style);
void er_pages_free(er_pages *p);

/* From now on, what becomes of pages the flow leaves (before the first
 * page is begun). A document of tens of thousands of pages is written
 * with ER_PAGES_STORE in the memory of a few pages; without a temporary
 * file the pages stay in memory. */
void er_pages_keep_mode(er_pages *p, er_pages_keep keep);
/* Page `i` whole, for emitting it: the page itself when nothing of it is
 * stored, else `v`'s copy (valid until the next call with `v`). NULL when
 * the stored part cannot be read back. */
const er_page *er_pages_view(const er_pages *p, size_t i, er_page_view *v);
void er_page_view_free(er_page_view *v);

/* The height left for lines on the current page, pt: a whole block when
 * the next line begins a new page; less what footnotes keep free. */
double er_pages_room(const er_pages *p);
/* Ends the current page; the next line starts a new one. */
void er_pages_break(er_pages *p);
/* Vertical space before the next line; none at the top of a page. */
void er_pages_space(er_pages *p, double pt);
/* Moves the cursor down to the next line of the grid, if it is between. */
void er_pages_snap(er_pages *p);

/* Places the paragraph's lines, each `leading` high with its baseline
 * where a CJK em box is centred in it, starting `x` points in from the
 * block's left edge; a line that does not fit goes to a new page. */
void er_pages_add(er_pages *p, const er_para *para, double leading, double x);

/* Places lines `from` up to `to` (exclusive) of the paragraph, as
 * er_pages_add does. */
void er_pages_add_lines(er_pages *p, const er_para *para, size_t from, size_t to, double leading,
                        double x);

/* The page the next line goes on, begun if need be: its index. */
size_t er_pages_current(er_pages *p);
/* Moves the cursor down by `pt` of content (a table row, a chart) on the
 * current page; the next line begins a new page when it reaches the foot. */
void er_pages_advance(er_pages *p, double pt);
/* Pages begun from now on have this paper and text block (the current
 * one is not changed: break first). */
void er_pages_set_style(er_pages *p, const er_page_style *style);

/* Draws line `l` of the paragraph on page `page` with its start at `x` and
 * its baseline at `y`, from the paper's top-left corner: for cells, charts,
 * contents, footnotes, anything placed by position rather than flow. */
void er_pages_place_line(er_pages *p, size_t page, const er_para *para, size_t l, double x,
                         double y);
/* The same, turned `angle` degrees anticlockwise about (x, y), in colour
 * `color`, drawn behind everything else on the page (a watermark). */
void er_pages_place_behind(er_pages *p, size_t page, const er_para *para, size_t l, double x,
                           double y, double angle, uint32_t color);
/* The baseline of a line `leading` high whose top is at `top`, for a line
 * whose largest font is `size` (a CJK em box centred in it). */
double er_pages_baseline(double top, double leading, double size);

void er_pages_shape(er_pages *p, size_t page, const er_shape *shape);
/* A bookmark to (page, y); the title is copied. */
void er_pages_outline(er_pages *p, int level, const char *title, size_t page, double y);
void er_pages_link(er_pages *p, const er_link *link);

/* Whether a page is turned: laid out landscape, printed on the portrait
 * sheet with its head toward the sheet's left edge (GB/T 9704 §10.1). */
static inline bool er_page_turned(const er_page *page) {
  return page->style.width > page->style.height;
}

/* Lays out and places the page numbers "— N —" on the numbered pages; a
 * turned page's number sits where it sits on the other pages, on the
 * upright sheet (GB/T 9704 §10.1). */
bool er_pages_number(er_pages *p, er_fontset *fonts, er_linebreaker *lb, er_diag *d);

#endif
