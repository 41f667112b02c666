/* hb-subset of one face (subset.h). */
#include "pdf/subset.h"

#include <hb-subset.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

hb_blob_t *er_subset(hb_face_t *face, const hb_set_t *unicodes, bool retain_gids) {
  hb_subset_input_t *input = hb_subset_input_create_or_fail();
  if (!input)
    return NULL;
  hb_set_union(hb_subset_input_unicode_set(input), unicodes);
  unsigned flags = HB_SUBSET_FLAGS_NOTDEF_OUTLINE;
  if (retain_gids)
    flags |= HB_SUBSET_FLAGS_RETAIN_GIDS;
  hb_subset_input_set_flags(input, flags);
  hb_face_t *subset = hb_subset_or_fail(face, input);
  hb_subset_input_destroy(input);
  if (!subset)
    return NULL;
  hb_blob_t *blob = hb_face_reference_blob(subset);
  hb_face_destroy(subset);
  if (hb_blob_get_length(blob) == 0) {
    hb_blob_destroy(blob);
    return NULL;
  }
  return blob;
}

/* ---- a subset with codes of its own ---- */

static void be16(uint8_t *p, unsigned v) {
  p[0] = (uint8_t)(v >> 8);
  p[1] = (uint8_t)v;
}

static void be32(uint8_t *p, uint32_t v) {
  be16(p, v >> 16);
  be16(p + 2, v & 0xFFFF);
}

static uint32_t checksum(const uint8_t *p, size_t len) {
  uint32_t sum = 0;
  for (size_t i = 0; i < len; i += 4) {
    uint32_t word = 0;
    for (size_t k = 0; k < 4; k++)
      word = word << 8 | (i + k < len ? p[i + k] : 0);
    sum += word;
  }
  return sum;
}

/* A cmap (3,1) format 4 of one range: codes first … first + count − 1 to
 * glyphs 0 … count − 1, and the closing 0xFFFF. */
static size_t coded_cmap(uint8_t *t, unsigned first, unsigned count) {
  memset(t, 0, 44);
  be16(t + 2, 1);      /* one encoding record */
  be16(t + 4, 3);      /* Windows */
  be16(t + 6, 1);      /* Unicode BMP */
  be32(t + 8, 12);     /* its subtable */
  uint8_t *f = t + 12; /* format 4, two segments */
  be16(f, 4);
  be16(f + 2, 32);                 /* length */
  be16(f + 6, 4);                  /* segCountX2 */
  be16(f + 8, 4);                  /* searchRange */
  be16(f + 10, 1);                 /* entrySelector */
  be16(f + 12, 0);                 /* rangeShift */
  be16(f + 14, first + count - 1); /* endCode */
  be16(f + 16, 0xFFFF);
  be16(f + 20, first); /* startCode, after reservedPad */
  be16(f + 22, 0xFFFF);
  be16(f + 24, (0x10000u - first) & 0xFFFF); /* idDelta: code − first */
  be16(f + 26, 1);
  return 44; /* idRangeOffsets are 0 */
}

