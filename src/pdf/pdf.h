/* The PDF report: the document the template produced, typeset on GB/T
 * 9704 pages with the style profile's fonts and sizes — a cover without a
 * page number, the contents with dot leaders and the pages the headings
 * land on, headings kept with what follows, justified text on the grid,
 * tables that break across pages with their header rows repeated, charts
 * as vector paths, footnotes, page numbers, bookmarks for the headings and
 * the document information; a draft adds a 草稿 watermark and its
 * findings panel. The same input gives the same bytes (SOURCE_DATE_EPOCH
 * for the date). The writer sees the document only, never the model. */
#ifndef ER_PDF_H
#define ER_PDF_H

#include "doc/doc.h"
#include "doc/style.h"
#include "model/writer.h"
#include "pdf/pdfout.h"
#include "pdf/typeset.h"

#include <pthread.h>

/* `evalreport render --format pdf`: the evaluation's report at `path`. */
bool er_pdf_write(const er_eval *ev, const er_render_opts *opts, const char *path, er_diag *d);

typedef struct er_pdf_opts {
  bool draft;         /* the 草稿 watermark */
  er_pdf_info info;   /* title, author …, creation date */
  er_pages_emit emit; /* the serialisation of the pages; NULL for the PDF */
} er_pdf_opts;

/* Typesets a document (headings without an id are left alone) into a PDF
 * at `path`. False, with errors in `d`, when no fonts are installed or the
 * file cannot be written; characters no font has are warned about. */
bool er_pdf_document(er_doc *doc, const er_style *style, const er_pdf_opts *opts, const char *path,
                     er_diag *d);

/* A table as the PDF lays it out, for writers that follow its layout
 * (DOCX): the column edges from the table's left, ncols + 1 of them, and
 * the cells' font size, line height and inner padding, all in pt. Valid
 * during the call it is given to. */
typedef struct er_pdf_table_layout {
  const er_node *table;
  int ncols;
  const double *colx;
  double size, line, padx, pady;
} er_pdf_table_layout;
typedef void (*er_pdf_table_fn)(void *ctx, const er_pdf_table_layout *t);

/* Where the PDF breaks the lines of a balanced title (a heading of level 1,
 * the cover's title, an annex's title), a table's caption, a cover field or
 * an entry of the contents, for writers that cannot
 * balance lines themselves (DOCX): before each line after the first, how
 * many characters of the node's text come before it, white space not
 * counted. Valid during the call it is given to. */
typedef struct er_pdf_lines {
  const er_node *node; /* the heading, the caption or the field's cell */
  size_t nbreaks;
  const size_t *breaks;
  bool contents; /* the lines of the heading's entry in the contents (broken
                  * between words), not of the heading */
} er_pdf_lines;
typedef void (*er_pdf_lines_fn)(void *ctx, const er_pdf_lines *l);
/* The white space er_pdf_lines does not count, at the UTF-8 text p:
 * ASCII blanks and U+3000. */
static inline bool er_pdf_lines_white(const unsigned char *p) {
  return *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
         (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80);
}

/* For an annex's heading n (id "annex-…"): its text in *text and the
 * length of its label, the bytes up to "：" or a space (ASCII or
 * ideographic) after "附件" ("附件2：…" → "附件2", "附件4-1　…" →
 * "附件4-1"), with *skip the separator's; 0 for any other node or a text
 * without a label. The label goes on a line of its own and the rest is
 * set as a title (GB/T 9704 §8; src/pdf/annex.c, the DOCX's headings). */
size_t er_pdf_annex_label(er_doc *doc, const er_node *n, const char **text, size_t *skip);

/* The page number (folio, 0 for an unnumbered page) each heading lands on
 * when the document is typeset, for the first `n` headings in document
 * order; nothing is written. `on_table`, when not NULL, is given every
 * table the layout sets, `on_lines` every balanced title or caption that
 * takes more than one line, and every entry of the contents that does
 * (er_pdf_lines.contents). For writers that carry the PDF's contents page
 * numbers and table columns (DOCX). `cfg` is the font list
 * (er_font_config_load), or NULL to load it here. False, with errors in
 * `d`, when no fonts are installed. */
bool er_pdf_heading_folios(er_doc *doc, const er_style *style, er_font_config *cfg, int *folios,
                           size_t n, er_pdf_table_fn on_table, er_pdf_lines_fn on_lines, void *ctx,
                           er_diag *d);

/* Fonts loaded ahead on a thread (preload.c): fontconfig's font list and
 * ICU's break data. The pipeline starts it before it reads the data file,
 * and every writer that lays out pages shares the one configuration. */
typedef struct er_font_preload {
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t loaded_cfg; /* signalled when cfg is set */
  bool running, ready;       /* ready: cfg is set */
  er_font_config *cfg;
} er_font_preload;

void er_font_preload_start(er_font_preload *p);
/* Waits for the configuration and hands out a reference to it (NULL if
 * fontconfig failed), which the caller frees; ICU's data may still be
 * loading. */
er_font_config *er_font_preload_take(er_font_preload *p);
/* Waits for the load and drops the preload's own reference. */
void er_font_preload_end(er_font_preload *p);

/* The document of an evaluation, as every writer over the laid-out pages
 * starts: built by the view and the template while the fonts load on a
 * thread (opts->fonts when not yet taken). NULL on failure; free *cfg
 * either way. */
er_doc *er_pdf_build_document(const er_eval *ev, const er_render_opts *opts, er_style **style,
                              er_font_config **cfg, er_diag *d);
/* An evaluation's report laid out as the PDF's pages and handed to `emit`
 * (er_pdf_write is this with er_pdf_write_pages; the OFD writer gives its
 * own). */
bool er_pages_write_report(const er_eval *ev, const er_render_opts *opts, er_pages_emit emit,
                           const char *path, er_diag *d);

/* The document information of an evaluation's report: its title, the
 * evaluating body as author, the kind of report as subject, keywords and
 * the SOURCE_DATE_EPOCH date. Strings in `arena`. */
er_pdf_info er_pdf_info_of(const er_eval *ev, const er_doc *doc, er_arena *arena, er_diag *d);

#endif
