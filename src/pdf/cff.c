/* CFF subsets and their CIDs (cff.h). The CFF reading covers what the
 * PDF needs: the font name, the number of glyphs, whether the font is
 * CID-keyed (the Top DICT's ROS) and its charset (Adobe TN 5176). */
#include "pdf/cff.h"

#include "pdf/cffslim.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool er_face_is_cff(hb_face_t *face) {
  hb_blob_t *cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  bool yes = hb_blob_get_length(cff) > 4;
  hb_blob_destroy(cff);
  return yes;
}

typedef struct reader {
  const unsigned char *p;
  size_t len;
  bool bad;
} reader;

static unsigned uint_at(reader *r, size_t at, unsigned size) {
  if (size < 1 || size > 4 || at + size > r->len || at + size < at) {
    r->bad = true;
    return 0;
  }
  unsigned v = 0;
  for (unsigned i = 0; i < size; i++)
    v = v << 8 | r->p[at + i];
  return v;
}

/* An INDEX at `at`: its count, where its data starts, its offSize and
 * where it ends. */
typedef struct cff_index {
  size_t at, data;
  unsigned count, off_size;
  size_t end;
} cff_index;

static cff_index index_at(reader *r, size_t at) {
  cff_index x = {.at = at};
  x.count = uint_at(r, at, 2);
  if (r->bad || x.count == 0) {
    x.end = at + 2;
    return x;
  }
  x.off_size = uint_at(r, at + 2, 1);
  size_t offsets = at + 3;
  x.data = offsets + ((size_t)x.count + 1) * x.off_size - 1; /* offsets count from 1 */
  x.end = x.data + uint_at(r, offsets + (size_t)x.count * x.off_size, x.off_size);
  if (x.end > r->len)
    r->bad = true;
  return x;
}

/* Entry `i` of an INDEX: its start and length. */
static size_t index_entry(reader *r, const cff_index *x, unsigned i, size_t *len) {
  size_t offsets = x->at + 3;
  size_t a = uint_at(r, offsets + (size_t)i * x->off_size, x->off_size);
  size_t b = uint_at(r, offsets + ((size_t)i + 1) * x->off_size, x->off_size);
  if (r->bad || b < a || x->data + b > r->len) {
    r->bad = true;
    *len = 0;
    return 0;
  }
  *len = b - a;
  return x->data + a;
}

/* What the Top DICT says: operators 15 (charset), 17 (CharStrings), 12 30 (ROS). */
typedef struct top_dict {
  long charset, charstrings;
  bool cid;
} top_dict;

static top_dict read_top(reader *r, size_t at, size_t len) {
  top_dict t = {.charset = 0, .charstrings = -1};
  long operand = 0;
  for (size_t i = at; i < at + len && !r->bad;) {
    unsigned b = r->p[i];
    if (b <= 21) { /* an operator */
      unsigned op = b;
      if (b == 12) {
        op = 1200 + uint_at(r, i + 1, 1);
        i++;
      }
      if (op == 15)
        t.charset = operand;
      else if (op == 17)
        t.charstrings = operand;
      else if (op == 1230)
        t.cid = true;
      i++;
    } else if (b == 28) {
      operand = (int16_t)uint_at(r, i + 1, 2);
      i += 3;
    } else if (b == 29) {
      operand = (int32_t)uint_at(r, i + 1, 4);
      i += 5;
    } else if (b == 30) { /* a real: nibbles up to an 0xf */
      for (i++; i < at + len && (r->p[i] & 0x0F) != 0x0F && (r->p[i] >> 4) != 0x0F; i++)
        ;
      i++;
      operand = 0;
    } else if (b >= 32 && b <= 246) {
      operand = (long)b - 139;
      i++;
    } else if (b >= 247 && b <= 250) {
      operand = ((long)b - 247) * 256 + uint_at(r, i + 1, 1) + 108;
      i += 2;
    } else if (b >= 251 && b <= 254) {
      operand = -((long)b - 251) * 256 - uint_at(r, i + 1, 1) - 108;
      i += 2;
    } else
      i++; /* reserved */
  }
  return t;
}

/* The charset of a CID-keyed font: glyph → CID. */
static void read_charset(reader *r, size_t at, unsigned *cids, unsigned count) {
  unsigned format = uint_at(r, at, 1);
  size_t i = at + 1;
  unsigned g = 1;
  if (format == 0) {
    for (; g < count && !r->bad; g++, i += 2)
      cids[g] = uint_at(r, i, 2);
    return;
  }
  if (format != 1 && format != 2) {
    r->bad = true;
    return;
  }
  unsigned left_size = format == 1 ? 1 : 2;
  while (g < count && !r->bad) {
    unsigned first = uint_at(r, i, 2), left = uint_at(r, i + 2, left_size);
    i += 2 + left_size;
    for (unsigned k = 0; k <= left && g < count; k++)
      cids[g++] = first + k;
  }
}

