/* Internals of the XLSX annex shared by its sheets: the workbook with its
 * formats, a sheet writer that sizes columns and rows to their text, and
 * the cells one sheet's formulas refer to on another. */
#ifndef ER_XLSX_BOOK_H
#define ER_XLSX_BOOK_H

#include "model/model.h"

#include <stdbool.h>
#include <stddef.h>
#include <xlsxwriter.h>

#define ER_X_BODY_FONT "仿宋"
#define ER_X_HEAD_FONT "黑体"
#define ER_X_BODY_PT 10.5 /* 五号 */
#define ER_X_TITLE_PT 16  /* 三号 */
#define ER_X_MAX_COLS 24

/* Sheet names, also used in cross-sheet formulas. */
#define ER_X_SHEET_SCORE "评分表"
#define ER_X_SHEET_SELF "自评表"
#define ER_X_SHEET_FUNDS "资金情况"
#define ER_X_SHEET_TARGETS "绩效目标"
#define ER_X_SHEET_SURVEY "问卷汇总"

typedef struct er_xfmt {
  lxw_format *title, *info, *info_center, *info_right, *note_text;
  lxw_format *head;                         /* column headers */
  lxw_format *text, *center;                /* body text, left and centred */
  lxw_format *weight, *score2, *score3;     /* 分值 and 得分 */
  lxw_format *rate, *amount, *dash, *count; /* 得分率, amounts, "—", counts */
  lxw_format *sub_text, *sub_weight, *sub_score, *sub_rate, *sub_amount; /* 小计 rows */
  lxw_format *sub_score3;
  lxw_format *tot_text, *tot_weight, *tot_score, *tot_rate, *tot_amount; /* 总分 rows */
  lxw_format *respondents;                                               /* "答卷 100 份" */
  /* input cells, left unlocked on the protected sheets */
  lxw_format *in_text, *in_center, *in_weight, *in_score2, *in_score3, *in_amount, *in_count;
  lxw_format *in_respondents;
  lxw_format *deducted; /* conditional format: a leaf below its weight */
} er_xfmt;

/* Where one indicator's score stands on the 评分表. */
typedef struct er_xcell {
  const er_indicator *node;
  int row, col;
} er_xcell;

/* A map from pointers (indicators) to indices, open addressing: finding a
 * node's cell or row by a search through a list made the annex quadratic
 * in the number of indicators. */
typedef struct er_xptrmap {
  const void **keys;
  size_t *values;
  size_t n, cap;
} er_xptrmap;

void er_xptrmap_put(er_xptrmap *m, const void *key, size_t value);
/* True, with *value set, when key is in the map. */
bool er_xptrmap_get(const er_xptrmap *m, const void *key, size_t *value);
void er_xptrmap_free(er_xptrmap *m);

typedef struct er_xbook {
  lxw_workbook *wb;
  const er_eval *ev;
  er_diag *d;
  er_xfmt f;
  bool draft;    /* --draft: every page says so */
  lxw_error err; /* the first error libxlsxwriter reported */
  const char *err_where;
  /* filled by the 评分表, read by the 自评表 */
  er_xcell *cells;
  size_t ncells, capcells;
  er_xptrmap cell_of; /* node → index in cells */
  /* filled by 资金情况: the rows of each item's 小计 and of the 合计 */
  int *fund_rows;
  int funds_total_row;
  int funds_col_initial, funds_col_planned, funds_col_arrived, funds_col_spent;
  bool has_funds_sheet;
  int *source_rows; /* the row of every source, items in order, sources in order */
  size_t nsources;
  int score_col_weight;
  /* number formats made on demand ("≥"0.00%), for the 自评表's figures */
  char **numfmt_keys;
  lxw_format **numfmts;
  size_t nnumfmts;
} er_xbook;

/* A height the text of a cell spanning rows r0..r1 needs. */
typedef struct er_xneed {
  int r0, r1;
  double points;
} er_xneed;

/* A merged cell over several rows, written when the sheet is finished
 * (after the rows it spans have their heights). */
typedef struct er_xspan {
  int r0, c0, r1, c1;
  char *text;
  lxw_format *fmt;
  bool is_number; /* a number in the first cell of each piece, not text */
  er_dec number;
} er_xspan;

/* One worksheet being written: it remembers how wide each column is and
 * how tall each row must be for its wrapped text. */
typedef struct er_xsheet {
  er_xbook *book;
  lxw_worksheet *ws;
  const char *name;
  int ncols;
  double width[ER_X_MAX_COLS]; /* Excel character units */
  bool hidden[ER_X_MAX_COLS];
  double *height; /* points; 0 = not set */
  int nrows, caprows;
  er_xneed *needs; /* for merged cells over several rows */
  size_t nneeds, capneeds;
  er_xspan *spans;
  size_t nspans, capspans;
} er_xsheet;

/* Page set-up of a finished sheet. */
typedef struct er_xpage {
  bool landscape;
  int repeat_first, repeat_last; /* header rows printed on every page; -1 for none */
  int freeze_row;                /* rows above it stay in view; 0 for none */
} er_xpage;

/* ---- book ------------------------------------------------------------------ */

/* Records the first libxlsxwriter error; returns true when err is none. */
bool er_xbook_ok(er_xbook *b, lxw_error err, const char *where);
void er_xbook_add_cell(er_xbook *b, const er_indicator *n, int row, int col);
/* A bordered, centred input (unlocked) format with the number format `num`. */
lxw_format *er_xbook_numfmt(er_xbook *b, const char *num);

const er_xcell *er_xbook_find_cell(const er_xbook *b, const er_indicator *n);

/* An er_dec as the double a cell caches; the only place decimals become
 * binary floating point. */
