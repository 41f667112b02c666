/* Prose with marks and references: a paragraph becomes runs (plain or
 * strong), footnote marks and footnotes, and each {reference} the figure it
 * names, formatted as everywhere else in the report. Resolution waits for
 * the end of the walk, so a paragraph may cite a table that comes later. */
#include "view/view_impl.h"

#include "model/form.h"
#include "model/funds.h"
#include "model/inline.h"
#include "model/outline_check.h"
#include "model/score.h"

#include <string.h>

static void wait_for_end(er_view *v, er_dict *d, const char *var, const char *text) {
  er_view_pending *p = er_arena_alloc(v->arena, sizeof *p);
  p->dict = d;
  p->var = var;
  p->text = text ? text : "";
  p->next = NULL;
  *v->pending_tail = p;
  v->pending_tail = &p->next;
}

er_dict *er_view_para(er_view *v, er_dict *d, const char *text) {
  er_dict *para = er_dict_add(d, "PARA");
  wait_for_end(v, para, NULL, text);
  return para;
}

void er_view_set_inline(er_view *v, er_dict *d, const char *var, const char *text) {
  er_dict_set(d, var, "");
  wait_for_end(v, d, var, text);
}

/* ---- references ---- */

static const char *fund_figure(er_view *v, const char *which) {
  if (strcmp(which, "sources") == 0)
    return er_view_sources_sentence(v);
  er_fund_totals t;
  er_funds_totals(&v->ev->funds, NULL, &t);
  static const char *const amounts[] = {"initial", "planned", "arrived", "spent", "balance"};
  er_dec values[] = {t.initial, t.planned, t.arrived, t.spent, t.balance};
  for (size_t i = 0; i < 5; i++)
    if (strcmp(which, amounts[i]) == 0)
      return er_fmt_amount(v->arena, values[i], v->yuan);
  if (strcmp(which, "arrival_rate") == 0)
    return t.arrival_defined ? er_fmt_percent(v->arena, t.arrival_rate) : "—";
  return t.execution_defined ? er_fmt_percent(v->arena, t.execution_rate) : "—";
}

static const char *project_field(er_view *v, const char *which) {
  const er_project *p = &v->ev->project;
  const struct {
    const char *name;
    const char *value;
  } fields[] = {
      {"name", p->name.s},
      {"title", er_dict_lookup(v->root, "TITLE")},
      {"year", er_dict_lookup(v->root, "YEAR")},
      {"region", p->region.s},
      {"department", p->department.s},
      {"implementer", p->implementer.s ? p->implementer.s : p->department.s},
      {"commissioner", p->commissioner.s},
      {"evaluator", p->evaluator.s},
      {"basis", p->basis.s},
      {"period", er_dict_lookup(v->root, "PERIOD")},
      {"report_month", er_fmt_month(v->arena, &p->report_date)},
  };
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
    if (strcmp(which, fields[i].name) == 0)
      return fields[i].value ? fields[i].value : "";
  return "";
}

static const char *respondents(er_view *v, const char *group) {
  er_dec sum = er_dec_int(0);
  for (size_t i = 0; i < v->ev->survey.groups.count; i++) {
    const er_survey_group *g = &v->ev->survey.groups.items[i];
    if (g->respondents.set && (!group || (g->name.s && strcmp(g->name.s, group) == 0)))
      sum = er_dec_add(sum, g->respondents.v);
  }
  return er_fmt_number(v->arena, sum);
}

static const char *indicator_figure(er_view *v, const char *which, const char *code) {
  const er_indicator *n = er_indicator_find(&v->ev->indicators, code, strlen(code));
  if (!n)
    return "";
  if (strcmp(which, "name") == 0)
    return n->name.s ? n->name.s : "";
  if (strcmp(which, "weight") == 0)
    return er_fmt_weight(v->arena, n->weight.v);
  if (strcmp(which, "score") == 0)
    return er_view_score_text(v, n);
  if (!n->result.valid)
    return "—";
  if (strcmp(which, "rate") == 0)
    return er_fmt_percent(v->arena, n->result.rate);
  /* deducted: what the weight lost, as the printed score shows it */
  er_dec shown = er_dec_round(n->result.score, n->result.places);
  return er_fmt_score(v->arena, er_dec_sub(n->weight.v, shown), n->result.places);
}

