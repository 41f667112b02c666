/* The one YAML reader of the style profile and the font-role map
 * (doc/style.h, doc/fontmap.h): a libfyaml document from a file or from
 * text, its syntax errors reported at their line and column, and the
 * position of any node for the readers' own messages. */
#ifndef ER_DOC_YAMLREAD_H
#define ER_DOC_YAMLREAD_H

#include "model/diag.h"

#include <libfyaml.h>
#include <stddef.h>

/* The resolved document of `text` (aliases expanded), or NULL after
 * reporting each syntax error at its line and column under `key`, then
 * `what` (the caller's message for a file it cannot take). */
struct fy_document *er_yaml_read(const char *text, size_t len, const char *key, const char *what,
                                 er_diag *d);

/* Where `n` starts: a scalar's own position, a collection's at its key in
 * its parent mapping (libfyaml 0.7 keeps no mark on collections), or at
 * its first item; {0, 0} when none is known. */
er_pos er_yaml_pos(struct fy_node *n);

/* A scalar's text, malloc'd; NULL for a collection. */
char *er_yaml_strdup(struct fy_node *n);

#endif
