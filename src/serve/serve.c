/* The preview server's main thread: renders the draft into a private
 * temporary directory, publishes it to the HTTP threads, watches the data
 * file and templates, renders PDF and XLSX when asked, and stops cleanly on
 * SIGINT or SIGTERM. All engine and writer calls happen on this thread. */
#include "serve/serve.h"

#include "model/check.h"
#include "model/load.h"
#include "model/text.h"
#include "pipeline/pipeline.h"
#include "serve/http.h"
#include "serve/page.h"
#include "serve/watch.h"
#include "view/document.h" /* er_template_dir(): the templates to watch */

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_PORT 8000
#define PORT_TRIES 20
/* A complete save (the file closed after writing, or renamed into place)
 * is rendered at once, unless it comes less than QUIET_SECONDS after the
 * save or render before: then it is part of a burst, and the burst is
 * rendered once no save has come for this long, or at the latest
 * LATEST_SECONDS after its first change. A change that is not yet a
 * complete save (a file truncated, to be written next) waits for the save
 * that completes it, or LATEST_SECONDS for a writer that never closes the
 * file. So a single save shows at once, ten quick saves make two renders,
 * the first and the last, and a half-written file is not rendered. */
#define QUIET_SECONDS 0.1
#define LATEST_SECONDS 1.5

typedef struct server {
  const er_serve_config *cfg;
  er_serve_state st;
  char tmpdir[PATH_MAX];
  const er_format *html;
  er_eval *ev; /* the current data, for PDF and XLSX on demand */
  er_diag findings;
} server;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *data = NULL;
  size_t size = 0;
  FILE *out = open_memstream(&data, &size);
  char buf[65536];
  size_t n;
  bool ok = out != NULL;
  while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0)
    ok = fwrite(buf, 1, n, out) == n;
  ok = ok && !ferror(f);
  fclose(f);
  if (out && fclose(out) != 0)
    ok = false;
  if (!ok) {
    free(data);
    return NULL;
  }
  *len = size;
  return data;
}

/* Writes format f of the current data into the private directory and
 * reads it back. */
static char *render_to_memory(server *s, const er_format *f, const er_render_opts *opts,
                              er_diag *problems, size_t *len) {
  char path[PATH_MAX];
  if (!er_render_write(f, s->ev, opts, s->tmpdir, "preview", NULL, problems, path, sizeof path))
    return NULL;
  char *data = slurp(path, len);
  unlink(path);
  if (!data)
    er_error(problems, ((er_pos){0, 0}), "serve", "无法读回 %s", path);
  return data;
}

static void clock_text(char *out, size_t size) {
  time_t t = time(NULL);
  struct tm tm;
  localtime_r(&t, &tm);
  strftime(out, size, "%H:%M:%S", &tm);
}

static void reset_artifacts(er_serve_state *st) {
  for (int i = 0; i < ER_ARTIFACT_COUNT; i++) {
    er_artifact *a = &st->artifacts[i];
    free(a->data);
    a->data = NULL;
    a->len = 0;
    a->ready = a->wanted = false;
  }
}

/* Loads the data again and publishes a new generation of the page. */
static void render_page(server *s) {
  double start = now();
  er_diag findings, problems;
  er_diag_init(&findings, s->cfg->file);
  er_diag_init(&problems, s->cfg->file);
  er_eval *ev = er_evaluate(s->cfg->file, &findings);
  er_eval *old_ev = s->ev;
  er_diag old_findings = s->findings;
  s->ev = ev;
  s->findings = findings;

  char *page = NULL;
  size_t len = 0;
  bool report = false;
  if (s->html && ev->indicators.count) {
    er_render_opts opts = {
        .template_name = s->cfg->template_name, .draft = true, .findings = &s->findings};
    page = render_to_memory(s, s->html, &opts, &problems, &len);
    report = page != NULL;
  }
  if (!page) {
    const er_diag *lists[] = {&s->findings, &problems};
    const char *lead = !s->html ? "这个版本不能生成 HTML；数据文件的检查结果如下"
                                : "报告暂时无法生成，请先改正下列问题";
    char heading[512];
    snprintf(heading, sizeof heading, "%s：%s", s->st.base, s->html ? "有错误" : "检查结果");
    page = er_page_findings(heading, lead, lists, 2, &len);
  }

  char updated[16];
  clock_text(updated, sizeof updated);
  pthread_mutex_lock(&s->st.lock);
  free(s->st.page);
  s->st.page = page;
  s->st.page_len = page ? len : 0;
  s->st.page_is_report = report;
  snprintf(s->st.updated, sizeof s->st.updated, "%s", updated);
  s->st.generation++;
  reset_artifacts(&s->st);
  unsigned long generation = s->st.generation;
  pthread_cond_broadcast(&s->st.changed);
  pthread_mutex_unlock(&s->st.lock);

  if (old_ev)
    er_eval_free(old_ev);
  er_diag_free(&old_findings);
  fprintf(stderr, "[%s] 第 %lu 版：%zu 个错误，%zu 个警告，%s（%.2f 秒）\n", updated, generation,
          s->findings.errors + problems.errors, s->findings.warnings + problems.warnings,
          report ? "已生成草稿" : "显示问题列表", now() - start);
  for (size_t i = 0; i < s->findings.count && s->findings.errors; i++)
    if (s->findings.items[i].severity == ER_ERROR) {
      fputs("  ", stderr);
      er_diag_print_one(&s->findings, &s->findings.items[i], stderr);
      break;
    }
  er_diag_print(&problems, stderr);
  er_diag_free(&problems);
}

