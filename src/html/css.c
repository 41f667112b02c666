/* The style sheet, generated from the style profile: the page (A4, GB/T
 * 9704 margins) for print, the same page as a sheet of paper on screen,
 * fonts per role with the official families first, tables, charts,
 * contents, and the draft panel. */
#include "html/html.h"

static const char *generic(er_font_role role) {
  return role == ER_ROLE_H2 || role == ER_ROLE_CAPTION ? "sans-serif" : "serif";
}

static void family(const er_style *s, er_font_role role, FILE *out) {
  const er_font *f = &s->fonts[role];
  fputs("font-family: ", out);
  for (size_t i = 0; i < f->count; i++)
    fprintf(out, "\"%s\", ", f->families[i]);
  fprintf(out, "%s; font-size: %s; font-weight: %s;", generic(role), f->size.text,
          f->bold ? "bold" : "normal");
}

static void page(const er_style *s, FILE *out) {
  fprintf(out,
          "@page {\n  size: %s %s;\n  margin: %s %s %s %s;\n"
          "  @bottom-center { content: \"— \" counter(page) \" —\"; ",
          s->page_width.text, s->page_height.text, s->margin_top.text, s->margin_right.text,
          s->margin_bottom.text, s->margin_left.text);
  family(s, ER_ROLE_PAGE_NUMBER, out);
  fputs(" }\n}\n@page :first { @bottom-center { content: none; } }\n", out);
  /* the score sheet's landscape page: the portrait margins turned with it */
  fprintf(out, "@page sheet {\n  size: %s %s;\n  margin: %s %s %s %s;\n}\n", s->page_height.text,
          s->page_width.text, s->margin_left.text, s->margin_top.text, s->margin_right.text,
          s->margin_bottom.text);
}

static void roles(const er_style *s, FILE *out) {
  fputs("body { margin: 0; color: #000; ", out);
  family(s, ER_ROLE_BODY, out);
  fprintf(out, " line-height: %s; }\n", s->line_pitch.text);
  fputs("h1 { ", out);
  family(s, ER_ROLE_TITLE, out);
  /* lines of even length, as §7.3.1 sets a title (排列对称) */
  fputs(" text-align: center; text-wrap: balance; line-height: 1.45; margin: 0 0 1em; }\n", out);
  /* a title, a cover field, a contents entry, the 附件 list break only at
   * the <wbr>s the writer put between words, as the PDF breaks them (词意完整) */
  fputs("h1, section.cover td, nav.toc .entry, p.annex-list, p.annex-note "
        "{ word-break: keep-all; overflow-wrap: anywhere; }\n",
        out);
  char indent[ER_DEC_BUFSIZE];
  er_dec_format_trim(s->indent_chars, 3, indent);
  static const char *const heads[] = {"h2", "h3", "h4"};
  for (int i = 0; i < 3; i++) {
    fprintf(out, "%s { ", heads[i]);
    family(s, (er_font_role)(ER_ROLE_H2 + i), out);
    fprintf(out, " text-indent: %sem; margin: 0; line-height: %s; }\n", indent, s->line_pitch.text);
  }
  fprintf(out, "p { margin: 0; text-indent: %sem; text-align: justify; }\n", indent);
  fputs("table { ", out);
  family(s, ER_ROLE_TABLE, out);
  fprintf(out,
          " border-collapse: collapse; width: 100%%; line-height: 1.4; margin: 0.4em 0 1em; }\n"
          "th, td { border: %s solid #000; padding: 0.8mm 1.4mm; vertical-align: middle; }\n",
          s->rule.text);
  fputs("caption { ", out);
  family(s, ER_ROLE_CAPTION, out);
  fputs(" caption-side: top; padding: 0.6em 0 0.3em; line-height: 1.4; }\n", out);
  fputs("figcaption { ", out);
  family(s, ER_ROLE_CAPTION, out);
  fputs(" text-align: center; line-height: 1.4; margin-top: 0.3em; }\n", out);
  fputs("aside.footnote, table.small, .diagnostics { ", out);
  family(s, ER_ROLE_NOTE, out);
  fputs(" line-height: 1.45; }\n", out);
  fputs("figure.chart svg text { ", out);
  family(s, ER_ROLE_TABLE, out);
  fputs(" }\n", out);
}

