/* The template layer: syntax errors reported as FILE:LINE (also those
 * ctemplate reports without a line), partials that see their context,
 * HTML escaping always on, list markers, the lint for values the view
 * does not set, the limits on what an expansion may take, and the text of
 * an expansion on its own thread read as it comes. */
#include "support.h"

#include "view/tpl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static int make_dir(void **state) {
  (void)state;
  snprintf(dir, sizeof dir, "/tmp/er-tpl-XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state) {
  (void)state;
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

static void write_template(const char *name, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s.tpl", dir, name);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static er_tpl *load(const char *name, er_tpl_notes *notes) {
  const char *dirs[] = {dir};
  er_tpl_notes_init(notes);
  return er_tpl_load(dirs, 1, name, notes);
}

/* The one error of a failed load: its line and a word of its text. */
static void expect_error(const char *text, unsigned line, const char *file_suffix,
                         const char *word) {
  write_template("t", text);
  er_tpl_notes notes;
  er_tpl *t = load("t", &notes);
  assert_null(t);
  assert_int_equal(notes.errors, 1);
  assert_int_equal(notes.items[0].line, line);
  assert_non_null(strstr(notes.items[0].file, file_suffix));
  assert_non_null(strstr(notes.items[0].text, word));
  er_tpl_notes_free(&notes);
}

static void unclosed_section_has_its_line(void **state) {
  (void)state;
  /* ctemplate says only "File ended before all sections were closed" */
  expect_error("<p>\n{{#A}}\n<b/>\n</p>\n", 2, "t.tpl", "{{#A}}");
}

static void mismatched_end_has_both_lines(void **state) {
  (void)state;
  expect_error("{{#A}}\n{{#B}}\n{{/A}}\n", 3, "t.tpl", "第 2 行");
}

static void dotted_name_is_refused(void **state) {
  (void)state;
  expect_error("a\nb {{a.b}}\n", 2, "t.tpl", "a.b");
}

static void modifiers_pragmas_and_triple_braces_are_refused(void **state) {
  (void)state;
  expect_error("{{X:none}}", 1, "t.tpl", "修饰符");
  expect_error("\n{{%AUTOESCAPE context=\"JAVASCRIPT\"}}", 2, "t.tpl", "不允许");
  expect_error("{{{X}}}", 1, "t.tpl", "{{{");
  expect_error("x {{ X }}", 1, "t.tpl", "无效");
}

static void unterminated_marker_and_stray_end(void **state) {
  (void)state;
  expect_error("\n\nok {{X\n}}", 3, "t.tpl", "}}");
  expect_error("{{/A}}", 1, "t.tpl", "没有对应");
}

static void errors_in_a_partial_name_the_partial(void **state) {
  (void)state;
  write_template("part", "one\ntwo {{#S}}\n");
  expect_error("x\n{{>part}}\n", 2, "part.tpl", "{{#S}}");
  expect_error("{{>missing}}", 1, "t.tpl", "missing.tpl");
  write_template("loop", "{{>loop}}");
  expect_error("{{>loop}}", 1, "loop.tpl", "自身");
}

static char *expand(const char *text, const er_dict *d, er_tpl_notes *notes) {
  write_template("t", text);
  er_tpl *t = load("t", notes);
  assert_non_null(t);
  size_t len;
  char *out = er_tpl_expand(t, d, &len, notes);
  assert_non_null(out);
  assert_int_equal(strlen(out), len);
  er_tpl_free(t);
  return out;
}

static void values_are_escaped_and_never_expanded(void **state) {
  (void)state;
  er_dict *d = er_dict_new();
  er_dict_set(d, "X", "<script>\"'&{{Y}}\x01\x1b</script>");
  er_dict_set(d, "Y", "boom");
  er_tpl_notes notes;
  char *out = expand("<p title=\"{{X}}\">{{X}}</p>", d, &notes);
  assert_string_equal(out, "<p title=\"&lt;script&gt;&quot;&#39;&amp;{{Y}}&lt;/script&gt;\">"
                           "&lt;script&gt;&quot;&#39;&amp;{{Y}}&lt;/script&gt;</p>");
  free(out);
  er_tpl_notes_free(&notes);
  er_dict_free(d);
}

static void partials_see_their_context(void **state) {
  (void)state;
  write_template("item", "[{{NAME}}/{{TOP}}]");
  er_dict *d = er_dict_new();
  er_dict_set(d, "TOP", "t");
  er_dict_set(er_dict_add(d, "ROW"), "NAME", "a");
  er_dict_set(er_dict_add(d, "ROW"), "NAME", "b");
  er_tpl_notes notes;
  char *out = expand("{{#ROW}}{{>item}}{{/ROW}}", d, &notes);
  assert_string_equal(out, "[a/t][b/t]");
  free(out);
  er_tpl_notes_free(&notes);
  er_dict_free(d);
}

static void lists_carry_first_last_and_index(void **state) {
  (void)state;
  er_dict *d = er_dict_new();
  for (int i = 0; i < 3; i++)
    er_dict_setf(er_dict_add(d, "R"), "V", "%c", 'a' + i);
  er_tpl_notes notes;
  char *out =
      expand("{{#R}}{{#R_FIRST}}<{{/R_FIRST}}{{R_INDEX}}{{V}}{{#R_NOT_LAST}},{{/R_NOT_LAST}}"
             "{{#R_LAST}}>{{/R_LAST}}{{/R}}",
             d, &notes);
  assert_string_equal(out, "<1a,2b,3c>");
  free(out);
  er_tpl_notes_free(&notes);
  er_dict_free(d);
}

static void lint_names_the_missing_value_and_its_line(void **state) {
  (void)state;
  write_template("t", "{{A}}\n{{#S}}\n{{B}} {{MISSING}}\n{{/S}}\n{{#HIDDEN}}{{ALSO}}{{/HIDDEN}}");
  er_dict *d = er_dict_new();
  er_dict_set(d, "A", "a");
  er_dict_set(er_dict_add(d, "S"), "B", "b");
  er_dict_add(d, "S"); /* the second instance lacks B as well */
  er_tpl_notes notes;
  er_tpl *t = load("t", &notes);
  assert_non_null(t);
  er_tpl_lint(t, d, &notes);
  /* MISSING once and B once (each marker reported once), HIDDEN never shown */
  assert_int_equal(notes.warnings, 2);
  assert_int_equal(notes.errors, 0);
  bool missing = false, b = false;
  for (size_t i = 0; i < notes.count; i++) {
    assert_int_equal(notes.items[i].line, 3);
    missing |= strstr(notes.items[i].text, "{{MISSING}}") != NULL;
    b |= strstr(notes.items[i].text, "{{B}}") != NULL;
  }
  assert_true(missing && b);
  er_tpl_free(t);
  er_tpl_notes_free(&notes);
  er_dict_free(d);
}

static void locate_points_into_the_right_file(void **state) {
  (void)state;
  write_template("part", "a\nb\n<video/>\n");
  write_template("t", "x\n{{>part}}\n");
  er_tpl_notes notes;
  er_tpl *t = load("t", &notes);
  assert_non_null(t);
  const char *file;
  unsigned line;
  assert_true(er_tpl_locate(t, "<video", &file, &line));
  assert_non_null(strstr(file, "part.tpl"));
  assert_int_equal(line, 3);
  er_tpl_free(t);
  er_tpl_notes_free(&notes);
}

/* The error of an expansion refused for its size, with a word of it. */
static void expect_refused(const char *text, const er_dict *d, const char *word) {
  write_template("t", text);
  er_tpl_notes notes;
  er_tpl *t = load("t", &notes);
  assert_non_null(t);
  size_t len;
  assert_null(er_tpl_expand(t, d, &len, &notes));
  assert_int_equal(notes.errors, 1);
  assert_non_null(strstr(notes.items[0].text, word));
  er_tpl_free(t);
  er_tpl_notes_free(&notes);
}

static void sections_nested_in_their_own_list_are_bounded(void **state) {
  (void)state;
  er_dict *d = er_dict_new();
  for (int i = 0; i < 10; i++)
    er_dict_setf(er_dict_add(d, "ROW"), "V", "%d", i);
  /* two levels: every pair of rows, 100 values */
  er_tpl_notes notes;
  char *out = expand("{{#ROW}}{{#ROW}}{{V}}{{/ROW}}{{/ROW}}", d, &notes);
  assert_int_equal(strlen(out), 100);
  free(out);
  er_tpl_notes_free(&notes);
  /* eight levels would be 10^8 expansions: refused before expanding */
  char text[256] = "";
  for (int i = 0; i < 8; i++)
    strcat(text, "{{#ROW}}");
  strcat(text, "x");
  for (int i = 0; i < 8; i++)
    strcat(text, "{{/ROW}}");
  expect_refused(text, d, "模板展开过大");
  er_dict_free(d);
}

/* A template of plain text one byte longer than `d` may expand to. */
static char *text_beyond_the_limit(er_dict *d) {
  size_t n = er_tpl_output_limit(d) + 1;
  char *text = malloc(n + 1);
  assert_non_null(text);
  memset(text, 'a', n);
  text[n] = '\0';
  return text;
}

static void output_beyond_the_limit_is_refused(void **state) {
  (void)state;
  er_dict *d = er_dict_new();
  char *text = text_beyond_the_limit(d);
  expect_refused(text, d, "字节");
  free(text);
  er_dict_free(d);
}

/* All the text a stream gives, read `chunk` bytes at a time. */
static char *read_stream(er_tpl_stream *s, int chunk, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *text = malloc(cap);
  assert_non_null(text);
  for (int got; (got = er_tpl_stream_read(s, text + n, chunk)) > 0;) {
    n += (size_t)got;
    if (cap - n < (size_t)chunk) {
      text = realloc(text, cap *= 2);
      assert_non_null(text);
    }
  }
  *len = n;
  return text;
}

static void streamed_expansion_reads_the_same_text(void **state) {
  (void)state;
  write_template("t", "<ul>{{#ROW}}<li id=\"r{{ROW_INDEX}}\">{{V}}</li>{{/ROW}}</ul>");
  for (int chunk = 7; chunk <= 4096; chunk *= 24) {
    er_dict *d = er_dict_new();
    for (int i = 0; i < 20000; i++) /* a few hundred KB: published several times */
      er_dict_setf(er_dict_add(d, "ROW"), "V", "值 %d & <%d>", i, i % 7);
    er_tpl_notes notes;
    er_tpl *t = load("t", &notes);
    assert_non_null(t);
    size_t whole_len;
    char *whole = er_tpl_expand(t, d, &whole_len, &notes);
    assert_non_null(whole);
    assert_true(whole_len > 256 * 1024);
    er_tpl_stream *s = er_tpl_expand_start(t, d, &notes); /* frees d */
    size_t read_len, done_len;
    char *read = read_stream(s, chunk, &read_len);
    char *done = er_tpl_stream_finish(s, &done_len);
    assert_int_equal(read_len, whole_len);
    assert_memory_equal(read, whole, whole_len);
    assert_int_equal(done_len, whole_len);
    assert_string_equal(done, whole);
    assert_int_equal(notes.errors, 0);
    free(whole);
    free(read);
    free(done);
    er_tpl_free(t);
    er_tpl_notes_free(&notes);
  }
}

static void streamed_expansion_beyond_the_limit_ends_the_text(void **state) {
  (void)state;
  er_dict *d = er_dict_new();
  char *text = text_beyond_the_limit(d);
  size_t n = strlen(text);
  write_template("t", text);
  free(text);
  er_tpl_notes notes;
  er_tpl *t = load("t", &notes);
  assert_non_null(t);
  er_tpl_stream *s = er_tpl_expand_start(t, d, &notes);
  size_t read_len, done_len = 1;
  free(read_stream(s, 4096, &read_len)); /* ends, short of the whole */
  assert_true(read_len < n);
  assert_null(er_tpl_stream_finish(s, &done_len));
  assert_int_equal(notes.errors, 1);
  assert_non_null(strstr(notes.items[0].text, "字节"));
  er_tpl_free(t);
  er_tpl_notes_free(&notes);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(unclosed_section_has_its_line),
      cmocka_unit_test(mismatched_end_has_both_lines),
      cmocka_unit_test(dotted_name_is_refused),
      cmocka_unit_test(modifiers_pragmas_and_triple_braces_are_refused),
      cmocka_unit_test(unterminated_marker_and_stray_end),
      cmocka_unit_test(errors_in_a_partial_name_the_partial),
      cmocka_unit_test(values_are_escaped_and_never_expanded),
      cmocka_unit_test(partials_see_their_context),
      cmocka_unit_test(lists_carry_first_last_and_index),
      cmocka_unit_test(lint_names_the_missing_value_and_its_line),
      cmocka_unit_test(locate_points_into_the_right_file),
      cmocka_unit_test(sections_nested_in_their_own_list_are_bounded),
      cmocka_unit_test(output_beyond_the_limit_is_refused),
      cmocka_unit_test(streamed_expansion_reads_the_same_text),
      cmocka_unit_test(streamed_expansion_beyond_the_limit_ends_the_text),
  };
  return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
