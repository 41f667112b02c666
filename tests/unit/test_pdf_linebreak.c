/* Line breaking and justification: the GB/T 15834 rules on examples, then
 * as properties over a generated corpus of mixed Chinese, Latin and number
 * paragraphs laid out on the GB/T 9704 grid. */
#include "pdf_support.h"

#include "doc/linebreak.h"

#include <math.h>

#include <unicode/ubrk.h>

/* ---- the break rules on examples ---- */

/* breaks[i] after each code point of `text`; returns the count. */
static size_t breaks_of(er_linebreaker *lb, const char *text, uint32_t *cps, uint8_t *breaks) {
  size_t n = 0, len = strlen(text);
  for (size_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(text, i, len, c);
    cps[n++] = (uint32_t)c;
  }
  assert_true(er_linebreaks(lb, cps, n, breaks));
  return n;
}

/* Whether a line may end after the `k`th code point of `text`. */
static bool may_break_after(er_linebreaker *lb, const char *text, size_t k) {
  uint32_t cps[256];
  uint8_t breaks[256];
  size_t n = breaks_of(lb, text, cps, breaks);
  assert_true(k < n);
  return breaks[k] != ER_BREAK_NONE;
}

/* No break strictly inside `text`. */
static void assert_whole(er_linebreaker *lb, const char *text) {
  uint32_t cps[256];
  uint8_t breaks[256];
  size_t n = breaks_of(lb, text, cps, breaks);
  for (size_t i = 0; i + 1 < n; i++)
    if (breaks[i] != ER_BREAK_NONE)
      fail_msg("“%s” may break after code point %zu", text, i);
  assert_int_equal(breaks[n - 1], ER_BREAK_MANDATORY);
}

static void follows_the_rules_of_gbt15834(void **state) {
  (void)state;
  er_linebreaker *lb = er_linebreaker_new();
  assert_non_null(lb);
  /* between two ideographs: yes */
  assert_true(may_break_after(lb, "绩效评价", 1));
  /* before a closing mark, after an opening one: no */
  const char *closing[] = {"评，价", "评。价", "评、价", "评；价", "评：价", "评？价",
                           "评！价", "评）价", "评》价", "评」价", "评』价", "评”价",
                           "评’价",  "评%价",  "评‰价",  "评,价",  "评.价",  "评;价",
                           "评:价",  "评?价",  "评!价",  "评)价",  "评·价"};
  for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
    if (may_break_after(lb, closing[i], 0))
      fail_msg("a line may start with the mark of “%s”", closing[i]);
  const char *opening[] = {"评（价", "评《价", "评「价", "评『价", "评“价", "评‘价"};
  for (size_t i = 0; i < sizeof opening / sizeof opening[0]; i++) {
    if (may_break_after(lb, opening[i], 1))
      fail_msg("a line may end with the mark of “%s”", opening[i]);
    assert_true(may_break_after(lb, opening[i], 0)); /* before it is fine */
  }
  /* after a closing quote in Chinese text, UAX #14 says no, Chinese says yes */
  assert_true(may_break_after(lb, "“好”字", 2));
  /* dashes and ellipses are never split */
  assert_false(may_break_after(lb, "问题——特别", 2));
  assert_false(may_break_after(lb, "等等……为", 2));
  /* numbers with their units */
  const char *whole[] = {"36038.93万元", "98.42%", "2023年",    "12,345户", "≥90%",
                         "600元/人/月",  "-3.5个", "51223人次", "第3名",    "10:30"};
  for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
    assert_whole(lb, whole[i]);
  assert_true(may_break_after(lb, "资金36038.93万元共", 0));  /* before the number */
  assert_true(may_break_after(lb, "资金36038.93万元共", 11)); /* after the unit */
  /* a mandatory break stays one */
  uint32_t cps[8];
  uint8_t breaks[8];
  breaks_of(lb, "评\n价", cps, breaks);
  assert_int_equal(breaks[1], ER_BREAK_MANDATORY);
  er_linebreaker_free(lb);
}

/* ---- the generated corpus ---- */

