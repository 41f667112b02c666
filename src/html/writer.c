/* The document tree as HTML: one element per node, the contents filled
 * from the headings, charts drawn as SVG, a watermark on drafts. */
#include "html/html.h"

#include "doc/linebreak.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

typedef struct writer {
  er_doc *doc;
  const er_style *style;
  FILE *out;
  const er_node *heading; /* the heading written last: names a table without a caption */
  er_linebreaker *lb;     /* NULL without ICU's data: the browser's breaks */
  bool phrased;           /* in a title, a cover field or a contents entry */
} writer;

void er_html_escape(const char *s, FILE *out) { er_html_escape_n(s, strlen(s), out); }

void er_html_escape_n(const char *s, size_t len, FILE *out) {
  for (const char *end = s + len; s < end; s++) {
    switch (*s) {
    case '&':
      fputs("&amp;", out);
      break;
    case '<':
      fputs("&lt;", out);
      break;
    case '>':
      fputs("&gt;", out);
      break;
    case '"':
      fputs("&quot;", out);
      break;
    case '\'':
      fputs("&#39;", out);
      break;
    default:
      fputc(*s, out);
    }
  }
}

/* ` id="…" class="…"` of a node; both were checked by the parser. */
static void common_attrs(writer *w, const er_node *n, const char *extra_class) {
  if (n->id)
    fprintf(w->out, " id=\"%s\"", n->id);
  if (n->cls || extra_class) {
    fputs(" class=\"", w->out);
    if (extra_class)
      fputs(extra_class, w->out);
    if (n->cls && extra_class)
      fputc(' ', w->out);
    if (n->cls)
      er_html_escape(n->cls, w->out);
    fputc('"', w->out);
  }
}

/* Text of a title, a cover field or a contents entry, where the PDF
 * breaks a line only between words (GB/T 9704 §7.3.1: 词意完整): a <wbr>
 * where its phrase costs (er_phrase_cost) are low — a phrase ends, or two
 * words of two characters or more meet; not beside a word of one
 * character (精|减退职, which ICU's dictionary does not know), before a
 * particle or inside brackets — and the style sheet's keep-all forbids
 * the rest, so the browser balances the title over the breaks the PDF
 * prefers. */
static void phrased_text(writer *w, const char *s) {
  size_t len = strlen(s), n = 0;
  uint32_t *cps = malloc((len + 1) * sizeof *cps);
  uint8_t *breaks = malloc(len + 1);
  size_t *ends = malloc((len + 1) * sizeof *ends);
  if (!cps || !breaks || !ends)
    abort();
  for (int32_t i = 0; (size_t)i < len;) {
    UChar32 c;
    U8_NEXT(s, i, (int32_t)len, c);
    cps[n] = c < 0 ? 0xFFFD : (uint32_t)c;
    ends[n++] = (size_t)i;
  }
  if (er_linebreaks(w->lb, cps, n, breaks) && er_phrase_breaks(w->lb, cps, n, breaks)) {
    size_t from = 0;
    int depth = 0;
    for (size_t k = 0; k + 1 < n; k++) {
      depth = er_phrase_depth(depth, cps[k]);
      if (breaks[k] == ER_BREAK_ALLOWED &&
          er_phrase_cost(cps, breaks, n, k, depth) < ER_PHRASE_FAIR) {
        er_html_escape_n(s + from, ends[k] - from, w->out);
        fputs("<wbr>", w->out);
        from = ends[k];
      }
    }
    er_html_escape(s + from, w->out);
  } else
    er_html_escape(s, w->out);
  free(cps);
  free(breaks);
  free(ends);
}

static void inlines(writer *w, const er_node *n);

static void inline_node(writer *w, const er_node *n) {
  static const char *const tags[] = {[ER_DOC_STRONG] = "strong",
                                     [ER_DOC_EMPH] = "em",
                                     [ER_DOC_SUP] = "sup",
                                     [ER_DOC_SUB] = "sub",
                                     [ER_DOC_SPAN] = "span"};
  switch (n->type) {
  case ER_DOC_TEXT:
    if (w->phrased && w->lb)
      phrased_text(w, n->text);
    else
      er_html_escape(n->text, w->out);
    return;
  case ER_DOC_BREAK:
    fputs("<br>", w->out);
    return;
  case ER_DOC_STRONG:
  case ER_DOC_EMPH:
  case ER_DOC_SUP:
  case ER_DOC_SUB:
  case ER_DOC_SPAN:
    fprintf(w->out, "<%s", tags[n->type]);
    common_attrs(w, n, NULL);
    fputc('>', w->out);
    inlines(w, n);
    fprintf(w->out, "</%s>", tags[n->type]);
    return;
  default:
    return;
  }
}

