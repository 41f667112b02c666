/* A face → an embedded subset font in a libharu document (embed.h).
 *
 * libharu 2.3 loads TrueType fonts from files only, so the subset goes
 * through a temporary file, unlinked as soon as libharu has opened it (it
 * keeps the stream open until the document is saved). The ToUnicode CMap
 * is rewritten through libharu's object API (hpdf_objects.h). */
#include "pdf/embed.h"

#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "pdf/cidfont.h"
#include "pdf/subset.h"
#include "pdf/tounicode.h"

#define NO_POS ((er_pos){0, 0})
/* The first code of a face's own (subset.h): past ASCII, so that none is
 * a byte libharu or a viewer might treat specially. */
#define FIRST_CODE 0x100

/* Writes the blob to a new temporary file; its path goes to `path`. */
static bool write_temp(hb_blob_t *blob, char *path, size_t size) {
  const char *dir = getenv("TMPDIR");
  snprintf(path, size, "%s/evalreport-font-XXXXXX", dir && dir[0] ? dir : "/tmp");
  int fd = mkstemp(path);
  if (fd < 0)
    return false;
  unsigned len;
  const char *data = hb_blob_get_data(blob, &len);
  bool ok = true;
  for (size_t done = 0; ok && done < len;) {
    ssize_t n = write(fd, data + done, len - done);
    ok = n > 0;
    done += ok ? (size_t)n : 0;
  }
  ok = close(fd) == 0 && ok;
  if (!ok)
    unlink(path);
  return ok;
}

/* Replaces the content of the font's ToUnicode stream (libharu's copy of
 * its encoding CMap) with a valid CMap from the codes back to `used`. */
static bool fix_tounicode(HPDF_Font font, const hb_set_t *used, const hb_map_t *code) {
  HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
  if (!cmap || !cmap->stream)
    return false;
  HPDF_MemStream_FreeData(cmap->stream);
  const char *keys[] = {"Type", "CMapName", "CIDSystemInfo", "WMode"};
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    HPDF_Dict_RemoveElement(cmap, keys[i]); /* sets no error when absent */
  size_t len;
  char *text = er_tounicode_cmap_codes(used, code, &len);
  HPDF_STATUS st = HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)text, (HPDF_UINT)len);
  free(text);
  return st == HPDF_OK;
}

/* libharu maps every one of the 65 536 CIDs to a glyph (128 KB); the codes
 * stop at first + glyphs, and CIDs past the map's end are .notdef. */
static bool trim_cid_map(HPDF_Font font, unsigned first, unsigned glyphs) {
  HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
  if (!attr || !attr->map_stream || !attr->map_stream->stream)
    return false;
  size_t n = first + glyphs;
  HPDF_BYTE *map = calloc(n, 2);
  if (!map)
    abort();
  for (unsigned g = 0; g < glyphs; g++) {
    map[2 * (size_t)(first + g)] = (HPDF_BYTE)(g >> 8);
    map[2 * (size_t)(first + g) + 1] = (HPDF_BYTE)g;
  }
  HPDF_MemStream_FreeData(attr->map_stream->stream);
  HPDF_STATUS st = HPDF_Stream_Write(attr->map_stream->stream, map, (HPDF_UINT)(2 * n));
  free(map);
  return st == HPDF_OK;
}

static void *compress_file(void *data) {
  er_embedded *e = data;
  if (!e->blob) {
    e->packed_ok = false;
    return NULL;
  }
  unsigned len;
  const char *raw = hb_blob_get_data(e->blob, &len);
  uLongf packed = compressBound(len);
  e->packed = malloc(packed ? packed : 1);
  e->packed_ok =
      e->packed && compress2(e->packed, &packed, (const Bytef *)raw, len, Z_BEST_SPEED) == Z_OK;
  e->packed_len = packed;
  return NULL;
}

static void start_compressing(er_embedded *e) {
  e->working = pthread_create(&e->worker, NULL, compress_file, e) == 0;
  if (!e->working)
    compress_file(e);
}

