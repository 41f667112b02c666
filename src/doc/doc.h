/* The document: what a template produced, as a tree of blocks and inlines.
 *
 * This is the contract between the templates and the writers (HTML, PDF):
 * a writer sees only this tree, never the model. It follows cmark: one
 * node type, an enum of kinds, children as a linked list, a few typed
 * fields per kind. The tree is parsed from the expanded XHTML (parse.c),
 * strictly: every element and attribute outside the document language
 * below is an error with its line, never dropped.
 *
 *   XHTML                                  node                 fields
 *   <html><head><title>…                   (er_doc title)
 *   <meta name="style" content="gbt9704"/> (er_doc style)
 *   <body>                                 ER_DOC_DOCUMENT      children: blocks
 *   <h1>…<h4>                              ER_DOC_HEADING       level 1–4; inlines
 *   <p>                                    ER_DOC_PARAGRAPH     inlines
 *   <ul>, <ol>                             ER_DOC_LIST          ordered; ITEMs
 *   <li>                                   ER_DOC_ITEM          inlines or blocks; target
 *   <table>                                ER_DOC_TABLE         CAPTION? COLGROUP? THEAD? TBODY*
 *   <caption>                              ER_DOC_CAPTION       inlines
 *   <colgroup>, <col width="20%">          ER_DOC_COLGROUP/COL  width as written
 *   <thead>, <tbody>                       ER_DOC_THEAD/TBODY   ROWs (THEAD repeats per page)
 *   <tr>                                   ER_DOC_ROW           CELLs
 *   <th>, <td rowspan colspan>             ER_DOC_CELL          header, rowspan, colspan;
 *                                                               inlines or blocks
 *   <figure class="chart" data-kind=…>     ER_DOC_CHART         chart, unit, max; DATUMs,
 *                                                               FIGCAPTION?
 *   <data value="98.42">label</data>       ER_DOC_DATUM         value; inlines (the label)
 *   <figcaption>                           ER_DOC_FIGCAPTION    inlines
 *   <section class="cover">                ER_DOC_COVER         blocks (no page number)
 *   <nav class="toc">                      ER_DOC_TOC           blocks (a title); the writer
 *                                                               adds the entries
 *   <div class="page-break"/>              ER_DOC_PAGE_BREAK    —
 *   <aside class="footnote">               ER_DOC_FOOTNOTE      inlines
 *   <div class="diagnostics">              ER_DOC_DIAGNOSTICS   blocks (draft findings)
 *   text                                   ER_DOC_TEXT          text
 *   <br/>                                  ER_DOC_BREAK         —
 *   <strong>, <em>, <sup>, <sub>           ER_DOC_STRONG/…      inlines
 *   <span class="…">                       ER_DOC_SPAN          cls; inlines
 *
 * Attributes: `id` on any block and on rows (letters, digits, '-', '_');
 * `class` on any element (space-separated words of [a-z0-9-]; "num"
 * right-aligns a cell's figures); `data-target` on a list item inside the
 * diagnostics, naming the id the finding links to. Nothing else.
 *
 * Text: whitespace runs become one space, or nothing where they hold a
 * line break between two CJK characters; a block's inlines are trimmed at
 * both ends. A node holds either inlines or blocks, never both. */
#ifndef ER_DOC_H
#define ER_DOC_H

#include "model/arena.h"
#include "model/decimal.h"
#include "model/diag.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum er_doc_type {
  ER_DOC_DOCUMENT,
  /* blocks */
  ER_DOC_HEADING,
  ER_DOC_PARAGRAPH,
  ER_DOC_LIST,
  ER_DOC_ITEM,
  ER_DOC_TABLE,
  ER_DOC_CAPTION,
  ER_DOC_COLGROUP,
  ER_DOC_COL,
  ER_DOC_THEAD,
  ER_DOC_TBODY,
  ER_DOC_ROW,
  ER_DOC_CELL,
  ER_DOC_CHART,
  ER_DOC_DATUM,
  ER_DOC_FIGCAPTION,
  ER_DOC_COVER,
  ER_DOC_TOC,
  ER_DOC_PAGE_BREAK,
  ER_DOC_FOOTNOTE,
  ER_DOC_DIAGNOSTICS,
  /* inlines */
  ER_DOC_TEXT,
  ER_DOC_BREAK,
  ER_DOC_STRONG,
  ER_DOC_EMPH,
  ER_DOC_SUP,
  ER_DOC_SUB,
  ER_DOC_SPAN,
  ER_DOC_TYPE_COUNT
} er_doc_type;

