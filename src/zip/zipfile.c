/* The zip package (zipfile.h). */
#include "zip/zipfile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* An entry deflated already: a source that says so in its stat, so that
 * libzip copies its bytes instead of deflating them (zip_close.c,
 * add_data), and marks the entry as its own deflate at `level` would. */
typedef struct deflated_source {
  const er_zip_deflated *part;
  int level;
  zip_uint64_t at;
  zip_error_t error;
} deflated_source;

static zip_int64_t deflated_source_cmd(void *ud, void *data, zip_uint64_t len,
                                       zip_source_cmd_t cmd) {
  deflated_source *s = ud;
  switch (cmd) {
  case ZIP_SOURCE_OPEN:
    s->at = 0;
    return 0;
  case ZIP_SOURCE_READ: {
    zip_uint64_t left = s->part->len - s->at, n = len < left ? len : left;
    memcpy(data, s->part->data + s->at, n);
    s->at += n;
    return (zip_int64_t)n;
  }
  case ZIP_SOURCE_CLOSE:
    return 0;
  case ZIP_SOURCE_STAT: {
    zip_stat_t *st = data;
    zip_stat_init(st);
    st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                ZIP_STAT_ENCRYPTION_METHOD;
    st->size = s->part->size;
    st->comp_size = s->part->len;
    st->comp_method = ZIP_CM_DEFLATE;
    st->crc = (zip_uint32_t)s->part->crc;
    st->encryption_method = ZIP_EM_NONE;
    return sizeof *st;
  }
  case ZIP_SOURCE_GET_FILE_ATTRIBUTES: {
    zip_file_attributes_t *a = data;
    a->valid |= ZIP_FILE_ATTRIBUTES_VERSION_NEEDED | ZIP_FILE_ATTRIBUTES_GENERAL_PURPOSE_BIT_FLAGS;
    a->version_needed = 20;
    /* deflate's "fast" or "maximum" option bits (APPNOTE 4.4.4) */
    a->general_purpose_bit_mask = 3 << 1;
    a->general_purpose_bit_flags = s->level < 3 ? 2 << 1 : s->level > 7 ? 1 << 1 : 0;
    return sizeof *a;
  }
  case ZIP_SOURCE_ERROR:
    return zip_error_to_data(&s->error, data, len);
  case ZIP_SOURCE_FREE:
    free(s);
    return 0;
  case ZIP_SOURCE_SUPPORTS:
    return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                          ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                          ZIP_SOURCE_GET_FILE_ATTRIBUTES, -1);
  default:
    zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
    return -1;
  }
}

static zip_source_t *entry_source(zip_t *z, const er_zip_entry *e, int level) {
  if (!e->deflated)
    return zip_source_buffer(z, e->data, e->len, 0);
  deflated_source *s = calloc(1, sizeof *s);
  if (!s)
    return NULL;
  *s = (deflated_source){.part = e->deflated, .level = level};
  zip_error_init(&s->error);
  zip_source_t *src = zip_source_function(z, deflated_source_cmd, s);
  if (!src)
    free(s);
  return src;
}

static bool add_entry(zip_t *z, const er_zip_entry *e, int level, bool store) {
  zip_source_t *src = entry_source(z, e, level);
  if (!src)
    return false;
  zip_int64_t i = zip_file_add(z, e->name, src, ZIP_FL_ENC_UTF_8);
  if (i < 0) {
    zip_source_free(src);
    return false;
  }
  /* 1980-01-01 00:00:00, the earliest DOS date */
  return zip_file_set_dostime(z, (zip_uint64_t)i, 0, (1 << 5) | 1, 0) == 0 &&
         zip_set_file_compression(z, (zip_uint64_t)i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                  store ? 0 : (zip_uint32_t)level) == 0;
}

static bool build(const er_zip_entry *entries, size_t n, int level, const bool *store,
                  zip_source_t *mem) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_t *z = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
  zip_error_fini(&ze);
  if (!z)
    return false;
  bool ok = true;
  for (size_t i = 0; ok && i < n; i++)
    ok = add_entry(z, &entries[i], level, store && store[i]);
  if (ok && zip_close(z) == 0)
    return true;
  zip_discard(z);
  return false;
}

static bool save(zip_source_t *mem, FILE *out) {
  zip_stat_t st;
  if (zip_source_stat(mem, &st) != 0 || zip_source_open(mem) != 0)
    return false;
  char buf[1 << 15];
  zip_int64_t n;
  zip_uint64_t total = 0;
  while ((n = zip_source_read(mem, buf, sizeof buf)) > 0) {
    total += (zip_uint64_t)n;
    if (fwrite(buf, 1, (size_t)n, out) != (size_t)n)
      break;
  }
  zip_source_close(mem);
  return n == 0 && total == st.size;
}

const char *er_zip_write(const er_zip_entry *entries, size_t n, int level, const char *path) {
  return er_zip_write_stored(entries, n, level, NULL, path);
}

const char *er_zip_write_stored(const er_zip_entry *entries, size_t n, int level, const bool *store,
                                const char *path) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
  zip_error_fini(&ze);
  bool ok = mem != NULL;
  if (ok) {
    zip_source_keep(mem); /* past zip_close, to read the archive back */
    ok = build(entries, n, level, store, mem);
  }
  const char *why = ok ? NULL : "zip";
  if (ok) {
    FILE *out = fopen(path, "wb");
    ok = out && save(mem, out);
    if (out)
      ok &= fclose(out) == 0;
    if (!ok)
      why = strerror(errno);
  }
  if (mem)
    zip_source_free(mem);
  return why;
}
