/* Column widths balanced between a table's columns (table.h).
 *
 * The colgroup's percentages (or the content's widths) and the short
 * terms (table.c) leave some columns with room and others whose text runs
 * many lines deep beside them: 三级指标 twelve lines down while 一级指标
 * holds four characters. Width then moves, half characters at a time,
 * from a column to another while that makes the table better, judged in
 * this order: fewer lines of short terms broken (a header of up to seven
 * characters off its line, a body value of up to four); fewer lines of
 * rows beyond DEEP_LINES, of longer terms beyond three (a header of up to
 * fourteen or a label merged down the rows: 偏差原因/分析及改/进措施) and
 * headers of five to seven characters in two lines (年度/指标值), counted
 * together — such a header gives way only to rows deeper by more, the
 * 自评表's 三级指标 at five characters and eleven lines; fewer of those
 * headers, then of those longer terms; fewer lines in all the rows, a
 * shallower deepest row, fewer cells of up to seven characters wrapped. No column goes below its
 * widest unbreakable piece. The widths start on the grid of half characters, what is left over
 * pooled. The search is greedy and deterministic: each step takes the best move of up to MOVE_MAX
 * half characters to a column that gets a line shorter by them, from the pool and the columns that
 * lose no line by giving, or from one column, and stops when none is better; the pool's rest goes
 * back where it came from. A table whose cells all keep their lines is left alone. The lines are
 * counted from each cell's break opportunities (禁则, whole numbers and Latin words kept), a close
 * estimate of the paragraph engine's; the cells are then set for real. */
#include "pdf/table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/grow.h"
#include "pdf/glyphs.h"
#include "pdf/linefit.h"

#define MOVE_MAX 12         /* half characters moved at once to a column */
#define SAMPLE_ROWS 300     /* rows of a long table the lines are counted on */
#define BUDGET 30000000.0   /* cells counted in all, at most: a wide long table stops early */
#define TERM_CHARS 7.0      /* a header this long keeps its line */
#define TERM_BODY_CHARS 4.0 /* … a body value */
#define LABEL_LINES 3       /* a longer header, or one merged down rows, may take */
#define DEEP_LINES 6        /* a row deeper is worth a header of five to seven in two lines */
#define EPS 1e-6

typedef struct piece {
  double space, width; /* the spaces before it, and it, pt */
  bool hard;           /* a forced break after it */
} piece;

typedef struct bcell {
  const er_tcell *c;
  size_t p0, np; /* its pieces */
  int term;      /* the most lines before a short term counts as broken; 0: none */
  bool soft;     /* up to TERM_CHARS characters: better on one line */
  bool yields;   /* a header of more than TERM_BODY_CHARS: may take two lines for depth */
  int base;      /* memo index of the width it starts with */
  double w0;     /* that width, less the padding, pt */
  short *memo;   /* lines per width, −1 not counted yet */
} bcell;

typedef struct balancer {
  const er_table *t;
  int n;       /* columns */
  double step; /* one character, pt */
  piece *p;
  size_t np, cap;
  bcell *cells;
  size_t ncells, nsingle; /* the first nsingle of one row */
  int nmemo;
  int *rowl;      /* lines of each row, while one layout is judged */
  int stride;     /* rows counted: every stride-th */
  double counted; /* cells counted so far, against BUDGET */
} balancer;

typedef struct score {
  int breaks, long_breaks; /* lines beyond a short term's one, beyond a longer one's three */
  long deep;               /* lines of rows beyond DEEP_LINES */
  int yielded;             /* headers of five to seven characters in two lines */
  long lines;
  int deepest, soft;
} score;

static void add_piece(balancer *b, piece p) {
  b->p = er_grow(b->p, b->np, &b->cap, sizeof *b->p, 256);
  b->p[b->np++] = p;
}

/* The cell's text as pieces between break opportunities, at the table's
 * size: from the glyphs it was measured with, kept (table.c), else made
 * again the same. */
static void make_pieces(balancer *b, const er_tcell *c) {
  const er_table *t = b->t;
  double scale = t->size / t->ref;
  er_glyphs made = {0};
  const er_glyphs *kept = &c->glyphs;
  if (!kept->items) {
    er_para_style ps = {.measure = 1e9, .wide_em = 1, .squeeze = true};
    const er_span *spans = c->nspans ? t->spans.items + c->span0 : NULL;
    er_glyphs_make(&made, er_typesetter_fonts(t->w->ts), er_typesetter_linebreaker(t->w->ts), spans,
                   c->nspans, &ps, t->w->d);
    kept = &made;
  }
  const er_glyphs g = *kept;
  piece cur = {0};
  bool any = false;
  double spaces = 0;
  for (size_t i = 0; i < g.n; i++) {
    const er_glyph *gl = &g.items[i];
    if (er_glyph_drawn(gl)) {
      double adv = er_glyph_natural(gl) * scale;
      if (gl->flags & ER_GLYPH_SPACE)
        spaces += adv;
      else {
        if (any)
          cur.width += spaces + adv;
        else {
          cur.space = spaces;
          cur.width = adv;
          any = true;
        }
        spaces = 0;
      }
    }
    if (gl->brk == ER_BREAK_NONE)
      continue;
    cur.hard = gl->brk == ER_BREAK_MANDATORY;
    if (any || cur.hard)
      add_piece(b, cur);
    if (cur.hard)
      spaces = 0;
    cur = (piece){0};
    any = false;
  }
  if (any)
    add_piece(b, cur);
  er_glyphs_free(&made);
}

