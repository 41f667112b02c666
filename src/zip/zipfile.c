/* The zip package (zipfile.h). */
#include "zip/zipfile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

static bool add_entry(zip_t *z, const er_zip_entry *e, int level, bool store) {
  zip_source_t *src = zip_source_buffer(z, e->data, e->len, 0);
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
