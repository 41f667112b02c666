/* The loader: a data file → er_eval, along the shape tables of shape.c.
 *
 * It never stops at the first problem: every finding goes into the
 * diagnostics with its line and column, and whatever could be read is kept,
 * so `check` can report everything in one run. */
#include "model/load.h"

#include "model/shape.h"
#include "model/text.h"

#include <errno.h>
#include <libfyaml.h>
#include <stdlib.h>
#include <string.h>

/* Exported by libfyaml 0.7 but missing from its header. */
void fy_diag_set_collect_errors(struct fy_diag *diag, bool collect);

#define MAX_FILE_SIZE (64u << 20)
#define MAX_INDICATOR_DEPTH 4

typedef struct loader {
  er_eval *ev;
  er_diag *d;
  int indicator_depth;
} loader;

static void load_object(loader *L, struct fy_node *map, const er_shape *shape, void *obj,
                        er_pos pos);

/* ---- positions and scalars ---- */

static er_pos mark_pos(const struct fy_mark *m) {
  return m ? (er_pos){(uint32_t)m->line + 1, (uint32_t)m->column + 1} : (er_pos){0, 0};
}

/* A scalar's own position; collections have none in libfyaml 0.7, so the
 * caller's (the key's) position stands in for them. */
static er_pos node_pos(struct fy_node *n, er_pos fallback) {
  if (n && fy_node_is_scalar(n)) {
    struct fy_token *t = fy_node_get_scalar_token(n);
    if (t) {
      er_pos pos = mark_pos(fy_token_start_mark(t));
      if (fy_node_is_alias(n) && pos.col > 1)
        pos.col--; /* an alias token starts after its '*' */
      return pos;
    }
  }
  if (n && fy_node_is_mapping(n)) {
    void *it = NULL;
    struct fy_node_pair *p = fy_node_mapping_iterate(n, &it);
    if (p)
      return node_pos(fy_node_pair_key(p), fallback);
  }
  return fallback;
}

/* YAML's null: an empty plain scalar, ~ or null. */
static bool is_null(struct fy_node *n) {
  if (!n)
    return true;
  if (!fy_node_is_scalar(n) || fy_node_get_style(n) != FYNS_PLAIN)
    return false;
  size_t len;
  const char *s = fy_node_get_scalar(n, &len);
  return len == 0 || (len == 1 && s[0] == '~') || (len == 4 && memcmp(s, "null", 4) == 0);
}

static const char *type_name(struct fy_node *n) {
  if (fy_node_is_mapping(n))
    return "映射";
  if (fy_node_is_sequence(n))
    return "列表";
  return "标量";
}

static bool expect(loader *L, struct fy_node *n, enum fy_node_type type, const char *key, er_pos at,
                   const char *what) {
  if (fy_node_get_type(n) == type)
    return true;
  er_error(L->d, node_pos(n, at), "type", "“%s”应为%s，这里是%s", key, what, type_name(n));
  return false;
}

static const char *scalar_dup(loader *L, struct fy_node *n, size_t *lenp) {
  size_t len;
  const char *s = fy_node_get_scalar(n, &len);
  if (lenp)
    *lenp = len;
  return er_arena_strndup(&L->ev->arena, s ? s : "", s ? len : 0);
}

/* ---- scalar fields ---- */

static void load_text(loader *L, struct fy_node *n, const char *key, er_text *out, er_pos at) {
  if (!expect(L, n, FYNT_SCALAR, key, at, "文字"))
    return;
  out->pos = node_pos(n, at);
  out->s = scalar_dup(L, n, NULL);
}

