/* A laid-out table cut into pages and drawn (table.h).
 *
 * The caption, the header rows and the first body row start on one page.
 * A row that does not fit the rest of a page goes to the next, where the
 * header rows (thead) are drawn again, unless they take more than half a
 * page (then they are set once, as rows of the body); a row taller than a
 * whole page — or a tall one that would leave a quarter page empty, or
 * any that would leave a sixth of a page empty under a table going on — is
 * split between lines of its cells, each part closed by the table's rules. A merged (rowspan) cell
 * may start at the foot of a page with its first row alone; one that runs over a page break is
 * drawn on both pages, each part with the cell's whole text (at the top of its rows on the pages
 * after its first), so that a reader of either page sees which indicator the rows belong to; a
 * part too short for the text makes its last row taller when the page has the room.
 *
 * Each page the table continues on starts with 续表 and its number.
 *
 * Rules as official tables draw them: a full grid at the profile's rule
 * width, the outer frame half as thick again. */
#include "pdf/table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/grow.h"

#define EPS 1e-6
#define ALL_LINES ((size_t)-1)
#define CAPTION_LINE 1.5 /* of the caption's size */
#define OUTER 1.5        /* the frame, of the rule */
#define SMALL_TABLE 4    /* body rows of a table kept on one page when it fits */
#define REPEATED 0.5     /* of a page: header rows taller are not repeated */
#define TALL 0.25        /* of a page: a row taller splits at a break */
#define GAPING (1.0 / 6) /* of a page: a table going on leaves no more empty */
#define PART_LINES 2     /* of a row split to fill a page, on either side */
#define AGAIN_LINES 6    /* a split row's cell of at most this many is set again */

/* A row, or the part of a split row, on a page. */
typedef struct slice {
  int row;
  double y, h;     /* its top, from the paper's top, and height, pt */
  size_t from, to; /* the lines of the row's own cells it shows (a split row) */
} slice;

/* The part of the table on one page. */
typedef struct segment {
  size_t page;
  slice *s;
  size_t n, cap;
  int first_body; /* the first body row on it, or −1 */
} segment;

static void add_slice(segment *g, slice s) {
  g->s = er_grow(g->s, g->n, &g->cap, sizeof *g->s, 32);
  g->s[g->n++] = s;
}

static bool split_slice(const slice *s) { return s->from > 0 || s->to != ALL_LINES; }

/* Where each row's cells are, and what each row is, worked out once: the
 * placing loop asks about every row and every page, and going through all
 * the cells each time made a long table quadratic (10,000 rows: seconds).
 * Cells are stored row by row (table.c); `start[r]` … `start[r + 1]` are
 * row r's. Cells merged over rows are found from `ends`, those ending at
 * each row, and by looking back at most `maxspan` rows. */
typedef struct row_index {
  size_t *start;    /* nrows + 1 */
  size_t *ends;     /* the merged cells, by the row they end at */
  size_t *end_from; /* nrows + 1: ends[end_from[r]] … are those ending at row r */
  bool *heads;      /* heads_rows() of each row */
  bool *opens;      /* opens_group() of each row */
  int maxspan;      /* the most rows a cell spans */
} row_index;

static row_index X; /* of the table being placed; one at a time (a table holds no table) */

