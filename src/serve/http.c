#include "serve/http.h"

#include "serve/mhd.h"
#include "serve/page.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/* An event stream sends a comment this often: a browser tab that closed
 * is noticed (and its thread freed) at the next one, not 15 s later. */
#define KEEPALIVE_SECONDS 2
/* Event streams open at once (one per preview tab); one more gets 503 and
 * its browser retries. They stay well below the connection limit, so that
 * pages, PDF and XLSX can still be fetched with every stream taken. */
#define MAX_STREAMS 32
#define MAX_CONNECTIONS 256
/* A client that sends nothing for this long is dropped: slow clients do
 * not hold connections for minutes. */
#define IDLE_TIMEOUT_SECONDS 10

struct er_http {
  struct MHD_Daemon *daemon;
};

/* ---- Responses ---------------------------------------------------------------- */

static void nonce_text(char out[33]) {
  unsigned char bytes[16];
  if (getrandom(bytes, sizeof bytes, 0) != (ssize_t)sizeof bytes) {
    /* not secret in any case: the page is the user's own, on loopback */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    for (size_t i = 0; i < sizeof bytes; i++)
      bytes[i] = (unsigned char)((uint64_t)ts.tv_nsec >> (i % 8) ^ (uint64_t)ts.tv_sec >> i);
  }
  for (size_t i = 0; i < sizeof bytes; i++)
    snprintf(out + 2 * i, 3, "%02x", bytes[i]);
}

static void common_headers(struct MHD_Response *r) {
  MHD_add_response_header(r, "Cache-Control", "no-store");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(r, "X-Frame-Options", "DENY");
}

/* Queues `data` (malloc'd; taken) as the response. */
static enum MHD_Result send_buffer(struct MHD_Connection *c, unsigned status, const char *type,
                                   char *data, size_t len, const char *policy,
                                   const char *disposition) {
  if (!data)
    return MHD_NO;
  struct MHD_Response *r = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
  if (!r) {
    free(data);
    return MHD_NO;
  }
  common_headers(r);
  MHD_add_response_header(r, "Content-Type", type);
  if (policy)
    MHD_add_response_header(r, "Content-Security-Policy", policy);
  if (disposition)
    MHD_add_response_header(r, "Content-Disposition", disposition);
  if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
    MHD_add_response_header(r, "Allow", "GET, HEAD");
  enum MHD_Result ret = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return ret;
}

/* One of our own small pages (with the live script, so it too reloads). */
static enum MHD_Result send_own_page(struct MHD_Connection *c, unsigned status, char *page,
                                     size_t len, er_serve_state *st, bool live) {
  char nonce[33], policy[256];
  nonce_text(nonce);
  er_page_policy(nonce, policy, sizeof policy);
  if (live && page) {
    pthread_mutex_lock(&st->lock);
    er_page_live l = {st->generation, nonce, st->updated, false, false, false, false};
    pthread_mutex_unlock(&st->lock);
    size_t live_len;
    char *with = er_page_make_live(page, len, &l, &live_len);
    free(page);
    page = with;
    len = live_len;
  }
  return send_buffer(c, status, "text/html; charset=utf-8", page, len, policy, NULL);
}

static enum MHD_Result send_message(struct MHD_Connection *c, unsigned status, const char *heading,
                                    const char *text, er_serve_state *st) {
  size_t len;
  char *page = er_page_message(heading, text, &len);
  return send_own_page(c, status, page, len, st, false);
}

/* ---- Routes ------------------------------------------------------------------- */

static enum MHD_Result send_index(struct MHD_Connection *c, er_serve_state *st) {
  char nonce[33];
  nonce_text(nonce);
  pthread_mutex_lock(&st->lock);
  er_page_live live = {st->generation,
                       nonce,
                       st->updated,
                       st->artifacts[ER_ARTIFACT_PDF].format != NULL,
                       st->artifacts[ER_ARTIFACT_XLSX].format != NULL,
                       st->artifacts[ER_ARTIFACT_DOCX].format != NULL,
                       st->artifacts[ER_ARTIFACT_OFD].format != NULL};
  size_t len = 0;
  char *page = st->page ? er_page_make_live(st->page, st->page_len, &live, &len) : NULL;
  bool report = st->page_is_report;
  pthread_mutex_unlock(&st->lock);
  if (!page)
    return send_message(c, MHD_HTTP_SERVICE_UNAVAILABLE, "请稍候", "报告正在生成。", st);
  if (report)
    /* the page carries its own policy, amended to allow the script */
    return send_buffer(c, MHD_HTTP_OK, "text/html; charset=utf-8", page, len,
                       "frame-ancestors 'none'", NULL);
  char policy[256];
  er_page_policy(nonce, policy, sizeof policy);
  return send_buffer(c, MHD_HTTP_OK, "text/html; charset=utf-8", page, len, policy, NULL);
}

