/* The document level of a PDF (internal to pdfout.c): the information
 * dictionary, the same in XMP metadata, the language (/Lang zh-CN), the
 * document ID and the PDF version the file's features need. */
#ifndef ER_PDF_PDFMETA_H
#define ER_PDF_PDFMETA_H

#include <hpdf.h>
#include <stdint.h>

#include "pdf/pdfout.h"

/* A 128-bit digest of the bytes given, for the document ID: the same
 * pages and information give the same ID. */
typedef struct er_pdf_digest {
  uint64_t a, b;
} er_pdf_digest;

void er_pdf_digest_init(er_pdf_digest *h);
void er_pdf_digest_add(er_pdf_digest *h, const void *data, size_t len);

/* Sets the Info entries, CreationDate and ModDate, the XMP metadata, /Lang
 * and the /ID (from `h`, with the information added), and PDF 1.5 (for
 * /ActualText). */
void er_pdf_set_metadata(HPDF_Doc pdf, const er_pdf_info *info, er_pdf_digest *h);

#endif
