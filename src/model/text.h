/* Small text helpers shared by the loader and the checks. */
#ifndef ER_TEXT_H
#define ER_TEXT_H

#include "model/arena.h"

#include <stdbool.h>
#include <stddef.h>

/* Length of the valid UTF-8 character at s (1–4), or 0 when the bytes there
 * are not valid UTF-8 or are a NUL byte. */
size_t er_utf8_valid_prefix(const unsigned char *s, size_t len);
/* True when s[0..len) holds only spaces, tabs, CR and LF. */
bool er_is_blank(const char *s, size_t len);
/* The candidate closest to `word` by edit distance, when close enough to be
 * a likely typo, else NULL. `candidates` is NULL-terminated. */
const char *er_nearest(const char *word, const char *const *candidates);

/* A text block holds paragraphs separated by blank lines; inside a
 * paragraph, line breaks are joined (with nothing between Chinese
 * characters, with a space between Latin words). */
/* Terminal columns s takes (Chinese characters take two). */
size_t er_display_width(const char *s);

const char **er_paragraphs(er_arena *arena, const char *s, size_t *count);

/* A malloc'd copy of s safe to print on a terminal, or NULL when s is:
 * control characters (C0, DEL, C1: escape sequences that set a window
 * title, clear the screen or make links) and the bidirectional overrides
 * that reorder what is shown become visible escapes, "\x1B", "<U+202E>";
 * invalid UTF-8 bytes too. */
char *er_term_text(const char *s);

/* Can XML 1.0 carry code point cp? Not the C0 controls other than tab,
 * line feed and carriage return, not U+FFFE and U+FFFF (surrogates are not
 * valid UTF-8 to begin with). */
bool er_xml_char(unsigned cp);
/* A malloc'd copy of s fit for any XML text a writer makes, or NULL when s
 * needs no change: characters XML cannot carry are left out, invalid UTF-8
 * becomes U+FFFD; with `xlsx`, text that reads like Excel's own escape
 * "_xHHHH_" gets its underscore escaped ("_x005F_"), so it shows as typed. */
char *er_xml_text(const char *s, bool xlsx);
/* The same for the report's XHTML: also without carriage returns and the
 * C1 controls (U+007F–U+009F), which no report shows. */
char *er_view_text(const char *s);
/* Text is too long for a cell of a spreadsheet (Excel: 32,767 bytes, as
 * libxlsxwriter counts them). */
#define ER_CELL_MAX_BYTES 32767

#endif