static void inlines(writer *w, const er_node *n) {
  for (const er_node *c = n->first; c; c = c->next)
    inline_node(w, c);
}

static void blocks(writer *w, const er_node *n);
static void block(writer *w, const er_node *n);

/* The children of a node that holds either inlines or blocks. */
static void flow(writer *w, const er_node *n) {
  if (n->first && er_doc_is_inline(n->first->type))
    inlines(w, n);
  else
    blocks(w, n);
}

static void simple(writer *w, const er_node *n, const char *tag) {
  fprintf(w->out, "<%s", tag);
  common_attrs(w, n, NULL);
  fputc('>', w->out);
  flow(w, n);
  fprintf(w->out, "</%s>\n", tag);
}

/* Headings the contents lists: h2 and h3 at the top level of the body. */
static bool listed(const er_node *n) {
  return n->type == ER_DOC_HEADING && n->level >= 2 && n->level <= 3 && n->parent &&
         n->parent->type == ER_DOC_DOCUMENT;
}

/* The listed headings after `from`, each a link. */
static void toc_entries(writer *w, const er_node *from) {
  fputs("<ol>\n", w->out);
  for (const er_node *n = from->next; n; n = n->next) {
    if (!listed(n))
      continue;
    fprintf(w->out, "<li class=\"toc-%d\"><a href=\"#%s\"><span class=\"entry\">", n->level, n->id);
    w->phrased = true;
    inlines(w, n);
    w->phrased = false;
    fputs("</span><span class=\"leader\"></span></a></li>\n", w->out);
  }
  fputs("</ol>\n", w->out);
}

static void toc(writer *w, const er_node *nav) {
  fputs("<nav", w->out);
  common_attrs(w, nav, NULL);
  fputs(">\n", w->out);
  blocks(w, nav);
  toc_entries(w, nav);
  fputs("</nav>\n", w->out);
}

/* A report whose structure has no contents page (a self-evaluation report
 * follows the bureau's form, which has none) still gets contents on
 * screen, under its title: a long page needs them. Print leaves them out,
 * as the PDF does. Only with two listed headings or more. */
static bool wants_screen_toc(const er_doc *doc) {
  int listed_count = 0;
  for (const er_node *n = doc->root->first; n; n = n->next) {
    if (n->type == ER_DOC_TOC)
      return false;
    listed_count += listed(n);
  }
  return listed_count >= 2;
}

static void screen_toc(writer *w, const er_node *title) {
  fputs("<nav class=\"toc toc-screen\" aria-labelledby=\"toc-screen-title\">\n"
        "<h1 id=\"toc-screen-title\">目录</h1>\n",
        w->out);
  toc_entries(w, title);
  fputs("</nav>\n", w->out);
}

/* A header cell says what it heads (scope); in the body, the first cell of
 * a row that spans several rows (an indicator over its children) heads
 * them even where the view made it a td. */
static void cell(writer *w, const er_node *n, bool in_head, bool first) {
  bool header = n->header || (!in_head && first && n->rowspan > 1);
  const char *tag = header ? "th" : "td";
  fprintf(w->out, "<%s", tag);
  common_attrs(w, n, header && !n->header ? "rh" : NULL);
  /* in the head, a label with its value beside it ("项目名称 | …") heads its row */
  bool labels_row = in_head && n->next && !n->next->header;
  if (header)
    fprintf(w->out, " scope=\"%s\"",
            in_head && !labels_row ? (n->colspan > 1 ? "colgroup" : "col")
                                   : (n->rowspan > 1 ? "rowgroup" : "row"));
  if (n->rowspan > 1)
    fprintf(w->out, " rowspan=\"%d\"", n->rowspan);
  if (n->colspan > 1)
    fprintf(w->out, " colspan=\"%d\"", n->colspan);
  fputc('>', w->out);
  flow(w, n);
  fprintf(w->out, "</%s>", tag);
}

