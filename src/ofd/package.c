/* The OFD container: a zip of the parts in the order they were added
 * (zip/zipfile.h), deflated at level 1 — the XML is repetitive, and the
 * fastest level packs it nearly as well. The pages come deflated already,
 * on a thread while the next were written (document.c). */
#include "ofd/ofdw.h"

#include <stdlib.h>
#include <string.h>

#include "model/grow.h"
#include "zip/zipfile.h"

er_ofd_part *er_ofd_package_add(er_ofd_package *p, const char *name, unsigned char *data,
                                size_t len) {
  p->parts = er_grow(p->parts, p->nparts, &p->cap, sizeof *p->parts, 32);
  er_ofd_part *part = &p->parts[p->nparts++];
  part->name = strdup(name);
  if (!part->name)
    abort();
  part->data = data;
  part->len = len;
  part->deflated = (er_zip_deflated){0};
  return part;
}

void er_ofd_package_add_xml(er_ofd_package *p, const char *name, er_xml *x) {
  size_t len;
  unsigned char *data = er_ox_end(x, &len);
  er_ofd_package_add(p, name, data, len);
}

bool er_ofd_package_write(const er_ofd_package *p, const char *path, er_diag *d) {
  er_zip_entry *entries = malloc((p->nparts ? p->nparts : 1) * sizeof *entries);
  if (!entries)
    abort();
  for (size_t i = 0; i < p->nparts; i++)
    entries[i] = (er_zip_entry){p->parts[i].name, p->parts[i].data, p->parts[i].len,
                                p->parts[i].deflated.data ? &p->parts[i].deflated : NULL};
  const char *why = er_zip_write(entries, p->nparts, ER_OFD_DEFLATE_LEVEL, path);
  if (why)
    er_error(d, ((er_pos){0, 0}), "output", "无法写入 %s：%s", path, why);
  free(entries);
  return why == NULL;
}

void er_ofd_package_free(er_ofd_package *p) {
  for (size_t i = 0; i < p->nparts; i++) {
    free(p->parts[i].name);
    free(p->parts[i].data);
    free(p->parts[i].deflated.data);
  }
  free(p->parts);
  memset(p, 0, sizeof *p);
}
