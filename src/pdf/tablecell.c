/* A cell's lines chosen again (table.h), from the glyphs the cell was laid
 * out from: between words where that costs no line and little
 * raggedness (区困难群众救助|补助资金, not …补|助资金), and never one
 * character alone on the last line (组织保障|到位, not 组织保障到|位), a
 * widow in a cell as in the body. Only the break flags or the measure
 * differ from the first layout, so nothing is shaped again. */
#include "pdf/table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#define RAGGED_EM 2.0 /* a line broken between words falls short by at most */
#define EPS 1e-6

/* The cell's lines from a copy of glyphs g (er_para_layout_glyphs takes
 * its glyphs over). */
static void lay_out(const er_tcell *c, er_para *out, const er_glyphs *g, const er_para_style *ps) {
  er_glyphs copy;
  er_glyphs_copy(&copy, g);
  er_para_layout_glyphs(out, &copy, ps, c->empty_size);
}

/* ---- between words ---- */

/* How far the lines before the last fall short of the measure, at most. */
static double shortfall(const er_para *p, double measure) {
  double most = 0;
  for (size_t l = 0; l + 1 < p->nlines; l++)
    most = fmax(most, measure - p->lines[l].width);
  return most;
}

/* Whether a line ends between two Han characters: perhaps inside a word
 * (after punctuation, at a space, it does not). */
static bool breaks_between_han(const er_para *p) {
  for (size_t l = 0; l + 1 < p->nlines; l++) {
    const er_line *a = &p->lines[l], *b = &p->lines[l + 1];
    if (a->nruns == 0 || b->nruns == 0)
      continue;
    const er_run *end = &p->runs[a->first_run + a->nruns - 1], *next = &p->runs[b->first_run];
    int32_t i = (int32_t)(end->start + end->len), j = (int32_t)next->start;
    UChar32 last, first;
    U8_PREV(p->text, 0, i, last);
    U8_NEXT(p->text, j, (int32_t)p->len, first);
    if (er_is_han((uint32_t)last) && er_is_han((uint32_t)first))
      return true;
  }
  return false;
}

/* The glyphs' breaks narrowed to those between words, as er_glyphs_make
 * sets them for a style with phrases. */
static bool phrase_breaks(er_linebreaker *lb, er_glyphs *g) {
  uint32_t *cps = malloc((g->n ? g->n : 1) * sizeof *cps);
  uint8_t *breaks = malloc(g->n ? g->n : 1);
  if (!cps || !breaks)
    abort();
  for (size_t i = 0; i < g->n; i++) {
    cps[i] = g->items[i].cp;
    breaks[i] = g->items[i].brk;
  }
  bool ok = er_phrase_breaks(lb, cps, g->n, breaks);
  for (size_t i = 0; ok && i < g->n; i++)
    g->items[i].brk = breaks[i];
  free(cps);
  free(breaks);
  return ok;
}

bool er_table_prefer_word_breaks(er_table *t, er_tcell *c, const er_para_style *ps) {
  if (!c->glyphs.items || c->para.nlines < 2 || c->para.cut || !breaks_between_han(&c->para))
    return false;
  er_glyphs words;
  er_glyphs_copy(&words, &c->glyphs);
  if (!phrase_breaks(er_typesetter_linebreaker(t->w->ts), &words)) {
    er_glyphs_free(&words);
    return false;
  }
  /* where that takes no more lines and leaves no line much shorter than
   * breaking anywhere */
  er_para alt;
  lay_out(c, &alt, &words, ps);
  double limit = fmax(shortfall(&c->para, ps->measure), fmin(RAGGED_EM * t->size, ps->measure / 2));
  if (alt.cut || alt.nlines > c->para.nlines || shortfall(&alt, ps->measure) > limit + EPS) {
    er_para_free(&alt);
    er_glyphs_free(&words);
    return false;
  }
  er_para_free(&c->para);
  c->para = alt;
  er_glyphs_free(&c->glyphs);
  c->glyphs = words; /* the lone-character pass keeps to words too */
  c->words = true;
  return true;
}

/* ---- no character alone ---- */

/* Whether the last line holds a single character, marks and spaces aside
 * (位, 位。), after a line that did not end at a forced break. */
static bool lone_last_char(const er_para *p) {
  if (p->nlines < 2)
    return false;
  const er_line *l = &p->lines[p->nlines - 1];
  if (l->nruns == 0)
    return false;
  const er_run *a = &p->runs[l->first_run], *z = &p->runs[l->first_run + l->nruns - 1];
  int32_t i = (int32_t)a->start, end = (int32_t)(z->start + z->len);
  if (i > 0) {
    int32_t j = i;
    UChar32 before;
    U8_PREV(p->text, 0, j, before);
    if (before == '\n' || before == 0x2028 || before == 0x2029)
      return false;
  }
  int chars = 0;
  while (i < end) {
    UChar32 ch;
    U8_NEXT(p->text, i, end, ch);
    chars += !u_ispunct(ch) && !u_isUWhiteSpace(ch) && ch != 0x200B;
  }
  return chars == 1;
}

/* Moves the lines of a paragraph set at a measure `less` narrower to
 * where the full measure's alignment puts them. */
static void realign(er_para *p, er_align align, double less) {
  double dx = align == ER_ALIGN_CENTER ? less / 2 : align == ER_ALIGN_END ? less : 0;
  for (size_t i = 0; i < p->nruns && dx != 0; i++)
    p->runs[i].x += dx;
  for (size_t l = 0; l < p->nlines && dx != 0; l++)
    p->lines[l].width += dx;
}

bool er_table_no_lone_char(er_table *t, er_tcell *c, const er_para_style *ps) {
  if (!c->glyphs.items || c->para.cut || !lone_last_char(&c->para))
    return false;
  /* a character, or better the word, pulled down by a measure a character
   * or more narrower: at the same lines when some measure gives them,
   * else at one line more */
  er_glyphs words = {0};
  if (!c->words) {
    er_glyphs_copy(&words, &c->glyphs);
    if (!phrase_breaks(er_typesetter_linebreaker(t->w->ts), &words))
      er_glyphs_free(&words);
  }
  const er_glyphs *tries[2] = {words.items ? &words : NULL, &c->glyphs};
  size_t lines = c->para.nlines;
  bool done = false;
  for (size_t more = 0; more <= 1 && !done; more++)
    for (int k = 1; !done; k++) {
      er_para_style narrow = *ps;
      narrow.measure = ps->measure - k * t->size;
      if (narrow.measure < t->size - EPS)
        break;
      bool over = false;
      for (int i = 0; i < 2 && !done; i++) {
        if (!tries[i])
          continue;
        er_para alt;
        lay_out(c, &alt, tries[i], &narrow);
        over = alt.cut || alt.nlines > lines + more;
        if (!over && !lone_last_char(&alt)) {
          realign(&alt, ps->align, ps->measure - narrow.measure);
          er_para_free(&c->para);
          c->para = alt;
          done = true;
        } else
          er_para_free(&alt);
      }
      if (over) /* the characters' own breaks: narrower takes more lines still */
        break;
    }
  er_glyphs_free(&words);
  return done;
}
