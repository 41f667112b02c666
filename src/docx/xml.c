/* The WordprocessingML shorthands over an XML part (docxw.h). */
#include "docx/docxw.h"

void er_dx_empty(er_xml *x, const char *name, const char *val) {
  er_xml_open(x, name);
  if (val)
    er_xml_attr(x, "w:val", val);
  er_xml_close(x);
}

void er_dx_emptyi(er_xml *x, const char *name, long val) {
  char buf[24];
  er_dx_empty(x, name, er_xml_decimal(buf, val));
}

void er_dx_t(er_xml *x, const char *text) {
  er_xml_open(x, "w:t");
  er_xml_attr(x, "xml:space", "preserve");
  er_xml_chars(x, text);
  er_xml_close(x);
}
