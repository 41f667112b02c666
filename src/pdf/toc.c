/* The contents (nav class="toc"): its title, then one entry per heading
 * the HTML contents lists (h2 and h3 at the top level after the nav), a
 * 一、 entry in 黑体, a （一） one in 仿宋 two characters in; a dot leader
 * runs to the page number, set right in a column of its own.
 *
 * The entries are laid out once, where the nav is, with a fixed column
 * for the numbers, so that no number can change where an entry breaks or
 * how many pages the contents take — and so where any heading after it
 * lands. When the whole document is laid out, each heading's page is
 * known and its number is drawn into the place kept for it, with a link
 * to the heading. */
#include "pdf/pdfw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NUMBER_CHARS 3.0 /* the page-number column, in characters */
#define LEADER_DOT 1.1   /* pt */

struct er_pdfw_toc_entry {
  int heading_tag; /* of the heading it lists */
  int tag;         /* of the entry's own block */
  double left;     /* its indent, characters */
  er_para para;    /* as laid out, for the end of its last line */
  er_ink ink;
};

/* A heading the contents lists, as the HTML writer chooses them. */
static bool listed(const er_node *n) {
  return n->type == ER_DOC_HEADING && n->level >= 2 && n->level <= 3 && n->parent &&
         n->parent->type == ER_DOC_DOCUMENT;
}

static int tag_of(const er_pdfw *w, const er_node *n) {
  for (size_t i = 0; i < w->nheads; i++)
    if (w->heads[i].node == n)
      return w->heads[i].tag;
  return -1;
}

void er_pdfw_toc(er_pdfw *w, const er_node *nav) {
  er_pdfw_blocks(w, nav); /* the title */
  size_t count = 0;
  for (const er_node *n = nav->next; n; n = n->next)
    count += listed(n);
  er_pdfw_toc_free(w);
  w->toc = calloc(count ? count : 1, sizeof *w->toc);
  if (!w->toc)
    abort();
  const er_page_style *page = &er_typesetter_page_set(w->ts)->style;
  for (const er_node *n = nav->next; n; n = n->next) {
    if (!listed(n))
      continue;
    er_pdfw_toc_entry *e = &w->toc[w->ntoc++];
    e->heading_tag = tag_of(w, n);
    e->tag = er_pdfw_new_tag(w);
    e->left = n->level == 2 ? 0 : 2;
    e->ink = er_pdfw_ink(w, n->level == 2 ? ER_ROLE_H2 : ER_ROLE_BODY);
    e->ink.bold = false;
    er_block_style s = er_pdfw_block_style(w, 0);
    s.role = e->ink.role;
    s.indent = 0;
    s.align = ER_ALIGN_START;
    s.left = e->left;
    s.right = NUMBER_CHARS;
    s.phrases = true; /* a wrapped entry breaks between words */
    er_span_buf b = {0};
    er_spans_inlines(&b, n, &e->ink);
    for (size_t i = 0; i < b.n; i++)
      b.items[i].bold = false;
    er_para_style ps =
        er_typesetter_para_style(w->ts, &s, page->block_width - (s.left + s.right) * w->pitch);
    er_para_layout_phrased(&e->para, er_typesetter_fonts(w->ts), er_typesetter_linebreaker(w->ts),
                           b.items, b.n, &ps, w->d);
    er_pdfw_entry_lines(w, n, &e->para); /* for the DOCX's contents */
    er_typeset_block(w->ts, &s, b.items, b.n, e->tag);
    er_span_buf_free(&b);
  }
}

static void entry_number(er_pdfw *w, er_pages *p, const er_pdfw_toc_entry *e) {
  size_t hpage, epage;
  double hy, ey;
  if (!er_typesetter_tag(w->ts, e->heading_tag, &hpage, &hy) ||
      !er_typesetter_tag(w->ts, e->tag, &epage, &ey))
    return;
  const er_page_style *st = &p->pages[epage].style;
  double lines = (double)e->para.nlines;
  er_link link = {epage, st->left, ey, st->block_width, lines * w->leading, hpage, hy};
  er_pages_link(p, &link);
  int folio = p->pages[hpage].folio;
  if (folio <= 0)
    return;
  char text[32];
  if (p->pages[hpage].roman)
    er_roman(folio, text, sizeof text);
  else
    snprintf(text, sizeof text, "%d", folio);
  er_span span = {.text = text, .len = strlen(text), .role = ER_ROLE_BODY, .size = e->ink.size};
  er_para_style ps = {.measure = NUMBER_CHARS * w->pitch, .align = ER_ALIGN_END};
  er_para num;
  er_para_layout(&num, er_typesetter_fonts(w->ts), er_typesetter_linebreaker(w->ts), &span, 1, &ps,
                 w->d);
  const er_line *last = &e->para.lines[e->para.nlines - 1];
  double top = ey + (lines - 1) * w->leading;
  double baseline = er_pages_baseline(top, w->leading, e->ink.size);
  double right = st->left + st->block_width;
  er_pages_place_line(p, epage, &num, 0, right - NUMBER_CHARS * w->pitch, baseline);
  double from = st->left + e->left * w->pitch + last->width + 0.4 * w->pitch;
  /* the number's own width: its line is aligned to the column's end, so
   * its first run starts where the digits do */
  double digits = num.lines[0].width - (num.nruns ? num.runs[num.lines[0].first_run].x : 0);
  double to = right - digits - 0.4 * w->pitch;
  if (to > from + 2 * LEADER_DOT) {
    er_shape leader = {.kind = ER_SHAPE_LINE,
                       .x = from,
                       .y = baseline - 0.1 * e->ink.size,
                       .w = to - from,
                       .stroke = LEADER_DOT,
                       .fill = ER_NO_FILL,
                       .dotted = true};
    er_pages_shape(p, epage, &leader);
  }
  er_para_free(&num);
}

void er_pdfw_toc_finish(er_pdfw *w) {
  er_pages *p = er_typesetter_page_set(w->ts);
  for (size_t i = 0; i < w->ntoc; i++)
    entry_number(w, p, &w->toc[i]);
}

void er_pdfw_toc_free(er_pdfw *w) {
  for (size_t i = 0; i < w->ntoc; i++)
    er_para_free(&w->toc[i].para);
  free(w->toc);
  w->toc = NULL;
  w->ntoc = 0;
}
