/* The template lint: a value marker the view gives no value expands to
 * nothing, silently; this walks the template with the dictionary the way
 * ctemplate will and says so, with the marker's file and line. The same
 * walk, counting, tells whether an expansion stays within its limit. */
#include "view/tpl.h"

#include <string.h>

/* Values ctemplate defines itself. */
static bool builtin(const char *name) {
  return strcmp(name, "BI_SPACE") == 0 || strcmp(name, "BI_NEWLINE") == 0;
}

/* ctemplate shows {{#S_separator}} between the instances of S. */
static bool separator(const char *name) {
  size_t len = strlen(name);
  return len > 10 && strcmp(name + len - 10, "_separator") == 0;
}

typedef struct walk {
  er_tpl_notes *notes; /* NULL: only count */
  size_t steps, limit;
} walk;

/* Walks the markers in d; false once the walk has gone through more than
 * w->limit markers. */
static bool lint(walk *w, er_tpl_marker *m, const er_dict *d) {
  for (; m; m = m->next) {
    if (++w->steps > w->limit)
      return false;
    if (m->kind == ER_TPL_VAR) {
      if (w->notes && !m->reported && !builtin(m->name) && !er_dict_lookup(d, m->name)) {
        m->reported = true;
        er_tpl_note_add(w->notes, m->file, m->line, false,
                        "视图没有为“{{%s}}”提供值，它会展开为空 (the view sets no value for "
                        "this marker)",
                        m->name);
      }
      continue;
    }
    if (separator(m->name)) {
      if (!lint(w, m->children, d))
        return false;
      continue;
    }
    er_dict_shown s;
    if (er_dict_shown_in(d, m->name, strlen(m->name), &s))
      for (size_t i = 0; i < s.count; i++)
        if (!lint(w, m->children, er_dict_shown_item(&s, i)))
          return false;
  }
  return true;
}

size_t er_tpl_step_limit(const er_dict *root) {
  size_t instances = 0, bytes = 0;
  er_dict_measure(root, &instances, &bytes);
  return ER_TPL_MAX_STEPS + ER_TPL_STEPS_PER_INSTANCE * instances;
}

size_t er_tpl_output_limit(const er_dict *root) {
  size_t instances = 0, bytes = 0;
  er_dict_measure(root, &instances, &bytes);
  return ER_TPL_MAX_OUTPUT + ER_TPL_OUTPUT_PER_INSTANCE * instances +
         ER_TPL_OUTPUT_PER_BYTE * bytes;
}

/* An expansion beyond the limit is refused (er_tpl_expand), so the lint
 * stops there too. */
void er_tpl_lint(er_tpl *t, const er_dict *root, er_tpl_notes *notes) {
  walk w = {notes, 0, er_tpl_step_limit(root)};
  lint(&w, t->markers, root);
}

bool er_tpl_within_limit(const er_tpl *t, const er_dict *root) {
  walk w = {NULL, 0, er_tpl_step_limit(root)};
  return lint(&w, t->markers, root);
}
