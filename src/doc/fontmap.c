/* The font-role map (fontmap.h), read with the profile's YAML reader. */
#include "doc/fontmap.h"
#include "doc/yamlread.h"

#include <stdlib.h>
#include <string.h>

const char *const er_font_role_names[ER_ROLE_COUNT] = {
    "body", "title", "h2", "h3", "h4", "table", "caption", "note", "page_number",
};

/* fontconfig's weights by the names the map uses. */
static const struct {
  const char *name;
  int weight;
} weights[] = {{"light", 50}, {"regular", 80}, {"medium", 100}, {"semibold", 180},
               {"bold", 200}, {"heavy", 210},  {"black", 210}};

static bool parse_weight(struct fy_node *n, er_family *out, er_diag *d) {
  char *text = fy_node_is_scalar(n) ? er_yaml_strdup(n) : NULL;
  for (size_t i = 0; text && i < sizeof weights / sizeof weights[0]; i++)
    if (strcmp(text, weights[i].name) == 0)
      out->weight = weights[i].weight;
  free(text);
  if (!out->weight)
    er_error(d, er_yaml_pos(n), "font-roles",
             "weight 应为 light、regular、medium、semibold、bold、heavy 或 black");
  return out->weight != 0;
}

/* One entry: a family name, or {family: NAME, embolden: EM, weight: W}. */
static bool parse_family(struct fy_node *n, er_family *out, er_diag *d) {
  if (fy_node_is_scalar(n)) {
    out->name = er_yaml_strdup(n);
    return out->name && out->name[0];
  }
  if (!fy_node_is_mapping(n)) {
    er_error(d, er_yaml_pos(n), "font-roles", "字体条目应为字体名或 {family, embolden, weight}");
    return false;
  }
  struct fy_node *family = fy_node_mapping_lookup_by_string(n, "family", FY_NT);
  struct fy_node *embolden = fy_node_mapping_lookup_by_string(n, "embolden", FY_NT);
  if (!family || !fy_node_is_scalar(family)) {
    er_error(d, er_yaml_pos(n), "font-roles", "字体条目缺少 family");
    return false;
  }
  out->name = er_yaml_strdup(family);
  struct fy_node *weight = fy_node_mapping_lookup_by_string(n, "weight", FY_NT);
  if (weight && !parse_weight(weight, out, d))
    return false;
  if (embolden) {
    char *text = fy_node_is_scalar(embolden) ? er_yaml_strdup(embolden) : NULL;
    char *end = NULL;
    double v = text ? strtod(text, &end) : -1;
    bool ok = text && end != text && *end == '\0' && v >= 0 && v <= 0.2;
    free(text);
    if (!ok) {
      er_error(d, er_yaml_pos(embolden), "font-roles",
               "embolden 应为 0 到 0.2 之间的数（字号的比例）");
      return false;
    }
    out->embolden = v;
  }
  return true;
}

static bool parse_list(struct fy_node *n, er_family_list *out, const char *key, er_diag *d) {
  if (!n || !fy_node_is_sequence(n) || fy_node_sequence_item_count(n) <= 0) {
    er_error(d, n ? er_yaml_pos(n) : ((er_pos){0, 0}), "font-roles",
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

/* latin: {families: [...], roles: [body, ...]} */
static bool parse_latin(struct fy_node *n, er_role_map *map, er_diag *d) {
  struct fy_node *families =
      fy_node_is_mapping(n) ? fy_node_mapping_lookup_by_string(n, "families", FY_NT) : NULL;
  struct fy_node *roles =
      fy_node_is_mapping(n) ? fy_node_mapping_lookup_by_string(n, "roles", FY_NT) : NULL;
  if (!parse_list(families, &map->latin, "latin", d))
    return false;
  if (!roles || !fy_node_is_sequence(roles)) {
    er_error(d, er_yaml_pos(n), "font-roles", "latin 应有 roles：使用西文字体的角色列表");
    return false;
  }
  void *it = NULL;
  struct fy_node *item;
  while ((item = fy_node_sequence_iterate(roles, &it))) {
    size_t len;
    const char *name = fy_node_is_scalar(item) ? fy_node_get_scalar(item, &len) : NULL;
    int found = -1;
    for (int r = 0; name && r < ER_ROLE_COUNT; r++)
      if (strlen(er_font_role_names[r]) == len && memcmp(er_font_role_names[r], name, len) == 0)
        found = r;
    if (found < 0) {
      er_error(d, er_yaml_pos(item), "font-roles", "latin 的 roles 中有未知的角色");
      return false;
    }
    map->latin_roles[found] = true;
  }
  return true;
}

/* free: {FAMILY: PACKAGE, ...} */
static bool parse_free(struct fy_node *n, er_role_map *map, er_diag *d) {
  if (!fy_node_is_mapping(n)) {
    er_error(d, er_yaml_pos(n), "font-roles", "free 应为“字体名: 软件包”的映射");
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
      er_error(d, er_yaml_pos(k), "font-roles", "free 应为“字体名: 软件包”的映射");
      return false;
    }
    map->free[map->nfree++] = (er_free_family){er_yaml_strdup(k), er_yaml_strdup(v)};
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
  struct fy_document *doc = er_yaml_read(yaml, len, "font-roles", "字体角色表不是有效的 YAML", d);
  if (!doc)
    return false;
  struct fy_node *root = fy_document_root(doc);
  bool ok = root && fy_node_is_mapping(root);
  if (!ok)
    er_error(d, ((er_pos){1, 1}), "font-roles", "字体角色表的顶层应为映射");
  for (int r = 0; ok && r < ER_ROLE_COUNT; r++)
    if (!parse_list(fy_node_mapping_lookup_by_string(root, er_font_role_names[r], FY_NT),
                    &map->roles[r], er_font_role_names[r], d))
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

static bool listed(const er_family_list *list, const char *name) {
  for (size_t i = 0; i < list->count; i++)
    if (strcmp(list->items[i].name, name) == 0)
      return true;
  return false;
}

void er_role_map_put_first(er_role_map *map, er_font_role role, const char *const *families,
                           size_t n) {
  er_family_list *own = &map->roles[role];
  er_family *items = calloc(n + own->count + 1, sizeof *items);
  if (!items)
    abort();
  size_t count = 0;
  for (size_t i = 0; i < n; i++) {
    er_family_list first = {items, count};
    if (!listed(own, families[i]) && !listed(&first, families[i])) {
      items[count].name = strdup(families[i]);
      if (!items[count++].name)
        abort();
    }
  }
  memcpy(items + count, own->items, own->count * sizeof *items);
  free(own->items);
  own->items = items;
  own->count += count;
}

void er_role_map_free(er_role_map *map) {
  for (int r = 0; r < ER_ROLE_COUNT; r++)
    free_list(&map->roles[r]);
  free_list(&map->fallback);
  free_list(&map->latin);
  for (size_t i = 0; i < map->nfree; i++) {
    free(map->free[i].family);
    free(map->free[i].package);
  }
  free(map->free);
  memset(map, 0, sizeof *map);
}
