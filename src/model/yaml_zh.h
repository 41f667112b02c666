/* The Chinese of a libfyaml syntax message, or NULL when it has none. */
#ifndef ER_YAML_ZH_H
#define ER_YAML_ZH_H

const char *er_yaml_zh(const char *english);

#endif
