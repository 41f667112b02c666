/* Embedding a face into a libharu document: subset it to the characters
 * the document draws; a TrueType subset (subset.h) is loaded as a UTF-8
 * CID font and given a valid ToUnicode CMap (tounicode.h), a CFF one
 * (cff.h) is written as font objects of our own (cidfont.h). */
#ifndef ER_PDF_EMBED_H
#define ER_PDF_EMBED_H

#include <hpdf.h>
#include <pthread.h>

#include "model/diag.h"
#include "pdf/cff.h"
#include "pdf/fonts.h"

/* A face embedded with codes of its own: its glyphs are drawn by the
 * codes the subset's cmap gives them (subset.h), not by their characters;
 * the ToUnicode CMap maps the codes back, so text extraction, search and
 * copy give the exact characters. */
typedef struct er_embedded {
  HPDF_Font font;
  hb_map_t *code;  /* character → its code */
  unsigned notdef; /* the code of .notdef (characters the face lacks) */
  /* a CFF face: its subset and each code's width in thousandths of an em;
   * a CID-keyed one's codes are its CIDs, known before the subset is made
   * (codes_known), which is then made and compressed while pages are drawn */
  er_cff_subset cff;
  hb_map_t *width;
  bool codes_known;
  /* The font file (FontFile2, or FontFile3 for CFF) is compressed by a thread of its own while
   * the pages are drawn, and written by er_embed_finish. */
  HPDF_Dict file;
  const er_face *face;
  const hb_set_t *used;
  hb_blob_t *blob; /* the subset, made by a thread started by er_embed_start */
  unsigned glyphs;
  unsigned char *packed;
  unsigned long packed_len;
  bool packed_ok, working;
  pthread_t worker;
} er_embedded;

/* Starts subsetting `face` to the characters `used` (code points in the
 * BMP, which must outlive the embedding) on a thread of its own, so that
 * the faces of a document are cut at once. */
void er_embed_start(er_embedded *e, const er_face *face, const hb_set_t *used);
/* Embeds the subset, for text written in its codes (content.h). `pdf` must have had
 * HPDF_UseUTFEncodings. False, with an error in `d`, on failure. */
bool er_embed_face(HPDF_Doc pdf, er_embedded *e, er_diag *d);
/* For a stream whose data is already deflated: libharu drops a /Filter
 * it did not apply itself, and this, as the dictionary's write_fn, puts
 * /Filter /FlateDecode back. */
HPDF_STATUS er_pdf_flate_filter(HPDF_Dict dict, HPDF_Stream stream);

/* Waits for the font file's compression and puts it in the document:
 * before HPDF_SaveToFile. */
bool er_embed_finish(er_embedded *e);
void er_embedded_free(er_embedded *e);

#endif
