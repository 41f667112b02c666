/* A paragraph's characters → classified glyphs (see glyphs.h). */
#include "pdf/glyphs.h"
#include "pdf/glyphcache.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* Ink this far past the middle of the box still leaves the other half blank. */
#define INK_SLACK 0.05

static bool is_hidden(uint32_t c) {
  return c == '\r' || c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C ||
         c == 0x85 || u_charType((UChar32)c) == U_CONTROL_CHAR ||
         u_hasBinaryProperty((UChar32)c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

static bool is_punct(uint32_t c) {
  int8_t t = u_charType((UChar32)c);
  return t == U_START_PUNCTUATION || t == U_END_PUNCTUATION || t == U_INITIAL_PUNCTUATION ||
         t == U_FINAL_PUNCTUATION || t == U_OTHER_PUNCTUATION;
}

/* The character's face, advance and properties, from the font set's
 * memory or looked up (and remembered when some face has it). */
static er_char_info char_info(er_glyph_cache *cache, er_fontset *fonts, er_role role, uint32_t cp,
                              er_diag *d) {
  er_char_info *slot = er_glyph_cache_char(cache, role, cp);
  if (slot->role == (int)role && slot->cp == cp)
    return *slot;
  er_char_info ci = {.cp = cp, .role = (int)role};
  if (is_hidden(cp))
    ci.props = ER_CHAR_HIDDEN;
  else {
    ci.pick = er_fontset_pick(fonts, role, cp, d);
    ci.permille = er_face_advance(er_fontset_face(fonts, ci.pick.face), ci.pick.glyph, 1000.0);
    uint32_t shown = cp > 0xFFFF ? 0xFFFD : cp; /* as er_glyphs_make draws it */
    int w = u_getIntPropertyValue((UChar32)shown, UCHAR_EAST_ASIAN_WIDTH);
    ci.props = (is_punct(shown) ? ER_CHAR_PUNCT : 0) |
               (w == U_EA_WIDE || w == U_EA_FULLWIDTH ? ER_CHAR_WIDE : 0) |
               (w == U_EA_AMBIGUOUS ? ER_CHAR_AMBIGUOUS : 0);
  }
  if (ci.props & ER_CHAR_HIDDEN || ci.pick.glyph != 0)
    *slot = ci;
  return ci;
}

static void classify(er_glyph *g, unsigned props, double permille, const er_fontset *fonts,
                     const er_para_style *style) {
  if (g->flags & ER_GLYPH_HIDDEN)
    return;
  const er_face *face = er_fontset_face(fonts, g->face);
  g->font_adv = permille * g->size / 1000.0; /* as er_face_advance */
  g->adv = g->font_adv;
  if (g->cp == ' ' || g->cp == 0xA0) {
    g->flags |= ER_GLYPH_SPACE;
    return;
  }
  bool punct = props & ER_CHAR_PUNCT;
  if (punct)
    g->flags |= ER_GLYPH_MARK;
  /* full-width: East Asian Wide or Fullwidth, or Ambiguous (“”—…‰) where
   * the font draws it a full em wide, as Chinese fonts do */
  if (!(props & ER_CHAR_WIDE || (props & ER_CHAR_AMBIGUOUS && g->font_adv >= 0.9 * g->size)))
    return;
  g->flags |= ER_GLYPH_WIDE;
  if (style->wide_em > 0)
    g->adv = style->wide_em * g->size;
  double left, right;
  if (style->squeeze && punct && g->gid != 0 && er_face_ink(face, g->gid, &left, &right)) {
    if (right <= 0.5 + INK_SLACK)
      g->trim_r = g->adv / 2;
    else if (left >= 0.5 - INK_SLACK)
      g->trim_l = g->adv / 2;
  }
}

/* 标点挤压 where two marks meet: the first loses its blank right half, or
 * else the second its blank left half (。” → 1.5 em, ）（ → 1.5 em). */
static void squeeze_pairs(er_glyphs *g) {
  for (size_t i = 0; i + 1 < g->n; i++) {
    er_glyph *a = &g->items[i], *b = &g->items[i + 1];
    if (!(a->flags & b->flags & ER_GLYPH_WIDE) || !is_punct(a->cp) || !is_punct(b->cp))
      continue;
    if (a->trim_r > 0)
      a->fixed_r = a->trim_r;
    else if (b->trim_l > 0)
      b->fixed_l = b->trim_l;
  }
}

static bool is_doubled_mark(uint32_t c) { return c == 0x2014 || c == 0x2015 || c == 0x2026; }

/* A dash pair stays this far, in em, from its neighbours. */
#define DASH_MARGIN 0.08

/* —— and ……: one mark written twice. The gap inside is never stretched,
 * and the halves of a dash are widened to meet, since a font's em dash
 * leaves a blank at each end that would show as 一一. */
static void join_doubled(er_glyphs *g, const er_fontset *fonts) {
  for (size_t i = 0; i + 1 < g->n; i++) {
    er_glyph *a = &g->items[i], *b = &g->items[i + 1];
    if (a->cp != b->cp || !is_doubled_mark(a->cp) || !(a->flags & b->flags & ER_GLYPH_WIDE))
      continue;
    a->flags |= ER_GLYPH_DOUBLED;
    b->flags |= ER_GLYPH_DOUBLED;
    i++; /* pairs do not overlap: ———— is two */
    if (a->cp == 0x2026)
      continue;
    for (er_glyph *c = a; c <= b; c++) {
      double left, right, margin = DASH_MARGIN * c->size;
      if (c->gid == 0 || !er_face_ink(er_fontset_face(fonts, c->face), c->gid, &left, &right))
        continue;
      double ink = (right - left) * c->font_adv; /* at scale 1 */
      if (ink <= 0 || ink >= c->adv - margin)
        continue;
      c->hscale = (c->adv - margin) / ink;
      c->shift = left * c->font_adv * c->hscale - (c == a ? margin : 0);
    }
  }
}

static void append(er_glyphs *g, uint32_t cp) { U8_APPEND_UNSAFE(g->text, g->len, cp); }

bool er_glyphs_make(er_glyphs *out, er_fontset *fonts, er_linebreaker *lb, const er_span *spans,
                    size_t nspans, const er_para_style *style, er_diag *d) {
  memset(out, 0, sizeof *out);
  er_glyph_cache *cache = er_fontset_glyph_cache(fonts);
  if (er_glyph_cache_get(cache, spans, nspans, style, out))
    return true;
  size_t total = 0;
  for (size_t s = 0; s < nspans; s++)
    total += spans[s].len;
  /* an invalid byte becomes U+FFFD, three bytes */
  out->text = malloc(3 * total + 1);
  /* one item per character, each set in full below: not zeroed, as
   * there are up to three times as many bytes as characters */
  out->items = malloc((total ? total : 1) * sizeof *out->items);
  uint32_t *cps = malloc((total ? total : 1) * sizeof *cps);
  uint8_t *breaks = malloc(total ? total : 1);
  unsigned *props = malloc((total ? total : 1) * sizeof *props);
  double *permille = malloc((total ? total : 1) * sizeof *permille);
  if (!out->text || !out->items || !cps || !breaks || !props || !permille)
    abort();
  for (size_t s = 0; s < nspans; s++) {
    const er_span *sp = &spans[s];
    for (size_t i = 0; i < sp->len;) {
      UChar32 c;
      U8_NEXT_OR_FFFD(sp->text, i, sp->len, c);
      uint32_t cp = c == '\t' ? ' ' : (uint32_t)c;
      er_glyph *g = &out->items[out->n];
      *g = (er_glyph){.cp = cp,
                      .off = out->len,
                      .size = sp->size,
                      .hscale = 1,
                      .rise = sp->rise,
                      .color = sp->color};
      er_char_info ci = char_info(cache, fonts, sp->role, cp, d);
      props[out->n] = ci.props;
      permille[out->n] = ci.permille;
      if (ci.props & ER_CHAR_HIDDEN) {
        g->flags = ER_GLYPH_HIDDEN;
        g->face = -1;
      } else {
        er_glyph_pick pick = ci.pick;
        g->face = pick.face;
        g->gid = pick.glyph;
        g->stroke = (pick.embolden + (sp->bold ? ER_BOLD_STROKE_EM : 0)) * sp->size;
        if (cp > 0xFFFF) /* libharu's UTF-8 encoder stops at the BMP */
          g->cp = cp = 0xFFFD;
      }
      append(out, cp);
      g->len = out->len - g->off;
      cps[out->n++] = cp;
    }
  }
  out->text[out->len] = '\0';
  bool ok = er_linebreaks(lb, cps, out->n, breaks);
  if (ok && style->phrases)
    ok = er_phrase_breaks(lb, cps, out->n, breaks);
  if (!ok)
    er_error(d, ((er_pos){0, 0}), "icu", "ICU 断行失败");
  if (ok && style->line_ends && style->nline_ends == out->n) {
    for (size_t i = 0; i + 1 < out->n; i++) {
      if (style->line_ends[i])
        breaks[i] = ER_BREAK_MANDATORY;
      else if (breaks[i] != ER_BREAK_MANDATORY)
        breaks[i] = ER_BREAK_NONE;
    }
  }
  for (size_t i = 0; i < out->n; i++) {
    out->items[i].brk = ok ? breaks[i] : ER_BREAK_ALLOWED;
    /* props and permille were set for each of the out->n characters */
    // NOLINTNEXTLINE(clang-analyzer-core.CallAndMessage)
    classify(&out->items[i], props[i], permille[i], fonts, style);
  }
  if (ok && !style->line_ends) {
    er_unit_breaks(cps, out->n, breaks);
    for (size_t i = 0; i < out->n; i++)
      if (breaks[i] && out->items[i].brk == ER_BREAK_NONE)
        out->items[i].flags |= ER_GLYPH_UNIT_BREAK;
  }
  if (style->squeeze)
    squeeze_pairs(out);
  join_doubled(out, fonts);
  free(cps);
  free(breaks);
  free(props);
  free(permille);
  if (ok)
    er_glyph_cache_put(cache, spans, nspans, style, out);
  return ok;
}

void er_glyphs_free(er_glyphs *g) {
  free(g->text);
  free(g->items);
  memset(g, 0, sizeof *g);
}
