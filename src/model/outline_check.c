/* Checks of the report's structure and of the references in prose. */
#include "model/outline_check.h"

#include "model/inline.h"
#include "model/shape.h"
#include "model/text.h"
#include "model/usertable.h"

#include <stdlib.h>
#include <string.h>

#define MAX_NAMES 512

const er_indicator *er_indicator_find(const er_indicators *nodes, const char *code, size_t len) {
  for (size_t i = 0; i < nodes->count; i++) {
    const er_indicator *n = &nodes->items[i];
    if (n->code.s && strlen(n->code.s) == len && memcmp(n->code.s, code, len) == 0)
      return n;
    const er_indicator *found = er_indicator_find(&n->children, code, len);
    if (found)
      return found;
  }
  return NULL;
}

const er_prose *er_narrative_prose(const er_eval *ev, const char *key) {
  if (strcmp(key, "targets.overall") == 0)
    return &ev->targets.overall;
  if (strcmp(key, "targets.overall_actual") == 0)
    return &ev->targets.overall_actual;
  if (strcmp(key, "survey.intro") == 0)
    return &ev->survey.intro;
  const er_field *f = er_shape_field(&er_narrative_shape, key, strlen(key));
  return f ? (const er_prose *)((const char *)&ev->narrative + f->offset) : NULL;
}

/* The name nearest to `word` in a table of structs that start with their
 * name and end with a NULL name (references, blocks, shape fields). */
static const char *nearest_name(const char *word, const void *table, size_t size) {
  const char *all[128];
  size_t n = 0;
  for (const char *p = table; *(const char *const *)p && n < 127; p += size)
    all[n++] = *(const char *const *)p;
  all[n] = NULL;
  return er_nearest(word, all);
}

/* ---- names: the ids and table names an outline defines ---- */

typedef struct names {
  const char *items[MAX_NAMES + 1];
  er_pos where[MAX_NAMES];
  size_t count;
} names;

static const char *find_name(const names *n, const char *s, size_t len) {
  for (size_t i = 0; i < n->count; i++)
    if (strlen(n->items[i]) == len && memcmp(n->items[i], s, len) == 0)
      return n->items[i];
  return NULL;
}

/* Adds a name; a second definition of an id is an error. */
static void add_name(names *n, const char *s, er_pos pos, bool is_id, er_diag *d) {
  for (size_t i = 0; i < n->count; i++)
    if (strcmp(n->items[i], s) == 0) {
      if (is_id)
        er_error(d, pos, "duplicate-id", "编号“%s”重复（第 %u 行已有）：每个 id 只能用一次", s,
                 n->where[i].line);
      return;
    }
  if (n->count < MAX_NAMES) {
    n->where[n->count] = pos;
    n->items[n->count++] = s;
    n->items[n->count] = NULL;
  }
}

static void add_block_names(names *n, const er_outline_block *k, const er_eval *ev) {
  for (const char *const *t = k->tables; t && *t; t++)
    add_name(n, *t, (er_pos){0, 0}, false, NULL);
  for (const char *const *t = k->figures; t && *t; t++)
    add_name(n, *t, (er_pos){0, 0}, false, NULL);
  /* each first-level dimension's table is cited by its code */
  if (strcmp(k->name, "dimensions") == 0 || strcmp(k->name, "dimension") == 0)
    for (size_t i = 0; i < ev->indicators.count; i++)
      if (ev->indicators.items[i].code.s)
        add_name(n, ev->indicators.items[i].code.s, (er_pos){0, 0}, false, NULL);
}

/* ---- references ---- */

typedef struct ref_check {
  const er_eval *ev;
  const names *ids;
  const er_text *text;
  er_diag *d;
} ref_check;

static const char *dup_n(const char *s, size_t len, char *buf, size_t size) {
  snprintf(buf, size, "%.*s", (int)(len < size ? len : size - 1), s);
  return buf;
}

