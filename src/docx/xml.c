/* Writing an XML part: thin calls over libxml2's xmlTextWriter into a
 * memory buffer. The writer's errors can only be out-of-memory ones. */
#include "docx/docxw.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void er_dx_begin(er_dx *x) {
  x->buf = xmlBufferCreate();
  if (x->buf) /* libxml2 2.9 grows a buffer by what is added: quadratic */
    xmlBufferSetAllocationScheme(x->buf, XML_BUFFER_ALLOC_DOUBLEIT);
  x->x = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
  if (!x->x)
    abort();
  xmlTextWriterStartDocument(x->x, NULL, "UTF-8", "yes");
}

void er_dx_open(er_dx *x, const char *name) { xmlTextWriterStartElement(x->x, BAD_CAST name); }

void er_dx_attr(er_dx *x, const char *name, const char *value) {
  xmlTextWriterWriteAttribute(x->x, BAD_CAST name, BAD_CAST value);
}

void er_dx_attrf(er_dx *x, const char *name, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  er_dx_attr(x, name, buf);
}

void er_dx_close(er_dx *x) { xmlTextWriterEndElement(x->x); }

void er_dx_empty(er_dx *x, const char *name, const char *val) {
  er_dx_open(x, name);
  if (val)
    er_dx_attr(x, "w:val", val);
  er_dx_close(x);
}

void er_dx_emptyi(er_dx *x, const char *name, long val) {
  er_dx_open(x, name);
  er_dx_attrf(x, "w:val", "%ld", val);
  er_dx_close(x);
}

void er_dx_chars(er_dx *x, const char *text) { xmlTextWriterWriteString(x->x, BAD_CAST text); }

void er_dx_t(er_dx *x, const char *text) {
  er_dx_open(x, "w:t");
  er_dx_attr(x, "xml:space", "preserve");
  er_dx_chars(x, text);
  er_dx_close(x);
}
