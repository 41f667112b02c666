/* The template dictionary: what the view hands to the template layer.
 *
 * A tree of named text values and repeated sections, built in plain C and
 * read by ctemplate through tpl.cc, without a copy. Lookups go up the
 * tree, the way ctemplate looks up a name: a value set on the root is seen
 * inside every section.
 *
 * Every section instance added with er_dict_add() carries list markers, so
 * templates need no logic: for a section ROW, the instance gets the value
 * ROW_INDEX (1, 2, …) and the sections ROW_FIRST or ROW_NOT_FIRST, and
 * ROW_LAST or ROW_NOT_LAST. The marker sections are not stored: they follow
 * from the instance's place in its list (er_dict_shown), each shown once,
 * in the instance's own scope.
 *
 * Mind ctemplate's scoping: a section found in an ancestor is expanded in
 * that ancestor's scope, not in the instance that asked for it. A flag
 * section a row needs ({{#HAS_NOTE}}<td>{{NOTE}}</td>{{/HAS_NOTE}}) must be
 * shown on the row itself, or the row's NOTE is not seen (the lint in
 * tpl_lint.c says so).
 *
 * Values are made safe for XML on the way in: control characters other
 * than tab and line feed are dropped, and so are code points XML forbids.
 * Escaping for HTML is the template layer's job (ctemplate auto-escape). */
#ifndef ER_VIEW_DICT_H
#define ER_VIEW_DICT_H

#include "model/arena.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct er_dict er_dict;

typedef struct er_dict_var {
  const char *name, *value;
  struct er_dict_var *next;
} er_dict_var;

typedef struct er_dict_section {
  const char *name;
  er_dict **items; /* the instances, in order */
  size_t count, cap;
  struct er_dict_section *next;
} er_dict_section;

struct er_dict {
  er_dict *parent; /* NULL for the root */
  er_dict_var *vars;
  er_dict_section *sections;
  er_arena *arena;             /* shared by the whole tree, owned by the root */
  const er_dict_section *list; /* the section this is an instance of; NULL for the root */
  size_t index;                /* 1, 2, … in that section */
};

/* A new, empty root dictionary. Free with er_dict_free. */
er_dict *er_dict_new(void);
void er_dict_free(er_dict *root);

/* Sets (or replaces) a value; NULL sets the empty string. `name` must be
 * letters, digits and '_' (a ctemplate marker name). */
void er_dict_set(er_dict *d, const char *name, const char *value);
void er_dict_setf(er_dict *d, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Appends an instance of `section` (which shows the section) and returns
 * it, with its list markers set. */
er_dict *er_dict_add(er_dict *d, const char *section);
/* Shows `section` once, with no values of its own. */
void er_dict_show(er_dict *d, const char *section);
/* Shows `section` once when `cond` holds. */
void er_dict_show_if(er_dict *d, const char *section, bool cond);

/* The value of `name` in d or the nearest ancestor that has it, or NULL. */
const char *er_dict_lookup(const er_dict *d, const char *name);
/* The section `name` of d itself (not its ancestors), or NULL. */
const er_dict_section *er_dict_section_of(const er_dict *d, const char *name);

/* How the section `name` expands from d, the way ctemplate looks it up:
 * the instances of the nearest of d and its ancestors that shows it (a
 * list marker's one instance is the dictionary it marks). */
typedef struct er_dict_shown {
  er_dict *const *items; /* the instances; NULL for a list marker */
  const er_dict *holder; /* the dictionary that shows the section */
  size_t count;
} er_dict_shown;
/* False when the section is hidden from d. `len`: the length of `name`. */
bool er_dict_shown_in(const er_dict *d, const char *name, size_t len, er_dict_shown *out);
/* The i-th instance of a shown section. */
static inline const er_dict *er_dict_shown_item(const er_dict_shown *s, size_t i) {
  return s->items ? s->items[i] : s->holder;
}
/* er_dict_lookup for a name of `len` bytes, not NUL-terminated. */
const char *er_dict_lookup_len(const er_dict *d, const char *name, size_t len);
/* The section instances of the tree, the root and the list markers
 * included (what expanding it may go through), and the bytes of its
 * values. */
void er_dict_measure(const er_dict *root, size_t *instances, size_t *bytes);

/* True when s is a valid marker name. */
bool er_dict_valid_name(const char *s);

#endif
