/* The little languages inside data values: band conditions as printed on
 * score sheets ("90% ≤ x < 100%") and target values ("≥31000人"). */
#ifndef ER_EXPR_H
#define ER_EXPR_H

#include "model/decimal.h"

#include <stdbool.h>

/* An interval of x: lo < x < hi with either end open, closed or absent. */
typedef struct er_interval {
  bool has_lo, has_hi;
  bool lo_incl, hi_incl;
  er_dec lo, hi;
  bool percent;  /* its numbers carry % */
  bool unitless; /* all its numbers are 0, which needs no % */
} er_interval;

/* Parses a band condition. On failure returns false and sets *why to a
 * short Chinese explanation. */
bool er_interval_parse(const char *s, er_interval *out, const char **why);
bool er_interval_contains(const er_interval *iv, er_dec x);
/* Orders intervals by lower end (absent first), then by lower inclusion. */
int er_interval_cmp_lo(const er_interval *a, const er_interval *b);
/* How the end of `a` meets the start of `b` (a sorted before b):
 * 0 they meet exactly, >0 they overlap, <0 a gap lies between. */
int er_interval_meet(const er_interval *a, const er_interval *b);

typedef enum er_cmp { ER_CMP_NONE, ER_CMP_EQ, ER_CMP_LT, ER_CMP_LE, ER_CMP_GT, ER_CMP_GE } er_cmp;

/* A target or actual value: "≥90%", "31000人", or words ("每月10日前"). */
typedef struct er_measure {
  bool numeric;
  er_cmp cmp;
  er_dec value;
  bool percent;
  char unit[48];
} er_measure;

void er_measure_parse(const char *s, er_measure *out);
/* Whether `actual` meets `target` (both numeric, same unit); a target with
 * no comparator is a floor, one with = must be met exactly. */
bool er_measure_met(const er_measure *target, const er_measure *actual);

#endif
