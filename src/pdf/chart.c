/* Charts (figure class="chart") as vector paths, the width of the text
 * block: bars (vertical, with a scale and grid lines, or horizontal), a
 * pie (sectors as Bézier arcs) or a stacked bar, each with a legend of
 * values and shares, and the figcaption below. Labels and values are
 * text in the table font, so they can be searched and copied. The same
 * palette, scale and figures (decimal arithmetic) as the HTML's SVG. */
#include "pdf/pdfw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LABEL_LINE 1.3 /* of the label size */

static const uint32_t palette[] = {0x2f5597, 0xc55a11, 0x548235, 0xbf9000,
                                   0x7030a0, 0x2e75b6, 0x843c0c, 0x7f7f7f};

typedef struct datum {
  const char *label, *value_text;
  er_dec value;
} datum;

typedef struct chart {
  er_pdfw *w;
  er_pages *p;
  size_t page;
  double x, y, width; /* the chart's top-left corner on the paper and its width, pt */
  double size;        /* labels and values, pt */
  datum data[ER_CHART_MAX_DATA];
  size_t count;
  er_dec max, total;
  int intervals; /* of the value scale */
  const char *unit;
} chart;

static double num(er_dec v) { return (double)v.units / (double)ER_DEC_SCALE; }

/* a × b / c */
static er_dec scale(er_dec a, er_dec b, er_dec c) {
  return er_dec_is_zero(c) ? er_dec_zero() : er_dec_div(er_dec_mul(a, b), c);
}

/* ---- text ---- */

/* Sets `text` at `size` in `measure` points, aligned; the lines' baseline
 * of the first at `y`, each `LABEL_LINE` apart, at most `most` lines. Returns
 * the lines set. */
static size_t text_at(chart *c, const char *text, double size, er_align align, double x,
                      double measure, double y, size_t most) {
  er_span span = {.text = text, .len = strlen(text), .role = ER_ROLE_TABLE, .size = size};
  er_para_style ps = {
      .measure = measure, .wide_em = 1, .align = align, .squeeze = true, .phrases = true};
  er_para para;
  er_para_layout(&para, er_typesetter_fonts(c->w->ts), er_typesetter_linebreaker(c->w->ts), &span,
                 1, &ps, c->w->d);
  size_t n = para.nlines < most ? para.nlines : most;
  for (size_t l = 0; l < n; l++)
    er_pages_place_line(c->p, c->page, &para, l, x, y + (double)l * LABEL_LINE * size);
  er_para_free(&para);
  return n;
}

static size_t lines_of(chart *c, const char *text, double size, double measure) {
  er_span span = {.text = text, .len = strlen(text), .role = ER_ROLE_TABLE, .size = size};
  er_para_style ps = {
      .measure = measure, .wide_em = 1, .align = ER_ALIGN_CENTER, .squeeze = true, .phrases = true};
  er_para para;
  er_para_layout(&para, er_typesetter_fonts(c->w->ts), er_typesetter_linebreaker(c->w->ts), &span,
                 1, &ps, c->w->d);
  size_t n = para.nlines;
  er_para_free(&para);
  return n;
}

static const char *with_unit(chart *c, const char *value) {
  return er_arena_printf(&c->w->doc->arena, "%s%s", value, c->unit ? c->unit : "");
}

static void rect(chart *c, double x, double y, double w, double h, uint32_t fill) {
  er_shape s = {.kind = ER_SHAPE_RECT, .x = x, .y = y, .w = w, .h = h, .fill = fill};
  er_pages_shape(c->p, c->page, &s);
}

static void rule(chart *c, double x, double y, double w, double h, double width, uint32_t color) {
  er_shape s = {.kind = ER_SHAPE_LINE,
                .x = x,
                .y = y,
                .w = w,
                .h = h,
                .stroke = width,
                .color = color,
                .fill = ER_NO_FILL};
  er_pages_shape(c->p, c->page, &s);
}

/* ---- bars ---- */

#define BAR_LEFT 44.0 /* the scale's labels */
#define BAR_TOP 18.0  /* the values above the bars */
#define BAR_PLOT 150.0

static double bars_height(chart *c) {
  double slot = (c->width - BAR_LEFT - 8) / (double)c->count;
  size_t most = 1;
  for (size_t i = 0; i < c->count; i++) {
    size_t n = lines_of(c, c->data[i].label, c->size, slot - 4);
    most = n > most ? n : most;
  }
  if (most > 3)
    most = 3;
  return BAR_TOP + BAR_PLOT + 8 + (double)most * LABEL_LINE * c->size;
}

