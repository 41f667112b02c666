/* The glyphs of a paragraph before it is broken into lines: each
 * character with the face that draws it, its advance, whether it is
 * full-width, which blank half of it may be trimmed (标点挤压), and
 * whether a line may end after it. Internal to paragraph layout. */
#ifndef ER_PDF_GLYPHS_H
#define ER_PDF_GLYPHS_H

#include "pdf/paragraph.h"

enum {
  ER_GLYPH_WIDE = 1u << 0,   /* full-width: on the grid, stretchable beside it */
  ER_GLYPH_SPACE = 1u << 1,  /* a space: stretchable, dropped at a line's end */
  ER_GLYPH_HIDDEN = 1u << 2, /* not drawn, no advance: controls, zero-width characters */
  ER_GLYPH_MARK = 1u << 3,   /* a punctuation mark */
  ER_GLYPH_DOUBLED = 1u << 4, /* half of a —— or ……: no stretch inside, a dash drawn unbroken */
  ER_GLYPH_UNIT_BREAK = 1u << 5, /* a number ends, its unit follows: justified text may end a
                                    line here at a cost (er_unit_breaks) */
};

typedef struct er_glyph {
  uint32_t cp;
  size_t off, len; /* bytes of the text buffer */
  int face;
  uint32_t gid;
  double size, stroke;     /* pt */
  double font_adv;         /* the advance the PDF gives the glyph, pt */
  double adv;              /* its advance in the layout (the grid's for full-width), pt */
  double trim_l, trim_r;   /* blank halves that may be dropped, pt */
  double fixed_l, fixed_r; /* the parts dropped because two marks meet, pt */
  double hscale;           /* horizontal scale it is drawn at (1: none) */
  double shift;            /* drawn this far left of its place, pt */
  double rise;             /* baseline shift up, pt (the span's) */
  uint32_t color;          /* 0xRRGGBB (the span's) */
  unsigned flags;
  uint8_t brk; /* er_break after this glyph */
} er_glyph;

typedef struct er_glyphs {
  char *text; /* the spans' text, invalid UTF-8 and characters beyond the BMP as U+FFFD */
  size_t len;
  er_glyph *items;
  size_t n;
} er_glyphs;

/* Synthetic bold stroke for bold spans, in em. */
#define ER_BOLD_STROKE_EM 0.03

bool er_glyphs_make(er_glyphs *out, er_fontset *fonts, er_linebreaker *lb, const er_span *spans,
                    size_t nspans, const er_para_style *style, er_diag *d);
void er_glyphs_free(er_glyphs *g);
/* A copy of `from` into `to`, to free with er_glyphs_free (glyphcache.c). */
void er_glyphs_copy(er_glyphs *to, const er_glyphs *from);

/* er_para_layout from glyphs already made of the spans in a style that
 * makes the same glyphs (the same wide_em, squeeze, phrases and line
 * ends): `g` is taken over and freed; `empty_size` is the first span's
 * size (the height of an empty paragraph's line), 0 without spans. */
void er_para_layout_glyphs(er_para *out, er_glyphs *g, const er_para_style *style,
                           double empty_size);

/* The advance a glyph takes when nothing is trimmed beyond the fixed parts. */
static inline double er_glyph_natural(const er_glyph *g) {
  return g->adv - g->fixed_l - g->fixed_r;
}

#endif