/* Renders one artifact of the current generation; the result (a file, or
 * a page saying why not) goes to *a's fields through the out arguments. */
static void render_artifact(server *s, const er_artifact *a, char **data, size_t *len, int *status,
                            bool *html) {
  er_diag problems;
  er_diag_init(&problems, s->cfg->file);
  *html = true;
  *data = NULL;
  if (s->findings.errors || !s->ev->indicators.count) {
    /* as `render`: a final PDF or XLSX only from clean data */
    const er_diag *lists[] = {&s->findings};
    *status = 409;
    *data = er_page_findings(a->route + 1, "数据有错误，改正后才能生成 PDF 和 XLSX", lists, 1, len);
  } else {
    er_render_opts opts = {.template_name = s->cfg->template_name, .findings = &s->findings};
    *data = render_to_memory(s, a->format, &opts, &problems, len);
    if (*data) {
      *status = 200;
      *html = false;
    } else {
      const er_diag *lists[] = {&s->findings, &problems};
      *status = 500;
      *data = er_page_findings(a->route + 1, "生成失败", lists, 2, len);
      er_diag_print(&problems, stderr);
    }
  }
  er_diag_free(&problems);
}

static void render_wanted(server *s) {
  for (int i = 0; i < ER_ARTIFACT_COUNT; i++) {
    er_artifact *a = &s->st.artifacts[i];
    pthread_mutex_lock(&s->st.lock);
    bool todo = a->format && a->wanted && !a->ready;
    pthread_mutex_unlock(&s->st.lock);
    if (!todo)
      continue;
    char *data;
    size_t len = 0;
    int status;
    bool html;
    render_artifact(s, a, &data, &len, &status, &html);
    pthread_mutex_lock(&s->st.lock);
    free(a->data);
    a->data = data;
    a->len = data ? len : 0;
    a->status = data ? status : 500;
    a->html = html;
    a->ready = true; /* the generation cannot have changed: only this thread changes it */
    pthread_cond_broadcast(&s->st.changed);
    pthread_mutex_unlock(&s->st.lock);
  }
}

/* ---- Listening ---------------------------------------------------------------- */

static bool is_loopback(const struct sockaddr *sa) {
  if (sa->sa_family == AF_INET)
    return (ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr) >> 24) == 127;
  if (sa->sa_family == AF_INET6)
    return IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)sa)->sin6_addr);
  return false;
}

