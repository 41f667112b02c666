/* Bookmarks, links and page labels through libharu (pdfdraw.h). */
#include "pdf/pdfdraw.h"

#include <hpdf_catalog.h>
#include <hpdf_doc.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_objects.h>

#include "pdf/pdfout.h"

#define MAX_LEVELS 8

/* A destination at the top of (page, y) that keeps the viewer's zoom:
 * [page /XYZ left top null]. libharu accepts no null zoom, so the array
 * is rebuilt through its object API. */
static HPDF_Destination destination(HPDF_Page hp, double page_height, double y) {
  HPDF_Destination dst = HPDF_Page_CreateDestination(hp);
  if (!dst)
    return NULL;
  double top = page_height - y;
  HPDF_Destination_SetXYZ(dst, 0, (HPDF_REAL)(top < 0 ? 0 : top), 1);
  HPDF_Array array = dst;
  void *target = HPDF_Array_GetItem(array, 0, HPDF_OCLASS_DICT);
  HPDF_Null null = HPDF_Null_New(array->mmgr);
  if (!target || !null)
    return dst;
  HPDF_Array_Clear(array);
  HPDF_Array_Add(array, target);
  HPDF_Array_AddName(array, "XYZ");
  HPDF_Array_AddReal(array, 0);
  HPDF_Array_AddReal(array, (HPDF_REAL)(top < 0 ? 0 : top));
  HPDF_Array_Add(array, null);
  return dst;
}

#define PDF_STRING_MAX 32000

char *er_pdf_string_cut(const char *s) {
  size_t n = s ? strlen(s) : 0;
  if (n <= PDF_STRING_MAX)
    return NULL;
  n = PDF_STRING_MAX;
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
    n--;
  char *out = malloc(n + 4);
  if (!out)
    abort();
  memcpy(out, s, n); // NOLINT(bugprone-not-null-terminated-result): the … ends it
  memcpy(out + n, "\xE2\x80\xA6", 4); /* …, and the NUL */
  return out;
}

/* A destination at (page, y); a turned page is shown whole. */
static HPDF_Destination destination_on(const er_pages *pages, const HPDF_Page *hpages, size_t page,
                                       double y) {
  const er_page *to = &pages->pages[page];
  return er_page_turned(to) ? destination(hpages[page], to->style.width, 0)
                            : destination(hpages[page], to->style.height, y);
}

void er_pdf_add_outlines(HPDF_Doc pdf, const er_pages *pages, const HPDF_Page *hpages) {
  if (pages->noutlines == 0)
    return;
  HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
  HPDF_Outline parents[MAX_LEVELS + 1] = {NULL};
  int depth = 0; /* levels open in `parents` */
  for (size_t i = 0; i < pages->noutlines; i++) {
    const er_outline *o = &pages->outlines[i];
    if (o->page >= pages->npages)
      continue;
    int level = o->level < 1 ? 1 : o->level > MAX_LEVELS ? MAX_LEVELS : o->level;
    /* a level below one that is missing hangs from the nearest above */
    int at = level - 1 < depth ? level - 1 : depth;
    char *cut = er_pdf_string_cut(o->title);
    HPDF_Outline item =
        HPDF_CreateOutline(pdf, at > 0 ? parents[at - 1] : NULL, cut ? cut : o->title, utf8);
    free(cut);
    if (!item)
      return;
    HPDF_Outline_SetOpened(item, level == 1 ? HPDF_TRUE : HPDF_FALSE);
    HPDF_Destination dst = destination_on(pages, hpages, o->page, o->y);
    if (dst)
      HPDF_Outline_SetDestination(item, dst);
    parents[at] = item;
    depth = at + 1;
  }
  HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

void er_pdf_add_links(HPDF_Doc pdf, const er_pages *pages, const HPDF_Page *hpages) {
  (void)pdf;
  for (size_t i = 0; i < pages->nlinks; i++) {
    const er_link *l = &pages->links[i];
    if (l->page >= pages->npages || l->target_page >= pages->npages)
      continue;
    const er_page *from = &pages->pages[l->page];
    double h = from->style.height;
    HPDF_Rect rect = {(HPDF_REAL)l->x, (HPDF_REAL)(h - l->y - l->h), (HPDF_REAL)(l->x + l->w),
                      (HPDF_REAL)(h - l->y)};
    if (er_page_turned(from)) /* on the sheet: x = y, y = x (content.h) */
      rect = (HPDF_Rect){(HPDF_REAL)l->y, (HPDF_REAL)l->x, (HPDF_REAL)(l->y + l->h),
                         (HPDF_REAL)(l->x + l->w)};
    HPDF_Destination dst = destination_on(pages, hpages, l->target_page, l->target_y);
    HPDF_Annotation a = dst ? HPDF_Page_CreateLinkAnnot(hpages[l->page], rect, dst) : NULL;
    if (a)
      HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
  }
}

/* A label range from page `index`: the numbers from `first` in decimal or
 * upper-case Roman numerals, or no number (an unnumbered page shows an
 * empty label). */
static void label_range(HPDF_Doc pdf, size_t index, int first, bool roman) {
  HPDF_Dict label = HPDF_Dict_New(pdf->mmgr);
  if (!label)
    return;
  if (first > 0) {
    HPDF_Dict_AddName(label, "S", roman ? "R" : "D");
    if (first != 1)
      HPDF_Dict_AddNumber(label, "St", first);
  }
  HPDF_Catalog_AddPageLabel(pdf->catalog, (HPDF_UINT)index, label);
}

void er_pdf_add_page_labels(HPDF_Doc pdf, const er_pages *pages) {
  for (size_t p = 0; p < pages->npages; p++) {
    int folio = pages->pages[p].folio;
    int before = p ? pages->pages[p - 1].folio : -1;
    bool same = p > 0 && pages->pages[p].roman == pages->pages[p - 1].roman;
    bool goes_on = p > 0 && (folio > 0 ? same && before > 0 && folio == before + 1 : before == 0);
    if (!goes_on)
      label_range(pdf, p, folio, pages->pages[p].roman);
  }
}
