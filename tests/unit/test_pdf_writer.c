/* The PDF writer over hand-made documents (pdf/pdf.h): a long table
 * repeats its header rows on every page and a merged cell its text on
 * both sides of a break; a row taller than a page splits and keeps all
 * its text, its short cells set again on the next page; column widths go
 * to the column whose text runs long, short headers keep their line, cells
 * break between words; footnotes sit at the foot of their page (a long one goes on
 * over the next); a table may begin with an empty cell, and header rows
 * taller than half a page are not repeated; the cover's fields go on over
 * the next page when they fill one; a style profile that can
 * make no page is refused; lists, sup, sub and br; every kind of chart;
 * bookmarks for h1 to h3; the same bytes twice. Text is read back with
 * pdftotext, bookmarks with qpdf; exits 77 (skipped) without them or
 * without Chinese fonts. */
#include "pdf_support.h"

#include <stdarg.h>
#include <unistd.h>

#include "doc/doc.h"
#include "doc/style.h"
#include "pdf/pdf.h"

/* ---- building documents ---- */

typedef struct buf {
  char *s;
  size_t len, cap;
} buf;

static void put(buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (b->len + (size_t)n + 1 > b->cap) {
    b->cap = 2 * (b->len + (size_t)n + 1);
    b->s = realloc(b->s, b->cap);
    assert_non_null(b->s);
  }
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

/* Typesets a body of XHTML into NAME.pdf; the test is skipped without
 * fonts. */
static void typeset(const char *body, const char *name, bool draft) {
  buf x = {0};
  put(&x, "<html><head><title>测试报告</title></head><body>%s</body></html>", body);
  er_diag d;
  er_diag_init(&d, "test.xhtml");
  er_doc *doc = er_doc_parse(x.s, x.len, &d);
  if (!doc)
    er_diag_print(&d, stderr);
  assert_non_null(doc);
  er_diag sd;
  er_diag_init(&sd, "gbt9704.yaml");
  er_style *style = er_style_load(ER_SOURCE_DIR "/templates/styles/gbt9704.yaml", &sd);
  assert_non_null(style);
  er_pdf_opts opts = {.draft = draft, .info = {.title = "测试报告", .created = -1}};
  bool ok = er_pdf_document(doc, style, &opts, scratch_path(name), &d);
  if (!ok) {
    er_diag_print(&d, stderr);
    test_skip(); /* no fonts */
  }
  er_style_free(style);
  er_doc_free(doc);
  er_diag_free(&sd);
  er_diag_free(&d);
  free(x.s);
}

/* The text of each page without white space or page numbers (pdftotext
 * -raw: in the order it is drawn); *count pages. */
static char **pages_of(const char *name, int *count) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "pdftotext -raw -enc UTF-8 '%s' '%s' 2>'%s'", scratch_path(name),
           scratch_path("pages.txt"), scratch_path("stderr.txt"));
  assert_true(test_run(cmd));
  size_t err_len;
  free(test_slurp(scratch_path("stderr.txt"), &err_len));
  assert_int_equal(err_len, 0);
  char *all = test_slurp(scratch_path("pages.txt"), NULL);
  char **pages = calloc(512, sizeof *pages);
  assert_non_null(pages);
  int n = 0;
  for (char *p = all; p && *p && n < 512;) {
    char *end = strchr(p, '\f');
    if (end)
      *end = '\0';
    /* drop the page number line "— N —" */
    char *folio = strstr(p, "— ");
    while (folio) {
      char *close = strstr(folio + 4, " —");
      char *nl = strchr(folio, '\n');
      if (close && (!nl || close < nl))
        memset(folio, ' ', (size_t)(close + strlen(" —") - folio));
      folio = strstr(folio + 1, "— ");
    }
    pages[n++] = strdup(test_squeeze_space(p));
    p = end ? end + 1 : NULL;
  }
  free(all);
  *count = n;
  return pages;
}

static void free_pages(char **pages, int n) {
  for (int i = 0; i < n; i++)
    free(pages[i]);
  free(pages);
}

/* ---- tests ---- */

static void long_table_repeats_its_header_and_merged_cell(void **state) {
  (void)state;
  buf b = {0};
  put(&b,
      "<p>表格之前的段落。</p><table><caption>表1 长表格</caption>"
      "<thead><tr><th>合并列</th><th>序号列</th><th class=\"num\">数值列</th></tr></thead><tbody>");
  for (int r = 1; r <= 90; r++) {
    put(&b, "<tr>");
    if (r == 1)
      put(&b, "<td rowspan=\"60\">跨页的合并单元格</td>");
    if (r == 61)
      put(&b, "<td rowspan=\"30\">第二个合并单元格</td>");
    put(&b, "<td>第%d行</td><td class=\"num\">%d.50</td></tr>", r, r);
  }
  put(&b, "</tbody></table><p>表格之后的段落。</p>");
  typeset(b.s, "table.pdf", false);
  free(b.s);
  int n;
  char **pages = pages_of("table.pdf", &n);
  assert_true(n >= 3);
  int with_rows = 0, with_merged = 0;
  for (int i = 0; i < n; i++) {
    if (!strstr(pages[i], "行"))
      continue;
    with_rows++;
    if (!strstr(pages[i], "合并列序号列数值列"))
      fail_msg("page %d has rows but no header: %s", i + 1, pages[i]);
    if (strstr(pages[i], "第1行") || strstr(pages[i], "第60行"))
      with_merged += strstr(pages[i], "跨页的合并单元格") != NULL;
  }
  assert_true(with_rows >= 3);
  assert_true(with_merged >= 2); /* on the pages of its first and last rows */
  /* every row once and in order */
  char *all = calloc(1, 1);
  for (int i = 0; i < n; i++) {
    all = realloc(all, strlen(all) + strlen(pages[i]) + 1);
    strcat(all, pages[i]);
  }
  const char *at = all;
  for (int r = 1; r <= 90; r++) {
    char row[32];
    snprintf(row, sizeof row, "第%d行%d.50", r, r);
    const char *found = strstr(at, row);
    if (!found)
      fail_msg("row %d missing or out of order", r);
    at = found;
  }
  free(all);
  free_pages(pages, n);
}

