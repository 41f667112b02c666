/* The document tree → typesetting calls (pdfw.h): headings and paragraphs
 * by class, lists, page breaks and the draft's findings panel here; tables,
 * charts, the contents, the cover and footnotes in their own modules. */
#include "pdf/pdfw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FINDING_RED 0xB00000u
#define WARNING_OCHRE 0x8A6500u
#define PANEL_RED 0xBB0000u

int er_pdfw_new_tag(er_pdfw *w) { return w->next_tag++; }

void er_pdfw_paragraph(er_pdfw *w, const er_node *n, const er_block_style *style, const er_ink *ink,
                       int tag) {
  er_span_buf b = {0};
  er_spans_inlines(&b, n, ink);
  if (b.n > 0 && !er_spans_blank(&b)) {
    er_typeset_block(w->ts, style, b.items, b.n, tag);
    er_pdfw_block_lines(w, n, style, b.items, b.n);
  }
  er_span_buf_free(&b);
}

/* The tag of a heading, given to every heading before the walk (so that
 * the contents, laid out before them, can name them). */
static int heading_tag(er_pdfw *w, const er_node *n) {
  for (size_t i = 0; i < w->nheads; i++)
    if (w->heads[i].node == n)
      return w->heads[i].tag;
  return -1;
}

static void heading(er_pdfw *w, const er_node *n) {
  if (er_pdfw_annex_heading(w, n, heading_tag(w, n)))
    return;
  int level = n->level < 1 ? 1 : n->level > 4 ? 4 : n->level;
  er_block_style style = er_pdfw_block_style(w, level);
  er_ink ink = er_pdfw_ink(w, style.role);
  ink.bold = style.bold;
  er_pdfw_paragraph(w, n, &style, &ink, heading_tag(w, n));
}

/* The style of a paragraph by its class (the same classes as the CSS). */
static er_block_style paragraph_style(er_pdfw *w, const er_node *n, er_ink *ink) {
  er_block_style s = er_pdfw_block_style(w, 0);
  *ink = er_pdfw_ink(w, ER_ROLE_BODY);
  if (er_node_has_class(n, "center") || er_node_has_class(n, "subtitle") ||
      er_node_has_class(n, "date") || er_node_has_class(n, "doc-number")) { /* 发文字号 too */
    s.align = ER_ALIGN_CENTER;
    s.indent = 0;
  } else if (er_node_has_class(n, "right")) {
    s.align = ER_ALIGN_END;
    s.indent = 0;
  } else if (er_node_has_class(n, "signature")) /* 署名 and 成文日期 (annex.c) */
    er_pdfw_signature_style(w, n, &s);
  else if (er_node_has_class(n, "annex-note") || er_node_has_class(n, "annex-list"))
    er_pdfw_annex_note_style(w, n, &s);      /* 附件说明 (annex.c) */
  else if (er_node_has_class(n, "issuer")) { /* 版头: the issuing body, red 小标宋 */
    s.align = ER_ALIGN_CENTER;
    s.indent = 0;
    *ink = er_pdfw_ink(w, ER_ROLE_TITLE);
    ink->color = 0xDD0000;
  } else if (er_node_has_class(n, "noindent") || er_node_has_class(n, "addressee") ||
             er_node_has_class(n, "imprint"))
    s.indent = 0;
  if (er_node_has_class(n, "note")) { /* small print: 小四, lines of 1.5 */
    s.indent = 0;
    s.size = ink->size = w->size[ER_ROLE_TABLE];
    s.off_grid = true;
    s.leading = 1.5 * s.size / w->leading;
    s.space_before = 0.25;
  }
  return s;
}

static void list(er_pdfw *w, const er_node *n) {
  int k = 0;
  for (const er_node *li = n->first; li; li = li->next) {
    k++;
    if (li->first && !er_doc_is_inline(li->first->type)) {
      er_pdfw_blocks(w, li);
      continue;
    }
    er_ink ink = er_pdfw_ink(w, ER_ROLE_BODY);
    er_block_style s = er_pdfw_block_style(w, 0);
    char marker[16];
    snprintf(marker, sizeof marker, n->ordered ? "%d. " : "• ", k);
    char *m = er_arena_strndup(&w->doc->arena, marker, strlen(marker));
    er_span_buf b = {0};
    er_span_push(&b, &ink, m, strlen(m));
    er_spans_inlines(&b, li, &ink);
    er_typeset_block(w->ts, &s, b.items, b.n, -1);
    er_span_buf_free(&b);
  }
}

