/* The annex workbook: its formats, document properties and sheets. */
#include "xlsx/annex.h"

#include "model/srcdate.h"
#include "model/text.h"
#include "xlsx/book.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static lxw_format *make(er_xbook *b, const char *font, double pt, uint8_t align, int flags,
                        const char *num);
enum { BORDER = 1, WRAP = 2, FILL = 4 };

bool er_xbook_ok(er_xbook *b, lxw_error err, const char *where) {
  if (err == LXW_NO_ERROR)
    return true;
  if (b->err == LXW_NO_ERROR) {
    b->err = err;
    b->err_where = where;
  }
  return false;
}

void er_xbook_add_cell(er_xbook *b, const er_indicator *n, int row, int col) {
  if (b->ncells == b->capcells) {
    b->capcells = b->capcells ? 2 * b->capcells : 64;
    er_xcell *c = realloc(b->cells, b->capcells * sizeof *c);
    if (!c)
      abort();
    b->cells = c;
  }
  size_t old;
  if (!er_xptrmap_get(&b->cell_of, n, &old)) /* the first cell of a node is the one found */
    er_xptrmap_put(&b->cell_of, n, b->ncells);
  b->cells[b->ncells++] = (er_xcell){n, row, col};
}

lxw_format *er_xbook_numfmt(er_xbook *b, const char *num) {
  for (size_t i = 0; i < b->nnumfmts; i++)
    if (strcmp(b->numfmt_keys[i], num) == 0)
      return b->numfmts[i];
  char **k = realloc(b->numfmt_keys, (b->nnumfmts + 1) * sizeof *k);
  if (!k)
    abort();
  b->numfmt_keys = k;
  lxw_format **f = realloc(b->numfmts, (b->nnumfmts + 1) * sizeof(lxw_format *));
  if (!f)
    abort();
  b->numfmts = f;
  size_t len = strlen(num);
  char *copy = malloc(len + 1);
  if (!copy)
    abort();
  memcpy(copy, num, len + 1);
  lxw_format *x = make(b, ER_X_BODY_FONT, ER_X_BODY_PT, LXW_ALIGN_CENTER, BORDER, copy);
  format_set_unlocked(x);
  b->numfmt_keys[b->nnumfmts] = copy;
  b->numfmts[b->nnumfmts++] = x;
  return x;
}

const er_xcell *er_xbook_find_cell(const er_xbook *b, const er_indicator *n) {
  size_t i;
  return er_xptrmap_get(&b->cell_of, n, &i) ? &b->cells[i] : NULL;
}

static size_t ptr_hash(const void *p) {
  size_t h = (size_t)(uintptr_t)p;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdu;
  h ^= h >> 33;
  return h;
}

static void ptrmap_insert(const void **keys, size_t *values, size_t cap, const void *key,
                          size_t value) {
  size_t i = ptr_hash(key) & (cap - 1);
  while (keys[i] && keys[i] != key)
    i = (i + 1) & (cap - 1);
  keys[i] = key;
  values[i] = value;
}

void er_xptrmap_put(er_xptrmap *m, const void *key, size_t value) {
  if (2 * (m->n + 1) > m->cap) {
    size_t cap = m->cap ? 2 * m->cap : 64;
    const void **keys = calloc(cap, sizeof *keys);
    size_t *values = calloc(cap, sizeof *values);
    if (!keys || !values)
      abort();
    for (size_t i = 0; i < m->cap; i++)
      if (m->keys[i])
        ptrmap_insert(keys, values, cap, m->keys[i], m->values[i]);
    free(m->keys);
    free(m->values);
    m->keys = keys;
    m->values = values;
    m->cap = cap;
  }
  size_t had;
  if (!er_xptrmap_get(m, key, &had))
    m->n++;
  ptrmap_insert(m->keys, m->values, m->cap, key, value);
}