/* The text a reference stands for. */
static const char *resolve(er_view *v, const char *name, const char *arg) {
  const er_eval *ev = v->ev;
  if (strcmp(name, "table") == 0 || strcmp(name, "figure") == 0) {
    const char *no = er_view_number_of(v, arg);
    return no ? no : er_arena_printf(v->arena, "{%s:%s}", name, arg);
  }
  if (strcmp(name, "total") == 0)
    return er_fmt_score(v->arena, ev->total, 2);
  if (strcmp(name, "grade") == 0)
    return ev->grade ? ev->grade : "";
  if (strcmp(name, "total_weight") == 0)
    return er_fmt_weight(v->arena, ev->total_weight);
  if (strcmp(name, "total_rate") == 0)
    return er_fmt_percent(v->arena, er_total_rate(ev));
  if (strcmp(name, "bonus") == 0)
    return er_fmt_score(v->arena, ev->bonus, 2);
  if (strncmp(name, "funds.", 6) == 0)
    return fund_figure(v, name + 6);
  if (strncmp(name, "project.", 8) == 0)
    return project_field(v, name + 8);
  if (strcmp(name, "form.title") == 0)
    return er_form_label_text(ev, ER_FL_TITLE);
  if (strcmp(name, "respondents") == 0)
    return respondents(v, arg);
  return arg ? indicator_figure(v, name, arg) : "";
}

/* ---- runs ---- */

typedef struct run_builder {
  er_view *v;
  er_dict *para; /* NULL: plain text into `plain` */
  char *plain;
  size_t plain_len, plain_cap;
} run_builder;

static void append_plain(run_builder *b, const char *s, size_t len) {
  if (b->plain_len + len + 1 > b->plain_cap) {
    size_t cap = 2 * (b->plain_len + len + 1);
    char *grown = er_arena_alloc(b->v->arena, cap);
    if (b->plain_len)
      memcpy(grown, b->plain, b->plain_len);
    b->plain = grown;
    b->plain_cap = cap;
  }
  memcpy(b->plain + b->plain_len, s, len);
  b->plain_len += len;
  b->plain[b->plain_len] = '\0';
}

static const char *circled(er_view *v, int n) {
  static const char *const marks[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩",
                                      "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱", "⑲", "⑳"};
  return n >= 1 && n <= 20 ? marks[n - 1] : er_arena_printf(v->arena, "[%d]", n);
}

static const char *plain_text(er_view *v, const char *text);

static void add_span(const er_span *sp, void *ctx) {
  run_builder *b = ctx;
  er_view *v = b->v;
  const char *s = sp->s;
  size_t len = sp->len;
  if (sp->kind == ER_SPAN_REF) {
    char name[64], arg[256];
    snprintf(name, sizeof name, "%.*s", (int)(sp->len < 63 ? sp->len : 63), sp->s);
    if (sp->arg)
      snprintf(arg, sizeof arg, "%.*s", (int)(sp->arg_len < 255 ? sp->arg_len : 255), sp->arg);
    s = resolve(v, name, sp->arg ? arg : NULL);
    len = strlen(s);
  } else if (sp->kind == ER_SPAN_NOTE) {
    if (!b->para)
      return; /* headings and cover rows carry no notes */
    const char *mark = circled(v, ++v->footnotes);
    er_dict_set(er_dict_add(er_dict_add(b->para, "RUN"), "MARK"), "TEXT", mark);
    er_dict *note = er_dict_add(b->para, "FOOTNOTE");
    er_dict_set(note, "MARK", mark);
    er_dict_set(note, "TEXT", plain_text(v, er_arena_strndup(v->arena, sp->s, sp->len)));
    return;
  }
  if (!b->para) {
    append_plain(b, s, len);
    return;
  }
  er_dict *run = er_dict_add(b->para, "RUN");
  er_dict *kind = er_dict_add(run, sp->strong ? "B" : "T");
  er_dict_set(kind, "TEXT", er_arena_strndup(v->arena, s, len));
}

static void ignore_span(const er_span *sp, void *ctx) {
  (void)sp;
  (void)ctx;
}

/* Builds runs (or plain text) from a text; one that does not parse (check
 * reports it at its line) is shown as written. */
static void build(run_builder *b, const char *text) {
  const char *error;
  size_t at;
  if (er_inline_parse(text, ignore_span, NULL, &error, &at))
    er_inline_parse(text, add_span, b, &error, &at);
  else {
    er_span whole = {ER_SPAN_TEXT, text, strlen(text), NULL, 0, false, 0};
    add_span(&whole, b);
  }
}

static const char *plain_text(er_view *v, const char *text) {
  run_builder b = {v, NULL, NULL, 0, 0};
  build(&b, text);
  return b.plain ? b.plain : "";
}

const char *er_view_inline_now(er_view *v, const char *text) { return plain_text(v, text); }

void er_view_resolve_inline(er_view *v) {
  for (er_view_pending *p = v->pending; p; p = p->next) {
    if (p->var) {
      er_dict_set(p->dict, p->var, plain_text(v, p->text));
      continue;
    }
    run_builder b = {v, p->dict, NULL, 0, 0};
    build(&b, p->text);
  }
}