/* The lines the pieces take at width u, filled greedily as the engine
 * fills them. */
static int count_lines(const piece *p, size_t n, double u) {
  if (n == 0)
    return 0;
  u = u > 1 ? u : 1;
  int lines = 1;
  double at = 0;
  bool empty = true;
  for (size_t i = 0; i < n; i++) {
    double add = empty ? p[i].width : p[i].space + p[i].width;
    if (!empty && at + add > u + EPS) {
      lines++;
      at = 0;
      empty = true;
      add = p[i].width;
    }
    if (empty && add > u + EPS) { /* a piece longer than the line: cut */
      int more = (int)ceil(add / u - EPS);
      lines += more - 1;
      add -= (more - 1) * u;
    }
    at += add;
    empty = p[i].width <= 0 && empty;
    if (p[i].hard && i + 1 < n) {
      lines++;
      at = 0;
      empty = true;
    }
  }
  return lines;
}

/* The lines of a cell when its columns have moved by `m` characters in
 * all. */
static int lines_at(balancer *b, bcell *bc, int m) {
  int k = bc->base + m;
  if (k < 0)
    k = 0;
  if (k >= b->nmemo)
    k = b->nmemo - 1;
  if (bc->memo[k] < 0) {
    int lines = count_lines(b->p + bc->p0, bc->np, bc->w0 + (k - bc->base) * b->step);
    bc->memo[k] = (short)(lines < 32767 ? lines : 32767);
  }
  return bc->memo[k];
}

static bool better(score a, score b) {
  if (a.breaks != b.breaks)
    return a.breaks < b.breaks;
  /* a line of a long header beyond its three, and a header of five to
   * seven in two lines, each weigh as a row's line beyond DEEP_LINES */
  long ca = a.deep + a.long_breaks + a.yielded, cb = b.deep + b.long_breaks + b.yielded;
  if (ca != cb)
    return ca < cb;
  if (a.yielded != b.yielded)
    return a.yielded < b.yielded;
  if (a.long_breaks != b.long_breaks)
    return a.long_breaks < b.long_breaks;
  if (a.lines != b.lines)
    return a.lines < b.lines;
  if (a.deepest != b.deepest)
    return a.deepest < b.deepest;
  return a.soft < b.soft;
}

/* The table judged with its columns moved by m[k] characters. */
static score judge(balancer *b, const int *m) {
  const er_table *t = b->t;
  score s = {0};
  for (int r = 0; r < t->nrows; r++)
    b->rowl[r] = 0;
  for (size_t i = 0; i < b->ncells; i++) {
    bcell *bc = &b->cells[i];
    const er_tcell *c = bc->c;
    int moved = 0;
    for (int k = c->col; k < c->col + c->cols; k++)
      moved += m[k];
    int lines = lines_at(b, bc, moved);
    if (bc->yields && lines == 2)
      s.yielded++;
    else if (bc->term > 0 && lines > bc->term)
      *(bc->term == 1 ? &s.breaks : &s.long_breaks) += lines - bc->term;
    s.soft += bc->soft && lines > 1;
    if (i < b->nsingle) {
      b->rowl[c->row] = lines > b->rowl[c->row] ? lines : b->rowl[c->row];
      continue;
    }
    if (b->stride > 1)
      continue; /* its rows are not all counted */
    int have = 0;
    for (int r = c->row; r < c->row + c->rows && r < t->nrows; r++)
      have += b->rowl[r] > 1 ? b->rowl[r] : 1;
    if (lines > have)
      s.lines += lines - have;
  }
  for (int r = 0; r < t->nrows; r += r < t->nhead ? 1 : b->stride) {
    int l = b->rowl[r] > 1 ? b->rowl[r] : 1;
    s.lines += l;
    s.deep += l > DEEP_LINES ? l - DEEP_LINES : 0;
    s.deepest = l > s.deepest ? l : s.deepest;
  }
  b->counted += (double)b->ncells;
  return s;
}

/* Which cells are judged and what each may take: every cell of a table
 * of up to SAMPLE_ROWS rows, else the header's and every stride-th row's. */