typedef enum er_chart_kind {
  ER_CHART_BAR,
  ER_CHART_HBAR,
  ER_CHART_PIE,
  ER_CHART_STACKED
} er_chart_kind;

typedef struct er_node er_node;
struct er_node {
  er_doc_type type;
  unsigned line; /* in the expanded XHTML */
  er_node *parent, *first, *last, *next, *prev;

  const char *id;  /* or NULL */
  const char *cls; /* the class attribute, or NULL */

  /* The strings of one kind of node share their place (a report has
   * millions of text nodes): read each only on its kind, as the parser
   * sets it only there (NULL there when not given). */
  union {
    const char *text;   /* TEXT: UTF-8, whitespace normalized */
    const char *width;  /* COL: as written ("20%", "30mm"), or NULL */
    const char *value;  /* DATUM: a decimal as written ("98.42") */
    const char *target; /* ITEM in DIAGNOSTICS: the id it links to, or NULL */
    struct {
      const char *unit; /* CHART: data-unit ("%", "万元"), or NULL */
      const char *max;  /* CHART: data-max, a decimal, or NULL (the largest value) */
    };
  };
  int rowspan;         /* CELL: ≥ 1 */
  int colspan;         /* CELL: ≥ 1 */
  int level;           /* HEADING: 1–4 */
  er_chart_kind chart; /* CHART */
  bool ordered;        /* LIST */
  bool header;         /* CELL: a th */
};

typedef struct er_doc {
  er_node *root; /* ER_DOC_DOCUMENT */
  const char *title, *lang, *style;
  er_arena arena; /* every node and string */
} er_doc;

/* Parses an expanded template. Returns NULL when the text is not
 * well-formed XML or uses anything outside the document language; every
 * problem is added to `d` (whose file names the document) with its line,
 * and with the offending markup ("<video", "onclick=") as the finding's
 * anchor, so the caller can find it in the template. */
er_doc *er_doc_parse(const char *xhtml, size_t len, er_diag *d);
/* The same, the text read as it comes from `read` (an
 * xmlInputReadCallback: up to `len` bytes into `buf`, 0 at the end). A
 * text that is not well-formed is reported as the reader words it, not as
 * er_doc_parse words it for the whole text. */
er_doc *er_doc_parse_io(int (*read)(void *ctx, char *buf, int len), void *ctx, er_diag *d);
void er_doc_free(er_doc *doc);

/* The element name of a node type ("h1" for a heading prints as "h"). */
const char *er_doc_type_name(er_doc_type type);
bool er_doc_is_inline(er_doc_type type);
/* True when n's class list holds the word. */
bool er_node_has_class(const er_node *n, const char *word);
/* The concatenated text of a subtree, in the document's arena. */
const char *er_node_text(er_doc *doc, const er_node *n);
/* Depth-first traversal: the node after n in document order, staying
 * within `root`; NULL at the end. */
er_node *er_node_following(const er_node *root, const er_node *n);

/* The most values a chart draws (its first DATUMs); a chart typed in the
 * data may have no more (model/usertable.h, ER_UCHART_MAX_ROWS). */
#define ER_CHART_MAX_DATA 64

/* The value scale of a bar chart (ER_DOC_CHART): its data-max when it
 * gives one, in four intervals (a score chart's 0–100 in 25s); else the
 * largest value rounded up to a top of 4 or 5 equal steps, each 1, 2, 2.5
 * or 5 × 10^k, whichever comes closest (25 → 0, 5 … 25; 98 → 0, 25 … 100).
 * Every writer draws and labels the same grid. */
typedef struct er_chart_scale {
  er_dec max;
  int intervals;
} er_chart_scale;
er_chart_scale er_chart_scale_of(const er_node *chart, er_dec largest);

/* The body's first block, after the front matter (the cover, 摘要 and the
 * contents): the block whose page is — 1 —; NULL without front matter. */
const er_node *er_doc_body_start(const er_doc *doc);

#endif