/* A token the generator wrote, that no line may split, except before
 * `unit`: an amount's unit of two characters or more (30.00|万元) may start
 * the next line rather than leave a loose one. */
typedef struct token {
  size_t start, end; /* bytes */
  size_t unit;       /* where such a unit starts; 0 for none */
} token;

typedef struct corpus_para {
  char text[2048];
  size_t len;
  token whole[128];
  size_t nwhole;
} corpus_para;

static const char *const words[] = {
    "绩效", "评价", "资金", "管理", "项目", "城乡", "低保", "保障", "对象", "政策", "落实", "情况",
    "财政", "部门", "预算", "执行", "监督", "社会", "救助", "群众", "满意", "调查", "指标", "体系",
    "考核", "目标", "完成", "工作", "机制", "动态", "规范", "及时", "准确", "发放", "审核", "审批",
    "乡镇", "街道", "村",   "社区", "县",   "市",   "区",   "的",   "和",   "在",
};
static const char *const marks[] = {"，", "，", "，", "。", "、", "、", "；", "：", "？", "！"};
static const char *const pairs[][2] = {
    {"（", "）"}, {"《", "》"}, {"「", "」"}, {"“", "”"}, {"‘", "’"}};
static const char *const units[] = {"万元", "元", "%", "人", "户", "人次", "年", "个", "‰", "亿元"};
static const char *const latin[] = {"PDF",   "Excel",      "GB/T",   "ICU", "HarfBuzz", "the",
                                    "quick", "evaluation", "report", "OK",  "A1",       "B12"};

static void put(corpus_para *p, const char *s) {
  size_t n = strlen(s);
  assert_true(p->len + n < sizeof p->text);
  memcpy(p->text + p->len, s, n);
  p->len += n;
  p->text[p->len] = '\0';
}

static void put_whole(corpus_para *p, const char *s) {
  assert_true(p->nwhole < sizeof p->whole / sizeof p->whole[0]);
  p->whole[p->nwhole].start = p->len;
  put(p, s);
  p->whole[p->nwhole++].end = p->len;
}

static void put_number(corpus_para *p, uint64_t *rng) {
  char num[64];
  unsigned long long v = test_rand(rng) % 1000000, cents = test_rand(rng) % 100;
  const char *unit = units[test_pick(rng, 10)];
  switch (test_pick(rng, 4)) {
  case 0:
    snprintf(num, sizeof num, "%llu.%02llu%s", v, cents, unit);
    break;
  case 1:
    snprintf(num, sizeof num, "%llu.%02llu%%", v % 100, cents);
    break;
  case 2:
    snprintf(num, sizeof num, "%llu年", 1990 + v % 40);
    break;
  default:
    snprintf(num, sizeof num, "%llu,%03llu%s", v % 1000 + 1, v % 1000, unit);
  }
  size_t at = p->len, digits = strcspn(num, "万元%人户次年个‰亿");
  put_whole(p, num);
  if (num[digits] && strlen(num + digits) >= 6) /* two characters */
    p->whole[p->nwhole - 1].unit = at + digits;
}

static void generate(corpus_para *p, uint64_t *rng) {
  memset(p, 0, sizeof *p);
  size_t target = 40 + test_pick(rng, 260); /* bytes, roughly a line to four */
  bool open = false;
  size_t pair = 0;
  while (p->len < target) {
    size_t r = test_pick(rng, 100);
    if (r < 55)
      put(p, words[test_pick(rng, sizeof words / sizeof words[0])]);
    else if (r < 67)
      put(p, marks[test_pick(rng, sizeof marks / sizeof marks[0])]);
    else if (r < 77)
      put_number(p, rng);
    else if (r < 83) {
      put(p, " ");
      put(p, latin[test_pick(rng, sizeof latin / sizeof latin[0])]);
      put(p, " ");
    } else if (r < 90 && !open) {
      pair = test_pick(rng, 5);
      put(p, pairs[pair][0]);
      open = true;
    } else if (r < 95 && open) {
      put(p, pairs[pair][1]);
      open = false;
    } else if (r < 97)
      put_whole(p, "——");
    else if (r < 99)
      put_whole(p, "……");
    else
      put(p, "。”");
  }
  if (open)
    put(p, pairs[pair][1]);
  put(p, "。");
}

