/* libFuzzer target: the PDF writer's layout — paragraphs, tables, charts,
 * the cover, the contents, footnotes, page breaks — on random documents.
 *
 * The input is read in one of two ways, by its first byte:
 *
 *   '<'  the whole input is an expanded template (XHTML), parsed with
 *        er_doc_parse as the templates' output is; '!' the same after the
 *        '!', as a draft (the 草稿 watermark);
 *   else the bytes drive a generator that writes a valid document of the
 *        document language (doc.h) — long Chinese paragraphs with the
 *        marks the line-breaking rules of GB/T 15834 are about, Latin,
 *        figures, strong/em/sup/sub/span, headings 1–4, lists, tables with
 *        any rowspan and colspan (over-large ones, empty rows, a cell
 *        taller than a page), charts with odd values (0, negative, huge,
 *        too many), footnotes, page breaks, a cover, the contents, the
 *        draft's findings panel — so that nearly every input reaches the
 *        layout rather than a parse error. Bit 0x80 of the first byte
 *        makes it a draft; with bits 0x60 both set, the bytes after it
 *        first pick a style profile of their own (page, margins, grid,
 *        indent, rule, sizes, some odd: as `render --template DIR` may
 *        find one), typeset with when er_style_load takes it.
 *
 * Either way the document is typeset with er_pdf_document into a PDF (a
 * temporary file of this process, deleted after each input), with the
 * built-in gbt9704 style profile (loaded once) unless the input chose one.
 * A crash, a sanitizer report, a leak, a timeout or running out of memory
 * is a bug. fontconfig's configuration is loaded once for all inputs
 * (fontconfig_once.c). See docs/fuzzing.md. */
#define _GNU_SOURCE
#include "pdf/pdf.h"
#include "view/document.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- the generator ---- */

/* Bytes of XHTML beyond which no more blocks, cells or inlines are begun
 * (a long run of text may take it to twice that): laying out a page takes
 * some 10 ms here, and inputs of a few pages keep the fuzzer fast. */
#define MAX_OUT (4 * 1024)
#define MAX_DEPTH 4

typedef struct gen {
  const uint8_t *p;
  size_t n;
  char *out;
  size_t len, cap;
  int ids; /* id="gN" given so far */
} gen;

static unsigned take(gen *g) {
  if (!g->n)
    return 0;
  g->n--;
  return *g->p++;
}

static unsigned pick(gen *g, unsigned n) { return take(g) % n; }

static bool full(const gen *g) { return g->n == 0 || g->len > MAX_OUT; }

static void put(gen *g, const char *s, size_t len) {
  if (g->len + len + 1 > g->cap) {
    g->cap = 2 * (g->len + len + 1);
    g->out = realloc(g->out, g->cap);
    if (!g->out)
      abort();
  }
  memcpy(g->out + g->len, s, len);
  g->len += len;
  g->out[g->len] = '\0';
}

static void puts_(gen *g, const char *s) { put(g, s, strlen(s)); }

