/* Pages written out and read back (pagestore.h, pages.h). */
#include "pdf/pagestore.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>
#include <unistd.h>

struct er_page_store {
  FILE *file;
  int fd;
  unsigned long long end; /* where the next page goes */
  /* pages serialised since the last batch was handed to the writer: from
   * buf_at in the file */
  unsigned char *buf;
  size_t len, cap;
  unsigned long long buf_at;
  /* the batch `writer` is writing, from out_at */
  unsigned char *out;
  size_t out_len, out_cap;
  unsigned long long out_at;
  pthread_t writer;
  bool writing, written, failed;
  hb_set_t **used; /* the characters of each face the stored runs draw */
  uint64_t **seen; /* the same as bits, looked at first: a set's add is dearer */
  size_t nused;
};

/* Pages are handed to the writer thread this many bytes at a time. */
#define BATCH_BYTES (1u << 20)

er_page_store *er_page_store_open(void) {
  FILE *f = tmpfile();
  if (!f)
    return NULL;
  er_page_store *s = calloc(1, sizeof *s);
  if (!s)
    abort();
  s->file = f;
  s->fd = fileno(f);
  return s;
}

static void settle(er_page_store *s);

void er_page_store_close(er_page_store *s) {
  if (!s)
    return;
  settle(s);
  fclose(s->file);
  free(s->buf);
  free(s->out);
  for (size_t f = 0; f < s->nused; f++) {
    hb_set_destroy(s->used[f]);
    free(s->seen[f]);
  }
  free(s->seen);
  free(s->used);
  free(s);
}

static void put(er_page_store *s, const void *v, size_t n) {
  if (s->len + n > s->cap) {
    s->cap = 2 * (s->len + n) + 4096;
    s->buf = realloc(s->buf, s->cap);
    if (!s->buf)
      abort();
  }
  memcpy(s->buf + s->len, v, n);
  s->len += n;
}

static void put_u32(er_page_store *s, uint32_t v) { put(s, &v, sizeof v); }
static void put_f64(er_page_store *s, double v) { put(s, &v, sizeof v); }

/* The run's characters into its face's set, as er_used_characters counts them. */
static void count_characters(er_page_store *s, const er_placed_run *r) {
  if (r->face < 0)
    return;
  size_t face = (size_t)r->face;
  if (face >= s->nused) {
    s->used = realloc(s->used, (face + 1) * sizeof(hb_set_t *));
    s->seen = realloc(s->seen, (face + 1) * sizeof *s->seen);
    if (!s->used || !s->seen)
      abort();
    for (size_t f = s->nused; f <= face; f++) {
      s->used[f] = hb_set_create();
      if (!(s->seen[f] = calloc(0x10000 / 64, sizeof **s->seen)))
        abort();
    }
    s->nused = face + 1;
  }
  uint64_t *seen = s->seen[face];
  for (size_t i = 0; i < r->len;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(r->text, i, r->len, c);
    if (c > 0xFFFF || seen[c / 64] >> (c % 64) & 1)
      continue;
    seen[c / 64] |= 1ull << (c % 64);
    hb_set_add(s->used[face], (hb_codepoint_t)c);
  }
}

void er_page_store_characters(const er_page_store *s, hb_set_t **used, size_t nfaces) {
  for (size_t f = 0; f < nfaces && f < s->nused; f++)
    hb_set_union(used[f], s->used[f]);
}

static void put_run(er_page_store *s, const er_placed_run *r) {
  put_u32(s, (uint32_t)r->face);
  put_u32(s, r->color);
  const double d[] = {r->size, r->stroke, r->char_space, r->hscale, r->x,
                      r->y,    r->rise,   r->flow,       r->angle};
  for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
    put_f64(s, d[i]);
  uint64_t len = r->len;
  put(s, &len, sizeof len);
  unsigned char flags = (unsigned char)((r->behind ? 1 : 0) | (r->sheet ? 2 : 0));
  put(s, &flags, 1);
  put(s, r->text, r->len);
}

