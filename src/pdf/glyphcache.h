/* The glyphs of short texts remembered (internal to glyphs.c): a large
 * table repeats the same few figures ("0.01", "100%") in thousands of
 * cells, each made into glyphs twice (measured, then laid out), and the
 * font lookups, advances and ICU's line breaks for them are the same each
 * time. Kept by the font set the glyphs were made with (fonts.h); the
 * copy given back is exactly what er_glyphs_make made. */
#ifndef ER_PDF_GLYPHCACHE_H
#define ER_PDF_GLYPHCACHE_H

#include "pdf/glyphs.h"

typedef struct er_glyph_cache er_glyph_cache;

er_glyph_cache *er_glyph_cache_new(void);
void er_glyph_cache_free(er_glyph_cache *c);

/* A copy of the glyphs made of these spans in this style, into `out`;
 * false when they are not remembered (or not rememberable: long texts,
 * a style with line ends of its own). */
bool er_glyph_cache_get(er_glyph_cache *c, const er_span *spans, size_t n,
                        const er_para_style *style, er_glyphs *out);
/* Remembers the glyphs made of the spans in this style. */
void er_glyph_cache_put(er_glyph_cache *c, const er_span *spans, size_t n,
                        const er_para_style *style, const er_glyphs *g);

/* What a character of a role is in the font set, remembered: which face
 * draws it (found in some face: characters no face has are not
 * remembered, so that each is still reported), its advance in thousandths
 * of an em, and its Unicode properties glyphs.c asks for. */
enum {
  ER_CHAR_HIDDEN = 1u << 0,
  ER_CHAR_PUNCT = 1u << 1,
  ER_CHAR_WIDE = 1u << 2,      /* East Asian Wide or Fullwidth */
  ER_CHAR_AMBIGUOUS = 1u << 3, /* East Asian Ambiguous */
};
typedef struct er_char_info {
  uint32_t cp;
  int role; /* −1: an empty slot */
  unsigned props;
  er_glyph_pick pick;
  double permille; /* er_face_advance at 1000 pt: the whole thousandths */
} er_char_info;

/* The slot of this character of this role: filled (role and cp match) or
 * to be filled by the caller. */
er_char_info *er_glyph_cache_char(er_glyph_cache *c, er_role role, uint32_t cp);

#endif