/* The subset face as a font file with its cmap replaced. */
static hb_blob_t *with_cmap(hb_face_t *built, unsigned first, unsigned count) {
  hb_blob_t *whole = hb_face_reference_blob(built);
  hb_face_t *subset = hb_face_create(whole, 0);
  hb_blob_destroy(whole);
  hb_tag_t tags[64];
  unsigned n = sizeof tags / sizeof tags[0];
  hb_face_get_table_tags(subset, 0, &n, tags);
  bool has_cmap = false;
  for (unsigned i = 0; i < n; i++)
    has_cmap |= tags[i] == HB_TAG('c', 'm', 'a', 'p');
  if (!has_cmap && n < sizeof tags / sizeof tags[0])
    tags[n++] = HB_TAG('c', 'm', 'a', 'p');
  /* table records in tag order */
  for (unsigned i = 1; i < n; i++)
    for (unsigned k = i; k > 0 && tags[k - 1] > tags[k]; k--) {
      hb_tag_t t = tags[k];
      tags[k] = tags[k - 1];
      tags[k - 1] = t;
    }
  hb_blob_t *blobs[64];
  size_t size = 12 + 16 * (size_t)n;
  uint8_t cmap[44];
  size_t cmap_len = coded_cmap(cmap, first, count);
  for (unsigned i = 0; i < n; i++) {
    blobs[i] =
        tags[i] == HB_TAG('c', 'm', 'a', 'p') ? NULL : hb_face_reference_table(subset, tags[i]);
    size += ((blobs[i] ? hb_blob_get_length(blobs[i]) : cmap_len) + 3) & ~(size_t)3;
  }
  uint8_t *out = calloc(size, 1);
  if (!out)
    abort();
  unsigned power = 1, log = 0;
  while (power * 2 <= n) {
    power *= 2;
    log++;
  }
  be32(out, 0x00010000);
  be16(out + 4, n);
  be16(out + 6, power * 16);
  be16(out + 8, log);
  be16(out + 10, n * 16 - power * 16);
  size_t at = 12 + 16 * (size_t)n, head = 0;
  for (unsigned i = 0; i < n; i++) {
    unsigned len = 0;
    const char *data = blobs[i] ? hb_blob_get_data(blobs[i], &len) : (const char *)cmap;
    if (!blobs[i])
      len = (unsigned)cmap_len;
    if (len)
      memcpy(out + at, data, len);
    if (tags[i] == HB_TAG('h', 'e', 'a', 'd') && len >= 12) {
      head = at;
      be32(out + at + 8, 0); /* checkSumAdjustment, set below */
    }
    uint8_t *rec = out + 12 + 16 * (size_t)i;
    be32(rec, tags[i]);
    be32(rec + 4, checksum(out + at, len));
    be32(rec + 8, (uint32_t)at);
    be32(rec + 12, len);
    at += (len + 3) & ~3u;
    hb_blob_destroy(blobs[i]);
  }
  if (head)
    be32(out + head + 8, 0xB1B0AFBAu - checksum(out, size));
  hb_face_destroy(subset);
  return hb_blob_create((const char *)out, (unsigned)size, HB_MEMORY_MODE_WRITABLE, out, free);
}

hb_blob_t *er_subset_coded(hb_face_t *face, const hb_set_t *unicodes, unsigned first,
                           hb_map_t *code, unsigned *glyphs) {
  hb_subset_input_t *input = hb_subset_input_create_or_fail();
  if (!input)
    return NULL;
  hb_set_union(hb_subset_input_unicode_set(input), unicodes);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NOTDEF_OUTLINE | HB_SUBSET_FLAGS_NO_HINTING);
  static const hb_tag_t drop[] = {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
                                  HB_TAG('G', 'D', 'E', 'F'), HB_TAG('v', 'h', 'e', 'a'),
                                  HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'),
                                  HB_TAG('m', 'o', 'r', 't'), HB_TAG('m', 'o', 'r', 'x'),
                                  HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G')};
  hb_set_t *dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
    hb_set_add(dropped, drop[i]);
  hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, input);
  hb_subset_input_destroy(input);
  if (!plan)
    return NULL;
  const hb_map_t *to_old = hb_subset_plan_unicode_to_old_glyph_mapping(plan);
  const hb_map_t *to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
  unsigned count = hb_map_get_population(to_new);
  hb_face_t *subset = NULL;
  if (first + count <= 0xD800)
    subset = hb_subset_plan_execute_or_fail(plan);
  if (subset) {
    hb_codepoint_t u = HB_SET_VALUE_INVALID;
    while (hb_set_next(unicodes, &u)) {
      hb_codepoint_t old = hb_map_get(to_old, u), gid = 0;
      if (old != HB_MAP_VALUE_INVALID && hb_map_get(to_new, old) != HB_MAP_VALUE_INVALID)
        gid = hb_map_get(to_new, old);
      hb_map_set(code, u, first + gid);
    }
  }
  hb_subset_plan_destroy(plan);
  if (!subset)
    return NULL;
  hb_blob_t *blob = with_cmap(subset, first, count);
  hb_face_destroy(subset);
  *glyphs = count;
  return blob;
}
