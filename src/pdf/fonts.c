/* Font roles resolved with fontconfig, faces opened with HarfBuzz. */
#include "pdf/fonts.h"
#include "pdf/glyphcache.h"

#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "model/grow.h"
#include "pdf/cff.h"

/* A glyph's ink is asked for every punctuation mark a paragraph sets, and
 * HarfBuzz finds a CFF glyph's extents by running its charstring: the
 * answers are kept per face, by glyph (open addressing; a full table
 * just stops keeping). */
#define INK_SLOTS 512
struct er_ink_cache {
  uint32_t key[INK_SLOTS]; /* glyph + 1, 0 for a free slot */
  bool inked[INK_SLOTS];
  double left[INK_SLOTS], right[INK_SLOTS];
};

typedef struct role_face {
  int face;
  double embolden;
} role_face;

struct er_fontset {
  er_face *faces;
  size_t nfaces;
  struct {
    role_face *items;
    int *ids; /* the same faces, for er_fontset_role_faces */
    size_t count;
  } roles[ER_ROLE_COUNT];
  role_face *latin; /* the faces of Latin letters and digits, best first */
  size_t nlatin;
  bool latin_roles[ER_ROLE_COUNT];
  hb_set_t *reported;     /* characters already warned about */
  er_glyph_cache *glyphs; /* short texts made into glyphs with these faces */
};

static void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p)
    abort();
  return p;
}

static char *xstrdup(const char *s) {
  char *copy = strdup(s);
  if (!copy)
    abort();
  return copy;
}

/* fontconfig's configuration and every installed font listed once, with
 * the properties a font set is chosen by: listing them is most of what
 * choosing costs, and it is done where the configuration loads (on the
 * preloading thread, preload.c). */
typedef struct family_name {
  const FcChar8 *name; /* one of a font's family names */
  int font;            /* in `fonts` */
} family_name;

struct er_font_config {
  FcConfig *fc;
  FcFontSet *fonts;
  family_name *names; /* of all fonts, in FcStrCmpIgnoreCase order */
  size_t nnames;
  int refs;
};

static int by_name(const void *a, const void *b) {
  const family_name *x = a, *y = b;
  int c = FcStrCmpIgnoreCase(x->name, y->name);
  return c ? c : (x->font > y->font) - (x->font < y->font);
}

/* Every family name of every font, sorted to be looked up as fontconfig
 * compares families (ignoring case). */
static void index_names(er_font_config *cfg) {
  const FcFontSet *set = cfg->fonts;
  size_t cap = 0;
  for (int i = 0; set && i < set->nfont; i++) {
    FcChar8 *name;
    for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &name) == FcResultMatch; k++) {
      cfg->names = er_grow(cfg->names, cfg->nnames, &cap, sizeof *cfg->names, 256);
      cfg->names[cfg->nnames++] = (family_name){name, i};
    }
  }
  if (cfg->nnames)
    qsort(cfg->names, cfg->nnames, sizeof *cfg->names, by_name);
}

er_font_config *er_font_config_load(void) {
  FcConfig *fc = FcInitLoadConfigAndFonts();
  if (!fc)
    return NULL;
  er_font_config *cfg = xcalloc(1, sizeof *cfg);
  cfg->fc = fc;
  cfg->refs = 1;
  FcPattern *all = FcPatternCreate();
  FcObjectSet *os =
      FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_FONTFORMAT, NULL);
  cfg->fonts = FcFontList(fc, all, os);
  FcObjectSetDestroy(os);
  FcPatternDestroy(all);
  index_names(cfg);
  return cfg;
}

er_font_config *er_font_config_ref(er_font_config *cfg) {
  if (cfg)
    cfg->refs++; /* by the thread that took it from the preload */
  return cfg;
}

void er_font_config_free(er_font_config *cfg) {
  if (!cfg || --cfg->refs > 0)
    return;
  free(cfg->names);
  if (cfg->fonts)
    FcFontSetDestroy(cfg->fonts);
  FcConfigDestroy(cfg->fc);
  free(cfg);
}

