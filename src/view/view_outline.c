/* The walk over the report's structure: front matter (cover, 版头, 摘要,
 * 目录, 主送), the outline's sections with their numbered headings and
 * bodies, then 附件说明, the signature, the annexes and the 版记. The
 * structure is the data's own, or the outline file's (built-in or from a
 * template directory); what the data's `report` leaves out comes from the
 * outline file. A section with nothing to show is left out and the
 * numbering closes up. */
#include "view/view_impl.h"

#include "model/text.h"

#include <string.h>

static const char *const default_numbering[] = {"", "一、", "（一）", "1.", "（1）"};

typedef struct walk {
  er_dict *into;                         /* where ENTRY items go */
  const er_outline_section *annexes[64]; /* found on the way, shown after the signature */
  size_t nannexes;
} walk;

/* ---- what the data's `report` leaves out, from the outline file ---- */

static const er_report_layout *own(const er_view *v) { return &v->layout->report; }

static bool flag(const er_view *v, size_t offset) {
  const er_flag *mine = (const er_flag *)((const char *)own(v) + offset);
  const er_flag *dflt = (const er_flag *)((const char *)v->defaults + offset);
  return mine->set ? mine->v : dflt->set && dflt->v;
}
#define FLAG_OF(v, field) flag(v, offsetof(er_report_layout, field))

static int choice(const er_view *v, size_t offset) {
  const er_choice *mine = (const er_choice *)((const char *)own(v) + offset);
  const er_choice *dflt = (const er_choice *)((const char *)v->defaults + offset);
  return mine->index >= 0 ? mine->index : dflt->index;
}
#define CHOICE_OF(v, field) choice(v, offsetof(er_report_layout, field))

/* ---- sections ---- */

static bool section_present(er_view *v, const er_outline_section *s) {
  for (size_t i = 0; i < s->body.count; i++) {
    const er_body_item *b = &s->body.items[i];
    if (b->text.s || b->empty.s || (b->block.s && er_view_block(v, NULL, b, 1)))
      return true;
  }
  for (size_t i = 0; i < s->sections.count; i++)
    if (section_present(v, &s->sections.items[i]))
      return true;
  return false;
}

static void paragraphs(er_view *v, er_dict *entry, const er_text *text, int align) {
  static const char *const classes[] = {"noindent", "center", "right"};
  size_t count;
  const char **paras = er_paragraphs(v->arena, text->s, &count);
  for (size_t i = 0; i < count; i++) {
    er_dict *p = er_view_para(v, entry, paras[i]);
    if (align >= 0)
      er_dict_set(er_dict_add(p, "PCLASS"), "NAME", classes[align]);
  }
}

static void body(er_view *v, walk *w, const er_outline_section *s, int level) {
  for (size_t i = 0; i < s->body.count; i++) {
    const er_body_item *b = &s->body.items[i];
    er_dict *entry = er_dict_add(w->into, "ENTRY");
    if (b->text.s) {
      paragraphs(v, entry, &b->text, b->align.index);
      continue;
    }
    if (!b->block.s) /* neither: check's error; a draft shows the rest */
      continue;
    v->block_id = b->id.s;
    bool shown = er_view_block(v, entry, b, level);
    v->block_id = NULL;
    if (!shown && b->empty.s)
      paragraphs(v, entry, &b->empty, b->align.index);
    if (shown && b->note.s) { /* under the block: an entry of its own */
      er_dict *p = er_view_para(v, er_dict_add(w->into, "ENTRY"), b->note.s);
      er_dict_set(er_dict_add(p, "PCLASS"), "NAME", "note");
    }
  }
}

