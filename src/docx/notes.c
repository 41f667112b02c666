/* Footnotes: the template writes a footnote as a mark in the paragraph
 * (<sup>①</sup>) and an aside after it that starts with the same mark.
 * Each such pair becomes a Word footnote in footnotes.xml, referenced from
 * the paragraph with the mark as its custom mark (so ① stays ①, numbered
 * through the report as the PDF numbers it); an aside nothing refers to
 * stays a paragraph in the footnote style where it is. */
#include "docx/docxw.h"

#include <string.h>

static const char *aside_text(er_docxw *w, const er_node *aside) {
  return er_node_text(w->doc, aside);
}

/* Asides directly after a paragraph (or after other asides after it). */
const er_node *er_docx_note_for(const er_node *p, const char *mark) {
  size_t len = strlen(mark);
  if (!len || p->type != ER_DOC_PARAGRAPH)
    return NULL;
  for (const er_node *a = p->next; a && a->type == ER_DOC_FOOTNOTE; a = a->next) {
    const er_node *t = a->first;
    if (t && t->type == ER_DOC_TEXT && strncmp(t->text, mark, len) == 0)
      return a;
  }
  return NULL;
}

bool er_docx_note_referenced(er_docxw *w, const er_node *aside) {
  const er_node *p = aside->prev;
  while (p && p->type == ER_DOC_FOOTNOTE)
    p = p->prev;
  if (!p || p->type != ER_DOC_PARAGRAPH)
    return false;
  /* the paragraph holds a sup with the aside's mark */
  const char *text = aside_text(w, aside);
  for (const er_node *n = p->first; n; n = er_node_following(p, n)) {
    if (n->type != ER_DOC_SUP)
      continue;
    const char *mark = er_node_text(w->doc, n);
    if (mark[0] && strncmp(text, mark, strlen(mark)) == 0 && er_docx_note_for(p, mark) == aside)
      return true;
  }
  return false;
}

void er_docx_notes_begin(er_docxw *w) {
  er_xml *x = &w->notes;
  er_xml_begin(x, true);
  er_xml_open(x, "w:footnotes");
  er_xml_attr(x, "xmlns:w", ER_DX_W);
  er_xml_attr(x, "xmlns:r", ER_DX_R);
  static const char *const kinds[] = {"separator", "continuationSeparator"};
  for (int i = 0; i < 2; i++) {
    er_xml_open(x, "w:footnote");
    er_xml_attr(x, "w:type", kinds[i]);
    er_xml_attri(x, "w:id", i - 1);
    er_xml_open(x, "w:p");
    er_xml_open(x, "w:pPr");
    er_xml_open(x, "w:spacing");
    er_xml_attr(x, "w:line", "240");
    er_xml_attr(x, "w:lineRule", "auto");
    er_xml_close(x);
    er_xml_close(x);
    er_xml_open(x, "w:r");
    er_dx_empty(x, i == 0 ? "w:separator" : "w:continuationSeparator", NULL);
    er_xml_close(x);
    er_xml_close(x);
    er_xml_close(x);
  }
}

void er_docx_notes_end(er_docxw *w) {
  er_xml_close(&w->notes);
  er_package_add(&w->pkg, "word/footnotes.xml", ER_CT "wordprocessingml.footnotes+xml", &w->notes);
  er_package_rel(&w->pkg, "footnotes.xml", ER_REL "footnotes");
}

static void mark_run(er_xml *x, const char *mark, bool reference, int id) {
  er_xml_open(x, "w:r");
  er_xml_open(x, "w:rPr");
  er_dx_empty(x, "w:rStyle", "FootnoteReference");
  er_xml_close(x);
  if (reference) {
    er_xml_open(x, "w:footnoteReference");
    er_xml_attr(x, "w:customMarkFollows", "1");
    er_xml_attri(x, "w:id", id);
    er_xml_close(x);
  }
  er_dx_t(x, mark);
  er_xml_close(x);
}

void er_docx_note_ref(er_docxw *w, const er_node *aside, const char *mark) {
  int id = ++w->nnotes;
  mark_run(&w->x, mark, true, id);
  /* the note: its mark, then its text after the mark */
  er_xml *x = &w->notes;
  er_xml_open(x, "w:footnote");
  er_xml_attri(x, "w:id", id);
  er_xml_open(x, "w:p");
  er_xml_open(x, "w:pPr");
  er_dx_empty(x, "w:pStyle", "FootnoteText");
  er_xml_close(x);
  mark_run(x, mark, false, id);
  size_t skip = strlen(mark);
  for (const er_node *c = aside->first; c; c = c->next) {
    const char *t = er_node_text(w->doc, c);
    if (skip) {
      size_t n = strlen(t) < skip ? strlen(t) : skip;
      t += n;
      skip -= n;
    }
    if (!t[0])
      continue;
    er_xml_open(x, "w:r");
    if (c->type == ER_DOC_STRONG) {
      er_xml_open(x, "w:rPr");
      er_dx_empty(x, "w:b", NULL);
      er_xml_close(x);
    }
    er_dx_t(x, t);
    er_xml_close(x);
  }
  er_xml_close(x);
  er_xml_close(x);
}
