/* settings.xml: different odd and even footers, punctuation compressed as
 * Word does for Chinese, the footnote separators, and compatibility with
 * Word 2013 and later. No updateFields: the contents are right as
 * written. */
#include "docx/docxw.h"

void er_docx_settings(er_docxw *w) {
  er_xml x;
  er_xml_begin(&x, true);
  er_xml_open(&x, "w:settings");
  er_xml_attr(&x, "xmlns:w", ER_DX_W);
  /* in the order of the schema's sequence, as Word requires */
  er_dx_emptyi(&x, "w:defaultTabStop", w->size[ER_ROLE_BODY] * 20);
  er_dx_empty(&x, "w:evenAndOddHeaders", NULL);
  er_dx_empty(&x, "w:characterSpacingControl", "compressPunctuation");
  er_xml_open(&x, "w:footnotePr");
  er_xml_open(&x, "w:footnote");
  er_xml_attr(&x, "w:id", "-1");
  er_xml_close(&x);
  er_xml_open(&x, "w:footnote");
  er_xml_attr(&x, "w:id", "0");
  er_xml_close(&x);
  er_xml_close(&x);
  er_xml_open(&x, "w:compat");
  er_dx_empty(&x, "w:spaceForUL", NULL);
  er_dx_empty(&x, "w:balanceSingleByteDoubleByteWidth", NULL);
  er_dx_empty(&x, "w:doNotLeaveBackslashAlone", NULL);
  er_dx_empty(&x, "w:ulTrailSpace", NULL);
  er_dx_empty(&x, "w:doNotExpandShiftReturn", NULL);
  er_dx_empty(&x, "w:adjustLineHeightInTable", NULL);
  er_xml_open(&x, "w:compatSetting");
  er_xml_attr(&x, "w:name", "compatibilityMode");
  er_xml_attr(&x, "w:uri", "http://schemas.microsoft.com/office/word");
  er_xml_attr(&x, "w:val", "15");
  er_xml_close(&x);
  er_xml_close(&x);
  er_xml_open(&x, "w:themeFontLang");
  er_xml_attr(&x, "w:val", "en-US");
  er_xml_attr(&x, "w:eastAsia", "zh-CN");
  er_xml_close(&x);
  er_xml_close(&x);
  er_package_add(&w->pkg, "word/settings.xml", ER_CT "wordprocessingml.settings+xml", &x);
  er_package_rel(&w->pkg, "settings.xml", ER_REL "settings");
}
