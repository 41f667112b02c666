/* The computed blocks an outline's body can show (docs/data-format.md lists
 * them): each knows whether the data has anything for it, and builds its
 * part of the dictionary under B_NAME for the outline template. */
#include "view/view_impl.h"

#include "model/outline_check.h"

#include <string.h>

typedef struct block_ctx {
  er_view *v;
  er_dict *entry; /* NULL: only asking whether the block has anything */
  const er_body_item *b;
  int level; /* of the section the block is in */
} block_ctx;

/* The block's own section of the entry, B_FUND_TABLES for fund_tables. */
static er_dict *section(const block_ctx *c) {
  char name[64];
  return er_dict_add(c->entry, er_view_marker_name(name, sizeof name, "B_", c->b->block.s));
}

/* Remembers where a part of the report is, for the draft panel's links. */
static void mark(const block_ctx *c, const char *part) {
  er_view_mark(c->v, part, c->v->section_id);
}

static const er_finding_items *list_of(const er_eval *ev, const char *name) {
  if (strncmp(name, "problems", 8) == 0)
    return &ev->problems;
  if (strncmp(name, "recommendations", 15) == 0)
    return &ev->recommendations;
  return &ev->experience;
}

static size_t count_group(const er_finding_items *items, const char *group) {
  size_t n = 0;
  for (size_t i = 0; i < items->count; i++)
    n += !group || (items->items[i].group.s && strcmp(items->items[i].group.s, group) == 0);
  return n;
}

static bool any_description(const er_funds *f) {
  for (size_t i = 0; i < f->items.count; i++)
    if (er_prose_present(&f->items.items[i].description))
      return true;
  return false;
}

static int annex_count(const er_outline_sections *list) {
  int n = 0;
  for (size_t i = 0; i < list->count; i++)
    n += list->items[i].annex.v;
  return n;
}

/* ---- blocks ---- */

/* The first present of the keys "goals|targets.overall". */
static const er_prose *narrative_of(const er_view *v, const char *keys) {
  char key[64];
  for (const char *k = keys; *k;) {
    const char *bar = strchr(k, '|');
    size_t len = bar ? (size_t)(bar - k) : strlen(k);
    snprintf(key, sizeof key, "%.*s", (int)(len < 63 ? len : 63), k);
    const er_prose *p = er_narrative_prose(v->ev, key);
    if (p && er_prose_present(p))
      return p;
    k += len + (bar != NULL);
  }
  return NULL;
}

static bool narrative(block_ctx *c) {
  const er_prose *p = narrative_of(c->v, c->b->key.s ? c->b->key.s : "");
  if (!p)
    return false;
  if (c->entry)
    er_view_prose(c->v, c->entry, "B_NARRATIVE", p, c->level + 1 > 4 ? 4 : c->level + 1);
  return true;
}

static bool funds_sentence(block_ctx *c) {
  if (!c->v->ev->funds.items.count)
    return false;
  if (c->entry)
    er_view_para(c->v, c->entry, er_view_funds_sentence(c->v));
  return true;
}

/* 绩效目标分解下达情况: the data's own text, else the sources sentence. */
static bool allocation(block_ctx *c) {
  const er_prose *own = &c->v->ev->narrative.allocation;
  if (er_prose_present(own)) {
    if (c->entry)
      er_view_prose(c->v, c->entry, "B_NARRATIVE", own, c->level + 1 > 4 ? 4 : c->level + 1);
    return true;
  }
  if (!c->v->ev->funds.items.count)
    return false;
  if (c->entry)
    er_view_para(c->v, c->entry, er_view_allocation_sentence(c->v));
  return true;
}

static bool fund_items(block_ctx *c) {
  if (!any_description(&c->v->ev->funds))
    return false;
  if (c->entry)
    er_view_fund_items(c->v, section(c), c->level + 1);
  return true;
}

static const er_fund_item *fund_item_named(const er_funds *f, const char *name) {
  for (size_t i = 0; name && i < f->items.count; i++)
    if (f->items.items[i].name.s && strcmp(f->items.items[i].name.s, name) == 0)
      return &f->items.items[i];
  return NULL;
}