static void printf_(gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void printf_(gen *g, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  put(g, buf, n < 0 ? 0 : (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* Text, escaped for XML. */
static void text(gen *g, const char *s) {
  for (const char *c = s; *c; c++)
    if (*c == '<')
      puts_(g, "&lt;");
    else if (*c == '&')
      puts_(g, "&amp;");
    else if (*c == '>')
      puts_(g, "&gt;");
    else
      put(g, c, 1);
}

static void code_point(gen *g, uint32_t cp) {
  char b[4];
  size_t n;
  if (cp < 0x80)
    b[0] = (char)cp, n = 1;
  else if (cp < 0x800)
    b[0] = (char)(0xC0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
  else if (cp < 0x10000)
    b[0] = (char)(0xE0 | cp >> 12), b[1] = (char)(0x80 | (cp >> 6 & 0x3F)),
    b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
  else
    b[0] = (char)(0xF0 | cp >> 18), b[1] = (char)(0x80 | (cp >> 12 & 0x3F)),
    b[2] = (char)(0x80 | (cp >> 6 & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
  if (cp == '<' || cp == '&' || cp == '>') {
    char s[2] = {(char)cp, 0};
    text(g, s);
  } else
    put(g, b, n);
}

/* Characters as the reports have them. */
static const char *const hanzi[] = {
    "绩", "效", "评", "价", "资", "金", "管", "理", "项", "目", "保", "障", "城", "乡", "低", "标",
    "准", "年", "度", "预", "算", "执", "行", "率", "指", "财", "政", "部", "门", "单", "位", "的",
    "和", "是", "在", "了", "有", "对", "中", "为", "万", "元", "户", "人", "月", "日", "一", "二",
};
/* Marks no line may start with (GB/T 15834 and the 禁则 of linebreak.c). */
static const char *const closing[] = {
    "。", "，", "、", "；", "：", "？", "！", "）", "］", "｝", "〕", "〉", "》", "」",     "』",
    "】", "〗", "”",  "’",  "…",  "……", "—",  "——", "～", "·",  "々", "％", "‰",  "℃",      ".",
    ",",  ";",  ":",  "?",  "!",  ")",  "]",  "}",  "%",  "ー", "ぁ", "っ", "ゃ", "\u30FB",
};
/* Marks no line may end with. */
static const char *const opening[] = {
    "（", "［", "｛", "〔", "〈", "《", "「", "『", "【",
    "〖", "“",  "‘",  "(",  "[",  "{",  "$",  "￥", "#",
};
/* Latin, figures, spaces and the odd ones out. */
static const char *const others[] = {
    "GB/T",
    "15834",
    "PDF",
    "evalreport",
    "a",
    "Supercalifragilisticexpialidocious",
    "https://example.com/a/very/long/path/without/breaks?query=1&x=2",
    "36038.93",
    "12,345",
    "98.42%",
    "1e30",
    "-5",
    "0",
    "２０１８",
    "2018年12月31日",
    "3.14159265358979323846264338327950288",
    "(1)",
    "1.",
    " ",
    "   ",
    "\n",
    "\t",
    "　",
    "\xC2\xA0",         /* no-break space */
    "\xE2\x80\x8B",     /* zero-width space */
    "\xC2\xAD",         /* soft hyphen */
    "\xE2\x80\xA8",     /* line separator */
    "\xEF\xBB\xBF",     /* zero-width no-break space */
    "\xF0\x9F\x98\x80", /* an emoji, beyond the BMP */
    "\xF0\xA0\xAE\xB7", /* 𠮷 */
    "\xCD\xB8",         /* unassigned */
    "e\xCC\x81",        /* e and a combining acute */
    "مرحبا",
    "שלום",
    "ภาษาไทย",
    "한국어",
    "Ελληνικά",
    "\xEE\x80\x80", /* private use */
    "\xEF\xBF\xBD",
    "&",
    "<",
    "A&B<C>",
    "x²",
    "¹²³",
    "ﬁ",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void token(gen *g) {
  unsigned k = take(g);
  switch (k % 8) {
  case 0:
  case 1:
  case 2:
    text(g, hanzi[(k / 8) % COUNT(hanzi)]);
    break;
  case 3:
    text(g, closing[take(g) % COUNT(closing)]);
    break;
  case 4:
    text(g, opening[take(g) % COUNT(opening)]);
    break;
  case 5:
    text(g, others[take(g) % COUNT(others)]);
    break;
  case 6: { /* any character XML allows */
    uint32_t cp = take(g) << 8 | take(g);
    if (k & 0x80)
      cp |= 0x10000 * (1 + take(g) % 16);
    if (cp < 0x20 || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
      cp = 0x3000 + (cp & 0xFF);
    code_point(g, cp);
    break;
  }
  default: /* a few of the same */
    for (unsigned i = 0, n = 2 + k / 8 % 12; i < n; i++)
      text(g, hanzi[(k + i * 7) % COUNT(hanzi)]);
  }
}

/* splitmix64, for long runs of text from a few bytes. */
static uint64_t next_random(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* A long run of prose: mostly characters, marks where prose has them,
 * now and then a figure or a word: up to a page and a half of it. */
static void long_run(gen *g) {
  unsigned size = take(g);
  size_t n = size < 128 ? 10 + size * 2 : 300 + (size - 128) * 6; /* up to 1058 */
  uint64_t s = take(g) << 8 | take(g);
  unsigned mix = take(g); /* how often marks and Latin come */
  for (size_t i = 0; i < n && g->len < 2 * MAX_OUT; i++) {
    uint64_t r = next_random(&s);
    unsigned kind = (unsigned)(r % 100);
    if (kind < 8 + mix % 16)
      text(g, closing[(r >> 8) % COUNT(closing)]);
    else if (kind < 12 + mix % 24)
      text(g, opening[(r >> 8) % COUNT(opening)]);
    else if (kind < 14 + mix % 32)
      text(g, others[(r >> 8) % 20]);
    else
      text(g, hanzi[(r >> 8) % COUNT(hanzi)]);
  }
}

static void inlines(gen *g, int depth);

static void inline_one(gen *g, int depth) {
  unsigned k = take(g);
  switch (k % 12) {
  case 0:
  case 1:
  case 2:
  case 3:
  case 4:
    token(g);
    break;
  case 5:
    long_run(g);
    break;
  case 6:
    puts_(g, "<br/>");
    break;
  default: {
    if (depth >= MAX_DEPTH) {
      token(g);
      break;
    }
    static const char *const tags[] = {"strong", "em", "sup", "sub", "span"};
    const char *tag = tags[(k / 12) % COUNT(tags)];
    if (!strcmp(tag, "span")) {
      static const char *const cls[] = {"sev", "num", "mark", "sev error"};
      printf_(g, "<span class=\"%s\">", cls[take(g) % COUNT(cls)]);
    } else
      printf_(g, "<%s>", tag);
    inlines(g, depth + 1);
    printf_(g, "</%s>", tag);
  }
  }
}

static void inlines(gen *g, int depth) {
  for (unsigned i = 0, n = 1 + pick(g, 10); i < n && g->len < MAX_OUT; i++)
    inline_one(g, depth);
}

/* A decimal as the document language writes one: -?digits(.digits)? */
static void decimal(gen *g) {
  static const char *const odd[] = {
      "0",
      "1",
      "-1",
      "98.42",
      "100",
      "0.0001",
      "-0.5",
      "99999999",
      "1000000000",
      "123456789012345678",
      "9999999999999999999999999999999999999999",
      "-99999999999999999999",
      "0.00000000000000000001",
      "00000",
      "0.5",
      "3",
  };
  unsigned k = take(g);
  if (k < 160) {
    puts_(g, odd[k % COUNT(odd)]);
    return;
  }
  if (k & 1)
    puts_(g, "-");
  for (unsigned i = 0, n = 1 + take(g) % 24; i < n; i++)
    printf_(g, "%u", take(g) % 10);
  if (k & 2) {
    puts_(g, ".");
    for (unsigned i = 0, n = 1 + take(g) % 12; i < n; i++)
      printf_(g, "%u", take(g) % 10);
  }
}

static void blocks(gen *g, int depth, bool top);
static void block(gen *g, int depth, bool top);

static void id_attr(gen *g) {
  if (pick(g, 4) == 0)
    printf_(g, " id=\"g%d\"", g->ids++);
}

static void heading(gen *g) {
  int level = 1 + (int)pick(g, 4);
  printf_(g, "<h%d", level);
  id_attr(g);
  puts_(g, ">");
  inlines(g, 0);
  printf_(g, "</h%d>", level);
}

static void paragraph(gen *g) {
  static const char *const cls[] = {NULL,       NULL,   NULL,          "center",
                                    "subtitle", "date", "right",       "signature",
                                    "noindent", "note", "note center", "lead"};
  const char *c = cls[pick(g, COUNT(cls))];
  puts_(g, "<p");
  if (c)
    printf_(g, " class=\"%s\"", c);
  id_attr(g);
  puts_(g, ">");
  inlines(g, 0);
  puts_(g, "</p>");
}

/* Content of a list item or a cell: inlines or blocks, never both. */
static void flow(gen *g, int depth) {
  if (depth < MAX_DEPTH && pick(g, 4) == 0)
    blocks(g, depth + 1, false);
  else
    inlines(g, 0);
}

static void list(gen *g, int depth) {
  bool ordered = take(g) & 1;
  puts_(g, ordered ? "<ol>" : "<ul>");
  for (unsigned i = 0, n = 1 + pick(g, 12); i < n && !full(g); i++) {
    puts_(g, "<li>");
    flow(g, depth);
    puts_(g, "</li>");
  }
  puts_(g, ordered ? "</ol>" : "</ul>");
}

static void span_attr(gen *g, const char *name) {
  static const int spans[] = {2, 2, 3, 4, 5, 7, 12, 30, 100, 255, 256, 257, 999, 1000};
  if (pick(g, 3) == 0)
    printf_(g, " %s=\"%d\"", name, spans[take(g) % COUNT(spans)]);
}

static void cell(gen *g, int depth) {
  bool th = pick(g, 3) == 0;
  printf_(g, "<%s", th ? "th" : "td");
  span_attr(g, "rowspan");
  span_attr(g, "colspan");
  static const char *const cls[] = {NULL, NULL, "num", "center", "level", "right", "num total"};
  const char *c = cls[pick(g, COUNT(cls))];
  if (c)
    printf_(g, " class=\"%s\"", c);
  puts_(g, ">");
  switch (pick(g, 8)) {
  case 0: /* empty */
    break;
  case 1: /* a cell taller than a page */
    long_run(g);
    break;
  case 2:
    if (depth < MAX_DEPTH) {
      blocks(g, depth + 1, false);
      break;
    }
    /* fall through */
  default:
    inlines(g, 0);
  }
  printf_(g, "</%s>", th ? "th" : "td");
}

static void rows(gen *g, int depth, unsigned most) {
  unsigned n = 1 + take(g) % most;
  if (take(g) == 0xFF)
    n = 300; /* a long table */
  for (unsigned r = 0; r < n && !full(g); r++) {
    puts_(g, "<tr");
    if (pick(g, 8) == 0)
      printf_(g, " id=\"g%d\"", g->ids++);
    if (pick(g, 8) == 0)
      puts_(g, " class=\"total\"");
    puts_(g, ">");
    unsigned cells = take(g) % 9;
    if (cells == 8)
      cells = 8 + take(g) % 40; /* wide */
    for (unsigned c = 0; c < cells && g->len < MAX_OUT; c++)
      cell(g, depth);
    puts_(g, "</tr>");
  }
}

static void col_width(gen *g) {
  static const char *const widths[] = {"20%", "5%",     "100%", "0%",  "250%",     "30mm", "0.1mm",
                                       "2cm", "1000mm", "72pt", "1.5", "33.3333%", "10em"};
  puts_(g, "<col");
  if (pick(g, 4))
    printf_(g, " width=\"%s\"", widths[take(g) % COUNT(widths)]);
  puts_(g, "/>");
}

static void table(gen *g, int depth, bool fields) {
  static const char *const cls[] = {NULL,        NULL,          "sheet",       "landscape",
                                    "small",     "total",       "small sheet", "total small",
                                    "selftable", "small survey"};
  const char *c = fields ? "fields" : cls[pick(g, COUNT(cls))];
  puts_(g, "<table");
  if (c)
    printf_(g, " class=\"%s\"", c);
  id_attr(g);
  puts_(g, ">");
  unsigned parts = take(g);
  if (parts & 1) {
    puts_(g, "<caption>");
    inlines(g, 0);
    puts_(g, "</caption>");
  }
  if (parts & 2) {
    puts_(g, "<colgroup>");
    for (unsigned i = 0, n = 1 + pick(g, 10); i < n; i++)
      col_width(g);
    puts_(g, "</colgroup>");
  }
  if (parts & 4) {
    puts_(g, "<thead>");
    rows(g, depth, 4);
    puts_(g, "</thead>");
  }
  for (unsigned i = 0, n = 1 + (parts >> 3) % 3; i < n; i++) {
    puts_(g, "<tbody>");
    rows(g, depth, 24);
    puts_(g, "</tbody>");
  }
  puts_(g, "</table>");
}

static void chart(gen *g) {
  static const char *const kinds[] = {"bar", "hbar", "pie", "stacked"};
  static const char *const units[] = {"%", "万元", "人", "", "个百分点以上的很长的单位名称", "<&>"};
  unsigned k = take(g);
  printf_(g, "<figure class=\"chart\" data-kind=\"%s\"", kinds[k % 4]);
  if (k & 4) {
    puts_(g, " data-unit=\"");
    text(g, units[take(g) % COUNT(units)]);
    puts_(g, "\"");
  }
  if (k & 8) {
    puts_(g, " data-max=\"");
    decimal(g);
    puts_(g, "\"");
  }
  puts_(g, ">");
  unsigned n = take(g) % 12;
  if (n == 11)
    n = take(g); /* more than a chart holds */
  for (unsigned i = 0; i < n && g->len < MAX_OUT; i++) {
    puts_(g, "<data value=\"");
    decimal(g);
    puts_(g, "\">");
    if (pick(g, 6))
      inlines(g, 0);
    puts_(g, "</data>");
  }
  if (k & 16) {
    puts_(g, "<figcaption>");
    inlines(g, 0);
    puts_(g, "</figcaption>");
  }
  puts_(g, "</figure>");
}

static void cover(gen *g) {
  puts_(g, "<section class=\"cover\">");
  for (unsigned i = 0, n = 1 + pick(g, 6); i < n && !full(g); i++)
    switch (pick(g, 5)) {
    case 0:
      heading(g);
      break;
    case 1:
      table(g, MAX_DEPTH, true);
      break;
    case 2:
      puts_(g, "<p class=\"date\">");
      inlines(g, 0);
      puts_(g, "</p>");
      break;
    default:
      block(g, 1, false);
    }
  puts_(g, "</section>");
}

static void toc(gen *g) {
  puts_(g, "<nav class=\"toc\">");
  if (pick(g, 4))
    puts_(g, "<h2>目　录</h2>");
  else
    blocks(g, MAX_DEPTH, false);
  puts_(g, "</nav>");
}

static void diagnostics(gen *g, int depth) {
  puts_(g, "<div class=\"diagnostics\">");
  for (unsigned i = 0, n = 1 + pick(g, 4); i < n && !full(g); i++) {
    if (pick(g, 3) == 0) {
      puts_(g, "<p>");
      inlines(g, 0);
      puts_(g, "</p>");
      continue;
    }
    puts_(g, "<ul>");
    for (unsigned k = 0, m = 1 + pick(g, 8); k < m && !full(g); k++) {
      static const char *const cls[] = {"error", "warning", "info", NULL};
      const char *c = cls[pick(g, 4)];
      puts_(g, "<li");
      if (c)
        printf_(g, " class=\"%s\"", c);
      if (g->ids && pick(g, 2))
        printf_(g, " data-target=\"g%u\"", take(g) % (unsigned)g->ids);
      puts_(g, "><span class=\"sev\">错误</span>");
      if (depth < MAX_DEPTH && pick(g, 5) == 0) {
        puts_(g, "</li><li>");
        blocks(g, depth + 1, false);
      } else
        inlines(g, 0);
      puts_(g, "</li>");
    }
    puts_(g, "</ul>");
  }
  puts_(g, "</div>");
}

static void block(gen *g, int depth, bool top) {
  unsigned k = take(g);
  switch (k % 16) {
  case 0:
  case 1:
    heading(g);
    break;
  case 2:
  case 3:
  case 4:
    paragraph(g);
    break;
  case 5: /* a long paragraph */
    puts_(g, "<p>");
    long_run(g);
    puts_(g, "</p>");
    break;
  case 6:
    list(g, depth);
    break;
  case 7:
  case 8:
    if (depth < MAX_DEPTH)
      table(g, depth, false);
    break;
  case 9:
    chart(g);
    break;
  case 10:
    if (top)
      cover(g);
    else
      paragraph(g);
    break;
  case 11:
    if (top)
      toc(g);
    else
      heading(g);
    break;
  case 12:
    puts_(g, "<div class=\"page-break\"/>");
    break;
  case 13:
    puts_(g, "<aside class=\"footnote\">");
    if (k & 0x80)
      long_run(g);
    else
      inlines(g, 0);
    puts_(g, "</aside>");
    break;
  case 14:
    diagnostics(g, depth);
    break;
  default:
    puts_(g, "<p class=\"note\">");
    inlines(g, 0);
    puts_(g, "</p>");
  }
}

static void blocks(gen *g, int depth, bool top) {
  unsigned n = top ? 1000 : 1 + pick(g, 4);
  for (unsigned i = 0; i < n && !full(g); i++)
    block(g, depth, top);
}

static char *generate(gen *g, size_t *len) {
  puts_(g, "<html lang=\"zh-CN\"><head><title>");
  inlines(g, MAX_DEPTH);
  puts_(g, "</title><meta name=\"style\" content=\"gbt9704\"/></head><body>");
  blocks(g, 0, true);
  puts_(g, "</body></html>\n");
  *len = g->len;
  return g->out;
}

/* ---- the style profile ---- */

/* The house style's value, or now and then an odd one. */
static const char *value(gen *g, const char *usual, const char *const *odd, size_t n) {
  unsigned k = take(g);
  return k < 192 ? usual : odd[k % n];
}

#define VALUE(usual, odd) value(g, usual, odd, COUNT(odd))

/* A style profile as `render --template DIR` may find one, in a file at
 * `path`, loaded as the writers load it: the gbt9704 fonts, with page,
 * margins, grid, indent, rule and sizes the input picks. NULL when
 * er_style_load refuses it (render refuses it too). */
static er_style *odd_style(gen *g, const char *path) {
  static const char *const sides[] = {"3pt",   "2.9pt", "14400pt", "14401pt", "50mm",
                                      "100mm", "148mm", "420mm",   "1000mm",  "5in"};
  static const char *const margins[] = {"0mm", "1pt", "10mm", "50mm", "100mm", "200mm", "0.5in"};
  static const char *const pitches[] = {"0pt", "0.01pt", "1pt", "8pt", "16pt", "100pt", "1000pt"};
  static const char *const indents[] = {"0", "-2", "-100", "0.5", "28", "100", "1000"};
  static const char *const rules[] = {"0pt", "0.1pt", "5pt", "100pt"};
  static const char *const sizes[] = {"0pt",  "0.01pt", "1pt",   "5pt",   "12pt",
                                      "28pt", "72pt",   "300pt", "1000pt"};
  static const struct {
    const char *role, *families, *size;
    bool bold;
  } fonts[] = {
      {"body", "[仿宋_GB2312, FangSong, 仿宋, AR PL UMing CN]", "16pt", false},
      {"title", "[方正小标宋简体, FZXiaoBiaoSong-B05S, 小标宋, AR PL UMing CN]", "22pt", true},
      {"h2", "[黑体, SimHei, WenQuanYi Micro Hei]", "16pt", false},
      {"h3", "[楷体_GB2312, KaiTi, 楷体, AR PL UKai CN]", "16pt", false},
      {"h4", "[仿宋_GB2312, FangSong, 仿宋, AR PL UMing CN]", "16pt", true},
      {"table", "[仿宋_GB2312, FangSong, 仿宋, AR PL UMing CN]", "12pt", false},
      {"caption", "[黑体, SimHei, WenQuanYi Micro Hei]", "12pt", false},
      {"note", "[仿宋_GB2312, FangSong, 仿宋, AR PL UMing CN]", "10.5pt", false},
      {"page_number", "[宋体, SimSun, AR PL UMing CN]", "14pt", false},
  };
  FILE *f = fopen(path, "w");
  if (!f)
    abort();
  fprintf(f, "name: odd\npage:\n  width: %s\n  height: %s\n", VALUE("210mm", sides),
          VALUE("297mm", sides));
  fprintf(f, "  margins:\n    top: %s\n    right: %s\n    bottom: %s\n    left: %s\n",
          VALUE("37mm", margins), VALUE("26mm", margins), VALUE("35mm", margins),
          VALUE("28mm", margins));
  fprintf(f, "grid:\n  line_pitch: %s\nindent_chars: %s\ntable:\n  rule: %s\nfonts:\n",
          VALUE("28.99pt", pitches), VALUE("2", indents), VALUE("0.75pt", rules));
  for (size_t i = 0; i < COUNT(fonts); i++)
    fprintf(f, "  %s:\n    families: %s\n    size: %s\n    bold: %s\n", fonts[i].role,
            fonts[i].families, VALUE(fonts[i].size, sizes),
            fonts[i].bold != (take(g) >= 224) ? "true" : "false");
  fclose(f);
  er_diag d;
  er_diag_init(&d, path);
  er_style *style = er_style_load(path, &d);
  er_diag_free(&d);
  unlink(path);
  return style;
}

/* ---- the target ---- */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static er_style *house;
  static char path[64], style_path[64];
  if (!house) {
    char file[4096];
    snprintf(file, sizeof file, "%s/styles/gbt9704.yaml", er_template_dir());
    er_diag sd;
    er_diag_init(&sd, file);
    house = er_style_load(file, &sd);
    er_diag_print(&sd, stderr);
    er_diag_free(&sd);
    if (!house)
      abort();
    const char *tmp = getenv("TMPDIR");
    tmp = tmp && *tmp ? tmp : "/tmp";
    snprintf(path, sizeof path, "%.30s/fuzz_layout.%ld.pdf", tmp, (long)getpid());
    snprintf(style_path, sizeof style_path, "%.30s/fuzz_layout.%ld.yaml", tmp, (long)getpid());
  }
  if (size == 0)
    return 0;
  bool draft = false, generated = data[0] != '<' && data[0] != '!';
  er_style *style = house, *odd = NULL;
  char *xhtml;
  size_t len;
  if (!generated) {
    draft = data[0] == '!';
    len = size - draft;
    xhtml = malloc(len + 1);
    if (!xhtml)
      abort();
    memcpy(xhtml, data + draft, len);
    xhtml[len] = '\0';
  } else {
    gen g = {.p = data + 1, .n = size - 1};
    draft = data[0] & 0x80;
    if ((data[0] & 0x60) == 0x60 && !(style = odd = odd_style(&g, style_path)))
      return 0; /* a profile render refuses */
    xhtml = generate(&g, &len);
  }
  if (getenv("FUZZ_LAYOUT_PRINT")) /* to look at what an input makes */
    fwrite(xhtml, 1, len, stderr);
  er_diag d;
  er_diag_init(&d, "fuzz.xhtml");
  er_doc *doc = er_doc_parse(xhtml, len, &d);
  if (doc) {
    er_pdf_opts opts = {.draft = draft,
                        .info = {.title = doc->title, .author = "fuzz", .created = -1}};
    er_pdf_document(doc, style, &opts, path, &d);
    unlink(path);
  } else if (generated) {
    /* the generator writes valid documents only */
    er_diag_print(&d, stderr);
    abort();
  }
  er_doc_free(doc);
  er_diag_free(&d);
  er_style_free(odd);
  free(xhtml);
  return 0;
}
