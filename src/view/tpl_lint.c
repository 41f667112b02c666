/* The template lint: a value marker the view gives no value expands to
 * nothing, silently; this walks the template with the dictionary the way
 * ctemplate will and says so, with the marker's file and line. */
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

static void lint(er_tpl_marker *m, const er_dict *d, er_tpl_notes *notes) {
  for (; m; m = m->next) {
    if (m->kind == ER_TPL_VAR) {
      if (!m->reported && !builtin(m->name) && !er_dict_lookup(d, m->name)) {
        m->reported = true;
        er_tpl_note_add(notes, m->file, m->line, false,
                        "视图没有为“{{%s}}”提供值，它会展开为空 (the view sets no value for "
                        "this marker)",
                        m->name);
      }
      continue;
    }
    if (separator(m->name)) {
      lint(m->children, d, notes);
      continue;
    }
    const er_dict_section *s = er_dict_find_section(d, m->name);
    for (size_t i = 0; s && i < s->count; i++)
      lint(m->children, s->items[i], notes);
  }
}

void er_tpl_lint(er_tpl *t, const er_dict *root, er_tpl_notes *notes) {
  lint(t->markers, root, notes);
}
