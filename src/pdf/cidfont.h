/* The PDF objects of a CFF subset (cff.h), made with libharu's object
 * API since libharu itself loads TrueType only: a Type0 font with the
 * Identity-H encoding and a ToUnicode CMap, its CIDFontType0 descendant
 * with the widths of the codes used, and a font descriptor whose FontFile3
 * (subtype CIDFontType0C) the caller fills with the compressed CFF. */
#ifndef ER_PDF_CIDFONT_H
#define ER_PDF_CIDFONT_H

#include <hb.h>
#include <hpdf.h>

#include "pdf/cff.h"

/* The Type0 font dictionary (a page names it in its resources as it does
 * a libharu font), or NULL on failure. `width` maps each code to its
 * advance in thousandths of an em; `code` each character of `used` to its
 * code. *file is the empty FontFile3 stream, written as deflated data. */
HPDF_Dict er_cidfont_cff(HPDF_Doc pdf, hb_face_t *face, const er_cff_subset *subset,
                         const hb_set_t *used, const hb_map_t *code, const hb_map_t *width,
                         HPDF_Dict *file);

#endif
