/* One unit's row of a batch summary: what a bureau compares across units,
 * kept as the engine's exact decimals. Workers send rows to the parent
 * process as bytes (er_unit_encode / er_unit_decode). */
#ifndef ER_BATCH_UNIT_H
#define ER_BATCH_UNIT_H

#include "model/model.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct er_unit_dim {
  char *name;   /* first-level indicator name */
  er_dec score; /* unrounded */
  er_dec rate;  /* percent */
  int places;   /* decimals the engine shows the score with */
  bool valid;   /* scored */
} er_unit_dim;

typedef struct er_unit {
  size_t index; /* in the batch's input list */
  bool ok;      /* rendered; the row counts */
  char *error;  /* when not ok: the first error, "FILE:LINE:COL: error: …" */
  char *project;
  er_dec total;
  char *grade; /* NULL when the total has none */
  bool execution_defined;
  er_dec execution_rate; /* percent, of all fund items */
  er_unit_dim *dims;
  size_t ndims;
} er_unit;

/* Fills the row of a scored evaluation (ok is left to the caller). */
void er_unit_from_eval(er_unit *u, const er_eval *ev);
/* Encodes u into a malloc'd buffer; returns its length. */
size_t er_unit_encode(const er_unit *u, unsigned char **out);
/* Decodes bytes made by er_unit_encode; false when they are malformed. */
bool er_unit_decode(er_unit *u, const unsigned char *data, size_t len);
void er_unit_free(er_unit *u);

#endif
