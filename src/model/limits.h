/* What the writers can hold, checked where `check` can name the value:
 * every limit that `render` has is a finding of `check` first, at the
 * line and column of the value that goes over it. */
#ifndef ER_LIMITS_H
#define ER_LIMITS_H

#include "model/model.h"

/* Rows one merged cell of a report table may span (the document parser
 * refuses larger rowspans): the leaves under an indicator, the sources or
 * spending lines of a fund item, the options of a survey question. */
#define ER_MAX_ROWSPAN 1000

/* Adds a finding for every value over a writer's limit, and for dates and
 * years that cannot be right (an evaluated year outside 1900–2999, a
 * period that ends before it begins). */
void er_check_limits(const er_eval *ev, er_diag *d);

#endif
