/* Type0 / CIDFontType0 / FontFile3 objects of a CFF subset (cidfont.h). */
#include "pdf/cidfont.h"

#include <hb-ot.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "pdf/embed.h"
#include "pdf/tounicode.h"

/* The subset's tag (six capitals before its name, PDF 9.6.4): a hash of
 * its name and characters, so the same text gives the same tag. */
static void subset_tag(const char *name, const hb_set_t *used, char tag[7]) {
  uint64_t h = 1469598103934665603ull;
  for (const char *s = name; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  hb_codepoint_t u = HB_SET_VALUE_INVALID;
  while (hb_set_next(used, &u))
    h = (h ^ u) * 1099511628211ull;
  for (int i = 0; i < 6; i++) {
    tag[i] = (char)('A' + h % 26);
    h /= 26;
  }
  tag[6] = '\0';
}

/* The /W array: runs of consecutive codes as `c [w1 w2 …]`, leaving out
 * codes whose width is the default. */
static HPDF_Array widths(HPDF_MMgr mmgr, const hb_map_t *width, unsigned max_cid, unsigned dw) {
  HPDF_Array w = HPDF_Array_New(mmgr);
  HPDF_Array run = NULL;
  unsigned next = 0;
  for (unsigned c = 0; w && c <= max_cid; c++) {
    unsigned v = hb_map_get(width, c);
    if (v == HB_MAP_VALUE_INVALID || v == dw) {
      run = NULL;
      continue;
    }
    if (!run || c != next) {
      run = HPDF_Array_New(mmgr);
      HPDF_Array_AddNumber(w, (HPDF_INT32)c);
      HPDF_Array_Add(w, run);
    }
    HPDF_Array_AddNumber(run, (HPDF_INT32)v);
    next = c + 1;
  }
  return w;
}

/* The most common width: the /DW that leaves most codes out of /W. */
static unsigned default_width(const hb_map_t *width, unsigned max_cid) {
  unsigned full = 0, other = 0;
  for (unsigned c = 0; c <= max_cid; c++) {
    unsigned v = hb_map_get(width, c);
    if (v != HB_MAP_VALUE_INVALID)
      *(v == 1000 ? &full : &other) += 1;
  }
  return full >= other ? 1000 : 500;
}

static int scaled(hb_position_t v, unsigned upem) { return (int)((long)v * 1000 / (long)upem); }

/* Ascent, descent, cap height and bounding box, in thousandths of an em. */
static HPDF_Dict descriptor(HPDF_Doc pdf, hb_face_t *face, const char *base, HPDF_Dict file) {
  HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
  if (!d || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
    return NULL;
  hb_font_t *font = hb_font_create(face);
  unsigned upem = hb_face_get_upem(face);
  hb_position_t asc = 0, desc = 0, cap = 0;
  hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
  hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc);
  hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
  hb_font_destroy(font);
  HPDF_Box box = {0, (HPDF_REAL)scaled(desc, upem), 1000, (HPDF_REAL)scaled(asc, upem)};
  hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
  unsigned len;
  const unsigned char *h = (const unsigned char *)hb_blob_get_data(head, &len);
  if (len >= 44) { /* xMin yMin xMax yMax at 36 */
    int16_t v[4];
    for (int i = 0; i < 4; i++)
      v[i] = (int16_t)(h[36 + 2 * i] << 8 | h[37 + 2 * i]);
    box = (HPDF_Box){(HPDF_REAL)scaled(v[0], upem), (HPDF_REAL)scaled(v[1], upem),
                     (HPDF_REAL)scaled(v[2], upem), (HPDF_REAL)scaled(v[3], upem)};
  }
  hb_blob_destroy(head);
  HPDF_STATUS st = HPDF_Dict_AddName(d, "Type", "FontDescriptor");
  st += HPDF_Dict_AddName(d, "FontName", base);
  st += HPDF_Dict_AddNumber(d, "Flags", 4); /* symbolic: glyphs outside the standard set */
  st += HPDF_Dict_Add(d, "FontBBox", HPDF_Box_Array_New(pdf->mmgr, box));
  st += HPDF_Dict_AddNumber(d, "ItalicAngle", 0);
  st += HPDF_Dict_AddNumber(d, "Ascent", scaled(asc, upem));
  st += HPDF_Dict_AddNumber(d, "Descent", scaled(desc, upem));
  st += HPDF_Dict_AddNumber(d, "CapHeight", scaled(cap ? cap : asc, upem));
  st += HPDF_Dict_AddNumber(d, "StemV", 80);
  st += HPDF_Dict_Add(d, "FontFile3", file);
  return st == HPDF_OK ? d : NULL;
}

static HPDF_Dict tounicode(HPDF_Doc pdf, const hb_set_t *used, const hb_map_t *code) {
  HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!s)
    return NULL;
  s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  size_t len;
  char *text = er_tounicode_cmap_codes(used, code, &len);
  HPDF_STATUS st = HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)text, (HPDF_UINT)len);
  free(text);
  return st == HPDF_OK ? s : NULL;
}

