/* Paragraph layout: styled text → lines of positioned glyph runs.
 *
 * Chinese rules, as a typesetter sets them:
 *  - full-width characters sit on a grid: each advances `wide_em` of its
 *    size (GB/T 9704: 28 三号 characters in 156 mm, so 156 mm / 28 / 16 pt);
 *    Latin letters and digits keep their own widths from the font;
 *  - lines break only where linebreak.h allows (禁则, whole numbers);
 *  - justified lines reach both edges: the slack goes into the gaps beside
 *    full-width characters and after spaces, never inside a Latin word or
 *    a number;
 *  - 标点挤压: where two full-width marks meet, the blank half of one of
 *    them is dropped (。” ）， 》《); when a line is too long by no more than
 *    the blank halves of its marks, they are trimmed to keep the
 *    character that does not fit (推入) rather than push the line's last
 *    character down (推出). Which half of a mark is blank comes from the
 *    glyph's ink in the font, so fonts with centred marks are left alone.
 *
 * The result does not depend on libharu: runs are font, size, position and
 * text, ready for a PDF text operator and easy to test. */
#ifndef ER_PDF_PARAGRAPH_H
#define ER_PDF_PARAGRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "doc/linebreak.h"
#include "model/diag.h"
#include "pdf/fonts.h"

/* A piece of a paragraph's text in one style. */
typedef struct er_span {
  const char *text; /* UTF-8 */
  size_t len;
  er_role role;   /* the fonts to draw it with */
  double size;    /* font size, pt */
  bool bold;      /* drawn with a synthetic bold stroke (仿宋 has no bold face) */
  double rise;    /* baseline shift up, pt: > 0 for a superscript, < 0 for a subscript */
  uint32_t color; /* 0xRRGGBB; 0 for black */
} er_span;

typedef enum er_align {
  ER_ALIGN_JUSTIFY, /* both edges; the last line and lines before a forced break start-aligned */
  ER_ALIGN_START,
  ER_ALIGN_CENTER,
  ER_ALIGN_END,
} er_align;

typedef struct er_para_style {
  double measure; /* line length, pt */
  double wide_em; /* advance of a full-width character, in em of its size; 0: the font's own */
  double indent;  /* first-line indent, pt (two characters in GB/T 9704) */
  er_align align;
  bool squeeze; /* 标点挤压, and 推入 before 推出 */
  bool phrases; /* lines break between words only (titles, labels), where any break fits */
  /* when set, nline_ends flags, one per character: the lines end after
   * the flagged characters and nowhere else (a balanced title's choice) */
  const uint8_t *line_ends;
  size_t nline_ends;
} er_para_style;

/* Glyphs of one face and size, drawn from `x` with `char_space` added
 * after each (the PDF text operator Tc), the whole scaled horizontally by
 * `hscale` (Tz): one Tj. */
typedef struct er_run {
  int face;          /* index into the font set */
  double size;       /* pt */
  double stroke;     /* synthetic bold stroke width, pt; 0 for none */
  double hscale;     /* horizontal scale (the PDF operator Tz / 100); 1 for none */
  double x;          /* the first glyph's origin, from the line's start edge, pt */
  double char_space; /* pt */
  double width;      /* from x to where the last glyph's advance ends, pt */
  double flow;       /* how far the PDF's text position moves over the run: the
                        glyphs' widths plus Tc, times Tz; the next run's x when it
                        continues the line */
  double rise;       /* baseline shift up, pt (the span's) */
  uint32_t color;    /* 0xRRGGBB (the span's) */
  size_t start, len; /* the run's text: bytes of er_para.text */
} er_run;

typedef struct er_line {
  size_t first_run, nruns;
  double width;   /* from the start edge to the end of the last glyph, pt */
  double size;    /* the largest font size on the line, pt */
  bool justified; /* stretched or trimmed to the measure */
} er_line;

typedef struct er_para {
  char *text; /* the spans' text in one buffer, as drawn */
  size_t len;
  er_run *runs;
  size_t nruns;
  er_line *lines; /* at least one, empty for an empty paragraph */
  size_t nlines;
  bool cut; /* some line ends where no break is allowed (a word longer than the measure) */
} er_para;

/* Lays out the spans. Characters no font has are warned about in `d` (once
 * per font set). Returns false, with an error in `d`, only when ICU fails.
 * Free `out` with er_para_free, also after a failure. */
bool er_para_layout(er_para *out, er_fontset *fonts, er_linebreaker *lb, const er_span *spans,
                    size_t nspans, const er_para_style *style, er_diag *d);
/* The same with lines of even length rather than full ones and a short
 * last (a title, a caption), as many lines as the text needs, broken
 * between words where phrases end rather than inside them (balance.c);
 * laid out at the measure of its widest line, *inset is how far in from
 * the style's measure that one starts, so that it is centred. */
bool er_para_layout_balanced(er_para *out, er_fontset *fonts, er_linebreaker *lb,
                             const er_span *spans, size_t nspans, const er_para_style *style,
                             er_diag *d, double *inset);
/* The same with full lines, as many as er_para_layout gives, ending where
 * breaking costs least by the same phrase costs (balance.c): an entry of
 * a list (附件1：… under the body, GB/T 9704 §7.3.4) or of the contents
 * goes on after 、 or before a bracket rather than split 汇|总 or 评|分,
 * which ICU's dictionary takes for words of one character. */
bool er_para_layout_phrased(er_para *out, er_fontset *fonts, er_linebreaker *lb,
                            const er_span *spans, size_t nspans, const er_para_style *style,
                            er_diag *d);
void er_para_free(er_para *para);

#endif