static void collect(balancer *b, const double *w) {
  const er_table *t = b->t;
  int body = t->nrows - t->nhead;
  b->stride = body > SAMPLE_ROWS ? (body + SAMPLE_ROWS - 1) / SAMPLE_ROWS : 1;
  b->cells = calloc(t->ncells ? t->ncells : 1, sizeof *b->cells);
  b->nmemo = (int)(t->width / b->step) + 4;
  if (!b->cells)
    abort();
  double scale = t->size / t->ref;
  /* cells of one row first (judge() needs their rows before the others);
   * empty ones count for nothing */
  for (size_t i = 0; i < 2 * t->ncells; i++) {
    const er_tcell *c = &t->cells[i % t->ncells];
    if (i == t->ncells)
      b->nsingle = b->ncells;
    if ((c->rows == 1) != (i < t->ncells) || c->nspans == 0)
      continue;
    if (c->row >= t->nhead && b->stride > 1 && (c->row - t->nhead) % b->stride)
      continue;
    bcell *bc = &b->cells[b->ncells];
    bc->c = c;
    bc->p0 = b->np;
    make_pieces(b, c);
    bc->np = b->np - bc->p0;
    if (bc->np == 0)
      continue;
    b->ncells++;
    double width = -2 * t->padx;
    for (int k = c->col; k < c->col + c->cols; k++)
      width += w[k];
    bc->w0 = width;
    bc->base = (int)floor(width / b->step) + 2;
    double chars = c->max0 * scale / t->size;
    int hard = 1;
    for (size_t k = bc->p0; k + 1 < b->np; k++)
      hard += b->p[k].hard;
    if (c->cols == 1 && hard == 1 && chars > 0) {
      if (c->header && c->rows > 1)
        bc->term = chars <= 3 * TERM_CHARS + 0.01 ? LABEL_LINES : 0;
      else if (c->header)
        bc->term = chars <= TERM_CHARS + 0.01       ? 1
                   : chars <= 2 * TERM_CHARS + 0.01 ? LABEL_LINES
                                                    : 0;
      else
        bc->term = chars <= TERM_BODY_CHARS + 0.01 ? 1 : 0;
      bc->yields = c->header && c->rows == 1 && bc->term == 1 && chars > TERM_BODY_CHARS + 0.01;
      bc->soft = chars <= TERM_CHARS + 0.01;
    }
    bc->memo = malloc((size_t)b->nmemo * sizeof *bc->memo);
    if (!bc->memo)
      abort();
    for (int k = 0; k < b->nmemo; k++)
      bc->memo[k] = -1;
  }
}

/* The steps each column can give with none of its cells taking a line
 * more (the pool, column n: all it has). */
static void spare_steps(balancer *b, const double *w, const double *floor_w, const int *m,
                        int *spare) {
  for (int k = 0; k <= b->n; k++) {
    spare[k] = 0;
    while (spare[k] < MOVE_MAX && w[k] + (m[k] - spare[k] - 1) * b->step >= floor_w[k] - EPS)
      spare[k]++;
  }
  for (size_t i = 0; i < b->ncells; i++) {
    bcell *bc = &b->cells[i];
    const er_tcell *c = bc->c;
    int moved = 0, most = 0;
    for (int k = c->col; k < c->col + c->cols; k++) {
      moved += m[k];
      most = spare[k] > most ? spare[k] : most;
    }
    if (bc->np == 0 || most == 0)
      continue;
    int lines = lines_at(b, bc, moved), a = 0;
    while (a < most && lines_at(b, bc, moved - a - 1) == lines)
      a++;
    for (int k = c->col; k < c->col + c->cols; k++)
      spare[k] = a < spare[k] ? a : spare[k];
  }
}

/* Which amounts of steps given to column r make one of its cells a line
 * shorter: the only ones worth judging (between them, r gains nothing
 * more while the columns giving lose more). False when none does. */
static bool gains(balancer *b, const int *m, int r, bool *useful) {
  bool any = false;
  for (int a = 0; a <= MOVE_MAX; a++)
    useful[a] = false;
  for (size_t i = 0; i < b->ncells; i++) {
    bcell *bc = &b->cells[i];
    const er_tcell *c = bc->c;
    if (r < c->col || r >= c->col + c->cols || bc->np == 0)
      continue;
    int moved = 0;
    for (int k = c->col; k < c->col + c->cols; k++)
      moved += m[k];
    int before = lines_at(b, bc, moved);
    for (int a = 1; a <= MOVE_MAX && before > 1; a++) {
      int lines = lines_at(b, bc, moved + a);
      if (lines < before) {
        useful[a] = any = true;
        before = lines;
      }
    }
  }
  return any;
}

