/* OpenType fonts with CFF outlines (FandolFang, Noto Serif CJK) for a PDF:
 * the subset's bare CFF table, embedded as a CIDFontType0 font whose
 * font file is a FontFile3 of subtype CIDFontType0C. libharu embeds
 * TrueType only, so embed.c writes these font objects itself.
 *
 * The text is written with Identity-H, so a 2-byte code is a CID: in a
 * CID-keyed CFF (every CJK font) the CID its charset gives the glyph
 * (hb-subset keeps the font's CIDs), in a name-keyed one the glyph's
 * index in the subset. */
#ifndef ER_PDF_CFF_H
#define ER_PDF_CFF_H

#include <hb.h>
#include <stdbool.h>
#include <stddef.h>

/* Whether the face has CFF (version 1) outlines: a 'CFF ' table. */
bool er_face_is_cff(hb_face_t *face);

/* What the subset of a CFF face gives the PDF writer. */
typedef struct er_cff_subset {
  hb_blob_t *cff;   /* the subset's CFF table, the font file */
  char name[64];    /* the CFF's font name, PDF-name safe */
  unsigned max_cid; /* the highest code used */
  unsigned notdef;  /* the code of .notdef: 0 */
} er_cff_subset;

/* The codes of a CID-keyed face, known before it is subset (hb-subset
 * keeps a CID-keyed font's CIDs): `code` gets each character of `unicodes`
 * its glyph's CID in the full font, `width` each code's advance in
 * thousandths of an em (truncated, as er_face_advance rounds it), and
 * out->name the face's PostScript name. False for a name-keyed CFF or one
 * that cannot be read: then er_cff_subset_make gives the codes. */
bool er_cff_codes(er_cff_subset *out, hb_face_t *face, const hb_set_t *unicodes, hb_map_t *code,
                  hb_map_t *width);

/* Subsets `face` to the characters `unicodes` (BMP code points) without
 * hinting. With `known`, the codes er_cff_codes gave are checked against
 * the subset's CIDs; without, `code` and `width` are filled as
 * er_cff_codes does, with the subset's codes. False when HarfBuzz fails,
 * the CFF cannot be read or a code is not its glyph's CID. */
bool er_cff_subset_make(er_cff_subset *out, hb_face_t *face, const hb_set_t *unicodes,
                        hb_map_t *code, hb_map_t *width, bool known);
void er_cff_subset_free(er_cff_subset *s);

/* The glyph → CID table of a CID-keyed CFF table (its charset), `count`
 * entries in *cids (free with free()); for a name-keyed one, cids[g] = g.
 * False when the table is not a readable CFF. */
bool er_cff_cids(const unsigned char *cff, size_t len, unsigned **cids, unsigned *count, char *name,
                 size_t name_size, bool *cid_keyed);

#endif