bool er_cff_cids(const unsigned char *cff, size_t len, unsigned **cids, unsigned *count, char *name,
                 size_t name_size, bool *cid_keyed) {
  reader r = {cff, len, false};
  *cids = NULL;
  *count = 0;
  size_t header = uint_at(&r, 2, 1);
  cff_index names = index_at(&r, header);
  cff_index tops = index_at(&r, names.end);
  if (r.bad || names.count < 1 || tops.count < 1)
    return false;
  size_t name_len, name_at = index_entry(&r, &names, 0, &name_len);
  size_t n = 0;
  for (size_t i = 0; i < name_len && !r.bad && n + 1 < name_size; i++) {
    unsigned char c = cff[name_at + i];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_')
      name[n++] = (char)c;
  }
  name[n] = '\0';
  size_t top_len, top_at = index_entry(&r, &tops, 0, &top_len);
  top_dict top = read_top(&r, top_at, top_len);
  *cid_keyed = top.cid;
  if (r.bad || top.charstrings <= 0 || (size_t)top.charstrings >= len)
    return false;
  cff_index glyphs = index_at(&r, (size_t)top.charstrings);
  if (r.bad || glyphs.count == 0)
    return false;
  *cids = calloc(glyphs.count, sizeof **cids);
  if (!*cids)
    abort();
  for (unsigned g = 0; g < glyphs.count; g++)
    (*cids)[g] = g;
  if (top.cid) {
    if (top.charset <= 2 || (size_t)top.charset >= len)
      r.bad = true; /* a CID font's charset is its own */
    else
      read_charset(&r, (size_t)top.charset, *cids, glyphs.count);
  }
  if (r.bad) {
    free(*cids);
    *cids = NULL;
    return false;
  }
  *count = glyphs.count;
  return true;
}

/* Advance of a glyph of the full font in thousandths of an em, truncated
 * (fonts.c measures the layout so). */
static unsigned permille(hb_font_t *font, unsigned upem, hb_codepoint_t glyph) {
  hb_position_t adv = hb_font_get_glyph_h_advance(font, glyph);
  return adv > 0 ? (unsigned)adv * 1000u / upem : 0;
}

/* The face's PostScript name (name ID 6), PDF-name safe: in a collection
 * the faces share one CFF, whose own name is the first face's. */
static void ps_name(hb_face_t *face, char *name, size_t size) {
  char text[64];
  unsigned len = sizeof text;
  if (!hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, text))
    return;
  size_t n = 0;
  for (unsigned i = 0; i < len && text[i] && n + 1 < size; i++) {
    char c = text[i];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_')
      name[n++] = c;
  }
  if (n)
    name[n] = '\0';
}

static void slim(er_cff_subset *out, unsigned upem) {
  unsigned len;
  const uint8_t *data = (const uint8_t *)hb_blob_get_data(out->cff, &len);
  size_t slim_len;
  uint8_t *lighter = er_cff_slim(data, len, ER_CFF_SLIM_EM * upem, &slim_len);
  if (!lighter)
    return;
  hb_blob_destroy(out->cff);
  out->cff = hb_blob_create((const char *)lighter, (unsigned)slim_len, HB_MEMORY_MODE_WRITABLE,
                            lighter, free);
}

