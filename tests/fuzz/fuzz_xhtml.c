/* fuzz_xhtml DATA [--draft] > OUT.xhtml: the XHTML the built-in template of
 * a data file's kind expands to, the text er_doc_parse reads. Not a
 * fuzzer: it makes the seed corpus of fuzz_doc (docs/fuzzing.md). */
#include "model/check.h"
#include "model/load.h"
#include "view/document.h"
#include "view/tpl.h"
#include "view/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "--draft") != 0)) {
    fprintf(stderr, "usage: fuzz_xhtml DATA [--draft] > OUT.xhtml\n");
    return 2;
  }
  bool draft = argc == 3;
  er_diag d;
  er_diag_init(&d, argv[1]);
  er_eval *ev = er_evaluate(argv[1], &d);
  er_diag_print(&d, stderr);
  int status = 1;
  if (ev->indicators.count && (draft || !d.errors)) {
    er_view_kind kind = er_view_kind_of(ev);
    const char *dirs[] = {er_template_dir()};
    er_tpl_notes notes;
    er_tpl_notes_init(&notes);
    er_tpl *t = er_tpl_load(dirs, 1, "report", &notes);
    er_eval *outline = er_document_outline(dirs, 1, ev, &d);
    if (t && outline) {
      er_view_opts vo = {
          .outline = kind, .layout = outline, .draft = draft, .findings = &d, .style = "gbt9704"};
      er_dict *dict = er_view_build(ev, &vo);
      size_t len = 0;
      char *xhtml = er_tpl_expand(t, dict, &len, &notes);
      if (xhtml && fwrite(xhtml, 1, len, stdout) == len)
        status = 0;
      free(xhtml);
      er_dict_free(dict);
    }
    er_tpl_notes_print(&notes, stderr);
    er_document_outline_free(outline);
    er_tpl_free(t);
    er_tpl_notes_free(&notes);
  }
  er_eval_free(ev);
  er_diag_free(&d);
  return status;
}
