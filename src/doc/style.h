/* The style profile (templates/styles/NAME.yaml): the visual parameters
 * shared by the writers — page, margins, the font stack and size of each
 * role, line pitch, table rules. The HTML writer turns it into CSS; the PDF
 * writer lays pages out with the same numbers, so the two stay alike. */
#ifndef ER_DOC_STYLE_H
#define ER_DOC_STYLE_H

#include "doc/fontmap.h"
#include "model/arena.h"
#include "model/decimal.h"
#include "model/diag.h"

#include <stddef.h>

/* A length as written in the profile ("37mm", "16pt") and in points. */
typedef struct er_length {
  const char *text;
  er_dec pt;
  er_pos pos; /* in the profile */
} er_length;

typedef struct er_font {
  const char **families; /* official family names first, then free fallbacks */
  size_t count;
  er_length size;
  bool bold;
} er_font;

/* How the pages before the body (cover, 摘要, 目录) are numbered; the
 * body's first page is 1 whichever is chosen. */
typedef enum er_front_matter {
  ER_FRONT_ROMAN, /* — I —, — II —: the profile's default */
  ER_FRONT_NONE,  /* no number printed */
} er_front_matter;

typedef struct er_style {
  const char *name;
  er_length page_width, page_height;
  er_length margin_top, margin_right, margin_bottom, margin_left;
  er_length line_pitch; /* body line spacing (the grid) */
  er_dec indent_chars;  /* first-line indent, in characters */
  er_length rule;       /* table rule width */
  er_font fonts[ER_ROLE_COUNT];
  er_front_matter front_matter; /* /page_numbers/front_matter: roman or none */
  /* the families of each role for the PDF and OFD: those of `fonts` that
   * fonts/roles.yaml lacks first, then that map's */
  er_role_map font_map;
  er_arena arena;
} er_style;

/* Loads DIR/styles/NAME.yaml and, with it, the compiled-in font-role map.
 * Returns NULL after adding the problems to `d` (whose file should be the
 * profile's path), each at its line and column. */
er_style *er_style_load(const char *path, er_diag *d);
void er_style_free(er_style *s);

#endif
