/* evalreport batch INPUT… -o OUTDIR [-j N] [--format F[,F…]]… [--template NAME|DIR]
 *
 * Renders many data files, each as `render` would, on worker processes,
 * and writes OUTDIR/summary.csv and OUTDIR/summary.xlsx ranking the units
 * by total. A bad file does not stop the others: it is listed at the end
 * with its first error, and the exit status is 1. */
#include "batch/inputs.h"
#include "batch/pool.h"
#include "batch/progress.h"
#include "batch/summary.h"
#include "batch/unit.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "model/srcdate.h"
#include "pipeline/output.h"
#include "pipeline/pipeline.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FORMATS 8
#define MAX_JOBS 1024

typedef struct batch {
  er_inputs in;
  const char *dir;
  const er_format *formats[MAX_FORMATS];
  size_t nformats;
  er_render_opts opts;
  er_unit *units; /* one per input, in input order */
  bool *have;     /* a result came back */
  size_t done;
  er_progress progress;
} batch;

static char *text_printf(const char *fmt, const char *a, const char *b) {
  size_t size = strlen(fmt) + strlen(a) + strlen(b) + 1;
  char *s = malloc(size);
  if (!s) {
    perror("evalreport batch");
    exit(1);
  }
  snprintf(s, size, fmt, a, b);
  return s;
}

/* In a worker: render one file, and return its summary row. */
static size_t run_job(size_t index, unsigned char **out, void *ctx) {
  batch *b = ctx;
  const char *file = b->in.paths[index];
  er_render_request rq = {
      .file = file, .dir = b->dir, .formats = b->formats, .nformats = b->nformats, .opts = b->opts};
  er_render_result res;
  er_unit u = {.index = index};
  if (er_render_file(&rq, &res)) {
    u.ok = true;
    er_unit_from_eval(&u, res.ev);
  } else {
    u.error = er_render_first_error(&res);
    if (!u.error)
      u.error = text_printf("%s: error: %s", file, "未能生成输出 (not rendered)");
  }
  size_t len = er_unit_encode(&u, out);
  er_unit_free(&u);
  er_render_result_free(&res);
  return len;
}

/* In the parent: keep a worker's result. */
static void job_done(size_t index, const unsigned char *data, size_t len, const char *crash,
                     void *ctx) {
  batch *b = ctx;
  if (index >= b->in.count || b->have[index])
    return;
  er_unit *u = &b->units[index];
  if (crash) /* a worker that died leaves its temporary files: removed now */
    for (size_t f = 0; f < b->nformats; f++) {
      char base[1024], name[1100];
      er_render_base(b->in.paths[index], base, sizeof base);
      snprintf(name, sizeof name, "%s%s", base, b->formats[f]->suffix);
      er_output_clean(b->dir, name);
    }
  if (!data || !er_unit_decode(u, data, len) || u->index != index) {
    if (data)
      er_unit_free(u);
    *u = (er_unit){.index = index};
    u->error = text_printf("%s: error: %s", b->in.paths[index],
                           crash ? crash : "结果无法读取 (bad result)");
  }
  b->have[index] = true;
  b->done++;
  er_progress_update(&b->progress, b->done);
}

static void tick(void *ctx) {
  batch *b = ctx;
  er_progress_update(&b->progress, b->done);
}

static bool add_formats(batch *b, const char *list) {
  char copy[256];
  snprintf(copy, sizeof copy, "%s", list);
  for (char *save = NULL, *name = strtok_r(copy, ",", &save); name;
       name = strtok_r(NULL, ",", &save)) {
    const er_format *f = er_format_find(name);
    if (!f) {
      er_usage_error("batch", "未知格式“%s” (unknown format)", name);
      return false;
    }
    bool dup = false;
    for (size_t i = 0; i < b->nformats; i++)
      dup = dup || b->formats[i] == f;
    if (!dup && b->nformats < MAX_FORMATS)
      b->formats[b->nformats++] = f;
  }
  return true;
}

static bool parse_jobs(const char *s, size_t *out) {
  char *end;
  long n = strtol(s, &end, 10);
  if (*s == '\0' || *end || n < 1 || n > MAX_JOBS)
    return false;
  *out = (size_t)n;
  return true;
}

/* The workbook's creation time: SOURCE_DATE_EPOCH, else the newest of the
 * data files that rendered, so the same files give the same bytes. */
static time_t created_time(const batch *b) {
  time_t newest = 0;
  for (size_t i = 0; i < b->in.count; i++) {
    struct stat st;
    if (b->units[i].ok && stat(b->in.paths[i], &st) == 0 && st.st_mtime > newest)
      newest = st.st_mtime;
  }
  return (time_t)er_source_date_xlsx(NULL, newest > 0 ? newest : 946684800 /* 2000-01-01 */);
}

/* No output of a data file may be named like a summary file. */
static bool outputs_clear_of_summary(const batch *b) {
  for (size_t i = 0; i < b->in.count; i++) {
    char base[1024], name[1100];
    er_render_base(b->in.paths[i], base, sizeof base);
    for (size_t f = 0; f < b->nformats; f++) {
      snprintf(name, sizeof name, "%s%s", base, b->formats[f]->suffix);
      if (strcmp(name, ER_SUMMARY_CSV) == 0 || strcmp(name, ER_SUMMARY_XLSX) == 0) {
        er_say("evalreport batch: %s 的输出 %s 与汇总表同名，请改名 (clashes with the summary)",
               b->in.paths[i], name);
        return false;
      }
    }
  }
  return true;
}

