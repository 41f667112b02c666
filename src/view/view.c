/* The view's entry point, the values every template shares (project,
 * total, grade), heading and table numbering, and prose. */
#include "view/view_impl.h"

#include "model/score.h"

#include <ctype.h>
#include <string.h>

er_view_kind er_view_kind_of(const er_eval *ev) {
  return ev->kind.index == ER_KIND_SELF ? ER_VIEW_SELFEVAL : ER_VIEW_REPORT;
}

const char *er_view_outline_file(er_view_kind kind) {
  return kind == ER_VIEW_SELFEVAL ? "outlines/self.yaml" : "outlines/full.yaml";
}

/* ---- numbering ---- */

const char *er_view_number(er_view *v, int level, int n) {
  return er_fmt_numbered(v->arena, v->numbering[level < 1 ? 1 : level > 4 ? 4 : level], n);
}

er_dict *er_view_heading(er_view *v, er_dict *parent, const char *section, int level,
                         bool numbered) {
  er_dict *d = er_dict_add(parent, section);
  er_dict_setf(d, "H", "%d", level + 1 > 6 ? 6 : level + 1);
  if (numbered) {
    v->counters[level]++;
    for (int i = level + 1; i < 5; i++)
      v->counters[i] = 0;
    er_dict_set(d, "NUM", er_view_number(v, level, v->counters[level]));
    char id[64];
    snprintf(id, sizeof id, "%s", v->id_prefix ? v->id_prefix : "s");
    for (int i = 1; i <= level; i++) {
      size_t len = strlen(id);
      snprintf(id + len, sizeof id - len, "%s%d", i > 1 ? "-" : "", v->counters[i]);
    }
    er_dict_set(d, "ID", id);
  } else {
    er_dict_set(d, "NUM", "");
    er_dict_setf(d, "ID", "part-%s-%d", section, ++v->counters[0]);
  }
  return d;
}

/* Table and figure numbers live beside the draft panel's marks, under keys
 * no indicator code can be (the loader refuses control characters). */
#define NUMBER_KEY "\x1f"

/* Remembers name (and the block's id) → number for references; the first
 * one wins. */
static const char *numbered(er_view *v, const char *name, const char *no) {
  const char *keys[] = {name, v->block_id};
  for (size_t i = 0; i < 2; i++)
    if (keys[i])
      er_view_mark(v, er_arena_printf(v->arena, NUMBER_KEY "%s", keys[i]), no);
  return no;
}

const char *er_view_number_of(const er_view *v, const char *name) {
  char key[512];
  snprintf(key, sizeof key, NUMBER_KEY "%s", name);
  return er_view_marked(v, key);
}

const char *er_view_marker_name(char *out, size_t size, const char *prefix, const char *key) {
  size_t n = 0;
  for (const char *p = prefix; *p && n + 1 < size; p++)
    out[n++] = *p;
  for (const char *p = key; *p && n + 1 < size; p++)
    out[n++] = (char)toupper((unsigned char)*p);
  out[n] = '\0';
  return out;
}

const char *er_view_table_no(er_view *v, const char *name) {
  const char *no = v->continuous ? er_arena_printf(v->arena, "表%d", ++v->tables)
                                 : er_arena_printf(v->arena, "表%d-%d", v->chapter, ++v->tables);
  return numbered(v, name, no);
}

const char *er_view_figure_no(er_view *v, const char *name) {
  const char *no = v->continuous ? er_arena_printf(v->arena, "图%d", ++v->figures)
                                 : er_arena_printf(v->arena, "图%d-%d", v->chapter, ++v->figures);
  return numbered(v, name, no);
}

/* Marks are looked up once per indicator and finding: a hash table keeps
 * 100,000 of them linear (a list took seconds). */
