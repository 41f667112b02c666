/* Reading a style profile, and with it the font-role map, through the one
 * YAML reader (yamlread.h). Every key is required, so a profile says
 * everything a writer needs and a typo is caught. */
#include "doc/style.h"
#include "doc/yamlread.h"
#include "model/filekind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define STYLE_MAX_BYTES (1 << 20)

typedef struct reader {
  er_style *s;
  er_diag *d;
  bool failed;
} reader;

static er_pos where(struct fy_node *n) { return er_yaml_pos(n); }

/* A missing key is reported where it belongs: at the nearest mapping of
 * its path that the profile has. */
static er_pos missing_at(struct fy_node *root, const char *path) {
  char parent[64];
  snprintf(parent, sizeof parent, "%s", path);
  for (char *slash; (slash = strrchr(parent, '/')) && slash > parent;) {
    *slash = '\0';
    struct fy_node *n = fy_node_by_path(root, parent, (size_t)-1, FYNWF_DONT_FOLLOW);
    if (n)
      return where(n);
  }
  return where(root);
}

static struct fy_node *need(reader *R, struct fy_node *root, const char *path) {
  struct fy_node *n = fy_node_by_path(root, path, (size_t)-1, FYNWF_DONT_FOLLOW);
  if (!n) {
    er_error(R->d, missing_at(root, path), "style", "样式缺少“%s”", path);
    R->failed = true;
  }
  return n;
}

static const char *scalar(reader *R, struct fy_node *n, const char *path) {
  size_t len;
  const char *s = n && fy_node_is_scalar(n) ? fy_node_get_scalar(n, &len) : NULL;
  if (!s) {
    if (n) {
      er_error(R->d, where(n), "style", "样式“%s”应为文字", path);
      R->failed = true;
    }
    return NULL;
  }
  return er_arena_strndup(&R->s->arena, s, len);
}

/* "37mm", "16pt", "1.5cm", "0.5in" in points. */
static bool parse_length(const char *s, er_dec *pt) {
  size_t n = 0;
  while ((s[n] >= '0' && s[n] <= '9') || s[n] == '.')
    n++;
  er_dec v;
  if (!n || er_dec_parse(s, n, &v) != ER_DEC_OK)
    return false;
  const char *unit = s + n;
  if (!strcmp(unit, "pt"))
    *pt = v;
  else if (!strcmp(unit, "mm"))
    *pt = er_dec_div(er_dec_mul(v, er_dec_int(720)), er_dec_int(254));
  else if (!strcmp(unit, "cm"))
    *pt = er_dec_div(er_dec_mul(v, er_dec_int(7200)), er_dec_int(254));
  else if (!strcmp(unit, "in"))
    *pt = er_dec_mul(v, er_dec_int(72));
  else
    return false;
  return true;
}

static void length(reader *R, struct fy_node *root, const char *path, er_length *out) {
  struct fy_node *n = need(R, root, path);
  const char *s = scalar(R, n, path);
  if (!s)
    return;
  if (!parse_length(s, &out->pt)) {
    er_error(R->d, where(n), "style", "样式“%s”的长度“%s”无效（单位 mm、cm、pt、in）", path, s);
    R->failed = true;
    return;
  }
  out->text = s;
  out->pos = where(n);
}

/* Family names must not be able to end a CSS string or declaration. */
static bool safe_family(const char *s) {
  for (; *s; s++)
    if (strchr("\"'\\;{}<>\n\r", *s))
      return false;
  return true;
}

