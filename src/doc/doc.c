/* Document tree helpers shared by the parser and the writers. */
#include "doc/doc.h"

#include <stdlib.h>
#include <string.h>

static const char *const type_names[ER_DOC_TYPE_COUNT] = {
    [ER_DOC_DOCUMENT] = "body",   [ER_DOC_HEADING] = "h",
    [ER_DOC_PARAGRAPH] = "p",     [ER_DOC_LIST] = "list",
    [ER_DOC_ITEM] = "li",         [ER_DOC_TABLE] = "table",
    [ER_DOC_CAPTION] = "caption", [ER_DOC_COLGROUP] = "colgroup",
    [ER_DOC_COL] = "col",         [ER_DOC_THEAD] = "thead",
    [ER_DOC_TBODY] = "tbody",     [ER_DOC_ROW] = "tr",
    [ER_DOC_CELL] = "td",         [ER_DOC_CHART] = "figure",
    [ER_DOC_DATUM] = "data",      [ER_DOC_FIGCAPTION] = "figcaption",
    [ER_DOC_COVER] = "section",   [ER_DOC_TOC] = "nav",
    [ER_DOC_PAGE_BREAK] = "div",  [ER_DOC_FOOTNOTE] = "aside",
    [ER_DOC_DIAGNOSTICS] = "div", [ER_DOC_TEXT] = "#text",
    [ER_DOC_BREAK] = "br",        [ER_DOC_STRONG] = "strong",
    [ER_DOC_EMPH] = "em",         [ER_DOC_SUP] = "sup",
    [ER_DOC_SUB] = "sub",         [ER_DOC_SPAN] = "span",
};

const char *er_doc_type_name(er_doc_type type) {
  return type < ER_DOC_TYPE_COUNT && type_names[type] ? type_names[type] : "?";
}

bool er_doc_is_inline(er_doc_type type) { return type >= ER_DOC_TEXT && type < ER_DOC_TYPE_COUNT; }

void er_doc_free(er_doc *doc) {
  if (!doc)
    return;
  er_arena_free(&doc->arena);
  free(doc);
}

bool er_node_has_class(const er_node *n, const char *word) {
  if (!n->cls)
    return false;
  size_t len = strlen(word);
  for (const char *p = n->cls; *p;) {
    while (*p == ' ')
      p++;
    const char *end = p;
    while (*end && *end != ' ')
      end++;
    if ((size_t)(end - p) == len && memcmp(p, word, len) == 0)
      return true;
    p = end;
  }
  return false;
}

static size_t text_length(const er_node *n) {
  if (n->type == ER_DOC_TEXT)
    return strlen(n->text);
  size_t len = 0;
  for (const er_node *c = n->first; c; c = c->next)
    len += text_length(c);
  return len;
}

static char *text_copy(const er_node *n, char *out) {
  if (n->type == ER_DOC_TEXT) {
    size_t len = strlen(n->text);
    memcpy(out, n->text, len);
    return out + len;
  }
  for (const er_node *c = n->first; c; c = c->next)
    out = text_copy(c, out);
  return out;
}

const char *er_node_text(er_doc *doc, const er_node *n) {
  char *buf = er_arena_alloc(&doc->arena, text_length(n) + 1);
  *text_copy(n, buf) = '\0';
  return buf;
}

er_node *er_node_following(const er_node *root, const er_node *n) {
  if (n->first)
    return n->first;
  while (n && n != root) {
    if (n->next)
      return n->next;
    n = n->parent;
  }
  return NULL;
}

/* The body's first block, after the front matter — the draft's panel, the
 * cover, 摘要 (an h1 with the id summary, up to its page break) and the
 * contents — or NULL when there is no front matter. */
const er_node *er_doc_body_start(const er_doc *doc) {
  bool front = false, summary = false;
  for (const er_node *n = doc->root->first; n; n = n->next) {
    if (n->type == ER_DOC_HEADING && n->id && !strcmp(n->id, "summary"))
      summary = front = true;
    else if (n->type == ER_DOC_PAGE_BREAK)
      summary = false;
    else if (n->type == ER_DOC_COVER || n->type == ER_DOC_TOC)
      front = true;
    else if (!summary && n->type != ER_DOC_DIAGNOSTICS)
      return front ? n : NULL;
  }
  return NULL;
}
