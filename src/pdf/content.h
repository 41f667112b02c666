/* A page's content stream, written directly (internal to pdfout.c):
 * libharu makes the document's objects, fonts and resources, but its text
 * and path operators format every number with a slow routine and measure
 * every string they show; a report has thousands of runs and table rules,
 * so the operators are written here into one buffer a page, with the
 * numbers rounded to thousandths of a point. */
#ifndef ER_PDF_CONTENT_H
#define ER_PDF_CONTENT_H

#include "pdf/embed.h"
#include "pdf/pages.h"

typedef struct er_content {
  char *buf;
  size_t len, cap;
  /* the graphics state as last set, to leave out what does not change */
  uint32_t fill, stroke_color;
  double line_width;
  int cap_style;
} er_content;

/* Empties the buffer for a new page (the state is unknown again). */
void er_content_reset(er_content *c);
void er_content_free(er_content *c);

/* The runs of a page drawn behind its shapes (`behind`) or over them, in
 * the fonts `fonts` whose resource names on the page are `names`. */
void er_content_runs(er_content *c, const er_page *page, const er_embedded *fonts,
                     const char *const *names, bool behind);
/* The runs placed on the upright sheet of a turned page (pages.h), in the
 * sheet's coordinates. */
void er_content_sheet_runs(er_content *c, const er_page *page, const er_embedded *fonts,
                           const char *const *names);
/* Saves the graphics state and turns a landscape page's coordinates onto
 * its portrait sheet, head toward the sheet's left edge; er_content_unturn
 * restores it. */
void er_content_turn(er_content *c, const er_page *page);
void er_content_unturn(er_content *c);
/* A shape (coordinates from the paper's top-left corner, y down) on a page
 * `height` points high. */
void er_content_shape(er_content *c, double height, const er_shape *s);

#endif
