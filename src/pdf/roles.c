/* The font roles' names; their families are the style's (doc/fontmap.h). */
#include "pdf/roles.h"

const char *er_role_name(er_role role) {
  return role >= 0 && role < ER_ROLE_COUNT ? er_font_role_names[role] : "?";
}
