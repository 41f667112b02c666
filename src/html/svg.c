/* Charts as inline SVG: bars (vertical or horizontal) with their values,
 * a pie or a stacked bar with a legend of values and shares. Figures are
 * decimals (er_dec); only the pie's angles need sine and cosine. */
#include "html/html.h"

#include <math.h>
#include <string.h>

static const char *const palette[] = {"#2f5597", "#c55a11", "#548235", "#bf9000",
                                      "#7030a0", "#2e75b6", "#843c0c", "#7f7f7f"};

typedef struct datum {
  const char *label, *value_text;
  er_dec value;
} datum;

typedef struct chart {
  datum data[ER_CHART_MAX_DATA];
  size_t count;
  er_dec max, total;
  int intervals; /* of the value scale */
  const char *unit;
  const char *name; /* the figcaption's text: the drawing's accessible name */
  FILE *out;
} chart;

static void svg_open(const chart *c, int W, int H) {
  fprintf(c->out, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\"", W, H, W, H);
  fputs(">\n", c->out);
  if (c->name && *c->name) { /* the accessible name: the figcaption's text */
    fputs("<title>", c->out);
    er_html_escape(c->name, c->out);
    fputs("</title>\n", c->out);
  }
}

static const char *num(er_dec v, char buf[ER_DEC_BUFSIZE]) { return er_dec_format_trim(v, 2, buf); }

static er_dec dec(int64_t n) { return er_dec_int(n); }

/* a × b / c */
static er_dec scale(er_dec a, er_dec b, er_dec c) {
  return er_dec_is_zero(c) ? er_dec_zero() : er_dec_div(er_dec_mul(a, b), c);
}

static size_t utf8_chars(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += (*s & 0xC0) != 0x80;
  return n;
}

/* Writes a label centred at x, broken into lines of at most `per_line`
 * characters, the first line's baseline at y. */
static void label(FILE *out, const char *s, er_dec x, er_dec y, size_t per_line,
                  const char *anchor) {
  char bx[ER_DEC_BUFSIZE], by[ER_DEC_BUFSIZE];
  fprintf(out, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" font-size=\"13\">", num(x, bx),
          num(y, by), anchor);
  size_t total = utf8_chars(s), lines = per_line ? (total + per_line - 1) / per_line : 1;
  if (lines > 3)
    lines = 3, per_line = (total + 2) / 3;
  const char *p = s;
  for (size_t line = 0; line < lines && *p; line++) {
    fprintf(out, "<tspan x=\"%s\" dy=\"%s\">", bx, line ? "16" : "0");
    char chunk[512];
    size_t used = 0, chars = 0;
    while (*p && (chars < per_line || line == lines - 1) && used + 4 < sizeof chunk) {
      size_t n = 1;
      while ((p[n] & 0xC0) == 0x80)
        n++;
      memcpy(chunk + used, p, n);
      used += n;
      p += n;
      chars++;
    }
    chunk[used] = '\0';
    er_html_escape(chunk, out);
    fputs("</tspan>", out);
  }
  fputs("</text>\n", out);
}

static void value_text(FILE *out, const chart *c, const datum *d, er_dec x, er_dec y,
                       const char *anchor) {
  char bx[ER_DEC_BUFSIZE], by[ER_DEC_BUFSIZE];
  fprintf(out, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" font-size=\"13\" fill=\"#222\">",
          num(x, bx), num(y, by), anchor);
  er_html_escape(d->value_text, out);
  if (c->unit)
    er_html_escape(c->unit, out);
  fputs("</text>\n", out);
}

