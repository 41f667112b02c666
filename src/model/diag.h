/* Diagnostics: every finding carries the file, line and column it is about,
 * a severity, a message in Chinese and a stable English key, e.g.
 *
 *   samples/x.yaml:12:7: error: 未知字段“wieght”，是否为“weight”？ [unknown-key]
 */
#ifndef ER_DIAG_H
#define ER_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A place in the data file; line 0 means "the file as a whole". */
typedef struct er_pos {
  uint32_t line, col;
} er_pos;

typedef enum er_severity { ER_WARNING, ER_ERROR } er_severity;

typedef struct er_finding {
  er_severity severity;
  er_pos pos;
  char *message; /* Chinese text followed by " [key]" */
  char *anchor;  /* the report part it concerns (an indicator code …) or NULL */
  size_t seq;    /* order of discovery, to keep sorting stable */
} er_finding;

/* Findings kept: a hostile file can have millions (one per empty list
 * item); beyond this many they are counted, not kept. */
#define ER_DIAG_MAX 10000

typedef struct er_diag {
  const char *file;
  er_finding *items;
  size_t count, cap;
  size_t errors, warnings; /* all of them, kept or not */
  size_t dropped;          /* findings beyond ER_DIAG_MAX, not kept */
} er_diag;

void er_diag_init(er_diag *d, const char *file);
void er_diag_free(er_diag *d);

/* Adds a finding; `key` is the stable English key shown in brackets. */
void er_diag_add(er_diag *d, er_severity sev, er_pos pos, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
#define er_error(d, pos, key, ...) er_diag_add((d), ER_ERROR, (pos), (key), __VA_ARGS__)
#define er_warn(d, pos, key, ...) er_diag_add((d), ER_WARNING, (pos), (key), __VA_ARGS__)
/* Sets the anchor of the finding added last. */
void er_diag_anchor(er_diag *d, const char *anchor);

/* Orders findings by position (stable), so output reads top to bottom. */
void er_diag_sort(er_diag *d);
/* Prints "FILE:LINE:COL: error: message" lines, and a note of the
 * findings not kept. */
void er_diag_print(const er_diag *d, FILE *out);
/* Prints "FILE: N errors, M warnings" in Chinese and English. */
void er_diag_print_counts(const er_diag *d, FILE *out);
void er_diag_print_one(const er_diag *d, const er_finding *f, FILE *out);

/* Prints one line (no '\n' in fmt) to stderr, with the control characters
 * of what it echoes (paths, names) shown as escapes, as findings are. */
void er_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
