/* Page contents deflated on a thread of their own (internal to pdfout.c):
 * while a batch of pages is drawn, the batch before it is compressed, so
 * that a document of thousands of pages takes the time of drawing them,
 * not of drawing and compressing them. Each content stream is compressed
 * exactly as it would be alone (zlib's fastest level), and put into its
 * page's stream by the caller's thread, which alone calls libharu. */
#ifndef ER_PDF_PACKER_H
#define ER_PDF_PACKER_H

#include <hpdf.h>
#include <stdbool.h>

#include "pdf/content.h"
#include "pdf/pdfmeta.h"

typedef struct er_packer er_packer;

/* The contents are added to `digest` in page order, on the packer's thread. */
er_packer *er_packer_new(er_pdf_digest *digest);
/* The buffer to draw the next page's content into, for page `hp`. */
er_content *er_packer_next(er_packer *p, HPDF_Page hp);
/* The content drawn: it goes to its page's stream, now or with a later call. */
void er_packer_done(er_packer *p);
/* Every page's content in its stream and in the digest; then frees the packer. */
void er_packer_finish(er_packer *p);

#endif
