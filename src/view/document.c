/* evaluation → view → template → document: finding the template, expanding
 * it, parsing the result, and pointing every problem at a template line. */
#include "view/document.h"

#include "model/check.h"
#include "model/load.h"
#include "model/outline_check.h"
#include "view/tpl.h"
#include "view/view.h"

#include <dirent.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ER_TEMPLATE_DIR
#define ER_TEMPLATE_DIR "templates"
#endif

static bool is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *er_template_dir(void) {
  static char found[4096];
  if (found[0])
    return found;
  const char *env = getenv("EVALREPORT_TEMPLATES");
  if (env && *env && is_dir(env)) {
    snprintf(found, sizeof found, "%s", env);
    return found;
  }
  /* an installed binary uses the templates installed with it, even where
   * the source tree it was built from is still there */
  char exe[4096], dir[4096] = "";
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    snprintf(dir, sizeof dir, "%s", dirname(exe));
    int len = snprintf(found, sizeof found, "%s/../share/evalreport/templates", dir);
    if (len > 0 && (size_t)len < sizeof found && is_dir(found))
      return found;
  }
  if (is_dir(ER_TEMPLATE_DIR)) {
    snprintf(found, sizeof found, "%s", ER_TEMPLATE_DIR);
    return found;
  }
  if (dir[0]) {
    static const char *const tries[] = {"%s/../templates", "%s/templates"};
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
      snprintf(found, sizeof found, tries[i], dir);
      if (is_dir(found))
        return found;
    }
  }
  snprintf(found, sizeof found, "%s", ER_TEMPLATE_DIR);
  return found;
}

/* Prints the document's problems, each at the template line behind it
 * when the offending markup can be found in the template's files. */
static void print_doc_problems(const er_diag *dd, const er_tpl *t) {
  for (size_t i = 0; i < dd->count; i++) {
    const er_finding *f = &dd->items[i];
    const char *file;
    unsigned line;
    if (f->anchor && er_tpl_locate(t, f->anchor, &file, &line)) {
      /* "message [key]" → "message（展开后第 N 行） [key]" */
      const char *key = strrchr(f->message, '[');
      int len = key && key > f->message ? (int)(key - f->message - 1) : (int)strlen(f->message);
      fprintf(stderr, "%s:%u: error: %.*s（展开后第 %u 行）%s%s\n", file, line, len, f->message,
              f->pos.line, key ? " " : "", key ? key : "");
    } else
      er_diag_print_one(dd, f, stderr);
  }
}

static er_style *load_style(const char *const *dirs, size_t ndirs, const char *name, er_diag *d) {
  for (size_t i = 0; i < ndirs; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/styles/%s.yaml", dirs[i], name);
    if (access(path, R_OK) != 0)
      continue;
    er_diag sd;
    er_diag_init(&sd, path);
    er_style *s = er_style_load(path, &sd);
    er_diag_print(&sd, stderr);
    er_diag_free(&sd);
    if (!s)
      er_error(d, ((er_pos){0, 0}), "style", "样式“%s”有错误", name);
    return s;
  }
  er_error(d, ((er_pos){0, 0}), "style", "找不到样式“%s”（styles/%s.yaml）", name, name);
  return NULL;
}

er_eval *er_document_outline(const char *const *dirs, size_t ndirs, const er_eval *ev, er_diag *d) {
  er_view_kind kind = er_view_kind_of(ev);
  char path[4096] = "";
  for (size_t i = 0; i < ndirs && !path[0]; i++) {
    snprintf(path, sizeof path, "%s/outline.yaml", dirs[i]);
    if (access(path, R_OK) != 0) {
      snprintf(path, sizeof path, "%s/%s", dirs[i], er_view_outline_file(kind));
      if (access(path, R_OK) != 0)
        path[0] = '\0';
    }
  }
  if (!path[0]) {
    er_error(d, ((er_pos){0, 0}), "outline", "找不到报告结构文件 %s", er_view_outline_file(kind));
    return NULL;
  }
  char *file = strdup(path);
  er_diag od;
  er_diag_init(&od, file);
  er_eval *outline = er_load_outline(file, &od);
  outline->file = file;
  er_outline_check(outline, ev, &od);
  er_diag_sort(&od);
  er_diag_print(&od, stderr);
  bool bad = od.errors > 0;
  er_diag_free(&od);
  if (bad) {
    er_error(d, ((er_pos){0, 0}), "outline", "报告结构文件 %s 有错误", file);
    free(file);
    er_eval_free(outline);
    return NULL;
  }
  return outline;
}

