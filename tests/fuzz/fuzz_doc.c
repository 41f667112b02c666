/* libFuzzer target: the XHTML document parser and the HTML writer.
 *
 * Any bytes are a possible expanded template: parse them into the document
 * tree (er_doc_parse, strict about the document language of doc.h); when
 * they parse, write the tree as HTML (to nowhere) with the house style,
 * loaded once at start-up, as a draft when it holds a diagnostics block;
 * free everything. A crash, a sanitizer report, a leak, a timeout or
 * running out of memory is a bug. See docs/fuzzing.md. */
#include "doc/doc.h"
#include "doc/style.h"
#include "html/html.h"
#include "view/document.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;
static er_style *style;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  char path[4096];
  snprintf(path, sizeof path, "%s/styles/gbt9704.yaml", er_template_dir());
  er_diag d;
  er_diag_init(&d, path);
  style = er_style_load(path, &d);
  er_diag_print(&d, stderr);
  er_diag_free(&d);
  sink = fopen("/dev/null", "w");
  if (!style || !sink) {
    fprintf(stderr, "fuzz_doc: cannot load %s or open /dev/null\n", path);
    exit(1);
  }
  return 0;
}

static bool has_diagnostics(const er_node *root) {
  for (const er_node *n = root->first; n; n = n->next)
    if (n->type == ER_DOC_DIAGNOSTICS)
      return true;
  return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  er_diag d;
  er_diag_init(&d, "fuzz.xhtml");
  er_doc *doc = er_doc_parse((const char *)data, size, &d);
  er_diag_print(&d, sink);
  if (doc) {
    er_html_document(doc, style, has_diagnostics(doc->root), sink);
    er_doc_free(doc);
  }
  er_diag_free(&d);
  return 0;
}
