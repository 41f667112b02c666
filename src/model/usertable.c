#include "model/usertable.h"

#include "model/inline.h"

#include <stdio.h>
#include <string.h>

/* ---- rows and cells ---- */

static bool is_space_at(const char *s, size_t len, size_t *width) {
  if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r')) {
    *width = 1;
    return true;
  }
  if (len >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) { /* U+3000, the ideographic space */
    *width = 3;
    return true;
  }
  return false;
}

/* [from, to) of s without the spaces around it. */
static void trim(const char *s, size_t *from, size_t *to) {
  size_t w;
  while (*from < *to && is_space_at(s + *from, *to - *from, &w))
    *from += w;
  while (*to > *from) {
    size_t back = s[*to - 1] == '\x80' && *to - *from >= 3 ? 3 : 1;
    if (!is_space_at(s + *to - back, back, &w) || w != back)
      break;
    *to -= back;
  }
}

/* A Markdown rule under the header: cells of '-' and ':' only. */
static bool is_rule(const char *s, size_t len) {
  bool dash = false;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '-')
      dash = true;
    else if (s[i] != ':' && s[i] != '|' && s[i] != ' ' && s[i] != '\t')
      return false;
  }
  return dash;
}

/* A separator at text[i]: '|' written "\\|" is a bar in the cell. */
static bool separates(const char *text, size_t from, size_t i, char sep) {
  return text[i] == sep && !(sep == '|' && i > from && text[i - 1] == '\\');
}

/* The cell text[a, b) with each "\\|" written as "|". */
static const char *cell_text(const char *text, size_t a, size_t b, er_arena *arena) {
  char *out = er_arena_alloc(arena, b - a + 1);
  size_t n = 0;
  for (size_t i = a; i < b; i++)
    if (!(text[i] == '\\' && i + 1 < b && text[i + 1] == '|'))
      out[n++] = text[i];
  out[n] = '\0';
  return out;
}

static void parse_line(const char *text, size_t from, size_t to, char sep, er_arena *arena,
                       er_utable_row *row) {
  trim(text, &from, &to);
  /* "| a | b |": the outer bars frame the row */
  if (sep == '|' && to - from >= 2 && text[from] == '|' && separates(text, from, to - 1, sep)) {
    from++;
    to--;
  }
  size_t n = 1;
  for (size_t i = from; i < to; i++)
    n += separates(text, from, i, sep);
  row->cells = er_arena_alloc(arena, n * sizeof *row->cells);
  row->ncells = n;
  row->offset = from;
  size_t start = from, k = 0;
  for (size_t i = from; i <= to; i++) {
    if (i < to && !separates(text, from, i, sep))
      continue;
    size_t a = start, b = i;
    trim(text, &a, &b);
    row->cells[k].text = cell_text(text, a, b, arena);
    row->cells[k].offset = a;
    k++;
    start = i + 1;
  }
}

void er_utable_parse(const char *text, er_arena *arena, er_utable *out) {
  memset(out, 0, sizeof *out);
  if (!text)
    return;
  char sep = strchr(text, '|') ? '|' : '\t';
  size_t lines = 1;
  for (const char *p = text; *p; p++)
    lines += *p == '\n';
  out->rows = er_arena_alloc(arena, lines * sizeof *out->rows);
  size_t len = strlen(text);
  for (size_t from = 0; from < len;) {
    const char *nl = memchr(text + from, '\n', len - from);
    size_t to = nl ? (size_t)(nl - text) : len;
    size_t a = from, b = to;
    trim(text, &a, &b);
    if (a < b && !(out->nrows == 1 && is_rule(text + a, b - a)))
      parse_line(text, from, to, sep, arena, &out->rows[out->nrows++]);
    from = to + 1;
  }
}

/* ---- figures ---- */

