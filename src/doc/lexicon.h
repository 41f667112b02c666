/* Words of the domain that ICU's Chinese dictionary does not know
 * (低保, 到位, 应保尽保), and the suffixes that close the word before them
 * (知晓率, 满意度, 规范性): breaking a line inside them breaks a word. */
#ifndef ER_DOC_LEXICON_H
#define ER_DOC_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* Clears boundary[i] — a word ends after cps[i] — wherever that falls
 * inside one of these terms or before a suffix, of the `n` code points
 * `cps`. Safe from any thread. */
void er_lexicon_join(const uint32_t *cps, size_t n, uint8_t *boundary);

#endif