static void heading(er_view *v, walk *w, const er_outline_section *s, int level, bool annex) {
  er_dict *entry = er_dict_add(w->into, "ENTRY");
  if (s->page_break.v || annex)
    er_dict_show(entry, "PAGE_BREAK");
  if (!s->title.s)
    return;
  er_dict *h;
  if (annex) {
    h = er_view_heading(v, entry, "HEADING", level, false);
    ++v->annexes;
    er_dict_set(h, "NUM",
                s->number.s       ? s->number.s /* as the report numbers it: "附件4-1 " */
                : w->nannexes > 1 ? er_arena_printf(v->arena, "附件%d：", v->annexes)
                                  : "附件：");
    er_dict_setf(h, "ID", "annex-%d", v->annexes);
  } else if (s->number.s) { /* written as the report writes it */
    h = er_view_heading(v, entry, "HEADING", level, false);
    er_dict_set(h, "NUM", s->number.s);
  } else
    h = er_view_heading(v, entry, "HEADING", level, true);
  if (s->id.s)
    er_dict_set(h, "ID", s->id.s);
  er_view_set_inline(v, h, "TEXT", s->title.s);
  v->section_id = er_dict_lookup(h, "ID");
}

static void sections(er_view *v, walk *w, const er_outline_sections *list, int level,
                     bool annexes) {
  for (size_t i = 0; i < list->count; i++) {
    const er_outline_section *s = &list->items[i];
    if (s->annex.v && !annexes) {
      if (w->nannexes < sizeof w->annexes / sizeof w->annexes[0])
        w->annexes[w->nannexes++] = s;
      continue;
    }
    if (!section_present(v, s))
      continue;
    if (level == 1 && s->title.s) {
      v->chapter++;
      if (!v->continuous)
        v->tables = v->figures = 0;
    }
    heading(v, w, s, level, s->annex.v);
    body(v, w, s, level);
    sections(v, w, &s->sections, level + 1, annexes);
  }
}

static void reset_numbers(er_view *v) {
  memset(v->counters, 0, sizeof v->counters);
  v->chapter = 0;
}

/* ---- front and back matter ---- */

static void cover(er_view *v) {
  er_dict *c = er_dict_add(v->root, "COVER");
  const er_report_layout *r = own(v)->cover_rows.count ? own(v) : v->defaults;
  int shown = 0;
  for (size_t i = 0; i < r->cover_rows.count; i++) {
    const er_cover_row *row = &r->cover_rows.items[i];
    const char *value = row->value.s ? er_view_inline_now(v, row->value.s) : "";
    if (!*value)
      continue; /* a field the data does not have */
    er_dict *d = er_dict_add(c, "FIELD");
    er_dict_set(d, "LABEL", row->label.s);
    er_dict_set(d, "VALUE", value);
    shown++;
  }
  er_dict_show_if(c, "HAS_FIELDS", shown > 0);
  const char *date = own(v)->cover_date.s ? own(v)->cover_date.s : v->defaults->cover_date.s;
  date = date ? er_view_inline_now(v, date) : er_dict_lookup(v->root, "REPORT_MONTH");
  if (date && *date)
    er_dict_set(er_dict_add(c, "COVER_DATE"), "DATE", date);
}

static void header(er_view *v) {
  const er_doc_header *h = &own(v)->header;
  if (!h->issuers.count && !h->number.s)
    return;
  er_dict *d = er_dict_add(v->root, "HEADER");
  for (size_t i = 0; i < h->issuers.count; i++)
    er_dict_set(er_dict_add(d, "ISSUER"), "NAME", h->issuers.items[i].text.s);
  if (h->number.s)
    er_dict_set(er_dict_add(d, "DOC_NUMBER"), "TEXT", h->number.s);
}

static void summary(er_view *v) {
  if (CHOICE_OF(v, summary) == 0) /* off */
    return;
  const er_outline_sections *s = own(v)->summary_outline.count ? &own(v)->summary_outline
                                 : CHOICE_OF(v, summary) == 1  ? &v->defaults->summary_outline
                                                               : NULL;
  if (!s || !s->count)
    return;
  walk w = {.into = er_dict_add(v->root, "SUMMARY")};
  reset_numbers(v);
  v->id_prefix = "sum";
  sections(v, &w, s, 1, true);
  v->id_prefix = NULL;
}

