/* Tables: the caption above in its style, then a w:tbl whose grid has a
 * column for every column of the HTML table. Header rows (thead) repeat on
 * every page (w:tblHeader) and no row splits across pages; a rowspan is a
 * vMerge run down the column (a "restart" cell, then "continue" cells in
 * the rows below), a colspan a gridSpan. The table is laid out as
 * evalreport's PDF lays it out (er_pdf_heading_folios hands over each
 * table): its columns' widths, the cells' size, line height and padding,
 * and rows kept together where the PDF does not break a page. Without
 * fonts there is no such layout: then the colgroup's widths, else each
 * column's longest line of text, capped so that a long cell wraps rather
 * than starving the others, scaled to the text block. Figures (class num)
 * are set right, header cells centred and bold, rules 0.75 pt all round
 * (the TableGrid style); a wide table (class sheet or landscape) fills the
 * landscape page its section turns to, and small tables take the note
 * size. */
#include "docx/docxw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/grow.h"

#define MAX_CHARS 14.0 /* a column's natural width at most, characters */
#define PAD_CHARS 0.8  /* the cell's padding, characters */

bool er_docx_wide_table(const er_node *n) {
  return n->type == ER_DOC_TABLE &&
         (er_node_has_class(n, "sheet") || er_node_has_class(n, "landscape"));
}

typedef struct grid {
  int ncols;
  int *pending; /* rows still covered by a rowspan from above, per column */
  int *span;    /* that rowspan's colspan */
  double *width;
} grid;

/* The text's width in characters: CJK one, ASCII half. */
static double text_chars(const char *s) {
  double w = 0, line = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p < 0x80)
      line += *p == '\n' ? 0 : 0.5;
    else if ((*p & 0xC0) != 0x80)
      line += 1;
    if (line > w)
      w = line;
  }
  return w;
}

/* The columns a row reaches, under the rowspans from above; *hi is the
 * widest so far, beyond which nothing is pending. */
static int row_columns(const er_node *row, int *pending, int cap, int *hi) {
  int col = 0, end = 0;
  const er_node *c = row->first;
  while (c || (col < cap && pending[col] > 0)) {
    if (col < cap && pending[col] > 0) {
      col++;
      continue;
    }
    if (!c)
      break;
    for (int k = 0; k < c->colspan && col + k < cap; k++)
      if (c->rowspan > 1)
        pending[col + k] = c->rowspan; /* decremented below */
    col += c->colspan;
    c = c->next;
  }
  end = col;
  if (end > *hi)
    *hi = end < cap ? end : cap;
  for (int k = 0; k < *hi; k++)
    if (pending[k] > 0)
      pending[k]--;
  return end;
}

/* Every row of the table, header rows first. */
/* NOLINTBEGIN(bugprone-macro-parentheses): part and row are names declared */
#define FOR_ROWS(t, part, row)                                                                     \
  for (const er_node *part = (t)->first; part; part = part->next)                                  \
    if (part->type == ER_DOC_THEAD || part->type == ER_DOC_TBODY)                                  \
      for (const er_node *row = part->first; row; row = row->next)
/* NOLINTEND(bugprone-macro-parentheses) */

static int count_columns(const er_node *t) {
  int cap = 0;
  FOR_ROWS(t, part, row) {
    int n = 0;
    for (const er_node *c = row->first; c; c = c->next)
      n += c->colspan;
    cap += n; /* an upper bound: spans from above add at most this much */
  }
  if (cap < 1)
    cap = 1;
  int *pending = calloc((size_t)cap, sizeof *pending);
  if (!pending)
    abort();
  int ncols = 1, hi = 0;
  FOR_ROWS(t, part, row) {
    int n = row_columns(row, pending, cap, &hi);
    if (n > ncols)
      ncols = n;
  }
  free(pending);
  return ncols;
}

