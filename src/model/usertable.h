/* A table typed in the data file (outline blocks `table` and `chart`): its
 * `rows` text holds one line per row, the first the header, cells split at
 * '|' (or at tabs, as a spreadsheet copies them). The engine reads which
 * columns are figures, and adds the `total` row itself, so a 合计 is never
 * typed in; a chart draws each row's name and value. */
#ifndef ER_USERTABLE_H
#define ER_USERTABLE_H

#include "model/arena.h"
#include "model/decimal.h"
#include "model/model.h"

typedef struct er_utable_cell {
  const char *text; /* trimmed, NUL-terminated (in the arena) */
  size_t offset;    /* where it starts in the rows text, for er_inline_pos */
} er_utable_cell;

typedef struct er_utable_row {
  er_utable_cell *cells;
  size_t ncells;
  size_t offset; /* of the line */
} er_utable_row;

typedef struct er_utable {
  er_utable_row *rows; /* rows[0] is the header */
  size_t nrows;
} er_utable;

/* Merged cells: a cell of just "^" is part of the cell above it, one of
 * just "<" part of the cell on its left. Each other cell is the origin of
 * a block of rowspan × colspan: the "<" run on its right, the "^" run
 * below it (within the header or the body: a block never crosses them). */
typedef struct er_uspan {
  int rows, cols; /* 0 × 0: covered by another cell's block */
} er_uspan;
/* The spans of t's cells, spans[r][c], from `header` header rows; with
 * `d` and `text`, check's findings about markers that merge into nothing
 * or into a block that is not a rectangle, at their positions. */
er_uspan **er_utable_spans(const er_utable *t, size_t header, er_arena *arena, er_diag *d,
                           const er_text *text);
/* How many rows head a table block: `header`, at least 1, at most all. */
size_t er_utable_header_rows(const er_body_item *b, const er_utable *t);

/* A figure a cell holds: "1,234.5", "-3", "98.42%"; "—", "-", "" and the
 * merge markers "^" "<" are blanks, which a figure column may have. */
typedef enum er_ucell_kind {
  ER_UCELL_TEXT,
  ER_UCELL_BLANK,
  ER_UCELL_NUMBER,
  ER_UCELL_PERCENT
} er_ucell_kind;
typedef struct er_ucell_figure {
  er_ucell_kind kind;
  er_dec value;
  int places;      /* decimals as written */
  bool separators; /* written with thousands separators */
} er_ucell_figure;

/* Splits `text` into rows and cells (blank lines are skipped). */
void er_utable_parse(const char *text, er_arena *arena, er_utable *out);
/* What a cell's text is as a figure. */
er_ucell_figure er_ucell_read(const char *text);

/* A column's sum as the total row prints it: the figures of rows
 * [first, last) of column `col` added exactly, when the column holds
 * figures only (blanks aside) and no percentage. */
typedef struct er_ucolumn_sum {
  bool summed;
  er_dec sum;
  int places;
  bool separators;
} er_ucolumn_sum;
er_ucolumn_sum er_ucolumn_sum_of(const char *const *cells, size_t n);

/* Formats a figure with `places` decimals, grouped by thousands when
 * `separators`, into buf (at least 48 bytes). */
char *er_ucell_format(er_dec v, int places, bool separators, char buf[48]);

/* check's findings about a `table` block: rows of another width than the
 * header, no body rows, a `total` over no figure column, and a typed
 * 合计 row whose figures are not the sums of the rows above it. */
void er_utable_check(const er_body_item *b, er_diag *d);

/* The most rows a `chart` block may have: as many values as a chart draws
 * (doc/doc.h, ER_CHART_MAX_DATA). */
#define ER_UCHART_MAX_ROWS 64
/* check's findings about a `chart` block: no rows, more than
 * ER_UCHART_MAX_ROWS, a row without a name and a value, a value that is
 * not a figure or is below zero. */
void er_uchart_check(const er_body_item *b, er_diag *d);

#endif
