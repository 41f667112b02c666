/* Funds, beneficiaries and performance targets: the tables of 基本情况 and
 * the fund composition chart. */
#include "view/view_impl.h"

#include "model/expr.h"
#include "model/funds.h"

#include <string.h>

static const char *amount(er_view *v, er_dec a) { return er_fmt_amount(v->arena, a, v->yuan); }

static const char *rate_or_dash(er_view *v, er_dec rate, bool defined) {
  return defined ? er_fmt_percent(v->arena, rate) : "—";
}

static void totals_values(er_view *v, er_dict *d, const char *prefix, const er_fund_totals *t) {
  char name[64];
#define SET(suffix, value)                                                                         \
  do {                                                                                             \
    snprintf(name, sizeof name, "%s%s", prefix, suffix);                                           \
    er_dict_set(d, name, value);                                                                   \
  } while (0)
  SET("INITIAL", amount(v, t->initial));
  SET("PLANNED", amount(v, t->planned));
  SET("ARRIVED", amount(v, t->arrived));
  SET("SPENT", amount(v, t->spent));
  SET("BALANCE", amount(v, t->balance));
  SET("ARRIVAL_RATE", rate_or_dash(v, t->arrival_rate, t->arrival_defined));
  SET("EXECUTION_RATE", rate_or_dash(v, t->execution_rate, t->execution_defined));
#undef SET
}

static const char *funds_sentence(er_view *v, const er_fund_totals *t) {
  return er_arena_printf(v->arena,
                         "项目全年预算%s万元，实际到位%s万元，到位率%s；实际支出%s万元，执行率%s，"
                         "结转结余%s万元。",
                         amount(v, t->planned), amount(v, t->arrived),
                         rate_or_dash(v, t->arrival_rate, t->arrival_defined), amount(v, t->spent),
                         rate_or_dash(v, t->execution_rate, t->execution_defined),
                         amount(v, t->balance));
}

static void source_table(er_view *v, er_dict *d, const er_fund_totals *all) {
  const er_funds *f = &v->ev->funds;
  er_dict *table = er_dict_add(d, "FUND_TABLE");
  er_dict_set(table, "NO", er_view_table_no(v, "fund_table"));
  for (size_t i = 0; i < f->items.count; i++) {
    const er_fund_item *item = &f->items.items[i];
    er_fund_totals t;
    er_fund_item_totals(item, &t);
    size_t rows = item->sources.count ? item->sources.count : 1;
    for (size_t j = 0; j < rows; j++) {
      er_dict *row = er_dict_add(table, "ROW");
      if (j == 0) {
        er_dict *cell = er_dict_add(row, "ITEM_CELL");
        er_dict_set(cell, "ITEM", item->name.s);
        er_dict_setf(cell, "ROWSPAN", "%zu", rows);
        totals_values(v, cell, "ITEM_", &t);
      }
      if (j < item->sources.count) {
        const er_source *s = &item->sources.items[j];
        er_dict_set(row, "SOURCE", er_source_label(s));
        er_dict_set(row, "INITIAL", amount(v, s->initial.set ? s->initial.v : s->planned.v));
        er_dict_set(row, "PLANNED", amount(v, s->planned.v));
        er_dict_set(row, "ARRIVED", amount(v, s->arrived.v));
        bool defined = !er_dec_is_zero(s->planned.v);
        er_dec rate = defined ? er_dec_div(er_dec_mul(s->arrived.v, er_dec_int(100)), s->planned.v)
                              : er_dec_zero();
        er_dict_set(row, "ARRIVAL_RATE", rate_or_dash(v, rate, defined));
      } else {
        static const char *const dash[] = {"SOURCE", "INITIAL", "PLANNED", "ARRIVED",
                                           "ARRIVAL_RATE"};
        for (size_t k = 0; k < sizeof dash / sizeof dash[0]; k++)
          er_dict_set(row, dash[k], "—");
      }
    }
  }
  totals_values(v, table, "TOTAL_", all);
}

