/* 附件说明, 附件 and 发文机关署名 as GB/T 9704-2012 places them:
 *  - §7.3.4: under the body, one line down and two characters in,
 *    "附件：" and the annexes' names; a second name starts under the first
 *    (after "附件："), and a name that wraps goes on under its first
 *    character; an outline's own 附件 section lists "附件1：name" lines
 *    the same way, two characters in, hanging after "附件1：";
 *  - §8: each annex starts a page with "附件" and its number in 3号黑体 at
 *    the top left of the type area, its title centred on the third line;
 *  - §7.3.5.1: one line under the text, the date four characters in from
 *    the right, the signing body centred over the date;
 *  - §7.2.4, §7.3.1: under the 版头 (the issuing body, or the 发文字号
 *    under it) a red rule as wide as the type area 4 mm below its text, and
 *    the title two blank lines below the rule (空二行). */
#include <math.h>
#include <string.h>

#include "pdf/pdfw.h"

/* How wide a run of body text is set on one line, in characters. */
static double spans_wide(er_pdfw *w, const er_span_buf *b) {
  er_ink ink = er_pdfw_ink(w, ER_ROLE_BODY);
  er_para_style ps = {.measure = 1e6, .wide_em = w->pitch / ink.size, .align = ER_ALIGN_START};
  er_para para;
  er_para_layout(&para, er_typesetter_fonts(w->ts), er_typesetter_linebreaker(w->ts), b->items,
                 b->n, &ps, w->d);
  double width = para.nlines ? para.lines[0].width : 0;
  er_para_free(&para);
  return width / w->pitch;
}

/* How wide a paragraph's text is set on one line, in characters. */
static double chars_wide(er_pdfw *w, const er_node *n) {
  er_ink ink = er_pdfw_ink(w, ER_ROLE_BODY);
  er_span_buf b = {0};
  er_spans_inlines(&b, n, &ink);
  double width = spans_wide(w, &b);
  er_span_buf_free(&b);
  return width;
}

static bool signature(const er_node *n) {
  return n && n->type == ER_DOC_PARAGRAPH && er_node_has_class(n, "signature");
}

void er_pdfw_signature_style(er_pdfw *w, const er_node *n, er_block_style *s) {
  /* the signature paragraphs come in pairs: the body, then its date */
  size_t before = 0;
  for (const er_node *p = n->prev; signature(p); p = p->prev)
    before++;
  bool date = before % 2 == 1;
  s->indent = 0;
  s->left = 0;
  s->space_before = before == 0 ? 1 : 0;
  if (date || !signature(n->next)) { /* 右空四字 */
    s->align = ER_ALIGN_END;
    s->right = 4;
    return;
  }
  /* the body centred over the date: its measure ends at the right edge and
   * is centred where the date is; a body too long for that ends at the
   * right edge */
  double date_w = chars_wide(w, n->next), body_w = chars_wide(w, n);
  double block = er_typesetter_page_set(w->ts)->style.block_width / w->pitch;
  double span = 2 * (4 + date_w / 2);
  s->right = 0;
  if (body_w <= span && span <= block) {
    s->align = ER_ALIGN_CENTER;
    s->left = block - span;
  } else
    s->align = ER_ALIGN_END;
}

void er_pdfw_annex_note_style(er_pdfw *w, const er_node *n, er_block_style *s) {
  s->phrases = true;
  s->align = ER_ALIGN_START;
  if (!er_node_has_class(n, "annex-list")) {
    /* 附件：1.…… — one line down, two characters in; the names hang
     * after "附件：" */
    s->left = 2 + 3;
    s->indent = -3;
    s->space_before = 1;
    return;
  }
  /* an outline's own list under its 附件 heading, "附件1：name" a line:
   * two characters in, a name that wraps going on under its first
   * character */
  const char *text = er_node_text(w->doc, n);
  const char *colon = text ? strstr(text, "：") : NULL;
  double label = 0;
  if (colon) {
    er_ink ink = er_pdfw_ink(w, ER_ROLE_BODY);
    er_span_buf b = {0};
    er_span_push(&b, &ink, text, (size_t)(colon - text) + strlen("："));
    label = spans_wide(w, &b);
    er_span_buf_free(&b);
  }
  s->left = 2 + label;
  s->indent = -label;
}

