/* evalreport check FILE [--json] [-q]: every finding on stderr, then a
 * count; with --json the same as one JSON object on stdout
 * (docs/check-json.md). */
#include "cli/args.h"
#include "cli/cli.h"
#include "model/check.h"
#include "model/json.h"
#include "model/load.h"
#include "model/schema.h"

#include <stdlib.h>
#include <string.h>

/* The message without its " [key]", and the key. */
static void json_finding(er_json *j, const er_finding *f) {
  const char *msg = f->message, *open = strrchr(msg, '[');
  size_t len = open && open > msg + 1 ? (size_t)(open - msg - 1) : strlen(msg);
  char key[128] = "";
  if (open)
    snprintf(key, sizeof key, "%.*s", (int)strcspn(open + 1, "]"), open + 1);
  char *text = strndup(msg, len);
  er_json_begin_object(j);
  er_json_key(j, "severity");
  er_json_string(j, f->severity == ER_ERROR ? "error" : "warning");
  er_json_key(j, "line");
  er_json_int(j, f->pos.line);
  er_json_key(j, "column");
  er_json_int(j, f->pos.col);
  er_json_key(j, "key");
  er_json_string(j, key);
  er_json_key(j, "message");
  er_json_string(j, text ? text : msg);
  free(text);
  er_json_key(j, "anchor");
  er_json_string(j, f->anchor);
  er_json_end_object(j);
}

static void print_json(const er_diag *d, bool renderable) {
  er_json j;
  er_json_init(&j, stdout);
  er_json_begin_object(&j);
  er_json_key(&j, "version");
  er_json_int(&j, 1);
  er_json_key(&j, "file");
  er_json_string(&j, d->file);
  er_json_key(&j, "renderable");
  er_json_bool(&j, renderable);
  er_json_key(&j, "errors");
  er_json_int(&j, (long long)d->errors);
  er_json_key(&j, "warnings");
  er_json_int(&j, (long long)d->warnings);
  er_json_key(&j, "not_listed");
  er_json_int(&j, (long long)d->dropped);
  er_json_key(&j, "findings");
  er_json_begin_array(&j);
  for (size_t i = 0; i < d->count; i++)
    json_finding(&j, &d->items[i]);
  er_json_end_array(&j);
  er_json_end_object(&j);
  er_json_finish(&j);
}

int er_cmd_check(int argc, char **argv) {
  static const er_opt opts[] = {{"--json", 0, false}, {"--quiet", 'q', false}, {0}};
  enum { JSON, QUIET };
  bool json = false, quiet = false;
  const char *file = NULL;
  er_args a;
  er_args_init(&a, "check", opts, argc, argv);
  for (int k; (k = er_args_next(&a)) != ER_ARG_END;) {
    if (k == ER_ARG_HELP)
      return er_help_command("check"), ER_EXIT_OK;
    if (k == ER_ARG_BAD)
      return ER_EXIT_USAGE;
    if (k == JSON)
      json = true;
    else if (k == QUIET)
      quiet = true;
    else if (file)
      return er_usage_error("check", "只能给一个数据文件 (one data file only)");
    else
      file = a.value;
  }
  if (!file)
    return er_usage_error("check",
                          "需要一个数据文件 (expects one data file): evalreport check FILE");
  er_diag d;
  er_diag_init(&d, file);
  er_eval *ev = er_evaluate(file, &d);
  bool renderable = er_renderable(ev, &d);
  if (json)
    print_json(&d, renderable);
  else if (!quiet) {
    er_diag_print(&d, stderr);
    er_diag_print_counts(&d, stderr);
  }
  er_eval_free(ev);
  er_diag_free(&d);
  return renderable ? ER_EXIT_OK : ER_EXIT_INPUT;
}

int er_cmd_schema(int argc, char **argv) {
  if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
    return er_help_command("schema"), ER_EXIT_OK;
  if (argc != 1)
    return er_usage_error("schema", "不需要参数 (takes no arguments)");
  er_schema_write(stdout);
  return ER_EXIT_OK;
}