static bool no_start(uint32_t c) {
  static const char set[] = "，。、；：？！）》」』”’%‰,.;:?!)";
  char s[5] = {0};
  size_t n = 0;
  U8_APPEND_UNSAFE(s, n, c);
  return strstr(set, s) != NULL;
}

static bool no_end(uint32_t c) {
  static const char set[] = "（《「『“‘(";
  char s[5] = {0};
  size_t n = 0;
  U8_APPEND_UNSAFE(s, n, c);
  return strstr(set, s) != NULL;
}

#define CORPUS_SIZE 3000

static void corpus_lines_obey_the_rules(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "corpus");
  er_fontset *fs = test_fonts(&d);
  er_linebreaker *lb = er_linebreaker_new();
  er_para_style st = test_body_style();
  uint64_t rng = 20231010;
  size_t lines = 0, justified = 0, numbers = 0;
  static corpus_para p;
  for (int n = 0; n < CORPUS_SIZE; n++) {
    generate(&p, &rng);
    er_span span = {.text = p.text, .len = p.len, .role = ER_ROLE_BODY, .size = 16};
    er_para para;
    assert_true(er_para_layout(&para, fs, lb, &span, 1, &st, &d));
    assert_memory_equal(para.text, p.text, p.len); /* valid UTF-8 in the BMP is kept as is */
    size_t prev_end = 0;
    for (size_t l = 0; l < para.nlines; l++) {
      const er_line *line = &para.lines[l];
      assert_true(line->nruns > 0);
      uint32_t first, last;
      test_line_ends(&para, line, &first, &last);
      if (l > 0 && no_start(first))
        fail_msg("paragraph %d line %zu starts with U+%04X: %s", n, l, first, p.text);
      if (l + 1 < para.nlines && no_end(last))
        fail_msg("paragraph %d line %zu ends with U+%04X: %s", n, l, last, p.text);
      /* no character lost: only spaces between one line and the next */
      size_t start = para.runs[line->first_run].start;
      for (size_t i = prev_end; i < start; i++)
        assert_int_equal(p.text[i], ' ');
      const er_run *z = &para.runs[line->first_run + line->nruns - 1];
      prev_end = z->start + z->len;
      /* no number, dash or ellipsis split */
      for (size_t t = 0; l > 0 && t < p.nwhole; t++)
        if (start > p.whole[t].start && start < p.whole[t].end && start != p.whole[t].unit)
          fail_msg("paragraph %d line %zu splits “%.*s”", n, l,
                   (int)(p.whole[t].end - p.whole[t].start), p.text + p.whole[t].start);
      /* every line but the last fills the measure; none overflows it */
      double right = z->x + z->width;
      assert_true(right <= st.measure + 0.5);
      assert_true(line->width - right < 1e-9 && right - line->width < 1e-9);
      if (l + 1 < para.nlines) {
        if (right < st.measure - 0.5 || right > st.measure + 0.5)
          fail_msg("paragraph %d line %zu ends at %.2f of %.2f pt: %s", n, l, right, st.measure,
                   p.text);
        justified++;
      }
      lines++;
    }
    assert_int_equal(prev_end, p.len); /* the last line ends the text */
    numbers += p.nwhole;
    er_para_free(&para);
  }
  assert_int_equal(d.count, 0); /* every character found a font */
  print_message("%d paragraphs, %zu lines (%zu justified), %zu numbers, dashes and ellipses "
                "kept whole\n",
                CORPUS_SIZE, lines, justified, numbers);
  er_linebreaker_free(lb);
  er_fontset_free(fs);
  er_diag_free(&d);
}

/* ---- prose: lines that are not loose ---- */

static void line_text(const er_para *para, size_t l, char out[256]);

/* A paragraph as reports write them: clauses of words, amounts with their
 * units, an aside in brackets, between commas and enumeration marks. */
