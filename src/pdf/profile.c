/* The style profile (doc/style.h) in the typesetting engine's terms: the
 * page and its grid, the font families and size of each role, the block
 * style of each heading level. The HTML writer turns the same profile
 * into CSS, so the two outputs agree. */
#include "pdf/pdfw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double pt(er_length l) { return (double)l.pt.units / (double)ER_DEC_SCALE; }

er_page_style er_pdfw_page_style(const er_style *s, bool landscape) {
  double width = pt(s->page_width), height = pt(s->page_height);
  double top = pt(s->margin_top), right = pt(s->margin_right), bottom = pt(s->margin_bottom),
         left = pt(s->margin_left);
  if (landscape) {
    /* the portrait sheet seen turned a quarter clockwise (GB/T 9704 §10.1:
     * the table's head toward the binding edge of an odd page): its left
     * (binding) margin on top, its foot at the left, so the text block is
     * the sheet's own 156 × 225 mm, on its side */
    double t = top;
    top = left;
    left = bottom;
    bottom = right;
    right = t;
    t = width;
    width = height;
    height = t;
  }
  er_page_style st = {
      .width = width,
      .height = height,
      .top = top,
      .left = left,
      .block_width = width - left - right,
      .block_height = height - top - bottom,
      .body_size = pt(s->fonts[ER_ROLE_BODY].size),
      .folio_size = pt(s->fonts[ER_ROLE_PAGE_NUMBER].size),
      .folio_drop = 7 * ER_MM,
  };
  double pitch = pt(s->line_pitch);
  st.lines = (int)lround(st.block_height / (pitch > 0 ? pitch : 29));
  st.chars = (int)lround(st.block_width / (st.body_size > 0 ? st.body_size : 16));
  if (st.lines < 1)
    st.lines = 1;
  if (st.chars < 1)
    st.chars = 1;
  return st;
}

/* The profile's font role that an engine role draws with (same name). */
static const er_font *profile_font(const er_style *s, er_role r) {
  for (int f = 0; f < (int)(sizeof s->fonts / sizeof s->fonts[0]); f++)
    if (strcmp(er_font_role_names[f], er_role_name(r)) == 0)
      return &s->fonts[f];
  return NULL;
}

/* Each role's families as the style's reader merged them (doc/style.h):
 * the profile's that the role map does not know first, then the map's. */
er_fontset *er_pdfw_fonts(const er_style *s, er_font_config *cfg, er_diag *d) {
  er_fontset *fs = er_fontset_from_config(&s->font_map, cfg, d);
  if (fs)
    er_fontset_warn_fallbacks(fs, &s->font_map, d);
  return fs;
}

void er_pdfw_init_sizes(er_pdfw *w) {
  for (int r = 0; r < ER_ROLE_COUNT; r++) {
    const er_font *f = profile_font(w->style, (er_role)r);
    w->size[r] = f && pt(f->size) > 0 ? pt(f->size) : 16;
    /* the title's weight comes with its face (小标宋 is heavy, and the free
     * Song faces are given a stroke by the role map): never bold on top */
    w->bold[r] = f && f->bold && r != ER_ROLE_TITLE;
  }
  w->rule = pt(w->style->rule) > 0 ? pt(w->style->rule) : 0.75;
  w->indent = (double)w->style->indent_chars.units / (double)ER_DEC_SCALE;
  w->pitch = er_page_pitch(&w->portrait);
  w->leading = er_page_leading(&w->portrait);
}

er_ink er_pdfw_ink(const er_pdfw *w, er_role role) {
  return (er_ink){.role = role, .size = w->size[role], .bold = w->bold[role]};
}

er_block_style er_pdfw_block_style(const er_pdfw *w, int level) {
  static const er_block_kind kinds[] = {ER_BLOCK_BODY, ER_BLOCK_TITLE, ER_BLOCK_H2, ER_BLOCK_H3,
                                        ER_BLOCK_H4};
  er_block_style s = er_block_style_gbt9704(kinds[level >= 0 && level <= 4 ? level : 0]);
  s.size = w->size[s.role];
  s.bold = w->bold[s.role];
  if (s.indent > 0)
    s.indent = w->indent;
  if (level == 1 && s.size > 0) /* the title's lines are 1.25 of the grid at 二号 */
    s.leading = ceil(s.size * 1.6 / w->leading * 4) / 4;
  return s;
}