bool er_cff_subset_make(er_cff_subset *out, hb_face_t *face, const hb_set_t *unicodes,
                        hb_map_t *code, hb_map_t *width, bool known) {
  char name[sizeof out->name];
  memcpy(name, out->name, sizeof name);
  unsigned max_cid = out->max_cid;
  memset(out, 0, sizeof *out);
  hb_subset_input_t *input = hb_subset_input_create_or_fail();
  if (!input)
    return false;
  hb_set_union(hb_subset_input_unicode_set(input), unicodes);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NOTDEF_OUTLINE | HB_SUBSET_FLAGS_NO_HINTING |
                                       HB_SUBSET_FLAGS_DESUBROUTINIZE);
  /* only the CFF table is used: every other table is dropped, so its
   * closure brings in no glyph never drawn (the layout tables' vertical
   * forms and variants) and no time goes on subsetting what is thrown
   * away (cmap, hmtx, name, OS/2 … are a third of the subsetting) */
  hb_set_t *dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  hb_tag_t tags[64];
  unsigned start = 0, got;
  do {
    got = sizeof tags / sizeof tags[0];
    hb_face_get_table_tags(face, start, &got, tags);
    for (unsigned i = 0; i < got; i++)
      if (tags[i] != HB_TAG('C', 'F', 'F', ' '))
        hb_set_add(dropped, tags[i]);
    start += got;
  } while (got == sizeof tags / sizeof tags[0]);
  hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, input);
  hb_subset_input_destroy(input);
  if (!plan)
    return false;
  hb_face_t *subset = hb_subset_plan_execute_or_fail(plan);
  unsigned *cids = NULL, count = 0;
  bool cid_keyed = false, agree = true;
  if (subset) {
    out->cff = hb_face_reference_table(subset, HB_TAG('C', 'F', 'F', ' '));
    unsigned len;
    const char *data = hb_blob_get_data(out->cff, &len);
    if (!er_cff_cids((const unsigned char *)data, len, &cids, &count, out->name, sizeof out->name,
                     &cid_keyed)) {
      hb_blob_destroy(out->cff);
      out->cff = NULL;
    }
    hb_face_destroy(subset);
  }
  if (out->cff)
    slim(out, hb_face_get_upem(face));
  if (out->cff) {
    const hb_map_t *to_old = hb_subset_plan_unicode_to_old_glyph_mapping(plan);
    const hb_map_t *to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
    hb_font_t *font = hb_font_create(face);
    unsigned upem = hb_face_get_upem(face);
    hb_codepoint_t u = HB_SET_VALUE_INVALID;
    while (hb_set_next(unicodes, &u)) {
      hb_codepoint_t old = hb_map_get(to_old, u), gid = HB_MAP_VALUE_INVALID;
      if (old != HB_MAP_VALUE_INVALID)
        gid = hb_map_get(to_new, old);
      unsigned cid = gid != HB_MAP_VALUE_INVALID && gid < count ? cids[gid] : 0;
      if (known) {
        agree = agree && hb_map_get(code, u) == cid;
        continue;
      }
      hb_map_set(code, u, cid);
      if (cid > out->max_cid)
        out->max_cid = cid;
      hb_map_set(width, cid, permille(font, upem, cid ? old : 0));
    }
    if (!known && !hb_map_has(width, 0))
      hb_map_set(width, 0, permille(font, upem, 0));
    hb_font_destroy(font);
  }
  free(cids);
  hb_subset_plan_destroy(plan);
  if (known) { /* as er_cff_codes made them */
    memcpy(out->name, name, sizeof name);
    out->max_cid = max_cid;
  } else
    ps_name(face, out->name, sizeof out->name);
  if (!out->name[0])
    strcpy(out->name, "Font");
  if (!agree) {
    hb_blob_destroy(out->cff);
    out->cff = NULL;
  }
  return out->cff != NULL;
}

bool er_cff_codes(er_cff_subset *out, hb_face_t *face, const hb_set_t *unicodes, hb_map_t *code,
                  hb_map_t *width) {
  memset(out, 0, sizeof *out);
  hb_blob_t *table = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  unsigned len, *cids = NULL, count = 0;
  const char *data = hb_blob_get_data(table, &len);
  bool cid_keyed = false;
  bool ok = er_cff_cids((const unsigned char *)data, len, &cids, &count, out->name,
                        sizeof out->name, &cid_keyed) &&
            cid_keyed;
  hb_blob_destroy(table);
  if (ok) {
    hb_font_t *font = hb_font_create(face);
    unsigned upem = hb_face_get_upem(face);
    hb_codepoint_t u = HB_SET_VALUE_INVALID;
    while (hb_set_next(unicodes, &u)) {
      hb_codepoint_t gid = 0;
      if (!hb_font_get_nominal_glyph(font, u, &gid) || gid >= count)
        gid = 0;
      unsigned cid = cids[gid];
      hb_map_set(code, u, cid);
      if (cid > out->max_cid)
        out->max_cid = cid;
      hb_map_set(width, cid, permille(font, upem, gid));
    }
    if (!hb_map_has(width, 0))
      hb_map_set(width, 0, permille(font, upem, 0));
    hb_font_destroy(font);
    ps_name(face, out->name, sizeof out->name);
    if (!out->name[0])
      strcpy(out->name, "Font");
  }
  free(cids);
  return ok;
}

void er_cff_subset_free(er_cff_subset *s) {
  hb_blob_destroy(s->cff);
  memset(s, 0, sizeof *s);
}
