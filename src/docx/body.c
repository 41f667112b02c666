/* document.xml: the walk over the document tree. Blocks become
 * paragraphs in the styles of styles.c (classes choose alignment as in
 * the CSS and the PDF), inlines become runs (strong bold, em italic, sup
 * and sub raised and lowered; a footnote's mark a footnote reference).
 * Sections: the cover is one of its own without page numbers; a wide
 * table — and the headings just before it — one in landscape; a section
 * ends with an empty, one-point paragraph holding its properties. */
#include "docx/docxw.h"

#include <math.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct run_fmt {
  bool bold, italic;
  const char *vert; /* superscript, subscript or NULL */
  long size;        /* half-points, 0 for the style's */
} run_fmt;

static void text_run(er_docxw *w, const run_fmt *f, const char *text) {
  er_xml *x = &w->x;
  er_xml_open(x, "w:r");
  if (f->bold || f->italic || f->vert || f->size) {
    er_xml_open(x, "w:rPr");
    if (f->bold)
      er_dx_empty(x, "w:b", NULL);
    if (f->italic)
      er_dx_empty(x, "w:i", NULL);
    if (f->size) {
      er_dx_emptyi(x, "w:sz", f->size);
      er_dx_emptyi(x, "w:szCs", f->size);
    }
    if (f->vert)
      er_dx_empty(x, "w:vertAlign", f->vert);
    er_xml_close(x);
  }
  er_docx_text(w, text);
  er_xml_close(x);
}

static void runs(er_docxw *w, const er_node *para, const er_node *n, run_fmt f) {
  for (const er_node *c = n->first; c; c = c->next) {
    run_fmt g = f;
    switch (c->type) {
    case ER_DOC_TEXT:
      text_run(w, &f, c->text);
      break;
    case ER_DOC_BREAK:
      er_xml_open(&w->x, "w:r");
      er_dx_empty(&w->x, "w:br", NULL);
      er_xml_close(&w->x);
      break;
    case ER_DOC_SUP: {
      const char *mark = er_node_text(w->doc, c);
      const er_node *aside = er_docx_note_for(para, mark);
      if (aside) {
        er_docx_note_ref(w, aside, mark);
        break;
      }
      g.vert = "superscript";
      runs(w, para, c, g);
      break;
    }
    case ER_DOC_SUB:
      g.vert = "subscript";
      runs(w, para, c, g);
      break;
    case ER_DOC_STRONG:
      g.bold = true;
      runs(w, para, c, g);
      break;
    case ER_DOC_EMPH:
      g.italic = true;
      runs(w, para, c, g);
      break;
    default:
      runs(w, para, c, g);
      break;
    }
  }
}

void er_docx_runs(er_docxw *w, const er_node *n, long size, bool bold) {
  run_fmt f = {.size = size, .bold = bold};
  er_docx_lines_begin(w, n);
  runs(w, n, n, f);
  w->breaking = NULL;
}

void er_docx_ppr_begin(er_docxw *w, const char *style_id, const char *jc) {
  er_xml *x = &w->x;
  er_xml_open(x, "w:pPr");
  if (style_id)
    er_dx_empty(x, "w:pStyle", style_id);
  if (w->keep_next) {
    er_dx_empty(x, "w:keepNext", NULL);
    w->keep_next = false;
  }
  if (w->break_before) {
    er_dx_empty(x, "w:pageBreakBefore", NULL);
    w->break_before = false;
  }
  (void)jc;
}

#define COVER_TITLE_SIZE 52 /* 一号, half-points */
#define COVER_GAP 5         /* grid lines above the date, without fields */

/* The rows of the cover's fields table n, or 0. */
static int field_rows(const er_node *n) {
  int rows = 0;
  if (n->type == ER_DOC_TABLE && er_node_has_class(n, "fields"))
    for (const er_node *part = n->first; part; part = part->next)
      if (part->type == ER_DOC_THEAD || part->type == ER_DOC_TBODY)
        for (const er_node *r = part->first; r; r = r->next)
          rows++;
  return rows;
}

/* The cover's date two grid lines above the foot of the text block, as
 * the PDF sets it: below the fields centred on 0.42 of its height. */
static void cover_date_spacing(er_docxw *w, const er_node *date) {
  const er_dx_page *p = &w->portrait;
  int rows = 0;
  for (const er_node *n = date->prev; n && !rows; n = n->prev)
    rows = field_rows(n);
  long block_h = p->height - p->top - p->bottom;
  long before = block_h * 58 / 100 - 2 * p->line_pitch - rows * p->line_pitch * 135 / 200;
  if (!rows)
    before = COVER_GAP * p->line_pitch;
  er_xml *x = &w->x;
  er_xml_open(x, "w:spacing");
  er_xml_attri(x, "w:before", before > 0 ? before : 0);
  er_xml_attr(x, "w:after", "0");
  er_xml_attr(x, "w:line", "240");
  er_xml_attr(x, "w:lineRule", "auto");
  er_xml_close(x);
}

