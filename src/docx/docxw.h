/* The DOCX writer's internals: an XML part being written (xml.c, over
 * libxml2's xmlTextWriter), the package of parts (package.c, minizip), the
 * page geometry in twips (section.c) and the state of the walk over the
 * document tree (body.c, table.c, toc.c, notes.c, chart.c). */
#ifndef ER_DOCX_DOCXW_H
#define ER_DOCX_DOCXW_H

#include "doc/doc.h"
#include "doc/style.h"
#include "model/diag.h"
#include "pdf/pdf.h"

#include "zip/xmlpart.h"
#include "zip/zipfile.h"

#include <libxml/xmlwriter.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* ---- XML parts (zip/xmlpart.h; the shorthands in xml.c) ---- */

#define ER_DX_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define ER_DX_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* <name/> or <name w:val="val"/> when val is not NULL. */
void er_dx_empty(er_xml *x, const char *name, const char *val);
void er_dx_emptyi(er_xml *x, const char *name, long val);
/* <w:t xml:space="preserve">text</w:t> */
void er_dx_t(er_xml *x, const char *text);

/* ---- the package (package.c) ---- */

#define ER_DX_DEFLATE_LEVEL 1 /* fastest: see package.c */

typedef struct er_dx_part {
  char *name; /* "word/document.xml" */
  const char *type;
  unsigned char *data; /* or NULL and the part deflated: */
  size_t len;
  er_zip_deflated deflated;
} er_dx_part;

typedef struct er_dx_rel {
  char *target; /* relative to word/ */
  const char *type;
} er_dx_rel;

typedef struct er_package {
  er_dx_part *parts;
  size_t nparts, parts_cap;
  er_dx_rel *rels; /* the document's, rId1 … */
  size_t nrels, rels_cap;
} er_package;

/* Ends the part being written in x and adds it. */
void er_package_add(er_package *p, const char *name, const char *type, er_xml *x);
/* Adds a part of bytes (a copy); `type` NULL for a relationships part. */
void er_package_add_bytes(er_package *p, const char *name, const char *type, const void *data,
                          size_t len);
/* A relationship from the document to `target`; returns its number (rIdN). */
int er_package_rel(er_package *p, const char *target, const char *type);
/* Writes [Content_Types].xml, the relationships and every part to `path`,
 * with fixed timestamps. */
bool er_package_write(er_package *p, const char *path, er_diag *d);
void er_package_free(er_package *p);

#define ER_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define ER_CT "application/vnd.openxmlformats-officedocument."

/* ---- geometry and sections (section.c) ---- */

typedef struct er_dx_page {
  long width, height, top, right, bottom, left; /* twips */
  long line_pitch;                              /* twips */
  long char_space;                              /* 1/4096 pt off the body size */
  long compress; /* the same in twentieths of a point, rounded down */
  long cell;     /* a character's cell of the grid, twips (indents) */
} er_dx_page;

/* A table as evalreport's PDF lays it out (er_pdf_heading_folios), in
 * twips: its grid columns, the cells' size in half-points, line height
 * and padding. */
typedef struct er_dx_table_layout {
  const er_node *table;
  int ncols;
  long *widths;
  long size, line, padx, pady;
} er_dx_table_layout;

/* Where the PDF breaks a balanced title or a caption (er_pdf_lines). */
typedef struct er_dx_lines {
  const er_node *node;
  bool contents; /* the lines of node's entry in the contents */
  size_t *breaks, nbreaks;
} er_dx_lines;

/* A chart's workbook (chart_book.c), from a copy of its data. */
typedef struct er_dx_book {
  const er_node *chart;
  const char *unit;
  const char **labels;
  double *values;
  size_t n;
  unsigned char *data; /* the XLSX, or NULL where it could not be written */
  size_t len;
} er_dx_book;

/* Every chart's workbook, built on a thread while the layout runs. */
typedef struct er_dx_books {
  er_dx_book *books;
  size_t n;
  long long created; /* the workbooks' creation time */
  pthread_t thread;
  bool running;
} er_dx_books;

