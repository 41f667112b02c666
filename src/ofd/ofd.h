/* The report as OFD (GB/T 33190-2016, 版式文档): the pages the PDF writer
 * lays out, serialised a second way — OFD.xml with the document
 * information, Doc_0/Document.xml (common data, pages, outline),
 * Doc_0/PublicRes.xml declaring each face's HarfBuzz subset as an embedded
 * font file, and a Content.xml a page of text objects with exact glyph
 * positions and path objects for rules and charts; zipped with minizip,
 * the XML written with libxml2. The same pages give the same bytes. */
#ifndef ER_OFD_OFD_H
#define ER_OFD_OFD_H

#include "model/writer.h"
#include "pdf/pdf.h"

/* `evalreport render --format ofd`: the evaluation's report at `path`. */
bool er_ofd_write(const er_eval *ev, const er_render_opts *opts, const char *path, er_diag *d);

/* Laid-out pages → an OFD package at `path` (an er_pages_emit). False,
 * with an error in `d`, on failure. */
bool er_ofd_write_pages(const er_pages *pages, er_fontset *fonts, const er_pdf_info *info,
                        const char *path, er_diag *d);

#endif
