/* A zip package written in one go, the same bytes for the same entries:
 * the container of the DOCX and OFD writers. */
#ifndef ER_ZIP_ZIPFILE_H
#define ER_ZIP_ZIPFILE_H

#include <stdbool.h>
#include <stddef.h>

/* A raw deflate stream of what a part holds: `data` (malloc'd) of `len`
 * bytes inflates to `size` bytes whose CRC-32 is `crc` (deflater.h). */
typedef struct er_zip_deflated {
  unsigned char *data;
  size_t len, size;
  unsigned long crc;
  bool text; /* zlib took the bytes for text: the entry says so, as minizip's own do */
} er_zip_deflated;

typedef struct er_zip_entry {
  const char *name; /* "word/document.xml" */
  const void *data;
  size_t len;
  /* or, when not NULL, the entry deflated already, at the archive's level */
  const er_zip_deflated *deflated;
} er_zip_entry;

/* Writes the entries, in order, to `path` (the pipeline's temporary
 * file) with minizip. Every entry gets the same DOS timestamp (1980-01-01)
 * and deflate at `level` (1 fastest … 9 smallest), so the output depends
 * on the entries only. NULL on success, else why it failed (an errno
 * message, or "zip"). */
const char *er_zip_write(const er_zip_entry *entries, size_t n, int level, const char *path);
/* The same with the entries whose `store` is true stored as they are, not
 * deflated (`store` NULL: none). */
const char *er_zip_write_stored(const er_zip_entry *entries, size_t n, int level, const bool *store,
                                const char *path);

#endif