static void bars(chart *c) {
  double plot_w = c->width - BAR_LEFT - 8, base = c->y + BAR_TOP + BAR_PLOT;
  double left = c->x + BAR_LEFT, tick = 0.85 * c->size;
  for (int i = 0; i <= c->intervals; i++) {
    double y = base - BAR_PLOT * i / c->intervals;
    rule(c, left, y, plot_w, 0, i ? 0.5 : 0.8, i ? 0xD9D9D9 : 0x333333);
    char buf[ER_DEC_BUFSIZE];
    const char *t = with_unit(
        c, er_dec_format_trim(scale(c->max, er_dec_int(i), er_dec_int(c->intervals)), 2, buf));
    text_at(c, t, tick, ER_ALIGN_END, c->x, BAR_LEFT - 5, y + 0.35 * tick, 1);
  }
  double slot = plot_w / (double)c->count, bar = fmin(slot / 2, 54);
  for (size_t i = 0; i < c->count; i++) {
    const datum *d = &c->data[i];
    er_dec v = er_dec_max(er_dec_zero(), er_dec_min(d->value, c->max));
    double h = BAR_PLOT * num(scale(v, er_dec_int(1), c->max)), cx = left + slot * (i + 0.5);
    rect(c, cx - bar / 2, base - h, bar, h, palette[0]);
    text_at(c, with_unit(c, d->value_text), c->size, ER_ALIGN_CENTER, cx - slot / 2, slot,
            base - h - 4, 1);
    text_at(c, d->label, c->size, ER_ALIGN_CENTER, cx - slot / 2 + 2, slot - 4,
            base + 6 + 0.88 * c->size + (LABEL_LINE - 1) / 2 * c->size, 3);
  }
}

/* ---- horizontal bars ---- */

#define HBAR_ROW 24.0

static double hbars_height(chart *c) { return HBAR_ROW * (double)c->count + 8; }

static void hbars(chart *c) {
  double label_w = 0.3 * c->width, value_w = 80, plot_w = c->width - label_w - value_w - 8;
  double left = c->x + label_w + 8;
  rule(c, left, c->y + 2, 0, HBAR_ROW * (double)c->count + 4, 0.8, 0x333333);
  for (size_t i = 0; i < c->count; i++) {
    const datum *d = &c->data[i];
    er_dec v = er_dec_max(er_dec_zero(), er_dec_min(d->value, c->max));
    double w = plot_w * num(scale(v, er_dec_int(1), c->max)), top = c->y + 4 + HBAR_ROW * i;
    double baseline = top + HBAR_ROW / 2 + 0.35 * c->size;
    rect(c, left, top + 5, w, HBAR_ROW - 10, palette[0]);
    text_at(c, d->label, c->size, ER_ALIGN_END, c->x, label_w, baseline, 1);
    text_at(c, with_unit(c, d->value_text), c->size, ER_ALIGN_START, left + w + 5, value_w,
            baseline, 1);
  }
}

/* ---- legends, pie, stacked ---- */

#define LEGEND_ROW 20.0

static void legend(chart *c, double x, double y, double width) {
  for (size_t i = 0; i < c->count; i++) {
    const datum *d = &c->data[i];
    double top = y + LEGEND_ROW * i;
    rect(c, x, top + (LEGEND_ROW - 10) / 2, 10, 10, palette[i % 8]);
    char share[ER_DEC_BUFSIZE];
    er_dec_format(scale(d->value, er_dec_int(100), c->total), 2, share);
    const char *t = er_arena_printf(&c->w->doc->arena, "%s　%s%s（%s%%）", d->label, d->value_text,
                                    c->unit ? c->unit : "", share);
    text_at(c, t, c->size, ER_ALIGN_START, x + 16, width - 16,
            top + LEGEND_ROW / 2 + 0.35 * c->size, 1);
  }
}

#define PIE_R 72.0

static double pie_height(chart *c) {
  double legend = LEGEND_ROW * (double)c->count + 16;
  return fmax(2 * PIE_R + 16, legend);
}

static void pie(chart *c) {
  double h = pie_height(c), cx = c->x + 0.22 * c->width, cy = c->y + h / 2;
  double total = num(c->total), start = 0;
  for (size_t i = 0; i < c->count; i++) {
    double part = total > 0 ? num(c->data[i].value) / total : 0;
    if (part <= 0)
      continue;
    double end = part >= 0.999999 ? 360 : start + 360 * part;
    er_shape s = {.kind = ER_SHAPE_SECTOR,
                  .x = cx,
                  .y = cy,
                  .w = PIE_R,
                  .a0 = start,
                  .a1 = end,
                  .stroke = 1.2,
                  .color = 0xFFFFFF,
                  .fill = palette[i % 8]};
    er_pages_shape(c->p, c->page, &s);
    start = end;
  }
  double lx = c->x + 0.45 * c->width;
  legend(c, lx, cy - LEGEND_ROW * (double)c->count / 2, c->x + c->width - lx);
}

