/* Tables of the PDF writer (internal): table.c builds the grid of a table
 * node (rowspan and colspan placed as HTML places them), chooses the
 * font size and column widths and lays out every cell with the paragraph
 * engine; tablepage.c cuts the rows into pages and draws them. */
#ifndef ER_PDF_TABLE_H
#define ER_PDF_TABLE_H

#include "pdf/glyphs.h"
#include "pdf/pdfw.h"

typedef struct er_tcell {
  const er_node *node;
  int row, col, rows, cols; /* where it starts in the grid and how far it reaches */
  bool header, bold;
  er_align align;
  size_t span0, nspans; /* its spans in er_table.spans, at the reference size */
  double min0, max0;    /* its text's narrowest and natural widths there, pt */
  er_glyphs glyphs;     /* made to measure it, kept to lay it out (none: made again) and to
                           choose its lines again (tablecell.c) */
  bool words;           /* its lines break between words only */
  double empty_size;    /* the height of its line when it has no text: its first span's size */
  er_para para;         /* at the table's size and its columns' width */
  double text_h;        /* lines × line, pt */
} er_tcell;

typedef struct er_table {
  er_pdfw *w;
  const er_node *node;
  int nrows, ncols, nhead; /* rows 0 … nhead − 1 are the thead's, repeated on each page */
  er_tcell *cells;
  size_t ncells;
  double *colx;      /* ncols + 1 column edges, from the table's left edge, pt */
  double *rowh;      /* each row's natural height, pt */
  double width;      /* the text block's */
  double ref;        /* the size the spans were made at */
  double size, line; /* the cells' font size and line height, pt */
  double padx, pady; /* inside each cell, pt */
  bool landscape;    /* set on pages of their own turned sideways */
  double tail;       /* what the note under the table needs on its last page, pt */
  size_t kept;       /* bytes of the cells' glyphs kept from measuring to layout */
  er_span_buf spans; /* every cell's, in order */
  er_span_buf caption;
} er_table;

/* Builds and lays out the table; false for a table without rows. */
bool er_table_build(er_table *t, er_pdfw *w, const er_node *n);
void er_table_free(er_table *t);

/* The cells' lines that fit a height, from the top. */
static inline size_t er_table_lines_in(const er_table *t, double height) {
  double n = (height - 2 * t->pady) / t->line + 1e-6;
  return n <= 0 ? 0 : (size_t)n;
}

/* tablebalance.c: moves width w[k] (pt, padding included) from columns
 * with room to columns whose text runs long, while the table gets fewer
 * broken terms, fewer lines, a shallower deepest row; no column below its
 * widest unbreakable piece, min0[k] at the reference size. */
void er_table_balance(const er_table *t, double *w, const double *min0);
/* tablecell.c: the cell c, laid out in c->para from c->glyphs, laid out
 * again from them between words where that costs no line and little
 * raggedness (c->glyphs then have those breaks); true when it was. Uses
 * the typesetter's line breaker: one thread only. */
bool er_table_prefer_word_breaks(er_table *t, er_tcell *c, const er_para_style *ps);
/* … and with a character or a word pulled down where its last line would
 * hold one character alone; true when it was. */
bool er_table_no_lone_char(er_table *t, er_tcell *c, const er_para_style *ps);

/* tablepage.c: places the laid-out table at the flow's cursor. */
void er_table_place(er_table *t);

#endif
