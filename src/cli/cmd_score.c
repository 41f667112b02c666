/* evalreport score FILE [--json]: the scored indicator tree, total, grade. */
#include "cli/args.h"
#include "cli/cli.h"
#include "model/check.h"
#include "model/funds.h"
#include "model/json.h"
#include "model/load.h"
#include "model/score.h"
#include "model/text.h"

#include <string.h>

#define NAME_COLUMNS 36

/* Writes s in `columns` terminal columns: padded, or cut with "…". */
static void pad(FILE *out, const char *s, size_t columns) {
  size_t w = er_display_width(s);
  if (w < columns) {
    fputs(s, out);
    for (; w < columns; w++)
      fputc(' ', out);
    return;
  }
  size_t used = 0;
  const char *p = s;
  while (*p) {
    char ch[5] = {0};
    size_t n = 1;
    while (n < 4 && (p[n] & 0xC0) == 0x80)
      n++;
    memcpy(ch, p, n);
    size_t cw = er_display_width(ch);
    if (used + cw > columns - 2)
      break;
    fwrite(p, 1, n, out);
    used += cw;
    p += n;
  }
  fputs("…", out);
  for (used += 1; used < columns; used++)
    fputc(' ', out);
}

static void print_node(FILE *out, const er_indicator *n) {
  char code[64], weight[ER_DEC_BUFSIZE], score[ER_DEC_BUFSIZE], rate[ER_DEC_BUFSIZE];
  snprintf(code, sizeof code, "%*s%s", 2 * (n->depth - 1), "", n->code.s ? n->code.s : "");
  pad(out, code, 12);
  pad(out, n->name.s ? n->name.s : "", NAME_COLUMNS);
  const er_scored *r = &n->result;
  /* the weight scored against: rescaled where a sibling is not applicable */
  if (!r->applicable)
    fprintf(out, "%6s  %7s  %8s", er_dec_format_trim(n->weight.v, 3, weight), "不适用", "—");
  else
    fprintf(out, "%6s  %7s  %7s%%", er_dec_format_trim(r->weight, 3, weight),
            r->valid ? er_dec_format(r->score, r->places, score) : "—",
            r->valid ? er_dec_format(r->rate, 2, rate) : "—");
  if (n->children.count == 0) {
    if (r->note)
      fprintf(out, "  %s", r->note);
  }
  fputc('\n', out);
  for (size_t i = 0; i < n->children.count; i++)
    print_node(out, &n->children.items[i]);
}

static void print_text(FILE *out, const er_eval *ev) {
  pad(out, "编码", 12);
  pad(out, "指标", NAME_COLUMNS);
  fputs("  分值     得分    得分率  扣分说明\n", out);
  for (size_t i = 0; i < ev->indicators.count; i++)
    print_node(out, &ev->indicators.items[i]);
  char total[ER_DEC_BUFSIZE], weight[ER_DEC_BUFSIZE], rate[ER_DEC_BUFSIZE];
  size_t grades;
  er_grade_scheme(ev, &grades);
  /* the total against the scheme's scale, 得分率 on its base */
  fprintf(out, "\n总分 %s / %s（得分率 %s%%）", er_dec_format(ev->total, 2, total),
          er_dec_format_trim(ev->out_of, 3, weight), er_dec_format(er_total_rate(ev), 2, rate));
  if (grades) /* grades: [] — a scheme without grades */
    fprintf(out, "，评价等级：%s", ev->grade ? ev->grade : "—");
  fputc('\n', out);
}

static void json_node(er_json *j, const er_indicator *n) {
  er_json_begin_object(j);
  er_json_key(j, "code");
  er_json_string(j, n->code.s);
  er_json_key(j, "name");
  er_json_string(j, n->name.s);
  er_json_key(j, "weight");
  er_json_number(j, n->weight.v, 6);
  if (!n->result.applicable) {
    er_json_key(j, "applicable");
    er_json_bool(j, false);
  } else if (er_dec_cmp(n->result.weight, n->weight.v) != 0) {
    er_json_key(j, "scored_weight");
    er_json_number(j, n->result.weight, 6);
  }
  er_json_key(j, "score");
  er_json_number(j, n->result.score, n->result.places);
  er_json_key(j, "rate");
  er_json_number(j, n->result.rate, 2);
  if (n->bonus.v) {
    er_json_key(j, "bonus");
    er_json_bool(j, true);
  }
  if (n->children.count == 0) {
    er_json_key(j, "rule");
    er_json_string(j, n->rule.index >= 0 ? er_rule_names[n->rule.index] : NULL);
    if (n->result.label) {
      er_json_key(j, "level");
      er_json_string(j, n->result.label);
    }
    er_json_key(j, "note");
    er_json_string(j, n->result.note);
  }
  er_json_key(j, "children");
  er_json_begin_array(j);
  for (size_t i = 0; i < n->children.count; i++)
    json_node(j, &n->children.items[i]);
  er_json_end_array(j);
  er_json_end_object(j);
}

