/* The charts' data as the workbooks Word's "Edit Data" opens (embedded in
 * the package beside each chart part): Sheet1 with the labels in column A
 * and the values in column B from row 2 — the cells the chart's
 * references name. Written with libxlsxwriter, which writes to a file
 * only: a private temporary file, read back and removed. That takes a few
 * milliseconds a chart, so the workbooks are built on a thread while the
 * layout runs (docx.c starts it) and taken when their chart is written
 * (chart.c). Their creation time is fixed (the document's date, else
 * 1980-01-01), so the bytes are the same for the same data. */
#include "docx/docxw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define FIXED_TIME 315532800 /* 1980-01-01, the zip format's first day */

static unsigned char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  unsigned char *data = NULL;
  if (fseek(f, 0, SEEK_END) == 0) {
    long n = ftell(f);
    if (n > 0 && fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n)) &&
        fread(data, 1, (size_t)n, f) != (size_t)n) {
      free(data);
      data = NULL;
    }
    *len = n > 0 ? (size_t)n : 0;
  }
  fclose(f);
  return data;
}

/* Builds b->data from b's own copy of the chart's data: the thread reads
 * nothing of the document tree, which the layout is using. */
static void build(er_dx_book *b, long long created) {
  const char *dir = getenv("TMPDIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/evalreport-chart.XXXXXX", dir && *dir ? dir : "/tmp");
  int fd = mkstemp(path);
  if (fd < 0)
    return;
  close(fd);
  lxw_workbook *wb = workbook_new(path);
  lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, "Sheet1") : NULL;
  if (ws) {
    lxw_doc_properties props = {.created = created >= 0 ? (time_t)created : FIXED_TIME};
    workbook_set_properties(wb, &props);
    worksheet_write_string(ws, 0, 1, b->unit, NULL);
    for (size_t i = 0; i < b->n; i++) {
      worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, b->labels[i], NULL);
      worksheet_write_number(ws, (lxw_row_t)(i + 1), 1, b->values[i], NULL);
    }
  }
  if (wb && workbook_close(wb) == LXW_NO_ERROR && ws)
    b->data = slurp(path, &b->len);
  unlink(path);
}

static void *build_all(void *arg) {
  er_dx_books *s = arg;
  for (size_t i = 0; i < s->n; i++)
    build(&s->books[i], s->created);
  return NULL;
}

/* The chart's labels and values, copied for the thread; the labels are
 * texts in the document's arena, whose blocks never move. */
static void collect(er_docxw *w, er_dx_book *b, const er_node *chart) {
  b->chart = chart;
  b->unit = chart->unit ? chart->unit : "";
  for (const er_node *c = chart->first; c; c = c->next)
    b->n += c->type == ER_DOC_DATUM;
  b->labels = calloc(b->n ? b->n : 1, sizeof(const char *));
  b->values = calloc(b->n ? b->n : 1, sizeof(double));
  if (!b->labels || !b->values)
    abort();
  size_t i = 0;
  for (const er_node *c = chart->first; c; c = c->next)
    if (c->type == ER_DOC_DATUM) {
      b->labels[i] = er_node_text(w->doc, c);
      b->values[i++] = strtod(c->value, NULL);
    }
}

void er_docx_books_start(er_docxw *w) {
  er_dx_books *s = &w->books;
  s->created = w->created;
  const er_node *root = w->doc->root;
  for (const er_node *n = root; n; n = er_node_following(root, n))
    s->n += n->type == ER_DOC_CHART;
  if (s->n == 0)
    return;
  s->books = calloc(s->n, sizeof *s->books);
  if (!s->books)
    abort();
  size_t i = 0;
  for (const er_node *n = root; n; n = er_node_following(root, n))
    if (n->type == ER_DOC_CHART)
      collect(w, &s->books[i++], n);
  s->running = pthread_create(&s->thread, NULL, build_all, s) == 0;
  if (!s->running)
    build_all(s);
}

static void wait_for_books(er_dx_books *s) {
  if (s->running)
    pthread_join(s->thread, NULL);
  s->running = false;
}

const er_dx_book *er_docx_book_of(er_docxw *w, const er_node *chart) {
  wait_for_books(&w->books);
  for (size_t i = 0; i < w->books.n; i++)
    if (w->books.books[i].chart == chart)
      return &w->books.books[i];
  return NULL;
}

void er_docx_books_free(er_docxw *w) {
  er_dx_books *s = &w->books;
  wait_for_books(s);
  for (size_t i = 0; i < s->n; i++) {
    free(s->books[i].labels);
    free(s->books[i].values);
    free(s->books[i].data);
  }
  free(s->books);
  *s = (er_dx_books){0};
}
