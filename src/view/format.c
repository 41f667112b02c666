#include "view/format.h"

#include <string.h>

static const char *dup(er_arena *arena, const char *s) {
  return er_arena_strndup(arena, s, strlen(s));
}

const char *er_fmt_amount(er_arena *arena, er_dec amount, bool yuan) {
  char buf[ER_DEC_BUFSIZE];
  if (yuan)
    amount = er_dec_div(amount, er_dec_int(10000));
  return dup(arena, er_dec_format(amount, 2, buf));
}

const char *er_fmt_rate(er_arena *arena, er_dec percent) {
  char buf[ER_DEC_BUFSIZE];
  return dup(arena, er_dec_format(percent, 2, buf));
}

const char *er_fmt_percent(er_arena *arena, er_dec percent) {
  char buf[ER_DEC_BUFSIZE];
  return er_arena_printf(arena, "%s%%", er_dec_format(percent, 2, buf));
}

const char *er_fmt_score(er_arena *arena, er_dec score, int places) {
  char buf[ER_DEC_BUFSIZE];
  if (places < 2)
    places = 2;
  er_dec shown = er_dec_round(score, places);
  return dup(arena, er_dec_format(shown, er_dec_is_integer(shown) ? 0 : places, buf));
}

const char *er_fmt_weight(er_arena *arena, er_dec weight) {
  char buf[ER_DEC_BUFSIZE];
  return dup(arena, er_dec_format_trim(weight, 3, buf));
}

const char *er_fmt_number(er_arena *arena, er_dec n) {
  char buf[ER_DEC_BUFSIZE];
  return dup(arena, er_dec_format_trim(n, ER_DEC_PLACES, buf));
}

static const char *const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

const char *er_fmt_cn_numeral(er_arena *arena, int n) {
  if (n < 1 || n > 99)
    return er_arena_printf(arena, "%d", n);
  int tens = n / 10, ones = n % 10;
  return er_arena_printf(arena, "%s%s%s", tens > 1 ? digits[tens] : "", tens ? "十" : "",
                         ones ? digits[ones] : "");
}

const char *er_fmt_numbered(er_arena *arena, const char *pattern, int n) {
  const char *cn = strstr(pattern, "一"), *arabic = strchr(pattern, '1');
  if (cn && (!arabic || cn < arabic))
    return er_arena_printf(arena, "%.*s%s%s", (int)(cn - pattern), pattern,
                           er_fmt_cn_numeral(arena, n), cn + strlen("一"));
  if (arabic)
    return er_arena_printf(arena, "%.*s%d%s", (int)(arabic - pattern), pattern, n, arabic + 1);
  return pattern;
}

const char *er_fmt_heading_number(er_arena *arena, int level, int n) {
  switch (level) {
  case 1:
    return er_arena_printf(arena, "%s、", er_fmt_cn_numeral(arena, n));
  case 2:
    return er_arena_printf(arena, "（%s）", er_fmt_cn_numeral(arena, n));
  case 3:
    return er_arena_printf(arena, "%d.", n);
  default:
    return er_arena_printf(arena, "（%d）", n);
  }
}

const char *er_fmt_month(er_arena *arena, const er_date *d) {
  if (!d->set)
    return "";
  return er_arena_printf(arena, "%d年%d月", d->year, d->month);
}

const char *er_fmt_date(er_arena *arena, const er_date *d) {
  if (!d->set)
    return "";
  if (!d->day)
    return er_fmt_month(arena, d);
  return er_arena_printf(arena, "%d年%d月%d日", d->year, d->month, d->day);
}

const char *er_fmt_letter(er_arena *arena, size_t index) {
  if (index < 26)
    return er_arena_printf(arena, "%c", (char)('A' + index));
  return er_arena_printf(arena, "%c%c", (char)('A' + index / 26 - 1), (char)('A' + index % 26));
}
