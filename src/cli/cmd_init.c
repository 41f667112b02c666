/* evalreport init [--kind full|self] [--outline] [FILE]: a starter data
 * file with Chinese comments on every field, that passes check and renders;
 * with --outline it carries the built-in outline of its kind to edit. */
#include "cli/args.h"
#include "cli/cli.h"
#include "model/text.h"
#include "pipeline/output.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

extern const char er_init_full[], er_init_self[];
extern const char er_outline_full[], er_outline_self[];

static int write_new(const char *path, const char *shown, const char *text) {
  struct stat st;
  if (stat(path, &st) == 0) {
    fprintf(stderr, "evalreport init: %s 已存在，不会覆盖 (exists; not overwritten)\n", shown);
    return ER_EXIT_INPUT;
  }
  char dir_buf[4096], name_buf[4096];
  snprintf(dir_buf, sizeof dir_buf, "%s", path);
  snprintf(name_buf, sizeof name_buf, "%s", path);
  er_output out;
  if (!er_output_begin(&out, dirname(dir_buf), basename(name_buf)))
    return ER_EXIT_INPUT;
  FILE *f = fopen(out.temp_path, "wb");
  bool ok = f && fputs(text, f) >= 0;
  ok = f && fclose(f) == 0 && ok;
  if (!ok) {
    perror("evalreport init");
    er_output_abort(&out);
    return ER_EXIT_INPUT;
  }
  if (!er_output_commit(&out))
    return ER_EXIT_INPUT;
  fprintf(stderr, "已写入 %s；填好后运行 evalreport check %s\n", shown, shown);
  return ER_EXIT_OK;
}

static int write_new_file(const char *path, const char *text) {
  char *shown = er_term_text(path); /* the name as a message may show it */
  int status = write_new(path, shown ? shown : path, text);
  free(shown);
  return status;
}

int er_cmd_init(int argc, char **argv) {
  const char *kind = "full", *file = NULL;
  bool outline = false;
  static const er_opt opts[] = {{"--kind", 0, true}, {"--outline", 0, false}, {0}};
  enum { KIND, OUTLINE };
  er_args a;
  er_args_init(&a, "init", opts, argc, argv);
  for (int k; (k = er_args_next(&a)) != ER_ARG_END;) {
    if (k == ER_ARG_HELP)
      return er_help_command("init"), ER_EXIT_OK;
    if (k == ER_ARG_BAD)
      return ER_EXIT_USAGE;
    if (k == KIND)
      kind = a.value;
    else if (k == OUTLINE)
      outline = true;
    else if (file)
      return er_usage_error("init", "只能给一个文件名 (one file only)");
    else
      file = a.value;
  }
  const char *text = strcmp(kind, "full") == 0   ? er_init_full
                     : strcmp(kind, "self") == 0 ? er_init_self
                                                 : NULL;
  if (!text)
    return er_usage_error("init", "--kind 应为 full 或 self");
  if (outline) {
    const char *o = strcmp(kind, "full") == 0 ? er_outline_full : er_outline_self;
    size_t len = strlen(text) + strlen(o) + 2;
    char *both = malloc(len);
    if (!both)
      return ER_EXIT_INPUT;
    snprintf(both, len, "%s\n%s", text, o);
    int status = file ? write_new_file(file, both) : (fputs(both, stdout), ER_EXIT_OK);
    free(both);
    return status;
  }
  if (!file) {
    fputs(text, stdout);
    return ER_EXIT_OK;
  }
  return write_new_file(file, text);
}
