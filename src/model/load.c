/* The loader: a data file → er_eval, along the shape tables of shape.c.
 *
 * It never stops at the first problem: every finding goes into the
 * diagnostics with its line and column, and whatever could be read is kept,
 * so `check` can report everything in one run. */
#include "model/load.h"
#include "model/yaml_zh.h"

#include "model/filekind.h"
#include "model/shape.h"
#include "model/shape_impl.h"
#include "model/text.h"

#include <errno.h>
#include <fcntl.h>
#include <libfyaml.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Exported by libfyaml 0.7 but missing from its header. */

#define MAX_FILE_SIZE (64u << 20)
/* Values (scalars, lists, mappings) in one file: a real evaluation has a few
 * thousand, 100,000 indicators have 1.1 million. */
#define MAX_VALUES 2000000u
/* Bytes on one line. libfyaml scans a line that opens a flow collection to
 * its end before it yields anything (the collection might be a key), and
 * keeps all its tokens, some 400 bytes each: a single line of 2 million
 * values took 800 MB. Minified JSON of a real evaluation is under 200 KB. */
#define MAX_LINE_BYTES (1u << 20)
/* Bytes of model for the elements of all lists together: 100,000
 * indicators take 77 MB. */
#define MAX_LIST_BYTES (256u << 20)
/* Nesting of lists and mappings; the format needs fewer than 20 levels. */
#define MAX_NESTING 64
#define MAX_INDICATOR_DEPTH 4

/* ---- the YAML tree ----
 *
 * The loader walks a small tree of its own, built from libfyaml's parser
 * events rather than libfyaml's document: that costs about 400 bytes a
 * value (100,000 indicators took 400 MB) and, in libfyaml 0.7, compares
 * every key of a mapping with every earlier one (a mapping of 50,000 keys
 * took minutes). Keys written twice are found by the loader instead (see
 * report_duplicates). The tree lives in its own arena, freed once the model
 * is loaded. */

typedef enum ytype { Y_SCALAR, Y_SEQUENCE, Y_MAPPING } ytype;

typedef struct ynode ynode;
struct ynode {
  ytype type;
  bool plain;    /* a plain scalar: only those can be null */
  er_pos pos;    /* where it starts; node_pos says which position a value has */
  const char *s; /* a scalar's text, NUL-terminated; "" for an alias */
  size_t len;
  const ynode *items; /* a sequence's items, or a mapping's keys and values in turn */
  size_t count;       /* items, or key-value pairs */
};

static bool is_scalar(const ynode *n) { return n->type == Y_SCALAR; }
static bool is_sequence(const ynode *n) { return n->type == Y_SEQUENCE; }
static bool is_mapping(const ynode *n) { return n->type == Y_MAPPING; }
static const ynode *pair_key(const ynode *map, size_t i) { return &map->items[2 * i]; }
static const ynode *pair_value(const ynode *map, size_t i) { return &map->items[2 * i + 1]; }

typedef struct loader {
  er_eval *ev;
  er_diag *d;
  int indicator_depth;
  int outline_depth; /* of outline sections */
  size_t list_room;  /* bytes left for list elements (MAX_LIST_BYTES) */
} loader;

static void load_object(loader *L, const ynode *map, const er_shape *shape, void *obj, er_pos pos);

/* ---- positions and scalars ---- */

/* A value's position as messages give it: a scalar's own, a mapping's first
 * key's, else the caller's (that of the key naming the value). */
static er_pos node_pos(const ynode *n, er_pos fallback) {
  if (n && is_scalar(n))
    return n->pos;
  if (n && is_mapping(n) && n->count)
    return node_pos(pair_key(n, 0), fallback);
  return fallback;
}

/* YAML's null: an empty plain scalar, ~ or null. */
static bool is_null(const ynode *n) {
  if (!n)
    return true;
  if (!is_scalar(n) || !n->plain)
    return false;
  return n->len == 0 || (n->len == 1 && n->s[0] == '~') ||
         (n->len == 4 && memcmp(n->s, "null", 4) == 0);
}

static const char *type_name(const ynode *n) {
  if (is_mapping(n))
    return "映射";
  if (is_sequence(n))
    return "列表";
  return "标量";
}

static bool expect(loader *L, const ynode *n, ytype type, const char *key, er_pos at,
                   const char *what) {
  if (n->type == type)
    return true;
  er_error(L->d, node_pos(n, at), "type", "“%s”应为%s，这里是%s", key, what, type_name(n));
  return false;
}

static const char *scalar_dup(loader *L, const ynode *n) {
  return er_arena_strndup(&L->ev->arena, n->s, n->len);
}

/* ---- scalar fields ---- */

static void load_text(loader *L, const ynode *n, const char *key, er_text *out, er_pos at) {
  if (!expect(L, n, Y_SCALAR, key, at, "文字"))
    return;
  out->pos = node_pos(n, at);
  out->s = scalar_dup(L, n);
}

