/* Balanced lines for titles and captions (er_para_layout_balanced in
 * paragraph.h). GB/T 9704 §7.3.1 asks a title that runs over several lines
 * to keep each phrase whole (词意完整) and its lines of even length
 * (排列对称). Each boundary where a line may end gets a cost, higher
 * inside a phrase than where one ends (er_phrase_cost, src/doc), and the
 * lines — as many as the title needs — are chosen to make the costs plus
 * the spread of their lengths least (a dynamic programme over the
 * boundaries). Full lines for the 附件 list and contents entries
 * (er_para_layout_phrased) are chosen the same way, their slack in place
 * of the spread. */
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "doc/linebreak.h"
#include "pdf/glyphs.h"
#include "pdf/paragraph.h"

/* Past this many lines a title is a paragraph: balancing its lines would
 * cost time and memory (lines × glyphs) for no symmetry anyone sees. */
#define BALANCED_LINES_MAX 12

/* The lines' last glyphs, `lines` of them, or false when the text cannot
 * be set in that many lines of `measure`: of even length (a title), or,
 * when `fill`, as full as they can be but for the last (an entry of a
 * list, aligned to its start), the first line `indent` in (less than 0:
 * hanging). */
static bool choose(const er_glyphs *g, size_t lines, double measure, double indent, double em,
                   bool fill, size_t *last) {
  size_t n = g->n;
  double *x = malloc((n + 1) * sizeof *x); /* natural advance before glyph i */
  double *brk = malloc(n * sizeof *brk);   /* cost of ending a line after i; < 0: none */
  double *best = malloc((lines + 1) * (n + 1) * sizeof *best);
  size_t *from = malloc((lines + 1) * (n + 1) * sizeof *from);
  if (!x || !brk || !best || !from)
    abort();
  uint32_t *cps = malloc((n ? n : 1) * sizeof *cps);
  uint8_t *breaks = malloc(n ? n : 1);
  if (!cps || !breaks)
    abort();
  for (size_t i = 0; i < n; i++) {
    cps[i] = g->items[i].cp;
    breaks[i] = g->items[i].brk;
  }
  x[0] = 0;
  int depth = 0;
  for (size_t i = 0; i < n; i++) {
    const er_glyph *gl = &g->items[i];
    x[i + 1] = x[i] + (gl->flags & ER_GLYPH_HIDDEN ? 0 : er_glyph_natural(gl));
    depth = er_phrase_depth(depth, gl->cp);
    brk[i] = -1;
    if (i + 1 == n || (fill && gl->brk == ER_BREAK_MANDATORY))
      brk[i] = 0; /* the end, or a line break of the text's own (<br/>) */
    else if (gl->brk == ER_BREAK_ALLOWED)
      brk[i] = er_phrase_cost(cps, breaks, n, i, depth);
  }
  free(cps);
  free(breaks);
  double total = x[n] / em, mean = total / (double)lines;
#define AT(k, j) ((k) * (n + 1) + (j))
  for (size_t k = 0; k <= lines; k++)
    for (size_t j = 0; j <= n; j++)
      best[AT(k, j)] = DBL_MAX;
  best[AT(0, 0)] = 0;
  for (size_t k = 1; k <= lines; k++)
    for (size_t j = 1; j <= n; j++) {
      if (brk[j - 1] < 0)
        continue;
      size_t e = j;
      while (e > 0 && (g->items[e - 1].flags & ER_GLYPH_SPACE))
        e--; /* a line's end drops its spaces */
      bool forced = j < n && g->items[j - 1].brk == ER_BREAK_MANDATORY;
      for (size_t s = j; s-- > 0;) { /* the line holds glyphs s … j−1 */
        if (fill && s + 1 < j && g->items[s].brk == ER_BREAK_MANDATORY)
          break; /* a line goes no further back than the text's own break */
        double w = x[e > s ? e : s] - x[s], room = measure - (k == 1 ? indent : 0);
        if (fill && e > s)
          w -= g->items[e - 1].trim_r; /* a mark's blank half at the line's end is dropped */
        if (w > room + 1e-6)
          break; /* longer still as s goes down: a line's worth of s, not all */
        if (best[AT(k - 1, s)] == DBL_MAX)
          continue;
        double dev = !fill ? w / em - mean : k < lines && !forced ? (room - w) / em : 0;
        double c = best[AT(k - 1, s)] + dev * dev + brk[j - 1];
        if (c < best[AT(k, j)]) {
          best[AT(k, j)] = c;
          from[AT(k, j)] = s;
        }
      }
    }
  bool ok = best[AT(lines, n)] < DBL_MAX;
  if (ok)
    for (size_t k = lines, j = n; k > 0; k--) {
      last[k - 1] = j - 1;
      j = from[AT(k, j)];
    }
#undef AT
  free(x);
  free(brk);
  free(best);
  free(from);
  return ok;
}

