/* A table typed in the data (block: table): its header and rows as
 * written, references resolved, figures right-aligned, and the `total`
 * row summed here, exactly, column by column. A chart typed in the data
 * (block: chart): each row's name and value, drawn like the computed
 * charts. */
#include "view/view_impl.h"

#include "model/usertable.h"

#include <string.h>

/* A CELL of `row` (HEAD_ROW or ROW): the text (its references resolved
 * at the end of the walk), its SPAN where merged, and CLASS num where it
 * is a figure, center for a blank "—". */
static er_dict *add_cell(er_view *v, er_dict *row, const char *raw, const char *now,
                         er_uspan span) {
  er_dict *cell = er_dict_add(row, "CELL");
  er_view_set_inline(v, cell, "TEXT", raw);
  if (span.rows > 1 || span.cols > 1) {
    er_dict *sp = er_dict_add(cell, "SPAN");
    er_dict_setf(sp, "ROWS", "%d", span.rows);
    er_dict_setf(sp, "COLS", "%d", span.cols);
  }
  er_ucell_kind kind = er_ucell_read(now).kind;
  if (kind == ER_UCELL_NUMBER || kind == ER_UCELL_PERCENT)
    er_dict_set(er_dict_add(cell, "CLASS"), "NAME", "num");
  else if (kind == ER_UCELL_BLANK)
    er_dict_set(er_dict_add(cell, "CLASS"), "NAME", "center"); /* "—" where a figure would stand */
  return cell;
}

static void caption(er_view *v, er_dict *table, const er_body_item *b) {
  if (!b->title.s)
    return;
  er_dict *c = er_dict_add(table, "CAPTION");
  er_dict_set(c, "NO", er_view_table_no(v, NULL));
  er_view_set_inline(v, c, "TITLE", b->title.s);
  if (b->unit.s)
    er_dict_set(er_dict_add(c, "UNIT"), "TEXT", b->unit.s);
}

/* The 合计 row: each column of figures summed over the body as it reads. */
static void total_row(er_dict *table, const er_body_item *b, const char **now, size_t nbody,
                      size_t width) {
  er_dict *total = er_dict_add(table, "TOTAL");
  er_dict_set(total, "LABEL", b->total.s);
  for (size_t c = 1; c < width; c++) {
    er_ucolumn_sum s = er_ucolumn_sum_of(now + c * nbody, nbody);
    er_dict *cell = er_dict_add(total, "CELL");
    if (!s.summed) {
      er_dict_set(cell, "TEXT", "");
      continue;
    }
    char buf[48];
    er_ucell_format(s.sum, s.places, s.separators, buf);
    er_dict_setf(cell, "TEXT", "%s", buf);
    er_dict_set(er_dict_add(cell, "CLASS"), "NAME", "num");
  }
}

void er_view_user_table(er_view *v, er_dict *d, const er_body_item *b) {
  er_utable t;
  er_utable_parse(b->rows.s, v->arena, &t);
  if (!t.nrows)
    return;
  er_dict *table = er_dict_add(d, "USER_TABLE");
  /* the table's classes: total (its last row bold), landscape (its pages turned) */
  if (b->total.s || b->landscape.v)
    er_dict_set(er_dict_add(table, "TABLE_CLASS"), "NAME",
                b->total.s && b->landscape.v ? "total landscape"
                : b->total.s                 ? "total"
                                             : "landscape");
  caption(v, table, b);
  size_t width = t.rows[0].ncells, head = er_utable_header_rows(b, &t);
  er_uspan **span = er_utable_spans(&t, head, v->arena, NULL, NULL);
  /* the body's cells as they read now, for the figures and their sums */
  size_t nbody = t.nrows - head;
  const char **now = er_arena_alloc(v->arena, (nbody ? nbody : 1) * width * sizeof *now);
  for (size_t r = 0; r < t.nrows; r++) {
    const er_utable_row *row = &t.rows[r];
    er_dict *tr = er_dict_add(table, r < head ? "HEAD_ROW" : "ROW");
    for (size_t c = 0; c < width; c++) {
      const char *raw = c < row->ncells ? row->cells[c].text : ""; /* check refuses short rows */
      const char *text = er_view_inline_now(v, raw);
      if (r >= head)
        now[c * nbody + r - head] = text;
      if (span[r][c].rows) /* not inside another cell's block */
        add_cell(v, tr, raw, text, span[r][c]);
    }
  }
  if (b->total.s)
    total_row(table, b, now, nbody, width);
}

void er_view_user_chart(er_view *v, er_dict *d, const er_body_item *b) {
  static const char *const kinds[] = {"bar", "hbar", "pie"};
  er_utable t;
  er_utable_parse(b->rows.s, v->arena, &t);
  er_dict *chart = er_dict_add(d, "USER_CHART");
  er_dict_set(chart, "KIND", kinds[b->kind.index > 0 ? b->kind.index : 0]);
  bool percent = false;
  for (size_t r = 1; r < t.nrows; r++) {
    const er_utable_row *row = &t.rows[r];
    if (row->ncells != 2)
      continue; /* check refuses it */
    er_ucell_figure f = er_ucell_read(er_view_inline_now(v, row->cells[1].text));
    if ((f.kind != ER_UCELL_NUMBER && f.kind != ER_UCELL_PERCENT) || f.value.units < 0)
      continue; /* a reference that has no figure here ("—") */
    percent |= f.kind == ER_UCELL_PERCENT;
    char buf[ER_DEC_BUFSIZE];
    er_dict *datum = er_dict_add(chart, "DATUM");
    er_dict_setf(datum, "VALUE", "%s", er_dec_format(f.value, f.places, buf));
    er_view_set_inline(v, datum, "LABEL", row->cells[0].text);
  }
  const char *unit = b->unit.s ? b->unit.s : percent ? "%" : NULL;
  if (unit)
    er_dict_set(er_dict_add(chart, "UNIT"), "TEXT", unit);
  if (b->title.s) {
    er_dict *caption = er_dict_add(chart, "CAPTION");
    er_dict_set(caption, "NO", er_view_figure_no(v, NULL));
    er_view_set_inline(v, caption, "TITLE", b->title.s);
  }
}
