/* The document tree: the language of doc.h parsed strictly — anything
 * outside it is an error with its line, never dropped — and text
 * normalized the way Chinese documents need. */
#include "support.h"

#include "doc/doc.h"
#include "doc/style.h"
#include "view/format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static er_doc *parse(const char *body, er_diag *d) {
  static char text[8192];
  snprintf(text, sizeof text,
           "<html lang=\"zh-CN\">\n<head><title>标题</title><meta name=\"style\" "
           "content=\"gbt9704\"/></head>\n<body>\n%s\n</body>\n</html>\n",
           body);
  er_diag_init(d, "doc");
  return er_doc_parse(text, strlen(text), d);
}

/* Parsing fails with one error on `line` whose message holds `word`. */
static void refused(const char *body, unsigned line, const char *word) {
  er_diag d;
  er_doc *doc = parse(body, &d);
  assert_null(doc);
  assert_true(d.errors >= 1);
  if (d.items[0].pos.line != line || !strstr(d.items[0].message, word))
    print_message("line %u: %s\n", d.items[0].pos.line, d.items[0].message);
  assert_int_equal(d.items[0].pos.line, line);
  assert_non_null(strstr(d.items[0].message, word));
  er_diag_free(&d);
}

static void the_language_parses(void **state) {
  (void)state;
  er_diag d;
  er_doc *doc = parse("<section class=\"cover\"><h1>题</h1></section>\n"
                      "<nav class=\"toc\"><h1>目录</h1></nav><div class=\"page-break\"/>\n"
                      "<h2 id=\"s1\">一、基本情况</h2><p>正文<strong>粗</strong><br/>次行</p>\n"
                      "<table class=\"total\"><caption>表1-1 表</caption><colgroup><col "
                      "width=\"20%\"/></colgroup><thead><tr><th>甲</th></tr></thead>"
                      "<tbody><tr id=\"r1\"><td rowspan=\"2\" colspan=\"3\" class=\"num\">1.00</td>"
                      "</tr></tbody></table>\n"
                      "<figure class=\"chart\" data-kind=\"bar\" data-unit=\"%\" data-max=\"100\">"
                      "<data value=\"98.42\">决策</data><figcaption>图1</figcaption></figure>\n"
                      "<ul><li>一<p>?</p></li></ul>",
                      &d);
  /* the list item mixes text and a block: the one error */
  assert_null(doc);
  assert_int_equal(d.errors, 1);
  assert_int_equal(d.items[0].pos.line, 9);
  er_diag_free(&d);

  doc = parse("<section class=\"cover\"><h1>题</h1></section>\n"
              "<h2 id=\"s1\">一、基本情况</h2><p>正文<strong>粗</strong><br/>次行</p>\n"
              "<table><tbody><tr id=\"r1\"><td rowspan=\"2\" colspan=\"3\" class=\"num\">1.00</td>"
              "</tr></tbody></table>\n"
              "<figure class=\"chart\" data-kind=\"pie\" data-unit=\"万元\">"
              "<data value=\"98.42\">决策</data><figcaption>图1</figcaption></figure>",
              &d);
  assert_non_null(doc);
  assert_string_equal(doc->title, "标题");
  assert_string_equal(doc->style, "gbt9704");
  er_node *cover = doc->root->first;
  assert_int_equal(cover->type, ER_DOC_COVER);
  er_node *h2 = cover->next;
  assert_int_equal(h2->type, ER_DOC_HEADING);
  assert_int_equal(h2->level, 2);
  assert_string_equal(h2->id, "s1");
  assert_string_equal(er_node_text(doc, h2), "一、基本情况");
  er_node *p = h2->next;
  assert_int_equal(p->first->next->type, ER_DOC_STRONG);
  assert_int_equal(p->last->prev->type, ER_DOC_BREAK);
  er_node *cell = p->next->first->first->first;
  assert_int_equal(cell->type, ER_DOC_CELL);
  assert_int_equal(cell->rowspan, 2);
  assert_int_equal(cell->colspan, 3);
  assert_true(er_node_has_class(cell, "num"));
  er_node *chart = p->next->next;
  assert_int_equal(chart->chart, ER_CHART_PIE);
  assert_string_equal(chart->unit, "万元");
  assert_string_equal(chart->first->value, "98.42");
  er_doc_free(doc);
  er_diag_free(&d);
}

