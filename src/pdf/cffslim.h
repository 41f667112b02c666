/* Lighter outlines for an embedded CFF: FandolFang's charstrings are
 * traced outlines with many short curves that are straight to within a
 * thousandth of an em, and no subroutines; written as lines they take a
 * third less room in the PDF and are drawn no differently. */
#ifndef ER_PDF_CFFSLIM_H
#define ER_PDF_CFFSLIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How far a simplified outline may stray from the font's, in ems: 4/1000
 * em is 0.064 pt at 16 pt (0.023 mm, half a pixel at 600 dpi); it takes
 * FandolFang's subset in nanchong from 373 KB to 182 KB in the PDF. */
#define ER_CFF_SLIM_EM 0.004

/* The CFF table `cff` with each glyph's curves that stay within
 * `tolerance` font units of their chord set as lines, and lines that stay
 * within it of one straight line merged; everything else is kept byte for
 * byte. A new malloc'd table of *out_len bytes, or NULL when nothing is
 * gained or the table is not one this can rewrite (then use it as it is). */
uint8_t *er_cff_slim(const uint8_t *cff, size_t len, double tolerance, size_t *out_len);

#endif