static void json_fund_totals(er_json *j, const er_fund_totals *t) {
  er_json_key(j, "planned");
  er_json_number(j, t->planned, 6);
  er_json_key(j, "arrived");
  er_json_number(j, t->arrived, 6);
  er_json_key(j, "spent");
  er_json_number(j, t->spent, 6);
  er_json_key(j, "balance");
  er_json_number(j, t->balance, 6);
  er_json_key(j, "arrival_rate");
  if (t->arrival_defined)
    er_json_number(j, t->arrival_rate, 2);
  else
    er_json_null(j);
  er_json_key(j, "execution_rate");
  if (t->execution_defined)
    er_json_number(j, t->execution_rate, 2);
  else
    er_json_null(j);
}

static void print_json(FILE *out, const er_eval *ev) {
  er_json j;
  er_json_init(&j, out);
  er_json_begin_object(&j);
  er_json_key(&j, "project");
  er_json_string(&j, ev->project.name.s);
  er_json_key(&j, "total");
  er_json_number(&j, ev->total, 2);
  er_json_key(&j, "total_weight");
  er_json_number(&j, ev->total_weight, 6);
  er_json_key(&j, "out_of");
  er_json_number(&j, ev->out_of, 6);
  er_json_key(&j, "rate_base");
  er_json_number(&j, ev->rate_base, 6);
  er_json_key(&j, "rate");
  er_json_number(&j, er_total_rate(ev), 2);
  er_json_key(&j, "grade");
  er_json_string(&j, ev->grade);
  er_json_key(&j, "funds");
  er_json_begin_object(&j);
  er_json_key(&j, "unit");
  er_json_string(&j, ev->funds.unit.index == 1 ? "元" : "万元");
  er_fund_totals t;
  er_funds_totals(&ev->funds, NULL, &t);
  json_fund_totals(&j, &t);
  er_json_key(&j, "items");
  er_json_begin_array(&j);
  for (size_t i = 0; i < ev->funds.items.count; i++) {
    const er_fund_item *item = &ev->funds.items.items[i];
    er_fund_item_totals(item, &t);
    er_json_begin_object(&j);
    er_json_key(&j, "name");
    er_json_string(&j, item->name.s);
    json_fund_totals(&j, &t);
    er_json_end_object(&j);
  }
  er_json_end_array(&j);
  er_json_end_object(&j);
  er_json_key(&j, "indicators");
  er_json_begin_array(&j);
  for (size_t i = 0; i < ev->indicators.count; i++)
    json_node(&j, &ev->indicators.items[i]);
  er_json_end_array(&j);
  er_json_end_object(&j);
  er_json_finish(&j);
}

int er_cmd_score(int argc, char **argv) {
  const char *file = NULL;
  bool json = false;
  static const er_opt opts[] = {{"--json", 0, false}, {0}};
  er_args a;
  er_args_init(&a, "score", opts, argc, argv);
  for (int k; (k = er_args_next(&a)) != ER_ARG_END;) {
    if (k == ER_ARG_HELP)
      return er_help_command("score"), ER_EXIT_OK;
    if (k == ER_ARG_BAD)
      return ER_EXIT_USAGE;
    if (k == 0)
      json = true;
    else if (file)
      return er_usage_error("score", "只能给一个数据文件 (one data file only)");
    else
      file = a.value;
  }
  if (!file)
    return er_usage_error("score", "需要一个数据文件: evalreport score FILE [--json]");
  er_diag d;
  er_diag_init(&d, file);
  er_eval *ev = er_evaluate(file, &d);
  er_diag_print(&d, stderr);
  int status = ER_EXIT_OK;
  if (!er_renderable(ev, &d)) {
    er_diag_print_counts(&d, stderr);
    status = ER_EXIT_INPUT;
  } else if (json)
    print_json(stdout, ev);
  else
    print_text(stdout, ev);
  er_eval_free(ev);
  er_diag_free(&d);
  return status;
}
