/* The OFD container: a zip of the parts in the order they were added,
 * built in memory with libzip and written to the pipeline's temporary
 * file in one go. Every entry has the same DOS timestamp (1980-01-01) and
 * deflate at level 1 (the XML is repetitive: the fastest level packs it
 * nearly as well), so the same parts give the same bytes. */
#include "ofd/ofdw.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

void er_ofd_package_add(er_ofd_package *p, const char *name, unsigned char *data, size_t len) {
  if (p->nparts == p->cap) {
    p->cap = p->cap ? 2 * p->cap : 32;
    p->parts = realloc(p->parts, p->cap * sizeof *p->parts);
    if (!p->parts)
      abort();
  }
  er_ofd_part *part = &p->parts[p->nparts++];
  part->name = strdup(name);
  if (!part->name)
    abort();
  part->data = data;
  part->len = len;
}

void er_ofd_package_add_xml(er_ofd_package *p, const char *name, er_ox *x) {
  size_t len;
  unsigned char *data = er_ox_end(x, &len);
  er_ofd_package_add(p, name, data, len);
}

static bool add_entry(zip_t *z, const er_ofd_part *part) {
  zip_source_t *src = zip_source_buffer(z, part->data, part->len, 0);
  if (!src)
    return false;
  zip_int64_t i = zip_file_add(z, part->name, src, ZIP_FL_ENC_UTF_8);
  if (i < 0) {
    zip_source_free(src);
    return false;
  }
  return zip_file_set_dostime(z, (zip_uint64_t)i, 0, (1 << 5) | 1, 0) == 0 &&
         zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_DEFLATE, 1) == 0;
}

/* The archive's bytes to `out`. */
static bool copy_out(zip_source_t *mem, FILE *out) {
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

bool er_ofd_package_write(const er_ofd_package *p, const char *path, er_diag *d) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
  zip_t *z = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
  zip_error_fini(&ze);
  bool ok = z != NULL;
  if (z)
    zip_source_keep(mem); /* past zip_close, to read the archive back */
  for (size_t i = 0; ok && i < p->nparts; i++)
    ok = add_entry(z, &p->parts[i]);
  if (ok)
    ok = zip_close(z) == 0;
  else if (z)
    zip_discard(z);
  const char *why = ok ? NULL : "zip";
  if (ok) {
    FILE *out = fopen(path, "wb");
    ok = out && copy_out(mem, out);
    if (out)
      ok &= fclose(out) == 0;
    if (!ok)
      why = strerror(errno);
  }
  if (!ok)
    er_error(d, ((er_pos){0, 0}), "output", "无法写入 %s：%s", path, why);
  if (mem)
    zip_source_free(mem);
  return ok;
}

void er_ofd_package_free(er_ofd_package *p) {
  for (size_t i = 0; i < p->nparts; i++) {
    free(p->parts[i].name);
    free(p->parts[i].data);
  }
  free(p->parts);
  memset(p, 0, sizeof *p);
}