bool er_xptrmap_get(const er_xptrmap *m, const void *key, size_t *value) {
  if (!m->cap)
    return false;
  for (size_t i = ptr_hash(key) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
    if (m->keys[i] == key) {
      *value = m->values[i];
      return true;
    }
  return false;
}

void er_xptrmap_free(er_xptrmap *m) {
  free(m->keys);
  free(m->values);
  *m = (er_xptrmap){0};
}

char *er_xprose(const er_prose *p) {
  er_xstr x = {0};
  for (size_t i = 0; i < p->count; i++) {
    const er_section *sec = &p->items[i];
    if (sec->title.s)
      er_xstr_add(&x, "%s%s", x.len ? "\n" : "", sec->title.s);
    for (size_t j = 0; j < sec->paras.count; j++)
      if (sec->paras.items[j].s)
        er_xstr_add(&x, "%s%s", x.len ? "\n" : "", sec->paras.items[j].s);
  }
  if (!x.s)
    er_xstr_add(&x, "%s", "");
  return x.s;
}

/* ---- formats ---------------------------------------------------------------------- */

#define SUBTOTAL_FILL 0xF2F2F2

static lxw_format *make(er_xbook *b, const char *font, double pt, uint8_t align, int flags,
                        const char *num) {
  lxw_format *f = workbook_add_format(b->wb);
  format_set_font_name(f, font);
  format_set_font_size(f, pt);
  format_set_align(f, align);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (flags & BORDER)
    format_set_border(f, LXW_BORDER_THIN);
  if (flags & WRAP)
    format_set_text_wrap(f);
  if (flags & FILL)
    format_set_bg_color(f, SUBTOTAL_FILL);
  if (num)
    format_set_num_format(f, num);
  return f;
}

static void make_formats(er_xbook *b) {
  const char *body = ER_X_BODY_FONT, *head = ER_X_HEAD_FONT;
  const double pt = ER_X_BODY_PT;
  const uint8_t L = LXW_ALIGN_LEFT, C = LXW_ALIGN_CENTER, R = LXW_ALIGN_RIGHT;
  er_xfmt *f = &b->f;
  f->title = make(b, head, ER_X_TITLE_PT, C, WRAP, NULL);
  f->info = make(b, body, pt, L, 0, NULL);
  f->info_center = make(b, body, pt, C, 0, NULL);
  f->info_right = make(b, body, pt, R, 0, NULL);
  f->note_text = make(b, body, pt, L, WRAP, NULL);
  f->head = make(b, head, pt, C, BORDER | WRAP, NULL);
  f->text = make(b, body, pt, L, BORDER | WRAP, NULL);
  f->center = make(b, body, pt, C, BORDER | WRAP, NULL);
  f->weight = make(b, body, pt, C, BORDER, "General");
  f->score2 = make(b, body, pt, C, BORDER, "0.00");
  f->score3 = make(b, body, pt, C, BORDER, "0.000");
  f->rate = make(b, body, pt, C, BORDER, "0.00%");
  f->amount = make(b, body, pt, R, BORDER, "0.00");
  f->dash = make(b, body, pt, C, BORDER, NULL);
  f->count = make(b, body, pt, C, BORDER, "0");
  f->sub_text = make(b, body, pt, C, BORDER | WRAP | FILL, NULL);
  f->sub_weight = make(b, body, pt, C, BORDER | FILL, "General");
  f->sub_score = make(b, body, pt, C, BORDER | FILL, "0.00");
  f->sub_rate = make(b, body, pt, C, BORDER | FILL, "0.00%");
  f->sub_score3 = make(b, body, pt, C, BORDER | FILL, "0.000");
  f->sub_amount = make(b, body, pt, R, BORDER | FILL, "0.00");
  f->tot_text = make(b, head, pt, C, BORDER | WRAP, NULL);
  f->tot_weight = make(b, head, pt, C, BORDER, "General");
  f->tot_score = make(b, head, pt, C, BORDER, "0.00");
  f->tot_rate = make(b, head, pt, C, BORDER, "0.00%");
  f->tot_amount = make(b, head, pt, R, BORDER, "0.00");
  f->respondents = make(b, body, pt, C, BORDER, "\"答卷 \"0\" 份\"");
  f->in_text = make(b, body, pt, L, BORDER | WRAP, NULL);
  f->in_center = make(b, body, pt, C, BORDER | WRAP, NULL);
  f->in_weight = make(b, body, pt, C, BORDER, "General");
  f->in_score2 = make(b, body, pt, C, BORDER, "0.00");
  f->in_score3 = make(b, body, pt, C, BORDER, "0.000");
  f->in_amount = make(b, body, pt, R, BORDER, "0.00");
  f->in_count = make(b, body, pt, C, BORDER, "0");
  f->in_respondents = make(b, body, pt, C, BORDER, "\"答卷 \"0\" 份\"");
  lxw_format *inputs[] = {f->in_text,   f->in_center, f->in_weight, f->in_score2,
                          f->in_score3, f->in_amount, f->in_count,  f->in_respondents};
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
    format_set_unlocked(inputs[i]);
  /* a differential format for conditional formatting: only what changes */
  f->deducted = workbook_add_format(b->wb);
  format_set_font_color(f->deducted, 0xC00000);
  format_set_bg_color(f->deducted, 0xFDE9D9);
}

/* ---- document properties ---------------------------------------------------------- */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long days_from_civil(long y, long m, long d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* The workbook's creation time, fixed so that the same data gives the same
 * bytes: SOURCE_DATE_EPOCH when set (range-checked in srcdate.h), else the
 * report's date, else the end of the evaluated year. libxlsxwriter would
 * otherwise stamp the current time. */
static time_t created_time(const er_eval *ev) {
  long long fallback = -1;
  const er_date *dates[] = {&ev->project.report_date, &ev->signature.date};
  for (size_t i = 0; i < sizeof dates / sizeof dates[0] && fallback < 0; i++)
    if (dates[i]->set && dates[i]->year >= 1970 && dates[i]->year <= 9999)
      fallback = (long long)days_from_civil(dates[i]->year, dates[i]->month,
                                            dates[i]->day ? dates[i]->day : 1) *
                 86400;
  if (fallback < 0) {
    long year = 2000;
    if (ev->project.year.set && er_dec_is_integer(ev->project.year.v) &&
        ev->project.year.v.units / ER_DEC_SCALE >= 1969 &&
        ev->project.year.v.units / ER_DEC_SCALE < 9999)
      year = (long)(ev->project.year.v.units / ER_DEC_SCALE) + 1;
    fallback = (long long)days_from_civil(year, 1, 1) * 86400;
  }
  return (time_t)er_source_date_xlsx(NULL, fallback);
}

static void set_properties(er_xbook *b, const char *title) {
  const er_project *p = &b->ev->project;
  /* docProps/core.xml and app.xml: libxlsxwriter escapes <, > and &, not
   * the characters XML cannot carry at all */
  char *text[] = {er_xml_text(title, false),
                  er_xml_text(p->title.s ? p->title.s : p->name.s, false),
                  er_xml_text(p->evaluator.s, false), er_xml_text(p->department.s, false)};
  lxw_doc_properties props = {
      .title = text[0] ? text[0] : (char *)title,
      .subject = text[1] ? text[1] : (char *)(p->title.s ? p->title.s : p->name.s),
      .author = text[2] ? text[2] : (char *)p->evaluator.s,
      .company = text[3] ? text[3] : (char *)p->department.s,
      .category = "绩效评价",
      .keywords = "绩效评价, 评分表",
      .comments =
          "由 evalreport 根据评价数据文件生成；修改末级指标得分后，小计、总分与等级自动重算。",
      .status = b->draft ? "草稿" : NULL,
      .created = created_time(b->ev),
  };
  er_xbook_ok(b, workbook_set_properties(b->wb, &props), "properties");
  for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
    free(text[i]);
}

/* ---- the workbook --------------------------------------------------------------------- */

static bool add_sheet(er_xbook *b, const char *name) {
  return workbook_add_worksheet(b->wb, name) != NULL;
}

bool er_xlsx_write_annex(const er_eval *ev, const er_render_opts *opts, const char *path,
                         er_diag *d) {
  const er_pos nowhere = {0, 0};
  er_xbook b = {.ev = ev, .d = d, .funds_total_row = -1, .draft = opts && opts->draft};
  b.wb = workbook_new(path);
  if (!b.wb) {
    er_error(d, nowhere, "xlsx-write", "无法创建 XLSX 文件 %s", path);
    return false;
  }
  make_formats(&b);
  bool self = ev->kind.index == ER_KIND_SELF;
  bool funds = ev->funds.items.count > 0;
  bool ok = true;
  if (self)
    ok &= add_sheet(&b, ER_X_SHEET_SELF);
  ok &= add_sheet(&b, ER_X_SHEET_SCORE);
  if (funds)
    ok &= add_sheet(&b, ER_X_SHEET_FUNDS);
  if (ev->targets.items.count)
    ok &= add_sheet(&b, ER_X_SHEET_TARGETS);
  if (ev->survey.groups.count)
    ok &= add_sheet(&b, ER_X_SHEET_SURVEY);
  if (!ok)
    er_xbook_ok(&b, LXW_ERROR_MEMORY_MALLOC_FAILED, "worksheets");

  /* the 评分表 refers to cells of 资金情况, the 自评表 to both: those first */
  if (funds)
    er_xsheet_funds_write(&b);
  er_xsheet_score_write(&b);
  if (self)
    er_xsheet_self_write(&b);
  if (ev->targets.items.count)
    er_xsheet_targets_write(&b);
  if (ev->survey.groups.count)
    er_xsheet_survey_write(&b);

  er_xstr title = {0};
  er_xstr_add(&title, "%s%s", ev->project.name.s ? ev->project.name.s : "",
              self ? "绩效自评表" : "绩效评价评分表");
  set_properties(&b, title.s);
  er_xstr_free(&title);

  lxw_error closed = workbook_close(b.wb);
  er_xbook_ok(&b, closed, "workbook");
  free(b.cells);
  er_xptrmap_free(&b.cell_of);
  free(b.fund_rows);
  free(b.source_rows);
  for (size_t i = 0; i < b.nnumfmts; i++)
    free(b.numfmt_keys[i]);
  free(b.numfmt_keys);
  free(b.numfmts);
  if (b.err != LXW_NO_ERROR) {
    er_error(d, nowhere, "xlsx-write", "写入 XLSX 附件 %s 失败（%s）：%s", path,
             b.err_where ? b.err_where : "workbook", lxw_strerror(b.err));
    return false;
  }
  return true;
}
