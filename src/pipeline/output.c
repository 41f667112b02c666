#include "pipeline/output.h"
#include "model/diag.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool make_dirs(const char *dir) {
  char path[4096];
  if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
    return false;
  for (char *p = path + 1; *p; p++)
    if (*p == '/') {
      *p = '\0';
      if (mkdir(path, 0777) != 0 && errno != EEXIST)
        return false;
      *p = '/';
    }
  return mkdir(path, 0777) == 0 || errno == EEXIST;
}

/* True when `entry` is a temporary file of ours for `name`, ".NAME.PID.XXXXXX",
 * whose process no longer runs: one a killed render left behind. */
static bool stale_temp(const char *entry, const char *name) {
  size_t n = strlen(name);
  if (entry[0] != '.' || strncmp(entry + 1, name, n) != 0 || entry[n + 1] != '.')
    return false;
  const char *p = entry + n + 2;
  if (!isdigit((unsigned char)*p))
    return false;
  char *end;
  long pid = strtol(p, &end, 10);
  if (*end != '.' || strlen(end + 1) != 6 || pid <= 0 || pid == (long)getpid())
    return false;
  return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* Removes the temporary files of DIR/NAME that killed processes left; those
 * of a process still running (another render of the same file) stay. */
static void remove_stale_temps(const char *dir, const char *name) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  char path[4096];
  for (struct dirent *e; (e = readdir(d));)
    if (stale_temp(e->d_name, name) &&
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < (int)sizeof path)
      unlink(path);
  closedir(d);
}

/* ---- removal on SIGTERM, SIGHUP and SIGINT ----
 *
 * The temporary file being written is removed by the signal handler, which
 * then lets the signal end the process as it would have. One output is
 * written at a time in a process (a batch worker is a process of its own). */
static char *volatile current_temp;

static void remove_on_signal(int sig) {
  char *temp = current_temp;
  if (temp)
    unlink(temp);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void watch_signals(void) {
  static const int signals[] = {SIGTERM, SIGHUP, SIGINT};
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
    struct sigaction old;
    /* only where nobody else handles them (batch's parent, serve do) */
    if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL &&
        !(old.sa_flags & SA_SIGINFO)) {
      struct sigaction sa = {0};
      sa.sa_handler = remove_on_signal;
      sigemptyset(&sa.sa_mask);
      sigaction(signals[i], &sa, NULL);
    }
  }
}

/* The temporary file's name, ".NAME.PID.XXXXXX": NAME cut (at a character
 * boundary) so that the whole stays within NAME_MAX, as a long input name
 * would otherwise push it over. */
static bool temp_name(er_output *o, const char *dir, const char *name) {
  char pid[32];
  int plen = snprintf(pid, sizeof pid, ".%ld.XXXXXX", (long)getpid());
  size_t room = NAME_MAX - 1 - (size_t)plen, n = strlen(name);
  if (n > room) {
    n = room;
    while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
      n--;
  }
  return snprintf(o->temp_path, sizeof o->temp_path, "%s/.%.*s%s", dir, (int)n, name, pid) <
         (int)sizeof o->temp_path;
}

void er_output_clean(const char *dir, const char *name) {
  er_output o;
  if (!temp_name(&o, dir, name))
    return;
  /* the stale temporaries carry the same cut name */
  char *slash = strrchr(o.temp_path, '/'), *dot = strrchr(o.temp_path, '.');
  *dot = '\0';
  dot = strrchr(slash, '.');
  *dot = '\0';
  remove_stale_temps(dir, slash + 2);
}

bool er_output_begin(er_output *o, const char *dir, const char *name) {
  if (!make_dirs(dir)) {
    er_say("evalreport: 无法创建输出目录 %s：%s", dir, strerror(errno));
    return false;
  }
  if (strlen(name) > NAME_MAX) {
    er_say("evalreport: 输出文件名超过 %d 字节：%s", NAME_MAX, name);
    return false;
  }
  if (snprintf(o->final_path, sizeof o->final_path, "%s/%s", dir, name) >=
          (int)sizeof o->final_path ||
      !temp_name(o, dir, name)) {
    er_say("evalreport: 输出路径过长：%s/%s", dir, name);
    return false;
  }
  er_output_clean(dir, name);
  watch_signals();
  int fd = mkstemp(o->temp_path);
  if (fd < 0) {
    er_say("evalreport: 无法写入 %s：%s", o->final_path, strerror(errno));
    return false;
  }
  current_temp = o->temp_path;
  /* mkstemp makes 0600; the output gets what any new file would: 0666
   * less the umask */
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  close(fd);
  return true;
}

/* Flushes the file's data to the disk before it replaces the old output,
 * so that a crash of the machine leaves the old file or the new one. */
static bool sync_file(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  bool ok = fsync(fd) == 0;
  close(fd);
  return ok;
}

static void sync_dir(const char *file) {
  char dir[4096];
  snprintf(dir, sizeof dir, "%s", file);
  char *slash = strrchr(dir, '/');
  if (slash)
    *slash = '\0';
  int fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
}

bool er_output_commit(er_output *o) {
  if (!sync_file(o->temp_path) || rename(o->temp_path, o->final_path) != 0) {
    er_say("evalreport: 无法写入 %s：%s", o->final_path, strerror(errno));
    unlink(o->temp_path);
    current_temp = NULL;
    return false;
  }
  current_temp = NULL;
  sync_dir(o->final_path);
  return true;
}

void er_output_abort(er_output *o) {
  unlink(o->temp_path);
  current_temp = NULL;
}

bool er_same_file(const char *a, const char *b) {
  struct stat sa, sb;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
