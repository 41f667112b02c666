/* Writing one worksheet: cells and merged ranges that remember the room
 * their text needs, column widths and row heights estimated from the
 * display width of the text (a Chinese character takes two units), and the
 * page set-up for printing on A4. */
#include "xlsx/book.h"

#include "model/expr.h"
#include "model/text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A line of body text is about 1.35 em tall; a cell adds some padding. */
#define LINE_FACTOR 1.38
#define ROW_PADDING 5.0
#define MIN_ROW 20.0

/* ---- growing strings ----------------------------------------------------------- */

static void reserve(er_xstr *x, size_t more) {
  if (x->len + more + 1 <= x->cap)
    return;
  size_t cap = x->cap ? x->cap : 128;
  while (cap < x->len + more + 1)
    cap *= 2;
  char *s = realloc(x->s, cap);
  if (!s)
    abort();
  x->s = s;
  x->cap = cap;
}

void er_xstr_add(er_xstr *x, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n > 0) {
    reserve(x, (size_t)n);
    vsnprintf(x->s + x->len, (size_t)n + 1, fmt, ap);
    x->len += (size_t)n;
  }
  va_end(ap);
}

static void col_name(int col, char *out) {
  char tmp[8];
  int n = 0;
  for (col++; col > 0; col = (col - 1) / 26)
    tmp[n++] = (char)('A' + (col - 1) % 26);
  for (int i = 0; i < n; i++)
    out[i] = tmp[n - 1 - i];
  out[n] = '\0';
}

void er_xstr_cell(er_xstr *x, int row, int col, bool absolute) {
  char name[8];
  col_name(col, name);
  er_xstr_add(x, absolute ? "$%s$%d" : "%s%d", name, row + 1);
}

void er_xstr_quoted(er_xstr *x, const char *s) {
  er_xstr_add(x, "\"");
  for (; s && *s; s++) {
    if (*s == '"')
      er_xstr_add(x, "\"\"");
    else
      er_xstr_add(x, "%c", *s);
  }
  er_xstr_add(x, "\"");
}

void er_xstr_sum_rows(er_xstr *x, const char *sheet, const int *rows, size_t n, int col) {
  er_xstr_add(x, "SUM(");
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j + 1 < n && rows[j + 1] == rows[j] + 1)
      j++;
    if (i)
      er_xstr_add(x, ",");
    if (sheet)
      er_xstr_add(x, "'%s'!", sheet);
    er_xstr_cell(x, rows[i], col, false);
    if (j > i) {
      er_xstr_add(x, ":");
      er_xstr_cell(x, rows[j], col, false);
    }
    i = j + 1;
  }
  er_xstr_add(x, ")");
}

const char *er_xstr_get(const er_xstr *x) { return x->s ? x->s : ""; }
void er_xstr_clear(er_xstr *x) {
  x->len = 0;
  if (x->s)
    x->s[0] = '\0';
}
void er_xstr_free(er_xstr *x) {
  free(x->s);
  *x = (er_xstr){0};
}

/* ---- measuring text -------------------------------------------------------------- */

/* Display width of the line from p to end (or to the end of the text). */
static double line_width(const char *p, const char *end) {
  size_t len = end ? (size_t)(end - p) : strlen(p);
  char small[512], *line = len < sizeof small ? small : malloc(len + 1);
  if (!line)
    abort();
  memcpy(line, p, len);
  line[len] = '\0';
  double w = (double)er_display_width(line);
  if (line != small)
    free(line);
  return w;
}

/* At 10.5 pt a Chinese character is 14 px, two of Excel's 7 px units. */
double er_xtext_width(const char *text, double pt) {
  if (!text)
    return 0;
  double widest = 0;
  const char *p = text;
  while (*p) {
    const char *end = strchr(p, '\n');
    double w = line_width(p, end) * pt / ER_X_BODY_PT;
    if (w > widest)
      widest = w;
    if (!end)
      break;
    p = end + 1;
  }
  return widest;
}

double er_xfit_width(const char *const *texts, size_t n, double pt, double lo, double hi) {
  double w = lo;
  for (size_t i = 0; i < n; i++) {
    double need = er_xtext_width(texts[i], pt) + 2;
    if (need > w)
      w = need;
  }
  return w > hi ? hi : w;
}

