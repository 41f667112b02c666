/* Parsing the expanded XHTML into the document tree, strictly: libxml2
 * checks well-formedness (no DTD, no network, no entity expansion), and
 * every element and attribute is checked against the document language
 * of doc.h. */
#include "doc/parse_impl.h"

#include "model/text.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const element elements[] = {
    {"h1", ER_DOC_HEADING, C_INLINES, NULL, ""},
    {"h2", ER_DOC_HEADING, C_INLINES, NULL, ""},
    {"h3", ER_DOC_HEADING, C_INLINES, NULL, ""},
    {"h4", ER_DOC_HEADING, C_INLINES, NULL, ""},
    {"p", ER_DOC_PARAGRAPH, C_INLINES, NULL, ""},
    {"ul", ER_DOC_LIST, C_LIST, NULL, ""},
    {"ol", ER_DOC_LIST, C_LIST, NULL, ""},
    {"li", ER_DOC_ITEM, C_FLOW, NULL, "data-target"},
    {"table", ER_DOC_TABLE, C_TABLE, NULL, ""},
    {"caption", ER_DOC_CAPTION, C_INLINES, NULL, ""},
    {"colgroup", ER_DOC_COLGROUP, C_COLGROUP, NULL, ""},
    {"col", ER_DOC_COL, C_EMPTY, NULL, "width"},
    {"thead", ER_DOC_THEAD, C_ROWS, NULL, ""},
    {"tbody", ER_DOC_TBODY, C_ROWS, NULL, ""},
    {"tr", ER_DOC_ROW, C_CELLS, NULL, ""},
    {"th", ER_DOC_CELL, C_FLOW, NULL, "rowspan colspan"},
    {"td", ER_DOC_CELL, C_FLOW, NULL, "rowspan colspan"},
    {"figure", ER_DOC_CHART, C_CHART, "chart", "data-kind data-unit data-max"},
    {"data", ER_DOC_DATUM, C_INLINES, NULL, "value"},
    {"figcaption", ER_DOC_FIGCAPTION, C_INLINES, NULL, ""},
    {"section", ER_DOC_COVER, C_BLOCKS, "cover", ""},
    {"nav", ER_DOC_TOC, C_BLOCKS, "toc", ""},
    {"div", ER_DOC_PAGE_BREAK, C_EMPTY, "page-break", ""},
    {"div", ER_DOC_DIAGNOSTICS, C_BLOCKS, "diagnostics", ""},
    {"aside", ER_DOC_FOOTNOTE, C_INLINES, "footnote", ""},
    {"br", ER_DOC_BREAK, C_EMPTY, NULL, ""},
    {"strong", ER_DOC_STRONG, C_INLINES, NULL, ""},
    {"em", ER_DOC_EMPH, C_INLINES, NULL, ""},
    {"sup", ER_DOC_SUP, C_INLINES, NULL, ""},
    {"sub", ER_DOC_SUB, C_INLINES, NULL, ""},
    {"span", ER_DOC_SPAN, C_INLINES, NULL, ""},
};