/* The cover's title as the PDF sets it (src/pdf/cover.c): two grid lines
 * down, lines of 1.6 of its size a character in from either side, and
 * below it the room that puts the fields (1.35 grid lines a row) across
 * the middle of the page, centred on 0.42 of the text block's height. */
static void cover_title_spacing(er_docxw *w, const er_node *title) {
  const er_dx_page *p = &w->portrait;
  long size = COVER_TITLE_SIZE * 10L, line = size * 16 / 10; /* twips */
  double chars = 0;
  for (const unsigned char *s = (const unsigned char *)er_node_text(w->doc, title); *s; s++)
    chars += *s < 0x80 ? 0.5 : (*s & 0xC0) != 0x80;
  long measure = p->width - p->left - p->right - 2 * size;
  long lines = (long)ceil(chars * (double)size / (double)(measure > size ? measure : size));
  int rows = 0;
  for (const er_node *n = title->next; n && !rows; n = n->next)
    rows = field_rows(n);
  long block_h = p->height - p->top - p->bottom;
  long fields = block_h * 42 / 100 - rows * p->line_pitch * 135 / 200;
  long after = fields - 2 * p->line_pitch - (lines < 1 ? 1 : lines) * line;
  er_xml *x = &w->x;
  er_xml_open(x, "w:spacing");
  er_xml_attri(x, "w:before", 2 * p->line_pitch);
  er_xml_attri(x, "w:after", after > 0 ? after : 0);
  er_xml_attri(x, "w:line", line);
  er_xml_attr(x, "w:lineRule", "exact");
  er_xml_close(x);
  er_xml_open(x, "w:ind");
  er_xml_attri(x, "w:left", size);
  er_xml_attri(x, "w:right", size);
  er_xml_attr(x, "w:firstLineChars", "0");
  er_xml_attr(x, "w:firstLine", "0");
  er_xml_close(x);
}

static void no_indent(er_docxw *w, long right) {
  er_xml *x = &w->x;
  er_xml_open(x, "w:ind");
  er_xml_attr(x, "w:firstLineChars", "0");
  er_xml_attr(x, "w:firstLine", "0");
  if (right) {
    er_xml_attri(x, "w:rightChars", right * 100);
    er_xml_attri(x, "w:right", right * w->portrait.cell);
  }
  er_xml_close(x);
}

/* 附件说明 (GB/T 9704 §7.3.4, class annex-note "附件：1.…", or an
 * outline's own list, class annex-list "附件1：…"): two characters in, a
 * long name hanging after its label, as the PDF sets it (src/pdf/annex.c). */
static void annex_indent(er_docxw *w, const er_node *n) {
  er_xml *x = &w->x;
  long label = er_node_has_class(n, "annex-list") ? 350 : 300; /* 附件1： 附件： in 1/100 chars */
  er_xml_open(x, "w:ind");
  er_xml_attri(x, "w:leftChars", 200 + label);
  er_xml_attri(x, "w:left", (200 + label) * w->portrait.cell / 100);
  er_xml_attri(x, "w:hangingChars", label);
  er_xml_attri(x, "w:hanging", label * w->portrait.cell / 100);
  er_xml_close(x);
}

