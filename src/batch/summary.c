#include "batch/summary.h"

#include "pipeline/output.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* ---- The table both files are written from ------------------------------- */

typedef struct cell {
  char *text;  /* NULL: empty */
  bool number; /* text is a decimal written by er_dec_format */
  int places;
} cell;

typedef struct column {
  const char *dim; /* the dimension name, NULL for fixed columns */
  int occurrence;  /* the n-th dimension of that name in a unit (from 0) */
} column;

typedef struct table {
  char **heads;
  size_t ncols, nrows;
  cell *cells; /* nrows × ncols */
} table;

static void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p) {
    perror("evalreport batch");
    exit(1);
  }
  return p;
}

static char *xstrdup(const char *s) {
  char *d = strdup(s);
  if (!d) {
    perror("evalreport batch");
    exit(1);
  }
  return d;
}

static char *format_dec(er_dec v, int places) {
  char buf[ER_DEC_BUFSIZE];
  return xstrdup(er_dec_format(v, places, buf));
}

/* The occurrence of dims[i]'s name among dims[0..i]. */
static int occurrence(const er_unit *u, size_t i) {
  int n = 0;
  for (size_t k = 0; k < i; k++)
    if (strcmp(u->dims[k].name ? u->dims[k].name : "", u->dims[i].name ? u->dims[i].name : "") == 0)
      n++;
  return n;
}

static const er_unit_dim *find_dim(const er_unit *u, const column *c) {
  for (size_t i = 0; i < u->ndims; i++)
    if (strcmp(u->dims[i].name ? u->dims[i].name : "", c->dim) == 0 &&
        occurrence(u, i) == c->occurrence)
      return &u->dims[i];
  return NULL;
}

/* Dimension columns: every first-level name, in the order the inputs
 * first show it (by input order, so the same for any number of workers). */
static column *dimension_columns(const er_unit *units, size_t count, size_t *ncols) {
  size_t cap = 8, n = 0;
  column *cols = xcalloc(cap, sizeof *cols);
  for (size_t u = 0; u < count; u++) {
    if (!units[u].ok)
      continue;
    for (size_t i = 0; i < units[u].ndims; i++) {
      column c = {units[u].dims[i].name ? units[u].dims[i].name : "", occurrence(&units[u], i)};
      bool seen = false;
      for (size_t k = 0; k < n && !seen; k++)
        seen = strcmp(cols[k].dim, c.dim) == 0 && cols[k].occurrence == c.occurrence;
      if (seen)
        continue;
      if (n == cap) {
        cap *= 2;
        column *grown = realloc(cols, cap * sizeof *grown);
        if (!grown) {
          perror("evalreport batch");
          exit(1);
        }
        cols = grown;
      }
      cols[n++] = c;
    }
  }
  *ncols = n;
  return cols;
}

typedef struct ranked {
  const er_unit *unit;
  const char *file;
  er_dec shown; /* the total as displayed, to two decimals */
} ranked;

static int by_rank(const void *a, const void *b) {
  const ranked *x = a, *y = b;
  int c = er_dec_cmp(y->shown, x->shown);
  if (!c)
    c = strcmp(x->unit->project ? x->unit->project : "", y->unit->project ? y->unit->project : "");
  if (!c)
    c = strcmp(x->file, y->file);
  return c;
}