void er_doc_problem(parser *P, unsigned line, const char *anchor, const char *fmt, ...) {
  char text[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  er_diag *to = P->in_body ? &P->body : &P->content;
  er_error(to, ((er_pos){line, 1}), "document", "%s", text);
  er_diag_anchor(to, anchor);
  P->failed = true;
}

static const char *name_of(const xmlNode *x) { return (const char *)x->name; }

static er_node *new_node(parser *P, er_node *parent, er_doc_type type, unsigned line) {
  er_node *n = er_arena_alloc(&P->doc->arena, sizeof *n);
  n->type = type;
  n->line = line;
  n->rowspan = n->colspan = 1;
  n->parent = parent;
  if (parent) {
    n->prev = parent->last;
    if (parent->last)
      parent->last->next = n;
    else
      parent->first = n;
    parent->last = n;
  }
  return n;
}

static bool is_blank(const char *s) { return er_is_blank(s, strlen(s)); }

/* ---- elements ---- */

static const element *lookup(const xmlNode *x, const char *cls) {
  const element *by_name = NULL;
  const char *name = name_of(x);
  for (size_t i = 0; i < sizeof elements / sizeof elements[0]; i++) {
    const element *e = &elements[i];
    if (e->name[0] != name[0] || strcmp(e->name, name) != 0)
      continue;
    if (!e->cls || (cls && strstr(cls, e->cls)))
      return e;
    by_name = e;
  }
  return by_name;
}

static bool is_block_type(er_doc_type t) { return t != ER_DOC_DOCUMENT && !er_doc_is_inline(t); }

/* The child types a content model admits. */
static bool admits(content c, er_doc_type t) {
  switch (c) {
  case C_BLOCKS:
    return t == ER_DOC_HEADING || t == ER_DOC_PARAGRAPH || t == ER_DOC_LIST || t == ER_DOC_TABLE ||
           t == ER_DOC_CHART || t == ER_DOC_COVER || t == ER_DOC_TOC || t == ER_DOC_PAGE_BREAK ||
           t == ER_DOC_FOOTNOTE || t == ER_DOC_DIAGNOSTICS;
  case C_INLINES:
    return er_doc_is_inline(t);
  case C_FLOW:
    return admits(C_BLOCKS, t) || admits(C_INLINES, t);
  case C_LIST:
    return t == ER_DOC_ITEM;
  case C_TABLE:
    return t == ER_DOC_CAPTION || t == ER_DOC_COLGROUP || t == ER_DOC_THEAD || t == ER_DOC_TBODY;
  case C_COLGROUP:
    return t == ER_DOC_COL;
  case C_ROWS:
    return t == ER_DOC_ROW;
  case C_CELLS:
    return t == ER_DOC_CELL;
  case C_CHART:
    return t == ER_DOC_DATUM || t == ER_DOC_FIGCAPTION;
  default:
    return false;
  }
}

static bool is_cjk(unsigned cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF) || (cp >= 0x2014 && cp <= 0x201D) || cp == 0x2026;
}

static unsigned decode(const unsigned char *s, size_t *n) {
  if (s[0] < 0x80)
    return *n = 1, s[0];
  if ((s[0] & 0xE0) == 0xC0)
    return *n = 2, (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
  if ((s[0] & 0xF0) == 0xE0)
    return *n = 3, (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
  return *n = 4, (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3F) << 12 |
                     (unsigned)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}

/* Adds a text node of s with whitespace collapsed (see doc.h). */
static void text(parser *P, er_node *parent, const char *s, unsigned line) {
  size_t len = strlen(s);
  /* made in a scratch buffer: the document keeps only what is left, and
   * nothing of the white space between elements */
  if (len + 2 > P->scratch_cap) {
    P->scratch_cap = len + 2 > 2 * P->scratch_cap ? len + 2 : 2 * P->scratch_cap;
    free(P->scratch);
    if (!(P->scratch = malloc(P->scratch_cap)))
      abort();
  }
  char *out = P->scratch, *o = out;
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
      P->pending = true;
      P->pending_newline |= *p == '\n';
      p++;
      continue;
    }
    size_t n;
    unsigned cp = decode(p, &n);
    bool cjk = is_cjk(cp);
    if (P->pending && !P->at_start && !(P->pending_newline && P->last_cjk && cjk))
      *o++ = ' ';
    P->pending = P->pending_newline = false;
    memcpy(o, p, n);
    o += n;
    p += n;
    P->last_cjk = cjk;
    P->at_start = false;
  }
  if (o > out)
    new_node(P, parent, ER_DOC_TEXT, line)->text =
        er_arena_strndup(&P->doc->arena, out, (size_t)(o - out));
}

static void start_inlines(parser *P) {
  P->pending = P->pending_newline = P->last_cjk = false;
  P->at_start = true;
}

