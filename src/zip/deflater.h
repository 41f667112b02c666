/* Deflating a part on a second thread while it is being written: the
 * writer hands over its bytes as they come (er_deflater_feed) and gets
 * back, once it is done, the deflated stream the zip entry stores. Or
 * several parts one after the other, each ended with
 * er_deflater_end_part, as the OFD writer's pages. */
#ifndef ER_ZIP_DEFLATER_H
#define ER_ZIP_DEFLATER_H

#include "zip/zipfile.h"

#include <stdbool.h>
#include <stddef.h>

/* Deflates `len` bytes at `level` into *out, here and now, as the zip
 * would in the archive; false (and *out empty) when zlib fails. */
bool er_zip_deflate(const void *data, size_t len, int level, er_zip_deflated *out);

typedef struct er_deflater er_deflater;

/* Starts the thread, deflating at `level` (1 fastest … 9 smallest), raw
 * as a zip entry holds it. NULL when no thread or memory can be had: the
 * caller then deflates as before. */
er_deflater *er_deflater_start(int level);
/* Queues a copy of `len` bytes of the part. */
void er_deflater_feed(er_deflater *d, const void *data, size_t len);
/* Queues `len` bytes that stay where they are, unchanged, until `d` is
 * finished: no copy. */
void er_deflater_feed_kept(er_deflater *d, const void *data, size_t len);
/* Ends the part: what is fed next is the next part's. */
void er_deflater_end_part(er_deflater *d);
/* Ends the part, waits for the thread and frees `d`; false when zlib
 * failed (out of memory). */
bool er_deflater_finish(er_deflater *d, er_zip_deflated *out);
/* Waits for the thread and frees `d`, handing over the ended parts' streams
 * in order (a malloc'd array of *n); false, and nothing handed over, when
 * zlib failed on any of them. */
bool er_deflater_finish_parts(er_deflater *d, er_zip_deflated **parts, size_t *n);

#endif