static void generate_prose(corpus_para *p, uint64_t *rng) {
  static const char *const amounts[] = {"万元", "元", "%", "人次", "户", "亿元", "元/人/月"};
  memset(p, 0, sizeof *p);
  size_t clauses = 2 + test_pick(rng, 9);
  for (size_t c = 0; c < clauses; c++) {
    size_t n = 2 + test_pick(rng, 5);
    for (size_t w = 0; w < n; w++)
      put(p, words[test_pick(rng, sizeof words / sizeof words[0])]);
    if (test_pick(rng, 3) == 0) {
      char num[64];
      snprintf(num, sizeof num, "%llu.%02llu%s", (unsigned long long)test_pick(rng, 200000),
               (unsigned long long)test_pick(rng, 100),
               amounts[test_pick(rng, sizeof amounts / sizeof amounts[0])]);
      put(p, num);
    }
    if (test_pick(rng, 8) == 0) {
      put(p, "（");
      for (size_t w = 0; w < 2 + test_pick(rng, 3); w++)
        put(p, words[test_pick(rng, sizeof words / sizeof words[0])]);
      put(p, "）");
    }
    put(p, c + 1 == clauses ? "。" : test_pick(rng, 4) == 0 ? "、" : "，");
  }
}

/* Whether a line of the paragraph ends inside or just before an amount
 * (a digit ends it or starts the next), which may not split. */
static bool amount_at_a_line_end(const er_para *para) {
  for (size_t l = 0; l + 1 < para->nlines; l++) {
    uint32_t first, last, next, end;
    test_line_ends(para, &para->lines[l], &first, &last);
    test_line_ends(para, &para->lines[l + 1], &next, &end);
    if ((next >= '0' && next <= '9') || (last >= '0' && last <= '9'))
      return true;
  }
  return false;
}

/* No justified line of prose stretches the gap between two characters by
 * more than 0.1 em: the line ends are chosen for the whole paragraph, and
 * an amount's unit may start a line (30.00|万元) where keeping it with its
 * number would leave the line before loose. Only an amount that does not
 * fit — its digits never split, and a unit such as 元/人/月 may be long —
 * may still leave a line of its paragraph loose. */
static void prose_lines_are_not_loose(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "prose");
  er_fontset *fs = test_fonts(&d);
  er_linebreaker *lb = er_linebreaker_new();
  er_para_style st = test_body_style();
  double natural = st.wide_em * 16 - 16; /* a grid character's spacing, unstretched */
  uint64_t rng = 15834;
  static corpus_para p;
  size_t justified = 0, loose = 0, excused = 0;
  double worst = 0;
  for (int n = 0; n < 2000; n++) {
    generate_prose(&p, &rng);
    er_span span = {.text = p.text, .len = p.len, .role = ER_ROLE_BODY, .size = 16};
    er_para para;
    assert_true(er_para_layout(&para, fs, lb, &span, 1, &st, &d));
    bool excuse = amount_at_a_line_end(&para);
    for (size_t l = 0; l + 1 < para.nlines; l++, justified++) {
      double most = 0; /* the line's stretch a gap */
      for (size_t r = para.lines[l].first_run; r < para.lines[l].first_run + para.lines[l].nruns;
           r++)
        if (para.runs[r].len > 3) /* of one character, its spacing is the gap after it */
          most = fmax(most, (para.runs[r].char_space - natural) / 16);
      if (most <= 0.1 + 1e-6) {
        worst = fmax(worst, most);
        continue;
      }
      loose++;
      excused += excuse;
      if (!excuse) {
        char text[256];
        line_text(&para, l, text);
        fail_msg("paragraph %d line %zu stretched %.3f em a gap: %s", n, l, most, text);
      }
    }
    er_para_free(&para);
  }
  print_message("%zu justified lines of prose: %zu loose, all beside an amount; the others stretch "
                "%.3f em a gap at most\n",
                justified, loose, worst);
  assert_true(justified > 1000);
  assert_int_equal(loose, excused);
  er_linebreaker_free(lb);
  er_fontset_free(fs);
  er_diag_free(&d);
}

