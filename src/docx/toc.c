/* The contents: the nav's title, then a TOC field over heading levels 2–3
 * whose cached result lists the headings the HTML and PDF contents list
 * (h2 and h3 at the top level after the nav), each a link to its
 * heading's bookmark with a PAGEREF field whose cached number is the page
 * the heading lands on in evalreport's own PDF layout — right when the
 * file is opened, and Word can still update it. */
#include "docx/docxw.h"

#include <stdio.h>

bool er_docx_listed(const er_node *n) {
  return n->type == ER_DOC_HEADING && n->level >= 2 && n->level <= 3 && n->parent &&
         n->parent->type == ER_DOC_DOCUMENT;
}

/* The heading's number among all headings in document order: the order
 * in which the PDF layout reports their pages. */
int er_docx_heading_index(const er_docxw *w, const er_node *h) {
  int k = 0;
  for (const er_node *n = w->doc->root; n; n = er_node_following(w->doc->root, n)) {
    if (n == h)
      return k;
    k += n->type == ER_DOC_HEADING;
  }
  return -1;
}

static void fld(er_dx *x, const char *type) {
  er_dx_open(x, "w:r");
  er_dx_open(x, "w:fldChar");
  er_dx_attr(x, "w:fldCharType", type);
  er_dx_close(x);
  er_dx_close(x);
}

static void instr(er_dx *x, const char *text) {
  er_dx_open(x, "w:r");
  er_dx_open(x, "w:instrText");
  er_dx_attr(x, "xml:space", "preserve");
  er_dx_chars(x, text);
  er_dx_close(x);
  er_dx_close(x);
}

static void entry(er_docxw *w, const er_node *h, bool first, bool last) {
  er_dx *x = &w->x;
  int k = er_docx_heading_index(w, h);
  er_dx_open(x, "w:p");
  er_docx_ppr_begin(w, h->level == 2 ? "TOC1" : "TOC2", NULL);
  er_dx_close(x);
  if (first) {
    fld(x, "begin");
    instr(x, " TOC \\o \"2-3\" \\h \\z \\u ");
    fld(x, "separate");
  }
  er_dx_open(x, "w:hyperlink");
  er_dx_attrf(x, "w:anchor", "_Toc%d", k);
  er_dx_attr(x, "w:history", "1");
  er_docx_runs(w, h, 0, false);
  er_dx_open(x, "w:r");
  er_dx_empty(x, "w:tab", NULL);
  er_dx_close(x);
  fld(x, "begin");
  char text[48];
  snprintf(text, sizeof text, " PAGEREF _Toc%d \\h ", k);
  instr(x, text);
  fld(x, "separate");
  int folio = w->folios && k >= 0 && (size_t)k < w->nfolios ? w->folios[k] : 0;
  snprintf(text, sizeof text, "%d", folio);
  er_dx_open(x, "w:r");
  er_dx_t(x, folio > 0 ? text : "");
  er_dx_close(x);
  fld(x, "end");
  er_dx_close(x); /* hyperlink */
  if (last)
    fld(x, "end");
  er_dx_close(x);
}

void er_docx_toc(er_docxw *w, const er_node *nav) {
  er_docx_blocks(w, nav); /* the title */
  const er_node *first = NULL, *last = NULL;
  for (const er_node *n = nav->next; n; n = n->next)
    if (er_docx_listed(n)) {
      if (!first)
        first = n;
      last = n;
    }
  for (const er_node *n = first; n; n = n->next) {
    if (er_docx_listed(n))
      entry(w, n, n == first, n == last);
    if (n == last)
      break;
  }
}