static void font(reader *R, struct fy_node *root, er_font_role role) {
  char path[64];
  er_font *f = &R->s->fonts[role];
  snprintf(path, sizeof path, "/fonts/%s/families", er_font_role_names[role]);
  struct fy_node *list = need(R, root, path);
  if (list && fy_node_is_sequence(list)) {
    int count = fy_node_sequence_item_count(list);
    f->families =
        er_arena_alloc(&R->s->arena, (size_t)(count > 0 ? count : 1) * sizeof *f->families);
    void *it = NULL;
    struct fy_node *item;
    while ((item = fy_node_sequence_iterate(list, &it))) {
      const char *name = scalar(R, item, path);
      if (name && safe_family(name))
        f->families[f->count++] = name;
      else if (name) {
        er_error(R->d, where(item), "style", "字体名“%s”含有不允许的字符", name);
        R->failed = true;
      }
    }
  } else if (list) {
    er_error(R->d, where(list), "style", "样式“%s”应为字体名列表", path);
    R->failed = true;
  }
  snprintf(path, sizeof path, "/fonts/%s/size", er_font_role_names[role]);
  length(R, root, path, &f->size);
  snprintf(path, sizeof path, "/fonts/%s/bold", er_font_role_names[role]);
  struct fy_node *bold = fy_node_by_path(root, path, (size_t)-1, FYNWF_DONT_FOLLOW);
  const char *b = bold ? scalar(R, bold, path) : NULL;
  f->bold = b && !strcmp(b, "true");
}

/* /page_numbers/front_matter, optional (profiles written before it have
 * none): roman or none. */
static void front_matter(reader *R, struct fy_node *root) {
  static const char path[] = "/page_numbers/front_matter";
  struct fy_node *n = fy_node_by_path(root, path, (size_t)-1, FYNWF_DONT_FOLLOW);
  const char *v = n ? scalar(R, n, path) : NULL;
  R->s->front_matter = ER_FRONT_ROMAN;
  if (!v || !strcmp(v, "roman"))
    return;
  if (!strcmp(v, "none"))
    R->s->front_matter = ER_FRONT_NONE;
  else {
    er_error(R->d, where(n), "style", "“%s”应为 roman（罗马数字）或 none（不编页码），而不是“%s”",
             path, v);
    R->failed = true;
  }
}

/* PDF pages are 3 to 14,400 pt a side (libharu fails on others). */
#define PAGE_MIN 3
#define PAGE_MAX 14400

/* A page the writers can lay out: of a size PDF allows, with a text block
 * that holds a line of body text, and sizes above zero. */
static void check_geometry(reader *R) {
  const er_style *s = R->s;
  const er_dec min = er_dec_int(PAGE_MIN), max = er_dec_int(PAGE_MAX);
  const er_length *sides[] = {&s->page_width, &s->page_height};
  for (int i = 0; i < 2; i++)
    if (er_dec_cmp(sides[i]->pt, min) < 0 || er_dec_cmp(sides[i]->pt, max) > 0) {
      er_error(R->d, sides[i]->pos, "style", "页面%s“%s”应在 %d pt 到 %d pt 之间",
               i ? "高度" : "宽度", sides[i]->text, PAGE_MIN, PAGE_MAX);
      R->failed = true;
    }
  for (int r = 0; r < ER_ROLE_COUNT; r++)
    if (s->fonts[r].size.pt.units <= 0) {
      er_error(R->d, s->fonts[r].size.pos, "style", "字号“/fonts/%s/size”应大于零",
               er_font_role_names[r]);
      R->failed = true;
    }
  if (s->line_pitch.pt.units <= 0) {
    er_error(R->d, s->line_pitch.pos, "style", "行距“/grid/line_pitch”应大于零");
    R->failed = true;
  }
  er_dec block_w = er_dec_sub(er_dec_sub(s->page_width.pt, s->margin_left.pt), s->margin_right.pt);
  er_dec block_h = er_dec_sub(er_dec_sub(s->page_height.pt, s->margin_top.pt), s->margin_bottom.pt);
  bool narrow = er_dec_cmp(block_w, s->fonts[ER_ROLE_BODY].size.pt) < 0;
  if (!R->failed && (narrow || er_dec_cmp(block_h, s->line_pitch.pt) < 0)) {
    er_error(R->d, narrow ? s->margin_left.pos : s->margin_top.pos, "style",
             "页边距太大：版心（页面减去页边距）放不下一行正文的一个字");
    R->failed = true;
  }
}