/* A web address breaks after its slashes and dots, never inside "//" */
static void urls_break_after_slashes(void **state) {
  (void)state;
  er_linebreaker *lb = er_linebreaker_new();
  assert_non_null(lb);
  const char *text = "详见https://www.mca.gov.cn/zwgk/fvfg。";
  /* 0 详 1 见 2 h … 7 : 8 / 9 / 10 w … 13 . … 17 . 18 g 19 o 20 v 21 . 22 c 23 n 24 / */
  assert_false(may_break_after(lb, text, 8));  /* inside // */
  assert_true(may_break_after(lb, text, 9));   /* after // */
  assert_true(may_break_after(lb, text, 13));  /* www. */
  assert_true(may_break_after(lb, text, 24));  /* cn/ */
  assert_false(may_break_after(lb, text, 19)); /* inside gov */
  er_linebreaker_free(lb);
}

/* ---- titles: balanced, broken between words ---- */

/* Words of report titles, joined at random into titles of 18 to 60
 * characters. */
static const char *const title_words[] = {
    "2018年度", "南充市", "城乡",     "低保", "补助",     "资金", "专项", "支出", "绩效",    "评价",
    "报告",     "嘉陵区", "民政局",   "中央", "转移支付", "区域", "目标", "困难", "群众",    "救助",
    "的",       "自评",   "特困人员", "供养", "临时",     "医疗", "工作", "项目", "管理",    "办法",
    "（",       "）",     "、",       "关于", "开展",     "预算", "社会", "保障", "最低生活"};

/* Whether ICU's word breaker (zh) puts a boundary `at` code points into `cps`. */
static bool icu_word_boundary(const uint32_t *cps, size_t n, size_t at) {
  UChar text[512];
  int32_t len = 0;
  for (size_t i = 0; i < n; i++)
    text[len++] = (UChar)cps[i];
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", text, len, &status);
  assert_true(U_SUCCESS(status));
  bool yes = ubrk_isBoundary(bi, (int32_t)at);
  ubrk_close(bi);
  return yes;
}

static bool han(uint32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

static void titles_break_between_words(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "titles");
  er_fontset *fs = test_fonts(&d);
  er_linebreaker *lb = er_linebreaker_new();
  er_para_style st = {
      .measure = 28 * 15.78, .wide_em = 1, .align = ER_ALIGN_CENTER, .squeeze = true};
  uint64_t rng = 9704;
  size_t wrapped = 0;
  for (int t = 0; t < 300; t++) {
    char text[512] = "";
    size_t chars = 18 + test_pick(&rng, 42);
    while (strlen(text) / 3 < chars)
      strcat(text, title_words[test_pick(&rng, sizeof title_words / sizeof title_words[0])]);
    er_span span = {.text = text, .len = strlen(text), .role = ER_ROLE_TITLE, .size = 22};
    er_para para;
    double inset;
    assert_true(er_para_layout_balanced(&para, fs, lb, &span, 1, &st, &d, &inset));
    uint32_t cps[256];
    size_t n = 0;
    for (size_t i = 0; i < para.len && n < 256;) {
      UChar32 c;
      U8_NEXT(para.text, i, para.len, c);
      cps[n++] = (uint32_t)c;
    }
    for (size_t l = 1; l < para.nlines; l++) {
      size_t start = para.runs[para.lines[l].first_run].start, at = 0;
      for (size_t i = 0; i < start;)
        at += ((unsigned char)para.text[i++] & 0xC0) != 0x80;
      if (han(cps[at - 1]) && han(cps[at]) && !icu_word_boundary(cps, n, at))
        fail_msg("title %d breaks inside a word at %zu: %s", t, at, text);
      wrapped++;
    }
    er_para_free(&para);
  }
  print_message("%zu title lines wrapped, all between words\n", wrapped);
  assert_true(wrapped > 100);
  er_linebreaker_free(lb);
  er_fontset_free(fs);
  er_diag_free(&d);
}

/* The domain's words that ICU's dictionary splits into characters (低|保,
 * 到|位, 知晓|率) hold together where a title or a cell breaks between
 * words; the words around them still end where ICU says. */
