/* evalreport serve: a live preview of one data file's draft report. */
#ifndef ER_SERVE_H
#define ER_SERVE_H

#include <stdbool.h>

typedef struct er_serve_config {
  const char *file;          /* the data file */
  const char *host;          /* address to bind, "127.0.0.1" by default */
  int port;                  /* 0: any free port; -1: 8000, or the next free one */
  const char *template_name; /* --template NAME|DIR */
} er_serve_config;

/* Serves until SIGINT or SIGTERM; returns false when it could not start. */
bool er_serve_run(const er_serve_config *cfg);

#endif