static inline double er_xnum(er_dec v) { return (double)v.units / 1e6; }
/* A percent (98.42) as the fraction a cell formatted 0.00% holds (0.9842). */
static inline double er_xnum_percent(er_dec v) { return (double)v.units / 1e8; }

/* ---- growing strings, for formulas and texts ---------------------------------- */

typedef struct er_xstr {
  char *s;
  size_t len, cap;
} er_xstr;

void er_xstr_add(er_xstr *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends a cell reference: "H12", "$H$12" (absolute) or "'评分表'!H12". */
void er_xstr_cell(er_xstr *x, int row, int col, bool absolute);
/* Appends s as a formula string literal: "…" with quotes doubled. */
void er_xstr_quoted(er_xstr *x, const char *s);
/* Appends SUM(…) of the cells of one column at `rows`, runs as ranges.
 * Sums of decimals are written ROUND(SUM(…),6): the engine keeps six
 * places exactly, and rounding there puts a binary sum such as
 * 2.025+1.95 = 3.97499999… back on 3.975, which then shows as 3.98. */
void er_xstr_sum_rows(er_xstr *x, const char *sheet, const int *rows, size_t n, int col);
const char *er_xstr_get(const er_xstr *x);
void er_xstr_clear(er_xstr *x);
void er_xstr_free(er_xstr *x);

/* ---- sheet ------------------------------------------------------------------- */

bool er_xsheet_open(er_xsheet *s, er_xbook *b, const char *name, int ncols);
void er_xsheet_close(er_xsheet *s);
/* Sets a column's width, or hides it. */
void er_xsheet_col(er_xsheet *s, int col, double width);
void er_xsheet_hide_col(er_xsheet *s, int col);
/* The width a text needs on one line, in character units at `pt` points. */
double er_xtext_width(const char *text, double pt);
/* Shares `budget` units among n columns that would like `want` each: no
 * column gets more than it wants or less than lo; the widest give way. */
void er_xshare_widths(const double *want, size_t n, double budget, double lo, double *out);
/* The width a column needs for the longest of its texts, between lo and hi. */
double er_xfit_width(const char *const *texts, size_t n, double pt, double lo, double hi);

/* Text in the cell range r0..r1 × c0..c1 (merged when it is more than one
 * cell); the rows grow to fit it wrapped. NULL writes an empty cell. */
void er_xsheet_text(er_xsheet *s, int r0, int c0, int r1, int c1, const char *text, lxw_format *fmt,
                    double pt);
/* A number, a formula with its cached number, or with its cached text.
 * c1 > c0 merges the cell with the ones to its right. */
void er_xsheet_number(er_xsheet *s, int r, int c0, int c1, er_dec v, lxw_format *fmt);
/* A number in a cell merged down rows r0..r1. */
void er_xsheet_number_down(er_xsheet *s, int r0, int r1, int c, er_dec v, lxw_format *fmt);
void er_xsheet_formula(er_xsheet *s, int r, int c0, int c1, const char *formula, er_dec cached,
                       lxw_format *fmt);
/* A formula whose cached value is a percent, stored as its fraction. */
void er_xsheet_formula_percent(er_xsheet *s, int r, int c0, int c1, const char *formula,
                               er_dec percent, lxw_format *fmt);
void er_xsheet_formula_text(er_xsheet *s, int r, int c0, int c1, const char *formula,
                            const char *cached, lxw_format *fmt);
/* A target or actual value: a number shown with its comparator and unit
 * ("≥96%", "31625人") by its number format — only the figure with `bare` —
 * or the words; `places` as written. An input cell. */
struct er_measure;
void er_xsheet_measure(er_xsheet *s, int row, int col, const char *text, const struct er_measure *m,
                       int places, bool bare);
/* Makes row r at least `points` tall. */
void er_xsheet_min_height(er_xsheet *s, int r, double points);

/* A grid of cells where equal keys form one merged cell: a key that runs
 * across columns in one row, or down one column over several rows. */
typedef struct er_xowner {
  const void *key; /* NULL: an empty cell */
  const char *text;
  lxw_format *fmt; /* NULL: the grid's */
} er_xowner;
void er_xsheet_grid(er_xsheet *s, int row0, int col0, int nrows, int ncols, const er_xowner *grid,
                    lxw_format *fmt);

/* Sets column widths, row heights, and the page: A4, fit to one page
 * wide, repeated header rows, frozen panes, footer 第 &P 页 共 &N 页, no
 * manual page breaks (the application fills every page); writes the
 * merged cells over several rows. */
void er_xsheet_finish(er_xsheet *s, const er_xpage *page);
/* Protects a sheet without a password: formulas and labels stay locked,
 * inputs (the in_* formats) stay editable. */
void er_xsheet_protect(er_xsheet *s);

/* ---- the sheets ------------------------------------------------------------------ */

void er_xsheet_score_write(er_xbook *b);
void er_xsheet_funds_write(er_xbook *b);
void er_xsheet_self_write(er_xbook *b);
void er_xsheet_targets_write(er_xbook *b);
void er_xsheet_survey_write(er_xbook *b);

/* How a leaf's score was arrived at: "x=95%（较好）", "评定：达成" … */
void er_xleaf_basis(const er_eval *ev, const er_indicator *n, er_xstr *x);
/* =IF(ROUND(total,2)>=90,"优",…): the grade of the total at total_row,
 * score_col under the data's scheme, as er_grade_for() grades it. */
void er_xgrade_formula(const er_eval *ev, int total_row, int score_col, er_xstr *f);
/* "优秀≥90；良好≥75；…" */
void er_xgrade_scheme_text(const er_eval *ev, er_xstr *x);

/* Paragraphs joined by line breaks, in a buffer the caller frees. */
char *er_xprose(const er_prose *p);

#endif
