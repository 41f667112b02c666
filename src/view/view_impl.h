/* What the parts of the view share: the state of one build (heading and
 * table numbering, the ids of report parts) and the builders each part
 * file provides. Private to src/view. */
#ifndef ER_VIEW_IMPL_H
#define ER_VIEW_IMPL_H

#include "view/dict.h"
#include "view/format.h"
#include "view/view.h"

typedef struct er_view_anchor {
  const char *key, *id; /* an indicator code or a part name → element id */
  struct er_view_anchor *next;
} er_view_anchor;

/* Prose whose references wait for the end of the walk, when every table
 * and figure has its number: a paragraph's runs, or one value. */
typedef struct er_view_pending {
  er_dict *dict;   /* the paragraph, or the dictionary of the value */
  const char *var; /* NULL: a paragraph's runs; else the value's name */
  const char *text;
  struct er_view_pending *next;
} er_view_pending;

typedef struct er_view {
  const er_eval *ev;
  const er_view_opts *opts;
  er_dict *root;
  er_arena *arena; /* the dictionary's */
  /* the report's structure: the data's own, or the outline file's */
  const er_eval *layout;
  const er_report_layout *defaults; /* the outline file's: what layout leaves out */
  const char *numbering[5];         /* heading number patterns by level (1–4) */
  bool continuous;                  /* tables numbered 表1, not 表1-1 */
  int counters[5];                  /* heading numbers by level (1–4) */
  int chapter;                      /* the level-1 section the walk is in */
  int tables, figures;
  int annexes, footnotes;
  bool yuan;              /* amounts in the data are in 元 */
  int max_depth;          /* of the indicator tree */
  const char *block_id;   /* the id the outline gives the block being built */
  const char *section_id; /* the heading the walk is under */
  const char *id_prefix;  /* of generated heading ids: "s" in the body, "sum" in the 摘要 */
  er_view_anchor **marks; /* draft panel links, indicator code or part → element id: a hash
                             table of chains, by key (in the arena) */
  size_t nmarks, mark_buckets;
  er_view_pending *pending, **pending_tail;
} er_view;

/* ---- view.c: numbering, ids, prose ---- */

/* Adds a numbered heading section at `level` (1–4) to `parent`: NUM (the
 * heading's number, "" when unnumbered), ID (an element id). */
er_dict *er_view_heading(er_view *v, er_dict *parent, const char *section, int level,
                         bool numbered);
/* The next table / figure number ("表3-1", "图3-1", or "表4" when numbered
 * straight through), remembered under `name` (and the block's id) for
 * {table:NAME} references. */
const char *er_view_table_no(er_view *v, const char *name);
const char *er_view_figure_no(er_view *v, const char *name);
/* The number a table or figure name (or a block's id) was given, or NULL. */
const char *er_view_number_of(const er_view *v, const char *name);
/* A template marker name from a data key: `prefix` and the key in capitals
 * ("B_" and fund_tables → B_FUND_TABLES), cut to fit out[size]. */
const char *er_view_marker_name(char *out, size_t size, const char *prefix, const char *key);
/* The number of the n-th heading at `level` in the report's style. */
const char *er_view_number(er_view *v, int level, int n);
/* Remembers that `key` (an indicator code or a part name) is shown at the
 * element `id`; the first registration wins. */
void er_view_mark(er_view *v, const char *key, const char *id);
const char *er_view_marked(const er_view *v, const char *key);

bool er_prose_present(const er_prose *p);
/* Shows `section` with the prose as PARA items (TEXT, and LEAD where a
 * titled part starts: "（1）title。" numbered at `lead_level`). Returns the
 * section, or NULL when the prose is empty. */
er_dict *er_view_prose(er_view *v, er_dict *d, const char *section, const er_prose *p,
                       int lead_level);
/* ---- view_inline.c: prose with marks and references ---- */
/* Adds one paragraph to the PARA list of d: RUN items (T or B with TEXT;
 * MARK for a footnote mark) and FOOTNOTE items (MARK, TEXT), made from
 * the text's **strong**, [^notes] and {references} once the walk is done. */
er_dict *er_view_para(er_view *v, er_dict *d, const char *text);
/* Sets `var` of d to text with its references resolved and marks dropped
 * (headings, cover rows), once the walk is done. */
void er_view_set_inline(er_view *v, er_dict *d, const char *var, const char *text);
/* The text now, for values that decide what is shown (cover rows): table
 * and figure references are not resolved yet. */
const char *er_view_inline_now(er_view *v, const char *text);
/* Resolves everything er_view_para and er_view_set_inline left waiting. */
void er_view_resolve_inline(er_view *v);
/* The first paragraph of a prose, or NULL. */
const char *er_prose_first(const er_prose *p);