/* The column widths in twips, `total` in all. */
static void measure(er_docxw *w, const er_node *t, grid *g, long total) {
  const er_node *colgroup = NULL;
  for (const er_node *c = t->first; c; c = c->next)
    if (c->type == ER_DOC_COLGROUP)
      colgroup = c;
  for (int i = 0; i < g->ncols; i++)
    g->width[i] = 2;
  int *pending = calloc((size_t)g->ncols, sizeof *pending);
  if (!pending)
    abort();
  FOR_ROWS(t, part, row) {
    int col = 0;
    for (const er_node *c = row->first; c && col < g->ncols; c = c->next) {
      while (col < g->ncols && pending[col] > 0)
        col++;
      if (col >= g->ncols)
        break;
      if (c->colspan == 1) {
        double chars = text_chars(er_node_text(w->doc, c)) + PAD_CHARS;
        if (chars > MAX_CHARS)
          chars = MAX_CHARS;
        if (chars > g->width[col])
          g->width[col] = chars;
      }
      for (int k = 0; k < c->colspan && col + k < g->ncols; k++)
        if (c->rowspan > 1)
          pending[col + k] = c->rowspan;
      col += c->colspan;
    }
    for (int k = 0; k < g->ncols; k++)
      if (pending[k] > 0)
        pending[k]--;
  }
  free(pending);
  /* widths the colgroup gives, in % of the table */
  if (colgroup) {
    int i = 0;
    double given = 0, natural = 0;
    for (const er_node *c = colgroup->first; c && i < g->ncols; c = c->next, i++)
      if (c->width && strchr(c->width, '%'))
        given += atof(c->width);
      else
        natural += g->width[i];
    i = 0;
    double rest = given < 100 ? 100 - given : 0;
    for (const er_node *c = colgroup->first; c && i < g->ncols; c = c->next, i++)
      if (c->width && strchr(c->width, '%'))
        g->width[i] = atof(c->width) / 100.0;
      else
        g->width[i] = natural > 0 ? g->width[i] / natural * rest / 100.0 : 0;
    for (; i < g->ncols; i++)
      g->width[i] = 0;
  }
  double sum = 0;
  for (int i = 0; i < g->ncols; i++)
    sum += g->width[i];
  for (int i = 0; i < g->ncols; i++)
    g->width[i] = sum > 0 ? g->width[i] / sum * (double)total : (double)total / g->ncols;
}

/* ---- the PDF's layout of the table ---- */

static long twips(double pt) { return lround(pt * 20); }

void er_docx_keep_table_layout(void *ctx, const er_pdf_table_layout *t) {
  er_docxw *w = ctx;
  /* the text as far from the column's edge as the PDF sets it: LibreOffice
   * measures a cell's margin from the inner side of its rule, Word from
   * the edge (its text then a third of a point further out) */
  double rule = (double)er_docx_twips(w->style->rule) / 20;
  w->tables = er_grow(w->tables, w->ntables, &w->tables_cap, sizeof *w->tables, 16);
  er_dx_table_layout *l = &w->tables[w->ntables++];
  *l = (er_dx_table_layout){.table = t->table,
                            .ncols = t->ncols,
                            .widths = calloc((size_t)t->ncols + 1, sizeof *l->widths),
                            .size = lround(t->size * 2),
                            .line = twips(t->line),
                            .padx = (long)fmax(0, floor((t->padx - rule / 2) * 20)),
                            .pady = twips(t->pady)};
  if (!l->widths)
    abort();
  /* edges rounded, so that the columns add up to the table */
  for (int k = 0; k < t->ncols; k++)
    l->widths[k] = twips(t->colx[k + 1]) - twips(t->colx[k]);
}

void er_docx_table_layouts_free(er_docxw *w) {
  for (size_t i = 0; i < w->ntables; i++)
    free(w->tables[i].widths);
  free(w->tables);
  w->tables = NULL;
  w->ntables = w->tables_cap = 0;
}

static const er_dx_table_layout *layout_of(const er_docxw *w, const er_node *table, int ncols) {
  for (size_t i = 0; i < w->ntables; i++)
    if (w->tables[i].table == table)
      return w->tables[i].ncols == ncols ? &w->tables[i] : NULL;
  return NULL;
}

static void width_el(er_xml *x, const char *name, long twips) {
  er_xml_open(x, name);
  er_xml_attri(x, "w:w", twips);
  er_xml_attr(x, "w:type", "dxa");
  er_xml_close(x);
}