static void rows(writer *w, const er_node *first, const er_node *end, bool in_head) {
  for (const er_node *r = first; r != end; r = r->next) {
    fputs("<tr", w->out);
    common_attrs(w, r, NULL);
    fputc('>', w->out);
    for (const er_node *c = r->first; c; c = c->next)
      cell(w, c, in_head, c == r->first);
    fputs("</tr>\n", w->out);
  }
}

/* Every table has a head: one the template gave none (a form such as the
 * 自评表, whose first row names the project; the cover's fields) takes its
 * first row, when that starts with a header cell, so that a printed
 * continuation repeats it. The PDF and DOCX keep the template's rows. */
static const er_node *lifted_head(const er_node *table) {
  for (const er_node *c = table->first; c; c = c->next)
    if (c->type == ER_DOC_THEAD)
      return NULL;
  for (const er_node *c = table->first; c; c = c->next)
    if (c->type == ER_DOC_TBODY)
      return c->first && c->first->first && c->first->first->header && c->first->next ? c->first
                                                                                      : NULL;
  return NULL;
}

static void table_part(writer *w, const er_node *n) {
  switch (n->type) {
  case ER_DOC_CAPTION:
    simple(w, n, "caption");
    break;
  case ER_DOC_COLGROUP:
    fputs("<colgroup>", w->out);
    for (const er_node *c = n->first; c; c = c->next) {
      fputs("<col", w->out);
      common_attrs(w, c, NULL);
      if (c->width)
        fprintf(w->out, " style=\"width: %s\"", c->width);
      fputc('>', w->out);
    }
    fputs("</colgroup>\n", w->out);
    break;
  case ER_DOC_THEAD:
    fputs("<thead>\n", w->out);
    rows(w, n->first, NULL, true);
    fputs("</thead>\n", w->out);
    break;
  case ER_DOC_TBODY: {
    const er_node *head = lifted_head(n->parent);
    if (head && head == n->first) {
      fputs("<thead class=\"lifted\">\n", w->out);
      rows(w, head, head->next, true);
      fputs("</thead>\n", w->out);
    }
    fputs("<tbody>\n", w->out);
    rows(w, head && head == n->first ? head->next : n->first, NULL, false);
    fputs("</tbody>\n", w->out);
    break;
  }
  default:
    break;
  }
}

static void diagnostics(writer *w, const er_node *n) {
  fputs("<div", w->out);
  common_attrs(w, n, NULL);
  fputs(">\n", w->out);
  for (const er_node *b = n->first; b; b = b->next) {
    if (b->type != ER_DOC_LIST) {
      block(w, b);
      continue;
    }
    fputs(b->ordered ? "<ol>\n" : "<ul>\n", w->out);
    for (const er_node *li = b->first; li; li = li->next) {
      fputs("<li", w->out);
      common_attrs(w, li, NULL);
      fputc('>', w->out);
      /* a finding about no part of the report (an unknown key) links to the top */
      fprintf(w->out, "<a href=\"#%s\">", li->target ? li->target : "top");
      flow(w, li);
      fputs("</a>", w->out);
      fputs("</li>\n", w->out);
    }
    fputs(b->ordered ? "</ol>\n" : "</ul>\n", w->out);
  }
  fputs("</div>\n", w->out);
}

/* A table in its own scrolling box (focusable, to scroll it from the
 * keyboard), so a wide one scrolls by itself on a phone and the page never
 * does. The box is named by the caption, or by the heading above a table
 * without one, when they have ids (names from data stay out of attributes). */
static void table(writer *w, const er_node *n) {
  const char *name = NULL;
  bool captioned = false;
  for (const er_node *c = n->first; c; c = c->next)
    if (c->type == ER_DOC_CAPTION)
      captioned = true, name = c->id;
  if (!captioned && w->heading)
    name = w->heading->id;
  fputs("<div class=\"table-scroll\" tabindex=\"0\"", w->out);
  if (name)
    fprintf(w->out, " role=\"region\" aria-labelledby=\"%s\"", name);
  fputs(">\n<table", w->out);
  common_attrs(w, n, NULL);
  fputs(">\n", w->out);
  for (const er_node *c = n->first; c; c = c->next)
    table_part(w, c);
  fputs("</table>\n</div>\n", w->out);
}