static void spending_table(er_view *v, er_dict *d, const er_fund_totals *all) {
  const er_funds *f = &v->ev->funds;
  size_t lines = 0;
  for (size_t i = 0; i < f->items.count; i++)
    lines += f->items.items[i].spending.count;
  if (!lines)
    return;
  er_dict *table = er_dict_add(d, "SPENDING_TABLE");
  er_dict_set(table, "NO", er_view_table_no(v, "spending_table"));
  for (size_t i = 0; i < f->items.count; i++) {
    const er_fund_item *item = &f->items.items[i];
    for (size_t j = 0; j < item->spending.count; j++) {
      const er_spending *s = &item->spending.items[j];
      er_dict *row = er_dict_add(table, "ROW");
      if (j == 0) {
        er_dict *cell = er_dict_add(row, "ITEM_CELL");
        er_dict_set(cell, "ITEM", item->name.s);
        er_dict_setf(cell, "ROWSPAN", "%zu", item->spending.count);
      }
      er_dict_set(row, "CATEGORY", s->category.s);
      er_dict_set(row, "AMOUNT", amount(v, s->amount.v));
      bool defined = !er_dec_is_zero(all->spent);
      er_dec share = defined ? er_dec_div(er_dec_mul(s->amount.v, er_dec_int(100)), all->spent)
                             : er_dec_zero();
      er_dict_set(row, "SHARE", rate_or_dash(v, share, defined));
    }
  }
  er_dict_set(table, "TOTAL_SPENT", amount(v, all->spent));
}

/* One slice of the composition chart; slices with the same label add up. */
typedef struct slice {
  const char *label;
  er_dec value;
} slice;

static void add_slice(slice *s, size_t *n, size_t cap, const char *label, er_dec value) {
  for (size_t i = 0; i < *n; i++)
    if (strcmp(s[i].label, label) == 0) {
      s[i].value = er_dec_add(s[i].value, value);
      return;
    }
  if (*n < cap)
    s[(*n)++] = (slice){label, value};
}

/* A pie of the sources when the money came from more than one; else of
 * the spending, by item when there are several, by category otherwise. */
static void fund_chart(er_view *v, er_dict *d) {
  const er_funds *f = &v->ev->funds;
  slice s[32];
  size_t n = 0;
  const char *title = "资金来源构成";
  for (size_t i = 0; i < f->items.count; i++)
    for (size_t j = 0; j < f->items.items[i].sources.count; j++) {
      const er_source *src = &f->items.items[i].sources.items[j];
      add_slice(s, &n, 32, er_source_label(src), src->arrived.v);
    }
  if (n < 2) {
    n = 0;
    title = "资金支出构成";
    for (size_t i = 0; i < f->items.count; i++) {
      const er_fund_item *item = &f->items.items[i];
      er_fund_totals t;
      er_fund_item_totals(item, &t);
      if (f->items.count > 1)
        add_slice(s, &n, 32, item->name.s ? item->name.s : "", t.spent);
      else
        for (size_t j = 0; j < item->spending.count; j++)
          add_slice(s, &n, 32,
                    item->spending.items[j].category.s ? item->spending.items[j].category.s : "",
                    item->spending.items[j].amount.v);
    }
  }
  size_t positive = 0;
  for (size_t i = 0; i < n; i++)
    positive += s[i].value.units > 0;
  if (positive < 2)
    return;
  er_dict *chart = er_dict_add(d, "FUND_CHART");
  er_dict_set(chart, "NO", er_view_figure_no(v, "fund_chart"));
  er_dict_set(chart, "CHART_TITLE", title);
  for (size_t i = 0; i < n; i++) {
    if (s[i].value.units <= 0)
      continue;
    er_dict *datum = er_dict_add(chart, "DATUM");
    er_dict_set(datum, "LABEL", s[i].label);
    er_dict_set(datum, "VALUE", amount(v, s[i].value));
  }
}

const char *er_view_funds_sentence(er_view *v) {
  er_fund_totals all;
  er_funds_totals(&v->ev->funds, NULL, &all);
  return funds_sentence(v, &all);
}

