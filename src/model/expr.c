#include "model/expr.h"

#include <string.h>

/* ---- tokens ---- */

typedef enum { T_END, T_X, T_NUM, T_CMP, T_BAD } tok_kind;

typedef struct {
  tok_kind kind;
  er_cmp cmp;
  er_dec num;
  bool percent;
} token;

static bool starts(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Reads one comparator at *s: < <= ≤ ＜ ≦ > >= ≥ ＞ ≧ = == ＝. */
static er_cmp read_cmp(const char **s) {
  static const struct {
    const char *text;
    er_cmp cmp;
  } ops[] = {{"<=", ER_CMP_LE}, {">=", ER_CMP_GE}, {"==", ER_CMP_EQ}, {"≤", ER_CMP_LE},
             {"≦", ER_CMP_LE},  {"≥", ER_CMP_GE},  {"≧", ER_CMP_GE},  {"＜", ER_CMP_LT},
             {"＞", ER_CMP_GT}, {"＝", ER_CMP_EQ}, {"<", ER_CMP_LT},  {">", ER_CMP_GT},
             {"=", ER_CMP_EQ}};
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (starts(*s, ops[i].text)) {
      *s += strlen(ops[i].text);
      return ops[i].cmp;
    }
  return ER_CMP_NONE;
}

static void skip_space(const char **s) {
  for (;;) {
    if (**s == ' ' || **s == '\t')
      (*s)++;
    else if (starts(*s, "　"))
      *s += strlen("　");
    else
      return;
  }
}

/* Reads a number with an optional % at *s; returns false if none is there. */
static bool read_number(const char **s, er_dec *out, bool *percent) {
  const char *p = *s;
  if (*p == '-' || *p == '+')
    p++;
  while (*p >= '0' && *p <= '9')
    p++;
  if (*p == '.' && p[1] >= '0' && p[1] <= '9')
    for (p++; *p >= '0' && *p <= '9'; p++)
      ;
  if (er_dec_parse(*s, (size_t)(p - *s), out) != ER_DEC_OK)
    return false;
  *percent = false;
  if (*p == '%' || starts(p, "％")) {
    *percent = true;
    p += *p == '%' ? 1 : strlen("％");
  }
  *s = p;
  return true;
}

static token next_token(const char **s) {
  skip_space(s);
  token t = {T_BAD, ER_CMP_NONE, {0}, false};
  if (**s == '\0')
    t.kind = T_END;
  else if (**s == 'x' || **s == 'X') {
    (*s)++;
    t.kind = T_X;
  } else if ((t.cmp = read_cmp(s)) != ER_CMP_NONE)
    t.kind = T_CMP;
  else if (read_number(s, &t.num, &t.percent))
    t.kind = T_NUM;
  return t;
}

/* ---- intervals ---- */

static er_cmp mirror(er_cmp c) {
  switch (c) {
  case ER_CMP_LT:
    return ER_CMP_GT;
  case ER_CMP_LE:
    return ER_CMP_GE;
  case ER_CMP_GT:
    return ER_CMP_LT;
  case ER_CMP_GE:
    return ER_CMP_LE;
  default:
    return c;
  }
}

/* Applies "x CMP v" to the interval. */
static bool bound(er_interval *iv, er_cmp cmp, er_dec v) {
  switch (cmp) {
  case ER_CMP_EQ:
    if (iv->has_lo || iv->has_hi)
      return false;
    iv->has_lo = iv->has_hi = iv->lo_incl = iv->hi_incl = true;
    iv->lo = iv->hi = v;
    return true;
  case ER_CMP_LT:
  case ER_CMP_LE:
    if (iv->has_hi)
      return false;
    iv->has_hi = true;
    iv->hi = v;
    iv->hi_incl = cmp == ER_CMP_LE;
    return true;
  case ER_CMP_GT:
  case ER_CMP_GE:
    if (iv->has_lo)
      return false;
    iv->has_lo = true;
    iv->lo = v;
    iv->lo_incl = cmp == ER_CMP_GE;
    return true;
  default:
    return false;
  }
}

bool er_interval_parse(const char *s, er_interval *out, const char **why) {
  memset(out, 0, sizeof *out);
  token t[6];
  int n = 0;
  const char *p = s;
  do {
    if (n == 6) {
      *why = "条件过长";
      return false;
    }
    t[n] = next_token(&p);
    if (t[n].kind == T_BAD) {
      *why = "无法识别的字符";
      return false;
    }
  } while (t[n++].kind != T_END);
  n--; /* drop T_END */
  bool percent_seen = false, plain_seen = false;
  for (int i = 0; i < n; i++)
    if (t[i].kind == T_NUM && !er_dec_is_zero(t[i].num)) /* 0 is 0 with or without % */
      *(t[i].percent ? &percent_seen : &plain_seen) = true;
  if (percent_seen && plain_seen) {
    *why = "同一条件中有的数带 % 有的不带";
    return false;
  }
  out->percent = percent_seen;
  out->unitless = !percent_seen && !plain_seen;
  bool ok = false;
  if (n == 3 && t[0].kind == T_X && t[1].kind == T_CMP && t[2].kind == T_NUM)
    ok = bound(out, t[1].cmp, t[2].num);
  else if (n == 3 && t[0].kind == T_NUM && t[1].kind == T_CMP && t[2].kind == T_X)
    ok = bound(out, mirror(t[1].cmp), t[0].num);
  else if (n == 5 && t[0].kind == T_NUM && t[1].kind == T_CMP && t[2].kind == T_X &&
           t[3].kind == T_CMP && t[4].kind == T_NUM && t[1].cmp != ER_CMP_EQ &&
           t[3].cmp != ER_CMP_EQ)
    ok = bound(out, mirror(t[1].cmp), t[0].num) && bound(out, t[3].cmp, t[4].num);
  if (!ok) {
    *why = "应写作 x < A、A ≤ x < B、x = A 这样的形式";
    return false;
  }
  if (out->has_lo && out->has_hi) {
    int c = er_dec_cmp(out->lo, out->hi);
    if (c > 0 || (c == 0 && !(out->lo_incl && out->hi_incl))) {
      *why = "区间为空：下限大于上限";
      return false;
    }
  }
  return true;
}

bool er_interval_contains(const er_interval *iv, er_dec x) {
  if (iv->has_lo) {
    int c = er_dec_cmp(x, iv->lo);
    if (c < 0 || (c == 0 && !iv->lo_incl))
      return false;
  }
  if (iv->has_hi) {
    int c = er_dec_cmp(x, iv->hi);
    if (c > 0 || (c == 0 && !iv->hi_incl))
      return false;
  }
  return true;
}

int er_interval_cmp_lo(const er_interval *a, const er_interval *b) {
  if (a->has_lo != b->has_lo)
    return a->has_lo ? 1 : -1; /* unbounded below comes first */
  if (!a->has_lo)
    return 0;
  int c = er_dec_cmp(a->lo, b->lo);
  if (c)
    return c;
  return (int)b->lo_incl - (int)a->lo_incl; /* [a comes before (a */
}

int er_interval_meet(const er_interval *a, const er_interval *b) {
  if (!a->has_hi || !b->has_lo)
    return 1; /* a runs to +∞ or b from −∞: they overlap */
  int c = er_dec_cmp(a->hi, b->lo);
  if (c != 0)
    return c;
  if (a->hi_incl && b->lo_incl)
    return 1;
  if (!a->hi_incl && !b->lo_incl)
    return -1;
  return 0;
}

/* ---- measures ---- */

void er_measure_parse(const char *s, er_measure *out) {
  memset(out, 0, sizeof *out);
  const char *p = s;
  skip_space(&p);
  out->cmp = read_cmp(&p);
  skip_space(&p);
  if (!read_number(&p, &out->value, &out->percent))
    return;
  skip_space(&p);
  size_t len = strlen(p);
  while (len > 0 && p[len - 1] == ' ')
    len--;
  if (len >= sizeof out->unit)
    return; /* a long tail is words, not a unit */
  memcpy(out->unit, p, len);
  out->unit[len] = '\0';
  /* a unit has no digits: "10日前" after a number is words */
  for (size_t i = 0; i < len; i++)
    if (p[i] >= '0' && p[i] <= '9')
      return;
  out->numeric = true;
}

bool er_measure_met(const er_measure *target, const er_measure *actual) {
  int c = er_dec_cmp(actual->value, target->value);
  switch (target->cmp) {
  case ER_CMP_LT:
    return c < 0;
  case ER_CMP_LE:
    return c <= 0;
  case ER_CMP_GT:
    return c > 0;
  case ER_CMP_EQ:
    return c == 0;
  default: /* ≥, or a plain figure: at least the target */
    return c >= 0;
  }
}
