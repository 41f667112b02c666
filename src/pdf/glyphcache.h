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

#endif
