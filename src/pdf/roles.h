/* The font roles of the PDF writer. The roles are the font keys of the
 * style profile (templates/styles/gbt9704.yaml), and the heading roles are
 * named after the document's elements: h1 is the title, h2 the 一、
 * headings, h3 the （一） ones, h4 the 1. ones. Their families come from
 * the role map the style's reader read (doc/fontmap.h); fonts.c resolves
 * the names on this machine. */
#ifndef ER_PDF_ROLES_H
#define ER_PDF_ROLES_H

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

/* The role map itself (families, fallback, Latin faces, free packages)
 * is the style's: doc/fontmap.h, read with the profile. */

#endif
