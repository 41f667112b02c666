#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

er_eval *eval_yaml(const char *yaml, er_diag *d) {
  static char path[64];
  snprintf(path, sizeof path, "/tmp/evalreport-test-XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  size_t len = strlen(yaml);
  assert_int_equal(write(fd, yaml, len), (ssize_t)len);
  close(fd);
  er_diag_init(d, path);
  er_eval *ev = er_evaluate(path, d);
  unlink(path);
  return ev;
}

const er_finding *find_finding(const er_diag *d, const char *key) {
  char tag[64];
  snprintf(tag, sizeof tag, "[%s]", key);
  for (size_t i = 0; i < d->count; i++) {
    const char *m = d->items[i].message;
    size_t lm = strlen(m), lt = strlen(tag);
    if (lm >= lt && strcmp(m + lm - lt, tag) == 0)
      return &d->items[i];
  }
  return NULL;
}

const char *dec_str(er_dec v, int places) {
  static char buf[ER_DEC_BUFSIZE];
  return er_dec_format(v, places, buf);
}

er_dec dec(const char *text) {
  er_dec v;
  assert_int_equal(er_dec_parse(text, strlen(text), &v), ER_DEC_OK);
  return v;
}
