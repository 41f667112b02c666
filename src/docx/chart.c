/* Charts as native Word charts: a chart part (word/charts/chartN.xml) with
 * its data cached in the part — categories, values, the axis maximum the
 * figure gives — drawn inline in a paragraph of its own, the caption
 * below. A bar chart is a column chart, hbar a bar chart, pie a pie, and
 * a stacked bar one bar of every datum stacked to its share; values are
 * labelled. Word, WPS and LibreOffice draw the chart from the cache and
 * let the evaluator restyle it. */
#include "docx/docxw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EMU_PER_TWIP 635L
#define NS_C "http://schemas.openxmlformats.org/drawingml/2006/chart"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"

static const char *const colors[] = {"4472C4", "ED7D31", "A5A5A5", "FFC000",
                                     "5B9BD5", "70AD47", "264478", "9E480E"};
#define NCOLORS (sizeof colors / sizeof colors[0])

static void val(er_xml *x, const char *name, const char *v) {
  er_xml_open(x, name);
  er_xml_attr(x, "val", v);
  er_xml_close(x);
}

static void fill(er_xml *x, const char *rgb) {
  er_xml_open(x, "c:spPr");
  er_xml_open(x, "a:solidFill");
  val(x, "a:srgbClr", rgb);
  er_xml_close(x);
  er_xml_close(x);
}

static void labels(er_xml *x, bool percent) {
  er_xml_open(x, "c:dLbls");
  static const char *const keys[] = {"c:showLegendKey", "c:showVal",     "c:showCatName",
                                     "c:showSerName",   "c:showPercent", "c:showBubbleSize"};
  for (int i = 0; i < 6; i++)
    val(x, keys[i], (i == 1 && !percent) || (i == 4 && percent) ? "1" : "0");
  er_xml_close(x);
}

static int count_data(const er_node *chart) {
  int n = 0;
  for (const er_node *c = chart->first; c; c = c->next)
    n += c->type == ER_DOC_DATUM;
  return n;
}

/* c:cat (labels) or c:val (values) of the data from `only` (every datum
 * when NULL), as a reference into the chart's sheet with its cache. */
static void series_data(er_docxw *w, er_xml *x, const er_node *chart, const er_node *only,
                        bool values, int row) {
  int n = only ? 1 : count_data(chart);
  char ref[64];
  if (only)
    snprintf(ref, sizeof ref, "Sheet1!$%c$%d", values ? 'B' : 'A', row + 2);
  else
    snprintf(ref, sizeof ref, "Sheet1!$%c$2:$%c$%d", values ? 'B' : 'A', values ? 'B' : 'A', n + 1);
  er_xml_open(x, values ? "c:val" : "c:cat");
  er_xml_open(x, values ? "c:numRef" : "c:strRef");
  er_xml_open(x, "c:f");
  er_xml_chars(x, ref);
  er_xml_close(x);
  er_xml_open(x, values ? "c:numCache" : "c:strCache");
  if (values) {
    er_xml_open(x, "c:formatCode");
    er_xml_chars(x, "General");
    er_xml_close(x);
  }
  char count[16];
  snprintf(count, sizeof count, "%d", n);
  val(x, "c:ptCount", count);
  int k = 0;
  for (const er_node *c = chart->first; c; c = c->next) {
    if (c->type != ER_DOC_DATUM || (only && c != only))
      continue;
    er_xml_open(x, "c:pt");
    er_xml_attri(x, "idx", k++);
    er_xml_open(x, "c:v");
    er_xml_chars(x, values ? c->value : er_node_text(w->doc, c));
    er_xml_close(x);
    er_xml_close(x);
  }
  er_xml_close(x);
  er_xml_close(x);
  er_xml_close(x);
}

