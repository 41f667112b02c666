/* Line-break opportunities for Chinese text: ICU's UAX #14 line breaker
 * (locale zh, strict) tailored with the rules GB/T 15834-2011 adds:
 *
 *  - no line starts with a closing mark: ，。、；：？！）》」』”’ % ‰ and
 *    their half-width forms, the 间隔号 · or a 连接号 ～;
 *  - no line ends with an opening mark: （《「『“‘;
 *  - no break inside —— or ……;
 *  - a number stays whole with its sign, decimals, percent sign and unit:
 *    36038.93万元, 98.42%, ≥90%, 2023年, 600元/人/月 (its digits always;
 *    a unit of two characters or more may start a line where justified
 *    text would otherwise be loose, see er_unit_breaks);
 *  - the curly quotes “” ‘’, which UAX #14 glues to both neighbours, may
 *    be broken outside the quotation in Chinese text, like the brackets;
 *  - a web address may be broken after its / . ? & = - _ #.
 */
#ifndef ER_DOC_LINEBREAK_H
#define ER_DOC_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum er_break {
  ER_BREAK_NONE,      /* the line must not end here */
  ER_BREAK_ALLOWED,   /* the line may end here */
  ER_BREAK_MANDATORY, /* the line ends here (a line feed, U+2028) */
} er_break;

typedef struct er_linebreaker er_linebreaker;

/* A Chinese character: a CJK unified ideograph of the basic block or of
 * extension A. */
static inline bool er_is_han(uint32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* NULL when ICU has no line-break data. */
er_linebreaker *er_linebreaker_new(void);
void er_linebreaker_free(er_linebreaker *lb);

/* For the `n` code points `cps`, sets breaks[i] to whether a line may end
 * after cps[i]. The end of the text is reported as ER_BREAK_MANDATORY.
 * Returns false only when ICU fails. */
bool er_linebreaks(er_linebreaker *lb, const uint32_t *cps, size_t n, uint8_t *breaks);

/* Sets unit[i] where a number ends after cps[i] and a unit of two
 * characters or more follows (30.00|万元, 6850|人次): er_linebreaks keeps
 * them together, and justified text may still end a line there, at a cost,
 * rather than leave the line before a long amount loose. */
void er_unit_breaks(const uint32_t *cps, size_t n, uint8_t *unit);

/* For a title, a label, a contents entry (GB/T 9704 §7.3.1: 词意完整):
 * takes away from `breaks` (er_linebreaks' for the same text) the breaks
 * that fall inside a word, by ICU's word breaker and its Chinese
 * dictionary ("补助", "资金") and the domain's lexicon (lexicon.h).
 * Returns false only when ICU fails. */
bool er_phrase_breaks(er_linebreaker *lb, const uint32_t *cps, size_t n, uint8_t *breaks);

/* What ending a line after cps[i] costs (phrasecost.c), in em² (a line
 * one em off the mean length costs 1), for text broken where phrases end:
 * `breaks` from er_linebreaks and er_phrase_breaks, breaks[i] allowed,
 * i + 1 < n; `depth` how many brackets are open after cps[i], by
 * er_phrase_depth over cps[0 … i]. */
double er_phrase_cost(const uint32_t *cps, const uint8_t *breaks, size_t n, size_t i, int depth);
int er_phrase_depth(int depth, uint32_t c);
/* Costs below this end a phrase or fall between two words of two
 * characters or more; above, the break splits off a word of one character
 * (more likely part of a word the dictionary does not know: 精|减退职,
 * 低|保), opens a line with a particle or falls inside brackets. */
#define ER_PHRASE_FAIR 60

/* Has ICU load what breaking Chinese text needs — its line rules and the
 * word breaker's Chinese dictionary engine, which ICU builds once per
 * process (about 10 M instructions) — so that a thread that starts early
 * (the font loader's) pays for it instead of the first paragraph. */
void er_linebreak_warm_up(void);

#endif
