/* libFuzzer target: the XLSX scoring annex.
 *
 * Any bytes are a possible data file: load them, score and check the model
 * and, when `render` would write it (an evaluation with indicators; with
 * errors in the data only as a draft, so such a model is written as one),
 * write the annex (src/xlsx) to a temporary file of this process, delete
 * it and free everything. A crash, a sanitizer report, a leak, a timeout or
 * running out of memory is a bug. See docs/fuzzing.md.
 *
 * libxlsxwriter is not instrumented: what it does wrong on its own is not
 * seen, only what our code hands it. */
#include "model/writer.h"
#include "model/check.h"
#include "model/load.h"
#include "model/score.h"
#include "xlsx/annex.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char path[64];
  if (!path[0]) {
    const char *tmp = getenv("TMPDIR");
    snprintf(path, sizeof path, "%.30s/fuzz_xlsx.%ld.xlsx", tmp && *tmp ? tmp : "/tmp",
             (long)getpid());
  }
  er_diag d;
  er_diag_init(&d, "fuzz.yaml");
  er_eval *ev = er_load_buffer("fuzz.yaml", (const char *)data, size, &d);
  er_score(ev, &d);
  er_check(ev, &d);
  er_diag_sort(&d);
  if (ev->indicators.count > 0) { /* as er_render_file: with errors, as a draft */
    er_render_opts opts = {.draft = d.errors > 0, .findings = &d};
    er_diag problems;
    er_diag_init(&problems, "fuzz.yaml");
    er_xlsx_write_annex(ev, &opts, path, &problems);
    unlink(path);
    er_diag_free(&problems);
  }
  er_eval_free(ev);
  er_diag_free(&d);
  return 0;
}
