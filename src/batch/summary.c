#include "batch/summary.h"

#include "model/diag.h"
#include "model/text.h"
#include "pipeline/output.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* ---- The table both files are written from ------------------------------- */

#define FIXED_COLUMNS 5 /* 排名 项目名称 数据文件 总分 等级 */

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

/* ---- Dimension columns, found in linear time ----
 *
 * A column is a first-level name and its occurrence in a unit (a second
 * "产出" is another column). Names are counted per unit, and columns
 * found, through hash tables: with thousands of dimensions, searching
 * lists made the summary cubic (6,000 dimensions: nearly two minutes). */

typedef struct name_map {
  const char **keys; /* the name … */
  int *occ;          /* … and occurrence (−1 in a count map) */
  size_t *value;     /* a count, or a column index */
  size_t n, cap;
} name_map;

static size_t name_hash(const char *s, int occ) {
  size_t h = 14695981039346656037u ^ (size_t)(occ + 1) * 31u;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

static size_t *map_slot(name_map *m, const char *key, int occ, bool *found);

static void map_grow(name_map *m) {
  name_map bigger = {0};
  bigger.cap = m->cap ? 2 * m->cap : 64;
  bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
  bigger.occ = xcalloc(bigger.cap, sizeof *bigger.occ);
  bigger.value = xcalloc(bigger.cap, sizeof *bigger.value);
  for (size_t i = 0; i < m->cap; i++)
    if (m->keys[i]) {
      bool found;
      *map_slot(&bigger, m->keys[i], m->occ[i], &found) = m->value[i];
    }
  free(m->keys);
  free(m->occ);
  free(m->value);
  *m = bigger;
}

/* The value of (key, occ), added as 0 when new (*found says which). */
static size_t *map_slot(name_map *m, const char *key, int occ, bool *found) {
  if (2 * (m->n + 1) > m->cap)
    map_grow(m);
  size_t i = name_hash(key, occ) & (m->cap - 1);
  for (; m->keys[i]; i = (i + 1) & (m->cap - 1))
    if (m->occ[i] == occ && strcmp(m->keys[i], key) == 0) {
      *found = true;
      return &m->value[i];
    }
  m->keys[i] = key;
  m->occ[i] = occ;
  m->value[i] = 0;
  m->n++;
  *found = false;
  return &m->value[i];
}

static void map_free(name_map *m) {
  free(m->keys);
  free(m->occ);
  free(m->value);
  *m = (name_map){0};
}

static const char *dim_name(const er_unit_dim *d) { return d->name ? d->name : ""; }

/* The occurrence of each of u's dimensions' names among those before it. */
static int *occurrences(const er_unit *u) {
  int *occ = xcalloc(u->ndims, sizeof *occ);
  name_map counts = {0};
  for (size_t i = 0; i < u->ndims; i++) {
    bool found;
    size_t *n = map_slot(&counts, dim_name(&u->dims[i]), -1, &found);
    occ[i] = (int)(*n)++;
  }
  map_free(&counts);
  return occ;
}

/* Dimension columns: every first-level name, in the order the inputs
 * first show it (by input order, so the same for any number of workers).
 * `column_of[u][i]` is the column of unit u's dimension i. */
static column *dimension_columns(const er_unit *units, size_t count, size_t *ncols,
                                 size_t **column_of) {
  size_t cap = 8, n = 0;
  column *cols = xcalloc(cap, sizeof *cols);
  name_map index = {0};
  for (size_t u = 0; u < count; u++) {
    if (!units[u].ok)
      continue;
    int *occ = occurrences(&units[u]);
    column_of[u] = xcalloc(units[u].ndims, sizeof *column_of[u]);
    for (size_t i = 0; i < units[u].ndims; i++) {
      bool seen;
      size_t *col = map_slot(&index, dim_name(&units[u].dims[i]), occ[i], &seen);
      if (!seen) {
        if (n == cap) {
          cap *= 2;
          column *grown = realloc(cols, cap * sizeof *grown);
          if (!grown) {
            perror("evalreport batch");
            exit(1);
          }
          cols = grown;
        }
        cols[n] = (column){dim_name(&units[u].dims[i]), occ[i]};
        *col = n++;
      }
      column_of[u][i] = *col;
    }
    free(occ);
  }
  map_free(&index);
  *ncols = n;
  return cols;
}

typedef struct ranked {
  const er_unit *unit;
  const char *file;
  er_dec shown;            /* the total as displayed, to two decimals */
  const size_t *column_of; /* the column of each of its dimensions */
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
  size_t **column_of = xcalloc(count, sizeof *column_of);
  column *dims = dimension_columns(units, count, &ndims, column_of);
  ranked *rows = xcalloc(count, sizeof *rows);
  size_t nrows = 0;
  for (size_t i = 0; i < count; i++)
    if (units[i].ok)
      rows[nrows++] = (ranked){&units[i], files[i], er_dec_round(units[i].total, 2), column_of[i]};
  if (nrows)
    qsort(rows, nrows, sizeof *rows, by_rank);

  enum { FIXED = FIXED_COLUMNS };
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
    for (size_t i = 0; i < u->ndims; i++) {
      const er_unit_dim *dim = &u->dims[i];
      size_t d = rows[r].column_of[i];
      if (!dim->valid)
        continue;
      row[FIXED + 2 * d] = (cell){format_dec(dim->score, dim->places), true, dim->places};
      row[FIXED + 2 * d + 1] = (cell){format_dec(dim->rate, 2), true, 2};
    }
    if (u->execution_defined)
      row[t->ncols - 1] = (cell){format_dec(u->execution_rate, 2), true, 2};
  }
  free(rows);
  free(dims);
  for (size_t i = 0; i < count; i++)
    free(column_of[i]);
  free(column_of);
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

typedef struct xformats {
  lxw_format *head, *text, *numbers[4];
} xformats;

/* Table columns c0 … c1 − 1 on a sheet of their own, after the fixed
 * columns (those of the first sheet are the fixed columns themselves). */
static void write_sheet(lxw_workbook *wb, const char *name, const table *t, const xformats *f,
                        size_t c0, size_t c1) {
  lxw_worksheet *ws = workbook_add_worksheet(wb, name);
  size_t fixed = c0 ? FIXED_COLUMNS : 0, width = fixed + (c1 - c0);
  for (size_t k = 0; k < width; k++) {
    size_t c = k < fixed ? k : c0 + (k - fixed);
    char *clean = er_xml_text(t->heads[c], true);
    worksheet_write_string(ws, 0, (lxw_col_t)k, clean ? clean : t->heads[c], f->head);
    free(clean);
  }
  for (size_t r = 0; r < t->nrows; r++)
    for (size_t k = 0; k < width; k++) {
      size_t c = k < fixed ? k : c0 + (k - fixed);
      const cell *x = &t->cells[r * t->ncols + c];
      lxw_row_t row = (lxw_row_t)(r + 1);
      if (!x->text)
        worksheet_write_blank(ws, row, (lxw_col_t)k, f->text);
      else if (x->number)
        /* the engine's decimal, shown with as many places as it was written */
        worksheet_write_number(ws, row, (lxw_col_t)k, strtod(x->text, NULL),
                               f->numbers[x->places > 3 ? 3 : x->places]);
      else {
        char *clean = er_xml_text(x->text, true); /* a file name can hold anything */
        worksheet_write_string(ws, row, (lxw_col_t)k, clean ? clean : x->text, f->text);
        free(clean);
      }
    }
  worksheet_set_column(ws, 0, 0, 6, NULL);
  worksheet_set_column(ws, 1, 1, 42, NULL);
  worksheet_set_column(ws, 2, 2, 28, NULL);
  worksheet_set_column(ws, 3, 4, 9, NULL);
  if (width > FIXED_COLUMNS)
    worksheet_set_column(ws, FIXED_COLUMNS, (lxw_col_t)(width - 1), 12, NULL);
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
  worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, (lxw_col_t)(width - 1));
}

