/* Fund arithmetic: sums, balance, 到位率 and 执行率 of fund items. */
#ifndef ER_FUNDS_H
#define ER_FUNDS_H

#include "model/model.h"

/* Totals of one fund item. */
void er_fund_item_totals(const er_fund_item *item, er_fund_totals *out);
/* Totals of all items, or of the item named `only` when it is not NULL.
 * Returns false when `only` names no item. */
bool er_funds_totals(const er_funds *funds, const char *only, er_fund_totals *out);
/* Totals built item by item: from zeroed totals, add each item, then
 * derive the balance and the rates. */
void er_fund_totals_add(er_fund_totals *t, const er_fund_item *item);
void er_fund_totals_derive(er_fund_totals *t);
/* The display name of a source: its name, else its level. */
const char *er_source_label(const er_source *s);

#endif