static size_t label_of(const char *text, size_t *skip) {
  static const char annex[] = "附件";
  if (strncmp(text, annex, strlen(annex)) != 0)
    return 0;
  for (size_t i = strlen(annex); text[i]; i++) {
    if (strncmp(text + i, "：", strlen("：")) == 0) {
      *skip = strlen("：");
      return i;
    }
    if (text[i] == ' ') {
      *skip = 1;
      return i;
    }
    if (strncmp(text + i, "　", strlen("　")) == 0) { /* an ideographic space */
      *skip = strlen("　");
      return i;
    }
  }
  *skip = 0;
  return strlen(text); /* "附件" alone */
}

size_t er_pdf_annex_label(er_doc *doc, const er_node *n, const char **text, size_t *skip) {
  if (!n->id || strncmp(n->id, "annex-", 6) != 0)
    return 0;
  *text = er_node_text(doc, n);
  return *text ? label_of(*text, skip) : 0;
}

bool er_pdfw_annex_heading(er_pdfw *w, const er_node *n, int tag) {
  const char *text;
  size_t skip, label = er_pdf_annex_label(w->doc, n, &text, &skip);
  if (!label)
    return false;
  /* 附件N: 3号黑体, flush left on the first line, a line left blank */
  er_block_style ls = er_pdfw_block_style(w, 2);
  er_ink ink = er_pdfw_ink(w, ls.role);
  ls.indent = 0;
  ls.align = ER_ALIGN_START;
  ls.keep_with_next = true;
  ls.space_after = 1;
  ls.bold = ink.bold = false;
  er_span_buf b = {0};
  er_span_push(&b, &ink, text, label);
  er_typeset_block(w->ts, &ls, b.items, b.n, tag);
  er_span_buf_free(&b);
  /* the title, as a title is set, on the third line */
  const char *title = text + label + skip;
  while (*title == ' ')
    title++;
  if (*title) {
    er_block_style ts = er_pdfw_block_style(w, 1);
    ts.space_before = 0;
    er_ink tink = er_pdfw_ink(w, ts.role);
    tink.bold = ts.bold;
    er_span_buf t = {0};
    er_span_push(&t, &tink, title, strlen(title));
    er_typeset_block(w->ts, &ts, t.items, t.n, -1);
    er_pdfw_block_lines(w, n, &ts, t.items, t.n); /* the title's lines, for the DOCX */
    er_span_buf_free(&t);
  }
  return true;
}

static bool masthead(const er_node *n) {
  return n && n->type == ER_DOC_PARAGRAPH &&
         (er_node_has_class(n, "issuer") || er_node_has_class(n, "doc-number"));
}

/* GB/T 9704 §7.2.2: the issuing body's mark has its top 35 mm below the
 * top of the type area */
#define MASTHEAD_TOP (35 * ER_MM)

bool er_pdfw_masthead_top(er_pdfw *w, const er_node *n, er_block_style *s) {
  er_pages *p = er_typesetter_page_set(w->ts);
  if (!er_node_has_class(n, "issuer") || masthead(n->prev) || er_typeset_holding(w->ts) ||
      (!p->need_page && p->cursor > 0))
    return false;
  /* the first line's em box is centred in its line */
  double size = w->size[ER_ROLE_TITLE];
  er_pages_advance(p, MASTHEAD_TOP - (s->leading * w->leading - size) / 2);
  s->off_grid = true; /* stays where it was put */
  s->space_before = 0;
  return true;
}

/* the red rule: 0.35 mm, as the heavy rules of the 版记 (§7.4) */
#define MASTHEAD_RULE (0.35 * ER_MM)

void er_pdfw_masthead_rule(er_pdfw *w, const er_node *n) {
  er_pages *p = er_typesetter_page_set(w->ts);
  if (!masthead(n) || masthead(n->next) || er_typeset_holding(w->ts) || p->need_page || !p->npages)
    return;
  size_t page = p->npages - 1;
  const er_page_style *st = &p->pages[page].style;
  /* the last 版头 line's em box is centred in the grid line above the cursor */
  double size = er_node_has_class(n, "issuer") ? w->size[ER_ROLE_TITLE] : w->size[ER_ROLE_BODY];
  double rule = p->cursor - (w->leading - size) / 2 + 4 * ER_MM;
  er_shape line = {.kind = ER_SHAPE_LINE,
                   .color = 0xDD0000,
                   .fill = ER_NO_FILL,
                   .x = st->left,
                   .y = st->top + rule,
                   .w = st->block_width,
                   .stroke = MASTHEAD_RULE};
  er_pages_shape(p, page, &line);
  /* the title on the grid, with two whole lines left blank under the rule */
  double title = (ceil((rule + MASTHEAD_RULE / 2) / w->leading) + 2) * w->leading;
  er_pages_space(p, title - p->cursor);
}
