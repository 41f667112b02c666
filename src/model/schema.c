/* The JSON Schema of the data format, printed from the shape tables so it
 * can never drift from what the loader accepts. */
#include "model/schema.h"

#include "model/json.h"
#include "model/shape.h"

#include <string.h>

#define MAX_SHAPES 64

typedef struct schema_writer {
  er_json json;
  const er_shape *shapes[MAX_SHAPES];
  size_t count;
} schema_writer;

/* Collects every shape reachable from `shape`, once each. */
static void collect(schema_writer *w, const er_shape *shape) {
  for (size_t i = 0; i < w->count; i++)
    if (w->shapes[i] == shape)
      return;
  if (w->count == MAX_SHAPES)
    return;
  w->shapes[w->count++] = shape;
  for (const er_field *f = shape->fields; f->key; f++)
    if (f->shape)
      collect(w, f->shape);
  if (shape == &er_indicator_shape)
    collect(w, &er_band_shape);
}

static void ref(er_json *j, const er_shape *shape) {
  char buf[96];
  snprintf(buf, sizeof buf, "#/$defs/%s", shape->id);
  er_json_begin_object(j);
  er_json_key(j, "$ref");
  er_json_string(j, buf);
  er_json_end_object(j);
}

static void type_list(er_json *j, const char *a, const char *b) {
  er_json_key(j, "type");
  if (!b) {
    er_json_string(j, a);
    return;
  }
  er_json_begin_array(j);
  er_json_string(j, a);
  er_json_string(j, b);
  er_json_end_array(j);
}

/* The members of a number's schema: numbers, or strings such as "98.42%". */
static void number_members(er_json *j, unsigned flags) {
  type_list(j, "number", "string");
  er_json_key(j, "pattern");
  er_json_string(j, (flags & ER_PERCENT) ? "^[+-]?[0-9]+(\\.[0-9]+)?%?$"
                                         : "^[+-]?[0-9]+(\\.[0-9]+)?$");
}

static void number_schema(er_json *j, unsigned flags) {
  er_json_begin_object(j);
  number_members(j, flags);
  er_json_end_object(j);
}

static void named_nums_schema(er_json *j, unsigned flags) {
  er_json_begin_object(j);
  type_list(j, "object", NULL);
  er_json_key(j, "additionalProperties");
  number_schema(j, flags);
  er_json_end_object(j);
}

static void band_table_schema(er_json *j) {
  er_json_begin_object(j);
  type_list(j, "array", NULL);
  er_json_key(j, "items");
  ref(j, &er_band_shape);
  er_json_end_object(j);
}

static void prose_schema(er_json *j) {
  er_json_begin_object(j);
  er_json_key(j, "anyOf");
  er_json_begin_array(j);
  er_json_begin_object(j);
  type_list(j, "string", NULL);
  er_json_end_object(j);
  er_json_begin_object(j);
  type_list(j, "array", NULL);
  er_json_key(j, "items");
  er_json_begin_object(j);
  er_json_key(j, "anyOf");
  er_json_begin_array(j);
  er_json_begin_object(j);
  type_list(j, "string", NULL);
  er_json_end_object(j);
  er_json_begin_object(j);
  type_list(j, "object", NULL);
  er_json_key(j, "properties");
  er_json_begin_object(j);
  er_json_key(j, "title");
  er_json_begin_object(j);
  type_list(j, "string", NULL);
  er_json_end_object(j);
  er_json_key(j, "text");
  er_json_begin_object(j);
  type_list(j, "string", NULL);
  er_json_end_object(j);
  er_json_end_object(j);
  er_json_key(j, "additionalProperties");
  er_json_bool(j, false);
  er_json_end_object(j);
  er_json_end_array(j);
  er_json_end_object(j);
  er_json_end_object(j);
  er_json_end_array(j);
  er_json_end_object(j);
}