static const char fixed_rules[] =
    "html { background: #e9e9e6; }\n"
    "main.paper { box-sizing: border-box; background: #fff; margin: 10mm auto;"
    " box-shadow: 0 0.5mm 3mm rgba(0,0,0,0.25); }\n"
    "h2, h3, h4 { break-after: avoid; }\n"
    "h1 + h1, .subtitle { margin-top: -0.6em; }\n"
    "p.center, .subtitle { text-align: center; text-indent: 0; }\n"
    "p.right, p.signature { text-align: right; text-indent: 0; }\n"
    "p.noindent, td p, th p, li p, .diagnostics p { text-indent: 0; }\n"
    "p.note { text-indent: 0; font-size: 0.75em; line-height: 1.5; }\n"
    /* GB/T 9704: 版头 (issuing bodies in red, the 发文字号 over a red rule),
     * 主送, 附件说明 and 版记 */
    "p.issuer { text-align: center; text-indent: 0; color: #d00; font-size: 1.6em;"
    " letter-spacing: 0.1em; margin: 0; }\n"
    "p.doc-number { text-align: center; text-indent: 0; padding-bottom: 0.6em;"
    " border-bottom: 1.5pt solid #d00; margin-bottom: 1.5em; }\n"
    /* an issuing body without a 发文字号: the red rule under it, the title
     * two lines below */
    "p.issuer + h1 { border-top: 1pt solid #d00; margin-top: 0.4em; padding-top: 2em; }\n"
    "p.addressee, p.imprint { text-indent: 0; }\n"
    /* the 附件 list, ragged as the PDF sets it: its lines end between words */
    "p.annex-note { padding-left: 5em; text-indent: -3em; text-align: start; }\n"
    "p.annex-list { padding-left: 5.5em; text-indent: -3.5em; text-align: start; }\n"
    "p.imprint { border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000;"
    " padding: 0.2em 1em; margin: 0; }\n"
    "th { font-weight: bold; text-align: center; }\n"
    "th.rh { font-weight: normal; text-align: left; }\n"
    "td { text-align: left; }\n"
    "td.center, th.center, td.level, th.level { text-align: center; }\n"
    "td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }\n"
    "th.num { white-space: nowrap; }\n"
    "table.sheet th.num, table.selftable th.num, table.survey th.num { white-space: normal; }\n"
    "thead { display: table-header-group; }\n"
    "tr { break-inside: avoid; }\n"
    "table.sheet { font-size: 9pt; }\n"
    "table.sheet, table.selftable, table.survey { table-layout: fixed; }\n"
    "table.sheet td, table.selftable td { overflow-wrap: anywhere; }\n"
    "table.small th, table.small td { padding: 0.5mm 0.8mm; }\n"
    "table.total tbody tr:last-child td, table.total tbody tr:last-child th,"
    " tr.total td, tr.total th { font-weight: bold; }\n"
    "table.fields { width: 88%; margin: 0 auto; border: 0; }\n"
    "table.fields th, table.fields td { border: 0; padding: 1.6mm 0; font-size: 16pt;"
    " vertical-align: top; }\n"
    "table.fields th { width: 6em; text-align: justify; text-align-last: justify;"
    " font-weight: normal; padding-right: 1em; }\n"
    "table.fields td { border-bottom: 0.75pt solid #000; text-align: center; }\n"
    "section.cover { display: flex; flex-direction: column; justify-content: space-between;"
    " min-height: 215mm; padding-top: 18mm; }\n"
    "section.cover h1 { font-size: 26pt; line-height: 1.6; }\n"
    "section.cover p.date { text-align: center; text-indent: 0; margin-top: 20mm; }\n"
    "figure.chart { margin: 0.6em 0 1em; text-align: center; break-inside: avoid; }\n"
    "figure.chart svg { max-width: 100%; height: auto; }\n"
    "nav.toc ol { list-style: none; margin: 0; padding: 0; }\n"
    "nav.toc li { line-height: 1.9; }\n"
    "nav.toc li.toc-3 { padding-left: 2em; }\n"
    "nav.toc li.toc-4 { padding-left: 4em; }\n"
    "nav.toc a { display: flex; color: inherit; text-decoration: none; }\n"
    "nav.toc a .leader { flex: 1; border-bottom: 1.5pt dotted #555; margin: 0 0.3em 0.45em; }\n"
    "nav.toc a:hover { color: #2f5597; }\n"
    /* the contents a report without a contents page gets on screen */
    "nav.toc-screen { border: 1px solid #c8c8c8; background: #fafaf7; padding: 0.3em 1em 0.5em;"
    " margin: 0 0 1em; }\n"
    "nav.toc-screen h1 { font-size: 1.15em; margin: 0.2em 0; }\n"
    "nav.toc-screen li { line-height: 1.6; margin: 0.15em 0; }\n"
    "div.page-break { break-after: page; height: 0; border-top: 1px dashed #c8c8c8;"
    " margin: 12mm 0; }\n"
    "aside.footnote { border-top: 0.5pt solid #000; margin-top: 0.5em; padding-top: 0.2em; }\n"
    ".diagnostics { border: 1.5pt solid #b00; background: #fff6f5; padding: 3mm 4mm;"
    " margin: 0 0 8mm; }\n"
    ".diagnostics ul { margin: 0.3em 0 0; padding-left: 1.4em; }\n"
    ".diagnostics li.error::marker { color: #b00; }\n"
    ".diagnostics li.warning::marker { color: #b78a00; }\n"
    ".diagnostics a { color: inherit; }\n"
    ".diagnostics .sev { font-weight: bold; }\n"
    ".diagnostics li.error .sev { color: #b00; }\n"
    ".diagnostics li.warning .sev { color: #8a6500; }\n"
    ":target { background: #fff1a8; }\n"
    /* each table scrolls in its own box: the page never scrolls sideways */
    ".table-scroll { overflow-x: auto; margin: 0.4em 0 1em; }\n"
    ".table-scroll > table { margin: 0; }\n"
    ".table-scroll:focus-visible { outline: 2px solid #2f5597; }\n"
    "main.paper { overflow-wrap: break-word; }\n"
    "details.chart-data { text-align: left; margin: 0.2em 0 0; font-size: 0.8em; }\n"
    "details.chart-data summary { cursor: pointer; color: #2f5597; text-align: center; }\n"
    "details.chart-data table { width: auto; margin: 0.3em auto; }\n"
    ".print-note { font: 13px/1.5 sans-serif; background: #fff8d6; color: #333;"
    " border-bottom: 1px solid #d9c97a; margin: 0; padding: 6px 12px; text-align: center;"
    " text-indent: 0; }\n";