/* ---- the draft's findings panel: small print in a red frame ---- */

static void frame(er_pdfw *w, size_t page0, double y0, size_t page1, double y1) {
  er_pages *p = er_typesetter_page_set(w->ts);
  for (size_t pg = page0; pg <= page1 && pg < p->npages; pg++) {
    const er_page_style *st = &p->pages[pg].style;
    double top = pg == page0 ? y0 : st->top, bottom = pg == page1 ? y1 : st->top + st->block_height;
    er_shape box = {.kind = ER_SHAPE_RECT,
                    .x = st->left,
                    .y = top,
                    .w = st->block_width,
                    .h = bottom - top,
                    .stroke = 1.5,
                    .color = PANEL_RED,
                    .fill = ER_NO_FILL};
    er_pages_shape(p, pg, &box);
  }
}

static void diagnostics(er_pdfw *w, const er_node *n) {
  er_typeset_keep(w->ts, 0);
  er_pages *p = er_typesetter_page_set(w->ts);
  double pad = 0.3 * w->leading, size = w->size[ER_ROLE_NOTE];
  if (er_pages_room(p) < 4 * w->leading)
    er_pages_break(p);
  size_t page0 = er_pages_current(p);
  double y0 = p->pages[page0].style.top + p->cursor;
  er_pages_advance(p, pad);
  er_block_style s = er_pdfw_block_style(w, 0);
  s.size = size;
  s.indent = 0;
  s.left = s.right = 0.6;
  s.off_grid = true;
  s.leading = 1.55 * size / w->leading;
  s.align = ER_ALIGN_START;
  for (const er_node *b = n->first; b; b = b->next) {
    er_ink ink = er_pdfw_ink(w, ER_ROLE_NOTE);
    if (b->type == ER_DOC_PARAGRAPH) {
      s.space_before = 0.1;
      er_pdfw_paragraph(w, b, &s, &ink, -1);
      continue;
    }
    if (b->type != ER_DOC_LIST)
      continue;
    for (const er_node *li = b->first; li; li = li->next) {
      ink.sev_color = er_node_has_class(li, "error")     ? FINDING_RED
                      : er_node_has_class(li, "warning") ? WARNING_OCHRE
                                                         : 0;
      er_span_buf sp = {0};
      er_span_push(&sp, &ink, "• ", strlen("• "));
      er_spans_flow(&sp, li, &ink);
      er_typeset_block(w->ts, &s, sp.items, sp.n, -1);
      er_span_buf_free(&sp);
    }
  }
  er_typeset_keep(w->ts, 0);
  er_pages_advance(p, pad);
  size_t page1 = p->npages - 1;
  const er_page_style *last = &p->pages[page1].style;
  double y1 = last->top + (p->cursor < last->block_height ? p->cursor : last->block_height);
  frame(w, page0, y0, page1, y1);
  er_pages_space(p, 0.5 * w->leading);
  er_pages_snap(p);
}

void er_pdfw_block(er_pdfw *w, const er_node *n) {
  switch (n->type) {
  case ER_DOC_HEADING:
    heading(w, n);
    break;
  case ER_DOC_PARAGRAPH: {
    er_ink ink;
    er_block_style s = paragraph_style(w, n, &ink);
    /* the signature, and the 附件说明 above it, stay on the page of the
     * text they close: no page holds only them (GB/T 9704 §7.3.5.4) */
    if (n->next && n->next->type == ER_DOC_PARAGRAPH &&
        (er_node_has_class(n->next, "signature") || er_node_has_class(n->next, "annex-note")))
      s.keep_with_next = true;
    er_pdfw_masthead_top(w, n, &s); /* 版头 35 mm down (annex.c) */
    er_pdfw_paragraph(w, n, &s, &ink, -1);
    er_pdfw_masthead_rule(w, n); /* 版头's red rule (annex.c) */
    break;
  }
  case ER_DOC_LIST:
    list(w, n);
    break;
  case ER_DOC_TABLE:
    er_pdfw_table(w, n);
    break;
  case ER_DOC_CHART:
    er_pdfw_chart(w, n);
    break;
  case ER_DOC_COVER:
    er_pdfw_cover(w, n);
    break;
  case ER_DOC_TOC:
    er_pdfw_toc(w, n);
    break;
  case ER_DOC_PAGE_BREAK:
    er_typeset_page_break(w->ts);
    break;
  case ER_DOC_FOOTNOTE:
    er_pdfw_footnote(w, n);
    break;
  case ER_DOC_DIAGNOSTICS:
    diagnostics(w, n);
    break;
  case ER_DOC_ITEM:
    er_pdfw_blocks(w, n);
    break;
  default:
    break;
  }
}