void er_xshare_widths(const double *want, size_t n, double budget, double lo, double *out) {
  /* the cap c with Σ min(want, c) = budget, found by bisection */
  double a = lo, b = lo;
  for (size_t i = 0; i < n; i++)
    if (want[i] > b)
      b = want[i];
  for (int k = 0; k < 50; k++) {
    double c = (a + b) / 2, sum = 0;
    for (size_t i = 0; i < n; i++)
      sum += want[i] < c ? (want[i] > lo ? want[i] : lo) : c;
    if (sum > budget)
      b = c;
    else
      a = c;
  }
  for (size_t i = 0; i < n; i++) {
    double w = want[i] < a ? want[i] : a;
    out[i] = w < lo ? lo : floor(w);
  }
}

/* Lines `text` takes wrapped in a cell `px` pixels wide (Excel: 7 px a
 * unit at the default font, a Chinese character 14 px at 10.5 pt, and
 * a few pixels of padding). */
static int text_lines(const char *text, double px, double pt) {
  if (!text || !*text)
    return 1;
  double usable = px - 6;
  if (usable < 14)
    usable = 14;
  int lines = 0;
  const char *p = text;
  for (;;) {
    const char *end = strchr(p, '\n');
    /* a little slack: symbols such as ≤ and × are full width in Chinese fonts */
    double w = line_width(p, end) * 7 * pt / ER_X_BODY_PT * 1.03;
    int n = (int)ceil(w / usable);
    lines += n < 1 ? 1 : n;
    if (!end)
      break;
    p = end + 1;
  }
  return lines;
}

/* ---- the sheet ---------------------------------------------------------------------- */

bool er_xsheet_open(er_xsheet *s, er_xbook *b, const char *name, int ncols) {
  memset(s, 0, sizeof *s);
  s->book = b;
  s->name = name;
  s->ncols = ncols < ER_X_MAX_COLS ? ncols : ER_X_MAX_COLS;
  s->ws = workbook_get_worksheet_by_name(b->wb, name);
  for (int c = 0; c < ER_X_MAX_COLS; c++)
    s->width[c] = 10;
  return s->ws != NULL;
}

void er_xsheet_close(er_xsheet *s) {
  for (size_t i = 0; i < s->nspans; i++)
    free(s->spans[i].text);
  free(s->spans);
  free(s->height);
  free(s->needs);
  s->spans = NULL;
  s->height = NULL;
  s->needs = NULL;
}

void er_xsheet_col(er_xsheet *s, int col, double width) {
  if (col >= 0 && col < ER_X_MAX_COLS)
    s->width[col] = width;
}

void er_xsheet_hide_col(er_xsheet *s, int col) {
  if (col >= 0 && col < ER_X_MAX_COLS)
    s->hidden[col] = true;
}

static void grow_rows(er_xsheet *s, int r) {
  if (r < s->caprows) {
    if (r >= s->nrows)
      s->nrows = r + 1;
    return;
  }
  int cap = s->caprows ? s->caprows : 64;
  while (cap <= r)
    cap *= 2;
  double *h = realloc(s->height, (size_t)cap * sizeof *h);
  if (!h)
    abort();
  s->height = h;
  for (int i = s->caprows; i < cap; i++)
    h[i] = 0;
  s->caprows = cap;
  s->nrows = r + 1;
}

void er_xsheet_min_height(er_xsheet *s, int r, double points) {
  grow_rows(s, r);
  if (points > s->height[r])
    s->height[r] = points;
}

/* Pixels of columns c0..c1 (Excel: 7 a unit and 5 more a column). */
static double span_px(const er_xsheet *s, int c0, int c1) {
  double px = 0;
  for (int c = c0; c <= c1 && c < ER_X_MAX_COLS; c++)
    px += s->width[c] * 7 + 5;
  return px;
}

/* Remembers the height the text of r0..r1 × c0..c1 needs. The widths are
 * final by the time cells are written: every sheet sets them first. */
static void need(er_xsheet *s, int r0, int c0, int r1, int c1, const char *text, double pt) {
  int lines = text_lines(text, span_px(s, c0, c1), pt);
  double points = lines * pt * LINE_FACTOR + ROW_PADDING;
  if (points < MIN_ROW)
    points = MIN_ROW;
  grow_rows(s, r1);
  if (r0 == r1) {
    er_xsheet_min_height(s, r0, points);
    return;
  }
  if (s->nneeds == s->capneeds) {
    s->capneeds = s->capneeds ? 2 * s->capneeds : 32;
    er_xneed *n = realloc(s->needs, s->capneeds * sizeof *n);
    if (!n)
      abort();
    s->needs = n;
  }
  s->needs[s->nneeds++] = (er_xneed){r0, r1, points};
}

