/* evalreport check FILE: every finding, then a count. */
#include "cli/cli.h"
#include "model/check.h"
#include "model/load.h"
#include "model/schema.h"

#include <string.h>

int er_cmd_check(int argc, char **argv) {
  if (argc != 2 || argv[1][0] == '-')
    return er_usage_error("check",
                          "需要一个数据文件 (expects one data file): evalreport check FILE");
  er_diag d;
  er_diag_init(&d, argv[1]);
  er_eval *ev = er_evaluate(argv[1], &d);
  er_diag_print(&d, stdout);
  er_diag_print_counts(&d, stdout);
  int status = er_renderable(ev, &d) ? ER_EXIT_OK : ER_EXIT_INPUT;
  er_eval_free(ev);
  er_diag_free(&d);
  return status;
}

int er_cmd_schema(int argc, char **argv) {
  (void)argv;
  if (argc != 1)
    return er_usage_error("schema", "不需要参数 (takes no arguments)");
  er_schema_write(stdout);
  return ER_EXIT_OK;
}
