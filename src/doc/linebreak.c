/* Line-break opportunities: ICU's line breaker, then the GB/T 15834
 * tailoring (see linebreak.h), applied to ICU's answer in three passes:
 * breaks it lacks around curly quotes, breaks it allows before closing or
 * after opening marks, and breaks inside numbers with their units. */
#include "doc/linebreak.h"
#include "doc/lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

struct er_linebreaker {
  UBreakIterator *bi;
  UBreakIterator *words; /* ICU's word breaker (its Chinese dictionary), opened when first used */
  UChar *text;           /* the text as UTF-16, for ICU */
  size_t *index;         /* UTF-16 offset → code point index */
  size_t cap;
};

er_linebreaker *er_linebreaker_new(void) {
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *bi = ubrk_open(UBRK_LINE, "zh@lb=strict", NULL, 0, &status);
  if (U_FAILURE(status))
    return NULL;
  er_linebreaker *lb = calloc(1, sizeof *lb);
  if (!lb)
    abort();
  lb->bi = bi;
  return lb;
}

void er_linebreaker_free(er_linebreaker *lb) {
  if (!lb)
    return;
  ubrk_close(lb->bi);
  if (lb->words)
    ubrk_close(lb->words);
  free(lb->text);
  free(lb->index);
  free(lb);
}

/* ---- character sets of GB/T 15834 ---- */

static bool in(uint32_t c, const uint32_t *set) {
  for (; *set; set++)
    if (*set == c)
      return true;
  return false;
}

/* 点号, closing quotes, brackets and 书名号, 间隔号, 连接号, 分隔号, and the
 * half-width forms a Chinese text uses. */
static const uint32_t no_start_set[] = {
    0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B, 0x300D, 0x300F,
    0x3009, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0xFF3D, 0xFF5D, 0x201D, 0x2019, 0xFF05,
    0x2030, 0x2031, 0x0025, 0x00B7, 0x30FB, 0xFF5E, 0x301C, 0xFF0E, 0xFF61, 0xFF64, 0x002C,
    0x002E, 0x003B, 0x003A, 0x003F, 0x0021, 0x0029, 0x005D, 0x007D, 0x002F, 0xFF0F, 0};

/* Opening quotes, brackets and 书名号, and 分隔号. */
static const uint32_t no_end_set[] = {0xFF08, 0x300A, 0x300C, 0x300E, 0x3008, 0x3010, 0x3014,
                                      0x3016, 0x3018, 0x301A, 0xFF3B, 0xFF5B, 0x201C, 0x2018,
                                      0x0028, 0x005B, 0x007B, 0x002F, 0xFF0F, 0};

/* Marks that are one mark written twice: —— and …… (and their kin). */
static const uint32_t doubled_set[] = {0x2014, 0x2015, 0x2026, 0x22EF, 0x2E3A, 0};

/* Ideographs (U+3400 … U+F8FF), most of a Chinese text, are in neither
 * set nor doubled_set: answered before the sets are scanned, at every
 * break a paragraph allows. */
static bool ideograph(uint32_t c) { return c >= 0x3400 && c < 0xF900; }
static bool no_start(uint32_t c) { return !ideograph(c) && in(c, no_start_set); }
static bool no_end(uint32_t c) { return !ideograph(c) && in(c, no_end_set); }

