/* `render --format docx` (docx.h): build the document as the other
 * writers do, learn from the PDF layout the page every heading lands on
 * (for the contents' cached page numbers), then write the parts —
 * document, styles, settings, footnotes, footers, charts, properties —
 * and zip them into the temporary file the pipeline gave. */
#include "docx/docx.h"

#include "docx/docxw.h"
#include "pdf/pdf.h"
#include "view/document.h"

#include <stdlib.h>

static void document(er_docxw *w) {
  er_xml *x = &w->x;
  er_xml_begin_deflated(x, true, ER_DX_DEFLATE_LEVEL);
  er_xml_open(x, "w:document");
  er_xml_attr(x, "xmlns:w", ER_DX_W);
  er_xml_attr(x, "xmlns:r", ER_DX_R);
  er_xml_attr(x, "xmlns:wp",
              "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
  er_xml_open(x, "w:body");
  er_docx_blocks(w, w->doc->root);
  er_docx_sect(w, true);
  er_xml_close(x);
  er_xml_close(x);
  er_package_add(&w->pkg, "word/document.xml", ER_CT "wordprocessingml.document.main+xml", x);
}

static bool write_doc(er_docxw *w, const er_docx_props *props, const char *path) {
  const er_style *style = w->style;
  w->portrait = er_docx_page(style, false);
  w->landscape = er_docx_page(style, true);
  for (int r = 0; r < ER_ROLE_COUNT; r++)
    w->size[r] = er_docx_twips(style->fonts[r].size) / 10; /* half-points */
  er_docx_styles(w);
  er_docx_settings(w);
  er_docx_footers(w);
  er_docx_notes_begin(w);
  document(w);
  er_docx_notes_end(w);
  er_docx_props_parts(w, props);
  bool ok = er_package_write(&w->pkg, path, w->d);
  er_package_free(&w->pkg);
  return ok;
}

bool er_docx_write(const er_eval *ev, const er_render_opts *opts, const char *path, er_diag *d) {
  /* the fonts serve the layout that gives the contents their pages and
   * the tables their columns */
  er_font_config *cfg;
  er_style *style = NULL;
  er_doc *doc = er_pdf_build_document(ev, opts, &style, &cfg, d);
  if (!doc) {
    er_font_config_free(cfg);
    return false;
  }
  er_pdf_info info = er_pdf_info_of(ev, doc, &doc->arena, d);
  er_docx_props props = {info.title, info.author, info.subject, info.keywords, info.created};
  er_docxw w = {.doc = doc, .style = style, .d = d, .draft = opts->draft, .created = info.created};
  size_t nheads = er_docx_index_headings(&w);
  int *folios = calloc(nheads ? nheads : 1, sizeof *folios);
  if (!folios)
    abort();
  er_docx_books_start(&w); /* on a thread, beside the layout */
  w.body_start = er_doc_body_start(doc);
  w.in_front = w.body_start != NULL;
  /* without fonts there is no layout: the contents are written without
   * page numbers, for Word to fill in (an evaluator presses F9), and the
   * tables with columns of their own */
  er_diag quiet;
  er_diag_init(&quiet, d->file);
  if (!er_pdf_heading_folios(doc, style, cfg, folios, nheads, er_docx_keep_table_layout,
                             er_docx_keep_lines, &w, &quiet)) {
    nheads = 0;
    er_docx_table_layouts_free(&w);
    er_docx_lines_free(&w);
  }
  er_font_config_free(cfg);
  er_diag_free(&quiet);
  w.folios = folios;
  w.nfolios = nheads;
  bool ok = write_doc(&w, &props, path);
  er_docx_table_layouts_free(&w);
  er_docx_lines_free(&w);
  er_docx_books_free(&w);
  free(folios);
  free(w.headings);
  er_doc_free(doc);
  er_style_free(style);
  return ok;
}
