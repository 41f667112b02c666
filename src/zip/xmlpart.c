/* Writing an XML part (xmlpart.h).
 *
 * libxml2 does the XML work that can go wrong: the document's prolog and
 * epilogue (xmlTextWriter), escaping element text (xmlEncodeSpecialChars)
 * and attribute values (xmlAttrSerializeTxtContent, for a UTF-8 document)
 * — the functions xmlTextWriter itself calls, so the bytes are the ones
 * it would write.
 * The nesting of elements is kept here: xmlTextWriter's element and
 * attribute calls cost about a thousand instructions each (a copy of the
 * name, a list node, eight small appends for a `<w:sz w:val="21"/>`),
 * and a report's document.xml has some forty thousand of them (an OFD
 * some sixty thousand). Markup is
 * gathered in a buffer and handed to the writer in large raw writes.
 * The writer's errors can only be out-of-memory ones. */
#include "zip/xmlpart.h"

#include <libxml/entities.h>
#include <libxml/xmlsave.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zip/deflater.h"

static void start(er_xml *x, bool standalone) {
  x->depth = 0;
  x->in_tag = false;
  x->nmarkup = 0;
  x->escaped = xmlBufferCreate();
  x->utf8 = xmlNewDoc(BAD_CAST "1.0");
  if (!x->x || !x->escaped || !x->utf8 || !(x->utf8->encoding = xmlStrdup(BAD_CAST "UTF-8")))
    abort();
  xmlTextWriterStartDocument(x->x, NULL, "UTF-8", standalone ? "yes" : NULL);
}

void er_xml_begin(er_xml *x, bool standalone) {
  x->deflater = NULL;
  x->buf = xmlBufferCreate();
  if (x->buf) /* libxml2 2.9 grows a buffer by what is added: quadratic */
    xmlBufferSetAllocationScheme(x->buf, XML_BUFFER_ALLOC_DOUBLEIT);
  x->x = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
  start(x, standalone);
}

static int feed_deflater(void *deflater, const char *bytes, int len) {
  er_deflater_feed(deflater, bytes, (size_t)len);
  return len;
}

void er_xml_begin_deflated(er_xml *x, bool standalone, int level) {
  er_deflater *deflater = er_deflater_start(level);
  if (!deflater) {
    er_xml_begin(x, standalone);
    return;
  }
  xmlOutputBufferPtr out = xmlOutputBufferCreateIO(feed_deflater, NULL, deflater, NULL);
  x->x = out ? xmlNewTextWriter(out) : NULL;
  x->buf = NULL;
  x->deflater = deflater;
  start(x, standalone);
}

void er_xml_end(er_xml *x) {
  if (x->depth)
    abort(); /* an element left open: a bug in the caller */
  if (x->nmarkup)
    xmlTextWriterWriteRawLen(x->x, BAD_CAST x->markup, (int)x->nmarkup);
  x->nmarkup = 0;
  xmlTextWriterEndDocument(x->x);
  xmlFreeTextWriter(x->x); /* and the output it flushes to a deflater */
  x->x = NULL;
  xmlBufferFree(x->escaped);
  x->escaped = NULL;
  xmlFreeDoc(x->utf8);
  x->utf8 = NULL;
}

unsigned char *er_xml_end_bytes(er_xml *x, size_t *len) {
  er_xml_end(x);
  *len = (size_t)xmlBufferLength(x->buf);
  unsigned char *data = malloc(*len ? *len : 1);
  if (!data)
    abort();
  memcpy(data, xmlBufferContent(x->buf), *len);
  xmlBufferFree(x->buf);
  x->buf = NULL;
  return data;
}

/* Appends n bytes of markup; what does not fit goes to the writer. */
static void put(er_xml *x, const char *s, size_t n) {
  if (x->nmarkup + n > sizeof x->markup) {
    xmlTextWriterWriteRawLen(x->x, BAD_CAST x->markup, (int)x->nmarkup);
    x->nmarkup = 0;
    if (n > sizeof x->markup) {
      xmlTextWriterWriteRawLen(x->x, BAD_CAST s, (int)n);
      return;
    }
  }
  memcpy(x->markup + x->nmarkup, s, n);
  x->nmarkup += n;
}

static void put_str(er_xml *x, const char *s) { put(x, s, strlen(s)); }

/* Ends the start tag left open for attributes: content follows. */
static void end_tag(er_xml *x) {
  if (x->in_tag)
    put(x, ">", 1);
  x->in_tag = false;
}

void er_xml_open(er_xml *x, const char *name) {
  if (x->depth == ER_XML_DEPTH)
    abort(); /* deeper than any part's schema: a bug in the caller */
  end_tag(x);
  put(x, "<", 1);
  put_str(x, name);
  x->open[x->depth++] = name;
  x->in_tag = true;
}

void er_xml_close(er_xml *x) {
  const char *name = x->open[--x->depth];
  if (x->in_tag) {
    put(x, "/>", 2);
  } else {
    put(x, "</", 2);
    put_str(x, name);
    put(x, ">", 1);
  }
  x->in_tag = false;
}

/* Whether escaping would leave `s` unchanged: as element text
 * (xmlEncodeSpecialChars: < > & " CR) or, with `attr`, as an attribute
 * value (also TAB and LF). */
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
      break;
    }
  return true;
}

void er_xml_attr(er_xml *x, const char *name, const char *value) {
  put(x, " ", 1);
  put_str(x, name);
  put(x, "=\"", 2);
  if (plain(value, true)) {
    put_str(x, value);
  } else {
    xmlAttrSerializeTxtContent(x->escaped, x->utf8, NULL, BAD_CAST value);
    put(x, (const char *)xmlBufferContent(x->escaped), (size_t)xmlBufferLength(x->escaped));
    xmlBufferEmpty(x->escaped);
  }
  put(x, "\"", 1);
}

void er_xml_attrf(er_xml *x, const char *name, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  er_xml_attr(x, name, buf);
}

const char *er_xml_decimal(char buf[24], long value) {
  char *p = buf + 24;
  unsigned long u = value < 0 ? 0UL - (unsigned long)value : (unsigned long)value;
  *--p = '\0';
  do
    *--p = (char)('0' + u % 10);
  while (u /= 10);
  if (value < 0)
    *--p = '-';
  return p;
}

void er_xml_attri(er_xml *x, const char *name, long value) {
  char buf[24];
  er_xml_attr(x, name, er_xml_decimal(buf, value));
}

void er_xml_chars(er_xml *x, const char *text) {
  end_tag(x);
  if (plain(text, false)) {
    put_str(x, text);
    return;
  }
  xmlChar *escaped = xmlEncodeSpecialChars(NULL, BAD_CAST text);
  if (!escaped)
    abort();
  put_str(x, (const char *)escaped);
  xmlFree(escaped);
}