typedef struct table_ctx {
  er_docxw *w;
  const er_node *table;
  const er_dx_table_layout *layout; /* the PDF's, or NULL */
  grid g;
  long size; /* half-points of the cells' text, 0 for the style's */
  bool fields;
  bool keep; /* the row being written stays with the next on its page */
} table_ctx;

static void cell_paragraph(table_ctx *t, const er_node *n, const char *jc, bool bold) {
  er_xml *x = &t->w->x;
  er_xml_open(x, "w:p");
  er_xml_open(x, "w:pPr");
  er_dx_empty(x, "w:pStyle", "TableText");
  if (t->keep) /* Word keeps a row whose paragraphs all keep with the next */
    er_dx_empty(x, "w:keepNext", NULL);
  if (t->layout) { /* the PDF's line height for the table's size */
    er_xml_open(x, "w:spacing");
    er_xml_attri(x, "w:line", t->layout->line);
    er_xml_attr(x, "w:lineRule", "exact");
    er_xml_close(x);
  }
  if (jc)
    er_dx_empty(x, "w:jc", jc);
  er_xml_close(x);
  if (n)
    er_docx_runs(t->w, n, t->fields ? t->w->size[ER_ROLE_BODY] : t->size, bold);
  er_xml_close(x);
}

static void cell_content(table_ctx *t, const er_node *c, const char *jc, bool bold) {
  if (!c->first || er_doc_is_inline(c->first->type)) {
    cell_paragraph(t, c->first ? c : NULL, jc, bold);
    return;
  }
  for (const er_node *b = c->first; b; b = b->next) {
    if (b->type == ER_DOC_LIST)
      for (const er_node *li = b->first; li; li = li->next)
        cell_paragraph(t, li, jc, bold);
    else
      cell_paragraph(t, b, jc, bold);
  }
}

static long span_width(const table_ctx *t, int col, int span) {
  double s = 0;
  for (int k = 0; k < span && col + k < t->g.ncols; k++)
    s += t->g.width[col + k];
  return (long)(s + 0.5);
}

static void tc_begin(table_ctx *t, int col, int span, const char *vmerge, bool bottom_rule) {
  er_xml *x = &t->w->x;
  er_xml_open(x, "w:tc");
  er_xml_open(x, "w:tcPr");
  width_el(x, "w:tcW", span_width(t, col, span));
  if (span > 1)
    er_dx_emptyi(x, "w:gridSpan", span);
  if (vmerge)
    er_dx_empty(x, "w:vMerge", strcmp(vmerge, "continue") ? vmerge : NULL);
  if (bottom_rule) {
    er_xml_open(x, "w:tcBorders");
    er_xml_open(x, "w:bottom");
    er_xml_attr(x, "w:val", "single");
    er_xml_attr(x, "w:sz", "6");
    er_xml_attr(x, "w:space", "0");
    er_xml_attr(x, "w:color", "000000");
    er_xml_close(x);
    er_xml_close(x);
  }
  if (t->fields && col == 0 && t->g.ncols == 2) { /* the character's gap after the label */
    er_xml_open(x, "w:tcMar");
    width_el(x, "w:right", t->w->size[ER_ROLE_BODY] * 10);
    er_xml_close(x);
  }
  er_dx_empty(x, "w:vAlign", "center");
  er_xml_close(x);
}

static const char *cell_jc(const table_ctx *t, const er_node *c) {
  if (t->fields)
    return c->header ? "distribute" : "center";
  if (er_node_has_class(c, "num") || er_node_has_class(c, "right"))
    return "right";
  if (c->header || er_node_has_class(c, "center") || er_node_has_class(c, "level"))
    return "center";
  return "left";
}

/* Whether a page should not end after row r, as the PDF's table breaks
 * (src/pdf/tablepage.c): a merged cell starts there and runs below, the
 * row heads the rows below it (header cells only, across the table), or
 * it is the first body row or the last but one, which would leave one
 * row alone. */
