/* Command-line options the conventional way: "--name value" and
 * "--name=value", short forms ("-o DIR", "-oDIR"), "--" ending the
 * options, -h/--help anywhere, and a did-you-mean for a mistyped option. */
#ifndef ER_ARGS_H
#define ER_ARGS_H

#include <stdbool.h>
#include <stdio.h>

typedef struct er_opt {
  const char *name; /* "--format"; NULL ends the table */
  char short_name;  /* 'o', or 0 */
  bool takes_value;
} er_opt;

typedef struct er_args {
  const char *cmd; /* for messages: "render" */
  const er_opt *opts;
  int argc;
  char **argv;
  int i;              /* the next argument to look at */
  bool only_operands; /* after "--" */
  const char *value;  /* the option's value, or the operand */
} er_args;

enum {
  ER_ARG_END = -1,     /* no more arguments */
  ER_ARG_OPERAND = -2, /* a data file or other operand, in value */
  ER_ARG_HELP = -3,    /* -h or --help: the caller prints its help, exit 0 */
  ER_ARG_BAD = -4      /* a usage error, already printed: exit 2 */
};

/* Starts at argv[1] (argv[0] is the command's name). */
void er_args_init(er_args *a, const char *cmd, const er_opt *opts, int argc, char **argv);
/* The index in opts of the next option (its value in a->value), or one of
 * ER_ARG_END, ER_ARG_OPERAND, ER_ARG_HELP, ER_ARG_BAD. */
int er_args_next(er_args *a);

/* The help of one command (usage, options, examples) on stdout; false for
 * a command that does not exist. */
bool er_help_command(const char *cmd);
/* The help of every command, in short. */
void er_help_general(FILE *out);

#endif