er_ucell_figure er_ucell_read(const char *text) {
  er_ucell_figure f = {ER_UCELL_TEXT, {0}, 0, false};
  size_t len = strlen(text);
  if (!len || strcmp(text, "—") == 0 || strcmp(text, "-") == 0 || strcmp(text, "－") == 0 ||
      strcmp(text, "——") == 0 || strcmp(text, "^") == 0 || strcmp(text, "<") == 0) {
    f.kind = ER_UCELL_BLANK;
    return f;
  }
  bool percent = text[len - 1] == '%';
  if (percent)
    len--;
  char digits[64];
  size_t n = 0;
  bool point = false, digit = false;
  int group = 0; /* digits since the last thousands separator */
  for (size_t i = 0; i < len; i++) {
    char c = text[i];
    if (c == ',' && digit && !point) {
      if (f.separators && group != 3)
        return f; /* "1,23,456": not thousands */
      f.separators = true;
      group = 0;
      continue;
    }
    if (c >= '0' && c <= '9') {
      digit = true;
      f.places += point;
      group += !point;
    } else if (c == '.' && !point) {
      if (f.separators && group != 3)
        return f;
      point = true;
    } else if (!((c == '-' || c == '+') && i == 0))
      return f;
    if (n == sizeof digits - 1)
      return f;
    digits[n++] = c;
  }
  if (!digit || (f.separators && !point && group != 3) ||
      er_dec_parse(digits, n, &f.value) != ER_DEC_OK)
    return f;
  f.kind = percent ? ER_UCELL_PERCENT : ER_UCELL_NUMBER;
  return f;
}

er_ucolumn_sum er_ucolumn_sum_of(const char *const *cells, size_t n) {
  er_ucolumn_sum s = {false, {0}, 0, false};
  bool any = false;
  for (size_t i = 0; i < n; i++) {
    er_ucell_figure f = er_ucell_read(cells[i]);
    if (f.kind == ER_UCELL_BLANK)
      continue;
    if (f.kind != ER_UCELL_NUMBER || !er_dec_add_ok(s.sum, f.value, &s.sum))
      return (er_ucolumn_sum){false, {0}, 0, false};
    any = true;
    s.places = f.places > s.places ? f.places : s.places;
    s.separators |= f.separators;
  }
  s.summed = any;
  return s;
}

char *er_ucell_format(er_dec v, int places, bool separators, char buf[48]) {
  char plain[ER_DEC_BUFSIZE];
  er_dec_format(v, places, plain);
  if (!separators) {
    snprintf(buf, 48, "%s", plain);
    return buf;
  }
  const char *p = plain;
  size_t n = 0;
  if (*p == '-')
    buf[n++] = *p++;
  size_t whole = strcspn(p, ".");
  for (size_t i = 0; i < whole; i++) {
    if (i && (whole - i) % 3 == 0)
      buf[n++] = ',';
    buf[n++] = p[i];
  }
  snprintf(buf + n, 48 - n, "%s", p + whole);
  return buf;
}

/* ---- merged cells ---- */

static bool is_marker(const char *s) { return (s[0] == '^' || s[0] == '<') && !s[1]; }

size_t er_utable_header_rows(const er_body_item *b, const er_utable *t) {
  size_t n = 1;
  if (b->header.set && b->header.v.units >= ER_DEC_SCALE && b->header.v.units / ER_DEC_SCALE < 64)
    n = (size_t)(b->header.v.units / ER_DEC_SCALE);
  return n < t->nrows ? n : t->nrows;
}

static const char *cell_at(const er_utable *t, size_t r, size_t c) {
  return c < t->rows[r].ncells ? t->rows[r].cells[c].text : "";
}

static void marker_problem(er_diag *d, const er_text *text, const er_utable *t, size_t r, size_t c,
                           const char *what) {
  if (d && text && c < t->rows[r].ncells)
    er_error(d, er_inline_pos(text, t->rows[r].cells[c].offset), "table-merge",
             "表格第 %zu 行第 %zu 格：%s", r + 1, c + 1, what);
}

