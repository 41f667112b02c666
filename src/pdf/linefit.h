/* Choosing where a paragraph's lines end (internal to paragraph layout).
 *
 * Justified text is broken by total fit, as TeX does: of all the ways to
 * break the paragraph at allowed breaks, the one whose lines are least
 * stretched or trimmed overall, with a penalty for a last line of a single
 * character (孤字). On a grid of full-width characters every full line fits
 * exactly, so this only decides around numbers, Latin words and 禁则, where
 * it spreads the slack over neighbouring lines instead of leaving one line
 * letter-spaced. A line may end too long by no more than the blank half of
 * its last mark, which is then trimmed (推入, for free); marks inside a line
 * are squeezed only where two meet.
 *
 * Other alignments, and a paragraph whose word is longer than a line, are
 * filled greedily: each line takes what fits (推入 before 推出). */
#ifndef ER_PDF_LINEFIT_H
#define ER_PDF_LINEFIT_H

#include "pdf/glyphs.h"

#define ER_NONE ((size_t)-1)

typedef struct er_line_end {
  size_t start;     /* the line's first glyph */
  size_t last;      /* its last drawn glyph, ER_NONE for a line with none */
  size_t next;      /* where the next line starts */
  double natural;   /* width with the fixed trims only, pt */
  double trimmable; /* what trimming its last mark could take off, pt */
  bool forced;      /* ends at a mandatory break or the end: not stretched */
} er_line_end;

static inline bool er_glyph_drawn(const er_glyph *g) { return !(g->flags & ER_GLYPH_HIDDEN); }

/* Whether justification may widen the gap between two glyphs: beside a
 * full-width one, or after a space, never inside a Latin word, a number,
 * a —— or a ……. */
static inline bool er_gap_stretches(const er_glyph *a, const er_glyph *b) {
  if (a->flags & b->flags & ER_GLYPH_DOUBLED && a->cp == b->cp)
    return false;
  return ((a->flags | b->flags) & ER_GLYPH_WIDE) || (a->flags & ER_GLYPH_SPACE);
}

/* The lines of the paragraph; *count of them. `indent` narrows the first.
 * Free with free(). */
er_line_end *er_fit_lines(const er_glyphs *g, const er_para_style *style, size_t *count);

#endif