typedef struct stream {
  er_serve_state *st;
  unsigned long sent;
  bool started;
} stream;

static ssize_t read_events(void *cls, uint64_t pos, char *buf, size_t max) {
  (void)pos;
  stream *s = cls;
  er_serve_state *st = s->st;
  pthread_mutex_lock(&st->lock);
  if (!s->started) {
    s->started = true;
    s->sent = st->generation;
    int n = snprintf(buf, max, "retry: 1000\ndata: %lu\n\n", s->sent);
    pthread_mutex_unlock(&st->lock);
    return n;
  }
  struct timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  deadline.tv_sec += KEEPALIVE_SECONDS;
  while (!st->stopping && st->generation == s->sent)
    if (pthread_cond_timedwait(&st->changed, &st->lock, &deadline) == ETIMEDOUT)
      break;
  int n;
  if (st->stopping)
    n = -1;
  else if (st->generation != s->sent) {
    s->sent = st->generation;
    n = snprintf(buf, max, "data: %lu\n\n", s->sent);
  } else
    n = snprintf(buf, max, ": keep-alive\n\n");
  pthread_mutex_unlock(&st->lock);
  return n < 0 ? MHD_CONTENT_READER_END_OF_STREAM : n;
}

static atomic_int open_streams;

static void free_stream(void *cls) {
  atomic_fetch_sub(&open_streams, 1);
  free(cls);
}

static enum MHD_Result send_events(struct MHD_Connection *c, er_serve_state *st) {
  if (atomic_fetch_add(&open_streams, 1) >= MAX_STREAMS) {
    atomic_fetch_sub(&open_streams, 1);
    return send_message(c, MHD_HTTP_SERVICE_UNAVAILABLE, "503",
                        "打开的预览页太多，请关闭一些标签页。", st);
  }
  stream *s = calloc(1, sizeof *s);
  if (!s) {
    atomic_fetch_sub(&open_streams, 1);
    return MHD_NO;
  }
  s->st = st;
  struct MHD_Response *r =
      MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024, read_events, s, free_stream);
  if (!r) {
    free_stream(s);
    return MHD_NO;
  }
  common_headers(r);
  MHD_add_response_header(r, "Content-Type", "text/event-stream; charset=utf-8");
  enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
  MHD_destroy_response(r);
  return ret;
}

/* filename*=UTF-8''… of a download name (RFC 6266, RFC 5987). */
static void disposition(char *out, size_t size, bool attachment, const char *base,
                        const char *ext) {
  size_t n =
      (size_t)snprintf(out, size, "%s; filename*=UTF-8''", attachment ? "attachment" : "inline");
  char name[512];
  snprintf(name, sizeof name, "%s%s", base, ext);
  for (const unsigned char *p = (const unsigned char *)name; *p && n + 4 < size; p++) {
    if (isalnum(*p) || strchr("-._~", *p))
      out[n++] = (char)*p;
    else
      n += (size_t)snprintf(out + n, size - n, "%%%02X", *p);
  }
  out[n < size ? n : size - 1] = '\0';
}

static enum MHD_Result send_artifact(struct MHD_Connection *c, er_serve_state *st, int which) {
  er_artifact *a = &st->artifacts[which];
  pthread_mutex_lock(&st->lock);
  while (!st->stopping && !a->ready) {
    if (!a->wanted) {
      a->wanted = true;
      uint64_t one = 1;
      if (write(st->wake_fd, &one, sizeof one) < 0)
        perror("evalreport serve");
    }
    pthread_cond_wait(&st->changed, &st->lock);
  }
  if (st->stopping) {
    pthread_mutex_unlock(&st->lock);
    return send_message(c, MHD_HTTP_SERVICE_UNAVAILABLE, "服务已停止", "预览服务正在退出。", st);
  }
  size_t len = a->len;
  char *data = malloc(len ? len : 1);
  if (data)
    memcpy(data, a->data, len);
  unsigned status = (unsigned)a->status;
  bool html = a->html;
  char cd[1024];
  disposition(cd, sizeof cd, a->attachment, st->base, a->ext);
  pthread_mutex_unlock(&st->lock);
  if (html)
    return send_own_page(c, status, data, len, st, true);
  return send_buffer(c, status, a->type, data, len, NULL, cd);
}