/* A sheet holds LXW_COL_MAX (16,384, column XFD) columns: a summary wider
 * than that goes on over more sheets, 汇总(2), 汇总(3) …, each with the
 * fixed columns again, instead of being cut at XFD. */
static bool write_xlsx(const table *t, const char *path, time_t created) {
  lxw_workbook *wb = workbook_new(path);
  if (!wb)
    return false;
  lxw_doc_properties props = {.title = "绩效评价结果汇总", .created = created};
  workbook_set_properties(wb, &props);
  xformats f;
  f.head = workbook_add_format(wb);
  format_set_bold(f.head);
  format_set_text_wrap(f.head);
  format_set_align(f.head, LXW_ALIGN_CENTER);
  format_set_align(f.head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(f.head, 0xD9D9D9);
  format_set_border(f.head, LXW_BORDER_THIN);
  f.text = workbook_add_format(wb);
  format_set_border(f.text, LXW_BORDER_THIN);
  static const char *const patterns[4] = {"0", "0.0", "0.00", "0.000"};
  for (int i = 0; i < 4; i++) {
    f.numbers[i] = workbook_add_format(wb);
    format_set_num_format(f.numbers[i], patterns[i]);
    format_set_border(f.numbers[i], LXW_BORDER_THIN);
  }
  size_t first = t->ncols < LXW_COL_MAX ? t->ncols : LXW_COL_MAX;
  write_sheet(wb, "汇总", t, &f, 0, first);
  int sheet = 2;
  for (size_t c = first; c < t->ncols; c += LXW_COL_MAX - FIXED_COLUMNS, sheet++) {
    size_t end = c + (LXW_COL_MAX - FIXED_COLUMNS);
    char name[32];
    snprintf(name, sizeof name, "汇总(%d)", sheet);
    write_sheet(wb, name, t, &f, c, end < t->ncols ? end : t->ncols);
  }
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    er_say("evalreport batch: %s: %s", path, lxw_strerror(e));
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
    er_say("evalreport batch: 无法写入 %s (could not write)", out.final_path);
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