static void series(er_docxw *w, er_xml *x, const er_node *chart, const er_node *only, int idx,
                   bool pie) {
  char s[16];
  snprintf(s, sizeof s, "%d", idx);
  er_xml_open(x, "c:ser");
  val(x, "c:idx", s);
  val(x, "c:order", s);
  er_xml_open(x, "c:tx");
  er_xml_open(x, "c:v");
  er_xml_chars(x, only ? er_node_text(w->doc, only) : (chart->unit ? chart->unit : ""));
  er_xml_close(x);
  er_xml_close(x);
  if (!pie)
    fill(x, colors[idx % NCOLORS]);
  if (pie) {
    int k = 0;
    for (const er_node *c = chart->first; c; c = c->next) {
      if (c->type != ER_DOC_DATUM)
        continue;
      er_xml_open(x, "c:dPt");
      snprintf(s, sizeof s, "%d", k);
      val(x, "c:idx", s);
      val(x, "c:bubble3D", "0");
      fill(x, colors[k++ % NCOLORS]);
      er_xml_close(x);
    }
  }
  labels(x, pie);
  if (!only)
    series_data(w, x, chart, NULL, false, 0);
  else {
    int row = 0;
    for (const er_node *c = chart->first; c && c != only; c = c->next)
      row += c->type == ER_DOC_DATUM;
    series_data(w, x, chart, only, true, row);
    er_xml_close(x);
    return;
  }
  series_data(w, x, chart, NULL, true, 0);
  er_xml_close(x);
}

static void axes(er_xml *x, const er_node *chart, bool horizontal) {
  er_xml_open(x, "c:catAx");
  val(x, "c:axId", "1");
  er_xml_open(x, "c:scaling");
  val(x, "c:orientation", horizontal ? "maxMin" : "minMax");
  er_xml_close(x);
  val(x, "c:delete", chart->chart == ER_CHART_STACKED ? "1" : "0");
  val(x, "c:axPos", horizontal ? "l" : "b");
  val(x, "c:tickLblPos", "nextTo");
  val(x, "c:crossAx", "2");
  val(x, "c:crosses", "autoZero");
  val(x, "c:auto", "1");
  val(x, "c:lblAlgn", "ctr");
  val(x, "c:lblOffset", "100");
  er_xml_close(x);
  er_xml_open(x, "c:valAx");
  val(x, "c:axId", "2");
  er_xml_open(x, "c:scaling");
  val(x, "c:orientation", "minMax");
  /* the bars' scale as the PDF draws it: its top and its grid's step */
  bool scaled = chart->chart != ER_CHART_STACKED;
  er_chart_scale scale = {{0}, 0};
  char top[ER_DEC_BUFSIZE], step[ER_DEC_BUFSIZE];
  if (scaled) {
    er_dec largest = er_dec_zero();
    for (const er_node *d = chart->first; d; d = d->next) {
      er_dec v;
      if (d->type == ER_DOC_DATUM && er_dec_parse(d->value, strlen(d->value), &v) == ER_DEC_OK)
        largest = er_dec_max(largest, v);
    }
    scale = er_chart_scale_of(chart, largest);
    er_dec_format_trim(scale.max, 6, top);
    er_dec_format_trim(er_dec_div(scale.max, er_dec_int(scale.intervals)), 6, step);
    val(x, "c:max", top);
  }
  val(x, "c:min", "0");
  er_xml_close(x);
  val(x, "c:delete", "0");
  val(x, "c:axPos", horizontal ? "b" : "l");
  er_xml_open(x, "c:majorGridlines");
  er_xml_close(x);
  er_xml_open(x, "c:numFmt");
  er_xml_attr(x, "formatCode", "General");
  er_xml_attr(x, "sourceLinked", "0");
  er_xml_close(x);
  val(x, "c:tickLblPos", "nextTo");
  val(x, "c:crossAx", "1");
  val(x, "c:crosses", horizontal ? "max" : "autoZero");
  val(x, "c:crossBetween", "between");
  if (scaled)
    val(x, "c:majorUnit", step);
  er_xml_close(x);
}

