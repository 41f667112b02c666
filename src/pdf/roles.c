/* The font-role map, parsed from YAML with libfyaml. */
#include "pdf/roles.h"

#include <libfyaml.h>
#include <stdlib.h>
#include <string.h>

/* In the order of er_font_role (doc/style.h). */
static const char *const role_names[ER_ROLE_COUNT] = {
    "body", "title", "h2", "h3", "h4", "table", "caption", "note", "page_number",
};

const char *er_role_name(er_role role) {
  return role >= 0 && role < ER_ROLE_COUNT ? role_names[role] : "?";
}

/* A scalar's position; libfyaml 0.7 keeps none for collections. */
static er_pos node_pos(struct fy_node *n) {
  struct fy_token *t = n && fy_node_is_scalar(n) ? fy_node_get_scalar_token(n) : NULL;
  const struct fy_mark *m = t ? fy_token_start_mark(t) : NULL;
  return m ? (er_pos){(uint32_t)m->line + 1, (uint32_t)m->column + 1} : (er_pos){0, 0};
}

static char *scalar_dup(struct fy_node *n) {
  size_t len;
  const char *s = fy_node_get_scalar(n, &len);
  char *copy = s ? strndup(s, len) : NULL;
  if (s && !copy)
    abort();
  return copy;
}

/* fontconfig's weights by the names the map uses. */
static const struct {
  const char *name;
  int weight;
} weights[] = {{"light", 50}, {"regular", 80}, {"medium", 100}, {"semibold", 180},
               {"bold", 200}, {"heavy", 210},  {"black", 210}};

static bool parse_weight(struct fy_node *n, er_family *out, er_diag *d) {
  char *text = fy_node_is_scalar(n) ? scalar_dup(n) : NULL;
  for (size_t i = 0; text && i < sizeof weights / sizeof weights[0]; i++)
    if (strcmp(text, weights[i].name) == 0)
      out->weight = weights[i].weight;
  free(text);
  if (!out->weight)
    er_error(d, node_pos(n), "font-roles",
             "weight 应为 light、regular、medium、semibold、bold、heavy 或 black");
  return out->weight != 0;
}

/* One entry: a family name, or {family: NAME, embolden: EM, weight: W}. */
static bool parse_family(struct fy_node *n, er_family *out, er_diag *d) {
  if (fy_node_is_scalar(n)) {
    out->name = scalar_dup(n);
    return out->name && out->name[0];
  }
  if (!fy_node_is_mapping(n)) {
    er_error(d, node_pos(n), "font-roles", "字体条目应为字体名或 {family, embolden, weight}");
    return false;
  }
  struct fy_node *family = fy_node_mapping_lookup_by_string(n, "family", FY_NT);
  struct fy_node *embolden = fy_node_mapping_lookup_by_string(n, "embolden", FY_NT);
  if (!family || !fy_node_is_scalar(family)) {
    er_error(d, node_pos(n), "font-roles", "字体条目缺少 family");
    return false;
  }
  out->name = scalar_dup(family);
  struct fy_node *weight = fy_node_mapping_lookup_by_string(n, "weight", FY_NT);
  if (weight && !parse_weight(weight, out, d))
    return false;
  if (embolden) {
    char *text = fy_node_is_scalar(embolden) ? scalar_dup(embolden) : NULL;
    char *end = NULL;
    double v = text ? strtod(text, &end) : -1;
    bool ok = text && end != text && *end == '\0' && v >= 0 && v <= 0.2;
    free(text);
    if (!ok) {
      er_error(d, node_pos(embolden), "font-roles",
               "embolden 应为 0 到 0.2 之间的数（字号的比例）");
      return false;
    }
    out->embolden = v;
  }
  return true;
}

static bool parse_list(struct fy_node *n, er_family_list *out, const char *key, er_diag *d) {
  if (!n || !fy_node_is_sequence(n) || fy_node_sequence_item_count(n) <= 0) {
    er_error(d, n ? node_pos(n) : ((er_pos){0, 0}), "font-roles",
             "字体角色“%s”应为非空的字体名列表", key);
    return false;
  }
  size_t count = (size_t)fy_node_sequence_item_count(n);
  out->items = calloc(count, sizeof *out->items);
  if (!out->items)
    abort();
  void *it = NULL;
  struct fy_node *item;
  bool ok = true;
  while ((item = fy_node_sequence_iterate(n, &it)))
    if (parse_family(item, &out->items[out->count++], d) == false)
      ok = false;
  return ok;
}

static struct fy_document *parse_yaml(const char *yaml, size_t len, er_diag *d) {
  struct fy_diag_cfg dcfg;
  fy_diag_cfg_default(&dcfg);
  dcfg.fp = NULL;
  dcfg.colorize = false;
  struct fy_diag *diag = fy_diag_create(&dcfg);
  if (!diag)
    abort();
  struct fy_parse_cfg cfg = {
      .flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_RESOLVE_DOCUMENT, .diag = diag};
  struct fy_document *doc = fy_document_build_from_string(&cfg, yaml, len);
  fy_diag_destroy(diag);
  if (!doc)
    er_error(d, ((er_pos){0, 0}), "font-roles", "字体角色表不是有效的 YAML");
  return doc;
}