er_uspan **er_utable_spans(const er_utable *t, size_t header, er_arena *arena, er_diag *d,
                           const er_text *text) {
  size_t width = t->nrows ? t->rows[0].ncells : 0;
  er_uspan **span = er_arena_alloc(arena, (t->nrows ? t->nrows : 1) * sizeof(er_uspan *));
  bool **taken = er_arena_alloc(arena, (t->nrows ? t->nrows : 1) * sizeof *taken);
  for (size_t r = 0; r < t->nrows; r++) {
    span[r] = er_arena_alloc(arena, (width ? width : 1) * sizeof **span);
    taken[r] = er_arena_alloc(arena, (width ? width : 1) * sizeof **taken);
  }
  for (size_t r = 0; r < t->nrows; r++) {
    size_t end = r < header ? header : t->nrows; /* a block stays in its part */
    for (size_t c = 0; c < width; c++) {
      if (taken[r][c])
        continue;
      taken[r][c] = true;
      span[r][c] = (er_uspan){1, 1};
      const char *s = cell_at(t, r, c);
      if (is_marker(s)) {
        marker_problem(d, text, t, r, c,
                       s[0] == '^' ? "“^”与上格合并，但上面没有可合并的格"
                                   : "“<”与左格合并，但左边没有可合并的格");
        continue;
      }
      size_t cols = 1, rows = 1;
      while (c + cols < width && !taken[r][c + cols] && strcmp(cell_at(t, r, c + cols), "<") == 0)
        cols++;
      while (r + rows < end && !taken[r + rows][c] && strcmp(cell_at(t, r + rows, c), "^") == 0)
        rows++;
      span[r][c] = (er_uspan){(int)rows, (int)cols};
      for (size_t rr = r; rr < r + rows; rr++)
        for (size_t cc = c; cc < c + cols; cc++) {
          if (rr == r && cc == c)
            continue;
          if (!is_marker(cell_at(t, rr, cc)))
            marker_problem(d, text, t, rr, cc,
                           "在上面或左边合并成的方块之内，应写 ^ 或 <（合并的区域须为矩形）");
          taken[rr][cc] = true;
          span[rr][cc] = (er_uspan){0, 0};
        }
    }
  }
  return span;
}

/* ---- check ---- */

/* The figures of column `col` in rows [from, end). */
static er_ucolumn_sum body_sum(const er_utable *t, size_t col, size_t from, size_t end,
                               er_arena *arena) {
  const char **cells = er_arena_alloc(arena, (end ? end : 1) * sizeof *cells);
  size_t n = 0;
  for (size_t r = from; r < end; r++)
    if (col < t->rows[r].ncells)
      cells[n++] = t->rows[r].cells[col].text;
  return er_ucolumn_sum_of(cells, n);
}

static bool is_total_label(const char *s) {
  return strcmp(s, "合计") == 0 || strcmp(s, "总计") == 0 || strcmp(s, "合 计") == 0;
}

/* The block's rows, parsed into t; false (reported) when it has none. */
static bool read_rows(const er_body_item *b, const char *what_rows_hold, er_arena *arena,
                      er_utable *t, er_diag *d) {
  if (!b->rows.s) {
    er_error(d, b->pos, "block-option", "%s 需要 rows：%s", b->block.s, what_rows_hold);
    return false;
  }
  er_utable_parse(b->rows.s, arena, t);
  if (t->nrows < 2)
    er_error(d, b->rows.pos, "table-rows", "%s 的 rows 至少要有表头和一行数据", b->block.s);
  return true;
}

