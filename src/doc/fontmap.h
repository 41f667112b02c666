/* The font-role map: for each font role of the style profile the
 * families to use, best first (the official names, then free fonts with
 * the weight or synthetic stroke that makes them right), the fallback
 * families every role shares, the Latin face and the Debian package of
 * each free family. Its source is fonts/roles.yaml, compiled in; the style
 * profile's reader (style.c) reads it with the profile, through the same
 * YAML reader (yamlread.h), and puts the profile's own families first. */
#ifndef ER_DOC_FONTMAP_H
#define ER_DOC_FONTMAP_H

#include "model/diag.h"

#include <stdbool.h>
#include <stddef.h>

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

extern const char *const er_font_role_names[]; /* body title h2 … (the keys of both files) */

typedef struct er_family {
  char *name;      /* as fontconfig knows it: "仿宋_GB2312", "AR PL UMing CN" */
  double embolden; /* synthetic bold stroke, as a fraction of the font size; 0 for none */
  int weight;      /* the face's weight on fontconfig's scale; 0 for regular */
} er_family;

typedef struct er_family_list {
  er_family *items;
  size_t count;
} er_family_list;

/* A free family (a Debian package's) and its package. */
typedef struct er_free_family {
  char *family, *package;
} er_free_family;

typedef struct er_role_map {
  er_family_list roles[ER_ROLE_COUNT];
  er_family_list fallback;
  /* Latin letters, digits and the en dash of the roles marked in
   * latin_roles come from these families first */
  er_family_list latin;
  bool latin_roles[ER_ROLE_COUNT];
  er_free_family *free;
  size_t nfree;
} er_role_map;

/* The package of a free family, NULL for an official one. */
const char *er_role_map_free_package(const er_role_map *map, const char *family);
/* Puts the `n` families that the role's list lacks (a font the user chose
 * in the style profile) before the role's own, in their order. */
void er_role_map_put_first(er_role_map *map, er_font_role role, const char *const *families,
                           size_t n);

/* fonts/roles.yaml as compiled in. */
extern const char er_default_roles_yaml[];

/* Parses a role map from YAML text. Every role must be present; problems
 * go to `d` (positions are in the YAML text) and make it return false.
 * Free with er_role_map_free, also after a failure. */
bool er_role_map_parse(er_role_map *map, const char *yaml, size_t len, er_diag *d);
void er_role_map_free(er_role_map *map);

#endif
