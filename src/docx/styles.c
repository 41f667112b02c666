/* styles.xml: what each role of the style profile looks like, as named
 * styles rather than direct formatting, so that an editor restyles the
 * report by changing a style. Word's built-in names are used — Normal,
 * heading 1–4, caption, footnote text, toc 1–2 — which Word and WPS show
 * in a Chinese interface as 正文, 标题 1–4, 题注, 脚注文本, 目录 1–2, and
 * whose outline levels feed the navigation pane and Word's own contents.
 * Each East Asian font is named by the profile's first family (仿宋_GB2312,
 * 黑体, 楷体_GB2312, 方正小标宋简体: the names official PCs have), ASCII
 * text takes Times New Roman, and the eastAsia hint gives “”…— to the
 * Chinese font. */
#include "docx/docxw.h"

#include <math.h>

#define LATIN "Times New Roman"

static const char *family(const er_docxw *w, er_font_role role) {
  const er_font *f = &w->style->fonts[role];
  return f->count ? f->families[0] : "宋体";
}

static void rfonts(er_xml *x, const char *east_asian) {
  er_xml_open(x, "w:rFonts");
  er_xml_attr(x, "w:ascii", LATIN);
  er_xml_attr(x, "w:hAnsi", LATIN);
  er_xml_attr(x, "w:eastAsia", east_asian);
  er_xml_attr(x, "w:cs", LATIN);
  er_xml_attr(x, "w:hint", "eastAsia");
  er_xml_close(x);
}

/* The run properties of a role: font, size, bold. */
static void role_rpr_in(er_docxw *w, er_font_role role, bool bold_off, const char *color,
                        long spacing) {
  er_xml *x = &w->x;
  er_xml_open(x, "w:rPr");
  rfonts(x, family(w, role));
  if (w->style->fonts[role].bold && !bold_off)
    er_dx_empty(x, "w:b", NULL);
  else
    er_dx_empty(x, "w:b", "0");
  if (color)
    er_dx_empty(x, "w:color", color);
  er_dx_emptyi(x, "w:spacing", spacing);
  er_dx_emptyi(x, "w:sz", w->size[role]);
  er_dx_emptyi(x, "w:szCs", w->size[role]);
  er_xml_close(x);
}

static void role_rpr(er_docxw *w, er_font_role role, bool bold_off, long spacing) {
  role_rpr_in(w, role, bold_off, NULL, spacing);
}

/* <w:style> up to qFormat; the schema wants basedOn and next before it. */
static void style_begin_next(er_xml *x, const char *type, const char *id, const char *name,
                             const char *based_on, const char *next) {
  er_xml_open(x, "w:style");
  er_xml_attr(x, "w:type", type);
  er_xml_attr(x, "w:styleId", id);
  if (!based_on)
    er_xml_attr(x, "w:default", "1");
  er_dx_empty(x, "w:name", name);
  if (based_on && based_on[0])
    er_dx_empty(x, "w:basedOn", based_on);
  if (next)
    er_dx_empty(x, "w:next", next);
  er_dx_empty(x, "w:qFormat", NULL);
}

static void style_begin(er_xml *x, const char *type, const char *id, const char *name,
                        const char *based_on) {
  style_begin_next(x, type, id, name, based_on, NULL);
}

/* Line spacing: exactly the grid's pitch, or single for small print. */
static void spacing(er_docxw *w, bool grid, int before_lines) {
  er_xml *x = &w->x;
  er_xml_open(x, "w:spacing");
  er_xml_attri(x, "w:before", before_lines);
  er_xml_attr(x, "w:after", "0");
  if (grid) {
    er_xml_attri(x, "w:line", w->portrait.line_pitch);
    er_xml_attr(x, "w:lineRule", "exact");
  } else {
    er_xml_attr(x, "w:line", "240");
    er_xml_attr(x, "w:lineRule", "auto");
  }
  er_xml_close(x);
}

static void indent(er_docxw *w, int first_chars, int left_chars) {
  er_xml *x = &w->x;
  long ch = w->portrait.cell; /* the PDF indents by the grid's cells */
  er_xml_open(x, "w:ind");
  er_xml_attri(x, "w:leftChars", left_chars * 100L);
  er_xml_attri(x, "w:left", left_chars * ch);
  er_xml_attri(x, "w:firstLineChars", first_chars * 100L);
  er_xml_attri(x, "w:firstLine", first_chars * ch);
  er_xml_close(x);
}

