/* A table node → a laid-out grid (table.h).
 *
 * Columns take the widths the colgroup gives (percentages of the text
 * block, or lengths), else widths from their content, as a browser's
 * automatic layout does: every column at least as wide as its widest
 * unbreakable piece (a number with its unit, a Latin word; a Chinese
 * character alone), the rest shared by how much text each holds. When
 * even the narrowest columns are too wide for the block, they share it in
 * proportion and a piece too long for its column is cut: the font never
 * shrinks below its role's size. A column narrower than its terms (a
 * header of up to seven characters, or two lines of one up to fourteen; a
 * body cell of up to four) takes the width from columns with more than
 * theirs need; then width moves from columns with room to columns whose
 * text runs long (tablebalance.c). Cells are then set with the paragraph
 * engine — the same line breaking (禁则, whole numbers) as the body,
 * between words where that costs no line, no character alone on a last
 * line (tablecell.c) — and rows take the
 * height of their tallest cell; a merged cell too tall for its rows
 * makes them taller. */
#include "pdf/table.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/linefit.h"

#define LINE 1.45  /* line height, of the size */
#define PAD_X 0.35 /* inside a cell, of the size */
#define PAD_Y 0.22
#define SOFT_CHARS 4.0      /* characters a column keeps on one line when it can */
#define MOST_SOFT_CHARS 7.0 /* … and when the block has room for that many in each */

static void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p)
    abort();
  return p;
}

/* ---- the grid ---- */

static int count_rows(const er_node *t, er_doc_type part) {
  int n = 0;
  for (const er_node *s = t->first; s; s = s->next)
    if (s->type == part)
      for (const er_node *r = s->first; r; r = r->next)
        n += r->type == ER_DOC_ROW;
  return n;
}

static er_align cell_align(const er_node *c) {
  if (c->header || er_node_has_class(c, "center") || er_node_has_class(c, "level"))
    return ER_ALIGN_CENTER;
  if (er_node_has_class(c, "num"))
    return ER_ALIGN_END;
  if (er_node_has_class(c, "right"))
    return ER_ALIGN_END;
  return ER_ALIGN_START; /* as the CSS: a narrow column justified would gape */
}

/* Places the cells of a section's rows from grid row `r0`, each in the
 * first column its row has free, rowspans clamped to the section. */
static void place_cells(er_table *t, const er_node *part, int r0, int rows, int *busy,
                        bool last_body) {
  int r = r0;
  for (const er_node *row = part->first; row; row = row->next) {
    if (row->type != ER_DOC_ROW)
      continue;
    bool total = er_node_has_class(row, "total") ||
                 (last_body && !row->next && er_node_has_class(t->node, "total"));
    int col = 0;
    for (const er_node *c = row->first; c; c = c->next) {
      if (c->type != ER_DOC_CELL)
        continue;
      while (col < t->ncols && busy[col] > r)
        col++;
      int cols = c->colspan > 0 ? c->colspan : 1, span = c->rowspan > 0 ? c->rowspan : 1;
      if (col + cols > t->ncols)
        cols = t->ncols - col;
      if (cols <= 0)
        break;
      if (r + span > r0 + rows)
        span = r0 + rows - r;
      er_tcell *cell = &t->cells[t->ncells++];
      *cell = (er_tcell){.node = c,
                         .row = r,
                         .col = col,
                         .rows = span,
                         .cols = cols,
                         .header = c->header,
                         .bold = c->header || total,
                         .align = cell_align(c)};
      for (int k = col; k < col + cols; k++)
        busy[k] = r + span;
      col += cols;
    }
    r++;
  }
}

/* The widest row, counting what rowspans from above take. */
static int count_cols(const er_node *t) {
  int most = 0;
  for (const er_node *s = t->first; s; s = s->next) {
    if (s->type != ER_DOC_THEAD && s->type != ER_DOC_TBODY)
      continue;
    int carry[256] = {0}; /* rows still taken in each column, for the next rows */
    int carried = 0;      /* the columns past the last one with rows still taken */
    for (const er_node *row = s->first; row; row = row->next) {
      int col = 0, width = 0;
      for (const er_node *c = row->first; c; c = c->next) {
        if (c->type != ER_DOC_CELL)
          continue;
        while (col < 256 && carry[col] > 0)
          col++;
        int cols = c->colspan > 0 ? c->colspan : 1, span = c->rowspan > 0 ? c->rowspan : 1;
        for (int k = col; k < col + cols && k < 256; k++)
          carry[k] = span;
        col += cols;
        width = col;
      }
      int reach = width > carried ? (width < 256 ? width : 256) : carried;
      carried = 0;
      for (int k = 0; k < reach; k++) {
        if (carry[k] > 0 && k >= width)
          width = k + 1;
        if (carry[k] > 0 && --carry[k] > 0)
          carried = k + 1;
      }
      most = width > most ? width : most;
    }
  }
  return most > 256 ? 256 : most;
}