static void outside_the_language_is_an_error_with_its_line(void **state) {
  (void)state;
  refused("<p>a</p>\n<video/>", 5, "<video>");
  refused("<p onclick=\"x\">a</p>", 4, "onclick");
  refused("<div>a</div>", 4, "page-break");
  refused("<section>x</section>", 4, "cover");
  refused("<p>a</p>\n\n<p>b<p>c</p></p>", 6, "<p>");
  refused("裸文字", 4, "文字");
  refused("<figure class=\"chart\" data-kind=\"radar\"></figure>", 4, "radar");
  refused("<table><tbody><tr><td rowspan=\"0\">x</td></tr></tbody></table>", 4, "rowspan");
  refused("<p id=\"a\">x</p><p id=\"a\">y</p>", 4, "重复");
  refused("<figure class=\"chart\" data-kind=\"bar\"><data value=\"1e3\">x</data></figure>", 4,
          "十进制");
  refused("<p>&nbsp;</p>", 4, "XHTML");
  refused("<p><a href=\"https://example.com/\">x</a></p>", 4, "<a>");
  refused("<p>a<script>x</script></p>", 4, "<script>");
}

static void whitespace_collapses_and_vanishes_between_chinese(void **state) {
  (void)state;
  er_diag d;
  er_doc *doc = parse("<p>\n  项目\n  资金   and\n  more  <em>强调</em>\n  结束 </p>", &d);
  assert_non_null(doc);
  assert_string_equal(er_node_text(doc, doc->root->first), "项目资金 and more 强调结束");
  er_doc_free(doc);
  er_diag_free(&d);
}

static void numbering_and_figures(void **state) {
  (void)state;
  er_arena a = {0};
  assert_string_equal(er_fmt_cn_numeral(&a, 1), "一");
  assert_string_equal(er_fmt_cn_numeral(&a, 10), "十");
  assert_string_equal(er_fmt_cn_numeral(&a, 11), "十一");
  assert_string_equal(er_fmt_cn_numeral(&a, 20), "二十");
  assert_string_equal(er_fmt_cn_numeral(&a, 99), "九十九");
  assert_string_equal(er_fmt_heading_number(&a, 1, 11), "十一、");
  assert_string_equal(er_fmt_heading_number(&a, 2, 3), "（三）");
  assert_string_equal(er_fmt_heading_number(&a, 3, 2), "2.");
  assert_string_equal(er_fmt_heading_number(&a, 4, 1), "（1）");
  assert_string_equal(er_fmt_amount(&a, dec("36038.925"), false), "36038.93");
  assert_string_equal(er_fmt_amount(&a, dec("1234567"), true), "123.46");
  assert_string_equal(er_fmt_percent(&a, dec("98.415")), "98.42%");
  assert_string_equal(er_fmt_score(&a, dec("41.375"), 2), "41.38");
  assert_string_equal(er_fmt_score(&a, dec("32"), 2), "32");
  assert_string_equal(er_fmt_score(&a, dec("2.4"), 2), "2.40");
  assert_string_equal(er_fmt_score(&a, dec("2.025"), 3), "2.025");
  assert_string_equal(er_fmt_weight(&a, dec("0.5")), "0.5");
  er_date month = {2019, 12, 0, {0, 0}, true}, day = {2023, 6, 12, {0, 0}, true};
  assert_string_equal(er_fmt_month(&a, &month), "2019年12月");
  assert_string_equal(er_fmt_date(&a, &day), "2023年6月12日");
  assert_string_equal(er_fmt_letter(&a, 0), "A");
  er_arena_free(&a);
}

/* The shipped profile with `from` replaced by `to`, loaded from a
 * temporary file; NULL when refused. */
