/* The lines of balanced titles and captions, and of paragraphs broken
 * between words (the 附件 list under the body), for w->on_lines (pdfw.h):
 * where the PDF breaks them, as counts of the characters before each line
 * after the first, so that a writer whose reader lays out lines itself
 * (the DOCX, whose Word and LibreOffice fill lines greedily) can break
 * them at the same places. */
#include "pdf/pdfw.h"

#include <stdlib.h>

/* Characters of text[0, end) that are not white space. */
static size_t chars_before(const char *text, size_t end) {
  size_t n = 0;
  for (size_t i = 0; i < end; i++) {
    const unsigned char *p = (const unsigned char *)text + i;
    if ((*p & 0xC0) != 0x80 && !er_pdf_lines_white(p))
      n++;
  }
  return n;
}

/* Whether text[0, start) ends with a line break of the text's own (<br/>,
 * set as \n), which the writer given the lines writes anyway. */
static bool after_break(const char *text, size_t start) {
  while (start > 0 && text[start - 1] == ' ')
    start--;
  return start > 0 && text[start - 1] == '\n';
}

static void lines_of(er_pdfw *w, const er_node *n, const er_para *para, bool contents) {
  if (!w->on_lines || !n || para->nlines < 2)
    return;
  size_t *breaks = malloc((para->nlines - 1) * sizeof *breaks);
  if (!breaks)
    abort();
  size_t k = 0;
  for (size_t l = 1; l < para->nlines; l++) {
    const er_line *line = &para->lines[l];
    if (line->nruns == 0 || after_break(para->text, para->runs[line->first_run].start))
      continue;
    breaks[k++] = chars_before(para->text, para->runs[line->first_run].start);
  }
  er_pdf_lines lines = {n, k, breaks, contents};
  if (k > 0)
    w->on_lines(w->on_table_ctx, &lines);
  free(breaks);
}

void er_pdfw_para_lines(er_pdfw *w, const er_node *n, const er_para *para) {
  lines_of(w, n, para, false);
}

void er_pdfw_entry_lines(er_pdfw *w, const er_node *heading, const er_para *para) {
  lines_of(w, heading, para, true);
}

void er_pdfw_block_lines(er_pdfw *w, const er_node *n, const er_block_style *s,
                         const er_span *spans, size_t nspans) {
  if (!w->on_lines || !(s->balance || s->phrases))
    return;
  /* the measure typeset.c's layout() gives a balanced block */
  const er_page_style *page = &er_typesetter_page_set(w->ts)->style;
  double measure = page->block_width - (s->left + s->right) * er_page_pitch(page);
  er_para_style ps = er_typesetter_para_style(w->ts, s, measure);
  er_para para;
  double inset;
  er_fontset *fonts = er_typesetter_fonts(w->ts);
  er_linebreaker *lb = er_typesetter_linebreaker(w->ts);
  if (s->balance ? er_para_layout_balanced(&para, fonts, lb, spans, nspans, &ps, w->d, &inset)
                 : er_para_layout_phrased(&para, fonts, lb, spans, nspans, &ps, w->d))
    er_pdfw_para_lines(w, n, &para);
  er_para_free(&para);
}

const er_node *er_pdfw_caption_of(const er_node *table) {
  for (const er_node *c = table->first; c; c = c->next)
    if (c->type == ER_DOC_CAPTION)
      return c;
  return NULL;
}