static void block(writer *w, const er_node *n) {
  switch (n->type) {
  case ER_DOC_HEADING: {
    char tag[4] = {'h', (char)('0' + n->level), 0};
    bool was = w->phrased;
    w->phrased = was || n->level == 1;
    simple(w, n, tag);
    w->phrased = was;
    w->heading = n;
    break;
  }
  case ER_DOC_PARAGRAPH: {
    /* the 附件 list under the body breaks between words, as the PDF's */
    bool was = w->phrased;
    w->phrased = was || er_node_has_class(n, "annex-list") || er_node_has_class(n, "annex-note");
    simple(w, n, "p");
    w->phrased = was;
    break;
  }
  case ER_DOC_LIST:
    fputs(n->ordered ? "<ol" : "<ul", w->out);
    common_attrs(w, n, NULL);
    fputs(">\n", w->out);
    for (const er_node *li = n->first; li; li = li->next)
      simple(w, li, "li");
    fputs(n->ordered ? "</ol>\n" : "</ul>\n", w->out);
    break;
  case ER_DOC_TABLE:
    table(w, n);
    break;
  case ER_DOC_CHART:
    fputs("<figure", w->out);
    common_attrs(w, n, NULL);
    fputs(">\n", w->out);
    er_html_chart(w->doc, n, w->out);
    for (const er_node *c = n->first; c; c = c->next)
      if (c->type == ER_DOC_FIGCAPTION)
        simple(w, c, "figcaption");
    er_html_chart_table(w->doc, n, w->out);
    fputs("</figure>\n", w->out);
    break;
  case ER_DOC_COVER:
    fputs("<section", w->out);
    common_attrs(w, n, NULL);
    fputs(">\n", w->out);
    w->phrased = true;
    blocks(w, n);
    w->phrased = false;
    fputs("</section>\n", w->out);
    break;
  case ER_DOC_TOC:
    toc(w, n);
    break;
  case ER_DOC_PAGE_BREAK:
    fputs("<div", w->out);
    common_attrs(w, n, NULL);
    fputs("></div>\n", w->out);
    break;
  case ER_DOC_FOOTNOTE:
    simple(w, n, "aside");
    break;
  case ER_DOC_DIAGNOSTICS:
    diagnostics(w, n);
    break;
  default:
    break;
  }
}

static void blocks(writer *w, const er_node *n) {
  for (const er_node *c = n->first; c; c = c->next)
    block(w, c);
}

/* Gives every listed heading an id, so the contents can link to it. */
static void heading_ids(er_doc *doc) {
  int k = 0;
  for (er_node *n = doc->root->first; n; n = n->next)
    if (listed(n) && !n->id)
      n->id = er_arena_printf(&doc->arena, "h-%d", ++k);
}

void er_html_document(er_doc *doc, const er_style *style, bool draft, FILE *out) {
  writer w = {doc, style, out, NULL, er_linebreaker_new(), false};
  heading_ids(doc);
  fprintf(out, "<!DOCTYPE html>\n<html lang=\"");
  er_html_escape(doc->lang ? doc->lang : "zh-CN", out);
  fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"evalreport\">\n<title>",
        out);
  er_html_escape(doc->title ? doc->title : "", out);
  fputs("</title>\n<style>\n", out);
  er_html_css(style, draft, out);
  fputs("</style>\n</head>\n<body>\n", out);
  if (draft)
    /* the word comes from the style sheet: decoration, not text to read or to check for contrast */
    fputs("<div class=\"watermark\" aria-hidden=\"true\"><span></span></div>\n", out);
  fputs("<div class=\"print-note\">打印请使用 PDF：浏览器打印的分页与正式报告不同，"
        "请打印同名的 PDF 文件（evalreport render --format pdf）。</div>\n"
        "<main class=\"paper\" id=\"top\">\n",
        out);
  /* the root's blocks; contents for the screen after the first title */
  bool screen = wants_screen_toc(doc);
  for (const er_node *n = doc->root->first; n; n = n->next) {
    block(&w, n);
    if (screen && n->type == ER_DOC_HEADING && n->level == 1) {
      screen_toc(&w, n);
      screen = false;
    }
  }
  fputs("</main>\n</body>\n</html>\n", out);
  er_linebreaker_free(w.lb);
}