HPDF_STATUS er_pdf_flate_filter(HPDF_Dict dict, HPDF_Stream stream) {
  (void)dict;
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* The font descriptor libharu would make when it saves, made now, with a
 * font file of our own: the subset as it is, compressed by a thread (in
 * libharu's save, the compression of the fonts took a third of the time,
 * on one core). */
static bool describe(er_embedded *e) {
  HPDF_FontAttr attr = (HPDF_FontAttr)e->font->attr;
  HPDF_FontDef def = attr->fontdef;
  HPDF_TTFontDefAttr def_attr = (HPDF_TTFontDefAttr)def->attr;
  if (def->descriptor)
    return false;
  HPDF_MMgr mmgr = e->font->mmgr;
  HPDF_Dict d = HPDF_Dict_New(mmgr);
  HPDF_Dict file = d ? HPDF_DictStream_New(mmgr, attr->xref) : NULL;
  if (!d || !file || HPDF_Xref_Add(attr->xref, d) != HPDF_OK)
    return false;
  HPDF_STATUS ret = HPDF_Dict_Add(d, "FontFile2", file);
  ret += HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)hb_blob_get_length(e->blob));
  ret += HPDF_Dict_AddName(d, "Type", "FontDescriptor");
  ret += HPDF_Dict_AddNumber(d, "Ascent", def->ascent);
  ret += HPDF_Dict_AddNumber(d, "Descent", def->descent);
  ret += HPDF_Dict_AddNumber(d, "Flags", (HPDF_INT32)def->flags);
  ret += HPDF_Dict_Add(d, "FontBBox", HPDF_Box_Array_New(mmgr, def->font_bbox));
  ret += HPDF_Dict_AddName(d, "FontName", def_attr->base_font);
  ret += HPDF_Dict_AddNumber(d, "ItalicAngle", def->italic_angle);
  ret += HPDF_Dict_AddNumber(d, "StemV", def->stemv);
  ret += HPDF_Dict_AddNumber(d, "XHeight", def->x_height);
  if (ret != HPDF_OK)
    return false;
  file->filter = HPDF_STREAM_FILTER_NONE;
  file->write_fn = er_pdf_flate_filter;
  def->descriptor = d;
  e->file = file;
  start_compressing(e);
  return true;
}

static void *subset_face(void *data) {
  er_embedded *e = data;
  if (e->codes_known) { /* the main thread reads e->cff and the maps meanwhile */
    er_cff_subset s = e->cff;
    if (er_cff_subset_make(&s, e->face->hb_face, e->used, e->code, e->width, true))
      e->blob = hb_blob_reference(s.cff);
    er_cff_subset_free(&s);
    compress_file(e);
  } else if (e->width) {
    if (er_cff_subset_make(&e->cff, e->face->hb_face, e->used, e->code, e->width, false))
      e->blob = hb_blob_reference(e->cff.cff);
  } else
    e->blob = er_subset_coded(e->face->hb_face, e->used, FIRST_CODE, e->code, &e->glyphs);
  return NULL;
}

void er_embed_start(er_embedded *e, const er_face *face, const hb_set_t *used) {
  memset(e, 0, sizeof *e);
  e->face = face;
  e->used = used;
  e->code = hb_map_create();
  e->notdef = FIRST_CODE;
  if (face->cff) {
    e->width = hb_map_create();
    e->notdef = 0;
    e->codes_known = er_cff_codes(&e->cff, face->hb_face, used, e->code, e->width);
    if (!e->codes_known) { /* name-keyed: the subset gives the codes */
      hb_map_clear(e->code);
      hb_map_clear(e->width);
    }
  }
  e->working = pthread_create(&e->worker, NULL, subset_face, e) == 0;
  if (!e->working)
    subset_face(e);
}

bool er_embed_face(HPDF_Doc pdf, er_embedded *e, er_diag *d) {
  if (e->codes_known) { /* the subset is made and compressed meanwhile */
    e->font = er_cidfont_cff(pdf, e->face->hb_face, &e->cff, e->used, e->code, e->width, &e->file);
    if (!e->font)
      er_error(d, NO_POS, "pdf-font", "无法写入 CFF 字体“%s”", e->face->family);
    return e->font != NULL;
  }
  if (e->working)
    pthread_join(e->worker, NULL);
  e->working = false;
  if (!e->blob) {
    er_error(d, NO_POS, "pdf-font", "无法为字体“%s”生成子集", e->face->family);
    return false;
  }
  if (e->width) {
    e->font = er_cidfont_cff(pdf, e->face->hb_face, &e->cff, e->used, e->code, e->width, &e->file);
    if (!e->font) {
      er_error(d, NO_POS, "pdf-font", "无法写入 CFF 字体“%s”的子集", e->face->family);
      return false;
    }
    start_compressing(e);
    return true;
  }
  char path[4096];
  if (!write_temp(e->blob, path, sizeof path)) {
    er_error(d, NO_POS, "pdf-font", "无法写入临时字体文件（%s）", path);
    return false;
  }
  const char *name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
  unlink(path);
  e->font = name ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
  if (!e->font || !fix_tounicode(e->font, e->used, e->code) ||
      !trim_cid_map(e->font, FIRST_CODE, e->glyphs) || !describe(e)) {
    er_error(d, NO_POS, "pdf-font", "libharu 无法载入字体“%s”的子集", e->face->family);
    e->font = NULL;
    return false;
  }
  return true;
}

bool er_embed_finish(er_embedded *e) {
  if (e->working)
    pthread_join(e->worker, NULL);
  e->working = false;
  if (!e->file || !e->packed_ok)
    return false;
  bool ok = HPDF_Stream_Write(e->file->stream, e->packed, (HPDF_UINT)e->packed_len) == HPDF_OK;
  free(e->packed);
  e->packed = NULL;
  e->file = NULL;
  return ok;
}

void er_embedded_free(er_embedded *e) {
  if (e->working)
    pthread_join(e->worker, NULL);
  free(e->packed);
  hb_blob_destroy(e->blob);
  hb_map_destroy(e->code);
  hb_map_destroy(e->width);
  er_cff_subset_free(&e->cff);
  memset(e, 0, sizeof *e);
}
