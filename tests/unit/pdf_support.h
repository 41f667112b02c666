/* Helpers shared by the PDF typesetting tests (test_pdf_*.c). */
#ifndef ER_TEST_PDF_SUPPORT_H
#define ER_TEST_PDF_SUPPORT_H

#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "pdf/pages.h"
#include "pdf/paragraph.h"
#include "pdf/typeset.h"

/* Skips the test (cmocka's skip() does not return, though it is not
 * declared so). */
static inline _Noreturn void test_skip(void) {
  skip();
  abort();
}

/* The font set, or the test is skipped when this machine has no Chinese
 * TrueType font (scripts/setup installs them). */
static inline er_fontset *test_fonts(er_diag *d) {
  er_fontset *fs = er_fontset_new(NULL, d);
  if (!fs) {
    er_diag_print(d, stderr);
    test_skip();
  }
  return fs;
}

/* splitmix64: a small deterministic generator, the same on every machine. */
static inline uint64_t test_rand(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static inline size_t test_pick(uint64_t *state, size_t n) { return (size_t)(test_rand(state) % n); }

/* The GB/T 9704 body paragraph style. */
static inline er_para_style test_body_style(void) {
  er_page_style page = er_page_style_gbt9704();
  double pitch = er_page_pitch(&page);
  return (er_para_style){.measure = page.block_width,
                         .wide_em = pitch / page.body_size,
                         .indent = 2 * pitch,
                         .align = ER_ALIGN_JUSTIFY,
                         .squeeze = true};
}

/* The first and last code points a line draws. */
static inline void test_line_ends(const er_para *p, const er_line *line, uint32_t *first,
                                  uint32_t *last) {
  const er_run *a = &p->runs[line->first_run], *z = &p->runs[line->first_run + line->nruns - 1];
  size_t i = a->start;
  UChar32 c;
  U8_NEXT_UNSAFE(p->text, i, c);
  *first = (uint32_t)c;
  i = z->start + z->len;
  U8_PREV_UNSAFE(p->text, i, c);
  *last = (uint32_t)c;
}

/* A two-page report excerpt: every kind of block, numbers, Latin, marks. */
static const er_block test_report[] = {
    {ER_BLOCK_TITLE, "南充市2018年城乡居民最低生活保障资金绩效评价报告"},
    {ER_BLOCK_H2, "一、基本情况"},
    {ER_BLOCK_H3, "（一）项目概况"},
    {ER_BLOCK_BODY, "根据《财政部关于印发〈项目支出绩效评价管理办法〉的通知》（财预〔2020〕10号）"
                    "要求，受南充市财政局委托，我公司对2018年南充市城乡居民最低生活保障资金开展了"
                    "绩效评价。2018年全市城乡低保资金共计36038.93万元，其中中央补助资金27583.00"
                    "万元，省级补助资金5210.47万元，市县两级配套资金3245.46万元。"},
    {ER_BLOCK_BODY, "截至2018年12月31日，全市累计支出低保资金35469.12万元，资金执行率98.42%，"
                    "结转结余569.81万元。全年共保障城市低保对象12,345户21,678人，农村低保对象"
                    "51223户98,765人；农村低保平均标准为每人每年4,020元（335元/人/月）。"},
    {ER_BLOCK_H3, "（二）绩效目标"},
    {ER_BLOCK_BODY, "项目总体目标是：“应保尽保、应退尽退”，确保困难群众基本生活得到保障。年度"
                    "绩效目标包括：低保对象认定准确率≥95%，资金发放及时率100%，群众满意度≥90%。"},
    {ER_BLOCK_H2, "二、绩效评价工作开展情况"},
    {ER_BLOCK_H4, "1. 评价目的"},
    {ER_BLOCK_BODY, "通过绩效评价，全面了解低保资金的使用管理情况和政策实施效果，总结经验做法，"
                    "查找存在问题——特别是动态管理方面的薄弱环节……为完善政策、改进管理、提高资金"
                    "使用效益提供参考依据。评价报告以PDF、HTML和Excel三种格式提交。"},
    {ER_BLOCK_H5, "（1）评价对象和范围"},
    {ER_BLOCK_BODY, "评价对象为2018年度南充市城乡低保资金，评价范围涵盖顺庆区、高坪区、嘉陵区、"
                    "阆中市、南部县、西充县、营山县、蓬安县、仪陇县等9个县（市、区），共抽查乡镇"
                    "（街道）27个、村（社区）81个，入户调查低保家庭810户，发放问卷1,620份，回收"
                    "有效问卷1,587份，有效率97.96%。"},
    {ER_BLOCK_BODY, "评价工作分为前期准备、现场评价、分析评价和撰写报告四个阶段。前期准备阶段，"
                    "评价组收集了政策文件、预算批复、资金拨付凭证和低保对象花名册，拟定了评价方案"
                    "和指标体系；现场评价阶段，评价组深入各县（市、区）民政部门、财政部门和乡镇"
                    "（街道）核查资料，开展问卷调查和入户走访；分析评价阶段，评价组对照指标体系逐项"
                    "打分，形成评价结论。"},
    {ER_BLOCK_BODY, "总体来看，南充市城乡低保资金管理规范，资金拨付及时，保障对象认定基本准确，"
                    "政策实施取得了良好的社会效益，综合得分88.38分，评价等级为“良好”。"},
};
#define TEST_REPORT_BLOCKS (sizeof test_report / sizeof test_report[0])

/* The report's text without white space, as text extraction should give it. */
static inline char *test_report_text(void) {
  size_t cap = 1;
  for (size_t i = 0; i < TEST_REPORT_BLOCKS; i++)
    cap += strlen(test_report[i].text);
  char *out = malloc(cap), *o = out;
  for (size_t i = 0; i < TEST_REPORT_BLOCKS; i++)
    for (const char *s = test_report[i].text; *s; s++)
      if (*s != ' ')
        *o++ = *s;
  *o = '\0';
  return out;
}

/* Removes white space (and form feeds) in place. */
static inline char *test_squeeze_space(char *s) {
  char *o = s;
  for (char *i = s; *i; i++)
    if (*i != ' ' && *i != '\n' && *i != '\f' && *i != '\t' && *i != '\r')
      *o++ = *i;
  *o = '\0';
  return s;
}

/* Runs a shell command; true when it exits 0. */
static inline bool test_run(const char *cmd) {
  int status = system(cmd);
  return status == 0;
}

/* Fails the test (cmocka's fail_msg() does not return either). */
static inline _Noreturn void test_fail(const char *what, const char *path) {
  fail_msg("%s: %s", what, path);
  abort();
}

/* The whole of a small file, NUL-terminated; the test fails when it
 * cannot be read. */
static inline char *test_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    test_fail("cannot read", path);
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n - 1 == 0) {
      cap *= 2;
      buf = realloc(buf, cap);
    }
  }
  fclose(f);
  if (!buf)
    test_fail("out of memory reading", path);
  buf[n] = '\0';
  if (len)
    *len = n;
  return buf;
}

/* A scratch directory for one test group's files: scratch_setup and
 * scratch_teardown are the group's setup and teardown (ER_TEST_KEEP=1 keeps
 * the files for a look); scratch_path names a file in it. */
static char scratch_dir[64];

static inline int scratch_setup(void **state) {
  (void)state;
  snprintf(scratch_dir, sizeof scratch_dir, "/tmp/evalreport-pdf-XXXXXX");
  return mkdtemp(scratch_dir) ? 0 : -1;
}

static inline int scratch_teardown(void **state) {
  (void)state;
  if (getenv("ER_TEST_KEEP"))
    return 0;
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch_dir);
  return test_run(cmd) ? 0 : -1;
}

/* A path in the scratch directory; the last four stay valid. */
static inline char *scratch_path(const char *name) {
  static char path[4][160];
  static int next;
  char *p = path[next++ % 4];
  snprintf(p, sizeof path[0], "%s/%s", scratch_dir, name);
  return p;
}

#endif
