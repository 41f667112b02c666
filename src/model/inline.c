/* The inline marks of prose: **strong**, [^footnote], {reference}. */
#include "model/inline.h"

#include <string.h>

const er_ref_kind er_ref_kinds[] = {
    {"total", ER_REF_NONE},
    {"grade", ER_REF_NONE},
    {"total_weight", ER_REF_NONE},
    {"total_rate", ER_REF_NONE},
    {"bonus", ER_REF_NONE},
    {"name", ER_REF_CODE},
    {"weight", ER_REF_CODE},
    {"score", ER_REF_CODE},
    {"rate", ER_REF_CODE},
    {"deducted", ER_REF_CODE},
    {"funds.initial", ER_REF_NONE},
    {"funds.planned", ER_REF_NONE},
    {"funds.arrived", ER_REF_NONE},
    {"funds.spent", ER_REF_NONE},
    {"funds.balance", ER_REF_NONE},
    {"funds.arrival_rate", ER_REF_NONE},
    {"funds.execution_rate", ER_REF_NONE},
    {"funds.sources", ER_REF_NONE},
    {"project.name", ER_REF_NONE},
    {"project.title", ER_REF_NONE},
    {"project.year", ER_REF_NONE},
    {"project.region", ER_REF_NONE},
    {"project.department", ER_REF_NONE},
    {"project.implementer", ER_REF_NONE},
    {"project.commissioner", ER_REF_NONE},
    {"project.evaluator", ER_REF_NONE},
    {"project.basis", ER_REF_NONE},
    {"project.period", ER_REF_NONE},
    {"project.report_month", ER_REF_NONE},
    {"form.title", ER_REF_NONE},
    {"respondents", ER_REF_GROUP},
    {"table", ER_REF_ID},
    {"figure", ER_REF_ID},
    {NULL, ER_REF_NONE},
};

const er_ref_kind *er_ref_kind_find(const char *name, size_t len) {
  for (const er_ref_kind *k = er_ref_kinds; k->name; k++)
    if (strlen(k->name) == len && memcmp(k->name, name, len) == 0)
      return k;
  return NULL;
}

typedef struct parser {
  const char *text;
  er_span_fn fn;
  void *ctx;
  bool strong;
} parser;

static void emit(parser *p, er_span_kind kind, const char *s, size_t len, const char *arg,
                 size_t arg_len) {
  if (kind == ER_SPAN_TEXT && !len)
    return;
  er_span sp = {kind, s, len, arg, arg_len, p->strong, (size_t)(s - p->text)};
  p->fn(&sp, p->ctx);
}

bool er_inline_parse(const char *text, er_span_fn fn, void *ctx, const char **error,
                     size_t *error_offset) {
  parser p = {text, fn, ctx, false};
  const char *run = text, *strong_at = NULL;
  for (const char *c = text; *c;) {
    if ((c[0] == '{' && c[1] == '{') || (c[0] == '}' && c[1] == '}')) {
      emit(&p, ER_SPAN_TEXT, run, (size_t)(c - run) + 1, NULL, 0); /* one brace */
      run = c += 2;
    } else if (c[0] == '*' && c[1] == '*') {
      emit(&p, ER_SPAN_TEXT, run, (size_t)(c - run), NULL, 0);
      p.strong = !p.strong;
      strong_at = c;
      run = c += 2;
    } else if (c[0] == '{') {
      const char *end = strchr(c, '}');
      const char *colon = memchr(c, ':', end ? (size_t)(end - c) : 0);
      if (!end || end == c + 1 || colon == c + 1 || (colon && colon + 1 == end)) {
        *error = end ? "引用“{}”中缺少名称，如 {total}、{score:A1}（字面的花括号写作 {{ 和 }}）"
                     : "引用缺少右花括号“}”（字面的花括号写作 {{ 和 }}）";
        *error_offset = (size_t)(c - text);
        return false;
      }
      emit(&p, ER_SPAN_TEXT, run, (size_t)(c - run), NULL, 0);
      const char *name_end = colon ? colon : end;
      emit(&p, ER_SPAN_REF, c + 1, (size_t)(name_end - c - 1), colon ? colon + 1 : NULL,
           colon ? (size_t)(end - colon - 1) : 0);
      run = c = end + 1;
    } else if (c[0] == '[' && c[1] == '^') {
      const char *end = strchr(c, ']');
      if (!end || end == c + 2) {
        *error = end ? "脚注“[^]”是空的" : "脚注缺少右方括号“]”";
        *error_offset = (size_t)(c - text);
        return false;
      }
      emit(&p, ER_SPAN_TEXT, run, (size_t)(c - run), NULL, 0);
      emit(&p, ER_SPAN_NOTE, c + 2, (size_t)(end - c - 2), NULL, 0);
      run = c = end + 1;
    } else
      c++;
  }
  if (p.strong) {
    *error = "加粗标记“**”没有配对";
    *error_offset = (size_t)(strong_at - text);
    return false;
  }
  emit(&p, ER_SPAN_TEXT, run, strlen(run), NULL, 0);
  return true;
}

er_pos er_inline_pos(const er_text *t, size_t offset) {
  /* a scalar's text starts where it does in the file (a quote aside); a
   * literal block's lines each start at its indentation, the column of
   * its first character */
  er_pos pos = t->pos;
  for (size_t i = 0; i < offset && t->s[i]; i++)
    if (t->s[i] == '\n') {
      pos.line++;
      pos.col = t->pos.col;
    } else if (((unsigned char)t->s[i] & 0xC0) != 0x80)
      pos.col++;
  return pos;
}
