/* Shape tables: the data format as data. Each struct of model.h that a
 * data file fills has a shape listing its keys, their types and where they
 * go. The loader walks a YAML document along these tables, and the JSON
 * Schema is printed from them, so the format is written down once. */
#ifndef ER_SHAPE_H
#define ER_SHAPE_H

#include <stddef.h>

typedef enum er_field_type {
  ER_F_TEXT,       /* er_text: any scalar */
  ER_F_NUM,        /* er_num: a decimal number (or percent with ER_PERCENT) */
  ER_F_FLAG,       /* er_flag: true / false */
  ER_F_DATE,       /* er_date: 2019-12 or 2019-12-31 */
  ER_F_CHOICE,     /* er_choice: one of `choices` */
  ER_F_PROSE,      /* er_prose: paragraphs or titled sections */
  ER_F_NAMED_NUMS, /* er_named_nums: an ordered mapping name → number */
  ER_F_NUM_LIST,   /* ER_LIST(er_num) */
  ER_F_OBJECT,     /* a nested struct of `shape` */
  ER_F_LIST,       /* ER_LIST of `shape` elements */
  ER_F_SCALE_REF,  /* er_scale_ref: a scale name, an inline scale or band table */
  ER_F_SCALES      /* ER_LIST(er_scale): mapping name → scale or band table */
} er_field_type;

enum {
  ER_REQUIRED = 1u << 0,
  ER_PERCENT = 1u << 1, /* a trailing % is allowed */
  ER_INTEGER = 1u << 2, /* a whole number */
  ER_NONNEG = 1u << 3,  /* not below zero */
};

typedef struct er_shape er_shape;

typedef struct er_field {
  const char *key;
  er_field_type type;
  size_t offset;
  unsigned flags;
  const er_shape *shape;      /* ER_F_OBJECT, ER_F_LIST */
  const char *const *choices; /* ER_F_CHOICE: NULL-terminated */
  const char *doc;            /* one line, Chinese, for the schema */
} er_field;

struct er_shape {
  const char *id;         /* a stable identifier, used by the JSON Schema */
  const char *name;       /* used in messages: 指标 (indicator) */
  size_t size;            /* sizeof the struct */
  size_t pos_offset;      /* offsetof its er_pos pos */
  const er_field *fields; /* terminated by a field with key NULL */
  const char *doc;
  const char *scalar_key; /* in a list, a bare scalar fills this text field */
};

extern const er_shape er_eval_shape;
extern const er_shape er_indicator_shape;
extern const er_shape er_band_shape;
extern const er_shape er_report_layout_shape;
extern const er_shape er_narrative_shape;
extern const er_shape er_outline_section_shape;

/* The field of `shape` named `key`, or NULL. */
const er_field *er_shape_field(const er_shape *shape, const char *key, size_t len);

#endif
