/* The value scale of a bar chart, shared by the HTML, PDF and DOCX
 * writers (doc.h, er_chart_scale_of). */
#include "doc/doc.h"

#include "model/usertable.h"

#include <string.h>

_Static_assert(ER_UCHART_MAX_ROWS <= ER_CHART_MAX_DATA, "a typed chart's every row is drawn");

/* The smallest step of 1, 2, 2.5 or 5 × 10^k (k ≥ −2) at or above v. */
static er_dec round_step(er_dec v) {
  static const int64_t tenths[] = {10, 20, 25, 50};
  er_dec unit = {ER_DEC_SCALE / 100}; /* 0.01 */
  for (int decade = 0; decade < 16; decade++) {
    for (size_t i = 0; i < 4; i++) {
      er_dec step = er_dec_div(er_dec_mul(unit, er_dec_int(tenths[i])), er_dec_int(10));
      if (er_dec_cmp(step, v) >= 0)
        return step;
    }
    unit = er_dec_mul(unit, er_dec_int(10));
  }
  return v;
}

er_chart_scale er_chart_scale_of(const er_node *chart, er_dec largest) {
  er_dec given;
  if (chart->max && er_dec_parse(chart->max, strlen(chart->max), &given) == ER_DEC_OK &&
      given.units > 0)
    return (er_chart_scale){given, 4};
  if (largest.units <= 0)
    largest = er_dec_int(1);
  er_chart_scale best = {{0}, 0};
  for (int n = 5; n >= 4; n--) { /* on a tie, four intervals */
    er_dec step = round_step(er_dec_div(largest, er_dec_int(n)));
    er_dec top = er_dec_mul(step, er_dec_int(n));
    if (!best.intervals || er_dec_cmp(top, best.max) <= 0)
      best = (er_chart_scale){top, n};
  }
  return best;
}
