/* built with _GNU_SOURCE, for sched_getaffinity (see CMakeLists.txt) */
#include "batch/pool.h"

#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define TICK_MS 200

/* In memory shared by the parent and every worker. */
typedef struct shared {
  atomic_size_t next;      /* the next job to claim */
  atomic_int stop;         /* claim no more */
  atomic_size_t current[]; /* per worker slot: 1 + the job it is on, or 0 */
} shared;

typedef struct worker {
  pid_t pid;     /* 0: no process in this slot */
  int result_fd; /* worker → parent: results */
} worker;

static volatile sig_atomic_t interrupts;

static void on_signal(int sig) {
  (void)sig;
  interrupts++;
}

size_t er_pool_cpus(void) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return (size_t)CPU_COUNT(&set);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (size_t)n : 1;
}

static bool write_all(int fd, const void *p, size_t n) {
  const unsigned char *b = p;
  while (n) {
    ssize_t w = write(fd, b, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return false;
    b += w;
    n -= (size_t)w;
  }
  return true;
}

/* Reads exactly n bytes; false on end of file or error. */
static bool read_all(int fd, void *p, size_t n) {
  unsigned char *b = p;
  while (n) {
    ssize_t r = read(fd, b, n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      return false;
    b += r;
    n -= (size_t)r;
  }
  return true;
}

/* The worker's loop: claim a job, run it, send its result, until none is
 * left or the parent says stop. Never returns. */
static _Noreturn void run_worker(shared *sh, size_t slot, size_t count, int result_fd,
                                 er_pool_job_fn job, void *ctx) {
  /* Ctrl-C reaches the whole process group: the parent decides when to
   * stop, and lets every worker finish the file it is on. */
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  while (!atomic_load(&sh->stop)) {
    size_t index = atomic_fetch_add(&sh->next, 1);
    if (index >= count)
      break;
    atomic_store(&sh->current[slot], index + 1);
    unsigned char *data = NULL;
    uint64_t header[2] = {index, 0};
    header[1] = job(index, &data, ctx);
    bool sent = write_all(result_fd, header, sizeof header) &&
                write_all(result_fd, data, (size_t)header[1]);
    free(data);
    atomic_store(&sh->current[slot], 0);
    if (!sent)
      break;
  }
  close(result_fd);
  fflush(NULL);
  exit(0);
}

static bool spawn(shared *sh, worker *ws, size_t nworkers, size_t slot, size_t count,
                  er_pool_job_fn job, void *ctx) {
  int results[2];
  if (pipe(results) != 0)
    return false;
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) {
    close(results[0]);
    close(results[1]);
    return false;
  }
  if (pid == 0) {
    /* the other workers' pipes stay with the parent alone, so that it sees
     * each one end when its worker does */
    for (size_t i = 0; i < nworkers; i++)
      if (ws[i].pid)
        close(ws[i].result_fd);
    free(ws); /* the parent's bookkeeping, of no use here */
    close(results[0]);
    run_worker(sh, slot, count, results[1], job, ctx);
  }
  close(results[1]);
  ws[slot] = (worker){.pid = pid, .result_fd = results[0]};
  return true;
}

static void describe_status(int status, char *out, size_t size) {
  if (WIFSIGNALED(status))
    snprintf(out, size, "工作进程被信号 %d（%s）终止 (worker killed by a signal)", WTERMSIG(status),
             strsignal(WTERMSIG(status)));
  else if (WIFEXITED(status))
    snprintf(out, size, "工作进程以状态 %d 退出 (worker exited with status %d)",
             WEXITSTATUS(status), WEXITSTATUS(status));
  else
    snprintf(out, size, "工作进程异常结束 (worker ended abnormally)");
}

/* Reaps a worker whose result pipe has ended; reports the job it was on,
 * if it died on one. */
static void reap(shared *sh, worker *w, size_t slot, er_pool_done_fn done, void *ctx,
                 er_pool_stats *stats) {
  close(w->result_fd);
  w->result_fd = -1;
  int status = 0;
  while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
    ;
  w->pid = 0;
  size_t current = atomic_exchange(&sh->current[slot], 0);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !current)
    return;
  char why[256];
  describe_status(status, why, sizeof why);
  stats->worker_failed = true;
  if (current)
    done(current - 1, NULL, 0, why, ctx);
  else
    fprintf(stderr, "evalreport batch: %s\n", why);
}

