/* Writing an OFD XML part over libxml2's xmlTextWriter, and the lists of
 * numbers its attributes and elements carry (ofdw.h). */
#include "ofd/ofdw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void er_ox_begin(er_ox *x, const char *root) {
  x->buf = xmlBufferCreate();
  if (x->buf) /* libxml2 2.9 grows a buffer by what is added: quadratic */
    xmlBufferSetAllocationScheme(x->buf, XML_BUFFER_ALLOC_DOUBLEIT);
  x->x = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
  if (!x->x)
    abort();
  xmlTextWriterStartDocument(x->x, NULL, "UTF-8", NULL);
  er_ox_open(x, root);
  er_ox_attr(x, "xmlns:ofd", ER_OFD_NS);
}

void er_ox_open(er_ox *x, const char *name) { xmlTextWriterStartElement(x->x, BAD_CAST name); }

void er_ox_close(er_ox *x) { xmlTextWriterEndElement(x->x); }

void er_ox_attr(er_ox *x, const char *name, const char *value) {
  xmlTextWriterWriteAttribute(x->x, BAD_CAST name, BAD_CAST value);
}

void er_ox_attr_id(er_ox *x, const char *name, unsigned id) {
  char buf[16];
  snprintf(buf, sizeof buf, "%u", id);
  er_ox_attr(x, name, buf);
}

void er_ox_attr_mm(er_ox *x, const char *name, double mm) {
  er_numbers n = {0};
  er_numbers_add(&n, mm);
  er_ox_attr(x, name, n.s);
  er_numbers_free(&n);
}

void er_ox_chars(er_ox *x, const char *text) { xmlTextWriterWriteString(x->x, BAD_CAST text); }

void er_ox_element(er_ox *x, const char *name, const char *text) {
  er_ox_open(x, name);
  er_ox_chars(x, text);
  er_ox_close(x);
}

unsigned char *er_ox_end(er_ox *x, size_t *len) {
  xmlTextWriterEndDocument(x->x);
  xmlFreeTextWriter(x->x);
  *len = (size_t)xmlBufferLength(x->buf);
  unsigned char *data = malloc(*len ? *len : 1);
  if (!data)
    abort();
  memcpy(data, xmlBufferContent(x->buf), *len);
  xmlBufferFree(x->buf);
  x->x = NULL;
  x->buf = NULL;
  return data;
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
