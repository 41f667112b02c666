/* Loading a template: reading NAME.tpl and its partials, checking every
 * marker with its line, and inlining the partials into one text. */
#include "view/tpl.h"

#include "model/filekind.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_INCLUDE_DEPTH 16
#define MAX_TEMPLATE_BYTES (4u << 20)
/* The template with its partials inlined: depth alone does not bound it, 15
 * partials that each include the next four times would make 4^15 copies. */
#define MAX_EXPANDED_BYTES (16u << 20)
#define MAX_INCLUDES 20000u

typedef struct buffer {
  char *data;
  size_t len, cap;
} buffer;

static void put(buffer *b, const char *s, size_t n) {
  if (!b->data || b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + n + 1)
      cap *= 2;
    b->data = realloc(b->data, cap);
    if (!b->data)
      abort();
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

static void puts_(buffer *b, const char *s) { put(b, s, strlen(s)); }

/* An open section, or the top level, and where its next marker goes. */
typedef struct scope {
  er_tpl_marker *section; /* NULL at the top */
  er_tpl_marker **tail;
} scope;

typedef struct loader {
  er_tpl *t;
  const char *const *dirs;
  size_t ndirs;
  er_tpl_notes *notes;
  buffer out;
  scope stack[256];
  size_t depth;                             /* open scopes, the top level included */
  const char *chain[MAX_INCLUDE_DEPTH + 1]; /* the files being read, outermost first */
  size_t nchain;
  size_t includes; /* partials inlined so far */
  bool failed;
  bool stop; /* over a limit: no more reading */
} loader;

static void fail(loader *L, const char *file, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fail(loader *L, const char *file, unsigned line, const char *fmt, ...) {
  char text[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  er_tpl_note_add(L->notes, file, line, true, "%s", text);
  L->failed = true;
}

/* Reads a whole file into the arena; NULL when it cannot be read, with the
 * reason in `why`. What is not a regular file (a FIFO would block) is not
 * read. */
static const char *read_file(er_arena *arena, const char *path, const char **why) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *why = "cannot read";
    return NULL;
  }
  const char *kind = er_file_kind(fd);
  FILE *f = kind ? NULL : fdopen(fd, "rb");
  if (!f) {
    close(fd);
    *why = kind ? kind : "cannot read";
    return NULL;
  }
  buffer b = {0};
  char chunk[8192];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= MAX_TEMPLATE_BYTES)
    put(&b, chunk, n);
  bool bad = ferror(f) != 0;
  fclose(f);
  const char *text = bad ? NULL : er_arena_strndup(arena, b.data ? b.data : "", b.len);
  free(b.data);
  *why = "cannot read";
  return text;
}

/* The path of NAME.tpl in the first directory that has it (whatever it is:
 * reading it says what is wrong with it). */
static const char *find_template(loader *L, const char *name) {
  for (size_t i = 0; i < L->ndirs; i++) {
    char *path = er_arena_printf(&L->t->arena, "%s/%s.tpl", L->dirs[i], name);
    struct stat st;
    if (stat(path, &st) == 0)
      return path;
  }
  return NULL;
}

static er_tpl_marker *add_marker(loader *L, er_tpl_kind kind, const char *name, size_t len,
                                 const char *file, unsigned line) {
  er_tpl_marker *m = er_arena_alloc(&L->t->arena, sizeof *m);
  m->kind = kind;
  m->name = er_arena_strndup(&L->t->arena, name, len);
  m->file = file;
  m->line = line;
  scope *top = &L->stack[L->depth - 1];
  *top->tail = m;
  top->tail = &m->next;
  return m;
}

static bool valid_name(const char *s, size_t len) {
  if (len == 0)
    return false;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  }
  return true;
}

static unsigned count_lines(const char *s, size_t n) {
  unsigned lines = 0;
  for (size_t i = 0; i < n; i++)
    lines += s[i] == '\n';
  return lines;
}