void er_pool_run(size_t count, size_t nworkers, er_pool_job_fn job, er_pool_done_fn done,
                 er_pool_tick_fn tick, void *ctx, er_pool_stats *stats) {
  memset(stats, 0, sizeof *stats);
  if (nworkers > count)
    nworkers = count;
  if (nworkers == 0)
    return;
  size_t size = sizeof(shared) + nworkers * sizeof(atomic_size_t);
  shared *sh = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  /* one block, which a forked worker frees as a whole (spawn): the
   * workers, then the poll set, then the slot of each polled descriptor */
  _Static_assert((sizeof(worker) + sizeof(struct pollfd)) % _Alignof(size_t) == 0,
                 "slot_of is aligned");
  worker *ws = calloc(nworkers, sizeof(worker) + sizeof(struct pollfd) + sizeof(size_t));
  if (sh == MAP_FAILED || !ws) {
    perror("evalreport batch");
    exit(1);
  }
  struct pollfd *fds = (struct pollfd *)(ws + nworkers);
  size_t *slot_of = (size_t *)(fds + nworkers);
  atomic_init(&sh->next, 0);
  atomic_init(&sh->stop, 0);
  for (size_t i = 0; i < nworkers; i++)
    atomic_init(&sh->current[i], 0);

  struct sigaction sa = {0}, old_int, old_term, old_pipe;
  sa.sa_handler = on_signal; /* no SA_RESTART: poll returns at once */
  sigemptyset(&sa.sa_mask);
  interrupts = 0;
  sigaction(SIGINT, &sa, &old_int);
  sigaction(SIGTERM, &sa, &old_term);
  struct sigaction ignore = {0};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &old_pipe);

  bool killed = false;
  for (;;) {
    if (interrupts && !stats->interrupted) {
      stats->interrupted = true;
      atomic_store(&sh->stop, 1);
      fputs("\nevalreport batch: 正在停止，等待进行中的文件完成（再按 Ctrl-C 立即停止）\n", stderr);
    }
    if (interrupts > 1 && !killed) {
      killed = true;
      for (size_t i = 0; i < nworkers; i++)
        if (ws[i].pid)
          kill(ws[i].pid, SIGKILL);
    }
    /* a worker for every empty slot while jobs are left (at the start, and
     * in place of one that crashed) */
    for (size_t i = 0; i < nworkers; i++)
      if (!ws[i].pid && !stats->interrupted && atomic_load(&sh->next) < count &&
          !spawn(sh, ws, nworkers, i, count, job, ctx)) {
        perror("evalreport batch: fork");
        stats->worker_failed = true;
      }
    size_t nfds = 0;
    for (size_t i = 0; i < nworkers; i++)
      if (ws[i].pid) {
        fds[nfds] = (struct pollfd){.fd = ws[i].result_fd, .events = POLLIN};
        slot_of[nfds++] = i;
      }
    if (nfds == 0) {
      /* no worker left, or not one could be started: what is left fails */
      for (size_t i; !stats->interrupted && (i = atomic_fetch_add(&sh->next, 1)) < count;)
        done(i, NULL, 0, "无法启动工作进程 (could not start a worker)", ctx);
      break;
    }
    int ready = poll(fds, nfds, TICK_MS);
    if (ready < 0 && errno != EINTR) {
      perror("evalreport batch: poll");
      break;
    }
    for (size_t k = 0; ready > 0 && k < nfds; k++) {
      if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      size_t slot = slot_of[k];
      uint64_t header[2];
      unsigned char *data = NULL;
      bool got = read_all(ws[slot].result_fd, header, sizeof header) && header[0] < count &&
                 header[1] <= (uint64_t)1 << 30 &&
                 (data = malloc(header[1] ? (size_t)header[1] : 1)) &&
                 read_all(ws[slot].result_fd, data, (size_t)header[1]);
      if (got)
        done((size_t)header[0], data, (size_t)header[1], NULL, ctx);
      else
        reap(sh, &ws[slot], slot, done, ctx, stats);
      free(data);
    }
    if (tick)
      tick(ctx);
  }
  sigaction(SIGINT, &old_int, NULL);
  sigaction(SIGTERM, &old_term, NULL);
  sigaction(SIGPIPE, &old_pipe, NULL);
  munmap(sh, size);
  free(ws);
}