static bool fund_item(block_ctx *c) {
  const er_fund_item *item = fund_item_named(&c->v->ev->funds, c->b->key.s);
  if (!item)
    return false;
  if (c->entry)
    er_view_fund_item(c->v, section(c), item, c->level, false);
  return true;
}

/* "根据…的指标体系框架，经综合评价，项目综合得分88.38分，评价等级为良好。
 * 各项得分情况见表3-1、图3-1。" */
static bool conclusion(block_ctx *c) {
  er_view *v = c->v;
  if (!v->ev->indicators.count)
    return false;
  if (!c->entry)
    return true;
  const er_project *p = &v->ev->project;
  bool self = v->opts->outline == ER_VIEW_SELFEVAL;
  const char *basis = p->basis.s ? er_arena_printf(v->arena, "根据%s的%s，", p->basis.s,
                                                   self ? "要求" : "指标体系框架")
                                 : "";
  const char *grade = v->ev->grade ? "，评价等级为**{grade}**" : "";
  const char *cite = er_view_outline_has(v, "score_table")
                         ? "各项得分情况见{table:score_table}、{figure:score_chart}。"
                         : "";
  er_view_para(v, c->entry,
               er_arena_printf(v->arena, "%s经%s，项目%s得分**{total}**分%s。%s", basis,
                               self ? "绩效自评" : "综合评价", self ? "自评" : "综合", grade,
                               cite));
  return true;
}

static bool dimension(block_ctx *c) {
  const char *code = c->b->code.s ? c->b->code.s : "";
  const er_indicator *n = er_indicator_find(&c->v->ev->indicators, code, strlen(code));
  if (!n)
    return false;
  if (c->entry)
    er_view_dimension(c->v, section(c), n, c->level + 1, false);
  return true;
}

static bool items(block_ctx *c) {
  const er_finding_items *list = list_of(c->v->ev, c->b->block.s);
  if (!count_group(list, c->b->group.s))
    return false;
  if (c->entry)
    er_view_items(c->v, section(c), list, c->b->group.s, c->level + 1);
  return true;
}

static bool item_summaries(block_ctx *c) {
  const er_finding_items *list = list_of(c->v->ev, c->b->block.s);
  if (!count_group(list, c->b->group.s))
    return false;
  if (c->entry)
    er_view_item_summaries(c->v, c->entry, list, c->b->group.s);
  return true;
}

/* 摘要's 项目基本情况: the data's own, else the project's first paragraph and
 * the funds sentence. */
static bool summary_basics(block_ctx *c) {
  er_view *v = c->v;
  const er_narrative *n = &v->ev->narrative;
  if (er_prose_present(&n->summary_basics)) {
    if (c->entry)
      er_view_prose(v, c->entry, "B_NARRATIVE", &n->summary_basics, 2);
    return true;
  }
  const char *first = er_prose_first(&n->content);
  if (!first)
    first = er_prose_first(&n->background);
  if (!first && !v->ev->funds.items.count)
    return false;
  if (c->entry && first)
    er_view_para(v, c->entry, first);
  if (c->entry && v->ev->funds.items.count)
    er_view_para(v, c->entry, er_view_funds_sentence(v));
  return true;
}

/* 附件1：title, one line per annex of the outline, set as GB/T 9704
 * §7.3.4 sets 附件说明: in the body face, two characters in, a long name
 * hanging after its label (class annex-list). */
static bool annex_list(block_ctx *c) {
  const er_outline_sections *list = &c->v->layout->outline;
  int total = annex_count(list), k = 0;
  if (!total)
    return false;
  for (size_t i = 0; c->entry && i < list->count; i++)
    if (list->items[i].annex.v) {
      const char *num = list->items[i].number.s;
      ++k;
      const char *label = num         ? num
                          : total > 1 ? er_arena_printf(c->v->arena, "附件%d：", k)
                                      : "附件：";
      er_dict *p = er_view_para(
          c->v, c->entry, er_arena_printf(c->v->arena, "%s%s", label, list->items[i].title.s));
      er_dict_set(er_dict_add(p, "PCLASS"), "NAME", "annex-list");
    }
  return true;
}