static bool keeps_with_next(const table_ctx *t, const er_node *part, const er_node *r) {
  if (!r->next && !part->next) /* the last row: with the note under the table */
    return t->table->next && t->table->next->type == ER_DOC_PARAGRAPH &&
           er_node_has_class(t->table->next, "note");
  if (part->type == ER_DOC_THEAD)
    return true;
  bool last_but_one = r->next && !r->next->next;
  for (const er_node *p = part->next; p && last_but_one; p = p->next)
    last_but_one = !(p->type == ER_DOC_TBODY && p->first);
  if (r == part->first || last_but_one)
    return true;
  bool heads = true;
  for (const er_node *c = r->first; c; c = c->next) {
    if (c->rowspan > 1)
      return true;
    heads &= c->header;
  }
  return heads;
}

static void row(table_ctx *t, const er_node *r, bool header, bool bold, int *pending, int *span) {
  er_xml *x = &t->w->x;
  er_xml_open(x, "w:tr");
  er_xml_open(x, "w:trPr");
  er_dx_empty(x, "w:cantSplit", NULL);
  if (t->fields) { /* the cover's fields 1.35 grid lines apart, as in the PDF */
    er_xml_open(x, "w:trHeight");
    er_xml_attri(x, "w:val", t->w->portrait.line_pitch * 135 / 100);
    er_xml_attr(x, "w:hRule", "atLeast");
    er_xml_close(x);
  }
  if (header)
    er_dx_empty(x, "w:tblHeader", NULL);
  er_xml_close(x);
  int col = 0;
  const er_node *c = r->first;
  while (col < t->g.ncols && (c || pending[col] > 0)) {
    if (pending[col] > 0) { /* under a cell spanning rows from above */
      int s = span[col];
      tc_begin(t, col, s, "continue", false);
      cell_paragraph(t, NULL, NULL, false);
      er_xml_close(x);
      col += s;
      continue;
    }
    int s = c->colspan;
    if (col + s > t->g.ncols)
      s = t->g.ncols - col;
    tc_begin(t, col, s, c->rowspan > 1 ? "restart" : NULL, t->fields && !c->header);
    cell_content(t, c, cell_jc(t, c), !t->fields && (c->header || bold));
    er_xml_close(x);
    if (c->rowspan > 1)
      for (int k = 0; k < s; k++) {
        pending[col + k] = k == 0 ? c->rowspan : 0;
        span[col + k] = s;
      }
    col += s;
    c = c->next;
  }
  /* rows short of the grid get empty cells, so that every row spans it */
  for (; col < t->g.ncols; col++) {
    tc_begin(t, col, 1, NULL, false);
    cell_paragraph(t, NULL, NULL, false);
    er_xml_close(x);
  }
  er_xml_close(x);
  for (int k = 0; k < t->g.ncols; k++)
    if (pending[k] > 0)
      pending[k]--;
}

/* A paragraph `twips` tall and nothing else: a page break before a table
 * (one point), or the space the PDF leaves under a table, which also
 * keeps two tables apart (Word joins adjacent ones). */
static void spacer(er_docxw *w, long twips) {
  er_xml *x = &w->x;
  er_xml_open(x, "w:p");
  er_docx_ppr_begin(w, NULL, NULL);
  er_dx_empty(x, "w:snapToGrid", "0");
  er_xml_open(x, "w:spacing");
  er_xml_attri(x, "w:line", twips);
  er_xml_attr(x, "w:lineRule", "exact");
  er_xml_close(x);
  er_xml_close(x);
  er_xml_close(x);
}

/* The caption above the table, kept with it, with the room the PDF leaves
 * above a table (0.3 of a grid line). */
static void caption(er_docxw *w, const er_node *c) {
  er_xml *x = &w->x;
  er_xml_open(x, "w:p");
  w->keep_next = true;
  er_docx_ppr_begin(w, "Caption", NULL);
  er_xml_open(x, "w:spacing");
  er_xml_attri(x, "w:before", w->portrait.line_pitch * 3 / 10);
  er_xml_close(x);
  er_xml_close(x);
  er_docx_runs(w, c, 0, false);
  er_xml_close(x);
}