/* Columns whose unbreakable numbers cannot all fit the block, and a cell
 * taller than a page: the table keeps its role's size (小四, 12 pt; no
 * word comes back smaller) and its continuation pages say 续表. */
static void table_never_set_below_its_size(void **state) {
  (void)state;
  buf b = {0}, row = {0};
  put(&b, "<table><caption>表3-1 宽表</caption><thead><tr>");
  for (int k = 0; k < 9; k++) {
    put(&b, "<th>第%d列</th>", k);
    put(&row, "<td>%d23456789012345678901234</td>", k);
  }
  put(&b, "</tr></thead><tbody><tr>%s</tr><tr><td colspan=\"9\">", row.s);
  for (int i = 0; i < 200; i++)
    put(&b, "第%d句很长的单元格文字。", i);
  put(&b, "</td></tr></tbody></table>");
  typeset(b.s, "wide.pdf", false);
  char cmd[512];
  snprintf(cmd, sizeof cmd, "pdftotext -bbox -enc UTF-8 '%s' '%s'", scratch_path("wide.pdf"),
           scratch_path("wide.html"));
  assert_true(test_run(cmd));
  char *html = test_slurp(scratch_path("wide.html"), NULL);
  assert_non_null(html);
  size_t words = 0;
  for (const char *w = strstr(html, "<word "); w; w = strstr(w + 1, "<word ")) {
    double x0, y0, x1, y1;
    assert_int_equal(
        sscanf(w, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &x0, &y0, &x1, &y1),
        4);
    if (y1 - y0 < 11.9)
      fail_msg("a word %.2f pt high: %.60s", y1 - y0, w);
    words++;
  }
  assert_true(words > 100);
  free(html);
  int n;
  char **pages = pages_of("wide.pdf", &n);
  assert_true(n >= 2);
  assert_non_null(strstr(pages[1], "续表3-1"));
  free_pages(pages, n);
  free(row.s);
  free(b.s);
}

static void row_taller_than_a_page_splits(void **state) {
  (void)state;
  buf b = {0}, text = {0};
  for (int i = 0; i < 140; i++)
    put(&text, "第%d句很长的单元格文字。", i);
  put(&b,
      "<table><thead><tr><th>项目</th><th>说明</th></tr></thead><tbody>"
      "<tr><td>长行</td><td>%s</td></tr><tr><td>短行</td><td>结束</td></tr></tbody></table>",
      text.s);
  typeset(b.s, "tall.pdf", false);
  int n;
  char **pages = pages_of("tall.pdf", &n);
  assert_true(n >= 2);
  /* the cell's text comes back whole across the pages, headers aside */
  char *all = calloc(1, 1);
  for (int i = 0; i < n; i++) {
    char *head = strstr(pages[i], "项目说明");
    assert_non_null(head);
    /* on the pages after the first, the row's short cell again: 长行 */
    const char *again = i > 0 ? "项目说明长行" : "项目说明";
    if (strncmp(head, again, strlen(again)))
      fail_msg("page %d does not start with %s: %.60s", i + 1, again, head);
    memmove(head, head + strlen(again), strlen(head + strlen(again)) + 1);
    all = realloc(all, strlen(all) + strlen(pages[i]) + 1);
    strcat(all, pages[i]);
  }
  const char *at = all;
  for (int i = 0; i < 140; i++) {
    char piece[64];
    snprintf(piece, sizeof piece, "第%d句很长的单元格文字。", i);
    const char *found = strstr(at, piece);
    if (!found)
      fail_msg("sentence %d missing or out of order", i);
    at = found;
  }
  assert_non_null(strstr(at, "短行结束"));
  free(all);
  free(text.s);
  free(b.s);
  free_pages(pages, n);
}

/* A row shorter than a page but taller than the half page left splits
 * there, rather than go over whole and leave the half page empty. */
static void tall_row_fills_the_page(void **state) {
  (void)state;
  buf b = {0}, text = {0};
  for (int i = 0; i < 8; i++)
    put(&b, "<p>第%d段正文，让表格前面的正文占去大约半页的位置。</p>", i);
  for (int i = 0; i < 90; i++) /* some 30 lines: less than a page */
    put(&text, "第%d句单元格文字。", i);
  put(&b,
      "<table><thead><tr><th>项目</th><th>说明</th></tr></thead><tbody>"
      "<tr><td>短行</td><td>一</td></tr><tr><td>短行</td><td>二</td></tr>"
      "<tr><td>短行</td><td>三</td></tr><tr><td>短行</td><td>四</td></tr>"
      "<tr><td>长行</td><td>%s</td></tr></tbody></table>",
      text.s);
  typeset(b.s, "tallrow.pdf", false);
  int n;
  char **pages = pages_of("tallrow.pdf", &n);
  assert_int_equal(n, 2);
  assert_non_null(strstr(pages[0], "第0句单元格文字。"));
  assert_non_null(strstr(pages[1], "第89句单元格文字。"));
  assert_null(strstr(pages[0], "第89句单元格文字。"));
  free(text.s);
  free(b.s);
  free_pages(pages, n);
}

/* A 200-row table whose 一级指标 runs over several pages and 二级指标 over
 * ten rows each, with tall rows and a row taller than a page: no page the
 * table goes on from ends with more than a quarter of it empty, each page
 * it goes on to says 续表5-1, and the merged cells cut by a break show their
 * text again there (tests/pdf_tables.py reads the frames and the text). */
