/* The Chinese of a libfyaml syntax message, or NULL when it has none. */
#ifndef ER_YAML_ZH_H
#define ER_YAML_ZH_H

const char *er_yaml_zh(const char *english);

/* A libfyaml diagnostics object that prints nothing and collects the
 * errors, for the caller to report at their positions (in Chinese). */
struct fy_diag *er_yaml_quiet_diag(void);

#endif