/* The schema of one field's value, with its description. */
static void field_schema(er_json *j, const er_field *f) {
  switch (f->type) {
  case ER_F_TEXT:
    er_json_begin_object(j);
    type_list(j, "string", "number");
    break;
  case ER_F_NUM:
    er_json_begin_object(j);
    number_members(j, f->flags);
    break;
  case ER_F_FLAG:
    er_json_begin_object(j);
    type_list(j, "boolean", NULL);
    break;
  case ER_F_DATE:
    er_json_begin_object(j);
    type_list(j, "string", NULL);
    er_json_key(j, "pattern");
    er_json_string(j, "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$");
    break;
  case ER_F_CHOICE:
    er_json_begin_object(j);
    er_json_key(j, "enum");
    er_json_begin_array(j);
    for (int i = 0; f->choices[i]; i++)
      er_json_string(j, f->choices[i]);
    er_json_end_array(j);
    break;
  case ER_F_PROSE:
    er_json_begin_object(j);
    er_json_key(j, "allOf");
    er_json_begin_array(j);
    prose_schema(j);
    er_json_end_array(j);
    break;
  case ER_F_NAMED_NUMS:
    er_json_begin_object(j);
    er_json_key(j, "allOf");
    er_json_begin_array(j);
    named_nums_schema(j, f->flags);
    er_json_end_array(j);
    break;
  case ER_F_NUM_LIST:
    er_json_begin_object(j);
    type_list(j, "array", NULL);
    er_json_key(j, "items");
    number_schema(j, f->flags);
    break;
  case ER_F_OBJECT:
    er_json_begin_object(j);
    er_json_key(j, "allOf");
    er_json_begin_array(j);
    ref(j, f->shape);
    er_json_end_array(j);
    break;
  case ER_F_LIST:
    er_json_begin_object(j);
    type_list(j, "array", NULL);
    er_json_key(j, "items");
    if (f->shape->scalar_key) { /* "- 段落" stands for {text: 段落} */
      er_json_begin_object(j);
      er_json_key(j, "anyOf");
      er_json_begin_array(j);
      er_json_begin_object(j);
      type_list(j, "string", NULL);
      er_json_end_object(j);
      ref(j, f->shape);
      er_json_end_array(j);
      er_json_end_object(j);
    } else
      ref(j, f->shape);
    break;
  case ER_F_SCALE_REF:
  case ER_F_SCALES:
    er_json_begin_object(j);
    if (f->type == ER_F_SCALES) {
      type_list(j, "object", NULL);
      er_json_key(j, "additionalProperties");
      er_json_begin_object(j);
    }
    er_json_key(j, "anyOf");
    er_json_begin_array(j);
    if (f->type == ER_F_SCALE_REF) {
      er_json_begin_object(j);
      type_list(j, "string", NULL);
      er_json_end_object(j);
    }
    named_nums_schema(j, ER_PERCENT);
    band_table_schema(j);
    er_json_end_array(j);
    if (f->type == ER_F_SCALES)
      er_json_end_object(j);
    break;
  }
  er_json_key(j, "description");
  er_json_string(j, f->doc);
  er_json_end_object(j);
}

static void shape_schema(er_json *j, const er_shape *shape) {
  er_json_key(j, shape->id);
  er_json_begin_object(j);
  type_list(j, "object", NULL);
  er_json_key(j, "description");
  er_json_string(j, shape->doc);
  er_json_key(j, "properties");
  er_json_begin_object(j);
  for (const er_field *f = shape->fields; f->key; f++) {
    er_json_key(j, f->key);
    field_schema(j, f);
  }
  er_json_end_object(j);
  bool any_required = false;
  for (const er_field *f = shape->fields; f->key; f++)
    any_required |= (f->flags & ER_REQUIRED) != 0;
  if (any_required) {
    er_json_key(j, "required");
    er_json_begin_array(j);
    for (const er_field *f = shape->fields; f->key; f++)
      if (f->flags & ER_REQUIRED)
        er_json_string(j, f->key);
    er_json_end_array(j);
  }
  er_json_key(j, "additionalProperties");
  er_json_bool(j, false);
  er_json_end_object(j);
}

void er_schema_write(FILE *out) {
  schema_writer w = {0};
  er_json_init(&w.json, out);
  collect(&w, &er_eval_shape);
  er_json *j = &w.json;
  er_json_begin_object(j);
  er_json_key(j, "$schema");
  er_json_string(j, "https://json-schema.org/draft/2020-12/schema");
  er_json_key(j, "$id");
  er_json_string(j, "evalreport/evaluation.schema.json");
  er_json_key(j, "title");
  er_json_string(j, "evalreport 绩效评价数据文件");
  er_json_key(j, "$ref");
  er_json_string(j, "#/$defs/evaluation");
  er_json_key(j, "$defs");
  er_json_begin_object(j);
  for (size_t i = 0; i < w.count; i++)
    shape_schema(j, w.shapes[i]);
  er_json_end_object(j);
  er_json_end_object(j);
  er_json_finish(j);
}