static void domain_terms_stay_whole(void **state) {
  (void)state;
  er_linebreaker *lb = er_linebreaker_new();
  static const struct {
    const char *text;
    size_t from, to; /* the term: code points [from, to) */
  } cases[] = {
      {"资金到位率达到百分之百", 2, 5}, {"城乡低保补助资金", 2, 4}, {"特困供养人员", 2, 4},
      {"坚持应保尽保原则", 2, 6},       {"群众知晓率较高", 2, 5},   {"评分表汇总", 0, 3},
      {"政策的规范性和及时性", 3, 6},
  };
  size_t icu_split = 0;
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    uint32_t cps[64];
    uint8_t breaks[64];
    size_t n = breaks_of(lb, cases[k].text, cps, breaks);
    for (size_t i = cases[k].from; i + 1 < cases[k].to; i++)
      icu_split += icu_word_boundary(cps, n, i + 1);
    assert_true(er_phrase_breaks(lb, cps, n, breaks));
    for (size_t i = cases[k].from; i + 1 < cases[k].to; i++)
      if (breaks[i] != ER_BREAK_NONE)
        fail_msg("“%s” may break inside its term after code point %zu", cases[k].text, i);
    /* a break between words is left where ICU puts it */
    if (cases[k].to < n && icu_word_boundary(cps, n, cases[k].to))
      assert_int_not_equal(breaks[cases[k].to - 1], ER_BREAK_NONE);
  }
  assert_true(icu_split >= sizeof cases / sizeof cases[0]); /* why the lexicon is there */
  er_linebreaker_free(lb);
}

/* Line l of a paragraph as UTF-8, without a line feed that ends it. */
static void line_text(const er_para *para, size_t l, char out[256]) {
  const er_line *line = &para->lines[l];
  out[0] = '\0';
  if (!line->nruns)
    return;
  size_t a = para->runs[line->first_run].start;
  const er_run *z = &para->runs[line->first_run + line->nruns - 1];
  size_t len = z->start + z->len - a;
  assert_true(len < 256);
  memcpy(out, para->text + a, len);
  out[len] = '\0';
  if (len && out[len - 1] == '\n')
    out[len - 1] = '\0';
}

/* The lines of a title laid out as the report sets it (二号 on the 156 mm
 * type area), each as UTF-8 in lines[k]; returns their number. */
static size_t title_lines(er_fontset *fs, er_linebreaker *lb, const char *text, char lines[][256],
                          double *spread) {
  er_diag d;
  er_diag_init(&d, "title");
  er_para_style st = {
      .measure = 156 / 25.4 * 72, .wide_em = 1, .align = ER_ALIGN_CENTER, .squeeze = true};
  er_span span = {.text = text, .len = strlen(text), .role = ER_ROLE_TITLE, .size = 22};
  er_para para;
  double inset, lo = 1e9, hi = 0;
  assert_true(er_para_layout_balanced(&para, fs, lb, &span, 1, &st, &d, &inset));
  for (size_t l = 0; l < para.nlines; l++) {
    const er_line *line = &para.lines[l];
    line_text(&para, l, lines[l]);
    lo = line->width < lo ? line->width : lo;
    hi = line->width > hi ? line->width : hi;
  }
  *spread = (hi - lo) / 22;
  size_t n = para.nlines;
  er_para_free(&para);
  er_diag_free(&d);
  return n;
}

/* GB/T 9704 §7.3.1: a title's lines keep each phrase whole — the three
 * samples' titles break where a phrase ends, not inside "中、省对地方",
 * a bracketed phrase or between "供" and "养" — and stay of even length. */
static void titles_keep_phrases_whole(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "titles");
  er_fontset *fs = test_fonts(&d);
  er_linebreaker *lb = er_linebreaker_new();
  char lines[8][256];
  double spread;
  size_t n = title_lines(fs, lb,
                         "南充市嘉陵区民政局2023年度中、省对地方转移支付区域绩效目标"
                         "（困难群众救助补助资金）的自评报告",
                         lines, &spread);
  assert_int_equal(n, 3);
  assert_string_equal(lines[0], "南充市嘉陵区民政局2023年度");
  assert_string_equal(lines[1], "中、省对地方转移支付区域绩效目标");
  assert_string_equal(lines[2], "（困难群众救助补助资金）的自评报告");
  assert_true(spread <= 4.5);
  n = title_lines(fs, lb,
                  "城市低保、临时救助、特困人员供养、涉诉救助、精减退职职工生活补助、"
                  "城乡医疗救助等工作绩效评价报告",
                  lines, &spread);
  assert_int_equal(n, 3);
  for (size_t l = 0; l + 1 < n; l++) /* each line ends with an item of the list */
    assert_string_equal(lines[l] + strlen(lines[l]) - 3, "、");
  assert_true(spread <= 3);
  er_linebreaker_free(lb);
  er_fontset_free(fs);
  er_diag_free(&d);
}