static void check_span(const er_span *sp, void *ctx) {
  ref_check *rc = ctx;
  if (sp->kind == ER_SPAN_NOTE) {
    /* a footnote's own references */
    er_text inner = {sp->s, er_inline_pos(rc->text, sp->offset + 2)};
    char *copy = strndup(sp->s, sp->len);
    if (!copy)
      abort();
    inner.s = copy;
    const char *error;
    size_t at;
    ref_check sub = *rc;
    sub.text = &inner;
    if (!er_inline_parse(copy, check_span, &sub, &error, &at))
      er_error(rc->d, er_inline_pos(&inner, at), "inline", "%s", error);
    free(copy);
    return;
  }
  if (sp->kind != ER_SPAN_REF)
    return;
  er_pos pos = er_inline_pos(rc->text, sp->offset - 1);
  char name[64], arg[256];
  dup_n(sp->s, sp->len, name, sizeof name);
  const er_ref_kind *k = er_ref_kind_find(sp->s, sp->len);
  if (!k) {
    const char *near = nearest_name(name, er_ref_kinds, sizeof *er_ref_kinds);
    er_error(rc->d, pos, "unknown-ref", "未知的引用“{%s}”%s%s%s", name, near ? "，是否为“{" : "",
             near ? near : "", near ? "}”？" : "（可用的引用见 docs/data-format.md）");
    return;
  }
  if (k->arg == ER_REF_NONE && sp->arg) {
    er_error(rc->d, pos, "ref-arg", "引用“{%s}”不带参数，请去掉冒号后的部分", name);
    return;
  }
  if ((k->arg == ER_REF_CODE || k->arg == ER_REF_ID) && !sp->arg) {
    er_error(rc->d, pos, "ref-arg", "引用“{%s}”需要%s，如“{%s:%s}”", name,
             k->arg == ER_REF_CODE ? "指标编码" : "表或图的 id", name,
             k->arg == ER_REF_CODE ? "A1" : "score_table");
    return;
  }
  if (!sp->arg)
    return;
  dup_n(sp->arg, sp->arg_len, arg, sizeof arg);
  if (k->arg == ER_REF_CODE && !er_indicator_find(&rc->ev->indicators, sp->arg, sp->arg_len))
    er_error(rc->d, pos, "unknown-ref", "引用“{%s:%s}”：指标体系中没有编码为“%s”的指标", name, arg,
             arg);
  else if (k->arg == ER_REF_ID && !find_name(rc->ids, sp->arg, sp->arg_len)) {
    const char *near = er_nearest(arg, rc->ids->items);
    er_error(rc->d, pos, "unknown-ref", "引用“{%s:%s}”：没有 id 为“%s”的表或图%s%s%s", name, arg,
             arg, near ? "，是否为“" : "", near ? near : "", near ? "”？" : "");
  } else if (k->arg == ER_REF_GROUP) {
    bool found = false;
    for (size_t i = 0; i < rc->ev->survey.groups.count; i++) {
      const char *g = rc->ev->survey.groups.items[i].name.s;
      found |= g && strcmp(g, arg) == 0;
    }
    if (!found)
      er_error(rc->d, pos, "unknown-ref", "引用“{%s:%s}”：问卷中没有名为“%s”的调查对象组", name,
               arg, arg);
  }
}

static void check_text(const er_text *t, const er_eval *ev, const names *ids, er_diag *d) {
  if (!t->s)
    return;
  ref_check rc = {ev, ids, t, d};
  const char *error;
  size_t at;
  if (!er_inline_parse(t->s, check_span, &rc, &error, &at))
    er_error(d, er_inline_pos(t, at), "inline", "%s", error);
}

static void check_prose(const er_prose *p, const er_eval *ev, const names *ids, er_diag *d) {
  for (size_t i = 0; i < p->count; i++) {
    check_text(&p->items[i].title, ev, ids, d);
    for (size_t j = 0; j < p->items[i].paras.count; j++)
      check_text(&p->items[i].paras.items[j], ev, ids, d);
  }
}

/* ---- the outline ---- */

static bool has_group(const er_finding_items *items, const char *group) {
  for (size_t i = 0; i < items->count; i++)
    if (items->items[i].group.s && strcmp(items->items[i].group.s, group) == 0)
      return true;
  return false;
}

static const er_finding_items *group_list(const er_eval *ev, const char *block) {
  if (strcmp(block, "problems") == 0)
    return &ev->problems;
  if (strcmp(block, "experience") == 0)
    return &ev->experience;
  if (strcmp(block, "recommendations") == 0)
    return &ev->recommendations;
  return NULL;
}

