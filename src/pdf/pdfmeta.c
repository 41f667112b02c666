/* Document information, XMP, /Lang, /ID and version (pdfmeta.h). */
#include "pdf/pdfmeta.h"
#include "pdf/pdfdraw.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void er_pdf_digest_init(er_pdf_digest *h) {
  h->a = 1469598103934665603ull;
  h->b = 0x84222325cbf29ce4ull;
}

/* Two FNV-1a hashes with different bases, the second over each byte
 * turned: not for security, only so that different files get different
 * IDs. */
void er_pdf_digest_add(er_pdf_digest *h, const void *data, size_t len) {
  const unsigned char *p = data;
  for (size_t i = 0; i < len; i++) {
    h->a = (h->a ^ p[i]) * 1099511628211ull;
    h->b = (h->b ^ (unsigned char)(p[i] * 167u + 13u)) * 1099511628211ull;
  }
}

typedef struct xml {
  char *text;
  size_t len, cap;
} xml;

static void add(xml *x, const char *s, size_t n) {
  if (x->len + n + 1 > x->cap) {
    x->cap = 2 * (x->len + n) + 1024;
    x->text = realloc(x->text, x->cap);
    if (!x->text)
      abort();
  }
  memcpy(x->text + x->len, s, n);
  x->len += n;
  x->text[x->len] = '\0';
}

static void adds(xml *x, const char *s) { add(x, s, strlen(s)); }

/* Text as XML character data: markup characters escaped, and the
 * control characters XML 1.0 does not allow left out. */
static void add_escaped(xml *x, const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '&')
      adds(x, "&amp;");
    else if (c == '<')
      adds(x, "&lt;");
    else if (c == '>')
      adds(x, "&gt;");
    else if (c >= 0x20 || c == '\t' || c == '\n')
      add(x, s, 1);
  }
}

static void element(xml *x, const char *name, const char *value, const char *wrap) {
  if (!value || !value[0])
    return;
  char open[96], close[96];
  if (wrap) { /* an rdf:Alt (x-default) or rdf:Seq of one item */
    bool alt = strcmp(wrap, "Alt") == 0;
    snprintf(open, sizeof open, "<%s><rdf:%s><rdf:li%s>", name, wrap,
             alt ? " xml:lang=\"x-default\"" : "");
    snprintf(close, sizeof close, "</rdf:li></rdf:%s></%s>\n", wrap, name);
  } else {
    snprintf(open, sizeof open, "<%s>", name);
    snprintf(close, sizeof close, "</%s>\n", name);
  }
  adds(x, open);
  add_escaped(x, value);
  adds(x, close);
}

static void metadata(HPDF_Doc pdf, const er_pdf_info *info, const char *created, const char *uuid) {
  xml x = {0};
  adds(&x,
       "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
       "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
       "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
       "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
       " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
       " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n"
       "<dc:format>application/pdf</dc:format>\n");
  element(&x, "dc:title", info->title, "Alt");
  element(&x, "dc:creator", info->author, "Seq");
  element(&x, "dc:description", info->subject, "Alt");
  adds(&x, "<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>\n");
  element(&x, "pdf:Keywords", info->keywords, NULL);
  element(&x, "pdf:Producer", HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER), NULL);
  element(&x, "xmp:CreatorTool", info->creator ? info->creator : "evalreport", NULL);
  element(&x, "xmp:CreateDate", created, NULL);
  element(&x, "xmp:ModifyDate", created, NULL);
  element(&x, "xmp:MetadataDate", created, NULL);
  element(&x, "xmpMM:DocumentID", uuid, NULL);
  element(&x, "xmpMM:InstanceID", uuid, NULL);
  adds(&x, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
  HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (s) { /* left uncompressed, as XMP readers expect */
    s->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_Dict_AddName(s, "Type", "Metadata");
    HPDF_Dict_AddName(s, "Subtype", "XML");
    HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)x.text, (HPDF_UINT)x.len);
    HPDF_Dict_Add(pdf->catalog, "Metadata", s);
  }
  free(x.text);
}

void er_pdf_set_metadata(HPDF_Doc pdf, const er_pdf_info *info, er_pdf_digest *h) {
  const struct {
    HPDF_InfoType type;
    const char *value;
  } text[] = {
      {HPDF_INFO_TITLE, info->title},
      {HPDF_INFO_AUTHOR, info->author},
      {HPDF_INFO_SUBJECT, info->subject},
      {HPDF_INFO_KEYWORDS, info->keywords},
      {HPDF_INFO_CREATOR, info->creator ? info->creator : "evalreport"},
  };
  for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
    if (text[i].value && text[i].value[0]) {
      char *cut = er_pdf_string_cut(text[i].value); /* libharu's string limit */
      const char *value = cut ? cut : text[i].value;
      HPDF_SetInfoAttr(pdf, text[i].type, value);
      er_pdf_digest_add(h, value, strlen(value));
      free(cut);
    }
  char created[32] = "";
  if (info->created >= 0) {
    time_t t = (time_t)info->created;
    struct tm tm;
    gmtime_r(&t, &tm);
    HPDF_Date date = {.year = tm.tm_year + 1900,
                      .month = tm.tm_mon + 1,
                      .day = tm.tm_mday,
                      .hour = tm.tm_hour,
                      .minutes = tm.tm_min,
                      .seconds = tm.tm_sec,
                      .ind = 'Z'};
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
    strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", &tm);
    er_pdf_digest_add(h, created, strlen(created));
  }
  unsigned char id[16];
  for (int i = 0; i < 8; i++) {
    id[i] = (unsigned char)(h->a >> (8 * i));
    id[8 + i] = (unsigned char)(h->b >> (8 * i));
  }
  char uuid[48];
  snprintf(uuid, sizeof uuid,
           "uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", id[0],
           id[1], id[2], id[3], id[4], id[5], id[6], id[7], id[8], id[9], id[10], id[11], id[12],
           id[13], id[14], id[15]);
  metadata(pdf, info, created, uuid);
  HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, "zh-CN", NULL));
  HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
  if (ids) { /* a new document: both parts the same */
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id, sizeof id));
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id, sizeof id));
    HPDF_Dict_Add(pdf->trailer, "ID", ids);
  }
  if (pdf->pdf_version < HPDF_VER_15)
    pdf->pdf_version = HPDF_VER_15;
}