void er_document_outline_free(er_eval *outline) {
  if (!outline)
    return;
  free((char *)outline->file);
  er_eval_free(outline);
}

/* True when `dir` holds a template, a partial, an outline or styles. */
static bool holds_templates(const char *dir) {
  static const char *const own[] = {"outline.yaml", "outlines", "styles"};
  for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, own[i]);
    if (access(path, F_OK) == 0)
      return true;
  }
  DIR *d = opendir(dir);
  bool found = false;
  for (struct dirent *e; d && !found && (e = readdir(d));) {
    size_t len = strlen(e->d_name);
    found = len > 4 && strcmp(e->d_name + len - 4, ".tpl") == 0;
  }
  if (d)
    closedir(d);
  return found;
}

er_doc *er_document_build(const er_eval *ev, const er_document_opts *opts, er_style **style,
                          er_diag *d) {
  *style = NULL;
  er_view_kind kind = er_view_kind_of(ev);
  const char *name = "report";
  const char *dirs[2];
  size_t ndirs = 0;
  const char *chosen = opts->template_name;
  if (chosen && (strchr(chosen, '/') || is_dir(chosen))) {
    /* a directory of the user's templates, which must hold something of
     * ours: the built-in ones would otherwise stand in without a word */
    if (!is_dir(chosen) || !holds_templates(chosen)) {
      er_error(d, ((er_pos){0, 0}), "template",
               is_dir(chosen)
                   ? "模板目录“%s”中没有模板（%s.tpl、分部模板、outline.yaml 或 styles/）："
                     "请从 templates/ 复制要修改的文件"
                   : "模板目录“%s”不存在：--template 应为含有 %s.tpl 等模板的目录或内置模板名",
               chosen, name);
      return NULL;
    }
    dirs[ndirs++] = chosen;
  } else if (chosen)
    name = chosen; /* … or the name of a built-in one */
  dirs[ndirs++] = er_template_dir();

  er_eval *outline = er_document_outline(dirs, ndirs, ev, d);
  if (!outline)
    return NULL;
  er_tpl_notes notes;
  er_tpl_notes_init(&notes);
  er_tpl *t = er_tpl_load(dirs, ndirs, name, &notes);
  er_doc *doc = NULL;
  char *xhtml = NULL;
  size_t len = 0;
  char label[512] = "";
  if (t) {
    er_view_opts vo = {kind, outline, opts->draft, opts->findings, "gbt9704"};
    er_dict *dict = er_view_build(ev, &vo);
    er_tpl_lint(t, dict, &notes);
    snprintf(label, sizeof label, "%s（展开后的文档）", t->path);
    /* expanded on a second thread (which frees dict early: peak memory)
     * while the text is parsed as it comes; should anything be wrong, the
     * text is parsed again whole below, as its problems are reported */
    er_tpl_stream *stream = er_tpl_expand_start(t, dict, &notes);
    er_diag dd;
    er_diag_init(&dd, label);
    doc = er_doc_parse_io(er_tpl_stream_read, stream, &dd);
    xhtml = er_tpl_stream_finish(stream, &len);
    if (!xhtml || dd.count || dd.errors || dd.dropped) {
      er_doc_free(doc);
      doc = NULL;
    }
    er_diag_free(&dd);
  }
  er_tpl_notes_print(&notes, stderr);
  if (xhtml && !doc) {
    er_diag dd;
    er_diag_init(&dd, label);
    doc = er_doc_parse(xhtml, len, &dd);
    print_doc_problems(&dd, t);
    if (!doc)
      er_error(d, ((er_pos){0, 0}), "template", "模板“%s”展开后的文档有 %zu 个错误", name,
               dd.errors);
    er_diag_free(&dd);
  } else if (!xhtml)
    er_error(d, ((er_pos){0, 0}), "template", "模板“%s”有错误，未生成报告", name);
  if (doc) {
    *style = load_style(dirs, ndirs, doc->style ? doc->style : "gbt9704", d);
    if (!*style) {
      er_doc_free(doc);
      doc = NULL;
    }
  }
  free(xhtml);
  er_document_outline_free(outline);
  er_tpl_free(t);
  er_tpl_notes_free(&notes);
  return doc;
}
