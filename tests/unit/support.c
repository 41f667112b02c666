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

er_eval *eval_leaf(const char *weight, const char *rule, const char *extra, er_diag *d) {
  static char yaml[8192];
  int n = snprintf(yaml, sizeof yaml,
                   HEAD "%s"
                        "indicators:\n"
                        "  - code: A\n"
                        "    name: 测试指标\n"
                        "    weight: %s\n"
                        "%s",
                   extra ? extra : "", weight, rule);
  assert_true(n > 0 && (size_t)n < sizeof yaml);
  return eval_yaml(yaml, d);
}

const char *leaf_score(const er_eval *ev, int places) {
  assert_int_equal(ev->indicators.count, 1);
  const er_indicator *a = &ev->indicators.items[0];
  assert_true(a->result.valid);
  assert_true(ev->scored);
  assert_int_equal(er_dec_cmp(ev->total, a->result.score), 0);
  return dec_str(a->result.score, places);
}

void eval_done(er_eval *ev, er_diag *d) {
  er_eval_free(ev);
  er_diag_free(d);
}
