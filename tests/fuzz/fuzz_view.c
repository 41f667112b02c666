/* libFuzzer target: a data file through the shipped templates to HTML.
 *
 * Any bytes are a possible data file: load, score and check it; when
 * `render` would make a report of it (some indicators, and no errors or a
 * draft: a data file with errors is rendered as a draft, a clean one as a
 * draft when its size is odd), build the document the way render does
 * (er_document_build: the view's dictionary, the built-in template of the
 * evaluation's kind from templates/, the expanded XHTML parsed into the
 * document tree, the style profile) and write it as HTML (to nowhere);
 * free everything. A crash, a sanitizer report, a leak, a timeout or
 * running out of memory is a bug, and so is a document the shipped
 * templates cannot build: whatever the data, their expansion must parse
 * (the target aborts with the problems). See docs/fuzzing.md. */
#include "html/html.h"
#include "model/check.h"
#include "model/load.h"
#include "model/score.h"
#include "view/document.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static FILE *sink;
  if (!sink && !(sink = fopen("/dev/null", "w")))
    return 0;
  er_diag d;
  er_diag_init(&d, "fuzz.yaml");
  er_eval *ev = er_load_buffer("fuzz.yaml", (const char *)data, size, &d);
  er_score(ev, &d);
  er_check(ev, &d);
  er_diag_sort(&d);
  if (ev->indicators.count) {
    bool draft = d.errors || size % 2;
    er_document_opts opts = {NULL, draft, &d};
    er_style *style = NULL;
    er_diag problems;
    er_diag_init(&problems, "fuzz.yaml");
    er_doc *doc = er_document_build(ev, &opts, &style, &problems);
    if (!doc) {
      er_diag_print(&problems, stderr);
      fprintf(stderr, "fuzz_view: the shipped templates made no document of this data\n");
      abort();
    }
    er_html_document(doc, style, draft, sink);
    er_doc_free(doc);
    er_style_free(style);
    er_diag_free(&problems);
  }
  er_eval_free(ev);
  er_diag_free(&d);
  return 0;
}