static void merged_groups_fill_their_pages(void **state) {
  (void)state;
  buf b = {0};
  put(&b, "<p>表格之前的段落。</p><table><caption>表5-1 合并单元格跨页</caption>"
          "<thead><tr><th>一级指标</th><th>二级指标</th><th>说明</th></tr></thead><tbody>");
  uint64_t seed = 15;
  for (int r = 0; r < 200; r++) {
    put(&b, "<tr>");
    if (r % 50 == 0)
      put(&b, "<td rowspan=\"50\">第%d组一级指标</td>", r / 50 + 1);
    if (r % 10 == 0)
      put(&b, "<td rowspan=\"10\">第%d项二级指标</td>", r / 10 + 1);
    put(&b, "<td>第%d行", r + 1);
    int sentences = r == 120 ? 400 : (int)(test_rand(&seed) % 9 == 0 ? 20 : test_rand(&seed) % 4);
    for (int k = 0; k < sentences; k++)
      put(&b, "，说明文字第%d句", k);
    put(&b, "。</td></tr>");
  }
  put(&b, "</tbody></table><p>表格之后的段落。</p>");
  typeset(b.s, "groups.pdf", false);
  free(b.s);
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "python3 '%s/tests/pdf_tables.py' '%s'", ER_SOURCE_DIR,
           scratch_path("groups.pdf"));
  assert_true(test_run(cmd));
  int n;
  char **pages = pages_of("groups.pdf", &n);
  int continued = 0;
  for (int i = 0; i < n; i++)
    continued += strstr(pages[i], "续表5-1一级指标二级指标说明") != NULL;
  assert_true(continued >= 8);
  free_pages(pages, n);
}

/* Ten columns, too many for each to hold four characters, where the
 * colgroup gives the first two 4% each: they take from the others, which
 * have more than their own terms need, the width of theirs (a header of
 * up to seven characters, a value of up to four), each on one line. */
static void short_terms_keep_their_line(void **state) {
  (void)state;
  buf b = {0};
  put(&b, "<table><caption>表6-1 列宽</caption><colgroup><col width=\"4%%\"/>"
          "<col width=\"4%%\"/>");
  for (int k = 0; k < 8; k++)
    put(&b, "<col width=\"11.5%%\"/>");
  put(&b, "</colgroup><thead><tr><th>一级指标</th><th>年度指标值</th>");
  for (int k = 0; k < 8; k++)
    put(&b, "<th>说明%d</th>", k);
  put(&b, "</tr></thead><tbody><tr><td>产出指标</td><td>应保尽保</td>");
  for (int k = 0; k < 8; k++)
    put(&b, "<td>第%d列很长的说明文字，需要换行</td>", k);
  put(&b, "</tr></tbody></table>");
  typeset(b.s, "terms.pdf", false);
  free(b.s);
  char cmd[512];
  snprintf(cmd, sizeof cmd,
           "pdftotext -raw -enc UTF-8 '%s' - | grep -q '^一级指标 年度指标值 ' && "
           "pdftotext -raw -enc UTF-8 '%s' - | grep -q '^产出指标 应保尽保'",
           scratch_path("terms.pdf"), scratch_path("terms.pdf"));
  assert_true(test_run(cmd));
}

/* The first table's column widths, pt, as the layout gives them to the
 * DOCX (er_pdf_heading_folios); its number of columns. */
typedef struct widths {
  int n;
  double w[16];
  bool done;
} widths;

static void keep_widths(void *ctx, const er_pdf_table_layout *t) {
  widths *w = ctx;
  if (w->done)
    return;
  w->done = true;
  w->n = t->ncols < 16 ? t->ncols : 16;
  for (int k = 0; k < w->n; k++)
    w->w[k] = t->colx[k + 1] - t->colx[k];
}

static widths columns_of(const char *body) {
  buf x = {0};
  put(&x, "<html><head><title>测试报告</title></head><body>%s</body></html>", body);
  er_diag d;
  er_diag_init(&d, "test.xhtml");
  er_doc *doc = er_doc_parse(x.s, x.len, &d);
  assert_non_null(doc);
  er_diag sd;
  er_diag_init(&sd, "gbt9704.yaml");
  er_style *style = er_style_load(ER_SOURCE_DIR "/templates/styles/gbt9704.yaml", &sd);
  assert_non_null(style);
  widths w = {0};
  int folio;
  if (!er_pdf_heading_folios(doc, style, NULL, &folio, 0, keep_widths, NULL, &w, &d))
    test_skip(); /* no fonts */
  assert_true(w.done);
  er_style_free(style);
  er_doc_free(doc);
  er_diag_free(&sd);
  er_diag_free(&d);
  free(x.s);
  return w;
}

/* An outline table as jialing's 表2-4: 一级 and 二级 hold four characters
 * each, 三级指标 sentences. Width goes to the column whose text runs long:
 * 三级指标 holds at least nine characters a line (it had seven, its
 * longest cell twelve lines deep), the short columns keep their terms on
 * one line (4 characters of 12 pt and the padding). */
static void long_column_takes_the_room(void **state) {
  (void)state;
  buf b = {0};
  put(&b, "<table><caption>表2-4 绩效指标</caption><thead><tr><th>一级指标</th><th>二级指标</th>"
          "<th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>完成情况</th></tr></thead>"
          "<tbody>");
  static const char *rows[][4] = {
      {"孤儿、艾滋病病毒感染儿童、事实无人抚养儿童认定准确率", "100%", "100%", "达成"},
      {"城乡特困人员基本生活标准", "高于上年", "城市962元/月、农村693元/月，分别增长8.8%和11.1%",
       "达成"},
      {"为自愿前来救助站或由公安等部门护送来站的生活无着的流浪乞讨人员提供救助", "及时送返",
       "及时送返，大大减少了街面流浪乞讨等行为的发生", "达成"},
      {"临时救助水平", "不低于上年", "逐年提高，不低于上年", "达成"}};
  for (int r = 0; r < 8; r++) {
    put(&b, "<tr>");
    if (r == 0)
      put(&b, "<td rowspan=\"4\">产出指标</td><td rowspan=\"4\">数量指标</td>");
    if (r == 4)
      put(&b, "<td rowspan=\"4\">满意度指标</td><td rowspan=\"4\">社会效益指标</td>");
    put(&b, "<td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", rows[r % 4][0], rows[r % 4][1],
        rows[r % 4][2], rows[r % 4][3]);
  }
  put(&b, "</tbody></table>");
  widths w = columns_of(b.s);
  assert_int_equal(w.n, 6);
  double pad = 2 * 0.35 * 12;
  assert_true(w.w[2] >= 9 * 12 + pad);
  for (int k = 0; k < 6; k++)
    if (k != 2)
      assert_true(w.w[k] >= 4 * 12 + pad - 0.01);
  free(b.s);
}