static void put_shape(er_page_store *s, const er_shape *sh) {
  put_u32(s, (uint32_t)sh->kind);
  put_u32(s, sh->color);
  put_u32(s, sh->fill);
  unsigned char dotted = sh->dotted ? 1 : 0;
  put(s, &dotted, 1);
  const double d[] = {sh->x, sh->y, sh->w, sh->h, sh->a0, sh->a1, sh->stroke};
  for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
    put_f64(s, d[i]);
}

/* All n bytes at offset `at`, written (pwrite) or read (pread) whole,
 * across short transfers and interrupted calls. */
static bool transfer_all(int fd, unsigned char *b, size_t n, unsigned long long at, bool write) {
  while (n > 0) {
    ssize_t k = write ? pwrite(fd, b, n, (off_t)at) : pread(fd, b, n, (off_t)at);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      return false;
    b += k;
    n -= (size_t)k;
    at += (unsigned long long)k;
  }
  return true;
}

static void *write_batch(void *data) {
  er_page_store *s = data;
  s->written = transfer_all(s->fd, s->out, s->out_len, s->out_at, true);
  return NULL;
}

/* Waits for the batch being written. */
static void settle(er_page_store *s) {
  if (!s->writing)
    return;
  pthread_join(s->writer, NULL);
  s->writing = false;
  s->failed |= !s->written;
}

/* The pages serialised so far go to the writer thread (or are written
 * here, without one), and serialising goes on into the other buffer. */
static void hand_off(er_page_store *s) {
  settle(s);
  unsigned char *b = s->out;
  size_t cap = s->out_cap;
  s->out = s->buf;
  s->out_cap = s->cap;
  s->out_len = s->len;
  s->out_at = s->buf_at;
  s->buf = b;
  s->cap = cap;
  s->len = 0;
  s->buf_at = s->end;
  if (pthread_create(&s->writer, NULL, write_batch, s) == 0)
    s->writing = true;
  else
    s->failed |= !transfer_all(s->fd, s->out, s->out_len, s->out_at, true);
}

bool er_page_store_put(er_page_store *s, er_page *pg) {
  if (s->failed)
    return false;
  size_t start = s->len;
  for (size_t r = 0; r < pg->nruns; r++)
    put_run(s, &pg->runs[r]);
  for (size_t i = 0; i < pg->nshapes; i++)
    put_shape(s, &pg->shapes[i]);
  for (size_t r = 0; r < pg->nruns; r++)
    count_characters(s, &pg->runs[r]);
  pg->stored = true;
  pg->stored_at = s->end;
  pg->stored_size = s->len - start;
  pg->stored_runs = pg->nruns;
  pg->stored_shapes = pg->nshapes;
  s->end += pg->stored_size;
  free(pg->runs);
  free(pg->shapes);
  pg->runs = NULL;
  pg->shapes = NULL;
  pg->nruns = pg->cap = pg->nshapes = pg->shapes_cap = 0;
  if (s->len >= BATCH_BYTES)
    hand_off(s);
  return true;
}

/* Everything stored is in the file, to be read back; false when some of
 * it could not be written. */
static bool flush(er_page_store *s) {
  if (s->len > 0) {
    hand_off(s);
    settle(s);
  }
  settle(s);
  return !s->failed;
}

/* ---- reading back ---- */

static void *reserve(void *items, size_t *cap, size_t n, size_t size) {
  if (n <= *cap)
    return items;
  *cap = n + n / 2 + 16;
  items = realloc(items, *cap * size);
  if (!items)
    abort();
  return items;
}

typedef struct reader {
  const unsigned char *at, *end;
} reader;

static bool get(reader *r, void *v, size_t n) {
  if ((size_t)(r->end - r->at) < n)
    return false;
  memcpy(v, r->at, n);
  r->at += n;
  return true;
}

static double get_f64(reader *r) {
  double v = 0;
  get(r, &v, sizeof v);
  return v;
}