/* The first of the names equal to `family`, ignoring case. */
static size_t first_named(const er_font_config *cfg, const char *family) {
  size_t lo = 0, hi = cfg->nnames;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (FcStrCmpIgnoreCase(cfg->names[mid].name, (const FcChar8 *)family) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* The installed face of `family` closest to an upright face of `weight`
 * (fontconfig's scale, 0 for regular), among TrueType and CFF faces. Ties
 * go to the smaller file name and index, so the choice does not depend on
 * fontconfig's order. */
static bool find_family(const er_font_config *cfg, const char *family, int want, char **file,
                        int *index) {
  if (want <= 0)
    want = FC_WEIGHT_REGULAR;
  int best = -1, best_score = 0, best_index = 0;
  const char *best_file = NULL;
  for (size_t n = first_named(cfg, family);
       n < cfg->nnames && FcStrCmpIgnoreCase(cfg->names[n].name, (const FcChar8 *)family) == 0;
       n++) {
    int i = cfg->names[n].font;
    FcPattern *p = cfg->fonts->fonts[i];
    FcChar8 *f = NULL, *format = NULL;
    int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN, idx = 0;
    if (FcPatternGetString(p, FC_FILE, 0, &f) != FcResultMatch)
      continue;
    if (FcPatternGetString(p, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
        strcmp((const char *)format, "TrueType") != 0 && strcmp((const char *)format, "CFF") != 0)
      continue; /* Type 1, bitmaps: not embedded */
    FcPatternGetInteger(p, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(p, FC_SLANT, 0, &slant);
    FcPatternGetInteger(p, FC_INDEX, 0, &idx);
    int score = abs(weight - want) + (slant != FC_SLANT_ROMAN ? 1000 : 0);
    int cmp = best < 0 ? -1 : strcmp((const char *)f, best_file);
    if (best < 0 || score < best_score ||
        (score == best_score && (cmp < 0 || (cmp == 0 && idx < best_index)))) {
      best = i;
      best_score = score;
      best_file = (const char *)f;
      best_index = idx;
    }
  }
  if (best >= 0) {
    *file = xstrdup(best_file);
    *index = best_index;
  }
  return best >= 0;
}

static bool open_face(er_face *face, er_diag *d) {
  hb_blob_t *blob = hb_blob_create_from_file_or_fail(face->file);
  if (!blob)
    return false;
  face->hb_face = hb_face_create(blob, (unsigned)face->index);
  hb_blob_destroy(blob);
  hb_blob_t *glyf = hb_face_reference_table(face->hb_face, HB_TAG('g', 'l', 'y', 'f'));
  bool truetype = hb_blob_get_length(glyf) > 0;
  hb_blob_destroy(glyf);
  face->cff = !truetype && er_face_is_cff(face->hb_face);
  if (!truetype && !face->cff) {
    er_warn(d, ((er_pos){0, 0}), "font-not-truetype",
            "字体“%s”（%s）既非 TrueType 也非 CFF 轮廓，PDF 无法嵌入，已跳过", face->family,
            face->file);
    hb_face_destroy(face->hb_face);
    face->hb_face = NULL;
    return false;
  }
  face->upem = hb_face_get_upem(face->hb_face);
  face->hb_font = hb_font_create(face->hb_face);
  return true;
}

/* Families already looked up while a font set is built: most come back
 * in several roles (the fallbacks in all of them), and each lookup scans
 * every installed font. */
typedef struct looked_up {
  const char *family;
  int weight;
  int face; /* or -1 */
} looked_up;

typedef struct lookups {
  looked_up *items;
  size_t count, cap;
} lookups;

static int remembered(const lookups *seen, const char *family, int weight) {
  for (size_t i = 0; i < seen->count; i++)
    if (seen->items[i].weight == weight && strcmp(seen->items[i].family, family) == 0)
      return (int)i;
  return -1;
}

static int remember(lookups *seen, const char *family, int weight, int face) {
  seen->items = er_grow(seen->items, seen->count, &seen->cap, sizeof *seen->items, 32);
  seen->items[seen->count++] = (looked_up){family, weight, face};
  return face;
}

/* The face for `family`, opened once per file and index; -1 when the
 * family is not installed as a usable TrueType face. */
static int face_for_family(er_fontset *fs, const er_font_config *cfg, const char *family,
                           int weight, lookups *seen, er_diag *d) {
  int known = remembered(seen, family, weight);
  if (known >= 0)
    return seen->items[known].face;
  char *file;
  int index;
  if (!find_family(cfg, family, weight, &file, &index))
    return remember(seen, family, weight, -1);
  for (size_t i = 0; i < fs->nfaces; i++)
    if (fs->faces[i].index == index && strcmp(fs->faces[i].file, file) == 0) {
      free(file);
      return remember(seen, family, weight, fs->faces[i].hb_font ? (int)i : -1);
    }
  er_face *grown = realloc(fs->faces, (fs->nfaces + 1) * sizeof *grown);
  if (!grown)
    abort();
  fs->faces = grown;
  er_face *face = &fs->faces[fs->nfaces];
  *face = (er_face){.family = xstrdup(family), .file = file, .index = index};
  int id = (int)fs->nfaces++;
  bool opened = open_face(face, d);
  if (opened && !(face->ink = calloc(1, sizeof *face->ink)))
    abort();
  return remember(seen, family, weight, opened ? id : -1);
}

static void add_role_faces(er_fontset *fs, const er_font_config *cfg, er_role r,
                           const er_family_list *list, lookups *seen, er_diag *d) {
  for (size_t i = 0; i < list->count; i++) {
    int id = face_for_family(fs, cfg, list->items[i].name, list->items[i].weight, seen, d);
    bool seen = id < 0;
    for (size_t k = 0; !seen && k < fs->roles[r].count; k++)
      seen = fs->roles[r].items[k].face == id;
    if (seen)
      continue;
    size_t n = fs->roles[r].count++;
    fs->roles[r].items[n] = (role_face){id, list->items[i].embolden};
    fs->roles[r].ids[n] = id;
  }
}

void er_fontset_warn_fallbacks(const er_fontset *fs, const er_role_map *map, er_diag *d) {
  for (int r = 0; r < ER_ROLE_COUNT; r++) {
    const er_face *face = &fs->faces[fs->roles[r].items[0].face];
    const char *package = er_role_map_free_package(map, face->family);
    if (!package || !map->roles[r].count)
      continue;
    const char *official = map->roles[r].items[0].name;
    er_warn(d, ((er_pos){0, 0}), "font-fallback",
            "字体角色“%s”没有安装正式字体“%s”，改用免费字体“%s”（%s）；"
            "要用正式字体，请把“%s”的字体文件复制到 ~/.local/share/fonts/ 后运行 fc-cache",
            er_role_name((er_role)r), official, face->family, package, official);
  }
}

/* Latin letters, digits, Latin punctuation and the en dash: what a
 * proportional Latin face draws in a Chinese line. Not —, …, “” or ‘’,
 * which are full-width marks in Chinese text. */
static bool is_latin(uint32_t cp) {
  return (cp >= 0x21 && cp < 0x0300 && cp != 0xB7) || (cp >= 0x2010 && cp <= 0x2013);
}

er_fontset *er_fontset_new(const char *roles_yaml, er_diag *d) {
  const char *yaml = roles_yaml ? roles_yaml : er_default_roles_yaml;
  er_role_map map;
  er_fontset *fs =
      er_role_map_parse(&map, yaml, strlen(yaml), d) ? er_fontset_from_map(&map, d) : NULL;
  er_role_map_free(&map);
  return fs;
}

er_fontset *er_fontset_from_map(const er_role_map *map, er_diag *d) {
  return er_fontset_from_config(map, NULL, d);
}

er_fontset *er_fontset_from_config(const er_role_map *map, er_font_config *config, er_diag *d) {
  er_font_config *cfg = config ? config : er_font_config_load();
  lookups seen = {0};
  er_fontset *fs = xcalloc(1, sizeof *fs);
  fs->reported = hb_set_create();
  bool ok = cfg != NULL;
  if (!cfg)
    er_error(d, ((er_pos){0, 0}), "fontconfig", "无法初始化 fontconfig，找不到字体");
  for (int r = 0; ok && r < ER_ROLE_COUNT; r++) {
    size_t most = map->roles[r].count + map->fallback.count;
    fs->roles[r].items = xcalloc(most, sizeof *fs->roles[r].items);
    fs->roles[r].ids = xcalloc(most, sizeof *fs->roles[r].ids);
    add_role_faces(fs, cfg, (er_role)r, &map->roles[r], &seen, d);
    add_role_faces(fs, cfg, (er_role)r, &map->fallback, &seen, d);
    if (fs->roles[r].count == 0) {
      er_error(d, ((er_pos){0, 0}), "no-font",
               "字体角色“%s”的字体（%s 等）都未安装：请安装 fonts-arphic-uming 等中文字体",
               er_role_name((er_role)r), map->roles[r].count ? map->roles[r].items[0].name : "无");
      ok = false;
    }
  }
  if (ok && map->latin.count) {
    fs->latin = xcalloc(map->latin.count, sizeof *fs->latin);
    for (size_t i = 0; i < map->latin.count; i++) {
      int id =
          face_for_family(fs, cfg, map->latin.items[i].name, map->latin.items[i].weight, &seen, d);
      if (id >= 0)
        fs->latin[fs->nlatin++] = (role_face){id, map->latin.items[i].embolden};
    }
    memcpy(fs->latin_roles, map->latin_roles, sizeof fs->latin_roles);
  }
  free(seen.items);
  if (!config)
    er_font_config_free(cfg);
  if (!ok) {
    er_fontset_free(fs);
    return NULL;
  }
  return fs;
}

void er_fontset_free(er_fontset *fs) {
  if (!fs)
    return;
  for (size_t i = 0; i < fs->nfaces; i++) {
    hb_font_destroy(fs->faces[i].hb_font);
    hb_face_destroy(fs->faces[i].hb_face);
    free(fs->faces[i].ink);
    free(fs->faces[i].family);
    free(fs->faces[i].file);
  }
  for (int r = 0; r < ER_ROLE_COUNT; r++) {
    free(fs->roles[r].items);
    free(fs->roles[r].ids);
  }
  free(fs->faces);
  free(fs->latin);
  hb_set_destroy(fs->reported);
  er_glyph_cache_free(fs->glyphs);
  free(fs);
}

er_glyph_cache *er_fontset_glyph_cache(er_fontset *fs) {
  if (!fs->glyphs)
    fs->glyphs = er_glyph_cache_new();
  return fs->glyphs;
}

size_t er_fontset_face_count(const er_fontset *fs) { return fs->nfaces; }

const er_face *er_fontset_face(const er_fontset *fs, int face) {
  return face >= 0 && (size_t)face < fs->nfaces ? &fs->faces[face] : NULL;
}

const int *er_fontset_role_faces(const er_fontset *fs, er_role role, size_t *count) {
  *count = fs->roles[role].count;
  return fs->roles[role].ids;
}

static void report_once(er_fontset *fs, uint32_t cp, er_diag *d) {
  if (hb_set_has(fs->reported, cp))
    return;
  hb_set_add(fs->reported, cp);
  char text[U8_MAX_LENGTH + 1];
  size_t len = 0;
  U8_APPEND_UNSAFE(text, len, cp);
  text[len] = '\0';
  if (cp > 0xFFFF)
    er_warn(d, ((er_pos){0, 0}), "unsupported-char",
            "字符“%s”（U+%04X）超出基本多文种平面，PDF 中无法输出，显示为空框", text, cp);
  else
    er_warn(d, ((er_pos){0, 0}), "missing-glyph",
            "所有字体都没有字符“%s”（U+%04X），PDF 中显示为空框", text, cp);
}

er_glyph_pick er_fontset_pick(er_fontset *fs, er_role role, uint32_t cp, er_diag *d) {
  const role_face *faces = fs->roles[role].items;
  if (fs->latin_roles[role] && is_latin(cp))
    for (size_t i = 0; i < fs->nlatin; i++) {
      hb_codepoint_t glyph;
      if (hb_font_get_nominal_glyph(fs->faces[fs->latin[i].face].hb_font, cp, &glyph))
        return (er_glyph_pick){fs->latin[i].face, glyph, faces[0].embolden};
    }
  if (cp <= 0xFFFF)
    for (size_t i = 0; i < fs->roles[role].count; i++) {
      hb_codepoint_t glyph;
      if (hb_font_get_nominal_glyph(fs->faces[faces[i].face].hb_font, cp, &glyph))
        return (er_glyph_pick){faces[i].face, glyph, faces[i].embolden};
    }
  report_once(fs, cp, d);
  return (er_glyph_pick){faces[0].face, 0, faces[0].embolden};
}

double er_face_advance(const er_face *face, uint32_t glyph, double size) {
  unsigned advance = (unsigned)hb_font_get_glyph_h_advance(face->hb_font, glyph);
  unsigned permille = advance * 1000u / face->upem; /* truncated, as libharu's W array */
  return (double)permille * size / 1000.0;
}

static bool glyph_ink(const er_face *face, uint32_t glyph, double *left, double *right) {
  hb_glyph_extents_t e;
  hb_position_t advance = hb_font_get_glyph_h_advance(face->hb_font, glyph);
  if (advance <= 0 || !hb_font_get_glyph_extents(face->hb_font, glyph, &e) || e.width == 0)
    return false;
  *left = (double)e.x_bearing / advance;
  *right = (double)(e.x_bearing + e.width) / advance;
  return true;
}

bool er_face_ink(const er_face *face, uint32_t glyph, double *left, double *right) {
  struct er_ink_cache *c = face->ink;
  if (!c || glyph == UINT32_MAX)
    return glyph_ink(face, glyph, left, right);
  for (size_t i = (glyph * 2654435761u) % INK_SLOTS, n = 0; n < INK_SLOTS;
       i = (i + 1) % INK_SLOTS, n++) {
    if (c->key[i] == glyph + 1) {
      *left = c->left[i];
      *right = c->right[i];
      return c->inked[i];
    }
    if (c->key[i] == 0) {
      c->key[i] = glyph + 1;
      c->inked[i] = glyph_ink(face, glyph, &c->left[i], &c->right[i]);
      *left = c->left[i];
      *right = c->right[i];
      return c->inked[i];
    }
  }
  return glyph_ink(face, glyph, left, right);
}