/* A paragraph's style and alignment by its class, as the CSS has them. */
static void paragraph_of(er_docxw *w, const er_node *n, const char *style_id) {
  er_xml *x = &w->x;
  const char *jc = NULL;
  bool indent = true;
  long right = 0;
  if (er_node_has_class(n, "note"))
    style_id = "SmallPrint";
  else if (er_node_has_class(n, "issuer"))
    style_id = "Issuer";
  if (er_node_has_class(n, "center") || er_node_has_class(n, "subtitle") ||
      er_node_has_class(n, "date") || er_node_has_class(n, "issuer") ||
      er_node_has_class(n, "doc-number"))
    jc = "center";
  else if (er_node_has_class(n, "right"))
    jc = "right";
  else if (er_node_has_class(n, "signature")) {
    jc = "right";
    right = 2;
  } else if (er_node_has_class(n, "annex-list") || er_node_has_class(n, "annex-note"))
    jc = "left"; /* ragged, on the PDF's lines */
  if (jc || er_node_has_class(n, "noindent") || er_node_has_class(n, "addressee") ||
      er_node_has_class(n, "imprint"))
    indent = false;
  if (w->in_cover && !jc) {
    jc = "center";
    indent = false;
  }
  er_xml_open(x, "w:p");
  er_docx_ppr_begin(w, style_id, NULL);
  if (w->in_cover && er_node_has_class(n, "date")) /* the date at the foot */
    cover_date_spacing(w, n);
  else if (er_node_has_class(n, "signature") &&
           (!n->prev || !er_node_has_class(n->prev, "signature"))) {
    er_xml_open(x, "w:spacing"); /* 署名 two lines below the text */
    er_xml_attri(x, "w:before", 2 * w->portrait.line_pitch);
    er_xml_close(x);
  } else if (er_node_has_class(n, "issuer") &&
             (!n->prev || !er_node_has_class(n->prev, "issuer"))) {
    /* GB/T 9704 §7.2.2: the mark's top 35 mm below the type area's top;
     * its em box is centred in its line */
    long em = w->size[ER_ROLE_TITLE] * 10; /* twips */
    er_xml_open(x, "w:spacing");
    er_xml_attri(x, "w:before", 1984 - (w->portrait.line_pitch - em) / 2);
    er_xml_close(x);
  } else if (er_node_has_class(n, "annex-note")) {
    er_xml_open(x, "w:spacing"); /* 附件说明 one line below the text */
    er_xml_attri(x, "w:before", w->portrait.line_pitch);
    er_xml_close(x);
  }
  if (er_node_has_class(n, "annex-list") || er_node_has_class(n, "annex-note"))
    annex_indent(w, n);
  else if (!indent)
    no_indent(w, right);
  if (jc)
    er_dx_empty(x, "w:jc", jc);
  er_xml_close(x);
  er_docx_runs(w, n, 0, false);
  er_xml_close(x);
}

void er_docx_paragraph(er_docxw *w, const er_node *n, const char *style_id, const char *jc) {
  er_xml *x = &w->x;
  er_xml_open(x, "w:p");
  er_docx_ppr_begin(w, style_id, jc);
  if (jc) {
    no_indent(w, 0);
    er_dx_empty(x, "w:jc", jc);
  }
  er_xml_close(x);
  er_docx_runs(w, n, 0, false);
  er_xml_close(x);
}

static void bookmark_start(er_docxw *w, int k) {
  er_xml_open(&w->x, "w:bookmarkStart");
  er_xml_attri(&w->x, "w:id", k);
  er_xml_attrf(&w->x, "w:name", "_Toc%d", k);
  er_xml_close(&w->x);
}

static void bookmark_end(er_docxw *w, int k) {
  er_xml_open(&w->x, "w:bookmarkEnd");
  er_xml_attri(&w->x, "w:id", k);
  er_xml_close(&w->x);
}

/* An annex's heading as GB/T 9704 §8 sets it and the PDF does
 * (src/pdf/annex.c): "附件N" flush left with a line left blank under it —
 * the heading, in the outline and the contents' target — then the annex's
 * title centred as a title is (AnnexTitle), on the PDF's lines: a long
 * title no longer runs on after "附件：" and breaks inside a word. */
static bool annex_heading(er_docxw *w, const er_node *n, int k) {
  const char *text;
  size_t skip, label = er_pdf_annex_label(w->doc, n, &text, &skip);
  if (!label)
    return false;
  er_xml *x = &w->x;
  er_xml_open(x, "w:p");
  er_docx_ppr_begin(w, "AnnexHeading", NULL);
  er_xml_open(x, "w:spacing");
  er_xml_attri(x, "w:after", w->portrait.line_pitch);
  er_xml_close(x);
  no_indent(w, 0);
  er_xml_close(x);
  if (k >= 0)
    bookmark_start(w, k);
  char *head = strndup(text, label);
  if (!head)
    abort();
  run_fmt f = {0};
  w->breaking = NULL;
  text_run(w, &f, head);
  free(head);
  if (k >= 0) {
    bookmark_end(w, k);
    er_docx_toc_entry_field(w, text); /* the contents' entry, as the PDF's */
  }
  er_xml_close(x);
  const char *title = text + label + skip;
  while (*title == ' ')
    title++;
  if (*title) {
    er_xml_open(x, "w:p");
    er_docx_ppr_begin(w, "AnnexTitle", NULL);
    er_xml_close(x);
    er_docx_lines_begin(w, n); /* the breaks the PDF gave the title */
    text_run(w, &f, title);
    er_xml_close(x);
  }
  return true;
}

