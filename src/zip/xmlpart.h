/* Writing an XML part of a zip package (xmlpart.c): the DOCX and OFD
 * writers' parts, through libxml2. Elements are opened and closed here,
 * their markup gathered and handed to libxml2's xmlTextWriter in large
 * raw writes; libxml2 escapes text and attribute values. */
#ifndef ER_ZIP_XMLPART_H
#define ER_ZIP_XMLPART_H

#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <stddef.h>

#define ER_XML_DEPTH 32 /* elements open at once, more than any part nests */

typedef struct er_xml {
  xmlBufferPtr buf;             /* what the writer writes to, or NULL: */
  struct er_deflater *deflater; /* … deflated on a thread as written */
  xmlTextWriterPtr x;
  const char *open[ER_XML_DEPTH]; /* the open elements' names (literals) */
  int depth;
  bool in_tag;       /* the last start tag still takes attributes */
  char markup[8192]; /* not yet handed to the writer */
  size_t nmarkup;
  xmlBufferPtr escaped; /* an attribute value being escaped */
  xmlDocPtr utf8;       /* … for a document in UTF-8 */
} er_xml;

/* Starts a part in memory, its prolog with standalone="yes" or without. */
void er_xml_begin(er_xml *x, bool standalone);
/* The same for a large part, deflated at `level` on a thread while it is
 * written (deflating document.xml after it was written cost as much as
 * writing it); as er_xml_begin where no thread can be had. */
void er_xml_begin_deflated(er_xml *x, bool standalone, int level);
/* Opens element `name`, which must stay valid until it is closed (every
 * caller passes a literal). */
void er_xml_open(er_xml *x, const char *name);
void er_xml_attr(er_xml *x, const char *name, const char *value);
void er_xml_attrf(er_xml *x, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* An attribute of an integer value. */
void er_xml_attri(er_xml *x, const char *name, long value);
/* `value` in decimal, written backwards from the end of buf[24]: cheaper
 * than printf for the many numbers of a part. */
const char *er_xml_decimal(char buf[24], long value);
void er_xml_close(er_xml *x);
/* Character data. */
void er_xml_chars(er_xml *x, const char *text);
/* Ends the part: every element must be closed. The bytes are then in
 * x->buf, or with x->deflater. */
void er_xml_end(er_xml *x);
/* Ends a part begun with er_xml_begin and returns its bytes (malloc'd). */
unsigned char *er_xml_end_bytes(er_xml *x, size_t *len);

#endif