static void convert_children(parser *P, er_node *n, const xmlNode *x, content c, const char *where);

/* Checks element x where content `c` is expected and adds its node to
 * parent; NULL (and *ep NULL) after a problem, when its content is not
 * looked into. */
static er_node *open_element(parser *P, er_node *parent, const xmlNode *x, content c,
                             const char *where, const element **ep) {
  *ep = NULL;
  unsigned line = er_doc_line(x);
  char anchor[80];
  er_doc_anchor(anchor, sizeof anchor, "<", name_of(x));
  if (x->ns &&
      (!x->ns->href || strcmp((const char *)x->ns->href, "http://www.w3.org/1999/xhtml") != 0)) {
    er_doc_problem(P, line, anchor, "元素 <%s:%s> 不在文档语言中", (const char *)x->ns->prefix,
                   name_of(x));
    return NULL;
  }
  char *cls = er_doc_attr(x, "class");
  const element *e = lookup(x, cls);
  if (!e) {
    er_doc_problem(P, line, anchor, "元素 <%s> 不在文档语言中 (not in the document language)",
                   name_of(x));
    xmlFree(cls);
    return NULL;
  }
  if (e->cls && (!cls || !strstr(cls, e->cls))) {
    if (!strcmp(e->name, "div"))
      er_doc_problem(P, line, anchor,
                     "<div> 只能用作 class=\"page-break\" 或 class=\"diagnostics\"");
    else
      er_doc_problem(P, line, anchor, "<%s> 只能用作 class=\"%s\"", e->name, e->cls);
    xmlFree(cls);
    return NULL;
  }
  xmlFree(cls);
  if (!admits(c, e->type)) {
    er_doc_problem(P, line, anchor, "<%s> 不能放在 <%s> 中", name_of(x), where);
    return NULL;
  }
  er_node *n = new_node(P, parent, e->type, line);
  er_doc_attributes(P, n, x, e);
  if (e->type == ER_DOC_HEADING)
    n->level = name_of(x)[1] - '0';
  if (e->type == ER_DOC_LIST)
    n->ordered = name_of(x)[0] == 'o';
  if (e->type == ER_DOC_CELL)
    n->header = name_of(x)[1] == 'h';
  if ((e->type == ER_DOC_COVER || e->type == ER_DOC_TOC) && parent->type != ER_DOC_DOCUMENT)
    er_doc_problem(P, line, anchor, "<%s class=\"%s\"> 只能直接放在 <body> 中", e->name, e->cls);
  if (e->type == ER_DOC_BREAK) {
    P->pending = false;
    P->at_start = true;
  }
  *ep = e;
  return n;
}

static void convert_element(parser *P, er_node *parent, const xmlNode *x, content c,
                            const char *where) {
  const element *e;
  er_node *n = open_element(P, parent, x, c, where, &e);
  if (!n)
    return;
  unsigned line = er_doc_line(x);
  content inner = e->content;
  if (inner == C_FLOW) {
    bool blocks = false, inlines = false;
    for (const xmlNode *k = x->children; k; k = k->next) {
      if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
        inlines |= !is_blank((const char *)k->content);
      else if (k->type == XML_ELEMENT_NODE) {
        char *kc = er_doc_attr(k, "class");
        const element *ke = lookup(k, kc);
        xmlFree(kc);
        if (ke && is_block_type(ke->type))
          blocks = true;
        else if (ke)
          inlines = true;
      }
    }
    if (blocks && inlines) {
      char anchor[80];
      er_doc_anchor(anchor, sizeof anchor, "<", name_of(x));
      er_doc_problem(P, line, anchor, "<%s> 中不能同时有文字和块元素（请把文字放进 <p>）",
                     name_of(x));
      return;
    }
    inner = blocks ? C_BLOCKS : C_INLINES;
  }
  bool block_with_inlines = inner == C_INLINES && is_block_type(e->type);
  if (block_with_inlines)
    start_inlines(P);
  convert_children(P, n, x, inner, e->name);
  if (block_with_inlines)
    P->pending = false;
}

