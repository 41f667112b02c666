#include "model/arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct er_arena_block {
  struct er_arena_block *next;
  size_t used, size;
  max_align_t data[];
} er_arena_block;

#define BLOCK_MIN 65536

/* `size` bytes at an offset that is a multiple of `align`. */
static void *take(er_arena *arena, size_t size, size_t align) {
  er_arena_block *b = arena->head;
  size_t at = b ? (b->used + align - 1) / align * align : 0;
  if (!b || at > b->size || b->size - at < size) {
    size_t cap = size > BLOCK_MIN ? size : BLOCK_MIN;
    /* not zeroed: a block is touched only as far as it is used, and the
     * last block of an arena is rarely full */
    b = malloc(sizeof *b + cap);
    if (!b) {
      fputs("evalreport: out of memory\n", stderr);
      abort();
    }
    b->size = cap;
    b->next = arena->head;
    arena->head = b;
    at = 0;
  }
  b->used = at + size;
  return (char *)b->data + at;
}

void *er_arena_alloc(er_arena *arena, size_t size) {
  return memset(take(arena, size, sizeof(max_align_t)), 0, size);
}

/* Text needs no alignment: a large report holds millions of short strings. */
char *er_arena_strndup(er_arena *arena, const char *s, size_t len) {
  char *p = take(arena, len + 1, 1);
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *er_arena_printf(er_arena *arena, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = take(arena, (size_t)n + 1, 1);
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}

void er_arena_free(er_arena *arena) {
  er_arena_block *b = arena->head;
  while (b) {
    er_arena_block *next = b->next;
    free(b);
    b = next;
  }
  arena->head = NULL;
}