/* The head of a 自评表 at the national widths (8, 8, 10, 17, 12, 12, 6, 7,
 * 20%, in 五号): 项目名称, the rows `between`, the 绩效指标 header row. */
static void put_self_eval_head(buf *b, const char *between) {
  static const int pct[] = {8, 8, 10, 17, 12, 12, 6, 7, 20};
  put(b, "<table class=\"small\"><colgroup>");
  for (int k = 0; k < 9; k++)
    put(b, "<col width=\"%d%%\"/>", pct[k]);
  put(b,
      "</colgroup><tbody><tr><th>项目名称</th><td colspan=\"8\">困难群众救助补助资金</td></tr>%s"
      "<tr><th rowspan=\"4\">绩效指标</th><th>一级指标</th><th>二级指标</th><th>三级指标</th>"
      "<th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th>"
      "<th>偏差原因分析及改进措施</th></tr>",
      between);
}

/* The 自评表's national widths, too narrow for every header to keep its
 * line: the short ones do (一级指标 in its 8%, 年度指标值), taking the room
 * from the long header's column, which goes to four lines. */
static void header_term_takes_room_from_others(void **state) {
  (void)state;
  buf b = {0};
  put_self_eval_head(
      &b, "<tr><th rowspan=\"2\">项目资金（万元）</th><th colspan=\"2\"></th><th>年初预算数</th>"
          "<th>全年预算数</th><th>全年执行数</th><th>分值</th><th>执行率</th><th>得分</th></tr>"
          "<tr><td colspan=\"2\">年度资金总额</td><td>13571.19</td><td>13571.19</td>"
          "<td>13356.23</td><td>10</td><td>98.42%</td><td>9.84</td></tr>");
  for (int r = 0; r < 3; r++) {
    put(&b, "<tr>");
    if (r == 0)
      put(&b, "<td rowspan=\"3\">产出指标</td><td rowspan=\"3\">数量指标</td>");
    put(&b,
        "<td>城乡低保对象人数%d</td><td>应保尽保</td><td>31625人</td><td>4</td><td>4</td>"
        "<td></td></tr>",
        r);
  }
  put(&b, "</tbody></table>");
  widths w = columns_of(b.s);
  for (int k = 0; k < w.n; k++)
    fprintf(stderr, "W%d %.1f\n", k, w.w[k]);
  assert_int_equal(w.n, 9);
  double size = 10.5, pad = 2 * 0.35 * size;
  /* each header of up to seven characters on one line: 项目名称, 一级指标,
   * 二级指标, 年初预算数, 全年预算数, 全年执行数, 分值, 得分 */
  static const int chars[] = {4, 4, 4, 5, 5, 5, 2, 2};
  for (int k = 0; k < 8; k++)
    if (w.w[k] < chars[k] * size + pad - 0.01)
      fail_msg("column %d: %.2f pt, narrower than its header", k, w.w[k]);
  /* and the long one in four lines of three at worst (偏差原/因分析/及改进/措施) */
  assert_true(w.w[8] >= 3 * size + pad);
  typeset(b.s, "self.pdf", false);
  free(b.s);
  char cmd[512];
  snprintf(cmd, sizeof cmd,
           "pdftotext -raw -enc UTF-8 '%s' - | grep -q '一级指标 二级指标 三级指标 年度指标值'",
           scratch_path("self.pdf"));
  assert_true(test_run(cmd));
}

/* A row of four cells holding `text`, each column eight to nine
 * characters wide, typeset as `name`.pdf; `check`, a shell condition on
 * its text in $T (pdftotext -raw: each cell's lines one by one), holds. */
static void four_cells(const char *text, const char *name, const char *check) {
  buf b = {0};
  put(&b, "<table><tbody><tr>");
  for (int k = 0; k < 4; k++)
    put(&b, "<td>%s</td>", text);
  put(&b, "</tr></tbody></table>");
  widths w = columns_of(b.s);
  assert_int_equal(w.n, 4);
  double pad = 2 * 0.35 * 12;
  assert_true(w.w[0] >= 8 * 12 + pad && w.w[0] < 9 * 12 + pad);
  char pdf[64], cmd[1024];
  snprintf(pdf, sizeof pdf, "%s.pdf", name);
  typeset(b.s, pdf, false);
  free(b.s);
  snprintf(cmd, sizeof cmd, "T='%s.txt' && pdftotext -raw -enc UTF-8 '%s' \"$T\" && %s",
           scratch_path(name), scratch_path(pdf), check);
  assert_true(test_run(cmd));
}

/* Four columns of eight characters holding 区困难群众救助补助资金: the line
 * breaks between words (区困难群众救助|补助资金), not after the eighth
 * character (…救助补|助资金), at the same two lines. */
static void cell_breaks_between_words(void **state) {
  (void)state;
  four_cells("区困难群众救助补助资金", "words",
             "test $(grep -c '^区困难群众救助$' \"$T\") = 4 && "
             "test $(grep -c '^补助资金$' \"$T\") = 4 && ! grep -q '救助补' \"$T\"");
}

/* Four columns of eight and a half characters holding 组织保障工作已到位,
 * nine: broken anywhere, 位 would end each cell alone (…已到|位); a
 * character or a word is pulled down instead (ICU's words: 组织保障工作|
 * 已到位), at the same two lines. */
static void cell_keeps_no_character_alone(void **state) {
  (void)state;
  four_cells("组织保障工作已到位", "alone",
             "test $(grep -c '^组织保障' \"$T\") = 4 && test $(grep -c '.到位$' \"$T\") = 4 && "
             "! grep -qx '位' \"$T\"");
}

/* The 自评表 at the national widths, its 三级指标 sentences of thirty
 * characters and more: at the five characters the header terms leave it
 * they run eleven lines. A row deeper than six lines is worth 年度指标值 and
 * 实际完成值 in two lines: 三级指标 holds at least six characters a line,
 * while 一级指标 and 二级指标 keep theirs. */
