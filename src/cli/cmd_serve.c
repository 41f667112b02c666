/* evalreport serve FILE [--port N] [--host ADDR] [--template NAME|DIR] */
#include "cli/args.h"
#include "cli/cli.h"
#include "model/diag.h"
#include "serve/serve.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int er_cmd_serve(int argc, char **argv) {
  er_serve_config cfg = {.host = "127.0.0.1", .port = -1};
  static const er_opt opts[] = {
      {"--port", 0, true}, {"--host", 0, true}, {"--template", 0, true}, {0}};
  enum { PORT, HOST, TEMPLATE };
  er_args a;
  er_args_init(&a, "serve", opts, argc, argv);
  for (int k; (k = er_args_next(&a)) != ER_ARG_END;) {
    if (k == ER_ARG_HELP)
      return er_help_command("serve"), ER_EXIT_OK;
    if (k == ER_ARG_BAD)
      return ER_EXIT_USAGE;
    if (k == PORT) {
      char *end;
      long port = strtol(a.value, &end, 10);
      if (!*a.value || *end || port < 0 || port > 65535)
        return er_usage_error("serve", "端口应为 0 到 65535 之间的整数 (0: 任一空闲端口)");
      cfg.port = (int)port;
    } else if (k == HOST)
      cfg.host = a.value;
    else if (k == TEMPLATE)
      cfg.template_name = a.value;
    else if (cfg.file)
      return er_usage_error("serve", "只能给一个数据文件 (one data file only)");
    else
      cfg.file = a.value;
  }
  if (!cfg.file)
    return er_usage_error("serve",
                          "需要一个数据文件: evalreport serve FILE [--port N] [--host ADDR]");
  struct stat st;
  if (stat(cfg.file, &st) != 0 || !S_ISREG(st.st_mode)) {
    er_say("evalreport serve: %s: 数据文件不存在或不是普通文件 (no such data file)", cfg.file);
    return ER_EXIT_INPUT;
  }
  return er_serve_run(&cfg) ? ER_EXIT_OK : ER_EXIT_INPUT;
}
