/* What the document parser's files share: the content models, the
 * element table's type, the parser state and small helpers. Private to
 * src/doc. */
#ifndef ER_DOC_PARSE_IMPL_H
#define ER_DOC_PARSE_IMPL_H

#include "doc/doc.h"

#include <libxml/tree.h>
#include <string.h>

typedef enum content {
  C_BLOCKS,  /* block elements only */
  C_INLINES, /* text and inline elements */
  C_FLOW,    /* either, not both */
  C_EMPTY,
  C_LIST,     /* li only */
  C_TABLE,    /* caption, colgroup, thead, tbody */
  C_COLGROUP, /* col only */
  C_ROWS,     /* tr only */
  C_CELLS,    /* th, td only */
  C_CHART     /* data, figcaption */
} content;

typedef struct element {
  const char *name;
  er_doc_type type;
  content content;
  const char *cls;   /* the class it must have, or NULL */
  const char *attrs; /* allowed attributes besides id and class, space-separated */
} element;

typedef struct parser {
  er_doc *doc;
  er_diag *d;
  /* problems of the content, said only when the text is well-formed: those
   * of <body>'s content after the others */
  er_diag content, body;
  bool in_body, failed;
  /* whitespace state of the inline run being built */
  bool pending, pending_newline, last_cjk, at_start;
  /* the ids so far: an open-addressing hash set (malloc'd), so that every
   * duplicate is found, at a cost linear in the number of ids */
  const char **ids;
  size_t nids, ids_cap;
  char *scratch; /* where text() collapses white space */
  size_t scratch_cap;
} parser;

/* `a` and `b` joined into buf (of `size` bytes), cut as snprintf would
 * cut them: a finding's anchor, made for every element, so by hand. */
static inline const char *er_doc_anchor(char *buf, size_t size, const char *a, const char *b) {
  size_t n = 0;
  for (const char *p = a; *p && n + 1 < size; p++)
    buf[n++] = *p;
  for (const char *p = b; *p && n + 1 < size; p++)
    buf[n++] = *p;
  buf[n] = '\0';
  return buf;
}

/* Adds an error on `line`; `anchor` is the markup to look for in the
 * template ("<video", " onclick="), or NULL. */
void er_doc_problem(parser *P, unsigned line, const char *anchor, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Checks the attributes of element x against e, setting n's fields. */
void er_doc_attributes(parser *P, er_node *n, const xmlNode *x, const element *e);
/* True when s is a valid id: letters, digits, '-' and '_'. */
bool er_doc_id_chars(const char *s);

static inline unsigned er_doc_line(const xmlNode *x) { return (unsigned)xmlGetLineNo(x); }
static inline char *er_doc_attr(const xmlNode *x, const char *name) {
  return (char *)xmlGetProp(x, (const xmlChar *)name);
}
static inline const char *er_doc_keep(parser *P, const char *s) {
  return s ? er_arena_strndup(&P->doc->arena, s, strlen(s)) : NULL;
}

#endif