/* The chart's workbook, and the chart part's relationship to it. */
static bool embed_book(er_docxw *w, const er_node *chart, int k) {
  const er_dx_book *book = er_docx_book_of(w, chart);
  if (!book || !book->data)
    return false;
  char name[64], target[64];
  snprintf(name, sizeof name, "word/embeddings/chart%d.xlsx", k);
  er_package_add_bytes(&w->pkg, name,
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       book->data, book->len);
  er_xml x;
  er_xml_begin(&x, true);
  er_xml_open(&x, "Relationships");
  er_xml_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  er_xml_open(&x, "Relationship");
  er_xml_attr(&x, "Id", "rId1");
  er_xml_attr(&x, "Type", ER_REL "package");
  snprintf(target, sizeof target, "../embeddings/chart%d.xlsx", k);
  er_xml_attr(&x, "Target", target);
  er_xml_close(&x);
  er_xml_close(&x);
  snprintf(name, sizeof name, "word/charts/_rels/chart%d.xml.rels", k);
  er_package_add(&w->pkg, name, NULL, &x);
  return true;
}

static void chart_part(er_docxw *w, const er_node *chart, const char *name, bool book) {
  er_xml x;
  er_xml_begin(&x, true);
  er_xml_open(&x, "c:chartSpace");
  er_xml_attr(&x, "xmlns:c", NS_C);
  er_xml_attr(&x, "xmlns:a", NS_A);
  er_xml_attr(&x, "xmlns:r", ER_DX_R);
  val(&x, "c:roundedCorners", "0");
  er_xml_open(&x, "c:chart");
  val(&x, "c:autoTitleDeleted", "1");
  er_xml_open(&x, "c:plotArea");
  er_xml_open(&x, "c:layout");
  er_xml_close(&x);
  bool pie = chart->chart == ER_CHART_PIE;
  bool horizontal = chart->chart == ER_CHART_HBAR || chart->chart == ER_CHART_STACKED;
  if (pie) {
    er_xml_open(&x, "c:pieChart");
    val(&x, "c:varyColors", "1");
    series(w, &x, chart, NULL, 0, true);
    val(&x, "c:firstSliceAng", "0");
    er_xml_close(&x);
  } else {
    er_xml_open(&x, "c:barChart");
    val(&x, "c:barDir", horizontal ? "bar" : "col");
    bool stacked = chart->chart == ER_CHART_STACKED;
    val(&x, "c:grouping", stacked ? "percentStacked" : "clustered");
    val(&x, "c:varyColors", "0");
    if (stacked) {
      int k = 0;
      for (const er_node *c = chart->first; c; c = c->next)
        if (c->type == ER_DOC_DATUM)
          series(w, &x, chart, c, k++, false);
    } else {
      series(w, &x, chart, NULL, 0, false);
    }
    val(&x, "c:gapWidth", "80");
    if (stacked)
      val(&x, "c:overlap", "100");
    val(&x, "c:axId", "1");
    val(&x, "c:axId", "2");
    er_xml_close(&x);
    axes(&x, chart, horizontal);
  }
  er_xml_close(&x); /* plotArea */
  if (pie || chart->chart == ER_CHART_STACKED) {
    er_xml_open(&x, "c:legend");
    val(&x, "c:legendPos", "r");
    val(&x, "c:overlay", "0");
    er_xml_close(&x);
  }
  val(&x, "c:plotVisOnly", "1");
  er_xml_close(&x); /* chart */
  er_xml_open(&x, "c:txPr");
  er_xml_open(&x, "a:bodyPr");
  er_xml_close(&x);
  er_xml_open(&x, "a:p");
  er_xml_open(&x, "a:pPr");
  er_xml_open(&x, "a:defRPr");
  er_xml_attri(&x, "sz", w->size[ER_ROLE_NOTE] * 50);
  er_xml_open(&x, "a:ea");
  const er_font *f = &w->style->fonts[ER_ROLE_TABLE];
  er_xml_attr(&x, "typeface", f->count ? f->families[0] : "宋体");
  er_xml_close(&x);
  er_xml_close(&x);
  er_xml_close(&x);
  er_xml_close(&x);
  er_xml_close(&x); /* txPr */
  if (book) {
    er_xml_open(&x, "c:externalData");
    er_xml_attr(&x, "r:id", "rId1");
    val(&x, "c:autoUpdate", "0");
    er_xml_close(&x);
  }
  er_xml_close(&x); /* chartSpace */
  char part[64];
  snprintf(part, sizeof part, "word/%s", name);
  er_package_add(&w->pkg, part, ER_CT "drawingml.chart+xml", &x);
}

