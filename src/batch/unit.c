#include "batch/unit.h"

#include "model/funds.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s) {
  if (!s)
    return NULL;
  char *d = strdup(s);
  if (!d) {
    perror("evalreport");
    exit(1);
  }
  return d;
}

void er_unit_from_eval(er_unit *u, const er_eval *ev) {
  u->project = dup_or_null(ev->project.name.s ? ev->project.name.s : "");
  u->total = ev->total;
  u->grade = dup_or_null(ev->grade);
  er_fund_totals t;
  er_funds_totals(&ev->funds, NULL, &t);
  u->execution_defined = ev->funds.items.count && t.execution_defined;
  u->execution_rate = t.execution_rate;
  u->ndims = ev->indicators.count;
  u->dims = u->ndims ? calloc(u->ndims, sizeof *u->dims) : NULL;
  if (u->ndims && !u->dims) {
    perror("evalreport");
    exit(1);
  }
  for (size_t i = 0; i < u->ndims; i++) {
    const er_indicator *n = &ev->indicators.items[i];
    er_unit_dim *d = &u->dims[i];
    d->name = dup_or_null(n->name.s ? n->name.s : (n->code.s ? n->code.s : ""));
    d->score = n->result.score;
    d->rate = n->result.rate;
    d->places = n->result.places ? n->result.places : 2;
    d->valid = n->result.valid;
  }
}

/* ---- Encoding: little-endian integers and length-prefixed strings --------- */

typedef struct buf {
  unsigned char *data;
  size_t len, cap;
} buf;

static void put(buf *b, const void *p, size_t n) {
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n)
      cap *= 2;
    unsigned char *grown = realloc(b->data, cap);
    if (!grown) {
      perror("evalreport");
      exit(1);
    }
    b->data = grown;
    b->cap = cap;
  }
  memcpy(b->data + b->len, p, n);
  b->len += n;
}

static void put_u64(buf *b, uint64_t v) {
  unsigned char bytes[8];
  for (int i = 0; i < 8; i++)
    bytes[i] = (unsigned char)(v >> (8 * i));
  put(b, bytes, 8);
}

static void put_str(buf *b, const char *s) {
  /* NULL and "" differ: length 0 is "", all ones is NULL */
  if (!s) {
    put_u64(b, UINT64_MAX);
    return;
  }
  size_t n = strlen(s);
  put_u64(b, n);
  put(b, s, n);
}

size_t er_unit_encode(const er_unit *u, unsigned char **out) {
  buf b = {0};
  put_u64(&b, u->index);
  put_u64(&b, u->ok);
  put_str(&b, u->error);
  put_str(&b, u->project);
  put_u64(&b, (uint64_t)u->total.units);
  put_str(&b, u->grade);
  put_u64(&b, u->execution_defined);
  put_u64(&b, (uint64_t)u->execution_rate.units);
  put_u64(&b, u->ndims);
  for (size_t i = 0; i < u->ndims; i++) {
    const er_unit_dim *d = &u->dims[i];
    put_str(&b, d->name);
    put_u64(&b, (uint64_t)d->score.units);
    put_u64(&b, (uint64_t)d->rate.units);
    put_u64(&b, (uint64_t)d->places);
    put_u64(&b, d->valid);
  }
  *out = b.data;
  return b.len;
}

typedef struct reader {
  const unsigned char *p;
  size_t left;
  bool bad;
} reader;

static uint64_t get_u64(reader *r) {
  if (r->left < 8) {
    r->bad = true;
    return 0;
  }
  uint64_t v = 0;
  for (int i = 0; i < 8; i++)
    v |= (uint64_t)r->p[i] << (8 * i);
  r->p += 8;
  r->left -= 8;
  return v;
}

static char *get_str(reader *r) {
  uint64_t n = get_u64(r);
  if (r->bad || n == UINT64_MAX)
    return NULL;
  if (n > r->left) {
    r->bad = true;
    return NULL;
  }
  char *s = malloc(n + 1);
  if (!s) {
    perror("evalreport");
    exit(1);
  }
  memcpy(s, r->p, n);
  s[n] = '\0';
  r->p += n;
  r->left -= n;
  return s;
}

bool er_unit_decode(er_unit *u, const unsigned char *data, size_t len) {
  memset(u, 0, sizeof *u);
  reader r = {data, len, false};
  u->index = (size_t)get_u64(&r);
  u->ok = get_u64(&r) != 0;
  u->error = get_str(&r);
  u->project = get_str(&r);
  u->total.units = (int64_t)get_u64(&r);
  u->grade = get_str(&r);
  u->execution_defined = get_u64(&r) != 0;
  u->execution_rate.units = (int64_t)get_u64(&r);
  uint64_t n = get_u64(&r);
  /* each dimension takes at least 40 bytes: a bound before allocating */
  if (!r.bad && n <= r.left / 40) {
    u->ndims = (size_t)n;
    u->dims = n ? calloc(n, sizeof *u->dims) : NULL;
    if (n && !u->dims) {
      perror("evalreport");
      exit(1);
    }
    for (size_t i = 0; i < u->ndims && !r.bad; i++) {
      er_unit_dim *d = &u->dims[i];
      d->name = get_str(&r);
      d->score.units = (int64_t)get_u64(&r);
      d->rate.units = (int64_t)get_u64(&r);
      d->places = (int)get_u64(&r);
      d->valid = get_u64(&r) != 0;
      if (d->places < 0 || d->places > 6)
        r.bad = true;
    }
  } else
    r.bad = true;
  if (r.bad || r.left) {
    er_unit_free(u);
    return false;
  }
  return true;
}

void er_unit_free(er_unit *u) {
  free(u->error);
  free(u->project);
  free(u->grade);
  for (size_t i = 0; i < u->ndims; i++)
    free(u->dims[i].name);
  free(u->dims);
  memset(u, 0, sizeof *u);
}