/* On a desktop the sheet of paper grows with the window up to a
 * comfortable measure (about 35 characters of body text); below 800 px the
 * paper gives way to the screen's width and wide tables scroll in their
 * boxes. */
static const char screen_rules[] =
    "@media screen and (min-width: 801px) {\n"
    "  main.paper { width: auto; max-width: 250mm; margin: 10mm 20px; }\n"
    "  @supports (width: min(1px, 2px)) {\n"
    "    main.paper { width: min(calc(100vw - 40px), 250mm); margin: 10mm auto; }\n"
    "  }\n"
    "  table.sheet { font-size: 10pt; }\n"
    "}\n"
    "@media screen and (max-width: 800px) {\n"
    "  html { background: #fff; }\n"
    "  body { font-size: 17px; line-height: 1.75; }\n"
    "  main.paper { width: auto; min-height: 0; margin: 0; padding: 16px 14px 32px;"
    " box-shadow: none; }\n"
    "  h1, section.cover h1 { font-size: 22px; line-height: 1.5; }\n"
    "  h2, h3, h4 { font-size: 18px; line-height: 1.6; }\n"
    "  p.issuer { font-size: 22px; }\n"
    "  table { font-size: 14px; }\n"
    "  table.fields { width: 100%; }\n"
    "  table.fields th, table.fields td { font-size: 17px; }\n"
    "  table.sheet, table.selftable { min-width: 720px; font-size: 13px; }\n"
    "  table.survey { min-width: 560px; }\n"
    /* a wide table's caption starts where the box shows it, not at the
     * middle of the table, off the screen */
    "  table.sheet > caption, table.selftable > caption, table.survey > caption {"
    " text-align: left; }\n"
    "  section.cover { min-height: 0; padding-top: 8px; }\n"
    "  section.cover p.date { margin-top: 32px; }\n"
    "  div.page-break { margin: 28px 0; }\n"
    "  p.annex-note { padding-left: 3em; }\n"
    "  .diagnostics { padding: 10px 12px; margin: 0 0 20px; }\n"
    "  .watermark span { font-size: 72pt; }\n"
    "  nav.toc li.toc-3 { padding-left: 1em; }\n"
    "}\n";

