/* The subcommands of the evalreport command line. Each returns the exit
 * status: 0 success, 1 bad input or failed output, 2 usage error. */
#ifndef ER_CLI_H
#define ER_CLI_H

#include "model/model.h"

#include <stdio.h>

enum { ER_EXIT_OK = 0, ER_EXIT_INPUT = 1, ER_EXIT_USAGE = 2 };

int er_cmd_check(int argc, char **argv);
int er_cmd_score(int argc, char **argv);
int er_cmd_schema(int argc, char **argv);
int er_cmd_render(int argc, char **argv);
int er_cmd_init(int argc, char **argv);
int er_cmd_batch(int argc, char **argv);
int er_cmd_serve(int argc, char **argv);

/* Tunes malloc for a short run of one command (heap.c); call it first. */
void er_heap_for_one_run(void);

/* Prints a usage error for `cmd` and returns ER_EXIT_USAGE. */
int er_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
