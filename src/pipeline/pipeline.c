/* The rendering pipeline that `render`, `batch` and `serve` share: load,
 * check, score, then each writer through a temporary file renamed into
 * place. */
#include "pipeline/pipeline.h"
#include "model/check.h"
#include "model/load.h"
#include "model/srcdate.h"
#include "pdf/pdf.h"
#include "pipeline/output.h"

#include "model/text.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const er_format *er_format_find(const char *name) {
  for (const er_format *f = er_formats; f->name; f++)
    if (strcmp(f->name, name) == 0)
      return f;
  return NULL;
}

void er_render_base(const char *file, char *out, size_t size) {
  char copy[4096];
  snprintf(copy, sizeof copy, "%s", file);
  snprintf(out, size, "%s", basename(copy));
  char *dot = strrchr(out, '.');
  if (dot && dot != out)
    *dot = '\0';
}

/* A writer knows only the hidden temporary file it writes; the user knows
 * the output it stands for: messages name that. */
static void name_the_output(er_diag *d, size_t from, const er_output *out) {
  size_t tlen = strlen(out->temp_path), flen = strlen(out->final_path);
  for (size_t i = from; i < d->count; i++) {
    char *m = d->items[i].message, *hit;
    while ((hit = strstr(m, out->temp_path))) {
      size_t at = (size_t)(hit - m), len = strlen(m);
      char *fixed = malloc(len - tlen + flen + 1);
      if (!fixed)
        abort();
      memcpy(fixed, m, at);
      memcpy(fixed + at, out->final_path, flen);
      memcpy(fixed + at + flen, hit + tlen, len - at - tlen + 1);
      free(m);
      d->items[i].message = m = fixed;
    }
  }
}

/* The path of a file written, for the user: on a terminal with its
 * control characters made visible, as `ls` shows a name (a data file's
 * name can hold an escape sequence); to a pipe exact, for scripts. */
static void print_written(const char *path) {
  char *shown = isatty(STDOUT_FILENO) ? er_term_text(path) : NULL;
  printf("%s\n", shown ? shown : path);
  free(shown);
}

bool er_render_write(const er_format *f, const er_eval *ev, const er_render_opts *opts,
                     const char *dir, const char *base, const char *input, er_diag *d,
                     char *written, size_t written_size) {
  char name[1024];
  snprintf(name, sizeof name, "%s%s", base, f->suffix);
  er_output out;
  if (!er_output_begin(&out, dir, name)) {
    er_error(d, ((er_pos){0, 0}), "output", "无法写入 %s/%s", dir, name);
    return false;
  }
  if (input && er_same_file(out.final_path, input)) {
    er_output_abort(&out);
    er_error(d, ((er_pos){0, 0}), "output", "输出 %s 会覆盖输入文件，已停止", out.final_path);
    return false;
  }
  size_t before = d->count;
  if (!f->write(ev, opts, out.temp_path, d)) {
    name_the_output(d, before, &out);
    er_output_abort(&out);
    return false;
  }
  if (!er_output_commit(&out)) {
    er_error(d, ((er_pos){0, 0}), "output", "无法写入 %s", out.final_path);
    return false;
  }
  if (written)
    snprintf(written, written_size, "%s", out.final_path);
  return true;
}

/* Renders once the data file is read; `fonts` are loading meanwhile. */
static bool render_evaluated(const er_render_request *rq, er_render_result *res,
                             er_font_preload *fonts);

bool er_render_file(const er_render_request *rq, er_render_result *res) {
  memset(res, 0, sizeof *res);
  er_diag_init(&res->findings, rq->file);
  er_diag_init(&res->problems, rq->file);
  bool pages = false;
  for (size_t i = 0; i < rq->nformats; i++)
    pages |= rq->formats[i]->pages;
  er_font_preload fonts;
  if (pages) /* the fonts load while the data file is read */
    er_font_preload_start(&fonts);
  res->ev = er_evaluate(rq->file, &res->findings);
  bool ok = render_evaluated(rq, res, pages ? &fonts : NULL);
  if (pages)
    er_font_preload_end(&fonts);
  return ok;
}

static bool render_evaluated(const er_render_request *rq, er_render_result *res,
                             er_font_preload *fonts) {
  if (rq->verbose)
    er_diag_print(&res->findings, stderr);
  /* a draft shows the findings; a final report is only made from clean data */
  bool renderable =
      rq->opts.draft ? res->ev->indicators.count > 0 : er_renderable(res->ev, &res->findings);
  if (!renderable) {
    if (rq->verbose)
      er_diag_print_counts(&res->findings, stderr);
    res->refused = true;
    return false;
  }
  char base[1024];
  er_render_base(rq->file, base, sizeof base);
  er_render_opts opts = rq->opts;
  opts.findings = &res->findings;
  opts.fonts = fonts;
  res->ok = true;
  er_source_date(&res->problems); /* once for every writer */
  for (size_t i = 0; i < rq->nformats; i++) {
    char path[4096];
    if (er_render_write(rq->formats[i], res->ev, &opts, rq->dir, base, rq->file, &res->problems,
                        path, sizeof path)) {
      if (rq->verbose)
        print_written(path);
    } else
      res->ok = false;
  }
  if (rq->verbose)
    er_diag_print(&res->problems, stderr);
  return res->ok;
}

void er_render_result_free(er_render_result *res) {
  er_eval_free(res->ev);
  er_diag_free(&res->findings);
  er_diag_free(&res->problems);
  memset(res, 0, sizeof *res);
}

static char *first_error_of(const er_diag *d) {
  for (size_t i = 0; i < d->count; i++)
    if (d->items[i].severity == ER_ERROR) {
      char *text = NULL;
      size_t len = 0;
      FILE *m = open_memstream(&text, &len);
      if (!m)
        return NULL;
      er_diag_print_one(d, &d->items[i], m);
      fclose(m);
      if (len && text[len - 1] == '\n')
        text[len - 1] = '\0';
      return text;
    }
  return NULL;
}

char *er_render_first_error(const er_render_result *res) {
  char *e = first_error_of(&res->findings);
  return e ? e : first_error_of(&res->problems);
}