static bool is_wide(uint32_t c) {
  int w = u_getIntPropertyValue((UChar32)c, UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

/* ---- numbers with their units ---- */

static bool is_digit(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

/* Signs, comparators and currency that belong to the number after them. */
static const uint32_t number_prefix_set[] = {
    '+',    '-', 0x2212, 0x00B1, 0x2265, 0x2264,          '>', '<', 0xFF1E, 0xFF1C, 0x2248, 0x00A5,
    0xFFE5, '$', 0xFF04, 0xFF0B, 0xFF0D, 0x7B2C /* 第 */, 0};
/* Separators inside a number when a digit follows: 36,038.93, 10:30. */
static const uint32_t number_inner_set[] = {'.', ',', ':', 0xFF0E, 0};
/* Signs that close a number: 98.42%, 3‰, 25℃, 45°. */
static const uint32_t number_suffix_set[] = {'%', 0xFF05, 0x2030, 0x2031, 0x2103, 0x00B0, 0};

/* Units that stay with their number, longer ones first where one is the
 * start of another. */
static const char *const units[] = {
    "万亿元", "亿元", "万元", "千元", "元",   "万人次", "人次", "万人", "万户",     "万亩",
    "万亿",   "亿",   "万",   "千",   "百",   "个月",   "年",   "月",   "日",       "号",
    "小时",   "分钟", "时",   "分",   "秒",   "天",     "周",   "岁",   "人",       "户",
    "次",     "项",   "个",   "家",   "所",   "名",     "件",   "份",   "批",       "笔",
    "台",     "辆",   "套",   "处",   "条",   "期",     "倍",   "册",   "张",       "篇",
    "页",     "部",   "座",   "间",   "吨",   "公斤",   "千克", "克",   "平方公里", "平方米",
    "公里",   "千米", "米",   "亩",   "公顷", "度",     "档",   "类",   "级",
};

/* The length in code points of the unit at cps[i], 0 when there is none. */
static size_t unit_at(const uint32_t *cps, size_t n, size_t i) {
  size_t best = 0;
  for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
    const char *s = units[u];
    size_t len = strlen(s), k = 0, j = i;
    bool match = true;
    for (size_t off = 0; off < len && match; k++, j++) {
      UChar32 c;
      U8_NEXT_UNSAFE(s, off, c);
      match = j < n && cps[j] == (uint32_t)c;
    }
    if (match && k > best)
      best = k;
  }
  return best;
}

/* The end (exclusive) of the digits, and the separators between them,
 * that start at i: 36,038.93 of 36,038.93万元. */
static size_t digits_end(const uint32_t *cps, size_t n, size_t i) {
  while (i < n &&
         (is_digit(cps[i]) || (in(cps[i], number_inner_set) && i + 1 < n && is_digit(cps[i + 1]))))
    i++;
  return i;
}

/* The end (exclusive) of the number that starts with the digit at i. */
static size_t number_end(const uint32_t *cps, size_t n, size_t i) {
  i = digits_end(cps, n, i);
  if (i < n && in(cps[i], number_suffix_set))
    return i + 1;
  size_t unit = i < n ? unit_at(cps, n, i) : 0;
  if (unit == 0)
    return i;
  i += unit;
  /* 600元/人/月: a compound unit, one character after each slash */
  for (int part = 0; part < 3 && i + 1 < n && (cps[i] == '/' || cps[i] == 0xFF0F) &&
                     u_hasBinaryProperty((UChar32)cps[i + 1], UCHAR_IDEOGRAPHIC);
       part++)
    i += 2;
  return i;
}

static void keep_numbers_whole(const uint32_t *cps, size_t n, uint8_t *breaks) {
  for (size_t i = 0; i < n;) {
    if (!is_digit(cps[i])) {
      i++;
      continue;
    }
    size_t start = i;
    while (start > 0 && in(cps[start - 1], number_prefix_set))
      start--;
    size_t end = number_end(cps, n, i);
    for (size_t k = start; k + 1 < end; k++)
      if (breaks[k] == ER_BREAK_ALLOWED)
        breaks[k] = ER_BREAK_NONE;
    i = end > i ? end : i + 1;
  }
}

/* ---- ICU, then the tailoring ---- */

/* The text as ICU reads it, UTF-16, and where each of its code points
 * starts; returns its length in UTF-16 units. */
static size_t set_text(er_linebreaker *lb, const uint32_t *cps, size_t n) {
  if (2 * n + 1 > lb->cap) {
    lb->cap = 2 * n + 1;
    free(lb->text);
    free(lb->index);
    lb->text = malloc(lb->cap * sizeof *lb->text);
    lb->index = malloc((lb->cap + 1) * sizeof *lb->index);
    if (!lb->text || !lb->index)
      abort();
  }
  size_t len = 0;
  for (size_t i = 0; i < n; i++) {
    UChar32 c = cps[i] <= 0x10FFFF ? (UChar32)cps[i] : 0xFFFD;
    lb->index[len] = i;
    U16_APPEND_UNSAFE(lb->text, len, c);
    if (len >= 2 && U16_IS_TRAIL(lb->text[len - 1]))
      lb->index[len - 1] = i;
  }
  lb->index[len] = n;
  return len;
}

static bool icu_breaks(er_linebreaker *lb, const uint32_t *cps, size_t n, uint8_t *breaks) {
  size_t len = set_text(lb, cps, n);
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(lb->bi, lb->text, (int32_t)len, &status);
  if (U_FAILURE(status))
    return false;
  memset(breaks, ER_BREAK_NONE, n);
  ubrk_first(lb->bi);
  for (int32_t b; (b = ubrk_next(lb->bi)) != UBRK_DONE;) {
    size_t after = lb->index[b] - 1; /* the code point before the boundary */
    breaks[after] =
        ubrk_getRuleStatus(lb->bi) >= UBRK_LINE_HARD ? ER_BREAK_MANDATORY : ER_BREAK_ALLOWED;
  }
  return true;
}

/* ---- web addresses ---- */

static bool starts_with(const uint32_t *cps, size_t n, const char *prefix) {
  size_t k = 0;
  for (; prefix[k]; k++)
    if (k >= n || cps[k] != (uint32_t)(unsigned char)prefix[k])
      return false;
  return true;
}

/* A URL (http://, https://, www.) runs to the next space or character that
 * is not ASCII; a line may end after each / (but inside //), . ? & = - _ #
 * of it, so that a long address does not leave the line before it loose. */
static void break_urls(const uint32_t *cps, size_t n, uint8_t *breaks) {
  for (size_t i = 0; i < n; i++) {
    if (!starts_with(cps + i, n - i, "http://") && !starts_with(cps + i, n - i, "https://") &&
        !starts_with(cps + i, n - i, "www."))
      continue;
    size_t end = i;
    while (end < n && cps[end] > ' ' && cps[end] < 0x7F)
      end++;
    while (end > i && strchr(".,;:!?)", (int)cps[end - 1])) /* the sentence's, not the address's */
      end--;
    for (size_t k = i; k + 1 < end; k++) {
      uint32_t c = cps[k];
      if (strchr("/.?&=-_#", (int)c) && !(c == '/' && cps[k + 1] == '/') &&
          breaks[k] == ER_BREAK_NONE)
        breaks[k] = ER_BREAK_ALLOWED;
    }
    i = end;
  }
}

void er_unit_breaks(const uint32_t *cps, size_t n, uint8_t *unit) {
  memset(unit, 0, n);
  for (size_t i = 0; i < n;) {
    if (!is_digit(cps[i])) {
      i++;
      continue;
    }
    size_t end = digits_end(cps, n, i);
    if (number_end(cps, n, i) - end >= 2) /* 万元, 元/人; not 元, 年 or 号 */
      unit[end - 1] = 1;
    i = end;
  }
}

bool er_linebreaks(er_linebreaker *lb, const uint32_t *cps, size_t n, uint8_t *breaks) {
  if (n == 0)
    return true;
  if (!icu_breaks(lb, cps, n, breaks))
    return false;
  for (size_t i = 0; i + 1 < n; i++) {
    uint32_t a = cps[i], b = cps[i + 1];
    /* UAX #14 never breaks beside a quotation mark; Chinese text breaks
     * before an opening and after a closing one, as around brackets */
    if (breaks[i] == ER_BREAK_NONE && (((b == 0x201C || b == 0x2018) && is_wide(a)) ||
                                       ((a == 0x201D || a == 0x2019) && is_wide(b))))
      breaks[i] = ER_BREAK_ALLOWED;
    if (breaks[i] != ER_BREAK_ALLOWED)
      continue;
    /* the marks that would end and start the lines, spaces aside (a
     * line's end drops its spaces): “‘ ICU” must not end with ‘ */
    size_t k = i, m = i + 1;
    while (k > 0 && cps[k] == ' ')
      k--;
    while (m + 1 < n && cps[m] == ' ')
      m++;
    if (no_start(cps[m]) || no_end(cps[k]) || (a == b && !ideograph(a) && in(a, doubled_set)))
      breaks[i] = ER_BREAK_NONE;
  }
  keep_numbers_whole(cps, n, breaks);
  break_urls(cps, n, breaks);
  breaks[n - 1] = ER_BREAK_MANDATORY;
  return true;
}

/* Whether a word (ICU's, a dictionary word in Chinese) holds the boundary
 * after cps[i]: a run of letters or ideographs on both sides. */
static bool word_char(uint32_t c) {
  return u_isalnum((UChar32)c) || u_hasBinaryProperty((UChar32)c, UCHAR_IDEOGRAPHIC);
}

bool er_phrase_breaks(er_linebreaker *lb, const uint32_t *cps, size_t n, uint8_t *breaks) {
  if (n == 0)
    return true;
  UErrorCode status = U_ZERO_ERROR;
  if (!lb->words) {
    lb->words = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
    if (U_FAILURE(status)) {
      lb->words = NULL;
      return false;
    }
  }
  size_t len = set_text(lb, cps, n);
  ubrk_setText(lb->words, lb->text, (int32_t)len, &status);
  if (U_FAILURE(status))
    return false;
  uint8_t *boundary = calloc(n, 1);
  if (!boundary)
    abort();
  ubrk_first(lb->words);
  for (int32_t b; (b = ubrk_next(lb->words)) != UBRK_DONE;)
    if (lb->index[b] > 0)
      boundary[lb->index[b] - 1] = 1;
  er_lexicon_join(cps, n, boundary);
  for (size_t i = 0; i + 1 < n; i++)
    if (breaks[i] == ER_BREAK_ALLOWED && !boundary[i] && word_char(cps[i]) && word_char(cps[i + 1]))
      breaks[i] = ER_BREAK_NONE;
  free(boundary);
  return true;
}

void er_linebreak_warm_up(void) {
  er_linebreaker *lb = er_linebreaker_new();
  if (!lb)
    return;
  static const uint32_t text[] = {0x7EE9, 0x6548, 0x8BC4, 0x4EF7}; /* 绩效评价 */
  uint8_t breaks[sizeof text / sizeof text[0]];
  size_t n = sizeof text / sizeof text[0];
  if (er_linebreaks(lb, text, n, breaks))
    er_phrase_breaks(lb, text, n, breaks);
  er_linebreaker_free(lb);
}