/* Parses a number, as written ("98.42%", "1,5" is refused) into out. */
static void load_num(loader *L, struct fy_node *n, const char *key, unsigned flags, er_num *out,
                     er_pos at) {
  if (!expect(L, n, FYNT_SCALAR, key, at, "数字"))
    return;
  size_t len;
  const char *s = fy_node_get_scalar(n, &len);
  er_pos pos = node_pos(n, at);
  out->pos = pos; /* where it stands even if rejected (set stays false) */
  const char *text = er_arena_strndup(&L->ev->arena, s, len);
  while (len > 0 && s[len - 1] == ' ')
    len--;
  bool percent = false;
  if (len > 0 && s[len - 1] == '%') {
    if (!(flags & ER_PERCENT)) {
      er_error(L->d, pos, "type", "“%s”应为数字，不带百分号：%s", key, text);
      return;
    }
    percent = true;
    len--;
  }
  er_dec v;
  switch (er_dec_parse(s, len, &v)) {
  case ER_DEC_OK:
    break;
  case ER_DEC_TOO_LARGE:
    er_error(L->d, pos, "number-range", "“%s”的数值过大：%s（整数部分最多 %d 位）", key, text,
             ER_DEC_INT_DIGITS);
    return;
  case ER_DEC_TOO_PRECISE:
    er_error(L->d, pos, "number-precision", "“%s”的小数位过多：%s（最多 %d 位小数）", key, text,
             ER_DEC_PLACES);
    return;
  default:
    er_error(L->d, pos, "type", "“%s”应为数字，这里是“%s”", key, text);
    return;
  }
  if ((flags & ER_INTEGER) && !er_dec_is_integer(v)) {
    er_error(L->d, pos, "type", "“%s”应为整数，这里是 %s", key, text);
    return;
  }
  if ((flags & ER_NONNEG) && v.units < 0) {
    er_error(L->d, pos, "negative", "“%s”不能为负数：%s", key, text);
    return;
  }
  *out = (er_num){v, pos, true, percent};
}

static void load_flag(loader *L, struct fy_node *n, const char *key, er_flag *out, er_pos at) {
  if (!expect(L, n, FYNT_SCALAR, key, at, "true 或 false"))
    return;
  size_t len;
  const char *s = fy_node_get_scalar(n, &len);
  er_pos pos = node_pos(n, at);
  if (len == 4 && memcmp(s, "true", 4) == 0)
    *out = (er_flag){true, pos, true};
  else if (len == 5 && memcmp(s, "false", 5) == 0)
    *out = (er_flag){false, pos, true};
  else
    er_error(L->d, pos, "type", "“%s”应为 true 或 false，这里是“%.*s”", key, (int)len, s);
}

static void load_date(loader *L, struct fy_node *n, const char *key, er_date *out, er_pos at) {
  if (!expect(L, n, FYNT_SCALAR, key, at, "日期"))
    return;
  const char *s = scalar_dup(L, n, NULL);
  er_pos pos = node_pos(n, at);
  int y, m, d = 0, used = 0;
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool ok = (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 ||
             (d = 0, sscanf(s, "%4d-%2d%n", &y, &m, &used) == 2)) &&
            s[used] == '\0' && y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 0 &&
            d <= days[m - 1];
  if (!ok) {
    er_error(L->d, pos, "date", "“%s”应为日期，如 2019-12 或 2019-12-31，这里是“%s”", key, s);
    return;
  }
  *out = (er_date){y, m, d, pos, true};
}

static void load_choice(loader *L, struct fy_node *n, const er_field *f, er_choice *out,
                        er_pos at) {
  er_text t = {0};
  load_text(L, n, f->key, &t, at);
  if (!t.s)
    return;
  out->text = t; /* given, even if not one of the choices */
  for (int i = 0; f->choices[i]; i++)
    if (strcmp(t.s, f->choices[i]) == 0) {
      out->index = i;
      return;
    }
  char list[512] = "";
  for (int i = 0; f->choices[i]; i++)
    snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? "、" : "", f->choices[i]);
  const char *near = er_nearest(t.s, f->choices);
  if (near)
    er_error(L->d, t.pos, "bad-value", "“%s”的值“%s”无效，是否为“%s”？可选：%s", f->key, t.s, near,
             list);
  else
    er_error(L->d, t.pos, "bad-value", "“%s”的值“%s”无效，可选：%s", f->key, t.s, list);
}

/* ---- composite fields ---- */

static void add_paragraphs(loader *L, er_section *sec, const char *s) {
  size_t n;
  const char **split = er_paragraphs(&L->ev->arena, s, &n);
  er_text *paras = er_arena_alloc(&L->ev->arena, (sec->paras.count + n + 1) * sizeof *paras);
  if (sec->paras.count)
    memcpy(paras, sec->paras.items, sec->paras.count * sizeof *paras);
  for (size_t i = 0; i < n; i++)
    paras[sec->paras.count + i].s = split[i];
  sec->paras.items = paras;
  sec->paras.count += n;
}

