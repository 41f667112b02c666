/* Exact decimal fixed-point numbers for money, rates and scores.
 *
 * An er_dec holds value × 10^6 in a 64-bit integer: six decimal places are
 * kept exactly, so 万元 amounts with four decimals and scores with three add
 * up without drift. Products and quotients are computed in 128 bits and
 * rounded half away from zero (四舍五入) to six places; display rounding to
 * two or three places is done once, by er_dec_format().
 *
 * The plain operations saturate at ±ER_DEC_MAX instead of wrapping; scoring
 * uses the checked ones (er_dec_*_ok), which say when a result is out of
 * range, so that a figure too large is refused rather than silently wrong. */
#ifndef ER_DECIMAL_H
#define ER_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ER_DEC_PLACES 6
#define ER_DEC_SCALE INT64_C(1000000)
#define ER_DEC_MAX INT64_MAX

typedef struct er_dec {
  int64_t units; /* value × ER_DEC_SCALE */
} er_dec;

/* Largest integer part accepted by er_dec_parse (12 digits). */
#define ER_DEC_INT_DIGITS 12

typedef enum er_dec_parse_status {
  ER_DEC_OK = 0,
  ER_DEC_SYNTAX,     /* not a plain decimal number */
  ER_DEC_TOO_LARGE,  /* more than ER_DEC_INT_DIGITS integer digits */
  ER_DEC_TOO_PRECISE /* more than ER_DEC_PLACES decimals */
} er_dec_parse_status;

/* Parses [+-]digits[.digits] exactly, with nothing before or after. */
er_dec_parse_status er_dec_parse(const char *s, size_t len, er_dec *out);

static inline er_dec er_dec_int(int64_t n) { return (er_dec){n * ER_DEC_SCALE}; }
static inline er_dec er_dec_zero(void) { return (er_dec){0}; }
static inline bool er_dec_is_zero(er_dec a) { return a.units == 0; }
static inline int er_dec_cmp(er_dec a, er_dec b) {
  return (a.units > b.units) - (a.units < b.units);
}
static inline er_dec er_dec_min(er_dec a, er_dec b) { return a.units < b.units ? a : b; }
static inline er_dec er_dec_max(er_dec a, er_dec b) { return a.units > b.units ? a : b; }

er_dec er_dec_add(er_dec a, er_dec b);
er_dec er_dec_sub(er_dec a, er_dec b);
er_dec er_dec_mul(er_dec a, er_dec b);
/* a / b; division by zero yields zero (callers check the divisor first). */
er_dec er_dec_div(er_dec a, er_dec b);
/* Checked arithmetic: *out is the result; false when the exact result lies
 * beyond ±ER_DEC_MAX (then *out is saturated) or, for a quotient, when the
 * divisor is zero (then *out is zero). */
bool er_dec_add_ok(er_dec a, er_dec b, er_dec *out);
bool er_dec_sub_ok(er_dec a, er_dec b, er_dec *out);
bool er_dec_mul_ok(er_dec a, er_dec b, er_dec *out);
bool er_dec_div_ok(er_dec a, er_dec b, er_dec *out);
/* Rounds half away from zero to `places` decimals (0..6). */
er_dec er_dec_round(er_dec a, int places);
/* True when a has no fractional part. */
bool er_dec_is_integer(er_dec a);

/* Writes a rounded to exactly `places` decimals ("88.38", "-0.50", "100").
 * buf needs ER_DEC_BUFSIZE bytes. Returns buf. */
#define ER_DEC_BUFSIZE 32
char *er_dec_format(er_dec a, int places, char *buf);
/* Like er_dec_format, but drops trailing zeros after rounding ("2.4", "15"),
 * the way score sheets write scores. */
char *er_dec_format_trim(er_dec a, int places, char *buf);
/* A JSON number of the value rounded to `places`, trailing zeros dropped. */
#define er_dec_format_json er_dec_format_trim

#endif