static void deep_rows_take_room_from_headers(void **state) {
  (void)state;
  buf b = {0};
  put_self_eval_head(&b, "");
  static const char *third[] = {
      "为自愿前来救助站或由公安等部门护送来站的生活无着的流浪乞讨人员提供救助",
      "孤儿、艾滋病病毒感染儿童、事实无人抚养儿童认定准确率及纳入保障范围率",
      "困难群众基本生活救助政策按时足额落实到位情况"};
  for (int r = 0; r < 3; r++) {
    put(&b, "<tr>");
    if (r == 0)
      put(&b, "<td rowspan=\"3\">产出指标</td><td rowspan=\"3\">数量指标</td>");
    put(&b, "<td>%s</td><td>应保尽保</td><td>100%%</td><td>4</td><td>4</td><td></td></tr>",
        third[r]);
  }
  put(&b, "</tbody></table>");
  widths w = columns_of(b.s);
  free(b.s);
  assert_int_equal(w.n, 9);
  double size = 10.5, pad = 2 * 0.35 * size;
  if (w.w[3] < 6 * size + pad)
    fail_msg("三级指标: %.2f pt, under six characters", w.w[3]);
  assert_true(w.w[1] >= 4 * size + pad - 0.01 && w.w[2] >= 4 * size + pad - 0.01);
}

/* Groups of three rows under a merged label, over several pages of one
 * line rows: a group may start at the foot of a page with its first row
 * (its label is set again over the page), so every page the table goes
 * on from holds as many rows as the full ones; before, a page ending on
 * a group's first row sent it over and held a row fewer. */
static void merged_group_starts_at_the_foot(void **state) {
  (void)state;
  buf b = {0};
  put(&b, "<table><caption>表7-1 分组</caption><thead><tr><th>分组</th><th>序号</th>"
          "<th>说明</th></tr></thead><tbody>");
  for (int r = 0; r < 150; r++) {
    put(&b, "<tr>");
    if (r % 3 == 0)
      put(&b, "<td rowspan=\"3\">第%d组</td>", r / 3 + 1);
    put(&b, "<td>第%d行</td><td>说明</td></tr>", r + 1);
  }
  put(&b, "</tbody></table>");
  typeset(b.s, "foot.pdf", false);
  free(b.s);
  int n;
  char **pages = pages_of("foot.pdf", &n);
  assert_true(n >= 5);
  int most = 0, rows[512] = {0};
  for (int i = 0; i < n; i++) {
    for (const char *p = pages[i]; (p = strstr(p, "行")); p += strlen("行"))
      rows[i]++;
    most = rows[i] > most ? rows[i] : most;
  }
  for (int i = 1; i + 1 < n; i++) /* the pages after the first, but the last */
    if (rows[i] != most)
      fail_msg("page %d: %d rows, where a full one holds %d", i + 1, rows[i], most);
  free_pages(pages, n);
}

/* A row split over two pages by a long 说明: its short cells (the 三级指标
 * name, the 分值) are set again at the top of its part on the second page. */
static void split_row_repeats_its_short_cells(void **state) {
  (void)state;
  buf b = {0}, text = {0};
  for (int i = 0; i < 20; i++)
    put(&b, "<p>第%d段正文，让表格从页面的中部开始。</p>", i);
  for (int i = 0; i < 150; i++)
    put(&text, "第%d句很长的说明。", i);
  put(&b,
      "<table><thead><tr><th>三级指标</th><th>分值</th><th>说明</th></tr></thead><tbody>"
      "<tr><td>城乡特困人员基本生活标准</td><td>3</td><td>%s</td></tr>"
      "<tr><td>临时救助水平</td><td>2</td><td>结束</td></tr></tbody></table>",
      text.s);
  typeset(b.s, "again.pdf", false);
  free(text.s);
  free(b.s);
  int n;
  char **pages = pages_of("again.pdf", &n);
  int parts = 0;
  for (int i = 0; i < n; i++) {
    const char *said = strstr(pages[i], "句很长的说明");
    if (!said)
      continue;
    parts++;
    /* the name and the 分值, after the header and before the part's lines */
    const char *name = strstr(pages[i], "三级指标分值说明城乡特困人员基本生活标准3");
    if (!name || name > said)
      fail_msg("page %d: part of the row without its name: %.80s", i + 1, pages[i]);
  }
  assert_true(parts >= 2);
  free_pages(pages, n);
}

static void footnote_at_the_foot_of_its_page(void **state) {
  (void)state;
  buf b = {0};
  for (int i = 0; i < 12; i++)
    put(&b, "<p>第%d段正文，用来填满页面的一部分，使脚注所在的段落落在第一页的中间。</p>", i);
  put(&b, "<p>引用脚注的段落<sup>1</sup>。</p>"
          "<aside class=\"footnote\">1 这是脚注的文字，应当排在本页的下端。</aside>");
  for (int i = 12; i < 30; i++)
    put(&b, "<p>第%d段正文，继续填满页面，直到下一页。</p>", i);
  typeset(b.s, "notes.pdf", false);
  free(b.s);
  int n;
  char **pages = pages_of("notes.pdf", &n);
  assert_true(n >= 2);
  int at = -1;
  for (int i = 0; i < n; i++)
    if (strstr(pages[i], "引用脚注的段落1。"))
      at = i;
  assert_true(at >= 0);
  /* on the page of its reference, after all the body text there */
  const char *note = strstr(pages[at], "1这是脚注的文字，应当排在本页的下端。");
  assert_non_null(note);
  char last[64];
  snprintf(last, sizeof last, "段正文");
  const char *body = pages[at], *after = NULL;
  for (const char *p = body; (p = strstr(p, last)); p++)
    after = p;
  assert_true(after && after < note);
  /* and below it in position: the last line of the page (pdftotext -layout) */
  char cmd[512];
  snprintf(cmd, sizeof cmd,
           "pdftotext -layout -f %d -l %d -enc UTF-8 '%s' - | tr -d '\\f' | grep -v '^ *— *[0-9]* "
           "*— *$' | "
           "grep -v '^ *$' | tail -n 1 | grep -q '应当排在本页的下端'",
           at + 1, at + 1, scratch_path("notes.pdf"));
  assert_true(test_run(cmd));
  free_pages(pages, n);
}

/* A note longer than the room left on its reference's page starts there
 * and goes on at the foot of the next page, rather than leaving the page
 * half empty. */
