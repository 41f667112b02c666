#include "model/json.h"

void er_json_init(er_json *j, FILE *out) { *j = (er_json){out, 0, true, false}; }

/* Starts a value: a comma and a new line unless it follows its key. */
static void value_start(er_json *j) {
  if (j->after_key) {
    j->after_key = false;
    return;
  }
  if (j->depth > 0) {
    fputs(j->first ? "\n" : ",\n", j->out);
    fprintf(j->out, "%*s", 2 * j->depth, "");
  }
  j->first = false;
}

static void open_container(er_json *j, char c) {
  value_start(j);
  fputc(c, j->out);
  j->depth++;
  j->first = true;
}

static void close_container(er_json *j, char c) {
  j->depth--;
  if (!j->first)
    fprintf(j->out, "\n%*s", 2 * j->depth, "");
  fputc(c, j->out);
  j->first = false;
}

void er_json_begin_object(er_json *j) { open_container(j, '{'); }
void er_json_end_object(er_json *j) { close_container(j, '}'); }
void er_json_begin_array(er_json *j) { open_container(j, '['); }
void er_json_end_array(er_json *j) { close_container(j, ']'); }

static void write_string(FILE *out, const char *s) {
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    switch (*p) {
    case '"':
      fputs("\\\"", out);
      break;
    case '\\':
      fputs("\\\\", out);
      break;
    case '\n':
      fputs("\\n", out);
      break;
    case '\t':
      fputs("\\t", out);
      break;
    case '\r':
      fputs("\\r", out);
      break;
    default:
      if (*p < 0x20)
        fprintf(out, "\\u%04x", *p);
      else
        fputc(*p, out);
    }
  }
  fputc('"', out);
}

void er_json_key(er_json *j, const char *key) {
  value_start(j);
  write_string(j->out, key);
  fputs(": ", j->out);
  j->after_key = true;
}

void er_json_string(er_json *j, const char *s) {
  if (!s) {
    er_json_null(j);
    return;
  }
  value_start(j);
  write_string(j->out, s);
}

void er_json_number(er_json *j, er_dec v, int places) {
  char buf[ER_DEC_BUFSIZE];
  value_start(j);
  fputs(er_dec_format_trim(v, places, buf), j->out);
}

void er_json_int(er_json *j, long long v) {
  value_start(j);
  fprintf(j->out, "%lld", v);
}

void er_json_bool(er_json *j, bool v) {
  value_start(j);
  fputs(v ? "true" : "false", j->out);
}

void er_json_null(er_json *j) {
  value_start(j);
  fputs("null", j->out);
}

void er_json_finish(er_json *j) { fputc('\n', j->out); }