/* A table or chart typed in the data: always something to show (check
 * refuses one without rows). */
static bool user_table(block_ctx *c) {
  if (c->entry)
    er_view_user_table(c->v, section(c), c->b);
  return c->b->rows.s != NULL;
}

static bool user_chart(block_ctx *c) {
  if (c->entry)
    er_view_user_chart(c->v, section(c), c->b);
  return c->b->rows.s != NULL;
}

/* ---- blocks that show one builder's tables when the data has any ---- */

static bool has_funds(const er_eval *ev) { return ev->funds.items.count > 0; }
static bool has_beneficiaries(const er_eval *ev) { return ev->beneficiaries.count > 0; }
static bool has_targets(const er_eval *ev) { return ev->targets.items.count > 0; }
static bool has_indicators(const er_eval *ev) { return ev->indicators.count > 0; }
static bool has_survey(const er_eval *ev) { return ev->survey.groups.count > 0; }
static bool always(const er_eval *ev) {
  (void)ev;
  return true;
}

static const struct {
  const char *name;
  bool (*build)(block_ctx *c);            /* a block of its own … */
  bool (*has)(const er_eval *ev);         /* … or one builder's, when the data has any */
  void (*tables)(er_view *v, er_dict *d); /* under B_NAME */
  void (*headed)(er_view *v, er_dict *d, int level); /* or with headings below the section */
  const char *part;                                  /* where the draft panel links its findings */
} blocks[] = {
    {"narrative", narrative, NULL, NULL, NULL, NULL},
    {"funds_sentence", funds_sentence, NULL, NULL, NULL, NULL},
    {"allocation", allocation, NULL, NULL, NULL, NULL},
    {"fund_tables", NULL, has_funds, er_view_funds, NULL, "funds"},
    {"fund_items", fund_items, NULL, NULL, NULL, NULL},
    {"fund_item", fund_item, NULL, NULL, NULL, NULL},
    {"beneficiaries", NULL, has_beneficiaries, er_view_beneficiaries, NULL, NULL},
    {"targets", NULL, has_targets, er_view_targets, NULL, "targets"},
    {"indicator_system", NULL, has_indicators, er_view_system_table, NULL, NULL},
    {"conclusion", conclusion, NULL, NULL, NULL, NULL},
    {"score_table", NULL, has_indicators, er_view_score_table, NULL, "result"},
    {"dimensions", NULL, has_indicators, NULL, er_view_dimensions, NULL},
    {"dimension", dimension, NULL, NULL, NULL, NULL},
    {"score_sheet", NULL, has_indicators, er_view_score_sheet, NULL, "sheet"},
    {"self_table", NULL, always, er_view_self_table, NULL, "sheet"},
    {"survey", NULL, has_survey, er_view_survey, NULL, "survey"},
    {"problems", items, NULL, NULL, NULL, NULL},
    {"experience", items, NULL, NULL, NULL, NULL},
    {"recommendations", items, NULL, NULL, NULL, NULL},
    {"problems_summary", item_summaries, NULL, NULL, NULL, NULL},
    {"recommendations_summary", item_summaries, NULL, NULL, NULL, NULL},
    {"summary_basics", summary_basics, NULL, NULL, NULL, NULL},
    {"annex_list", annex_list, NULL, NULL, NULL, NULL},
    {"table", user_table, NULL, NULL, NULL, NULL},
    {"chart", user_chart, NULL, NULL, NULL, NULL},
};

bool er_view_block(er_view *v, er_dict *entry, const er_body_item *b, int level) {
  for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
    if (strcmp(blocks[i].name, b->block.s) != 0)
      continue;
    block_ctx c = {v, entry, b, level};
    if (blocks[i].build)
      return blocks[i].build(&c);
    if (!blocks[i].has(v->ev))
      return false;
    if (!entry)
      return true;
    if (blocks[i].part)
      mark(&c, blocks[i].part);
    if (blocks[i].tables)
      blocks[i].tables(v, section(&c));
    else
      blocks[i].headed(v, section(&c), level + 1);
    return true;
  }
  return false; /* check reports an unknown block */
}