void er_view_funds(er_view *v, er_dict *d) {
  er_fund_totals all;
  er_funds_totals(&v->ev->funds, NULL, &all);
  totals_values(v, d, "FUNDS_", &all);
  er_dict_set(d, "FUNDS_SENTENCE", funds_sentence(v, &all));
  if (!v->ev->funds.items.count)
    return;
  source_table(v, d, &all);
  spending_table(v, d, &all);
  fund_chart(v, d);
}

const char *er_view_sources_sentence(er_view *v) {
  const er_funds *f = &v->ev->funds;
  slice s[32];
  size_t n = 0;
  for (size_t i = 0; i < f->items.count; i++)
    for (size_t j = 0; j < f->items.items[i].sources.count; j++) {
      const er_source *src = &f->items.items[i].sources.items[j];
      add_slice(s, &n, 32, er_source_label(src), src->planned.v);
    }
  const char *out = "";
  for (size_t i = 0; i < n; i++)
    out = er_arena_printf(v->arena, "%s%s%s%s万元", out, i ? "，" : "", s[i].label,
                          amount(v, s[i].value));
  return out;
}

const char *er_view_allocation_sentence(er_view *v) {
  /* the formula of seed 002: …资金共计X万元，其中：… */
  er_fund_totals all;
  er_funds_totals(&v->ev->funds, NULL, &all);
  const char *sources = er_view_sources_sentence(v);
  return er_arena_printf(v->arena, "本项目全年预算资金共计%s万元%s%s。", amount(v, all.planned),
                         *sources ? "，其中：" : "", sources);
}

void er_view_fund_item(er_view *v, er_dict *parent, const er_fund_item *item, int level,
                       bool heading) {
  er_dict *d = heading ? er_view_heading(v, parent, "FUND_ITEM", level, true)
                       : er_dict_add(parent, "FUND_ITEM");
  er_dict_set(d, "NAME", item->name.s);
  if (heading)
    er_dict_show(d, "ITEM_HEADING");
  er_view_prose(v, d, "DESCRIPTION", &item->description, level + 1 > 4 ? 4 : level + 1);
  er_fund_totals t;
  er_fund_item_totals(item, &t);
  er_dict_set(d, "SENTENCE",
              er_arena_printf(
                  v->arena, "本项目全年预算%s万元，到位%s万元，支出%s万元，结余%s万元，执行率%s。",
                  amount(v, t.planned), amount(v, t.arrived), amount(v, t.spent),
                  amount(v, t.balance), rate_or_dash(v, t.execution_rate, t.execution_defined)));
}

void er_view_fund_items(er_view *v, er_dict *parent, int level) {
  const er_funds *f = &v->ev->funds;
  for (size_t i = 0; i < f->items.count; i++)
    er_view_fund_item(v, parent, &f->items.items[i], level, true);
}

/* ---- beneficiaries ---- */

static const char *number_or_blank(er_view *v, const er_num *n) {
  return n->set ? er_fmt_number(v->arena, n->v) : "";
}

/* The optional columns, shown on the table (for the header) and on each
 * row: a section found in an ancestor is expanded in that ancestor's scope,
 * where the row's values are not seen. */
static void beneficiary_columns(er_dict *d, bool households, bool standard, bool money, bool note) {
  er_dict_show_if(d, "HAS_HOUSEHOLDS", households);
  er_dict_show_if(d, "HAS_STANDARD", standard);
  er_dict_show_if(d, "HAS_AMOUNT", money);
  er_dict_show_if(d, "HAS_NOTE", note);
}

