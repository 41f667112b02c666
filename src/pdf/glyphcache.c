/* Remembered glyphs of short texts (glyphcache.h). */
#include "pdf/glyphcache.h"

#include <stdlib.h>
#include <string.h>

#include "model/grow.h"

/* Texts up to this many bytes are remembered, this many of them at most;
 * when it is full it starts again (a table's figures come back soon). */
#define MAX_TEXT 16
#define MAX_ENTRIES 4096
#define SLOTS ((size_t)2 * MAX_ENTRIES)

typedef struct entry {
  uint64_t hash;
  unsigned char *key;
  size_t key_len;
  er_glyphs glyphs;
} entry;

#define CHAR_SLOTS 4096 /* direct-mapped: a report uses a few thousand characters */

struct er_glyph_cache {
  er_char_info chars[CHAR_SLOTS];
  /* 1 + the index of each slot's entry in `entries`, 0 when empty: the
   * table is small and the entries dense, so a short report touches few
   * pages of memory */
  uint32_t slots[SLOTS];
  entry *entries;
  size_t count, cap;
  unsigned char key[1024]; /* the one being looked up */
  size_t key_len;
  uint64_t hash;
};

er_glyph_cache *er_glyph_cache_new(void) {
  er_glyph_cache *c = calloc(1, sizeof *c);
  if (!c)
    abort();
  for (size_t i = 0; i < CHAR_SLOTS; i++)
    c->chars[i].role = -1;
  return c;
}

er_char_info *er_glyph_cache_char(er_glyph_cache *c, er_role role, uint32_t cp) {
  return &c->chars[(cp * 8u + (uint32_t)role) % CHAR_SLOTS];
}

static void clear(er_glyph_cache *c) {
  for (size_t i = 0; i < c->count; i++) {
    free(c->entries[i].key);
    er_glyphs_free(&c->entries[i].glyphs);
  }
  memset(c->slots, 0, sizeof c->slots);
  c->count = 0;
}

void er_glyph_cache_free(er_glyph_cache *c) {
  if (!c)
    return;
  clear(c);
  free(c->entries);
  free(c);
}

static bool add(er_glyph_cache *c, const void *v, size_t n) {
  if (c->key_len + n > sizeof c->key)
    return false;
  memcpy(c->key + c->key_len, v, n);
  c->key_len += n;
  return true;
}

/* Everything er_glyphs_make reads, as bytes: each span's text and how it
 * is set, and the style's fields that change the glyphs. */
static bool make_key(er_glyph_cache *c, const er_span *spans, size_t n,
                     const er_para_style *style) {
  c->key_len = 0;
  if (style->line_ends)
    return false;
  size_t total = 0;
  for (size_t s = 0; s < n; s++)
    total += spans[s].len;
  if (total > MAX_TEXT)
    return false;
  bool ok = add(c, &n, sizeof n) && add(c, &style->wide_em, sizeof style->wide_em);
  unsigned char flags = (unsigned char)((style->squeeze ? 1 : 0) | (style->phrases ? 2 : 0));
  ok = ok && add(c, &flags, 1);
  for (size_t s = 0; s < n && ok; s++) {
    const er_span *sp = &spans[s];
    int role = (int)sp->role;
    unsigned char bold = sp->bold ? 1 : 0;
    ok = add(c, &sp->len, sizeof sp->len) && add(c, &role, sizeof role) &&
         add(c, &sp->size, sizeof sp->size) && add(c, &bold, 1) &&
         add(c, &sp->rise, sizeof sp->rise) && add(c, &sp->color, sizeof sp->color) &&
         add(c, sp->text, sp->len);
  }
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (size_t i = 0; i < c->key_len; i++)
    h = (h ^ c->key[i]) * 1099511628211ull;
  c->hash = h;
  return ok;
}

/* The slot of the key being looked up: its entry's, or the empty one
 * where it would go. */
static uint32_t *find(er_glyph_cache *c) {
  for (size_t i = c->hash % SLOTS;; i = (i + 1) % SLOTS) {
    if (!c->slots[i])
      return &c->slots[i];
    const entry *e = &c->entries[c->slots[i] - 1];
    if (e->hash == c->hash && e->key_len == c->key_len && memcmp(e->key, c->key, c->key_len) == 0)
      return &c->slots[i];
  }
}

void er_glyphs_copy(er_glyphs *to, const er_glyphs *from) {
  to->len = from->len;
  to->n = from->n;
  to->text = malloc(from->len + 1);
  to->items = malloc((from->n ? from->n : 1) * sizeof *to->items);
  if (!to->text || !to->items)
    abort();
  memcpy(to->text, from->text, from->len + 1);
  if (from->n)
    memcpy(to->items, from->items, from->n * sizeof *to->items);
}

bool er_glyph_cache_get(er_glyph_cache *c, const er_span *spans, size_t n,
                        const er_para_style *style, er_glyphs *out) {
  if (!make_key(c, spans, n, style))
    return false;
  const uint32_t *slot = find(c);
  if (!*slot)
    return false;
  er_glyphs_copy(out, &c->entries[*slot - 1].glyphs);
  return true;
}

void er_glyph_cache_put(er_glyph_cache *c, const er_span *spans, size_t n,
                        const er_para_style *style, const er_glyphs *g) {
  if (!make_key(c, spans, n, style))
    return;
  if (c->count == MAX_ENTRIES)
    clear(c);
  uint32_t *slot = find(c);
  if (*slot)
    return;
  c->entries = er_grow(c->entries, c->count, &c->cap, sizeof *c->entries, 64);
  entry *e = &c->entries[c->count++];
  *slot = (uint32_t)c->count;
  e->key = malloc(c->key_len);
  if (!e->key)
    abort();
  memcpy(e->key, c->key, c->key_len);
  e->key_len = c->key_len;
  e->hash = c->hash;
  er_glyphs_copy(&e->glyphs, g);
}