static bool build_grid(er_table *t) {
  int head = count_rows(t->node, ER_DOC_THEAD), body = count_rows(t->node, ER_DOC_TBODY);
  t->nhead = head;
  t->nrows = head + body;
  t->ncols = count_cols(t->node);
  if (t->nrows == 0 || t->ncols == 0)
    return false;
  size_t cells = 0;
  for (const er_node *n = t->node->first; n; n = er_node_following(t->node, n))
    cells += n->type == ER_DOC_CELL;
  t->cells = xcalloc(cells, sizeof *t->cells);
  int *busy = xcalloc((size_t)t->ncols, sizeof *busy);
  int r = 0;
  for (const er_node *s = t->node->first; s; s = s->next)
    if (s->type == ER_DOC_THEAD) {
      int rows = 0;
      for (const er_node *row = s->first; row; row = row->next)
        rows += row->type == ER_DOC_ROW;
      place_cells(t, s, r, rows, busy, false);
      r += rows;
    }
  const er_node *last_body = NULL;
  for (const er_node *s = t->node->first; s; s = s->next)
    if (s->type == ER_DOC_TBODY)
      last_body = s;
  for (const er_node *s = t->node->first; s; s = s->next)
    if (s->type == ER_DOC_TBODY) {
      int rows = 0;
      for (const er_node *row = s->first; row; row = row->next)
        rows += row->type == ER_DOC_ROW;
      place_cells(t, s, r, rows, busy, s == last_body);
      r += rows;
    }
  free(busy);
  return true;
}

/* ---- measuring ---- */

/* The glyphs a cell was measured with are kept for its layout, up to
 * this many bytes of them in a table: beyond, a cell's are made again
 * (the same glyphs), so that a table of a hundred thousand rows does not
 * hold them all at once. */
#define KEPT_GLYPH_BYTES (96u << 20)

static void keep_glyphs(er_table *t, er_tcell *c, er_glyphs *g) {
  size_t bytes = g->n * sizeof *g->items + g->len + 1;
  if (t->kept + bytes > KEPT_GLYPH_BYTES) {
    er_glyphs_free(g);
    return;
  }
  t->kept += bytes;
  /* made with room for three bytes a character: give back the rest */
  er_glyph *items = realloc(g->items, (g->n ? g->n : 1) * sizeof *g->items);
  if (items)
    g->items = items;
  c->glyphs = *g;
}

/* The widest piece of the spans no line may break inside, and the widest
 * line when nothing but forced breaks ends them. */
static void extents(er_table *t, er_tcell *c) {
  er_glyphs g;
  er_para_style ps = {.measure = 1e9, .wide_em = 1, .squeeze = true};
  /* an empty cell before any text has no spans to point into */
  const er_span *spans = c->nspans ? t->spans.items + c->span0 : NULL;
  er_glyphs_make(&g, er_typesetter_fonts(t->w->ts), er_typesetter_linebreaker(t->w->ts), spans,
                 c->nspans, &ps, t->w->d);
  double piece = 0, spaces = 0, line = 0;
  for (size_t i = 0; i < g.n; i++) {
    const er_glyph *gl = &g.items[i];
    if (er_glyph_drawn(gl)) {
      if (gl->flags & ER_GLYPH_SPACE)
        spaces += er_glyph_natural(gl);
      else {
        piece += spaces + er_glyph_natural(gl);
        line += spaces + er_glyph_natural(gl);
        spaces = 0;
      }
    }
    if (gl->brk != ER_BREAK_NONE) {
      c->min0 = piece > c->min0 ? piece : c->min0;
      piece = 0;
      if (gl->brk == ER_BREAK_MANDATORY) {
        c->max0 = line > c->max0 ? line : c->max0;
        line = spaces = 0;
      }
    }
  }
  c->min0 = piece > c->min0 ? piece : c->min0;
  c->max0 = line > c->max0 ? line : c->max0;
  keep_glyphs(t, c, &g);
}