bool er_pdfw_wide_table(const er_node *n) {
  return n->type == ER_DOC_TABLE &&
         (er_node_has_class(n, "sheet") || er_node_has_class(n, "landscape"));
}

void er_pdfw_orient(er_pdfw *w, bool landscape) {
  if (landscape == w->landscape_on)
    return;
  er_typeset_page_style(w->ts, landscape ? &w->landscape : &w->portrait);
  w->landscape_on = landscape;
}

/* A wide table turns its pages, and so do the headings just before it,
 * so that they are laid out for the wider block. */
static bool wants_landscape(const er_node *n) {
  for (; n; n = n->next) {
    if (n->type != ER_DOC_HEADING)
      return er_pdfw_wide_table(n);
  }
  return false;
}

/* The height a plain paragraph takes, pt, as the typesetter will place it. */
static double paragraph_height(er_pdfw *w, const er_node *n) {
  er_ink ink;
  er_block_style s = paragraph_style(w, n, &ink);
  er_span_buf b = {0};
  er_spans_inlines(&b, n, &ink);
  double pitch = w->pitch;
  double measure = er_typesetter_page_set(w->ts)->style.block_width - (s.left + s.right) * pitch;
  er_para_style ps = er_typesetter_para_style(w->ts, &s, measure);
  er_para para;
  er_para_layout(&para, er_typesetter_fonts(w->ts), er_typesetter_linebreaker(w->ts), b.items, b.n,
                 &ps, w->d);
  double lines = s.space_before + (double)para.nlines * s.leading + s.space_after;
  er_para_free(&para);
  er_span_buf_free(&b);
  return ceil(lines - 1e-9) * w->leading;
}

/* A chart that does not fit in what is left of the page goes to the top of
 * the next one; the plain paragraphs after it that fit there whole fill
 * this page's foot first, rather than leave it empty (the text flows past
 * the figure; the caption stays with it). Returns the last node placed. */
static const er_node *chart_in_flow(er_pdfw *w, const er_node *chart) {
  er_pages *p = er_typesetter_page_set(w->ts);
  const er_node *last = chart;
  double need = er_pdfw_chart_height(w, chart), room = er_pages_room(p);
  if (!er_typeset_holding(w->ts) && !p->need_page && p->cursor > 0 && need > room &&
      need <= p->style.block_height)
    for (const er_node *k = chart->next; k && k->type == ER_DOC_PARAGRAPH && !k->cls; k = k->next) {
      if (paragraph_height(w, k) > room)
        break;
      er_pdfw_block(w, k);
      last = k;
      room = er_pages_room(p);
    }
  er_pdfw_chart(w, chart);
  return last;
}

void er_pdfw_blocks(er_pdfw *w, const er_node *parent) {
  for (const er_node *n = parent->first; n; n = n->next) {
    if (n == w->body_start) { /* the body's pages are numbered from 1 */
      er_typeset_numbering(w->ts, true);
      er_typeset_folios(w->ts, false, 1);
    }
    if (n->type != ER_DOC_PAGE_BREAK)
      er_pdfw_orient(w, wants_landscape(n));
    if (er_doc_is_inline(n->type)) { /* a block holding inlines: one paragraph */
      er_ink ink = er_pdfw_ink(w, ER_ROLE_BODY);
      er_block_style s = er_pdfw_block_style(w, 0);
      er_pdfw_paragraph(w, parent, &s, &ink, -1);
      return;
    }
    if (n->type == ER_DOC_CHART)
      n = chart_in_flow(w, n);
    else
      er_pdfw_block(w, n);
  }
}
