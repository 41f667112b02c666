/* The data format's JSON Schema (schema/evaluation.schema.json). */
#ifndef ER_SCHEMA_H
#define ER_SCHEMA_H

#include <stdio.h>

void er_schema_write(FILE *out);

#endif
