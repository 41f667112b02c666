/* The attributes of the document language: which element may have which,
 * and what each value may be (doc.h). */
#include "doc/parse_impl.h"
#include "model/limits.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>

static bool word_chars(const char *s, const char *extra) {
  if (!*s)
    return false;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr(extra, *s)))
      return false;
  return true;
}

bool er_doc_id_chars(const char *s) {
  if (!*s)
    return false;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
          *s == '-' || *s == '_'))
      return false;
  return true;
}

static bool decimal(const char *s) {
  if (*s == '-')
    s++;
  size_t digits = 0;
  while (*s >= '0' && *s <= '9')
    s++, digits++;
  if (*s == '.') {
    s++;
    size_t frac = 0;
    while (*s >= '0' && *s <= '9')
      s++, frac++;
    if (!frac)
      return false;
  }
  return digits && !*s;
}

static bool length(const char *s) {
  char num[32];
  size_t i = 0;
  while ((s[i] >= '0' && s[i] <= '9') || s[i] == '.') {
    if (i + 1 >= sizeof num)
      return false;
    num[i] = s[i];
    i++;
  }
  num[i] = '\0';
  const char *unit = s + i;
  return decimal(num) && (!*unit || !strcmp(unit, "%") || !strcmp(unit, "mm") ||
                          !strcmp(unit, "cm") || !strcmp(unit, "pt") || !strcmp(unit, "em"));
}

static int span_value(const char *s) {
  if (!*s || strlen(s) > 4)
    return 0;
  for (const char *p = s; *p; p++)
    if (*p < '0' || *p > '9')
      return 0;
  return atoi(s);
}

static bool allowed(const char *list, const char *name) {
  size_t len = strlen(name);
  for (const char *p = list; *p;) {
    const char *end = strchr(p, ' ');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n == len && memcmp(p, name, len) == 0)
      return true;
    p += n + (end != NULL);
  }
  return false;
}

static size_t id_hash(const char *s) {
  size_t h = 14695981039346656037u;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

static bool id_known(const parser *P, const char *id) {
  if (!P->ids_cap)
    return false;
  for (size_t i = id_hash(id) & (P->ids_cap - 1); P->ids[i]; i = (i + 1) & (P->ids_cap - 1))
    if (!strcmp(P->ids[i], id))
      return true;
  return false;
}

static void id_put(const char **set, size_t cap, const char *id) {
  size_t i = id_hash(id) & (cap - 1);
  while (set[i])
    i = (i + 1) & (cap - 1);
  set[i] = id;
}

static void id_add(parser *P, const char *id) {
  if (2 * (P->nids + 1) > P->ids_cap) { /* at most half full */
    size_t cap = P->ids_cap ? 2 * P->ids_cap : 256;
    const char **set = calloc(cap, sizeof *set);
    if (!set)
      abort();
    for (size_t i = 0; i < P->ids_cap; i++)
      if (P->ids[i])
        id_put(set, cap, P->ids[i]);
    free(P->ids);
    P->ids = set;
    P->ids_cap = cap;
  }
  id_put(P->ids, P->ids_cap, id);
  P->nids++;
}

static void set_attr(parser *P, er_node *n, const xmlNode *x, const char *name, const char *v) {
  unsigned line = er_doc_line(x);
  char anchor[80];
  er_doc_anchor(anchor, sizeof anchor, name, "=\"");
  if (!strcmp(name, "id")) {
    if (!er_doc_id_chars(v)) {
      er_doc_problem(P, line, anchor, "id“%s”只能由字母、数字、- 和 _ 组成", v);
      return;
    }
    if (id_known(P, v)) {
      er_doc_problem(P, line, anchor, "id“%s”重复 (duplicate id)", v);
      return;
    }
    n->id = er_doc_keep(P, v);
    id_add(P, n->id);
  } else if (!strcmp(name, "class")) {
    if (!word_chars(v, "- "))
      er_doc_problem(P, line, anchor, "class“%s”只能由小写字母、数字和 - 组成", v);
    else
      n->cls = er_doc_keep(P, v);
  } else if (!strcmp(name, "rowspan") || !strcmp(name, "colspan")) {
    int k = span_value(v);
    if (k < 1 || k > ER_MAX_ROWSPAN) /* check refuses data that needs more */
      er_doc_problem(P, line, anchor, "%s 应为 1 到 %d 之间的整数，这里是“%s”", name,
                     ER_MAX_ROWSPAN, v);
    else if (name[0] == 'r')
      n->rowspan = k;
    else
      n->colspan = k;
  } else if (!strcmp(name, "width")) {
    if (!length(v))
      er_doc_problem(P, line, anchor, "width“%s”应为长度，如 20%%、30mm", v);
    else
      n->width = er_doc_keep(P, v);
  } else if (!strcmp(name, "data-kind")) {
    static const char *const kinds[] = {"bar", "hbar", "pie", "stacked"};
    size_t k = 0;
    while (k < 4 && strcmp(kinds[k], v) != 0)
      k++;
    if (k == 4)
      er_doc_problem(P, line, anchor, "图表类型“%s”无效：可选 bar、hbar、pie、stacked", v);
    else
      n->chart = (er_chart_kind)k;
  } else if (!strcmp(name, "data-unit")) {
    n->unit = er_doc_keep(P, v);
  } else if (!strcmp(name, "data-max") || !strcmp(name, "value")) {
    if (!decimal(v))
      er_doc_problem(P, line, anchor, "%s“%s”应为十进制数", name, v);
    else if (name[0] == 'v')
      n->value = er_doc_keep(P, v);
    else
      n->max = er_doc_keep(P, v);
  } else if (!strcmp(name, "data-target")) {
    if (*v && !er_doc_id_chars(v))
      er_doc_problem(P, line, anchor, "data-target“%s”应为元素 id", v);
    else
      n->target = *v ? er_doc_keep(P, v) : NULL;
  }
}

void er_doc_attributes(parser *P, er_node *n, const xmlNode *x, const element *e) {
  for (const xmlAttr *a = x->properties; a; a = a->next) {
    const char *name = (const char *)a->name;
    bool ok = !strcmp(name, "class") || allowed(e->attrs, name) ||
              (!strcmp(name, "id") && (!er_doc_is_inline(e->type) || e->type == ER_DOC_ROW));
    if (a->ns || !ok) {
      char anchor[80];
      snprintf(anchor, sizeof anchor, " %s=", name);
      er_doc_problem(P, er_doc_line(x), anchor, "<%s> 不能有属性“%s”（不在文档语言中）", e->name,
                     name);
      continue;
    }
    char *v = er_doc_attr(x, name);
    set_attr(P, n, x, name, v ? v : "");
    xmlFree(v);
  }
  if (e->type == ER_DOC_ITEM && n->target &&
      (!n->parent || !n->parent->parent || n->parent->parent->type != ER_DOC_DIAGNOSTICS))
    er_doc_problem(P, er_doc_line(x),
                   "data-target=", "data-target 只能用于 diagnostics 中的列表项");
  if (e->type == ER_DOC_DATUM && !n->value)
    er_doc_problem(P, er_doc_line(x), "<data", "<data> 需要 value 属性");
}