static void bars(chart *c) {
  FILE *out = c->out;
  const int W = 640, H = 330, left = 56, right = 16, top = 30, bottom = 70;
  er_dec plot_w = dec(W - left - right), plot_h = dec(H - top - bottom), base = dec(H - bottom);
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE], e[ER_DEC_BUFSIZE], f[ER_DEC_BUFSIZE];
  svg_open(c, W, H);
  for (int i = 0; i <= c->intervals; i++) { /* grid and scale */
    er_dec y = er_dec_sub(base, scale(plot_h, dec(i), dec(c->intervals)));
    er_dec tick = scale(c->max, dec(i), dec(c->intervals));
    fprintf(out,
            "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"%s\" stroke-width=\"1\"/>\n",
            left, num(y, a), W - right, num(y, b), i ? "#d9d9d9" : "#333");
    fprintf(out, "<text x=\"%d\" y=\"%s\" text-anchor=\"end\" font-size=\"12\" fill=\"#444\">%s",
            left - 6, num(er_dec_add(y, dec(4)), a), num(tick, b));
    if (c->unit)
      er_html_escape(c->unit, out);
    fputs("</text>\n", out);
  }
  er_dec slot = scale(plot_w, dec(1), dec((int64_t)c->count));
  er_dec width = er_dec_min(er_dec_div(slot, dec(2)), dec(72));
  size_t per_line = (size_t)(er_dec_div(slot, dec(14)).units / ER_DEC_SCALE);
  for (size_t i = 0; i < c->count; i++) {
    const datum *d = &c->data[i];
    er_dec v = er_dec_max(er_dec_zero(), er_dec_min(d->value, c->max));
    er_dec h = scale(plot_h, v, c->max);
    er_dec cx = er_dec_add(dec(left),
                           er_dec_add(er_dec_mul(slot, dec((int64_t)i)), er_dec_div(slot, dec(2))));
    er_dec x = er_dec_sub(cx, er_dec_div(width, dec(2)));
    fprintf(out, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>",
            num(x, a), num(er_dec_sub(base, h), b), num(width, e), num(h, f), palette[0]);
    er_html_escape(d->label, out);
    fputs("</title></rect>\n", out);
    value_text(out, c, d, cx, er_dec_sub(er_dec_sub(base, h), dec(6)), "middle");
    label(out, d->label, cx, er_dec_add(base, dec(20)), per_line ? per_line : 1, "middle");
  }
  fputs("</svg>\n", out);
}

static void hbars(chart *c) {
  FILE *out = c->out;
  const int W = 640, left = 170, right = 90, row = 34, top = 12;
  int H = top * 2 + row * (int)c->count;
  er_dec plot_w = dec(W - left - right);
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE], e[ER_DEC_BUFSIZE];
  svg_open(c, W, H);
  fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", left, top, left,
          H - top);
  for (size_t i = 0; i < c->count; i++) {
    const datum *d = &c->data[i];
    er_dec v = er_dec_max(er_dec_zero(), er_dec_min(d->value, c->max));
    er_dec w = scale(plot_w, v, c->max);
    int y = top + row * (int)i;
    fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"%s\"/>\n", left, y + 7,
            num(w, a), row - 14, palette[0]);
    label(out, d->label, dec(left - 8), dec(y + row / 2 + 5), 0, "end");
    value_text(out, c, d, er_dec_add(dec(left + 6), w), dec(y + row / 2 + 5), "start");
  }
  (void)b;
  (void)e;
  fputs("</svg>\n", out);
}

/* The share of a datum in the total, as "37.50%". */
static void share_text(FILE *out, const chart *c, const datum *d) {
  char s[ER_DEC_BUFSIZE];
  er_dec share = scale(d->value, dec(100), c->total);
  fprintf(out, "%s%%", er_dec_format(share, 2, s));
}

static void legend(chart *c, int x, int y0) {
  FILE *out = c->out;
  for (size_t i = 0; i < c->count; i++) {
    const datum *d = &c->data[i];
    int y = y0 + 26 * (int)i;
    fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>\n", x, y - 12,
            palette[i % 8]);
    fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"13\">", x + 20, y);
    er_html_escape(d->label, out);
    fputs("　", out);
    er_html_escape(d->value_text, out);
    if (c->unit)
      er_html_escape(c->unit, out);
    fputs("（", out);
    share_text(out, c, d);
    fputs("）</text>\n", out);
  }
}

