/* The part's bytes travel from the writer to the deflating thread as a
 * queue of copied chunks (the writer's buffer moves as it grows, so the
 * thread cannot read it in place), or of the writer's own bytes where
 * they stay put. Deflating the same bytes gives the
 * same stream however they were chunked, and the chunks are the same
 * for the same part anyway. */
#include "zip/deflater.h"

#include "model/grow.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct chunk {
  struct chunk *next;
  const unsigned char *at; /* the bytes: `copy`, or the writer's own */
  size_t len;
  bool ends_part; /* no bytes: the part before it is whole */
  unsigned char copy[];
} chunk;

struct er_deflater {
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t more;
  chunk *head, *tail; /* queued, not yet deflated */
  bool ended;         /* no more chunks will come */

  z_stream z; /* the thread's own from here on */
  bool failed;
  er_zip_deflated out; /* the part being deflated */
  size_t cap;
  er_zip_deflated *parts; /* those ended (er_deflater_end_part) */
  size_t nparts, parts_cap;
};

/* Deflates `len` bytes (or, with `finish`, ends the stream). */
static bool deflate_bytes(er_deflater *d, const unsigned char *bytes, size_t len, bool finish) {
  d->z.next_in = (unsigned char *)bytes;
  d->z.avail_in = (uInt)len;
  for (;;) {
    if (d->out.len == d->cap) {
      size_t cap = d->cap ? 2 * d->cap : 1 << 16;
      unsigned char *data = realloc(d->out.data, cap);
      if (!data)
        return false;
      d->out.data = data;
      d->cap = cap;
    }
    d->z.next_out = d->out.data + d->out.len;
    d->z.avail_out = (uInt)(d->cap - d->out.len);
    int rc = deflate(&d->z, finish ? Z_FINISH : Z_NO_FLUSH);
    d->out.len = d->cap - d->z.avail_out;
    if (rc == Z_STREAM_END)
      return true;
    if (rc != Z_OK && rc != Z_BUF_ERROR)
      return false;
    if (!finish && d->z.avail_in == 0 && d->z.avail_out > 0)
      return true;
  }
}

static void finish_stream(er_deflater *d) {
  if (!d->failed)
    d->failed = !deflate_bytes(d, NULL, 0, true);
  d->out.text = d->z.data_type == Z_TEXT;
}

/* Finishes the part's stream, keeps it and starts the next one. */
static void end_part(er_deflater *d) {
  finish_stream(d);
  d->parts = er_grow(d->parts, d->nparts, &d->parts_cap, sizeof *d->parts, 16);
  d->parts[d->nparts++] = d->out;
  d->out = (er_zip_deflated){.crc = crc32(0L, Z_NULL, 0)};
  d->cap = 0;
  d->failed = d->failed || deflateReset(&d->z) != Z_OK;
}

static void *run(void *arg) {
  er_deflater *d = arg;
  for (;;) {
    pthread_mutex_lock(&d->lock);
    while (!d->head && !d->ended)
      pthread_cond_wait(&d->more, &d->lock);
    chunk *c = d->head;
    if (c) {
      d->head = c->next;
      if (!d->head)
        d->tail = NULL;
    }
    pthread_mutex_unlock(&d->lock);
    if (!c)
      break; /* ended, and every chunk deflated */
    if (c->ends_part)
      end_part(d);
    else if (!d->failed) {
      d->out.crc = crc32(d->out.crc, c->at, (uInt)c->len);
      d->out.size += c->len;
      d->failed = !deflate_bytes(d, c->at, c->len, false);
    }
    free(c);
  }
  finish_stream(d);
  return NULL;
}

/* A stream raw, as a zip entry holds it, with the largest window and
 * memory level: zipfile.c has minizip deflate with the same, so a part
 * deflated here is the bytes minizip would have written. */
static bool raw_init(z_stream *z, int level) {
  return deflateInit2(z, level, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY) == Z_OK;
}

bool er_zip_deflate(const void *data, size_t len, int level, er_zip_deflated *out) {
  *out = (er_zip_deflated){0};
  z_stream z = {0};
  if (len > UINT_MAX || !raw_init(&z, level))
    return false;
  size_t cap = deflateBound(&z, (uLong)len);
  unsigned char *buf = malloc(cap);
  bool ok = buf != NULL;
  if (ok) {
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)len;
    z.next_out = buf;
    z.avail_out = (uInt)cap;
    ok = deflate(&z, Z_FINISH) == Z_STREAM_END;
  }
  if (ok)
    *out = (er_zip_deflated){buf, cap - z.avail_out, len, crc32(0L, data, (uInt)len),
                             z.data_type == Z_TEXT};
  else
    free(buf);
  deflateEnd(&z);
  return ok;
}

er_deflater *er_deflater_start(int level) {
  er_deflater *d = calloc(1, sizeof *d);
  if (!d)
    return NULL;
  if (!raw_init(&d->z, level)) {
    free(d);
    return NULL;
  }
  d->out.crc = crc32(0L, Z_NULL, 0);
  pthread_mutex_init(&d->lock, NULL);
  pthread_cond_init(&d->more, NULL);
  if (pthread_create(&d->thread, NULL, run, d) != 0) {
    pthread_mutex_destroy(&d->lock);
    pthread_cond_destroy(&d->more);
    deflateEnd(&d->z);
    free(d);
    return NULL;
  }
  return d;
}

/* Queues `len` bytes, copied unless `kept`, or the end of a part. */
static void queue(er_deflater *d, const void *data, size_t len, bool kept, bool ends_part) {
  chunk *c = malloc(sizeof *c + (kept ? 0 : len));
  if (!c)
    abort();
  c->next = NULL;
  c->len = len;
  c->ends_part = ends_part;
  c->at = kept ? data : c->copy;
  if (len && !kept)
    memcpy(c->copy, data, len);
  pthread_mutex_lock(&d->lock);
  if (d->tail)
    d->tail->next = c;
  else
    d->head = c;
  d->tail = c;
  pthread_cond_signal(&d->more);
  pthread_mutex_unlock(&d->lock);
}

void er_deflater_feed(er_deflater *d, const void *data, size_t len) {
  if (len)
    queue(d, data, len, false, false);
}

void er_deflater_feed_kept(er_deflater *d, const void *data, size_t len) {
  if (len)
    queue(d, data, len, true, false);
}

void er_deflater_end_part(er_deflater *d) { queue(d, NULL, 0, false, true); }

/* Ends the queue, waits for the thread and lets go of zlib; false when
 * zlib failed on any part. */
static bool stop(er_deflater *d) {
  pthread_mutex_lock(&d->lock);
  d->ended = true;
  pthread_cond_signal(&d->more);
  pthread_mutex_unlock(&d->lock);
  pthread_join(d->thread, NULL);
  deflateEnd(&d->z);
  pthread_mutex_destroy(&d->lock);
  pthread_cond_destroy(&d->more);
  return !d->failed;
}

static void free_parts(er_deflater *d) {
  for (size_t i = 0; i < d->nparts; i++)
    free(d->parts[i].data);
  free(d->parts);
}

bool er_deflater_finish(er_deflater *d, er_zip_deflated *out) {
  bool ok = stop(d);
  if (ok)
    *out = d->out;
  else
    free(d->out.data);
  free_parts(d);
  free(d);
  return ok;
}

bool er_deflater_finish_parts(er_deflater *d, er_zip_deflated **parts, size_t *n) {
  bool ok = stop(d);
  free(d->out.data); /* the stream after the last part ended: empty */
  if (ok) {
    *parts = d->parts;
    *n = d->nparts;
  } else
    free_parts(d);
  free(d);
  return ok;
}
