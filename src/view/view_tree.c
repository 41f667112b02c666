/* Indicator tables: one row per leaf, the levels above it as merged cells
 * (rowspan), the way score sheets are printed. */
#include "view/view_impl.h"

static const char *const level_names[] = {"",         "一级指标", "二级指标",
                                          "三级指标", "四级指标", "五级指标"};

int er_view_tree_depth(const er_indicators *nodes) {
  int depth = 0;
  for (size_t i = 0; i < nodes->count; i++) {
    int d = 1 + er_view_tree_depth(&nodes->items[i].children);
    if (d > depth)
      depth = d;
  }
  return depth;
}

void er_view_level_heads(er_view *v, er_dict *table, int from_depth, int to_depth) {
  for (int k = from_depth; k <= to_depth; k++)
    er_dict_set(er_dict_add(table, "LEVEL_HEAD"), "TEXT",
                k >= 0 && (size_t)k < sizeof level_names / sizeof level_names[0]
                    ? level_names[k]
                    : er_arena_printf(v->arena, "%d级指标", k));
  er_dict_setf(table, "LEVEL_COUNT", "%d", to_depth - from_depth + 1);
}

const char *er_view_note(er_view *v, const er_indicator *n) {
  if (n->note.s)
    return n->note.s;
  if (!n->result.applicable)
    return "不适用";
  if (n->result.note && *n->result.note) /* derived: the deductions with their reasons */
    return n->result.note;
  if (!n->result.valid)
    return "";
  if (er_dec_cmp(n->result.score, n->result.weight) >= 0)
    return "未扣分";
  /* points lost without a word in the data: say what the rule found */
  er_dec lost = er_dec_sub(n->result.weight, er_dec_round(n->result.score, n->result.places));
  const char *points = er_fmt_score(v->arena, lost, n->result.places);
  return n->result.label ? er_arena_printf(v->arena, "评价为“%s”，扣%s分", n->result.label, points)
                         : er_arena_printf(v->arena, "扣%s分", points);
}

const char *er_view_score_text(er_view *v, const er_indicator *n) {
  if (!n->result.applicable) /* the note says 不适用 */
    return "—";
  return n->result.valid ? er_fmt_score(v->arena, n->result.score, n->result.places) : "—";
}

typedef struct walk {
  er_view *v;
  er_dict *table;
  int from, to;
  bool weights, anchors, codes;
  er_view_row_fn fill;
  void *ctx;
  const er_indicator *pending[8]; /* ancestors whose cell is still to come */
  int npending;
  int rows; /* added so far */
} walk;

static bool is_row(const walk *w, const er_indicator *n) {
  return n->children.count == 0 || n->depth >= w->to;
}

static int rows_under(const walk *w, const er_indicator *n) {
  if (is_row(w, n))
    return 1;
  int rows = 0;
  for (size_t i = 0; i < n->children.count; i++)
    rows += rows_under(w, &n->children.items[i]);
  return rows;
}

static const char *cell_text(const walk *w, const er_indicator *n) {
  const char *name = n->name.s ? n->name.s : "";
  if (w->codes && n->code.s) /* "A1 项目立项", as the data codes it */
    name = er_arena_printf(w->v->arena, "%s %s", n->code.s, name);
  if (w->weights && !is_row(w, n) && n->depth <= 2)
    return er_arena_printf(w->v->arena, "%s（%s分）", name,
                           er_fmt_weight(w->v->arena, n->weight.v));
  return name;
}

static void add_cell(walk *w, er_dict *row, const char *text, int rowspan, int depth,
                     const char *code) {
  er_dict *cell = er_dict_add(row, "CELL");
  er_dict_set(cell, "TEXT", text);
  er_dict_setf(cell, "ROWSPAN", "%d", rowspan);
  er_dict_setf(cell, "DEPTH", "%d", depth);
  er_dict_set(cell, "CODE", code);
  (void)w;
}

/* A code usable in an element id: ASCII letters, digits, '-' and '_', not
 * starting with '-'. */
static bool id_code(const char *s) {
  if (!s || !*s || *s == '-')
    return false;
  for (; *s; s++)
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
          *s == '-' || *s == '_'))
      return false;
  return true;
}

/* The row's element id: "ind-CODE", unless the code cannot be part of an id
 * (甲1, A 1) or an earlier row of the table has it (a duplicate code, which
 * a draft still shows): then "ind--N", N the row's number in the table,
 * which no code makes. */
static const char *row_id(walk *w, const er_indicator *n) {
  w->rows++;
  if (id_code(n->code.s) && !(w->anchors && er_view_marked(w->v, n->code.s)))
    return er_arena_printf(w->v->arena, "ind-%s", n->code.s);
  return er_arena_printf(w->v->arena, "ind--%d", w->rows);
}

static void visit(walk *w, const er_indicator *n) {
  if (n->depth < w->from) {
    for (size_t i = 0; i < n->children.count; i++)
      visit(w, &n->children.items[i]);
    return;
  }
  if (!is_row(w, n)) {
    if (w->npending < 8)
      w->pending[w->npending++] = n;
    for (size_t i = 0; i < n->children.count; i++)
      visit(w, &n->children.items[i]);
    return;
  }
  er_dict *row = er_dict_add(w->table, "ROW");
  const char *id = row_id(w, n);
  er_dict_set(row, "ID", id);
  er_dict_set(row, "CODE", n->code.s);
  for (int i = 0; i < w->npending; i++) {
    const er_indicator *a = w->pending[i];
    add_cell(w, row, cell_text(w, a), rows_under(w, a), a->depth, a->code.s);
    if (w->anchors)
      er_view_mark(w->v, a->code.s, id);
  }
  w->npending = 0;
  if (w->anchors)
    er_view_mark(w->v, n->code.s, id);
  add_cell(w, row, cell_text(w, n), 1, n->depth, n->code.s);
  for (int k = n->depth + 1; k <= w->to; k++)
    add_cell(w, row, "——", 1, k, "");
  w->fill(w->v, row, n, w->ctx);
}

void er_view_tree_rows(er_view *v, er_dict *table, const er_indicators *nodes, int from_depth,
                       int to_depth, unsigned flags, er_view_row_fn fill, void *ctx) {
  walk w = {v,
            table,
            from_depth,
            to_depth,
            (flags & ER_ROWS_WEIGHTS) != 0,
            (flags & ER_ROWS_ANCHORS) != 0,
            (flags & ER_ROWS_CODES) != 0,
            fill,
            ctx,
            {0},
            0,
            0};
  for (size_t i = 0; i < nodes->count; i++)
    visit(&w, &nodes->items[i]);
}
