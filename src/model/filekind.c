#include "model/filekind.h"

#include <stddef.h>
#include <sys/stat.h>

static const char *kind_of(const struct stat *st) {
  if (S_ISREG(st->st_mode))
    return NULL;
  if (S_ISDIR(st->st_mode))
    return "目录";
  if (S_ISFIFO(st->st_mode))
    return "命名管道（FIFO）";
  if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
    return "设备文件";
  if (S_ISSOCK(st->st_mode))
    return "套接字";
  return "特殊文件";
}

const char *er_file_kind(int fd) {
  struct stat st;
  return fstat(fd, &st) == 0 ? kind_of(&st) : NULL;
}

const char *er_path_kind(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? kind_of(&st) : NULL;
}
