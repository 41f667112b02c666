/* Report templates: loading, checking and expanding them.
 *
 * A template is a file NAME.tpl in a template directory, written in
 * ctemplate's mustache-like language: {{NAME}} a value, {{#NAME}}…{{/NAME}}
 * a section (shown once per instance the dictionary holds), {{>NAME}} the
 * partial NAME.tpl, {{!…}} a comment. Marker names are letters, digits and
 * '_'; modifiers ({{X:none}}), pragmas and delimiter changes are refused,
 * because escaping is not the template's choice: every value is expanded
 * with HTML auto-escaping on.
 *
 * Loading checks the syntax itself and reports FILE:LINE for every mistake
 * (ctemplate reports some without a line, or only on stderr), and inlines
 * partials, so a partial sees the values of the place it is included from
 * (a ctemplate include would not: its dictionary does not inherit). Partials
 * are looked up in the same directories as the template, in order.
 *
 * Expansion (tpl.cc, the one C++ file) hands the checked text to ctemplate. */
#ifndef ER_VIEW_TPL_H
#define ER_VIEW_TPL_H

#include "model/arena.h"
#include "view/dict.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* ---- Messages about template files ----------------------------------------- */

typedef struct er_tpl_note {
  const char *file; /* the template file, or a label */
  unsigned line;    /* 0: the file as a whole */
  bool error;       /* else a warning */
  char *text;
} er_tpl_note;

typedef struct er_tpl_notes {
  er_tpl_note *items;
  size_t count, cap, errors, warnings;
  er_arena arena; /* the file names */
} er_tpl_notes;

void er_tpl_notes_init(er_tpl_notes *n);
void er_tpl_notes_free(er_tpl_notes *n);
void er_tpl_note_add(er_tpl_notes *n, const char *file, unsigned line, bool error, const char *fmt,
                     ...) __attribute__((format(printf, 5, 6)));
/* Prints "FILE:LINE: error: message" lines. */
void er_tpl_notes_print(const er_tpl_notes *n, FILE *out);

/* ---- A loaded template ----------------------------------------------------------- */

typedef enum er_tpl_kind { ER_TPL_VAR, ER_TPL_SECTION } er_tpl_kind;

/* A marker of the template, in the nesting of its sections. */
typedef struct er_tpl_marker {
  er_tpl_kind kind;
  const char *name;
  const char *file;
  unsigned line;
  struct er_tpl_marker *children; /* SECTION: the markers inside */
  struct er_tpl_marker *next;
  bool reported; /* the lint has spoken about it */
} er_tpl_marker;

typedef struct er_tpl_file {
  const char *path, *text;
  struct er_tpl_file *next;
} er_tpl_file;

typedef struct er_tpl {
  const char *name;       /* as asked for */
  const char *path;       /* the main file */
  const char *text;       /* the whole template, partials inlined */
  size_t len;             /* strlen(text) */
  er_tpl_marker *markers; /* the marker tree */
  er_tpl_file *files;     /* every file read, main file first */
  er_arena arena;
} er_tpl;

/* Loads NAME.tpl from the first of `dirs` that has it, with its partials.
 * Returns NULL when the template is missing or has a syntax error, each
 * reported to `notes`. */
er_tpl *er_tpl_load(const char *const *dirs, size_t ndirs, const char *name, er_tpl_notes *notes);
void er_tpl_free(er_tpl *t);

/* Warns about every value marker that the dictionary leaves without a
 * value (it would expand to nothing, silently), once per marker. Sections
 * the dictionary does not show are not looked into; a template beyond the
 * step limit below is looked into up to the limit. */
void er_tpl_lint(er_tpl *t, const er_dict *root, er_tpl_notes *notes);

/* Limits of an expansion, which grow with the dictionary. Sections
 * multiply: a section inside a section found in the same list
 * ({{#ROW}}…{{#ROW}}…{{/ROW}}…{{/ROW}}) is expanded once per pair of rows,
 * ten such levels rows^10 times. So the walk through the markers may take
 * ER_TPL_MAX_STEPS steps plus ER_TPL_STEPS_PER_INSTANCE per section
 * instance (the shipped templates take about one per instance), and the
 * output may have ER_TPL_MAX_OUTPUT bytes plus ER_TPL_OUTPUT_PER_INSTANCE
 * per instance and ER_TPL_OUTPUT_PER_BYTE per byte of the values (the
 * shipped templates write about 30 bytes per instance; a sample's report
 * is 72 KB): a few million elements would take gigabytes as a tree. */
#define ER_TPL_MAX_STEPS 100000
#define ER_TPL_STEPS_PER_INSTANCE 8
#define ER_TPL_MAX_OUTPUT (1u << 20)
#define ER_TPL_OUTPUT_PER_INSTANCE 256
#define ER_TPL_OUTPUT_PER_BYTE 8

size_t er_tpl_step_limit(const er_dict *root);
size_t er_tpl_output_limit(const er_dict *root);
/* Whether expanding the template with the dictionary stays within the
 * step limit. */
bool er_tpl_within_limit(const er_tpl *t, const er_dict *root);

/* Expands the template with the dictionary, HTML auto-escaping on.
 * Returns a malloc'd NUL-terminated text (its length in *len), or NULL
 * after adding an error to `notes` (also when it would go beyond the
 * limits above). */
char *er_tpl_expand(const er_tpl *t, const er_dict *root, size_t *len, er_tpl_notes *notes);
/* The same, freeing `root` once expanded, before the caller goes on with
 * the text. `root` is freed in every case. */
char *er_tpl_expand_free(const er_tpl *t, er_dict *root, size_t *len, er_tpl_notes *notes);

/* The same on a thread of its own, the text read as it comes: start it
 * (`root` is freed once expanded), read with er_tpl_stream_read (which
 * waits for more, and gives 0 at the end or after a failure), then
 * er_tpl_stream_finish waits for the end and gives what er_tpl_expand_free
 * would have (NULL after adding an error to `notes`, which the caller
 * leaves alone until then). */
typedef struct er_tpl_stream er_tpl_stream;
er_tpl_stream *er_tpl_expand_start(const er_tpl *t, er_dict *root, er_tpl_notes *notes);
/* Up to `n` bytes of the text into `out` (an xmlInputReadCallback). */
int er_tpl_stream_read(void *stream, char *out, int n);
char *er_tpl_stream_finish(er_tpl_stream *s, size_t *len);

/* The file and line of the first occurrence of `needle` in the template's
 * files, to point at the template behind a problem in its output. */
bool er_tpl_locate(const er_tpl *t, const char *needle, const char **file, unsigned *line);

#endif
