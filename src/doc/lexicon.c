/* Words of the domain that ICU's Chinese dictionary does not know (lexicon.h).
 * Its dictionary splits much of what a performance evaluation report says
 * into single characters — 低|保, 到|位, 特|困|供|养, 应|保|尽|保 — and a
 * line ending between them breaks a word (资金到|位率). Each term here was
 * checked against ICU 72's word breaker: it split every one. */
#include "doc/lexicon.h"
#include "doc/linebreak.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

/* clang-format off */
static const char *const terms[] = {
    /* the assistance and who receives it */
    "低保", "低保户", "低保金", "特困", "特困户", "供养", "受助", "重残", "失能",
    "丧葬费", "返贫", "防返贫", "脱贫", "边缘户", "监测户", "漏保", "脱保", "错保",
    "人情保", "关系保", "骗保", "兜底", "救急难", "应保尽保", "应救尽救", "应退尽退",
    "应享尽享", "退职", "精减", "涉诉",
    /* money and its way down */
    "万元", "专项", "专户", "区级", "县级", "市级", "本级", "区县", "下拨", "到位",
    "兑付", "足额", "代缴", "结余", "结转", "调减", "调增", "挤占", "套取", "冒领",
    "追缴", "清退", "清零", "滞后", "停发", "减发", "增发", "调标", "提标",
    /* the evaluation */
    "产出", "达标", "自评", "自评表", "评分", "评分表", "汇总", "汇总表", "分值", "分项",
    "加权", "权重", "减分", "档次", "较差", "评议", "考评", "问卷", "受访", "访谈",
    "调研", "知晓", "台账", "入户", "细则", "细化", "优化", "合规", "批复", "印发",
    "录入", "经办", "联动", "督查", "纪检", "问责", "追责", "整改", "村务", "村组",
};
/* clang-format on */

/* Characters that close the word before them: 知晓|率, 满意|度 and
 * 规范|性 are one term each, which ICU splits. */
static const uint32_t suffixes[] = {0x7387 /* 率 */, 0x5EA6 /* 度 */, 0x6027 /* 性 */};

#define MAX_TERM 4

typedef struct term {
  uint32_t cps[MAX_TERM];
  size_t len;
} term;

static term index_[sizeof terms / sizeof terms[0]];
static pthread_once_t indexed = PTHREAD_ONCE_INIT;

static size_t decode(const char *s, uint32_t *out, size_t most) {
  size_t n = 0;
  int32_t len = (int32_t)strlen(s);
  for (int32_t i = 0; i < len && n < most;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    out[n++] = (uint32_t)c;
  }
  return n;
}

static int by_first(const void *a, const void *b) {
  uint32_t x = ((const term *)a)->cps[0], y = ((const term *)b)->cps[0];
  return (x > y) - (x < y);
}

static void build_index(void) {
  for (size_t t = 0; t < sizeof terms / sizeof terms[0]; t++)
    index_[t].len = decode(terms[t], index_[t].cps, MAX_TERM);
  qsort(index_, sizeof terms / sizeof terms[0], sizeof index_[0], by_first);
}

/* The length of the longest term at cps[i], or 0. */
static size_t term_at(const uint32_t *cps, size_t n, size_t i) {
  size_t lo = 0, hi = sizeof terms / sizeof terms[0];
  while (lo < hi) { /* the first term starting with cps[i] or after it */
    size_t mid = (lo + hi) / 2;
    if (index_[mid].cps[0] < cps[i])
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t best = 0;
  for (size_t t = lo; t < sizeof terms / sizeof terms[0] && index_[t].cps[0] == cps[i]; t++)
    if (index_[t].len > best && i + index_[t].len <= n &&
        memcmp(index_[t].cps, cps + i, index_[t].len * sizeof *cps) == 0)
      best = index_[t].len;
  return best;
}

static bool suffix(uint32_t c) {
  for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++)
    if (suffixes[k] == c)
      return true;
  return false;
}

void er_lexicon_join(const uint32_t *cps, size_t n, uint8_t *boundary) {
  pthread_once(&indexed, build_index);
  for (size_t i = 0; i < n; i++) {
    if (i + 1 < n && er_is_han(cps[i]) && suffix(cps[i + 1]))
      boundary[i] = 0;
    size_t len = term_at(cps, n, i);
    for (size_t k = i; k + 1 < i + len; k++)
      boundary[k] = 0;
  }
}