/* The lines of a paragraph of the body's 附件 list (GB/T 9704 §7.3.4) as
 * the report sets it (三号 on the 28-character grid, two characters in,
 * hanging by `label` characters), laid out by `phrased`
 * or greedily; returns their number. */
static size_t annex_lines(er_fontset *fs, er_linebreaker *lb, const char *text, double label,
                          bool phrased, char lines[][256]) {
  er_diag d;
  er_diag_init(&d, "annex");
  double pitch = 156 / 25.4 * 72 / 28;
  er_para_style st = {.measure = (28 - 2 - label) * pitch,
                      .wide_em = pitch / 16,
                      .indent = -label * pitch,
                      .align = ER_ALIGN_START,
                      .squeeze = true,
                      .phrases = true};
  er_span span = {.text = text, .len = strlen(text), .role = ER_ROLE_BODY, .size = 16};
  er_para para;
  assert_true(phrased ? er_para_layout_phrased(&para, fs, lb, &span, 1, &st, &d)
                      : er_para_layout(&para, fs, lb, &span, 1, &st, &d));
  for (size_t l = 0; l < para.nlines && l < 8; l++)
    line_text(&para, l, lines[l]);
  size_t n = para.nlines;
  er_para_free(&para);
  er_diag_free(&d);
  return n;
}

/* The body's 附件 list breaks a long name where a phrase ends, on full
 * lines: a greedy fill broke 三区汇|总） while ICU's dictionary took 汇总
 * for two words (the lexicon keeps it whole now), and still leaves 汇总）
 * alone on the last line. The text's own line break (a second
 * name, "2.…" under the first) stays where it is. */
static void annex_list_keeps_phrases_whole(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "annex");
  er_fontset *fs = test_fonts(&d);
  er_linebreaker *lb = er_linebreaker_new();
  char lines[8][256];
  const char *name = "附件1：南充市城乡低保补助资金专项支出绩效评价指标体系评分表"
                     "（市本级及顺庆、高坪、嘉陵三区汇总）";
  size_t n = annex_lines(fs, lb, name, 4, false, lines);
  assert_int_equal(n, 3);
  assert_string_equal(lines[2], "汇总）"); /* greedy: a short last line */
  n = annex_lines(fs, lb, name, 4, true, lines);
  assert_int_equal(n, 3);
  assert_string_equal(lines[0] + strlen(lines[0]) - 6, "评价");
  assert_string_equal(lines[1], "指标体系评分表（市本级及顺庆、高坪、");
  assert_string_equal(lines[2], "嘉陵三区汇总）");
  n = annex_lines(fs, lb,
                  "附件：1.南充市城乡低保补助资金专项支出绩效评价指标体系评分表"
                  "（市本级及顺庆、高坪、嘉陵三区汇总）\n2.调查问卷汇总表",
                  4, true, lines);
  assert_int_equal(n, 4);
  assert_string_equal(lines[2], "嘉陵三区汇总）");
  assert_string_equal(lines[3], "2.调查问卷汇总表");
  er_linebreaker_free(lb);
  er_fontset_free(fs);
  er_diag_free(&d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(follows_the_rules_of_gbt15834),
      cmocka_unit_test(corpus_lines_obey_the_rules),
      cmocka_unit_test(prose_lines_are_not_loose),
      cmocka_unit_test(titles_break_between_words),
      cmocka_unit_test(domain_terms_stay_whole),
      cmocka_unit_test(titles_keep_phrases_whole),
      cmocka_unit_test(annex_list_keeps_phrases_whole),
      cmocka_unit_test(urls_break_after_slashes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
