/* libFuzzer target: template loading, lint and expansion, and the parse
 * of what they expand to.
 *
 * Any bytes are a possible template directory in one file: each line
 * "%% NAME" (NAME: letters, digits, '_') starts the file NAME.tpl, at most
 * eight files; text before the first such line is report.tpl. So includes,
 * self-includes and include cycles get written. The files go to a
 * temporary directory of this process, searched before the shipped
 * templates/ (as `render --template DIR` does), so {{>head}} finds the
 * real partial unless the input has its own. The first file is the
 * template: loaded (er_tpl_load), linted and expanded with a dictionary
 * built once at start-up, of the self evaluation samples/chenggong-2023.yaml
 * when the template is selfeval, else of the full report
 * samples/nanchong-2018.yaml as a draft with its findings. The expansion
 * is parsed into the document tree (er_doc_parse), its problems located in
 * the template files (er_tpl_locate) and, when it parses, written as HTML
 * (to nowhere). Everything is freed and the files removed. A crash, a
 * sanitizer report, a leak, a timeout or running out of memory is a bug.
 * See docs/fuzzing.md. */
#include "doc/style.h"
#include "html/html.h"
#include "model/check.h"
#include "view/document.h"
#include "view/tpl.h"
#include "view/view.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef ER_SOURCE_DIR
#define ER_SOURCE_DIR "."
#endif

#define MAX_FILES 8
#define MAX_NAME 64

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[256];
static FILE *sink;
static er_style *style;

typedef struct sample {
  er_eval *ev;
  er_diag findings;
  er_dict *dict;
  bool draft;
} sample;

static sample samples[2];

static void remove_dir(void) {
  if (dir[0])
    rmdir(dir);
}

static void load_sample(sample *s, const char *file, er_view_kind kind) {
  char path[4096];
  snprintf(path, sizeof path, "%s/samples/%s", ER_SOURCE_DIR, file);
  er_diag_init(&s->findings, path);
  s->ev = er_evaluate(path, &s->findings);
  if (!s->ev->indicators.count) {
    er_diag_print(&s->findings, stderr);
    fprintf(stderr, "fuzz_tpl: cannot load %s\n", path);
    exit(1);
  }
  s->draft = kind == ER_VIEW_REPORT;
  const char *dirs[] = {er_template_dir()};
  er_eval *outline = er_document_outline(dirs, 1, s->ev, &s->findings);
  if (!outline) {
    fprintf(stderr, "fuzz_tpl: no outline for %s\n", path);
    exit(1);
  }
  er_view_opts vo = {.outline = kind,
                     .layout = outline,
                     .draft = s->draft,
                     .findings = &s->findings,
                     .style = "gbt9704"};
  s->dict = er_view_build(s->ev, &vo);
  er_document_outline_free(outline);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *tmp = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/er-fuzz-tpl-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(dir)) {
    perror(dir);
    exit(1);
  }
  atexit(remove_dir);
  sink = fopen("/dev/null", "w");
  char path[4096];
  snprintf(path, sizeof path, "%s/styles/gbt9704.yaml", er_template_dir());
  er_diag d;
  er_diag_init(&d, path);
  style = er_style_load(path, &d);
  er_diag_print(&d, stderr);
  er_diag_free(&d);
  if (!style || !sink) {
    fprintf(stderr, "fuzz_tpl: cannot load %s or open /dev/null\n", path);
    exit(1);
  }
  load_sample(&samples[0], "nanchong-2018.yaml", ER_VIEW_REPORT);
  load_sample(&samples[1], "chenggong-2023.yaml", ER_VIEW_SELFEVAL);
  return 0;
}

/* "%% NAME" at line start: the length of the line (without its '\n') and
 * the name's length in *nlen; 0 when it is not such a line. */
static size_t separator(const char *p, const char *end, size_t *nlen) {
  if (end - p < 4 || memcmp(p, "%% ", 3) != 0)
    return 0;
  const char *n = p + 3, *q = n;
  while (q < end && q - n <= MAX_NAME &&
         ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') ||
          *q == '_'))
    q++;
  if (q == n || q - n > MAX_NAME || (q < end && *q != '\n'))
    return 0;
  *nlen = (size_t)(q - n);
  return (size_t)(q - p);
}

static bool write_file(const char *name, const char *text, size_t len) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s.tpl", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f)
    return false;
  bool ok = fwrite(text, 1, len, f) == len;
  return fclose(f) == 0 && ok;
}

static void expand(const er_tpl *t, er_tpl_notes *notes, const sample *s) {
  size_t len = 0;
  char *xhtml = er_tpl_expand(t, s->dict, &len, notes);
  if (!xhtml)
    return;
  er_diag dd;
  er_diag_init(&dd, "fuzz.tpl（展开后的文档）");
  er_doc *doc = er_doc_parse(xhtml, len, &dd);
  for (size_t i = 0; i < dd.count; i++) {
    const char *file;
    unsigned line;
    if (dd.items[i].anchor && er_tpl_locate(t, dd.items[i].anchor, &file, &line))
      fprintf(sink, "%s:%u: ", file, line);
    er_diag_print_one(&dd, &dd.items[i], sink);
  }
  if (doc)
    er_html_document(doc, style, s->draft, sink);
  er_doc_free(doc);
  er_diag_free(&dd);
  free(xhtml);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *base = (const char *)data, *end = base + size, *start = base;
  char names[MAX_FILES][MAX_NAME + 1];
  size_t nfiles = 0, line, nlen;
  bool ok = true;
  /* the first file: NAME.tpl after a first line "%% NAME", else report.tpl */
  if ((line = separator(base, end, &nlen))) {
    snprintf(names[0], sizeof names[0], "%.*s", (int)nlen, base + 3);
    start = base + line + (base + line < end);
  } else
    snprintf(names[0], sizeof names[0], "report");
  for (;;) {
    /* this file runs up to the next separator line (or the end) */
    const char *sep = NULL;
    for (const char *q = start; q < end && !sep; q++)
      if ((q == base || q[-1] == '\n') && (line = separator(q, end, &nlen)))
        sep = q;
    const char *text_end = !sep ? end : sep > start ? sep - 1 : sep;
    ok &= write_file(names[nfiles], start, (size_t)(text_end - start));
    nfiles++;
    if (!sep || nfiles == MAX_FILES)
      break;
    snprintf(names[nfiles], sizeof names[nfiles], "%.*s", (int)nlen, sep + 3);
    start = sep + line + (sep + line < end); /* after the separator's '\n' */
  }

  if (ok) {
    const sample *s = &samples[strcmp(names[0], "selfeval") == 0]; /* a name picks the sample */
    const char *dirs[] = {dir, er_template_dir()};
    er_tpl_notes notes;
    er_tpl_notes_init(&notes);
    er_tpl *t = er_tpl_load(dirs, 2, names[0], &notes);
    if (t) {
      er_tpl_lint(t, s->dict, &notes);
      expand(t, &notes, s);
    }
    er_tpl_notes_print(&notes, sink);
    er_tpl_free(t);
    er_tpl_notes_free(&notes);
  }

  for (size_t i = 0; i < nfiles; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s.tpl", dir, names[i]);
    unlink(path);
  }
  return 0;
}