/* One child of an element: an element, text, a comment or something
 * outside the document language. */
static void convert_node(parser *P, er_node *n, const xmlNode *k, content c, const char *where) {
  switch (k->type) {
  case XML_ELEMENT_NODE:
    convert_element(P, n, k, c, where);
    break;
  case XML_TEXT_NODE:
  case XML_CDATA_SECTION_NODE: {
    const char *s = (const char *)k->content;
    if (c == C_INLINES)
      text(P, n, s, er_doc_line(k));
    else if (!is_blank(s))
      er_doc_problem(P, er_doc_line(k), NULL, "文字不能直接放在 <%s> 中（请放进 <p> 或单元格）",
                     where);
    break;
  }
  case XML_COMMENT_NODE:
    break;
  default:
    er_doc_problem(P, er_doc_line(k), NULL, "<%s> 中有文档语言之外的内容（处理指令或实体）", where);
  }
}

/* The content of an element read whole (xmlTextReaderExpand). */
static void convert_children(parser *P, er_node *n, const xmlNode *x, content c,
                             const char *where) {
  for (const xmlNode *k = x->children; k; k = k->next)
    convert_node(P, n, k, c, where);
}

/* ---- the document ---- */

static void head(parser *P, const xmlNode *h) {
  for (const xmlNode *k = h->children; k; k = k->next) {
    if (k->type != XML_ELEMENT_NODE)
      continue;
    if (!strcmp(name_of(k), "title")) {
      xmlChar *t = xmlNodeGetContent(k);
      P->doc->title = er_doc_keep(P, (const char *)t);
      xmlFree(t);
    } else if (!strcmp(name_of(k), "meta")) {
      char *name = er_doc_attr(k, "name"), *content = er_doc_attr(k, "content");
      if (name && content && !strcmp(name, "style") && er_doc_id_chars(content))
        P->doc->style = er_doc_keep(P, content);
      else
        er_doc_problem(P, er_doc_line(k), "<meta",
                       "<head> 中只能有 <title> 和 <meta name=\"style\" content=\"…\"/>");
      xmlFree(name);
      xmlFree(content);
    } else
      er_doc_problem(P, er_doc_line(k), "<head", "<head> 中不能有 <%s>", name_of(k));
  }
}

/* ---- reading as it goes ----
 *
 * The document is read with libxml2's xmlTextReader, not as one tree: a
 * large report's tree took seven times the bytes of its text. Elements
 * whose content is blocks, list items, table parts or rows are read one
 * child at a time; every other element (a paragraph, a row, a cell) is read
 * whole and converted as above. The reader frees what it has gone past. */

/* Content read one child at a time: none needs a look ahead (C_FLOW). */
static bool streamed(content c) {
  return c == C_BLOCKS || c == C_LIST || c == C_TABLE || c == C_ROWS;
}

static int read_children(parser *P, xmlTextReaderPtr r, er_node *n, content c, const char *where);

/* Converts the node the reader is at, into n; returns the reader's status
 * once past it (1: at the next node). */
static int read_node(parser *P, xmlTextReaderPtr r, er_node *n, content c, const char *where) {
  xmlNode *k = xmlTextReaderCurrentNode(r);
  if (!k)
    return -1;
  if (k->type != XML_ELEMENT_NODE) {
    convert_node(P, n, k, c, where);
    return xmlTextReaderRead(r);
  }
  char *cls = er_doc_attr(k, "class");
  const element *e = lookup(k, cls);
  xmlFree(cls);
  if (e && streamed(e->content) && admits(c, e->type)) {
    er_node *child = open_element(P, n, k, c, where, &e);
    if (!child)
      return xmlTextReaderNext(r);
    int ret = read_children(P, r, child, e->content, e->name);
    return ret == 1 ? xmlTextReaderRead(r) : ret;
  }
  const xmlNode *whole = xmlTextReaderExpand(r);
  if (!whole)
    return -1;
  convert_node(P, n, whole, c, where);
  return xmlTextReaderNext(r);
}