static size_t key_hash(const char *s) {
  size_t h = 14695981039346656037u;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

static void grow_marks(er_view *v) {
  size_t n = v->mark_buckets ? 2 * v->mark_buckets : 64;
  er_view_anchor **b = er_arena_alloc(v->arena, n * sizeof(er_view_anchor *));
  memset(b, 0, n * sizeof(er_view_anchor *));
  for (size_t i = 0; i < v->mark_buckets; i++)
    for (er_view_anchor *m = v->marks[i], *next; m; m = next) {
      next = m->next;
      size_t at = key_hash(m->key) & (n - 1);
      m->next = b[at];
      b[at] = m;
    }
  v->marks = b;
  v->mark_buckets = n;
}

void er_view_mark(er_view *v, const char *key, const char *id) {
  if (!key || !id || er_view_marked(v, key))
    return;
  if (v->nmarks >= v->mark_buckets)
    grow_marks(v);
  er_view_anchor *m = er_arena_alloc(v->arena, sizeof *m);
  m->key = er_arena_strndup(v->arena, key, strlen(key));
  m->id = er_arena_strndup(v->arena, id, strlen(id));
  size_t at = key_hash(key) & (v->mark_buckets - 1);
  m->next = v->marks[at];
  v->marks[at] = m;
  v->nmarks++;
}

const char *er_view_marked(const er_view *v, const char *key) {
  if (!v->mark_buckets)
    return NULL;
  for (const er_view_anchor *m = v->marks[key_hash(key) & (v->mark_buckets - 1)]; m; m = m->next)
    if (strcmp(m->key, key) == 0)
      return m->id;
  return NULL;
}

/* ---- prose ---- */

bool er_prose_present(const er_prose *p) {
  for (size_t i = 0; i < p->count; i++)
    if (p->items[i].title.s || p->items[i].paras.count)
      return true;
  return false;
}

const char *er_prose_first(const er_prose *p) {
  for (size_t i = 0; i < p->count; i++)
    if (p->items[i].paras.count)
      return p->items[i].paras.items[0].s;
  return NULL;
}

static bool ends_with_stop(const char *s) {
  static const char *const stops[] = {"。", "！", "？", "；", "：", "."};
  size_t len = strlen(s);
  for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
    size_t n = strlen(stops[i]);
    if (len >= n && strcmp(s + len - n, stops[i]) == 0)
      return true;
  }
  return false;
}

/* True when a title already starts with a heading number: "（一）", "1.",
 * "一、", "(2)". */
static bool starts_numbered(const char *s) {
  static const char *const opens[] = {"（", "(", ""};
  for (size_t i = 0; i < 3; i++) {
    size_t n = strlen(opens[i]);
    if (strncmp(s, opens[i], n) != 0)
      continue;
    const char *p = s + n;
    size_t digits = 0;
    while ((*p >= '0' && *p <= '9') || strncmp(p, "一", 3) == 0 || strncmp(p, "二", 3) == 0 ||
           strncmp(p, "三", 3) == 0 || strncmp(p, "四", 3) == 0 || strncmp(p, "五", 3) == 0 ||
           strncmp(p, "六", 3) == 0 || strncmp(p, "七", 3) == 0 || strncmp(p, "八", 3) == 0 ||
           strncmp(p, "九", 3) == 0 || strncmp(p, "十", 3) == 0) {
      p += (*p >= '0' && *p <= '9') ? 1 : 3;
      digits++;
    }
    if (!digits)
      continue;
    if (n ? (strncmp(p, "）", 3) == 0 || *p == ')')
          : (strncmp(p, "、", 3) == 0 || *p == '.' || strncmp(p, "．", 3) == 0))
      return true;
  }
  return false;
}

er_dict *er_view_prose(er_view *v, er_dict *d, const char *section, const er_prose *p,
                       int lead_level) {
  if (!er_prose_present(p))
    return NULL;
  er_dict *s = er_dict_add(d, section);
  int titled = 0;
  for (size_t i = 0; i < p->count; i++) {
    const er_section *sec = &p->items[i];
    const char *lead = NULL;
    if (sec->title.s) {
      /* a title typed with its number keeps it, and the count goes on */
      const char *num = er_view_number(v, lead_level, ++titled);
      lead = er_arena_printf(v->arena, "%s%s%s", starts_numbered(sec->title.s) ? "" : num,
                             sec->title.s, ends_with_stop(sec->title.s) ? "" : "。");
    }
    for (size_t j = 0; j < sec->paras.count || (j == 0 && lead); j++) {
      er_dict *para = er_view_para(v, s, j < sec->paras.count ? sec->paras.items[j].s : "");
      if (j == 0 && lead)
        er_dict_set(er_dict_add(para, "LEAD"), "LEAD_TEXT", lead);
    }
  }
  return s;
}