/* With the server on loopback, a request must name it: a page of another
 * site that resolves its own name to 127.0.0.1 (DNS rebinding) is refused. */
static bool host_allowed(struct MHD_Connection *c, const er_serve_state *st) {
  if (!st->loopback)
    return true;
  const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
  if (!host)
    return true; /* HTTP/1.0 */
  char name[256];
  size_t n = 0;
  if (host[0] == '[') {
    const char *close = strchr(host, ']');
    if (!close || (size_t)(close - host - 1) >= sizeof name)
      return false;
    n = (size_t)(close - host - 1);
    memcpy(name, host + 1, n);
  } else {
    n = strcspn(host, ":");
    if (n >= sizeof name)
      return false;
    memcpy(name, host, n);
  }
  name[n] = '\0';
  if (strcasecmp(name, "localhost") == 0)
    return true;
  struct in_addr v4;
  struct in6_addr v6;
  if (inet_pton(AF_INET, name, &v4) == 1)
    return (ntohl(v4.s_addr) >> 24) == 127;
  return inet_pton(AF_INET6, name, &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **state) {
  (void)upload;
  (void)upload_size;
  (void)state;
  er_serve_state *st = cls;
  if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
    return send_message(c, MHD_HTTP_METHOD_NOT_ALLOWED, "405", "只支持 GET 和 HEAD。", st);
  /* HTTP/1.1 requires Host (RFC 9112, 3.2): without it, 400 */
  if (strcmp(version, MHD_HTTP_VERSION_1_1) == 0 &&
      !MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST))
    return send_message(c, MHD_HTTP_BAD_REQUEST, "400", "HTTP/1.1 请求缺少 Host 头。", st);
  if (!host_allowed(c, st))
    return send_message(c, MHD_HTTP_FORBIDDEN, "403", "请用 127.0.0.1 或 localhost 访问。", st);
  /* exact routes; MHD has already decoded %xx, so "/%2e%2e/x" is "/../x" here */
  if (strcmp(url, "/") == 0)
    return send_index(c, st);
  if (strcmp(url, "/events") == 0)
    return send_events(c, st);
  for (int i = 0; i < ER_ARTIFACT_COUNT; i++)
    if (st->artifacts[i].format && strcmp(url, st->artifacts[i].route) == 0)
      return send_artifact(c, st, i);
  return send_message(c, MHD_HTTP_NOT_FOUND, "404", "没有这个页面。", st);
}

/* libmicrohttpd's messages, but not the routine one of a browser closing
 * a page while its event stream is open. */
/* Decodes %XX in place, as libmicrohttpd would, except %00: a NUL would
 * cut the path short ("/%00x" would read as "/"), so it stays as written
 * and matches no route. */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s) {
  (void)cls;
  (void)c;
  char *out = s;
  for (const char *in = s; *in;) {
    if (in[0] == '%' && isxdigit((unsigned char)in[1]) && isxdigit((unsigned char)in[2])) {
      char hex[3] = {in[1], in[2], '\0'};
      long v = strtol(hex, NULL, 16);
      if (v != 0) {
        *out++ = (char)v;
        in += 3;
        continue;
      }
    }
    *out++ = *in++;
  }
  *out = '\0';
  return (size_t)(out - s);
}

static void log_mhd(void *cls, const char *fmt, va_list ap) {
  (void)cls;
  char text[1024];
  vsnprintf(text, sizeof text, fmt, ap);
  if (strstr(text, "no longer available") || strstr(text, "reset by peer") ||
      strstr(text, "Broken pipe"))
    return;
  fprintf(stderr, "evalreport serve: %s%s", text,
          *text && text[strlen(text) - 1] == '\n' ? "" : "\n");
}

bool er_http_load(void) { return er_mhd_load(); }

er_http *er_http_start(er_serve_state *st, int fd) {
  if (!er_mhd_load())
    return NULL;
  er_http *h = calloc(1, sizeof *h);
  if (!h)
    return NULL;
  h->daemon = MHD_start_daemon(
      MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL,
      NULL, handle, st, MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL, MHD_OPTION_UNESCAPE_CALLBACK,
      unescape, NULL, MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_CONNECTION_LIMIT,
      (unsigned)MAX_CONNECTIONS, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_TIMEOUT_SECONDS,
      MHD_OPTION_END);
  if (!h->daemon) {
    free(h);
    return NULL;
  }
  return h;
}

void er_http_stop(er_http *h) {
  if (!h)
    return;
  MHD_stop_daemon(h->daemon);
  free(h);
}