/* Converts the children of the element the reader is at; returns 1 with
 * the reader at its end (or at the element itself when it is empty). */
static int read_children(parser *P, xmlTextReaderPtr r, er_node *n, content c, const char *where) {
  if (xmlTextReaderIsEmptyElement(r))
    return 1;
  int depth = xmlTextReaderDepth(r);
  int ret = xmlTextReaderRead(r);
  while (ret == 1 && !(xmlTextReaderNodeType(r) == XML_READER_TYPE_END_ELEMENT &&
                       xmlTextReaderDepth(r) == depth))
    ret = read_node(P, r, n, c, where);
  return ret;
}

/* The root element, which the reader is at: <html> with a <head> and a
 * <body>. */
static void read_html(parser *P, xmlTextReaderPtr r, bool doctype) {
  const xmlNode *html = xmlTextReaderCurrentNode(r);
  if (!html || strcmp(name_of(html), "html") != 0) {
    er_doc_problem(P, html ? er_doc_line(html) : 1, "<", "文档的根元素应为 <html>");
    return;
  }
  if (doctype)
    er_doc_problem(P, 1, "<!DOCTYPE", "文档不能有 DOCTYPE");
  char *lang = er_doc_attr(html, "lang");
  P->doc->lang = er_doc_keep(P, lang ? lang : "zh-CN");
  xmlFree(lang);
  unsigned html_line = er_doc_line(html);
  bool body = false;
  int depth = xmlTextReaderDepth(r);
  int ret = xmlTextReaderIsEmptyElement(r) ? 0 : xmlTextReaderRead(r);
  while (ret == 1 && !(xmlTextReaderNodeType(r) == XML_READER_TYPE_END_ELEMENT &&
                       xmlTextReaderDepth(r) == depth)) {
    const xmlNode *k = xmlTextReaderCurrentNode(r);
    if (k && k->type == XML_ELEMENT_NODE && !strcmp(name_of(k), "body") && !body) {
      body = true;
      P->doc->root = new_node(P, NULL, ER_DOC_DOCUMENT, er_doc_line(k));
      P->in_body = true; /* its problems are said after the others of <html> */
      ret = read_children(P, r, P->doc->root, C_BLOCKS, "body");
      P->in_body = false;
      if (ret == 1)
        ret = xmlTextReaderRead(r);
      continue;
    }
    if (k && k->type == XML_ELEMENT_NODE && !strcmp(name_of(k), "head")) {
      const xmlNode *h = xmlTextReaderExpand(r);
      if (h)
        head(P, h);
    } else if (k && k->type == XML_ELEMENT_NODE)
      er_doc_problem(P, er_doc_line(k), "<html",
                     "<html> 中只能有 <head> 和一个 <body>，这里是 <%s>", name_of(k));
    else if (k && k->type == XML_TEXT_NODE && !is_blank((const char *)k->content))
      er_doc_problem(P, er_doc_line(k), NULL, "文字不能直接放在 <html> 中");
    ret = xmlTextReaderNext(r);
  }
  if (!body)
    er_doc_problem(P, html_line, "<body", "文档没有 <body>");
}

/* XML errors go to the diagnostics `ctx` points to. */
static void xml_error(void *ctx, xmlErrorPtr e) {
  char message[400];
  snprintf(message, sizeof message, "%s", e->message ? e->message : "XML error");
  size_t len = strlen(message);
  while (len && (message[len - 1] == '\n' || message[len - 1] == ' '))
    message[--len] = '\0';
  er_error((er_diag *)ctx, ((er_pos){(unsigned)e->line, 1}), "document", "XHTML 格式错误：%s",
           message);
}

