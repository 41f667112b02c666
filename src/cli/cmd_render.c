/* evalreport render FILE [-o DIR] [--format F]… [--template NAME|DIR] [--draft] */
#include "cli/cli.h"
#include "cli/output.h"
#include "cli/render.h"
#include "model/check.h"
#include "model/load.h"

#include <libgen.h>
#include <string.h>

#define MAX_FORMATS 8

static const er_format *find_format(const char *name) {
  for (const er_format *f = er_formats; f->name; f++)
    if (strcmp(f->name, name) == 0)
      return f;
  return NULL;
}

/* The output base name: the data file's name without its extension. */
static void base_name(const char *file, char *out, size_t size) {
  char copy[4096];
  snprintf(copy, sizeof copy, "%s", file);
  snprintf(out, size, "%s", basename(copy));
  char *dot = strrchr(out, '.');
  if (dot && dot != out)
    *dot = '\0';
}

static bool write_one(const er_format *f, const er_eval *ev, const er_render_opts *opts,
                      const char *dir, const char *base, const char *input, er_diag *d) {
  char name[1024];
  snprintf(name, sizeof name, "%s%s", base, f->suffix);
  er_output out;
  if (!er_output_begin(&out, dir, name))
    return false;
  if (er_same_file(out.final_path, input)) {
    fprintf(stderr, "evalreport render: 输出 %s 会覆盖输入文件，已停止\n", out.final_path);
    er_output_abort(&out);
    return false;
  }
  if (!f->write(ev, opts, out.temp_path, d)) {
    er_output_abort(&out);
    return false;
  }
  if (!er_output_commit(&out))
    return false;
  printf("%s\n", out.final_path);
  return true;
}

int er_cmd_render(int argc, char **argv) {
  const char *file = NULL, *dir = ".";
  er_render_opts opts = {0};
  const er_format *chosen[MAX_FORMATS];
  size_t nchosen = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    bool has_value = i + 1 < argc;
    if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && has_value)
      dir = argv[++i];
    else if (strcmp(a, "--format") == 0 && has_value) {
      const er_format *f = find_format(argv[++i]);
      if (!f)
        return er_usage_error("render", "未知格式“%s” (unknown format)", argv[i]);
      if (nchosen < MAX_FORMATS)
        chosen[nchosen++] = f;
    } else if (strcmp(a, "--template") == 0 && has_value)
      opts.template_name = argv[++i];
    else if (strcmp(a, "--draft") == 0)
      opts.draft = true;
    else if (a[0] == '-')
      return er_usage_error("render", "未知选项或缺少参数“%s”", a);
    else if (file)
      return er_usage_error("render", "只能给一个数据文件 (one data file only)");
    else
      file = a;
  }
  if (!file)
    return er_usage_error("render",
                          "需要一个数据文件: evalreport render FILE [-o DIR] [--format F]");
  if (nchosen == 0)
    for (const er_format *f = er_formats; f->name && nchosen < MAX_FORMATS; f++)
      chosen[nchosen++] = f;
  if (nchosen == 0) {
    fputs("evalreport render: 这个版本没有可用的输出格式\n", stderr);
    return ER_EXIT_USAGE;
  }

  er_diag d;
  er_diag_init(&d, file);
  er_eval *ev = er_evaluate(file, &d);
  er_diag_print(&d, stderr);
  int status = ER_EXIT_OK;
  /* a draft shows the findings; a final report is only made from clean data */
  if ((d.errors && !opts.draft) || !ev->indicators.count) {
    er_print_counts(&d, stderr);
    status = ER_EXIT_INPUT;
  } else {
    char base[1024];
    base_name(file, base, sizeof base);
    opts.findings = &d;
    er_diag write_diag;
    er_diag_init(&write_diag, file);
    for (size_t i = 0; i < nchosen; i++)
      if (!write_one(chosen[i], ev, &opts, dir, base, file, &write_diag))
        status = ER_EXIT_INPUT;
    er_diag_print(&write_diag, stderr);
    er_diag_free(&write_diag);
  }
  er_eval_free(ev);
  er_diag_free(&d);
  return status;
}
