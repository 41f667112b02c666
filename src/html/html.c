/* `render --format html`: build the document, write it as one file. */
#include "html/html.h"

#include "view/document.h"

#include <errno.h>
#include <string.h>

bool er_html_write(const er_eval *ev, const er_render_opts *opts, const char *path, er_diag *d) {
  er_document_opts o = {opts->template_name, opts->draft, opts->findings};
  er_style *style = NULL;
  er_doc *doc = er_document_build(ev, &o, &style, d);
  if (!doc)
    return false;
  FILE *out = fopen(path, "w");
  bool ok = out != NULL;
  if (out) {
    er_html_document(doc, style, opts->draft, out);
    ok = !ferror(out);
    ok &= fclose(out) == 0;
  }
  if (!ok)
    er_error(d, ((er_pos){0, 0}), "output", "无法写入 %s：%s", path, strerror(errno));
  er_doc_free(doc);
  er_style_free(style);
  return ok;
}