/* Text as a cell can hold it: XML-safe (er_xml_text) and, in a draft made
 * from data that check refused, cut to the 32,767 bytes of a cell. A
 * malloc'd copy, or NULL when `text` is fine as it is. */
static char *cell_text(const char *text) {
  char *clean = er_xml_text(text, true);
  const char *t = clean ? clean : text;
  size_t len = t ? strlen(t) : 0;
  if (len <= ER_CELL_MAX_BYTES)
    return clean;
  size_t cut = ER_CELL_MAX_BYTES;
  while (cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
    cut--; /* not inside a character */
  char *out = malloc(cut + 1);
  if (!out)
    abort();
  memcpy(out, t, cut);
  out[cut] = '\0';
  free(clean);
  return out;
}

static void merge(er_xsheet *s, int r0, int c0, int r1, int c1, const char *text, lxw_format *fmt) {
  char *clean = cell_text(text);
  er_xbook_ok(s->book,
              worksheet_merge_range(s->ws, (lxw_row_t)r0, (lxw_col_t)c0, (lxw_row_t)r1,
                                    (lxw_col_t)c1,
                                    clean  ? clean
                                    : text ? text
                                           : "",
                                    fmt),
              s->name);
  free(clean);
}

static void write_text(er_xsheet *s, int r, int c, const char *text, lxw_format *fmt) {
  char *clean = cell_text(text);
  er_xbook_ok(s->book,
              worksheet_write_string(s->ws, (lxw_row_t)r, (lxw_col_t)c, clean ? clean : text, fmt),
              s->name);
  free(clean);
}

static void defer_span(er_xsheet *s, int r0, int c0, int r1, int c1, const char *text,
                       lxw_format *fmt) {
  if (s->nspans == s->capspans) {
    s->capspans = s->capspans ? 2 * s->capspans : 32;
    er_xspan *p = realloc(s->spans, s->capspans * sizeof *p);
    if (!p)
      abort();
    s->spans = p;
  }
  char *copy = NULL;
  if (text) {
    size_t len = strlen(text);
    copy = malloc(len + 1);
    if (!copy)
      abort();
    memcpy(copy, text, len + 1);
  }
  s->spans[s->nspans++] = (er_xspan){r0, c0, r1, c1, copy, fmt, false, {0}};
}

void er_xsheet_number_down(er_xsheet *s, int r0, int r1, int c, er_dec v, lxw_format *fmt) {
  if (r1 <= r0) {
    er_xsheet_number(s, r0, c, c, v, fmt);
    return;
  }
  defer_span(s, r0, c, r1, c, NULL, fmt);
  s->spans[s->nspans - 1].is_number = true;
  s->spans[s->nspans - 1].number = v;
  grow_rows(s, r1);
}

void er_xsheet_text(er_xsheet *s, int r0, int c0, int r1, int c1, const char *text, lxw_format *fmt,
                    double pt) {
  if (r0 != r1)
    defer_span(s, r0, c0, r1, c1, text, fmt);
  else if (c0 != c1)
    merge(s, r0, c0, r1, c1, text, fmt);
  else if (text && *text)
    write_text(s, r0, c0, text, fmt);
  else
    er_xbook_ok(s->book, worksheet_write_blank(s->ws, (lxw_row_t)r0, (lxw_col_t)c0, fmt), s->name);
  need(s, r0, c0, r1, c1, text, pt);
}

/* A merged range holding a number or formula: merge, then overwrite the
 * first cell (libxlsxwriter writes merged ranges as strings). */
static void merge_first(er_xsheet *s, int r, int c0, int c1, lxw_format *fmt) {
  if (c1 > c0)
    merge(s, r, c0, r, c1, "", fmt);
  else
    grow_rows(s, r);
  er_xsheet_min_height(s, r, MIN_ROW);
}

void er_xsheet_number(er_xsheet *s, int r, int c0, int c1, er_dec v, lxw_format *fmt) {
  merge_first(s, r, c0, c1, fmt);
  er_xbook_ok(s->book, worksheet_write_number(s->ws, (lxw_row_t)r, (lxw_col_t)c0, er_xnum(v), fmt),
              s->name);
}

void er_xsheet_formula(er_xsheet *s, int r, int c0, int c1, const char *formula, er_dec cached,
                       lxw_format *fmt) {
  merge_first(s, r, c0, c1, fmt);
  er_xbook_ok(s->book,
              worksheet_write_formula_num(s->ws, (lxw_row_t)r, (lxw_col_t)c0, formula, fmt,
                                          er_xnum(cached)),
              s->name);
}

void er_xsheet_formula_percent(er_xsheet *s, int r, int c0, int c1, const char *formula,
                               er_dec percent, lxw_format *fmt) {
  merge_first(s, r, c0, c1, fmt);
  er_xbook_ok(s->book,
              worksheet_write_formula_num(s->ws, (lxw_row_t)r, (lxw_col_t)c0, formula, fmt,
                                          er_xnum_percent(percent)),
              s->name);
}

void er_xsheet_formula_text(er_xsheet *s, int r, int c0, int c1, const char *formula,
                            const char *cached, lxw_format *fmt) {
  merge_first(s, r, c0, c1, fmt);
  char *clean = cell_text(cached);
  er_xbook_ok(s->book,
              worksheet_write_formula_str(s->ws, (lxw_row_t)r, (lxw_col_t)c0, formula, fmt,
                                          clean    ? clean
                                          : cached ? cached
                                                   : ""),
              s->name);
  free(clean);
}

void er_xsheet_grid(er_xsheet *s, int row0, int col0, int nrows, int ncols, const er_xowner *grid,
                    lxw_format *fmt) {
  size_t cells = (size_t)nrows * (size_t)ncols;
  bool *done = calloc(cells ? cells : 1, sizeof *done);
  if (!done)
    abort();
  for (int r = 0; r < nrows; r++)
    for (int c = 0; c < ncols; c++) {
      if (done[(size_t)r * (size_t)ncols + (size_t)c])
        continue;
      const er_xowner *o = &grid[(size_t)r * (size_t)ncols + (size_t)c];
      int w = 1, h = 1;
      if (o->key) {
        while (c + w < ncols && grid[(size_t)r * (size_t)ncols + (size_t)(c + w)].key == o->key)
          w++;
        while (r + h < nrows && grid[(size_t)(r + h) * (size_t)ncols + (size_t)c].key == o->key)
          h++;
      }
      for (int i = 0; i < h; i++)
        for (int j = 0; j < w; j++)
          done[(size_t)(r + i) * (size_t)ncols + (size_t)(c + j)] = true;
      er_xsheet_text(s, row0 + r, col0 + c, row0 + r + h - 1, col0 + c + w - 1,
                     o->key ? o->text : NULL, o->fmt ? o->fmt : fmt, ER_X_BODY_PT);
    }
  free(done);
}

/* ---- pages ---------------------------------------------------------------------------- */

#define MARGIN_LR_IN 0.55
#define MARGIN_TOP_IN 0.6
#define MARGIN_BOTTOM_IN 0.7

/* A merged cell over several rows. */
static void span_piece(er_xsheet *s, const er_xspan *sp, int from, int to) {
  if (sp->is_number) {
    if (from < to)
      merge(s, from, sp->c0, to, sp->c1, "", sp->fmt);
    er_xbook_ok(s->book,
                worksheet_write_number(s->ws, (lxw_row_t)from, (lxw_col_t)sp->c0,
                                       er_xnum(sp->number), sp->fmt),
                s->name);
  } else if (from < to || sp->c0 != sp->c1)
    merge(s, from, sp->c0, to, sp->c1, sp->text, sp->fmt);
  else if (sp->text && *sp->text)
    write_text(s, from, sp->c0, sp->text, sp->fmt);
  else
    er_xbook_ok(s->book, worksheet_write_blank(s->ws, (lxw_row_t)from, (lxw_col_t)sp->c0, sp->fmt),
                s->name);
}

static void write_spans(er_xsheet *s) {
  for (size_t i = 0; i < s->nspans; i++)
    span_piece(s, &s->spans[i], s->spans[i].r0, s->spans[i].r1);
}

void er_xsheet_finish(er_xsheet *s, const er_xpage *page) {
  for (int c = 0; c < s->ncols; c++) {
    lxw_row_col_options opt = {.hidden = s->hidden[c]};
    er_xbook_ok(s->book,
                worksheet_set_column_opt(s->ws, (lxw_col_t)c, (lxw_col_t)c, s->width[c], NULL,
                                         s->hidden[c] ? &opt : NULL),
                s->name);
  }
  /* a merged cell over several rows: the rows together must hold its text */
  for (size_t i = 0; i < s->nneeds; i++) {
    const er_xneed *n = &s->needs[i];
    double have = 0;
    for (int r = n->r0; r <= n->r1; r++)
      have += s->height[r] > 0 ? s->height[r] : MIN_ROW;
    if (have < n->points) {
      double extra = (n->points - have) / (n->r1 - n->r0 + 1);
      for (int r = n->r0; r <= n->r1; r++)
        s->height[r] = (s->height[r] > 0 ? s->height[r] : MIN_ROW) + extra;
    }
  }
  for (int r = 0; r < s->nrows; r++)
    if (s->height[r] > 0) {
      /* Excel's tallest row is 409 points */
      s->height[r] = s->height[r] > 409 ? 409 : ceil(s->height[r] * 2) / 2;
      er_xbook_ok(s->book, worksheet_set_row(s->ws, (lxw_row_t)r, s->height[r], NULL), s->name);
    }

  /* no manual page breaks: a break placed from estimated row heights
   * lands wherever the application's own scale and fonts put the rows, and
   * leaves pages half empty; fitted to one page wide, Excel, WPS and
   * LibreOffice fill every page themselves */
  write_spans(s);

  worksheet_set_paper(s->ws, 9); /* A4 */
  if (page->landscape)
    worksheet_set_landscape(s->ws);
  else
    worksheet_set_portrait(s->ws);
  worksheet_set_margins(s->ws, MARGIN_LR_IN, MARGIN_LR_IN, MARGIN_TOP_IN, MARGIN_BOTTOM_IN);
  worksheet_center_horizontally(s->ws);
  worksheet_fit_to_pages(s->ws, 1, 0);
  lxw_header_footer_options footer = {.margin = 0.3};
  er_xbook_ok(s->book, worksheet_set_footer_opt(s->ws, "&C第 &P 页 共 &N 页", &footer), s->name);
  if (s->book->draft)
    er_xbook_ok(s->book, worksheet_set_header_opt(s->ws, "&R草稿：数据尚有问题，未经核定", &footer),
                s->name);
  if (page->repeat_first >= 0)
    er_xbook_ok(
        s->book,
        worksheet_repeat_rows(s->ws, (lxw_row_t)page->repeat_first, (lxw_row_t)page->repeat_last),
        s->name);
  if (page->freeze_row > 0)
    worksheet_freeze_panes(s->ws, (lxw_row_t)page->freeze_row, 0);
}

void er_xsheet_protect(er_xsheet *s) {
  /* no password: the protection keeps formulas from being overwritten by
   * accident, and anyone can lift it (审阅 → 撤销工作表保护) */
  lxw_protection opt = {.format_columns = 1, .format_rows = 1};
  worksheet_protect(s->ws, NULL, &opt);
}

/* ---- figures with their units ------------------------------------------------------ */

/* The number format of a figure as the form prints it: its comparator,
 * its places, its unit ("≥"0%, 0"人次"); Sichuan's bare figure has only
 * its places. Text in the format is quoted, quotes dropped. */
static void measure_format(const er_measure *m, int places, bool bare, er_xstr *x) {
  static const char *const cmps[] = {"", "=", "<", "≤", ">", "≥"};
  if (!bare && m->cmp != ER_CMP_NONE)
    er_xstr_add(x, "\"%s\"", cmps[m->cmp]);
  er_xstr_add(x, "0");
  if (places > 0) {
    er_xstr_add(x, ".");
    for (int i = 0; i < places; i++)
      er_xstr_add(x, "0");
  }
  if (m->percent && !bare)
    er_xstr_add(x, "%%");
  if (!bare && m->unit[0]) {
    er_xstr_add(x, "\"");
    for (const char *p = m->unit; *p; p++)
      if (*p != '"')
        er_xstr_add(x, "%c", *p);
    er_xstr_add(x, "\"");
  }
}

/* 年度指标值 or 实际完成值: a number with its unit, or the words. */
void er_xsheet_measure(er_xsheet *s, int row, int col, const char *text, const er_measure *m,
                       int places, bool bare) {
  if (!text) {
    er_xsheet_text(s, row, col, row, col, "—", s->book->f.dash, ER_X_BODY_PT);
    return;
  }
  if (!m->numeric) {
    er_xsheet_text(s, row, col, row, col, text, s->book->f.in_center, ER_X_BODY_PT);
    return;
  }
  er_xstr fmt = {0};
  measure_format(m, places, bare, &fmt);
  er_dec v = m->percent && !bare ? er_dec_div(m->value, er_dec_int(100)) : m->value;
  er_xsheet_number(s, row, col, col, v, er_xbook_numfmt(s->book, er_xstr_get(&fmt)));
  /* the cell shows the text as written: leave it the room for it */
  er_xsheet_min_height(s, row, 20);
  er_xstr_free(&fmt);
}
