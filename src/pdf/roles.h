/* The font-role map: for each role of a style the font families to use,
 * best first, plus the fallback families every role shares. The roles are
 * the font keys of the style profile (templates/styles/gbt9704.yaml), and
 * the heading roles are named after the document's elements: h1 is the
 * title, h2 the 一、 headings, h3 the （一） ones, h4 the 1. ones. The map
 * is YAML (fonts/roles.yaml, compiled in as the default); fonts.c resolves
 * the names on this machine. */
#ifndef ER_PDF_ROLES_H
#define ER_PDF_ROLES_H

#include <stddef.h>

#include "doc/style.h"
#include "model/diag.h"

/* The roles are the style profile's own (doc/style.h), one enum for both:
 * title (h1, 二号 小标宋), h2 (一、 黑体), h3 (（一） 楷体), h4 (1. 仿宋
 * bold), body (三号 仿宋, also （1）), table (小四 仿宋), caption (小四 黑体),
 * note (五号 仿宋: footnotes, wide score sheets), page_number (四号 宋体). */
typedef er_font_role er_role;

/* The role's key in the map and in the style profile: "title", "h2", …,
 * "page_number". */
const char *er_role_name(er_role role);

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
/* Moves the latin and free parts of `from` to `to` (to's own are freed). */
void er_role_map_take_extras(er_role_map *to, er_role_map *from);

/* fonts/roles.yaml as compiled in. */
extern const char er_default_roles_yaml[];

/* Parses a role map from YAML text. Every role must be present; problems
 * go to `d` (positions are in the YAML text) and make it return false.
 * Free with er_role_map_free, also after a failure. */
bool er_role_map_parse(er_role_map *map, const char *yaml, size_t len, er_diag *d);
void er_role_map_free(er_role_map *map);

#endif
