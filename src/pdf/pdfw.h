/* The PDF writer's internals: the state it carries while it walks a
 * document tree (docwalk.c) and hands each kind of block to its module —
 * inlines.c (spans), table.c and tablepage.c, chart.c, toc.c, cover.c,
 * notes.c (footnotes) — over the typesetting engine (typeset.h). The style
 * profile gives every size (profile.c). */
#ifndef ER_PDF_PDFW_H
#define ER_PDF_PDFW_H

#include "doc/doc.h"
#include "doc/style.h"
#include "pdf/pdf.h"
#include "pdf/typeset.h"

/* ---- spans of inline content (inlines.c) ---- */

typedef struct er_span_buf {
  er_span *items;
  size_t n, cap;
} er_span_buf;

/* How inline text is set where it starts: strong, em, sup and sub change
 * it for their content. */
typedef struct er_ink {
  er_role role;
  double size;
  bool bold;
  double rise;
  uint32_t color;
  uint32_t sev_color; /* for span class="sev" (a finding's severity), 0 for none */
} er_ink;

void er_span_buf_free(er_span_buf *b);
void er_span_push(er_span_buf *b, const er_ink *ink, const char *text, size_t len);
/* The spans of n's inline children. */
void er_spans_inlines(er_span_buf *b, const er_node *n, const er_ink *ink);
/* The spans of n's content, inlines or blocks: blocks (paragraphs, list
 * items) are joined by line breaks. For table cells. */
void er_spans_flow(er_span_buf *b, const er_node *n, const er_ink *ink);
/* Whether the spans show anything but white space. */
bool er_spans_blank(const er_span_buf *b);

/* ---- the writer ---- */

/* A heading: where it landed, for the contents and the bookmarks. */
typedef struct er_pdfw_heading {
  const er_node *node;
  int tag;
  bool in_cover;
} er_pdfw_heading;

/* A footnote on a page, or the part of one: a note taller than a page
 * goes on at the foot of the pages after it. */
typedef struct er_pdfw_note {
  size_t page;
  size_t from, to; /* its lines on that page */
  er_para *para;   /* the whole note, owned by its first part (from 0) */
} er_pdfw_note;

typedef struct er_pdfw_toc_entry er_pdfw_toc_entry;

typedef struct er_pdfw {
  er_typesetter *ts;
  er_doc *doc;
  const er_style *style;
  er_diag *d;
  bool draft;

  er_page_style portrait, landscape;
  bool landscape_on;     /* pages begun now are landscape */
  double pitch, leading; /* the body grid: a character's advance, a line, pt */
  double size[ER_ROLE_COUNT];
  bool bold[ER_ROLE_COUNT];
  double rule;   /* table rules, pt */
  double indent; /* first-line indent, characters */

  er_pdfw_heading *heads;
  size_t nheads, heads_cap;
  int next_tag;
  bool in_cover;
  const er_node *body_start; /* the body's first block: its page is — 1 — */
  bool front_numbered;       /* 摘要 and 目录 get (Roman) numbers */

  er_pdfw_toc_entry *toc;
  size_t ntoc;

  er_pdfw_note *notes;
  size_t nnotes, notes_cap;

  er_pdf_table_fn on_table; /* given each table's layout, or NULL (pdf.h) */
  er_pdf_lines_fn on_lines; /* given balanced titles' lines, or NULL (pdf.h) */
  void *on_table_ctx;       /* for both */
} er_pdfw;

/* lines.c: the lines of a balanced block (a title) or of one broken
 * between words (s->phrases: 附件1：… under the body) to w->on_lines. */
void er_pdfw_block_lines(er_pdfw *w, const er_node *n, const er_block_style *s,
                         const er_span *spans, size_t nspans);
void er_pdfw_para_lines(er_pdfw *w, const er_node *n, const er_para *para);
/* The same for a heading's entry in the contents (toc.c). */
void er_pdfw_entry_lines(er_pdfw *w, const er_node *heading, const er_para *para);
/* The caption of a table node, or NULL. */
const er_node *er_pdfw_caption_of(const er_node *table);

/* profile.c: the style profile in the engine's terms. */
er_page_style er_pdfw_page_style(const er_style *s, bool landscape);
er_fontset *er_pdfw_fonts(const er_style *s, er_font_config *cfg, er_diag *d);
void er_pdfw_init_sizes(er_pdfw *w);
/* The block style of a heading level (1–4) or, with level 0, the body. */
er_block_style er_pdfw_block_style(const er_pdfw *w, int level);
er_ink er_pdfw_ink(const er_pdfw *w, er_role role);

/* docwalk.c */
void er_pdfw_blocks(er_pdfw *w, const er_node *parent);
void er_pdfw_block(er_pdfw *w, const er_node *n);
/* Pages begun from now on turned sideways, or upright again. */
void er_pdfw_orient(er_pdfw *w, bool landscape);
/* Whether a table is set on landscape pages (class sheet or landscape). */
bool er_pdfw_wide_table(const er_node *n);
int er_pdfw_new_tag(er_pdfw *w);
/* A block of n's inlines in `style`, tagged. */
void er_pdfw_paragraph(er_pdfw *w, const er_node *n, const er_block_style *style, const er_ink *ink,
                       int tag);

/* table.c, tablepage.c */
void er_pdfw_table(er_pdfw *w, const er_node *table);

/* annex.c, GB/T 9704 §7.3.4, §7.3.5.1 and §8: the style of a paragraph of
 * the signature and of the 附件说明; an annex's first heading ("附件2：…",
 * a heading with an id annex-N) as 附件2 at the top left and its title
 * centred on the third line (false for any other heading). */
void er_pdfw_signature_style(er_pdfw *w, const er_node *n, er_block_style *s);
void er_pdfw_annex_note_style(er_pdfw *w, const er_node *n, er_block_style *s);
bool er_pdfw_annex_heading(er_pdfw *w, const er_node *n, int tag);
/* After the last paragraph of the 版头 (class issuer or doc-number): its
 * red rule, and the space down to the title (nothing for any other). */
void er_pdfw_masthead_rule(er_pdfw *w, const er_node *n);
/* Puts the first issuer of a 版头 that starts a page 35 mm down the type
 * area (GB/T 9704 §7.2.2), its style `s` off the grid; false for any
 * other paragraph. */
bool er_pdfw_masthead_top(er_pdfw *w, const er_node *n, er_block_style *s);
/* chart.c */
void er_pdfw_chart(er_pdfw *w, const er_node *chart);
/* The height a chart takes with its caption and the space above it, pt
 * (0 for one with no data). */
double er_pdfw_chart_height(er_pdfw *w, const er_node *chart);
/* toc.c: the contents, laid out where the nav is; page numbers filled in
 * by er_pdfw_toc_finish once every heading has landed. */
void er_pdfw_toc(er_pdfw *w, const er_node *nav);
void er_pdfw_toc_finish(er_pdfw *w);
void er_pdfw_toc_free(er_pdfw *w);
/* cover.c: the cover, a page of its own without a number. */
void er_pdfw_cover(er_pdfw *w, const er_node *cover);
/* notes.c: footnotes at the foot of the page their reference is on. */
void er_pdfw_footnote(er_pdfw *w, const er_node *aside);
void er_pdfw_notes_finish(er_pdfw *w);
void er_pdfw_notes_free(er_pdfw *w);

#endif