/* ---- values every template shares ---- */

static void set_optional(er_dict *d, const char *name, const char *value) {
  er_dict_set(d, name, value);
  char has[64];
  snprintf(has, sizeof has, "HAS_%s", name);
  er_dict_show_if(d, has, value && *value);
}

static void project_values(er_view *v) {
  const er_project *p = &v->ev->project;
  er_dict *d = v->root;
  const char *name = p->name.s ? p->name.s : "";
  er_dict_set(d, "PROJECT_NAME", name);
  er_dict_set(d, "TITLE",
              p->title.s ? p->title.s
                         : er_arena_printf(v->arena, "%s%s", name,
                                           v->opts->outline == ER_VIEW_SELFEVAL ? "绩效自评报告"
                                                                                : "绩效评价报告"));
  set_optional(d, "SUBTITLE", p->subtitle.s);
  er_dict_set(d, "YEAR", p->year.set ? er_fmt_number(v->arena, p->year.v) : "");
  set_optional(d, "REGION", p->region.s);
  set_optional(d, "DEPARTMENT", p->department.s);
  set_optional(d, "IMPLEMENTER", p->implementer.s ? p->implementer.s : p->department.s);
  set_optional(d, "COMMISSIONER", p->commissioner.s);
  set_optional(d, "EVALUATOR", p->evaluator.s);
  set_optional(d, "BASIS", p->basis.s);
  set_optional(d, "REPORT_MONTH", er_fmt_month(v->arena, &p->report_date));
  er_dict_set(d, "REPORT_DATE", er_fmt_date(v->arena, &p->report_date));
  const char *period = "";
  if (p->period.from.set && p->period.to.set)
    period = er_arena_printf(v->arena, "%s至%s", er_fmt_date(v->arena, &p->period.from),
                             er_fmt_date(v->arena, &p->period.to));
  set_optional(d, "PERIOD", period);
  er_dict_set(d, "STYLE", v->opts->style ? v->opts->style : "gbt9704");
}

static void result_values(er_view *v) {
  const er_eval *ev = v->ev;
  er_dict *d = v->root;
  er_dict_set(d, "TOTAL", er_fmt_score(v->arena, ev->total, 2));
  er_dict_set(d, "TOTAL_WEIGHT", er_fmt_weight(v->arena, ev->out_of)); /* the total's scale */
  er_dict_set(d, "TOTAL_RATE", er_fmt_percent(v->arena, er_total_rate(ev)));
  er_dict_set(d, "GRADE", ev->grade ? ev->grade : "");
  er_dict_show_if(d, "HAS_GRADE", ev->grade != NULL);
  er_dict_set(d, "CONCLUSION_SENTENCE", er_view_conclusion_sentence(v));
  er_dict_show_if(d, "HAS_BONUS", !er_dec_is_zero(ev->bonus));
  er_dict_set(d, "BONUS", er_fmt_score(v->arena, ev->bonus, 2));
  /* the grade scheme, for 评价等级 explanations */
  size_t count;
  const er_grade *g = er_grade_scheme(ev, &count);
  for (size_t i = 0; i < count; i++) {
    er_dict *item = er_dict_add(d, "GRADE_BAND");
    er_dict_set(item, "NAME", g[i].name.s);
    er_dict_set(item, "MIN", er_fmt_weight(v->arena, g[i].min.v));
    er_dict_set(item, "MAX", i ? er_fmt_weight(v->arena, g[i - 1].min.v) : "");
  }
}

er_dict *er_view_build(const er_eval *ev, const er_view_opts *opts) {
  er_view v = {0};
  v.ev = ev;
  v.opts = opts;
  v.root = er_dict_new();
  v.arena = v.root->arena;
  v.yuan = ev->funds.unit.index == 1;
  v.max_depth = er_view_tree_depth(&ev->indicators);
  v.pending_tail = &v.pending;
  project_values(&v);
  result_values(&v);
  er_view_outline(&v);
  if (opts->draft)
    er_view_draft(&v);
  er_view_resolve_inline(&v);
  return v.root;
}
