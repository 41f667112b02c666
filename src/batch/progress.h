/* A one-line progress bar on stderr: done/total, files per second and the
 * time left. Silent when stderr is not a terminal. */
#ifndef ER_BATCH_PROGRESS_H
#define ER_BATCH_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct er_progress {
  bool on;
  size_t total, done, drawn;
  double start, last_draw; /* seconds, monotonic */
} er_progress;

/* Starts the clock; draws only when `on` (callers pass isatty(2)). */
void er_progress_start(er_progress *p, size_t total, bool on);
/* Sets the count done and redraws, at most ten times a second unless the
 * count reached the total. */
void er_progress_update(er_progress *p, size_t done);
/* Clears the line. */
void er_progress_finish(er_progress *p);
/* Seconds since er_progress_start. */
double er_progress_elapsed(const er_progress *p);

#endif
