/* Typesetting a report's text blocks onto GB/T 9704 pages: the internal
 * API the PDF writer calls as it walks the document tree.
 *
 *   er_typesetter *ts = er_typesetter_new(NULL, NULL, d);
 *   er_typeset_text(ts, ER_BLOCK_TITLE, "南充市城乡低保资金绩效评价报告", -1);
 *   er_typeset_text(ts, ER_BLOCK_H2, "一、基本情况", -1);
 *   er_typeset_text(ts, ER_BLOCK_BODY, "……", -1);
 *   er_typesetter_write(ts, &info, "report.pdf");
 *   er_typesetter_free(ts);
 *
 * Blocks are laid out as they come (paragraph.h) and placed on the line
 * grid (pages.h); a heading waits for the block after it, so that it is
 * never the last line of a page. A paragraph never leaves its first line
 * alone at the foot of a page (orphan) nor its last alone at the top of
 * the next (widow). */
#ifndef ER_PDF_TYPESET_H
#define ER_PDF_TYPESET_H

#include "pdf/pdfout.h"

/* Named after the document's elements: h1 is the title. */
typedef enum er_block_kind {
  ER_BLOCK_TITLE, /* h1: 二号 小标宋, centred, lines balanced */
  ER_BLOCK_H2,    /* 一、 黑体 */
  ER_BLOCK_H3,    /* （一） 楷体 */
  ER_BLOCK_H4,    /* 1. 仿宋 bold */
  ER_BLOCK_H5,    /* （1） 仿宋 (no element yet: the templates write it in a p) */
  ER_BLOCK_BODY,  /* p: 三号 仿宋, indented two characters, justified */
  ER_BLOCK_KIND_COUNT
} er_block_kind;

/* How a kind of block is set. Lengths in lines and characters are of the
 * page's grid. */
typedef struct er_block_style {
  er_role role;
  double size; /* pt */
  bool bold;
  er_align align;
  double indent;       /* first-line indent, in full-width characters */
  double leading;      /* line pitch, in grid lines */
  double space_before; /* in grid lines; none at the top of a page */
  double space_after;  /* in grid lines */
  bool keep_with_next; /* on the same page as the first line after it */
  bool balance;        /* lines of even length rather than full ones and a short last */
  double left, right;  /* the measure starts and ends this many characters in from the block's
                          edges */
  bool off_grid;       /* not snapped to the grid's lines (small print, any leading) */
  bool phrases;        /* broken between words only (a contents entry); balanced blocks are */
} er_block_style;

/* The house style of GB/T 9704 for each kind. */
er_block_style er_block_style_gbt9704(er_block_kind kind);

typedef struct er_typesetter er_typesetter;

/* `page` NULL for GB/T 9704; `roles_yaml` NULL for fonts/roles.yaml. NULL,
 * with an error in `d`, when no usable fonts are installed. Findings while
 * typesetting (characters no font has) also go to `d`. */
er_typesetter *er_typesetter_new(const er_page_style *page, const char *roles_yaml, er_diag *d);
/* The same with a font set the caller resolved (which it hands over: the
 * typesetter frees it). NULL, with an error in `d`, without ICU data. */
er_typesetter *er_typesetter_with_fonts(const er_page_style *page, er_fontset *fonts, er_diag *d);
void er_typesetter_free(er_typesetter *ts);

/* Replaces the style of a kind of block. */
void er_typesetter_set_style(er_typesetter *ts, er_block_kind kind, const er_block_style *style);

/* A block of one style; `len` < 0 for a NUL-terminated text. */
bool er_typeset_text(er_typesetter *ts, er_block_kind kind, const char *text, long len);
/* A block of styled spans (a run-in heading, bold, a smaller note): the
 * block's kind gives the paragraph's alignment, indent and spacing. */
bool er_typeset_spans(er_typesetter *ts, er_block_kind kind, const er_span *spans, size_t n);
/* A block of spans in a style of the caller's (a class of paragraph, a
 * list item, a cover line). `tag` ≥ 0 names it for er_typesetter_tag. */
bool er_typeset_block(er_typesetter *ts, const er_block_style *style, const er_span *spans,
                      size_t n, int tag);
/* Where the block tagged `tag` landed: its page and the top of its first
 * line from the paper's top edge, pt. False when it has not been placed. */
bool er_typesetter_tag(const er_typesetter *ts, int tag, size_t *page, double *y);
/* Places the blocks waiting for the one after them (headings) on the same
 * page as the first `need` points of what follows when they fit together
 * on a page: call it before placing a table or a chart by hand. */
void er_typeset_keep(er_typesetter *ts, double need);
/* Whether blocks wait for the one after them (a heading before a chart). */
bool er_typeset_holding(const er_typesetter *ts);
/* Pages begun from now on have this paper and block (a landscape page);
 * the current page ends. Blocks waiting for the next go on the new page. */
void er_typeset_page_style(er_typesetter *ts, const er_page_style *page);

/* The page set, for placing by hand (cells, charts, contents): blocks
 * may still be waiting (er_typeset_keep places them). */
er_pages *er_typesetter_page_set(er_typesetter *ts);
er_fontset *er_typesetter_fonts(er_typesetter *ts);
er_linebreaker *er_typesetter_linebreaker(er_typesetter *ts);
/* A paragraph style for laying out spans at `measure` points on the grid's
 * character pitch, with the block style's alignment and indent. */
er_para_style er_typesetter_para_style(const er_typesetter *ts, const er_block_style *style,
                                       double measure);

/* The span a block of `kind` would make of `text`. */
er_span er_typeset_span(const er_typesetter *ts, er_block_kind kind, const char *text, size_t len);
/* The next block starts a new page. */
void er_typeset_page_break(er_typesetter *ts);
/* Whether pages begun from now on are numbered (off for a cover). */
void er_typeset_numbering(er_typesetter *ts, bool on);
/* Pages begun from now on are numbered from `next`, in Roman numerals or not. */
void er_typeset_folios(er_typesetter *ts, bool roman, int next);

/* The pages so far (every block placed), e.g. for tests. */
const er_pages *er_typesetter_pages(er_typesetter *ts);
/* Numbers the pages and writes the PDF. */
bool er_typesetter_write(er_typesetter *ts, const er_pdf_info *info, const char *path);

/* A serialisation of laid-out pages to `path`: er_pdf_write_pages, or the
 * OFD writer's (ofd/ofd.h). */
typedef bool (*er_pages_emit)(const er_pages *pages, er_fontset *fonts, const er_pdf_info *info,
                              const char *path, er_diag *d);
/* Numbers the pages and hands them to `emit`. */
bool er_typesetter_emit(er_typesetter *ts, const er_pdf_info *info, const char *path,
                        er_pages_emit emit);

/* All at once: blocks → `path`. */
typedef struct er_block {
  er_block_kind kind;
  const char *text;
} er_block;
bool er_pdf_typeset(const er_block *blocks, size_t n, const er_pdf_info *info, const char *path,
                    er_diag *d);

#endif
