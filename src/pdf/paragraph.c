/* Paragraph layout (paragraph.h): glyphs (glyphs.c) are broken into lines
 * (linefit.c), then each line is placed: trimmed or stretched to the
 * measure, and cut into runs of glyphs that one text operator can draw. */
#include "pdf/paragraph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/linefit.h"

#define NONE ER_NONE

static size_t next_drawn(const er_glyphs *g, size_t k, size_t last) {
  for (k++; k <= last; k++)
    if (er_glyph_drawn(&g->items[k]))
      return k;
  return NONE;
}

/* Runs and lines are gathered on the stack while they fit there (a table
 * cell's few), then copied out at their size: one allocation each. */
#define STACK_RUNS 16
#define STACK_LINES 8
#define STACK_ORIGINS 128

typedef struct para_builder {
  er_para *para;
  size_t runs_cap, lines_cap;
  er_run runs[STACK_RUNS];
  er_line lines[STACK_LINES];
  double origins[STACK_ORIGINS];
} para_builder;

/* Room for one more item in *items (n of them, room for *cap; `stack`
 * with `stack_cap` for the first ones). */
static void grow(void **items, size_t n, size_t *cap, size_t size, void *stack, size_t stack_cap) {
  if (n < *cap)
    return;
  if (!*cap) {
    *items = stack;
    *cap = stack_cap;
    return;
  }
  void *more = malloc(2 * *cap * size);
  if (!more)
    abort();
  memcpy(more, *items, n * size);
  if (*items != stack)
    free(*items);
  *items = more;
  *cap *= 2;
}

static er_run *new_run(para_builder *b) {
  grow((void **)&b->para->runs, b->para->nruns, &b->runs_cap, sizeof *b->para->runs, b->runs,
       STACK_RUNS);
  return &b->para->runs[b->para->nruns++];
}

static er_line *new_line(para_builder *b) {
  grow((void **)&b->para->lines, b->para->nlines, &b->lines_cap, sizeof *b->para->lines, b->lines,
       STACK_LINES);
  er_line *line = &b->para->lines[b->para->nlines++];
  *line = (er_line){.first_run = b->para->nruns};
  return line;
}

/* The gathered items, at their size and the paragraph's own. */
static void *take(void *items, size_t n, size_t size, const void *stack) {
  if (items != stack) { /* grown beyond the stack, or none */
    if (!n) {
      free(items);
      return NULL;
    }
    void *fitted = realloc(items, n * size);
    return fitted ? fitted : items;
  }
  void *own = malloc(n * size);
  if (!own)
    abort();
  memcpy(own, items, n * size);
  return own;
}

/* Shrinks a grown array to its `n` items. */
static void fit(void *items, size_t n, size_t size) {
  void **p = items;
  void *fitted = n ? realloc(*p, n * size) : NULL;
  if (fitted)
    *p = fitted;
}

/* Stretch a gap between Han and Latin may take before the others, in em. */
#define HAN_LATIN_EM 0.25

/* A gap between a full-width character and a Latin letter or digit. */
static bool han_latin(const er_glyph *a, const er_glyph *b) {
  unsigned wide = ER_GLYPH_WIDE, other = ER_GLYPH_SPACE | ER_GLYPH_MARK;
  bool a_han = (a->flags & wide) && !(a->flags & ER_GLYPH_MARK),
       b_han = (b->flags & wide) && !(b->flags & ER_GLYPH_MARK);
  bool a_latin = !(a->flags & (wide | other)), b_latin = !(b->flags & (wide | other));
  return (a_han && b_latin) || (a_latin && b_han);
}