/* Paragraphs: a string, a list of strings, or a list of {title, text}. */
static void load_prose(loader *L, struct fy_node *n, const char *key, er_prose *out, er_pos at) {
  er_pos pos = node_pos(n, at);
  out->pos = pos;
  if (fy_node_is_scalar(n)) {
    out->items = er_arena_alloc(&L->ev->arena, sizeof *out->items);
    out->count = 1;
    out->items[0].paras.pos = pos;
    add_paragraphs(L, &out->items[0], scalar_dup(L, n, NULL));
    for (size_t i = 0; i < out->items[0].paras.count; i++)
      out->items[0].paras.items[i].pos = pos;
    return;
  }
  if (!expect(L, n, FYNT_SEQUENCE, key, at, "文字或文字列表"))
    return;
  size_t cap = (size_t)fy_node_sequence_item_count(n);
  out->items = er_arena_alloc(&L->ev->arena, (cap ? cap : 1) * sizeof *out->items);
  void *it = NULL;
  struct fy_node *item;
  while ((item = fy_node_sequence_iterate(n, &it))) {
    er_pos ipos = node_pos(item, pos);
    if (fy_node_is_scalar(item)) {
      /* consecutive strings form one untitled section */
      if (out->count == 0 || out->items[out->count - 1].title.s)
        out->items[out->count++].paras.pos = ipos;
      er_section *sec = &out->items[out->count - 1];
      size_t before = sec->paras.count;
      add_paragraphs(L, sec, scalar_dup(L, item, NULL));
      for (size_t i = before; i < sec->paras.count; i++)
        sec->paras.items[i].pos = ipos;
    } else if (fy_node_is_mapping(item)) {
      er_section *sec = &out->items[out->count++];
      sec->paras.pos = ipos;
      void *pit = NULL;
      struct fy_node_pair *p;
      while ((p = fy_node_mapping_iterate(item, &pit))) {
        size_t klen;
        const char *k = fy_node_get_scalar(fy_node_pair_key(p), &klen);
        struct fy_node *v = fy_node_pair_value(p);
        er_pos kpos = node_pos(fy_node_pair_key(p), ipos);
        if (k && klen == 5 && memcmp(k, "title", 5) == 0)
          load_text(L, v, "title", &sec->title, kpos);
        else if (k && klen == 4 && memcmp(k, "text", 4) == 0 && fy_node_is_scalar(v)) {
          add_paragraphs(L, sec, scalar_dup(L, v, NULL));
          for (size_t i = 0; i < sec->paras.count; i++)
            sec->paras.items[i].pos = node_pos(v, kpos);
        } else
          er_error(L->d, kpos, "unknown-key",
                   "“%s”中的段落只能有 title 和 text（文字），这里是“%.*s”", key, (int)klen,
                   k ? k : "");
      }
    } else
      er_error(L->d, ipos, "type", "“%s”的每一项应为文字或 {title, text}", key);
  }
}

static void load_named_nums(loader *L, struct fy_node *n, const char *key, unsigned flags,
                            er_named_nums *out, er_pos at) {
  if (!expect(L, n, FYNT_MAPPING, key, at, "映射（名称: 数值）"))
    return;
  out->pos = node_pos(n, at);
  size_t cap = (size_t)fy_node_mapping_item_count(n);
  out->items = er_arena_alloc(&L->ev->arena, (cap ? cap : 1) * sizeof *out->items);
  void *it = NULL;
  struct fy_node_pair *p;
  while ((p = fy_node_mapping_iterate(n, &it))) {
    er_named_num *e = &out->items[out->count];
    load_text(L, fy_node_pair_key(p), key, &e->name, out->pos);
    if (!e->name.s)
      continue;
    if (is_null(fy_node_pair_value(p))) {
      er_error(L->d, e->name.pos, "missing-value", "“%s”中的“%s”缺少数值", key, e->name.s);
      continue;
    }
    load_num(L, fy_node_pair_value(p), e->name.s, flags, &e->value, e->name.pos);
    if (e->value.set)
      out->count++;
  }
}

static void load_num_list(loader *L, struct fy_node *n, const er_field *f, void *slot, er_pos at) {
  ER_LIST(er_num) *out = slot;
  if (!expect(L, n, FYNT_SEQUENCE, f->key, at, "数字列表"))
    return;
  out->pos = node_pos(n, at);
  size_t cap = (size_t)fy_node_sequence_item_count(n);
  out->items = er_arena_alloc(&L->ev->arena, (cap ? cap : 1) * sizeof *out->items);
  void *it = NULL;
  struct fy_node *item;
  while ((item = fy_node_sequence_iterate(n, &it))) {
    load_num(L, item, f->key, f->flags & ~ER_REQUIRED, &out->items[out->count], out->pos);
    if (out->items[out->count].set)
      out->count++;
  }
}

