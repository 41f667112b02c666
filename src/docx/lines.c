/* Titles and captions broken where evalreport's PDF breaks them. The PDF
 * balances a title's lines and breaks them where phrases end (balance.c);
 * Word and LibreOffice fill lines greedily, so a two-line title would
 * come out as one full line and a short remainder, split inside a word. The layout
 * gives each such paragraph's breaks (er_pdf_lines); its runs then carry
 * a line break (w:br) before each line after the first, so the DOCX shows
 * the PDF's lines — and stays as editable as any text with a manual
 * line break. The contents' entries take the lines the PDF's contents
 * gives them (broken between words: a long 附件 entry no longer breaks
 * inside 评分 or 绩效 where LibreOffice would fill its line). */
#include "docx/docxw.h"

#include <stdlib.h>
#include <string.h>

void er_docx_keep_lines(void *ctx, const er_pdf_lines *l) {
  er_docxw *w = ctx;
  if (w->nlines == w->lines_cap) {
    w->lines_cap = w->lines_cap ? 2 * w->lines_cap : 8;
    w->lines = realloc(w->lines, w->lines_cap * sizeof *w->lines);
    if (!w->lines)
      abort();
  }
  er_dx_lines *k = &w->lines[w->nlines++];
  k->node = l->node;
  k->contents = l->contents;
  k->nbreaks = l->nbreaks;
  k->breaks = malloc((l->nbreaks ? l->nbreaks : 1) * sizeof *k->breaks);
  if (!k->breaks)
    abort();
  memcpy(k->breaks, l->breaks, l->nbreaks * sizeof *k->breaks);
}

void er_docx_lines_free(er_docxw *w) {
  for (size_t i = 0; i < w->nlines; i++)
    free(w->lines[i].breaks);
  free(w->lines);
  w->lines = NULL;
  w->nlines = w->lines_cap = 0;
}

void er_docx_lines_begin(er_docxw *w, const er_node *n) {
  w->breaking = NULL;
  w->broken = w->chars = 0;
  /* the last given for the node, should one be laid out twice */
  for (size_t i = w->nlines; i-- > 0;)
    if (w->lines[i].node == n && w->lines[i].contents == w->in_contents) {
      w->breaking = &w->lines[i];
      return;
    }
}

void er_docx_text(er_docxw *w, const char *text) {
  const er_dx_lines *l = w->breaking;
  if (!l || w->broken >= l->nbreaks) {
    er_dx_t(&w->x, text);
    return;
  }
  size_t len = strlen(text), from = 0;
  char *piece = malloc(len + 1);
  if (!piece)
    abort();
  for (size_t i = 0; i < len; i++) {
    const unsigned char *p = (const unsigned char *)text + i;
    if ((*p & 0xC0) == 0x80 || er_pdf_lines_white(p))
      continue;
    if (w->broken < l->nbreaks && w->chars == l->breaks[w->broken]) {
      if (i > from) {
        memcpy(piece, text + from, i - from);
        piece[i - from] = '\0';
        er_dx_t(&w->x, piece);
      }
      er_dx_empty(&w->x, "w:br", NULL);
      w->broken++;
      from = i;
    }
    w->chars++;
  }
  if (len > from || from == 0)
    er_dx_t(&w->x, text + from);
  free(piece);
}
