/* The page store (internal to pages.c): pages the flow has left, their
 * runs and shapes written to an unnamed temporary file as soon as the
 * next page begins and read back one at a time when the pages are
 * emitted, so that a document's memory is that of a few pages, not of
 * all of them. Exact: every field is written as it is, so the emitted
 * bytes are those of pages that stayed in memory. */
#ifndef ER_PDF_PAGESTORE_H
#define ER_PDF_PAGESTORE_H

#include <hb.h>

#include "pdf/pages.h"

/* NULL when no temporary file can be made (the pages then stay in memory). */
er_page_store *er_page_store_open(void);
void er_page_store_close(er_page_store *s);

/* Stores the page's runs and shapes and frees them; false, with the page
 * untouched, once a write has failed (the pages stored before cannot be
 * read back then: emitting fails). A page is stored once. Pages go to the
 * file a batch at a time, written by a thread of their own. */
bool er_page_store_put(er_page_store *s, er_page *pg);

/* Adds the characters the stored runs of faces 0 … nfaces − 1 draw (BMP
 * code points, as usedchars.h counts them) to `used`, without reading the
 * pages back. */
void er_page_store_characters(const er_page_store *s, hb_set_t **used, size_t nfaces);

#endif