/* Per column, at the reference size and without padding: what its cells
 * of one column need, then what cells across several need beyond that,
 * shared evenly. */
static void column_extents(const er_table *t, double *min, double *max) {
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < t->ncells; i++) {
      const er_tcell *c = &t->cells[i];
      if ((c->cols == 1) != (pass == 0))
        continue;
      double have_min = 0, have_max = 0;
      for (int k = c->col; k < c->col + c->cols; k++) {
        have_min += min[k];
        have_max += max[k];
      }
      double pad = 2 * PAD_X * t->ref * (c->cols - 1); /* the spanned columns' inner padding */
      for (int k = c->col; k < c->col + c->cols; k++) {
        if (c->min0 - pad > have_min)
          min[k] += (c->min0 - pad - have_min) / c->cols;
        if (c->max0 - pad > have_max)
          max[k] += (c->max0 - pad - have_max) / c->cols;
      }
    }
  for (int k = 0; k < t->ncols; k++)
    if (max[k] < min[k])
      max[k] = min[k];
}

/* The widths the colgroup asks for, pt, or −1 for a column it leaves. */
static void preferred(const er_table *t, double *pref) {
  for (int k = 0; k < t->ncols; k++)
    pref[k] = -1;
  for (const er_node *g = t->node->first; g; g = g->next) {
    if (g->type != ER_DOC_COLGROUP)
      continue;
    int k = 0;
    for (const er_node *c = g->first; c && k < t->ncols; c = c->next, k++) {
      if (!c->width)
        continue;
      char *end;
      double v = strtod(c->width, &end);
      if (end == c->width || v <= 0)
        continue;
      if (!strcmp(end, "%"))
        pref[k] = v / 100 * t->width;
      else if (!strcmp(end, "mm"))
        pref[k] = v * ER_MM;
      else if (!strcmp(end, "cm"))
        pref[k] = v * 10 * ER_MM;
      else if (!strcmp(end, "pt"))
        pref[k] = v;
      else if (!strcmp(end, "in"))
        pref[k] = v * 72;
    }
  }
}

/* Columns below their minimum get it, from the others' slack. */
static void lift_to_minimum(double *w, const double *min, int n) {
  double deficit = 0, slack = 0;
  for (int k = 0; k < n; k++)
    if (w[k] < min[k]) {
      deficit += min[k] - w[k];
      w[k] = min[k];
    } else
      slack += w[k] - min[k];
  if (deficit <= 0 || slack <= 0)
    return;
  double take = deficit < slack ? deficit / slack : 1;
  for (int k = 0; k < n; k++)
    if (w[k] > min[k])
      w[k] -= (w[k] - min[k]) * take;
}

/* The width each column needs to keep its terms whole: a header cell's
 * text up to MOST_SOFT_CHARS characters on one line (一级指标, 年度指标值),
 * a longer one in two lines of that many at most (偏差原因分析/及改进措施),
 * a body cell's of up to SOFT_CHARS (应保尽保, 100%); cells across several
 * columns aside. */
static void term_widths(const er_table *t, double *term) {
  double scale = t->size / t->ref;
  for (size_t i = 0; i < t->ncells; i++) {
    const er_tcell *c = &t->cells[i];
    double natural = c->max0 * scale, chars = natural / t->size;
    if (c->cols != 1 || natural <= 0)
      continue;
    double need = 0;
    if (chars <= (c->header ? MOST_SOFT_CHARS : SOFT_CHARS) + 0.01)
      need = natural;
    else if (c->header && chars <= 2 * MOST_SOFT_CHARS + 0.01)
      need = ceil(chars / 2 - 0.01) * t->size;
    need += 2 * t->padx;
    term[c->col] = need > term[c->col] ? need : term[c->col];
  }
}

/* Columns narrower than their terms (term_widths) take the width from
 * columns that have more than their own terms need, the smallest want
 * first, as long as the others have the room: a term is never split
 * while another column has room to spare. */
