/* Where lines end: total fit for justified text, greedy otherwise
 * (linefit.h). */
#include "pdf/linefit.h"

#include <float.h>
#include <stdlib.h>

#include "model/grow.h"

#define EPS 1e-6
/* Stretch per gap, in em, at which a line counts as very loose (badness
 * 100): beyond 0.1 em a line leaves the grid's columns visibly, so the
 * looseness an amount makes unavoidable goes to one line, not to all. */
#define LOOSE_GAP_EM 0.1
#define BADNESS_MAX 10000.0
/* Demerits of a last line holding a single character (孤字). */
#define LONE_CHARACTER 2500.0
/* Demerits of ending a line between a number and its unit (30.00|万元):
 * taken when keeping them together would stretch the line before by more
 * than about 0.1 em a gap. */
#define UNIT_BREAK 10.0

/* A line growing glyph by glyph from its start. */
typedef struct scan {
  double width, spaces, trim, size; /* pt; width and trim up to the last non-space */
  size_t last, prev;                /* last non-space drawn glyph, last drawn one */
  size_t gaps, all_gaps;            /* gaps up to `last`: stretchable, all */
  size_t run_gaps, run_all;         /* the same up to `prev` */
  size_t chars;                     /* drawn glyphs up to `last` that are not marks */
} scan;

static void scan_start(scan *sc) { *sc = (scan){.last = ER_NONE, .prev = ER_NONE}; }

static void scan_add(scan *sc, const er_glyphs *g, size_t j, bool squeeze) {
  const er_glyph *c = &g->items[j];
  if (!er_glyph_drawn(c))
    return;
  if (sc->prev != ER_NONE) {
    sc->run_all++;
    sc->run_gaps += er_gap_stretches(&g->items[sc->prev], c);
  }
  sc->prev = j;
  if (c->flags & ER_GLYPH_SPACE) {
    sc->spaces += er_glyph_natural(c);
    return;
  }
  sc->width += sc->spaces + er_glyph_natural(c);
  sc->spaces = 0;
  /* only the line's last mark may lose its blank half (行末); a lone mark
   * inside a line keeps its width: squeezed, its ink would touch the next
   * character (、 reaches past the middle of its box in many fonts), and
   * marks that meet are squeezed already (fixed_l, fixed_r) */
  sc->trim = squeeze ? c->trim_r - c->fixed_r : 0;
  sc->size = c->size > sc->size ? c->size : sc->size;
  sc->chars += !(c->flags & ER_GLYPH_MARK);
  sc->last = j;
  sc->gaps = sc->run_gaps;
  sc->all_gaps = sc->run_all;
}

/* ---- greedy ---- */

/* The line starting at s that is best within `avail` points. */
static er_line_end greedy_end(const er_glyphs *g, size_t s, double avail, bool squeeze) {
  scan sc;
  scan_start(&sc);
  er_line_end fit = {.start = s, .last = ER_NONE, .next = ER_NONE}, push = fit, cut = fit;
  for (size_t j = s; j < g->n; j++) {
    const er_glyph *c = &g->items[j];
    scan_add(&sc, g, j, squeeze);
    if (sc.width - sc.trim > avail + EPS)
      break; /* wider with every glyph: nothing further fits */
    er_line_end here = {s, sc.last, j + 1, sc.width, sc.trim, c->brk == ER_BREAK_MANDATORY};
    if (sc.width <= avail + EPS)
      cut = here;
    if (c->brk != ER_BREAK_NONE && (sc.last != ER_NONE || here.forced)) {
      if (sc.width <= avail + EPS)
        fit = here;
      push = here;
      if (here.forced)
        break;
    }
  }
  if (push.next != ER_NONE && (fit.next == ER_NONE || push.next > fit.next))
    return push; /* 推入: trimming marks keeps the line's break */
  if (fit.next != ER_NONE)
    return fit;
  if (cut.next != ER_NONE && cut.last != ER_NONE)
    return cut;                                                   /* no break fits: cut the word */
  er_line_end one = {.start = s, .last = ER_NONE, .next = s + 1}; /* one glyph, overfull */
  for (size_t j = s; j < g->n && one.last == ER_NONE; j++) {
    one.next = j + 1;
    if (er_glyph_drawn(&g->items[j])) {
      one.last = j;
      one.natural = er_glyph_natural(&g->items[j]);
    }
  }
  one.forced = one.next >= g->n;
  return one;
}

static size_t skip_spaces(const er_glyphs *g, size_t s) {
  while (s < g->n && g->items[s].flags & ER_GLYPH_SPACE)
    s++;
  return s;
}

static void push_line(er_line_end **lines, size_t *n, size_t *cap, er_line_end e) {
  *lines = er_grow(*lines, *n, cap, sizeof **lines, 8);
  (*lines)[(*n)++] = e;
}