/* A listening socket on host:port; its URL in `url`. */
static int listen_on(const char *host, int port, bool *loopback, char *url, size_t url_size,
                     int *err) {
  struct addrinfo hints = {
      .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE | AI_NUMERICSERV};
  char service[16];
  snprintf(service, sizeof service, "%d", port);
  struct addrinfo *list;
  int rc = getaddrinfo(host, service, &hints, &list);
  if (rc != 0) {
    fprintf(stderr, "evalreport serve: 无法解析地址 %s：%s\n", host, gai_strerror(rc));
    *err = EINVAL;
    return -1;
  }
  int fd = -1;
  *err = 0;
  for (struct addrinfo *ai = list; ai && fd < 0; ai = ai->ai_next) {
    fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) {
      *err = errno;
      continue;
    }
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (ai->ai_family == AF_INET6)
      setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 64) != 0) {
      *err = errno;
      close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(list);
  if (fd < 0)
    return -1;
  struct sockaddr_storage ss = {0};
  socklen_t sl = sizeof ss;
  if (getsockname(fd, (struct sockaddr *)&ss, &sl) != 0) {
    *err = errno;
    close(fd);
    return -1;
  }
  *loopback = is_loopback((struct sockaddr *)&ss);
  char addr[INET6_ADDRSTRLEN] = "?";
  int bound = 0;
  if (ss.ss_family == AF_INET6) {
    const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)&ss;
    inet_ntop(AF_INET6, &a->sin6_addr, addr, sizeof addr);
    bound = ntohs(a->sin6_port);
    snprintf(url, url_size, "http://[%s]:%d/", addr, bound);
  } else {
    const struct sockaddr_in *a = (const struct sockaddr_in *)&ss;
    inet_ntop(AF_INET, &a->sin_addr, addr, sizeof addr);
    bound = ntohs(a->sin_port);
    snprintf(url, url_size, "http://%s:%d/", addr, bound);
  }
  return fd;
}

static int open_listener(const er_serve_config *cfg, bool *loopback, char *url, size_t size) {
  int err = 0;
  if (cfg->port >= 0) {
    int fd = listen_on(cfg->host, cfg->port, loopback, url, size, &err);
    if (fd < 0 && err)
      fprintf(stderr, "evalreport serve: 无法在 %s 端口 %d 上监听：%s%s\n", cfg->host, cfg->port,
              strerror(err), err == EADDRINUSE ? "（--port 0 自动选空闲端口）" : "");
    return fd;
  }
  for (int port = DEFAULT_PORT; port < DEFAULT_PORT + PORT_TRIES; port++) {
    int fd = listen_on(cfg->host, port, loopback, url, size, &err);
    if (fd >= 0 || err != EADDRINUSE) {
      if (fd < 0 && err)
        fprintf(stderr, "evalreport serve: 无法在 %s 端口 %d 上监听：%s\n", cfg->host, port,
                strerror(err));
      return fd;
    }
  }
  fprintf(stderr, "evalreport serve: 端口 %d–%d 都被占用；用 --port 指定端口\n", DEFAULT_PORT,
          DEFAULT_PORT + PORT_TRIES - 1);
  return -1;
}

/* ---- Setup and the main loop --------------------------------------------------- */

static void init_state(server *s) {
  er_serve_state *st = &s->st;
  pthread_mutex_init(&st->lock, NULL);
  pthread_condattr_t attr;
  pthread_condattr_init(&attr);
  pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  pthread_cond_init(&st->changed, &attr);
  pthread_condattr_destroy(&attr);
  static const er_artifact routes[ER_ARTIFACT_COUNT] = {
      [ER_ARTIFACT_PDF] = {.route = "/report.pdf",
                           .format_name = "pdf",
                           .type = "application/pdf",
                           .ext = ".pdf"},
      [ER_ARTIFACT_XLSX] = {.route = "/annex.xlsx",
                            .format_name = "xlsx",
                            .type = "application/"
                                    "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            .ext = "-annex.xlsx",
                            .attachment = true},
      [ER_ARTIFACT_DOCX] = {.route = "/report.docx",
                            .format_name = "docx",
                            .type = "application/"
                                    "vnd.openxmlformats-officedocument.wordprocessingml.document",
                            .ext = ".docx",
                            .attachment = true},
      [ER_ARTIFACT_OFD] = {.route = "/report.ofd",
                           .format_name = "ofd",
                           .type = "application/ofd",
                           .ext = ".ofd",
                           .attachment = true},
  };
  for (int i = 0; i < ER_ARTIFACT_COUNT; i++) {
    st->artifacts[i] = routes[i];
    st->artifacts[i].format = er_format_find(routes[i].format_name);
  }
  er_render_base(s->cfg->file, st->base, sizeof st->base);
  s->html = er_format_find("html");
  er_diag_init(&s->findings, s->cfg->file);
}

static void free_state(server *s) {
  reset_artifacts(&s->st);
  free(s->st.page);
  pthread_cond_destroy(&s->st.changed);
  pthread_mutex_destroy(&s->st.lock);
  if (s->ev)
    er_eval_free(s->ev);
  er_diag_free(&s->findings);
}

