/* Inline content → spans (pdfw.h): strong is drawn bold, em in 楷体 (the
 * Chinese way to emphasise), sup and sub smaller and raised or lowered, br
 * a forced line break. The spans point into the document's text. */
#include "pdf/pdfw.h"

#include <stdlib.h>
#include <string.h>

#include "model/grow.h"

/* sup and sub: this much of the size, raised or lowered this much of it */
#define SCRIPT_SIZE 0.62
#define SUP_RISE 0.36
#define SUB_RISE (-0.12)

void er_span_buf_free(er_span_buf *b) {
  free(b->items);
  memset(b, 0, sizeof *b);
}

void er_span_push(er_span_buf *b, const er_ink *ink, const char *text, size_t len) {
  if (len == 0)
    return;
  b->items = er_grow(b->items, b->n, &b->cap, sizeof *b->items, 16);
  b->items[b->n++] = (er_span){.text = text,
                               .len = len,
                               .role = ink->role,
                               .size = ink->size,
                               .bold = ink->bold,
                               .rise = ink->rise,
                               .color = ink->color};
}

static void inline_node(er_span_buf *b, const er_node *n, const er_ink *ink) {
  er_ink in = *ink;
  switch (n->type) {
  case ER_DOC_TEXT:
    er_span_push(b, ink, n->text, strlen(n->text));
    return;
  case ER_DOC_BREAK:
    er_span_push(b, ink, "\n", 1);
    return;
  case ER_DOC_STRONG:
    in.bold = true;
    break;
  case ER_DOC_EMPH:
    in.role = ink->role == ER_ROLE_H3 ? ER_ROLE_BODY : ER_ROLE_H3;
    break;
  case ER_DOC_SUP:
    in.size = ink->size * SCRIPT_SIZE;
    in.rise = ink->rise + SUP_RISE * ink->size;
    break;
  case ER_DOC_SUB:
    in.size = ink->size * SCRIPT_SIZE;
    in.rise = ink->rise + SUB_RISE * ink->size;
    break;
  case ER_DOC_SPAN:
    if (ink->sev_color && er_node_has_class(n, "sev")) {
      in.bold = true;
      in.color = ink->sev_color;
    }
    break;
  default:
    return;
  }
  er_spans_inlines(b, n, &in);
}

void er_spans_inlines(er_span_buf *b, const er_node *n, const er_ink *ink) {
  for (const er_node *c = n->first; c; c = c->next)
    inline_node(b, c, ink);
}

static void flow_blocks(er_span_buf *b, const er_node *n, const er_ink *ink, bool *first) {
  for (const er_node *c = n->first; c; c = c->next) {
    if (er_doc_is_inline(c->type)) {
      inline_node(b, c, ink);
      continue;
    }
    if (c->first && !er_doc_is_inline(c->first->type)) {
      flow_blocks(b, c, ink, first);
      continue;
    }
    if (!*first)
      er_span_push(b, ink, "\n", 1);
    *first = false;
    if (c->type == ER_DOC_ITEM)
      er_span_push(b, ink, "· ", strlen("· "));
    er_spans_inlines(b, c, ink);
  }
}

void er_spans_flow(er_span_buf *b, const er_node *n, const er_ink *ink) {
  bool first = true;
  flow_blocks(b, n, ink, &first);
}

bool er_spans_blank(const er_span_buf *b) {
  for (size_t i = 0; i < b->n; i++)
    for (size_t k = 0; k < b->items[i].len; k++)
      if (b->items[i].text[k] != ' ' && b->items[i].text[k] != '\n')
        return false;
  return true;
}