/* A list of objects of one shape. Each element is allocated in place. */
static void load_list(loader *L, struct fy_node *n, const er_field *f, void *slot, er_pos at) {
  struct raw_list {
    void *items;
    size_t count;
    er_pos pos;
  } *out = slot;
  if (!expect(L, n, FYNT_SEQUENCE, f->key, at, "列表"))
    return;
  out->pos = node_pos(n, at);
  size_t cap = (size_t)fy_node_sequence_item_count(n);
  char *items = er_arena_alloc(&L->ev->arena, (cap ? cap : 1) * f->shape->size);
  out->items = items;
  bool tree = f->shape == &er_indicator_shape;
  if (tree && ++L->indicator_depth > MAX_INDICATOR_DEPTH) {
    er_error(L->d, out->pos, "depth", "指标体系最多 %d 级，这里是第 %d 级", MAX_INDICATOR_DEPTH,
             L->indicator_depth);
    L->indicator_depth--;
    return;
  }
  void *it = NULL;
  struct fy_node *item;
  while ((item = fy_node_sequence_iterate(n, &it))) {
    er_pos ipos = node_pos(item, out->pos);
    if (!fy_node_is_mapping(item)) {
      er_error(L->d, ipos, "type", "“%s”的每一项应为映射（%s），这里是%s", f->key, f->shape->name,
               type_name(item));
      continue;
    }
    load_object(L, item, f->shape, items + out->count * f->shape->size, ipos);
    out->count++;
  }
  if (tree)
    L->indicator_depth--;
}

static void load_bands(loader *L, struct fy_node *n, const char *key, er_bands *out, er_pos at) {
  er_field f = {key, ER_F_LIST, 0, 0, &er_band_shape, NULL, NULL};
  load_list(L, n, &f, out, at);
}

/* levels / bands: a scale's name, an inline judgement scale or a band table. */
static void load_scale_ref(loader *L, struct fy_node *n, const char *key, er_scale_ref *out,
                           er_pos at) {
  out->pos = node_pos(n, at);
  out->set = true;
  if (fy_node_is_scalar(n))
    load_text(L, n, key, &out->name, at);
  else if (fy_node_is_mapping(n))
    load_named_nums(L, n, key, ER_PERCENT | ER_NONNEG, &out->levels, at);
  else
    load_bands(L, n, key, &out->bands, at);
}

static void load_scales(loader *L, struct fy_node *n, const char *key, void *slot, er_pos at) {
  ER_LIST(er_scale) *out = slot;
  if (!expect(L, n, FYNT_MAPPING, key, at, "映射（名称: 分档表或等级）"))
    return;
  out->pos = node_pos(n, at);
  size_t cap = (size_t)fy_node_mapping_item_count(n);
  out->items = er_arena_alloc(&L->ev->arena, (cap ? cap : 1) * sizeof *out->items);
  void *it = NULL;
  struct fy_node_pair *p;
  while ((p = fy_node_mapping_iterate(n, &it))) {
    er_scale *s = &out->items[out->count];
    load_text(L, fy_node_pair_key(p), key, &s->name, out->pos);
    if (!s->name.s)
      continue;
    s->pos = s->name.pos;
    struct fy_node *v = fy_node_pair_value(p);
    if (fy_node_is_mapping(v))
      load_named_nums(L, v, s->name.s, ER_PERCENT | ER_NONNEG, &s->levels, s->pos);
    else if (fy_node_is_sequence(v))
      load_bands(L, v, s->name.s, &s->bands, s->pos);
    else {
      er_error(L->d, s->pos, "type", "scales 中的“%s”应为分档表（列表）或等级（映射）", s->name.s);
      continue;
    }
    out->count++;
  }
}

static void load_value(loader *L, struct fy_node *n, const er_field *f, void *slot, er_pos at) {
  switch (f->type) {
  case ER_F_TEXT:
    load_text(L, n, f->key, slot, at);
    break;
  case ER_F_NUM:
    load_num(L, n, f->key, f->flags, slot, at);
    break;
  case ER_F_FLAG:
    load_flag(L, n, f->key, slot, at);
    break;
  case ER_F_DATE:
    load_date(L, n, f->key, slot, at);
    break;
  case ER_F_CHOICE:
    load_choice(L, n, f, slot, at);
    break;
  case ER_F_PROSE:
    load_prose(L, n, f->key, slot, at);
    break;
  case ER_F_NAMED_NUMS:
    load_named_nums(L, n, f->key, f->flags & ~ER_REQUIRED, slot, at);
    break;
  case ER_F_NUM_LIST:
    load_num_list(L, n, f, slot, at);
    break;
  case ER_F_OBJECT:
    if (expect(L, n, FYNT_MAPPING, f->key, at, "映射"))
      load_object(L, n, f->shape, slot, at);
    break;
  case ER_F_LIST:
    load_list(L, n, f, slot, at);
    break;
  case ER_F_SCALE_REF:
    load_scale_ref(L, n, f->key, slot, at);
    break;
  case ER_F_SCALES:
    load_scales(L, n, f->key, slot, at);
    break;
  }
}