/* The first slice of the segment at or after `row`. */
static size_t slice_at(const segment *g, int row) {
  size_t lo = 0, hi = g->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (g->s[mid].row < row)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Whether a cell of a row split over pages that ended on an earlier part
 * is set again, whole, at the top of a part from line `from` (its 三级指标
 * name, its 分值): one of a few lines. */
static bool set_again(const er_tcell *c, size_t from) {
  return from > 0 && c->rows == 1 && c->text_h > 0 && c->para.nlines <= from &&
         c->para.nlines <= AGAIN_LINES;
}

/* The lines of row r's own cells from line `from` on; with `again`, the
 * cells set again there (set_again) count too, when any line is left. */
static size_t lines_from(const er_table *t, int r, size_t from, bool again) {
  size_t most = 0, repeat = 0;
  for (size_t i = X.start[r]; i < X.start[r + 1]; i++) {
    const er_tcell *c = &t->cells[i];
    if (c->row != r || c->rows != 1)
      continue;
    if (c->para.nlines > from && c->para.nlines - from > most)
      most = c->para.nlines - from;
    if (again && set_again(c, from) && c->para.nlines > repeat)
      repeat = c->para.nlines;
  }
  return most > 0 && repeat > most ? repeat : most;
}

/* The height of the rest of row r from its line `from` on. */
static double rest_of_row(const er_table *t, int r, size_t from) {
  if (from == 0)
    return t->rowh[r];
  return (double)lines_from(t, r, from, true) * t->line + 2 * t->pady;
}

/* How much taller row r must be on this page for a merged cell that ends
 * there and began on an earlier page to show its whole text again. */
static double continued_need(const er_table *t, const segment *g, int r) {
  double extra = 0;
  for (size_t k = X.end_from[r]; k < X.end_from[r + 1]; k++) {
    const er_tcell *c = &t->cells[X.ends[k]];
    if (g->first_body < 0 || c->row >= g->first_body)
      continue;
    double have = t->rowh[r];
    for (size_t k = slice_at(g, g->first_body); k < g->n; k++)
      have += g->s[k].h;
    double need = c->text_h + 2 * t->pady - have;
    extra = need > extra ? need : extra;
  }
  return extra;
}

/* A row of the body that heads the rows after it (the 自评表's 一级指标
 * 二级指标 … row): header cells only, across the whole width, none merged
 * down but one that labels the whole block in the first column (绩效指标
 * over the indicators). It is drawn again under the thead on the pages its
 * rows run to. */
static bool compute_heads_rows(const er_table *t, int r) {
  if (r < t->nhead)
    return false;
  int cols = 0;
  for (size_t i = X.start[r]; i < X.start[r + 1]; i++) {
    const er_tcell *c = &t->cells[i];
    if (!c->header || (c->rows > 1 && (c->col > 0 || i + 1 == X.start[r + 1])))
      return false;
    cols += c->cols;
  }
  return cols == t->ncols;
}

/* Whether row r should not end a page: a merged cell starts there and
 * runs below it, or it heads the rows below it. */
static bool compute_opens_group(const er_table *t, int r) {
  for (size_t i = X.start[r]; i < X.start[r + 1]; i++)
    if (t->cells[i].rows > 1)
      return true;
  return X.heads[r];
}

static bool heads_rows(const er_table *t, int r) {
  (void)t;
  return X.heads[r];
}

static bool opens_group(const er_table *t, int r) {
  (void)t;
  return X.opens[r];
}

/* Builds X for t; false when its cells are not stored row by row (then
 * nothing can be placed). */
static bool index_rows(const er_table *t) {
  size_t n = (size_t)t->nrows;
  X = (row_index){0};
  X.start = calloc(n + 1, sizeof *X.start);
  X.end_from = calloc(n + 2, sizeof *X.end_from);
  X.heads = calloc(n ? n : 1, sizeof *X.heads);
  X.opens = calloc(n ? n : 1, sizeof *X.opens);
  X.ends = calloc(t->ncells ? t->ncells : 1, sizeof *X.ends);
  if (!X.start || !X.end_from || !X.heads || !X.opens || !X.ends)
    abort();
  X.maxspan = 1;
  for (size_t i = 0; i < t->ncells; i++) {
    const er_tcell *c = &t->cells[i];
    if (c->row < 0 || c->row >= t->nrows || (i && c->row < t->cells[i - 1].row))
      return false;
    X.start[c->row + 1] = i + 1;
    X.maxspan = c->rows > X.maxspan ? c->rows : X.maxspan;
    if (c->rows > 1 && c->row + c->rows - 1 < t->nrows)
      X.end_from[c->row + c->rows - 1 + 1]++;
  }
  for (size_t r = 1; r <= n; r++) /* rows without cells start where the last ended */
    X.start[r] = X.start[r] > X.start[r - 1] ? X.start[r] : X.start[r - 1];
  for (size_t r = 1; r <= n; r++)
    X.end_from[r] += X.end_from[r - 1];
  size_t *fill = calloc(n + 1, sizeof *fill);
  if (!fill)
    abort();
  for (size_t i = 0; i < t->ncells; i++) {
    const er_tcell *c = &t->cells[i];
    if (c->rows > 1 && c->row + c->rows - 1 < t->nrows) {
      size_t end = (size_t)(c->row + c->rows - 1);
      X.ends[X.end_from[end] + fill[end]++] = i;
    }
  }
  free(fill);
  for (int r = 0; r < t->nrows; r++)
    X.heads[r] = compute_heads_rows(t, r);
  for (int r = 0; r < t->nrows; r++)
    X.opens[r] = compute_opens_group(t, r);
  return true;
}

static void free_index(void) {
  free(X.start);
  free(X.ends);
  free(X.end_from);
  free(X.heads);
  free(X.opens);
  X = (row_index){0};
}

/* Whether the rows before r go over with it at a page break: the last
 * row of the table is not alone at the top of the next page, nor a
 * heading row alone at the foot of this one; with `groups`, nor the first
 * row of a merged cell. `body0` is the first of the page's own slices. */
static bool goes_over(const er_table *t, const segment *g, size_t n, size_t body0, int r,
                      bool groups) {
  return r < t->nrows && n >= body0 + 3 && !split_slice(&g->s[n - 1]) &&
         (r == t->nrows - 1 || (groups ? opens_group(t, r - 1) : heads_rows(t, r - 1)));
}

/* The height of the rows goes_over() would send to the next page with
 * row r. */
static double going_over(const er_table *t, const segment *g, size_t body0, int r, bool groups) {
  double h = 0;
  for (size_t n = g->n; goes_over(t, g, n, body0, r, groups); r--)
    h += g->s[--n].h;
  return h;
}

/* Before a page break at row r: makes the segment's last row taller where
 * a merged cell running over the break would not show its text, within
 * `room`. Returns what it added. */
static double grow_open_cells(const er_table *t, segment *g, int r, double room) {
  if (g->n == 0 || g->first_body < 0 || room <= 0)
    return 0;
  double grow = 0;
  int back = r - X.maxspan > 0 ? r - X.maxspan : 0; /* no cell spans more */
  for (size_t i = X.start[back]; i < X.start[r]; i++) {
    const er_tcell *c = &t->cells[i];
    if (c->rows < 2 || c->row >= r || c->row + c->rows - 1 < r)
      continue;
    double have = 0;
    for (size_t k = slice_at(g, c->row); k < g->n && g->s[k].row < r; k++)
      have += g->s[k].h;
    double need = c->text_h + 2 * t->pady - have;
    grow = need > grow ? need : grow;
  }
  if (grow > room)
    grow = room;
  if (grow > 0)
    g->s[g->n - 1].h += grow;
  return grow > 0 ? grow : 0;
}

static void line_shape(er_pages *p, size_t page, double x, double y, double w, double h,
                       double width) {
  er_shape s = {
      .kind = ER_SHAPE_LINE, .x = x, .y = y, .w = w, .h = h, .stroke = width, .fill = ER_NO_FILL};
  er_pages_shape(p, page, &s);
}

/* The part of a cell on the segment: its text and its right and bottom
 * rules. */
static void draw_cell(const er_table *t, er_pages *p, const segment *g, const er_tcell *c,
                      double left) {
  size_t i0 = slice_at(g, c->row), i1 = i0;
  if (i0 >= g->n || g->s[i0].row > c->row + c->rows - 1)
    return;
  while (i1 + 1 < g->n && g->s[i1 + 1].row <= c->row + c->rows - 1)
    i1++;
  double y0 = g->s[i0].y, y1 = g->s[i1].y + g->s[i1].h;
  double x0 = left + t->colx[c->col], x1 = left + t->colx[c->col + c->cols];
  size_t from = 0, to = c->para.nlines;
  double off;
  if (c->rows == 1 && split_slice(&g->s[i0])) { /* a part of a split row: from the top */
    from = g->s[i0].from;
    to = g->s[i0].to < to ? g->s[i0].to : to;
    if (set_again(c, from)) { /* ended on an earlier part: again, whole, when it fits */
      from = 0;
      to = c->para.nlines <= er_table_lines_in(t, y1 - y0) ? c->para.nlines : 0;
    }
    off = t->pady;
  } else {
    size_t fit = er_table_lines_in(t, y1 - y0);
    if (c->text_h > 0 && fit < to) /* too short, even so: the lines that fit */
      to = fit;
    /* a merged cell going on from an earlier page: its text again at the
     * top of its rows here, where the reader of the page starts */
    bool continued = c->rows > 1 && g->s[i0].row > c->row;
    off = continued ? t->pady : (y1 - y0 - (double)(to - from) * t->line) / 2;
    if (c->text_h == 0)
      to = from;
  }
  for (size_t l = from; l < to; l++) {
    double top = y0 + off + (double)(l - from) * t->line;
    er_pages_place_line(p, g->page, &c->para, l, x0 + t->padx,
                        er_pages_baseline(top, t->line, t->size));
  }
  line_shape(p, g->page, x1, y0, 0, y1 - y0, t->w->rule);
  line_shape(p, g->page, x0, y1, x1 - x0, 0, t->w->rule);
}

static void draw_segment(const er_table *t, er_pages *p, const segment *g) {
  if (g->n == 0)
    return;
  const er_page_style *st = &p->pages[g->page].style;
  double left = st->left;
  /* the cells whose rows are on the page (draw_cell skips the others):
   * the header rows', then those from maxspan rows above the page's
   * first other row to its last, in the order they are stored */
  int first = -1, last = g->s[g->n - 1].row;
  for (size_t k = 0; k < g->n && first < 0; k++)
    if (g->s[k].row >= t->nhead)
      first = g->s[k].row;
  size_t head_end = X.start[t->nhead];
  for (size_t i = 0; i < head_end; i++)
    draw_cell(t, p, g, &t->cells[i], left);
  if (first >= 0) {
    int from = first - X.maxspan + 1 > t->nhead ? first - X.maxspan + 1 : t->nhead;
    for (size_t i = X.start[from]; i < X.start[last + 1]; i++)
      draw_cell(t, p, g, &t->cells[i], left);
  }
  double top = g->s[0].y, bottom = g->s[g->n - 1].y + g->s[g->n - 1].h;
  er_shape frame = {.kind = ER_SHAPE_RECT,
                    .x = left,
                    .y = top,
                    .w = t->colx[t->ncols],
                    .h = bottom - top,
                    .stroke = OUTER * t->w->rule,
                    .fill = ER_NO_FILL};
  er_pages_shape(p, g->page, &frame);
}

/* The caption, centred above the table; returns its height. */
static double caption(er_table *t, er_pages *p, bool draw) {
  if (t->caption.n == 0)
    return 0;
  double size = t->w->size[ER_ROLE_CAPTION], line = CAPTION_LINE * size;
  er_para_style ps = {.measure = t->width, .wide_em = 1, .align = ER_ALIGN_CENTER, .squeeze = true};
  er_para para;
  double inset;
  er_para_layout_balanced(&para, er_typesetter_fonts(t->w->ts), er_typesetter_linebreaker(t->w->ts),
                          t->caption.items, t->caption.n, &ps, t->w->d, &inset);
  double h = (double)para.nlines * line + 0.15 * line;
  if (draw) {
    er_pdfw_para_lines(t->w, er_pdfw_caption_of(t->node), &para);
    size_t page = er_pages_current(p);
    const er_page_style *st = &p->pages[page].style;
    for (size_t l = 0; l < para.nlines; l++)
      er_pages_place_line(p, page, &para, l, st->left + inset,
                          er_pages_baseline(st->top + p->cursor + (double)l * line, line, size));
    er_pages_advance(p, h);
  }
  er_para_free(&para);
  return h;
}

/* The caption of the table's continuation on a later page: 续表 and the
 * table's number ("表1-2 项目…" → "续表1-2"), centred; its height. */
static double continued_caption(er_table *t, er_pages *p) {
  if (t->caption.n == 0)
    return 0;
  const er_span *first = &t->caption.items[0];
  static const char table[] = "表";
  char text[64] = "续表";
  size_t len = strlen(text), k = strlen(table);
  if (first->len > k && memcmp(first->text, table, k) == 0)
    for (; k < first->len && len + 1 < sizeof text; k++) {
      char c = first->text[k];
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            c == '-' || c == '.'))
        break;
      text[len++] = c;
    }
  text[len] = '\0';
  double size = t->w->size[ER_ROLE_CAPTION], line = CAPTION_LINE * size;
  er_span span = {.text = text, .len = len, .role = ER_ROLE_CAPTION, .size = size};
  er_para_style ps = {.measure = t->width, .wide_em = 1, .align = ER_ALIGN_CENTER, .squeeze = true};
  er_para para;
  er_para_layout(&para, er_typesetter_fonts(t->w->ts), er_typesetter_linebreaker(t->w->ts), &span,
                 1, &ps, t->w->d);
  size_t page = er_pages_current(p);
  const er_page_style *st = &p->pages[page].style;
  er_pages_place_line(p, page, &para, 0, st->left,
                      er_pages_baseline(st->top + p->cursor, line, size));
  er_para_free(&para);
  double h = line + 0.15 * line;
  er_pages_advance(p, h);
  return h;
}

