#include "serve/watch.h"

#include "model/text.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define TREE_DEPTH 4
#define MASK                                                                                       \
  (IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |  \
   IN_DELETE_SELF | IN_MOVE_SELF)

static char *xstrdup(const char *s) {
  char *d = strdup(s);
  if (!d) {
    perror("evalreport serve");
    exit(1);
  }
  return d;
}

static bool add(er_watch *w, const char *dir, const char *name) {
  for (size_t i = 0; i < w->count; i++)
    if (strcmp(w->items[i].path, dir) == 0 &&
        ((!name && !w->items[i].name) ||
         (name && w->items[i].name && strcmp(name, w->items[i].name) == 0)))
      return true;
  int wd = inotify_add_watch(w->fd, dir, MASK);
  if (wd < 0) {
    char *shown = er_term_text(dir);
    fprintf(stderr, "evalreport serve: 无法监视 %s：%s (cannot watch)\n", shown ? shown : dir,
            strerror(errno));
    free(shown);
    return false;
  }
  if (w->count == w->cap) {
    w->cap = w->cap ? 2 * w->cap : 8;
    er_watched *grown = realloc(w->items, w->cap * sizeof *grown);
    if (!grown) {
      perror("evalreport serve");
      exit(1);
    }
    w->items = grown;
  }
  w->items[w->count++] = (er_watched){wd, xstrdup(dir), name ? xstrdup(name) : NULL};
  return true;
}

static bool add_file(er_watch *w, const char *path) {
  char d[PATH_MAX], n[PATH_MAX];
  snprintf(d, sizeof d, "%s", path);
  snprintf(n, sizeof n, "%s", path);
  return add(w, dirname(d), basename(n));
}

bool er_watch_open(er_watch *w, const char *data_file) {
  *w = (er_watch){.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)};
  if (w->fd < 0) {
    fprintf(stderr, "evalreport serve: inotify：%s\n", strerror(errno));
    return false;
  }
  if (!add_file(w, data_file))
    return false;
  char real[PATH_MAX];
  if (realpath(data_file, real))
    add_file(w, real);
  return true;
}

static void tree(er_watch *w, const char *dir, int depth) {
  if (!add(w, dir, NULL) || depth >= TREE_DEPTH)
    return;
  DIR *d = opendir(dir);
  if (!d)
    return;
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.')
      continue;
    char path[PATH_MAX];
    struct stat st;
    if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < (int)sizeof path &&
        stat(path, &st) == 0 && S_ISDIR(st.st_mode))
      tree(w, path, depth + 1);
  }
  closedir(d);
}

void er_watch_tree(er_watch *w, const char *dir) { tree(w, dir, 0); }

/* What one event means for the entries watching its directory (several
 * entries share a descriptor when they watch the same directory). */
static bool event_matters(er_watch *w, const struct inotify_event *e) {
  bool relevant = false, new_dir = false;
  char path[PATH_MAX] = "";
  for (size_t i = 0; i < w->count; i++) {
    const er_watched *it = &w->items[i];
    if (it->wd != e->wd)
      continue;
    if (it->name) {
      relevant = relevant || (e->len && strcmp(e->name, it->name) == 0);
      continue;
    }
    /* a template directory: any change but hidden files; and new subdirectories */
    if (e->len && e->name[0] == '.')
      continue;
    relevant = true;
    if ((e->mask & (IN_CREATE | IN_MOVED_TO)) && (e->mask & IN_ISDIR) && e->len && !new_dir)
      new_dir = snprintf(path, sizeof path, "%s/%s", it->path, e->name) < (int)sizeof path;
  }
  if (new_dir)
    tree(w, path, 1);
  return relevant;
}

/* A writer closed the file, or a new file was renamed onto it: a save is
 * complete, not under way. */
#define SAVED (IN_CLOSE_WRITE | IN_MOVED_TO)

int er_watch_drain(er_watch *w) {
  int what = ER_WATCH_NONE;
  char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
  for (;;) {
    ssize_t n = read(w->fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    for (char *p = buf; p < buf + n;) {
      const struct inotify_event *e = (const struct inotify_event *)p;
      p += sizeof *e + e->len;
      if (e->mask & IN_Q_OVERFLOW)
        what |= ER_WATCH_CHANGED;
      else if (event_matters(w, e))
        what |= (e->mask & SAVED) && !(e->mask & IN_ISDIR) ? ER_WATCH_SAVED : ER_WATCH_CHANGED;
    }
  }
  return what;
}

void er_watch_close(er_watch *w) {
  if (w->fd >= 0)
    close(w->fd);
  for (size_t i = 0; i < w->count; i++) {
    free(w->items[i].path);
    free(w->items[i].name);
  }
  free(w->items);
  *w = (er_watch){.fd = -1};
}
