/* The preview server's HTTP side (libmicrohttpd, one thread per
 * connection). A fixed set of routes, GET and HEAD only:
 *
 *   /             the draft report with live reload, or the findings
 *   /events       server-sent events: the current generation, then each new one
 *   /report.pdf   the PDF of the current data  (when this build writes PDF)
 *   /annex.xlsx   the XLSX annex               (when this build writes XLSX)
 *
 * Anything else is 404: no file of the machine is ever read for a request. */
#ifndef ER_SERVE_HTTP_H
#define ER_SERVE_HTTP_H

#include "serve/state.h"

typedef struct er_http er_http;

/* Loads the HTTP library (serve/mhd.h) before anything starts; false,
 * with a message naming the package, when it is not installed. */
bool er_http_load(void);
/* Serves on the bound, listening socket `fd` (the daemon takes it). */
er_http *er_http_start(er_serve_state *st, int fd);
/* Stops: st->stopping must be set and broadcast first, so streams end. */
void er_http_stop(er_http *h);

#endif
