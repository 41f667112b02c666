/* A small streaming JSON writer: objects, arrays, strings, exact decimals.
 * It tracks commas and indentation so callers write only the structure. */
#ifndef ER_JSON_H
#define ER_JSON_H

#include "model/decimal.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct er_json {
  FILE *out;
  int depth;
  bool first;     /* no member written yet at this depth */
  bool after_key; /* a key was written; the value follows on the same line */
} er_json;

void er_json_init(er_json *j, FILE *out);
void er_json_begin_object(er_json *j);
void er_json_end_object(er_json *j);
void er_json_begin_array(er_json *j);
void er_json_end_array(er_json *j);
void er_json_key(er_json *j, const char *key);
void er_json_string(er_json *j, const char *s); /* NULL writes null */
void er_json_number(er_json *j, er_dec v, int places);
void er_json_int(er_json *j, long long v);
void er_json_bool(er_json *j, bool v);
void er_json_null(er_json *j);
/* Ends the document with a newline. */
void er_json_finish(er_json *j);

#endif