static void unknown_key(loader *L, const er_shape *shape, const char *key, er_pos pos) {
  const char *names[64];
  size_t n = 0;
  for (const er_field *f = shape->fields; f->key && n < 63; f++)
    names[n++] = f->key;
  names[n] = NULL;
  const char *near = er_nearest(key, names);
  if (near)
    er_error(L->d, pos, "unknown-key", "未知字段“%s”（%s），是否为“%s”？", key, shape->name, near);
  else
    er_error(L->d, pos, "unknown-key", "未知字段“%s”（%s）", key, shape->name);
}

static void load_object(loader *L, struct fy_node *map, const er_shape *shape, void *obj,
                        er_pos pos) {
  *(er_pos *)((char *)obj + shape->pos_offset) = pos;
  for (const er_field *f = shape->fields; f->key; f++)
    if (f->type == ER_F_CHOICE)
      ((er_choice *)((char *)obj + f->offset))->index = -1;
  uint64_t seen = 0;
  void *it = NULL;
  struct fy_node_pair *p;
  while ((p = fy_node_mapping_iterate(map, &it))) {
    struct fy_node *k = fy_node_pair_key(p), *v = fy_node_pair_value(p);
    er_pos kpos = node_pos(k, pos);
    if (!fy_node_is_scalar(k)) {
      er_error(L->d, kpos, "type", "字段名应为文字");
      continue;
    }
    size_t klen;
    const char *key = fy_node_get_scalar(k, &klen);
    const er_field *f = er_shape_field(shape, key, klen);
    if (!f) {
      unknown_key(L, shape, er_arena_strndup(&L->ev->arena, key, klen), kpos);
      continue;
    }
    seen |= UINT64_C(1) << (f - shape->fields);
    if (is_null(v)) {
      if (f->flags & ER_REQUIRED)
        er_error(L->d, kpos, "missing-value", "“%s”不能为空（%s）", f->key, shape->name);
      continue;
    }
    load_value(L, v, f, (char *)obj + f->offset, kpos);
  }
  for (const er_field *f = shape->fields; f->key; f++)
    if ((f->flags & ER_REQUIRED) && !(seen & (UINT64_C(1) << (f - shape->fields))))
      er_error(L->d, pos, "missing-key", "%s缺少必填字段“%s”", shape->name, f->key);
}

/* ---- the file ---- */

/* Rejects what is not a UTF-8 text file before YAML sees it, with the exact
 * place of the first bad byte. Returns the offset to start parsing at (past
 * a byte-order mark), or -1. */
static long check_text(er_diag *d, const unsigned char *s, size_t len) {
  size_t start = (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) ? 3 : 0;
  uint32_t line = 1, col = 1;
  for (size_t i = start; i < len;) {
    size_t n = er_utf8_valid_prefix(s + i, len - i);
    if (n == 0) {
      if (s[i] == 0)
        er_error(d, ((er_pos){line, col}), "binary", "文件含有 NUL 字节，不是文本文件");
      else
        er_error(d, ((er_pos){line, col}), "utf8",
                 "无效的 UTF-8 字节 0x%02X：请以 UTF-8 编码保存文件", s[i]);
      return -1;
    }
    if (s[i] == '\n') {
      line++;
      col = 1;
    } else if ((s[i] & 0xC0) != 0x80)
      col++;
    i += n;
  }
  return (long)start;
}

static char *read_file(const char *path, size_t *len, er_diag *d) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    er_error(d, ((er_pos){0, 0}), "io", "无法打开文件：%s", strerror(errno));
    return NULL;
  }
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n > MAX_FILE_SIZE)
      break;
    if (n == cap) {
      char *bigger = realloc(buf, cap *= 2);
      if (!bigger) {
        free(buf);
        buf = NULL;
      }
      buf = bigger;
    }
  }
  bool failed = ferror(f);
  fclose(f);
  if (!buf || failed) {
    free(buf);
    er_error(d, ((er_pos){0, 0}), "io", "读取文件失败");
    return NULL;
  }
  if (n > MAX_FILE_SIZE) {
    free(buf);
    er_error(d, ((er_pos){0, 0}), "too-large", "文件超过 %u MB，不像是一个评价数据文件",
             MAX_FILE_SIZE >> 20);
    return NULL;
  }
  *len = n;
  return buf;
}