static void long_footnote_goes_on_overleaf(void **state) {
  (void)state;
  buf b = {0};
  for (int i = 0; i < 9; i++) /* two lines each: the reference on line 19 of 22 */
    put(&b, "<p>第%d段正文，用来填满页面的大部分，使引用脚注的段落落在页面的下部。</p>", i);
  put(&b, "<p>引用脚注的段落<sup>1</sup>。</p><aside class=\"footnote\">1 ");
  for (int i = 0; i < 60; i++)
    put(&b, "脚注第%d句。", i);
  put(&b, "</aside>");
  for (int i = 15; i < 40; i++)
    put(&b, "<p>第%d段正文，继续填满页面。</p>", i);
  typeset(b.s, "overleaf.pdf", false);
  free(b.s);
  int n;
  char **pages = pages_of("overleaf.pdf", &n);
  int at = -1;
  for (int i = 0; i < n; i++)
    if (strstr(pages[i], "引用脚注的段落1。"))
      at = i;
  assert_true(at >= 0 && at + 1 < n);
  assert_non_null(strstr(pages[at], "1脚注第0句。"));     /* starts on its reference's page */
  assert_null(strstr(pages[at], "脚注第29句。"));         /* not all of it */
  assert_non_null(strstr(pages[at + 1], "脚注第29句。")); /* the rest overleaf */
  free_pages(pages, n);
}

/* fuzz_layout: a note taller than a page made the room left on the page
 * negative (undefined when converted to a count of lines) and was drawn
 * above the text block; it goes on at the foot of the pages after. */
static void footnote_taller_than_a_page_goes_on(void **state) {
  (void)state;
  buf b = {0};
  put(&b, "<p>引用长脚注的段落。</p><aside class=\"footnote\">");
  for (int i = 0; i < 300; i++)
    put(&b, "脚注第%d句。", i);
  /* small print after it, of several lines: placed without snapping to the grid */
  put(&b, "</aside><p class=\"note\">");
  for (int i = 0; i < 10; i++)
    put(&b, "脚注之后的段落，");
  put(&b, "共两行以上。</p>");
  typeset(b.s, "longnote.pdf", false);
  free(b.s);
  int n;
  char **pages = pages_of("longnote.pdf", &n);
  assert_true(n >= 2);
  char *all = calloc(1, 1);
  for (int i = 0; i < n; i++) {
    assert_true(strlen(pages[i]) > 0);
    all = realloc(all, strlen(all) + strlen(pages[i]) + 1);
    strcat(all, pages[i]);
  }
  /* the paragraph after the note is on the page where the note goes on,
   * drawn before it: take it out, so the note's parts join up (a page may
   * end inside one of its sentences) */
  assert_non_null(strstr(all, "共两行以上。"));
  const char *body[] = {"脚注之后的段落，", "共两行以上。"};
  for (size_t k = 0; k < 2; k++)
    for (char *p; (p = strstr(all, body[k]));)
      memmove(p, p + strlen(body[k]), strlen(p + strlen(body[k])) + 1);
  const char *at = strstr(all, "引用长脚注的段落。");
  assert_non_null(at);
  for (int i = 0; i < 300; i++) {
    char piece[64];
    snprintf(piece, sizeof piece, "脚注第%d句。", i);
    const char *found = strstr(at, piece);
    if (!found)
      fail_msg("sentence %d of the note missing or out of order", i);
    at = found;
  }
  free(all);
  free_pages(pages, n);
  /* and nothing above the text block (the note's first lines were) */
  char cmd[512];
  snprintf(cmd, sizeof cmd, "pdftotext -bbox -enc UTF-8 '%s' '%s'", scratch_path("longnote.pdf"),
           scratch_path("longnote.html"));
  assert_true(test_run(cmd));
  char *html = test_slurp(scratch_path("longnote.html"), NULL);
  for (const char *word = html; (word = strstr(word, "<word ")); word++) {
    const char *y = strstr(word, "yMin=\"");
    assert_non_null(y);
    if (strtod(y + strlen("yMin=\""), NULL) < 37 * ER_MM - 1)
      fail_msg("text above the text block: %.80s", word);
  }
  free(html);
}

/* fuzz_layout: a table whose first cell is empty measured that cell from
 * a null pointer (no spans yet). */
static void table_beginning_with_an_empty_cell(void **state) {
  (void)state;
  typeset("<table><tbody><tr><td></td><td>有文字的单元格</td></tr></tbody></table>", "empty.pdf",
          false);
  int n;
  char **pages = pages_of("empty.pdf", &n);
  assert_int_equal(n, 1);
  assert_non_null(strstr(pages[0], "有文字的单元格"));
  free_pages(pages, n);
}

/* fuzz_layout: header rows taller than a page, drawn again on every page,
 * left no room for a body row and the table took page after page for
 * ever; a head that tall is set once, as rows of the body. So is a body's
 * own header row (th across the whole width) that tall. */
static void header_taller_than_a_page_is_not_repeated(void **state) {
  (void)state;
  buf b = {0}, text = {0};
  for (int i = 0; i < 400; i++) /* taller than a page, however wide */
    put(&text, "表头第%d句。", i);
  put(&b,
      "<table><colgroup><col width=\"10%%\"/></colgroup>"
      "<thead><tr><th>%s</th><th>窄</th><th>窄</th><th>窄</th><th>窄</th></tr></thead>"
      "<tbody><tr><td>甲行</td><td>1</td><td>2</td><td>3</td><td>4</td></tr>"
      "<tr><td>乙行</td><td>1</td><td>2</td><td>3</td><td>4</td></tr></tbody></table>"
      "<table><colgroup><col width=\"10%%\"/></colgroup>"
      "<tbody><tr><td>首行</td><td>1</td></tr><tr><th>%s</th><th>窄</th></tr>"
      "<tr><td>丙行</td><td>1</td></tr></tbody></table><p>表格之后的段落。</p>",
      text.s, text.s);
  typeset(b.s, "tallhead.pdf", false);
  int n;
  char **pages = pages_of("tallhead.pdf", &n);
  assert_true(n >= 2 && n < 20);
  char *all = calloc(1, 1);
  for (int i = 0; i < n; i++) {
    all = realloc(all, strlen(all) + strlen(pages[i]) + 1);
    strcat(all, pages[i]);
  }
  static const char *const order[] = {
      "表头第399句。", "甲行", "乙行", "首行", "表头第399句。", "丙行", "表格之后的段落。"};
  const char *at = all;
  for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
    const char *found = strstr(at, order[i]);
    if (!found)
      fail_msg("%s missing or out of order", order[i]);
    at = found + 1;
  }
  free(all);
  free(text.s);
  free(b.s);
  free_pages(pages, n);
}