static void scan_file(loader *L, const char *path, const char *text);

static void include(loader *L, const char *name, const char *file, unsigned line) {
  const char *path = find_template(L, name);
  if (!path) {
    fail(L, file, line, "找不到局部模板“%s.tpl” (partial not found)", name);
    return;
  }
  for (size_t i = 0; i < L->nchain; i++)
    if (strcmp(L->chain[i], path) == 0) {
      fail(L, file, line, "局部模板“%s”包含了自身 (recursive partial)", name);
      return;
    }
  if (L->nchain >= MAX_INCLUDE_DEPTH) {
    fail(L, file, line, "局部模板嵌套过深：“%s” (partials nested too deep)", name);
    L->stop = true; /* once: the same chain would be reported at every include */
    return;
  }
  if (++L->includes > MAX_INCLUDES || L->out.len > MAX_EXPANDED_BYTES) {
    fail(L, file, line,
         "局部模板展开过多：超过 %u 次包含或 %u MB，“%s”是否反复包含了其他局部模板？ (partials "
         "expand too much)",
         MAX_INCLUDES, MAX_EXPANDED_BYTES >> 20, name);
    L->stop = true;
    return;
  }
  scan_file(L, path, NULL);
}

/* One marker: the text between {{ and }}. */
static void marker(loader *L, const char *file, unsigned line, const char *s, size_t len) {
  char name[256];
  char kind = len ? s[0] : '\0';
  if (kind == '!')
    return; /* a comment: dropped */
  if (kind == '%' || kind == '=') {
    fail(L, file, line, "不允许在模板中使用“{{%s}}”：转义由程序统一处理，分隔符固定为 {{ }}",
         kind == '%' ? "%…" : "=…=");
    return;
  }
  bool prefixed = kind == '#' || kind == '/' || kind == '>';
  const char *n = prefixed ? s + 1 : s;
  size_t nlen = prefixed ? len - 1 : len;
  snprintf(name, sizeof name, "%.*s", (int)(nlen < 200 ? nlen : 200), n);
  if (!valid_name(n, nlen)) {
    if (memchr(n, ':', nlen))
      fail(L, file, line, "标记“%s”带有修饰符：不允许使用修饰符，转义由程序统一处理", name);
    else
      fail(L, file, line,
           "标记名“%s”无效：只能由字母、数字和 _ 组成 (marker names are letters, digits and _)",
           name);
    return;
  }
  if (kind == '#') {
    if (L->depth == sizeof L->stack / sizeof L->stack[0]) {
      fail(L, file, line, "区段“%s”嵌套过深", name);
      return;
    }
    er_tpl_marker *m = add_marker(L, ER_TPL_SECTION, n, nlen, file, line);
    L->stack[L->depth++] = (scope){m, &m->children};
    put(&L->out, "{{#", 3);
  } else if (kind == '/') {
    scope *top = &L->stack[L->depth - 1];
    if (!top->section || top->section->file != file) {
      fail(L, file, line, "“{{/%s}}”没有对应的“{{#%s}}” (section closed but never opened)", name,
           name);
      return;
    }
    if (strcmp(top->section->name, name) != 0) {
      fail(L, file, line,
           "“{{/%s}}”关闭的不是当前区段“{{#%s}}”（第 %u 行） (mismatched section end)", name,
           top->section->name, top->section->line);
      /* when it closes an outer section of this file, close up to it: one error, not three */
      size_t k = L->depth - 1;
      while (k > 0 && L->stack[k].section && L->stack[k].section->file == file &&
             strcmp(L->stack[k].section->name, name) != 0)
        k--;
      if (k > 0 && L->stack[k].section && strcmp(L->stack[k].section->name, name) == 0)
        L->depth = k;
      return;
    }
    L->depth--;
    put(&L->out, "{{/", 3);
  } else if (kind == '>') {
    include(L, name, file, line);
    return;
  } else {
    add_marker(L, ER_TPL_VAR, n, nlen, file, line);
    put(&L->out, "{{", 2);
  }
  put(&L->out, n, nlen);
  put(&L->out, "}}", 2);
}

