#include "batch/progress.h"

#include <stdio.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void er_progress_start(er_progress *p, size_t total, bool on) {
  *p = (er_progress){.on = on, .total = total, .start = now(), .last_draw = -1};
  er_progress_update(p, 0);
}

double er_progress_elapsed(const er_progress *p) { return now() - p->start; }

static int terminal_columns(void) {
  struct winsize ws;
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  return 80;
}

static void clock_text(double seconds, char *out, size_t size) {
  long s = seconds < 0 ? 0 : (long)(seconds + 0.5);
  if (s >= 3600)
    snprintf(out, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    snprintf(out, size, "%ld:%02ld", s / 60, s % 60);
}

void er_progress_update(er_progress *p, size_t done) {
  p->done = done;
  if (!p->on)
    return;
  double t = now();
  /* a new count at most ten times a second (the last one always); the
   * same count twice a second, for the rate and the time left */
  if (p->last_draw >= 0) {
    double since = t - p->last_draw;
    if (done == p->drawn ? since < 0.5 : since < 0.1 && done < p->total)
      return;
  }
  p->last_draw = t;
  p->drawn = done;
  double elapsed = t - p->start;
  double rate = elapsed > 0 && done ? (double)done / elapsed : 0;
  char stats[128], left[32] = "--:--", spent[32];
  if (rate > 0)
    clock_text((double)(p->total - done) / rate, left, sizeof left);
  clock_text(elapsed, spent, sizeof spent);
  /* ASCII only on the line: CJK terminals draw some box characters wide */
  int n = snprintf(stats, sizeof stats, " %zu/%zu  %.1f files/s  %s left (%s)", done, p->total,
                   rate, done < p->total ? left : "0:00", spent);
  int width = terminal_columns() - n - 3;
  if (width > 40)
    width = 40;
  fputs("\r", stderr);
  if (width >= 5) {
    int filled = p->total ? (int)((double)width * (double)done / (double)p->total) : width;
    fputc('[', stderr);
    for (int i = 0; i < width; i++)
      fputc(i < filled ? '#' : '.', stderr);
    fputc(']', stderr);
  }
  fputs(stats, stderr);
  fputs("\033[K", stderr);
  fflush(stderr);
}

void er_progress_finish(er_progress *p) {
  if (!p->on)
    return;
  fputs("\r\033[K", stderr);
  fflush(stderr);
}
