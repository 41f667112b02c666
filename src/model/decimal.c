/* Exact decimal fixed-point arithmetic; see decimal.h. */
#include "model/decimal.h"

#include <stdio.h>
#include <string.h>

static int64_t saturate(__int128 v) {
  if (v > ER_DEC_MAX)
    return ER_DEC_MAX;
  if (v < -ER_DEC_MAX)
    return -ER_DEC_MAX;
  return (int64_t)v;
}

/* num / den rounded half away from zero; den > 0. */
static __int128 div_round(__int128 num, __int128 den) {
  __int128 q = num / den, r = num % den;
  if (r < 0)
    r = -r;
  if (2 * r >= den)
    q += num < 0 ? -1 : 1;
  return q;
}

er_dec_parse_status er_dec_parse(const char *s, size_t len, er_dec *out) {
  size_t i = 0;
  bool negative = false;
  if (i < len && (s[i] == '+' || s[i] == '-'))
    negative = s[i++] == '-';
  size_t digits_start = i;
  int64_t int_part = 0, frac = 0;
  int int_digits = 0, frac_digits = 0;
  while (i < len && s[i] >= '0' && s[i] <= '9') {
    if (int_digits > 0 || s[i] != '0')
      int_digits++;
    if (int_digits > ER_DEC_INT_DIGITS)
      return ER_DEC_TOO_LARGE;
    int_part = int_part * 10 + (s[i++] - '0');
  }
  if (i == digits_start)
    return ER_DEC_SYNTAX; /* no integer digits: ".5", "-", "" */
  if (i < len && s[i] == '.') {
    i++;
    size_t start = i;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
      if (++frac_digits > ER_DEC_PLACES) {
        /* trailing zeros beyond six places are harmless */
        if (s[i] != '0')
          return ER_DEC_TOO_PRECISE;
        frac_digits--;
        i++;
        continue;
      }
      frac = frac * 10 + (s[i++] - '0');
    }
    if (i == start)
      return ER_DEC_SYNTAX; /* "5." */
  }
  if (i != len)
    return ER_DEC_SYNTAX;
  for (int d = frac_digits; d < ER_DEC_PLACES; d++)
    frac *= 10;
  int64_t units = int_part * ER_DEC_SCALE + frac;
  out->units = negative ? -units : units;
  return ER_DEC_OK;
}

/* Stores v saturated; true when it needed no saturation. */
static bool store(__int128 v, er_dec *out) {
  out->units = saturate(v);
  return v >= -ER_DEC_MAX && v <= ER_DEC_MAX;
}

/* The exact quotient of two er_dec, unsaturated; den != 0. |a| < 2^63 and
 * the scale < 2^20, so the numerator fits in 128 bits. */
static __int128 quotient(er_dec a, er_dec b) {
  __int128 num = (__int128)a.units * ER_DEC_SCALE, den = b.units;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  return div_round(num, den);
}

bool er_dec_add_ok(er_dec a, er_dec b, er_dec *out) {
  return store((__int128)a.units + b.units, out);
}

bool er_dec_sub_ok(er_dec a, er_dec b, er_dec *out) {
  return store((__int128)a.units - b.units, out);
}

bool er_dec_mul_ok(er_dec a, er_dec b, er_dec *out) {
  /* |a·b| < 2^126: the product fits before it is scaled down */
  return store(div_round((__int128)a.units * b.units, ER_DEC_SCALE), out);
}

bool er_dec_div_ok(er_dec a, er_dec b, er_dec *out) {
  if (b.units == 0) {
    *out = er_dec_zero();
    return false;
  }
  return store(quotient(a, b), out);
}

er_dec er_dec_add(er_dec a, er_dec b) {
  er_dec r;
  er_dec_add_ok(a, b, &r);
  return r;
}

er_dec er_dec_sub(er_dec a, er_dec b) {
  er_dec r;
  er_dec_sub_ok(a, b, &r);
  return r;
}

er_dec er_dec_mul(er_dec a, er_dec b) {
  er_dec r;
  er_dec_mul_ok(a, b, &r);
  return r;
}

er_dec er_dec_div(er_dec a, er_dec b) {
  er_dec r;
  er_dec_div_ok(a, b, &r);
  return r;
}

static int64_t pow10_of(int n) {
  int64_t p = 1;
  while (n-- > 0)
    p *= 10;
  return p;
}

er_dec er_dec_round(er_dec a, int places) {
  if (places >= ER_DEC_PLACES)
    return a;
  if (places < 0)
    places = 0;
  int64_t step = pow10_of(ER_DEC_PLACES - places);
  return (er_dec){saturate(div_round(a.units, step) * step)};
}

bool er_dec_is_integer(er_dec a) { return a.units % ER_DEC_SCALE == 0; }

char *er_dec_format(er_dec a, int places, char *buf) {
  if (places > ER_DEC_PLACES)
    places = ER_DEC_PLACES;
  if (places < 0)
    places = 0;
  er_dec r = er_dec_round(a, places);
  uint64_t mag = r.units < 0 ? (uint64_t)(-(r.units)) : (uint64_t)r.units;
  uint64_t int_part = mag / ER_DEC_SCALE, frac = mag % ER_DEC_SCALE;
  /* as "%s%llu" and ".%0*llu", by hand: a large report formats hundreds
   * of thousands of figures */
  char digits[24], *p = digits + sizeof digits;
  do
    *--p = (char)('0' + int_part % 10);
  while ((int_part /= 10) > 0);
  size_t n = 0;
  if (r.units < 0)
    buf[n++] = '-';
  size_t len = (size_t)(digits + sizeof digits - p);
  memcpy(buf + n, p, len);
  n += len;
  if (places > 0) {
    frac /= (uint64_t)pow10_of(ER_DEC_PLACES - places);
    buf[n++] = '.';
    for (int k = places - 1; k >= 0; k--, frac /= 10)
      buf[n + (size_t)k] = (char)('0' + frac % 10);
    n += (size_t)places;
  }
  buf[n] = '\0';
  return buf;
}

char *er_dec_format_trim(er_dec a, int places, char *buf) {
  er_dec_format(a, places, buf);
  char *dot = strchr(buf, '.');
  if (dot) {
    char *end = buf + strlen(buf);
    while (end > dot + 1 && end[-1] == '0')
      *--end = '\0';
    if (end == dot + 1)
      *dot = '\0';
  }
  if (strcmp(buf, "-0") == 0)
    memmove(buf, buf + 1, 2); /* "-0" → "0" */
  return buf;
}