/* Moves the findings of `from` (all under the key "document") to `to`. */
static void move_findings(er_diag *to, er_diag *from) {
  for (size_t i = 0; i < from->count; i++) {
    const er_finding *f = &from->items[i];
    const char *key = strrchr(f->message, '[');
    int len = key && key > f->message ? (int)(key - f->message - 1) : (int)strlen(f->message);
    er_error(to, f->pos, "document", "%.*s", len, f->message);
    er_diag_anchor(to, f->anchor);
  }
  to->errors += from->dropped;
  to->dropped += from->dropped;
  er_diag_free(from);
}

#define READ_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)

/* What libxml2 says of a text that is not well-formed, parsed whole as
 * before the document was read as it goes: the reader, parsing in chunks,
 * words some errors differently and stops at the first. */
static bool whole_text_errors(const char *xhtml, size_t len, er_diag *out) {
  xmlSetStructuredErrorFunc(out, xml_error);
  xmlDoc *x = xmlReadMemory(xhtml, (int)len, "document.xhtml", "UTF-8", READ_OPTIONS);
  xmlSetStructuredErrorFunc(NULL, NULL);
  xmlFreeDoc(x);
  return x != NULL;
}

/* The text whole (xhtml, len), or read as it comes (read, ctx). */
static er_doc *parse(const char *xhtml, size_t len, xmlInputReadCallback read, void *ctx,
                     er_diag *d) {
  er_doc *doc = calloc(1, sizeof *doc);
  if (!doc)
    abort();
  parser P = {.doc = doc, .d = d};
  er_diag_init(&P.content, d->file);
  er_diag_init(&P.body, d->file);
  er_diag xml; /* what the reader found not well-formed */
  er_diag_init(&xml, d->file);
  xmlSetStructuredErrorFunc(&xml, xml_error);
  xmlTextReaderPtr r = NULL;
  if (read)
    r = xmlReaderForIO(read, NULL, ctx, "document.xhtml", "UTF-8", READ_OPTIONS);
  else if (len > (size_t)INT32_MAX)
    er_doc_problem(&P, 0, NULL, "文档过大");
  else
    r = xmlReaderForMemory(xhtml, (int)len, "document.xhtml", "UTF-8", READ_OPTIONS);
  int ret = r ? xmlTextReaderRead(r) : -1;
  bool doctype = false;
  while (ret == 1 && xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) {
    doctype |= xmlTextReaderNodeType(r) == XML_READER_TYPE_DOCUMENT_TYPE;
    ret = xmlTextReaderRead(r);
  }
  if (ret == 1) {
    read_html(&P, r, doctype);
    while (xmlTextReaderNext(r) == 1) /* to the end: what follows must be well-formed */
      ;
  }
  if (r && !xml.count && !xml.dropped && !doc->root && !P.content.count)
    er_error(&xml, ((er_pos){1, 1}), "document", "XHTML 格式错误：文档是空的");
  xmlFreeTextReader(r);
  xmlSetStructuredErrorFunc(NULL, NULL);
  if (xml.errors) {
    /* only that is said, as where the content is not looked into */
    er_diag whole;
    er_diag_init(&whole, d->file);
    bool parsed = xhtml && whole_text_errors(xhtml, len, &whole);
    move_findings(d, whole.errors || !parsed ? &whole : &xml);
    er_diag_free(&whole);
    er_diag_free(&xml);
    er_diag_free(&P.content);
    er_diag_free(&P.body);
    P.failed = true;
  } else {
    er_diag_free(&xml);
    move_findings(d, &P.content);
    move_findings(d, &P.body);
  }
  free(P.ids);
  free(P.scratch);
  if (P.failed || !doc->root) {
    er_doc_free(doc);
    return NULL;
  }
  return doc;
}

er_doc *er_doc_parse(const char *xhtml, size_t len, er_diag *d) {
  return parse(xhtml, len, NULL, NULL, d);
}

er_doc *er_doc_parse_io(int (*read)(void *ctx, char *buf, int len), void *ctx, er_diag *d) {
  return parse(NULL, 0, read, ctx, d);
}