void er_view_beneficiaries(er_view *v, er_dict *d) {
  const er_eval *ev = v->ev;
  if (!ev->beneficiaries.count)
    return;
  er_dict *table = er_dict_add(d, "BENEFICIARY_TABLE");
  er_dict_set(table, "NO", er_view_table_no(v, "beneficiary_table"));
  bool households = false, standard = false, money = false, note = false;
  for (size_t i = 0; i < ev->beneficiaries.count; i++) {
    const er_beneficiary *b = &ev->beneficiaries.items[i];
    households |= b->households.set;
    standard |= b->standard.set;
    money |= b->amount.set;
    note |= b->note.s != NULL;
  }
  beneficiary_columns(table, households, standard, money, note);
  for (size_t i = 0; i < ev->beneficiaries.count; i++) {
    const er_beneficiary *b = &ev->beneficiaries.items[i];
    er_dict *row = er_dict_add(table, "ROW");
    beneficiary_columns(row, households, standard, money, note);
    er_dict_set(row, "CATEGORY", b->category.s);
    er_dict_set(row, "HOUSEHOLDS", number_or_blank(v, &b->households));
    const char *unit =
        b->person_unit.s && strcmp(b->person_unit.s, "人") != 0 ? b->person_unit.s : "";
    er_dict_set(row, "PERSONS",
                b->persons.set
                    ? er_arena_printf(v->arena, "%s%s", er_fmt_number(v->arena, b->persons.v), unit)
                    : "");
    er_dict_set(row, "STANDARD",
                b->standard.set
                    ? er_arena_printf(v->arena, "%s%s", er_fmt_number(v->arena, b->standard.v),
                                      b->standard_unit.s ? b->standard_unit.s : "")
                    : "");
    er_dict_set(row, "AMOUNT", b->amount.set ? amount(v, b->amount.v) : "");
    er_dict_set(row, "NOTE", b->note.s);
  }
}

/* ---- targets ---- */

static const char *met_text(const er_target *t) {
  if (t->met.set)
    return t->met.v ? "达成" : "未达成";
  if (!t->target.s || !t->actual.s)
    return "—";
  er_measure target, actual;
  er_measure_parse(t->target.s, &target);
  er_measure_parse(t->actual.s, &actual);
  if (target.numeric && actual.numeric && target.percent == actual.percent &&
      strcmp(target.unit, actual.unit) == 0)
    return er_measure_met(&target, &actual) ? "达成" : "未达成";
  return "—";
}

static bool same(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : "") == 0; }

void er_view_targets(er_view *v, er_dict *d) {
  const er_targets *tg = &v->ev->targets;
  if (!tg->items.count)
    return;
  er_dict *table = er_dict_add(d, "TARGET_TABLE");
  er_dict_set(table, "NO", er_view_table_no(v, "target_table"));
  bool deviation = false;
  size_t n = tg->items.count;
  for (size_t i = 0; i < n; i++)
    deviation |= tg->items.items[i].deviation.s != NULL;
  for (size_t i = 0; i < n; i++) {
    const er_target *t = &tg->items.items[i];
    er_dict *row = er_dict_add(table, "ROW");
    /* merge equal level1 cells, and equal level2 cells within them */
    if (i == 0 || !same(t->level1.s, tg->items.items[i - 1].level1.s)) {
      size_t span = 1;
      while (i + span < n && same(tg->items.items[i + span].level1.s, t->level1.s))
        span++;
      er_dict *cell = er_dict_add(row, "LEVEL1_CELL");
      er_dict_set(cell, "TEXT", t->level1.s);
      er_dict_setf(cell, "ROWSPAN", "%zu", span);
    }
    if (i == 0 || !same(t->level1.s, tg->items.items[i - 1].level1.s) ||
        !same(t->level2.s, tg->items.items[i - 1].level2.s)) {
      size_t span = 1;
      while (i + span < n && same(tg->items.items[i + span].level1.s, t->level1.s) &&
             same(tg->items.items[i + span].level2.s, t->level2.s))
        span++;
      er_dict *cell = er_dict_add(row, "LEVEL2_CELL");
      er_dict_set(cell, "TEXT", t->level2.s);
      er_dict_setf(cell, "ROWSPAN", "%zu", span);
    }
    er_dict_set(row, "NAME", t->name.s);
    er_dict_set(row, "TARGET", t->target.s ? t->target.s : "—");
    er_dict_set(row, "ACTUAL", t->actual.s ? t->actual.s : "—");
    er_dict_set(row, "MET", met_text(t));
    er_dict_set(row, "DEVIATION", t->deviation.s);
  }
  /* on the rows too: see beneficiary_columns */
  er_dict_show_if(table, "HAS_DEVIATION", deviation);
  const er_dict_section *rows = er_dict_section_of(table, "ROW");
  for (size_t i = 0; rows && i < rows->count; i++)
    er_dict_show_if(rows->items[i], "HAS_DEVIATION", deviation);
}