/* The narrowest measure that keeps the lines of a first layout: the old
 * way, for text that `choose` cannot set. */
static bool narrowest(er_para *out, er_fontset *fonts, er_linebreaker *lb, const er_span *spans,
                      size_t nspans, er_para_style *ps, double measure, er_diag *d, double *inset) {
  size_t lines = out->nlines;
  bool cut = out->cut;
  double lo = measure / (double)lines, hi = measure;
  while (hi - lo > 0.5) {
    double mid = (lo + hi) / 2;
    er_para trial;
    ps->measure = mid;
    er_para_layout(&trial, fonts, lb, spans, nspans, ps, d);
    if (trial.nlines <= lines && (cut || !trial.cut))
      hi = mid;
    else
      lo = mid;
    er_para_free(&trial);
  }
  er_para_free(out);
  ps->measure = hi;
  *inset = (measure - hi) / 2;
  return er_para_layout(out, fonts, lb, spans, nspans, ps, d);
}

bool er_para_layout_balanced(er_para *out, er_fontset *fonts, er_linebreaker *lb,
                             const er_span *spans, size_t nspans, const er_para_style *style,
                             er_diag *d, double *inset) {
  *inset = 0;
  er_para_style ps = *style;
  ps.phrases = true; /* 词意完整 */
  bool ok = er_para_layout(out, fonts, lb, spans, nspans, &ps, d);
  if (!ok || out->nlines < 2 || out->nlines > BALANCED_LINES_MAX)
    return ok;
  er_glyphs g;
  ok = er_glyphs_make(&g, fonts, lb, spans, nspans, &ps, d);
  size_t lines = out->nlines;
  size_t *last = malloc(lines * sizeof *last);
  uint8_t *ends = calloc(g.n ? g.n : 1, 1); /* 1 after a line's last glyph */
  if (!last || !ends)
    abort();
  bool chosen = ok && !out->cut && g.n > 0 && nspans > 0 && spans[0].size > 0 &&
                choose(&g, lines, style->measure, 0, spans[0].size, false, last);
  double widest = 0;
  if (chosen) {
    /* set at the widest chosen line, each line ending where chosen */
    size_t s = 0;
    for (size_t k = 0; k < lines; k++) {
      double w = 0;
      for (size_t i = s; i <= last[k]; i++)
        w += g.items[i].flags & ER_GLYPH_HIDDEN ? 0 : er_glyph_natural(&g.items[i]);
      w -= g.items[last[k]].trim_r; /* a mark's blank half at the line's end is dropped */
      if (w > widest)
        widest = w;
      ends[last[k]] = 1;
      s = last[k] + 1;
    }
  }
  size_t n = g.n;
  er_glyphs_free(&g);
  free(last);
  if (chosen) {
    er_para trial;
    ps.measure = widest + 0.01 < style->measure ? widest + 0.01 : style->measure;
    ps.line_ends = ends;
    ps.nline_ends = n;
    ok = er_para_layout(&trial, fonts, lb, spans, nspans, &ps, d);
    ps.line_ends = NULL;
    if (ok && trial.nlines == lines && !trial.cut) {
      er_para_free(out);
      *out = trial;
      *inset = (style->measure - ps.measure) / 2;
      free(ends);
      return true;
    }
    er_para_free(&trial);
  }
  free(ends);
  return narrowest(out, fonts, lb, spans, nspans, &ps, style->measure, d, inset);
}

bool er_para_layout_phrased(er_para *out, er_fontset *fonts, er_linebreaker *lb,
                            const er_span *spans, size_t nspans, const er_para_style *style,
                            er_diag *d) {
  er_para_style ps = *style;
  ps.phrases = true;
  bool ok = er_para_layout(out, fonts, lb, spans, nspans, &ps, d);
  if (!ok || out->nlines < 2 || out->nlines > BALANCED_LINES_MAX || out->cut || nspans == 0 ||
      spans[0].size <= 0)
    return ok;
  er_glyphs g;
  if (!er_glyphs_make(&g, fonts, lb, spans, nspans, &ps, d)) {
    er_glyphs_free(&g);
    return ok;
  }
  size_t lines = out->nlines, n = g.n;
  size_t *last = malloc(lines * sizeof *last);
  uint8_t *ends = calloc(n ? n : 1, 1);
  if (!last || !ends)
    abort();
  bool chosen = n > 0 && choose(&g, lines, ps.measure, ps.indent, spans[0].size, true, last);
  for (size_t k = 0; chosen && k < lines; k++)
    ends[last[k]] = 1;
  er_glyphs_free(&g);
  free(last);
  if (chosen) {
    er_para trial;
    ps.line_ends = ends;
    ps.nline_ends = n;
    if (er_para_layout(&trial, fonts, lb, spans, nspans, &ps, d) && trial.nlines == lines &&
        !trial.cut) {
      er_para_free(out);
      *out = trial;
    } else
      er_para_free(&trial);
  }
  free(ends);
  return ok;
}