static void heading(er_docxw *w, const er_node *n) {
  er_xml *x = &w->x;
  int k = er_docx_listed(n) ? er_docx_heading_index(w, n) : -1;
  if (annex_heading(w, n, k))
    return;
  char style[24];
  int level = n->level < 1 ? 1 : n->level > 4 ? 4 : n->level;
  /* a heading 2 or 3 the contents does not list (the summary's, in the
   * front matter) in a style of its own, which an updated contents leaves
   * out as evalreport's does (toc.c) */
  bool unlisted = (level == 2 || level == 3) && (k < 0 || w->in_front);
  snprintf(style, sizeof style, "Heading%d%s", level, unlisted ? "Unlisted" : "");
  er_xml_open(x, "w:p");
  er_docx_ppr_begin(w, style, NULL);
  bool title = w->in_cover && level == 1;
  if (title) /* the cover's title near the top, the fields below it mid-page */
    cover_title_spacing(w, n);
  er_xml_close(x);
  if (k >= 0)
    bookmark_start(w, k);
  er_docx_runs(w, n, title ? COVER_TITLE_SIZE : 0, false);
  if (k >= 0)
    bookmark_end(w, k);
  er_xml_close(x);
}

static void list(er_docxw *w, const er_node *n) {
  int k = 0;
  for (const er_node *li = n->first; li; li = li->next) {
    char marker[24];
    snprintf(marker, sizeof marker, n->ordered ? "%d. " : "• ", ++k);
    bool inl = !li->first || er_doc_is_inline(li->first->type);
    er_xml_open(&w->x, "w:p");
    er_docx_ppr_begin(w, NULL, NULL);
    er_xml_close(&w->x);
    run_fmt f = {0};
    text_run(w, &f, marker);
    if (inl) {
      er_docx_runs(w, li, 0, false);
      er_xml_close(&w->x);
    } else {
      er_xml_close(&w->x);
      er_docx_blocks(w, li);
    }
  }
}

/* The empty paragraph that ends a section. */
static void section_break(er_docxw *w) {
  er_xml *x = &w->x;
  er_xml_open(x, "w:p");
  er_xml_open(x, "w:pPr");
  er_dx_empty(x, "w:snapToGrid", "0");
  er_xml_open(x, "w:spacing");
  er_xml_attr(x, "w:line", "20");
  er_xml_attr(x, "w:lineRule", "exact");
  er_xml_close(x);
  er_xml_open(x, "w:rPr");
  er_dx_emptyi(x, "w:sz", 2);
  er_xml_close(x);
  er_docx_sect(w, false);
  er_xml_close(x);
  er_xml_close(x);
  w->break_before = false;
}

/* A wide table turns its section, and so do the headings just before it. */
static bool wants_landscape(const er_node *n) {
  for (; n; n = n->next)
    if (n->type != ER_DOC_HEADING)
      return er_docx_wide_table(n);
  return false;
}

void er_docx_block(er_docxw *w, const er_node *n) {
  switch (n->type) {
  case ER_DOC_HEADING:
    heading(w, n);
    break;
  case ER_DOC_PARAGRAPH:
    paragraph_of(w, n, NULL);
    break;
  case ER_DOC_LIST:
    list(w, n);
    break;
  case ER_DOC_TABLE:
    er_docx_table(w, n);
    break;
  case ER_DOC_CHART:
    er_docx_chart(w, n);
    break;
  case ER_DOC_COVER:
    w->in_cover = true;
    er_docx_blocks(w, n);
    section_break(w);
    w->in_cover = false;
    if (n->next && n->next->type == ER_DOC_PAGE_BREAK)
      w->break_before = false;
    break;
  case ER_DOC_TOC:
    er_docx_toc(w, n);
    break;
  case ER_DOC_PAGE_BREAK:
    /* the section that just ended began a page already */
    if (!(n->prev && n->prev->type == ER_DOC_COVER))
      w->break_before = true;
    break;
  case ER_DOC_FOOTNOTE:
    if (!er_docx_note_referenced(w, n))
      paragraph_of(w, n, "FootnoteText");
    break;
  case ER_DOC_DIAGNOSTICS:
  case ER_DOC_ITEM:
    er_docx_blocks(w, n);
    break;
  default:
    break;
  }
}

static bool follows_cover(const er_node *n) {
  for (n = n->prev; n && n->type == ER_DOC_PAGE_BREAK; n = n->prev)
    ;
  return n && n->type == ER_DOC_COVER;
}

void er_docx_blocks(er_docxw *w, const er_node *parent) {
  for (const er_node *n = parent->first; n; n = n->next) {
    if (er_doc_is_inline(n->type)) { /* a block holding inlines: one paragraph */
      paragraph_of(w, parent, NULL);
      return;
    }
    if (n == w->body_start) { /* the body's pages are numbered from 1 */
      if (!follows_cover(n))  /* else the cover's section has just ended */
        section_break(w);
      w->in_front = false;
      w->restart = true;
    }
    if (parent->type == ER_DOC_DOCUMENT && n->type != ER_DOC_PAGE_BREAK &&
        wants_landscape(n) != w->landscape_on) {
      section_break(w);
      w->landscape_on = !w->landscape_on;
    }
    er_docx_block(w, n);
  }
}