static void heading(er_docxw *w, int level) {
  static const er_font_role roles[] = {ER_ROLE_TITLE, ER_ROLE_H2, ER_ROLE_H3, ER_ROLE_H4};
  char id[24], name[24];
  snprintf(id, sizeof id, "Heading%d", level);
  snprintf(name, sizeof name, "heading %d", level);
  er_xml *x = &w->x;
  style_begin_next(x, "paragraph", id, name, "Normal", "Normal");
  er_xml_open(x, "w:pPr");
  er_dx_empty(x, "w:keepNext", NULL);
  er_dx_empty(x, "w:keepLines", NULL);
  if (level == 1) { /* the title's lines 1.6 of its size, rounded up to a
                     * quarter of the grid, and a grid line below, as the
                     * PDF sets them (src/pdf/profile.c) */
    long pitch = w->portrait.line_pitch, size = w->size[ER_ROLE_TITLE] * 10; /* twips */
    long quarters = (long)ceil((double)size * 1.6 / (double)pitch * 4);
    er_xml_open(x, "w:spacing");
    er_xml_attr(x, "w:before", "0");
    er_xml_attri(x, "w:after", pitch);
    er_xml_attri(x, "w:line", quarters > 4 ? pitch * quarters / 4 : pitch);
    er_xml_attr(x, "w:lineRule", "exact");
    er_xml_close(x);
    indent(w, 0, 0);
    er_dx_empty(x, "w:jc", "center");
  }
  er_dx_emptyi(x, "w:outlineLvl", level - 1);
  er_xml_close(x);
  role_rpr(w, roles[level - 1], false, level == 1 ? 0 : w->portrait.compress);
  er_xml_close(x);
}

/* An annex's "附件N" line (body.c): a heading 2 in look and outline level
 * (the navigation pane lists it), but a style of its own, so that the
 * contents field, which takes headings 2 and 3 by their styles (toc.c),
 * takes the annex's whole entry from its TC field instead of "附件N". */
static void annex_heading(er_docxw *w) {
  style_begin_next(&w->x, "paragraph", "AnnexHeading", "Annex Heading", "Heading2", "AnnexTitle");
  er_xml_close(&w->x);
}

/* A heading 2 or 3 that the contents does not list (the summary's,
 * body.c): a heading in look and outline level, not in the contents that
 * an update makes (toc.c). */
static void unlisted_heading(er_docxw *w, int level) {
  char id[24], name[32], based[24];
  snprintf(id, sizeof id, "Heading%dUnlisted", level);
  snprintf(name, sizeof name, "Heading %d Unlisted", level);
  snprintf(based, sizeof based, "Heading%d", level);
  style_begin_next(&w->x, "paragraph", id, name, based, "Normal");
  er_xml_close(&w->x);
}

/* An annex's title (body.c): set as the report's title is, but not a
 * heading — its "附件N" line is, in the outline and the contents. */
static void annex_title(er_docxw *w) {
  er_xml *x = &w->x;
  style_begin_next(x, "paragraph", "AnnexTitle", "Annex Title", "Heading1", "Normal");
  er_xml_open(x, "w:pPr");
  er_dx_emptyi(x, "w:outlineLvl", 9); /* body text */
  er_xml_close(x);
  er_xml_close(x);
}

/* A style of its own role, without the first-line indent or the grid. */
static void plain(er_docxw *w, const char *id, const char *name, er_font_role role, const char *jc,
                  bool grid) {
  er_xml *x = &w->x;
  style_begin(x, "paragraph", id, name, "Normal");
  er_xml_open(x, "w:pPr");
  if (!grid)
    er_dx_empty(x, "w:snapToGrid", "0");
  spacing(w, grid, 0);
  indent(w, 0, 0);
  if (jc)
    er_dx_empty(x, "w:jc", jc);
  er_xml_close(x);
  role_rpr(w, role, false, 0);
  er_xml_close(x);
}

/* Captions: lines of 1.5 of their size and 0.15 of a line below, as the
 * PDF sets a table's caption. */
static void caption_style(er_docxw *w) {
  er_xml *x = &w->x;
  long line = w->size[ER_ROLE_CAPTION] * 15; /* half-points × 10 × 1.5 */
  style_begin(x, "paragraph", "Caption", "caption", "Normal");
  er_xml_open(x, "w:pPr");
  er_dx_empty(x, "w:snapToGrid", "0");
  er_xml_open(x, "w:spacing");
  er_xml_attr(x, "w:before", "0");
  er_xml_attri(x, "w:after", line * 15 / 100);
  er_xml_attri(x, "w:line", line);
  er_xml_attr(x, "w:lineRule", "exact");
  er_xml_close(x);
  indent(w, 0, 0);
  er_dx_empty(x, "w:jc", "center");
  er_xml_close(x);
  role_rpr(w, ER_ROLE_CAPTION, false, 0);
  er_xml_close(x);
}

