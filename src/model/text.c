#include "model/text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t er_utf8_valid_prefix(const unsigned char *s, size_t len) {
  if (len == 0 || s[0] == 0)
    return 0;
  if (s[0] < 0x80)
    return 1;
  size_t n;
  unsigned min;
  unsigned cp;
  if ((s[0] & 0xE0) == 0xC0) {
    n = 2, min = 0x80, cp = s[0] & 0x1F;
  } else if ((s[0] & 0xF0) == 0xE0) {
    n = 3, min = 0x800, cp = s[0] & 0x0F;
  } else if ((s[0] & 0xF8) == 0xF0) {
    n = 4, min = 0x10000, cp = s[0] & 0x07;
  } else
    return 0;
  if (len < n)
    return 0;
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    cp = cp << 6 | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

bool er_is_blank(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (!strchr(" \t\r\n", s[i]))
      return false;
  return true;
}

/* Splits UTF-8 text into code points; returns their number, or SIZE_MAX
 * when there are more than `max`. */
static size_t code_points(const char *s, unsigned *out, size_t max) {
  size_t n = 0;
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    if (n == max)
      return (size_t)-1;
    size_t len = er_utf8_valid_prefix(p, 4);
    if (len == 0)
      len = 1;
    unsigned cp = p[0];
    for (size_t i = 1; i < len; i++)
      cp = cp << 8 | p[i]; /* a unique key per character is all that is needed */
    out[n++] = cp;
    p += len;
  }
  return n;
}

/* Levenshtein distance in characters, so a one-character Chinese typo
 * counts as one edit. */
static size_t edit_distance(const char *sa, const char *sb) {
  unsigned a[64], b[64];
  size_t la = code_points(sa, a, 64), lb = code_points(sb, b, 64);
  if (la == (size_t)-1 || lb == (size_t)-1)
    return (size_t)-1;
  size_t row[65];
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t best = diag + cost;
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb];
}

const char *er_nearest(const char *word, const char *const *candidates) {
  const char *best = NULL;
  size_t best_d = (size_t)-1;
  for (size_t i = 0; candidates[i]; i++) {
    size_t d = edit_distance(word, candidates[i]);
    if (d < best_d) {
      best_d = d;
      best = candidates[i];
    }
  }
  unsigned cps[64];
  size_t len = code_points(word, cps, 64);
  size_t limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
  return best && best_d > 0 && best_d <= limit ? best : NULL;
}

/* Copies one paragraph [a, b) joining its lines. */
static const char *join_lines(er_arena *arena, const char *a, const char *b) {
  char *out = er_arena_alloc(arena, (size_t)(b - a) + 1);
  size_t n = 0;
  for (const char *p = a; p < b; p++) {
    if (*p == '\r')
      continue;
    if (*p == '\n') {
      /* drop the break and the indentation around it */
      while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
        n--;
      while (p + 1 < b && (p[1] == ' ' || p[1] == '\t'))
        p++;
      bool ascii_before = n > 0 && (unsigned char)out[n - 1] < 0x80;
      bool ascii_after = p + 1 < b && (unsigned char)p[1] < 0x80 && p[1] != '\n';
      if (ascii_before && ascii_after)
        out[n++] = ' ';
      continue;
    }
    if (n == 0 && (*p == ' ' || *p == '\t'))
      continue;
    out[n++] = *p;
  }
  while (n > 0 && strchr(" \t\n", out[n - 1]))
    n--;
  out[n] = '\0';
  return out;
}

const char **er_paragraphs(er_arena *arena, const char *s, size_t *count) {
  size_t cap = 8, n = 0;
  const char **out = er_arena_alloc(arena, cap * sizeof *out);
  const char *p = s, *para = NULL;
  for (;;) {
    const char *eol = strchr(p, '\n');
    size_t len = eol ? (size_t)(eol - p) : strlen(p);
    bool blank = er_is_blank(p, len);
    if (!blank && !para)
      para = p;
    if ((blank || !eol) && para) {
      if (n == cap) {
        const char **bigger = er_arena_alloc(arena, 2 * cap * sizeof *out);
        memcpy(bigger, out, cap * sizeof *out);
        out = bigger;
        cap *= 2;
      }
      out[n++] = join_lines(arena, para, p + len);
      para = NULL;
    }
    if (!eol)
      break;
    p = eol + 1;
  }
  *count = n;
  return out;
}

/* East Asian Wide and Fullwidth ranges (UAX #11), enough for Chinese text. */
static bool is_wide(unsigned cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) || cp == 0x2014 ||
         cp == 0x2026 || cp == 0x201C || cp == 0x201D;
}

