/* evalreport render FILE [-o DIR] [--format F]… [--template NAME|DIR] [--draft] */
#include "cli/args.h"
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
  static const er_opt opts[] = {{"--output", 'o', true},
                                {"--format", 0, true},
                                {"--template", 0, true},
                                {"--draft", 0, false},
                                {0}};
  enum { OUTPUT, FORMAT, TEMPLATE, DRAFT };
  er_args a;
  er_args_init(&a, "render", opts, argc, argv);
  for (int k; (k = er_args_next(&a)) != ER_ARG_END;) {
    if (k == ER_ARG_HELP)
      return er_help_command("render"), ER_EXIT_OK;
    if (k == ER_ARG_BAD)
      return ER_EXIT_USAGE;
    if (k == OUTPUT)
      rq.dir = a.value;
    else if (k == FORMAT) {
      const er_format *f = er_format_find(a.value);
      if (!f)
        return er_usage_error("render", "未知格式“%s” (unknown format)", a.value);
      if (nchosen < MAX_FORMATS)
        chosen[nchosen++] = f;
    } else if (k == TEMPLATE)
      rq.opts.template_name = a.value;
    else if (k == DRAFT)
      rq.opts.draft = true;
    else if (rq.file)
      return er_usage_error("render", "只能给一个数据文件 (one data file only)");
    else
      rq.file = a.value;
  }
  if (!rq.file)
    return er_usage_error("render",
                          "需要一个数据文件: evalreport render FILE [-o DIR] [--format F]");
  if (nchosen == 0)
    for (const er_format *f = er_formats; f->name && nchosen < MAX_FORMATS; f++)
      if (!f->on_request)
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
  if (res.refused && !rq.opts.draft && res.ev && res.ev->indicators.count > 0)
    fprintf(stderr, "evalreport render: 数据有错误，未生成报告；改正后重试，或加 --draft 生成"
                    "列出全部问题的草稿 (fix the errors, or add --draft for a draft)\n");
  er_render_result_free(&res);
  return ok ? ER_EXIT_OK : ER_EXIT_INPUT;
}
