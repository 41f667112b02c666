/* The HTML writer: one self-contained file per report — CSS generated from
 * the style profile, charts as inline SVG, contents with working links,
 * no script and no external URL (a Content-Security-Policy forbids any).
 * A draft adds a 草稿 watermark; its findings panel comes from the
 * document's diagnostics block. */
#ifndef ER_HTML_H
#define ER_HTML_H

#include "doc/doc.h"
#include "doc/style.h"
#include "model/writer.h"

#include <stdio.h>

/* `evalreport render --format html`: the evaluation's report at `path`. */
bool er_html_write(const er_eval *ev, const er_render_opts *opts, const char *path, er_diag *d);

/* Writes a document as HTML. Headings the contents list without an id
 * get one. */
void er_html_document(er_doc *doc, const er_style *style, bool draft, FILE *out);

/* The style sheet of a style profile. */
void er_html_css(const er_style *style, bool draft, FILE *out);

/* An inline <svg> drawing of a chart node. */
void er_html_chart(er_doc *doc, const er_node *chart, FILE *out);
/* The same chart's figures as a table (folded in a <details>). */
void er_html_chart_table(er_doc *doc, const er_node *chart, FILE *out);

/* Writes s escaped for HTML text and attribute values. */
void er_html_escape(const char *s, FILE *out);
/* The same for the len bytes at s. */
void er_html_escape_n(const char *s, size_t len, FILE *out);

#endif