/* 版头 (class issuer): the issuing body centred above the title, in the
 * title's font and size and in red, as the PDF sets it (src/pdf/annex.c):
 * a red rule as wide as the type area 4 mm under it, the title on the
 * fourth grid line below (GB/T 9704 §7.2.4, §7.3.1: 空二行). */
static void issuer(er_docxw *w) {
  er_xml *x = &w->x;
  long pitch = w->portrait.line_pitch; /* twips */
  /* the 22 pt em box is centred in its line: 4 mm below it is this far
   * below the line, in points */
  long below =
      (long)lround(4 * 72 / 25.4 - ((double)pitch / 20 - w->size[ER_ROLE_TITLE] / 2.0) / 2);
  style_begin(x, "paragraph", "Issuer", "Issuer", "Normal");
  er_xml_open(x, "w:pPr");
  er_xml_open(x, "w:pBdr");
  er_xml_open(x, "w:bottom");
  er_xml_attr(x, "w:val", "single");
  er_xml_attr(x, "w:sz", "8"); /* 1 pt, as the PDF's 0.35 mm */
  er_xml_attri(x, "w:space", below);
  er_xml_attr(x, "w:color", "DD0000");
  er_xml_close(x);
  er_xml_close(x);
  er_xml_open(x, "w:spacing");
  er_xml_attr(x, "w:before", "0");
  er_xml_attri(x, "w:after", 3 * pitch - (below + 1) * 20);
  er_xml_attri(x, "w:line", pitch);
  er_xml_attr(x, "w:lineRule", "exact");
  er_xml_close(x);
  indent(w, 0, 0);
  er_dx_empty(x, "w:jc", "center");
  er_xml_close(x);
  role_rpr_in(w, ER_ROLE_TITLE, false, "DD0000", 0);
  er_xml_close(x);
}

/* Small print (class note, the 注 under a table): the table size off the
 * grid, lines of 1.5 and a quarter line above, as the PDF sets it. */
static void small_print(er_docxw *w) {
  er_xml *x = &w->x;
  style_begin(x, "paragraph", "SmallPrint", "Small Print", "Normal");
  er_xml_open(x, "w:pPr");
  er_dx_empty(x, "w:snapToGrid", "0");
  er_xml_open(x, "w:spacing");
  er_xml_attri(x, "w:before", w->portrait.line_pitch / 4);
  er_xml_attr(x, "w:after", "0");
  er_xml_attri(x, "w:line", w->size[ER_ROLE_TABLE] * 15); /* half-points × 10 × 1.5 */
  er_xml_attr(x, "w:lineRule", "exact");
  er_xml_close(x);
  indent(w, 0, 0);
  er_dx_empty(x, "w:jc", "both");
  er_xml_close(x);
  role_rpr(w, ER_ROLE_TABLE, false, 0);
  er_xml_close(x);
}

/* A contents entry: 一、 in 黑体 flush left, （一） in 仿宋 two characters
 * in, a dot leader to the page number at the right margin. */
static void toc_style(er_docxw *w, int level, er_font_role role) {
  char id[24], name[24];
  snprintf(id, sizeof id, "TOC%d", level);
  snprintf(name, sizeof name, "toc %d", level);
  er_xml *x = &w->x;
  style_begin_next(x, "paragraph", id, name, "Normal", "Normal");
  er_xml_open(x, "w:pPr");
  er_xml_open(x, "w:tabs");
  er_xml_open(x, "w:tab");
  er_xml_attr(x, "w:val", "right");
  er_xml_attr(x, "w:leader", "dot");
  er_xml_attri(x, "w:pos", w->portrait.width - w->portrait.left - w->portrait.right);
  er_xml_close(x);
  er_xml_close(x);
  indent(w, 0, level == 1 ? 0 : 2);
  er_dx_empty(x, "w:jc", "left");
  er_xml_close(x);
  role_rpr(w, role, true, w->portrait.compress);
  er_xml_close(x);
}