static void signers(er_view *v) {
  const er_report_layout *r = own(v);
  if (r->signers.count)
    for (size_t i = 0; i < r->signers.count; i++) {
      er_dict *s = er_dict_add(v->root, "SIGNER");
      er_dict_set(s, "ORG", r->signers.items[i].org.s);
      er_dict_set(s, "DATE", er_fmt_date(v->arena, &r->signers.items[i].date));
    }
  else if (v->ev->signature.org.s || v->ev->signature.date.set) {
    er_dict *s = er_dict_add(v->root, "SIGNER");
    er_dict_set(s, "ORG", v->ev->signature.org.s);
    er_dict_set(s, "DATE", er_fmt_date(v->arena, &v->ev->signature.date));
  }
}

static void annex_note(er_view *v, const walk *w) {
  if (!FLAG_OF(v, annex_note) || !w->nannexes)
    return;
  er_dict *d = er_dict_add(v->root, "ANNEX_NOTE");
  for (size_t i = 0; i < w->nannexes; i++) {
    er_dict *a = er_dict_add(d, "ANNEX");
    er_dict_set(a, "NUM", w->nannexes > 1 ? er_arena_printf(v->arena, "%zu.", i + 1) : "");
    er_view_set_inline(v, a, "TITLE", w->annexes[i]->title.s);
  }
}

static void imprint(er_view *v) {
  const er_imprint *im = &own(v)->imprint;
  if (!im->cc.s && !im->printer.s)
    return;
  er_dict *d = er_dict_add(v->root, "IMPRINT");
  if (im->cc.s)
    er_dict_set(er_dict_add(d, "CC"), "TEXT", im->cc.s);
  er_dict_set(d, "PRINTER", im->printer.s);
  er_dict_set(d, "DATE",
              im->date.set ? er_arena_printf(v->arena, "%d年%d月%d日印发", im->date.year,
                                             im->date.month, im->date.day)
                           : "");
}

bool er_view_outline_has(const er_view *v, const char *name);

static bool has_block(const er_outline_sections *list, const char *name) {
  for (size_t i = 0; i < list->count; i++) {
    const er_outline_section *s = &list->items[i];
    for (size_t j = 0; j < s->body.count; j++)
      if (s->body.items[j].block.s && strcmp(s->body.items[j].block.s, name) == 0)
        return true;
    if (has_block(&s->sections, name))
      return true;
  }
  return false;
}

bool er_view_outline_has(const er_view *v, const char *name) {
  return has_block(&v->layout->outline, name);
}

void er_view_outline(er_view *v) {
  const er_eval *file = v->opts->layout;
  static const er_report_layout none = {.summary = {-1, {0}}, .table_numbers = {-1, {0}}};
  v->layout = v->ev->outline.count || !file ? v->ev : file;
  v->defaults = file ? &file->report : &none;
  for (int level = 1; level <= 4; level++) {
    const er_labels *mine = own(v)->numbering.count ? &own(v)->numbering : &v->defaults->numbering;
    v->numbering[level] = (size_t)level <= mine->count && mine->items[level - 1].text.s
                              ? mine->items[level - 1].text.s
                              : default_numbering[level];
  }
  v->continuous = CHOICE_OF(v, table_numbers) == 1;

  if (FLAG_OF(v, cover))
    cover(v);
  else if (v->ev->project.subtitle.s)
    er_dict_show(v->root, "BODY_SUBTITLE");
  header(v);
  summary(v);
  er_dict_show_if(v->root, "CONTENTS", FLAG_OF(v, contents));
  if (own(v)->addressee.s)
    er_dict_set(er_dict_add(v->root, "ADDRESSEE"), "TEXT", own(v)->addressee.s);

  walk w = {.into = er_dict_add(v->root, "BODY")};
  reset_numbers(v);
  sections(v, &w, &v->layout->outline, 1, false);
  annex_note(v, &w);
  signers(v);
  if (w.nannexes) {
    walk a = {.into = er_dict_add(v->root, "ANNEXES"), .nannexes = w.nannexes};
    for (size_t i = 0; i < w.nannexes; i++) {
      const er_outline_section *s = w.annexes[i];
      v->chapter++;
      if (!v->continuous)
        v->tables = v->figures = 0;
      heading(v, &a, s, 1, true);
      body(v, &a, s, 1);
      sections(v, &a, &s->sections, 2, true);
    }
  }
  imprint(v);
}
