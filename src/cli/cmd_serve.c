/* evalreport serve FILE [--port N] [--host ADDR] [--template NAME|DIR] */
#include "cli/cli.h"
#include "serve/serve.h"

#include <stdlib.h>
#include <string.h>

int er_cmd_serve(int argc, char **argv) {
  er_serve_config cfg = {.host = "127.0.0.1", .port = -1};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    bool has_value = i + 1 < argc;
    if (strcmp(a, "--port") == 0 && has_value) {
      char *end;
      long port = strtol(argv[++i], &end, 10);
      if (!*argv[i] || *end || port < 0 || port > 65535)
        return er_usage_error("serve", "端口应为 0 到 65535 之间的整数 (0: 任一空闲端口)");
      cfg.port = (int)port;
    } else if (strcmp(a, "--host") == 0 && has_value)
      cfg.host = argv[++i];
    else if (strcmp(a, "--template") == 0 && has_value)
      cfg.template_name = argv[++i];
    else if (a[0] == '-')
      return er_usage_error("serve", "未知选项或缺少参数“%s”", a);
    else if (cfg.file)
      return er_usage_error("serve", "只能给一个数据文件 (one data file only)");
    else
      cfg.file = a;
  }
  if (!cfg.file)
    return er_usage_error("serve",
                          "需要一个数据文件: evalreport serve FILE [--port N] [--host ADDR]");
  return er_serve_run(&cfg) ? ER_EXIT_OK : ER_EXIT_INPUT;
}
