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
  char small[64], *buf = small; /* er_dict_set keeps its own copy */
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0)
    n = 0, small[0] = '\0';
  if ((size_t)n >= sizeof small) {
    if (!(buf = malloc((size_t)n + 1)))
      abort();
    va_start(ap, fmt);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  er_dict_set(d, name, buf);
  if (buf != small)
    free(buf);
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
    er_dict **items = er_arena_alloc(d->arena, cap * sizeof(er_dict *));
    if (s->count)
      memcpy(items, s->items, s->count * sizeof(er_dict *));
    s->items = items;
    s->cap = cap;
  }
  er_dict *child = er_arena_alloc(d->arena, sizeof *child);
  child->parent = d;
  child->arena = d->arena;
  child->list = s;
  s->items[s->count++] = child;
  child->index = s->count;
  return child;
}

er_dict *er_dict_add(er_dict *d, const char *section) {
  check_name(section);
  er_dict *item = append_instance(d, section_in(d, section, true));
  /* NAME_INDEX: the instance's number from 1 (by hand: a large report adds
   * a hundred thousand instances) */
  char name[256], index[24];
  size_t len = strlen(section), room = sizeof name - 1; /* cut as snprintf would */
  len = len < room ? len : room;
  memcpy(name, section, len);
  size_t tail = room - len < sizeof "_INDEX" - 1 ? room - len : sizeof "_INDEX" - 1;
  memcpy(name + len, "_INDEX", tail);
  name[len + tail] = '\0';
  char *p = index + sizeof index;
  *--p = '\0';
  size_t i = item->index;
  do
    *--p = (char)('0' + i % 10);
  while ((i /= 10) > 0);
  er_dict_set(item, name, p);
  return item;
}

void er_dict_show(er_dict *d, const char *section) { (void)er_dict_add(d, section); }

void er_dict_show_if(er_dict *d, const char *section, bool cond) {
  if (cond)
    er_dict_show(d, section);
}

static bool name_is(const char *name, const char *s, size_t len) {
  return strncmp(name, s, len) == 0 && name[len] == '\0';
}

const char *er_dict_lookup_len(const er_dict *d, const char *name, size_t len) {
  for (; d; d = d->parent)
    for (const er_dict_var *v = d->vars; v; v = v->next)
      if (name_is(v->name, name, len))
        return v->value;
  return NULL;
}

const char *er_dict_lookup(const er_dict *d, const char *name) {
  return er_dict_lookup_len(d, name, strlen(name));
}

const er_dict_section *er_dict_section_of(const er_dict *d, const char *name) {
  for (const er_dict_section *s = d->sections; s; s = s->next)
    if (strcmp(s->name, name) == 0)
      return s;
  return NULL;
}

/* Whether `name` is a list marker that instance d shows: LIST_FIRST or
 * LIST_NOT_FIRST, LIST_LAST or LIST_NOT_LAST. */
static bool marker_shown(const er_dict *d, const char *name, size_t len) {
  if (!d->list)
    return false;
  size_t n = strlen(d->list->name);
  if (len <= n + 1 || strncmp(name, d->list->name, n) != 0 || name[n] != '_')
    return false;
  const char *suffix = name + n + 1;
  size_t slen = len - n - 1;
  bool first = d->index == 1, last = d->index == d->list->count;
  return name_is(first ? "FIRST" : "NOT_FIRST", suffix, slen) ||
         name_is(last ? "LAST" : "NOT_LAST", suffix, slen);
}

bool er_dict_shown_in(const er_dict *d, const char *name, size_t len, er_dict_shown *out) {
  for (; d; d = d->parent) {
    for (const er_dict_section *s = d->sections; s; s = s->next)
      if (name_is(s->name, name, len)) {
        *out = (er_dict_shown){s->items, d, s->count};
        return true;
      }
    if (marker_shown(d, name, len)) {
      *out = (er_dict_shown){NULL, d, 1};
      return true;
    }
  }
  return false;
}

void er_dict_measure(const er_dict *d, size_t *instances, size_t *bytes) {
  *instances += d->list ? 3 : 1; /* an instance shows two list markers */
  for (const er_dict_var *v = d->vars; v; v = v->next)
    *bytes += strlen(v->value);
  for (const er_dict_section *s = d->sections; s; s = s->next)
    for (size_t i = 0; i < s->count; i++)
      er_dict_measure(s->items[i], instances, bytes);
}