/* Parses a number, as written ("98.42%", "1,5" is refused) into out. */
static void load_num(loader *L, const ynode *n, const char *key, unsigned flags, er_num *out,
                     er_pos at) {
  if (!expect(L, n, Y_SCALAR, key, at, "数字"))
    return;
  const char *s = n->s;
  size_t len = n->len;
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

static void load_flag(loader *L, const ynode *n, const char *key, er_flag *out, er_pos at) {
  if (!expect(L, n, Y_SCALAR, key, at, "true 或 false"))
    return;
  const char *s = n->s;
  size_t len = n->len;
  er_pos pos = node_pos(n, at);
  if (len == 4 && memcmp(s, "true", 4) == 0)
    *out = (er_flag){true, pos, true};
  else if (len == 5 && memcmp(s, "false", 5) == 0)
    *out = (er_flag){false, pos, true};
  else
    er_error(L->d, pos, "type", "“%s”应为 true 或 false，这里是“%.*s”", key, (int)len, s);
}

/* "YYYY-MM" or "YYYY-MM-DD", digits only (sscanf would let " 2023- 2- 1"
 * through), a real day of that month in that year. */
static bool parse_date(const char *s, er_date *out) {
  size_t len = strlen(s);
  if (len != 7 && len != 10)
    return false;
  for (size_t i = 0; i < len; i++)
    if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
      return false;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = len == 10 ? (s[8] - '0') * 10 + (s[9] - '0') : 0;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1900 || y > 2999 || m < 1 || m > 12)
    return false;
  if (len == 10 && (d < 1 || d > days[m - 1] + (m == 2 && leap)))
    return false;
  out->year = y;
  out->month = m;
  out->day = d;
  return true;
}

static void load_date(loader *L, const ynode *n, const char *key, er_date *out, er_pos at) {
  if (!expect(L, n, Y_SCALAR, key, at, "日期"))
    return;
  const char *s = scalar_dup(L, n);
  er_pos pos = node_pos(n, at);
  er_date date = {0};
  if (!parse_date(s, &date)) {
    er_error(L->d, pos, "date",
             "“%s”应为 1900 至 2999 年间的日期，如 2019-12 或 2019-12-31，这里是“%s”", key, s);
    return;
  }
  date.pos = pos;
  date.set = true;
  *out = date;
}

