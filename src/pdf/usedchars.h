/* The characters each face draws on a set of pages: what its subset must
 * hold, for every serialisation of the pages (PDF, OFD). */
#ifndef ER_PDF_USEDCHARS_H
#define ER_PDF_USEDCHARS_H

#include <hb.h>

#include "pdf/pages.h"

/* One set a face (BMP code points), `nfaces` of them; free with
 * er_used_characters_free. */
hb_set_t **er_used_characters(const er_pages *pages, size_t nfaces);
void er_used_characters_free(hb_set_t **used, size_t nfaces);

#endif
