/* The Word report (--format docx): the document tree as a WordprocessingML
 * package an evaluator can go on editing in Word, WPS or LibreOffice —
 * styles rather than direct formatting (正文, 标题 1–4 with outline levels,
 * table text, captions, footnotes), the GB/T 9704 page with its 22 × 28
 * grid, headings numbered as text, tables with repeated header rows and
 * merged cells, the score sheet in a landscape section, "— N —" page
 * numbers in odd and even footers, a TOC field whose cached page numbers
 * are the PDF layout's, Word footnotes, charts, a 草稿 watermark on
 * drafts. The same input gives the same bytes (SOURCE_DATE_EPOCH). */
#ifndef ER_DOCX_H
#define ER_DOCX_H

#include "model/writer.h"

/* `evalreport render --format docx`: the evaluation's report at `path`. */
bool er_docx_write(const er_eval *ev, const er_render_opts *opts, const char *path, er_diag *d);

#endif