static void keep_terms(const er_table *t, double *w, const double *min, int n) {
  double *term = xcalloc((size_t)n, sizeof *term);
  term_widths(t, term);
  for (int k = 0; k < n; k++)
    term[k] = fmax(term[k], min[k]);
  for (;;) {
    int want = -1;
    for (int k = 0; k < n; k++)
      if (term[k] > w[k] + 0.01 && (want < 0 || term[k] - w[k] < term[want] - w[want]))
        want = k;
    if (want < 0)
      break;
    double need = term[want] - w[want], room = 0;
    for (int k = 0; k < n; k++)
      room += k != want && w[k] > term[k] ? w[k] - term[k] : 0;
    if (room + 0.01 < need) {
      term[want] = w[want]; /* no room for it: leave it as it is */
      continue;
    }
    double take = need < room ? need / room : 1;
    for (int k = 0; k < n; k++)
      if (k != want && w[k] > term[k])
        w[k] -= (w[k] - term[k]) * take;
    w[want] = term[want];
  }
  free(term);
}

static void column_widths(er_table *t, const double *min0, const double *max0) {
  int n = t->ncols;
  double *min = xcalloc((size_t)n, sizeof *min), *max = xcalloc((size_t)n, sizeof *max),
         *w = xcalloc((size_t)n, sizeof *w), *pref = xcalloc((size_t)n, sizeof *pref);
  double scale = t->size / t->ref, sum_min = 0, sum_max = 0, given = 0, free_max = 0;
  for (int k = 0; k < n; k++) {
    min[k] = min0[k] * scale + 2 * t->padx;
    max[k] = max0[k] * scale + 2 * t->padx;
    sum_min += min[k];
    sum_max += max[k];
  }
  /* a short label (一级指标, 分值, 年度指标值) is not broken when the
   * block has room for every column to hold that many characters (up to
   * MOST_SOFT_CHARS, as many as fit): with the colgroup's widths too, a
   * column below that takes from the others */
  double soft_sum = 0, soft_cap = 0;
  for (int chars = (int)MOST_SOFT_CHARS; chars >= (int)SOFT_CHARS; chars--) {
    soft_cap = chars * t->size + 2 * t->padx;
    soft_sum = 0;
    for (int k = 0; k < n; k++)
      soft_sum += fmax(min[k], fmin(max[k], soft_cap));
    if (soft_sum <= t->width)
      break;
  }
  if (soft_sum <= t->width) {
    for (int k = 0; k < n; k++)
      min[k] = fmax(min[k], fmin(max[k], soft_cap));
    sum_min = soft_sum;
  }
  preferred(t, pref);
  bool any = false;
  for (int k = 0; k < n; k++)
    if (pref[k] >= 0) {
      any = true;
      given += pref[k];
    } else
      free_max += max[k];
  if (any) { /* the colgroup's widths; columns it leaves share the rest */
    double rest = t->width - given;
    for (int k = 0; k < n; k++)
      w[k] = pref[k] >= 0 ? pref[k] : rest > 0 && free_max > 0 ? rest * max[k] / free_max : min[k];
  } else if (sum_max <= t->width) { /* all on one line: the slack shared by content */
    for (int k = 0; k < n; k++)
      w[k] = max[k] + (t->width - sum_max) * (sum_max > 0 ? max[k] / sum_max : 1.0 / n);
  } else {
    double flex = sum_max - sum_min;
    for (int k = 0; k < n; k++)
      w[k] = min[k] + (flex > 0 ? (t->width - sum_min) * (max[k] - min[k]) / flex : 0);
  }
  double total = 0;
  for (int k = 0; k < n; k++)
    total += w[k];
  for (int k = 0; k < n && total > 0; k++)
    w[k] *= t->width / total;
  if (sum_min > t->width) /* even the narrowest do not fit: in proportion */
    for (int k = 0; k < n; k++)
      w[k] = min[k] * t->width / sum_min;
  else {
    lift_to_minimum(w, min, n);
    keep_terms(t, w, min, n);
    er_table_balance(t, w, min0);
  }
  t->colx = xcalloc((size_t)n + 1, sizeof *t->colx);
  for (int k = 0; k < n; k++)
    t->colx[k + 1] = t->colx[k] + w[k];
  free(min);
  free(max);
  free(w);
  free(pref);
}

/* ---- laying out ---- */

/* Cells are laid out a chunk at a time: glyphs are made first, here, for
 * those whose glyphs were not kept, then the cells are laid out shared
 * with a second thread (laying out glyphs reads nothing else: each cell
 * comes out the same wherever it is laid out), then, here again, the
 * lines of cells that wrap are chosen again from the same glyphs
 * (tablecell.c: ICU). */
#define LAYOUT_CHUNK 32768
#define LAYOUT_SHARED 512 /* the fewest cells worth a thread */

