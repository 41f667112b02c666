/* The OPC package: [Content_Types].xml naming the type of every part, the
 * package's and the document's relationships, then the parts, written as
 * a zip with libzip. Every entry gets the same DOS timestamp (1980-01-01)
 * and deflate at the default level, so the same parts give the same bytes
 * whatever the clock or the time zone. */
#include "docx/docxw.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static void *grow(void *items, size_t *cap, size_t n, size_t size) {
  if (n < *cap)
    return items;
  *cap = *cap ? 2 * *cap : 16;
  items = realloc(items, *cap * size);
  if (!items)
    abort();
  return items;
}

static void add_bytes(er_package *p, const char *name, const char *type, const void *data,
                      size_t len) {
  p->parts = grow(p->parts, &p->parts_cap, p->nparts, sizeof *p->parts);
  er_dx_part *part = &p->parts[p->nparts++];
  part->name = strdup(name);
  part->type = type;
  part->data = malloc(len ? len : 1);
  if (!part->name || !part->data)
    abort();
  memcpy(part->data, data, len);
  part->len = len;
}

void er_package_add(er_package *p, const char *name, const char *type, er_dx *x) {
  xmlTextWriterEndDocument(x->x);
  xmlFreeTextWriter(x->x);
  add_bytes(p, name, type, xmlBufferContent(x->buf), (size_t)xmlBufferLength(x->buf));
  xmlBufferFree(x->buf);
  x->x = NULL;
  x->buf = NULL;
}

int er_package_rel(er_package *p, const char *target, const char *type) {
  p->rels = grow(p->rels, &p->rels_cap, p->nrels, sizeof *p->rels);
  p->rels[p->nrels].target = strdup(target);
  p->rels[p->nrels].type = type;
  if (!p->rels[p->nrels].target)
    abort();
  return (int)++p->nrels;
}

static void rel(er_dx *x, int id, const char *type, const char *target) {
  er_dx_open(x, "Relationship");
  er_dx_attrf(x, "Id", "rId%d", id);
  er_dx_attr(x, "Type", type);
  er_dx_attr(x, "Target", target);
  er_dx_close(x);
}

/* The relationships parts and the content types, before the parts. */
static void manifest(er_package *p, er_package *out) {
  er_dx x;
  er_dx_begin(&x);
  er_dx_open(&x, "Types");
  er_dx_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  er_dx_open(&x, "Default");
  er_dx_attr(&x, "Extension", "rels");
  er_dx_attr(&x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  er_dx_close(&x);
  er_dx_open(&x, "Default");
  er_dx_attr(&x, "Extension", "xml");
  er_dx_attr(&x, "ContentType", "application/xml");
  er_dx_close(&x);
  for (size_t i = 0; i < p->nparts; i++) {
    er_dx_open(&x, "Override");
    er_dx_attrf(&x, "PartName", "/%s", p->parts[i].name);
    er_dx_attr(&x, "ContentType", p->parts[i].type);
    er_dx_close(&x);
  }
  er_dx_close(&x);
  er_package_add(out, "[Content_Types].xml", NULL, &x);

  er_dx_begin(&x);
  er_dx_open(&x, "Relationships");
  er_dx_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  rel(&x, 1, ER_REL "officeDocument", "word/document.xml");
  rel(&x, 2,
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml");
  rel(&x, 3, ER_REL "extended-properties", "docProps/app.xml");
  er_dx_close(&x);
  er_package_add(out, "_rels/.rels", NULL, &x);

  er_dx_begin(&x);
  er_dx_open(&x, "Relationships");
  er_dx_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  for (size_t i = 0; i < p->nrels; i++)
    rel(&x, (int)i + 1, p->rels[i].type, p->rels[i].target);
  er_dx_close(&x);
  er_package_add(out, "word/_rels/document.xml.rels", NULL, &x);
}

static bool zip_part(zip_t *z, const er_dx_part *part) {
  zip_source_t *src = zip_source_buffer(z, part->data, part->len, 0);
  if (!src)
    return false;
  zip_int64_t i = zip_file_add(z, part->name, src, ZIP_FL_ENC_UTF_8);
  if (i < 0) {
    zip_source_free(src);
    return false;
  }
  /* 1980-01-01 00:00:00, the earliest DOS date */
  return zip_file_set_dostime(z, (zip_uint64_t)i, 0, (1 << 5) | 1, 0) == 0 &&
         zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_DEFLATE, 0) == 0;
}

bool er_package_write(er_package *p, const char *path, er_diag *d) {
  er_package head = {0};
  manifest(p, &head);
  int err = 0;
  zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
  bool ok = z != NULL;
  for (size_t i = 0; ok && i < head.nparts; i++)
    ok = zip_part(z, &head.parts[i]);
  for (size_t i = 0; ok && i < p->nparts; i++)
    ok = zip_part(z, &p->parts[i]);
  const char *why = NULL;
  if (z && !ok)
    why = zip_strerror(z);
  if (z && ok && zip_close(z) != 0) {
    why = zip_strerror(z);
    ok = false;
  }
  if (!ok) {
    er_error(d, ((er_pos){0, 0}), "output", "无法写入 %s：%s", path, why ? why : strerror(errno));
    if (z)
      zip_discard(z);
  }
  er_package_free(&head);
  return ok;
}

void er_package_free(er_package *p) {
  for (size_t i = 0; i < p->nparts; i++) {
    free(p->parts[i].name);
    free(p->parts[i].data);
  }
  for (size_t i = 0; i < p->nrels; i++)
    free(p->rels[i].target);
  free(p->parts);
  free(p->rels);
  memset(p, 0, sizeof *p);
}
