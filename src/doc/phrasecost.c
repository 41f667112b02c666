/* What ending a line at a break costs, for text that GB/T 9704 §7.3.1
 * wants broken where phrases end (词意完整): titles, labels, contents
 * entries, the 附件 list. Among the word boundaries where a line may end,
 * some are better than others: after a comma or a closing bracket, before
 * an opening one, a phrase ends; between two words of one phrase it does
 * not; after 、 the enumeration (中、省) is split; before 的 the particle
 * opens the line. The PDF chooses its lines to make these costs least
 * (src/pdf/balance.c); the HTML offers the browser the breaks that cost
 * little (src/html/writer.c). */
#include "doc/linebreak.h"

static bool in(uint32_t c, const char *set) {
  /* set: UTF-8 string of single characters */
  for (size_t i = 0; set[i];) {
    uint32_t s = (unsigned char)set[i];
    size_t n = s < 0x80 ? 1 : s < 0xE0 ? 2 : s < 0xF0 ? 3 : 4;
    if (n > 1) {
      s &= 0xFF >> (n + 1);
      for (size_t k = 1; k < n; k++)
        s = s << 6 | ((unsigned char)set[i + k] & 0x3F);
    }
    if (s == c)
      return true;
    i += n;
  }
  return false;
}

static const char ends_phrase[] = "，；：。！？）》」』】〕”’,;:!?)";
static const char opens_phrase[] = "（《「『【〔“‘(";
static const char particles[] = "的之地得了着";

int er_phrase_depth(int depth, uint32_t c) {
  if (in(c, "（(〔【"))
    return depth + 1;
  if (in(c, "）)〕】") && depth > 0)
    return depth - 1;
  return depth;
}

/* Whether the items on both sides of the 、 at i are one character each
 * (中、省): after it, a word boundary follows the next character; before
 * it, the character follows a word of two or more (年度|中) — after a run
 * of one-character words, ICU's dictionary is more likely not to know the
 * term (供|养、涉|诉), and the 、 is left to end a line. */
static bool single_items(const uint8_t *breaks, size_t n, size_t i) {
  bool after = i + 1 < n && breaks[i + 1] != ER_BREAK_NONE;
  bool before = i >= 3 && breaks[i - 2] != ER_BREAK_NONE && breaks[i - 3] == ER_BREAK_NONE;
  return before && after;
}

double er_phrase_cost(const uint32_t *cps, const uint8_t *breaks, size_t n, size_t i, int depth) {
  uint32_t a = cps[i], b = cps[i + 1];
  if (a == 0x3001) /* 、 between one-character items holds them (中、省对地方); */
    return single_items(breaks, n, i) ? 1000 : 5; /* else a comma's */
  double c = 0;
  if (!in(a, ends_phrase) && !in(b, opens_phrase)) {
    c = 30; /* between two words */
    /* a word of one character ends or starts the line: 省|对地方; both:
     * more likely one word the dictionary does not know (供|养) */
    bool before = i == 0 || breaks[i - 1] != ER_BREAK_NONE;
    bool after = i + 2 < n && breaks[i + 1] != ER_BREAK_NONE;
    c += before && after ? 300 : before || after ? 40 : 0;
  }
  if (in(b, particles))
    c += 200;
  if (depth > 0) /* inside brackets: （困难|群众…） */
    c += 100;
  return c;
}