void er_docx_table(er_docxw *w, const er_node *n) {
  er_xml *x = &w->x;
  const er_dx_page *page = w->landscape_on ? &w->landscape : &w->portrait;
  long block = page->width - page->left - page->right;
  table_ctx t = {.w = w, .table = n, .fields = er_node_has_class(n, "fields")};
  if (er_node_has_class(n, "small") || er_docx_wide_table(n))
    t.size = w->size[ER_ROLE_NOTE];
  long total = t.fields ? block * 88 / 100 : block;
  for (const er_node *c = n->first; c; c = c->next)
    if (c->type == ER_DOC_CAPTION) {
      caption(w, c);
      w->break_before = false;
    }
  if (w->break_before)
    spacer(w, 20);
  t.g.ncols = count_columns(n);
  t.g.width = calloc((size_t)t.g.ncols, sizeof *t.g.width);
  t.g.pending = calloc((size_t)t.g.ncols, sizeof *t.g.pending);
  t.g.span = calloc((size_t)t.g.ncols, sizeof *t.g.span);
  if (!t.g.width || !t.g.pending || !t.g.span)
    abort();
  t.layout = t.fields ? NULL : layout_of(w, n, t.g.ncols);
  if (t.layout) {
    total = 0;
    for (int i = 0; i < t.g.ncols; i++)
      total += t.g.width[i] = (double)t.layout->widths[i];
    t.size = t.layout->size == w->size[ER_ROLE_TABLE] ? 0 : t.layout->size;
  } else if (t.fields && t.g.ncols == 2) {
    /* as the PDF's cover (src/pdf/cover.c): the label five characters
     * wide and a character's gap, the value the rest of 0.88 of the block */
    t.g.width[0] = (double)w->size[ER_ROLE_BODY] * 10 * 6;
    t.g.width[1] = (double)total - t.g.width[0];
  } else
    measure(w, n, &t.g, total);

  er_xml_open(x, "w:tbl");
  er_xml_open(x, "w:tblPr");
  er_dx_empty(x, "w:tblStyle", "TableGrid");
  width_el(x, "w:tblW", total);
  er_dx_empty(x, "w:jc", "center");
  if (t.fields) {
    er_xml_open(x, "w:tblBorders");
    static const char *const sides[] = {"w:top",   "w:left",    "w:bottom",
                                        "w:right", "w:insideH", "w:insideV"};
    for (int i = 0; i < 6; i++)
      er_dx_empty(x, sides[i], "nil");
    er_xml_close(x);
  }
  er_dx_empty(x, "w:tblLayout", "fixed");
  if (t.fields) {
    /* the cover's cells have no padding, as the PDF's: the label spread
     * over its five characters, the value its line as wide as the rule —
     * a value the PDF sets on one line (2018年南充市城乡低保补助资金专项支出,
     * 288 of 293 pt) would otherwise wrap its last character */
    er_xml_open(x, "w:tblCellMar");
    width_el(x, "w:left", 0);
    width_el(x, "w:right", 0);
    er_xml_close(x);
  } else if (t.layout) { /* the PDF's padding inside the cells */
    er_xml_open(x, "w:tblCellMar");
    static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right"};
    for (int i = 0; i < 4; i++)
      width_el(x, sides[i], i % 2 ? t.layout->padx : t.layout->pady);
    er_xml_close(x);
  }
  er_xml_close(x);
  er_xml_open(x, "w:tblGrid");
  for (int i = 0; i < t.g.ncols; i++) {
    er_xml_open(x, "w:gridCol");
    er_xml_attri(x, "w:w", (long)(t.g.width[i] + 0.5));
    er_xml_close(x);
  }
  er_xml_close(x);
  bool total_row = er_node_has_class(n, "total");
  for (const er_node *part = n->first; part; part = part->next) {
    if (part->type != ER_DOC_THEAD && part->type != ER_DOC_TBODY)
      continue;
    for (const er_node *r = part->first; r; r = r->next) {
      bool bold = er_node_has_class(r, "total") ||
                  (total_row && part->type == ER_DOC_TBODY && !r->next && !part->next);
      t.keep = !t.fields && keeps_with_next(&t, part, r);
      row(&t, r, part->type == ER_DOC_THEAD, bold, t.g.pending, t.g.span);
    }
  }
  er_xml_close(x); /* tbl */
  free(t.g.width);
  free(t.g.pending);
  free(t.g.span);
  if (n->next && !t.fields) /* half a grid line under the table, as the PDF leaves */
    spacer(w, w->portrait.line_pitch / 2);
}