static void load_choice(loader *L, const ynode *n, const er_field *f, er_choice *out, er_pos at) {
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

/* Appends the paragraphs of s, at pos, to sec. *cap is the room in
 * sec->paras.items, grown by doubling: a list of many strings joins one
 * section, and must cost linear memory in the arena, not quadratic. */
static void add_paragraphs(loader *L, er_section *sec, size_t *cap, const char *s, er_pos pos) {
  size_t n;
  const char **split = er_paragraphs(&L->ev->arena, s, &n);
  if (!sec->paras.items || sec->paras.count + n > *cap) {
    size_t want = *cap ? *cap : 4;
    while (want < sec->paras.count + n)
      want *= 2;
    er_text *paras = er_arena_alloc(&L->ev->arena, want * sizeof *paras);
    if (sec->paras.items)
      memcpy(paras, sec->paras.items, sec->paras.count * sizeof *paras);
    sec->paras.items = paras;
    *cap = want;
  }
  for (size_t i = 0; i < n; i++)
    sec->paras.items[sec->paras.count++] = (er_text){split[i], pos};
}

/* Paragraphs: a string, a list of strings, or a list of {title, text}. */
static void load_prose(loader *L, const ynode *n, const char *key, er_prose *out, er_pos at) {
  er_pos pos = node_pos(n, at);
  out->pos = pos;
  size_t cap = 0; /* room in the last section's paragraphs */
  if (is_scalar(n)) {
    out->items = er_arena_alloc(&L->ev->arena, sizeof *out->items);
    out->count = 1;
    out->items[0].paras.pos = pos;
    add_paragraphs(L, &out->items[0], &cap, scalar_dup(L, n), pos);
    return;
  }
  if (!expect(L, n, Y_SEQUENCE, key, at, "文字或文字列表"))
    return;
  out->items = er_arena_alloc(&L->ev->arena, (n->count ? n->count : 1) * sizeof *out->items);
  for (size_t i = 0; i < n->count; i++) {
    const ynode *item = &n->items[i];
    er_pos ipos = node_pos(item, pos);
    if (is_scalar(item)) {
      /* consecutive strings form one untitled section */
      if (out->count == 0 || out->items[out->count - 1].title.s) {
        out->items[out->count++].paras.pos = ipos;
        cap = 0;
      }
      add_paragraphs(L, &out->items[out->count - 1], &cap, scalar_dup(L, item), ipos);
    } else if (is_mapping(item)) {
      er_section *sec = &out->items[out->count++];
      sec->paras.pos = ipos;
      cap = 0;
      er_pos title_at = {0, 0}, text_at = {0, 0};
      for (size_t j = 0; j < item->count; j++) {
        const ynode *kn = pair_key(item, j), *v = pair_value(item, j);
        const char *k = is_scalar(kn) ? kn->s : NULL;
        size_t klen = k ? kn->len : 0;
        er_pos kpos = node_pos(kn, ipos);
        bool title = k && klen == 5 && memcmp(k, "title", 5) == 0;
        bool text = k && klen == 4 && memcmp(k, "text", 4) == 0 && is_scalar(v);
        er_pos *at = title ? &title_at : text ? &text_at : NULL;
        if (at && at->line) {
          er_error(L->d, kpos, "duplicate-key", "字段“%s”重复（第 %u 行已有）",
                   title ? "title" : "text", at->line);
          continue;
        }
        if (at)
          *at = kpos;
        if (title)
          load_text(L, v, "title", &sec->title, kpos);
        else if (text)
          add_paragraphs(L, sec, &cap, scalar_dup(L, v), node_pos(v, kpos));
        else
          er_error(L->d, kpos, "unknown-key",
                   "“%s”中的段落只能有 title 和 text（文字），这里是“%.*s”", key, (int)klen,
                   k ? k : "");
      }
    } else
      er_error(L->d, ipos, "type", "“%s”的每一项应为文字或 {title, text}", key);
  }
}

/* ---- keys written twice ----
 *
 * The YAML tree does not look for them (see above); the loader does it: by the shape's
 * field for objects, by sorting for mappings of names (scales, levels). */

typedef struct key_seen {
  const char *s;
  er_pos pos;
} key_seen;

static int by_key(const void *a, const void *b) {
  const key_seen *x = a, *y = b;
  int c = strcmp(x->s, y->s);
  if (c)
    return c;
  if (x->pos.line != y->pos.line)
    return x->pos.line < y->pos.line ? -1 : 1;
  return (x->pos.col > y->pos.col) - (x->pos.col < y->pos.col);
}

/* Reports every name of keys[0..n) written before; sorts keys. */
static void report_duplicates(loader *L, const char *key, key_seen *keys, size_t n) {
  if (n < 2)
    return;
  qsort(keys, n, sizeof *keys, by_key);
  for (size_t i = 1; i < n; i++)
    if (strcmp(keys[i].s, keys[i - 1].s) == 0)
      er_error(L->d, keys[i].pos, "duplicate-key", "“%s”中的“%s”重复（第 %u 行已有）", key,
               keys[i].s, keys[i - 1].pos.line);
}

static key_seen *new_keys(size_t n) {
  key_seen *keys = malloc((n ? n : 1) * sizeof *keys);
  if (!keys)
    abort();
  return keys;
}

static void load_named_nums(loader *L, const ynode *n, const char *key, unsigned flags,
                            er_named_nums *out, er_pos at) {
  if (!expect(L, n, Y_MAPPING, key, at, "映射（名称: 数值）"))
    return;
  out->pos = node_pos(n, at);
  out->items = er_arena_alloc(&L->ev->arena, (n->count ? n->count : 1) * sizeof *out->items);
  key_seen *keys = new_keys(n->count);
  size_t nkeys = 0;
  for (size_t i = 0; i < n->count; i++) {
    er_named_num *e = &out->items[out->count];
    load_text(L, pair_key(n, i), key, &e->name, out->pos);
    if (!e->name.s)
      continue;
    keys[nkeys++] = (key_seen){e->name.s, e->name.pos};
    if (is_null(pair_value(n, i))) {
      er_error(L->d, e->name.pos, "missing-value", "“%s”中的“%s”缺少数值", key, e->name.s);
      continue;
    }
    load_num(L, pair_value(n, i), e->name.s, flags, &e->value, e->name.pos);
    if (e->value.set)
      out->count++;
  }
  report_duplicates(L, key, keys, nkeys);
  free(keys);
}

static void load_num_list(loader *L, const ynode *n, const er_field *f, void *slot, er_pos at) {
  ER_LIST(er_num) *out = slot;
  if (!expect(L, n, Y_SEQUENCE, f->key, at, "数字列表"))
    return;
  out->pos = node_pos(n, at);
  out->items = er_arena_alloc(&L->ev->arena, (n->count ? n->count : 1) * sizeof *out->items);
  for (size_t i = 0; i < n->count; i++) {
    load_num(L, &n->items[i], f->key, f->flags & ~ER_REQUIRED, &out->items[out->count], out->pos);
    if (out->items[out->count].set)
      out->count++;
  }
}

/* A list of objects of one shape. Each element is allocated in place. */
static void load_list(loader *L, const ynode *n, const er_field *f, void *slot, er_pos at) {
  struct raw_list {
    void *items;
    size_t count;
    er_pos pos;
  } *out = slot;
  if (!expect(L, n, Y_SEQUENCE, f->key, at, "列表"))
    return;
  out->pos = node_pos(n, at);
  size_t bytes = (n->count ? n->count : 1) * f->shape->size;
  if (bytes > L->list_room) {
    er_error(L->d, out->pos, "too-large",
             "“%s”的项目过多（%zu 项）：文件中所有列表的项目合计超过上限", f->key, n->count);
    L->list_room = 0;
    return;
  }
  L->list_room -= bytes;
  char *items = er_arena_alloc(&L->ev->arena, bytes);
  out->items = items;
  /* the two trees of the format, each with its depth limit */
  bool outline = f->shape == &er_outline_section_shape;
  int *depth = f->shape == &er_indicator_shape ? &L->indicator_depth
               : outline                       ? &L->outline_depth
                                               : NULL;
  if (depth && ++*depth > MAX_INDICATOR_DEPTH) {
    er_error(L->d, out->pos, "depth", "%s最多 %d 级，这里是第 %d 级",
             outline ? "报告结构的标题" : "指标体系", MAX_INDICATOR_DEPTH, *depth);
    --*depth;
    return;
  }
  for (size_t i = 0; i < n->count; i++) {
    const ynode *item = &n->items[i];
    er_pos ipos = node_pos(item, out->pos);
    void *obj = items + out->count * f->shape->size;
    if (is_scalar(item) && f->shape->scalar_key) {
      /* a bare scalar stands for its shape's main text: "- 段落" */
      const er_field *k =
          er_shape_field(f->shape, f->shape->scalar_key, strlen(f->shape->scalar_key));
      *(er_pos *)((char *)obj + f->shape->pos_offset) = ipos;
      for (const er_field *c = f->shape->fields; c->key; c++)
        if (c->type == ER_F_CHOICE)
          ((er_choice *)((char *)obj + c->offset))->index = -1;
      load_text(L, item, f->key, (er_text *)((char *)obj + k->offset), ipos);
      out->count++;
      continue;
    }
    if (!is_mapping(item)) {
      er_error(L->d, ipos, "type", "“%s”的每一项应为映射（%s），这里是%s", f->key, f->shape->name,
               type_name(item));
      continue;
    }
    load_object(L, item, f->shape, obj, ipos);
    out->count++;
  }
  if (depth)
    --*depth;
}

static void load_bands(loader *L, const ynode *n, const char *key, er_bands *out, er_pos at) {
  er_field f = {key, ER_F_LIST, 0, 0, &er_band_shape, NULL, NULL};
  load_list(L, n, &f, out, at);
}

/* levels / bands: a scale's name, an inline judgement scale or a band table. */
static void load_scale_ref(loader *L, const ynode *n, const char *key, er_scale_ref *out,
                           er_pos at) {
  out->pos = node_pos(n, at);
  out->set = true;
  if (is_scalar(n))
    load_text(L, n, key, &out->name, at);
  else if (is_mapping(n))
    load_named_nums(L, n, key, ER_PERCENT | ER_NONNEG, &out->levels, at);
  else
    load_bands(L, n, key, &out->bands, at);
}

static int by_scale_name(const void *a, const void *b) {
  return strcmp(((const er_scale *)a)->name.s, ((const er_scale *)b)->name.s);
}

static void load_scales(loader *L, const ynode *n, const char *key, void *slot, er_pos at) {
  ER_LIST(er_scale) *out = slot;
  if (!expect(L, n, Y_MAPPING, key, at, "映射（名称: 分档表或等级）"))
    return;
  out->pos = node_pos(n, at);
  out->items = er_arena_alloc(&L->ev->arena, (n->count ? n->count : 1) * sizeof *out->items);
  key_seen *keys = new_keys(n->count);
  size_t nkeys = 0;
  for (size_t i = 0; i < n->count; i++) {
    er_scale *s = &out->items[out->count];
    load_text(L, pair_key(n, i), key, &s->name, out->pos);
    if (!s->name.s)
      continue;
    keys[nkeys++] = (key_seen){s->name.s, s->name.pos};
    s->pos = s->name.pos;
    const ynode *v = pair_value(n, i);
    if (is_mapping(v))
      load_named_nums(L, v, s->name.s, ER_PERCENT | ER_NONNEG, &s->levels, s->pos);
    else if (is_sequence(v))
      load_bands(L, v, s->name.s, &s->bands, s->pos);
    else {
      er_error(L->d, s->pos, "type", "scales 中的“%s”应为分档表（列表）或等级（映射）", s->name.s);
      continue;
    }
    out->count++;
  }
  report_duplicates(L, key, keys, nkeys);
  free(keys);
  /* by name: every leaf looks its scale up (er_find_scale) */
  if (out->count > 1)
    qsort(out->items, out->count, sizeof *out->items, by_scale_name);
}

static void load_value(loader *L, const ynode *n, const er_field *f, void *slot, er_pos at) {
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
    if (expect(L, n, Y_MAPPING, f->key, at, "映射"))
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

static void load_object(loader *L, const ynode *map, const er_shape *shape, void *obj, er_pos pos) {
  *(er_pos *)((char *)obj + shape->pos_offset) = pos;
  for (const er_field *f = shape->fields; f->key; f++)
    if (f->type == ER_F_CHOICE)
      ((er_choice *)((char *)obj + f->offset))->index = -1;
  uint64_t seen = 0;
  er_pos first[64]; /* where each field in `seen` was written */
  for (size_t j = 0; j < map->count; j++) {
    const ynode *k = pair_key(map, j), *v = pair_value(map, j);
    er_pos kpos = node_pos(k, pos);
    if (!is_scalar(k)) {
      er_error(L->d, k->pos, "type", "字段名应为文字");
      continue;
    }
    const er_field *f = er_shape_field(shape, k->s, k->len);
    if (!f) {
      unknown_key(L, shape, k->s, kpos);
      continue;
    }
    size_t i = (size_t)(f - shape->fields);
    if (seen & (UINT64_C(1) << i)) {
      er_error(L->d, kpos, "duplicate-key", "字段“%s”重复（第 %u 行已有）", f->key, first[i].line);
      continue;
    }
    seen |= UINT64_C(1) << i;
    first[i] = kpos;
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
 * place of the first bad byte, and lines too long to parse (MAX_LINE_BYTES).
 * Returns the offset to start parsing at (past a byte-order mark), or -1. */
static long check_text(er_diag *d, const unsigned char *s, size_t len) {
  size_t start = (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) ? 3 : 0;
  size_t line_start = start;
  uint32_t line = 1, col = 1;
  for (size_t i = start; i < len;) {
    if (i - line_start >= MAX_LINE_BYTES) {
      er_error(
          d, ((er_pos){line, 1}), "long-line",
          "这一行超过 %u MB，不像是评价数据：长文字请用 | 分行书写，压缩成一行的 JSON 请先格式化",
          MAX_LINE_BYTES >> 20);
      return -1;
    }
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
      line_start = i + 1;
    } else if ((s[i] & 0xC0) != 0x80)
      col++;
    i += n;
  }
  return (long)start;
}

/* Reads the whole file, or its first MAX_FILE_SIZE + 1 bytes: enough for
 * er_load_buffer to tell that it is too large without reading it all. */
static char *read_file(const char *path, size_t *len, er_diag *d) {
  /* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused
   * below, as is everything else that is not a regular file */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    er_error(d, ((er_pos){0, 0}), "io", "无法打开文件：%s", strerror(errno));
    return NULL;
  }
  const char *kind = er_file_kind(fd);
  if (kind) {
    close(fd);
    er_error(d, ((er_pos){0, 0}), "not-a-file",
             "这是%s，不是普通文件：请给出一个 YAML 或 JSON 数据文件", kind);
    return NULL;
  }
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    close(fd);
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
  int failed = ferror(f) ? errno : 0;
  fclose(f);
  if (!buf || failed) {
    free(buf);
    er_error(d, ((er_pos){0, 0}), "io", "读取文件失败：%s", strerror(buf ? failed : ENOMEM));
    return NULL;
  }
  *len = n;
  return buf;
}

/* Building the YAML tree from parser events: the children of every open
 * collection wait in one stack, in order, until their collection ends and
 * moves them to the arena. */
typedef struct yframe {
  ynode node;
  size_t first; /* its first child in pending */
} yframe;

typedef struct ybuild {
  const char *text; /* the input, which marks count from */
  size_t len;
  er_arena *arena;
  er_diag *d;
  ynode *pending;
  size_t npending, cap;
  yframe *open;
  size_t nopen, open_cap;
  size_t values, documents;
  bool aliased;
  bool second_document; /* a document began after "..." without "---" */
  er_pos alias;         /* the first alias */
  bool failed;
} ybuild;

static void *grow(void *p, size_t *cap, size_t size) {
  *cap = *cap ? 2 * *cap : 64;
  p = realloc(p, *cap * size);
  if (!p)
    abort();
  return p;
}

static er_pos mark_pos(const struct fy_mark *m) {
  return m ? (er_pos){(uint32_t)m->line + 1, (uint32_t)m->column + 1} : (er_pos){0, 0};
}

/* Where a scalar's text starts. A block scalar's (| or >) token starts at
 * the beginning of its first line; its text starts at that line's
 * indentation, the column every line of a literal block starts at. */
static er_pos block_scalar_pos(const ybuild *b, struct fy_token *t) {
  const struct fy_mark *m = fy_token_start_mark(t);
  er_pos pos = mark_pos(m);
  enum fy_scalar_style style = fy_token_scalar_style(t);
  if (!m || m->column != 0 || (style != FYSS_LITERAL && style != FYSS_FOLDED))
    return pos;
  for (size_t i = m->input_pos; i < b->len && b->text[i] == ' '; i++)
    pos.col++;
  return pos;
}

/* Counts a value; false (reported) when there are too many. */
static bool count_value(ybuild *b, struct fy_event *e) {
  if (++b->values <= MAX_VALUES)
    return true;
  er_error(b->d, mark_pos(fy_event_start_mark(e)), "too-large",
           "文件含有超过 %u 个值（标量、列表、映射），不像是一个评价数据文件", MAX_VALUES);
  b->failed = true;
  return false;
}

static void add_child(ybuild *b, ynode n) {
  if (b->npending == b->cap)
    b->pending = grow(b->pending, &b->cap, sizeof *b->pending);
  b->pending[b->npending++] = n;
}

static bool is_ws(char c) { return c == ' ' || c == '\t'; }
static bool is_break(char c) { return c == '\n' || c == '\r'; }

/* The text of a single-quoted scalar, from the source between its quotes:
 * libfyaml 0.7 leaks memory, and garbles the text, formatting one with more
 * than a few '' on a line. YAML 1.2, 7.3.2: '' is a quote; lines are folded,
 * losing their white space at the fold; one line break is a space, n > 1
 * breaks are n - 1 newlines. */
static const char *single_quoted(er_arena *arena, const char *s, size_t len, size_t *outlen) {
  char *out = er_arena_alloc(arena, len + 1);
  size_t n = 0, i = 0;
  for (;;) {
    size_t end = i;
    while (end < len && !is_break(s[end]))
      end++;
    size_t stop = end;
    if (end < len) /* not the last line: drop the white space before the break */
      while (stop > i && is_ws(s[stop - 1]))
        stop--;
    for (size_t k = i; k < stop; k++) {
      out[n++] = s[k];
      if (s[k] == '\'' && k + 1 < stop && s[k + 1] == '\'')
        k++;
    }
    if (end == len)
      break;
    size_t breaks = 0;
    i = end;
    while (i < len && is_break(s[i])) {
      i += s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
      breaks++;
      while (i < len && is_ws(s[i])) /* an empty line, or the next line's indent */
        i++;
    }
    if (breaks == 1)
      out[n++] = ' ';
    else
      for (size_t k = 1; k < breaks; k++)
        out[n++] = '\n';
  }
  out[n] = '\0';
  *outlen = n;
  return out;
}

/* A scalar's text, copied into the tree's arena. */
static const char *scalar_text(ybuild *b, struct fy_token *t, size_t *lenp) {
  const struct fy_mark *from = fy_token_start_mark(t), *to = fy_token_end_mark(t);
  /* the marks of a quoted scalar are those of the text inside the quotes */
  if (fy_token_scalar_style(t) == FYSS_SINGLE_QUOTED && from && to && from->input_pos > 0 &&
      to->input_pos >= from->input_pos && to->input_pos < b->len &&
      b->text[from->input_pos - 1] == '\'' && b->text[to->input_pos] == '\'')
    return single_quoted(b->arena, b->text + from->input_pos, to->input_pos - from->input_pos,
                         lenp);
  size_t len = 0;
  const char *s = fy_token_get_text(t, &len);
  *lenp = s ? len : 0;
  return er_arena_strndup(b->arena, s ? s : "", *lenp);
}

/* A tag (!!str, !custom …) would change what a value means in other YAML
 * tools while evalreport reads the text as written: refused, not ignored. */
static void refuse_tag(ybuild *b, struct fy_event *e) {
  struct fy_token *tag = e->type == FYET_SCALAR           ? e->scalar.tag
                         : e->type == FYET_MAPPING_START  ? e->mapping_start.tag
                         : e->type == FYET_SEQUENCE_START ? e->sequence_start.tag
                                                          : NULL;
  if (!tag)
    return;
  size_t hlen = 0, slen = 0;
  const char *handle = fy_tag_token_handle(tag, &hlen), *suffix = fy_tag_token_suffix(tag, &slen);
  er_error(b->d, mark_pos(fy_token_start_mark(tag)), "tag",
           "不支持 YAML 标签“%.*s%.*s”：请删除，值按写出的文字读取", (int)(hlen > 20 ? 20 : hlen),
           handle ? handle : "", (int)(slen > 60 ? 60 : slen), suffix ? suffix : "");
}

static void on_event(ybuild *b, struct fy_event *e) {
  ynode n = {.pos = mark_pos(fy_event_start_mark(e))};
  if (b->second_document && e->type != FYET_DOCUMENT_START) {
    if (e->type == FYET_SCALAR)
      n.pos = mark_pos(fy_token_start_mark(e->scalar.value));
    er_error(b->d, n.pos, "documents",
             "一个文件只能有一个 YAML 文档：文档结束标记（...）之后还有内容");
    b->second_document = false;
    b->failed = true;
    return;
  }
  refuse_tag(b, e);
  switch (e->type) {
  case FYET_DOCUMENT_START:
    if (++b->documents > 1 && n.pos.line) {
      er_error(b->d, n.pos, "documents", "一个文件只能有一个 YAML 文档，这里（---）开始了第二个");
      b->failed = true;
    } else if (b->documents > 1)
      b->second_document = true; /* after "...", without "---": placed at its first value */
    break;
  case FYET_MAPPING_START:
  case FYET_SEQUENCE_START:
    if (b->nopen == MAX_NESTING) {
      er_error(b->d, n.pos, "depth", "列表和映射嵌套超过 %d 层，不像是一个评价数据文件",
               MAX_NESTING);
      b->failed = true;
      break;
    }
    if (!count_value(b, e))
      break;
    n.type = e->type == FYET_MAPPING_START ? Y_MAPPING : Y_SEQUENCE;
    if (b->nopen == b->open_cap)
      b->open = grow(b->open, &b->open_cap, sizeof *b->open);
    b->open[b->nopen++] = (yframe){n, b->npending};
    break;
  case FYET_MAPPING_END:
  case FYET_SEQUENCE_END: {
    if (b->nopen == 0) /* libfyaml pairs them */
      break;
    yframe f = b->open[--b->nopen];
    size_t count = b->npending - f.first;
    ynode *items = er_arena_alloc(b->arena, (count ? count : 1) * sizeof *items);
    if (count)
      memcpy(items, b->pending + f.first, count * sizeof *items);
    f.node.items = items;
    f.node.count = f.node.type == Y_MAPPING ? count / 2 : count;
    b->npending = f.first;
    add_child(b, f.node);
    break;
  }
  case FYET_SCALAR: {
    if (!count_value(b, e))
      break;
    struct fy_token *t = e->scalar.value;
    n.type = Y_SCALAR;
    n.s = scalar_text(b, t, &n.len);
    n.plain = fy_token_scalar_style(t) == FYSS_PLAIN;
    n.pos = block_scalar_pos(b, t);
    /* control characters, written or escaped ("\a"), show in no report;
     * an escaped NUL ("\0") would cut the text short */
    for (size_t i = 0; i < n.len; i++) {
      unsigned char c = (unsigned char)n.s[i];
      if (c == 0) {
        er_error(b->d, n.pos, "control", "文字中含有 NUL 字符（\\0），其后的文字会丢失：请删除");
        break;
      }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        er_warn(b->d, n.pos, "control", "文字中含有控制字符 0x%02X：请删除", c);
        break;
      }
      /* U+FFFE and U+FFFF: no XML file (XLSX, HTML) can carry them */
      if (c == 0xEF && i + 2 < n.len && (unsigned char)n.s[i + 1] == 0xBF &&
          ((unsigned char)n.s[i + 2] & 0xFE) == 0xBE) {
        er_warn(b->d, n.pos, "noncharacter",
                "文字中含有非字符 U+%04X，报告中不能显示，已略去：请删除",
                0xFFFE + ((unsigned char)n.s[i + 2] & 1));
        break;
      }
    }
    add_child(b, n);
    break;
  }
  case FYET_ALIAS:
    /* aliases are refused (see er_load_buffer); an empty scalar stands in */
    if (!count_value(b, e))
      break;
    n.type = Y_SCALAR;
    n.s = "";
    n.pos = mark_pos(fy_token_start_mark(e->alias.anchor));
    if (n.pos.col > 1)
      n.pos.col--; /* an alias token starts after its '*' */
    if (!b->aliased)
      b->alias = n.pos;
    b->aliased = true;
    add_child(b, n);
    break;
  default:
    break;
  }
}

/* libfyaml 0.7.12 recycles a simple key twice when it reports this error
 * after the ':' of an explicit key ("? a:<TAB>-"), and destroying that
 * parser then crashes. Such a parser is kept, never destroyed: a few
 * kilobytes once per file with this mistake, reachable (from
 * broken_parsers) so that leak checkers do not count them. */
#define TAB_ERROR "cannot use tab for indentation of block entry"

typedef struct broken_parser {
  struct fy_parser *fyp;
  struct broken_parser *next;
} broken_parser;
static _Atomic(broken_parser *) broken_parsers;

static void keep_broken(struct fy_parser *fyp) {
  broken_parser *b = malloc(sizeof *b);
  if (!b)
    abort();
  b->fyp = fyp;
  b->next = atomic_load(&broken_parsers);
  while (!atomic_compare_exchange_weak(&broken_parsers, &b->next, b))
    ;
}

/* Parses text into a YAML tree allocated in `arena`. Returns its root, or
 * NULL after reporting why there is none. */
static const ynode *parse_yaml(const char *text, size_t len, er_arena *arena, bool *aliased,
                               er_pos *alias, er_diag *d) {
  struct fy_diag *diag = er_yaml_quiet_diag();
  struct fy_parse_cfg cfg = {.flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2, .diag = diag};
  struct fy_parser *fyp = fy_parser_create(&cfg);
  if (!fyp || fy_parser_set_string(fyp, text, len) != 0)
    abort();
  ybuild b = {.text = text, .len = len, .arena = arena, .d = d};
  struct fy_event *e;
  while (!b.failed && (e = fy_parser_parse(fyp))) {
    on_event(&b, e);
    fy_parser_event_free(fyp, e);
  }
  bool broken = fy_parser_get_stream_error(fyp), freed_twice = false;
  void *it = NULL;
  struct fy_diag_error *err;
  bool reported = false;
  while ((err = fy_diag_errors_iterate(diag, &it))) {
    if (err->type < FYET_ERROR)
      continue;
    const char *zh = er_yaml_zh(err->msg);
    er_error(d, ((er_pos){(uint32_t)err->line, (uint32_t)err->column}), "syntax",
             "YAML 语法错误：%s%s%s%s", zh ? zh : "", zh ? " (" : "", err->msg, zh ? ")" : "");
    reported = true;
    freed_twice |= strcmp(err->msg, TAB_ERROR) == 0;
  }
  if (freed_twice)
    keep_broken(fyp);
  else
    fy_parser_destroy(fyp);
  fy_diag_destroy(diag);
  if (broken && !reported && !b.failed)
    er_error(d, ((er_pos){0, 0}), "syntax", "YAML 语法错误");
  ynode *root = NULL;
  if (!broken && !reported && !b.failed) {
    if (b.npending == 1) {
      root = er_arena_alloc(arena, sizeof *root);
      *root = b.pending[0];
    } else /* no document: only comments */
      er_error(d, ((er_pos){0, 0}), "empty",
               "文件是空的：请参照 docs/data-format.md 中的完整示例填写");
  }
  *aliased = b.aliased;
  *alias = b.alias;
  free(b.pending);
  free(b.open);
  return root;
}

static er_eval *new_eval(const char *name) {
  er_eval *ev = calloc(1, sizeof *ev);
  if (!ev)
    abort();
  ev->file = name;
  ev->kind.index = -1;
  return ev;
}

/* A file of the outline alone (templates/outlines/KIND.yaml, DIR/outline.yaml):
 * the `report` and `outline` keys of a data file. */
#define S er_eval
static const er_field outline_file_fields[] = {
    OBJECT("report", report, er_report_layout_shape, "报告的封面、摘要、目录、编号、落款等"),
    LIST("outline", outline, ER_REQUIRED, er_outline_section_shape, "报告正文的结构"), END};
static const er_shape outline_file_shape = {
    "outline_file",      "报告结构文件", sizeof(S), offsetof(S, pos),
    outline_file_fields, "报告结构",     NULL};
#undef S

static er_eval *load_shaped(const char *name, const char *data, size_t len, const er_shape *shape,
                            er_diag *d) {
  er_eval *ev = new_eval(name);
  if (!len)
    data = ""; /* NULL may come with 0 */
  if (len > MAX_FILE_SIZE) {
    er_error(d, ((er_pos){0, 0}), "too-large", "文件超过 %u MB，不像是一个评价数据文件",
             MAX_FILE_SIZE >> 20);
    return ev;
  }
  long start = check_text(d, (const unsigned char *)data, len);
  bool blank = start >= 0 && er_is_blank(data + start, len - (size_t)start);
  if (blank)
    er_error(d, ((er_pos){0, 0}), "empty",
             "文件是空的：请参照 docs/data-format.md 中的完整示例填写");
  er_arena tree = {0};
  bool aliased = false;
  er_pos alias = {0, 0};
  const ynode *root = start < 0 || blank ? NULL
                                         : parse_yaml(data + start, len - (size_t)start, &tree,
                                                      &aliased, &alias, d);
  if (root && aliased)
    /* the format has no use for them, and expanding them is how a few
     * lines of YAML grow into gigabytes */
    er_error(d, alias, "alias",
             "不支持 YAML 别名（*…）：请直接写出内容，共用的分档表写在 scales 中");
  else if (root && !is_mapping(root))
    er_error(d, node_pos(root, (er_pos){1, 1}), "type",
             "文件顶层应为映射（evalreport: 1、project: …），这里是%s",
             is_null(root) ? "空文档" : type_name(root));
  else if (root) {
    loader L = {.ev = ev, .d = d, .list_room = MAX_LIST_BYTES};
    load_object(&L, root, shape, ev, (er_pos){1, 1});
    if (ev->version.set && er_dec_cmp(ev->version.v, er_dec_int(1)) != 0)
      er_error(d, ev->version.pos, "version", "不支持的格式版本，evalreport 应为 1");
  }
  er_arena_free(&tree);
  return ev;
}

er_eval *er_load_buffer(const char *name, const char *data, size_t len, er_diag *d) {
  return load_shaped(name, data, len, &er_eval_shape, d);
}

static er_eval *load_file(const char *path, const er_shape *shape, er_diag *d) {
  size_t len = 0;
  char *text = read_file(path, &len, d);
  if (!text)
    return new_eval(path);
  er_eval *ev = load_shaped(path, text, len, shape, d);
  free(text);
  return ev;
}

er_eval *er_load(const char *path, er_diag *d) { return load_file(path, &er_eval_shape, d); }

er_eval *er_load_outline(const char *path, er_diag *d) {
  return load_file(path, &outline_file_shape, d);
}

void er_eval_free(er_eval *ev) {
  if (!ev)
    return;
  er_arena_free(&ev->arena);
  free(ev);
}