static void scan_file(loader *L, const char *path, const char *text) {
  const char *why = "cannot read";
  if (!text)
    text = read_file(&L->t->arena, path, &why);
  if (!text) {
    fail(L, path, 0, "无法读取模板文件 (%s)", why);
    return;
  }
  er_tpl_file *f = er_arena_alloc(&L->t->arena, sizeof *f);
  f->path = path;
  f->text = text;
  er_tpl_file **link = &L->t->files;
  while (*link)
    link = &(*link)->next;
  *link = f;

  L->chain[L->nchain++] = path;
  size_t base = L->depth;
  unsigned line = 1;
  const char *p = text;
  while (!L->stop) {
    const char *open = strstr(p, "{{");
    if (!open) {
      puts_(&L->out, p);
      break;
    }
    put(&L->out, p, (size_t)(open - p));
    line += count_lines(p, (size_t)(open - p));
    const char *close = strstr(open + 2, "}}");
    const char *nl = strchr(open + 2, '\n');
    bool comment = open[2] == '!';
    if (!close || (!comment && nl && nl < close)) {
      fail(L, path, line, "“{{”之后没有同一行的“}}” (unterminated marker)");
      break;
    }
    /* a triple mustache {{{X}}} would leave a stray brace: refuse it */
    if (open[2] == '{') {
      fail(L, path, line, "不允许使用“{{{”：值一律按 HTML 转义");
      break;
    }
    marker(L, path, line, open + 2, (size_t)(close - open - 2));
    line += count_lines(open, (size_t)(close - open));
    p = close + 2;
  }
  while (L->depth > base) {
    er_tpl_marker *m = L->stack[--L->depth].section;
    if (L->stop)
      continue; /* cut short: the sections are not the problem */
    er_tpl_note_add(L->notes, m->file, m->line, true,
                    "区段“{{#%s}}”在文件结束前没有关闭 (section never closed)", m->name);
    L->failed = true;
  }
  L->nchain--;
}

er_tpl *er_tpl_load(const char *const *dirs, size_t ndirs, const char *name, er_tpl_notes *notes) {
  er_tpl *t = calloc(1, sizeof *t);
  if (!t)
    abort();
  loader L = {.t = t, .dirs = dirs, .ndirs = ndirs, .notes = notes};
  t->name = er_arena_strndup(&t->arena, name, strlen(name));
  if (!valid_name(name, strlen(name))) {
    er_tpl_note_add(notes, name, 0, true,
                    "模板名只能由字母、数字和 _ 组成 (a template name is letters, digits, _)");
    er_tpl_free(t);
    return NULL;
  }
  t->path = find_template(&L, name);
  if (!t->path) {
    er_tpl_note_add(notes, name, 0, true, "找不到模板“%s.tpl”（查找了 %zu 个目录）", name, ndirs);
    er_tpl_free(t);
    return NULL;
  }
  L.stack[L.depth++] = (scope){NULL, &t->markers};
  scan_file(&L, t->path, NULL);
  if (L.failed) {
    free(L.out.data);
    er_tpl_free(t);
    return NULL;
  }
  t->len = L.out.len;
  t->text = er_arena_strndup(&t->arena, L.out.data ? L.out.data : "", L.out.len);
  free(L.out.data);
  return t;
}

void er_tpl_free(er_tpl *t) {
  if (!t)
    return;
  er_arena_free(&t->arena);
  free(t);
}

bool er_tpl_locate(const er_tpl *t, const char *needle, const char **file, unsigned *line) {
  for (const er_tpl_file *f = t->files; f; f = f->next) {
    const char *hit = strstr(f->text, needle);
    if (hit) {
      *file = f->path;
      *line = 1 + count_lines(f->text, (size_t)(hit - f->text));
      return true;
    }
  }
  return false;
}
