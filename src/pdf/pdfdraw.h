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

/* Page labels (/PageLabels) that are the numbers printed on the pages:
 * a viewer's page box then shows "6" where the page says "— 6 —"; an
 * unnumbered page (the cover) has an empty label. */
void er_pdf_add_page_labels(HPDF_Doc pdf, const er_pages *pages);

#endif
