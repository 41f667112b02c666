/* libFuzzer targets: text from every Unicode plane through the packages —
 * fuzz_text the XLSX annex, fuzz_text_docs (built with ER_FUZZ_DOCS) the
 * DOCX and OFD reports, which also typeset it.
 *
 * The input's bytes, three at a time, are code points (modulo 0x110000,
 * so every plane, the C0 and C1 controls, U+FFFE, U+FFFF and the
 * surrogates come up), written with \U escapes into the project's name and
 * an indicator's name of a small data file, which is loaded, scored,
 * checked and written as the annex (or the DOCX and OFD), as `render`
 * would (a draft when check finds errors). Then every XML part of each
 * package is inflated (zlib)
 * and parsed (libxml2): one that is not well-formed is a bug, as are a
 * crash, a sanitizer report and a leak. The same text also goes through
 * er_xml_text, whose output must hold only characters XML can carry and no
 * "_xHHHH_" that Excel would read as an escape, and er_term_text, whose
 * output must hold no control character. See docs/fuzzing.md. */
#include "model/check.h"
#include "model/load.h"
#include "model/score.h"
#include "model/text.h"
#include "model/writer.h"
#ifdef ER_FUZZ_DOCS
#include "docx/docx.h"
#include "ofd/ofd.h"
#else
#include "xlsx/annex.h"
#endif

#include <libxml/parser.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_CHARS 512

static size_t utf8(unsigned cp, char *out) {
  if (cp < 0x80)
    return out[0] = (char)cp, 1;
  if (cp < 0x800)
    return out[0] = (char)(0xC0 | cp >> 6), out[1] = (char)(0x80 | (cp & 0x3F)), 2;
  if (cp < 0x10000)
    return out[0] = (char)(0xE0 | cp >> 12), out[1] = (char)(0x80 | (cp >> 6 & 0x3F)),
           out[2] = (char)(0x80 | (cp & 0x3F)), 3;
  return out[0] = (char)(0xF0 | cp >> 18), out[1] = (char)(0x80 | (cp >> 12 & 0x3F)),
         out[2] = (char)(0x80 | (cp >> 6 & 0x3F)), out[3] = (char)(0x80 | (cp & 0x3F)), 4;
}

static unsigned le(const unsigned char *p, int n) {
  unsigned v = 0;
  for (int i = n - 1; i >= 0; i--)
    v = v << 8 | p[i];
  return v;
}

/* Inflates every *.xml and *.rels member of the zip and parses it. */
static void check_package(const unsigned char *zip, size_t len) {
  size_t eocd = len >= 22 ? len - 22 : 0;
  while (eocd > 0 && le(zip + eocd, 4) != 0x06054b50)
    eocd--;
  if (len < 22 || le(zip + eocd, 4) != 0x06054b50)
    abort(); /* not a zip at all */
  size_t entries = le(zip + eocd + 10, 2), at = le(zip + eocd + 16, 4);
  for (size_t e = 0; e < entries; e++) {
    const unsigned char *cd = zip + at;
    if (at + 46 > len || le(cd, 4) != 0x02014b50)
      abort();
    unsigned method = le(cd + 10, 2), csize = le(cd + 20, 4), usize = le(cd + 24, 4);
    unsigned nlen = le(cd + 28, 2), xlen = le(cd + 30, 2), clen = le(cd + 32, 2);
    size_t local = le(cd + 42, 4);
    char name[256];
    snprintf(name, sizeof name, "%.*s", (int)nlen, (const char *)cd + 46);
    at += 46 + nlen + xlen + clen;
    size_t nl = strlen(name);
    bool xml =
        (nl > 4 && !strcmp(name + nl - 4, ".xml")) || (nl > 5 && !strcmp(name + nl - 5, ".rels"));
    if (!xml)
      continue;
    const unsigned char *body =
        zip + local + 30 + le(zip + local + 26, 2) + le(zip + local + 28, 2);
    unsigned char *out = malloc(usize + 1);
    if (!out)
      abort();
    if (method == 8) {
      z_stream z = {0};
      if (inflateInit2(&z, -15) != Z_OK)
        abort();
      z.next_in = (unsigned char *)body;
      z.avail_in = csize;
      z.next_out = out;
      z.avail_out = usize;
      if (inflate(&z, Z_FINISH) != Z_STREAM_END)
        abort();
      inflateEnd(&z);
    } else
      memcpy(out, body, usize);
    xmlDocPtr doc = xmlReadMemory((const char *)out, (int)usize, name, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
      fprintf(stderr, "fuzz_text: %s is not well-formed XML\n", name);
      abort();
    }
    xmlFreeDoc(doc);
    free(out);
  }
}

