/* The document properties: docProps/core.xml (title, the evaluating body
 * as author, subject, keywords, and the SOURCE_DATE_EPOCH date when there
 * is one — none otherwise, so that the same input gives the same bytes)
 * and docProps/app.xml (the application). */
#include "docx/docxw.h"

#include <stdio.h>
#include <time.h>

static void el(er_xml *x, const char *name, const char *text) {
  if (!text || !text[0])
    return;
  er_xml_open(x, name);
  er_xml_chars(x, text);
  er_xml_close(x);
}

static void date(er_xml *x, const char *name, long long t) {
  time_t tt = (time_t)t;
  struct tm tm;
  char buf[32];
  if (!gmtime_r(&tt, &tm) || !strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm))
    return;
  er_xml_open(x, name);
  er_xml_attr(x, "xsi:type", "dcterms:W3CDTF");
  er_xml_chars(x, buf);
  er_xml_close(x);
}

void er_docx_props_parts(er_docxw *w, const er_docx_props *props) {
  er_xml x;
  er_xml_begin(&x, true);
  er_xml_open(&x, "cp:coreProperties");
  er_xml_attr(&x, "xmlns:cp",
              "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  er_xml_attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  er_xml_attr(&x, "xmlns:dcterms", "http://purl.org/dc/terms/");
  er_xml_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  el(&x, "dc:title", props->title);
  el(&x, "dc:subject", props->subject);
  el(&x, "dc:creator", props->author);
  el(&x, "cp:keywords", props->keywords);
  el(&x, "cp:lastModifiedBy", props->author);
  if (props->created >= 0) {
    date(&x, "dcterms:created", props->created);
    date(&x, "dcterms:modified", props->created);
  }
  er_xml_close(&x);
  er_package_add(&w->pkg, "docProps/core.xml",
                 "application/vnd.openxmlformats-package.core-properties+xml", &x);

  er_xml_begin(&x, true);
  er_xml_open(&x, "Properties");
  er_xml_attr(&x, "xmlns",
              "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  el(&x, "Application", "evalreport");
  er_xml_close(&x);
  er_package_add(&w->pkg, "docProps/app.xml", ER_CT "extended-properties+xml", &x);
}