static bool make_private_dir(char *out, size_t size) {
  const char *base = getenv("TMPDIR");
  if (!base || !*base)
    base = "/tmp";
  if (snprintf(out, size, "%s/evalreport-serve.XXXXXX", base) >= (int)size)
    return false;
  if (!mkdtemp(out)) {
    fprintf(stderr, "evalreport serve: 无法创建临时目录：%s\n", strerror(errno));
    return false;
  }
  return true;
}

static bool is_directory(const char *path) {
  struct stat st;
  return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ---- Signals ----------------------------------------------------------------------
 *
 * SIGINT and SIGTERM are taken by a thread of their own, not by the main
 * loop, which may be in the middle of a slow render: the loop is told
 * through quit_fd and given QUIT_GRACE seconds to stop cleanly; past that
 * the thread removes the private directory with whatever a render was
 * writing there and ends the process. */
#define QUIT_GRACE 2.0

typedef struct signal_watch {
  sigset_t mask;
  int quit_fd; /* eventfd: readable once a signal came */
  const char *tmpdir;
  pthread_mutex_t lock;
  pthread_cond_t done_cond;
  bool done; /* the main loop has returned */
} signal_watch;

static void remove_private_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (d) {
    char path[PATH_MAX];
    for (struct dirent *e; (e = readdir(d));)
      if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
          snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < (int)sizeof path)
        unlink(path);
    closedir(d);
  }
  rmdir(dir);
}

static void *watch_signals(void *arg) {
  signal_watch *sw = arg;
  int sig = 0;
  if (sigwait(&sw->mask, &sig) != 0)
    return NULL;
  if (sig == SIGUSR1) /* the main loop ended on its own */
    return NULL;
  fprintf(stderr, "\nevalreport serve: 收到%s，正在退出\n", sig == SIGINT ? " Ctrl-C" : "终止信号");
  uint64_t one = 1;
  if (write(sw->quit_fd, &one, sizeof one) < 0)
    perror("evalreport serve");
  struct timespec until;
  clock_gettime(CLOCK_MONOTONIC, &until);
  until.tv_sec += (time_t)QUIT_GRACE;
  pthread_mutex_lock(&sw->lock);
  while (!sw->done && pthread_cond_timedwait(&sw->done_cond, &sw->lock, &until) == 0)
    ;
  bool done = sw->done;
  pthread_mutex_unlock(&sw->lock);
  if (!done) {
    fputs("evalreport serve: 渲染尚未结束，强制退出 (render still running, exiting)\n", stderr);
    remove_private_dir(sw->tmpdir);
    _exit(0);
  }
  return NULL;
}

/* When changes not rendered yet are due: the first at `first`, the last
 * complete save at `last` (or -1). */
static double render_due(double first, double last) {
  double due = first + LATEST_SECONDS;
  if (last >= 0 && last + QUIET_SECONDS < due)
    due = last + QUIET_SECONDS;
  return due;
}

static void serve_loop(server *s, er_watch *w, int signal_fd) {
  double first = -1;   /* the first change not rendered yet */
  double last = -1;    /* the last complete save not rendered yet */
  double settled = -1; /* a save before this is part of a burst */
  for (;;) {
    int timeout = -1;
    if (first >= 0) {
      double wait = render_due(first, last) - now();
      timeout = wait > 0 ? (int)(wait * 1000) + 1 : 0;
    }
    struct pollfd fds[3] = {{.fd = signal_fd, .events = POLLIN},
                            {.fd = w->fd, .events = POLLIN},
                            {.fd = s->st.wake_fd, .events = POLLIN}};
    if (poll(fds, 3, timeout) < 0 && errno != EINTR) {
      perror("evalreport serve: poll");
      return;
    }
    if (fds[0].revents & POLLIN)
      return; /* the signal thread said why */
    int what = (fds[1].revents & POLLIN) ? er_watch_drain(w) : ER_WATCH_NONE;
    bool at_once = false;
    if (what) {
      double t = now();
      at_once = (what & ER_WATCH_SAVED) && t >= settled;
      if (what & ER_WATCH_SAVED)
        settled = t + QUIET_SECONDS;
      if (!at_once) {
        if (first < 0)
          first = t;
        if (what & ER_WATCH_SAVED)
          last = t;
      }
    }
    if (fds[2].revents & POLLIN) {
      uint64_t count;
      if (read(s->st.wake_fd, &count, sizeof count) < 0 && errno != EAGAIN)
        perror("evalreport serve");
    }
    if (at_once || (first >= 0 && now() >= render_due(first, last))) {
      first = last = -1;
      render_page(s);
      settled = now() + QUIET_SECONDS;
    }
    render_wanted(s);
  }
}