/* The file's bytes, NUL-terminated; NULL if it cannot be read. */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *text = malloc(STYLE_MAX_BYTES + 1);
  if (!text)
    abort();
  *len = fread(text, 1, STYLE_MAX_BYTES, f);
  bool ok = !ferror(f);
  fclose(f);
  if (!ok) {
    free(text);
    return NULL;
  }
  text[*len] = '\0';
  return text;
}

/* The compiled-in font-role map with the profile's own families of each
 * role first, so a font the user chose is tried before the official ones. */
static void font_map(reader *R) {
  er_diag md;
  er_diag_init(&md, "fonts/roles.yaml");
  if (!er_role_map_parse(&R->s->font_map, er_default_roles_yaml, strlen(er_default_roles_yaml),
                         &md)) {
    for (size_t i = 0; i < md.count; i++)
      er_error(R->d, ((er_pos){0, 0}), "font-roles", "内置的字体角色表 fonts/roles.yaml:%u:%u：%s",
               md.items[i].pos.line, md.items[i].pos.col, md.items[i].message);
    R->failed = true;
  }
  er_diag_free(&md);
  for (int r = 0; !R->failed && r < ER_ROLE_COUNT; r++)
    er_role_map_put_first(&R->s->font_map, (er_font_role)r, R->s->fonts[r].families,
                          R->s->fonts[r].count);
}

er_style *er_style_load(const char *path, er_diag *d) {
  er_style *s = calloc(1, sizeof *s);
  if (!s)
    abort();
  reader R = {s, d, false};
  /* what is not a small regular file is not read: a FIFO would block, a
   * style profile is a few kilobytes */
  const char *kind = er_path_kind(path);
  struct stat st;
  if (kind || (stat(path, &st) == 0 && st.st_size > STYLE_MAX_BYTES)) {
    if (kind)
      er_error(d, ((er_pos){0, 0}), "style", "样式文件是%s，不是普通文件", kind);
    else
      er_error(d, ((er_pos){0, 0}), "style", "样式文件超过 %d KB，不像是样式文件",
               STYLE_MAX_BYTES >> 10);
    free(s);
    return NULL;
  }
  size_t len;
  char *text = slurp(path, &len);
  struct fy_document *doc = text ? er_yaml_read(text, len, "style", "无法读取样式文件", d) : NULL;
  struct fy_node *root = doc ? fy_document_root(doc) : NULL;
  if (!root) {
    if (!text)
      er_error(d, ((er_pos){0, 0}), "style", "无法读取样式文件");
    free(text);
    free(s);
    return NULL;
  }
  s->name = scalar(&R, need(&R, root, "/name"), "name");
  length(&R, root, "/page/width", &s->page_width);
  length(&R, root, "/page/height", &s->page_height);
  length(&R, root, "/page/margins/top", &s->margin_top);
  length(&R, root, "/page/margins/right", &s->margin_right);
  length(&R, root, "/page/margins/bottom", &s->margin_bottom);
  length(&R, root, "/page/margins/left", &s->margin_left);
  length(&R, root, "/grid/line_pitch", &s->line_pitch);
  length(&R, root, "/table/rule", &s->rule);
  struct fy_node *indent_node = need(&R, root, "/indent_chars");
  const char *indent = scalar(&R, indent_node, "indent_chars");
  if (indent && er_dec_parse(indent, strlen(indent), &s->indent_chars) != ER_DEC_OK) {
    er_error(d, where(indent_node), "style", "indent_chars 应为数字");
    R.failed = true;
  }
  for (int r = 0; r < ER_ROLE_COUNT; r++)
    font(&R, root, (er_font_role)r);
  front_matter(&R, root);
  fy_document_destroy(doc);
  free(text);
  if (!R.failed)
    check_geometry(&R);
  if (!R.failed)
    font_map(&R);
  if (R.failed) {
    er_style_free(s);
    return NULL;
  }
  return s;
}

void er_style_free(er_style *s) {
  if (!s)
    return;
  er_role_map_free(&s->font_map);
  er_arena_free(&s->arena);
  free(s);
}