/* fuzz_layout: the cover's fields kept a pointer to their page's style
 * while rows too tall for the page began new pages, which moved the pages
 * (a use after free once there were eight); they were also drawn over
 * each other on the first page. Rows go on over the next page. */
static void cover_fields_running_over_pages(void **state) {
  (void)state;
  buf b = {0}, value = {0};
  for (int i = 0; i < 20; i++) /* some 11 lines: two rows fill the page */
    put(&value, "第%d项封面字段的值很长。", i);
  for (int i = 0; i < 7; i++)
    put(&b, "<p>第%d页前文。</p><div class=\"page-break\"/>", i);
  put(&b, "<section class=\"cover\"><h1>封面</h1><table class=\"fields\"><tbody>");
  for (int k = 0; k < 4; k++)
    put(&b, "<tr><th>字段%d</th><td>%s</td></tr>", k, value.s);
  put(&b, "</tbody></table></section><p>封面之后的正文。</p>");
  typeset(b.s, "cover.pdf", false);
  int n;
  char **pages = pages_of("cover.pdf", &n);
  char *all = calloc(1, 1);
  for (int i = 0; i < n; i++) {
    all = realloc(all, strlen(all) + strlen(pages[i]) + 1);
    strcat(all, pages[i]);
  }
  const char *at = all;
  for (int k = 0; k < 4; k++)
    for (int i = 0; i < 20; i++) {
      char piece[64];
      snprintf(piece, sizeof piece, "第%d项封面字段的值很长。", i);
      const char *found = strstr(at, piece);
      if (!found)
        fail_msg("row %d, sentence %d missing or out of order", k, i);
      at = found + 1;
    }
  assert_non_null(strstr(at, "封面之后的正文。"));
  free(all);
  free(value.s);
  free(b.s);
  free_pages(pages, n);
}

/* The gbt9704 profile with `from` replaced by `to`, loaded. */
static er_style *style_with(const char *from, const char *to, er_diag *d) {
  char *text = test_slurp(ER_SOURCE_DIR "/templates/styles/gbt9704.yaml", NULL);
  char *at = strstr(text, from);
  assert_non_null(at);
  buf b = {0};
  put(&b, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
  FILE *f = fopen(scratch_path("style.yaml"), "w");
  assert_non_null(f);
  fputs(b.s, f);
  fclose(f);
  free(b.s);
  free(text);
  return er_style_load(scratch_path("style.yaml"), d);
}

/* A profile `render --template DIR` may bring: a page of a size PDF has
 * not (libharu's pages ended as null pointers: a crash), a font size or a
 * line pitch of zero (divisions by zero, then undefined conversions), or
 * a text block without room for a character, is refused as it loads. */
static void style_that_cannot_make_a_page_is_refused(void **state) {
  (void)state;
  static const char *const edits[][2] = {
      {"width: 210mm", "width: 1mm"},
      {"height: 297mm", "height: 0mm"},
      {"height: 297mm", "height: 14401pt"},
      {"size: 16pt", "size: 0pt"},
      {"line_pitch: 28.99pt", "line_pitch: 0pt"},
      {"left: 28mm", "left: 200mm"},
      {"top: 37mm", "top: 290mm"},
  };
  for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
    er_diag d;
    er_diag_init(&d, "style.yaml");
    er_style *s = style_with(edits[i][0], edits[i][1], &d);
    if (s)
      fail_msg("%s was taken", edits[i][1]);
    assert_non_null(find_finding(&d, "style"));
    er_diag_free(&d);
  }
  /* a text block of three characters is taken, and typeset */
  er_diag d;
  er_diag_init(&d, "style.yaml");
  er_style *s = style_with("right: 26mm", "right: 160mm", &d);
  assert_non_null(s);
  const char *x = "<html><body><h2>一、窄版心</h2><p>正文段落，比版心宽得多。</p>"
                  "<table><tbody><tr><td>单元格</td><td>12,345.67</td></tr></tbody></table>"
                  "</body></html>";
  er_doc *doc = er_doc_parse(x, strlen(x), &d);
  assert_non_null(doc);
  er_pdf_opts opts = {.info = {.created = -1}};
  if (!er_pdf_document(doc, s, &opts, scratch_path("narrow.pdf"), &d))
    test_skip(); /* no fonts */
  er_doc_free(doc);
  er_style_free(s);
  er_diag_free(&d);
}

static void lists_scripts_and_breaks(void **state) {
  (void)state;
  typeset("<h1>标题</h1><ol><li>第一项</li><li>第二项</li></ol><ul><li>无序项</li></ul>"
          "<p>水的化学式是H<sub>2</sub>O，面积单位m<sup>2</sup>。<br/>换行之后的文字。"
          "<strong>加粗</strong><em>强调</em><span class=\"x\">普通</span></p>",
          "inline.pdf", false);
  int n;
  char **pages = pages_of("inline.pdf", &n);
  assert_int_equal(n, 1);
  assert_non_null(strstr(pages[0], "1.第一项"));
  assert_non_null(strstr(pages[0], "2.第二项"));
  assert_non_null(strstr(pages[0], "•无序项"));
  assert_non_null(strstr(pages[0], "H2O"));
  assert_non_null(strstr(pages[0], "m2。"));
  assert_non_null(strstr(pages[0], "换行之后的文字。加粗强调普通"));
  free_pages(pages, n);
}