static er_style *profile_with(const char *from, const char *to, er_diag *d) {
  FILE *in = fopen(ER_SOURCE_DIR "/templates/styles/gbt9704.yaml", "rb");
  assert_non_null(in);
  static char text[1 << 16], edited[1 << 16];
  size_t n = fread(text, 1, sizeof text - 1, in);
  fclose(in);
  text[n] = '\0';
  char *at = strstr(text, from);
  assert_non_null(at);
  snprintf(edited, sizeof edited, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
  char path[] = "/tmp/er-style-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *out = fdopen(fd, "w");
  fputs(edited, out);
  fclose(out);
  er_style *s = er_style_load(path, d);
  remove(path);
  return s;
}

/* The profile and the font-role map come from one reader: the map's
 * families with the profile's own first, and every problem of the
 * profile at its line and column. */
static void style_profile_and_role_map_read_together(void **state) {
  (void)state;
  er_diag d;
  er_diag_init(&d, "gbt9704.yaml");
  er_style *s = profile_with("name: gbt9704", "name: gbt9704", &d);
  assert_non_null(s);
  assert_int_equal(d.count, 0);
  /* 小标宋 is the profile's, not the map's: tried first */
  assert_string_equal(s->font_map.roles[ER_ROLE_TITLE].items[0].name, "小标宋");
  assert_string_equal(s->font_map.roles[ER_ROLE_TITLE].items[1].name, "方正小标宋简体");
  assert_string_equal(s->font_map.roles[ER_ROLE_BODY].items[0].name, "仿宋_GB2312");
  assert_true(s->font_map.latin_roles[ER_ROLE_BODY]);
  assert_non_null(er_role_map_free_package(&s->font_map, "FandolFang"));
  er_style_free(s);
  static const struct {
    const char *from, *to;
    unsigned line, col;
  } bad[] = {
      {"  width: 210mm", "  width: 1mm", 12, 10},       /* page too narrow */
      {"    size: 22pt", "    size: 22px", 40, 11},     /* unknown unit */
      {"  rule: 0.75pt", "  rul: 0.75pt", 31, 1},       /* missing key: at its parent */
      {"indent_chars: 2 ", "indent_chars: x ", 24, 15}, /* not a number */
      {"name: gbt9704", "name: [gbt9704", 12, 8},       /* YAML syntax */
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    er_diag_init(&d, "gbt9704.yaml");
    assert_null(profile_with(bad[i].from, bad[i].to, &d));
    assert_non_null(find_finding(&d, "style"));
    assert_int_equal(d.items[0].pos.line, bad[i].line);
    assert_int_equal(d.items[0].pos.col, bad[i].col);
    er_diag_free(&d);
  }
}

/* A bar chart's scale: data-max in four steps; else a round top of 4 or
 * 5 round steps, the one closest above the largest value. */
static void chart_scales_are_round(void **state) {
  (void)state;
  er_node chart = {.type = ER_DOC_CHART};
  static const struct {
    const char *largest, *max;
    int intervals;
  } cases[] = {{"25", "25", 5},     {"98", "100", 4}, {"7", "8", 4},      {"0.3", "0.4", 4},
               {"1087", "1250", 5}, {"0", "1", 4},    {"12.5", "12.5", 5}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    er_chart_scale s = er_chart_scale_of(&chart, dec(cases[i].largest));
    assert_int_equal(s.max.units, dec(cases[i].max).units);
    assert_int_equal(s.intervals, cases[i].intervals);
  }
  chart.max = "100";
  er_chart_scale s = er_chart_scale_of(&chart, dec("30"));
  assert_string_equal(dec_str(s.max, 0), "100");
  assert_int_equal(s.intervals, 4);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_language_parses),
      cmocka_unit_test(chart_scales_are_round),
      cmocka_unit_test(outside_the_language_is_an_error_with_its_line),
      cmocka_unit_test(whitespace_collapses_and_vanishes_between_chinese),
      cmocka_unit_test(numbering_and_figures),
      cmocka_unit_test(style_profile_and_role_map_read_together),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
