/* Deflating a part on a second thread while it is being written: the
 * writer hands over its bytes as they come (er_deflater_feed) and gets
 * back, once it is done, the deflated stream the zip entry stores. */
#ifndef ER_ZIP_DEFLATER_H
#define ER_ZIP_DEFLATER_H

#include "zip/zipfile.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct er_deflater er_deflater;

/* Starts the thread, deflating at `level` (1 fastest … 9 smallest), raw
 * as a zip entry holds it. NULL when no thread or memory can be had: the
 * caller then deflates as before. */
er_deflater *er_deflater_start(int level);
/* Queues a copy of `len` bytes of the part. */
void er_deflater_feed(er_deflater *d, const void *data, size_t len);
/* Ends the part, waits for the thread and frees `d`; false when zlib
 * failed (out of memory). */
bool er_deflater_finish(er_deflater *d, er_zip_deflated *out);

#endif
