/* The constructors of shape tables, for the files that define them
 * (shape.c, outline_shape.c). Private to src/model. */
#ifndef ER_SHAPE_IMPL_H
#define ER_SHAPE_IMPL_H

#include "model/shape.h"

#include <stddef.h>

/* Field constructors; S is the struct being described. */
#define FIELD(key, type, member, flags, shape, choices, doc)                                       \
  { key, type, offsetof(S, member), flags, shape, choices, doc }
#define TEXT(key, member, flags, doc) FIELD(key, ER_F_TEXT, member, flags, NULL, NULL, doc)
#define NUM(key, member, flags, doc) FIELD(key, ER_F_NUM, member, flags, NULL, NULL, doc)
#define FLAG(key, member, doc) FIELD(key, ER_F_FLAG, member, 0, NULL, NULL, doc)
#define DATE(key, member, doc) FIELD(key, ER_F_DATE, member, 0, NULL, NULL, doc)
#define CHOICE(key, member, flags, choices, doc)                                                   \
  FIELD(key, ER_F_CHOICE, member, flags, NULL, choices, doc)
#define PROSE(key, member, doc) FIELD(key, ER_F_PROSE, member, 0, NULL, NULL, doc)
#define NAMED(key, member, flags, doc) FIELD(key, ER_F_NAMED_NUMS, member, flags, NULL, NULL, doc)
#define OBJECT(key, member, shape, doc) FIELD(key, ER_F_OBJECT, member, 0, &(shape), NULL, doc)
#define LIST(key, member, flags, shape, doc)                                                       \
  FIELD(key, ER_F_LIST, member, flags, &(shape), NULL, doc)
#define SCALE(key, member, doc) FIELD(key, ER_F_SCALE_REF, member, 0, NULL, NULL, doc)
#define END                                                                                        \
  { NULL, 0, 0, 0, NULL, NULL, NULL }
#define SHAPE(var, name, doc)                                                                      \
  const er_shape var = {#var, name, sizeof(S), offsetof(S, pos), var##_fields, doc, NULL}
/* A shape with an id of its own (for the JSON Schema) and, when `key` is
 * not NULL, list entries that may be a bare scalar filling `key`. */
#define SHAPE_ID(var, id, name, doc, key)                                                          \
  const er_shape var = {id, name, sizeof(S), offsetof(S, pos), var##_fields, doc, key}

#endif
