/* The contents: the nav's title, then a TOC field over heading levels 2–3
 * whose cached result lists the headings the HTML and PDF contents list
 * (h2 and h3 at the top level after the nav), each a link to its
 * heading's bookmark with a PAGEREF field whose cached number is the page
 * the heading lands on in evalreport's own PDF layout — right when the
 * file is opened, and Word can still update it.
 *
 * Updated, the field takes headings 2 and 3 by their styles (\t, as toc 1
 * and toc 2, the styles of the cached entries) and the TC fields (\f): an
 * annex's "附件N" line is a heading of a style of its own (AnnexHeading,
 * in the navigation pane by its outline level) whose TC field carries the
 * entry evalreport's contents shows, "附件N：title". Not \o or \u: Word
 * would list "附件N" by its outline level, and LibreOffice, which reads
 * both as "from the outline", would list it beside the TC entry. */
#include "docx/docxw.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOC_INSTR " TOC \\t \"Heading 2,1,Heading 3,2\" \\f \\l \"1-2\" \\h \\z "

bool er_docx_listed(const er_node *n) {
  return n->type == ER_DOC_HEADING && n->level >= 2 && n->level <= 3 && n->parent &&
         n->parent->type == ER_DOC_DOCUMENT;
}

typedef struct er_dx_heading {
  const er_node *node;
  int index; /* among all headings in document order */
} er_dx_heading;

static int by_node(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)((const er_dx_heading *)a)->node;
  uintptr_t y = (uintptr_t)((const er_dx_heading *)b)->node;
  return (x > y) - (x < y);
}

size_t er_docx_index_headings(er_docxw *w) {
  size_t n = 0;
  for (const er_node *h = w->doc->root; h; h = er_node_following(w->doc->root, h))
    n += h->type == ER_DOC_HEADING;
  w->headings = malloc((n ? n : 1) * sizeof *w->headings);
  if (!w->headings)
    abort();
  w->nheadings = 0;
  for (const er_node *h = w->doc->root; h; h = er_node_following(w->doc->root, h))
    if (h->type == ER_DOC_HEADING) {
      w->headings[w->nheadings].node = h;
      w->headings[w->nheadings].index = (int)w->nheadings;
      w->nheadings++;
    }
  qsort(w->headings, w->nheadings, sizeof *w->headings, by_node);
  return n;
}

/* The heading's number among all headings in document order: the order
 * in which the PDF layout reports their pages. */
int er_docx_heading_index(const er_docxw *w, const er_node *h) {
  er_dx_heading key = {h, 0};
  const er_dx_heading *found =
      bsearch(&key, w->headings, w->nheadings, sizeof *w->headings, by_node);
  return found ? found->index : -1;
}

static void fld(er_xml *x, const char *type) {
  er_xml_open(x, "w:r");
  er_xml_open(x, "w:fldChar");
  er_xml_attr(x, "w:fldCharType", type);
  er_xml_close(x);
  er_xml_close(x);
}

static void instr(er_xml *x, const char *text) {
  er_xml_open(x, "w:r");
  er_xml_open(x, "w:instrText");
  er_xml_attr(x, "xml:space", "preserve");
  er_xml_chars(x, text);
  er_xml_close(x);
  er_xml_close(x);
}

void er_docx_toc_entry_field(er_docxw *w, const char *entry) {
  /* TC "entry" \l 1, the entry's " and \ escaped with a backslash */
  size_t len = strlen(entry), k = 0;
  char *code = malloc(2 * len + 16);
  if (!code)
    abort();
  k += (size_t)sprintf(code, " TC \"");
  for (size_t i = 0; i < len; i++) {
    if (entry[i] == '"' || entry[i] == '\\')
      code[k++] = '\\';
    code[k++] = entry[i];
  }
  strcpy(code + k, "\" \\l 1 ");
  fld(&w->x, "begin");
  instr(&w->x, code);
  fld(&w->x, "end");
  free(code);
}

static void entry(er_docxw *w, const er_node *h, bool first, bool last) {
  er_xml *x = &w->x;
  int k = er_docx_heading_index(w, h);
  er_xml_open(x, "w:p");
  er_docx_ppr_begin(w, h->level == 2 ? "TOC1" : "TOC2", NULL);
  er_xml_close(x);
  if (first) {
    fld(x, "begin");
    instr(x, TOC_INSTR);
    fld(x, "separate");
  }
  er_xml_open(x, "w:hyperlink");
  er_xml_attrf(x, "w:anchor", "_Toc%d", k);
  er_xml_attr(x, "w:history", "1");
  w->in_contents = true; /* the entry's lines, not the heading's */
  er_docx_runs(w, h, 0, false);
  w->in_contents = false;
  er_xml_open(x, "w:r");
  er_dx_empty(x, "w:tab", NULL);
  er_xml_close(x);
  fld(x, "begin");
  char text[48];
  snprintf(text, sizeof text, " PAGEREF _Toc%d \\h ", k);
  instr(x, text);
  fld(x, "separate");
  int folio = w->folios && k >= 0 && (size_t)k < w->nfolios ? w->folios[k] : 0;
  snprintf(text, sizeof text, "%d", folio);
  er_xml_open(x, "w:r");
  er_dx_t(x, folio > 0 ? text : "");
  er_xml_close(x);
  fld(x, "end");
  er_xml_close(x); /* hyperlink */
  if (last)
    fld(x, "end");
  er_xml_close(x);
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
