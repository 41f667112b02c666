/* Footnotes (aside class="footnote"): set in 五号 at the foot of the page
 * that holds the end of the block before them (where the reference mark
 * is), under a short rule. The page keeps their height free as soon as
 * the note comes, so the text that follows flows around them; a note
 * that does not fit there whole starts there and goes on at the foot of
 * the next page (one whose first two lines do not fit goes there whole),
 * and one taller than a page goes on at the foot of the pages after that. */
#include "pdf/pdfw.h"

#include <stdlib.h>

#include "model/grow.h"

#define NOTE_LEADING 1.45 /* of the note's size */
#define RULE_GAP 0.6      /* above the first note, of a grid line */
#define MIN_LINES 2       /* of a note on its reference's page, when it goes on overleaf */

static double line_of(const er_pdfw *w) { return NOTE_LEADING * w->size[ER_ROLE_NOTE]; }

/* The height the notes of a page take: theirs and the rule's. */
static double notes_height(const er_pdfw *w, size_t page) {
  double h = 0;
  for (size_t i = 0; i < w->nnotes; i++)
    if (w->notes[i].page == page)
      h += (double)(w->notes[i].to - w->notes[i].from) * line_of(w);
  return h > 0 ? h + RULE_GAP * w->leading : 0;
}

static void add_note(er_pdfw *w, er_pdfw_note note) {
  w->notes = er_grow(w->notes, w->nnotes, &w->notes_cap, sizeof *w->notes, 4);
  w->notes[w->nnotes++] = note;
}

void er_pdfw_footnote(er_pdfw *w, const er_node *aside) {
  er_typeset_keep(w->ts, 0);
  er_pages *p = er_typesetter_page_set(w->ts);
  er_ink ink = er_pdfw_ink(w, ER_ROLE_NOTE);
  er_span_buf b = {0};
  er_spans_flow(&b, aside, &ink);
  if (b.n == 0 || er_spans_blank(&b)) {
    er_span_buf_free(&b);
    return;
  }
  double pitch = w->pitch * ink.size / w->portrait.body_size;
  er_para_style ps = {.measure = p->style.block_width,
                      .wide_em = w->pitch / w->portrait.body_size,
                      .indent = 2 * pitch,
                      .align = ER_ALIGN_JUSTIFY,
                      .squeeze = true};
  er_para *para = calloc(1, sizeof *para);
  if (!para)
    abort();
  er_para_layout(para, er_typesetter_fonts(w->ts), er_typesetter_linebreaker(w->ts), b.items, b.n,
                 &ps, w->d);
  er_span_buf_free(&b);
  if (p->npages == 0)
    er_pages_current(p);
  size_t page = p->npages - 1;
  double line = line_of(w), gap = RULE_GAP * w->leading;
  /* a note starts on its reference's page when its first lines fit there,
   * and goes on at the foot of the next */
  size_t first = para->nlines < MIN_LINES ? para->nlines : MIN_LINES;
  double before = notes_height(w, page), h = (double)first * line;
  if (p->need_page || er_pages_room(p) < (before > 0 ? h : h + gap)) {
    /* no room left here: the next page (a page with nothing on it yet
     * takes a note taller than a page, which goes on over the next) */
    if (p->cursor > 0 || before > 0)
      p->need_page = true;
    page = er_pages_current(p);
  }
  for (size_t from = 0; from < para->nlines;) {
    if (from > 0) {
      p->need_page = true;
      page = er_pages_current(p);
    }
    double rule = notes_height(w, page) > 0 ? 0 : gap, room = er_pages_room(p) - rule;
    size_t fit = room >= line ? (size_t)(room / line + 1e-6) : 1, to = para->nlines;
    if (to - from > fit)
      to = from + fit;
    p->foot += (double)(to - from) * line + rule;
    add_note(w, (er_pdfw_note){page, from, to, para});
    from = to;
  }
}

void er_pdfw_notes_finish(er_pdfw *w) {
  er_pages *p = er_typesetter_page_set(w->ts);
  for (size_t i = 0; i < w->nnotes; i++) {
    size_t page = w->notes[i].page;
    bool first = true;
    for (size_t k = 0; k < i; k++)
      first = first && w->notes[k].page != page;
    if (!first)
      continue;
    const er_page_style *st = &p->pages[page].style;
    double y = st->top + st->block_height - notes_height(w, page);
    er_shape rule = {.kind = ER_SHAPE_LINE,
                     .x = st->left,
                     .y = y + 0.35 * w->leading,
                     .w = st->block_width / 4,
                     .stroke = 0.5,
                     .fill = ER_NO_FILL};
    er_pages_shape(p, page, &rule);
    y += RULE_GAP * w->leading;
    for (size_t k = i; k < w->nnotes; k++) {
      if (w->notes[k].page != page)
        continue;
      const er_pdfw_note *note = &w->notes[k];
      for (size_t l = note->from; l < note->to; l++, y += line_of(w))
        er_pages_place_line(p, page, note->para, l, st->left,
                            er_pages_baseline(y, line_of(w), w->size[ER_ROLE_NOTE]));
    }
  }
}

void er_pdfw_notes_free(er_pdfw *w) {
  for (size_t i = 0; i < w->nnotes; i++)
    if (w->notes[i].from == 0) {
      er_para_free(w->notes[i].para);
      free(w->notes[i].para);
    }
  free(w->notes);
  w->notes = NULL;
  w->nnotes = w->notes_cap = 0;
}