static uint32_t get_u32(reader *r) {
  uint32_t v = 0;
  get(r, &v, sizeof v);
  return v;
}

/* The stored part of a page into the view; false when it is not whole. */
static bool load(const er_page_store *s, const er_page *pg, er_page_view *v) {
  if (pg->stored_size == 0) /* dropped, or nothing on it */
    return true;
  v->raw = reserve(v->raw, &v->raw_cap, pg->stored_size, 1);
  if (!transfer_all(s->fd, v->raw, pg->stored_size, pg->stored_at, false))
    return false;
  size_t text = pg->stored_size + pg->stored_runs; /* more than the texts and their NULs */
  v->text = reserve(v->text, &v->text_cap, text, 1);
  er_page *out = &v->page;
  reader r = {v->raw, v->raw + pg->stored_size};
  char *t = v->text;
  for (size_t i = 0; i < pg->stored_runs; i++) {
    er_placed_run *run = &out->runs[out->nruns++];
    run->face = (int)get_u32(&r);
    run->color = get_u32(&r);
    run->size = get_f64(&r);
    run->stroke = get_f64(&r);
    run->char_space = get_f64(&r);
    run->hscale = get_f64(&r);
    run->x = get_f64(&r);
    run->y = get_f64(&r);
    run->rise = get_f64(&r);
    run->flow = get_f64(&r);
    run->angle = get_f64(&r);
    uint64_t len = 0;
    unsigned char flags = 0;
    if (!get(&r, &len, sizeof len) || !get(&r, &flags, 1) || !get(&r, t, (size_t)len))
      return false;
    run->behind = flags & 1;
    run->sheet = flags & 2;
    run->len = (size_t)len;
    run->text = t;
    t[len] = '\0';
    t += len + 1;
  }
  for (size_t i = 0; i < pg->stored_shapes; i++) {
    er_shape *sh = &out->shapes[out->nshapes++];
    sh->kind = (er_shape_kind)get_u32(&r);
    sh->color = get_u32(&r);
    sh->fill = get_u32(&r);
    unsigned char dotted = 0;
    get(&r, &dotted, 1);
    sh->dotted = dotted;
    sh->x = get_f64(&r);
    sh->y = get_f64(&r);
    sh->w = get_f64(&r);
    sh->h = get_f64(&r);
    sh->a0 = get_f64(&r);
    sh->a1 = get_f64(&r);
    if (!get(&r, &sh->stroke, sizeof sh->stroke))
      return false;
  }
  return r.at == r.end;
}

const er_page *er_pages_view(const er_pages *p, size_t i, er_page_view *v) {
  const er_page *pg = &p->pages[i];
  if (!pg->stored)
    return pg;
  er_page *out = &v->page;
  er_placed_run *runs = out->runs;
  er_shape *shapes = out->shapes;
  *out = *pg;
  out->runs = reserve(runs, &v->runs_cap, pg->stored_runs + pg->nruns, sizeof *runs);
  out->shapes = reserve(shapes, &v->shapes_cap, pg->stored_shapes + pg->nshapes, sizeof *shapes);
  out->nruns = out->nshapes = 0;
  out->cap = v->runs_cap;
  out->shapes_cap = v->shapes_cap;
  if (!p->store || !flush(p->store) || !load(p->store, pg, v))
    return NULL;
  /* what was placed on it after it was stored comes after, as it was placed */
  if (pg->nruns)
    memcpy(out->runs + out->nruns, pg->runs, pg->nruns * sizeof *pg->runs);
  if (pg->nshapes)
    memcpy(out->shapes + out->nshapes, pg->shapes, pg->nshapes * sizeof *pg->shapes);
  out->nruns += pg->nruns;
  out->nshapes += pg->nshapes;
  return out;
}

void er_page_view_free(er_page_view *v) {
  free(v->page.runs);
  free(v->page.shapes);
  free(v->text);
  free(v->raw);
  memset(v, 0, sizeof *v);
}