void er_utable_check(const er_body_item *b, er_diag *d) {
  er_arena arena = {0};
  er_utable t;
  if (!read_rows(b, "第一行是表头，以下每行一行数据，格之间用 | 分开", &arena, &t, d))
    return;
  size_t width = t.nrows ? t.rows[0].ncells : 0;
  bool mismatch = false;
  for (size_t r = 1; r < t.nrows; r++)
    if (t.rows[r].ncells != width) {
      er_error(d, er_inline_pos(&b->rows, t.rows[r].offset), "table-rows",
               "表格第 %zu 行有 %zu 格，表头有 %zu 格：每行的格数应与表头相同（格之间用 | 分开）",
               r + 1, t.rows[r].ncells, width);
      mismatch = true;
    }
  if (mismatch || t.nrows < 2) {
    er_arena_free(&arena);
    return;
  }
  size_t head = er_utable_header_rows(b, &t);
  if (b->header.set && (head != (size_t)(b->header.v.units / ER_DEC_SCALE) || head >= t.nrows ||
                        b->header.v.units % ER_DEC_SCALE)) {
    er_error(d, b->header.pos, "table-rows",
             "header 是表头的行数，应为 1 到 %zu 之间的整数（rows 共 %zu 行，至少留一行数据）",
             t.nrows - 1, t.nrows);
    er_arena_free(&arena);
    return;
  }
  er_utable_spans(&t, head, &arena, d, &b->rows);
  bool summable = false;
  for (size_t c = 0; c < width; c++)
    summable |= body_sum(&t, c, head, t.nrows, &arena).summed;
  if (b->total.s && !summable)
    er_warn(d, b->total.pos, "table-total", "表格中没有全为数字的列，total（合计行）无可合计");
  /* a 合计 typed in: its figures against the rows above it */
  const er_utable_row *last = &t.rows[t.nrows - 1];
  if (!b->total.s && t.nrows > head + 1 && is_total_label(last->cells[0].text))
    for (size_t c = 1; c < width; c++) {
      er_ucell_figure typed = er_ucell_read(last->cells[c].text);
      er_ucolumn_sum s = body_sum(&t, c, head, t.nrows - 1, &arena);
      if (typed.kind != ER_UCELL_NUMBER || !s.summed)
        continue;
      if (er_dec_cmp(er_dec_round(s.sum, typed.places), typed.value) != 0) {
        char a[48];
        er_warn(d, er_inline_pos(&b->rows, last->cells[c].offset), "table-total",
                "表格%s%s%s的%s行第 %zu 列为 %s，上面各行之和为 %s：请核对，或删去这一行并写 "
                "total: %s 由程序合计",
                b->title.s ? "“" : "", b->title.s ? b->title.s : "", b->title.s ? "”" : "",
                last->cells[0].text, c + 1, last->cells[c].text,
                er_ucell_format(s.sum, typed.places, typed.separators, a), last->cells[0].text);
      }
    }
  er_arena_free(&arena);
}

void er_uchart_check(const er_body_item *b, er_diag *d) {
  er_arena arena = {0};
  er_utable t;
  if (!read_rows(b, "第一行是表头（名称 | 数值的名称），以下每行一个名称和它的数值", &arena, &t, d))
    return;
  if (t.nrows > ER_UCHART_MAX_ROWS + 1)
    er_error(d, er_inline_pos(&b->rows, t.rows[ER_UCHART_MAX_ROWS + 1].offset), "table-rows",
             "图有 %zu 项，最多 %d 项：请合并较小的项，或改用 table", t.nrows - 1,
             ER_UCHART_MAX_ROWS);
  for (size_t r = 1; r < t.nrows; r++) {
    const er_utable_row *row = &t.rows[r];
    if (row->ncells != 2) {
      er_error(d, er_inline_pos(&b->rows, row->offset), "table-rows",
               "图的第 %zu 行有 %zu 格：每行应为名称和数值两格，用 | 分开", r + 1, row->ncells);
      continue;
    }
    const er_utable_cell *c = &row->cells[1];
    if (strchr(c->text, '{'))
      continue; /* a reference: its figure is known when the report is built */
    er_ucell_figure f = er_ucell_read(c->text);
    if (f.kind != ER_UCELL_NUMBER && f.kind != ER_UCELL_PERCENT)
      er_error(d, er_inline_pos(&b->rows, c->offset), "chart-value",
               "图的第 %zu 行的数值“%s”不是数字", r + 1, c->text);
    else if (f.value.units < 0)
      er_error(d, er_inline_pos(&b->rows, c->offset), "chart-value",
               "图的第 %zu 行的数值 %s 小于 0：图只画 0 及以上的数值", r + 1, c->text);
  }
  er_arena_free(&arena);
}
