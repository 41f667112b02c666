/* `render --format pdf` (pdf.h): build the document as the HTML writer
 * does, then typeset it — the walk (docwalk.c) places every block, and
 * once all have landed the contents get their page numbers, the
 * footnotes their place, the headings their bookmarks and a draft its
 * watermark, before the pages are numbered and written. */
#include "pdf/pdf.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "model/grow.h"
#include "model/srcdate.h"
#include "model/text.h"
#include "pdf/pdfw.h"
#include "view/document.h"

#define WATERMARK "草稿"
#define WATERMARK_SIZE 150.0
#define WATERMARK_GREY 0xD9D9D9u
#define WATERMARK_ANGLE 45.0

static bool inside(const er_node *n, er_doc_type type) {
  for (const er_node *a = n->parent; a; a = a->parent)
    if (a->type == type)
      return true;
  return false;
}

/* Every heading gets its tag before the walk: the contents, laid out
 * before the headings it lists, names them by it. */
static void register_headings(er_pdfw *w) {
  for (const er_node *n = w->doc->root; n; n = er_node_following(w->doc->root, n)) {
    if (n->type != ER_DOC_HEADING)
      continue;
    w->heads = er_grow(w->heads, w->nheads, &w->heads_cap, sizeof *w->heads, 32);
    w->heads[w->nheads++] = (er_pdfw_heading){n, er_pdfw_new_tag(w), inside(n, ER_DOC_COVER)};
  }
}

/* Bookmarks for h1 to h4 (the cover's title aside), nested by level. */
static void bookmarks(er_pdfw *w) {
  er_pages *p = er_typesetter_page_set(w->ts);
  for (size_t i = 0; i < w->nheads; i++) {
    const er_pdfw_heading *h = &w->heads[i];
    size_t page;
    double y;
    if (h->in_cover || h->node->level > 4 || !er_typesetter_tag(w->ts, h->tag, &page, &y))
      continue;
    er_pages_outline(p, h->node->level, er_node_text(w->doc, h->node), page, y);
  }
}

/* 草稿 across every page, light grey, behind everything else. */
static void watermark(er_pdfw *w) {
  er_span span = {
      .text = WATERMARK, .len = strlen(WATERMARK), .role = ER_ROLE_H2, .size = WATERMARK_SIZE};
  er_para_style ps = {.measure = 1e6, .align = ER_ALIGN_START};
  er_para para;
  er_para_layout(&para, er_typesetter_fonts(w->ts), er_typesetter_linebreaker(w->ts), &span, 1, &ps,
                 w->d);
  er_pages *p = er_typesetter_page_set(w->ts);
  double half = para.lines[0].width / 2, up = 0.38 * WATERMARK_SIZE;
  double c = 0.70710678118654752, s = 0.70710678118654752; /* 45° */
  for (size_t i = 0; i < p->npages; i++) {
    const er_page_style *st = &p->pages[i].style;
    double cx = st->width / 2, cy = st->height / 2;
    /* the baseline's start: back half the width along it, down to centre the em box */
    double x = cx - half * c + up * s, y = cy + half * s + up * c;
    er_pages_place_behind(p, i, &para, 0, x, y, WATERMARK_ANGLE, WATERMARK_GREY);
  }
  er_para_free(&para);
}

static bool has_cover(const er_doc *doc) {
  for (const er_node *n = doc->root->first; n; n = n->next)
    if (n->type == ER_DOC_COVER)
      return true;
  return false;
}

/* Lays the document out and writes it to `path` — or, with `folios`, writes
 * nothing and gives the folio of each of the `n` headings instead. */
static bool typeset(er_doc *doc, const er_style *style, const er_pdf_opts *opts,
                    er_font_config *cfg, const char *path, int *folios, size_t n,
                    er_pdf_table_fn on_table, er_pdf_lines_fn on_lines, void *ctx, er_diag *d) {
  er_pdfw w = {.doc = doc, .style = style, .d = d, .draft = opts->draft};
  w.on_table = on_table;
  w.on_lines = on_lines;
  w.on_table_ctx = ctx;
  w.portrait = er_pdfw_page_style(style, false);
  w.landscape = er_pdfw_page_style(style, true);
  er_fontset *fonts = er_pdfw_fonts(style, cfg, d);
  if (!fonts)
    return false;
  w.ts = er_typesetter_with_fonts(&w.portrait, fonts, d);
  if (!w.ts)
    return false;
  /* a page is written out as soon as the flow leaves it; a layout pass
   * for folios keeps nothing of it but where things landed */
  er_pages_keep_mode(er_typesetter_page_set(w.ts), folios ? ER_PAGES_DROP : ER_PAGES_STORE);
  er_pdfw_init_sizes(&w);
  register_headings(&w);
  w.body_start = er_doc_body_start(doc);
  w.front_numbered = !w.body_start || style->front_matter == ER_FRONT_ROMAN;
  if (w.body_start && w.front_numbered)
    er_typeset_folios(w.ts, true, 1);
  if (has_cover(doc) || !w.front_numbered) /* numbered from the page after it */
    er_typeset_numbering(w.ts, false);
  er_pdfw_blocks(&w, doc->root);
  er_typeset_keep(w.ts, 0);
  er_pages *pages = er_typesetter_page_set(w.ts);
  if (pages->npages == 0) /* an empty document is one blank page */
    er_pages_current(pages);
  er_pdfw_toc_finish(&w);
  er_pdfw_notes_finish(&w);
  bookmarks(&w);
  if (opts->draft)
    watermark(&w);
  bool ok = true;
  if (folios)
    for (size_t i = 0; i < n; i++) {
      size_t page;
      double y;
      folios[i] = i < w.nheads && er_typesetter_tag(w.ts, w.heads[i].tag, &page, &y)
                      ? pages->pages[page].folio
                      : 0;
    }
  else
    ok = er_typesetter_emit(w.ts, &opts->info, path, opts->emit ? opts->emit : er_pdf_write_pages);
  er_pdfw_toc_free(&w);
  er_pdfw_notes_free(&w);
  free(w.heads);
  er_typesetter_free(w.ts);
  return ok;
}