void er_table_place(er_table *t) {
  er_pdfw *w = t->w;
  er_pages *p = er_typesetter_page_set(w->ts);
  if (!index_rows(t)) {
    free_index();
    er_error(w->d, ((er_pos){0, 0}), "pdf-table", "表格的单元格顺序有误，未能排版");
    return;
  }
  if (t->landscape)
    er_pdfw_orient(w, true);
  double head = 0, page_h = p->style.block_height;
  for (int r = 0; r < t->nhead; r++)
    head += t->rowh[r];
  if (head > REPEATED * page_h) { /* drawn again on each page, no row would fit */
    t->nhead = 0;
    head = 0;
  }
  double cap = caption(t, p, false);
  /* no row alone at the foot of a page: the first two body rows, or a
   * small table whole, start on the page with the caption and header */
  int body = t->nrows - t->nhead, keep_rows = body <= SMALL_TABLE ? body : 2;
  double first = 0;
  for (int r = t->nhead; r < t->nhead + keep_rows; r++)
    first += t->rowh[r];
  if (cap + head + first > page_h)
    first = 3 * t->line;
  double keep = cap + head + first;
  er_typeset_keep(w->ts, keep + 0.3 * w->leading);
  er_pages_space(p, 0.3 * w->leading);
  if (keep > er_pages_room(p))
    er_pages_break(p);
  caption(t, p, true);
  segment g = {0};
  int r = t->nhead, running = -1;
  size_t from = 0;
  for (bool first_page = true;; first_page = false) {
    g.page = er_pages_current(p);
    g.n = 0;
    g.first_body = -1;
    const er_page_style *st = &p->pages[g.page].style;
    bool fresh = p->cursor <= EPS;
    if (!first_page)
      continued_caption(t, p);
    double y = st->top + p->cursor, bottom = st->top + st->block_height - p->foot;
    for (int hr = 0; hr < t->nhead; hr++) {
      add_slice(&g, (slice){hr, y, t->rowh[hr], 0, ALL_LINES});
      y += t->rowh[hr];
    }
    if (running >= 0 && running < r && head + t->rowh[running] <= REPEATED * page_h) {
      /* the body's own header row, again */
      add_slice(&g, (slice){running, y, t->rowh[running], 0, ALL_LINES});
      y += t->rowh[running];
    }
    size_t body0 = g.n; /* the first of this page's own rows */
    bool keep_rows_here = false;
    while (r < t->nrows) {
      double h = rest_of_row(t, r, from) + (from ? 0 : continued_need(t, &g, r));
      if (y + h <= bottom + EPS) {
        add_slice(&g, (slice){r, y, h, from, ALL_LINES});
        g.first_body = g.first_body < 0 ? r : g.first_body;
        if (heads_rows(t, r))
          running = r;
        y += h;
        r++;
        from = 0;
        continue;
      }
      bool never_fits = h > st->block_height - head + EPS;
      size_t lines = er_table_lines_in(t, bottom - y);
      /* a tall row splits rather than leave a quarter page or more empty,
       * with four lines or more here and three or more over the page */
      double rest = from ? (double)lines_from(t, r, from, false) * t->line + 2 * t->pady
                         : rest_of_row(t, r, from);
      size_t left = rest > 2 * t->pady ? (size_t)((rest - 2 * t->pady) / t->line + 0.5) : 0;
      bool tall = h > TALL * st->block_height && lines >= 4 && left >= lines + 3;
      /* nor does any row where the page would end more than a sixth
       * empty, counting the rows that would go over with it (merged
       * groups split, their text repeated over the page): two lines or
       * more on either side; when the row cannot split, those rows stay.
       * Not the table's last row: a 续表 of a few lines of it is worse */
      /* (a merged group's first row would leave such a gap going over
       * with it: the next row splits rather; else it stays at the foot,
       * its text set again over the page) */
      double over = from ? 0 : going_over(t, &g, body0, r, true);
      bool gaping = r < t->nrows - 1 && bottom - y + over > GAPING * st->block_height + EPS;
      bool parts = lines >= PART_LINES && left >= lines + PART_LINES;
      if (gaping && !parts && lines >= PART_LINES && left >= (size_t)2 * PART_LINES) {
        lines = left - PART_LINES;
        parts = true;
      }
      keep_rows_here = gaping && !parts;
      if ((never_fits && lines >= 2) || tall || (gaping && parts) || (g.first_body < 0 && fresh)) {
        if (lines == 0)
          lines = 1; /* nothing fits a whole page: go on all the same */
        double part = (double)lines * t->line + 2 * t->pady;
        add_slice(&g, (slice){r, y, part, from, from + lines});
        g.first_body = g.first_body < 0 ? r : g.first_body;
        y += part;
        from += lines;
      }
      break;
    }
    /* the note under the table does not go to a page of its own: rows
     * go over with it */
    if (r >= t->nrows && t->tail > 0 && y + t->tail > bottom + EPS && g.n >= body0 + 4 &&
        !split_slice(&g.s[g.n - 1])) {
      y -= g.s[--g.n].h;
      r--;
    }
    /* nor alone at the top of the next, nor a heading row alone at the
     * foot of this one; a merged group may start at the foot with its
     * first row whole, rather than leave the page a row or more empty */
    while (!keep_rows_here && from == 0 && goes_over(t, &g, g.n, body0, r, false)) {
      y -= g.s[--g.n].h;
      r--;
      if (running == r) /* a header row that went over is not repeated there */
        running = -1;
      for (size_t k = 0; k < g.n; k++)
        if (heads_rows(t, g.s[k].row) && g.s[k].row >= t->nhead)
          running = g.s[k].row;
    }
    if (r < t->nrows && from == 0)
      y += grow_open_cells(t, &g, r, bottom - y);
    draw_segment(t, p, &g);
    er_pages_advance(p, y - st->top - p->cursor);
    if (r >= t->nrows)
      break;
    er_pages_break(p);
  }
  free(g.s);
  free_index();
  er_pages_space(p, 0.5 * w->leading);
  er_pages_snap(p);
}
