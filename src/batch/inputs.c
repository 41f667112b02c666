#include "batch/inputs.h"
#include "model/diag.h"

#include "pipeline/pipeline.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

bool er_inputs_is_data_name(const char *name) {
  static const char *const suffixes[] = {".yaml", ".yml", ".json"};
  size_t len = strlen(name);
  for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
    size_t n = strlen(suffixes[i]);
    if (len > n && strcasecmp(name + len - n, suffixes[i]) == 0)
      return true;
  }
  return false;
}

static bool same_as_added(const er_inputs *in, const struct stat *st) {
  for (size_t i = 0; i < in->count; i++)
    if (in->ids[i].known && in->ids[i].dev == (unsigned long long)st->st_dev &&
        in->ids[i].ino == (unsigned long long)st->st_ino)
      return true;
  return false;
}

/* Adds `path` (taking it) unless it names a file already added. */
static void push(er_inputs *in, char *path) {
  struct stat st;
  bool known = stat(path, &st) == 0;
  if (known && same_as_added(in, &st)) {
    free(path);
    return;
  }
  if (in->count == in->cap) {
    in->cap = in->cap ? 2 * in->cap : 16;
    char **paths = realloc(in->paths, in->cap * sizeof *paths);
    if (paths)
      in->paths = paths;
    er_input_id *ids = realloc(in->ids, in->cap * sizeof *ids);
    if (ids)
      in->ids = ids;
    if (!paths || !ids) {
      perror("evalreport batch");
      exit(1);
    }
  }
  in->ids[in->count] = (er_input_id){known ? (unsigned long long)st.st_dev : 0,
                                     known ? (unsigned long long)st.st_ino : 0, known};
  in->paths[in->count++] = path;
}

static char *join(const char *dir, const char *name) {
  size_t dlen = strlen(dir);
  while (dlen > 1 && dir[dlen - 1] == '/')
    dlen--;
  size_t size = dlen + 1 + strlen(name) + 1;
  char *p = malloc(size);
  if (!p) {
    perror("evalreport batch");
    exit(1);
  }
  snprintf(p, size, "%.*s/%s", (int)dlen, dir, name);
  return p;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool add_directory(er_inputs *in, const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    er_say("evalreport batch: 无法读取目录 %s：%s", dir, strerror(errno));
    return false;
  }
  char **names = NULL;
  size_t count = 0, cap = 0;
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.' || !er_inputs_is_data_name(e->d_name))
      continue;
    char *path = join(dir, e->d_name);
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
      free(path);
      continue;
    }
    if (count == cap) {
      cap = cap ? 2 * cap : 64;
      char **grown = realloc(names, cap * sizeof *grown);
      if (!grown) {
        perror("evalreport batch");
        exit(1);
      }
      names = grown;
    }
    names[count++] = path;
  }
  closedir(d);
  if (count)
    qsort(names, count, sizeof *names, by_name);
  for (size_t i = 0; i < count; i++)
    push(in, names[i]);
  free(names);
  return true;
}

bool er_inputs_add(er_inputs *in, const char *path) {
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    return add_directory(in, path);
  /* a missing or unreadable file is still an input: it fails with its reason */
  char *copy = strdup(path);
  if (!copy) {
    perror("evalreport batch");
    exit(1);
  }
  push(in, copy);
  return true;
}

typedef struct base_entry {
  char base[1024];
  size_t index;
} base_entry;

static int by_base(const void *a, const void *b) {
  const base_entry *x = a, *y = b;
  int c = strcmp(x->base, y->base);
  return c ? c : (x->index > y->index) - (x->index < y->index);
}

bool er_inputs_unique_bases(const er_inputs *in) {
  if (in->count < 2)
    return true;
  base_entry *e = malloc(in->count * sizeof *e);
  if (!e) {
    perror("evalreport batch");
    exit(1);
  }
  for (size_t i = 0; i < in->count; i++) {
    er_render_base(in->paths[i], e[i].base, sizeof e[i].base);
    e[i].index = i;
  }
  qsort(e, in->count, sizeof *e, by_base);
  bool ok = true;
  for (size_t i = 1; i < in->count && ok; i++)
    if (strcmp(e[i - 1].base, e[i].base) == 0) {
      er_say("evalreport batch: %s 与 %s 的输出同名（%s.*），请改名或分开处理 "
             "(two inputs would write the same outputs)",
             in->paths[e[i - 1].index], in->paths[e[i].index], e[i].base);
      ok = false;
    }
  free(e);
  return ok;
}

void er_inputs_free(er_inputs *in) {
  for (size_t i = 0; i < in->count; i++)
    free(in->paths[i]);
  free(in->paths);
  free(in->ids);
  memset(in, 0, sizeof *in);
}
