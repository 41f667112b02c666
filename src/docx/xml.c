/* Writing an XML part: thin calls over libxml2's xmlTextWriter into a
 * memory buffer. The writer's errors can only be out-of-memory ones.
 *
 * The writer escapes every string it is given through a copy (element
 * text) or byte by byte (attribute values, where it also turns every
 * non-ASCII character into a character reference). Most strings of a
 * part — style names, measures, ordinary text — hold nothing to escape;
 * those are handed to the writer as they are (xmlTextWriterWriteRaw,
 * which still closes a start tag where one is open), giving the same
 * bytes for less work. Integers are formatted here, not by vsnprintf. */
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

/* Whether the writer would write `s` unchanged: as element text
 * (xmlEncodeSpecialChars: < > & " CR) or, with `attr`, as an attribute
 * value (also TAB, LF and every byte from 0x80). */
static bool plain(const char *s, bool attr) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    switch (*p) {
    case '<':
    case '>':
    case '&':
    case '"':
    case '\r':
      return false;
    case '\t':
    case '\n':
      if (attr)
        return false;
      break;
    default:
      if (attr && *p >= 0x80)
        return false;
    }
  return true;
}

void er_dx_attr(er_dx *x, const char *name, const char *value) {
  if (!plain(value, true)) {
    xmlTextWriterWriteAttribute(x->x, BAD_CAST name, BAD_CAST value);
    return;
  }
  xmlTextWriterStartAttribute(x->x, BAD_CAST name);
  xmlTextWriterWriteRaw(x->x, BAD_CAST value);
  xmlTextWriterEndAttribute(x->x);
}

void er_dx_attrf(er_dx *x, const char *name, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  er_dx_attr(x, name, buf);
}

void er_dx_attri(er_dx *x, const char *name, long value) {
  char buf[24], *p = buf + sizeof buf;
  unsigned long u = value < 0 ? 0UL - (unsigned long)value : (unsigned long)value;
  *--p = '\0';
  do
    *--p = (char)('0' + u % 10);
  while (u /= 10);
  if (value < 0)
    *--p = '-';
  er_dx_attr(x, name, p);
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
  er_dx_attri(x, "w:val", val);
  er_dx_close(x);
}

void er_dx_chars(er_dx *x, const char *text) {
  if (plain(text, false))
    xmlTextWriterWriteRaw(x->x, BAD_CAST text);
  else
    xmlTextWriterWriteString(x->x, BAD_CAST text);
}

void er_dx_t(er_dx *x, const char *text) {
  er_dx_open(x, "w:t");
  er_dx_attr(x, "xml:space", "preserve");
  er_dx_chars(x, text);
  er_dx_close(x);
}
