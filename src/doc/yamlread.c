/* The one YAML reader of the style profile and the font-role map. */
#include "doc/yamlread.h"
#include "model/yaml_zh.h"

#include <stdlib.h>
#include <string.h>

/* Exported by libfyaml 0.7 but missing from its header. */

struct fy_document *er_yaml_read(const char *text, size_t len, const char *key, const char *what,
                                 er_diag *d) {
  struct fy_diag *diag = er_yaml_quiet_diag();
  struct fy_parse_cfg cfg = {
      .flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_RESOLVE_DOCUMENT, .diag = diag};
  struct fy_document *doc = fy_document_build_from_string(&cfg, text, len);
  if (!doc || !fy_document_root(doc)) {
    void *it = NULL;
    struct fy_diag_error *err;
    while ((err = fy_diag_errors_iterate(diag, &it)))
      if (err->type >= FYET_ERROR)
        er_error(d, ((er_pos){(uint32_t)err->line, (uint32_t)err->column}), key,
                 "YAML 语法错误：%s", err->msg);
    er_error(d, ((er_pos){0, 0}), key, "%s", what);
    fy_document_destroy(doc);
    doc = NULL;
  }
  fy_diag_destroy(diag);
  return doc;
}

static er_pos mark_pos(const struct fy_mark *m) {
  return m ? (er_pos){(uint32_t)m->line + 1, (uint32_t)m->column + 1} : (er_pos){0, 0};
}

er_pos er_yaml_pos(struct fy_node *n) {
  if (!n)
    return (er_pos){0, 0};
  if (fy_node_is_scalar(n)) {
    struct fy_token *t = fy_node_get_scalar_token(n);
    return mark_pos(t ? fy_token_start_mark(t) : NULL);
  }
  struct fy_node *parent = fy_node_get_parent(n);
  if (parent && fy_node_is_mapping(parent)) {
    void *it = NULL;
    struct fy_node_pair *pair;
    while ((pair = fy_node_mapping_iterate(parent, &it)))
      if (fy_node_pair_value(pair) == n)
        return er_yaml_pos(fy_node_pair_key(pair));
  }
  void *it = NULL;
  if (fy_node_is_sequence(n))
    return er_yaml_pos(fy_node_sequence_iterate(n, &it));
  struct fy_node_pair *first = fy_node_is_mapping(n) ? fy_node_mapping_iterate(n, &it) : NULL;
  return first ? er_yaml_pos(fy_node_pair_key(first)) : (er_pos){0, 0};
}

char *er_yaml_strdup(struct fy_node *n) {
  size_t len;
  const char *s = n && fy_node_is_scalar(n) ? fy_node_get_scalar(n, &len) : NULL;
  char *copy = s ? strndup(s, len) : NULL;
  if (s && !copy)
    abort();
  return copy;
}