HPDF_Dict er_cidfont_cff(HPDF_Doc pdf, hb_face_t *face, const er_cff_subset *subset,
                         const hb_set_t *used, const hb_map_t *code, const hb_map_t *width,
                         HPDF_Dict *file) {
  HPDF_MMgr mmgr = pdf->mmgr;
  char tag[7], base[80];
  subset_tag(subset->name, used, tag);
  snprintf(base, sizeof base, "%s+%s", tag, subset->name);
  *file = HPDF_DictStream_New(mmgr, pdf->xref);
  if (!*file)
    return NULL;
  HPDF_STATUS st = HPDF_Dict_AddName(*file, "Subtype", "CIDFontType0C");
  (*file)->filter = HPDF_STREAM_FILTER_NONE;
  (*file)->write_fn = er_pdf_flate_filter; /* the data comes deflated */
  HPDF_Dict desc = descriptor(pdf, face, base, *file);
  HPDF_Dict cid = HPDF_Dict_New(mmgr), font = HPDF_Dict_New(mmgr), info = HPDF_Dict_New(mmgr);
  HPDF_Dict to_unicode = tounicode(pdf, used, code);
  HPDF_Array descendants = HPDF_Array_New(mmgr);
  if (!desc || !cid || !font || !info || !to_unicode || !descendants ||
      HPDF_Xref_Add(pdf->xref, cid) != HPDF_OK || HPDF_Xref_Add(pdf->xref, font) != HPDF_OK)
    return NULL;
  st += HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", NULL));
  st += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", NULL));
  st += HPDF_Dict_AddNumber(info, "Supplement", 0);
  unsigned dw = default_width(width, subset->max_cid);
  st += HPDF_Dict_AddName(cid, "Type", "Font");
  st += HPDF_Dict_AddName(cid, "Subtype", "CIDFontType0");
  st += HPDF_Dict_AddName(cid, "BaseFont", base);
  st += HPDF_Dict_Add(cid, "CIDSystemInfo", info);
  st += HPDF_Dict_Add(cid, "FontDescriptor", desc);
  st += HPDF_Dict_AddNumber(cid, "DW", (HPDF_INT32)dw);
  st += HPDF_Dict_Add(cid, "W", widths(mmgr, width, subset->max_cid, dw));
  st += HPDF_Array_Add(descendants, cid);
  st += HPDF_Dict_AddName(font, "Type", "Font");
  st += HPDF_Dict_AddName(font, "Subtype", "Type0");
  st += HPDF_Dict_AddName(font, "BaseFont", base);
  st += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
  st += HPDF_Dict_Add(font, "DescendantFonts", descendants);
  st += HPDF_Dict_Add(font, "ToUnicode", to_unicode);
  return st == HPDF_OK ? font : NULL;
}
