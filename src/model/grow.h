/* Arrays that grow by one item at a time. */
#ifndef ER_MODEL_GROW_H
#define ER_MODEL_GROW_H

#include <stddef.h>

/* Room for one more item in `items`, an array of `*cap` items of `size`
 * bytes of which `n` are used: when it is full it doubles, starting at
 * `first` items. Out of memory aborts, as every allocation of the engine
 * does. Returns the array, moved or not:
 *
 *   b->items = er_grow(b->items, b->n, &b->cap, sizeof *b->items, 16);
 *   b->items[b->n++] = item; */
void *er_grow(void *items, size_t n, size_t *cap, size_t size, size_t first);

#endif
