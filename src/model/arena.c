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

void *er_arena_alloc(er_arena *arena, size_t size) {
  const size_t align = sizeof(max_align_t);
  size = (size + align - 1) / align * align;
  er_arena_block *b = arena->head;
  if (!b || b->size - b->used < size) {
    size_t cap = size > BLOCK_MIN ? size : BLOCK_MIN;
    b = malloc(sizeof *b + cap);
    if (!b) {
      fputs("evalreport: out of memory\n", stderr);
      abort();
    }
    b->size = cap;
    b->used = 0;
    b->next = arena->head;
    arena->head = b;
  }
  void *p = (char *)b->data + b->used;
  b->used += size;
  memset(p, 0, size);
  return p;
}

char *er_arena_strndup(er_arena *arena, const char *s, size_t len) {
  char *p = er_arena_alloc(arena, len + 1);
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *er_arena_printf(er_arena *arena, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = er_arena_alloc(arena, (size_t)n + 1);
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
