/* The DOCX writer's XML parts (src/docx/xml.c): the markup it gathers
 * itself is byte for byte what libxml2's xmlTextWriter writes for the same
 * calls, escaping included; a part deflated on a thread while written
 * inflates to those bytes. */
#include "support.h"

#include "docx/docxw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Awkward text: XML's specials, a carriage return, tabs and newlines,
 * Chinese, an entity-looking string. */
static const char *const texts[] = {
    "", "plain", "a<b & c>d \"q\" 'a'", "行\r\n\t末", "仿宋_GB2312", "&amp; &#x41;", "]]>",
};

/* One part written through er_xml. */
static void write_er(er_xml *x, const char *long_text) {
  er_xml_open(x, "w:document");
  er_xml_attr(x, "xmlns:w", ER_DX_W);
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    er_xml_open(x, "w:p");
    er_xml_open(x, "w:pPr");
    er_dx_empty(x, "w:pStyle", texts[i]);
    er_dx_emptyi(x, "w:ind", -(long)i * 420);
    er_dx_empty(x, "w:keepNext", NULL);
    er_xml_close(x);
    er_xml_open(x, "w:r");
    er_dx_t(x, texts[i]);
    er_xml_close(x);
    er_xml_open(x, "w:empty");
    er_xml_close(x);
    er_xml_open(x, "w:hasEmptyText");
    er_xml_chars(x, "");
    er_xml_close(x);
    er_xml_close(x);
  }
  er_xml_open(x, "w:long");
  er_xml_attr(x, "w:val", long_text);
  er_xml_chars(x, long_text);
  er_xml_close(x);
  er_xml_close(x);
}

/* The same through xmlTextWriter alone. */
static void write_libxml2(xmlTextWriterPtr w, const char *long_text) {
  xmlTextWriterStartDocument(w, NULL, "UTF-8", "yes");
  xmlTextWriterStartElement(w, BAD_CAST "w:document");
  xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:w", BAD_CAST ER_DX_W);
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    char ind[24];
    snprintf(ind, sizeof ind, "%ld", -(long)i * 420);
    xmlTextWriterStartElement(w, BAD_CAST "w:p");
    xmlTextWriterStartElement(w, BAD_CAST "w:pPr");
    xmlTextWriterStartElement(w, BAD_CAST "w:pStyle");
    xmlTextWriterWriteAttribute(w, BAD_CAST "w:val", BAD_CAST texts[i]);
    xmlTextWriterEndElement(w);
    xmlTextWriterStartElement(w, BAD_CAST "w:ind");
    xmlTextWriterWriteAttribute(w, BAD_CAST "w:val", BAD_CAST ind);
    xmlTextWriterEndElement(w);
    xmlTextWriterStartElement(w, BAD_CAST "w:keepNext");
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
    xmlTextWriterStartElement(w, BAD_CAST "w:r");
    xmlTextWriterStartElement(w, BAD_CAST "w:t");
    xmlTextWriterWriteAttribute(w, BAD_CAST "xml:space", BAD_CAST "preserve");
    xmlTextWriterWriteString(w, BAD_CAST texts[i]);
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
    xmlTextWriterStartElement(w, BAD_CAST "w:empty");
    xmlTextWriterEndElement(w);
    xmlTextWriterStartElement(w, BAD_CAST "w:hasEmptyText");
    xmlTextWriterWriteString(w, BAD_CAST "");
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
  }
  xmlTextWriterStartElement(w, BAD_CAST "w:long");
  xmlTextWriterWriteAttribute(w, BAD_CAST "w:val", BAD_CAST long_text);
  xmlTextWriterWriteString(w, BAD_CAST long_text);
  xmlTextWriterEndElement(w);
  xmlTextWriterEndElement(w);
  xmlTextWriterEndDocument(w);
}

/* Longer than the markup buffer, with something to escape at its end. */
static char *long_text(void) {
  size_t n = 3 * sizeof((er_xml *)0)->markup;
  char *s = malloc(n + 8);
  assert_non_null(s);
  for (size_t i = 0; i < n; i++)
    s[i] = (char)('a' + i % 26);
  strcpy(s + n, "<&\"\t");
  return s;
}

static xmlBufferPtr expected(const char *text) {
  xmlBufferPtr buf = xmlBufferCreate();
  xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
  write_libxml2(w, text);
  xmlFreeTextWriter(w);
  return buf;
}

/* The test part written through er_xml into `pkg`, in memory or deflated;
 * what xmlTextWriter writes for it. */
static xmlBufferPtr write_part(er_package *pkg, bool deflated) {
  char *text = long_text();
  er_xml x;
  if (deflated)
    er_xml_begin_deflated(&x, true, ER_DX_DEFLATE_LEVEL);
  else
    er_xml_begin(&x, true);
  write_er(&x, text);
  er_package_add(pkg, "word/document.xml", "t", &x);
  xmlBufferPtr want = expected(text);
  free(text);
  return want;
}

static void markup_is_what_xmltextwriter_writes(void **state) {
  (void)state;
  er_package pkg = {0};
  xmlBufferPtr want = write_part(&pkg, false);
  assert_int_equal(pkg.parts[0].len, xmlBufferLength(want));
  assert_memory_equal(pkg.parts[0].data, xmlBufferContent(want), pkg.parts[0].len);
  /* the escapes are libxml2's: Chinese stays UTF-8 in attributes */
  assert_non_null(strstr((const char *)pkg.parts[0].data, "w:val=\"仿宋_GB2312\""));
  assert_non_null(strstr((const char *)pkg.parts[0].data, "w:val=\"a&lt;b &amp; c&gt;d &quot;q"));
  er_package_free(&pkg);
  xmlBufferFree(want);
}

static void deflated_part_inflates_to_the_markup(void **state) {
  (void)state;
  er_package pkg = {0};
  xmlBufferPtr want = write_part(&pkg, true);
  const er_zip_deflated *z = &pkg.parts[0].deflated;
  assert_null(pkg.parts[0].data);
  assert_non_null(z->data);
  assert_int_equal(z->size, xmlBufferLength(want));
  assert_int_equal(z->crc, crc32(0, xmlBufferContent(want), (uInt)z->size));
  unsigned char *out = malloc(z->size + 1);
  z_stream s = {0};
  assert_int_equal(inflateInit2(&s, -MAX_WBITS), Z_OK);
  s.next_in = z->data;
  s.avail_in = (uInt)z->len;
  s.next_out = out;
  s.avail_out = (uInt)z->size + 1;
  assert_int_equal(inflate(&s, Z_FINISH), Z_STREAM_END);
  assert_int_equal(s.total_out, z->size);
  assert_memory_equal(out, xmlBufferContent(want), z->size);
  inflateEnd(&s);
  free(out);
  er_package_free(&pkg);
  xmlBufferFree(want);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(markup_is_what_xmltextwriter_writes),
      cmocka_unit_test(deflated_part_inflates_to_the_markup),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
