/* evalreport: fiscal performance-evaluation reports from one data file. */
#include "cli/args.h"
#include "cli/cli.h"
#include "model/text.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ER_VERSION "0.1.0"

extern const char *const er_command_names[];

int er_usage_error(const char *cmd, const char *fmt, ...) {
  char text[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  char *safe = er_term_text(text); /* it echoes arguments */
  fprintf(stderr, "evalreport %s: %s\n（evalreport help %s 查看用法）\n", cmd, safe ? safe : text,
          cmd);
  free(safe);
  return ER_EXIT_USAGE;
}

/* "未知命令“rendr”，是否为“render”？" */
static int unknown_command(const char *in, const char *name) {
  char *safe = er_term_text(name);
  const char *near = er_nearest(name, (const char *const *)er_command_names);
  fprintf(stderr, "evalreport%s%s: 未知命令“%s”%s%s%s (unknown command)\n", in ? " " : "",
          in ? in : "", safe ? safe : name, near ? "，是否为“" : "", near ? near : "",
          near ? "”？" : "");
  fputs("（evalreport help 列出全部命令）\n", stderr);
  free(safe);
  return ER_EXIT_USAGE;
}

int main(int argc, char **argv) {
  static const struct {
    const char *name;
    int (*run)(int, char **);
    bool one_run; /* one document, then exit: see heap.c */
  } commands[] = {{"check", er_cmd_check, true},   {"score", er_cmd_score, true},
                  {"schema", er_cmd_schema, true}, {"render", er_cmd_render, true},
                  {"init", er_cmd_init, true},     {"batch", er_cmd_batch, false},
                  {"serve", er_cmd_serve, false}};
  if (argc < 2) {
    er_help_general(stderr);
    return ER_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
    er_help_general(stdout);
    return ER_EXIT_OK;
  }
  if (strcmp(cmd, "help") == 0) {
    if (argc == 2) {
      er_help_general(stdout);
      return ER_EXIT_OK;
    }
    if (argc == 3 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0))
      return er_help_command("help"), ER_EXIT_OK;
    if (argc == 3 && er_help_command(argv[2]))
      return ER_EXIT_OK;
    return unknown_command("help", argv[2]);
  }
  if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
    if (argc > 2 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
      er_help_command("version");
      return ER_EXIT_OK;
    }
    puts("evalreport " ER_VERSION);
    return ER_EXIT_OK;
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(cmd, commands[i].name) == 0) {
      if (commands[i].one_run)
        er_heap_for_one_run();
      return commands[i].run(argc - 1, argv + 1);
    }
  return unknown_command(NULL, cmd);
}