static er_para_style cell_style(const er_table *t, const er_tcell *c) {
  double measure = t->colx[c->col + c->cols] - t->colx[c->col] - 2 * t->padx;
  return (er_para_style){
      .measure = measure > 1 ? measure : 1, .wide_em = 1, .align = c->align, .squeeze = true};
}

/* Whether the cell's text is longer than its measure: its lines may be
 * chosen again, and its glyphs are kept for that. */
static bool wraps(const er_table *t, const er_tcell *c, const er_para_style *ps) {
  return c->max0 * t->size / t->ref > ps->measure + 1e-6;
}

static void set_text_height(const er_table *t, er_tcell *c) {
  bool empty = c->nspans == 0 || (c->para.nlines == 1 && c->para.lines[0].nruns == 0);
  c->text_h = empty ? 0 : (double)c->para.nlines * t->line;
}

typedef struct kept_cells {
  er_table *t;
  size_t from, to;
} kept_cells;

/* Lays out the cells from..to from their glyphs (made at the table's
 * size); a cell that wraps keeps its glyphs, the others' are freed. */
static void *layout_kept(void *arg) {
  const kept_cells *k = arg;
  for (size_t i = k->from; i < k->to; i++) {
    er_tcell *c = &k->t->cells[i];
    if (!c->glyphs.items)
      continue;
    er_para_style ps = cell_style(k->t, c);
    er_glyphs g = c->glyphs;
    if (wraps(k->t, c, &ps))
      er_glyphs_copy(&g, &c->glyphs);
    else
      c->glyphs = (er_glyphs){0};
    er_para_layout_glyphs(&c->para, &g, &ps, c->empty_size);
    set_text_height(k->t, c);
  }
  return NULL;
}

/* The cell's spans at the table's size, in buf when they are scaled (or none). */
static const er_span *scaled_spans(const er_table *t, const er_tcell *c, double scale,
                                   er_span *buf) {
  if (scale == 1 && c->nspans)
    return t->spans.items + c->span0;
  for (size_t k = 0; k < c->nspans; k++) {
    buf[k] = t->spans.items[c->span0 + k];
    buf[k].size *= scale;
    buf[k].rise *= scale;
  }
  return buf;
}

/* Lays out every cell at the table's size; the spans at the reference
 * size are not needed after (a large table's took as much as its layout). */
static void layout_cells(er_table *t) {
  double scale = t->size / t->ref;
  size_t most = 0;
  for (size_t i = 0; i < t->ncells; i++)
    most = t->cells[i].nspans > most ? t->cells[i].nspans : most;
  er_span *spans = xcalloc(most ? most : 1, sizeof *spans);
  for (size_t c0 = 0; c0 < t->ncells; c0 += LAYOUT_CHUNK) {
    size_t c1 = t->ncells - c0 > LAYOUT_CHUNK ? c0 + LAYOUT_CHUNK : t->ncells;
    for (size_t i = c0; i < c1; i++) {
      er_tcell *c = &t->cells[i];
      c->empty_size = c->nspans ? t->spans.items[c->span0].size * scale : 0;
      if (c->glyphs.items && scale == 1)
        continue;
      er_glyphs_free(&c->glyphs);
      er_para_style ps = cell_style(t, c);
      er_glyphs_make(&c->glyphs, er_typesetter_fonts(t->w->ts), er_typesetter_linebreaker(t->w->ts),
                     scaled_spans(t, c, scale, spans), c->nspans, &ps, t->w->d);
    }
    size_t mid = c0 + (c1 - c0) / 2;
    kept_cells mine = {t, c0, c1}, theirs = {t, mid, c1};
    pthread_t other;
    bool shared =
        c1 - c0 >= LAYOUT_SHARED && pthread_create(&other, NULL, layout_kept, &theirs) == 0;
    if (shared)
      mine.to = mid;
    layout_kept(&mine);
    if (shared)
      pthread_join(other, NULL);
    for (size_t i = c0; i < c1; i++) { /* lines chosen again: ICU, so on this thread */
      er_tcell *c = &t->cells[i];
      if (!c->glyphs.items)
        continue;
      er_para_style ps = cell_style(t, c);
      bool again = er_table_prefer_word_breaks(t, c, &ps);
      again = er_table_no_lone_char(t, c, &ps) || again;
      if (again)
        set_text_height(t, c);
      er_glyphs_free(&c->glyphs);
    }
  }
  free(spans);
  er_span_buf_free(&t->spans);
}

