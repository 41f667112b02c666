/* Inline marks in the prose of a data file:
 *
 *   **加粗**            strong emphasis
 *   [^脚注文字]         a footnote at this place
 *   {total} {score:A1}  a reference to a computed figure or a table
 *   {{ and }}           a literal brace
 *
 * The parser splits a text into spans; the check validates references and
 * the view turns spans into runs of the document. */
#ifndef ER_INLINE_H
#define ER_INLINE_H

#include "model/model.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum er_span_kind {
  ER_SPAN_TEXT, /* s: literal text */
  ER_SPAN_REF,  /* s: the name ("score"), arg: after the colon ("A1") or NULL */
  ER_SPAN_NOTE  /* s: the footnote's text (may hold references itself) */
} er_span_kind;

typedef struct er_span {
  er_span_kind kind;
  const char *s;
  size_t len;
  const char *arg;
  size_t arg_len;
  bool strong;   /* inside ** … ** */
  size_t offset; /* bytes from the start of the text */
} er_span;

typedef void (*er_span_fn)(const er_span *sp, void *ctx);

/* Calls `fn` for each span of `text` in order. Returns false at the first
 * malformed mark, with a message (Chinese) and its byte offset. */
bool er_inline_parse(const char *text, er_span_fn fn, void *ctx, const char **error,
                     size_t *error_offset);

/* Where byte `offset` of a text that starts at `pos` is in the file: the
 * line and column, counting characters (not bytes). */
er_pos er_inline_pos(const er_text *t, size_t offset);

/* The reference names, with what their argument is. */
typedef enum er_ref_arg { ER_REF_NONE, ER_REF_CODE, ER_REF_ID, ER_REF_GROUP } er_ref_arg;
typedef struct er_ref_kind {
  const char *name;
  er_ref_arg arg; /* what follows the colon; optional for ER_REF_GROUP */
} er_ref_kind;
extern const er_ref_kind er_ref_kinds[]; /* terminated by a NULL name */
const er_ref_kind *er_ref_kind_find(const char *name, size_t len);

#endif