/* "goals|targets.overall": each alternative a narrative key. */
static void check_narrative_keys(const er_text *keys, const er_eval *ev, er_diag *d) {
  char key[64];
  for (const char *k = keys->s; *k;) {
    const char *bar = strchr(k, '|');
    size_t len = bar ? (size_t)(bar - k) : strlen(k);
    snprintf(key, sizeof key, "%.*s", (int)(len < 63 ? len : 63), k);
    if (!er_narrative_prose(ev, key)) {
      const char *near = nearest_name(key, er_narrative_shape.fields, sizeof(er_field));
      er_error(d, er_inline_pos(keys, (size_t)(k - keys->s)), "block-option",
               "narrative 没有字段“%s”%s%s%s", key, near ? "，是否为“" : "", near ? near : "",
               near ? "”？" : "");
    }
    k += len + (bar != NULL);
  }
}

static void check_block(const er_body_item *b, const er_eval *ev, names *ids, er_diag *d) {
  const er_outline_block *k = er_outline_block_find(b->block.s);
  if (!k) {
    const char *near = nearest_name(b->block.s, er_outline_blocks, sizeof *er_outline_blocks);
    er_error(d, b->block.pos, "unknown-block", "未知的内容“%s”%s%s%s", b->block.s,
             near ? "，是否为“" : "", near ? near : "",
             near ? "”？" : "（可用的内容见 docs/data-format.md）");
    return;
  }
  const char *name = k->name;
  if (strcmp(name, "dimension") == 0) {
    const er_indicator *n =
        b->code.s ? er_indicator_find(&ev->indicators, b->code.s, strlen(b->code.s)) : NULL;
    if (!b->code.s)
      er_error(d, b->pos, "block-option", "dimension 需要 code：一级指标的编码，如“code: A”");
    else if (!n || n->depth != 1)
      er_error(d, b->code.pos, "block-option", "dimension 的 code“%s”不是一个一级指标的编码",
               b->code.s);
  } else if (b->code.s)
    er_error(d, b->code.pos, "block-option", "只有 dimension 用 code");
  if (strcmp(name, "narrative") == 0) {
    if (!b->key.s)
      er_error(d, b->pos, "block-option",
               "narrative 需要 key：叙述文字的字段名，如“key: background”");
    else
      check_narrative_keys(&b->key, ev, d);
  } else if (strcmp(name, "fund_item") == 0) {
    bool found = false;
    for (size_t i = 0; b->key.s && i < ev->funds.items.count; i++)
      found |=
          ev->funds.items.items[i].name.s && strcmp(ev->funds.items.items[i].name.s, b->key.s) == 0;
    if (!b->key.s)
      er_error(d, b->pos, "block-option", "fund_item 需要 key：资金项目的名称");
    else if (!found)
      er_error(d, b->key.pos, "block-option", "资金中没有名为“%s”的项目", b->key.s);
  } else if (b->key.s)
    er_error(d, b->key.pos, "block-option", "只有 narrative 和 fund_item 用 key");
  const er_finding_items *list = group_list(ev, name);
  if (b->group.s && !list && strcmp(name, "problems_summary") != 0 &&
      strcmp(name, "recommendations_summary") != 0)
    er_error(d, b->group.pos, "block-option",
             "只有 problems、experience、recommendations 可以只列一组（group）");
  else if (b->group.s && list && !has_group(list, b->group.s))
    er_warn(d, b->group.pos, "block-option", "%s 中没有分组为“%s”的条目", name, b->group.s);
  bool table = strcmp(name, "table") == 0, chart = strcmp(name, "chart") == 0;
  if (table)
    er_utable_check(b, d);
  else if (chart)
    er_uchart_check(b, d);
  else {
    const er_text *own[] = {&b->rows, &b->title, &b->unit};
    for (size_t i = 0; i < sizeof own / sizeof(const er_text *); i++)
      if (own[i]->s)
        er_error(d, own[i]->pos, "block-option", "只有 table 和 chart 用 rows、title 和 unit");
  }
  if (b->total.s && !table)
    er_error(d, b->total.pos, "block-option", "只有 table 用 total（合计行）");
  if ((b->header.set || b->landscape.set) && !table)
    er_error(d, b->header.set ? b->header.pos : b->landscape.pos, "block-option",
             "只有 table 用 header 和 landscape");
  if (b->kind.index >= 0 && !chart)
    er_error(d, b->kind.text.pos, "block-option", "只有 chart 用 kind（图的类型）");
  if (b->id.s)
    add_name(ids, b->id.s, b->id.pos, true, d);
  add_block_names(ids, k, ev);
}