static void row_heights(er_table *t) {
  t->rowh = xcalloc((size_t)t->nrows, sizeof *t->rowh);
  for (int r = 0; r < t->nrows; r++)
    t->rowh[r] = t->line + 2 * t->pady;
  for (size_t i = 0; i < t->ncells; i++) {
    const er_tcell *c = &t->cells[i];
    if (c->rows == 1 && c->text_h + 2 * t->pady > t->rowh[c->row])
      t->rowh[c->row] = c->text_h + 2 * t->pady;
  }
  for (size_t i = 0; i < t->ncells; i++) {
    const er_tcell *c = &t->cells[i];
    if (c->rows == 1)
      continue;
    double have = 0;
    for (int r = c->row; r < c->row + c->rows; r++)
      have += t->rowh[r];
    double need = c->text_h + 2 * t->pady;
    if (need > have)
      for (int r = c->row; r < c->row + c->rows; r++)
        t->rowh[r] += (need - have) / c->rows;
  }
}

bool er_table_build(er_table *t, er_pdfw *w, const er_node *n) {
  memset(t, 0, sizeof *t);
  t->w = w;
  t->node = n;
  t->landscape = er_pdfw_wide_table(n);
  if (!build_grid(t))
    return false;
  const er_page_style *page = t->landscape ? &w->landscape : &w->portrait;
  t->width = page->block_width;
  bool small = er_node_has_class(n, "small") || t->landscape;
  t->ref = w->size[small ? ER_ROLE_NOTE : ER_ROLE_TABLE];
  for (size_t i = 0; i < t->ncells; i++) {
    er_tcell *c = &t->cells[i];
    er_ink ink = er_pdfw_ink(w, ER_ROLE_TABLE);
    ink.size = t->ref;
    ink.bold = c->bold;
    c->span0 = t->spans.n;
    er_spans_flow(&t->spans, c->node, &ink);
    c->nspans = t->spans.n - c->span0;
    extents(t, c);
  }
  double *min0 = xcalloc((size_t)t->ncols, sizeof *min0),
         *max0 = xcalloc((size_t)t->ncols, sizeof *max0);
  column_extents(t, min0, max0);
  t->size = t->ref; /* never smaller than its role's size */
  t->line = LINE * t->size;
  t->padx = PAD_X * t->size;
  t->pady = PAD_Y * t->size;
  column_widths(t, min0, max0);
  free(min0);
  free(max0);
  layout_cells(t);
  row_heights(t);
  for (const er_node *c = n->first; c; c = c->next)
    if (c->type == ER_DOC_CAPTION) {
      er_ink ink = er_pdfw_ink(w, ER_ROLE_CAPTION);
      er_spans_inlines(&t->caption, c, &ink);
    }
  return true;
}

void er_table_free(er_table *t) {
  for (size_t i = 0; i < t->ncells; i++) {
    er_para_free(&t->cells[i].para);
    er_glyphs_free(&t->cells[i].glyphs);
  }
  free(t->cells);
  free(t->colx);
  free(t->rowh);
  er_span_buf_free(&t->spans);
  er_span_buf_free(&t->caption);
  memset(t, 0, sizeof *t);
}

/* The height of a note under the table (p class="note", set in 小四 with
 * lines of 1.5 by docwalk.c), near enough to keep it with the last rows. */
static double note_after(er_pdfw *w, const er_node *n) {
  const er_node *next = n->next;
  if (!next || next->type != ER_DOC_PARAGRAPH || !er_node_has_class(next, "note"))
    return 0;
  size_t chars = 0;
  for (const char *s = er_node_text(w->doc, next); *s; s++)
    chars += ((unsigned char)*s & 0xC0) != 0x80;
  double size = w->size[ER_ROLE_TABLE], per_line = floor(w->portrait.block_width / size);
  double lines = ceil((double)chars / (per_line > 1 ? per_line : 1));
  return lines * 1.5 * size + 0.75 * w->leading;
}

void er_pdfw_table(er_pdfw *w, const er_node *n) {
  er_table t;
  if (er_table_build(&t, w, n)) {
    if (w->on_table)
      w->on_table(w->on_table_ctx,
                  &(er_pdf_table_layout){n, t.ncols, t.colx, t.size, t.line, t.padx, t.pady});
    t.tail = note_after(w, n);
    er_table_place(&t);
  }
  er_table_free(&t);
}