static void build_table(table *t, const er_unit *units, const char *const *files, size_t count) {
  size_t ndims;
  column *dims = dimension_columns(units, count, &ndims);
  ranked *rows = xcalloc(count, sizeof *rows);
  size_t nrows = 0;
  for (size_t i = 0; i < count; i++)
    if (units[i].ok)
      rows[nrows++] = (ranked){&units[i], files[i], er_dec_round(units[i].total, 2)};
  if (nrows)
    qsort(rows, nrows, sizeof *rows, by_rank);

  enum { FIXED = 5 };
  t->ncols = FIXED + 2 * ndims + 1;
  t->nrows = nrows;
  t->heads = xcalloc(t->ncols, sizeof *t->heads);
  static const char *const fixed[FIXED] = {"排名", "项目名称", "数据文件", "总分", "等级"};
  for (size_t c = 0; c < FIXED; c++)
    t->heads[c] = xstrdup(fixed[c]);
  for (size_t d = 0; d < ndims; d++) {
    char name[1024];
    if (dims[d].occurrence)
      snprintf(name, sizeof name, "%s(%d)", dims[d].dim, dims[d].occurrence + 1);
    else
      snprintf(name, sizeof name, "%s", dims[d].dim);
    char head[1100];
    snprintf(head, sizeof head, "%s得分", name);
    t->heads[FIXED + 2 * d] = xstrdup(head);
    snprintf(head, sizeof head, "%s得分率(%%)", name);
    t->heads[FIXED + 2 * d + 1] = xstrdup(head);
  }
  t->heads[t->ncols - 1] = xstrdup("资金执行率(%)");

  t->cells = xcalloc(nrows * t->ncols, sizeof *t->cells);
  size_t rank = 0;
  for (size_t r = 0; r < nrows; r++) {
    const er_unit *u = rows[r].unit;
    cell *row = &t->cells[r * t->ncols];
    /* competition ranking: equal totals share a rank (1, 2, 2, 4) */
    if (r == 0 || er_dec_cmp(rows[r].shown, rows[r - 1].shown) != 0)
      rank = r + 1;
    char rank_text[32];
    snprintf(rank_text, sizeof rank_text, "%zu", rank);
    row[0] = (cell){xstrdup(rank_text), true, 0};
    row[1] = (cell){xstrdup(u->project ? u->project : ""), false, 0};
    row[2] = (cell){xstrdup(rows[r].file), false, 0};
    row[3] = (cell){format_dec(u->total, 2), true, 2};
    row[4] = (cell){u->grade ? xstrdup(u->grade) : NULL, false, 0};
    for (size_t d = 0; d < ndims; d++) {
      const er_unit_dim *dim = find_dim(u, &dims[d]);
      if (!dim || !dim->valid)
        continue;
      row[FIXED + 2 * d] = (cell){format_dec(dim->score, dim->places), true, dim->places};
      row[FIXED + 2 * d + 1] = (cell){format_dec(dim->rate, 2), true, 2};
    }
    if (u->execution_defined)
      row[t->ncols - 1] = (cell){format_dec(u->execution_rate, 2), true, 2};
  }
  free(rows);
  free(dims);
}

static void free_table(table *t) {
  for (size_t c = 0; c < t->ncols; c++)
    free(t->heads[c]);
  for (size_t i = 0; i < t->nrows * t->ncols; i++)
    free(t->cells[i].text);
  free(t->heads);
  free(t->cells);
}

/* ---- CSV (RFC 4180 quoting, UTF-8, LF) ------------------------------------ */

