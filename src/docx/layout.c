/* The PDF layout that gives the DOCX its contents' page numbers, its
 * tables' columns and its titles' lines (er_pdf_heading_folios) and the
 * writing of document.xml go on side by side: the layout on the calling
 * thread, the writer on a thread of its own.
 *
 * The layout goes through the document in order and hands over each
 * table and each broken title as it sets it, all of a top-level block
 * before anything of a later one: once it has handed over something of
 * block j, everything of the blocks before j is known. The writer waits
 * for that before each top-level block (er_docx_layout_wait). The
 * contents come before the pages they name are laid out: their page
 * numbers are left empty and put into document.xml's bytes when both are
 * done (a number is digits, which the XML writer would have written as
 * they are). The document is the same, byte for byte, as when the layout
 * ran first. The layout stays on the thread that has run so far: on a
 * busy machine a new thread waits for a processor, and the writer can
 * better afford to. */
#include "docx/docxw.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct er_dx_top {
  const er_node *node;
  size_t index; /* among the document's top-level blocks */
} er_dx_top;

struct er_dx_mark {
  size_t at; /* in document.xml's bytes */
  int heading;
};

struct er_dx_sync {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  size_t past; /* the top-level blocks before this one are laid out */
  bool done;
  er_dx_top *tops; /* the document's top-level blocks, by address */
  size_t ntops;
  er_docxw *w;
  void (*write)(er_docxw *w);
};

static int by_node(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)((const er_dx_top *)a)->node;
  uintptr_t y = (uintptr_t)((const er_dx_top *)b)->node;
  return (x > y) - (x < y);
}

void er_docx_lock(const er_docxw *w) {
  if (w->sync)
    pthread_mutex_lock(&w->sync->mu);
}

void er_docx_unlock(const er_docxw *w) {
  if (w->sync)
    pthread_mutex_unlock(&w->sync->mu);
}

void er_docx_layout_reached(er_docxw *w, const er_node *n) {
  struct er_dx_sync *s = w->sync;
  if (!s || !n)
    return;
  const er_node *top = n;
  while (top->parent && top->parent != w->doc->root)
    top = top->parent;
  er_dx_top key = {top, 0};
  const er_dx_top *found = bsearch(&key, s->tops, s->ntops, sizeof *s->tops, by_node);
  if (found && found->index > s->past) {
    s->past = found->index;
    pthread_cond_broadcast(&s->cv);
  }
}

static void *run_writer(void *data) {
  struct er_dx_sync *s = data;
  s->write(s->w);
  return NULL;
}

/* Gives each heading's page to folios[0, n), each table and broken title
 * to w; false without fonts. */
static bool layout(er_docxw *w, er_font_config *cfg, int *folios, size_t n) {
  er_diag quiet; /* fonts missing are said by the PDF */
  er_diag_init(&quiet, w->d->file);
  bool ok = er_pdf_heading_folios(w->doc, w->style, cfg, folios, n, er_docx_keep_table_layout,
                                  er_docx_keep_lines, w, &quiet);
  er_diag_free(&quiet);
  return ok;
}

void er_docx_layout_beside(er_docxw *w, er_font_config *cfg, int *folios,
                           void (*write)(er_docxw *w)) {
  struct er_dx_sync *s = calloc(1, sizeof *s);
  size_t ntops = 0;
  for (const er_node *c = w->doc->root->first; c; c = c->next)
    ntops++;
  if (!s || !(s->tops = malloc((ntops ? ntops : 1) * sizeof *s->tops)))
    abort();
  for (const er_node *c = w->doc->root->first; c; c = c->next, s->ntops++)
    s->tops[s->ntops] = (er_dx_top){c, s->ntops};
  qsort(s->tops, s->ntops, sizeof *s->tops, by_node);
  s->w = w;
  s->write = write;
  pthread_mutex_init(&s->mu, NULL);
  pthread_cond_init(&s->cv, NULL);
  w->sync = s;
  pthread_t writer;
  /* ER_DOCX_SEQUENTIAL (tests): the layout first, then the writer, for
   * the bytes to compare */
  bool beside = !getenv("ER_DOCX_SEQUENTIAL") && pthread_create(&writer, NULL, run_writer, s) == 0;
  if (!beside) /* no thread: the layout first */
    w->sync = NULL;
  bool ok = layout(w, cfg, folios, w->nfolios);
  er_font_config_free(cfg);
  if (beside) {
    pthread_mutex_lock(&s->mu);
    s->done = true;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    pthread_join(writer, NULL);
  }
  w->sync = NULL;
  if (!ok) /* without fonts: no page numbers; the tables had none either */
    w->nfolios = 0;
  if (!beside)
    write(w);
  pthread_mutex_destroy(&s->mu);
  pthread_cond_destroy(&s->cv);
  free(s->tops);
  free(s);
}

void er_docx_layout_wait(er_docxw *w, size_t block) {
  struct er_dx_sync *s = w->sync;
  if (!s)
    return;
  pthread_mutex_lock(&s->mu);
  while (!s->done && s->past <= block)
    pthread_cond_wait(&s->cv, &s->mu);
  pthread_mutex_unlock(&s->mu);
}

void er_docx_folio_mark(er_docxw *w, int heading) {
  er_dx *x = &w->x;
  xmlTextWriterWriteRaw(x->x, BAD_CAST ""); /* ends the start tag, as text would */
  xmlTextWriterFlush(x->x);
  if (w->nmarks == w->marks_cap) {
    w->marks_cap = w->marks_cap ? 2 * w->marks_cap : 32;
    w->marks = realloc(w->marks, w->marks_cap * sizeof *w->marks);
    if (!w->marks)
      abort();
  }
  w->marks[w->nmarks++] = (struct er_dx_mark){(size_t)xmlBufferLength(x->buf), heading};
}

unsigned char *er_docx_folios_splice(er_docxw *w, er_dx *x, size_t *len) {
  xmlTextWriterEndDocument(x->x);
  xmlFreeTextWriter(x->x);
  const unsigned char *in = xmlBufferContent(x->buf);
  size_t n = (size_t)xmlBufferLength(x->buf);
  unsigned char *out = malloc(n + 12 * w->nmarks + 1);
  if (!out)
    abort();
  size_t o = 0, from = 0;
  for (size_t i = 0; i < w->nmarks; i++) {
    const struct er_dx_mark *m = &w->marks[i];
    memcpy(out + o, in + from, m->at - from);
    o += m->at - from;
    from = m->at;
    int k = m->heading;
    int folio = w->folios && k >= 0 && (size_t)k < w->nfolios ? w->folios[k] : 0;
    if (folio > 0)
      o += (size_t)snprintf((char *)out + o, 12, "%d", folio);
  }
  memcpy(out + o, in + from, n - from);
  *len = o + n - from;
  xmlBufferFree(x->buf);
  x->x = NULL;
  x->buf = NULL;
  return out;
}
