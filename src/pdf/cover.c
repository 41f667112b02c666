/* The cover (section class="cover"): a page of its own without a page
 * number, as the CSS sets it — the title in 一号 小标宋 near the top, the
 * fields (项目名称, 评价机构 …: label spread over a fixed width, value
 * centred on a rule) across the middle, the date at the foot; any other
 * block centred in the flow. Pages after it are numbered from 1. */
#include "pdf/pdfw.h"

#define COVER_TITLE_SIZE 26.0 /* 一号 */
#define LABEL_CHARS 5.0       /* the labels' width, in characters */
#define FIELDS_WIDTH 0.88     /* of the text block */

static er_para_style centred(double measure) {
  return (er_para_style){
      .measure = measure, .wide_em = 1, .align = ER_ALIGN_CENTER, .squeeze = true, .phrases = true};
}

static size_t code_points(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

/* Spreads a one-line label over `width` (分散对齐): the slack goes
 * between its characters. */
static void spread(er_para *para, double width) {
  if (para->nlines != 1)
    return;
  er_line *line = &para->lines[0];
  size_t chars = 0;
  for (size_t r = 0; r < line->nruns; r++)
    chars += code_points(para->text + para->runs[line->first_run + r].start,
                         para->runs[line->first_run + r].len);
  if (chars < 2 || line->width >= width)
    return;
  double extra = (width - line->width) / (double)(chars - 1), shift = 0;
  for (size_t r = 0; r < line->nruns; r++) {
    er_run *run = &para->runs[line->first_run + r];
    size_t n = code_points(para->text + run->start, run->len);
    run->x += shift;
    /* Tc is scaled by Tz in PDF */
    run->char_space += extra / run->hscale;
    run->flow += extra * (double)n;
    shift += extra * (double)n;
  }
  line->width = width;
}

/* One row of the fields table: th label, td value, drawn when `draw`.
 * Returns its height. */
static double field_row(er_pdfw *w, er_pages *p, size_t page, const er_node *row, double x,
                        double width, double y, bool draw) {
  const er_node *label = NULL, *value = NULL;
  for (const er_node *c = row->first; c; c = c->next) {
    if (c->type != ER_DOC_CELL)
      continue;
    if (!label && c->header)
      label = c;
    else if (!value)
      value = c;
  }
  er_ink ink = er_pdfw_ink(w, ER_ROLE_BODY);
  double size = ink.size, label_w = LABEL_CHARS * size, gap = size;
  double value_x = x + label_w + gap, value_w = width - label_w - gap;
  double line = w->leading, height = line;
  er_fontset *fonts = er_typesetter_fonts(w->ts);
  er_linebreaker *lb = er_typesetter_linebreaker(w->ts);
  er_para para;
  er_span_buf b = {0};
  if (value) {
    er_spans_flow(&b, value, &ink);
    er_para_style ps = centred(value_w);
    er_para_layout(&para, fonts, lb, b.items, b.n, &ps, w->d);
    if (draw) /* a long value's lines, broken between words */
      er_pdfw_para_lines(w, value, &para);
    for (size_t l = 0; draw && l < para.nlines; l++) {
      double top = y + (double)l * line;
      er_pages_place_line(p, page, &para, l, value_x, er_pages_baseline(top, line, size));
      er_shape rule = {.kind = ER_SHAPE_LINE,
                       .x = value_x,
                       .y = top + line - 2,
                       .w = value_w,
                       .stroke = w->rule,
                       .fill = ER_NO_FILL};
      er_pages_shape(p, page, &rule);
    }
    height = (double)para.nlines * line;
    er_para_free(&para);
  }
  if (label) {
    b.n = 0;
    er_spans_flow(&b, label, &ink);
    er_para_style ps = {.measure = label_w, .wide_em = 1, .align = ER_ALIGN_START};
    er_para_layout(&para, fonts, lb, b.items, b.n, &ps, w->d);
    spread(&para, label_w);
    for (size_t l = 0; draw && l < para.nlines; l++)
      er_pages_place_line(p, page, &para, l, x,
                          er_pages_baseline(y + (double)l * line, line, size));
    if ((double)para.nlines * line > height)
      height = (double)para.nlines * line;
    er_para_free(&para);
  }
  er_span_buf_free(&b);
  return height + 0.35 * line;
}

static double fields_height(const er_node *table, double line) {
  double h = 0;
  for (const er_node *part = table->first; part; part = part->next)
    if (part->type == ER_DOC_TBODY || part->type == ER_DOC_THEAD)
      for (const er_node *row = part->first; row; row = row->next)
        h += 1.35 * line;
  return h;
}

static void fields(er_pdfw *w, const er_node *table) {
  er_typeset_keep(w->ts, 0);
  er_pages *p = er_typesetter_page_set(w->ts);
  size_t page = er_pages_current(p);
  const er_page_style *st = &p->pages[page].style;
  double width = FIELDS_WIDTH * st->block_width, x = st->left + (st->block_width - width) / 2;
  /* across the middle of the page, below whatever came before */
  double want = 0.42 * st->block_height - fields_height(table, w->leading) / 2;
  if (p->cursor < want)
    er_pages_advance(p, want - p->cursor);
  /* a row that does not fit the rest of the page goes to the next (which
   * moves the pages, and so `st`) */
  for (const er_node *part = table->first; part; part = part->next)
    if (part->type == ER_DOC_TBODY || part->type == ER_DOC_THEAD)
      for (const er_node *row = part->first; row; row = row->next) {
        if (field_row(w, p, page, row, x, width, 0, false) > er_pages_room(p))
          er_pages_break(p);
        page = er_pages_current(p);
        double top = p->pages[page].style.top + p->cursor;
        er_pages_advance(p, field_row(w, p, page, row, x, width, top, true));
      }
}

void er_pdfw_cover(er_pdfw *w, const er_node *cover) {
  er_typeset_page_break(w->ts);
  er_typeset_numbering(w->ts, false);
  er_pages *p = er_typesetter_page_set(w->ts);
  size_t page = er_pages_current(p);
  er_pages_advance(p, 2 * w->leading);
  for (const er_node *n = cover->first; n; n = n->next) {
    if (n->type == ER_DOC_HEADING) {
      er_block_style s = er_pdfw_block_style(w, 1);
      s.size = n->level == 1 ? COVER_TITLE_SIZE : w->size[ER_ROLE_TITLE];
      s.leading = 1.6 * s.size / w->leading;
      s.off_grid = true;
      s.left = s.right = 1;
      er_ink ink = er_pdfw_ink(w, ER_ROLE_TITLE);
      ink.size = s.size;
      er_pdfw_paragraph(w, n, &s, &ink, -1);
    } else if (n->type == ER_DOC_TABLE && er_node_has_class(n, "fields"))
      fields(w, n);
    else if (n->type == ER_DOC_PARAGRAPH && er_node_has_class(n, "date")) {
      er_typeset_keep(w->ts, 0);
      const er_page_style *st = &p->pages[page].style;
      double want = st->block_height - 2 * w->leading;
      if (p->npages - 1 == page && !p->need_page && p->cursor < want)
        er_pages_advance(p, want - p->cursor);
      er_block_style s = er_pdfw_block_style(w, 0);
      s.align = ER_ALIGN_CENTER;
      s.indent = 0;
      s.off_grid = true;
      er_ink ink = er_pdfw_ink(w, ER_ROLE_BODY);
      er_pdfw_paragraph(w, n, &s, &ink, -1);
    } else if (n->type == ER_DOC_PARAGRAPH) {
      er_block_style s = er_pdfw_block_style(w, 0);
      s.align = ER_ALIGN_CENTER;
      s.indent = 0;
      s.off_grid = true;
      s.space_before = 0.3;
      er_ink ink = er_pdfw_ink(w, er_node_has_class(n, "subtitle") ? ER_ROLE_H3 : ER_ROLE_BODY);
      er_pdfw_paragraph(w, n, &s, &ink, -1);
    } else
      er_pdfw_block(w, n); /* any other block, in the flow */
  }
  er_typeset_page_break(w->ts);
  er_typeset_numbering(w->ts, w->front_numbered);
}
