#include "cli/args.h"
#include "cli/cli.h"
#include "model/text.h"

#include <string.h>

void er_args_init(er_args *a, const char *cmd, const er_opt *opts, int argc, char **argv) {
  *a = (er_args){.cmd = cmd, .opts = opts, .argc = argc, .argv = argv, .i = 1};
}

/* "未知选项“--fromat”，是否为“--format”？" with the names this command knows. */
static int unknown(const er_args *a, const char *arg, size_t len) {
  char word[128];
  snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ? len : sizeof word - 1), arg);
  const char *names[32];
  size_t n = 0;
  for (const er_opt *o = a->opts; o->name && n < 30; o++)
    names[n++] = o->name;
  names[n++] = "--help";
  names[n] = NULL;
  const char *near = word[0] == '-' && word[1] == '-' ? er_nearest(word, names) : NULL;
  if (near)
    return er_usage_error(a->cmd, "未知选项“%s”，是否为“%s”？ (unknown option)", word, near),
           ER_ARG_BAD;
  return er_usage_error(a->cmd, "未知选项“%s” (unknown option)", word), ER_ARG_BAD;
}

static int take_value(er_args *a, const er_opt *o, const char *attached) {
  if (!o->takes_value) {
    if (attached)
      return er_usage_error(a->cmd, "选项 %s 不带值 (takes no value)", o->name), ER_ARG_BAD;
    a->value = NULL;
    return (int)(o - a->opts);
  }
  if (attached)
    a->value = attached;
  else if (a->i < a->argc)
    a->value = a->argv[a->i++];
  else
    return er_usage_error(a->cmd, "选项 %s 需要一个值 (needs a value)", o->name), ER_ARG_BAD;
  return (int)(o - a->opts);
}

int er_args_next(er_args *a) {
  if (a->i >= a->argc)
    return ER_ARG_END;
  const char *arg = a->argv[a->i++];
  if (a->only_operands || arg[0] != '-' || arg[1] == '\0') {
    a->value = arg; /* "-" alone is an operand too */
    return ER_ARG_OPERAND;
  }
  if (strcmp(arg, "--") == 0) {
    a->only_operands = true;
    return er_args_next(a);
  }
  if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
    return ER_ARG_HELP;
  if (arg[1] == '-') {
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    for (const er_opt *o = a->opts; o->name; o++)
      if (strlen(o->name) == len && strncmp(o->name, arg, len) == 0)
        return take_value(a, o, eq ? eq + 1 : NULL);
    return unknown(a, arg, len);
  }
  for (const er_opt *o = a->opts; o->name; o++)
    if (o->short_name && o->short_name == arg[1])
      return take_value(a, o, arg[2] ? arg + 2 : NULL);
  return unknown(a, arg, strlen(arg));
}
