/* What the preview server's threads share. The main thread renders (all
 * the engine and writer calls happen there, one at a time); the HTTP
 * threads only copy out what it published, under `lock`. */
#ifndef ER_SERVE_STATE_H
#define ER_SERVE_STATE_H

#include "model/writer.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* A file rendered on demand, for one generation of the data. */
typedef struct er_artifact {
  const char *route;       /* "/report.pdf" */
  const char *format_name; /* in er_formats */
  const char *type;        /* its media type */
  const char *ext;         /* download name: BASE<ext> */
  bool attachment;         /* download rather than show */
  const er_format *format; /* NULL: this build has no such writer (404) */
  /* published by the main thread */
  char *data;
  size_t len;
  int status;  /* 200, or an error status with an HTML page as data */
  bool html;   /* data is an HTML page (of findings) */
  bool ready;  /* data is this generation's */
  bool wanted; /* a request waits for it */
} er_artifact;

enum { ER_ARTIFACT_PDF, ER_ARTIFACT_XLSX, ER_ARTIFACT_DOCX, ER_ARTIFACT_OFD, ER_ARTIFACT_COUNT };

typedef struct er_serve_state {
  pthread_mutex_t lock;
  pthread_cond_t changed; /* a new generation, an artifact, or stopping (CLOCK_MONOTONIC) */
  unsigned long generation;
  char *page; /* the draft report, or a page of findings */
  size_t page_len;
  bool page_is_report; /* the writer's page (else ours: send our own policy) */
  char updated[16];    /* when the page was rendered */
  er_artifact artifacts[ER_ARTIFACT_COUNT];
  bool stopping;
  int wake_fd; /* eventfd: tells the main thread an artifact is wanted */
  /* fixed before the HTTP threads start */
  char base[256]; /* the data file's base name, for download names */
  bool loopback;  /* bound to loopback only: check Host headers */
} er_serve_state;

#endif