/* The first of the spare steps taken for a move: the pool's, then each
 * column's in order. */
static int spare_order(int i, int n) { return i == 0 ? n : i - 1; }

void er_table_balance(const er_table *t, double *w, const double *min0) {
  int n = t->ncols;
  if (n < 2)
    return;
  bool wraps = false; /* nothing to gain where every cell keeps its lines */
  for (size_t i = 0; i < t->ncells && !wraps; i++) {
    const er_tcell *c = &t->cells[i];
    double width = -2 * t->padx;
    for (int k = c->col; k < c->col + c->cols; k++)
      width += w[k];
    wraps = c->max0 * t->size / t->ref > width + EPS;
  }
  if (!wraps)
    return;
  balancer b = {.t = t, .n = n, .step = t->size / 2};
  b.rowl = calloc((size_t)t->nrows, sizeof *b.rowl);
  /* the columns' widths on the grid of half characters, and what is left
   * over in a pool (column n) that gives first and comes back at the end
   * where it was taken */
  int *m = calloc((size_t)n + 1, sizeof *m);
  double *floor_w = calloc((size_t)n + 1, sizeof *floor_w), *g = calloc((size_t)n + 1, sizeof *g);
  if (!b.rowl || !m || !floor_w || !g)
    abort();
  double scale = t->size / t->ref, pool = 0;
  for (int k = 0; k < n; k++) { /* the widest unbreakable piece, and one character */
    floor_w[k] = fmax(min0[k] * scale, t->size) + 2 * t->padx;
    g[k] = floor((w[k] - 2 * t->padx) / b.step + EPS) * b.step + 2 * t->padx;
    g[k] = fmin(w[k], fmax(g[k], floor_w[k]));
    pool += w[k] - g[k];
  }
  g[n] = pool;
  collect(&b, g);
  score now = judge(&b, m);
  int *spare = calloc((size_t)n + 1, sizeof *spare), *dm = calloc((size_t)n + 1, sizeof *dm),
      *best_dm = calloc((size_t)n + 1, sizeof *best_dm);
  if (!spare || !dm || !best_dm)
    abort();
  bool moved = false, useful[MOVE_MAX + 1];
  while (b.counted < BUDGET) {
    spare_steps(&b, g, floor_w, m, spare);
    score best = now;
    bool found = false;
    for (int r = 0; r < n; r++) {
      if (!gains(&b, m, r, useful))
        continue;
      int free_steps = 0; /* what the others can give and lose no line */
      for (int k = 0; k <= n; k++)
        free_steps += k != r ? spare[k] : 0;
      for (int a = 1; a <= MOVE_MAX; a++) {
        if (!useful[a])
          continue;
        /* r takes a steps: from the spare steps alone when they are
         * enough (no column loses a line: no other move of a is better);
         * else from one column d, or from the spare steps and the rest
         * from d */
        int last = a <= free_steps ? -1 : n;
        for (int d = last < 0 ? -1 : 0; d <= last; d++)
          for (int pooled = 0; pooled < 2 && d != r; pooled++) {
            if (d < 0 && !pooled)
              continue;
            memset(dm, 0, ((size_t)n + 1) * sizeof *dm);
            int need = a;
            for (int i = 0; pooled && i <= n && need > 0; i++) {
              int k = spare_order(i, n);
              if (k != d && k != r) {
                int take = spare[k] < need ? spare[k] : need;
                dm[k] -= take;
                need -= take;
              }
            }
            if (d >= 0 && pooled && need == a)
              break; /* the same as from d alone */
            if (d >= 0) {
              dm[d] -= need;
              if (g[d] + (m[d] + dm[d]) * b.step < floor_w[d] - EPS)
                break;
            }
            dm[r] += a;
            for (int k = 0; k <= n; k++)
              m[k] += dm[k];
            score s = judge(&b, m);
            for (int k = 0; k <= n; k++)
              m[k] -= dm[k];
            if (better(s, best)) {
              best = s;
              found = true;
              memcpy(best_dm, dm, ((size_t)n + 1) * sizeof *dm);
            }
          }
      }
    }
    if (!found)
      break;
    for (int k = 0; k <= n; k++)
      m[k] += best_dm[k];
    now = best;
    moved = true;
  }
  if (moved) { /* the pool's rest back to the columns it came from */
    double left = g[n] + m[n] * b.step;
    for (int k = 0; k < n; k++)
      w[k] = g[k] + m[k] * b.step + (pool > EPS ? left * (w[k] - g[k]) / pool : left / n);
  }
  for (size_t i = 0; i < b.ncells; i++)
    free(b.cells[i].memo);
  free(b.cells);
  free(b.p);
  free(b.rowl);
  free(m);
  free(floor_w);
  free(g);
  free(spare);
  free(dm);
  free(best_dm);
}
