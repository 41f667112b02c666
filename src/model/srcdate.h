/* SOURCE_DATE_EPOCH, read and range-checked once for every writer: the
 * creation date that makes the same data give the same bytes. */
#ifndef ER_SRCDATE_H
#define ER_SRCDATE_H

#include "model/diag.h"

/* The last second every writer can stamp: 9999-12-31T23:59:59Z. Beyond it
 * gmtime() gives years of five digits and more, or fails. */
#define ER_SOURCE_DATE_MAX 253402300799LL

/* SOURCE_DATE_EPOCH as seconds since 1970 UTC, in 0 … ER_SOURCE_DATE_MAX;
 * -1 when it is unset or empty, and -1 with a warning in `d` (when not
 * NULL) when it is not such a count of seconds. */
long long er_source_date(er_diag *d);

/* The same for libxlsxwriter, whose `created` of 0 means "now": the epoch
 * itself (SOURCE_DATE_EPOCH=0) becomes one second after it, so that the
 * file stays reproducible. `fallback` when SOURCE_DATE_EPOCH gives none. */
long long er_source_date_xlsx(er_diag *d, long long fallback);

#endif
