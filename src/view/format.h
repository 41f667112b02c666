/* How figures, dates and numbering read in a report. Every function
 * returns text allocated in `arena`; numbers are exact decimals (er_dec),
 * rounded half-up once, here, for display. */
#ifndef ER_VIEW_FORMAT_H
#define ER_VIEW_FORMAT_H

#include "model/model.h"

/* An amount in 万元 with two decimals: "13571.19". `yuan` says the data
 * gives amounts in 元, which are divided by 10000 first. */
const char *er_fmt_amount(er_arena *arena, er_dec amount, bool yuan);
/* A percentage with two decimals and its sign: "98.42%". */
const char *er_fmt_percent(er_arena *arena, er_dec percent);
/* A percentage without the sign: "98.42". */
const char *er_fmt_rate(er_arena *arena, er_dec percent);
/* A score as score tables print it: rounded to `places` (2 or 3), written
 * without decimals when it is whole: "15", "41.38", "2.40", "2.025". */
const char *er_fmt_score(er_arena *arena, er_dec score, int places);
/* A weight (分值) as written: "15", "0.5". */
const char *er_fmt_weight(er_arena *arena, er_dec weight);
/* A plain number as written in the data: "86858", "2.5". */
const char *er_fmt_number(er_arena *arena, er_dec n);

/* Chinese numerals for 1–99: 一 … 十 十一 … 九十九 (other n: Arabic). */
const char *er_fmt_cn_numeral(er_arena *arena, int n);
/* The numbering of a heading at `level` (1–4): 一、 （一） 1. （1） */
const char *er_fmt_heading_number(er_arena *arena, int level, int n);
/* The n-th number of a pattern: "（一）" → "（三）", "1、" → "3、"; the first
 * 一 or 1 of the pattern stands for the number. */
const char *er_fmt_numbered(er_arena *arena, const char *pattern, int n);

/* "2019年12月"; "" when the date is not set. */
const char *er_fmt_month(er_arena *arena, const er_date *d);
/* "2023年6月12日", or the month when the date has no day. */
const char *er_fmt_date(er_arena *arena, const er_date *d);

/* A, B, … Z, then AA: the letter of a survey option. */
const char *er_fmt_letter(er_arena *arena, size_t index);

#endif
