#include "model/funds.h"

#include <string.h>

static void derive_rates(er_fund_totals *t) {
  const er_dec hundred = er_dec_int(100);
  t->balance = er_dec_sub(t->arrived, t->spent);
  t->arrival_defined = !er_dec_is_zero(t->planned);
  t->execution_defined = !er_dec_is_zero(t->arrived);
  /* multiply first: the percent keeps all six decimals */
  t->arrival_rate =
      t->arrival_defined ? er_dec_div(er_dec_mul(t->arrived, hundred), t->planned) : er_dec_zero();
  t->execution_rate =
      t->execution_defined ? er_dec_div(er_dec_mul(t->spent, hundred), t->arrived) : er_dec_zero();
  t->local_share = t->execution_defined
                       ? er_dec_div(er_dec_mul(t->local_arrived, hundred), t->arrived)
                       : er_dec_zero();
}

static void add_item(const er_fund_item *item, er_fund_totals *t) {
  for (size_t i = 0; i < item->sources.count; i++) {
    const er_source *s = &item->sources.items[i];
    t->planned = er_dec_add(t->planned, s->planned.v);
    t->initial = er_dec_add(t->initial, s->initial.set ? s->initial.v : s->planned.v);
    t->arrived = er_dec_add(t->arrived, s->arrived.v);
    /* the local matching funds (地方配套) of a county project */
    if (s->level.index == ER_LEVEL_MUNICIPAL || s->level.index == ER_LEVEL_COUNTY)
      t->local_arrived = er_dec_add(t->local_arrived, s->arrived.v);
  }
  for (size_t i = 0; i < item->spending.count; i++)
    t->spent = er_dec_add(t->spent, item->spending.items[i].amount.v);
}

void er_fund_item_totals(const er_fund_item *item, er_fund_totals *out) {
  memset(out, 0, sizeof *out);
  add_item(item, out);
  derive_rates(out);
}

void er_fund_totals_add(er_fund_totals *t, const er_fund_item *item) { add_item(item, t); }

void er_fund_totals_derive(er_fund_totals *t) { derive_rates(t); }

bool er_funds_totals(const er_funds *funds, const char *only, er_fund_totals *out) {
  memset(out, 0, sizeof *out);
  bool found = only == NULL;
  for (size_t i = 0; i < funds->items.count; i++) {
    const er_fund_item *item = &funds->items.items[i];
    if (only && (!item->name.s || strcmp(item->name.s, only) != 0))
      continue;
    add_item(item, out);
    found = true;
  }
  derive_rates(out);
  return found;
}

const char *er_source_label(const er_source *s) {
  if (s->name.s)
    return s->name.s;
  return s->level.index >= 0 ? er_fund_level_names[s->level.index] : "";
}