static void csv_field(FILE *f, const char *s, bool number) {
  if (!s)
    return;
  /* a text starting like a formula is kept as text by a leading quote mark,
   * so a spreadsheet opening the file never runs it */
  bool formula = !number && strchr("=+-@\t\r", s[0]) && s[0];
  bool quote = formula || strpbrk(s, ",\"\r\n") || s[0] == ' ';
  if (!quote) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  if (formula)
    fputc('\'', f);
  for (; *s; s++) {
    if (*s == '"')
      fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

static bool write_csv(const table *t, const char *path) {
  FILE *f = fopen(path, "wb");
  /* a UTF-8 byte-order mark: Excel on Chinese Windows reads the file as
   * GBK without it */
  if (f)
    fputs("\xEF\xBB\xBF", f);
  if (!f)
    return false;
  for (size_t c = 0; c < t->ncols; c++) {
    if (c)
      fputc(',', f);
    csv_field(f, t->heads[c], false);
  }
  fputc('\n', f);
  for (size_t r = 0; r < t->nrows; r++) {
    for (size_t c = 0; c < t->ncols; c++) {
      const cell *x = &t->cells[r * t->ncols + c];
      if (c)
        fputc(',', f);
      csv_field(f, x->text, x->number);
    }
    fputc('\n', f);
  }
  bool ok = !ferror(f);
  return fclose(f) == 0 && ok;
}

/* ---- XLSX ------------------------------------------------------------------- */

static bool write_xlsx(const table *t, const char *path, time_t created) {
  lxw_workbook *wb = workbook_new(path);
  if (!wb)
    return false;
  lxw_doc_properties props = {.title = "绩效评价结果汇总", .created = created};
  workbook_set_properties(wb, &props);
  lxw_worksheet *ws = workbook_add_worksheet(wb, "汇总");
  lxw_format *head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(head, 0xD9D9D9);
  format_set_border(head, LXW_BORDER_THIN);
  lxw_format *text = workbook_add_format(wb);
  format_set_border(text, LXW_BORDER_THIN);
  lxw_format *numbers[4];
  static const char *const patterns[4] = {"0", "0.0", "0.00", "0.000"};
  for (int i = 0; i < 4; i++) {
    numbers[i] = workbook_add_format(wb);
    format_set_num_format(numbers[i], patterns[i]);
    format_set_border(numbers[i], LXW_BORDER_THIN);
  }
  for (size_t c = 0; c < t->ncols; c++)
    worksheet_write_string(ws, 0, (lxw_col_t)c, t->heads[c], head);
  for (size_t r = 0; r < t->nrows; r++)
    for (size_t c = 0; c < t->ncols; c++) {
      const cell *x = &t->cells[r * t->ncols + c];
      lxw_row_t row = (lxw_row_t)(r + 1);
      if (!x->text)
        worksheet_write_blank(ws, row, (lxw_col_t)c, text);
      else if (x->number)
        /* the engine's decimal, shown with as many places as it was written */
        worksheet_write_number(ws, row, (lxw_col_t)c, strtod(x->text, NULL),
                               numbers[x->places > 3 ? 3 : x->places]);
      else
        worksheet_write_string(ws, row, (lxw_col_t)c, x->text, text);
    }
  worksheet_set_column(ws, 0, 0, 6, NULL);
  worksheet_set_column(ws, 1, 1, 42, NULL);
  worksheet_set_column(ws, 2, 2, 28, NULL);
  worksheet_set_column(ws, 3, 4, 9, NULL);
  if (t->ncols > 5)
    worksheet_set_column(ws, 5, (lxw_col_t)(t->ncols - 1), 12, NULL);
  worksheet_set_row(ws, 0, 32, NULL);
  worksheet_freeze_panes(ws, 1, 2);
  /* A4 landscape, one page wide, the heads on every page */
  worksheet_set_paper(ws, 9);
  worksheet_set_landscape(ws);
  worksheet_set_margins(ws, 0.55, 0.55, 0.6, 0.7);
  worksheet_center_horizontally(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 0, 0);
  lxw_header_footer_options footer = {.margin = 0.3};
  worksheet_set_footer_opt(ws, "&C第 &P 页 共 &N 页", &footer);
  worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, (lxw_col_t)(t->ncols - 1));
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    fprintf(stderr, "evalreport batch: %s: %s\n", path, lxw_strerror(e));
    return false;
  }
  return true;
}

static bool write_one(const char *dir, const char *name, bool csv, const table *t, time_t created,
                      FILE *paths) {
  er_output out;
  if (!er_output_begin(&out, dir, name))
    return false;
  bool ok = csv ? write_csv(t, out.temp_path) : write_xlsx(t, out.temp_path, created);
  if (!ok) {
    fprintf(stderr, "evalreport batch: 无法写入 %s (could not write)\n", out.final_path);
    er_output_abort(&out);
    return false;
  }
  if (!er_output_commit(&out))
    return false;
  if (paths)
    fprintf(paths, "%s\n", out.final_path);
  return true;
}

bool er_summary_write(const char *dir, const er_unit *units, const char *const *files, size_t count,
                      time_t created, FILE *paths) {
  table t = {0};
  build_table(&t, units, files, count);
  bool ok = write_one(dir, ER_SUMMARY_CSV, true, &t, created, paths);
  ok = write_one(dir, ER_SUMMARY_XLSX, false, &t, created, paths) && ok;
  free_table(&t);
  return ok;
}
