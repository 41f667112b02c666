/* A bump allocator: the whole model is allocated from one arena and freed
 * at once, so no part of the loader or scorer has to track ownership. */
#ifndef ER_ARENA_H
#define ER_ARENA_H

#include <stddef.h>

typedef struct er_arena {
  struct er_arena_block *head;
} er_arena;

/* Zeroed memory for `size` bytes, aligned for any type. Aborts on
 * exhaustion (the caller has no sensible way to go on). */
void *er_arena_alloc(er_arena *arena, size_t size);
/* Copies `len` bytes of `s` into the arena, NUL-terminated. */
char *er_arena_strndup(er_arena *arena, const char *s, size_t len);
char *er_arena_printf(er_arena *arena, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void er_arena_free(er_arena *arena);

#endif
