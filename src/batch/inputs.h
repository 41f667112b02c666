/* The data files a batch renders: files as given, directories expanded to
 * their *.yaml, *.yml and *.json files sorted by name. */
#ifndef ER_BATCH_INPUTS_H
#define ER_BATCH_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct er_input_id {
  unsigned long long dev, ino; /* of the file, to skip one given twice */
  bool known;                  /* it exists */
} er_input_id;

typedef struct er_inputs {
  char **paths;
  er_input_id *ids;
  size_t count, cap;
} er_inputs;

/* Adds a file, or the data files of a directory (not its subdirectories).
 * A path that names the same file as one already added is skipped. Returns
 * false, with a message on stderr, when a directory cannot be read. */
bool er_inputs_add(er_inputs *in, const char *path);
/* True when `name` ends in .yaml, .yml or .json (any case). */
bool er_inputs_is_data_name(const char *name);
/* Checks that no two inputs write outputs of the same base name; prints the
 * first clash on stderr and returns false if two do. */
bool er_inputs_unique_bases(const er_inputs *in);
void er_inputs_free(er_inputs *in);

#endif
