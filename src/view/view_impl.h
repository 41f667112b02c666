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

typedef struct er_view {
  const er_eval *ev;
  const er_view_opts *opts;
  er_dict *root;
  er_arena *arena; /* the dictionary's */
  int counters[5]; /* heading numbers by level (1–4) */
  int tables, figures;
  int annexes;
  bool yuan;              /* amounts in the data are in 元 */
  int max_depth;          /* of the indicator tree */
  er_view_anchor **marks; /* hash table of chains, by key (in the arena) */
  size_t nmarks, mark_buckets;
} er_view;

/* ---- view.c: numbering, ids, prose ---- */

/* Adds a numbered heading section at `level` (1–4) to `parent`: NUM (the
 * heading's number, "" when unnumbered), ID (an element id). */
er_dict *er_view_heading(er_view *v, er_dict *parent, const char *section, int level,
                         bool numbered);
/* The next table / figure number of the current chapter: "表3-1", "图3-1". */
const char *er_view_table_no(er_view *v);
const char *er_view_figure_no(er_view *v);
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
/* Adds one paragraph to the PARA list of d. */
er_dict *er_view_para(er_view *v, er_dict *d, const char *text);
/* The first paragraph of a prose, or NULL. */
const char *er_prose_first(const er_prose *p);

/* ---- view_funds.c ---- */
/* FUNDS_* totals, FUNDS_SENTENCE, FUND_TABLE, SPENDING_TABLE, FUND_CHART. */
void er_view_funds(er_view *v, er_dict *d);
/* "项目全年预算…万元，实际到位…，执行率…。" */
const char *er_view_funds_sentence(er_view *v);
void er_view_fund_items(er_view *v, er_dict *parent, int level);
void er_view_beneficiaries(er_view *v, er_dict *d);
void er_view_targets(er_view *v, er_dict *d);
/* "中央补助资金11654.69万元、省级补助资金1916.50万元": the sources by label. */
const char *er_view_sources_sentence(er_view *v);

/* ---- view_scores.c ---- */
void er_view_score_table(er_view *v, er_dict *d);
void er_view_dimensions(er_view *v, er_dict *parent, int level);
void er_view_system_table(er_view *v, er_dict *d);
/* "综合得分88.38分，评价等级为良好。" */
const char *er_view_conclusion_sentence(er_view *v);

/* ---- view_tree.c: indicator rows with merged level cells ---- */
typedef void (*er_view_row_fn)(er_view *v, er_dict *row, const er_indicator *n, void *ctx);
enum {
  ER_ROWS_WEIGHTS = 1, /* "name（N分）" in the level 1 and 2 cells of nodes with children */
  ER_ROWS_ANCHORS = 2  /* the rows are where the draft panel links indicator codes */
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

/* ---- view_sheet.c ---- */
void er_view_score_sheet(er_view *v, er_dict *d);
void er_view_self_table(er_view *v, er_dict *d);

/* ---- view_survey.c ---- */
void er_view_survey(er_view *v, er_dict *d);

/* ---- view_items.c: problems, experience, recommendations ---- */
/* Adds ITEM entries for the list, numbered at `level`; returns the count. */
size_t er_view_items(er_view *v, er_dict *d, const er_finding_items *items, int level);
/* SUMMARY_ITEM entries "（一）title。summary" for the 摘要. */
void er_view_item_summaries(er_view *v, er_dict *d, const er_finding_items *items);

/* ---- view_report.c, view_selfeval.c: the outlines ---- */
void er_view_report(er_view *v);
void er_view_selfeval(er_view *v);

/* ---- view_draft.c ---- */
void er_view_draft(er_view *v);

#endif
