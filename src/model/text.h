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

#endif