/* Chromium draws a merged cell cut by a page down to the page's foot
 * without its bottom border: in print these tables draw their cells'
 * right and bottom borders, and the table its frame on every page. */
static void print_frames(const er_style *s, FILE *out) {
  fprintf(out,
          "@media print {\n  table.sheet, table.selftable { border-collapse: separate;"
          " border-spacing: 0; border: %s solid #000; border-width: %s 0 %s %s;"
          " box-decoration-break: clone; -webkit-box-decoration-break: clone; }\n"
          "  table.sheet th, table.sheet td, table.selftable th, table.selftable td {"
          " border-width: 0 %s %s 0; }\n}\n",
          s->rule.text, s->rule.text, s->rule.text, s->rule.text, s->rule.text, s->rule.text);
}

/* A browser paginates on its own: keep the cover on its page, captions and
 * header rows with their rows and headings with what follows. The score
 * sheet goes on landscape pages as in the PDF, its heading with it (the
 * named page starts a page, so the page break after it would leave a blank
 * one). Its rows, and the 自评表's, fill the pages: a row may not break,
 * but the merged cells of an indicator over its children may (their
 * borders: print_frames), while the header rows repeat. The exact pages are the PDF's: the screen
 * note says so. */
static const char print_rules[] =
    "@media print {\n"
    "  html { background: none; }\n"
    "  body { font-size: inherit; }\n"
    "  main.paper { width: auto; max-width: none; min-height: 0; padding: 0; margin: 0;"
    " box-shadow: none; }\n"
    "  .print-note, details.chart-data, nav.toc-screen { display: none; }\n"
    "  .table-scroll { overflow: visible; margin: 0.4em 0 1em; }\n"
    "  div.page-break { border: 0; margin: 0; height: 0; }\n"
    "  section.cover { min-height: 0; padding-top: 12mm; break-inside: avoid; }\n"
    "  section.cover p.date { margin-top: 12mm; }\n"
    "  h1, h2, h3, h4 { break-after: avoid; break-inside: avoid; }\n"
    "  caption, thead, tr:first-child { break-after: avoid; }\n"
    "  figure.chart, tr { break-inside: avoid; }\n"
    "  p { orphans: 2; widows: 2; }\n"
    "  table.sheet, table.selftable { font-size: 9pt; }\n"
    "  h2:has(+ .table-scroll > table.sheet), .table-scroll:has(> table.sheet) { page: sheet; }\n"
    "  .table-scroll:has(> table.sheet) + div.page-break { display: none; }\n"
    "  table.sheet tr, table.selftable tr { break-inside: auto; }\n"
    "  table.sheet td:not([rowspan]), table.selftable td:not([rowspan]) { break-inside: avoid; }\n"
    "  table.sheet tbody tr:first-child, table.selftable tbody tr:first-child {"
    " break-after: auto; }\n"
    "  nav.toc a .leader { border-bottom-color: #000; }\n"
    "  :target { background: none; }\n"
    "}\n";

static const char watermark[] =
    ".watermark { position: fixed; inset: 0; display: flex; align-items: center; overflow: hidden;"
    " justify-content: center; pointer-events: none; z-index: 10; }\n"
    ".watermark span { font-size: 150pt; color: rgba(190, 0, 0, 0.10); transform: rotate(-30deg);"
    " font-weight: bold; letter-spacing: 0.2em; white-space: nowrap; }\n"
    ".watermark span::before { content: \"草稿\"; }\n";

void er_html_css(const er_style *s, bool draft, FILE *out) {
  page(s, out);
  roles(s, out);
  fputs(fixed_rules, out);
  fprintf(out, "main.paper { width: %s; min-height: %s; padding: %s %s %s %s; }\n",
          s->page_width.text, s->page_height.text, s->margin_top.text, s->margin_right.text,
          s->margin_bottom.text, s->margin_left.text);
  fprintf(out, "div.page-break { margin-left: -%s; margin-right: -%s; }\n", s->margin_left.text,
          s->margin_right.text);
  if (draft)
    fputs(watermark, out);
  fputs(screen_rules, out);
  fputs(print_rules, out);
  print_frames(s, out);
}
