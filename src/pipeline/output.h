/* Writing outputs safely: every file is written to a temporary file in its
 * final directory and renamed over the target only when complete, so a
 * crash or an error never leaves a half-written report behind. */
#ifndef ER_OUTPUT_H
#define ER_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct er_output {
  char final_path[4096];
  char temp_path[4096];
} er_output;

/* Prepares DIR/NAME: creates DIR if needed and an empty temporary file
 * beside the target, DIR/.NAME.PID.XXXXXX, after removing the ones a
 * killed process left there. Returns false (with a message on stderr) on
 * failure. */
bool er_output_begin(er_output *o, const char *dir, const char *name);
/* Removes the temporary files of DIR/NAME whose processes no longer run
 * (a batch worker that crashed, a render killed with SIGKILL). */
void er_output_clean(const char *dir, const char *name);
/* Flushes the temporary file to the disk and renames it over the target. */
bool er_output_commit(er_output *o);
/* Removes the temporary file. */
void er_output_abort(er_output *o);
/* True when `a` and `b` name the same existing file. */
bool er_same_file(const char *a, const char *b);

#endif