#define STACK_BAR 26.0

static double stacked_height(chart *c) { return STACK_BAR + 14 + LEGEND_ROW * (double)c->count; }

static void stacked(chart *c) {
  double x = c->x;
  for (size_t i = 0; i < c->count; i++) {
    er_dec v = er_dec_max(er_dec_zero(), c->data[i].value);
    double w = c->width * num(scale(v, er_dec_int(1), c->total));
    rect(c, x, c->y + 2, w, STACK_BAR, palette[i % 8]);
    x += w;
  }
  legend(c, c->x, c->y + STACK_BAR + 12, c->width);
}

/* ---- the figure ---- */

static bool read_data(chart *c, const er_node *n) {
  for (const er_node *k = n->first; k && c->count < ER_CHART_MAX_DATA; k = k->next) {
    if (k->type != ER_DOC_DATUM)
      continue;
    datum *d = &c->data[c->count++];
    d->label = er_node_text(c->w->doc, k);
    d->value_text = k->value;
    if (er_dec_parse(k->value, strlen(k->value), &d->value) != ER_DEC_OK)
      d->value = er_dec_zero();
    c->max = er_dec_max(c->max, d->value);
    if (d->value.units > 0)
      c->total = er_dec_add(c->total, d->value);
  }
  if (!c->count)
    return false;
  er_chart_scale axis = er_chart_scale_of(n, c->max);
  c->max = axis.max;
  c->intervals = axis.intervals;
  return true;
}

/* The chart of `n` with its data read, its height *h and its caption's
 * *cap_h; NULL when it has no data. */
static chart *prepare(er_pdfw *w, const er_node *n, const er_node **caption, double *h,
                      double *cap_h) {
  chart *c = calloc(1, sizeof *c);
  if (!c)
    abort();
  c->w = w;
  c->p = er_typesetter_page_set(w->ts);
  c->unit = n->unit;
  c->size = w->size[ER_ROLE_NOTE];
  c->width = w->portrait.block_width;
  *caption = NULL;
  for (const er_node *k = n->first; k; k = k->next)
    if (k->type == ER_DOC_FIGCAPTION)
      *caption = k;
  if (!read_data(c, n)) {
    free(c);
    return NULL;
  }
  *h = n->chart == ER_CHART_BAR    ? bars_height(c)
       : n->chart == ER_CHART_HBAR ? hbars_height(c)
       : n->chart == ER_CHART_PIE  ? pie_height(c)
                                   : stacked_height(c);
  *cap_h = *caption ? 1.5 * w->size[ER_ROLE_CAPTION] + 6 : 0;
  return c;
}

double er_pdfw_chart_height(er_pdfw *w, const er_node *n) {
  const er_node *caption;
  double h, cap_h;
  chart *c = prepare(w, n, &caption, &h, &cap_h);
  free(c);
  return c ? 0.3 * w->leading + h + cap_h : 0;
}

void er_pdfw_chart(er_pdfw *w, const er_node *n) {
  const er_node *caption;
  double h, cap_h;
  chart *c = prepare(w, n, &caption, &h, &cap_h);
  if (!c)
    return;
  double cap_size = w->size[ER_ROLE_CAPTION];
  double space = 0.3 * w->leading;
  er_typeset_keep(w->ts, space + h + cap_h);
  er_pages_space(c->p, space);
  if (h + cap_h > er_pages_room(c->p))
    er_pages_break(c->p);
  c->page = er_pages_current(c->p);
  const er_page_style *st = &c->p->pages[c->page].style;
  c->x = st->left;
  c->y = st->top + c->p->cursor;
  switch (n->chart) {
  case ER_CHART_BAR:
    bars(c);
    break;
  case ER_CHART_HBAR:
    hbars(c);
    break;
  case ER_CHART_PIE:
    pie(c);
    break;
  case ER_CHART_STACKED:
    stacked(c);
    break;
  }
  er_pages_advance(c->p, h);
  if (caption) {
    er_typeset_keep(w->ts, 0);
    er_block_style s = er_pdfw_block_style(w, 0);
    s.role = ER_ROLE_CAPTION;
    s.size = cap_size;
    s.indent = 0;
    s.align = ER_ALIGN_CENTER;
    s.off_grid = true;
    s.leading = 1.5 * cap_size / w->leading;
    s.space_before = 6 / w->leading;
    er_ink ink = er_pdfw_ink(w, ER_ROLE_CAPTION);
    er_pdfw_paragraph(w, caption, &s, &ink, -1);
  }
  er_pages_space(c->p, 0.5 * w->leading);
  er_pages_snap(c->p);
  free(c);
}