/* latin: {families: [...], roles: [body, ...]} */
static bool parse_latin(struct fy_node *n, er_role_map *map, er_diag *d) {
  struct fy_node *families =
      fy_node_is_mapping(n) ? fy_node_mapping_lookup_by_string(n, "families", FY_NT) : NULL;
  struct fy_node *roles =
      fy_node_is_mapping(n) ? fy_node_mapping_lookup_by_string(n, "roles", FY_NT) : NULL;
  if (!parse_list(families, &map->latin, "latin", d))
    return false;
  if (!roles || !fy_node_is_sequence(roles)) {
    er_error(d, node_pos(n), "font-roles", "latin 应有 roles：使用西文字体的角色列表");
    return false;
  }
  void *it = NULL;
  struct fy_node *item;
  while ((item = fy_node_sequence_iterate(roles, &it))) {
    size_t len;
    const char *name = fy_node_is_scalar(item) ? fy_node_get_scalar(item, &len) : NULL;
    int found = -1;
    for (int r = 0; name && r < ER_ROLE_COUNT; r++)
      if (strlen(role_names[r]) == len && memcmp(role_names[r], name, len) == 0)
        found = r;
    if (found < 0) {
      er_error(d, node_pos(item), "font-roles", "latin 的 roles 中有未知的角色");
      return false;
    }
    map->latin_roles[found] = true;
  }
  return true;
}

/* free: {FAMILY: PACKAGE, ...} */
static bool parse_free(struct fy_node *n, er_role_map *map, er_diag *d) {
  if (!fy_node_is_mapping(n)) {
    er_error(d, node_pos(n), "font-roles", "free 应为“字体名: 软件包”的映射");
    return false;
  }
  int count = fy_node_mapping_item_count(n);
  map->free = calloc(count > 0 ? (size_t)count : 1, sizeof *map->free);
  if (!map->free)
    abort();
  void *it = NULL;
  struct fy_node_pair *pair;
  while ((pair = fy_node_mapping_iterate(n, &it))) {
    struct fy_node *k = fy_node_pair_key(pair), *v = fy_node_pair_value(pair);
    if (!fy_node_is_scalar(k) || !fy_node_is_scalar(v)) {
      er_error(d, node_pos(k), "font-roles", "free 应为“字体名: 软件包”的映射");
      return false;
    }
    map->free[map->nfree++] = (er_free_family){scalar_dup(k), scalar_dup(v)};
  }
  return true;
}

const char *er_role_map_free_package(const er_role_map *map, const char *family) {
  for (size_t i = 0; i < map->nfree; i++)
    if (strcmp(map->free[i].family, family) == 0)
      return map->free[i].package;
  return NULL;
}

bool er_role_map_parse(er_role_map *map, const char *yaml, size_t len, er_diag *d) {
  memset(map, 0, sizeof *map);
  struct fy_document *doc = parse_yaml(yaml, len, d);
  if (!doc)
    return false;
  struct fy_node *root = fy_document_root(doc);
  bool ok = root && fy_node_is_mapping(root);
  if (!ok)
    er_error(d, ((er_pos){1, 1}), "font-roles", "字体角色表的顶层应为映射");
  for (int r = 0; ok && r < ER_ROLE_COUNT; r++)
    if (!parse_list(fy_node_mapping_lookup_by_string(root, role_names[r], FY_NT), &map->roles[r],
                    role_names[r], d))
      ok = false;
  if (ok) {
    struct fy_node *fallback = fy_node_mapping_lookup_by_string(root, "fallback", FY_NT);
    if (fallback && !parse_list(fallback, &map->fallback, "fallback", d))
      ok = false;
    struct fy_node *latin = fy_node_mapping_lookup_by_string(root, "latin", FY_NT);
    if (ok && latin && !parse_latin(latin, map, d))
      ok = false;
    struct fy_node *free_ = fy_node_mapping_lookup_by_string(root, "free", FY_NT);
    if (ok && free_ && !parse_free(free_, map, d))
      ok = false;
  }
  fy_document_destroy(doc);
  return ok;
}

static void free_list(er_family_list *list) {
  for (size_t i = 0; i < list->count; i++)
    free(list->items[i].name);
  free(list->items);
  list->items = NULL;
  list->count = 0;
}

static void free_extras(er_role_map *map) {
  free_list(&map->latin);
  memset(map->latin_roles, 0, sizeof map->latin_roles);
  for (size_t i = 0; i < map->nfree; i++) {
    free(map->free[i].family);
    free(map->free[i].package);
  }
  free(map->free);
  map->free = NULL;
  map->nfree = 0;
}

void er_role_map_take_extras(er_role_map *to, er_role_map *from) {
  free_extras(to);
  to->latin = from->latin;
  memcpy(to->latin_roles, from->latin_roles, sizeof to->latin_roles);
  to->free = from->free;
  to->nfree = from->nfree;
  memset(&from->latin, 0, sizeof from->latin);
  from->free = NULL;
  from->nfree = 0;
}

void er_role_map_free(er_role_map *map) {
  for (int r = 0; r < ER_ROLE_COUNT; r++)
    free_list(&map->roles[r]);
  free_list(&map->fallback);
  free_extras(map);
}
