/* Pages → a PDF file with libharu: each face that draws something is
 * embedded as a subset of the characters it draws (embed.h), each run
 * becomes one text-showing operator at its absolute position, each shape
 * a path, and the document info (with XMP, /Lang and an ID), bookmarks and links are written.
 * The output depends only on the input: libharu writes no ID and no date of its own, the ID
 * is a digest of the pages and the information, and the creation date is the one given, so the
 * same pages give the same bytes. */
#ifndef ER_PDF_PDFOUT_H
#define ER_PDF_PDFOUT_H

#include "pdf/pages.h"

typedef struct er_pdf_info {
  const char *title, *author, *subject, *keywords; /* UTF-8, or NULL */
  const char *creator;                             /* NULL for "evalreport" */
  long long created; /* CreationDate and ModDate, seconds since 1970 UTC; < 0 for none */
} er_pdf_info;

/* The creation date of a report on the data file `file`: SOURCE_DATE_EPOCH
 * when it is set and valid (model/srcdate.h), else the file's modification
 * time (so that rendering the same file twice gives the same bytes), else
 * now. */
long long er_pdf_report_date(const char *file);

/* Writes the pages to `path`, with their shapes, bookmarks (opened in the
 * viewer's outline pane when there are any) and links. False, with an
 * error in `d`, on failure. */
bool er_pdf_write_pages(const er_pages *pages, er_fontset *fonts, const er_pdf_info *info,
                        const char *path, er_diag *d);

#endif
