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
#endif

enum {
  PAGE = 4096,
  HUGE_PAGE = 2 << 20,
  HEAP_STEP = 16 << 20, /* the heap grows this much at a time */
};

void er_heap_for_one_run(void) {
#ifdef __GLIBC__
  mallopt(M_ARENA_MAX, 1);                  /* threads share the one heap */
  mallopt(M_MMAP_THRESHOLD, 2 * HEAP_STEP); /* large buffers come from it too */
  mallopt(M_TRIM_THRESHOLD, 4 * HEAP_STEP);
  mallopt(M_TOP_PAD, HEAP_STEP);
  /* Move the program break to a page short of a 2 MB boundary (malloc
   * takes up a break that someone else moved), grow the heap by two
   * steps, and ask for huge pages over the whole 2 MB pages of it. malloc
   * writes its headers at the start of what it grew by, in that page, and
   * one step up, where the growing block ends: the huge pages between
   * them, which a report fills first, stay untouched until used. A
   * sanitizer's or valgrind's malloc leaves the break where it was, and
   * then nothing is asked. */
  uintptr_t brk = (uintptr_t)sbrk(0);
  if (brk == UINTPTR_MAX)
    return;
  uintptr_t lo = (brk + PAGE + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
  if (sbrk((intptr_t)(lo - PAGE - brk)) == (void *)-1)
    return;
  void *volatile grow = malloc(HEAP_STEP); /* volatile: the pair is not elided */
  free(grow);
  uintptr_t hi = (uintptr_t)sbrk(0) & ~(uintptr_t)(HUGE_PAGE - 1);
  if (hi > lo)
    madvise((void *)lo, hi - lo, MADV_HUGEPAGE); /* a hint: failure is harmless */
#endif
}
