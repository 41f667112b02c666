/* libFuzzer target: the data loader, the scorer and the checks.
 *
 * Any bytes are a possible data file: load them, score and check the model,
 * sort and print the findings (to nowhere), and free everything. A crash, a
 * sanitizer report, a leak, a timeout or running out of memory is a bug. See
 * docs/fuzzing.md. */
#include "model/check.h"
#include "model/load.h"
#include "model/score.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
  er_diag_print(&d, sink);
  er_eval_free(ev);
  er_diag_free(&d);
  return 0;
}