/* Reports aliases, which the format does not use: expanding them is how a
 * few lines of YAML grow into gigabytes. */
static bool find_alias(er_diag *d, struct fy_node *n, int depth) {
  if (!n || depth > 256)
    return false;
  if (fy_node_is_alias(n)) {
    er_error(d, node_pos(n, (er_pos){0, 0}), "alias",
             "不支持 YAML 别名（*…）：请直接写出内容，共用的分档表写在 scales 中");
    return true;
  }
  void *it = NULL;
  if (fy_node_is_sequence(n)) {
    struct fy_node *item;
    while ((item = fy_node_sequence_iterate(n, &it)))
      if (find_alias(d, item, depth + 1))
        return true;
  } else if (fy_node_is_mapping(n)) {
    struct fy_node_pair *p;
    while ((p = fy_node_mapping_iterate(n, &it)))
      if (find_alias(d, fy_node_pair_key(p), depth + 1) ||
          find_alias(d, fy_node_pair_value(p), depth + 1))
        return true;
  }
  return false;
}

static struct fy_document *parse_yaml(const char *text, size_t len, er_diag *d) {
  struct fy_diag_cfg dcfg;
  fy_diag_cfg_default(&dcfg);
  dcfg.fp = NULL;
  dcfg.colorize = false;
  struct fy_diag *diag = fy_diag_create(&dcfg);
  if (!diag)
    abort();
  fy_diag_set_collect_errors(diag, true);
  struct fy_parse_cfg cfg = {.flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2, .diag = diag};
  struct fy_document *doc = fy_document_build_from_string(&cfg, text, len);
  void *it = NULL;
  struct fy_diag_error *e;
  bool reported = false;
  while ((e = fy_diag_errors_iterate(diag, &it))) {
    if (e->type < FYET_ERROR)
      continue;
    er_error(d, ((er_pos){(uint32_t)e->line, (uint32_t)e->column}), "syntax", "YAML 语法错误：%s",
             e->msg);
    reported = true;
  }
  if (!doc && !reported)
    er_error(d, ((er_pos){0, 0}), "syntax", "YAML 语法错误");
  fy_diag_destroy(diag);
  if (doc && reported) {
    fy_document_destroy(doc);
    doc = NULL;
  }
  return doc;
}

er_eval *er_load(const char *path, er_diag *d) {
  er_eval *ev = calloc(1, sizeof *ev);
  if (!ev)
    abort();
  ev->file = path;
  ev->kind.index = -1;
  size_t len = 0;
  char *text = read_file(path, &len, d);
  if (!text)
    return ev;
  long start = check_text(d, (const unsigned char *)text, len);
  bool blank = start >= 0 && er_is_blank(text + start, len - (size_t)start);
  if (blank)
    er_error(d, ((er_pos){0, 0}), "empty",
             "文件是空的：请参照 docs/data-format.md 中的完整示例填写");
  /* the document points into text: free text only after it */
  struct fy_document *doc =
      start < 0 || blank ? NULL : parse_yaml(text + start, len - (size_t)start, d);
  if (!doc) {
    free(text);
    return ev;
  }
  struct fy_node *root = fy_document_root(doc);
  if (!root || !fy_node_is_mapping(root))
    er_error(d, node_pos(root, (er_pos){1, 1}), "type",
             "文件顶层应为映射（evalreport: 1、project: …），这里是%s",
             root ? type_name(root) : "空文档");
  else if (!find_alias(d, root, 0)) {
    loader L = {ev, d, 0};
    load_object(&L, root, &er_eval_shape, ev, (er_pos){1, 1});
    if (ev->version.set && er_dec_cmp(ev->version.v, er_dec_int(1)) != 0)
      er_error(d, ev->version.pos, "version", "不支持的格式版本，evalreport 应为 1");
  }
  fy_document_destroy(doc);
  free(text);
  return ev;
}

void er_eval_free(er_eval *ev) {
  if (!ev)
    return;
  er_arena_free(&ev->arena);
  free(ev);
}
