/* ToUnicode CMaps, so text extraction, search and copy give the exact
 * characters. libharu's UTF-8 fonts write the content as 2-byte codes that
 * are the characters' Unicode values (Identity-H, CID = code point), and
 * give them as ToUnicode the encoding CMap itself, a `begincidrange` that
 * a ToUnicode CMap may not contain (poppler: "Invalid 'begincidrange'
 * operator in ToUnicode CMap"). This writes a valid one. */
#ifndef ER_PDF_TOUNICODE_H
#define ER_PDF_TOUNICODE_H

#include <hb.h>
#include <stddef.h>

/* The text of a ToUnicode CMap mapping each code point of `cps` (all in the
 * BMP) from its 2-byte code to itself: consecutive code points as bfrange
 * entries that never cross a change of the high byte, single ones as
 * bfchar, at most 100 entries a block. Free with free(). */
char *er_tounicode_cmap(const hb_set_t *cps, size_t *len);

/* The same for codes of the writer's own (subset.h): `code` maps each
 * character of `cps` to its code; the CMap maps each code back to its
 * character. */
char *er_tounicode_cmap_codes(const hb_set_t *cps, const hb_map_t *code, size_t *len);

#endif