static int run(batch *b, size_t jobs) {
  b->units = calloc(b->in.count, sizeof *b->units);
  b->have = calloc(b->in.count, sizeof *b->have);
  if (!b->units || !b->have) {
    perror("evalreport batch");
    return ER_EXIT_INPUT;
  }
  if (jobs > b->in.count)
    jobs = b->in.count;
  er_progress_start(&b->progress, b->in.count, isatty(STDERR_FILENO));
  er_pool_stats stats;
  er_pool_run(b->in.count, jobs, run_job, job_done, tick, b, &stats);
  er_progress_update(&b->progress, b->done);
  er_progress_finish(&b->progress);
  double seconds = er_progress_elapsed(&b->progress);

  size_t ok = 0, bad = 0, skipped = 0;
  for (size_t i = 0; i < b->in.count; i++) {
    if (!b->have[i])
      skipped++;
    else if (b->units[i].ok)
      ok++;
    else
      bad++;
  }
  if (bad) {
    fprintf(stderr, "有错误、未生成的文件 (files not rendered, with their first error):\n");
    for (size_t i = 0; i < b->in.count; i++)
      if (b->have[i] && !b->units[i].ok)
        er_say("  %s", b->units[i].error ? b->units[i].error : b->in.paths[i]);
  }
  int status = bad || stats.worker_failed ? ER_EXIT_INPUT : ER_EXIT_OK;
  if (stats.interrupted) {
    fprintf(stderr, "evalreport batch: 已中断，%zu 个文件未处理，未写汇总表 (interrupted)\n",
            skipped);
    status = 130;
  } else {
    if (!er_summary_write(b->dir, b->units, (const char *const *)b->in.paths, b->in.count,
                          created_time(b), stdout))
      status = ER_EXIT_INPUT;
  }
  fprintf(stderr,
          "evalreport batch: %zu 个文件，%zu 个已生成，%zu 个有错误；%zu 个进程，用时 %.1f 秒 "
          "(%zu files, %zu rendered, %zu failed, %.1f files/s)\n",
          b->in.count, ok, bad, jobs, seconds, b->in.count, ok, bad,
          seconds > 0 ? (double)(ok + bad) / seconds : 0.0);
  return status;
}

int er_cmd_batch(int argc, char **argv) {
  batch b = {0};
  size_t jobs = er_pool_cpus();
  const char **inputs = calloc((size_t)argc, sizeof *inputs);
  size_t ninputs = 0;
  if (!inputs)
    return ER_EXIT_INPUT;
  int status = ER_EXIT_USAGE;
  static const er_opt opts[] = {{"--output", 'o', true},
                                {"--jobs", 'j', true},
                                {"--format", 0, true},
                                {"--template", 0, true},
                                {0}};
  enum { OUTPUT, JOBS, FORMAT, TEMPLATE };
  er_args a;
  er_args_init(&a, "batch", opts, argc, argv);
  for (int k; (k = er_args_next(&a)) != ER_ARG_END;) {
    if (k == ER_ARG_HELP) {
      er_help_command("batch");
      status = ER_EXIT_OK;
      goto done;
    }
    if (k == ER_ARG_BAD)
      goto done;
    if (k == OUTPUT)
      b.dir = a.value;
    else if (k == JOBS) {
      if (!parse_jobs(a.value, &jobs)) {
        er_usage_error("batch", "-j 应为 1 到 %d 之间的整数", MAX_JOBS);
        goto done;
      }
    } else if (k == FORMAT) {
      if (!add_formats(&b, a.value))
        goto done;
    } else if (k == TEMPLATE)
      b.opts.template_name = a.value;
    else
      inputs[ninputs++] = a.value;
  }
  if (ninputs == 0 || !b.dir) {
    er_usage_error("batch", "用法: evalreport batch 文件或目录… -o 输出目录 [-j N] [--format F]");
    goto done;
  }
  if (b.nformats == 0)
    for (const er_format *f = er_formats; f->name && b.nformats < MAX_FORMATS; f++)
      if (!f->on_request)
        b.formats[b.nformats++] = f;
  status = ER_EXIT_INPUT;
  er_diag env;
  er_diag_init(&env, "evalreport batch");
  er_source_date(&env); /* a bad SOURCE_DATE_EPOCH is warned about once, not once per file */
  er_diag_print(&env, stderr);
  er_diag_free(&env);
  for (size_t i = 0; i < ninputs; i++)
    if (!er_inputs_add(&b.in, inputs[i]))
      goto done;
  if (b.in.count == 0) {
    fputs("evalreport batch: 没有找到数据文件（*.yaml、*.yml、*.json） (no data files)\n", stderr);
    goto done;
  }
  if (!er_inputs_unique_bases(&b.in) || !outputs_clear_of_summary(&b)) {
    status = ER_EXIT_USAGE;
    goto done;
  }
  /* create OUTDIR now, and fail once rather than once per file */
  er_output probe;
  if (!er_output_begin(&probe, b.dir, ".evalreport-batch"))
    goto done;
  er_output_abort(&probe);
  status = run(&b, jobs);
done:
  if (b.units)
    for (size_t i = 0; i < b.in.count; i++)
      er_unit_free(&b.units[i]);
  free(b.units);
  free(b.have);
  er_inputs_free(&b.in);
  free(inputs);
  return status;
}