/* The figure's height in twips: the room the PDF gives a chart of its
 * kind (src/pdf/chart.c) — a pie of 72 pt radius or its legend of 20 pt
 * rows, a bar of 24 pt a datum, a stacked bar over its legend, columns
 * 150 pt tall over their labels of up to three lines — so that the pages
 * break where the PDF's do. */
static long figure_height(er_docxw *w, const er_node *chart, long width) {
  int n = count_data(chart);
  double pt, size = (double)w->size[ER_ROLE_NOTE] / 2;
  switch (chart->chart) {
  case ER_CHART_PIE:
    pt = fmax(2 * 72.0 + 16, 20.0 * n + 16);
    break;
  case ER_CHART_HBAR:
    pt = 24.0 * n + 8;
    break;
  case ER_CHART_STACKED:
    pt = 26.0 + 14 + 20.0 * n;
    break;
  default: {
    double slot = ((double)width / 20 - 52) / (n > 0 ? n : 1), lines = 1;
    for (const er_node *c = chart->first; c; c = c->next)
      if (c->type == ER_DOC_DATUM) {
        double chars = 0;
        for (const unsigned char *t = (const unsigned char *)er_node_text(w->doc, c); *t; t++)
          chars += *t < 0x80 ? 0.5 : (*t & 0xC0) != 0x80;
        lines = fmax(lines, ceil(chars * size / fmax(slot - 4, size)));
      }
    pt = 18.0 + 150 + 8 + fmin(lines, 3) * 1.3 * size;
  }
  }
  return lround(pt * 20);
}

void er_docx_chart(er_docxw *w, const er_node *chart) {
  int k = ++w->ncharts;
  char name[48];
  snprintf(name, sizeof name, "charts/chart%d.xml", k);
  chart_part(w, chart, name, embed_book(w, chart, k));
  int rel = er_package_rel(&w->pkg, name, ER_REL "chart");
  const er_dx_page *p = w->landscape_on ? &w->landscape : &w->portrait;
  long width = (p->width - p->left - p->right) * 9 / 10;
  long height = figure_height(w, chart, width);
  er_xml *x = &w->x;
  er_xml_open(x, "w:p");
  w->keep_next = true; /* with its caption */
  er_docx_ppr_begin(w, "Caption", NULL);
  er_xml_open(x, "w:spacing"); /* the room the PDF leaves above a figure */
  er_xml_attri(x, "w:before", w->portrait.line_pitch * 3 / 10);
  er_xml_attr(x, "w:line", "240");
  er_xml_attr(x, "w:lineRule", "auto");
  er_xml_close(x);
  er_xml_close(x);
  er_xml_open(x, "w:r");
  er_xml_open(x, "w:drawing");
  er_xml_open(x, "wp:inline");
  er_xml_open(x, "wp:extent");
  er_xml_attri(x, "cx", width * EMU_PER_TWIP);
  er_xml_attri(x, "cy", height * EMU_PER_TWIP);
  er_xml_close(x);
  er_xml_open(x, "wp:docPr");
  er_xml_attri(x, "id", k);
  er_xml_attrf(x, "name", "图表 %d", k);
  er_xml_close(x);
  er_xml_open(x, "a:graphic");
  er_xml_attr(x, "xmlns:a", NS_A);
  er_xml_open(x, "a:graphicData");
  er_xml_attr(x, "uri", NS_C);
  er_xml_open(x, "c:chart");
  er_xml_attr(x, "xmlns:c", NS_C);
  er_xml_attrf(x, "r:id", "rId%d", rel);
  er_xml_close(x);
  er_xml_close(x);
  er_xml_close(x);
  er_xml_close(x); /* inline */
  er_xml_close(x); /* drawing */
  er_xml_close(x); /* r */
  er_xml_close(x); /* p */
  for (const er_node *c = chart->first; c; c = c->next)
    if (c->type == ER_DOC_FIGCAPTION)
      er_docx_paragraph(w, c, "Caption", NULL);
}
