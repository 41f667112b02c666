/* Font subsetting with HarfBuzz's hb-subset: a face cut down to the
 * characters a document draws, as a TrueType file in memory. libharu alone
 * would embed every glyph slot of a CJK font (its full loca and hmtx, tens
 * of thousands of glyphs); given the subset it embeds a few kilobytes. */
#ifndef ER_PDF_SUBSET_H
#define ER_PDF_SUBSET_H

#include <hb.h>
#include <stdbool.h>

/* The subset of `face` holding the glyphs of `unicodes` (and .notdef, with
 * its outline, for characters no font has). With `retain_gids` the glyph
 * ids stay those of the full font (bigger: every slot up to the highest id
 * is kept, empty); without, glyphs are renumbered and the subset's cmap
 * says which is which. NULL when HarfBuzz fails. Destroy with
 * hb_blob_destroy. */
hb_blob_t *er_subset(hb_face_t *face, const hb_set_t *unicodes, bool retain_gids);

/* The subset for a PDF: the glyphs of `unicodes` without hinting, and in
 * place of the font's cmap one of its own that gives glyph g the code
 * `first` + g — a single range, so that libharu, which looks each code up
 * range by range (65 536 times as it loads a font), finds it at once.
 * `code` gets each character's code (a character the face has no glyph
 * for gets `first`: .notdef); *glyphs is the subset's number of glyphs.
 * NULL when HarfBuzz fails or the codes would pass 0xD7FF. */
hb_blob_t *er_subset_coded(hb_face_t *face, const hb_set_t *unicodes, unsigned first,
                           hb_map_t *code, unsigned *glyphs);

#endif
