#include "pipeline/output.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
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

bool er_output_begin(er_output *o, const char *dir, const char *name) {
  if (!make_dirs(dir)) {
    fprintf(stderr, "evalreport: 无法创建输出目录 %s：%s\n", dir, strerror(errno));
    return false;
  }
  if (snprintf(o->final_path, sizeof o->final_path, "%s/%s", dir, name) >=
          (int)sizeof o->final_path ||
      snprintf(o->temp_path, sizeof o->temp_path, "%s/.%s.%ld.XXXXXX", dir, name, (long)getpid()) >=
          (int)sizeof o->temp_path) {
    fprintf(stderr, "evalreport: 输出路径过长：%s/%s\n", dir, name);
    return false;
  }
  remove_stale_temps(dir, name);
  int fd = mkstemp(o->temp_path);
  if (fd < 0) {
    fprintf(stderr, "evalreport: 无法写入 %s：%s\n", dir, strerror(errno));
    return false;
  }
  fchmod(fd, 0644);
  close(fd);
  return true;
}

bool er_output_commit(er_output *o) {
  if (rename(o->temp_path, o->final_path) != 0) {
    fprintf(stderr, "evalreport: 无法写入 %s：%s\n", o->final_path, strerror(errno));
    unlink(o->temp_path);
    return false;
  }
  return true;
}

void er_output_abort(er_output *o) { unlink(o->temp_path); }

bool er_same_file(const char *a, const char *b) {
  struct stat sa, sb;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
