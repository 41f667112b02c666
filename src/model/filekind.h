/* What a path is when it is not a regular file: a data file, template or
 * style profile that is a directory, a FIFO or a device would make a read
 * wait forever or fail without a reason, so it is refused before reading. */
#ifndef ER_FILEKIND_H
#define ER_FILEKIND_H

/* NULL when the open file `fd` is a regular file, else what it is, in
 * Chinese ("目录", "命名管道（FIFO）", …), for a message. */
const char *er_file_kind(int fd);

/* The same for a path (following symbolic links); NULL too when it cannot
 * be examined, so that opening it reports why. */
const char *er_path_kind(const char *path);

#endif
