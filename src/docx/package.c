/* The OPC package: [Content_Types].xml naming the type of every part, the
 * package's and the document's relationships, then the parts, written as
 * a zip (zip/zipfile.h: every entry with the same DOS timestamp), so the
 * same parts give the same bytes whatever the clock or the time zone.
 * Deflate at level 1 (ER_DX_DEFLATE_LEVEL): the default level (6) spent
 * 27 M instructions, a tenth of a nanchong render, to make the file 8 KB
 * (a fifth) smaller. document.xml comes deflated already, by a thread
 * that ran while it was written (er_dx_begin_deflated). */
#include "docx/docxw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/grow.h"
#include "zip/deflater.h"
#include "zip/zipfile.h"

/* Parts smaller than this are stored, not deflated (bytes). */
#define SMALL_PART 1024

static er_dx_part *new_part(er_package *p, const char *name, const char *type) {
  p->parts = er_grow(p->parts, p->nparts, &p->parts_cap, sizeof *p->parts, 16);
  er_dx_part *part = &p->parts[p->nparts++];
  *part = (er_dx_part){.name = strdup(name), .type = type};
  if (!part->name)
    abort();
  return part;
}

void er_package_add_bytes(er_package *p, const char *name, const char *type, const void *data,
                          size_t len) {
  er_dx_part *part = new_part(p, name, type);
  part->data = malloc(len ? len : 1);
  if (!part->data)
    abort();
  memcpy(part->data, data, len);
  part->len = len;
}

void er_package_add(er_package *p, const char *name, const char *type, er_xml *x) {
  er_xml_end(x);
  if (x->deflater) {
    if (!er_deflater_finish(x->deflater, &new_part(p, name, type)->deflated))
      abort();
    x->deflater = NULL;
  } else {
    er_package_add_bytes(p, name, type, xmlBufferContent(x->buf), (size_t)xmlBufferLength(x->buf));
    xmlBufferFree(x->buf);
  }
  x->x = NULL;
  x->buf = NULL;
}

int er_package_rel(er_package *p, const char *target, const char *type) {
  p->rels = er_grow(p->rels, p->nrels, &p->rels_cap, sizeof *p->rels, 16);
  p->rels[p->nrels].target = strdup(target);
  p->rels[p->nrels].type = type;
  if (!p->rels[p->nrels].target)
    abort();
  return (int)++p->nrels;
}

static void rel(er_xml *x, int id, const char *type, const char *target) {
  er_xml_open(x, "Relationship");
  er_xml_attrf(x, "Id", "rId%d", id);
  er_xml_attr(x, "Type", type);
  er_xml_attr(x, "Target", target);
  er_xml_close(x);
}

/* The relationships parts and the content types, before the parts. */
static void manifest(er_package *p, er_package *out) {
  er_xml x;
  er_xml_begin(&x, true);
  er_xml_open(&x, "Types");
  er_xml_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  er_xml_open(&x, "Default");
  er_xml_attr(&x, "Extension", "rels");
  er_xml_attr(&x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  er_xml_close(&x);
  er_xml_open(&x, "Default");
  er_xml_attr(&x, "Extension", "xml");
  er_xml_attr(&x, "ContentType", "application/xml");
  er_xml_close(&x);
  for (size_t i = 0; i < p->nparts; i++) {
    if (!p->parts[i].type)
      continue;
    er_xml_open(&x, "Override");
    er_xml_attrf(&x, "PartName", "/%s", p->parts[i].name);
    er_xml_attr(&x, "ContentType", p->parts[i].type);
    er_xml_close(&x);
  }
  er_xml_close(&x);
  er_package_add(out, "[Content_Types].xml", NULL, &x);

  er_xml_begin(&x, true);
  er_xml_open(&x, "Relationships");
  er_xml_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  rel(&x, 1, ER_REL "officeDocument", "word/document.xml");
  rel(&x, 2,
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml");
  rel(&x, 3, ER_REL "extended-properties", "docProps/app.xml");
  er_xml_close(&x);
  er_package_add(out, "_rels/.rels", NULL, &x);

  er_xml_begin(&x, true);
  er_xml_open(&x, "Relationships");
  er_xml_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  for (size_t i = 0; i < p->nrels; i++)
    rel(&x, (int)i + 1, p->rels[i].type, p->rels[i].target);
  er_xml_close(&x);
  er_package_add(out, "word/_rels/document.xml.rels", NULL, &x);
}

bool er_package_write(er_package *p, const char *path, er_diag *d) {
  er_package head = {0};
  manifest(p, &head);
  size_t n = head.nparts + p->nparts;
  er_zip_entry *entries = malloc((n ? n : 1) * sizeof *entries);
  bool *store = malloc(n ? n : 1);
  if (!entries || !store)
    abort();
  for (size_t i = 0; i < n; i++) {
    const er_dx_part *part = i < head.nparts ? &head.parts[i] : &p->parts[i - head.nparts];
    /* a small part is stored: deflate's setup for it (its tables
     * cleared) costs more than the few hundred bytes it would save, and
     * an embedded workbook is deflated already */
    store[i] =
        !part->deflated.data && (part->len < SMALL_PART || strstr(part->name, ".xlsx") != NULL);
    entries[i] = (er_zip_entry){part->name, part->data, part->len,
                                part->deflated.data ? &part->deflated : NULL};
  }
  const char *why = er_zip_write_stored(entries, n, ER_DX_DEFLATE_LEVEL, store, path);
  if (why)
    er_error(d, ((er_pos){0, 0}), "output", "无法写入 %s：%s", path, why);
  free(entries);
  free(store);
  er_package_free(&head);
  return why == NULL;
}

void er_package_free(er_package *p) {
  for (size_t i = 0; i < p->nparts; i++) {
    free(p->parts[i].name);
    free(p->parts[i].data);
    free(p->parts[i].deflated.data);
  }
  for (size_t i = 0; i < p->nrels; i++)
    free(p->rels[i].target);
  free(p->parts);
  free(p->rels);
  memset(p, 0, sizeof *p);
}
