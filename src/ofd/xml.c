/* The OFD's shorthands over an XML part (zip/xmlpart.h), and the lists of
 * numbers its attributes and elements carry (ofdw.h). */
#include "ofd/ofdw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void er_ox_begin(er_xml *x, const char *root) {
  er_xml_begin(x, false);
  er_xml_open(x, root);
  er_xml_attr(x, "xmlns:ofd", ER_OFD_NS);
}

void er_ox_attr_id(er_xml *x, const char *name, unsigned id) { er_xml_attri(x, name, (long)id); }

void er_ox_attr_mm(er_xml *x, const char *name, double mm) {
  er_numbers n = {0};
  er_numbers_add(&n, mm);
  er_xml_attr(x, name, n.s);
  er_numbers_free(&n);
}

void er_ox_element(er_xml *x, const char *name, const char *text) {
  er_xml_open(x, name);
  er_xml_chars(x, text);
  er_xml_close(x);
}

unsigned char *er_ox_end(er_xml *x, size_t *len) {
  while (x->depth) /* the root and what else is open, as an XML writer's end does */
    er_xml_close(x);
  return er_xml_end_bytes(x, len);
}

static void reserve(er_numbers *n, size_t more) {
  if (n->len + more + 1 <= n->cap)
    return;
  n->cap = 2 * (n->len + more) + 256;
  n->s = realloc(n->s, n->cap);
  if (!n->s)
    abort();
}

void er_numbers_word(er_numbers *n, const char *w) {
  size_t k = strlen(w);
  reserve(n, k + 1);
  if (n->len)
    n->s[n->len++] = ' ';
  memcpy(n->s + n->len, w, k + 1);
  n->len += k;
}

/* v to four decimals without trailing zeros ("12.5", "-0.0625", "3"):
 * digits of the rounded fixed-point value, not printf, which took a tenth
 * of an OFD's time. */
void er_numbers_add(er_numbers *n, double v) {
  char buf[48];
  double k = round(v * 10000);
  if (!(fabs(k) < 1e15)) { /* not a page coordinate; printf says what it is */
    snprintf(buf, sizeof buf, "%g", v);
    er_numbers_word(n, buf);
    return;
  }
  long long q = (long long)k;
  unsigned long long u = (unsigned long long)(q < 0 ? -q : q);
  char digits[24];
  int len = 0;
  for (int place = 0; u || place <= 4; place++, u /= 10) /* at least 0.0000 */
    digits[len++] = (char)('0' + u % 10);
  int frac = 4; /* trailing zeros of the fraction go, and then its point */
  int from = 0;
  while (frac > 0 && digits[from] == '0')
    from++, frac--;
  int at = 0;
  if (q < 0)
    buf[at++] = '-';
  for (int i = len - 1; i >= from; i--) {
    buf[at++] = digits[i];
    if (i == 4 && frac > 0)
      buf[at++] = '.';
  }
  buf[at] = '\0';
  er_numbers_word(n, buf);
}

void er_numbers_clear(er_numbers *n) {
  n->len = 0;
  if (n->s)
    n->s[0] = '\0';
}

void er_numbers_free(er_numbers *n) {
  free(n->s);
  memset(n, 0, sizeof *n);
}
