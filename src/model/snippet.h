/* The data file's line under a finding, with a caret at its column, as a
 * terminal shows it: colour only on a terminal, never with NO_COLOR set.
 *
 *   samples/x.yaml:12:7: error: 未知字段“wieght”，是否为“weight”？ [unknown-key]
 *      12 |   wieght: 10
 *         |   ^
 */
#ifndef ER_SNIPPET_H
#define ER_SNIPPET_H

#include "model/diag.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct er_srcfile {
  char *text; /* the whole file, or NULL when it could not be read */
  size_t len;
  uint32_t line; /* a line found before, to walk on from in sorted order */
  size_t off;    /* where it starts */
} er_srcfile;

/* Reads the file (not beyond 256 MB); false when it cannot. */
bool er_srcfile_open(er_srcfile *s, const char *path);
void er_srcfile_close(er_srcfile *s);

/* Line `line` (from 1) of the file, without its newline (length in *len),
 * or NULL when the file has no such line. */
const char *er_srcfile_line(er_srcfile *s, uint32_t line, size_t *len);

/* Whether `out` is a terminal, and whether to colour what goes there. */
bool er_term_is(FILE *out);
bool er_term_color(FILE *out);

/* Prints the line of `pos` and a caret under its column (a character
 * count from 1); nothing for line 0 or a line the file does not have. */
void er_snippet_print(er_srcfile *s, er_pos pos, bool color, FILE *out);

/* ANSI sequences, or "" without colour. */
#define ER_SGR(color, code) ((color) ? "\033[" code "m" : "")

#endif
