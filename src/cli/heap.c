/* The heap of a single run (check, score, render): most of its memory is
 * touched once, and in a virtual machine each first touch of a 4 KB page
 * is a fault that costs about 10 µs, so a report's 4 MB of heap cost more
 * in faults than in the work done with it. Transparent huge pages map the
 * same memory 2 MB at a fault. Batch and serve keep glibc's defaults: they
 * run for long and allocate from several threads. */
#include "cli/cli.h"

#include <stdint.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25 /* Linux 6.1 */
#endif
#endif

enum {
  HUGE_PAGE = 2 << 20,
  HEAP_STEP = 16 << 20, /* the heap grows this much at a time */
};

void er_heap_for_one_run(void) {
#ifdef __GLIBC__
  mallopt(M_ARENA_MAX, 1);                  /* threads share the one heap */
  mallopt(M_MMAP_THRESHOLD, 2 * HEAP_STEP); /* large buffers come from it too */
  mallopt(M_TRIM_THRESHOLD, 4 * HEAP_STEP);
  mallopt(M_TOP_PAD, HEAP_STEP);
  /* Start the heap's growth on a 2 MB boundary (malloc takes up a break
   * that someone else moved), grow it by two steps, and ask for huge pages
   * over all of it. malloc has by then written one header at the start
   * of the first 2 MB, which made it small pages: collapse it. A
   * sanitizer's or valgrind's malloc leaves the break where it was, and
   * then nothing is asked. */
  uintptr_t brk = (uintptr_t)sbrk(0);
  if (brk == UINTPTR_MAX || sbrk((intptr_t)(-brk & (HUGE_PAGE - 1))) == (void *)-1)
    return;
  char *start = sbrk(0);
  void *volatile grow = malloc(HEAP_STEP); /* volatile: the pair is not elided */
  free(grow);
  char *end = sbrk(0);
  uintptr_t lo = ((uintptr_t)start + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
  uintptr_t hi = (uintptr_t)end & ~(uintptr_t)(HUGE_PAGE - 1);
  if (hi > lo && madvise((void *)lo, hi - lo, MADV_HUGEPAGE) == 0)
    madvise((void *)lo, HUGE_PAGE, MADV_COLLAPSE); /* hints: failure is harmless */
#endif
}
