/* The draft panel: every check finding, each linked to the part of the
 * report it concerns — an indicator's row where the finding names an
 * indicator code, else the part its kind of problem belongs to. */
#include "view/view_impl.h"

#include <string.h>

/* The part of the report a finding key concerns, for findings that carry
 * no indicator code. */
static const struct {
  const char *key, *part;
} key_parts[] = {
    {"sources-total", "funds"},    {"balance", "funds"},        {"overspent", "funds"},
    {"over-arrived", "funds"},     {"duplicate-fund", "funds"}, {"survey-count", "survey"},
    {"missing-actual", "targets"}, {"target-met", "targets"},   {"missing-met", "targets"},
    {"stated-total", "result"},    {"stated-grade", "result"},  {"total-weight", "result"},
    {"grade-order", "result"},     {"grade-floor", "result"},
};

/* The key in brackets at the end of a message: "… [band-gap]". */
static bool message_key(const char *message, char *key, size_t size) {
  size_t len = strlen(message);
  if (len < 3 || message[len - 1] != ']')
    return false;
  const char *open = strrchr(message, '[');
  if (!open || (size_t)(message + len - 1 - open - 1) >= size)
    return false;
  snprintf(key, size, "%.*s", (int)(message + len - 1 - open - 1), open + 1);
  return true;
}

static const char *target_of(const er_view *v, const er_finding *f) {
  if (f->anchor) {
    const char *id = er_view_marked(v, f->anchor);
    if (id)
      return id;
  }
  char key[64];
  if (!message_key(f->message, key, sizeof key))
    return "";
  for (size_t i = 0; i < sizeof key_parts / sizeof key_parts[0]; i++)
    if (strcmp(key, key_parts[i].key) == 0) {
      const char *id = er_view_marked(v, key_parts[i].part);
      return id ? id : "";
    }
  if (strncmp(key, "band", 4) == 0 || strcmp(key, "fraction-range") == 0) {
    const char *id = er_view_marked(v, "sheet");
    return id ? id : "";
  }
  return "";
}

void er_view_draft(er_view *v) {
  const er_diag *d = v->opts->findings;
  er_dict *draft = er_dict_add(v->root, "DRAFT");
  size_t count = d ? d->count : 0;
  er_dict_setf(draft, "COUNT", "%zu", count);
  er_dict_setf(draft, "ERRORS", "%zu", d ? d->errors : 0);
  er_dict_setf(draft, "WARNINGS", "%zu", d ? d->warnings : 0);
  er_dict_set(draft, "FILE", d && d->file ? d->file : "");
  if (!count) {
    er_dict_show(draft, "NO_FINDINGS");
    return;
  }
  for (size_t i = 0; i < count; i++) {
    const er_finding *f = &d->items[i];
    er_dict *item = er_dict_add(draft, "FINDING");
    bool error = f->severity == ER_ERROR;
    er_dict_set(item, "SEVERITY", error ? "错误" : "警告");
    er_dict_set(item, "CLASS", error ? "error" : "warning");
    er_dict_set(item, "WHERE",
                f->pos.line ? er_arena_printf(v->arena, "第%u行第%u列", f->pos.line, f->pos.col)
                            : "");
    er_dict_set(item, "MESSAGE", f->message);
    const char *target = target_of(v, f);
    er_dict_set(item, "TARGET", target);
  }
}