static er_line_end *fit_greedy(const er_glyphs *g, const er_para_style *st, size_t *count) {
  er_line_end *lines = NULL;
  size_t n = 0, cap = 0;
  for (size_t s = 0; s < g->n;) {
    if (n > 0 && (s = skip_spaces(g, s)) >= g->n)
      break; /* a line never starts with the spaces it was broken at */
    double avail = st->measure - (n == 0 ? st->indent : 0);
    er_line_end e = greedy_end(g, s, avail, st->squeeze);
    push_line(&lines, &n, &cap, e);
    s = e.next;
  }
  *count = n;
  return lines;
}

/* ---- total fit ---- */

static double badness(const er_glyphs *g, const scan *sc, const er_line_end *e, double avail) {
  if (e->natural <= avail + EPS) {
    double slack = avail - e->natural;
    if (e->forced || slack <= EPS)
      return 0;
    size_t gaps = sc->gaps ? sc->gaps : sc->all_gaps;
    if (gaps == 0)
      return BADNESS_MAX;
    double r = slack / (double)gaps / (LOOSE_GAP_EM * sc->size);
    return r > 4.6 ? BADNESS_MAX : 100 * r * r * r;
  }
  /* too long by no more than its marks' blank halves: the last one is free */
  const er_glyph *last = &g->items[e->last];
  double end_trim = last->trim_r - last->fixed_r;
  double rest = e->natural - avail - end_trim;
  if (rest <= EPS)
    return 0;
  double room = e->trimmable - end_trim;
  if (room <= EPS)
    return BADNESS_MAX;
  double r = rest / room;
  return 100 * r * r * r;
}

static er_line_end *fit_total(const er_glyphs *g, const er_para_style *st, size_t *count) {
  size_t n = g->n, tail = 0;
  for (size_t i = 0; i < n; i++)
    if (er_glyph_drawn(&g->items[i]) && !(g->items[i].flags & ER_GLYPH_SPACE))
      tail = i + 1; /* after the last glyph that shows */
  double *best = malloc((n + 1) * sizeof *best);
  size_t *from = calloc(n + 1, sizeof *from);
  er_line_end *ends = calloc(n + 1, sizeof *ends);
  if (!best || !from || !ends)
    abort();
  for (size_t i = 0; i <= n; i++)
    best[i] = DBL_MAX;
  best[0] = 0;
  for (size_t b = 0; b < n; b++) {
    if (best[b] == DBL_MAX)
      continue;
    size_t s = b > 0 ? skip_spaces(g, b) : 0;
    double avail = st->measure - (b == 0 ? st->indent : 0);
    scan sc;
    scan_start(&sc);
    for (size_t j = s; j < n; j++) {
      const er_glyph *c = &g->items[j];
      scan_add(&sc, g, j, st->squeeze);
      if (sc.width - sc.trim > avail + EPS)
        break;
      bool unit = c->flags & ER_GLYPH_UNIT_BREAK;
      if (c->brk == ER_BREAK_NONE && !unit)
        continue;
      size_t next = j + 1 >= tail ? n : j + 1;
      er_line_end e = {s,        sc.last, next,
                       sc.width, sc.trim, c->brk == ER_BREAK_MANDATORY || next == n};
      if (e.last == ER_NONE && !e.forced)
        continue; /* nothing but spaces */
      double bad = badness(g, &sc, &e, avail);
      double demerits = (1 + bad) * (1 + bad);
      if (next == n && b > 0 && sc.chars < 2)
        demerits += LONE_CHARACTER;
      if (unit)
        demerits += UNIT_BREAK;
      if (best[b] + demerits < best[next]) {
        best[next] = best[b] + demerits;
        from[next] = b;
        ends[next] = e;
      }
      if (c->brk == ER_BREAK_MANDATORY)
        break;
    }
  }
  er_line_end *lines = NULL;
  size_t count_ = 0;
  if (best[n] < DBL_MAX) {
    for (size_t k = n; k > 0; k = from[k])
      count_++;
    lines = malloc(count_ * sizeof *lines);
    if (!lines)
      abort();
    size_t i = count_;
    for (size_t k = n; k > 0; k = from[k])
      lines[--i] = ends[k];
  }
  free(best);
  free(from);
  free(ends);
  *count = count_;
  return lines;
}

er_line_end *er_fit_lines(const er_glyphs *g, const er_para_style *style, size_t *count) {
  if (style->align == ER_ALIGN_JUSTIFY && g->n > 0) {
    er_line_end *lines = fit_total(g, style, count);
    if (lines)
      return lines;
  }
  return fit_greedy(g, style, count);
}
