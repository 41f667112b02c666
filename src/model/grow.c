#include "model/grow.h"

#include <stdio.h>
#include <stdlib.h>

void *er_grow(void *items, size_t n, size_t *cap, size_t size, size_t first) {
  if (n < *cap)
    return items;
  size_t want = *cap ? 2 * *cap : first;
  items = want > ((size_t)-1) / size ? NULL : realloc(items, want * size);
  if (!items) {
    fputs("evalreport: out of memory\n", stderr);
    abort();
  }
  *cap = want;
  return items;
}