size_t er_display_width(const char *s) {
  size_t width = 0;
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    size_t n = er_utf8_valid_prefix(p, 4);
    if (n == 0) {
      p++;
      width++;
      continue;
    }
    unsigned cp = n == 1   ? p[0]
                  : n == 2 ? (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu)
                  : n == 3 ? (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu)
                           : (p[0] & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 |
                                 (p[3] & 0x3Fu);
    width += is_wide(cp) ? 2 : 1;
    p += n;
  }
  return width;
}

bool er_xml_char(unsigned cp) {
  if (cp < 0x20)
    return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0xFFFE && cp != 0xFFFF;
}

static unsigned decode(const unsigned char *p, size_t n) {
  static const unsigned char lead_mask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  unsigned cp = p[0] & lead_mask[n];
  for (size_t i = 1; i < n; i++)
    cp = cp << 6 | (p[i] & 0x3F);
  return cp;
}

/* "_xHHHH_" at p, which Excel reads as the character U+HHHH. */
static bool excel_escape_at(const char *p) {
  if (p[0] != '_' || p[1] != 'x')
    return false;
  for (int i = 2; i < 6; i++)
    if (!isxdigit((unsigned char)p[i]))
      return false;
  return p[6] == '_';
}

static bool reorders(unsigned cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C;
}

/* ---- rewriting text character by character ----
 *
 * One driver for the three ways text is made safe: for XML (and the
 * spreadsheet's XML), for the view's XHTML and for a terminal. A pass
 * finds whether anything is to change (usually not: no copy then); a
 * second writes the copy. */

typedef enum text_use { FOR_XML, FOR_XLSX, FOR_VIEW, FOR_TERMINAL } text_use;

/* What the character at p (n bytes; 0: an invalid byte) becomes, written
 * to out (when not NULL); returns its length there, or SIZE_MAX when it
 * stays as it is. *advance is set to the bytes it takes in s. */
static size_t rewrite(text_use use, const unsigned char *p, size_t n, char *out, size_t *advance) {
  *advance = n ? n : 1;
  unsigned cp = n ? decode(p, n) : 0;
  if (use == FOR_TERMINAL) {
    if (n == 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      char buf[8];
      int k = snprintf(buf, sizeof buf, "\\x%02X", n ? cp : p[0]);
      if (out)
        memcpy(out, buf, (size_t)k);
      return (size_t)k;
    }
    if (reorders(cp)) {
      char buf[16];
      int k = snprintf(buf, sizeof buf, "<U+%04X>", cp);
      if (out)
        memcpy(out, buf, (size_t)k);
      return (size_t)k;
    }
    return SIZE_MAX;
  }
  if (n == 0) {
    if (out) /* a piece of the text being written, not a string of its own */
      memcpy(out, "\xEF\xBF\xBD", 3); // NOLINT(bugprone-not-null-terminated-result)
    return 3;
  }
  if (use == FOR_XLSX && excel_escape_at((const char *)p)) {
    *advance = 1; /* the underscore, escaped; the rest follows as text */
    if (out)
      memcpy(out, "_x005F_", 7); // NOLINT(bugprone-not-null-terminated-result): a piece, as above
    return 7;
  }
  bool keep = use == FOR_VIEW ? er_xml_char(cp) && cp != '\r' && !(cp >= 0x7F && cp <= 0x9F)
                              : er_xml_char(cp);
  return keep ? SIZE_MAX : 0;
}

/* The longest a character's rewriting is, per byte it takes. */
#define MAX_GROWTH 8

static char *rewrite_text(const char *s, text_use use) {
  if (!s)
    return NULL;
  size_t len = strlen(s), advance;
  const unsigned char *p = (const unsigned char *)s, *end = p + len;
  bool change = false;
  for (const unsigned char *q = p; q < end && !change; q += advance)
    change =
        rewrite(use, q, er_utf8_valid_prefix(q, (size_t)(end - q)), NULL, &advance) != SIZE_MAX;
  if (!change)
    return NULL;
  char *out = malloc(len * MAX_GROWTH + 1), *o = out;
  if (!out)
    abort();
  for (; p < end; p += advance) {
    size_t n = er_utf8_valid_prefix(p, (size_t)(end - p));
    size_t k = rewrite(use, p, n, o, &advance);
    if (k == SIZE_MAX) {
      memcpy(o, p, n);
      k = n;
    }
    o += k;
  }
  *o = '\0';
  return out;
}

char *er_xml_text(const char *s, bool xlsx) {
  char *clean = rewrite_text(s, FOR_XML);
  if (!xlsx)
    return clean;
  /* escaped after the characters XML cannot carry are left out: leaving
   * out U+0001 from "_x\x01" "0041_" makes an escape of what was not one */
  char *escaped = rewrite_text(clean ? clean : s, FOR_XLSX);
  if (!escaped)
    return clean;
  free(clean);
  return escaped;
}

char *er_view_text(const char *s) { return rewrite_text(s, FOR_VIEW); }

char *er_term_text(const char *s) { return rewrite_text(s, FOR_TERMINAL); }
