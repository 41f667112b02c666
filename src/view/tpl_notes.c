/* Messages about template files, printed as FILE:LINE: severity: text. */
#include "view/tpl.h"

#include "model/grow.h"
#include "model/text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void er_tpl_notes_init(er_tpl_notes *n) { memset(n, 0, sizeof *n); }

void er_tpl_notes_free(er_tpl_notes *n) {
  for (size_t i = 0; i < n->count; i++)
    free(n->items[i].text);
  free(n->items);
  er_arena_free(&n->arena);
  memset(n, 0, sizeof *n);
}

void er_tpl_note_add(er_tpl_notes *n, const char *file, unsigned line, bool error, const char *fmt,
                     ...) {
  n->items = er_grow(n->items, n->count, &n->cap, sizeof *n->items, 8);
  va_list ap;
  va_start(ap, fmt);
  int len = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *text = malloc((size_t)len + 1);
  if (!text)
    abort();
  va_start(ap, fmt);
  vsnprintf(text, (size_t)len + 1, fmt, ap);
  va_end(ap);
  const char *f = file ? er_arena_strndup(&n->arena, file, strlen(file)) : "template";
  n->items[n->count++] = (er_tpl_note){f, line, error, text};
  if (error)
    n->errors++;
  else
    n->warnings++;
}

void er_tpl_notes_print(const er_tpl_notes *n, FILE *out) {
  for (size_t i = 0; i < n->count; i++) {
    const er_tpl_note *e = &n->items[i];
    const char *sev = e->error ? "error" : "warning";
    /* a template's names and text can hold escape sequences too */
    char *file = er_term_text(e->file), *text = er_term_text(e->text);
    if (e->line)
      fprintf(out, "%s:%u: %s: %s\n", file ? file : e->file, e->line, sev, text ? text : e->text);
    else
      fprintf(out, "%s: %s: %s\n", file ? file : e->file, sev, text ? text : e->text);
    free(file);
    free(text);
  }
}
