#include "cli/output.h"

#include <errno.h>
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

bool er_output_begin(er_output *o, const char *dir, const char *name) {
  if (!make_dirs(dir)) {
    fprintf(stderr, "evalreport: 无法创建输出目录 %s：%s\n", dir, strerror(errno));
    return false;
  }
  if (snprintf(o->final_path, sizeof o->final_path, "%s/%s", dir, name) >=
          (int)sizeof o->final_path ||
      snprintf(o->temp_path, sizeof o->temp_path, "%s/.%s.XXXXXX", dir, name) >=
          (int)sizeof o->temp_path) {
    fprintf(stderr, "evalreport: 输出路径过长：%s/%s\n", dir, name);
    return false;
  }
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