static bool excel_escape(const unsigned char *p) {
  if (p[0] != '_' || p[1] != 'x')
    return false;
  for (int i = 2; i < 6; i++)
    if (!p[i] || !strchr("0123456789abcdefABCDEF", p[i]))
      return false;
  return p[6] == '_';
}

static void check_text_functions(const char *s) {
  char *x = er_xml_text(s, true);
  const unsigned char *p = (const unsigned char *)(x ? x : s);
  while (*p) {
    /* read as Excel does, left to right: the only escapes are our "_x005F_" */
    if (excel_escape(p)) {
      if (strncmp((const char *)p, "_x005F_", 7) != 0)
        abort();
      p += 7;
      continue;
    }
    size_t n = er_utf8_valid_prefix(p, 4);
    if (!n || (n == 1 && !er_xml_char(p[0])) ||
        (n == 3 && p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
      abort();
    p += n;
  }
  free(x);
  char *t = er_term_text(s);
  for (const unsigned char *q = (const unsigned char *)(t ? t : s); *q; q++)
    if (*q < 0x20 || *q == 0x7F || (q[0] == 0xC2 && q[1] >= 0x80 && q[1] <= 0x9F))
      abort();
  free(t);
}

typedef struct package_writer {
  const char *suffix;
  bool (*write)(const er_eval *ev, const er_render_opts *opts, const char *path, er_diag *d);
} package_writer;

static const package_writer writers[] = {
#ifdef ER_FUZZ_DOCS
    {"docx", er_docx_write},
    {"ofd", er_ofd_write},
#else
    {"xlsx", er_xlsx_write_annex},
#endif
};

/* Writes the package to a temporary file of this process, checks every
 * XML part in it and deletes it. */
static void write_and_check(const package_writer *w, const er_eval *ev, const er_render_opts *opts,
                            er_diag *problems) {
  char path[96];
  const char *tmp = getenv("TMPDIR");
  snprintf(path, sizeof path, "%.30s/fuzz_text.%ld.%s", tmp && *tmp ? tmp : "/tmp", (long)getpid(),
           w->suffix);
  if (w->write(ev, opts, path, problems)) {
    FILE *z = fopen(path, "rb");
    if (z) {
      fseek(z, 0, SEEK_END);
      size_t n = (size_t)ftell(z);
      fseek(z, 0, SEEK_SET);
      unsigned char *bytes = malloc(n ? n : 1);
      if (!bytes || fread(bytes, 1, n, z) != n)
        abort();
      fclose(z);
      check_package(bytes, n);
      free(bytes);
    }
  }
  unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* the text itself (surrogates as the invalid bytes they would be) */
  char text[MAX_CHARS * 4 + 1], escaped[MAX_CHARS * 10 + 1];
  size_t tl = 0, el = 0;
  for (size_t i = 0; i + 3 <= size && i / 3 < MAX_CHARS; i += 3) {
    unsigned cp = ((unsigned)data[i] << 16 | (unsigned)data[i + 1] << 8 | data[i + 2]) % 0x110000;
    if (cp == 0)
      cp = 0x1; /* NUL would end the text */
    tl += utf8(cp, text + tl);
    el += (size_t)snprintf(escaped + el, sizeof escaped - el, "\\U%08X", cp);
  }
  text[tl] = '\0';
  escaped[el] = '\0';
  check_text_functions(text);

  char *yaml = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&yaml, &len);
  if (!f)
    abort();
  fprintf(f,
          "evalreport: 1\nproject:\n  name: \"%s\"\n  year: 2024\nindicators:\n"
          "  - {code: A, name: \"%s\", weight: 100, rule: score, score: 90}\n",
          escaped, escaped);
  fclose(f);
  er_diag d;
  er_diag_init(&d, "fuzz.yaml");
  er_eval *ev = er_load_buffer("fuzz.yaml", yaml, len, &d);
  er_score(ev, &d);
  er_check(ev, &d);
  if (ev->indicators.count > 0) {
    er_render_opts opts = {.draft = d.errors > 0, .findings = &d};
    er_diag problems;
    er_diag_init(&problems, "fuzz.yaml");
    for (size_t w = 0; w < sizeof writers / sizeof *writers; w++)
      write_and_check(&writers[w], ev, &opts, &problems);
    er_diag_free(&problems);
  }
  er_eval_free(ev);
  er_diag_free(&d);
  free(yaml);
  return 0;
}
