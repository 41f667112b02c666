#include "view/dict.h"

#include "model/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

er_dict *er_dict_new(void) {
  er_arena *arena = calloc(1, sizeof *arena);
  if (!arena)
    abort();
  er_dict *d = er_arena_alloc(arena, sizeof *d);
  d->arena = arena;
  return d;
}

void er_dict_free(er_dict *root) {
  if (!root)
    return;
  er_arena *arena = root->arena;
  er_arena_free(arena);
  free(arena);
}

bool er_dict_valid_name(const char *s) {
  if (!s || !*s)
    return false;
  for (; *s; s++)
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
          *s == '_'))
      return false;
  return true;
}

static void check_name(const char *name) {
  if (!er_dict_valid_name(name)) {
    fprintf(stderr, "evalreport: internal error: bad template marker name \"%s\"\n",
            name ? name : "(null)");
    abort();
  }
}

/* A copy of s fit for an XML document (er_view_text): invalid UTF-8
 * becomes U+FFFD, characters no report shows are left out. */
static const char *sanitize(er_arena *arena, const char *s) {
  char *clean = er_view_text(s);
  const char *t = clean ? clean : s;
  const char *copy = er_arena_strndup(arena, t, strlen(t));
  free(clean);
  return copy;
}

void er_dict_set(er_dict *d, const char *name, const char *value) {
  check_name(name);
  const char *v = sanitize(d->arena, value ? value : "");
  er_dict_var **link = &d->vars;
  for (; *link; link = &(*link)->next)
    if (strcmp((*link)->name, name) == 0) {
      (*link)->value = v;
      return;
    }
  er_dict_var *var = er_arena_alloc(d->arena, sizeof *var);
  var->name = er_arena_strndup(d->arena, name, strlen(name));
  var->value = v;
  *link = var;
}

void er_dict_setf(er_dict *d, const char *name, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *buf = er_arena_alloc(d->arena, (size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(buf, (size_t)n + 1, fmt, ap);
  va_end(ap);
  er_dict_set(d, name, buf);
}

static er_dict_section *section_in(er_dict *d, const char *name, bool create) {
  er_dict_section **link = &d->sections;
  for (; *link; link = &(*link)->next)
    if (strcmp((*link)->name, name) == 0)
      return *link;
  if (!create)
    return NULL;
  er_dict_section *s = er_arena_alloc(d->arena, sizeof *s);
  s->name = er_arena_strndup(d->arena, name, strlen(name));
  *link = s;
  return s;
}

static er_dict *append_instance(er_dict *d, er_dict_section *s) {
  if (s->count == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 4;
    er_dict **items = er_arena_alloc(d->arena, cap * sizeof *items);
    if (s->count)
      memcpy(items, s->items, s->count * sizeof *items);
    s->items = items;
    s->cap = cap;
  }
  er_dict *child = er_arena_alloc(d->arena, sizeof *child);
  child->parent = d;
  child->arena = d->arena;
  s->items[s->count++] = child;
  return child;
}

/* Removes the section `name` from d's own sections, if there. */
static void remove_section(er_dict *d, const char *name) {
  for (er_dict_section **link = &d->sections; *link; link = &(*link)->next)
    if (strcmp((*link)->name, name) == 0) {
      *link = (*link)->next;
      return;
    }
}

static void mark(er_dict *d, const char *section, const char *suffix) {
  char name[256];
  snprintf(name, sizeof name, "%s_%s", section, suffix);
  append_instance(d, section_in(d, name, true));
}

er_dict *er_dict_add(er_dict *d, const char *section) {
  check_name(section);
  er_dict_section *s = section_in(d, section, true);
  er_dict *item = append_instance(d, s);
  size_t index = s->count;
  char name[256];
  snprintf(name, sizeof name, "%s_INDEX", section);
  er_dict_setf(item, name, "%zu", index);
  mark(item, section, index == 1 ? "FIRST" : "NOT_FIRST");
  mark(item, section, "LAST");
  if (index > 1) {
    er_dict *prev = s->items[index - 2];
    snprintf(name, sizeof name, "%s_LAST", section);
    remove_section(prev, name);
    mark(prev, section, "NOT_LAST");
  }
  return item;
}

void er_dict_show(er_dict *d, const char *section) { (void)er_dict_add(d, section); }

void er_dict_show_if(er_dict *d, const char *section, bool cond) {
  if (cond)
    er_dict_show(d, section);
}

const char *er_dict_lookup(const er_dict *d, const char *name) {
  for (; d; d = d->parent)
    for (const er_dict_var *v = d->vars; v; v = v->next)
      if (strcmp(v->name, name) == 0)
        return v->value;
  return NULL;
}

const er_dict_section *er_dict_section_of(const er_dict *d, const char *name) {
  for (const er_dict_section *s = d->sections; s; s = s->next)
    if (strcmp(s->name, name) == 0)
      return s;
  return NULL;
}

const er_dict_section *er_dict_find_section(const er_dict *d, const char *name) {
  for (; d; d = d->parent) {
    const er_dict_section *s = er_dict_section_of(d, name);
    if (s)
      return s;
  }
  return NULL;
}