static void every_kind_of_chart(void **state) {
  (void)state;
  static const char *const kinds[] = {"bar", "hbar", "pie", "stacked"};
  buf b = {0};
  for (size_t k = 0; k < 4; k++)
    put(&b,
        "<figure class=\"chart\" data-kind=\"%s\" data-unit=\"%%\"><data "
        "value=\"98.42\">决策</data>"
        "<data value=\"75\">过程</data><data value=\"60.5\">产出</data>"
        "<figcaption>图%zu %s图</figcaption></figure>",
        kinds[k], k + 1, kinds[k]);
  typeset(b.s, "charts.pdf", false);
  free(b.s);
  int n;
  char **pages = pages_of("charts.pdf", &n);
  char *all = calloc(1, 1);
  for (int i = 0; i < n; i++) {
    all = realloc(all, strlen(all) + strlen(pages[i]) + 1);
    strcat(all, pages[i]);
  }
  for (size_t k = 0; k < 4; k++) {
    char caption[32];
    snprintf(caption, sizeof caption, "图%zu%s图", k + 1, kinds[k]);
    assert_non_null(strstr(all, caption));
  }
  assert_non_null(strstr(all, "98.42%"));
  assert_non_null(strstr(all, "决策"));
  assert_non_null(strstr(all, "（42.07%）")); /* the pie's share of 98.42 in 233.92 */
  free(all);
  free_pages(pages, n);
}

static void bookmarks_for_h1_to_h4(void **state) {
  (void)state;
  typeset("<section class=\"cover\"><h1>封面标题</h1></section><div class=\"page-break\"/>"
          "<h1>报告标题</h1><h2>一、第一章</h2><p>正文。</p><h3>（一）第一节</h3><p>正文。</p>"
          "<h4>1.第一小节</h4><p>正文。</p><h2>二、第二章</h2><p>正文。</p>",
          "outline.pdf", false);
  char cmd[512];
  snprintf(cmd, sizeof cmd, "qpdf --json --json-key=outlines '%s' >'%s' 2>&1",
           scratch_path("outline.pdf"), scratch_path("outline.json"));
  assert_true(test_run(cmd));
  char *json = test_slurp(scratch_path("outline.json"), NULL);
  static const char *const titles[] = {"\"title\": \"报告标题\"", "\"title\": \"一、第一章\"",
                                       "\"title\": \"（一）第一节\"", "\"title\": \"1.第一小节\"",
                                       "\"title\": \"二、第二章\""};
  for (size_t i = 0; i < 5; i++)
    if (!strstr(json, titles[i]))
      fail_msg("no bookmark %s: %s", titles[i], json);
  /* nested: the chapters inside the title's kids, the section inside the first chapter's */
  const char *kids = strstr(json, "\"kids\": [\n        {");
  assert_non_null(kids);
  assert_true(strstr(json, "\"title\": \"（一）第一节\"") <
              strstr(json, "\"title\": \"一、第一章\""));
  assert_null(strstr(json, "封面标题"));
  /* the fourth level is inside the third, before the next chapter */
  assert_true(strstr(json, "\"title\": \"1.第一小节\"") <
              strstr(json, "\"title\": \"（一）第一节\""));
  free(json);
  /* the cover has no page number, the next page is — 1 — */
  int n;
  char **pages = pages_of("outline.pdf", &n);
  assert_true(n >= 2);
  free_pages(pages, n);
  snprintf(cmd, sizeof cmd,
           "pdftotext -f 1 -l 1 '%s' - | grep -q '—' && exit 1; "
           "pdftotext -f 2 -l 2 '%s' - | grep -q '— 1 —'",
           scratch_path("outline.pdf"), scratch_path("outline.pdf"));
  assert_true(test_run(cmd));
}

static void same_document_same_bytes(void **state) {
  (void)state;
  const char *body = "<h1>报告</h1><p>正文段落，带有数字98.42%和英文PDF。</p>"
                     "<table><tbody><tr><td>甲</td><td>乙</td></tr></tbody></table>"
                     "<figure class=\"chart\" data-kind=\"pie\"><data value=\"1\">一</data>"
                     "<data value=\"2\">二</data></figure>";
  typeset(body, "a.pdf", true);
  typeset(body, "b.pdf", true);
  size_t a_len, b_len;
  char *a = test_slurp(scratch_path("a.pdf"), &a_len),
       *b = test_slurp(scratch_path("b.pdf"), &b_len);
  assert_int_equal(a_len, b_len);
  assert_memory_equal(a, b, a_len);
  free(a);
  free(b);
}

int main(void) {
  if (!test_run("command -v pdftotext >/dev/null && command -v qpdf >/dev/null")) {
    fprintf(stderr, "skipped: no pdftotext or qpdf\n");
    return 77;
  }
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(long_table_repeats_its_header_and_merged_cell),
      cmocka_unit_test(row_taller_than_a_page_splits),
      cmocka_unit_test(tall_row_fills_the_page),
      cmocka_unit_test(merged_groups_fill_their_pages),
      cmocka_unit_test(short_terms_keep_their_line),
      cmocka_unit_test(long_column_takes_the_room),
      cmocka_unit_test(header_term_takes_room_from_others),
      cmocka_unit_test(cell_breaks_between_words),
      cmocka_unit_test(cell_keeps_no_character_alone),
      cmocka_unit_test(deep_rows_take_room_from_headers),
      cmocka_unit_test(merged_group_starts_at_the_foot),
      cmocka_unit_test(split_row_repeats_its_short_cells),
      cmocka_unit_test(table_never_set_below_its_size),
      cmocka_unit_test(footnote_at_the_foot_of_its_page),
      cmocka_unit_test(footnote_taller_than_a_page_goes_on),
      cmocka_unit_test(long_footnote_goes_on_overleaf),
      cmocka_unit_test(table_beginning_with_an_empty_cell),
      cmocka_unit_test(header_taller_than_a_page_is_not_repeated),
      cmocka_unit_test(cover_fields_running_over_pages),
      cmocka_unit_test(style_that_cannot_make_a_page_is_refused),
      cmocka_unit_test(lists_scripts_and_breaks),
      cmocka_unit_test(every_kind_of_chart),
      cmocka_unit_test(bookmarks_for_h1_to_h4),
      cmocka_unit_test(same_document_same_bytes),
  };
  return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
