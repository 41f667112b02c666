/* The pages `serve` sends: the writer's HTML with a live-reload script and
 * a small preview bar put in, and plain pages of findings when the writer
 * cannot render. Every text from the data is HTML-escaped. */
#ifndef ER_SERVE_PAGE_H
#define ER_SERVE_PAGE_H

#include "model/diag.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct er_page_live {
  unsigned long generation; /* the page updates when /events says another */
  const char *nonce;        /* allows the one inline script */
  const char *updated;      /* when it was rendered, "14:03:22" */
  bool pdf, xlsx;           /* links to /report.pdf and /annex.xlsx */
  bool docx;                /* and to /report.docx */
  bool ofd;                 /* and to /report.ofd */
} er_page_live;

/* A copy of `html` to serve (malloc'd, NUL-terminated, length in *len):
 * the preview bar and the script go before the last </body> (or at the
 * end), and a Content-Security-Policy <meta> of the page, if any, gets
 * `script-src 'nonce-…'; connect-src 'self'` in front, which takes
 * precedence over the page's own script-src and connect-src. Without
 * script the page reads the same. */
char *er_page_make_live(const char *html, size_t html_len, const er_page_live *live, size_t *len);

/* A page of findings: `heading`, a line of counts, and each finding of
 * each diagnostics list as "FILE:LINE:COL 错误：message". */
char *er_page_findings(const char *heading, const char *lead, const er_diag *const *diags,
                       size_t ndiags, size_t *len);

/* A page with a heading and one line of text. */
char *er_page_message(const char *heading, const char *text, size_t *len);

/* The Content-Security-Policy header for pages made by er_page_findings
 * and er_page_message, allowing the script with `nonce`. */
void er_page_policy(const char *nonce, char *out, size_t size);

#endif
