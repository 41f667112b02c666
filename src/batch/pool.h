/* A pool of forked worker processes. Workers claim jobs themselves from a
 * counter in shared memory, so none waits for the parent between files and
 * a slow file never holds up the others; each sends its results back
 * through its own pipe. A worker that crashes costs only the job it was on
 * (a new worker takes its place). Processes rather than threads: the
 * writers' libraries are not all thread-safe, and a crash stays in its
 * process. */
#ifndef ER_BATCH_POOL_H
#define ER_BATCH_POOL_H

#include <stdbool.h>
#include <stddef.h>

/* In a worker: runs job `index` and returns its result as a malloc'd
 * buffer in *out (its length is returned). */
typedef size_t (*er_pool_job_fn)(size_t index, unsigned char **out, void *ctx);
/* In the parent, in completion order: the result of job `index`, or
 * data == NULL and `crash` saying how its worker died. */
typedef void (*er_pool_done_fn)(size_t index, const unsigned char *data, size_t len,
                                const char *crash, void *ctx);
/* In the parent, about five times a second and after each result. */
typedef void (*er_pool_tick_fn)(void *ctx);

typedef struct er_pool_stats {
  bool interrupted;   /* SIGINT or SIGTERM: jobs not started were skipped */
  bool worker_failed; /* a worker crashed or exited with a nonzero status */
  size_t started;     /* jobs handed out */
} er_pool_stats;

/* Runs jobs 0 … count−1 on `workers` processes. Blocks until every worker
 * has exited. */
void er_pool_run(size_t count, size_t workers, er_pool_job_fn job, er_pool_done_fn done,
                 er_pool_tick_fn tick, void *ctx, er_pool_stats *stats);

/* The number of processors this process may run on (at least 1). */
size_t er_pool_cpus(void);

#endif
