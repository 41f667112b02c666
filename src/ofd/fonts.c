/* The faces of an OFD as embedded font files (ofdw.h): each face that
 * draws something is cut by hb-subset to the characters it draws, as for
 * the PDF (no hinting, .notdef with its outline, no layout or vertical
 * tables, CFF outlines desubroutinised), but kept a whole OpenType file
 * with its Unicode cmap — OFD embeds font files, not bare CFF tables. The
 * glyph id of each character in the subset goes into the text's
 * CGTransform, so a reader draws the very glyph the layout measured. */
#include "ofd/ofdw.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/arena.h"
#include "pdf/cffslim.h"
#include "zip/deflater.h"

static void set_mapped(er_ofd_font *f) {
  pthread_mutex_lock(&f->lock);
  f->mapped = true;
  pthread_cond_signal(&f->ready);
  pthread_mutex_unlock(&f->lock);
}

static hb_blob_t *subset(er_ofd_font *f) {
  hb_subset_input_t *input = hb_subset_input_create_or_fail();
  if (!input)
    return NULL;
  hb_set_union(hb_subset_input_unicode_set(input), f->used);
  unsigned flags = HB_SUBSET_FLAGS_NOTDEF_OUTLINE | HB_SUBSET_FLAGS_NO_HINTING;
  if (f->face->cff)
    flags |= HB_SUBSET_FLAGS_DESUBROUTINIZE;
  hb_subset_input_set_flags(input, flags);
  static const hb_tag_t drop[] = {
      HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
      HB_TAG('B', 'A', 'S', 'E'), HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'),
      HB_TAG('V', 'O', 'R', 'G'), HB_TAG('m', 'o', 'r', 't'), HB_TAG('m', 'o', 'r', 'x'),
      HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G')};
  hb_set_t *dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
    hb_set_add(dropped, drop[i]);
  hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(f->face->hb_face, input);
  hb_subset_input_destroy(input);
  if (!plan)
    return NULL;
  /* the glyph ids, known from the plan, before the subset is made */
  const hb_map_t *to_old = hb_subset_plan_unicode_to_old_glyph_mapping(plan);
  const hb_map_t *to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
  hb_codepoint_t u = HB_SET_VALUE_INVALID;
  while (hb_set_next(f->used, &u)) {
    hb_codepoint_t old = hb_map_get(to_old, u), gid = 0;
    if (old != HB_MAP_VALUE_INVALID && hb_map_get(to_new, old) != HB_MAP_VALUE_INVALID)
      gid = hb_map_get(to_new, old);
    hb_map_set(f->glyph, u, gid);
  }
  set_mapped(f);
  hb_face_t *cut = hb_subset_plan_execute_or_fail(plan);
  hb_blob_t *blob = NULL;
  if (cut) {
    blob = hb_face_reference_blob(cut);
    hb_face_destroy(cut);
    if (hb_blob_get_length(blob) == 0) {
      hb_blob_destroy(blob);
      blob = NULL;
    }
  }
  hb_subset_plan_destroy(plan);
  return blob;
}

/* The subset with its CFF outlines lightened as the PDF's are
 * (pdf/cffslim.h), or `otf` itself when nothing is gained. */
static hb_blob_t *slimmed(hb_blob_t *otf) {
  hb_face_t *face = hb_face_create(otf, 0);
  hb_blob_t *cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  unsigned len;
  const uint8_t *data = (const uint8_t *)hb_blob_get_data(cff, &len);
  size_t slim_len = 0;
  uint8_t *lighter =
      len ? er_cff_slim(data, len, ER_CFF_SLIM_EM * hb_face_get_upem(face), &slim_len) : NULL;
  hb_blob_destroy(cff);
  if (!lighter) {
    hb_face_destroy(face);
    return otf;
  }
  hb_face_t *builder = hb_face_builder_create();
  hb_tag_t tags[64];
  unsigned ntags = sizeof tags / sizeof tags[0];
  hb_face_get_table_tags(face, 0, &ntags, tags);
  for (unsigned i = 0; i < ntags; i++) {
    hb_blob_t *table = tags[i] == HB_TAG('C', 'F', 'F', ' ')
                           ? hb_blob_create((const char *)lighter, (unsigned)slim_len,
                                            HB_MEMORY_MODE_READONLY, NULL, NULL)
                           : hb_face_reference_table(face, tags[i]);
    hb_face_builder_add_table(builder, tags[i], table);
    hb_blob_destroy(table);
  }
  hb_blob_t *out = hb_face_reference_blob(builder);
  hb_face_destroy(builder);
  hb_face_destroy(face);
  free(lighter);
  if (hb_blob_get_length(out) == 0) {
    hb_blob_destroy(out);
    return otf;
  }
  hb_blob_destroy(otf);
  return out;
}

static void *work(void *data) {
  er_ofd_font *f = data;
  f->file = subset(f);
  set_mapped(f);               /* also when the plan failed */
  if (f->file && f->face->cff) /* after set_mapped: the pages need only the ids */
    f->file = slimmed(f->file);
  if (f->file) { /* as the package would, while the pages are being written */
    unsigned len;
    const char *data = hb_blob_get_data(f->file, &len);
    er_zip_deflate(data, len, ER_OFD_DEFLATE_LEVEL, &f->packed);
  }
  return NULL;
}

void er_ofd_fonts_start(er_ofd_font *fonts, size_t n, er_fontset *fs, hb_set_t **used) {
  for (size_t i = 0; i < n; i++) {
    er_ofd_font *f = &fonts[i];
    memset(f, 0, sizeof *f);
    f->face = er_fontset_face(fs, (int)i);
    f->used = used[i];
    if (hb_set_is_empty(used[i]))
      continue;
    f->glyph = hb_map_create();
    f->advance = hb_map_create();
    pthread_mutex_init(&f->lock, NULL);
    pthread_cond_init(&f->ready, NULL);
    f->working = pthread_create(&f->worker, NULL, work, f) == 0;
    if (!f->working)
      work(f);
  }
}

void er_ofd_fonts_mapped(er_ofd_font *fonts, size_t n, unsigned *next_id) {
  for (size_t i = 0; i < n; i++) {
    er_ofd_font *f = &fonts[i];
    if (!f->glyph)
      continue;
    pthread_mutex_lock(&f->lock);
    while (!f->mapped)
      pthread_cond_wait(&f->ready, &f->lock);
    pthread_mutex_unlock(&f->lock);
    /* the widths the layout measured with (er_face_advance), per character */
    hb_codepoint_t u = HB_SET_VALUE_INVALID;
    while (hb_set_next(f->used, &u)) {
      hb_codepoint_t g = 0;
      if (!hb_font_get_nominal_glyph(f->face->hb_font, u, &g))
        g = 0;
      hb_map_set(f->advance, u, (hb_codepoint_t)(er_face_advance(f->face, g, 1000.0) + 0.5));
    }
    f->weight =
        (unsigned)(hb_style_get_value(f->face->hb_font, HB_STYLE_TAG_WEIGHT) + 50) / 100 * 100;
    f->id = (*next_id)++;
    snprintf(f->name, sizeof f->name, "font_%u.%s", f->id, f->face->cff ? "otf" : "ttf");
  }
}

bool er_ofd_fonts_finish(er_ofd_font *fonts, size_t n, er_ofd_package *pkg, er_diag *d) {
  bool ok = true;
  for (size_t i = 0; i < n; i++) {
    er_ofd_font *f = &fonts[i];
    if (f->working)
      pthread_join(f->worker, NULL);
    f->working = false;
    if (!f->glyph)
      continue;
    if (!f->file) {
      er_error(d, ((er_pos){0, 0}), "ofd-font", "无法为字体“%s”生成子集", f->face->family);
      ok = false;
      continue;
    }
    char path[64];
    snprintf(path, sizeof path, "Doc_0/Res/%s", f->name);
    unsigned len;
    const char *data = hb_blob_get_data(f->file, &len);
    unsigned char *copy = malloc(len ? len : 1);
    if (!copy)
      abort();
    memcpy(copy, data, len);
    er_ofd_package_add(pkg, path, copy, len)->deflated = f->packed; /* the package takes it */
    f->packed = (er_zip_deflated){0};
  }
  return ok;
}

/* The face's PostScript name, or its family. */
static void font_name(const er_face *face, char *out, unsigned size) {
  unsigned len = size;
  if (hb_ot_name_get_utf8(face->hb_face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len,
                          out) == 0 ||
      !out[0])
    snprintf(out, size, "%s", face->family);
}

void er_ofd_fonts_res(er_xml *x, const er_ofd_font *fonts, size_t n) {
  er_xml_open(x, "ofd:Fonts");
  for (size_t i = 0; i < n; i++) {
    const er_ofd_font *f = &fonts[i];
    if (!f->id)
      continue;
    char name[128];
    font_name(f->face, name, sizeof name);
    er_xml_open(x, "ofd:Font");
    er_ox_attr_id(x, "ID", f->id);
    er_xml_attr(x, "FontName", name);
    er_xml_attr(x, "FamilyName", f->face->family);
    er_ox_element(x, "ofd:FontFile", f->name);
    er_xml_close(x);
  }
  er_xml_close(x);
}

void er_ofd_fonts_free(er_ofd_font *fonts, size_t n) {
  for (size_t i = 0; i < n; i++) {
    er_ofd_font *f = &fonts[i];
    if (f->working)
      pthread_join(f->worker, NULL);
    hb_blob_destroy(f->file);
    free(f->packed.data);
    hb_map_destroy(f->glyph);
    hb_map_destroy(f->advance);
    if (f->glyph) {
      pthread_mutex_destroy(&f->lock);
      pthread_cond_destroy(&f->ready);
    }
    memset(f, 0, sizeof *f);
  }
}
