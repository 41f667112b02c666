/* Page contents compressed while the next pages are drawn (packer.h). */
#include "pdf/packer.h"

#include <hpdf_pages.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "pdf/embed.h"

#define BATCH 32

typedef struct job {
  HPDF_Page hp;
  er_content content;
  unsigned char *z;
  uLongf zlen;
  bool packed;
} job;

typedef struct batch {
  job jobs[BATCH];
  size_t n;
  er_pdf_digest *digest;
} batch;

struct er_packer {
  batch batches[2];
  int filling;  /* the batch pages are drawn into */
  bool working; /* the other one is being compressed by `worker` */
  pthread_t worker;
};

er_packer *er_packer_new(er_pdf_digest *digest) {
  er_packer *p = calloc(1, sizeof *p);
  if (!p)
    abort();
  p->batches[0].digest = p->batches[1].digest = digest;
  return p;
}

/* Compressed here, at zlib's fastest level, rather than at libharu's
 * default when it saves: page content is mostly repeated operators and
 * hex codes, which the fastest level packs nearly as well. */
static void *pack(void *data) {
  batch *b = data;
  for (size_t i = 0; i < b->n; i++) {
    job *j = &b->jobs[i];
    er_pdf_digest_add(b->digest, j->content.buf, j->content.len);
    uLongf bound = compressBound((uLong)j->content.len);
    j->z = realloc(j->z, bound);
    j->zlen = bound;
    j->packed = j->z && compress2(j->z, &j->zlen, (const Bytef *)j->content.buf,
                                  (uLong)j->content.len, Z_BEST_SPEED) == Z_OK;
  }
  return NULL;
}

/* The batch's contents into their pages' streams, deflated or as drawn. */
static void put(batch *b) {
  for (size_t i = 0; i < b->n; i++) {
    job *j = &b->jobs[i];
    HPDF_PageAttr attr = (HPDF_PageAttr)j->hp->attr;
    if (j->packed) {
      attr->contents->filter = HPDF_STREAM_FILTER_NONE;
      attr->contents->write_fn = er_pdf_flate_filter;
      HPDF_Stream_Write(attr->stream, j->z, (HPDF_UINT)j->zlen);
    } else
      HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)j->content.buf, (HPDF_UINT)j->content.len);
  }
  b->n = 0;
}

/* Waits for the batch being compressed and puts it in its pages. */
static void settle(er_packer *p) {
  if (!p->working)
    return;
  pthread_join(p->worker, NULL);
  p->working = false;
  put(&p->batches[1 - p->filling]);
}

er_content *er_packer_next(er_packer *p, HPDF_Page hp) {
  batch *b = &p->batches[p->filling];
  job *j = &b->jobs[b->n];
  j->hp = hp;
  er_content_reset(&j->content);
  return &j->content;
}

void er_packer_done(er_packer *p) {
  batch *b = &p->batches[p->filling];
  if (++b->n < BATCH)
    return;
  settle(p);
  if (pthread_create(&p->worker, NULL, pack, b) == 0) {
    p->working = true;
    p->filling = 1 - p->filling;
  } else { /* no thread: compressed here */
    pack(b);
    put(b);
  }
}

void er_packer_finish(er_packer *p) {
  settle(p);
  batch *b = &p->batches[p->filling];
  pack(b);
  put(b);
  for (int k = 0; k < 2; k++)
    for (size_t i = 0; i < BATCH; i++) {
      er_content_free(&p->batches[k].jobs[i].content);
      free(p->batches[k].jobs[i].z);
    }
  free(p);
}