bool er_pdf_document(er_doc *doc, const er_style *style, const er_pdf_opts *opts, const char *path,
                     er_diag *d) {
  return typeset(doc, style, opts, NULL, path, NULL, 0, NULL, NULL, NULL, d);
}

bool er_pdf_heading_folios(er_doc *doc, const er_style *style, er_font_config *cfg, int *folios,
                           size_t n, er_pdf_table_fn on_table, er_pdf_lines_fn on_lines, void *ctx,
                           er_diag *d) {
  er_pdf_opts opts = {0};
  return typeset(doc, style, &opts, cfg, NULL, folios, n, on_table, on_lines, ctx, d);
}

/* The document information: the report's title, the evaluating body as
 * its author, what kind of report it is, and words to find it by. */
/* Text from the data as every package's metadata can carry it (XMP, the
 * DOCX's core properties, the OFD's DocInfo are XML): without the
 * characters XML cannot hold and the controls no report shows. */
static const char *metadata_text(er_arena *arena, const char *s) {
  char *clean = s ? er_view_text(s) : NULL;
  if (!clean)
    return s;
  const char *copy = er_arena_printf(arena, "%s", clean);
  free(clean);
  return copy;
}

er_pdf_info er_pdf_info_of(const er_eval *ev, const er_doc *doc, er_arena *arena, er_diag *d) {
  (void)d; /* SOURCE_DATE_EPOCH is warned about once, by the pipeline */
  const er_project *pr = &ev->project;
  bool self = ev->kind.index == ER_KIND_SELF;
  const char *author = pr->evaluator.s ? pr->evaluator.s : pr->department.s;
  er_pdf_info info = {
      .title = doc->title && doc->title[0] ? doc->title : metadata_text(arena, pr->title.s),
      .author = metadata_text(arena, author),
      .subject = self ? "项目支出绩效自评报告" : "项目支出绩效评价报告",
      .created = er_pdf_report_date(ev->file),
  };
  char year[ER_DEC_BUFSIZE] = "";
  if (pr->year.set)
    er_dec_format_trim(pr->year.v, 0, year);
  const char *words[] = {"绩效评价", pr->name.s,
                         year[0] ? er_arena_printf(arena, "%s年度", year) : NULL, pr->department.s,
                         ev->grade};
  char *keywords = NULL;
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (words[i] && words[i][0])
      keywords = keywords ? er_arena_printf(arena, "%s, %s", keywords, words[i])
                          : er_arena_printf(arena, "%s", words[i]);
  info.keywords = metadata_text(arena, keywords);
  return info;
}

er_doc *er_pdf_build_document(const er_eval *ev, const er_render_opts *opts, er_style **style,
                              er_font_config **cfg, er_diag *d) {
  er_font_preload own, *fonts = opts->fonts;
  if (!fonts) {
    er_font_preload_start(&own);
    fonts = &own;
  }
  er_document_opts o = {opts->template_name, opts->draft, opts->findings};
  er_doc *doc = er_document_build(ev, &o, style, d);
  *cfg = er_font_preload_take(fonts);
  if (fonts == &own)
    er_font_preload_end(&own);
  return doc;
}

bool er_pages_write_report(const er_eval *ev, const er_render_opts *opts, er_pages_emit emit,
                           const char *path, er_diag *d) {
  er_font_config *cfg;
  er_style *style = NULL;
  er_doc *doc = er_pdf_build_document(ev, opts, &style, &cfg, d);
  bool ok = doc != NULL;
  if (doc) {
    er_pdf_opts po = {.draft = opts->draft, .emit = emit};
    po.info = er_pdf_info_of(ev, doc, &doc->arena, d);
    ok = typeset(doc, style, &po, cfg, path, NULL, 0, NULL, NULL, NULL, d);
  }
  er_font_config_free(cfg);
  er_doc_free(doc);
  er_style_free(style);
  return ok;
}

bool er_pdf_write(const er_eval *ev, const er_render_opts *opts, const char *path, er_diag *d) {
  return er_pages_write_report(ev, opts, er_pdf_write_pages, path, d);
}
