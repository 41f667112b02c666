/* The zip package (zipfile.h), written with minizip (zlib's contrib zip
 * writer, Debian's libminizip; libxlsxwriter writes its workbooks with
 * the same library). */
#include "zip/zipfile.h"

#include <errno.h>
#include <minizip/zip.h>
#include <stdbool.h>
#include <string.h>
#include <zlib.h>

/* minizip takes at most this much in one write */
#define WRITE_MAX (1u << 30)

static bool write_all(zipFile z, const unsigned char *data, size_t len) {
  for (size_t at = 0; at < len;) {
    unsigned n = len - at > WRITE_MAX ? WRITE_MAX : (unsigned)(len - at);
    if (zipWriteInFileInZip(z, data + at, n) != ZIP_OK)
      return false;
    at += n;
  }
  return true;
}

/* One entry: stored, deflated here, or deflated already (written raw,
 * with the size and CRC-32 of what it inflates to). */
static bool add_entry(zipFile z, const er_zip_entry *e, int level, bool store) {
  /* 1980-01-01 00:00:00, the earliest DOS date: the same bytes whatever
   * the clock or the time zone */
  const er_zip_deflated *pre = e->deflated;
  zip_fileinfo info = {.tmz_date = {.tm_mday = 1, .tm_year = 1980},
                       .internal_fa = pre && pre->text ? Z_TEXT : 0};
  size_t size = pre ? pre->size : e->len;
  bool ok = zipOpenNewFileInZip4_64(z, e->name, &info, NULL, 0, NULL, 0, NULL,
                                    store && !pre ? 0 : Z_DEFLATED, store && !pre ? 0 : level,
                                    pre != NULL, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY,
                                    NULL, 0, 0, 0, size >= 0xffffffffu) == ZIP_OK;
  ok = ok && write_all(z, pre ? pre->data : e->data, pre ? pre->len : e->len);
  if (pre)
    return zipCloseFileInZipRaw64(z, pre->size, pre->crc) == ZIP_OK && ok;
  return zipCloseFileInZip(z) == ZIP_OK && ok;
}

const char *er_zip_write(const er_zip_entry *entries, size_t n, int level, const char *path) {
  return er_zip_write_stored(entries, n, level, NULL, path);
}

const char *er_zip_write_stored(const er_zip_entry *entries, size_t n, int level, const bool *store,
                                const char *path) {
  errno = 0;
  zipFile z = zipOpen64(path, APPEND_STATUS_CREATE);
  if (!z)
    return errno ? strerror(errno) : "zip";
  bool ok = true;
  for (size_t i = 0; ok && i < n; i++)
    ok = add_entry(z, &entries[i], level, store && store[i]);
  errno = 0;
  ok = zipClose(z, NULL) == ZIP_OK && ok;
  return ok ? NULL : errno ? strerror(errno) : "zip";
}