typedef struct er_docxw {
  er_doc *doc;
  const er_style *style;
  er_diag *d;
  er_package pkg;
  er_xml x; /* document.xml */
  bool draft;

  er_dx_page portrait, landscape;
  long size[ER_ROLE_COUNT]; /* half-points */
  int sections;             /* ended so far */
  bool landscape_on;        /* the section being written */
  bool in_cover;
  bool in_front;                           /* before body_start: 摘要 and the contents */
  bool restart;                            /* the next section counts its pages from 1 */
  const er_node *body_start;               /* its page is — 1 —; NULL without front matter */
  bool break_before;                       /* the next paragraph starts a page */
  bool keep_next;                          /* … or stays with the one after it */
  int footer_odd, footer_even, header_rel; /* rIds, 0 for none */

  const int *folios; /* per heading in document order, 0 unknown; or NULL */
  size_t nfolios;
  er_dx_table_layout *tables; /* in document order; none without fonts */
  size_t ntables, tables_cap;
  er_dx_lines *lines; /* balanced titles and captions as the PDF breaks them */
  size_t nlines, lines_cap;
  const er_dx_lines *breaking;    /* those of the paragraph being written, or NULL */
  size_t broken, chars;           /* breaks written in it, characters before */
  bool in_contents;               /* writing an entry of the contents: its lines */
  int bookmark;                   /* bookmarks given so far */
  struct er_dx_heading *headings; /* every heading, sorted by address */
  size_t nheadings;

  er_xml notes; /* footnotes.xml */
  int nnotes;
  int ncharts;
  er_dx_books books;
  long long created; /* the document's date, seconds since 1970; < 0 for none */
} er_docxw;

er_dx_page er_docx_page(const er_style *s, bool landscape);
/* Writes the sectPr of the section that ends here. */
void er_docx_sect(er_docxw *w, bool last);
/* The footers (— N —, odd right, even left) and the watermark header. */
void er_docx_footers(er_docxw *w);
/* Half-points and twips from the profile. */
long er_docx_twips(er_length l);

/* styles.c, settings.c, props.c */
void er_docx_styles(er_docxw *w);
void er_docx_settings(er_docxw *w);
typedef struct er_docx_props {
  const char *title, *author, *subject, *keywords;
  long long created; /* seconds since 1970, < 0 for none */
} er_docx_props;
void er_docx_props_parts(er_docxw *w, const er_docx_props *props);

/* body.c */
void er_docx_blocks(er_docxw *w, const er_node *parent);
void er_docx_block(er_docxw *w, const er_node *n);
/* A paragraph of n's content in style `style_id` (NULL for 正文); jc, or NULL. */
void er_docx_paragraph(er_docxw *w, const er_node *n, const char *style_id, const char *jc);
/* The runs of n's inline children; `size` half-points, 0 for the style's. */
void er_docx_runs(er_docxw *w, const er_node *n, long size, bool bold);
/* The <w:pPr> opening of a paragraph: style, jc; left open for more. */
void er_docx_ppr_begin(er_docxw *w, const char *style_id, const char *jc);

/* table.c */
void er_docx_table(er_docxw *w, const er_node *table);
/* An er_pdf_table_fn (pdf.h): keeps the PDF's layout of a table in the
 * writer `ctx`, for er_docx_table. */
void er_docx_keep_table_layout(void *ctx, const er_pdf_table_layout *t);
void er_docx_table_layouts_free(er_docxw *w);
/* An er_pdf_lines_fn (pdf.h): keeps where the PDF breaks a title's lines,
 * for er_docx_runs to break them there too (w:br). */
void er_docx_keep_lines(void *ctx, const er_pdf_lines *l);
void er_docx_lines_free(er_docxw *w);
/* Starts the runs of paragraph n (its breaks, if the PDF gave some). */
void er_docx_lines_begin(er_docxw *w, const er_node *n);
/* <w:t> of text, with a <w:br/> where a line of the paragraph starts. */
void er_docx_text(er_docxw *w, const char *text);
bool er_docx_wide_table(const er_node *n);
/* chart.c */
void er_docx_chart(er_docxw *w, const er_node *chart);
/* chart_book.c: starts building every chart's workbook (w->created set);
 * the workbook of `chart`, waiting for it, or NULL; and the end. */
void er_docx_books_start(er_docxw *w);
const er_dx_book *er_docx_book_of(er_docxw *w, const er_node *chart);
void er_docx_books_free(er_docxw *w);
/* toc.c */
void er_docx_toc(er_docxw *w, const er_node *nav);
/* The bookmark of a listed heading ("_Toc3"), or NULL. */
bool er_docx_listed(const er_node *n);
/* A TC field giving the contents the entry `entry` for the heading it is
 * written in (an annex's "附件N：title", body.c). */
void er_docx_toc_entry_field(er_docxw *w, const char *entry);
int er_docx_heading_index(const er_docxw *w, const er_node *h);
/* Numbers the document's headings for er_docx_heading_index (once, so
 * that finding a heading's number does not walk the document); returns
 * how many there are. */
size_t er_docx_index_headings(er_docxw *w);
/* notes.c: footnotes; a paragraph's <sup> marks become references to the
 * asides after it. */
void er_docx_notes_begin(er_docxw *w);
void er_docx_notes_end(er_docxw *w);
/* The footnote aside after paragraph `p` whose mark is `mark`, or NULL. */
const er_node *er_docx_note_for(const er_node *p, const char *mark);
void er_docx_note_ref(er_docxw *w, const er_node *aside, const char *mark);
/* Whether an aside was referenced from the paragraph before it. */
bool er_docx_note_referenced(er_docxw *w, const er_node *aside);

#endif