/* Places the glyphs of a line and cuts them into runs. */
static void set_line(para_builder *b, const er_glyphs *g, er_line_end end, double start,
                     double avail, const er_para_style *st) {
  size_t s = end.start;
  er_line *line = new_line(b);
  if (end.last == NONE)
    return;
  size_t last = end.last;
  /* trimming: the line's last mark first (行末), then all marks alike */
  double shrink = end.natural > avail ? end.natural - avail : 0;
  double end_trim = g->items[last].trim_r - g->items[last].fixed_r;
  double take_end = shrink < end_trim ? shrink : end_trim;
  double rest = end.trimmable - end_trim;
  double ratio = shrink > take_end && rest > 0 ? (shrink - take_end) / rest : 0;
  if (ratio > 1) /* an overfull line (a word longer than the measure): the marks lose no ink */
    ratio = 1;
  /* stretching: into the gaps beside full-width glyphs and after spaces */
  bool justify = st->align == ER_ALIGN_JUSTIFY && !end.forced && end.natural < avail;
  size_t gaps = 0, all_gaps = 0, mixed = 0;
  double em = 0;
  for (size_t k = s; justify && k <= last; k++) {
    size_t n = er_glyph_drawn(&g->items[k]) ? next_drawn(g, k, last) : NONE;
    if (n == NONE)
      continue;
    all_gaps++;
    gaps += er_gap_stretches(&g->items[k], &g->items[n]);
    mixed += han_latin(&g->items[k], &g->items[n]);
    em = g->items[k].size > em ? g->items[k].size : em;
  }
  bool letterspace = gaps == 0;
  double slack = justify ? avail - end.natural : 0;
  /* the stretch goes first to where Han meets Latin letters or digits,
   * up to a quarter em each (clreq), the rest to every gap alike */
  double per_mixed = mixed ? slack / (double)mixed : 0;
  if (per_mixed > HAN_LATIN_EM * em)
    per_mixed = HAN_LATIN_EM * em;
  slack -= per_mixed * (double)mixed;
  double per_gap = justify && (gaps || all_gaps) ? slack / (double)(gaps ? gaps : all_gaps) : 0;
  double pen = start;
  if (!justify && shrink == 0 && st->align == ER_ALIGN_CENTER)
    pen += (avail - end.natural) / 2;
  else if (!justify && shrink == 0 && st->align == ER_ALIGN_END)
    pen += avail - end.natural;
  /* each glyph's origin, and where its advance ends (before the stretch) */
  size_t count = last - s + 1;
  double *origin = 2 * count <= STACK_ORIGINS ? b->origins : malloc(2 * count * sizeof *origin);
  if (!origin)
    abort();
  double *ends = origin + count;
  for (size_t k = s; k <= last; k++) {
    const er_glyph *c = &g->items[k];
    if (!er_glyph_drawn(c))
      continue;
    double drop_l = c->fixed_l + (c->trim_l - c->fixed_l) * ratio;
    double drop_r = c->fixed_r + (k == last ? take_end : (c->trim_r - c->fixed_r) * ratio);
    origin[k - s] = pen - drop_l - c->shift;
    pen += c->adv - drop_l - drop_r;
    ends[k - s] = pen;
    size_t n = next_drawn(g, k, last);
    if (justify && n != NONE && (letterspace || er_gap_stretches(c, &g->items[n])))
      pen += per_gap;
    if (justify && n != NONE && han_latin(c, &g->items[n]))
      pen += per_mixed;
  }
  /* Runs: glyphs of one style whose spacing to the next glyph is the same,
   * so that each glyph's advance in the PDF (its width plus Tc, times Tz)
   * reaches the next glyph's origin exactly, across runs too: text
   * extraction then sees neither gaps nor overlaps inside a line. */
  er_run *run = NULL;
  for (size_t k = s; k <= last; k++) {
    const er_glyph *c = &g->items[k];
    if (!er_glyph_drawn(c)) {
      run = NULL;
      continue;
    }
    size_t n = next_drawn(g, k, last);
    bool free_space = n == NONE; /* the line's last glyph: its spacing is never seen */
    double space = free_space ? 0 : (origin[n - s] - origin[k - s]) / c->hscale - c->font_adv;
    bool joins = run && k > 0 && er_glyph_drawn(&g->items[k - 1]) && run->face == c->face &&
                 run->size == c->size && run->stroke == c->stroke && run->hscale == c->hscale &&
                 run->rise == c->rise && run->color == c->color &&
                 (free_space || fabs(space - run->char_space) < 1e-7);
    if (!joins) {
      run = new_run(b);
      *run = (er_run){.face = c->face,
                      .size = c->size,
                      .stroke = c->stroke,
                      .hscale = c->hscale,
                      .rise = c->rise,
                      .color = c->color,
                      .x = origin[k - s],
                      .char_space = space,
                      .start = c->off};
      line->nruns++;
    }
    run->len = c->off + c->len - run->start;
    run->width = ends[k - s] - run->x;
    run->flow = origin[k - s] - run->x + (c->font_adv + run->char_space) * c->hscale;
    if (c->size > line->size)
      line->size = c->size;
  }
  if (origin != b->origins)
    free(origin);
  line->width = pen;
  line->justified = justify || shrink > 0;
}

bool er_para_layout(er_para *out, er_fontset *fonts, er_linebreaker *lb, const er_span *spans,
                    size_t nspans, const er_para_style *style, er_diag *d) {
  er_glyphs g;
  bool ok = er_glyphs_make(&g, fonts, lb, spans, nspans, style, d);
  er_para_layout_glyphs(out, &g, style, nspans ? spans[0].size : 0);
  return ok;
}

void er_para_layout_glyphs(er_para *out, er_glyphs *g, const er_para_style *style,
                           double empty_size) {
  memset(out, 0, sizeof *out);
  para_builder b;
  b.para = out;
  b.runs_cap = b.lines_cap = 0;
  size_t count;
  er_line_end *ends = er_fit_lines(g, style, &count);
  for (size_t l = 0; l < count; l++) {
    double start = l == 0 ? style->indent : 0;
    set_line(&b, g, ends[l], start, style->measure - start, style);
    if (ends[l].next > 0 && ends[l].next <= g->n && g->items[ends[l].next - 1].brk == ER_BREAK_NONE)
      out->cut = true;
  }
  free(ends);
  if (out->nlines == 0) {
    er_line *line = new_line(&b);
    line->size = empty_size;
  }
  out->text = g->text;
  out->len = g->len;
  g->text = NULL;
  er_glyphs_free(g);
  /* no spare room: a table holds every cell's layout until it is placed */
  out->runs = take(out->runs, out->nruns, sizeof *out->runs, b.runs);
  out->lines = take(out->lines, out->nlines, sizeof *out->lines, b.lines);
  if (out->text)
    fit(&out->text, out->len + 1, 1);
}

void er_para_free(er_para *para) {
  free(para->text);
  free(para->runs);
  free(para->lines);
  memset(para, 0, sizeof *para);
}
