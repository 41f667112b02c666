/* Fonts of the PDF writer: the families of each role (roles.h) resolved on
 * this machine with fontconfig and opened with HarfBuzz.
 *
 * A character is drawn by the first face of its role that has a glyph for
 * it (the role's own families, then the shared fallbacks); a character no
 * face has is reported once per font set and drawn as the first face's
 * .notdef box. TrueType (glyf) and OpenType CFF faces are used (embed.h). */
#ifndef ER_PDF_FONTS_H
#define ER_PDF_FONTS_H

#include <hb.h>
#include <stdint.h>

#include "model/diag.h"
#include "pdf/roles.h"

typedef struct er_face {
  char *family;  /* the family name it was found under */
  char *file;    /* the font file */
  int index;     /* the face's index in a collection (.ttc), else 0 */
  unsigned upem; /* font units per em */
  bool cff;      /* CFF outlines (else TrueType) */
  hb_face_t *hb_face;
  hb_font_t *hb_font;       /* scaled to font units */
  struct er_ink_cache *ink; /* er_face_ink's answers so far */
} er_face;

/* Which face draws a character, and how. */
typedef struct er_glyph_pick {
  int face;        /* index into the font set's faces */
  uint32_t glyph;  /* glyph id in that face; 0 (.notdef) when no face has it */
  double embolden; /* synthetic bold stroke the role map asks for, in em */
} er_glyph_pick;

typedef struct er_fontset er_fontset;

/* Resolves a role map (YAML text, see fonts/roles.yaml; NULL for the
 * compiled-in default). Returns NULL, with an error in `d`, when the map
 * is invalid or some role has no usable font on this machine. */
er_fontset *er_fontset_new(const char *roles_yaml, er_diag *d);
/* The same from a map the caller built: the style profile's families per
 * role, say, with the fallbacks of the default map. */
er_fontset *er_fontset_from_map(const er_role_map *map, er_diag *d);

/* fontconfig's configuration and list of installed fonts: loading it takes
 * a good part of the time a font set takes, so a caller may load it ahead,
 * on a thread of its own, and resolve one or more font sets with it. */
typedef struct er_font_config er_font_config;
er_font_config *er_font_config_load(void);
/* Another reference to a configuration, freed like the first. The count
 * is not atomic: references are taken and freed by one thread at a time
 * (the preloading thread hands the configuration over when it is joined). */
er_font_config *er_font_config_ref(er_font_config *cfg);
void er_font_config_free(er_font_config *cfg);
/* er_fontset_from_map with a loaded configuration (NULL: load one). */
er_fontset *er_fontset_from_config(const er_role_map *map, er_font_config *cfg, er_diag *d);
void er_fontset_free(er_fontset *fs);
/* The glyphs of short texts already made with this font set (glyphcache.h). */
struct er_glyph_cache *er_fontset_glyph_cache(er_fontset *fs);
/* Warns once about each role whose font is one of the map's free fonts
 * (none of its official ones is installed), naming the font, its package
 * and how to install the official one. */
void er_fontset_warn_fallbacks(const er_fontset *fs, const er_role_map *map, er_diag *d);

size_t er_fontset_face_count(const er_fontset *fs);
const er_face *er_fontset_face(const er_fontset *fs, int face);
/* The faces of a role, best first, fallbacks included. */
const int *er_fontset_role_faces(const er_fontset *fs, er_role role, size_t *count);

/* The face and glyph that draw `cp` in `role`. A character no face has
 * (or one outside the Basic Multilingual Plane, which the PDF writer cannot
 * encode) is warned about in `d` once per font set. */
er_glyph_pick er_fontset_pick(er_fontset *fs, er_role role, uint32_t cp, er_diag *d);

/* A glyph's advance at `size` points, rounded as the PDF's width table
 * rounds it (whole thousandths of an em, truncated, as libharu writes
 * them), so that the layout and the viewer agree to the last digit. */
double er_face_advance(const er_face *face, uint32_t glyph, double size);

/* The horizontal extent of a glyph's ink, as fractions of its advance:
 * 0 is the left edge of its box, 1 the right. False for a blank glyph. */
bool er_face_ink(const er_face *face, uint32_t glyph, double *left, double *right);

#endif