/* ---- view_funds.c ---- */
/* FUNDS_* totals, FUNDS_SENTENCE, FUND_TABLE, SPENDING_TABLE, FUND_CHART. */
void er_view_funds(er_view *v, er_dict *d);
/* "项目全年预算…万元，实际到位…，执行率…。" */
const char *er_view_funds_sentence(er_view *v);
void er_view_fund_items(er_view *v, er_dict *parent, int level);
/* One fund item: its description and figures, under a heading or not. */
void er_view_fund_item(er_view *v, er_dict *parent, const er_fund_item *item, int level,
                       bool heading);
void er_view_beneficiaries(er_view *v, er_dict *d);
void er_view_targets(er_view *v, er_dict *d);
/* "中央补助资金11654.69万元、省级补助资金1916.50万元": the sources by label. */
const char *er_view_sources_sentence(er_view *v);

/* ---- view_scores.c ---- */
void er_view_score_table(er_view *v, er_dict *d);
void er_view_dimensions(er_view *v, er_dict *parent, int level);
/* One first-level dimension's analysis: sentences, table, deductions; a
 * DIMENSION with a heading at `level`, or without one. */
void er_view_dimension(er_view *v, er_dict *parent, const er_indicator *n, int level, bool heading);
void er_view_system_table(er_view *v, er_dict *d);
/* "综合得分88.38分，评价等级为良好。" */
const char *er_view_conclusion_sentence(er_view *v);

/* ---- view_tree.c: indicator rows with merged level cells ---- */
typedef void (*er_view_row_fn)(er_view *v, er_dict *row, const er_indicator *n, void *ctx);
enum {
  ER_ROWS_WEIGHTS = 1, /* "name（N分）" in the level 1 and 2 cells of nodes with children */
  ER_ROWS_ANCHORS = 2, /* the rows are where the draft panel links indicator codes */
  ER_ROWS_CODES = 4    /* each cell led by its indicator's code: "A1 项目立项" */
};
/* Adds a ROW per leaf (or per node at `to_depth`) of the nodes, with ID
 * "ind-CODE" ("ind--N" when the code cannot be an id or is repeated) and
 * a CELL list for levels `from_depth`…`to_depth`: each ancestor's cell
 * once, on its first row, with ROWSPAN; "——" below a shallow leaf. `fill`
 * adds the row's other values. */
void er_view_tree_rows(er_view *v, er_dict *table, const er_indicators *nodes, int from_depth,
                       int to_depth, unsigned flags, er_view_row_fn fill, void *ctx);
/* LEVEL_HEAD items "一级指标" … for levels from…to. */
void er_view_level_heads(er_view *v, er_dict *table, int from_depth, int to_depth);
int er_view_tree_depth(const er_indicators *nodes);
/* 扣分说明 of a leaf: its note, else 未扣分 at full marks, else "". */
const char *er_view_note(er_view *v, const er_indicator *n);
const char *er_view_score_text(er_view *v, const er_indicator *n);

/* ---- view_table.c ---- */
/* USER_TABLE: a table typed in the data (block: table), with its
 * CAPTION (NO, TITLE, UNIT), HEAD cells, ROW cells and the TOTAL row. */
void er_view_user_table(er_view *v, er_dict *d, const er_body_item *b);
/* USER_CHART: a chart typed in the data (block: chart): KIND, UNIT, a
 * DATUM (LABEL, VALUE) per row, and its CAPTION (NO, TITLE). */
void er_view_user_chart(er_view *v, er_dict *d, const er_body_item *b);

/* ---- view_sheet.c ---- */
void er_view_score_sheet(er_view *v, er_dict *d);
void er_view_self_table(er_view *v, er_dict *d);

/* ---- view_survey.c ---- */
void er_view_survey(er_view *v, er_dict *d);

/* ---- view_items.c: problems, experience, recommendations ---- */
/* Adds ITEM entries for the list, numbered at `level`; returns the count. */
/* Adds ITEM entries for the items of `group` (all when NULL), numbered at
 * `level`, the numbering restarting with each group; returns the count. */
size_t er_view_items(er_view *v, er_dict *d, const er_finding_items *items, const char *group,
                     int level);
/* Paragraphs "（一）title。summary" for the 摘要, one per item of `group`. */
size_t er_view_item_summaries(er_view *v, er_dict *d, const er_finding_items *items,
                              const char *group);

/* ---- view_outline.c: the report's structure; view_blocks.c: its blocks ---- */
void er_view_outline(er_view *v);
/* Builds one computed block of a section's body into `entry` (an ENTRY of
 * the outline template) at heading `level`; returns false when it had
 * nothing to show. */
bool er_view_block(er_view *v, er_dict *entry, const er_body_item *b, int level);
/* True when the outline shows the block `name` somewhere. */
bool er_view_outline_has(const er_view *v, const char *name);
/* ---- view_funds.c (self-evaluation) ---- */
/* "本项目全年预算资金共计X万元，其中：…。" */
const char *er_view_allocation_sentence(er_view *v);

/* ---- view_draft.c ---- */
void er_view_draft(er_view *v);

#endif
