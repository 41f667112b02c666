/* A ToUnicode CMap for code points that are their own CIDs (tounicode.h). */
#include "pdf/tounicode.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 100 /* entries a bfrange or bfchar block may hold */

typedef struct buf {
  char *text;
  size_t len, cap;
} buf;

static void put(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(buf *b, const char *fmt, ...) {
  for (;;) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->text + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n < 0)
      abort();
    if ((size_t)n < b->cap - b->len) {
      b->len += (size_t)n;
      return;
    }
    b->cap = 2 * b->cap + (size_t)n;
    b->text = realloc(b->text, b->cap);
    if (!b->text)
      abort();
  }
}

typedef struct range {
  unsigned first, last;
} range;

/* Ranges of consecutive code points within one high byte. */
static range *ranges_of(const hb_set_t *cps, size_t *count) {
  size_t cap = 16, n = 0;
  range *r = malloc(cap * sizeof *r);
  if (!r)
    abort();
  /* hb_set_next_range continues after *last */
  hb_codepoint_t first, last = HB_SET_VALUE_INVALID;
  while (hb_set_next_range(cps, &first, &last)) {
    if (first > 0xFFFF)
      break;
    if (last > 0xFFFF)
      last = 0xFFFF;
    for (unsigned from = first; from <= last;) {
      unsigned to = (from | 0xFF) < last ? (from | 0xFF) : last;
      if (n == cap) {
        cap *= 2;
        r = realloc(r, cap * sizeof *r);
        if (!r)
          abort();
      }
      r[n++] = (range){from, to};
      from = to + 1;
    }
  }
  *count = n;
  return r;
}

static void put_blocks(buf *b, const range *r, size_t n, bool singles) {
  size_t total = 0;
  for (size_t i = 0; i < n; i++)
    total += (r[i].first == r[i].last) == singles;
  const char *what = singles ? "bfchar" : "bfrange";
  size_t in_block = 0;
  for (size_t i = 0; i < n; i++) {
    if ((r[i].first == r[i].last) != singles)
      continue;
    if (in_block == 0)
      put(b, "%zu begin%s\n", total < BLOCK ? total : BLOCK, what);
    if (singles)
      put(b, "<%04X> <%04X>\n", r[i].first, r[i].first);
    else
      put(b, "<%04X> <%04X> <%04X>\n", r[i].first, r[i].last, r[i].first);
    total--;
    if (++in_block == BLOCK || total == 0) {
      put(b, "end%s\n", what);
      in_block = 0;
    }
  }
}

static const char cmap_head[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n"
    "<0000> <FFFF>\n"
    "endcodespacerange\n";
static const char cmap_tail[] = "endcmap\n"
                                "CMapName currentdict /CMap defineresource pop\n"
                                "end\n"
                                "end\n";

char *er_tounicode_cmap(const hb_set_t *cps, size_t *len) {
  buf b = {malloc(1024), 0, 1024};
  if (!b.text)
    abort();
  put(&b, "%s", cmap_head);
  size_t n;
  range *r = ranges_of(cps, &n);
  put_blocks(&b, r, n, false);
  put_blocks(&b, r, n, true);
  free(r);
  put(&b, "%s", cmap_tail);
  *len = b.len;
  return b.text;
}

typedef struct pair {
  unsigned code, unicode;
} pair;

static int by_code(const void *a, const void *b) {
  const pair *x = a, *y = b;
  return x->code < y->code ? -1 : x->code > y->code;
}

/* Blocks of runs of codes whose characters run on too, neither crossing
 * a change of high byte (bfrange), or single ones (bfchar). */
static void put_pairs(buf *b, const pair *p, size_t n, bool singles) {
  range *runs = malloc((n ? n : 1) * sizeof *runs);
  if (!runs)
    abort();
  size_t count = 0;
  for (size_t i = 0; i < n;) {
    size_t k = i;
    while (k + 1 < n && p[k + 1].code == p[k].code + 1 && p[k + 1].unicode == p[k].unicode + 1 &&
           (p[k + 1].code >> 8) == (p[i].code >> 8) &&
           (p[k + 1].unicode >> 8) == (p[i].unicode >> 8))
      k++;
    if ((k == i) == singles)
      runs[count++] = (range){(unsigned)i, (unsigned)k};
    i = k + 1;
  }
  const char *what = singles ? "bfchar" : "bfrange";
  for (size_t i = 0; i < count; i++) {
    if (i % BLOCK == 0)
      put(b, "%zu begin%s\n", count - i < BLOCK ? count - i : BLOCK, what);
    const pair *a = &p[runs[i].first], *z = &p[runs[i].last];
    if (singles)
      put(b, "<%04X> <%04X>\n", a->code, a->unicode);
    else
      put(b, "<%04X> <%04X> <%04X>\n", a->code, z->code, a->unicode);
    if (i % BLOCK == BLOCK - 1 || i + 1 == count)
      put(b, "end%s\n", what);
  }
  free(runs);
}

char *er_tounicode_cmap_codes(const hb_set_t *cps, const hb_map_t *code, size_t *len) {
  buf b = {malloc(1024), 0, 1024};
  if (!b.text)
    abort();
  put(&b, "%s", cmap_head);
  size_t n = 0, cap = hb_set_get_population(cps);
  pair *p = malloc((cap ? cap : 1) * sizeof *p);
  if (!p)
    abort();
  hb_codepoint_t u = HB_SET_VALUE_INVALID;
  while (hb_set_next(cps, &u) && n < cap) {
    hb_codepoint_t c = hb_map_get(code, u);
    if (u <= 0xFFFF && c <= 0xFFFF)
      p[n++] = (pair){c, u};
  }
  qsort(p, n, sizeof *p, by_code);
  /* a code several characters share (.notdef) maps to none of them */
  size_t kept = 0;
  for (size_t i = 0; i < n; i++) {
    bool shared =
        (i > 0 && p[i - 1].code == p[i].code) || (i + 1 < n && p[i + 1].code == p[i].code);
    if (!shared)
      p[kept++] = p[i];
  }
  put_pairs(&b, p, kept, false);
  put_pairs(&b, p, kept, true);
  free(p);
  put(&b, "%s", cmap_tail);
  *len = b.len;
  return b.text;
}