void er_docx_styles(er_docxw *w) {
  er_xml *x = &w->x;
  er_xml_begin(x, true);
  er_xml_open(x, "w:styles");
  er_xml_attr(x, "xmlns:w", ER_DX_W);
  er_xml_open(x, "w:docDefaults");
  er_xml_open(x, "w:rPrDefault");
  er_xml_open(x, "w:rPr");
  rfonts(x, family(w, ER_ROLE_BODY));
  er_dx_emptyi(x, "w:kern", 2);
  er_dx_emptyi(x, "w:sz", w->size[ER_ROLE_BODY]);
  er_dx_emptyi(x, "w:szCs", w->size[ER_ROLE_BODY]);
  er_xml_open(x, "w:lang");
  er_xml_attr(x, "w:val", "en-US");
  er_xml_attr(x, "w:eastAsia", "zh-CN");
  er_xml_attr(x, "w:bidi", "ar-SA");
  er_xml_close(x);
  er_xml_close(x);
  er_xml_close(x);
  er_xml_open(x, "w:pPrDefault");
  er_xml_open(x, "w:pPr");
  er_xml_open(x, "w:spacing");
  er_xml_attr(x, "w:after", "0");
  er_xml_close(x);
  er_xml_close(x);
  er_xml_close(x);
  er_xml_close(x); /* docDefaults */

  /* 正文: justified, two characters in, lines exactly a grid line apart.
   * Its characters do not snap to the character grid: LibreOffice gives a
   * character wider than a grid cell two cells, and 三号 (16 pt) is wider
   * than the 28th of the text block; instead the text is set a fraction of
   * a point tighter (page.compress), so that Word, WPS and LibreOffice
   * alike set 28 characters a line. */
  style_begin(x, "paragraph", "Normal", "Normal", NULL);
  er_xml_open(x, "w:pPr");
  er_dx_empty(x, "w:widowControl", "0");
  /* no space between Chinese and Latin letters or figures: the PDF has
   * none, and the lines keep their 28 characters */
  er_dx_empty(x, "w:autoSpaceDE", "0");
  er_dx_empty(x, "w:autoSpaceDN", "0");
  er_dx_empty(x, "w:snapToGrid", "0");
  spacing(w, true, 0);
  int indent_chars = (int)(w->style->indent_chars.units / ER_DEC_SCALE);
  indent(w, indent_chars, 0);
  er_dx_empty(x, "w:jc", "both");
  er_xml_close(x);
  role_rpr(w, ER_ROLE_BODY, false, w->portrait.compress);
  er_xml_close(x);
  for (int level = 1; level <= 4; level++)
    heading(w, level);
  plain(w, "TableText", "Table Text", ER_ROLE_TABLE, NULL, false);
  caption_style(w);
  unlisted_heading(w, 2);
  unlisted_heading(w, 3);
  annex_heading(w);
  annex_title(w);
  plain(w, "FootnoteText", "footnote text", ER_ROLE_NOTE, "both", false);
  small_print(w);
  issuer(w);
  plain(w, "Header", "header", ER_ROLE_PAGE_NUMBER, "center", false);
  plain(w, "Footer", "footer", ER_ROLE_PAGE_NUMBER, NULL, false);
  toc_style(w, 1, ER_ROLE_H2);
  toc_style(w, 2, ER_ROLE_BODY);

  style_begin(x, "character", "FootnoteReference", "footnote reference", "");
  er_xml_open(x, "w:rPr");
  er_dx_empty(x, "w:vertAlign", "superscript");
  er_xml_close(x);
  er_xml_close(x);
  style_begin(x, "table", "TableGrid", "Table Grid", "");
  er_xml_open(x, "w:tblPr");
  er_xml_open(x, "w:tblBorders");
  static const char *const sides[] = {"w:top",   "w:left",    "w:bottom",
                                      "w:right", "w:insideH", "w:insideV"};
  for (int i = 0; i < 6; i++) {
    er_xml_open(x, sides[i]);
    er_xml_attr(x, "w:val", "single");
    er_xml_attri(x, "w:sz", er_docx_twips(w->style->rule) * 8 / 20); /* eighths of a pt */
    er_xml_attr(x, "w:space", "0");
    er_xml_attr(x, "w:color", "000000");
    er_xml_close(x);
  }
  er_xml_close(x);
  er_xml_open(x, "w:tblCellMar");
  er_xml_open(x, "w:left");
  er_xml_attr(x, "w:w", "85");
  er_xml_attr(x, "w:type", "dxa");
  er_xml_close(x);
  er_xml_open(x, "w:right");
  er_xml_attr(x, "w:w", "85");
  er_xml_attr(x, "w:type", "dxa");
  er_xml_close(x);
  er_xml_close(x);
  er_xml_close(x); /* tblPr */
  er_xml_close(x);
  er_xml_close(x); /* styles */
  er_package_add(&w->pkg, "word/styles.xml", ER_CT "wordprocessingml.styles+xml", x);
  er_package_rel(&w->pkg, "styles.xml", ER_REL "styles");
}
