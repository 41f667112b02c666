/* evalreport render FILE [-o DIR] [--format F]… [--template NAME|DIR] [--draft] */
#include "cli/cli.h"
#include "model/check.h"
#include "model/load.h"
#include "pipeline/output.h"
#include "pipeline/pipeline.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FORMATS 8

int er_cmd_render(int argc, char **argv) {
  er_render_request rq = {.dir = "."};
  const er_format *chosen[MAX_FORMATS];
  size_t nchosen = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    bool has_value = i + 1 < argc;
    if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && has_value)
      rq.dir = argv[++i];
    else if (strcmp(a, "--format") == 0 && has_value) {
      const er_format *f = er_format_find(argv[++i]);
      if (!f)
        return er_usage_error("render", "未知格式“%s” (unknown format)", argv[i]);
      if (nchosen < MAX_FORMATS)
        chosen[nchosen++] = f;
    } else if (strcmp(a, "--template") == 0 && has_value)
      rq.opts.template_name = argv[++i];
    else if (strcmp(a, "--draft") == 0)
      rq.opts.draft = true;
    else if (a[0] == '-')
      return er_usage_error("render", "未知选项或缺少参数“%s”", a);
    else if (rq.file)
      return er_usage_error("render", "只能给一个数据文件 (one data file only)");
    else
      rq.file = a;
  }
  if (!rq.file)
    return er_usage_error("render",
                          "需要一个数据文件: evalreport render FILE [-o DIR] [--format F]");
  if (nchosen == 0)
    for (const er_format *f = er_formats; f->name && nchosen < MAX_FORMATS; f++)
      chosen[nchosen++] = f;
  if (nchosen == 0) {
    fputs("evalreport render: 这个版本没有可用的输出格式\n", stderr);
    return ER_EXIT_USAGE;
  }
  rq.formats = chosen;
  rq.nformats = nchosen;
  rq.verbose = true;
  er_render_result res;
  bool ok = er_render_file(&rq, &res);
  er_render_result_free(&res);
  return ok ? ER_EXIT_OK : ER_EXIT_INPUT;
}
