/* The navigation of a PDF, with libharu (internal to pdfout.c): bookmarks,
 * links and page labels. */
#ifndef ER_PDF_PDFDRAW_H
#define ER_PDF_PDFDRAW_H

#include <hpdf.h>

#include "pdf/pages.h"

/* The bookmarks of the page set as the document's outline, nested by
 * level, with the outline pane open when there are any. `hpages` are the
 * drawn pages, one per page of the set. */
void er_pdf_add_outlines(HPDF_Doc pdf, const er_pages *pages, const HPDF_Page *hpages);

/* The links of the page set as borderless link annotations. */
void er_pdf_add_links(HPDF_Doc pdf, const er_pages *pages, const HPDF_Page *hpages);

/* libharu refuses a string over 65,535 bytes (HPDF_STRING_OUT_OF_RANGE),
 * and the document information and bookmarks are written in UTF-16: a
 * malloc'd copy of s cut (at a character) to 32,000 bytes of UTF-8, which
 * stay below that, or NULL when s is short enough. */
char *er_pdf_string_cut(const char *s);
/* Page labels (/PageLabels) that are the numbers printed on the pages:
 * a viewer's page box then shows "6" where the page says "— 6 —"; an
 * unnumbered page (the cover) has an empty label. */
void er_pdf_add_page_labels(HPDF_Doc pdf, const er_pages *pages);

#endif
