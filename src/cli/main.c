/* evalreport: fiscal performance-evaluation reports from one data file. */
#include "cli/cli.h"
#include "model/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ER_VERSION "0.1.0"

static const char usage[] =
    "用法 (usage): evalreport COMMAND [OPTIONS]\n"
    "\n"
    "  check FILE            检查数据文件，列出全部问题 (check a data file)\n"
    "  score FILE [--json]   计算各级指标得分、总分和等级 (score the indicator tree)\n"
    "  render FILE [-o DIR] [--format html|pdf|xlsx] [--template NAME|DIR] [--draft]\n"
    "                        生成报告 (render the report and annex into DIR)\n"
    "  batch INPUT… -o OUTDIR [-j N] [--format F,…] [--template NAME|DIR]\n"
    "                        批量生成并写出汇总排名表 summary.csv / summary.xlsx\n"
    "                        (render many files and a ranked summary)\n"
    "  serve FILE [--port N] [--host ADDR] [--template NAME|DIR]\n"
    "                        本地预览草稿，改动后自动刷新 (live preview in a browser)\n"
    "  init [--kind full|self] [FILE]\n"
    "                        生成带中文注释的数据文件模板 (write a starter data file)\n"
    "  schema                输出数据格式的 JSON Schema (print the data format's JSON Schema)\n"
    "  version               输出版本 (print the version)\n"
    "\n"
    "退出状态 (exit status): 0 成功, 1 数据有错误, 2 用法错误\n";

int er_usage_error(const char *cmd, const char *fmt, ...) {
  char text[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  char *safe = er_term_text(text); /* it echoes arguments */
  fprintf(stderr, "evalreport %s: %s\n（evalreport help 查看用法）\n", cmd, safe ? safe : text);
  free(safe);
  return ER_EXIT_USAGE;
}

int main(int argc, char **argv) {
  static const struct {
    const char *name;
    int (*run)(int, char **);
  } commands[] = {{"check", er_cmd_check},
                  {"score", er_cmd_score},
                  {"schema", er_cmd_schema},
                  {"render", er_cmd_render},
                  {"init", er_cmd_init},
                  // clang-format off: one command a line
                  {"batch", er_cmd_batch},
                  {"serve", er_cmd_serve}};
  // clang-format on
  if (argc < 2 || strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
      strcmp(argv[1], "-h") == 0) {
    fputs(usage, argc < 2 ? stderr : stdout);
    return argc < 2 ? ER_EXIT_USAGE : ER_EXIT_OK;
  }
  if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
    puts("evalreport " ER_VERSION);
    return ER_EXIT_OK;
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(argv[1], commands[i].name) == 0)
      return commands[i].run(argc - 1, argv + 1);
  fprintf(stderr, "evalreport: 未知命令“%s” (unknown command)\n\n%s", argv[1], usage);
  return ER_EXIT_USAGE;
}
