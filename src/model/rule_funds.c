/* Rules that read the funds: execution (执行率) and arrival (到位率), and
 * the index of fund items by name they share with conditional deductions. */
#include "model/funds.h"
#include "model/score_impl.h"

#include <stdlib.h>
#include <string.h>

static int by_fund_name(const void *a, const void *b) {
  return strcmp(((const er_fund_entry *)a)->name, ((const er_fund_entry *)b)->name);
}

void er_fund_index_build(const er_funds *funds, er_fund_index *fi) {
  fi->by_name = malloc((funds->items.count + 1) * sizeof *fi->by_name);
  if (!fi->by_name)
    abort();
  fi->count = 0;
  for (size_t i = 0; i < funds->items.count; i++)
    if (funds->items.items[i].name.s)
      fi->by_name[fi->count++] =
          (er_fund_entry){funds->items.items[i].name.s, &funds->items.items[i]};
  if (fi->count > 1)
    qsort(fi->by_name, fi->count, sizeof *fi->by_name, by_fund_name);
  er_funds_totals(funds, NULL, &fi->all);
}

void er_fund_index_free(er_fund_index *fi) {
  free(fi->by_name);
  fi->by_name = NULL;
}

bool er_fund_index_totals(const er_fund_index *fi, const er_indicator *n, er_fund_totals *t,
                          er_diag *d) {
  const char *name = n->fund.s;
  if (!name) {
    *t = fi->all;
    return true;
  }
  size_t lo = 0, hi = fi->count; /* the first item not before name */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(fi->by_name[mid].name, name) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  memset(t, 0, sizeof *t);
  size_t end = lo;
  for (; end < fi->count && strcmp(fi->by_name[end].name, name) == 0; end++)
    er_fund_totals_add(t, fi->by_name[end].item);
  er_fund_totals_derive(t);
  if (end > lo)
    return true;
  er_error(d, n->fund.pos, "unknown-fund", "funds 中没有名为“%s”的资金项目", name);
  er_diag_anchor(d, n->code.s);
  return false;
}

/* A rate of the funds × weight, capped at the weight: 执行率 (spent ÷
 * arrived) or 到位率 (arrived ÷ planned). */
static bool rate_rule(const er_fund_index *fi, er_indicator *n, er_diag *d, bool arrival) {
  er_fund_totals t;
  if (!er_fund_index_totals(fi, n, &t, d))
    return false;
  if (!(arrival ? t.arrival_defined : t.execution_defined)) {
    er_error(d, n->rule.text.pos, "no-funds", "指标 %s 按%s评分，但资金%s为 0", n->code.s,
             arrival ? "到位率" : "执行率", arrival ? "计划数" : "到位数");
    er_diag_anchor(d, n->code.s);
    return false;
  }
  er_dec rate = arrival ? t.arrival_rate : t.execution_rate;
  n->result.fraction = er_dec_min(er_dec_div(rate, ER_DEC_HUNDRED), ER_DEC_ONE);
  return true;
}

bool er_rule_execution(const er_fund_index *fi, er_indicator *n, er_diag *d) {
  return rate_rule(fi, n, d, false);
}

/* The funds read as execution reads them. */
bool er_rule_arrival(const er_fund_index *fi, er_indicator *n, er_diag *d) {
  return rate_rule(fi, n, d, true);
}
