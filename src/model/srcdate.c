#include "model/srcdate.h"

#include <errno.h>
#include <stdlib.h>

long long er_source_date(er_diag *d) {
  const char *env = getenv("SOURCE_DATE_EPOCH");
  if (!env || !env[0])
    return -1;
  char *end;
  errno = 0;
  long long t = strtoll(env, &end, 10);
  if (errno || *end || end == env || t < 0 || t > ER_SOURCE_DATE_MAX) {
    if (d)
      er_warn(d, ((er_pos){0, 0}), "source-date-epoch",
              "SOURCE_DATE_EPOCH=“%.40s”不是 0 到 %lld 之间的秒数（1970 至 9999 年），已忽略", env,
              ER_SOURCE_DATE_MAX);
    return -1;
  }
  return t;
}

long long er_source_date_xlsx(er_diag *d, long long fallback) {
  long long t = er_source_date(d);
  if (t < 0)
    t = fallback;
  if (t < 0 || t > ER_SOURCE_DATE_MAX)
    t = 946684800; /* 2000-01-01: a fallback out of range too */
  return t == 0 ? 1 : t;
}