static void pie(chart *c) {
  FILE *out = c->out;
  const int W = 640, cx = 150, cy = 150, r = 120;
  int H = 300 > 40 + 26 * (int)c->count ? 300 : 40 + 26 * (int)c->count;
  svg_open(c, W, H);
  double start = -M_PI / 2, total = (double)c->total.units;
  for (size_t i = 0; i < c->count; i++) {
    double part = total > 0 ? (double)c->data[i].value.units / total : 0;
    if (part <= 0)
      continue;
    if (part >= 0.999999) {
      fprintf(out, "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\"/>\n", cx, cy, r,
              palette[i % 8]);
      break;
    }
    double end = start + part * 2 * M_PI;
    fprintf(out,
            "<path d=\"M%d %d L%.2f %.2f A%d %d 0 %d 1 %.2f %.2f Z\" fill=\"%s\" stroke=\"#fff\" "
            "stroke-width=\"1.5\"/>\n",
            cx, cy, cx + r * cos(start), cy + r * sin(start), r, r, part > 0.5 ? 1 : 0,
            cx + r * cos(end), cy + r * sin(end), palette[i % 8]);
    start = end;
  }
  legend(c, 310, 60);
  fputs("</svg>\n", out);
}

static void stacked(chart *c) {
  FILE *out = c->out;
  const int W = 640, left = 20, width = 600, bar = 36;
  int H = 80 + 26 * (int)c->count;
  char a[ER_DEC_BUFSIZE], b[ER_DEC_BUFSIZE];
  svg_open(c, W, H);
  er_dec x = dec(left);
  for (size_t i = 0; i < c->count; i++) {
    er_dec w = scale(dec(width), er_dec_max(er_dec_zero(), c->data[i].value), c->total);
    fprintf(out, "<rect x=\"%s\" y=\"12\" width=\"%s\" height=\"%d\" fill=\"%s\"/>\n", num(x, a),
            num(w, b), bar, palette[i % 8]);
    x = er_dec_add(x, w);
  }
  legend(c, left, 12 + bar + 34);
  fputs("</svg>\n", out);
}

void er_html_chart(er_doc *doc, const er_node *n, FILE *out) {
  chart c = {.out = out, .unit = n->unit};
  for (const er_node *k = n->first; k; k = k->next)
    if (k->type == ER_DOC_FIGCAPTION)
      c.name = er_node_text(doc, k);
  for (const er_node *k = n->first; k && c.count < ER_CHART_MAX_DATA; k = k->next) {
    if (k->type != ER_DOC_DATUM)
      continue;
    datum *d = &c.data[c.count++];
    d->label = er_node_text(doc, k);
    d->value_text = k->value;
    if (er_dec_parse(k->value, strlen(k->value), &d->value) != ER_DEC_OK)
      d->value = er_dec_zero();
    c.max = er_dec_max(c.max, d->value);
    if (d->value.units > 0)
      c.total = er_dec_add(c.total, d->value);
  }
  if (!c.count)
    return;
  er_chart_scale axis = er_chart_scale_of(n, c.max);
  c.max = axis.max;
  c.intervals = axis.intervals;
  switch (n->chart) {
  case ER_CHART_BAR:
    bars(&c);
    break;
  case ER_CHART_HBAR:
    hbars(&c);
    break;
  case ER_CHART_PIE:
    pie(&c);
    break;
  case ER_CHART_STACKED:
    stacked(&c);
    break;
  }
}

/* The chart's figures as a table, for a screen reader and for whoever
 * wants the numbers: folded under the drawing, not printed. */
void er_html_chart_table(er_doc *doc, const er_node *n, FILE *out) {
  fputs("<details class=\"chart-data\"><summary>图表数据</summary>\n<table class=\"small\">\n"
        "<caption>",
        out);
  const char *name = NULL;
  for (const er_node *k = n->first; k; k = k->next)
    if (k->type == ER_DOC_FIGCAPTION)
      name = er_node_text(doc, k);
  er_html_escape(name && *name ? name : "图表", out);
  fputs("（数据）</caption>\n<thead><tr><th scope=\"col\">项目</th><th scope=\"col\" "
        "class=\"num\">数值",
        out);
  if (n->unit && *n->unit) {
    fputs("（", out);
    er_html_escape(n->unit, out);
    fputs("）", out);
  }
  fputs("</th></tr></thead>\n<tbody>\n", out);
  for (const er_node *k = n->first; k; k = k->next) {
    if (k->type != ER_DOC_DATUM)
      continue;
    fputs("<tr><th scope=\"row\" class=\"rh\">", out);
    er_html_escape(er_node_text(doc, k), out);
    fputs("</th><td class=\"num\">", out);
    er_html_escape(k->value ? k->value : "", out);
    fputs("</td></tr>\n", out);
  }
  fputs("</tbody>\n</table>\n</details>\n", out);
}
