#include "model/snippet.h"

#include "model/text.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_SOURCE_BYTES (256u << 20)
#define SHOW_BEFORE 40 /* characters kept before a far-right caret */
#define SHOW_CHARS 100 /* characters of the line shown at most */

bool er_srcfile_open(er_srcfile *s, const char *path) {
  memset(s, 0, sizeof *s);
  FILE *f = path ? fopen(path, "rb") : NULL;
  if (!f)
    return false;
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > MAX_SOURCE_BYTES) {
    fclose(f);
    return false;
  }
  s->text = malloc((size_t)st.st_size + 1);
  if (s->text)
    s->len = fread(s->text, 1, (size_t)st.st_size, f);
  fclose(f);
  if (!s->text)
    return false;
  s->text[s->len] = '\0';
  s->line = 1;
  return true;
}

void er_srcfile_close(er_srcfile *s) {
  free(s->text);
  memset(s, 0, sizeof *s);
}

bool er_term_is(FILE *out) { return isatty(fileno(out)); }

bool er_term_color(FILE *out) {
  const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
  if (no && *no)
    return false;
  if (term && strcmp(term, "dumb") == 0)
    return false;
  return er_term_is(out);
}

/* The start of line `line` (from 1), or NULL past the end. */
static const char *line_start(er_srcfile *s, uint32_t line) {
  if (line < s->line) {
    s->line = 1;
    s->off = 0;
  }
  while (s->line < line) {
    const char *nl = memchr(s->text + s->off, '\n', s->len - s->off);
    if (!nl)
      return NULL;
    s->off = (size_t)(nl - s->text) + 1;
    s->line++;
  }
  return s->text + s->off;
}

/* Byte offset of character `n` (from 0) in p[0..len), or len. */
static size_t char_offset(const char *p, size_t len, size_t n) {
  size_t i = 0;
  for (; i < len && n; n--) {
    i++;
    while (i < len && ((unsigned char)p[i] & 0xC0) == 0x80)
      i++;
  }
  return i;
}

/* p[0..len) as the terminal shows it: tabs as spaces, controls escaped. */
static char *shown(const char *p, size_t len) {
  char *copy = malloc(len + 1);
  if (!copy)
    abort();
  for (size_t i = 0; i < len; i++)
    copy[i] = p[i] == '\t' || p[i] == '\r' ? ' ' : p[i];
  copy[len] = '\0';
  char *safe = er_term_text(copy);
  if (safe) {
    free(copy);
    return safe;
  }
  return copy;
}

const char *er_srcfile_line(er_srcfile *s, uint32_t line, size_t *len) {
  if (!s->text || line == 0)
    return NULL;
  const char *p = line_start(s, line);
  if (!p)
    return NULL;
  const char *nl = memchr(p, '\n', s->len - (size_t)(p - s->text));
  *len = nl ? (size_t)(nl - p) : s->len - (size_t)(p - s->text);
  if (*len && p[*len - 1] == '\r')
    (*len)--;
  return p;
}

void er_snippet_print(er_srcfile *s, er_pos pos, bool color, FILE *out) {
  size_t len;
  const char *p = er_srcfile_line(s, pos.line, &len);
  if (!p)
    return;
  size_t col = pos.col ? pos.col - 1 : 0;
  size_t first = col > SHOW_CHARS - 20 ? col - SHOW_BEFORE : 0;
  size_t from = char_offset(p, len, first);
  size_t at = from + char_offset(p + from, len - from, col - first);
  size_t to = from + char_offset(p + from, len - from, SHOW_CHARS);
  char *before = shown(p + from, at - from), *line = shown(p + from, to - from);
  char gutter[16];
  int width = snprintf(gutter, sizeof gutter, "%u", pos.line);
  fprintf(out, "%s %*s |%s %s%s%s\n", ER_SGR(color, "1;34"), width + 3, gutter, ER_SGR(color, "0"),
          first ? "…" : "", line, to < len ? "…" : "");
  fprintf(out, "%s %*s |%s %*s%s^%s\n", ER_SGR(color, "1;34"), width + 3, "", ER_SGR(color, "0"),
          (int)(er_display_width(before) + (first ? er_display_width("…") : 0)), "",
          ER_SGR(color, "1;32"), ER_SGR(color, "0"));
  free(before);
  free(line);
}
