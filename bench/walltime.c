/* bench/walltime.c: walltime OUT COMMAND [ARG...]
 *
 * Runs COMMAND and appends to the file OUT one line, "WALL CPU RSS": the
 * wall time and the CPU time (user and system) in whole milliseconds, and
 * the peak resident set of the largest process, in KB. It measures what
 * /usr/bin/time -f '%e %U %S %M' does, rounded to the millisecond where
 * time(1) prints hundredths of a second, too coarse for runs of tens of
 * milliseconds. COMMAND keeps its
 * stdin, stdout and stderr; walltime exits with its status. bench/lib.sh
 * compiles it into the benchmark's scratch directory. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double ms(struct timeval t) { return (double)t.tv_sec * 1e3 + (double)t.tv_usec / 1e3; }

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: walltime OUT COMMAND [ARG...]\n", stderr);
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) {
    perror("walltime: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    _exit(127);
  }
  int status;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) {
    perror("walltime: wait4");
    return 2;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double wall = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
  FILE *out = fopen(argv[1], "a");
  if (!out) {
    perror(argv[1]);
    return 2;
  }
  fprintf(out, "%.0f %.0f %ld\n", wall, ms(ru.ru_utime) + ms(ru.ru_stime), ru.ru_maxrss);
  if (fclose(out) != 0)
    return 2;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
