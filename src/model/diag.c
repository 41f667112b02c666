#include "model/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model/snippet.h"
#include "model/text.h"

void er_diag_init(er_diag *d, const char *file) {
  memset(d, 0, sizeof *d);
  d->file = file;
}

void er_diag_free(er_diag *d) {
  for (size_t i = 0; i < d->count; i++) {
    free(d->items[i].message);
    free(d->items[i].anchor);
  }
  free(d->items);
  d->items = NULL;
  d->count = d->cap = 0;
}

static char *vformat(const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  char *p = malloc((size_t)n + 1);
  if (!p)
    abort();
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  return p;
}

void er_diag_add(er_diag *d, er_severity sev, er_pos pos, const char *key, const char *fmt, ...) {
  if (sev == ER_ERROR)
    d->errors++;
  else
    d->warnings++;
  if (d->count == ER_DIAG_MAX) {
    d->dropped++;
    return;
  }
  if (d->count == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 16;
    d->items = realloc(d->items, d->cap * sizeof *d->items);
    if (!d->items)
      abort();
  }
  va_list ap;
  va_start(ap, fmt);
  char *text = vformat(fmt, ap);
  va_end(ap);
  /* messages echo keys and values: no escape sequence reaches a terminal */
  char *safe = er_term_text(text);
  if (safe) {
    free(text);
    text = safe;
  }
  size_t len = strlen(text) + strlen(key) + 4;
  char *message = malloc(len);
  if (!message)
    abort();
  snprintf(message, len, "%s [%s]", text, key);
  free(text);
  d->items[d->count] = (er_finding){sev, pos, message, NULL, d->count};
  d->count++;
}

void er_diag_anchor(er_diag *d, const char *anchor) {
  if (d->count == 0 || d->dropped || !anchor)
    return; /* once findings are dropped, the last one added was */
  er_finding *f = &d->items[d->count - 1];
  free(f->anchor);
  f->anchor = strdup(anchor);
}

static int by_position(const void *a, const void *b) {
  const er_finding *x = a, *y = b;
  if (x->pos.line != y->pos.line)
    return x->pos.line < y->pos.line ? -1 : 1;
  if (x->pos.col != y->pos.col)
    return x->pos.col < y->pos.col ? -1 : 1;
  return (x->seq > y->seq) - (x->seq < y->seq); /* stable: order of discovery */
}

void er_diag_sort(er_diag *d) {
  if (d->count > 1)
    qsort(d->items, d->count, sizeof *d->items, by_position);
}

/* The file name, as a terminal can show it safely: it can hold escapes too. */
static void put_file(const er_diag *d, FILE *out) {
  char *safe = er_term_text(d->file);
  fputs(safe ? safe : d->file ? d->file : "", out);
  free(safe);
}

/* One finding; on a terminal in colour (unless NO_COLOR) with the line of
 * the data file and a caret under the column, when `src` has the file. */
static void print_finding(const er_diag *d, const er_finding *f, FILE *out, er_srcfile *src,
                          bool color) {
  bool err = f->severity == ER_ERROR;
  fputs(ER_SGR(color, "1"), out);
  put_file(d, out);
  if (f->pos.line)
    fprintf(out, ":%u:%u:", f->pos.line, f->pos.col);
  else
    fputc(':', out);
  fprintf(out, "%s %s%s:%s %s\n", ER_SGR(color, "0"),
          err ? ER_SGR(color, "1;31") : ER_SGR(color, "1;35"), err ? "error" : "warning",
          ER_SGR(color, "0"), f->message);
  if (src)
    er_snippet_print(src, f->pos, color, out);
}

void er_diag_print_one(const er_diag *d, const er_finding *f, FILE *out) {
  if (!er_term_is(out)) {
    print_finding(d, f, out, NULL, false);
    return;
  }
  er_srcfile src;
  bool have = er_srcfile_open(&src, d->file);
  print_finding(d, f, out, have ? &src : NULL, er_term_color(out));
  er_srcfile_close(&src);
}

void er_diag_print(const er_diag *d, FILE *out) {
  er_srcfile src = {0};
  bool tty = er_term_is(out), have = tty && d->count && er_srcfile_open(&src, d->file);
  bool color = tty && er_term_color(out);
  for (size_t i = 0; i < d->count; i++)
    print_finding(d, &d->items[i], out, have ? &src : NULL, color);
  er_srcfile_close(&src);
  if (d->dropped) {
    put_file(d, out);
    fprintf(out, ": note: 另有 %zu 个问题未列出（最多列出 %d 个） [too-many]\n", d->dropped,
            ER_DIAG_MAX);
  }
}

void er_diag_print_counts(const er_diag *d, FILE *out) {
  put_file(d, out);
  fprintf(out, ": %zu 个错误，%zu 个警告 (%zu error%s, %zu warning%s)\n", d->errors, d->warnings,
          d->errors, d->errors == 1 ? "" : "s", d->warnings, d->warnings == 1 ? "" : "s");
}

void er_say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *text = vformat(fmt, ap);
  va_end(ap);
  char *safe = er_term_text(text);
  fprintf(stderr, "%s\n", safe ? safe : text);
  free(safe);
  free(text);
}
