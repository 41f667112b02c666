/* Watching what a preview depends on with inotify: the data file (through
 * its directory, so editors that save by renaming a new file over the old
 * one are seen too) and template directories with their subdirectories. */
#ifndef ER_SERVE_WATCH_H
#define ER_SERVE_WATCH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct er_watched {
  int wd;
  char *path; /* the directory */
  char *name; /* the file that matters in it, or NULL for any file */
} er_watched;

typedef struct er_watch {
  int fd; /* to poll */
  er_watched *items;
  size_t count, cap;
} er_watch;

/* Starts watching `data_file` (the path given and, when it is a symbolic
 * link, the file it points to). Returns false with a message on stderr. */
bool er_watch_open(er_watch *w, const char *data_file);
/* Also watches every file under `dir`, up to a few levels deep. */
void er_watch_tree(er_watch *w, const char *dir);
enum {
  ER_WATCH_NONE = 0,
  ER_WATCH_CHANGED = 1, /* a watched file changed (a save may be under way) */
  ER_WATCH_SAVED = 2,   /* a save is complete: closed after writing, or renamed into place */
};
/* Reads the pending events: what they say of the watched files, a set of
 * ER_WATCH_ bits. */
int er_watch_drain(er_watch *w);
void er_watch_close(er_watch *w);

#endif
