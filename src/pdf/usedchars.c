/* The characters each face draws (usedchars.h). */
#include "pdf/usedchars.h"

#include <stdlib.h>
#include <unicode/utf8.h>

#include "pdf/pagestore.h"

hb_set_t **er_used_characters(const er_pages *pages, size_t nfaces) {
  hb_set_t **used = calloc(nfaces ? nfaces : 1, sizeof(hb_set_t *));
  if (!used)
    abort();
  for (size_t f = 0; f < nfaces; f++)
    used[f] = hb_set_create();
  /* the stored runs were counted as they were stored; the rest are here */
  if (pages->store)
    er_page_store_characters(pages->store, used, nfaces);
  for (size_t p = 0; p < pages->npages; p++)
    for (size_t r = 0; r < pages->pages[p].nruns; r++) {
      const er_placed_run *run = &pages->pages[p].runs[r];
      for (size_t i = 0; i < run->len;) {
        UChar32 c;
        U8_NEXT_OR_FFFD(run->text, i, run->len, c);
        if (run->face >= 0 && (size_t)run->face < nfaces && c <= 0xFFFF)
          hb_set_add(used[run->face], (hb_codepoint_t)c);
      }
    }
  return used;
}

void er_used_characters_free(hb_set_t **used, size_t nfaces) {
  for (size_t f = 0; f < nfaces; f++)
    hb_set_destroy(used[f]);
  free(used);
}
