/* A chart's data as the workbook Word's "Edit Data" opens (embedded in the
 * package beside the chart part): Sheet1 with the labels in column A and
 * the values in column B from row 2 — the cells the chart's references
 * name. Written with libxlsxwriter, which writes to a file only: a private
 * temporary file, read back and removed. Its creation time is fixed
 * (the document's date, else 1980-01-01), so the bytes are the same for
 * the same data. */
#include "docx/docxw.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define FIXED_TIME 315532800 /* 1980-01-01, the zip format's first day */

static unsigned char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  unsigned char *data = NULL;
  if (fseek(f, 0, SEEK_END) == 0) {
    long n = ftell(f);
    if (n > 0 && fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n)) &&
        fread(data, 1, (size_t)n, f) != (size_t)n) {
      free(data);
      data = NULL;
    }
    *len = n > 0 ? (size_t)n : 0;
  }
  fclose(f);
  return data;
}

unsigned char *er_docx_chart_book(er_docxw *w, const er_node *chart, size_t *len) {
  const char *dir = getenv("TMPDIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/evalreport-chart.XXXXXX", dir && *dir ? dir : "/tmp");
  int fd = mkstemp(path);
  if (fd < 0)
    return NULL;
  close(fd);
  unsigned char *data = NULL;
  lxw_workbook *wb = workbook_new(path);
  lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, "Sheet1") : NULL;
  if (ws) {
    lxw_doc_properties props = {.created = w->created >= 0 ? (time_t)w->created : FIXED_TIME};
    workbook_set_properties(wb, &props);
    worksheet_write_string(ws, 0, 1, chart->unit ? chart->unit : "", NULL);
    int row = 1;
    for (const er_node *c = chart->first; c; c = c->next) {
      if (c->type != ER_DOC_DATUM)
        continue;
      worksheet_write_string(ws, (lxw_row_t)row, 0, er_node_text(w->doc, c), NULL);
      worksheet_write_number(ws, (lxw_row_t)row++, 1, strtod(c->value, NULL), NULL);
    }
  }
  if (wb && workbook_close(wb) == LXW_NO_ERROR && ws)
    data = slurp(path, len);
  unlink(path);
  return data;
}
