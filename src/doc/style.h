/* The style profile (templates/styles/NAME.yaml): the visual parameters
 * shared by the writers — page, margins, the font stack and size of each
 * role, line pitch, table rules. The HTML writer turns it into CSS; the PDF
 * writer lays pages out with the same numbers, so the two stay alike. */
#ifndef ER_DOC_STYLE_H
#define ER_DOC_STYLE_H

#include "model/arena.h"
#include "model/decimal.h"
#include "model/diag.h"

#include <stddef.h>

/* A length as written in the profile ("37mm", "16pt") and in points. */
typedef struct er_length {
  const char *text;
  er_dec pt;
} er_length;

/* What a font is used for, by the document element it sets. */
typedef enum er_font_role {
  ER_ROLE_BODY,        /* paragraphs: 仿宋 三号 */
  ER_ROLE_TITLE,       /* h1: 小标宋 二号 */
  ER_ROLE_H2,          /* 一、: 黑体 */
  ER_ROLE_H3,          /* （一）: 楷体 */
  ER_ROLE_H4,          /* 1.: 仿宋 bold */
  ER_ROLE_TABLE,       /* table cells */
  ER_ROLE_CAPTION,     /* table and figure captions */
  ER_ROLE_NOTE,        /* footnotes, small print, wide score sheets */
  ER_ROLE_PAGE_NUMBER, /* — 1 — */
  ER_ROLE_COUNT
} er_font_role;

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
  er_arena arena;
} er_style;

extern const char *const er_font_role_names[]; /* body title h2 … (the profile's keys) */

/* Loads DIR/styles/NAME.yaml. Returns NULL after adding the problems to
 * `d` (whose file should be the profile's path). */
er_style *er_style_load(const char *path, er_diag *d);
void er_style_free(er_style *s);

#endif