static void collect(const er_outline_sections *secs, const er_eval *ev, names *ids, er_diag *d) {
  for (size_t i = 0; i < secs->count; i++) {
    const er_outline_section *s = &secs->items[i];
    if (s->id.s)
      add_name(ids, s->id.s, s->id.pos, true, d);
    for (size_t j = 0; j < s->body.count; j++) {
      const er_body_item *b = &s->body.items[j];
      if (b->block.s && b->text.s)
        er_error(d, b->pos, "body-item", "一项内容只能是 text 或 block 之一");
      else if (b->block.s)
        check_block(b, ev, ids, d);
      else if (!b->text.s)
        er_error(d, b->pos, "body-item", "内容需要 text（一段文字）或 block（计算生成的内容）");
    }
    collect(&s->sections, ev, ids, d);
  }
}

static void check_texts(const er_outline_sections *secs, const er_eval *ev, const names *ids,
                        er_diag *d) {
  for (size_t i = 0; i < secs->count; i++) {
    const er_outline_section *s = &secs->items[i];
    check_text(&s->title, ev, ids, d);
    for (size_t j = 0; j < s->body.count; j++) {
      check_text(&s->body.items[j].text, ev, ids, d);
      check_text(&s->body.items[j].note, ev, ids, d);
      check_text(&s->body.items[j].empty, ev, ids, d);
      check_text(&s->body.items[j].title, ev, ids, d);
      check_text(&s->body.items[j].rows, ev, ids, d);
    }
    check_texts(&s->sections, ev, ids, d);
  }
}

static void check_numbering(const er_report_layout *r, er_diag *d) {
  if (r->numbering.count > 4)
    er_error(d, r->numbering.items[4].pos, "numbering", "numbering 最多 4 级");
  for (size_t i = 0; i < r->numbering.count; i++) {
    const er_text *t = &r->numbering.items[i].text;
    if (t->s && !strstr(t->s, "一") && !strchr(t->s, '1'))
      er_error(d, t->pos, "numbering",
               "编号式样“%s”中应有“一”（中文数字）或“1”（阿拉伯数字），如“（一）”“1.”", t->s);
  }
}

void er_outline_check(const er_eval *layout, const er_eval *ev, er_diag *d) {
  names *ids = calloc(1, sizeof *ids);
  if (!ids)
    abort();
  const er_report_layout *r = &layout->report;
  collect(&r->summary_outline, ev, ids, d);
  collect(&layout->outline, ev, ids, d);
  if (!layout->outline.count) /* the built-in outline will show every block */
    for (const er_outline_block *k = er_outline_blocks; k->name; k++)
      add_block_names(ids, k, ev);
  check_texts(&r->summary_outline, ev, ids, d);
  check_texts(&layout->outline, ev, ids, d);
  for (size_t i = 0; i < r->cover_rows.count; i++)
    check_text(&r->cover_rows.items[i].value, ev, ids, d);
  check_numbering(r, d);
  if (layout == ev) {
    /* the data's own prose */
    for (const er_field *f = er_narrative_shape.fields; f->key; f++)
      check_prose((const er_prose *)((const char *)&ev->narrative + f->offset), ev, ids, d);
    const er_finding_items *lists[] = {&ev->problems, &ev->experience, &ev->recommendations};
    for (size_t l = 0; l < 3; l++)
      for (size_t i = 0; i < lists[l]->count; i++) {
        check_text(&lists[l]->items[i].summary, ev, ids, d);
        check_prose(&lists[l]->items[i].text, ev, ids, d);
      }
  }
  free(ids);
}