bool er_serve_run(const er_serve_config *cfg) {
  if (!er_http_load())
    return false;
  server s = {.cfg = cfg};
  s.st.wake_fd = -1;
  /* signals arrive through a descriptor; every thread started from here
   * on inherits the mask, so none is interrupted by them */
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGINT);
  sigaddset(&mask, SIGTERM);
  sigset_t old_mask;
  pthread_sigmask(SIG_BLOCK, &mask, &old_mask);
  struct sigaction ignore = {0}, old_pipe;
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &old_pipe);

  bool ok = false;
  sigaddset(&mask, SIGUSR1); /* to end the signal thread */
  pthread_sigmask(SIG_BLOCK, &mask, NULL);
  signal_watch sw = {.mask = mask, .tmpdir = s.tmpdir};
  pthread_mutex_init(&sw.lock, NULL);
  pthread_condattr_t cattr;
  pthread_condattr_init(&cattr);
  pthread_condattr_setclock(&cattr, CLOCK_MONOTONIC);
  pthread_cond_init(&sw.done_cond, &cattr);
  pthread_condattr_destroy(&cattr);
  pthread_t signal_thread;
  bool have_signal_thread = false;
  int signal_fd = sw.quit_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  er_watch w = {.fd = -1};
  er_http *http = NULL;
  init_state(&s);
  s.st.wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (signal_fd < 0 || s.st.wake_fd < 0) {
    perror("evalreport serve");
    goto done;
  }
  if (!make_private_dir(s.tmpdir, sizeof s.tmpdir))
    goto done;
  have_signal_thread = pthread_create(&signal_thread, NULL, watch_signals, &sw) == 0;
  if (!er_watch_open(&w, cfg->file))
    goto done;
  er_watch_tree(&w, er_template_dir());
  if (is_directory(cfg->template_name))
    er_watch_tree(&w, cfg->template_name);

  char url[128];
  int fd = open_listener(cfg, &s.st.loopback, url, sizeof url);
  if (fd < 0)
    goto done;
  render_page(&s);
  http = er_http_start(&s.st, fd);
  if (!http) {
    close(fd);
    fputs("evalreport serve: 无法启动 HTTP 服务\n", stderr);
    goto done;
  }
  if (!s.st.loopback)
    fprintf(stderr,
            "evalreport serve: 注意：绑定在 %s，其他机器也能访问这份草稿 "
            "(reachable from other machines)\n",
            cfg->host);
  char *shown = er_term_text(cfg->file); /* a file's name can hold an escape sequence */
  fprintf(stderr,
          "evalreport serve: 预览 %s：在浏览器打开下面的地址，保存数据文件或模板后页面自动刷新；"
          "Ctrl-C 退出\n",
          shown ? shown : cfg->file);
  free(shown);
  printf("%s\n", url);
  fflush(stdout);
  serve_loop(&s, &w, signal_fd);
  ok = true;

done:
  pthread_mutex_lock(&sw.lock);
  sw.done = true;
  pthread_cond_broadcast(&sw.done_cond);
  pthread_mutex_unlock(&sw.lock);
  pthread_mutex_lock(&s.st.lock);
  s.st.stopping = true;
  pthread_cond_broadcast(&s.st.changed);
  pthread_mutex_unlock(&s.st.lock);
  er_http_stop(http);
  er_watch_close(&w);
  free_state(&s);
  if (s.tmpdir[0] && rmdir(s.tmpdir) != 0)
    fprintf(stderr, "evalreport serve: 无法删除临时目录 %s：%s\n", s.tmpdir, strerror(errno));
  if (s.st.wake_fd >= 0)
    close(s.st.wake_fd);
  if (have_signal_thread) {
    pthread_kill(signal_thread, SIGUSR1); /* pending, when it was not a signal that ended us */
    pthread_join(signal_thread, NULL);
  }
  pthread_cond_destroy(&sw.done_cond);
  pthread_mutex_destroy(&sw.lock);
  if (signal_fd >= 0)
    close(signal_fd);
  sigaction(SIGPIPE, &old_pipe, NULL);
  pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
  return ok;
}
